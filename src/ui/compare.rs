//! The "Compare" view: entities side by side for one year. Each entity keeps its colour; the
//! metrics of a group are shades of it, named in the legend and on hover. A missing figure is a
//! dashed "no data" slot, never a zero bar.

use egui::{Color32, Rect, RichText, Stroke, Ui};
use egui_plot::{Bar, BarChart as PlotBars, GridMark, Plot, PlotPoint, Polygon, Text};

use super::chart_frame::{self, LegendEntry};
use super::details::hover;
use super::palette::{self, shade};
use super::{Command, SelectedFigure, Tab, ViewContext, edit_filter};
use crate::data::query::{BarCell, BarChart, ShownFigure};
use crate::data::{BarLayout, format::format_number};
use crate::l10n::BarWords;
use crate::tr;

/// Where one bar sits, in plot coordinates, and the figure it shows.
pub struct Placed<'a> {
    /// The series (metric) index.
    pub series: usize,
    /// The group (entity) index.
    pub group: usize,
    /// The figure.
    pub cell: &'a BarCell,
    /// The bar's centre.
    pub x: f64,
    /// Its width.
    pub width: f64,
    /// Where it starts (the top of the bar below it, when stacked).
    pub base: f64,
}

impl Placed<'_> {
    /// The bar's corners in plot coordinates.
    pub fn corners(&self) -> (PlotPoint, PlotPoint) {
        let half = self.width / 2.0;
        (PlotPoint::new(self.x - half, self.base), PlotPoint::new(self.x + half, self.base + self.cell.value))
    }
}

/// Where everything of the bar chart goes, in plot coordinates.
pub struct Placement<'a> {
    /// The bars.
    pub bars: Vec<Placed<'a>>,
    /// The (x, width) of each "no data" slot, where a figure is missing.
    pub missing: Vec<(f64, f64)>,
    /// The height of a "no data" slot: a small share of the chart's range.
    pub no_data_height: f64,
    /// The top of the highest bar.
    pub highest: f64,
}

impl Placement<'_> {
    /// A "no data" slot's corners in plot coordinates.
    pub fn slot_corners(&self, (x, width): (f64, f64)) -> (PlotPoint, PlotPoint) {
        (PlotPoint::new(x - width / 2.0, 0.0), PlotPoint::new(x + width / 2.0, self.no_data_height))
    }
}

/// Places the bars, side by side or stacked, and the slots of missing figures.
pub fn place(chart: &BarChart) -> Placement<'_> {
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
    let highest = bars.iter().map(|b| b.base + b.cell.value).fold(0.0f64, f64::max);
    let bottom = bars.iter().map(|b| b.base + b.cell.value).fold(0.0f64, f64::min);
    Placement { bars, missing, no_data_height: (highest - bottom).max(1.0) * 0.06, highest }
}

/// Draws the view and returns what the person asked for.
pub(crate) fn show(ui: &mut Ui, ctx: &ViewContext<'_>, chart: &BarChart, words: &BarWords) -> Vec<Command> {
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
    let placement = place(chart);
    let response = draw_plot(ui, ctx, chart, words, &placement);
    commands.extend(pointer_marks(ui, ctx, chart, &placement, &response));
    // Metrics are shades of each entity's colour: the legend shows the shades on grey.
    let legend = if chart.series.len() > 1 { legend_entries(chart, words) } else { Vec::new() };
    let footer = chart_frame::Footer {
        legend,
        omitted: 0,
        any_derived: chart.any_derived,
        any_low_trust: false,
        sources: &words.sources,
    };
    let right = response.response.rect.right();
    commands.extend(chart_frame::finish(ui, ctx, Tab::Compare, top, &response, right, footer));
    commands
}

/// The plot: a group of bars per entity, named under it, each bar labelled with its value, and a
/// dashed "no data" slot where a figure is missing.
fn draw_plot(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    chart: &BarChart,
    words: &BarWords,
    placement: &Placement<'_>,
) -> egui_plot::PlotResponse<()> {
    let groups = chart.shown_groups;
    // egui_plot drops a tick label wider than its group: a long name goes on two lines instead.
    // A group's width: the plot (less the y axis) over the groups, the 0.6 of a group included at
    // each end and egui_plot's 5 % margin either side.
    let group_width = (ui.available_width() - 64.0) / ((groups.max(1) as f32 + 0.2) * 1.1);
    let labels: Vec<String> = words.groups.iter().take(groups).map(|g| fit_label(ui, g, group_width)).collect();
    let plot_height = (ui.available_height() - chart_frame::footer_height(ui, Tab::Compare)).max(160.0);
    let (text_colour, weak) = (ui.visuals().text_color(), ui.visuals().weak_text_color());
    Plot::new("compare")
        .grid_color(palette::grid(ui.visuals()))
        .height(plot_height)
        .x_grid_spacer(move |_| (0..groups).map(|g| GridMark { value: g as f64, step_size: 1.0 }).collect())
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            let on_a_group = (mark.value - i).abs() < 1e-6 && i >= 0.0;
            if on_a_group { labels.get(i as usize).cloned().unwrap_or_default() } else { String::new() }
        })
        .y_axis_formatter(|mark, _| format_number(mark.value, if mark.value.abs() < 10.0 { 2 } else { 0 }))
        .y_axis_label(words.unit_label.clone())
        .include_y(0.0)
        .include_y(placement.highest * 1.12)
        .include_x(-0.6)
        .include_x(groups as f64 - 0.4)
        .show_x(false)
        .show_y(false)
        .show_grid([false, true])
        .y_axis_min_width(48.0)
        .show(ui, |plot| {
            for b in &placement.bars {
                add_bar(plot, chart, words, b, text_colour);
            }
            for &slot in &placement.missing {
                add_no_data_slot(plot, placement, slot, weak, ctx.lang);
            }
        })
}

