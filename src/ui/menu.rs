//! The top bar: the menu (File, View, Help) and the view tabs.

use egui::{Button, KeyboardShortcut, Modifiers, RichText, Ui};

use super::{Command, Tab, ThemeChoice};
use crate::data::Lang;

/// Keyboard shortcuts, shown in the menus and in Help › Keyboard shortcuts.
pub mod keys {
    use super::*;
    /// Open a dataset.
    pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::O);
    /// Reset the filters.
    pub const RESET: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::R);
    /// Read the open file again.
    pub const RELOAD: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, egui::Key::F5);
    /// Quit.
    pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::Q);
    /// Export the chart as PNG.
    pub const EXPORT_IMAGE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::S);
    /// Export the whole window as PNG.
    pub const EXPORT_WINDOW: KeyboardShortcut =
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), egui::Key::S);
    /// Copy the chart to the clipboard.
    pub const COPY_IMAGE: KeyboardShortcut =
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), egui::Key::C);
    /// Show or hide the side panel.
    pub const SIDE_PANEL: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::B);
    /// Tabs 1–5.
    pub const TABS: [KeyboardShortcut; 5] = [
        KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::Num1),
        KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::Num2),
        KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::Num3),
        KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::Num4),
        KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::Num5),
    ];
}

/// Reads the keyboard shortcuts of this frame.
pub fn shortcuts(ctx: &egui::Context) -> Vec<Command> {
    let mut commands = Vec::new();
    ctx.input_mut(|i| {
        for (k, tab) in keys::TABS.iter().zip(Tab::ALL) {
            if i.consume_shortcut(k) {
                commands.push(Command::SetTab(tab));
            }
        }
        if i.consume_shortcut(&keys::RESET) {
            commands.push(Command::ResetFilters);
        }
        if i.consume_shortcut(&keys::QUIT) {
            commands.push(Command::Quit);
        }
        // Shift variants first: consume_shortcut matches Ctrl+S also when Shift is down.
        if i.consume_shortcut(&keys::EXPORT_WINDOW) {
            commands.push(Command::ExportImage { whole_window: true });
        }
        if i.consume_shortcut(&keys::EXPORT_IMAGE) {
            commands.push(Command::ExportImage { whole_window: false });
        }
        if i.consume_shortcut(&keys::COPY_IMAGE) {
            commands.push(Command::CopyImage);
        }
        if i.consume_shortcut(&keys::RELOAD) {
            commands.push(Command::Reload);
        }
        if i.consume_shortcut(&keys::OPEN) {
            commands.push(Command::OpenFile);
        }
        if i.consume_shortcut(&keys::SIDE_PANEL) {
            commands.push(Command::ToggleSidePanel);
        }
        if i.key_pressed(egui::Key::Escape) {
            commands.push(Command::ClearSelection);
        }
    });
    commands
}

fn item(ui: &mut Ui, label: &str, shortcut: Option<&KeyboardShortcut>) -> bool {
    let mut button = Button::new(label);
    if let Some(k) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(k));
    }
    ui.add(button).clicked()
}

