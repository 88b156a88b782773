// The data layer, compiled into each fuzz target from the app's own source.
#[allow(dead_code, unused_imports)]
#[path = "../../src/data/mod.rs"]
pub mod data;
