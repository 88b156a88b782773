//! An Our World in Data table read in parallel: its first rows (the sample that tells columns
//! of numbers from columns of text) are read as the sequential loader
//! ([`super::owid::load_owid_records`], the reference) reads them; the rest of the file is cut
//! into pieces (see [`super::csv_chunks`]) whose cells are read on the thread pool, and one
//! thread takes the pieces in, in order, adding their figures as the sequential loader does.

use std::io::Read;
use std::path::Path;

use super::build::{Builder, ObservationIds, ObservationInput};
use super::cells::{CellValue, Decimals, read_cell};
use super::csv::locate_row;
use super::csv_chunks::{Chunking, PieceEnd, Table, Taken, read_in_chunks, read_records};
use super::error::{LoadError, ProblemKind, Warning};
use super::model::{Dataset, EntityId, MetricId, PeriodId, SourceId, Time};
use super::owid::{OwidRows, PackageFor, TimeColumn, owid_finish, owid_rows, owid_setup};
use super::progress::Progress;

/// What reading a piece's cells needs, fixed once the sample has declared the metrics.
struct Shape {
    entity: usize,
    code: Option<usize>,
    time: (usize, TimeColumn),
    /// The indicator columns of numbers, in order.
    numbers: Vec<usize>,
    /// The columns of text.
    text: Vec<usize>,
    counting: bool,
    decimals: Decimals,
}

impl Shape {
    fn of(rows: &OwidRows<'_>) -> Shape {
        let layout = &rows.layout;
        let numbers = layout.indicators.iter().zip(&rows.indicators).filter(|(_, i)| i.is_some()).map(|(&c, _)| c);
        Shape {
            entity: layout.entity,
            code: layout.code,
            time: layout.time,
            numbers: numbers.collect(),
            text: rows.text.iter().map(|t| t.index).collect(),
            counting: rows.counting,
            decimals: rows.decimals,
        }
    }
}

/// One row of a piece, read.
enum Parsed {
    /// The time cannot be read: its text.
    BadTime(Box<str>),
    /// No entity named.
    NoEntity,
    /// A place's row: its name as a place in the piece's table, and its time.
    Row { entity: u32, time: Time },
}

/// A piece of the file, read.
struct ParsedPiece {
    rows: Vec<Parsed>,
    /// Per row of a place, per column of numbers: its value, NaN when the cell is missing or
    /// not a number.
    values: Vec<f64>,
    /// The cells of columns of numbers that are not numbers: row in the piece, column of
    /// numbers, text.
    not_numbers: Vec<(u32, u32, Box<str>)>,
    /// Per row of a place, the cells of the columns of text.
    text: Vec<Box<str>>,
    entities: Table,
    /// Per entity of the table: the code on its first row in the piece.
    codes: Vec<Option<Box<str>>>,
    end: PieceEnd,
}

fn parse_piece(path: &Path, (header, delimiter): (&csv::StringRecord, u8), shape: &Shape, piece: &[u8]) -> ParsedPiece {
    let mut parsed = ParsedPiece {
        rows: Vec::new(),
        values: Vec::new(),
        not_numbers: Vec::new(),
        text: Vec::new(),
        entities: Table::default(),
        codes: Vec::new(),
        end: PieceEnd { lines: 0, bytes: 0, error: None, unclosed: None },
    };
    let end = read_records(path, (header, delimiter), piece, |record| {
        let row = parse_row(shape, record, &mut parsed);
        parsed.rows.push(row);
    });
    parsed.end = end;
    parsed
}

