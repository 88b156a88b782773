//! The "Compare" view: entities side by side for one year. Each entity keeps its colour; the
//! metrics of a group are shades of it, named in the legend and on hover. A missing figure is a
//! dashed "no data" slot, never a zero bar.

use egui::{Color32, Rect, RichText, Stroke, Ui};
use egui_plot::{Bar, BarChart as PlotBars, GridMark, Plot, PlotPoint, Polygon, Text};

use super::chart_frame::{self, LegendEntry};
use super::details::hover;
use super::palette::{self, shade};
use super::{Command, SelectedFigure, Tab, ViewContext};
use crate::data::query::{BarCell, BarChart};
use crate::data::{BarLayout, Filter, format::format_number};
use crate::l10n::BarWords;
use crate::tr;

/// Where one bar sits, in plot coordinates, and the figure it shows.
struct Placed<'a> {
    series: usize,
    group: usize,
    cell: &'a BarCell,
    x: f64,
    width: f64,
    base: f64,
}

/// Places the bars, and the (x, width) of each "no data" slot.
fn place(chart: &BarChart) -> (Vec<Placed<'_>>, Vec<(f64, f64)>) {
    let visible: Vec<usize> = (0..chart.series.len()).filter(|&i| !chart.series[i].hidden).collect();
    let n = visible.len().max(1) as f64;
    let mut bars = Vec::new();
    let mut missing = Vec::new();
    for group in 0..chart.shown_groups {
        let mut stack_top = 0.0;
        for (k, &si) in visible.iter().enumerate() {
            let (x, width) = match chart.layout {
                BarLayout::Grouped => (group as f64 - 0.3 + (k as f64 + 0.5) * 0.6 / n, 0.6 / n * 0.9),
                BarLayout::Stacked => (group as f64, 0.4),
            };
            match &chart.series[si].cells[group] {
                Some(cell) => {
                    let base = if chart.layout == BarLayout::Stacked { stack_top } else { 0.0 };
                    stack_top = base + cell.value;
                    bars.push(Placed { series: si, group, cell, x, width, base });
                }
                None => missing.push((x, width)),
            }
        }
    }
    (bars, missing)
}

