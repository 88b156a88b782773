//! The "Sources" view: a searchable list of every source (and of the derived and the conflicting
//! figures) beside the details of the one picked: its publisher, date and link, the figures it
//! supports and their quotes. The list is virtualised: only the rows on screen are laid out, and
//! a search runs once per keystroke over an index made once per dataset.

use egui::{RichText, ScrollArea, Ui};

use super::Command;
use super::details::is_web_link;
use crate::data::Dataset;
use crate::data::format::format_number;
use crate::data::query::SourcesIndex;
use crate::l10n::{Lang, dataset_description, figure_line, trust_level};
use crate::tr;

/// The most figures listed under one item; a source of a million-row file lists a sample.
const MAX_LISTED: usize = 200;

/// One row of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SourcesItem {
    /// A source, by index.
    Source(usize),
    /// The figures derived from others.
    Derived,
    /// The figures for which sources disagree.
    Conflicts,
}

/// The view's own state: the search, its matches, and the item picked.
#[derive(Debug, Default)]
pub(crate) struct SourcesState {
    /// The text typed into the search box.
    pub search: String,
    /// The item whose details are shown; the first match when none was picked.
    pub picked: Option<SourcesItem>,
    /// The sources matching the search, for a dataset generation and search text.
    matches: Option<(u64, String, Vec<usize>)>,
}

impl SourcesState {
    /// The sources matching the search, searched again only when the text or the dataset changed.
    fn matches(&mut self, index: &SourcesIndex, generation: u64) -> &[usize] {
        let stale = self.matches.as_ref().is_none_or(|(g, text, _)| *g != generation || *text != self.search);
        if stale {
            self.matches = Some((generation, self.search.clone(), index.search(&self.search)));
        }
        self.matches.as_ref().map_or(&[], |(_, _, m)| m.as_slice())
    }
}

/// Draws the view; `index` is [`crate::data::query::sources_index`] of `d`, `generation` counts
/// datasets opened.
pub(crate) fn show(
    ui: &mut Ui,
    d: &Dataset,
    index: &SourcesIndex,
    generation: u64,
    state: &mut SourcesState,
    lang: Lang,
) -> Vec<Command> {
    ui.label(RichText::new(tr!(lang, "sources-sources")).size(20.0).strong());
    ui.label(RichText::new(dataset_description(d, lang)).weak());
    ui.horizontal(|ui| {
        let label = ui.label(tr!(lang, "sources-search"));
        ui.add(egui::TextEdit::singleline(&mut state.search).hint_text(tr!(lang, "sources-title-publisher-or-quote")))
            .labelled_by(label.id)
            .on_hover_text(tr!(lang, "sources-show-only-sources-that-mention-this"));
    });
    let matches = state.matches(index, generation).to_vec();
    // The two lists of figures first, where they are found without scrolling past every source.
    let mut items = vec![SourcesItem::Derived, SourcesItem::Conflicts];
    items.extend(matches.iter().map(|&i| SourcesItem::Source(i)));
    let first = matches.first().map_or(SourcesItem::Derived, |&i| SourcesItem::Source(i));
    let picked = state.picked.filter(|p| items.contains(p)).unwrap_or(first);
    let mut commands = Vec::new();
    ui.columns(2, |columns| {
        if matches.is_empty() {
            columns[0].label(tr!(lang, "sources-no-source-matches-the-search"));
        }
        if let Some(item) = list(&mut columns[0], d, index, &items, picked, lang) {
            state.picked = Some(item);
        }
        ScrollArea::vertical().id_salt("source_details").auto_shrink([false, false]).show(&mut columns[1], |ui| {
            // Columns justify their text; a quote reads better ragged.
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                commands = details(ui, d, index, picked, lang);
            });
        });
    });
    commands
}

/// The list, one line a row, only the visible rows laid out; returns the row clicked.
fn list(
    ui: &mut Ui,
    d: &Dataset,
    index: &SourcesIndex,
    items: &[SourcesItem],
    picked: SourcesItem,
    lang: Lang,
) -> Option<SourcesItem> {
    let mut clicked = None;
    let row_height = ui.spacing().interact_size.y;
    ScrollArea::vertical().id_salt("source_list").auto_shrink([false, false]).show_rows(
        ui,
        row_height,
        items.len(),
        |ui, rows| {
            for &item in &items[rows] {
                let (name, count) = match item {
                    SourcesItem::Source(i) => (d.sources[i].title.clone(), index.figures[i].len()),
                    SourcesItem::Derived => (tr!(lang, "sources-derived-figures"), index.derived.len()),
                    SourcesItem::Conflicts => (tr!(lang, "sources-conflicting-figures"), index.conflicts.len()),
                };
                let count = format_number(count as f64, 0);
                let row = egui::Button::selectable(item == picked, name).truncate().right_text(count);
                let response = ui.add_sized([ui.available_width(), row_height], row);
                let response = match item {
                    SourcesItem::Source(i) => {
                        let s = &d.sources[i];
                        let facts: Vec<&str> = [Some(s.publisher.as_str()), s.published.as_deref()]
                            .into_iter()
                            .flatten()
                            .filter(|f| !f.is_empty())
                            .collect();
                        response.on_hover_text(format!("{}\n{}", s.title, facts.join(" · ")))
                    }
                    _ => response,
                };
                if response.clicked() {
                    clicked = Some(item);
                }
            }
        },
    );
    clicked
}

