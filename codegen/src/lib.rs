//! A pure-Rust Smithy code generator.
//!
//! It reads a Smithy 2.0 model (JSON AST) and writes a Rust crate with the types of one
//! service. Data flows one way, one module per stage:
//!
//! [`load`] (files to [`model::Model`], validated) → [`plan`] (every Rust name, module,
//! optionality and boxing decision) → [`render`] (`quote!` per shape kind) → [`format`]
//! (`prettyplease`) → [`write`] (write, or check for staleness).
//!
//! [`generate`] runs the whole pipeline in memory.

pub mod compliance;
pub mod docs;
pub mod error;
pub mod format;
pub mod glue;
pub mod idl_writer;
pub mod load;
pub mod model;
pub mod pin;
pub mod plan;
pub mod render;
pub mod write;

use std::collections::BTreeMap;
use std::path::PathBuf;

pub use error::{Error, Result};
pub use plan::PlanOptions;
pub use render::ManifestOptions;

/// Everything [`generate`] needs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Model files or directories.
    pub models: Vec<PathBuf>,
    /// Service choice, crate name, operation allowlist.
    pub plan: PlanOptions,
    /// Manifest and README settings.
    pub manifest: ManifestOptions,
}

/// Loads, plans, renders and formats: the files of the crate, keyed by relative path.
pub fn generate(options: &Options) -> Result<BTreeMap<String, String>> {
    let model = load::load_files(&options.models)?;
    generate_from_model(&model, &options.plan, &options.manifest)
}

/// The pipeline after loading, for callers that already hold a model.
pub fn generate_from_model(
    model: &model::Model,
    plan_options: &PlanOptions,
    manifest: &ManifestOptions,
) -> Result<BTreeMap<String, String>> {
    let plan = plan::Plan::new(model, plan_options).map_err(|e| model.locate(e))?;
    let jobs = render::jobs(&plan, manifest);
    // Rendering and formatting dominate the run time and files are independent, so jobs are
    // spread over the cores (token streams are not `Send`: each thread renders its own).
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(8);
    let results: Vec<Result<Vec<(String, String)>>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let (plan, jobs) = (&plan, &jobs);
                s.spawn(move || {
                    jobs.iter()
                        .skip(t)
                        .step_by(threads)
                        .map(|job| {
                            let (path, out) = render::render_job(plan, manifest, job)?;
                            let text = match out {
                                render::Output::Rust(tokens) => format::rust_file(&path, tokens)?,
                                render::Output::Text(t) => t,
                            };
                            Ok((path, text))
                        })
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err(Error::msg("internal error: a rendering thread panicked"))))
            .collect()
    });
    let mut files = BTreeMap::new();
    for r in results {
        files.extend(r?);
    }
    Ok(files)
}
