//! What a cell of a published table holds: a number, a percentage, one of the ways tables
//! write "no data", or text; and whether a column is a column of numbers at all. Shared by the
//! loaders of files made elsewhere, which, unlike the app's own formats, mix these freely.

/// A cell as read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum CellValue {
    /// Empty, or a spelling of "no data": `NA`, `n/a`, `..`, `-`, `—`, `NaN`…
    Missing,
    /// A finite number.
    Number(f64),
    /// A number written with `%`: `13%` is 13.
    Percent(f64),
    /// Anything else: a name, a flag, `>1000`.
    Text,
}

/// The spellings of "no data" in published tables (compared without case).
const MISSING: [&str; 14] = ["na", "n/a", "n.a.", "nan", "null", "none", "..", "...", "…", "-", "–", "—", "x", "?"];

/// How a file writes its numbers' decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decimals {
    /// `1,234.5`: a point, and commas between thousands.
    Point,
    /// `1234,5`: a comma (a `;`-separated file from a spreadsheet in most of Europe). A comma is
    /// then never read as a thousands separator, so `3,380` is 3.38.
    Comma,
}

/// Reads one cell.
pub(crate) fn read_cell(text: &str, decimals: Decimals) -> CellValue {
    let text = text.trim();
    // No spelling of "no data" starts with a digit, as most cells of a table of figures do.
    let digit = text.as_bytes().first().is_some_and(u8::is_ascii_digit);
    if text.is_empty() || !digit && MISSING.iter().any(|m| m.eq_ignore_ascii_case(text)) {
        return CellValue::Missing;
    }
    if let Some(number) = text.strip_suffix('%') {
        return match number_of(number.trim_end(), decimals) {
            Some(v) => CellValue::Percent(v),
            None => CellValue::Text,
        };
    }
    number_of(text, decimals).map_or(CellValue::Text, CellValue::Number)
}

/// A finite number, also with thousands separators (`1,234,567`) or a decimal comma.
fn number_of(text: &str, decimals: Decimals) -> Option<f64> {
    if decimals == Decimals::Comma {
        if text.contains('.') && text.contains(',') {
            return None;
        }
        return text.replacen(',', ".", 1).parse::<f64>().ok().filter(|v| v.is_finite());
    }
    if let Ok(v) = text.parse::<f64>() {
        return v.is_finite().then_some(v);
    }
    let grouped = text.strip_prefix('-').unwrap_or(text);
    let (whole, _) = grouped.split_once('.').unwrap_or((grouped, ""));
    let mut groups = whole.split(',');
    let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
    if !text.contains(',') || !first_ok || !groups.all(|g| g.len() == 3) {
        return None;
    }
    text.replace(',', "").parse::<f64>().ok().filter(|v| v.is_finite())
}

/// What a column holds, decided before its rows are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ColumnKind {
    /// Numbers (a cell that is not one is skipped, with a warning).
    Numbers {
        /// Its cells are written with `%`.
        percent: bool,
    },
    /// Text: names, flags, annotations. Set aside.
    Text,
}

