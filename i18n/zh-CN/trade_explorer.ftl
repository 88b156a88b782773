# Trade Explorer, 简体中文.

language-name = 中文

menu-file = 文件
menu-open = 打开…
menu-open-recent = 最近打开
menu-reload = 重新载入
menu-the-bundled-dataset-has-no-file = 内置数据集没有可重新读取的文件
menu-export-image = 导出图片…
menu-export-image-at-high-resolution = 导出高分辨率图片…
menu-export-window-image = 导出窗口图片…
menu-copy-image = 复制图片
menu-export-data-csv = 导出数据(CSV)…
menu-copy-as-command-line = 复制为命令行
menu-quit = 退出
menu-view = 视图
menu-theme = 主题
menu-follow-the-system = 跟随系统
menu-light = 浅色
menu-dark = 深色
menu-language = 语言
menu-show-or-hide-the-side-panel = 显示或隐藏侧栏
menu-reset-filters = 重置筛选
menu-help = 帮助
menu-keyboard-shortcuts = 键盘快捷键
menu-about-trade-explorer = 关于 Trade Explorer
menu-open-a-dataset = 打开数据集
menu-read-the-open-file-again = 重新读取当前文件
menu-export-the-chart-as-png = 将图表导出为 PNG
menu-export-the-window-as-png = 将窗口导出为 PNG
menu-copy-the-chart-as-an-image = 将图表复制为图片
menu-clear-the-selected-figure = 清除选中的数据
menu-scroll-drag = 滚动 / 拖动
menu-pan-the-chart = 平移图表
menu-ctrl-scroll = Ctrl+滚动
menu-zoom = 缩放
menu-right-drag = 右键拖动
menu-zoom-into-a-box = 框选放大
menu-double-click = 双击
menu-reset-the-zoom = 恢复缩放
menu-click-a-legend-entry = 单击图例
menu-hide-or-show-a-series = 隐藏或显示系列
menu-alt-click-a-legend-entry = Alt+单击图例
menu-show-only-that-series = 只显示该系列

