//! The endpoint resolver generated from `smithy.rules#endpointRuleSet`, as Rust code: module
//! `config::endpoint` (behind the crate feature `endpoint`) with `Params`, `ParamsBuilder` and
//! `DefaultResolver`.
//!
//! - [`params`]: `Params` and its builder;
//! - [`resolve`] (with [`expr`]): the rules as nested `if`s (`internals.rs`);
//! - [`partitions`]: the partition data as a `static` (only when the rules call `aws.partition`);
//! - [`tests`]: the rule set's `smithy.rules#endpointTests` as unit tests.
//!
//! The library functions the code calls live in the runtime crate `smithy-codegen-endpoints`
//! (`runtime/endpoints/`). The files can be mounted at any module path: they refer to each other
//! with `super::` only.

mod expr;
mod params;
mod partitions;
mod resolve;
mod tests;

use proc_macro2::TokenStream;
use quote::quote;

use crate::error::Result;
use crate::plan::endpoint::EndpointPlan;

/// The cargo feature that turns the resolver on.
pub const FEATURE: &str = "endpoint";

/// The runtime crate's package name.
pub const RUNTIME_PACKAGE: &str = "smithy-codegen-endpoints";

/// The files of the resolver module, relative to `base` (a module path such as
/// `src/config/endpoint`, without `.rs`): `base.rs`, `base/internals.rs`, optionally
/// `base/partitions.rs`, and `base/tests.rs` when there are test cases.
pub fn files(plan: &EndpointPlan, base: &str) -> Result<Vec<(String, TokenStream)>> {
    let internals = resolve::render(&plan.rule_set)?;
    let mut out = Vec::new();
    let uses_partitions = plan.partitions.is_some();
    out.push((format!("{base}.rs"), module(plan, uses_partitions)));
    out.push((format!("{base}/internals.rs"), internals));
    if let Some(data) = &plan.partitions {
        out.push((format!("{base}/partitions.rs"), partitions::render(data)?));
    }
    if !plan.tests.is_empty() {
        out.push((format!("{base}/tests.rs"), tests::render(&plan.rule_set, &plan.tests)?));
    }
    Ok(out)
}

fn module(plan: &EndpointPlan, uses_partitions: bool) -> TokenStream {
    let rt = expr::rt();
    let params = params::render(&plan.rule_set);
    let (resolver_static, call, partitions_mod) = if uses_partitions {
        (
            Some(quote! {
                /// The partitions, with their region patterns compiled once.
                static PARTITION_RESOLVER: ::std::sync::LazyLock<#rt::PartitionResolver> =
                    ::std::sync::LazyLock::new(|| #rt::PartitionResolver::new(partitions::PARTITIONS));
            }),
            quote!(internals::resolve_endpoint(params, &PARTITION_RESOLVER)),
            Some(quote!(mod partitions;)),
        )
    } else {
        (None, quote!(internals::resolve_endpoint(params)), None)
    };
    let tests_mod = (!plan.tests.is_empty()).then(|| quote!(#[cfg(test)] mod tests;));
    quote! {
        //! Endpoint resolution: which URL (and headers and properties, such as the signing
        //! name and region) a request goes to, from the service's endpoint rule set.
        //!
        //! Build [`Params`] (region, FIPS, dual-stack, custom endpoint, ...) and call
        //! [`DefaultResolver::resolve`]. Errors are values: a configuration the rule set rejects
        //! (for example FIPS with a custom endpoint) gives a [`ResolveError`] with the rule
        //! set's message.

        pub use #rt::{Endpoint, InvalidParams, ResolveError, Value};

        #params

        /// The endpoint resolver generated from the service's rule set.
        #[derive(::std::clone::Clone, ::std::fmt::Debug, ::std::default::Default)]
        #[non_exhaustive]
        pub struct DefaultResolver {}

        impl DefaultResolver {
            /// A resolver.
            pub fn new() -> Self {
                DefaultResolver {}
            }

            /// Resolves the endpoint for `params`.
            pub fn resolve(&self, params: &Params) -> ::std::result::Result<Endpoint, ResolveError> {
                #call
            }
        }

        #resolver_static

        mod internals;
        #partitions_mod
        #tests_mod
    }
}
