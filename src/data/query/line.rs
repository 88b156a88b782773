//! The "Over time" line chart: one series per (entity, metric, category, period), points in
//! time order, gaps where a year is missing, values transformed by the value mode.

use std::ops::Range;

use super::*;

/// One drawn point and the observation behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// When.
    pub time: Time,
    /// Position on the x axis, in years.
    pub x: f64,
    /// The value drawn, after scaling and the value mode; `None` when it cannot be computed
    /// (no previous year, a zero denominator).
    pub value: Option<f64>,
    /// Index of the observation in [`Dataset::observations`].
    pub observation: usize,
    /// The other observation a computed value used (previous year, parent, total).
    pub other: Option<usize>,
    /// Whether the figure (or one it was computed from) is derived.
    pub derived: bool,
    /// The lower trust of the figures used.
    pub trust: Option<Trust>,
    /// Source of the observation.
    pub source: Option<SourceId>,
    /// Whether time steps are missing between the previous point and this one.
    pub gap_before: bool,
}

/// One line.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Which entity, metric, category and period.
    pub key: SeriesKey,
    /// Stable id (`jinhua:exports`), as used in [`Filter::hidden`].
    pub id: String,
    /// Points in time order.
    pub points: Vec<Point>,
    /// Hidden from the chart and the table by a click on the legend.
    pub hidden: bool,
    /// Its colour and dash, told apart from every other line drawn.
    pub style: LineStyle,
}

impl Series {
    /// Runs of points that are drawn as one connected line: adjacent in time, all with values.
    pub fn segments(&self) -> Vec<Range<usize>> {
        let mut segments = Vec::new();
        let mut start: Option<usize> = None;
        for (i, p) in self.points.iter().enumerate() {
            let continues = p.value.is_some() && !p.gap_before && start.is_some();
            if !continues {
                if let Some(s) = start.take() {
                    segments.push(s..i);
                }
                if p.value.is_some() {
                    start = Some(i);
                }
            }
        }
        if let Some(s) = start {
            segments.push(s..self.points.len());
        }
        segments
    }
}

/// Everything the Over time view draws. The same in every language: the localization layer
/// words its title, labels and reasons.
#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    /// The metrics drawn, for the title ("Exports and imports").
    pub title_metrics: Vec<MetricId>,
    /// The value mode, for the title ("… : growth on previous year").
    pub mode: ValueMode,
    /// The first and last year drawn, for the subtitle.
    pub span: Option<(i32, i32)>,
    /// The y unit.
    pub unit: DisplayUnit,
    /// Whether the legend names the metric beside the place (more than one metric selected).
    pub name_metrics: bool,
    /// Whether lines of years and of single months (or days) share the chart: the finer ones
    /// then say so, since a month's 27 billion beside a year's 390 is not a fall.
    pub mixed_resolutions: bool,
    /// The lines drawn, in legend order.
    pub series: Vec<Series>,
    /// Lines selected but not drawn: more than [`Filter::max_series`] are selected (the Table
    /// lists them), or hidden from a long legend (their `hidden` is set).
    pub omitted: Vec<Series>,
    /// What was left out and why (a unit conflict, a mode that does not apply).
    pub notes: Vec<Note>,
    /// Why nothing is drawn, when nothing is.
    pub empty_reason: Option<Empty>,
    /// Sources of the visible points, in order of first use.
    pub sources: Vec<SourceId>,
    /// Whether any visible point is derived.
    pub any_derived: bool,
    /// Whether any visible point has low trust.
    pub any_low_trust: bool,
    /// Whether any visible point is a month or a day: the time axis then ticks months when
    /// zoomed in (yearly figures have nothing between their years).
    pub sub_year: bool,
    /// Whether the y axis is logarithmic (asked for, and possible).
    pub log_scale: bool,
    /// Why a log axis is not possible, when it is not.
    pub log_unavailable: Option<Unavailable>,
}

impl LineChart {
    /// The series that are drawn (not hidden).
    pub fn visible_series(&self) -> impl Iterator<Item = &Series> {
        self.series.iter().filter(|s| !s.hidden)
    }
}

