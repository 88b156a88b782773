//! Workbooks — XLSX, XLSM, XLSB, XLS, ODS — read through `calamine`: every sheet as a grid of
//! cells that knows where it starts (a used range need not start at A1), values as stored, Excel
//! dates as dates, a percent-formatted cell as a percent, error cells and formulas without a
//! cached value as gaps (never 0). What is unpacked is held to the file-size limit first.

use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, Reader, Sheets};

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
    /// Text.
    Text(String),
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

/// Reads every sheet of a workbook.
pub(crate) fn read_workbook(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, LoadError> {
    let zipped_merges = check_unpacked_size(path, bytes, limits.file_bytes)?;
    let unreadable =
        |e: calamine::Error| LoadError::WorkbookUnreadable { path: path.to_path_buf(), detail: e.to_string() };
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let styled = match &workbook {
        Sheets::Xlsx(_) => xlsx_has_percent_format(bytes),
        _ => false,
    };
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let mut range = workbook.worksheet_range(&name).map_err(unreadable)?;
        let (height, width) = range.get_size();
        if height as u64 > limits.rows {
            return Err(LoadError::TooManyRows { path: path.to_path_buf(), limit: limits.rows });
        }
        if width > limits.columns {
            return Err(LoadError::TooManyColumns { path: path.to_path_buf(), columns: width, limit: limits.columns });
        }
        let origin = range.start().unwrap_or((0, 0));
        let percent = if styled { percent_cells(&mut workbook, &name) } else { Default::default() };
        // Only an empty cell can be a formula without its result; a full sheet is not read twice.
        let has_gaps = range.used_cells().count() < height * width;
        let formulas = if has_gaps { workbook.worksheet_formula(&name).ok() } else { None };
        // The cells are moved out of calamine's range, not copied: a sheet's text is held once.
        let mut rows: Vec<Vec<SheetCell>> = (0..height)
            .map(|r| {
                range[r]
                    .iter_mut()
                    .enumerate()
                    .map(|(c, data)| {
                        let at = (origin.0 + r as u32, origin.1 + c as u32);
                        let has_formula =
                            || formulas.as_ref().and_then(|f| f.get_value(at)).is_some_and(|f| !f.is_empty());
                        sheet_cell(std::mem::take(data), percent.contains(&at), has_formula)
                    })
                    .collect()
            })
            .collect();
        let merges = match &workbook {
            Sheets::Xls(_) => true,
            Sheets::Xlsx(_) => zipped_merges,
            _ => false,
        };
        if merges {
            fill_merged(&mut rows, origin, &merged_regions(&mut workbook, &name));
        }
        sheets.push(Sheet { name, origin, rows });
    }
    Ok(sheets)
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

fn sheet_cell(data: Data, percent: bool, has_formula: impl Fn() -> bool) -> SheetCell {
    match data {
        Data::Int(v) if percent => SheetCell::Percent(v as f64 * 100.0),
        Data::Float(v) if percent => SheetCell::Percent(v * 100.0),
        Data::Int(v) => SheetCell::Number(v as f64),
        Data::Float(v) => SheetCell::Number(v),
        // A formula whose result was never computed is written with an empty string result;
        // OpenDocument writes an error as its text.
        Data::String(s) if s.is_empty() && has_formula() => SheetCell::Uncached,
        Data::String(s) if ERRORS.contains(&s.trim()) => SheetCell::Error(s.trim().to_string()),
        Data::String(s) => SheetCell::Text(s),
        Data::Bool(b) => SheetCell::Text(b.to_string()),
        Data::DateTime(d) if d.is_datetime() => {
            let (year, month, day, ..) = d.to_ymd_hms_milli();
            Time::day(i32::from(year), month, day).map_or(SheetCell::Number(d.as_f64()), SheetCell::Date)
        }
        Data::DateTime(d) => SheetCell::Number(d.as_f64()),
        Data::DateTimeIso(s) => match Time::parse(s.get(..10).unwrap_or(&s)) {
            Some(t) => SheetCell::Date(t),
            None => SheetCell::Text(s),
        },
        Data::DurationIso(s) => SheetCell::Text(s),
        Data::Error(e) => SheetCell::Error(e.to_string()),
        Data::Empty if has_formula() => SheetCell::Uncached,
        Data::Empty => SheetCell::Empty,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
