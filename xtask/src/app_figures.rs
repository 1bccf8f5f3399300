//! `cargo xtask app-figures`: what an application feels. The same small program (aws-config,
//! then one Amazon Connect call) built twice: on our generated crate with its `client` feature,
//! and on aws-sdk-connect 1.172.0 with its default features. Clean debug build time with `-j2`
//! and release binary size, both measured in one run.

use std::path::Path;
use std::time::Duration;

use crate::figures::{cargo, remove_dir, timed_build};
use crate::paths;

const SDK_VERSION: &str = "1.172.0";

/// The program: the README's first example, trimmed to one call.
const MAIN_RS: &str = r#"//! Lists Amazon Connect instances (written by `cargo xtask app-figures`).

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region(aws_sdk_connect::config::Region::new("us-east-1"))
        .load()
        .await;
    let client = aws_sdk_connect::Client::new(&config);
    match client.list_instances().max_results(10).send().await {
        Ok(out) => {
            for instance in out.instance_summary_list() {
                println!("{:?}", instance.instance_alias());
            }
        }
        Err(e) => eprintln!("list_instances failed: {e}"),
    }
    Ok(())
}
"#;

struct App {
    debug_build: Duration,
    release_size: u64,
}

/// Runs the command.
pub fn run(args: &[String]) -> Result<(), String> {
    let a = crate::args::Args::parse(args, &[], &[])?;
    let _ = a;
    let root = paths::repo_root();
    let work = root.join("target").join("app-figures");
    let generated = root.join("generated");
    let ours_dep = format!("aws-sdk-connect = {{ package = \"connect-api\", path = {:?}, features = [\"client\"] }}", generated.display().to_string());
    let sdk_dep = format!("aws-sdk-connect = \"={SDK_VERSION}\"");
    let ours = app(&work, "ours", &ours_dep)?;
    let sdk = app(&work, "sdk", &sdk_dep)?;
    println!("\n== app-figures (one run each, -j2, clean target directories)");
    println!("| app | clean debug build | release binary |");
    println!("|---|---|---|");
    for (name, f) in [("aws-config + connect-api (client)", &ours), (&*format!("aws-config + aws-sdk-connect {SDK_VERSION}"), &sdk)] {
        println!("| {name} | {:.1} s | {:.1} MB |", f.debug_build.as_secs_f64(), f.release_size as f64 / 1e6);
    }
    println!(
        "build time ratio (ours / sdk): {:.2}; binary size ratio: {:.2}",
        ours.debug_build.as_secs_f64() / sdk.debug_build.as_secs_f64(),
        ours.release_size as f64 / sdk.release_size as f64
    );
    Ok(())
}

/// Writes, builds (debug, timed) and builds (release, measured) one variant of the app.
fn app(work: &Path, name: &str, dependency: &str) -> Result<App, String> {
    println!("\n== {name}: {dependency}");
    let dir = work.join(name);
    let target = work.join(format!("{name}-target"));
    std::fs::create_dir_all(dir.join("src")).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let manifest = format!(
        "# Written by `cargo xtask app-figures`.\n[package]\nname = \"connect-app\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\naws-config = \"1\"\n{dependency}\ntokio = {{ version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }}\n\n[workspace]\n"
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).map_err(|e| format!("cannot write the manifest: {e}"))?;
    std::fs::write(dir.join("src").join("main.rs"), MAIN_RS).map_err(|e| format!("cannot write main.rs: {e}"))?;
    if !dir.join("Cargo.lock").exists() {
        cargo(&dir, &target, &["generate-lockfile"])?;
    }
    cargo(&dir, &target, &["fetch"])?;
    remove_dir(&target)?;
    let debug_build = timed_build(&dir, &target, &["build", "-j2"])?;
    timed_build(&dir, &target, &["build", "-j2", "--release"])?;
    let binary = target.join("release").join("connect-app");
    let release_size = std::fs::metadata(&binary).map_err(|e| format!("cannot read {}: {e}", binary.display()))?.len();
    println!("release binary: {release_size} bytes");
    remove_dir(&target)?;
    Ok(App { debug_build, release_size })
}
