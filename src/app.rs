//! The eframe application: owns the dataset and the filter, lays out the window.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::data::query::{LineChart, line_chart};
use crate::data::{Filter, Lang, Loaded, load_bundled, load_path};

/// The running app.
pub struct TradeExplorerApp {
    loaded: Loaded,
    filter: Filter,
    lang: Lang,
    chart: LineChart,
}

impl TradeExplorerApp {
    /// An app showing a loaded dataset.
    pub fn new(loaded: Loaded) -> TradeExplorerApp {
        let filter = Filter::initial(&loaded.dataset);
        let lang = Lang::En;
        let chart = line_chart(&loaded.dataset, &filter, lang);
        TradeExplorerApp { loaded, filter, lang, chart }
    }

    /// The filter in effect.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }
}

impl eframe::App for TradeExplorerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.label(format!(
                "{} · {} observations",
                self.loaded.dataset.title,
                self.loaded.dataset.observations.len()
            ));
        });
        egui::CentralPanel::default().show(ui, |ui| crate::ui::over_time::show(ui, &self.chart));
        let _ = self.lang;
    }
}

/// Opens the window on a dataset file, or on the bundled dataset.
pub fn run(file: Option<PathBuf>, max_file_size: u64) -> ExitCode {
    let loaded = match &file {
        Some(path) => load_path(path, max_file_size),
        None => load_bundled(),
    };
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
    };
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport: egui::ViewportBuilder::default()
            .with_title("Trade Explorer")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([1024.0, 640.0]),
        ..Default::default()
    };
    match eframe::run_native("Trade Explorer", options, Box::new(|_cc| Ok(Box::new(TradeExplorerApp::new(loaded))))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: cannot open the window: {err}");
            ExitCode::FAILURE
        }
    }
}
