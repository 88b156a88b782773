//! A CSV read in record-aligned chunks: the file is streamed in fixed blocks, each block is cut
//! at record ends into a few pieces, and the pieces are parsed on a thread pool while the
//! previous block's results are taken in, in order, by one thread.
//!
//! The file is streamed rather than memory-mapped: a mapped file that is truncated while it is
//! read kills the process (SIGBUS), and mapped pages count in the resident memory.

use std::io::Read;
use std::ops::Range;
use std::path::Path;

use rustc_hash::FxHashMap;

use super::csv::{Records, Rest};
use super::error::LoadError;
use super::progress::Progress;

/// How many bytes are read at a time. A few blocks are in flight (parsed, taken in, read), with
/// what they parse to; a megabyte keeps that small beside a large file's dataset while leaving
/// every thread whole pieces of tens of thousands of rows.
pub(crate) const BLOCK_BYTES: usize = 1 << 20;

/// Where records end in a CSV, found as the `csv` crate reads one (its default settings): a
/// quote opens a quoted field only at the start of a field, so `5"` inside a field is text;
/// inside a quoted field a line break is text and a doubled quote is a quote. A record ends at
/// a line break outside a quoted field; a lone `\r` also ends one for the `csv` crate, but is
/// never cut at here (a file of `\r` line ends is read as one piece, correctly if not in
/// parallel).
///
/// The state carries over from one call of [`RecordEnds::scan`] to the next, so a file can be
/// scanned in pieces of any size.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RecordEnds {
    delimiter: u8,
    /// Inside a quoted field.
    quoted: bool,
    /// Inside a quoted field, just after a quote: it closes the field unless another follows.
    after_quote: bool,
    /// The next byte starts a field.
    field_start: bool,
}

impl RecordEnds {
    /// At the start of a record.
    pub(crate) fn new(delimiter: u8) -> RecordEnds {
        RecordEnds { delimiter, quoted: false, after_quote: false, field_start: true }
    }

    fn ends_field(&self, byte: u8) -> bool {
        byte == self.delimiter || byte == b'\n' || byte == b'\r'
    }

    /// Reads on through `bytes`; returns the position just after the last record end in them.
    pub(crate) fn scan(&mut self, bytes: &[u8]) -> Option<usize> {
        let mut last = None;
        let mut i = 0;
        while i < bytes.len() {
            if self.quoted {
                if self.after_quote {
                    self.after_quote = false;
                    if bytes[i] == b'"' {
                        i += 1;
                        continue;
                    }
                    // The quote closed the field; this byte is read outside it.
                    self.quoted = false;
                    self.field_start = false;
                    continue;
                }
                match memchr::memchr(b'"', &bytes[i..]) {
                    Some(k) => {
                        i += k + 1;
                        self.after_quote = true;
                    }
                    None => return last,
                }
                continue;
            }
            // Outside quotes, from here to the next quote, every line break ends a record: only
            // the last of them is wanted, so the bytes are searched for quotes, not line ends.
            let q = memchr::memchr(b'"', &bytes[i..]).map_or(bytes.len(), |k| i + k);
            if let Some(k) = memchr::memrchr(b'\n', &bytes[i..q]) {
                last = Some(i + k + 1);
            }
            // Whether a quote opens a field is decided by the byte before it.
            let at_field_start = if q == i { self.field_start } else { self.ends_field(bytes[q - 1]) };
            if q == bytes.len() {
                self.field_start = at_field_start;
                return last;
            }
            self.quoted = at_field_start;
            self.field_start = false;
            i = q + 1;
        }
        last
    }
}

/// The length of a CSV's first record (its header) at the start of `head`, with its line end;
/// `None` when `head` does not hold all of it or starts with a blank line (which the `csv`
/// crate skips: the caller then reads the file without cutting it).
pub(crate) fn header_len(head: &[u8], delimiter: u8) -> Option<usize> {
    if matches!(head.first(), Some(b'\n' | b'\r') | None) {
        return None;
    }
    let mut ends = RecordEnds::new(delimiter);
    // The first record end, not the last: scan line by line.
    let mut from = 0;
    while from < head.len() {
        let line_end = memchr::memchr(b'\n', &head[from..]).map_or(head.len(), |k| from + k + 1);
        if let Some(end) = ends.scan(&head[from..line_end]) {
            let end = from + end;
            // A lone `\r` ends a record for the `csv` crate: one inside the header's bytes
            // would make them two records.
            let body = head[..end].strip_suffix(b"\n").unwrap_or(&head[..end]);
            let body = body.strip_suffix(b"\r").unwrap_or(body);
            return (!body.contains(&b'\r')).then_some(end);
        }
        from = line_end;
    }
    None
}

