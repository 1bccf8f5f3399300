//! What the JSON protocols (restJson1, awsJson1_0, awsJson1_1) share: the JSON impls of named
//! types (`shapes`), the per-member JSON rules (`values`) and the error side of responses
//! (`errors`). The few rules that differ between them are a [`JsonRules`] value.

pub mod errors;
pub mod request;
pub mod shapes;
pub mod values;

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Member;
use crate::plan::OperationPlan;
use crate::render::ctx::{ident, Ctx};

/// `impl Operation for <Op>` around a protocol's request builder and response parser (the
/// shape both JSON protocols give it), the host prefix, and the parsers' free items.
pub fn operation_impl(ctx: &Ctx, op: &OperationPlan, request: TokenStream, (response, parsers): (TokenStream, TokenStream)) -> TokenStream {
    let host_prefix = request::host_prefix(ctx, op);
    let name = ident(&op.name);
    let input = ident(&op.input_name);
    let output = ident(&op.output_name);
    let error = ident(&op.error_name);
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

/// The JSON rules that differ between the JSON protocols.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonRules {
    /// Whether `@jsonName` renames members (restJson1 honours it, awsJson ignores it).
    pub json_name: bool,
}

impl JsonRules {
    /// restJson1's rules.
    pub const REST_JSON: JsonRules = JsonRules { json_name: true };
    /// awsJson1_0's and awsJson1_1's rules.
    pub const AWS_JSON: JsonRules = JsonRules { json_name: false };

    /// The JSON key of a member.
    pub fn key(self, member: &Member) -> String {
        match member.traits.json_name() {
            Some(name) if self.json_name => name.to_owned(),
            _ => member.name.clone(),
        }
    }
}
