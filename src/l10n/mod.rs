//! Every word a person reads, in every language the app speaks: Fluent resources, one file per
//! language in `i18n/<language>/trade_explorer.ftl`, embedded in the binary. English is the
//! fallback; [`tr!`](crate::tr) checks message ids and argument names against it at compile time.
//!
//! Numbers are not Fluent's job (it has plural rules but no digit grouping): callers pass them
//! formatted by [`crate::data::format`], with the plain number beside for plural selection.

use std::sync::OnceLock;

use i18n_embed::LanguageLoader;
use i18n_embed::fluent::FluentLanguageLoader;
use rust_embed::RustEmbed;
use unic_langid::LanguageIdentifier;

pub use crate::data::Lang;

mod charts;
mod errors;
mod explain;
mod table;
mod units;
pub use charts::{
    BarWords, LineWords, ShareWords, bar_words, empty_text, join_names, line_words, note_text, series_label,
    share_words, unavailable_text,
};
pub use errors::{load_error_text, place_text, problem_text, warning_text};
pub use explain::{Explanation, explain, figure_line, trust_level};
pub use table::{TableRow, sort_rows, sort_table, table_row, table_rows};
pub use units::{dimension_label, format_value, period_label, unit_label};

/// The resource files, embedded at build time.
#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Resources;

/// The loaders of the built-in languages, loaded once: English (the fallback) and Chinese.
struct Loaders {
    en: FluentLanguageLoader,
    zh: FluentLanguageLoader,
}

fn tag(lang: Lang) -> LanguageIdentifier {
    let text = match lang {
        Lang::En => "en",
        Lang::Zh => "zh-CN",
    };
    text.parse().expect("a valid language tag")
}

fn loaders() -> &'static Loaders {
    static LOADERS: OnceLock<Loaders> = OnceLock::new();
    LOADERS.get_or_init(|| {
        let all = FluentLanguageLoader::new("trade_explorer", tag(Lang::En));
        all.load_languages(&Resources, &[tag(Lang::En), tag(Lang::Zh)]).expect("the embedded resources load");
        // Fluent wraps every placeable in Unicode isolation marks by default; inside copied
        // text, CSV and file names they would be invisible garbage.
        all.set_use_isolating(false);
        Loaders { en: all.select_languages(&[tag(Lang::En)]), zh: all.select_languages(&[tag(Lang::Zh)]) }
    })
}

/// The loader of a language, for [`tr!`](crate::tr).
pub fn loader(lang: Lang) -> &'static FluentLanguageLoader {
    let loaders = loaders();
    match lang {
        Lang::En => &loaders.en,
        Lang::Zh => &loaders.zh,
    }
}

/// A message in a language: `tr!(lang, "menu-file")`, `tr!(lang, "figures", count = "1,234", n = 1234)`.
/// The id and the argument names are checked against the English resource when compiling.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal) => {
        i18n_embed_fl::fl!($crate::l10n::loader($lang), $id)
    };
    ($lang:expr, $id:literal, $($args:tt)*) => {
        i18n_embed_fl::fl!($crate::l10n::loader($lang), $id, $($args)*)
    };
}

#[cfg(test)]
mod tests;
