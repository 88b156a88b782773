//! Opening a dataset from a path: size limit, format detection by content, sidecar files.

use std::io::Read;
use std::path::Path;

use super::csv::{Records, Rest, load_tidy_csv, sidecar_path};
use super::error::LoadError;
use super::json::{JsonFile, load_json};
use super::model::Dataset;
use super::owid::{DATAPACKAGE, PackageFor, is_owid_header, load_owid_csv, package_csv, parse_package};
use super::progress::Progress;
use super::text::{BinaryFormat, check_not_binary, check_utf8};
use super::world_bank;
use super::world_bank_metadata;

/// Files larger than this are refused before reading (512 MiB).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 512 * 1024 * 1024;

/// The bundled dataset, compiled into the binary.
pub const BUNDLED_JSON: &str = include_str!("../../assets/jinhua_trade.json");

/// A dataset that opened, with what is odd about it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The data.
    pub dataset: Dataset,
    /// Things that did not stop the file from opening but that the user should know.
    pub warnings: Vec<super::error::Warning>,
    /// The format the file was recognised as.
    pub format: Format,
}

/// The formats a file is recognised as, by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The app's own JSON dataset.
    Json,
    /// The app's own tidy CSV (`entity, metric, year, value`).
    TidyCsv,
    /// An Our World in Data CSV (`Entity, Code, Year`, one column per indicator).
    OwidCsv,
    /// An Our World in Data CSV with its `datapackage.json`.
    OwidPackage,
    /// A chart downloaded from ourworldindata.org: the CSV with its `.metadata.json`.
    OwidDownload,
    /// A World Bank table.
    WorldBank(super::world_bank::WorldBankLayout),
    /// A UN Comtrade export.
    Comtrade,
    /// A spreadsheet workbook (XLSX, XLSM, XLSB, XLS, ODS).
    Workbook,
    /// A table read by import choices (a workbook's sheet, a CSV, pasted cells).
    Imported,
}

/// Loads the dataset compiled into the binary.
pub fn load_bundled() -> Result<Loaded, LoadError> {
    let (dataset, warnings) = load_json(Path::new("jinhua_trade.json (bundled)"), BUNDLED_JSON.as_bytes())?;
    Ok(Loaded { dataset, warnings, format: Format::Json })
}

/// Checks that a path names a regular file within the size limit, without opening it (opening
/// a FIFO would wait for a writer forever).
fn check_file(path: &Path, limit: u64) -> Result<std::fs::Metadata, LoadError> {
    let meta = std::fs::metadata(path).map_err(|source| LoadError::Io { path: path.to_path_buf(), source })?;
    if !meta.is_file() {
        return Err(LoadError::NotAFile { path: path.to_path_buf() });
    }
    if meta.len() > limit {
        return Err(LoadError::TooLarge { path: path.to_path_buf(), size: meta.len(), limit });
    }
    Ok(meta)
}

/// Whether a file changed after `before` was taken: its size or modification time differ.
fn changed(file: &std::fs::File, before: &std::fs::Metadata) -> bool {
    match file.metadata() {
        Ok(now) => now.len() != before.len() || now.modified().ok() != before.modified().ok(),
        Err(_) => true,
    }
}

/// Reads a whole file, refusing anything that is not a regular file or is over `limit` bytes.
pub(crate) fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let io = |source| LoadError::Io { path: path.to_path_buf(), source };
    let meta = check_file(path, limit)?;
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow while it is read: never read past the limit.
    (&file).take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge { path: path.to_path_buf(), size: bytes.len() as u64, limit });
    }
    if changed(&file, &meta) {
        return Err(LoadError::ChangedWhileReading { path: path.to_path_buf() });
    }
    Ok(bytes)
}

/// Whether bytes look like JSON (an object after optional BOM and whitespace).
fn looks_like_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    matches!(bytes.iter().find(|b| !b.is_ascii_whitespace()), Some(b'{' | b'['))
}

/// The first row of a CSV, for format detection.
pub(crate) fn csv_header(path: &Path, bytes: &[u8]) -> Result<csv::StringRecord, LoadError> {
    let text = check_utf8(path, bytes)?;
    let mut reader = super::csv::csv_reader(text.as_bytes(), super::csv::sniff_delimiter(text.as_bytes()));
    reader.headers().cloned().map_err(|e| super::csv::csv_error(path, &e))
}

/// Loads bytes that came from `path`, choosing the format by content; a CSV's sidecar or data
/// package is read from beside `path` when it exists.
pub fn load_bytes(path: &Path, bytes: &[u8], progress: &Progress) -> Result<Loaded, LoadError> {
    load_bytes_cut(path, bytes, progress, parallel_chunking())
}

