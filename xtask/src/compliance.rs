//! `cargo xtask compliance`: the restJson1 compliance-test crate (`compliance/`).
//!
//! Loads Smithy's protocol tests (`smithy/protocol-tests/` and `smithy/traits/` of the shared
//! directory, plus our stub of `smithy.framework#ValidationException`), generates the crate of
//! the `aws.protocoltests.restjson#RestJson` service and renders its compliance cases as the
//! integration-test target `tests/protocol/` (`smithy_codegen::compliance`). The crate is a
//! workspace member, so `cargo test --workspace` runs the suite; `--check` fails when the
//! checked-in crate is stale. Pass counts: `cargo test -p restjson-protocol-tests -- --nocapture
//! figures`.

use std::path::PathBuf;
use std::time::Instant;

use smithy_codegen::compliance;
use smithy_codegen::model::ShapeId;
use smithy_codegen::{ManifestOptions, PlanOptions};

use crate::args::Args;
use crate::paths;

/// The service under test.
const SERVICE: &str = "aws.protocoltests.restjson#RestJson";

/// The test crate's package name.
const CRATE_NAME: &str = "restjson-protocol-tests";

/// Where the crate lives, relative to the repository.
const OUT_DIR: &str = "compliance";

/// Our stub of the validation model the protocol tests reference, relative to the repository.
const VALIDATION_STUB: &str = "model/fixtures/smithy-framework-validation.smithy";

/// What the test target needs beyond the generated crate's own dependencies.
const DEV_DEPENDENCIES: &str = "\n[dev-dependencies]\nserde_json = \"1\"\n";

/// Runs the command.
pub fn run(args: &[String]) -> Result<(), String> {
    let a = Args::parse(args, &["shared"], &["check"])?;
    let shared = paths::shared_dir(a.value("shared"));
    let smithy = shared.join("smithy");
    let models: Vec<PathBuf> = vec![smithy.join("protocol-tests"), smithy.join("traits"), paths::repo_root().join(VALIDATION_STUB)];
    for m in &models {
        if !m.exists() {
            return Err(format!(
                "{} does not exist (the shared data directory is {}; set --shared or ${})",
                m.display(),
                shared.display(),
                paths::SHARED_ENV
            ));
        }
    }
    let started = Instant::now();
    let model = smithy_codegen::load::load_files(&models).map_err(|e| e.to_string())?;
    let plan_options = PlanOptions {
        service: Some(ShapeId::parse(SERVICE).map_err(|e| e.to_string())?),
        crate_name: Some(CRATE_NAME.to_owned()),
        operations: None,
    };
    let manifest = ManifestOptions {
        version: "0.0.0".to_owned(),
        regenerate: "cargo xtask compliance".to_owned(),
        source: Some("Smithy's restJson1 protocol tests (`smithy/protocol-tests/`)".to_owned()),
        // The compliance crate tests the wire code only.
        client_runtime: None,
    };
    let mut files = smithy_codegen::generate_from_model(&model, &plan_options, &manifest).map_err(|e| e.to_string())?;
    let cargo = files.get_mut("Cargo.toml").ok_or("the generated crate has no Cargo.toml")?;
    *cargo = cargo.replacen("version = \"0.0.0\"\n", "version = \"0.0.0\"\npublish = false\n", 1);
    cargo.push_str(DEV_DEPENDENCIES);
    let plan = smithy_codegen::plan::Plan::new(&model, &plan_options).map_err(|e| e.to_string())?;
    let rendered = compliance::render(&plan).map_err(|e| e.to_string())?;
    files.extend(rendered.files);
    let took = started.elapsed();

    let out = paths::repo_root().join(OUT_DIR);
    let check = a.flag("check");
    crate::codegen::sync_dir("compliance", &out, &files, check, took)?;
    let s = &rendered.summary;
    println!(
        "rendered {} request cases, {} response cases and {} event-stream cases; {} skipped (ignored, counted as failed):",
        s.requests,
        s.responses,
        s.event_streams,
        s.skipped.len()
    );
    for (id, r) in &s.skipped {
        if r != compliance::EVENT_STREAM_REASON {
            println!("  {id}: {r}");
        }
    }
    let streams = s.skipped.iter().filter(|(_, r)| r == compliance::EVENT_STREAM_REASON).count();
    if streams > 0 {
        println!("  and {streams} event-stream cases: {}", compliance::EVENT_STREAM_REASON);
    }
    println!("pass counts: cargo test -p {CRATE_NAME} -- --nocapture figures");
    Ok(())
}
