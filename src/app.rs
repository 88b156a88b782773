//! The eframe application: the session ([`Session`]), the open data with what is derived from it
//! ([`OpenData`]), background jobs ([`Jobs`]) and transient UI ([`Transient`]). Views return
//! [`Command`]s; [`TradeExplorerApp::apply`] applies them in one place.

mod bench;
mod exporting;
mod importing;
mod jobs;
mod notice;
mod open_data;
mod opening;
mod session;
mod start;
mod surroundings;
mod transient;
mod windows;

pub(crate) use bench::Bench;
pub(crate) use notice::Notice;
pub(crate) use open_data::{Models, Words};
pub(crate) use start::run;
pub(crate) use surroundings::Surroundings;

use std::path::PathBuf;
use std::time::Duration;

use crate::data::progress::Limits;
use crate::data::{Filter, Loaded};
use crate::l10n::TableRow;
use crate::settings::{SettingsProblem, State};
use crate::tr;
use crate::ui::{Command, SelectedFigure, Tab, ThemeChoice, ViewContext, details, menu};
use jobs::Jobs;
use open_data::{OpenData, Viewport};
use session::{Saved, Session};
use transient::Transient;

/// The running app.
pub struct TradeExplorerApp {
    session: Session,
    data: OpenData,
    jobs: Jobs,
    ui: Transient,
    frames: u64,
    limits: Limits,
    bench: Option<Bench>,
    surroundings: Surroundings,
    /// The import choices remembered beside the settings.
    imports: crate::import_store::ImportStore,
}

impl TradeExplorerApp {
    /// An app showing `loaded` (named `origin` in the status line), restoring `state`;
    /// `settings_path` is where the session is saved (`None`: not saved); `settings_problem`
    /// is shown once (a settings file that was not used).
    pub fn new(
        ctx: &egui::Context,
        loaded: Loaded,
        origin: String,
        state: State,
        settings_problem: Option<SettingsProblem>,
        settings_path: Option<PathBuf>,
    ) -> TradeExplorerApp {
        crate::ui::fonts::install(ctx);
        let store = settings_path.as_deref().map(crate::import_store::store_path);
        let (imports, store_problem) = crate::import_store::ImportStore::load(store);
        if let Some(problem) = store_problem {
            log::warn!("the remembered import choices were not read: {problem}");
        }
        let (session, filter) = Session::new(state, settings_path);
        let data = OpenData::new(loaded, origin, filter, session.state.lang);
        let message = settings_problem
            .map(Notice::Settings)
            .or_else(|| (!data.loaded.warnings.is_empty()).then_some(Notice::Warnings));
        TradeExplorerApp {
            session,
            data,
            jobs: Jobs::default(),
            ui: Transient { message, ..Transient::default() },
            frames: 0,
            limits: Limits::default(),
            bench: None,
            surroundings: Surroundings::of_this_machine(),
            imports,
        }
    }

    /// What the app takes from the machine (dialogs, the folder opener, test hooks); tests set
    /// their own.
    pub fn surroundings_mut(&mut self) -> &mut Surroundings {
        &mut self.surroundings
    }

    /// The filter in effect.
    pub fn filter(&self) -> &Filter {
        self.data.filter()
    }

    /// The session state.
    pub fn state(&self) -> &State {
        &self.session.state
    }

    /// The chart models the views draw.
    pub fn models(&self) -> &Models {
        self.data.models()
    }

    /// The chart models' words in the window's language.
    pub fn words(&self) -> &Words {
        self.data.words()
    }

    /// The open dataset.
    pub fn loaded(&self) -> &Loaded {
        &self.data.loaded
    }

    /// The selected figure, if any.
    pub fn selected(&self) -> Option<&SelectedFigure> {
        self.ui.selected.as_ref()
    }

    /// The message of the status line, in the window's language.
    pub fn message(&self) -> Option<String> {
        self.ui.message.as_ref().map(|m| m.text(&self.data.loaded, self.session.state.lang))
    }

    /// The Table view's rows with their text.
    pub fn table_rows(&mut self) -> Vec<TableRow> {
        let state = &self.session.state;
        self.data.table_rows(state.last_chart_tab, state.table_sort, state.lang)
    }

