//! Files at the edge of the app: atomic writes, so a crash or a full disk never leaves a
//! half-written file in place of a good one.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder, flushed to disk and
/// then renamed over the target: readers see the old file or the new one, never a mix.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_with(path, |w| w.write_all(bytes))
}

/// Like [`write_atomically`], for content written piece by piece (a large CSV is never held
/// in memory whole).
pub(crate) fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".trade-explorer-").suffix(".tmp");
    // tempfile makes private (0600) files; a file the person saves is theirs to share, so it is
    // created as any program creates a file, 0666 less the umask (0644 under the usual 022).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temp = builder.tempfile_in(folder)?;
    {
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, temp.as_file_mut());
        write(&mut buffered)?;
        buffered.flush()?;
    }
    // A file that is replaced keeps its mode: someone chose it.
    #[cfg(unix)]
    if let Ok(old) = std::fs::metadata(path) {
        temp.as_file().set_permissions(old.permissions())?;
    }
    temp.as_file().sync_all()?;
    // On failure the temporary file is deleted when `temp` is dropped.
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_full_disk_midway_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.png");
        std::fs::write(&path, "old").unwrap();
        // A writer that fails after some bytes, as a full disk does.
        let result = write_atomically_with(&path, |w| {
            w.write_all(&[0u8; 100_000])?;
            Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "No space left on device"))
        });
        assert_eq!(result.unwrap_err().kind(), std::io::ErrorKind::StorageFull);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_follows_the_umask_like_any_other_program_s() {
        let dir = tempfile::tempdir().unwrap();
        // What this process's umask makes of a new file (std creates files 0666 less the umask).
        let plain = dir.path().join("plain.txt");
        std::fs::write(&plain, "x").unwrap();
        let saved = dir.path().join("chart.png");
        write_atomically(&saved, b"new").unwrap();
        // Under the usual umask 022 both are 0644; tempfile's default would be 0600.
        assert_eq!(format!("{:o}", mode(&saved)), format!("{:o}", mode(&plain)));
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.csv");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(format!("{:o}", mode(&path)), "640");
    }

    #[test]
    fn a_write_that_fails_before_its_first_byte_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "old").unwrap();
        // As when the encoder fails: nothing is written, the error comes back.
        let result = write_atomically_with(&path, |_| Err(std::io::Error::other("the PNG encoder failed")));
        assert_eq!(result.unwrap_err().to_string(), "the PNG encoder failed");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    }
}
