//! `cargo xtask compliance`: the compliance-test crates of Smithy's protocol test suites.
//!
//! Each [`Suite`] is one service of a suite's model: the model is loaded from the shared
//! directory (plus our stub of `smithy.framework#ValidationException` for restJson1), the crate
//! of the service is generated and its client cases are rendered as the integration-test target
//! `tests/protocol/` (`smithy_codegen::compliance`). The crates are workspace members, so
//! `cargo test --workspace` runs the suites; `--check` fails when a checked-in crate is stale.
//! Expected failures are listed, with reasons, in `smithy_codegen::compliance::SKIP`.
//! Pass counts: `cargo test -p <crate> -- --nocapture figures`.

use std::path::PathBuf;
use std::time::Instant;

use smithy_codegen::compliance;
use smithy_codegen::model::ShapeId;
use smithy_codegen::{ManifestOptions, PlanOptions};

use crate::args::Args;
use crate::paths;

/// One compliance-test crate.
struct Suite {
    /// The protocol, for the report.
    protocol: &'static str,
    /// The service under test.
    service: &'static str,
    /// The test crate's package name.
    crate_name: &'static str,
    /// Where the crate lives, relative to the repository.
    out_dir: &'static str,
    /// Model directories relative to the shared directory's `smithy/`.
    models: &'static [&'static str],
    /// Whether the suite needs our stub of the validation model.
    validation_stub: bool,
    /// What the generated README names as the model's source.
    source: &'static str,
}

/// Every suite, in report order.
const SUITES: &[Suite] = &[
    Suite {
        protocol: "restJson1",
        service: "aws.protocoltests.restjson#RestJson",
        crate_name: "restjson-protocol-tests",
        out_dir: "compliance",
        models: &["protocol-tests", "traits"],
        validation_stub: true,
        source: "Smithy's restJson1 protocol tests (`smithy/protocol-tests/`)",
    },
    Suite {
        protocol: "awsJson1_0",
        service: "aws.protocoltests.json10#JsonRpc10",
        crate_name: "json10-protocol-tests",
        out_dir: "compliance-awsjson/json10",
        models: &["awsjson-protocol-tests", "traits"],
        validation_stub: false,
        source: "Smithy's awsJson1_0 protocol tests (`smithy/awsjson-protocol-tests/`)",
    },
    Suite {
        protocol: "awsJson1_0",
        service: "aws.protocoltests.json10#QueryCompatibleJsonRpc10",
        crate_name: "json10-query-compatible-protocol-tests",
        out_dir: "compliance-awsjson/json10-query-compatible",
        models: &["awsjson-protocol-tests", "traits"],
        validation_stub: false,
        source: "Smithy's awsJson1_0 protocol tests (`smithy/awsjson-protocol-tests/`)",
    },
    Suite {
        protocol: "awsJson1_1",
        service: "aws.protocoltests.json#JsonProtocol",
        crate_name: "json11-protocol-tests",
        out_dir: "compliance-awsjson/json11",
        models: &["awsjson-protocol-tests", "traits"],
        validation_stub: false,
        source: "Smithy's awsJson1_1 protocol tests (`smithy/awsjson-protocol-tests/`)",
    },
    Suite {
        protocol: "awsJson1_1",
        service: "com.amazonaws.machinelearning#AmazonML_20141212",
        crate_name: "machinelearning-protocol-tests",
        out_dir: "compliance-awsjson/machinelearning",
        models: &["awsjson-protocol-tests", "traits"],
        validation_stub: false,
        source: "Smithy's awsJson1_1 protocol tests (`smithy/awsjson-protocol-tests/`)",
    },
];

/// The service of Smithy's malformed-request validation cases, its test crate and directory.
const VALIDATION_SERVICE: &str = "aws.protocoltests.restjson.validation#RestJsonValidation";
const VALIDATION_CRATE_NAME: &str = "restjson-validation-tests";
const VALIDATION_OUT_DIR: &str = "compliance-validation";

/// Our stub of the validation model the restJson1 tests reference, relative to the repository.
const VALIDATION_STUB: &str = "model/fixtures/smithy-framework-validation.smithy";

/// What the test target needs beyond the generated crate's own dependencies.
const DEV_DEPENDENCIES: &str = "\n[dev-dependencies]\nserde_json = \"1\"\n";

/// Runs the command.
pub fn run(args: &[String]) -> Result<(), String> {
    let a = Args::parse(args, &["shared"], &["check"])?;
    let shared = paths::shared_dir(a.value("shared"));
    let check = a.flag("check");
    let mut summaries = Vec::new();
    // Suites sharing a model load it once.
    let mut loaded: Option<(&[&str], bool, smithy_codegen::model::Model)> = None;
    for suite in SUITES {
        let started = Instant::now();
        let reuse = matches!(&loaded, Some((m, v, _)) if *m == suite.models && *v == suite.validation_stub);
        if !reuse {
            loaded = Some((suite.models, suite.validation_stub, load(&shared, suite)?));
        }
        let Some((_, _, model)) = &loaded else { unreachable!("loaded just above") };
        let summary = generate(&shared, model, suite, check, started)?;
        if suite.validation_stub {
            // The malformed-request validation cases live in the same model as restJson1's.
            validation_crate(&shared, model, check)?;
        }
        summaries.push((suite, summary));
    }
    let unused = compliance::unused_skips(&summaries.iter().map(|(_, s)| s).collect::<Vec<_>>());
    if !unused.is_empty() {
        return Err(format!("the compliance skip list names cases no suite has: {unused:?}"));
    }
    Ok(())
}