/// Builds the line chart for a filter.
pub fn line_chart(d: &Dataset, f: &Filter) -> LineChart {
    let sel = Selection::new(d, f);
    let mut chart = LineChart {
        title_metrics: Vec::new(),
        mode: f.mode,
        span: None,
        unit: DisplayUnit::Count,
        name_metrics: sel.metrics.len() > 1,
        mixed_resolutions: false,
        series: Vec::new(),
        omitted: Vec::new(),
        notes: Vec::new(),
        empty_reason: None,
        sources: Vec::new(),
        any_derived: false,
        any_low_trust: false,
        sub_year: false,
        log_scale: false,
        log_unavailable: None,
    };
    if sel.entities.is_empty() || sel.metrics.is_empty() {
        chart.empty_reason = Some(Empty::NothingSelected);
        return chart;
    }

    let runs = collect_runs(d, f, &sel);
    let (unit, kept) = choose_unit(d, f, &sel, &runs, &mut chart.notes);
    chart.unit = unit;
    for (key, indexes) in kept {
        let points = transform(d, f, key, &indexes);
        if points.iter().all(|p| p.value.is_none()) {
            chart.notes.push(Note::NoValueInMode { key });
            continue;
        }
        let id = key.id(d);
        let hidden = f.hidden.contains(&id);
        chart.series.push(Series { key, id, points, hidden, style: LineStyle::default() });
    }

    let first = chart.series.first().map(|s| s.key.resolution);
    chart.mixed_resolutions = chart.series.iter().any(|s| Some(s.key.resolution) != first);
    if chart.series.is_empty() {
        chart.empty_reason = Some(why_empty(d, f, &sel));
        return chart;
    }
    limit_series(&mut chart, f.max_series.max(1));
    let entities: Vec<EntityId> = chart.series.iter().map(|s| s.key.entity).collect();
    for (s, style) in chart.series.iter_mut().zip(line_styles(&entities, &sel.entities)) {
        s.style = style;
    }
    finish_summary(f, &mut chart);
    chart
}

/// The latest value of a series, for ranking.
fn latest(s: &Series) -> f64 {
    s.points.iter().rev().find_map(|p| p.value).map_or(f64::NEG_INFINITY, f64::abs)
}

/// Keeps the `n` visible series with the largest latest value (in their legend order); the rest
/// move to `omitted`. Hidden series stay in the legend only while it is short.
fn limit_series(chart: &mut LineChart, n: usize) {
    let visible = chart.series.iter().filter(|s| !s.hidden).count();
    if visible <= n && chart.series.len() <= 4 * n {
        return;
    }
    let mut ranked: Vec<usize> = (0..chart.series.len()).filter(|&i| !chart.series[i].hidden).collect();
    ranked.sort_by(|&a, &b| latest(&chart.series[b]).total_cmp(&latest(&chart.series[a])).then(a.cmp(&b)));
    let mut keep = vec![false; chart.series.len()];
    for &i in ranked.iter().take(n) {
        keep[i] = true;
    }
    let keep_hidden = chart.series.len() <= 4 * n;
    let all = std::mem::take(&mut chart.series);
    for (i, s) in all.into_iter().enumerate() {
        if keep[i] || (s.hidden && keep_hidden) {
            chart.series.push(s);
        } else {
            chart.omitted.push(s);
        }
    }
}

/// The observations that pass the filter, one run per series, in dataset order. A series' figures
/// are consecutive in the dataset except where months and years of one metric interleave.
fn collect_runs(d: &Dataset, f: &Filter, sel: &Selection) -> Vec<(SeriesKey, Vec<usize>)> {
    let mut runs: Vec<(SeriesKey, Vec<usize>)> = Vec::new();
    let mut run_of: std::collections::HashMap<SeriesKey, usize> = std::collections::HashMap::new();
    for (i, o) in d.observations.iter().enumerate() {
        if !sel.has_metric(o.cell.metric) || !sel.has_entity(o.cell.entity) || !sel.passes(f, o) {
            continue;
        }
        let key = SeriesKey::of(&o.cell);
        match runs.last_mut() {
            Some((k, indexes)) if *k == key => indexes.push(i),
            _ => match run_of.get(&key) {
                Some(&r) => runs[r].1.push(i),
                None => {
                    run_of.insert(key, runs.len());
                    runs.push((key, vec![i]));
                }
            },
        }
    }
    runs
}

