//! Numbers as people read them (grouped thousands, the digits a figure was reported with) and
//! the units charts show; their words are the localization layer's.

use super::model::{Currency, MetricId, Unit};

/// Formats a number with thousands separators and at most `max_decimals` decimals, trailing
/// zeros removed: 1050.86 → "1,050.86", 4991000000 → "4,991,000,000", -0.04 → "-0.04".
pub(crate) fn format_number(value: f64, max_decimals: usize) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let text = format!("{:.*}", max_decimals, value);
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let frac = frac.trim_end_matches('0');
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if grouped.chars().all(|c| c == '0' || c == ',') && frac.is_empty() { "" } else { sign };
    if frac.is_empty() { format!("{sign}{grouped}") } else { format!("{sign}{grouped}.{frac}") }
}

/// Enough decimals to show a stored figure exactly as it was written (up to 4).
pub(crate) fn natural_decimals(value: f64) -> usize {
    (0..4)
        .find(|&d| {
            let scaled = value * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(4)
}

/// The unit a chart's values are shown in, after scaling and value modes.
#[derive(Debug, Clone, PartialEq)]
pub enum DisplayUnit {
    /// Money in a currency, counted in `multiplier` units.
    Money {
        /// Yuan or dollars.
        currency: Currency,
        /// 1e9 for billions, 1e8 for 100 millions.
        multiplier: f64,
    },
    /// A share, 0–100 %.
    SharePercent,
    /// A reported growth rate.
    PercentChange,
    /// Growth on the previous period, computed by the query.
    GrowthOnPrevious,
    /// Index, first visible value = 100.
    Index,
    /// A computed share of the parent entity's value.
    ShareOfParent,
    /// A computed share of another metric.
    ShareOfMetric(MetricId),
    /// A number of things.
    Count,
    /// Anything else, as written.
    Other(String),
}

impl DisplayUnit {
    /// The display unit of values stored in `unit`.
    pub(crate) fn of(unit: &Unit) -> DisplayUnit {
        match unit {
            Unit::Money { currency, multiplier } => DisplayUnit::Money { currency: *currency, multiplier: *multiplier },
            Unit::SharePercent => DisplayUnit::SharePercent,
            Unit::PercentChange => DisplayUnit::PercentChange,
            Unit::Count => DisplayUnit::Count,
            Unit::Other(text) => DisplayUnit::Other(text.clone()),
        }
    }

    /// Whether values carry a `%` sign rather than a unit word.
    pub(crate) fn is_percent(&self) -> bool {
        matches!(
            self,
            DisplayUnit::SharePercent
                | DisplayUnit::PercentChange
                | DisplayUnit::GrowthOnPrevious
                | DisplayUnit::ShareOfParent
                | DisplayUnit::ShareOfMetric(_)
        )
    }

    /// A value without its unit, for a column whose header names the unit: "921.3", "70",
    /// "+19.4" (changes carry their sign).
    pub(crate) fn format_number(&self, value: f64) -> String {
        let decimals = match self {
            DisplayUnit::GrowthOnPrevious
            | DisplayUnit::Index
            | DisplayUnit::ShareOfParent
            | DisplayUnit::ShareOfMetric(_) => 1,
            _ => natural_decimals(value).max(if value.abs() < 10.0 { 2 } else { 0 }).min(3),
        };
        let number = format_number(value, decimals);
        match self {
            DisplayUnit::PercentChange | DisplayUnit::GrowthOnPrevious if value > 0.0 => format!("+{number}"),
            _ => number,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_get_thousands_separators_and_lose_trailing_zeros() {
        assert_eq!(format_number(1050.86, 2), "1,050.86");
        assert_eq!(format_number(921.3, 3), "921.3");
        assert_eq!(format_number(4_991_000_000.0, 0), "4,991,000,000");
        assert_eq!(format_number(-1234.5, 1), "-1,234.5");
        assert_eq!(format_number(-0.0001, 2), "0");
        assert_eq!(format_number(100.0, 2), "100");
        assert_eq!(format_number(f64::NAN, 2), "–");
    }

    #[test]
    fn a_bare_number_keeps_the_sign_of_a_change_and_drops_the_unit() {
        let billion = DisplayUnit::Money { currency: Currency::Yuan, multiplier: 1e9 };
        assert_eq!(billion.format_number(1050.86), "1,050.86");
        assert_eq!(DisplayUnit::PercentChange.format_number(19.4), "+19.4");
        assert_eq!(DisplayUnit::GrowthOnPrevious.format_number(-3.26), "-3.3");
        assert_eq!(DisplayUnit::SharePercent.format_number(70.0), "70");
    }
}
