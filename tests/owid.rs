//! Our World in Data CSVs, with and without their datapackage.json, opened as a user opens them.

mod support;

use std::path::{Path, PathBuf};

use support::zip_of;

use trade_explorer::data::query::line_chart;
use trade_explorer::data::{DEFAULT_MAX_FILE_SIZE, Filter, Time, Unit, load_path};
use trade_explorer::l10n::Lang;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/owid").join(name)
}

#[test]
fn the_csv_beside_its_package_takes_title_sources_units_and_descriptions() {
    let loaded = load_path(&fixture("trade-share-of-gdp.csv"), DEFAULT_MAX_FILE_SIZE).unwrap_or_else(|e| panic!("{e}"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let d = &loaded.dataset;
    assert!(d.title.starts_with("Trade as a share of GDP"));
    assert_eq!(d.sources.len(), 1);
    assert_eq!(d.sources[0].publisher, "World Bank");
    assert_eq!(d.sources[0].retrieved.as_deref(), Some("2026-10-01"));
    let trade = &d.metrics[0];
    assert_eq!(trade.name, "Trade (% of GDP)");
    assert_eq!(trade.unit, Unit::Other("% of GDP".into()));
    assert!(trade.description.starts_with("The sum of exports and imports"));
    assert!(matches!(d.metrics[1].unit, Unit::Money { .. }), "usd is money in dollars");
    let names: Vec<&str> = d.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["China", "Korea, Rep.", "World", "Côte d'Ivoire", "Türkiye"]);
    assert!(d.observations.iter().all(|o| o.source.is_some()));
}

#[test]
fn opening_the_package_itself_opens_its_csv() {
    let from_package = load_path(&fixture("datapackage.json"), DEFAULT_MAX_FILE_SIZE).unwrap_or_else(|e| panic!("{e}"));
    let from_csv =
        load_path(&fixture("trade-share-of-gdp.csv"), DEFAULT_MAX_FILE_SIZE).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_package.dataset, from_csv.dataset);
}

#[test]
fn gaps_stay_gaps_and_empty_cells_are_not_zeros() {
    let loaded = load_path(&fixture("trade-share-of-gdp.csv"), DEFAULT_MAX_FILE_SIZE).unwrap_or_else(|e| panic!("{e}"));
    let d = &loaded.dataset;
    let mut filter = Filter::initial(d);
    filter.entities = ["china".to_string()].into();
    filter.metrics = [d.metrics[1].id.clone()].into();
    let chart = line_chart(d, &filter);
    let china = &chart.series[0];
    let years: Vec<Time> = china.points.iter().map(|p| p.time).collect();
    assert_eq!(years, [Time::Year(2018), Time::Year(2019), Time::Year(2022)], "2020 is empty, 2021 absent");
    assert_eq!(china.segments().len(), 2);
    assert_eq!(trade_explorer::l10n::line_words(d, &chart, Lang::EN).unit_label, "billion US dollars");
    assert!((china.points[0].value.unwrap() - 2486.8).abs() < 1e-6);
}

#[test]
fn without_a_package_the_csv_opens_with_a_warning() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("alone.csv");
    std::fs::copy(fixture("trade-share-of-gdp.csv"), &path).expect("copied");
    let loaded = load_path(&path, DEFAULT_MAX_FILE_SIZE).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.dataset.metrics[0].name, "Trade as share of GDP (exports plus imports, % of GDP)");
    assert!(loaded.warnings.iter().any(|w| w.to_string().contains("no datapackage.json")), "{:?}", loaded.warnings);
}

