//! The columns of an OWID table that hold text. One that gives each place a single value (its
//! region, its income group) becomes an [`Attribute`] the side panel narrows the places by. A
//! table of nothing but text (a status per country and year, a region per country) is charted
//! as what it says: how many places are in each state, each year — counts marked derived,
//! with the places counted in their note.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use super::build::{Builder, DerivationInput, DetailsInput, ObservationInput};
use super::cells::{CellValue, Decimals, read_cell};
use super::csv::slug;
use super::error::{Place, ProblemKind, Warning};
use super::model::{Entity, Metric, Time, Unit};

/// Above this many different values a column of text is not a set of categories (it is names
/// or notes) and is not counted.
const MAX_CATEGORIES: usize = 100;

/// Per time and value: the places that have it, and the row of the first.
type Counted = BTreeMap<(Time, String), (Vec<String>, usize)>;

/// One column of text, as its rows are read.
pub(crate) struct TextColumn {
    /// Its place in a row.
    pub index: usize,
    /// Its name in the header.
    pub name: String,
    /// What the file's metadata calls it, and says of it.
    pub title: Option<String>,
    pub description: Option<String>,
    /// Per place, by name: its value.
    per_place: HashMap<String, String>,
    /// Whether some place has two different values (then it is no attribute).
    varies: bool,
    /// The different values.
    values: std::collections::HashSet<String>,
    /// When counting: per time and value, the places and the first row (`None` once the column
    /// has too many values to count).
    counted: Option<Counted>,
}

impl TextColumn {
    /// A column at `index` named `name`; `count` keeps the places per time and value.
    pub(crate) fn new(index: usize, name: String, about: (Option<String>, Option<String>), count: bool) -> Self {
        let (title, description) = about;
        let counted = count.then(BTreeMap::new);
        TextColumn {
            index,
            name,
            title,
            description,
            per_place: HashMap::default(),
            varies: false,
            values: Default::default(),
            counted,
        }
    }

    /// Reads the column's cell of one row of `place` at `time`.
    pub(crate) fn read(&mut self, record: &csv::StringRecord, place_time: (&str, Time), row: usize) {
        self.read_text(record.get(self.index).unwrap_or_default(), place_time, row);
    }

    /// [`TextColumn::read`] of the column's cell in a row.
    pub(crate) fn read_text(&mut self, cell: &str, (place, time): (&str, Time), row: usize) {
        let cell = cell.trim();
        if read_cell(cell, Decimals::Point) == CellValue::Missing {
            return;
        }
        match self.per_place.get(place) {
            Some(value) => self.varies |= value != cell,
            None => {
                self.per_place.insert(place.to_string(), cell.to_string());
            }
        }
        if self.values.len() <= MAX_CATEGORIES && !self.values.contains(cell) {
            self.values.insert(cell.to_string());
        }
        if self.values.len() > MAX_CATEGORIES {
            self.counted = None;
        }
        if let Some(counted) = &mut self.counted {
            counted.entry((time, cell.to_string())).or_insert_with(|| (Vec::new(), row)).0.push(place.to_string());
        }
    }

    /// The column as a property of places: each place's value, by entity id; `None` when some
    /// place has two values, or none has any.
    fn attribute(&self, entity_ids: &HashMap<String, String>) -> Option<Vec<(String, String)>> {
        if self.varies || self.per_place.is_empty() {
            return None;
        }
        let pairs =
            self.per_place.iter().filter_map(|(place, value)| Some((entity_ids.get(place)?.clone(), value.clone())));
        Some(pairs.collect())
    }
}

/// Keeps each column that describes places as an attribute, and names the others in a warning.
pub(crate) fn keep_attributes(builder: &mut Builder, columns: &[TextColumn], entity_ids: &HashMap<String, String>) {
    let mut kept = Vec::new();
    let mut set_aside = Vec::new();
    for column in columns {
        match column.attribute(entity_ids) {
            Some(pairs) => {
                builder.add_attribute(column.title.clone().unwrap_or_else(|| column.name.clone()), &pairs);
                kept.push(column.name.clone());
            }
            None => set_aside.push(column.name.clone()),
        }
    }
    if !kept.is_empty() {
        builder.warn(Warning::AttributeColumns { columns: kept });
    }
    if !set_aside.is_empty() {
        builder.warn(Warning::TextColumns { columns: set_aside });
    }
}

/// Charts a table of nothing but text: per column, one metric counting the places in each of
/// its values (each value an aggregate entity), per time. Refuses the file when no column has
/// few enough values to count.
pub(crate) fn count_places(builder: &mut Builder, columns: Vec<TextColumn>, source: Option<&str>) {
    let mut used_ids = std::collections::HashSet::new();
    let mut counted_columns = Vec::new();
    let mut selection = (Vec::new(), Vec::new());
    for column in columns.iter() {
        let Some(counted) = &column.counted else { continue };
        let metric = format!("places-by-{}", slug(&column.name));
        let name = column.title.clone().unwrap_or_else(|| column.name.clone());
        let at = Place::HeaderColumn(column.name.clone());
        builder.add_metric(
            &at,
            Metric {
                id: metric.clone(),
                name: name.clone(),
                name_zh: None,
                unit: Unit::Count,
                group: String::new(),
                share_of: None,
                description: column.description.clone().unwrap_or_default(),
            },
        );
        let mut value_ids: HashMap<&str, String> = HashMap::default();
        for ((_, value), _) in counted.iter() {
            if value_ids.contains_key(value.as_str()) {
                continue;
            }
            let base = format!("{}-{}", slug(&column.name), slug(value));
            let mut id = base.clone();
            let mut n = 2;
            while !used_ids.insert(id.clone()) {
                id = format!("{base}_{n}");
                n += 1;
            }
            let entity = Entity {
                id: id.clone(),
                name: value.clone(),
                name_zh: None,
                kind: name.clone(),
                parent: None,
                aggregate: true,
            };
            builder.add_entity(&at, entity, None);
            value_ids.insert(value, id);
        }
        if selection.1.is_empty() {
            selection = (most_counted(counted, &value_ids), vec![metric.clone()]);
        }
        for ((time, value), (places, row)) in counted {
            let mut places = places.clone();
            // A place written twice for one time is counted once.
            places.sort_unstable();
            places.dedup();
            let details = DetailsInput {
                derived: Some(DerivationInput {
                    formula: format!("count({} = \"{value}\")", column.name),
                    inputs: Vec::new(),
                }),
                note: Some(places.join(", ")),
                ..DetailsInput::default()
            };
            let input = ObservationInput {
                details: Some(details),
                ..ObservationInput::plain(&value_ids[value.as_str()], &metric, *time, places.len() as f64, source)
            };
            builder.add_observation(*row, input);
        }
        counted_columns.push(column.name.clone());
    }
    if counted_columns.is_empty() {
        let columns = columns.into_iter().map(|c| c.name).collect();
        builder.problem(Place::Header, ProblemKind::OnlyText { columns });
        return;
    }
    builder.default_selection(selection.0, selection.1);
    builder.warn(Warning::CountedPlaces { columns: counted_columns });
}

/// The ids of the values with the most places over all times, at most ten, for the first view.
fn most_counted(counted: &Counted, ids: &HashMap<&str, String>) -> Vec<String> {
    let mut totals: HashMap<&str, usize> = HashMap::default();
    for ((_, value), (places, _)) in counted {
        *totals.entry(value.as_str()).or_default() += places.len();
    }
    let mut values: Vec<(&str, usize)> = totals.into_iter().collect();
    values.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    values.into_iter().take(10).map(|(v, _)| ids[v].clone()).collect()
}
