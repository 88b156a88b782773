//! The import dialog's state and what its answers do: a file (or pasted cells) read into
//! tables, the choices and their preview kept in step, Open remembering the choices beside the
//! settings, and Ctrl+V with cells copied from a spreadsheet.

use std::path::{Path, PathBuf};

use crate::data::import::ImportChoices;
use crate::data::import_detect::detect_choices;
use crate::data::import_file::{file_tables, load_tables_by_choices, pasted_table};
use crate::data::progress::Limits;
use crate::data::text_grid::TextEncoding;
use crate::data::workbook::Sheet;
use crate::data::{LoadError, Loaded, Source};
use crate::tr;
use crate::ui::import_dialog::{self, ImportAction, ImportView};

use super::TradeExplorerApp;
use super::jobs::Opened;

/// The data rows the preview reads: enough to see that the choices are right, few enough to
/// redraw at once after each change.
const PREVIEW_LIMIT: usize = 2_000;

/// The import dialog, open on a file or on pasted cells.
pub(crate) struct ImportState {
    /// The file (for pasted cells, the name they are shown under).
    pub path: PathBuf,
    /// A CSV's bytes, to read again in another encoding; `None` for a workbook or a paste.
    bytes: Option<Vec<u8>>,
    /// The tables offered.
    pub tables: Vec<Sheet>,
    /// The table read.
    pub table: usize,
    /// How it is read.
    pub choices: ImportChoices,
    /// The figures the choices give in the table's first rows, or why none.
    pub preview: Result<Loaded, LoadError>,
    /// How many rows the preview read, when it did not read them all.
    pub preview_rows: Option<usize>,
    /// The table's columns: its widest row.
    pub width: usize,
    /// Why the dialog opened instead of the file, if it did.
    pub reason: Option<LoadError>,
    /// The source of pasted cells (`Pasted on 2026-12-01`); `None` for a file.
    pub pasted: Option<Source>,
}

impl ImportState {
    /// The dialog on a file: its tables, the choices remembered for it when one still fits,
    /// else those detection makes.
    pub(crate) fn for_file(
        path: &Path,
        remembered: &[ImportChoices],
        reason: Option<LoadError>,
        limits: &Limits,
    ) -> Result<ImportState, LoadError> {
        let bytes = crate::data::load::read_limited(path, limits.file_bytes)?;
        let (tables, encoding) = file_tables(path, &bytes, None, limits)?;
        if tables.is_empty() {
            return Err(LoadError::NoTableInWorkbook { path: path.to_path_buf(), sheets: Vec::new() });
        }
        let workbook = encoding.is_none();
        let encoding = encoding.unwrap_or_default();
        let fitting = remembered
            .iter()
            .find(|c| crate::data::import_file::chosen_table(path, &tables, c).is_ok_and(|t| c.fits(t).is_ok()));
        let (table, choices) = match fitting {
            Some(c) => {
                let k = tables.iter().position(|t| Some(&t.name) == c.sheet.as_ref()).unwrap_or(0);
                (k, c.clone())
            }
            None => {
                // A workbook opens on its first sheet with a table in it.
                let k = tables.iter().position(|t| crate::data::sheet_shape::find_shape(t).is_some()).unwrap_or(0);
                (k, choices_for(&tables, k, encoding, workbook))
            }
        };
        let bytes = (!workbook).then_some(bytes);
        let preview = Err(LoadError::NoFiguresChosen { path: path.to_path_buf() });
        let mut state = ImportState {
            path: path.to_path_buf(),
            bytes,
            tables,
            table,
            choices,
            preview,
            preview_rows: None,
            width: 0,
            reason,
            pasted: None,
        };
        state.refresh(limits);
        Ok(state)
    }

    /// The dialog on cells copied from a spreadsheet, with `source` as their source.
    pub(crate) fn for_paste(text: &str, source: Source, limits: &Limits) -> Result<ImportState, LoadError> {
        let name = source.title.clone();
        let tables = vec![pasted_table(&name, text, limits)?];
        // Pasted cells have no sheet whose name could be their place or indicator.
        let choices = ImportChoices {
            place: String::new(),
            indicator: String::new(),
            ..choices_for(&tables, 0, TextEncoding::Utf8, false)
        };
        let preview = Err(LoadError::NoFiguresChosen { path: PathBuf::from(&name) });
        let mut state = ImportState {
            path: PathBuf::from(&name),
            bytes: None,
            tables,
            table: 0,
            choices,
            preview,
            preview_rows: None,
            width: 0,
            reason: None,
            pasted: Some(source),
        };
        state.refresh(limits);
        Ok(state)
    }

