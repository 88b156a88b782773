use super::*;
use crate::data::query::{LineChart, Series, line_chart};
use crate::data::{Filter, Time, ValueMode, load_bundled};

fn bundled() -> crate::data::Dataset {
    load_bundled().unwrap_or_else(|e| panic!("{e}")).dataset
}

fn filter(entities: &[&str], metrics: &[&str]) -> Filter {
    Filter {
        entities: entities.iter().map(|s| s.to_string()).collect(),
        metrics: metrics.iter().map(|s| s.to_string()).collect(),
        ..Filter::default()
    }
}

fn series<'a>(chart: &'a LineChart, id: &str) -> &'a Series {
    chart.series.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("no series {id}"))
}

#[test]
fn each_language_names_itself() {
    assert_eq!(crate::tr!(Lang::En, "language-name"), "English");
    assert_eq!(crate::tr!(Lang::Zh, "language-name"), "中文");
}

#[test]
fn the_tooltip_of_jinhuas_2025_exports_names_value_and_source() {
    let d = bundled();
    let f = filter(&["jinhua"], &["exports"]);
    let chart = line_chart(&d, &f, Lang::En);
    let p = series(&chart, "jinhua:exports").points.iter().find(|p| p.time == Time::Year(2025)).unwrap();
    let e = explain(&d, &f, p.observation, p.value, &chart.unit, p.other, Lang::En);
    let lines = e.tooltip_lines();
    assert_eq!(lines[0], "Jinhua · Exports — 2025");
    assert_eq!(lines[1], "921.3 billion yuan");
    assert!(lines.contains(&"Trust: high".to_string()), "{lines:?}");
    assert!(
        lines.iter().any(|l| l.starts_with("Source: China Daily, 2026-02-14 — Inland city makes mark")),
        "{lines:?}"
    );
    assert!(e.quote.unwrap().contains("921.3 billion yuan"));
}

#[test]
fn a_derived_figure_explains_its_formula_and_a_conflict_its_alternatives() {
    let d = bundled();
    let f = filter(&["jinhua"], &["imports", "total_trade"]);
    let chart = line_chart(&d, &f, Lang::En);
    let imports = series(&chart, "jinhua:imports").points.iter().find(|p| p.time == Time::Year(2025)).unwrap();
    let e = explain(&d, &f, imports.observation, imports.value, &chart.unit, None, Lang::En);
    assert!(e.derived.unwrap().starts_with("Derived: total_trade 2025 - exports 2025 = 1050 - 921.3 = 128.7"));
    let total = series(&chart, "jinhua:total_trade").points.iter().find(|p| p.time == Time::Year(2021)).unwrap();
    let e = explain(&d, &f, total.observation, total.value, &chart.unit, None, Lang::En);
    assert_eq!(e.alternatives, ["Also reported: 500 billion yuan — RSA consultancy blog (trust: low)"]);
}

#[test]
fn a_growth_rate_says_what_it_was_computed_from() {
    let d = bundled();
    let f = Filter { mode: ValueMode::Yoy, ..filter(&["jinhua"], &["exports"]) };
    let chart = line_chart(&d, &f, Lang::En);
    let p = series(&chart, "jinhua:exports").points.iter().find(|p| p.time == Time::Year(2025)).unwrap();
    let e = explain(&d, &f, p.observation, p.value, &chart.unit, p.other, Lang::En);
    assert_eq!(e.value, "+19.4 %");
    assert_eq!(e.computed.unwrap(), "Computed from 921.3 billion yuan and Jinhua Exports 2024: 771.92 billion yuan");
}