/// Picks the chart's unit and drops the series that cannot be shown in it, noting why.
fn choose_unit(
    d: &Dataset,
    f: &Filter,
    sel: &Selection,
    runs: &[(SeriesKey, Vec<usize>)],
    notes: &mut Vec<Note>,
) -> (DisplayUnit, Vec<(SeriesKey, Vec<usize>)>) {
    let total = f.total_metric.as_deref().and_then(|id| d.metric_id(id));
    let unit = match f.mode {
        ValueMode::Absolute => {
            let first = sel.metrics.iter().find(|m| runs.iter().any(|(k, _)| k.metric == **m));
            first.map_or(DisplayUnit::Count, |&m| scaled_unit(&d.metric(m).unit, f.unit_scale).1)
        }
        ValueMode::Yoy => DisplayUnit::GrowthOnPrevious,
        ValueMode::Index => DisplayUnit::Index,
        ValueMode::ShareOfParent => DisplayUnit::ShareOfParent,
        ValueMode::ShareOfTotal => match total {
            Some(t) => DisplayUnit::ShareOfMetric(t),
            None => {
                notes.push(Note::ChooseTotalMetric);
                return (DisplayUnit::SharePercent, Vec::new());
            }
        },
    };
    let mut kept = Vec::new();
    let mut noted: Vec<MetricId> = Vec::new();
    for (key, indexes) in runs {
        let metric = key.metric;
        let metric_unit = &d.metric(metric).unit;
        let problem = match f.mode {
            ValueMode::Absolute => {
                let own = scaled_unit(metric_unit, f.unit_scale).1;
                (own != unit).then(|| Note::OtherUnit { metric, own, chart: unit.clone() })
            }
            _ if !metric_unit.is_additive() => Some(Note::NotAnAmount { metric }),
            ValueMode::ShareOfTotal => {
                let t = total.map(|t| scaled_unit(&d.metric(t).unit, UnitScale::Billion).1);
                (t != Some(scaled_unit(metric_unit, UnitScale::Billion).1))
                    .then_some(Note::UnitDiffersFromTotal { metric })
            }
            _ => None,
        };
        match problem {
            Some(note) => {
                if !noted.contains(&metric) {
                    noted.push(metric);
                    notes.push(note);
                }
            }
            None => kept.push((*key, indexes.clone())),
        }
    }
    if f.mode == ValueMode::ShareOfParent {
        let mut orphans: Vec<EntityId> = Vec::new();
        kept.retain(|(key, _)| {
            let has = d.entity(key.entity).parent.is_some();
            if !has && !orphans.contains(&key.entity) {
                orphans.push(key.entity);
            }
            has
        });
        if !orphans.is_empty() {
            notes.push(Note::NoParent { entities: orphans });
        }
    }
    (unit, kept)
}

/// A second observation a computed value uses, if it passes the derived and trust filters.
fn companion<'a>(d: &'a Dataset, f: &Filter, cell: Cell) -> Option<(usize, &'a Observation)> {
    let index = d.find_index(&cell)?;
    let o = &d.observations[index];
    let ok = (f.include_derived || !o.derived) && f.min_trust.is_none_or(|min| o.trust.is_some_and(|t| t >= min));
    ok.then_some((index, o))
}

fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    let r = numerator / denominator * 100.0;
    (denominator != 0.0 && r.is_finite()).then_some(r)
}

fn lower_trust(a: Option<Trust>, b: Option<Trust>) -> Option<Trust> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        _ => None,
    }
}

