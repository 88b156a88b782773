//! Tables: exactly the figures a chart shows, one row each, for the Table view and the CSV
//! export. A table is a list of small references; rows with their text are made only for the
//! rows on screen (or one at a time while exporting), so a million-row table costs megabytes,
//! not hundreds.

use std::cmp::Ordering;

use super::*;

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

/// A row before its text is made: the observation and the value the chart shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TableRef {
    /// Index of the observation.
    pub observation: u32,
    /// The value shown.
    pub value: Option<f64>,
    /// Derived (itself or a figure its value was computed from).
    pub derived: bool,
    /// The lower trust of the figures used.
    pub trust: Option<Trust>,
}

impl TableRef {
    fn of(p: &Point) -> TableRef {
        TableRef { observation: p.observation as u32, value: p.value, derived: p.derived, trust: p.trust }
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
    /// Source.
    Source,
}

/// The figures of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The unit of the values.
    pub unit: DisplayUnit,
    /// The rows, in chart order until sorted.
    pub refs: Vec<TableRef>,
}

impl Table {
    /// How many rows.
    pub fn len(&self) -> usize {
        self.refs.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.refs.is_empty()
    }

    /// The text of row `i`.
    pub fn row(&self, d: &Dataset, lang: Lang, i: usize) -> TableRow {
        let r = &self.refs[i];
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
            value_text: r.value.map_or_else(|| "–".into(), |v| self.unit.format_value(v, lang)),
            number_text: r.value.map_or_else(|| "–".into(), |v| self.unit.format_number(v)),
            unit: self.unit.label(lang),
            derived: r.derived,
            trust: r.trust,
            source: source.map(|s| s.title.clone()).unwrap_or_default(),
            source_label: source.map(super::source_label).unwrap_or_default(),
            source_url: source.map(|s| s.url.clone()).unwrap_or_default(),
            observation: r.observation as usize,
        }
    }

    /// Every row's text (small tables and tests; large ones are read row by row).
    pub fn rows(&self, d: &Dataset, lang: Lang) -> Vec<TableRow> {
        (0..self.len()).map(|i| self.row(d, lang, i)).collect()
    }

    /// Sorts by a column; equal rows keep their chart order, missing values go last.
    pub fn sort(&mut self, d: &Dataset, column: TableColumn, ascending: bool, lang: Lang) {
        let cell = |r: &TableRef| &d.observations[r.observation as usize].cell;
        let source = |r: &TableRef| {
            d.observations[r.observation as usize]
                .source
                .map(|s| d.source(s))
                .map(|s| (s.publisher.as_str(), s.published.as_deref().unwrap_or(""), s.title.as_str()))
        };
        self.refs.sort_by(|a, b| {
            let order = match column {
                TableColumn::Entity => {
                    entity_name(d.entity(cell(a).entity), lang).cmp(entity_name(d.entity(cell(b).entity), lang))
                }
                TableColumn::Metric => metric_name(d.metric(cell(a).metric), lang)
                    .cmp(metric_name(d.metric(cell(b).metric), lang))
                    .then(cell(a).category.cmp(&cell(b).category)),
                TableColumn::Time => cell(a).time.cmp(&cell(b).time).then(cell(a).period.cmp(&cell(b).period)),
                TableColumn::Value => match by_value(a.value, b.value) {
                    Ok(order) => order,
                    Err(missing_last) => return missing_last,
                },
                TableColumn::Derived => a.derived.cmp(&b.derived),
                TableColumn::Trust => a.trust.cmp(&b.trust),
                TableColumn::Source => source(a).cmp(&source(b)),
            };
            if ascending { order } else { order.reverse() }
        });
    }
}

impl LineChart {
    /// The figures of the visible series and of those not drawn for lack of room.
    pub fn table(&self) -> Table {
        let refs = self
            .visible_series()
            .chain(self.omitted.iter().filter(|s| !s.hidden))
            .flat_map(|s| s.points.iter())
            .map(TableRef::of)
            .collect();
        Table { unit: self.unit.clone(), refs }
    }

    /// [`LineChart::table`]'s rows with their text.
    pub fn table_rows(&self, d: &Dataset, lang: Lang) -> Vec<TableRow> {
        self.table().rows(d, lang)
    }
}

impl BarChart {
    /// The figures of the visible bars, group by group (also groups not drawn for lack of room).
    pub fn table(&self) -> Table {
        let mut refs = Vec::new();
        for g in 0..self.groups.len() {
            for s in self.series.iter().filter(|s| !s.hidden) {
                if let Some(cell) = &s.cells[g] {
                    refs.push(TableRef::of(&cell.point));
                }
            }
        }
        Table { unit: self.unit.clone(), refs }
    }

    /// [`BarChart::table`]'s rows with their text.
    pub fn table_rows(&self, d: &Dataset, lang: Lang) -> Vec<TableRow> {
        self.table().rows(d, lang)
    }
}

impl ShareChart {
    /// The figures of the visible bars.
    pub fn table(&self) -> Table {
        let refs = self
            .rows
            .iter()
            .filter(|r| !r.hidden)
            .map(|r| TableRef {
                observation: r.observation as u32,
                value: Some(r.value),
                derived: r.derived,
                trust: r.trust,
            })
            .collect();
        Table { unit: DisplayUnit::SharePercent, refs }
    }

    /// [`ShareChart::table`]'s rows with their text.
    pub fn table_rows(&self, d: &Dataset, lang: Lang) -> Vec<TableRow> {
        self.table().rows(d, lang)
    }
}

/// Compares two values; a missing one goes last in either direction, so it comes as `Err`
/// (an order the sort direction must not reverse).
fn by_value(a: Option<f64>, b: Option<f64>) -> Result<Ordering, Ordering> {
    match (a, b) {
        (Some(x), Some(y)) => Ok(x.total_cmp(&y)),
        (Some(_), None) => Err(Ordering::Less),
        (None, Some(_)) => Err(Ordering::Greater),
        (None, None) => Ok(Ordering::Equal),
    }
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
