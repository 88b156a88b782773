//! A chart's words: titles, legend labels, notes and reasons, made from a chart model (which is
//! the same in every language) for one language. The app keeps them with the models and makes
//! them again only when the models or the language change.

use crate::data::format::format_number;
use crate::data::query::{
    BarChart, BarSeries, Empty, LineChart, Note, SeriesKey, ShareChart, ShareRow, Unavailable, source_label,
};
use crate::data::{Dataset, DisplayUnit, EntityId, MetricId, PeriodId, Resolution, SourceId, ValueMode};
use crate::l10n::{category_name, entity_name, metric_name};
use crate::tr;

use super::{Lang, period_label, time_label, unit_label, year_label};

/// The words of the Over time chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LineWords {
    /// "Exports and imports: growth on previous year".
    pub title: String,
    /// "2014–2025 · billion yuan".
    pub subtitle: String,
    /// The y axis label.
    pub unit_label: String,
    /// One legend label per series of the chart, in its order.
    pub labels: Vec<String>,
    /// One label per series not drawn for lack of room.
    pub omitted_labels: Vec<String>,
    /// The notes, in the chart's order.
    pub notes: Vec<String>,
    /// Why nothing is drawn.
    pub empty: Option<String>,
    /// Why the log scale is not available.
    pub log_unavailable: Option<String>,
    /// The sources line under the chart: "Source: China Daily, 2026-02-14; … and 3 more."
    pub sources: String,
}

/// The words of the Compare chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BarWords {
    /// "Exports and imports, 2025", "Total foreign trade, Jan–Aug, by destination, 2025".
    pub title: String,
    /// The mode and the unit.
    pub subtitle: String,
    /// The value axis label.
    pub unit_label: String,
    /// One name per group (place).
    pub groups: Vec<String>,
    /// One legend label per bar series.
    pub series: Vec<String>,
    /// The notes.
    pub notes: Vec<String>,
    /// Why nothing is drawn.
    pub empty: Option<String>,
    /// Why the bars cannot be stacked.
    pub stack_unavailable: Option<String>,
    /// The sources line under the chart: "Source: China Daily, 2026-02-14; … and 3 more."
    pub sources: String,
}

/// The words of the Industry shares chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ShareWords {
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: String,
    /// One label per row: "Security doors (2025)".
    pub labels: Vec<String>,
    /// What each row is a share of: "of China".
    pub share_of: Vec<Option<String>>,
    /// Why nothing is drawn.
    pub empty: Option<String>,
    /// The sources line under the chart: "Source: China Daily, 2026-02-14; … and 3 more."
    pub sources: String,
}

/// "Exports", "Exports and imports", "Exports, imports and e-commerce", "Exports, imports and 2 more".
pub fn join_names(names: &[String], lang: Lang) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => tr!(lang, "list-two", a = a.as_str(), b = b.as_str()),
        [a, b, c] => tr!(lang, "list-three", a = a.as_str(), b = b.as_str(), c = c.as_str()),
        [a, b, rest @ ..] => tr!(lang, "list-more", a = a.as_str(), b = b.as_str(), more = rest.len().to_string()),
    }
}

/// Names joined with the language's list separator, all of them: "Yiwu, Yongkang" (Chinese joins with the ideographic comma).
fn all_names(names: &[String], lang: Lang) -> String {
    names.join(&tr!(lang, "list-separator"))
}

fn entity_names(d: &Dataset, entities: &[EntityId], lang: Lang) -> Vec<String> {
    entities.iter().map(|&e| entity_name(d.entity(e), lang).to_string()).collect()
}

fn metric_names(d: &Dataset, metrics: &[MetricId], lang: Lang) -> Vec<String> {
    metrics.iter().map(|&m| metric_name(d.metric(m), lang).to_string()).collect()
}

/// "Exports (Africa), Jan–Nov": a metric with its category and period.
fn metric_label(
    d: &Dataset,
    metric: MetricId,
    category: Option<crate::data::CategoryId>,
    period: PeriodId,
    lang: Lang,
) -> String {
    let mut label = metric_name(d.metric(metric), lang).to_string();
    if let Some(c) = category {
        label = tr!(lang, "label-with-category", label = label, category = category_name(d.category(c), lang));
    }
    with_period(d, label, period, lang)
}

