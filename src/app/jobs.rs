//! Work running off the UI thread: a dataset loading, a native file dialog open, a screenshot
//! on its way, files being written. The UI thread polls them each frame and never waits.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use crate::data::{LoadError, Loaded, Progress};
use crate::export::ExportError;

use super::exporting::{Capture, Purpose};

/// What a worker that opens a file comes back with.
// One value a load, moved once through a channel: boxing the larger variant would save nothing.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Opened {
    /// A dataset (with the path it came from), or why not.
    Data(Option<PathBuf>, Result<Loaded, LoadError>),
    /// A table read for the import dialog, or why it cannot be.
    Import(Result<Box<super::importing::ImportState>, LoadError>),
}

/// A load running on a worker thread.
pub(crate) struct Opening {
    /// The file's name, for the status line.
    pub name: String,
    /// Its progress; `cancel()` stops it.
    pub progress: Arc<Progress>,
    /// What the worker opened, or why not.
    pub rx: Receiver<Opened>,
}

/// The background jobs of the window.
#[derive(Default)]
pub(crate) struct Jobs {
    /// A dataset loading.
    pub opening: Option<Opening>,
    /// A native open dialog running on a thread, and whether the file chosen goes to the import
    /// dialog.
    pub choosing_file: Option<(Receiver<Option<PathBuf>>, bool)>,
    /// A native save dialog running on a thread, and what the path is for.
    pub choosing_export: Option<(Purpose, Receiver<Option<PathBuf>>)>,
    /// A screenshot being taken.
    pub capture: Option<Capture>,
    /// Files being written on worker threads.
    pub writing: Vec<Receiver<Result<PathBuf, ExportError>>>,
}

impl Jobs {
    /// Whether a file is being chosen or opened.
    pub(crate) fn loading(&self) -> bool {
        self.opening.is_some() || self.choosing_file.is_some()
    }

    /// Whether a capture is under way: egui takes the screenshot of the frame *after* the one
    /// that asks, so tooltips and toasts stay hidden until the picture has arrived.
    pub(crate) fn capturing(&self) -> bool {
        self.capture.is_some()
    }
}
