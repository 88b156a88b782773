//! Our World in Data's CSV: `Entity, [Code,] Year` (or `Day`, ISO dates), then one column per
//! indicator, empty cells for missing values. A Frictionless Data Package
//! (`datapackage.json`) beside the CSV, or opened itself, gives the title, the sources and each
//! indicator's description and unit.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::build::{Builder, ObservationInput, QuotePolicy};
use super::cells::{CellValue, ColumnKind, Decimals, SkippedCells, column_kind, read_cell};
use super::csv::{Records, Rest, count_row, locate_row, slug};
use super::error::{LoadError, Place, Problem, ProblemKind, Warning};
use super::model::*;
use super::owid_text::TextColumn;
use super::progress::Progress;
use super::text::check_utf8;

/// The name of a package file beside a CSV.
pub(crate) const DATAPACKAGE: &str = "datapackage.json";

#[derive(Debug, Default, Deserialize)]
struct RawPackage {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    sources: Vec<RawSource>,
    #[serde(default)]
    resources: Vec<RawResource>,
}

#[derive(Debug, Default, Deserialize)]
struct RawSource {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    path: Option<String>,
    #[serde(default, alias = "link")]
    url: Option<String>,
    #[serde(default, alias = "dataPublishedBy")]
    publisher: Option<String>,
    #[serde(default, alias = "dateRetrieved", alias = "retrievedDate", alias = "date_accessed", alias = "retrieved")]
    retrieved: Option<String>,
    #[serde(default, alias = "datePublished", alias = "published")]
    published: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct RawResource {
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    schema: Option<RawSchema>,
    #[serde(default)]
    sources: Vec<RawSource>,
}

#[derive(Debug, Default, Deserialize)]
struct RawSchema {
    #[serde(default)]
    fields: Vec<RawField>,
}

#[derive(Debug, Default, Deserialize)]
struct RawField {
    name: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default, rename = "type")]
    kind: Option<String>,
}

/// What a data package says about one column.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldInfo {
    /// A readable name.
    pub title: Option<String>,
    /// What the column measures.
    pub description: Option<String>,
    /// Its unit.
    pub unit: Option<String>,
    /// Its declared type ("number", "string", "any"…), as the package writes it.
    pub kind: Option<String>,
    /// Its source, by place in [`PackageInfo::sources`]; the first source when `None`.
    pub source: Option<usize>,
}

/// What a data package says about one CSV.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PackageInfo {
    /// The package's title.
    pub title: Option<String>,
    /// The package's description.
    pub description: Option<String>,
    /// Its sources.
    pub sources: Vec<Source>,
    /// Per column name: what the package says about it.
    pub fields: HashMap<String, FieldInfo>,
    /// The CSV files the package describes, relative to it.
    pub resources: Vec<String>,
    /// The places to show first, by name (a downloaded chart's selection).
    pub selection: Vec<String>,
}

fn source_of(raw: &RawSource, index: usize) -> Source {
    let title = raw.title.clone().or_else(|| raw.name.clone()).unwrap_or_else(|| format!("Source {}", index + 1));
    Source {
        id: format!("source-{}", index + 1),
        publisher: raw.publisher.clone().unwrap_or_else(|| title.clone()),
        title,
        url: raw.path.clone().or_else(|| raw.url.clone()).unwrap_or_default(),
        published: raw.published.clone(),
        retrieved: raw.retrieved.clone(),
    }
}

/// Reads a `datapackage.json`.
pub fn parse_package(path: &Path, bytes: &[u8]) -> Result<PackageInfo, LoadError> {
    let raw: RawPackage = super::json::parse(path, bytes)?;
    let mut info =
        PackageInfo { title: raw.title.or(raw.name), description: raw.description, ..PackageInfo::default() };
    let mut raw_sources: Vec<&RawSource> = raw.sources.iter().collect();
    for resource in &raw.resources {
        raw_sources.extend(resource.sources.iter());
        if let Some(p) = &resource.path {
            info.resources.push(p.clone());
        }
        for field in resource.schema.iter().flat_map(|s| s.fields.iter()) {
            let about = FieldInfo {
                title: field.title.clone(),
                description: field.description.clone(),
                unit: field.unit.clone(),
                kind: field.kind.clone(),
                source: None,
            };
            info.fields.insert(field.name.clone(), about);
        }
    }
    info.sources = raw_sources.iter().enumerate().map(|(i, s)| source_of(s, i)).collect();
    if info.resources.is_empty() {
        return Err(LoadError::NoResources { path: path.to_path_buf() });
    }
    Ok(info)
}

