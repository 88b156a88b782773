//! The window's own parts around the views: the status line, About, the keyboard shortcuts, the
//! errors of a file that could not be opened, and the in-app open chooser.

use egui::{RichText, Ui};

use super::TradeExplorerApp;
use crate::data::format::format_number;
use crate::l10n::{Lang, dataset_description, dataset_title, load_error_text};
use crate::tr;
use crate::ui::path_dialog;
use crate::ui::{Command, menu};

impl TradeExplorerApp {
    /// The status line: the dataset, its figures and what the filters hide; a load's progress;
    /// the latest notice.
    pub(super) fn status_line(&self, ui: &mut Ui) {
        let lang = self.session.state.lang;
        let d = self.data.dataset();
        // Without a path, the data is the bundled dataset.
        let origin = match &self.data.path {
            Some(_) => {
                format!("{}, {}", self.data.origin, crate::l10n::data_format_name(self.data.loaded.format, lang))
            }
            None => tr!(lang, "app-bundled"),
        };
        let status = format!("{} ({origin}) · {}", dataset_title(d, lang), self.data.words().status);
        ui.horizontal(|ui| {
            ui.label(RichText::new(status).small());
            if let Some(opening) = &self.jobs.opening {
                let text = tr!(lang, "app-opening", name = opening.name.as_str());
                let bar = match opening.progress.fraction() {
                    Some(f) => egui::ProgressBar::new(f).show_percentage(),
                    None => egui::ProgressBar::new(0.0).animate(true),
                };
                ui.add(bar.desired_width(160.0).text(text));
                if ui.small_button(tr!(lang, "app-cancel")).clicked() {
                    opening.progress.cancel();
                }
            }
            if let Some(message) = &self.ui.message {
                ui.separator();
                let text = message.text(&self.data.loaded, lang);
                ui.label(RichText::new(text).small().color(ui.visuals().warn_fg_color));
            }
        });
    }

    /// The windows that float over the views; returns what they ask for.
    pub(super) fn windows(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let lang = self.session.state.lang;
        if self.ui.show_about {
            self.about(ctx, lang);
        }
        if self.ui.show_shortcuts {
            let lines = menu::shortcut_help(ctx, lang);
            egui::Window::new(tr!(lang, "app-keyboard-shortcuts"))
                .open(&mut self.ui.show_shortcuts)
                .collapsible(false)
                .show(ctx, |ui| {
                    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                        for (keys, what) in lines {
                            ui.label(RichText::new(keys).monospace());
                            ui.label(what);
                            ui.end_row();
                        }
                    });
                });
        }
        let mut commands = Vec::new();
        if self.ui.load_error.is_some() {
            commands.extend(self.load_error_window(ctx, lang));
        }
        if let Some((dialog, import)) = &mut self.ui.open_dialog {
            let import = *import;
            match path_dialog::show(ctx, dialog, &tr!(lang, "app-open-a-dataset"), lang) {
                path_dialog::Outcome::Open => {}
                path_dialog::Outcome::Cancelled => self.ui.open_dialog = None,
                path_dialog::Outcome::Chosen(path) => {
                    self.ui.open_dialog = None;
                    commands.push(if import { Command::ImportPath(path) } else { Command::OpenPath(path) });
                }
            }
        }
        self.import_window(ctx);
        commands
    }

    fn about(&mut self, ctx: &egui::Context, lang: Lang) {
        let d = &self.data.loaded.dataset;
        egui::Window::new(tr!(lang, "app-about-trade-explorer")).open(&mut self.ui.show_about).collapsible(false).show(
            ctx,
            |ui| {
                ui.label(RichText::new(format!("Trade Explorer {}", env!("CARGO_PKG_VERSION"))).strong());
                ui.label(tr!(lang, "app-charts-of-foreign-trade-data-with"));
                ui.separator();
                ui.label(RichText::new(dataset_title(d, lang)).strong());
                ui.add(egui::Label::new(dataset_description(d, lang)).wrap());
                let (all, derived) = (d.observations.len(), d.stats.derived);
                let count = |n: usize| format_number(n as f64, 0);
                ui.label(tr!(
                    lang,
                    "app-about-figures",
                    all = count(all),
                    reported = count(all - derived),
                    derived = count(derived)
                ));
                ui.separator();
                ui.label(RichText::new(tr!(lang, "app-chinese-text-uses-droid-sans-fallback")).small());
            },
        );
    }

    /// The located errors of a file that could not be opened, with "Copy the messages"; for an
    /// archive of several tables, a button per table to open it.
    fn load_error_window(&mut self, ctx: &egui::Context, lang: Lang) -> Option<Command> {
        let error = self.ui.load_error.as_ref()?;
        let tables = match error {
            crate::data::LoadError::ZipSeveralCsvs { path, csvs } => {
                csvs.iter().map(|c| (c.clone(), path.join(c))).collect()
            }
            _ => Vec::new(),
        };
        let error = load_error_text(error, lang);
        let mut chosen = None;
        let mut open = true;
        let title = match tables.is_empty() {
            true => tr!(lang, "app-the-file-could-not-be-opened"),
            false => tr!(lang, "app-choose-a-table"),
        };
        egui::Window::new(title).id(egui::Id::unique("load_error")).open(&mut open).default_width(640.0).show(
            ctx,
            |ui| {
                if tables.is_empty() {
                    ui.label(tr!(lang, "app-the-data-that-was-open-is"));
                }
                egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                    for line in error.lines() {
                        ui.add(egui::Label::new(RichText::new(line).monospace()).selectable(true).wrap());
                    }
                });
                if !tables.is_empty() {
                    ui.separator();
                    ui.label(tr!(lang, "app-open-one-of-the-tables"));
                    for (name, path) in &tables {
                        if ui.button(name).clicked() {
                            chosen = Some(path.clone());
                        }
                    }
                    ui.separator();
                }
                if ui.button(tr!(lang, "app-copy-the-messages")).clicked() {
                    ui.ctx().copy_text(error.clone());
                }
            },
        );
        if !open || chosen.is_some() {
            self.ui.load_error = None;
        }
        chosen.map(Command::OpenPath)
    }

    /// Opens the high-resolution export window, sized like the chart on screen.
    pub(super) fn show_high_res_export(&mut self, ctx: &egui::Context) {
        let size = crate::export::ChartView::of_tab(self.session.state.tab)
            .and_then(|v| crate::ui::chart_layout(ctx, v.tab()))
            .map_or([1600, 900], |l| [l.chart_rect.width().round() as u32, l.chart_rect.height().round() as u32]);
        self.ui.high_res = Some((2.0, [size[0].max(200), size[1].max(200)]));
    }
}
