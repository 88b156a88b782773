//! The "Over time" view: one line per series, gaps where years are missing, hollow markers for
//! derived figures, diamonds for low trust, a framed tooltip with the figure's source, and a
//! click that selects a figure.

use std::sync::Arc;

use egui::text::{LayoutJob, TextWrapping};
use egui::{Galley, Pos2, Stroke, Ui};
use egui_plot::{GridInput, GridMark, Line, MarkerShape, Plot, PlotPoint, PlotPoints, Points};

use super::chart_frame::{self, LegendEntry};
use super::details::hover;
use super::palette;
use super::{Command, SelectedFigure, Tab, ViewContext};
use crate::data::decimate::Decimated;
use crate::data::format::format_number;
use crate::data::query::{LineChart, Point, ShownFigure};
use crate::l10n::{Lang, LineWords};

/// How close (in points) the pointer must be to a marker to hover it.
const HOVER_RADIUS: f32 = 12.0;

/// Above this many drawn points, a series gets no markers.
const MAX_MARKERS: usize = 400;

/// The widest name beside a line's end; longer names are cut with "…" (the legend has them whole).
const END_LABEL_MAX_WIDTH: f32 = 150.0;

/// Space between the plot, a name's colour mark and the name.
const END_LABEL_GAP: f32 = 6.0;

/// The length of the stretch of line beside a name: long enough to show its dash pattern.
const END_MARK: f32 = 18.0;

/// Time ticks: whole years (every 1, 2, 5, 10, 20, 50… years, up to 10,000 for history since
/// 10,000 BCE); for monthly or daily figures (`sub_year`) also every 6, 3, 2 or 1 months once
/// the view spans only a few years. At most about 12 ticks.
pub(crate) fn time_ticks(input: GridInput, sub_year: bool) -> Vec<GridMark> {
    const MONTH_STEPS: [i64; 18] =
        [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12_000, 24_000, 60_000, 120_000, 240_000];
    let (min, max) = input.bounds;
    let span_months = ((max - min) * 12.0).max(12.0);
    let step = MONTH_STEPS
        .into_iter()
        .filter(|&m| sub_year || m >= 12)
        .find(|&m| span_months / m as f64 <= 12.0)
        .unwrap_or(240_000);
    // Counted in whole months, so that ticks do not drift with floating-point sums.
    let first = ((min * 12.0) / step as f64).ceil() as i64 * step;
    (0..64)
        .map(|i| first + i * step)
        .take_while(|&month| month as f64 / 12.0 <= max)
        .map(|month| GridMark { value: month as f64 / 12.0, step_size: step as f64 / 12.0 })
        .collect()
}

/// A time tick's label: "2024" on a year, "2024-03" on a month.
pub(crate) fn time_tick_label(value: f64, lang: Lang) -> String {
    let month = (value * 12.0).round() as i64;
    match month.rem_euclid(12) {
        0 => crate::l10n::year_label(month.div_euclid(12) as i32, lang),
        m => format!("{}-{:02}", month.div_euclid(12), m + 1),
    }
}

/// Ticks of a log10 axis at 1, 2 and 5 times powers of ten.
pub(crate) fn log_ticks(input: GridInput) -> Vec<GridMark> {
    let (min, max) = input.bounds;
    let mut marks = Vec::new();
    let first = min.floor() as i32;
    let last = max.ceil() as i32;
    let decades = (last - first).max(1);
    let multiples: &[f64] = if decades > 4 { &[1.0] } else { &[1.0, 2.0, 5.0] };
    for exponent in first..=last.min(first + 40) {
        for &m in multiples {
            let value = (m * 10f64.powi(exponent)).log10();
            if value >= min && value <= max {
                marks.push(GridMark { value, step_size: if m == 1.0 { 1.0 } else { 0.3 } });
            }
        }
    }
    marks
}