fn with_period(d: &Dataset, label: String, period: PeriodId, lang: Lang) -> String {
    if period == PeriodId::FULL_YEAR {
        label
    } else {
        tr!(lang, "label-with-period", label = label, period = period_label(d.period(period), lang))
    }
}

/// A line's legend label: "Jinhua", "Jinhua — Exports", with its category and period, and
/// "single months" when lines of years share the chart.
pub fn series_label(d: &Dataset, key: &SeriesKey, with_metric: bool, mixed: bool, lang: Lang) -> String {
    let mut label = entity_name(d.entity(key.entity), lang).to_string();
    if with_metric {
        label = tr!(lang, "label-with-metric", label = label, metric = metric_name(d.metric(key.metric), lang));
    }
    if let Some(c) = key.category {
        label = tr!(lang, "label-with-category", label = label, category = category_name(d.category(c), lang));
    }
    label = with_period(d, label, key.period, lang);
    match (mixed, key.resolution) {
        (true, Resolution::Month) => tr!(lang, "label-single-months", label = label),
        (true, Resolution::Day) => tr!(lang, "label-single-days", label = label),
        _ => label,
    }
}

/// "growth on previous year": what a value mode does to the figures; `None` as reported.
fn mode_phrase(d: &Dataset, mode: ValueMode, unit: &DisplayUnit, lang: Lang) -> Option<String> {
    Some(match mode {
        ValueMode::Absolute => return None,
        ValueMode::Yoy => tr!(lang, "mode-growth"),
        ValueMode::Index => tr!(lang, "mode-index"),
        ValueMode::ShareOfParent => tr!(lang, "mode-share-of-parent"),
        ValueMode::ShareOfTotal => match unit {
            DisplayUnit::ShareOfMetric(m) => tr!(lang, "mode-share-of-total", total = metric_name(d.metric(*m), lang)),
            _ => tr!(lang, "mode-share-of-a-total"),
        },
    })
}

/// The words of the Over time chart.
pub fn line_words(d: &Dataset, chart: &LineChart, lang: Lang) -> LineWords {
    let metrics = join_names(&metric_names(d, &chart.title_metrics, lang), lang);
    let title = match mode_phrase(d, chart.mode, &chart.unit, lang) {
        Some(mode) => tr!(lang, "title-with-mode", title = metrics, mode = mode),
        None => metrics,
    };
    let unit = unit_label(d, &chart.unit, lang);
    let span = chart.span.map(|(first, last)| {
        let (first_label, last_label) = (year_label(first, lang), year_label(last, lang));
        if first == last { first_label } else { format!("{first_label}–{last_label}") }
    });
    let subtitle = match (span, unit.is_empty()) {
        (Some(span), false) => format!("{span} · {unit}"),
        (Some(span), true) => span,
        (None, _) => unit.clone(),
    };
    let label =
        |s: &crate::data::query::Series| series_label(d, &s.key, chart.name_metrics, chart.mixed_resolutions, lang);
    LineWords {
        title,
        subtitle,
        unit_label: unit,
        labels: chart.series.iter().map(label).collect(),
        omitted_labels: chart.omitted.iter().map(label).collect(),
        notes: chart.notes.iter().map(|n| note_text(d, n, lang)).collect(),
        empty: chart.empty_reason.as_ref().map(|e| empty_text(d, e, lang)),
        log_unavailable: chart.log_unavailable.map(|u| unavailable_text(u, lang)),
        sources: sources_line(d, &chart.sources, chart.any_derived, lang),
    }
}

