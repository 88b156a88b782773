//! Turning bytes into text, and parser errors into located messages.

use std::path::Path;

use super::error::{JsonHint, LoadError, SyntaxError, line_and_column};

/// The bytes as UTF-8 text without a byte-order mark, or a located error at the first bad byte.
pub(crate) fn check_utf8<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, LoadError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(LoadError::Utf16 { path: path.to_path_buf() });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_and_column(bytes, e.valid_up_to());
        LoadError::NotUtf8 { path: path.to_path_buf(), line, column }
    })
}

/// A file format that is not text, recognised by its first bytes (its signature).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryFormat {
    /// An Office Open XML workbook (`.xlsx`, `.xlsm`, `.xlsb`): a zip archive with `xl/` inside.
    Xlsx,
    /// An OpenDocument spreadsheet (`.ods`): a zip archive whose first entry names its type.
    Ods,
    /// Any other zip archive.
    Zip,
    /// A Compound File (`D0 CF 11 E0`): Excel 97–2003 workbooks (`.xls`) and other old Office files.
    Xls,
    /// gzip-compressed data.
    Gzip,
    /// A PDF document.
    Pdf,
    /// An Apache Parquet file.
    Parquet,
    /// A PNG image (an exported chart, perhaps).
    Png,
}

impl BinaryFormat {
    /// The format of a file that starts with `head`, when it is one of these.
    pub(crate) fn of(head: &[u8]) -> Option<BinaryFormat> {
        let format = if head.starts_with(b"PK\x03\x04") {
            zip_kind(head)
        } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            BinaryFormat::Xls
        } else if head.starts_with(&[0x1F, 0x8B]) {
            BinaryFormat::Gzip
        } else if head.starts_with(b"%PDF-") {
            BinaryFormat::Pdf
        } else if head.starts_with(b"PAR1") {
            BinaryFormat::Parquet
        } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            BinaryFormat::Png
        } else {
            return None;
        };
        Some(format)
    }
}

/// Tells workbooks from other zip archives by the names in the archive's first local headers,
/// which are stored as plain text: an OpenDocument file's first entry is `mimetype`, stored
/// uncompressed; an Office Open XML workbook keeps its parts under `xl/`.
fn zip_kind(head: &[u8]) -> BinaryFormat {
    let name_len = head.get(26..28).map_or(0, |b| usize::from(u16::from_le_bytes([b[0], b[1]])));
    let extra_len = head.get(28..30).map_or(0, |b| usize::from(u16::from_le_bytes([b[0], b[1]])));
    let first_name = head.get(30..30 + name_len).unwrap_or_default();
    let after = head.get(30 + name_len + extra_len..).unwrap_or_default();
    let contains = |haystack: &[u8], needle: &[u8]| haystack.windows(needle.len()).any(|w| w == needle);
    if first_name == b"mimetype" && after.starts_with(b"application/vnd.oasis.opendocument.spreadsheet") {
        BinaryFormat::Ods
    } else if contains(&head[..head.len().min(1 << 16)], b"xl/") {
        BinaryFormat::Xlsx
    } else {
        BinaryFormat::Zip
    }
}

/// Refuses a file whose first bytes say it is a format the app does not read.
pub(crate) fn check_not_binary(path: &Path, head: &[u8]) -> Result<(), LoadError> {
    match BinaryFormat::of(head) {
        Some(format) => Err(LoadError::NotReadable { path: path.to_path_buf(), format }),
        None => Ok(()),
    }
}

/// A serde_json error, located, with the JSON path where serde knows it, and what the text at
/// the error suggests (read from the text, not from serde's words).
pub(crate) fn syntax_error(path: &Path, text: &str, json_path: Option<String>, error: &serde_json::Error) -> LoadError {
    use serde_json::error::Category;
    let full = error.to_string();
    // serde_json appends " at line L column C"; the location is reported separately.
    let detail = match full.rfind(" at line ") {
        Some(cut) => full[..cut].to_string(),
        None => full,
    };
    let (before, after) = split_at(text, error.line(), error.column());
    let after_comma = error.classify() == Category::Syntax && before.trim_end().ends_with(',');
    // `1,050.86`: a digit before the comma and one after it.
    let digit_before = before.trim_end().strip_suffix(',').is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()));
    let digit_after = after.starts_with(|c: char| c.is_ascii_digit());
    let at = json_path;
    let what = if after_comma && digit_before && digit_after {
        SyntaxError::ThousandsSeparator { at }
    } else if after_comma {
        SyntaxError::TrailingComma { at }
    } else {
        let hint = match error.classify() {
            Category::Eof => Some(JsonHint::CutOff),
            // serde_json stops at 128 levels of nesting.
            Category::Syntax if nesting(before) >= 127 => Some(JsonHint::TooDeep),
            // Where a value should start, something that is not one: NaN, Infinity, a word.
            Category::Syntax if after.starts_with(|c: char| c.is_alphabetic() || c == '-' || c == '+') => {
                Some(JsonHint::NotAValue)
            }
            _ => None,
        };
        SyntaxError::Json { at, detail, hint }
    };
    LoadError::Syntax { path: path.to_path_buf(), line: error.line(), column: error.column(), what }
}

/// How many lists and objects are open at the end of `text` (strings skipped).
fn nesting(text: &str) -> usize {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for c in text.chars() {
        match (in_string, escaped, c) {
            (true, true, _) => escaped = false,
            (true, false, '\\') => escaped = true,
            (true, false, '"') => in_string = false,
            (false, _, '"') => in_string = true,
            (false, _, '[' | '{') => depth += 1,
            (false, _, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth
}

/// The text before and after a line and column as serde_json reports them (a trailing comma is
/// reported as the closing bracket that follows it).
fn split_at(text: &str, line: usize, column: usize) -> (&str, &str) {
    let line_start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    let line_start = line_start.min(text.len());
    let in_line: usize = text[line_start..].chars().take(column.saturating_sub(1)).map(char::len_utf8).sum();
    text.split_at((line_start + in_line).min(text.len()))
}
