//! The tidy CSV format: one observation a row, with the same columns as the JSON format's
//! observations. Sources, entities and metrics come from a sidecar JSON file
//! (`NAME.meta.json` beside `NAME.csv`) or, without one, are inferred from the rows with a
//! warning.

use std::borrow::Cow;
use std::path::Path;

use super::build::{Builder, DerivationInput, DetailsInput, ObservationInput, QuotePolicy};
use super::error::{LoadError, Place, ProblemKind, SyntaxError, Warning};
use super::json::declare_metadata;
use super::model::*;
use super::progress::Progress;
use super::text::check_utf8;

/// The columns the tidy CSV format knows. `entity`, `metric`, `value` and one of `year` or
/// `date` are required.
pub(crate) const COLUMNS: [&str; 13] = [
    "entity", "metric", "year", "date", "period", "category", "value", "unit", "source", "quote", "derived", "trust",
    "note",
];

pub(crate) fn locate_row(i: usize, field: &str) -> Place {
    Place::Row { row: i, column: field.to_string() }
}

/// Makes an identifier from a display name: `Yiwu City` → `yiwu_city`; letters of other scripts are kept as they are.
pub(crate) fn slug(name: &str) -> String {
    let mut id = String::with_capacity(name.len());
    for c in name.trim().chars() {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if !id.ends_with('_') {
            id.push('_');
        }
    }
    // Long enough to tell names apart, short enough for an id (a column of a WHO table is
    // named by a 300-character question); the callers add `_2`… when two cut names meet.
    const MAX_BYTES: usize = 96;
    let mut end = id.len().min(MAX_BYTES);
    while !id.is_char_boundary(end) {
        end -= 1;
    }
    let id = id[..end].trim_matches('_').to_string();
    if id.is_empty() { "unnamed".to_string() } else { id }
}

/// Where each of [`COLUMNS`] is in a header, by the column's place in `COLUMNS`, and whether
/// the file's names are declared by its rows (no sidecar metadata).
pub(super) struct Columns {
    index: [Option<usize>; COLUMNS.len()],
    pub inferred: bool,
}

/// The columns of [`COLUMNS`], by their place in it: a cell is found by index, never by name.
#[derive(Clone, Copy)]
pub(super) enum Col {
    Entity,
    Metric,
    Year,
    Date,
    Period,
    Category,
    Value,
    Unit,
    Source,
    Quote,
    Derived,
    Trust,
    Note,
}

impl Columns {
    pub(super) fn get<'r>(&self, record: &'r csv::StringRecord, column: Col) -> Option<&'r str> {
        self.index[column as usize].and_then(|i| record.get(i)).map(trim)
    }

    fn has(&self, column: Col) -> bool {
        self.index[column as usize].is_some()
    }
}

/// A cell without the white space around it. Most cells begin and end with a visible ASCII
/// character, which no white space is; only the others are searched for Unicode's spaces.
fn trim(cell: &str) -> &str {
    match (cell.as_bytes().first(), cell.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => cell,
        _ => cell.trim(),
    }
}

/// After each CSV row: enforces the row limit, and every 4,096 rows reports progress and
/// honours Cancel.
pub(crate) fn count_row(
    path: &Path,
    progress: &Progress,
    rows: usize,
    record: &csv::StringRecord,
) -> Result<(), LoadError> {
    if rows as u64 > progress.limits.rows {
        return Err(LoadError::TooManyRows { path: path.to_path_buf(), limit: progress.limits.rows });
    }
    if rows.is_multiple_of(4096) {
        progress.set_done(record.position().map_or(0, |p| p.byte()));
        if progress.is_cancelled() {
            return Err(LoadError::Cancelled { path: path.to_path_buf() });
        }
    }
    Ok(())
}

