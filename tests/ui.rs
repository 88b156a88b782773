//! The real app, driven by role and label with egui_kittest (no display or GPU needed).

mod support;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use support::{OWID_CSV, app, app_sized, drop_file, series_ids, target, wait_for_load};
use trade_explorer::app::TradeExplorerApp;
use trade_explorer::data::query::TableColumn;
use trade_explorer::data::{DisplayUnit, Filter, Time, load_bundled};
use trade_explorer::l10n::Lang;
use trade_explorer::settings::State;
use trade_explorer::ui::{Tab, chart_layout};

#[test]
fn opens_on_the_exports_of_jinhua_yiwu_and_yongkang() {
    let harness = app(State::default(), None);
    assert_eq!(series_ids(&harness), ["jinhua:exports", "yiwu:exports", "yongkang:exports"]);
    assert_eq!(harness.state().words().line.title, "Exports");
    harness.get_by_role_and_label(Role::CheckBox, "Exports");
    harness.get_by_role_and_label(Role::Button, "Over time");
}

#[test]
fn unticking_an_entity_removes_its_line_and_its_table_rows() {
    let mut harness = app(State::default(), None);
    harness.get_by_role_and_label(Role::CheckBox, "Yongkang").click();
    harness.run();
    assert_eq!(series_ids(&harness), ["jinhua:exports", "yiwu:exports"]);
    harness.get_by_role_and_label(Role::Button, "Table").click();
    harness.run();
    let rows = harness.state_mut().table_rows();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.entity != "Yongkang"));
    assert_eq!(harness.state().state().tab, Tab::Table);
}

#[test]
fn the_value_mode_changes_what_the_chart_draws() {
    let mut harness = app(State::default(), None);
    let radio = harness.get_by_label("Growth on previous year, %");
    radio.scroll_to_me();
    harness.run();
    harness.get_by_label("Growth on previous year, %").click();
    harness.run();
    assert_eq!(harness.state().models().line.unit, DisplayUnit::GrowthOnPrevious);
    assert_eq!(harness.state().words().line.title, "Exports: growth on previous year");
}

#[test]
fn the_compare_year_picker_changes_the_bars() {
    let mut harness = app(State::default(), None);
    harness.get_by_role_and_label(Role::Button, "Compare").click();
    harness.run();
    assert_eq!(harness.state().models().bars.year, Some(2025));
    harness.get_by_value("2025").click();
    harness.run();
    harness.get_by_label("2022").click();
    harness.run();
    let bars = &harness.state().models().bars;
    assert_eq!(bars.year, Some(2022));
    assert_eq!(harness.state().words().bars.title, "Exports, 2022");
    let yongkang = harness.state().words().bars.groups.iter().position(|g| g == "Yongkang").unwrap();
    assert_eq!(bars.series[0].cells[yongkang].as_ref().map(|c| c.value), Some(40.25));
}

#[test]
fn hovering_a_point_shows_its_value_and_source() {
    let mut harness = app(State::default(), None);
    let pos = target(&harness, Tab::OverTime, "jinhua", "exports", 2025);
    harness.hover_at(pos);
    harness.run();
    harness.get_by_label("Jinhua · Exports — 2025");
    harness.get_by_label("921.3 billion yuan");
    harness.get_by_label_contains("Source: China Daily, 2026-02-14 — Inland city makes mark as global biz hub");
}

#[test]
fn hovering_a_bar_shows_its_value_and_source() {
    let mut harness = app(State { tab: Tab::Compare, ..State::default() }, None);
    harness.run();
    let pos = target(&harness, Tab::Compare, "jinhua", "exports", 2025);
    harness.hover_at(pos);
    harness.run();
    harness.get_by_label("Jinhua · Exports — 2025");
    harness.get_by_label("921.3 billion yuan");
    harness.get_by_label_contains("Source: China Daily, 2026-02-14 — Inland city");
}

