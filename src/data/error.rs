//! Errors that say where and what: a file, then a line and column, a JSON path or a CSV row.
//! They are data: the localization layer ([`crate::l10n`]) puts them into words, in the
//! language of the window or the terminal.

use std::path::PathBuf;

use super::model::Time;

/// The most problems reported for one file; the rest are counted, not listed.
pub(crate) const MAX_PROBLEMS: usize = 100;

/// Why a file could not be opened as a dataset.
#[derive(Debug)]
pub enum LoadError {
    /// The operating system refused to read it.
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The path names something that is not a regular file.
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// The file is larger than the loader accepts.
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file has more rows than the limit.
    TooManyRows {
        /// The file.
        path: PathBuf,
        /// The limit.
        limit: u64,
    },
    /// The file has more columns than the limit.
    TooManyColumns {
        /// The file.
        path: PathBuf,
        /// Its columns.
        columns: usize,
        /// The limit.
        limit: usize,
    },
    /// The file changed while it was read (another program is writing it).
    ChangedWhileReading {
        /// The file.
        path: PathBuf,
    },
    /// The file holds no bytes.
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The bytes are not UTF-8 text.
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column (in characters) of the first bad byte.
        column: usize,
    },
    /// UTF-16 text (a BOM says so).
    Utf16 {
        /// The file.
        path: PathBuf,
    },
    /// The text is not well-formed: a JSON syntax or type error, a ragged CSV row.
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        what: SyntaxError,
    },
    /// A file in a format the app does not read, recognised by its first bytes.
    NotReadable {
        /// The file.
        path: PathBuf,
        /// What it is.
        format: super::text::BinaryFormat,
    },
    /// A CSV ends inside a quoted field: a `"` opened a field and nothing closed it.
    UnclosedQuote {
        /// The file.
        path: PathBuf,
        /// 1-based line where the field opened.
        line: usize,
        /// The header of the field's column, when it has one.
        column: Option<String>,
    },
    /// The file is well-formed but its content breaks the format's rules.
    Invalid {
        /// The file.
        path: PathBuf,
        /// Every problem found, up to [`MAX_PROBLEMS`].
        problems: Vec<Problem>,
        /// How many more were found but not listed.
        more: usize,
    },
    /// The person cancelled the load.
    Cancelled {
        /// The file.
        path: PathBuf,
    },
    /// The loader stopped on a bug (a panic) instead of answering; the panic's own words.
    LoaderPanicked {
        /// The file.
        path: PathBuf,
        /// What the panic said.
        detail: String,
    },
    /// A JSON list where a dataset (an object) was expected.
    JsonList {
        /// The file.
        path: PathBuf,
    },
    /// A data package that lists no resources at all.
    NoResources {
        /// The file.
        path: PathBuf,
    },
    /// A zip archive that cannot be read (damaged, encrypted, an unknown compression).
    ZipUnreadable {
        /// The archive, or the member.
        path: PathBuf,
        /// What the zip reader said.
        detail: String,
    },
    /// A member of a zip archive that unpacks to more than the file-size limit.
    ZipTooLarge {
        /// The member, inside the archive's path.
        path: PathBuf,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A zip archive without a CSV file.
    ZipWithoutCsv {
        /// The archive.
        path: PathBuf,
        /// What it holds.
        members: Vec<String>,
    },
    /// A zip archive with several CSV files: which one is meant?
    ZipSeveralCsvs {
        /// The archive.
        path: PathBuf,
        /// Its CSV files.
        csvs: Vec<String>,
    },
    /// A data package whose resources are no CSV file.
    NoCsvResource {
        /// The file.
        path: PathBuf,
    },
    /// A data package whose CSV resource cannot be opened.
    PackageResource {
        /// The package.
        path: PathBuf,
        /// Why the resource could not be opened.
        error: Box<LoadError>,
    },
    /// A file recognised as a known format (a World Bank table, a UN Comtrade export) that is
    /// damaged: what is wrong, and which format it was read as.
    InFormat {
        /// The format.
        format: super::load::Format,
        /// What is wrong.
        error: Box<LoadError>,
    },
    /// A workbook calamine cannot read.
    WorkbookUnreadable {
        /// The file.
        path: PathBuf,
        /// What calamine says.
        detail: String,
    },
    /// A workbook in none of whose sheets a table was found.
    NoTableInWorkbook {
        /// The file.
        path: PathBuf,
        /// Its sheets.
        sheets: Vec<String>,
    },
    /// The bytes are not text in the encoding chosen for them.
    NotInEncoding {
        /// The file.
        path: PathBuf,
        /// The encoding.
        encoding: super::text_grid::TextEncoding,
        /// 1-based line near the first byte that is not.
        line: usize,
    },
    /// Import choices that no longer fit the file.
    ChoicesStale {
        /// The file.
        path: PathBuf,
        /// What changed.
        why: Stale,
    },
    /// Import choices under which no cell is a figure.
    NoFiguresChosen {
        /// The file.
        path: PathBuf,
    },
    /// A file of import choices (`--import`) that cannot be used.
    ChoicesFileUnreadable {
        /// The file.
        path: PathBuf,
        /// What is wrong, in serde's or the system's words.
        detail: String,
    },
    /// A CSV whose columns are no format the app reads.
    UnknownColumns {
        /// The file.
        path: PathBuf,
        /// Its first columns.
        columns: Vec<String>,
    },
}