/// A `csv` crate error, located.
pub(crate) fn csv_error(path: &Path, error: &csv::Error) -> LoadError {
    let (line, what) = match error.kind() {
        csv::ErrorKind::UnequalLengths { pos, expected_len, len } => (
            pos.as_ref().map_or(0, |p| p.line() as usize),
            SyntaxError::RaggedRow { fields: *len, header: *expected_len },
        ),
        csv::ErrorKind::Utf8 { pos, .. } => (pos.as_ref().map_or(0, |p| p.line() as usize), SyntaxError::RowNotUtf8),
        _ => (error.position().map_or(0, |p| p.line() as usize), SyntaxError::Csv { detail: error.to_string() }),
    };
    LoadError::Syntax { path: path.to_path_buf(), line, column: 1, what }
}

/// The sidecar metadata file of a CSV: `data.meta.json` beside `data.csv`.
pub(crate) fn sidecar_path(csv_path: &Path) -> std::path::PathBuf {
    csv_path.with_extension("meta.json")
}

/// Loads a tidy CSV held in memory. `metadata` is the sidecar's path and bytes, when there is
/// one.
pub fn load_tidy_csv(
    path: &Path,
    bytes: &[u8],
    metadata: Option<(&Path, &[u8])>,
    progress: &Progress,
) -> Result<(Dataset, Vec<Warning>), LoadError> {
    let text = check_utf8(path, bytes)?;
    let delimiter = sniff_delimiter(text.as_bytes());
    let mut records = Records::new(path, text.as_bytes(), delimiter, Rest::Bytes(text.as_bytes()))?;
    let (dataset, mut warnings) = load_tidy_records(&mut records, metadata, progress)?;
    records.finish()?;
    warnings.extend(delimiter_warning(delimiter));
    Ok((dataset, warnings))
}

/// A CSV reader with the settings every loader uses.
pub(crate) fn csv_reader<R: std::io::Read>(input: R, delimiter: u8) -> csv::Reader<R> {
    csv::ReaderBuilder::new().has_headers(true).delimiter(delimiter).buffer_capacity(1 << 16).from_reader(input)
}

/// Refuses a header with more columns than the limit.
pub(crate) fn check_columns(
    path: &Path,
    header: &csv::StringRecord,
    limits: &super::progress::Limits,
) -> Result<(), LoadError> {
    if header.len() > limits.columns {
        return Err(LoadError::TooManyColumns {
            path: path.to_path_buf(),
            columns: header.len(),
            limit: limits.columns,
        });
    }
    Ok(())
}

/// The delimiter of a CSV, from its first line: a comma, unless the line has none and has
/// semicolons (as spreadsheets in many European locales write) or tabs.
pub(crate) fn sniff_delimiter(head: &[u8]) -> u8 {
    let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    let count = |d: u8| line.iter().filter(|&&b| b == d).count();
    if count(b',') > 0 {
        b','
    } else if count(b';') > 0 {
        b';'
    } else if count(b'\t') > 0 {
        b'\t'
    } else {
        b','
    }
}

/// Where a CSV's bytes can be read again from an offset, to look at its last record once more.
#[derive(Clone, Copy)]
pub(crate) enum Rest<'a> {
    /// The text in memory.
    Bytes(&'a [u8]),
    /// The file being streamed; the CSV reader began `skipped` bytes in (after a byte-order
    /// mark), and at most `limit` bytes are read.
    File { file: &'a std::fs::File, skipped: u64, limit: u64 },
}

impl Rest<'_> {
    /// Up to `max` bytes from `offset` (as the CSV reader counts) on. Only called once the
    /// reading has stopped: seeking moves the file's shared position.
    fn from(&self, offset: u64, max: u64) -> std::io::Result<Cow<'_, [u8]>> {
        use std::io::{Read, Seek, SeekFrom};
        match *self {
            Rest::Bytes(bytes) => {
                let rest = bytes.get(offset as usize..).unwrap_or_default();
                Ok(Cow::Borrowed(&rest[..rest.len().min(max as usize)]))
            }
            Rest::File { mut file, skipped, limit } => {
                file.seek(SeekFrom::Start(skipped + offset))?;
                let mut bytes = Vec::new();
                file.take(limit.min(max)).read_to_end(&mut bytes)?;
                Ok(Cow::Owned(bytes))
            }
        }
    }
}

