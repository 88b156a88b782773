//! The tidy CSV read in parallel: each piece of the file (see [`super::csv_chunks`]) is parsed
//! on the thread pool into rows whose names are places in the piece's own tables; one thread
//! then takes the pieces in, in order, looking each name of a piece up once, and adds the rows
//! to the builder exactly as the sequential loader ([`super::csv::load_tidy_records`], the
//! reference) adds them.

use std::io::Read;
use std::path::Path;

use super::build::{Builder, DerivationInput, DetailsInput, ObservationIds, ObservationInput, Resolved};
use super::csv::{
    BadCell, Col, Columns, declare_category, declare_entity, declare_metric, declare_source, locate_row, parse_time,
    parse_trust, parse_value, tidy_builder, tidy_columns, tidy_finish,
};
use super::csv_chunks::{Chunking, NONE, PieceEnd, Table, Taken, read_in_chunks, read_records};
use super::error::{LoadError, Warning};
use super::model::{CategoryId, Dataset, EntityId, MetricId, PeriodId, SourceId, Time, Trust};
use super::progress::Progress;

/// The names a row refers to, by table.
#[derive(Clone, Copy)]
enum Name {
    Entity,
    Metric,
    Source,
    Category,
    Unit,
    Period,
}

const NAMES: usize = 6;

/// One row of a piece, read.
enum Parsed {
    /// A figure: its names as places in the piece's tables.
    Figure(Figure),
    /// No value: counted in a warning.
    Empty,
    /// A cell that cannot be read.
    Bad(Box<BadCell>),
}

struct Figure {
    names: [u32; NAMES],
    time: Time,
    value: f64,
    trust: Option<Trust>,
    /// Rare in large files, so kept out of line.
    details: Option<Box<DetailsInput>>,
}

/// A piece of the file, read.
struct ParsedPiece {
    rows: Vec<Parsed>,
    tables: [Table; NAMES],
    end: PieceEnd,
}

/// Row lists the taker has emptied, for the next pieces: a fresh list per piece would be
/// mapped and unmapped each time, and its pages faulted in again.
type Spare = std::sync::Mutex<Vec<Vec<Parsed>>>;

/// Parses the rows of one piece.
fn parse_piece(
    path: &Path,
    (header, columns): (&csv::StringRecord, &Columns),
    (delimiter, spare): (u8, &Spare),
    piece: &[u8],
) -> ParsedPiece {
    let mut rows = spare.lock().ok().and_then(|mut spare| spare.pop()).unwrap_or_default();
    let mut tables: [Table; NAMES] = Default::default();
    let end =
        read_records(path, (header, delimiter), piece, |record| rows.push(parse_row(columns, record, &mut tables)));
    ParsedPiece { rows, tables, end }
}

/// One row, as [`super::csv`]'s `read_row` reads it, without the builder.
fn parse_row(columns: &Columns, record: &csv::StringRecord, tables: &mut [Table; NAMES]) -> Parsed {
    let field = |name| columns.get(record, name).filter(|s| !s.is_empty());
    let Some(value_text) = field(Col::Value) else {
        return Parsed::Empty;
    };
    let cells = parse_value(value_text).and_then(|value| {
        Ok((value, parse_time(field(Col::Year), field(Col::Date))?, parse_trust(field(Col::Trust))?))
    });
    let (value, time, trust) = match cells {
        Ok(cells) => cells,
        Err(bad) => return Parsed::Bad(Box::new(bad)),
    };
    let mut names = [NONE; NAMES];
    for (name, column) in [
        (Name::Entity, Col::Entity),
        (Name::Metric, Col::Metric),
        (Name::Source, Col::Source),
        (Name::Category, Col::Category),
        (Name::Unit, Col::Unit),
        (Name::Period, Col::Period),
    ] {
        let text = match name {
            Name::Entity | Name::Metric => Some(field(column).unwrap_or("")),
            _ => field(column),
        };
        names[name as usize] = tables[name as usize].place(text);
    }
    let quote = field(Col::Quote).map(str::to_string);
    let note = field(Col::Note).map(str::to_string);
    let derived = field(Col::Derived).map(|formula| DerivationInput { formula: formula.into(), inputs: Vec::new() });
    let details = (quote.is_some() || note.is_some() || derived.is_some())
        .then(|| Box::new(DetailsInput { quote, derived, note, ..Default::default() }));
    Parsed::Figure(Figure { names, time, value, trust, details })
}