/// What a column holds: its declared type first (a data package's `string` or `number`); else
/// what the first rows hold: text when at least as many cells are text as numbers.
pub(crate) fn column_kind<'a>(
    declared: Option<&str>,
    cells: impl Iterator<Item = &'a str>,
    decimals: Decimals,
) -> ColumnKind {
    let (mut numbers, mut percents, mut texts) = (0usize, 0usize, 0usize);
    for cell in cells {
        match read_cell(cell, decimals) {
            CellValue::Missing => {}
            CellValue::Number(_) => numbers += 1,
            CellValue::Percent(_) => percents += 1,
            CellValue::Text => texts += 1,
        }
    }
    let declared = declared.map(|d| d.trim().to_ascii_lowercase());
    match declared.as_deref() {
        Some("string" | "text") => ColumnKind::Text,
        Some("number" | "integer" | "numeric" | "float") => ColumnKind::Numbers { percent: percents > numbers },
        _ if texts > 0 && texts >= numbers + percents => ColumnKind::Text,
        _ => ColumnKind::Numbers { percent: percents > numbers },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_spellings_of_no_data_are_gaps_and_percentages_numbers() {
        let read = |text| read_cell(text, Decimals::Point);
        for missing in ["", " ", "NA", "n/a", "N/A", "..", "-", "—", "NaN", "…"] {
            assert_eq!(read(missing), CellValue::Missing, "{missing:?}");
        }
        assert_eq!(read("13%"), CellValue::Percent(13.0));
        assert_eq!(read("-2.5 %"), CellValue::Percent(-2.5));
        assert_eq!(read("1,234,567.5"), CellValue::Number(1_234_567.5));
        assert_eq!(read("3,380"), CellValue::Number(3380.0));
        assert_eq!(read("-0.5"), CellValue::Number(-0.5));
        assert_eq!(read("1e3"), CellValue::Number(1000.0));
        for text in [">1000", "Asia", "1,23", "12,3456", "inf", "abc%"] {
            assert_eq!(read(text), CellValue::Text, "{text:?}");
        }
        // A `;`-separated file's comma is its decimal mark, never a thousands separator.
        assert_eq!(read_cell("3,380", Decimals::Comma), CellValue::Number(3.38));
        assert_eq!(read_cell("12,5%", Decimals::Comma), CellValue::Percent(12.5));
        assert_eq!(read_cell("1.234,5", Decimals::Comma), CellValue::Text);
    }

    #[test]
    fn a_column_is_text_by_its_declared_type_or_by_what_most_of_its_cells_hold() {
        let kind = |declared, cells: &[&'static str]| column_kind(declared, cells.iter().copied(), Decimals::Point);
        let numbers = ColumnKind::Numbers { percent: false };
        assert_eq!(kind(None, &["Asia", "Europe", "", "Asia"]), ColumnKind::Text);
        assert_eq!(kind(None, &["12", ">1000", "13", ""]), numbers);
        assert_eq!(kind(None, &["13%", "NA", "7%"]), ColumnKind::Numbers { percent: true });
        assert_eq!(kind(Some("string"), &["1", "2"]), ColumnKind::Text);
        assert_eq!(kind(Some("number"), &["a", "b"]), numbers);
        // Nothing but gaps in the first rows: numbers until a row says otherwise.
        assert_eq!(kind(Some("any"), &["", ""]), numbers);
    }
}

/// Per column of numbers, the cells that are not numbers: counted, the first located, so that a
/// file's stray words become one warning per column rather than a refusal.
#[derive(Debug, Default)]
pub(crate) struct SkippedCells(Vec<(String, usize, super::error::Place, String)>);

impl SkippedCells {
    /// Counts a skipped cell of `column` at `row` that holds `text`.
    pub(crate) fn skip(&mut self, column: &str, row: usize, text: &str) {
        match self.0.iter_mut().find(|s| s.0 == column) {
            Some(skipped) => skipped.1 += 1,
            None => self.0.push((column.into(), 1, super::csv::locate_row(row, column), text.trim().into())),
        }
    }

    /// Counts the cells another reading skipped (a piece of the same file, read after the cells
    /// counted here), its rows moved by `shift` to count in the whole file.
    pub(crate) fn add(&mut self, other: SkippedCells, shift: impl Fn(usize) -> usize) {
        for (column, count, first, text) in other.0 {
            match self.0.iter_mut().find(|s| s.0 == column) {
                Some(skipped) => skipped.1 += count,
                None => {
                    let first = match first {
                        super::error::Place::Row { row, column } => {
                            super::error::Place::Row { row: shift(row), column }
                        }
                        first => first,
                    };
                    self.0.push((column, count, first, text));
                }
            }
        }
    }

    /// One warning per column.
    pub(crate) fn warnings(self) -> impl Iterator<Item = super::error::Warning> {
        self.0.into_iter().map(|(column, count, first, text)| super::error::Warning::SkippedCells {
            column,
            count,
            first,
            text,
        })
    }
}
