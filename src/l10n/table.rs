//! The Table view's rows in words: names, periods, values with their units.

use crate::data::query::{Table, TableColumn, by_value, source_label};
use crate::data::{Dataset, Time, Trust};
use crate::l10n::Lang;
use crate::l10n::period_label;
use crate::l10n::{category_name, entity_name, metric_name};

use super::{format_value, unit_label};

/// One row as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// Entity name.
    pub entity: String,
    /// Metric name (with category).
    pub metric: String,
    /// Year, month or day.
    pub time: Time,
    /// Period label ("" for a full year).
    pub period: String,
    /// The value shown, `None` where it cannot be computed.
    pub value: Option<f64>,
    /// The value with its unit, as shown in tooltips.
    pub value_text: String,
    /// The value without its unit, for the Table's value column (its header names the unit).
    pub number_text: String,
    /// The unit label.
    pub unit: String,
    /// Whether the figure is derived.
    pub derived: bool,
    /// Trust level.
    pub trust: Option<Trust>,
    /// Source title.
    pub source: String,
    /// Short source label: "China Daily, 2026-02-14".
    pub source_label: String,
    /// Source link.
    pub source_url: String,
    /// Index of the observation.
    pub observation: usize,
}

/// The text of row `i` of a table.
pub fn table_row(d: &Dataset, table: &Table, lang: Lang, i: usize) -> TableRow {
    let r = &table.refs[i];
    let o = &d.observations[r.observation as usize];
    let mut metric = metric_name(d.metric(o.cell.metric), lang).to_string();
    if let Some(c) = o.cell.category {
        metric.push_str(&format!(" ({})", category_name(d.category(c), lang)));
    }
    let source = o.source.map(|s| d.source(s));
    TableRow {
        entity: entity_name(d.entity(o.cell.entity), lang).to_string(),
        metric,
        time: o.cell.time,
        period: period_label(d.period(o.cell.period), lang),
        value: r.value,
        value_text: r.value.map_or_else(|| "–".into(), |v| format_value(d, &table.unit, v, lang)),
        number_text: r.value.map_or_else(|| "–".into(), |v| table.unit.format_number(v)),
        unit: unit_label(d, &table.unit, lang),
        derived: r.derived,
        trust: r.trust,
        source: source.map(|s| s.title.clone()).unwrap_or_default(),
        source_label: source.map(source_label).unwrap_or_default(),
        source_url: source.map(|s| s.url.clone()).unwrap_or_default(),
        observation: r.observation as usize,
    }
}

/// Every row's text (small tables and tests; large ones are read row by row).
pub fn table_rows(d: &Dataset, table: &Table, lang: Lang) -> Vec<TableRow> {
    (0..table.len()).map(|i| table_row(d, table, lang, i)).collect()
}

/// Sorts a table by a column, names in the order of `lang`.
pub fn sort_table(d: &Dataset, table: &mut Table, column: TableColumn, ascending: bool, lang: Lang) {
    let entity_rank = ranks(d.entities.iter().map(|e| entity_name(e, lang)));
    let metric_rank = ranks(d.metrics.iter().map(|m| metric_name(m, lang)));
    table.sort(d, column, ascending, &entity_rank, &metric_rank);
}

/// Each name's place in the sorted order of all of them.
fn ranks<'a>(names: impl Iterator<Item = &'a str>) -> Vec<u32> {
    let names: Vec<&str> = names.collect();
    let mut order: Vec<u32> = (0..names.len() as u32).collect();
    order.sort_by_key(|&i| names[i as usize]);
    let mut rank = vec![0; names.len()];
    for (place, &i) in order.iter().enumerate() {
        rank[i as usize] = place as u32;
    }
    rank
}

/// Sorts rows with their text by a column (for callers that hold rows, like tests).
pub fn sort_rows(rows: &mut [TableRow], column: TableColumn, ascending: bool) {
    rows.sort_by(|a, b| {
        let order = match column {
            TableColumn::Entity => a.entity.cmp(&b.entity),
            TableColumn::Metric => a.metric.cmp(&b.metric),
            TableColumn::Time => a.time.cmp(&b.time).then_with(|| a.period.cmp(&b.period)),
            TableColumn::Value => match by_value(a.value, b.value) {
                Ok(order) => order,
                Err(missing_last) => return missing_last,
            },
            TableColumn::Derived => a.derived.cmp(&b.derived),
            TableColumn::Trust => a.trust.cmp(&b.trust),
            TableColumn::Source => a.source_label.cmp(&b.source_label),
        };
        if ascending { order } else { order.reverse() }
    });
}
