//! UN Comtrade's CSV, as its data portal writes it (47 columns: `typeCode, freqCode,
//! refPeriodId, refYear, refMonth, period, reporterCode, reporterISO, reporterDesc, flowCode,
//! flowDesc, partnerCode, partnerISO, partnerDesc, partner2Code…, cmdCode, cmdDesc, aggrLevel,
//! isLeaf, customsCode, mosCode, motCode…, primaryValue, isReported, isAggregate`). Each
//! reporter is an entity, each flow a metric in US dollars; a row for the World and all
//! commodities is the whole, and partners and commodities are its parts, each kind of part (and
//! each level of the commodity codes) a dimension of its own, so no figure is added in twice.
//! Rows that break a figure down by a second partner, a mode of transport or supply or a
//! customs procedure are left out with a warning: their totals are in the file.

use rustc_hash::{FxHashMap, FxHashSet};
use std::path::Path;

use super::build::{Builder, ObservationIds, ObservationInput, QuotePolicy};
use super::cells::{CellValue, Decimals, read_cell};
use super::csv::{Records, Rest, count_row, locate_row, slug};
use super::error::{LoadError, Place, Problem, ProblemKind, Warning};
use super::model::{Category, Currency, Dataset, Entity, Metric, PeriodId, Source, Time, Unit};
use super::progress::Progress;

/// The columns read, by their names in the data portal's header (lower case), with the names
/// of the legacy Comtrade download beside them.
const COLUMNS: [(&str, &[&str]); 17] = [
    ("freqcode", &[]),
    ("refyear", &["year"]),
    ("refmonth", &[]),
    ("period", &[]),
    ("reportercode", &["reporter code"]),
    ("reporteriso", &["reporter iso"]),
    ("reporterdesc", &["reporter"]),
    ("flowcode", &["trade flow code"]),
    ("flowdesc", &["trade flow"]),
    ("partnercode", &["partner code"]),
    ("partneriso", &["partner iso"]),
    ("partnerdesc", &["partner"]),
    ("cmdcode", &["commodity code"]),
    ("cmddesc", &["commodity"]),
    ("aggrlevel", &["aggregate level"]),
    ("primaryvalue", &["trade value (us$)"]),
    ("classificationcode", &["classification"]),
];

/// The columns that break a figure down further, and the value each has on a total row.
const BREAKDOWNS: [(&str, &str); 4] =
    [("partner2code", "0"), ("motcode", "0"), ("moscode", "0"), ("customscode", "C00")];

/// Whether a header is a Comtrade export's: a reporter, a flow, a partner and a value.
pub(crate) fn is_comtrade_header(header: &csv::StringRecord) -> bool {
    let columns = Columns::of(header);
    ["reporterdesc", "flowdesc", "partnerdesc", "primaryvalue"].iter().all(|c| columns.has(c))
}

/// Whether a file's first line (ASCII in every encoding it comes in) is a Comtrade header.
pub(crate) fn is_comtrade_text(head: &[u8]) -> bool {
    let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    let delimiter = super::csv::sniff_delimiter(line);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).delimiter(delimiter).from_reader(line);
    reader.byte_records().next().and_then(Result::ok).is_some_and(|record| {
        let names: Vec<String> = record.iter().map(|f| String::from_utf8_lossy(f).into_owned()).collect();
        is_comtrade_header(&csv::StringRecord::from(names))
    })
}

/// Where the columns read are in a header.
struct Columns {
    index: [Option<usize>; COLUMNS.len()],
    /// The columns that break a figure down, with their total's value.
    breakdowns: Vec<(usize, &'static str)>,
}

impl Columns {
    fn of(header: &csv::StringRecord) -> Columns {
        let names: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
        let find = |name: &str| names.iter().position(|n| n == name);
        let mut index = [None; COLUMNS.len()];
        for (k, (name, legacy)) in COLUMNS.iter().enumerate() {
            index[k] = find(name).or_else(|| legacy.iter().find_map(|l| find(l)));
        }
        let breakdowns = BREAKDOWNS.iter().filter_map(|(name, total)| Some((find(name)?, *total))).collect();
        Columns { index, breakdowns }
    }

