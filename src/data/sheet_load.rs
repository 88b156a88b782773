//! A workbook's tables as figures: each sheet's shape (`sheet_shape`) read into places,
//! indicators and years, with the units its unit row, headers or name state, a growth column as
//! a growth rate of its own, the place of a one-place table from its title or sheet name
//! (matched to the bundled places' Chinese and English names, so a title naming Jinhua City in
//! Chinese is Jinhua), and every figure's cell as its origin (`'2-15'!E5`), so it can be
//! checked against the workbook.

use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::path::Path;
use std::sync::OnceLock;

use super::build::{Builder, ObservationInput, QuotePolicy};
use super::csv::{locate_row, slug};
use super::error::{LoadError, Place, Warning};
use super::model::{CellOrigin, Currency, Dataset, Entity, Metric, SheetRef, Source, Time, Unit};
use super::progress::Progress;
use super::sheet_shape::{Layout, Shape, cell_str, cell_text, figure_of, find_shape, is_growth, time_of, words};
use super::workbook::{Sheet, SheetCell, read_workbook};

/// The bundled dataset's places, to recognise Jinhua or Yiwu in a workbook, in either language.
fn known_places() -> &'static [Entity] {
    static PLACES: OnceLock<Vec<Entity>> = OnceLock::new();
    PLACES.get_or_init(|| super::load::load_bundled().map(|l| l.dataset.entities).unwrap_or_default())
}

/// Its name without the suffix of a city, county or district, lower case.
fn bare_name(name: &str) -> String {
    let mut n = name.trim();
    for suffix in &words().place_suffixes {
        n = n.trim_end_matches(suffix.as_str());
    }
    n.to_lowercase()
}

/// The bundled place a name means: its Chinese or English name, with or without the suffix of a
/// city, county or district.
pub(super) fn known_place(name: &str) -> Option<&'static Entity> {
    let bare = bare_name;
    let wanted = bare(name);
    if wanted.is_empty() {
        return None;
    }
    known_places().iter().find(|e| bare(&e.name) == wanted || e.name_zh.as_deref().is_some_and(|z| bare(z) == wanted))
}

/// The bundled place a title names (a yearbook's "2-15 Jinhua City's foreign trade", in
/// Chinese): the longest name in it.
pub(super) fn place_in(text: &str) -> Option<&'static Entity> {
    known_places()
        .iter()
        .filter_map(|e| {
            let bare = bare_name(e.name_zh.as_deref()?);
            let bare = bare.as_str();
            (bare.chars().count() >= 2 && text.contains(bare)).then_some((bare.len(), e))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, e)| e)
}

/// A name and the unit in its parentheses: `Exports (billion yuan)` → (`Exports`, `billion yuan`).
pub(super) fn split_unit(name: &str) -> (&str, Option<&str>) {
    let t = name.trim();
    let Some(inner) = t.strip_suffix(')').or_else(|| t.strip_suffix('）')) else { return (t, None) };
    match inner.rfind(['(', '（']) {
        Some(i) => {
            let open = inner[i..].chars().next().map_or(1, char::len_utf8);
            (inner[..i].trim(), Some(inner[i + open..].trim()))
        }
        None => (t, None),
    }
}

/// The unit a text states, if it names one the app knows; `growth` for a growth column's `%`.
pub(crate) fn unit_in(text: &str, growth: bool) -> Option<Unit> {
    let t = text.to_lowercase().replace(['：', ':'], " ");
    let w = words();
    if t.contains('%') || t.contains('％') {
        let share = w.share.iter().any(|s| t.contains(s.as_str()));
        return Some(match (growth, share) {
            (true, _) => Unit::PercentChange,
            (false, true) => Unit::SharePercent,
            (false, false) => Unit::Other("%".into()),
        });
    }
    let (_, currency, multiplier) = w.money.iter().find(|(word, _, _)| t.contains(word.as_str()))?;
    let currency = if currency == "usd" { Currency::Usd } else { Currency::Yuan };
    Some(Unit::Money { currency, multiplier: *multiplier })
}

