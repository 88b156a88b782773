//! Units, periods and breakdowns in words: "billion yuan", "Jan–Nov", "By destination", in each
//! language as its resource writes them.

use crate::data::{Currency, Dataset, DisplayUnit, Time};
use crate::l10n::Lang;
use crate::l10n::metric_name;
use crate::tr;

/// The axis label of a unit: "billion yuan" (100 million yuan in Chinese), "%", "index (first value = 100)"; empty
/// for a plain count.
pub(crate) fn unit_label(d: &Dataset, unit: &DisplayUnit, lang: Lang) -> String {
    match unit {
        DisplayUnit::Money { currency, multiplier } => {
            let scale = match *multiplier {
                1e12 => "trillion",
                1e9 => "billion",
                1e8 => "hundred-million",
                1e6 => "million",
                1e4 => "ten-thousand",
                1e3 => "thousand",
                _ => "one",
            };
            let currency = match currency {
                Currency::Yuan => tr!(lang, "currency-yuan"),
                Currency::Usd => tr!(lang, "currency-usd"),
            };
            tr!(lang, "unit-money", scale = scale, currency = currency)
        }
        DisplayUnit::SharePercent => "%".into(),
        DisplayUnit::PercentChange => tr!(lang, "unit-percent-change"),
        DisplayUnit::GrowthOnPrevious => tr!(lang, "unit-growth-on-previous"),
        DisplayUnit::Index => tr!(lang, "unit-index"),
        DisplayUnit::ShareOfParent => tr!(lang, "unit-share-of-parent"),
        DisplayUnit::ShareOfMetric(m) => tr!(lang, "unit-share-of-metric", metric = metric_name(d.metric(*m), lang)),
        DisplayUnit::Count => String::new(),
        DisplayUnit::Other(text) => text.replace('_', " "),
    }
}

/// A year as people read it: "2024"; "500 BCE" for -500, as Our World in Data shows it.
pub(crate) fn year_label(year: i32, lang: Lang) -> String {
    if year < 0 { tr!(lang, "year-bce", year = year.unsigned_abs().to_string()) } else { year.to_string() }
}

/// A time as people read it: "2024", "2024-03", "500 BCE".
pub(crate) fn time_label(time: Time, lang: Lang) -> String {
    match time {
        Time::Year(year) => year_label(year, lang),
        other => other.to_string(),
    }
}

/// A value with its unit: "921.3 billion yuan", "70 %", "+19.4 %", "4,991,000,000".
pub(crate) fn format_value(d: &Dataset, unit: &DisplayUnit, value: f64, lang: Lang) -> String {
    let number = unit.format_number(value);
    match unit {
        unit if unit.is_percent() => format!("{number} %"),
        DisplayUnit::Count | DisplayUnit::Index => number,
        unit => {
            let label = unit_label(d, unit, lang);
            if label.is_empty() { number } else { tr!(lang, "value-with-unit", number = number, unit = label) }
        }
    }
}

/// A period's label: `full_year` → "", `jan_nov` → "Jan–Nov", `q1` → "Q1";
/// a period the app does not know is shown as its id.
pub(crate) fn period_label(period: &str, lang: Lang) -> String {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let month = |m: &str| MONTHS.iter().position(|x| *x == m).map(|i| month_name(i + 1, lang));
    match period {
        "full_year" => String::new(),
        "q1" | "q2" | "q3" | "q4" => tr!(lang, "period-quarter", n = period[1..].to_string()),
        "h1" => tr!(lang, "period-h1"),
        "h2" => tr!(lang, "period-h2"),
        _ => match period.split('_').collect::<Vec<_>>().as_slice() {
            [a, b] => match (month(a), month(b)) {
                (Some(from), Some(to)) => tr!(lang, "period-months", from = from, to = to),
                _ => period.replace('_', " "),
            },
            [a] => month(a).map_or_else(|| period.replace('_', " "), |m| tr!(lang, "period-month", month = m)),
            _ => period.replace('_', " "),
        },
    }
}

