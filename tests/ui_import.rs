//! The import dialog, driven as a person drives it: a file that does not open as it is opens
//! in the dialog; choosing a column's role changes the preview; Open shows the chart; the
//! choices are remembered for reopening and F5, and reported when the file no longer fits them;
//! cells pasted from a spreadsheet open in it, and can be saved as a dataset.

mod support;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use support::{DroppedPath, app, step_until, wait_for_load};
use trade_explorer::data::{Format, Time, load_path};
use trade_explorer::settings::State;

const CUSTOMS: &str = "tests/fixtures/import/customs_gb18030.csv";

/// Drops a file on the window and steps until it is open, or the import dialog is (whose
/// window fades in over more frames than `Harness::run` allows).
fn drop_file(harness: &mut egui_kittest::Harness<'_, trade_explorer::app::TradeExplorerApp>, path: &std::path::Path) {
    harness.input_mut().dropped_files.push(std::sync::Arc::new(DroppedPath(path.to_path_buf())));
    harness.step();
    support::step_while_loading(harness);
    harness.run_steps(8);
}

fn observations(harness: &egui_kittest::Harness<'_, trade_explorer::app::TradeExplorerApp>) -> usize {
    harness.state().loaded().dataset.observations.len()
}

#[test]
fn a_csv_in_gb18030_opens_in_the_import_dialog_whose_choices_change_the_preview_and_are_remembered() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv = dir.path().join("customs.csv");
    std::fs::copy(CUSTOMS, &csv).expect("copied");
    let settings = dir.path().join("settings.json");
    let mut harness = app(State::default(), Some(settings.clone()));
    drop_file(&mut harness, &csv);
    harness.get_by_label("Import customs.csv");
    harness.get_by_label("7 figures under these choices");
    assert_eq!(harness.state().loaded().format, Format::Json, "the bundled data stays open meanwhile");

    // Column D (imports) holds nothing to read: the preview loses its three figures.
    harness.get_by_role_and_label(Role::ComboBox, "D  进口").click();
    harness.run();
    harness.get_by_label("nothing to read").click();
    harness.run();
    harness.get_by_label("4 figures under these choices");
    // Saved for the command line: the same choices, read back.
    harness.get_by_role_and_label(Role::Button, "Save choices beside the file").click();
    harness.run_ok();
    let saved = trade_explorer::data::import_file::read_choices_file(&dir.path().join("customs.csv.import.json"))
        .expect("the choices were saved beside the file");
    assert_eq!(saved.columns[3], trade_explorer::data::import::ColumnRole::Skip);
    assert_eq!(saved.encoding, trade_explorer::data::text_grid::TextEncoding::Gb18030);
    harness.get_by_role_and_label(Role::Button, "Open").click();
    harness.step();
    wait_for_load(&mut harness);
    assert!(harness.query_by_label("Import customs.csv").is_none(), "the dialog closed");
    let loaded = harness.state().loaded();
    assert_eq!(loaded.format, Format::Imported);
    assert_eq!(observations(&harness), 4);
    let series = support::series_ids(&harness);
    assert!(!series.is_empty(), "the chart shows the figures");

    // F5 reads the file the same way, without asking.
    harness.key_press(egui::Key::F5);
    harness.step();
    wait_for_load(&mut harness);
    assert!(harness.query_by_label("Import customs.csv").is_none(), "F5 used the remembered choices");
    assert_eq!(observations(&harness), 4);

    // So does a new session.
    let mut again = app(State::default(), Some(settings));
    drop_file(&mut again, &csv);
    assert_eq!(again.state().loaded().format, Format::Imported);
    assert_eq!(observations(&again), 4);

    // A header that changed is reported, and the dialog asks again.
    let text = std::fs::read(&csv).expect("read");
    let (old, new) = ("进口".as_bytes(), "进口额".as_bytes());
    let (gb_old, _, _) = encoding_rs::GB18030.encode(std::str::from_utf8(old).unwrap());
    let (gb_new, _, _) = encoding_rs::GB18030.encode(std::str::from_utf8(new).unwrap());
    let at = text.windows(gb_old.len()).position(|w| w == &*gb_old).expect("the header names imports");
    let changed = [&text[..at], &gb_new, &text[at + gb_old.len()..]].concat();
    std::fs::write(&csv, changed).expect("written");
    drop_file(&mut again, &csv);
    again.get_by_label("Import customs.csv");
    let reason = again
        .query_all_by_label_contains("no longer fit")
        .next()
        .map(|n| n.accesskit_node().label().or_else(|| n.accesskit_node().value()).unwrap_or_default())
        .expect("the dialog says the choices no longer fit");
    assert!(reason.contains("进口额"), "{reason}");
}