/// A decimated series with its plot coordinates computed once, so a frame hands egui_plot a
/// borrowed slice instead of building tens of thousands of points.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prepared {
    /// Which points are drawn.
    pub decimated: Decimated,
    /// Their plot coordinates, aligned with `decimated.points`.
    pub xy: Vec<PlotPoint>,
}

/// Computes the plot coordinates of decimated series (one per visible series of `chart`).
pub fn prepare(chart: &LineChart, drawn: Vec<Decimated>) -> Vec<Prepared> {
    chart
        .visible_series()
        .zip(drawn)
        .map(|(s, decimated)| {
            let xy = decimated
                .points
                .iter()
                .map(|&i| {
                    let p = &s.points[i];
                    PlotPoint::new(p.x, p.value.map_or(f64::NAN, |v| plot_y(chart, v)))
                })
                .collect();
            Prepared { decimated, xy }
        })
        .collect()
}

/// The y value a point is drawn at (log10 on a log axis).
fn plot_y(chart: &LineChart, value: f64) -> f64 {
    if chart.log_scale { value.log10() } else { value }
}

/// Draws the view and returns what the person asked for.
///
/// `prepared` holds, per visible series, the points worth drawing at the plot's width (see
/// [`crate::data::decimate`]): lines, markers and hovering use only those.
pub fn show(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    chart: &LineChart,
    words: &LineWords,
    prepared: &[Prepared],
) -> Vec<Command> {
    let top = ui.cursor().min;
    chart_frame::header(ui, &words.title, &words.subtitle, &words.notes);
    if let Some(reason) = &words.empty {
        chart_frame::empty(ui, reason);
        return Vec::new();
    }
    // The legend labels of the drawn lines, in the order of `visible_series`.
    let labels: Vec<&str> =
        chart.series.iter().zip(&words.labels).filter(|(s, _)| !s.hidden).map(|(_, l)| l.as_str()).collect();
    // Each line is named where it ends, right of the plot, as Our World in Data's grapher does:
    // the eye need not travel to the legend and back.
    let names = end_label_galleys(ui, &labels);
    let names_width = names.iter().map(|g| g.size().x).fold(0.0, f32::max);
    let strip = if names.is_empty() { 0.0 } else { names_width + END_MARK + 3.0 * END_LABEL_GAP };
    let response = draw_plot(ui, chart, words, prepared, &labels, strip, ctx.lang);
    let bounds = response.transform.bounds();
    paint_end_labels(ui, chart, prepared, names, &response.transform, (bounds.min()[0], bounds.max()[0]));
    let mut commands: Vec<Command> = pointer_marks(ui, ctx, chart, prepared, &response).into_iter().collect();
    let footer = chart_frame::Footer {
        legend: legend_entries(chart, words),
        omitted: chart.omitted.len(),
        any_derived: chart.any_derived,
        any_low_trust: chart.any_low_trust,
        sources: &words.sources,
    };
    let right = response.response.rect.right() + strip;
    commands.extend(chart_frame::finish(ui, ctx, Tab::OverTime, top, &response, right, footer));
    commands
}

