//! Non-Rust files of the generated crate (`Cargo.toml`, `README.md`), from askama templates.

use askama::Template;

use crate::error::{Error, Result};
use crate::plan::{Plan, TypeKind};

#[derive(Template)]
#[template(path = "Cargo.toml.askama", escape = "none")]
struct CargoToml<'a> {
    name: &'a str,
    version: &'a str,
    title: String,
    description: String,
    regenerate: &'a str,
    dependencies: &'a [&'a str],
    /// The `smithy-codegen-client` dependency spec when the crate has the `client` feature.
    client_runtime: Option<&'a str>,
}

#[derive(Template)]
#[template(path = "README.md.askama", escape = "none")]
struct Readme<'a> {
    name: &'a str,
    description: String,
    regenerate: &'a str,
    source: Option<&'a str>,
    structures: usize,
    unions: usize,
    enums: usize,
    errors: usize,
    operations: usize,
    wire: bool,
}

/// Settings that end up in the manifest and README.
#[derive(Debug, Clone)]
pub struct ManifestOptions {
    /// Crate version.
    pub version: String,
    /// The command that regenerates the crate.
    pub regenerate: String,
    /// Where the model came from (shown in the README).
    pub source: Option<String>,
    /// How the crate depends on the `smithy-codegen-client` runtime, as a Cargo dependency value
    /// table keys (`path = "../runtime/client"` or `version = "0.1"`); `None` leaves out the `client` feature.
    pub client_runtime: Option<String>,
}

impl ManifestOptions {
    /// The client runtime dependency of crates generated inside this repository, one level
    /// below its root (`generated/`).
    pub const IN_REPO_CLIENT_RUNTIME: &'static str = r#"path = "../runtime/client""#;
}

fn description(plan: &Plan) -> String {
    let wire = !crate::render::protocol::for_plan(plan).dependencies().is_empty();
    let what = if wire { "Types, request builders and response parsers" } else { "Types" };
    format!("{what} of the {} API, generated from its Smithy model.", plan.service.title)
}

/// `Cargo.toml`.
pub fn cargo_toml(plan: &Plan, opts: &ManifestOptions) -> Result<String> {
    CargoToml {
        name: &plan.service.crate_name,
        version: &opts.version,
        title: comment_safe(&plan.service.title),
        description: toml_escape(&description(plan)),
        regenerate: &opts.regenerate,
        dependencies: crate::render::protocol::for_plan(plan).dependencies(),
        client_runtime: opts.client_runtime.as_deref().filter(|_| crate::render::client_enabled(plan, opts)),
    }
    .render()
    .map_err(|e| Error::msg(format!("rendering Cargo.toml: {e}")))
}

/// `README.md`.
pub fn readme(plan: &Plan, opts: &ManifestOptions) -> Result<String> {
    let count = |k: TypeKind| plan.types.values().filter(|t| t.kind == k).count();
    Readme {
        name: &plan.service.crate_name,
        description: description(plan),
        regenerate: &opts.regenerate,
        source: opts.source.as_deref(),
        structures: count(TypeKind::Structure),
        unions: count(TypeKind::Union),
        enums: count(TypeKind::Enum),
        errors: count(TypeKind::Error),
        operations: plan.operations.len(),
        wire: !crate::render::protocol::for_plan(plan).dependencies().is_empty(),
    }
    .render()
    .map_err(|e| Error::msg(format!("rendering README.md: {e}")))
}

/// Escapes a string for a TOML basic string (the title comes from the model).
fn toml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// A model string made safe for a one-line `#` comment.
fn comment_safe(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}
