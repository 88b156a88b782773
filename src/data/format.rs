//! Numbers, units and names as people read them, in English or Chinese.

use serde::{Deserialize, Serialize};

use super::model::{Category, Currency, Dataset, Entity, Metric, Unit};

/// The language of names and labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Every language the app speaks.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The language for a system locale ("zh-CN", "zh_TW.UTF-8", "en-US"): Chinese for any
    /// Chinese locale, English otherwise.
    pub fn of_locale(locale: Option<&str>) -> Lang {
        match locale {
            Some(l) if l.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("zh")) => Lang::Zh,
            _ => Lang::En,
        }
    }

    /// Picks the English or the Chinese text.
    pub fn pick<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// The Chinese text in Chinese where there is one, the English otherwise.
fn in_lang<'a>(lang: Lang, en: &'a str, zh: &'a Option<String>) -> &'a str {
    match (lang, zh) {
        (Lang::Zh, Some(zh)) => zh,
        _ => en,
    }
}

/// The dataset's title in a language, falling back to English.
pub fn dataset_title(d: &Dataset, lang: Lang) -> &str {
    in_lang(lang, &d.title, &d.title_zh)
}

/// The dataset's description in a language, falling back to English.
pub fn dataset_description(d: &Dataset, lang: Lang) -> &str {
    in_lang(lang, &d.description, &d.description_zh)
}

/// An entity's name in a language, falling back to English.
pub fn entity_name(entity: &Entity, lang: Lang) -> &str {
    in_lang(lang, &entity.name, &entity.name_zh)
}

/// A metric's name in a language, falling back to English.
pub fn metric_name(metric: &Metric, lang: Lang) -> &str {
    in_lang(lang, &metric.name, &metric.name_zh)
}

/// A category's name in a language, falling back to English.
pub fn category_name(category: &Category, lang: Lang) -> &str {
    in_lang(lang, &category.name, &category.name_zh)
}

/// What a whole is split by, as a heading: `destination` → "By destination" / "按目的地".
pub fn dimension_label(dimension: Option<&str>, lang: Lang) -> String {
    match dimension {
        Some("destination") => lang.pick("By destination", "按目的地").into(),
        Some("goods") => lang.pick("By kind of goods", "按商品类别").into(),
        Some("trade_mode") => lang.pick("By trade mode", "按贸易方式").into(),
        Some(other) => other.replace('_', " "),
        None => lang.pick("Other parts", "其他分项").into(),
    }
}

/// A period's label: `full_year` → "", `jan_nov` → "Jan–Nov" / "1–11月".
pub fn period_label(period: &str, lang: Lang) -> String {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let month = |m: &str| MONTHS.iter().position(|x| *x == m).map(|i| i + 1);
    let title = |m: &str| {
        let mut c = m.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
    };
    match period {
        "full_year" => String::new(),
        "q1" | "q2" | "q3" | "q4" => match lang {
            Lang::En => period.to_uppercase(),
            Lang::Zh => format!("第{}季度", &period[1..]),
        },
        "h1" => lang.pick("H1", "上半年").into(),
        "h2" => lang.pick("H2", "下半年").into(),
        _ => {
            let parts: Vec<&str> = period.split('_').collect();
            match parts.as_slice() {
                [a, b] if month(a).is_some() && month(b).is_some() => match lang {
                    Lang::En => format!("{}–{}", title(a), title(b)),
                    Lang::Zh => format!("{}–{}月", month(a).unwrap_or(0), month(b).unwrap_or(0)),
                },
                [a] if month(a).is_some() => match lang {
                    Lang::En => title(a),
                    Lang::Zh => format!("{}月", month(a).unwrap_or(0)),
                },
                _ => period.replace('_', " "),
            }
        }
    }
}

