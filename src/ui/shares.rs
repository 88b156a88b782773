//! The "Industry shares" view: horizontal bars on a fixed 0–100 % axis, grouped by entity, each
//! labelled with what it is a share of.

use egui::{Align2, RichText, Stroke, Ui};
use egui_plot::{Bar, BarChart as PlotBars, GridMark, Plot, PlotPoint, Text};

use super::chart_frame::{self, LegendEntry};
use super::details::hover;
use super::palette;
use super::{Command, SelectedFigure, Tab, ViewContext, edit_filter};
use crate::data::DisplayUnit;
use crate::data::query::{ShareChart, ShownFigure};
use crate::l10n::ShareWords;
use crate::l10n::entity_name;
use crate::tr;

/// Rows of the plot, top to bottom: an entity heading, then its bars.
enum Row {
    Heading(String),
    Bar(usize),
}

/// Draws the view and returns what the person asked for.
pub(crate) fn show(ui: &mut Ui, ctx: &ViewContext<'_>, chart: &ShareChart, words: &ShareWords) -> Vec<Command> {
    let mut commands = Vec::new();
    let lang = ctx.lang;
    if ctx.controls {
        let mut latest = ctx.filter.latest_shares_only;
        let toggled = ui
            .checkbox(&mut latest, tr!(lang, "shares-latest-figure-of-each-share-only"))
            .on_hover_text(tr!(lang, "shares-untick-to-see-every-year-a"));
        if toggled.changed() {
            commands.push(edit_filter(ctx.filter, |f| f.latest_shares_only = latest));
        }
    }
    let top = ui.cursor().min;
    chart_frame::header(ui, &words.title, &words.subtitle, &[]);
    if let Some(reason) = &words.empty {
        chart_frame::empty(ui, reason);
        return commands;
    }
    let rows = rows(ctx, chart);
    let response = draw_plot(ui, ctx, chart, words, &rows);
    commands.extend(pointer_marks(ui, ctx, chart, &rows, &response));
    let footer = chart_frame::Footer {
        legend: legend_entries(ctx, chart),
        omitted: 0,
        any_derived: chart.any_derived,
        any_low_trust: false,
        sources: &words.sources,
    };
    let right = response.response.rect.right();
    commands.extend(chart_frame::finish(ui, ctx, Tab::Shares, top, &response, right, footer));
    commands
}

/// The plot's rows: each entity's heading, then its visible bars.
fn rows(ctx: &ViewContext<'_>, chart: &ShareChart) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut last_entity = None;
    for (i, r) in chart.rows.iter().enumerate().filter(|(_, r)| !r.hidden) {
        if last_entity != Some(r.entity) {
            rows.push(Row::Heading(entity_name(ctx.dataset.entity(r.entity), ctx.lang).to_string()));
            last_entity = Some(r.entity);
        }
        rows.push(Row::Bar(i));
    }
    rows
}

/// Row k is drawn at y = -k, so the first row is at the top.
fn y_of(k: usize) -> f64 {
    -(k as f64)
}

