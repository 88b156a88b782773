//! Which figures a source supports, and a source's short label.

use super::*;

/// A source's short label: "China Daily, 2026-02-14".
pub(crate) fn source_label(source: &Source) -> String {
    match &source.published {
        Some(date) if !source.publisher.is_empty() => format!("{}, {date}", source.publisher),
        Some(date) => format!("{}, {date}", source.title),
        None if !source.publisher.is_empty() => source.publisher.clone(),
        None => source.title.clone(),
    }
}

/// For each source, the observations it supports (directly, or as the source of an
/// alternative), in dataset order.
fn figures_by_source(d: &Dataset) -> Vec<Vec<usize>> {
    let mut figures = vec![Vec::new(); d.sources.len()];
    for (i, o) in d.observations.iter().enumerate() {
        if let Some(s) = o.source {
            figures[s.index() as usize].push(i);
        }
        for alt in o.alternatives() {
            if let Some(s) = alt.source.filter(|&s| Some(s) != o.source)
                && !figures[s.index() as usize].contains(&i)
            {
                figures[s.index() as usize].push(i);
            }
        }
    }
    figures
}

/// What the Sources view lists, made once per dataset: each source's figures, the derived and
/// the conflicting figures, and each source's searchable text (title, publisher and the quotes of
/// its figures, lowercased), so that a search does not lowercase every quote on every keystroke.
#[derive(Debug, Clone, Default)]
pub(crate) struct SourcesIndex {
    /// For each source, the observations it supports, in dataset order.
    pub figures: Vec<Vec<usize>>,
    /// The derived observations.
    pub derived: Vec<usize>,
    /// The observations with alternative figures.
    pub conflicts: Vec<usize>,
    search_text: Vec<String>,
}

/// The Sources view's index of `d`.
pub(crate) fn sources_index(d: &Dataset) -> SourcesIndex {
    let figures = figures_by_source(d);
    let search_text = d
        .sources
        .iter()
        .zip(&figures)
        .map(|(source, supported)| {
            let mut text = format!("{}\n{}", source.title, source.publisher);
            for quote in supported.iter().filter_map(|&o| d.observations[o].quote()) {
                text.push('\n');
                text.push_str(quote);
            }
            text.to_lowercase()
        })
        .collect();
    SourcesIndex {
        figures,
        derived: (0..d.observations.len()).filter(|&i| d.observations[i].derived).collect(),
        conflicts: (0..d.observations.len()).filter(|&i| !d.observations[i].alternatives().is_empty()).collect(),
        search_text,
    }
}

impl SourcesIndex {
    /// The sources whose title, publisher or quotes contain `text` (any case), in order; all of
    /// them for an empty text.
    pub(crate) fn search(&self, text: &str) -> Vec<usize> {
        let needle = text.trim().to_lowercase();
        (0..self.search_text.len()).filter(|&i| self.search_text[i].contains(&needle)).collect()
    }
}
