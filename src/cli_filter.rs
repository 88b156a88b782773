//! One spec that maps every field of the [`Filter`] to command-line flags and back, so the
//! window's "Copy as command line" and the `export` command agree.

use clap::{Args, ValueEnum};

use crate::data::{BarLayout, Dataset, Filter, PeriodChoice, Trust, UnitScale, ValueMode};

/// The filter flags, one per [`Filter`] field.
#[derive(Debug, Clone, Default, PartialEq, Args)]
pub struct FilterArgs {
    /// Places to show, by id (repeat, or separate with commas); default: the dataset's selection.
    #[arg(long = "entity", value_name = "ID", value_delimiter = ',')]
    pub entities: Vec<String>,
    /// Metrics to show, by id (repeat, or separate with commas); default: the dataset's selection.
    #[arg(long = "metric", value_name = "ID", value_delimiter = ',')]
    pub metrics: Vec<String>,
    /// Parts of a whole to show beside it (categories: destinations, kinds of goods, trade modes),
    /// by id; default: none, the wholes alone.
    #[arg(long = "category", value_name = "ID", value_delimiter = ',')]
    pub categories: Vec<String>,
    /// First year shown.
    #[arg(long = "from", value_name = "YEAR")]
    pub year_from: Option<i32>,
    /// Last year shown.
    #[arg(long = "to", value_name = "YEAR")]
    pub year_to: Option<i32>,
    /// Part of the year (jan_nov, q1…); default: full years.
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
    /// Leave out figures derived from others.
    #[arg(long)]
    pub no_derived: bool,
    /// Leave out figures below this trust level.
    #[arg(long, value_enum)]
    pub min_trust: Option<Trust>,
    /// How values are shown.
    #[arg(long, value_enum)]
    pub mode: Option<ValueMode>,
    /// The total for `--mode share-of-total`, by metric id.
    #[arg(long, value_name = "ID")]
    pub total_metric: Option<String>,
    /// Money scale; default: billion, in either language (the window's "Copy command line" writes
    /// the scale it shows).
    #[arg(long = "unit", value_enum)]
    pub unit_scale: Option<UnitScale>,
    /// The year of the Compare view; default: the year with the most figures.
    #[arg(long = "year", value_name = "YEAR")]
    pub compare_year: Option<i32>,
    /// Stack the Compare view's bars instead of grouping them.
    #[arg(long)]
    pub stacked: bool,
    /// Logarithmic y axis (Over time).
    #[arg(long)]
    pub log: bool,
    /// Hide a series of the legend, by its id (`yiwu:exports`; in Compare the metric id).
    #[arg(long = "hide", value_name = "SERIES", value_delimiter = ',')]
    pub hidden: Vec<String>,
    /// Industry shares: every reported year, not only the latest figure.
    #[arg(long)]
    pub all_share_years: bool,
    /// The most lines or bar groups drawn (the largest by latest value); the rest are listed in
    /// the CSV.
    #[arg(long = "top", value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub max_series: Option<u32>,
}

impl FilterArgs {
    /// The filter these flags describe; unset selections fall back to the dataset's own.
    pub fn to_filter(&self, dataset: &Dataset) -> Filter {
        let initial = Filter::initial(dataset);
        Filter {
            entities: if self.entities.is_empty() { initial.entities } else { self.entities.iter().cloned().collect() },
            metrics: if self.metrics.is_empty() { initial.metrics } else { self.metrics.iter().cloned().collect() },
            categories: self.categories.iter().cloned().collect(),
            year_from: self.year_from,
            year_to: self.year_to,
            period: match self.period.as_deref() {
                None | Some("full_year") => PeriodChoice::FullYear,
                Some(p) => PeriodChoice::Named(p.to_string()),
            },
            include_derived: !self.no_derived,
            min_trust: self.min_trust,
            mode: self.mode.unwrap_or_default(),
            total_metric: self.total_metric.clone(),
            unit_scale: self.unit_scale.unwrap_or_default(),
            compare_year: self.compare_year,
            bar_layout: if self.stacked { BarLayout::Stacked } else { BarLayout::Grouped },
            log_scale: self.log,
            hidden: self.hidden.iter().cloned().collect(),
            latest_shares_only: !self.all_share_years,
            max_series: self.max_series.map_or(crate::data::filter::DEFAULT_MAX_SERIES, |n| n as usize),
        }
    }

    /// The flags that reproduce a filter (defaults are left out).
    pub(crate) fn from_filter(f: &Filter) -> FilterArgs {
        FilterArgs {
            entities: f.entities.iter().cloned().collect(),
            metrics: f.metrics.iter().cloned().collect(),
            categories: f.categories.iter().cloned().collect(),
            year_from: f.year_from,
            year_to: f.year_to,
            period: match &f.period {
                PeriodChoice::FullYear => None,
                PeriodChoice::Named(p) => Some(p.clone()),
            },
            no_derived: !f.include_derived,
            min_trust: f.min_trust,
            mode: (f.mode != ValueMode::default()).then_some(f.mode),
            total_metric: f.total_metric.clone(),
            unit_scale: (f.unit_scale != UnitScale::default()).then_some(f.unit_scale),
            compare_year: f.compare_year,
            stacked: f.bar_layout == BarLayout::Stacked,
            log: f.log_scale,
            hidden: f.hidden.iter().cloned().collect(),
            all_share_years: !f.latest_shares_only,
            max_series: (f.max_series != crate::data::filter::DEFAULT_MAX_SERIES).then_some(f.max_series as u32),
        }
    }

