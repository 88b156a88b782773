//! The baseline of the start-up measurement (docs/performance.md): a bare eframe window with one
//! label, the same renderer and size as Trade Explorer, that quits after its first painted frame
//! when run with `--bench-frames 1`.

fn main() -> eframe::Result {
    let started = std::time::Instant::now();
    let bench = std::env::args().any(|a| a == "--bench-frames");
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport: egui::ViewportBuilder::default().with_title("Bare window").with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    let mut frames = 0u32;
    eframe::run_ui_native("Bare window", options, move |ui, _frame| {
        frames += 1;
        if bench && frames == 2 {
            println!("first frame painted after {:.1} ms", started.elapsed().as_secs_f64() * 1000.0);
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ui.label("Hello");
        if bench {
            ui.ctx().request_repaint();
        }
    })
}
