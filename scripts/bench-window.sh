#!/usr/bin/env bash
# Measurements of the real window (docs/performance.md), in a private Xvfb display:
#  1. start to first painted frame: trade-explorer against a bare eframe window (hyperfine);
#  2. idle: frames drawn in 5 s with the mouse still.
# Needs: xvfb, xdotool, hyperfine (apt-get install -y xvfb xdotool hyperfine); builds release.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --bin trade-explorer --example bare_window
config=$(mktemp -d)
export TRADE_EXPLORER_CONFIG_DIR=$config
fifo=$(mktemp -u); mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$fifo" >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$config"' EXIT
read -r display <"$fifo"; rm -f "$fifo"
export DISPLAY=:$display
xdotool mousemove 0 0

echo "== start to first painted frame (hyperfine, 3 warm-ups, 20 runs)"
hyperfine --warmup 3 --runs 20 --export-json target/bench-startup.json \
  -n trade-explorer 'target/release/trade-explorer --bench-frames 1' \
  -n bare-eframe-window 'target/release/examples/bare_window --bench-frames 1'
python3 - <<'PY'
import json
r = {x["command"]: x for x in json.load(open("target/bench-startup.json"))["results"]}
app, bare = r["trade-explorer"]["median"], r["bare-eframe-window"]["median"]
print(f"median: trade-explorer {app*1000:.1f} ms, bare window {bare*1000:.1f} ms, ratio {app/bare:.2f}")
PY

echo "== idle: frames drawn in 5 s with the mouse still"
target/release/trade-explorer --bench-idle 5
