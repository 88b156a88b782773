//! The validated, immutable dataset: entities, metrics, sources and observations.
//!
//! Names are interned: an observation holds small indexes into the dataset's tables, so a
//! million-row file does not hold a million copies of "Jinhua". Everything a view needs to
//! explain a figure (quote, formula, alternatives) sits in [`Details`], boxed, so that bare
//! numeric rows from a CSV stay small.

use std::fmt;

use jiff::civil::Date;

/// Index of an [`Entity`] in [`Dataset::entities`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId(pub u32);
/// Index of a [`Metric`] in [`Dataset::metrics`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MetricId(pub u32);
/// Index of a [`Source`] in [`Dataset::sources`]. Held as the index plus one, so that an
/// `Option` of it takes no more room (every figure has one).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceId(std::num::NonZeroU32);
/// Index of a [`Category`] in [`Dataset::categories`]. Held as the index plus one, so that an
/// `Option` of it takes no more room (every figure has one).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CategoryId(std::num::NonZeroU32);

/// An index held as itself plus one.
macro_rules! index_plus_one {
    ($id:ident) => {
        impl $id {
            /// The id of the item at `index` (below `u32::MAX`).
            pub const fn new(index: u32) -> $id {
                match std::num::NonZeroU32::new(index.wrapping_add(1)) {
                    Some(n) => $id(n),
                    None => panic!("an index below u32::MAX"),
                }
            }

            /// The item's index.
            pub const fn index(self) -> u32 {
                self.0.get() - 1
            }
        }

        impl std::fmt::Debug for $id {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}({})", stringify!($id), self.index())
            }
        }
    };
}
index_plus_one!(SourceId);
index_plus_one!(CategoryId);
/// Index of a period name in [`Dataset::periods`]; [`PeriodId::FULL_YEAR`] is always 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PeriodId(pub u16);

impl PeriodId {
    /// The whole calendar year: the default, and the only period a yearly line joins.
    pub(crate) const FULL_YEAR: PeriodId = PeriodId(0);
}

/// The name of the default period, as written in files.
pub(crate) const FULL_YEAR: &str = "full_year";

/// A place the data describes: a country, a province, a city.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Stable identifier used in files and filters (`jinhua`).
    pub id: String,
    /// English name.
    pub name: String,
    /// Chinese name, when known.
    pub name_zh: Option<String>,
    /// What kind of place this is ("prefecture-level city").
    pub kind: String,
    /// The entity this one belongs to (Yiwu belongs to Jinhua).
    pub parent: Option<EntityId>,
    /// A sum of places (the World, a continent, an income group), not a place of its own.
    pub aggregate: bool,
}

/// A quantity that is measured over time (exports, a market share).
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    /// Stable identifier (`exports`).
    pub id: String,
    /// English name.
    pub name: String,
    /// Chinese name, when known.
    pub name_zh: Option<String>,
    /// The unit every observation of this metric is stored in.
    pub unit: Unit,
    /// A family of metrics shown together (`trade`, `ecommerce`, `industry_share`…).
    pub group: String,
    /// For shares: what the share is of ("China", "the world"), so a chart can say it.
    pub share_of: Option<String>,
    /// What exactly the metric measures.
    pub description: String,
}

impl Metric {
    /// A metric of no group and no Chinese name, as files from other publishers declare them.
    pub(crate) fn plain(id: String, name: String, unit: Unit, description: String) -> Metric {
        Metric { id, name, name_zh: None, unit, group: String::new(), share_of: None, description }
    }
}

/// Where figures come from.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Stable identifier referenced by observations.
    pub id: String,
    /// Title of the article, report or table.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Where to read it.
    pub url: String,
    /// Publication date as stated (`2026-02-14`, `2026-02` or `2026`), when known.
    pub published: Option<String>,
    /// When the figures were retrieved, when recorded.
    pub retrieved: Option<String>,
}

