//! A World Bank table with a column per year (the indicator and bulk downloads, DataBank's
//! export of series in rows) read in parallel: the rows after the header are cut into pieces
//! at record ends, each piece's cells are split, repaired and turned into numbers on the thread
//! pool, and one thread takes the pieces in order, declaring countries and indicators as the
//! sequential reading ([`super::world_bank`]) does and adding the figures.

use std::path::Path;

use super::build::{Builder, ObservationInput};
use super::cells::{CellValue, Decimals, SkippedCells, read_cell};
use super::csv_chunks::{Chunking, PieceEnd, Table, Taken, read_in_chunks};
use super::error::LoadError;
use super::model::Time;
use super::progress::Progress;
use super::world_bank::{self, LineCounter, Rows, is_blank, resolved, row_fields};

/// A record of a piece, by the line it starts on in the piece (from 1).
enum Row {
    /// Blank, or DataBank's footer.
    Blank,
    /// Skipped: a code column holds no code (its country code cell's text).
    Skipped { line: u32, text: String },
    /// A country's figures of an indicator: the places of its codes in the piece's tables, and
    /// where its figures end in [`Piece::figures`].
    Figures { line: u32, repaired: bool, country: u32, indicator: u32, end: u32 },
}

/// What a piece's records come to.
struct Piece {
    rows: Vec<Row>,
    /// Every row's figures, (year, value), one row after the other.
    figures: Vec<(i32, f64)>,
    /// Country codes, and the name of each on its first row in the piece.
    countries: (Table, Vec<String>),
    /// Indicator codes, and the name of each on its first row in the piece.
    indicators: (Table, Vec<String>),
    /// Cells that are not numbers, located by their line in the piece less one.
    skipped_cells: SkippedCells,
    end: PieceEnd,
}

/// A table's columns of a year each: the indicator's name and code columns, and each year's
/// column with its year.
pub(super) type YearColumns<'a> = (Option<usize>, usize, &'a [(usize, i32)]);

/// The place of `code` in `table`, remembering `name` when the code is new.
fn place(table: &mut (Table, Vec<String>), code: &str, name: &str) -> u32 {
    let place = table.0.place(Some(code));
    if place as usize == table.1.len() {
        table.1.push(name.to_string());
    }
    place
}

/// Splits a piece's records into fields and numbers.
fn parse_piece(
    path: &Path,
    (table, (indicator_name, indicator_code, years), header): (&world_bank::Table, YearColumns, &csv::StringRecord),
    (delimiter, decimals): (u8, Decimals),
    piece: &[u8],
) -> Piece {
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(piece);
    let mut lines = LineCounter::new(piece);
    let mut parsed = Piece {
        rows: Vec::new(),
        figures: Vec::new(),
        countries: Default::default(),
        indicators: Default::default(),
        skipped_cells: SkippedCells::default(),
        end: PieceEnd {
            lines: memchr::memchr_iter(b'\n', piece).count() as u64,
            bytes: piece.len(),
            error: None,
            unclosed: None,
        },
    };
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                parsed.end.error = Some(super::csv::csv_error(path, &e));
                break;
            }
        }
        let line = lines.line_of(&record) as u32;
        if is_blank(&record) {
            parsed.rows.push(Row::Blank);
            continue;
        }
        let (fields, repaired) = match row_fields(table, &record) {
            Ok(read) => read,
            Err(text) => {
                parsed.rows.push(Row::Skipped { line, text });
                continue;
            }
        };
        let code = &fields[table.country_code];
        let name = table.country_name.and_then(|i| fields.get(i)).filter(|n| !n.is_empty()).unwrap_or(code);
        let country = place(&mut parsed.countries, code, name);
        let code = &fields[indicator_code];
        let name = indicator_name.and_then(|i| fields.get(i)).filter(|n| !n.is_empty()).unwrap_or(code);
        let indicator = place(&mut parsed.indicators, code, name);
        for &(column, year) in years {
            let cell = fields.get(column).map(|c| &**c).unwrap_or_default();
            match read_cell(cell, decimals) {
                CellValue::Missing => {}
                CellValue::Number(v) | CellValue::Percent(v) => parsed.figures.push((year, v)),
                CellValue::Text => {
                    let column = header.get(column).unwrap_or_default().trim();
                    parsed.skipped_cells.skip(column, line as usize - 1, cell);
                }
            }
        }
        let end = parsed.figures.len() as u32;
        parsed.rows.push(Row::Figures { line, repaired, country, indicator, end });
    }
    parsed
}