#[test]
fn a_package_describing_another_file_is_not_applied() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::copy(fixture("datapackage.json"), dir.path().join("datapackage.json")).expect("copied");
    let text = std::fs::read_to_string(fixture("trade-share-of-gdp.csv")).expect("read");
    std::fs::write(dir.path().join("other.csv"), &text).expect("written");
    std::fs::write(dir.path().join("trade-share-of-gdp.csv"), &text).expect("written");
    let loaded = load_path(&dir.path().join("other.csv"), DEFAULT_MAX_FILE_SIZE).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.dataset.sources.len(), 0);
    // There is a package beside it: the warning says whose it is, not that there is none.
    let warning = loaded
        .warnings
        .iter()
        .map(ToString::to_string)
        .find(|w| w.contains("datapackage.json"))
        .expect("a warning about the package");
    assert!(warning.contains("describes other files (trade-share-of-gdp.csv), not other.csv"), "{:?}", loaded.warnings);
    assert!(!warning.contains("no datapackage.json"), "{warning}");
}

#[test]
fn a_downloaded_chart_takes_its_title_units_citations_and_selection_from_its_metadata() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/owid-download/gdp-growth.csv");
    let loaded = load_path(&path, DEFAULT_MAX_FILE_SIZE).expect("opens");
    let d = &loaded.dataset;
    assert!(loaded.warnings.is_empty(), "no 'no datapackage.json': {:?}", loaded.warnings);
    assert_eq!(d.title, "Annual GDP growth");
    assert_eq!(d.description, "Annual percent change in gross domestic product, adjusted for inflation.");
    let observed = d.metrics.iter().find(|m| m.name == "GDP growth (observed)").expect("titled from titleShort");
    assert_eq!(observed.unit, Unit::Other("%".into()));
    assert!(observed.description.contains("Measured in local currency."), "{}", observed.description);
    // Each indicator cites its own source, with the chart's address and the download date.
    let source_of = |name: &str| {
        let o = d.observations.iter().find(|o| d.metric(o.cell.metric).name == name).expect("a figure");
        d.source(o.source.expect("a source"))
    };
    let forecast = source_of("GDP growth (forecast)");
    assert_eq!(forecast.title, "Test Fund (2025) – forecasts.");
    assert_eq!(forecast.url, "https://ourworldindata.org/grapher/gdp-growth");
    assert_eq!(forecast.retrieved.as_deref(), Some("2025-08-07"));
    assert_ne!(source_of("GDP growth (observed)").title, forecast.title);
    // The chart's selection, in its order, without the place the file lacks.
    let selected: Vec<&str> = d.default_entities.iter().map(|&e| d.entity(e).name.as_str()).collect();
    assert_eq!(selected, ["United States", "Japan", "China"]);
    let filter = trade_explorer::data::Filter::initial(d);
    assert!(filter.entities.contains("united_states") && !filter.entities.contains("afghanistan"), "{filter:?}");
    // The chart's footer names the publisher of both indicators once.
    let words = trade_explorer::l10n::line_words(d, &line_chart(d, &filter), Lang::EN);
    assert_eq!(words.sources.matches("Test Fund (2025)").count(), 1, "{}", words.sources);
}

#[test]
fn a_downloaded_zip_opens_with_the_metadata_inside_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/owid-download");
    let csv = std::fs::read(folder.join("gdp-growth.csv")).expect("the fixture");
    let metadata = std::fs::read(folder.join("gdp-growth.metadata.json")).expect("the fixture");
    let readme = b"# Annual GDP growth\n";
    let members: [(&str, &[u8]); 3] =
        [("gdp-growth.csv", &csv), ("gdp-growth.metadata.json", &metadata), ("readme.md", readme)];
    let loaded = load_path(&zip_of(dir.path(), "gdp-growth.zip", &members), DEFAULT_MAX_FILE_SIZE).expect("opens");
    assert_eq!(loaded.dataset.title, "Annual GDP growth");
    assert_eq!(loaded.dataset.default_entities.len(), 3, "the chart's selection");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);

    let two: [(&str, &[u8]); 2] = [("a.csv", &csv), ("b.csv", &csv)];
    let two_zip = zip_of(dir.path(), "two.zip", &two);
    let err = load_path(&two_zip, DEFAULT_MAX_FILE_SIZE).expect_err("which CSV?");
    assert!(err.to_string().contains("several tables (a.csv, b.csv)"), "{err}");
    // The table chosen is named after the archive's path.
    let b = load_path(&two_zip.join("b.csv"), DEFAULT_MAX_FILE_SIZE).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(b.dataset.title, "b");
    let err = load_path(&two_zip.join("c.csv"), DEFAULT_MAX_FILE_SIZE).expect_err("no such member");
    assert!(err.to_string().contains("two.zip/c.csv"), "{err}");
}