/// How a file is cut to be read in parallel: not at all on one core, where the pieces would
/// only take turns and the sequential reading is faster.
pub(crate) fn parallel_chunking() -> Option<super::csv_chunks::Chunking> {
    (rayon::current_num_threads() > 1).then(super::csv_chunks::Chunking::default)
}

/// [`load_bytes`], with a World Bank table cut into pieces read in parallel by `chunking`, or
/// read sequentially without it.
fn load_bytes_cut(
    path: &Path,
    bytes: &[u8],
    progress: &Progress,
    chunking: Option<super::csv_chunks::Chunking>,
) -> Result<Loaded, LoadError> {
    let limit = progress.limits.file_bytes;
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge { path: path.to_path_buf(), size: bytes.len() as u64, limit });
    }
    if bytes.is_empty() {
        return Err(LoadError::Empty { path: path.to_path_buf() });
    }
    match BinaryFormat::of(bytes) {
        Some(BinaryFormat::Zip) => return super::archive::load_zip(path, std::io::Cursor::new(bytes), None, progress),
        Some(BinaryFormat::Xlsx | BinaryFormat::Ods | BinaryFormat::Xls) => {
            let (dataset, warnings) =
                super::sheet_load::load_workbook(path, bytes, progress).map_err(|e| in_format(e, Format::Workbook))?;
            return Ok(Loaded { dataset, warnings, format: Format::Workbook });
        }
        _ => {}
    }
    check_not_binary(path, bytes)?;
    progress.set_total(bytes.len() as u64);
    let (dataset, warnings, format) = if looks_like_json(bytes) {
        let first = bytes.iter().copied().find(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF));
        if first == Some(b'[') {
            return Err(LoadError::JsonList { path: path.to_path_buf() });
        }
        match super::json::read_json(path, bytes, &progress.limits)? {
            JsonFile::Dataset(loaded) => {
                let (dataset, warnings) = *loaded;
                (dataset, warnings, Format::Json)
            }
            JsonFile::Package(package) => {
                let csv_path =
                    package_csv(path, &package).ok_or_else(|| LoadError::NoCsvResource { path: path.to_path_buf() })?;
                let csv_bytes = read_limited(&csv_path, limit)
                    .map_err(|e| LoadError::PackageResource { path: path.to_path_buf(), error: Box::new(e) })?;
                progress.set_total(csv_bytes.len() as u64);
                let (dataset, warnings) = load_owid_csv(&csv_path, &csv_bytes, PackageFor::This(&package), progress)
                    .map_err(|e| in_format(e, Format::OwidPackage))?;
                (dataset, warnings, Format::OwidPackage)
            }
        }
    } else if super::comtrade::is_comtrade_text(bytes) {
        let (dataset, warnings) =
            super::comtrade::load_comtrade(path, bytes, progress).map_err(|e| in_format(e, Format::Comtrade))?;
        (dataset, warnings, Format::Comtrade)
    } else if world_bank::is_world_bank(check_utf8(path, bytes)?) {
        let metadata = world_bank_metadata_beside(path, limit)?;
        let (dataset, warnings, layout) = world_bank::load_world_bank(path, bytes, &metadata, (progress, chunking))?;
        (dataset, warnings, Format::WorldBank(layout))
    } else {
        let header = csv_header(path, bytes)?;
        if is_owid_header(&header) {
            let package = package_beside(path, limit)?;
            let (dataset, warnings) =
                load_owid_csv(path, bytes, package.for_csv(), progress).map_err(|e| in_format(e, package.format()))?;
            (dataset, warnings, package.format())
        } else if header.iter().any(|h| h.trim().eq_ignore_ascii_case("metric")) {
            let meta = sidecar_beside(path, limit)?;
            let meta = meta.as_ref().map(|(p, b)| (p.as_path(), b.as_slice()));
            let (dataset, warnings) = load_tidy_csv(path, bytes, meta, progress)?;
            (dataset, warnings, Format::TidyCsv)
        } else {
            return Err(unknown_columns(path, &header));
        }
    };
    progress.set_done(bytes.len() as u64);
    Ok(Loaded { dataset, warnings, format })
}

/// A format's error, saying which format the file was read as; a cancelled load, or one that
/// reached a limit, stays as it is.
pub(crate) fn in_format(error: LoadError, format: Format) -> LoadError {
    match error {
        LoadError::Cancelled { .. }
        | LoadError::TooManyRows { .. }
        | LoadError::TooManyColumns { .. }
        | LoadError::TooLarge { .. }
        | LoadError::ZipTooLarge { .. } => error,
        error => LoadError::InFormat { format, error: Box::new(error) },
    }
}

