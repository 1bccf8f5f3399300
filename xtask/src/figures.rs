//! `cargo xtask figures`: the numbers quoted in the closing note. Not a test: it only measures.
//!
//! ```text
//! cargo xtask figures [--shared DIR] [--runs N] [--sdk] [--dynamodb] [--serde]
//! ```
//!
//! With `--dynamodb` every figure below is taken for the DynamoDB crate of the second
//! differential test (`difftest-dynamodb/dynamodb-api`, awsJson1_0) and `aws-sdk-dynamodb`
//! 1.110.0 instead of Connect.
//!
//! The point of generating a types-only crate ourselves instead of depending on
//! `aws-sdk-connect` is that it is cheap to produce and cheap to compile; these figures back
//! that claim with measurements taken on the machine at hand:
//!
//! * **codegen time** of the pinned Connect model: [`smithy_codegen::generate`] (load, plan,
//!   render, format; everything but writing) timed in-process `--runs` times (default 5, after
//!   one untimed warm-up), min and median. A debug xtask would time unoptimised code, so it
//!   spawns `cargo run --release -p xtask -- figures --codegen-only` (built in
//!   `target/figures/xtask-release`), which does the timing; the output is also compared with
//!   the checked-in `generated/`;
//! * **size** of the checked-in crate: files, lines, bytes of `generated/src/**/*.rs`, and how
//!   many of those lines are doc comments (`///`, `//!`, `#[doc`), since most of the crate is
//!   the model's documentation;
//! * **clean debug build** of the checked-in crate, `cargo build -j2` (two cores: what CI and
//!   this machine have) from a copy in `target/figures/connect-api` made its own workspace,
//!   with a fresh target directory: wall time;
//! * **the `validate` feature**: a clean build with it (regex engines included), then the crate
//!   alone with and without it (dependencies built, `cargo clean -p connect-api`, rebuilt);
//! * with `--sdk`, the same for `aws-sdk-connect = "=1.172.0"` (features
//!   `behavior-version-latest`, `rt-tokio`, no defaults) in `target/figures/sdk`: the total
//!   with its dependencies, under `--timings`, then the crate alone twice over: its unit in
//!   cargo's timing report, and a rebuild after `cargo clean -p aws-sdk-connect` (dependencies
//!   compiled, the crate alone on both cores, which is how ours is built). The ratios
//!   ours/theirs follow. This takes several minutes.
//!
//! * with `--serde`, the clean build of the checked-in crate again with `--features serde`, and
//!   an attempt to build aws-sdk-connect with its unstable serde support
//!   (`RUSTFLAGS="--cfg aws_sdk_unstable"`, features `serde-serialize`, `serde-deserialize`):
//!   its build time, or why it does not build.
//!
//! Build directories are deleted after measuring; `target/figures/xtask-release` and the
//! SDK project's `Cargo.lock` are kept so that the next run does not rebuild or re-resolve.
//!
//! The machine is shared, so the load average is printed next to each timed build; compare
//! figures taken at a low load.
//!
//! `--codegen-only` (used by the release child process) measures only the codegen time.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use smithy_codegen::{pin::Pin, ManifestOptions, Options, PlanOptions};

use crate::args::Args;
use crate::paths;

/// What is measured: our crate of one model, and the SDK crate generated from the same model.
struct Subject {
    /// For headings, e.g. `Connect`.
    label: &'static str,
    /// Our checked-in crate, relative to the repository.
    crate_dir: &'static str,
    /// Its package name.
    crate_name: &'static str,
    /// The SDK crate and the version generated from the same model.
    sdk: &'static str,
    sdk_version: &'static str,
}

/// The default subject: the pinned Connect model.
/// The aws-sdk-connect release generated from the pinned model.
const SDK_VERSION: &str = "1.172.0";

const CONNECT: Subject =
    Subject { label: "Connect", crate_dir: "generated", crate_name: "connect-api", sdk: "aws-sdk-connect", sdk_version: SDK_VERSION };

/// `--dynamodb`: the awsJson1_0 crate of the second differential test.
const DYNAMODB: Subject = Subject {
    label: "DynamoDB",
    crate_dir: crate::codegen::DYNAMODB_CRATE_DIR,
    crate_name: "dynamodb-api",
    sdk: "aws-sdk-dynamodb",
    sdk_version: "1.110.0",
};

