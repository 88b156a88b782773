#![no_main]
//! The tidy CSV format, with and without a sidecar (the input split at its first NUL byte).
include!("data.rs");
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let progress = data::progress::Progress::default();
    let path = std::path::Path::new("fuzz.csv");
    match bytes.iter().position(|&b| b == 0) {
        Some(at) => {
            let meta = (std::path::Path::new("fuzz.meta.json"), &bytes[at + 1..]);
            let _ = data::csv::load_tidy_csv(path, &bytes[..at], Some(meta), &progress);
        }
        None => {
            let _ = data::csv::load_tidy_csv(path, bytes, None, &progress);
        }
    }
});
