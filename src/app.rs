//! The eframe application: owns the session [`State`] and the dataset, applies the views'
//! [`Command`]s in one place, keeps the chart models up to date, and lays out the window.

mod bench;
mod exporting;
mod notice;
mod opening;
mod surroundings;

pub use bench::Bench;
pub use notice::Notice;
pub use surroundings::{EXPORT_PATH_ENV, FolderOpener, Surroundings, TEST_GATE_ENV, native_dialog_available};

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use egui::{RichText, Ui};

use crate::data::decimate::decimate_chart;
use crate::data::format::format_number;
use crate::data::progress::Limits;
use crate::data::query::{
    BarChart, LineChart, ShareChart, Table, bars_from_line, filter_summary, line_chart, share_chart,
};
use crate::data::{Dataset, Filter, LoadError, Loaded, Progress, load_bundled, load_path_with};
use crate::l10n::Lang;
use crate::l10n::{
    BarWords, LineWords, ShareWords, TableRow, bar_words, customary_scale, line_words, load_error_text, share_words,
    sort_table, table_rows,
};
use crate::l10n::{dataset_description, dataset_title};
use crate::settings::{self, State};
use crate::tr;
use crate::ui::filters::PanelState;
use crate::ui::over_time::{Prepared, prepare};
use crate::ui::path_dialog::{self, PathDialog};
use crate::ui::{Command, SelectedFigure, Tab, ThemeChoice, ViewContext, details, menu};

/// The chart models of the current filter, recomputed only when the filter, the language or
/// the dataset changes.
pub struct Models {
    /// Over time.
    pub line: LineChart,
    /// Compare.
    pub bars: BarChart,
    /// Industry shares.
    pub shares: ShareChart,
}

/// The models' words in the window's language, made again only when the models or the
/// language change (formatting a message costs about a microsecond; a frame shows hundreds).
pub struct Words {
    /// Over time.
    pub line: LineWords,
    /// Compare.
    pub bars: BarWords,
    /// Industry shares.
    pub shares: ShareWords,
}

impl Words {
    fn of(d: &Dataset, models: &Models, lang: Lang) -> Words {
        Words {
            line: line_words(d, &models.line, lang),
            bars: bar_words(d, &models.bars, lang),
            shares: share_words(d, &models.shares, lang),
        }
    }
}

/// What the Table view's sorted table depends on: the models' generation, the chart, the sort
/// and the language.
type TableKey = (u64, Tab, (crate::data::query::TableColumn, bool), Lang);

/// What the decimated lines depend on: the models' generation, the x range (as bits) and the
/// plot's width in pixels.
type DrawnKey = (u64, u64, u64, usize);

/// The running app.
pub struct TradeExplorerApp {
    state: State,
    loaded: Arc<Loaded>,
    /// The file the dataset came from; `None` for the bundled one.
    dataset_path: Option<PathBuf>,
    exports: exporting::Exports,
    frames: u64,
    /// Counts model recomputations, to know when caches are stale.
    generation: u64,
    /// Counts datasets opened, to know when caches of the dataset are stale.
    dataset_generation: u64,
    /// The observations of each source, for the Sources view (counted once per dataset).
    sources_cache: Option<(u64, Arc<Vec<Vec<usize>>>)>,
    /// What the filters leave out, for the status line (recounted with the models).
    summary: crate::data::query::FilterSummary,
    table_cache: Option<(TableKey, Arc<Table>)>,
    /// The decimated lines of the Over time chart, for a model generation, x range and width.
    drawn_cache: Option<(DrawnKey, Arc<Vec<Prepared>>)>,
    /// What the status line calls the dataset: a file name, or "bundled".
    dataset_origin: String,
    filter: Filter,
    models: Models,
    words: Words,
    selected: Option<SelectedFigure>,
    panel: PanelState,
    sources_search: String,
    /// The latest message for the status line.
    message: Option<Notice>,
    /// A file that could not be opened: its located errors.
    load_error: Option<LoadError>,
    show_about: bool,
    show_shortcuts: bool,
    path_dialog: Option<PathDialog>,
    opening: Option<opening::Opening>,
    /// A native open dialog running on a thread.
    choosing_file: Option<Receiver<Option<PathBuf>>>,
    settings_path: Option<PathBuf>,
    saved_state: Option<State>,
    last_save: Option<Instant>,
    theme_applied: Option<ThemeChoice>,
    limits: Limits,
    bench: Option<Bench>,
    surroundings: Surroundings,
}

