//! The facts about one figure, as a hover tooltip and as the details card of a selected figure.

use egui::{RichText, Ui};

use std::sync::Arc;

use super::{Command, SelectedFigure, ViewContext};
use crate::data::Dataset;
use crate::data::query::ShownFigure;
use crate::l10n::Lang;
use crate::l10n::{Explanation, explain};
use crate::tr;

/// Whether a link may be opened: only web pages, never `file:` or `javascript:`.
pub(crate) fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && !lower.contains(char::is_whitespace)
}

/// The explanations last worded, with what they were worded for.
type Remembered = Vec<((u64, ShownFigure, Lang), Arc<Explanation>)>;

/// The explanation of a figure, worded once while it stays hovered or selected (a tooltip and
/// the details card are drawn every frame, and their words are a dozen messages). Kept in the
/// context's memory, so two windows never share one; `generation` tells datasets apart.
pub(crate) fn explanation(
    ctx: &egui::Context,
    d: &Dataset,
    generation: u64,
    figure: &ShownFigure,
    lang: Lang,
) -> Arc<Explanation> {
    let id = egui::Id::unique("figure_explanations");
    let key = (generation, figure.clone(), lang);
    let mut remembered: Remembered = ctx.data(|m| m.get_temp(id)).unwrap_or_default();
    if let Some((_, e)) = remembered.iter().find(|(k, _)| *k == key) {
        return e.clone();
    }
    let e = Arc::new(explain(d, figure, lang));
    // The hovered figure and the selected one.
    remembered.truncate(1);
    remembered.insert(0, (key, e.clone()));
    ctx.data_mut(|m| m.insert_temp(id, remembered));
    e
}

/// A hovered figure: its facts beside the pointer, and a click selects it (the details card
/// then shows it). Every chart view hovers this way.
pub(crate) fn hover(
    ui: &Ui,
    response: &egui::Response,
    anchor: egui::Pos2,
    view: &ViewContext,
    figure: SelectedFigure,
) -> Option<Command> {
    let e = explanation(ui.ctx(), view.dataset, view.generation, &figure.figure, view.lang);
    egui::Tooltip::always_open(ui.ctx().clone(), ui.layer_id(), response.id, anchor).show(|ui| tooltip_ui(ui, &e));
    response.clicked().then_some(Command::Select(figure))
}

/// The tooltip's content.
pub(crate) fn tooltip_ui(ui: &mut Ui, e: &Explanation) {
    ui.set_max_width(420.0);
    ui.label(RichText::new(format!("{} — {}", e.heading, e.time)).strong());
    ui.label(RichText::new(&e.value).size(16.0).strong());
    for line in e.tooltip_lines().iter().skip(2) {
        ui.label(line);
    }
}

/// The details card: the tooltip's facts plus the quote and a link to the source.
pub(crate) fn card(ui: &mut Ui, e: &Explanation, lang: Lang) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(RichText::new(tr!(lang, "details-selected-figure")).strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button(tr!(lang, "details-clear"))
                    .on_hover_text(tr!(lang, "details-clear-the-selection-esc"))
                    .clicked()
                {
                    commands.push(Command::ClearSelection);
                }
            });
        });
        ui.label(RichText::new(format!("{} — {}", e.heading, e.time)).strong());
        ui.label(RichText::new(&e.value).size(16.0).strong());
        for line in e.tooltip_lines().iter().skip(2) {
            ui.add(egui::Label::new(line).wrap());
        }
        if let Some(quote) = &e.quote {
            ui.add(egui::Label::new(RichText::new(quote).italics()).wrap());
        }
        if let Some(url) = &e.source_url {
            if is_web_link(url) {
                let response = ui.link(tr!(lang, "details-open-the-source-in-the-browser")).on_hover_text(url);
                if response.clicked() {
                    commands.push(Command::OpenUrl(url.clone()));
                }
            } else {
                ui.label(RichText::new(url).weak());
            }
        }
    });
    commands
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::{explanation, is_web_link};
    use crate::data::query::ShownFigure;
    use crate::data::{DisplayUnit, Filter, load_bundled};
    use crate::l10n::Lang;

    #[test]
    fn a_figure_is_worded_once_while_hovered_and_again_in_another_language_or_dataset() {
        let d = load_bundled().expect("the bundled dataset").dataset;
        let o = &d.observations[0];
        let unit = DisplayUnit::of(&d.metric(o.cell.metric).unit);
        let figure = ShownFigure::new(0, Some(o.value), unit, None, &Filter::default());
        let ctx = egui::Context::default();
        let first = explanation(&ctx, &d, 1, &figure, Lang::EN);
        assert!(Arc::ptr_eq(&first, &explanation(&ctx, &d, 1, &figure, Lang::EN)));
        let chinese = explanation(&ctx, &d, 1, &figure, Lang::ZH);
        assert_ne!(chinese.trust, first.trust, "the trust line is worded in Chinese");
        assert!(!Arc::ptr_eq(&first, &explanation(&ctx, &d, 2, &figure, Lang::EN)), "another dataset");
        // Another window keeps its own.
        assert!(!Arc::ptr_eq(&first, &explanation(&egui::Context::default(), &d, 1, &figure, Lang::EN)));
    }

    #[test]
    fn only_web_links_open() {
        assert!(is_web_link("http://www.ezhejiang.gov.cn/jinhua/2026-02/14/c_1161147.htm"));
        assert!(is_web_link("HTTPS://example.com"));
        assert!(!is_web_link("file:///etc/passwd"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link("https://exa mple.com"));
    }
}
