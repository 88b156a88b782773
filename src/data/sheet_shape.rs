//! What a sheet's grid holds, found without asking: the title, unit and note rows around the
//! table, its header row, and one of the layouts people keep figures in — tidy (place,
//! indicator, year, value columns, in English or Chinese), years across (indicators or places
//! down the side, as statistical yearbooks print them), or years down (places or indicators
//! across).

use std::sync::OnceLock;

use super::model::Time;
use super::workbook::{Sheet, SheetCell};

/// The words tables are labelled with (`assets/table_words.json`): the vocabulary is data, in
/// both languages, not code.
#[derive(Debug, serde::Deserialize)]
pub(crate) struct TableWords {
    unit_line: Vec<String>,
    note_line: Vec<String>,
    year_suffixes: Vec<String>,
    growth: Vec<String>,
    pub share: Vec<String>,
    gaps: Vec<String>,
    pub place_suffixes: Vec<String>,
    place_columns: Vec<String>,
    indicator_columns: Vec<String>,
    year_columns: Vec<String>,
    value_columns: Vec<String>,
    unit_columns: Vec<String>,
    /// A money unit's word, its currency (`yuan`, `usd`) and multiplier.
    pub money: Vec<(String, String, f64)>,
}

/// The table vocabulary, read once.
pub(crate) fn words() -> &'static TableWords {
    static WORDS: OnceLock<TableWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        serde_json::from_str(include_str!("../../assets/table_words.json"))
            .expect("assets/table_words.json is valid (a test reads it)")
    })
}

fn starts_with_any(text: &str, words: &[String]) -> bool {
    words.iter().any(|w| text.starts_with(w.as_str()))
}

fn contains_any(text: &str, words: &[String]) -> bool {
    words.iter().any(|w| text.contains(w.as_str()))
}

/// How a table's figures are laid out.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Layout {
    /// One figure a row: the columns of the place, the indicator, the year, the value, the unit.
    Tidy { place: Option<usize>, indicator: Option<usize>, year: usize, value: usize, unit: Option<usize> },
    /// Years across the top: the label column down the side, the year columns, and the columns
    /// of growth beside them ("growth on the previous year, %"), each with the year it is the growth of.
    YearsAcross { label: usize, years: Vec<(usize, i32)>, growth: Vec<(usize, i32)> },
    /// Years down the side, a series per column to the right.
    YearsDown { year: usize, series: Vec<usize> },
}

/// A sheet's table, found.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Shape {
    /// The title row's text ("2-15 Foreign trade of Jinhua", in a yearbook's words).
    pub title: Option<String>,
    /// The unit row's text ("Unit: 100 million yuan", in a yearbook's words).
    pub unit: Option<String>,
    /// The notes below the table ("Note: …").
    pub notes: Vec<String>,
    /// The header row, by grid position.
    pub header: usize,
    /// The header's names, a blank one right of a filled one inheriting it (a merged cell).
    pub names: Vec<String>,
    /// The rows of figures: from below the header to the first note.
    pub rows: std::ops::Range<usize>,
    pub layout: Layout,
}

/// A cell as text, for telling rows apart (numbers as written).
pub(crate) fn cell_text(cell: &SheetCell) -> String {
    match cell {
        SheetCell::Empty | SheetCell::Uncached => String::new(),
        SheetCell::Number(v) | SheetCell::Percent(v) => v.to_string(),
        SheetCell::Text(s) => s.trim().to_string(),
        SheetCell::Date(t) => format!("{t:?}"),
        SheetCell::Error(e) => e.clone(),
    }
}

/// A cell as text without copying it when it is text: trimmed.
pub(crate) fn cell_str(cell: &SheetCell) -> std::borrow::Cow<'_, str> {
    match cell {
        SheetCell::Text(s) => std::borrow::Cow::Borrowed(s.trim()),
        other => std::borrow::Cow::Owned(cell_text(other)),
    }
}

