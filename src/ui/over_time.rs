//! The "Over time" view: a line chart of the [`LineChart`] model.

use egui::{RichText, Ui};
use egui_plot::{GridMark, Legend, Line, Plot, PlotPoints, Points};

use crate::data::query::LineChart;
use crate::ui::palette::entity_colour;

/// Year ticks: whole years only, never fractions or negative years.
pub fn year_ticks(input: egui_plot::GridInput) -> Vec<GridMark> {
    let (min, max) = input.bounds;
    let span = (max - min).max(1.0);
    let step = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0].into_iter().find(|s| span / s <= 12.0).unwrap_or(200.0);
    let first = (min / step).ceil() * step;
    let mut marks = Vec::new();
    let mut year = first;
    while year <= max && marks.len() < 64 {
        if year >= 0.0 {
            marks.push(GridMark { value: year, step_size: step });
        }
        year += step;
    }
    marks
}

/// Draws the chart, or says why there is nothing to draw.
pub fn show(ui: &mut Ui, chart: &LineChart) {
    ui.label(RichText::new(&chart.title).heading());
    ui.label(&chart.subtitle);
    if let Some(reason) = &chart.empty_reason {
        ui.centered_and_justified(|ui| ui.label(reason));
        return;
    }
    let unit = chart.unit_label.clone();
    Plot::new("over_time")
        .legend(Legend::default())
        .x_grid_spacer(year_ticks)
        .x_axis_formatter(|mark, _| format!("{}", mark.value.round() as i64))
        .y_axis_label(unit)
        .show(ui, |plot| {
            for s in chart.visible_series() {
                let colour = entity_colour(s.key.entity);
                for range in s.segments() {
                    let pts: PlotPoints = s.points[range].iter().filter_map(|p| Some([p.x, p.value?])).collect();
                    plot.line(Line::new(&s.label, pts).color(colour).width(2.0));
                }
                let markers: PlotPoints = s.points.iter().filter_map(|p| Some([p.x, p.value?])).collect();
                plot.points(Points::new(&s.label, markers).color(colour).radius(3.5));
            }
        });
}
