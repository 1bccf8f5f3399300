//! The model pin: where the default model comes from and its sha256, so a regenerated crate is
//! reproducible.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// A parsed pin file (`key = "value"` lines).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pin {
    /// Where the model is published.
    pub source: String,
    /// The commit it was taken from.
    pub commit: String,
    /// Its path in that repository.
    pub path: String,
    /// Lowercase hex sha256 of the file.
    pub sha256: String,
}

impl Pin {
    /// Reads a pin file.
    pub fn read(file: &Path) -> Result<Pin> {
        let text = std::fs::read_to_string(file).map_err(|e| Error::msg(format!("cannot read pin: {e}")).in_file(file))?;
        let mut pin = Pin::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (k, v) = line
                .split_once('=')
                .ok_or_else(|| Error::msg(format!("line {}: expected `key = \"value\"`", n + 1)).in_file(file))?;
            let v = v.trim().trim_matches('"').to_owned();
            match k.trim() {
                "source" => pin.source = v,
                "commit" => pin.commit = v,
                "path" => pin.path = v,
                "sha256" => pin.sha256 = v.to_ascii_lowercase(),
                other => return Err(Error::msg(format!("line {}: unknown key `{other}`", n + 1)).in_file(file)),
            }
        }
        if pin.sha256.len() != 64 {
            return Err(Error::msg("the pin has no valid `sha256`").in_file(file));
        }
        Ok(pin)
    }

    /// Checks a model file against the pin.
    pub fn verify(&self, model: &Path) -> Result<()> {
        let bytes = std::fs::read(model).map_err(|e| Error::msg(format!("cannot read model file: {e}")).in_file(model))?;
        let actual = sha256_hex(&bytes);
        if actual != self.sha256 {
            return Err(Error::msg(format!(
                "sha256 mismatch: the pin says {} but the file has {actual}. If the model was updated on purpose, \
                 update `sha256` (and `commit`) in the pin file and regenerate; otherwise restore the pinned file \
                 ({} at {} in {}).",
                self.sha256, self.path, self.commit, self.source
            ))
            .in_file(model));
        }
        Ok(())
    }
}

/// Lowercase hex sha256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}
