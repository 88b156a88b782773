//! Load errors, validation problems and warnings in words: where (the file, a line and column,
//! a JSON path or a CSV row) and what. The located parts are placeables of the messages.

use crate::data::{
    BinaryFormat, CellIds, Declared, JsonHint, LoadError, Place, Problem, ProblemKind, SyntaxError, Warning,
};
use crate::tr;

use super::Lang;

/// A load error in words: "data.json: line 52, column 22: observations[0].value: …".
pub(crate) fn load_error_text(error: &LoadError, lang: Lang) -> String {
    let path = |p: &std::path::Path| p.display().to_string();
    match error {
        LoadError::Io { path: p, source } => tr!(lang, "error-io", path = path(p), detail = source.to_string()),
        LoadError::NotAFile { path: p } => tr!(lang, "error-not-a-file", path = path(p)),
        LoadError::TooLarge { path: p, size, limit } => {
            tr!(lang, "error-too-large", path = path(p), size = size.to_string(), limit = limit.to_string())
        }
        LoadError::TooManyRows { path: p, limit } => {
            tr!(lang, "error-too-many-rows", path = path(p), limit = limit.to_string())
        }
        LoadError::TooManyColumns { path: p, columns, limit } => tr!(
            lang,
            "error-too-many-columns",
            path = path(p),
            columns = columns.to_string(),
            limit = limit.to_string()
        ),
        LoadError::ChangedWhileReading { path: p } => tr!(lang, "error-changed-while-reading", path = path(p)),
        LoadError::Empty { path: p } => tr!(lang, "error-empty", path = path(p)),
        LoadError::NotUtf8 { path: p, line, column } => {
            tr!(lang, "error-not-utf8", path = path(p), line = line.to_string(), column = column.to_string())
        }
        LoadError::Utf16 { path: p } => tr!(lang, "error-utf16", path = path(p)),
        LoadError::Syntax { path: p, line, column, what } => tr!(
            lang,
            "error-syntax",
            path = path(p),
            line = line.to_string(),
            column = column.to_string(),
            what = syntax_text(what, lang)
        ),
        LoadError::NotReadable { path: p, format } => tr!(
            lang,
            "error-not-readable",
            path = path(p),
            format = format_name(*format, lang),
            advice = format_advice(*format, lang)
        ),
        LoadError::UnclosedQuote { path: p, line, column } => match column {
            Some(c) => {
                tr!(lang, "error-unclosed-quote-in", path = path(p), line = line.to_string(), column = c.as_str())
            }
            None => tr!(lang, "error-unclosed-quote", path = path(p), line = line.to_string()),
        },
        LoadError::Invalid { path: p, problems, more } => {
            tr!(lang, "error-invalid", path = path(p), problems = problems_text(problems, *more, lang))
        }
        LoadError::Cancelled { path: p } => tr!(lang, "error-cancelled", path = path(p)),
        LoadError::LoaderPanicked { path: p, detail } => {
            tr!(lang, "error-loader-panicked", path = path(p), detail = detail.as_str())
        }
        LoadError::JsonList { path: p } => tr!(lang, "error-json-list", path = path(p)),
        LoadError::NoResources { path: p } => tr!(lang, "error-no-resources", path = path(p)),
        LoadError::ZipUnreadable { path: p, detail } => {
            tr!(lang, "error-zip-unreadable", path = path(p), detail = detail.as_str())
        }
        LoadError::ZipTooLarge { path: p, limit } => {
            tr!(
                lang,
                "error-zip-too-large",
                path = path(p),
                limit = crate::data::format::format_number(*limit as f64, 0)
            )
        }
        LoadError::ZipWithoutCsv { path: p, members } => {
            tr!(lang, "error-zip-without-csv", path = path(p), members = members.join(", "))
        }
        LoadError::ZipSeveralCsvs { path: p, csvs } => {
            tr!(lang, "error-zip-several-csvs", path = path(p), csvs = csvs.join(", "))
        }
        LoadError::NoCsvResource { path: p } => tr!(lang, "error-no-csv-resource", path = path(p)),
        LoadError::PackageResource { path: p, error } => {
            tr!(lang, "error-package-resource", path = path(p), error = load_error_text(error, lang))
        }
        LoadError::InFormat { format, error } => {
            tr!(lang, "error-in-format", error = load_error_text(error, lang), format = data_format_name(*format, lang))
        }
        LoadError::WorkbookUnreadable { path: p, detail } => {
            tr!(lang, "error-workbook-unreadable", path = path(p), detail = detail.as_str())
        }
        LoadError::NoTableInWorkbook { path: p, sheets } => {
            tr!(lang, "error-no-table-in-workbook", path = path(p), sheets = sheets.join(", "))
        }
        LoadError::NotInEncoding { path: p, encoding, line } => {
            tr!(lang, "error-not-in-encoding", path = path(p), encoding = encoding.name(), line = line.to_string())
        }
        LoadError::ChoicesStale { path: p, why } => {
            tr!(lang, "error-choices-stale", path = path(p), why = stale_text(why, lang))
        }
        LoadError::NoFiguresChosen { path: p } => tr!(lang, "error-no-figures-chosen", path = path(p)),
        LoadError::ChoicesFileUnreadable { path: p, detail } => {
            tr!(lang, "error-choices-file-unreadable", path = path(p), detail = detail.as_str())
        }
        LoadError::UnknownColumns { path: p, columns } => {
            tr!(lang, "error-unknown-columns", path = path(p), columns = columns.join(", "))
        }
    }
}

