//! A dataset's own names in a language: its `name_zh` fields in Chinese, its names otherwise.

use crate::data::{Category, Dataset, Entity, Metric, UnitScale};
use crate::tr;

use super::Lang;

/// The dataset's Chinese text in Chinese where there is one, its own otherwise.
fn in_lang<'a>(lang: Lang, own: &'a str, zh: &'a Option<String>) -> &'a str {
    match zh {
        Some(zh) if lang.uses_chinese_names() => zh,
        _ => own,
    }
}

/// The dataset's title in a language.
pub(crate) fn dataset_title(d: &Dataset, lang: Lang) -> &str {
    in_lang(lang, &d.title, &d.title_zh)
}

/// The dataset's description in a language.
pub(crate) fn dataset_description(d: &Dataset, lang: Lang) -> &str {
    in_lang(lang, &d.description, &d.description_zh)
}

/// An entity's name in a language.
pub(crate) fn entity_name(entity: &Entity, lang: Lang) -> &str {
    in_lang(lang, &entity.name, &entity.name_zh)
}

/// A metric's name in a language.
pub(crate) fn metric_name(metric: &Metric, lang: Lang) -> &str {
    in_lang(lang, &metric.name, &metric.name_zh)
}

/// A category's name in a language.
pub(crate) fn category_name(category: &Category, lang: Lang) -> &str {
    in_lang(lang, &category.name, &category.name_zh)
}

/// The scale readers of a language count money in, as its resource says (`money-scale`):
/// billions in English, hundreds of millions (yi) in Chinese statistics. "As stored" stays: it was
/// chosen on purpose.
pub(crate) fn customary_scale(scale: UnitScale, lang: Lang) -> UnitScale {
    match scale {
        UnitScale::AsStored => UnitScale::AsStored,
        _ if tr!(lang, "money-scale") == "hundred-million" => UnitScale::HundredMillion,
        _ => UnitScale::Billion,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_follows_the_language_unless_shown_as_stored() {
        assert_eq!(customary_scale(UnitScale::Billion, Lang::ZH), UnitScale::HundredMillion);
        assert_eq!(customary_scale(UnitScale::HundredMillion, Lang::EN), UnitScale::Billion);
        assert_eq!(customary_scale(UnitScale::Billion, Lang::EN), UnitScale::Billion);
        assert_eq!(customary_scale(UnitScale::AsStored, Lang::ZH), UnitScale::AsStored);
    }
}
