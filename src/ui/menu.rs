//! The top bar: the menu (File, View, Help) and the view tabs.

use egui::{Button, KeyboardShortcut, Modifiers, RichText, Ui};

use super::{Command, Tab, ThemeChoice};
use crate::l10n::Lang;
use crate::tr;

/// Keyboard shortcuts, shown in the menus and in Help › Keyboard shortcuts.
pub(crate) mod keys {
    use super::*;
    /// Open a dataset.
    pub(crate) const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::O);
    /// Reset the filters.
    pub(crate) const RESET: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::R);
    /// Read the open file again.
    pub(crate) const RELOAD: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, egui::Key::F5);
    /// Quit.
    pub(crate) const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::Q);
    /// Export the chart as PNG.
    pub(crate) const EXPORT_IMAGE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::S);
    /// Export the whole window as PNG.
    pub(crate) const EXPORT_WINDOW: KeyboardShortcut =
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), egui::Key::S);
    /// Copy the chart to the clipboard.
    pub(crate) const COPY_IMAGE: KeyboardShortcut =
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), egui::Key::C);
    /// Show or hide the side panel.
    pub(crate) const SIDE_PANEL: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::B);
    /// Tabs 1–5.
    pub(crate) const TABS: [KeyboardShortcut; 5] = [
        KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::Num1),
        KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::Num2),
        KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::Num3),
        KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::Num4),
        KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::Num5),
    ];
}

/// Reads the keyboard shortcuts of this frame.
pub(crate) fn shortcuts(ctx: &egui::Context) -> Vec<Command> {
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

/// The File menu: open, import, reload, save, export, quit.
fn file_menu(ui: &mut Ui, lang: Lang, recent: &[std::path::PathBuf], can_reload: bool, commands: &mut Vec<Command>) {
    if item(ui, &tr!(lang, "menu-open"), Some(&keys::OPEN)) {
        commands.push(Command::OpenFile);
    }
    if item(ui, &tr!(lang, "menu-import"), None) {
        commands.push(Command::ImportFile);
    }
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button(tr!(lang, "menu-open-recent"), |ui| {
            for path in recent {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                if ui.button(name).on_hover_text(path.display().to_string()).clicked() {
                    commands.push(Command::OpenPath(path.clone()));
                }
            }
        });
    });
    let reload = ui.add_enabled(
        can_reload,
        Button::new(tr!(lang, "menu-reload")).shortcut_text(ui.ctx().format_shortcut(&keys::RELOAD)),
    );
    if reload.on_disabled_hover_text(tr!(lang, "menu-the-bundled-dataset-has-no-file")).clicked() {
        commands.push(Command::Reload);
    }
    if item(ui, &tr!(lang, "menu-save-as-dataset"), None) {
        commands.push(Command::SaveAsDataset);
    }
    ui.separator();
    if item(ui, &tr!(lang, "menu-export-image"), Some(&keys::EXPORT_IMAGE)) {
        commands.push(Command::ExportImage { whole_window: false });
    }
    if item(ui, &tr!(lang, "menu-export-image-at-high-resolution"), None) {
        commands.push(Command::ShowHighResExport);
    }
    if item(ui, &tr!(lang, "menu-export-window-image"), Some(&keys::EXPORT_WINDOW)) {
        commands.push(Command::ExportImage { whole_window: true });
    }
    if item(ui, &tr!(lang, "menu-copy-image"), Some(&keys::COPY_IMAGE)) {
        commands.push(Command::CopyImage);
    }
    if item(ui, &tr!(lang, "menu-export-data-csv"), None) {
        commands.push(Command::ExportData);
    }
    if item(ui, &tr!(lang, "menu-copy-as-command-line"), None) {
        commands.push(Command::CopyCommandLine);
    }
    ui.separator();
    if item(ui, &tr!(lang, "menu-quit"), Some(&keys::QUIT)) {
        commands.push(Command::Quit);
    }
}

