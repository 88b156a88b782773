use super::super::filter::BarLayout;
use super::*;
use crate::data::testing::{bundled, filter, series};

fn value_at(s: &Series, year: i32) -> Option<f64> {
    s.points.iter().find(|p| p.time == Time::Year(year)).and_then(|p| p.value)
}

#[test]
fn a_missing_year_is_a_gap_not_an_interpolated_point() {
    let d = bundled();
    let chart = line_chart(&d, &filter(&["yiwu"], &["exports"]));
    let yiwu = series(&chart, "yiwu:exports");
    let years: Vec<i32> = yiwu.points.iter().map(|p| p.time.year()).collect();
    assert_eq!(years, [2013, 2014, 2019, 2023, 2024, 2025]);
    // 2013–2014, 2019 and 2023–2025 are separate segments: nothing is drawn across 2015–2018 or
    // 2020–2022.
    let segments = yiwu.segments();
    assert_eq!(segments, [0..2, 2..3, 3..6]);
    assert!(!yiwu.points[1].gap_before && yiwu.points[2].gap_before && yiwu.points[3].gap_before);
    assert!(!yiwu.points[4].gap_before);
}

#[test]
fn part_year_figures_stay_off_the_yearly_line() {
    let d = bundled();
    let chart = line_chart(&d, &filter(&["yiwu"], &["total_trade"]));
    // The full-year line (and April 2021, a single month, on its own).
    let ids: Vec<&str> = chart.series.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["yiwu:total_trade", "yiwu:total_trade@monthly"]);
    let full = series(&chart, "yiwu:total_trade");
    assert_eq!(value_at(full, 2025), Some(836.5));
    let jan_nov = Filter { period: PeriodChoice::Named("jan_nov".into()), ..filter(&["yiwu"], &["total_trade"]) };
    let chart = line_chart(&d, &jan_nov);
    let s = series(&chart, "yiwu:total_trade@jan_nov");
    assert_eq!(value_at(s, 2025), Some(770.39));
    assert_eq!(d.period(s.key.period), "jan_nov");
}

#[test]
fn hundred_million_yuan_is_ten_times_billion_yuan() {
    let d = bundled();
    let mut f = filter(&["jinhua"], &["exports"]);
    let billion = value_at(series(&line_chart(&d, &f), "jinhua:exports"), 2024).unwrap();
    f.unit_scale = UnitScale::HundredMillion;
    let chart = line_chart(&d, &f);
    let yi = value_at(series(&chart, "jinhua:exports"), 2024).unwrap();
    assert_eq!(billion, 771.92);
    assert!((yi - 7719.2).abs() < 1e-9, "{yi}");
    assert_eq!(chart.unit, DisplayUnit::Money { currency: Currency::Yuan, multiplier: 1e8 });
}

#[test]
fn growth_is_computed_from_consecutive_years_only() {
    let d = bundled();
    let f = Filter { mode: ValueMode::Yoy, ..filter(&["jinhua"], &["exports"]) };
    let chart = line_chart(&d, &f);
    let s = series(&chart, "jinhua:exports");
    let growth_2025 = value_at(s, 2025).unwrap();
    // 921.3 / 771.92 − 1, against the 19.4 % China Daily reports.
    assert!((growth_2025 - 19.35).abs() < 0.01, "{growth_2025}");
    // Jinhua has no 2022 exports: 2023's growth cannot be computed and is no value, not zero.
    assert_eq!(value_at(s, 2023), None);
    assert_eq!(chart.unit, DisplayUnit::GrowthOnPrevious);
}

#[test]
fn index_starts_at_100_in_the_first_visible_year() {
    let d = bundled();
    let f = Filter { mode: ValueMode::Index, year_from: Some(2021), ..filter(&["jinhua"], &["exports"]) };
    let chart = line_chart(&d, &f);
    let s = series(&chart, "jinhua:exports");
    assert_eq!(s.points[0].time, Time::Year(2021));
    assert_eq!(s.points[0].value, Some(100.0));
    let v2025 = value_at(s, 2025).unwrap();
    assert!((v2025 - 921.3 / 532.63 * 100.0).abs() < 1e-9);
}

