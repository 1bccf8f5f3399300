//! awsJson response parsers: `Operation::parse_parts` and the output parser of each operation
//! (every output member is read from the JSON body); errors go through the shared dispatcher.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::traits::ids;
use crate::plan::{FieldPlan, OperationPlan};
use crate::render::ctx::{ident, Ctx};
use crate::render::protocol::json::errors::error_dispatch;
use crate::render::protocol::json::shapes::{field_value, local, parse_body_object};
use crate::render::protocol::json::JsonRules;

/// `parse_parts` (inside the `Operation` impl) and the free functions it calls.
pub fn render(ctx: &Ctx, op: &OperationPlan) -> (TokenStream, TokenStream) {
    let error = ident(&op.error_name);
    let method = quote! {
        #[inline]
        fn parse_parts(status: u16, headers: &http::HeaderMap, body: &[u8]) -> ::std::result::Result<Self::Output, Self::Error> {
            if !(200..300).contains(&status) {
                return ::std::result::Result::Err(parse_error(status, headers, body));
            }
            parse_output(headers, body).map_err(|e| #error::Unhandled(crate::wire::unreadable(status, headers, e)))
        }
    };
    let output = output_parser(ctx, op);
    let query_compatible = ctx.plan.model.expect(&ctx.plan.service.id).traits.has(ids::AWS_QUERY_COMPATIBLE);
    let errors = error_dispatch(ctx, op, query_compatible);
    (method, quote!(#output #errors))
}

fn output_parser(ctx: &Ctx, op: &OperationPlan) -> TokenStream {
    let shape = ctx.plan.model.expect(&op.output);
    let fields = ctx.plan.fields(shape, false);
    let output = ident(&op.output_name);
    let declares = fields.iter().map(|f| {
        let l = local(f);
        let ty = ctx.ty(&f.ty);
        quote!(let mut #l: ::std::option::Option<#ty> = ::std::option::Option::None;)
    });
    let body_fields: Vec<&FieldPlan> = fields.iter().collect();
    let body = parse_body_object(ctx, JsonRules::AWS_JSON, &body_fields);
    let assigns = fields.iter().map(|f| field_value(ctx, f));
    let body_arg = if body_fields.is_empty() { quote!(_body) } else { quote!(body) };
    quote! {
        #[inline]
        fn parse_output(
            headers: &http::HeaderMap,
            #body_arg: &[u8],
        ) -> ::std::result::Result<#output, crate::wire::ResponseError> {
            #(#declares)*
            #body
            ::std::result::Result::Ok(#output {
                #(#assigns)*
                _request_id: crate::wire::request_id(headers),
            })
        }
    }
}