/// The records of a CSV, read with the settings every loader uses. Remembers where the last
/// record began, so that a quoted field left open at the end of the file is caught: the `csv`
/// crate reads such a field to the end of the file without complaint, which would swallow every
/// row after it into one cell.
pub(crate) struct Records<'a, R> {
    reader: csv::Reader<R>,
    /// The file, for messages.
    pub path: &'a Path,
    rest: Rest<'a>,
    delimiter: u8,
    header: csv::StringRecord,
    last_start: csv::Position,
    /// For a piece of a file read without its header: the header's width, which every record
    /// must have (the `csv` crate would compare with the piece's first record instead).
    width: Option<usize>,
    /// A record's storage, kept between reads of a piece.
    spare: Option<csv::StringRecord>,
}

impl<'a, R: std::io::Read> Records<'a, R> {
    /// Whether numbers in this file may write their decimals with a comma: a file whose columns
    /// are separated by `;` comes from a spreadsheet in a locale that does.
    pub(crate) fn decimal_comma(&self) -> bool {
        self.delimiter == b';'
    }

    /// Reads the header of `input`; `rest` reads the same bytes again when a quote is in doubt.
    pub(crate) fn new(path: &'a Path, input: R, delimiter: u8, rest: Rest<'a>) -> Result<Records<'a, R>, LoadError> {
        let mut reader = csv_reader(input, delimiter);
        let header = reader.headers().cloned();
        let mut records = Records {
            reader,
            path,
            rest,
            delimiter,
            header: csv::StringRecord::new(),
            last_start: csv::Position::new(),
            width: None,
            spare: None,
        };
        match header {
            Ok(header) => records.header = header,
            Err(e) => {
                let located = matches!(e.kind(), csv::ErrorKind::Utf8 { .. })
                    .then(|| records.not_utf8(&csv::Position::new()))
                    .flatten();
                return Err(located.unwrap_or_else(|| csv_error(path, &e)));
            }
        }
        Ok(records)
    }

    /// Records of a piece of a file (whole records, from the start of one) whose header
    /// `header` was read apart; lines are counted from the piece's start.
    pub(crate) fn headerless(
        path: &'a Path,
        input: R,
        delimiter: u8,
        header: &csv::StringRecord,
        rest: Rest<'a>,
    ) -> Records<'a, R> {
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .buffer_capacity(1 << 16)
            .from_reader(input);
        Records {
            reader,
            path,
            rest,
            delimiter,
            header: header.clone(),
            last_start: csv::Position::new(),
            width: Some(header.len()),
            spare: None,
        }
    }

    /// The header row.
    pub(crate) fn header(&self) -> &csv::StringRecord {
        &self.header
    }

    /// Reads the next record into `record`; `false` at the end of the file.
    pub(crate) fn read(&mut self, record: &mut csv::StringRecord) -> Result<bool, LoadError> {
        if let Some(width) = self.width {
            return self.read_piece(record, width);
        }
        match self.reader.read_record(record) {
            Ok(true) => {
                if let Some(position) = record.position() {
                    self.last_start = position.clone();
                }
                Ok(true)
            }
            Ok(false) => Ok(false),
            Err(e) => Err(self.fail(&e)),
        }
    }

    /// [`Records::read`] for a piece: the width is checked before the text is, as the `csv`
    /// crate checks a whole file's records.
    fn read_piece(&mut self, record: &mut csv::StringRecord, width: usize) -> Result<bool, LoadError> {
        // The record's storage is read into as bytes and given back as text; `spare` holds
        // `record`'s place meanwhile, so that no record is allocated per row.
        let spare = self.spare.take().unwrap_or_default();
        let mut bytes = std::mem::replace(record, spare).into_byte_record();
        let more = self.reader.read_byte_record(&mut bytes);
        let (text, outcome) = match more {
            Err(e) => (csv::StringRecord::from_byte_record_lossy(bytes), Err(self.fail(&e))),
            Ok(false) => (csv::StringRecord::from_byte_record_lossy(bytes), Ok(false)),
            Ok(true) => {
                let start = bytes.position().cloned().unwrap_or_else(csv::Position::new);
                self.last_start = start.clone();
                if bytes.len() != width {
                    let ragged = SyntaxError::RaggedRow { fields: bytes.len() as u64, header: width as u64 };
                    (csv::StringRecord::new(), Err(self.fail_at(Some(start), false, || ragged)))
                } else {
                    match csv::StringRecord::from_byte_record(bytes) {
                        Ok(text) => (text, Ok(true)),
                        Err(_) => {
                            (csv::StringRecord::new(), Err(self.fail_at(Some(start), true, || SyntaxError::RowNotUtf8)))
                        }
                    }
                }
            }
        };
        self.spare = Some(std::mem::replace(record, text));
        outcome
    }

    /// After the last record: refuses a file that ends inside a quoted field.
    pub(crate) fn finish(self) -> Result<(), LoadError> {
        self.unclosed_quote(&self.last_start).map_or(Ok(()), Err)
    }

    /// The error for a record that could not be read. When that record is the file's last, a
    /// quoted field left open in it (which swallows the rest of the file and so is rarely the
    /// width of a row) is the cause to name; else what the `csv` crate says.
    fn fail(&mut self, error: &csv::Error) -> LoadError {
        match error.kind() {
            csv::ErrorKind::UnequalLengths { pos: Some(pos), expected_len, len } => {
                let ragged = SyntaxError::RaggedRow { fields: *len, header: *expected_len };
                self.fail_at(Some(pos.clone()), false, || ragged)
            }
            csv::ErrorKind::Utf8 { pos: Some(pos), .. } => {
                self.fail_at(Some(pos.clone()), true, || SyntaxError::RowNotUtf8)
            }
            _ => csv_error(self.path, error),
        }
    }

    /// The error for the record at `start` that is not UTF-8 (`not_utf8`) or has another
    /// width (`what`): the first bad byte, located; or, when the record is the file's last, a
    /// quoted field left open in it; else a syntax error at the record's line.
    fn fail_at(
        &mut self,
        start: Option<csv::Position>,
        not_utf8: bool,
        what: impl FnOnce() -> SyntaxError,
    ) -> LoadError {
        if let (true, Some(start)) = (not_utf8, &start)
            && let Some(not_utf8) = self.not_utf8(start)
        {
            return not_utf8;
        }
        let is_last = matches!(self.reader.read_byte_record(&mut csv::ByteRecord::new()), Ok(false));
        // Only now, the reading done: looking at the bytes again moves a file's position.
        let line = start.as_ref().map_or(0, |p| self.line_of(p) as usize);
        let last = start.filter(|_| is_last);
        last.and_then(|p| self.unclosed_quote(&p)).unwrap_or_else(|| LoadError::Syntax {
            path: self.path.to_path_buf(),
            line,
            column: 1,
            what: what(),
        })
    }

    /// The line a record begins on. After a `\r\n` the `csv` crate gives a record's position
    /// before the `\n` it has not yet read, a line early; the byte there tells.
    fn line_of(&self, start: &csv::Position) -> u64 {
        let at = self.rest.from(start.byte(), 1).ok();
        start.line() + u64::from(at.as_deref() == Some(b"\n"))
    }

    /// The first byte that is not UTF-8 at or after the record at `start`, located by line and
    /// character column as a file read in memory is.
    fn not_utf8(&self, start: &csv::Position) -> Option<LoadError> {
        // The record is short in all but hostile files; a megabyte holds the bad byte of any line
        // worth reading.
        let bytes = self.rest.from(start.byte(), 1 << 20).ok()?;
        let bad = std::str::from_utf8(&bytes).err()?.valid_up_to();
        let (line, column) = super::error::line_and_column(&bytes, bad);
        Some(LoadError::NotUtf8 { path: self.path.to_path_buf(), line: start.line() as usize + line - 1, column })
    }

    /// The unclosed-quote error, if the file from the record at `start` on ends inside a quoted
    /// field.
    fn unclosed_quote(&self, start: &csv::Position) -> Option<LoadError> {
        let tail = self.rest.from(start.byte(), u64::MAX).ok()?;
        let (line, field) = unclosed_quote_in(&tail, self.delimiter)?;
        Some(LoadError::UnclosedQuote {
            path: self.path.to_path_buf(),
            line: (start.line() + line - 1) as usize,
            column: self.header.get(field).map(|c| c.trim().to_string()).filter(|c| !c.is_empty()),
        })
    }
}

