#!/bin/sh
# Converts the XLSX workbook fixtures (written by `cargo run --example make_workbook_fixtures`)
# into the other formats the app reads: ODS and XLS (Excel 97-2003); LibreOffice writes no
# XLSB, so that format has no fixture. Needs LibreOffice
# (apt-get install libreoffice-calc-nogui); not part of CI, the converted files are committed.
set -eu
cd "$(dirname "$0")/../tests/fixtures/workbooks"
out=$(mktemp -d)
soffice --headless --convert-to ods --outdir "$out" places_across.xlsx yearbook.xlsx >/dev/null
soffice --headless --convert-to xls:"MS Excel 97" --outdir "$out" yearbook.xlsx >/dev/null
mv "$out"/places_across.ods "$out"/yearbook.ods "$out"/yearbook.xls .
rmdir "$out"
ls -l places_across.ods yearbook.ods yearbook.xls
