//! The app's own JSON format, version 1 (see `docs/dataset-format.md`).
//!
//! Parsing goes straight from bytes into typed structs (no `serde_json::Value` tree);
//! `serde_path_to_error` adds the JSON path to type errors, serde_json the line and column.

use std::cell::Cell;
use std::fmt;
use std::path::Path;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::build::{AlternativeInput, Builder, CellRef, DerivationInput, DetailsInput, ObservationInput, QuotePolicy};
use super::error::{LoadError, Place, Problem, ProblemKind, SyntaxError, Warning};
use super::model::*;
use super::text::{check_utf8, syntax_error};

/// The format version this build reads and writes.
pub(crate) const FORMAT_VERSION: i64 = 1;

/// The fields of a dataset file, in the order docs/dataset-format.md lists them.
const DATASET_FIELDS: &[&str] = &[
    "format_version",
    "title",
    "description",
    "title_zh",
    "description_zh",
    "sources",
    "entities",
    "metrics",
    "categories",
    "observations",
    "default_selection",
];

/// The fields of a tidy CSV's sidecar: a dataset's declarations, without figures (the first nine).
const SIDECAR_FIELDS: &[&str] = DATASET_FIELDS.split_at(9).0;

/// The top level of a JSON file, read in one pass: a dataset or a sidecar (`format_version`),
/// or a data package (`resources` and no `format_version`).
#[derive(Default)]
struct TopLevel {
    version: Option<serde_json::Value>,
    title: Option<String>,
    description: String,
    title_zh: Option<String>,
    description_zh: Option<String>,
    sources: Vec<RawSource>,
    entities: Option<Vec<RawEntity>>,
    metrics: Option<Vec<RawMetric>>,
    categories: Vec<RawCategory>,
    observations: Vec<RawObservation>,
    default_selection: Option<RawSelection>,
    /// A key of neither format, met before `format_version` said which format this is.
    unknown: Option<String>,
    /// A `resources` key: a data package, if there is no `format_version`.
    resources: bool,
}

/// How to read a top level: as a dataset or a sidecar, with the row limit. The cells tell the
/// caller what the reading saw when it stops with an error.
#[derive(Clone, Copy)]
struct TopLevelSeed<'a> {
    sidecar: bool,
    rows: u64,
    /// Set when there were more observations than `rows`.
    over_limit: &'a Cell<bool>,
    /// Set when a `format_version` key was read.
    saw_version: &'a Cell<bool>,
}

impl<'de> DeserializeSeed<'de> for TopLevelSeed<'_> {
    type Value = TopLevel;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<TopLevel, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TopLevelSeed<'_> {
    type Value = TopLevel;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopLevel, A::Error> {
        let fields = if self.sidecar { SIDECAR_FIELDS } else { DATASET_FIELDS };
        let mut top = TopLevel::default();
        let mut seen = [false; DATASET_FIELDS.len()];
        while let Some(key) = map.next_key::<String>()? {
            // A file of another version is judged by that version's rules, not these.
            if top.version.as_ref().is_some_and(|v| !is_current(v)) {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let Some(index) = fields.iter().position(|f| *f == key) else {
                match &top.version {
                    Some(_) => return Err(de::Error::unknown_field(&key, fields)),
                    None if key == "resources" => top.resources = true,
                    None => {
                        top.unknown.get_or_insert(key);
                    }
                }
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            if std::mem::replace(&mut seen[index], true) {
                return Err(de::Error::duplicate_field(fields[index]));
            }
            match fields[index] {
                "format_version" => {
                    self.saw_version.set(true);
                    top.version = Some(map.next_value()?);
                }
                "title" => top.title = Some(map.next_value()?),
                "description" => top.description = map.next_value()?,
                "title_zh" => top.title_zh = map.next_value()?,
                "description_zh" => top.description_zh = map.next_value()?,
                "sources" => top.sources = map.next_value()?,
                "entities" => top.entities = Some(map.next_value()?),
                "metrics" => top.metrics = Some(map.next_value()?),
                "categories" => top.categories = map.next_value()?,
                "observations" => {
                    top.observations =
                        map.next_value_seed(Observations { rows: self.rows, over_limit: self.over_limit })?
                }
                _ => top.default_selection = map.next_value()?,
            }
        }
        if !self.sidecar && top.version.as_ref().is_some_and(is_current) {
            for (field, present) in [
                ("title", top.title.is_some()),
                ("entities", top.entities.is_some()),
                ("metrics", top.metrics.is_some()),
            ] {
                if !present {
                    return Err(de::Error::missing_field(field));
                }
            }
        }
        Ok(top)
    }
}

/// The observations of a dataset, refused as soon as there are more than `rows`: a file of a
/// hundred million observations is never read into memory whole.
struct Observations<'a> {
    rows: u64,
    over_limit: &'a Cell<bool>,
}