/// A subdivision of a metric (a product, a destination).
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    /// Stable identifier.
    pub id: String,
    /// English name.
    pub name: String,
    /// Chinese name, when known.
    pub name_zh: Option<String>,
    /// What the whole is divided by: `destination`, `goods`, `trade_mode`. Parts of one
    /// dimension that do not overlap add up to (at most) the whole.
    pub dimension: Option<String>,
    /// Categories of the same dimension this one overlaps (Belt and Road countries overlap the
    /// regions; high-tech products overlap mechanical and electrical ones): never stacked or
    /// summed with them. Symmetric once loaded.
    pub overlaps: Vec<CategoryId>,
}

impl Category {
    /// A category of no dimension that overlaps nothing.
    pub(crate) fn plain(id: String, name: String, name_zh: Option<String>) -> Category {
        Category { id, name, name_zh, dimension: None, overlaps: Vec::new() }
    }
}

/// How much a figure can be relied on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Trust {
    /// Unverified, secondary or self-published.
    Low,
    /// A reputable repost or compilation.
    Medium,
    /// An official release or a major outlet quoting one.
    High,
}

impl Trust {
    /// The word used in files and on screen.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Trust::Low => "low",
            Trust::Medium => "medium",
            Trust::High => "high",
        }
    }

    /// Parses the word used in files.
    pub(crate) fn parse(text: &str) -> Option<Trust> {
        match text.trim().to_ascii_lowercase().as_str() {
            "low" => Some(Trust::Low),
            "medium" => Some(Trust::Medium),
            "high" => Some(Trust::High),
            _ => None,
        }
    }
}

/// The point or span of time an observation covers. A year is a plain number (real data goes past
/// the years 0–9999 a calendar date allows: geological or projected series); a month or a day is a
/// calendar date, with its arithmetic from `jiff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Time {
    /// A calendar year (possibly only part of it: see the observation's period).
    Year(i32),
    /// A calendar month, as its first day.
    Month(Date),
    /// A single day.
    Day(Date),
}

/// How finely a series is resolved in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Resolution {
    /// One value a year.
    Year,
    /// One value a month.
    Month,
    /// One value a day.
    Day,
}

/// The years a figure may have: from 10,000 BCE (Our World in Data's population history) to
/// 9999. A negative year is shown as Our World in Data shows it: −500 as "500 BCE".
pub const YEARS: std::ops::RangeInclusive<i32> = -10_000..=9_999;

/// The years of modern trade statistics: in the app's own formats a year outside them is
/// opened with a warning, since it is more likely a typo than history.
pub const USUAL_YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// The day a day's ordinal counts from.
const UNIX_EPOCH: Date = jiff::civil::date(1970, 1, 1);

impl Time {
    /// A month, if the calendar has it (month 1–12 of a year that a date can hold).
    pub fn month(year: i32, month: u8) -> Option<Time> {
        Some(Time::Month(calendar_date(year, month, 1)?))
    }

    /// A day, if the calendar has it (no 30 February).
    pub(crate) fn day(year: i32, month: u8, day: u8) -> Option<Time> {
        Some(Time::Day(calendar_date(year, month, day)?))
    }

    /// The calendar year this time falls in.
    pub fn year(self) -> i32 {
        match self {
            Time::Year(year) => year,
            Time::Month(date) | Time::Day(date) => i32::from(date.year()),
        }
    }

    /// Year, month or day.
    pub(crate) fn resolution(self) -> Resolution {
        match self {
            Time::Year(_) => Resolution::Year,
            Time::Month(_) => Resolution::Month,
            Time::Day(_) => Resolution::Day,
        }
    }

    /// Position on a chart's x axis, in years: 2024 for the year 2024, 2024 + 2/12 for
    /// March 2024, and the fraction of the year elapsed at the start of a day.
    pub(crate) fn x(self) -> f64 {
        match self {
            Time::Year(year) => f64::from(year),
            Time::Month(date) => f64::from(date.year()) + f64::from(date.month() - 1) / 12.0,
            Time::Day(date) => {
                f64::from(date.year()) + f64::from(date.day_of_year() - 1) / f64::from(date.days_in_year())
            }
        }
    }

