//! The app's own messages in words: settings that were not used or saved, exports that failed.

use crate::data::Dataset;
use crate::data::format::format_number;
use crate::data::query::FilterSummary;
use crate::export::ExportError;
use crate::settings::{NotUsed, SettingsProblem};
use crate::tr;

use super::Lang;

/// The status line's count of figures and what the filters hide: "409 figures · Filters hide 59
/// of 69 selected figures (59 other periods)".
pub(crate) fn status_text(d: &Dataset, summary: &FilterSummary, lang: Lang) -> String {
    let count = |n: usize| format_number(n as f64, 0);
    let figures = tr!(lang, "figure-count", n = d.observations.len(), count = count(d.observations.len()));
    let hidden = summary.by_years + summary.by_period + summary.by_derived + summary.by_trust;
    if hidden == 0 {
        return figures;
    }
    let mut why = Vec::new();
    if summary.by_years > 0 {
        why.push(tr!(lang, "app-hidden-by-years", count = count(summary.by_years)));
    }
    if summary.by_period > 0 {
        why.push(tr!(lang, "app-hidden-by-period", count = count(summary.by_period)));
    }
    if summary.by_derived > 0 {
        why.push(tr!(lang, "app-hidden-by-derived", count = count(summary.by_derived)));
    }
    if summary.by_trust > 0 {
        why.push(tr!(lang, "app-hidden-by-trust", count = count(summary.by_trust)));
    }
    let why = why.join(&tr!(lang, "list-separator"));
    let hides = tr!(lang, "app-filters-hide", hidden = count(hidden), selected = count(summary.selected), why = why);
    format!("{figures} · {hides}")
}

/// A settings problem in words: what happened to the file and that the app started with defaults.
pub(crate) fn settings_problem_text(problem: &SettingsProblem, lang: Lang) -> String {
    match problem {
        SettingsProblem::Unreadable { path, detail } => {
            tr!(lang, "settings-unreadable", path = path.display().to_string(), detail = detail.as_str())
        }
        SettingsProblem::NotSaved { path, detail } => {
            tr!(lang, "settings-not-saved", path = path.display().to_string(), detail = detail.as_str())
        }
        SettingsProblem::NotUsed { path, why, backup, backup_failed } => {
            let path = path.display().to_string();
            let backup = backup.display().to_string();
            let kept = match backup_failed {
                None => tr!(lang, "settings-kept", backup = backup.as_str()),
                Some(detail) => tr!(lang, "settings-not-copied", backup = backup.as_str(), detail = detail.as_str()),
            };
            match why {
                NotUsed::NotJson(detail) => {
                    tr!(lang, "settings-not-json", path = path, detail = detail.as_str(), kept = kept)
                }
                NotUsed::Newer(version) => {
                    tr!(lang, "settings-newer", path = path, version = version.to_string(), kept = kept)
                }
                NotUsed::NotUnderstood(detail) => {
                    tr!(lang, "settings-not-understood", path = path, detail = detail.as_str(), kept = kept)
                }
            }
        }
    }
}

/// Why an export failed, in words: "could not write /tmp/a.png: permission denied".
pub(crate) fn export_error_text(error: &ExportError, lang: Lang) -> String {
    match error {
        ExportError::Write { path, source } => {
            tr!(lang, "export-error-write", path = path.display().to_string(), detail = source.to_string())
        }
        ExportError::Render(detail) => tr!(lang, "export-error-render", detail = detail.as_str()),
        ExportError::RendererStopped => tr!(lang, "export-error-renderer-stopped"),
        ExportError::Encode(detail) => tr!(lang, "export-error-encode", detail = detail.as_str()),
        ExportError::EmptyImage => tr!(lang, "export-error-empty-image"),
    }
}

/// In the fallback language (English): for logs and the terminal.
impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&export_error_text(self, Lang::default()))
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}
