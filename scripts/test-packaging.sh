#!/usr/bin/env bash
# Tests the desktop integration and the Debian package, as a user would meet them:
#  1. the desktop entry passes desktop-file-validate;
#  2. scripts/install-desktop.sh installs into a scratch home (absolute Exec, icons) and
#     --uninstall removes everything;
#  3. cargo deb builds the package, apt installs it, and the installed program answers
#     --version and checks a dataset from the installed path; then the package is removed.
# Run by scripts/test after the cargo tests (it reuses their debug build). Needs root or sudo
# for step 3.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "test-packaging: FAILED: $*" >&2; exit 1; }
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo -n"

binary=target/debug/trade-explorer
[[ -x $binary ]] || cargo build

echo "test-packaging: desktop-file-validate"
desktop-file-validate assets/trade-explorer.desktop || fail "the desktop entry is not valid"

echo "test-packaging: install-desktop.sh into a scratch home"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
HOME=$home XDG_DATA_HOME= scripts/install-desktop.sh --binary "$binary" >/dev/null
entry=$home/.local/share/applications/trade-explorer.desktop
[[ -x $home/.local/bin/trade-explorer ]] || fail "the program was not installed"
[[ -f $home/.local/share/icons/hicolor/256x256/apps/trade-explorer.png ]] || fail "the icon was not installed"
grep -qx "Exec=$home/.local/bin/trade-explorer %f" "$entry" || fail "Exec is not the absolute path: $(grep ^Exec "$entry")"
desktop-file-validate "$entry" || fail "the installed entry is not valid"
"$home/.local/bin/trade-explorer" --version | grep -q "^trade-explorer " || fail "the installed program does not run"
HOME=$home XDG_DATA_HOME= scripts/install-desktop.sh --uninstall >/dev/null
left=$(find "$home/.local" -name 'trade-explorer*' | head -5)
[[ -z $left ]] || fail "--uninstall left: $left"

echo "test-packaging: cargo deb, apt install, run from the installed path"
if ! cargo deb --version >/dev/null 2>&1; then
  cargo install cargo-deb --version 3.8.0 --locked
fi
# The package of the test build: cargo-deb warns that it is meant for release profiles.
cargo deb --profile dev --no-build -o target/trade-explorer-test.deb >/dev/null 2>&1 \
  || cargo deb --profile dev --no-build -o target/trade-explorer-test.deb
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ./target/trade-explorer-test.deb >/dev/null \
  || fail "apt could not install the package"
/usr/bin/trade-explorer --version | grep -q "^trade-explorer " || fail "the installed program does not run"
/usr/bin/trade-explorer check /usr/share/doc/trade-explorer/examples/tidy.csv | grep -q "^ok: " \
  || fail "the installed program cannot check the example dataset"
[[ -f /usr/share/applications/trade-explorer.desktop ]] || fail "the package has no desktop entry"
[[ -f /usr/share/icons/hicolor/256x256/apps/trade-explorer.png ]] || fail "the package has no icon"
$sudo dpkg -r trade-explorer >/dev/null
echo "test-packaging: ok"
