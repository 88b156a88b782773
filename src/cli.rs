//! The command line: open the window, or check dataset files without one.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::cli_filter::FilterArgs;
use crate::data::format::format_number;
use crate::data::progress::Limits;
use crate::data::{Dataset, Filter, Loaded, Progress, load_bundled, load_path_with};
use crate::export::{self, ChartView, RenderSpec};
use crate::l10n::Lang;
use crate::l10n::{export_error_text, load_error_text, warning_text};
use crate::tr;
use crate::ui::ThemeChoice;

/// Trade Explorer: charts of foreign-trade data, with every figure's source.
///
/// Without a command, opens the window on FILE, or on the bundled dataset of the foreign trade
/// of Jinhua, Yiwu and Yongkang. Dataset formats: the app's JSON format and tidy CSV (see
/// docs/dataset-format.md).
#[derive(Debug, Parser)]
#[command(name = "trade-explorer", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; without a command, the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A dataset file to open instead of the bundled one.
    pub file: Option<PathBuf>,
    /// Refuse dataset files larger than this many bytes.
    #[arg(long, global = true, default_value_t = Limits::default().file_bytes, value_name = "BYTES")]
    pub max_file_size: u64,
    /// Refuse datasets with more rows (observations) than this.
    #[arg(long, global = true, default_value_t = Limits::default().rows, value_name = "N")]
    pub max_rows: u64,
    /// Refuse CSV files with more columns than this.
    #[arg(long, global = true, default_value_t = Limits::default().columns, value_name = "N")]
    pub max_columns: usize,
    /// Refuse text fields (names, quotes, notes) longer than this many characters.
    #[arg(long, global = true, default_value_t = Limits::default().text_chars, value_name = "N")]
    pub max_text_length: usize,
    /// Measurement: draw N frames, print the time from start to the first painted frame and
    /// the median frame time, then quit (see docs/performance.md).
    #[arg(long, value_name = "N", conflicts_with = "bench_idle")]
    pub bench_frames: Option<u64>,
    /// Measurement: after the first frame, count the frames drawn in SECONDS with no input,
    /// print the count, then quit (see docs/performance.md).
    #[arg(long, value_name = "SECONDS")]
    pub bench_idle: Option<u64>,
}

/// When the process started, for start-up measurements.
pub(crate) static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Commands that run without a window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate dataset files: prints `ok` and a summary for each good file, or every problem
    /// found with its place (line and column, JSON path or CSV row). Exits with status 1 if
    /// any file has errors.
    Check {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Read the files by these import choices (saved from the import dialog with "Save
        /// choices beside the file"): the sheet, encoding, header row and column roles.
        #[arg(long, value_name = "FILE")]
        import: Option<PathBuf>,
    },
    /// Render a chart to PNG, or write its figures as CSV, without opening a window (no display
    /// needed). The flags are those of the window's filters; File › Copy as command line in the
    /// window writes them for the chart on screen.
    ///
    /// Example: trade-explorer export --view compare --entity jinhua,yiwu --metric exports,imports
    /// --year 2024 --stacked --size 1600x900 --scale 2 --out trade-2024.png
    Export(Box<ExportArgs>),
}

/// `--lang`: a language the app speaks, by its tag (`en`, `zh`, `zh-CN`).
fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_tag(text).ok_or_else(|| {
        let known: Vec<&str> = Lang::all().iter().map(|l| l.tag()).collect();
        tr!(Lang::default(), "cli-no-language", text = text, known = known.join(", "))
    })
}

/// The `export` command's arguments.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Which chart.
    #[arg(long, value_enum)]
    pub view: ChartView,
    /// The filters.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Language of names and labels: en, zh (a language's tag).
    #[arg(long, default_value = "en", value_parser = parse_lang)]
    pub lang: Lang,
    /// Colours.
    #[arg(long, value_enum, default_value = "light")]
    pub theme: ThemeChoice,
    /// Layout size in points, WIDTHxHEIGHT; the PNG is this size times --scale in pixels.
    #[arg(long, default_value = "1600x900", value_parser = parse_size)]
    pub size: [u32; 2],
    /// Pixels per point: 2 or 3 for print.
    #[arg(long, default_value_t = 1.0, value_parser = parse_scale)]
    pub scale: f32,
    /// The dataset; default: the bundled one.
    #[arg(long, value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// Where to write: a .png picture or a .csv of the figures.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// SVG and PDF: draw the text as the outlines of its letters, for a file that must look the
    /// same in every viewer (its words can then not be searched or copied).
    #[arg(long)]
    pub text_as_outlines: bool,
    /// Read --data by these import choices (saved from the import dialog).
    #[arg(long, value_name = "FILE", requires = "data")]
    pub import: Option<PathBuf>,
}