/// Runs the command.
pub fn run(args: &[String]) -> Result<(), String> {
    let a = Args::parse(args, &["shared", "runs"], &["sdk", "codegen-only", "dynamodb", "serde"])?;
    let subject = if a.flag("dynamodb") { &DYNAMODB } else { &CONNECT };
    let shared = paths::shared_dir(a.value("shared"));
    let runs: usize = match a.value("runs") {
        Some(r) => r.parse().ok().filter(|n| *n > 0).ok_or_else(|| format!("--runs {r}: expected a positive number"))?,
        None => 5,
    };
    let root = paths::repo_root();
    let work = root.join("target").join("figures");
    std::fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;

    if a.flag("codegen-only") {
        codegen_time(subject, &shared, runs)?;
        return Ok(());
    }

    let mut table: Vec<(String, String)> = Vec::new();

    // 1. Codegen time, optimised.
    let label = subject.label;
    let (krate, sdk_name, sdk_version) = (subject.crate_name, subject.sdk, subject.sdk_version);
    println!("== codegen time ({label} model)");
    let (min, median) = if cfg!(debug_assertions) {
        release_codegen_time(subject, &root, &work, &shared, runs)?
    } else {
        codegen_time(subject, &shared, runs)?
    };
    table.push((format!("codegen time, {label} model (release, in-process, {runs} runs)"), format!("min {min:.0} ms, median {median:.0} ms")));

    // 2. Size of the checked-in crate.
    println!("\n== size of {}/src/**/*.rs", subject.crate_dir);
    let ours = count_rust(&root.join(subject.crate_dir).join("src"))?;
    println!("{}", ours.describe());
    table.push(("generated crate (src/**/*.rs): files, lines, bytes".into(), ours.summary()));
    table.push(("  of which doc-comment lines".into(), format!("{} ({:.0} %)", ours.doc_lines, ours.doc_share())));

    // 3. Clean -j2 debug build of the checked-in crate.
    println!("\n== clean debug build of {}/ (cargo build -j2)", subject.crate_dir);
    let ours_dir = work.join(krate);
    copy_crate(&root.join(subject.crate_dir), &ours_dir)?;
    let manifest = ours_dir.join("Cargo.toml");
    let toml = std::fs::read_to_string(&manifest).map_err(|e| format!("cannot read {}: {e}", manifest.display()))?;
    // The copy lives elsewhere: path dependencies (the runtime crates) become absolute.
    let mut toml = absolute_paths(&toml, &root.join(subject.crate_dir));
    toml.push_str("\n# Added by `cargo xtask figures`: build this copy as its own workspace.\n[workspace]\n");
    std::fs::write(&manifest, toml).map_err(|e| format!("cannot write {}: {e}", manifest.display()))?;
    let ours_target = work.join(format!("{krate}-target"));
    cargo(&ours_dir, &ours_target, &["generate-lockfile", "--offline"])?;
    remove_dir(&ours_target)?;
    let ours_build = timed_build(&ours_dir, &ours_target, &["build", "-j2"])?;
    remove_dir(&ours_target)?; // half a gigabyte, and useless: every run starts clean
    table.push((format!("clean debug build -j2, {krate} (with its dependency `http`)"), format!("{:.1} s", ours_build.as_secs_f64())));
    if a.flag("serde") && subject.crate_name != DYNAMODB.crate_name {
        println!("\n== clean debug build of generated/ with `--features serde` (cargo build -j2)");
        let serde_build = timed_build(&ours_dir, &ours_target, &["build", "-j2", "--features", "serde"])?;
        remove_dir(&ours_target)?;
        table.push(("clean debug build -j2, connect-api --features serde (with `http`, `serde`)".into(), format!("{:.1} s", serde_build.as_secs_f64())));
        table.push((
            "  serde's extra cost".into(),
            format!("{:+.1} s ({:+.0} %)", serde_build.as_secs_f64() - ours_build.as_secs_f64(), 100.0 * (serde_build.as_secs_f64() / ours_build.as_secs_f64() - 1.0)),
        ));
        table.push((format!("clean debug build -j2, aws-sdk-connect {SDK_VERSION} with its unstable serde cfg"), sdk_serde_figure(&work)));
    }

    // 3b. The cost of the `validate` feature (Connect only: the figures of record).
    if subject.crate_name != DYNAMODB.crate_name {
        validate_figures(&ours_dir, &work.join("connect-api-validate-target"), &mut table)?;
    }

    // 4. The same for the SDK crate.
    if a.flag("sdk") {
        let sdk = sdk_figures(subject, &work)?;
        let theirs_lines = sdk.lines.as_ref().map(|c| c.summary()).unwrap_or_else(|| "(sources not found)".into());
        table.push((format!("{sdk_name} {sdk_version} (src/**/*.rs): files, lines, bytes"), theirs_lines));
        table.push((format!("clean debug build -j2, {sdk_name} {sdk_version} with dependencies"), format!("{:.1} s", sdk.total.as_secs_f64())));
        if let Some(t) = sdk.crate_in_timings {
            table.push((format!("  {sdk_name} crate alone, from --timings"), format!("{t:.1} s")));
        }
        table.push((format!("  {sdk_name} crate alone, rebuilt after `cargo clean -p`"), format!("{:.1} s", sdk.crate_alone.as_secs_f64())));
        let ours_s = ours_build.as_secs_f64();
        table.push((
            "ratio ours/theirs, crate alone (rebuild)".into(),
            format!("{:.3} ({:.1}x faster)", ours_s / sdk.crate_alone.as_secs_f64(), sdk.crate_alone.as_secs_f64() / ours_s),
        ));
        if let Some(t) = sdk.crate_in_timings {
            table.push(("ratio ours/theirs, crate alone (--timings)".into(), format!("{:.3} ({:.1}x faster)", ours_s / t, t / ours_s)));
        }
        table.push((
            "ratio ours/theirs, total with dependencies".into(),
            format!("{:.3} ({:.1}x faster)", ours_s / sdk.total.as_secs_f64(), sdk.total.as_secs_f64() / ours_s),
        ));
        if let Some(l) = &sdk.lines {
            table.push(("ratio ours/theirs, lines of Rust".into(), format!("{:.2}", ours.lines as f64 / l.lines as f64)));
        }
    }

    println!("\n== figures");
    let w = table.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let v = table.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
    println!("| {:<w$} | {:<v$} |", "figure", "value");
    println!("| {} | {} |", "-".repeat(w), "-".repeat(v));
    for (k, val) in &table {
        println!("| {k:<w$} | {val:<v$} |");
    }
    Ok(())
}