    /// A running count of steps at this resolution, so that two times are consecutive when
    /// their ordinals differ by one (December 2024 and January 2025 are).
    pub(crate) fn ordinal(self) -> i64 {
        match self {
            Time::Year(year) => i64::from(year),
            Time::Month(date) => i64::from(date.year()) * 12 + i64::from(date.month()) - 1,
            Time::Day(date) => date.duration_since(UNIX_EPOCH).as_secs().div_euclid(86_400),
        }
    }

    /// The time one step earlier at the same resolution; `None` before the first the calendar has.
    pub(crate) fn previous(self) -> Option<Time> {
        match self {
            Time::Year(year) => year.checked_sub(1).map(Time::Year),
            Time::Month(date) => date.checked_sub(jiff::Span::new().months(1)).ok().map(Time::Month),
            Time::Day(date) => date.yesterday().ok().map(Time::Day),
        }
    }

    /// Parses `2024`, `-500`, `2024-03` or `2024-03-31`, checking that the month and
    /// day exist.
    pub(crate) fn parse(text: &str) -> Option<Time> {
        let text = text.trim();
        // Most times in large files are years: no need to look for dashes.
        if text.bytes().all(|b| b.is_ascii_digit()) {
            return parse_year(text).map(Time::Year);
        }
        if let Some(before) = text.strip_prefix('-') {
            return parse_year(before).map(|year| Time::Year(-year));
        }
        let mut parts = text.split('-');
        let year = parse_year(parts.next()?)?;
        let Some(month) = parts.next() else {
            return Some(Time::Year(year));
        };
        let month: u8 = parse_digits(month, 2)?.try_into().ok()?;
        let Some(day) = parts.next() else {
            return Time::month(year, month);
        };
        let day: u8 = parse_digits(day, 2)?.try_into().ok()?;
        if parts.next().is_some() {
            return None;
        }
        Time::day(year, month, day)
    }
}

fn calendar_date(year: i32, month: u8, day: u8) -> Option<Date> {
    Date::new(i16::try_from(year).ok()?, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Time::Year(year) => write!(f, "{year}"),
            Time::Month(date) => write!(f, "{}-{:02}", date.year(), date.month()),
            Time::Day(date) => write!(f, "{}-{:02}-{:02}", date.year(), date.month(), date.day()),
        }
    }
}

