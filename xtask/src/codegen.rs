//! `cargo xtask codegen`: generate the crate, or check that the checked-in one is current.

use std::path::PathBuf;
use std::time::Instant;

use smithy_codegen::{pin::Pin, ManifestOptions, Options, PlanOptions};

use crate::args::Args;
use crate::paths;

/// Runs the command.
pub fn run(args: &[String]) -> Result<(), String> {
    let a = Args::parse(args, &["model", "out", "shared", "service", "crate-name", "operations", "version", "runtime-path", "runtime-version"], &["check"])?;
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
    // Crates written into the repository refer to the runtime crates relatively; others use
    // `--runtime-path DIR` or `--runtime-version REQ`, else this checkout's `runtime/`.
    let runtime = match (a.value("runtime-path"), a.value("runtime-version")) {
        (Some(_), Some(_)) => return Err("give --runtime-path or --runtime-version, not both".into()),
        (Some(p), None) => smithy_codegen::RuntimeRef::Path(p.to_owned()),
        (None, Some(v)) => smithy_codegen::RuntimeRef::Version(v.to_owned()),
        (None, None) if a.value("out").is_none() => paths::runtime_in_repo(),
        (None, None) => smithy_codegen::RuntimeRef::Path(paths::runtime_dir().display().to_string()),
    };
    let partitions = Some(paths::partitions(&shared)?);
    let options = Options {
        models,
        plan: PlanOptions { service, crate_name: a.value("crate-name").map(str::to_owned), operations, partitions },
        manifest: ManifestOptions { version: a.value("version").unwrap_or("0.1.0").to_owned(), regenerate, source, runtime },
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
        // The second differential test (awsJson1_0): our DynamoDB crate and its glue.
        dynamodb_difftest(&shared, check)?;
    }
    Ok(())
}

/// The DynamoDB model of the second differential test, relative to the shared directory.
const DYNAMODB_MODEL: &str = "models/aws-json/dynamodb-2012-08-10.json";

/// Where its crate and glue go, relative to the repository.
pub(crate) const DYNAMODB_CRATE_DIR: &str = "difftest-dynamodb/dynamodb-api";
const DYNAMODB_GLUE_DIR: &str = "difftest-dynamodb/src/glue";

/// The generator options of the DynamoDB crate (also timed by `cargo xtask figures --dynamodb`).
pub(crate) fn dynamodb_options(shared: &std::path::Path) -> Result<Options, String> {
    let model_path = shared.join(DYNAMODB_MODEL);
    if !model_path.is_file() {
        return Err(format!(
            "{} does not exist (the shared data directory is {}; set --shared or ${})",
            model_path.display(),
            shared.display(),
            paths::SHARED_ENV
        ));
    }
    Ok(Options {
        models: vec![model_path],
        plan: PlanOptions { service: None, crate_name: Some("dynamodb-api".to_owned()), operations: None, partitions: Some(paths::partitions(shared)?) },
        manifest: ManifestOptions {
            runtime: paths::runtime_in_repo_at(DYNAMODB_CRATE_DIR),
            version: "0.0.0".to_owned(),
            regenerate: "cargo xtask codegen".to_owned(),
            source: Some(format!("`{DYNAMODB_MODEL}` of the shared data directory")),
        },
    })
}

/// Generates (or with `check`, checks) the DynamoDB crate and glue of `difftest-dynamodb/`.
fn dynamodb_difftest(shared: &std::path::Path, check: bool) -> Result<(), String> {
    let started = Instant::now();
    let options = dynamodb_options(shared)?;
    let (plan_options, manifest) = (&options.plan, &options.manifest);
    let model = smithy_codegen::load::load_files(&options.models).map_err(|e| e.to_string())?;
    let mut files = smithy_codegen::generate_from_model(&model, plan_options, manifest).map_err(|e| e.to_string())?;
    let cargo = files.get_mut("Cargo.toml").ok_or("the generated crate has no Cargo.toml")?;
    *cargo = cargo.replacen("version = \"0.0.0\"\n", "version = \"0.0.0\"\npublish = false\n", 1);
    sync_dir("codegen", &paths::repo_root().join(DYNAMODB_CRATE_DIR), &files, check, started.elapsed())?;
    let plan = smithy_codegen::plan::Plan::new(&model, plan_options).map_err(|e| e.to_string())?;
    let glue = smithy_codegen::glue::render(&plan, "aws_sdk_dynamodb").map_err(|e| e.to_string())?;
    sync_dir("codegen", &paths::repo_root().join(DYNAMODB_GLUE_DIR), &glue, check, started.elapsed())
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
    for flag in ["service", "crate-name", "operations", "version", "runtime-path", "runtime-version"] {
        if let Some(v) = a.value(flag) {
            cmd.push_str(&format!(" --{flag} {v}"));
        }
    }
    cmd.push_str(" --out DIR");
    cmd
}