/// Draws the view and returns what the person asked for.
pub fn show(ui: &mut Ui, ctx: &ViewContext<'_>, chart: &BarChart, words: &BarWords) -> Vec<Command> {
    let mut commands = Vec::new();
    if ctx.controls {
        commands.extend(controls(ui, ctx, chart, words));
    }
    let top = ui.cursor().min;
    chart_frame::header(ui, &words.title, &words.subtitle, &words.notes);
    if let Some(reason) = &words.empty {
        chart_frame::empty(ui, reason);
        return commands;
    }
    let (bars, missing) = place(chart);
    let highest = bars.iter().map(|b| b.base + b.cell.value).fold(0.0f64, f64::max);
    let bottom = bars.iter().map(|b| b.base + b.cell.value).fold(0.0f64, f64::min);
    let no_data_height = (highest - bottom).max(1.0) * 0.06;
    let groups = chart.shown_groups;
    // egui_plot drops a tick label wider than its group: a long name goes on two lines instead.
    // A group's width: the plot (less the y axis) over the groups, the 0.6 of a group included at
    // each end and egui_plot's 5 % margin either side.
    let group_width = (ui.available_width() - 64.0) / ((groups.max(1) as f32 + 0.2) * 1.1);
    let labels: Vec<String> = words.groups.iter().take(groups).map(|g| fit_label(ui, g, group_width)).collect();
    let unit = chart.unit.clone();
    let lang = ctx.lang;
    let plot_height = (ui.available_height() - chart_frame::footer_height(ui, Tab::Compare)).max(160.0);
    let text_colour = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();

    let response = Plot::new("compare")
        .grid_color(palette::grid(ui.visuals()))
        .height(plot_height)
        .x_grid_spacer(move |_| (0..groups).map(|g| GridMark { value: g as f64, step_size: 1.0 }).collect())
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_axis_formatter(|mark, _| format_number(mark.value, if mark.value.abs() < 10.0 { 2 } else { 0 }))
        .y_axis_label(words.unit_label.clone())
        .include_y(0.0)
        .include_y(highest * 1.12)
        .include_x(-0.6)
        .include_x(groups as f64 - 0.4)
        .show_x(false)
        .show_y(false)
        .show_grid([false, true])
        .y_axis_min_width(48.0)
        .show(ui, |plot| {
            for b in &bars {
                let colour = shade(palette::colour(chart.groups[b.group].colour), b.series);
                let mut bar = Bar::new(b.x, b.cell.value).width(b.width).base_offset(b.base).fill(colour);
                if b.cell.point.derived {
                    bar = bar.fill(colour.gamma_multiply(0.45)).stroke(Stroke::new(1.5, colour));
                }
                plot.add(PlotBars::new(&words.series[b.series], vec![bar]).allow_hover(false));
                let label_y = if chart.layout == BarLayout::Stacked {
                    b.base + b.cell.value / 2.0
                } else {
                    b.cell.value.max(0.0)
                };
                let anchor = if chart.layout == BarLayout::Stacked {
                    egui::Align2::CENTER_CENTER
                } else {
                    egui::Align2::CENTER_BOTTOM
                };
                let text = RichText::new(format_number(b.cell.value, if b.cell.value.abs() < 10.0 { 2 } else { 1 }))
                    .size(13.0);
                plot.text(
                    Text::new("", PlotPoint::new(b.x, label_y), text)
                        .anchor(anchor)
                        .color(text_colour)
                        .allow_hover(false),
                );
            }
            for &(x, width) in &missing {
                let (l, r) = (x - width / 2.0, x + width / 2.0);
                let outline = vec![[l, 0.0], [r, 0.0], [r, no_data_height], [l, no_data_height]];
                plot.polygon(
                    Polygon::new("", outline)
                        .stroke(Stroke::new(1.0, weak))
                        .fill_color(Color32::TRANSPARENT)
                        .style(egui_plot::LineStyle::dashed_dense())
                        .allow_hover(false),
                );
                let text = RichText::new(tr!(lang, "compare-no-data")).size(12.0);
                plot.text(
                    Text::new("", PlotPoint::new(x, no_data_height), text)
                        .anchor(egui::Align2::CENTER_BOTTOM)
                        .color(weak)
                        .allow_hover(false),
                );
            }
        });
    let plot_end = ui.cursor().min.y;

    let transform = response.transform;
    let rect_of = |b: &Placed| {
        transform.rect_from_values(
            &PlotPoint::new(b.x - b.width / 2.0, b.base),
            &PlotPoint::new(b.x + b.width / 2.0, b.base + b.cell.value),
        )
    };
    let painter = ui.painter_at(response.response.rect);
    if let Some(sel) = ctx.selected.filter(|s| s.tab == Tab::Compare && ctx.interactive) {
        for b in &bars {
            if b.cell.point.observation == sel.observation {
                painter.rect_stroke(
                    rect_of(b).expand(2.0),
                    2.0,
                    Stroke::new(2.5, ui.visuals().strong_text_color()),
                    egui::StrokeKind::Outside,
                );
            }
        }
    }
    let targets = bars.iter().map(|b| (b.cell.point.observation, rect_of(b))).collect();
    let gaps = missing
        .iter()
        .map(|&(x, width)| {
            let (low, high) = (PlotPoint::new(x - width / 2.0, 0.0), PlotPoint::new(x + width / 2.0, no_data_height));
            transform.rect_from_values(&low, &high)
        })
        .collect();
    let plot_rect = response.response.rect;
    let hovered = response
        .response
        .hover_pos()
        .and_then(|pointer| bars.iter().find(|b| rect_of(b).expand(2.0).contains(pointer)));
    if let Some(b) = hovered {
        let rect: Rect = rect_of(b);
        painter.rect_stroke(rect, 1.0, Stroke::new(2.0, text_colour), egui::StrokeKind::Outside);
        let p = &b.cell.point;
        let anchor = response.response.hover_pos().unwrap_or(rect.center_top());
        let figure = SelectedFigure {
            tab: Tab::Compare,
            observation: p.observation,
            shown: p.value,
            unit: unit.clone(),
            other: p.other,
            filter: ctx.filter.clone(),
        };
        commands.extend(hover(ui, &response.response, anchor, ctx.dataset, figure, ctx.lang));
    }

    // Metrics are shades of each entity's colour: the legend shows the shades on grey.
    let base_colour = Color32::from_gray(128);
    let entries: Vec<LegendEntry> = chart
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| LegendEntry {
            id: s.id.clone(),
            label: words.series[i].clone(),
            colour: shade(base_colour, i),
            dash: None,
            hidden: s.hidden,
        })
        .collect();
    if entries.len() > 1 {
        commands.extend(chart_frame::legend(ui, &entries, ctx.lang));
    }
    chart_frame::marks_legend(ui, chart.any_derived, false, ctx.lang);
    chart_frame::footer(ui, ctx.dataset, &chart.sources, chart.any_derived, ctx.lang);
    let chart_rect = egui::Rect::from_min_max(top, egui::pos2(plot_rect.right(), ui.min_rect().bottom()));
    chart_frame::measure_footer(ui, Tab::Compare, plot_end);
    super::store_layout(
        ui.ctx(),
        Tab::Compare,
        super::ChartLayout { chart_rect, plot_rect, targets, x_range: (0.0, 0.0), gaps },
    );
    commands
}

