//! Fonts: egui's own, then the bundled CJK font for the glyphs they lack, so Chinese renders
//! on every machine and in the UI tests (which have no system fonts). eframe's `system_fonts`
//! provider stays behind both, for anything else.

use egui::{FontData, FontFamily, FontInsert, FontPriority, InsertFontFamily};

/// Droid Sans Fallback (Apache-2.0, see `assets/fonts/README.md`).
pub const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");

/// Adds the bundled CJK font as the last fallback of both font families.
pub fn install(ctx: &egui::Context) {
    let families = [FontFamily::Proportional, FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily { family, priority: FontPriority::Lowest })
        .collect();
    ctx.add_font(FontInsert::new("droid-sans-fallback", FontData::from_static(CJK_FONT), families));
}
