//! Vector export from the command line: each chart view as an SVG whose words are text — the
//! title, the axis unit and the legend's names can be read out of the file — and as a PDF whose
//! page is the chart's size and whose text a reader extracts, in both languages and both themes;
//! and the PNG, drawn with no graphics driver at all.

use std::path::Path;
use std::process::Command;

use resvg::usvg;

fn export_to(args: &[&str], out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_trade-explorer"))
        .arg("export")
        .args(args)
        .args(["--out", out.to_str().expect("UTF-8")])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the binary runs");
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
}

fn export_svg(args: &[&str], out: &Path) -> String {
    export_to(args, out);
    std::fs::read_to_string(out).expect("the SVG was written")
}

/// What a poppler tool prints about a file (scripts/test installs poppler-utils).
fn poppler(tool: &str, args: &[&str], file: &Path) -> String {
    let out = Command::new(tool).args(args).arg(file).arg("-").output();
    let out = out.unwrap_or_else(|e| panic!("{tool} runs (apt-get install poppler-utils): {e}"));
    assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every text of a parsed SVG, in document order.
fn texts(svg: &str) -> Vec<String> {
    fn walk(group: &usvg::Group, out: &mut Vec<String>) {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => walk(g, out),
                usvg::Node::Text(t) => out.push(t.chunks().iter().map(|c| c.text()).collect()),
                _ => {}
            }
        }
    }
    // With the bundled fonts: usvg leaves out text it has no font for.
    let options = usvg::Options { fontdb: trade_explorer::export::font_database(), ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &options).expect("the SVG parses");
    let mut out = Vec::new();
    walk(tree.root(), &mut out);
    out
}

#[test]
fn each_view_exports_as_an_svg_whose_title_unit_and_legend_are_text() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (view, theme, title) in
        [("over-time", "light", "Exports"), ("compare", "dark", "Exports"), ("shares", "light", "")]
    {
        let out = dir.path().join(format!("{view}.svg"));
        let svg = export_svg(&["--view", view, "--theme", theme, "--size", "1200x700"], &out);
        assert!(svg.starts_with("<?xml") && svg.contains("width=\"1200\" height=\"700\""), "{view}");
        let words = texts(&svg);
        let all = words.join(" | ");
        assert!(all.contains(title), "{view}: no title {title:?} in {all}");
        for name in ["Jinhua", "Yiwu"] {
            assert!(words.iter().any(|w| w.trim() == name), "{view}: legend name {name} missing from {all}");
        }
        if view != "shares" {
            assert!(all.contains("billion yuan"), "{view}: no unit in {all}");
        }
    }
}

#[test]
fn each_view_in_chinese_and_in_either_theme_holds_its_words_in_chinese() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (view, theme) in [("over-time", "dark"), ("compare", "light"), ("shares", "dark")] {
        let out = dir.path().join(format!("{view}-zh.svg"));
        let svg = export_svg(&["--view", view, "--lang", "zh", "--theme", theme], &out);
        let all = texts(&svg).join(" | ");
        assert!(all.contains("金华") && all.contains("义乌"), "{view}: {all}");
        if view != "shares" {
            assert!(all.contains("亿元"), "{view}: {all}");
        }
        // Written as any file a person saves: 0666 less the umask, not private.
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).expect("a file").permissions().mode() & 0o777;
        let plain = dir.path().join("plain");
        std::fs::write(&plain, "x").expect("written");
        assert_eq!(mode(&out), mode(&plain), "{view}");
    }
}

#[test]
fn the_png_of_the_command_line_is_drawn_without_a_graphics_driver() {
    // Vulkan and EGL pointed at drivers that do not exist, and no display: the CPU draws it.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("chart.png");
    let missing = dir.path().join("no-such-driver.json");
    let run = Command::new(env!("CARGO_BIN_EXE_trade-explorer"))
        .args(["export", "--view", "compare", "--size", "800x500", "--scale", "2", "--out"])
        .arg(&out)
        .env("VK_ICD_FILENAMES", &missing)
        .env("__EGL_VENDOR_LIBRARY_FILENAMES", &missing)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the binary runs");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let image = image::open(&out).expect("a PNG").to_rgba8();
    assert_eq!(image.dimensions(), (1600, 1000));
    let distinct: std::collections::HashSet<[u8; 4]> = image.pixels().map(|p| p.0).collect();
    assert!(distinct.len() > 50, "the picture is drawn, not blank: {} colours", distinct.len());
}

#[test]
fn a_pdf_is_a_page_of_the_chart_s_size_whose_text_can_be_extracted_in_either_language() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let en = dir.path().join("en.pdf");
    export_to(&["--view", "compare", "--size", "1600x900"], &en);
    let info = Command::new("pdfinfo").arg(&en).output().expect("pdfinfo runs (apt-get install poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Page size:       1200 x 675 pts"), "1600x900 at 96 dpi: {info}");
    assert!(info.contains("Pages:           1"), "{info}");
    let text = poppler("pdftotext", &[], &en);
    assert!(text.contains("Exports, 2025") && text.contains("Jinhua") && text.contains("billion yuan"), "{text}");
    let zh = dir.path().join("zh.pdf");
    export_to(&["--view", "over-time", "--lang", "zh"], &zh);
    let text = poppler("pdftotext", &[], &zh);
    assert!(text.contains("亿元") && text.contains("金华"), "{text}");
}

#[test]
fn text_as_outlines_leaves_no_text_in_the_svg_or_the_pdf() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let svg = export_svg(&["--view", "compare", "--text-as-outlines"], &dir.path().join("outlines.svg"));
    assert!(!svg.contains("<text") && svg.contains("<path"), "glyphs as paths");
    assert!(texts(&svg).is_empty());
    let pdf = dir.path().join("outlines.pdf");
    export_to(&["--view", "compare", "--text-as-outlines"], &pdf);
    assert_eq!(poppler("pdftotext", &[], &pdf).trim(), "", "no text to extract");
}
