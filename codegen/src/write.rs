//! Writing the crate to disk, or checking that what is on disk is current.
//!
//! One function serves the xtask, the staleness test and CI: [`sync`] either rewrites the
//! directory or reports every difference, including files that should no longer exist.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};

/// What a check found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Drift {
    /// Files that differ from what would be generated.
    pub changed: Vec<String>,
    /// Files that would be generated but are missing.
    pub missing: Vec<String>,
    /// Files on disk that the generator no longer writes.
    pub stale: Vec<String>,
}

impl Drift {
    /// True when the directory matches exactly.
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.missing.is_empty() && self.stale.is_empty()
    }
}

impl std::fmt::Display for Drift {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (what, list) in [("changed", &self.changed), ("missing", &self.missing), ("no longer generated", &self.stale)] {
            for p in list.iter().take(20) {
                writeln!(f, "  {what}: {p}")?;
            }
            if list.len() > 20 {
                writeln!(f, "  ... and {} more {what}", list.len() - 20)?;
            }
        }
        Ok(())
    }
}

/// Files under `dir` that the generator owns: everything except `target/` and dot-files.
fn existing_files(dir: &Path) -> Result<BTreeSet<String>> {
    let mut out = BTreeSet::new();
    if !dir.exists() {
        return Ok(out);
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| Error::msg(format!("cannot list directory: {e}")).in_file(&d))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::msg(format!("cannot list directory: {e}")).in_file(&d))?;
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') || (d == dir && (name == "target" || name == "Cargo.lock")) {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(dir) {
                out.insert(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    Ok(out)
}

/// Refuses any relative path that could leave the output directory.
fn safe_join(dir: &Path, rel: &str) -> Result<PathBuf> {
    let p = Path::new(rel);
    if p.components().all(|c| matches!(c, Component::Normal(_))) {
        Ok(dir.join(p))
    } else {
        Err(Error::msg(format!("internal error: refusing to write outside the output directory: {rel}")))
    }
}

/// Compares `files` with `dir`; with `write`, makes `dir` match (only touching changed files).
pub fn sync(dir: &Path, files: &BTreeMap<String, String>, write: bool) -> Result<Drift> {
    let on_disk = existing_files(dir)?;
    let mut drift = Drift::default();
    for (rel, text) in files {
        let path = safe_join(dir, rel)?;
        if on_disk.contains(rel) {
            let current = std::fs::read(&path).map_err(|e| Error::msg(format!("cannot read: {e}")).in_file(&path))?;
            // Line endings are normalised so a checkout with CRLF is not reported as stale.
            let current = String::from_utf8_lossy(&current).replace("\r\n", "\n");
            if current != *text {
                drift.changed.push(rel.clone());
            } else {
                continue;
            }
        } else {
            drift.missing.push(rel.clone());
        }
        if write {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| Error::msg(format!("cannot create directory: {e}")).in_file(parent))?;
            }
            std::fs::write(&path, text).map_err(|e| Error::msg(format!("cannot write: {e}")).in_file(&path))?;
        }
    }
    for rel in on_disk {
        if !files.contains_key(&rel) {
            if write {
                let path = safe_join(dir, &rel)?;
                std::fs::remove_file(&path).map_err(|e| Error::msg(format!("cannot remove: {e}")).in_file(&path))?;
            }
            drift.stale.push(rel);
        }
    }
    if write {
        remove_empty_dirs(dir);
    }
    Ok(drift)
}

fn remove_empty_dirs(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let p = entry.path();
        if p.is_dir() && !entry.file_name().to_string_lossy().starts_with('.') && entry.file_name() != "target" {
            remove_empty_dirs(&p);
            let _ = std::fs::remove_dir(&p); // fails, harmlessly, when not empty
        }
    }
}
