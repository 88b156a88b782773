//! The tables a file offers the import dialog, and a file (or pasted text) read by import
//! choices.

use std::path::Path;

use super::error::{LoadError, Stale};
use super::import::{ImportChoices, load_by_choices};
use super::load::{Format, Loaded, read_limited};
use super::model::Source;
use super::progress::Limits;
use super::text::BinaryFormat;
use super::text_grid::{TextEncoding, detect_encoding, text_grid};
use super::workbook::{Sheet, read_workbook};

/// A file's tables for the import dialog: every sheet of a workbook, or a CSV as one table, in
/// `encoding` (detected when `None`). Returns the encoding a CSV was read in; `None` for a
/// workbook.
pub fn file_tables(
    path: &Path,
    bytes: &[u8],
    encoding: Option<TextEncoding>,
    limits: &Limits,
) -> Result<(Vec<Sheet>, Option<TextEncoding>), LoadError> {
    if matches!(BinaryFormat::of(bytes), Some(BinaryFormat::Xlsx | BinaryFormat::Ods | BinaryFormat::Xls)) {
        return Ok((read_workbook(path, bytes, limits)?, None));
    }
    super::text::check_not_binary(path, bytes)?;
    let encoding = encoding.unwrap_or_else(|| detect_encoding(bytes));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok((vec![text_grid(path, &name, bytes, encoding, limits)?], Some(encoding)))
}

/// The table the choices name: their sheet of a workbook, or the CSV's one table.
pub(crate) fn chosen_table<'s>(
    path: &Path,
    tables: &'s [Sheet],
    choices: &ImportChoices,
) -> Result<&'s Sheet, LoadError> {
    match &choices.sheet {
        Some(name) => tables.iter().find(|s| &s.name == name).ok_or_else(|| LoadError::ChoicesStale {
            path: path.to_path_buf(),
            why: Stale::SheetMissing { sheet: name.clone() },
        }),
        None => tables.first().ok_or_else(|| LoadError::NoFiguresChosen { path: path.to_path_buf() }),
    }
}

/// The source of a table read from a file: the sheet (or file) as its title, the file as its
/// publisher.
pub(crate) fn file_source(path: &Path, table: &Sheet) -> Source {
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let title = if table.name == file { file.clone() } else { format!("{file}: {}", table.name) };
    Source { id: "import".into(), title, publisher: file, url: String::new(), published: None, retrieved: None }
}

/// Reads tables already in memory by the choices (the dialog's preview and its Open).
pub fn load_tables_by_choices(
    path: &Path,
    tables: &[Sheet],
    choices: &ImportChoices,
    source: Option<Source>,
    limits: &Limits,
) -> Result<Loaded, LoadError> {
    let table = chosen_table(path, tables, choices)?;
    let source = source.unwrap_or_else(|| file_source(path, table));
    let (dataset, warnings) = load_by_choices(path, table, choices, source, limits)?;
    Ok(Loaded { dataset, warnings, format: Format::Imported })
}

/// Reads a file by import choices (a reopened file, F5, `--import`).
pub fn load_path_by_choices(path: &Path, choices: &ImportChoices, limits: &Limits) -> Result<Loaded, LoadError> {
    let bytes = read_limited(path, limits.file_bytes)?;
    let (tables, _) = file_tables(path, &bytes, Some(choices.encoding), limits)?;
    load_tables_by_choices(path, &tables, choices, None, limits)
}

/// Text copied from a spreadsheet (tab-separated rows) as a table named `name`.
pub fn pasted_table(name: &str, text: &str, limits: &Limits) -> Result<Sheet, LoadError> {
    text_grid(Path::new(name), name, text.as_bytes(), TextEncoding::Utf8, limits)
}

/// Reads a file of import choices (`--import FILE`).
pub fn read_choices_file(path: &Path) -> Result<ImportChoices, LoadError> {
    let unreadable = |detail: String| LoadError::ChoicesFileUnreadable { path: path.to_path_buf(), detail };
    let bytes = read_limited(path, 16 * 1024 * 1024)?;
    let choices: ImportChoices = serde_json::from_slice(&bytes).map_err(|e| unreadable(e.to_string()))?;
    if choices.import_version != super::import::IMPORT_VERSION {
        return Err(unreadable(format!("import_version {}", choices.import_version)));
    }
    Ok(choices)
}
