//! Queries: pure functions from a dataset and a filter to what a view draws. This is the only
//! place figures are computed (growth, indexes, shares); views only draw.

mod bars;
mod line;
mod reason;
mod shares;
mod sources;
mod style;
mod table;

pub use bars::{BarCell, BarChart, BarGroup, BarSeries, PartsOf, bar_chart, bars_from_line, parts_refuse_stacking};
pub use line::{LineChart, Point, Series, line_chart};
pub(crate) use reason::{Empty, Note, Unavailable};
pub use shares::{ShareChart, ShareRow, share_chart};
pub(crate) use sources::{SourcesIndex, source_label, sources_index};
pub(crate) use style::{COLOURS, DASHES, LineStyle, entity_colours, line_styles};
pub use table::{Table, TableColumn, TableRef, by_value};

use std::collections::HashSet;

use super::filter::{Filter, PeriodChoice, UnitScale, ValueMode};
use super::format::DisplayUnit;
use super::model::*;

/// A figure as a chart shows it: which observation, the value drawn and how it was computed. What
/// a tooltip and the details card explain; small, so hovering copies no filter.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownFigure {
    /// Index of the observation.
    pub observation: usize,
    /// The value as drawn (`None`: the figure has no value in this mode).
    pub shown: Option<f64>,
    /// The unit it was drawn in.
    pub unit: DisplayUnit,
    /// The other figure a computed value used (the previous year, the parent, the total).
    pub other: Option<usize>,
    /// How values were transformed.
    pub mode: ValueMode,
    /// The money scale.
    pub unit_scale: UnitScale,
}

impl ShownFigure {
    /// A figure drawn under filter `f`.
    pub(crate) fn new(
        observation: usize,
        shown: Option<f64>,
        unit: DisplayUnit,
        other: Option<usize>,
        f: &Filter,
    ) -> Self {
        ShownFigure { observation, shown, unit, other, mode: f.mode, unit_scale: f.unit_scale }
    }
}

/// One line of a chart: an entity's metric (in one category and period).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SeriesKey {
    /// Whose.
    pub entity: EntityId,
    /// What.
    pub metric: MetricId,
    /// Which subdivision.
    pub category: Option<CategoryId>,
    /// Which part of the year.
    pub period: PeriodId,
    /// Years, months or days: a single month's figure is never a point on a line of years.
    pub resolution: Resolution,
}

impl SeriesKey {
    /// The key of the series an observation belongs to.
    pub(crate) fn of(cell: &Cell) -> SeriesKey {
        SeriesKey {
            entity: cell.entity,
            metric: cell.metric,
            category: cell.category,
            period: cell.period,
            resolution: cell.time.resolution(),
        }
    }

    /// A stable text id, used to hide series: `jinhua:exports`, `yiwu:exports:toys@jan_nov`.
    pub(crate) fn id(&self, d: &Dataset) -> String {
        let mut id = format!("{}:{}", d.entity(self.entity).id, d.metric(self.metric).id);
        if let Some(c) = self.category {
            id.push(':');
            id.push_str(&d.category(c).id);
        }
        if self.period != PeriodId::FULL_YEAR {
            id.push('@');
            id.push_str(d.period(self.period));
        }
        match self.resolution {
            Resolution::Year => {}
            Resolution::Month => id.push_str("@monthly"),
            Resolution::Day => id.push_str("@daily"),
        }
        id
    }
}

/// The filter resolved against a dataset: ids turned into indexes.
pub(crate) struct Selection {
    /// Selected entities in dataset order.
    pub entities: Vec<EntityId>,
    entity_on: Vec<bool>,
    metric_on: Vec<bool>,
    /// Selected metrics in dataset order.
    pub metrics: Vec<MetricId>,
    /// The parts shown beside the wholes; none selected shows the wholes alone.
    pub categories: HashSet<CategoryId>,
    /// `None` when the chosen period does not occur in the dataset.
    pub period: Option<PeriodId>,
}

