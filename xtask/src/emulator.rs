//! `cargo xtask emulator`: our client and aws-sdk-connect against the `winterbaume-connect`
//! emulator (`emulator/`, a workspace of its own because the emulator brings aws-config's
//! whole default stack).

use std::process::Command;

use crate::paths;

/// Runs the command.
pub fn run(_args: &[String]) -> Result<(), String> {
    let root = paths::repo_root();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = Command::new(cargo)
        .args(["test", "--", "--nocapture"])
        .current_dir(root.join("emulator"))
        .env("CARGO_TARGET_DIR", root.join("target").join("emulator"))
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the emulator test failed ({status})"))
    }
}
