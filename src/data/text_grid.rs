//! A CSV or pasted range as a grid of cells, so the import choices read it as they read a
//! sheet: decoded from UTF-8, GB18030 (as Chinese customs platforms and Excel in China save CSV)
//! or Windows-1252, with its delimiter (comma, semicolon or tab) found from its first line.

use std::path::Path;

use super::error::LoadError;
use super::progress::Limits;
use super::workbook::{Sheet, SheetCell};

/// The text encodings a CSV is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    #[default]
    Utf8,
    /// GB18030 (and so GBK and GB2312), as Chinese Windows saves text.
    Gb18030,
    /// Windows-1252, as Western European Windows saves text.
    Windows1252,
}

impl TextEncoding {
    /// Every encoding, in the order a person is offered them.
    pub const ALL: [TextEncoding; 3] = [TextEncoding::Utf8, TextEncoding::Gb18030, TextEncoding::Windows1252];

    fn encoding(self) -> &'static encoding_rs::Encoding {
        match self {
            TextEncoding::Utf8 => encoding_rs::UTF_8,
            TextEncoding::Gb18030 => encoding_rs::GB18030,
            TextEncoding::Windows1252 => encoding_rs::WINDOWS_1252,
        }
    }

    /// The encoding's name as people write it.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Gb18030 => "GB18030",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }

    /// The text of `bytes` in this encoding, or `None` when they are not text in it.
    pub(crate) fn decode(self, bytes: &[u8]) -> Option<String> {
        let (text, _, malformed) = self.encoding().decode(bytes);
        (!malformed).then(|| text.into_owned())
    }
}

/// The encoding a CSV's bytes are most likely in: UTF-8 when they are UTF-8; GB18030 when they
/// decode as it and most of their two-byte characters are in GB2312's common range (both bytes
/// 0xA1 or more, as Chinese text is, and as an accented letter before a plain one is not);
/// else Windows-1252.
pub fn detect_encoding(bytes: &[u8]) -> TextEncoding {
    if std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).is_ok() {
        return TextEncoding::Utf8;
    }
    let (mut common, mut other, mut i) = (0usize, 0usize, 0);
    while i + 1 < bytes.len() {
        if bytes[i] >= 0x81 {
            if bytes[i] >= 0xA1 && bytes[i + 1] >= 0xA1 {
                common += 1
            } else {
                other += 1
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    if common > other * 4 && TextEncoding::Gb18030.decode(bytes).is_some() {
        TextEncoding::Gb18030
    } else {
        TextEncoding::Windows1252
    }
}

/// The delimiter of a table's text: of comma, semicolon and tab, the one most of its first
/// lines hold most of (a title line above the table holds none); a comma when none is found.
fn sniff(text: &str) -> u8 {
    let lines: Vec<&str> = text.lines().take(20).collect();
    let votes = |d: char| {
        let most = |l: &&str| {
            let n = l.matches(d).count();
            n > 0 && [',', ';', '\t'].iter().all(|&o| o == d || l.matches(o).count() <= n)
        };
        lines.iter().filter(|l| most(l)).count()
    };
    let (mut best, mut most) = (b',', votes(','));
    for (d, byte) in [(';', b';'), ('\t', b'\t')] {
        if votes(d) > most {
            (best, most) = (byte, votes(d));
        }
    }
    best
}

/// A CSV (or pasted text) as a sheet named `name`: every field a text cell, an empty field an
/// empty one.
pub(crate) fn text_grid(
    path: &Path,
    name: &str,
    bytes: &[u8],
    encoding: TextEncoding,
    limits: &Limits,
) -> Result<Sheet, LoadError> {
    let Some(text) = encoding.decode(bytes) else {
        let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
        let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(LoadError::NotInEncoding { path: path.to_path_buf(), encoding, line });
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let delimiter = sniff(text);
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| super::csv::csv_error(path, &e))?;
        if rows.len() as u64 >= limits.rows {
            return Err(LoadError::TooManyRows { path: path.to_path_buf(), limit: limits.rows });
        }
        if record.len() > limits.columns {
            return Err(LoadError::TooManyColumns {
                path: path.to_path_buf(),
                columns: record.len(),
                limit: limits.columns,
            });
        }
        let cells = record
            .iter()
            .map(|field| if field.trim().is_empty() { SheetCell::Empty } else { SheetCell::Text(field.into()) });
        rows.push(cells.collect());
    }
    Ok(Sheet { name: name.to_string(), origin: (0, 0), rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_encoding_of_a_csv_is_found_from_its_bytes() {
        assert_eq!(detect_encoding("地区,数值\n金华,1\n".as_bytes()), TextEncoding::Utf8);
        let (gb, _, _) = encoding_rs::GB18030.encode("地区,数值\n金华,1\n");
        assert_eq!(detect_encoding(&gb), TextEncoding::Gb18030);
        assert_eq!(detect_encoding(b"Pa\xefs,Valor\nEspa\xf1a,1\n"), TextEncoding::Windows1252);
    }

    #[test]
    fn a_gb18030_csv_reads_as_its_chinese_text() {
        let (gb, _, _) = encoding_rs::GB18030.encode("年份,金华\n2023,\"1,234\"\n");
        let grid = text_grid(Path::new("a.csv"), "a.csv", &gb, TextEncoding::Gb18030, &Limits::default()).unwrap();
        assert_eq!(grid.rows[0], [SheetCell::Text("年份".into()), SheetCell::Text("金华".into())]);
        assert_eq!(grid.rows[1][1], SheetCell::Text("1,234".into()));
        let wrong = text_grid(Path::new("a.csv"), "a.csv", &gb, TextEncoding::Utf8, &Limits::default());
        assert!(matches!(wrong, Err(LoadError::NotInEncoding { line: 1, .. })), "{wrong:?}");
    }

    #[test]
    fn a_copied_range_is_split_at_its_tabs() {
        let text = "Year\tExports (billion yuan)\n2023\t1,234.5\n2024\t\n";
        let grid = text_grid(Path::new("x"), "x", text.as_bytes(), TextEncoding::Utf8, &Limits::default()).unwrap();
        assert_eq!(grid.rows[0][1], SheetCell::Text("Exports (billion yuan)".into()));
        assert_eq!(grid.rows[1][1], SheetCell::Text("1,234.5".into()));
        assert_eq!(grid.rows[2][1], SheetCell::Empty);
    }
}