impl Selection {
    pub(crate) fn new(d: &Dataset, f: &Filter) -> Selection {
        let mut entity_on = vec![false; d.entities.len()];
        for id in &f.entities {
            if let Some(e) = d.entity_id(id) {
                entity_on[e.0 as usize] = true;
            }
        }
        let entities = (0..d.entities.len() as u32).map(EntityId).filter(|e| entity_on[e.0 as usize]).collect();
        let mut metrics: Vec<MetricId> = f.metrics.iter().filter_map(|id| d.metric_id(id)).collect();
        metrics.sort();
        let mut metric_on = vec![false; d.metrics.len()];
        for m in &metrics {
            metric_on[m.0 as usize] = true;
        }
        let categories = f.categories.iter().filter_map(|id| d.category_id(id)).collect();
        let period = match &f.period {
            PeriodChoice::FullYear => Some(PeriodId::FULL_YEAR),
            PeriodChoice::Named(name) => d.period_id(name),
        };
        Selection { entities, entity_on, metric_on, metrics, categories, period }
    }

    /// Whether an entity is selected.
    pub(crate) fn has_entity(&self, e: EntityId) -> bool {
        self.entity_on.get(e.0 as usize).copied().unwrap_or(false)
    }

    /// Whether a metric is selected.
    pub(crate) fn has_metric(&self, m: MetricId) -> bool {
        self.metric_on.get(m.0 as usize).copied().unwrap_or(false)
    }

    /// Whether an observation passes every filter but the metric and entity choice.
    pub(crate) fn passes(&self, f: &Filter, o: &Observation) -> bool {
        let year = o.cell.time.year();
        let period_ok = match o.cell.time {
            // Months and days are their own resolution; periods qualify years only.
            Time::Year(_) => Some(o.cell.period) == self.period,
            _ => true,
        };
        period_ok
            && f.year_from.is_none_or(|from| year >= from)
            && f.year_to.is_none_or(|to| year <= to)
            && (f.include_derived || !o.derived)
            && f.min_trust.is_none_or(|min| o.trust.is_some_and(|t| t >= min))
            && o.cell.category.is_none_or(|c| self.categories.contains(&c))
    }
}

/// The factor that turns a stored value into the display scale, and the display unit.
pub(crate) fn scaled_unit(unit: &Unit, scale: UnitScale) -> (f64, DisplayUnit) {
    match (unit, scale.multiplier()) {
        (Unit::Money { currency, multiplier }, Some(target)) => {
            (multiplier / target, DisplayUnit::Money { currency: *currency, multiplier: target })
        }
        _ => (1.0, DisplayUnit::of(unit)),
    }
}

/// Why a value mode cannot be used with the current selection; `None` when it can.
pub(crate) fn mode_unavailable(d: &Dataset, f: &Filter, mode: ValueMode) -> Option<Unavailable> {
    let sel = Selection::new(d, f);
    let additive = sel.metrics.iter().any(|&m| d.metric(m).unit.is_additive());
    match mode {
        ValueMode::Absolute => None,
        ValueMode::Yoy | ValueMode::Index if !additive => Some(Unavailable::ModeOfRates),
        ValueMode::Yoy | ValueMode::Index => None,
        ValueMode::ShareOfParent | ValueMode::ShareOfTotal if !additive => Some(Unavailable::ShareOfRates),
        ValueMode::ShareOfParent => {
            let has_parent_data = sel.entities.iter().any(|&e| d.entity(e).parent.is_some());
            (!has_parent_data).then_some(Unavailable::NoParentArea)
        }
        ValueMode::ShareOfTotal => total_metric_candidates(d, f).is_empty().then_some(Unavailable::NoTotalCandidate),
    }
}

/// What the filter panel offers for a filter: why each mode is unavailable (in the order of
/// [`ValueMode::ALL`]) and the totals a share can be of. Computed with the chart models, not
/// every frame.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FilterOptions {
    /// For each mode of [`ValueMode::ALL`], why it cannot be chosen, or `None`.
    pub modes: Vec<Option<Unavailable>>,
    /// The metrics [`ValueMode::ShareOfTotal`] can divide by.
    pub total_candidates: Vec<MetricId>,
}

/// The options of the filter panel for filter `f`.
pub(crate) fn filter_options(d: &Dataset, f: &Filter) -> FilterOptions {
    FilterOptions {
        modes: ValueMode::ALL.iter().map(|&mode| mode_unavailable(d, f, mode)).collect(),
        total_candidates: total_metric_candidates(d, f),
    }
}