/// Loads a file, by import choices when given (strictly as detected otherwise).
fn load(path: &Path, import: Option<&Path>, limits: Limits) -> Result<Loaded, crate::data::LoadError> {
    match import {
        Some(choices) => {
            let choices = crate::data::import_file::read_choices_file(choices)?;
            crate::data::import_file::load_path_by_choices(path, &choices, &limits)
        }
        None => load_path_with(path, &Progress::new(limits)),
    }
}

fn parse_size(text: &str) -> Result<[u32; 2], String> {
    let (w, h) = text.split_once(['x', 'X', '×']).ok_or_else(|| tr!(Lang::default(), "cli-not-a-size", text = text))?;
    let parse = |v: &str| v.trim().parse::<u32>().ok().filter(|v| (200..=8000).contains(v));
    match (parse(w), parse(h)) {
        (Some(w), Some(h)) => Ok([w, h]),
        _ => Err(tr!(Lang::default(), "cli-size-out-of-range", text = text)),
    }
}

fn parse_scale(text: &str) -> Result<f32, String> {
    match text.parse::<f32>() {
        Ok(s) if (0.5..=4.0).contains(&s) => Ok(s),
        _ => Err(tr!(Lang::default(), "cli-scale-out-of-range", text = text)),
    }
}

/// Checks that the filter's ids exist in the dataset, naming the first that does not.
fn check_ids(d: &Dataset, f: &Filter, lang: Lang) -> Result<(), String> {
    let known = |ids: Vec<&str>| ids.iter().take(12).copied().collect::<Vec<_>>().join(", ");
    for id in &f.entities {
        if d.entity_id(id).is_none() {
            let known = known(d.entities.iter().map(|e| e.id.as_str()).collect());
            return Err(tr!(lang, "cli-no-such-entity", id = id.as_str(), known = known));
        }
    }
    for id in f.metrics.iter().chain(&f.total_metric) {
        if d.metric_id(id).is_none() {
            let known = known(d.metrics.iter().map(|m| m.id.as_str()).collect());
            return Err(tr!(lang, "cli-no-such-metric", id = id.as_str(), known = known));
        }
    }
    for id in &f.categories {
        if d.category_id(id).is_none() {
            return Err(tr!(lang, "cli-no-such-category", id = id.as_str()));
        }
    }
    if let crate::data::PeriodChoice::Named(p) = &f.period
        && d.period_id(p).is_none()
    {
        return Err(tr!(lang, "cli-no-such-period", id = p.as_str()));
    }
    Ok(())
}

impl Cli {
    /// The load limits the flags set.
    pub(crate) fn limits(&self) -> Limits {
        Limits {
            file_bytes: self.max_file_size,
            rows: self.max_rows,
            columns: self.max_columns,
            text_chars: self.max_text_length,
        }
    }
}

