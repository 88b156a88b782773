//! The World Bank's tables, in the three layouts it hands out: the indicator download
//! (`API_<code>_DS2_…csv`: four preamble lines, then `Country Name, Country Code, Indicator
//! Name, Indicator Code, 1960, 1961…`, every line ending in a comma), the bulk download
//! (`WDICSV.csv`, the same columns without the preamble) and a DataBank export (`Series Name,
//! Series Code, Country Name, Country Code, 1990 [YR1990]…`, or with the years in rows and one
//! column per series, `GDP (current US$) [NY.GDP.MKTP.CD]`), also as a European spreadsheet
//! program saves them again (`;`, decimal commas, names split at their comma). The files beside
//! them (`Metadata_Country_…`, `WDICountry.csv`; `Metadata_Indicator_…`, `WDISeries.csv`) give
//! each country's region and income group (aggregates have none) and each indicator's
//! definition and source.

use std::collections::HashMap;
use std::path::Path;

use std::borrow::Cow;

use super::build::{Builder, ObservationIds, ObservationInput, QuotePolicy, Resolved};
use super::cells::{CellValue, Decimals, SkippedCells, read_cell};
use super::csv::{count_row, locate_row, slug};
use super::csv_chunks::Chunking;
use super::error::{LoadError, Place, Problem, ProblemKind, Warning};
use super::load::Format;
use super::model::{Currency, Entity, Metric, Source, Time, Unit};
use super::progress::Progress;
use super::text::check_utf8;
use super::world_bank_metadata::{Metadata, normalised, records};

/// The World Bank's codes of regions, income and lending groups and other sums of countries,
/// for files that come without the country metadata that would say so.
const AGGREGATE_CODES: [&str; 49] = [
    "AFE", "AFW", "ARB", "CEB", "CSS", "EAP", "EAR", "EAS", "ECA", "ECS", "EMU", "EUU", "FCS", "HIC", "HPC", "IBD",
    "IBT", "IDA", "IDB", "IDX", "INX", "LAC", "LCN", "LDC", "LIC", "LMC", "LMY", "LTE", "MEA", "MIC", "MNA", "NAC",
    "OED", "OSS", "PRE", "PSS", "PST", "SAS", "SSA", "SSF", "SST", "TEA", "TEC", "TLA", "TMN", "TSA", "TSS", "UMC",
    "WLD",
];

/// Which of the World Bank's layouts a file is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorldBankLayout {
    /// `API_<code>_DS2_…csv`, from an indicator's page.
    Indicator,
    /// `WDICSV.csv`, the whole of the World Development Indicators.
    Bulk,
    /// An export from DataBank.
    DataBank,
}

/// Whether a text (without its byte-order mark) is a World Bank table: the indicator
/// download's preamble, or a header with `Country Code` and an indicator's or a time's code.
pub(crate) fn is_world_bank(text: &str) -> bool {
    let first = text.lines().next().unwrap_or("").trim_start_matches('\u{feff}');
    if first.trim_start_matches('"').starts_with("Data Source") {
        return true;
    }
    let Some(Ok(header)) = records(first).0.records().next() else { return false };
    let names = normalised(&header);
    let has = |n: &str| names.iter().any(|h| h == n);
    has("countrycode") && (has("indicatorcode") || has("seriescode") || has("timecode") || has("time"))
}

/// Whether a cell holds a country's code (`CHN`, `HKG`, `1W`), as a name's half never does.
fn is_country_code(text: &str) -> bool {
    (2..=3).contains(&text.len()) && text.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Whether a cell holds an indicator's code (`NE.EXP.GNFS.CD`).
fn is_indicator_code(text: &str) -> bool {
    text.contains('.') && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
}

/// The unit in an indicator's name: the last parenthesis (`Exports of goods and services
/// (current US$)` → `current US$`). Current dollars are money; `annual %` is a growth rate.
pub(crate) fn unit_of(name: &str) -> Unit {
    let unit = name.trim().strip_suffix(')').and_then(|n| n.rsplit_once('(')).map(|(_, u)| u.trim()).unwrap_or("");
    match unit {
        "current US$" | "US$" => Unit::Money { currency: Currency::Usd, multiplier: 1.0 },
        "annual %" => Unit::PercentChange,
        _ => Unit::Other(unit.to_string()),
    }
}

/// A year column's header: `1990`, or DataBank's `1990 [YR1990]`.
fn year_of_column(header: &str) -> Option<i32> {
    let year = header.trim().split_once(" [").map_or(header.trim(), |(y, _)| y);
    (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())).then(|| year.parse().ok()).flatten()
}

