//! The import choices detection makes, for the import dialog to start from: those of the table
//! `sheet_shape` finds, or a first guess (the fullest row as the header, a column of years as the
//! time, columns of figures as values) when it finds none.

use super::import::{ColumnNames, ColumnRole, IMPORT_VERSION, ImportChoices, header_texts};
use super::sheet_load::{known_place, place_in, split_unit};
use super::sheet_shape::{Layout, Shape, cell_text, figure_of, find_shape, is_growth, year_of};
use super::text_grid::TextEncoding;
use super::workbook::Sheet;

/// The choices detection makes for a sheet: from the table it finds, or a first guess (the row
/// with the most cells filled as the header) when it finds none.
pub fn detect_choices(sheet: &Sheet, encoding: TextEncoding) -> ImportChoices {
    let lone = |title: Option<&str>| {
        place_in(title.unwrap_or_default())
            .or_else(|| place_in(&sheet.name))
            .map_or_else(|| split_unit(&sheet.name).0.to_string(), |e| e.name.clone())
    };
    let (header, columns, column_names, place) = match find_shape(sheet) {
        Some(shape) => {
            let (columns, names) = shape_columns(sheet, &shape);
            (shape.header, columns, names, lone(shape.title.as_deref()))
        }
        None => {
            let filled = |r: &Vec<_>| r.iter().filter(|c| !cell_text(c).is_empty()).count();
            let header = (0..sheet.rows.len().min(20)).max_by_key(|&r| (filled(&sheet.rows[r]), usize::MAX - r));
            let header = header.unwrap_or(0);
            let (columns, names) = guess_columns(sheet, header);
            (header, columns, names, lone(None))
        }
    };
    ImportChoices {
        import_version: IMPORT_VERSION,
        sheet: None,
        encoding,
        header_row: sheet.origin.0 as usize + header + 1,
        header: header_texts(sheet, header),
        columns,
        column_names,
        place,
        indicator: split_unit(&sheet.name).0.to_string(),
    }
}

/// The roles of a found table's columns.
fn shape_columns(sheet: &Sheet, shape: &Shape) -> (Vec<ColumnRole>, ColumnNames) {
    let width = shape.names.len();
    let mut columns = vec![ColumnRole::Skip; width];
    let unit = shape.unit.clone().unwrap_or_default();
    let value = |unit: &str| ColumnRole::Value { unit: unit.to_string(), name: String::new() };
    let places_in = |names: &mut dyn Iterator<Item = String>| {
        let names: Vec<String> = names.filter(|n| !n.is_empty()).collect();
        names.iter().filter(|n| known_place(split_unit(n).0).is_some()).count() * 2 > names.len()
    };
    let names = match &shape.layout {
        Layout::Tidy { place, indicator, year, value: v, unit: u } => {
            place.map(|c| columns[c] = ColumnRole::Place);
            indicator.map(|c| columns[c] = ColumnRole::Indicator);
            u.map(|c| columns[c] = ColumnRole::Unit);
            columns[*year] = ColumnRole::Time;
            columns[*v] = value(&unit);
            ColumnNames::Indicators
        }
        Layout::YearsAcross { label, years, growth } => {
            let places = places_in(&mut shape.rows.clone().map(|r| cell_text(sheet.cell(r, *label))));
            columns[*label] = if places { ColumnRole::Place } else { ColumnRole::Indicator };
            for &(c, _) in years {
                columns[c] = value(&unit);
            }
            for &(c, _) in growth {
                columns[c] = ColumnRole::Value { unit: "%".into(), name: shape.names[c].clone() };
            }
            ColumnNames::Years
        }
        Layout::YearsDown { year, series } => {
            columns[*year] = ColumnRole::Time;
            // A column of words beside the years holds what each row is of, not figures.
            let (words, series): (Vec<usize>, Vec<usize>) =
                series.iter().partition(|&&c| !mostly_figures(sheet, shape, c));
            for c in words {
                let places = places_in(&mut shape.rows.clone().map(|r| cell_text(sheet.cell(r, c))));
                let role = if places { ColumnRole::Place } else { ColumnRole::Indicator };
                if !columns.contains(&role) {
                    columns[c] = role;
                }
            }
            for &c in &series {
                let (_, stated) = split_unit(&shape.names[c]);
                let growth = is_growth(&shape.names[c]);
                columns[c] = value(stated.unwrap_or(if growth { "%" } else { &unit }));
            }
            if places_in(&mut series.iter().map(|&c| shape.names[c].clone())) && !columns.contains(&ColumnRole::Place) {
                ColumnNames::Places
            } else {
                ColumnNames::Indicators
            }
        }
    };
    (columns, names)
}

/// Whether most filled cells of a column in a table's rows are figures.
fn mostly_figures(sheet: &Sheet, shape: &Shape, c: usize) -> bool {
    let cells: Vec<_> = shape.rows.clone().map(|r| sheet.cell(r, c)).filter(|x| !cell_text(x).is_empty()).collect();
    let figures = cells.iter().filter(|x| matches!(figure_of(x), Ok(Some(_)))).count();
    figures * 2 >= cells.len()
}

/// A first guess at the columns under a header row: year names make years across (the first
/// column the indicator); else a column of years below is the time, the first text column the
/// indicator, and the columns of figures values.
pub(super) fn guess_columns(sheet: &Sheet, header: usize) -> (Vec<ColumnRole>, ColumnNames) {
    let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    let below: Vec<usize> = (header + 1..sheet.rows.len()).take(50).collect();
    let value = ColumnRole::Value { unit: String::new(), name: String::new() };
    if (0..width).filter(|&c| year_of(sheet.cell(header, c)).is_some()).count() >= 2 {
        let roles = (0..width).map(|c| match year_of(sheet.cell(header, c)) {
            Some(_) => value.clone(),
            None if c == 0 => ColumnRole::Indicator,
            None => ColumnRole::Skip,
        });
        return (roles.collect(), ColumnNames::Years);
    }
    let years = |c: usize| below.iter().filter(|&&r| year_of(sheet.cell(r, c)).is_some()).count();
    let time = (0..width).find(|&c| years(c) * 2 > below.len() && !below.is_empty());
    let figures = |c: usize| below.iter().filter(|&&r| matches!(figure_of(sheet.cell(r, c)), Ok(Some(_)))).count();
    let mut indicator_taken = false;
    let roles: Vec<ColumnRole> = (0..width)
        .map(|c| {
            if Some(c) == time {
                ColumnRole::Time
            } else if figures(c) * 2 > below.len() && !below.is_empty() {
                value.clone()
            } else if !indicator_taken && !cell_text(sheet.cell(header, c)).is_empty() {
                indicator_taken = true;
                ColumnRole::Indicator
            } else {
                ColumnRole::Skip
            }
        })
        .collect();
    let names: Vec<String> = (0..width)
        .filter(|&c| matches!(roles[c], ColumnRole::Value { .. }))
        .map(|c| split_unit(&cell_text(sheet.cell(header, c))).0.to_string())
        .collect();
    let places = !names.is_empty() && names.iter().filter(|n| known_place(n).is_some()).count() * 2 > names.len();
    (roles, if places { ColumnNames::Places } else { ColumnNames::Indicators })
}
