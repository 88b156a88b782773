//! The data layer: dataset types, loaders with located errors, filters and queries.
//! Plain Rust with no UI dependency, so every part of it is unit-tested.

mod archive;
pub(crate) mod build;
mod cells;
mod comtrade;
pub mod csv;
mod csv_chunks;
pub mod decimate;
pub(crate) mod error;
pub mod filter;
pub(crate) mod format;
pub mod import;
pub mod import_detect;
pub mod import_file;
pub mod json;
pub mod load;
pub(crate) mod model;
pub mod owid;
mod owid_chunks;
mod owid_metadata;
mod owid_text;
pub mod progress;
pub mod query;
mod sheet_load;
pub(crate) mod sheet_shape;
#[cfg(test)]
pub(crate) mod testing;
mod text;
pub mod text_grid;
mod tidy_chunks;
pub mod workbook;
pub mod world_bank;
mod world_bank_chunks;
mod world_bank_metadata;
pub mod write_json;

pub use error::{CellIds, Declared, JsonHint, LoadError, Place, Problem, ProblemKind, Stale, SyntaxError, Warning};
pub use filter::{BarLayout, Filter, PeriodChoice, UnitScale, ValueMode};
pub use format::DisplayUnit;
pub use load::{DEFAULT_MAX_FILE_SIZE, Format, Loaded, load_bundled, load_bytes, load_path, load_path_with};
pub use model::*;
pub use progress::Progress;
pub(crate) use text::BinaryFormat;
