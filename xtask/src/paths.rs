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

/// The AWS partition data the endpoint resolvers are generated with, read from the shared
/// directory (`endpoints/partitions.json`).
pub fn partitions(shared: &std::path::Path) -> Result<serde_json::Value, String> {
    smithy_codegen::load::partitions(shared)
        .map_err(|e| format!("{e} (the shared data directory is {}; set --shared or ${SHARED_ENV})", shared.display()))
}

/// The runtime crates (`runtime/`), as an absolute path, for crates generated outside the
/// repository.
pub fn runtime_dir() -> PathBuf {
    repo_root().join("runtime")
}

/// How crates generated inside the repository (`generated/`, `compliance/`, ...) refer to the
/// runtime crates: by path, relative to the crate.
pub fn runtime_in_repo() -> smithy_codegen::RuntimeRef {
    runtime_in_repo_at("generated")
}

/// How a crate generated into `dir` (relative to the repository) refers to `runtime/`.
pub fn runtime_in_repo_at(dir: &str) -> smithy_codegen::RuntimeRef {
    let up = "../".repeat(dir.split('/').filter(|c| !c.is_empty()).count());
    smithy_codegen::RuntimeRef::Path(format!("{up}runtime"))
}

/// The pinned default model inside the shared directory.
pub fn default_model(shared: &std::path::Path) -> PathBuf {
    shared.join("models").join("connect-2017-08-08.json")
}

/// The pin file for the default model.
pub fn default_pin() -> PathBuf {
    repo_root().join("model").join("connect-2017-08-08.pin")
}