/// One bar (hollow when derived) with its value on it (stacked) or above it (grouped).
fn add_bar(plot: &mut egui_plot::PlotUi<'_>, chart: &BarChart, words: &BarWords, b: &Placed<'_>, text: Color32) {
    let colour = shade(palette::colour(chart.groups[b.group].colour), b.series);
    let mut bar = Bar::new(b.x, b.cell.value).width(b.width).base_offset(b.base).fill(colour);
    if b.cell.point.derived {
        bar = bar.fill(colour.gamma_multiply(0.45)).stroke(Stroke::new(1.5, colour));
    }
    plot.add(PlotBars::new(&words.series[b.series], vec![bar]).allow_hover(false));
    let (label_y, anchor) = if chart.layout == BarLayout::Stacked {
        (b.base + b.cell.value / 2.0, egui::Align2::CENTER_CENTER)
    } else {
        (b.cell.value.max(0.0), egui::Align2::CENTER_BOTTOM)
    };
    let value = RichText::new(format_number(b.cell.value, if b.cell.value.abs() < 10.0 { 2 } else { 1 })).size(13.0);
    plot.text(Text::new("", PlotPoint::new(b.x, label_y), value).anchor(anchor).color(text).allow_hover(false));
}

/// A dashed outline with "no data" over it: a missing figure is never a bar of height zero.
fn add_no_data_slot(
    plot: &mut egui_plot::PlotUi<'_>,
    placement: &Placement<'_>,
    slot: (f64, f64),
    weak: Color32,
    lang: crate::l10n::Lang,
) {
    let (low, high) = placement.slot_corners(slot);
    let outline = vec![[low.x, low.y], [high.x, low.y], [high.x, high.y], [low.x, high.y]];
    plot.polygon(
        Polygon::new("", outline)
            .stroke(Stroke::new(1.0, weak))
            .fill_color(Color32::TRANSPARENT)
            .style(egui_plot::LineStyle::dashed_dense())
            .allow_hover(false),
    );
    let text = RichText::new(tr!(lang, "compare-no-data")).size(12.0);
    let at = PlotPoint::new(slot.0, placement.no_data_height);
    plot.text(Text::new("", at, text).anchor(egui::Align2::CENTER_BOTTOM).color(weak).allow_hover(false));
}

/// Frames the selected bar and the one under the pointer, whose tooltip it shows; a click on it
/// selects it.
fn pointer_marks(
    ui: &Ui,
    ctx: &ViewContext<'_>,
    chart: &BarChart,
    placement: &Placement<'_>,
    response: &egui_plot::PlotResponse<()>,
) -> Option<Command> {
    let transform = response.transform;
    let rect_of = |b: &Placed| {
        let (low, high) = b.corners();
        transform.rect_from_values(&low, &high)
    };
    let painter = ui.painter_at(response.response.rect);
    if let Some(sel) = ctx.selected.filter(|s| s.tab == Tab::Compare && ctx.interactive) {
        let stroke = Stroke::new(2.5, ui.visuals().strong_text_color());
        for b in placement.bars.iter().filter(|b| b.cell.point.observation == sel.figure.observation) {
            painter.rect_stroke(rect_of(b).expand(2.0), 2.0, stroke, egui::StrokeKind::Outside);
        }
    }
    let pointer = response.response.hover_pos().filter(|_| ctx.interactive)?;
    let b = placement.bars.iter().find(|b| rect_of(b).expand(2.0).contains(pointer))?;
    let rect: Rect = rect_of(b);
    painter.rect_stroke(rect, 1.0, Stroke::new(2.0, ui.visuals().text_color()), egui::StrokeKind::Outside);
    let p = &b.cell.point;
    let figure = ShownFigure::new(p.observation, p.value, chart.unit.clone(), p.other, ctx.filter);
    hover(ui, &response.response, pointer, ctx, SelectedFigure { tab: Tab::Compare, figure })
}

/// The metrics as shades on grey: each entity's bars are shades of its own colour.
fn legend_entries(chart: &BarChart, words: &BarWords) -> Vec<LegendEntry> {
    let base_colour = Color32::from_gray(128);
    chart
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
        .collect()
}

/// The year picker and the grouped/stacked switch.
fn controls(ui: &mut Ui, ctx: &ViewContext<'_>, chart: &BarChart, words: &BarWords) -> Vec<Command> {
    let lang = ctx.lang;
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.label(tr!(lang, "compare-year"));
        let current = chart.year.map_or_else(|| "–".to_string(), |y| crate::l10n::year_label(y, lang));
        egui::ComboBox::from_id_salt("compare_year")
            .selected_text(current)
            .show_ui(ui, |ui| {
                for &year in chart.years.iter().rev() {
                    if ui.selectable_label(chart.year == Some(year), crate::l10n::year_label(year, lang)).clicked() {
                        commands.push(edit_filter(ctx.filter, |f| f.compare_year = Some(year)));
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
            let stacked = ui
                .selectable_label(chart.layout == BarLayout::Stacked, tr!(lang, "compare-stacked"))
                .on_hover_text(tr!(lang, "compare-bars-on-top-of-each-other"))
                .on_disabled_hover_text(words.stack_unavailable.clone().unwrap_or_default());
            for (response, layout) in [(grouped, BarLayout::Grouped), (stacked, BarLayout::Stacked)] {
                if response.clicked() && chart.layout != layout {
                    commands.push(edit_filter(ctx.filter, |f| f.bar_layout = layout));
                }
            }
        });
    });
    commands
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