#[test]
fn share_of_parent_divides_by_the_parent_for_the_same_year() {
    let d = bundled();
    let f = Filter { mode: ValueMode::ShareOfParent, ..filter(&["yiwu", "zhejiang"], &["total_trade"]) };
    let chart = line_chart(&d, &f);
    let yiwu = series(&chart, "yiwu:total_trade");
    let share = value_at(yiwu, 2025).unwrap();
    assert!((share - 836.5 / 1050.0 * 100.0).abs() < 1e-9);
    assert_eq!(
        yiwu.points.iter().find(|p| p.time == Time::Year(2025)).unwrap().other.map(|i| d.observations[i].value),
        Some(1050.0)
    );
    // The dataset has no total trade for China: Zhejiang's share says so instead of drawing nothing.
    let zhejiang = d.entity_id("zhejiang").unwrap();
    assert!(
        chart.notes.iter().any(|n| matches!(n, Note::NoValueInMode { key } if key.entity == zhejiang)),
        "{:?}",
        chart.notes
    );
    // China is the root: it has no parent, and the chart says so.
    let f = Filter { mode: ValueMode::ShareOfParent, ..filter(&["china"], &["cross_border_ecommerce"]) };
    let chart = line_chart(&d, &f);
    assert!(chart.series.is_empty());
    let china = d.entity_id("china").unwrap();
    assert_eq!(chart.notes, [Note::NoParent { entities: vec![china] }]);
}

#[test]
fn share_of_total_divides_by_another_metric_and_never_by_zero() {
    let d = bundled();
    let f = Filter {
        mode: ValueMode::ShareOfTotal,
        total_metric: Some("exports".into()),
        ..filter(&["jinhua"], &["cross_border_ecommerce"])
    };
    let chart = line_chart(&d, &f);
    let s = series(&chart, "jinhua:cross_border_ecommerce");
    let share = value_at(s, 2025).unwrap();
    assert!((share - 169.6 / 921.3 * 100.0).abs() < 1e-9);
    assert_eq!(chart.title_metrics, [d.metric_id("cross_border_ecommerce").unwrap()]);
    assert_eq!(chart.unit, DisplayUnit::ShareOfMetric(d.metric_id("exports").unwrap()));

    // A total of zero: that year has no share (a gap), never an infinite or NaN point.
    let metrics = [("part", "billion_yuan"), ("total", "billion_yuan")];
    let mut figures = figures_of("a", "part", &[(2020, 5.0), (2021, 6.0), (2022, 7.0)]);
    figures.extend(figures_of("a", "total", &[(2020, 50.0), (2021, 0.0), (2022, 70.0)]));
    let d = dataset_of(&metrics, &figures);
    let f = Filter { mode: ValueMode::ShareOfTotal, total_metric: Some("total".into()), ..filter(&["a"], &["part"]) };
    let chart = line_chart(&d, &f);
    let s = series(&chart, "a:part");
    assert_eq!(value_at(s, 2020), Some(10.0));
    assert_eq!(value_at(s, 2021), None, "divided by zero");
    assert_eq!(value_at(s, 2022), Some(10.0));
    assert_eq!(s.segments().len(), 2, "the zero total is a gap in the line");
}

#[test]
fn metrics_of_different_units_are_not_mixed_on_one_axis() {
    let d = bundled();
    let chart = line_chart(&d, &filter(&["jinhua"], &["exports", "exports_yoy_growth"]));
    assert!(chart.series.iter().all(|s| d.metric(s.key.metric).id == "exports"));
    let growth = d.metric_id("exports_yoy_growth").unwrap();
    assert!(matches!(&chart.notes[..], [Note::OtherUnit { metric, .. }] if *metric == growth), "{:?}", chart.notes);
}