impl TradeExplorerApp {
    /// An app showing `loaded`, restoring `state`; `settings_path` is where the session is saved
    /// (`None`: not saved); `settings_message` is shown once (a settings file that was not used).
    pub fn new(
        ctx: &egui::Context,
        loaded: Loaded,
        dataset_origin: String,
        state: State,
        settings_message: Option<settings::SettingsProblem>,
        settings_path: Option<PathBuf>,
    ) -> TradeExplorerApp {
        crate::ui::fonts::install(ctx);
        let mut filter = state.filter.clone().unwrap_or_else(|| initial_filter(&loaded.dataset, state.lang));
        filter.adapt_to(&loaded.dataset);
        let models = compute_models(&loaded, &filter);
        let words = Words::of(&loaded.dataset, &models, state.lang);
        let summary = filter_summary(&loaded.dataset, &filter);
        let message = settings_message
            .map(Notice::Settings)
            .or_else(|| (!loaded.warnings.is_empty()).then_some(Notice::Warnings));
        TradeExplorerApp {
            saved_state: Some(state.clone()),
            state,
            loaded: Arc::new(loaded),
            dataset_path: None,
            exports: exporting::Exports::default(),
            frames: 0,
            generation: 0,
            dataset_generation: 0,
            sources_cache: None,
            summary,
            table_cache: None,
            drawn_cache: None,
            dataset_origin,
            filter,
            models,
            words,
            selected: None,
            panel: PanelState::default(),
            sources_search: String::new(),
            message,
            load_error: None,
            show_about: false,
            show_shortcuts: false,
            path_dialog: None,
            opening: None,
            choosing_file: None,
            settings_path,
            last_save: None,
            theme_applied: None,
            limits: Limits::default(),
            bench: None,
            surroundings: Surroundings::of_this_machine(),
        }
    }

    /// What the app takes from the machine (dialogs, the folder opener, test hooks); tests set
    /// their own.
    pub fn surroundings_mut(&mut self) -> &mut Surroundings {
        &mut self.surroundings
    }

    /// The filter in effect.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// The session state.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The chart models the views draw.
    pub fn models(&self) -> &Models {
        &self.models
    }

    /// The chart models' words in the window's language.
    pub fn words(&self) -> &Words {
        &self.words
    }

    /// The open dataset.
    pub fn loaded(&self) -> &Loaded {
        &self.loaded
    }

    /// Remembers the file the dataset came from (for "Copy as command line" and reloading).
    pub fn set_dataset_path(&mut self, path: Option<PathBuf>) {
        self.dataset_path = path;
    }

    /// The selected figure, if any.
    pub fn selected(&self) -> Option<&SelectedFigure> {
        self.selected.as_ref()
    }

    /// The message of the status line, in the window's language.
    pub fn message(&self) -> Option<String> {
        self.message.as_ref().map(|m| m.text(&self.loaded, self.state.lang))
    }

    /// The Table view's table: exactly the figures of the last chart tab, sorted. Kept until the
    /// chart, the sort or the language changes (sorting a million rows takes a while).
    pub fn table(&mut self) -> Arc<Table> {
        let key = (self.generation, self.state.last_chart_tab, self.state.table_sort, self.state.lang);
        if let Some((cached, table)) = &self.table_cache
            && *cached == key
        {
            return Arc::clone(table);
        }
        let mut table = match self.state.last_chart_tab {
            Tab::Compare => self.models.bars.table(),
            Tab::Shares => self.models.shares.table(),
            _ => self.models.line.table(),
        };
        let (column, ascending) = self.state.table_sort;
        sort_table(&self.loaded.dataset, &mut table, column, ascending, self.state.lang);
        let table = Arc::new(table);
        self.table_cache = Some((key, Arc::clone(&table)));
        table
    }

