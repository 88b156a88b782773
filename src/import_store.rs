//! The import choices a person made, remembered beside the settings
//! (`import_choices.json`), keyed by the file's path, the sheet and the header they were made
//! for, so reopening the file (or F5) reads it the same way. Written atomically; a file that
//! cannot be read is set aside like the settings are, and nothing is remembered until it is
//! fixed or removed.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::data::import::ImportChoices;

/// How many files' choices are kept (the oldest are forgotten).
const REMEMBERED: usize = 200;

/// The version of `import_choices.json`.
const STORE_VERSION: u32 = 1;

/// One file's choices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Remembered {
    /// The file, as an absolute path.
    pub path: PathBuf,
    /// How it is read.
    pub choices: ImportChoices,
}

#[derive(Serialize, Deserialize)]
struct StoreFile {
    version: u32,
    remembered: Vec<Remembered>,
}

/// The remembered choices, newest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportStore {
    /// Where they are saved; `None` when there is no settings folder (nothing is saved).
    pub file: Option<PathBuf>,
    /// The choices, newest first.
    pub remembered: Vec<Remembered>,
}

/// `settings.json`'s folder's `import_choices.json`.
pub(crate) fn store_path(settings: &Path) -> PathBuf {
    settings.with_file_name("import_choices.json")
}

impl ImportStore {
    /// Reads the store; a missing file is an empty store, an unreadable one too (with why).
    pub fn load(file: Option<PathBuf>) -> (ImportStore, Option<String>) {
        let mut store = ImportStore { file, remembered: Vec::new() };
        let Some(path) = &store.file else { return (store, None) };
        match std::fs::read(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (store, None),
            Err(e) => (store, Some(e.to_string())),
            Ok(bytes) => match serde_json::from_slice::<StoreFile>(&bytes) {
                Ok(file) if file.version == STORE_VERSION => {
                    store.remembered = file.remembered;
                    (store, None)
                }
                Ok(file) => (store, Some(format!("version {}", file.version))),
                Err(e) => {
                    let _ = std::fs::copy(path, crate::settings::backup_path(path));
                    (store, Some(e.to_string()))
                }
            },
        }
    }

    /// The choices remembered for a file, newest first.
    pub fn for_file(&self, path: &Path) -> Vec<ImportChoices> {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.remembered.iter().filter(|r| r.path == path).map(|r| r.choices.clone()).collect()
    }

    /// Remembers choices for a file, in place of those for the same sheet, and saves.
    pub fn remember(&mut self, path: &Path, choices: ImportChoices) -> std::io::Result<()> {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.remembered.retain(|r| !(r.path == path && r.choices.sheet == choices.sheet));
        self.remembered.insert(0, Remembered { path, choices });
        self.remembered.truncate(REMEMBERED);
        self.save()
    }

    /// Writes the store atomically, creating its folder.
    fn save(&self) -> std::io::Result<()> {
        let Some(path) = &self.file else { return Ok(()) };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let file = StoreFile { version: STORE_VERSION, remembered: self.remembered.clone() };
        let text = serde_json::to_string_pretty(&file).map_err(std::io::Error::other)?;
        crate::files::write_atomically(path, text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::import::{ColumnNames, ColumnRole, IMPORT_VERSION};

    fn choices(sheet: &str, header: &[&str]) -> ImportChoices {
        ImportChoices {
            import_version: IMPORT_VERSION,
            sheet: Some(sheet.into()),
            encoding: Default::default(),
            header_row: 1,
            header: header.iter().map(|h| h.to_string()).collect(),
            columns: vec![ColumnRole::Time, ColumnRole::Value { unit: "亿元".into(), name: String::new() }],
            column_names: ColumnNames::Places,
            place: String::new(),
            indicator: "Exports".into(),
        }
    }

    #[test]
    fn choices_are_remembered_per_file_and_sheet_across_restarts() {
        let dir = tempfile::tempdir().unwrap();
        let file = Some(store_path(&dir.path().join("settings.json")));
        let (mut store, problem) = ImportStore::load(file.clone());
        assert_eq!(problem, None);
        let data = dir.path().join("a.xlsx");
        store.remember(&data, choices("Sheet1", &["Year", "Jinhua"])).unwrap();
        store.remember(&data, choices("Sheet2", &["Year", "Yiwu"])).unwrap();
        store.remember(&data, choices("Sheet1", &["Year", "Jinhua", "Yiwu"])).unwrap();
        let (again, problem) = ImportStore::load(file);
        assert_eq!(problem, None);
        let remembered = again.for_file(&data);
        assert_eq!(remembered.len(), 2, "new choices for a sheet replace its old ones");
        assert_eq!(remembered[0].header, ["Year", "Jinhua", "Yiwu"]);
        assert!(again.for_file(&dir.path().join("b.xlsx")).is_empty());
    }

    #[test]
    fn a_damaged_store_is_set_aside_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = store_path(&dir.path().join("settings.json"));
        std::fs::write(&path, "{ not json").unwrap();
        let (store, problem) = ImportStore::load(Some(path.clone()));
        assert!(store.remembered.is_empty());
        assert!(problem.is_some());
        assert!(crate::settings::backup_path(&path).exists(), "the damaged file is kept as .bak");
    }
}