/// Metrics that can serve as the denominator of [`ValueMode::ShareOfTotal`]: same unit
/// family as a selected additive metric, not itself selected.
pub(crate) fn total_metric_candidates(d: &Dataset, f: &Filter) -> Vec<MetricId> {
    let sel = Selection::new(d, f);
    let units: Vec<DisplayUnit> = sel
        .metrics
        .iter()
        .filter(|&&m| d.metric(m).unit.is_additive())
        .map(|&m| scaled_unit(&d.metric(m).unit, UnitScale::Billion).1)
        .collect();
    (0..d.metrics.len() as u32)
        .map(MetricId)
        .filter(|m| !sel.metrics.contains(m))
        .filter(|&m| units.contains(&scaled_unit(&d.metric(m).unit, UnitScale::Billion).1))
        .collect()
}

/// How many figures of the selected places and metrics the filters leave out, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FilterSummary {
    /// Figures of the selected places and metrics.
    pub selected: usize,
    /// Left out by the year range.
    pub by_years: usize,
    /// Left out because they cover another part of the year.
    pub by_period: usize,
    /// Left out because derived figures are hidden.
    pub by_derived: usize,
    /// Left out by the minimum trust.
    pub by_trust: usize,
}

/// Counts what the filters leave out of the selection (each figure counted once, by the first
/// reason that applies).
pub(crate) fn filter_summary(d: &Dataset, f: &Filter) -> FilterSummary {
    let sel = Selection::new(d, f);
    let mut summary = FilterSummary::default();
    for o in &d.observations {
        if !sel.has_entity(o.cell.entity) || !sel.has_metric(o.cell.metric) {
            continue;
        }
        summary.selected += 1;
        let year = o.cell.time.year();
        if f.year_from.is_some_and(|y| year < y) || f.year_to.is_some_and(|y| year > y) {
            summary.by_years += 1;
        } else if matches!(o.cell.time, Time::Year(_)) && Some(o.cell.period) != sel.period {
            summary.by_period += 1;
        } else if !f.include_derived && o.derived {
            summary.by_derived += 1;
        } else if f.min_trust.is_some_and(|min| o.trust.is_none_or(|t| t < min)) {
            summary.by_trust += 1;
        }
    }
    summary
}

/// Which places the side panel lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PlaceKinds {
    /// Places and aggregates.
    #[default]
    Both,
    /// Countries and other places of their own.
    Places,
    /// Sums of places: the World, continents, income groups.
    Aggregates,
}

/// What narrows the list of places: text typed, the kind of place, and per attribute of the
/// dataset the one value shown (`None`: any).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlaceSearch {
    /// Part of a name or id.
    pub text: String,
    /// Places, aggregates or both.
    pub kinds: PlaceKinds,
    /// Per [`Dataset::attributes`], the value a place must have.
    pub attributes: Vec<Option<u32>>,
}

impl PlaceSearch {
    /// Whether anything but the text narrows the list.
    pub fn narrows(&self) -> bool {
        self.kinds != PlaceKinds::Both || self.attributes.iter().any(Option::is_some)
    }
}

/// The entities whose name (in either language) or id contains the search's text, ignoring
/// case, of its kind and attribute values, in dataset order.
pub fn search_entities(d: &Dataset, search: &PlaceSearch) -> Vec<EntityId> {
    let needle = search.text.trim().to_lowercase();
    let kind_fits = |e: &crate::data::Entity| match search.kinds {
        PlaceKinds::Both => true,
        PlaceKinds::Places => !e.aggregate,
        PlaceKinds::Aggregates => e.aggregate,
    };
    let attributes_fit =
        |i: usize| {
            search.attributes.iter().zip(&d.attributes).all(|(wanted, attribute)| {
                wanted.is_none_or(|v| attribute.of_entity.get(i).copied().flatten() == Some(v))
            })
        };
    (0..d.entities.len() as u32)
        .map(EntityId)
        .filter(|&e| {
            let entity = d.entity(e);
            let text_fits = needle.is_empty()
                || entity.name.to_lowercase().contains(&needle)
                || entity.id.contains(&needle)
                || entity.name_zh.as_deref().is_some_and(|z| z.contains(&needle));
            text_fits && kind_fits(entity) && attributes_fit(e.0 as usize)
        })
        .collect()
}

/// Unique sources in order of first use.
pub(crate) fn push_source(sources: &mut Vec<SourceId>, source: Option<SourceId>) {
    if let Some(s) = source
        && !sources.contains(&s)
    {
        sources.push(s);
    }
}

#[cfg(test)]
mod tests;
