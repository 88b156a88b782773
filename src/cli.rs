//! The command line: open the window, or check dataset files without one.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::data::{DEFAULT_MAX_FILE_SIZE, Loaded, load_path};

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
    #[arg(long, global = true, default_value_t = DEFAULT_MAX_FILE_SIZE, value_name = "BYTES")]
    pub max_file_size: u64,
}

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
    },
}

/// One line about a loaded dataset: counts and time span.
pub fn summary(loaded: &Loaded) -> String {
    let d = &loaded.dataset;
    let span = d
        .year_span()
        .map_or_else(|| "no years".to_string(), |(a, b)| if a == b { a.to_string() } else { format!("{a}–{b}") });
    format!(
        "{} entities, {} metrics, {} observations, {}, {} sources",
        d.entities.len(),
        d.metrics.len(),
        d.observations.len(),
        span,
        d.sources.len()
    )
}

fn check(files: &[PathBuf], limit: u64) -> ExitCode {
    let mut failed = false;
    for path in files {
        match load_path(path, limit) {
            Ok(loaded) => {
                println!("ok: {}: {}", path.display(), summary(&loaded));
                for warning in &loaded.warnings {
                    println!("  warning: {warning}");
                }
            }
            Err(err) => {
                failed = true;
                println!("error: {err}");
            }
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// Parses the command line and runs what it asks for.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { files }) => check(&files, cli.max_file_size),
        None => crate::app::run(cli.file, cli.max_file_size),
    }
}
