//! What a tooltip and the details card say about one figure: where it comes from, how it was
//! computed, how far it can be trusted, what else was reported for it.

use crate::data::query::{ShownFigure, scaled_unit, source_label};
use crate::data::{Cell, Dataset, Trust, ValueMode};
use crate::l10n::Lang;
use crate::l10n::period_label;
use crate::l10n::{category_name, entity_name, metric_name};
use crate::tr;

/// The facts about one shown figure, as lines of text in the chosen language.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Explanation {
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
    /// The workbook cell it was read from: "Cell: yearbook.xlsx, '2-15'!D7".
    pub origin: Option<String>,
    /// The quote (for the details card; tooltips leave it out).
    pub quote: Option<String>,
    /// Other reported values: "500 billion yuan — RSA consultancy blog (low trust)".
    pub alternatives: Vec<String>,
}

impl Explanation {
    /// The tooltip's lines, heading first, quote left out.
    pub(crate) fn tooltip_lines(&self) -> Vec<String> {
        let mut lines = vec![format!("{} — {}", self.heading, self.time), self.value.clone()];
        lines.extend(self.computed.clone());
        lines.extend(self.derived.clone());
        lines.push(self.trust.clone());
        lines.extend(self.source.clone());
        lines.extend(self.reported.clone());
        lines.extend(self.note.clone());
        lines.extend(self.origin.clone());
        lines.extend(self.alternatives.iter().cloned());
        lines
    }
}

fn time_text(d: &Dataset, cell: &Cell, lang: Lang) -> String {
    let period = period_label(d.period(cell.period), lang);
    let time = super::time_label(cell.time, lang);
    if period.is_empty() { time } else { format!("{time}, {period}") }
}

/// "high", "not rated": a trust level as a word.
pub(crate) fn trust_level(trust: Option<Trust>, lang: Lang) -> String {
    match trust {
        Some(Trust::High) => tr!(lang, "trust-high"),
        Some(Trust::Medium) => tr!(lang, "trust-medium"),
        Some(Trust::Low) => tr!(lang, "trust-low"),
        None => tr!(lang, "trust-not-rated"),
    }
}

/// Explains one figure of a chart: the value drawn, what it was computed from, its source.
pub(crate) fn explain(d: &Dataset, figure: &ShownFigure, lang: Lang) -> Explanation {
    let o = &d.observations[figure.observation];
    let metric = d.metric(o.cell.metric);
    let mut heading = format!("{} · {}", entity_name(d.entity(o.cell.entity), lang), metric_name(metric, lang));
    if let Some(c) = o.cell.category {
        heading.push_str(&format!(" ({})", category_name(d.category(c), lang)));
    }
    let (factor, stored_unit) = scaled_unit(&metric.unit, figure.unit_scale);
    let as_stored = |value: f64| super::format_value(d, &stored_unit, value * factor, lang);
    let value =
        figure.shown.map_or_else(|| tr!(lang, "explain-no-value"), |v| super::format_value(d, &figure.unit, v, lang));

    let computed = match figure.mode {
        ValueMode::Absolute => None,
        ValueMode::Index => Some(tr!(lang, "explain-figure", value = as_stored(o.value))),
        _ => figure.other.map(|j| {
            let b = &d.observations[j];
            let b_metric = d.metric(b.cell.metric);
            let (b_factor, b_unit) = scaled_unit(&b_metric.unit, figure.unit_scale);
            let b_label = format!(
                "{} {} {}",
                entity_name(d.entity(b.cell.entity), lang),
                metric_name(b_metric, lang),
                time_text(d, &b.cell, lang)
            );
            tr!(
                lang,
                "explain-computed-from",
                value = as_stored(o.value),
                other = b_label,
                other_value = super::format_value(d, &b_unit, b.value * b_factor, lang)
            )
        }),
    };
    let derived = o.derivation().map(|dv| tr!(lang, "explain-derived", formula = dv.formula.as_str()));
    let source = o.source.map(|s| d.source(s));
    let alternatives = o
        .alternatives()
        .iter()
        .map(|alt| {
            let who = alt.source.map(|s| source_label(d.source(s))).unwrap_or_default();
            let (value, trust) = (as_stored(alt.value), trust_level(alt.trust, lang));
            if alt.derivation.is_some() {
                tr!(lang, "explain-also-derived", value = value, source = who, trust = trust)
            } else {
                tr!(lang, "explain-also-reported", value = value, source = who, trust = trust)
            }
        })
        .collect();
    Explanation {
        heading,
        time: time_text(d, &o.cell, lang),
        value,
        computed,
        derived,
        trust: tr!(lang, "explain-trust", level = trust_level(o.trust, lang)),
        source: source.map(|s| tr!(lang, "explain-source", source = source_label(s), title = s.title.as_str())),
        source_url: source.map(|s| s.url.clone()).filter(|u| !u.is_empty()),
        reported: o
            .reported()
            .map(|r| tr!(lang, "explain-as-printed", value = r.value.to_string(), unit = r.unit.as_str())),
        note: o.note().map(|n| tr!(lang, "explain-note", note = n)),
        origin: d.origin_text(o).map(|cell| tr!(lang, "explain-origin", cell = cell)),
        quote: o.quote().map(|q| format!("“{q}”")),
        alternatives,
    }
}

/// A figure in one line: "Jinhua · Exports · 2025: 921.3 billion yuan".
pub(crate) fn figure_line(d: &Dataset, observation: usize, lang: Lang) -> String {
    let o = &d.observations[observation];
    let metric = d.metric(o.cell.metric);
    let mut line = format!("{} · {}", entity_name(d.entity(o.cell.entity), lang), metric_name(metric, lang));
    if let Some(c) = o.cell.category {
        line.push_str(&format!(" ({})", category_name(d.category(c), lang)));
    }
    let value = super::format_value(d, &crate::data::DisplayUnit::of(&metric.unit), o.value, lang);
    format!("{line} · {}: {value}", time_text(d, &o.cell, lang))
}