/// Why import choices no longer fit a file.
pub fn stale_text(why: &crate::data::Stale, lang: Lang) -> String {
    match why {
        crate::data::Stale::HeaderChanged { row, expected, found } => tr!(
            lang,
            "stale-header-changed",
            row = row.to_string(),
            expected = quoted_list(expected),
            found = quoted_list(found)
        ),
        crate::data::Stale::SheetMissing { sheet } => tr!(lang, "stale-sheet-missing", sheet = format!("“{sheet}”")),
    }
}

/// One problem, or "5 problems" and a list, one a line.
fn problems_text(problems: &[Problem], more: usize, lang: Lang) -> String {
    let total = problems.len() + more;
    if total == 1 && !problems.is_empty() {
        return problem_text(&problems[0], lang);
    }
    let mut text = tr!(lang, "problem-count", n = total, count = total.to_string());
    for p in problems {
        text.push_str("\n  ");
        text.push_str(&problem_text(p, lang));
    }
    if more > 0 {
        text.push_str("\n  ");
        text.push_str(&tr!(lang, "problem-and-more", more = more.to_string()));
    }
    text
}

/// A problem with its place: `observations[57].entity: "atlantis" is not a known entity`.
pub(crate) fn problem_text(problem: &Problem, lang: Lang) -> String {
    tr!(lang, "problem-at", place = place_text(&problem.at, lang), what = problem_kind_text(&problem.kind, lang))
}

/// A place in a file: a JSON path as it is, a CSV row as a spreadsheet numbers it.
pub(crate) fn place_text(place: &Place, lang: Lang) -> String {
    match place {
        Place::Path(p) => p.clone(),
        // The header is row 1: data row 0 is row 2.
        Place::Row { row, column } if column.is_empty() => tr!(lang, "place-row", row = (row + 2).to_string()),
        Place::Row { row, column } => {
            tr!(lang, "place-row-column", row = (row + 2).to_string(), column = column.as_str())
        }
        Place::Header => tr!(lang, "place-header"),
        Place::HeaderColumn(column) => tr!(lang, "place-header-column", column = column.as_str()),
        Place::Cell(cell) => tr!(lang, "place-cell", cell = cell.as_str()),
    }
}

fn declared_text(what: Declared, lang: Lang) -> String {
    match what {
        Declared::Entity => tr!(lang, "declared-entity"),
        Declared::Metric => tr!(lang, "declared-metric"),
        Declared::Source => tr!(lang, "declared-source"),
        Declared::Category => tr!(lang, "declared-category"),
        Declared::ParentEntity => tr!(lang, "declared-parent-entity"),
    }
}

/// "(entity jinhua, metric exports, 2026)": a cell as the file names it.
fn cell_text(cell: &CellIds, lang: Lang) -> String {
    let mut parts = vec![
        tr!(lang, "cell-entity", id = cell.entity.as_str()),
        tr!(lang, "cell-metric", id = cell.metric.as_str()),
        cell.time.to_string(),
    ];
    if let Some(p) = &cell.period {
        parts.push(tr!(lang, "cell-period", id = p.as_str()));
    }
    if let Some(c) = &cell.category {
        parts.push(tr!(lang, "cell-category", id = c.as_str()));
    }
    tr!(lang, "cell", parts = parts.join(", "))
}