fn load(shared: &std::path::Path, suite: &Suite) -> Result<smithy_codegen::model::Model, String> {
    let smithy = shared.join("smithy");
    let mut models: Vec<PathBuf> = suite.models.iter().map(|m| smithy.join(m)).collect();
    if suite.validation_stub {
        models.push(paths::repo_root().join(VALIDATION_STUB));
    }
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
    smithy_codegen::load::load_files(&models).map_err(|e| e.to_string())
}

fn generate(shared: &std::path::Path, model: &smithy_codegen::model::Model, suite: &Suite, check: bool, started: Instant) -> Result<compliance::Summary, String> {
    let plan_options = PlanOptions {
        service: Some(ShapeId::parse(suite.service).map_err(|e| e.to_string())?),
        crate_name: Some(suite.crate_name.to_owned()),
        operations: None,
        partitions: Some(paths::partitions(shared)?),
    };
    let manifest = ManifestOptions {
        version: "0.0.0".to_owned(),
        regenerate: "cargo xtask compliance".to_owned(),
        source: Some(suite.source.to_owned()),
        runtime: paths::runtime_in_repo_at(suite.out_dir),
    };
    let mut files = smithy_codegen::generate_from_model(model, &plan_options, &manifest).map_err(|e| e.to_string())?;
    let cargo = files.get_mut("Cargo.toml").ok_or("the generated crate has no Cargo.toml")?;
    *cargo = cargo.replacen("version = \"0.0.0\"\n", "version = \"0.0.0\"\npublish = false\n", 1);
    cargo.push_str(DEV_DEPENDENCIES);
    let plan = smithy_codegen::plan::Plan::new(model, &plan_options).map_err(|e| e.to_string())?;
    let rendered = compliance::render(&plan).map_err(|e| e.to_string())?;
    files.extend(rendered.files);
    let took = started.elapsed();

    let out = paths::repo_root().join(suite.out_dir);
    crate::codegen::sync_dir("compliance", &out, &files, check, took)?;
    let s = &rendered.summary;
    println!(
        "{} ({}): rendered {} request cases, {} response cases and {} event-stream cases; {} skipped (ignored, counted as failed):",
        suite.crate_name,
        suite.protocol,
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
    println!("pass counts: cargo test -p {} -- --nocapture figures", suite.crate_name);
    Ok(rendered.summary)
}

/// The crate of `RestJsonValidation` with its malformed-request cases as tests of `validate()`
/// (`tests/validation/`); the feature `validate` is on by default there.
fn validation_crate(shared: &std::path::Path, model: &smithy_codegen::model::Model, check: bool) -> Result<(), String> {
    let started = Instant::now();
    let plan_options = PlanOptions {
        service: Some(ShapeId::parse(VALIDATION_SERVICE).map_err(|e| e.to_string())?),
        crate_name: Some(VALIDATION_CRATE_NAME.to_owned()),
        operations: None,
        partitions: Some(paths::partitions(shared)?),
    };
    let manifest = ManifestOptions {
        version: "0.0.0".to_owned(),
        regenerate: "cargo xtask compliance".to_owned(),
        source: Some("Smithy's restJson1 validation protocol tests (`smithy/protocol-tests/restJson1/validation/`)".to_owned()),
        runtime: paths::runtime_in_repo_at(VALIDATION_OUT_DIR),
    };
    let mut files = smithy_codegen::generate_from_model(model, &plan_options, &manifest).map_err(|e| e.to_string())?;
    let cargo = files.get_mut("Cargo.toml").ok_or("the generated crate has no Cargo.toml")?;
    *cargo = cargo.replacen("version = \"0.0.0\"\n", "version = \"0.0.0\"\npublish = false\n", 1);
    if !cargo.contains("\n[features]\n") {
        return Err("the generated Cargo.toml has no [features] section".to_owned());
    }
    *cargo = cargo.replacen("\n[features]\n", "\n[features]\ndefault = [\"validate\"]\n", 1);
    let plan = smithy_codegen::plan::Plan::new(model, &plan_options).map_err(|e| e.to_string())?;
    let (tests, summary) = compliance::malformed::render(&plan).map_err(|e| e.to_string())?;
    files.extend(tests);
    let out = paths::repo_root().join(VALIDATION_OUT_DIR);
    crate::codegen::sync_dir("compliance", &out, &files, check, started.elapsed())?;
    println!("rendered {} malformed-request validation cases; {} skipped (ignored, counted as failed):", summary.cases, summary.skipped.len());
    for (id, r) in &summary.skipped {
        println!("  {id}: {r}");
    }
    println!("pass count: cargo test -p {VALIDATION_CRATE_NAME} -- --nocapture figures");
    Ok(())
}