/// The words of the Compare chart.
pub fn bar_words(d: &Dataset, chart: &BarChart, lang: Lang) -> BarWords {
    let year = chart.year.map(|y| year_label(y, lang)).unwrap_or_default();
    let (title, series) = match &chart.parts_of {
        Some(parts) => {
            let whole = with_period(d, metric_name(d.metric(parts.metric), lang).to_string(), parts.period, lang);
            let split = match parts.dimension.as_deref() {
                Some(dimension) => tr!(lang, "bars-split", dimension = dimension, name = dimension.replace('_', " ")),
                None => tr!(lang, "bars-split", dimension = "mixed", name = ""),
            };
            let series = chart
                .series
                .iter()
                .map(|s| s.category.map_or_else(|| whole.clone(), |c| category_name(d.category(c), lang).to_string()))
                .collect();
            (tr!(lang, "bars-title-parts", whole = whole.as_str(), split = split, year = year.as_str()), series)
        }
        None => {
            let series: Vec<String> = chart.series.iter().map(|s| bar_series_label(d, s, lang)).collect();
            let shown: Vec<String> =
                chart.series.iter().zip(&series).filter(|(s, _)| !s.hidden).map(|(_, l)| l.clone()).collect();
            (tr!(lang, "bars-title", names = join_names(&shown, lang), year = year.as_str()), series)
        }
    };
    let unit = unit_label(d, &chart.unit, lang);
    let subtitle = match mode_phrase(d, chart.mode, &chart.unit, lang) {
        Some(mode) => format!("{mode} · {unit}"),
        None => unit.clone(),
    };
    BarWords {
        title,
        subtitle,
        unit_label: unit,
        groups: chart.groups.iter().map(|g| entity_name(d.entity(g.entity), lang).to_string()).collect(),
        series,
        notes: chart.notes.iter().map(|n| note_text(d, n, lang)).collect(),
        empty: chart.empty_reason.as_ref().map(|e| empty_text(d, e, lang)),
        stack_unavailable: chart.stack_unavailable.map(|u| unavailable_text(u, lang)),
        sources: sources_line(d, &chart.sources, chart.any_derived, lang),
    }
}

fn bar_series_label(d: &Dataset, s: &BarSeries, lang: Lang) -> String {
    metric_label(d, s.metric, s.category, s.period, lang)
}

/// The words of the Industry shares chart.
pub fn share_words(d: &Dataset, chart: &ShareChart, lang: Lang) -> ShareWords {
    ShareWords {
        title: tr!(lang, "shares-title"),
        subtitle: if chart.latest_only { tr!(lang, "shares-subtitle-latest") } else { tr!(lang, "shares-subtitle") },
        labels: chart.rows.iter().map(|r| share_row_label(d, r, lang)).collect(),
        share_of: chart.rows.iter().map(|r| share_of_text(d, r, lang)).collect(),
        empty: chart.empty_reason.as_ref().map(|e| empty_text(d, e, lang)),
        sources: sources_line(d, &chart.sources, chart.any_derived, lang),
    }
}

