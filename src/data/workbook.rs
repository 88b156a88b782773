//! Workbooks — XLSX, XLSM, XLSB, XLS, ODS — read through `calamine`: every sheet as a grid of
//! cells that knows where it starts (a used range need not start at A1), values as stored, Excel
//! dates as dates, a percent-formatted cell as a percent, error cells and formulas without a
//! cached value as gaps (never 0). What is unpacked is held to the file-size limit first.

use std::io::{Cursor, Read};
use std::path::Path;

use std::sync::Arc;

use calamine::{Data, DataRef, Reader, ReaderRef, Sheets};
use rustc_hash::FxHashMap;

use super::error::LoadError;
use super::model::Time;
use super::progress::Limits;

/// The error values of spreadsheet formulas.
const ERRORS: [&str; 8] = ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "Err:502"];

/// One cell of a sheet, as the workbook stores it.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetCell {
    /// Nothing.
    Empty,
    /// A number, at full precision.
    Number(f64),
    /// A cell formatted as a percentage: the number shown (13 for a stored 0.13).
    Percent(f64),
    /// Text, shared by the cells that hold the same (a workbook stores each distinct text once,
    /// and the cells are read without a copy of it each).
    Text(Arc<str>),
    /// A date (a day) or a year-month written as a date.
    Date(Time),
    /// An error cell (`#N/A`, `#DIV/0!`), as written.
    Error(String),
    /// A formula whose result the file does not hold.
    Uncached,
}

/// A sheet: its name, the cell its grid starts at (row, column, from 0) and its rows.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// Its name.
    pub name: String,
    /// The cell its grid starts at (row, column, from 0).
    pub origin: (u32, u32),
    /// Its cells, row by row.
    pub rows: Vec<Vec<SheetCell>>,
}

impl Sheet {
    /// The cell at a grid position, or empty.
    pub(crate) fn cell(&self, row: usize, column: usize) -> &SheetCell {
        self.rows.get(row).and_then(|r| r.get(column)).unwrap_or(&SheetCell::Empty)
    }

    /// A grid position as a person finds it in the workbook: `'2-15'!E5`.
    pub(crate) fn address(&self, row: usize, column: usize) -> String {
        address(&self.name, self.origin.0 as usize + row, self.origin.1 as usize + column)
    }
}

/// A sheet's cell (row and column from 0) as a spreadsheet names it: `'2-15'!E5`, `Sheet1!A1`.
pub(crate) fn address(sheet: &str, row: usize, column: usize) -> String {
    let name = if sheet.chars().all(char::is_alphanumeric) {
        sheet.to_string()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    };
    format!("{name}!{}{}", column_letters(column), row + 1)
}