#[test]
fn dollars_are_never_mixed_with_yuan() {
    let d = bundled();
    let chart = line_chart(&d, &filter(&["jinhua"], &["total_trade", "total_trade_usd"]));
    assert_eq!(chart.unit, DisplayUnit::Money { currency: Currency::Yuan, multiplier: 1e9 });
    let dollars = DisplayUnit::Money { currency: Currency::Usd, multiplier: 1e9 };
    assert!(
        chart.notes.iter().any(|n| matches!(n, Note::OtherUnit { own, .. } if *own == dollars)),
        "{:?}",
        chart.notes
    );
}

#[test]
fn hiding_derived_figures_removes_them() {
    let d = bundled();
    let f = Filter { include_derived: false, ..filter(&["yiwu"], &["exports"]) };
    let s = &line_chart(&d, &f).series[0];
    let years: Vec<i32> = s.points.iter().map(|p| p.time.year()).collect();
    // 2024 and 2025 exports of Yiwu are derived (from total minus imports, and growth).
    assert_eq!(years, [2014, 2019, 2023]);
}

#[test]
fn minimum_trust_hides_lower_figures() {
    let d = bundled();
    let f = Filter { min_trust: Some(Trust::High), ..filter(&["zhejiang"], &["total_trade"]) };
    let s = &line_chart(&d, &f).series[0];
    assert!(s.points.iter().all(|p| p.trust == Some(Trust::High)));
    assert!(!s.points.iter().any(|p| p.time == Time::Year(2024)), "2024 is low trust");
}

#[test]
fn an_empty_selection_says_why() {
    let d = bundled();
    let chart = line_chart(&d, &filter(&["yongkang"], &["cross_border_ecommerce"]));
    let (yongkang, cbec) = (d.entity_id("yongkang").unwrap(), d.metric_id("cross_border_ecommerce").unwrap());
    assert_eq!(chart.empty_reason, Some(Empty::NoFigures { entities: vec![yongkang], metrics: vec![cbec] }));
    let chart = line_chart(&d, &filter(&["jinhua"], &[]));
    assert_eq!(chart.empty_reason, Some(Empty::NothingSelected));
}

#[test]
fn log_scale_is_refused_for_values_at_or_below_zero() {
    let growth = [("growth", "percent_change")];
    let log = |values: &[(i32, f64)]| {
        let d = dataset_of(&growth, &figures_of("a", "growth", values));
        let chart = line_chart(&d, &Filter { log_scale: true, ..filter(&["a"], &["growth"]) });
        (chart.log_scale, chart.log_unavailable)
    };
    assert_eq!(log(&[(2020, 3.5), (2021, 12.0), (2022, 0.4)]), (true, None), "all above zero");
    for values in [[(2020, 3.5), (2021, 0.0), (2022, 0.4)], [(2020, 3.5), (2021, -2.1), (2022, 0.4)]] {
        let (on, why) = log(&values);
        assert!(!on, "{values:?}: a log axis was drawn");
        assert_eq!(why, Some(Unavailable::LogNonPositive), "{values:?}");
    }
    // A hidden line with a negative value does not keep the others from a log axis.
    let mut figures = figures_of("a", "growth", &[(2020, 3.5), (2021, 12.0)]);
    figures.extend(figures_of("b", "growth", &[(2020, -1.0), (2021, 2.0)]));
    let d = dataset_of(&growth, &figures);
    let mut f = Filter { log_scale: true, ..filter(&["a", "b"], &["growth"]) };
    f.hidden.insert("b:growth".into());
    assert!(line_chart(&d, &f).log_scale);
}

#[test]
fn compare_defaults_to_the_year_with_the_most_figures_and_keeps_no_data_slots() {
    let d = bundled();
    let chart = bar_chart(&d, &filter(&["jinhua", "yiwu", "yongkang"], &["exports"]));
    assert_eq!(chart.year, Some(2025));
    assert_eq!(chart.groups.len(), 3);
    let exports = &chart.series[0];
    let group = |id: &str| chart.groups.iter().position(|g| d.entity(g.entity).id == id).unwrap();
    let yongkang = group("yongkang");
    assert!(exports.cells[yongkang].is_none(), "Yongkang 2025 is a no-data slot, not a zero bar");
    let jinhua = group("jinhua");
    assert_eq!(exports.cells[jinhua].as_ref().map(|c| c.value), Some(921.3));
    assert!(chart.years.contains(&2022));
}

