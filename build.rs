//! Embeds the icon in Windows builds (Explorer, the taskbar and Alt+Tab show it). Other
//! platforms take the icon from the desktop entry or the app bundle.

fn main() {
    println!("cargo:rerun-if-changed=assets/icons/trade-explorer.ico");
    #[cfg(windows)]
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        let mut resource = winresource::WindowsResource::new();
        resource.set_icon("assets/icons/trade-explorer.ico");
        if let Err(e) = resource.compile() {
            println!("cargo:warning=the Windows icon was not embedded: {e}");
        }
    }
}