/// The plot: axes fitted to time and the unit, each drawn series as line segments (gaps where
/// figures are missing) with markers that tell reported, derived and low-trust figures apart.
fn draw_plot(
    ui: &mut Ui,
    chart: &LineChart,
    words: &LineWords,
    prepared: &[Prepared],
    labels: &[&str],
    strip: f32,
    lang: Lang,
) -> egui_plot::PlotResponse<()> {
    let plot_height = (ui.available_height() - chart_frame::footer_height(ui, Tab::OverTime)).max(160.0);
    let (log, sub_year) = (chart.log_scale, chart.sub_year);
    let plot = Plot::new("over_time")
        .grid_color(palette::grid(ui.visuals()))
        .height(plot_height)
        .width((ui.available_width() - strip).max(240.0))
        .x_grid_spacer(move |input| time_ticks(input, sub_year))
        .x_axis_formatter(move |mark, _| time_tick_label(mark.value, lang))
        .y_axis_formatter(move |mark, _| {
            let value = if log { 10f64.powf(mark.value) } else { mark.value };
            format_number(value, if value.abs() < 10.0 { 2 } else { 0 })
        })
        .y_axis_label(words.unit_label.clone())
        .show_x(false)
        .show_y(false)
        .y_axis_min_width(48.0);
    let plot = if log { plot.y_grid_spacer(log_ticks) } else { plot };
    plot.show(ui, |plot| {
        for ((s, prepared), &label) in chart.visible_series().zip(prepared).zip(labels) {
            let colour = palette::colour(s.style.colour);
            for segment in &prepared.decimated.segments {
                let points = PlotPoints::Borrowed(&prepared.xy[segment.clone()]);
                plot.line(Line::new(label, points).color(colour).width(2.0).style(palette::dash(s.style.dash)));
            }
            // Markers tell reported from derived figures; on a dense series they would only
            // blur the line.
            if prepared.decimated.points.len() <= MAX_MARKERS {
                add_markers(plot, chart, s, &prepared.decimated, label, colour);
            }
        }
    })
}

/// A series' markers: filled for reported figures, hollow for derived ones, diamonds for low trust.
fn add_markers(
    plot: &mut egui_plot::PlotUi<'_>,
    chart: &LineChart,
    s: &crate::data::query::Series,
    drawn: &Decimated,
    label: &str,
    colour: egui::Color32,
) {
    for (derived, low) in [(false, false), (true, false), (false, true), (true, true)] {
        let markers: PlotPoints = drawn
            .points
            .iter()
            .map(|&i| &s.points[i])
            .filter(|p| p.derived == derived && (p.trust == Some(crate::data::Trust::Low)) == low)
            .filter_map(|p| Some([p.x, plot_y(chart, p.value?)]))
            .collect();
        if markers.points().is_empty() {
            continue;
        }
        let shape = if low { MarkerShape::Diamond } else { MarkerShape::Circle };
        plot.points(
            Points::new(label, markers).color(colour).shape(shape).filled(!derived).radius(4.0).allow_hover(false),
        );
    }
}

/// Where a point of the chart is drawn on the plot (`None` for a point without a value).
pub fn plot_point(chart: &LineChart, point: &Point) -> Option<PlotPoint> {
    point.value.map(|v| PlotPoint::new(point.x, plot_y(chart, v)))
}

/// Rings the selected figure and the one under the pointer, whose tooltip it shows; a click
/// on it selects it.
fn pointer_marks(
    ui: &Ui,
    ctx: &ViewContext<'_>,
    chart: &LineChart,
    prepared: &[Prepared],
    response: &egui_plot::PlotResponse<()>,
) -> Option<Command> {
    let transform = response.transform;
    let to_screen = |p: &Point| plot_point(chart, p).map(|xy| transform.position_from_point(&xy));
    let drawn: Vec<&Decimated> = prepared.iter().map(|p| &p.decimated).collect();
    let painter = ui.painter_at(response.response.rect);
    if let Some(index) =
        ctx.selected.filter(|s| s.tab == Tab::OverTime && ctx.interactive).map(|s| s.figure.observation)
    {
        for (s, d) in chart.visible_series().zip(&drawn) {
            for p in d.points.iter().map(|&i| &s.points[i]).filter(|p| p.observation == index) {
                if let Some(pos) = to_screen(p) {
                    painter.circle_stroke(pos, 8.0, Stroke::new(2.5, ui.visuals().strong_text_color()));
                }
            }
        }
    }
    let pointer = response.response.hover_pos().filter(|_| ctx.interactive)?;
    let (series_index, point_index, pos) = nearest(chart, &drawn, pointer, &to_screen)?;
    let s = chart.visible_series().nth(series_index)?;
    let p = &s.points[point_index];
    painter.circle_stroke(pos, 7.0, Stroke::new(2.0, palette::colour(s.style.colour)));
    let figure = ShownFigure::new(p.observation, p.value, chart.unit.clone(), p.other, ctx.filter);
    hover(ui, &response.response, pos, ctx, SelectedFigure { tab: Tab::OverTime, figure })
}

