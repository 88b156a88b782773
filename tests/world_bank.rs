//! World Bank tables in each layout it hands out, opened as a user opens them: the indicator
//! download (alone, beside its metadata, zipped), the WDI bulk download and DataBank exports
//! (years in columns or in rows, and re-saved by a European spreadsheet program).

use std::path::{Path, PathBuf};
use std::process::Command;

use trade_explorer::data::world_bank::WorldBankLayout;
use trade_explorer::data::{Currency, DEFAULT_MAX_FILE_SIZE, Filter, Format, Loaded, Time, Unit, Warning, load_path};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/world-bank").join(name)
}

fn open(name: &str) -> Loaded {
    load_path(&fixture(name), DEFAULT_MAX_FILE_SIZE).unwrap_or_else(|e| panic!("{e}"))
}

const INDICATOR: &str = "indicator/API_NE.EXP.GNFS.CD_DS2_en_csv_v2_1.csv";

/// The value of one country's figure for a year, by entity and metric id.
fn value(loaded: &Loaded, entity: &str, metric: &str, year: i32) -> Option<f64> {
    let d = &loaded.dataset;
    let (e, m) = (d.entity_id(entity)?, d.metric_id(metric)?);
    d.observations
        .iter()
        .find(|o| o.cell.entity == e && o.cell.metric == m && o.cell.time == Time::Year(year))
        .map(|o| o.value)
}

#[test]
fn the_indicator_download_opens_with_its_unit_source_regions_and_aggregates() {
    let loaded = open(INDICATOR);
    assert_eq!(loaded.format, Format::WorldBank(WorldBankLayout::Indicator));
    let d = &loaded.dataset;
    assert_eq!(d.title, "Exports of goods and services (current US$)");
    assert!(d.description.starts_with("Exports of goods and services represent"), "from the indicator metadata");
    let [metric] = d.metrics.as_slice() else { panic!("one metric: {:?}", d.metrics) };
    assert_eq!(metric.unit, Unit::Money { currency: Currency::Usd, multiplier: 1.0 }, "current US$ stays dollars");
    let [source] = d.sources.as_slice() else { panic!("one source: {:?}", d.sources) };
    assert_eq!(source.url, "https://data.worldbank.org/indicator/NE.EXP.GNFS.CD");
    assert!(source.title.starts_with("World Development Indicators"), "{}", source.title);
    assert!(source.publisher.starts_with("World Bank national accounts data"), "{}", source.publisher);
    assert_eq!(source.published.as_deref(), Some("2024-06-28"));
    // Empty cells from 1960 on are gaps, not zeros; the trailing comma adds no column.
    assert_eq!(value(&loaded, "chn", "ne_exp_gnfs_cd", 2021), Some(3.5e12));
    assert_eq!(value(&loaded, "chn", "ne_exp_gnfs_cd", 1960), None);
    assert_eq!(d.entity(d.entity_id("hkg").unwrap()).name, "Hong Kong SAR, China");
    // Aggregates are the rows the country metadata gives no region.
    let aggregates: Vec<&str> = d.entities.iter().filter(|e| e.aggregate).map(|e| e.id.as_str()).collect();
    assert_eq!(aggregates, ["afe", "hic", "wld"]);
    let names: Vec<&str> = d.attributes.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Region", "Income Group"]);
    let china = d.entity_id("chn").unwrap().0 as usize;
    let region = &d.attributes[0];
    assert_eq!(region.of_entity[china].map(|v| region.values[v as usize].as_str()), Some("East Asia & Pacific"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

#[test]
fn the_zipped_download_opens_as_the_files_beside_each_other_do() {
    let zipped = open("API_NE.EXP.GNFS.CD_DS2_en_csv_v2_1.zip");
    let unzipped = open(INDICATOR);
    assert_eq!(zipped.format, Format::WorldBank(WorldBankLayout::Indicator));
    assert_eq!(zipped.dataset.observations, unzipped.dataset.observations);
    assert_eq!(zipped.dataset.attributes, unzipped.dataset.attributes, "the metadata inside the zip is read");
    assert_eq!(zipped.dataset.sources[0].publisher, unzipped.dataset.sources[0].publisher);
}

#[test]
fn without_metadata_aggregates_are_known_by_the_world_banks_codes() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let alone = dir.path().join("API_NE.EXP.GNFS.CD_DS2_en_csv_v2_1.csv");
    std::fs::copy(fixture(INDICATOR), &alone).expect("copied");
    let loaded = load_path(&alone, DEFAULT_MAX_FILE_SIZE).unwrap_or_else(|e| panic!("{e}"));
    let d = &loaded.dataset;
    let aggregates: Vec<&str> = d.entities.iter().filter(|e| e.aggregate).map(|e| e.id.as_str()).collect();
    assert_eq!(aggregates, ["afe", "hic", "wld"]);
    assert!(d.attributes.is_empty());
    // The first view: the World and the largest countries by their latest value.
    let first = Filter::initial(d).entities;
    assert!(["wld", "chn", "usa", "deu", "hkg"].iter().all(|id| first.contains(*id)), "{first:?}");
    assert!(!first.contains("hic") && !first.contains("afe"), "other aggregates do not crowd out countries");
}

#[test]
fn the_bulk_download_reads_its_country_and_series_files() {
    let loaded = open("bulk/WDICSV.csv");
    assert_eq!(loaded.format, Format::WorldBank(WorldBankLayout::Bulk));
    let d = &loaded.dataset;
    assert_eq!(d.metrics.len(), 2);
    let imports = &d.metrics[d.metric_id("ne_imp_gnfs_zs").unwrap().0 as usize];
    assert_eq!(imports.unit, Unit::Other("% of GDP".into()));
    assert!(imports.description.starts_with("Imports of goods and services represent"), "from WDISeries.csv");
    assert_eq!(value(&loaded, "usa", "ne_imp_gnfs_zs", 2022), Some(20.5));
    let income = d.attributes.iter().find(|a| a.name == "Income Group").expect("WDICountry's Income Group");
    assert!(income.values.contains(&"Upper middle income".to_string()));
    assert!(d.entity(d.entity_id("wld").unwrap()).aggregate);
}

#[test]
fn a_databank_export_reads_two_dots_as_gaps_and_its_footer_as_the_database() {
    let loaded = open("databank_wide.csv");
    assert_eq!(loaded.format, Format::WorldBank(WorldBankLayout::DataBank));
    let d = &loaded.dataset;
    assert_eq!(value(&loaded, "chn", "ne_exp_gnfs_cd", 2022), Some(3.7e12));
    assert_eq!(value(&loaded, "chn", "ne_exp_gnfs_cd", 2023), None, "`..` is a gap");
    let ppp = &d.metrics[d.metric_id("ny_gdp_pcap_pp_cd").unwrap().0 as usize];
    assert_eq!(ppp.name, "GDP per capita, PPP (current international $)", "a quoted comma stays in the name");
    assert!(d.sources.iter().all(|s| s.published.as_deref() == Some("06/28/2024")), "{:?}", d.sources);
    assert!(loaded.warnings.is_empty(), "the footer is no row of figures: {:?}", loaded.warnings);
}

#[test]
fn a_databank_export_with_years_in_rows_reads_each_series_column() {
    let loaded = open("databank_time_rows.csv");
    let d = &loaded.dataset;
    let names: Vec<&str> = d.metrics.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Exports of goods and services (current US$)", "Imports of goods and services (% of GDP)"]);
    assert_eq!(value(&loaded, "usa", "ne_exp_gnfs_cd", 2021), Some(2.5e12));
    assert_eq!(value(&loaded, "wld", "ne_imp_gnfs_zs", 2021), None);
    assert_eq!(value(&loaded, "wld", "ne_imp_gnfs_zs", 2022), Some(20.5));
}

#[test]
fn a_european_resave_joins_names_split_at_their_comma_and_skips_what_it_cannot_explain() {
    let loaded = open("databank_semicolon.csv");
    let d = &loaded.dataset;
    assert_eq!(value(&loaded, "chn", "ne_imp_gnfs_zs", 2022), Some(18.25), "a decimal comma");
    assert_eq!(value(&loaded, "hkg", "ne_imp_gnfs_zs", 2021), Some(180.5), "never read one column over");
    assert_eq!(d.entity(d.entity_id("hkg").unwrap()).name, "Hong Kong SAR, China");
    assert_eq!(d.entity(d.entity_id("kor").unwrap()).name, "Korea, Rep.");
    let ids: Vec<&str> = d.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["chn", "hkg", "kor", "wld"]);
    let repaired = loaded.warnings.iter().find_map(|w| match w {
        Warning::RepairedNames { count, first } => Some((*count, format!("{first:?}"))),
        _ => None,
    });
    assert_eq!(repaired.map(|r| r.0), Some(2));
    let skipped = loaded.warnings.iter().find_map(|w| match w {
        Warning::SkippedRows { count, text, .. } => Some((*count, text.clone())),
        _ => None,
    });
    assert_eq!(skipped, Some((1, "with".to_string())));
}

#[test]
fn a_damaged_world_bank_file_says_it_was_read_as_one_and_where_it_is_wrong() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("API_X.csv");
    // The preamble, then a header without the years.
    std::fs::write(&path, "\u{feff}\"Data Source\",\"World Development Indicators\",\n\n\"Country Name\",\"Country Code\",\"Indicator Name\",\n")
        .expect("written");
    let err = load_path(&path, DEFAULT_MAX_FILE_SIZE).expect_err("no years to read");
    let message = err.to_string();
    assert!(message.contains("(read as World Bank indicator download)"), "{message}");
    assert!(message.contains("row 3"), "located at the header's line: {message}");
}