/// Why import choices no longer fit a file.
#[derive(Debug, Clone, PartialEq)]
pub enum Stale {
    /// The header row does not read as it did.
    HeaderChanged {
        /// The header row, as the spreadsheet numbers it.
        row: usize,
        /// Its names then.
        expected: Vec<String>,
        /// Its names now.
        found: Vec<String>,
    },
    /// The sheet is not in the workbook any more.
    SheetMissing {
        /// The sheet.
        sheet: String,
    },
}

/// What is wrong with the text of a file.
#[derive(Debug, Clone, PartialEq)]
pub enum SyntaxError {
    /// A JSON error as serde reports it (its own words, quoted as a detail), at a JSON path
    /// where known, with what the text around it suggests.
    Json {
        /// The JSON path, where serde knows it.
        at: Option<String>,
        /// serde's message, without its location.
        detail: String,
        /// What the person probably did.
        hint: Option<JsonHint>,
    },
    /// A comma after the last item of a list or object.
    TrailingComma {
        /// The JSON path, where known.
        at: Option<String>,
    },
    /// `1,050.86`: a number with a thousands separator.
    ThousandsSeparator {
        /// The JSON path, where known.
        at: Option<String>,
    },
    /// A top-level key the format does not know.
    UnknownField {
        /// The key.
        key: String,
        /// The keys the format has.
        expected: Vec<&'static str>,
    },
    /// A CSV row with more or fewer fields than the header.
    RaggedRow {
        /// Its fields.
        fields: u64,
        /// The header's.
        header: u64,
    },
    /// A CSV row that is not UTF-8.
    RowNotUtf8,
    /// Another CSV error, in the csv crate's words.
    Csv {
        /// What the csv crate said.
        detail: String,
    },
}

/// What the text at a JSON error suggests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonHint {
    /// The file ends before the JSON is complete.
    CutOff,
    /// Nested deeper than the parser allows.
    TooDeep,
    /// A value that is missing or not JSON (NaN, Infinity, a thousands separator).
    NotAValue,
}

/// Where in a file a problem is: a JSON path, or a CSV row and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// `observations[57].entity`, `format_version`.
    Path(String),
    /// A data row of a CSV (0-based, counting from the first row after the header) and the
    /// header of the column.
    Row {
        /// The row.
        row: usize,
        /// The column's header.
        column: String,
    },
    /// The header row of a CSV.
    Header,
    /// One column's cell in the header row (an indicator a CSV declares there).
    HeaderColumn(String),
    /// A workbook's cell: `'2-15'!E5`.
    Cell(String),
}

impl Place {
    /// The place of a field of this one: `entities[3].name` in JSON; a CSV place already names
    /// its cell.
    pub(crate) fn field(&self, field: &str) -> Place {
        match self {
            Place::Path(p) if !p.is_empty() && !p.ends_with(&format!(".{field}")) => {
                Place::Path(format!("{p}.{field}"))
            }
            other => other.clone(),
        }
    }
}

impl From<&str> for Place {
    fn from(path: &str) -> Place {
        Place::Path(path.to_string())
    }
}

impl From<String> for Place {
    fn from(path: String) -> Place {
        Place::Path(path)
    }
}