/// The year picker and the grouped/stacked switch.
fn controls(ui: &mut Ui, ctx: &ViewContext<'_>, chart: &BarChart, words: &BarWords) -> Vec<Command> {
    let lang = ctx.lang;
    let mut filter: Filter = ctx.filter.clone();
    ui.horizontal(|ui| {
        ui.label(tr!(lang, "compare-year"));
        let current = chart.year.map_or_else(|| "–".to_string(), |y| y.to_string());
        egui::ComboBox::from_id_salt("compare_year")
            .selected_text(current)
            .show_ui(ui, |ui| {
                for &year in chart.years.iter().rev() {
                    if ui.selectable_label(chart.year == Some(year), year.to_string()).clicked() {
                        filter.compare_year = Some(year);
                    }
                }
            })
            .response
            .on_hover_text(tr!(lang, "compare-the-year-to-compare-only-years"));
        ui.separator();
        let can_stack = chart.stack_unavailable.is_none();
        ui.add_enabled_ui(can_stack, |ui| {
            let grouped = ui
                .selectable_label(chart.layout == BarLayout::Grouped, tr!(lang, "compare-grouped"))
                .on_hover_text(tr!(lang, "compare-bars-side-by-side"));
            if grouped.clicked() {
                filter.bar_layout = BarLayout::Grouped;
            }
            let stacked = ui
                .selectable_label(chart.layout == BarLayout::Stacked, tr!(lang, "compare-stacked"))
                .on_hover_text(tr!(lang, "compare-bars-on-top-of-each-other"))
                .on_disabled_hover_text(words.stack_unavailable.clone().unwrap_or_default());
            if stacked.clicked() {
                filter.bar_layout = BarLayout::Stacked;
            }
        });
    });
    if filter != *ctx.filter { vec![Command::SetFilter(filter)] } else { Vec::new() }
}

/// A group's name broken at spaces into lines no wider than `width` (as far as words allow).
fn fit_label(ui: &Ui, label: &str, width: f32) -> String {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let text_width =
        |text: &str| ui.fonts_mut(|f| f.layout_no_wrap(text.to_string(), font.clone(), Color32::WHITE).size().x);
    if text_width(label) <= width {
        return label.to_string();
    }
    let mut lines: Vec<String> = Vec::new();
    for word in label.split(' ') {
        match lines.last_mut() {
            Some(line) if text_width(&format!("{line} {word}")) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.join("\n")
}