/// What the World Bank's metadata files beside a table say, when they are there.
fn world_bank_metadata_beside(path: &Path, limit: u64) -> Result<world_bank_metadata::Metadata, LoadError> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let [countries, indicators] = world_bank_metadata::companions(&name);
    let mut metadata = world_bank_metadata::Metadata::default();
    let countries = path.with_file_name(countries);
    if countries.is_file() {
        world_bank_metadata::parse_countries(&countries, &read_limited(&countries, limit)?, &mut metadata)?;
    }
    let indicators = path.with_file_name(indicators);
    if indicators.is_file() {
        world_bank_metadata::parse_indicators(&indicators, &read_limited(&indicators, limit)?, &mut metadata)?;
    }
    Ok(metadata)
}

/// Counts the bytes read into the progress.
struct CountingReader<'a, R> {
    inner: R,
    progress: &'a Progress,
    read: u64,
}

impl<R: Read> Read for CountingReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        self.progress.set_done(self.read);
        Ok(n)
    }
}

/// Loads a dataset file of any supported format, reporting progress, honouring cancel and the
/// limits of `progress`. CSV files are parsed as they are read, so a large file is never held in
/// memory whole; a file that changes while it is read is refused rather than shown half-read.
pub fn load_path_with(path: &Path, progress: &Progress) -> Result<Loaded, LoadError> {
    load_path_cut(path, progress, parallel_chunking())
}

/// [`load_path_with`], with a tidy CSV cut into pieces read in parallel by `chunking`, or read
/// sequentially without it (the reference the parallel reading is tested against).
pub(crate) fn load_path_cut(
    path: &Path,
    progress: &Progress,
    chunking: Option<super::csv_chunks::Chunking>,
) -> Result<Loaded, LoadError> {
    use std::io::BufRead;
    let limit = progress.limits.file_bytes;
    let io = |source| LoadError::Io { path: path.to_path_buf(), source };
    // `archive.zip/data.csv`: one of several tables in an archive, as the person chose it.
    if let Some((archive, member)) = super::archive::member_path(path) {
        check_file(&archive, limit)?;
        let file = std::fs::File::open(&archive).map_err(|source| LoadError::Io { path: archive.clone(), source })?;
        return super::archive::load_zip(&archive, &file, Some(&member), progress);
    }
    let before = check_file(path, limit)?;
    let file = std::fs::File::open(path).map_err(io)?;
    progress.set_total(before.len());
    let counting = CountingReader { inner: (&file).take(limit + 1), progress, read: 0 };
    let mut input = std::io::BufReader::with_capacity(1 << 20, counting);
    let head = input.fill_buf().map_err(io)?;
    if head.is_empty() {
        return Err(LoadError::Empty { path: path.to_path_buf() });
    }
    match BinaryFormat::of(head) {
        Some(BinaryFormat::Zip) => {
            drop(input);
            return super::archive::load_zip(path, &file, None, progress);
        }
        // A workbook is read whole: its parts are compressed and indexed at its end.
        Some(BinaryFormat::Xlsx | BinaryFormat::Ods | BinaryFormat::Xls) => {
            drop(input);
            return load_bytes(path, &read_limited(path, limit)?, progress);
        }
        _ => {}
    }
    check_not_binary(path, head)?;
    let is_csv = !looks_like_json(head);
    let world_bank = std::str::from_utf8(&head[..head.len().min(4096)])
        .or_else(|e| std::str::from_utf8(&head[..e.valid_up_to()]))
        .is_ok_and(|text| world_bank::is_world_bank(text.trim_start_matches('\u{feff}')));
    let whole = world_bank || super::comtrade::is_comtrade_text(head);
    if !is_csv || whole || head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        // JSON, World Bank tables (whose header follows a preamble), Comtrade exports (whose
        // parts are sorted out once all rows are read) and UTF-16 (which check_utf8 names) are
        // parsed whole.
        let mut bytes = Vec::with_capacity(before.len() as usize);
        input.read_to_end(&mut bytes).map_err(io)?;
        if bytes.len() as u64 > limit {
            return Err(LoadError::TooLarge { path: path.to_path_buf(), size: bytes.len() as u64, limit });
        }
        if changed(&file, &before) {
            return Err(LoadError::ChangedWhileReading { path: path.to_path_buf() });
        }
        if progress.is_cancelled() {
            return Err(LoadError::Cancelled { path: path.to_path_buf() });
        }
        return load_bytes_cut(path, &bytes, progress, chunking);
    }
    let bom = if head.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    input.consume(bom);
    let delimiter = super::csv::sniff_delimiter(input.fill_buf().map_err(io)?);
    let parallel = match chunking {
        Some(chunking) => in_parallel(path, &mut input, (delimiter, bom), (progress, chunking)),
        None => Ok(None),
    };
    let loaded = match parallel {
        Ok(Some(loaded)) => Ok(loaded),
        Ok(None) => read_streamed(path, &mut input, (&file, delimiter, bom), progress),
        Err(e) => Err(e),
    };
    // A file that grew past the limit while it was read was cut there, maybe inside a quoted
    // field: that it is too large is the cause to name, then.
    let too_large = LoadError::TooLarge { path: path.to_path_buf(), size: limit + 1, limit };
    let mut loaded = match loaded {
        Err(e) if input.get_ref().read > limit && ends_inside_quotes(&e) => return Err(too_large),
        Err(e) => return Err(e),
        Ok(_) if input.get_ref().read > limit => return Err(too_large),
        Ok(loaded) => loaded,
    };
    if changed(&file, &before) {
        return Err(LoadError::ChangedWhileReading { path: path.to_path_buf() });
    }
    loaded.warnings.extend(super::csv::delimiter_warning(delimiter));
    Ok(loaded)
}

