//! Text as SVG text: each row of a galley as runs of one font and colour, every letter at the
//! x egui laid it out at, coloured as the tessellator colours it.

use std::fmt::Write;

use egui::epaint::text::{Glyph, PlacedRow};
use egui::epaint::{Color32, TextShape};

use super::svg::{escape, fill_attribute, font_family, n};

/// Text as text: per row, runs of glyphs of one font and colour as `<text>` with each glyph at
/// the x egui laid it out at, so the words read as they do in the window.
pub(super) fn text(out: &mut String, shape: &TextShape) {
    let galley = &shape.galley;
    let job = &galley.job;
    let mut cursor = 0usize;
    let mut body = String::new();
    for row in &galley.rows {
        let mut run: Option<Run> = None;
        let flush = |body: &mut String, run: &mut Option<Run>| {
            let Some(Run { section, color, glyphs, y }) = run.take() else { return };
            let format = &job.sections[section].format;
            let _ = writeln!(
                body,
                "<text y=\"{}\" font-family=\"{}\" font-weight=\"300\" font-size=\"{}\"{} xml:space=\"preserve\">{}</text>",
                n(y),
                font_family(&format.font_id.family),
                n(format.font_id.size),
                fill_attribute(color),
                positioned(&glyphs)
            );
        };
        for glyph in &row.glyphs {
            // The section of this glyph: find its character in the job's text from where the
            // last one was (a row's line break is in the text but not among the glyphs).
            let found = job.text[cursor..].find(glyph.chr).map(|k| cursor + k);
            if let Some(at) = found {
                cursor = at + glyph.chr.len_utf8();
            }
            let byte = found.unwrap_or(cursor.saturating_sub(1));
            let section = job
                .sections
                .iter()
                .position(|s| (s.byte_range.start.0..s.byte_range.end.0).contains(&byte))
                .unwrap_or(0);
            let color = glyph_color(shape, row, glyph);
            let position = row.pos + glyph.pos.to_vec2();
            // A letter egui drew nothing for is the second of a ligature (`fi`): it follows the
            // first, with no place of its own, so the renderer joins them as egui did.
            let joined = glyph.uv_rect.is_nothing() && !glyph.chr.is_whitespace();
            let same = run.as_ref().is_some_and(|r| {
                (r.section == section && r.color == color && r.y == position.y) || (joined && !r.glyphs.is_empty())
            });
            if !same {
                flush(&mut body, &mut run);
                run = Some(Run { section, color, glyphs: Vec::new(), y: position.y });
            }
            if let Some(r) = &mut run {
                r.glyphs.push((glyph.chr, (!joined).then_some(position.x)));
            }
        }
        flush(&mut body, &mut run);
    }
    if body.is_empty() {
        return;
    }
    let rotate = if shape.angle != 0.0 { format!(" rotate({})", n(shape.angle.to_degrees())) } else { String::new() };
    let _ = write!(out, "<g transform=\"translate({} {}){rotate}\">\n{body}</g>\n", n(shape.pos.x), n(shape.pos.y));
}

/// Glyphs of one font and colour on one line: each letter, and the x egui put it at (none for
/// the second letter of a ligature).
struct Run {
    section: usize,
    color: Color32,
    glyphs: Vec<(char, Option<f32>)>,
    y: f32,
}

/// A run's letters as `<tspan>`s, each letter at its x. SVG gives a span's positions to its
/// letters in order, so a ligature's second letter, which has none, ends its span: it then
/// follows its first letter, shaped with it, as egui shaped it.
fn positioned(glyphs: &[(char, Option<f32>)]) -> String {
    let mut out = String::new();
    let (mut letters, mut xs) = (String::new(), Vec::new());
    for &(c, x) in glyphs {
        if x.is_some() && !letters.is_empty() && xs.len() < letters.chars().count() {
            // The letter before this one was a ligature's second: its span is closed.
            let _ = write!(out, "<tspan x=\"{}\">{}</tspan>", xs.join(" "), escape(&letters));
            letters.clear();
            xs.clear();
        }
        letters.push(c);
        if let Some(x) = x {
            xs.push(n(x));
        }
    }
    if !letters.is_empty() {
        let _ = write!(out, "<tspan x=\"{}\">{}</tspan>", xs.join(" "), escape(&letters));
    }
    out
}

/// A glyph's colour as the tessellator paints it: its row mesh's colour at its first vertex,
/// the shape's override or fallback for a placeholder, faded by the shape's opacity.
fn glyph_color(shape: &TextShape, row: &PlacedRow, glyph: &Glyph) -> Color32 {
    let mesh_color = row.visuals.mesh.vertices.get(glyph.first_vertex as usize).map(|v| v.color);
    let mut color = match (shape.override_text_color, mesh_color) {
        (Some(c), _) => c,
        (None, Some(c)) if c != Color32::PLACEHOLDER => c,
        _ => shape.fallback_color,
    };
    if shape.opacity_factor < 1.0 {
        color = color.gamma_multiply(shape.opacity_factor);
    }
    color
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ligature_s_second_letter_follows_its_first_in_one_span() {
        let glyphs = [('o', Some(0.0)), ('f', Some(7.0)), ('i', None), ('g', Some(15.5)), ('<', Some(22.0))];
        assert_eq!(positioned(&glyphs), "<tspan x=\"0 7\">ofi</tspan><tspan x=\"15.5 22\">g&lt;</tspan>");
    }
}
