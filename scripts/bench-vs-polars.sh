#!/usr/bin/env bash
# Times `trade-explorer check` (the whole process) against Polars' in-process `read_csv` of the
# same files, interleaved, and prints the medians, their ratio and the single-core time of
# `check` (`taskset -c 0`). Polars comes from PyPI into a virtual environment under target/; it is
# a yardstick, not a dependency of the product.
#
#   scripts/bench-vs-polars.sh [RUNS]     (default 10 runs of each, interleaved)
#
# Files: (a) long.csv, (b) monthly.csv and (c) owid.csv of scripts/make-large-dataset.py, and a
# World Bank bulk-shaped WDICSV.csv (250 places x 400 indicators x 65 years) made here.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
large=target/large
[[ -f $large/long.csv ]] || python3 scripts/make-large-dataset.py "$large"
venv=target/polars-venv
if [[ ! -x $venv/bin/python ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet polars
fi
cargo build --release --quiet
exec "$venv/bin/python" - "$runs" "$large" <<'PY'
import os, statistics, subprocess, sys, time
runs, large = int(sys.argv[1]), sys.argv[2]
wdi_dir = os.path.join(large, "wdi")
wdi = os.path.join(wdi_dir, "WDICSV.csv")
if not os.path.exists(wdi):
    os.makedirs(wdi_dir, exist_ok=True)
    years = list(range(1960, 2025))
    with open(wdi, "w") as f:
        f.write('"Country Name","Country Code","Indicator Name","Indicator Code",'
                + ",".join(f'"{y}"' for y in years) + "\n")
        for p in range(250):
            for i in range(400):
                cells = ["" if (p * 7 + i * 3 + y) % 5 == 0 else f"{(p + 1) * (i + 1) * (y - 1900) / 7.0:.4f}"
                         for y in years]
                f.write(f'"Place {p}","P{p:03d}","Indicator {i} (current US$)","IND.{i:03d}",' + ",".join(cells) + "\n")
import polars
env = dict(os.environ, POLARS_MAX_THREADS="2")
binary = "target/release/trade-explorer"
files = [("(a) long.csv", os.path.join(large, "long.csv")), ("(b) monthly.csv", os.path.join(large, "monthly.csv")),
         ("(c) owid.csv", os.path.join(large, "owid.csv")), ("WDICSV.csv", wdi)]
polars_code = ("import sys, time, polars; t = time.perf_counter(); polars.read_csv(sys.argv[1]); "
               "print(time.perf_counter() - t)")
def check(path, one_core=False):
    cmd = (["taskset", "-c", "0"] if one_core else []) + [binary, "check", path]
    t = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - t
    if done.returncode != 0:
        sys.exit(f"check {path} failed: {done.stderr.decode()}")
    return elapsed
def read_csv(path):
    out = subprocess.run([sys.executable, "-c", polars_code, path], env=env, capture_output=True, check=True)
    return float(out.stdout)
print(f"Polars {polars.__version__}, POLARS_MAX_THREADS=2, {runs} interleaved runs each; medians")
print(f"{'file':<18}{'check':>10}{'polars':>10}{'ratio':>8}{'check, 1 core':>16}")
for name, path in files:
    ours, theirs, single = [], [], []
    for _ in range(runs):
        ours.append(check(path))
        theirs.append(read_csv(path))
        single.append(check(path, one_core=True))
    a, b, c = statistics.median(ours), statistics.median(theirs), statistics.median(single)
    print(f"{name:<18}{a:>9.3f}s{b:>9.3f}s{a / b:>7.2f}x{c:>15.3f}s")
PY