/// Whether a cell holds nothing (or only spaces).
fn is_blank(cell: &SheetCell) -> bool {
    match cell {
        SheetCell::Empty | SheetCell::Uncached => true,
        SheetCell::Text(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// Whether a line states the table's unit (`Unit: billion yuan`, or its Chinese form).
pub(crate) fn is_unit_line(text: &str) -> bool {
    let t = text.trim().trim_start_matches(['(', '（']).to_lowercase();
    starts_with_any(&t, &words().unit_line)
}

/// Whether a line is a note under a table (`Note:`, `Source:`, or their Chinese forms).
pub(crate) fn is_note_line(text: &str) -> bool {
    let t = text.trim();
    words().note_line.iter().any(|w| t.get(..w.len()).is_some_and(|start| start.eq_ignore_ascii_case(w)))
}

/// The year a header cell names: `2021`, `2021` with the Chinese word for year after it, a
/// year stored as a number or a date.
pub(crate) fn year_of(cell: &SheetCell) -> Option<i32> {
    let year = match cell {
        SheetCell::Number(v) if v.fract() == 0.0 => *v as i32,
        SheetCell::Date(t) => t.year(),
        SheetCell::Text(s) => {
            let mut t = s.trim();
            for suffix in &words().year_suffixes {
                t = t.trim_end_matches(suffix.as_str());
            }
            let t = t.trim();
            if t.len() != 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            t.parse().ok()?
        }
        _ => return None,
    };
    (1800..=2200).contains(&year).then_some(year)
}

/// Whether a name is of a growth rate rather than a level (`growth`, `yoy`, the Chinese for
/// "growth on the previous year").
pub(crate) fn is_growth(name: &str) -> bool {
    contains_any(&name.to_lowercase(), &words().growth)
}

/// The header names of `row`, a blank one right of a filled one inheriting it, as a merged
/// header cell is read.
fn header_names(sheet: &Sheet, row: usize, width: usize) -> Vec<String> {
    let mut names: Vec<String> = (0..width).map(|c| cell_text(sheet.cell(row, c))).collect();
    for c in 1..names.len() {
        if names[c].is_empty() && year_of(sheet.cell(row, c - 1)).is_none() {
            names[c] = names[c - 1].clone();
        }
    }
    names
}

/// Finds the table in a sheet, or `None` when no layout fits.
pub(crate) fn find_shape(sheet: &Sheet) -> Option<Shape> {
    let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    let filled = |r: usize| (0..width).filter(|&c| !is_blank(sheet.cell(r, c))).count();
    let (mut title, mut unit) = (None, None);
    let mut header = None;
    for r in 0..sheet.rows.len() {
        let mut texts: Vec<String> =
            (0..width).map(|c| cell_text(sheet.cell(r, c))).filter(|t| !t.is_empty()).collect();
        // A title merged across the table's width is one title, not a header of equal names.
        texts.dedup();
        let (units, others): (Vec<&String>, Vec<&String>) = texts.iter().partition(|t| is_unit_line(t));
        if let Some(u) = units.first() {
            unit.get_or_insert_with(|| (*u).clone());
        }
        match others.as_slice() {
            [] => continue,
            [one] if !units.is_empty() || texts.len() == 1 => {
                if title.is_none() && year_of(&SheetCell::Text(one.as_str().into())).is_none() {
                    title = Some((*one).clone());
                }
                continue;
            }
            _ => {
                header = Some(r);
                break;
            }
        }
    }
    let header = header?;
    let mut end = sheet.rows.len();
    let mut notes = Vec::new();
    for r in header + 1..sheet.rows.len() {
        let first = (0..width).map(|c| sheet.cell(r, c)).find(|c| !is_blank(c));
        // Only words can be a note, and only a row of one filled cell.
        let lone = || filled(r) == 1;
        let note = matches!(first, Some(SheetCell::Text(t)) if is_note_line(t)) && lone();
        if note || (end < sheet.rows.len() && lone()) {
            end = end.min(r);
            notes.extend(first.map(cell_text));
        }
    }
    let mut names = header_names(sheet, header, width);
    let mut rows = header + 1..end;
    let layout =
        tidy(&names).or_else(|| years_across(sheet, header, &names)).or_else(|| years_down(sheet, &rows, &names))?;
    // Under years merged over two columns, a second header row names what each column holds.
    if matches!(layout, Layout::YearsAcross { .. }) && sub_header(sheet, header + 1, &layout) {
        rows.start += 1;
        let layout = split_by_sub_header(sheet, header + 1, layout);
        if let Layout::YearsAcross { growth, .. } = &layout {
            for &(c, _) in growth {
                names[c] = cell_text(sheet.cell(header + 1, c));
            }
        }
        return Some(Shape { title, unit, notes, header, names, rows, layout });
    }
    Some(Shape { title, unit, notes, header, names, rows, layout })
}

/// The tidy layout, from its column names in English or Chinese.
fn tidy(names: &[String]) -> Option<Layout> {
    let find = |options: &[String]| names.iter().position(|n| options.contains(&n.trim().to_lowercase()));
    let w = words();
    let place = find(&w.place_columns);
    let indicator = find(&w.indicator_columns);
    let year = find(&w.year_columns)?;
    let value = find(&w.value_columns)?;
    let unit = find(&w.unit_columns);
    (place.is_some() || indicator.is_some()).then_some(Layout::Tidy { place, indicator, year, value, unit })
}

/// Years across the header: at least two year columns, the label column the first that is not
/// one, and growth columns after a year column.
fn years_across(sheet: &Sheet, header: usize, names: &[String]) -> Option<Layout> {
    let years: Vec<(usize, i32)> =
        (0..names.len()).filter_map(|c| year_of(sheet.cell(header, c)).map(|y| (c, y))).collect();
    if years.len() < 2 && !(years.len() == 1 && names.iter().any(|n| is_growth(n))) {
        return None;
    }
    let label = (0..years[0].0).find(|c| !names[*c].is_empty()).unwrap_or(0);
    let mut growth = Vec::new();
    for (c, name) in names.iter().enumerate() {
        let before = years.iter().rev().find(|(yc, _)| *yc < c);
        if let Some(&(_, year)) = before
            && is_growth(name)
            && !years.iter().any(|(yc, _)| *yc == c)
        {
            growth.push((c, year));
        }
    }
    Some(Layout::YearsAcross { label, years, growth })
}

/// Whether the row under a header of years names what each year's columns hold (amount,
/// growth): text, not figures, under every year column.
fn sub_header(sheet: &Sheet, row: usize, layout: &Layout) -> bool {
    let Layout::YearsAcross { years, .. } = layout else { return false };
    years.iter().all(
        |&(c, _)| matches!(sheet.cell(row, c), SheetCell::Text(t) if figure_of(&SheetCell::Text(t.clone())).is_err()),
    )
}

/// A year's columns under a second header row: the first of them that is no growth holds the
/// year's level, one whose sub-header is a growth holds its growth; others are left out.
fn split_by_sub_header(sheet: &Sheet, row: usize, layout: Layout) -> Layout {
    let Layout::YearsAcross { label, years, mut growth } = layout else { return layout };
    let mut levels: Vec<(usize, i32)> = Vec::new();
    for (c, year) in years {
        let sub = cell_text(sheet.cell(row, c));
        if is_growth(&sub) {
            growth.push((c, year));
        } else if !levels.iter().any(|&(_, y)| y == year) {
            levels.push((c, year));
        }
    }
    Layout::YearsAcross { label, years: levels, growth }
}

/// Years down the first column (two thirds of the rows at least), a series per named column.
fn years_down(sheet: &Sheet, rows: &std::ops::Range<usize>, names: &[String]) -> Option<Layout> {
    let year_column = (0..names.len().min(3)).find(|&c| {
        let years = rows.clone().filter(|&r| year_of(sheet.cell(r, c)).is_some()).count();
        years >= 2 && years * 3 >= rows.len() * 2
    })?;
    let series: Vec<usize> = (0..names.len()).filter(|&c| c != year_column && !names[c].is_empty()).collect();
    (!series.is_empty()).then_some(Layout::YearsDown { year: year_column, series })
}

/// A figure's cell as a number: numbers as stored, text with thousands separators or
/// full-width digits read, a percent sign dropped; `None` for a gap; `Err` for words.
pub(crate) fn figure_of(cell: &SheetCell) -> Result<Option<f64>, String> {
    match cell {
        SheetCell::Number(v) | SheetCell::Percent(v) => Ok(Some(*v)),
        SheetCell::Empty | SheetCell::Uncached | SheetCell::Error(_) => Ok(None),
        SheetCell::Date(t) => Err(format!("{t:?}")),
        SheetCell::Text(s) => {
            let half: String = s
                .trim()
                .chars()
                .map(|c| match c {
                    '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                    '．' => '.',
                    '－' | '−' => '-',
                    '，' | ',' | ' ' | '\u{a0}' => '\u{0}',
                    other => other,
                })
                .filter(|&c| c != '\u{0}')
                .collect();
            let t = half.trim_end_matches(['%', '％']).trim();
            if words().gaps.contains(&t.to_lowercase()) {
                return Ok(None);
            }
            t.parse::<f64>().ok().filter(|v| v.is_finite()).map(Some).ok_or_else(|| s.trim().to_string())
        }
    }
}

/// The time of a tidy row's year cell: a year, or a date.
pub(crate) fn time_of(cell: &SheetCell) -> Option<Time> {
    match cell {
        SheetCell::Date(t) => Some(*t),
        other => year_of(other).map(Time::Year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        let cell = |t: &&str| match t.parse::<f64>() {
            Ok(v) => SheetCell::Number(v),
            Err(_) if t.is_empty() => SheetCell::Empty,
            Err(_) => SheetCell::Text((*t).into()),
        };
        Sheet { name: "2-15".into(), origin: (3, 2), rows: rows.iter().map(|r| r.iter().map(cell).collect()).collect() }
    }

    #[test]
    fn a_yearbook_sheet_has_its_title_unit_years_across_a_growth_column_and_a_note() {
        let s = sheet(&[
            &["2-15 金华市对外贸易情况", "", "", ""],
            &["", "", "", "单位:亿元"],
            &["指标", "2022年", "2023年", "比上年增长(%)"],
            &["进出口总额", "6,000.5", "6,500", "8.3"],
            &["出口", "5000", "—", "…"],
            &["注:本表数据来源于金华海关。", "", "", ""],
        ]);
        let shape = find_shape(&s).expect("a shape");
        assert_eq!(shape.title.as_deref(), Some("2-15 金华市对外贸易情况"));
        assert_eq!(shape.unit.as_deref(), Some("单位:亿元"));
        assert_eq!(shape.header, 2);
        assert_eq!(shape.rows, 3..5);
        assert_eq!(shape.notes, ["注:本表数据来源于金华海关。"]);
        assert_eq!(
            shape.layout,
            Layout::YearsAcross { label: 0, years: vec![(1, 2022), (2, 2023)], growth: vec![(3, 2023)] }
        );
    }

    #[test]
    fn years_merged_over_an_amount_and_a_growth_column_read_each_for_what_it_is() {
        // As a merged header reads once its regions are filled: the title over the width, each
        // year over its amount and its growth.
        let s = sheet(&[
            &["金华市外贸", "金华市外贸", "金华市外贸", "金华市外贸", "金华市外贸"],
            &["指标", "2022年", "2022年", "2023年", "2023年"],
            &["", "金额", "比上年增长%", "金额", "比上年增长%"],
            &["出口", "100", "5", "110", "10"],
        ]);
        let shape = find_shape(&s).expect("a shape");
        assert_eq!(shape.title.as_deref(), Some("金华市外贸"));
        assert_eq!(shape.rows, 3..4);
        let layout =
            Layout::YearsAcross { label: 0, years: vec![(1, 2022), (3, 2023)], growth: vec![(2, 2022), (4, 2023)] };
        assert_eq!(shape.layout, layout);
    }

    #[test]
    fn a_tidy_sheet_is_known_by_its_column_names_in_either_language() {
        let s = sheet(&[&["地区", "指标", "年份", "数值"], &["金华", "出口", "2024", "1"]]);
        let shape = find_shape(&s).expect("a shape");
        assert_eq!(shape.layout, Layout::Tidy { place: Some(0), indicator: Some(1), year: 2, value: 3, unit: None });
        let s = sheet(&[&["Entity", "Year", "Value"], &["China", "2024", "1"]]);
        assert!(matches!(find_shape(&s).map(|s| s.layout), Some(Layout::Tidy { place: Some(0), indicator: None, .. })));
    }

    #[test]
    fn places_across_with_years_down_is_found_by_its_first_column() {
        let s = sheet(&[&["年份", "金华", "义乌"], &["2022", "1", "2"], &["2023", "3", "4"]]);
        let shape = find_shape(&s).expect("a shape");
        assert_eq!(shape.layout, Layout::YearsDown { year: 0, series: vec![1, 2] });
    }

    #[test]
    fn figures_stored_as_text_are_read_and_dashes_are_gaps() {
        let text = |t: &str| figure_of(&SheetCell::Text(t.into()));
        assert_eq!(text("1,234.5"), Ok(Some(1234.5)));
        assert_eq!(text("１２３．４"), Ok(Some(123.4)), "full-width digits");
        assert_eq!(text("13%"), Ok(Some(13.0)));
        assert_eq!(text("—"), Ok(None));
        assert_eq!(text("…"), Ok(None));
        assert_eq!(text("about 5"), Err("about 5".into()));
        assert_eq!(figure_of(&SheetCell::Error("#N/A".into())), Ok(None), "an error cell is a gap, never 0");
    }

    #[test]
    fn header_years_are_read_as_numbers_text_or_dates() {
        assert_eq!(year_of(&SheetCell::Text("2021年".into())), Some(2021));
        assert_eq!(year_of(&SheetCell::Number(2021.0)), Some(2021));
        assert_eq!(year_of(&SheetCell::Number(2021.5)), None);
        assert_eq!(year_of(&SheetCell::Text("指标".into())), None);
        assert_eq!(year_of(&SheetCell::Number(12.0)), None);
    }
}
