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
    /// Its name on the axis.
    pub label: String,
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
    /// Legend text.
    pub label: String,
    /// One cell per group; `None` is a "no data" slot, never a zero.
    pub cells: Vec<Option<BarCell>>,
    /// Hidden by a click on the legend.
    pub hidden: bool,
}

/// Everything the Compare view draws.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// "Exports and imports, 2025".
    pub title: String,
    /// The unit line.
    pub subtitle: String,
    /// The value unit.
    pub unit: DisplayUnit,
    /// The value axis label.
    pub unit_label: String,
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
    pub stack_unavailable: Option<String>,
    /// What was left out and why.
    pub notes: Vec<String>,
    /// Why nothing is drawn, when nothing is.
    pub empty_reason: Option<String>,
    /// Sources of the visible bars.
    pub sources: Vec<SourceId>,
    /// Whether any visible bar is derived.
    pub any_derived: bool,
}

/// Builds the Compare chart for a filter.
pub fn bar_chart(d: &Dataset, f: &Filter, lang: Lang) -> BarChart {
    bars_from_line(d, f, &line_chart(d, f, lang), lang)
}

/// Builds the Compare chart from the line chart of the same filter (every series of it, drawn,
/// omitted or hidden from the line legend: bars are hidden by their own ids).
pub fn bars_from_line(d: &Dataset, f: &Filter, line: &LineChart, lang: Lang) -> BarChart {
    let sel = Selection::new(d, f);
    let entities: Vec<EntityId> = sel.entities.clone();
    let groups: Vec<BarGroup> = entities
        .iter()
        .map(|&e| BarGroup { entity: e, label: entity_name(d.entity(e), lang).to_string(), colour: 0 })
        .collect();

    let years = years_with_data(line);
    let year = f.compare_year.filter(|y| years.contains(y)).or_else(|| best_year(line, &years));
    let stack_unavailable = match (f.mode, &line.unit) {
        (ValueMode::Absolute, DisplayUnit::Money { .. } | DisplayUnit::Count | DisplayUnit::Other(_)) => None,
        _ => Some(
            lang.pick(
                "Only amounts can be stacked: shares, growth rates and indexes do not add up",
                "只有总量可以堆叠:比重、增长率和指数不能相加",
            )
            .into(),
        ),
    };
    let mut chart = BarChart {
        title: String::new(),
        subtitle: String::new(),
        unit: line.unit.clone(),
        unit_label: line.unit_label.clone(),
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
        chart.empty_reason = Some(match line.empty_reason.clone() {
            Some(reason) => reason,
            None => {
                lang.pick("The selection has no yearly figures to compare.", "所选内容没有可比较的年度数据。").into()
            }
        });
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
                let mut label = metric_name(d.metric(metric), lang).to_string();
                if let Some(c) = category {
                    label.push_str(&format!(" ({})", category_name(d.category(c), lang)));
                }
                if period != PeriodId::FULL_YEAR {
                    label.push_str(&format!(", {}", period_label(d.period(period), lang)));
                }
                let hidden = f.hidden.contains(&id);
                chart.series.push(BarSeries {
                    metric,
                    category,
                    period,
                    id,
                    label,
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
        && let Some(reason) = parts_refuse_stacking(d, &chart.series, lang)
    {
        chart.stack_unavailable = Some(reason);
        chart.layout = BarLayout::Grouped;
    }
    limit_groups(&mut chart, f.max_series.max(1), lang);
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
    chart.title = match name_parts_of_one_whole(d, &mut chart.series, lang) {
        Some(whole) => match lang {
            Lang::En => format!("{whole}, {year}"),
            Lang::Zh => format!("{year}年{whole}"),
        },
        None => {
            let names: Vec<String> = chart.series.iter().filter(|b| !b.hidden).map(|b| b.label.clone()).collect();
            match lang {
                Lang::En => format!("{}, {year}", join_names(&names, lang)),
                Lang::Zh => format!("{year}年{}", join_names(&names, lang)),
            }
        }
    };
    let mode_title = line.title.split_once(':').map(|(_, mode)| mode.trim().to_string());
    chart.subtitle = match mode_title {
        Some(mode) if !mode.is_empty() => format!("{mode} · {}", chart.unit_label),
        _ => chart.unit_label.clone(),
    };
    if chart.series.is_empty() {
        chart.empty_reason = Some(why_empty(d, f, &sel, lang));
    }
    chart
}

/// When the bars are one whole and its parts (Yiwu's trade, and its trade with Africa, ASEAN…),
/// the parts are named by their category alone and the title names the whole once: "Total
/// foreign trade, Jan–Aug, by destination". `None` when the bars are anything else.
fn name_parts_of_one_whole(d: &Dataset, series: &mut [BarSeries], lang: Lang) -> Option<String> {
    let first = series.first()?;
    let (metric, period) = (first.metric, first.period);
    if series.iter().any(|s| s.metric != metric || s.period != period) || series.iter().all(|s| s.category.is_none()) {
        return None;
    }
    let dimensions: Vec<Option<&str>> =
        series.iter().filter_map(|s| s.category).map(|c| d.category(c).dimension.as_deref()).collect();
    let mut whole = metric_name(d.metric(metric), lang).to_string();
    if period != PeriodId::FULL_YEAR {
        whole.push_str(&format!("{}{}", lang.pick(", ", ","), period_label(d.period(period), lang)));
    }
    for s in series.iter_mut() {
        s.label = match s.category {
            Some(c) => category_name(d.category(c), lang).to_string(),
            None => whole.clone(),
        };
    }
    let split = if dimensions.iter().all(|x| *x == dimensions[0]) && dimensions[0].is_some() {
        dimension_label(dimensions[0], lang).to_lowercase()
    } else {
        lang.pick("and its parts", "及其分项").to_string()
    };
    Some(match lang {
        Lang::En => format!("{whole}, {split}"),
        Lang::Zh => format!("{whole},{split}"),
    })
}

/// Why these bars cannot be stacked, if they cannot: a stack must add up to something, so it
/// holds either wholes only (exports and imports: total trade) or the parts of one whole along
/// one dimension that do not overlap (exports to Africa, to ASEAN, to the EU…) — never a whole
/// with its own parts, parts of two dimensions, or parts that overlap.
pub fn parts_refuse_stacking(d: &Dataset, series: &[BarSeries], lang: Lang) -> Option<String> {
    let shown: Vec<&BarSeries> = series.iter().filter(|s| !s.hidden).collect();
    let parts: Vec<CategoryId> = shown.iter().filter_map(|s| s.category).collect();
    if parts.is_empty() {
        return None;
    }
    let reason = if parts.len() < shown.len() {
        Some(lang.pick(
            "A whole cannot be stacked with parts: show the parts alone, or the wholes alone",
            "总量不能与分项堆叠:只显示分项,或只显示总量",
        ))
    } else if shown.iter().any(|s| s.metric != shown[0].metric || s.period != shown[0].period) {
        Some(lang.pick("Only the parts of one whole can be stacked", "只有同一总量的分项可以堆叠"))
    } else if parts.iter().any(|&c| d.category(c).dimension.is_none())
        || parts.iter().any(|&c| d.category(c).dimension != d.category(parts[0]).dimension)
    {
        Some(lang.pick(
            "Parts of different breakdowns (destinations, kinds of goods…) overlap and cannot be stacked",
            "不同分类(目的地、商品类别……)的分项相互重叠,不能堆叠",
        ))
    } else if parts.iter().any(|&c| d.category(c).overlaps.iter().any(|o| parts.contains(o))) {
        Some(lang.pick("Some of these parts overlap and cannot be stacked", "其中部分分项相互重叠,不能堆叠"))
    } else {
        None
    };
    reason.map(String::from)
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
fn limit_groups(chart: &mut BarChart, n: usize, lang: Lang) {
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
    let more = chart.groups.len() - n;
    chart.notes.push(match lang {
        Lang::En => format!("The {n} largest are shown; {more} more places are in the Table."),
        Lang::Zh => format!("显示最大的 {n} 个;另有 {more} 个地区见“表格”。"),
    });
}
