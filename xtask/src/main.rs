//! Maintainer tasks for the Smithy code generator (the matklad `cargo xtask` pattern).
//!
//! Run `cargo xtask help` for the list of commands.

mod api_diff;
mod args;
mod check_models;
mod figures;
mod idl;
mod codegen;
mod compliance;
mod paths;
mod test;

use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <command> [options]

Commands:
  codegen [--model PATH]... [--out DIR] [--check] [--shared DIR] [--service ID]
          [--crate-name NAME] [--operations A,B] [--version X.Y.Z]
                                                 generate a crate (default: the pinned Connect model into generated/);
                                                 --check fails if the output directory is stale
  test [--shared DIR]                            everything CI runs: codegen --check, cargo test, clippy and rustdoc with warnings denied
  api-diff --ours DIR --theirs DIR [--report FILE]
                                                 compare the public API of two crates (e.g. ours vs aws-sdk-connect)
  check-models [--shared DIR] [--keep] [--only NAME]           generate and build a crate for every model in the shared models/aws/
  figures [--shared DIR] [--sdk] [--runs N]             codegen time, generated lines, clean -j2 build time (and aws-sdk-connect's with --sdk)
  compliance [--check] [--shared DIR]            generate the restJson1 compliance-test crate (compliance/) from Smithy's protocol tests
  idl --model PATH [--out FILE]                  print a model (JSON AST or IDL) as Smithy IDL 2.0
  help                                           this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cmd, rest) = match args.split_first() {
        Some((c, r)) => (c.as_str(), r),
        None => ("help", &[][..]),
    };
    let result = match cmd {
        "codegen" => codegen::run(rest),
        "api-diff" => api_diff::run(rest),
        "check-models" => check_models::run(rest),
        "test" => test::run(rest),
        "figures" => figures::run(rest),
        "compliance" => compliance::run(rest),
        "idl" => idl::run(rest),
        "help" | "--help" | "-h" => {
            print!("{HELP}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
