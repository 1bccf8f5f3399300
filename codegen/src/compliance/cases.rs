//! One test function per case: what a request case checks, what a response case compares.

use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value;

use super::values::{Builder, Problem, Values};
use super::{Case, CaseKind, EVENT_STREAM_REASON, FIXED_TOKEN};
use crate::plan::Plan;
use crate::render::ctx::{doc_lines, ident, path};

/// The `#[test]` function of a case. A case whose params cannot be rendered becomes a test
/// that fails saying why (so it shows up instead of breaking the build).
pub fn render_case(plan: &Plan, values: &Values, c: &Case) -> TokenStream {
    let function = ident(&c.function());
    let mut doc = format!("`{}`", c.id);
    if let Some(d) = c.test.get("documentation").and_then(Value::as_str) {
        doc.push_str(": ");
        doc.push_str(d.trim());
    }
    if let Some(note) = host_note(c) {
        doc.push_str("\n\n");
        doc.push_str(&note);
    }
    let docs = doc_lines(&doc);
    let ignore = c.skip.as_ref().map(|r| quote!(#[ignore = #r]));
    let body = if c.skip.as_deref() == Some(EVENT_STREAM_REASON) {
        Err(EVENT_STREAM_REASON.to_owned())
    } else {
        match c.kind {
            CaseKind::Request => request(plan, values, c),
            CaseKind::Response => response(plan, values, c),
            CaseKind::EventStream => Err(EVENT_STREAM_REASON.to_owned()),
        }
    };
    let body = body.unwrap_or_else(|problem| {
        let msg = format!("this case is not rendered: {problem}");
        quote!(panic!(#msg);)
    });
    quote! {
        #docs
        #[test]
        #ignore
        pub(crate) fn #function() {
            #body
        }
    }
}

/// What a request case with a host can and cannot check, for the test's docs.
fn host_note(c: &Case) -> Option<String> {
    if c.kind != CaseKind::Request {
        return None;
    }
    let host = str_of(c.test, "host")?;
    let uri = str_of(c.test, "uri").unwrap_or_default();
    Some(match split_host(host) {
        (h, Some(base)) => format!(
            "The host `{host}` carries the base path `{base}`, which the HTTP client puts before the operation's \
             path (as it supplies `{h}`): the request's path is checked to be `{uri}` without `{base}`."
        ),
        (_, None) if str_of(c.test, "resolvedHost").is_some() => {
            "The request has no host (the HTTP client supplies it): the resolved host is checked as the \
             operation's `host_prefix` followed by the case's `host`."
                .to_owned()
        }
        (_, None) => return None,
    })
}

/// A `host` split into the host and its base path (`example.com/custom` → `/custom`), if any.
fn split_host(host: &str) -> (&str, Option<&str>) {
    match host.find('/') {
        Some(i) => {
            let base = host[i..].trim_end_matches('/');
            (&host[..i], (!base.is_empty()).then_some(base))
        }
        None => (host, None),
    }
}

fn str_of<'v>(test: &'v Value, key: &str) -> Option<&'v str> {
    test.get(key).and_then(Value::as_str)
}

fn strings(test: &Value, key: &str) -> Vec<String> {
    test.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default()
}

fn header_pairs(test: &Value) -> Vec<TokenStream> {
    test.get("headers")
        .and_then(Value::as_object)
        .map(|h| {
            h.iter()
                .map(|(k, v)| {
                    let v = v.as_str().unwrap_or_default();
                    quote!((#k, #v))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn request(plan: &Plan, values: &Values, c: &Case) -> Result<TokenStream, Problem> {
    let t = c.test;
    let op = c.operation;
    let input_path = format!("crate::operation::{}::{}", op.module, op.input_name);
    let params = t.get("params").cloned().unwrap_or(Value::Null);
    let input = values.structure(plan.model.expect(&op.input), &Builder { type_path: &input_path, input: true }, &params, "params")?;
    let op_path = path(&format!("crate::operation::{}::{}", op.module, op.name));

    let method = str_of(t, "method").ok_or("the case has no `method`")?;
    let uri = str_of(t, "uri").ok_or("the case has no `uri`")?;
    let mut checks = vec![quote!(crate::support::check_method(&request, #method);)];

    // `host` may carry a base path (`example.com/custom`) that the client prepends to every
    // operation's path. The request has no host or base path (the HTTP client adds both), so
    // the check is that the expected URI is that base path followed by the request's path.
    let (host, base_path) = match str_of(t, "host").map(split_host) {
        Some((h, base)) => (Some(h), base),
        None => (None, None),
    };
    match base_path {
        Some(base) => {
            let rest = uri
                .strip_prefix(base)
                .ok_or_else(|| format!("the expected URI `{uri}` does not start with the host's base path `{base}`"))?;
            checks.push(quote!(crate::support::check_path(&request, #rest);));
        }
        None => checks.push(quote!(crate::support::check_path(&request, #uri);)),
    }

    let (query, forbid_q, require_q) = (strings(t, "queryParams"), strings(t, "forbidQueryParams"), strings(t, "requireQueryParams"));
    if !(query.is_empty() && forbid_q.is_empty() && require_q.is_empty()) {
        checks.push(quote!(crate::support::check_query(&request, &[#(#query),*], &[#(#forbid_q),*], &[#(#require_q),*]);));
    }
    let headers = header_pairs(t);
    let (forbid_h, require_h) = (strings(t, "forbidHeaders"), strings(t, "requireHeaders"));
    if !(headers.is_empty() && forbid_h.is_empty() && require_h.is_empty()) {
        checks.push(quote!(crate::support::check_headers(request.headers(), &[#(#headers),*], &[#(#forbid_h),*], &[#(#require_h),*]);));
    }
    if let Some(body) = str_of(t, "body") {
        let media = match str_of(t, "bodyMediaType") {
            Some(m) => quote!(::std::option::Option::Some(#m)),
            None => quote!(::std::option::Option::None),
        };
        checks.push(quote!(crate::support::check_body(request.body(), #body, #media);));
    }
    if let Some(resolved) = str_of(t, "resolvedHost") {
        // The client puts the operation's host prefix (`@endpoint`) before the endpoint's host.
        let host = host.unwrap_or_default();
        checks.push(quote! {
            let prefix = <#op_path as crate::Operation>::host_prefix(&input).expect("the host prefix builds");
            assert_eq!(::std::format!("{prefix}{}", #host), #resolved, "resolved host");
        });
    }
    Ok(quote! {
        let input = #input;
        let request = <#op_path as crate::Operation>::build_request_with(&input, &crate::protocol::FixedToken(::std::string::String::from(#FIXED_TOKEN)))
            .expect("the request builds");
        #(#checks)*
    })
}

/// Checks of an error case's `vendorParams` when they are `aws.protocoltests.config#ErrorCodeParams`
/// (query-compatible services): the error code, and the `type` kept as the metadata's extra.
fn error_code_params(t: &Value) -> Vec<TokenStream> {
    let shape = str_of(t, "vendorParamsShape").unwrap_or_default();
    if shape.rsplit('#').next() != Some("ErrorCodeParams") {
        return Vec::new();
    }
    let Some(params) = t.get("vendorParams") else { return Vec::new() };
    let mut checks = vec![quote!(let meta = crate::error::ProvideErrorMetadata::meta(&got);)];
    if let Some(code) = params.get("code").and_then(Value::as_str) {
        checks.push(quote!(assert_eq!(meta.code(), ::std::option::Option::Some(#code), "error code");));
    }
    if let Some(kind) = params.get("type").and_then(Value::as_str) {
        checks.push(quote!(assert_eq!(meta.extra("type"), ::std::option::Option::Some(#kind), "error type");));
    }
    checks
}

fn response(plan: &Plan, values: &Values, c: &Case) -> Result<TokenStream, Problem> {
    let t = c.test;
    let op = c.operation;
    let op_path = path(&format!("crate::operation::{}::{}", op.module, op.name));
    let code = t.get("code").and_then(Value::as_u64).and_then(|c| u16::try_from(c).ok()).ok_or("the case has no valid `code`")?;
    let headers = header_pairs(t);
    let body = str_of(t, "body").unwrap_or_default();
    let params = t.get("params").cloned().unwrap_or(Value::Null);
    let parse = quote! {
        let headers = crate::support::headers(&[#(#headers),*]);
        let result = <#op_path as crate::Operation>::parse_parts(#code, &headers, #body.as_bytes());
    };
    let compare = |shape: &crate::model::Shape, type_path: &str| -> Result<(TokenStream, Vec<TokenStream>), Problem> {
        let want = values.structure(shape, &Builder { type_path, input: false }, &params, "params")?;
        let mut compares: Vec<TokenStream> = plan
            .fields(shape, false)
            .iter()
            .map(|f| {
                let name = ident(&f.field);
                let label = f.field.trim_start_matches("r#");
                quote!(crate::support::same(#label, &got.#name, &want.#name);)
            })
            .collect();
        let has_message_member = shape.kind.members().iter().any(|m| m.name.eq_ignore_ascii_case("message"));
        let message_param = params.as_object().is_some_and(|o| o.keys().any(|k| k.eq_ignore_ascii_case("message")));
        if c.error.is_some() && !has_message_member && message_param {
            compares.push(quote!(crate::support::same("message", &got.message, &want.message);));
        }
        Ok((want, compares))
    };
    match c.error {
        Some(err) => {
            let shape = plan.model.expect(&err.id);
            let (want, compares) = compare(shape, &err.path())?;
            let error_enum = path(&format!("crate::operation::{}::{}", op.module, op.error_name));
            let variant = ident(&err.name);
            let name = &err.name;
            let vendor = error_code_params(t);
            Ok(quote! {
                #parse
                let want = #want;
                match result {
                    ::std::result::Result::Err(#error_enum::#variant(got)) => {
                        #(#compares)*
                        #(#vendor)*
                        let _ = (&got, &want);
                    }
                    other => panic!("expected the `{}` error, got {:?}", #name, other),
                }
            })
        }
        None => {
            let shape = plan.model.expect(&op.output);
            let output_path = format!("crate::operation::{}::{}", op.module, op.output_name);
            let (want, compares) = compare(shape, &output_path)?;
            Ok(quote! {
                #parse
                let got = match result {
                    ::std::result::Result::Ok(output) => output,
                    ::std::result::Result::Err(e) => panic!("the response does not parse: {e:?}"),
                };
                let want = #want;
                #(#compares)*
                let _ = (&got, &want);
            })
        }
    }
}
