//! `cargo xtask check-models`: generate, build, lint and document a crate for every shared model.
//!
//! ```text
//! cargo xtask check-models [--shared DIR] [--only NAME]... [--keep]
//! ```
//!
//! The generator must handle every model, not only Connect: the 23 restJson1 models in
//! `<shared>/models/aws/` were picked so that together with Connect they use every trait and
//! shape kind found across AWS's restJson1 models, and the 14 in `<shared>/models/aws-json/`
//! cover the awsJson1_0/1_1 services. This command is the proof that it does.
//!
//! For each model (`<shared>/models/connect-2017-08-08.json`, `<shared>/models/aws/*.json` and
//! `<shared>/models/aws-json/*.json`,
//! or only those named with `--only`, by file stem with or without its date):
//!
//! 1. the crate is generated in-process with [`smithy_codegen::generate`]'s stages (load, then
//!    plan/render/format), timed, and written with [`smithy_codegen::write::sync`] into
//!    `target/check-models/crates/<model-file-stem>/` (only changed files are touched, so a
//!    kept build directory stays incremental). A generation error or panic is reported with
//!    the model name and the error text, and the other models carry on;
//! 2. a throwaway workspace `target/check-models/Cargo.toml` lists every generated crate, and
//!    three cargo runs cover them all at once (one compilation graph instead of one per model, with
//!    `--keep-going` so one broken crate does not hide the others), with
//!    `CARGO_TARGET_DIR=target/check-models/target`:
//!    `cargo build --workspace`, `cargo clippy --workspace -- -D warnings` and
//!    `RUSTDOCFLAGS=-Dwarnings cargo doc --workspace --no-deps`;
//! 3. diagnostics are attributed to crates by the `manifest_path` of cargo's
//!    `--message-format=json` messages (which also covers diagnostics without a source
//!    location, such as rustdoc's broken links), and failures by cargo's
//!    ``error: could not compile `name` `` / ``error: could not document `name` `` lines.
//!
//! 4. every crate is also checked with all its features on (`endpoint` when the model has a
//!    rule set, `validate`, `serde`: `cargo clippy --all-targets --all-features` and
//!    `cargo doc --all-features`, warnings denied), and the endpoint test cases run (`cargo test -p <crate> --lib --features endpoint config::endpoint`, one run
//!    per crate so each count belongs to a known crate).
//!
//! It prints a table (model, operations, files, generation ms, build, warnings, clippy, doc,
//! clippy and doc with all features, endpoint tests passed/total),
//! the first error or warning of every failing crate verbatim, and a final line
//! `check-models: X/Y models generate, build, clippy and doc cleanly`. It fails when any
//! model fails to generate or any crate has an error or a warning.
//!
//! `target/check-models/` is deleted after a fully clean run unless `--keep` is given; after a
//! failure it is kept for inspection. Kept, it makes the next run incremental.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use smithy_codegen::{ManifestOptions, PlanOptions};

use crate::args::Args;
use crate::paths;

/// One model and what became of it.
struct ModelRun {
    /// The model file's stem, e.g. `sso-2019-06-10`; also the crate's directory name.
    stem: String,
    /// Cargo package name of the generated crate.
    crate_name: Option<String>,
    operations: Option<usize>,
    files: Option<usize>,
    gen_ms: Option<f64>,
    /// Generation error text, if generation failed.
    gen_error: Option<String>,
    /// The number of endpoint test cases generated (`None`: no endpoint rule set).
    endpoint_cases: Option<usize>,
    /// Endpoint tests that passed, when they ran (`cargo test --features endpoint`).
    endpoint_passed: Option<usize>,
}

/// What one cargo run said about one crate.
#[derive(Default, Clone)]
struct CrateOutcome {
    /// The crate failed (`could not compile` / `could not document`).
    failed: bool,
    /// The number of error diagnostics located in it.
    errors: usize,
    /// The number of warning diagnostics located in it.
    warnings: usize,
    /// The first error diagnostic located in the crate, verbatim.
    first_error: Option<String>,
    /// The first warning diagnostic located in the crate, verbatim.
    first_warning: Option<String>,
}

/// The result of one cargo invocation over the whole workspace.
struct Phase {
    name: &'static str,
    success: bool,
    elapsed: Duration,
    per_crate: BTreeMap<String, CrateOutcome>,
    /// Error lines no crate could be blamed for (manifest errors and the like).
    unattributed: Vec<String>,
}

