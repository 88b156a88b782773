//! A panic that slips through leaves a crash report in the log file, where a person can find
//! it and send it (the app is started from a launcher: there is no terminal to see it).
//! Its own test binary: the logger and the panic hook are global to the process.

#[test]
fn a_panic_writes_a_crash_report_with_its_message_and_place_to_the_log() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // SAFETY: set before any other thread of this test binary reads the environment.
    unsafe { std::env::set_var(trade_explorer::logging::LOG_DIR_ENV, dir.path()) };
    let logger = trade_explorer::logging::start().expect("logging starts");
    let crashed = std::thread::spawn(|| panic!("a figure out of range")).join();
    assert!(crashed.is_err());
    logger.flush();
    let log: String = std::fs::read_dir(dir.path())
        .expect("the log folder exists")
        .filter_map(Result::ok)
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect();
    assert!(log.contains("crash: "), "no crash report in the log:\n{log}");
    assert!(log.contains("a figure out of range"), "the panic message is missing:\n{log}");
    assert!(log.contains("crash_report.rs"), "the panic's place is missing:\n{log}");
}
