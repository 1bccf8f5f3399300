//! The protocol seam: everything wire-specific is rendered behind [`Protocol`], so a new protocol
//! is a new implementation, not a change to the shape renderers. restJson1 (`rest_json`) and
//! awsJson1_0/1_1 (`aws_json`) share their JSON code (`json`).

pub mod aws_json;
pub mod json;
pub mod rest_json;

use proc_macro2::TokenStream;

use super::ctx::Ctx;
use crate::model::traits::ids;
use crate::model::Member;
use crate::plan::{OperationPlan, Plan, TypePlan};

/// What a protocol adds to the generated crate.
pub trait Protocol: Sync {
    /// Items appended to a named type's file (serializers and parsers of the type).
    fn type_items(&self, ctx: &Ctx, t: &TypePlan) -> TokenStream;
    /// Items appended to an operation's file (request builder and response parser).
    fn operation_items(&self, ctx: &Ctx, op: &OperationPlan) -> TokenStream;
    /// Runtime files the protocol needs: (path in the crate, source).
    fn runtime(&self) -> &'static [(&'static str, &'static str)];
    /// Module declarations for `lib.rs`.
    fn lib_items(&self) -> TokenStream;
    /// Cargo dependencies, as `name = "version"` lines.
    fn dependencies(&self) -> &'static [&'static str];
    /// The key of a member in the protocol's JSON documents (the `serde` feature writes the
    /// same keys): the member name, unless the protocol honours `@jsonName` (restJson1 does,
    /// the awsJson protocols do not).
    fn json_key(&self, member: &Member) -> String {
        member.name.clone()
    }
    /// The format of a timestamp in a JSON document when neither the member nor its target
    /// has `@timestampFormat` (`epoch-seconds` for every AWS JSON protocol).
    fn json_default_timestamp_format(&self) -> &'static str {
        "epoch-seconds"
    }
}

/// No protocol: a types-only crate (for services without a supported protocol trait).
pub struct TypesOnly;

impl Protocol for TypesOnly {
    fn type_items(&self, _: &Ctx, _: &TypePlan) -> TokenStream {
        TokenStream::new()
    }
    fn operation_items(&self, _: &Ctx, _: &OperationPlan) -> TokenStream {
        TokenStream::new()
    }
    fn runtime(&self) -> &'static [(&'static str, &'static str)] {
        &[]
    }
    fn lib_items(&self) -> TokenStream {
        TokenStream::new()
    }
    fn dependencies(&self) -> &'static [&'static str] {
        &[]
    }
}

/// The protocol of the plan's service: the first JSON protocol trait it has, in the order
/// restJson1, awsJson1_0, awsJson1_1 (a service with several protocols, such as CloudWatch's
/// awsJson1_0 and awsQuery, speaks the JSON one); none when it has no supported protocol.
pub fn for_plan(plan: &Plan) -> &'static dyn Protocol {
    let service = plan.model.expect(&plan.service.id);
    if service.traits.has(ids::REST_JSON1) {
        &rest_json::RestJson1
    } else if service.traits.has(ids::AWS_JSON1_0) {
        &aws_json::AWS_JSON_1_0
    } else if service.traits.has(ids::AWS_JSON1_1) {
        &aws_json::AWS_JSON_1_1
    } else {
        &TypesOnly
    }
}
