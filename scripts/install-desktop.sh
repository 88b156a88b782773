#!/usr/bin/env bash
# Installs Trade Explorer for the current user so that it opens by double-click:
#   ~/.local/bin/trade-explorer                                  the program
#   ~/.local/share/icons/hicolor/NxN/apps/trade-explorer.png     the icon
#   ~/.local/share/applications/trade-explorer.desktop          the launcher entry (absolute Exec)
#
#   scripts/install-desktop.sh                 build the release binary and install it
#   scripts/install-desktop.sh --binary PATH   install an already built binary
#   scripts/install-desktop.sh --uninstall     remove everything it installed
set -euo pipefail
cd "$(dirname "$0")/.."

binary=""
uninstall=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --binary) binary=$2; shift 2 ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "install-desktop.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

data=${XDG_DATA_HOME:-$HOME/.local/share}
bin_dir=$HOME/.local/bin
apps=$data/applications
icons=$data/icons/hicolor
entry=$apps/trade-explorer.desktop

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t -f "$icons" 2>/dev/null || true
}

if [[ $uninstall == 1 ]]; then
  rm -f "$bin_dir/trade-explorer" "$entry"
  for icon in "$icons"/*/apps/trade-explorer.png; do
    [[ -e $icon ]] && rm -f "$icon"
  done
  refresh
  echo "Trade Explorer removed."
  exit 0
fi

if [[ -z $binary ]]; then
  echo "Building the release binary (cargo build --release)…"
  cargo build --release --locked
  binary=target/release/trade-explorer
fi
[[ -x $binary ]] || { echo "install-desktop.sh: $binary is not an executable" >&2; exit 1; }

mkdir -p "$bin_dir" "$apps"
install -m 755 "$binary" "$bin_dir/trade-explorer"
for dir in assets/icons/hicolor/*/; do
  size=$(basename "$dir")
  mkdir -p "$icons/$size/apps"
  install -m 644 "$dir/apps/trade-explorer.png" "$icons/$size/apps/trade-explorer.png"
done
# ~/.local/bin is often not on a launcher's PATH: write the absolute path into Exec and TryExec.
sed -e "s|^Exec=trade-explorer|Exec=$bin_dir/trade-explorer|" \
    -e "s|^TryExec=trade-explorer|TryExec=$bin_dir/trade-explorer|" \
    assets/trade-explorer.desktop >"$entry.tmp"
chmod 644 "$entry.tmp"
mv "$entry.tmp" "$entry"
refresh
echo "Trade Explorer installed: $bin_dir/trade-explorer"
echo "It is in your desktop's launcher; JSON and CSV datasets can be opened with it."
