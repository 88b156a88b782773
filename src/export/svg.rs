//! A frame's epaint shapes as SVG: exactly what the window draws for a view, as vectors, with
//! text as text (the bundled fonts' family names, egui's glyph positions), so a chart scales,
//! prints sharp, and its words can be searched, copied and translated.

use std::fmt::Write;

use egui::epaint::{ClippedShape, Color32, CornerRadius, Mesh, PathStroke, Pos2, Rect, Shape, Stroke, StrokeKind};
use egui::{FontFamily, Vec2};

/// The font families egui draws with, in its fallback order, as SVG names them: egui's
/// "Ubuntu-Light" is the family Ubuntu at weight 300.
pub(super) fn font_family(family: &FontFamily) -> &'static str {
    match family {
        FontFamily::Monospace => "Hack, 'Droid Sans Fallback', monospace",
        _ => "Ubuntu, Hack, 'Droid Sans Fallback', sans-serif",
    }
}

/// A number as SVG reads it: at most two decimals, no trailing zeros.
pub(super) fn n(value: f32) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" { "0".into() } else { text.to_string() }
}

/// A colour as a paint and its opacity attributes (`fill="#1f77b4" fill-opacity="0.5"`);
/// epaint's colours are premultiplied, SVG's are not.
fn paint(what: &str, color: Color32) -> String {
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    let mut out = format!(" {what}=\"#{r:02x}{g:02x}{b:02x}\"");
    if a < 255 {
        let _ = write!(out, " {what}-opacity=\"{}\"", n(f32::from(a) / 255.0));
    }
    out
}

fn stroke_attributes(width: f32, color: Color32) -> String {
    if width <= 0.0 || color.a() == 0 {
        return " stroke=\"none\"".into();
    }
    format!("{} stroke-width=\"{}\"", paint("stroke", color), n(width))
}

pub(super) fn fill_attribute(color: Color32) -> String {
    if color.a() == 0 { " fill=\"none\"".into() } else { paint("fill", color) }
}

/// A path stroke's one colour: a gradient (a callback) is drawn in its colour at the middle.
fn path_stroke_color(stroke: &PathStroke, bounds: Rect) -> Color32 {
    match &stroke.color {
        egui::epaint::ColorMode::Solid(c) => *c,
        egui::epaint::ColorMode::UV(f) => f(bounds, bounds.center()),
    }
}

pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A rectangle's place and size as attributes.
fn bounds(r: Rect) -> String {
    format!("x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"", n(r.min.x), n(r.min.y), n(r.width()), n(r.height()))
}

/// The points of a polyline as path data.
fn polyline(points: &[Pos2], closed: bool) -> String {
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        let _ = write!(d, "{}{} {}", if i == 0 { "M" } else { " L" }, n(p.x), n(p.y));
    }
    if closed {
        d.push_str(" Z");
    }
    d
}

/// A rectangle with corners of different radii as path data.
fn rounded_rect(rect: Rect, r: CornerRadius) -> String {
    let (nw, ne, sw, se) = (f32::from(r.nw), f32::from(r.ne), f32::from(r.sw), f32::from(r.se));
    let (x0, y0, x1, y1) = (rect.min.x, rect.min.y, rect.max.x, rect.max.y);
    let arc = |radius: f32, x: f32, y: f32| {
        if radius > 0.0 { format!(" A{} {} 0 0 1 {} {}", n(radius), n(radius), n(x), n(y)) } else { String::new() }
    };
    format!(
        "M{} {} L{} {}{} L{} {}{} L{} {}{} L{} {}{} Z",
        n(x0 + nw),
        n(y0),
        n(x1 - ne),
        n(y0),
        arc(ne, x1, y0 + ne),
        n(x1),
        n(y1 - se),
        arc(se, x1 - se, y1),
        n(x0 + sw),
        n(y1),
        arc(sw, x0, y1 - sw),
        n(x0),
        n(y0 + nw),
        arc(nw, x0 + nw, y0),
    )
}