/// The picked item's details.
fn details(ui: &mut Ui, d: &Dataset, index: &SourcesIndex, item: SourcesItem, lang: Lang) -> Vec<Command> {
    match item {
        SourcesItem::Source(i) => source_details(ui, d, index, i, lang),
        SourcesItem::Derived => {
            ui.label(RichText::new(tr!(lang, "sources-derived-figures")).strong());
            for &i in index.derived.iter().take(MAX_LISTED) {
                ui.label(figure_line(d, i, lang));
                if let Some(dv) = d.observations[i].derivation() {
                    ui.add(egui::Label::new(RichText::new(&dv.formula).weak()).wrap());
                }
            }
            more(ui, index.derived.len(), lang);
            Vec::new()
        }
        SourcesItem::Conflicts => {
            ui.label(RichText::new(tr!(lang, "sources-conflicting-figures")).strong());
            for &i in index.conflicts.iter().take(MAX_LISTED) {
                conflict(ui, d, i, lang);
            }
            more(ui, index.conflicts.len(), lang);
            Vec::new()
        }
    }
}

/// A source: title, publisher and date, link, and its figures with their quotes.
fn source_details(ui: &mut Ui, d: &Dataset, index: &SourcesIndex, i: usize, lang: Lang) -> Vec<Command> {
    let mut commands = Vec::new();
    let source = &d.sources[i];
    ui.add(egui::Label::new(RichText::new(&source.title).strong()).wrap());
    ui.horizontal_wrapped(|ui| {
        let mut facts = vec![source.publisher.clone()];
        facts.extend(source.published.clone());
        ui.label(RichText::new(facts.join(" · ")).weak());
        if is_web_link(&source.url) {
            let link = ui.link(&source.url).on_hover_text(tr!(lang, "sources-open-in-the-browser"));
            if link.clicked() {
                commands.push(Command::OpenUrl(source.url.clone()));
            }
        } else if !source.url.is_empty() {
            ui.label(RichText::new(&source.url).weak());
        }
    });
    let supported = &index.figures[i];
    let n = supported.len();
    ui.add_space(6.0);
    ui.label(RichText::new(tr!(lang, "figure-count", n = n, count = format_number(n as f64, 0))).strong());
    for &o in supported.iter().take(MAX_LISTED) {
        ui.label(figure_line(d, o, lang));
        if let Some(quote) = d.observations[o].quote() {
            ui.add(egui::Label::new(RichText::new(format!("“{quote}”")).italics().weak()).wrap());
        }
    }
    more(ui, n, lang);
    commands
}

/// A figure for which sources disagree, with each other figure reported.
fn conflict(ui: &mut Ui, d: &Dataset, i: usize, lang: Lang) {
    let o = &d.observations[i];
    ui.label(RichText::new(figure_line(d, i, lang)).strong());
    for alt in o.alternatives() {
        let who = alt.source.map(|s| d.source(s).title.clone()).unwrap_or_default();
        let trust = trust_level(alt.trust, lang);
        let unit = crate::data::DisplayUnit::of(&d.metric(o.cell.metric).unit);
        let value = crate::l10n::format_value(d, &unit, alt.value, lang);
        ui.label(format!("    {}", tr!(lang, "sources-also-reported", value = value, source = who, trust = trust)));
    }
    if let Some(note) = o.note() {
        ui.add(egui::Label::new(RichText::new(note).weak()).wrap());
    }
    if let Some(cell) = d.origin_text(o) {
        ui.add(egui::Label::new(RichText::new(tr!(lang, "explain-origin", cell = cell)).weak()).wrap());
    }
}

/// "… and 1,234 more", when a list was cut at [`MAX_LISTED`].
fn more(ui: &mut Ui, total: usize, lang: Lang) {
    if total > MAX_LISTED {
        let more = format_number((total - MAX_LISTED) as f64, 0);
        ui.label(RichText::new(tr!(lang, "sources-and-more", more = more)).weak());
    }
}
