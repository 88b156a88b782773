//! A chart's SVG as a one-page PDF through `krilla` and `krilla-svg`: vector lines, the bundled
//! fonts embedded as subsets, and text a reader can search and copy, Chinese included. The page
//! is the chart's size at 96 dots an inch: a 1600×900 chart is a 1200×675 pt page.

use std::sync::Arc;

use krilla::Document;
use krilla::geom::Size;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt, SvgSettings};
use resvg::usvg;

use super::ExportError;

/// PDF points per SVG pixel (72 points an inch, 96 pixels an inch).
const POINTS_PER_PIXEL: f32 = 72.0 / 96.0;

/// The PDF of an SVG document, titled `title`; its text as text, or as glyph outlines.
pub(crate) fn pdf_of(
    svg: &str,
    title: &str,
    fonts: Arc<usvg::fontdb::Database>,
    embed_text: bool,
) -> Result<Vec<u8>, ExportError> {
    let options = usvg::Options { fontdb: fonts, ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Render(e.to_string()))?;
    let (w, h) = (tree.size().width() * POINTS_PER_PIXEL, tree.size().height() * POINTS_PER_PIXEL);
    let size = Size::from_wh(w, h).ok_or_else(|| ExportError::Render(format!("{w}×{h} pt")))?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new().title(title.to_string()).creator(format!("Trade Explorer {}", env!("CARGO_PKG_VERSION"))),
    );
    let mut page = document.start_page_with(PageSettings::new(size));
    let mut surface = page.surface();
    surface
        .draw_svg(&tree, size, SvgSettings { embed_text, ..SvgSettings::default() })
        .ok_or_else(|| ExportError::Render("the drawing could not be put on the page".into()))?;
    surface.finish();
    page.finish();
    document.finish().map_err(|e| ExportError::Render(e.to_string()))
}
