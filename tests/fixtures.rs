//! Every broken file in `tests/fixtures/invalid/` is refused with the located message in its
//! `.expected` file; every file in `tests/fixtures/valid/` opens.

use std::path::{Path, PathBuf};

use trade_explorer::data::{DEFAULT_MAX_FILE_SIZE, Time, load_path};

fn fixtures(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            !name.ends_with(".expected") && !name.ends_with(".meta.json")
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_invalid_fixture_gives_its_located_error() {
    let files = fixtures("invalid");
    assert!(files.len() >= 60, "only {} invalid fixtures", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let expected_path = path.with_extension("expected");
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|e| panic!("{} has no .expected file: {e}", path.display()));
        let expected = expected.trim_end_matches('\n');
        match load_path(path, DEFAULT_MAX_FILE_SIZE) {
            Ok(_) => failures.push(format!("{}: loaded, but should fail with {expected:?}", path.display())),
            Err(err) => {
                let message = err.to_string();
                let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
                if !message.contains(expected) {
                    failures.push(format!("{name}:\n  expected: {expected}\n  got:      {message}"));
                } else if !message.contains(&name) {
                    failures.push(format!("{name}: the message does not name the file: {message}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_valid_fixture_opens() {
    for path in fixtures("valid") {
        if let Err(err) = load_path(&path, DEFAULT_MAX_FILE_SIZE) {
            panic!("{}: {err}", path.display());
        }
    }
}

fn valid(name: &str) -> trade_explorer::data::Loaded {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid").join(name);
    load_path(&path, DEFAULT_MAX_FILE_SIZE).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_tidy_csv_takes_its_sources_and_units_from_the_sidecar() {
    let loaded = valid("tidy.csv");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let d = &loaded.dataset;
    assert_eq!(d.observations.len(), 3);
    assert_eq!(d.sources[0].publisher, "China Daily");
    let jan_nov = d.observations.iter().find(|o| d.period(o.cell.period) == "jan_nov").expect("a Jan–Nov figure");
    assert_eq!(jan_nov.value, 775.052);
    assert_eq!(jan_nov.note(), Some("Jan-Nov, self-media"));
}

#[test]
fn a_csv_without_sidecar_opens_with_a_warning() {
    let loaded = valid("inferred.csv");
    assert_eq!(loaded.dataset.entities.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["Jinhua", "Yiwu"]);
    assert!(loaded.warnings.iter().any(|w| w.to_string().contains("no metadata file")), "{:?}", loaded.warnings);
}

#[test]
fn monthly_dates_load_in_order() {
    let loaded = valid("monthly.json");
    let times: Vec<Time> = loaded.dataset.observations.iter().map(|o| o.cell.time).collect();
    assert_eq!(times.len(), 11);
    assert_eq!(times[0], Time::month(2024, 1).unwrap());
    assert_eq!(times[6], Time::month(2024, 8).unwrap(), "July is missing");
}

#[test]
fn categories_and_alternatives_survive_loading() {
    let loaded = valid("categories.json");
    let d = &loaded.dataset;
    assert_eq!(d.categories.len(), 2);
    let total = d.observations.iter().find(|o| o.cell.category.is_none()).expect("the total");
    assert_eq!(total.alternatives().len(), 1);
    assert_eq!(total.alternatives()[0].value, 430.0);
}

#[test]
fn a_quote_inside_an_unquoted_field_is_read_literally_as_every_lenient_reader_does() {
    let d = valid("quote_inside_field.csv").dataset;
    let notes: Vec<&str> = d.observations.iter().filter_map(|o| o.note()).collect();
    assert_eq!(notes, ["steel pipes 5\" wide", "a 12\" ruler and 3\" nails"]);
    let owid = valid("owid_quote_inside_field.csv").dataset;
    assert_eq!(owid.metrics[0].name, "Pipes 5\" wide (tonnes)");
    assert_eq!(owid.observations.len(), 2);
}

#[test]
fn a_quoted_line_break_stays_inside_its_field() {
    let d = valid("quoted_line_break.csv").dataset;
    assert_eq!(d.observations.len(), 2);
    assert_eq!(d.observations[0].note(), Some("Customs, as reported:\nfirst line of a two-line note"));
    let owid = valid("owid_quoted_line_break.csv").dataset;
    assert_eq!(owid.metrics[0].name, "Exports\n(billion US$)");
    let names: Vec<&str> = owid.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Bonaire, Sint Eustatius\nand Saba", "China"]);
}

/// Dropped files and fuzzed bytes are parsed in memory, opened files streamed: both give the
/// same result for every fixture.
#[test]
fn every_fixture_reads_the_same_in_memory_as_streamed() {
    use trade_explorer::data::{Progress, load_bytes};
    let mut differences = Vec::new();
    for path in fixtures("invalid").into_iter().chain(fixtures("valid")) {
        let bytes = std::fs::read(&path).expect("a readable fixture");
        let streamed = load_path(&path, DEFAULT_MAX_FILE_SIZE).map(|l| l.dataset.observations.len());
        let in_memory = load_bytes(&path, &bytes, &Progress::default()).map(|l| l.dataset.observations.len());
        let (a, b) = (
            format!("{:?}", streamed.map_err(|e| e.to_string())),
            format!("{:?}", in_memory.map_err(|e| e.to_string())),
        );
        if a != b {
            differences.push(format!("{}:\n  streamed:  {a}\n  in memory: {b}", path.display()));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn a_year_outside_1800_2200_opens_with_a_warning_in_the_apps_own_formats_only() {
    for (name, year, place) in [
        ("unusual_year_3024.csv", 3024, "row 2, column `year`"),
        ("unusual_year_negative.csv", -2024, "row 2, column `year`"),
        ("unusual_year_negative.json", -2025, "observations[0].year"),
        ("unusual_year_1799.json", 1799, "observations[0].year"),
    ] {
        let loaded = valid(name);
        assert_eq!(loaded.dataset.observations[0].cell.time, Time::Year(year), "{name}");
        let warnings: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
        assert!(
            warnings.iter().any(|w| w.contains("outside 1800–2200") && w.contains(&format!("{place}: {year}"))),
            "{name}: {warnings:?}"
        );
    }
    // Our World in Data's history: 10,000 BCE to today, no warning about the years.
    let loaded = valid("owid_bce.csv");
    let years: Vec<i32> = loaded.dataset.observations.iter().map(|o| o.cell.time.year()).collect();
    assert_eq!(years, [-10_000, -500, 1, 2023]);
    assert!(loaded.warnings.iter().all(|w| !w.to_string().contains("1800–2200")), "{:?}", loaded.warnings);
}

#[test]
fn an_owid_number_with_thousands_separators_reads_as_written() {
    let loaded = valid("owid_thousands_separator.csv");
    assert_eq!(loaded.dataset.observations[0].value, 3380.0);
}
