//! Hostile and broken input that cannot live in the fixtures folder (a folder, a symlink loop,
//! a FIFO, files that vanish or grow while read, very long lines, very many columns), and the
//! lenient cases that open with a warning. Every case ends in a dataset or a located error:
//! no panic, no hang, bounded memory.

use std::path::{Path, PathBuf};
use std::time::Duration;

use trade_explorer::data::progress::Limits;
use trade_explorer::data::{DEFAULT_MAX_FILE_SIZE, LoadError, Progress, load_path, load_path_with};

fn valid(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid").join(name)
}

fn error_of(path: &Path) -> String {
    match load_path(path, DEFAULT_MAX_FILE_SIZE) {
        Ok(_) => panic!("{} opened", path.display()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_folder_is_not_a_dataset() {
    let dir = tempfile::tempdir().expect("a folder");
    assert!(
        error_of(dir.path()).ends_with("is not a file (a folder, a device or a pipe cannot be opened as a dataset)")
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_an_error_not_a_hang() {
    let dir = tempfile::tempdir().expect("a folder");
    let (a, b) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
    std::os::unix::fs::symlink(&b, &a).expect("a link");
    std::os::unix::fs::symlink(&a, &b).expect("a link");
    let message = error_of(&a);
    assert!(message.contains("a.csv: cannot read the file"), "{message}");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().expect("a folder");
    let fifo = dir.path().join("pipe.csv");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(status.success());
    let (tx, rx) = std::sync::mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(load_path(&path, DEFAULT_MAX_FILE_SIZE).map(|_| ()).map_err(|e| e.to_string()));
    });
    let result = rx.recv_timeout(Duration::from_secs(10)).expect("opening a FIFO must not hang");
    assert!(result.unwrap_err().contains("is not a file"));
}

#[test]
fn a_file_that_vanished_says_so() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("gone.csv");
    std::fs::write(&path, "entity,metric,year,value\nA,B,2020,1\n").expect("written");
    std::fs::remove_file(&path).expect("removed");
    assert!(error_of(&path).contains("gone.csv: cannot read the file: No such file or directory"));
}

#[test]
fn a_file_that_grows_while_it_is_read_is_refused_not_half_shown() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("growing.csv");
    let mut rows = String::from("entity,metric,year,value\n");
    for i in 0..200_000 {
        rows.push_str(&format!("e{},m,{},{i}\n", i % 1000, 1900 + i / 1000));
    }
    std::fs::write(&path, &rows).expect("written");
    // Another program appends while the loader reads (the loader stops at the first progress
    // report, which comes after it has read a buffer).
    let progress = Progress::new(Limits::default());
    let writer_path = path.clone();
    let appended = std::thread::scope(|scope| {
        let load = scope.spawn(|| load_path_with(&path, &progress));
        scope.spawn(move || {
            use std::io::Write;
            let mut file = std::fs::OpenOptions::new().append(true).open(&writer_path).expect("opens");
            for i in 0..2_000 {
                writeln!(file, "late,m{},{},{i}", i / 400, 1800 + i % 400).expect("appends");
            }
        });
        load.join().expect("no panic")
    });
    match appended {
        Err(LoadError::ChangedWhileReading { .. }) => {}
        // The append may finish before the load starts: then the whole file is read, consistently.
        Ok(loaded) => assert_eq!(loaded.dataset.observations.len(), 202_000),
        Err(other) => panic!("unexpected: {other}"),
    }
}

#[test]
fn a_one_megabyte_line_is_refused_by_the_text_limit_with_its_place() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("long-line.csv");
    let note = "x".repeat(1 << 20);
    std::fs::write(&path, format!("entity,metric,year,value,quote\nJinhua,Exports,2024,1,{note}\n")).expect("written");
    let message = error_of(&path);
    assert!(message.contains("row 2, column `quote`: the text is 1048576 characters long, more than the limit of 100000; raise it with --max-text-length"), "{}", &message[..message.len().min(300)]);
}

#[test]
fn a_hundred_thousand_columns_are_refused_by_the_column_limit() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("wide.csv");
    let header: Vec<String> =
        std::iter::once("Entity,Year".to_string()).chain((0..100_000).map(|i| format!("c{i}"))).collect();
    std::fs::write(&path, format!("{}\nA,2000{}\n", header.join(","), ",1".repeat(100_000))).expect("written");
    let message = error_of(&path);
    assert!(
        message.ends_with(
            "line 1: the file has 100002 columns, more than the limit of 10000; raise it with --max-columns"
        ),
        "{message}"
    );
}

