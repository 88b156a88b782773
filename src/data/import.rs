//! Import choices: how a person says a table is read when detection cannot settle it, or got it
//! wrong — the sheet, a CSV's encoding, the header row, each column's role and each value
//! column's unit. Choices are data (saved beside the settings, or to a file for the command
//! line), checked against the table before use: a header that changed is reported, never read
//! the old way.

use std::path::Path;

use super::build::Builder;
use super::error::{LoadError, Place, Stale};
use super::model::{Dataset, Time, Unit};
use super::sheet_load::{Figure, Figures, split_unit, unit_in};
use super::sheet_shape::{cell_text, find_shape, is_growth, is_note_line, time_of, year_of};
use super::text_grid::TextEncoding;
use super::workbook::Sheet;

/// The version of the import choices' file.
pub const IMPORT_VERSION: u32 = 1;

/// What one column of the table holds.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "role", rename_all = "snake_case", deny_unknown_fields)]
pub enum ColumnRole {
    /// Nothing to read.
    Skip,
    /// The place of each row.
    Place,
    /// The year (or date) of each row.
    Time,
    /// The indicator of each row.
    Indicator,
    /// The unit of each row's figures.
    Unit,
    /// Figures, in `unit` (as a person writes it: `billion yuan`, `US$ million`, `%` or their Chinese words); `name`, when
    /// set, names what the column holds beside the row's indicator (`growth %`).
    Value {
        /// The unit's words; empty when unknown.
        #[serde(default)]
        unit: String,
        /// What the column holds beside the indicator.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        name: String,
    },
}

/// What the names of the value columns are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnNames {
    /// Years (`2023`, or 2023 with the Chinese word for year): years across.
    Years,
    /// Indicators (`Exports`, `Exports (billion yuan)`).
    Indicators,
    /// Places (`Jinhua`, `Yiwu`): places across.
    Places,
}

/// How to read one table.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportChoices {
    /// Always [`IMPORT_VERSION`].
    pub import_version: u32,
    /// The workbook's sheet; `None` for a CSV or pasted text.
    #[serde(default)]
    pub sheet: Option<String>,
    /// A CSV's encoding.
    #[serde(default)]
    pub encoding: TextEncoding,
    /// The header row, as the spreadsheet numbers it (from 1).
    pub header_row: usize,
    /// The header row's names when the choices were made: the fingerprint that tells whether
    /// they still fit.
    pub header: Vec<String>,
    /// Each column's role, from the grid's first column.
    pub columns: Vec<ColumnRole>,
    /// What the value columns' names are.
    pub column_names: ColumnNames,
    /// The place of every figure when neither a column nor the value columns' names give one.
    #[serde(default)]
    pub place: String,
    /// The indicator of every figure when neither a column nor the names give one.
    #[serde(default)]
    pub indicator: String,
}

impl ImportChoices {
    /// The header row's place in the grid.
    pub(crate) fn header_index(&self, sheet: &Sheet) -> Option<usize> {
        self.header_row.checked_sub(1 + sheet.origin.0 as usize)
    }

    /// The first column given a role.
    fn column(&self, wanted: &ColumnRole) -> Option<usize> {
        self.columns.iter().position(|r| r == wanted)
    }

    /// Whether these choices still fit a sheet: the header row reads as it did.
    pub(crate) fn fits(&self, sheet: &Sheet) -> Result<(), Stale> {
        let found = self.header_index(sheet).map(|h| header_texts(sheet, h)).unwrap_or_default();
        if trimmed(&found) == trimmed(&self.header) {
            Ok(())
        } else {
            Err(Stale::HeaderChanged { row: self.header_row, expected: self.header.clone(), found })
        }
    }

    /// The same choices with another header row: its names, and each column's role guessed anew.
    pub fn with_header_row(&self, sheet: &Sheet, header_row: usize) -> ImportChoices {
        let mut choices = ImportChoices { header_row, ..self.clone() };
        let h = choices.header_index(sheet).unwrap_or(0);
        choices.header = header_texts(sheet, h);
        let guess = super::import_detect::guess_columns(sheet, h);
        choices.columns = guess.0;
        choices.column_names = guess.1;
        choices
    }
}

/// A row's cells as text, trailing blanks left off.
pub(super) fn header_texts(sheet: &Sheet, row: usize) -> Vec<String> {
    let mut texts: Vec<String> = sheet.rows.get(row).map(|r| r.iter().map(cell_text).collect()).unwrap_or_default();
    while texts.last().is_some_and(String::is_empty) {
        texts.pop();
    }
    texts
}

fn trimmed(names: &[String]) -> Vec<&str> {
    let mut names: Vec<&str> = names.iter().map(|n| n.trim()).collect();
    while names.last().is_some_and(|n| n.is_empty()) {
        names.pop();
    }
    names
}

