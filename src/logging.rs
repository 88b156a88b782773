//! The log file. Started from a launcher, the app has no terminal: warnings, errors and crash
//! reports go to a small rotating file in the data folder
//! (`~/.local/share/trade-explorer/logs/` on Linux), and the UI shows what the person must know.

use std::path::PathBuf;

/// Set this to keep the log files in another folder (tests do).
pub const LOG_DIR_ENV: &str = "TRADE_EXPLORER_LOG_DIR";

/// The folder of the log files.
pub(crate) fn log_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(LOG_DIR_ENV) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "trade-explorer").map(|d| d.data_dir().join("logs"))
}

/// Starts logging to the file (1 MB a file, the last 3 kept) and installs a panic hook that
/// writes a crash report to it. Returns a handle that must live as long as the program.
pub fn start() -> Option<flexi_logger::LoggerHandle> {
    let dir = log_dir()?;
    let logger = flexi_logger::Logger::try_with_env_or_str("warn,trade_explorer=info").ok()?;
    let handle = logger
        .log_to_file(flexi_logger::FileSpec::default().directory(&dir).basename("trade-explorer"))
        .rotate(
            flexi_logger::Criterion::Size(1024 * 1024),
            flexi_logger::Naming::Numbers,
            flexi_logger::Cleanup::KeepLogFiles(3),
        )
        .append()
        .format_for_files(flexi_logger::detailed_format)
        .start()
        .ok()?;
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let backtrace = std::backtrace::Backtrace::force_capture();
        log::error!("crash: {info}\n{backtrace}");
        default_hook(info);
    }));
    log::info!("Trade Explorer {} started", env!("CARGO_PKG_VERSION"));
    Some(handle)
}