/// One row, as [`OwidRows`]' `read` reads it, without the builder.
fn parse_row(shape: &Shape, record: &csv::StringRecord, parsed: &mut ParsedPiece) -> Parsed {
    let cell = |i: usize| record.get(i).unwrap_or_default();
    let entity_name = cell(shape.entity).trim();
    let time_text = cell(shape.time.0).trim();
    let time = match shape.time.1 {
        TimeColumn::Year => time_text.parse::<i32>().ok().map(Time::Year),
        TimeColumn::Day => Time::parse(time_text).filter(|t| !matches!(t, Time::Year(_))),
    };
    let Some(time) = time else { return Parsed::BadTime(time_text.into()) };
    if entity_name.is_empty() {
        return Parsed::NoEntity;
    }
    parsed.text.extend(shape.text.iter().map(|&i| cell(i).into()));
    let entity = parsed.entities.place(Some(entity_name));
    if entity as usize == parsed.codes.len() {
        parsed.codes.push(shape.code.map(|c| cell(c).trim().into()));
    }
    if !shape.counting {
        let row = parsed.rows.len() as u32;
        for (k, &column) in shape.numbers.iter().enumerate() {
            let value = match read_cell(cell(column), shape.decimals) {
                CellValue::Missing => f64::NAN,
                CellValue::Number(v) | CellValue::Percent(v) => v,
                CellValue::Text => {
                    parsed.not_numbers.push((row, k as u32, cell(column).into()));
                    f64::NAN
                }
            };
            parsed.values.push(value);
        }
    }
    Parsed::Row { entity, time }
}

/// Per column of numbers: its metric's id and its source's, when the builder has them.
type Indicators = Vec<Option<(MetricId, Option<SourceId>)>>;

/// Takes the pieces in, in order.
struct Taker<'a, 'h> {
    taken: Taken<'a>,
    builder: Builder,
    rows: OwidRows<'h>,
    indicators: Indicators,
}

impl Taker<'_, '_> {
    fn take(&mut self, piece: ParsedPiece, shape: &Shape) -> Result<(), LoadError> {
        // Per entity of the piece: its id, and the builder's index once it has one.
        let mut ids: Vec<Option<(String, Option<EntityId>)>> = vec![None; piece.entities.len()];
        let (mut values, mut text) = (piece.values.iter(), piece.text.iter());
        let mut not_numbers = piece.not_numbers.iter().peekable();
        for (i, parsed) in piece.rows.iter().enumerate() {
            let row = self.taken.rows;
            match parsed {
                Parsed::BadTime(text) => {
                    let kind = match shape.time.1 {
                        TimeColumn::Year => ProblemKind::BadYear { text: text.to_string() },
                        TimeColumn::Day => ProblemKind::BadDate { text: text.to_string() },
                    };
                    self.builder.problem(locate_row(row, &self.rows.time_name), kind);
                }
                Parsed::NoEntity => self.builder.problem(locate_row(row, "Entity"), ProblemKind::EmptyText),
                &Parsed::Row { entity, time } => {
                    let name = piece.entities.name(entity).unwrap_or_default();
                    for column in &mut self.rows.text {
                        column.read_text(text.next().map(|t| &**t).unwrap_or_default(), (name, time), row);
                    }
                    if !self.rows.counting {
                        let code = piece.codes.get(entity as usize).and_then(|c| c.as_deref());
                        let (id, found) = ids[entity as usize].get_or_insert_with(|| {
                            let id = self.rows.declared_entity(&mut self.builder, (name, code), row);
                            let found = self.builder.entity_id(&id);
                            (id, found)
                        });
                        for k in 0..shape.numbers.len() {
                            let value = values.next().copied().unwrap_or(f64::NAN);
                            if let Some((_, _, cell)) = not_numbers.next_if(|n| (n.0, n.1) == (i as u32, k as u32)) {
                                let column = self.rows.header.get(shape.numbers[k]).unwrap_or_default().trim();
                                self.rows.skipped.skip(column, row, cell);
                            }
                            if !value.is_nan() {
                                self.add(row, (id, *found), (k, time, value));
                            }
                        }
                    }
                }
            }
            self.taken.count()?;
        }
        self.taken.end(piece.end)
    }

