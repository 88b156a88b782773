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