    /// Applies one command.
    pub(crate) fn apply(&mut self, ctx: &egui::Context, command: Command) {
        let lang = self.session.state.lang;
        match command {
            Command::SetFilter(filter) => self.data.set_filter(filter, lang),
            Command::ResetFilters => self.data.reset_filter(lang),
            Command::ToggleSeries(id) => self.data.edit_filter(lang, |f| {
                if !f.hidden.remove(&id) {
                    f.hidden.insert(id);
                }
            }),
            Command::ShowOnly { keep, all } => {
                self.data.edit_filter(lang, |f| f.hidden = all.into_iter().filter(|id| *id != keep).collect())
            }
            Command::SetTab(tab) => self.set_tab(tab),
            Command::SetLang(lang) => {
                self.session.state.lang = lang;
                self.data.set_lang(lang);
            }
            Command::SetTheme(theme) => self.session.state.theme = theme,
            Command::SetTableSort(sort) => self.session.state.table_sort = sort,
            Command::Select(figure) => self.ui.selected = Some(figure),
            Command::ClearSelection => self.ui.selected = None,
            Command::ShowAbout => self.ui.show_about = true,
            Command::ShowShortcuts => self.ui.show_shortcuts = true,
            Command::ToggleSidePanel => self.session.state.side_panel_open ^= true,
            Command::OpenUrl(url) => {
                if details::is_web_link(&url) {
                    ctx.open_url(egui::OpenUrl::new_tab(url));
                }
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            command => self.apply_file_command(ctx, command),
        }
        ctx.request_repaint();
    }

    /// The commands that open, export or copy.
    fn apply_file_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::OpenFile => self.open_file_dialog(ctx, false),
            Command::ImportFile => self.open_file_dialog(ctx, true),
            Command::ImportPath(path) => self.open_import(ctx, path, None),
            Command::SaveAsDataset => self.start_export(ctx, exporting::Purpose::Dataset),
            Command::OpenPath(path) => self.open_path(ctx, path),
            Command::Reload => self.reload(ctx),
            Command::ExportImage { whole_window } => {
                self.start_export(ctx, exporting::Purpose::Capture { whole_window });
            }
            Command::ShowHighResExport => self.show_high_res_export(ctx),
            Command::CopyImage => self.start_copy_image(),
            Command::ExportData => self.start_export(ctx, exporting::Purpose::Data),
            Command::CopyCommandLine => {
                let line = self.command_line();
                ctx.copy_text(line.clone());
                let text = tr!(self.session.state.lang, "app-copied", line = line.as_str());
                self.toast(text, None, false);
            }
            other => log::warn!("{other:?} is not a file command"),
        }
    }

    fn set_tab(&mut self, tab: Tab) {
        self.session.state.tab = tab;
        event(&format!("tab {}", serde_json::to_string(&tab).unwrap_or_default().trim_matches('"')));
        if tab.is_chart() {
            self.session.state.last_chart_tab = tab;
        }
    }

    /// Replaces the dataset with a newly opened one; filters adapt, the selection is cleared.
    fn set_dataset(&mut self, origin: String, loaded: Loaded, path: Option<PathBuf>) {
        self.data.replace(loaded, origin.clone(), path, self.session.state.lang);
        self.ui.selected = None;
        self.ui.load_error = None;
        self.ui.message = Some(Notice::Opened { origin });
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        let theme = self.session.state.theme;
        if self.ui.theme_applied == Some(theme) {
            return;
        }
        ctx.set_theme(match theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        });
        self.ui.theme_applied = Some(theme);
    }

    /// Saves the session when it changed, at most once a second (and always on exit).
    fn save_settings(&mut self, ctx: &egui::Context, force: bool) {
        match self.session.save(self.data.filter(), force) {
            Saved::Done => {}
            Saved::Later(after) => ctx.request_repaint_after(after),
            Saved::Failed(problem) => self.ui.message = Some(Notice::Settings(problem)),
        }
    }

    /// The Over time plot as last drawn: what its lines are decimated for.
    fn over_time_viewport(ctx: &egui::Context) -> Viewport {
        let layout = crate::ui::chart_layout(ctx, Tab::OverTime);
        let columns = layout.map_or(1600, |l| (l.plot_rect.width() * ctx.pixels_per_point()).round().max(1.0) as usize);
        Viewport { x_range: layout.and_then(|l| l.x_range()), columns }
    }

    /// The side panel: the selected figure's card above the filters.
    fn side_panel(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let lang = self.session.state.lang;
        let mut commands = Vec::new();
        if let Some(selected) = &self.ui.selected {
            let generation = self.data.generation.0;
            let e = details::explanation(ui.ctx(), self.data.dataset(), generation, &selected.figure, lang);
            commands.extend(details::card(ui, &e, lang));
            ui.add_space(6.0);
        }
        let (models, words) = (self.data.models(), self.data.words());
        let facts = crate::ui::filters::PanelFacts {
            log_unavailable: words.line.log_unavailable.as_deref(),
            modes_unavailable: &words.modes_unavailable,
            total_candidates: &models.options.total_candidates,
        };
        let generation = self.data.generation.0;
        commands.extend(crate::ui::filters::show(
            ui,
            self.data.dataset(),
            generation,
            self.data.filter(),
            &mut self.ui.panel,
            &facts,
            lang,
        ));
        commands
    }

    /// The tab's view in the central area.
    fn central_panel(&mut self, ui: &mut egui::Ui, interactive: bool) -> Vec<Command> {
        let state = &self.session.state;
        let (tab, lang) = (state.tab, state.lang);
        let drawn = (tab == Tab::OverTime).then(|| self.data.drawn_series(Self::over_time_viewport(ui.ctx())));
        let table = (tab == Tab::Table).then(|| self.data.table(state.last_chart_tab, state.table_sort, lang));
        let sources = (tab == Tab::Sources).then(|| self.data.sources_index());
        let (models, words) = (self.data.models(), self.data.words());
        let view = ViewContext {
            dataset: self.data.dataset(),
            generation: self.data.generation.0,
            filter: self.data.filter(),
            lang,
            selected: self.ui.selected.as_ref(),
            interactive,
            controls: true,
        };
        match tab {
            Tab::OverTime => {
                crate::ui::over_time::show(ui, &view, &models.line, &words.line, &drawn.unwrap_or_default())
            }
            Tab::Compare => crate::ui::compare::show(ui, &view, &models.bars, &words.bars),
            Tab::Shares => crate::ui::shares::show(ui, &view, &models.shares, &words.shares),
            Tab::Table => {
                let Some(table) = table else { return Vec::new() };
                let chart = state.last_chart_tab.label(lang);
                let rows = crate::data::format::format_number(table.len() as f64, 0);
                let caption = tr!(lang, "app-table-caption", chart = chart, rows = rows);
                let sort = crate::ui::table::show(ui, &caption, &table, view.dataset, state.table_sort, lang);
                sort.map(Command::SetTableSort).into_iter().collect()
            }
            Tab::Sources => {
                let index = sources.unwrap_or_default();
                let generation = self.data.generation.0;
                crate::ui::sources::show(ui, view.dataset, &index, generation, &mut self.ui.sources, lang)
            }
        }
    }
}