/// The points of one series with values transformed by the mode.
fn transform(d: &Dataset, f: &Filter, key: SeriesKey, indexes: &[usize]) -> Vec<Point> {
    let unit = &d.metric(key.metric).unit;
    let (factor, _) = scaled_unit(unit, f.unit_scale);
    let mut points: Vec<Point> = Vec::with_capacity(indexes.len());
    let mut base: Option<f64> = None;
    for &i in indexes {
        let o = &d.observations[i];
        let mut point = Point {
            time: o.cell.time,
            x: o.cell.time.x(),
            value: None,
            observation: i,
            other: None,
            derived: o.derived,
            trust: o.trust,
            source: o.source,
            gap_before: points.last().is_some_and(|p: &Point| o.cell.time.ordinal() - p.time.ordinal() > 1),
        };
        let with_other = |point: &mut Point, cell: Cell| {
            companion(d, f, cell).map(|(j, other)| {
                point.other = Some(j);
                point.derived |= other.derived;
                point.trust = lower_trust(point.trust, other.trust);
                other
            })
        };
        point.value = match f.mode {
            ValueMode::Absolute => Some(o.value * factor),
            ValueMode::Yoy => {
                let previous = o.cell.time.previous().map(|time| Cell { time, ..o.cell });
                previous
                    .and_then(|cell| with_other(&mut point, cell))
                    .and_then(|prev| ratio(o.value - prev.value, prev.value))
            }
            ValueMode::Index => {
                if base.is_none() && o.value != 0.0 {
                    base = Some(o.value);
                }
                base.and_then(|b| ratio(o.value, b))
            }
            ValueMode::ShareOfParent => d.entity(key.entity).parent.and_then(|parent| {
                let cell = Cell { entity: parent, ..o.cell };
                with_other(&mut point, cell).and_then(|p| ratio(o.value, p.value))
            }),
            ValueMode::ShareOfTotal => f.total_metric.as_deref().and_then(|id| d.metric_id(id)).and_then(|total| {
                let (own_factor, _) = scaled_unit(unit, UnitScale::Billion);
                let (total_factor, _) = scaled_unit(&d.metric(total).unit, UnitScale::Billion);
                let same_category = Cell { metric: total, ..o.cell };
                let no_category = Cell { metric: total, category: None, ..o.cell };
                let other = with_other(&mut point, same_category).or_else(|| with_other(&mut point, no_category));
                other.and_then(|t| ratio(o.value * own_factor, t.value * total_factor))
            }),
        };
        points.push(point);
    }
    points
}

/// Title, span, sources, marks and the log-axis check, from the visible series.
fn finish_summary(f: &Filter, chart: &mut LineChart) {
    let mut metrics: Vec<MetricId> = Vec::new();
    let (mut first, mut last) = (i32::MAX, i32::MIN);
    let mut non_positive = false;
    for s in chart.series.iter().filter(|s| !s.hidden) {
        if !metrics.contains(&s.key.metric) {
            metrics.push(s.key.metric);
        }
        for p in s.points.iter().filter(|p| p.value.is_some()) {
            first = first.min(p.time.year());
            last = last.max(p.time.year());
            push_source(&mut chart.sources, p.source);
            chart.any_derived |= p.derived;
            chart.any_low_trust |= p.trust == Some(Trust::Low);
            chart.sub_year |= !matches!(p.time, Time::Year(_));
            non_positive |= p.value.is_some_and(|v| v <= 0.0);
        }
    }
    metrics.sort();
    chart.title_metrics = metrics;
    chart.span = (first <= last).then_some((first, last));
    if non_positive {
        chart.log_unavailable = Some(Unavailable::LogNonPositive);
    }
    chart.log_scale = f.log_scale && chart.log_unavailable.is_none();
}

/// Says why a selection shows nothing, as specifically as the data allows.
pub(crate) fn why_empty(d: &Dataset, f: &Filter, sel: &Selection) -> Empty {
    let selected = |o: &&Observation| sel.has_entity(o.cell.entity) && sel.has_metric(o.cell.metric);
    if !d.observations.iter().any(|o| selected(&o)) {
        return Empty::NoFigures { entities: sel.entities.clone(), metrics: sel.metrics.clone() };
    }
    let only_part_year = d
        .observations
        .iter()
        .filter(|o| selected(o))
        .all(|o| matches!(o.cell.time, Time::Year(_)) && o.cell.period != PeriodId::FULL_YEAR);
    if only_part_year && f.period == PeriodChoice::FullYear {
        let mut periods: Vec<PeriodId> = d.observations.iter().filter(|o| selected(o)).map(|o| o.cell.period).collect();
        periods.sort();
        periods.dedup();
        return Empty::OnlyPartYear { periods };
    }
    Empty::FilteredOut
}