/// Whether `tail` (a CSV from the start of a record to the end of the file) ends inside a quoted
/// field: the line of `tail` (from 1) where that field opened, and the field's place in its record.
///
/// The `csv` crate keeps its parser's state to itself, so `tail` is read twice, as it is and
/// with a closing quote and a line break added. Only when the file ends inside a quoted field
/// does that quote close it and leave every record as it was; anywhere else the quote adds a
/// character (`5"` → `5""`) or a record. A quote opens a field only at its start, exactly as the
/// `csv` crate reads it, because it is the `csv` crate that reads.
pub(crate) fn unclosed_quote_in(tail: &[u8], delimiter: u8) -> Option<(u64, usize)> {
    use std::io::Read;
    let mut as_is = raw_reader(tail, delimiter);
    let mut with_quote = raw_reader(tail.chain(&b"\"\n"[..]), delimiter);
    let (mut a, mut b) = (csv::ByteRecord::new(), csv::ByteRecord::new());
    let mut last = None;
    loop {
        let (more, more_too) = (as_is.read_byte_record(&mut a).ok()?, with_quote.read_byte_record(&mut b).ok()?);
        if more != more_too || a != b {
            return None;
        }
        if !more {
            return last;
        }
        // The open field is the record's last; fields before it may hold line breaks of their own.
        let field = a.len().saturating_sub(1);
        let breaks: usize = a.iter().take(field).map(|f| f.iter().filter(|&&c| c == b'\n').count()).sum();
        // After a `\r\n` a record's position is the `\n`'s, a line early (see `line_of`).
        let line = a.position().map_or(1, |p| p.line() + u64::from(tail.get(p.byte() as usize) == Some(&b'\n')));
        last = Some((line + breaks as u64, field));
    }
}

