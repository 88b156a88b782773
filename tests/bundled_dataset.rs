//! The bundled dataset: every figure sourced, reported figures quoted, derived figures
//! explained, units converted faithfully, totals that add up.

use std::collections::HashMap;

use trade_explorer::data::{Dataset, Time, Trust, Unit, load_bundled};

fn bundled() -> Dataset {
    match load_bundled() {
        Ok(loaded) => {
            assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
            loaded.dataset
        }
        Err(e) => panic!("{e}"),
    }
}

fn value(d: &Dataset, entity: &str, metric: &str, year: i32) -> Option<f64> {
    let e = d.entity_id(entity)?;
    let m = d.metric_id(metric)?;
    d.observations
        .iter()
        .find(|o| {
            o.cell.entity == e
                && o.cell.metric == m
                && o.cell.time == Time::Year(year)
                && d.period(o.cell.period) == "full_year"
        })
        .map(|o| o.value)
}

#[test]
fn every_figure_has_a_source_with_a_link() {
    let d = bundled();
    for (i, o) in d.observations.iter().enumerate() {
        let source = o.source.map(|s| d.source(s)).unwrap_or_else(|| panic!("observations[{i}] has no source"));
        assert!(source.url.starts_with("http://") || source.url.starts_with("https://"), "{}", source.id);
        assert!(!source.title.is_empty() && !source.publisher.is_empty(), "{}", source.id);
        assert!(o.trust.is_some(), "observations[{i}] has no trust level");
        for alt in o.alternatives() {
            assert!(alt.source.is_some(), "an alternative of observations[{i}] has no source");
        }
    }
}

#[test]
fn reported_figures_are_quoted_and_derived_ones_explained() {
    let d = bundled();
    let mut derived = 0;
    for (i, o) in d.observations.iter().enumerate() {
        if o.derived {
            derived += 1;
            let derivation =
                o.derivation().unwrap_or_else(|| panic!("observations[{i}] is derived without a derivation"));
            assert!(!derivation.formula.trim().is_empty(), "observations[{i}] has an empty formula");
            // A figure derived from a stated fraction ("two out of three") has no input
            // observation: its quote states it instead.
            assert!(
                !derivation.inputs.is_empty() || o.quote().is_some(),
                "observations[{i}] has neither inputs nor quote"
            );
        } else {
            assert!(o.quote().is_some_and(|q| q.trim().len() > 5), "observations[{i}] is reported without a quote");
        }
    }
    assert!(derived >= 20, "the survey has at least 20 derived figures; found {derived}");
}

#[test]
fn derived_inputs_point_at_the_figures_the_formula_uses() {
    let d = bundled();
    let jinhua_imports_2025 = d
        .observations
        .iter()
        .find(|o| {
            d.entity(o.cell.entity).id == "jinhua"
                && d.metric(o.cell.metric).id == "imports"
                && o.cell.time == Time::Year(2025)
        })
        .expect("Jinhua's 2025 imports");
    let inputs: Vec<f64> = jinhua_imports_2025
        .derivation()
        .expect("derived")
        .inputs
        .iter()
        .map(|c| d.find(c).expect("input").value)
        .collect();
    assert_eq!(inputs, [1050.86, 921.3]);
    assert!((jinhua_imports_2025.value - (1050.86 - 921.3)).abs() < 1e-9);
}

/// Converts a figure from the unit the source printed into the unit the dataset stores.
fn from_reported(value: f64, reported_unit: &str, stored: &Unit) -> f64 {
    match (reported_unit, stored) {
        ("100 million yuan", Unit::Money { multiplier, .. }) => value * 1e8 / multiplier,
        ("trillion yuan", Unit::Money { multiplier, .. }) => value * 1e12 / multiplier,
        ("billion yuan", Unit::Money { multiplier, .. }) => value * 1e9 / multiplier,
        ("billion parcels", Unit::Count) => value * 1e9,
        (unit, Unit::Count) if unit.starts_with("count") => value,
        (unit, stored) => panic!("no conversion from {unit} to {stored:?}"),
    }
}

#[test]
fn unit_conversions_are_faithful() {
    let d = bundled();
    let mut converted = 0;
    for (i, o) in d.observations.iter().enumerate() {
        let Some(reported) = o.reported() else { continue };
        let expected = from_reported(reported.value, &reported.unit, &d.metric(o.cell.metric).unit);
        assert!(
            (o.value - expected).abs() <= 1e-9 * expected.abs().max(1.0),
            "observations[{i}]: {} {} stored as {}",
            reported.value,
            reported.unit,
            o.value
        );
        converted += 1;
    }
    assert!(converted >= 60, "only {converted} converted figures checked");
    // The most common case, by hand: 7719.2 (100 million yuan) is 771.92 billion yuan.
    assert_eq!(value(&d, "jinhua", "exports", 2024), Some(771.92));
    assert_eq!(value(&d, "zhejiang", "total_trade", 2025), Some(5550.0), "5.55 trillion yuan");
}

