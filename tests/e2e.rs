//! End-to-end tests of exporting and closing: the binary run as a user runs it. The batch export needs no
//! display at all; the interactive one runs the window in a private Xvfb display and drives it
//! with xdotool. `scripts/test` installs what they need (Xvfb, xdotool, Mesa).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

mod support;

use support::Gate;

const BIN: &str = env!("CARGO_BIN_EXE_trade-explorer");

/// The colours of Jinhua, Yiwu and Yongkang in the default selection: the palette's first three
/// (Okabe–Ito orange, sky blue, bluish green), by their places in the selection.
const JINHUA: [u8; 3] = [0xE6, 0x9F, 0x00];
const YIWU: [u8; 3] = [0x56, 0xB4, 0xE9];
const YONGKANG: [u8; 3] = [0x00, 0x9E, 0x73];

fn require(program: &str, package: &str) {
    let found =
        Command::new("sh").arg("-c").arg(format!("command -v {program}")).output().is_ok_and(|o| o.status.success());
    assert!(found, "{program} is missing: install it with `apt-get install -y {package}` (scripts/test does)");
}

fn export(args: &[&str]) -> String {
    let out = Command::new(BIN)
        .arg("export")
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the binary runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "export {args:?} failed: {text}");
    text
}

/// How many pixels are within a small distance of a colour.
fn count_colour(image: &image::RgbaImage, colour: [u8; 3]) -> usize {
    image.pixels().filter(|p| (0..3).all(|i| (i32::from(p[i]) - i32::from(colour[i])).abs() <= 6)).count()
}

fn assert_not_blank(image: &image::RgbaImage) {
    let first = image.get_pixel(0, 0);
    let different = image.pixels().filter(|p| *p != first).count();
    assert!(different > (image.width() * image.height()) as usize / 50, "the picture is nearly blank");
}

#[test]
fn batch_export_of_each_view_is_a_png_of_the_requested_size_with_the_series_colours() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (view, size, scale, colours) in [
        ("over-time", "900x560", "1", vec![JINHUA, YIWU, YONGKANG]),
        ("compare", "800x500", "2", vec![JINHUA, YIWU]),
        ("shares", "1000x700", "1", vec![JINHUA, YIWU, YONGKANG]),
    ] {
        let out = dir.path().join(format!("{view}.png"));
        export(&["--view", view, "--size", size, "--scale", scale, "--out", out.to_str().expect("UTF-8")]);
        let image = image::open(&out).unwrap_or_else(|e| panic!("{view}: {e}")).to_rgba8();
        let (w, h) = size.split_once('x').map(|(w, h)| (w.parse::<u32>().unwrap(), h.parse::<u32>().unwrap())).unwrap();
        let k: u32 = scale.parse().unwrap();
        assert_eq!(image.dimensions(), (w * k, h * k), "{view}");
        assert_not_blank(&image);
        // As any file a person saves: 0666 less the umask (0644 under the usual 022), not private.
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).expect("a file").permissions().mode() & 0o777;
        let plain = dir.path().join("plain");
        std::fs::write(&plain, "x").expect("written");
        assert_eq!(format!("{:o}", mode(&out)), format!("{:o}", mode(&plain)), "{view}");
        for colour in colours {
            assert!(count_colour(&image, colour) > 20, "{view}: colour {colour:?} is missing");
        }
    }
}

