//! The README's promises about looking and exploring, driven through the real window with
//! egui_kittest: hollow and diamond markers and the "no data" slot (read off the rendered
//! pixels), pan, zoom, box zoom and the double-click reset, the theme, the Sources tab.

mod support;

use egui::accesskit::Role;
use egui::{Pos2, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use support::{app, app_with_frames_of, target};
use trade_explorer::app::TradeExplorerApp;
use trade_explorer::data::{Filter, load_bundled};
use trade_explorer::settings::State;
use trade_explorer::ui::{Tab, ThemeChoice, chart_layout};

/// The first colour of the palette: a selection of one place is drawn in it.
const FIRST: [u8; 3] = [0xE6, 0x9F, 0x00];

fn state_with(entities: &[&str], metrics: &[&str]) -> State {
    let dataset = load_bundled().unwrap_or_else(|e| panic!("{e}")).dataset;
    let filter = Filter {
        entities: entities.iter().map(|s| s.to_string()).collect(),
        metrics: metrics.iter().map(|s| s.to_string()).collect(),
        ..Filter::initial(&dataset)
    };
    State { filter: Some(filter), ..State::default() }
}

fn is(image: &image::RgbaImage, x: i32, y: i32, colour: [u8; 3]) -> bool {
    let p = image.get_pixel(x as u32, y as u32);
    (0..3).all(|i| (i32::from(p[i]) - i32::from(colour[i])).abs() <= 40)
}

/// How many of the pixels at these offsets from the marker near `near` are `colour`. Offsets
/// count from the marker's own centre (the middle of its coloured pixels), which may sit half a
/// pixel from where the plot's hit area says.
fn coloured(image: &image::RgbaImage, near: Pos2, colour: [u8; 3], offsets: &[(i32, i32)]) -> usize {
    let (nx, ny) = (near.x.floor() as i32, near.y.floor() as i32);
    let mut marker = Vec::new();
    for dx in -6..=6 {
        for dy in -6..=6 {
            if is(image, nx + dx, ny + dy, colour) {
                marker.push((nx + dx, ny + dy));
            }
        }
    }
    assert!(!marker.is_empty(), "no marker of that colour near {near:?}");
    let mean =
        |f: fn(&(i32, i32)) -> i32| (marker.iter().map(f).sum::<i32>() as f32 / marker.len() as f32).round() as i32;
    let (cx, cy) = (mean(|p| p.0), mean(|p| p.1));
    offsets.iter().filter(|(dx, dy)| is(image, cx + dx, cy + dy, colour)).count()
}

/// The pixels between a marker's centre dot and its rim: filled only in a filled marker.
fn inner_ring() -> Vec<(i32, i32)> {
    let mut ring = Vec::new();
    for dx in -3i32..=3 {
        for dy in -3i32..=3 {
            let r2 = dx * dx + dy * dy;
            if (3..=8).contains(&r2) {
                ring.push((dx, dy));
            }
        }
    }
    ring
}

/// The corners of a marker's box: inside a circle, outside a diamond.
fn corners() -> Vec<(i32, i32)> {
    [(2, 3), (3, 2)].iter().flat_map(|&(x, y)| [(x, y), (-x, y), (x, -y), (-x, -y)]).collect()
}

#[test]
fn derived_figures_are_hollow_and_low_trust_ones_diamonds() {
    // Yiwu's 2014 imports are derived (total − exports) and stand alone on the line.
    let mut harness = app(state_with(&["yiwu"], &["imports"]), None);
    let derived = target(&harness, Tab::OverTime, "yiwu", "imports", 2014);
    let image = harness.render().expect("the window renders");
    let hollow = coloured(&image, derived, FIRST, &inner_ring());

    // Yiwu's outbound trains of 2019 come from a low-trust page; the platform's 2020 count from
    // a reputable one. Both stand alone.
    let trains = ["china_europe_trains_yiwu_outbound", "china_europe_trains_yiwu_platform"];
    let mut harness = app(state_with(&["yiwu"], &trains), None);
    let low_trust = target(&harness, Tab::OverTime, "yiwu", trains[0], 2019);
    let reported = target(&harness, Tab::OverTime, "yiwu", trains[1], 2020);
    let image = harness.render().expect("the window renders");
    let filled = coloured(&image, reported, FIRST, &inner_ring());
    assert!(
        filled >= inner_ring().len() - 2,
        "a reported figure is a filled circle: {filled} of {}",
        inner_ring().len()
    );
    assert!(hollow <= 4, "a derived figure is hollow: {hollow} of {} inner pixels coloured", inner_ring().len());
    let circle_corners = coloured(&image, reported, FIRST, &corners());
    let diamond_corners = coloured(&image, low_trust, FIRST, &corners());
    assert!(circle_corners >= corners().len() - 2, "{circle_corners} of {}", corners().len());
    assert!(diamond_corners <= 2, "a low-trust figure is a diamond: {diamond_corners} corner pixels coloured");
    assert!(coloured(&image, low_trust, FIRST, &[(0, 0), (-1, 0)]) >= 1, "the diamond is filled");
}

#[test]
fn a_missing_figure_is_a_dashed_no_data_slot_not_a_zero_bar() {
    // Yongkang has no exports figure for 2025.
    let mut harness = app(State { tab: Tab::Compare, ..State::default() }, None);
    harness.run();
    let transform = chart_layout(&harness.ctx, Tab::Compare).expect("the chart was drawn").transform;
    let placement = trade_explorer::ui::compare::place(&harness.state().models().bars);
    assert_eq!(placement.missing.len(), 1, "one no-data slot");
    let (low, high) = placement.slot_corners(placement.missing[0]);
    let slot: Rect = transform.rect_from_values(&low, &high);
    let image = harness.render().expect("the window renders");
    let background = *image.get_pixel(slot.center().x as u32, slot.center().y as u32);
    // The outline's top edge: dashes, so it turns on and off along the way.
    let y = slot.top().round() as u32;
    let on: Vec<bool> = (slot.left().ceil() as u32 + 1..slot.right().floor() as u32 - 1)
        .map(|x| {
            let p = image.get_pixel(x, y);
            (0..3).map(|i| (i32::from(p[i]) - i32::from(background[i])).abs()).sum::<i32>() > 60
        })
        .collect();
    let dashes = on.windows(2).filter(|w| w[0] != w[1]).count();
    assert!(dashes >= 6, "the slot's outline is not dashed: {on:?}");
    assert!(on.iter().filter(|&&b| b).count() > on.len() / 4, "the outline is hardly there");
    // Inside, nothing: no bar of height zero or otherwise.
    let inside = image.get_pixel(slot.center().x as u32, (slot.center().y + 1.0) as u32);
    assert_eq!(*inside, background);
}

fn x_range(harness: &Harness<'_, TradeExplorerApp>) -> (f64, f64) {
    chart_layout(&harness.ctx, Tab::OverTime).and_then(|l| l.x_range()).expect("the chart was drawn")
}

fn pointer(harness: &Harness<'_, TradeExplorerApp>, button: egui::PointerButton, pos: Pos2, pressed: bool) {
    harness.event(egui::Event::PointerButton { pos, button, pressed, modifiers: Default::default() });
}

#[test]
fn the_chart_pans_zooms_zooms_into_a_box_and_resets_on_double_click() {
    let mut harness = app_with_frames_of(1.0 / 30.0, State::default());
    let start = x_range(&harness);
    let plot = chart_layout(&harness.ctx, Tab::OverTime).expect("the chart was drawn").plot_rect;
    let centre = plot.center();

    // Drag to the left: later years come into view.
    harness.drag_at(centre);
    harness.run();
    harness.hover_at(centre - egui::vec2(200.0, 0.0));
    harness.run();
    harness.drop_at(centre - egui::vec2(200.0, 0.0));
    harness.run();
    let panned = x_range(&harness);
    assert!(panned.0 > start.0 + 0.5 && panned.1 > start.1 + 0.5, "{start:?} → {panned:?}");

    // Ctrl+scroll zooms in around the pointer.
    harness.hover_at(centre);
    harness.event_modifiers(
        egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, 3.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::CTRL,
        },
        egui::Modifiers::CTRL,
    );
    harness.run();
    let zoomed = x_range(&harness);
    assert!(zoomed.1 - zoomed.0 < (panned.1 - panned.0) * 0.9, "{panned:?} → {zoomed:?}");

    // Right-drag a box over the middle third: the view becomes that box.
    let (left, right) = (plot.left() + plot.width() / 3.0, plot.left() + plot.width() * 2.0 / 3.0);
    let at = |x: f32| zoomed.0 + (zoomed.1 - zoomed.0) * f64::from((x - plot.left()) / plot.width());
    let (from, to) = (Pos2::new(left, plot.top() + 40.0), Pos2::new(right, plot.bottom() - 40.0));
    harness.hover_at(from);
    harness.run();
    pointer(&harness, egui::PointerButton::Secondary, from, true);
    harness.run();
    // egui takes the box's corner where the drag is first seen, once the pointer has moved more
    // than a click may (6 points): move as a hand does.
    harness.hover_at(from + egui::vec2(7.0, 7.0));
    harness.run();
    for step in 1..=10 {
        harness.hover_at(from + (to - from) * (step as f32 / 10.0));
        harness.run();
    }
    pointer(&harness, egui::PointerButton::Secondary, to, false);
    harness.run();
    let boxed = x_range(&harness);
    assert!(
        (boxed.0 - at(left)).abs() < 0.2 && (boxed.1 - at(right)).abs() < 0.2,
        "{boxed:?} is not the box {:?}",
        (at(left), at(right))
    );

    // A double-click shows everything again.
    harness.hover_at(centre);
    harness.run();
    for _ in 0..2 {
        pointer(&harness, egui::PointerButton::Primary, centre, true);
        harness.step();
        pointer(&harness, egui::PointerButton::Primary, centre, false);
        harness.step();
    }
    harness.run();
    let reset = x_range(&harness);
    assert!((reset.0 - start.0).abs() < 1e-6 && (reset.1 - start.1).abs() < 1e-6, "{start:?} → {reset:?}");
}

