//! Every word a person reads, in every language the app speaks: Fluent resources, one file per
//! language in `i18n/<language>/trade_explorer.ftl`, embedded in the binary. English is the
//! fallback; [`tr!`](crate::tr) checks message ids and argument names against it at compile time.
//!
//! Numbers are not Fluent's job (it has plural rules but no digit grouping): callers pass them
//! formatted by [`crate::data::format`], with the plain number beside for plural selection.

mod lang;
mod names;
pub use lang::{Lang, add_language, load_in_background, loader, plain};
pub(crate) use names::{category_name, customary_scale, dataset_description, dataset_title, entity_name, metric_name};

mod charts;
mod errors;
mod explain;
mod messages;
mod table;
mod units;
pub use charts::{
    BarWords, LineWords, ShareWords, bar_words, empty_text, join_names, line_words, note_text, series_label,
    share_words, unavailable_text,
};
#[cfg(test)]
pub(crate) use errors::problem_text;
pub(crate) use errors::{data_format_name, load_error_text, warning_text};
pub(crate) use explain::{Explanation, explain, figure_line, trust_level};
pub(crate) use messages::{export_error_text, settings_problem_text, status_text};
pub use table::{TableRow, sort_rows, sort_table, table_row, table_rows};
pub(crate) use units::{dimension_label, format_value, period_label, time_label, unit_label, year_label};

/// A message in a language: `tr!(lang, "menu-file")`, `tr!(lang, "figures", count = "1,234", n = 1234)`.
/// The id and the argument names are checked against the English resource when compiling.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal) => {{
        let lang = $lang;
        $crate::l10n::plain(lang, $id, || i18n_embed_fl::fl!($crate::l10n::loader(lang), $id))
    }};
    ($lang:expr, $id:literal, $($args:tt)*) => {
        i18n_embed_fl::fl!($crate::l10n::loader($lang), $id, $($args)*)
    };
}

#[cfg(test)]
mod tests;
