#!/usr/bin/env python3
"""Writes reproducible synthetic datasets for the performance measurements (docs/performance.md).

    python3 scripts/make-large-dataset.py [OUT_DIR]     (default: target/large)

(a) long.csv     1,000,000 rows: 10,000 entities x 10 metrics x 10 years (tidy CSV + .meta.json)
(b) monthly.csv  1,000,896 rows: 208 series (26 entities x 8 metrics) x 4,812 months, 1800-01 to
                 2200-12 — the whole span the dataset format accepts (5,000 months would run past
                 the year 2200, which the loader refuses as a typo)
(c) owid.csv       200,000 rows in Our World in Data's shape: 1,000 entities x 200 years, 4 indicators
(d) dataset.json   200,000 observations in Trade Explorer's JSON format (1,000 entities x 20 metrics x
                   10 years), each with its source, quote and trust, as the bundled dataset has them

The numbers are a fixed-seed random walk: the same files every run.
"""
import json
import random
import sys
from pathlib import Path

out = Path(sys.argv[1] if len(sys.argv) > 1 else "target/large")
out.mkdir(parents=True, exist_ok=True)
rng = random.Random(20261130)


def meta(entities, metrics, unit):
    return {
        "format_version": 1,
        "title": "Synthetic data for performance measurements",
        "description": "Random walks made by scripts/make-large-dataset.py. Not real figures.",
        "sources": [{"id": "synthetic", "title": "scripts/make-large-dataset.py", "publisher": "Trade Explorer"}],
        "entities": [{"id": e, "name": e.replace("_", " ").title(), "kind": "synthetic"} for e in entities],
        "metrics": [{"id": m, "name": m.replace("_", " ").title(), "unit": unit, "group": "synthetic"} for m in metrics],
    }


# (a) many series
entities = [f"entity_{i:05d}" for i in range(10_000)]
metrics = [f"metric_{i:02d}" for i in range(10)]
with open(out / "long.csv", "w") as f:
    f.write("entity,metric,year,value,source\n")
    for e in entities:
        for m in metrics:
            v = rng.uniform(10, 1000)
            for y in range(2015, 2025):
                v *= rng.uniform(0.9, 1.15)
                f.write(f"{e},{m},{y},{v:.3f},synthetic\n")
(out / "long.meta.json").write_text(json.dumps(meta(entities, metrics, "billion_yuan"), indent=1))

# (b) long series
entities_b = [f"city_{i:02d}" for i in range(26)]
metrics_b = [f"series_{i}" for i in range(8)]
with open(out / "monthly.csv", "w") as f:
    f.write("entity,metric,date,value,source\n")
    for e in entities_b:
        for m in metrics_b:
            v = 100.0
            for year in range(1800, 2201):
                for month in range(1, 13):
                    v = max(0.01, v + rng.gauss(0, 1))
                    f.write(f"{e},{m},{year}-{month:02d},{v:.3f},synthetic\n")
(out / "monthly.meta.json").write_text(json.dumps(meta(entities_b, metrics_b, "billion_usd"), indent=1))

# (c) Our World in Data shape
with open(out / "owid.csv", "w") as f:
    f.write("Entity,Code,Year,Exports (% of GDP),Imports (% of GDP),\"Trade openness, index\",Population\n")
    for i in range(1_000):
        name = f"Country {i:04d}"
        a, b, c, p = rng.uniform(5, 60), rng.uniform(5, 60), rng.uniform(0, 2), rng.uniform(1e5, 1e8)
        for year in range(1825, 2025):
            a, b, c, p = a * rng.uniform(0.97, 1.03), b * rng.uniform(0.97, 1.03), c * rng.uniform(0.95, 1.05), p * 1.01
            blank = rng.random() < 0.05
            f.write(f"{name},C{i:04d},{year},{'' if blank else f'{a:.2f}'},{b:.2f},{c:.4f},{p:.0f}\n")
# (d) the app's own JSON format
entities_d = [f"place_{i:04d}" for i in range(1_000)]
metrics_d = [f"indicator_{i:02d}" for i in range(20)]
dataset = meta(entities_d, metrics_d, "billion_yuan")
dataset["observations"] = observations = []
for e in entities_d:
    for m in metrics_d:
        v = rng.uniform(10, 1000)
        for y in range(2015, 2025):
            v *= rng.uniform(0.9, 1.15)
            observations.append({"entity": e, "metric": m, "year": y, "value": round(v, 3), "source": "synthetic",
                                 "quote": f"{e} {m} reached {v:.3f} billion yuan in {y}", "trust": "high"})
(out / "dataset.json").write_text(json.dumps(dataset, indent=1))

for name in ("long.csv", "monthly.csv", "owid.csv", "dataset.json"):
    print(out / name, (out / name).stat().st_size, "bytes")