    /// The Over time chart's lines reduced to what the plot can show at its current x range and
    /// width (the last frame's), recomputed only when those or the chart change.
    pub fn drawn_series(&mut self, ctx: &egui::Context) -> Arc<Vec<Prepared>> {
        let layout = crate::ui::chart_layout(ctx, Tab::OverTime);
        let x_range = layout.as_ref().and_then(|l| l.x_range());
        let columns = layout.map_or(1600, |l| (l.plot_rect.width() * ctx.pixels_per_point()).round().max(1.0) as usize);
        let bits = x_range.map_or((0, 0), |(a, b)| (a.to_bits(), b.to_bits()));
        let key = (self.generation, bits.0, bits.1, columns);
        if let Some((cached, drawn)) = &self.drawn_cache
            && *cached == key
        {
            return Arc::clone(drawn);
        }
        let line = &self.models.line;
        let drawn = Arc::new(prepare(line, decimate_chart(line, x_range, columns)));
        self.drawn_cache = Some((key, Arc::clone(&drawn)));
        drawn
    }

    fn figures_by_source(&mut self) -> Arc<Vec<Vec<usize>>> {
        if let Some((generation, figures)) = &self.sources_cache
            && *generation == self.dataset_generation
        {
            return Arc::clone(figures);
        }
        let figures = Arc::new(crate::data::query::figures_by_source(&self.loaded.dataset));
        self.sources_cache = Some((self.dataset_generation, Arc::clone(&figures)));
        figures
    }

    /// The Table view's rows with their text.
    pub fn table_rows(&mut self) -> Vec<TableRow> {
        let lang = self.state.lang;
        let table = self.table();
        table_rows(&self.loaded.dataset, &table, lang)
    }

    /// Applies one command, recomputing the chart models if the filter or language changed.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        let before = (self.filter.clone(), self.state.lang);
        match command {
            Command::SetFilter(filter) => self.filter = filter,
            Command::ResetFilters => self.filter = initial_filter(&self.loaded.dataset, self.state.lang),
            Command::SetTab(tab) => {
                self.state.tab = tab;
                event(&format!("tab {}", serde_json::to_string(&tab).unwrap_or_default().trim_matches('"')));
                if tab.is_chart() {
                    self.state.last_chart_tab = tab;
                }
            }
            Command::SetLang(lang) => {
                self.state.lang = lang;
                self.filter.unit_scale = customary_scale(self.filter.unit_scale, lang);
            }
            Command::SetTheme(theme) => self.state.theme = theme,
            Command::ToggleSeries(id) => {
                if !self.filter.hidden.remove(&id) {
                    self.filter.hidden.insert(id);
                }
            }
            Command::ShowOnly { keep, all } => {
                self.filter.hidden = all.into_iter().filter(|id| *id != keep).collect();
            }
            Command::Select(figure) => self.selected = Some(figure),
            Command::ClearSelection => self.selected = None,
            Command::OpenFile => self.open_file_dialog(ctx),
            Command::OpenRecent(path) => self.open_path(ctx, path),
            Command::Reload => self.reload(ctx),
            Command::OpenUrl(url) => {
                if details::is_web_link(&url) {
                    ctx.open_url(egui::OpenUrl::new_tab(url));
                }
            }
            Command::ShowAbout => self.show_about = true,
            Command::ShowShortcuts => self.show_shortcuts = true,
            Command::ToggleSidePanel => self.state.side_panel_open = !self.state.side_panel_open,
            Command::ExportImage { whole_window } => {
                self.start_export(ctx, exporting::Purpose::Capture { whole_window });
            }
            Command::ShowHighResExport => {
                let size = crate::export::ChartView::of_tab(self.state.tab)
                    .and_then(|v| crate::ui::chart_layout(ctx, v.tab()))
                    .map_or([1600, 900], |l| {
                        [l.chart_rect.width().round() as u32, l.chart_rect.height().round() as u32]
                    });
                self.exports.high_res = Some((2.0, [size[0].max(200), size[1].max(200)]));
            }
            Command::ExportHighRes { scale, size } => {
                self.start_export(ctx, exporting::Purpose::Render { scale, size })
            }
            Command::CopyImage => self.start_copy_image(),
            Command::ExportData => self.start_export(ctx, exporting::Purpose::Data),
            Command::CopyCommandLine => {
                let line = self.command_line();
                ctx.copy_text(line.clone());
                let text = tr!(self.state.lang, "app-copied", line = line.as_str());
                self.toast(text, None, false);
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
        if self.filter != before.0 {
            self.refresh_models();
        } else if self.state.lang != before.1 {
            self.words = Words::of(&self.loaded.dataset, &self.models, self.state.lang);
        }
        ctx.request_repaint();
    }

    /// Replaces the dataset with a newly opened one; filters adapt, the selection is cleared.
    pub fn set_dataset(&mut self, origin: String, loaded: Loaded) {
        self.dataset_generation += 1;
        self.filter.adapt_to(&loaded.dataset);
        self.loaded = Arc::new(loaded);
        self.dataset_origin = origin;
        self.selected = None;
        self.load_error = None;
        self.refresh_models();
        self.message = Some(Notice::Opened { origin: self.dataset_origin.clone() });
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.theme_applied == Some(self.state.theme) {
            return;
        }
        ctx.set_theme(match self.state.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        });
        self.theme_applied = Some(self.state.theme);
    }