#[test]
fn clicking_a_point_selects_it_and_the_card_shows_the_quote() {
    let mut harness = app(State::default(), None);
    let pos = target(&harness, Tab::OverTime, "jinhua", "exports", 2025);
    harness.hover_at(pos);
    harness.run();
    harness.get_by_label("Jinhua · Exports — 2025").hover();
    harness.hover_at(pos);
    harness.run();
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Default::default(),
    });
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Default::default(),
    });
    harness.run();
    let selected = harness.state().selected().expect("a selected figure");
    assert_eq!(harness.state().loaded().dataset.observations[selected.figure.observation].value, 921.3);
    harness.get_by_label("Selected figure");
    harness.get_by_label_contains("helped push Jinhua's exports to 921.3 billion yuan");
    harness.get_by_role_and_label(Role::Button, "Clear").click();
    harness.run();
    assert!(harness.state().selected().is_none());
}

#[test]
fn a_legend_click_hides_a_series_from_chart_and_table_and_alt_click_shows_only_one() {
    let mut harness = app(State::default(), None);
    harness.get_by_role_and_label(Role::Button, "Yiwu").click();
    harness.run();
    assert_eq!(series_ids(&harness), ["jinhua:exports", "yongkang:exports"]);
    assert!(harness.state_mut().table_rows().iter().all(|r| r.entity != "Yiwu"));
    harness.get_by_role_and_label(Role::Button, "Jinhua").click_modifiers(egui::Modifiers::ALT);
    harness.run();
    assert_eq!(series_ids(&harness), ["jinhua:exports"]);
}

#[test]
fn keyboard_shortcuts_switch_tabs_and_reset_filters() {
    let mut harness = app(State::default(), None);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num3);
    harness.run();
    assert_eq!(harness.state().state().tab, Tab::Shares);
    harness.get_by_role_and_label(Role::CheckBox, "Yiwu").click();
    harness.run();
    assert!(!harness.state().filter().entities.contains("yiwu"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::R);
    harness.run();
    assert!(harness.state().filter().entities.contains("yiwu"));
}

#[test]
fn the_language_switch_renames_places_metrics_and_labels() {
    let mut harness = app(State::default(), None);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("中文").click();
    harness.run();
    assert_eq!(harness.state().state().lang, Lang::ZH);
    harness.get_by_role_and_label(Role::Button, "随时间变化");
    harness.get_by_role_and_label(Role::CheckBox, "义乌");
    assert_eq!(harness.state().words().line.title, "出口额");
    // The dataset's own Chinese title, in the status line.
    harness.get_by_label_contains("金华、义乌、永康对外贸易 (内置)");
    // A Chinese reader counts money in 亿, as Chinese statistics do; an English one in billions.
    assert_eq!(harness.state().words().line.unit_label, "亿元");
    harness.get_by_label("视图").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    assert_eq!(harness.state().words().line.unit_label, "billion yuan");
}

#[test]
fn industry_shares_show_yongkangs_national_shares() {
    let mut harness = app(State::default(), None);
    harness.get_by_role_and_label(Role::Button, "Industry shares").click();
    harness.run();
    let shares = &harness.state().models().shares;
    let labels = &harness.state().words().shares.labels;
    let yongkang: Vec<(String, f64)> = shares
        .rows
        .iter()
        .zip(labels)
        .filter(|(r, _)| {
            harness.state().loaded().dataset.entity(r.entity).id == "yongkang" && r.time == Time::Year(2025)
        })
        .map(|(r, label)| (label.clone(), r.value))
        .collect();
    assert!(yongkang.contains(&("Share of China's security doors (2025)".into(), 70.0)), "{yongkang:?}");
    assert!(yongkang.contains(&("Share of China's insulated cups (2025)".into(), 60.0)), "{yongkang:?}");
    assert!(yongkang.contains(&("Share of China's leisure sports vehicles (2025)".into(), 45.0)), "{yongkang:?}");
}

#[test]
fn sorting_the_table_by_value() {
    let mut harness = app(State { tab: Tab::Table, ..State::default() }, None);
    harness.run();
    // The header names the unit once; the cells hold bare numbers.
    harness.get_by_label("Value (billion yuan)").click();
    harness.run();
    assert_eq!(harness.state().state().table_sort, (TableColumn::Value, true));
    let values: Vec<f64> = harness.state_mut().table_rows().iter().filter_map(|r| r.value).collect();
    assert!(values.windows(2).all(|w| w[0] <= w[1]), "{values:?}");
    harness.get_by_label("921.3");
}

