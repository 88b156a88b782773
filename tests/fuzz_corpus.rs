//! Replays the fuzzers' corpus (fuzz/corpus/, kept small by `cargo fuzz cmin`) through the
//! loaders as ordinary tests, so CI checks every input the fuzzers found interesting without
//! fuzzing for minutes.

use std::path::Path;

use trade_explorer::data::Progress;
use trade_explorer::data::{csv, json, owid};

fn inputs(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("an entry").path())
        .collect();
    files.sort();
    assert!(files.len() >= 100, "{target}: only {} inputs in the corpus", files.len());
    files.iter().map(|p| std::fs::read(p).expect("readable")).collect()
}

/// A load's outcome is fine when it opened, or when its error names the file it refers to
/// (a message without its file would leave the person guessing).
fn check<T>(input: usize, result: Result<T, trade_explorer::data::LoadError>, names: &[&str]) {
    if let Err(error) = result {
        let message = error.to_string();
        assert!(names.iter().any(|n| message.contains(n)), "input {input}: the error names no file: {message}");
    }
}

fn split_at_nul(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    bytes.iter().position(|&b| b == 0).map(|at| (&bytes[..at], &bytes[at + 1..]))
}

#[test]
fn json_corpus() {
    for (i, bytes) in inputs("json").iter().enumerate() {
        check(i, json::load_json(Path::new("fuzz.json"), bytes), &["fuzz.json"]);
    }
}

#[test]
fn tidy_csv_corpus() {
    for (i, bytes) in inputs("tidy_csv").iter().enumerate() {
        let progress = Progress::default();
        let path = Path::new("fuzz.csv");
        let result = match split_at_nul(bytes) {
            Some((data, meta)) => csv::load_tidy_csv(path, data, Some((Path::new("fuzz.meta.json"), meta)), &progress),
            None => csv::load_tidy_csv(path, bytes, None, &progress),
        };
        check(i, result, &["fuzz.csv", "fuzz.meta.json"]);
    }
}

#[test]
fn owid_csv_corpus() {
    for (i, bytes) in inputs("owid_csv").iter().enumerate() {
        check(
            i,
            owid::load_owid_csv(Path::new("fuzz.csv"), bytes, owid::PackageFor::Missing, &Progress::default()),
            &["fuzz.csv"],
        );
    }
}

#[test]
fn datapackage_corpus() {
    for (i, bytes) in inputs("datapackage").iter().enumerate() {
        let (package, data) = split_at_nul(bytes).unwrap_or((bytes, b"Entity,Year,x\nA,2000,1\n"));
        match owid::parse_package(Path::new("datapackage.json"), package) {
            Ok(info) => {
                let result = owid::load_owid_csv(
                    Path::new("fuzz.csv"),
                    data,
                    owid::PackageFor::This(&info),
                    &Progress::default(),
                );
                check(i, result, &["fuzz.csv", "datapackage.json"]);
            }
            Err(error) => check::<()>(i, Err(error), &["datapackage.json"]),
        }
    }
}

/// The version of each package in a Cargo.lock.
fn locked_versions(lock: &str) -> std::collections::HashMap<String, Vec<String>> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(lock)).expect("a lock file");
    let mut versions: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
    for package in text.split("[[package]]").skip(1) {
        let field = |key: &str| {
            package
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{key} = \"")))
                .map(|v| v.trim_end_matches('"').to_string())
        };
        if let (Some(name), Some(version)) = (field("name"), field("version")) {
            versions.entry(name).or_default().push(version);
        }
    }
    versions
}

#[test]
fn the_fuzz_targets_build_the_data_layer_with_the_apps_dependency_versions() {
    // fuzz/ compiles src/data from source, with its own lock file: the same parsers must be
    // fuzzed as the app ships.
    let app = locked_versions("Cargo.lock");
    let fuzz = locked_versions("fuzz/Cargo.lock");
    let mut checked = 0;
    for crate_name in ["serde", "serde_json", "serde_path_to_error", "csv", "csv-core", "rustc-hash", "jiff", "zip"] {
        let (Some(in_app), Some(in_fuzz)) = (app.get(crate_name), fuzz.get(crate_name)) else {
            panic!("{crate_name} is missing from Cargo.lock or fuzz/Cargo.lock");
        };
        assert!(
            in_fuzz.iter().all(|v| in_app.contains(v)),
            "fuzz/ builds {crate_name} {in_fuzz:?}, the app {in_app:?}: run `cargo update` in fuzz/"
        );
        checked += 1;
    }
    assert_eq!(checked, 8);
}