#[test]
fn view_theme_switches_between_dark_and_light() {
    let mut harness = app(State::default(), None);
    for (item, choice, dark) in [("Dark", ThemeChoice::Dark, true), ("Light", ThemeChoice::Light, false)] {
        harness.get_by_label("View").click();
        harness.run();
        harness.get_by_label(item).click();
        harness.run();
        assert_eq!(harness.state().state().theme, choice);
        assert_eq!(harness.ctx.theme() == egui::Theme::Dark, dark, "{item}");
    }
}

#[test]
fn the_sources_tab_searches_and_its_links_open_in_the_browser() {
    let mut harness = app(State { tab: Tab::Sources, ..State::default() }, None);
    harness.run();
    let china_daily = "Inland city makes mark as global biz hub (China Daily, 2026-02-14, on ezhejiang.gov.cn)";
    let global_times =
        "How Yiwu achieved double-digit trade growth in 2025 amid global uncertainty (Global Times, 2026-01-20)";
    // Each source is a row of the list, its number of figures beside it.
    let row = |harness: &Harness<'_, TradeExplorerApp>, title: &str| {
        harness.query_all(egui_kittest::kittest::By::new().role(Role::Button).label_contains(title)).next().is_some()
    };
    assert!(row(&harness, china_daily) && row(&harness, global_times));
    harness.get_by_role_and_label(Role::TextInput, "Search:").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Search:").type_text("Global Times");
    harness.run();
    assert!(row(&harness, global_times));
    assert!(!row(&harness, china_daily), "a source that does not mention the text is still listed");
    // The only match is picked: its details are beside the list.
    harness.get_by_role_and_label(Role::Label, global_times);

    let url = "https://www.globaltimes.cn/page/202601/1353754.shtml";
    harness.get_by_role_and_label(Role::Link, url).click();
    harness.step();
    let opened: Vec<&str> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::OpenUrl(open) => Some(open.url.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(opened, [url]);
}

