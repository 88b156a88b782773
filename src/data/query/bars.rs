//! The "Compare" bar chart: entities side by side for one year, one bar per metric, with an
//! explicit "no data" slot where a figure is missing. Values come from the line query, so a
//! bar always equals the point of the same year on the line.

use super::super::filter::BarLayout;
use super::line::{LineChart, Point, why_empty};
use super::*;

/// One filled bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarCell {
    /// The height, after scaling and the value mode.
    pub value: f64,
    /// The point it was taken from (observation, derived, trust, source).
    pub point: Point,
}

/// One x-axis group: an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct BarGroup {
    /// The entity.
    pub entity: EntityId,
    /// Its colour, the same as in the other views (see [`entity_colours`]).
    pub colour: usize,
}

/// One bar colour: a metric (in a category and period), one cell per group.
#[derive(Debug, Clone, PartialEq)]
pub struct BarSeries {
    /// The metric.
    pub metric: MetricId,
    /// The category, if any.
    pub category: Option<CategoryId>,
    /// The period.
    pub period: PeriodId,
    /// Stable id (`exports`), as used in [`Filter::hidden`].
    pub id: String,
    /// One cell per group; `None` is a "no data" slot, never a zero.
    pub cells: Vec<Option<BarCell>>,
    /// Hidden by a click on the legend.
    pub hidden: bool,
}

/// When the bars are one whole and its parts (Yiwu's trade, and its trade with Africa,
/// ASEAN…): the title names the whole once and the parts are named by their category alone.
#[derive(Debug, Clone, PartialEq)]
pub struct PartsOf {
    /// The whole's metric.
    pub metric: MetricId,
    /// Its period.
    pub period: PeriodId,
    /// The breakdown all the parts belong to; `None` when they belong to several.
    pub dimension: Option<String>,
}

/// Everything the Compare view draws. The same in every language: the localization layer words
/// its title, labels and reasons.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// The value mode, for the subtitle.
    pub mode: ValueMode,
    /// The value unit.
    pub unit: DisplayUnit,
    /// Set when the bars are one whole and its parts.
    pub parts_of: Option<PartsOf>,
    /// The year shown.
    pub year: Option<i32>,
    /// Years that have data for the selection, for the year picker.
    pub years: Vec<i32>,
    /// The x-axis groups (entities); only the first [`BarChart::shown_groups`] are drawn.
    pub groups: Vec<BarGroup>,
    /// How many groups are drawn: all, or the largest [`Filter::max_series`] when more are
    /// selected (the rest are in the Table).
    pub shown_groups: usize,
    /// The bars.
    pub series: Vec<BarSeries>,
    /// Grouped or stacked.
    pub layout: BarLayout,
    /// Why stacking is not possible, when it is not.
    pub stack_unavailable: Option<Unavailable>,
    /// What was left out and why.
    pub notes: Vec<Note>,
    /// Why nothing is drawn, when nothing is.
    pub empty_reason: Option<Empty>,
    /// Sources of the visible bars.
    pub sources: Vec<SourceId>,
    /// Whether any visible bar is derived.
    pub any_derived: bool,
}

/// Builds the Compare chart for a filter.
pub fn bar_chart(d: &Dataset, f: &Filter) -> BarChart {
    bars_from_line(d, f, &line_chart(d, f))
}

/// Builds the Compare chart from the line chart of the same filter (every series of it, drawn,
/// omitted or hidden from the line legend: bars are hidden by their own ids).
pub fn bars_from_line(d: &Dataset, f: &Filter, line: &LineChart) -> BarChart {
    let sel = Selection::new(d, f);
    let groups: Vec<BarGroup> = sel.entities.iter().map(|&e| BarGroup { entity: e, colour: 0 }).collect();

    let years = years_with_data(line);
    let year = f.compare_year.filter(|y| years.contains(y)).or_else(|| best_year(line, &years));
    let stack_unavailable = match (f.mode, &line.unit) {
        (ValueMode::Absolute, DisplayUnit::Money { .. } | DisplayUnit::Count | DisplayUnit::Other(_)) => None,
        _ => Some(Unavailable::StackNotAmounts),
    };
    let mut chart = BarChart {
        mode: f.mode,
        unit: line.unit.clone(),
        parts_of: None,
        year,
        years,
        shown_groups: groups.len(),
        groups,
        series: Vec::new(),
        layout: if stack_unavailable.is_some() { BarLayout::Grouped } else { f.bar_layout },
        stack_unavailable,
        notes: line.notes.clone(),
        empty_reason: None,
        sources: Vec::new(),
        any_derived: false,
    };
    let Some(year) = year else {
        chart.empty_reason = Some(line.empty_reason.clone().unwrap_or(Empty::NoYearlyFigures));
        return chart;
    };

    for s in line.series.iter().chain(&line.omitted) {
        let (metric, category, period) = (s.key.metric, s.key.category, s.key.period);
        let index = match chart
            .series
            .iter()
            .position(|b| b.metric == metric && b.category == category && b.period == period)
        {
            Some(i) => i,
            None => {
                let id = bar_series_id(d, s);
                let hidden = f.hidden.contains(&id);
                chart.series.push(BarSeries {
                    metric,
                    category,
                    period,
                    id,
                    cells: vec![None; chart.groups.len()],
                    hidden,
                });
                chart.series.len() - 1
            }
        };
        let Some(group) = chart.groups.iter().position(|g| g.entity == s.key.entity) else { continue };
        let point = s.points.iter().find(|p| p.time == Time::Year(year));
        if let Some(point) = point
            && let Some(value) = point.value
        {
            chart.series[index].cells[group] = Some(BarCell { value, point: point.clone() });
        }
    }
    chart.series.retain(|b| b.cells.iter().any(Option::is_some));
    if chart.stack_unavailable.is_none()
        && let Some(reason) = parts_refuse_stacking(d, &chart.series)
    {
        chart.stack_unavailable = Some(reason);
        chart.layout = BarLayout::Grouped;
    }
    limit_groups(&mut chart, f.max_series.max(1));
    let colours = entity_colours(&sel.entities, chart.groups.iter().take(chart.shown_groups).map(|g| g.entity));
    for g in &mut chart.groups {
        g.colour = colours.get(&g.entity).copied().unwrap_or(0);
    }
    for b in chart.series.iter().filter(|b| !b.hidden) {
        for cell in b.cells.iter().take(chart.shown_groups).flatten() {
            push_source(&mut chart.sources, cell.point.source);
            chart.any_derived |= cell.point.derived;
        }
    }
    chart.parts_of = parts_of_one_whole(d, &chart.series);
    if chart.series.is_empty() {
        chart.empty_reason = Some(why_empty(d, f, &sel));
    }
    chart
}

