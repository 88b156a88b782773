//! The app's own JSON format, version 1 (see `docs/dataset-format.md`).
//!
//! Parsing goes straight from bytes into typed structs (no `serde_json::Value` tree);
//! `serde_path_to_error` adds the JSON path to type errors, serde_json the line and column.

use std::path::Path;

use serde::Deserialize;

use super::build::{AlternativeInput, Builder, CellRef, DerivationInput, DetailsInput, ObservationInput, QuotePolicy};
use super::error::{LoadError, Problem, ProblemKind};
use super::model::*;
use super::text::{check_utf8, syntax_error};

/// The format version this build reads and writes.
pub const FORMAT_VERSION: i64 = 1;

#[derive(Deserialize)]
struct VersionProbe {
    format_version: Option<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDataset {
    #[allow(dead_code)] // checked by the probe first
    format_version: i64,
    title: String,
    #[serde(default)]
    description: String,
    title_zh: Option<String>,
    description_zh: Option<String>,
    #[serde(default)]
    sources: Vec<RawSource>,
    entities: Vec<RawEntity>,
    metrics: Vec<RawMetric>,
    #[serde(default)]
    categories: Vec<RawCategory>,
    #[serde(default)]
    observations: Vec<RawObservation>,
    default_selection: Option<RawSelection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSelection {
    #[serde(default)]
    entities: Vec<String>,
    #[serde(default)]
    metrics: Vec<String>,
}

/// The declarations of a dataset without its observations: the sidecar of a tidy CSV.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMetadata {
    #[allow(dead_code)]
    format_version: i64,
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    title_zh: Option<String>,
    description_zh: Option<String>,
    #[serde(default)]
    sources: Vec<RawSource>,
    #[serde(default)]
    entities: Vec<RawEntity>,
    #[serde(default)]
    metrics: Vec<RawMetric>,
    #[serde(default)]
    categories: Vec<RawCategory>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource {
    id: String,
    title: String,
    #[serde(default)]
    publisher: String,
    #[serde(default)]
    url: String,
    published: Option<String>,
    retrieved: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEntity {
    id: String,
    name: String,
    name_zh: Option<String>,
    #[serde(default)]
    kind: String,
    parent: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMetric {
    id: String,
    name: String,
    name_zh: Option<String>,
    unit: String,
    #[serde(default)]
    group: String,
    share_of: Option<String>,
    #[serde(default)]
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCategory {
    id: String,
    name: String,
    name_zh: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTimeRef {
    entity: String,
    metric: String,
    category: Option<String>,
    year: Option<i64>,
    date: Option<String>,
    period: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDerived {
    formula: String,
    #[serde(default)]
    inputs: Vec<RawTimeRef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAlternative {
    value: f64,
    source: Option<String>,
    quote: Option<String>,
    derived: Option<RawDerived>,
    trust: Option<Trust>,
    note: Option<String>,
    reported_value: Option<f64>,
    reported_unit: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawObservation {
    entity: String,
    metric: String,
    category: Option<String>,
    year: Option<i64>,
    date: Option<String>,
    period: Option<String>,
    value: f64,
    unit: Option<String>,
    source: String,
    quote: Option<String>,
    derived: Option<RawDerived>,
    trust: Trust,
    note: Option<String>,
    #[serde(default)]
    alternatives: Vec<RawAlternative>,
    reported_value: Option<f64>,
    reported_unit: Option<String>,
}

/// Resolves `year` / `date` into a [`Time`], or says which field is wrong.
fn time_of(year: Option<i64>, date: Option<&str>) -> Result<Time, (&'static str, ProblemKind)> {
    match (year, date) {
        (Some(_), Some(_)) => Err(("date", ProblemKind::BothYearAndDate)),
        (None, None) => Err(("year", ProblemKind::MissingTime)),
        (Some(year), None) => match i32::try_from(year) {
            Ok(year) => Ok(Time::Year(year)),
            Err(_) => Err(("year", ProblemKind::BadYear { text: year.to_string() })),
        },
        (None, Some(text)) => match Time::parse(text) {
            Some(time @ (Time::Month { .. } | Time::Day { .. })) => Ok(time),
            _ => Err(("date", ProblemKind::BadDate { text: text.to_string() })),
        },
    }
}

fn derivation(builder: &mut Builder, at: &str, raw: RawDerived) -> DerivationInput {
    let mut inputs = Vec::with_capacity(raw.inputs.len());
    for (k, input) in raw.inputs.into_iter().enumerate() {
        match time_of(input.year, input.date.as_deref()) {
            Ok(time) => inputs.push(CellRef {
                entity: input.entity,
                metric: input.metric,
                category: input.category,
                time,
                period: input.period,
            }),
            Err((field, kind)) => builder.problem(format!("{at}.inputs[{k}].{field}"), kind),
        }
    }
    DerivationInput { formula: raw.formula, inputs }
}

fn reported(value: Option<f64>, unit: Option<String>) -> Option<Reported> {
    Some(Reported { value: value?, unit: unit? })
}

/// Parses bytes into `T`, turning serde errors into located [`LoadError::Syntax`] errors.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(path: &Path, bytes: &[u8]) -> Result<T, LoadError> {
    let text = check_utf8(path, bytes)?;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let at = e.path().to_string();
        // serde_path_to_error says "." at the root and "?" where it lost track.
        let at = (at != "." && at != "?" && !at.ends_with(".?")).then_some(at);
        syntax_error(path, text, at, e.inner())
    })?;
    deserializer.end().map_err(|e| syntax_error(path, text, None, &e))?;
    Ok(value)
}

fn check_version(path: &Path, bytes: &[u8]) -> Result<(), LoadError> {
    let probe: VersionProbe = parse(path, bytes)?;
    let problem = match probe.format_version {
        Some(serde_json::Value::Number(n)) if n.as_i64() == Some(FORMAT_VERSION) => return Ok(()),
        Some(serde_json::Value::Number(n)) => ProblemKind::UnsupportedVersion { found: n.as_i64().unwrap_or(-1) },
        Some(other) => ProblemKind::NotANumber { text: other.to_string() },
        None => ProblemKind::MissingVersion,
    };
    let at = "format_version".to_string();
    Err(LoadError::Invalid { path: path.to_path_buf(), problems: vec![Problem { at, kind: problem }], more: 0 })
}

/// Declares the sources, entities, metrics and categories of a dataset or sidecar.
pub(crate) fn declare(
    builder: &mut Builder,
    sources: Vec<RawSource>,
    entities: Vec<RawEntity>,
    metrics: Vec<RawMetric>,
    categories: Vec<RawCategory>,
) {
    for (i, s) in sources.into_iter().enumerate() {
        let source = Source {
            id: s.id,
            title: s.title,
            publisher: s.publisher,
            url: s.url,
            published: s.published,
            retrieved: s.retrieved,
        };
        builder.add_source(&format!("sources[{i}]"), source);
    }
    for (i, e) in entities.into_iter().enumerate() {
        let entity = Entity { id: e.id, name: e.name, name_zh: e.name_zh, kind: e.kind, parent: None };
        builder.add_entity(&format!("entities[{i}]"), entity, e.parent);
    }
    for (i, m) in metrics.into_iter().enumerate() {
        let metric = Metric {
            id: m.id,
            name: m.name,
            name_zh: m.name_zh,
            unit: Unit::parse(&m.unit),
            group: m.group,
            share_of: m.share_of,
            description: m.description,
        };
        builder.add_metric(&format!("metrics[{i}]"), metric);
    }
    for (i, c) in categories.into_iter().enumerate() {
        builder.add_category(&format!("categories[{i}]"), Category { id: c.id, name: c.name, name_zh: c.name_zh });
    }
}

/// Reads the declarations of a CSV's sidecar file into a builder.
pub(crate) fn declare_metadata(builder: &mut Builder, path: &Path, bytes: &[u8]) -> Result<(), LoadError> {
    check_version(path, bytes)?;
    let meta: RawMetadata = parse(path, bytes)?;
    builder.describe(meta.title, meta.description, (meta.title_zh, meta.description_zh));
    declare(builder, meta.sources, meta.entities, meta.metrics, meta.categories);
    Ok(())
}

/// Loads a dataset in the app's JSON format with the default limits. `path` names the file in
/// messages.
pub fn load_json(path: &Path, bytes: &[u8]) -> Result<(Dataset, Vec<String>), LoadError> {
    load_json_with(path, bytes, &super::progress::Limits::default())
}

/// Loads a dataset in the app's JSON format.
pub fn load_json_with(
    path: &Path,
    bytes: &[u8],
    limits: &super::progress::Limits,
) -> Result<(Dataset, Vec<String>), LoadError> {
    check_version(path, bytes)?;
    let raw: RawDataset = parse(path, bytes)?;
    if raw.observations.len() as u64 > limits.rows {
        return Err(LoadError::TooManyRows { path: path.to_path_buf(), limit: limits.rows });
    }
    let mut builder = Builder::new(
        |i, field| {
            if field.is_empty() { format!("observations[{i}]") } else { format!("observations[{i}].{field}") }
        },
        QuotePolicy::Required,
    )
    .limits(limits);
    builder.describe(raw.title, raw.description, (raw.title_zh, raw.description_zh));
    declare(&mut builder, raw.sources, raw.entities, raw.metrics, raw.categories);
    if let Some(selection) = raw.default_selection {
        builder.default_selection(selection.entities, selection.metrics);
    }

    for (i, o) in raw.observations.into_iter().enumerate() {
        let at = format!("observations[{i}]");
        let time = match time_of(o.year, o.date.as_deref()) {
            Ok(time) => time,
            Err((field, kind)) => {
                builder.problem(format!("{at}.{field}"), kind);
                continue;
            }
        };
        let derived = o.derived.map(|d| derivation(&mut builder, &format!("{at}.derived"), d));
        let alternatives = o
            .alternatives
            .into_iter()
            .enumerate()
            .map(|(k, a)| AlternativeInput {
                value: a.value,
                source: a.source,
                quote: a.quote,
                derived: a.derived.map(|d| derivation(&mut builder, &format!("{at}.alternatives[{k}].derived"), d)),
                trust: a.trust,
                note: a.note,
                reported: reported(a.reported_value, a.reported_unit),
            })
            .collect();
        let details = DetailsInput {
            quote: o.quote,
            derived,
            note: o.note,
            alternatives,
            reported: reported(o.reported_value, o.reported_unit),
        };
        builder.add_observation(
            i,
            ObservationInput {
                entity: &o.entity,
                metric: &o.metric,
                category: o.category.as_deref(),
                time,
                period: o.period.as_deref(),
                value: o.value,
                unit: o.unit.as_deref(),
                source: Some(&o.source),
                trust: Some(o.trust),
                details: Some(details),
            },
        );
    }
    builder.finish().map_err(|(problems, more)| LoadError::Invalid { path: path.to_path_buf(), problems, more })
}