    /// Saves the session when it changed, at most once a second (and always on exit).
    fn save_settings(&mut self, ctx: &egui::Context, force: bool) {
        self.state.filter = Some(self.filter.clone());
        let Some(path) = &self.settings_path else { return };
        if self.saved_state.as_ref() == Some(&self.state) {
            return;
        }
        if !force && self.last_save.is_some_and(|t| t.elapsed() < Duration::from_secs(1)) {
            ctx.request_repaint_after(Duration::from_secs(1));
            return;
        }
        match settings::save(path, &self.state) {
            Ok(()) => self.saved_state = Some(self.state.clone()),
            Err(e) => {
                let problem = settings::SettingsProblem::NotSaved { path: path.clone(), detail: e.to_string() };
                self.message = Some(Notice::Settings(problem));
                // Do not retry every frame: remember this state as handled.
                self.saved_state = Some(self.state.clone());
            }
        }
        self.last_save = Some(Instant::now());
    }

    fn status_line(&self, ui: &mut Ui) {
        let d = &self.loaded.dataset;
        let lang = self.state.lang;
        let summary = self.summary;
        // Without a path, the data is the bundled dataset.
        let origin = if self.dataset_path.is_some() { self.dataset_origin.clone() } else { tr!(lang, "app-bundled") };
        let mut parts = vec![
            format!("{} ({origin})", dataset_title(d, lang)),
            tr!(lang, "figure-count", n = d.observations.len(), count = format_number(d.observations.len() as f64, 0)),
        ];
        let hidden = summary.by_years + summary.by_period + summary.by_derived + summary.by_trust;
        if hidden > 0 {
            let count = |n: usize| format_number(n as f64, 0);
            let mut why = Vec::new();
            if summary.by_years > 0 {
                why.push(tr!(lang, "app-hidden-by-years", count = count(summary.by_years)));
            }
            if summary.by_period > 0 {
                why.push(tr!(lang, "app-hidden-by-period", count = count(summary.by_period)));
            }
            if summary.by_derived > 0 {
                why.push(tr!(lang, "app-hidden-by-derived", count = count(summary.by_derived)));
            }
            if summary.by_trust > 0 {
                why.push(tr!(lang, "app-hidden-by-trust", count = count(summary.by_trust)));
            }
            let why = why.join(&tr!(lang, "list-separator"));
            parts.push(tr!(
                lang,
                "app-filters-hide",
                hidden = count(hidden),
                selected = count(summary.selected),
                why = why
            ));
        }
        ui.horizontal(|ui| {
            ui.label(RichText::new(parts.join(" · ")).small());
            if let Some(opening) = &self.opening {
                let text = tr!(lang, "app-opening", name = opening.name.as_str());
                let bar = match opening.progress.fraction() {
                    Some(f) => egui::ProgressBar::new(f).show_percentage(),
                    None => egui::ProgressBar::new(0.0).animate(true),
                };
                ui.add(bar.desired_width(160.0).text(text));
                if ui.small_button(tr!(lang, "app-cancel")).clicked() {
                    opening.progress.cancel();
                }
            }
            if let Some(message) = &self.message {
                ui.separator();
                ui.label(RichText::new(message.text(&self.loaded, lang)).small().color(ui.visuals().warn_fg_color));
            }
        });
    }

