//! Opening datasets: the file dialog (or the in-app chooser), drag and drop, recent files and
//! reload. Files load on a worker thread with progress and Cancel; the open dataset stays on
//! screen until the new one is ready, and stays if the new one fails.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::channel;
use std::time::Duration;

use egui::Color32;

use super::TradeExplorerApp;
use super::jobs::{Opened, Opening};
use crate::data::{LoadError, Progress, load_bytes};
use crate::l10n::Lang;
use crate::settings::RECENT_FILES;
use crate::tr;
use crate::ui::path_dialog::PathDialog;

/// The file extensions the open dialogs offer: datasets, tables, archives and workbooks.
const OPENABLE: [&str; 8] = ["json", "csv", "zip", "xlsx", "xlsm", "xlsb", "xls", "ods"];

impl TradeExplorerApp {
    /// Whether a file is being opened.
    pub fn loading(&self) -> bool {
        self.jobs.loading()
    }

    /// Shows the desktop's open dialog on a thread, or the in-app chooser.
    pub(super) fn open_file_dialog(&mut self, ctx: &egui::Context, import: bool) {
        if self.loading() {
            return;
        }
        let folder = self
            .data
            .path
            .as_ref()
            .and_then(|p| p.parent().map(|p| p.to_path_buf()))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        if self.surroundings.native_dialogs {
            let (tx, rx) = channel();
            let ctx = ctx.clone();
            let title = tr!(self.session.state.lang, "opening-open-a-dataset");
            let filter_name = tr!(self.session.state.lang, "opening-dataset-files");
            std::thread::spawn(move || {
                let picked = rfd::FileDialog::new()
                    .set_title(title)
                    .set_directory(folder)
                    .add_filter(filter_name, &OPENABLE)
                    .pick_file();
                let _ = tx.send(picked);
                ctx.request_repaint();
            });
            self.jobs.choosing_file = Some((rx, import));
        } else {
            self.ui.open_dialog = Some((PathDialog::new(&folder, OPENABLE.to_vec()), import));
        }
    }

    /// Runs `load` on a worker thread, with progress and Cancel in the status line.
    pub(super) fn start(
        &mut self,
        ctx: &egui::Context,
        name: String,
        load: impl FnOnce(&Progress) -> Opened + Send + 'static,
    ) {
        let progress = Arc::new(Progress::new(self.limits));
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let shared = Arc::clone(&progress);
        let file = PathBuf::from(&name);
        let gate = self.surroundings.test_gate.clone();
        std::thread::spawn(move || {
            super::surroundings::wait_at(gate.as_deref());
            let outcome = guarded(&file, || load(&shared));
            let _ = tx.send(outcome);
            ctx.request_repaint();
        });
        super::event(&format!("opening {name}"));
        self.jobs.opening = Some(Opening { name, progress, rx });
    }

    /// Opens a file on a worker thread.
    pub(crate) fn open_path(&mut self, ctx: &egui::Context, path: PathBuf) {
        if self.jobs.opening.is_some() {
            return;
        }
        let name =
            path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
        let remembered = self.imports.for_file(&path);
        self.start(ctx, name, move |progress| {
            match super::importing::load_as_remembered(&path, &remembered, progress) {
                // A table detection cannot read opens in the import dialog, read here already.
                Err(error) if super::importing::dialog_can_settle(&error) => {
                    let state =
                        super::importing::ImportState::for_file(&path, &remembered, Some(error), &progress.limits);
                    Opened::Import(state.map(Box::new))
                }
                result => Opened::Data(Some(path), result),
            }
        });
    }

    /// Reads the open file again (F5).
    pub(super) fn reload(&mut self, ctx: &egui::Context) {
        if let Some(path) = self.data.path.clone() {
            self.open_path(ctx, path);
        }
    }

    /// Opens files dropped on the window (the first one; a dataset is one file).
    fn open_dropped(&mut self, ctx: &egui::Context, files: &[Arc<dyn egui::DroppedFile + Send + Sync>]) {
        let Some(file) = files.first() else { return };
        let path = file.path().to_path_buf();
        if path.is_file() {
            return self.open_path(ctx, path);
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| tr!(self.session.state.lang, "opening-dropped-file"));
        let bytes = file.bytes();
        self.start(ctx, name.clone(), move |progress| {
            let result = match bytes {
                Ok(bytes) => load_bytes(&PathBuf::from(&name), &bytes, progress),
                Err(e) => Err(LoadError::Io { path: PathBuf::from(&name), source: std::io::Error::other(e) }),
            };
            Opened::Data(None, result)
        });
    }

