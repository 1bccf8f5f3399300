//! Request pieces both JSON protocols share: the JSON object body, idempotency tokens, the
//! `@endpoint` host prefix, and what `@requestCompression` / `@httpChecksumRequired` do to a body.

use proc_macro2::TokenStream;
use quote::quote;

use super::shapes::ser_field;
use super::values;
use super::JsonRules;
use crate::model::{Shape, ShapeKind};
use crate::plan::{FieldPlan, OperationPlan};
use crate::render::ctx::{ident, Ctx};

/// Where the `@http` URI pattern puts things.
pub enum UriPart {
    /// Text taken as written.
    Literal(String),
    /// `{name}` or, greedy, `{name+}`.
    Label {
        /// The member the label names.
        name: String,
        /// Whether the label takes the rest of the path, `/` included.
        greedy: bool,
    },
}

/// Splits `/a/{B}/c/{D+}?x=y` into path parts and the literal query (`x=y`).
pub fn parse_uri(uri: &str) -> (Vec<UriPart>, Option<String>) {
    let (path, query) = match uri.split_once('?') {
        Some((p, q)) => (p, Some(q.to_owned())),
        None => (uri, None),
    };
    let mut parts = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else { break };
        if start > 0 {
            parts.push(UriPart::Literal(rest[..start].to_owned()));
        }
        let label = &rest[start + 1..start + len];
        let (name, greedy) = match label.strip_suffix('+') {
            Some(n) => (n.to_owned(), true),
            None => (label.to_owned(), false),
        };
        parts.push(UriPart::Label { name, greedy });
        rest = &rest[start + len + 1..];
    }
    if !rest.is_empty() {
        parts.push(UriPart::Literal(rest.to_owned()));
    }
    (parts, query)
}

/// Statements writing the members in `fields` (in the order given) as one JSON object into a
/// new `text: String`; idempotency token members are written from their filled locals
/// ([`token_locals`]).
pub fn body_object(ctx: &Ctx, rules: JsonRules, fields: &[&FieldPlan]) -> TokenStream {
    let writes = fields.iter().map(|f| {
        if f.member.traits.idempotency_token() {
            let local = token_local(f);
            let key = rules.key(f.member);
            let w = values::ser(ctx, quote!(value), f.member.traits.timestamp_format(), f.target, quote!(object.key(#key)));
            quote!(if let ::std::option::Option::Some(value) = &#local { #w })
        } else {
            ser_field(ctx, rules, f, quote!(input), true)
        }
    });
    // An empty object has nothing to add.
    let object = if fields.is_empty() { quote!(object) } else { quote!(mut object) };
    quote! {
        let mut text = ::std::string::String::new();
        let result = (|| -> ::std::result::Result<(), crate::json_values::SerError> {
            let #object = crate::json::JsonValueWriter::new(&mut text).start_object();
            #(#writes)*
            object.finish();
            ::std::result::Result::Ok(())
        })();
        result.map_err(crate::json_values::SerError::into_build_error)?;
    }
}

/// `let token_x = ...;` for each `@idempotencyToken` member: the input's value, else a fresh
/// token from `tokens` (filled before anything reads them).
pub fn token_locals(fields: &[FieldPlan]) -> TokenStream {
    let locals = fields.iter().filter(|f| f.member.traits.idempotency_token()).map(|f| {
        let name = ident(&f.field);
        let local = token_local(f);
        quote! {
            let #local = input.#name.clone().or_else(|| ::std::option::Option::Some(tokens.make_token()));
        }
    });
    quote!(#(#locals)*)
}

/// The local holding an idempotency token member's filled value.
pub fn token_local(f: &FieldPlan) -> proc_macro2::Ident {
    quote::format_ident!("token_{}", f.field.trim_start_matches("r#"))
}

/// `Operation::host_prefix` for an operation with `@endpoint(hostPrefix: ..)`: the literal parts
/// and the `@hostLabel` members it names (each must be a valid host label); nothing otherwise.
pub fn host_prefix(ctx: &Ctx, op: &OperationPlan) -> TokenStream {
    let model = ctx.plan.model;
    let Some(prefix) = model.expect(&op.id).traits.get(crate::model::traits::ids::ENDPOINT).and_then(|e| e.get("hostPrefix")).and_then(|p| p.as_str())
    else {
        return TokenStream::new();
    };
    let fields = ctx.plan.fields(model.expect(&op.input), true);
    let (parts, _) = parse_uri(prefix);
    let mut uses_input = false;
    let stmts: Vec<TokenStream> = parts
        .iter()
        .map(|p| match p {
            UriPart::Literal(text) if text.chars().count() == 1 => {
                let c = text.chars().next().unwrap_or('.');
                quote!(prefix.push(#c);)
            }
            UriPart::Literal(text) => quote!(prefix.push_str(#text);),
            UriPart::Label { name, .. } => match fields.iter().find(|f| f.member.name == *name) {
                Some(f) => {
                    uses_input = true;
                    let field = ident(&f.field);
                    let label = f.field.trim_start_matches("r#").to_owned();
                    quote!(crate::wire::push_host_label(&mut prefix, #label, input.#field.as_deref())?;)
                }
                None => {
                    let text = format!("{{{name}}}");
                    quote!(prefix.push_str(#text);)
                }
            },
        })
        .collect();
    let input_arg = if uses_input { quote!(input) } else { quote!(_input) };
    quote! {
        #[inline]
        fn host_prefix(#input_arg: &Self::Input) -> ::std::result::Result<::std::string::String, crate::error::BuildError> {
            let mut prefix = ::std::string::String::new();
            #(#stmts)*
            ::std::result::Result::Ok(prefix)
        }
    }
}

/// What `@requestCompression` and `@httpChecksumRequired` do to a built body: gzip it (from
/// `codec::MIN_COMPRESSION_SIZE` bytes, or always with a streaming member; the encoding is
/// appended to any `Content-Encoding` the input set), then send its MD5 as `Content-MD5`.
pub fn encode_stmts(op_shape: &Shape, fields: &[FieldPlan]) -> TokenStream {
    let mut out = TokenStream::new();
    let gzip = op_shape
        .traits
        .get("smithy.api#requestCompression")
        .and_then(|t| t.get("encodings"))
        .and_then(|e| e.as_array())
        .is_some_and(|e| e.first().and_then(|v| v.as_str()).is_some_and(|v| v.eq_ignore_ascii_case("gzip")));
    if gzip {
        let streaming = fields.iter().any(|f| f.target.traits.streaming() && !matches!(f.target.kind, ShapeKind::Union(_)));
        let threshold = if streaming { quote!(0) } else { quote!(crate::codec::MIN_COMPRESSION_SIZE) };
        out.extend(quote! {
            let body = if !body.is_empty() && body.len() >= #threshold {
                let encoding = match headers.get(http::header::CONTENT_ENCODING).and_then(|v| v.to_str().ok()) {
                    ::std::option::Option::Some(e) if !e.is_empty() => ::std::format!("{e}, gzip"),
                    _ => ::std::string::String::from("gzip"),
                };
                headers.insert(http::header::CONTENT_ENCODING, crate::wire::header_value("content_encoding", &encoding)?);
                crate::codec::gzip(&body)
            } else {
                body
            };
        });
    }
    if op_shape.traits.has("smithy.api#httpChecksumRequired") {
        out.extend(quote! {
            headers.insert(
                http::HeaderName::from_static("content-md5"),
                crate::wire::header_value("content_md5", &crate::primitives::base64::encode(crate::codec::md5(&body)))?,
            );
        });
    }
    out
}
