//! Why a chart shows what it shows, as data: the localization layer puts these into words, so a
//! chart model is the same in every language and tests compare reasons, not sentences.

use super::*;

/// Why a chart draws nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum Empty {
    /// No place, or no metric, is selected.
    NothingSelected,
    /// No place is selected (the Industry shares view needs no metric).
    NoPlaceSelected,
    /// The dataset has no figure of these metrics for these places.
    NoFigures {
        /// The selected places.
        entities: Vec<EntityId>,
        /// The selected metrics.
        metrics: Vec<MetricId>,
    },
    /// Only part-year figures exist for the selection, and the chart shows full years.
    OnlyPartYear {
        /// The periods there are figures for.
        periods: Vec<PeriodId>,
    },
    /// Figures exist, but the filters (years, derived, trust) hide them all.
    FilteredOut,
    /// There are figures, none of them yearly (the Compare view compares years).
    NoYearlyFigures,
    /// No share figure of these places passes the filters.
    NoShares {
        /// The selected places.
        entities: Vec<EntityId>,
    },
}

/// Something a chart left out, and why.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// "Share of total" without a total metric chosen.
    ChooseTotalMetric,
    /// A metric in another unit than the chart's.
    OtherUnit {
        /// The metric left out.
        metric: MetricId,
        /// Its unit.
        own: DisplayUnit,
        /// The chart's.
        chart: DisplayUnit,
    },
    /// A share or a rate in a mode that needs amounts.
    NotAnAmount {
        /// The metric left out.
        metric: MetricId,
    },
    /// A metric whose unit differs from the total it would be a share of.
    UnitDiffersFromTotal {
        /// The metric left out.
        metric: MetricId,
    },
    /// Places without a parent area, in "share of the parent area".
    NoParent {
        /// The places left out.
        entities: Vec<EntityId>,
    },
    /// A series whose values this mode cannot compute (the figures it needs are missing).
    NoValueInMode {
        /// The series left out.
        key: SeriesKey,
    },
    /// More places than bar groups: the largest are drawn, the rest are in the Table.
    LargestShown {
        /// Groups drawn.
        shown: usize,
        /// Groups left to the Table.
        more: usize,
    },
}

/// Why a choice (a value mode, the log scale, stacking) is not available.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// Growth or an index of shares and rates means nothing.
    ModeOfRates,
    /// A share of shares or rates means nothing.
    ShareOfRates,
    /// None of the selected places belongs to a larger one.
    NoParentArea,
    /// No other metric of the same unit can be the total.
    NoTotalCandidate,
    /// A log axis needs every value above zero.
    LogNonPositive,
    /// Shares, growth rates and indexes do not add up.
    StackNotAmounts,
    /// A whole is never stacked with its own parts.
    StackWholeWithParts,
    /// Only the parts of one whole can be stacked.
    StackDifferentWholes,
    /// Parts of different breakdowns (destinations, kinds of goods) overlap.
    StackDifferentDimensions,
    /// Some of the parts overlap (Belt and Road countries and Africa).
    StackOverlapping,
}