/// The CSV a package describes, resolved next to the package file; the first CSV resource.
pub(crate) fn package_csv(package_path: &Path, info: &PackageInfo) -> Option<PathBuf> {
    let folder = package_path.parent().unwrap_or(Path::new("."));
    info.resources.iter().find(|r| r.to_ascii_lowercase().ends_with(".csv")).map(|r| folder.join(r))
}

/// The time column of an OWID table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TimeColumn {
    Year,
    Day,
}

/// The layout of an OWID header: where the entity, code and time are, and which columns hold
/// indicators.
pub(super) struct Layout {
    pub entity: usize,
    pub code: Option<usize>,
    pub time: (usize, TimeColumn),
    pub indicators: Vec<usize>,
}

fn layout(header: &csv::StringRecord) -> Option<Layout> {
    let names: Vec<String> = header.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    let entity = names.iter().position(|n| n == "entity" || n == "country")?;
    let code = names.iter().position(|n| n == "code");
    let time = names
        .iter()
        .position(|n| n == "year")
        .map(|i| (i, TimeColumn::Year))
        .or_else(|| names.iter().position(|n| n == "day" || n == "date").map(|i| (i, TimeColumn::Day)))?;
    let indicators = (0..names.len()).filter(|&i| i != entity && Some(i) != code && i != time.0).collect();
    Some(Layout { entity, code, time, indicators })
}

/// Whether an OWID `Code` marks a sum of places: the World (`OWID_WRL`), or no code at all
/// (continents, income groups and other regions have none). Countries have their ISO code;
/// places without one, such as Kosovo (`OWID_KOS`) or the USSR (`OWID_USS`), keep an `OWID_`
/// code of their own and stay places.
fn is_aggregate_code(code: &str) -> bool {
    code.is_empty() || code == "OWID_WRL"
}

/// For a file without a `Code` column: whether a name is one of Our World in Data's
/// aggregates — the World, the continents, the European Union, income groups, and regions by
/// another organisation's definition ("Africa (FAO)", "Asia (excl. China and India)").
fn is_aggregate_name(name: &str) -> bool {
    const NAMES: [&str; 16] = [
        "world",
        "africa",
        "asia",
        "europe",
        "north america",
        "south america",
        "oceania",
        "antarctica",
        "americas",
        "european union",
        "european union (27)",
        "latin america and the caribbean",
        "middle east and north africa",
        "sub-saharan africa",
        "east asia and pacific",
        "europe and central asia",
    ];
    const DEFINED_BY: [&str; 12] =
        ["fao", "who", "wb", "un", "unsd", "ei", "bp", "gcp", "ember", "iea", "eia", "shift"];
    let lower = name.trim().to_lowercase();
    let by_another = lower
        .strip_suffix(')')
        .and_then(|l| l.rsplit_once(" ("))
        .is_some_and(|(_, by)| DEFINED_BY.contains(&by) || by.starts_with("excl."));
    NAMES.contains(&lower.as_str()) || lower.ends_with("income countries") || by_another
}

/// Whether a CSV header is Our World in Data's shape.
pub(crate) fn is_owid_header(header: &csv::StringRecord) -> bool {
    let names: Vec<String> = header.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    // A `metric` column makes it the tidy format, even when other tidy columns are missing.
    !names.iter().any(|n| n == "metric") && layout(header).is_some()
}

/// The data package that goes with an OWID CSV.
#[derive(Debug, Clone, Copy)]
pub enum PackageFor<'a> {
    /// There is none beside the CSV.
    Missing,
    /// The one beside the CSV describes other files only: their names.
    OtherFiles(&'a [String]),
    /// It describes this CSV.
    This(&'a PackageInfo),
}

impl<'a> PackageFor<'a> {
    /// What the package says of this CSV, if it describes it.
    pub(crate) fn info(self) -> Option<&'a PackageInfo> {
        match self {
            PackageFor::This(info) => Some(info),
            _ => None,
        }
    }
}

