//! Shared by the benchmarks: the synthetic files of scripts/make-large-dataset.py.

use std::path::PathBuf;
use std::process::Command;

/// The folder of the synthetic files, made on first use.
pub fn large_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/large");
    if !dir.join("dataset.json").exists() {
        let status = Command::new("python3")
            .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/make-large-dataset.py"))
            .arg(&dir)
            .status()
            .expect("python3 runs scripts/make-large-dataset.py");
        assert!(status.success(), "scripts/make-large-dataset.py failed");
    }
    dir
}
