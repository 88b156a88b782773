//! The "Table" view: the figures of the last chart, one row each, sortable by any column.
//! Rows are virtualised (egui_extras draws only the visible ones).

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::data::Dataset;
use crate::data::query::{Table, TableColumn};
use crate::l10n::Lang;
use crate::tr;

/// Draws the rows; a click on a header asks to sort by it (returned as the new sort).
pub(crate) fn show(
    ui: &mut Ui,
    caption: &str,
    table: &Table,
    d: &Dataset,
    sort: (TableColumn, bool),
    lang: Lang,
) -> Option<(TableColumn, bool)> {
    ui.label(RichText::new(caption).strong());
    if table.is_empty() {
        ui.label(RichText::new(tr!(lang, "table-the-chart-shows-no-figures")).weak());
        return None;
    }
    let mut new_sort = None;
    // Every row has the chart's unit, so the value column's header names it once.
    let unit = crate::l10n::unit_label(d, &table.unit, lang);
    let value = tr!(lang, "table-value");
    let value = if unit.is_empty() { value.to_string() } else { format!("{value} ({unit})") };
    let headers = [
        (TableColumn::Entity, tr!(lang, "table-entity")),
        (TableColumn::Metric, tr!(lang, "table-metric")),
        (TableColumn::Time, tr!(lang, "table-year")),
        (TableColumn::Value, value),
        (TableColumn::Derived, tr!(lang, "table-derived")),
        (TableColumn::Trust, tr!(lang, "table-trust")),
        (TableColumn::Source, tr!(lang, "table-source")),
    ];
    TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .column(Column::initial(110.0).at_least(60.0))
        .column(Column::initial(220.0).at_least(80.0))
        .column(Column::initial(110.0).at_least(60.0))
        .column(Column::initial(190.0).at_least(80.0))
        .column(Column::initial(60.0))
        .column(Column::initial(70.0))
        .column(Column::remainder().at_least(120.0))
        .header(24.0, |mut header| {
            for (column, title) in headers {
                header.col(|ui| {
                    // The value header sits over its right-aligned numbers.
                    let layout = if column == TableColumn::Value {
                        egui::Layout::right_to_left(egui::Align::Center)
                    } else {
                        egui::Layout::left_to_right(egui::Align::Center)
                    };
                    ui.with_layout(layout, |ui| {
                        let arrow = if sort.0 == column { if sort.1 { " ▲" } else { " ▼" } } else { "" };
                        let title = RichText::new(format!("{title}{arrow}")).strong();
                        let button = ui.add(egui::Button::new(title).frame(false));
                        if button.on_hover_text(tr!(lang, "table-click-to-sort-by-this-column")).clicked() {
                            new_sort = Some((column, if sort.0 == column { !sort.1 } else { true }));
                        }
                    });
                });
            }
        })
        .body(|body| {
            // Only the rows on screen get their text made.
            body.rows(22.0, table.len(), |mut row| {
                let r = &crate::l10n::table_row(d, table, lang, row.index());
                row.col(|ui| {
                    cell(ui, &r.entity);
                });
                row.col(|ui| {
                    cell(ui, &r.metric);
                });
                row.col(|ui| {
                    let time = crate::l10n::time_label(r.time, lang);
                    let time = if r.period.is_empty() { time } else { format!("{time}, {}", r.period) };
                    cell(ui, &time);
                });
                row.col(|ui| {
                    // Numbers right-aligned, so that their digits line up.
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                        cell(ui, &r.number_text).on_hover_text(&r.value_text);
                    });
                });
                row.col(|ui| {
                    ui.label(if r.derived { tr!(lang, "table-yes") } else { String::new() });
                });
                row.col(|ui| {
                    ui.label(r.trust.map_or_else(String::new, |t| crate::l10n::trust_level(Some(t), lang)));
                });
                row.col(|ui| {
                    cell(ui, &r.source_label).on_hover_text(format!("{}\n{}", r.source, r.source_url));
                });
            });
        });
    new_sort
}

/// One line of text that is cut with "…" when the column is too narrow (the full text shows on
/// hover), so rows keep their height.
fn cell(ui: &mut Ui, text: &str) -> egui::Response {
    ui.add(egui::Label::new(text).truncate())
}