/// A reader of records as bytes, of any width, with the loaders' delimiter.
fn raw_reader<R: std::io::Read>(input: R, delimiter: u8) -> csv::Reader<R> {
    csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(input)
}

/// The warning of a file read with another delimiter than the comma.
pub(crate) fn delimiter_warning(delimiter: u8) -> Option<Warning> {
    matches!(delimiter, b';' | b'\t').then_some(Warning::Delimiter { semicolon: delimiter == b';' })
}

/// Loads the rows of a tidy CSV from a reader whose header has been read (streaming: a large
/// file is never held in memory whole).
pub(crate) fn load_tidy_records<R: std::io::Read>(
    records: &mut Records<'_, R>,
    metadata: Option<(&Path, &[u8])>,
    progress: &Progress,
) -> Result<(Dataset, Vec<Warning>), LoadError> {
    let path = records.path;
    let header = &records.header().clone();
    let (mut builder, columns) = tidy_setup(path, header, metadata, progress)?;
    let mut record = csv::StringRecord::new();
    let mut row = 0usize;
    let mut empty_values = Vec::new();
    while records.read(&mut record)? {
        read_row(&mut builder, &columns, &record, row, &mut empty_values);
        row += 1;
        count_row(path, progress, row, &record)?;
    }
    tidy_finish(path, builder, &empty_values)
}

/// A tidy CSV's builder, with its metadata declared (or, without a sidecar, the warning that
/// says so), and where its columns are.
pub(super) fn tidy_setup(
    path: &Path,
    header: &csv::StringRecord,
    metadata: Option<(&Path, &[u8])>,
    progress: &Progress,
) -> Result<(Builder, Columns), LoadError> {
    let builder = tidy_builder(path, header, metadata, progress)?;
    Ok((builder, tidy_columns(path, header, metadata.is_none())?))
}

