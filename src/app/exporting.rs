//! The app's export flow: choose a path (native dialog, the in-app chooser, or
//! `TRADE_EXPLORER_EXPORT_PATH`), capture or render the picture, and encode and write it on a
//! worker thread, then say where it went in a toast.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use egui::{ColorImage, RichText};

use super::TradeExplorerApp;
use super::transient::Toast;
use crate::cli_filter::{FilterArgs, shell_line};
use crate::export::{self, ChartView, RenderSpec};
use crate::l10n::{Lang, export_error_text};
use crate::tr;
use crate::ui::path_dialog::PathDialog;
use crate::ui::{Tab, ThemeChoice, chart_layout};

/// What a chosen path is for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Purpose {
    /// A capture of the chart on screen, or of the whole window.
    Capture {
        /// The whole window.
        whole_window: bool,
    },
    /// An offscreen rendering.
    Render {
        /// Pixels per point.
        scale: f32,
        /// Layout size in points.
        size: [u32; 2],
    },
    /// The Table view's rows as CSV.
    Data,
    /// The open data in the app's JSON format.
    Dataset,
}

/// Where a capture goes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum CaptureTarget {
    /// A PNG file.
    File(PathBuf),
    /// The clipboard.
    Clipboard,
}

/// A screenshot in progress.
pub(crate) struct Capture {
    /// Where the picture goes.
    pub target: CaptureTarget,
    /// The whole window rather than the chart.
    pub whole_window: bool,
    /// The tab whose chart is captured.
    pub tab: Tab,
    /// The capture frame has been drawn and the screenshot requested.
    pub requested: Option<Receiver<Arc<ColorImage>>>,
}

/// How long a non-error toast stays.
const TOAST_TIME: Duration = Duration::from_secs(6);

impl TradeExplorerApp {
    /// The chart view a picture export shows: the current tab's, or the last chart's.
    fn export_view(&self) -> ChartView {
        ChartView::of_tab(self.session.state.tab)
            .or(ChartView::of_tab(self.session.state.last_chart_tab))
            .unwrap_or(ChartView::OverTime)
    }

    /// Adds a toast and, for tests and scripts, prints the event.
    pub(super) fn toast(&mut self, text: String, folder: Option<PathBuf>, error: bool) {
        self.ui.toasts.push(Toast { text, folder, error, shown: Instant::now() });
    }

    /// Starts an export: asks where to save, unless the environment says.
    pub(super) fn start_export(&mut self, ctx: &egui::Context, purpose: Purpose) {
        let lang = self.session.state.lang;
        if let Purpose::Capture { whole_window: false } = purpose
            && !self.session.state.tab.is_chart()
        {
            // The Table and Sources tabs show no chart: render the last chart instead.
            let size = [1600, 900];
            return self.start_export(ctx, Purpose::Render { scale: 1.0, size });
        }
        // A chart is saved as a picture or as a drawing (SVG, PDF), as its name ends.
        let extensions: &[&'static str] = match purpose {
            Purpose::Data => &["csv"],
            Purpose::Dataset => &["json"],
            Purpose::Capture { whole_window: true } => &["png"],
            Purpose::Capture { .. } | Purpose::Render { .. } => &["png", "svg", "pdf"],
        };
        let extension = extensions[0];
        let name = export::suggested_name(self.data.dataset(), self.data.filter(), self.export_view(), extension);
        if let Some(path) = &self.surroundings.export_path {
            let keeps = path.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.contains(&e));
            let path = if keeps { path.clone() } else { path.with_extension(extension) };
            return self.path_chosen(ctx, purpose, path);
        }
        let folder =
            self.session.state.last_export_folder.clone().or_else(|| std::env::current_dir().ok()).unwrap_or_default();
        if self.surroundings.native_dialogs {
            let (tx, rx) = channel();
            let ctx = ctx.clone();
            let title = tr!(lang, "exporting-export");
            let filters: Vec<(String, &'static str)> = extensions
                .iter()
                .map(|&e| {
                    let name = match e {
                        "csv" => tr!(lang, "exporting-csv-files"),
                        "json" => tr!(lang, "exporting-dataset-files"),
                        "svg" => tr!(lang, "exporting-svg-drawings"),
                        "pdf" => tr!(lang, "exporting-pdf-documents"),
                        _ => tr!(lang, "exporting-png-images"),
                    };
                    (name, e)
                })
                .collect();
            std::thread::spawn(move || {
                let mut dialog = rfd::FileDialog::new().set_title(title).set_directory(folder).set_file_name(name);
                for (name, extension) in &filters {
                    dialog = dialog.add_filter(name, &[*extension]);
                }
                let picked = dialog.save_file();
                let _ = tx.send(picked);
                ctx.request_repaint();
            });
            self.jobs.choosing_export = Some((purpose, rx));
        } else {
            self.ui.export_dialog = Some((purpose, PathDialog::save(&folder, &name, extensions.to_vec())));
        }
    }