fn parse_digits(text: &str, len: usize) -> Option<u32> {
    if text.len() != len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn parse_year(text: &str) -> Option<i32> {
    if text.is_empty() || text.len() > 6 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A currency a money unit counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Currency {
    /// Chinese yuan (renminbi).
    Yuan,
    /// US dollars.
    Usd,
}

/// The unit of a metric. Money keeps its currency: dollars are never converted to yuan.
#[derive(Debug, Clone, PartialEq)]
pub enum Unit {
    /// An amount of money: `multiplier` units of `currency` (1e9 for billion yuan).
    Money {
        /// Yuan or dollars.
        currency: Currency,
        /// How many units one stored value stands for.
        multiplier: f64,
    },
    /// A part of a whole, 0–100.
    SharePercent,
    /// A growth rate, any sign.
    PercentChange,
    /// A number of things.
    Count,
    /// Anything else, kept as written ("TEU").
    Other(String),
}

/// The money units the format knows, with their multipliers.
const MONEY_UNITS: [(&str, Currency, f64); 12] = [
    ("yuan", Currency::Yuan, 1.0),
    ("million_yuan", Currency::Yuan, 1e6),
    ("100_million_yuan", Currency::Yuan, 1e8),
    ("billion_yuan", Currency::Yuan, 1e9),
    ("trillion_yuan", Currency::Yuan, 1e12),
    ("10k_yuan", Currency::Yuan, 1e4),
    ("usd", Currency::Usd, 1.0),
    ("thousand_usd", Currency::Usd, 1e3),
    ("million_usd", Currency::Usd, 1e6),
    ("100_million_usd", Currency::Usd, 1e8),
    ("billion_usd", Currency::Usd, 1e9),
    ("trillion_usd", Currency::Usd, 1e12),
];

impl Unit {
    /// Reads a unit as written in a dataset; unknown words become [`Unit::Other`].
    pub(crate) fn parse(text: &str) -> Unit {
        let key = text.trim();
        if let Some(&(_, currency, multiplier)) = MONEY_UNITS.iter().find(|(name, _, _)| *name == key) {
            return Unit::Money { currency, multiplier };
        }
        match key {
            "share_percent" => Unit::SharePercent,
            "percent_change" => Unit::PercentChange,
            "count" => Unit::Count,
            _ => Unit::Other(key.to_string()),
        }
    }

    /// The identifier written in files (`billion_yuan`).
    pub(crate) fn id(&self) -> String {
        match self {
            Unit::Money { currency, multiplier } => MONEY_UNITS
                .iter()
                .find(|(_, c, m)| c == currency && m == multiplier)
                .map(|(name, _, _)| (*name).to_string())
                .unwrap_or_else(|| format!("{multiplier}_{currency:?}").to_lowercase()),
            Unit::SharePercent => "share_percent".into(),
            Unit::PercentChange => "percent_change".into(),
            Unit::Count => "count".into(),
            Unit::Other(text) => text.clone(),
        }
    }

    /// True for amounts that can be added up and divided (money, counts), as opposed to
    /// rates and shares.
    pub(crate) fn is_additive(&self) -> bool {
        matches!(self, Unit::Money { .. } | Unit::Count | Unit::Other(_))
    }
}

/// How a derived figure was computed.
#[derive(Debug, Clone, PartialEq)]
pub struct Derivation {
    /// The computation, in words and numbers.
    pub formula: String,
    /// The observations it used, as (entity, metric, time, period, category) cells.
    pub inputs: Vec<Cell>,
}

/// The address of one value: what a dataset may hold only once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cell {
    /// Whose figure.
    pub entity: EntityId,
    /// Which quantity.
    pub metric: MetricId,
    /// Which subdivision, if any.
    pub category: Option<CategoryId>,
    /// When.
    pub time: Time,
    /// Which part of the year.
    pub period: PeriodId,
}

/// Another reported value for the same cell, kept instead of thrown away.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternative {
    /// The other value, in the metric's unit.
    pub value: f64,
    /// Who reported it.
    pub source: Option<SourceId>,
    /// The sentence that states it.
    pub quote: Option<String>,
    /// How it was computed, if it was.
    pub derivation: Option<Derivation>,
    /// How far it can be trusted.
    pub trust: Option<Trust>,
    /// Why it lost, or other remarks.
    pub note: Option<String>,
    /// The value and unit as the source printed them.
    pub reported: Option<Reported>,
}

/// The figure exactly as the source stated it, before unit conversion.
#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
    /// The number as printed.
    pub value: f64,
    /// The unit as printed ("100 million yuan").
    pub unit: String,
}

/// Everything about an observation beyond its number, for tooltips and the sources view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Details {
    /// The sentence that states a reported figure.
    pub quote: Option<String>,
    /// How a derived figure was computed.
    pub derivation: Option<Derivation>,
    /// Remarks on scope, conflicts, approximations.
    pub note: Option<String>,
    /// Other values reported for the same cell.
    pub alternatives: Vec<Alternative>,
    /// The value and unit as the source printed them.
    pub reported: Option<Reported>,
}

/// One figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    /// The cell this value fills.
    pub cell: Cell,
    /// The value, in the metric's unit.
    pub value: f64,
    /// Who reported it (or the source of its main input, when derived).
    pub source: Option<SourceId>,
    /// How far it can be trusted; `None` when the file does not say.
    pub trust: Option<Trust>,
    /// Whether it was computed from other figures rather than reported.
    pub derived: bool,
    /// Quote, formula, note, alternatives.
    pub details: Option<Box<Details>>,
    /// The workbook cell it was read from, to check it against the workbook.
    pub origin: Option<CellOrigin>,
}