/// The menu bar and the tab strip.
pub fn show(
    ui: &mut Ui,
    tab: Tab,
    lang: Lang,
    theme: ThemeChoice,
    recent: &[std::path::PathBuf],
    can_reload: bool,
) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(lang.pick("File", "文件"), |ui| {
            if item(ui, lang.pick("Open…", "打开…"), Some(&keys::OPEN)) {
                commands.push(Command::OpenFile);
            }
            ui.add_enabled_ui(!recent.is_empty(), |ui| {
                ui.menu_button(lang.pick("Open recent", "最近打开"), |ui| {
                    for path in recent {
                        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                        if ui.button(name).on_hover_text(path.display().to_string()).clicked() {
                            commands.push(Command::OpenRecent(path.clone()));
                        }
                    }
                });
            });
            let reload = ui.add_enabled(
                can_reload,
                Button::new(lang.pick("Reload", "重新载入")).shortcut_text(ui.ctx().format_shortcut(&keys::RELOAD)),
            );
            if reload
                .on_disabled_hover_text(
                    lang.pick("The bundled dataset has no file to read again", "内置数据集没有可重新读取的文件"),
                )
                .clicked()
            {
                commands.push(Command::Reload);
            }
            ui.separator();
            if item(ui, lang.pick("Export image…", "导出图片…"), Some(&keys::EXPORT_IMAGE)) {
                commands.push(Command::ExportImage { whole_window: false });
            }
            if item(ui, lang.pick("Export image at high resolution…", "导出高分辨率图片…"), None) {
                commands.push(Command::ShowHighResExport);
            }
            if item(ui, lang.pick("Export window image…", "导出窗口图片…"), Some(&keys::EXPORT_WINDOW)) {
                commands.push(Command::ExportImage { whole_window: true });
            }
            if item(ui, lang.pick("Copy image", "复制图片"), Some(&keys::COPY_IMAGE)) {
                commands.push(Command::CopyImage);
            }
            if item(ui, lang.pick("Export data (CSV)…", "导出数据(CSV)…"), None) {
                commands.push(Command::ExportData);
            }
            if item(ui, lang.pick("Copy as command line", "复制为命令行"), None) {
                commands.push(Command::CopyCommandLine);
            }
            ui.separator();
            if item(ui, lang.pick("Quit", "退出"), Some(&keys::QUIT)) {
                commands.push(Command::Quit);
            }
        });
        ui.menu_button(lang.pick("View", "视图"), |ui| {
            ui.label(RichText::new(lang.pick("Theme", "主题")).weak());
            for (choice, label) in [
                (ThemeChoice::System, lang.pick("Follow the system", "跟随系统")),
                (ThemeChoice::Light, lang.pick("Light", "浅色")),
                (ThemeChoice::Dark, lang.pick("Dark", "深色")),
            ] {
                if ui.radio(theme == choice, label).clicked() {
                    commands.push(Command::SetTheme(choice));
                }
            }
            ui.separator();
            ui.label(RichText::new(lang.pick("Language", "语言")).weak());
            for (choice, label) in [(Lang::En, "English"), (Lang::Zh, "中文")] {
                if ui.radio(lang == choice, label).clicked() {
                    commands.push(Command::SetLang(choice));
                }
            }
            ui.separator();
            if item(ui, lang.pick("Show or hide the side panel", "显示或隐藏侧栏"), Some(&keys::SIDE_PANEL)) {
                commands.push(Command::ToggleSidePanel);
            }
            if item(ui, lang.pick("Reset filters", "重置筛选"), Some(&keys::RESET)) {
                commands.push(Command::ResetFilters);
            }
        });
        ui.menu_button(lang.pick("Help", "帮助"), |ui| {
            if item(ui, lang.pick("Keyboard shortcuts", "键盘快捷键"), None) {
                commands.push(Command::ShowShortcuts);
            }
            if item(ui, lang.pick("About Trade Explorer", "关于 Trade Explorer"), None) {
                commands.push(Command::ShowAbout);
            }
        });
        ui.separator();
        for (k, t) in Tab::ALL.into_iter().enumerate() {
            let shortcut = ui.ctx().format_shortcut(&keys::TABS[k]);
            if ui.selectable_label(tab == t, t.label(lang)).on_hover_text(shortcut).clicked() {
                commands.push(Command::SetTab(t));
            }
        }
    });
    commands
}

/// The lines of Help › Keyboard shortcuts.
pub fn shortcut_help(ctx: &egui::Context, lang: Lang) -> Vec<(String, String)> {
    let mut lines: Vec<(String, String)> = Tab::ALL
        .iter()
        .enumerate()
        .map(|(k, t)| (ctx.format_shortcut(&keys::TABS[k]), t.label(lang).to_string()))
        .collect();
    lines.extend([
        (ctx.format_shortcut(&keys::OPEN), lang.pick("Open a dataset", "打开数据集").to_string()),
        (ctx.format_shortcut(&keys::RELOAD), lang.pick("Read the open file again", "重新读取当前文件").to_string()),
        (
            ctx.format_shortcut(&keys::EXPORT_IMAGE),
            lang.pick("Export the chart as PNG", "将图表导出为 PNG").to_string(),
        ),
        (
            ctx.format_shortcut(&keys::EXPORT_WINDOW),
            lang.pick("Export the window as PNG", "将窗口导出为 PNG").to_string(),
        ),
        (
            ctx.format_shortcut(&keys::COPY_IMAGE),
            lang.pick("Copy the chart as an image", "将图表复制为图片").to_string(),
        ),
        (ctx.format_shortcut(&keys::RESET), lang.pick("Reset filters", "重置筛选").to_string()),
        (
            ctx.format_shortcut(&keys::SIDE_PANEL),
            lang.pick("Show or hide the side panel", "显示或隐藏侧栏").to_string(),
        ),
        (ctx.format_shortcut(&keys::QUIT), lang.pick("Quit", "退出").to_string()),
        ("Esc".into(), lang.pick("Clear the selected figure", "清除选中的数据").to_string()),
        (lang.pick("Scroll / drag", "滚动 / 拖动").into(), lang.pick("Pan the chart", "平移图表").to_string()),
        (lang.pick("Ctrl+scroll", "Ctrl+滚动").into(), lang.pick("Zoom", "缩放").to_string()),
        (lang.pick("Right-drag", "右键拖动").into(), lang.pick("Zoom into a box", "框选放大").to_string()),
        (lang.pick("Double-click", "双击").into(), lang.pick("Reset the zoom", "恢复缩放").to_string()),
        (
            lang.pick("Click a legend entry", "单击图例").into(),
            lang.pick("Hide or show a series", "隐藏或显示系列").to_string(),
        ),
        (
            lang.pick("Alt+click a legend entry", "Alt+单击图例").into(),
            lang.pick("Show only that series", "只显示该系列").to_string(),
        ),
    ]);
    lines
}
