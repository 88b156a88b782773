//! A dataset written in the app's own JSON format (docs/dataset-format.md), so figures that
//! were imported or pasted can be kept as a file and opened again without the import dialog.

use serde_json::{Map, Value, json};

use super::model::{Dataset, Observation, Time, Trust};

/// Inserts `value` under `key` unless it is empty.
fn put(map: &mut Map<String, Value>, key: &str, value: Option<&str>) {
    if let Some(v) = value.filter(|v| !v.is_empty()) {
        map.insert(key.into(), Value::String(v.to_string()));
    }
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// One observation as the format writes it. A figure whose trust the file did not state is
/// written as `low`, the format's level for figures no one vouches for; its workbook cell, when
/// it has one, becomes its note, so it can still be checked against the original.
fn observation(d: &Dataset, o: &Observation) -> Value {
    let cell = &o.cell;
    let mut map = object(json!({
        "entity": d.entities[cell.entity.0 as usize].id,
        "metric": d.metrics[cell.metric.0 as usize].id,
    }));
    match cell.time {
        Time::Year(year) => map.insert("year".into(), json!(year)),
        time => map.insert("date".into(), json!(time.to_string())),
    };
    if let Some(c) = cell.category {
        map.insert("category".into(), json!(d.categories[c.index() as usize].id));
    }
    if cell.period.0 != 0 {
        map.insert("period".into(), json!(d.periods[cell.period.0 as usize]));
    }
    map.insert("value".into(), json!(o.value));
    let source = o.source.map(|s| d.sources[s.index() as usize].id.as_str()).unwrap_or_default();
    map.insert("source".into(), json!(source));
    map.insert("trust".into(), json!(o.trust.unwrap_or(Trust::Low).as_str()));
    let details = o.details.as_deref();
    let origin = d.origin_text(o);
    let derived = details.is_some_and(|x| x.derivation.is_some());
    // The format asks each reported figure for the words of its source that state it; for a
    // figure read from a table, that is its cell and what the cell says.
    let stated = || {
        let place = origin.clone().or_else(|| o.source.map(|s| d.sources[s.index() as usize].title.clone()))?;
        Some(format!("{place}: {}", o.value))
    };
    let quote = details.and_then(|x| x.quote.clone()).or_else(|| (!derived).then(stated).flatten());
    put(&mut map, "quote", quote.as_deref());
    let note = [details.and_then(|x| x.note.clone()), origin].into_iter().flatten().collect::<Vec<_>>().join("; ");
    put(&mut map, "note", Some(&note));
    if let Some(derivation) = details.and_then(|x| x.derivation.as_ref()) {
        map.insert("derived".into(), json!({ "formula": derivation.formula }));
    }
    Value::Object(map)
}

/// The dataset as the app's JSON document, pretty-printed.
pub fn dataset_json(d: &Dataset) -> String {
    let sources: Vec<Value> = d
        .sources
        .iter()
        .map(|s| {
            let mut map = object(json!({ "id": s.id, "title": s.title, "publisher": s.publisher, "url": s.url }));
            put(&mut map, "published", s.published.as_deref());
            put(&mut map, "retrieved", s.retrieved.as_deref());
            Value::Object(map)
        })
        .collect();
    let entities: Vec<Value> = d
        .entities
        .iter()
        .map(|e| {
            let mut map = object(json!({ "id": e.id, "name": e.name }));
            put(&mut map, "name_zh", e.name_zh.as_deref());
            put(&mut map, "kind", Some(&e.kind));
            put(&mut map, "parent", e.parent.map(|p| d.entities[p.0 as usize].id.as_str()));
            Value::Object(map)
        })
        .collect();
    let metrics: Vec<Value> = d
        .metrics
        .iter()
        .map(|m| {
            let mut map = object(json!({ "id": m.id, "name": m.name, "unit": m.unit.id() }));
            put(&mut map, "name_zh", m.name_zh.as_deref());
            put(&mut map, "group", Some(&m.group));
            put(&mut map, "share_of", m.share_of.as_deref());
            put(&mut map, "description", Some(&m.description));
            Value::Object(map)
        })
        .collect();
    let categories: Vec<Value> = d
        .categories
        .iter()
        .map(|c| {
            let mut map = object(json!({ "id": c.id, "name": c.name }));
            put(&mut map, "name_zh", c.name_zh.as_deref());
            put(&mut map, "dimension", c.dimension.as_deref());
            let overlaps: Vec<&str> = c.overlaps.iter().map(|o| d.categories[o.index() as usize].id.as_str()).collect();
            if !overlaps.is_empty() {
                map.insert("overlaps".into(), json!(overlaps));
            }
            Value::Object(map)
        })
        .collect();
    let mut document = object(json!({ "format_version": 1, "title": d.title }));
    put(&mut document, "description", Some(&d.description));
    put(&mut document, "title_zh", d.title_zh.as_deref());
    put(&mut document, "description_zh", d.description_zh.as_deref());
    document.insert("sources".into(), Value::Array(sources));
    document.insert("entities".into(), Value::Array(entities));
    document.insert("metrics".into(), Value::Array(metrics));
    if !categories.is_empty() {
        document.insert("categories".into(), Value::Array(categories));
    }
    let observations = d.observations.iter().map(|o| observation(d, o)).collect();
    document.insert("observations".into(), Value::Array(observations));
    serde_json::to_string_pretty(&Value::Object(document)).unwrap_or_default()
}