/// The SVG of one rectangle: its fill, then its stroke inside, on or outside its edge.
fn rect(out: &mut String, shape: &egui::epaint::RectShape) {
    let rotate = if shape.angle != 0.0 {
        let c = shape.rect.center();
        format!(" transform=\"rotate({} {} {})\"", n(shape.angle.to_degrees()), n(c.x), n(c.y))
    } else {
        String::new()
    };
    let element = |out: &mut String, r: Rect, radius: CornerRadius, attributes: &str| {
        let uniform = radius.nw == radius.ne && radius.ne == radius.sw && radius.sw == radius.se;
        if uniform {
            let rx = if radius.nw > 0 { format!(" rx=\"{}\"", radius.nw) } else { String::new() };
            let _ = writeln!(out, "<rect {}{rx}{attributes}{rotate}/>", bounds(r));
        } else {
            let _ = writeln!(out, "<path d=\"{}\"{attributes}{rotate}/>", rounded_rect(r, radius));
        }
    };
    if shape.fill.a() > 0 {
        element(out, shape.rect, shape.corner_radius, &paint("fill", shape.fill));
    }
    let Stroke { width, color } = shape.stroke;
    if width > 0.0 && color.a() > 0 {
        let grow = match shape.stroke_kind {
            StrokeKind::Inside => -width / 2.0,
            StrokeKind::Middle => 0.0,
            StrokeKind::Outside => width / 2.0,
        };
        let attributes = format!(" fill=\"none\"{}", stroke_attributes(width, color));
        element(out, shape.rect.expand(grow), shape.corner_radius, &attributes);
    }
}

/// The boundary of a one-colour mesh: the edges of one triangle only, chained into loops, so it
/// fills as one region without the seams a polygon per triangle shows.
fn mesh_outline(mesh: &Mesh) -> String {
    use std::collections::HashMap;
    /// A point, to 1/64 of a point: the corner two triangles share.
    type Corner = (i64, i64);
    let key = |p: Pos2| -> Corner { ((p.x * 64.0).round() as i64, (p.y * 64.0).round() as i64) };
    // Each edge, either way round: how many triangles have it, and its ends as first seen.
    let mut edges: HashMap<(Corner, Corner), (usize, Pos2, Pos2)> = HashMap::new();
    for t in mesh.indices.chunks_exact(3) {
        for (a, b) in [(t[0], t[1]), (t[1], t[2]), (t[2], t[0])] {
            let (pa, pb) = (mesh.vertices[a as usize].pos, mesh.vertices[b as usize].pos);
            let (ka, kb) = (key(pa), key(pb));
            let k = if ka < kb { (ka, kb) } else { (kb, ka) };
            edges.entry(k).or_insert((0, pa, pb)).0 += 1;
        }
    }
    let mut next: HashMap<Corner, Vec<Pos2>> = HashMap::new();
    for (count, a, b) in edges.values() {
        if *count == 1 {
            next.entry(key(*a)).or_default().push(*b);
        }
    }
    let mut d = String::new();
    while let Some(start) = next.keys().next().copied() {
        let Some(first) = next.get(&start).and_then(|v| v.first()).copied() else { break };
        let mut points = vec![];
        let mut at = start;
        let mut to = first;
        loop {
            if let Some(v) = next.get_mut(&at) {
                if let Some(i) = v.iter().position(|p| key(*p) == key(to)) {
                    v.swap_remove(i);
                }
                if v.is_empty() {
                    next.remove(&at);
                }
            }
            points.push(to);
            at = key(to);
            match next.get(&at).and_then(|v| v.first()) {
                Some(p) => to = *p,
                None => break,
            }
        }
        if points.len() >= 3 {
            d.push_str(&polyline(&points, true));
            d.push(' ');
        }
    }
    d
}