#[test]
fn check_names_each_layout_and_export_draws_a_world_bank_table() {
    let bin = env!("CARGO_BIN_EXE_trade-explorer");
    let files = [INDICATOR, "bulk/WDICSV.csv", "databank_wide.csv"].map(fixture);
    let out = Command::new(bin).arg("check").args(&files).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    for layout in ["World Bank indicator download", "World Bank WDI bulk download", "World Bank DataBank export"] {
        assert!(text.contains(&format!("({layout}): ")), "{layout} in {text}");
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv_out = dir.path().join("exports.csv");
    let out = Command::new(bin)
        .args(["export", "--view", "over-time", "--entity", "chn,usa", "--data"])
        .arg(fixture(INDICATOR))
        .arg("--out")
        .arg(&csv_out)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written = std::fs::read_to_string(&csv_out).expect("the export");
    assert_eq!(written.lines().count(), 7, "a header and China's and the US's three years each: {written}");
    assert!(written.contains("China") && written.contains("United States"), "{written}");
}

#[test]
fn codes_of_other_shapes_are_taken_as_written_when_the_row_is_as_wide_as_the_header() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("subnational.csv");
    let rows = "Series Name,Series Code,Country Name,Country Code,2020 [YR2020]\n\
        Poverty headcount (% of population),SN_POV_HC,Badakhshan,AFG_1_AF001,12.5\n";
    std::fs::write(&path, rows).expect("written");
    let loaded = load_path(&path, DEFAULT_MAX_FILE_SIZE).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value(&loaded, "afg_1_af001", "sn_pov_hc", 2020), Some(12.5));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}
