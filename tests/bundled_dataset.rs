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
    assert_eq!(inputs, [1050.0, 921.3]);
    assert!((jinhua_imports_2025.value - (1050.0 - 921.3)).abs() < 1e-9);
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
    // Higher trust beats precision: China Daily's rounded 1.05 trillion over the self-published
    // 1,050.86, which agrees with it.
    let total_2025 = find("jinhua", "total_trade", 2025);
    assert_eq!(total_2025.value, 1050.0);
    assert_eq!(total_2025.trust, Some(Trust::High));
    assert_eq!(total_2025.alternatives()[0].value, 1050.86);
    assert_eq!(total_2025.alternatives()[0].trust, Some(Trust::Low));
}

/// A figure shown or an alternative, as the tests below look at it.
struct Figure<'a> {
    name: String,
    derived: bool,
    trust: Option<Trust>,
    quote: Option<&'a str>,
    publisher: Option<&'a str>,
    /// The number as stored and as the source printed it.
    numbers: [Option<f64>; 2],
}

/// Every figure shown and every alternative.
fn figures(d: &Dataset) -> Vec<Figure<'_>> {
    let mut all = Vec::new();
    for o in &d.observations {
        let c = &o.cell;
        let name = format!("{} {} {} {}", d.entity(c.entity).id, d.metric(c.metric).id, c.time, d.period(c.period));
        all.push(Figure {
            name: name.clone(),
            derived: o.derived,
            trust: o.trust,
            quote: o.quote(),
            publisher: o.source.map(|s| d.source(s).publisher.as_str()),
            numbers: [Some(o.value), o.reported().map(|r| r.value)],
        });
        for a in o.alternatives() {
            all.push(Figure {
                name: format!("{name} (alternative)"),
                derived: a.derivation.is_some(),
                trust: a.trust,
                quote: a.quote.as_deref(),
                publisher: a.source.map(|s| d.source(s).publisher.as_str()),
                numbers: [Some(a.value), a.reported.as_ref().map(|r| r.value)],
            });
        }
    }
    all
}

#[test]
fn figures_of_self_published_sources_are_low_trust() {
    // The scale of docs/dataset-format.md: "low (unverified, self-published)".
    let d = bundled();
    let mut checked = 0;
    for Figure { name, trust, publisher, .. } in figures(&d) {
        if publisher.is_some_and(|p| p.to_lowercase().contains("self-media") || p.contains("self-published")) {
            assert_eq!(trust, Some(Trust::Low), "{name} comes from {publisher:?}");
            checked += 1;
        }
    }
    assert!(checked >= 14, "only {checked} figures from self-published sources");
}

