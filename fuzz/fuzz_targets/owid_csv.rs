#![no_main]
//! Our World in Data's CSV shape.
include!("data.rs");
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let progress = data::progress::Progress::default();
    let _ = data::owid::load_owid_csv(std::path::Path::new("fuzz.csv"), bytes, data::owid::PackageFor::Missing, &progress);
});