/// How a file is cut: the block size, and how many pieces a block is cut into (one per
/// thread: each piece costs a CSV reader of its own).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Chunking {
    /// Bytes read at a time.
    pub block: usize,
    /// Pieces per block.
    pub pieces: usize,
}

impl Default for Chunking {
    fn default() -> Chunking {
        Chunking { block: BLOCK_BYTES, pieces: rayon::current_num_threads() }
    }
}

/// Reads `input` (the file `path`) in blocks, cuts each at record ends into pieces, parses the
/// pieces with `parse` on the thread pool and hands what each gives to `take`, in the file's
/// order, one at a time. Taking in one block overlaps parsing the next; while taking in takes
/// long (the first piece, which declares a sidecar's thousands of places), up to
/// [`BLOCKS_AHEAD`] blocks are parsed meanwhile. The bytes after the last record end are the
/// last piece. Progress counts the bytes from `already` on; Cancel is honoured between blocks.
/// Returns how many bytes were read.
pub(crate) fn read_in_chunks<R: Read + Send, T: Send>(
    (path, input): (&Path, R),
    delimiter: u8,
    chunking: Chunking,
    (progress, already): (&Progress, u64),
    // A piece: whole records only (the last may be a record the file ends inside).
    parse: impl Fn(&[u8]) -> T + Sync,
    mut take: impl FnMut(T) -> Result<(), LoadError> + Send,
) -> Result<u64, LoadError> {
    use std::sync::atomic::{AtomicBool, Ordering};
    let mut blocks = Blocks::new((path, input), delimiter, chunking)?;
    let mut pending: Vec<Vec<T>> = Vec::new();
    while !blocks.done {
        let taken = std::mem::take(&mut pending);
        let took_in = AtomicBool::new(false);
        let (parsed, took) = rayon::join(
            || {
                // At least one block, and more while the pieces before are still being taken.
                let mut parsed = Vec::new();
                while !blocks.done && (parsed.is_empty() || !took_in.load(Ordering::Acquire)) {
                    parsed.push(blocks.parse_next(&parse)?);
                    if parsed.len() >= BLOCKS_AHEAD {
                        break;
                    }
                }
                Ok::<_, LoadError>(parsed)
            },
            || {
                let took = taken.into_iter().flatten().try_for_each(&mut take);
                took_in.store(true, Ordering::Release);
                took
            },
        );
        took?;
        pending = parsed?;
        progress.set_done(already + blocks.parsed_to);
        if progress.is_cancelled() {
            return Err(LoadError::Cancelled { path: path.to_path_buf() });
        }
    }
    pending.into_iter().flatten().try_for_each(&mut take)?;
    Ok(blocks.read)
}

/// How many blocks may be parsed while the ones before are taken in: enough to parse on
/// through most of a sidecar's 10,000 places, few enough to keep what they hold small beside
/// the figures.
pub(crate) const BLOCKS_AHEAD: usize = 4;

/// A file read block by block, each block parsed while the next is read.
struct Blocks<'a, R> {
    path: &'a Path,
    input: R,
    chunking: Chunking,
    ends: RecordEnds,
    /// The block to parse next, and the one the following block is read into.
    buffer: Vec<u8>,
    next: Vec<u8>,
    /// Bytes at the start of `buffer` already scanned (the record begun in the block before).
    scanned: usize,
    /// Whether the input has ended (after `buffer`).
    eof: bool,
    /// Whether the last block has been parsed.
    done: bool,
    /// Bytes read, and bytes up to the end of the last record parsed.
    read: u64,
    parsed_to: u64,
}