    fn has(&self, name: &str) -> bool {
        COLUMNS.iter().position(|(n, _)| *n == name).is_some_and(|k| self.index[k].is_some())
    }

    fn get<'r>(&self, record: &'r csv::StringRecord, name: &str) -> &'r str {
        let k = COLUMNS.iter().position(|(n, _)| *n == name);
        k.and_then(|k| self.index[k]).and_then(|i| record.get(i)).map_or("", str::trim)
    }
}

/// The text of a Comtrade file: UTF-8, or Latin-1 (as older exports and re-saved files are),
/// recognised by a header that is Comtrade's and bytes that are not UTF-8.
pub(crate) fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<(std::borrow::Cow<'a, str>, bool), LoadError> {
    match super::text::check_utf8(path, bytes) {
        Ok(text) => Ok((text.into(), false)),
        Err(LoadError::NotUtf8 { .. }) if is_comtrade_text(bytes) => {
            Ok((bytes.iter().map(|&b| char::from(b)).collect::<String>().into(), true))
        }
        Err(e) => Err(e),
    }
}

/// One row of figures, read.
#[derive(Debug, Clone)]
struct Row {
    /// The record's place among the file's rows, from 0.
    row: usize,
    reporter: (String, String),
    flow: (String, String),
    partner: Option<(String, String)>,
    commodity: Option<(String, String, u8)>,
    time: Time,
    value: f64,
    classification: String,
}

/// Loads a Comtrade export. Its rows are read in order: read in parallel, as rows of their own
/// names made on the pool and dropped on the thread that declares them, a 432,000-row export
/// took longer (1.30 s against 1.10 s), malloc being the slowest part.
pub(crate) fn load_comtrade(
    path: &Path,
    bytes: &[u8],
    progress: &Progress,
) -> Result<(Dataset, Vec<Warning>), LoadError> {
    let (text, latin1) = decode(path, bytes)?;
    let text = text.as_bytes();
    let delimiter = super::csv::sniff_delimiter(text);
    let mut records = Records::new(path, text, delimiter, Rest::Bytes(text))?;
    let header = records.header().clone();
    super::csv::check_columns(path, &header, &progress.limits)?;
    let columns = Columns::of(&header);
    let missing: Vec<&str> =
        ["reporterdesc", "flowdesc", "primaryvalue"].into_iter().filter(|c| !columns.has(c)).collect();
    if !missing.is_empty() || !(columns.has("refyear") || columns.has("period")) {
        let problem = Problem {
            at: Place::Header,
            kind: ProblemKind::MissingColumn {
                column: "reporterDesc, flowDesc, refYear, primaryValue".into(),
                found: header.iter().collect::<Vec<_>>().join(", "),
            },
        };
        return Err(LoadError::Invalid { path: path.to_path_buf(), problems: vec![problem], more: 0 });
    }
    let mut builder = Builder::new(locate_row, QuotePolicy::NotExpected).limits(&progress.limits);
    let mut rows = Vec::new();
    let mut left_out = Counted::default();
    let mut record = csv::StringRecord::new();
    let mut index = 0usize;
    while records.read(&mut record)? {
        if let Some(row) = read_row(&mut builder, &columns, &record, index, &mut left_out) {
            rows.push(row);
        }
        index += 1;
        count_row(path, progress, index, &record)?;
    }
    records.finish()?;
    declare(&mut builder, rows, &mut left_out);
    if latin1 {
        builder.warn(Warning::Latin1);
    }
    left_out.warn(&mut builder);
    let (mut dataset, warnings) =
        builder.finish().map_err(|(problems, more)| LoadError::Invalid { path: path.to_path_buf(), problems, more })?;
    dataset.title = title(&dataset, path);
    Ok((dataset, warnings))
}

/// The source's title ("UN Comtrade, HS 2022 (H6)"), after the reporter's name when there is
/// one reporter; the file's name when it has several sources.
fn title(d: &Dataset, path: &Path) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    match (d.entities.as_slice(), d.sources.as_slice()) {
        ([entity], [source]) => format!("{} — {}", entity.name, source.title),
        (_, [source]) => source.title.clone(),
        _ => stem,
    }
}