/// What is wrong with one part of a dataset.
fn problem_kind_text(kind: &ProblemKind, lang: Lang) -> String {
    let q = |text: &str| format!("{text:?}");
    match kind {
        ProblemKind::UnsupportedVersion { found } => {
            tr!(lang, "problem-unsupported-version", found = found.to_string())
        }
        ProblemKind::MissingVersion => tr!(lang, "problem-missing-version"),
        ProblemKind::NoObservations => tr!(lang, "problem-no-observations"),
        ProblemKind::OnlyText { columns } => {
            let names = quoted_list(columns);
            tr!(lang, "problem-only-text", n = columns.len(), columns = names)
        }
        ProblemKind::BadId { id } => tr!(lang, "problem-bad-id", id = q(id)),
        ProblemKind::EmptyText => tr!(lang, "problem-empty-text"),
        ProblemKind::DuplicateId { what, id, first } => tr!(
            lang,
            "problem-duplicate-id",
            what = declared_text(*what, lang),
            id = q(id),
            first = place_text(first, lang)
        ),
        ProblemKind::UnknownReference { what, id, known } if known.is_empty() => {
            tr!(lang, "problem-unknown-reference", id = q(id), what = declared_text(*what, lang))
        }
        ProblemKind::UnknownReference { what, id, known } => tr!(
            lang,
            "problem-unknown-reference-known",
            id = q(id),
            what = declared_text(*what, lang),
            known = known.join(", ")
        ),
        ProblemKind::OverlapAcrossDimensions { id, dimension, other } => {
            tr!(lang, "problem-overlap-across-dimensions", id = q(id), dimension = dimension.as_str(), other = q(other))
        }
        ProblemKind::ParentCycle { id } => tr!(lang, "problem-parent-cycle", id = q(id)),
        ProblemKind::MissingTime => tr!(lang, "problem-missing-time"),
        ProblemKind::BothYearAndDate => tr!(lang, "problem-both-year-and-date"),
        ProblemKind::BadYear { text } => tr!(lang, "problem-bad-year", text = q(text)),
        ProblemKind::BadDate { text } => tr!(lang, "problem-bad-date", text = q(text)),
        ProblemKind::YearOutOfRange { year } => tr!(lang, "problem-year-out-of-range", year = year.to_string()),
        ProblemKind::NotANumber { text } => tr!(lang, "problem-not-a-number", text = q(text)),
        ProblemKind::NotFinite { text } => tr!(lang, "problem-not-finite", text = q(text)),
        ProblemKind::ShareOutOfRange { value } => tr!(lang, "problem-share-out-of-range", value = value.to_string()),
        ProblemKind::UnitMismatch { found, metric, expected } => {
            tr!(lang, "problem-unit-mismatch", found = q(found), metric = q(metric), expected = q(expected))
        }
        ProblemKind::BadTrust { text } => tr!(lang, "problem-bad-trust", text = q(text)),
        ProblemKind::BadPeriod { text } => tr!(lang, "problem-bad-period", text = q(text)),
        ProblemKind::DuplicateCell { cell, first } => {
            tr!(lang, "problem-duplicate-cell", cell = cell_text(cell, lang), first = place_text(first, lang))
        }
        ProblemKind::MissingQuote => tr!(lang, "problem-missing-quote"),
        ProblemKind::MissingFormula => tr!(lang, "problem-missing-formula"),
        ProblemKind::UnknownInput { cell } => tr!(lang, "problem-unknown-input", cell = input_text(cell)),
        ProblemKind::MissingColumn { column, found } => {
            tr!(lang, "problem-missing-column", column = column.as_str(), found = found.as_str())
        }
        ProblemKind::ControlCharacter { code } => {
            tr!(lang, "problem-control-character", code = format!("{code:04X}"))
        }
        ProblemKind::TextTooLong { len, limit } => {
            tr!(lang, "problem-text-too-long", len = len.to_string(), limit = limit.to_string())
        }
    }
}

/// "(jinhua, exports, 2026, jan_nov)": a derived figure's input as the file names it.
fn input_text(cell: &CellIds) -> String {
    let mut parts = vec![cell.entity.clone(), cell.metric.clone(), cell.time.to_string()];
    parts.extend(cell.period.clone());
    format!("({})", parts.join(", "))
}

