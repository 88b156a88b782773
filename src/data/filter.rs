//! What the person has chosen to look at. Plain serde data: the side panel, the command line
//! and the saved session all produce the same `Filter`.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::model::{Dataset, EntityId, MetricId, Trust};

/// How values are transformed before they are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
pub enum ValueMode {
    /// As reported.
    #[default]
    Absolute,
    /// Growth on the previous year (month, day), in %.
    Yoy,
    /// First visible value = 100.
    Index,
    /// Share of the parent entity's value for the same metric (Yiwu's share of Jinhua).
    ShareOfParent,
    /// Share of another metric of the same entity (the filter's total metric), in %.
    ShareOfTotal,
}

impl ValueMode {
    /// Every mode, in menu order.
    pub(crate) const ALL: [ValueMode; 5] =
        [ValueMode::Absolute, ValueMode::Yoy, ValueMode::Index, ValueMode::ShareOfParent, ValueMode::ShareOfTotal];
}

/// Which money scale to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
pub enum UnitScale {
    /// Billions (of yuan or dollars).
    #[default]
    Billion,
    /// Hundreds of millions (100 million yuan, the unit of Chinese statistics).
    #[cfg_attr(feature = "cli", value(name = "100-million"))]
    HundredMillion,
    /// As the dataset stores it.
    AsStored,
}

impl UnitScale {
    /// The multiplier money is shown in, or `None` to keep the stored one.
    pub(crate) fn multiplier(self) -> Option<f64> {
        match self {
            UnitScale::Billion => Some(1e9),
            UnitScale::HundredMillion => Some(1e8),
            UnitScale::AsStored => None,
        }
    }
}

/// Which periods of a year to show.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PeriodChoice {
    /// Full-year figures only (the default: part-year figures are not comparable).
    #[default]
    FullYear,
    /// One named period (`jan_nov`, `q1`…).
    Named(String),
}

/// How the Compare view draws several metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BarLayout {
    /// Side by side.
    #[default]
    Grouped,
    /// On top of each other (exports + imports = total trade).
    Stacked,
}

/// Everything that selects and transforms what the charts show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Selected entity ids.
    pub entities: BTreeSet<String>,
    /// Selected metric ids.
    pub metrics: BTreeSet<String>,
    /// The parts (categories) shown beside the wholes; empty shows the wholes alone.
    pub categories: BTreeSet<String>,
    /// First year shown, inclusive.
    pub year_from: Option<i32>,
    /// Last year shown, inclusive.
    pub year_to: Option<i32>,
    /// Which part of the year.
    pub period: PeriodChoice,
    /// Whether figures computed from others are shown.
    pub include_derived: bool,
    /// Figures below this trust are hidden; `None` shows all, also unrated ones.
    pub min_trust: Option<Trust>,
    /// Value transformation.
    pub mode: ValueMode,
    /// The denominator metric of [`ValueMode::ShareOfTotal`].
    pub total_metric: Option<String>,
    /// Money scale.
    pub unit_scale: UnitScale,
    /// The year the Compare view shows; `None` picks the latest with data.
    pub compare_year: Option<i32>,
    /// Grouped or stacked bars.
    pub bar_layout: BarLayout,
    /// Logarithmic y axis on the line chart.
    pub log_scale: bool,
    /// Series hidden from the legend, by series id (`jinhua:exports`).
    pub hidden: BTreeSet<String>,
    /// In the Industry shares view, only the latest figure of each share.
    pub latest_shares_only: bool,
    /// The most lines (or bar groups) drawn; with more selected, the largest by their latest
    /// value are drawn and the rest are named in one line and listed in the Table.
    pub max_series: usize,
}

/// The default of [`Filter::max_series`]: a legend of twelve still reads.
pub(crate) const DEFAULT_MAX_SERIES: usize = 12;

