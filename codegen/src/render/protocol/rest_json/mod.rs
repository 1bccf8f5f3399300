//! restJson1 (spec: `aws-restjson1-protocol.rst`, `http-bindings.rst`): JSON bodies and HTTP
//! bindings. `request` renders the request builders (and the host prefix, which awsJson shares),
//! `response` the response parsers; the per-type JSON impls and the error side are shared with
//! awsJson in `super::json`.

mod request;
mod response;

use proc_macro2::TokenStream;
use quote::quote;

use super::json::{self, JsonRules};
use super::Protocol;
use crate::model::Member;
use crate::plan::{OperationPlan, TypeKind, TypePlan};
use crate::render::ctx::Ctx;

/// The restJson1 protocol.
pub struct RestJson1;

/// Runtime files copied into crates that speak restJson1.
const RUNTIME: &[(&str, &str)] = &[
    ("src/json.rs", include_str!("../../../../runtime/json.rs")),
    ("src/json_values.rs", include_str!("../../../../runtime/json_values.rs")),
    ("src/wire.rs", include_str!("../../../../runtime/wire.rs")),
    ("src/rest_json.rs", include_str!("../../../../runtime/rest_json.rs")),
    ("src/protocol.rs", include_str!("../../../../runtime/protocol.rs")),
    ("src/codec.rs", include_str!("../../../../runtime/codec.rs")),
];

impl Protocol for RestJson1 {
    fn type_items(&self, ctx: &Ctx, t: &TypePlan) -> TokenStream {
        let shapes = json::shapes::render(ctx, JsonRules::REST_JSON, t);
        let errors = (t.kind == TypeKind::Error).then(|| response::error_constructor(ctx, t));
        quote!(#shapes #errors)
    }

    fn operation_items(&self, ctx: &Ctx, op: &OperationPlan) -> TokenStream {
        json::operation_impl(ctx, op, request::render(ctx, op), response::render(ctx, op))
    }

    fn runtime(&self) -> &'static [(&'static str, &'static str)] {
        RUNTIME
    }

    fn lib_items(&self) -> TokenStream {
        quote! {
            mod codec;
            mod json;
            mod json_values;
            pub mod protocol;
            mod rest_json;
            mod wire;
            pub use protocol::Operation;
        }
    }

    fn dependencies(&self) -> &'static [&'static str] {
        &["http = \"1\""]
    }

    fn json_key(&self, member: &Member) -> String {
        JsonRules::REST_JSON.key(member)
    }
}
