# Trade Explorer, English (the fallback: every message is here).
# Numbers arrive formatted by the app ($count as text, with $n beside it for plurals).

language-name = English

menu-file = File
menu-open = Open…
menu-open-recent = Open recent
menu-reload = Reload
menu-the-bundled-dataset-has-no-file = The bundled dataset has no file to read again
menu-export-image = Export image (PNG, SVG, PDF)…
menu-export-image-at-high-resolution = Export image at high resolution…
menu-export-window-image = Export window image…
menu-copy-image = Copy image
menu-export-data-csv = Export data (CSV)…
menu-copy-as-command-line = Copy as command line
menu-quit = Quit
menu-view = View
menu-theme = Theme
menu-follow-the-system = Follow the system
menu-light = Light
menu-dark = Dark
menu-language = Language
menu-show-or-hide-the-side-panel = Show or hide the side panel
menu-reset-filters = Reset filters
menu-help = Help
menu-keyboard-shortcuts = Keyboard shortcuts
menu-about-trade-explorer = About Trade Explorer
menu-open-a-dataset = Open a dataset
menu-read-the-open-file-again = Read the open file again
menu-export-the-chart-as-png = Export the chart as PNG
menu-export-the-window-as-png = Export the window as PNG
menu-copy-the-chart-as-an-image = Copy the chart as an image
menu-clear-the-selected-figure = Clear the selected figure
menu-scroll-drag = Scroll / drag
menu-pan-the-chart = Pan the chart
menu-ctrl-scroll = Ctrl+scroll
menu-zoom = Zoom
menu-right-drag = Right-drag
menu-zoom-into-a-box = Zoom into a box
menu-double-click = Double-click
menu-reset-the-zoom = Reset the zoom
menu-click-a-legend-entry = Click a legend entry
menu-hide-or-show-a-series = Hide or show a series
menu-alt-click-a-legend-entry = Alt+click a legend entry
menu-show-only-that-series = Show only that series