#[test]
fn the_session_is_restored_after_a_restart() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("settings.json");
    let mut harness = app(State::default(), Some(path.clone()));
    harness.get_by_role_and_label(Role::Button, "Compare").click();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, "Yongkang").click();
    harness.run();
    eframe::App::on_exit(harness.state_mut(), None);
    drop(harness);

    let (state, message) = trade_explorer::settings::load(&path);
    assert_eq!(message, None);
    let harness = app(state, Some(path));
    assert_eq!(harness.state().state().tab, Tab::Compare);
    assert!(!harness.state().filter().entities.contains("yongkang"));
}

#[test]
fn copy_as_command_line_reproduces_the_filter() {
    use clap::Parser;
    let mut harness = app(State::default(), None);
    harness.get_by_role_and_label(Role::CheckBox, "Yongkang").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Compare").click();
    harness.run();
    let line = harness.state().command_line();
    assert!(
        line.starts_with("trade-explorer export --view compare --entity jinhua --entity yiwu --metric exports"),
        "{line}"
    );
    let words = shlex::split(&line).unwrap_or_else(|| panic!("not a shell line: {line}"));
    let cli = trade_explorer::cli::Cli::try_parse_from(&words).unwrap_or_else(|e| panic!("{line}: {e}"));
    let Some(trade_explorer::cli::Command::Export(args)) = cli.command else { panic!("not an export command: {line}") };
    assert_eq!(args.filter.to_filter(&harness.state().loaded().dataset), *harness.state().filter());
    assert!(args.out.to_string_lossy().ends_with(".png"));
}

#[test]
fn dropping_a_file_opens_it_and_the_filters_adapt() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("exports.csv");
    std::fs::write(&path, OWID_CSV).expect("written");
    let mut harness = app(State::default(), None);
    drop_file(&mut harness, &path);
    let d = &harness.state().loaded().dataset;
    assert_eq!(d.entities.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["China", "World"]);
    let line = &harness.state().models().line;
    assert!(!line.series.is_empty(), "{:?}", line.empty_reason);
    assert!(
        harness.state().message().is_some_and(|m| m.starts_with("Opened exports.csv.")),
        "{:?}",
        harness.state().message()
    );
    harness.get_by_role_and_label(Role::CheckBox, "World");
    assert_eq!(harness.state().state().recent_files.first().map(|p| p.ends_with("exports.csv")), Some(true));
}

#[test]
fn a_broken_file_shows_its_errors_and_keeps_the_data_that_was_open() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("broken.csv");
    std::fs::write(&path, "Entity,Year,Exports\nChina,2023,1\nChina,20x4,2\n").expect("written");
    let mut harness = app(State::default(), None);
    let before = harness.state().loaded().dataset.title.clone();
    drop_file(&mut harness, &path);
    assert_eq!(harness.state().loaded().dataset.title, before, "the bundled data stays open");
    harness.get_by_label("The file could not be opened");
    harness.get_by_label_contains("row 3, column `Year`: \"20x4\" is not a year");
    harness.get_by_role_and_label(Role::Button, "Copy the messages");
}

#[test]
fn reload_shows_the_new_values_after_the_file_changed() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("exports.csv");
    std::fs::write(&path, OWID_CSV).expect("written");
    let mut harness = app(State::default(), None);
    drop_file(&mut harness, &path);
    let value = |h: &Harness<'_, TradeExplorerApp>| {
        let d = &h.state().loaded().dataset;
        d.observations
            .iter()
            .find(|o| d.entity(o.cell.entity).name == "China" && o.cell.time == Time::Year(2024))
            .map(|o| o.value)
    };
    assert_eq!(value(&harness), Some(3577.0));
    std::fs::write(&path, OWID_CSV.replace("3577", "3600")).expect("rewritten");
    harness.key_press(egui::Key::F5);
    harness.step();
    wait_for_load(&mut harness);
    assert_eq!(value(&harness), Some(3600.0));
}