impl Default for Filter {
    fn default() -> Filter {
        Filter {
            entities: BTreeSet::new(),
            metrics: BTreeSet::new(),
            categories: BTreeSet::new(),
            year_from: None,
            year_to: None,
            period: PeriodChoice::FullYear,
            include_derived: true,
            min_trust: None,
            mode: ValueMode::Absolute,
            total_metric: None,
            unit_scale: UnitScale::Billion,
            compare_year: None,
            bar_layout: BarLayout::Grouped,
            log_scale: false,
            hidden: BTreeSet::new(),
            latest_shares_only: true,
            max_series: DEFAULT_MAX_SERIES,
        }
    }
}

impl Filter {
    /// The starting selection for a dataset: its declared default selection, or else the
    /// metric with the most figures and up to five entities that have it.
    pub fn initial(dataset: &Dataset) -> Filter {
        let mut filter = Filter::default();
        let (entities, metrics) = if dataset.default_entities.is_empty() || dataset.default_metrics.is_empty() {
            guess_selection(dataset)
        } else {
            (dataset.default_entities.clone(), dataset.default_metrics.clone())
        };
        filter.entities = entities.iter().map(|&e| dataset.entity(e).id.clone()).collect();
        filter.metrics = metrics.iter().map(|&m| dataset.metric(m).id.clone()).collect();
        filter
    }

    /// Keeps only the selections that exist in `dataset` (after another file was opened), and
    /// falls back to the dataset's initial selection when nothing is left.
    pub(crate) fn adapt_to(&mut self, dataset: &Dataset) {
        self.entities.retain(|id| dataset.entity_id(id).is_some());
        self.metrics.retain(|id| dataset.metric_id(id).is_some());
        self.categories.retain(|id| dataset.category_id(id).is_some());
        if self.total_metric.as_deref().is_some_and(|id| dataset.metric_id(id).is_none()) {
            self.total_metric = None;
        }
        if let PeriodChoice::Named(name) = &self.period
            && dataset.period_id(name).is_none()
        {
            self.period = PeriodChoice::FullYear;
        }
        if self.entities.is_empty() || self.metrics.is_empty() {
            let initial = Filter::initial(dataset);
            self.entities = initial.entities;
            self.metrics = initial.metrics;
        }
        self.hidden.retain(|id| names_a_series(dataset, id));
    }
}

/// Whether a hidden id still names something a legend can hide in `dataset`: a line
/// (`jinhua:exports:toys@jan_nov`), a bar series (`exports:toys@jan_nov`, the metric part of a
/// line's id) or an entity of the Industry shares view (`yiwu`). Ids never hold `:` or `@`
/// (the loaders refuse them), so the parts split cleanly.
pub(crate) fn names_a_series(dataset: &Dataset, id: &str) -> bool {
    let (cell, period) = match id.split_once('@') {
        Some((cell, period)) => (cell, Some(period)),
        None => (id, None),
    };
    if period.is_some_and(|p| dataset.period_id(p).is_none()) {
        return false;
    }
    let parts: Vec<&str> = cell.split(':').collect();
    let entity = |e: &str| dataset.entity_id(e).is_some();
    let metric = |m: &str| dataset.metric_id(m).is_some();
    let category = |c: &str| dataset.category_id(c).is_some();
    match parts.as_slice() {
        // One part: an entity (shares view) or a metric (bars).
        [one] => (period.is_none() && entity(one)) || metric(one),
        // Entity and metric (a line), or metric and category (bars).
        [a, b] => (entity(a) && metric(b)) || (metric(a) && category(b)),
        [e, m, c] => entity(e) && metric(m) && category(c),
        _ => false,
    }
}

fn guess_selection(dataset: &Dataset) -> (Vec<EntityId>, Vec<MetricId>) {
    let mut per_metric = vec![0usize; dataset.metrics.len()];
    for o in &dataset.observations {
        per_metric[o.cell.metric.0 as usize] += 1;
    }
    let Some(best) = (0..per_metric.len()).max_by_key(|&i| (per_metric[i], std::cmp::Reverse(i))) else {
        return (Vec::new(), Vec::new());
    };
    let metric = MetricId(best as u32);
    (largest_places(dataset, metric, 5), vec![metric])
}