impl<'de> DeserializeSeed<'de> for Observations<'_> {
    type Value = Vec<RawObservation>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<RawObservation>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Observations<'_> {
    type Value = Vec<RawObservation>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of observations")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<RawObservation>, A::Error> {
        let mut observations = Vec::new();
        while let Some(o) = seq.next_element()? {
            if observations.len() as u64 >= self.rows {
                self.over_limit.set(true);
                return Err(de::Error::custom("more observations than the row limit"));
            }
            observations.push(o);
        }
        Ok(observations)
    }
}

/// Whether a `format_version` value is the one this build reads.
fn is_current(version: &serde_json::Value) -> bool {
    version.as_i64() == Some(FORMAT_VERSION)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSelection {
    #[serde(default)]
    entities: Vec<String>,
    #[serde(default)]
    metrics: Vec<String>,
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
    dimension: Option<String>,
    #[serde(default)]
    overlaps: Vec<String>,
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
            Some(time @ (Time::Month(_) | Time::Day(_))) => Ok(time),
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
    parse_seed(path, bytes, std::marker::PhantomData::<T>)
}

/// Like [`parse`], for a value read with a seed. The file is read without keeping track of
/// where the reading is (which costs more than the reading), and read again with it only when
/// it fails, for the message to name the place.
fn parse_seed<'de, S: DeserializeSeed<'de> + Copy>(
    path: &Path,
    bytes: &'de [u8],
    seed: S,
) -> Result<S::Value, LoadError> {
    let text = check_utf8(path, bytes)?;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    if let Ok(value) = seed.deserialize(&mut deserializer)
        && deserializer.end().is_ok()
    {
        return Ok(value);
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let mut track = serde_path_to_error::Track::new();
    let value =
        seed.deserialize(serde_path_to_error::Deserializer::new(&mut deserializer, &mut track)).map_err(|e| {
            let at = track.path().to_string();
            // serde_path_to_error says "." at the root and "?" where it lost track: keep what it knew.
            let at = at.trim_end_matches(".?");
            let at = (!at.is_empty() && at != "." && at != "?").then(|| at.to_string());
            syntax_error(path, text, at, &e)
        })?;
    deserializer.end().map_err(|e| syntax_error(path, text, None, &e))?;
    Ok(value)
}

/// What a JSON file turned out to be.
pub(crate) enum JsonFile {
    /// A dataset in the app's format, with its warnings (boxed: a dataset is far larger than a
    /// package's description).
    Dataset(Box<(Dataset, Vec<Warning>)>),
    /// A data package (Frictionless), to be opened with the CSV it describes.
    Package(super::owid::PackageInfo),
}

/// Reads the top level of a dataset or a sidecar in one pass, checking its version.
fn read_top_level(path: &Path, bytes: &[u8], sidecar: bool, rows: u64) -> Result<TopLevel, LoadError> {
    let (over_limit, saw_version) = (Cell::new(false), Cell::new(false));
    let seed = TopLevelSeed { sidecar, rows, over_limit: &over_limit, saw_version: &saw_version };
    match parse_seed(path, bytes, seed) {
        Ok(top) => check_top_level(path, top, sidecar),
        Err(_) if over_limit.get() => Err(LoadError::TooManyRows { path: path.to_path_buf(), limit: rows }),
        Err(e) => Err(e),
    }
}

/// Refuses a top level of another version, without one, or with a key the format does not know.
fn check_top_level(path: &Path, top: TopLevel, sidecar: bool) -> Result<TopLevel, LoadError> {
    let problem = match &top.version {
        Some(v) if is_current(v) => None,
        Some(serde_json::Value::Number(n)) => Some(ProblemKind::UnsupportedVersion { found: n.as_i64().unwrap_or(-1) }),
        Some(other) => Some(ProblemKind::NotANumber { text: other.to_string() }),
        None => Some(ProblemKind::MissingVersion),
    };
    if let Some(kind) = problem {
        let problems = vec![Problem { at: "format_version".into(), kind }];
        return Err(LoadError::Invalid { path: path.to_path_buf(), problems, more: 0 });
    }
    if let Some(key) = &top.unknown {
        let fields = if sidecar { SIDECAR_FIELDS } else { DATASET_FIELDS };
        let what = SyntaxError::UnknownField { key: key.clone(), expected: fields.to_vec() };
        return Err(LoadError::Syntax { path: path.to_path_buf(), line: 1, column: 1, what });
    }
    Ok(top)
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
        builder.add_source(&Place::from(format!("sources[{i}]")), source);
    }
    for (i, e) in entities.into_iter().enumerate() {
        let entity =
            Entity { id: e.id, name: e.name, name_zh: e.name_zh, kind: e.kind, parent: None, aggregate: false };
        builder.add_entity(&Place::from(format!("entities[{i}]")), entity, e.parent);
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
        builder.add_metric(&Place::from(format!("metrics[{i}]")), metric);
    }
    for (i, c) in categories.into_iter().enumerate() {
        let category = Category { dimension: c.dimension, ..Category::plain(c.id, c.name, c.name_zh) };
        builder.add_category_overlapping(&Place::from(format!("categories[{i}]")), category, c.overlaps);
    }
}

/// Reads the declarations of a CSV's sidecar file into a builder.
pub(crate) fn declare_metadata(builder: &mut Builder, path: &Path, bytes: &[u8]) -> Result<(), LoadError> {
    let meta = read_top_level(path, bytes, true, 0)?;
    builder.describe(meta.title.unwrap_or_default(), meta.description, (meta.title_zh, meta.description_zh));
    let (entities, metrics) = (meta.entities.unwrap_or_default(), meta.metrics.unwrap_or_default());
    declare(builder, meta.sources, entities, metrics, meta.categories);
    Ok(())
}

/// Loads a dataset in the app's JSON format with the default limits. `path` names the file in
/// messages.
pub fn load_json(path: &Path, bytes: &[u8]) -> Result<(Dataset, Vec<Warning>), LoadError> {
    load_json_with(path, bytes, &super::progress::Limits::default())
}

/// Loads a dataset in the app's JSON format.
pub(crate) fn load_json_with(
    path: &Path,
    bytes: &[u8],
    limits: &super::progress::Limits,
) -> Result<(Dataset, Vec<Warning>), LoadError> {
    build_dataset(path, read_top_level(path, bytes, false, limits.rows)?, limits)
}

/// Reads a JSON file that is a dataset or a data package, parsing it once; a package whose
/// sources have another shape than a dataset's is recognised only when they fail, and read again.
pub(crate) fn read_json(path: &Path, bytes: &[u8], limits: &super::progress::Limits) -> Result<JsonFile, LoadError> {
    let (over_limit, saw_version) = (Cell::new(false), Cell::new(false));
    let seed = TopLevelSeed { sidecar: false, rows: limits.rows, over_limit: &over_limit, saw_version: &saw_version };
    let package = || super::owid::parse_package(path, bytes).map(JsonFile::Package);
    match parse_seed(path, bytes, seed) {
        Ok(top) if top.version.is_none() && top.resources => package(),
        Ok(top) => {
            let (dataset, warnings) = build_dataset(path, check_top_level(path, top, false)?, limits)?;
            Ok(JsonFile::Dataset(Box::new((dataset, warnings))))
        }
        Err(_) if over_limit.get() => Err(LoadError::TooManyRows { path: path.to_path_buf(), limit: limits.rows }),
        Err(e) if !saw_version.get() => package().map_err(|_| e),
        Err(e) => Err(e),
    }
}

/// Builds and validates a dataset from its top level.
fn build_dataset(
    path: &Path,
    raw: TopLevel,
    limits: &super::progress::Limits,
) -> Result<(Dataset, Vec<Warning>), LoadError> {
    // The reading refused a dataset without these.
    let (title, entities, metrics) =
        (raw.title.unwrap_or_default(), raw.entities.unwrap_or_default(), raw.metrics.unwrap_or_default());
    let mut builder = Builder::new(
        |i, field| {
            Place::Path(if field.is_empty() {
                format!("observations[{i}]")
            } else {
                format!("observations[{i}].{field}")
            })
        },
        QuotePolicy::Required,
    )
    .limits(limits);
    builder.describe(title, raw.description, (raw.title_zh, raw.description_zh));
    declare(&mut builder, raw.sources, entities, metrics, raw.categories);
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
                origin: None,
            },
        );
    }
    builder.finish().map_err(|(problems, more)| LoadError::Invalid { path: path.to_path_buf(), problems, more })
}