/// What is wrong with the text of a file.
fn syntax_text(what: &SyntaxError, lang: Lang) -> String {
    let at = |at: &Option<String>, text: String| match at {
        Some(at) => tr!(lang, "problem-at", place = at.as_str(), what = text),
        None => text,
    };
    match what {
        SyntaxError::Json { at: path, detail, hint } => {
            let text = match hint {
                Some(JsonHint::CutOff) => tr!(lang, "syntax-cut-off", detail = detail.as_str()),
                Some(JsonHint::TooDeep) => tr!(lang, "syntax-too-deep", detail = detail.as_str()),
                Some(JsonHint::NotAValue) => tr!(lang, "syntax-not-a-value", detail = detail.as_str()),
                None => detail.clone(),
            };
            at(path, text)
        }
        SyntaxError::TrailingComma { at: path } => at(path, tr!(lang, "syntax-trailing-comma")),
        SyntaxError::ThousandsSeparator { at: path } => at(path, tr!(lang, "syntax-thousands-separator")),
        SyntaxError::UnknownField { key, expected } => tr!(
            lang,
            "problem-at",
            place = key.as_str(),
            what = tr!(lang, "syntax-unknown-field", key = key.as_str(), expected = expected.join(", "))
        ),
        SyntaxError::RaggedRow { fields, header } => {
            tr!(lang, "syntax-ragged-row", fields = fields.to_string(), header = header.to_string())
        }
        SyntaxError::RowNotUtf8 => tr!(lang, "syntax-row-not-utf8"),
        SyntaxError::Csv { detail } => detail.clone(),
    }
}

/// What a file is, for a sentence: "an Excel workbook (XLSX)".
fn format_name(format: BinaryFormat, lang: Lang) -> String {
    match format {
        BinaryFormat::Xlsx => tr!(lang, "format-xlsx"),
        BinaryFormat::Ods => tr!(lang, "format-ods"),
        BinaryFormat::Zip => tr!(lang, "format-zip"),
        BinaryFormat::Xls => tr!(lang, "format-xls"),
        BinaryFormat::Gzip => tr!(lang, "format-gzip"),
        BinaryFormat::Pdf => tr!(lang, "format-pdf"),
        BinaryFormat::Parquet => tr!(lang, "format-parquet"),
        BinaryFormat::Png => tr!(lang, "format-png"),
    }
}

/// What the person can do instead of opening such a file.
fn format_advice(format: BinaryFormat, lang: Lang) -> String {
    match format {
        BinaryFormat::Xlsx | BinaryFormat::Ods | BinaryFormat::Xls => tr!(lang, "advice-spreadsheet"),
        BinaryFormat::Zip => tr!(lang, "advice-zip"),
        BinaryFormat::Gzip => tr!(lang, "advice-gzip"),
        BinaryFormat::Pdf | BinaryFormat::Png => tr!(lang, "advice-document"),
        BinaryFormat::Parquet => tr!(lang, "advice-parquet"),
    }
}