/// Every series in the legend, hidden ones struck through, each with its line's dash.
fn legend_entries(chart: &LineChart, words: &LineWords) -> Vec<LegendEntry> {
    chart
        .series
        .iter()
        .zip(&words.labels)
        .map(|(s, label)| LegendEntry {
            id: s.id.clone(),
            label: label.clone(),
            colour: palette::colour(s.style.colour),
            dash: Some(s.style.dash),
            hidden: s.hidden,
        })
        .collect()
}

/// The names of the drawn lines, one row each, cut to [`END_LABEL_MAX_WIDTH`].
fn end_label_galleys(ui: &Ui, labels: &[&str]) -> Vec<Arc<Galley>> {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let colour = ui.visuals().text_color();
    labels
        .iter()
        .map(|label| {
            let mut job = LayoutJob::simple_singleline(label.to_string(), font.clone(), colour);
            job.wrap = TextWrapping {
                max_width: END_LABEL_MAX_WIDTH,
                max_rows: 1,
                break_anywhere: true,
                overflow_character: Some('…'),
            };
            ui.painter().layout_job(job)
        })
        .collect()
}

/// Paints each line's name right of the plot, beside its last point in view, with a mark of
/// its colour; names that would overlap are pushed apart. A line with no point in view gets none.
fn paint_end_labels(
    ui: &mut Ui,
    chart: &LineChart,
    prepared: &[Prepared],
    names: Vec<Arc<Galley>>,
    transform: &egui_plot::PlotTransform,
    (x_min, x_max): (f64, f64),
) {
    let frame = *transform.frame();
    let row = names.iter().map(|g| g.size().y).fold(0.0, f32::max);
    let mut ends = Vec::new();
    for ((s, p), name) in chart.visible_series().zip(prepared).zip(names) {
        let last = p.xy.iter().rev().find(|q| q.y.is_finite() && q.x >= x_min && q.x <= x_max);
        if let Some(last) = last {
            ends.push((transform.position_from_point(last).y, name, s.style));
        }
    }
    let wanted: Vec<f32> = ends.iter().map(|e| e.0).collect();
    let placed = spread_apart(&wanted, row, frame.top(), frame.bottom());
    let mark_x = frame.right() + END_LABEL_GAP;
    for ((_, name, style), y) in ends.into_iter().zip(placed) {
        let stroke = Stroke::new(2.5, palette::colour(style.colour));
        let mark = palette::dashed_segment(egui::pos2(mark_x, y), egui::pos2(mark_x + END_MARK, y), stroke, style.dash);
        ui.painter().extend(mark);
        // A label, not painted text: screen readers (and tests) find it. In a child Ui, so that it
        // does not move the cursor (`Ui::put` would, and the legend would follow it up).
        let text_pos = egui::pos2(mark_x + END_MARK + END_LABEL_GAP, y - name.size().y / 2.0);
        let rect = egui::Rect::from_min_size(text_pos, name.size());
        ui.new_child(egui::UiBuilder::new().max_rect(rect)).add(egui::Label::new(name).selectable(false));
    }
}

/// Label centres as near as possible to the `wanted` ones, at least `height` apart and within
/// `top..bottom` (where there is room): sorted top-down, each pushed below the one above, then
/// the last ones pushed back up from the bottom.
pub(crate) fn spread_apart(wanted: &[f32], height: f32, top: f32, bottom: f32) -> Vec<f32> {
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by(|&a, &b| wanted[a].total_cmp(&wanted[b]));
    let (lowest, highest) = (top + height / 2.0, (bottom - height / 2.0).max(top + height / 2.0));
    let mut placed = vec![0.0; wanted.len()];
    let mut next = lowest;
    for &i in &order {
        let y = wanted[i].clamp(lowest, highest).max(next);
        placed[i] = y;
        next = y + height;
    }
    let mut limit = highest;
    for &i in order.iter().rev() {
        placed[i] = placed[i].min(limit);
        limit = placed[i] - height;
    }
    placed
}