/// What was left out, counted for the warnings.
#[derive(Default)]
struct Counted {
    /// Rows that break a figure down by a second partner, transport, supply or customs.
    breakdowns: usize,
    /// Rows that repeat a figure already read.
    repeated: usize,
    /// The first of those, located.
    first_repeat: Option<Place>,
}

impl Counted {
    fn warn(self, builder: &mut Builder) {
        if self.breakdowns > 0 {
            builder.warn(Warning::ComtradeBreakdowns { count: self.breakdowns });
        }
        if let Some(first) = self.first_repeat {
            builder.warn(Warning::RepeatedRows { count: self.repeated, first });
        }
    }
}

/// Reads one row, or leaves it out (a breakdown, a missing value) or records its problem.
fn read_row(
    builder: &mut Builder,
    columns: &Columns,
    record: &csv::StringRecord,
    row: usize,
    left_out: &mut Counted,
) -> Option<Row> {
    if columns
        .breakdowns
        .iter()
        .any(|&(i, total)| record.get(i).is_some_and(|v| !v.trim().is_empty() && v.trim() != total))
    {
        left_out.breakdowns += 1;
        return None;
    }
    let get = |name: &str| columns.get(record, name);
    let value = match read_cell(get("primaryvalue"), Decimals::Point) {
        CellValue::Missing => return None,
        CellValue::Number(v) | CellValue::Percent(v) => v,
        CellValue::Text => {
            builder
                .problem(locate_row(row, "primaryValue"), ProblemKind::NotANumber { text: get("primaryvalue").into() });
            return None;
        }
    };
    let Some(time) = time_of(get("freqcode"), get("refyear"), get("refmonth"), get("period")) else {
        let text = if get("period").is_empty() { get("refyear") } else { get("period") };
        builder.problem(locate_row(row, "period"), ProblemKind::BadDate { text: text.into() });
        return None;
    };
    let code_or = |code: &str, iso: &str| if iso.is_empty() { code.to_string() } else { iso.to_string() };
    let reporter = (code_or(get("reportercode"), get("reporteriso")), get("reporterdesc").to_string());
    let partner_iso = code_or(get("partnercode"), get("partneriso"));
    let world = matches!(partner_iso.as_str(), "W00" | "0" | "WLD") || get("partnerdesc") == "World";
    let partner = (!world).then(|| (partner_iso, get("partnerdesc").to_string()));
    let cmd = get("cmdcode");
    let commodity = (!cmd.is_empty() && !cmd.eq_ignore_ascii_case("TOTAL")).then(|| {
        let level = get("aggrlevel").parse().unwrap_or(cmd.len().min(255) as u8);
        (cmd.to_string(), get("cmddesc").to_string(), level)
    });
    let flow = (get("flowcode").to_string(), get("flowdesc").to_string());
    Some(Row { row, reporter, flow, partner, commodity, time, value, classification: get("classificationcode").into() })
}

/// A row's time: a year, or a month (`freqCode` M, `period` 202201).
fn time_of(freq: &str, year: &str, month: &str, period: &str) -> Option<Time> {
    let period_year = period.get(..4).and_then(|y| y.parse().ok());
    let year: i32 = year.parse().ok().or(period_year)?;
    if freq.eq_ignore_ascii_case("M") || (freq.is_empty() && period.len() == 6) {
        let month: u8 = month.parse().ok().or_else(|| period.get(4..6).and_then(|m| m.parse().ok()))?;
        return Time::month(year, month);
    }
    Some(Time::Year(year))
}

/// The category of a row's partner and commodity: `None` for the World and all commodities (the
/// whole); a partner, a commodity of one level, or both, each a dimension of its own.
fn category_of(row: &Row) -> Option<(String, String, String)> {
    match (&row.partner, &row.commodity) {
        (None, None) => None,
        (Some((iso, name)), None) => Some((format!("partner-{}", slug(iso)), name.clone(), "partner".into())),
        (None, Some((code, name, level))) => {
            Some((format!("commodity-{}", slug(code)), format!("{code} {name}"), format!("commodity_{level}")))
        }
        (Some((iso, partner)), Some((code, name, level))) => Some((
            format!("partner-{}-commodity-{}", slug(iso), slug(code)),
            format!("{partner} · {code} {name}"),
            format!("partner_commodity_{level}"),
        )),
    }
}

