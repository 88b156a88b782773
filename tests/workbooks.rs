//! Workbooks opened without a dialog: a yearbook sheet (title, unit row, years across, growth
//! column, percentages, a note, a table starting at C4), a tidy sheet with Chinese headers, and a
//! sheet of years down and places across with the unit in its name. The fixtures are written by
//! `cargo run --example make_workbook_fixtures`.

mod support;

use std::path::{Path, PathBuf};

use trade_explorer::data::{Currency, DEFAULT_MAX_FILE_SIZE, Format, Loaded, Place, Time, Unit, Warning, load_path};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workbooks").join(name)
}

fn open(name: &str) -> Loaded {
    load_path(&fixture(name), DEFAULT_MAX_FILE_SIZE).unwrap_or_else(|e| panic!("{e}"))
}

/// A figure by entity and metric id and year, with the cell it was read from.
fn figure(loaded: &Loaded, entity: &str, metric: &str, year: i32) -> Option<(f64, String)> {
    let d = &loaded.dataset;
    let (e, m) = (d.entity_id(entity)?, d.metric_id(metric)?);
    d.observations
        .iter()
        .find(|o| o.cell.entity == e && o.cell.metric == m && o.cell.time == Time::Year(year))
        .map(|o| (o.value, d.origin_text(o).unwrap_or_default()))
}

fn unit_of(loaded: &Loaded, metric: &str) -> Unit {
    let d = &loaded.dataset;
    d.metrics[d.metric_id(metric).unwrap_or_else(|| panic!("no metric {metric}: {:?}", d.metrics)).0 as usize]
        .unit
        .clone()
}

#[test]
fn a_yearbook_sheet_opens_with_its_title_unit_place_growth_and_cells() {
    let loaded = open("yearbook.xlsx");
    assert_eq!(loaded.format, Format::Workbook);
    let d = &loaded.dataset;
    assert_eq!(d.title, "2-15 金华市对外贸易情况");
    assert!(d.description.starts_with("注:"), "the note is the description: {}", d.description);
    let [source] = d.sources.as_slice() else { panic!("one source: {:?}", d.sources) };
    assert_eq!((source.title.as_str(), source.publisher.as_str()), ("2-15 金华市对外贸易情况", "yearbook.xlsx"));
    let places: Vec<&str> = d.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(places, ["jinhua"], "金华市 in the title is the bundled Jinhua");
    assert_eq!(unit_of(&loaded, "进出口总额"), Unit::Money { currency: Currency::Yuan, multiplier: 1e8 });
    let total = |year| figure(&loaded, "jinhua", "进出口总额", year).map(|f| f.0);
    assert_eq!(total(2021), Some(6000.5));
    assert_eq!(total(2022), Some(6300.25), "a number stored as text with a thousands separator");
    assert_eq!(total(2023), Some(6615.2625), "a formula's cached result");
    // The cell each figure came from, counted from where the table starts (C4), not from A1.
    let note = figure(&loaded, "jinhua", "进出口总额", 2021).map(|f| f.1);
    assert_eq!(note.as_deref(), Some("yearbook.xlsx, '2-15'!D7"));
    // The growth column is a growth rate of its own, for the year before it.
    assert_eq!(unit_of(&loaded, "进出口总额_比上年增长"), Unit::PercentChange);
    assert_eq!(figure(&loaded, "jinhua", "进出口总额_比上年增长", 2023).map(|f| f.0), Some(5.0));
    // Cells formatted as percentages are percentages.
    assert_eq!(unit_of(&loaded, "占全省比重"), Unit::SharePercent);
    let share = figure(&loaded, "jinhua", "占全省比重", 2022).map(|f| f.0).expect("a share");
    assert!((share - 12.5).abs() < 1e-9, "{share}");
    // A dash, an error cell and a formula never computed are gaps, never zeros.
    assert_eq!(figure(&loaded, "jinhua", "出口", 2021).map(|f| f.0), Some(4500.0));
    assert_eq!(figure(&loaded, "jinhua", "出口", 2022), None);
    assert_eq!(figure(&loaded, "jinhua", "出口", 2023), None);
    assert!(figure(&loaded, "jinhua", "出口_比上年增长", 2023).is_none());
    let gaps = Warning::WorkbookGaps { errors: 1, uncached: 1, first: Place::Cell("'2-15'!F8".into()) };
    assert!(loaded.warnings.contains(&gaps), "{:?}", loaded.warnings);
}