/// Times [`smithy_codegen::generate`] on the subject's model in this process.
fn codegen_time(subject: &Subject, shared: &Path, runs: usize) -> Result<(f64, f64), String> {
    // The same options as `cargo xtask codegen`, so the output can be compared with the
    // checked-in crate.
    let options = if subject.crate_name == DYNAMODB.crate_name {
        crate::codegen::dynamodb_options(shared)?
    } else {
        let model = paths::default_model(shared);
        let pin = Pin::read(&paths::default_pin()).map_err(|e| e.to_string())?;
        pin.verify(&model).map_err(|e| format!("{e}\n(the shared data directory is {}; set --shared or ${})", shared.display(), paths::SHARED_ENV))?;
        Options {
            models: vec![model],
            plan: PlanOptions { partitions: Some(paths::partitions(shared)?), ..PlanOptions::default() },
            manifest: ManifestOptions {
                runtime: paths::runtime_in_repo(),
                version: "0.1.0".to_owned(),
                regenerate: "cargo xtask codegen".to_owned(),
                source: Some(format!("`{}` at commit `{}` of {} (sha256 `{}`)", pin.path, pin.commit, pin.source, pin.sha256)),
            },
        }
    };
    let files = smithy_codegen::generate(&options).map_err(|e| e.to_string())?; // warm-up
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let again = smithy_codegen::generate(&options).map_err(|e| e.to_string())?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(again);
    }
    times.sort_by(f64::total_cmp);
    let min = times[0];
    let median = if runs % 2 == 1 { times[runs / 2] } else { (times[runs / 2 - 1] + times[runs / 2]) / 2.0 };
    let profile = if cfg!(debug_assertions) { "debug" } else { "release" };
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let all: Vec<String> = times.iter().map(|t| format!("{t:.0}")).collect();
    println!(
        "codegen ({profile}, {threads} threads, {} files): min {min:.1} ms, median {median:.1} ms over {runs} runs [{}]",
        files.len(),
        all.join(", ")
    );
    let drift = smithy_codegen::write::sync(&paths::repo_root().join(subject.crate_dir), &files, false).map_err(|e| e.to_string())?;
    // (The checked-in DynamoDB crate's manifest adds `publish = false`.)
    if drift.is_empty() || drift.changed.iter().all(|f| f.ends_with("Cargo.toml")) && drift.missing.is_empty() && drift.stale.is_empty() {
        println!("the output is identical to the checked-in {}/", subject.crate_dir);
    } else {
        println!("note: the output differs from the checked-in {}/ (the generator changed since):\n{drift}", subject.crate_dir);
    }
    Ok((min, median))
}

