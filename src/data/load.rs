//! Opening a dataset from a path: size limit, format detection by content, sidecar files.

use std::io::Read;
use std::path::Path;

use super::csv::{load_tidy_csv, sidecar_path};
use super::error::LoadError;
use super::json::load_json;
use super::model::Dataset;

/// Files larger than this are refused before reading (512 MiB).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 512 * 1024 * 1024;

/// The bundled dataset, compiled into the binary.
pub const BUNDLED_JSON: &str = include_str!("../../assets/jinhua_trade.json");

/// A dataset that opened, with what is odd about it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The data.
    pub dataset: Dataset,
    /// Things that did not stop the file from opening but that the user should know.
    pub warnings: Vec<String>,
}

/// Loads the dataset compiled into the binary.
pub fn load_bundled() -> Result<Loaded, LoadError> {
    let (dataset, warnings) = load_json(Path::new("jinhua_trade.json (bundled)"), BUNDLED_JSON.as_bytes())?;
    Ok(Loaded { dataset, warnings })
}

/// Reads a whole file, refusing anything that is not a regular file or is over `limit` bytes.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let io = |source| LoadError::Io { path: path.to_path_buf(), source };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(LoadError::NotAFile { path: path.to_path_buf() });
    }
    if meta.len() > limit {
        return Err(LoadError::TooLarge { path: path.to_path_buf(), size: meta.len(), limit });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow while it is read: never read past the limit.
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge { path: path.to_path_buf(), size: bytes.len() as u64, limit });
    }
    Ok(bytes)
}

/// Whether bytes look like JSON (an object after optional BOM and whitespace).
fn looks_like_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Loads bytes that came from `path`, choosing the format by content; a CSV's sidecar is read
/// from beside `path` when it exists.
pub fn load_bytes(path: &Path, bytes: &[u8], limit: u64) -> Result<Loaded, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty { path: path.to_path_buf() });
    }
    let (dataset, warnings) = if looks_like_json(bytes) {
        load_json(path, bytes)?
    } else {
        let meta_path = sidecar_path(path);
        let meta_bytes = if meta_path.is_file() { Some(read_limited(&meta_path, limit)?) } else { None };
        load_tidy_csv(path, bytes, meta_bytes.as_deref().map(|b| (meta_path.as_path(), b)))?
    };
    Ok(Loaded { dataset, warnings })
}

/// Loads a dataset file of any supported format.
pub fn load_path(path: &Path, limit: u64) -> Result<Loaded, LoadError> {
    let bytes = read_limited(path, limit)?;
    load_bytes(path, &bytes, limit)
}