/// A series column of a DataBank export with years in rows: `GDP (current US$) [NY.GDP.MKTP.CD]`.
fn series_of_column(header: &str) -> Option<(String, String)> {
    let (name, code) = header.trim().strip_suffix(']')?.rsplit_once(" [")?;
    is_indicator_code(code).then(|| (name.trim().to_string(), code.to_string()))
}

/// How a table's rows hold its figures.
pub(super) enum Shape {
    /// One row per country and indicator, one column per year.
    Wide { indicator_name: Option<usize>, indicator_code: usize, years: Vec<(usize, i32)> },
    /// One row per country and year, one column per series (name, code).
    TimeRows { time: usize, time_code: Option<usize>, series: Vec<(usize, String, String)> },
}

/// Where a table's columns are.
pub(super) struct Table {
    pub(super) country_name: Option<usize>,
    pub(super) country_code: usize,
    pub(super) shape: Shape,
    /// How many columns the header has, without the empty one a trailing comma makes.
    width: usize,
}

fn table(header: &csv::StringRecord) -> Option<Table> {
    let names = normalised(header);
    let col = |n: &str| names.iter().position(|h| h == n);
    let country_code = col("countrycode")?;
    let country_name = col("countryname");
    let width = header.len() - header.iter().rev().take_while(|h| h.trim().is_empty()).count();
    let years: Vec<(usize, i32)> =
        header.iter().enumerate().filter_map(|(i, h)| year_of_column(h).map(|y| (i, y))).collect();
    let indicator_code = col("indicatorcode").or_else(|| col("seriescode"));
    let shape = match (indicator_code, col("time")) {
        (Some(indicator_code), _) if !years.is_empty() => {
            Shape::Wide { indicator_name: col("indicatorname").or_else(|| col("seriesname")), indicator_code, years }
        }
        (None, Some(time)) => {
            let series: Vec<(usize, String, String)> = header
                .iter()
                .enumerate()
                .filter_map(|(i, h)| series_of_column(h).map(|(name, code)| (i, name, code)))
                .collect();
            if series.is_empty() {
                return None;
            }
            Shape::TimeRows { time, time_code: col("timecode"), series }
        }
        _ => return None,
    };
    Some(Table { country_name, country_code, shape, width })
}

/// What the lines before the header and after the rows say: the database and when it was updated.
#[derive(Default)]
struct About {
    database: Option<String>,
    updated: Option<String>,
}

fn about(preamble: &[csv::StringRecord], text: &str) -> About {
    let mut about = About::default();
    for record in preamble {
        let value = record.get(1).map(str::trim).filter(|v| !v.is_empty()).map(String::from);
        match record.get(0).map(str::trim) {
            Some("Data Source") => about.database = value,
            Some("Last Updated Date") => about.updated = value,
            _ => {}
        }
    }
    // A DataBank export names its database in a footer: `Data from database: …`.
    for line in text.lines().rev().take(8) {
        let line = line.trim_matches(|c: char| c == ',' || c == ';' || c == '"' || c.is_whitespace());
        if let Some(database) = line.strip_prefix("Data from database:") {
            about.database = Some(database.trim().to_string());
        } else if let Some(updated) = line.strip_prefix("Last Updated:") {
            about.updated = Some(updated.trim().to_string());
        }
    }
    about
}

