//! The open dataset and what is derived from it: the filter, the chart models and their words,
//! and the caches of what is slow to make (the sorted table, the decimated lines, the index of
//! the sources). Each cache is keyed by what it depends on, as a named type; a model generation
//! counts filter changes, a dataset generation counts datasets opened.

use std::path::PathBuf;
use std::sync::Arc;

use crate::data::decimate::decimate_chart;
use crate::data::query::{
    BarChart, FilterOptions, FilterSummary, LineChart, ShareChart, SourcesIndex, Table, TableColumn, bars_from_line,
    filter_options, filter_summary, line_chart, share_chart, sources_index,
};
use crate::data::{Dataset, Filter, Loaded};
use crate::l10n::{
    BarWords, Lang, LineWords, ShareWords, TableRow, bar_words, customary_scale, line_words, share_words, sort_table,
    status_text, table_rows, unavailable_text,
};
use crate::ui::Tab;
use crate::ui::over_time::{Prepared, prepare};

/// The chart models of the current filter, recomputed only when the filter or the dataset
/// changes.
pub struct Models {
    /// Over time.
    pub line: LineChart,
    /// Compare.
    pub bars: BarChart,
    /// Industry shares.
    pub shares: ShareChart,
    /// What the filters leave out, for the status line.
    pub summary: FilterSummary,
    /// What the filter panel offers.
    pub options: FilterOptions,
}

impl Models {
    fn of(d: &Dataset, filter: &Filter) -> Models {
        let line = line_chart(d, filter);
        let bars = bars_from_line(d, filter, &line);
        Models {
            line,
            bars,
            shares: share_chart(d, filter),
            summary: filter_summary(d, filter),
            options: filter_options(d, filter),
        }
    }
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
    /// Why each value mode cannot be chosen (in the order of `ValueMode::ALL`).
    pub modes_unavailable: Vec<Option<String>>,
    /// The status line's figure count and what the filters hide.
    pub status: String,
}

impl Words {
    fn of(d: &Dataset, models: &Models, lang: Lang) -> Words {
        Words {
            line: line_words(d, &models.line, lang),
            bars: bar_words(d, &models.bars, lang),
            shares: share_words(d, &models.shares, lang),
            modes_unavailable: models.options.modes.iter().map(|m| m.map(|why| unavailable_text(why, lang))).collect(),
            status: status_text(d, &models.summary, lang),
        }
    }
}

/// Counts filter changes: models of one generation belong to one filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct ModelGeneration(u64);

/// Counts datasets opened: what is derived from the dataset alone belongs to one generation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct DatasetGeneration(pub u64);

/// What the Over time plot showed last frame: its x range (years) and its width in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Viewport {
    /// The x range, once the plot has been drawn.
    pub x_range: Option<(f64, f64)>,
    /// The plot's width in pixels.
    pub columns: usize,
}

/// What the Table's sorted rows depend on.
#[derive(Debug, Clone, Copy, PartialEq)]
struct TableKey {
    models: ModelGeneration,
    chart: Tab,
    sort: (TableColumn, bool),
    lang: Lang,
}

/// What the decimated lines depend on.
#[derive(Debug, Clone, Copy, PartialEq)]
struct DrawnKey {
    models: ModelGeneration,
    viewport: Viewport,
}

/// One value, kept until its key changes.
struct Cached<K, V> {
    entry: Option<(K, V)>,
}

impl<K: PartialEq, V: Clone> Cached<K, V> {
    fn new() -> Self {
        Cached { entry: None }
    }

    /// The value for `key`, made with `make` when the key changed.
    fn get(&mut self, key: K, make: impl FnOnce() -> V) -> V {
        match &self.entry {
            Some((cached, value)) if *cached == key => value.clone(),
            _ => {
                let value = make();
                self.entry = Some((key, value.clone()));
                value
            }
        }
    }
}

/// The dataset on screen, its filter, models, words and caches.
pub(crate) struct OpenData {
    /// The dataset and the warnings it loaded with.
    pub loaded: Arc<Loaded>,
    /// The file it came from; `None` for the bundled one (or a dropped file without a path).
    pub path: Option<PathBuf>,
    /// What the status line calls it: a file name.
    pub origin: String,
    /// Which dataset this is, for caches of the panel.
    pub generation: DatasetGeneration,
    filter: Filter,
    models: Models,
    words: Words,
    model_generation: ModelGeneration,
    table: Cached<TableKey, Arc<Table>>,
    drawn: Cached<DrawnKey, Arc<Vec<Prepared>>>,
    sources: Cached<DatasetGeneration, Arc<SourcesIndex>>,
}