#[test]
fn batch_export_honours_language_theme_and_filters() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("dark.png");
    export(&[
        "--view",
        "over-time",
        "--entity",
        "yiwu",
        "--theme",
        "dark",
        "--lang",
        "zh",
        "--size",
        "600x400",
        "--out",
        out.to_str().unwrap(),
    ]);
    let image = image::open(&out).expect("a PNG").to_rgba8();
    // Yiwu alone is the selection's first place: the first colour; no second line.
    assert!(count_colour(&image, JINHUA) > 20, "Yiwu's line is missing");
    assert_eq!(count_colour(&image, YIWU), 0, "a second line was drawn: the filter was not applied");
    let corner = image.get_pixel(2, 2);
    assert!(corner[0] < 80 && corner[1] < 80 && corner[2] < 80, "a dark background: {corner:?}");
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_path(path).expect("a CSV");
    assert_eq!(
        reader.headers().expect("a header").iter().collect::<Vec<_>>(),
        ["entity", "metric", "year", "period", "value", "unit", "derived", "trust", "source_title", "source_url"]
    );
    let mut rows: Vec<Vec<String>> =
        reader.records().map(|r| r.expect("a record").iter().map(String::from).collect()).collect();
    rows.sort();
    rows
}

/// The rows a CSV export of full-year figures must hold, read from the bundled dataset's JSON
/// itself (not through the app's loader or queries): every whole (no category: with no part
/// chosen a chart shows wholes alone) that `wanted` picks, with its entity's and metric's names,
/// its unit as the app writes it, and its source.
/// Picks observations (with their metric) out of the dataset JSON.
type Wanted<'a> = Box<dyn Fn(&serde_json::Value, &serde_json::Value) -> bool + 'a>;

fn expected_rows(wanted: Wanted<'_>) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/jinhua_trade.json"))
        .expect("the bundled dataset");
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let by_id = |list: &str, id: &str| {
        json[list].as_array().expect(list).iter().find(|x| x["id"] == id).cloned().unwrap_or_else(|| panic!("{id}"))
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    for o in json["observations"].as_array().expect("observations") {
        let metric = by_id("metrics", o["metric"].as_str().expect("a metric"));
        if o.get("period").is_some() || o.get("category").is_some() || o.get("year").is_none() || !wanted(o, &metric) {
            continue;
        }
        let source = by_id("sources", o["source"].as_str().expect("a source"));
        let unit = match metric["unit"].as_str() {
            Some("billion_yuan") => "billion yuan",
            Some("share_percent") => "%",
            other => panic!("a unit this test does not know: {other:?}"),
        };
        let value = o["value"].as_f64().expect("a number");
        rows.push(vec![
            by_id("entities", o["entity"].as_str().expect("an entity"))["name"].as_str().expect("a name").into(),
            metric["name"].as_str().expect("a name").into(),
            o["year"].to_string(),
            String::new(),
            format!("{value}"),
            unit.into(),
            if o.get("derived").is_some() { "yes" } else { "no" }.into(),
            o["trust"].as_str().expect("a trust").into(),
            source["title"].as_str().expect("a title").into(),
            source["url"].as_str().expect("a URL").into(),
        ]);
    }
    rows.sort();
    rows
}

#[test]
fn the_csv_export_holds_exactly_the_figures_of_the_chart_as_the_dataset_states_them() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let default_places = ["jinhua", "yiwu", "yongkang"];
    let of_places = |o: &serde_json::Value| default_places.iter().any(|p| o["entity"] == *p);
    let cases: [(Vec<&str>, Wanted<'_>); 3] = [
        (vec!["--view", "over-time"], Box::new(|o, _| of_places(o) && o["metric"] == "exports")),
        (
            vec!["--view", "compare", "--metric", "exports,imports", "--year", "2024"],
            Box::new(|o, _| {
                of_places(o) && (o["metric"] == "exports" || o["metric"] == "imports") && o["year"] == 2024
            }),
        ),
        (
            vec!["--view", "shares", "--all-share-years"],
            Box::new(|o, m| of_places(o) && m["unit"] == "share_percent" && m["group"] == "industry_share"),
        ),
    ];
    for (args, wanted) in cases {
        let out = dir.path().join("rows.csv");
        let mut all = args.clone();
        all.extend(["--out", out.to_str().expect("UTF-8")]);
        export(&all);
        let expected = expected_rows(wanted);
        assert!(expected.len() >= 4, "{args:?}: only {} rows expected", expected.len());
        assert_eq!(csv_rows(&out), expected, "{args:?}");
    }
}

#[test]
fn invalid_export_arguments_are_refused_with_a_message() {
    for (args, message) in [
        (vec!["--view", "over-time", "--entity", "atlantis", "--out", "x.png"], "--entity atlantis: no such entity"),
        (
            vec!["--view", "over-time", "--out", "x.gif"],
            "must end in .png (a picture), .svg or .pdf (a vector drawing) or .csv",
        ),
        (vec!["--view", "over-time", "--size", "10x10", "--out", "x.png"], "from 200 to 8000"),
        (vec!["--view", "pie", "--out", "x.png"], "invalid value 'pie'"),
        (vec!["--view", "over-time", "--out", "/no/such/folder/x.png"], "could not write /no/such/folder/x.png"),
    ] {
        let out = Command::new(BIN).arg("export").args(&args).output().expect("runs");
        let text = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} succeeded");
        assert!(text.contains(message), "{args:?}: {text}");
    }
}

