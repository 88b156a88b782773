//! What the unit tests of the queries and of their words share: the bundled dataset, a filter of
//! places and metrics, a series by id.

use super::query::{LineChart, Series};
use super::{Dataset, Filter, load_bundled};

/// The bundled dataset.
pub(crate) fn bundled() -> Dataset {
    load_bundled().unwrap_or_else(|e| panic!("the bundled dataset does not load: {e:?}")).dataset
}

/// A filter of these places and metrics, everything else as the defaults.
pub(crate) fn filter(entities: &[&str], metrics: &[&str]) -> Filter {
    Filter {
        entities: entities.iter().map(|s| s.to_string()).collect(),
        metrics: metrics.iter().map(|s| s.to_string()).collect(),
        ..Filter::default()
    }
}

/// The series of a chart with this id.
pub(crate) fn series<'a>(chart: &'a LineChart, id: &str) -> &'a Series {
    chart.series.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("no series {id}"))
}