/// Whether the bars are one whole and its parts; `None` when they are anything else.
fn parts_of_one_whole(d: &Dataset, series: &[BarSeries]) -> Option<PartsOf> {
    let first = series.first()?;
    let (metric, period) = (first.metric, first.period);
    if series.iter().any(|s| s.metric != metric || s.period != period) || series.iter().all(|s| s.category.is_none()) {
        return None;
    }
    let dimensions: Vec<Option<&String>> =
        series.iter().filter_map(|s| s.category).map(|c| d.category(c).dimension.as_ref()).collect();
    let one = dimensions.iter().all(|x| *x == dimensions[0]);
    Some(PartsOf { metric, period, dimension: dimensions[0].filter(|_| one).cloned() })
}

/// Why these bars cannot be stacked, if they cannot: a stack must add up to something, so it
/// holds either wholes only (exports and imports: total trade) or the parts of one whole along
/// one dimension that do not overlap (exports to Africa, to ASEAN, to the EU…) — never a whole
/// with its own parts, parts of two dimensions, or parts that overlap.
pub fn parts_refuse_stacking(d: &Dataset, series: &[BarSeries]) -> Option<Unavailable> {
    let shown: Vec<&BarSeries> = series.iter().filter(|s| !s.hidden).collect();
    let parts: Vec<CategoryId> = shown.iter().filter_map(|s| s.category).collect();
    if parts.is_empty() {
        None
    } else if parts.len() < shown.len() {
        Some(Unavailable::StackWholeWithParts)
    } else if shown.iter().any(|s| s.metric != shown[0].metric || s.period != shown[0].period) {
        Some(Unavailable::StackDifferentWholes)
    } else if parts.iter().any(|&c| d.category(c).dimension.is_none())
        || parts.iter().any(|&c| d.category(c).dimension != d.category(parts[0]).dimension)
    {
        Some(Unavailable::StackDifferentDimensions)
    } else if parts.iter().any(|&c| d.category(c).overlaps.iter().any(|o| parts.contains(o))) {
        Some(Unavailable::StackOverlapping)
    } else {
        None
    }
}

/// The id a bar series is hidden by: the metric, with category and period when there are.
fn bar_series_id(d: &Dataset, s: &super::Series) -> String {
    let full = s.key.id(d);
    // Drop the entity part: a bar colour spans all entities.
    full.split_once(':').map_or(full.clone(), |(_, rest)| rest.to_string())
}

fn years_with_data(line: &LineChart) -> Vec<i32> {
    let mut years: Vec<i32> = line
        .series
        .iter()
        .chain(&line.omitted)
        .flat_map(|s| s.points.iter())
        .filter(|p| p.value.is_some() && matches!(p.time, Time::Year(_)))
        .map(|p| p.time.year())
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// The year where the most series have a value; the latest among equals.
fn best_year(line: &LineChart, years: &[i32]) -> Option<i32> {
    years.iter().copied().max_by_key(|&y| {
        let filled = line
            .series
            .iter()
            .chain(&line.omitted)
            .filter(|s| s.points.iter().any(|p| p.time == Time::Year(y) && p.value.is_some()))
            .count();
        (filled, y)
    })
}

/// With more groups than `n`, puts the `n` largest (by the first visible bar) first and draws
/// only those; the chart says how many more there are.
fn limit_groups(chart: &mut BarChart, n: usize) {
    if chart.groups.len() <= n {
        return;
    }
    let first = chart.series.iter().position(|s| !s.hidden).unwrap_or(0);
    let height =
        |g: usize| chart.series.get(first).and_then(|s| s.cells[g].as_ref()).map_or(f64::NEG_INFINITY, |c| c.value);
    let mut order: Vec<usize> = (0..chart.groups.len()).collect();
    order.sort_by(|&a, &b| height(b).total_cmp(&height(a)).then(a.cmp(&b)));
    chart.groups = order.iter().map(|&g| chart.groups[g].clone()).collect();
    for s in &mut chart.series {
        s.cells = order.iter().map(|&g| s.cells[g].clone()).collect();
    }
    chart.shown_groups = n;
    chart.notes.push(Note::LargestShown { shown: n, more: chart.groups.len() - n });
}
