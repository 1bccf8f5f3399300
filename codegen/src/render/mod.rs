//! Rendering: a [`Plan`] in, the files of the generated crate out.
//!
//! One module per shape kind (`structure`, `error_shape`, `union`, `enum_shape`), one for
//! operations, one for the crate-wide error, one for the module tree, and `manifest` for the
//! non-Rust files. Each returns `TokenStream`s; [`crate::format`] turns them into text.

pub(crate) mod client;
pub(crate) mod ctx;
pub mod endpoint;
mod enum_shape;
mod error_meta;
mod error_shape;
pub mod manifest;
mod modules;
mod operation;
pub mod protocol;
mod runtime_switch;
mod serde;
pub(crate) mod structure;
mod union;
pub mod validate;

use proc_macro2::TokenStream;

use crate::error::Result;
use crate::plan::{OperationPlan, Plan, TypeKind, TypePlan};

pub use ctx::Ctx;
pub use manifest::{ManifestOptions, RuntimeRef};

/// The hand-written runtime copied into every crate: (path in the crate, source).
/// `src/primitives.rs` and `src/error.rs` themselves are rendered (see `runtime_switch`).
const RUNTIME: &[(&str, &str)] = &[
    ("src/primitives/standalone.rs", include_str!("../../runtime/primitives.rs")),
    ("src/primitives/unknown_variant.rs", include_str!("../../runtime/unknown_variant.rs")),
    ("src/primitives/decimal.rs", include_str!("../../runtime/decimal.rs")),
    ("src/error/standalone.rs", include_str!("../../runtime/error.rs")),
    ("src/error/unhandled.rs", include_str!("../../runtime/unhandled.rs")),
];

/// The runtime of `validate()` (compiled with the `validate` feature).
const VALIDATION_RUNTIME: &str = include_str!("../../runtime/validation.rs");

/// The generated module of compiled `@pattern`s.
const PATTERNS_FILE: &str = "src/validation_patterns.rs";

/// Whether the crate checks any `@pattern` (an invalid pattern counts: rendering reports it).
pub(crate) fn plan_has_patterns(plan: &Plan) -> bool {
    validate::engines(plan).map_or(true, |(linear, ecma)| linear || ecma)
}

/// Whether the crate gets the `client` feature: the protocol has wire code to drive and the
/// service has an endpoint rule set (the client resolves endpoints with the generated resolver).
pub fn client_enabled(plan: &Plan) -> bool {
    plan.endpoint.is_some() && !protocol::for_plan(plan).dependencies().is_empty()
}

/// A Rust file before formatting, or a finished text file.
pub enum Output {
    /// Rust tokens, to be formatted.
    Rust(TokenStream),
    /// Final text.
    Text(String),
}

