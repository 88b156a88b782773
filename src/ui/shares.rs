//! The "Industry shares" view: horizontal bars on a fixed 0–100 % axis, grouped by entity, each
//! labelled with what it is a share of.

use egui::{Align2, RichText, Stroke, Ui};
use egui_plot::{Bar, BarChart as PlotBars, GridMark, Plot, PlotPoint, Text};

use super::chart_frame::{self, LegendEntry};
use super::details::hover;
use super::palette;
use super::{Command, SelectedFigure, Tab, ViewContext};
use crate::data::DisplayUnit;
use crate::data::query::ShareChart;
use crate::l10n::ShareWords;
use crate::l10n::entity_name;
use crate::tr;

/// Rows of the plot, top to bottom: an entity heading, then its bars.
enum Row {
    Heading(String),
    Bar(usize),
}

/// Draws the view and returns what the person asked for.
pub fn show(ui: &mut Ui, ctx: &ViewContext<'_>, chart: &ShareChart, words: &ShareWords) -> Vec<Command> {
    let mut commands = Vec::new();
    let lang = ctx.lang;
    if ctx.controls {
        let mut filter = ctx.filter.clone();
        ui.checkbox(&mut filter.latest_shares_only, tr!(lang, "shares-latest-figure-of-each-share-only"))
            .on_hover_text(tr!(lang, "shares-untick-to-see-every-year-a"));
        if filter != *ctx.filter {
            commands.push(Command::SetFilter(filter));
        }
    }
    let top = ui.cursor().min;
    chart_frame::header(ui, &words.title, &words.subtitle, &[]);
    if let Some(reason) = &words.empty {
        chart_frame::empty(ui, reason);
        return commands;
    }

    let mut rows = Vec::new();
    let mut last_entity = None;
    for (i, r) in chart.rows.iter().enumerate().filter(|(_, r)| !r.hidden) {
        if last_entity != Some(r.entity) {
            rows.push(Row::Heading(entity_name(ctx.dataset.entity(r.entity), lang).to_string()));
            last_entity = Some(r.entity);
        }
        rows.push(Row::Bar(i));
    }
    // Row k is drawn at y = -k, so the first row is at the top.
    let y_of = |k: usize| -(k as f64);
    let text_colour = ui.visuals().text_color();
    let wanted = rows.len() as f32 * 40.0 + 40.0;
    let plot_height = wanted.min(ui.available_height() - chart_frame::footer_height(ui, Tab::Shares)).max(160.0);
    let response = Plot::new("shares")
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
            for (k, row) in rows.iter().enumerate() {
                let y = y_of(k);
                match row {
                    Row::Heading(name) => {
                        let text = RichText::new(name).size(15.0).strong();
                        plot.text(
                            Text::new("", PlotPoint::new(0.0, y), text)
                                .anchor(Align2::LEFT_CENTER)
                                .color(text_colour)
                                .allow_hover(false),
                        );
                    }
                    Row::Bar(i) => {
                        let r = &chart.rows[*i];
                        let colour = palette::colour(r.colour);
                        let mut bar = Bar::new(y - 0.12, r.value).horizontal().width(0.42).fill(colour);
                        if r.derived {
                            bar = bar.fill(colour.gamma_multiply(0.45)).stroke(Stroke::new(1.5, colour));
                        }
                        plot.add(PlotBars::new(&words.labels[*i], vec![bar]).allow_hover(false));
                        let label = RichText::new(&words.labels[*i]).size(13.0);
                        plot.text(
                            Text::new("", PlotPoint::new(0.3, y + 0.12), label)
                                .anchor(Align2::LEFT_BOTTOM)
                                .color(text_colour)
                                .allow_hover(false),
                        );
                        let share = format!("{} %", DisplayUnit::SharePercent.format_number(r.value));
                        let value = match &words.share_of[*i] {
                            Some(of) => tr!(lang, "shares-share-of", share = share.as_str(), of = of.as_str()),
                            None => share,
                        };
                        plot.text(
                            Text::new(
                                "",
                                PlotPoint::new(r.value + 0.8, y - 0.12),
                                RichText::new(value).size(13.0).strong(),
                            )
                            .anchor(Align2::LEFT_CENTER)
                            .color(text_colour)
                            .allow_hover(false),
                        );
                    }
                }
            }
        });
    let plot_end = ui.cursor().min.y;

    let transform = response.transform;
    let rect_of = |k: usize, value: f64| {
        transform
            .rect_from_values(&PlotPoint::new(0.0, y_of(k) - 0.33), &PlotPoint::new(value.max(1.0), y_of(k) + 0.09))
    };
    let painter = ui.painter_at(response.response.rect);
    let mut hovered = None;
    let mut targets = Vec::new();
    for (k, row) in rows.iter().enumerate() {
        let Row::Bar(i) = row else { continue };
        let r = &chart.rows[*i];
        let rect = rect_of(k, r.value);
        targets.push((r.observation, rect));
        if ctx.interactive && ctx.selected.is_some_and(|s| s.tab == Tab::Shares && s.observation == r.observation) {
            painter.rect_stroke(
                rect.expand(2.0),
                2.0,
                Stroke::new(2.5, ui.visuals().strong_text_color()),
                egui::StrokeKind::Outside,
            );
        }
        if ctx.interactive && response.response.hover_pos().is_some_and(|p| rect.expand(2.0).contains(p)) {
            hovered = Some((r, rect));
        }
    }
    if let Some((r, rect)) = hovered {
        painter.rect_stroke(rect, 1.0, Stroke::new(2.0, text_colour), egui::StrokeKind::Outside);
        let anchor = response.response.hover_pos().unwrap_or(rect.right_center());
        let figure = SelectedFigure {
            tab: Tab::Shares,
            observation: r.observation,
            shown: Some(r.value),
            unit: DisplayUnit::SharePercent,
            other: None,
            filter: ctx.filter.clone(),
        };
        commands.extend(hover(ui, &response.response, anchor, ctx.dataset, figure, lang));
    }

    let mut entries: Vec<LegendEntry> = Vec::new();
    for r in &chart.rows {
        let id = ctx.dataset.entity(r.entity).id.clone();
        if !entries.iter().any(|e| e.id == id) {
            let label = entity_name(ctx.dataset.entity(r.entity), lang).to_string();
            entries.push(LegendEntry { id, label, colour: palette::colour(r.colour), dash: None, hidden: r.hidden });
        }
    }
    commands.extend(chart_frame::legend(ui, &entries, lang));
    chart_frame::marks_legend(ui, chart.any_derived, false, lang);
    chart_frame::footer(ui, ctx.dataset, &chart.sources, chart.any_derived, lang);
    let plot_rect = response.response.rect;
    let chart_rect = egui::Rect::from_min_max(top, egui::pos2(plot_rect.right(), ui.min_rect().bottom()));
    chart_frame::measure_footer(ui, Tab::Shares, plot_end);
    super::store_layout(
        ui.ctx(),
        Tab::Shares,
        super::ChartLayout { chart_rect, plot_rect, targets, x_range: (0.0, 100.0), gaps: Vec::new() },
    );
    commands
}
