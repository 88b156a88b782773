//! An in-app file chooser, for machines where no native dialog answers (no XDG desktop portal
//! and no zenity): a path field and the folder's entries.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::l10n::Lang;
use crate::tr;

/// The state of an open path dialog.
#[derive(Debug, Clone)]
pub(crate) struct PathDialog {
    /// The path typed so far.
    pub path: String,
    /// File name endings offered in the list (`json`, `csv`).
    pub extensions: Vec<&'static str>,
    /// Choosing a file to write (may not exist yet) rather than one to open.
    pub save: bool,
    /// The person has been asked whether to replace the existing file.
    asking_to_replace: bool,
}

impl PathDialog {
    /// A dialog starting in `folder`.
    pub(crate) fn new(folder: &Path, extensions: Vec<&'static str>) -> PathDialog {
        let mut path = folder.display().to_string();
        if !path.ends_with(std::path::MAIN_SEPARATOR) {
            path.push(std::path::MAIN_SEPARATOR);
        }
        PathDialog { path, extensions, save: false, asking_to_replace: false }
    }

    /// A dialog for a file to write, starting at `folder/name`.
    pub(crate) fn save(folder: &Path, name: &str, extensions: Vec<&'static str>) -> PathDialog {
        let mut dialog = PathDialog::new(folder, extensions);
        dialog.path.push_str(name);
        dialog.save = true;
        dialog
    }

    /// The folder the typed path is in (or is).
    fn folder(&self) -> PathBuf {
        let typed = PathBuf::from(&self.path);
        if typed.is_dir() { typed } else { typed.parent().map(Path::to_path_buf).unwrap_or_default() }
    }
}

/// What the person did with the dialog this frame.
pub(crate) enum Outcome {
    /// Nothing yet.
    Open,
    /// Chose this file.
    Chosen(PathBuf),
    /// Closed it.
    Cancelled,
}

/// Draws the dialog window.
pub(crate) fn show(ctx: &egui::Context, dialog: &mut PathDialog, title: &str, lang: Lang) -> Outcome {
    let mut outcome = Outcome::Open;
    let mut open = true;
    egui::Window::new(title).open(&mut open).collapsible(false).default_width(520.0).show(ctx, |ui: &mut Ui| {
        ui.label(RichText::new(tr!(lang, "path-dialog-no-file-dialog-of-the-desktop")).weak());
        let field = ui
            .horizontal(|ui| {
                let label = ui.label(tr!(lang, "path-dialog-path"));
                ui.add(egui::TextEdit::singleline(&mut dialog.path).desired_width(f32::INFINITY)).labelled_by(label.id)
            })
            .inner;
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let folder = dialog.folder();
        egui::ScrollArea::vertical().max_height(280.0).show(ui, |ui| {
            if let Some(parent) = folder.parent()
                && ui.selectable_label(false, "⬆ ..").clicked()
            {
                let save = dialog.save;
                *dialog = PathDialog::new(parent, dialog.extensions.clone());
                dialog.save = save;
            }
            let mut entries: Vec<(bool, PathBuf)> = std::fs::read_dir(&folder)
                .map(|rd| rd.filter_map(Result::ok).map(|e| (e.path().is_dir(), e.path())).collect())
                .unwrap_or_default();
            entries.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            for (is_dir, path) in entries {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                if name.starts_with('.') {
                    continue;
                }
                let wanted =
                    path.extension().is_some_and(|e| dialog.extensions.iter().any(|x| e.eq_ignore_ascii_case(x)));
                if is_dir {
                    if ui.selectable_label(false, format!("▸ {name}/")).clicked() {
                        let file_name =
                            PathBuf::from(&dialog.path).file_name().map(|n| n.to_string_lossy().into_owned());
                        let mut next = PathDialog::new(&path, dialog.extensions.clone());
                        if dialog.save {
                            next.save = true;
                            next.path.push_str(&file_name.unwrap_or_default());
                        }
                        *dialog = next;
                    }
                } else if wanted && ui.selectable_label(false, format!("  {name}")).clicked() {
                    dialog.path = path.display().to_string();
                }
            }
        });
        let path = PathBuf::from(dialog.path.trim());
        if dialog.asking_to_replace {
            ui.label(RichText::new(tr!(lang, "path-dialog-the-file-exists-replace-it")).strong());
            ui.horizontal(|ui| {
                if ui.button(tr!(lang, "path-dialog-replace")).clicked() {
                    outcome = Outcome::Chosen(path.clone());
                }
                if ui.button(tr!(lang, "path-dialog-cancel")).clicked() {
                    dialog.asking_to_replace = false;
                }
            });
            return;
        }
        ui.horizontal(|ui| {
            let ready = if dialog.save {
                path.file_name().is_some()
                    && path.parent().is_some_and(|p| p.as_os_str().is_empty() || p.is_dir())
                    && !path.is_dir()
            } else {
                path.is_file()
            };
            let action = if dialog.save { tr!(lang, "path-dialog-save") } else { tr!(lang, "path-dialog-open") };
            if ui.add_enabled(ready, egui::Button::new(action)).clicked() || (entered && ready) {
                if dialog.save && path.exists() {
                    dialog.asking_to_replace = true;
                } else {
                    outcome = Outcome::Chosen(path.clone());
                }
            }
            if ui.button(tr!(lang, "path-dialog-cancel")).clicked() {
                outcome = Outcome::Cancelled;
            }
        });
    });
    if !open {
        outcome = Outcome::Cancelled;
    }
    outcome
}
