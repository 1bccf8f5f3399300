//! awsJson request builders: `POST /`, `Content-Type`, `X-Amz-Target`, and every input member
//! in one JSON object (`{}` when there are none).

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::traits::ids;
use crate::plan::{FieldPlan, OperationPlan};
use crate::render::ctx::Ctx;
use crate::render::protocol::json::request::{body_object, encode_stmts, token_locals};
use crate::render::protocol::json::JsonRules;

/// The `build_request_with` method.
pub fn render(ctx: &Ctx, op: &OperationPlan, content_type: &str) -> TokenStream {
    let model = ctx.plan.model;
    let op_shape = model.expect(&op.id);
    let service = model.expect(&ctx.plan.service.id);
    let fields = ctx.plan.fields(model.expect(&op.input), true);
    // HTTP binding traits mean nothing here: every member is a body member, in model order.
    let body_fields: Vec<&FieldPlan> = fields.iter().collect();
    // No members: the body is `{}` all the same.
    let body = if body_fields.is_empty() {
        quote!(let body = ::std::vec::Vec::from(&b"{}"[..]);)
    } else {
        let object = body_object(ctx, JsonRules::AWS_JSON, &body_fields);
        quote! {
            #object
            let body = text.into_bytes();
        }
    };
    let tokens_used = fields.iter().any(|f| f.member.traits.idempotency_token());
    let token_locals = token_locals(&fields);
    let encode = encode_stmts(op_shape, &fields);
    let target = format!("{}.{}", ctx.plan.service.id.name(), op.id.name());
    // Services that moved from awsQuery tell the server so (it then sends awsQuery error codes).
    let query_mode = service.traits.has(ids::AWS_QUERY_COMPATIBLE).then(|| {
        quote!(headers.insert(http::HeaderName::from_static("x-amzn-query-mode"), http::HeaderValue::from_static("true"));)
    });
    let tokens = if tokens_used { quote!(tokens) } else { quote!(_tokens) };
    let input_arg = if fields.is_empty() { quote!(_input) } else { quote!(input) };
    quote! {
        // Inline: a crate that uses few operations only pays to compile those (and the
        // serializers they reach); the library build itself skips them.
        #[inline]
        fn build_request_with(
            #input_arg: &Self::Input,
            #tokens: &dyn crate::protocol::IdempotencyTokenProvider,
        ) -> ::std::result::Result<http::Request<::std::vec::Vec<u8>>, crate::error::BuildError> {
            #token_locals
            #body
            let mut headers = http::HeaderMap::new();
            headers.insert(http::header::CONTENT_TYPE, http::HeaderValue::from_static(#content_type));
            headers.insert(http::HeaderName::from_static("x-amz-target"), http::HeaderValue::from_static(#target));
            #query_mode
            #encode
            headers.insert(http::header::CONTENT_LENGTH, http::HeaderValue::from(body.len()));
            let mut request = http::Request::new(body);
            *request.method_mut() = http::Method::POST;
            *request.uri_mut() = http::Uri::from_static("/");
            *request.headers_mut() = headers;
            ::std::result::Result::Ok(request)
        }
    }
}