/// Runs the command.
pub fn run(args: &[String]) -> Result<(), String> {
    let a = Args::parse(args, &["shared", "only"], &["keep"])?;
    let shared = paths::shared_dir(a.value("shared"));
    let only: Vec<String> =
        a.values("only").iter().flat_map(|v| v.split(',')).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();

    let models = select_models(&list_models(&shared)?, &only)?;
    let partitions = paths::partitions(&shared)?;
    let root = paths::repo_root().join("target").join("check-models");
    let crates_dir = root.join("crates");
    let target_dir = root.join("target");
    std::fs::create_dir_all(&crates_dir).map_err(|e| format!("cannot create {}: {e}", crates_dir.display()))?;

    // 1. Generate.
    println!("check-models: generating {} crates into {}", models.len(), crates_dir.display());
    let mut runs = Vec::new();
    for model in &models {
        let run = generate_one(model, &crates_dir, &partitions);
        match &run.gen_error {
            Some(e) => println!("  {:<40} GENERATION FAILED: {}", run.stem, first_line(e)),
            None => println!(
                "  {:<40} {:>5} files in {:>6.0} ms ({})",
                run.stem,
                run.files.unwrap_or(0),
                run.gen_ms.unwrap_or(0.0),
                run.crate_name.as_deref().unwrap_or("?")
            ),
        }
        runs.push(run);
    }

    // Two models must not produce the same package name, or the workspace is invalid.
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for run in &mut runs {
        if let (Some(name), None) = (run.crate_name.clone(), &run.gen_error) {
            if let Some(other) = seen.get(&name) {
                run.gen_error = Some(format!("package name `{name}` is already used by the crate of model `{other}`"));
            } else {
                seen.insert(name, run.stem.clone());
            }
        }
    }

    // 2. One workspace, three cargo runs.
    let members: Vec<&ModelRun> = runs.iter().filter(|r| r.gen_error.is_none()).collect();
    let mut phases: Vec<Phase> = Vec::new();
    if !members.is_empty() {
        write_workspace(&root, &members)?;
        let stem_to_crate: BTreeMap<String, String> =
            members.iter().map(|r| (r.stem.clone(), r.crate_name.clone().unwrap_or_default())).collect();
        let specs: Vec<(&'static str, Vec<&str>, Option<&str>)> = vec![
            ("build", vec!["build", "--workspace", "--keep-going"], None),
            ("clippy", vec!["clippy", "--workspace", "--keep-going", "--", "-D", "warnings"], None),
            ("doc", vec!["doc", "--workspace", "--no-deps", "--keep-going"], Some("-Dwarnings")),
            ("clippy-all", vec!["clippy", "--workspace", "--all-targets", "--all-features", "--keep-going", "--", "-D", "warnings"], None),
            ("doc-all", vec!["doc", "--workspace", "--no-deps", "--all-features", "--keep-going"], Some("-Dwarnings")),
        ];
        for (name, cargo_args, rustdocflags) in specs {
            let cargo_args = cargo_args.as_slice();
            print!("check-models: cargo {} ... ", cargo_args.join(" "));
            flush();
            let phase = run_cargo(name, &root, &target_dir, cargo_args, rustdocflags, &stem_to_crate)?;
            println!("{} in {:.1} s", if phase.success { "ok" } else { "FAILED" }, phase.elapsed.as_secs_f64());
            phases.push(phase);
        }
        print!("check-models: endpoint tests (cargo test -p <crate> --lib --features endpoint) ... ");
        flush();
        let took = run_endpoint_tests(&root, &target_dir, &mut runs)?;
        println!("done in {:.1} s", took.as_secs_f64());
    }

    // 3. Report.
    let (clean, report) = report(&runs, &phases);
    print!("{report}");
    let total = runs.len();
    let summary = format!("check-models: {clean}/{total} models generate, build, clippy and doc cleanly (without features and with all) and pass their endpoint tests");
    println!("{summary}");
    if clean == total {
        if a.flag("keep") {
            println!("check-models: kept {}", root.display());
        } else {
            std::fs::remove_dir_all(&root).map_err(|e| format!("cannot remove {}: {e}", root.display()))?;
        }
        Ok(())
    } else {
        println!("check-models: generated crates and build output kept in {}", root.display());
        Err(format!("{} of {total} models failed", total - clean))
    }
}