/// The ids of one kind of name (reporters, flows, sources, categories), each worked out once
/// from the text it comes from: most rows repeat their reporter, flow and classification, and a
/// file of a few partners and commodities has few categories.
#[derive(Default)]
struct Seen {
    /// The place of an id, by the text it was worked out from.
    by_text: FxHashMap<String, u32>,
    /// The place of an id, by the id (two texts may come to one id).
    by_id: FxHashMap<String, u32>,
    /// Per place: the id, and whether it is declared.
    ids: Vec<(String, bool)>,
}

impl Seen {
    /// The place of the id that `text` comes to; `id_of` works it out the first time.
    fn place(&mut self, text: &str, id_of: impl FnOnce() -> String) -> u32 {
        if let Some(&place) = self.by_text.get(text) {
            return place;
        }
        let id = id_of();
        let place = match self.by_id.get(&id) {
            Some(&place) => place,
            None => {
                let place = self.ids.len() as u32;
                self.by_id.insert(id.clone(), place);
                self.ids.push((id, false));
                place
            }
        };
        self.by_text.insert(text.to_string(), place);
        place
    }

    /// The id at `place`.
    fn id(&self, place: u32) -> &str {
        &self.ids[place as usize].0
    }

    /// Whether the id at `place` is still to be declared; from now on it is.
    fn first(&mut self, place: u32) -> bool {
        !std::mem::replace(&mut self.ids[place as usize].1, true)
    }
}

/// What a row's category is worked out from: which of partner and commodity it has, and their
/// codes (`key` is reused from row to row).
fn category_key<'k>(row: &Row, key: &'k mut String) -> Option<&'k str> {
    key.clear();
    match (&row.partner, &row.commodity) {
        (None, None) => return None,
        (Some((iso, _)), None) => key.extend(["p\u{1f}", iso]),
        (None, Some((code, _, level))) => key.extend(["c\u{1f}", code, "\u{1f}", &level.to_string()]),
        (Some((iso, _)), Some((code, _, level))) => {
            key.extend(["pc\u{1f}", iso, "\u{1f}", code, "\u{1f}", &level.to_string()])
        }
    }
    Some(key)
}

/// Declares the reporters, flows, sources and categories the rows use, then adds the rows'
/// figures, each cell once.
fn declare(builder: &mut Builder, rows: Vec<Row>, left_out: &mut Counted) {
    let (mut entities, mut metrics, mut sources, mut categories) =
        (Seen::default(), Seen::default(), Seen::default(), Seen::default());
    let mut cells: FxHashSet<(u32, u32, u32, Time)> = FxHashSet::default();
    let mut key = String::new();
    for row in rows {
        let entity = entities.place(&row.reporter.0, || slug(&row.reporter.0));
        let flow = if row.flow.1.is_empty() { &row.flow.0 } else { &row.flow.1 };
        let metric = metrics.place(flow, || slug(flow));
        let category = category_key(&row, &mut key)
            .map(|key| categories.place(key, || category_of(&row).map(|(id, _, _)| id).unwrap_or_default()));
        // A file of several classifications, or a row written twice, repeats a figure: keep the first.
        if !cells.insert((entity, metric, category.unwrap_or(u32::MAX), row.time)) {
            left_out.repeated += 1;
            left_out.first_repeat.get_or_insert_with(|| locate_row(row.row, ""));
            continue;
        }
        let classification = if row.classification.is_empty() { "all" } else { &row.classification };
        let source = sources.place(classification, || format!("comtrade-{}", slug(classification)));
        declare_names(builder, &row, (&mut entities, entity), (&mut metrics, metric), (&mut sources, source));
        if let Some(category) = category
            && categories.first(category)
            && let Some((id, name, dimension)) = category_of(&row)
        {
            let category = Category { dimension: Some(dimension), ..Category::plain(id, name, None) };
            builder.add_category(&locate_row(row.row, ""), category);
        }
        let category = category.map(|c| categories.id(c));
        let (entity, metric, source) = (entities.id(entity), metrics.id(metric), sources.id(source));
        let ids = (|| {
            let ids = ObservationIds {
                entity: builder.entity_id(entity)?,
                metric: builder.metric_id(metric)?,
                category: match category {
                    Some(category) => Some(builder.category_id(category)?),
                    None => None,
                },
                period: PeriodId::FULL_YEAR,
            };
            Some((ids, Some(builder.source_id(source)?)))
        })();
        match ids {
            Some(ids) => builder.add_plain(row.row, ids, (row.time, row.value, None)),
            None => {
                let input = ObservationInput {
                    category,
                    ..ObservationInput::plain(entity, metric, row.time, row.value, Some(source))
                };
                builder.add_observation(row.row, input);
            }
        }
    }
}