#[test]
fn stacking_is_only_offered_for_amounts() {
    let d = bundled();
    let f = Filter { bar_layout: BarLayout::Stacked, ..filter(&["jinhua"], &["exports", "imports"]) };
    assert_eq!(bar_chart(&d, &f).layout, BarLayout::Stacked);
    let f = Filter { mode: ValueMode::Yoy, ..f };
    let chart = bar_chart(&d, &f);
    assert_eq!(chart.layout, BarLayout::Grouped);
    assert_eq!(chart.stack_unavailable, Some(Unavailable::StackNotAmounts));
}

#[test]
fn entity_search_matches_names_in_both_languages_and_ids() {
    let d = bundled();
    let names = |needle: &str| {
        let search = PlaceSearch { text: needle.into(), ..PlaceSearch::default() };
        search_entities(&d, &search).into_iter().map(|e| d.entity(e).id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(names("yiw"), ["yiwu"]);
    assert_eq!(names("JIN"), ["jinhua", "jindong", "jinyi_new_area"]);
    assert_eq!(names("pan'an"), ["panan"]);
    assert_eq!(names("义乌"), ["yiwu"]);
    assert_eq!(names("").len(), d.entities.len());
    assert!(names("atlantis").is_empty());
}

#[test]
fn places_are_narrowed_to_countries_aggregates_or_one_value_of_an_attribute() {
    let csv = "Entity,Code,Year,Region,GDP\nWorld,OWID_WRL,2020,,9\nAsia,,2020,,5\nChina,CHN,2020,Asia,3\n\
        Chile,CHL,2020,Americas,1\nIndia,IND,2020,Asia,2\n";
    let path = std::path::Path::new("x.csv");
    let progress = crate::data::Progress::default();
    let (d, _) =
        crate::data::owid::load_owid_csv(path, csv.as_bytes(), crate::data::owid::PackageFor::Missing, &progress)
            .unwrap();
    let names = |search: PlaceSearch| -> Vec<String> {
        search_entities(&d, &search).into_iter().map(|e| d.entity(e).name.clone()).collect()
    };
    assert_eq!(names(PlaceSearch { kinds: PlaceKinds::Places, ..Default::default() }), ["China", "Chile", "India"]);
    assert_eq!(names(PlaceSearch { kinds: PlaceKinds::Aggregates, ..Default::default() }), ["World", "Asia"]);
    assert_eq!(names(PlaceSearch::default()).len(), 5);
    let asia = d.attributes[0].values.iter().position(|v| v == "Asia").map(|v| v as u32);
    assert_eq!(names(PlaceSearch { attributes: vec![asia], ..Default::default() }), ["China", "India"]);
    let search = PlaceSearch { text: "ind".into(), attributes: vec![asia], ..Default::default() };
    assert_eq!(names(search), ["India"]);
}

/// A dataset of these figures (entity, metric, year, value); metrics are given with their units.
fn dataset_of(metrics: &[(&str, &str)], figures: &[(String, String, i32, f64)]) -> Dataset {
    let mut entities: Vec<&str> = figures.iter().map(|f| f.0.as_str()).collect();
    entities.dedup();
    let entity_list: Vec<String> =
        entities.iter().map(|e| format!(r#"{{"id": "{e}", "name": "Place {e}", "kind": "city"}}"#)).collect();
    let metric_list: Vec<String> =
        metrics.iter().map(|(m, unit)| format!(r#"{{"id": "{m}", "name": "Metric {m}", "unit": "{unit}"}}"#)).collect();
    let observations: Vec<String> = figures
        .iter()
        .map(|(e, m, year, value)| {
            format!(
                r#"{{"entity": "{e}", "metric": "{m}", "year": {year}, "value": {value}, "source": "s", "quote": "stated", "trust": "high"}}"#
            )
        })
        .collect();
    let json = format!(
        r#"{{"format_version": 1, "title": "Synthetic", "sources": [{{"id": "s", "title": "t", "publisher": "p", "url": "https://example.org"}}],
        "entities": [{}], "metrics": [{}], "observations": [{}]}}"#,
        entity_list.join(","),
        metric_list.join(","),
        observations.join(",")
    );
    match super::super::json::load_json(std::path::Path::new("synthetic.json"), json.as_bytes()) {
        Ok((d, _)) => d,
        Err(e) => panic!("{e:?}"),
    }
}

/// A dataset of `entities` × `metrics` series over 2020–2022, every figure quoted.
fn synthetic(entities: usize, metrics: usize) -> Dataset {
    let metric_ids: Vec<(String, &str)> = (0..metrics).map(|m| (format!("m{m}"), "billion_yuan")).collect();
    let metric_refs: Vec<(&str, &str)> = metric_ids.iter().map(|(m, u)| (m.as_str(), *u)).collect();
    let mut figures = Vec::new();
    for e in 0..entities {
        for m in 0..metrics {
            for year in 2020..2023 {
                figures.push((
                    format!("e{e}"),
                    format!("m{m}"),
                    year,
                    (1 + e * 100 + m * 7 + year as usize % 10) as f64,
                ));
            }
        }
    }
    dataset_of(&metric_refs, &figures)
}

fn figures_of(entity: &str, metric: &str, values: &[(i32, f64)]) -> Vec<(String, String, i32, f64)> {
    values.iter().map(|&(y, v)| (entity.to_string(), metric.to_string(), y, v)).collect()
}

#[test]
fn twelve_lines_drawn_never_share_both_colour_and_dash() {
    // Twelve places; one place with twelve metrics; three with four; two with six; and sixty
    // lines selected, of which the twelve largest are drawn.
    for (entities, metrics) in [(12, 1), (1, 12), (3, 4), (2, 6), (20, 3)] {
        let d = synthetic(entities, metrics);
        let f = Filter {
            entities: d.entities.iter().map(|e| e.id.clone()).collect(),
            metrics: d.metrics.iter().map(|m| m.id.clone()).collect(),
            ..Filter::default()
        };
        let chart = line_chart(&d, &f);
        let mut drawn: Vec<(usize, usize)> = chart.visible_series().map(|s| (s.style.colour, s.style.dash)).collect();
        assert_eq!(drawn.len(), 12, "{entities} × {metrics}");
        drawn.sort_unstable();
        drawn.dedup();
        assert_eq!(drawn.len(), 12, "{entities} × {metrics}: two lines look alike");
    }
}

#[test]
fn a_place_has_one_colour_in_every_view_and_its_second_metric_a_dash() {
    let d = bundled();
    let f = filter(&["jinhua", "yiwu", "yongkang"], &["exports", "imports"]);
    let line = line_chart(&d, &f);
    let style = |id: &str| series(&line, id).style;
    assert_eq!(style("yiwu:exports").colour, style("yiwu:imports").colour);
    assert_ne!(style("yiwu:exports").dash, style("yiwu:imports").dash);
    assert_ne!(style("jinhua:exports").colour, style("yiwu:exports").colour);
    let bars = bars_from_line(&d, &f, &line);
    let yiwu = d.entity_id("yiwu").unwrap();
    let group = bars.groups.iter().find(|g| g.entity == yiwu).expect("Yiwu's bars");
    assert_eq!(group.colour, style("yiwu:exports").colour);
    let shares = share_chart(&d, &filter(&["jinhua", "yiwu", "yongkang"], &[]));
    let row = shares.rows.iter().find(|r| r.entity == yiwu).expect("Yiwu's shares");
    assert_eq!(row.colour, style("yiwu:exports").colour);
}

/// Jinhua's exports (the whole) and its parts by destination (Africa, ASEAN; Belt and Road
/// overlapping both) and by kind of goods (mechanical and electrical), for 2024.
fn exports_with_parts() -> Dataset {
    let json = r#"{"format_version": 1, "title": "Parts",
        "sources": [{"id": "s", "title": "t", "publisher": "p", "url": "https://example.org"}],
        "entities": [{"id": "jinhua", "name": "Jinhua"}],
        "metrics": [{"id": "exports", "name": "Exports", "unit": "billion_yuan"}],
        "categories": [
            {"id": "africa", "name": "Africa", "dimension": "destination"},
            {"id": "asean", "name": "ASEAN", "dimension": "destination"},
            {"id": "belt_and_road", "name": "Belt and Road", "dimension": "destination", "overlaps": ["africa", "asean"]},
            {"id": "mech", "name": "Mechanical and electrical", "dimension": "goods"}],
        "observations": [
            {"entity": "jinhua", "metric": "exports", "year": 2024, "value": 771.92, "source": "s", "quote": "q", "trust": "high"},
            {"entity": "jinhua", "metric": "exports", "category": "africa", "year": 2024, "value": 120.0, "source": "s", "quote": "q", "trust": "high"},
            {"entity": "jinhua", "metric": "exports", "category": "asean", "year": 2024, "value": 80.0, "source": "s", "quote": "q", "trust": "high"},
            {"entity": "jinhua", "metric": "exports", "category": "belt_and_road", "year": 2024, "value": 400.0, "source": "s", "quote": "q", "trust": "high"},
            {"entity": "jinhua", "metric": "exports", "category": "mech", "year": 2024, "value": 300.0, "source": "s", "quote": "q", "trust": "high"}]}"#;
    match super::super::json::load_json(std::path::Path::new("parts.json"), json.as_bytes()) {
        Ok((d, _)) => d,
        Err(e) => panic!("{e:?}"),
    }
}

#[test]
fn without_parts_chosen_a_whole_is_shown_alone_and_chosen_parts_beside_it() {
    let d = exports_with_parts();
    let whole = line_chart(&d, &filter(&["jinhua"], &["exports"]));
    assert_eq!(whole.series.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["jinhua:exports"]);
    let f = Filter { categories: ["africa", "asean"].map(String::from).into(), ..filter(&["jinhua"], &["exports"]) };
    let ids: Vec<String> = line_chart(&d, &f).series.iter().map(|s| s.id.clone()).collect();
    assert_eq!(ids, ["jinhua:exports", "jinhua:exports:africa", "jinhua:exports:asean"]);
}

#[test]
fn a_whole_is_never_stacked_with_its_own_parts() {
    let d = exports_with_parts();
    let mut f = Filter {
        categories: ["africa", "asean"].map(String::from).into(),
        bar_layout: BarLayout::Stacked,
        ..filter(&["jinhua"], &["exports"])
    };
    let bars = bar_chart(&d, &f);
    assert_eq!(bars.layout, BarLayout::Grouped);
    assert_eq!(bars.stack_unavailable, Some(Unavailable::StackWholeWithParts));
    // Without the whole, Africa and ASEAN (one dimension, apart) stack.
    f.hidden.insert("exports".into());
    let bars = bar_chart(&d, &f);
    assert_eq!((bars.layout, bars.stack_unavailable), (BarLayout::Stacked, None));
}

#[test]
fn only_parts_of_one_dimension_that_do_not_overlap_are_stacked() {
    let d = exports_with_parts();
    for (parts, why) in [
        (["africa", "mech"], Unavailable::StackDifferentDimensions),
        (["africa", "belt_and_road"], Unavailable::StackOverlapping),
    ] {
        let mut f = Filter {
            categories: parts.map(String::from).into(),
            bar_layout: BarLayout::Stacked,
            ..filter(&["jinhua"], &["exports"])
        };
        f.hidden.insert("exports".into());
        let bars = bar_chart(&d, &f);
        assert_eq!(bars.layout, BarLayout::Grouped, "{parts:?}");
        assert_eq!(bars.stack_unavailable, Some(why), "{parts:?}");
    }
    // Overlaps are known both ways once loaded.
    let africa = d.category_id("africa").unwrap();
    let belt = d.category_id("belt_and_road").unwrap();
    assert!(d.category(africa).overlaps.contains(&belt));
}

#[test]
fn a_division_is_a_share_of_jinhua_and_jinyi_new_area_of_nothing() {
    let d = bundled();
    let f = Filter {
        mode: ValueMode::ShareOfParent,
        period: crate::data::PeriodChoice::Named("jan_nov".into()),
        ..filter(&["dongyang", "jinyi_new_area"], &["total_trade"])
    };
    let chart = line_chart(&d, &f);
    let dongyang = chart.series.iter().find(|s| s.id.starts_with("dongyang:")).expect("Dongyang's share");
    let at_2025 = dongyang.points.iter().find(|p| p.time == Time::Year(2025)).expect("2025");
    let jinhua = at_2025.other.map(|i| &d.observations[i]).expect("divided by Jinhua");
    assert_eq!(d.entity(jinhua.cell.entity).id, "jinhua");
    assert!((at_2025.value.unwrap() - 28.647 / jinhua.value * 100.0).abs() < 1e-9);
    // Jinyi New Area overlaps Jindong: it has no parent, so it is never a share of Jinhua.
    assert!(!chart.series.iter().any(|s| s.id.starts_with("jinyi_new_area:")));
    let jinyi = d.entity_id("jinyi_new_area").unwrap();
    assert!(chart.notes.contains(&Note::NoParent { entities: vec![jinyi] }), "{:?}", chart.notes);
}

#[test]
fn a_single_months_figure_is_its_own_line_not_a_point_among_years() {
    let d = bundled();
    let chart = line_chart(&d, &filter(&["yiwu"], &["total_trade"]));
    let years = series(&chart, "yiwu:total_trade");
    assert!(years.points.iter().all(|p| matches!(p.time, Time::Year(_))), "{:?}", years.points);
    let april = series(&chart, "yiwu:total_trade@monthly");
    assert_eq!(
        april.points.iter().map(|p| (p.time, p.value)).collect::<Vec<_>>(),
        [(Time::month(2021, 4).unwrap(), Some(27.01))]
    );
    assert!(chart.mixed_resolutions, "the month's line says it is one");
}

#[test]
fn a_whole_and_its_parts_are_known_as_such() {
    let d = bundled();
    let f = Filter {
        categories: ["africa", "asean"].map(String::from).into(),
        period: PeriodChoice::Named("jan_aug".into()),
        compare_year: Some(2025),
        bar_layout: BarLayout::Stacked,
        ..filter(&["yiwu"], &["total_trade"])
    };
    let chart = bar_chart(&d, &f);
    let parts = chart.parts_of.as_ref().expect("one whole and its parts");
    assert_eq!((d.metric(parts.metric).id.as_str(), d.period(parts.period)), ("total_trade", "jan_aug"));
    assert_eq!(parts.dimension.as_deref(), Some("destination"));
    assert_eq!(chart.layout, BarLayout::Grouped, "a whole is never stacked with its parts");
    let values: Vec<Option<f64>> = chart.series.iter().map(|s| s.cells[0].as_ref().map(|c| c.value)).collect();
    assert_eq!(values, [Some(554.26), Some(96.83), Some(62.87)]);
}

#[test]
fn the_sources_search_finds_a_source_by_any_case_of_its_publisher_or_by_a_quote() {
    let d = bundled();
    let index = sources_index(&d);
    assert_eq!(index.search("").len(), d.sources.len());
    assert!(index.search("no source says this 1234567").is_empty());
    let (with_quote, quote) = (0..d.sources.len())
        .find_map(|s| index.figures[s].iter().find_map(|&o| d.observations[o].quote()).map(|q| (s, q)))
        .expect("a source with a quoted figure");
    let fragment: String = quote.chars().skip(2).take(6).collect();
    assert!(index.search(&fragment).contains(&with_quote), "{fragment:?} is in the quote of source {with_quote}");
    let publisher = &d.sources[with_quote].publisher;
    assert!(index.search(&format!("  {}  ", publisher.to_uppercase())).contains(&with_quote));
    // A derived figure and a figure with alternatives are listed as such.
    assert!(index.derived.iter().all(|&o| d.observations[o].derived) && !index.derived.is_empty());
    assert!(index.conflicts.iter().all(|&o| !d.observations[o].alternatives().is_empty()));
}
