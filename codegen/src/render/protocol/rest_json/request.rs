//! restJson1 request builders: `Operation::build_request_with` for each operation (method, URI
//! with labels and query, headers, body).

use proc_macro2::TokenStream;
use quote::quote;

use crate::render::protocol::json::request::{body_object, encode_stmts, parse_uri, token_local, token_locals, UriPart};
use crate::render::protocol::json::values::{format_path, timestamp_format};
use crate::render::protocol::json::JsonRules;
use crate::model::{Shape, ShapeKind};
use crate::plan::{FieldPlan, OperationPlan};
use crate::render::ctx::{ident, Ctx};

/// The `build_request_with` method.
pub fn render(ctx: &Ctx, op: &OperationPlan) -> TokenStream {
    let model = ctx.plan.model;
    let op_shape = model.expect(&op.id);
    let http = op_shape.traits.http();
    let (method, uri) = http.as_ref().map(|h| (h.method.clone(), h.uri.clone())).unwrap_or_else(|| ("POST".to_owned(), "/".to_owned()));
    let input_shape = model.expect(&op.input);
    let fields = ctx.plan.fields(input_shape, true);

    // Idempotency tokens left empty are filled before anything reads them.
    let tokens_used = fields.iter().any(|f| f.member.traits.idempotency_token());
    let token_locals = token_locals(&fields);

    let (parts, literal_query) = parse_uri(&uri);
    let path_stmts = parts.iter().map(|p| match p {
        UriPart::Literal(text) if text.chars().count() == 1 => {
            let c = text.chars().next().unwrap_or('/');
            quote!(uri.push(#c);)
        }
        UriPart::Literal(text) => quote!(uri.push_str(#text);),
        UriPart::Label { name, greedy } => match fields.iter().find(|f| f.member.name == *name) {
            Some(f) => label_stmt(ctx, f, *greedy),
            // Validation-free models may name a label no member has: keep the text as written.
            None => {
                let text = format!("{{{name}}}");
                quote!(uri.push_str(#text);)
            }
        },
    });
    let literal_query_stmt = literal_query.as_ref().filter(|q| !q.is_empty()).map(|q| {
        let text = format!("?{q}");
        quote!(uri.push_str(#text);)
    });
    let literal_keys: Vec<String> = literal_query
        .as_deref()
        .unwrap_or("")
        .split('&')
        .filter(|s| !s.is_empty())
        .map(|kv| kv.split('=').next().unwrap_or(kv).to_owned())
        .collect();
    let query_names: Vec<String> = fields.iter().filter_map(|f| f.member.traits.http_query().map(str::to_owned)).collect();
    let mut claimed = literal_keys.clone();
    claimed.extend(query_names.iter().cloned());
    let params_stmts = fields.iter().filter(|f| f.member.traits.http_query_params()).map(|f| query_params_stmt(ctx, f, &claimed));
    let query_stmts = fields.iter().filter(|f| f.member.traits.http_query().is_some()).map(|f| query_stmt(ctx, f));
    let has_query = fields.iter().any(|f| f.member.traits.http_query().is_some() || f.member.traits.http_query_params());
    let query_block = has_query.then(|| {
        quote! {
            let mut query = crate::rest_json::Query::new(&mut uri);
            #(#params_stmts)*
            #(#query_stmts)*
        }
    });

    let header_stmts = fields.iter().filter(|f| f.member.traits.http_header().is_some()).map(|f| header_stmt(ctx, f));
    // Headers bound to their own members win over prefix-header map entries of the same name.
    let bound_headers: Vec<String> = fields.iter().filter_map(|f| f.member.traits.http_header()).map(str::to_ascii_lowercase).collect();
    let prefix_stmts = fields.iter().filter(|f| f.member.traits.http_prefix_headers().is_some()).map(|f| prefix_header_stmt(f, &bound_headers));
    let body = body_stmts(ctx, &fields);
    let encode = encode_stmts(op_shape, &fields);
    let method_expr = match method.as_str() {
        "GET" => quote!(http::Method::GET),
        "PUT" => quote!(http::Method::PUT),
        "POST" => quote!(http::Method::POST),
        "DELETE" => quote!(http::Method::DELETE),
        "PATCH" => quote!(http::Method::PATCH),
        "HEAD" => quote!(http::Method::HEAD),
        "OPTIONS" => quote!(http::Method::OPTIONS),
        other => {
            let bytes = proc_macro2::Literal::byte_string(other.as_bytes());
            quote!(http::Method::from_bytes(#bytes).map_err(crate::error::BuildError::other)?)
        }
    };
    let tokens = if tokens_used { quote!(tokens) } else { quote!(_tokens) };
    let input_arg = if fields.is_empty() { quote!(_input) } else { quote!(input) };
    let capacity = uri.len() + 32;
    quote! {
        // Inline: a crate that uses few operations only pays to compile those (and the
        // serializers they reach); the library build itself skips them.
        #[inline]
        fn build_request_with(
            #input_arg: &Self::Input,
            #tokens: &dyn crate::protocol::IdempotencyTokenProvider,
        ) -> ::std::result::Result<http::Request<::std::vec::Vec<u8>>, crate::error::BuildError> {
            #token_locals
            let mut uri = ::std::string::String::with_capacity(#capacity);
            #(#path_stmts)*
            #literal_query_stmt
            #query_block
            #[allow(unused_mut)]
            let mut headers = http::HeaderMap::new();
            #(#header_stmts)*
            #(#prefix_stmts)*
            #body
            #encode
            if !body.is_empty() {
                headers.insert(http::header::CONTENT_LENGTH, http::HeaderValue::from(body.len()));
            }
            let mut request = http::Request::new(body);
            *request.method_mut() = #method_expr;
            *request.uri_mut() = http::Uri::try_from(uri).map_err(crate::error::BuildError::other)?;
            *request.headers_mut() = headers;
            ::std::result::Result::Ok(request)
        }
    }
}

/// A place expression of type `Option<T>` for an input member (the filled token for token
/// members).
fn member_place(f: &FieldPlan) -> TokenStream {
    if f.member.traits.idempotency_token() {
        let local = token_local(f);
        quote!(#local)
    } else {
        let name = ident(&f.field);
        quote!(input.#name)
    }
}

/// `&Option<T>` for an input member.
fn member_ref(f: &FieldPlan) -> TokenStream {
    let place = member_place(f);
    quote!(&#place)
}

/// The text of a scalar outside the body: either already a `&str`, or an owned value (a
/// `String` or `Cow<str>`) that callers borrow.
struct Text {
    expr: TokenStream,
    borrowed: bool,
    fallible: bool,
}

impl Text {
    /// An expression of type `&str` (or one that coerces to it).
    fn as_str(&self) -> TokenStream {
        let e = &self.expr;
        if self.borrowed {
            e.clone()
        } else {
            quote!(&#e)
        }
    }
}

/// The text of scalar `value` (a `&T`) outside the body. `default_fmt` is the timestamp format
/// of this position.
fn scalar_text(ctx: &Ctx, target: &Shape, member_fmt: Option<&str>, value: TokenStream, field: &str, default_fmt: &str) -> Text {
    let expr = scalar_text_expr(ctx, target, member_fmt, value, field, default_fmt);
    let borrowed = matches!(target.kind, ShapeKind::String | ShapeKind::Enum(_)) && !(target.traits.media_type().is_some() && default_fmt == "http-date");
    let fallible = matches!(target.kind, ShapeKind::Timestamp);
    Text { expr, borrowed, fallible }
}

fn scalar_text_expr(ctx: &Ctx, target: &Shape, member_fmt: Option<&str>, value: TokenStream, field: &str, default_fmt: &str) -> TokenStream {
    match &target.kind {
        ShapeKind::String | ShapeKind::Enum(_) => {
            if target.traits.media_type().is_some() && default_fmt == "http-date" {
                // `@mediaType` strings travel base64-encoded in headers.
                quote!(crate::primitives::base64::encode(#value.as_bytes()))
            } else {
                quote!(#value.as_str())
            }
        }
        ShapeKind::Timestamp => {
            let fmt = timestamp_format(member_fmt, target, default_fmt).unwrap_or_else(|| format_path(default_fmt));
            quote!(crate::rest_json::timestamp_text(#field, #value, #fmt)?)
        }
        ShapeKind::Blob => quote!(crate::primitives::base64::encode(#value.as_ref())),
        _ => {
            let _ = ctx;
            quote!(crate::rest_json::HttpText::http_text(#value))
        }
    }
}

fn label_stmt(ctx: &Ctx, f: &FieldPlan, greedy: bool) -> TokenStream {
    let field = f.field.trim_start_matches("r#").to_owned();
    let value = member_ref(f);
    let text = scalar_text(ctx, f.target, f.member.traits.timestamp_format(), quote!(v), &field, "date-time");
    let expr = &text.expr;
    let compute = if text.fallible {
        quote! {
            let text = match #value {
                ::std::option::Option::Some(v) => ::std::option::Option::Some(#expr),
                ::std::option::Option::None => ::std::option::Option::None,
            };
        }
    } else {
        let place = member_place(f);
        if matches!(f.target.kind, ShapeKind::String) && text.borrowed {
            quote!(let text = #place.as_deref();)
        } else {
            quote!(let text = #place.as_ref().map(|v| #expr);)
        }
    };
    let arg = if text.borrowed { quote!(text) } else { quote!(text.as_deref()) };
    quote! {
        {
            #compute
            crate::rest_json::push_label(&mut uri, #field, #arg, #greedy)?;
        }
    }
}

fn query_stmt(ctx: &Ctx, f: &FieldPlan) -> TokenStream {
    let key = f.member.traits.http_query().unwrap_or_default();
    let field = f.field.trim_start_matches("r#").to_owned();
    let value = member_ref(f);
    let required = f.member.traits.required();
    let missing = required.then(|| {
        quote!(::std::option::Option::None => return ::std::result::Result::Err(crate::error::BuildError::missing_field(#field, "cannot be empty or unset")),)
    });

    let push = match &f.target.kind {
        ShapeKind::List(m) => {
            let elem = ctx.plan.model.expect(&m.target);
            let text = scalar_text(ctx, elem, m.traits.timestamp_format().or(f.member.traits.timestamp_format()), quote!(item), &field, "date-time").as_str();
            quote! {
                for item in v {
                    query.push(#key, #text);
                }
            }
        }
        _ => {
            let text = scalar_text(ctx, f.target, f.member.traits.timestamp_format(), quote!(v), &field, "date-time").as_str();
            // A required plain string may not be empty (enums are checked by their values).
            let empty_check = (required && matches!(f.target.kind, ShapeKind::String)).then(|| {
                quote! {
                    if v.is_empty() {
                        return ::std::result::Result::Err(crate::error::BuildError::missing_field(#field, "cannot be empty or unset"));
                    }
                }
            });
            quote! {
                #empty_check
                query.push(#key, #text);
            }
        }
    };
    match missing {
        Some(missing) => quote! {
            match #value {
                ::std::option::Option::Some(v) => { #push }
                #missing
            }
        },
        None => quote! {
            if let ::std::option::Option::Some(v) = #value {
                #push
            }
        },
    }
}

fn query_params_stmt(ctx: &Ctx, f: &FieldPlan, claimed: &[String]) -> TokenStream {
    let value = member_ref(f);
    let ShapeKind::Map { value: vm, .. } = &f.target.kind else { return TokenStream::new() };
    let vt = ctx.plan.model.expect(&vm.target);
    let push = match &vt.kind {
        ShapeKind::List(_) => quote!(for item in v { query.push(k, item.as_str()); }),
        _ => quote!(query.push(k, v.as_str());),
    };
    quote! {
        if let ::std::option::Option::Some(params) = #value {
            // Sorted for a deterministic URI; keys bound elsewhere take precedence.
            let mut entries: ::std::vec::Vec<_> = params.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            for (k, v) in entries {
                let k: &str = k.as_ref();
                if [#(#claimed),*].contains(&k) {
                    continue;
                }
                #push
            }
        }
    }
}

fn header_stmt(ctx: &Ctx, f: &FieldPlan) -> TokenStream {
    let name = f.member.traits.http_header().unwrap_or_default().to_ascii_lowercase();
    let field = f.field.trim_start_matches("r#").to_owned();
    let value = member_ref(f);
    match &f.target.kind {
        ShapeKind::List(m) => {
            let elem = ctx.plan.model.expect(&m.target);
            let text = scalar_text(ctx, elem, m.traits.timestamp_format().or(f.member.traits.timestamp_format()), quote!(item), &field, "http-date");
            // String items are quoted when they contain list separators; timestamps never are.
            let item = if matches!(elem.kind, ShapeKind::String | ShapeKind::Enum(_)) {
                let t = text.as_str();
                quote!(crate::rest_json::quote_header_item(#t))
            } else {
                text.expr
            };
            quote! {
                if let ::std::option::Option::Some(v) = #value {
                    let joined = v.iter().map(|item| ::std::result::Result::Ok::<_, crate::error::BuildError>(::std::string::ToString::to_string(&#item))).collect::<::std::result::Result<::std::vec::Vec<_>, _>>()?.join(", ");
                    headers.append(crate::rest_json::header_name(#field, #name)?, crate::wire::header_value(#field, &joined)?);
                }
            }
        }
        _ => {
            let text = scalar_text(ctx, f.target, f.member.traits.timestamp_format(), quote!(v), &field, "http-date").as_str();
            quote! {
                if let ::std::option::Option::Some(v) = #value {
                    headers.append(crate::rest_json::header_name(#field, #name)?, crate::wire::header_value(#field, #text)?);
                }
            }
        }
    }
}

fn prefix_header_stmt(f: &FieldPlan, bound: &[String]) -> TokenStream {
    let prefix = f.member.traits.http_prefix_headers().unwrap_or_default().to_owned();
    let field = f.field.trim_start_matches("r#").to_owned();
    let value = member_ref(f);
    let skip_bound = (!bound.is_empty()).then(|| {
        quote! {
            if [#(#bound),*].contains(&name.as_str()) {
                continue;
            }
        }
    });
    quote! {
        if let ::std::option::Option::Some(map) = #value {
            let mut entries: ::std::vec::Vec<_> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            for (k, v) in entries {
                let name = crate::rest_json::header_name(#field, &::std::format!("{}{}", #prefix, k))?;
                #skip_bound
                headers.append(name, crate::wire::header_value(#field, v)?);
            }
        }
    }
}

fn is_body_member(f: &FieldPlan) -> bool {
    let t = &f.member.traits;
    !(t.http_label()
        || t.http_query().is_some()
        || t.http_query_params()
        || t.http_header().is_some()
        || t.http_prefix_headers().is_some()
        || t.http_payload()
        || t.http_response_code())
}

/// `let body: Vec<u8> = ...;` plus the `Content-Type` header when there is a body.
fn body_stmts(ctx: &Ctx, fields: &[FieldPlan]) -> TokenStream {
    let set_content_type = |ct: &str| {
        quote! {
            if !headers.contains_key(http::header::CONTENT_TYPE) {
                headers.insert(http::header::CONTENT_TYPE, http::HeaderValue::from_static(#ct));
            }
        }
    };
    if let Some(f) = fields.iter().find(|f| f.member.traits.http_payload()) {
        let value = member_ref(f);
        let media = f.target.traits.media_type().map(str::to_owned);
        return match &f.target.kind {
            ShapeKind::Blob => {
                let ct = media.unwrap_or_else(|| "application/octet-stream".to_owned());
                let ct = dynamic_content_type(&ct);
                quote! {
                    let body: ::std::vec::Vec<u8> = match #value {
                        ::std::option::Option::Some(v) => {
                            #ct
                            v.as_ref().to_vec()
                        }
                        ::std::option::Option::None => ::std::vec::Vec::new(),
                    };
                }
            }
            ShapeKind::String | ShapeKind::Enum(_) => {
                let ct = dynamic_content_type(&media.unwrap_or_else(|| "text/plain".to_owned()));
                quote! {
                    let body: ::std::vec::Vec<u8> = match #value {
                        ::std::option::Option::Some(v) => {
                            #ct
                            v.as_str().as_bytes().to_vec()
                        }
                        ::std::option::Option::None => ::std::vec::Vec::new(),
                    };
                }
            }
            ShapeKind::Structure(_) => {
                // A structure payload is always a JSON object, `{}` when unset.
                let ct = set_content_type("application/json");
                quote! {
                    let mut text = ::std::string::String::new();
                    match #value {
                        ::std::option::Option::Some(v) => crate::json_values::JsonSer::ser(v, crate::json::JsonValueWriter::new(&mut text)).map_err(crate::json_values::SerError::into_build_error)?,
                        ::std::option::Option::None => text.push_str("{}"),
                    }
                    #ct
                    let body = text.into_bytes();
                }
            }
            _ => {
                // Unions and documents: JSON when set, no body otherwise.
                let ct = set_content_type("application/json");
                quote! {
                    let body: ::std::vec::Vec<u8> = match #value {
                        ::std::option::Option::Some(v) => {
                            let mut text = ::std::string::String::new();
                            crate::json_values::JsonSer::ser(v, crate::json::JsonValueWriter::new(&mut text)).map_err(crate::json_values::SerError::into_build_error)?;
                            #ct
                            text.into_bytes()
                        }
                        ::std::option::Option::None => ::std::vec::Vec::new(),
                    };
                }
            }
        };
    }
    let mut body_fields: Vec<&FieldPlan> = fields.iter().filter(|f| is_body_member(f)).collect();
    if body_fields.is_empty() {
        return quote!(let body: ::std::vec::Vec<u8> = ::std::vec::Vec::new(););
    }
    // Top-level members go out sorted by member name, as smithy-rs writes them.
    body_fields.sort_by(|a, b| a.member.name.cmp(&b.member.name));
    let object = body_object(ctx, JsonRules::REST_JSON, &body_fields);
    let ct = set_content_type("application/json");
    quote! {
        #object
        #ct
        let body = text.into_bytes();
    }
}

/// Sets a `Content-Type` that comes from the model (validated at run time, never a panic).
fn dynamic_content_type(ct: &str) -> TokenStream {
    quote! {
        if !headers.contains_key(http::header::CONTENT_TYPE) {
            headers.insert(http::header::CONTENT_TYPE, crate::wire::header_value("content_type", #ct)?);
        }
    }
}
