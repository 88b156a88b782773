//! What the app takes from the machine it runs on, read once at start: where dialogs come from,
//! how a folder is opened, and the environment variables scripts and tests set. Tests give the
//! app their own.

use std::path::{Path, PathBuf};

/// Set this to save exports to a fixed path without a dialog (scripts and tests do).
pub(crate) const EXPORT_PATH_ENV: &str = "TRADE_EXPLORER_EXPORT_PATH";

/// For end-to-end tests only: the path of a FIFO. A background job (a file being opened, an
/// export being written) waits until the test opens it for writing, so that a test can act while
/// the job is still running, every time, without guessing how long it takes.
pub(crate) const TEST_GATE_ENV: &str = "TRADE_EXPLORER_TEST_GATE";

/// Opens a folder in the file manager.
pub(crate) type FolderOpener = Box<dyn Fn(&Path) -> std::io::Result<()>>;

/// The app's surroundings.
pub struct Surroundings {
    /// Every export is saved here, without asking (`TRADE_EXPLORER_EXPORT_PATH`).
    pub export_path: Option<PathBuf>,
    /// Whether a native file dialog can answer; without one the app offers its own chooser.
    pub native_dialogs: bool,
    /// What "Open folder" runs.
    pub open_folder: FolderOpener,
    /// The FIFO background jobs wait at (`TRADE_EXPLORER_TEST_GATE`).
    pub test_gate: Option<PathBuf>,
}

impl Surroundings {
    /// The surroundings of this process: its environment and desktop.
    pub(crate) fn of_this_machine() -> Surroundings {
        Surroundings {
            export_path: std::env::var_os(EXPORT_PATH_ENV).map(PathBuf::from),
            native_dialogs: native_dialog_available(),
            open_folder: Box::new(|folder| open::that_detached(folder)),
            test_gate: std::env::var_os(TEST_GATE_ENV).map(PathBuf::from),
        }
    }
}

/// Whether a native file dialog can answer: an XDG desktop portal (needs a session bus) or
/// zenity. Without either, rfd returns "cancelled" at once, so the app offers its own.
pub(crate) fn native_dialog_available() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    let on_path = |program: &str| {
        std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
    };
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() || on_path("zenity")
}

/// Waits at a test gate, if there is one (see [`TEST_GATE_ENV`]).
pub(crate) fn wait_at(gate: Option<&Path>) {
    use std::io::Read;
    if let Some(gate) = gate {
        // Opening a FIFO for reading blocks until a writer opens it; the read, until it writes.
        if let Ok(mut fifo) = std::fs::File::open(gate) {
            let _ = fifo.read(&mut [0u8; 1]);
        }
    }
}
