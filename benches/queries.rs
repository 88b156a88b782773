//! Filter changes on file (a) (10,000 entities × 10 metrics × 10 years): the time from a new
//! filter to the new chart models, and typing in the entity search.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use trade_explorer::data::query::{PlaceSearch, TableColumn, bars_from_line, line_chart, search_entities, share_chart};
use trade_explorer::data::{DEFAULT_MAX_FILE_SIZE, Filter, load_path};
use trade_explorer::l10n::Lang;
use trade_explorer::l10n::sort_table;

mod common;

fn filter_changes(c: &mut Criterion) {
    let loaded = load_path(&common::large_dir().join("long.csv"), DEFAULT_MAX_FILE_SIZE).expect("file (a) loads");
    let d = &loaded.dataset;
    let mut all = Filter::initial(d);
    all.entities = d.entities.iter().map(|e| e.id.clone()).collect();
    let mut unticked = all.clone();
    unticked.entities.remove("entity_00042");
    let mut group = c.benchmark_group("filter_change_file_a");
    group.sample_size(20).measurement_time(Duration::from_secs(10));
    group.bench_function("untick_one_of_10000_entities_all_models", |b| {
        b.iter(|| {
            let line = line_chart(d, &unticked);
            let bars = bars_from_line(d, &unticked, &line);
            let shares = share_chart(d, &unticked);
            (line.series.len(), bars.groups.len(), shares.rows.len())
        })
    });
    group.bench_function("type_in_entity_search", |b| {
        let search = PlaceSearch { text: "entity_0421".into(), ..PlaceSearch::default() };
        b.iter(|| search_entities(d, &search).len())
    });
    // The Table view of that selection: 100,000 rows, sorted by entity name on a header click.
    let table = line_chart(d, &unticked).table();
    group.bench_function("sort_table_of_99990_rows_by_entity", |b| {
        b.iter(|| {
            let mut t = table.clone();
            sort_table(d, &mut t, TableColumn::Entity, false, Lang::EN);
            t.len()
        })
    });
    group.finish();
}

criterion_group!(benches, filter_changes);
criterion_main!(benches);
