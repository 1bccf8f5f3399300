//! The differential test: our awsJson1_0 wire format against aws-sdk-dynamodb 1.110.0 on every operation.
//!
//! Runs without the test harness so the summary is always printed. Settings:
//! `DIFFTEST_SEEDS` (random inputs and outputs per operation, default 50), `DIFFTEST_OPS`
//! (comma-separated operation names), `DIFFTEST_SHOW` (mismatches printed in full, default 10).

use std::process::ExitCode;

fn main() -> ExitCode {
    let options = difftest_dynamodb::Options::from_env();
    let everything = options.only.is_empty();
    let report = difftest_dynamodb::run(options);
    print!("{}", report.details());
    println!("{}", report.summary());
    if everything && report.operations != difftest_dynamodb::glue::OPERATION_COUNT {
        println!("difftest: visited {} operations, the service has {}", report.operations, difftest_dynamodb::glue::OPERATION_COUNT);
        return ExitCode::FAILURE;
    }
    if report.mismatches.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
