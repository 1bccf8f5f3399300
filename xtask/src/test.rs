//! `cargo xtask test`: everything CI checks, in the order a failure is cheapest to find.
//!
//! 1. `generated/`, the differential-test glue and `compliance/` are current (`--check`);
//! 2. the workspace tests (`cargo test --workspace`), which include the generated crate's own
//!    unit tests and the integration tests in `tests/`;
//! 3. the generated crate is clippy-clean and rustdoc-clean, with warnings denied, with and
//!    without its `serde` feature.

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
    let steps: [Step; 5] = [
        ("tests", vec!["test", "--workspace"], None),
        // The workspace build has `serde` on (the difftest enables it), so the generated crate is
        // also checked alone, without features.
        ("clippy", vec!["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"], None),
        ("clippy (connect-api, no features)", vec!["clippy", "-p", "connect-api", "--", "-D", "warnings"], None),
        ("rustdoc", vec!["doc", "-p", "connect-api", "--no-deps"], Some(("RUSTDOCFLAGS", "-D warnings"))),
        ("rustdoc (serde)", vec!["doc", "-p", "connect-api", "--no-deps", "--features", "serde"], Some(("RUSTDOCFLAGS", "-D warnings"))),
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