#[test]
fn picking_the_derived_figures_lists_their_formulas() {
    let mut harness = app(State { tab: Tab::Sources, ..State::default() }, None);
    harness.run();
    let derived = harness.state().loaded().dataset.observations.iter().filter(|o| o.derived).count();
    harness.get_by_role_and_label(Role::Button, &format!("Derived figures {derived}")).click();
    harness.run();
    let first = harness.state().loaded().dataset.observations.iter().find(|o| o.derived).expect("a derived figure");
    let formula = first.derivation().expect("its formula").formula.clone();
    harness.get_by_label(&formula);
}

#[test]
fn picking_the_conflicting_figures_lists_each_other_figure_with_its_unit() {
    let mut harness = app(State { tab: Tab::Sources, ..State::default() }, None);
    harness.run();
    let d = &harness.state().loaded().dataset;
    let conflicts = d.observations.iter().filter(|o| !o.alternatives().is_empty()).count();
    let first = d.observations.iter().find(|o| !o.alternatives().is_empty()).expect("a conflicting figure");
    let source = first.alternatives()[0].source.map(|s| d.source(s).title.clone()).unwrap_or_default();
    harness.get_by_role_and_label(Role::Button, &format!("Conflicting figures {conflicts}")).click();
    harness.run();
    let line = harness
        .query_all(egui_kittest::kittest::By::new().predicate(|_| true))
        .filter_map(|n| egui_kittest::kittest::NodeT::accesskit_node(&n).value())
        .find(|l| l.contains("also reported:") && l.contains(source.as_str()))
        .expect("the other figure is listed with its source");
    // Worded like every other figure: with its unit, never a bare number.
    assert!(line.contains("yuan") || line.contains("dollars") || line.contains('%'), "{line}");
}
