//! What the window shows for a while and forgets at closing: the selected figure, search texts,
//! the status line's notice, open windows and dialogs, toasts.

use std::path::PathBuf;
use std::time::Instant;

use crate::data::LoadError;
use crate::ui::filters::PanelState;
use crate::ui::path_dialog::PathDialog;
use crate::ui::sources::SourcesState;
use crate::ui::{SelectedFigure, ThemeChoice};

use super::Notice;
use super::exporting::Purpose;

/// A message in the corner of the window.
pub(crate) struct Toast {
    /// What happened.
    pub text: String,
    /// The folder of a saved file, for "Open folder".
    pub folder: Option<PathBuf>,
    /// An error stays until closed; other toasts fade after a few seconds.
    pub error: bool,
    /// When it appeared.
    pub shown: Instant,
}

/// The window's transient state.
#[derive(Default)]
pub(crate) struct Transient {
    /// The figure clicked, highlighted and shown in the details card.
    pub selected: Option<SelectedFigure>,
    /// The side panel's search texts.
    pub panel: PanelState,
    /// The Sources view's search and the source picked.
    pub sources: SourcesState,
    /// The status line's message.
    pub message: Option<Notice>,
    /// A file that could not be opened: its located errors, in a window.
    pub load_error: Option<LoadError>,
    /// The About window is open.
    pub show_about: bool,
    /// The keyboard shortcuts window is open.
    pub show_shortcuts: bool,
    /// The in-app open chooser (when no native dialog answers), and whether the file chosen
    /// goes to the import dialog.
    pub open_dialog: Option<(PathDialog, bool)>,
    /// The import dialog.
    pub import: Option<Box<super::importing::ImportState>>,
    /// The in-app save chooser, and what the path is for.
    pub export_dialog: Option<(Purpose, PathDialog)>,
    /// The high-resolution export window: open, with its chosen scale and size.
    pub high_res: Option<(f32, [u32; 2])>,
    /// Messages in the corner.
    pub toasts: Vec<Toast>,
    /// The theme last applied to the context.
    pub theme_applied: Option<ThemeChoice>,
}
