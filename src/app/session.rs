//! The session: what is saved between runs ([`State`]) and when it was last saved. The live
//! filter belongs to the open data; it is saved with the session.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::data::Filter;
use crate::settings::{self, SettingsProblem, State};

/// The session state and its settings file.
pub(crate) struct Session {
    /// Tab, language, theme, window size… (its `filter` stays `None` while the app runs: the
    /// filter in effect is the open data's).
    pub state: State,
    /// Where it is saved; `None`: not saved (tests).
    path: Option<PathBuf>,
    /// What was last saved (or read), to save only changes.
    saved: Option<(State, Option<Filter>)>,
    last_save: Option<Instant>,
}

/// The shortest time between two saves while the person works.
const SAVE_INTERVAL: Duration = Duration::from_secs(1);

/// What a call to [`Session::save`] did.
#[derive(Debug, PartialEq)]
pub(crate) enum Saved {
    /// Nothing changed, or it was written.
    Done,
    /// Saved too recently: try again after this long.
    Later(Duration),
    /// Writing failed (the failure is not retried until something changes again).
    Failed(SettingsProblem),
}

impl Session {
    /// A session restored from `state` (its filter is taken out: the caller opens the data with
    /// it), saved to `path`.
    pub(crate) fn new(mut state: State, path: Option<PathBuf>) -> (Session, Option<Filter>) {
        let filter = state.filter.take();
        let saved = Some((state.clone(), filter.clone()));
        (Session { state, path, saved, last_save: None }, filter)
    }

    /// Saves the session with `filter` if either changed since the last save, at most once a
    /// second unless `force` (on exit).
    pub(crate) fn save(&mut self, filter: &Filter, force: bool) -> Saved {
        let Some(path) = &self.path else { return Saved::Done };
        if self.saved.as_ref().is_some_and(|(state, saved)| *state == self.state && saved.as_ref() == Some(filter)) {
            return Saved::Done;
        }
        if let Some(elapsed) = self.last_save.map(|t| t.elapsed()).filter(|e| !force && *e < SAVE_INTERVAL) {
            return Saved::Later(SAVE_INTERVAL - elapsed);
        }
        let state = State { filter: Some(filter.clone()), ..self.state.clone() };
        let outcome = match settings::save(path, &state) {
            Ok(()) => Saved::Done,
            Err(e) => Saved::Failed(SettingsProblem::NotSaved { path: path.clone(), detail: e.to_string() }),
        };
        // Remembered even when it failed: a full disk is not retried every frame.
        self.saved = Some((self.state.clone(), Some(filter.clone())));
        self.last_save = Some(Instant::now());
        outcome
    }
}
