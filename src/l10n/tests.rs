use super::*;
use crate::data::query::{ShownFigure, line_chart};
use crate::data::testing::{bundled, filter, series};
use crate::data::{Filter, Time, ValueMode};

#[test]
fn each_language_names_itself() {
    assert_eq!(crate::tr!(Lang::EN, "language-name"), "English");
    assert_eq!(crate::tr!(Lang::ZH, "language-name"), "中文");
}

#[test]
fn the_tooltip_of_jinhuas_2025_exports_names_value_and_source() {
    let d = bundled();
    let f = filter(&["jinhua"], &["exports"]);
    let chart = line_chart(&d, &f);
    let p = series(&chart, "jinhua:exports").points.iter().find(|p| p.time == Time::Year(2025)).unwrap();
    let e = explain(&d, &ShownFigure::new(p.observation, p.value, chart.unit.clone(), p.other, &f), Lang::EN);
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
    let chart = line_chart(&d, &f);
    let imports = series(&chart, "jinhua:imports").points.iter().find(|p| p.time == Time::Year(2025)).unwrap();
    let e = explain(&d, &ShownFigure::new(imports.observation, imports.value, chart.unit.clone(), None, &f), Lang::EN);
    assert!(e.derived.unwrap().starts_with("Derived: total_trade 2025 - exports 2025 = 1050 - 921.3 = 128.7"));
    let total = series(&chart, "jinhua:total_trade").points.iter().find(|p| p.time == Time::Year(2021)).unwrap();
    let e = explain(&d, &ShownFigure::new(total.observation, total.value, chart.unit.clone(), None, &f), Lang::EN);
    assert_eq!(e.alternatives, ["Also reported: 500 billion yuan — RSA consultancy blog (trust: low)"]);
}

#[test]
fn a_growth_rate_says_what_it_was_computed_from() {
    let d = bundled();
    let f = Filter { mode: ValueMode::Yoy, ..filter(&["jinhua"], &["exports"]) };
    let chart = line_chart(&d, &f);
    let p = series(&chart, "jinhua:exports").points.iter().find(|p| p.time == Time::Year(2025)).unwrap();
    let e = explain(&d, &ShownFigure::new(p.observation, p.value, chart.unit.clone(), p.other, &f), Lang::EN);
    assert_eq!(e.value, "+19.4 %");
    assert_eq!(e.computed.unwrap(), "Computed from 921.3 billion yuan and Jinhua Exports 2024: 771.92 billion yuan");
}

#[test]
fn industry_shares_say_what_they_are_a_share_of() {
    let d = bundled();
    let chart = crate::data::query::share_chart(&d, &filter(&["yongkang", "yiwu"], &[]));
    let words = share_words(&d, &chart, Lang::EN);
    let row = |text: &str| words.labels.iter().position(|l| l.contains(text)).unwrap_or_else(|| panic!("{text}"));
    let doors = row("Share of China's security doors");
    assert_eq!(chart.rows[doors].value, 70.0);
    assert_eq!(chart.rows[doors].time, Time::Year(2025), "only the latest figure by default");
    assert_eq!(words.labels[doors], "Share of China's security doors (2025)");
    assert_eq!(words.share_of[doors].as_deref(), Some("of China"));
    assert_eq!(words.share_of[row("Spring Festival")].as_deref(), Some("of the world"));
    let zh = share_words(&d, &chart, Lang::ZH);
    assert_eq!(zh.share_of[doors].as_deref(), Some("占全国"));
}

#[test]
fn table_rows_are_exactly_the_visible_points() {
    let d = bundled();
    let mut f = filter(&["jinhua", "yiwu"], &["exports"]);
    let chart = line_chart(&d, &f);
    let points: usize = chart.series.iter().map(|s| s.points.len()).sum();
    assert_eq!(table_rows(&d, &chart.table(), Lang::EN).len(), points);
    f.hidden.insert("yiwu:exports".into());
    let chart = line_chart(&d, &f);
    let rows = table_rows(&d, &chart.table(), Lang::EN);
    assert!(rows.iter().all(|r| r.entity == "Jinhua"));
    let row_2025 = rows.iter().find(|r| r.time == Time::Year(2025)).unwrap();
    assert_eq!(row_2025.value_text, "921.3 billion yuan");
    assert!(row_2025.source.contains("China Daily, 2026-02-14"));
}

