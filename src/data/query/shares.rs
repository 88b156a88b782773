//! The "Industry shares" view: horizontal bars of share figures (0–100 %), grouped by entity,
//! each saying what it is a share of ("of China", "of the world").

use super::*;

/// The group of metrics the Industry shares view shows, when a dataset declares it.
pub(crate) const INDUSTRY_SHARE_GROUP: &str = "industry_share";

/// One horizontal bar.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareRow {
    /// Whose share.
    pub entity: EntityId,
    /// Which metric.
    pub metric: MetricId,
    /// The share, 0–100.
    pub value: f64,
    /// Index of the observation.
    pub observation: usize,
    /// When.
    pub time: Time,
    /// Derived figure.
    pub derived: bool,
    /// Trust.
    pub trust: Option<Trust>,
    /// Source.
    pub source: Option<SourceId>,
    /// Hidden by a click on the legend (its entity).
    pub hidden: bool,
    /// Its entity's colour, the same as in the other views (see [`entity_colours`]).
    pub colour: usize,
}

/// Everything the Industry shares view draws. The same in every language.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareChart {
    /// Whether only the latest figure of each share is shown (the subtitle says so).
    pub latest_only: bool,
    /// Bars, grouped by entity in dataset order, largest first within an entity.
    pub rows: Vec<ShareRow>,
    /// Why nothing is drawn, when nothing is.
    pub empty_reason: Option<Empty>,
    /// Sources of the visible bars.
    pub sources: Vec<SourceId>,
    /// Whether any visible bar is derived.
    pub any_derived: bool,
}

/// Whether a metric belongs in the Industry shares view.
pub(crate) fn is_industry_share(d: &Dataset, m: MetricId) -> bool {
    let metric = d.metric(m);
    let dataset_has_group = d.metrics.iter().any(|m| m.group == INDUSTRY_SHARE_GROUP);
    metric.unit == Unit::SharePercent && (!dataset_has_group || metric.group == INDUSTRY_SHARE_GROUP)
}

/// Builds the Industry shares chart: every share figure of the selected entities that passes
/// the filter (the metric selection does not apply: this view shows all shares).
pub fn share_chart(d: &Dataset, f: &Filter) -> ShareChart {
    let sel = Selection::new(d, f);
    let share_metrics: Vec<bool> = (0..d.metrics.len() as u32).map(|m| is_industry_share(d, MetricId(m))).collect();
    let mut rows: Vec<ShareRow> = Vec::new();
    for (i, o) in d.observations.iter().enumerate() {
        if !share_metrics[o.cell.metric.0 as usize] || !sel.has_entity(o.cell.entity) || !sel.passes(f, o) {
            continue;
        }
        let key = SeriesKey::of(&o.cell);
        // Observations are in time order within a series: a later one replaces an earlier.
        if f.latest_shares_only
            && let Some(last) = rows.last()
            && SeriesKey::of(&d.observations[last.observation].cell) == key
        {
            rows.pop();
        }
        let hidden = f.hidden.contains(&d.entity(o.cell.entity).id);
        rows.push(ShareRow {
            entity: o.cell.entity,
            metric: o.cell.metric,
            value: o.value,
            observation: i,
            time: o.cell.time,
            derived: o.derived,
            trust: o.trust,
            source: o.source,
            hidden,
            colour: 0,
        });
    }
    // Stable sort: entities keep dataset order, bars within an entity go largest first.
    rows.sort_by(|a, b| a.entity.cmp(&b.entity).then(b.value.total_cmp(&a.value)));
    let colours = entity_colours(&sel.entities, rows.iter().map(|r| r.entity));
    for r in &mut rows {
        r.colour = colours.get(&r.entity).copied().unwrap_or(0);
    }

    let mut chart = ShareChart {
        latest_only: f.latest_shares_only,
        rows,
        empty_reason: None,
        sources: Vec::new(),
        any_derived: false,
    };
    for r in chart.rows.iter().filter(|r| !r.hidden) {
        push_source(&mut chart.sources, r.source);
        chart.any_derived |= r.derived;
    }
    if chart.rows.is_empty() {
        chart.empty_reason = Some(if sel.entities.is_empty() {
            Empty::NoPlaceSelected
        } else {
            Empty::NoShares { entities: sel.entities.clone() }
        });
    }
    chart
}