/// Reads a tidy CSV or an OWID table (after its byte-order mark of `bom` bytes) sequentially,
/// as its rows are read from `input`.
fn read_streamed<R: std::io::Read>(
    path: &Path,
    input: R,
    (file, delimiter, bom): (&std::fs::File, u8, usize),
    progress: &Progress,
) -> Result<Loaded, LoadError> {
    let limit = progress.limits.file_bytes;
    let rest = Rest::File { file, skipped: bom as u64, limit };
    let mut records = Records::new(path, input, delimiter, rest)?;
    let header = records.header().clone();
    let (dataset, warnings, format) = if is_owid_header(&header) {
        let package = package_beside(path, limit)?;
        let (dataset, warnings) = super::owid::load_owid_records(&mut records, package.for_csv(), progress)
            .map_err(|e| in_format(e, package.format()))?;
        (dataset, warnings, package.format())
    } else if header.iter().any(|h| h.trim().eq_ignore_ascii_case("metric")) {
        let meta = sidecar_beside(path, limit)?;
        let meta = meta.as_ref().map(|(p, b)| (p.as_path(), b.as_slice()));
        let (dataset, warnings) = super::csv::load_tidy_records(&mut records, meta, progress)?;
        (dataset, warnings, Format::TidyCsv)
    } else {
        return Err(unknown_columns(path, &header));
    };
    // A quote left open at the end belongs to the format the rows were read as.
    records.finish().map_err(|e| if format == Format::TidyCsv { e } else { in_format(e, format) })?;
    Ok(Loaded { dataset, warnings, format })
}

/// Whether an error is a quoted field left open at the end of the file.
fn ends_inside_quotes(error: &LoadError) -> bool {
    match error {
        LoadError::UnclosedQuote { .. } => true,
        LoadError::InFormat { error, .. } => ends_inside_quotes(error),
        _ => false,
    }
}

/// A tidy CSV's sidecar metadata file, when there is one beside it: its path and bytes.
fn sidecar_beside(path: &Path, limit: u64) -> Result<Option<(std::path::PathBuf, Vec<u8>)>, LoadError> {
    let meta_path = sidecar_path(path);
    if !meta_path.is_file() {
        return Ok(None);
    }
    let bytes = read_limited(&meta_path, limit)?;
    Ok(Some((meta_path, bytes)))
}

