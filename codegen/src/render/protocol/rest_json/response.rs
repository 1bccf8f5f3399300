//! Response parsers: `Operation::parse_parts`, the output parser and the error dispatcher of
//! each operation, and `from_response` on error structures.

use proc_macro2::TokenStream;
use quote::quote;

use super::shapes::{field_value, local, parse_object_members};
use super::values::{format_path, timestamp_format};
use crate::model::{Shape, ShapeKind};
use crate::plan::{FieldPlan, OperationPlan, TypePlan};
use crate::render::ctx::{ident, path, Ctx};

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
            parse_output(status, headers, body).map_err(|e| #error::Unhandled(crate::rest_json::unreadable(status, headers, e)))
        }
    };
    let output = output_parser(ctx, op);
    let errors = error_dispatch(ctx, op);
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
    let body = (!body_fields.is_empty()).then(|| {
        let parse = parse_object_members(ctx, &body_fields);
        quote! {
            // An empty body reads as `{}`.
            if !body.iter().all(u8::is_ascii_whitespace) {
                let mut tokens = crate::json::JsonTokens::new(body);
                let t = &mut tokens;
                let result = (|| -> ::std::result::Result<(), crate::json::JsonError> {
                    t.expect_start_object()?;
                    #parse
                    t.finish()
                })();
                result?;
            }
        }
    });
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
        ) -> ::std::result::Result<#output, crate::rest_json::ResponseError> {
            #(#declares)*
            #body
            #(#headers)*
            #(#prefixes)*
            #payload
            ::std::result::Result::Ok(#output {
                #(#assigns)*
                _request_id: crate::rest_json::request_id(headers),
            })
        }
    }
}