/// A mesh: one outline when it is of one colour, else a triangle each in its colour.
fn mesh(out: &mut String, mesh: &Mesh) {
    let Some(first) = mesh.vertices.first() else { return };
    if mesh.vertices.iter().all(|v| v.color == first.color) {
        let d = mesh_outline(mesh);
        if !d.is_empty() {
            let _ =
                writeln!(out, "<path d=\"{}\" fill-rule=\"evenodd\"{}/>", d.trim_end(), fill_attribute(first.color));
        }
        return;
    }
    for t in mesh.indices.chunks_exact(3) {
        let points: Vec<Pos2> = t.iter().map(|&i| mesh.vertices[i as usize].pos).collect();
        let color = mesh.vertices[t[0] as usize].color;
        let _ = writeln!(out, "<path d=\"{}\"{}/>", polyline(&points, true), fill_attribute(color));
    }
}

/// One shape (and the shapes inside a `Shape::Vec`).
fn shape(out: &mut String, shape: &Shape) {
    match shape {
        Shape::Noop | Shape::Callback(_) => {}
        Shape::Vec(shapes) => shapes.iter().for_each(|s| self::shape(out, s)),
        Shape::Circle(c) => {
            let _ = writeln!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{}{}/>",
                n(c.center.x),
                n(c.center.y),
                n(c.radius),
                fill_attribute(c.fill),
                stroke_attributes(c.stroke.width, c.stroke.color)
            );
        }
        Shape::Ellipse(e) => {
            let rotate = if e.angle != 0.0 {
                format!(" transform=\"rotate({} {} {})\"", n(e.angle.to_degrees()), n(e.center.x), n(e.center.y))
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "<ellipse cx=\"{}\" cy=\"{}\" rx=\"{}\" ry=\"{}\"{}{}{rotate}/>",
                n(e.center.x),
                n(e.center.y),
                n(e.radius.x),
                n(e.radius.y),
                fill_attribute(e.fill),
                stroke_attributes(e.stroke.width, e.stroke.color)
            );
        }
        Shape::LineSegment { points, stroke } => {
            let _ = writeln!(
                out,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"{}/>",
                n(points[0].x),
                n(points[0].y),
                n(points[1].x),
                n(points[1].y),
                stroke_attributes(stroke.width, stroke.color)
            );
        }
        Shape::Path(p) => {
            let bounds = Rect::from_points(&p.points);
            let fill = if p.closed { p.fill } else { Color32::TRANSPARENT };
            let stroke = stroke_attributes(p.stroke.width, path_stroke_color(&p.stroke, bounds));
            let joins = " stroke-linejoin=\"round\" stroke-linecap=\"round\"";
            let d = polyline(&p.points, p.closed);
            let _ = writeln!(out, "<path d=\"{d}\"{}{stroke}{joins}/>", fill_attribute(fill));
        }
        Shape::Rect(r) => rect(out, r),
        Shape::Text(t) => super::svg_text::text(out, t),
        Shape::Mesh(m) => mesh(out, m),
        Shape::QuadraticBezier(b) => {
            let [p0, p1, p2] = b.points;
            let d = format!("M{} {} Q{} {} {} {}", n(p0.x), n(p0.y), n(p1.x), n(p1.y), n(p2.x), n(p2.y));
            curve(out, d, (b.closed, b.fill), &b.stroke, b.visual_bounding_rect());
        }
        Shape::CubicBezier(b) => {
            let [p0, p1, p2, p3] = b.points;
            let (c1, c2, end) = (
                format!("{} {}", n(p1.x), n(p1.y)),
                format!("{} {}", n(p2.x), n(p2.y)),
                format!("{} {}", n(p3.x), n(p3.y)),
            );
            let d = format!("M{} {} C{c1} {c2} {end}", n(p0.x), n(p0.y));
            curve(out, d, (b.closed, b.fill), &b.stroke, b.visual_bounding_rect());
        }
        Shape::Band(b) => band(out, b),
    }
}

