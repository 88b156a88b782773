#!/usr/bin/env python3
"""Runs every dataset CSV of Our World in Data's public catalogue (the owid/owid-datasets
repository) through `trade-explorer check`, and counts what opens. Not part of CI: it needs the
catalogue, which is not committed here.

    python3 scripts/check-owid-catalogue.py CATALOGUE [BINARY]

CATALOGUE is a checkout of owid/owid-datasets, or its bare git directory (files whose contents
the snapshot lacks are counted as absent, not as refused). BINARY defaults to
target/release/trade-explorer. Prints one line per refused file (its first error line) and a
summary; exits 0."""

import os
import subprocess
import sys
import tempfile
from collections import Counter


def files_of_git(git_dir, into):
    """Writes datasets/*/ files of a bare repository into `into`; returns the CSVs written and
    how many had no contents in the snapshot."""
    listing = subprocess.run(
        ["git", "--git-dir", git_dir, "ls-tree", "-r", "HEAD", "datasets"],
        capture_output=True, text=True, check=True).stdout
    written, absent = [], 0
    for line in listing.splitlines():
        meta, path = line.split("\t", 1)
        blob = meta.split()[2]
        if not (path.endswith(".csv") or path.endswith("datapackage.json")):
            continue
        data = subprocess.run(["git", "--git-dir", git_dir, "cat-file", "-p", blob], capture_output=True)
        if data.returncode != 0:
            absent += path.endswith(".csv")
            continue
        target = os.path.join(into, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(data.stdout)
        if path.endswith(".csv"):
            written.append(target)
    return written, absent


def files_of_checkout(root):
    found = []
    for folder, _, names in os.walk(os.path.join(root, "datasets")):
        found += [os.path.join(folder, n) for n in names if n.endswith(".csv")]
    return found, 0


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    catalogue = sys.argv[1]
    binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/trade-explorer"
    with tempfile.TemporaryDirectory() as tmp:
        if os.path.isdir(os.path.join(catalogue, "datasets")):
            csvs, absent = files_of_checkout(catalogue)
        else:
            csvs, absent = files_of_git(catalogue, tmp)
        csvs = sorted(p for p in csvs if os.path.getsize(p) > 0)
        refused, reasons = [], Counter()
        for path in csvs:
            run = subprocess.run([binary, "check", path], capture_output=True, text=True,
                                 env={**os.environ, "LANG": "C.UTF-8"})
            if run.returncode != 0:
                first = (run.stderr or run.stdout).strip().splitlines()
                message = first[0] if first else f"exit {run.returncode}"
                # The reason without the file's own name and place, to group by.
                reason = message.split(": ", 2)[-1][:60]
                refused.append((os.path.basename(path), message))
                reasons[reason] += 1
        for name, message in refused:
            print(f"refused: {name}: {message}")
        total = len(csvs)
        opened = total - len(refused)
        print(f"\n{opened} of {total} non-empty dataset CSVs open ({100.0 * opened / max(total, 1):.1f} %);"
              f" {absent} CSVs absent from the snapshot")
        for reason, count in reasons.most_common(15):
            print(f"  {count:4}  {reason}")


if __name__ == "__main__":
    main()