/// A tidy CSV's builder, with its metadata declared (or, without a sidecar, the warning that
/// says so): the first half of [`tidy_setup`], whose errors come first.
pub(super) fn tidy_builder(
    path: &Path,
    header: &csv::StringRecord,
    metadata: Option<(&Path, &[u8])>,
    progress: &Progress,
) -> Result<Builder, LoadError> {
    check_columns(path, header, &progress.limits)?;
    let mut builder = Builder::new(locate_row, QuotePolicy::Counted).limits(&progress.limits);
    match metadata {
        Some((meta_path, meta_bytes)) => declare_metadata(&mut builder, meta_path, meta_bytes)?,
        None => {
            let title = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            builder.describe(title, String::new(), (None, None));
            let file = sidecar_path(path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            builder.warn(Warning::NoMetadata { file });
        }
    }
    Ok(builder)
}

/// Where a tidy CSV's columns are (`inferred`: no sidecar declares its names), or which
/// required ones its header lacks.
pub(super) fn tidy_columns(path: &Path, header: &csv::StringRecord, inferred: bool) -> Result<Columns, LoadError> {
    let mut index = [None; COLUMNS.len()];
    for (i, name) in header.iter().enumerate() {
        let key = name.trim().to_ascii_lowercase();
        if let Some(known) = COLUMNS.iter().position(|c| *c == key) {
            index[known].get_or_insert(i);
        }
    }
    let columns = Columns { index, inferred };
    let found = header.iter().collect::<Vec<_>>().join(", ");
    let mut missing = Vec::new();
    for (required, name) in [(Col::Entity, "entity"), (Col::Metric, "metric"), (Col::Value, "value")] {
        if !columns.has(required) {
            missing.push(name);
        }
    }
    if !columns.has(Col::Year) && !columns.has(Col::Date) {
        missing.push("year");
    }
    if !missing.is_empty() {
        let problems = missing
            .into_iter()
            .map(|column| super::error::Problem {
                at: Place::Header,
                kind: ProblemKind::MissingColumn { column: column.into(), found: found.clone() },
            })
            .collect();
        return Err(LoadError::Invalid { path: path.to_path_buf(), problems, more: 0 });
    }
    Ok(columns)
}

/// The dataset, once every row is read: the rows without a value (from 0) are counted in a
/// warning.
pub(super) fn tidy_finish(
    path: &Path,
    mut builder: Builder,
    empty_values: &[usize],
) -> Result<(Dataset, Vec<Warning>), LoadError> {
    if !empty_values.is_empty() {
        // Rows as a spreadsheet numbers them: the header is row 1.
        let rows = empty_values.iter().take(5).map(|r| r + 2).collect();
        builder.warn(Warning::EmptyValues { count: empty_values.len(), rows });
    }
    builder.finish().map_err(|(problems, more)| LoadError::Invalid { path: path.to_path_buf(), problems, more })
}

/// A cell that cannot be read: its column and what is wrong.
pub(super) type BadCell = (&'static str, ProblemKind);

/// One data row: its value, time and trust read (or the first bad cell named), its entity,
/// metric, source and category found (or, without metadata, declared from their names), then
/// the observation added.
fn read_row(
    builder: &mut Builder,
    columns: &Columns,
    record: &csv::StringRecord,
    row: usize,
    empty_values: &mut Vec<usize>,
) {
    let inferred = columns.inferred;
    let field = |name| columns.get(record, name).filter(|s| !s.is_empty());
    let Some(value_text) = field(Col::Value) else {
        empty_values.push(row);
        return;
    };
    let cells = parse_value(value_text).and_then(|value| {
        Ok((value, parse_time(field(Col::Year), field(Col::Date))?, parse_trust(field(Col::Trust))?))
    });
    let (value, time, trust) = match cells {
        Ok(cells) => cells,
        Err((column, kind)) => return builder.problem(locate_row(row, column), kind),
    };
    let names = RowNames {
        entity: field(Col::Entity).unwrap_or(""),
        metric: field(Col::Metric).unwrap_or(""),
        source: field(Col::Source),
        category: field(Col::Category),
    };
    let ids = if inferred { declare_names(builder, &names, field(Col::Unit), row) } else { names.as_ids() };
    let quote = field(Col::Quote).map(str::to_string);
    let note = field(Col::Note).map(str::to_string);
    let derived = field(Col::Derived).map(|formula| DerivationInput { formula: formula.into(), inputs: Vec::new() });
    let details = (quote.is_some() || note.is_some() || derived.is_some()).then(|| DetailsInput {
        quote,
        derived,
        note,
        ..Default::default()
    });
    builder.add_observation(
        row,
        ObservationInput {
            entity: &ids.entity,
            metric: &ids.metric,
            category: ids.category.as_deref(),
            time,
            period: field(Col::Period),
            value,
            unit: if inferred { None } else { field(Col::Unit) },
            source: ids.source.as_deref(),
            trust,
            details,
            origin: None,
        },
    );
}

pub(super) fn parse_value(text: &str) -> Result<f64, BadCell> {
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) => Err(("value", ProblemKind::NotFinite { text: text.into() })),
        Err(_) => Err(("value", ProblemKind::NotANumber { text: text.into() })),
    }
}