/// Runs `figures --codegen-only` from a release build of xtask and reads back min and median.
fn release_codegen_time(subject: &Subject, root: &Path, work: &Path, shared: &Path, runs: usize) -> Result<(f64, f64), String> {
    println!("(building xtask in release in {}; timing in that process)", work.join("xtask-release").display());
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let shared = std::fs::canonicalize(shared).unwrap_or_else(|_| shared.to_path_buf());
    let out = Command::new(cargo)
        .args(["run", "--release", "--quiet", "--package", "xtask", "--manifest-path"])
        .arg(root.join("Cargo.toml"))
        .args(["--", "figures", "--codegen-only", "--runs", &runs.to_string(), "--shared"])
        .arg(&shared)
        .args(if subject.crate_name == DYNAMODB.crate_name { &["--dynamodb"][..] } else { &[] })
        .env("CARGO_TARGET_DIR", work.join("xtask-release"))
        .env("CARGO_TERM_COLOR", "never")
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    print!("{stdout}");
    if !out.status.success() {
        return Err(format!("the release timing run failed:\n{}", String::from_utf8_lossy(&out.stderr)));
    }
    let number_after = |marker: &str| -> Option<f64> {
        let rest = &stdout[stdout.find(marker)? + marker.len()..];
        rest.split_whitespace().next()?.parse().ok()
    };
    match (number_after(": min "), number_after(", median ")) {
        (Some(min), Some(median)) => Ok((min, median)),
        _ => Err("cannot read the timings of the release run".into()),
    }
}

/// Counts of a tree of Rust files.
#[derive(Default)]
struct RustCount {
    files: usize,
    lines: usize,
    bytes: u64,
    doc_lines: usize,
    blank_lines: usize,
}

impl RustCount {
    fn summary(&self) -> String {
        format!("{} files, {} lines, {:.1} MB ({} bytes)", self.files, self.lines, self.bytes as f64 / 1e6, self.bytes)
    }

    fn doc_share(&self) -> f64 {
        100.0 * self.doc_lines as f64 / self.lines.max(1) as f64
    }

    fn describe(&self) -> String {
        format!(
            "{}\ndoc-comment lines: {} ({:.0} %), blank lines: {}, other lines: {}",
            self.summary(),
            self.doc_lines,
            self.doc_share(),
            self.blank_lines,
            self.lines - self.doc_lines - self.blank_lines
        )
    }
}

/// Files, lines, bytes and doc-comment lines of every `.rs` file under `dir`.
fn count_rust(dir: &Path) -> Result<RustCount, String> {
    let mut count = RustCount::default();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("cannot list {}: {e}", d.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| format!("cannot list {}: {e}", d.display()))?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                count.files += 1;
                count.bytes += text.len() as u64;
                for line in text.lines() {
                    count.lines += 1;
                    let t = line.trim_start();
                    if t.is_empty() {
                        count.blank_lines += 1;
                    } else if t.starts_with("///") || t.starts_with("//!") || t.starts_with("#[doc") || t.starts_with("#![doc") {
                        count.doc_lines += 1;
                    }
                }
            }
        }
    }
    Ok(count)
}

