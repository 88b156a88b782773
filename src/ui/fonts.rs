//! Fonts: egui's own, then Hack (egui's monospace font) for symbols such as ● ○ ◆ ▲ ▼ that the
//! proportional font lacks, then the bundled CJK font for Chinese, so text renders the same on
//! every machine and in the UI tests (which have no system fonts). eframe's `system_fonts`
//! provider stays behind them all, for anything else.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// Droid Sans Fallback (Apache-2.0, see `assets/fonts/README.md`).
pub(crate) const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");

const CJK_NAME: &str = "droid-sans-fallback";
/// The name egui's default font definitions give the Hack font.
const SYMBOLS_NAME: &str = "Hack";

/// The app's font definitions: egui's defaults with the fallbacks above.
pub(crate) fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(CJK_NAME.to_string(), Arc::new(FontData::from_static(CJK_FONT)));
    let proportional = fonts.families.entry(FontFamily::Proportional).or_default();
    if fonts.font_data.contains_key(SYMBOLS_NAME) && !proportional.iter().any(|f| f == SYMBOLS_NAME) {
        proportional.push(SYMBOLS_NAME.to_string());
    }
    proportional.push(CJK_NAME.to_string());
    fonts.families.entry(FontFamily::Monospace).or_default().push(CJK_NAME.to_string());
    fonts
}

/// Installs the app's fonts.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