    /// Adds one figure of the `k`th column of numbers: by ids when the builder has them all,
    /// else by its names (which names what is unknown).
    fn add(&mut self, row: usize, (id, found): (&str, Option<EntityId>), (k, time, value): (usize, Time, f64)) {
        if let (Some(entity), Some(Some((metric, source)))) = (found, self.indicators.get(k)) {
            let ids = ObservationIds { entity, metric: *metric, category: None, period: PeriodId::FULL_YEAR };
            return self.builder.add_plain(row, (ids, *source), (time, value, None));
        }
        let Some(indicator) = self.rows.indicators.iter().flatten().nth(k) else { return };
        let input = ObservationInput::plain(id, &indicator.metric, time, value, indicator.source.as_deref());
        self.builder.add_observation(row, input);
    }
}

/// Loads an OWID table whose header and first rows (`sample`, up to the sample's size) were
/// read apart, the rest of it from `input` (its first byte on line `first_line`), parsing
/// pieces of it in parallel.
pub(crate) fn load_owid_chunked<R: Read + Send>(
    (path, input): (&Path, R),
    (header, delimiter): (&csv::StringRecord, u8),
    (sample, first_line, already): (&[csv::StringRecord], u64, u64),
    package_for: PackageFor<'_>,
    (progress, chunking): (&Progress, Chunking),
) -> Result<(Dataset, Vec<Warning>), LoadError> {
    let (mut builder, layout, source) = owid_setup(path, header, package_for, progress)?;
    let decimals = if delimiter == b';' { Decimals::Comma } else { Decimals::Point };
    let mut rows = owid_rows(&mut builder, header, (layout, package_for.info(), source.as_deref()), (sample, decimals));
    let mut taken = Taken::new(path, first_line, progress.limits.rows);
    for record in sample {
        rows.read(&mut builder, record, taken.rows);
        taken.count()?;
    }
    let shape = Shape::of(&rows);
    let indicators: Indicators = rows
        .indicators
        .iter()
        .flatten()
        .map(|i| {
            let source = match &i.source {
                Some(s) => Some(builder.source_id(s)?),
                None => None,
            };
            Some((builder.metric_id(&i.metric)?, source))
        })
        .collect();
    let mut taker = Taker { taken, builder, rows, indicators };
    read_in_chunks(
        (path, input),
        delimiter,
        chunking,
        (progress, already),
        |piece| parse_piece(path, (header, delimiter), &shape, piece),
        |piece| taker.take(piece, &shape),
    )?;
    let Taker { taken, builder, rows, .. } = taker;
    let loaded = owid_finish(path, builder, rows, (package_for.info(), source.as_deref()))?;
    taken.finish(loaded)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::csv_chunks::Chunking;
    use super::super::load::load_path_cut;
    use super::super::progress::{Limits, Progress};

    const HEADERS: [&str; 3] =
        ["Entity,Code,Year,Exports,\"Trade, share\"", "Entity,Year,Exports,Region", "Country,Day,Exports"];

    /// Cells of the rows after the sample, by role, the good ones first: names with commas
    /// and line breaks, codes of aggregates, bad and historical years, dates, spellings of
    /// "no data", percentages, words in columns of numbers, a stray `5"`.
    const ENTITY: &[&str] = &["China", "World", "\"Korea, Rep.\"", "\"Two\nlines\"", "", "中国", "5\"", "Asia (FAO)"];
    const CODE: &[&str] = &["CHN", "OWID_WRL", "", "\"K,R\""];
    const YEAR: &[&str] = &["2020", "1999", "", "-500", "20x", "2020-01-31", "1.5", "+7"];
    const DAY: &[&str] = &["2020-01-31", "2021-03-01", "2020", "2021-02-30", "", "x"];
    const NUMBER: &[&str] = &["1.5", "-2", "", "NA", "abc", "13%", "\"1,5\"", "5\"", ".."];
    const TEXT: &[&str] = &["Asia", "Europe", "", "7", "\"a\nb\"", "..", "x"];

    /// Each header's columns, by role.
    const ROLES: [&[&[&str]]; 3] =
        [&[ENTITY, CODE, YEAR, NUMBER, NUMBER], &[ENTITY, YEAR, NUMBER, TEXT], &[ENTITY, DAY, NUMBER]];

    /// A random OWID table: a header, the sample's thousand rows (numbers, and words in a
    /// column of text), then rows of cells from [`CELLS`] (one in forty a cell short or long),
    /// LF or CRLF, maybe a BOM, maybe a byte that is not UTF-8 or a cut after the sample.
    fn file() -> impl Strategy<Value = Vec<u8>> {
        let row = (proptest::collection::vec(0usize..64, 5), 0usize..80);
        (
            0..HEADERS.len(),
            proptest::collection::vec(row, 0..60),
            any::<bool>(),
            any::<bool>(),
            proptest::option::weighted(0.3, (0usize..4096, any::<bool>())),
        )
            .prop_map(|(header, rows, crlf, bom, damage)| {
                let end = if crlf { "\r\n" } else { "\n" };
                let roles = ROLES[header];
                let width = roles.len();
                let mut text = String::from(if bom { "\u{feff}" } else { "" });
                text.push_str(HEADERS[header]);
                text.push_str(end);
                for i in 0..1000 {
                    // A thousand cells, none repeated, none at a time the rows after them use.
                    let time =
                        if header == 2 { format!("1990-01-{:02}", i % 28 + 1) } else { (1800 + i % 100).to_string() };
                    let place = format!("S{}", i / 100 + if header == 2 { i % 100 / 28 * 10 } else { 0 });
                    let row = match header {
                        0 => format!("{place},C{},{time},{}.5,{}", i % 3, i, i % 7),
                        1 => format!("{place},{time},{},Asia", i),
                        _ => format!("{place},{time},{}", i),
                    };
                    text.push_str(&row);
                    text.push_str(end);
                }
                let sample_end = text.len();
                for (cells, shape) in &rows {
                    let n = match shape {
                        0 => width - 1,
                        1 => width + 1,
                        _ => width,
                    };
                    let row: Vec<String> = (0..n)
                        .map(|c| {
                            // Three cells in four are good ones; places and times then vary
                            // enough that few rows repeat a cell.
                            let (pool, pick) = (roles[c.min(width - 1)], cells[c % cells.len()]);
                            match (pick < 48, c) {
                                (true, 0) => format!("E{pick}"),
                                (true, 1 | 2) if pool == YEAR => (1950 + pick).to_string(),
                                (true, 1) if pool == DAY => format!("2020-02-{:02}", pick % 28 + 1),
                                (true, _) => pool[pick % 2].to_string(),
                                (false, _) => pool[pick % pool.len()].to_string(),
                            }
                        })
                        .collect();
                    text.push_str(&row.join(","));
                    text.push_str(end);
                }
                let mut bytes = text.into_bytes();
                if let Some((at, cut)) = damage {
                    let at = sample_end + at % (bytes.len() - sample_end + 1);
                    if cut { bytes.truncate(at) } else { bytes.insert(at, 0xFF) }
                }
                bytes
            })
    }

    fn outcome(path: &std::path::Path, chunking: Option<Chunking>) -> String {
        let progress = Progress::new(Limits { rows: 1040, ..Limits::default() });
        format!("{:?}", load_path_cut(path, &progress, chunking).map(|l| (l.dataset, l.warnings, l.format)))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Whatever the rows after the sample and however they are cut, the parallel reading
        /// gives what the sequential one does.
        #[test]
        fn owid_pieces_read_in_parallel_give_what_the_sequential_reading_gives(
            bytes in file(),
            block in 1usize..=64,
            pieces in 1usize..=4,
        ) {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let path = dir.path().join("t.csv");
            std::fs::write(&path, &bytes).expect("the file is written");
            let sequential = outcome(&path, None);
            let parallel = outcome(&path, Some(Chunking { block, pieces }));
            prop_assert_eq!(parallel, sequential);
        }
    }
}