/// A private X display, stopped when dropped.
struct Xvfb {
    process: Child,
    display: String,
}

impl Xvfb {
    fn start() -> Xvfb {
        require("Xvfb", "xvfb");
        require("xdotool", "xdotool");
        // `-displayfd` lets the server pick a free display itself and print its number: tests
        // running in parallel must never share a display (keys would reach another test's app).
        let mut process = Command::new("Xvfb")
            .args(["-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts");
        let mut line = String::new();
        BufReader::new(process.stdout.take().expect("piped stdout")).read_line(&mut line).expect("Xvfb answers");
        let number: u32 = line.trim().parse().unwrap_or_else(|_| panic!("Xvfb printed no display number: {line:?}"));
        Xvfb { process, display: format!(":{number}") }
    }

    fn xdotool(&self, args: &[&str]) -> String {
        let out = Command::new("xdotool").args(args).env("DISPLAY", &self.display).output().expect("xdotool runs");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// Checks a condition until it holds or the time is up (for things that signal nothing).
fn wait_until(timeout: Duration, mut condition: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < timeout {
        if condition() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    condition()
}

/// The app's event lines (`ready`, `saved …`), read on a thread.
fn events(child: &mut Child) -> Receiver<String> {
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

fn expect_event(rx: &Receiver<String>, prefix: &str, timeout: Duration) -> String {
    let deadline = Instant::now() + timeout;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) if line.starts_with(prefix) => return line,
            Ok(_) => continue,
            Err(_) => panic!("the app did not say {prefix:?} within {timeout:?}"),
        }
    }
}

#[test]
fn ctrl_s_in_the_window_saves_the_chart_on_screen() {
    let xvfb = Xvfb::start();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let target = dir.path().join("chart.png");
    let app = RunningApp::start(&xvfb, dir.path(), &[], Some(&target));
    xvfb.xdotool(&["key", "--clearmodifiers", "ctrl+s"]);
    let saved = expect_event(&app.events, "saved ", Duration::from_secs(30));
    drop(app);
    assert_eq!(saved, format!("saved {}", target.display()));
    let image = image::open(&target).expect("a PNG").to_rgba8();
    // The chart area only: narrower than the 1280-point window (the side panel is left out).
    assert!(image.width() < 1100 && image.width() > 600 && image.height() > 400, "{:?}", image.dimensions());
    assert_not_blank(&image);
    for colour in [JINHUA, YIWU, YONGKANG] {
        assert!(count_colour(&image, colour) > 20, "colour {colour:?} is missing");
    }
    assert!(temporary_files(dir.path()).is_empty(), "temporary files left: {:?}", temporary_files(dir.path()));
}

#[test]
fn ctrl_shift_s_saves_the_whole_window() {
    let xvfb = Xvfb::start();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let target = dir.path().join("window.png");
    let app = RunningApp::start(&xvfb, dir.path(), &[], Some(&target));
    xvfb.xdotool(&["key", "--clearmodifiers", "ctrl+shift+s"]);
    expect_event(&app.events, "saved ", Duration::from_secs(30));
    let size = xvfb.xdotool(&["getwindowgeometry", "--shell", &app.window]);
    drop(app);
    let field = |name: &str| -> u32 {
        size.lines().find_map(|l| l.strip_prefix(&format!("{name}="))).and_then(|v| v.parse().ok()).expect(name)
    };
    let image = image::open(&target).expect("a PNG").to_rgba8();
    // All of the window: menu bar, side panel, chart and status line.
    assert_eq!(image.dimensions(), (field("WIDTH"), field("HEIGHT")));
    assert_not_blank(&image);
    for colour in [JINHUA, YIWU, YONGKANG] {
        assert!(count_colour(&image, colour) > 20, "colour {colour:?} is missing");
    }
}

#[test]
fn copy_image_puts_the_chart_on_the_clipboard() {
    require("xclip", "xclip");
    let xvfb = Xvfb::start();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let app = RunningApp::start(&xvfb, dir.path(), &[], None);
    xvfb.xdotool(&["key", "--clearmodifiers", "ctrl+shift+c"]);
    let copied = expect_event(&app.events, "copied image ", Duration::from_secs(30));
    // The app owns the clipboard while it runs: read it back as another program would, once the
    // app has offered it (eframe hands the picture to the clipboard after the frame).
    let offers_png = || {
        Command::new("xclip")
            .args(["-selection", "clipboard", "-t", "TARGETS", "-o"])
            .env("DISPLAY", &xvfb.display)
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).lines().any(|l| l == "image/png"))
    };
    assert!(wait_until(Duration::from_secs(20), offers_png), "the clipboard never offered a PNG");
    let png = Command::new("xclip")
        .args(["-selection", "clipboard", "-t", "image/png", "-o"])
        .env("DISPLAY", &xvfb.display)
        .output()
        .expect("xclip runs");
    assert!(png.status.success(), "xclip: {}", String::from_utf8_lossy(&png.stderr));
    let image = image::load_from_memory(&png.stdout).expect("a PNG on the clipboard").to_rgba8();
    assert_eq!(copied, format!("copied image {}x{}", image.width(), image.height()));
    // The chart, not the window.
    assert!(image.width() < 1100 && image.width() > 600 && image.height() > 400, "{:?}", image.dimensions());
    for colour in [JINHUA, YIWU, YONGKANG] {
        assert!(count_colour(&image, colour) > 20, "colour {colour:?} is missing");
    }
}

