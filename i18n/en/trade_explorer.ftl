# Trade Explorer, English (the fallback: every message is here).
# Numbers arrive formatted by the app ($count as text, with $n beside it for plurals).

language-name = English

menu-file = File
menu-open = Open…
menu-open-recent = Open recent
menu-reload = Reload
menu-the-bundled-dataset-has-no-file = The bundled dataset has no file to read again
menu-export-image = Export image…
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
sources-also-reported = also reported:
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
app-the-file-could-not-be-opened = The file could not be opened
app-the-data-that-was-open-is = The data that was open is still open. What is wrong:
app-copy-the-messages = Copy the messages
app-open-a-dataset = Open a dataset
app-warning = Warning:{" "}
opening-open-a-dataset = Open a dataset
opening-opening-was-cancelled = Opening was cancelled.
opening-drop-to-open-the-dataset = Drop to open the dataset
exporting-export = Export
exporting-cannot-open = Cannot open
exporting-show-a-chart-to-copy-it = Show a chart to copy it.
exporting-export-failed = Export failed:{" "}
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