impl<'a, R: Read + Send> Blocks<'a, R> {
    fn new((path, mut input): (&'a Path, R), delimiter: u8, chunking: Chunking) -> Result<Self, LoadError> {
        let block = chunking.block.max(1);
        let mut buffer = Vec::with_capacity(block);
        let eof = fill(&mut input, &mut buffer, block).map_err(|source| io_error(path, source))?;
        let read = buffer.len() as u64;
        let next = Vec::with_capacity(block);
        let ends = RecordEnds::new(delimiter);
        Ok(Blocks { path, input, chunking, ends, buffer, next, scanned: 0, eof, done: false, read, parsed_to: 0 })
    }

    /// Parses the next block's pieces while the block after it is read.
    fn parse_next<T: Send>(&mut self, parse: &(impl Fn(&[u8]) -> T + Sync)) -> Result<Vec<T>, LoadError> {
        let (path, block, pieces) = (self.path, self.chunking.block.max(1), self.chunking.pieces.max(1));
        let mut cuts = cut_points(&mut self.ends, &self.buffer, self.scanned, pieces);
        while cuts.is_empty() && !self.eof {
            // No record ends in what has been read (a long record, or a quote left open): read
            // on into the same buffer rather than carry all of it over, which would copy it
            // again for every block.
            self.scanned = self.buffer.len();
            self.eof = fill(&mut self.input, &mut self.buffer, self.scanned + block).map_err(|e| io_error(path, e))?;
            self.read += (self.buffer.len() - self.scanned) as u64;
            cuts = cut_points(&mut self.ends, &self.buffer, self.scanned, pieces);
        }
        let complete = cuts.last().map_or(0, |r| r.end);
        if self.eof && complete < self.buffer.len() {
            cuts.push(complete..self.buffer.len());
        }
        self.next.clear();
        if !self.eof {
            self.next.extend_from_slice(&self.buffer[complete..]);
        }
        let carried = self.next.len();
        let (buffer, next, input, eof) = (&self.buffer, &mut self.next, &mut self.input, self.eof);
        let (parsed, filled) = rayon::join(
            || {
                use rayon::prelude::*;
                cuts.par_iter().map(|r| parse(&buffer[r.clone()])).collect::<Vec<T>>()
            },
            || if eof { Ok(true) } else { fill(input, next, carried + block) },
        );
        self.parsed_to = self.read - (self.buffer.len() - cuts.last().map_or(0, |r| r.end)) as u64;
        if self.eof {
            self.done = true;
            return Ok(parsed);
        }
        self.eof = filled.map_err(|e| io_error(path, e))?;
        self.read += (self.next.len() - carried) as u64;
        std::mem::swap(&mut self.buffer, &mut self.next);
        self.scanned = carried;
        Ok(parsed)
    }
}

fn io_error(path: &Path, source: std::io::Error) -> LoadError {
    LoadError::Io { path: path.to_path_buf(), source }
}

/// Not given: the place of a name a row does not have.
pub(crate) const NONE: u32 = u32::MAX;

/// The distinct names of one column in a piece, in the order first seen: each row refers to
/// its name by place, and the taker looks each name up once per piece.
#[derive(Default)]
pub(crate) struct Table {
    places: FxHashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
    /// The place of the name seen last: rows of one series follow each other.
    last: u32,
}

impl Table {
    /// The place of `name` ([`NONE`] for none), given it if it is new.
    pub(crate) fn place(&mut self, name: Option<&str>) -> u32 {
        let Some(name) = name else { return NONE };
        if self.names.get(self.last as usize).is_some_and(|last| **last == *name) {
            return self.last;
        }
        let place = match self.places.get(name) {
            Some(&place) => place,
            None => {
                let place = self.names.len() as u32;
                self.places.insert(name.into(), place);
                self.names.push(name.into());
                place
            }
        };
        self.last = place;
        place
    }

    /// The name at `place`.
    pub(crate) fn name(&self, place: u32) -> Option<&str> {
        self.names.get(place as usize).map(|n| &**n)
    }

    /// How many names.
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }
}

/// How reading a piece's records ended.
pub(crate) struct PieceEnd {
    /// Line breaks in the piece.
    pub lines: u64,
    /// Its length in bytes.
    pub bytes: usize,
    /// What stopped the reading, its line counted from the piece's start.
    pub error: Option<LoadError>,
    /// A quoted field the piece ends inside (only the file's last piece can), its line counted
    /// from the piece's start: reported, as the sequential loaders do, only when the rows have
    /// no problems.
    pub unclosed: Option<LoadError>,
}

/// Reads the records of a piece of a file whose header is `header`, handing each to `each`.
pub(crate) fn read_records(
    path: &Path,
    (header, delimiter): (&csv::StringRecord, u8),
    piece: &[u8],
    mut each: impl FnMut(&csv::StringRecord),
) -> PieceEnd {
    let mut records = Records::headerless(path, piece, delimiter, header, Rest::Bytes(piece));
    let mut record = csv::StringRecord::new();
    // Counted apart: the `csv` crate's count stops short of a piece's last `\r\n`.
    let lines = memchr::memchr_iter(b'\n', piece).count() as u64;
    let mut end = PieceEnd { lines, bytes: piece.len(), error: None, unclosed: None };
    loop {
        match records.read(&mut record) {
            Ok(true) => each(&record),
            Ok(false) => break,
            Err(e) => {
                end.error = Some(e);
                return end;
            }
        }
    }
    end.unclosed = records.finish().err();
    end
}