/// The World first (an aggregate named so), then the places with the largest latest value of
/// `metric`, up to `count` in all: what a person expects to see first, not the first names in
/// alphabetical order. Other aggregates (continents, income groups) would crowd out the places.
fn largest_places(dataset: &Dataset, metric: MetricId, count: usize) -> Vec<EntityId> {
    // Each entity's latest full-year, whole-metric figure (observations are in time order).
    let mut latest: Vec<Option<(crate::data::Time, f64)>> = vec![None; dataset.entities.len()];
    for o in dataset.observations.iter().filter(|o| {
        o.cell.metric == metric && o.cell.category.is_none() && o.cell.period == crate::data::PeriodId::FULL_YEAR
    }) {
        let slot = &mut latest[o.cell.entity.0 as usize];
        if slot.is_none_or(|(t, _)| o.cell.time >= t) {
            *slot = Some((o.cell.time, o.value));
        }
    }
    let has = |i: usize| latest[i].is_some();
    let mut chosen: Vec<EntityId> = (0..dataset.entities.len())
        .filter(|&i| has(i) && dataset.entities[i].aggregate && dataset.entities[i].name.eq_ignore_ascii_case("world"))
        .map(|i| EntityId(i as u32))
        .take(1)
        .collect();
    let mut places: Vec<usize> =
        (0..dataset.entities.len()).filter(|&i| has(i) && !dataset.entities[i].aggregate).collect();
    places.sort_by(|&a, &b| {
        let value = |i: usize| latest[i].map_or(f64::MIN, |(_, v)| v);
        value(b).total_cmp(&value(a)).then(a.cmp(&b))
    });
    chosen.extend(places.into_iter().map(|i| EntityId(i as u32)).take(count.saturating_sub(chosen.len())));
    if chosen.is_empty() {
        // Nothing but aggregates: the first of them.
        chosen.extend((0..dataset.entities.len()).filter(|&i| has(i)).map(|i| EntityId(i as u32)).take(count));
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_bundled;

    fn hidden(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn hidden_lines_bars_and_share_entities_survive_adapting_to_the_same_data() {
        let d = load_bundled().unwrap().dataset;
        let mut f = Filter::initial(&d);
        // A line, a part-year line, a bar series, a part-year bar series, a shares-view entity.
        let kept = ["yiwu:exports", "jinhua:exports@jan_nov", "exports", "total_trade@jan_nov", "yongkang"];
        f.hidden = hidden(&kept);
        f.adapt_to(&d);
        assert_eq!(f.hidden, hidden(&kept));
    }

    #[test]
    fn hidden_series_of_a_category_survive_and_go_with_it() {
        let path = std::path::Path::new("categories.json");
        let with = include_str!("../../tests/fixtures/valid/categories.json");
        let d = crate::data::json::load_json(path, with.as_bytes()).unwrap().0;
        let mut f = Filter::initial(&d);
        f.hidden = hidden(&["jinhua:exports:africa", "exports:asean"]);
        f.adapt_to(&d);
        assert_eq!(f.hidden, hidden(&["jinhua:exports:africa", "exports:asean"]));
        // Opened on data without categories, both go.
        let minimal = include_str!("../../tests/fixtures/valid/minimal.json");
        let without = crate::data::json::load_json(path, minimal.as_bytes()).unwrap().0;
        f.adapt_to(&without);
        assert!(f.hidden.is_empty(), "{:?}", f.hidden);
    }

    #[test]
    fn hidden_ids_that_name_nothing_in_the_new_data_are_dropped() {
        let d = load_bundled().unwrap().dataset;
        let mut f = Filter::initial(&d);
        f.hidden = hidden(&[
            "atlantis:exports",
            "yiwu:no_such_metric",
            "jinhua:exports@no_such_period",
            "no_such_metric",
            "atlantis",
            "jinhua:exports:no_such_category",
            "a:b:c:d",
            "yiwu",
        ]);
        f.adapt_to(&d);
        assert_eq!(f.hidden, hidden(&["yiwu"]));
    }
}
