//! Chart export: the SVG of the bundled Over time chart, its PNG at 1600×900 ×2 drawn from that
//! SVG on the CPU (resvg), and the same PNG by the offscreen wgpu path the app used before
//! (egui_kittest's renderer, kept here only to compare). Also prints the size of the SVG of a
//! million monthly points (file (b)), decimated as on screen.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use trade_explorer::data::{DEFAULT_MAX_FILE_SIZE, Filter, load_bundled, load_path};
use trade_explorer::export::{ChartView, RenderSpec, draw_chart, render_cpu, render_svg};
use trade_explorer::l10n::Lang;
use trade_explorer::ui::ThemeChoice;

fn spec(scale: f32) -> RenderSpec {
    RenderSpec { view: ChartView::OverTime, lang: Lang::default(), theme: ThemeChoice::Light, size: [1600, 900], scale }
}

/// The old path: egui drawn by wgpu into a texture and read back.
fn render_wgpu(d: &trade_explorer::data::Dataset, f: &Filter, spec: &RenderSpec) -> Option<image::RgbaImage> {
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(spec.size[0] as f32, spec.size[1] as f32))
        .with_pixels_per_point(spec.scale)
        .with_context_setup(trade_explorer::ui::fonts::install)
        .wgpu()
        .build_ui(|ui| {
            egui::CentralPanel::default().show(ui, |ui| draw_chart(ui, d, f, spec.view, spec.lang));
        });
    harness.run_steps(4);
    harness.render().ok()
}

fn export(c: &mut Criterion) {
    let loaded = load_bundled().expect("the bundled dataset");
    let d = &loaded.dataset;
    let f = Filter::initial(d);
    let mut group = c.benchmark_group("export_over_time_1600x900");
    group.sample_size(20);
    group.bench_function("svg", |b| b.iter(|| render_svg(d, &f, &spec(1.0)).len()));
    group.bench_function("png_x2_resvg", |b| b.iter(|| render_cpu(d, &f, &spec(2.0)).expect("drawn").size));
    if render_wgpu(d, &f, &spec(2.0)).is_some() {
        group.bench_function("png_x2_wgpu_before", |b| b.iter(|| render_wgpu(d, &f, &spec(2.0)).map(|i| i.width())));
    } else {
        eprintln!("no wgpu adapter on this machine: the old path is not measured");
    }
    group.finish();
    let monthly = common::large_dir().join("monthly.csv");
    {
        let big = load_path(&monthly, DEFAULT_MAX_FILE_SIZE).expect("file (b) loads");
        let mut all = Filter::initial(&big.dataset);
        all.entities = big.dataset.entities.iter().map(|e| e.id.clone()).collect();
        all.metrics = big.dataset.metrics.iter().take(1).map(|m| m.id.clone()).collect();
        let svg = render_svg(&big.dataset, &all, &spec(1.0));
        eprintln!("SVG of file (b), {} series of one metric: {} bytes", all.entities.len(), svg.len());
    }
}

criterion_group!(benches, export);
criterion_main!(benches);
