#!/usr/bin/env bash
# Takes the README's screenshots: each main view, in English and Chinese, light and dark.
# Needs Xvfb, xdotool, ImageMagick (see ../shared/tools/xshot). Usage:
#   scripts/screenshots.sh [BINARY]   (default target/release/trade-explorer)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/trade-explorer}
xshot=${XSHOT:-../shared/tools/xshot}
out=docs/screenshots
mkdir -p "$out"
shoot() { # shoot NAME TAB LANG THEME [FILTER-JSON]
  local name=$1 tab=$2 lang=$3 theme=$4 filter=${5:-null}
  local dir; dir=$(mktemp -d)
  cat >"$dir/settings.json" <<JSON
{"version": 1, "state": {"tab": "$tab", "last_chart_tab": "over-time", "lang": "$lang", "theme": "$theme",
 "window_size": [1280, 800], "filter": $filter}}
JSON
  TRADE_EXPLORER_CONFIG_DIR=$dir "$xshot" --size 1280x800 --wait 2 "$out/$name.png" -- "$bin" >/dev/null
  rm -rf "$dir"
  echo "$out/$name.png"
}
trade='{"entities": ["jinhua", "yiwu", "yongkang"], "metrics": ["exports", "imports", "cross_border_ecommerce"], "compare_year": 2025}'
# In Chinese, money is counted in 亿 (what switching the language does).
trade_zh='{"entities": ["jinhua", "yiwu", "yongkang"], "metrics": ["exports", "imports", "cross_border_ecommerce"], "compare_year": 2025, "unit_scale": "hundred-million"}'
shoot over-time-en-dark over-time en dark
shoot over-time-zh-light over-time zh light
shoot compare-en-light compare en light "$trade"
shoot compare-zh-dark compare zh dark "$trade_zh"
# The fuller data of issue 11: trade year by year, Jinhua's divisions in Jan-Nov 2025, Yiwu's
# trade by destination in Jan-Aug 2025.
shoot over-time-trade-en-light over-time en light '{"entities": ["jinhua", "yiwu", "yongkang"], "metrics": ["total_trade", "exports"]}'
shoot compare-divisions-en-light compare en light '{"entities": ["yiwu", "yongkang", "wucheng", "jindong", "lanxi", "dongyang", "wuyi", "pujiang", "panan", "jinyi_new_area"], "metrics": ["total_trade"], "period": {"named": "jan_nov"}, "compare_year": 2025}'
shoot compare-parts-en-dark compare en dark '{"entities": ["yiwu"], "metrics": ["total_trade"], "categories": ["africa", "latin_america", "asean", "european_union"], "period": {"named": "jan_aug"}, "compare_year": 2025, "bar_layout": "stacked"}'
shoot shares-en-light shares en light
shoot shares-zh-dark shares zh dark
shoot table-en-light table en light
shoot sources-en-dark sources en dark