sources-sources = 来源
sources-search = 搜索:
sources-title-publisher-or-quote = 标题、发布者或原文
sources-show-only-sources-that-mention-this = 只显示包含此文字的来源
sources-open-in-the-browser = 在浏览器中打开
sources-no-source-matches-the-search = 没有匹配的来源。
sources-derived-figures = 推算数据
sources-conflicting-figures = 有冲突的数据
sources-also-reported = 另有:{ $value } — { $source }(可信度{ $trust })
shares-latest-figure-of-each-share-only = 每项只显示最新数据
shares-untick-to-see-every-year-a = 取消勾选可查看各年数据
over-time-only-the-lines-with-the-largest = 只绘制最新值最大的几条线;表格列出全部
ui-over-time = 随时间变化
ui-compare = 对比
ui-industry-shares = 产业份额
ui-table = 表格
ui-sources = 来源
path-dialog-no-file-dialog-of-the-desktop = 桌面文件对话框不可用,请输入或选择路径。
path-dialog-path = 路径:
path-dialog-the-file-exists-replace-it = 文件已存在。是否替换?
path-dialog-replace = 替换
path-dialog-cancel = 取消
path-dialog-save = 保存
path-dialog-open = 打开
details-selected-figure = 选中的数据
details-clear = 清除
details-clear-the-selection-esc = 清除选择(Esc)
details-open-the-source-in-the-browser = 在浏览器中打开来源
filters-values-as-reported = 原始数值
filters-growth-on-previous-year = 同比增长 %
filters-index-first-year-100 = 指数,首年 = 100
filters-share-of-the-parent-area = 占上级地区比重 %
filters-share-of-a-total = 占总量比重 %
filters-the-figures-as-the-sources-state = 来源公布的数值
filters-change-on-the-previous-year-computed = 与上一年相比的变化,两年都有数据时才计算
filters-each-line-relative-to-its-first = 每条线相对其首个可见年份(= 100)
filters-yiwu-as-a-share-of-jinhua = 义乌占金华、金华占浙江……同一指标同一年
filters-each-metric-as-a-share-of = 各指标占同一地区另一指标的比重(如跨境电商占出口)
filters-places = 地区
filters-metrics = 指标
filters-reset-filters = 重置筛选
filters-back-to-the-dataset-s-starting = 恢复数据集的初始选择(Ctrl+R)
filters-show-both = 全部
filters-show-both-help = 国家和汇总
filters-show-places = 国家
filters-show-places-help = 国家和其他单独的地区
filters-show-aggregates = 汇总
filters-show-aggregates-help = 多个国家的合计：世界、洲、区域、收入组
filters-attribute-any = 不限
filters-search-places = 搜索地区
filters-type-part-of-a-name-or = 输入名称或编号的一部分
filters-select-shown = 全选所显示
filters-select-every-place-the-search-shows = 选择搜索结果中的所有地区
filters-clear = 清除
filters-select-no-place = 不选择任何地区
filters-search-metrics = 搜索指标
filters-type-part-of-a-metric-s = 输入指标名称的一部分
filters-parts = 分项
filters-draw-this-part-beside-the-whole = 在总量旁绘制此分项
filters-years = 年份
filters-from = 起
filters-first-year-shown = 显示的第一年
filters-to = 止
filters-last-year-shown = 显示的最后一年
filters-full-year = 全年
filters-period = 时段:
filters-part-year-figures-jan-nov-q1 = 部分年份数据(1–11月、一季度等)不能与全年比较,因此每次只显示一个时段
filters-values = 数值
filters-total = 总量:
filters-the-metric-the-selected-ones-are = 所选指标作为其比重的总量指标
filters-money-in = 金额单位:
filters-billions = 十亿
filters-billion-yuan-or-us-dollars = 十亿元(或十亿美元)
filters-100-million-yuan-the-unit-of = 亿元,中国统计常用单位
filters-as-stored = 原单位
filters-the-unit-the-dataset-stores = 数据集中存储的单位
filters-include-derived-figures = 包含推算数据
filters-figures-computed-from-others-total-minus = 由其他数据计算得出的数据(如总额减出口),以空心标记显示
filters-any = 全部
filters-low-or-better = 低及以上
filters-medium-or-better = 中及以上
filters-high-only = 仅高
filters-minimum-trust = 最低可信度:
filters-high-official-releases-and-major-outlets = 高:官方发布及主流媒体转引;中:转载与汇编;低:未经核实
filters-logarithmic-y-axis-on-the-over = “随时间变化”图使用对数纵轴:相同间距代表相同增长率
filters-log-scale = 对数坐标
compare-no-data = 无数据
compare-year = 年份:
compare-the-year-to-compare-only-years = 要对比的年份;只列出所选内容有数据的年份
compare-grouped = 分组
compare-bars-side-by-side = 柱子并排
compare-stacked = 堆叠
compare-bars-on-top-of-each-other = 柱子叠加(出口 + 进口 = 进出口总额)
chart-frame-click-to-hide-or-show-alt = 单击隐藏或显示;Alt+单击只显示这一项
chart-frame-reported = ● 公布数据
chart-frame-derived-computed-from-other-figures = ○ 推算数据(由其他数据计算)
chart-frame-low-trust-source = ◆ 低可信度来源
chart-frame-some-figures-are-derived-from-others = 部分数据为推算,计算方法见提示。
table-the-chart-shows-no-figures = 图表中没有数据。
table-value = 数值
table-entity = 地区
table-metric = 指标
table-year = 年份
table-derived = 推算
table-trust = 可信度
table-source = 来源
table-click-to-sort-by-this-column = 单击按此列排序
table-yes = 是
app-bundled = 内置
app-cancel = 取消
app-about-trade-explorer = 关于 Trade Explorer
app-charts-of-foreign-trade-data-with = 对外贸易数据图表,每个数据都注明来源。
app-chinese-text-uses-droid-sans-fallback = 中文字体:Droid Sans Fallback,© Google,Apache 2.0 许可。
app-keyboard-shortcuts = 键盘快捷键
app-choose-a-table = 选择一个表格
app-the-file-could-not-be-opened = 无法打开文件
app-the-data-that-was-open-is = 原先打开的数据保持不变。问题如下:
app-open-one-of-the-tables = 打开其中一个表格：
app-copy-the-messages = 复制错误信息
app-open-a-dataset = 打开数据集
app-warning = 警告：{ $warnings }
opening-open-a-dataset = 打开数据集
opening-opening-was-cancelled = 已取消打开。
opening-drop-to-open-the-dataset = 松开鼠标以打开数据集
exporting-export = 导出
exporting-cannot-open = 无法打开 { $folder }：{ $detail }
exporting-show-a-chart-to-copy-it = 请先显示图表再复制。
exporting-export-failed = 导出失败：{ $error }
exporting-copied-the-chart-to-the-clipboard = 已将图表复制到剪贴板。
exporting-export-image-at-high-resolution = 导出高分辨率图片
exporting-the-chart-is-drawn-again-offscreen = 图表将按此尺寸和分辨率在后台重新绘制,适合打印。
exporting-width = 宽
exporting-height = 高
exporting-points = 点
exporting-resolution = 分辨率:
exporting-export-2 = 导出…
exporting-open-folder = 打开文件夹
exporting-close = 关闭
filters-hundred-million = 亿
figure-count = { $count } 项数据
sources-and-more = ……另有 { $more } 项(见“表格”)
shares-share-of = { $of } { $share }
over-time-more-lines = 另有 { $more } 条(在表格中查看)
filters-shown-selected = 显示 { $shown } 个,已选 { $selected } 个
chart-frame-sources = 来源:{ $names }。
chart-frame-sources-and-more = 来源:{ $names } 等(另有 { $more } 个,见“来源”页)。
app-copied = 已复制:{ $line }
app-opened = 已打开 { $origin }。
app-hidden-by-years = { $count } 年份
app-hidden-by-period = { $count } 其他时段
app-hidden-by-derived = { $count } 推算
app-hidden-by-trust = { $count } 可信度
list-separator = 、
app-filters-hide = 筛选隐藏了所选 { $selected } 项中的 { $hidden } 项({ $why })
app-opening = 正在打开 { $name }…
app-about-figures = 共 { $all } 项数据:{ $reported } 项为来源公布,{ $derived } 项由其他数据推算(附公式)
app-table-caption = “{ $chart }”图表的数据:{ $rows } 行
exporting-saved = 已保存 { $path }
group-trade = 对外贸易
group-trade-by-destination = 按目的地
group-trade-by-product = 按商品
group-ecommerce = 电子商务
group-industry-share = 产业份额
group-economy = 经济与产业
group-market = 市场
group-logistics = 物流
group-other = 其他
explain-trust = 可信度:{ $level }
explain-no-value = 无数值
explain-figure = 原始数据:{ $value }
explain-computed-from = 计算自 { $value } 与 { $other }:{ $other_value }
explain-derived = 推算:{ $formula }
explain-also-reported = 另有数据:{ $value } — { $source }(可信度:{ $trust })
explain-also-derived = 另有数据:{ $value } — { $source }(可信度:{ $trust },推算)
explain-source = 来源:{ $source } — { $title }
explain-as-printed = 原文数值:{ $value } { $unit }
explain-origin = 单元格：{ $cell }
explain-note = 注:{ $note }
trust-high = 高
trust-medium = 中
trust-low = 低
trust-not-rated = 未评级
currency-yuan = 元
currency-usd = 美元
unit-money = { $scale ->
    [trillion] 万亿{ $currency }
    [billion] 十亿{ $currency }
    [hundred-million] 亿{ $currency }
    [million] 百万{ $currency }
    [ten-thousand] 万{ $currency }
    [thousand] 千{ $currency }
   *[one] { $currency }
}
unit-percent-change = 增长 %
unit-growth-on-previous = 较上期增长 %
unit-index = 指数(首值 = 100)
unit-share-of-parent = 占上级地区 %
unit-share-of-metric = 占{ $metric } %
value-with-unit = { $number } { $unit }
period-quarter = 第{ $n }季度
period-h1 = 上半年
period-h2 = 下半年
period-months = { $from }–{ $to }月
period-month = { $month }月
month-1 = 1
month-2 = 2
month-3 = 3
month-4 = 4
month-5 = 5
month-6 = 6
month-7 = 7
month-8 = 8
month-9 = 9
month-10 = 10
month-11 = 11
month-12 = 12
dimension-destination = 按目的地
dimension-goods = 按商品类别
dimension-trade-mode = 按贸易方式
dimension-partner = 按贸易伙伴
dimension-commodity = 按商品（{ $digits }位编码）
dimension-partner-commodity = 按贸易伙伴和商品（{ $digits }位编码）
dimension-other = 其他分项
list-two = { $a }与{ $b }
list-three = { $a }、{ $b }与{ $c }
list-more = { $a }、{ $b }及其他 { $more } 项
label-with-metric = { $label } — { $metric }
label-with-category = { $label }({ $category })
label-with-period = { $label },{ $period }
label-with-time = { $label }({ $time })
label-single-months = { $label },单月
label-single-days = { $label },单日
mode-growth = 同比增长
mode-index = 指数(首值=100)
mode-share-of-parent = 占上级地区比重
mode-share-of-total = 占{ $total }比重
mode-share-of-a-total = 占总量比重
title-with-mode = { $title }:{ $mode }
bars-title = { $year }年{ $names }
bars-title-parts = { $year }年{ $whole },{ $split }
bars-split = { $dimension ->
    [destination] 按目的地
    [goods] 按商品类别
    [trade_mode] 按贸易方式
    [mixed] 及其分项
   *[other] 按{ $name }
}
shares-title = 产业份额
shares-subtitle = 占全国或全球的比重,%
shares-subtitle-latest = 占全国或全球的比重,% · 各项最新数据
share-of = { $kind ->
    [china] 占全国
    [world] 占全球
   *[other] 占{ $whole }
}
unit-a-count = 个数
note-choose-total = 请选择“占总量比重”的总量指标。
note-other-unit = 未显示{ $metric }:其单位为{ $own },图表单位为{ $chart }。一张图只用一种单位。
note-not-an-amount = 未显示{ $metric }:它是比重或比率,不是总量。
note-unit-differs-from-total = 未显示{ $metric }:单位与总量指标不同。
note-no-parent = { $places }:本数据集中没有上级地区,无法计算占比。
note-no-value-in-mode = { $series }:缺少所需数据,此模式下无法计算
note-largest-shown = 显示最大的 { $shown } 个;另有 { $more } 个地区见“表格”。
empty-nothing-selected = 请在侧栏中至少选择一个地区和一个指标。
empty-no-place-selected = 请在侧栏中至少选择一个地区。
empty-no-figures = 本数据集中没有{ $places }的{ $metrics }数据。
empty-only-part-year = 所选内容只有部分年份的数据({ $periods }),请在侧栏中选择该时段查看。
empty-filtered-out = 没有符合筛选条件的数据:请扩大年份范围、包含推算数据或降低可信度要求。
empty-no-yearly-figures = 所选内容没有可比较的年度数据。
empty-no-shares = { $places }没有符合筛选条件的产业份额数据。
unavailable-mode-of-rates = 所选指标是比重或增长率,计算其增长或指数没有意义
unavailable-share-of-rates = 比重或增长率不能再求占比
unavailable-no-parent-area = 所选地区在本数据集中都没有上级地区
unavailable-no-total-candidate = 没有与所选指标单位相同的其他指标可作为总量
unavailable-log-non-positive = 对数坐标要求所有数值大于零,当前有零或负值
unavailable-stack-not-amounts = 只有总量可以堆叠:比重、增长率和指数不能相加
unavailable-stack-whole-with-parts = 总量不能与分项堆叠:只显示分项,或只显示总量
unavailable-stack-different-wholes = 只有同一总量的分项可以堆叠
unavailable-stack-different-dimensions = 不同分类(目的地、商品类别……)的分项相互重叠,不能堆叠
unavailable-stack-overlapping = 其中部分分项相互重叠,不能堆叠
error-io = { $path }:无法读取文件:{ $detail }
error-not-a-file = { $path }:不是文件(文件夹、设备或管道不能作为数据集打开)
error-too-large = { $path }:文件有 { $size } 字节,超过 { $limit } 字节的上限;请拆分文件,或用 --max-file-size 提高上限
error-too-many-rows = { $path }:文件超过 { $limit } 行的上限;可用 --max-rows 提高
error-too-many-columns = { $path }:第 1 行:文件有 { $columns } 列,超过 { $limit } 列的上限;可用 --max-columns 提高
error-changed-while-reading = { $path }:读取期间文件发生了变化(是否还有程序在写入?);未打开任何内容——请在写入完成后重试
error-empty = { $path }:文件为空
error-not-utf8 = { $path }:第 { $line } 行,第 { $column } 列:文件不是 UTF-8 文本(请另存为 UTF-8;Excel 导出的文件可能是其他编码)
error-utf16 = { $path }:文件是 UTF-16 文本;请另存为 UTF-8(Excel 中选“CSV UTF-8”)
error-syntax = { $path }:第 { $line } 行,第 { $column } 列:{ $what }
error-not-readable = { $path }:这是{ $format },Trade Explorer 不读取这种文件;{ $advice }
error-unclosed-quote = { $path }:第 { $line } 行:这一行开始的带引号字段没有结束(缺少一个 `"`),文件其余部分会被读成一个字段
error-unclosed-quote-in = { $path }:第 { $line } 行:这一行开始的带引号字段(`{ $column }` 列)没有结束(缺少一个 `"`),文件其余部分会被读成一个字段
error-invalid = { $path }:{ $problems }
error-cancelled = { $path }:已取消打开
error-json-list = { $path }:第 1 行:文件是 JSON 列表;Trade Explorer 数据集是带 format_version 的 JSON 对象(见 docs/dataset-format.md),数据包则有 resources
error-zip-unreadable = { $path }:无法读取该 zip 压缩包:{ $detail }
error-zip-too-large = { $path }:解压后超过 { $limit } 字节的上限,已停止解压;可用 --max-file-size 提高上限
error-zip-without-csv = { $path }:zip 压缩包里没有 CSV 文件(其中有 { $members })
error-zip-several-csvs = { $path }：此 zip 压缩包含有多个表格（{ $csvs }）：请选择其一，或在压缩包路径后写上其名称（archive.zip/table.csv）
error-no-csv-resource = { $path }:数据包没有列出 CSV 资源
error-in-format = { $error }（按{ $format }读取）
format-workbook = 电子表格工作簿
format-imported = 按导入设置读取的表格
format-json = Trade Explorer JSON
format-tidy-csv = Trade Explorer CSV
format-owid-csv = Our World in Data CSV
format-owid-package = 带 datapackage.json 的 Our World in Data CSV
format-owid-download = Our World in Data 图表下载
format-world-bank-indicator = 世界银行指标下载文件
format-world-bank-bulk = 世界银行 WDI 批量下载文件
format-world-bank-databank = 世界银行 DataBank 导出文件
format-comtrade = 联合国商品贸易统计数据库（UN Comtrade）导出文件
error-workbook-unreadable = { $path }：无法读取此工作簿：{ $detail }
error-no-table-in-workbook = { $path }：其工作表（{ $sheets }）中没有找到表格；表格需要一个表头行，并且年份横排在表头、竖排在第一列，或者有地区、指标、年份和数值列
error-not-in-encoding = { $path }：第 { $line } 行：这些字节不是 { $encoding } 文本：请在导入对话框（文件 ▸ 导入…）中选择其他编码
error-choices-stale = { $path }：导入设置已不适合此文件：{ $why }
error-no-figures-chosen = { $path }：按这些导入设置，没有一个单元格是数字：请选择数值列、给出每个数字年份的列或表头，以及其地区和指标
error-choices-file-unreadable = { $path }：这不是 Trade Explorer 能使用的导入设置：{ $detail }
stale-header-changed = 表头第 { $row } 行现在是 { $found }，而不是 { $expected }
stale-sheet-missing = 工作簿中已没有工作表 { $sheet }
error-package-resource = { $path }:无法打开数据包的资源:{ $error }
error-unknown-columns = { $path }:第 1 行:这些列({ $columns })不是 Trade Explorer 能读取的格式:整洁 CSV 有 entity、metric、year、value;Our World in Data CSV 有 Entity、Year(或 Day)和每个指标一列
problem-count = { $count } 个问题
problem-and-more = ……另有 { $more } 个
problem-at = { $place }:{ $what }
place-row = 第 { $row } 行
place-row-column = 第 { $row } 行,`{ $column }` 列
place-cell = 单元格 { $cell }
place-header = 第 1 行(表头)
declared-entity = 地区
declared-metric = 指标
declared-source = 来源
declared-category = 分项
declared-parent-entity = 上级地区
cell = 单元格({ $parts })
cell-entity = 地区 { $id }
cell-metric = 指标 { $id }
cell-period = 时段 { $id }
cell-category = 分项 { $id }
problem-unsupported-version = 不支持 format_version { $found };此版本的 Trade Explorer 读取 format_version 1
problem-missing-version = 文件没有 format_version;Trade Explorer 数据集以 "format_version": 1 开头
problem-only-text = 没有可绘制的数据:列 { $columns } 是文字(名称或类别),不是数字
problem-no-observations = 数据集没有观测值;数据集至少需要一个数据
problem-bad-id = { $id } 不是可用的标识符:请使用字母、数字、`_`、`-` 或 `.`,不含空格或标点
problem-empty-text = 不能为空
problem-duplicate-id = { $what } 标识符 { $id } 已在 { $first } 使用
problem-unknown-reference = { $id } 不是已知的{ $what }
problem-unknown-reference-known = { $id } 不是已知的{ $what }(已知:{ $known })
problem-overlap-across-dimensions = 分项 { $id } 只能与同一分类({ $dimension })的分项重叠;{ $other } 不是
problem-parent-cycle = { $id } 的上级链条绕回了自身
problem-missing-time = 需要时间:`year`(2024)或 `date`(2024-03 或 2024-03-31)
problem-both-year-and-date = 同时有 `year` 和 `date`;请只给一个
problem-bad-year = { $text } 不是年份(应为整数,如 2024;公元前500年写作 -500)
problem-bad-date = { $text } 不是日期(应为 YYYY-MM 或 YYYY-MM-DD,如 2024-03 或 2024-03-31)
problem-year-out-of-range = 年份 { $year } 超出数据可有的年份范围(-10000 即公元前10000年,至 9999)
problem-not-a-number = { $text } 不是数字(请用数字和 `.` 表示小数,不加千位分隔符或单位)
problem-not-finite = { $text } 不是有限数字
problem-share-out-of-range = { $value } 不是比重:`share_percent` 的值必须在 0 到 100 之间
problem-unit-mismatch = 单位 { $found } 与指标 { $metric } 的单位 { $expected } 不同;请换算数值或修正指标
problem-bad-trust = { $text } 不是可信度等级(应为 low、medium 或 high)
problem-bad-period = { $text } 不是时段(应为 full_year,或 jan_nov、q1、h1 这样的名称)
problem-duplicate-cell = 同一{ $cell }已在 { $first } 给出;请保留一个数值,另一个列入 `alternatives`
problem-missing-quote = 公布的数据需要 `quote`:来源中陈述该数据的句子(或标记为 `derived`)
problem-missing-formula = 推算数据需要说明计算方法的 `formula`
problem-unknown-input = 输入 { $cell } 不是本数据集的观测值
problem-missing-column = 表头没有 `{ $column }` 列(现有:{ $found })
problem-control-character = 文本含有控制字符(U+{ $code });请删除
problem-text-too-long = 文本长 { $len } 个字符,超过 { $limit } 的上限;可用 --max-text-length 提高
syntax-cut-off = { $detail }(文件在 JSON 完整之前就结束了:是否被截断?)
syntax-too-deep = { $detail }(JSON 嵌套过深)
syntax-not-a-value = { $detail }(缺少数值或不是 JSON;JSON 没有 NaN 或 Infinity,数字也没有千位分隔符)
syntax-trailing-comma = 列表或对象的最后一项后面有逗号;JSON 不允许,请删除
syntax-thousands-separator = 数字带有千位分隔符;JSON 数字不带分隔符(1050.86,而非 1,050.86)
syntax-unknown-field = 未知字段 `{ $key }`,应为以下之一:{ $expected }
syntax-ragged-row = 这一行有 { $fields } 个字段,表头有 { $header } 个;请检查是否缺少或多了分隔符
syntax-row-not-utf8 = 这一行不是 UTF-8 文本
format-xlsx = Excel 工作簿(XLSX)
format-ods = OpenDocument 电子表格(ODS)
format-zip = zip 压缩包
format-xls = Excel 97–2003 工作簿(XLS)或其他旧版 Microsoft Office 文件
format-gzip = gzip 压缩文件
format-pdf = PDF 文档
format-parquet = Apache Parquet 文件
format-png = PNG 图片
advice-spreadsheet = 请把工作表另存为 CSV(Excel 中选“CSV UTF-8”)再打开
advice-zip = 请解压后打开其中的 CSV 或 JSON 文件
advice-gzip = 请解压(gunzip)后打开其中的文件
advice-document = 请改为打开制作该文档所用的数据(CSV 或 JSON)
advice-parquet = 请导出为 CSV(例如用 pandas 或 Polars)再打开
warning-semicolons = 文件用 `;` 分隔各列(许多欧洲地区的电子表格如此);已按此读取
warning-tabs = 文件用制表符分隔各列;已按此读取
warning-no-metadata = CSV 旁没有元数据文件({ $file }):地区、指标和单位取自各行,数据只带有各行给出的来源名称
warning-empty-values = { $count } 行没有数值,已跳过(第 { $rows } 行)
warning-missing-quotes = { $count } 项公布的数据没有引文(来源中陈述该数据的句子)
warning-unusual-years = { $count } 项数据的年份在 1800–2200 之外(第一项:{ $first }:{ $year });已打开,但请检查是否有误
year-bce = 公元前{ $year }年
warning-text-columns = 列 { $columns } 是文字而非数字(名称、标记或注释),已略过
warning-attribute-columns = { $n ->
   *[other] 列 { $columns } 为每个地区给出一个值（所属区域、分组）：不绘图，但可在侧栏按其值筛选地区
}
warning-counted-places = { $n ->
   *[other] 此文件只有文字，没有数字：图表按年统计 { $columns } 各取值的地区数量（由文件推算的数字）
}
warning-repaired-names = { $n ->
   *[other] { $count } 行的名称在逗号处被拆成了两列（电子表格以分号另存了此文件）：已重新合并（{ $first }）
}
warning-skipped-rows = { $n ->
   *[other] 已跳过 { $count } 行：其代码列不是代码，也无法用被拆开的名称解释（第一处，{ $first }：{ $text }）
}
warning-latin1 = 此文件为 Latin-1 编码而非 UTF-8：已按 Latin-1 读取（由其联合国商品贸易统计数据库表头识别）
warning-comtrade-breakdowns = { $n ->
   *[other] { $count } 行按第二伙伴、运输或供应方式、海关程序进一步细分数字：已略去，其合计已在文件中
}
warning-repeated-rows = { $n ->
   *[other] { $count } 行重复了已读取的数字（报告方、流向、伙伴、商品和时期相同）：保留了第一次出现的值（第一处重复：{ $first }）
}
warning-workbook-gaps = { $errors } 个错误单元格（#N/A 等）和 { $uncached } 个没有结果的公式按缺失值读取，而不是 0（第一处：{ $first }）
warning-sheets-without-table = { $n ->
   *[other] 工作表 { $sheets } 中没有找到表格：已略过
}
warning-skipped-workbook-cells = { $n ->
   *[other] { $count } 个应为数字的单元格写的是文字，已跳过（第一处，{ $first }：{ $text }）
}
warning-percent-as-fractions = 此电子表格把部分单元格设为百分比格式，按其存储的小数读取（12.3% 读作 0.123）：请核对占比，或将工作簿另存为 XLSX
warning-choices-not-applied = 为此文件保存的导入设置已不适合它（{ $why }），已按自动识别读取：请在 文件 ▸ 导入… 中核对
warning-skipped-cells = 列 { $column }:{ $count } 个单元格不是数字,已跳过(第一个:{ $first }:{ $text });该列其余数据保留
warning-package-without-sources = 数据包没有列出来源:数据没有来源
warning-no-datapackage = CSV 旁没有 datapackage.json:数据没有来源,指标没有单位
warning-package-for-other-files = CSV 旁的 datapackage.json 描述的是其他文件({ $files }),而不是 { $csv }:数据没有来源,指标没有单位
place-header-column = 第 1 行,`{ $column }` 列
error-no-resources = { $path }:数据包没有列出任何资源(没有可打开的 CSV 文件)
# How readers of the language count money: billion or hundred-million (亿).
money-scale = hundred-million