/// A workbook cell: the sheet, by place in [`Dataset::sheets`], and its row and column from 0.
/// Packed into eight bytes (an `Option` of it too), because every figure of a million-row file
/// carries one: sheets and columns fit 16 bits (a spreadsheet has at most 16,384 columns, a CSV
/// read by import choices at most the column limit), rows 32.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellOrigin {
    sheet: u16,
    column: u16,
    /// The row plus one, so that `Option<CellOrigin>` needs no tag of its own.
    row_plus_one: std::num::NonZeroU32,
}

impl CellOrigin {
    /// The cell at `row` and `column` (from 0) of sheet `sheet`; `None` past what it can hold.
    pub fn new(sheet: u32, row: u32, column: u32) -> Option<CellOrigin> {
        Some(CellOrigin {
            sheet: u16::try_from(sheet).ok()?,
            column: u16::try_from(column).ok()?,
            row_plus_one: std::num::NonZeroU32::new(row.checked_add(1)?)?,
        })
    }

    /// The sheet, by place in [`Dataset::sheets`].
    pub fn sheet(self) -> usize {
        usize::from(self.sheet)
    }

    /// The row, from 0 (row 1 of the sheet).
    pub fn row(self) -> usize {
        self.row_plus_one.get() as usize - 1
    }

    /// The column, from 0 (column A).
    pub fn column(self) -> usize {
        usize::from(self.column)
    }
}

/// A sheet figures were read from: the workbook's file name and the sheet's name.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SheetRef {
    /// The workbook's file name.
    pub file: String,
    /// The sheet's name.
    pub sheet: String,
}

impl Observation {
    /// The quote, when there is one.
    pub fn quote(&self) -> Option<&str> {
        self.details.as_ref()?.quote.as_deref()
    }

    /// The derivation, when the figure is derived.
    pub fn derivation(&self) -> Option<&Derivation> {
        self.details.as_ref()?.derivation.as_ref()
    }

    /// The note, when there is one.
    pub fn note(&self) -> Option<&str> {
        self.details.as_ref()?.note.as_deref()
    }

    /// Other reported values for the same cell.
    pub fn alternatives(&self) -> &[Alternative] {
        self.details.as_ref().map_or(&[], |d| d.alternatives.as_slice())
    }

    /// The figure as the source printed it, when it differs from the stored one.
    pub fn reported(&self) -> Option<&Reported> {
        self.details.as_ref()?.reported.as_ref()
    }
}

/// A validated dataset. Immutable once loaded: opening another file replaces it whole.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dataset {
    /// What the dataset is.
    pub title: String,
    /// A paragraph about its scope and origin.
    pub description: String,
    /// The title in Chinese, when the dataset gives one.
    pub title_zh: Option<String>,
    /// The description in Chinese, when the dataset gives one.
    pub description_zh: Option<String>,
    /// Sources, referenced by [`SourceId`].
    pub sources: Vec<Source>,
    /// Entities, referenced by [`EntityId`].
    pub entities: Vec<Entity>,
    /// Metrics, referenced by [`MetricId`].
    pub metrics: Vec<Metric>,
    /// Categories, referenced by [`CategoryId`].
    pub categories: Vec<Category>,
    /// Period names, referenced by [`PeriodId`]; index 0 is `full_year`.
    pub periods: Vec<String>,
    /// The figures, sorted by entity, metric, category, period and time.
    pub observations: Vec<Observation>,
    /// Entities selected when the dataset opens (may be empty).
    pub default_entities: Vec<EntityId>,
    /// Metrics selected when the dataset opens (may be empty).
    pub default_metrics: Vec<MetricId>,
    /// Facts about the observations, counted once when the dataset is built, so the window
    /// never scans a million rows to draw a frame.
    pub stats: Stats,
    /// Entity ids to indexes, so a filter of 10,000 entities resolves in linear time.
    pub entity_index: rustc_hash::FxHashMap<String, EntityId>,
    /// What the file says of its places beside the figures (a region, an income group), by
    /// which the side panel narrows its list.
    pub attributes: Vec<Attribute>,
    /// The workbook sheets figures were read from, for their [`CellOrigin`]s.
    pub sheets: Vec<SheetRef>,
}

