//! Loading never panics, whatever the bytes: random bytes, and valid files mutated at random.

use std::path::Path;

use proptest::prelude::*;
use trade_explorer::data::csv::load_tidy_csv;
use trade_explorer::data::json::load_json;
use trade_explorer::data::load::BUNDLED_JSON;

const TIDY: &str = include_str!("fixtures/valid/tidy.csv");
const META: &str = include_str!("fixtures/valid/tidy.meta.json");

fn mutate(base: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut bytes = base.to_vec();
    for &(at, op, byte) in edits {
        if bytes.is_empty() {
            bytes.push(byte);
            continue;
        }
        let at = at % bytes.len();
        match op % 4 {
            0 => bytes[at] = byte,
            1 => bytes.insert(at, byte),
            2 => {
                bytes.remove(at);
            }
            _ => bytes.truncate(at),
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn json_loader_never_panics_on_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = load_json(Path::new("random.json"), &bytes);
    }

    #[test]
    fn json_loader_never_panics_on_a_mutated_dataset(edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..8)) {
        let bytes = mutate(BUNDLED_JSON.as_bytes(), &edits);
        if let Err(err) = load_json(Path::new("mutated.json"), &bytes) {
            // Whatever went wrong is said, with the file's name.
            prop_assert!(err.to_string().starts_with("mutated.json: "));
        }
    }

    #[test]
    fn csv_loader_never_panics_on_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = load_tidy_csv(Path::new("random.csv"), &bytes, None, &Default::default());
    }

    #[test]
    fn csv_loader_never_panics_on_a_mutated_file(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..8),
        meta_edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 0..3),
    ) {
        let csv = mutate(TIDY.as_bytes(), &edits);
        let meta = mutate(META.as_bytes(), &meta_edits);
        if let Err(err) = load_tidy_csv(Path::new("mutated.csv"), &csv, Some((Path::new("mutated.meta.json"), &meta)), &Default::default()) {
            prop_assert!(err.to_string().starts_with("mutated"));
        }
    }
}

/// A cell as published tables write them: numbers, percentages, gaps, words, anything.
fn published_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<f64>().prop_map(|v| v.to_string()),
        (-1e6f64..1e6).prop_map(|v| format!("{v:.2}")),
        (0u32..100).prop_map(|v| format!("{v}%")),
        Just(String::new()),
        prop::sample::select(vec!["NA", "..", "-", "—", "n/a", "NaN", ">1000", "Asia", "\"a, b\"", "\"1,234\""])
            .prop_map(str::to_string),
        "[ -~]{0,8}".prop_map(|s| format!("\"{}\"", s.replace('"', "\"\""))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// Any Our World in Data-shaped file, with text, gaps and any years, opens or says where it
    /// is wrong; and a file with one clean column of numbers always opens, whatever else it has.
    #[test]
    fn an_owid_shaped_file_opens_or_says_where_it_is_wrong(
        years in proptest::collection::btree_set(-12_000i64..12_000, 1..6),
        other in proptest::collection::vec(published_cell(), 0..40),
        clean in proptest::collection::vec(prop::option::of(-1e9f64..1e9), 1..6),
        odd_year in prop::option::of("[ -~]{1,6}"),
    ) {
        use trade_explorer::data::owid::{PackageFor, load_owid_csv};
        let mut csv = String::from("Entity,Code,Year,Clean,Other\n");
        let entities = ["China", "World", "Côte d'Ivoire"];
        let (mut k, mut has_number) = (0, false);
        for (i, year) in years.iter().enumerate() {
            for entity in entities {
                let clean = clean[(i + k) % clean.len()];
                has_number |= clean.is_some();
                let clean = clean.map(|v| v.to_string()).unwrap_or_default();
                let other = other.get(k).cloned().unwrap_or_default();
                csv.push_str(&format!("\"{entity}\",,{year},{clean},{other}\n"));
                k += 1;
            }
        }
        if let Some(year) = &odd_year {
            csv.push_str(&format!("Japan,JPN,\"{}\",1,\n", year.replace('"', "\"\"")));
        }
        let result = load_owid_csv(Path::new("owid.csv"), csv.as_bytes(), PackageFor::Missing, &Default::default());
        let in_range = years.iter().all(|y| (-10_000..=9_999).contains(y));
        let odd_is_a_year = odd_year.as_deref().is_none_or(|y| y.trim().parse::<i32>().is_ok_and(|y| (-10_000..=9_999).contains(&y)));
        match result {
            Ok((d, _)) => {
                prop_assert!(d.observations.iter().all(|o| o.value.is_finite()));
                prop_assert!(d.observations.iter().all(|o| (-10_000..=9_999).contains(&o.cell.time.year())));
            }
            Err(err) => {
                let text = err.to_string();
                prop_assert!(text.starts_with("owid.csv: "), "{}", text);
                prop_assert!(!(in_range && has_number && odd_is_a_year), "a file with a clean column was refused: {}\n{}", text, csv);
            }
        }
    }
}