/// Loads a World Bank table with what its metadata files say; returns its layout too. What is
/// wrong with a damaged one says it was read as a World Bank table.
///
/// With `chunking`, a table with a column per year is read in pieces in parallel.
pub(crate) fn load_world_bank(
    path: &Path,
    bytes: &[u8],
    metadata: &Metadata,
    (progress, chunking): (&Progress, Option<Chunking>),
) -> Result<(super::model::Dataset, Vec<Warning>, WorldBankLayout), LoadError> {
    let mut layout = WorldBankLayout::DataBank;
    read_table(path, bytes, (metadata, progress, chunking), &mut layout)
        .map(|(dataset, warnings)| (dataset, warnings, layout))
        .map_err(|e| super::load::in_format(e, Format::WorldBank(layout)))
}

/// Reads a World Bank table; `layout` is set as soon as the header tells it.
fn read_table(
    path: &Path,
    bytes: &[u8],
    (metadata, progress, chunking): (&Metadata, &Progress, Option<Chunking>),
    layout: &mut WorldBankLayout,
) -> Result<(super::model::Dataset, Vec<Warning>), LoadError> {
    let text = check_utf8(path, bytes)?;
    let (mut reader, delimiter) = records(text);
    let mut preamble = Vec::new();
    let mut record = csv::StringRecord::new();
    let header = loop {
        let more = reader.read_record(&mut record).map_err(|e| super::csv::csv_error(path, &e))?;
        if !more || preamble.len() > 16 {
            return Err(missing_header(path, preamble.first()));
        }
        if normalised(&record).iter().any(|n| n == "countrycode") {
            break record.clone();
        }
        preamble.push(record.clone());
        *layout = WorldBankLayout::Indicator;
    };
    let mut lines = LineCounter { text: text.as_bytes(), byte: 0, line: 1 };
    let header_row = lines.line_of(&header).saturating_sub(1);
    super::csv::check_columns(path, &header, &progress.limits)?;
    let Some(table) = table(&header) else {
        let problem = Problem {
            at: Place::Row { row: header_row.saturating_sub(1), column: String::new() },
            kind: ProblemKind::MissingColumn {
                column: "Indicator Code, 1960, 1961… (or Time and series columns)".into(),
                found: header.iter().collect::<Vec<_>>().join(", "),
            },
        };
        return Err(LoadError::Invalid { path: path.to_path_buf(), problems: vec![problem], more: 0 });
    };
    *layout = match (&table.shape, preamble.is_empty()) {
        (_, false) => WorldBankLayout::Indicator,
        (Shape::Wide { years, .. }, true) if header.get(years[0].0).is_some_and(|h| !h.contains('[')) => {
            WorldBankLayout::Bulk
        }
        _ => WorldBankLayout::DataBank,
    };
    let about = about(&preamble, text);
    let mut builder = Builder::new(locate_row, QuotePolicy::NotExpected).limits(&progress.limits);
    let decimals = if delimiter == b';' { Decimals::Comma } else { Decimals::Point };
    let mut rows = Rows::new(&header, metadata, about, decimals);
    if let (Some(chunking), Shape::Wide { indicator_name, indicator_code, years }) = (chunking, &table.shape) {
        // The rows after the header, when the header's end is plain to see (no lone `\r`).
        let start = header.position().map_or(0, |p| p.byte() as usize).min(text.len());
        if let Some(length) = super::csv_chunks::header_len(&text.as_bytes()[start..], delimiter) {
            let header_lines = memchr::memchr_iter(b'\n', &text.as_bytes()[start..start + length]).count();
            let rest = (&text.as_bytes()[start + length..], (lines.line_of(&header) + header_lines) as u64);
            let columns = (&table, (*indicator_name, *indicator_code, years.as_slice()), &header, delimiter);
            return super::world_bank_chunks::read_wide(path, rest, columns, (builder, rows), (progress, chunking));
        }
    }
    let mut count = 0usize;
    while reader.read_record(&mut record).map_err(|e| super::csv::csv_error(path, &e))? {
        // Rows are named by the line they are on, as the file's own preamble pushes them down.
        let row = lines.line_of(&record).saturating_sub(2);
        rows.read(&mut builder, &table, (&record, row));
        count += 1;
        count_row(path, progress, count, &record)?;
    }
    rows.finish(&mut builder);
    builder.finish().map_err(|(problems, more)| LoadError::Invalid { path: path.to_path_buf(), problems, more })
}