/// `0` → `A`, `25` → `Z`, `26` → `AA`.
pub(crate) fn column_letters(column: usize) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let k = (n - 1) % 26;
        letters.push(b'A' + k as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Counts what a zip-based workbook's parts unpack to, as it is unpacked.
struct Unpacked {
    bytes: u64,
    /// Whether a sheet merges cells (`<mergeCell `): then its merged regions are read.
    merges: bool,
    /// The end of the last chunk, so a marker split between two chunks is found.
    tail: Vec<u8>,
}

impl std::io::Write for Unpacked {
    fn write(&mut self, chunk: &[u8]) -> std::io::Result<usize> {
        const MARKER: &[u8] = b"<mergeCell ";
        self.bytes += chunk.len() as u64;
        if !self.merges {
            self.tail.extend_from_slice(&chunk[..chunk.len().min(MARKER.len())]);
            self.merges =
                memchr::memmem::find(&self.tail, MARKER).is_some() || memchr::memmem::find(chunk, MARKER).is_some();
            self.tail.clear();
            self.tail.extend_from_slice(&chunk[chunk.len().saturating_sub(MARKER.len())..]);
        }
        Ok(chunk.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Refuses a zip-based workbook (XLSX, XLSB, ODS) whose parts unpack to more than `limit` bytes,
/// counting what is actually unpacked, not what the archive claims; says whether a sheet merges
/// cells.
fn check_unpacked_size(path: &Path, bytes: &[u8], limit: u64) -> Result<bool, LoadError> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Ok(false) };
    let mut unpacked = Unpacked { bytes: 0, merges: false, tail: Vec::new() };
    for i in 0..archive.len() {
        let Ok(member) = archive.by_index(i) else { continue };
        let sheet = member.name().is_ok_and(|n| n.starts_with("xl/worksheets/"));
        let left = limit + 1 - unpacked.bytes.min(limit);
        if sheet {
            unpacked.tail.clear();
            std::io::copy(&mut member.take(left), &mut unpacked).unwrap_or(0);
        } else {
            unpacked.bytes += std::io::copy(&mut member.take(left), &mut std::io::sink()).unwrap_or(0);
        }
        if unpacked.bytes > limit {
            return Err(LoadError::ZipTooLarge { path: path.to_path_buf(), limit });
        }
    }
    Ok(unpacked.merges)
}

/// A sheet's merged regions, where the format keeps them (XLSX, XLS).
fn merged_regions<RS: Read + std::io::Seek>(workbook: &mut Sheets<RS>, name: &str) -> Vec<calamine::Dimensions> {
    match workbook {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Gives every cell of a merged region of text its text (a year merged over two columns):
/// figures are never copied, so no figure is read twice.
fn fill_merged(rows: &mut [Vec<SheetCell>], origin: (u32, u32), regions: &[calamine::Dimensions]) {
    for region in regions {
        let (Some(top), Some(left)) = (region.start.0.checked_sub(origin.0), region.start.1.checked_sub(origin.1))
        else {
            continue;
        };
        let Some(SheetCell::Text(text)) = rows.get(top as usize).and_then(|r| r.get(left as usize)).cloned() else {
            continue;
        };
        for r in top..=region.end.0.saturating_sub(origin.0) {
            for c in left..=region.end.1.saturating_sub(origin.1) {
                if let Some(cell) = rows.get_mut(r as usize).and_then(|row| row.get_mut(c as usize))
                    && *cell == SheetCell::Empty
                {
                    *cell = SheetCell::Text(text.clone());
                }
            }
        }
    }
}

/// Whether an OpenDocument spreadsheet formats cells as percentages: `calamine` reads them as
/// the fractions they store (0.123 for 12.3 %), so the person is told to check them.
pub(crate) fn ods_has_percent_cells(bytes: &[u8]) -> bool {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else { return false };
    let Ok(content) = archive.by_name("content.xml") else { return false };
    let mut text = String::new();
    content.take(64 << 20).read_to_string(&mut text).is_ok() && text.contains("office:value-type=\"percentage\"")
}

/// Whether an XLSX workbook defines a percentage number format at all (the built-in formats 9
/// and 10, or one of its own with `%`): reading every cell's style costs as much as reading
/// the sheet again, and most workbooks have no percentages.
fn xlsx_has_percent_format(bytes: &[u8]) -> bool {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else { return false };
    let Ok(styles) = archive.by_name("xl/styles.xml") else { return false };
    let mut text = String::new();
    if styles.take(16 << 20).read_to_string(&mut text).is_err() {
        return true;
    }
    let own = text.split("<numFmt ").skip(1).any(|f| f.split("/>").next().is_some_and(|f| f.contains('%')));
    own || text.contains("numFmtId=\"9\"") || text.contains("numFmtId=\"10\"")
}

/// Reads every sheet of a workbook. Sheets are read on the thread pool, in runs of sheets one
/// after another, each run by a reader of its own (calamine reads one sheet at a time): a
/// yearbook has dozens of sheets.
pub(crate) fn read_workbook(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, LoadError> {
    use rayon::prelude::*;
    let zipped_merges = check_unpacked_size(path, bytes, limits.file_bytes)?;
    let unreadable =
        |e: calamine::Error| LoadError::WorkbookUnreadable { path: path.to_path_buf(), detail: e.to_string() };
    let open = || calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable);
    let mut workbook = open()?;
    let how = How {
        path,
        limits,
        styled: matches!(workbook, Sheets::Xlsx(_)) && xlsx_has_percent_format(bytes),
        merges: match &workbook {
            Sheets::Xls(_) => true,
            Sheets::Xlsx(_) => zipped_merges,
            _ => false,
        },
    };
    let names = workbook.sheet_names();
    let threads = rayon::current_num_threads();
    if names.len() < 2 || threads < 2 {
        return names.iter().map(|name| read_sheet(&mut workbook, name, &how)).collect();
    }
    let run = names.len().div_ceil(threads);
    // One run reads with the reader opened above, the others open their own.
    let opened = std::sync::Mutex::new(Some(workbook));
    let runs: Vec<Result<Vec<Sheet>, LoadError>> = names
        .par_chunks(run)
        .map(|names| {
            let mut workbook = match opened.lock().map(|mut o| o.take()) {
                Ok(Some(workbook)) => workbook,
                _ => open()?,
            };
            names.iter().map(|name| read_sheet(&mut workbook, name, &how)).collect()
        })
        .collect();
    // The first sheet that cannot be read, in the workbook's order, is the one to name.
    runs.into_iter().try_fold(Vec::new(), |mut sheets, run| {
        sheets.extend(run?);
        Ok(sheets)
    })
}

/// How a workbook's sheets are read.
struct How<'a> {
    path: &'a Path,
    limits: &'a Limits,
    /// Whether some cells may be formatted as percentages (XLSX styles).
    styled: bool,
    /// Whether merged cells are to be filled in.
    merges: bool,
}

/// Reads one sheet: an XLSX or XLSB sheet by reference to the workbook's shared texts, others
/// by value.
fn read_sheet<RS: Read + std::io::Seek>(workbook: &mut Sheets<RS>, name: &str, how: &How) -> Result<Sheet, LoadError> {
    let by_reference = matches!(workbook, Sheets::Xlsx(_) | Sheets::Xlsb(_));
    read_sheet_as(workbook, name, how, by_reference)
}

/// Reads one sheet, by reference to the workbook's shared texts (XLSX and XLSB only) or by value.
fn read_sheet_as<RS: Read + std::io::Seek>(
    workbook: &mut Sheets<RS>,
    name: &str,
    how: &How,
    by_reference: bool,
) -> Result<Sheet, LoadError> {
    let path = how.path;
    let unreadable =
        |e: calamine::Error| LoadError::WorkbookUnreadable { path: path.to_path_buf(), detail: e.to_string() };
    let percent = if how.styled { percent_cells(workbook, name) } else { Default::default() };
    let (origin, (mut rows, has_blanks)) = if by_reference {
        let range = workbook.worksheet_range_ref(name).map_err(unreadable)?;
        check_size(how, range.get_size())?;
        let origin = range.start().unwrap_or((0, 0));
        // One text for all the cells that refer to the same shared string.
        let mut shared: FxHashMap<usize, Arc<str>> = FxHashMap::default();
        let cells = grid(origin, range.get_size(), |at, (r, c)| match &range[(r, c)] {
            DataRef::SharedString(s) => {
                SheetCell::Text(shared.entry(s.as_ptr() as usize).or_insert_with(|| Arc::from(*s)).clone())
            }
            data => sheet_cell(Data::from(data.clone()), percent.contains(&at)),
        });
        (origin, cells)
    } else {
        let mut range = workbook.worksheet_range(name).map_err(unreadable)?;
        check_size(how, range.get_size())?;
        let origin = range.start().unwrap_or((0, 0));
        // The cells are moved out of calamine's range, not copied.
        let size = range.get_size();
        (origin, grid(origin, size, |at, (r, c)| sheet_cell(std::mem::take(&mut range[(r, c)]), percent.contains(&at))))
    };
    // Only a blank cell can be a formula whose result was never computed (written with an empty
    // result): a sheet without blanks is not read twice.
    if has_blanks && let Ok(formulas) = workbook.worksheet_formula(name) {
        let start = formulas.start().unwrap_or((0, 0));
        for (r, c, _) in formulas.used_cells().filter(|(_, _, f)| !f.is_empty()) {
            let (row, column) = (start.0 as usize + r, start.1 as usize + c);
            let at = (row.checked_sub(origin.0 as usize), column.checked_sub(origin.1 as usize));
            if let (Some(r), Some(c)) = at
                && let Some(cell) = rows.get_mut(r).and_then(|cells| cells.get_mut(c))
                && is_blank(cell)
            {
                *cell = SheetCell::Uncached;
            }
        }
    }
    if how.merges {
        fill_merged(&mut rows, origin, &merged_regions(workbook, name));
    }
    Ok(Sheet { name: name.to_string(), origin, rows })
}

/// Refuses a sheet of more rows or columns than the limits.
fn check_size(how: &How, (height, width): (usize, usize)) -> Result<(), LoadError> {
    if height as u64 > how.limits.rows {
        return Err(LoadError::TooManyRows { path: how.path.to_path_buf(), limit: how.limits.rows });
    }
    if width > how.limits.columns {
        return Err(LoadError::TooManyColumns {
            path: how.path.to_path_buf(),
            columns: width,
            limit: how.limits.columns,
        });
    }
    Ok(())
}

/// A sheet's cells, row by row: `cell` makes each from its place in the workbook and in the
/// grid. Also whether any is blank.
fn grid(
    origin: (u32, u32),
    (height, width): (usize, usize),
    mut cell: impl FnMut((u32, u32), (usize, usize)) -> SheetCell,
) -> (Vec<Vec<SheetCell>>, bool) {
    let mut has_blanks = false;
    let rows = (0..height)
        .map(|r| {
            (0..width)
                .map(|c| {
                    let cell = cell((origin.0 + r as u32, origin.1 + c as u32), (r, c));
                    has_blanks |= is_blank(&cell);
                    cell
                })
                .collect()
        })
        .collect();
    (rows, has_blanks)
}

/// Whether a cell is empty or of empty text.
fn is_blank(cell: &SheetCell) -> bool {
    matches!(cell, SheetCell::Empty) || matches!(cell, SheetCell::Text(t) if t.is_empty())
}

/// The cells of a sheet whose number format shows a percentage (XLSX keeps styles; other
/// formats report none).
fn percent_cells<RS: Read + std::io::Seek>(
    workbook: &mut Sheets<RS>,
    name: &str,
) -> std::collections::HashSet<(u32, u32)> {
    let Ok(styles) = workbook.worksheet_style(name) else { return Default::default() };
    styles
        .cells()
        .filter(|(_, _, style)| style.number_format.as_ref().is_some_and(|f| f.format_code.contains('%')))
        .map(|(row, column, _)| (row, column))
        .collect()
}

/// A cell of calamine's, as this crate holds it (formulas without a result are found apart).
fn sheet_cell(data: Data, percent: bool) -> SheetCell {
    match data {
        Data::Int(v) if percent => SheetCell::Percent(v as f64 * 100.0),
        Data::Float(v) if percent => SheetCell::Percent(v * 100.0),
        Data::Int(v) => SheetCell::Number(v as f64),
        Data::Float(v) => SheetCell::Number(v),
        // OpenDocument writes an error as its text.
        Data::String(s) if ERRORS.contains(&s.trim()) => SheetCell::Error(s.trim().to_string()),
        Data::String(s) => SheetCell::Text(s.into()),
        Data::Bool(b) => SheetCell::Text(b.to_string().into()),
        Data::DateTime(d) if d.is_datetime() => {
            let (year, month, day, ..) = d.to_ymd_hms_milli();
            Time::day(i32::from(year), month, day).map_or(SheetCell::Number(d.as_f64()), SheetCell::Date)
        }
        Data::DateTime(d) => SheetCell::Number(d.as_f64()),
        Data::DateTimeIso(s) => match Time::parse(s.get(..10).unwrap_or(&s)) {
            Some(t) => SheetCell::Date(t),
            None => SheetCell::Text(s.into()),
        },
        Data::DurationIso(s) => SheetCell::Text(s.into()),
        Data::Error(e) => SheetCell::Error(e.to_string()),
        Data::Empty => SheetCell::Empty,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A workbook of `sheets` sheets, each of a title, a header and rows of text, numbers and
    /// blanks that differ from sheet to sheet.
    fn workbook(sheets: u32) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        for k in 0..sheets {
            let sheet = book.add_worksheet().set_name(format!("表 {k}")).expect("a sheet name");
            sheet.write_string(0, 0, format!("Table {k}")).expect("a title");
            for (c, name) in ["Place", "Year", "Value"].iter().enumerate() {
                sheet.write_string(1, c as u16, *name).expect("a header");
            }
            for r in 0..(20 + k * 7) {
                sheet.write_string(r + 2, 0, format!("Place {}", (r + k) % 5)).expect("a cell");
                sheet.write_number(r + 2, 1, f64::from(2000 + r)).expect("a cell");
                if (r + k) % 4 != 0 {
                    sheet.write_number(r + 2, 2, f64::from(r * k) / 3.0).expect("a cell");
                }
            }
        }
        book.save_to_buffer().expect("written")
    }

    /// The sheets read on a pool of `threads` threads, or what stopped the reading.
    fn read_on(threads: usize, bytes: &[u8], limits: &Limits) -> String {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a pool");
        let sheets = pool.install(|| read_workbook(Path::new("book.xlsx"), bytes, limits));
        format!("{:?}", sheets.map(|s| s.into_iter().map(|s| (s.name, s.origin, s.rows)).collect::<Vec<_>>()))
    }

    #[test]
    fn a_sheet_read_by_reference_to_its_shared_texts_is_the_sheet_read_by_value() {
        // The workbooks of the tests: merged headers, uncached formulas, percentages, dates,
        // error cells, Chinese text.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workbooks");
        let mut files: Vec<Vec<u8>> = std::fs::read_dir(&dir)
            .expect("the fixtures")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "xlsx"))
            .map(|p| std::fs::read(p).expect("a fixture"))
            .collect();
        assert!(files.len() >= 3, "the fixtures are there");
        files.push(workbook(3));
        for bytes in files {
            let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(&bytes[..])).expect("opens");
            let how = How {
                path: Path::new("t.xlsx"),
                limits: &Limits::default(),
                styled: xlsx_has_percent_format(&bytes),
                merges: true,
            };
            for name in book.sheet_names() {
                let by_reference = read_sheet_as(&mut book, &name, &how, true).expect("read by reference");
                let by_value = read_sheet_as(&mut book, &name, &how, false).expect("read by value");
                assert_eq!((by_reference.origin, &by_reference.rows), (by_value.origin, &by_value.rows), "{name}");
            }
        }
    }

    #[test]
    fn sheets_read_in_parallel_come_out_whole_and_in_the_workbooks_order() {
        for sheets in [1, 2, 3, 7] {
            let bytes = workbook(sheets);
            let one = read_on(1, &bytes, &Limits::default());
            assert_eq!(read_on(3, &bytes, &Limits::default()), one, "{sheets} sheets");
            assert_eq!(one.matches("Table ").count(), sheets as usize, "every sheet is read: {one}");
            // The first sheet too long to read is the one named, as when read in order.
            let short = Limits { rows: 40, ..Limits::default() };
            assert_eq!(read_on(3, &bytes, &short), read_on(1, &bytes, &short), "{sheets} sheets, a row limit");
        }
    }

    #[test]
    fn columns_are_lettered_as_spreadsheets_letter_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(4), "E");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn an_address_counts_from_where_the_used_range_starts() {
        let sheet = Sheet { name: "2-15".into(), origin: (3, 2), rows: Vec::new() };
        assert_eq!(sheet.address(0, 0), "'2-15'!C4");
        assert_eq!(sheet.address(1, 2), "'2-15'!E5");
        let plain = Sheet { name: "Sheet1".into(), origin: (0, 0), rows: Vec::new() };
        assert_eq!(plain.address(0, 0), "Sheet1!A1");
    }
}