#[test]
fn a_tidy_sheet_is_found_among_sheets_of_notes_and_its_places_matched() {
    let loaded = open("tidy.xlsx");
    let d = &loaded.dataset;
    let places: Vec<(&str, &str)> = d.entities.iter().map(|e| (e.id.as_str(), e.name.as_str())).collect();
    assert_eq!(places, [("yiwu", "Yiwu"), ("yongkang", "Yongkang"), ("atlantis", "Atlantis")]);
    assert_eq!(figure(&loaded, "yiwu", "出口", 2024).map(|f| f.0), Some(5500.0));
    assert_eq!(unit_of(&loaded, "出口"), Unit::Money { currency: Currency::Yuan, multiplier: 1e8 });
    let without = Warning::SheetsWithoutTable { sheets: vec!["说明".into()] };
    assert!(loaded.warnings.contains(&without), "the empty sheet is not named: {:?}", loaded.warnings);
}

#[test]
fn places_across_take_the_unit_from_the_sheets_name() {
    let loaded = open("places_across.xlsx");
    let d = &loaded.dataset;
    let places: Vec<&str> = d.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(places, ["jinhua", "yiwu", "yongkang"]);
    let names: Vec<&str> = d.metrics.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["出口"]);
    assert_eq!(unit_of(&loaded, "出口"), Unit::Money { currency: Currency::Yuan, multiplier: 1e8 });
    assert_eq!(figure(&loaded, "yiwu", "出口", 2023).map(|f| f.0), Some(66.0));
}

#[test]
fn a_workbook_that_unpacks_past_the_size_limit_is_refused_by_its_limit() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let sheet = vec![b' '; 8 << 20];
    let members: [(&str, &[u8]); 2] = [("[Content_Types].xml", b"<Types/>"), ("xl/worksheets/sheet1.xml", &sheet)];
    let path = support::zip_of(dir.path(), "bomb.xlsx", &members);
    let err = load_path(&path, 1 << 20).expect_err("past the limit");
    assert!(err.to_string().contains("unpacks to more than the limit of 1,048,576 bytes"), "{err}");
}

#[test]
fn the_same_tables_read_alike_from_ods_and_xls() {
    let xlsx = open("places_across.xlsx");
    let ods = open("places_across.ods");
    assert_eq!(ods.dataset.observations.len(), xlsx.dataset.observations.len());
    for (a, b) in ods.dataset.observations.iter().zip(&xlsx.dataset.observations) {
        assert_eq!((a.cell.time, a.value), (b.cell.time, b.value));
    }
    assert_eq!(ods.dataset.metrics[0].unit, xlsx.dataset.metrics[0].unit, "the unit from the sheet's name");
    let xls = open("yearbook.xls");
    for year in [2021, 2022, 2023] {
        let a = figure(&xls, "jinhua", "进出口总额", year).map(|f| f.0);
        assert_eq!(a, figure(&open("yearbook.xlsx"), "jinhua", "进出口总额", year).map(|f| f.0), "{year}");
    }
    assert_eq!(figure(&xls, "jinhua", "出口", 2023), None, "an error cell is a gap");
    // OpenDocument's percentage cells are read as stored fractions: the person is told.
    let ods = open("yearbook.ods");
    assert!(ods.warnings.contains(&Warning::PercentAsFractions), "{:?}", ods.warnings);
    assert_eq!(figure(&ods, "jinhua", "出口", 2023), None, "OpenDocument's error text is a gap too");
}

#[test]
fn merged_header_cells_give_each_column_its_year_and_growth_its_own_metric() {
    let loaded = open("merged_header.xlsx");
    let d = &loaded.dataset;
    assert_eq!(d.title, "义乌市对外贸易(亿元)", "a title merged over the width is the title");
    let places: Vec<&str> = d.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(places, ["yiwu"]);
    assert_eq!(figure(&loaded, "yiwu", "出口", 2022).map(|f| f.0), Some(4500.0));
    assert_eq!(figure(&loaded, "yiwu", "出口", 2023).map(|f| f.0), Some(5000.0));
    let growth = d.metrics.iter().find(|m| m.unit == Unit::PercentChange).expect("a growth metric");
    assert_eq!(figure(&loaded, "yiwu", &growth.id, 2023).map(|f| f.0), Some(11.1));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}
