//! Integration tests live in `tests/tests/`; this library only holds shared helpers.

use std::path::PathBuf;

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The shared data directory (`$SMITHY_SHARED_DIR`, else `../shared` beside the repository).
pub fn shared_dir() -> PathBuf {
    std::env::var_os("SMITHY_SHARED_DIR").map(PathBuf::from).unwrap_or_else(|| repo_root().join("..").join("shared"))
}

/// A fixture model of our own, under `model/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    repo_root().join("model").join("fixtures").join(name)
}
