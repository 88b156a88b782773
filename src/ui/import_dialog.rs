//! The import dialog: how a table is read, when detection cannot settle it or read it wrong —
//! the sheet, a CSV's encoding, the header row, each column's role and unit — with the table's
//! first rows under the choices, the figures they give and a chart of them, redrawn as the
//! choices change.

use egui::{RichText, Ui};
use egui_plot::{Legend, Line, Plot, PlotPoints};

use crate::data::import::{ColumnNames, ColumnRole, ImportChoices};
use crate::data::text_grid::TextEncoding;
use crate::data::workbook::{Sheet, column_letters};
use crate::data::{DisplayUnit, LoadError, Loaded, Time};
use crate::l10n::Lang;
use crate::tr;

/// Rows of the table, and figures, shown in the preview.
const PREVIEW_ROWS: usize = 8;
/// Columns shown with a role picker; the rest keep theirs.
const SHOWN_COLUMNS: usize = 40;
/// Lines drawn in the preview chart.
const PREVIEW_LINES: usize = 8;

/// What the dialog shows.
pub(crate) struct ImportView<'a> {
    /// The file's name, or the words for pasted cells.
    pub name: &'a str,
    /// The tables the file offers (a workbook's sheets).
    pub tables: &'a [Sheet],
    /// The table being read.
    pub table: usize,
    /// The choices.
    pub choices: &'a ImportChoices,
    /// The encoding, when the table is a CSV's (it can be chosen).
    pub encoding: Option<TextEncoding>,
    /// The figures the choices give in the table's first rows, or why none.
    pub preview: &'a Result<Loaded, LoadError>,
    /// How many rows the preview read, when not all.
    pub preview_rows: Option<usize>,
    /// The table's columns (each has a role in the choices).
    pub width: usize,
    /// Why the dialog opened, when the file could not be opened as it is.
    pub reason: Option<&'a LoadError>,
    /// Whether the figures were pasted (they can be saved as a dataset, not as choices).
    pub pasted: bool,
}

/// What the person did in the dialog this frame.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ImportAction {
    /// Changed the choices.
    Change(ImportChoices),
    /// Chose another table.
    Table(usize),
    /// Chose another encoding.
    Encoding(TextEncoding),
    /// Opened the figures.
    Open,
    /// Saved the choices to a file beside the table, for `--import`.
    SaveChoices,
    /// Closed the dialog.
    Cancel,
}

fn role_label(role: &ColumnRole, lang: Lang) -> String {
    match role {
        ColumnRole::Skip => tr!(lang, "import-role-skip"),
        ColumnRole::Place => tr!(lang, "import-role-place"),
        ColumnRole::Time => tr!(lang, "import-role-time"),
        ColumnRole::Indicator => tr!(lang, "import-role-indicator"),
        ColumnRole::Unit => tr!(lang, "import-role-unit"),
        ColumnRole::Value { .. } => tr!(lang, "import-role-value"),
    }
}

fn names_label(names: ColumnNames, lang: Lang) -> String {
    match names {
        ColumnNames::Years => tr!(lang, "import-names-years"),
        ColumnNames::Indicators => tr!(lang, "import-names-indicators"),
        ColumnNames::Places => tr!(lang, "import-names-places"),
    }
}

/// Draws the dialog.
pub(crate) fn show(ctx: &egui::Context, view: &ImportView<'_>, lang: Lang) -> Option<ImportAction> {
    let mut action = None;
    let mut open = true;
    let title = tr!(lang, "import-title", name = view.name);
    egui::Window::new(title)
        .id(egui::Id::unique("import_dialog"))
        .open(&mut open)
        .collapsible(false)
        .default_size([940.0, 640.0])
        .show(ctx, |ui| {
            if let Some(reason) = view.reason {
                let why = tr!(lang, "import-reason", error = crate::l10n::load_error_text(reason, lang));
                ui.add(egui::Label::new(RichText::new(why).weak()).wrap());
                ui.separator();
            }
            let mut choices = view.choices.clone();
            action = table_pickers(ui, view, &mut choices, lang);
            ui.separator();
            columns(ui, view, &mut choices, lang);
            if action.is_none() && choices != *view.choices {
                action = Some(ImportAction::Change(choices));
            }
            ui.separator();
            preview(ui, view, lang);
            ui.separator();
            action = buttons(ui, view, lang).or(action.take());
        });
    if !open {
        return Some(ImportAction::Cancel);
    }
    action
}