/// Declares a row's reporter, flow and source the first time they are met.
fn declare_names(
    builder: &mut Builder,
    row: &Row,
    (entities, entity): (&mut Seen, u32),
    (metrics, metric): (&mut Seen, u32),
    (sources, source): (&mut Seen, u32),
) {
    let at = locate_row(row.row, "");
    if entities.first(entity) {
        let (iso, name) = &row.reporter;
        let aggregate = matches!(iso.as_str(), "W00" | "0") || name == "World" || name.starts_with("EU");
        let entity = Entity {
            id: entities.id(entity).to_string(),
            name: name.clone(),
            name_zh: None,
            kind: String::new(),
            parent: None,
            aggregate,
        };
        builder.add_entity(&at, entity, None);
    }
    if metrics.first(metric) {
        let name = if row.flow.1.is_empty() { row.flow.0.clone() } else { row.flow.1.clone() };
        let metric = Metric {
            id: metrics.id(metric).to_string(),
            name,
            name_zh: None,
            unit: Unit::Money { currency: Currency::Usd, multiplier: 1.0 },
            group: "trade".into(),
            share_of: None,
            description: String::new(),
        };
        builder.add_metric(&at, metric);
    }
    if sources.first(source) {
        builder.add_source(&at, comtrade_source(sources.id(source), &row.classification));
    }
}