/// A cell as a file names it, for messages: entity, metric, time, period, category.
#[derive(Debug, Clone, PartialEq)]
pub struct CellIds {
    /// The entity's id.
    pub entity: String,
    /// The metric's id.
    pub metric: String,
    /// When.
    pub time: Time,
    /// The period, when not the full year.
    pub period: Option<String>,
    /// The category, when there is one.
    pub category: Option<String>,
}

/// What kind of thing a file declares and refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Declared {
    /// A place.
    Entity,
    /// A quantity.
    Metric,
    /// Where figures come from.
    Source,
    /// A part of a whole.
    Category,
    /// A place's parent.
    ParentEntity,
}

/// Something odd about a file that did not stop it from opening.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// The columns are separated by `;` (`semicolon`) or tabs, and were read that way.
    Delimiter {
        /// `;` rather than tabs.
        semicolon: bool,
    },
    /// A tidy CSV without its metadata file.
    NoMetadata {
        /// The metadata file's name.
        file: String,
    },
    /// Rows without a value, skipped.
    EmptyValues {
        /// How many.
        count: usize,
        /// The first few, as 1-based spreadsheet rows.
        rows: Vec<usize>,
    },
    /// Reported figures without a quote.
    MissingQuotes {
        /// How many.
        count: usize,
    },
    /// Figures dated outside [`USUAL_YEARS`](super::USUAL_YEARS) in a format that is not for
    /// historical data: opened, but probably typos.
    UnusualYears {
        /// How many figures.
        count: usize,
        /// Where the first is.
        first: Place,
        /// Its year.
        year: i32,
    },
    /// Columns that hold text (regions, flags, annotations), not numbers: set aside.
    TextColumns {
        /// Their names.
        columns: Vec<String>,
    },
    /// Columns of text that give each place one value (a region): kept to narrow the places by.
    AttributeColumns {
        /// Their names.
        columns: Vec<String>,
    },
    /// A table of nothing but text: charted as the number of places with each value.
    CountedPlaces {
        /// The columns counted.
        columns: Vec<String>,
    },
    /// Rows whose name a spreadsheet split at its comma (`Hong Kong SAR;China;HKG`): joined.
    RepairedNames {
        /// How many rows.
        count: usize,
        /// Where the first is.
        first: Place,
    },
    /// Rows whose code column holds no code, even after a split name is joined: skipped.
    SkippedRows {
        /// How many rows.
        count: usize,
        /// Where the first is.
        first: Place,
        /// What its code column holds.
        text: String,
    },
    /// A file that is not UTF-8 but Latin-1, recognised by its header and decoded.
    Latin1,
    /// UN Comtrade rows that break a figure down by a second partner, a mode of transport or
    /// supply, or a customs procedure: left out, as their totals are in the file.
    ComtradeBreakdowns {
        /// How many rows.
        count: usize,
    },
    /// Rows that repeat a figure already read (the same reporter, flow, partner, commodity and
    /// period): the first was kept.
    RepeatedRows {
        /// How many rows.
        count: usize,
        /// Where the first repeat is.
        first: Place,
    },
    /// The import choices remembered for the file no longer fit it; it was read as detected.
    ChoicesNotApplied {
        /// What changed.
        why: Stale,
    },
    /// Workbook cells that hold an error (`#N/A`) or a formula without its result: gaps.
    WorkbookGaps {
        /// Error cells.
        errors: usize,
        /// Formulas whose result the file does not hold.
        uncached: usize,
        /// The first of either.
        first: Place,
    },
    /// Workbook cells of words where a figure belongs: skipped.
    SkippedWorkbookCells {
        /// How many.
        count: usize,
        /// The first.
        first: Place,
        /// Its text.
        text: String,
    },
    /// An OpenDocument spreadsheet with cells formatted as percentages, read as the fractions
    /// they store.
    PercentAsFractions,
    /// Sheets of a workbook in which no table was found: their names.
    SheetsWithoutTable {
        /// The sheets.
        sheets: Vec<String>,
    },
    /// Cells of a column of numbers that are not numbers (`>1000`): skipped, the rest kept.
    SkippedCells {
        /// The column.
        column: String,
        /// How many cells.
        count: usize,
        /// Where the first is.
        first: Place,
        /// What it holds.
        text: String,
    },
    /// A data package that names no sources.
    PackageWithoutSources,
    /// An Our World in Data CSV without its datapackage.json.
    NoDatapackage,
    /// A datapackage.json that describes other files.
    PackageForOtherFiles {
        /// The files it describes.
        files: Vec<String>,
        /// The CSV opened.
        csv: String,
    },
}

