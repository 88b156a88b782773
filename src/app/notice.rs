//! The status line's message: what happened, kept as data and put into words in the window's
//! language when shown, so a language switch changes it too.

use crate::data::Loaded;
use crate::l10n::{Lang, settings_problem_text, warning_text};
use crate::settings::SettingsProblem;
use crate::tr;

/// What the status line says, until something newer happens.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Notice {
    /// The settings file was not used, or the session could not be saved.
    Settings(SettingsProblem),
    /// The open data has warnings (the columns or rows that could not be charted).
    Warnings,
    /// A file was opened (its warnings follow).
    Opened {
        /// The file's name or address.
        origin: String,
    },
    /// The person cancelled opening a file.
    OpeningCancelled,
}

impl Notice {
    /// The notice in words; `loaded` is the open data, whose warnings are named.
    pub(crate) fn text(&self, loaded: &Loaded, lang: Lang) -> String {
        match self {
            Notice::Settings(problem) => settings_problem_text(problem, lang),
            Notice::Warnings => warnings_text(loaded, lang).unwrap_or_default(),
            Notice::Opened { origin } => {
                let opened = tr!(lang, "app-opened", origin = origin.as_str());
                match warnings_text(loaded, lang) {
                    Some(warnings) => format!("{opened} {warnings}"),
                    None => opened,
                }
            }
            Notice::OpeningCancelled => tr!(lang, "opening-opening-was-cancelled"),
        }
    }
}

/// "Warning: …; …", or `None` when the data has no warnings.
fn warnings_text(loaded: &Loaded, lang: Lang) -> Option<String> {
    (!loaded.warnings.is_empty()).then(|| {
        let warnings: Vec<String> = loaded.warnings.iter().map(|w| warning_text(w, lang)).collect();
        tr!(lang, "app-warning", warnings = warnings.join("; "))
    })
}
