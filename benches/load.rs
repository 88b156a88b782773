//! Loading file (a) (1,000,000 rows, 46 MB): Trade Explorer's loader (validation, interning,
//! sorting), in parallel and sequentially (the reference, which a pool of one thread picks),
//! against a bare `csv` crate parse of the same file into `(String, String, i32, f64)` rows;
//! file (c), the OWID table, in parallel and sequentially; JSON files: file (d) and the bundled
//! dataset; and a 100,000-row XLSX against `calamine`'s own bare read of the same sheet.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use trade_explorer::data::{DEFAULT_MAX_FILE_SIZE, load_path};

mod common;

fn bare_parse(path: &std::path::Path) -> Vec<(String, String, i32, f64)> {
    let mut reader = csv::Reader::from_path(path).expect("opens");
    let mut rows = Vec::new();
    for record in reader.records() {
        let r = record.expect("a record");
        rows.push((r[0].to_string(), r[1].to_string(), r[2].parse().expect("year"), r[3].parse().expect("value")));
    }
    rows
}

/// How many figures loading `path` gives, on the global thread pool (in parallel on a machine
/// of several cores) or on a pool of one thread (which reads files sequentially).
fn figures(path: &std::path::Path, one_thread: Option<&rayon::ThreadPool>) -> usize {
    let load = || load_path(path, DEFAULT_MAX_FILE_SIZE).expect("loads").dataset.observations.len();
    match one_thread {
        Some(pool) => pool.install(load),
        None => load(),
    }
}

fn load_file_a(c: &mut Criterion) {
    let path = common::large_dir().join("long.csv");
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool of one thread");
    let mut group = c.benchmark_group("load_file_a");
    group.sample_size(10).measurement_time(Duration::from_secs(15));
    group.bench_function("trade_explorer", |b| b.iter(|| figures(&path, None)));
    group.bench_function("trade_explorer_sequential", |b| b.iter(|| figures(&path, Some(&one))));
    group.bench_function("bare_csv_into_string_rows", |b| b.iter(|| bare_parse(&path).len()));
    group.finish();
}

/// File (c): an OWID table of 790,000 figures.
fn load_owid_c(c: &mut Criterion) {
    let path = common::large_dir().join("owid.csv");
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool of one thread");
    let mut group = c.benchmark_group("load_owid_c");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.bench_function("trade_explorer", |b| b.iter(|| figures(&path, None)));
    group.bench_function("trade_explorer_sequential", |b| b.iter(|| figures(&path, Some(&one))));
    group.finish();
}

/// File (d), 200,000 observations in the app's JSON format, and the bundled dataset.
fn load_json(c: &mut Criterion) {
    let path = common::large_dir().join("dataset.json");
    let mut group = c.benchmark_group("load_json");
    group.sample_size(10).measurement_time(Duration::from_secs(15));
    group.bench_function("file_d_200k_observations", |b| {
        b.iter(|| load_path(&path, DEFAULT_MAX_FILE_SIZE).expect("loads").dataset.observations.len())
    });
    group.bench_function("bundled", |b| {
        b.iter(|| trade_explorer::data::load_bundled().expect("loads").dataset.observations.len())
    });
    group.finish();
}

/// A tidy sheet of 100,000 figures (place, indicator, year, value), written once.
fn workbook_100k() -> std::path::PathBuf {
    let path = common::large_dir().join("tidy-100k.xlsx");
    if !path.exists() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (c, name) in ["Entity", "Indicator", "Year", "Value"].iter().enumerate() {
            sheet.write_string(0, c as u16, *name).expect("a header");
        }
        for i in 0..100_000u32 {
            let row = i + 1;
            sheet.write_string(row, 0, format!("Place {}", i % 500)).expect("a cell");
            sheet.write_string(row, 1, format!("Indicator {}", (i / 500) % 4)).expect("a cell");
            sheet.write_number(row, 2, f64::from(1960 + (i / 2000))).expect("a cell");
            sheet.write_number(row, 3, f64::from(i) * 1.25).expect("a cell");
        }
        book.save(&path).expect("written");
    }
    path
}

/// A yearbook-like workbook: 12 sheets of 10,000 figures each, written once.
fn workbook_12_sheets() -> std::path::PathBuf {
    let path = common::large_dir().join("sheets-12x10k.xlsx");
    if !path.exists() {
        let mut book = rust_xlsxwriter::Workbook::new();
        for k in 0..12u32 {
            let sheet = book.add_worksheet();
            for (c, name) in ["Entity", "Indicator", "Year", "Value"].iter().enumerate() {
                sheet.write_string(0, c as u16, *name).expect("a header");
            }
            for i in 0..10_000u32 {
                let row = i + 1;
                sheet.write_string(row, 0, format!("Place {}", i % 100)).expect("a cell");
                sheet.write_string(row, 1, format!("Indicator {k}")).expect("a cell");
                sheet.write_number(row, 2, f64::from(1924 + i / 100)).expect("a cell");
                sheet.write_number(row, 3, f64::from(i) * 1.25).expect("a cell");
            }
        }
        book.save(&path).expect("written");
    }
    path
}

fn load_workbook(c: &mut Criterion) {
    use calamine::Reader;
    let path = workbook_100k();
    let mut group = c.benchmark_group("load_xlsx_100k");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    group.bench_function("trade_explorer", |b| {
        b.iter(|| load_path(&path, DEFAULT_MAX_FILE_SIZE).expect("loads").dataset.observations.len())
    });
    group.bench_function("bare_calamine_range", |b| {
        b.iter(|| {
            let mut book = calamine::open_workbook_auto(&path).expect("opens");
            let name = book.sheet_names()[0].clone();
            book.worksheet_range(&name).expect("a sheet").rows().count()
        })
    });
    group.finish();
    let path = workbook_12_sheets();
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool of one thread");
    let mut group = c.benchmark_group("load_xlsx_12_sheets");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    group.bench_function("parallel", |b| b.iter(|| figures(&path, None)));
    group.bench_function("sequential", |b| b.iter(|| figures(&path, Some(&one))));
    group.finish();
}

criterion_group!(benches, load_file_a, load_owid_c, load_json, load_workbook);
criterion_main!(benches);
