//! Starting the window: the dataset from the command line (or the bundled one), the saved
//! session, the window's size and icon, and closing on a termination signal.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Bench, TradeExplorerApp};
use crate::data::progress::Limits;
use crate::data::{Progress, load_bundled};
use crate::l10n::{Lang, load_error_text};
use crate::settings::{self, State};
use crate::tr;

/// SIGTERM (a session logging out, `kill`), SIGINT (Ctrl+C in a terminal) and SIGHUP close the
/// window the way its close button does, so the session is saved and exports finish. A second
/// signal while closing ends the process at once.
fn close_on_termination_signal(ctx: &egui::Context) {
    let ctx = ctx.clone();
    let signals = std::sync::atomic::AtomicU32::new(0);
    let installed = ctrlc::set_handler(move || {
        if signals.fetch_add(1, std::sync::atomic::Ordering::SeqCst) > 0 {
            std::process::exit(130);
        }
        log::info!("closing on a termination signal");
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        ctx.request_repaint();
    });
    if let Err(e) = installed {
        log::warn!("termination signals will end the app without saving: {e}");
    }
}

/// The name the status line gives a dataset opened from `path` (the bundled dataset, without a
/// path, is called so in the window's language).
fn origin_of(path: Option<&Path>) -> String {
    path.and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Opens the window on a dataset file, or on the bundled dataset. A file that cannot be opened
/// does not stop the window: it opens on the bundled dataset and shows the file's errors.
pub(crate) fn run(file: Option<PathBuf>, limits: Limits, bench: Option<Bench>) -> ExitCode {
    let _log = crate::logging::start();
    let requested = file.clone();
    let settings_path = settings::default_path();
    let remembered = |path: &Path| {
        let store = settings_path.as_deref().map(crate::import_store::store_path);
        crate::import_store::ImportStore::load(store).0.for_file(path)
    };
    let (loaded, file_error, file) = match &file {
        Some(path) => match super::importing::load_as_remembered(path, &remembered(path), &Progress::new(limits)) {
            Ok(loaded) => (Ok(loaded), None, Some(std::path::absolute(path).unwrap_or_else(|_| path.clone()))),
            Err(err) => {
                log::warn!("could not open {}: {}", path.display(), load_error_text(&err, Lang::default()));
                (load_bundled(), Some(err), None)
            }
        },
        None => (load_bundled(), None, None),
    };
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(err) => {
            // Only a broken build can fail to load the bundled dataset.
            let message = load_error_text(&err, Lang::default());
            log::error!("the bundled dataset does not load: {message}");
            eprintln!("{}", tr!(Lang::default(), "cli-error", error = message));
            return ExitCode::FAILURE;
        }
    };
    let (mut state, settings_problem) = match &settings_path {
        Some(path) => settings::load(path),
        None => (State::default(), None),
    };
    // The first start speaks the desktop's language; after that, the one the person chose.
    if !settings_path.as_deref().is_some_and(Path::exists) {
        state.lang = Lang::of_locale(sys_locale::get_locale().as_deref());
    }
    if let Some(path) = &file {
        state.recent_files.retain(|p| p != path);
        state.recent_files.insert(0, path.clone());
        state.recent_files.truncate(settings::RECENT_FILES);
    }
    let size = state.window_size.unwrap_or([1280.0, 800.0]);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Trade Explorer")
        .with_app_id("trade-explorer")
        .with_inner_size([size[0].max(1024.0), size[1].max(640.0)])
        .with_min_inner_size([1024.0, 640.0])
        .with_drag_and_drop(true);
    match eframe::icon_data::from_png_bytes(ICON_PNG) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(e) => log::warn!("the window icon does not decode: {e}"),
    }
    let options = eframe::NativeOptions { renderer: eframe::Renderer::Glow, viewport, ..Default::default() };
    let origin = origin_of(file.as_deref());
    // A file that would not open as it is, but that the import dialog can read, opens in it.
    let import_path = file_error.is_some().then_some(requested).flatten();
    let result = eframe::run_native(
        "Trade Explorer",
        options,
        Box::new(move |cc| {
            close_on_termination_signal(&cc.egui_ctx);
            let mut app = TradeExplorerApp::new(&cc.egui_ctx, loaded, origin, state, settings_problem, settings_path);
            app.limits = limits;
            app.data.path = file;
            match (file_error, import_path) {
                (Some(error), Some(path)) if super::importing::dialog_can_settle(&error) => {
                    app.open_import(&cc.egui_ctx, path, Some(error));
                }
                (error, _) => app.ui.load_error = error,
            }
            app.bench = bench;
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            log::error!("cannot open the window: {err}");
            let message = tr!(Lang::default(), "cli-no-window", detail = err.to_string());
            eprintln!("{}", tr!(Lang::default(), "cli-error", error = message));
            ExitCode::FAILURE
        }
    }
}

/// The app icon, 256×256, set on the window.
pub(crate) const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");