fn run_export(args: &ExportArgs, limits: Limits) -> ExitCode {
    let lang = args.lang;
    let fail = |message: String| {
        eprintln!("{}", tr!(lang, "cli-error", error = message));
        ExitCode::FAILURE
    };
    let loaded = match &args.data {
        Some(path) => load(path, args.import.as_deref(), limits),
        None => load_bundled(),
    };
    let loaded = match loaded {
        Ok(l) => l,
        Err(e) => return fail(load_error_text(&e, lang)),
    };
    let d = &loaded.dataset;
    let filter = args.filter.to_filter(d);
    if let Err(message) = check_ids(d, &filter, lang) {
        return fail(message);
    }
    let extension = args.out.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let written = match extension.as_str() {
        "csv" => {
            let table = export::view_table(d, &filter, args.view);
            let rows = table.len();
            export::save_csv(&args.out, d, &table, lang)
                .map(|()| tr!(lang, "cli-rows", count = format_number(rows as f64, 0), n = rows))
        }
        "svg" => {
            let spec = RenderSpec { view: args.view, lang, theme: args.theme, size: args.size, scale: args.scale };
            let svg = export::render_svg(d, &filter, &spec);
            let svg = if args.text_as_outlines { export::outline_text(&svg) } else { Ok(svg) };
            svg.and_then(|svg| {
                let bytes = format_number(svg.len() as f64, 0);
                export::save(&args.out, svg.as_bytes()).map(|()| tr!(lang, "cli-svg-bytes", size = bytes))
            })
        }
        "pdf" => {
            let spec = RenderSpec { view: args.view, lang, theme: args.theme, size: args.size, scale: args.scale };
            export::render_pdf(d, &filter, &spec, args.text_as_outlines).and_then(|pdf| {
                let bytes = format_number(pdf.len() as f64, 0);
                export::save(&args.out, &pdf).map(|()| tr!(lang, "cli-pdf-bytes", size = bytes))
            })
        }
        "png" => {
            let spec = RenderSpec { view: args.view, lang, theme: args.theme, size: args.size, scale: args.scale };
            export::render_cpu(d, &filter, &spec)
                .and_then(|image| export::encode_png(&image).map(|png| (png, image.size)))
                .and_then(|(png, size)| {
                    let (width, height) = (size[0].to_string(), size[1].to_string());
                    export::save(&args.out, &png).map(|()| tr!(lang, "cli-pixels", width = width, height = height))
                })
        }
        _ => {
            return fail(tr!(lang, "cli-unknown-extension", path = args.out.display().to_string()));
        }
    };
    match written {
        Ok(what) => {
            println!("{}", tr!(lang, "cli-wrote", path = args.out.display().to_string(), what = what));
            ExitCode::SUCCESS
        }
        Err(e) => fail(export_error_text(&e, lang)),
    }
}

/// One line about a loaded dataset: counts and time span.
pub(crate) fn summary(loaded: &Loaded, lang: Lang) -> String {
    let d = &loaded.dataset;
    let count = |n: usize| format_number(n as f64, 0);
    let span = match d.year_span() {
        None => tr!(lang, "cli-no-years"),
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{a}–{b}"),
    };
    tr!(
        lang,
        "cli-summary",
        entities = count(d.entities.len()),
        metrics = count(d.metrics.len()),
        observations = count(d.observations.len()),
        n_observations = d.observations.len(),
        span = span,
        sources = count(d.sources.len()),
        n_sources = d.sources.len()
    )
}

fn check(files: &[PathBuf], import: Option<&Path>, limits: Limits) -> ExitCode {
    // `check` has no --lang: its output is for scripts and logs, in the fallback language.
    let lang = Lang::default();
    let mut failed = false;
    for (i, path) in files.iter().enumerate() {
        match load(path, import, limits) {
            Ok(loaded) => {
                println!(
                    "{}",
                    tr!(
                        lang,
                        "cli-check-ok",
                        path = path.display().to_string(),
                        format = crate::l10n::data_format_name(loaded.format, lang),
                        summary = summary(&loaded, lang)
                    )
                );
                for warning in &loaded.warnings {
                    println!("  {}", tr!(lang, "cli-check-warning", warning = warning_text(warning, lang)));
                }
                if i + 1 == files.len() {
                    // The process ends now and its memory goes back at once: freeing a million
                    // figures one by one would only delay the exit.
                    std::mem::forget(loaded);
                }
            }
            Err(err) => {
                failed = true;
                println!("{}", tr!(lang, "cli-error", error = load_error_text(&err, lang)));
            }
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// Parses the command line and runs what it asks for.
pub fn main() -> ExitCode {
    STARTED.get_or_init(std::time::Instant::now);
    crate::l10n::load_in_background();
    let cli = Cli::parse();
    let limits = cli.limits();
    match cli.command {
        Some(Command::Check { files, import }) => check(&files, import.as_deref(), limits),
        Some(Command::Export(args)) => run_export(&args, limits),
        None => {
            let bench = match (cli.bench_frames, cli.bench_idle) {
                (Some(n), _) => Some(crate::app::Bench::frames(n.max(1))),
                (None, Some(seconds)) => Some(crate::app::Bench::idle(seconds)),
                (None, None) => None,
            };
            crate::app::run(cli.file, limits, bench)
        }
    }
}
