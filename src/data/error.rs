//! Errors that say where and what: a file, then a line and column, a JSON path or a CSV row.

use std::fmt;
use std::path::PathBuf;

/// The most problems reported for one file; the rest are counted, not listed.
pub const MAX_PROBLEMS: usize = 100;

/// Why a file could not be opened as a dataset.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The operating system refused to read it.
    #[error("{path}: cannot read the file: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The path names something that is not a regular file.
    #[error("{path}: is not a file (a folder, a device or a pipe cannot be opened as a dataset)")]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// The file is larger than the loader accepts.
    #[error(
        "{path}: the file is {size} bytes, more than the limit of {limit} bytes; \
         split it, or raise the limit with --max-file-size"
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file has more rows than the limit.
    #[error("{path}: the file has more than {limit} rows, the limit; raise it with --max-rows")]
    TooManyRows {
        /// The file.
        path: PathBuf,
        /// The limit.
        limit: u64,
    },
    /// The file has more columns than the limit.
    #[error(
        "{path}: line 1: the file has {columns} columns, more than the limit of {limit}; raise it with --max-columns"
    )]
    TooManyColumns {
        /// The file.
        path: PathBuf,
        /// Its columns.
        columns: usize,
        /// The limit.
        limit: usize,
    },
    /// The file changed while it was read (another program is writing it).
    #[error(
        "{path}: the file changed while it was being read (is another program still writing it?); nothing was opened — try again when it is complete"
    )]
    ChangedWhileReading {
        /// The file.
        path: PathBuf,
    },
    /// The file holds no bytes.
    #[error("{path}: the file is empty")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The bytes are not UTF-8 text.
    #[error(
        "{path}: line {line}, column {column}: the file is not UTF-8 text \
         (save it as UTF-8; files from Excel may be in another encoding)"
    )]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column (in characters) of the first bad byte.
        column: usize,
    },
    /// The text is not well-formed: a JSON syntax or type error, a ragged CSV row.
    #[error("{path}: line {line}, column {column}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong and what was expected.
        message: String,
    },
    /// A file in a format the app does not read, recognised by its first bytes.
    #[error("{path}: this is {}, which Trade Explorer does not read; {}", .format.describe(), .format.advice())]
    NotReadable {
        /// The file.
        path: PathBuf,
        /// What it is.
        format: super::text::BinaryFormat,
    },
    /// A CSV ends inside a quoted field: a `"` opened a field and nothing closed it.
    #[error(
        "{path}: line {line}: a quoted field{} opened on this line never closes (a `\"` is missing), so the rest of the file would be read as one field",
        .column.as_ref().map(|c| format!(" (column `{c}`)")).unwrap_or_default()
    )]
    UnclosedQuote {
        /// The file.
        path: PathBuf,
        /// 1-based line where the field opened.
        line: usize,
        /// The header of the field's column, when it has one.
        column: Option<String>,
    },
    /// The file is well-formed but its content breaks the format's rules.
    #[error("{path}: {}", Problems(.problems, *.more))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Every problem found, up to [`MAX_PROBLEMS`].
        problems: Vec<Problem>,
        /// How many more were found but not listed.
        more: usize,
    },
    /// The person cancelled the load.
    #[error("{path}: opening was cancelled")]
    Cancelled {
        /// The file.
        path: PathBuf,
    },
    /// The content is not any format the app reads.
    #[error("{path}: {reason}")]
    UnknownFormat {
        /// The file.
        path: PathBuf,
        /// What was seen, and what is expected.
        reason: String,
    },
}

impl LoadError {
    /// The located problems, when the error is a validation failure.
    pub fn problems(&self) -> &[Problem] {
        match self {
            LoadError::Invalid { problems, .. } => problems,
            _ => &[],
        }
    }
}

struct Problems<'a>(&'a [Problem], usize);

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.0.len() + self.1;
        if total == 1 {
            write!(f, "{}", self.0[0])
        } else {
            write!(f, "{total} problems")?;
            for problem in self.0 {
                write!(f, "\n  {problem}")?;
            }
            if self.1 > 0 {
                write!(f, "\n  … and {} more", self.1)?;
            }
            Ok(())
        }
    }
}

/// One located validation problem: `observations[57].entity: "atlantis" is not a known entity`.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where: a JSON path (`observations[57].entity`) or a CSV place (`row 14, column year`).
    pub at: String,
    /// What.
    pub kind: ProblemKind,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.kind)
    }
}

