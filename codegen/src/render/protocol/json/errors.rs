//! The error side of JSON protocol responses: the dispatcher from an error code to the
//! operation's error, and `from_response` on error structures.

use proc_macro2::TokenStream;
use quote::quote;

use super::shapes::local;
use crate::model::traits::ids;
use crate::plan::{FieldPlan, OperationPlan, TypePlan};
use crate::render::ctx::{ident, path, Ctx};

/// Renders the statements that read one `@httpHeader` member of an error into its local.
pub type HeaderAssign = fn(&Ctx, &FieldPlan) -> TokenStream;

/// `parse_error`: maps an error response to the operation's error by its code. With
/// `query_compatible` (`@awsQueryCompatible`), the `x-amzn-query-error` code replaces the code
/// in the metadata, and an error is also recognised by its `@awsQueryError` code.
pub fn error_dispatch(ctx: &Ctx, op: &OperationPlan, query_compatible: bool) -> TokenStream {
    let error = ident(&op.error_name);
    let arms: Vec<TokenStream> = op.errors.iter().filter_map(|id| ctx.plan.type_of(id)).map(|t| {
        let code = t.id.name();
        let query_code = query_compatible
            .then(|| ctx.plan.model.expect(&t.id).traits.get(ids::AWS_QUERY_ERROR).and_then(|q| q.get("code")).and_then(|c| c.as_str()))
            .flatten()
            .filter(|q| *q != code)
            .map(|q| quote!(| #q));
        let v = ident(&t.name);
        let p = path(&t.path());
        quote! {
            ::std::option::Option::Some(#code #query_code) => {
                crate::wire::modeled(#p::from_response(headers, body, meta.clone()), meta, status, #error::#v, #error::Unhandled)
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
    let query = query_compatible.then(|| quote!(let meta = crate::wire::query_compatible(meta, headers);));
    quote! {
        /// Maps an error response to the operation's error: by code (the `X-Amzn-Errortype`
        /// header, else `code` or `__type` in the body), matched on the error shape's name.
        #[inline]
        fn parse_error(status: u16, headers: &http::HeaderMap, body: &[u8]) -> #error {
            let meta = match crate::wire::error_metadata(status, headers, body) {
                ::std::result::Result::Ok(meta) => meta,
                ::std::result::Result::Err(unhandled) => return #error::Unhandled(unhandled),
            };
            #query
            #dispatch
        }
    }
}

/// `impl Error { pub(crate) fn from_response(..) }` for an error structure.
///
/// The body is read with the structure's `JsonDe`; `header_assign` (restJson1's) reads its
/// `@httpHeader` members, which awsJson ignores.
pub fn error_constructor(ctx: &Ctx, t: &TypePlan, header_assign: Option<HeaderAssign>) -> TokenStream {
    // Errors that only travel inside event streams are never read from a response.
    if !ctx.plan.operations.iter().any(|op| op.errors.contains(&t.id)) {
        return TokenStream::new();
    }
    let shape = ctx.plan.model.expect(&t.id);
    let fields = ctx.plan.fields(shape, false);
    let name = ident(&t.name);
    let header_fields: Vec<(&FieldPlan, HeaderAssign)> = match header_assign {
        Some(assign) => fields.iter().filter(|f| f.member.traits.http_header().is_some()).map(|f| (f, assign)).collect(),
        None => Vec::new(),
    };
    let header_stmts = header_fields.iter().map(|(f, header_assign)| {
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
            ) -> ::std::result::Result<Self, crate::wire::ResponseError> {
                let parsed = crate::json_values::de_body::<Self>(body)?;
                let mut error = match parsed {
                    ::std::option::Option::Some(e) => e,
                    ::std::option::Option::None => crate::json_values::de_body::<Self>(b"{}")?
                        .ok_or_else(|| crate::wire::ResponseError("empty error body".to_owned()))?,
                };
                #(#header_stmts)*
                #message_fallback
                error.meta = meta;
                ::std::result::Result::Ok(error)
            }
        }
    }
}

