//! The module files that tie the crate together: `lib.rs`, `types.rs`, `types/error.rs`,
//! `operation.rs`.

use proc_macro2::TokenStream;
use quote::quote;

use super::ctx::{ident, inner_doc_lines, Ctx};
use crate::plan::TypeKind;

/// `src/lib.rs`.
pub fn lib_rs(ctx: &Ctx, client: bool) -> TokenStream {
    let plan = ctx.plan;
    let service = plan.model.expect(&plan.service.id);
    // The title comes from the model: escape it like any other documentation text.
    let title = crate::docs::html_to_markdown(&plan.service.title.replace(['\n', '\r'], " "));
    let mut doc = format!("Types of the {title} API");
    if let Some(v) = &plan.service.version {
        let v = crate::docs::html_to_markdown(&v.replace(['\n', '\r', '`'], " "));
        doc.push_str(&format!(" (version {v})"));
    }
    doc.push_str(", generated from its Smithy model.");
    let docs = inner_doc_lines(&doc);
    let service_doc = service
        .traits
        .documentation()
        .map(crate::docs::html_to_markdown)
        .filter(|d| !d.trim().is_empty())
        .map(|d| inner_doc_lines(&format!("\n{d}")))
        .unwrap_or_default();
    let wire = !super::protocol::for_plan(plan).dependencies().is_empty();
    let mut layout_text = String::from(
        "\n## Layout\n\n\
         - [`types`]: structures, unions and enums; [`types::builders`] has their builders and \
         [`types::error`] the modeled errors.\n\
         - [`operation`]: one module per operation, with its input, output and error types.\n\
         - [`primitives`]: blobs, timestamps, documents and big numbers.\n\
         - [`error`]: build errors and error metadata; [`Error`] gathers every modeled error.",
    );
    if wire {
        layout_text.push_str(
            "\n- [`protocol`]: the [`Operation`] trait, implemented by every operation's struct: it builds \
             the `http::Request` for an input and parses an `http::Response` into the output or error.",
        );
    }
    if plan.endpoint.is_some() {
        layout_text.push_str(
            "\n- `config::endpoint` (cargo feature `endpoint`): the endpoint resolver generated from the \
             service's endpoint rules: `Params` in, URL, headers and properties out.",
        );
    }
    if client {
        layout_text.push_str(
            "\n- `Client` and `config::Config` (cargo feature `client`, which turns on `endpoint`): calls the \
             service, configured from an `aws_types::SdkConfig`: a fluent builder per operation, paginators, \
             SigV4 signing and retries; `primitives` and `error` then hold the smithy runtime's types.",
        );
    }
    layout_text.push_str(
        "\n- `validation` (with the cargo feature `validate`): `validate()` on every operation input and \
         constrained type checks the model's constraints and reports violations as a service would.",
    );
    let layout = inner_doc_lines(&layout_text);
    let inner_docs: Vec<TokenStream> = vec![docs, service_doc, layout];
    let protocol_items = super::protocol::for_plan(plan).lib_items();
    let validation_items = super::validate::lib_items(super::plan_has_patterns(plan));
    let config = plan.endpoint.as_ref().map(|_| {
        let feature = super::endpoint::FEATURE;
        quote! {
            #[cfg(feature = #feature)]
            pub mod config;
        }
    });
    let client_items = if client { super::client::lib_items() } else { TokenStream::new() };
    quote! {
        #(#inner_docs)*
        #![warn(missing_docs)]
        #![forbid(unsafe_code)]
        // The crate itself refers to members the model marks deprecated.
        #![allow(deprecated)]
        // Names come from the model: variants may share a prefix, methods may be called `next`.
        #![allow(clippy::enum_variant_names, clippy::should_implement_trait, clippy::wrong_self_convention)]
        #![allow(clippy::large_enum_variant, clippy::module_inception)]
        // Model defaults are written as given, even when they look like a known constant.
        #![allow(clippy::approx_constant)]

        #config
        pub mod error;
        pub mod operation;
        pub mod primitives;
        pub mod types;
        mod error_meta;

        pub use error_meta::Error;
        #protocol_items
        #validation_items
        // Feature `serde`: the impls and their codecs, not even parsed without the feature.
        #[cfg(feature = "serde")]
        mod serde_impls;
        #[cfg(feature = "serde")]
        mod serde_wire;
        #client_items
    }
}

/// `src/config.rs`: the service's configuration: the endpoint resolver and, with the `client`
/// feature, the client's `Config` (from `config/client.rs`).
pub fn config_rs(client: bool) -> TokenStream {
    let client_items = client.then(|| {
        let feature = super::client::FEATURE;
        quote! {
            #[cfg(feature = #feature)]
            mod client;
            #[cfg(feature = #feature)]
            pub use self::client::*;
        }
    });
    quote! {
        //! Configuration of the service's clients: [`endpoint`] resolves the endpoint a request goes to.
        pub mod endpoint;
        #client_items
    }
}

/// The pieces of a module of types: `mod _x;` lines, `pub use` re-exports, and the re-exports of
/// their builders (only structures and errors have builders).
fn type_module_parts(types: &[&crate::plan::TypePlan]) -> (Vec<TokenStream>, Vec<TokenStream>, Vec<TokenStream>) {
    let mut mods = Vec::new();
    let mut uses = Vec::new();
    let mut builders = Vec::new();
    for t in types {
        let m = ident(&t.module);
        let n = ident(&t.name);
        mods.push(quote!(mod #m;));
        uses.push(quote!(pub use self::#m::#n;));
        if matches!(t.kind, TypeKind::Structure | TypeKind::Error) {
            let b = quote::format_ident!("{}Builder", t.name);
            builders.push(quote!(pub use super::#m::#b;));
        }
    }
    (mods, uses, builders)
}

/// `src/types.rs`: private per-type modules, re-exported.
pub fn types_rs(ctx: &Ctx) -> TokenStream {
    let ts: Vec<_> = ctx.plan.types.values().filter(|t| t.kind != TypeKind::Error).collect();
    let (mods, uses, builders) = type_module_parts(&ts);
    quote! {
        //! Structures, unions and enums of the service.
        #(#uses)*
        /// Builders for the structures in [`types`](crate::types).
        pub mod builders {
            #(#builders)*
        }
        pub mod error;
        #(#mods)*
    }
}

/// `src/types/error.rs`.
pub fn types_error_rs(ctx: &Ctx) -> TokenStream {
    let ts: Vec<_> = ctx.plan.types.values().filter(|t| t.kind == TypeKind::Error).collect();
    let (mods, uses, builders) = type_module_parts(&ts);
    quote! {
        //! The errors the service models.
        #(#uses)*
        /// Builders for the errors in [`types::error`](crate::types::error).
        pub mod builders {
            #(#builders)*
        }
        #(#mods)*
    }
}

/// `src/operation.rs`.
pub fn operation_rs(ctx: &Ctx) -> TokenStream {
    let mods = ctx.plan.operations.iter().map(|op| {
        let m = ident(&op.module);
        let d = format!(" The `{}` operation.", op.name);
        quote!(#[doc = #d] pub mod #m;)
    });
    quote! {
        //! One module per operation, each with the operation's input, output and error types.
        #(#mods)*
    }
}
