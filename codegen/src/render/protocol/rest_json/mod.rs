//! restJson1 (spec: `aws-restjson1-protocol.rst`, `http-bindings.rst`): JSON bodies and HTTP
//! bindings. `shapes` renders per-type JSON impls, `request` the request builders, `response`
//! the response and error parsers; `values` holds the per-member JSON rules they share.

mod request;
mod response;
mod shapes;
mod values;

use proc_macro2::TokenStream;
use quote::quote;

use super::Protocol;
use crate::plan::{OperationPlan, TypePlan};
use crate::render::ctx::Ctx;

/// The restJson1 protocol.
pub struct RestJson1;

/// Runtime files copied into crates that speak restJson1.
const RUNTIME: &[(&str, &str)] = &[
    ("src/json.rs", include_str!("../../../../runtime/json.rs")),
    ("src/rest_json.rs", include_str!("../../../../runtime/rest_json.rs")),
    ("src/protocol.rs", include_str!("../../../../runtime/protocol.rs")),
    ("src/codec.rs", include_str!("../../../../runtime/codec.rs")),
];

impl Protocol for RestJson1 {
    fn type_items(&self, ctx: &Ctx, t: &TypePlan) -> TokenStream {
        shapes::render(ctx, t)
    }

    fn operation_items(&self, ctx: &Ctx, op: &OperationPlan) -> TokenStream {
        let request = request::render(ctx, op);
        let host_prefix = request::host_prefix(ctx, op);
        let (response, parsers) = response::render(ctx, op);
        let name = crate::render::ctx::ident(&op.name);
        let input = crate::render::ctx::ident(&op.input_name);
        let output = crate::render::ctx::ident(&op.output_name);
        let error = crate::render::ctx::ident(&op.error_name);
        let op_name = op.id.name();
        quote! {
            impl crate::protocol::Operation for #name {
                type Input = #input;
                type Output = #output;
                type Error = #error;
                const NAME: &'static str = #op_name;
                #request
                #host_prefix
                #response
            }
            #parsers
        }
    }

    fn runtime(&self) -> &'static [(&'static str, &'static str)] {
        RUNTIME
    }

    fn lib_items(&self) -> TokenStream {
        quote! {
            mod codec;
            mod json;
            pub mod protocol;
            mod rest_json;
            pub use protocol::Operation;
        }
    }

    fn dependencies(&self) -> &'static [&'static str] {
        &["http = \"1\""]
    }

    fn json_key(&self, member: &crate::model::Member) -> String {
        values::json_key(member)
    }
}