/// A property of places that is text, not a figure: one value or none per entity.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Attribute {
    /// The column's name ("WHO region").
    pub name: String,
    /// Its values, sorted ("Africa", "Americas"…).
    pub values: Vec<String>,
    /// Per entity, by [`EntityId`]: its value, by place in `values`.
    pub of_entity: Vec<Option<u32>>,
}

/// Counts over all observations.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stats {
    /// The earliest and latest year.
    pub year_span: Option<(i32, i32)>,
    /// Whether any observation has a trust level.
    pub any_trust: bool,
    /// Observations per entity, by [`EntityId`].
    pub per_entity: Vec<u32>,
    /// The parts there are figures for: (metric, category) pairs, sorted.
    pub parts: Vec<(MetricId, CategoryId)>,
    /// How many observations are derived from others (the rest are reported).
    pub derived: usize,
}

impl Stats {
    /// Counts over `observations` of a dataset with `entities` entities, on the thread pool in
    /// runs of observations (each run counts per entity: a run is at least as long as there are
    /// entities, so the counts never outweigh the observations).
    pub(crate) fn of(observations: &[Observation], entities: usize) -> Stats {
        use rayon::prelude::*;
        let run = entities.max(1 << 16);
        let none = || Stats { per_entity: vec![0; entities], ..Stats::default() };
        let mut stats = observations
            .par_chunks(run)
            .map(|run| {
                let mut stats = none();
                stats.count(run);
                stats
            })
            .reduce(none, Stats::add);
        // Observations come sorted by entity first: the same part recurs per entity.
        stats.parts.sort_unstable();
        stats.parts.dedup();
        stats
    }

    fn count(&mut self, observations: &[Observation]) {
        for o in observations {
            let year = o.cell.time.year();
            self.year_span = Some(match self.year_span {
                None => (year, year),
                Some((a, b)) => (a.min(year), b.max(year)),
            });
            self.any_trust |= o.trust.is_some();
            if let Some(n) = self.per_entity.get_mut(o.cell.entity.0 as usize) {
                *n += 1;
            }
            self.derived += usize::from(o.derived);
            if let Some(c) = o.cell.category
                && self.parts.last() != Some(&(o.cell.metric, c))
            {
                self.parts.push((o.cell.metric, c));
            }
        }
    }

    /// The counts of two runs together.
    fn add(mut self, other: Stats) -> Stats {
        self.year_span = match (self.year_span, other.year_span) {
            (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
            (span, None) | (None, span) => span,
        };
        self.any_trust |= other.any_trust;
        for (n, m) in self.per_entity.iter_mut().zip(&other.per_entity) {
            *n += m;
        }
        self.derived += other.derived;
        self.parts.extend(other.parts);
        self
    }
}

impl Dataset {
    /// Where a figure was read from in a workbook, as a person finds it there:
    /// `yearbook.xlsx, '2-15'!D7`.
    pub fn origin_text(&self, o: &Observation) -> Option<String> {
        let origin = o.origin?;
        let sheet = self.sheets.get(origin.sheet())?;
        let (row, column) = (origin.row(), origin.column());
        if sheet.sheet == sheet.file {
            // A CSV (or pasted cells): one table, named by the file, its cells as a spreadsheet
            // that opens it names them.
            let cell = format!("{}{}", super::workbook::column_letters(column), row + 1);
            return Some(format!("{}, {cell}", sheet.file));
        }
        let address = super::workbook::address(&sheet.sheet, row, column);
        Some(format!("{}, {address}", sheet.file))
    }