/// The visible point nearest the pointer, within [`HOVER_RADIUS`].
fn nearest(
    chart: &LineChart,
    drawn: &[&Decimated],
    pointer: Pos2,
    to_screen: &impl Fn(&Point) -> Option<Pos2>,
) -> Option<(usize, usize, Pos2)> {
    let mut best: Option<(usize, usize, Pos2, f32)> = None;
    for (si, (s, d)) in chart.visible_series().zip(drawn.iter().copied()).enumerate() {
        for &pi in &d.points {
            let Some(pos) = to_screen(&s.points[pi]) else { continue };
            let distance = pos.distance(pointer);
            if distance <= HOVER_RADIUS && best.is_none_or(|b| distance < b.3) {
                best = Some((si, pi, pos, distance));
            }
        }
    }
    best.map(|(s, p, pos, _)| (s, p, pos))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticks(min: f64, max: f64, sub_year: bool) -> Vec<String> {
        let input = GridInput { bounds: (min, max), base_step_size: 0.0 };
        time_ticks(input, sub_year).iter().map(|m| time_tick_label(m.value, Lang::default())).collect()
    }

    #[test]
    fn end_labels_keep_their_place_unless_they_would_overlap() {
        // Far apart: each at its line's end.
        assert_eq!(spread_apart(&[100.0, 300.0], 14.0, 0.0, 400.0), [100.0, 300.0]);
        // Two lines ending close together: pushed apart, order kept.
        let placed = spread_apart(&[205.0, 200.0], 14.0, 0.0, 400.0);
        assert!(placed[0] - placed[1] >= 14.0 - 1e-3, "{placed:?}");
        assert!(placed[1] <= 200.0 && placed[0] >= 205.0, "{placed:?}");
        // Crowded at the bottom: pushed back up inside the plot.
        let placed = spread_apart(&[398.0, 399.0, 400.0], 14.0, 0.0, 400.0);
        assert!(placed.iter().all(|&y| y <= 393.0 + 1e-3), "{placed:?}");
        let mut sorted = placed.clone();
        sorted.sort_by(f32::total_cmp);
        assert!(sorted.windows(2).all(|w| w[1] - w[0] >= 14.0 - 1e-3), "{placed:?}");
    }

    #[test]
    fn yearly_figures_tick_whole_years_however_far_one_zooms_in() {
        assert_eq!(ticks(2014.0, 2025.0, false).len(), 12);
        assert_eq!(ticks(2023.6, 2025.4, false), ["2024", "2025"]);
        assert_eq!(ticks(1900.0, 2025.0, false).first().map(String::as_str), Some("1900"));
        // History since 10,000 BCE: every 2,000 years, BCE written out.
        let history = ticks(-10_000.0, 2023.0, false);
        assert_eq!(history[..3], ["10000 BCE", "8000 BCE", "6000 BCE"]);
        assert_eq!(history.last().map(String::as_str), Some("2000"));
    }

    #[test]
    fn monthly_figures_tick_months_when_zoomed_in() {
        assert_eq!(ticks(2014.0, 2025.0, true).len(), 12, "a decade ticks years");
        assert_eq!(
            ticks(2024.0, 2025.0, true),
            [
                "2024", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09",
                "2024-10", "2024-11", "2024-12", "2025"
            ]
        );
        assert_eq!(ticks(2020.0, 2022.9, true)[..3], ["2020", "2020-04", "2020-07"]);
        assert_eq!(ticks(2020.0, 2025.0, true)[..3], ["2020", "2020-07", "2021"]);
    }
}
