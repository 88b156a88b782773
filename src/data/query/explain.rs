//! What a tooltip and the details card say about one figure: where it comes from, how it was
//! computed, how far it can be trusted, what else was reported for it.

use super::*;

/// The facts about one shown figure, as lines of text in the chosen language.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// "Jinhua · Exports".
    pub heading: String,
    /// "2025", or "2025, Jan–Nov".
    pub time: String,
    /// The value as shown, with its unit: "921.3 billion yuan".
    pub value: String,
    /// How the shown value was computed from the figures, in non-absolute modes.
    pub computed: Option<String>,
    /// "Derived: total − exports = …" for a derived figure.
    pub derived: Option<String>,
    /// "Trust: high".
    pub trust: String,
    /// "China Daily, 2026-02-14 — Inland city makes mark as global biz hub".
    pub source: Option<String>,
    /// The source's link.
    pub source_url: Option<String>,
    /// The figure as printed, when it was converted.
    pub reported: Option<String>,
    /// The note.
    pub note: Option<String>,
    /// The quote (for the details card; tooltips leave it out).
    pub quote: Option<String>,
    /// Other reported values: "500 billion yuan — RSA consultancy blog (low trust)".
    pub alternatives: Vec<String>,
}

impl Explanation {
    /// The tooltip's lines, heading first, quote left out.
    pub fn tooltip_lines(&self) -> Vec<String> {
        let mut lines = vec![format!("{} — {}", self.heading, self.time), self.value.clone()];
        lines.extend(self.computed.clone());
        lines.extend(self.derived.clone());
        lines.push(self.trust.clone());
        lines.extend(self.source.clone());
        lines.extend(self.reported.clone());
        lines.extend(self.note.clone());
        lines.extend(self.alternatives.iter().cloned());
        lines
    }
}

/// A source's short label: "China Daily, 2026-02-14".
pub fn source_label(source: &Source) -> String {
    match &source.published {
        Some(date) if !source.publisher.is_empty() => format!("{}, {date}", source.publisher),
        Some(date) => format!("{}, {date}", source.title),
        None if !source.publisher.is_empty() => source.publisher.clone(),
        None => source.title.clone(),
    }
}

fn time_text(d: &Dataset, cell: &Cell, lang: Lang) -> String {
    let period = period_label(d.period(cell.period), lang);
    if period.is_empty() { cell.time.to_string() } else { format!("{}, {period}", cell.time) }
}

fn trust_text(trust: Option<Trust>, lang: Lang) -> String {
    let level = match (trust, lang) {
        (Some(Trust::High), Lang::En) => "high",
        (Some(Trust::Medium), Lang::En) => "medium",
        (Some(Trust::Low), Lang::En) => "low",
        (None, Lang::En) => "not rated",
        (Some(Trust::High), Lang::Zh) => "高",
        (Some(Trust::Medium), Lang::Zh) => "中",
        (Some(Trust::Low), Lang::Zh) => "低",
        (None, Lang::Zh) => "未评级",
    };
    format!("{}{level}", lang.pick("Trust: ", "可信度:"))
}

/// Explains one point of a chart: `observation` is the figure, `shown` the value drawn,
/// `other` the second figure a computed value used.
pub fn explain(
    d: &Dataset,
    f: &Filter,
    observation: usize,
    shown: Option<f64>,
    unit: &DisplayUnit,
    other: Option<usize>,
    lang: Lang,
) -> Explanation {
    let o = &d.observations[observation];
    let metric = d.metric(o.cell.metric);
    let mut heading = format!("{} · {}", entity_name(d.entity(o.cell.entity), lang), metric_name(metric, lang));
    if let Some(c) = o.cell.category {
        heading.push_str(&format!(" ({})", category_name(d.category(c), lang)));
    }
    let (factor, stored_unit) = scaled_unit(&metric.unit, f.unit_scale);
    let as_stored = |value: f64| stored_unit.format_value(value * factor, lang);
    let value = shown.map_or_else(|| lang.pick("no value", "无数值").to_string(), |v| unit.format_value(v, lang));

    let computed = match f.mode {
        ValueMode::Absolute => None,
        ValueMode::Index => Some(format!("{}{}", lang.pick("Figure: ", "原始数据:"), as_stored(o.value))),
        _ => other.map(|j| {
            let b = &d.observations[j];
            let b_metric = d.metric(b.cell.metric);
            let (b_factor, b_unit) = scaled_unit(&b_metric.unit, f.unit_scale);
            let b_label = format!(
                "{} {} {}",
                entity_name(d.entity(b.cell.entity), lang),
                metric_name(b_metric, lang),
                time_text(d, &b.cell, lang)
            );
            format!(
                "{}{} {} {}: {}",
                lang.pick("Computed from ", "计算自 "),
                as_stored(o.value),
                lang.pick("and", "与"),
                b_label,
                b_unit.format_value(b.value * b_factor, lang)
            )
        }),
    };
    let derived = o.derivation().map(|dv| format!("{}{}", lang.pick("Derived: ", "推算:"), dv.formula));
    let source = o.source.map(|s| d.source(s));
    let alternatives = o
        .alternatives()
        .iter()
        .map(|alt| {
            let who = alt.source.map(|s| source_label(d.source(s))).unwrap_or_default();
            let how = if alt.derivation.is_some() { lang.pick(", derived", ",推算") } else { "" };
            let trust = trust_text(alt.trust, lang).to_lowercase();
            format!("{}{} — {who} ({trust}{how})", lang.pick("Also reported: ", "另有数据:"), as_stored(alt.value))
        })
        .collect();
    Explanation {
        heading,
        time: time_text(d, &o.cell, lang),
        value,
        computed,
        derived,
        trust: trust_text(o.trust, lang),
        source: source.map(|s| format!("{}{} — {}", lang.pick("Source: ", "来源:"), source_label(s), s.title)),
        source_url: source.map(|s| s.url.clone()).filter(|u| !u.is_empty()),
        reported: o.reported().map(|r| format!("{}{} {}", lang.pick("As printed: ", "原文数值:"), r.value, r.unit)),
        note: o.note().map(|n| format!("{}{n}", lang.pick("Note: ", "注:"))),
        quote: o.quote().map(|q| format!("“{q}”")),
        alternatives,
    }
}

/// For each source, the observations it supports (directly, or as the source of an
/// alternative), in dataset order.
pub fn figures_by_source(d: &Dataset) -> Vec<Vec<usize>> {
    let mut figures = vec![Vec::new(); d.sources.len()];
    for (i, o) in d.observations.iter().enumerate() {
        if let Some(s) = o.source {
            figures[s.0 as usize].push(i);
        }
        for alt in o.alternatives() {
            if let Some(s) = alt.source.filter(|&s| Some(s) != o.source)
                && !figures[s.0 as usize].contains(&i)
            {
                figures[s.0 as usize].push(i);
            }
        }
    }
    figures
}

/// A figure in one line: "Jinhua · Exports · 2025: 921.3 billion yuan".
pub fn figure_line(d: &Dataset, observation: usize, lang: Lang) -> String {
    let o = &d.observations[observation];
    let metric = d.metric(o.cell.metric);
    let mut line = format!("{} · {}", entity_name(d.entity(o.cell.entity), lang), metric_name(metric, lang));
    if let Some(c) = o.cell.category {
        line.push_str(&format!(" ({})", category_name(d.category(c), lang)));
    }
    let value = DisplayUnit::of(&metric.unit).format_value(o.value, lang);
    format!("{line} · {}: {value}", time_text(d, &o.cell, lang))
}