/// Takes the pieces in, in the file's order.
struct Taker<'a> {
    taken: Taken<'a>,
    builder: Builder,
    rows: Rows<'a>,
    table: &'a world_bank::Table,
    file_bytes: u64,
}

impl Taker<'_> {
    fn take(&mut self, piece: Piece) -> Result<(), LoadError> {
        if self.taken.rows == 0 {
            self.builder.make_room_like((piece.figures.len(), piece.end.bytes), self.file_bytes, u64::MAX);
        }
        // Rows are named by the line they are on, as the file's own preamble pushes them down.
        let before = self.taken.lines() as usize;
        let row_of = |line: u32| (before + line as usize).saturating_sub(2);
        let mut countries: Vec<Option<String>> = vec![None; piece.countries.1.len()];
        let mut indicators: Vec<Option<(String, String)>> = vec![None; piece.indicators.1.len()];
        let mut start = 0;
        for parsed in piece.rows {
            self.taken.count()?;
            let (line, repaired, country, indicator, end) = match parsed {
                Row::Blank => continue,
                Row::Skipped { line, text } => {
                    self.rows.skipped_row(self.table, row_of(line), text);
                    continue;
                }
                Row::Figures { line, repaired, country, indicator, end } => (line, repaired, country, indicator, end),
            };
            let row = row_of(line);
            if repaired {
                self.rows.repaired_row(row);
            }
            let (c, i) = (country as usize, indicator as usize);
            if countries[c].is_none() {
                let code = piece.countries.0.name(country).unwrap_or_default();
                let id = self.rows.entity(&mut self.builder, self.table, (code, &piece.countries.1[c]), row);
                countries[c] = Some(id);
            }
            if indicators[i].is_none() {
                let code = piece.indicators.0.name(indicator).unwrap_or_default();
                indicators[i] = Some(self.rows.metric(&mut self.builder, (code, &piece.indicators.1[i]), row));
            }
            let (Some(entity), Some((metric, source))) = (&countries[c], &indicators[i]) else { continue };
            let ids = resolved(&self.builder, (entity, metric, source));
            for &(year, value) in &piece.figures[start..end as usize] {
                let time = Time::Year(year);
                match ids {
                    Some(ids) => self.builder.add_plain(row, ids, (time, value, None)),
                    None => self
                        .builder
                        .add_observation(row, ObservationInput::plain(entity, metric, time, value, Some(source))),
                }
            }
            start = end as usize;
        }
        self.rows.add_skipped_cells(piece.skipped_cells, before);
        self.taken.end(piece.end)
    }
}