/// Formats a number with thousands separators and at most `max_decimals` decimals, trailing
/// zeros removed: 1050.86 → "1,050.86", 4991000000 → "4,991,000,000", -0.04 → "-0.04".
pub fn format_number(value: f64, max_decimals: usize) -> String {
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
pub fn natural_decimals(value: f64) -> usize {
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
    ShareOfMetric(String),
    /// A number of things.
    Count,
    /// Anything else, as written.
    Other(String),
}

impl DisplayUnit {
    /// The display unit of values stored in `unit`.
    pub fn of(unit: &Unit) -> DisplayUnit {
        match unit {
            Unit::Money { currency, multiplier } => DisplayUnit::Money { currency: *currency, multiplier: *multiplier },
            Unit::SharePercent => DisplayUnit::SharePercent,
            Unit::PercentChange => DisplayUnit::PercentChange,
            Unit::Count => DisplayUnit::Count,
            Unit::Other(text) => DisplayUnit::Other(text.clone()),
        }
    }

    /// The axis label: "billion yuan", "亿元", "%", "index (first year = 100)".
    pub fn label(&self, lang: Lang) -> String {
        match self {
            DisplayUnit::Money { currency, multiplier } => {
                let (amount_en, amount_zh) = match *multiplier {
                    1e12 => ("trillion ", "万亿"),
                    1e9 => ("billion ", "十亿"),
                    1e8 => ("100 million ", "亿"),
                    1e6 => ("million ", "百万"),
                    1e4 => ("10 thousand ", "万"),
                    1e3 => ("thousand ", "千"),
                    _ => ("", ""),
                };
                match (currency, lang) {
                    (Currency::Yuan, Lang::En) => format!("{amount_en}yuan"),
                    (Currency::Yuan, Lang::Zh) => format!("{amount_zh}元"),
                    (Currency::Usd, Lang::En) => format!("{amount_en}US dollars"),
                    (Currency::Usd, Lang::Zh) => format!("{amount_zh}美元"),
                }
            }
            DisplayUnit::SharePercent => "%".into(),
            DisplayUnit::PercentChange => lang.pick("% change", "增长 %").into(),
            DisplayUnit::GrowthOnPrevious => lang.pick("% change on previous period", "较上期增长 %").into(),
            DisplayUnit::Index => lang.pick("index (first value = 100)", "指数(首值 = 100)").into(),
            DisplayUnit::ShareOfParent => lang.pick("% of the parent area", "占上级地区 %").into(),
            DisplayUnit::ShareOfMetric(name) => match lang {
                Lang::En => format!("% of {name}"),
                Lang::Zh => format!("占{name} %"),
            },
            DisplayUnit::Count => String::new(),
            DisplayUnit::Other(text) => text.replace('_', " "),
        }
    }

    /// Whether values carry a `%` sign rather than a unit word.
    pub fn is_percent(&self) -> bool {
        matches!(
            self,
            DisplayUnit::SharePercent
                | DisplayUnit::PercentChange
                | DisplayUnit::GrowthOnPrevious
                | DisplayUnit::ShareOfParent
                | DisplayUnit::ShareOfMetric(_)
        )
    }

    /// A value with its unit: "921.3 billion yuan", "70 %", "+19.4 %", "4,991,000,000".
    pub fn format_value(&self, value: f64, lang: Lang) -> String {
        let number = self.format_number(value);
        match self {
            unit if unit.is_percent() => format!("{number} %"),
            DisplayUnit::Count | DisplayUnit::Index => number,
            unit => {
                let label = unit.label(lang);
                if label.is_empty() { number } else { format!("{number} {label}") }
            }
        }
    }

    /// A value without its unit, for a column whose header names the unit: "921.3", "70",
    /// "+19.4" (changes carry their sign).
    pub fn format_number(&self, value: f64) -> String {
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
    fn values_read_with_their_units_in_both_languages() {
        let billion = DisplayUnit::Money { currency: Currency::Yuan, multiplier: 1e9 };
        assert_eq!(billion.format_value(921.3, Lang::En), "921.3 billion yuan");
        let yi = DisplayUnit::Money { currency: Currency::Yuan, multiplier: 1e8 };
        assert_eq!(yi.format_value(9213.0, Lang::Zh), "9,213 亿元");
        assert_eq!(yi.label(Lang::En), "100 million yuan");
        let usd = DisplayUnit::Money { currency: Currency::Usd, multiplier: 1e9 };
        assert_eq!(usd.format_value(150.5, Lang::En), "150.5 billion US dollars");
        assert_eq!(DisplayUnit::PercentChange.format_value(19.4, Lang::En), "+19.4 %");
        assert_eq!(DisplayUnit::SharePercent.format_value(70.0, Lang::En), "70 %");
        assert_eq!(DisplayUnit::Count.format_value(80000.0, Lang::En), "80,000");
    }

    #[test]
    fn chinese_locales_choose_chinese() {
        for locale in ["zh-CN", "zh_TW.UTF-8", "zh", "ZH-hans"] {
            assert_eq!(Lang::of_locale(Some(locale)), Lang::Zh, "{locale}");
        }
        for locale in [Some("en-US"), Some("de_DE.UTF-8"), Some("C"), Some(""), None] {
            assert_eq!(Lang::of_locale(locale), Lang::En, "{locale:?}");
        }
    }

    #[test]
    fn a_bare_number_keeps_the_sign_of_a_change_and_drops_the_unit() {
        let billion = DisplayUnit::Money { currency: Currency::Yuan, multiplier: 1e9 };
        assert_eq!(billion.format_number(1050.86), "1,050.86");
        assert_eq!(DisplayUnit::PercentChange.format_number(19.4), "+19.4");
        assert_eq!(DisplayUnit::GrowthOnPrevious.format_number(-3.26), "-3.3");
        assert_eq!(DisplayUnit::SharePercent.format_number(70.0), "70");
    }

    #[test]
    fn periods_read_as_month_spans() {
        assert_eq!(period_label("jan_nov", Lang::En), "Jan–Nov");
        assert_eq!(period_label("jan_nov", Lang::Zh), "1–11月");
        assert_eq!(period_label("q1", Lang::En), "Q1");
        assert_eq!(period_label("h1", Lang::Zh), "上半年");
        assert_eq!(period_label("full_year", Lang::En), "");
        assert_eq!(period_label("sep2016_aug2017", Lang::En), "sep2016 aug2017");
    }
}
