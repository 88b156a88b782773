//! The README's promises about files, driven through the real window with egui_kittest: the
//! data export, the high-resolution export, "Open folder", the in-app chooser, Ctrl+O, Open
//! recent and the progress bar's Cancel.

mod support;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use support::{Gate, OWID_CSV, app, record_opened_folders, step_until, wait_for_load};
use trade_explorer::settings::State;

/// Opens the File menu and clicks one of its items.
fn file_menu(harness: &mut egui_kittest::Harness<'_, trade_explorer::app::TradeExplorerApp>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label(item).click();
    // An item may start work in the background (an export) whose toast then fades in for more
    // frames than `run` allows: step until settled or the limit, and let the caller await the
    // result it expects.
    harness.run_ok();
}

#[test]
fn export_data_writes_the_table_rows_and_open_folder_opens_where_they_went() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut harness = app(State::default(), None);
    let opened = record_opened_folders(&mut harness);
    harness.state_mut().surroundings_mut().export_path = Some(dir.path().join("figures"));
    file_menu(&mut harness, "Export data (CSV)…");
    let target = dir.path().join("figures.csv");
    step_until(&mut harness, "the saved toast", |h| h.query_by_label_contains("Saved ").is_some());
    harness.get_by_label_contains(&format!("Saved {}", target.display()));

    let mut reader = csv::Reader::from_path(&target).expect("a CSV file");
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a record")).collect();
    let rows = harness.state_mut().table_rows();
    assert_eq!(records.len(), rows.len(), "one line per row of the Table view");
    for (record, row) in records.iter().zip(&rows) {
        assert_eq!((&record[0], &record[1]), (row.entity.as_str(), row.metric.as_str()));
        assert_eq!(record[2], row.time.to_string());
        assert_eq!(record[4].parse::<f64>().ok(), row.value);
    }
    assert!(records.iter().any(|r| &r[0] == "Jinhua" && &r[2] == "2025" && &r[4] == "921.3"), "{records:?}");

    harness.get_by_role_and_label(Role::Button, "Open folder").click();
    harness.run();
    assert_eq!(*opened.lock().expect("the list"), [dir.path().to_path_buf()]);
}

#[test]
fn the_high_resolution_export_draws_the_chart_at_the_size_and_scale_chosen() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut harness = app(State::default(), None);
    harness.state_mut().surroundings_mut().export_path = Some(dir.path().join("print"));
    file_menu(&mut harness, "Export image at high resolution…");
    harness.get_by_label("Export image at high resolution");
    harness.get_by_label("×3").click();
    harness.run();
    // The window says what it will make: the chart's size on screen, times three.
    // A label's text is its accesskit value.
    let pixels = harness.get_by_label_contains(" px").value().expect("a label");
    let (w, h) = pixels.trim_end_matches(" px").split_once(" × ").expect("W × H px");
    let (w, h): (u32, u32) = (w.parse().expect("a width"), h.parse().expect("a height"));
    harness.get_by_role_and_label(Role::Button, "Export…").click();
    step_until(&mut harness, "the saved toast", |h| h.query_by_label_contains("Saved ").is_some());
    let image = image::open(dir.path().join("print.png")).expect("a PNG").to_rgba8();
    assert_eq!(image.dimensions(), (w, h));
    assert!(w > 2400, "×3 of a chart over 800 points wide: {w}");
}

#[test]
fn ctrl_o_without_a_desktop_dialog_opens_the_in_app_chooser() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("exports.csv");
    std::fs::write(&path, OWID_CSV).expect("written");
    let mut harness = app(State::default(), None);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run();
    harness.get_by_label("Open a dataset");
    harness.get_by_role_and_label(Role::TextInput, "Path:").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Path:").type_text(&path.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Open").click();
    harness.step();
    wait_for_load(&mut harness);
    let names: Vec<String> = harness.state().loaded().dataset.entities.iter().map(|e| e.name.clone()).collect();
    assert_eq!(names, ["China", "World"]);
    assert!(harness.query_by_label("Open a dataset").is_none(), "the chooser stayed open");
}