/// Loads an OWID-shaped CSV, with its package's metadata when there is one.
pub fn load_owid_csv(
    path: &Path,
    bytes: &[u8],
    package: PackageFor<'_>,
    progress: &Progress,
) -> Result<(Dataset, Vec<Warning>), LoadError> {
    let text = check_utf8(path, bytes)?;
    let delimiter = super::csv::sniff_delimiter(text.as_bytes());
    let mut records = Records::new(path, text.as_bytes(), delimiter, Rest::Bytes(text.as_bytes()))?;
    let (dataset, mut warnings) = load_owid_records(&mut records, package, progress)?;
    records.finish()?;
    warnings.extend(super::csv::delimiter_warning(delimiter));
    Ok((dataset, warnings))
}

/// Loads the rows of an OWID CSV from a reader whose header has been read.
pub(crate) fn load_owid_records<R: std::io::Read>(
    records: &mut Records<'_, R>,
    package_for: PackageFor<'_>,
    progress: &Progress,
) -> Result<(Dataset, Vec<Warning>), LoadError> {
    let path = records.path;
    let header = &records.header().clone();
    let (mut builder, layout, source) = owid_setup(path, header, package_for, progress)?;
    // The first rows tell columns of numbers from columns of text (regions, flags, notes).
    let mut sample = Vec::new();
    while sample.len() < SAMPLE_ROWS {
        let mut record = csv::StringRecord::new();
        if !records.read(&mut record)? {
            break;
        }
        sample.push(record);
    }
    let decimals = if records.decimal_comma() { Decimals::Comma } else { Decimals::Point };
    let mut rows =
        owid_rows(&mut builder, header, (layout, package_for.info(), source.as_deref()), (&sample, decimals));
    let mut row = 0usize;
    for record in &sample {
        rows.read(&mut builder, record, row);
        row += 1;
        count_row(path, progress, row, record)?;
    }
    drop(sample);
    let mut record = csv::StringRecord::new();
    while records.read(&mut record)? {
        rows.read(&mut builder, &record, row);
        row += 1;
        // Every row counts, also one that was refused: the row limit, progress and Cancel hold
        // for a file of nothing but bad rows too.
        count_row(path, progress, row, &record)?;
    }
    owid_finish(path, builder, rows, (package_for.info(), source.as_deref()))
}

/// An OWID table's builder, with its title and sources declared, and its layout.
pub(super) fn owid_setup(
    path: &Path,
    header: &csv::StringRecord,
    package_for: PackageFor<'_>,
    progress: &Progress,
) -> Result<(Builder, Layout, Option<String>), LoadError> {
    let package = package_for.info();
    let Some(layout) = layout(header) else {
        let problem = Problem {
            at: Place::Header,
            kind: ProblemKind::MissingColumn {
                column: "Entity, Year".into(),
                found: header.iter().collect::<Vec<_>>().join(", "),
            },
        };
        return Err(LoadError::Invalid { path: path.to_path_buf(), problems: vec![problem], more: 0 });
    };
    super::csv::check_columns(path, header, &progress.limits)?;
    let mut builder = Builder::new(locate_row, QuotePolicy::NotExpected).limits(&progress.limits).historical();
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    builder.describe(
        package.and_then(|p| p.title.clone()).unwrap_or(stem),
        package.and_then(|p| p.description.clone()).unwrap_or_default(),
        (None, None),
    );
    let source = declare_sources(&mut builder, package_for, path);
    Ok((builder, layout, source))
}

/// What reading an OWID table's rows needs, its metrics declared from the `sample` rows.
pub(super) fn owid_rows<'h>(
    builder: &mut Builder,
    header: &'h csv::StringRecord,
    (layout, package, source): (Layout, Option<&PackageInfo>, Option<&str>),
    (sample, decimals): (&[csv::StringRecord], Decimals),
) -> OwidRows<'h> {
    let columns = Columns { header, layout: &layout, package, source };
    let (indicators, text) = declare_metrics(builder, &columns, sample, decimals);
    OwidRows {
        header,
        time_name: header.get(layout.time.0).unwrap_or("Year").trim().to_string(),
        layout,
        counting: indicators.iter().all(Option::is_none),
        indicators,
        text,
        entity_ids: HashMap::new(),
        used_entity_ids: HashSet::new(),
        skipped: SkippedCells::default(),
        decimals,
    }
}