/// The plot: a fixed 0–100 % axis, a heading per entity, a labelled bar per share.
fn draw_plot(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    chart: &ShareChart,
    words: &ShareWords,
    rows: &[Row],
) -> egui_plot::PlotResponse<()> {
    let text_colour = ui.visuals().text_color();
    let wanted = rows.len() as f32 * 40.0 + 40.0;
    let plot_height = wanted.min(ui.available_height() - chart_frame::footer_height(ui, Tab::Shares)).max(160.0);
    Plot::new("shares")
        .grid_color(palette::grid(ui.visuals()))
        .height(plot_height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_x(0.0)
        .include_x(100.0)
        .include_y(0.6)
        .include_y(y_of(rows.len().saturating_sub(1)) - 0.6)
        .show_axes([true, false])
        .show_grid([true, false])
        .x_grid_spacer(|_| (0..=10).map(|i| GridMark { value: f64::from(i) * 10.0, step_size: 10.0 }).collect())
        .x_axis_formatter(|mark, _| format!("{} %", mark.value.round()))
        .show_x(false)
        .show_y(false)
        .show(ui, |plot| {
            let text = |plot: &mut egui_plot::PlotUi<'_>, at: PlotPoint, text: RichText, anchor: Align2| {
                plot.text(Text::new("", at, text).anchor(anchor).color(text_colour).allow_hover(false));
            };
            for (k, row) in rows.iter().enumerate() {
                let y = y_of(k);
                let i = match row {
                    Row::Heading(name) => {
                        let heading = RichText::new(name).size(15.0).strong();
                        text(plot, PlotPoint::new(0.0, y), heading, Align2::LEFT_CENTER);
                        continue;
                    }
                    Row::Bar(i) => *i,
                };
                let r = &chart.rows[i];
                let colour = palette::colour(r.colour);
                let mut bar = Bar::new(y - 0.12, r.value).horizontal().width(0.42).fill(colour);
                if r.derived {
                    bar = bar.fill(colour.gamma_multiply(0.45)).stroke(Stroke::new(1.5, colour));
                }
                plot.add(PlotBars::new(&words.labels[i], vec![bar]).allow_hover(false));
                let label = RichText::new(&words.labels[i]).size(13.0);
                text(plot, PlotPoint::new(0.3, y + 0.12), label, Align2::LEFT_BOTTOM);
                let share = format!("{} %", DisplayUnit::SharePercent.format_number(r.value));
                let value = match &words.share_of[i] {
                    Some(of) => tr!(ctx.lang, "shares-share-of", share = share.as_str(), of = of.as_str()),
                    None => share,
                };
                let value = RichText::new(value).size(13.0).strong();
                text(plot, PlotPoint::new(r.value + 0.8, y - 0.12), value, Align2::LEFT_CENTER);
            }
        })
}

/// Frames the selected share and the one under the pointer, whose tooltip it shows; a click on
/// it selects it.
fn pointer_marks(
    ui: &Ui,
    ctx: &ViewContext<'_>,
    chart: &ShareChart,
    rows: &[Row],
    response: &egui_plot::PlotResponse<()>,
) -> Option<Command> {
    let transform = response.transform;
    let rect_of = |k: usize, value: f64| {
        transform
            .rect_from_values(&PlotPoint::new(0.0, y_of(k) - 0.33), &PlotPoint::new(value.max(1.0), y_of(k) + 0.09))
    };
    let painter = ui.painter_at(response.response.rect);
    let selected = ctx.selected.filter(|s| s.tab == Tab::Shares && ctx.interactive).map(|s| s.figure.observation);
    let pointer = response.response.hover_pos().filter(|_| ctx.interactive);
    let mut hovered = None;
    for (k, row) in rows.iter().enumerate() {
        let Row::Bar(i) = row else { continue };
        let r = &chart.rows[*i];
        let rect = rect_of(k, r.value);
        if selected == Some(r.observation) {
            let stroke = Stroke::new(2.5, ui.visuals().strong_text_color());
            painter.rect_stroke(rect.expand(2.0), 2.0, stroke, egui::StrokeKind::Outside);
        }
        if pointer.is_some_and(|p| rect.expand(2.0).contains(p)) {
            hovered = Some((r, rect));
        }
    }
    let (r, rect) = hovered?;
    painter.rect_stroke(rect, 1.0, Stroke::new(2.0, ui.visuals().text_color()), egui::StrokeKind::Outside);
    let anchor = pointer.unwrap_or(rect.right_center());
    let figure = ShownFigure::new(r.observation, Some(r.value), DisplayUnit::SharePercent, None, ctx.filter);
    hover(ui, &response.response, anchor, ctx, SelectedFigure { tab: Tab::Shares, figure })
}

/// One legend entry per entity, in its colour.
fn legend_entries(ctx: &ViewContext<'_>, chart: &ShareChart) -> Vec<LegendEntry> {
    let mut entries: Vec<LegendEntry> = Vec::new();
    for r in &chart.rows {
        let id = ctx.dataset.entity(r.entity).id.clone();
        if !entries.iter().any(|e| e.id == id) {
            let label = entity_name(ctx.dataset.entity(r.entity), ctx.lang).to_string();
            entries.push(LegendEntry { id, label, colour: palette::colour(r.colour), dash: None, hidden: r.hidden });
        }
    }
    entries
}
