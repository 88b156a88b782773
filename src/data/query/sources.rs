//! Which figures a source supports, and a source's short label.

use super::*;

/// A source's short label: "China Daily, 2026-02-14".
pub fn source_label(source: &Source) -> String {
    match &source.published {
        Some(date) if !source.publisher.is_empty() => format!("{}, {date}", source.publisher),
        Some(date) => format!("{}, {date}", source.title),
        None if !source.publisher.is_empty() => source.publisher.clone(),
        None => source.title.clone(),
    }
}

/// For each source, the observations it supports (directly, or as the source of an
/// alternative), in dataset order.
pub fn figures_by_source(d: &Dataset) -> Vec<Vec<usize>> {
    let mut figures = vec![Vec::new(); d.sources.len()];
    for (i, o) in d.observations.iter().enumerate() {
        if let Some(s) = o.source {
            figures[s.0 as usize].push(i);
        }
        for alt in o.alternatives() {
            if let Some(s) = alt.source.filter(|&s| Some(s) != o.source)
                && !figures[s.0 as usize].contains(&i)
            {
                figures[s.0 as usize].push(i);
            }
        }
    }
    figures
}
