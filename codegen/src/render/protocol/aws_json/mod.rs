//! awsJson1_0 and awsJson1_1 (spec: `aws-json-1_0-protocol.rst`, `aws-json-1_1-protocol.rst`):
//! every operation is `POST /` with an `X-Amz-Target: Service.Operation` header and the whole
//! input as a JSON object; responses are JSON objects; HTTP binding traits are ignored. The two
//! versions differ only in their `Content-Type`.
//!
//! `request` renders the request builders, `response` the output parsers; the per-type JSON
//! impls, the error side, the host prefix and compression are shared with restJson1 in
//! `super::json`.

mod request;
mod response;

use proc_macro2::TokenStream;
use quote::quote;

use super::json::{self, JsonRules};
use super::Protocol;
use crate::model::Member;
use crate::plan::{OperationPlan, TypeKind, TypePlan};
use crate::render::ctx::Ctx;

/// awsJson1_0 or awsJson1_1.
pub struct AwsJson {
    /// The `Content-Type` of requests.
    content_type: &'static str,
}

/// The awsJson1_0 protocol.
pub const AWS_JSON_1_0: AwsJson = AwsJson { content_type: "application/x-amz-json-1.0" };

/// The awsJson1_1 protocol.
pub const AWS_JSON_1_1: AwsJson = AwsJson { content_type: "application/x-amz-json-1.1" };

/// Runtime files copied into crates that speak awsJson.
const RUNTIME: &[(&str, &str)] = &[
    ("src/json.rs", include_str!("../../../../runtime/json.rs")),
    ("src/json_values.rs", include_str!("../../../../runtime/json_values.rs")),
    ("src/wire.rs", include_str!("../../../../runtime/wire.rs")),
    ("src/protocol.rs", include_str!("../../../../runtime/protocol.rs")),
    ("src/codec.rs", include_str!("../../../../runtime/codec.rs")),
];

impl Protocol for AwsJson {
    fn type_items(&self, ctx: &Ctx, t: &TypePlan) -> TokenStream {
        let shapes = json::shapes::render(ctx, JsonRules::AWS_JSON, t);
        let errors = (t.kind == TypeKind::Error).then(|| json::errors::error_constructor(ctx, t, None));
        quote!(#shapes #errors)
    }

    fn operation_items(&self, ctx: &Ctx, op: &OperationPlan) -> TokenStream {
        json::operation_impl(ctx, op, request::render(ctx, op, self.content_type), response::render(ctx, op))
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
            mod wire;
            pub use protocol::Operation;
        }
    }

    fn dependencies(&self) -> &'static [&'static str] {
        &["http = \"1\""]
    }

    fn json_key(&self, member: &Member) -> String {
        JsonRules::AWS_JSON.key(member)
    }
}