    /// The entity with this index.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.0 as usize]
    }

    /// The metric with this index.
    pub fn metric(&self, id: MetricId) -> &Metric {
        &self.metrics[id.0 as usize]
    }

    /// The source with this index.
    pub fn source(&self, id: SourceId) -> &Source {
        &self.sources[id.index() as usize]
    }

    /// The category with this index.
    pub fn category(&self, id: CategoryId) -> &Category {
        &self.categories[id.index() as usize]
    }

    /// The period name with this index.
    pub fn period(&self, id: PeriodId) -> &str {
        &self.periods[usize::from(id.0)]
    }

    /// Finds an entity by its identifier.
    pub fn entity_id(&self, id: &str) -> Option<EntityId> {
        if self.entity_index.len() == self.entities.len() {
            return self.entity_index.get(id).copied();
        }
        self.entities.iter().position(|e| e.id == id).map(|i| EntityId(i as u32))
    }

    /// Finds a metric by its identifier.
    pub fn metric_id(&self, id: &str) -> Option<MetricId> {
        self.metrics.iter().position(|m| m.id == id).map(|i| MetricId(i as u32))
    }

    /// Finds a category by its identifier.
    pub(crate) fn category_id(&self, id: &str) -> Option<CategoryId> {
        self.categories.iter().position(|c| c.id == id).map(|i| CategoryId::new(i as u32))
    }

    /// Finds a period by its name.
    pub(crate) fn period_id(&self, name: &str) -> Option<PeriodId> {
        self.periods.iter().position(|p| p == name).map(|i| PeriodId(i as u16))
    }

    /// The index of the observation filling a cell, found by binary search (observations are
    /// sorted).
    pub(crate) fn find_index(&self, cell: &Cell) -> Option<usize> {
        self.observations.binary_search_by(|o| sort_key(&o.cell).cmp(&sort_key(cell))).ok()
    }

    /// The observation filling a cell.
    pub fn find(&self, cell: &Cell) -> Option<&Observation> {
        self.find_index(cell).map(|i| &self.observations[i])
    }

    /// The earliest and latest year with any observation.
    pub(crate) fn year_span(&self) -> Option<(i32, i32)> {
        self.stats.year_span
    }
}