#[test]
fn a_legend_that_wraps_leaves_the_sources_line_inside_the_window() {
    // Seven lines in the smallest window: the legend takes three rows, the sources line two.
    let dataset = load_bundled().unwrap_or_else(|e| panic!("{e}")).dataset;
    let filter = Filter {
        entities: ["zhejiang", "jinhua", "yiwu", "yongkang"].map(String::from).into(),
        metrics: ["exports", "imports"].map(String::from).into(),
        ..Filter::initial(&dataset)
    };
    let mut harness = app_sized(State { filter: Some(filter), ..State::default() }, None, [1024.0, 640.0]);
    harness.run();
    assert_eq!(series_ids(&harness).len(), 7);
    let status = harness.get_by_label_contains(&format!("{} figures", dataset.observations.len())).rect();
    let sources = harness.get_by_label_contains("Source: ").rect();
    assert!(sources.bottom() <= status.top(), "the sources line {sources:?} runs under the status line {status:?}");
    let layout = chart_layout(&harness.ctx, Tab::OverTime).expect("the chart was drawn");
    assert!(layout.chart_rect.bottom() <= status.top(), "the exported area {:?} is cut", layout.chart_rect);
}

#[test]
fn each_line_is_named_where_it_ends_and_a_hidden_line_loses_its_name() {
    let mut harness = app(State::default(), None);
    let layout = chart_layout(&harness.ctx, Tab::OverTime).expect("the chart was drawn");
    let end = target(&harness, Tab::OverTime, "jinhua", "exports", 2025);
    let name = harness.get_by_role_and_label(Role::Label, "Jinhua").rect();
    assert!(name.left() > layout.plot_rect.right(), "the name {name:?} is not right of the plot");
    assert!((name.center().y - end.y).abs() < 12.0, "the name {name:?} is not beside the line's end {end:?}");
    harness.get_by_role_and_label(Role::Button, "Jinhua").click();
    harness.run();
    assert!(harness.query_by_role_and_label(Role::Label, "Jinhua").is_none(), "a hidden line keeps its name");
}

#[test]
fn hidden_series_of_every_view_stay_hidden_after_a_restart() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("settings.json");
    let dataset = load_bundled().unwrap_or_else(|e| panic!("{e}")).dataset;
    let filter = Filter { metrics: ["exports", "imports"].map(String::from).into(), ..Filter::initial(&dataset) };
    let mut harness = app(State { filter: Some(filter), ..State::default() }, Some(path.clone()));
    // A line (Over time), a bar series (Compare), an entity of the Industry shares view.
    harness.get_by_role_and_label(Role::Button, "Yiwu — Exports").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Compare").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Imports").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Industry shares").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Yongkang").click();
    harness.run();
    let hidden = harness.state().filter().hidden.clone();
    assert_eq!(hidden, ["imports", "yiwu:exports", "yongkang"].map(String::from).into());
    eframe::App::on_exit(harness.state_mut(), None);
    drop(harness);

    let (state, _) = trade_explorer::settings::load(&path);
    let harness = app(state, Some(path));
    assert_eq!(harness.state().filter().hidden, hidden);
    assert!(!series_ids(&harness).contains(&"yiwu:exports".to_string()), "{:?}", series_ids(&harness));
    assert!(series_ids(&harness).contains(&"yiwu:imports".to_string()), "{:?}", series_ids(&harness));
    let models = harness.state().models();
    let imports = models.bars.series.iter().find(|s| s.id == "imports").expect("the imports bars");
    assert!(imports.hidden, "the Imports bars came back");
    let yongkang = harness.state().loaded().dataset.entity_id("yongkang").expect("Yongkang");
    assert!(models.shares.rows.iter().filter(|r| r.entity == yongkang).all(|r| r.hidden));
}