    /// A path was chosen: capture, render or write.
    pub(super) fn path_chosen(&mut self, ctx: &egui::Context, purpose: Purpose, path: PathBuf) {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            self.session.state.last_export_folder = Some(folder.to_path_buf());
        }
        let vector = matches!(path.extension().and_then(|e| e.to_str()), Some("svg" | "pdf"));
        match purpose {
            Purpose::Capture { whole_window: false } | Purpose::Render { .. } if vector => {
                self.write_drawing(ctx, purpose, path);
            }
            Purpose::Capture { whole_window } => {
                self.jobs.capture = Some(Capture {
                    target: CaptureTarget::File(path),
                    whole_window,
                    tab: self.session.state.tab,
                    requested: None,
                });
            }
            Purpose::Render { scale, size } => {
                let loaded = Arc::clone(&self.data.loaded);
                let filter = self.data.filter().clone();
                let theme = if ctx.theme() == egui::Theme::Dark { ThemeChoice::Dark } else { ThemeChoice::Light };
                let spec = RenderSpec { view: self.export_view(), lang: self.session.state.lang, theme, size, scale };
                self.write_in_background(ctx, path, move |path| {
                    let image = export::render_cpu(&loaded.dataset, &filter, &spec)?;
                    export::save(path, &export::encode_png(&image)?)
                });
            }
            Purpose::Data => {
                let state = &self.session.state;
                let table = self.data.table(state.last_chart_tab, state.table_sort, state.lang);
                let loaded = Arc::clone(&self.data.loaded);
                let lang = self.session.state.lang;
                self.write_in_background(ctx, path, move |path| export::save_csv(path, &loaded.dataset, &table, lang));
            }
            Purpose::Dataset => {
                let loaded = Arc::clone(&self.data.loaded);
                self.write_in_background(ctx, path, move |path| {
                    export::save(path, crate::data::write_json::dataset_json(&loaded.dataset).as_bytes())
                });
            }
        }
        ctx.request_repaint();
    }

    /// Writes the chart as a drawing (SVG or PDF, by the name's ending), drawn headless as the
    /// window draws it: at the chart's size on screen for File › Export image, at the size asked
    /// for at high resolution.
    fn write_drawing(&mut self, ctx: &egui::Context, purpose: Purpose, path: PathBuf) {
        let size = match purpose {
            Purpose::Render { size, .. } => size,
            _ => chart_layout(ctx, self.session.state.tab).map_or([1600, 900], |layout| {
                let rect = layout.chart_rect.expand(8.0);
                [rect.width().round() as u32, rect.height().round() as u32]
            }),
        };
        let loaded = Arc::clone(&self.data.loaded);
        let filter = self.data.filter().clone();
        let theme = if ctx.theme() == egui::Theme::Dark { ThemeChoice::Dark } else { ThemeChoice::Light };
        let spec = RenderSpec { view: self.export_view(), lang: self.session.state.lang, theme, size, scale: 1.0 };
        let pdf = path.extension().is_some_and(|e| e == "pdf");
        self.write_in_background(ctx, path, move |path| {
            if pdf {
                export::save(path, &export::render_pdf(&loaded.dataset, &filter, &spec, false)?)
            } else {
                export::save(path, export::render_svg(&loaded.dataset, &filter, &spec).as_bytes())
            }
        });
    }

    /// Makes the bytes and writes them atomically on a worker thread.
    fn write_in_background(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        write: impl FnOnce(&std::path::Path) -> Result<(), export::ExportError> + Send + 'static,
    ) {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let path_for_event = path.clone();
        let gate = self.surroundings.test_gate.clone();
        std::thread::spawn(move || {
            super::surroundings::wait_at(gate.as_deref());
            let result = write(&path).map(|()| path);
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        super::event(&format!("writing {}", path_for_event.display()));
        self.jobs.writing.push(rx);
    }

    /// At closing: waits for the files still being written, so an export the person asked for
    /// is finished rather than cut off. A write still running after `timeout` (a hung network
    /// drive) is abandoned; it never reaches the target, because the rename is its last step.
    pub(super) fn finish_writing(&mut self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        for rx in std::mem::take(&mut self.jobs.writing) {
            match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(Ok(path)) => {
                    log::info!("saved {} while closing", path.display());
                    super::event(&format!("saved {}", path.display()));
                }
                Ok(Err(error)) => {
                    log::warn!("export failed while closing: {error}");
                    super::event(&format!("export failed: {error}"));
                }
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    log::warn!("an export was still being written after {timeout:?}; it was abandoned");
                }
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {}
            }
        }
        if self.jobs.capture.take().is_some() {
            log::info!("a screenshot requested just before closing was not taken");
        }
    }

    /// Opens a folder in the file manager, or says why it cannot.
    pub(super) fn open_folder(&mut self, folder: &std::path::Path) {
        if let Err(e) = (self.surroundings.open_folder)(folder) {
            let text = tr!(
                self.session.state.lang,
                "exporting-cannot-open",
                folder = folder.display().to_string(),
                detail = e.to_string()
            );
            self.toast(text, None, true);
        }
    }

    /// Copies the chart on screen to the clipboard.
    pub(super) fn start_copy_image(&mut self) {
        let tab = self.session.state.tab;
        if !tab.is_chart() {
            let text = tr!(self.session.state.lang, "exporting-show-a-chart-to-copy-it");
            self.toast(text, None, true);
            return;
        }
        self.jobs.capture =
            Some(Capture { target: CaptureTarget::Clipboard, whole_window: false, tab, requested: None });
    }

    /// The `trade-explorer export` command that renders the chart on screen.
    pub fn command_line(&self) -> String {
        let view = self.export_view();
        let mut words = vec!["trade-explorer".to_string(), "export".into(), "--view".into(), view.id().into()];
        words.extend(FilterArgs::from_filter(self.data.filter()).to_words());
        if self.session.state.lang != Lang::default() {
            words.extend(["--lang".into(), self.session.state.lang.tag().into()]);
        }
        if let Some(path) = &self.data.path {
            words.extend(["--data".into(), path.display().to_string()]);
        }
        words.extend(["--out".into(), export::suggested_name(self.data.dataset(), self.data.filter(), view, "png")]);
        shell_line(&words)
    }

    /// Moves the export flow on: dialogs answered, screenshots arrived, files written.
    pub(super) fn poll_exports(&mut self, ctx: &egui::Context) {
        if let Some((purpose, rx)) = &self.jobs.choosing_export
            && let Ok(picked) = rx.try_recv()
        {
            let purpose = *purpose;
            self.jobs.choosing_export = None;
            if let Some(path) = picked {
                self.path_chosen(ctx, purpose, path);
            }
        }
        let arrived = self.jobs.capture.as_ref().and_then(|c| c.requested.as_ref()).and_then(|rx| rx.try_recv().ok());
        if let Some(image) = arrived
            && let Some(capture) = self.jobs.capture.take()
        {
            self.finish_capture(ctx, capture, &image);
        }
        let mut finished = Vec::new();
        self.jobs.writing.retain(|rx| match rx.try_recv() {
            Ok(result) => {
                finished.push(result);
                false
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => true,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => false,
        });
        let lang = self.session.state.lang;
        for result in finished {
            match result {
                Ok(path) => {
                    super::event(&format!("saved {}", path.display()));
                    let text = tr!(lang, "exporting-saved", path = path.display().to_string());
                    self.toast(text, path.parent().map(|p| p.to_path_buf()), false);
                }
                Err(error) => {
                    super::event(&format!("export failed: {error}"));
                    let text = tr!(lang, "exporting-export-failed", error = export_error_text(&error, lang));
                    self.toast(text, None, true);
                }
            }
        }
    }

    fn finish_capture(&mut self, ctx: &egui::Context, capture: Capture, image: &ColorImage) {
        let pixels_per_point = ctx.pixels_per_point();
        let region = if capture.whole_window {
            None
        } else {
            // A small margin, so the title does not touch the picture's edge.
            chart_layout(ctx, capture.tab).map(|layout| layout.chart_rect.expand(8.0))
        };
        let cropped = match region {
            None if capture.whole_window => Ok(image.clone()),
            None => Err(export::ExportError::EmptyImage),
            Some(rect) => export::crop(image, rect, pixels_per_point),
        };
        match (capture.target, cropped) {
            (CaptureTarget::Clipboard, Ok(picture)) => {
                super::event(&format!("copied image {}x{}", picture.size[0], picture.size[1]));
                ctx.copy_image(picture);
                let text = tr!(self.session.state.lang, "exporting-copied-the-chart-to-the-clipboard");
                self.toast(text, None, false);
            }
            (CaptureTarget::File(path), Ok(picture)) => {
                self.write_in_background(ctx, path, move |path| export::save(path, &export::encode_png(&picture)?));
            }
            (_, Err(e)) => {
                let lang = self.session.state.lang;
                let text = tr!(lang, "exporting-export-failed", error = export_error_text(&e, lang));
                self.toast(text, None, true);
            }
        }
    }

    /// Asks eframe for the pixels of the next frame (once per capture).
    pub(super) fn request_capture(&mut self, ctx: &egui::Context) {
        let Some(capture) = &mut self.jobs.capture else { return };
        if capture.requested.is_some() {
            return;
        }
        let (tx, rx) = channel();
        let repaint = ctx.clone();
        ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(egui::ScreenshotCallback::new(move |image| {
            let _ = tx.send(image);
            // The callback does not wake the app by itself.
            repaint.request_repaint();
        })));
        capture.requested = Some(rx);
    }

    /// The toasts, the in-app save chooser and the high-resolution export window.
    pub(super) fn export_windows(&mut self, ctx: &egui::Context) {
        let lang = self.session.state.lang;
        if let Some((purpose, dialog)) = &mut self.ui.export_dialog {
            let purpose = *purpose;
            match crate::ui::path_dialog::show(ctx, dialog, &tr!(lang, "exporting-export"), lang) {
                crate::ui::path_dialog::Outcome::Open => {}
                crate::ui::path_dialog::Outcome::Cancelled => self.ui.export_dialog = None,
                crate::ui::path_dialog::Outcome::Chosen(path) => {
                    self.ui.export_dialog = None;
                    self.path_chosen(ctx, purpose, path);
                }
            }
        }
        if let Some((mut scale, mut size)) = self.ui.high_res {
            let mut open = true;
            let mut go = false;
            egui::Window::new(tr!(lang, "exporting-export-image-at-high-resolution"))
                .open(&mut open)
                .collapsible(false)
                .show(ctx, |ui| {
                    ui.label(tr!(lang, "exporting-the-chart-is-drawn-again-offscreen"));
                    ui.horizontal(|ui| {
                        let width = ui.label(tr!(lang, "exporting-width"));
                        ui.add(egui::DragValue::new(&mut size[0]).range(200..=8000)).labelled_by(width.id);
                        let height = ui.label(tr!(lang, "exporting-height"));
                        ui.add(egui::DragValue::new(&mut size[1]).range(200..=8000)).labelled_by(height.id);
                        ui.label(tr!(lang, "exporting-points"));
                    });
                    ui.horizontal(|ui| {
                        ui.label(tr!(lang, "exporting-resolution"));
                        for s in [1.0, 2.0, 3.0] {
                            ui.selectable_value(&mut scale, s, format!("×{s}"));
                        }
                    });
                    let pixels =
                        format!("{} × {} px", (size[0] as f32 * scale) as u32, (size[1] as f32 * scale) as u32);
                    ui.label(RichText::new(pixels).weak());
                    go = ui.button(tr!(lang, "exporting-export-2")).clicked();
                });
            self.ui.high_res = (open && !go).then_some((scale, size));
            if go {
                self.start_export(ctx, Purpose::Render { scale, size });
            }
        }
        if !self.jobs.capturing() {
            self.toasts(ctx);
        }
    }

    /// The toasts in the corner: what was saved (with "Open folder"), what failed.
    fn toasts(&mut self, ctx: &egui::Context) {
        let lang = self.session.state.lang;
        self.ui.toasts.retain(|t| t.error || t.shown.elapsed() < TOAST_TIME);
        if self.ui.toasts.iter().any(|t| !t.error) {
            ctx.request_repaint_after(TOAST_TIME);
        }
        if self.ui.toasts.is_empty() {
            // An empty area would still fade in every frame and keep the window repainting.
            return;
        }
        let mut close = None;
        let mut open_folder = None;
        egui::Area::new(egui::Id::unique("toasts"))
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-12.0, -36.0))
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                for (i, toast) in self.ui.toasts.iter().enumerate() {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.set_max_width(420.0);
                        ui.horizontal(|ui| {
                            let text = if toast.error {
                                RichText::new(&toast.text).color(ui.visuals().error_fg_color)
                            } else {
                                RichText::new(&toast.text)
                            };
                            ui.add(egui::Label::new(text).wrap());
                            if let Some(folder) = &toast.folder
                                && ui.button(tr!(lang, "exporting-open-folder")).clicked()
                            {
                                open_folder = Some(folder.clone());
                            }
                            if ui.small_button("×").on_hover_text(tr!(lang, "exporting-close")).clicked() {
                                close = Some(i);
                            }
                        });
                    });
                }
            });
        if let Some(i) = close {
            self.ui.toasts.remove(i);
        }
        if let Some(folder) = open_folder {
            self.open_folder(&folder);
        }
    }
}
