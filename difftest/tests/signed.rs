//! The signed differential test: our client's complete request (URL, every header including
//! the signature, body) against aws-sdk-connect 1.172.0's, for every operation and endpoint
//! setting. `SIGNED_SEEDS` (default 3) random inputs per operation and setting; `DIFFTEST_OPS`
//! and `DIFFTEST_SHOW` as for the unsigned test.

use std::process::ExitCode;

fn main() -> ExitCode {
    let options = difftest::Options::from_env();
    let seeds = std::env::var("SIGNED_SEEDS").ok().and_then(|v| v.parse().ok()).unwrap_or(3);
    let report = difftest::signed::run_signed(seeds, &options.only);
    print!("{}", report.render(options.show));
    if options.only.is_empty() && report.operations != difftest::glue::OPERATION_COUNT {
        println!("signed difftest: visited {} operations, the service has {}", report.operations, difftest::glue::OPERATION_COUNT);
        return ExitCode::FAILURE;
    }
    if report.mismatches.is_empty() && report.cases > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