/// Reads a sheet's figures by the choices, into `builder`, with `source` as their source.
fn read_by_choices(
    builder: &mut Builder,
    figures: &mut Figures,
    sheet: &Sheet,
    choices: &ImportChoices,
    source: &str,
) -> Result<(), Stale> {
    choices.fits(sheet)?;
    let Some(header) = choices.header_index(sheet) else { return Ok(()) };
    let role_column = |role: ColumnRole| choices.column(&role);
    let (place_c, time_c) = (role_column(ColumnRole::Place), role_column(ColumnRole::Time));
    let (indicator_c, unit_c) = (role_column(ColumnRole::Indicator), role_column(ColumnRole::Unit));
    let values: Vec<(usize, &str, &str)> = choices
        .columns
        .iter()
        .enumerate()
        .filter_map(|(c, role)| match role {
            ColumnRole::Value { unit, name } => Some((c, unit.as_str(), name.as_str())),
            _ => None,
        })
        .collect();
    for r in header + 1..sheet.rows.len() {
        let text = |c: Option<usize>| c.map(|c| cell_text(sheet.cell(r, c)));
        let first = sheet.rows[r].iter().map(cell_text).find(|t| !t.is_empty()).unwrap_or_default();
        if first.is_empty() || is_note_line(&first) {
            continue;
        }
        let (row_place, row_indicator, row_unit) = (text(place_c), text(indicator_c), text(unit_c));
        if row_place.as_deref() == Some("") || row_indicator.as_deref() == Some("") {
            continue;
        }
        let row_time = match time_c {
            Some(c) => match time_of(sheet.cell(r, c)) {
                Some(t) => Some(t),
                None => continue,
            },
            None => None,
        };
        let mut last_year = None;
        for &(c, unit, name) in &values {
            let header_cell = sheet.cell(header, c);
            let header_name = cell_text(header_cell);
            let header_year = year_of(header_cell);
            last_year = header_year.or(last_year);
            let Some(time) = row_time.or_else(|| last_year.map(Time::Year)) else { continue };
            let (named, named_unit) = split_unit(&header_name);
            let by_names =
                |names: ColumnNames| (choices.column_names == names && header_year.is_none()).then_some(named);
            let place = row_place.as_deref().or(by_names(ColumnNames::Places)).unwrap_or(&choices.place);
            let base = row_indicator.as_deref().or(by_names(ColumnNames::Indicators)).unwrap_or(&choices.indicator);
            let (base, label_unit) = split_unit(base);
            let indicator = if name.is_empty() { base.to_string() } else { format!("{base}: {name}") };
            let stated = [row_unit.as_deref().unwrap_or_default(), unit]
                .into_iter()
                .chain(label_unit)
                .chain(named_unit)
                .find(|u| !u.trim().is_empty());
            let unit = stated.map(|u| {
                unit_in(u, is_growth(&indicator) || is_growth(&header_name)).unwrap_or(Unit::Other(u.trim().into()))
            });
            if place.trim().is_empty() || indicator.trim().is_empty() {
                continue;
            }
            let figure = Figure { place, indicator: (&indicator, unit), time, cell: (r, c) };
            figures.figure(builder, sheet, &figure, source);
        }
    }
    Ok(())
}

