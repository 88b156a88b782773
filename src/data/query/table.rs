//! Tables: exactly the figures a chart shows, one row each, for the Table view and the CSV
//! export. A table is a list of small references; rows with their text are made only for the
//! rows on screen (or one at a time while exporting), so a million-row table costs megabytes,
//! not hundreds.

use std::cmp::Ordering;

use super::*;

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

    /// Sorts by a column; equal rows keep their chart order, missing values go last. Names sort
    /// by `entity_rank` and `metric_rank` (each entity's and metric's place in the order of its
    /// name, in the reader's language).
    pub(crate) fn sort(
        &mut self,
        d: &Dataset,
        column: TableColumn,
        ascending: bool,
        entity_rank: &[u32],
        metric_rank: &[u32],
    ) {
        let cell = |r: &TableRef| &d.observations[r.observation as usize].cell;
        let source = |r: &TableRef| {
            d.observations[r.observation as usize]
                .source
                .map(|s| d.source(s))
                .map(|s| (s.publisher.as_str(), s.published.as_deref().unwrap_or(""), s.title.as_str()))
        };
        let rank = |ranks: &[u32], i: u32| ranks.get(i as usize).copied().unwrap_or(i);
        self.refs.sort_by(|a, b| {
            let order = match column {
                TableColumn::Entity => rank(entity_rank, cell(a).entity.0).cmp(&rank(entity_rank, cell(b).entity.0)),
                TableColumn::Metric => rank(metric_rank, cell(a).metric.0)
                    .cmp(&rank(metric_rank, cell(b).metric.0))
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
}

/// Compares two values; a missing one goes last in either direction, so it comes as `Err`
/// (an order the sort direction must not reverse).
pub fn by_value(a: Option<f64>, b: Option<f64>) -> Result<Ordering, Ordering> {
    match (a, b) {
        (Some(x), Some(y)) => Ok(x.total_cmp(&y)),
        (Some(_), None) => Err(Ordering::Less),
        (None, Some(_)) => Err(Ordering::Greater),
        (None, None) => Ok(Ordering::Equal),
    }
}
