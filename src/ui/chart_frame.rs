//! What every chart has around the plot, as Our World in Data's grapher does: a title that says
//! what is shown, a subtitle with years and unit, a legend, and a footer naming the sources, so
//! that a screenshot of the chart stands on its own in a report.

use egui::{Align, Color32, Layout, Pos2, RichText, Sense, Ui, vec2};

use super::{ChartLayout, Command, Tab, ViewContext};
use crate::data::format::format_number;
use crate::l10n::Lang;
use crate::tr;

/// One entry of a chart's legend.
pub(crate) struct LegendEntry {
    /// The series id (what [`Command::ToggleSeries`] hides).
    pub id: String,
    /// The text.
    pub label: String,
    /// The swatch colour.
    pub colour: Color32,
    /// For a line, its dash pattern (the swatch is then a stretch of line); for bars, `None`.
    pub dash: Option<usize>,
    /// Whether the series is hidden.
    pub hidden: bool,
}

/// Title, subtitle and notes.
pub(crate) fn header(ui: &mut Ui, title: &str, subtitle: &str, notes: &[String]) {
    ui.label(RichText::new(title).size(20.0).strong());
    if !subtitle.is_empty() {
        ui.label(RichText::new(subtitle).weak());
    }
    for note in notes {
        ui.label(RichText::new(note).small().color(ui.visuals().warn_fg_color));
    }
}

/// What a chart draws under its plot (axis labels aside: legend, marks, sources) before it has
/// been measured.
const FIRST_FOOTER_HEIGHT: f32 = 64.0;

/// The height a chart drew under its plot on the last frame. The plot gets the rest of the view,
/// so a legend that wraps onto more rows never pushes the sources line out of the window, or out
/// of an exported picture.
pub(crate) fn footer_height(ui: &Ui, tab: Tab) -> f32 {
    ui.ctx().data(|d| d.get_temp(footer_id(tab))).unwrap_or(FIRST_FOOTER_HEIGHT)
}

/// Records the height drawn from `plot_end` (the cursor just after the plot) to the end of the
/// view; if it changed, the next frame comes at once, with the plot resized. (Not
/// `request_discard`: with it, the window under Xvfb ignored a termination signal.)
fn measure_footer(ui: &Ui, tab: Tab, plot_end: f32) {
    // The cursor, not `min_rect`: the view's rect already reaches the bottom of the window.
    let height = ui.cursor().min.y - plot_end;
    if (height - footer_height(ui, tab)).abs() > 0.5 {
        ui.ctx().data_mut(|d| d.insert_temp(footer_id(tab), height));
        ui.ctx().request_repaint();
    }
}

fn footer_id(tab: Tab) -> egui::Id {
    egui::Id::unique(("chart footer height", tab))
}

/// The message shown instead of an empty chart.
pub(crate) fn empty(ui: &mut Ui, reason: &str) {
    ui.add_space(40.0);
    ui.vertical_centered(|ui| {
        ui.label(RichText::new(reason).size(16.0).weak());
    });
}