    fn windows(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let lang = self.state.lang;
        let commands = Vec::new();
        if self.show_about {
            egui::Window::new(tr!(lang, "app-about-trade-explorer"))
                .open(&mut self.show_about)
                .collapsible(false)
                .show(ctx, |ui| {
                    ui.label(RichText::new(format!("Trade Explorer {}", env!("CARGO_PKG_VERSION"))).strong());
                    ui.label(tr!(lang, "app-charts-of-foreign-trade-data-with"));
                    ui.separator();
                    let d = &self.loaded.dataset;
                    ui.label(RichText::new(dataset_title(d, lang)).strong());
                    ui.add(egui::Label::new(dataset_description(d, lang)).wrap());
                    let (all, derived) = (d.observations.len(), d.stats.derived);
                    let count = |n: usize| format_number(n as f64, 0);
                    ui.label(tr!(
                        lang,
                        "app-about-figures",
                        all = count(all),
                        reported = count(all - derived),
                        derived = count(derived)
                    ));
                    ui.separator();
                    ui.label(RichText::new(tr!(lang, "app-chinese-text-uses-droid-sans-fallback")).small());
                });
        }
        if self.show_shortcuts {
            let lines = menu::shortcut_help(ctx, lang);
            egui::Window::new(tr!(lang, "app-keyboard-shortcuts"))
                .open(&mut self.show_shortcuts)
                .collapsible(false)
                .show(ctx, |ui| {
                    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                        for (keys, what) in lines {
                            ui.label(RichText::new(keys).monospace());
                            ui.label(what);
                            ui.end_row();
                        }
                    });
                });
        }
        if let Some(error) = self.load_error.as_ref().map(|e| load_error_text(e, lang)) {
            let mut open = true;
            egui::Window::new(tr!(lang, "app-the-file-could-not-be-opened")).open(&mut open).default_width(640.0).show(
                ctx,
                |ui| {
                    ui.label(tr!(lang, "app-the-data-that-was-open-is"));
                    egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                        for line in error.lines() {
                            ui.add(egui::Label::new(RichText::new(line).monospace()).selectable(true).wrap());
                        }
                    });
                    if ui.button(tr!(lang, "app-copy-the-messages")).clicked() {
                        ui.ctx().copy_text(error.clone());
                    }
                },
            );
            if !open {
                self.load_error = None;
            }
        }
        if let Some(dialog) = &mut self.path_dialog {
            match path_dialog::show(ctx, dialog, &tr!(lang, "app-open-a-dataset"), lang) {
                path_dialog::Outcome::Open => {}
                path_dialog::Outcome::Cancelled => self.path_dialog = None,
                path_dialog::Outcome::Chosen(path) => {
                    self.path_dialog = None;
                    self.open_path(ctx, path);
                }
            }
        }
        commands
    }
}

impl TradeExplorerApp {
    /// Recomputes the chart models after the filter, the language or the dataset changed.
    fn refresh_models(&mut self) {
        self.models = compute_models(&self.loaded, &self.filter);
        self.words = Words::of(&self.loaded.dataset, &self.models, self.state.lang);
        self.summary = filter_summary(&self.loaded.dataset, &self.filter);
        self.generation += 1;
    }
}

/// The filter a dataset opens with, money counted as readers of `lang` count it.
fn initial_filter(dataset: &Dataset, lang: Lang) -> Filter {
    let mut filter = Filter::initial(dataset);
    filter.unit_scale = customary_scale(filter.unit_scale, lang);
    filter
}

fn compute_models(loaded: &Loaded, filter: &Filter) -> Models {
    let d = &loaded.dataset;
    let line = line_chart(d, filter);
    let bars = bars_from_line(d, filter, &line);
    Models { line, bars, shares: share_chart(d, filter) }
}

/// Prints an event line for scripts and end-to-end tests when `TRADE_EXPLORER_EVENTS` is set
/// (`ready` after the first frame, `opening NAME`, `opened NAME`, `writing PATH`, `saved PATH`,
/// `export failed: …`, `copied image WxH`, `tab TAB`, `closing`, `open cancelled: NAME (stopped | finished |
/// still running)`, `closed`).
pub fn event(line: &str) {
    if std::env::var_os(EVENTS_ENV).is_some() {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    }
}

