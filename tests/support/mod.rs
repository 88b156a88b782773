//! What the UI tests share: the real app in a kittest harness, with surroundings of its own (no
//! native dialogs, folders "opened" into a list), and ways to drive it.
#![allow(dead_code)] // each test file uses its own part

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui_kittest::Harness;
use trade_explorer::app::TradeExplorerApp;
use trade_explorer::data::{Time, load_bundled};
use trade_explorer::settings::State;
use trade_explorer::ui::{Tab, chart_layout, compare, over_time};

pub fn app(state: State, settings: Option<PathBuf>) -> Harness<'static, TradeExplorerApp> {
    app_sized(state, settings, [1280.0, 800.0])
}

pub fn app_sized(state: State, settings: Option<PathBuf>, size: [f32; 2]) -> Harness<'static, TradeExplorerApp> {
    app_built(Harness::builder().with_size(size), state, settings)
}

/// The app with frames `dt` seconds apart (kittest's default is a quarter of a second, longer
/// than a double-click may take).
pub fn app_with_frames_of(dt: f32, state: State) -> Harness<'static, TradeExplorerApp> {
    app_built(Harness::builder().with_size([1280.0, 800.0]).with_step_dt(dt).with_max_steps(64), state, None)
}

fn app_built(
    builder: egui_kittest::HarnessBuilder<TradeExplorerApp>,
    state: State,
    settings: Option<PathBuf>,
) -> Harness<'static, TradeExplorerApp> {
    let mut harness = builder.build_eframe(move |cc| {
        let loaded = load_bundled().unwrap_or_else(|e| panic!("{e}"));
        let mut app = TradeExplorerApp::new(&cc.egui_ctx, loaded, "bundled".into(), state, None, settings);
        // The in-app chooser, whatever this machine's desktop offers: tests must not wait on a dialog.
        app.surroundings_mut().native_dialogs = false;
        app.surroundings_mut().export_path = None;
        app.surroundings_mut().test_gate = None;
        app
    });
    harness.run();
    harness
}

/// Makes "Open folder" record the folders it was asked to open.
pub fn record_opened_folders(harness: &mut Harness<'_, TradeExplorerApp>) -> Arc<Mutex<Vec<PathBuf>>> {
    let opened = Arc::new(Mutex::new(Vec::new()));
    let list = Arc::clone(&opened);
    harness.state_mut().surroundings_mut().open_folder = Box::new(move |folder: &Path| {
        list.lock().expect("the list").push(folder.to_path_buf());
        Ok(())
    });
    opened
}

pub fn series_ids(harness: &Harness<'_, TradeExplorerApp>) -> Vec<String> {
    harness.state().models().line.series.iter().filter(|s| !s.hidden).map(|s| s.id.clone()).collect()
}

/// The screen position of a drawn figure: a line's point (Over time) or the centre of a bar
/// (Compare), found from the chart model and the plot's transform as last drawn.
pub fn target(harness: &Harness<'_, TradeExplorerApp>, tab: Tab, entity: &str, metric: &str, year: i32) -> egui::Pos2 {
    let d = &harness.state().loaded().dataset;
    let transform = chart_layout(&harness.ctx, tab).expect("the chart was drawn").transform;
    let is_it = |observation: usize| {
        let c = &d.observations[observation].cell;
        d.entity(c.entity).id == entity && d.metric(c.metric).id == metric && c.time == Time::Year(year)
    };
    let models = harness.state().models();
    let found = match tab {
        Tab::OverTime => models
            .line
            .visible_series()
            .flat_map(|s| &s.points)
            .find(|p| is_it(p.observation))
            .and_then(|p| over_time::plot_point(&models.line, p))
            .map(|xy| transform.position_from_point(&xy)),
        Tab::Compare => compare::place(&models.bars).bars.iter().find(|b| is_it(b.cell.point.observation)).map(|b| {
            let (low, high) = b.corners();
            transform.rect_from_values(&low, &high).center()
        }),
        _ => panic!("{tab:?} has no figures to find"),
    };
    found.unwrap_or_else(|| panic!("{entity} {metric} {year} is not drawn"))
}

#[derive(Debug)]
pub struct DroppedPath(pub PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Steps the app until a background load has finished (bounded by a deadline).
pub fn wait_for_load(harness: &mut Harness<'_, TradeExplorerApp>) {
    step_while_loading(harness);
    harness.run();
}

/// Steps the app while a background load runs (bounded by a deadline).
pub fn step_while_loading(harness: &mut Harness<'_, TradeExplorerApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while harness.state().loading() {
        assert!(std::time::Instant::now() < deadline, "the file did not finish loading");
        harness.step();
        std::thread::yield_now();
    }
}

pub fn drop_file(harness: &mut Harness<'_, TradeExplorerApp>, path: &Path) {
    harness.input_mut().dropped_files.push(std::sync::Arc::new(DroppedPath(path.to_path_buf())));
    harness.step();
    wait_for_load(harness);
}

pub const OWID_CSV: &str =
    "Entity,Code,Year,Exports (billion US$)\nChina,CHN,2023,3380\nChina,CHN,2024,3577\nWorld,OWID_WRL,2024,24000\n";

/// Steps the app until `done` holds (bounded by a deadline): for work on other threads.
pub fn step_until(
    harness: &mut Harness<'_, TradeExplorerApp>,
    what: &str,
    mut done: impl FnMut(&Harness<'_, TradeExplorerApp>) -> bool,
) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !done(harness) {
        assert!(std::time::Instant::now() < deadline, "timed out waiting for {what}");
        harness.step();
        std::thread::yield_now();
    }
    harness.run();
}

/// A FIFO the app's background jobs wait at (`TRADE_EXPLORER_TEST_GATE`) until it is opened.
pub struct Gate(pub PathBuf);

impl Gate {
    pub fn new(folder: &Path) -> Gate {
        let path = folder.join("gate");
        let made = std::process::Command::new("mkfifo").arg(&path).status().expect("mkfifo runs");
        assert!(made.success(), "mkfifo failed");
        Gate(path)
    }

    /// Lets the waiting job go on, once it waits (opening a FIFO without blocking fails until
    /// someone reads it: an app that is gone never makes this hang).
    pub fn open(&self) {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        const O_NONBLOCK: i32 = 0o4000;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        let mut fifo = loop {
            match std::fs::OpenOptions::new().write(true).custom_flags(O_NONBLOCK).open(&self.0) {
                Ok(fifo) => break fifo,
                Err(e) => assert!(std::time::Instant::now() < deadline, "nothing waits at the gate: {e}"),
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        };
        fifo.write_all(b"go").expect("the gate takes a byte");
    }
}

/// Writes a zip archive of `members` (name, bytes), deflated, into `dir`.
pub fn zip_of(dir: &Path, name: &str, members: &[(&str, &[u8])]) -> PathBuf {
    use std::io::Write;
    let path = dir.join(name);
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).expect("created"));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (member, bytes) in members {
        zip.start_file(*member, options).expect("a member");
        zip.write_all(bytes).expect("written");
    }
    zip.finish().expect("finished");
    path
}