/// The order observations are kept in: one series after another, in time order.
pub(crate) fn sort_key(cell: &Cell) -> (EntityId, MetricId, Option<CategoryId>, PeriodId, Time) {
    // `Time` orders years before months before days, so each resolution forms its own run.
    (cell.entity, cell.metric, cell.category, cell.period, cell.time)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_observation_fits_in_56_bytes_so_a_million_rows_stay_under_twice_their_file() {
        // A million-row tidy CSV is 46 MB; its observations must leave room within 92 MB (and
        // every page of them is zeroed by the kernel before it is written).
        assert!(std::mem::size_of::<Observation>() <= 56, "{}", std::mem::size_of::<Observation>());
        assert_eq!(std::mem::size_of::<Option<SourceId>>(), 4, "no tag beside the index");
        assert_eq!(CategoryId::new(7).index(), 7);
        let origin = CellOrigin::new(2, 1_048_575, 16_383).unwrap();
        assert_eq!((origin.sheet(), origin.row(), origin.column()), (2, 1_048_575, 16_383));
        assert_eq!(CellOrigin::new(0, 0, 70_000), None, "a column past 16 bits is not wrapped around");
    }

    #[test]
    fn stats_counted_in_runs_on_the_pool_add_up_to_one_count_of_all() {
        // Three runs and a part: what the side panel and the summary show of a large file.
        let observations: Vec<Observation> = (0..150_000u32)
            .map(|i| Observation {
                cell: Cell {
                    entity: EntityId(i / 20_000),
                    metric: MetricId(i % 3),
                    category: (i % 5 == 0).then_some(CategoryId::new(i % 4)),
                    time: Time::Year(1900 + (i % 997) as i32),
                    period: PeriodId::FULL_YEAR,
                },
                value: f64::from(i),
                source: None,
                trust: (i == 140_000).then_some(Trust::High),
                derived: i % 7 == 0,
                details: None,
                origin: None,
            })
            .collect();
        let mut whole = Stats { per_entity: vec![0; 9], ..Stats::default() };
        whole.count(&observations);
        whole.parts.sort_unstable();
        whole.parts.dedup();
        let stats = Stats::of(&observations, 9);
        assert_eq!(stats, whole);
        assert_eq!(
            (stats.year_span, stats.any_trust, stats.per_entity[7], stats.per_entity[8]),
            (Some((1900, 2896)), true, 10_000, 0)
        );
    }

    #[test]
    fn parses_years_months_and_days_and_rejects_impossible_dates() {
        assert_eq!(Time::parse("2024"), Some(Time::Year(2024)));
        assert_eq!(Time::parse("2024-03"), Time::month(2024, 3));
        assert_eq!(Time::parse("2024-02-29"), Time::day(2024, 2, 29));
        assert_eq!(Time::parse("2024-03-31").map(|t| t.to_string()).as_deref(), Some("2024-03-31"));
        assert_eq!(Time::parse("2023-02-29"), None);
        assert_eq!(Time::parse("2024-13"), None);
        assert_eq!(Time::parse("2024-3"), None);
        assert_eq!(Time::parse("20x4"), None);
        assert_eq!(Time::parse(""), None);
        assert_eq!(Time::parse("2024-01-01-01"), None);
        assert_eq!(Time::parse("2024-00"), None);
        // A year is any number; a month or a day needs a year the calendar has.
        assert_eq!(Time::parse("120000"), Some(Time::Year(120_000)));
        assert_eq!(Time::parse("120000-01"), None);
    }

    #[test]
    fn consecutive_times_differ_by_one_ordinal_across_year_ends() {
        let time = |text: &str| Time::parse(text).unwrap_or_else(|| panic!("{text} is a time"));
        let (dec, jan) = (time("2024-12"), time("2025-01"));
        assert_eq!(jan.ordinal() - dec.ordinal(), 1);
        assert_eq!(jan.previous(), Some(dec));
        let d1 = time("2025-01-01");
        assert_eq!(d1.previous(), Some(time("2024-12-31")));
        assert_eq!(d1.ordinal() - time("2024-12-31").ordinal(), 1);
        assert_eq!(time("2024-03-01").previous(), Some(time("2024-02-29")));
        assert_eq!(time("1970-01-01").ordinal(), 0);
        assert_eq!(time("1969-12-31").ordinal(), -1);
        assert_eq!(time("2025").previous(), Some(time("2024")));
        assert_eq!(Time::Day(Date::MIN).previous(), None, "no day before the calendar's first");
    }

    #[test]
    fn months_sit_between_their_year_and_the_next_on_the_x_axis() {
        assert_eq!(Time::Year(2024).x(), 2024.0);
        assert_eq!(Time::month(2024, 1).map(Time::x), Some(2024.0));
        let jul = Time::month(2024, 7).unwrap().x();
        assert!((jul - 2024.5).abs() < 1e-9);
        let last_day = Time::day(2023, 12, 31).unwrap().x();
        assert!(last_day > 2023.99 && last_day < 2024.0);
    }

    #[test]
    fn units_round_trip_through_their_identifiers() {
        for id in ["billion_yuan", "100_million_yuan", "billion_usd", "share_percent", "percent_change", "count", "TEU"]
        {
            assert_eq!(Unit::parse(id).id(), id);
        }
        assert_eq!(Unit::parse("100_million_yuan"), Unit::Money { currency: Currency::Yuan, multiplier: 1e8 });
        assert_eq!(Unit::parse("pairs"), Unit::Other("pairs".into()));
    }
}