#[test]
fn a_derived_figure_is_never_more_trusted_than_its_weakest_input() {
    let d = bundled();
    let mut checked = 0;
    for o in d.observations.iter().filter(|o| o.derived) {
        for input in o.derivation().map(|x| x.inputs.as_slice()).unwrap_or_default() {
            let input = d.find(input).expect("an input observation");
            assert!(
                o.trust <= input.trust,
                "{} is {:?} but uses {} ({:?})",
                o.derivation().map_or("", |x| x.formula.as_str()),
                o.trust,
                input.value,
                input.trust
            );
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} inputs checked");
}

#[test]
fn every_conflict_is_decided_by_the_documented_order() {
    // docs/dataset-format.md: a reported figure beats a derived one; then higher trust beats lower;
    // then, at equal trust, a rounded figure yields to a more precise one that it agrees with.
    let d = bundled();
    let mut conflicts = 0;
    for o in &d.observations {
        for a in o.alternatives() {
            let alternative_derived = a.derivation.is_some();
            assert!(o.derived <= alternative_derived, "a reported alternative lost to a derived figure: {:?}", o.cell);
            if o.derived == alternative_derived {
                assert!(
                    a.trust <= o.trust,
                    "{:?}: the alternative {} is more trusted ({:?})",
                    o.cell,
                    a.value,
                    a.trust
                );
            }
            conflicts += 1;
        }
    }
    assert!(conflicts >= 14, "only {conflicts} alternatives");
}

#[test]
fn numbers_computed_from_words_are_derived() {
    // "One out of every three" is not a reported 33.3: the number is computed from the words.
    const FRACTIONS: [&str; 7] = ["out of every", "two-thirds", "one-third", "a third of", "half of", "三分之", "一半"];
    let d = bundled();
    let mut found = 0;
    for Figure { name, derived, quote, numbers, .. } in figures(&d) {
        let Some(quote) = quote else { continue };
        // A quote may say "half" of something else and state this figure in digits.
        let in_digits = numbers.iter().flatten().any(|n| quote.contains(&n.to_string()));
        if !in_digits && FRACTIONS.iter().any(|f| quote.to_lowercase().contains(f)) {
            assert!(derived, "{name} is computed from the words {quote:?} but not marked derived");
            found += 1;
        }
    }
    assert!(found >= 3, "only {found} figures stated in words");
}

#[test]
fn the_china_daily_article_is_cited_for_what_it_states() {
    let d = bundled();
    let article = d.sources.iter().position(|s| s.url.contains("2026-02/14/c_1161147")).expect("the article");
    for (metric, sentence) in [
        ("cross_border_ecommerce_import_orders", "more than 100 million cross-border e-commerce import orders"),
        (
            "global_share_spring_festival_pictures_couplets",
            "more than 80 percent of the global market for Spring Festival pictures and couplets",
        ),
    ] {
        let o = d
            .observations
            .iter()
            .find(|o| {
                d.entity(o.cell.entity).id == "yiwu"
                    && d.metric(o.cell.metric).id == metric
                    && o.cell.time == Time::Year(2025)
            })
            .unwrap_or_else(|| panic!("Yiwu {metric} 2025"));
        let cites =
            o.source.map(|s| s.index() as usize) == Some(article) && o.quote().is_some_and(|q| q.contains(sentence));
        let as_alternative = o.alternatives().iter().any(|a| {
            a.source.map(|s| s.index() as usize) == Some(article)
                && a.quote.as_deref().is_some_and(|q| q.contains(sentence))
        });
        assert!(cites || as_alternative, "{metric}: the China Daily article is not cited");
    }
}

#[test]
fn train_counts_of_different_scopes_are_separate_series() {
    let d = bundled();
    let years = |metric: &str| -> Vec<(i32, f64)> {
        d.observations
            .iter()
            .filter(|o| d.entity(o.cell.entity).id == "yiwu" && d.metric(o.cell.metric).id == metric)
            .map(|o| (o.cell.time.year(), o.value))
            .collect()
    };
    // Both directions: 974 (2020, +90.2 %) and 1,300 (2024, with return trains).
    assert_eq!(years("china_europe_trains_yiwu_platform"), [(2020, 974.0), (2024, 1300.0)]);
    // Outbound only: 528 (2019), which the 2020 growth does not fit.
    assert_eq!(years("china_europe_trains_yiwu_outbound"), [(2019, 528.0)]);
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

/// "yiwu total_trade/belt_and_road 2025 jan_sep": a cell as the messages below name it.
fn cell_name(d: &Dataset, c: &trade_explorer::data::Cell) -> String {
    let category = c.category.map(|k| format!("/{}", d.category(k).id)).unwrap_or_default();
    format!("{} {}{category} {} {}", d.entity(c.entity).id, d.metric(c.metric).id, c.time, d.period(c.period))
}

/// Quotes that state their figure in words, not digits, with the figure each states.
const IN_WORDS: [(&str, &str); 2] = [
    ("yiwu exports_usd 2006 full_year", "十三点四一亿美元"),
    ("yiwu global_share_christmas_decorations 2017 full_year", "seventy percent"),
];

/// Words that give a figure its minus sign ("下滑0.3%", "降幅为8.0%").
const FALL_WORDS: [&str; 7] = ["下滑", "下降", "降幅", "減少", "减少", "decline", "fell"];

/// Multipliers of the words that follow a number, in the languages of the bundled sources.
const SCALE_WORDS: [(&str, f64); 22] = [
    ("万亿", 1e12),
    ("萬億", 1e12),
    ("亿", 1e8),
    ("億", 1e8),
    ("千万", 1e7),
    ("百万", 1e6),
    ("万", 1e4),
    ("萬", 1e4),
    ("trillion", 1e12),
    ("billones", 1e12),
    ("трлн", 1e12),
    ("billion", 1e9),
    ("bn", 1e9),
    ("miliardi", 1e9),
    ("Milliarden", 1e9),
    ("mil millones", 1e9),
    ("млрд", 1e9),
    ("million", 1e6),
    ("milioni", 1e6),
    ("Millionen", 1e6),
    ("millones", 1e6),
    ("млн", 1e6),
];

const PERCENT_WORDS: [&str; 6] = ["%", "percent", "per cent", "percento", "Prozent", "por ciento"];

/// Every amount a quote states: each run of digits read with either decimal mark (the page's
/// own: "2975。55", "107,09", "1,050.86"), times the scale word after it, with "5,539億9,000万"
/// read as one amount. Percentages are marked.
fn amounts_stated(quote: &str) -> Vec<(f64, bool)> {
    // Full-width digits and marks as ASCII; the ideographic full stop between digits is a decimal mark.
    let text: String = quote
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '，' => ',',
            '％' => '%',
            _ => c,
        })
        .collect();
    let chars: Vec<char> = text.chars().collect();
    let mut amounts = Vec::new();
    let mut i = 0;
    let mut carry: Option<Vec<f64>> = None;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            carry = None;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || (matches!(chars[i], '.' | ',' | '。') && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        let token: String = chars[start..i].iter().collect();
        let rest: String = chars[i..].iter().collect::<String>();
        let rest = rest.trim_start();
        let (word, scale) = SCALE_WORDS.iter().find(|(w, _)| rest.starts_with(w)).map_or(("", 1.0), |(w, s)| (*w, *s));
        // "2.6:39.4:58.0", the shares of a structure, are percentages too.
        let in_ratio = chars.get(i).is_some_and(|c| matches!(c, ':' | '∶'))
            || (start > 0 && matches!(chars[start - 1], ':' | '∶'));
        let percent = in_ratio || PERCENT_WORDS.iter().any(|w| rest.starts_with(w));
        let readings = [token.replace(',', "").replace('。', "."), token.replace('.', "").replace([',', '。'], ".")];
        let values: Vec<f64> = readings.iter().filter_map(|r| r.parse::<f64>().ok()).map(|v| v * scale).collect();
        // "5,539億9,000万": the 万 part adds to the 億 part before it.
        let joined: Vec<f64> = match (&carry, scale == 1e4) {
            (Some(before), true) => before.iter().flat_map(|b| values.iter().map(move |v| b + v)).collect(),
            _ => Vec::new(),
        };
        amounts.extend(values.iter().chain(&joined).map(|v| (*v, percent)));
        carry = None;
        if scale == 1e8 {
            carry = Some(values);
            i += word.chars().count();
        }
    }
    amounts
}

