//! Validation shared by every loader: the loaders parse their syntax, then hand each
//! declaration and observation to a [`Builder`], which checks the format's rules, collects
//! every problem with its location, and produces a sorted, interned [`Dataset`].

use rustc_hash::FxHashMap as HashMap;

use super::error::{CellIds, Declared, MAX_PROBLEMS, Place, Problem, ProblemKind, Warning};
use super::model::*;

/// A reference to a cell by identifiers, as written in a file (a derived figure's input).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CellRef {
    /// Entity id.
    pub entity: String,
    /// Metric id.
    pub metric: String,
    /// Category id, if any.
    pub category: Option<String>,
    /// The time.
    pub time: Time,
    /// Period name; `full_year` when absent.
    pub period: Option<String>,
}

/// A derivation as written in a file.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct DerivationInput {
    /// The formula.
    pub formula: String,
    /// The cells it used.
    pub inputs: Vec<CellRef>,
}

/// An alternative value as written in a file.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct AlternativeInput {
    /// The value.
    pub value: f64,
    /// Source id.
    pub source: Option<String>,
    /// Quote.
    pub quote: Option<String>,
    /// Derivation.
    pub derived: Option<DerivationInput>,
    /// Trust.
    pub trust: Option<Trust>,
    /// Note.
    pub note: Option<String>,
    /// The figure as printed by the source.
    pub reported: Option<Reported>,
}

/// One observation as a loader read it, identifiers not yet resolved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ObservationInput<'a> {
    /// Entity id.
    pub entity: &'a str,
    /// Metric id.
    pub metric: &'a str,
    /// Category id.
    pub category: Option<&'a str>,
    /// Time.
    pub time: Time,
    /// Period name.
    pub period: Option<&'a str>,
    /// Value in the metric's unit.
    pub value: f64,
    /// The unit the row states, checked against the metric's.
    pub unit: Option<&'a str>,
    /// Source id.
    pub source: Option<&'a str>,
    /// Trust level.
    pub trust: Option<Trust>,
    /// Quote, formula, note, alternatives, the reported figure.
    pub details: Option<DetailsInput>,
    /// The workbook cell it was read from.
    pub origin: Option<CellOrigin>,
}

impl<'a> ObservationInput<'a> {
    /// A figure of a whole, with its source and nothing else: what the indicator tables of
    /// other publishers (OWID, the World Bank, Comtrade) give.
    pub(crate) fn plain(entity: &'a str, metric: &'a str, time: Time, value: f64, source: Option<&'a str>) -> Self {
        ObservationInput {
            entity,
            metric,
            category: None,
            time,
            period: None,
            value,
            unit: None,
            source,
            trust: None,
            details: None,
            origin: None,
        }
    }
}

/// The optional, explanatory part of an observation as read.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct DetailsInput {
    /// Quote.
    pub quote: Option<String>,
    /// Derivation.
    pub derived: Option<DerivationInput>,
    /// Note.
    pub note: Option<String>,
    /// Alternatives.
    pub alternatives: Vec<AlternativeInput>,
    /// The figure as printed by the source.
    pub reported: Option<Reported>,
}

/// Names the place of an item or a field of it: `observations[3].entity`, a CSV row's column.
pub(crate) type Locator = fn(usize, &str) -> Place;

/// What a missing quote on a reported figure means for a format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QuotePolicy {
    /// An error: the app's JSON format requires the sentence that states each figure.
    Required,
    /// Counted in a warning: a tidy CSV may carry quotes, and usually should.
    Counted,
    /// Not expected at all: indicator tables (Our World in Data) have no per-figure quotes.
    NotExpected,
}

/// The ids of an observation's cell, resolved from its names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ObservationIds {
    pub entity: EntityId,
    pub metric: MetricId,
    pub category: Option<CategoryId>,
    pub period: PeriodId,
}

/// An observation's cell ids and its source's, looked up.
pub(crate) type Resolved = (ObservationIds, Option<SourceId>);

/// Collects declarations and observations, checks them, and builds a [`Dataset`].
pub(crate) struct Builder {
    dataset: Dataset,
    entity_ids: HashMap<String, EntityId>,
    metric_ids: HashMap<String, MetricId>,
    source_ids: HashMap<String, SourceId>,
    category_ids: HashMap<String, CategoryId>,
    period_ids: HashMap<String, PeriodId>,
    entity_parents: Vec<(Place, Option<String>)>,
    /// Per category: where it was declared and the ids it says it overlaps.
    category_overlaps: Vec<(Place, Vec<String>)>,
    /// Where each declaration was made, for duplicate messages.
    declared_at: HashMap<(Declared, String), Place>,
    /// For each observation, its item number, to name it in duplicate messages.
    rows: Vec<u32>,
    locate_observation: Locator,
    pending_inputs: Vec<(usize, Vec<CellRef>)>,
    problems: Vec<Problem>,
    more_problems: usize,
    quotes: QuotePolicy,
    /// The longest text field accepted, in characters.
    text_limit: usize,
    reported_without_quote: usize,
    warnings: Vec<Warning>,
    default_selection: (Vec<String>, Vec<String>),
    /// Whether a year outside [`USUAL_YEARS`] is worth a warning (in the app's own formats it is
    /// probably a typo; in historical data it is not).
    warn_unusual_years: bool,
    /// How many figures had an unusual year, and the first of them.
    unusual_years: (usize, Option<(Place, i32)>),
}