/// Loads a workbook: every sheet in which a table is found.
pub(crate) fn load_workbook(
    path: &Path,
    bytes: &[u8],
    progress: &Progress,
) -> Result<(Dataset, Vec<Warning>), LoadError> {
    let sheets = read_workbook(path, bytes, &progress.limits)?;
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut builder = Builder::new(locate_row, QuotePolicy::NotExpected).limits(&progress.limits);
    builder.sheets(sheets.iter().map(|s| SheetRef { file: file.clone(), sheet: s.name.clone() }).collect());
    let mut reader = Figures::default();
    let (mut without_table, mut title, mut notes) = (Vec::new(), None, Vec::new());
    for (i, sheet) in sheets.iter().enumerate() {
        let Some(shape) = find_shape(sheet) else {
            if sheet.rows.iter().flatten().any(|c| *c != SheetCell::Empty) {
                without_table.push(sheet.name.clone());
            }
            continue;
        };
        let source = format!("sheet-{}", i + 1);
        // The sheet's title, which yearbooks number with the sheet's name ("2-15 …").
        let title_text = match &shape.title {
            Some(t) if t.contains(&sheet.name) => t.clone(),
            Some(t) => format!("{}: {t}", sheet.name),
            None => sheet.name.clone(),
        };
        let publisher = file.clone();
        builder.add_source(
            &Place::Path(sheet.name.clone()),
            Source {
                id: source.clone(),
                title: title_text,
                publisher,
                url: String::new(),
                published: None,
                retrieved: None,
            },
        );
        title = title.or_else(|| shape.title.clone());
        notes.extend(shape.notes.iter().cloned());
        reader.sheet_index = i as u32;
        reader.sheet(&mut builder, sheet, &shape, &source);
    }
    if reader.added == 0 {
        let sheets = sheets.iter().map(|s| s.name.clone()).collect();
        return Err(LoadError::NoTableInWorkbook { path: path.to_path_buf(), sheets });
    }
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    builder.describe(title.unwrap_or(stem), notes.join("\n"), (None, None));
    if !without_table.is_empty() {
        builder.warn(Warning::SheetsWithoutTable { sheets: without_table });
    }
    reader.warn(&mut builder);
    if super::text::BinaryFormat::of(bytes) == Some(super::text::BinaryFormat::Ods)
        && super::workbook::ods_has_percent_cells(bytes)
    {
        builder.warn(Warning::PercentAsFractions);
    }
    builder.finish().map_err(|(problems, more)| LoadError::Invalid { path: path.to_path_buf(), problems, more })
}

/// What reading the sheets' figures keeps.
#[derive(Default)]
pub(super) struct Figures {
    /// The sheet being read, by place in the workbook.
    sheet_index: u32,
    /// Entity ids declared.
    declared: FxHashSet<String>,
    /// The order of each name's entity in `entity_list`, so a name is matched once, not per
    /// figure.
    entity_ids: FxHashMap<String, u32>,
    /// The entity id of each name, in the order first seen.
    entity_list: Vec<String>,
    /// Metrics declared: name, unit and id.
    metrics: Vec<(String, Unit, String)>,
    /// The metric of the last figure: rows of one indicator come together.
    last_metric: Option<u32>,
    /// The cells given a figure: entity, metric (by their order), time.
    cells: FxHashSet<(u32, u32, Time)>,
    pub(super) added: usize,
    /// Error cells and formulas without results, and the first.
    gaps: (usize, usize, Option<Place>),
    /// Cells of words where a figure belongs: how many, the first and its text.
    skipped: (usize, Option<(Place, String)>),
    /// Figures given twice: how many, and the first repeat.
    repeated: (usize, Option<Place>),
}

/// A column of a year: its place in the grid and the year.
type YearColumn = (usize, i32);

