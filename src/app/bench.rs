//! `--bench-frames N` and `--bench-idle SECONDS`: measurements of the real window, printed on
//! standard output (docs/performance.md).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// What to measure.
pub(crate) enum Bench {
    /// Draw `n` frames, then print start-up and frame times and quit.
    Frames {
        /// How many frames.
        n: u64,
        /// The CPU time of each frame's ui code.
        times: Vec<Duration>,
        /// Frames begun.
        begun: u64,
    },
    /// Count the frames drawn in `seconds` without input, then quit.
    Idle {
        /// The window to count in.
        seconds: u64,
        /// Frames begun, shared with the timer thread.
        frames: Arc<AtomicU64>,
        /// The timer has started.
        started: bool,
        /// Frames counted, set by the timer thread when the time is up.
        result: Arc<AtomicU64>,
    },
}

impl Bench {
    /// Measure `n` frames.
    pub(crate) fn frames(n: u64) -> Bench {
        Bench::Frames { n, times: Vec::new(), begun: 0 }
    }

    /// Count idle frames for `seconds`.
    pub(crate) fn idle(seconds: u64) -> Bench {
        Bench::Idle { seconds, frames: Arc::default(), started: false, result: Arc::new(AtomicU64::new(u64::MAX)) }
    }

    /// Called at the start of each frame: a frame that begins means the previous one was painted.
    pub(crate) fn frame_begins(&mut self, ctx: &egui::Context) {
        let since_start = crate::cli::STARTED.get().map(|t| t.elapsed()).unwrap_or_default();
        match self {
            Bench::Frames { n, times, begun } => {
                *begun += 1;
                if *begun == 2 {
                    println!("first frame painted after {:.1} ms", since_start.as_secs_f64() * 1000.0);
                }
                if *begun > *n {
                    let mut sorted = times.clone();
                    sorted.sort();
                    let median = sorted.get(sorted.len() / 2).copied().unwrap_or_default();
                    println!("frames: {n}, median ui time: {:.3} ms", median.as_secs_f64() * 1000.0);
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Bench::Idle { seconds, frames, started, result } => {
                let begun = frames.fetch_add(1, Ordering::SeqCst) + 1;
                if begun == 2 && !*started {
                    // Give the window a second to settle (start-up events, first layout),
                    // then count the frames of the next `seconds` with nothing happening.
                    *started = true;
                    let (frames, result, ctx, seconds) =
                        (Arc::clone(frames), Arc::clone(result), ctx.clone(), *seconds);
                    std::thread::spawn(move || {
                        std::thread::sleep(Duration::from_secs(1));
                        let from = frames.load(Ordering::SeqCst);
                        std::thread::sleep(Duration::from_secs(seconds));
                        result.store(frames.load(Ordering::SeqCst) - from, Ordering::SeqCst);
                        ctx.request_repaint();
                    });
                }
                let counted = result.swap(u64::MAX, Ordering::SeqCst);
                if counted != u64::MAX {
                    // This frame is the timer's wake-up, not an idle repaint.
                    println!("idle frames in {seconds} s: {counted}");
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                } else if *started && begun > 2 {
                    // Say what woke the window, so an idle repaint can be traced.
                    for cause in ctx.repaint_causes() {
                        eprintln!("repaint caused by {cause}");
                    }
                }
            }
        }
    }

    /// Called at the end of each frame with its ui time.
    pub(crate) fn frame_ends(&mut self, ctx: &egui::Context, took: Duration) {
        match self {
            Bench::Frames { n, times, begun } => {
                if *begun <= *n {
                    times.push(took);
                    ctx.request_repaint();
                }
            }
            Bench::Idle { .. } => {}
        }
    }
}
