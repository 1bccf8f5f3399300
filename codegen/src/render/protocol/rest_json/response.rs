//! Response parsers: `Operation::parse_parts`, the output parser and the error dispatcher of
//! each operation, and `from_response` on error structures.

use proc_macro2::TokenStream;
use quote::quote;

use crate::render::protocol::json::errors;
use crate::render::protocol::json::shapes::{field_value, local, parse_body_object};
use crate::render::protocol::json::values::{format_path, timestamp_format};
use crate::render::protocol::json::JsonRules;
use crate::model::{Shape, ShapeKind};
use crate::plan::{FieldPlan, OperationPlan, TypePlan};
use crate::render::ctx::{ident, Ctx};

/// `parse_parts` (inside the `Operation` impl) and the free functions it calls.
pub fn render(ctx: &Ctx, op: &OperationPlan) -> (TokenStream, TokenStream) {
    let code = ctx.plan.model.expect(&op.id).traits.http().map(|h| h.code).unwrap_or(200);
    let error = ident(&op.error_name);
    let method = quote! {
        #[inline]
        fn parse_parts(status: u16, headers: &http::HeaderMap, body: &[u8]) -> ::std::result::Result<Self::Output, Self::Error> {
            if !(200..300).contains(&status) && status != #code {
                return ::std::result::Result::Err(parse_error(status, headers, body));
            }
            parse_output(status, headers, body).map_err(|e| #error::Unhandled(crate::wire::unreadable(status, headers, e)))
        }
    };
    let output = output_parser(ctx, op);
    let errors = errors::error_dispatch(ctx, op, false);
    (method, quote!(#output #errors))
}

fn output_parser(ctx: &Ctx, op: &OperationPlan) -> TokenStream {
    let shape = ctx.plan.model.expect(&op.output);
    let fields = ctx.plan.fields(shape, false);
    let output = ident(&op.output_name);
    // Members set unconditionally (status code, JSON payload) are declared where they are set.
    let set_once = |f: &FieldPlan| {
        f.member.traits.http_response_code()
            || (f.member.traits.http_payload() && !matches!(f.target.kind, ShapeKind::Blob | ShapeKind::String | ShapeKind::Enum(_)))
    };
    let declares = fields.iter().filter(|f| !set_once(f)).map(|f| {
        let l = local(f);
        let ty = ctx.ty(&f.ty);
        quote!(let mut #l: ::std::option::Option<#ty> = ::std::option::Option::None;)
    });
    let body_fields: Vec<&FieldPlan> = fields.iter().filter(|f| is_body_member(f)).collect();
    let body = parse_body_object(ctx, JsonRules::REST_JSON, &body_fields);
    let headers = fields.iter().filter(|f| f.member.traits.http_header().is_some()).map(|f| header_assign(ctx, f));
    let prefixes = fields.iter().filter(|f| f.member.traits.http_prefix_headers().is_some()).map(|f| prefix_assign(f));

    let payload = fields.iter().find(|f| f.member.traits.http_payload()).map(|f| payload_assign(ctx, f));
    let assigns = fields.iter().map(|f| {
        if f.member.traits.http_response_code() {
            let name = ident(&f.field);
            if f.optional {
                quote!(#name: ::std::option::Option::Some(i32::from(status)),)
            } else {
                quote!(#name: i32::from(status),)
            }
        } else {
            field_value(ctx, f)
        }
    });
    let uses_status = fields.iter().any(|f| f.member.traits.http_response_code());
    let status_arg = if uses_status { quote!(status) } else { quote!(_status) };
    let uses_body = !body_fields.is_empty() || fields.iter().any(|f| f.member.traits.http_payload());
    let body_arg = if uses_body { quote!(body) } else { quote!(_body) };
    quote! {
        #[inline]
        fn parse_output(
            #status_arg: u16,
            headers: &http::HeaderMap,
            #body_arg: &[u8],
        ) -> ::std::result::Result<#output, crate::wire::ResponseError> {
            #(#declares)*
            #body
            #(#headers)*
            #(#prefixes)*
            #payload
            ::std::result::Result::Ok(#output {
                #(#assigns)*
                _request_id: crate::wire::request_id(headers),
            })
        }
    }
}

/// `from_response` of an error structure: its body, then its `@httpHeader` members.
pub fn error_constructor(ctx: &Ctx, t: &TypePlan) -> TokenStream {
    errors::error_constructor(ctx, t, Some(header_assign))
}

/// Whether an output member is read from the JSON body. `@httpLabel`, `@httpQuery` and
/// `@httpQueryParams` mean nothing in a response, so such members are body members there.
fn is_body_member(f: &FieldPlan) -> bool {
    let t = &f.member.traits;
    !(t.http_header().is_some() || t.http_prefix_headers().is_some() || t.http_payload() || t.http_response_code())
}

/// An expression of type `Result<T, ResponseError>` parsing header text `s` for `target`.
fn parse_text(target: &Shape, member_fmt: Option<&str>, name: &str, s: TokenStream, ctx: &Ctx) -> TokenStream {
    match &target.kind {
        ShapeKind::String if target.traits.media_type().is_some() => quote!(crate::rest_json::decode_base64_text(#name, #s)),
        ShapeKind::String => quote!(::std::result::Result::<_, crate::wire::ResponseError>::Ok(::std::borrow::ToOwned::to_owned(#s))),
        ShapeKind::Enum(_) => {
            let ty = ctx.ty(&ctx.plan.shape_type(&target.id));
            quote!(::std::result::Result::<_, crate::wire::ResponseError>::Ok(<#ty>::from(#s)))
        }
        ShapeKind::Timestamp => {
            let fmt = timestamp_format(member_fmt, target, "http-date").unwrap_or_else(|| format_path("http-date"));
            quote!(crate::rest_json::parse_timestamp_text(#name, #s, #fmt))
        }
        ShapeKind::Blob => quote!(crate::primitives::base64::decode(#s.trim()).map(crate::primitives::Blob::new).map_err(|e| crate::wire::ResponseError(::std::format!("header `{}`: {}", #name, e)))),
        _ => {
            let ty = ctx.ty(&ctx.plan.shape_type(&target.id));
            quote!(<#ty as crate::rest_json::FromHttpText>::from_http_text(#name, #s))
        }
    }
}

/// Assigns `Some(value)` to the member's local when its header is present.
pub fn header_assign(ctx: &Ctx, f: &FieldPlan) -> TokenStream {
    let name = f.member.traits.http_header().unwrap_or_default().to_ascii_lowercase();
    let l = local(f);
    match &f.target.kind {
        ShapeKind::List(m) => {
            let elem = ctx.plan.model.expect(&m.target);
            let fmt = m.traits.timestamp_format().or(f.member.traits.timestamp_format());
            if matches!(elem.kind, ShapeKind::Timestamp) {
                let fmt = timestamp_format(fmt, elem, "http-date").unwrap_or_else(|| format_path("http-date"));
                quote! {
                    if let ::std::option::Option::Some(items) = crate::rest_json::header_timestamp_list(headers, #name, #fmt)? {
                        #l = ::std::option::Option::Some(items);
                    }
                }
            } else {
                let parse = parse_text(elem, fmt, &name, quote!(item.as_str()), ctx);
                quote! {
                    if let ::std::option::Option::Some(items) = crate::rest_json::header_list(headers, #name)? {
                        #l = ::std::option::Option::Some(items.iter().map(|item| #parse).collect::<::std::result::Result<_, _>>()?);
                    }
                }
            }
        }
        _ => {
            let parse = parse_text(f.target, f.member.traits.timestamp_format(), &name, quote!(s), ctx);
            quote! {
                if let ::std::option::Option::Some(s) = crate::rest_json::header_one(headers, #name)? {
                    #l = ::std::option::Option::Some(#parse?);
                }
            }
        }
    }
}

fn prefix_assign(f: &FieldPlan) -> TokenStream {
    let prefix = f.member.traits.http_prefix_headers().unwrap_or_default().to_ascii_lowercase();
    let l = local(f);
    quote! {
        {
            let mut map = ::std::collections::HashMap::new();
            for (name, value) in headers {
                if let ::std::option::Option::Some(key) = name.as_str().strip_prefix(#prefix) {
                    let value = value.to_str().map_err(|_| crate::wire::ResponseError(::std::format!("header `{}` is not valid text", name)))?;
                    map.insert(::std::borrow::ToOwned::to_owned(key), ::std::borrow::ToOwned::to_owned(value));
                }
            }
            if !map.is_empty() {
                #l = ::std::option::Option::Some(map);
            }
        }
    }
}

fn payload_assign(ctx: &Ctx, f: &FieldPlan) -> TokenStream {
    let l = local(f);
    match &f.target.kind {
        ShapeKind::Blob => quote! {
            if !body.is_empty() {
                #l = ::std::option::Option::Some(crate::primitives::Blob::new(body.to_vec()));
            }
        },
        ShapeKind::String => quote! {
            if !body.is_empty() {
                #l = ::std::option::Option::Some(::std::string::String::from_utf8(body.to_vec()).map_err(|_| crate::wire::ResponseError("the response body is not UTF-8".to_owned()))?);
            }
        },
        ShapeKind::Enum(_) => {
            let ty = ctx.ty(&ctx.plan.shape_type(&f.target.id));
            quote! {
                if !body.is_empty() {
                    let text = ::std::str::from_utf8(body).map_err(|_| crate::wire::ResponseError("the response body is not UTF-8".to_owned()))?;
                    #l = ::std::option::Option::Some(<#ty>::from(text));
                }
            }
        }
        _ => {
            let ty = ctx.ty(&f.ty);
            quote!(let #l = crate::json_values::de_body::<#ty>(body)?;)
        }
    }
}
