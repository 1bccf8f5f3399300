//! `cargo xtask test`: everything CI checks, in the order a failure is cheapest to find.
//!
//! 1. `generated/`, the differential-test glue and `compliance/` are current (`--check`);
//! 2. the workspace tests (`cargo test --workspace`), which include the generated crate's own
//!    unit tests and the integration tests in `tests/`;
//! 3. the generated crate is clippy-clean and rustdoc-clean, with warnings denied.

use std::process::Command;

use crate::paths;

/// Runs the command.
pub fn run(args: &[String]) -> Result<(), String> {
    let check = [vec!["--check".to_owned()], args.to_vec()].concat();
    crate::codegen::run(&check)?;
    crate::compliance::run(&check)?;
    let root = paths::repo_root();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    // (what, cargo arguments, extra environment)
    type Step<'a> = (&'a str, Vec<&'a str>, Option<(&'a str, &'a str)>);
    let steps: [Step; 8] = [
        ("tests", vec!["test", "--workspace"], None),
        ("clippy", vec!["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"], None),
        ("rustdoc", vec!["doc", "-p", "connect-api", "--no-deps"], Some(("RUSTDOCFLAGS", "-D warnings"))),
        // The workspace build turns on `client` (difftest uses it): check the types-only build
        // on its own, and the client's fault tests with the default HTTPS client.
        ("tests (types only)", vec!["test", "-p", "connect-api"], None),
        ("clippy (types only)", vec!["clippy", "-p", "connect-api", "--all-targets", "--", "-D", "warnings"], None),
        ("rustdoc (client)", vec!["doc", "-p", "connect-api", "--no-deps", "--features", "client"], Some(("RUSTDOCFLAGS", "-D warnings"))),
        ("client faults", vec!["test", "-p", "smithy-codegen-client", "--all-features"], None),
        ("rustdoc (client runtime)", vec!["doc", "-p", "smithy-codegen-client", "--no-deps", "--all-features"], Some(("RUSTDOCFLAGS", "-D warnings"))),
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