impl Builder {
    /// A builder whose observation problems are located with `locate_observation`.
    pub(crate) fn new(locate_observation: Locator, quotes: QuotePolicy) -> Builder {
        let mut builder = Builder {
            dataset: Dataset::default(),
            entity_ids: HashMap::default(),
            metric_ids: HashMap::default(),
            source_ids: HashMap::default(),
            category_ids: HashMap::default(),
            period_ids: HashMap::default(),
            entity_parents: Vec::new(),
            category_overlaps: Vec::new(),
            declared_at: HashMap::default(),
            rows: Vec::new(),
            locate_observation,
            pending_inputs: Vec::new(),
            problems: Vec::new(),
            more_problems: 0,
            quotes,
            text_limit: super::progress::Limits::default().text_chars,
            reported_without_quote: 0,
            warnings: Vec::new(),
            default_selection: (Vec::new(), Vec::new()),
            warn_unusual_years: true,
            unusual_years: (0, None),
        };
        builder.dataset.periods.push(FULL_YEAR.to_string());
        builder.period_ids.insert(FULL_YEAR.to_string(), PeriodId::FULL_YEAR);
        builder
    }

    /// Uses these limits for text fields.
    pub(crate) fn limits(mut self, limits: &super::progress::Limits) -> Builder {
        self.text_limit = limits.text_chars;
        self
    }

    /// Makes room for `count` more observations, and has the thread pool touch the room's
    /// memory pages first: a million observations are 16,000 pages, and faulting them in one
    /// by one on the thread that adds the observations took it longer than adding them. Only
    /// the pages are touched (the room stays unused), so a count that is too high costs memory
    /// (resident pages): callers give a cautious one.
    pub(crate) fn make_room(&mut self, count: usize) {
        use rayon::prelude::*;
        self.dataset.observations.reserve(count);
        self.rows.reserve(count);
        const PAGE: usize = 4096;
        let per_page = (PAGE / std::mem::size_of::<Observation>()).max(1);
        let room = self.dataset.observations.spare_capacity_mut();
        let room_len = count.min(room.len());
        let room = &mut room[..room_len];
        room.par_chunks_mut(per_page * 64).for_each(|pages| {
            for page in pages.chunks_mut(per_page) {
                page[0] = std::mem::MaybeUninit::zeroed();
            }
            std::hint::black_box(pages);
        });
    }

    /// Makes room (as [`Builder::make_room`]) for the figures of a file of `file_bytes` bytes
    /// whose first piece, of `piece_bytes` bytes, held `figures` of them: nine tenths of what as
    /// many per byte would come to (touched pages count as memory whether used or not), at most
    /// `most`. A piece of few figures says too little to go by.
    pub(crate) fn make_room_like(&mut self, (figures, piece_bytes): (usize, usize), file_bytes: u64, most: u64) {
        if figures >= 1000 {
            let expected = figures as f64 * file_bytes as f64 / piece_bytes.max(1) as f64;
            self.make_room(((expected * 0.9) as u64).min(most) as usize);
        }
    }

    /// Takes any year the model holds without a warning: the file's format carries historical
    /// data (Our World in Data has population since 10,000 BCE).
    pub(crate) fn historical(mut self) -> Builder {
        self.warn_unusual_years = false;
        self
    }

