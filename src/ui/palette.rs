//! Colours. Each entity keeps one colour everywhere, from the Okabe–Ito palette, which readers
//! with colour-vision deficiencies can tell apart.

use egui::Color32;

use crate::data::EntityId;

/// Okabe & Ito (2008), without black, which is kept for text.
pub const OKABE_ITO: [Color32; 7] = [
    Color32::from_rgb(0xE6, 0x9F, 0x00), // orange
    Color32::from_rgb(0x56, 0xB4, 0xE9), // sky blue
    Color32::from_rgb(0x00, 0x9E, 0x73), // bluish green
    Color32::from_rgb(0xD5, 0x5E, 0x00), // vermillion
    Color32::from_rgb(0x00, 0x72, 0xB2), // blue
    Color32::from_rgb(0xCC, 0x79, 0xA7), // reddish purple
    Color32::from_rgb(0xF0, 0xE4, 0x42), // yellow
];

/// The colour of an entity: fixed by its place in the dataset, so it never changes with the
/// selection.
pub fn entity_colour(entity: EntityId) -> Color32 {
    OKABE_ITO[entity.0 as usize % OKABE_ITO.len()]
}

/// The `index`-th shade of a colour, for the metrics of one entity in the Compare view: the
/// first is the colour itself, the next ones lighter and darker in turn.
pub fn shade(colour: Color32, index: usize) -> Color32 {
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
pub fn grid(visuals: &egui::Visuals) -> Color32 {
    visuals.text_color().gamma_multiply(0.3)
}