error-loader-panicked = { $path }：读取程序意外停止（{ $detail }）；请报告这个文件
opening-dataset-files = 数据集（JSON、CSV）
opening-dropped-file = 拖入的文件
exporting-csv-files = CSV 文件
exporting-png-images = PNG 图片

## Settings

settings-unreadable = 无法读取设置文件 { $path }（{ $detail }），已使用默认设置启动。
settings-not-json = 未使用设置文件 { $path }：它不是有效的 JSON（{ $detail }）；{ $kept }已使用默认设置启动。
settings-newer = 未使用设置文件 { $path }：它由更新版本的 Trade Explorer 写入（设置版本 { $version }）；{ $kept }已使用默认设置启动。
settings-not-understood = 未使用设置文件 { $path }：无法理解其内容（{ $detail }）；{ $kept }已使用默认设置启动。
settings-kept = 原文件已另存为 { $backup }。
settings-not-copied = 原文件也无法复制到 { $backup }（{ $detail }）。
settings-not-saved = 无法将设置保存到 { $path }：{ $detail }

## Export errors

export-error-write = 无法写入 { $path }：{ $detail }
export-error-render = 无法绘制图表：{ $detail }
export-error-renderer-stopped = 无法绘制图表：渲染器意外停止
export-error-encode = 无法编码 PNG：{ $detail }
export-error-empty-image = 图表区域为空；请先显示图表再导出

