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