#[test]
fn an_idle_window_draws_nothing() {
    let xvfb = Xvfb::start();
    let config = tempfile::tempdir().expect("a temporary folder");
    let out = Command::new(BIN)
        .args(["--bench-idle", "2"])
        .env("DISPLAY", &xvfb.display)
        .env_remove("WAYLAND_DISPLAY")
        .env("TRADE_EXPLORER_CONFIG_DIR", config.path())
        .output()
        .expect("the app runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("idle frames in 2 s: 0"), "{text}{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn the_window_opens_a_csv_given_on_the_command_line_and_exports_its_chart() {
    let xvfb = Xvfb::start();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let data = dir.path().join("exports.csv");
    std::fs::write(&data, "Entity,Code,Year,Exports (billion US$)\nChina,CHN,2021,3360\nChina,CHN,2022,3590\nChina,CHN,2023,3380\nWorld,OWID_WRL,2023,23800\n")
        .expect("written");
    let target = dir.path().join("chart.png");
    let app = RunningApp::start(&xvfb, dir.path(), &[&data], Some(&target));
    xvfb.xdotool(&["key", "--clearmodifiers", "ctrl+s"]);
    expect_event(&app.events, "saved ", Duration::from_secs(30));
    drop(app);
    let image = image::open(&target).expect("a PNG").to_rgba8();
    assert_not_blank(&image);
    // China and World are the file's first two entities: Okabe–Ito orange and sky blue.
    assert!(count_colour(&image, [0xE6, 0x9F, 0x00]) > 20, "China's line is missing");
    assert!(count_colour(&image, [0x56, 0xB4, 0xE9]) > 5, "World's point is missing");
}

/// The mean structural similarity of two pictures of one size (1 = the same).
fn ssim(a: &image::RgbImage, b: &image::RgbImage) -> f64 {
    let (a, b) =
        (image::DynamicImage::ImageRgb8(a.clone()).to_luma8(), image::DynamicImage::ImageRgb8(b.clone()).to_luma8());
    image_compare::gray_similarity_structure(&image_compare::Algorithm::MSSIMSimple, &a, &b).expect("same sizes").score
}

#[test]
fn the_exported_png_drawn_from_the_svg_matches_the_window_s_own_capture_of_each_chart() {
    let xvfb = Xvfb::start();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let target = dir.path().join("window.png");
    let app = RunningApp::start(&xvfb, dir.path(), &[], Some(&target));
    // The least each view's whole picture, title and legend must reach. Measured (whole, title,
    // legend): Over time 0.959, 0.957, 0.911; Compare 0.965, 0.961, 0.969; Industry shares
    // 0.931, 0.904, 0.888. With an empty font database, so that the text is dropped: 0.933,
    // 0.837, 0.799; 0.946, 0.843, 0.961; 0.826, 0.644, 0.801 — each view fails.
    for (tab, view, whole, title_min, legend_min) in [
        ("ctrl+1", "over-time", 0.945, 0.93, 0.87),
        ("ctrl+2", "compare", 0.955, 0.93, 0.95),
        ("ctrl+3", "shares", 0.9, 0.85, 0.85),
    ] {
        xvfb.xdotool(&["key", "--clearmodifiers", tab]);
        expect_event(&app.events, "tab ", Duration::from_secs(30));
        xvfb.xdotool(&["key", "--clearmodifiers", "ctrl+s"]);
        expect_event(&app.events, "saved ", Duration::from_secs(30));
        let window = image::open(&target).expect("a PNG").to_rgb8();
        let (w, h) = window.dimensions();
        // The same chart from the command line, at the size the window captured (one pixel a
        // point under Xvfb), in the window's theme.
        let theme = if window.get_pixel(1, 1)[0] < 128 { "dark" } else { "light" };
        let drawn = dir.path().join(format!("{view}.png"));
        let size = format!("{w}x{h}");
        export(&["--view", view, "--size", &size, "--theme", theme, "--out", drawn.to_str().expect("UTF-8")]);
        let drawn = image::open(&drawn).expect("a PNG").to_rgb8();
        assert_eq!(drawn.dimensions(), (w, h), "{view}");
        let crop = |image: &image::RgbImage, (x, y, cw, ch): (u32, u32, u32, u32)| {
            image::imageops::crop_imm(image, x, y, cw, ch).to_image()
        };
        // The capture's top edge holds the bottom of the window's controls above the chart.
        let (title, legend) = ((0, 12, w / 2, 44), (0, h - 64, w / 2, 28));
        let scores = [
            ("whole picture", ssim(&window, &drawn), whole),
            ("title", ssim(&crop(&window, title), &crop(&drawn, title)), title_min),
            ("legend", ssim(&crop(&window, legend), &crop(&drawn, legend)), legend_min),
        ];
        for (what, score, threshold) in scores {
            eprintln!("SSIM {view} {what}: {score:.3}");
            assert!(
                score >= threshold,
                "{view}, {what}: SSIM {score:.3} < {threshold}: the drawing differs from the window"
            );
        }
    }
}

/// The app in a private display with its events on a channel, settings in `config`.
struct RunningApp {
    child: Child,
    events: Receiver<String>,
    window: String,
}

impl RunningApp {
    fn start(xvfb: &Xvfb, config: &Path, args: &[&Path], export_to: Option<&Path>) -> RunningApp {
        RunningApp::launch(xvfb, config, args, export_to, "en_US.UTF-8", None)
    }

    /// Starts the app with its background jobs waiting at `gate` (see [`Gate`]).
    fn start_with(
        xvfb: &Xvfb,
        config: &Path,
        args: &[&Path],
        export_to: Option<&Path>,
        gate: Option<&Path>,
    ) -> RunningApp {
        RunningApp::launch(xvfb, config, args, export_to, "en_US.UTF-8", gate)
    }

    /// Starts the app as a desktop set to `locale` starts it (the first start takes its language).
    fn start_in_locale(xvfb: &Xvfb, config: &Path, locale: &str) -> RunningApp {
        RunningApp::launch(xvfb, config, &[], None, locale, None)
    }

    fn launch(
        xvfb: &Xvfb,
        config: &Path,
        args: &[&Path],
        export_to: Option<&Path>,
        locale: &str,
        gate: Option<&Path>,
    ) -> RunningApp {
        let mut command = Command::new(BIN);
        command
            .args(args)
            .env("DISPLAY", &xvfb.display)
            .env("LANG", locale)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("WAYLAND_DISPLAY")
            .env("TRADE_EXPLORER_CONFIG_DIR", config)
            .env("TRADE_EXPLORER_EVENTS", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        if let Some(path) = export_to {
            command.env("TRADE_EXPLORER_EXPORT_PATH", path);
        }
        if let Some(gate) = gate {
            command.env("TRADE_EXPLORER_TEST_GATE", gate);
        }
        let mut child = command.spawn().expect("the app starts");
        let events = events(&mut child);
        expect_event(&events, "ready", Duration::from_secs(60));
        let window = xvfb.xdotool(&["search", "--sync", "--onlyvisible", "--pid", &child.id().to_string()]);
        let window = window.lines().next().expect("the app's window").to_string();
        xvfb.xdotool(&["windowfocus", "--sync", &window]);
        RunningApp { child, events, window }
    }

    /// Waits for the app to report it closed (session saved, work finished) and to exit with
    /// success.
    fn expect_clean_close(&mut self) {
        expect_event(&self.events, "closed", Duration::from_secs(30));
        self.expect_exit(Duration::from_secs(10));
    }

    /// Waits for the process to end by itself; kills it and fails if it does not.
    fn expect_exit(&mut self, timeout: Duration) {
        let ended = wait_until(timeout, || self.child.try_wait().expect("the app can be waited for").is_some());
        if !ended {
            let _ = self.child.kill();
            let _ = self.child.wait();
            panic!("the app was still running {timeout:?} after it was asked to close");
        }
        let status = self.child.wait().expect("the app's exit status");
        assert!(status.success(), "the app exited with {status}");
    }
}

impl Drop for RunningApp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn saved_state(config: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(config.join("settings.json")).expect("settings were saved");
    let json: serde_json::Value = serde_json::from_str(&text).expect("the settings are JSON");
    json["state"].clone()
}

fn saved_tab(config: &Path) -> String {
    saved_state(config)["tab"].as_str().expect("a tab").to_string()
}

fn temporary_files(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .expect("the folder lists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect()
}

#[test]
fn ctrl_q_closes_the_window_and_saves_the_session() {
    let xvfb = Xvfb::start();
    let config = tempfile::tempdir().expect("a temporary folder");
    let mut app = RunningApp::start(&xvfb, config.path(), &[], None);
    // Switch to the Industry shares tab and quit at once: the last change is saved on the way out.
    xvfb.xdotool(&["key", "--clearmodifiers", "ctrl+3", "ctrl+q"]);
    app.expect_clean_close();
    assert_eq!(saved_tab(config.path()), "shares");
}

#[test]
fn the_first_start_on_a_chinese_desktop_is_in_chinese_with_money_in_yi() {
    let xvfb = Xvfb::start();
    let config = tempfile::tempdir().expect("a temporary folder");
    let mut app = RunningApp::start_in_locale(&xvfb, config.path(), "zh_CN.UTF-8");
    xvfb.xdotool(&["key", "--clearmodifiers", "ctrl+q"]);
    app.expect_clean_close();
    let state = saved_state(config.path());
    assert_eq!(state["lang"], "zh-CN");
    assert_eq!(state["filter"]["unit_scale"], "hundred-million");
}

/// Switches to Compare (Ctrl+2) after the first frame, as a person would, and waits until the
/// app has done it but not yet saved it: the session is saved at most once a second, so only the
/// save on closing can keep this change.
fn change_the_session(xvfb: &Xvfb, app: &RunningApp, config: &Path) {
    xvfb.xdotool(&["key", "--clearmodifiers", "ctrl+2"]);
    expect_event(&app.events, "tab compare", Duration::from_secs(30));
    assert_eq!(saved_tab(config), "over-time", "saved before closing: the test cannot tell the close saved it");
}

#[test]
fn a_window_manager_close_request_closes_the_app_cleanly() {
    require("/usr/bin/python3", "python3-xlib");
    let xvfb = Xvfb::start();
    let config = tempfile::tempdir().expect("a temporary folder");
    let mut app = RunningApp::start(&xvfb, config.path(), &[], None);
    change_the_session(&xvfb, &app, config.path());
    let helper = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/close_window.py");
    let out = Command::new("/usr/bin/python3")
        .arg(&helper)
        .arg(&app.window)
        .env("DISPLAY", &xvfb.display)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "the close request was not sent (python3-xlib installed?): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    app.expect_clean_close();
    assert_eq!(saved_tab(config.path()), "compare");
}

#[test]
fn termination_signals_close_the_app_like_its_close_button() {
    // SIGTERM (a session logging out, `kill`), SIGINT (Ctrl+C in a terminal), SIGHUP.
    for signal in ["TERM", "INT", "HUP"] {
        let xvfb = Xvfb::start();
        let config = tempfile::tempdir().expect("a temporary folder");
        let mut app = RunningApp::start(&xvfb, config.path(), &[], None);
        change_the_session(&xvfb, &app, config.path());
        let status = Command::new("kill").args([&format!("-{signal}"), &app.child.id().to_string()]).status();
        assert!(status.expect("kill runs").success(), "SIG{signal}");
        app.expect_clean_close();
        assert_eq!(saved_tab(config.path()), "compare", "SIG{signal}");
    }
}

#[test]
fn closing_while_an_export_is_written_waits_for_it_and_finishes_the_file() {
    let xvfb = Xvfb::start();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let gate = Gate::new(dir.path());
    let target = dir.path().join("chart.png");
    let mut app = RunningApp::start_with(&xvfb, dir.path(), &[], Some(&target), Some(&gate.0));
    xvfb.xdotool(&["key", "--clearmodifiers", "ctrl+s"]);
    expect_event(&app.events, "writing ", Duration::from_secs(30));
    xvfb.xdotool(&["key", "--clearmodifiers", "ctrl+q"]);
    // The write is held at the gate: the window is closing and must wait for it.
    expect_event(&app.events, "closing", Duration::from_secs(30));
    assert!(!target.exists(), "the export finished before it was let go");
    gate.open();
    expect_event(&app.events, "saved ", Duration::from_secs(30));
    app.expect_clean_close();
    let image = image::open(&target).expect("a whole PNG").to_rgba8();
    assert_not_blank(&image);
    assert!(temporary_files(dir.path()).is_empty(), "temporary files left: {:?}", temporary_files(dir.path()));
}

#[test]
fn closing_while_a_file_loads_stops_the_load_and_exits_promptly() {
    let xvfb = Xvfb::start();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let gate = Gate::new(dir.path());
    let data = dir.path().join("large.csv");
    let mut rows = String::from("Entity,Code,Year,Exports (billion US$)\n");
    for row in 0..20_000 {
        rows.push_str(&format!("Place {},P{},{},{}.5\n", row % 100, row % 100, 1900 + row / 100, row));
    }
    std::fs::write(&data, rows).expect("written");
    let mut app = RunningApp::start_with(&xvfb, dir.path(), &[&data], None, Some(&gate.0));
    // F5 reads the file again on a worker, which waits at the gate: still loading when Ctrl+Q comes.
    xvfb.xdotool(&["key", "--clearmodifiers", "F5"]);
    expect_event(&app.events, "opening large.csv", Duration::from_secs(30));
    xvfb.xdotool(&["key", "--clearmodifiers", "ctrl+q"]);
    expect_event(&app.events, "closing", Duration::from_secs(30));
    gate.open();
    // The worker saw the cancel and stopped: it neither finished the file nor hung.
    let next = expect_event(&app.events, "open", Duration::from_secs(30));
    assert_eq!(next, "open cancelled: large.csv (stopped)");
    expect_event(&app.events, "closed", Duration::from_secs(10));
    app.expect_exit(Duration::from_secs(10));
}

/// One file of each format the app reads from elsewhere, with a figure its CSV export must hold.
const FILES_FROM_ELSEWHERE: [(&str, &str, &str); 14] = [
    ("workbooks/yearbook.xlsx", "Spreadsheet workbook", "Jinhua,进出口总额,2022,,630.025,billion yuan"),
    ("workbooks/yearbook.xls", "Spreadsheet workbook", "Jinhua,进出口总额,2022,,630.025,billion yuan"),
    ("workbooks/yearbook.ods", "Spreadsheet workbook", "Jinhua,进出口总额,2021,,600.05,billion yuan"),
    ("workbooks/places_across.xlsx", "Spreadsheet workbook", "Yiwu,出口,2023,,6.6,billion yuan"),
    ("workbooks/places_across.ods", "Spreadsheet workbook", "Jinhua,出口,2022,,10,billion yuan"),
    ("workbooks/tidy.xlsx", "Spreadsheet workbook", "Yiwu,出口,2023,,500,billion yuan"),
    ("workbooks/merged_header.xlsx", "Spreadsheet workbook", "Yiwu,出口,2022,,450,billion yuan"),
    ("owid/trade-share-of-gdp.csv", "Our World in Data CSV with its datapackage.json", "China"),
    ("owid-download/gdp-growth.csv", "Our World in Data chart download", "United States"),
    ("valid/owid_categories.csv", "Our World in Data CSV", "Shrub"),
    (
        "world-bank/API_NE.EXP.GNFS.CD_DS2_en_csv_v2_1.zip",
        "World Bank indicator download",
        "2021,,3500,billion US dollars",
    ),
    (
        "world-bank/bulk/WDICSV.csv",
        "World Bank WDI bulk download",
        "Germany,Exports of goods and services (current US$),2021,,1900,",
    ),
    ("world-bank/databank_semicolon.csv", "World Bank DataBank export", "Hong Kong SAR, China"),
    ("comtrade/comtrade_annual.csv", "UN Comtrade export", "2022,,3593.6,billion US dollars"),
];

#[test]
fn each_format_from_elsewhere_is_named_by_check_and_exports_as_a_chart_and_its_figures() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (file, format, figure) in FILES_FROM_ELSEWHERE {
        let path = fixtures.join(file);
        let out = Command::new(BIN).arg("check").arg(&path).output().expect("the binary runs");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success() && text.contains(&format!("({format}): ")), "{file}: {text}");
        let data = path.to_str().expect("UTF-8");
        let png = dir.path().join("chart.png");
        export(&["--data", data, "--view", "over-time", "--size", "800x500", "--out", png.to_str().expect("UTF-8")]);
        let image = image::open(&png).unwrap_or_else(|e| panic!("{file}: {e}")).to_rgba8();
        assert_eq!(image.dimensions(), (800, 500), "{file}");
        assert_not_blank(&image);
        let table = dir.path().join("figures.csv");
        export(&["--data", data, "--view", "over-time", "--out", table.to_str().expect("UTF-8")]);
        let written = std::fs::read_to_string(&table).expect("the export");
        assert!(written.lines().count() > 1 && written.contains(figure), "{file}: {figure} missing from\n{written}");
    }
}