/// Reads the rows of a World Bank table with a column per year, from `rest` (the bytes after
/// its header, the first of them on line `first_line`), in pieces read in parallel; then
/// finishes the table as the sequential reading does.
pub(super) fn read_wide(
    path: &Path,
    (rest, first_line): (&[u8], u64),
    (table, years, header, delimiter): (&world_bank::Table, YearColumns, &csv::StringRecord, u8),
    (builder, rows): (Builder, Rows<'_>),
    (progress, chunking): (&Progress, Chunking),
) -> Result<(super::model::Dataset, Vec<super::error::Warning>), LoadError> {
    let decimals = if delimiter == b';' { Decimals::Comma } else { Decimals::Point };
    let mut taker = Taker {
        taken: Taken::new(path, first_line, progress.limits.rows),
        builder,
        rows,
        table,
        file_bytes: rest.len() as u64,
    };
    let already = progress.total().saturating_sub(rest.len() as u64);
    read_in_chunks(
        (path, rest),
        delimiter,
        chunking,
        (progress, already),
        |piece| parse_piece(path, (table, years, header), (delimiter, decimals), piece),
        |piece| taker.take(piece),
    )?;
    let Taker { mut builder, rows, taken, .. } = taker;
    rows.finish(&mut builder);
    let loaded =
        builder.finish().map_err(|(problems, more)| LoadError::Invalid { path: path.to_path_buf(), problems, more })?;
    taken.finish(loaded)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::csv_chunks::Chunking;
    use super::super::progress::{Limits, Progress};
    use super::super::world_bank::load_world_bank;
    use super::super::world_bank_metadata::Metadata;

    /// Cells as World Bank files and their spreadsheet copies have them: names split at their
    /// comma (unquoted), codes and cells that are not codes, numbers with decimal points or
    /// commas, blanks, `..`, words, quoted line breaks.
    const NAMES: [&str; 6] =
        ["China", "\"Hong Kong SAR, China\"", "Hong Kong SAR, China", "Yiwu", "", "\"Two\nlines\""];
    const CODES: [&str; 6] = ["CHN", "HKG", "WLD", "chn", "", "1W"];
    const INDICATORS: [&str; 4] = ["Exports (current US$)", "GDP growth (annual %)", "Trade, total", ""];
    const INDICATOR_CODES: [&str; 4] = ["NE.EXP.GNFS.CD", "NY.GDP.MKTP.KD.ZG", "TG.VAL", "bad code"];
    const VALUES: [&str; 9] = ["1.5", "", "..", "12,5", "-3", "n/a", "1e3", "\"7\"", "\"a\nb\""];

    /// A random World Bank table: maybe the indicator download's preamble, a header of three
    /// years (maybe with a trailing comma), rows of random cells, blank lines and a footer, LF or
    /// CRLF line ends, `,` or `;`.
    fn file() -> impl Strategy<Value = Vec<u8>> {
        let row = (
            0..NAMES.len(),
            0..CODES.len(),
            0..INDICATORS.len(),
            0..INDICATOR_CODES.len(),
            proptest::collection::vec(0..VALUES.len(), 3),
        );
        (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>(), proptest::collection::vec((row, 0usize..30), 0..60)).prop_map(
            |(preamble, crlf, semicolon, trailing, rows)| {
                let (end, d) = (if crlf { "\r\n" } else { "\n" }, if semicolon { ";" } else { "," });
                let mut text = String::new();
                if preamble {
                    text.push_str(&format!("\"Data Source\"{d}\"World Development Indicators\"{d}{end}{end}\"Last Updated Date\"{d}\"2024-06-28\"{d}{end}{end}"));
                }
                let header = ["Country Name", "Country Code", "Indicator Name", "Indicator Code", "1960", "1961", "1962"];
                text.push_str(&header.join(d));
                text.push_str(if trailing { d } else { "" });
                text.push_str(end);
                for ((name, code, indicator, indicator_code, values), shape) in rows {
                    match shape {
                        0 => text.push_str(end),
                        1 => text.push_str(&format!("Data from database: World Development Indicators{end}")),
                        _ => {
                            let mut cells = vec![NAMES[name], CODES[code], INDICATORS[indicator], INDICATOR_CODES[indicator_code]];
                            cells.extend(values.iter().map(|&v| VALUES[v]));
                            text.push_str(&cells.join(d));
                            text.push_str(if trailing { d } else { "" });
                            text.push_str(end);
                        }
                    }
                }
                text.into_bytes()
            },
        )
    }

    /// What a load gives, to compare: the dataset and warnings, or the error.
    fn outcome(bytes: &[u8], chunking: Option<Chunking>) -> String {
        let progress = Progress::new(Limits { rows: 40, ..Limits::default() });
        progress.set_total(bytes.len() as u64);
        let loaded =
            load_world_bank(std::path::Path::new("API_TEST.csv"), bytes, &Metadata::default(), (&progress, chunking));
        format!("{loaded:?}")
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

        /// Whatever the table and however it is cut, the parallel reading gives what the
        /// sequential one does: the same countries, indicators, figures, repaired and skipped
        /// rows and cells, and errors, on the same lines.
        #[test]
        fn a_world_bank_table_read_in_pieces_gives_what_reading_it_in_order_gives(
            bytes in file(),
            block in 1usize..=64,
            pieces in 1usize..=4,
        ) {
            let sequential = outcome(&bytes, None);
            let parallel = outcome(&bytes, Some(Chunking { block, pieces }));
            prop_assert_eq!(parallel, sequential, "{:?}", String::from_utf8_lossy(&bytes));
        }
    }
}