sources-sources = Sources
sources-search = Search:
sources-title-publisher-or-quote = title, publisher or quote
sources-show-only-sources-that-mention-this = Show only sources that mention this text
sources-open-in-the-browser = Open in the browser
sources-no-source-matches-the-search = No source matches the search.
sources-derived-figures = Derived figures
sources-conflicting-figures = Conflicting figures
sources-also-reported = also reported: { $value } — { $source } ({ $trust })
shares-latest-figure-of-each-share-only = Latest figure of each share only
shares-untick-to-see-every-year-a = Untick to see every year a share was reported
over-time-only-the-lines-with-the-largest = Only the lines with the largest latest values are drawn; the Table lists them all
ui-over-time = Over time
ui-compare = Compare
ui-industry-shares = Industry shares
ui-table = Table
ui-sources = Sources
path-dialog-no-file-dialog-of-the-desktop = No file dialog of the desktop is available; type or pick a path.
path-dialog-path = Path:
path-dialog-the-file-exists-replace-it = The file exists. Replace it?
path-dialog-replace = Replace
path-dialog-cancel = Cancel
path-dialog-save = Save
path-dialog-open = Open
details-selected-figure = Selected figure
details-clear = Clear
details-clear-the-selection-esc = Clear the selection (Esc)
details-open-the-source-in-the-browser = Open the source in the browser
filters-values-as-reported = Values as reported
filters-growth-on-previous-year = Growth on previous year, %
filters-index-first-year-100 = Index, first year = 100
filters-share-of-the-parent-area = Share of the parent area, %
filters-share-of-a-total = Share of a total, %
filters-the-figures-as-the-sources-state = The figures as the sources state them
filters-change-on-the-previous-year-computed = Change on the previous year, computed where both years have a figure
filters-each-line-relative-to-its-first = Each line relative to its first visible year (= 100)
filters-yiwu-as-a-share-of-jinhua = Yiwu as a share of Jinhua, Jinhua of Zhejiang…, same metric and year
filters-each-metric-as-a-share-of = Each metric as a share of another metric of the same place (e-commerce of exports)
filters-places = Places
filters-metrics = Metrics
filters-reset-filters = Reset filters
filters-back-to-the-dataset-s-starting = Back to the dataset's starting selection (Ctrl+R)
filters-show-both = Both
filters-show-both-help = Countries and aggregates
filters-show-places = Countries
filters-show-places-help = Countries and other places of their own
filters-show-aggregates = Aggregates
filters-show-aggregates-help = Sums of countries: the World, continents, regions, income groups
filters-attribute-any = Any
filters-search-places = Search places
filters-type-part-of-a-name-or = Type part of a name or id
filters-select-shown = Select shown
filters-select-every-place-the-search-shows = Select every place the search shows
filters-clear = Clear
filters-select-no-place = Select no place
filters-search-metrics = Search metrics
filters-type-part-of-a-metric-s = Type part of a metric's name
filters-parts = Parts
filters-draw-this-part-beside-the-whole = Draw this part beside the whole
filters-years = Years
filters-from = from
filters-first-year-shown = First year shown
filters-to = to
filters-last-year-shown = Last year shown
filters-full-year = Full year
filters-period = Period:
filters-part-year-figures-jan-nov-q1 = Part-year figures (Jan–Nov, Q1…) are not comparable with full years, so they are shown one period at a time
filters-values = Values
filters-total = Total:
filters-the-metric-the-selected-ones-are = The metric the selected ones are a share of
filters-money-in = Money in:
filters-billions = billions
filters-billion-yuan-or-us-dollars = Billion yuan (or US dollars)
filters-100-million-yuan-the-unit-of = 100 million yuan, the unit of Chinese statistics
filters-as-stored = as stored
filters-the-unit-the-dataset-stores = The unit the dataset stores
filters-include-derived-figures = Include derived figures
filters-figures-computed-from-others-total-minus = Figures computed from others (total minus exports, a level from a growth rate); drawn hollow
filters-any = any
filters-low-or-better = low or better
filters-medium-or-better = medium or better
filters-high-only = high only
filters-minimum-trust = Minimum trust:
filters-high-official-releases-and-major-outlets = High: official releases and major outlets quoting them; medium: reposts and compilations; low: unverified
filters-logarithmic-y-axis-on-the-over = Logarithmic y axis on the Over time chart: equal steps are equal growth rates
filters-log-scale = Log scale
compare-no-data = no data
compare-year = Year:
compare-the-year-to-compare-only-years = The year to compare; only years with figures for the selection are listed
compare-grouped = Grouped
compare-bars-side-by-side = Bars side by side
compare-stacked = Stacked
compare-bars-on-top-of-each-other = Bars on top of each other (exports + imports = total trade)
chart-frame-click-to-hide-or-show-alt = Click to hide or show; Alt+click to show only this one
chart-frame-reported = ● reported
chart-frame-derived-computed-from-other-figures = ○ derived (computed from other figures)
chart-frame-low-trust-source = ◆ low-trust source
chart-frame-some-figures-are-derived-from-others = Some figures are derived from others; their formulas are in the tooltips.
table-the-chart-shows-no-figures = The chart shows no figures.
table-value = Value
table-entity = Entity
table-metric = Metric
table-year = Year
table-derived = Derived
table-trust = Trust
table-source = Source
table-click-to-sort-by-this-column = Click to sort by this column
table-yes = yes
app-bundled = bundled
app-cancel = Cancel
app-about-trade-explorer = About Trade Explorer
app-charts-of-foreign-trade-data-with = Charts of foreign-trade data, with the source of every figure.
app-chinese-text-uses-droid-sans-fallback = Chinese text uses Droid Sans Fallback, © Google, Apache License 2.0.
app-keyboard-shortcuts = Keyboard shortcuts
app-choose-a-table = Choose a table
app-the-file-could-not-be-opened = The file could not be opened
app-the-data-that-was-open-is = The data that was open is still open. What is wrong:
app-open-one-of-the-tables = Open one of its tables:
app-copy-the-messages = Copy the messages
app-open-a-dataset = Open a dataset
app-warning = Warning: { $warnings }
opening-open-a-dataset = Open a dataset
opening-opening-was-cancelled = Opening was cancelled.
opening-drop-to-open-the-dataset = Drop to open the dataset
exporting-export = Export
exporting-cannot-open = Cannot open { $folder }: { $detail }
exporting-show-a-chart-to-copy-it = Show a chart to copy it.
exporting-export-failed = Export failed: { $error }
exporting-copied-the-chart-to-the-clipboard = Copied the chart to the clipboard.
exporting-export-image-at-high-resolution = Export image at high resolution
exporting-the-chart-is-drawn-again-offscreen = The chart is drawn again offscreen at this size and resolution, for print.
exporting-width = Width
exporting-height = Height
exporting-points = points
exporting-resolution = Resolution:
exporting-export-2 = Export…
exporting-open-folder = Open folder
exporting-close = Close
filters-hundred-million = 亿
figure-count = { $n ->
    [one] { $count } figure
   *[other] { $count } figures
}
sources-and-more = … and { $more } more (the Table lists them)
shares-share-of = { $share } { $of }
over-time-more-lines = + { $more } more (show in table)
filters-shown-selected = { $shown } shown, { $selected } selected
chart-frame-sources = Source: { $names }.
chart-frame-sources-and-more = Source: { $names } and { $more } more (Sources tab).
app-copied = Copied: { $line }
app-opened = Opened { $origin }.
app-hidden-by-years = { $count } years
app-hidden-by-period = { $count } other periods
app-hidden-by-derived = { $count } derived
app-hidden-by-trust = { $count } trust
list-separator = {", "}
app-filters-hide = filters hide { $hidden } of { $selected } selected figures ({ $why })
app-opening = Opening { $name }…
app-about-figures = { $all } figures: { $reported } reported by their sources, { $derived } derived from others (with their formulas)
app-table-caption = Figures of the “{ $chart }” chart: { $rows } rows
exporting-saved = Saved { $path }
group-trade = Trade
group-trade-by-destination = Trade by destination
group-trade-by-product = Trade by product
group-ecommerce = E-commerce
group-industry-share = Industry shares
group-economy = Economy and industry
group-market = Markets
group-logistics = Logistics
group-other = Other
explain-trust = Trust: { $level }
explain-no-value = no value
explain-figure = Figure: { $value }
explain-computed-from = Computed from { $value } and { $other }: { $other_value }
explain-derived = Derived: { $formula }
explain-also-reported = Also reported: { $value } — { $source } (trust: { $trust })
explain-also-derived = Also reported: { $value } — { $source } (trust: { $trust }, derived)
explain-source = Source: { $source } — { $title }
explain-as-printed = As printed: { $value } { $unit }
explain-origin = Cell: { $cell }
explain-note = Note: { $note }
trust-high = high
trust-medium = medium
trust-low = low
trust-not-rated = not rated
currency-yuan = yuan
currency-usd = US dollars
unit-money = { $scale ->
    [trillion] trillion { $currency }
    [billion] billion { $currency }
    [hundred-million] 100 million { $currency }
    [million] million { $currency }
    [ten-thousand] 10 thousand { $currency }
    [thousand] thousand { $currency }
   *[one] { $currency }
}
unit-percent-change = % change
unit-growth-on-previous = % change on previous period
unit-index = index (first value = 100)
unit-share-of-parent = % of the parent area
unit-share-of-metric = % of { $metric }
value-with-unit = { $number } { $unit }
period-quarter = Q{ $n }
period-h1 = H1
period-h2 = H2
period-months = { $from }–{ $to }
period-month = { $month }
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
dimension-destination = By destination
dimension-goods = By kind of goods
dimension-trade-mode = By trade mode
dimension-partner = By partner
dimension-commodity = By commodity ({ $digits }-digit code)
dimension-partner-commodity = By partner and commodity ({ $digits }-digit code)
dimension-other = Other parts
list-two = { $a } and { $b }
list-three = { $a }, { $b } and { $c }
list-more = { $a }, { $b } and { $more } more
label-with-metric = { $label } — { $metric }
label-with-category = { $label } ({ $category })
label-with-period = { $label }, { $period }
label-with-time = { $label } ({ $time })
label-single-months = { $label }, single months
label-single-days = { $label }, single days
mode-growth = growth on previous year
mode-index = index, first value = 100
mode-share-of-parent = share of the parent area
mode-share-of-total = share of { $total }
mode-share-of-a-total = share of a total
title-with-mode = { $title }: { $mode }
bars-title = { $names }, { $year }
bars-title-parts = { $whole }, { $split }, { $year }
bars-split = { $dimension ->
    [destination] by destination
    [goods] by kind of goods
    [trade_mode] by trade mode
    [mixed] and its parts
   *[other] by { $name }
}
shares-title = Industry shares
shares-subtitle = Share of national or world output, %
shares-subtitle-latest = Share of national or world output, % · latest figure of each
share-of = { $kind ->
    [china] of China
    [world] of the world
   *[other] of { $whole }
}
unit-a-count = a count
note-choose-total = Choose the total metric for “share of total”.
note-other-unit = { $metric } is not shown: it is in { $own }, the chart is in { $chart }. A chart has one unit.
note-not-an-amount = { $metric } is not shown: it is a share or a rate, not an amount.
note-unit-differs-from-total = { $metric } is not shown: its unit differs from the total's.
note-no-parent = { $places }: no parent area in this dataset, so no share of it.
note-no-value-in-mode = { $series }: no value can be computed in this mode (the figures it needs are missing)
note-largest-shown = The { $shown } largest are shown; { $more } more places are in the Table.
empty-nothing-selected = Choose at least one place and one metric in the side panel.
empty-no-place-selected = Choose at least one place in the side panel.
empty-no-figures = No { $metrics } figures for { $places } in this dataset.
empty-only-part-year = Only part-year figures ({ $periods }) exist for this selection; choose that period in the side panel to see them.
empty-filtered-out = No figures match the filters: widen the year range, include derived figures or lower the minimum trust.
empty-no-yearly-figures = The selection has no yearly figures to compare.
empty-no-shares = No industry-share figures for { $places } match the filters.
unavailable-mode-of-rates = The selected metrics are shares or growth rates: their growth or index would mean nothing
unavailable-share-of-rates = Shares of shares or growth rates mean nothing
unavailable-no-parent-area = None of the selected places belongs to a larger one in this dataset
unavailable-no-total-candidate = No other metric has the same unit to serve as the total
unavailable-log-non-positive = A log scale needs every value above zero; some shown values are zero or negative
unavailable-stack-not-amounts = Only amounts can be stacked: shares, growth rates and indexes do not add up
unavailable-stack-whole-with-parts = A whole cannot be stacked with parts: show the parts alone, or the wholes alone
unavailable-stack-different-wholes = Only the parts of one whole can be stacked
unavailable-stack-different-dimensions = Parts of different breakdowns (destinations, kinds of goods…) overlap and cannot be stacked
unavailable-stack-overlapping = Some of these parts overlap and cannot be stacked
error-io = { $path }: cannot read the file: { $detail }
error-not-a-file = { $path }: is not a file (a folder, a device or a pipe cannot be opened as a dataset)
error-too-large = { $path }: the file is { $size } bytes, more than the limit of { $limit } bytes; split it, or raise the limit with --max-file-size
error-too-many-rows = { $path }: the file has more than { $limit } rows, the limit; raise it with --max-rows
error-too-many-columns = { $path }: line 1: the file has { $columns } columns, more than the limit of { $limit }; raise it with --max-columns
error-changed-while-reading = { $path }: the file changed while it was being read (is another program still writing it?); nothing was opened — try again when it is complete
error-empty = { $path }: the file is empty
error-not-utf8 = { $path }: line { $line }, column { $column }: the file is not UTF-8 text (save it as UTF-8; files from Excel may be in another encoding)
error-utf16 = { $path }: the file is UTF-16 text; save it as UTF-8 (in Excel: "CSV UTF-8")
error-syntax = { $path }: line { $line }, column { $column }: { $what }
error-not-readable = { $path }: this is { $format }, which Trade Explorer does not read; { $advice }
error-unclosed-quote = { $path }: line { $line }: a quoted field opened on this line never closes (a `"` is missing), so the rest of the file would be read as one field
error-unclosed-quote-in = { $path }: line { $line }: a quoted field (column `{ $column }`) opened on this line never closes (a `"` is missing), so the rest of the file would be read as one field
error-invalid = { $path }: { $problems }
error-cancelled = { $path }: opening was cancelled
error-json-list = { $path }: line 1: the file is a JSON list; a Trade Explorer dataset is a JSON object with format_version (see docs/dataset-format.md), a data package has resources
error-zip-unreadable = { $path }: the zip archive cannot be read: { $detail }
error-zip-too-large = { $path }: unpacks to more than the limit of { $limit } bytes, so it was not unpacked further; raise the limit with --max-file-size
error-zip-without-csv = { $path }: the zip archive holds no CSV file (it holds { $members })
error-zip-several-csvs = { $path }: the zip archive holds several tables ({ $csvs }): choose one, or name it after the archive's path (archive.zip/table.csv)
error-no-csv-resource = { $path }: the data package lists no CSV resource
error-in-format = { $error } (read as { $format })
format-workbook = Spreadsheet workbook
format-imported = Table read by import choices
format-json = Trade Explorer JSON
format-tidy-csv = Trade Explorer CSV
format-owid-csv = Our World in Data CSV
format-owid-package = Our World in Data CSV with its datapackage.json
format-owid-download = Our World in Data chart download
format-world-bank-indicator = World Bank indicator download
format-world-bank-bulk = World Bank WDI bulk download
format-world-bank-databank = World Bank DataBank export
format-comtrade = UN Comtrade export
error-workbook-unreadable = { $path }: the workbook cannot be read: { $detail }
error-no-table-in-workbook = { $path }: no table was found in its sheets ({ $sheets }); a table needs a header row and years across it, years down its first column, or place, indicator, year and value columns
error-not-in-encoding = { $path }: line { $line }: the bytes are not { $encoding } text: choose another encoding in the import dialog (File ▸ Import…)
error-choices-stale = { $path }: the import choices no longer fit the file: { $why }
error-no-figures-chosen = { $path }: under these import choices no cell is a figure: choose a column of values, the column or header that gives each figure its year, and its place and indicator
error-choices-file-unreadable = { $path }: these are not import choices Trade Explorer can use: { $detail }
stale-header-changed = header row { $row } now reads { $found }, not { $expected }
stale-sheet-missing = the workbook has no sheet { $sheet } any more
error-package-resource = { $path }: the data package's resource cannot be opened: { $error }
error-unknown-columns = { $path }: line 1: the columns ({ $columns }) are not a format Trade Explorer reads: a tidy CSV has entity, metric, year, value; an Our World in Data CSV has Entity, Year (or Day) and one column per indicator
problem-count = { $n ->
    [one] { $count } problem
   *[other] { $count } problems
}
problem-and-more = … and { $more } more
problem-at = { $place }: { $what }
place-row = row { $row }
place-row-column = row { $row }, column `{ $column }`
place-cell = cell { $cell }
place-header = row 1 (header)
declared-entity = entity
declared-metric = metric
declared-source = source
declared-category = category
declared-parent-entity = parent entity
cell = cell ({ $parts })
cell-entity = entity { $id }
cell-metric = metric { $id }
cell-period = period { $id }
cell-category = category { $id }
problem-unsupported-version = format_version { $found } is not supported; this version of Trade Explorer reads format_version 1
problem-missing-version = the file has no format_version; a Trade Explorer dataset starts with "format_version": 1
problem-only-text = { $n ->
    [one] nothing to chart: the column { $columns } holds text (names or categories), not numbers
   *[other] nothing to chart: the columns { $columns } hold text (names or categories), not numbers
}
problem-no-observations = the dataset has no observations; a dataset needs at least one figure
problem-bad-id = { $id } is not a usable identifier: use letters, digits, `_`, `-` or `.`, without spaces or punctuation
problem-empty-text = must not be empty
problem-duplicate-id = the { $what } id { $id } is already used at { $first }
problem-unknown-reference = { $id } is not a known { $what }
problem-unknown-reference-known = { $id } is not a known { $what } (known: { $known })
problem-overlap-across-dimensions = category { $id } can overlap only other categories of its own dimension ({ $dimension }); { $other } is not one
problem-parent-cycle = the parent chain of { $id } loops back to itself
problem-missing-time = needs a time: a `year` (2024) or a `date` (2024-03 or 2024-03-31)
problem-both-year-and-date = has both `year` and `date`; give one of them
problem-bad-year = { $text } is not a year (expected a whole number, like 2024, or -500 for 500 BCE)
problem-bad-date = { $text } is not a date (expected YYYY-MM or YYYY-MM-DD, like 2024-03 or 2024-03-31)
problem-year-out-of-range = year { $year } is outside the years a figure can have (-10000, that is 10,000 BCE, to 9999)
problem-not-a-number = { $text } is not a number (write digits with a `.` for decimals, without thousands separators or units)
problem-not-finite = { $text } is not a finite number
problem-share-out-of-range = { $value } is not a share: `share_percent` values must be between 0 and 100
problem-unit-mismatch = the unit { $found } differs from the unit of metric { $metric }, { $expected }; convert the value or fix the metric
problem-bad-trust = { $text } is not a trust level (expected low, medium or high)
problem-bad-period = { $text } is not a period (expected full_year, or a name like jan_nov, q1, h1)
problem-duplicate-cell = the same { $cell } is already given at { $first }; keep one value and list the other under `alternatives`
problem-missing-quote = a reported figure needs a `quote`: the sentence of the source that states it (or mark it `derived`)
problem-missing-formula = a derived figure needs a `formula` saying how it was computed
problem-unknown-input = the input { $cell } is not an observation of this dataset
problem-missing-column = the header has no `{ $column }` column (found: { $found })
problem-control-character = the text holds a control character (U+{ $code }); remove it
problem-text-too-long = the text is { $len } characters long, more than the limit of { $limit }; raise it with --max-text-length
syntax-cut-off = { $detail } (the file ends before the JSON is complete: was it cut off?)
syntax-too-deep = { $detail } (the JSON is nested too deeply)
syntax-not-a-value = { $detail } (a value is missing or is not JSON; JSON has no NaN or Infinity, and numbers have no thousands separators)
syntax-trailing-comma = there is a comma after the last item of a list or object; JSON does not allow one, remove it
syntax-thousands-separator = a number has a thousands separator; JSON numbers are written without them (1050.86, not 1,050.86)
syntax-unknown-field = unknown field `{ $key }`, expected one of { $expected }
syntax-ragged-row = this row has { $fields } fields but the header has { $header }; check for a missing or extra delimiter
syntax-row-not-utf8 = the row is not UTF-8 text
format-xlsx = an Excel workbook (XLSX)
format-ods = an OpenDocument spreadsheet (ODS)
format-zip = a zip archive
format-xls = an Excel 97–2003 workbook (XLS) or another old Microsoft Office file
format-gzip = a gzip-compressed file
format-pdf = a PDF document
format-parquet = an Apache Parquet file
format-png = a PNG image
advice-spreadsheet = save the sheet as CSV (in Excel: "CSV UTF-8") and open that
advice-zip = unpack it and open the CSV or JSON file inside
advice-gzip = decompress it (gunzip) and open the file inside
advice-document = open the data the document was made from (CSV or JSON) instead
advice-parquet = write it out as CSV (for example with pandas or Polars) and open that
warning-semicolons = the file separates its columns with `;` (as spreadsheets in many European locales do); it was read that way
warning-tabs = the file separates its columns with tabs; it was read that way
warning-no-metadata = no metadata file ({ $file }) beside the CSV: entities, metrics and units were taken from the rows, and figures carry only the source names the rows give
warning-empty-values = { $n ->
    [one] { $count } row has no value and was skipped (row { $rows })
   *[other] { $count } rows have no value and were skipped (rows { $rows })
}
warning-missing-quotes = { $n ->
    [one] { $count } reported figure has no quote (the sentence of the source that states it)
   *[other] { $count } reported figures have no quote (the sentence of the source that states them)
}
warning-unusual-years = { $n ->
    [one] { $count } figure is dated outside 1800–2200 ({ $first }: { $year }); it was opened, but check it for a typo
   *[other] { $count } figures are dated outside 1800–2200 (the first, { $first }: { $year }); they were opened, but check them for typos
}
year-bce = { $year } BCE
warning-text-columns = { $n ->
    [one] the column { $columns } holds text, not numbers (names, flags or notes): it was set aside
   *[other] the columns { $columns } hold text, not numbers (names, flags or notes): they were set aside
}
warning-attribute-columns = { $n ->
    [one] the column { $columns } gives each place one value (a region, a group): it is not charted, but the side panel can show the places of one value
   *[other] the columns { $columns } give each place one value (a region, a group): they are not charted, but the side panel can show the places of one value
}
warning-counted-places = { $n ->
    [one] the file holds text, not numbers: the charts count the places with each value of { $columns }, per year (figures derived from the file)
   *[other] the file holds text, not numbers: the charts count the places with each value of { $columns }, per year (figures derived from the file)
}
warning-repaired-names = { $n ->
    [one] { $count } row had a name split at its comma into two columns (a spreadsheet saved the file with semicolons): it was joined again ({ $first })
   *[other] { $count } rows had a name split at its comma into two columns (a spreadsheet saved the file with semicolons): they were joined again (the first: { $first })
}
warning-skipped-rows = { $n ->
    [one] { $count } row was skipped: its code column holds { $text }, not a code, and no split name explains it ({ $first })
   *[other] { $count } rows were skipped: their code column holds no code, and no split name explains it (the first, { $first }: { $text })
}
warning-latin1 = the file is in Latin-1, not UTF-8: it was read as Latin-1 (recognised by its UN Comtrade header)
warning-comtrade-breakdowns = { $n ->
    [one] { $count } row breaks a figure down by a second partner, a mode of transport or supply, or a customs procedure: it was left out, as its total is in the file
   *[other] { $count } rows break figures down by a second partner, a mode of transport or supply, or a customs procedure: they were left out, as their totals are in the file
}
warning-repeated-rows = { $n ->
    [one] { $count } row repeats a figure already read (the same reporter, flow, partner, commodity and period): the first was kept ({ $first })
   *[other] { $count } rows repeat figures already read (the same reporter, flow, partner, commodity and period): the first of each was kept (the first repeat: { $first })
}
warning-workbook-gaps = { $errors } error cells (#N/A…) and { $uncached } formulas without their result were read as gaps, not zeros (the first: { $first })
warning-sheets-without-table = { $n ->
    [one] no table was found in the sheet { $sheets }: it was left out
   *[other] no table was found in the sheets { $sheets }: they were left out
}
warning-skipped-workbook-cells = { $n ->
    [one] { $count } cell where a figure belongs holds words and was skipped ({ $first }: { $text })
   *[other] { $count } cells where figures belong hold words and were skipped (the first, { $first }: { $text })
}
warning-percent-as-fractions = the spreadsheet formats some cells as percentages, which are read as the fractions they store (0.123 for 12.3 %): check the shares, or save the workbook as XLSX
warning-choices-not-applied = the import choices saved for this file no longer fit it ({ $why }), so it was read as detected: check it in File ▸ Import…
warning-skipped-cells = { $n ->
    [one] column { $column }: { $count } cell is not a number and was skipped ({ $first }: { $text }); the rest of the column was kept
   *[other] column { $column }: { $count } cells are not numbers and were skipped (the first, { $first }: { $text }); the rest of the column was kept
}
warning-package-without-sources = the data package names no sources: the figures have none
warning-no-datapackage = no datapackage.json beside the CSV: the figures have no sources, the indicators no units
warning-package-for-other-files = the datapackage.json beside the CSV describes other files ({ $files }), not { $csv }: the figures have no sources, the indicators no units
place-header-column = row 1, column `{ $column }`
error-no-resources = { $path }: the data package lists no resources (no CSV file to open)
# How readers of the language count money: billion or hundred-million (亿).
money-scale = billion

error-loader-panicked = { $path }: the loader stopped unexpectedly ({ $detail }); please report this file
opening-dataset-files = Datasets (JSON, CSV)
opening-dropped-file = dropped file
exporting-csv-files = CSV files
exporting-png-images = PNG images

## Settings

settings-unreadable = The settings file { $path } cannot be read ({ $detail }); started with defaults.
settings-not-json = The settings file { $path } was not used: it is not valid JSON ({ $detail }); { $kept } Started with defaults.
settings-newer = The settings file { $path } was not used: it was written by a newer version of Trade Explorer (settings version { $version }); { $kept } Started with defaults.
settings-not-understood = The settings file { $path } was not used: it cannot be understood ({ $detail }); { $kept } Started with defaults.
settings-kept = it was kept as { $backup }.
settings-not-copied = it could not be copied to { $backup } ({ $detail }).
settings-not-saved = The settings could not be saved to { $path }: { $detail }

## Export errors

export-error-write = could not write { $path }: { $detail }
export-error-render = the chart could not be drawn: { $detail }
export-error-renderer-stopped = the chart could not be drawn: the renderer stopped unexpectedly
export-error-encode = the PNG could not be encoded: { $detail }
export-error-empty-image = the chart area is empty; show a chart before exporting it

## The command line (its own output; clap's help and usage errors stay in English)

cli-no-window = cannot open the window: { $detail }
cli-error = error: { $error }
cli-no-language = no language "{ $text }"; the app speaks { $known }
cli-not-a-size = "{ $text }" is not WIDTHxHEIGHT, like 1600x900
cli-size-out-of-range = "{ $text }": width and height must be whole numbers from 200 to 8000
cli-scale-out-of-range = "{ $text }": the scale must be a number from 0.5 to 4
cli-no-such-entity = --entity { $id }: no such entity (known: { $known })
cli-no-such-metric = --metric { $id }: no such metric (known: { $known }…)
cli-no-such-category = --category { $id }: no such category
cli-no-such-period = --period { $id }: no figure of the dataset covers this period
cli-unknown-extension = --out { $path }: the file name must end in .png (a picture), .svg or .pdf (a vector drawing) or .csv (the figures)
cli-rows = { $n ->
    [one] { $count } row
   *[other] { $count } rows
}
cli-pixels = { $width }×{ $height } pixels
cli-wrote = wrote { $path } ({ $what })
cli-no-years = no years
cli-summary = { $entities } entities, { $metrics } metrics, { $n_observations ->
    [one] { $observations } observation
   *[other] { $observations } observations
}, { $span }, { $n_sources ->
    [one] { $sources } source
   *[other] { $sources } sources
}
cli-check-ok = ok: { $path } ({ $format }): { $summary }
cli-check-warning = warning: { $warning }

## The import dialog (File ▸ Import…, a file that does not open as it is, Ctrl+V)
menu-import = Import…
menu-save-as-dataset = Save as dataset…
exporting-dataset-files = Trade Explorer datasets
import-title = Import { $name }
import-sheet = Sheet:
import-encoding = Encoding:
import-header-row = Header row:
import-column-names = Value columns are named by:
import-names-years = years
import-names-indicators = indicators
import-names-places = places
import-place-of-all = Place of every figure:
import-indicator-of-all = Indicator of every figure:
import-role = Column holds
import-role-skip = nothing to read
import-role-place = the place
import-role-time = the year
import-role-indicator = the indicator
import-role-unit = the unit
import-role-value = figures
import-role-of-column = What column { $column } holds
import-unit-hint = unit (亿元, billion yuan, %)
import-more-columns = { $count } more columns keep the roles detection gave them
import-figures = { $count } figures under these choices
import-place = Place
import-indicator = Indicator
import-time = Year
import-value = Value
import-cell = Cell
import-open = Open
import-save-choices = Save choices beside the file
import-save-choices-hint = Writes FILE.import.json, which `trade-explorer check --import` and `export --import` read
import-cancel = Cancel
import-pasted-on = Pasted on { $date }
import-choices-saved = Saved the import choices to { $path }
import-choices-not-saved = Could not save the import choices to { $path }: { $detail }
import-not-remembered = The import choices could not be remembered: { $detail }
import-reason = The file does not open as it is ({ $error }). Choose below how to read it.
import-figures-in-first-rows = { $count } figures in the first { $rows } rows under these choices (Open reads every row)
cli-svg-bytes = SVG, { $size } bytes
cli-pdf-bytes = PDF, { $size } bytes
exporting-svg-drawings = SVG drawings
exporting-pdf-documents = PDF documents