impl OpenData {
    /// `loaded` under `filter` (adapted to the dataset), or under its starting filter.
    pub(crate) fn new(loaded: Loaded, origin: String, filter: Option<Filter>, lang: Lang) -> OpenData {
        let mut filter = filter.unwrap_or_else(|| initial_filter(&loaded.dataset, lang));
        filter.adapt_to(&loaded.dataset);
        let models = Models::of(&loaded.dataset, &filter);
        let words = Words::of(&loaded.dataset, &models, lang);
        OpenData {
            loaded: Arc::new(loaded),
            path: None,
            origin,
            generation: DatasetGeneration::default(),
            filter,
            models,
            words,
            model_generation: ModelGeneration::default(),
            table: Cached::new(),
            drawn: Cached::new(),
            sources: Cached::new(),
        }
    }

    /// The dataset.
    pub(crate) fn dataset(&self) -> &Dataset {
        &self.loaded.dataset
    }

    /// The filter in effect.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// The chart models of the filter.
    pub(crate) fn models(&self) -> &Models {
        &self.models
    }

    /// The models' words.
    pub(crate) fn words(&self) -> &Words {
        &self.words
    }

    /// Puts `filter` in effect; the models are made again if it differs.
    pub(crate) fn set_filter(&mut self, filter: Filter, lang: Lang) {
        if filter != self.filter {
            self.filter = filter;
            self.refresh(lang);
        }
    }

    /// Changes the filter in place; the models are made again if that changed it.
    pub(crate) fn edit_filter(&mut self, lang: Lang, edit: impl FnOnce(&mut Filter)) {
        let mut filter = self.filter.clone();
        edit(&mut filter);
        self.set_filter(filter, lang);
    }

    /// Back to the dataset's starting filter, money counted as readers of `lang` count it.
    pub(crate) fn reset_filter(&mut self, lang: Lang) {
        let filter = initial_filter(&self.loaded.dataset, lang);
        self.set_filter(filter, lang);
    }

    /// The window's language changed: money in its customary scale, the words made again.
    pub(crate) fn set_lang(&mut self, lang: Lang) {
        let scale = customary_scale(self.filter.unit_scale, lang);
        if scale != self.filter.unit_scale {
            self.filter.unit_scale = scale;
            self.refresh(lang);
        } else {
            self.words = Words::of(&self.loaded.dataset, &self.models, lang);
        }
    }

    /// A newly opened dataset replaces this one; the filter adapts to it.
    pub(crate) fn replace(&mut self, loaded: Loaded, origin: String, path: Option<PathBuf>, lang: Lang) {
        self.generation.0 += 1;
        self.filter.adapt_to(&loaded.dataset);
        self.loaded = Arc::new(loaded);
        self.origin = origin;
        self.path = path;
        self.refresh(lang);
    }

    fn refresh(&mut self, lang: Lang) {
        self.models = Models::of(&self.loaded.dataset, &self.filter);
        self.words = Words::of(&self.loaded.dataset, &self.models, lang);
        self.model_generation.0 += 1;
    }

    /// The Table view's table: exactly the figures of chart `chart`, sorted. Kept until the
    /// chart, the sort or the language changes (sorting a million rows takes a while).
    pub fn table(&mut self, chart: Tab, sort: (TableColumn, bool), lang: Lang) -> Arc<Table> {
        let key = TableKey { models: self.model_generation, chart, sort, lang };
        let (models, d) = (&self.models, &self.loaded.dataset);
        self.table.get(key, || {
            let mut table = match chart {
                Tab::Compare => models.bars.table(),
                Tab::Shares => models.shares.table(),
                _ => models.line.table(),
            };
            sort_table(d, &mut table, sort.0, sort.1, lang);
            Arc::new(table)
        })
    }

    /// The Table view's rows with their text.
    pub fn table_rows(&mut self, chart: Tab, sort: (TableColumn, bool), lang: Lang) -> Vec<TableRow> {
        let table = self.table(chart, sort, lang);
        table_rows(&self.loaded.dataset, &table, lang)
    }

    /// The Over time lines reduced to what a plot of `viewport` can show.
    pub(crate) fn drawn_series(&mut self, viewport: Viewport) -> Arc<Vec<Prepared>> {
        let key = DrawnKey { models: self.model_generation, viewport };
        let line = &self.models.line;
        self.drawn.get(key, || Arc::new(prepare(line, decimate_chart(line, viewport.x_range, viewport.columns))))
    }

    /// What the Sources view lists (indexed once per dataset).
    pub(crate) fn sources_index(&mut self) -> Arc<SourcesIndex> {
        let d = &self.loaded.dataset;
        self.sources.get(self.generation, || Arc::new(sources_index(d)))
    }
}

/// The filter a dataset opens with, money counted as readers of `lang` count it.
fn initial_filter(dataset: &Dataset, lang: Lang) -> Filter {
    let mut filter = Filter::initial(dataset);
    filter.unit_scale = customary_scale(filter.unit_scale, lang);
    filter
}
