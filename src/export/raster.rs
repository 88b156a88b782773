//! A chart's SVG drawn to pixels by `resvg` / `tiny-skia` on the CPU: no graphics driver, no
//! display, and only the bundled fonts (never the machine's), so a picture is the same
//! everywhere.

use std::sync::{Arc, OnceLock};

use egui::ColorImage;
use resvg::{tiny_skia, usvg};

use super::ExportError;

/// The bundled fonts (egui's and the CJK fallback) as usvg's font database, read once.
pub fn font_database() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            for data in crate::ui::fonts::definitions().font_data.values() {
                db.load_font_data((*data.font).as_ref().to_vec());
            }
            Arc::new(db)
        })
        .clone()
}

/// Draws an SVG document at `scale` pixels a point.
pub(crate) fn rasterize(svg: &str, scale: f32, fonts: Arc<usvg::fontdb::Database>) -> Result<ColorImage, ExportError> {
    let options = usvg::Options { fontdb: fonts, ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Render(e.to_string()))?;
    let size = tree.size().to_int_size().scale_by(scale).ok_or_else(|| ExportError::Render("empty size".into()))?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| ExportError::Render(format!("{}×{} pixels", size.width(), size.height())))?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    Ok(ColorImage::from_rgba_premultiplied([size.width() as usize, size.height() as usize], pixmap.data()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_fonts_are_known_by_the_families_the_svg_names() {
        let db = font_database();
        let families: Vec<String> = db.faces().flat_map(|f| f.families.iter().map(|(name, _)| name.clone())).collect();
        for wanted in ["Ubuntu", "Hack", "Droid Sans Fallback"] {
            assert!(families.iter().any(|f| f == wanted), "{wanted} not in {families:?}");
        }
    }
}
