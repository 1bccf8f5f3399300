//! `cargo xtask test`: everything CI checks, in the order a failure is cheapest to find.
//!
//! 1. `generated/`, the differential-test glue and crates, `compliance/`, `compliance-awsjson/`
//!    and `rules-engine-tests/` are current (`--check`);
//! 2. the workspace tests (`cargo test --workspace`), which include the generated crate's own
//!    unit tests and the integration tests in `tests/` (the workspace build has the `endpoint`,
//!    `validate` and `serde` features on: `tests/` asks for them, so the endpoint and validation tests run);
//! 3. the workspace is clippy-clean, and so is the Connect crate without features; the generated
//!    crates (Connect, DynamoDB, awsJson compliance) are rustdoc-clean, with warnings denied, with
//!    and without features.

use std::process::Command;

use crate::paths;

/// Runs the command.
pub fn run(args: &[String]) -> Result<(), String> {
    let check = [vec!["--check".to_owned()], args.to_vec()].concat();
    crate::codegen::run(&check)?;
    crate::compliance::run(&check)?;
    crate::rules_engine_tests::run(&check)?;
    let root = paths::repo_root();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    // (what, cargo arguments, extra environment)
    type Step<'a> = (&'a str, Vec<&'a str>, Option<(&'a str, &'a str)>);
    let steps: [Step; 7] = [
        ("tests", vec!["test", "--workspace"], None),
        ("clippy", vec!["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"], None),
        // The workspace build turns on `client` and `serde` (difftest uses them): check the
        // types-only build on its own.
        ("clippy (no features)", vec!["clippy", "-p", "connect-api", "--all-targets", "--", "-D", "warnings"], None),
        ("rustdoc", vec!["doc", "-p", "connect-api", "-p", "dynamodb-api", "-p", "json10-protocol-tests", "-p", "json11-protocol-tests", "--no-deps"], Some(("RUSTDOCFLAGS", "-D warnings"))),
        ("rustdoc (all features)", vec!["doc", "-p", "connect-api", "-p", "smithy-codegen-client", "--no-deps", "--all-features"], Some(("RUSTDOCFLAGS", "-D warnings"))),
        // The fault tests need the runtime's own HTTPS client (a real socket to a loopback server).
        ("client faults", vec!["test", "-p", "smithy-codegen-client", "--features", "default-https-client"], None),
        ("clippy (client runtime)", vec!["clippy", "-p", "smithy-codegen-client", "--all-targets", "--all-features", "--", "-D", "warnings"], None),
    ];
    for (name, argv, env) in steps {
        println!("xtask test: {name}: cargo {}", argv.join(" "));
        let mut cmd = Command::new(&cargo);
        cmd.args(&argv).current_dir(&root);
        if let Some((k, v)) = env {
            cmd.env(k, v);
        }
        let status = cmd.status().map_err(|e| format!("cannot run cargo: {e}"))?;
        if !status.success() {
            return Err(format!("{name} failed ({status})"));
        }
    }
    println!("xtask test: all checks passed");
    Ok(())
}