/// A month as a period label shows it: "Jan" in English, the month's number in Chinese.
fn month_name(month: usize, lang: Lang) -> String {
    match month {
        1 => tr!(lang, "month-1"),
        2 => tr!(lang, "month-2"),
        3 => tr!(lang, "month-3"),
        4 => tr!(lang, "month-4"),
        5 => tr!(lang, "month-5"),
        6 => tr!(lang, "month-6"),
        7 => tr!(lang, "month-7"),
        8 => tr!(lang, "month-8"),
        9 => tr!(lang, "month-9"),
        10 => tr!(lang, "month-10"),
        11 => tr!(lang, "month-11"),
        _ => tr!(lang, "month-12"),
    }
}

/// What a whole is split by, as a heading: `destination` → "By destination"; a
/// breakdown the app does not know is shown as its id.
pub(crate) fn dimension_label(dimension: Option<&str>, lang: Lang) -> String {
    match dimension {
        Some("destination") => tr!(lang, "dimension-destination"),
        Some("goods") => tr!(lang, "dimension-goods"),
        Some("trade_mode") => tr!(lang, "dimension-trade-mode"),
        Some("partner") => tr!(lang, "dimension-partner"),
        // UN Comtrade's commodities, one dimension per level of the code (2, 4, 6 digits).
        Some(other) if other.starts_with("commodity_") || other.starts_with("partner_commodity_") => {
            let (both, digits) = match other.strip_prefix("partner_commodity_") {
                Some(digits) => (true, digits),
                None => (false, other.trim_start_matches("commodity_")),
            };
            match both {
                true => tr!(lang, "dimension-partner-commodity", digits = digits),
                false => tr!(lang, "dimension-commodity", digits = digits),
            }
        }
        Some(other) => other.replace('_', " "),
        None => tr!(lang, "dimension-other"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_bundled;

    #[test]
    fn a_year_before_the_common_era_reads_as_our_world_in_data_writes_it() {
        assert_eq!(year_label(-500, Lang::EN), "500 BCE");
        assert_eq!(year_label(-500, Lang::ZH), "公元前500年");
        assert_eq!(year_label(-10_000, Lang::EN), "10000 BCE");
        assert_eq!(year_label(2024, Lang::ZH), "2024");
        assert_eq!(time_label(Time::Year(-1), Lang::EN), "1 BCE");
        assert_eq!(time_label(Time::month(2024, 3).expect("a month"), Lang::EN), "2024-03");
    }

    #[test]
    fn values_read_with_their_units_in_both_languages() {
        let d = load_bundled().unwrap_or_else(|e| panic!("{e:?}")).dataset;
        let billion = DisplayUnit::Money { currency: Currency::Yuan, multiplier: 1e9 };
        assert_eq!(format_value(&d, &billion, 921.3, Lang::EN), "921.3 billion yuan");
        let yi = DisplayUnit::Money { currency: Currency::Yuan, multiplier: 1e8 };
        assert_eq!(format_value(&d, &yi, 9213.0, Lang::ZH), "9,213 亿元");
        assert_eq!(unit_label(&d, &yi, Lang::EN), "100 million yuan");
        let usd = DisplayUnit::Money { currency: Currency::Usd, multiplier: 1e9 };
        assert_eq!(format_value(&d, &usd, 150.5, Lang::EN), "150.5 billion US dollars");
        assert_eq!(format_value(&d, &DisplayUnit::PercentChange, 19.4, Lang::EN), "+19.4 %");
        assert_eq!(format_value(&d, &DisplayUnit::SharePercent, 70.0, Lang::EN), "70 %");
        assert_eq!(format_value(&d, &DisplayUnit::Count, 80000.0, Lang::EN), "80,000");
        let total = d.metric_id("total_trade").expect("total trade");
        assert_eq!(unit_label(&d, &DisplayUnit::ShareOfMetric(total), Lang::EN), "% of Total foreign trade");
        assert_eq!(unit_label(&d, &DisplayUnit::ShareOfMetric(total), Lang::ZH), "占进出口总额 %");
    }

    #[test]
    fn periods_read_as_month_spans() {
        assert_eq!(period_label("jan_nov", Lang::EN), "Jan–Nov");
        assert_eq!(period_label("jan_nov", Lang::ZH), "1–11月");
        assert_eq!(period_label("q1", Lang::EN), "Q1");
        assert_eq!(period_label("h1", Lang::ZH), "上半年");
        assert_eq!(period_label("full_year", Lang::EN), "");
        assert_eq!(period_label("sep2016_aug2017", Lang::EN), "sep2016 aug2017");
    }
}