/// The Connect model followed by `models/aws/*.json`, then `models/aws-json/*.json` (when
/// present), each in name order.
fn list_models(shared: &Path) -> Result<Vec<PathBuf>, String> {
    let mut models = Vec::new();
    let connect = paths::default_model(shared);
    if connect.is_file() {
        models.push(connect);
    }
    for (dir, required) in [("aws", true), ("aws-json", false)] {
        let dir = shared.join("models").join(dir);
        if !required && !dir.is_dir() {
            continue;
        }
        let entries = std::fs::read_dir(&dir).map_err(|e| {
            format!("cannot list {}: {e}\n(the shared data directory is {}; set --shared or ${})", dir.display(), shared.display(), paths::SHARED_ENV)
        })?;
        let mut more: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json") && p.is_file())
            .collect();
        more.sort();
        models.extend(more);
    }
    if models.is_empty() {
        return Err(format!("no models found in {}", shared.join("models").display()));
    }
    Ok(models)
}

fn stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// `sso-2019-06-10` without its `-YYYY-MM-DD` date suffix.
fn undated(stem: &str) -> &str {
    let b = stem.as_bytes();
    let dated = b.len() > 11
        && b[b.len() - 11] == b'-'
        && b[b.len() - 6] == b'-'
        && b[b.len() - 3] == b'-'
        && stem[stem.len() - 10..].bytes().filter(u8::is_ascii_digit).count() == 8;
    if dated {
        &stem[..stem.len() - 11]
    } else {
        stem
    }
}

/// The models named by `--only` (by stem, with or without the date); all when none is named.
fn select_models(models: &[PathBuf], only: &[String]) -> Result<Vec<PathBuf>, String> {
    if only.is_empty() {
        return Ok(models.to_vec());
    }
    let mut out = Vec::new();
    for want in only {
        let hits: Vec<&PathBuf> = models.iter().filter(|m| stem(m) == *want || undated(&stem(m)) == want).collect();
        if hits.is_empty() {
            let names: Vec<String> = models.iter().map(|m| stem(m)).collect();
            return Err(format!("--only {want}: no such model; the models are: {}", names.join(", ")));
        }
        for h in hits {
            if !out.contains(h) {
                out.push(h.clone());
            }
        }
    }
    Ok(out)
}

/// Generates one model's crate into `crates_dir/<stem>`; never fails, errors are recorded.
fn generate_one(model: &Path, crates_dir: &Path, partitions: &serde_json::Value) -> ModelRun {
    let stem = stem(model);
    let mut run = ModelRun {
        stem: stem.clone(),
        crate_name: None,
        operations: None,
        files: None,
        gen_ms: None,
        gen_error: None,
        endpoint_cases: None,
        endpoint_passed: None,
    };
    let file_name = model.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let manifest = ManifestOptions {
        version: "0.1.0".to_owned(),
        regenerate: format!("cargo xtask codegen --model {file_name} --out DIR"),
        source: None,
        runtime: smithy_codegen::RuntimeRef::Path(crate::paths::runtime_dir().display().to_string()),
    };
    let plan_options = PlanOptions { partitions: Some(partitions.clone()), ..PlanOptions::default() };
    // A panic in the generator is a bug to report like an error, not a reason to stop.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> Result<_, String> {
        let started = Instant::now();
        let model = smithy_codegen::load::load_files(&[model.to_path_buf()]).map_err(|e| e.to_string())?;
        let files = smithy_codegen::generate_from_model(&model, &plan_options, &manifest).map_err(|e| e.to_string())?;
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        // Planned again outside the timing, only to read the operation count and crate name.
        let plan = smithy_codegen::plan::Plan::new(&model, &plan_options).map_err(|e| e.to_string())?;
        Ok((files, ms, plan.operations.len(), plan.service.crate_name.clone()))
    }));
    match result {
        Ok(Ok((files, ms, ops, crate_name))) => {
            if files.contains_key(ENDPOINT_MODULE) {
                run.endpoint_cases = Some(files.get(ENDPOINT_TESTS).map_or(0, |t| t.matches("#[test]").count()));
            }
            run.gen_ms = Some(ms);
            run.operations = Some(ops);
            run.files = Some(files.len());
            run.crate_name = Some(crate_name);
            if let Err(e) = smithy_codegen::write::sync(&crates_dir.join(&stem), &files, true) {
                run.gen_error = Some(format!("cannot write the crate: {e}"));
            }
        }
        Ok(Err(e)) => run.gen_error = Some(e),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "(non-string panic payload)".to_owned());
            run.gen_error = Some(format!("the generator panicked: {msg}"));
        }
    }
    run
}

