//! Fixture models of our own (`model/fixtures/`): every shape kind, every trait the generator
//! reads and every naming edge case. Each fixture is generated in memory, checked for concrete
//! facts about the output, then written under the target directory and built with `cargo build`,
//! `cargo clippy -- -D warnings` and `cargo doc` with warnings denied.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use smithy_codegen::{ManifestOptions, Options, PlanOptions};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Generates the crate of a fixture in memory.
fn generate(fixture: &str) -> BTreeMap<String, String> {
    let options = Options {
        models: vec![tests::fixture(fixture)],
        plan: PlanOptions::default(),
        manifest: ManifestOptions {
            version: "0.1.0".into(),
            regenerate: format!("cargo test -p tests --test fixtures ({fixture})"),
            source: Some(format!("`model/fixtures/{fixture}`")),
        },
    };
    smithy_codegen::generate(&options).unwrap_or_else(|e| panic!("{fixture} must generate: {e}"))
}

/// One generated file, with the list of files in the panic message when it is missing.
#[track_caller]
fn file<'a>(files: &'a BTreeMap<String, String>, path: &str) -> &'a str {
    match files.get(path) {
        Some(text) => text,
        None => panic!("{path} was not generated; files: {:#?}", files.keys().collect::<Vec<_>>()),
    }
}

/// Asserts that `text` (the file `path`) contains every needle.
#[track_caller]
fn assert_has(files: &BTreeMap<String, String>, path: &str, needles: &[&str]) {
    let text = file(files, path);
    let missing: Vec<&&str> = needles.iter().filter(|n| !text.contains(**n)).collect();
    assert!(missing.is_empty(), "{path} lacks {missing:#?}\n--- {path} ---\n{text}");
}

/// Asserts that `text` (the file `path`) contains none of the needles.
#[track_caller]
fn assert_lacks(files: &BTreeMap<String, String>, path: &str, needles: &[&str]) {
    let text = file(files, path);
    let found: Vec<&&str> = needles.iter().filter(|n| text.contains(**n)).collect();
    assert!(found.is_empty(), "{path} must not contain {found:#?}\n--- {path} ---\n{text}");
}

/// Every generated file, for messages.
fn listing(files: &BTreeMap<String, String>) -> String {
    files.keys().map(String::as_str).collect::<Vec<_>>().join("\n")
}

/// Cargo builds share one target directory, one at a time (two cores are shared with others).
static CARGO: Mutex<()> = Mutex::new(());

fn tmp() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

/// Writes the crate to `<tmp>/fixtures/<name>`, as a standalone package (an empty `[workspace]`
/// keeps cargo from attaching it to the repository's workspace), plus any extra files.
fn write_crate(name: &str, files: &BTreeMap<String, String>, extra: &[(&str, &str)]) -> PathBuf {
    let dir = tmp().join("fixtures").join(name);
    let drift = smithy_codegen::write::sync(&dir, files, true).unwrap_or_else(|e| panic!("writing {name}: {e}"));
    let _ = drift;
    let manifest = dir.join("Cargo.toml");
    let mut toml = std::fs::read_to_string(&manifest).unwrap();
    assert!(!toml.contains("[workspace]"), "generated crates must not declare a workspace:\n{toml}");
    if !toml.ends_with('\n') {
        toml.push('\n');
    }
    toml.push_str("\n[workspace]\n");
    std::fs::write(&manifest, toml).unwrap();
    for (path, text) in extra {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

/// Runs one cargo command in the crate and fails, with the compiler output, unless it succeeds
/// without a single warning.
fn cargo(dir: &Path, args: &[&str], env: &[(&str, &str)]) {
    let _guard = CARGO.lock().unwrap_or_else(|e| e.into_inner());
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.args(args)
        .arg("--offline")
        .arg("--manifest-path")
        .arg(dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", tmp().join("fixture-target"))
        .env("CARGO_TERM_COLOR", "never")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("RUSTDOCFLAGS")
        .env_remove("CARGO_BUILD_TARGET_DIR")
        .env_remove("CARGO_MAKEFLAGS")
        .env_remove("MAKEFLAGS")
        .env_remove("MFLAGS");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run cargo: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let shown = format!("`cargo {}` in {}\n--- stderr ---\n{stderr}\n--- stdout ---\n{stdout}", args.join(" "), dir.display());
    assert!(out.status.success(), "failed: {shown}");
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.trim_start().starts_with("warning")).collect();
    assert!(warnings.is_empty(), "warnings: {warnings:#?}\n{shown}");
}

/// `cargo build`, `cargo clippy -- -D warnings` and `cargo doc --no-deps` with warnings denied.
fn build_clippy_doc(dir: &Path) {
    cargo(dir, &["build"], &[]);
    cargo(dir, &["clippy", "--", "-D", "warnings"], &[]);
    cargo(dir, &["doc", "--no-deps"], &[("RUSTDOCFLAGS", "-Dwarnings")]);
}

#[test]
fn dump() {
    for f in ["kitchen-sink.json", "naming-obstacle-course.json", "prelude-shadowing.json", "hostile-text.json"] {
        if !tests::fixture(f).exists() { continue; }
        let options = Options { models: vec![tests::fixture(f)], plan: PlanOptions::default(), manifest: ManifestOptions { version: "0.1.0".into(), regenerate: "x".into(), source: None } };
        let files = match smithy_codegen::generate(&options) { Ok(f) => f, Err(e) => { eprintln!("{f}: {e}"); continue } };
        let dir = write_crate(f.trim_end_matches(".json"), &files, &[]);
        eprintln!("{}", dir.display());
    }
}

