//! Telling series apart. A place keeps one colour in every view while the selection holds (its
//! place among the selected entities); the second, third and fourth series of one place keep its
//! colour with their own dash pattern; beyond that a place takes a colour no other place drawn
//! has. With at most [`COLOURS`] series drawn, no two share both colour and dash.

use rustc_hash::FxHashMap;

use super::*;

/// How many colours the views' palette has.
pub(crate) const COLOURS: usize = 12;

/// How many dash patterns lines have (the first is solid).
pub(crate) const DASHES: usize = 4;

/// How a line is drawn: a colour of the palette and a dash pattern, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct LineStyle {
    /// Index into the palette, below [`COLOURS`].
    pub colour: usize,
    /// Index of the dash pattern, below [`DASHES`]; 0 is solid.
    pub dash: usize,
}

/// The colour of each place a view shows: its place among the `selected` entities, so that it
/// is the same in every view of one selection; when more are selected than there are colours,
/// its place among the entities `shown` (in their order), so that those drawn differ.
pub(crate) fn entity_colours(
    selected: &[EntityId],
    shown: impl IntoIterator<Item = EntityId>,
) -> FxHashMap<EntityId, usize> {
    let mut slots = FxHashMap::default();
    if selected.len() <= COLOURS {
        slots.extend(selected.iter().enumerate().map(|(i, &e)| (e, i)));
    } else {
        for e in shown {
            let next = slots.len() % COLOURS;
            slots.entry(e).or_insert(next);
        }
    }
    slots
}

/// The styles of lines whose entities are `entities`, in legend order. Each place's first
/// [`DASHES`] lines take its colour with dashes 0, 1, 2, 3; its next ones take a colour that no
/// place among `entities` has, again with the four dashes.
pub(crate) fn line_styles(entities: &[EntityId], selected: &[EntityId]) -> Vec<LineStyle> {
    let colours = entity_colours(selected, entities.iter().copied());
    let taken: Vec<usize> = entities.iter().filter_map(|e| colours.get(e).copied()).collect();
    let mut free = (0..COLOURS).filter(|c| !taken.contains(c));
    // Per place: how many lines it has so far, and the extra colours it was given.
    let mut per_place: FxHashMap<EntityId, (usize, Vec<usize>)> = FxHashMap::default();
    entities
        .iter()
        .map(|e| {
            let base = colours.get(e).copied().unwrap_or(0);
            let (count, extra) = per_place.entry(*e).or_default();
            let (round, dash) = (*count / DASHES, *count % DASHES);
            *count += 1;
            let colour = if round == 0 {
                base
            } else {
                if extra.len() < round {
                    // Out of free colours (more lines than colours × dashes), they repeat.
                    extra.push(free.next().unwrap_or((base + round) % COLOURS));
                }
                extra[round - 1]
            };
            LineStyle { colour, dash }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: &[u32]) -> Vec<EntityId> {
        n.iter().map(|&i| EntityId(i)).collect()
    }

    fn distinct(styles: &[LineStyle]) -> bool {
        let mut seen = styles.to_vec();
        seen.sort_by_key(|s| (s.colour, s.dash));
        seen.dedup();
        seen.len() == styles.len()
    }

    #[test]
    fn twelve_lines_never_share_colour_and_dash() {
        let selected = ids(&(0..12).collect::<Vec<_>>());
        // Twelve places with a line each; one place with twelve metrics; three with four; two
        // with six; one with nine and three with one.
        let cases: [Vec<u32>; 5] = [
            (0..12).collect(),
            vec![3; 12],
            [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2].to_vec(),
            [4, 4, 4, 4, 4, 4, 7, 7, 7, 7, 7, 7].to_vec(),
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3].to_vec(),
        ];
        for entities in cases {
            let styles = line_styles(&ids(&entities), &selected);
            assert!(distinct(&styles), "{entities:?}: {styles:?}");
        }
    }

    #[test]
    fn a_place_keeps_its_colour_and_its_second_metric_gets_a_dash() {
        let selected = ids(&[0, 1, 2]);
        let styles = line_styles(&ids(&[0, 0, 1, 2]), &selected);
        assert_eq!(styles[0], LineStyle { colour: 0, dash: 0 });
        assert_eq!(styles[1], LineStyle { colour: 0, dash: 1 });
        assert_eq!(styles[2], LineStyle { colour: 1, dash: 0 });
        assert_eq!(styles[3], LineStyle { colour: 2, dash: 0 });
    }

    #[test]
    fn colours_follow_the_selection_not_the_dataset_and_hold_when_a_line_goes() {
        // Places 40, 41 and 97 of a dataset, selected: the first three colours, not 40 % 7 …
        let selected = ids(&[40, 41, 97]);
        let all = line_styles(&ids(&[40, 41, 97]), &selected);
        assert_eq!(all.iter().map(|s| s.colour).collect::<Vec<_>>(), [0, 1, 2]);
        // … and the same colours when the middle one has no line (a view without it).
        let without = line_styles(&ids(&[40, 97]), &selected);
        assert_eq!(without.iter().map(|s| s.colour).collect::<Vec<_>>(), [0, 2]);
    }

    #[test]
    fn more_places_selected_than_colours_colour_those_drawn() {
        let selected = ids(&(0..500).collect::<Vec<_>>());
        let drawn = ids(&[7, 130, 499, 3]);
        let styles = line_styles(&drawn, &selected);
        assert_eq!(styles.iter().map(|s| s.colour).collect::<Vec<_>>(), [0, 1, 2, 3]);
    }
}