/// What the pieces' names stand for in the builder, per piece.
struct PieceIds {
    /// Per table and place: the id the rows use (the name, or its slug without metadata).
    ids: [Vec<Option<String>>; NAMES],
    /// Per table and place: the builder's index for it, once it has one.
    found: [Vec<Option<u32>>; NAMES],
}

impl PieceIds {
    fn new(tables: &[Table; NAMES]) -> PieceIds {
        PieceIds {
            ids: std::array::from_fn(|t| vec![None; tables[t].len()]),
            found: std::array::from_fn(|t| vec![None; tables[t].len()]),
        }
    }
}

/// Takes the pieces in, in order.
struct Taker<'a> {
    taken: Taken<'a>,
    builder: Builder,
    inferred: bool,
    empty_values: Vec<usize>,
    /// The file's size, to make room for its figures.
    file_bytes: u64,
}

impl Taker<'_> {
    fn take(&mut self, mut piece: ParsedPiece, spare: &Spare) -> Result<(), LoadError> {
        if self.taken.rows == 0 {
            let first = (piece.rows.len(), piece.end.bytes);
            self.builder.make_room_like(first, self.file_bytes, self.taken.row_limit);
        }
        let mut ids = PieceIds::new(&piece.tables);
        let mut rows = std::mem::take(&mut piece.rows);
        for parsed in rows.drain(..) {
            let row = self.taken.rows;
            match parsed {
                Parsed::Empty => self.empty_values.push(row),
                Parsed::Bad(bad) => {
                    let (column, kind) = *bad;
                    self.builder.problem(locate_row(row, column), kind);
                }
                Parsed::Figure(figure) => self.add(row, figure, &piece.tables, &mut ids),
            }
            self.taken.count()?;
        }
        if let Ok(mut spare) = spare.lock() {
            spare.push(rows);
        }
        self.taken.end(piece.end)
    }

    /// Declares a row's names (without metadata) in the order the sequential loader does, then
    /// adds its figure: by the builder's ids when each name of it has been looked up in this
    /// piece, else by its names (which names what is unknown).
    fn add(&mut self, row: usize, figure: Figure, tables: &[Table; NAMES], ids: &mut PieceIds) {
        let text = |name: Name| tables[name as usize].name(figure.names[name as usize]);
        for name in [Name::Entity, Name::Metric, Name::Source, Name::Category] {
            let (t, place) = (name as usize, figure.names[name as usize]);
            if place == NONE || ids.found[t][place as usize].is_some() {
                continue;
            }
            let written = tables[t].name(place).unwrap_or_default();
            let b = &mut self.builder;
            let id = match (self.inferred, name) {
                (false, _) => written.to_string(),
                (true, Name::Entity) => declare_entity(b, written, row),
                (true, Name::Metric) => declare_metric(b, written, text(Name::Unit), row),
                (true, Name::Source) => declare_source(b, written, row),
                (true, _) => declare_category(b, written, row),
            };
            ids.found[t][place as usize] = match name {
                Name::Entity => b.entity_id(&id).map(|e| e.0),
                Name::Metric => b.metric_id(&id).map(|m| m.0),
                Name::Source => b.source_id(&id).map(|s| s.index()),
                _ => b.category_id(&id).map(|c| c.index()),
            };
            ids.ids[t][place as usize] = Some(id);
        }
        let known = resolved(&figure.names, &ids.found);
        let stated_unit = !self.inferred && figure.names[Name::Unit as usize] != NONE;
        if let (Some(known), None, false) = (known, &figure.details, stated_unit) {
            return self.builder.add_plain(row, known, (figure.time, figure.value, figure.trust));
        }
        let id = |name: Name| {
            let place = figure.names[name as usize];
            (place != NONE).then(|| ids.ids[name as usize][place as usize].as_deref().unwrap_or_default())
        };
        let input = ObservationInput {
            entity: id(Name::Entity).unwrap_or_default(),
            metric: id(Name::Metric).unwrap_or_default(),
            category: id(Name::Category),
            time: figure.time,
            period: text(Name::Period),
            value: figure.value,
            unit: if self.inferred { None } else { text(Name::Unit) },
            source: id(Name::Source),
            trust: figure.trust,
            details: figure.details.map(|d| *d),
            origin: None,
        };
        match known {
            Some(known) => self.builder.add_resolved(row, known, input),
            None => {
                self.builder.add_observation(row, input);
                let place = figure.names[Name::Period as usize];
                if place != NONE {
                    let period = text(Name::Period).and_then(|name| self.builder.period_id(name));
                    ids.found[Name::Period as usize][place as usize] = period.map(|p| u32::from(p.0));
                }
            }
        }
    }
}