/// The generated endpoint resolver module and its tests (present when the model has a rule set).
const ENDPOINT_MODULE: &str = "src/config/endpoint.rs";
const ENDPOINT_TESTS: &str = "src/config/endpoint/tests.rs";

/// Runs each crate's endpoint tests (`cargo test -p <crate> --lib --features endpoint
/// config::endpoint`) and records how many passed. One cargo run per crate, so that each
/// `test result` line belongs to a known crate; the build itself is shared.
fn run_endpoint_tests(root: &Path, target_dir: &Path, runs: &mut [ModelRun]) -> Result<Duration, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let started = Instant::now();
    for run in runs.iter_mut().filter(|r| r.gen_error.is_none() && r.endpoint_cases.is_some()) {
        let name = run.crate_name.clone().unwrap_or_default();
        let out = Command::new(&cargo)
            .args(["test", "-p", &name, "--lib", "--features", "endpoint", "--", "config::endpoint"])
            .current_dir(root)
            .env("CARGO_TARGET_DIR", target_dir)
            .env("CARGO_TERM_COLOR", "never")
            .env_remove("RUSTFLAGS")
            .output()
            .map_err(|e| format!("cannot run cargo test: {e}"))?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        // `test result: ok. 32 passed; 0 failed; ...`
        let passed = stdout
            .lines()
            .filter_map(|l| l.strip_prefix("test result: "))
            .filter_map(|l| l.split_once(". ")?.1.split(' ').next()?.parse::<usize>().ok())
            .sum();
        run.endpoint_passed = Some(passed);
        let _ = std::fs::write(root.join(format!("endpoint-tests-{}.log", run.stem)), format!("{stdout}{}", String::from_utf8_lossy(&out.stderr)));
    }
    Ok(started.elapsed())
}