#[test]
fn a_hidden_series_stays_hidden_after_a_reload() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("exports.csv");
    std::fs::write(&path, OWID_CSV).expect("written");
    let mut harness = app(State::default(), None);
    drop_file(&mut harness, &path);
    harness.get_by_role_and_label(Role::Button, "World").click();
    harness.run();
    let visible = series_ids(&harness);
    assert_eq!(visible.len(), 1, "{visible:?}");
    harness.key_press(egui::Key::F5);
    harness.step();
    wait_for_load(&mut harness);
    assert_eq!(series_ids(&harness), visible, "F5 brought the hidden line back");
}

#[test]
fn the_about_box_says_how_many_figures_are_reported_and_how_many_derived() {
    let mut harness = app(State::default(), None);
    harness.get_by_role_and_label(Role::Button, "Help").click();
    harness.run();
    harness.get_by_label("About Trade Explorer").click();
    harness.run();
    let d = load_bundled().unwrap_or_else(|e| panic!("{e}")).dataset;
    let derived = d.observations.iter().filter(|o| o.derived).count();
    assert!(derived > 0 && derived < d.observations.len());
    let line = format!(
        "{} figures: {} reported by their sources, {} derived from others (with their formulas)",
        d.observations.len(),
        d.observations.len() - derived,
        derived
    );
    harness.get_by_label(&line);
}

#[test]
fn ticking_a_part_draws_it_beside_the_whole() {
    let dataset = load_bundled().unwrap_or_else(|e| panic!("{e}")).dataset;
    let filter = Filter {
        entities: ["jinhua"].map(String::from).into(),
        metrics: ["exports"].map(String::from).into(),
        ..Filter::initial(&dataset)
    };
    let mut harness = app(State { filter: Some(filter), ..State::default() }, None);
    harness.run();
    assert_eq!(series_ids(&harness), ["jinhua:exports"]);
    let africa = harness.get_by_role_and_label(Role::CheckBox, "Africa");
    africa.scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, "Africa").click();
    harness.run();
    assert_eq!(series_ids(&harness), ["jinhua:exports", "jinhua:exports:africa"]);
    let africa_2021 = harness.state().models().line.series[1]
        .points
        .iter()
        .find(|p| p.time == Time::Year(2021))
        .and_then(|p| p.value);
    assert_eq!(africa_2021, Some(84.57), "Jinhua Customs: exports to Africa 84.57 billion yuan in 2021");
    // Unticked, the whole is alone again.
    harness.get_by_role_and_label(Role::CheckBox, "Africa").click();
    harness.run();
    assert_eq!(series_ids(&harness), ["jinhua:exports"]);
}

#[test]
fn the_side_panel_lists_countries_aggregates_or_the_places_of_one_region() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("gdp.csv");
    let csv = "Entity,Code,Year,Region,GDP\nWorld,OWID_WRL,2020,,9\nChina,CHN,2020,Asia,3\n\
        Chile,CHL,2020,Americas,1\nIndia,IND,2020,Asia,2\n";
    std::fs::write(&path, csv).expect("written");
    let mut harness = app(State::default(), None);
    drop_file(&mut harness, &path);
    let listed = |harness: &egui_kittest::Harness<'_, _>, name: &str| {
        harness.query_by_role_and_label(Role::CheckBox, name).is_some()
    };
    assert!(listed(&harness, "World") && listed(&harness, "Chile"));
    harness.get_by_role_and_label(Role::Button, "Countries").click();
    harness.run();
    assert!(!listed(&harness, "World") && listed(&harness, "China"), "countries only");
    harness.get_by_role_and_label(Role::Button, "Aggregates").click();
    harness.run();
    assert!(listed(&harness, "World") && !listed(&harness, "China"), "aggregates only");
    harness.get_by_role_and_label(Role::Button, "Both").click();
    harness.get_by_role_and_label(Role::ComboBox, "Region").click();
    harness.run();
    harness.get_by_label("Asia").click();
    harness.run();
    assert!(listed(&harness, "China") && listed(&harness, "India"), "the places of Asia");
    assert!(!listed(&harness, "Chile") && !listed(&harness, "World"), "no other place");
}