/// Reads a tidy CSV or an OWID table (after its byte-order mark of `bom` bytes) in pieces
/// parsed in parallel, when its header (and an OWID table's sample rows) are within the first
/// buffer of `input`; `None`, with nothing read, for any other file, which is read as before.
fn in_parallel<R: std::io::BufRead + Send>(
    path: &Path,
    input: &mut R,
    (delimiter, bom): (u8, usize),
    (progress, chunking): (&Progress, super::csv_chunks::Chunking),
) -> Result<Option<Loaded>, LoadError> {
    let head = input.fill_buf().map_err(|source| LoadError::Io { path: path.to_path_buf(), source })?;
    let Some(len) = super::csv_chunks::header_len(head, delimiter) else { return Ok(None) };
    let header = Records::new(path, &head[..len], delimiter, Rest::Bytes(&head[..len]))?.header().clone();
    let limit = progress.limits.file_bytes;
    let line_after = |bytes: &[u8]| 1 + memchr::memchr_iter(b'\n', bytes).count() as u64;
    if is_owid_header(&header) {
        let Some((sample, end)) = owid_sample(path, &head[len..], (&header, delimiter)) else { return Ok(None) };
        let first_line = line_after(&head[..len + end]);
        input.consume(len + end);
        let package = package_beside(path, limit)?;
        let (dataset, warnings) = super::owid_chunks::load_owid_chunked(
            (path, input),
            (&header, delimiter),
            (&sample, first_line, (bom + len + end) as u64),
            package.for_csv(),
            (progress, chunking),
        )
        .map_err(|e| in_format(e, package.format()))?;
        return Ok(Some(Loaded { dataset, warnings, format: package.format() }));
    }
    if !header.iter().any(|h| h.trim().eq_ignore_ascii_case("metric")) {
        return Ok(None);
    }
    let first_line = line_after(&head[..len]);
    input.consume(len);
    let meta = sidecar_beside(path, limit)?;
    let meta = meta.as_ref().map(|(p, b)| (p.as_path(), b.as_slice()));
    let (dataset, warnings) = super::tidy_chunks::load_tidy_chunked(
        (path, input),
        (&header, delimiter),
        (first_line, (bom + len) as u64),
        meta,
        (progress, chunking),
    )?;
    Ok(Some(Loaded { dataset, warnings, format: Format::TidyCsv }))
}

/// An OWID table's sample rows, read from `rest` (the bytes after its header), and where the
/// row after them begins; `None` when `rest` ends before that row or a sample row cannot be
/// read (the sequential reading then reads the file, and names what is wrong).
fn owid_sample(
    path: &Path,
    rest: &[u8],
    (header, delimiter): (&csv::StringRecord, u8),
) -> Option<(Vec<csv::StringRecord>, usize)> {
    let mut records = Records::headerless(path, rest, delimiter, header, Rest::Bytes(rest));
    let mut sample = Vec::with_capacity(super::owid::SAMPLE_ROWS);
    let mut record = csv::StringRecord::new();
    while records.read(&mut record).ok()? {
        if sample.len() == super::owid::SAMPLE_ROWS {
            return Some((sample, record.position()?.byte() as usize));
        }
        sample.push(record.clone());
    }
    None
}

/// The data package beside an OWID CSV, and whether it describes that CSV.
struct PackageBeside {
    info: Option<super::owid::PackageInfo>,
    describes_it: bool,
    /// Whether it is a downloaded chart's `.metadata.json`.
    download: bool,
}

impl PackageBeside {
    fn format(&self) -> Format {
        match (&self.info, self.describes_it, self.download) {
            (Some(_), true, true) => Format::OwidDownload,
            (Some(_), true, false) => Format::OwidPackage,
            _ => Format::OwidCsv,
        }
    }

    fn for_csv(&self) -> PackageFor<'_> {
        match &self.info {
            None => PackageFor::Missing,
            Some(info) if self.describes_it => PackageFor::This(info),
            Some(info) => PackageFor::OtherFiles(&info.resources),
        }
    }
}

/// Reads what describes an OWID CSV beside it, if anything: a downloaded chart's
/// `slug.metadata.json`, else a `datapackage.json`.
fn package_beside(path: &Path, limit: u64) -> Result<PackageBeside, LoadError> {
    let metadata_path = super::owid_metadata::metadata_path(path);
    if metadata_path.is_file() {
        let info = super::owid_metadata::parse_metadata(&metadata_path, &read_limited(&metadata_path, limit)?)?;
        return Ok(PackageBeside { info: Some(info), describes_it: true, download: true });
    }
    let package_path = path.with_file_name(DATAPACKAGE);
    if !package_path.is_file() {
        return Ok(PackageBeside { info: None, describes_it: false, download: false });
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let info = parse_package(&package_path, &read_limited(&package_path, limit)?)?;
    let describes_it = info.resources.iter().any(|r| r.rsplit('/').next() == Some(name.as_str()));
    Ok(PackageBeside { info: Some(info), describes_it, download: false })
}

fn unknown_columns(path: &Path, header: &csv::StringRecord) -> LoadError {
    LoadError::UnknownColumns { path: path.to_path_buf(), columns: header.iter().take(8).map(String::from).collect() }
}

/// Loads a dataset file of any supported format with the default limits but the file size.
pub fn load_path(path: &Path, max_file_size: u64) -> Result<Loaded, LoadError> {
    let limits = super::progress::Limits { file_bytes: max_file_size, ..Default::default() };
    load_path_with(path, &Progress::new(limits))
}