/// The amount a figure stands for, as its source printed it, and whether it is a percentage.
fn amount_of(
    d: &Dataset,
    o: &trade_explorer::data::Observation,
    value: f64,
    reported: Option<(f64, &str)>,
) -> (f64, bool) {
    if let Some((printed, unit)) = reported {
        let scale = match unit {
            "100 million yuan" => 1e8,
            "trillion yuan" => 1e12,
            "billion parcels" => 1e9,
            _ => 1.0,
        };
        return (printed * scale, false);
    }
    match &d.metric(o.cell.metric).unit {
        Unit::Money { multiplier, .. } => (value * multiplier, false),
        Unit::SharePercent | Unit::PercentChange => (value, true),
        Unit::Count | Unit::Other(_) => (value, false),
    }
}

#[test]
fn every_quote_states_its_figure_in_its_unit() {
    let d = bundled();
    let mut unstated = Vec::new();
    for o in &d.observations {
        let name = cell_name(&d, &o.cell);
        let shown = (o.value, o.reported().map(|r| (r.value, r.unit.as_str())), o.quote(), o.derived);
        let alternatives = o.alternatives().iter().map(|a| {
            (
                a.value,
                a.reported.as_ref().map(|r| (r.value, r.unit.as_str())),
                a.quote.as_deref(),
                a.derivation.is_some(),
            )
        });
        for (value, reported, quote, derived) in std::iter::once(shown).chain(alternatives) {
            let Some(quote) = quote.filter(|_| !derived) else { continue };
            let (amount, percent) = amount_of(&d, o, value, reported);
            let amount = if amount < 0.0 && FALL_WORDS.iter().any(|w| quote.contains(w)) { -amount } else { amount };
            let stated = amounts_stated(quote)
                .iter()
                .any(|&(a, p)| (a - amount).abs() <= amount.abs() * 1e-9 && (p || !percent));
            if !stated && !IN_WORDS.iter().any(|(n, _)| *n == name) {
                unstated.push(format!("{name}: {value} not in {quote:?}"));
            }
        }
    }
    assert!(unstated.is_empty(), "{} quotes do not state their figure:\n{}", unstated.len(), unstated.join("\n"));
    // The figures allowed their words still say them in those words.
    for (name, words) in IN_WORDS {
        let quoted = d
            .observations
            .iter()
            .any(|o| cell_name(&d, &o.cell) == name && o.quote().is_some_and(|q| q.contains(words)));
        assert!(quoted, "{name} no longer states its figure as {words:?}");
    }
}

#[test]
fn jinhuas_nine_divisions_nest_under_it_and_jinyi_new_area_stands_apart() {
    let d = bundled();
    let children: Vec<&str> = d
        .entities
        .iter()
        .filter(|e| e.parent.is_some_and(|p| d.entity(p).id == "jinhua"))
        .map(|e| e.id.as_str())
        .collect();
    let nine = ["yiwu", "yongkang", "wucheng", "jindong", "lanxi", "dongyang", "wuyi", "pujiang", "panan"];
    assert_eq!(children.len(), 9, "{children:?}");
    assert!(nine.iter().all(|c| children.contains(c)), "{children:?}");
    let jinyi = d.entity(d.entity_id("jinyi_new_area").expect("Jinyi New Area"));
    assert_eq!(jinyi.parent, None, "it overlaps Jindong: counted under Jinhua, it would be counted twice");
    assert_eq!(jinyi.name_zh.as_deref(), Some("金义新区"));
}