    /// Puts a file first among the recent ones.
    pub(super) fn remember_recent(&mut self, absolute: &std::path::Path) {
        let recent = &mut self.session.state.recent_files;
        recent.retain(|p| p != absolute);
        recent.insert(0, absolute.to_path_buf());
        recent.truncate(RECENT_FILES);
    }

    /// At closing: stops a load under way and waits briefly for its thread to let go of the file.
    pub(super) fn cancel_opening(&mut self, timeout: Duration) {
        if let Some(opening) = self.jobs.opening.take() {
            opening.progress.cancel();
            // What the worker did when asked: stop, or finish first; or it did not answer in time.
            let how = match opening.rx.recv_timeout(timeout) {
                Ok(Opened::Data(_, Err(LoadError::Cancelled { .. }))) => "stopped",
                Ok(_) => "finished",
                Err(_) => "still running",
            };
            log::info!("closing: the load of {} was cancelled ({how})", opening.name);
            super::event(&format!("open cancelled: {} ({how})", opening.name));
        }
    }

    /// Takes in dialog answers and finished loads.
    pub(super) fn poll_opening(&mut self, ctx: &egui::Context) {
        if let Some((rx, import)) = &self.jobs.choosing_file
            && let Ok(picked) = rx.try_recv()
        {
            let import = *import;
            self.jobs.choosing_file = None;
            match picked {
                Some(path) if import => self.open_import(ctx, path, None),
                Some(path) => self.open_path(ctx, path),
                None => {}
            }
        }
        let Some(opening) = &self.jobs.opening else { return };
        let outcome = match opening.rx.try_recv() {
            Ok(outcome) => outcome,
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                // Keep the progress bar moving; nothing else repaints while the thread works.
                ctx.request_repaint_after(Duration::from_millis(100));
                return;
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.jobs.opening = None;
                return;
            }
        };
        let name = opening.name.clone();
        self.jobs.opening = None;
        let outcome = match outcome {
            Opened::Data(path, result) => (path, result),
            Opened::Import(Ok(state)) => {
                super::event(&format!("import dialog {name}"));
                self.ui.import = Some(state);
                return;
            }
            Opened::Import(Err(error)) => (None, Err(error)),
        };
        match outcome {
            (path, Ok(loaded)) => {
                let absolute = path.map(|path| std::path::absolute(&path).unwrap_or(path));
                if let Some(absolute) = &absolute {
                    self.remember_recent(absolute);
                }
                self.set_dataset(name.clone(), loaded, absolute);
                super::event(&format!("opened {name}"));
            }
            (_, Err(LoadError::Cancelled { .. })) => {
                self.ui.message = Some(super::Notice::OpeningCancelled);
            }
            (_, Err(error)) => {
                log::warn!("could not open {name}: {}", crate::l10n::load_error_text(&error, Lang::default()));
                super::event(&format!("open failed: {name}"));
                self.ui.load_error = Some(error);
            }
        }
    }

    /// The "drop to open" overlay while files hover the window, and opening what is dropped.
    pub(super) fn drag_and_drop(&mut self, ctx: &egui::Context) {
        let (hovering, dropped) = ctx.input(|i| (!i.raw.hovered_files.is_empty(), i.raw.dropped_files.clone()));
        if hovering {
            let screen = ctx.content_rect();
            let painter =
                ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop_overlay")));
            painter.rect_filled(screen, 0.0, Color32::from_black_alpha(170));
            let text = tr!(self.session.state.lang, "opening-drop-to-open-the-dataset");
            painter.text(
                screen.center(),
                egui::Align2::CENTER_CENTER,
                text,
                egui::FontId::proportional(28.0),
                Color32::WHITE,
            );
        }
        if !dropped.is_empty() {
            self.open_dropped(ctx, &dropped);
        }
    }
}

/// Runs a load, turning a panic into an error the window shows (with "Copy the messages"):
/// a loader bug must not take the window, and the dataset on screen, with it. The panic hook
/// has already written the crash report to the log.
fn guarded(file: &std::path::Path, load: impl FnOnce() -> Opened) -> Opened {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(load)).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        log::error!("the loader panicked: {what}");
        Opened::Data(None, Err(LoadError::LoaderPanicked { path: file.to_path_buf(), detail: what }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loader_that_panics_becomes_an_error_naming_the_file() {
        let Opened::Data(path, result) = guarded(std::path::Path::new("odd.csv"), || panic!("index out of bounds"))
        else {
            panic!("a panic is not an import")
        };
        assert!(path.is_none());
        let Err(error) = result else { panic!("the panic was not turned into an error") };
        let message = crate::l10n::load_error_text(&error, Lang::default());
        assert!(message.contains("odd.csv"), "{message}");
        assert!(message.contains("index out of bounds"), "{message}");
    }
}
