//! Table rows: exactly the figures a chart shows, one row each, for the Table view and the
//! CSV export.

use super::*;

/// One row of the Table view.
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

fn row(
    d: &Dataset,
    lang: Lang,
    unit: &DisplayUnit,
    observation: usize,
    value: Option<f64>,
    derived: bool,
    trust: Option<Trust>,
) -> TableRow {
    let o = &d.observations[observation];
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
        value,
        value_text: value.map_or_else(|| "–".into(), |v| unit.format_value(v, lang)),
        unit: unit.label(lang),
        derived,
        trust,
        source: source.map(|s| s.title.clone()).unwrap_or_default(),
        source_label: source.map(super::source_label).unwrap_or_default(),
        source_url: source.map(|s| s.url.clone()).unwrap_or_default(),
        observation,
    }
}

impl LineChart {
    /// The rows of the visible series, series by series in time order.
    pub fn table_rows(&self, d: &Dataset, lang: Lang) -> Vec<TableRow> {
        self.visible_series()
            .flat_map(|s| s.points.iter())
            .map(|p| row(d, lang, &self.unit, p.observation, p.value, p.derived, p.trust))
            .collect()
    }
}

impl BarChart {
    /// The rows of the visible bars, group by group.
    pub fn table_rows(&self, d: &Dataset, lang: Lang) -> Vec<TableRow> {
        let mut rows = Vec::new();
        for g in 0..self.groups.len() {
            for s in self.series.iter().filter(|s| !s.hidden) {
                if let Some(cell) = &s.cells[g] {
                    let p = &cell.point;
                    rows.push(row(d, lang, &self.unit, p.observation, p.value, p.derived, p.trust));
                }
            }
        }
        rows
    }
}

impl ShareChart {
    /// The rows of the visible bars.
    pub fn table_rows(&self, d: &Dataset, lang: Lang) -> Vec<TableRow> {
        self.rows
            .iter()
            .filter(|r| !r.hidden)
            .map(|r| row(d, lang, &DisplayUnit::SharePercent, r.observation, Some(r.value), r.derived, r.trust))
            .collect()
    }
}

/// A column of the Table view, to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TableColumn {
    /// Entity name.
    #[default]
    Entity,
    /// Metric name.
    Metric,
    /// Time, then period.
    Time,
    /// Value.
    Value,
    /// Derived or reported.
    Derived,
    /// Trust level.
    Trust,
    /// Source title.
    Source,
}

/// Sorts rows by a column; equal rows keep their chart order, missing values go last.
pub fn sort_rows(rows: &mut [TableRow], column: TableColumn, ascending: bool) {
    use std::cmp::Ordering;
    rows.sort_by(|a, b| {
        let order = match column {
            TableColumn::Entity => a.entity.cmp(&b.entity),
            TableColumn::Metric => a.metric.cmp(&b.metric),
            TableColumn::Time => a.time.cmp(&b.time).then_with(|| a.period.cmp(&b.period)),
            TableColumn::Value => match (a.value, b.value) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
            TableColumn::Derived => a.derived.cmp(&b.derived),
            TableColumn::Trust => a.trust.cmp(&b.trust),
            TableColumn::Source => a.source_label.cmp(&b.source_label),
        };
        if ascending { order } else { order.reverse() }
    });
}
