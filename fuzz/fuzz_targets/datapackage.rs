#![no_main]
//! A datapackage.json, then an OWID CSV read with what it says (split at the first NUL byte).
include!("data.rs");
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let (package, csv) = match bytes.iter().position(|&b| b == 0) {
        Some(at) => (&bytes[..at], &bytes[at + 1..]),
        None => (bytes, &b"Entity,Year,x\nA,2000,1\n"[..]),
    };
    if let Ok(info) = data::owid::parse_package(std::path::Path::new("datapackage.json"), package) {
        let progress = data::progress::Progress::default();
        let _ = data::owid::load_owid_csv(std::path::Path::new("fuzz.csv"), csv, data::owid::PackageFor::This(&info), &progress);
    }
});