/// A warning in words.
pub(crate) fn warning_text(warning: &Warning, lang: Lang) -> String {
    match warning {
        Warning::Delimiter { semicolon: true } => tr!(lang, "warning-semicolons"),
        Warning::Delimiter { semicolon: false } => tr!(lang, "warning-tabs"),
        Warning::NoMetadata { file } => tr!(lang, "warning-no-metadata", file = file.as_str()),
        Warning::EmptyValues { count, rows } => {
            let mut list: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
            if *count > rows.len() {
                list.push("…".into());
            }
            let n = *count;
            tr!(lang, "warning-empty-values", n = n, count = n.to_string(), rows = list.join(", "))
        }
        Warning::MissingQuotes { count } => {
            let n = *count;
            tr!(lang, "warning-missing-quotes", n = n, count = n.to_string())
        }
        Warning::UnusualYears { count, first, year } => {
            let (n, first) = (*count, place_text(first, lang));
            tr!(lang, "warning-unusual-years", n = n, count = n.to_string(), first = first, year = year.to_string())
        }
        Warning::TextColumns { columns } => {
            let names = quoted_list(columns);
            tr!(lang, "warning-text-columns", n = columns.len(), columns = names)
        }
        Warning::AttributeColumns { columns } => {
            let names = quoted_list(columns);
            tr!(lang, "warning-attribute-columns", n = columns.len(), columns = names)
        }
        Warning::CountedPlaces { columns } => {
            let names = quoted_list(columns);
            tr!(lang, "warning-counted-places", n = columns.len(), columns = names)
        }
        Warning::RepairedNames { count, first } => {
            let (n, first) = (*count, place_text(first, lang));
            tr!(lang, "warning-repaired-names", n = n, count = n.to_string(), first = first)
        }
        Warning::SkippedRows { count, first, text } => {
            let (n, first) = (*count, place_text(first, lang));
            let text = format!("“{text}”");
            tr!(lang, "warning-skipped-rows", n = n, count = n.to_string(), first = first, text = text)
        }
        Warning::Latin1 => tr!(lang, "warning-latin1"),
        Warning::ComtradeBreakdowns { count } => {
            let n = *count;
            tr!(lang, "warning-comtrade-breakdowns", n = n, count = n.to_string())
        }
        Warning::RepeatedRows { count, first } => {
            let (n, first) = (*count, place_text(first, lang));
            tr!(lang, "warning-repeated-rows", n = n, count = n.to_string(), first = first)
        }
        Warning::WorkbookGaps { errors, uncached, first } => {
            let first = place_text(first, lang);
            tr!(
                lang,
                "warning-workbook-gaps",
                errors = errors.to_string(),
                uncached = uncached.to_string(),
                first = first
            )
        }
        Warning::SkippedWorkbookCells { count, first, text } => {
            let (n, first) = (*count, place_text(first, lang));
            let text = format!("“{text}”");
            tr!(lang, "warning-skipped-workbook-cells", n = n, count = n.to_string(), first = first, text = text)
        }
        Warning::ChoicesNotApplied { why } => tr!(lang, "warning-choices-not-applied", why = stale_text(why, lang)),
        Warning::PercentAsFractions => tr!(lang, "warning-percent-as-fractions"),
        Warning::SheetsWithoutTable { sheets } => {
            let names = quoted_list(sheets);
            tr!(lang, "warning-sheets-without-table", n = sheets.len(), sheets = names)
        }
        Warning::SkippedCells { column, count, first, text } => {
            let (n, first) = (*count, place_text(first, lang));
            let (column, text) = (format!("“{column}”"), format!("“{text}”"));
            tr!(
                lang,
                "warning-skipped-cells",
                n = n,
                count = n.to_string(),
                column = column,
                first = first,
                text = text
            )
        }
        Warning::PackageWithoutSources => tr!(lang, "warning-package-without-sources"),
        Warning::NoDatapackage => tr!(lang, "warning-no-datapackage"),
        Warning::PackageForOtherFiles { files, csv } => {
            tr!(lang, "warning-package-for-other-files", files = files.join(", "), csv = csv.as_str())
        }
    }
}

/// In the fallback language (English): for logs, the terminal and tests. The window shows
/// [`load_error_text`] in its own language.
impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&load_error_text(self, Lang::default()))
    }
}

impl std::error::Error for LoadError {}

/// In the fallback language (English), as [`LoadError`]'s `Display`.
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&problem_text(self, Lang::default()))
    }
}

/// In the fallback language (English), as [`LoadError`]'s `Display`.
impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&warning_text(self, Lang::default()))
    }
}

/// The name of a file format, as the status line and `check` name it.
pub fn data_format_name(format: crate::data::Format, lang: Lang) -> String {
    use crate::data::Format;
    use crate::data::world_bank::WorldBankLayout;
    match format {
        Format::Json => tr!(lang, "format-json"),
        Format::TidyCsv => tr!(lang, "format-tidy-csv"),
        Format::OwidCsv => tr!(lang, "format-owid-csv"),
        Format::OwidPackage => tr!(lang, "format-owid-package"),
        Format::OwidDownload => tr!(lang, "format-owid-download"),
        Format::WorldBank(WorldBankLayout::Indicator) => tr!(lang, "format-world-bank-indicator"),
        Format::WorldBank(WorldBankLayout::Bulk) => tr!(lang, "format-world-bank-bulk"),
        Format::WorldBank(WorldBankLayout::DataBank) => tr!(lang, "format-world-bank-databank"),
        Format::Comtrade => tr!(lang, "format-comtrade"),
        Format::Workbook => tr!(lang, "format-workbook"),
        Format::Imported => tr!(lang, "format-imported"),
    }
}

/// Names in quotes, separated by commas: `“Region”, “Note”`.
fn quoted_list(names: &[String]) -> String {
    names.iter().map(|c| format!("“{c}”")).collect::<Vec<_>>().join(", ")
}