/// A sheet's table as its figures are read: where it is, its source, its unit, and the one
/// place and indicator it is of when its rows and columns are the other.
struct SheetTable<'a> {
    sheet: &'a Sheet,
    shape: &'a Shape,
    source: &'a str,
    unit: Option<Unit>,
    lone_place: String,
    lone_indicator: String,
}

impl SheetTable<'_> {
    /// A label's role: the place (and the table's indicator) when the labels are places, else
    /// the indicator of the table's place.
    fn roles<'n>(&'n self, name: &'n str, places: bool) -> (&'n str, &'n str) {
        if places { (name, &self.lone_indicator) } else { (&self.lone_place, name) }
    }
}

/// One figure's place in its table: the place and indicator (name, unit), its time, and the
/// grid cell it is in.
pub(super) struct Figure<'a> {
    pub(super) place: &'a str,
    pub(super) indicator: (&'a str, Option<Unit>),
    pub(super) time: Time,
    pub(super) cell: (usize, usize),
}

impl Figures {
    /// Reads one sheet's table.
    fn sheet(&mut self, builder: &mut Builder, sheet: &Sheet, shape: &Shape, source: &str) {
        let sheet_name = split_unit(&sheet.name);
        // The unit row; else the unit in the title's or the sheet name's parentheses.
        let title_unit = shape.title.as_deref().and_then(|t| split_unit(t).1);
        let unit = [shape.unit.as_deref(), title_unit, sheet_name.1, Some(&sheet.name)]
            .into_iter()
            .flatten()
            .find_map(|u| unit_in(u, false));
        // The one place or indicator the table is of, when its rows and columns are the other.
        let title = shape.title.clone().unwrap_or_default();
        let lone_place =
            place_in(&title).or_else(|| place_in(&sheet.name)).map_or(sheet_name.0.to_string(), |e| e.name.clone());
        let table = SheetTable { sheet, shape, source, unit, lone_place, lone_indicator: sheet_name.0.to_string() };
        match &shape.layout {
            Layout::YearsAcross { label, years, growth } => self.years_across(builder, &table, *label, (years, growth)),
            Layout::YearsDown { year, series } => self.years_down(builder, &table, *year, series),
            Layout::Tidy { place, indicator, year, value, unit } => {
                for r in shape.rows.clone() {
                    let text = |c: usize| cell_str(sheet.cell(r, c));
                    let Some(time) = time_of(sheet.cell(r, *year)) else { continue };
                    let place = place.map_or(Cow::Borrowed(table.lone_place.as_str()), text);
                    let indicator = indicator.map_or(Cow::Borrowed(table.lone_indicator.as_str()), text);
                    let (name, name_unit) = split_unit(&indicator);
                    let stated = unit.map(text);
                    let stated = stated.as_deref().filter(|u| !u.is_empty()).or(name_unit);
                    let unit = stated.and_then(|u| unit_in(u, is_growth(name))).or_else(|| table.unit.clone());
                    if !place.is_empty() && !name.is_empty() {
                        let figure = Figure { place: &place, indicator: (name, unit), time, cell: (r, *value) };
                        self.figure(builder, sheet, &figure, source);
                    }
                }
            }
        }
    }

    /// Years across: each row an indicator of the table's place (or a place, when most labels
    /// are places), each year column a year, each growth column a growth rate of its own.
    fn years_across(
        &mut self,
        builder: &mut Builder,
        table: &SheetTable<'_>,
        label: usize,
        (years, growth): (&[YearColumn], &[YearColumn]),
    ) {
        let SheetTable { sheet, shape, source, .. } = *table;
        let text = |r: usize| cell_text(sheet.cell(r, label));
        let labels: Vec<String> = shape.rows.clone().map(text).collect();
        let places = labels.iter().filter(|l| known_place(l).is_some()).count() * 2 > labels.len();
        for r in shape.rows.clone() {
            let label = text(r);
            if label.is_empty() {
                continue;
            }
            let (name, unit) = split_unit(&label);
            let name = name.to_string();
            // A row of cells formatted as percentages is in percent, whatever the table's unit.
            let percent =
                years.iter().all(|&(c, _)| matches!(sheet.cell(r, c), SheetCell::Percent(_) | SheetCell::Empty));
            let unit = unit
                .and_then(|u| unit_in(u, false))
                .or_else(|| percent.then(|| unit_in(&format!("{name} %"), false)).flatten())
                .or_else(|| table.unit.clone());
            let (place, indicator) = table.roles(&name, places);
            for &(c, year) in years {
                let figure =
                    Figure { place, indicator: (indicator, unit.clone()), time: Time::Year(year), cell: (r, c) };
                self.figure(builder, sheet, &figure, source);
            }
            for &(c, year) in growth {
                let name = format!("{indicator}: {}", shape.names[c]);
                let figure = Figure {
                    place,
                    indicator: (&name, Some(Unit::PercentChange)),
                    time: Time::Year(year),
                    cell: (r, c),
                };
                self.figure(builder, sheet, &figure, source);
            }
        }
    }