/// One unit of rendering work; jobs are independent so they can run on several threads.
pub enum Job<'p> {
    /// A file whose text is ready (runtime sources).
    Static(&'static str, &'static str),
    /// `Cargo.toml`.
    CargoToml,
    /// `README.md`.
    Readme,
    /// A module file: `src/lib.rs`, `src/types.rs`, ...
    Module(&'static str),
    /// The file of one named type.
    Type(&'p TypePlan),
    /// The file of one operation.
    Operation(&'p OperationPlan),
    /// A module file of `src/serde_impls/` (feature `serde`).
    SerdeModule(&'static str),
    /// The serde impls of one named type.
    SerdeType(&'p TypePlan),
    /// The serde impls of one operation's input and output.
    SerdeOperation(&'p OperationPlan),
}

/// Every file of the crate, as jobs.
pub fn jobs<'p>(plan: &'p Plan) -> Vec<Job<'p>> {
    let mut jobs = vec![Job::CargoToml, Job::Readme];
    jobs.extend(RUNTIME.iter().map(|(p, t)| Job::Static(p, t)));
    jobs.extend(protocol::for_plan(plan).runtime().iter().map(|(p, t)| Job::Static(p, t)));
    for m in ["src/lib.rs", "src/types.rs", "src/types/error.rs", "src/operation.rs", "src/error_meta.rs"] {
        jobs.push(Job::Module(m));
    }
    jobs.push(Job::Static("src/validation.rs", VALIDATION_RUNTIME));
    if plan_has_patterns(plan) {
        jobs.push(Job::Module(PATTERNS_FILE));
    }
    jobs.extend(["src/primitives.rs", "src/error.rs"].map(Job::Module));
    if client_enabled(plan) {
        jobs.extend(["src/client.rs", "src/config/client.rs"].map(Job::Module));
    }
    jobs.extend(plan.types.values().map(Job::Type));
    jobs.extend(plan.operations.iter().map(Job::Operation));
    jobs.push(Job::Static(serde::RUNTIME.0, serde::RUNTIME.1));
    jobs.extend(serde::MODULE_FILES.iter().map(|p| Job::SerdeModule(p)));
    jobs.extend(plan.types.values().map(Job::SerdeType));
    jobs.extend(plan.operations.iter().map(Job::SerdeOperation));
    jobs
}

/// Renders one job: its path relative to the crate root, and its content.
pub fn render_job(plan: &Plan, manifest: &ManifestOptions, job: &Job) -> Result<(String, Output)> {
    let plain = || Ctx::new(plan, &[]);
    let client = client_enabled(plan);
    Ok(match job {
        Job::Static(path, text) => ((*path).to_owned(), Output::Text((*text).to_owned())),
        Job::CargoToml => ("Cargo.toml".to_owned(), Output::Text(manifest::cargo_toml(plan, manifest)?)),
        Job::Readme => ("README.md".to_owned(), Output::Text(manifest::readme(plan, manifest)?)),
        Job::Module(path) => {
            let tokens = match *path {
                "src/lib.rs" => modules::lib_rs(&plain(), client),
                "src/primitives.rs" => runtime_switch::primitives_rs(client),
                "src/error.rs" => runtime_switch::error_rs(client),
                "src/client.rs" => client::client_rs(&plain()),
                "src/config/client.rs" => client::config_rs(&plain()),
                "src/types.rs" => modules::types_rs(&plain()),
                "src/types/error.rs" => modules::types_error_rs(&plain()),
                "src/operation.rs" => modules::operation_rs(&plain()),
                PATTERNS_FILE => validate::patterns_module(plan)?,
                _ => error_meta::render(&plain()),
            };
            ((*path).to_owned(), Output::Rust(tokens))
        }
        Job::Type(t) => (type_file(t), Output::Rust(render_type(plan, t))),
        Job::Operation(op) => {
            let ctx = Ctx::new(plan, &operation::defined_names(op));
            let (fluent, paginator) = match client {
                true => (client::builders_items(&ctx, op), client::operation_items(&ctx, op)),
                false => Default::default(),
            };
            let items = operation::render(&ctx, op, fluent);
            let wire = protocol::for_plan(plan).operation_items(&ctx, op);
            let checks = validate::input_items(&ctx, op);
            (format!("src/operation/{}.rs", op.module), Output::Rust(quote::quote!(#items #paginator #wire #checks)))
        }
        Job::SerdeModule(path) => ((*path).to_owned(), Output::Rust(serde::module_file(plan, path))),
        Job::SerdeType(t) => (serde::type_file(t), Output::Rust(serde::type_items(&plain(), t))),
        Job::SerdeOperation(op) => (serde::operation_file(op), Output::Rust(serde::operation_items(&plain(), op))),
    })
}

/// The endpoint resolver's files (`src/config.rs`, `src/config/endpoint*`), when the service has
/// a rule set; rendered apart from the jobs because one rule set gives several files.
pub fn endpoint_files(plan: &Plan) -> Result<Vec<(String, Output)>> {
    let Some(ep) = &plan.endpoint else { return Ok(Vec::new()) };
    let mut out = vec![("src/config.rs".to_owned(), Output::Rust(modules::config_rs(client_enabled(plan))))];
    for (path, tokens) in endpoint::files(ep, "src/config/endpoint").map_err(|e| crate::error::Error::shape(plan.service.id.to_string(), format!("endpoint rule set: {}", e.message)))? {
        out.push((path, Output::Rust(tokens)));
    }
    Ok(out)
}

fn type_file(t: &TypePlan) -> String {
    match t.kind {
        TypeKind::Error => format!("src/types/error/{}.rs", t.module),
        _ => format!("src/types/{}.rs", t.module),
    }
}

/// The file body of one named type.
fn render_type(plan: &Plan, t: &TypePlan) -> TokenStream {
    let builder = format!("{}Builder", t.name);
    let ctx = Ctx::new(plan, &[t.name.as_str(), builder.as_str()]);
    let wire = protocol::for_plan(plan).type_items(&ctx, t);
    let items = match t.kind {
        TypeKind::Structure => {
            let shape = plan.model.expect(&t.id);
            let spec = structure::StructSpec {
                shape,
                name: &t.name,
                path: t.path(),
                builder_path: t.builder_path(),
                fields: plan.fields(shape, false),
                role: structure::StructRole::Plain,
                fallback_doc: format!("The `{}` structure.", t.id.name()),
                builder_sees_type: true,
            };
            let item = structure::render_struct(&ctx, &spec);
            let b = structure::render_builder(&ctx, &spec);
            quote::quote!(#item #b)
        }
        TypeKind::Error => error_shape::render(&ctx, t),
        TypeKind::Union => union::render(&ctx, t),
        TypeKind::Enum => enum_shape::render(&ctx, t),
    };
    let checks = validate::type_items(&ctx, t);
    quote::quote!(#items #wire #checks)
}