#[test]
fn exports_plus_imports_equal_total_trade_within_half_a_percent() {
    let d = bundled();
    let mut checked = 0;
    let mut reported_triples = 0;
    for entity in &d.entities {
        for year in 1990..=2030 {
            let (Some(total), Some(exports), Some(imports)) = (
                value(&d, &entity.id, "total_trade", year),
                value(&d, &entity.id, "exports", year),
                value(&d, &entity.id, "imports", year),
            ) else {
                continue;
            };
            let gap = (exports + imports - total).abs() / total;
            assert!(gap <= 0.005, "{} {year}: {exports} + {imports} vs {total} ({:.2} %)", entity.id, gap * 100.0);
            checked += 1;
            let all_reported = ["total_trade", "exports", "imports"].iter().all(|m| {
                d.observations.iter().any(|o| {
                    o.cell.entity == d.entity_id(&entity.id).unwrap_or(o.cell.entity)
                        && d.metric(o.cell.metric).id == *m
                        && o.cell.time == Time::Year(year)
                        && !o.derived
                })
            });
            reported_triples += usize::from(all_reported);
        }
    }
    assert!(checked >= 8, "only {checked} entity-years have all three figures");
    assert!(reported_triples >= 3, "only {reported_triples} fully reported triples");
}

#[test]
fn conflicts_keep_the_better_figure_and_the_other_as_an_alternative() {
    let d = bundled();
    let find = |entity: &str, metric: &str, year: i32| {
        d.observations
            .iter()
            .find(|o| {
                d.entity(o.cell.entity).id == entity
                    && d.metric(o.cell.metric).id == metric
                    && o.cell.time == Time::Year(year)
                    && d.period(o.cell.period) == "full_year"
            })
            .unwrap_or_else(|| panic!("{entity} {metric} {year}"))
    };
    // Customs beats a low-trust blog.
    let total_2021 = find("jinhua", "total_trade", 2021);
    assert_eq!(total_2021.value, 588.0);
    assert_eq!(total_2021.alternatives()[0].value, 500.0);
    assert_eq!(total_2021.alternatives()[0].trust, Some(Trust::Low));
    // Reported beats derived.
    let exports_2024 = find("jinhua", "exports", 2024);
    assert!(!exports_2024.derived);
    assert_eq!(exports_2024.alternatives()[0].value, 771.6);
    assert!(exports_2024.alternatives()[0].derivation.is_some());
    // The precise figure beats the rounded one it agrees with.
    let total_2025 = find("jinhua", "total_trade", 2025);
    assert_eq!(total_2025.value, 1050.86);
    assert_eq!(total_2025.alternatives()[0].value, 1050.0);
}

#[test]
fn the_article_figures_are_there_with_their_quotes() {
    let d = bundled();
    let exports = d
        .observations
        .iter()
        .find(|o| {
            d.entity(o.cell.entity).id == "jinhua"
                && d.metric(o.cell.metric).id == "exports"
                && o.cell.time == Time::Year(2025)
        })
        .expect("exports 2025");
    assert_eq!(exports.value, 921.3);
    assert!(exports.quote().is_some_and(|q| q.contains("921.3 billion yuan")));
    assert_eq!(d.source(exports.source.expect("source")).published.as_deref(), Some("2026-02-14"));
    for (metric, share) in [
        ("national_share_security_doors", 70.0),
        ("national_share_insulated_cups", 60.0),
        ("national_share_leisure_sports_vehicles", 45.0),
    ] {
        assert_eq!(value(&d, "yongkang", metric, 2025), Some(share), "{metric}");
    }
    assert_eq!(value(&d, "yiwu", "global_share_spring_festival_pictures_couplets", 2025), Some(80.0));
    assert_eq!(value(&d, "jinhua", "cross_border_ecommerce", 2025), Some(169.6));
    assert_eq!(value(&d, "yiwu", "market_booths", 2025), Some(80000.0));
}

#[test]
fn part_year_figures_keep_their_period() {
    let d = bundled();
    let mut periods: HashMap<&str, usize> = HashMap::new();
    for o in &d.observations {
        *periods.entry(d.period(o.cell.period)).or_default() += 1;
    }
    assert!(periods["jan_nov"] >= 5 && periods["jan_sep"] >= 4, "{periods:?}");
    assert!(!periods.contains_key("full_year_forecast"), "a forecast is not an outturn");
    // Jan–Nov 2025 is not a full year: the yearly Yiwu figure for 2025 is the customs total.
    assert_eq!(value(&d, "yiwu", "total_trade", 2025), Some(836.5));
}

#[test]
fn places_nest_china_zhejiang_jinhua_cities() {
    let d = bundled();
    let parent = |id: &str| d.entity(d.entity_id(id).expect(id)).parent.map(|p| d.entity(p).id.clone());
    assert_eq!(parent("yiwu").as_deref(), Some("jinhua"));
    assert_eq!(parent("yongkang").as_deref(), Some("jinhua"));
    assert_eq!(parent("jinhua").as_deref(), Some("zhejiang"));
    assert_eq!(parent("zhejiang").as_deref(), Some("china"));
    assert!(d.entities.iter().all(|e| e.name_zh.is_some()));
}
