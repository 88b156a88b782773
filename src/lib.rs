//! Trade Explorer: a desktop app that charts foreign-trade data (bundled: Jinhua, Yiwu,
//! Yongkang) from sourced, validated datasets.
//!
//! Layers, each usable on its own: [`data`] (model, loaders, queries; no UI), [`ui`] (egui
//! views that read a chart model and return commands), [`app`] (the eframe application),
//! [`cli`] (the command line).

pub mod app;
pub mod cli;
pub mod cli_filter;
pub mod data;
pub mod export;
pub mod files;
pub mod l10n;
pub mod logging;
pub mod settings;
pub mod ui;