    /// The flags as command-line words.
    pub(crate) fn to_words(&self) -> Vec<String> {
        let mut words = Vec::new();
        let mut push = |flag: &str, value: String| {
            words.push(flag.to_string());
            words.push(value);
        };
        for e in &self.entities {
            push("--entity", e.clone());
        }
        for m in &self.metrics {
            push("--metric", m.clone());
        }
        for c in &self.categories {
            push("--category", c.clone());
        }
        if let Some(y) = self.year_from {
            push("--from", y.to_string());
        }
        if let Some(y) = self.year_to {
            push("--to", y.to_string());
        }
        if let Some(p) = &self.period {
            push("--period", p.clone());
        }
        if let Some(t) = self.min_trust {
            push("--min-trust", value_name(t));
        }
        if let Some(m) = self.mode {
            push("--mode", value_name(m));
        }
        if let Some(m) = &self.total_metric {
            push("--total-metric", m.clone());
        }
        if let Some(u) = self.unit_scale {
            push("--unit", value_name(u));
        }
        if let Some(y) = self.compare_year {
            push("--year", y.to_string());
        }
        for h in &self.hidden {
            push("--hide", h.clone());
        }
        if let Some(n) = self.max_series {
            push("--top", n.to_string());
        }
        for (on, flag) in [
            (self.no_derived, "--no-derived"),
            (self.stacked, "--stacked"),
            (self.log, "--log"),
            (self.all_share_years, "--all-share-years"),
        ] {
            if on {
                words.push(flag.to_string());
            }
        }
        words
    }
}

fn value_name(value: impl ValueEnum) -> String {
    value.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default()
}

/// The words as one line for a POSIX shell, each quoted only when it needs it.
pub(crate) fn shell_line(words: &[String]) -> String {
    // Only a NUL cannot be quoted, and none reaches here: datasets with control characters in
    // their text are refused when loading, and paths cannot hold one.
    shlex::try_join(words.iter().map(String::as_str)).unwrap_or_else(|_| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_bundled;
    use clap::Parser;

    #[derive(Parser)]
    struct Probe {
        #[command(flatten)]
        filter: FilterArgs,
    }

    fn round_trip(f: &Filter, d: &Dataset) -> Filter {
        let mut words = vec!["probe".to_string()];
        words.extend(FilterArgs::from_filter(f).to_words());
        let parsed = Probe::try_parse_from(&words).unwrap_or_else(|e| panic!("{words:?}: {e}"));
        parsed.filter.to_filter(d)
    }

    #[test]
    fn every_filter_field_survives_flags_and_back() {
        let d = load_bundled().unwrap().dataset;
        let everything = Filter {
            entities: ["jinhua", "yiwu"].iter().map(|s| s.to_string()).collect(),
            metrics: ["exports", "cross_border_ecommerce"].iter().map(|s| s.to_string()).collect(),
            categories: ["africa".to_string()].into(),
            year_from: Some(2019),
            year_to: Some(2025),
            period: PeriodChoice::Named("jan_nov".into()),
            include_derived: false,
            min_trust: Some(Trust::Medium),
            mode: ValueMode::ShareOfTotal,
            total_metric: Some("total_trade".into()),
            unit_scale: UnitScale::HundredMillion,
            compare_year: Some(2024),
            bar_layout: BarLayout::Stacked,
            log_scale: true,
            hidden: ["yiwu:exports".to_string(), "it's odd".to_string()].into(),
            latest_shares_only: false,
            max_series: 40,
        };
        assert_eq!(round_trip(&everything, &d), everything);
        let initial = Filter::initial(&d);
        assert_eq!(round_trip(&initial, &d), initial);
        for mode in ValueMode::ALL {
            let f = Filter { mode, ..initial.clone() };
            assert_eq!(round_trip(&f, &d), f);
        }
        for unit_scale in [UnitScale::Billion, UnitScale::HundredMillion, UnitScale::AsStored] {
            let f = Filter { unit_scale, ..initial.clone() };
            assert_eq!(round_trip(&f, &d), f);
        }
    }

    #[test]
    fn unset_selections_fall_back_to_the_datasets_own() {
        let d = load_bundled().unwrap().dataset;
        assert_eq!(FilterArgs::default().to_filter(&d), Filter::initial(&d));
    }

    #[test]
    fn a_shell_line_splits_back_into_the_same_words() {
        let words: Vec<String> =
            ["trade-explorer", "--hide", "yiwu:exports", "my data.csv", "it's", "$HOME", "a\"b", "", "义乌"]
                .iter()
                .map(|w| w.to_string())
                .collect();
        let line = shell_line(&words);
        assert_eq!(shlex::split(&line), Some(words));
        assert!(line.starts_with("trade-explorer --hide yiwu:exports "), "plain words are not quoted: {line}");
    }
}
