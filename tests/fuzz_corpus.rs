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
    files.iter().map(|p| std::fs::read(p).expect("readable")).collect()
}

fn split_at_nul(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    bytes.iter().position(|&b| b == 0).map(|at| (&bytes[..at], &bytes[at + 1..]))
}

#[test]
fn json_corpus() {
    let corpus = inputs("json");
    assert!(!corpus.is_empty());
    for bytes in corpus {
        let _ = json::load_json(Path::new("fuzz.json"), &bytes);
    }
}

#[test]
fn tidy_csv_corpus() {
    for bytes in inputs("tidy_csv") {
        let progress = Progress::default();
        let path = Path::new("fuzz.csv");
        match split_at_nul(&bytes) {
            Some((data, meta)) => {
                let _ = csv::load_tidy_csv(path, data, Some((Path::new("fuzz.meta.json"), meta)), &progress);
            }
            None => {
                let _ = csv::load_tidy_csv(path, &bytes, None, &progress);
            }
        }
    }
}

#[test]
fn owid_csv_corpus() {
    for bytes in inputs("owid_csv") {
        let _ = owid::load_owid_csv(Path::new("fuzz.csv"), &bytes, None, &Progress::default());
    }
}

#[test]
fn datapackage_corpus() {
    for bytes in inputs("datapackage") {
        let (package, data) = split_at_nul(&bytes).unwrap_or((&bytes, b"Entity,Year,x\nA,2000,1\n"));
        if let Ok(info) = owid::parse_package(Path::new("datapackage.json"), package) {
            let _ = owid::load_owid_csv(Path::new("fuzz.csv"), data, Some(&info), &Progress::default());
        }
    }
}