/// A row's time: a `year`, or a `date` (a month or a day), not both.
pub(super) fn parse_time(year: Option<&str>, date: Option<&str>) -> Result<Time, BadCell> {
    match (year, date) {
        (Some(_), Some(_)) => Err(("date", ProblemKind::BothYearAndDate)),
        (None, None) => Err(("year", ProblemKind::MissingTime)),
        (Some(year), None) => match Time::parse(year) {
            Some(t @ Time::Year(_)) => Ok(t),
            _ => Err(("year", ProblemKind::BadYear { text: year.into() })),
        },
        (None, Some(date)) => Time::parse(date).ok_or(("date", ProblemKind::BadDate { text: date.into() })),
    }
}

pub(super) fn parse_trust(text: Option<&str>) -> Result<Option<Trust>, BadCell> {
    match text {
        None => Ok(None),
        Some(text) => Trust::parse(text).map(Some).ok_or(("trust", ProblemKind::BadTrust { text: text.into() })),
    }
}

/// What a row names, as written.
struct RowNames<'a> {
    entity: &'a str,
    metric: &'a str,
    source: Option<&'a str>,
    category: Option<&'a str>,
}

/// The ids a row's observation refers to.
struct RowIds<'a> {
    entity: Cow<'a, str>,
    metric: Cow<'a, str>,
    source: Option<Cow<'a, str>>,
    category: Option<Cow<'a, str>>,
}

impl<'a> RowNames<'a> {
    /// With metadata, the names are the ids.
    fn as_ids(&self) -> RowIds<'a> {
        RowIds {
            entity: Cow::Borrowed(self.entity),
            metric: Cow::Borrowed(self.metric),
            source: self.source.map(Cow::Borrowed),
            category: self.category.map(Cow::Borrowed),
        }
    }
}

/// Without metadata: each name becomes an id (its slug), declared the first time it is seen,
/// a metric with the row's unit.
fn declare_names<'a>(builder: &mut Builder, names: &RowNames<'_>, unit: Option<&str>, row: usize) -> RowIds<'a> {
    let entity = declare_entity(builder, names.entity, row);
    let metric = declare_metric(builder, names.metric, unit, row);
    let source = names.source.map(|text| Cow::Owned(declare_source(builder, text, row)));
    let category = names.category.map(|text| Cow::Owned(declare_category(builder, text, row)));
    RowIds { entity: Cow::Owned(entity), metric: Cow::Owned(metric), source, category }
}

/// The id of the entity named `name`, declared if it is new.
pub(super) fn declare_entity(builder: &mut Builder, name: &str, row: usize) -> String {
    let entity = slug(name);
    if !builder.has_entity(&entity) && !name.is_empty() {
        let e = Entity {
            id: entity.clone(),
            name: name.into(),
            name_zh: None,
            kind: String::new(),
            parent: None,
            aggregate: false,
        };
        builder.add_entity(&locate_row(row, "entity"), e, None);
    }
    entity
}

/// The id of the metric named `name`, declared with `unit` if it is new.
pub(super) fn declare_metric(builder: &mut Builder, name: &str, unit: Option<&str>, row: usize) -> String {
    let metric = slug(name);
    if !builder.has_metric(&metric) && !name.is_empty() {
        let m = Metric {
            id: metric.clone(),
            name: name.into(),
            name_zh: None,
            unit: Unit::parse(unit.unwrap_or("")),
            group: String::new(),
            share_of: None,
            description: String::new(),
        };
        builder.add_metric(&locate_row(row, "metric"), m);
    }
    metric
}

