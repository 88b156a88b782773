//! The files that describe a World Bank table: `Metadata_Country_…csv` or `WDICountry.csv`
//! (each country's region and income group; aggregates have none) and
//! `Metadata_Indicator_…csv` or `WDISeries.csv` (each indicator's definition, producer and unit).

use std::collections::HashMap;
use std::path::Path;

use super::error::LoadError;
use super::text::check_utf8;

/// The bulk download's files that describe `WDICSV.csv` rather than hold its figures.
const BULK_COMPANIONS: [&str; 5] =
    ["wdicountry.csv", "wdiseries.csv", "wdicountry-series.csv", "wdifootnote.csv", "wdiseries-time.csv"];

/// What the files beside a World Bank table say of its countries and indicators.
#[derive(Debug, Clone, Default)]
pub(crate) struct Metadata {
    /// By country code: region and income group, each `None` when the file leaves it empty
    /// (aggregates).
    pub countries: HashMap<String, (Option<String>, Option<String>)>,
    /// The names of the region and income group columns.
    pub attribute_names: (String, String),
    /// By indicator code: its definition, the organisation that produced it and its unit.
    pub indicators: HashMap<String, IndicatorInfo>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct IndicatorInfo {
    pub note: Option<String>,
    pub organisation: Option<String>,
    pub unit: Option<String>,
}

/// Whether a data file's name is one of the World Bank's metadata files, not a table of figures.
pub(crate) fn is_companion(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name).to_ascii_lowercase();
    file.starts_with("metadata_") || BULK_COMPANIONS.contains(&file.as_str())
}

/// The names of the files that describe the data file `name`: country metadata first.
pub(crate) fn companions(name: &str) -> [String; 2] {
    let (folder, file) = match name.rsplit_once('/') {
        Some((folder, file)) => (format!("{folder}/"), file),
        None => (String::new(), name),
    };
    if file.eq_ignore_ascii_case("wdicsv.csv") {
        [format!("{folder}WDICountry.csv"), format!("{folder}WDISeries.csv")]
    } else {
        [format!("{folder}Metadata_Country_{file}"), format!("{folder}Metadata_Indicator_{file}")]
    }
}

/// The names of a header, lower case without spaces or underscores (`IncomeGroup`, `Income
/// Group` and `INCOME_GROUP` are one name).
pub(super) fn normalised(header: &csv::StringRecord) -> Vec<String> {
    header
        .iter()
        .map(|h| h.chars().filter(|c| !c.is_whitespace() && *c != '_').collect::<String>().to_lowercase())
        .collect()
}

/// Records of any width, with the delimiter of the line that holds `Country Code`.
pub(super) fn records(text: &str) -> (csv::Reader<&[u8]>, u8) {
    let header_line = text
        .lines()
        .take(32)
        .find(|l| l.contains("Country Code") || l.contains("Series Code"))
        .or_else(|| text.lines().next());
    let delimiter = super::csv::sniff_delimiter(header_line.unwrap_or("").as_bytes());
    let reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    (reader, delimiter)
}

/// A metadata file's header and rows (small files, read whole).
fn metadata_rows(path: &Path, bytes: &[u8]) -> Result<Option<(csv::StringRecord, Vec<csv::StringRecord>)>, LoadError> {
    let text = check_utf8(path, bytes)?;
    let (mut reader, _) = records(text);
    let mut rows = reader.records().collect::<Result<Vec<_>, _>>().map_err(|e| super::csv::csv_error(path, &e))?;
    if rows.is_empty() {
        return Ok(None);
    }
    let header = rows.remove(0);
    Ok(Some((header, rows)))
}

/// Reads a country metadata file: region and income group per code.
pub(crate) fn parse_countries(path: &Path, bytes: &[u8], metadata: &mut Metadata) -> Result<(), LoadError> {
    let Some((header, rows)) = metadata_rows(path, bytes)? else { return Ok(()) };
    let names = normalised(&header);
    let col = |n: &str| names.iter().position(|h| h == n);
    let (Some(code), region, income) = (col("countrycode"), col("region"), col("incomegroup")) else { return Ok(()) };
    let spaced = |i: Option<usize>, default: &str| {
        i.and_then(|i| header.get(i)).map(split_words).unwrap_or_else(|| default.to_string())
    };
    metadata.attribute_names = (spaced(region, "Region"), spaced(income, "Income Group"));
    for row in rows {
        let get =
            |i: Option<usize>| i.and_then(|i| row.get(i)).map(str::trim).filter(|v| !v.is_empty()).map(String::from);
        if let Some(code) = get(Some(code)) {
            metadata.countries.insert(code, (get(region), get(income)));
        }
    }
    Ok(())
}

/// `IncomeGroup` → `Income Group`: the API's metadata writes its column names in one word.
fn split_words(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.trim().chars().enumerate() {
        if i > 0 && c.is_uppercase() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// Reads an indicator metadata file: definition, organisation and unit per code.
pub(crate) fn parse_indicators(path: &Path, bytes: &[u8], metadata: &mut Metadata) -> Result<(), LoadError> {
    let Some((header, rows)) = metadata_rows(path, bytes)? else { return Ok(()) };
    let names = normalised(&header);
    let col = |options: &[&str]| options.iter().find_map(|n| names.iter().position(|h| h == n));
    let code = col(&["indicatorcode", "seriescode"]);
    let note = col(&["sourcenote", "longdefinition", "shortdefinition"]);
    let organisation = col(&["sourceorganization", "source"]);
    let unit = col(&["unitofmeasure"]);
    let Some(code) = code else { return Ok(()) };
    for row in rows {
        let get =
            |i: Option<usize>| i.and_then(|i| row.get(i)).map(str::trim).filter(|v| !v.is_empty()).map(String::from);
        if let Some(code) = get(Some(code)) {
            let info = IndicatorInfo { note: get(note), organisation: get(organisation), unit: get(unit) };
            metadata.indicators.insert(code, info);
        }
    }
    Ok(())
}
