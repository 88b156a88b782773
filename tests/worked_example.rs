//! The worked example of docs/dataset-format.md: next year's figures added to a copy of the
//! bundled dataset open and show up on the chart.

use serde_json::{Value, json};
use trade_explorer::data::query::line_chart;
use trade_explorer::data::{DEFAULT_MAX_FILE_SIZE, Filter, Time, load::BUNDLED_JSON, load_path};
use trade_explorer::l10n::Lang;
use trade_explorer::l10n::line_words;

#[test]
fn adding_next_years_figures_to_a_copy_of_the_bundled_dataset() {
    let mut doc: Value = serde_json::from_str(BUNDLED_JSON).expect("the bundled JSON parses");
    doc["sources"].as_array_mut().expect("sources").push(json!({
        "id": "jinhua-customs-2027-01-20", "title": "Jinhua foreign trade in 2026",
        "publisher": "Jinhua Customs", "url": "https://example.gov.cn/2027-01/20/release.htm",
        "published": "2027-01-20"
    }));
    let observations = doc["observations"].as_array_mut().expect("observations");
    observations.push(json!({ "entity": "jinhua", "metric": "total_trade", "year": 2026, "value": 1162.34,
        "source": "jinhua-customs-2027-01-20", "quote": "2026年金华市进出口11623.4亿元", "trust": "high" }));
    observations.push(json!({ "entity": "jinhua", "metric": "exports", "year": 2026, "value": 1012.34,
        "reported_value": 10123.4, "reported_unit": "100 million yuan",
        "source": "jinhua-customs-2027-01-20", "quote": "2026年金华市出口10123.4亿元", "trust": "high" }));
    observations.push(json!({ "entity": "jinhua", "metric": "imports", "year": 2026, "value": 150.0,
        "source": "jinhua-customs-2027-01-20",
        "derived": { "formula": "total_trade 2026 - exports 2026 = 1162.34 - 1012.34 = 150.0",
                     "inputs": [ { "entity": "jinhua", "metric": "total_trade", "year": 2026 },
                                 { "entity": "jinhua", "metric": "exports", "year": 2026 } ] },
        "trust": "high" }));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("jinhua-2026.json");
    std::fs::write(&path, serde_json::to_string_pretty(&doc).expect("serialises")).expect("writes");

    let loaded = load_path(&path, DEFAULT_MAX_FILE_SIZE).unwrap_or_else(|e| panic!("{e}"));
    let chart = line_chart(&loaded.dataset, &Filter::initial(&loaded.dataset));
    let jinhua = chart.series.iter().find(|s| s.id == "jinhua:exports").expect("Jinhua's exports");
    let last = jinhua.points.last().expect("points");
    assert_eq!((last.time, last.value), (Time::Year(2026), Some(1012.34)));
    assert_eq!(line_words(&loaded.dataset, &chart, Lang::EN).subtitle, "2013–2026 · billion yuan");

    // A duplicate 2026 figure is refused with its place.
    doc["observations"].as_array_mut().expect("observations").push(json!({ "entity": "jinhua", "metric": "exports",
        "year": 2026, "value": 1012.0, "source": "jinhua-customs-2027-01-20", "quote": "q", "trust": "low" }));
    std::fs::write(&path, serde_json::to_string_pretty(&doc).expect("serialises")).expect("writes");
    let err = load_path(&path, DEFAULT_MAX_FILE_SIZE).expect_err("a duplicate cell");
    assert!(err.to_string().contains("the same cell (entity jinhua, metric exports, 2026)"), "{err}");
}