#[test]
fn legend_labels_name_the_place_in_the_language_and_the_period() {
    let d = bundled();
    let chart = line_chart(&d, &filter(&["jinhua"], &["exports"]));
    assert_eq!(chart.series[0].id, "jinhua:exports");
    assert_eq!(line_words(&d, &chart, Lang::ZH).labels, ["金华"]);
    let f =
        Filter { period: crate::data::PeriodChoice::Named("jan_nov".into()), ..filter(&["jinhua"], &["total_trade"]) };
    let chart = line_chart(&d, &f);
    assert_eq!(line_words(&d, &chart, Lang::EN).labels, ["Jinhua, Jan–Nov"]);
    assert_eq!(line_words(&d, &chart, Lang::ZH).labels, ["金华,1–11月"]);
    // A single month beside the years says so.
    let chart = line_chart(&d, &filter(&["yiwu"], &["total_trade"]));
    assert_eq!(line_words(&d, &chart, Lang::EN).labels, ["Yiwu", "Yiwu, single months"]);
    assert_eq!(line_words(&d, &chart, Lang::ZH).labels, ["义乌", "义乌,单月"]);
}

#[test]
fn table_rows_sort_by_value_with_missing_values_last() {
    let d = bundled();
    let f = Filter { mode: ValueMode::Yoy, ..filter(&["jinhua", "yiwu"], &["exports"]) };
    let mut rows = table_rows(&d, &line_chart(&d, &f).table(), Lang::EN);
    sort_rows(&mut rows, crate::data::query::TableColumn::Value, false);
    let values: Vec<Option<f64>> = rows.iter().map(|r| r.value).collect();
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    assert!(present.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
    assert!(values.iter().skip_while(|v| v.is_some()).all(Option::is_none), "missing values last: {values:?}");
    sort_rows(&mut rows, crate::data::query::TableColumn::Time, true);
    assert!(rows.windows(2).all(|w| w[0].time <= w[1].time));
}

#[test]
fn the_table_sorts_places_by_their_name_in_the_language() {
    let d = bundled();
    let f = filter(&["jinhua", "yiwu", "yongkang", "zhejiang"], &["exports"]);
    let mut table = line_chart(&d, &f).table();
    sort_table(&d, &mut table, crate::data::query::TableColumn::Entity, true, Lang::EN);
    let mut names: Vec<String> = table_rows(&d, &table, Lang::EN).into_iter().map(|r| r.entity).collect();
    names.dedup();
    assert_eq!(names, ["Jinhua", "Yiwu", "Yongkang", "Zhejiang"]);
}

#[test]
fn a_whole_and_its_parts_are_titled_once_and_the_parts_named_alone() {
    let d = bundled();
    let mut f = Filter {
        categories: ["africa", "asean"].map(String::from).into(),
        period: crate::data::PeriodChoice::Named("jan_aug".into()),
        compare_year: Some(2025),
        bar_layout: crate::data::BarLayout::Stacked,
        ..filter(&["yiwu"], &["total_trade"])
    };
    let chart = crate::data::query::bar_chart(&d, &f);
    let words = bar_words(&d, &chart, Lang::EN);
    assert_eq!(words.title, "Total foreign trade, Jan–Aug, by destination, 2025");
    assert_eq!(words.series, ["Total foreign trade, Jan–Aug", "Africa", "ASEAN"]);
    assert!(words.stack_unavailable.as_deref().is_some_and(|w| w.starts_with("A whole cannot be stacked with parts")));
    f.hidden.insert(chart.series[0].id.clone());
    let chart = crate::data::query::bar_chart(&d, &f);
    assert_eq!(bar_words(&d, &chart, Lang::ZH).title, "2025年进出口总额,1–8月,按目的地");
}

#[test]
fn titles_notes_and_reasons_read_in_each_language() {
    let d = bundled();
    let f = Filter {
        mode: ValueMode::ShareOfTotal,
        total_metric: Some("exports".into()),
        ..filter(&["jinhua"], &["cross_border_ecommerce"])
    };
    let chart = line_chart(&d, &f);
    assert_eq!(line_words(&d, &chart, Lang::EN).title, "Cross-border e-commerce: share of Exports");
    assert_eq!(line_words(&d, &chart, Lang::ZH).title, "跨境电商进出口:占出口额比重");
    let chart = line_chart(&d, &filter(&["jinhua"], &["exports", "exports_yoy_growth"]));
    let notes = line_words(&d, &chart, Lang::EN).notes;
    assert!(notes[0].starts_with("Exports, growth on previous year is not shown"), "{notes:?}");
    let chart = line_chart(&d, &filter(&["jinhua"], &["total_trade", "total_trade_usd"]));
    assert!(line_words(&d, &chart, Lang::EN).notes.iter().any(|n| n.contains("billion US dollars")));
    let chart = line_chart(&d, &filter(&["yongkang"], &["cross_border_ecommerce"]));
    assert_eq!(
        line_words(&d, &chart, Lang::EN).empty.as_deref(),
        Some("No Cross-border e-commerce figures for Yongkang in this dataset.")
    );
    let chart = crate::data::query::bar_chart(&d, &filter(&["jinhua", "yiwu", "yongkang"], &["exports"]));
    assert_eq!(bar_words(&d, &chart, Lang::EN).title, "Exports, 2025");
    assert_eq!(bar_words(&d, &chart, Lang::ZH).title, "2025年出口额");
    let f = Filter { mode: ValueMode::ShareOfParent, ..filter(&["china"], &["cross_border_ecommerce"]) };
    let chart = line_chart(&d, &f);
    assert_eq!(line_words(&d, &chart, Lang::EN).notes, ["China: no parent area in this dataset, so no share of it."]);
}

#[test]
fn a_load_error_speaks_the_language_of_the_window_and_keeps_its_place() {
    let bytes = b"{\"format_version\": 1, \"title\": \"t\",\n \"observations\": [}";
    let err = crate::data::json::load_json(std::path::Path::new("data.json"), bytes).expect_err("broken JSON");
    let en = load_error_text(&err, Lang::EN);
    let zh = load_error_text(&err, Lang::ZH);
    assert!(en.starts_with("data.json: line 2, column "), "{en}");
    assert!(zh.starts_with("data.json:第 2 行,第 "), "{zh}");
    assert_eq!(err.to_string(), en, "Display is the fallback language's words");
    // A validation problem: the place is a placeable, the words are the language's.
    let csv = "entity,metric,year,value\nJinhua,Exports,20x4,1\n";
    let progress = crate::data::progress::Progress::default();
    let err = crate::data::csv::load_tidy_csv(std::path::Path::new("t.csv"), csv.as_bytes(), None, &progress)
        .expect_err("a bad year");
    assert_eq!(
        load_error_text(&err, Lang::EN),
        "t.csv: row 2, column `year`: \"20x4\" is not a year (expected a whole number, like 2024, or -500 for 500 BCE)"
    );
    assert_eq!(
        load_error_text(&err, Lang::ZH),
        "t.csv:第 2 行,`year` 列:\"20x4\" 不是年份(应为整数,如 2024;公元前500年写作 -500)"
    );
}

#[test]
fn a_settings_file_that_was_not_used_is_explained_in_the_windows_language() {
    use crate::settings::{NotUsed, SettingsProblem};
    let problem = SettingsProblem::NotUsed {
        path: "/home/a/settings.json".into(),
        why: NotUsed::Newer(7),
        backup: "/home/a/settings.json.bak".into(),
        backup_failed: None,
    };
    let en = settings_problem_text(&problem, Lang::EN);
    assert_eq!(
        en,
        "The settings file /home/a/settings.json was not used: it was written by a newer version of Trade \
         Explorer (settings version 7); it was kept as /home/a/settings.json.bak. Started with defaults."
    );
    let zh = settings_problem_text(&problem, Lang::ZH);
    assert!(zh.starts_with("未使用设置文件 /home/a/settings.json："), "{zh}");
    assert!(zh.contains("设置版本 7") && zh.contains("/home/a/settings.json.bak"), "{zh}");
}

#[test]
fn an_export_that_failed_says_why_in_the_windows_language() {
    let error = crate::export::ExportError::Write {
        path: "/read-only/chart.png".into(),
        source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
    };
    assert_eq!(export_error_text(&error, Lang::EN), "could not write /read-only/chart.png: permission denied");
    assert!(export_error_text(&error, Lang::ZH).starts_with("无法写入 /read-only/chart.png："));
    assert_eq!(error.to_string(), export_error_text(&error, Lang::EN), "logs and the terminal read English");
}