#[test]
fn a_zip_that_unpacks_past_the_size_limit_is_refused_before_it_fills_memory() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // 8 MB of one repeated row deflates to a few kilobytes.
    let mut rows = b"Entity,Year,Value\n".to_vec();
    while rows.len() < 8 << 20 {
        rows.extend_from_slice(b"World,2020,1\n");
    }
    let path = zip_of(dir.path(), "bomb.zip", &[("bomb.csv", &rows)]);
    assert!(std::fs::metadata(&path).expect("written").len() < 100_000);
    let err = load_path(&path, 1 << 20).expect_err("past the limit");
    let text = err.to_string();
    assert!(text.contains("bomb.zip/bomb.csv: unpacks to more than the limit of 1,048,576 bytes"), "{text}");
}

#[test]
fn without_a_selection_the_world_and_the_largest_places_are_shown_first() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("population.csv");
    let rows = "Entity,Code,Year,Population\n\
        Afghanistan,AFG,2023,42\nAfrica,,2023,1460\nAlbania,ALB,2023,3\nChina,CHN,2022,1412\nChina,CHN,2023,1410\n\
        High-income countries,,2023,1250\nIndia,IND,2023,1430\nKosovo,OWID_KOS,2023,2\nUnited States,USA,2023,335\n\
        Indonesia,IDN,2023,278\nPakistan,PAK,2023,240\nWorld,OWID_WRL,2023,8090\n";
    std::fs::write(&path, rows).expect("written");
    let loaded = load_path(&path, DEFAULT_MAX_FILE_SIZE).expect("opens");
    let d = &loaded.dataset;
    let aggregate = |name: &str| d.entities.iter().find(|e| e.name == name).expect("an entity").aggregate;
    assert!(aggregate("World") && aggregate("Africa") && aggregate("High-income countries"));
    assert!(!aggregate("Kosovo") && !aggregate("China"), "OWID_KOS is a place of its own");
    let filter = Filter::initial(d);
    let shown: Vec<&str> = ["world", "india", "china", "united_states", "indonesia"]
        .into_iter()
        .filter(|id| filter.entities.contains(*id))
        .collect();
    assert_eq!(shown.len(), 5, "World and the four largest by their latest value: {:?}", filter.entities);
    assert!(!filter.entities.contains("afghanistan") && !filter.entities.contains("africa"), "{:?}", filter.entities);
}

#[test]
fn without_a_code_column_aggregates_are_known_by_their_names() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("waste.csv");
    let rows = "Entity,Year,Imports\nAsia,2021,1500\nChina,2021,900\nEurope,2021,2600\nGermany,2021,700\n\
        High-income countries,2021,3300\nAfrica (FAO),2021,40\nAsia (excl. China),2021,600\nJapan,2021,300\nWorld,2021,4900\n";
    std::fs::write(&path, rows).expect("written");
    let d = load_path(&path, DEFAULT_MAX_FILE_SIZE).expect("opens").dataset;
    let aggregates: Vec<&str> = d.entities.iter().filter(|e| e.aggregate).map(|e| e.name.as_str()).collect();
    assert_eq!(aggregates, ["Asia", "Europe", "High-income countries", "Africa (FAO)", "Asia (excl. China)", "World"]);
    let filter = Filter::initial(&d);
    let expected: std::collections::BTreeSet<String> =
        ["world", "china", "germany", "japan"].into_iter().map(String::from).collect();
    assert_eq!(filter.entities, expected);
}
