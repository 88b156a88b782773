//! Colours and dashes. A place keeps one colour in every view (the query layer gives it a slot,
//! see `data::query::style`); the first seven are the Okabe–Ito palette, which readers with
//! colour-vision deficiencies can tell apart, the rest come from Paul Tol's palettes.

use egui::{Color32, Pos2, Shape, Stroke};
use egui_plot::LineStyle;

use crate::data::query::{COLOURS, DASHES};

/// Okabe & Ito (2008) without black, which is kept for text; then five of Paul Tol's.
pub(crate) const PALETTE: [Color32; COLOURS] = [
    Color32::from_rgb(0xE6, 0x9F, 0x00), // orange
    Color32::from_rgb(0x56, 0xB4, 0xE9), // sky blue
    Color32::from_rgb(0x00, 0x9E, 0x73), // bluish green
    Color32::from_rgb(0xD5, 0x5E, 0x00), // vermillion
    Color32::from_rgb(0x00, 0x72, 0xB2), // blue
    Color32::from_rgb(0xCC, 0x79, 0xA7), // reddish purple
    Color32::from_rgb(0xF0, 0xE4, 0x42), // yellow
    Color32::from_rgb(0x33, 0x22, 0x88), // indigo
    Color32::from_rgb(0x88, 0x22, 0x55), // wine
    Color32::from_rgb(0x99, 0x99, 0x33), // olive
    Color32::from_rgb(0x44, 0xAA, 0x99), // teal
    Color32::from_rgb(0x8C, 0x51, 0x0A), // brown
];

/// The line patterns, by the query layer's dash index: solid, dashed, dotted, short dashes.
pub(crate) const DASH_PATTERNS: [LineStyle; DASHES] = [
    LineStyle::Solid,
    LineStyle::Dashed { length: 12.0 },
    LineStyle::Dotted { spacing: 6.0 },
    LineStyle::Dashed { length: 4.0 },
];

/// The colour of a palette slot.
pub(crate) fn colour(slot: usize) -> Color32 {
    PALETTE[slot % COLOURS]
}

/// The pattern of a dash index.
pub(crate) fn dash(index: usize) -> LineStyle {
    DASH_PATTERNS[index % DASHES]
}

/// A short stretch of line in a dash pattern, as egui_plot draws it: for legend swatches and
/// the marks beside line names.
pub(crate) fn dashed_segment(from: Pos2, to: Pos2, stroke: Stroke, index: usize) -> Vec<Shape> {
    match dash(index) {
        LineStyle::Solid => vec![Shape::line_segment([from, to], stroke)],
        LineStyle::Dashed { length } => Shape::dashed_line(&[from, to], stroke, length, length * 0.618),
        LineStyle::Dotted { spacing } => {
            Shape::dotted_line(&[from, to], stroke.color, spacing, stroke.width / 2.0 + 0.5)
        }
    }
}

/// The `index`-th shade of a colour, for the metrics of one entity in the Compare view: the
/// first is the colour itself, the next ones lighter and darker in turn.
pub(crate) fn shade(colour: Color32, index: usize) -> Color32 {
    const FACTORS: [f32; 5] = [1.0, 0.6, 1.35, 0.4, 1.7];
    let f = FACTORS[index % FACTORS.len()];
    let scale = |c: u8| -> u8 {
        let c = f32::from(c);
        let v = if f <= 1.0 { c * f } else { c + (255.0 - c) * (f - 1.0) };
        v.round().clamp(0.0, 255.0) as u8
    };
    Color32::from_rgb(scale(colour.r()), scale(colour.g()), scale(colour.b()))
}

/// Grid lines: there to read values against, quieter than the data. egui_plot draws them in the
/// text colour, which at full strength (our own year and percent ticks) competes with the lines.
pub(crate) fn grid(visuals: &egui::Visuals) -> Color32 {
    visuals.text_color().gamma_multiply(0.3)
}