## The command line (its own output; clap's help and usage errors stay in English)

cli-no-window = 无法打开窗口：{ $detail }
cli-error = 错误：{ $error }
cli-no-language = 没有语言“{ $text }”；本程序支持 { $known }
cli-not-a-size = “{ $text }”不是 宽x高 的格式，例如 1600x900
cli-size-out-of-range = “{ $text }”：宽和高必须是 200 到 8000 之间的整数
cli-scale-out-of-range = “{ $text }”：缩放必须是 0.5 到 4 之间的数
cli-no-such-entity = --entity { $id }：没有这个地区（已知：{ $known }）
cli-no-such-metric = --metric { $id }：没有这个指标（已知：{ $known }…）
cli-no-such-category = --category { $id }：没有这个分类
cli-no-such-period = --period { $id }：数据集中没有覆盖这一时期的数字
cli-unknown-extension = --out { $path }：文件名必须以 .png（图片）、.svg 或 .pdf（矢量图）或 .csv（数字）结尾
cli-rows = { $count } 行
cli-pixels = { $width }×{ $height } 像素
cli-wrote = 已写入 { $path }（{ $what }）
cli-no-years = 无年份
cli-summary = { $entities } 个地区，{ $metrics } 个指标，{ $observations } 个观测值，{ $span }，{ $sources } 个来源
cli-check-ok = 正常：{ $path }（{ $format }）：{ $summary }
cli-check-warning = 警告：{ $warning }

