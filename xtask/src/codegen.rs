//! `cargo xtask codegen`: generate the crate, or check that the checked-in one is current.

use std::path::PathBuf;
use std::time::Instant;

use smithy_codegen::{pin::Pin, ManifestOptions, Options, PlanOptions};

use crate::args::Args;
use crate::paths;

/// Runs the command.
pub fn run(args: &[String]) -> Result<(), String> {
    let a = Args::parse(args, &["model", "out", "shared", "service", "crate-name", "operations", "version", "runtime-path"], &["check"])?;
    let shared = paths::shared_dir(a.value("shared"));
    let custom_models = a.values("model");
    let (models, pinned) = if custom_models.is_empty() {
        (vec![paths::default_model(&shared)], true)
    } else {
        (custom_models.iter().map(PathBuf::from).collect(), false)
    };
    if pinned {
        let pin = Pin::read(&paths::default_pin()).map_err(|e| e.to_string())?;
        pin.verify(&models[0]).map_err(|e| {
            format!("{e}\n(the shared data directory is {}; set --shared or ${})", shared.display(), paths::SHARED_ENV)
        })?;
    }
    let out = match a.value("out") {
        Some(o) => PathBuf::from(o),
        None if pinned => paths::repo_root().join("generated"),
        None => return Err("--out DIR is required with --model".into()),
    };
    let service = a
        .value("service")
        .map(|s| smithy_codegen::model::ShapeId::parse(s).map_err(|e| format!("--service: {e}")))
        .transpose()?;
    let operations = a.value("operations").map(|s| s.split(',').map(|x| x.trim().to_owned()).filter(|x| !x.is_empty()).collect());
    let regenerate = regenerate_command(&a, &models, pinned);
    let source = if pinned {
        Pin::read(&paths::default_pin()).ok().map(|p| format!("`{}` at commit `{}` of {} (sha256 `{}`)", p.path, p.commit, p.source, p.sha256))
    } else {
        None
    };
    let options = Options {
        models,
        plan: PlanOptions { service, crate_name: a.value("crate-name").map(str::to_owned), operations },
        manifest: ManifestOptions {
            version: a.value("version").unwrap_or("0.1.0").to_owned(),
            regenerate,
            source,
            // The in-repo crate gets the client; a standalone crate gets it when told where the
            // runtime crate is.
            client_runtime: match (a.value("runtime-path"), a.value("out")) {
                (Some(dir), _) => Some(format!("path = {:?}", dir)),
                (None, None) => Some(ManifestOptions::IN_REPO_CLIENT_RUNTIME.to_owned()),
                (None, Some(_)) => None,
            },
        },
    };

    let started = Instant::now();
    let model = smithy_codegen::load::load_files(&options.models).map_err(|e| e.to_string())?;
    let files = smithy_codegen::generate_from_model(&model, &options.plan, &options.manifest).map_err(|e| e.to_string())?;
    let generated_in = started.elapsed();
    let check = a.flag("check");
    sync_dir("codegen", &out, &files, check, generated_in)?;
    // The differential test's glue comes from the same model, for the default crate only (it
    // names aws-sdk-connect). It lives in its own directory so each output is checked on its own.
    if pinned && a.value("out").is_none() && a.value("crate-name").is_none() && options.plan.operations.is_none() {
        let plan = smithy_codegen::plan::Plan::new(&model, &options.plan).map_err(|e| e.to_string())?;
        let glue = smithy_codegen::glue::render(&plan, GLUE_SDK_CRATE).map_err(|e| e.to_string())?;
        sync_dir("codegen", &paths::repo_root().join(GLUE_DIR), &glue, check, started.elapsed())?;
    }
    Ok(())
}

/// Where `cargo xtask codegen` writes the differential test's glue, relative to the repository.
pub const GLUE_DIR: &str = "difftest/src/glue";

/// The smithy-rs crate the glue converts to and from.
pub const GLUE_SDK_CRATE: &str = "aws_sdk_connect";

/// Writes `files` into `out`, or with `check` reports that `out` is stale; `command` is the
/// xtask command that regenerates it (named in the messages).
pub(crate) fn sync_dir(
    command: &str,
    out: &std::path::Path,
    files: &std::collections::BTreeMap<String, String>,
    check: bool,
    took: std::time::Duration,
) -> Result<(), String> {
    let drift = smithy_codegen::write::sync(out, files, !check).map_err(|e| e.to_string())?;
    if check {
        if !drift.is_empty() {
            return Err(format!("{} is stale:\n{drift}run `cargo xtask {command}` and commit the result", out.display()));
        }
        println!("{command} --check: {} is up to date ({} files)", out.display(), files.len());
    } else {
        println!(
            "{command}: {} files in {} ({} changed, {} added, {} removed), generated in {:.0} ms",
            files.len(),
            out.display(),
            drift.changed.len(),
            drift.missing.len(),
            drift.stale.len(),
            took.as_secs_f64() * 1000.0
        );
    }
    Ok(())
}

/// The command written into the generated files; file names only, so output does not depend
/// on where the repository is checked out.
fn regenerate_command(a: &Args, models: &[PathBuf], pinned: bool) -> String {
    if pinned {
        return "cargo xtask codegen".to_owned();
    }
    let mut cmd = String::from("cargo xtask codegen");
    for m in models {
        let name = m.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        cmd.push_str(&format!(" --model {name}"));
    }
    for flag in ["service", "crate-name", "operations", "version"] {
        if let Some(v) = a.value(flag) {
            cmd.push_str(&format!(" --{flag} {v}"));
        }
    }
    cmd.push_str(" --out DIR");
    cmd
}