/// Writes `root/Cargo.toml`, a workspace of the generated crates (rewritten only when it changes).
fn write_workspace(root: &Path, members: &[&ModelRun]) -> Result<(), String> {
    let mut toml = String::from(
        "# Throwaway workspace written by `cargo xtask check-models`; do not edit.\n[workspace]\nresolver = \"2\"\nmembers = [\n",
    );
    for m in members {
        toml.push_str(&format!("    \"crates/{}\",\n", m.stem));
    }
    toml.push_str("]\n");
    let path = root.join("Cargo.toml");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(toml.as_str()) {
        std::fs::write(&path, toml).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

fn flush() {
    use std::io::Write as _;
    let _ = std::io::stdout().flush();
}

/// Runs one cargo command in the throwaway workspace and attributes its output to crates.
fn run_cargo(
    name: &'static str,
    root: &Path,
    target_dir: &Path,
    cargo_args: &[&str],
    rustdocflags: Option<&str>,
    stem_to_crate: &BTreeMap<String, String>,
) -> Result<Phase, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    // `--message-format=json` names the package of every diagnostic, even of those without a
    // source location (crate-level lints, rustdoc's broken links); it goes before any `--`.
    let split = cargo_args.iter().position(|a| *a == "--").unwrap_or(cargo_args.len());
    cmd.args(&cargo_args[..split]).arg("--message-format=json").args(&cargo_args[split..]);
    cmd.current_dir(root).env("CARGO_TARGET_DIR", target_dir).env("CARGO_TERM_COLOR", "never");
    // Flags meant for the xtask build must not leak into the crates under test.
    for var in ["RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "RUSTDOCFLAGS", "CARGO_ENCODED_RUSTDOCFLAGS"] {
        cmd.env_remove(var);
    }
    if let Some(f) = rustdocflags {
        cmd.env("RUSTDOCFLAGS", f);
    }
    let started = Instant::now();
    let out = cmd.output().map_err(|e| format!("cannot run cargo {}: {e}", cargo_args.join(" ")))?;
    let elapsed = started.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let (per_crate, unattributed, rendered) = parse_cargo_output(&stdout, &stderr, stem_to_crate);
    let _ = std::fs::write(root.join(format!("{name}.log")), format!("{rendered}{stderr}"));
    Ok(Phase { name, success: out.status.success(), elapsed, per_crate, unattributed })
}

/// The name between the first pair of backticks.
fn backticked(line: &str) -> Option<&str> {
    let start = line.find('`')? + 1;
    let len = line[start..].find('`')?;
    Some(&line[start..start + len])
}

/// The value of the first `"key":"..."` string in a line of JSON, unescaped.
fn json_string(line: &str, key: &str) -> Option<String> {
    let pat = format!("\"{key}\":\"");
    let rest = &line[line.find(&pat)? + pat.len()..];
    let mut out = String::new();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'b' => out.push('\u{8}'),
                'f' => out.push('\u{c}'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let mut code = u32::from_str_radix(&hex, 16).ok()?;
                    if (0xD800..0xDC00).contains(&code) {
                        // A surrogate pair: `\uD83D\uDE00`.
                        let low: String = chars.by_ref().skip(2).take(4).collect();
                        let low = u32::from_str_radix(&low, 16).ok()?;
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    }
                    out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

/// rustc's own closing summaries (`aborting due to ...`, `N warnings emitted`), not diagnostics.
fn is_summary(first_line: &str) -> bool {
    first_line.starts_with("error: aborting due to")
        || (first_line.starts_with("warning: ") && first_line.ends_with(" emitted"))
}

/// Attributes cargo's JSON messages (stdout) and summary lines (stderr) to crates; also returns
/// the error text it cannot attribute and every rendered diagnostic (for the log).
fn parse_cargo_output(
    stdout: &str,
    stderr: &str,
    stem_to_crate: &BTreeMap<String, String>,
) -> (BTreeMap<String, CrateOutcome>, Vec<String>, String) {
    let known: BTreeSet<&str> = stem_to_crate.values().map(String::as_str).collect();
    let mut per: BTreeMap<String, CrateOutcome> = BTreeMap::new();
    let mut unattributed = Vec::new();
    let mut log = String::new();

    for line in stdout.lines() {
        if !line.contains("\"reason\":\"compiler-message\"") {
            continue;
        }
        let Some(rendered) = json_string(line, "rendered") else { continue };
        log.push_str(&rendered);
        let head = rendered.lines().next().unwrap_or("");
        if is_summary(head) {
            continue;
        }
        let is_error = head.starts_with("error");
        let is_warning = head.starts_with("warning");
        let crate_name = json_string(line, "manifest_path").and_then(|m| {
            let stem = m.rsplit_once("/Cargo.toml")?.0.rsplit('/').next()?.to_owned();
            stem_to_crate.get(&stem).cloned()
        });
        match crate_name {
            Some(c) => {
                let o = per.entry(c).or_default();
                let text = rendered.trim_end().to_owned();
                if is_error {
                    o.errors += 1;
                    o.first_error.get_or_insert(text);
                } else if is_warning {
                    o.warnings += 1;
                    o.first_warning.get_or_insert(text);
                }
            }
            None if is_error => unattributed.push(rendered.trim_end().to_owned()),
            None => {}
        }
    }

    for line in stderr.lines() {
        let line = line.trim_start();
        let failed = line.starts_with("error: could not compile `") || line.starts_with("error: could not document `");
        if let Some(name) = backticked(line).filter(|n| failed && known.contains(n)) {
            per.entry(name.to_owned()).or_default().failed = true;
        } else if line.starts_with("error") && !failed {
            // Cargo's own errors (a bad manifest, a lock conflict...).
            unattributed.push(line.to_owned());
        }
    }
    (per, unattributed, log)
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

fn fmt_opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "-".to_owned())
}

/// The table, the details of failures, and the number of fully clean models.
fn report(runs: &[ModelRun], phases: &[Phase]) -> (usize, String) {
    let mut out = String::new();
    let phase = |n: &str| phases.iter().find(|p| p.name == n);
    // A phase that failed with nothing attributable to any crate failed for all of them.
    let global_failure = |p: &Phase| !p.success && p.per_crate.values().all(|o| !o.failed);

    let header = ["model", "operations", "files", "gen ms", "build", "warnings", "clippy", "doc", "all features", "endpoint"];
    let mut rows: Vec<[String; 10]> = Vec::new();
    let mut clean = 0;
    let mut details = String::new();
    for r in runs {
        if let Some(e) = &r.gen_error {
            rows.push([
                r.stem.clone(),
                fmt_opt(r.operations),
                fmt_opt(r.files),
                r.gen_ms.map(|m| format!("{m:.0}")).unwrap_or_else(|| "-".into()),
                "GEN FAILED".into(),
                "-".into(),
                "-".into(),
                "-".into(),
                "-".into(),
                "-".into(),
            ]);
            details.push_str(&format!("\n== {}: generation failed\n{e}\n", r.stem));
            continue;
        }
        let name = r.crate_name.clone().unwrap_or_default();
        let outcome = |n: &str| -> (String, CrateOutcome, bool) {
            match phase(n) {
                None => ("-".into(), CrateOutcome::default(), false),
                Some(p) => {
                    let o = p.per_crate.get(&name).cloned().unwrap_or_default();
                    let bad = o.failed || o.errors > 0 || global_failure(p);
                    let cell = if o.failed || o.errors > 0 {
                        format!("FAIL ({} err)", o.errors.max(1))
                    } else if bad {
                        "FAIL (cargo)".into()
                    } else {
                        "ok".into()
                    };
                    (cell, o, bad)
                }
            }
        };
        let (build_cell, build, build_bad) = outcome("build");
        let (clippy_cell, clippy, clippy_bad) = outcome("clippy");
        let (doc_cell, doc, doc_bad) = outcome("doc");
        // clippy and rustdoc with every feature on.
        let (_, ac, ac_bad) = outcome("clippy-all");
        let (_, ad, ad_bad) = outcome("doc-all");
        let ran = phase("clippy-all").is_some() && phase("doc-all").is_some();
        let all_features_ok = ran && !ac_bad && !ad_bad && ad.warnings == 0;
        for (what, o) in [("clippy --all-features", &ac), ("doc --all-features", &ad)] {
            if let Some(e) = o.first_error.as_ref().or(o.first_warning.as_ref()) {
                details.push_str(&format!("\n== {} ({name}): first {what} diagnostic\n{}\n", r.stem, clip(e)));
            }
        }
        let all_features_cell = if all_features_ok { "ok" } else if ran { "FAIL" } else { "-" }.to_owned();
        // With a rule set: its endpoint tests.
        let (endpoint_cell, endpoint_ok) = match r.endpoint_cases {
            None => ("-".to_owned(), true),
            Some(total) => {
                let passed = r.endpoint_passed.unwrap_or(0);
                (format!("{passed}/{total}"), passed == total)
            }
        };
        // clippy's own warnings are errors under -D warnings; the build's are counted here.
        let warnings = build.warnings;
        let all_ok = !build_bad && !clippy_bad && !doc_bad && warnings == 0 && doc.warnings == 0 && phases.len() >= 5 && all_features_ok && endpoint_ok;
        if all_ok {
            clean += 1;
        }
        rows.push([
            r.stem.clone(),
            fmt_opt(r.operations),
            fmt_opt(r.files),
            r.gen_ms.map(|m| format!("{m:.0}")).unwrap_or_else(|| "-".into()),
            build_cell,
            warnings.to_string(),
            clippy_cell,
            doc_cell,
            all_features_cell,
            endpoint_cell,
        ]);
        for (what, o, bad) in [("build", &build, build_bad), ("clippy", &clippy, clippy_bad), ("doc", &doc, doc_bad)] {
            if let Some(e) = &o.first_error {
                details.push_str(&format!("\n== {} ({name}): first {what} error\n{}\n", r.stem, clip(e)));
            } else if bad && o.failed {
                details.push_str(&format!("\n== {} ({name}): {what} failed (see target/check-models/{what}.log)\n", r.stem));
            }
            if o.first_error.is_none() && o.warnings > 0 {
                if let Some(w) = &o.first_warning {
                    details.push_str(&format!("\n== {} ({name}): first {what} warning of {}\n{}\n", r.stem, o.warnings, clip(w)));
                }
            }
        }
    }
    for p in phases {
        if !p.unattributed.is_empty() {
            details.push_str(&format!("\n== cargo {}: errors not attributed to a crate\n", p.name));
            for e in p.unattributed.iter().take(5) {
                details.push_str(&clip(e));
                details.push('\n');
            }
        }
    }

    let mut widths = header.map(str::len);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.len());
        }
    }
    let line = |cells: &[String]| -> String {
        let mut s = String::from("|");
        for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
            // Text columns left-aligned, numbers right-aligned.
            if (1..=3).contains(&i) || i == 5 {
                s.push_str(&format!(" {c:>w$} |"));
            } else {
                s.push_str(&format!(" {c:<w$} |"));
            }
        }
        s.push('\n');
        s
    };
    out.push('\n');
    out.push_str(&line(&header.map(str::to_owned)));
    let mut sep = String::from("|");
    for (i, w) in widths.iter().enumerate() {
        let right = (1..=3).contains(&i) || i == 5;
        sep.push_str(&format!(" {}{} |", "-".repeat(w - 1), if right { ":" } else { "-" }));
    }
    out.push_str(&sep);
    out.push('\n');
    for row in &rows {
        out.push_str(&line(row));
    }
    let gen_total: f64 = runs.iter().filter_map(|r| r.gen_ms).sum();
    let ops_total: usize = runs.iter().filter_map(|r| r.operations).sum();
    let files_total: usize = runs.iter().filter_map(|r| r.files).sum();
    out.push_str(&format!("\ntotal: {} models, {ops_total} operations, {files_total} files, generated in {gen_total:.0} ms", runs.len()));
    for p in phases {
        out.push_str(&format!("; cargo {} {:.1} s", p.name, p.elapsed.as_secs_f64()));
    }
    out.push('\n');
    out.push_str(&details);
    if !details.is_empty() {
        out.push('\n');
    }
    (clean, out)
}