/// Set this to have the app print its events on standard output.
pub const EVENTS_ENV: &str = "TRADE_EXPLORER_EVENTS";

impl eframe::App for TradeExplorerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let frame_started = std::time::Instant::now();
        if let Some(bench) = &mut self.bench {
            bench.frame_begins(&ctx);
        }
        self.frames += 1;
        if self.frames == 2 {
            event("ready");
        }
        self.apply_theme(&ctx);
        self.poll_opening(&ctx);
        self.poll_exports(&ctx);
        let capturing = self.exports.capturing();
        let lang = self.state.lang;
        let mut commands = menu::shortcuts(&ctx);

        egui::Panel::top("menu").show(ui, |ui| {
            let can_reload = self.dataset_path.is_some();
            commands.extend(menu::show(
                ui,
                self.state.tab,
                lang,
                self.state.theme,
                &self.state.recent_files,
                can_reload,
            ));
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_line(ui));
        let table = (self.state.tab == Tab::Table).then(|| self.table());
        let drawn = (self.state.tab == Tab::OverTime).then(|| self.drawn_series(&ctx));
        let figures = (self.state.tab == Tab::Sources).then(|| self.figures_by_source());
        let view = ViewContext {
            dataset: &self.loaded.dataset,
            filter: &self.filter,
            lang,
            selected: self.selected.as_ref(),
            interactive: !capturing,
            controls: true,
        };
        if self.state.side_panel_open {
            egui::Panel::left("filters").resizable(true).default_size(300.0).size_range(220.0..=520.0).show(ui, |ui| {
                if let Some(selected) = &self.selected {
                    let e = details::explain_selected(&self.loaded.dataset, selected, lang);
                    commands.extend(details::card(ui, &e, lang));
                    ui.add_space(6.0);
                }
                commands.extend(crate::ui::filters::show(
                    ui,
                    &self.loaded.dataset,
                    self.dataset_generation,
                    &self.filter,
                    &mut self.panel,
                    self.words.line.log_unavailable.as_deref(),
                    lang,
                ));
            });
        }
        let mut new_sort = None;
        let mut search = std::mem::take(&mut self.sources_search);
        egui::CentralPanel::default().show(ui, |ui| match self.state.tab {
            Tab::OverTime => {
                let drawn = drawn.unwrap_or_default();
                commands.extend(crate::ui::over_time::show(ui, &view, &self.models.line, &self.words.line, &drawn));
            }
            Tab::Compare => commands.extend(crate::ui::compare::show(ui, &view, &self.models.bars, &self.words.bars)),
            Tab::Shares => commands.extend(crate::ui::shares::show(ui, &view, &self.models.shares, &self.words.shares)),
            Tab::Table => {
                if let Some(table) = &table {
                    let chart = self.state.last_chart_tab.label(lang);
                    let rows = crate::data::format::format_number(table.len() as f64, 0);
                    let caption = tr!(lang, "app-table-caption", chart = chart, rows = rows);
                    new_sort = crate::ui::table::show(ui, &caption, table, view.dataset, self.state.table_sort, lang);
                }
            }
            Tab::Sources => {
                let figures = figures.unwrap_or_default();
                commands.extend(crate::ui::sources::show(ui, view.dataset, &figures, &mut search, lang));
            }
        });
        self.sources_search = search;
        if let Some(sort) = new_sort {
            self.state.table_sort = sort;
        }
        commands.extend(self.windows(&ctx));
        self.export_windows(&ctx);
        self.drag_and_drop(&ctx);
        if capturing {
            self.request_capture(&ctx);
        }

        for command in commands {
            self.apply(&ctx, command);
        }
        if let Some(rect) = ctx.input(|i| i.viewport().inner_rect) {
            let size = [rect.width().round(), rect.height().round()];
            if size[0] > 0.0 && size[1] > 0.0 {
                self.state.window_size = Some(size);
            }
        }
        self.save_settings(&ctx, false);
        if let Some(bench) = &mut self.bench {
            bench.frame_ends(&ctx, frame_started.elapsed());
        }
    }

    /// Closing (Ctrl+Q, the window's close button, the window manager): loads are stopped,
    /// exports finish, settings are saved. Worker threads are never joined beyond that, so none
    /// can keep the process alive.
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        event("closing");
        self.cancel_opening(Duration::from_secs(2));
        self.finish_writing(Duration::from_secs(30));
        let ctx = egui::Context::default();
        self.save_settings(&ctx, true);
        log::info!("closed");
        event("closed");
    }
}