#[test]
fn open_recent_opens_a_file_of_an_earlier_session() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("earlier.csv");
    std::fs::write(&path, OWID_CSV).expect("written");
    let mut harness = app(State { recent_files: vec![path.clone()], ..State::default() }, None);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").hover();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "earlier.csv").click();
    harness.step();
    wait_for_load(&mut harness);
    assert!(
        harness.state().message().is_some_and(|m| m.starts_with("Opened earlier.csv.")),
        "{:?}",
        harness.state().message()
    );
    assert_eq!(harness.state().loaded().dataset.entities.len(), 2);
}

#[test]
fn cancel_in_the_status_line_stops_a_load_and_keeps_the_data_that_was_open() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let gate = Gate::new(dir.path());
    let path = dir.path().join("large.csv");
    let mut rows = String::from("Entity,Code,Year,Exports\n");
    for row in 0..10_000 {
        rows.push_str(&format!("Place {},P,{},{row}\n", row % 100, 1900 + row / 100));
    }
    std::fs::write(&path, rows).expect("written");
    let mut harness = app(State::default(), None);
    let title = harness.state().loaded().dataset.title.clone();
    // The load waits at the gate until the test lets it go: it is running when Cancel is clicked.
    harness.state_mut().surroundings_mut().test_gate = Some(gate.0.clone());
    harness.input_mut().dropped_files.push(std::sync::Arc::new(support::DroppedPath(path)));
    harness.step();
    harness.step();
    assert!(harness.state().loading());
    harness.get_by_role(Role::ProgressIndicator);
    harness.get_by_role_and_label(Role::Button, "Cancel").click();
    harness.step();
    gate.open();
    wait_for_load(&mut harness);
    assert_eq!(harness.state().message().as_deref(), Some("Opening was cancelled."));
    assert_eq!(harness.state().loaded().dataset.title, title, "the data that was open stays");
    assert!(harness.query_by_role(Role::ProgressIndicator).is_none(), "the progress bar stayed");
}

#[test]
fn an_archive_of_several_tables_offers_each_and_opens_the_one_clicked() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let imports = OWID_CSV.replace("Exports", "Imports");
    let members: [(&str, &[u8]); 2] = [("exports.csv", OWID_CSV.as_bytes()), ("imports.csv", imports.as_bytes())];
    let path = support::zip_of(dir.path(), "trade.zip", &members);
    let mut harness = app(State::default(), None);
    support::drop_file(&mut harness, &path);
    harness.get_by_label("Choose a table");
    harness.get_by_role_and_label(Role::Button, "exports.csv");
    harness.get_by_role_and_label(Role::Button, "imports.csv").click();
    step_until(&mut harness, "the chosen table to open", |h| {
        h.state().loaded().dataset.metrics[0].name.starts_with("Imports")
    });
    assert_eq!(harness.state().loaded().dataset.metrics[0].name, "Imports (billion US$)");
    assert!(harness.query_by_label("Choose a table").is_none(), "the window closed");
}

#[test]
fn export_image_saves_the_chart_on_screen_as_a_drawing_when_the_name_ends_in_svg_or_pdf() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut harness = app(State::default(), None);
    for name in ["chart.svg", "chart.pdf"] {
        let target = dir.path().join(name);
        harness.state_mut().surroundings_mut().export_path = Some(target.clone());
        harness.get_by_label("File").click();
        harness.run();
        // The item's label carries its shortcut (Ctrl+S).
        harness.get_by_label_contains("Export image (PNG, SVG, PDF)…").click();
        harness.run_ok();
        step_until(&mut harness, "the saved toast", |h| {
            h.query_by_label_contains(&format!("Saved {}", target.display())).is_some()
        });
        let bytes = std::fs::read(&target).expect("the drawing was written");
        if name.ends_with(".svg") {
            let svg = String::from_utf8(bytes).expect("SVG is text");
            // Drawn at the size of the chart on screen, its title and legend as text.
            let layout = trade_explorer::ui::chart_layout(&harness.ctx, trade_explorer::ui::Tab::OverTime)
                .expect("the chart was drawn");
            let width = layout.chart_rect.expand(8.0).width().round();
            assert!(svg.contains(&format!("width=\"{width}\"")), "the on-screen width {width}: {}", &svg[..200]);
            assert!(svg.contains(">Exports</tspan>") && svg.contains(">Jinhua</tspan>"), "text as text");
        } else {
            assert!(bytes.starts_with(b"%PDF-"), "a PDF");
        }
    }
}