/// The menu bar and the tab strip.
pub(crate) fn show(
    ui: &mut Ui,
    tab: Tab,
    lang: Lang,
    theme: ThemeChoice,
    recent: &[std::path::PathBuf],
    can_reload: bool,
) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(tr!(lang, "menu-file"), |ui| file_menu(ui, lang, recent, can_reload, &mut commands));
        ui.menu_button(tr!(lang, "menu-view"), |ui| {
            ui.label(RichText::new(tr!(lang, "menu-theme")).weak());
            for (choice, label) in [
                (ThemeChoice::System, tr!(lang, "menu-follow-the-system")),
                (ThemeChoice::Light, tr!(lang, "menu-light")),
                (ThemeChoice::Dark, tr!(lang, "menu-dark")),
            ] {
                if ui.radio(theme == choice, label).clicked() {
                    commands.push(Command::SetTheme(choice));
                }
            }
            ui.separator();
            ui.label(RichText::new(tr!(lang, "menu-language")).weak());
            for choice in Lang::all() {
                let label = tr!(choice, "language-name");
                if ui.radio(lang == choice, label).clicked() {
                    commands.push(Command::SetLang(choice));
                }
            }
            ui.separator();
            if item(ui, &tr!(lang, "menu-show-or-hide-the-side-panel"), Some(&keys::SIDE_PANEL)) {
                commands.push(Command::ToggleSidePanel);
            }
            if item(ui, &tr!(lang, "menu-reset-filters"), Some(&keys::RESET)) {
                commands.push(Command::ResetFilters);
            }
        });
        ui.menu_button(tr!(lang, "menu-help"), |ui| {
            if item(ui, &tr!(lang, "menu-keyboard-shortcuts"), None) {
                commands.push(Command::ShowShortcuts);
            }
            if item(ui, &tr!(lang, "menu-about-trade-explorer"), None) {
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
pub(crate) fn shortcut_help(ctx: &egui::Context, lang: Lang) -> Vec<(String, String)> {
    let mut lines: Vec<(String, String)> = Tab::ALL
        .iter()
        .enumerate()
        .map(|(k, t)| (ctx.format_shortcut(&keys::TABS[k]), t.label(lang).to_string()))
        .collect();
    lines.extend([
        (ctx.format_shortcut(&keys::OPEN), tr!(lang, "menu-open-a-dataset")),
        (ctx.format_shortcut(&keys::RELOAD), tr!(lang, "menu-read-the-open-file-again")),
        (ctx.format_shortcut(&keys::EXPORT_IMAGE), tr!(lang, "menu-export-the-chart-as-png")),
        (ctx.format_shortcut(&keys::EXPORT_WINDOW), tr!(lang, "menu-export-the-window-as-png")),
        (ctx.format_shortcut(&keys::COPY_IMAGE), tr!(lang, "menu-copy-the-chart-as-an-image")),
        (ctx.format_shortcut(&keys::RESET), tr!(lang, "menu-reset-filters")),
        (ctx.format_shortcut(&keys::SIDE_PANEL), tr!(lang, "menu-show-or-hide-the-side-panel")),
        (ctx.format_shortcut(&keys::QUIT), tr!(lang, "menu-quit")),
        ("Esc".into(), tr!(lang, "menu-clear-the-selected-figure")),
        (tr!(lang, "menu-scroll-drag"), tr!(lang, "menu-pan-the-chart")),
        (tr!(lang, "menu-ctrl-scroll"), tr!(lang, "menu-zoom")),
        (tr!(lang, "menu-right-drag"), tr!(lang, "menu-zoom-into-a-box")),
        (tr!(lang, "menu-double-click"), tr!(lang, "menu-reset-the-zoom")),
        (tr!(lang, "menu-click-a-legend-entry"), tr!(lang, "menu-hide-or-show-a-series")),
        (tr!(lang, "menu-alt-click-a-legend-entry"), tr!(lang, "menu-show-only-that-series")),
    ]);
    lines
}