/// Prints an event line for scripts and end-to-end tests when `TRADE_EXPLORER_EVENTS` is set
/// (`ready` after the first frame, `opening NAME`, `opened NAME`, `writing PATH`, `saved PATH`,
/// `export failed: …`, `copied image WxH`, `tab TAB`, `closing`, `open cancelled: NAME (stopped | finished |
/// still running)`, `closed`).
pub(crate) fn event(line: &str) {
    if std::env::var_os(EVENTS_ENV).is_some() {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    }
}

/// Set this to have the app print its events on standard output.
pub(crate) const EVENTS_ENV: &str = "TRADE_EXPLORER_EVENTS";

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
        let capturing = self.jobs.capturing();
        self.paste(&ctx);
        let mut commands = menu::shortcuts(&ctx);
        egui::Panel::top("menu").show(ui, |ui| {
            let state = &self.session.state;
            let can_reload = self.data.path.is_some();
            commands.extend(menu::show(ui, state.tab, state.lang, state.theme, &state.recent_files, can_reload));
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_line(ui));
        if self.session.state.side_panel_open {
            egui::Panel::left("filters")
                .resizable(true)
                .default_size(300.0)
                .size_range(220.0..=520.0)
                .show(ui, |ui| commands.extend(self.side_panel(ui)));
        }
        egui::CentralPanel::default().show(ui, |ui| commands.extend(self.central_panel(ui, !capturing)));
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
                self.session.state.window_size = Some(size);
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
