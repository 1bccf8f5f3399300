//! Where things are: the repository root, the shared data directory, the pinned model.

use std::path::PathBuf;

/// The environment variable that points at the shared data directory.
pub const SHARED_ENV: &str = "SMITHY_SHARED_DIR";

/// The repository root (the workspace that contains `xtask/`).
pub fn repo_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

/// The shared data directory: `--shared DIR`, else `$SMITHY_SHARED_DIR`, else `../shared`
/// next to the repository.
pub fn shared_dir(flag: Option<&str>) -> PathBuf {
    if let Some(f) = flag {
        return PathBuf::from(f);
    }
    if let Some(env) = std::env::var_os(SHARED_ENV) {
        return PathBuf::from(env);
    }
    repo_root().join("..").join("shared")
}

/// The pinned default model inside the shared directory.
pub fn default_model(shared: &std::path::Path) -> PathBuf {
    shared.join("models").join("connect-2017-08-08.json")
}

/// The pin file for the default model.
pub fn default_pin() -> PathBuf {
    repo_root().join("model").join("connect-2017-08-08.pin")
}
