//! The facts about one figure, as a hover tooltip and as the details card of a selected figure.

use egui::{RichText, Ui};

use super::{Command, SelectedFigure};
use crate::data::Dataset;
use crate::l10n::Lang;
use crate::l10n::{Explanation, explain};
use crate::tr;

/// Whether a link may be opened: only web pages, never `file:` or `javascript:`.
pub(crate) fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && !lower.contains(char::is_whitespace)
}

/// The explanation of a selected figure.
pub(crate) fn explain_selected(d: &Dataset, selected: &SelectedFigure, lang: Lang) -> Explanation {
    explain(d, &selected.figure, lang)
}

/// A hovered figure: its facts beside the pointer, and a click selects it (the details card
/// then shows it). Every chart view hovers this way.
pub(crate) fn hover(
    ui: &Ui,
    response: &egui::Response,
    anchor: egui::Pos2,
    d: &Dataset,
    figure: SelectedFigure,
    lang: Lang,
) -> Option<Command> {
    let e = explain_selected(d, &figure, lang);
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
    use super::is_web_link;

    #[test]
    fn only_web_links_open() {
        assert!(is_web_link("http://www.ezhejiang.gov.cn/jinhua/2026-02/14/c_1161147.htm"));
        assert!(is_web_link("HTTPS://example.com"));
        assert!(!is_web_link("file:///etc/passwd"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link("https://exa mple.com"));
    }
}