#[test]
fn cells_pasted_from_a_spreadsheet_open_in_the_dialog_and_save_as_a_dataset() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut harness = app(State::default(), None);
    let copied = "Year\tJinhua\tYiwu\n2022\t100.5\t1,234\n2023\t110\t—\n";
    harness.input_mut().events.push(egui::Event::Paste(copied.into()));
    harness.run_ok();
    let title = harness
        .query_all_by_label_contains("Import Pasted on ")
        .next()
        .map(|n| n.accesskit_node().label().or_else(|| n.accesskit_node().value()).unwrap_or_default())
        .expect("the import dialog opened on the pasted cells");
    harness.get_by_label_contains("under these import choices no cell is a figure");
    // The places across the top need an indicator: the person names it.
    let field = harness.get_by_role_and_label(Role::TextInput, "Indicator of every figure:");
    field.click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Indicator of every figure:").type_text("Exports");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Open").click();
    harness.step();
    wait_for_load(&mut harness);
    let d = &harness.state().loaded().dataset;
    assert_eq!(d.observations.len(), 3);
    assert!(d.metrics.iter().any(|m| m.name.ends_with("Exports")), "{:?}", d.metrics);
    assert_eq!(format!("Import {}", d.sources[0].title), title, "the source is the paste and its date");
    assert!(d.observations.iter().all(|o| o.trust.is_none()), "pasted figures are not vouched for");

    let target = dir.path().join("pasted.json");
    harness.state_mut().surroundings_mut().export_path = Some(target.clone());
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Save as dataset…").click();
    step_until(&mut harness, "the dataset file", |_| target.exists());
    let saved = load_path(&target, 1 << 20).expect("the saved dataset opens");
    let value = |entity: &str, year: i32| {
        let d = &saved.dataset;
        d.observations
            .iter()
            .find(|o| d.entity(o.cell.entity).id == entity && o.cell.time == Time::Year(year))
            .map(|o| o.value)
    };
    assert_eq!(value("jinhua", 2022), Some(100.5));
    assert_eq!(value("yiwu", 2022), Some(1234.0));
    assert_eq!(value("yiwu", 2023), None, "a dash stays a gap");
    assert_eq!(saved.format, Format::Json);
}

#[test]
fn a_table_chosen_in_the_dialog_reads_its_years_and_units_from_another_header_row() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv = dir.path().join("odd.csv");
    // Two lines of notes above the header, as wide as it: detection takes the first for it.
    std::fs::write(&csv, "Quelle;Zoll;Hand\nStand;Mai;Juni\nJahr;Ausfuhr;Einfuhr\n2022;5;6\n2023;7;8\n")
        .expect("written");
    let mut harness = app(State::default(), None);
    drop_file(&mut harness, &csv);
    harness.get_by_label("Import odd.csv");
    harness.get_by_role_and_label(Role::SpinButton, "Header row:").set_value_accesskit(3.0);
    harness.run();
    harness.get_by_label("4 figures under these choices");
    harness.get_by_role_and_label(Role::Button, "Open").click();
    harness.step();
    wait_for_load(&mut harness);
    let d = &harness.state().loaded().dataset;
    let names: Vec<&str> = d.metrics.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Ausfuhr", "Einfuhr"]);
}

#[test]
fn a_long_table_is_previewed_by_its_first_rows_and_opened_whole() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv = dir.path().join("long.csv");
    let mut text = String::from("年份,地区,出口\n");
    for i in 0..2_500 {
        text.push_str(&format!("{},地{},{i}\n", 1900 + i / 25, i % 25));
    }
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    std::fs::write(&csv, &*gb).expect("written");
    let mut harness = app(State::default(), None);
    drop_file(&mut harness, &csv);
    harness.get_by_label("2,000 figures in the first 2,000 rows under these choices (Open reads every row)");
    harness.get_by_role_and_label(Role::Button, "Open").click();
    harness.step();
    wait_for_load(&mut harness);
    assert_eq!(observations(&harness), 2_500);
}

#[test]
fn file_import_opens_a_workbook_in_the_dialog_on_its_first_sheet_with_a_table_and_lists_its_sheets() {
    let mut harness = app(State::default(), None);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import…").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Path:").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    let workbook = std::path::absolute("tests/fixtures/workbooks/tidy.xlsx").expect("a path");
    harness.get_by_role_and_label(Role::TextInput, "Path:").type_text(&workbook.display().to_string());
    harness.run();
    // The chooser's Open sends the file to the import dialog, not to the loader.
    harness.get_by_role_and_label(Role::Button, "Open").click();
    harness.step();
    wait_for_load(&mut harness);
    harness.run_steps(8);
    harness.get_by_label("Import tidy.xlsx");
    assert_eq!(harness.state().loaded().format, Format::Json, "nothing opened before the dialog's Open");
    let sheet = harness.get_by_role_and_label(Role::ComboBox, "Sheet:");
    let shown = sheet.accesskit_node().value().unwrap_or_default();
    assert_eq!(shown, "数据", "the sheet with the table, not the notes before it");
    harness.get_by_label("4 figures under these choices");
    harness.get_by_role_and_label(Role::Button, "Open").click();
    harness.step();
    wait_for_load(&mut harness);
    assert_eq!(harness.state().loaded().format, Format::Imported);
    assert_eq!(observations(&harness), 4);
}