/// What is wrong with one part of a dataset.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProblemKind {
    /// The format version is not one this app reads.
    #[error("format_version {found} is not supported; this version of Trade Explorer reads format_version 1")]
    UnsupportedVersion {
        /// The version in the file.
        found: i64,
    },
    /// The file does not say which format version it is.
    #[error("the file has no format_version; a Trade Explorer dataset starts with \"format_version\": 1")]
    MissingVersion,
    /// The dataset has no observations.
    #[error("the dataset has no observations; a dataset needs at least one figure")]
    NoObservations,
    /// An identifier is empty or has characters outside `a-z 0-9 _ - .`.
    #[error("{id:?} is not a usable identifier: use letters, digits, `_`, `-` or `.`, without spaces or punctuation")]
    BadId {
        /// The identifier.
        id: String,
    },
    /// A required text is empty.
    #[error("must not be empty")]
    EmptyText,
    /// Two entries share an identifier.
    #[error("the {what} id {id:?} is already used at {first}")]
    DuplicateId {
        /// Entity, metric, source or category.
        what: &'static str,
        /// The identifier.
        id: String,
        /// Where it was first used.
        first: String,
    },
    /// A reference names nothing the dataset declares.
    #[error("{id:?} is not a known {what}{}", known_list(.known))]
    UnknownReference {
        /// Entity, metric, source, category or parent entity.
        what: &'static str,
        /// The identifier used.
        id: String,
        /// A few identifiers that do exist, to help spot a typo.
        known: Vec<String>,
    },
    /// A category overlaps one of another dimension (or itself).
    #[error(
        "category {id:?} can overlap only other categories of its own dimension ({dimension}); {other:?} is not one"
    )]
    OverlapAcrossDimensions {
        /// The category.
        id: String,
        /// Its dimension.
        dimension: String,
        /// The category it names.
        other: String,
    },
    /// Entities' parents form a loop.
    #[error("the parent chain of {id:?} loops back to itself")]
    ParentCycle {
        /// An entity on the loop.
        id: String,
    },
    /// Neither `year` nor `date` was given.
    #[error("needs a time: a `year` (2024) or a `date` (2024-03 or 2024-03-31)")]
    MissingTime,
    /// Both `year` and `date` were given.
    #[error("has both `year` and `date`; give one of them")]
    BothYearAndDate,
    /// A year is not an integer year.
    #[error("{text:?} is not a year (expected four digits, like 2024)")]
    BadYear {
        /// The text found.
        text: String,
    },
    /// A date is not `YYYY-MM` or `YYYY-MM-DD`, or names a day that does not exist.
    #[error("{text:?} is not a date (expected YYYY-MM or YYYY-MM-DD, like 2024-03 or 2024-03-31)")]
    BadDate {
        /// The text found.
        text: String,
    },
    /// A year outside 1800–2200 is almost certainly a typo.
    #[error("year {year} is outside 1800–2200")]
    YearOutOfRange {
        /// The year.
        year: i32,
    },
    /// A value is not a number.
    #[error("{text:?} is not a number (write digits with a `.` for decimals, without thousands separators or units)")]
    NotANumber {
        /// The text found.
        text: String,
    },
    /// A value is NaN or infinite.
    #[error("{text:?} is not a finite number")]
    NotFinite {
        /// The text found.
        text: String,
    },
    /// A share outside 0–100.
    #[error("{value} is not a share: `share_percent` values must be between 0 and 100")]
    ShareOutOfRange {
        /// The value.
        value: f64,
    },
    /// The observation states a unit that is not its metric's.
    #[error(
        "the unit {found:?} differs from the unit of metric {metric:?}, {expected:?}; convert the value or fix the metric"
    )]
    UnitMismatch {
        /// The observation's unit.
        found: String,
        /// The metric's identifier.
        metric: String,
        /// The metric's unit.
        expected: String,
    },
    /// A trust level other than low, medium, high.
    #[error("{text:?} is not a trust level (expected low, medium or high)")]
    BadTrust {
        /// The text found.
        text: String,
    },
    /// A period name that is not an identifier.
    #[error("{text:?} is not a period (expected full_year, or a name like jan_nov, q1, h1)")]
    BadPeriod {
        /// The text found.
        text: String,
    },
    /// Two observations fill the same cell.
    #[error("the same {cell} is already given at {first}; keep one value and list the other under `alternatives`")]
    DuplicateCell {
        /// The cell, in words.
        cell: String,
        /// Where it was first given.
        first: String,
    },
    /// A reported figure without its quote.
    #[error("a reported figure needs a `quote`: the sentence of the source that states it (or mark it `derived`)")]
    MissingQuote,
    /// A derived figure without a formula.
    #[error("a derived figure needs a `formula` saying how it was computed")]
    MissingFormula,
    /// A derived figure names an input that is not in the dataset.
    #[error("the input {cell} is not an observation of this dataset")]
    UnknownInput {
        /// The input, in words.
        cell: String,
    },
    /// A required column is missing from a CSV header.
    #[error("the header has no `{column}` column (found: {found})")]
    MissingColumn {
        /// The missing column.
        column: String,
        /// The columns that are there.
        found: String,
    },
    /// A text field holds a control character (a NUL, an escape…).
    #[error("the text holds a control character (U+{code:04X}); remove it")]
    ControlCharacter {
        /// The character's code point.
        code: u32,
    },
    /// A text field is longer than the loader accepts.
    #[error("the text is {len} characters long, more than the limit of {limit}; raise it with --max-text-length")]
    TextTooLong {
        /// Its length.
        len: usize,
        /// The limit.
        limit: usize,
    },
}

fn known_list(known: &[String]) -> String {
    if known.is_empty() { String::new() } else { format!(" (known: {})", known.join(", ")) }
}

/// Line and 1-based column of a byte offset in a text, for errors found by position.
pub fn line_and_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offsets_become_lines_and_character_columns() {
        let text = "ab\n金华x".as_bytes();
        assert_eq!(line_and_column(text, 0), (1, 1));
        assert_eq!(line_and_column(text, 3), (2, 1));
        // "金华" is six bytes but two characters.
        assert_eq!(line_and_column(text, 9), (2, 3));
    }

    #[test]
    fn many_problems_are_listed_one_a_line_with_a_count() {
        let problem = |at: &str| Problem { at: at.into(), kind: ProblemKind::MissingQuote };
        let err = LoadError::Invalid {
            path: "data.json".into(),
            problems: vec![problem("observations[0]"), problem("observations[1]")],
            more: 3,
        };
        let text = err.to_string();
        assert!(text.starts_with("data.json: 5 problems\n  observations[0]: a reported figure needs a `quote`"));
        assert!(text.ends_with("… and 3 more"));
    }
}