#[test]
fn a_million_levels_of_json_nesting_do_not_overflow_the_stack() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("deep.json");
    let depth = 1_000_000;
    let text = format!("{{\"format_version\": 1, \"x\": {}{}}}", "[".repeat(depth), "]".repeat(depth));
    std::fs::write(&path, text).expect("written");
    let message = error_of(&path);
    assert!(message.contains("deep.json: line 1"), "{message}");
}

#[test]
fn the_row_limit_names_its_flag() {
    let limits = Limits { rows: 10, ..Limits::default() };
    let err = load_path_with(&valid("monthly.json"), &Progress::new(limits)).expect_err("11 observations");
    assert!(err.to_string().ends_with("the file has more than 10 rows, the limit; raise it with --max-rows"), "{err}");
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("rows.csv");
    std::fs::write(&path, "entity,metric,year,value\n".to_string() + &"A,B,2000,1\n".repeat(11)).expect("written");
    let err = load_path_with(&path, &Progress::new(limits)).expect_err("11 rows");
    assert!(matches!(err, LoadError::TooManyRows { limit: 10, .. }), "{err}");
}

#[test]
fn rows_that_are_refused_still_count_toward_the_row_limit() {
    // An OWID file of nothing but bad rows (no year, no place): each is a problem, and the limit
    // still stops the reading, instead of collecting problems to the end of a huge file.
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("bad.csv");
    let mut text = String::from("Entity,Year,Exports\n");
    for i in 0..30 {
        text.push_str(if i % 2 == 0 { "China,,1\n" } else { ",2020,1\n" });
    }
    std::fs::write(&path, text).expect("written");
    let limits = Limits { rows: 10, ..Limits::default() };
    let err = load_path_with(&path, &Progress::new(limits)).expect_err("over the limit");
    assert!(matches!(err, LoadError::TooManyRows { limit: 10, .. }), "{err}");
}

#[test]
fn a_json_file_is_refused_at_its_row_limit_while_it_is_read() {
    // Eleven observations, the last one cut off, and a limit of nine: a reader that counts only
    // after reading every observation would stop at the cut instead, having held them all.
    let text = std::fs::read_to_string(valid("monthly.json")).expect("a fixture");
    let cut = text.rfind("\"trust\"").expect("the last observation");
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("cut.json");
    std::fs::write(&path, &text[..cut]).expect("written");
    let limits = Limits { rows: 9, ..Limits::default() };
    let err = load_path_with(&path, &Progress::new(limits)).expect_err("over the limit");
    assert!(matches!(err, LoadError::TooManyRows { limit: 9, .. }), "{err}");
    // With room for them all, the same file is refused where it was cut.
    let err = load_path_with(&path, &Progress::new(Limits::default())).expect_err("cut off");
    assert!(err.to_string().contains("the file ends before the JSON is complete"), "{err}");
}

#[test]
fn lenient_files_open_and_say_what_was_assumed() {
    let warnings =
        |name: &str| load_path(&valid(name), DEFAULT_MAX_FILE_SIZE).unwrap_or_else(|e| panic!("{e}")).warnings;
    assert!(warnings("semicolon.csv").iter().any(|w| w.to_string().contains("separates its columns with `;`")));
    assert!(warnings("tab.tsv.csv").iter().any(|w| w.to_string().contains("separates its columns with tabs")));
    let crlf = load_path(&valid("crlf.csv"), DEFAULT_MAX_FILE_SIZE).expect("CRLF opens");
    assert_eq!(crlf.dataset.observations.len(), 2);
    assert_eq!(crlf.dataset.observations[0].note(), Some("two\r\nlines"));
    let bom = load_path(&valid("bom.csv"), DEFAULT_MAX_FILE_SIZE).expect("a BOM opens");
    assert_eq!(bom.dataset.entities[0].name, "Jinhua", "the BOM is not part of the first column's name");
    assert_eq!(
        load_path(&valid("bom.json"), DEFAULT_MAX_FILE_SIZE).expect("JSON with a BOM").dataset,
        load_path(&valid("minimal.json"), DEFAULT_MAX_FILE_SIZE).expect("the same without").dataset
    );
}