/// The line each record starts on, counted as the records are read (the `csv` crate's own count
/// lags behind in a file of CRLF line breaks).
pub(super) struct LineCounter<'a> {
    text: &'a [u8],
    byte: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    /// At the start of `text`, on its first line.
    pub(super) fn new(text: &'a [u8]) -> LineCounter<'a> {
        LineCounter { text, byte: 0, line: 1 }
    }

    /// The line `record` starts on, from 1.
    pub(super) fn line_of(&mut self, record: &csv::StringRecord) -> usize {
        let mut start = record.position().map_or(0, |p| p.byte() as usize).min(self.text.len());
        // After a CRLF the `csv` crate places the next record at the LF.
        while self.text.get(start).is_some_and(|&b| b == b'\n' || b == b'\r') {
            start += 1;
        }
        if start > self.byte {
            self.line += self.text[self.byte..start].iter().filter(|&&b| b == b'\n').count();
            self.byte = start;
        }
        self.line
    }
}

fn missing_header(path: &Path, first: Option<&csv::StringRecord>) -> LoadError {
    let problem = Problem {
        at: Place::Header,
        kind: ProblemKind::MissingColumn {
            column: "Country Name, Country Code".into(),
            found: first.map(|r| r.iter().collect::<Vec<_>>().join(", ")).unwrap_or_default(),
        },
    };
    LoadError::Invalid { path: path.to_path_buf(), problems: vec![problem], more: 0 }
}

/// The builder's ids of a row's entity, metric and source, when it has them all.
pub(super) fn resolved(builder: &Builder, (entity, metric, source): (&str, &str, &str)) -> Option<Resolved> {
    let ids = ObservationIds {
        entity: builder.entity_id(entity)?,
        metric: builder.metric_id(metric)?,
        category: None,
        period: super::model::PeriodId::FULL_YEAR,
    };
    Some((ids, Some(builder.source_id(source)?)))
}

/// A name column, the code column after it, and what a code in it looks like.
type NameAndCode = (usize, usize, fn(&str) -> bool);

/// What reading a table's rows keeps, beside the builder.
pub(super) struct Rows<'a> {
    header: &'a csv::StringRecord,
    metadata: &'a Metadata,
    about: About,
    decimals: Decimals,
    /// Entity ids given out, by country code.
    entities: HashMap<String, String>,
    /// Indicator code, metric id and name of the metrics given out, in the order met.
    metrics: Vec<(String, String, String)>,
    /// The place in `metrics` of each indicator code: a bulk file has hundreds.
    metric_places: HashMap<String, usize>,
    /// Rows whose name was split at its comma and joined again: how many, and the first.
    repaired: (usize, Option<Place>),
    /// Rows skipped because a code column holds no code: how many, the first and its text.
    skipped_rows: (usize, Option<(Place, String)>),
    /// The cells of year columns that are not numbers.
    skipped_cells: SkippedCells,
}