fn error_dispatch(ctx: &Ctx, op: &OperationPlan) -> TokenStream {
    let error = ident(&op.error_name);
    let arms: Vec<TokenStream> = op.errors.iter().filter_map(|id| ctx.plan.type_of(id)).map(|t| {
        let code = t.id.name();
        let v = ident(&t.name);
        let p = path(&t.path());
        quote! {
            ::std::option::Option::Some(#code) => {
                crate::rest_json::modeled(#p::from_response(headers, body, meta.clone()), meta, status, #error::#v, #error::Unhandled)
            }
        }
    }).collect();
    let dispatch = if arms.is_empty() {
        quote!(#error::Unhandled(crate::error::Unhandled::new(meta).with_status(status)))
    } else {
        quote! {
            match meta.code() {
                #(#arms)*
                _ => #error::Unhandled(crate::error::Unhandled::new(meta).with_status(status)),
            }
        }
    };
    quote! {
        /// Maps an error response to the operation's error: by code (the `X-Amzn-Errortype`
        /// header, else `code` or `__type` in the body), matched on the error shape's name.
        #[inline]
        fn parse_error(status: u16, headers: &http::HeaderMap, body: &[u8]) -> #error {
            let meta = match crate::rest_json::error_metadata(status, headers, body) {
                ::std::result::Result::Ok(meta) => meta,
                ::std::result::Result::Err(unhandled) => return #error::Unhandled(unhandled),
            };
            #dispatch
        }
    }
}

/// `impl Error { pub(crate) fn from_response(..) }` for an error structure.
pub fn error_constructor(ctx: &Ctx, t: &TypePlan) -> TokenStream {
    // Errors that only travel inside event streams are never read from a response.
    if !ctx.plan.operations.iter().any(|op| op.errors.contains(&t.id)) {
        return TokenStream::new();
    }
    let shape = ctx.plan.model.expect(&t.id);
    let fields = ctx.plan.fields(shape, false);
    let name = ident(&t.name);
    let header_fields: Vec<&FieldPlan> = fields.iter().filter(|f| f.member.traits.http_header().is_some()).collect();
    let header_stmts = header_fields.iter().map(|f| {
        let l = local(f);
        let assign = header_assign(ctx, f);
        let field = ident(&f.field);
        let ty = ctx.ty(&f.ty);
        let value = if f.optional { quote!(::std::option::Option::Some(v)) } else { quote!(v) };
        quote! {
            let mut #l: ::std::option::Option<#ty> = ::std::option::Option::None;
            #assign
            if let ::std::option::Option::Some(v) = #l {
                error.#field = #value;
            }
        }
    });
    let message = fields.iter().find(|f| f.member.name.eq_ignore_ascii_case("message"));
    let message_fallback = match message {
        Some(f) if !f.optional => TokenStream::new(),
        Some(f) => {
            let field = ident(&f.field);
            quote! {
                if error.#field.is_none() {
                    error.#field = meta.message().map(::std::borrow::ToOwned::to_owned);
                }
            }
        }
        None => quote! {
            if error.message.is_none() {
                error.message = meta.message().map(::std::borrow::ToOwned::to_owned);
            }
        },
    };
    let headers_arg = if header_fields.is_empty() { quote!(_headers) } else { quote!(headers) };
    quote! {
        impl #name {
            /// Reads the error from a response whose code named it.
            #[inline]
            pub(crate) fn from_response(
                #headers_arg: &http::HeaderMap,
                body: &[u8],
                meta: crate::error::ErrorMetadata,
            ) -> ::std::result::Result<Self, crate::rest_json::ResponseError> {
                let parsed = crate::rest_json::de_body::<Self>(body)?;
                let mut error = match parsed {
                    ::std::option::Option::Some(e) => e,
                    ::std::option::Option::None => crate::rest_json::de_body::<Self>(b"{}")?
                        .ok_or_else(|| crate::rest_json::ResponseError("empty error body".to_owned()))?,
                };
                #(#header_stmts)*
                #message_fallback
                error.meta = meta;
                ::std::result::Result::Ok(error)
            }
        }
    }
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
        ShapeKind::String => quote!(::std::result::Result::<_, crate::rest_json::ResponseError>::Ok(::std::borrow::ToOwned::to_owned(#s))),
        ShapeKind::Enum(_) => {
            let ty = ctx.ty(&ctx.plan.shape_type(&target.id));
            quote!(::std::result::Result::<_, crate::rest_json::ResponseError>::Ok(<#ty>::from(#s)))
        }
        ShapeKind::Timestamp => {
            let fmt = timestamp_format(member_fmt, target, "http-date").unwrap_or_else(|| format_path("http-date"));
            quote!(crate::rest_json::parse_timestamp_text(#name, #s, #fmt))
        }
        ShapeKind::Blob => quote!(crate::primitives::base64::decode(#s.trim()).map(crate::primitives::Blob::new).map_err(|e| crate::rest_json::ResponseError(::std::format!("header `{}`: {}", #name, e)))),
        _ => {
            let ty = ctx.ty(&ctx.plan.shape_type(&target.id));
            quote!(<#ty as crate::rest_json::FromHttpText>::from_http_text(#name, #s))
        }
    }
}

/// Assigns `Some(value)` to the member's local when its header is present.
fn header_assign(ctx: &Ctx, f: &FieldPlan) -> TokenStream {
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
                    let value = value.to_str().map_err(|_| crate::rest_json::ResponseError(::std::format!("header `{}` is not valid text", name)))?;
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
                #l = ::std::option::Option::Some(::std::string::String::from_utf8(body.to_vec()).map_err(|_| crate::rest_json::ResponseError("the response body is not UTF-8".to_owned()))?);
            }
        },
        ShapeKind::Enum(_) => {
            let ty = ctx.ty(&ctx.plan.shape_type(&f.target.id));
            quote! {
                if !body.is_empty() {
                    let text = ::std::str::from_utf8(body).map_err(|_| crate::rest_json::ResponseError("the response body is not UTF-8".to_owned()))?;
                    #l = ::std::option::Option::Some(<#ty>::from(text));
                }
            }
        }
        _ => {
            let ty = ctx.ty(&f.ty);
            quote!(let #l = crate::rest_json::de_body::<#ty>(body)?;)
        }
    }
}