/// The rows and lines taken in so far, in the file's order.
pub(crate) struct Taken<'a> {
    path: &'a Path,
    /// Rows so far.
    pub rows: usize,
    /// Line breaks before the next piece.
    lines: u64,
    /// Rows a file may have.
    pub row_limit: u64,
    unclosed: Option<LoadError>,
}

impl<'a> Taken<'a> {
    /// Before the first piece, which begins on line `first_line`.
    pub(crate) fn new(path: &'a Path, first_line: u64, row_limit: u64) -> Taken<'a> {
        Taken { path, rows: 0, lines: first_line - 1, row_limit, unclosed: None }
    }

    /// The line breaks before the next piece.
    pub(crate) fn lines(&self) -> u64 {
        self.lines
    }

    /// Counts a row: past the row limit, its error.
    pub(crate) fn count(&mut self) -> Result<(), LoadError> {
        self.rows += 1;
        if self.rows as u64 > self.row_limit {
            return Err(LoadError::TooManyRows { path: self.path.to_path_buf(), limit: self.row_limit });
        }
        Ok(())
    }

    /// After a piece's rows: what stopped its reading, located in the file; a quote left open
    /// is kept for [`Taken::finish`].
    pub(crate) fn end(&mut self, end: PieceEnd) -> Result<(), LoadError> {
        if let Some(error) = end.error {
            return Err(shift_lines(error, self.lines));
        }
        if let Some(unclosed) = end.unclosed {
            self.unclosed.get_or_insert(shift_lines(unclosed, self.lines));
        }
        self.lines += end.lines;
        Ok(())
    }

    /// Once the dataset is built: it, or the quote the file ends inside.
    pub(crate) fn finish<T>(self, loaded: T) -> Result<T, LoadError> {
        self.unclosed.map_or(Ok(loaded), Err)
    }
}

/// A piece's error with its line counted in the file: `lines` line breaks came before the piece.
fn shift_lines(error: LoadError, lines: u64) -> LoadError {
    let shift = |line: usize| line + lines as usize;
    match error {
        LoadError::Syntax { path, line, column, what } => LoadError::Syntax { path, line: shift(line), column, what },
        LoadError::NotUtf8 { path, line, column } => LoadError::NotUtf8 { path, line: shift(line), column },
        LoadError::UnclosedQuote { path, line, column } => LoadError::UnclosedQuote { path, line: shift(line), column },
        error => error,
    }
}

/// Reads until `buffer` holds `want` bytes or the input ends; whether it ended.
fn fill<R: Read>(input: &mut R, buffer: &mut Vec<u8>, want: usize) -> std::io::Result<bool> {
    while buffer.len() < want {
        let start = buffer.len();
        buffer.resize(want, 0);
        match input.read(&mut buffer[start..]) {
            Ok(0) => {
                buffer.truncate(start);
                return Ok(true);
            }
            Ok(n) => buffer.truncate(start + n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => buffer.truncate(start),
            Err(e) => {
                buffer.truncate(start);
                return Err(e);
            }
        }
    }
    Ok(false)
}

/// Scans `buffer` from `scanned` on and cuts it, from its start, into up to `pieces` ranges of
/// whole records, each ending at the last record end within its share of the bytes.
fn cut_points(ends: &mut RecordEnds, buffer: &[u8], scanned: usize, pieces: usize) -> Vec<Range<usize>> {
    let share = (buffer.len() - scanned).div_ceil(pieces).max(1);
    let mut cuts = Vec::with_capacity(pieces);
    let mut start = 0;
    let mut from = scanned;
    while from < buffer.len() {
        let to = (from + share).min(buffer.len());
        if let Some(end) = ends.scan(&buffer[from..to]) {
            cuts.push(start..from + end);
            start = from + end;
        }
        from = to;
    }
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Record ends as the `csv` crate finds them: the byte after each record's line end.
    fn csv_crate_ends(text: &[u8]) -> Vec<usize> {
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text);
        let mut record = csv::ByteRecord::new();
        let mut starts = Vec::new();
        while reader.read_byte_record(&mut record).unwrap() {
            starts.push(record.position().unwrap().byte() as usize);
        }
        // The last record ends at the end of the text, which ends with a line break.
        starts.push(text.len());
        starts.into_iter().skip(1).collect()
    }

    fn scanned_ends(text: &[u8], step: usize) -> Vec<usize> {
        let mut ends = RecordEnds::new(b',');
        let mut found = Vec::new();
        for (k, chunk) in text.chunks(step).enumerate() {
            // One scan per byte range, reporting only its last end: scan line by line.
            let base = k * step;
            let mut from = 0;
            while from < chunk.len() {
                let to = memchr::memchr(b'\n', &chunk[from..]).map_or(chunk.len(), |i| from + i + 1);
                if let Some(end) = ends.scan(&chunk[from..to]) {
                    found.push(base + from + end);
                }
                from = to;
            }
        }
        found
    }

    #[test]
    fn records_end_where_the_csv_crate_ends_them_however_the_bytes_are_cut() {
        let text = b"a,b,c\n1,\"two\nlines\",3\n4,5\",6\n\"q\"\"\n\",x,y\n7,\"\",\"\"\"\"\n8,9\"\n,10\n";
        let expected = csv_crate_ends(text);
        for step in 1..=text.len() {
            assert_eq!(scanned_ends(text, step), expected, "cut every {step} bytes");
        }
    }

    #[test]
    fn a_record_longer_than_many_blocks_is_one_piece_read_once() {
        // A quoted field of 200,000 bytes with line breaks in it, read 64 bytes at a time.
        let field = "x\n".repeat(100_000);
        let text = format!("1,\"{field}\"\n2,b\n");
        let mut pieces = Vec::new();
        let progress = Progress::default();
        let chunking = Chunking { block: 64, pieces: 2 };
        let parse = |piece: &[u8]| piece.to_vec();
        let read = read_in_chunks((Path::new("t.csv"), text.as_bytes()), b',', chunking, (&progress, 0), parse, |p| {
            pieces.push(p);
            Ok(())
        });
        assert_eq!(read.ok(), Some(text.len() as u64));
        assert_eq!(pieces.concat(), text.as_bytes(), "every byte in one piece or another, in order");
        assert_eq!(pieces[0].len(), text.len() - 4, "the long record whole, in one piece");
    }

    #[test]
    fn blocks_are_parsed_on_while_the_first_piece_is_taken_in_and_taken_in_order() {
        // The first piece is a sidecar's worth of work: it is not done until the blocks after
        // it have been parsed meanwhile (within ten seconds, or the test fails).
        let text: String = (0..200).map(|i| format!("{i},x\n")).collect();
        let parsed = std::sync::atomic::AtomicUsize::new(0);
        let parse = |piece: &[u8]| {
            parsed.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            piece.to_vec()
        };
        let mut pieces: Vec<Vec<u8>> = Vec::new();
        let mut ran_ahead = false;
        let progress = Progress::default();
        let chunking = Chunking { block: 16, pieces: 1 };
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().expect("a pool");
        let read = pool.install(|| {
            read_in_chunks((Path::new("t.csv"), text.as_bytes()), b',', chunking, (&progress, 0), parse, |p| {
                if pieces.is_empty() {
                    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
                    while parsed.load(std::sync::atomic::Ordering::SeqCst) < 1 + BLOCKS_AHEAD
                        && std::time::Instant::now() < deadline
                    {
                        std::thread::yield_now();
                    }
                    ran_ahead = parsed.load(std::sync::atomic::Ordering::SeqCst) > BLOCKS_AHEAD;
                }
                pieces.push(p);
                Ok(())
            })
        });
        assert_eq!(read.ok(), Some(text.len() as u64));
        assert!(ran_ahead, "the next blocks were parsed while the first piece was taken in");
        assert_eq!(pieces.concat(), text.as_bytes(), "every piece taken, once, in order");
    }

    #[test]
    fn the_header_ends_at_its_first_line_end_outside_quotes() {
        assert_eq!(header_len(b"a,\"b\nc\",d\n1,2,3\n", b','), Some(10));
        assert_eq!(header_len(b"a,b", b','), None, "no line end yet");
        assert_eq!(header_len(b"\na,b\n", b','), None, "a blank first line is left to the csv crate");
        assert_eq!(header_len(b"a,b\r1,2\n", b','), None, "a lone \\r ends the header before the line does");
        assert_eq!(header_len(b"a,b\r\n1,2\n", b','), Some(5));
    }
}