/// A World Bank-shaped row's name: clean, with a comma (quoted or, as a European re-save
/// splits it, a column of its own), or anything.
fn country_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("China".to_string()),
        Just("\"Hong Kong SAR, China\"".to_string()),
        Just("Korea;Rep.".to_string()),
        "[ -~]{0,10}".prop_map(|s| s.replace([',', ';', '"', '\n', '\r'], " ")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1_000, ..ProptestConfig::default() })]

    /// Any World Bank- or Comtrade-shaped table, with odd names, codes and cells, opens or says
    /// where it is wrong, naming the file and the format it was read as; never a panic.
    #[test]
    fn a_world_bank_or_comtrade_shaped_file_opens_or_says_where_it_is_wrong(
        names in proptest::collection::vec(country_name(), 1..6),
        codes in proptest::collection::vec("[A-Z]{3}|[a-z0-9 ]{0,4}", 1..6),
        cells in proptest::collection::vec(published_cell(), 1..30),
        semicolons in any::<bool>(),
        comtrade in any::<bool>(),
    ) {
        let d = if semicolons { ";" } else { "," };
        let mut csv = if comtrade {
            format!("freqCode{d}refYear{d}reporterISO{d}reporterDesc{d}flowDesc{d}partnerISO{d}partnerDesc{d}cmdCode{d}primaryValue\n")
        } else {
            format!("\"Data Source\"{d}\"World Development Indicators\"{d}\n\n\"Country Name\"{d}\"Country Code\"{d}\"Indicator Name\"{d}\"Indicator Code\"{d}\"2020\"{d}\"2021\"{d}\n")
        };
        for (i, name) in names.iter().enumerate() {
            let code = &codes[i % codes.len()];
            let (a, b) = (&cells[i % cells.len()], &cells[(i * 7 + 3) % cells.len()]);
            let name = if semicolons { name.clone() } else { name.replace(';', ",") };
            if comtrade {
                csv.push_str(&format!("A{d}2022{d}{code}{d}{name}{d}Export{d}W00{d}World{d}TOTAL{d}{a}\n"));
            } else {
                csv.push_str(&format!("{name}{d}{code}{d}Exports (current US$){d}NE.EXP.GNFS.CD{d}{a}{d}{b}{d}\n"));
            }
        }
        match trade_explorer::data::load_bytes(Path::new("table.csv"), csv.as_bytes(), &Default::default()) {
            Ok(loaded) => prop_assert!(loaded.dataset.observations.iter().all(|o| o.value.is_finite())),
            Err(err) => {
                let text = err.to_string();
                prop_assert!(text.starts_with("table.csv"), "{}", text);
                let format = if comtrade { "(read as UN Comtrade export)" } else { "(read as World Bank indicator download)" };
                prop_assert!(text.contains(format), "{}\n{}", text, csv);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1_000, ..ProptestConfig::default() })]

    /// Any pasted or CSV table, read by the choices detection makes and then by choices changed
    /// at random (header row, roles, units, what the columns are named by), opens or says why.
    #[test]
    fn import_choices_never_panic_whatever_the_table_and_the_roles(
        cells in proptest::collection::vec(
            proptest::collection::vec(
                prop_oneof!["", "2023", "2023年", "金华", "Yiwu", "1,234.5", "—", "注:", "%", "亿元", "[a-z ]{0,6}", "-?[0-9]{1,4}"],
                0..6,
            ),
            0..8,
        ),
        header in 0usize..10,
        roles in proptest::collection::vec(0u8..7, 0..8),
        names in 0u8..3,
    ) {
        use trade_explorer::data::import::{ColumnNames, ColumnRole};
        use trade_explorer::data::import_detect::detect_choices;
        use trade_explorer::data::import_file::{load_tables_by_choices, pasted_table};
        let text: String = cells.iter().map(|row| row.join("\t") + "\n").collect();
        let Ok(table) = pasted_table("pasted", &text, &Default::default()) else { return Ok(()) };
        let detected = detect_choices(&table, Default::default());
        let tables = [table];
        let _ = load_tables_by_choices(Path::new("pasted"), &tables, &detected, None, &Default::default());
        let mut changed = detected.with_header_row(&tables[0], header);
        for (c, role) in roles.iter().enumerate() {
            let role = match role {
                0 => ColumnRole::Skip,
                1 => ColumnRole::Place,
                2 => ColumnRole::Time,
                3 => ColumnRole::Indicator,
                4 => ColumnRole::Unit,
                5 => ColumnRole::Value { unit: "亿元".into(), name: String::new() },
                _ => ColumnRole::Value { unit: String::new(), name: "growth %".into() },
            };
            if c < changed.columns.len() { changed.columns[c] = role } else { changed.columns.push(role) }
        }
        changed.column_names = [ColumnNames::Years, ColumnNames::Indicators, ColumnNames::Places][names as usize];
        if let Err(err) = load_tables_by_choices(Path::new("pasted"), &tables, &changed, None, &Default::default()) {
            prop_assert!(err.to_string().starts_with("pasted: "), "{err}");
        }
    }
}