    /// Reads the figures of the table's first rows again under the current choices, with a role
    /// for every column of the table.
    fn refresh(&mut self, limits: &Limits) {
        let table = &self.tables[self.table];
        self.width = table.rows.iter().map(Vec::len).max().unwrap_or(0);
        if self.choices.columns.len() < self.width {
            self.choices.columns.resize(self.width, crate::data::import::ColumnRole::Skip);
        }
        let rows = self.choices.header_index(table).unwrap_or(0) + 1 + PREVIEW_LIMIT;
        let first = Sheet {
            name: table.name.clone(),
            origin: table.origin,
            rows: table.rows.iter().take(rows).cloned().collect(),
        };
        self.preview_rows = (table.rows.len() > rows).then_some(PREVIEW_LIMIT);
        let first = std::slice::from_ref(&first);
        self.preview = load_tables_by_choices(&self.path, first, &self.choices, self.pasted.clone(), limits);
    }

    /// Takes in a change the person made in the dialog, and reads the preview again.
    fn answer(&mut self, action: ImportAction, limits: &Limits) {
        match action {
            ImportAction::Change(choices) => {
                let table = &self.tables[self.table];
                self.choices = if choices.header_row == self.choices.header_row {
                    choices
                } else {
                    choices.with_header_row(table, choices.header_row)
                };
            }
            ImportAction::Table(k) => {
                self.table = k.min(self.tables.len().saturating_sub(1));
                self.choices = choices_for(&self.tables, self.table, self.choices.encoding, true);
            }
            ImportAction::Encoding(encoding) => {
                let Some(bytes) = &self.bytes else { return };
                match file_tables(&self.path, bytes, Some(encoding), limits) {
                    Ok((tables, _)) => {
                        self.tables = tables;
                        self.choices = choices_for(&self.tables, 0, encoding, false);
                    }
                    Err(error) => {
                        self.choices.encoding = encoding;
                        self.preview = Err(error);
                        return;
                    }
                }
            }
            ImportAction::Open | ImportAction::SaveChoices | ImportAction::Cancel => return,
        }
        self.refresh(limits);
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Detection's choices for one table (a workbook's sheet is named in them).
fn choices_for(tables: &[Sheet], k: usize, encoding: TextEncoding, workbook: bool) -> ImportChoices {
    let Some(table) = tables.get(k) else {
        return detect_choices(&Sheet { name: String::new(), origin: (0, 0), rows: Vec::new() }, encoding);
    };
    let mut choices = detect_choices(table, encoding);
    if workbook {
        choices.sheet = Some(table.name.clone());
    }
    choices
}

/// Whether a file that would not open is one the import dialog can read: a table of another
/// shape, another encoding, choices that no longer fit.
pub(crate) fn dialog_can_settle(error: &LoadError) -> bool {
    match error {
        LoadError::InFormat { error, .. } => dialog_can_settle(error),
        LoadError::NoTableInWorkbook { .. }
        | LoadError::NotUtf8 { .. }
        | LoadError::UnknownColumns { .. }
        | LoadError::ChoicesStale { .. }
        | LoadError::NoFiguresChosen { .. } => true,
        _ => false,
    }
}

/// Loads a file the way it was last imported, when choices remembered for it still fit; else
/// as detected, saying the choices no longer fit. A file detection cannot read either is
/// refused with why the choices do not fit, so the import dialog opens on it.
pub(crate) fn load_as_remembered(
    path: &Path,
    remembered: &[ImportChoices],
    progress: &crate::data::Progress,
) -> Result<Loaded, LoadError> {
    let mut stale = None;
    for choices in remembered {
        match crate::data::import_file::load_path_by_choices(path, choices, &progress.limits) {
            Ok(loaded) => return Ok(loaded),
            Err(LoadError::ChoicesStale { why, .. }) => {
                stale.get_or_insert(why);
            }
            Err(other) => return Err(other),
        }
    }
    match (crate::data::load_path_with(path, progress), stale) {
        (Ok(mut loaded), Some(why)) => {
            loaded.warnings.insert(0, crate::data::Warning::ChoicesNotApplied { why });
            Ok(loaded)
        }
        (Err(_), Some(why)) => Err(LoadError::ChoicesStale { path: path.to_path_buf(), why }),
        (result, None) => result,
    }
}

/// Today's date as `2026-12-01`, for the source of pasted cells.
fn today() -> String {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400);
    let date = jiff::civil::date(1970, 1, 1).checked_add(jiff::Span::new().days(days as i64));
    date.map(|d| d.to_string()).unwrap_or_default()
}