/// UN Comtrade as the source, with the classification the figures are in (`H6`: HS 2022).
fn comtrade_source(id: &str, classification: &str) -> Source {
    let edition = match classification {
        "H0" => "HS 1992",
        "H1" => "HS 1996",
        "H2" => "HS 2002",
        "H3" => "HS 2007",
        "H4" => "HS 2012",
        "H5" => "HS 2017",
        "H6" => "HS 2022",
        "HS" => "HS, as reported",
        "S1" => "SITC Rev. 1",
        "S2" => "SITC Rev. 2",
        "S3" => "SITC Rev. 3",
        "S4" => "SITC Rev. 4",
        "B4" => "BEC Rev. 4",
        "B5" => "BEC Rev. 5",
        "EB" | "EB02" | "EB10" => "EBOPS",
        _ => "",
    };
    let title = match (edition, classification) {
        (_, "") => "UN Comtrade".to_string(),
        ("", code) => format!("UN Comtrade ({code})"),
        (edition, code) => format!("UN Comtrade, {edition} ({code})"),
    };
    Source {
        id: id.to_string(),
        title,
        publisher: "United Nations Statistics Division".into(),
        url: "https://comtradeplus.un.org/".into(),
        published: None,
        retrieved: None,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// [`declare`] as it was first written, a string key per name and cell: the reference the
    /// declaring by places is tested against.
    fn declare_plainly(builder: &mut Builder, rows: Vec<Row>, left_out: &mut Counted) {
        let mut declared: std::collections::HashSet<String> = Default::default();
        let mut cells: std::collections::HashSet<(String, String, Option<String>, Time)> = Default::default();
        for row in rows {
            let at = locate_row(row.row, "");
            let entity = slug(&row.reporter.0);
            let metric = slug(if row.flow.1.is_empty() { &row.flow.0 } else { &row.flow.1 });
            let category = category_of(&row);
            // A file of several classifications, or a row written twice, repeats a figure: keep the first.
            if !cells.insert((entity.clone(), metric.clone(), category.as_ref().map(|c| c.0.clone()), row.time)) {
                left_out.repeated += 1;
                left_out.first_repeat.get_or_insert(at);
                continue;
            }
            if declared.insert(format!("e:{entity}")) {
                let (iso, name) = &row.reporter;
                let aggregate = matches!(iso.as_str(), "W00" | "0") || name == "World" || name.starts_with("EU");
                let entity = Entity {
                    id: entity.clone(),
                    name: name.clone(),
                    name_zh: None,
                    kind: String::new(),
                    parent: None,
                    aggregate,
                };
                builder.add_entity(&at, entity, None);
            }
            if declared.insert(format!("m:{metric}")) {
                let name = if row.flow.1.is_empty() { row.flow.0.clone() } else { row.flow.1.clone() };
                let metric = Metric {
                    id: metric.clone(),
                    name,
                    name_zh: None,
                    unit: Unit::Money { currency: Currency::Usd, multiplier: 1.0 },
                    group: "trade".into(),
                    share_of: None,
                    description: String::new(),
                };
                builder.add_metric(&at, metric);
            }
            let source =
                format!("comtrade-{}", slug(if row.classification.is_empty() { "all" } else { &row.classification }));
            if declared.insert(format!("s:{source}")) {
                builder.add_source(&at, comtrade_source(&source, &row.classification));
            }
            if let Some((id, name, dimension)) = &category
                && declared.insert(format!("c:{id}"))
            {
                let category =
                    Category { dimension: Some(dimension.clone()), ..Category::plain(id.clone(), name.clone(), None) };
                builder.add_category(&at, category);
            }
            let category = category.map(|(id, _, _)| id);
            let input = ObservationInput {
                category: category.as_deref(),
                ..ObservationInput::plain(&entity, &metric, row.time, row.value, Some(&source))
            };
            builder.add_observation(row.row, input);
        }
    }

    /// Random rows as Comtrade files have them: a few reporters (two codes that come to one id),
    /// flows with and without a name, partners and commodities (one code at two levels), several
    /// classifications, years and months, rows written twice, a code that makes no id.
    fn rows() -> impl Strategy<Value = Vec<Row>> {
        let reporters =
            [("CHN", "China"), ("chn", "China (again)"), ("W00", "World"), ("", "No code"), ("EU", "EU-27")];
        let flows = [("X", "Export"), ("M", "Import"), ("RX", ""), ("X", "")];
        let partners = [None, Some(("USA", "USA")), Some(("DEU", "Germany")), Some(("", "Nobody"))];
        let commodities = [
            None,
            Some(("85", "Electrical machinery", 2u8)),
            Some(("85", "Electrical machinery", 4)),
            Some(("8517", "Phones", 4)),
        ];
        let row = (
            0..reporters.len(),
            0..flows.len(),
            0..partners.len(),
            0..commodities.len(),
            0usize..4,
            0usize..3,
            -1.0e12f64..1.0e12,
        );
        proptest::collection::vec(row, 0..80).prop_map(move |picks| {
            picks
                .into_iter()
                .enumerate()
                .map(|(i, (r, f, p, c, class, time, value))| Row {
                    row: i,
                    reporter: (reporters[r].0.into(), reporters[r].1.into()),
                    flow: (flows[f].0.into(), flows[f].1.into()),
                    partner: partners[p].map(|(a, b)| (a.into(), b.into())),
                    commodity: commodities[c].map(|(a, b, l)| (a.into(), b.into(), l)),
                    time: [Time::Year(2021), Time::Year(2022), Time::month(2022, 3).expect("a month")][time],
                    value,
                    classification: ["H6", "", "S4", "H6 "][class].into(),
                })
                .collect()
        })
    }

    /// What declaring the rows gives: the dataset and warnings, or the problems.
    fn outcome(rows: Vec<Row>, declare: fn(&mut Builder, Vec<Row>, &mut Counted)) -> String {
        let mut builder = Builder::new(locate_row, QuotePolicy::NotExpected);
        let mut left_out = Counted::default();
        declare(&mut builder, rows, &mut left_out);
        left_out.warn(&mut builder);
        format!("{:?}", builder.finish())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

        /// Declaring by places worked out once per name gives what a string key per name and
        /// cell gives: the same reporters, flows, sources, categories, figures and repeats.
        #[test]
        fn declaring_by_places_gives_what_declaring_by_names_gives(rows in rows()) {
            prop_assert_eq!(outcome(rows.clone(), declare), outcome(rows, declare_plainly));
        }
    }
}