/// Copies a crate (without `target/`, `Cargo.lock` and dot-files) to a fresh `to`.
/// The manifest with every relative `path = "…"` made absolute against `base`.
fn absolute_paths(toml: &str, base: &Path) -> String {
    let mut out = String::with_capacity(toml.len());
    let mut rest = toml;
    while let Some(i) = rest.find("path = \"") {
        let (head, tail) = rest.split_at(i + "path = \"".len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(tail.len());
        let value = &tail[..end];
        if Path::new(value).is_relative() {
            out.push_str(&base.join(value).display().to_string());
        } else {
            out.push_str(value);
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

fn copy_crate(from: &Path, to: &Path) -> Result<(), String> {
    remove_dir(to)?;
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        let src = from.join(&rel);
        std::fs::create_dir_all(to.join(&rel)).map_err(|e| format!("cannot create {}: {e}", to.join(&rel).display()))?;
        for entry in std::fs::read_dir(&src).map_err(|e| format!("cannot list {}: {e}", src.display()))? {
            let entry = entry.map_err(|e| format!("cannot list {}: {e}", src.display()))?;
            let name = entry.file_name();
            let n = name.to_string_lossy();
            if n.starts_with('.') || (rel.as_os_str().is_empty() && (n == "target" || n == "Cargo.lock")) {
                continue;
            }
            let child = rel.join(&name);
            if entry.path().is_dir() {
                stack.push(child);
            } else {
                std::fs::copy(entry.path(), to.join(&child)).map_err(|e| format!("cannot copy {}: {e}", entry.path().display()))?;
            }
        }
    }
    Ok(())
}

pub(crate) fn remove_dir(dir: &Path) -> Result<(), String> {
    match std::fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("cannot remove {}: {e}", dir.display())),
    }
}

/// A cargo command in `dir` with its own target directory and none of the caller's flags.
///
/// Incremental compilation is off: cargo uses it only for local packages, so without this our
/// crate (built as the local package) would pay its bookkeeping while aws-sdk-connect (a
/// registry dependency) does not. Applications get both crates as dependencies, non-incremental.
fn cargo_command(dir: &Path, target: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env("CARGO_TERM_COLOR", "never")
        .env("CARGO_INCREMENTAL", "0");
    for var in ["RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "RUSTDOCFLAGS", "CARGO_ENCODED_RUSTDOCFLAGS", "CARGO_BUILD_JOBS"] {
        cmd.env_remove(var);
    }
    cmd
}

/// Runs a cargo command, failing with its stderr.
pub(crate) fn cargo(dir: &Path, target: &Path, args: &[&str]) -> Result<(), String> {
    let out = cargo_command(dir, target, args).output().map_err(|e| format!("cannot run cargo: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("`cargo {}` in {} failed:\n{}", args.join(" "), dir.display(), String::from_utf8_lossy(&out.stderr)))
    }
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

/// The cost of the feature `validate` on the copy of the crate in `dir`: a clean build with it
/// (its regex engines included), then the crate alone with and without it (dependencies built,
/// `cargo clean -p connect-api`, rebuilt).
fn validate_figures(dir: &Path, target: &Path, table: &mut Vec<(String, String)>) -> Result<(), String> {
    println!("\n== the `validate` feature (cargo build -j2 --features validate)");
    remove_dir(target)?;
    let with_deps = timed_build(dir, target, &["build", "-j2", "--features", "validate"])?;
    cargo(dir, target, &["clean", "-p", "connect-api"])?;
    let alone = timed_build(dir, target, &["build", "-j2", "--features", "validate"])?;
    cargo(dir, target, &["clean", "-p", "connect-api"])?;
    let alone_plain = timed_build(dir, target, &["build", "-j2"])?;
    remove_dir(target)?;
    table.push(("clean debug build -j2, connect-api with `validate` (and regex, regress)".into(), format!("{:.1} s", with_deps.as_secs_f64())));
    table.push(("  connect-api crate alone, rebuilt: without / with `validate`".into(), format!("{:.1} s / {:.1} s", alone_plain.as_secs_f64(), alone.as_secs_f64())));
    Ok(())
}

/// Runs a build and returns its wall time, printing it with the load average around it.
pub(crate) fn timed_build(dir: &Path, target: &Path, args: &[&str]) -> Result<Duration, String> {
    let before = load_average();
    let started = Instant::now();
    cargo(dir, target, args)?;
    let elapsed = started.elapsed();
    println!("cargo {}: {:.1} s (load average before: {before}; after: {})", args.join(" "), elapsed.as_secs_f64(), load_average());
    Ok(elapsed)
}

/// Tries a clean build of aws-sdk-connect with `--cfg aws_sdk_unstable` and the serde features;
/// the wall time, or why it failed.
fn sdk_serde_figure(work: &Path) -> String {
    println!("\n== clean debug build of aws-sdk-connect {SDK_VERSION} with its unstable serde cfg");
    let dir = work.join("sdk-serde");
    let target = work.join("sdk-serde-target");
    let manifest = format!(
        "# Written by `cargo xtask figures --sdk --serde`: aws-sdk-connect with its unstable serde support.\n\
         [package]\nname = \"sdk-serde-build-time\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\naws-sdk-connect = {{ version = \"={SDK_VERSION}\", default-features = false, features = [\"behavior-version-latest\", \"rt-tokio\", \"serde-serialize\", \"serde-deserialize\"] }}\n\n\
         [workspace]\n"
    );
    let prepared = std::fs::create_dir_all(dir.join("src"))
        .and_then(|()| std::fs::write(dir.join("Cargo.toml"), manifest))
        .and_then(|()| std::fs::write(dir.join("src").join("lib.rs"), "//! Empty: only the dependency is built.\n"));
    if let Err(e) = prepared {
        return format!("(cannot prepare {}: {e})", dir.display());
    }
    let before = load_average();
    let started = Instant::now();
    let out = cargo_command(&dir, &target, &["build", "-j2"]).env("RUSTFLAGS", "--cfg aws_sdk_unstable").output();
    let elapsed = started.elapsed();
    let _ = remove_dir(&target);
    match out {
        Ok(o) if o.status.success() => {
            println!("cargo build -j2: {:.1} s (load average before: {before}; after: {})", elapsed.as_secs_f64(), load_average());
            format!("{:.1} s", elapsed.as_secs_f64())
        }
        Ok(o) => {
            let err = String::from_utf8_lossy(&o.stderr);
            println!("does not build:\n{err}");
            let first = err.lines().find(|l| l.contains("error")).unwrap_or("failed").trim();
            format!("does not build: {first}")
        }
        Err(e) => format!("(cannot run cargo: {e})"),
    }
}

/// aws-sdk-connect's figures.
/// The SDK crate's figures.
struct SdkFigures {
    total: Duration,
    crate_in_timings: Option<f64>,
    crate_alone: Duration,
    lines: Option<RustCount>,
}

/// Builds the SDK crate from scratch, then the crate alone.
fn sdk_figures(subject: &Subject, work: &Path) -> Result<SdkFigures, String> {
    let (sdk, version) = (subject.sdk, subject.sdk_version);
    println!("\n== clean debug build of {sdk} {version} (cargo build -j2)");
    let dir = work.join(sdk);
    let target = work.join(format!("{sdk}-target"));
    std::fs::create_dir_all(dir.join("src")).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let manifest = format!(
        "# Written by `cargo xtask figures --sdk`: measures how long {sdk} takes to build.\n\
         [package]\nname = \"sdk-build-time\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\n{sdk} = {{ version = \"={version}\", default-features = false, features = [\"behavior-version-latest\", \"rt-tokio\"] }}\n\n\
         [workspace]\n"
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).map_err(|e| format!("cannot write the manifest: {e}"))?;
    std::fs::write(dir.join("src").join("lib.rs"), "//! Empty: only the dependency is built.\n").map_err(|e| format!("cannot write lib.rs: {e}"))?;
    // Resolve and download first (untimed); the registry cache usually has everything.
    if !dir.join("Cargo.lock").exists() {
        if let Err(online) = cargo(&dir, &target, &["generate-lockfile"]) {
            println!("(resolution online failed, retrying offline)\n{online}");
            cargo(&dir, &target, &["generate-lockfile", "--offline"])?;
        }
    }
    if let Err(online) = cargo(&dir, &target, &["fetch"]) {
        println!("(fetch failed, continuing offline)\n{online}");
    }

    remove_dir(&target)?;
    let total = timed_build(&dir, &target, &["build", "-j2", "--timings"])?;
    let crate_in_timings = std::fs::read_to_string(target.join("cargo-timings").join("cargo-timing.html"))
        .ok()
        .and_then(|html| unit_duration(&html, sdk));
    match crate_in_timings {
        Some(t) => println!("{sdk} unit in the timing report: {t:.1} s"),
        None => println!("({sdk} not found in the timing report)"),
    }
    cargo(&dir, &target, &["clean", "-p", sdk])?;
    let crate_alone = timed_build(&dir, &target, &["build", "-j2"])?;

    remove_dir(&target)?; // about a gigabyte; the next run starts clean anyway
    let lines = sdk_sources(sdk, version).map(|src| count_rust(&src.join("src"))).transpose()?;
    if let Some(l) = &lines {
        println!("{sdk} {version} sources: {}", l.describe());
    }
    Ok(SdkFigures { total, crate_in_timings, crate_alone, lines })
}

/// The duration of the library unit `name` in cargo's `cargo-timing.html` (its `UNIT_DATA`).
fn unit_duration(html: &str, name: &str) -> Option<f64> {
    let data = &html[html.find("UNIT_DATA = [")?..];
    let data = &data[..data.find("\n];").unwrap_or(data.len())];
    let key = format!("\"name\": \"{name}\"");
    let mut best: Option<f64> = None;
    let mut rest = data;
    while let Some(at) = rest.find(&key) {
        let unit = &rest[at + key.len()..];
        let unit = &unit[..unit.find("\"name\": \"").unwrap_or(unit.len())];
        let field = |f: &str| -> Option<&str> {
            let v = &unit[unit.find(&format!("\"{f}\": "))? + f.len() + 4..];
            Some(v[..v.find([',', '\n'])?].trim())
        };
        // The library itself, not a build script run.
        let is_lib = field("target").is_some_and(|t| t == "\"\"" || t.contains("lib"));
        if let (true, Some(d)) = (is_lib, field("duration").and_then(|d| d.parse::<f64>().ok())) {
            best = Some(best.map_or(d, |b: f64| b.max(d)));
        }
        rest = &rest[at + key.len()..];
    }
    best
}

/// `$CARGO_HOME/registry/src/*/<sdk>-<version>`.
fn sdk_sources(sdk: &str, version: &str) -> Option<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    let src = home.join("registry").join("src");
    std::fs::read_dir(src)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path().join(format!("{sdk}-{version}")))
        .find(|p| p.join("src").is_dir())
}

#[cfg(test)]
mod tests {
    use super::{absolute_paths, unit_duration};

    #[test]
    fn relative_path_dependencies_become_absolute() {
        let toml = "a = { path = \"../runtime/endpoints\", version = \"0.1.0\" }\nb = { path = \"/abs\" }\n";
        let got = absolute_paths(toml, std::path::Path::new("/repo/generated"));
        assert_eq!(got, "a = { path = \"/repo/generated/../runtime/endpoints\", version = \"0.1.0\" }\nb = { path = \"/abs\" }\n");
    }

    #[test]
    fn reads_a_unit_from_the_timing_report() {
        let html = "const UNIT_DATA = [\n  {\n    \"i\": 0,\n    \"name\": \"aws-sdk-connect\",\n    \"version\": \"1.172.0\",\n    \"mode\": \"todo\",\n    \"target\": \"\",\n    \"features\": [],\n    \"start\": 80.5,\n    \"duration\": 167.25,\n    \"sections\": []\n  },\n  {\n    \"i\": 1,\n    \"name\": \"tokio\",\n    \"target\": \"\",\n    \"duration\": 9.0\n  }\n];\n";
        assert_eq!(unit_duration(html, "aws-sdk-connect"), Some(167.25));
        assert_eq!(unit_duration(html, "tokio"), Some(9.0));
        assert_eq!(unit_duration(html, "serde"), None);
    }
}