/// At most 40 lines of a diagnostic.
fn clip(s: &str) -> String {
    let lines: Vec<&str> = s.lines().collect();
    if lines.len() <= 40 {
        s.to_owned()
    } else {
        format!("{}\n... ({} more lines)", lines[..40].join("\n"), lines.len() - 40)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_json_diagnostics_and_failures() {
        let stems: BTreeMap<String, String> =
            [("sso-2019-06-10", "sso-api"), ("wickr-2024-02-01", "wickr-api")].map(|(a, b)| (a.to_owned(), b.to_owned())).into();
        let stdout = concat!(
            r#"{"reason":"compiler-message","package_id":"path+file:///x/crates/sso-2019-06-10#sso-api@0.1.0","manifest_path":"/x/crates/sso-2019-06-10/Cargo.toml","message":{"rendered":"error: unresolved link to `Logout`\n  |\n  = note: \"quoted\" \\ \u00e9\n\n","children":[{"rendered":null}]}}"#,
            "\n",
            r#"{"reason":"compiler-message","package_id":"x","manifest_path":"/x/crates/sso-2019-06-10/Cargo.toml","message":{"rendered":"error: aborting due to 1 previous error\n\n"}}"#,
            "\n",
            r#"{"reason":"compiler-message","package_id":"x","manifest_path":"/x/crates/wickr-2024-02-01/Cargo.toml","message":{"rendered":"warning: unused import\n --> src/lib.rs:1:5\n\n"}}"#,
            "\n",
            r#"{"reason":"compiler-message","package_id":"x","manifest_path":"/x/crates/wickr-2024-02-01/Cargo.toml","message":{"rendered":"warning: 1 warning emitted\n\n"}}"#,
            "\n",
            r#"{"reason":"compiler-artifact","package_id":"x"}"#,
            "\n",
        );
        let stderr = "   Documenting sso-api v0.1.0 (/x)\nwarning: `wickr-api` (lib) generated 1 warning\nerror: could not document `sso-api`\n";
        let (per, unattributed, log) = parse_cargo_output(stdout, stderr, &stems);
        let sso = &per["sso-api"];
        assert!(sso.failed);
        assert_eq!(sso.errors, 1);
        assert_eq!(sso.first_error.as_deref(), Some("error: unresolved link to `Logout`\n  |\n  = note: \"quoted\" \\ é"));
        let wickr = &per["wickr-api"];
        assert!(!wickr.failed);
        assert_eq!((wickr.errors, wickr.warnings), (0, 1));
        assert!(unattributed.is_empty(), "{unattributed:?}");
        assert!(log.contains("unused import"));
    }

    #[test]
    fn model_names() {
        assert_eq!(undated("sso-2019-06-10"), "sso");
        assert_eq!(undated("sagemaker-runtime-http2-2025-10-01"), "sagemaker-runtime-http2");
        assert_eq!(undated("plain"), "plain");
        assert_eq!(json_string(r#"{"a":"x\ud83d\ude00y"}"#, "a").as_deref(), Some("x😀y"));
    }
}