/// The sheet, encoding and header row, what the value columns are named by, and the place and
/// indicator of a table of one.
fn table_pickers(ui: &mut Ui, view: &ImportView<'_>, choices: &mut ImportChoices, lang: Lang) -> Option<ImportAction> {
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        if view.tables.len() > 1 {
            let label = ui.label(tr!(lang, "import-sheet"));
            let shown = view.tables.get(view.table).map_or("", |t| t.name.as_str());
            egui::ComboBox::from_id_salt("import_sheet")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for (k, table) in view.tables.iter().enumerate() {
                        if ui.selectable_label(k == view.table, &table.name).clicked() && k != view.table {
                            action = Some(ImportAction::Table(k));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        }
        if let Some(encoding) = view.encoding {
            let label = ui.label(tr!(lang, "import-encoding"));
            egui::ComboBox::from_id_salt("import_encoding")
                .selected_text(encoding.name())
                .show_ui(ui, |ui| {
                    for e in TextEncoding::ALL {
                        if ui.selectable_label(e == encoding, e.name()).clicked() && e != encoding {
                            action = Some(ImportAction::Encoding(e));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        }
        let label = ui.label(tr!(lang, "import-header-row"));
        ui.add(egui::DragValue::new(&mut choices.header_row).range(1..=header_rows(view))).labelled_by(label.id);
        let label = ui.label(tr!(lang, "import-column-names"));
        egui::ComboBox::from_id_salt("import_names")
            .selected_text(names_label(choices.column_names, lang))
            .show_ui(ui, |ui| {
                for names in [ColumnNames::Years, ColumnNames::Indicators, ColumnNames::Places] {
                    ui.selectable_value(&mut choices.column_names, names, names_label(names, lang));
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.horizontal_wrapped(|ui| {
        if !choices.columns.contains(&ColumnRole::Place) && choices.column_names != ColumnNames::Places {
            let label = ui.label(tr!(lang, "import-place-of-all"));
            ui.add(egui::TextEdit::singleline(&mut choices.place).desired_width(160.0)).labelled_by(label.id);
        }
        if !choices.columns.contains(&ColumnRole::Indicator) && choices.column_names != ColumnNames::Indicators {
            let label = ui.label(tr!(lang, "import-indicator-of-all"));
            ui.add(egui::TextEdit::singleline(&mut choices.indicator).desired_width(200.0)).labelled_by(label.id);
        }
    });
    action
}

/// The last row a header can be on, as the spreadsheet numbers it.
fn header_rows(view: &ImportView<'_>) -> usize {
    view.tables.get(view.table).map_or(1, |t| t.origin.0 as usize + t.rows.len().max(1))
}

/// The table's columns, each with its role (and unit), over the first rows under the header.
fn columns(ui: &mut Ui, view: &ImportView<'_>, choices: &mut ImportChoices, lang: Lang) {
    let Some(table) = view.tables.get(view.table) else { return };
    let Some(header) = choices.header_index(table) else { return };
    let width = view.width;
    let shown = width.min(SHOWN_COLUMNS);
    egui::ScrollArea::horizontal().id_salt("import_columns").show(ui, |ui| {
        egui::Grid::new("import_grid").striped(true).show(ui, |ui| {
            ui.label("");
            let mut names = Vec::with_capacity(shown);
            for c in 0..shown {
                let letter = column_letters(table.origin.1 as usize + c);
                let name = crate::data::sheet_shape::cell_text(table.cell(header, c));
                names.push(ui.label(RichText::new(format!("{letter}  {name}")).strong()).id);
            }
            ui.end_row();
            ui.label(tr!(lang, "import-role"));
            for ((c, role), name) in choices.columns.iter_mut().enumerate().zip(names) {
                let letter = column_letters(table.origin.1 as usize + c);
                role_picker(ui, (c, &letter, name), role, lang);
            }
            ui.end_row();
            for r in header + 1..(header + 1 + PREVIEW_ROWS).min(table.rows.len()) {
                ui.label(RichText::new((table.origin.0 as usize + r + 1).to_string()).weak());
                for c in 0..shown {
                    ui.label(crate::data::sheet_shape::cell_text(table.cell(r, c)));
                }
                ui.end_row();
            }
        });
    });
    if width > shown {
        ui.label(RichText::new(tr!(lang, "import-more-columns", count = (width - shown).to_string())).weak());
    }
}

/// A column's role picker, and the unit of a value column, both named by the column's header.
fn role_picker(ui: &mut Ui, (c, letter, header): (usize, &str, egui::Id), role: &mut ColumnRole, lang: Lang) {
    ui.vertical(|ui| {
        let value = ColumnRole::Value { unit: String::new(), name: String::new() };
        let choices = [ColumnRole::Skip, ColumnRole::Place, ColumnRole::Time, ColumnRole::Indicator, ColumnRole::Unit];
        egui::ComboBox::from_id_salt(("import_role", c))
            .selected_text(role_label(role, lang))
            .show_ui(ui, |ui| {
                for choice in choices.into_iter().chain([value]) {
                    let same = std::mem::discriminant(&choice) == std::mem::discriminant(role);
                    if ui.selectable_label(same, role_label(&choice, lang)).clicked() && !same {
                        *role = choice;
                    }
                }
            })
            .response
            .labelled_by(header)
            .on_hover_text(tr!(lang, "import-role-of-column", column = letter));
        if let ColumnRole::Value { unit, .. } = role {
            ui.add(
                egui::TextEdit::singleline(unit)
                    .hint_text(tr!(lang, "import-unit-hint"))
                    .desired_width(90.0)
                    .id_salt(("import_unit", c)),
            )
            .labelled_by(header);
        }
    });
}

/// The figures the choices give: the first of them, a chart, and what was skipped.
fn preview(ui: &mut Ui, view: &ImportView<'_>, lang: Lang) {
    let loaded = match view.preview {
        Ok(loaded) => loaded,
        Err(error) => {
            let text = crate::l10n::load_error_text(error, lang);
            ui.add(egui::Label::new(RichText::new(text).color(ui.visuals().error_fg_color)).wrap());
            return;
        }
    };
    let d = &loaded.dataset;
    let count = crate::data::format::format_number(d.observations.len() as f64, 0);
    let figures = match view.preview_rows {
        Some(rows) => tr!(
            lang,
            "import-figures-in-first-rows",
            count = count,
            rows = crate::data::format::format_number(rows as f64, 0)
        ),
        None => tr!(lang, "import-figures", count = count),
    };
    ui.label(RichText::new(figures).strong());
    ui.columns(2, |halves| {
        egui::Grid::new("import_figures").striped(true).show(&mut halves[0], |ui| {
            let headings = [
                tr!(lang, "import-place"),
                tr!(lang, "import-indicator"),
                tr!(lang, "import-time"),
                tr!(lang, "import-value"),
                tr!(lang, "import-cell"),
            ];
            for heading in headings {
                ui.label(RichText::new(heading).weak());
            }
            ui.end_row();
            for o in d.observations.iter().take(PREVIEW_ROWS) {
                let metric = d.metric(o.cell.metric);
                ui.label(&d.entity(o.cell.entity).name);
                ui.label(&metric.name);
                ui.label(crate::l10n::time_label(o.cell.time, lang));
                let unit = DisplayUnit::of(&metric.unit);
                ui.label(crate::l10n::format_value(d, &unit, o.value, lang));
                ui.label(d.origin_text(o).unwrap_or_default());
                ui.end_row();
            }
        });
        preview_chart(&mut halves[1], loaded);
    });
    for warning in &loaded.warnings {
        ui.add(egui::Label::new(RichText::new(crate::l10n::warning_text(warning, lang)).weak()).wrap());
    }
}

/// A year (or month, or day) as a position on the preview's axis.
fn x_of(time: Time) -> f64 {
    match time {
        Time::Year(y) => f64::from(y),
        Time::Month(d) => f64::from(d.year()) + f64::from(d.month() - 1) / 12.0,
        Time::Day(d) => f64::from(d.year()) + f64::from(d.day_of_year() - 1) / 366.0,
    }
}

/// A preview line's place and indicator, by their order in the dataset.
type SeriesKey = (u32, u32);

/// The first series as lines, so a wrong role shows as a wrong chart before anything opens.
fn preview_chart(ui: &mut Ui, loaded: &Loaded) {
    let d = &loaded.dataset;
    let mut series: Vec<(SeriesKey, Vec<[f64; 2]>)> = Vec::new();
    for o in &d.observations {
        let key = (o.cell.entity.0, o.cell.metric.0);
        let point = [x_of(o.cell.time), o.value];
        match series.iter().position(|(k, _)| *k == key) {
            Some(k) => series[k].1.push(point),
            None if series.len() < PREVIEW_LINES => series.push((key, vec![point])),
            None => {}
        }
    }
    Plot::new("import_preview").height(220.0).legend(Legend::default()).allow_scroll(false).show(ui, |plot| {
        for ((e, m), mut points) in series {
            points.sort_by(|a, b| a[0].total_cmp(&b[0]));
            let name = format!("{} · {}", d.entities[e as usize].name, d.metrics[m as usize].name);
            plot.line(Line::new(name, PlotPoints::from(points)));
        }
    });
}

/// Open, save the choices, cancel.
fn buttons(ui: &mut Ui, view: &ImportView<'_>, lang: Lang) -> Option<ImportAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        let can_open = view.preview.is_ok();
        if ui.add_enabled(can_open, egui::Button::new(tr!(lang, "import-open"))).clicked() {
            action = Some(ImportAction::Open);
        }
        if !view.pasted
            && ui
                .add_enabled(can_open, egui::Button::new(tr!(lang, "import-save-choices")))
                .on_hover_text(tr!(lang, "import-save-choices-hint"))
                .clicked()
        {
            action = Some(ImportAction::SaveChoices);
        }
        if ui.button(tr!(lang, "import-cancel")).clicked() {
            action = Some(ImportAction::Cancel);
        }
    });
    action
}