/// "Source: China Daily, 2026-02-14; Jinhua Daily, 2025-01-27 and 3 more."
fn sources_line(d: &Dataset, sources: &[SourceId], any_derived: bool, lang: Lang) -> String {
    if sources.is_empty() {
        return String::new();
    }
    const SHOWN: usize = 4;
    // Two sources with one label (one publisher's two tables) are named once.
    let mut labels: Vec<String> = Vec::new();
    for &s in sources {
        let label = source_label(d.source(s));
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    let names = labels.iter().take(SHOWN).cloned().collect::<Vec<_>>().join("; ");
    let line = if labels.len() > SHOWN {
        let more = format_number((labels.len() - SHOWN) as f64, 0);
        tr!(lang, "chart-frame-sources-and-more", names = names.as_str(), more = more.as_str())
    } else {
        tr!(lang, "chart-frame-sources", names = names.as_str())
    };
    if any_derived { format!("{line} {}", tr!(lang, "chart-frame-some-figures-are-derived-from-others")) } else { line }
}

/// "Security doors (2025)", with category and period when there are.
fn share_row_label(d: &Dataset, r: &ShareRow, lang: Lang) -> String {
    let cell = &d.observations[r.observation].cell;
    let mut label = metric_name(d.metric(cell.metric), lang).to_string();
    if let Some(c) = cell.category {
        label = tr!(lang, "label-with-category", label = label, category = category_name(d.category(c), lang));
    }
    label = tr!(lang, "label-with-time", label = label, time = time_label(cell.time, lang));
    with_period(d, label, cell.period, lang)
}

/// "of China": what a share is a share of, from the metric's `share_of`.
fn share_of_text(d: &Dataset, r: &ShareRow, lang: Lang) -> Option<String> {
    let whole = d.metric(r.metric).share_of.as_deref()?;
    let kind = match whole {
        "China" => "china",
        "the world" => "world",
        _ => "other",
    };
    Some(tr!(lang, "share-of", kind = kind, whole = whole))
}

/// A note in words.
pub fn note_text(d: &Dataset, note: &Note, lang: Lang) -> String {
    let metric = |m: &MetricId| metric_name(d.metric(*m), lang).to_string();
    let unit_word = |u: &DisplayUnit| {
        let label = unit_label(d, u, lang);
        if label.is_empty() { tr!(lang, "unit-a-count") } else { label }
    };
    match note {
        Note::ChooseTotalMetric => tr!(lang, "note-choose-total"),
        Note::OtherUnit { metric: m, own, chart } => {
            tr!(lang, "note-other-unit", metric = metric(m), own = unit_word(own), chart = unit_word(chart))
        }
        Note::NotAnAmount { metric: m } => tr!(lang, "note-not-an-amount", metric = metric(m)),
        Note::UnitDiffersFromTotal { metric: m } => tr!(lang, "note-unit-differs-from-total", metric = metric(m)),
        Note::NoParent { entities } => {
            tr!(lang, "note-no-parent", places = all_names(&entity_names(d, entities, lang), lang))
        }
        Note::NoValueInMode { key } => {
            tr!(lang, "note-no-value-in-mode", series = series_label(d, key, true, false, lang))
        }
        Note::LargestShown { shown, more } => {
            tr!(lang, "note-largest-shown", shown = shown.to_string(), more = more.to_string())
        }
    }
}

/// Why a chart is empty, in words.
pub fn empty_text(d: &Dataset, empty: &Empty, lang: Lang) -> String {
    match empty {
        Empty::NothingSelected => tr!(lang, "empty-nothing-selected"),
        Empty::NoPlaceSelected => tr!(lang, "empty-no-place-selected"),
        Empty::NoFigures { entities, metrics } => tr!(
            lang,
            "empty-no-figures",
            metrics = join_names(&metric_names(d, metrics, lang), lang),
            places = join_names(&entity_names(d, entities, lang), lang)
        ),
        Empty::OnlyPartYear { periods } => {
            let periods: Vec<String> = periods.iter().map(|&p| period_label(d.period(p), lang)).collect();
            tr!(lang, "empty-only-part-year", periods = all_names(&periods, lang))
        }
        Empty::FilteredOut => tr!(lang, "empty-filtered-out"),
        Empty::NoYearlyFigures => tr!(lang, "empty-no-yearly-figures"),
        Empty::NoShares { entities } => {
            tr!(lang, "empty-no-shares", places = join_names(&entity_names(d, entities, lang), lang))
        }
    }
}

/// Why a choice is not available, in words for a tooltip.
pub fn unavailable_text(why: Unavailable, lang: Lang) -> String {
    match why {
        Unavailable::ModeOfRates => tr!(lang, "unavailable-mode-of-rates"),
        Unavailable::ShareOfRates => tr!(lang, "unavailable-share-of-rates"),
        Unavailable::NoParentArea => tr!(lang, "unavailable-no-parent-area"),
        Unavailable::NoTotalCandidate => tr!(lang, "unavailable-no-total-candidate"),
        Unavailable::LogNonPositive => tr!(lang, "unavailable-log-non-positive"),
        Unavailable::StackNotAmounts => tr!(lang, "unavailable-stack-not-amounts"),
        Unavailable::StackWholeWithParts => tr!(lang, "unavailable-stack-whole-with-parts"),
        Unavailable::StackDifferentWholes => tr!(lang, "unavailable-stack-different-wholes"),
        Unavailable::StackDifferentDimensions => tr!(lang, "unavailable-stack-different-dimensions"),
        Unavailable::StackOverlapping => tr!(lang, "unavailable-stack-overlapping"),
    }
}
