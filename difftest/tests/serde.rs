//! The oracle of connect-api's `serde` feature (see `difftest::serde_oracle`).
//!
//! Runs without the test harness so the summary is always printed. `SERDE_SEEDS` sets the random
//! values per type and per operation input and output (default 20); `DIFFTEST_SHOW` how many
//! mismatches are printed in full (default 10).

use std::process::ExitCode;

fn main() -> ExitCode {
    let num = |k: &str, d: u64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
    let report = difftest::serde_oracle::run(num("SERDE_SEEDS", 20));
    for (what, detail) in report.mismatches.iter().take(num("DIFFTEST_SHOW", 10) as usize) {
        println!("--- {what}:\n{}", detail.trim_end());
    }
    println!("{}", report.summary());
    let mut ok = report.mismatches.is_empty();
    if report.types != difftest::glue::TYPE_COUNT || report.operations != difftest::glue::OPERATION_COUNT {
        println!("serde: visited {} types and {} operations, the service has {} and {}", report.types, report.operations, difftest::glue::TYPE_COUNT, difftest::glue::OPERATION_COUNT);
        ok = false;
    }
    if report.exact == 0 {
        println!("serde: no value round-tripped exactly");
        ok = false;
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
