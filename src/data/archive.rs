//! A zip archive as Our World in Data and the World Bank hand them out: one CSV with its
//! metadata beside it (`slug.csv` + `slug.metadata.json`, or `datapackage.json`). Opened in
//! place; what is decompressed is held to the file-size limit, so a small archive that unpacks
//! to gigabytes is refused before it fills memory.

use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

use super::error::LoadError;
use super::load::{Format, Loaded};
use super::owid::{PackageFor, PackageInfo, is_owid_header, load_owid_csv, parse_package};
use super::progress::Progress;
use super::world_bank;
use super::world_bank_metadata;

/// A path into an archive, `archive.zip/folder/data.csv`: the archive, and the member's name.
pub(crate) fn member_path(path: &Path) -> Option<(PathBuf, String)> {
    if path.exists() {
        return None;
    }
    let archive = path.ancestors().skip(1).find(|a| a.is_file())?;
    let is_zip = archive.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    let member = path.strip_prefix(archive).ok()?.to_string_lossy().replace('\\', "/");
    is_zip.then(|| (archive.to_path_buf(), member))
}

/// Opens the one CSV of a zip archive, or the `member` named, with the metadata beside it in
/// the archive.
pub(crate) fn load_zip<R: Read + Seek>(
    path: &Path,
    reader: R,
    member: Option<&str>,
    progress: &Progress,
) -> Result<Loaded, LoadError> {
    let unreadable =
        |e: zip::result::ZipError| LoadError::ZipUnreadable { path: path.to_path_buf(), detail: e.to_string() };
    let mut archive = zip::ZipArchive::new(reader).map_err(unreadable)?;
    let members: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        // Folders, and the resource forks macOS adds to an archive it makes.
        .filter(|n| !n.ends_with('/') && !n.starts_with("__MACOSX/"))
        .collect();
    // The World Bank's metadata files describe the table beside them; they are no table to choose.
    let mut csvs: Vec<&String> = members
        .iter()
        .filter(|n| n.to_ascii_lowercase().ends_with(".csv") && !world_bank_metadata::is_companion(n))
        .collect();
    csvs.sort();
    let csv = match (member, csvs.as_slice()) {
        (Some(member), _) if members.iter().any(|m| m == member) => member.to_string(),
        (Some(member), _) => {
            let detail = format!("no member named {member}");
            return Err(LoadError::ZipUnreadable { path: path.join(member), detail });
        }
        (None, [one]) => (*one).clone(),
        (None, []) => return Err(LoadError::ZipWithoutCsv { path: path.to_path_buf(), members }),
        (None, several) => {
            let csvs = several.iter().map(|s| (*s).clone()).collect();
            return Err(LoadError::ZipSeveralCsvs { path: path.to_path_buf(), csvs });
        }
    };
    // Messages name the member inside the archive: `gdp.zip/gdp.csv, row 3`.
    let csv_path = path.join(&csv);
    let bytes = read_member(&mut archive, path, &csv, progress)?;
    if super::comtrade::is_comtrade_text(&bytes) {
        return super::load::load_bytes(&csv_path, &bytes, progress);
    }
    if world_bank::is_world_bank(super::text::check_utf8(&csv_path, &bytes)?) {
        let mut metadata = world_bank_metadata::Metadata::default();
        let [countries, indicators] = world_bank_metadata::companions(&csv);
        let find = |name: &str| members.iter().find(|m| m.eq_ignore_ascii_case(name)).cloned();
        if let Some(countries) = find(&countries) {
            let text = read_member(&mut archive, path, &countries, progress)?;
            world_bank_metadata::parse_countries(&path.join(&countries), &text, &mut metadata)?;
        }
        if let Some(indicators) = find(&indicators) {
            let text = read_member(&mut archive, path, &indicators, progress)?;
            world_bank_metadata::parse_indicators(&path.join(&indicators), &text, &mut metadata)?;
        }
        let chunking = super::load::parallel_chunking();
        let (dataset, warnings, layout) =
            world_bank::load_world_bank(&csv_path, &bytes, &metadata, (progress, chunking))?;
        return Ok(Loaded { dataset, warnings, format: Format::WorldBank(layout) });
    }
    let stem = csv.strip_suffix(".csv").or_else(|| csv.strip_suffix(".CSV")).unwrap_or(&csv);
    let metadata = format!("{stem}.metadata.json");
    let package = beside(&csv, super::owid::DATAPACKAGE);
    let info: Option<PackageInfo> = if members.contains(&metadata) {
        let text = read_member(&mut archive, path, &metadata, progress)?;
        Some(super::owid_metadata::parse_metadata(&path.join(&metadata), &text)?)
    } else if members.contains(&package) {
        let text = read_member(&mut archive, path, &package, progress)?;
        Some(parse_package(&path.join(&package), &text)?)
    } else {
        None
    };
    let header = super::load::csv_header(&csv_path, &bytes)?;
    if !is_owid_header(&header) {
        return super::load::load_bytes(&csv_path, &bytes, progress);
    }
    let package_for = info.as_ref().map_or(PackageFor::Missing, PackageFor::This);
    let format = match (&info, members.contains(&metadata)) {
        (Some(_), true) => Format::OwidDownload,
        (Some(_), false) => Format::OwidPackage,
        (None, _) => Format::OwidCsv,
    };
    let (dataset, warnings) =
        load_owid_csv(&csv_path, &bytes, package_for, progress).map_err(|e| super::load::in_format(e, format))?;
    Ok(Loaded { dataset, warnings, format })
}

/// `datapackage.json` in the folder of `member`.
fn beside(member: &str, name: &str) -> String {
    match member.rsplit_once('/') {
        Some((folder, _)) => format!("{folder}/{name}"),
        None => name.to_string(),
    }
}

/// A member's bytes, decompressed up to the file-size limit and no further.
fn read_member<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    path: &Path,
    name: &str,
    progress: &Progress,
) -> Result<Vec<u8>, LoadError> {
    let limit = progress.limits.file_bytes;
    let member_path: PathBuf = path.join(name);
    let unreadable = |detail: String| LoadError::ZipUnreadable { path: member_path.clone(), detail };
    let member = archive.by_name(name).map_err(|e| unreadable(e.to_string()))?;
    // The size the archive states can be a lie; what is read is what counts.
    let mut bytes = Vec::with_capacity(member.size().min(limit) as usize);
    member.take(limit + 1).read_to_end(&mut bytes).map_err(|e| unreadable(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::ZipTooLarge { path: member_path, limit });
    }
    Ok(bytes)
}
