//! The session, saved between runs: tab, filters, language, theme, window size.
//!
//! Kept in a versioned file of the app's own (not eframe's storage, which silently drops a file
//! it cannot parse and overwrites it): written atomically; a file that cannot be read is kept as
//! `settings.json.bak`, and the app starts with defaults and says so once.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::data::Filter;
use crate::data::query::TableColumn;
use crate::files::write_atomically;
use crate::l10n::Lang;
use crate::ui::{Tab, ThemeChoice};

/// The settings file format version this build writes.
pub(crate) const SETTINGS_VERSION: u32 = 1;

/// Set this to use another folder for the settings (tests do).
pub(crate) const CONFIG_DIR_ENV: &str = "TRADE_EXPLORER_CONFIG_DIR";

/// Everything a person expects to find again after a restart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// The tab shown.
    pub tab: Tab,
    /// The chart whose figures the Table lists.
    pub last_chart_tab: Tab,
    /// The filter; adapted to the dataset when it opens.
    pub filter: Option<Filter>,
    /// Language.
    pub lang: Lang,
    /// Theme.
    pub theme: ThemeChoice,
    /// The window's inner size, in points.
    pub window_size: Option<[f32; 2]>,
    /// Whether the side panel is shown.
    pub side_panel_open: bool,
    /// The Table's sort column and direction (true = ascending).
    pub table_sort: (TableColumn, bool),
    /// The folder the last export went to.
    pub last_export_folder: Option<std::path::PathBuf>,
    /// Files opened recently, newest first (at most [`RECENT_FILES`]).
    pub recent_files: Vec<std::path::PathBuf>,
}

/// How many recent files File › Open recent lists.
pub(crate) const RECENT_FILES: usize = 8;

impl Default for State {
    fn default() -> State {
        State {
            tab: Tab::OverTime,
            last_chart_tab: Tab::OverTime,
            filter: None,
            lang: Lang::default(),
            theme: ThemeChoice::System,
            window_size: None,
            side_panel_open: true,
            table_sort: (TableColumn::Entity, true),
            last_export_folder: None,
            recent_files: Vec::new(),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct SettingsFile {
    version: u32,
    state: State,
}

/// Where settings live: `$TRADE_EXPLORER_CONFIG_DIR/settings.json`, or the platform's config
/// folder (`~/.config/trade-explorer/settings.json` on Linux).
pub(crate) fn default_path() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CONFIG_DIR_ENV) {
        return Some(PathBuf::from(dir).join("settings.json"));
    }
    directories::ProjectDirs::from("", "", "trade-explorer").map(|d| d.config_dir().join("settings.json"))
}

/// Why the settings file was not used, or not written; the app starts with defaults and says so
/// once, in the window's language.
#[derive(Debug, Clone, PartialEq)]
pub enum SettingsProblem {
    /// The file exists but cannot be read.
    Unreadable {
        /// The settings file.
        path: PathBuf,
        /// What the system said.
        detail: String,
    },
    /// The file was read but not used; it was copied aside (or could not be).
    NotUsed {
        /// The settings file.
        path: PathBuf,
        /// What is wrong with it.
        why: NotUsed,
        /// Where the copy went.
        backup: PathBuf,
        /// Why the copy failed, when it did.
        backup_failed: Option<String>,
    },
    /// The session could not be saved.
    NotSaved {
        /// The settings file.
        path: PathBuf,
        /// What the system said.
        detail: String,
    },
}

/// What is wrong with a settings file that was read.
#[derive(Debug, Clone, PartialEq)]
pub enum NotUsed {
    /// Not JSON; serde's words.
    NotJson(String),
    /// Written by a newer version of the app.
    Newer(u64),
    /// JSON, but not settings this version understands; serde's words.
    NotUnderstood(String),
}

/// Reads the settings; on any problem returns defaults and what went wrong, to show once.
pub fn load(path: &Path) -> (State, Option<SettingsProblem>) {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (State::default(), None),
        Err(e) => {
            let problem = SettingsProblem::Unreadable { path: path.to_path_buf(), detail: e.to_string() };
            return (State::default(), Some(problem));
        }
    };
    let why = match serde_json::from_slice::<serde_json::Value>(&bytes) {
        Err(e) => NotUsed::NotJson(e.to_string()),
        Ok(value) => match value.get("version").and_then(|v| v.as_u64()) {
            Some(v) if v > u64::from(SETTINGS_VERSION) => NotUsed::Newer(v),
            _ => match serde_json::from_value::<SettingsFile>(value) {
                Ok(file) => return (file.state, None),
                Err(e) => NotUsed::NotUnderstood(e.to_string()),
            },
        },
    };
    let backup = backup_path(path);
    let backup_failed = std::fs::copy(path, &backup).err().map(|e| e.to_string());
    (State::default(), Some(SettingsProblem::NotUsed { path: path.to_path_buf(), why, backup, backup_failed }))
}

/// `settings.json` → `settings.json.bak`.
pub(crate) fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes the settings atomically, creating the folder if needed.
pub(crate) fn save(path: &Path, state: &State) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let file = SettingsFile { version: SETTINGS_VERSION, state: state.clone() };
    let text = serde_json::to_string_pretty(&file).map_err(std::io::Error::other)?;
    write_atomically(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        let state = State { tab: Tab::Compare, lang: Lang::ZH, window_size: Some([1400.0, 900.0]), ..State::default() };
        save(&path, &state).unwrap();
        assert_eq!(load(&path), (state, None));
    }

    #[test]
    fn a_corrupt_file_is_kept_as_bak_and_defaults_are_used() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        std::fs::write(&path, "{ not json").unwrap();
        let (state, message) = load(&path);
        assert_eq!(state, State::default());
        assert!(matches!(
            message,
            Some(SettingsProblem::NotUsed { why: NotUsed::NotJson(_), backup_failed: None, .. })
        ));
        assert_eq!(std::fs::read_to_string(backup_path(&path)).unwrap(), "{ not json");
    }

    #[test]
    fn a_file_from_a_newer_version_is_not_overwritten_without_a_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        std::fs::write(&path, r#"{"version": 7, "state": {}}"#).unwrap();
        let (_, message) = load(&path);
        assert!(matches!(message, Some(SettingsProblem::NotUsed { why: NotUsed::Newer(7), .. })), "{message:?}");
        assert!(backup_path(&path).exists());
    }

    #[test]
    fn an_unreadable_settings_file_gives_defaults_and_a_message() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the file should be: reading it fails whoever runs the test.
        let path = dir.path().join("settings.json");
        std::fs::create_dir(&path).unwrap();
        let (state, message) = load(&path);
        assert_eq!(state, State::default());
        assert!(matches!(message, Some(SettingsProblem::Unreadable { .. })), "{message:?}");
    }

    #[test]
    fn saving_into_a_folder_that_cannot_be_created_fails_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("not-a-folder");
        std::fs::write(&blocker, "a file").unwrap();
        let err = save(&blocker.join("settings.json"), &State::default()).unwrap_err();
        assert!(matches!(err.kind(), std::io::ErrorKind::NotADirectory | std::io::ErrorKind::AlreadyExists), "{err:?}");
    }

    #[test]
    fn a_missing_file_is_silently_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(&dir.path().join("settings.json")), (State::default(), None));
    }
}
