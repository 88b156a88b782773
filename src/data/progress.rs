//! The context of one load: its limits, its progress, and a way to cancel it from another
//! thread.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// How much a file may hold before it is refused, so that a hostile or mistaken file cannot
/// exhaust memory. Each limit's message names the command-line flag that raises it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// File size in bytes (`--max-file-size`).
    pub file_bytes: u64,
    /// Data rows, or observations of a JSON file (`--max-rows`).
    pub rows: u64,
    /// Columns of a CSV file (`--max-columns`).
    pub columns: usize,
    /// Characters of one text field: a name, a quote, a note (`--max-text-length`).
    pub text_chars: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { file_bytes: 512 * 1024 * 1024, rows: 50_000_000, columns: 10_000, text_chars: 100_000 }
    }
}

/// Shared between the loading thread (which advances it) and the window (which draws a bar and
/// may cancel).
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
    cancelled: AtomicBool,
    /// The limits of this load.
    pub limits: Limits,
}

impl Progress {
    /// A load with these limits.
    pub fn new(limits: Limits) -> Progress {
        Progress { limits, ..Progress::default() }
    }

    /// Sets how many bytes there are to work through.
    pub(crate) fn set_total(&self, total: u64) {
        self.total.store(total, Ordering::Relaxed);
    }

    /// How many bytes there are to work through, when known (else 0).
    pub(crate) fn total(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }

    /// Records how many bytes have been worked through.
    pub(crate) fn set_done(&self, done: u64) {
        self.done.store(done, Ordering::Relaxed);
    }

    /// The fraction done, 0–1, when the total is known.
    pub(crate) fn fraction(&self) -> Option<f32> {
        let total = self.total.load(Ordering::Relaxed);
        (total > 0).then(|| (self.done.load(Ordering::Relaxed) as f64 / total as f64).min(1.0) as f32)
    }

    /// Asks the loader to stop.
    pub(crate) fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether the loader has been asked to stop.
    pub(crate) fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}