/// A row's fields, trimmed, with a name that a spreadsheet split at its comma (`Hong Kong SAR;
/// China;HKG`) joined again (and whether one was); or, when a code column still holds no code,
/// the text of the country code's cell.
pub(super) fn row_fields<'r>(
    table: &Table,
    record: &'r csv::StringRecord,
) -> Result<(Vec<Cow<'r, str>>, bool), String> {
    // Borrowed, not copied: a bulk file's row has some seventy cells.
    let mut fields: Vec<Cow<'r, str>> = record.iter().map(|f| Cow::Borrowed(f.trim())).collect();
    while fields.len() > table.width && fields.last().is_some_and(|f| f.is_empty()) {
        fields.pop();
    }
    let mut pairs: Vec<NameAndCode> = Vec::new();
    if let Some(name) = table.country_name {
        pairs.push((name, table.country_code, is_country_code));
    }
    if let Shape::Wide { indicator_name: Some(name), indicator_code, .. } = table.shape {
        pairs.push((name, indicator_code, is_indicator_code));
    }
    pairs.sort_unstable_by_key(|p| p.0);
    let mut repaired = false;
    for (name, code, is_code) in pairs {
        let extra = fields.len().saturating_sub(table.width);
        if code != name + 1 || extra == 0 || fields.get(code).is_some_and(|c| is_code(c)) {
            continue;
        }
        if let Some(k) = (1..=extra).find(|k| fields.get(code + k).is_some_and(|c| is_code(c))) {
            let joined = fields[name..=name + k].join(", ");
            fields.splice(name..=name + k, [Cow::Owned(joined)]);
            repaired = true;
        }
    }
    // A row as wide as the header is taken as written (other databases have codes of other
    // shapes, `ALB_2_AL011`); only a wider one must show where its codes are.
    let split = repaired || fields.len() > table.width;
    let code_ok =
        fields.get(table.country_code).is_some_and(|c| if split { is_country_code(c) } else { !c.is_empty() });
    let indicator_ok = match table.shape {
        Shape::Wide { indicator_code, .. } => {
            fields.get(indicator_code).is_some_and(|c| if split { is_indicator_code(c) } else { !c.is_empty() })
        }
        Shape::TimeRows { .. } => true,
    };
    if fields.len() > table.width || !code_ok || !indicator_ok {
        return Err(fields.get(table.country_code).map(|c| c.to_string()).unwrap_or_default());
    }
    Ok((fields, repaired))
}

/// Whether a record holds no figures: a blank line, or DataBank's footer (`Data from
/// database: …`), hold one field or none.
pub(super) fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().filter(|f| !f.trim().is_empty()).count() <= 1
}

impl<'a> Rows<'a> {
    fn new(header: &'a csv::StringRecord, metadata: &'a Metadata, about: About, decimals: Decimals) -> Self {
        Rows {
            header,
            metadata,
            about,
            decimals,
            entities: HashMap::new(),
            metrics: Vec::new(),
            metric_places: HashMap::new(),
            repaired: (0, None),
            skipped_rows: (0, None),
            skipped_cells: SkippedCells::default(),
        }
    }

