//! The "Sources" view: every source with its publisher, date and link, the figures it supports
//! and their quotes; then the derived figures with their formulas, and the conflicting figures
//! with their alternatives.

use egui::{CollapsingHeader, RichText, ScrollArea, Ui};

use super::Command;
use super::details::is_web_link;
use crate::data::Dataset;
use crate::data::format::format_number;
use crate::l10n::Lang;
use crate::l10n::dataset_description;
use crate::l10n::figure_line;
use crate::tr;

/// The most figures listed under one source; a source of a million-row file lists a sample.
const MAX_LISTED: usize = 200;

/// Draws the view; `figures` are the observations of each source
/// ([`crate::data::query::figures_by_source`]); `search` filters sources by title, publisher
/// or quote.
pub fn show(ui: &mut Ui, d: &Dataset, figures: &[Vec<usize>], search: &mut String, lang: Lang) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.label(RichText::new(tr!(lang, "sources-sources")).size(20.0).strong());
    ui.label(RichText::new(dataset_description(d, lang)).weak());
    ui.horizontal(|ui| {
        let label = ui.label(tr!(lang, "sources-search"));
        ui.add(egui::TextEdit::singleline(search).hint_text(tr!(lang, "sources-title-publisher-or-quote")))
            .labelled_by(label.id)
            .on_hover_text(tr!(lang, "sources-show-only-sources-that-mention-this"));
    });
    let needle = search.trim().to_lowercase();
    ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        let mut shown = 0;
        for (i, source) in d.sources.iter().enumerate() {
            let supported = &figures[i];
            let matches = needle.is_empty()
                || source.title.to_lowercase().contains(&needle)
                || source.publisher.to_lowercase().contains(&needle)
                || supported
                    .iter()
                    .any(|&o| d.observations[o].quote().is_some_and(|q| q.to_lowercase().contains(&needle)));
            if !matches {
                continue;
            }
            shown += 1;
            ui.add_space(6.0);
            ui.label(RichText::new(&source.title).strong());
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
            let n = supported.len();
            let title = tr!(lang, "figure-count", n = n, count = format_number(n as f64, 0));
            CollapsingHeader::new(title).id_salt(("source", i)).show(ui, |ui| {
                for &o in supported.iter().take(MAX_LISTED) {
                    ui.label(figure_line(d, o, lang));
                    if let Some(quote) = d.observations[o].quote() {
                        ui.add(egui::Label::new(RichText::new(format!("“{quote}”")).italics().weak()).wrap());
                    }
                }
                if supported.len() > MAX_LISTED {
                    let more = supported.len() - MAX_LISTED;
                    ui.label(RichText::new(tr!(lang, "sources-and-more", more = format_number(more as f64, 0))).weak());
                }
            });
        }
        if shown == 0 {
            ui.label(tr!(lang, "sources-no-source-matches-the-search"));
        }
        ui.add_space(12.0);
        let derived: Vec<usize> = (0..d.observations.len()).filter(|&i| d.observations[i].derived).collect();
        CollapsingHeader::new(
            RichText::new(format!("{} ({})", tr!(lang, "sources-derived-figures"), derived.len())).strong(),
        )
        .id_salt("derived")
        .show(ui, |ui| {
            for i in derived {
                ui.label(figure_line(d, i, lang));
                if let Some(dv) = d.observations[i].derivation() {
                    ui.add(egui::Label::new(RichText::new(&dv.formula).weak()).wrap());
                }
            }
        });
        let conflicts: Vec<usize> =
            (0..d.observations.len()).filter(|&i| !d.observations[i].alternatives().is_empty()).collect();
        CollapsingHeader::new(
            RichText::new(format!("{} ({})", tr!(lang, "sources-conflicting-figures"), conflicts.len())).strong(),
        )
        .id_salt("conflicts")
        .show(ui, |ui| {
            for i in conflicts {
                let o = &d.observations[i];
                ui.label(RichText::new(figure_line(d, i, lang)).strong());
                for alt in o.alternatives() {
                    let who = alt.source.map(|s| d.source(s).title.clone()).unwrap_or_default();
                    let trust = crate::l10n::trust_level(alt.trust, lang);
                    let value = alt.value.to_string();
                    ui.label(format!(
                        "    {}",
                        tr!(lang, "sources-also-reported", value = value, source = who, trust = trust)
                    ));
                }
                if let Some(note) = o.note() {
                    ui.add(egui::Label::new(RichText::new(note).weak()).wrap());
                }
            }
        });
    });
    commands
}
