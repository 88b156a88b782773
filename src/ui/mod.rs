//! The views. Each view reads the dataset, the filter and a chart model, draws, and returns
//! [`Command`]s; `app.rs` applies them in one place, so no view reaches into another.

pub(crate) mod chart_frame;
pub mod compare;
pub(crate) mod details;
pub(crate) mod filters;
pub mod fonts;
pub(crate) mod import_dialog;
pub(crate) mod menu;
pub mod over_time;
pub(crate) mod palette;
pub(crate) mod path_dialog;
pub(crate) mod shares;
pub(crate) mod sources;
pub mod table;

use serde::{Deserialize, Serialize};

use crate::data::Filter;
use crate::data::query::ShownFigure;
use crate::l10n::Lang;
use crate::tr;

/// The tabs of the central area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tab {
    /// Line chart.
    #[default]
    OverTime,
    /// Bar chart for one year.
    Compare,
    /// Horizontal share bars.
    Shares,
    /// The figures of the last chart, as a table.
    Table,
    /// Every source, with its figures.
    Sources,
}

impl Tab {
    /// Every tab, in order (Ctrl+1…5).
    pub(crate) const ALL: [Tab; 5] = [Tab::OverTime, Tab::Compare, Tab::Shares, Tab::Table, Tab::Sources];

    /// The tab's label.
    pub(crate) fn label(self, lang: Lang) -> String {
        match self {
            Tab::OverTime => tr!(lang, "ui-over-time"),
            Tab::Compare => tr!(lang, "ui-compare"),
            Tab::Shares => tr!(lang, "ui-industry-shares"),
            Tab::Table => tr!(lang, "ui-table"),
            Tab::Sources => tr!(lang, "ui-sources"),
        }
    }

    /// Whether the tab shows a chart (whose figures the Table lists).
    pub(crate) fn is_chart(self) -> bool {
        matches!(self, Tab::OverTime | Tab::Compare | Tab::Shares)
    }
}

/// Light, dark, or whatever the system uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeChoice {
    /// Follow the system (not for `export --theme`: a file has no system to follow).
    #[default]
    #[value(skip)]
    System,
    /// Dark text on white.
    Light,
    /// Light text on dark grey.
    Dark,
}

/// A figure the person clicked: it stays highlighted, and the details card shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SelectedFigure {
    /// The tab it was clicked in.
    pub tab: Tab,
    /// The figure as that tab showed it.
    pub figure: ShownFigure,
}

/// What a view asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Replace the filter.
    SetFilter(Filter),
    /// Back to the dataset's initial filter.
    ResetFilters,
    /// Show a tab.
    SetTab(Tab),
    /// Switch the language.
    SetLang(Lang),
    /// Switch the theme.
    SetTheme(ThemeChoice),
    /// Hide or show one series (a click on its legend entry).
    ToggleSeries(String),
    /// Show only this series of the given ones (an alt-click on a legend entry).
    ShowOnly {
        /// The series to keep.
        keep: String,
        /// All series of the legend.
        all: Vec<String>,
    },
    /// Sort the Table by a column (true: ascending).
    SetTableSort((crate::data::query::TableColumn, bool)),
    /// Select a figure.
    Select(SelectedFigure),
    /// Clear the selection.
    ClearSelection,
    /// Open a dataset file through the file dialog.
    OpenFile,
    /// Open a file by its path: a recent file, a table inside an archive.
    OpenPath(std::path::PathBuf),
    /// Read the open file again.
    Reload,
    /// Choose a file to read through the import dialog.
    ImportFile,
    /// Read a file through the import dialog.
    ImportPath(std::path::PathBuf),
    /// Save the open data in the app's JSON format.
    SaveAsDataset,
    /// Open a web link in the system browser.
    OpenUrl(String),
    /// Show the About window.
    ShowAbout,
    /// Show the keyboard shortcuts window.
    ShowShortcuts,
    /// Show or hide the side panel.
    ToggleSidePanel,
    /// Save the chart on screen (or, with `whole_window`, the window) as PNG.
    ExportImage {
        /// The whole window instead of the chart.
        whole_window: bool,
    },
    /// Ask for the size and resolution of an offscreen rendering of the chart.
    ShowHighResExport,
    /// Copy the chart on screen to the clipboard as an image.
    CopyImage,
    /// Save the Table view's rows as CSV.
    ExportData,
    /// Copy the `trade-explorer export` command that renders the chart on screen.
    CopyCommandLine,
    /// Close the window.
    Quit,
}

/// What every view reads.
pub struct ViewContext<'a> {
    /// The open dataset.
    pub dataset: &'a crate::data::Dataset,
    /// Counts the datasets opened: what is worded for one dataset is not reused for the next.
    pub generation: u64,
    /// The filter in effect.
    pub filter: &'a Filter,
    /// The language.
    pub lang: Lang,
    /// The selected figure, if any.
    pub selected: Option<&'a SelectedFigure>,
    /// Whether the chart reacts to the pointer (tooltips, hover marks, clicks). Off while a
    /// frame is captured for export, so no tooltip lands in the picture.
    pub interactive: bool,
    /// Whether the view's own controls (year picker, layout switch) are drawn. Off offscreen.
    pub controls: bool,
}

/// Where a chart was drawn in the last frame: the whole chart (title to footer, what an image
/// export captures) and its plot, with the plot's mapping from values to the screen (what the
/// next frame's decimation and tests use to find a figure).
#[derive(Debug, Clone, Copy)]
pub struct ChartLayout {
    /// The chart with its title, legend and footer, in points.
    pub chart_rect: egui::Rect,
    /// The plot area alone.
    pub plot_rect: egui::Rect,
    /// Plot values to screen points and back, as last drawn.
    pub transform: egui_plot::PlotTransform,
}

impl ChartLayout {
    /// The x range the plot showed (years), when it is a range.
    pub fn x_range(&self) -> Option<(f64, f64)> {
        let bounds = self.transform.bounds();
        let (a, b) = (bounds.min()[0], bounds.max()[0]);
        (a.is_finite() && b.is_finite() && a < b).then_some((a, b))
    }
}

/// The command a control's edit makes: a copy of the filter with the edit applied. Controls call
/// it only when the person changed something, so drawing them copies nothing.
pub(crate) fn edit_filter(f: &Filter, edit: impl FnOnce(&mut Filter)) -> Command {
    let mut f = f.clone();
    edit(&mut f);
    Command::SetFilter(f)
}

fn layout_id(tab: Tab) -> egui::Id {
    egui::Id::unique(("chart_layout", tab))
}

/// Remembers where a tab's chart was drawn this frame.
pub(crate) fn store_layout(ctx: &egui::Context, tab: Tab, layout: ChartLayout) {
    ctx.data_mut(|d| d.insert_temp(layout_id(tab), layout));
}

/// Where a tab's chart was drawn in the last frame it was shown.
pub fn chart_layout(ctx: &egui::Context, tab: Tab) -> Option<ChartLayout> {
    ctx.data(|d| d.get_temp(layout_id(tab)))
}