impl TradeExplorerApp {
    /// Opens the import dialog on a file, read on a worker thread; a file that cannot be read
    /// at all is shown as the error it is.
    pub(crate) fn open_import(&mut self, ctx: &egui::Context, path: PathBuf, reason: Option<LoadError>) {
        if self.jobs.opening.is_some() {
            return;
        }
        let remembered = self.imports.for_file(&path);
        self.start(ctx, file_name(&path), move |progress| {
            Opened::Import(ImportState::for_file(&path, &remembered, reason, &progress.limits).map(Box::new))
        });
    }

    /// Ctrl+V with no text field focused: cells copied from a spreadsheet (text with tabs)
    /// open the import dialog on them.
    pub(super) fn paste(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() || self.ui.import.is_some() {
            return;
        }
        let pasted = ctx.input(|i| {
            i.events.iter().find_map(|e| match e {
                egui::Event::Paste(text) if text.contains('\t') => Some(text.clone()),
                _ => None,
            })
        });
        let Some(text) = pasted else { return };
        let lang = self.session.state.lang;
        let source = Source {
            id: "pasted".into(),
            title: tr!(lang, "import-pasted-on", date = today()),
            publisher: String::new(),
            url: String::new(),
            published: None,
            retrieved: None,
        };
        match ImportState::for_paste(&text, source, &self.limits) {
            Ok(state) => {
                super::event("import dialog pasted");
                self.ui.import = Some(Box::new(state));
            }
            Err(error) => self.ui.load_error = Some(error),
        }
    }

    /// Draws the import dialog and carries out its answer.
    pub(super) fn import_window(&mut self, ctx: &egui::Context) {
        let lang = self.session.state.lang;
        let Some(state) = self.ui.import.as_deref_mut() else { return };
        let name = match &state.pasted {
            Some(source) => source.title.clone(),
            None => file_name(&state.path),
        };
        let view = ImportView {
            name: &name,
            tables: &state.tables,
            table: state.table,
            choices: &state.choices,
            encoding: state.bytes.is_some().then_some(state.choices.encoding),
            preview: &state.preview,
            preview_rows: state.preview_rows,
            width: state.width,
            reason: state.reason.as_ref(),
            pasted: state.pasted.is_some(),
        };
        let Some(action) = import_dialog::show(ctx, &view, lang) else { return };
        match action {
            ImportAction::Cancel => self.ui.import = None,
            ImportAction::Open => self.open_imported(ctx),
            ImportAction::SaveChoices => self.save_choices(),
            action => state.answer(action, &self.limits),
        }
        ctx.request_repaint();
    }

    /// Reads the whole table by the dialog's choices on a worker thread (the preview read only
    /// its first rows), and remembers the choices for the file.
    fn open_imported(&mut self, ctx: &egui::Context) {
        if self.jobs.opening.is_some() || self.ui.import.as_ref().is_none_or(|s| s.preview.is_err()) {
            return;
        }
        let Some(state) = self.ui.import.take() else { return };
        let ImportState { path, tables, choices, pasted, .. } = *state;
        if pasted.is_none()
            && let Err(e) = self.imports.remember(&path, choices.clone())
        {
            let text = tr!(self.session.state.lang, "import-not-remembered", detail = e.to_string());
            self.toast(text, None, true);
        }
        let name = match &pasted {
            Some(source) => source.title.clone(),
            None => file_name(&path),
        };
        self.start(ctx, name, move |progress| {
            let loaded = load_tables_by_choices(&path, &tables, &choices, pasted.clone(), &progress.limits);
            Opened::Data(pasted.is_none().then_some(path), loaded)
        });
    }

    /// Writes the dialog's choices beside the table (`table.xlsx.import.json`), for
    /// `trade-explorer check --import` and `export --import`.
    fn save_choices(&mut self) {
        let Some(state) = self.ui.import.as_deref() else { return };
        let mut name = state.path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
        name.push(".import.json");
        let target = state.path.with_file_name(name);
        let lang = self.session.state.lang;
        let written = serde_json::to_string_pretty(&state.choices)
            .map_err(std::io::Error::other)
            .and_then(|text| crate::files::write_atomically(&target, text.as_bytes()));
        let folder = target.parent().map(Path::to_path_buf);
        match written {
            Ok(()) => {
                super::event(&format!("saved {}", target.display()));
                let text = tr!(lang, "import-choices-saved", path = target.display().to_string());
                self.toast(text, folder, false);
            }
            Err(e) => {
                let text =
                    tr!(lang, "import-choices-not-saved", path = target.display().to_string(), detail = e.to_string());
                self.toast(text, None, true);
            }
        }
    }
}