/// One located validation problem: `observations[57].entity: "atlantis" is not a known entity`.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where: a JSON path (`observations[57].entity`) or a CSV row and column.
    pub at: Place,
    /// What.
    pub kind: ProblemKind,
}

/// What is wrong with one part of a dataset.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The format version is not one this app reads.
    UnsupportedVersion {
        /// The version in the file.
        found: i64,
    },
    /// The file does not say which format version it is.
    MissingVersion,
    /// The dataset has no observations.
    NoObservations,
    /// Every column beside the place and the time holds text (a map of regions, a status), so
    /// there is no figure to chart.
    OnlyText {
        /// The columns.
        columns: Vec<String>,
    },
    /// An identifier is empty or has characters outside `a-z 0-9 _ - .`.
    BadId {
        /// The identifier.
        id: String,
    },
    /// A required text is empty.
    EmptyText,
    /// Two entries share an identifier.
    DuplicateId {
        /// Entity, metric, source or category.
        what: Declared,
        /// The identifier.
        id: String,
        /// Where it was first used.
        first: Place,
    },
    /// A reference names nothing the dataset declares.
    UnknownReference {
        /// Entity, metric, source, category or parent entity.
        what: Declared,
        /// The identifier used.
        id: String,
        /// A few identifiers that do exist, to help spot a typo.
        known: Vec<String>,
    },
    /// A category overlaps one of another dimension (or itself).
    OverlapAcrossDimensions {
        /// The category.
        id: String,
        /// Its dimension.
        dimension: String,
        /// The category it names.
        other: String,
    },
    /// Entities' parents form a loop.
    ParentCycle {
        /// An entity on the loop.
        id: String,
    },
    /// Neither `year` nor `date` was given.
    MissingTime,
    /// Both `year` and `date` were given.
    BothYearAndDate,
    /// A year is not an integer year.
    BadYear {
        /// The text found.
        text: String,
    },
    /// A date is not `YYYY-MM` or `YYYY-MM-DD`, or names a day that does not exist.
    BadDate {
        /// The text found.
        text: String,
    },
    /// A year outside [`YEARS`](super::YEARS), which no data format here can mean.
    YearOutOfRange {
        /// The year.
        year: i32,
    },
    /// A value is not a number.
    NotANumber {
        /// The text found.
        text: String,
    },
    /// A value is NaN or infinite.
    NotFinite {
        /// The text found.
        text: String,
    },
    /// A share outside 0–100.
    ShareOutOfRange {
        /// The value.
        value: f64,
    },
    /// The observation states a unit that is not its metric's.
    UnitMismatch {
        /// The observation's unit.
        found: String,
        /// The metric's identifier.
        metric: String,
        /// The metric's unit.
        expected: String,
    },
    /// A trust level other than low, medium, high.
    BadTrust {
        /// The text found.
        text: String,
    },
    /// A period name that is not an identifier.
    BadPeriod {
        /// The text found.
        text: String,
    },
    /// Two observations fill the same cell.
    DuplicateCell {
        /// The cell (boxed: a problem is small, a cell's ids are not).
        cell: Box<CellIds>,
        /// Where it was first given.
        first: Place,
    },
    /// A reported figure without its quote.
    MissingQuote,
    /// A derived figure without a formula.
    MissingFormula,
    /// A derived figure names an input that is not in the dataset.
    UnknownInput {
        /// The input (boxed: a problem is small, a cell's ids are not).
        cell: Box<CellIds>,
    },
    /// A required column is missing from a CSV header.
    MissingColumn {
        /// The missing column.
        column: String,
        /// The columns that are there.
        found: String,
    },
    /// A text field holds a control character (a NUL, an escape…).
    ControlCharacter {
        /// The character's code point.
        code: u32,
    },
    /// A text field is longer than the loader accepts.
    TextTooLong {
        /// Its length.
        len: usize,
        /// The limit.
        limit: usize,
    },
}

/// Line and 1-based column of a byte offset in a text, for errors found by position.
pub(crate) fn line_and_column(bytes: &[u8], offset: usize) -> (usize, usize) {
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
}