    /// Years down: each column a place (or an indicator, when its headers are no places).
    fn years_down(&mut self, builder: &mut Builder, table: &SheetTable<'_>, year: usize, series: &[usize]) {
        let SheetTable { sheet, shape, source, .. } = *table;
        let places =
            series.iter().filter(|&&c| known_place(split_unit(&shape.names[c]).0).is_some()).count() * 2 > series.len();
        for r in shape.rows.clone() {
            let Some(time) = time_of(sheet.cell(r, year)) else { continue };
            for &c in series {
                let (name, unit) = split_unit(&shape.names[c]);
                let growth = is_growth(&shape.names[c]);
                let unit = unit
                    .and_then(|u| unit_in(u, growth))
                    .or_else(|| if growth { Some(Unit::PercentChange) } else { table.unit.clone() });
                let (place, indicator) = table.roles(name, places);
                self.figure(
                    builder,
                    sheet,
                    &Figure { place, indicator: (indicator, unit), time, cell: (r, c) },
                    source,
                );
            }
        }
    }

    /// Adds one figure, declaring its place and indicator on first use; a gap, a word or a
    /// repeat is counted for the warnings instead.
    pub(super) fn figure(&mut self, builder: &mut Builder, sheet: &Sheet, figure: &Figure<'_>, source: &str) {
        let (r, c) = figure.cell;
        let cell = sheet.cell(r, c);
        let at = || Place::Cell(sheet.address(r, c));
        match cell {
            SheetCell::Error(_) => self.gaps.0 += 1,
            SheetCell::Uncached => self.gaps.1 += 1,
            _ => {}
        }
        if matches!(cell, SheetCell::Error(_) | SheetCell::Uncached) {
            self.gaps.2.get_or_insert_with(at);
        }
        let value = match figure_of(cell) {
            Ok(Some(v)) => v,
            Ok(None) => return,
            Err(text) => {
                self.skipped.0 += 1;
                self.skipped.1.get_or_insert_with(|| (at(), text));
                return;
            }
        };
        let e = self.entity(builder, figure.place, at);
        let m = self.metric(builder, figure.indicator.0, figure.indicator.1.as_ref(), at);
        if !self.cells.insert((e, m, figure.time)) {
            self.repeated.0 += 1;
            self.repeated.1.get_or_insert_with(at);
            return;
        }
        let origin = CellOrigin::new(self.sheet_index, sheet.origin.0 + r as u32, sheet.origin.1 + c as u32);
        let (entity, metric) = (&self.entity_list[e as usize], &self.metrics[m as usize].2);
        let input =
            ObservationInput { origin, ..ObservationInput::plain(entity, metric, figure.time, value, Some(source)) };
        builder.add_observation(self.added, input);
        self.added += 1;
    }

