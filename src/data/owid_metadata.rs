//! The `slug.metadata.json` of a chart downloaded from ourworldindata.org (Download › Full
//! data): the chart's title, subtitle, citation, address and default selection, and each
//! column's title, unit, description and citation. Every field is optional; unknown ones are
//! ignored.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::error::LoadError;
use super::model::Source;
use super::owid::{FieldInfo, PackageInfo};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawMetadata {
    #[serde(default)]
    chart: RawChart,
    #[serde(default)]
    columns: HashMap<String, RawColumn>,
    #[serde(default)]
    date_downloaded: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawChart {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    subtitle: Option<String>,
    #[serde(default)]
    citation: Option<String>,
    #[serde(default)]
    original_chart_url: Option<String>,
    #[serde(default)]
    selection: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawColumn {
    #[serde(default)]
    title_short: Option<String>,
    #[serde(default)]
    title_long: Option<String>,
    #[serde(default)]
    description_short: Option<String>,
    #[serde(default)]
    description_key: Vec<String>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    short_unit: Option<String>,
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    citation_short: Option<String>,
    #[serde(default)]
    citation_long: Option<String>,
}

/// The metadata file of a downloaded chart's CSV: `real-gdp-growth.metadata.json` beside
/// `real-gdp-growth.csv`.
pub(crate) fn metadata_path(csv: &Path) -> PathBuf {
    let stem = csv.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    csv.with_file_name(format!("{stem}.metadata.json"))
}

/// Reads a downloaded chart's metadata as what a data package would say of its CSV.
pub(crate) fn parse_metadata(path: &Path, bytes: &[u8]) -> Result<PackageInfo, LoadError> {
    let raw: RawMetadata = super::json::parse(path, bytes)?;
    let chart = raw.chart;
    let mut sources: Vec<Source> = Vec::new();
    let mut fields = HashMap::new();
    let mut names: Vec<&String> = raw.columns.keys().collect();
    names.sort();
    for name in names {
        let column = &raw.columns[name];
        let source = citation_source(column, &chart, raw.date_downloaded.as_deref()).map(|source| {
            match sources.iter().position(|s| s.title == source.title) {
                Some(i) => i,
                None => {
                    sources.push(Source { id: format!("source-{}", sources.len() + 1), ..source });
                    sources.len() - 1
                }
            }
        });
        let mut description = column.description_short.clone().map(|d| plain_text(&d)).unwrap_or_default();
        for point in &column.description_key {
            description.push_str(if description.is_empty() { "" } else { "\n• " });
            description.push_str(&plain_text(point));
        }
        let about = FieldInfo {
            title: column.title_short.clone().or_else(|| column.title_long.clone()),
            description: (!description.is_empty()).then_some(description),
            unit: column.unit.clone().or_else(|| column.short_unit.clone()).filter(|u| !u.trim().is_empty()),
            kind: column.kind.clone(),
            source,
        };
        fields.insert(name.clone(), about);
    }
    Ok(PackageInfo {
        title: chart.title.clone(),
        description: chart.subtitle.as_deref().map(plain_text),
        sources,
        fields,
        resources: Vec::new(),
        selection: chart.selection.clone(),
    })
}

/// A column's citation as a source: the chart's address, the download date.
fn citation_source(column: &RawColumn, chart: &RawChart, downloaded: Option<&str>) -> Option<Source> {
    let title =
        column.citation_long.clone().or_else(|| column.citation_short.clone()).or_else(|| chart.citation.clone())?;
    Some(Source {
        id: String::new(),
        publisher: chart.citation.clone().or_else(|| column.citation_short.clone()).unwrap_or_else(|| title.clone()),
        title,
        url: chart.original_chart_url.clone().unwrap_or_default(),
        published: None,
        retrieved: downloaded.map(str::to_string),
    })
}

/// Markdown as plain text: `[gross domestic product](#dod:gdp)` is its words, `**` and `_`
/// around words go.
pub(crate) fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else { break };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else { break };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out.replace("**", "").replace("__", "").replace('`', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_links_and_emphasis_become_plain_words() {
        assert_eq!(
            plain_text("Annual percent change in [gross domestic product](#dod:gdp). **Adjusted** for inflation."),
            "Annual percent change in gross domestic product. Adjusted for inflation."
        );
        assert_eq!(plain_text("a [b] c (d)"), "a [b] c (d)");
    }

    #[test]
    fn every_field_is_optional_and_unknown_ones_are_ignored() {
        let info = parse_metadata(Path::new("x.metadata.json"), br#"{"chart": {"somethingNew": 1}}"#).expect("reads");
        assert_eq!(info.title, None);
        assert!(info.sources.is_empty() && info.fields.is_empty() && info.selection.is_empty());
    }
}