## 导入对话框
menu-import = 导入…
menu-save-as-dataset = 另存为数据集…
exporting-dataset-files = Trade Explorer 数据集
import-title = 导入 { $name }
import-sheet = 工作表：
import-encoding = 编码：
import-header-row = 表头行：
import-column-names = 数值列的列名是：
import-names-years = 年份
import-names-indicators = 指标
import-names-places = 地区
import-place-of-all = 所有数字的地区：
import-indicator-of-all = 所有数字的指标：
import-role = 列内容
import-role-skip = 不读取
import-role-place = 地区
import-role-time = 年份
import-role-indicator = 指标
import-role-unit = 单位
import-role-value = 数值
import-role-of-column = 第 { $column } 列的内容
import-unit-hint = 单位（亿元、billion yuan、%）
import-more-columns = 另有 { $count } 列保留自动识别的用途
import-figures = 按这些设置共 { $count } 个数字
import-place = 地区
import-indicator = 指标
import-time = 年份
import-value = 数值
import-cell = 单元格
import-open = 打开
import-save-choices = 将导入设置保存在文件旁
import-save-choices-hint = 写入 文件名.import.json，供 `trade-explorer check --import` 和 `export --import` 读取
import-cancel = 取消
import-pasted-on = 粘贴于 { $date }
import-choices-saved = 导入设置已保存到 { $path }
import-choices-not-saved = 无法将导入设置保存到 { $path }：{ $detail }
import-not-remembered = 无法记住导入设置：{ $detail }
import-reason = 此文件无法直接打开（{ $error }）。请在下方选择读取方式。
import-figures-in-first-rows = 按这些设置，前 { $rows } 行中共 { $count } 个数字（打开时读取所有行）
cli-svg-bytes = SVG，{ $size } 字节
cli-pdf-bytes = PDF，{ $size } 字节