    /// The row's fields (see [`row_fields`]), counting a repaired or skipped row.
    fn fields<'r>(&mut self, table: &Table, record: &'r csv::StringRecord, row: usize) -> Option<Vec<Cow<'r, str>>> {
        match row_fields(table, record) {
            Ok((fields, repaired)) => {
                if repaired {
                    self.repaired_row(row);
                }
                Some(fields)
            }
            Err(text) => {
                self.skipped_row(table, row, text);
                None
            }
        }
    }

    /// Counts the cells a piece of the file skipped, its rows counted from the line before it
    /// (the piece began after `lines_before` lines).
    pub(super) fn add_skipped_cells(&mut self, cells: SkippedCells, lines_before: usize) {
        self.skipped_cells.add(cells, |row| (lines_before + row).saturating_sub(1));
    }

    /// Counts a row whose name was split at its comma and joined again.
    pub(super) fn repaired_row(&mut self, row: usize) {
        self.repaired.0 += 1;
        self.repaired.1.get_or_insert_with(|| locate_row(row, ""));
    }

    /// Counts a row skipped because its code column (which holds `text`) holds no code.
    pub(super) fn skipped_row(&mut self, table: &Table, row: usize, text: String) {
        self.skipped_rows.0 += 1;
        let column = self.header.get(table.country_code).unwrap_or("Country Code").trim();
        self.skipped_rows.1.get_or_insert_with(|| (locate_row(row, column), text));
    }

    /// Reads one row's figures into the builder.
    fn read(&mut self, builder: &mut Builder, table: &Table, (record, row): (&csv::StringRecord, usize)) {
        if is_blank(record) {
            return;
        }
        let Some(fields) = self.fields(table, record, row) else { return };
        let code = &fields[table.country_code];
        let name = table.country_name.and_then(|i| fields.get(i)).filter(|n| !n.is_empty()).unwrap_or(code);
        let entity = self.entity(builder, table, (code, name), row);
        match &table.shape {
            Shape::Wide { indicator_name, indicator_code, years } => {
                let code = &fields[*indicator_code];
                let name = indicator_name.and_then(|i| fields.get(i)).filter(|n| !n.is_empty()).unwrap_or(code);
                let (metric, source) = self.metric(builder, (code, name), row);
                let names = (entity.as_str(), metric.as_str(), source.as_str());
                let ids = resolved(builder, names);
                for &(column, year) in years {
                    self.figure(builder, (names, ids), (&fields, column), (Time::Year(year), row));
                }
            }
            Shape::TimeRows { time, time_code, series } => {
                let text = fields.get(*time).map(|t| &**t).unwrap_or_default();
                let coded = time_code.and_then(|c| fields.get(c)).and_then(|c| c.strip_prefix("YR"));
                let Some(year) = year_of_column(text).or_else(|| coded.and_then(year_of_column)) else {
                    let column = self.header.get(*time).unwrap_or("Time").trim();
                    builder.problem(locate_row(row, column), ProblemKind::BadYear { text: text.to_string() });
                    return;
                };
                for (column, name, code) in series {
                    let (metric, source) = self.metric(builder, (code, name), row);
                    let names = (entity.as_str(), metric.as_str(), source.as_str());
                    let ids = resolved(builder, names);
                    self.figure(builder, (names, ids), (&fields, *column), (Time::Year(year), row));
                }
            }
        }
    }

    /// Adds the figure in one cell (by the ids of its entity, metric and source, when the
    /// builder has them all), or counts the cell as skipped.
    fn figure(
        &mut self,
        builder: &mut Builder,
        ((entity, metric, source), ids): ((&str, &str, &str), Option<Resolved>),
        (fields, column): (&[Cow<'_, str>], usize),
        (time, row): (Time, usize),
    ) {
        let cell = fields.get(column).map(|c| &**c).unwrap_or_default();
        let value = match read_cell(cell, self.decimals) {
            CellValue::Missing => return,
            CellValue::Number(v) | CellValue::Percent(v) => v,
            CellValue::Text => {
                self.skipped_cells.skip(self.header.get(column).unwrap_or_default().trim(), row, cell);
                return;
            }
        };
        match ids {
            Some(ids) => builder.add_plain(row, ids, (time, value, None)),
            None => builder.add_observation(row, ObservationInput::plain(entity, metric, time, value, Some(source))),
        }
    }

    /// The entity of a country code, declared on its first row: an aggregate when the country
    /// metadata gives it no region, or (without metadata) when its code is a group's.
    pub(super) fn entity(
        &mut self,
        builder: &mut Builder,
        table: &Table,
        (code, name): (&str, &str),
        row: usize,
    ) -> String {
        if let Some(id) = self.entities.get(code) {
            return id.clone();
        }
        let aggregate = match self.metadata.countries.get(code) {
            Some((region, _)) => region.is_none(),
            None => AGGREGATE_CODES.contains(&code),
        };
        let id = code.to_lowercase();
        let entity = Entity {
            id: id.clone(),
            name: name.to_string(),
            name_zh: None,
            kind: String::new(),
            parent: None,
            aggregate,
        };
        let column = self.header.get(table.country_code).unwrap_or_default().trim();
        builder.add_entity(&locate_row(row, column), entity, None);
        self.entities.insert(code.to_string(), id.clone());
        id
    }

    /// The metric and source of an indicator code, declared on its first row.
    pub(super) fn metric(&mut self, builder: &mut Builder, (code, name): (&str, &str), row: usize) -> (String, String) {
        if let Some(&place) = self.metric_places.get(code) {
            let id = &self.metrics[place].1;
            return (id.clone(), format!("wb-{id}"));
        }
        let id = slug(code);
        let info = self.metadata.indicators.get(code).cloned().unwrap_or_default();
        let database = self.about.database.clone().unwrap_or_else(|| "World Development Indicators".into());
        let source = Source {
            id: format!("wb-{id}"),
            title: format!("{database}: {name}"),
            publisher: info.organisation.clone().unwrap_or_else(|| "World Bank".into()),
            url: format!("https://data.worldbank.org/indicator/{code}"),
            published: self.about.updated.clone(),
            retrieved: None,
        };
        let at = locate_row(row, "");
        builder.add_source(&at, source);
        let unit = match unit_of(name) {
            Unit::Other(u) if u.is_empty() => info.unit.as_deref().map_or(Unit::Other(String::new()), unit_of_words),
            unit => unit,
        };
        builder.add_metric(&at, Metric::plain(id.clone(), name.to_string(), unit, info.note.unwrap_or_default()));
        self.metric_places.insert(code.to_string(), self.metrics.len());
        self.metrics.push((code.to_string(), id.clone(), name.to_string()));
        (id.clone(), format!("wb-{id}"))
    }

    /// After the last row: the title, the countries' regions and income groups, and what was
    /// repaired or skipped.
    pub(super) fn finish(self, builder: &mut Builder) {
        let single = (self.metrics.len() == 1).then(|| &self.metrics[0]);
        let database = self.about.database.clone().unwrap_or_else(|| "World Development Indicators".into());
        let title = single.map_or(database, |(_, _, name)| name.clone());
        let description = single
            .and_then(|(code, _, _)| self.metadata.indicators.get(code))
            .and_then(|i| i.note.clone())
            .unwrap_or_default();
        builder.describe(title, description, (None, None));
        let (region_name, income_name) = &self.metadata.attribute_names;
        for (name, pick) in [(region_name, 0), (income_name, 1)] {
            let pairs: Vec<(String, String)> = self
                .entities
                .iter()
                .filter_map(|(code, id)| {
                    let (region, income) = self.metadata.countries.get(code)?;
                    let value = if pick == 0 { region } else { income };
                    Some((id.clone(), value.clone()?))
                })
                .collect();
            if !pairs.is_empty() {
                builder.add_attribute(name.clone(), &pairs);
            }
        }
        if let (count, Some(first)) = self.repaired {
            builder.warn(Warning::RepairedNames { count, first });
        }
        if let (count, Some((first, text))) = self.skipped_rows {
            builder.warn(Warning::SkippedRows { count, first, text });
        }
        for warning in self.skipped_cells.warnings() {
            builder.warn(warning);
        }
    }
}

/// The unit a metadata file states in words (`Unit of measure`): current dollars are money.
fn unit_of_words(unit: &str) -> Unit {
    unit_of(&format!("({unit})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unit_is_the_names_last_parenthesis() {
        let dollars = Unit::Money { currency: Currency::Usd, multiplier: 1.0 };
        assert_eq!(unit_of("Exports of goods and services (current US$)"), dollars);
        assert_eq!(unit_of("GDP growth (annual %)"), Unit::PercentChange);
        assert_eq!(
            unit_of("GDP per capita, PPP (constant 2021 international $)"),
            Unit::Other("constant 2021 international $".into())
        );
        assert_eq!(unit_of("Population, total"), Unit::Other(String::new()));
    }

    #[test]
    fn year_and_series_columns_are_read_in_both_spellings() {
        assert_eq!(year_of_column("1990"), Some(1990));
        assert_eq!(year_of_column("1990 [YR1990]"), Some(1990));
        assert_eq!(year_of_column("Country Code"), None);
        assert_eq!(year_of_column(""), None);
        let gdp = series_of_column("GDP (current US$) [NY.GDP.MKTP.CD]");
        assert_eq!(gdp, Some(("GDP (current US$)".into(), "NY.GDP.MKTP.CD".into())));
        assert_eq!(series_of_column("Country Name"), None);
    }

    #[test]
    fn a_table_is_recognised_by_its_preamble_or_its_code_columns() {
        assert!(is_world_bank("\"Data Source\",\"World Development Indicators\",\n"));
        assert!(is_world_bank("Country Name;Country Code;Indicator Name;Indicator Code;1960\n"));
        assert!(is_world_bank("Series Name,Series Code,Country Name,Country Code,2020 [YR2020]\n"));
        assert!(!is_world_bank("Entity,Code,Year,GDP\n"));
        assert!(!is_world_bank("entity,metric,year,value\n"));
    }
}