/// A clickable legend: a click hides or shows a series, an alt-click shows only it.
pub(crate) fn legend(ui: &mut Ui, entries: &[LegendEntry], lang: Lang) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal_wrapped(|ui| {
        let font = egui::TextStyle::Button.resolve(ui.style());
        for entry in entries {
            // A swatch stays on the row of its name: wrap before the pair, not between them.
            let name = ui.painter().layout_no_wrap(entry.label.clone(), font.clone(), Color32::PLACEHOLDER);
            let swatch = if entry.dash.is_some() { vec2(22.0, 12.0) } else { vec2(12.0, 12.0) };
            let width =
                swatch.x + 2.0 * ui.spacing().item_spacing.x + 2.0 * ui.spacing().button_padding.x + name.size().x;
            let left = ui.available_size_before_wrap().x;
            if left < width && left < ui.available_width() {
                ui.end_row();
            }
            let (rect, _) = ui.allocate_exact_size(swatch, Sense::hover());
            let colour = if entry.hidden { entry.colour.gamma_multiply(0.25) } else { entry.colour };
            match entry.dash {
                Some(dash) => {
                    let stroke = egui::Stroke::new(2.5, colour);
                    let shapes = super::palette::dashed_segment(rect.left_center(), rect.right_center(), stroke, dash);
                    ui.painter().extend(shapes);
                }
                None => {
                    ui.painter().rect_filled(rect, 2.0, colour);
                }
            }
            let text = if entry.hidden {
                RichText::new(&entry.label).weak().strikethrough()
            } else {
                RichText::new(&entry.label)
            };
            let response = ui
                .add(egui::Button::new(text).frame(false))
                .on_hover_text(tr!(lang, "chart-frame-click-to-hide-or-show-alt"));
            if response.clicked() {
                if ui.input(|i| i.modifiers.alt) {
                    let all = entries.iter().map(|e| e.id.clone()).collect();
                    commands.push(Command::ShowOnly { keep: entry.id.clone(), all });
                } else {
                    commands.push(Command::ToggleSeries(entry.id.clone()));
                }
            }
            ui.add_space(8.0);
        }
    });
    commands
}

/// Explains the point markers: filled = reported, hollow = derived, diamond = low trust.
pub(crate) fn marks_legend(ui: &mut Ui, any_derived: bool, any_low_trust: bool, lang: Lang) {
    if !any_derived && !any_low_trust {
        return;
    }
    let mut parts = vec![tr!(lang, "chart-frame-reported")];
    if any_derived {
        parts.push(tr!(lang, "chart-frame-derived-computed-from-other-figures"));
    }
    if any_low_trust {
        parts.push(tr!(lang, "chart-frame-low-trust-source"));
    }
    ui.label(RichText::new(parts.join("    ")).small().weak());
}

/// What every chart draws under its plot.
pub(crate) struct Footer<'a> {
    /// The legend's entries; empty for no legend.
    pub legend: Vec<LegendEntry>,
    /// How many lines were left out to keep the chart readable (a link to the Table says so).
    pub omitted: usize,
    /// Whether a derived figure is drawn (the marks legend and the sources line say so).
    pub any_derived: bool,
    /// Whether a low-trust figure is drawn.
    pub any_low_trust: bool,
    /// The sources line (the view's words).
    pub sources: &'a str,
}

/// Finishes a chart under its plot: legend, marks, sources. Then measures what it drew under the
/// plot (so the next frame sizes the plot to leave room for it) and records where the chart is
/// (`top` to here, `plot` the plot area, `right` the chart's right edge), for image export and
/// for the decimation of the next frame.
pub(crate) fn finish(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    tab: Tab,
    top: Pos2,
    plot: &egui_plot::PlotResponse<()>,
    right: f32,
    footer: Footer<'_>,
) -> Vec<Command> {
    let plot_end = ui.cursor().min.y;
    let lang = ctx.lang;
    let mut commands = Vec::new();
    if !footer.legend.is_empty() {
        commands.extend(legend(ui, &footer.legend, lang));
    }
    if footer.omitted > 0 {
        let more = format_number(footer.omitted as f64, 0);
        let text = tr!(lang, "over-time-more-lines", more = more.as_str());
        let hint = tr!(lang, "over-time-only-the-lines-with-the-largest");
        if ui.link(text).on_hover_text(hint).clicked() {
            commands.push(Command::SetTab(Tab::Table));
        }
    }
    marks_legend(ui, footer.any_derived, footer.any_low_trust, lang);
    if !footer.sources.is_empty() {
        ui.with_layout(Layout::top_down(Align::Min), |ui| {
            ui.add(egui::Label::new(RichText::new(footer.sources).small().weak()).wrap());
        });
    }
    let chart_rect = egui::Rect::from_min_max(top, egui::pos2(right, ui.min_rect().bottom()));
    measure_footer(ui, tab, plot_end);
    let layout = ChartLayout { chart_rect, plot_rect: plot.response.rect, transform: plot.transform };
    super::store_layout(ui.ctx(), tab, layout);
    commands
}