/// SIGTERM (a session logging out, `kill`), SIGINT (Ctrl+C in a terminal) and SIGHUP close the
/// window the way its close button does, so the session is saved and exports finish. A second
/// signal while closing ends the process at once.
fn close_on_termination_signal(ctx: &egui::Context) {
    let ctx = ctx.clone();
    let signals = std::sync::atomic::AtomicU32::new(0);
    let installed = ctrlc::set_handler(move || {
        if signals.fetch_add(1, std::sync::atomic::Ordering::SeqCst) > 0 {
            std::process::exit(130);
        }
        log::info!("closing on a termination signal");
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        ctx.request_repaint();
    });
    if let Err(e) = installed {
        log::warn!("termination signals will end the app without saving: {e}");
    }
}

/// The name the status line gives a dataset opened from `path`.
fn origin_of(path: Option<&Path>) -> String {
    path.and_then(|p| p.file_name()).map_or_else(|| "bundled".to_string(), |n| n.to_string_lossy().into_owned())
}

/// Opens the window on a dataset file, or on the bundled dataset. A file that cannot be opened
/// does not stop the window: it opens on the bundled dataset and shows the file's errors.
pub fn run(file: Option<PathBuf>, limits: Limits, bench: Option<Bench>) -> ExitCode {
    let _log = crate::logging::start();
    let (loaded, file_error, file) = match &file {
        Some(path) => match load_path_with(path, &Progress::new(limits)) {
            Ok(loaded) => (Ok(loaded), None, Some(std::path::absolute(path).unwrap_or_else(|_| path.clone()))),
            Err(err) => {
                log::warn!("could not open {}: {}", path.display(), load_error_text(&err, Lang::default()));
                (load_bundled(), Some(err), None)
            }
        },
        None => (load_bundled(), None, None),
    };
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(err) => {
            // Only a broken build can fail to load the bundled dataset.
            let message = load_error_text(&err, Lang::default());
            log::error!("the bundled dataset does not load: {message}");
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    let settings_path = settings::default_path();
    let (mut state, settings_message) = match &settings_path {
        Some(path) => settings::load(path),
        None => (State::default(), None),
    };
    // The first start speaks the desktop's language; after that, the one the person chose.
    if !settings_path.as_deref().is_some_and(Path::exists) {
        state.lang = Lang::of_locale(sys_locale::get_locale().as_deref());
    }
    if let Some(path) = &file {
        state.recent_files.retain(|p| p != path);
        state.recent_files.insert(0, path.clone());
        state.recent_files.truncate(settings::RECENT_FILES);
    }
    let size = state.window_size.unwrap_or([1280.0, 800.0]);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Trade Explorer")
        .with_app_id("trade-explorer")
        .with_inner_size([size[0].max(1024.0), size[1].max(640.0)])
        .with_min_inner_size([1024.0, 640.0])
        .with_drag_and_drop(true);
    match eframe::icon_data::from_png_bytes(ICON_PNG) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(e) => log::warn!("the window icon does not decode: {e}"),
    }
    let options = eframe::NativeOptions { renderer: eframe::Renderer::Glow, viewport, ..Default::default() };
    let origin = origin_of(file.as_deref());
    let result = eframe::run_native(
        "Trade Explorer",
        options,
        Box::new(move |cc| {
            close_on_termination_signal(&cc.egui_ctx);
            let mut app = TradeExplorerApp::new(&cc.egui_ctx, loaded, origin, state, settings_message, settings_path);
            app.limits = limits;
            app.set_dataset_path(file);
            app.load_error = file_error;
            app.bench = bench;
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            log::error!("cannot open the window: {err}");
            eprintln!("error: cannot open the window: {err}");
            ExitCode::FAILURE
        }
    }
}

/// The app icon, 256×256, set on the window.
pub const ICON_PNG: &[u8] = include_bytes!("../assets/icon.png");