/// The dataset, once every row is read: skipped cells and columns of text become warnings
/// and attributes, a downloaded chart's places the default selection.
pub(super) fn owid_finish(
    path: &Path,
    mut builder: Builder,
    mut rows: OwidRows<'_>,
    (package, source): (Option<&PackageInfo>, Option<&str>),
) -> Result<(Dataset, Vec<Warning>), LoadError> {
    for warning in std::mem::take(&mut rows.skipped).warnings() {
        builder.warn(warning);
    }
    let text = std::mem::take(&mut rows.text);
    if rows.counting {
        super::owid_text::count_places(&mut builder, text, source);
    } else {
        let ids: rustc_hash::FxHashMap<String, String> =
            rows.entity_ids.iter().map(|(name, id)| (name.clone(), id.clone())).collect();
        super::owid_text::keep_attributes(&mut builder, &text, &ids);
    }
    // The places a downloaded chart shows first, those of them the file has.
    let selection: Vec<String> = package
        .map(|p| p.selection.iter().filter_map(|name| rows.entity_ids.get(name.trim()).cloned()).collect())
        .unwrap_or_default();
    if !selection.is_empty() {
        builder.default_selection(selection, rows.indicators.iter().flatten().map(|i| i.metric.clone()).collect());
    }
    builder.finish().map_err(|(problems, more)| LoadError::Invalid { path: path.to_path_buf(), problems, more })
}

/// Declares the package's sources, or warns that the figures have none; returns the first's id.
fn declare_sources(builder: &mut Builder, package_for: PackageFor<'_>, path: &Path) -> Option<String> {
    match package_for.info().map(|p| p.sources.as_slice()).unwrap_or_default() {
        [] => {
            builder.warn(match package_for {
                PackageFor::This(_) => Warning::PackageWithoutSources,
                PackageFor::Missing => Warning::NoDatapackage,
                PackageFor::OtherFiles(files) => Warning::PackageForOtherFiles {
                    files: files.to_vec(),
                    csv: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                },
            });
            None
        }
        sources => {
            for (i, s) in sources.iter().enumerate() {
                builder.add_source(&Place::from(format!("sources[{i}]")), s.clone());
            }
            Some(sources[0].id.clone())
        }
    }
}

/// How many rows decide whether a column holds numbers or text.
pub(super) const SAMPLE_ROWS: usize = 1000;

/// What declaring an OWID table's metrics reads: its header and layout, what describes it, and
/// the source of a column that names none of its own.
struct Columns<'a> {
    header: &'a csv::StringRecord,
    layout: &'a Layout,
    package: Option<&'a PackageInfo>,
    source: Option<&'a str>,
}

/// A column of numbers: its metric and its source.
pub(super) struct Indicator {
    pub metric: String,
    pub source: Option<String>,
}

/// One metric per column of numbers, by indicator (`None` for a column of text), with the
/// column's own source (a downloaded chart cites each indicator) or else the package's first;
/// and the columns of text, to be read as the rows are.
fn declare_metrics(
    builder: &mut Builder,
    columns: &Columns<'_>,
    sample: &[csv::StringRecord],
    decimals: Decimals,
) -> (Vec<Option<Indicator>>, Vec<TextColumn>) {
    let Columns { header, layout, package, source } = *columns;
    let mut indicators: Vec<Option<Indicator>> = Vec::with_capacity(layout.indicators.len());
    let mut text_columns = Vec::new();
    for &column in &layout.indicators {
        let name = header.get(column).unwrap_or_default().trim().to_string();
        let FieldInfo { title, description, unit, kind, source: own_source } =
            package.and_then(|p| p.fields.get(&name)).cloned().unwrap_or_default();
        let cells = sample.iter().map(|r| r.get(column).unwrap_or_default());
        let percent = match column_kind(kind.as_deref(), cells, decimals) {
            ColumnKind::Text => {
                text_columns.push((column, name, (title, description)));
                indicators.push(None);
                continue;
            }
            ColumnKind::Numbers { percent } => percent,
        };
        let unit = unit.filter(|u| !u.trim().is_empty()).or_else(|| percent.then(|| "%".to_string()));
        let mut id = slug(&name);
        let mut n = 2;
        while indicators.iter().flatten().any(|i| i.metric == id) {
            id = format!("{}_{n}", slug(&name));
            n += 1;
        }
        builder.add_metric(
            &Place::HeaderColumn(name.clone()),
            Metric {
                id: id.clone(),
                name: title.unwrap_or(name),
                name_zh: None,
                unit: Unit::parse(unit.as_deref().unwrap_or("")),
                group: String::new(),
                share_of: None,
                description: description.unwrap_or_default(),
            },
        );
        let own = own_source.and_then(|i| package?.sources.get(i)).map(|s| s.id.as_str());
        indicators.push(Some(Indicator { metric: id, source: own.or(source).map(str::to_string) }));
    }
    // Places in a table of nothing but text are counted per value and time.
    let count = indicators.iter().all(Option::is_none);
    let text =
        text_columns.into_iter().map(|(index, name, about)| TextColumn::new(index, name, about, count)).collect();
    (indicators, text)
}

