//! The command line, run as a user would run it.

use std::path::Path;
use std::process::Command;

fn trade_explorer(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_trade-explorer"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn check_says_ok_with_a_summary_for_the_bundled_dataset() {
    let (code, out) = trade_explorer(&["check", "assets/jinhua_trade.json"]);
    assert_eq!(code, 0, "{out}");
    let json: serde_json::Value = serde_json::from_str(include_str!("../assets/jinhua_trade.json")).unwrap();
    let entities = json["entities"].as_array().unwrap().len();
    let start = format!("ok: assets/jinhua_trade.json (Trade Explorer JSON): {entities} entities, ");
    assert!(out.starts_with(&start), "{out}");
    assert!(out.contains(" observations, 2006–2026, "), "{out}");
}

#[test]
fn check_prints_the_located_error_and_fails_for_each_invalid_fixture() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("the fixture folder") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        if name.ends_with(".expected") || name.ends_with(".meta.json") {
            continue;
        }
        let expected = std::fs::read_to_string(path.with_extension("expected")).expect("an .expected file");
        let (code, out) = trade_explorer(&["check", path.to_str().expect("a UTF-8 path")]);
        assert_eq!(code, 1, "{name}: {out}");
        assert!(out.contains(expected.trim_end()), "{name}: {out}");
        checked += 1;
    }
    assert!(checked >= 60);
}

#[test]
fn check_goes_on_after_a_bad_file_and_still_fails() {
    let (code, out) = trade_explorer(&["check", "tests/fixtures/invalid/empty.json", "assets/jinhua_trade.json"]);
    assert_eq!(code, 1);
    assert!(out.contains("error: tests/fixtures/invalid/empty.json: the file is empty"), "{out}");
    assert!(out.contains("ok: assets/jinhua_trade.json"), "{out}");
}

#[test]
fn a_missing_file_is_an_error_not_a_panic() {
    let (code, out) = trade_explorer(&["check", "no/such/file.json"]);
    assert_eq!(code, 1);
    assert!(out.contains("no/such/file.json: cannot read the file"), "{out}");
    assert!(!out.contains("panicked"));
}

#[test]
fn help_documents_the_commands() {
    let (code, out) = trade_explorer(&["--help"]);
    assert_eq!(code, 0);
    for word in ["check", "[FILE]", "--max-file-size", "bundled dataset"] {
        assert!(out.contains(word), "--help does not mention {word}: {out}");
    }
    let (code, _) = trade_explorer(&["check"]);
    assert_eq!(code, 2, "check without files is a usage error");
}

#[test]
fn a_file_over_the_size_limit_is_refused_and_the_flag_raises_the_limit() {
    let (code, out) = trade_explorer(&["check", "--max-file-size", "1000", "assets/jinhua_trade.json"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("more than the limit of 1000 bytes; split it, or raise the limit with --max-file-size"),
        "{out}"
    );
    let (code, out) = trade_explorer(&["check", "--max-file-size", "100000000", "assets/jinhua_trade.json"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn check_and_export_read_a_file_by_saved_import_choices_and_stay_strict_without_them() {
    let csv = "tests/fixtures/import/customs_gb18030.csv";
    let choices = "tests/fixtures/import/customs_gb18030.csv.import.json";
    let (code, out) = trade_explorer(&["check", csv]);
    assert_eq!(code, 1, "without choices a GB18030 file is refused as today: {out}");
    assert!(out.contains("not UTF-8"), "{out}");
    let (code, out) = trade_explorer(&["check", "--import", choices, csv]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("(Table read by import choices): 2 entities, 2 metrics, 7 observations"), "{out}");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let table = dir.path().join("figures.csv");
    let table_arg = table.to_str().expect("UTF-8");
    let args = ["export", "--view", "over-time", "--data", csv, "--import", choices, "--out", table_arg];
    let (code, out) = trade_explorer(&args);
    assert_eq!(code, 0, "{out}");
    let written = std::fs::read_to_string(&table).expect("the export");
    assert!(written.contains("Yiwu,出口,2022,,123.45,billion yuan"), "thousands separator and 亿元 read:\n{written}");
    // Choices made for another table are reported, not applied.
    let (code, out) = trade_explorer(&["check", "--import", choices, "tests/fixtures/workbooks/places_across.ods"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("the import choices no longer fit the file: header row 3 now reads"), "{out}");
}