    /// The id of a place, declared on first use: a bundled place's id and names when it is one.
    fn entity(&mut self, builder: &mut Builder, name: &str, at: impl Fn() -> Place) -> u32 {
        if let Some(&order) = self.entity_ids.get(name) {
            return order;
        }
        let known = known_place(name);
        let id = known.map_or_else(|| slug(name), |e| e.id.clone());
        if self.declared.insert(format!("e:{id}")) {
            let entity = match known {
                Some(e) => Entity { parent: None, ..e.clone() },
                None => Entity {
                    id: id.clone(),
                    name: name.to_string(),
                    name_zh: None,
                    kind: String::new(),
                    parent: None,
                    aggregate: false,
                },
            };
            builder.add_entity(&at(), entity, None);
        }
        let order = self.entity_list.len() as u32;
        self.entity_ids.insert(name.to_string(), order);
        self.entity_list.push(id);
        order
    }

    /// The id of an indicator in a unit, declared on first use (the same name in another unit is
    /// another metric, never one mixed with it).
    fn metric(&mut self, builder: &mut Builder, name: &str, unit: Option<&Unit>, at: impl Fn() -> Place) -> u32 {
        let none = Unit::Other(String::new());
        let wanted = unit.unwrap_or(&none);
        let is_it = |(n, u, _): &(String, Unit, String)| n == name && u == wanted;
        if let Some(k) = self.last_metric.filter(|&k| is_it(&self.metrics[k as usize])) {
            return k;
        }
        if let Some(k) = self.metrics.iter().position(is_it) {
            self.last_metric = Some(k as u32);
            return k as u32;
        }
        let unit = wanted.clone();
        let mut id = slug(name);
        if self.metrics.iter().any(|(_, _, other)| *other == id) {
            id = format!("{id}-{}", slug(&unit.id()));
        }
        let order = self.metrics.len() as u32;
        self.metrics.push((name.to_string(), unit.clone(), id.clone()));
        builder.add_metric(&at(), Metric::plain(id, name.to_string(), unit, String::new()));
        self.last_metric = Some(order);
        order
    }

    pub(super) fn warn(self, builder: &mut Builder) {
        if let (errors, uncached, Some(first)) = self.gaps {
            builder.warn(Warning::WorkbookGaps { errors, uncached, first });
        }
        if let (count, Some((first, text))) = self.skipped {
            builder.warn(Warning::SkippedWorkbookCells { count, first, text });
        }
        if let (count, Some(first)) = self.repeated {
            builder.warn(Warning::RepeatedRows { count, first });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_read_from_chinese_and_english_words() {
        let money = |currency, multiplier| Some(Unit::Money { currency, multiplier });
        assert_eq!(unit_in("单位:亿元", false), money(Currency::Yuan, 1e8));
        assert_eq!(unit_in("单位：万美元", false), money(Currency::Usd, 1e4));
        assert_eq!(unit_in("万元", false), money(Currency::Yuan, 1e4));
        assert_eq!(unit_in("US$ million", false), money(Currency::Usd, 1e6));
        assert_eq!(unit_in("billion yuan", false), money(Currency::Yuan, 1e9));
        assert_eq!(unit_in("%", true), Some(Unit::PercentChange));
        assert_eq!(unit_in("占全省比重(%)", false), Some(Unit::SharePercent));
        assert_eq!(unit_in("TEU", false), None);
    }

    #[test]
    fn a_name_gives_up_the_unit_in_its_parentheses() {
        assert_eq!(split_unit("出口(亿元)"), ("出口", Some("亿元")));
        assert_eq!(split_unit("出口（亿元）"), ("出口", Some("亿元")));
        assert_eq!(split_unit("Exports"), ("Exports", None));
    }

    #[test]
    fn bundled_places_are_recognised_in_titles_and_labels() {
        assert_eq!(place_in("2-15 金华市对外贸易情况").map(|e| e.id.as_str()), Some("jinhua"));
        assert_eq!(place_in("义乌市进出口").map(|e| e.id.as_str()), Some("yiwu"));
        assert_eq!(known_place("义乌市").map(|e| e.id.as_str()), Some("yiwu"));
        assert_eq!(known_place("Yongkang").map(|e| e.id.as_str()), Some("yongkang"));
        assert!(known_place("出口").is_none());
    }
}