/// What reading the rows of an OWID table needs, beside the builder.
pub(super) struct OwidRows<'h> {
    pub header: &'h csv::StringRecord,
    pub layout: Layout,
    pub time_name: String,
    /// Per indicator column, its metric and source; `None` for a column of text.
    pub indicators: Vec<Option<Indicator>>,
    /// The columns of text.
    pub text: Vec<TextColumn>,
    /// Whether the table is nothing but text, whose places are counted, not declared.
    pub counting: bool,
    /// Entity id by the name in the file.
    entity_ids: HashMap<String, String>,
    /// The ids given out, so that a new name's id is checked in constant time.
    used_entity_ids: HashSet<String>,
    /// The cells of columns of numbers that are not numbers.
    pub skipped: SkippedCells,
    pub decimals: Decimals,
}

impl OwidRows<'_> {
    /// Reads one row's figures into the builder, or records what is wrong with it.
    pub(super) fn read(&mut self, builder: &mut Builder, record: &csv::StringRecord, row: usize) {
        let entity_name = record.get(self.layout.entity).unwrap_or_default().trim();
        let time_text = record.get(self.layout.time.0).unwrap_or_default().trim();
        let time = match self.layout.time.1 {
            TimeColumn::Year => time_text.parse::<i32>().ok().map(Time::Year),
            TimeColumn::Day => Time::parse(time_text).filter(|t| !matches!(t, Time::Year(_))),
        };
        let Some(time) = time else {
            let kind = match self.layout.time.1 {
                TimeColumn::Year => ProblemKind::BadYear { text: time_text.into() },
                TimeColumn::Day => ProblemKind::BadDate { text: time_text.into() },
            };
            builder.problem(locate_row(row, &self.time_name), kind);
            return;
        };
        if entity_name.is_empty() {
            builder.problem(locate_row(row, "Entity"), ProblemKind::EmptyText);
            return;
        }
        for column in &mut self.text {
            column.read(record, (entity_name, time), row);
        }
        if self.counting {
            return;
        }
        let code = self.layout.code.map(|c| record.get(c).unwrap_or_default().trim());
        let entity =
            Self::entity_id(&mut self.entity_ids, &mut self.used_entity_ids, builder, (entity_name, code), row);
        for (k, &column) in self.layout.indicators.iter().enumerate() {
            let Some(Indicator { metric, source }) = &self.indicators[k] else { continue };
            let cell = record.get(column).unwrap_or_default();
            let value = match read_cell(cell, self.decimals) {
                CellValue::Missing => continue,
                CellValue::Number(v) | CellValue::Percent(v) => v,
                CellValue::Text => {
                    self.skipped.skip(self.header.get(column).unwrap_or_default().trim(), row, cell);
                    continue;
                }
            };
            builder.add_observation(row, ObservationInput::plain(entity, metric, time, value, source.as_deref()));
        }
    }

    /// The id of the entity named `name` (with `code`), declared on its first row.
    pub(super) fn declared_entity(
        &mut self,
        builder: &mut Builder,
        name_and_code: (&str, Option<&str>),
        row: usize,
    ) -> String {
        Self::entity_id(&mut self.entity_ids, &mut self.used_entity_ids, builder, name_and_code, row).to_string()
    }

    /// The id of the entity named `name`, declared on its first row.
    fn entity_id<'a>(
        ids: &'a mut HashMap<String, String>,
        used: &mut HashSet<String>,
        builder: &mut Builder,
        (name, code): (&str, Option<&str>),
        row: usize,
    ) -> &'a str {
        if !ids.contains_key(name) {
            let base = slug(name);
            let mut id = base.clone();
            let mut n = 2;
            while used.contains(&id) {
                id = format!("{base}_{n}");
                n += 1;
            }
            let aggregate = match code {
                Some(code) => is_aggregate_code(code),
                None => is_aggregate_name(name),
            };
            let entity = Entity {
                id: id.clone(),
                name: name.into(),
                name_zh: None,
                kind: String::new(),
                parent: None,
                aggregate,
            };
            builder.add_entity(&locate_row(row, "Entity"), entity, None);
            used.insert(id.clone());
            ids.insert(name.to_string(), id);
        }
        &ids[name]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "Entity,Code,Year,\"GDP per capita, PPP (constant 2017 international $)\",Population\n\
        China,CHN,2020,\"17312.4\",1411100000\n\
        China,CHN,2021,,1412360000\n\
        World,OWID_WRL,2020,16194.0,7840952880\n\
        Côte d'Ivoire,CIV,2020,5355.5,\n";

    #[test]
    fn owid_columns_become_metrics_and_empty_cells_stay_missing() {
        let (d, warnings) =
            load_owid_csv(Path::new("gdp.csv"), CSV.as_bytes(), PackageFor::Missing, &Progress::default()).unwrap();
        assert_eq!(d.metrics.len(), 2);
        assert_eq!(d.metrics[0].name, "GDP per capita, PPP (constant 2017 international $)");
        assert_eq!(d.entities.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["China", "World", "Côte d'Ivoire"]);
        // 6 filled cells: China 2021 GDP and Côte d'Ivoire population are empty.
        assert_eq!(d.observations.len(), 6);
        assert!(warnings.contains(&Warning::NoDatapackage), "{warnings:?}");
    }

    #[test]
    fn a_bad_year_is_located_by_row_and_column_name() {
        let csv = "Entity,Year,Exports\nChina,2020,1.5\nChina,20x1,2\nChina,2022,3\n";
        let err =
            load_owid_csv(Path::new("x.csv"), csv.as_bytes(), PackageFor::Missing, &Progress::default()).unwrap_err();
        let err = crate::l10n::load_error_text(&err, crate::l10n::Lang::default());
        assert!(err.contains("row 3, column `Year`: \"20x1\" is not a year"), "{err}");
    }

    #[test]
    fn a_column_of_text_is_set_aside_and_a_stray_word_skipped_with_where_it_is() {
        let csv = "Entity,Year,Region,Exports,Share\nChina,2020,Asia,1.5,13%\nChina,2021,Asia,>1000,NA\n\
            China,2022,Asia,lots,15%\nChina,2023,Asia,2.5,..\nChina,2024,Asia,3.5,\n";
        let (d, warnings) =
            load_owid_csv(Path::new("x.csv"), csv.as_bytes(), PackageFor::Missing, &Progress::default()).unwrap();
        let ids: Vec<&str> = d.metrics.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["exports", "share"], "Region is not a metric");
        let values = |metric: usize| -> Vec<(i32, f64)> {
            d.observations
                .iter()
                .filter(|o| o.cell.metric.0 as usize == metric)
                .map(|o| (o.cell.time.year(), o.value))
                .collect()
        };
        assert_eq!(values(0), [(2020, 1.5), (2023, 2.5), (2024, 3.5)]);
        assert_eq!(values(1), [(2020, 13.0), (2022, 15.0)], "percent signs read, NA and .. are gaps");
        assert_eq!(d.metrics[1].unit, Unit::parse("%"));
        assert!(warnings.contains(&Warning::AttributeColumns { columns: vec!["Region".into()] }), "{warnings:?}");
        let skipped = Warning::SkippedCells {
            column: "Exports".into(),
            count: 2,
            first: locate_row(1, "Exports"),
            text: ">1000".into(),
        };
        assert!(warnings.contains(&skipped), "{warnings:?}");
    }

    #[test]
    fn a_region_column_is_kept_as_each_places_attribute() {
        let csv = "Entity,Year,Region,Exports,Note\nChina,2020,Asia,1.5,first\nChina,2021,Asia,2,second\n\
            Chile,2020,Americas,0.5,\nPeru,2020,,0.2,\n";
        let (d, warnings) =
            load_owid_csv(Path::new("x.csv"), csv.as_bytes(), PackageFor::Missing, &Progress::default()).unwrap();
        let [region] = d.attributes.as_slice() else { panic!("one attribute: {:?}", d.attributes) };
        assert_eq!(region.name, "Region");
        assert_eq!(region.values, ["Americas", "Asia"]);
        let of = |name: &str| {
            let e = d.entities.iter().position(|e| e.name == name).unwrap();
            region.of_entity[e].map(|v| region.values[v as usize].as_str())
        };
        assert_eq!((of("China"), of("Chile"), of("Peru")), (Some("Asia"), Some("Americas"), None));
        // The note differs from row to row of one place: it describes no place, and is set aside.
        assert!(warnings.contains(&Warning::AttributeColumns { columns: vec!["Region".into()] }), "{warnings:?}");
        assert!(warnings.contains(&Warning::TextColumns { columns: vec!["Note".into()] }), "{warnings:?}");
    }

    #[test]
    fn a_table_of_statuses_is_charted_as_places_per_status_and_year() {
        let csv = "Entity,Year,Status\nChad,2000,Endemic\nMali,2000,Endemic\nPeru,2000,Certified\n\
            Chad,2001,Endemic\nMali,2001,Certified\nPeru,2001,Certified\nPeru,2001,Certified\nFiji,2001,\n";
        let (d, warnings) =
            load_owid_csv(Path::new("x.csv"), csv.as_bytes(), PackageFor::Missing, &Progress::default()).unwrap();
        let names: Vec<&str> = d.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Certified", "Endemic"], "the statuses are what is charted, not the places");
        assert!(d.entities.iter().all(|e| e.aggregate && e.kind == "Status"));
        assert_eq!(d.metrics[0].unit, Unit::Count);
        let counts: Vec<(&str, i32, f64, &str)> = d
            .observations
            .iter()
            .map(|o| (names[o.cell.entity.0 as usize], o.cell.time.year(), o.value, o.note().unwrap_or_default()))
            .collect();
        assert_eq!(
            counts,
            [
                ("Certified", 2000, 1.0, "Peru"),
                ("Certified", 2001, 2.0, "Mali, Peru"),
                ("Endemic", 2000, 2.0, "Chad, Mali"),
                ("Endemic", 2001, 1.0, "Chad"),
            ],
            "Peru's second 2001 row is not counted twice, Fiji's empty cell not at all"
        );
        assert!(d.observations.iter().all(|o| o.derived && o.derivation().is_some()));
        assert_eq!(d.default_entities.len(), 2);
        assert!(warnings.contains(&Warning::CountedPlaces { columns: vec!["Status".into()] }), "{warnings:?}");
    }

    #[test]
    fn the_world_and_places_without_a_code_are_aggregates_but_historical_countries_are_not() {
        let csv = "Entity,Code,Year,Population\nWorld,OWID_WRL,1980,4.4\nAsia,,1980,2.6\n\
            USSR,OWID_USS,1980,0.27\nKosovo,OWID_KOS,1980,0.0015\nWest Germany,OWID_GFR,1980,0.078\nChina,CHN,1980,0.98\n";
        let (d, _) =
            load_owid_csv(Path::new("x.csv"), csv.as_bytes(), PackageFor::Missing, &Progress::default()).unwrap();
        let aggregates: Vec<&str> = d.entities.iter().filter(|e| e.aggregate).map(|e| e.name.as_str()).collect();
        assert_eq!(aggregates, ["World", "Asia"]);
    }

    #[test]
    fn daily_data_uses_dates() {
        let csv = "Entity,Day,Cases\nChina,2020-03-01,3\nChina,2020-03-02,5\n";
        let (d, _) =
            load_owid_csv(Path::new("x.csv"), csv.as_bytes(), PackageFor::Missing, &Progress::default()).unwrap();
        assert_eq!(d.observations[1].cell.time, Time::day(2020, 3, 2).unwrap());
    }

    #[test]
    fn recognises_the_owid_header_but_not_the_tidy_one() {
        let header = |s: &str| csv::StringRecord::from(s.split(',').collect::<Vec<_>>());
        assert!(is_owid_header(&header("Entity,Code,Year,GDP")));
        assert!(is_owid_header(&header("Entity,Day,Cases")));
        assert!(!is_owid_header(&header("entity,metric,year,value")));
        assert!(!is_owid_header(&header("a,b,c")));
        assert!(!is_owid_header(&header("entity,metric,year")));
    }
}
