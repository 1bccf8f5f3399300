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
    dependencies: Vec<String>,
    features: Vec<String>,
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
    pattern_engines: bool,
    client: bool,
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
    /// How the crate refers to the runtime crates (`runtime/` of this repository), which
    /// optional features such as `endpoint` depend on.
    pub runtime: RuntimeRef,
}

/// How a generated crate depends on the runtime crates (`smithy-codegen-endpoints`, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuntimeRef {
    /// By path: the directory that holds the runtime crates (`runtime/` of this repository),
    /// as written into `Cargo.toml` (relative to the generated crate, or absolute).
    Path(String),
    /// By version requirement, from a registry.
    Version(String),
}

impl Default for RuntimeRef {
    fn default() -> Self {
        RuntimeRef::Version(RUNTIME_VERSION.to_owned())
    }
}

/// The version of the runtime crates this generator emits code for.
pub const RUNTIME_VERSION: &str = "0.1.0";

impl RuntimeRef {
    /// The dependency table of runtime crate `package` (in directory `dir` under the runtime
    /// path), as an optional dependency.
    fn optional_dependency(&self, package: &str, dir: &str) -> String {
        match self {
            RuntimeRef::Path(p) => {
                let p = toml_escape(&format!("{}/{dir}", p.trim_end_matches('/')));
                format!("{package} = {{ path = \"{p}\", version = \"{RUNTIME_VERSION}\", optional = true }}")
            }
            RuntimeRef::Version(v) => format!("{package} = {{ version = \"{}\", optional = true }}", toml_escape(v)),
        }
    }
}

fn description(plan: &Plan) -> String {
    let wire = !crate::render::protocol::for_plan(plan).dependencies().is_empty();
    let what = if wire { "Types, request builders and response parsers" } else { "Types" };
    format!("{what} of the {} API, generated from its Smithy model.", plan.service.title)
}

/// `Cargo.toml`.
pub fn cargo_toml(plan: &Plan, opts: &ManifestOptions) -> Result<String> {
    let mut dependencies: Vec<String> = crate::render::protocol::for_plan(plan).dependencies().iter().map(|d| (*d).to_owned()).collect();
    let mut features = Vec::new();
    if plan.endpoint.is_some() {
        use crate::render::endpoint::{FEATURE, RUNTIME_PACKAGE};
        dependencies.push(opts.runtime.optional_dependency(RUNTIME_PACKAGE, "endpoints"));
        features.push(format!("# The endpoint resolver (`config::endpoint`).\n{FEATURE} = [\"dep:{RUNTIME_PACKAGE}\"]"));
    }
    if crate::render::client_enabled(plan) {
        use crate::render::client::{FEATURE, RUNTIME_PACKAGE};
        dependencies.push(opts.runtime.optional_dependency(RUNTIME_PACKAGE, "client"));
        let endpoint = crate::render::endpoint::FEATURE;
        features.push(format!(
            "# The client: Client, Config, fluent builders, paginators, SigV4, retries. Primitive and error\n\
             # types become the smithy runtime's (aws-smithy-types), like the AWS SDK's.\n\
             {FEATURE} = [\"{endpoint}\", \"dep:{RUNTIME_PACKAGE}\"]"
        ));
        features.push(format!(
            "# A fallback HTTPS client for when the SdkConfig carries none (aws-config's defaults carry one).\n\
             default-https-client = [\"{FEATURE}\", \"{RUNTIME_PACKAGE}/default-https-client\"]"
        ));
    }
    dependencies.push(crate::render::serde::DEPENDENCY.to_owned());
    features.push("# `Serialize` and `Deserialize` on every type, in the service's JSON wire format.\nserde = [\"dep:serde\"]".to_owned());
    dependencies.extend(validation_dependencies(plan)?);
    features.push(format!("# `validate()` on inputs and constrained types.\n{}", validate_feature(plan)?));
    CargoToml {
        name: &plan.service.crate_name,
        version: &opts.version,
        title: comment_safe(&plan.service.title),
        description: toml_escape(&description(plan)),
        regenerate: &opts.regenerate,
        dependencies,
        features,
    }
    .render()
    .map_err(|e| Error::msg(format!("rendering Cargo.toml: {e}")))
}

/// The optional dependencies of `validate()`: the regex engines its patterns need.
fn validation_dependencies(plan: &Plan) -> Result<Vec<String>> {
    let (linear, ecma) = crate::render::validate::engines(plan)?;
    let mut out = Vec::new();
    if linear {
        out.push("regex = { version = \"1.9\", optional = true }".to_owned());
    }
    if ecma {
        out.push("regress = { version = \"0.12\", optional = true }".to_owned());
    }
    Ok(out)
}

/// `validate = [...]`: turns on `validate()` and the engines its patterns need.
fn validate_feature(plan: &Plan) -> Result<String> {
    let (linear, ecma) = crate::render::validate::engines(plan)?;
    let deps: Vec<&str> = [(linear, "\"dep:regex\""), (ecma, "\"dep:regress\"")].into_iter().filter(|(on, _)| *on).map(|(_, d)| d).collect();
    Ok(format!("{} = [{}]", crate::render::validate::FEATURE, deps.join(", ")))
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
        pattern_engines: crate::render::plan_has_patterns(plan),
        client: crate::render::client_enabled(plan),
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
