//! Maintainer tasks for the Smithy code generator (the matklad `cargo xtask` pattern).
//!
//! Run `cargo xtask help` for the list of commands.

mod api_diff;
mod app_figures;
mod args;
mod check_models;
mod figures;
mod idl;
mod codegen;
mod compliance;
mod emulator;
mod paths;
mod rules_engine_tests;
mod test;

use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <command> [options]

Commands:
  codegen      generate a crate; default: the pinned Connect model into generated/
               [--model PATH]... [--out DIR] [--check] [--shared DIR] [--service ID]
               [--crate-name NAME] [--operations A,B] [--version X.Y.Z]
               [--runtime-path DIR | --runtime-version REQ] (how the crate refers to
               runtime/; default: this checkout's runtime/ by absolute path)
  test         everything CI runs: codegen --check, compliance --check,
               rules-engine-tests --check, cargo test,
               clippy and rustdoc with warnings denied   [--shared DIR]
  api-diff     compare the public API of two crates      --ours DIR --theirs DIR [--report FILE]
  check-models generate, build, clippy and document a crate for every shared model
               [--shared DIR] [--keep] [--only NAME]
  figures      codegen time, size of the generated crate, clean -j2 build time
               [--shared DIR] [--sdk] [--serde] [--dynamodb] [--runs N]
  app-figures  a small app on connect-api (client) vs on aws-sdk-connect 1.172.0:
               clean -j2 debug build time and release binary size, one run each
  compliance   generate the protocol compliance-test crates (compliance/, compliance-awsjson/)  [--check] [--shared DIR]
  rules-engine-tests
               generate the rules-engine conformance crate (rules-engine-tests/)
               [--check] [--shared DIR] [--suite DIR --out DIR (any models)]
  emulator     our client and aws-sdk-connect against the winterbaume-connect emulator
  idl          print a model as Smithy IDL 2.0
               --model PATH... [--out FILE|DIR/] [--namespace NS] [--time] [--runs N]
  help         this text
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
        "app-figures" => app_figures::run(rest),
        "compliance" => compliance::run(rest),
        "emulator" => emulator::run(rest),
        "idl" => idl::run(rest),
        "rules-engine-tests" => rules_engine_tests::run(rest),
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