/// Loads one sheet (of a workbook, a CSV or pasted text) by the choices: every figure with the
/// source `source` and its cell. `file` names the file the sheet is of.
pub(crate) fn load_by_choices(
    path: &Path,
    sheet: &Sheet,
    choices: &ImportChoices,
    source: super::model::Source,
    limits: &super::progress::Limits,
) -> Result<(Dataset, Vec<super::error::Warning>), LoadError> {
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut builder = Builder::new(super::csv::locate_row, super::build::QuotePolicy::NotExpected).limits(limits);
    builder.sheets(vec![super::model::SheetRef { file, sheet: sheet.name.clone() }]);
    let source_id = source.id.clone();
    builder.add_source(&Place::Path(sheet.name.clone()), source);
    let mut figures = Figures::default();
    read_by_choices(&mut builder, &mut figures, sheet, choices, &source_id)
        .map_err(|why| LoadError::ChoicesStale { path: path.to_path_buf(), why })?;
    if figures.added == 0 {
        return Err(LoadError::NoFiguresChosen { path: path.to_path_buf() });
    }
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let title = find_shape(sheet).and_then(|s| s.title).unwrap_or(stem);
    builder.describe(title, String::new(), (None, None));
    figures.warn(&mut builder);
    builder.finish().map_err(|(problems, more)| LoadError::Invalid { path: path.to_path_buf(), problems, more })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::import_detect::detect_choices;
    use crate::data::workbook::SheetCell;

    fn sheet(name: &str, rows: &[&[&str]]) -> Sheet {
        let cell = |t: &&str| if t.is_empty() { SheetCell::Empty } else { SheetCell::Text((*t).into()) };
        Sheet { name: name.into(), origin: (0, 0), rows: rows.iter().map(|r| r.iter().map(cell).collect()).collect() }
    }

    fn source() -> super::super::model::Source {
        super::super::model::Source {
            id: "s".into(),
            title: "t".into(),
            publisher: String::new(),
            url: String::new(),
            published: None,
            retrieved: None,
        }
    }

    fn load(s: &Sheet, choices: &ImportChoices) -> Result<Dataset, LoadError> {
        load_by_choices(Path::new("t.csv"), s, choices, source(), &Default::default()).map(|(d, _)| d)
    }

    fn values(d: &Dataset) -> Vec<(String, String, Time, f64)> {
        let mut v: Vec<_> = d
            .observations
            .iter()
            .map(|o| {
                let e = d.entities[o.cell.entity.0 as usize].name.clone();
                let m = d.metrics[o.cell.metric.0 as usize].name.clone();
                (e, m, o.cell.time, o.value)
            })
            .collect();
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v
    }

    #[test]
    fn a_table_no_detection_reads_is_guessed_and_then_read_as_chosen() {
        // No title, no words the detector knows: a header of names, years down the second column.
        let s =
            sheet("export", &[&["Stadt", "Jahr", "Ausfuhr"], &["Jinhua", "2023", "about 1"], &["Jinhua", "2024", "2"]]);
        let mut choices = detect_choices(&s, TextEncoding::Utf8);
        assert_eq!(choices.header_row, 1);
        assert_eq!(choices.columns[1], ColumnRole::Time, "the column of years is the time");
        assert_eq!(choices.columns[0], ColumnRole::Place, "a column of place names beside the years");
        // The person says the values are in billion yuan.
        choices.columns[2] = ColumnRole::Value { unit: "billion yuan".into(), name: String::new() };
        let d = load(&s, &choices).unwrap();
        let v = values(&d);
        assert_eq!(v.len(), 1, "'about 1' is words, not a figure: {v:?}");
        assert_eq!(v[0].0, "Jinhua");
        assert_eq!(v[0].1, "Ausfuhr");
        assert_eq!(v[0].3, 2.0);
        let unit = &d.metrics[0].unit;
        assert_eq!(*unit, Unit::Money { currency: super::super::model::Currency::Yuan, multiplier: 1e9 });
    }

    #[test]
    fn years_across_are_read_with_a_growth_column_of_its_own() {
        let s = sheet(
            "2-15",
            &[
                &["2-15 金华市对外贸易", "", "", ""],
                &["指标", "2022年", "2023年", "比上年增长(%)"],
                &["出口", "100", "110", "10"],
            ],
        );
        let choices = detect_choices(&s, TextEncoding::Utf8);
        assert_eq!(choices.column_names, ColumnNames::Years);
        assert_eq!(choices.header_row, 2);
        assert_eq!(choices.place, "Jinhua", "the title names the place");
        let v = values(&load(&s, &choices).unwrap());
        assert_eq!(v.len(), 3, "{v:?}");
        assert!(v.iter().any(|(_, m, t, x)| m == "出口: 比上年增长(%)" && *t == Time::Year(2023) && *x == 10.0));
    }

    #[test]
    fn choices_whose_header_changed_are_refused_with_what_changed() {
        let s = sheet("a", &[&["Year", "Jinhua", "Yiwu"], &["2023", "1", "2"]]);
        let choices = detect_choices(&s, TextEncoding::Utf8);
        assert_eq!(choices.column_names, ColumnNames::Places);
        assert_eq!(values(&load(&s, &choices).unwrap()).len(), 2);
        let changed = sheet("a", &[&["Year", "Yiwu", "Jinhua"], &["2023", "1", "2"]]);
        match load(&changed, &choices) {
            Err(LoadError::ChoicesStale { why: Stale::HeaderChanged { row: 1, found, .. }, .. }) => {
                assert_eq!(found, ["Year", "Yiwu", "Jinhua"]);
            }
            other => panic!("stale choices were applied: {other:?}"),
        }
    }

    #[test]
    fn another_header_row_guesses_the_columns_again() {
        let s = sheet("a", &[&["Notes about the table"], &["Year", "Exports"], &["2023", "5"]]);
        let choices = detect_choices(&s, TextEncoding::Utf8).with_header_row(&s, 2);
        assert_eq!(choices.header, ["Year", "Exports"]);
        assert_eq!(choices.columns[0], ColumnRole::Time);
        let v = values(&load(&s, &choices).unwrap());
        assert_eq!(v, [("a".into(), "Exports".into(), Time::Year(2023), 5.0)]);
    }

    #[test]
    fn choices_round_trip_through_their_file() {
        let s = sheet("a", &[&["Year", "Jinhua"], &["2023", "1"]]);
        let choices = detect_choices(&s, TextEncoding::Gb18030);
        let text = serde_json::to_string(&choices).unwrap();
        assert_eq!(serde_json::from_str::<ImportChoices>(&text).unwrap(), choices);
        assert!(text.contains("\"encoding\":\"gb18030\""), "{text}");
    }
}
