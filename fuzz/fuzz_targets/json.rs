#![no_main]
//! The app's JSON format: any bytes give a dataset or a located error, never a panic.
include!("data.rs");
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let _ = data::json::load_json(std::path::Path::new("fuzz.json"), bytes);
});
