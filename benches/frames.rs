//! CPU time of one frame (egui logic + tessellation, headless with `Context::run_ui` and
//! `tessellate`, no GPU): the whole window on the bundled data, and the Over time chart of file
//! (b) (a million monthly points) with and without decimation.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Pos2, RawInput, Rect, vec2};
use trade_explorer::app::TradeExplorerApp;
use trade_explorer::data::decimate::{Decimated, decimate_chart};
use trade_explorer::data::query::{LineChart, line_chart};
use trade_explorer::data::{DEFAULT_MAX_FILE_SIZE, Dataset, Filter, load_bundled, load_path};
use trade_explorer::l10n::Lang;
use trade_explorer::l10n::{LineWords, line_words};
use trade_explorer::settings::State;
use trade_explorer::ui::ViewContext;
use trade_explorer::ui::over_time::{Prepared, prepare};

mod common;

fn input(pointer: Option<Pos2>) -> RawInput {
    let mut raw =
        RawInput { screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 800.0))), ..Default::default() };
    if let Some(p) = pointer {
        raw.events.push(egui::Event::PointerMoved(p));
    }
    raw
}

/// Runs one frame and tessellates it, as the window does before painting.
fn frame(ctx: &egui::Context, raw: RawInput, mut ui: impl FnMut(&mut egui::Ui)) -> usize {
    let mut out = ctx.run_ui(raw, |root| ui(root));
    let primitives = ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
    out.textures_delta.clear();
    primitives.len()
}

fn whole_window_on_bundled_data(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let mut cc = eframe::CreationContext::_new_kittest(ctx.clone());
    let mut app = TradeExplorerApp::new(
        &cc.egui_ctx,
        load_bundled().expect("bundled"),
        "bundled".into(),
        State::default(),
        None,
        None,
    );
    let mut eframe_frame = eframe::Frame::_new_kittest();
    let _ = &mut cc;
    // Warm up: fonts, layout caches.
    for _ in 0..5 {
        frame(&ctx, input(None), |ui| eframe::App::ui(&mut app, ui, &mut eframe_frame));
    }
    let mut group = c.benchmark_group("frame");
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("whole_window_bundled_data_still", |b| {
        b.iter(|| frame(&ctx, input(None), |ui| eframe::App::ui(&mut app, ui, &mut eframe_frame)))
    });
    group.bench_function("whole_window_bundled_data_hovering_a_point", |b| {
        // The last point of the first line, where the pointer rests.
        let line = &app.models().line;
        let pointer = trade_explorer::ui::chart_layout(&ctx, trade_explorer::ui::Tab::OverTime).and_then(|l| {
            let point = line.visible_series().next()?.points.iter().rev().find(|p| p.value.is_some())?;
            trade_explorer::ui::over_time::plot_point(line, point).map(|xy| l.transform.position_from_point(&xy))
        });
        b.iter(|| frame(&ctx, input(pointer), |ui| eframe::App::ui(&mut app, ui, &mut eframe_frame)))
    });
    group.finish();
}

/// All points as they are, for the baseline.
fn undecimated(chart: &LineChart) -> Vec<Decimated> {
    chart
        .visible_series()
        .map(|s| {
            let segments = s.segments();
            let points: Vec<usize> = segments.iter().flat_map(|r| r.clone()).collect();
            let mut start = 0;
            let segments = segments
                .iter()
                .map(|r| {
                    let range = start..start + r.len();
                    start += r.len();
                    range
                })
                .collect();
            Decimated { points, segments }
        })
        .collect()
}

/// One frame of the Over time view; the chart's words are made with the models, as the app does.
fn over_time_view(
    ctx: &egui::Context,
    d: &Dataset,
    f: &Filter,
    chart: &LineChart,
    words: &LineWords,
    drawn: &[Prepared],
) -> usize {
    let view = ViewContext {
        dataset: d,
        generation: 0,
        filter: f,
        lang: Lang::EN,
        selected: None,
        interactive: true,
        controls: true,
    };
    frame(ctx, input(None), |ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            let _ = trade_explorer::ui::over_time::show(ui, &view, chart, words, drawn);
        });
    })
}

fn a_million_monthly_points(c: &mut Criterion) {
    let loaded = load_path(&common::large_dir().join("monthly.csv"), DEFAULT_MAX_FILE_SIZE).expect("file (b) loads");
    let d = &loaded.dataset;
    let mut filter = Filter::initial(d);
    filter.entities = d.entities.iter().map(|e| e.id.clone()).collect();
    filter.metrics = d.metrics.iter().map(|m| m.id.clone()).collect();
    let ctx = egui::Context::default();
    trade_explorer::ui::fonts::install(&ctx);
    let mut group = c.benchmark_group("frame_file_b");
    group.sample_size(20).measurement_time(Duration::from_secs(10));

    // What the window draws: the 12 largest of the 208 lines, decimated to the plot's width.
    let top = line_chart(d, &filter);
    let columns = 960;
    let drawn = prepare(&top, decimate_chart(&top, None, columns));
    let top_words = line_words(d, &top, Lang::EN);
    over_time_view(&ctx, d, &filter, &top, &top_words, &drawn);
    group.bench_function("app_top_12_lines_decimated", |b| {
        b.iter(|| over_time_view(&ctx, d, &filter, &top, &top_words, &drawn))
    });

    // All 208 lines (1,000,896 points) drawn: decimated, and every point handed to egui_plot.
    let everything = Filter { max_series: 1000, ..filter.clone() };
    let all = line_chart(d, &everything);
    assert_eq!(all.visible_series().map(|s| s.points.len()).sum::<usize>(), d.observations.len());
    let all_drawn = prepare(&all, decimate_chart(&all, None, columns));
    let all_words = line_words(d, &all, Lang::EN);
    group.bench_function("all_208_lines_decimated", |b| {
        b.iter(|| over_time_view(&ctx, d, &everything, &all, &all_words, &all_drawn))
    });
    let raw = prepare(&all, undecimated(&all));
    group.bench_function("all_208_lines_every_point", |b| {
        b.iter(|| over_time_view(&ctx, d, &everything, &all, &all_words, &raw))
    });

    // Decimation itself, when the x range or width changes (panning, resizing).
    group.bench_function("decimate_all_208_lines", |b| b.iter(|| decimate_chart(&all, None, columns).len()));
    group.finish();
}

criterion_group!(benches, whole_window_on_bundled_data, a_million_monthly_points);
criterion_main!(benches);
