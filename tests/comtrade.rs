//! UN Comtrade exports from its data portal (the 47-column CSV), opened as a user opens them.

use std::path::{Path, PathBuf};

use trade_explorer::data::{Currency, DEFAULT_MAX_FILE_SIZE, Format, Loaded, Time, Unit, Warning, load_path};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/comtrade").join(name)
}

fn open(name: &str) -> Loaded {
    load_path(&fixture(name), DEFAULT_MAX_FILE_SIZE).unwrap_or_else(|e| panic!("{e}"))
}

/// A figure by reporter, flow, category (`None`: the whole) and time.
fn value(loaded: &Loaded, (entity, metric, category): (&str, &str, Option<&str>), time: Time) -> Option<f64> {
    let d = &loaded.dataset;
    let (e, m) = (d.entity_id(entity)?, d.metric_id(metric)?);
    let c = match category {
        Some(id) => Some(d.categories.iter().position(|c| c.id == id)?),
        None => None,
    };
    d.observations
        .iter()
        .find(|o| {
            o.cell.entity == e
                && o.cell.metric == m
                && o.cell.category.map(|c| c.index() as usize) == c
                && o.cell.time == time
        })
        .map(|o| o.value)
}

#[test]
fn reporters_are_places_flows_are_metrics_in_dollars_and_the_world_row_is_the_whole() {
    let loaded = open("comtrade_annual.csv");
    assert_eq!(loaded.format, Format::Comtrade);
    let d = &loaded.dataset;
    let names: Vec<&str> = d.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["China", "USA"]);
    let flows: Vec<&str> = d.metrics.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(flows, ["Export", "Import", "Re-export"]);
    assert!(d.metrics.iter().all(|m| m.unit == Unit::Money { currency: Currency::Usd, multiplier: 1.0 }));
    let y2022 = Time::Year(2022);
    assert_eq!(value(&loaded, ("chn", "export", None), y2022), Some(3_593_600_000_000.0), "never converted");
    assert_eq!(value(&loaded, ("chn", "export", Some("partner-usa")), y2022), Some(581_800_000_000.0));
    assert_eq!(value(&loaded, ("chn", "import", Some("partner-jpn")), y2022), Some(184_500_000_000.0));
    let [source] = d.sources.as_slice() else { panic!("one source: {:?}", d.sources) };
    assert_eq!(source.title, "UN Comtrade, HS 2022 (H6)");
    assert_eq!(d.title, source.title);
}

#[test]
fn each_kind_of_part_is_a_dimension_of_its_own_so_nothing_is_added_in_twice() {
    let loaded = open("comtrade_annual.csv");
    let d = &loaded.dataset;
    let dimension = |id: &str| d.categories.iter().find(|c| c.id == id).and_then(|c| c.dimension.clone());
    assert_eq!(dimension("partner-usa").as_deref(), Some("partner"));
    assert_eq!(dimension("commodity-85").as_deref(), Some("commodity_2"));
    // 8517 lies inside 85: another level, another dimension, never stacked on its chapter.
    assert_eq!(dimension("commodity-8517").as_deref(), Some("commodity_4"));
    assert_eq!(dimension("partner-usa-commodity-85").as_deref(), Some("partner_commodity_2"));
    // The rows by mode of transport, customs procedure and second partner are left out: the
    // whole is the total row's, not a sum with them.
    assert_eq!(value(&loaded, ("chn", "export", None), Time::Year(2022)), Some(3_593_600_000_000.0));
    assert!(loaded.warnings.contains(&Warning::ComtradeBreakdowns { count: 3 }), "{:?}", loaded.warnings);
    // The same figure in an older classification repeats a cell: the first is kept, and said so.
    let repeated = loaded.warnings.iter().any(|w| matches!(w, Warning::RepeatedRows { count: 1, .. }));
    assert!(repeated, "{:?}", loaded.warnings);
}

#[test]
fn monthly_figures_take_their_month_from_the_period() {
    let loaded = open("comtrade_monthly.csv");
    let feb = Time::month(2023, 2).expect("a month");
    assert_eq!(value(&loaded, ("chn", "export", None), feb), Some(250_000_000_000.0));
    assert_eq!(loaded.dataset.observations.len(), 3);
}

#[test]
fn a_latin1_export_is_recognised_by_its_header_and_decoded() {
    let loaded = open("comtrade_latin1.csv");
    assert_eq!(loaded.dataset.entities[0].name, "Côte d'Ivoire");
    assert!(loaded.warnings.contains(&Warning::Latin1), "{:?}", loaded.warnings);
    // Any other CSV in Latin-1 is still refused at its first bad byte.
    let other = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/csv_latin1.csv");
    assert!(load_path(&other, DEFAULT_MAX_FILE_SIZE).is_err());
}

#[test]
fn a_damaged_export_says_it_was_read_as_comtrade_and_where() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("TradeData.csv");
    let text = std::fs::read_to_string(fixture("comtrade_monthly.csv")).expect("read");
    std::fs::write(&path, text.replacen(",300000000000,0,", ",3OO,0,", 1)).expect("written");
    let message = load_path(&path, DEFAULT_MAX_FILE_SIZE).expect_err("a value that is no number").to_string();
    assert!(message.contains("row 2, column `primaryValue`"), "{message}");
    assert!(message.contains("(read as UN Comtrade export)"), "{message}");
}

#[test]
fn a_row_cut_short_in_a_windows_file_is_named_by_its_own_line() {
    // Saved again on Windows (CRLF) with the third row's last cells lost: the message must name
    // line 4, the line a person finds it on, not the line before.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("TradeData.csv");
    let text = std::fs::read_to_string(fixture("comtrade_annual.csv")).expect("read");
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let cut = lines[3].rfind(',').expect("a row of cells");
    lines[3].truncate(cut);
    std::fs::write(&path, lines.join("\r\n") + "\r\n").expect("written");
    let message = load_path(&path, DEFAULT_MAX_FILE_SIZE).expect_err("a row a cell short").to_string();
    assert!(message.contains("line 4"), "{message}");
    assert!(message.contains("(read as UN Comtrade export)"), "{message}");
}