/// The id of the source titled `text`, declared if it is new.
pub(super) fn declare_source(builder: &mut Builder, text: &str, row: usize) -> String {
    let id = slug(text);
    if !builder.has_source(&id) {
        let s = Source {
            id: id.clone(),
            title: text.into(),
            publisher: String::new(),
            url: String::new(),
            published: None,
            retrieved: None,
        };
        builder.add_source(&locate_row(row, "source"), s);
    }
    id
}

/// The id of the category named `text`, declared if it is new.
pub(super) fn declare_category(builder: &mut Builder, text: &str, row: usize) -> String {
    let id = slug(text);
    if !builder.has_category(&id) {
        builder.add_category(&locate_row(row, "category"), Category::plain(id.clone(), text.into(), None));
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_column_is_found_at_its_name_s_place() {
        let all = [
            Col::Entity,
            Col::Metric,
            Col::Year,
            Col::Date,
            Col::Period,
            Col::Category,
            Col::Value,
            Col::Unit,
            Col::Source,
            Col::Quote,
            Col::Derived,
            Col::Trust,
            Col::Note,
        ];
        let names: Vec<&str> = all.iter().map(|c| COLUMNS[*c as usize]).collect();
        assert_eq!(names, COLUMNS);
    }

    #[test]
    fn slugs_are_lowercase_identifiers_that_keep_chinese() {
        assert_eq!(slug("Yiwu City"), "yiwu_city");
        assert_eq!(slug("  Exports (billion yuan) "), "exports_billion_yuan");
        assert_eq!(slug("义乌"), "义乌");
        let question = "Had any TB patients been started on Bedaquiline for the treatment of MDR-/XDR-TB by the end of \
            the reporting year, whether in the public or private sector? (mdrxdr_bdq_used)";
        assert!(slug(question).len() <= 96 && slug(question).starts_with("had_any_tb_patients"), "{}", slug(question));
        assert_eq!(slug(&"义".repeat(40)).chars().count(), 32, "cut at a character, never inside one");
        assert_eq!(slug("---"), "unnamed");
    }

    #[test]
    fn a_csv_without_metadata_infers_entities_and_warns() {
        let csv = "entity,metric,year,value,unit\nJinhua,Exports,2024,771.92,billion_yuan\nYiwu,Exports,2024,588.8,billion_yuan\n";
        let (d, warnings) = load_tidy_csv(Path::new("t.csv"), csv.as_bytes(), None, &Progress::default()).unwrap();
        assert_eq!(d.entities.len(), 2);
        assert_eq!(d.metrics[0].unit, Unit::parse("billion_yuan"));
        assert_eq!(d.observations.len(), 2);
        assert!(warnings.contains(&Warning::NoMetadata { file: "t.meta.json".into() }), "{warnings:?}");
    }

    #[test]
    fn bad_cells_are_located_by_spreadsheet_row_and_column() {
        let csv = "entity,metric,year,value\nJinhua,Exports,20x4,1\nJinhua,Exports,2024,abc\n";
        let err = load_tidy_csv(Path::new("t.csv"), csv.as_bytes(), None, &Progress::default()).unwrap_err();
        let text = crate::l10n::load_error_text(&err, crate::l10n::Lang::default());
        assert!(text.contains("row 2, column `year`: \"20x4\" is not a year"), "{text}");
        assert!(text.contains("row 3, column `value`: \"abc\" is not a number"), "{text}");
    }

    #[test]
    fn a_ragged_row_is_a_syntax_error_with_its_line() {
        let csv = "entity,metric,year,value\nJinhua,Exports,2024\n";
        let err = load_tidy_csv(Path::new("t.csv"), csv.as_bytes(), None, &Progress::default()).unwrap_err();
        assert!(matches!(err, LoadError::Syntax { line: 2, .. }), "{err:?}");
    }
}