/// A Bézier curve's path, closed and filled or open.
fn curve(out: &mut String, d: String, (closed, fill): (bool, Color32), stroke: &PathStroke, bounds: Rect) {
    let close = if closed { " Z" } else { "" };
    let stroke = stroke_attributes(stroke.width, path_stroke_color(stroke, bounds));
    let fill = if closed { fill } else { Color32::TRANSPARENT };
    let _ = writeln!(out, "<path d=\"{d}{close}\"{}{stroke}/>", fill_attribute(fill));
}

/// A band (the area between two lines): its lower edge left to right, its upper edge back.
fn band(out: &mut String, band: &egui::epaint::BandShape) {
    let lower = band.points.iter().map(|p| Pos2::new(p.x, p.y.max));
    let upper = band.points.iter().rev().map(|p| Pos2::new(p.x, p.y.min));
    let points: Vec<Pos2> = lower.chain(upper).collect();
    let rotate = if band.angle != 0.0 {
        format!(" transform=\"rotate({})\"", n(band.angle.to_degrees()))
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "<path d=\"{}\"{}{}{rotate}/>",
        polyline(&points, true),
        fill_attribute(band.fill),
        stroke_attributes(band.stroke.width, band.stroke.color)
    );
}

/// The SVG document of a frame's shapes, `size` points wide and high.
pub(crate) fn svg_of(shapes: &[ClippedShape], size: Vec2) -> String {
    let mut defs = String::new();
    let mut body = String::new();
    let mut clips: Vec<Rect> = Vec::new();
    let mut open: Option<usize> = None;
    let whole = Rect::from_min_size(Pos2::ZERO, size);
    for clipped in shapes {
        let clip = clipped.clip_rect.intersect(whole);
        if !clip.is_positive() {
            continue;
        }
        let id = match clips.iter().position(|c| *c == clip) {
            Some(id) => id,
            None => {
                clips.push(clip);
                let id = clips.len() - 1;
                let _ = writeln!(defs, "<clipPath id=\"c{id}\"><rect {}/></clipPath>", bounds(clip));
                id
            }
        };
        if open != Some(id) {
            if open.is_some() {
                body.push_str("</g>\n");
            }
            let _ = writeln!(body, "<g clip-path=\"url(#c{id})\">");
            open = Some(id);
        }
        shape(&mut body, &clipped.shape);
    }
    if open.is_some() {
        body.push_str("</g>\n");
    }
    let (w, h) = (n(size.x), n(size.y));
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\n<defs>\n{defs}</defs>\n{body}</svg>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_colours_unmultiplied() {
        assert_eq!(n(12.0), "12");
        assert_eq!(n(12.345), "12.35");
        assert_eq!(n(-0.001), "0");
        // Half-transparent red, premultiplied by epaint, is red at half opacity in SVG.
        let half_red = Color32::from_rgba_unmultiplied(255, 0, 0, 128);
        assert_eq!(paint("fill", half_red), " fill=\"#ff0000\" fill-opacity=\"0.5\"");
    }

    #[test]
    fn a_one_colour_mesh_is_one_outline_not_a_triangle_each() {
        // A square of two triangles: four boundary edges, the diagonal left out.
        let mut m = Mesh::default();
        for (x, y) in [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)] {
            m.colored_vertex(Pos2::new(x, y), Color32::RED);
        }
        m.add_triangle(0, 1, 2);
        m.add_triangle(0, 2, 3);
        let d = mesh_outline(&m);
        assert_eq!(d.matches('M').count(), 1, "one loop: {d}");
        assert_eq!(d.matches('L').count(), 3, "four corners: {d}");
    }

    #[test]
    fn text_is_escaped_and_a_rect_strokes_inside_its_edge() {
        assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
        let mut out = String::new();
        let shape = egui::epaint::RectShape::new(
            Rect::from_min_size(Pos2::ZERO, Vec2::new(10.0, 10.0)),
            0,
            Color32::TRANSPARENT,
            Stroke::new(2.0, Color32::BLACK),
            StrokeKind::Inside,
        );
        rect(&mut out, &shape);
        assert!(out.contains("x=\"1\" y=\"1\" width=\"8\" height=\"8\""), "{out}");
    }
}