/// A row's ids, when each of its names has one.
fn resolved(names: &[u32; NAMES], found: &[Vec<Option<u32>>; NAMES]) -> Option<Resolved> {
    let get = |name: Name| found[name as usize][names[name as usize] as usize];
    let optional = |name: Name| match names[name as usize] {
        NONE => Some(None),
        _ => get(name).map(Some),
    };
    let ids = ObservationIds {
        entity: EntityId(get(Name::Entity)?),
        metric: MetricId(get(Name::Metric)?),
        category: optional(Name::Category)?.map(CategoryId::new),
        period: match names[Name::Period as usize] {
            NONE => PeriodId::FULL_YEAR,
            _ => PeriodId(get(Name::Period)? as u16),
        },
    };
    Some((ids, optional(Name::Source)?.map(SourceId::new)))
}

/// Loads the rows of a tidy CSV whose header was read apart, from `input` (the rest of the
/// file, its first byte on line `first_line`), parsing pieces of it in parallel.
pub(crate) fn load_tidy_chunked<R: Read + Send>(
    (path, input): (&Path, R),
    (header, delimiter): (&csv::StringRecord, u8),
    (first_line, already): (u64, u64),
    metadata: Option<(&Path, &[u8])>,
    (progress, chunking): (&Progress, Chunking),
) -> Result<(Dataset, Vec<Warning>), LoadError> {
    let columns = match tidy_columns(path, header, metadata.is_none()) {
        Ok(columns) => columns,
        // The sidecar's problems come first, as when the file is read in order.
        Err(error) => return Err(tidy_builder(path, header, metadata, progress).err().unwrap_or(error)),
    };
    let new_taker = || -> Result<Taker, LoadError> {
        Ok(Taker {
            taken: Taken::new(path, first_line, progress.limits.rows),
            builder: tidy_builder(path, header, metadata, progress)?,
            inferred: columns.inferred,
            empty_values: Vec::new(),
            file_bytes: progress.total(),
        })
    };
    // The sidecar is declared when the first piece is taken, while the next pieces are parsed.
    let mut taker: Option<Taker> = None;
    let spare = Spare::default();
    let read = read_in_chunks(
        (path, input),
        delimiter,
        chunking,
        (progress, already),
        |piece| parse_piece(path, (header, &columns), (delimiter, &spare), piece),
        |piece| match &mut taker {
            Some(taker) => taker.take(piece, &spare),
            None => taker.insert(new_taker()?).take(piece, &spare),
        },
    );
    let taker = match taker {
        Some(taker) => taker,
        None => new_taker()?,
    };
    read?;
    let loaded = tidy_finish(path, taker.builder, &taker.empty_values)?;
    taker.taken.finish(loaded)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::csv_chunks::Chunking;
    use super::super::load::load_path_cut;
    use super::super::progress::{Limits, Progress};

    /// Cells as files have them: quoted commas and line breaks, a stray `5"`, doubled quotes,
    /// bad numbers, years and dates, names in Chinese, blanks.
    const CELLS: [&[&str]; 6] = [
        &["Jinhua", "Yiwu", "\"Yiwu, City\"", "\"Two\nlines\"", "5\"", "", "  Jinhua  ", "义乌", "\"a\"\"b\""],
        &["Exports", "Imports", "\"Ex\"\"ports\"", "growth (%)", ""],
        &["2020", "2021", "20x4", "9999", "", "1999", "2020-01", "2021-02-03", "2020-13"],
        &["1.5", "-3", "abc", "", "1e400", "100.5", "5\"", "\"7\"", "101"],
        &["Customs", "", "\"S, one\"", "\"said \"\"1.5\"\"\"", "%", "high", "bogus", "H1", "bad period!", "goods"],
        &["", "note", "\"a\nb\"", "billion_yuan", "medium"],
    ];

    /// Headers, the last without a value column.
    const HEADERS: [&str; 5] = [
        "entity,metric,year,value",
        "entity,metric,year,value,source,quote",
        "entity,metric,date,value,period,category",
        "Entity , metric,year,value,unit,trust,note",
        "entity,metric,year,note",
    ];

    /// A random tidy CSV: a header, rows of cells from [`CELLS`] (some rows a cell short or
    /// long), LF or CRLF line ends, maybe a byte-order mark, maybe a byte that is not UTF-8,
    /// maybe cut off anywhere (inside a quoted field too).
    fn file() -> impl Strategy<Value = Vec<u8>> {
        // A row's cells, and its shape: one row in forty is a cell short or long.
        let row = (proptest::collection::vec(0usize..64, 4..8), 0usize..80);
        (
            0..HEADERS.len(),
            proptest::collection::vec(row, 0..40),
            any::<bool>(),
            any::<bool>(),
            proptest::option::weighted(0.3, (0usize..4096, any::<bool>())),
        )
            .prop_map(|(header, rows, crlf, bom, damage)| {
                let end = if crlf { "\r\n" } else { "\n" };
                let width = HEADERS[header].split(',').count();
                let mut text = String::from(if bom { "\u{feff}" } else { "" });
                text.push_str(HEADERS[header]);
                text.push_str(end);
                for (cells, shape) in &rows {
                    let n = match shape {
                        0 => width - 1,
                        1 => width + 1,
                        _ => width,
                    };
                    let row: Vec<&str> = (0..n)
                        .map(|c| {
                            let pool = CELLS[c.min(CELLS.len() - 1)];
                            pool[cells[c % cells.len()] % pool.len()]
                        })
                        .collect();
                    text.push_str(&row.join(","));
                    text.push_str(end);
                }
                let mut bytes = text.into_bytes();
                if let Some((at, cut)) = damage {
                    let at = at % (bytes.len() + 1);
                    if cut { bytes.truncate(at) } else { bytes.insert(at, 0xFF) }
                }
                bytes
            })
    }

    /// Sidecars: one that declares the names the rows use, one with a problem of its own (the
    /// parallel reading declares it while the first rows are parsed, and its problem must still
    /// come first), one that is not JSON.
    const SIDECARS: [&str; 3] = [
        r#"{"format_version": 1, "title": "T", "sources": [{"id": "Customs", "title": "C"}],
            "entities": [{"id": "Jinhua", "name": "J"}, {"id": "Yiwu", "name": "Y"}],
            "metrics": [{"id": "Exports", "name": "E", "unit": "billion_yuan"}, {"id": "Imports", "name": "I", "unit": "share_percent"}]}"#,
        r#"{"format_version": 1, "title": "T", "entities": [{"id": "Jinhua", "name": "J"}, {"id": "Jinhua", "name": "J2"}],
            "metrics": [{"id": "Exports", "name": "E", "unit": "billion_yuan"}]}"#,
        r#"{"format_version": 1, "title": "#,
    ];

    /// What a load gives, to compare: the dataset and warnings, or the error.
    fn outcome(path: &std::path::Path, chunking: Option<Chunking>) -> String {
        let progress = Progress::new(Limits { rows: 30, ..Limits::default() });
        format!("{:?}", load_path_cut(path, &progress, chunking).map(|l| (l.dataset, l.warnings, l.format)))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

        /// Whatever the file and however it is cut, the parallel reading gives what the
        /// sequential one does: the same figures, warnings and errors, at the same lines.
        #[test]
        fn pieces_read_in_parallel_give_what_the_sequential_reading_gives(
            bytes in file(),
            block in 1usize..=64,
            pieces in 1usize..=4,
            metadata in proptest::option::of(0usize..SIDECARS.len()),
        ) {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let path = dir.path().join("t.csv");
            std::fs::write(&path, &bytes).expect("the file is written");
            if let Some(sidecar) = metadata {
                std::fs::write(dir.path().join("t.meta.json"), SIDECARS[sidecar]).expect("the sidecar is written");
            }
            let sequential = outcome(&path, None);
            let parallel = outcome(&path, Some(Chunking { block, pieces }));
            prop_assert_eq!(parallel, sequential, "{:?}", String::from_utf8_lossy(&bytes));
        }
    }
}
