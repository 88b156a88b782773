//! Trade Explorer: a desktop app that charts foreign-trade data (bundled: Jinhua, Yiwu,
//! Yongkang) from sourced, validated datasets.
//!
//! Layers, each usable on its own: [`data`] (model, loaders, queries; no UI), [`ui`] (egui
//! views that read a chart model and return commands), [`app`] (the eframe application),
//! [`cli`] (the command line).
//!
//! Visibility: an item is `pub` only when the binary, the integration tests, the benchmarks or
//! the fuzz targets use it; everything else is `pub(crate)` or narrower, so that the compiler
//! reports code nothing uses. See docs/architecture.md.

pub mod app;
pub mod cli;
pub(crate) mod cli_filter;
pub mod data;
pub mod export;
pub(crate) mod files;
pub mod import_store;
pub mod l10n;
pub mod logging;
pub mod settings;
pub mod ui;
