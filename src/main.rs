// Release builds on Windows are GUI programs: no console window opens with them.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    #[cfg(windows)]
    attach_parent_console();
    trade_explorer::cli::main()
}

/// A GUI-subsystem program has no console, so `check`, `export` and `--help` would print
/// nowhere: when started with arguments, write to the console of the terminal that started it
/// (if any; from Explorer there is none, and this does nothing).
#[cfg(windows)]
fn attach_parent_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    if std::env::args_os().len() > 1 {
        // SAFETY: AttachConsole takes a process id and touches no memory of ours.
        unsafe {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}
