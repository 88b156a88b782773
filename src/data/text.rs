//! Turning bytes into text, and parser errors into located messages.

use std::path::Path;

use super::error::{LoadError, line_and_column};

/// The bytes as UTF-8 text without a byte-order mark, or a located error at the first bad byte.
pub fn check_utf8<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, LoadError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(LoadError::UnknownFormat {
            path: path.to_path_buf(),
            reason: "the file is UTF-16 text; save it as UTF-8 (in Excel: \"CSV UTF-8\")".into(),
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_and_column(bytes, e.valid_up_to());
        LoadError::NotUtf8 { path: path.to_path_buf(), line, column }
    })
}

/// A serde_json error as a located message, with the JSON path where serde knows it, and a
/// hint for the errors people make by hand.
pub fn syntax_error(path: &Path, text: &str, json_path: Option<String>, error: &serde_json::Error) -> LoadError {
    let full = error.to_string();
    // serde_json appends " at line L column C"; the location is reported separately.
    let message = match full.rfind(" at line ") {
        Some(cut) => full[..cut].to_string(),
        None => full,
    };
    let trailing_comma =
        error.classify() == serde_json::error::Category::Syntax && after_comma(text, error.line(), error.column());
    let message = if trailing_comma {
        "there is a comma after the last item of a list or object; JSON does not allow one, remove it".to_string()
    } else {
        message
    };
    let hint = match error.classify() {
        serde_json::error::Category::Eof => " (the file ends before the JSON is complete: was it cut off?)",
        _ if message.contains("recursion limit") => " (the JSON is nested too deeply)",
        serde_json::error::Category::Syntax
            if message.starts_with("expected value")
                || message.starts_with("expected ident")
                || message.starts_with("invalid number") =>
        {
            " (a value is missing or is not JSON; JSON has no NaN or Infinity, and numbers have no thousands separators)"
        }
        _ => "",
    };
    let message = match json_path {
        Some(at) => format!("{at}: {message}{hint}"),
        None => format!("{message}{hint}"),
    };
    LoadError::Syntax { path: path.to_path_buf(), line: error.line(), column: error.column(), message }
}

/// Whether the last non-blank character before a line and column is a comma: serde_json
/// reports a trailing comma as the closing bracket that follows it.
fn after_comma(text: &str, line: usize, column: usize) -> bool {
    let Some(line_start) =
        text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).reduce(|a, b| a + b).or(Some(0))
    else {
        return false;
    };
    let in_line: usize =
        text[line_start.min(text.len())..].chars().take(column.saturating_sub(1)).map(char::len_utf8).sum();
    let before = &text[..(line_start + in_line).min(text.len())];
    before.trim_end().ends_with(',')
}