    /// Records a problem, keeping at most [`MAX_PROBLEMS`].
    pub(crate) fn problem(&mut self, at: impl Into<Place>, kind: ProblemKind) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem { at: at.into(), kind });
        } else {
            self.more_problems += 1;
        }
    }

    /// Records a warning: something odd that does not stop the file from opening.
    pub(crate) fn warn(&mut self, warning: Warning) {
        self.warnings.push(warning);
    }

    /// Sets the dataset's title and description, with their Chinese versions when given.
    pub(crate) fn describe(&mut self, title: String, description: String, zh: (Option<String>, Option<String>)) {
        self.dataset.title = title;
        self.dataset.description = description;
        (self.dataset.title_zh, self.dataset.description_zh) = zh;
    }

    /// Sets the entities and metrics selected when the dataset opens; checked at the end.
    pub(crate) fn default_selection(&mut self, entities: Vec<String>, metrics: Vec<String>) {
        self.default_selection = (entities, metrics);
    }

    fn resolve_default_selection(&mut self) {
        let (entities, metrics) = std::mem::take(&mut self.default_selection);
        for (i, id) in entities.iter().enumerate() {
            match Self::resolve(&self.entity_ids, id) {
                Some(e) => self.dataset.default_entities.push(e),
                None => {
                    let kind = self.unknown(Declared::Entity, id);
                    self.problem(format!("default_selection.entities[{i}]"), kind);
                }
            }
        }
        for (i, id) in metrics.iter().enumerate() {
            match Self::resolve(&self.metric_ids, id) {
                Some(m) => self.dataset.default_metrics.push(m),
                None => {
                    let kind = self.unknown(Declared::Metric, id);
                    self.problem(format!("default_selection.metrics[{i}]"), kind);
                }
            }
        }
    }

    fn check_id(&mut self, at: &Place, id: &str) -> bool {
        let ok = !id.is_empty()
            && id.len() <= 200
            && id.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
        if !ok {
            self.problem(at.field("id"), ProblemKind::BadId { id: id.to_string() });
        }
        ok
    }

    fn check_text(&mut self, at: &Place, field: &str, text: &str, required: bool) {
        let at = &at.field(field);
        if required && text.trim().is_empty() {
            self.problem(at.clone(), ProblemKind::EmptyText);
        }
        if let Some(c) = text.chars().find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')) {
            self.problem(at.clone(), ProblemKind::ControlCharacter { code: u32::from(c) });
        }
        let len = text.chars().count();
        if len > self.text_limit {
            let limit = self.text_limit;
            self.problem(at.clone(), ProblemKind::TextTooLong { len, limit });
        }
    }

    fn claim_id(&mut self, what: Declared, at: &Place, id: &str) -> bool {
        if !self.check_id(at, id) {
            return false;
        }
        if let Some(first) = self.declared_at.get(&(what, id.to_string())) {
            let first = first.clone();
            self.problem(at.field("id"), ProblemKind::DuplicateId { what, id: id.to_string(), first });
            return false;
        }
        self.declared_at.insert((what, id.to_string()), at.clone());
        true
    }

    /// Declares a source.
    pub(crate) fn add_source(&mut self, at: &Place, source: Source) {
        self.check_text(at, "title", &source.title, true);
        self.check_text(at, "publisher", &source.publisher, false);
        self.check_text(at, "url", &source.url, false);
        if self.claim_id(Declared::Source, at, &source.id) {
            let id = SourceId::new(self.dataset.sources.len() as u32);
            self.source_ids.insert(source.id.clone(), id);
            self.dataset.sources.push(source);
        }
    }

    /// Declares an entity; its parent is resolved when the dataset is finished, so parents may
    /// be declared after their children.
    pub(crate) fn add_entity(&mut self, at: &Place, entity: Entity, parent: Option<String>) {
        self.check_text(at, "name", &entity.name, true);
        if self.claim_id(Declared::Entity, at, &entity.id) {
            let id = EntityId(self.dataset.entities.len() as u32);
            self.entity_ids.insert(entity.id.clone(), id);
            self.entity_parents.push((at.clone(), parent));
            self.dataset.entities.push(entity);
        }
    }

    /// Records the workbook sheets figures are read from, for their origins.
    pub(crate) fn sheets(&mut self, sheets: Vec<SheetRef>) {
        self.dataset.sheets = sheets;
    }

    /// Records a property of places: `(entity id, value)` pairs of declared entities.
    pub(crate) fn add_attribute(&mut self, name: String, of_entity: &[(String, String)]) {
        let mut values: Vec<String> = of_entity.iter().map(|(_, v)| v.clone()).collect();
        values.sort_unstable();
        values.dedup();
        let mut attribute = Attribute { name, of_entity: vec![None; self.dataset.entities.len()], values };
        for (entity, value) in of_entity {
            if let (Some(e), Ok(v)) = (self.entity_ids.get(entity), attribute.values.binary_search(value)) {
                attribute.of_entity[e.0 as usize] = Some(v as u32);
            }
        }
        self.dataset.attributes.push(attribute);
    }

    /// Declares a metric.
    pub(crate) fn add_metric(&mut self, at: &Place, metric: Metric) {
        self.check_text(at, "name", &metric.name, true);
        self.check_text(at, "description", &metric.description, false);
        if self.claim_id(Declared::Metric, at, &metric.id) {
            let id = MetricId(self.dataset.metrics.len() as u32);
            self.metric_ids.insert(metric.id.clone(), id);
            self.dataset.metrics.push(metric);
        }
    }

    /// Declares a category.
    pub(crate) fn add_category(&mut self, at: &Place, category: Category) {
        self.add_category_overlapping(at, category, Vec::new());
    }

    /// Declares a category that overlaps the categories `overlaps` names (resolved at the end).
    pub(crate) fn add_category_overlapping(&mut self, at: &Place, category: Category, overlaps: Vec<String>) {
        self.check_text(at, "name", &category.name, true);
        if self.claim_id(Declared::Category, at, &category.id) {
            let id = CategoryId::new(self.dataset.categories.len() as u32);
            self.category_ids.insert(category.id.clone(), id);
            self.dataset.categories.push(category);
            self.category_overlaps.push((at.clone(), overlaps));
        }
    }

    /// Resolves the categories' overlaps: known ids of the same dimension, both ways.
    fn resolve_overlaps(&mut self) {
        let declared = std::mem::take(&mut self.category_overlaps);
        for (i, (at, names)) in declared.iter().enumerate() {
            for (k, name) in names.iter().enumerate() {
                let Some(other) = Self::resolve(&self.category_ids, name) else {
                    let kind = self.unknown(Declared::Category, name);
                    self.problem(at.field(&format!("overlaps[{k}]")), kind);
                    continue;
                };
                let cats = &self.dataset.categories;
                let (this, that) = (&cats[i], &cats[other.index() as usize]);
                if other.index() as usize == i || this.dimension.is_none() || this.dimension != that.dimension {
                    let kind = ProblemKind::OverlapAcrossDimensions {
                        id: this.id.clone(),
                        dimension: this.dimension.clone().unwrap_or_else(|| "none".into()),
                        other: name.clone(),
                    };
                    self.problem(at.field(&format!("overlaps[{k}]")), kind);
                    continue;
                }
                for (a, b) in [(i, other.index() as usize), (other.index() as usize, i)] {
                    let b = CategoryId::new(b as u32);
                    if !self.dataset.categories[a].overlaps.contains(&b) {
                        self.dataset.categories[a].overlaps.push(b);
                    }
                }
            }
        }
    }

    /// Whether an entity with this id has been declared.
    pub(crate) fn has_entity(&self, id: &str) -> bool {
        self.entity_ids.contains_key(id)
    }

    /// Whether a metric with this id has been declared.
    pub(crate) fn has_metric(&self, id: &str) -> bool {
        self.metric_ids.contains_key(id)
    }

    /// Whether a source with this id has been declared.
    pub(crate) fn has_source(&self, id: &str) -> bool {
        self.source_ids.contains_key(id)
    }

    /// Whether a category with this id has been declared.
    pub(crate) fn has_category(&self, id: &str) -> bool {
        self.category_ids.contains_key(id)
    }

    fn unknown(&self, what: Declared, id: &str) -> ProblemKind {
        let known: Vec<String> = match what {
            Declared::Entity | Declared::ParentEntity => self.dataset.entities.iter().map(|e| e.id.clone()).collect(),
            Declared::Metric => self.dataset.metrics.iter().map(|m| m.id.clone()).collect(),
            Declared::Source => self.dataset.sources.iter().map(|s| s.id.clone()).collect(),
            Declared::Category => self.dataset.categories.iter().map(|c| c.id.clone()).collect(),
        };
        let mut known: Vec<String> = known.into_iter().take(8).collect();
        if known.len() == 8 {
            known.push("…".into());
        }
        ProblemKind::UnknownReference { what, id: id.to_string(), known }
    }

    fn resolve<T: Copy>(map: &HashMap<String, T>, id: &str) -> Option<T> {
        map.get(id).copied()
    }

    fn period(&mut self, at: impl FnOnce() -> Place, name: Option<&str>) -> Option<PeriodId> {
        let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
            return Some(PeriodId::FULL_YEAR);
        };
        if let Some(&id) = self.period_ids.get(name) {
            return Some(id);
        }
        let valid = name.len() <= 64 && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid || self.dataset.periods.len() >= usize::from(u16::MAX) {
            self.problem(at(), ProblemKind::BadPeriod { text: name.to_string() });
            return None;
        }
        let id = PeriodId(self.dataset.periods.len() as u16);
        self.dataset.periods.push(name.to_string());
        self.period_ids.insert(name.to_string(), id);
        Some(id)
    }

    fn check_value(&mut self, at: impl FnOnce() -> Place, unit: &Unit, value: f64) -> bool {
        self.check_share_or_value(at, *unit == Unit::SharePercent, value)
    }

    /// [`Builder::check_value`], told whether the unit is a share.
    fn check_share_or_value(&mut self, at: impl FnOnce() -> Place, share: bool, value: f64) -> bool {
        if !value.is_finite() {
            self.problem(at(), ProblemKind::NotFinite { text: value.to_string() });
            false
        } else if share && !(0.0..=100.0).contains(&value) {
            self.problem(at(), ProblemKind::ShareOutOfRange { value });
            false
        } else {
            true
        }
    }

    fn check_derivation(&mut self, at: &Place, derived: &DerivationInput) {
        if derived.formula.trim().is_empty() {
            self.problem(at.field("formula"), ProblemKind::MissingFormula);
        }
        self.check_text(at, "formula", &derived.formula, false);
    }

    fn source_ref(&mut self, at: impl FnOnce() -> Place, id: Option<&str>) -> Option<SourceId> {
        let id = id?;
        let found = Self::resolve(&self.source_ids, id);
        if found.is_none() {
            let kind = self.unknown(Declared::Source, id);
            self.problem(at(), kind);
        }
        found
    }

    /// Adds one observation; `row` is its item number for [`Locator`] messages.
    pub(crate) fn add_observation(&mut self, row: usize, input: ObservationInput<'_>) {
        let locate = self.locate_observation;
        let entity = Self::resolve(&self.entity_ids, input.entity);
        if entity.is_none() {
            let kind = self.unknown(Declared::Entity, input.entity);
            self.problem(locate(row, "entity"), kind);
        }
        let metric = Self::resolve(&self.metric_ids, input.metric);
        if metric.is_none() {
            let kind = self.unknown(Declared::Metric, input.metric);
            self.problem(locate(row, "metric"), kind);
        }
        let category = match input.category.map(str::trim).filter(|c| !c.is_empty()) {
            None => Some(None),
            Some(id) => match Self::resolve(&self.category_ids, id) {
                Some(found) => Some(Some(found)),
                None => {
                    let kind = self.unknown(Declared::Category, id);
                    self.problem(locate(row, "category"), kind);
                    None
                }
            },
        };
        let time_ok = self.check_time(row, input.time);
        let period = self.period(|| locate(row, "period"), input.period);
        let source = self.source_ref(|| locate(row, "source"), input.source);
        let ids =
            (|| Some(ObservationIds { entity: entity?, metric: metric?, category: category?, period: period? }))();
        self.add_checked(row, (ids, metric), source, time_ok, input);
    }

    /// The entity with this id, when declared. A loader that reads many rows naming the same
    /// few things looks each name up once (with this and the four below) and adds the rows with
    /// [`Builder::add_resolved`].
    pub(crate) fn entity_id(&self, id: &str) -> Option<EntityId> {
        Self::resolve(&self.entity_ids, id)
    }

    /// The metric with this id, when declared.
    pub(crate) fn metric_id(&self, id: &str) -> Option<MetricId> {
        Self::resolve(&self.metric_ids, id)
    }

    /// The category with this id, when declared.
    pub(crate) fn category_id(&self, id: &str) -> Option<CategoryId> {
        Self::resolve(&self.category_ids, id.trim())
    }

    /// The source with this id, when declared.
    pub(crate) fn source_id(&self, id: &str) -> Option<SourceId> {
        Self::resolve(&self.source_ids, id)
    }

    /// The period with this name, once a figure has used it.
    pub(crate) fn period_id(&self, name: &str) -> Option<PeriodId> {
        Self::resolve(&self.period_ids, name.trim())
    }

    /// Adds one observation whose names were looked up: the same checks, in
    /// the same order, as [`Builder::add_observation`], without looking a name up.
    pub(crate) fn add_resolved(&mut self, row: usize, (ids, source): Resolved, input: ObservationInput<'_>) {
        let time_ok = self.check_time(row, input.time);
        self.add_checked(row, (Some(ids), Some(ids.metric)), source, time_ok, input);
    }

    /// Adds a figure whose names were looked up and that has no unit, details or origin of its
    /// own: what [`Builder::add_resolved`] does with such a figure (the same checks, in the
    /// same order), without building an [`ObservationInput`] for it. Large tables are mostly
    /// such figures.
    pub(crate) fn add_plain(
        &mut self,
        row: usize,
        (ids, source): Resolved,
        (time, value, trust): (Time, f64, Option<Trust>),
    ) {
        let locate = self.locate_observation;
        let time_ok = self.check_time(row, time);
        let share = self.dataset.metrics[ids.metric.0 as usize].unit == Unit::SharePercent;
        let value_ok = self.check_share_or_value(|| locate(row, "value"), share, value);
        self.missing_quote(|| locate(row, "quote"));
        if time_ok && value_ok {
            self.rows.push(row as u32);
            let cell =
                Cell { entity: ids.entity, metric: ids.metric, category: ids.category, time, period: ids.period };
            self.dataset.observations.push(Observation {
                cell,
                value,
                source,
                trust,
                derived: false,
                details: None,
                origin: None,
            });
        }
    }

    /// Whether an observation's time is within the years the model holds; an unusual one is
    /// counted for a warning.
    fn check_time(&mut self, row: usize, time: Time) -> bool {
        let locate = self.locate_observation;
        let year = time.year();
        let time_ok = YEARS.contains(&year);
        let field = if matches!(time, Time::Year(_)) { "year" } else { "date" };
        if !time_ok {
            self.problem(locate(row, field), ProblemKind::YearOutOfRange { year });
        } else if self.warn_unusual_years && !USUAL_YEARS.contains(&year) {
            self.unusual_years.0 += 1;
            self.unusual_years.1.get_or_insert_with(|| (locate(row, field), year));
        }
        time_ok
    }

    /// Checks an observation's value (against its metric's unit, when the metric is known) and
    /// details, and keeps it when its ids and time are good.
    fn add_checked(
        &mut self,
        row: usize,
        (ids, metric): (Option<ObservationIds>, Option<MetricId>),
        source: Option<SourceId>,
        time_ok: bool,
        input: ObservationInput<'_>,
    ) {
        // The unit is taken out for the checks and put back: cloning it per row would allocate
        // for every figure of a metric with a unit of its own words.
        let metric = metric.map(|m| m.0 as usize);
        let unit = metric.map(|m| std::mem::replace(&mut self.dataset.metrics[m].unit, Unit::Count));
        let value_ok = self.check_observation_value(row, &input, unit.as_ref());
        let (derived, details) = self.take_details(row, input.details, unit.as_ref());
        if let (Some(m), Some(unit)) = (metric, unit) {
            self.dataset.metrics[m].unit = unit;
        }
        let (Some(ids), true, true) = (ids, time_ok, value_ok) else {
            // Keep the pending inputs aligned with the observations that were actually kept.
            if self.pending_inputs.last().is_some_and(|(i, _)| *i == self.dataset.observations.len()) {
                self.pending_inputs.pop();
            }
            return;
        };
        self.rows.push(row as u32);
        self.dataset.observations.push(Observation {
            cell: Cell {
                entity: ids.entity,
                metric: ids.metric,
                category: ids.category,
                time: input.time,
                period: ids.period,
            },
            value: input.value,
            source,
            trust: input.trust,
            derived,
            details,
            origin: input.origin,
        });
    }

    /// Checks the value against its metric's unit (and a stated unit against the metric's).
    fn check_observation_value(&mut self, row: usize, input: &ObservationInput<'_>, unit: Option<&Unit>) -> bool {
        let locate = self.locate_observation;
        let Some(unit) = unit else {
            if !input.value.is_finite() {
                self.problem(locate(row, "value"), ProblemKind::NotFinite { text: input.value.to_string() });
            }
            return true;
        };
        if let Some(stated) = input.unit.map(str::trim).filter(|u| !u.is_empty())
            && Unit::parse(stated) != *unit
        {
            let metric = input.metric.to_string();
            self.problem(
                locate(row, "unit"),
                ProblemKind::UnitMismatch { found: stated.to_string(), metric, expected: unit.id() },
            );
        }
        self.check_value(|| locate(row, "value"), unit, input.value)
    }

    /// Checks an observation's quote, derivation, note and alternatives; returns whether it is
    /// derived, and its details.
    fn take_details(
        &mut self,
        row: usize,
        details: Option<DetailsInput>,
        unit: Option<&Unit>,
    ) -> (bool, Option<Box<Details>>) {
        let locate = self.locate_observation;
        let Some(d) = details else {
            self.missing_quote(|| locate(row, "quote"));
            return (false, None);
        };
        let derived = d.derived.is_some();
        if let Some(derivation) = &d.derived {
            self.check_derivation(&locate(row, "derived"), derivation);
        }
        for (field, text) in [("quote", &d.quote), ("note", &d.note)] {
            if let Some(text) = text {
                self.check_text(&locate(row, field), field, text, false);
            }
        }
        let has_quote = d.quote.as_deref().is_some_and(|q| !q.trim().is_empty());
        if !derived && !has_quote {
            self.missing_quote(|| locate(row, "quote"));
        }
        let alternatives = self.take_alternatives(row, d.alternatives, unit);
        if let Some(derivation) = &d.derived
            && !derivation.inputs.is_empty()
        {
            self.pending_inputs.push((self.dataset.observations.len(), derivation.inputs.clone()));
        }
        let details = Details {
            quote: d.quote,
            derivation: d.derived.map(|d| Derivation { formula: d.formula, inputs: Vec::new() }),
            note: d.note,
            alternatives,
            reported: d.reported,
        };
        (derived, Some(Box::new(details)))
    }

    /// Checks the other figures reported for an observation, as its own are checked.
    fn take_alternatives(&mut self, row: usize, alts: Vec<AlternativeInput>, unit: Option<&Unit>) -> Vec<Alternative> {
        let locate = self.locate_observation;
        let mut alternatives = Vec::with_capacity(alts.len());
        for (i, alt) in alts.into_iter().enumerate() {
            let alt_at = locate(row, &format!("alternatives[{i}]"));
            if let Some(unit) = unit {
                self.check_value(|| alt_at.field("value"), unit, alt.value);
            }
            if let Some(derivation) = &alt.derived {
                self.check_derivation(&alt_at.field("derived"), derivation);
            }
            let alt_quote = alt.quote.as_deref().is_some_and(|q| !q.trim().is_empty());
            if alt.derived.is_none() && !alt_quote {
                self.missing_quote(|| alt_at.field("quote"));
            }
            let source = self.source_ref(|| alt_at.field("source"), alt.source.as_deref());
            alternatives.push(Alternative {
                value: alt.value,
                source,
                quote: alt.quote,
                derivation: alt.derived.map(|d| Derivation { formula: d.formula, inputs: Vec::new() }),
                trust: alt.trust,
                note: alt.note,
                reported: alt.reported,
            });
        }
        alternatives
    }

    fn missing_quote(&mut self, at: impl FnOnce() -> Place) {
        match self.quotes {
            QuotePolicy::Required => self.problem(at(), ProblemKind::MissingQuote),
            QuotePolicy::Counted => self.reported_without_quote += 1,
            QuotePolicy::NotExpected => {}
        }
    }

    fn resolve_parents(&mut self) {
        let parents = std::mem::take(&mut self.entity_parents);
        for (i, (at, parent)) in parents.iter().enumerate() {
            let Some(parent) = parent.as_deref().filter(|p| !p.is_empty()) else {
                continue;
            };
            match Self::resolve(&self.entity_ids, parent) {
                Some(id) => self.dataset.entities[i].parent = Some(id),
                None => {
                    let kind = self.unknown(Declared::ParentEntity, parent);
                    self.problem(at.field("parent"), kind);
                }
            }
        }
        for (i, (at, _)) in parents.iter().enumerate() {
            let mut current = self.dataset.entities[i].parent;
            let mut steps = 0;
            while let Some(p) = current {
                if p.0 as usize == i || steps > self.dataset.entities.len() {
                    let id = self.dataset.entities[i].id.clone();
                    self.problem(at.field("parent"), ProblemKind::ParentCycle { id });
                    // Break the loop so later queries cannot walk it forever.
                    self.dataset.entities[i].parent = None;
                    break;
                }
                current = self.dataset.entities[p.0 as usize].parent;
                steps += 1;
            }
        }
    }

    fn cell_ids(&self, cell: &Cell) -> CellIds {
        let d = &self.dataset;
        CellIds {
            entity: d.entities[cell.entity.0 as usize].id.clone(),
            metric: d.metrics[cell.metric.0 as usize].id.clone(),
            time: cell.time,
            period: (cell.period != PeriodId::FULL_YEAR).then(|| d.period(cell.period).to_string()),
            category: cell.category.map(|c| d.categories[c.index() as usize].id.clone()),
        }
    }

    fn resolve_cell(&self, r: &CellRef) -> Option<Cell> {
        let period = match r.period.as_deref() {
            None => PeriodId::FULL_YEAR,
            Some(p) => *self.period_ids.get(p)?,
        };
        let category = match r.category.as_deref() {
            None => None,
            Some(c) => Some(*self.category_ids.get(c)?),
        };
        Some(Cell {
            entity: *self.entity_ids.get(&r.entity)?,
            metric: *self.metric_ids.get(&r.metric)?,
            category,
            time: r.time,
            period,
        })
    }

    /// Checks what needs the whole file (parents, duplicate cells, derived inputs) and
    /// returns the dataset with its warnings, or every problem found.
    pub(crate) fn finish(mut self) -> Result<(Dataset, Vec<Warning>), (Vec<Problem>, usize)> {
        self.resolve_parents();
        self.resolve_overlaps();
        self.resolve_default_selection();
        if let (count, Some((first, year))) = std::mem::take(&mut self.unusual_years) {
            self.warnings.push(Warning::UnusualYears { count, first, year });
        }
        if self.dataset.observations.is_empty() && self.problems.is_empty() {
            self.problem("observations", ProblemKind::NoObservations);
        }

        // Sort observations into series order, carrying their rows and pending inputs along.
        // Files are usually written in that order already; a permutation applied in place keeps
        // a million-row load from holding two copies.
        let n = self.dataset.observations.len();
        // The passes over every observation run on the thread pool: a million of them are 56 MB.
        use rayon::prelude::*;
        let sorted = self.dataset.observations.par_windows(2).all(|w| sort_key(&w[0].cell) <= sort_key(&w[1].cell));
        let mut new_index: Vec<u32> = Vec::new();
        if !sorted {
            let mut order: Vec<u32> = (0..n as u32).collect();
            order.par_sort_by_key(|&i| sort_key(&self.dataset.observations[i as usize].cell));
            if !self.pending_inputs.is_empty() {
                new_index = vec![0; n];
                for (k, &old) in order.iter().enumerate() {
                    new_index[old as usize] = k as u32;
                }
            }
            let mut placed = vec![false; n];
            for start in 0..n {
                let mut current = start;
                while !placed[current] {
                    placed[current] = true;
                    let source = order[current] as usize;
                    if source == start {
                        break;
                    }
                    self.dataset.observations.swap(current, source);
                    self.rows.swap(current, source);
                    current = source;
                }
            }
        }
        let position = |old: usize| if new_index.is_empty() { old } else { new_index[old] as usize };

        let locate = self.locate_observation;
        let repeated: Vec<usize> = self
            .dataset
            .observations
            .par_windows(2)
            .enumerate()
            .filter(|(_, w)| w[0].cell == w[1].cell)
            .map(|(i, _)| i + 1)
            .collect();
        for pair in repeated {
            let (first, second) = (self.rows[pair - 1].min(self.rows[pair]), self.rows[pair - 1].max(self.rows[pair]));
            let cell = Box::new(self.cell_ids(&self.dataset.observations[pair].cell));
            self.problem(
                locate(second as usize, ""),
                ProblemKind::DuplicateCell { cell, first: locate(first as usize, "") },
            );
        }

        for (old, inputs) in std::mem::take(&mut self.pending_inputs) {
            let index = position(old);
            let row = self.rows[index] as usize;
            let mut cells = Vec::with_capacity(inputs.len());
            for (k, input) in inputs.iter().enumerate() {
                match self.resolve_cell(input).filter(|c| self.dataset.find(c).is_some()) {
                    Some(cell) => cells.push(cell),
                    None => {
                        let cell = Box::new(CellIds {
                            entity: input.entity.clone(),
                            metric: input.metric.clone(),
                            time: input.time,
                            period: input.period.clone(),
                            category: input.category.clone(),
                        });
                        self.problem(locate(row, &format!("derived.inputs[{k}]")), ProblemKind::UnknownInput { cell });
                    }
                }
            }
            if let Some(derivation) =
                self.dataset.observations[index].details.as_mut().and_then(|d| d.derivation.as_mut())
            {
                derivation.inputs = cells;
            }
        }

        if self.reported_without_quote > 0 {
            self.warnings.push(Warning::MissingQuotes { count: self.reported_without_quote });
        }
        if self.problems.is_empty() {
            self.dataset.stats = Stats::of(&self.dataset.observations, self.dataset.entities.len());
            self.dataset.entity_index = std::mem::take(&mut self.entity_ids);
            Ok((self.dataset, self.warnings))
        } else {
            Err((self.problems, self.more_problems))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::l10n::Lang;

    fn builder() -> Builder {
        let mut b = Builder::new(|i, f| Place::Path(format!("obs[{i}].{f}")), QuotePolicy::Required);
        b.add_source(
            &Place::from("s"),
            Source {
                id: "src".into(),
                title: "T".into(),
                publisher: "P".into(),
                url: "http://x".into(),
                published: None,
                retrieved: None,
            },
        );
        b.add_entity(
            &Place::from("e0"),
            Entity {
                id: "a".into(),
                name: "A".into(),
                name_zh: None,
                kind: "city".into(),
                parent: None,
                aggregate: false,
            },
            None,
        );
        b.add_metric(
            &Place::from("m0"),
            Metric {
                id: "share".into(),
                name: "Share".into(),
                name_zh: None,
                unit: Unit::SharePercent,
                group: "g".into(),
                share_of: None,
                description: String::new(),
            },
        );
        b
    }

    fn obs(year: i32, value: f64) -> ObservationInput<'static> {
        ObservationInput {
            entity: "a",
            metric: "share",
            category: None,
            time: Time::Year(year),
            period: None,
            value,
            unit: None,
            source: Some("src"),
            trust: Some(Trust::High),
            details: Some(DetailsInput { quote: Some("q".into()), ..Default::default() }),
            origin: None,
        }
    }

    #[test]
    fn observations_come_out_sorted_by_time() {
        let mut b = builder();
        b.add_observation(0, obs(2025, 3.0));
        b.add_observation(1, obs(2020, 1.0));
        let (d, warnings) = b.finish().unwrap();
        assert!(warnings.is_empty());
        let years: Vec<i32> = d.observations.iter().map(|o| o.cell.time.year()).collect();
        assert_eq!(years, [2020, 2025]);
    }

    #[test]
    fn an_unusual_year_opens_with_one_warning_and_historical_data_with_none() {
        let mut b = builder();
        b.add_observation(0, obs(2020, 1.0));
        b.add_observation(1, obs(1700, 1.0));
        b.add_observation(2, obs(-500, 1.0));
        let (d, warnings) = b.finish().expect("opens");
        assert_eq!(d.observations.len(), 3);
        let first = Place::Path("obs[1].year".into());
        assert_eq!(warnings, [Warning::UnusualYears { count: 2, first, year: 1700 }]);

        let mut b = builder().historical();
        b.add_observation(0, obs(-10_000, 1.0));
        b.add_observation(1, obs(9_999, 1.0));
        let (_, warnings) = b.finish().expect("opens");
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn every_problem_is_reported_not_just_the_first() {
        let mut b = builder();
        b.add_observation(0, obs(17000, 1.0));
        b.add_observation(1, obs(2020, 140.0));
        b.add_observation(2, ObservationInput { entity: "atlantis", ..obs(2021, 1.0) });
        let (problems, _) = b.finish().unwrap_err();
        let texts: Vec<String> = problems.iter().map(|p| crate::l10n::problem_text(p, Lang::default())).collect();
        assert_eq!(texts.len(), 3, "{texts:#?}");
        assert!(texts[0].starts_with("obs[0].year: year 17000 is outside the years a figure can have"));
        assert!(texts[1].starts_with("obs[1].value: 140 is not a share"));
        assert!(texts[2].starts_with("obs[2].entity: \"atlantis\" is not a known entity (known: a)"));
    }

    #[test]
    fn a_duplicate_cell_names_both_places() {
        let mut b = builder();
        b.add_observation(4, obs(2020, 1.0));
        b.add_observation(9, obs(2020, 2.0));
        let (problems, _) = b.finish().unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].at, Place::from("obs[9]."));
        assert!(crate::l10n::problem_text(&problems[0], Lang::default()).contains("already given at obs[4]."));
    }

    #[test]
    fn derived_inputs_must_exist() {
        let mut b = builder();
        b.add_observation(0, obs(2020, 1.0));
        let derived = DerivationInput {
            formula: "x".into(),
            inputs: vec![
                CellRef {
                    entity: "a".into(),
                    metric: "share".into(),
                    category: None,
                    time: Time::Year(2020),
                    period: None,
                },
                CellRef {
                    entity: "a".into(),
                    metric: "share".into(),
                    category: None,
                    time: Time::Year(2019),
                    period: None,
                },
            ],
        };
        let mut o = obs(2021, 2.0);
        o.details = Some(DetailsInput { derived: Some(derived), ..Default::default() });
        b.add_observation(1, o);
        let (problems, _) = b.finish().unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].at, Place::from("obs[1].derived.inputs[1]"));
    }

    #[test]
    fn derived_inputs_follow_their_observations_when_sorting_moves_them() {
        let mut b = builder();
        let input = CellRef {
            entity: "a".into(),
            metric: "share".into(),
            category: None,
            time: Time::Year(2019),
            period: None,
        };
        let mut derived = obs(2024, 9.0);
        derived.details = Some(DetailsInput {
            derived: Some(DerivationInput { formula: "x".into(), inputs: vec![input] }),
            ..Default::default()
        });
        for (row, o) in [(0, obs(2023, 1.0)), (1, derived), (2, obs(2019, 3.0)), (3, obs(2021, 2.0))] {
            b.add_observation(row, o);
        }
        let (d, _) = b.finish().unwrap();
        let years: Vec<i32> = d.observations.iter().map(|o| o.cell.time.year()).collect();
        assert_eq!(years, [2019, 2021, 2023, 2024]);
        let inputs = &d.observations[3].derivation().unwrap().inputs;
        assert_eq!(d.find(&inputs[0]).map(|o| o.value), Some(3.0));
    }

    #[test]
    fn parent_loops_are_refused() {
        let mut b = builder();
        let entity = |id: &str| Entity {
            id: id.into(),
            name: id.into(),
            name_zh: None,
            kind: "k".into(),
            parent: None,
            aggregate: false,
        };
        b.add_entity(&Place::from("e1"), entity("x"), Some("y".into()));
        b.add_entity(&Place::from("e2"), entity("y"), Some("x".into()));
        b.add_observation(0, obs(2020, 1.0));
        let (problems, _) = b.finish().unwrap_err();
        assert!(problems.iter().any(|p| matches!(p.kind, ProblemKind::ParentCycle { .. })), "{problems:?}");
    }
}
