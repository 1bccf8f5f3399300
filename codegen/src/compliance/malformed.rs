//! Smithy's `httpMalformedRequestTests` that expect a `ValidationException` (the restJson1
//! validation suite) as tests of a generated crate's `validate()`.
//!
//! Each case (one per `testParameters` permutation) becomes a test that builds the operation's
//! input from the request as a service would read it (the JSON body with `@jsonName` keys,
//! base64 blobs and wire timestamps; `@httpHeader` and `@httpQuery` members from the headers
//! and query; unknown keys ignored), runs `validate_with` with closed enums (a service rejects
//! enum values its model does not list), and compares the error's message and field list with
//! the response the case expects, exactly; where only enum values are wrong, it also checks that
//! `validate()` (open enums, the default) accepts the input. The conversion is done by the generator, from the
//! case's text ([`super::values`] in wire mode).
//!
//! Parameters are substituted as Smithy's `CodeWriter` does: `$name:S` is the value as a JSON
//! string, `$name:L` the value itself, `$$` a `$`. This is done for every case, with or without
//! `testParameters` (the ReDoS case writes `$$` without any).
//!
//! Cases that cannot pass are listed, with the reason, in [`SKIP`] (one place); they are
//! rendered with `#[ignore = "reason"]` and count as failed in the `figures` test, which fails
//! when one of them starts passing.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;
use serde_json::{Map, Value};

use super::values::{Builder, Problem, Values};
use crate::error::{Error, Result};
use crate::plan::{naming, OperationPlan, Plan};
use crate::render::ctx::{doc_lines, ident};

/// The test target's directory inside the crate.
pub const TEST_DIR: &str = "tests/validation";

/// Cases that cannot pass, by ID (every permutation), with the reason.
pub const SKIP: &[(&str, &str)] = &[(
    "RestJsonMalformedUniqueItemsStructureMissingKeyList",
    "a @required member of a nested structure is not an `Option` in the generated type (as in aws-sdk-connect), \
     so a value without it cannot be built: the builder reports it (`BuildError`), and `validate()` never sees \
     such a value; a service reports it while parsing the request",
)];

/// One rendered case.
struct Rendered {
    id: String,
    function: String,
    tokens: TokenStream,
    skip: Option<&'static str>,
}

/// What [`render`] wrote: (cases, skipped cases with reasons).
pub struct Summary {
    /// Test functions rendered (one per permutation).
    pub cases: usize,
    /// Skipped cases: (id, reason).
    pub skipped: Vec<(String, String)>,
}

/// Renders the malformed-request validation cases of the plan's service as `tests/validation/`.
pub fn render(plan: &Plan) -> Result<(BTreeMap<String, String>, Summary)> {
    let values = Values::wire(plan);
    let mut by_module: BTreeMap<&str, Vec<TokenStream>> = BTreeMap::new();
    let mut table = Vec::new();
    let mut skipped = Vec::new();
    let mut seen_ids = Vec::new();
    for op in &plan.operations {
        let shape = plan.model.expect(&op.id);
        let Some(tests) = shape.traits.get("smithy.test#httpMalformedRequestTests").and_then(Value::as_array) else { continue };
        for test in tests {
            let id = test.get("id").and_then(Value::as_str).ok_or_else(|| Error::shape(op.id.to_string(), "a malformed-request case has no `id`"))?;
            seen_ids.push(id.to_owned());
            for (n, params) in permutations(test).into_iter().enumerate() {
                let r = render_case(plan, &values, op, test, id, n, &params);
                let module = ident(&op.module);
                let function = ident(&r.function);
                let rid = &r.id;
                let skip = match r.skip {
                    Some(s) => quote!(::std::option::Option::Some(#s)),
                    None => quote!(::std::option::Option::None),
                };
                table.push(quote!(Case { id: #rid, run: #module::#function, skip: #skip },));
                if let Some(s) = r.skip {
                    skipped.push((r.id.clone(), s.to_owned()));
                }
                by_module.entry(op.module.as_str()).or_default().push(r.tokens);
            }
        }
    }
    for (id, _) in SKIP {
        if !seen_ids.iter().any(|s| s == id) {
            return Err(Error::msg(format!("the validation skip list names `{id}`, which is not a malformed-request case of the service")));
        }
    }
    let cases = table.len();
    let mut files = BTreeMap::new();
    let mut mods = Vec::new();
    for (module, tests) in &by_module {
        let m = ident(module);
        mods.push(quote!(mod #m;));
        let doc = format!(" Malformed-request validation cases of the `{module}` operation.");
        let path = format!("{TEST_DIR}/{module}.rs");
        let tokens = quote! {
            #![doc = #doc]
            #(#tests)*
        };
        files.insert(path.clone(), crate::format::rust_file(&path, tokens)?);
    }
    let krate = ident(&plan.service.crate_name.replace('-', "_"));
    let title = format!(" Smithy's malformed-request validation cases of `{}`, as tests of `validate()`.", plan.service.id.name());
    let main = quote! {
        #![doc = #title]
        //!
        //! Rendered by `smithy_codegen::compliance::malformed` (`cargo xtask compliance`). Run with
        //! `-- --nocapture figures` for the pass count.

        #[allow(unused_imports)]
        pub use #krate::{operation, primitives, types, validation};

        #(#mods)*

        /// Validates with closed enums (as a service does) and compares the error's message
        /// and field list (path, message) with the expected ones.
        pub(crate) fn check(result: ::std::result::Result<(), crate::validation::ValidationError>, message: &str, fields: &[(&str, &str)]) {
            let err = match result {
                ::std::result::Result::Ok(()) => panic!("validate() accepted the input; expected: {message}"),
                ::std::result::Result::Err(e) => e,
            };
            assert_eq!(err.to_string(), message, "message");
            let got: ::std::vec::Vec<(&str, &str)> = err.violations().iter().map(|v| (v.path(), v.message())).collect();
            assert_eq!(got, fields, "field list");
        }

        /// The options the cases use: closed enums.
        pub(crate) fn options() -> crate::validation::ValidationOptions {
            crate::validation::ValidationOptions::new().closed_enums(true)
        }

        struct Case {
            id: &'static str,
            run: fn(),
            skip: ::std::option::Option<&'static str>,
        }

        /// Every case (one per parameter permutation), in model order.
        const CASES: &[Case] = &[#(#table)*];

        /// Runs every case and prints `validation cases: passed/total` (skipped cases count as
        /// failed). Fails when a skipped case passes: take it off the skip list.
        #[test]
        fn figures() {
            let me = ::std::thread::current().id();
            let default_hook = ::std::panic::take_hook();
            ::std::panic::set_hook(::std::boxed::Box::new(move |info| {
                if ::std::thread::current().id() != me {
                    default_hook(info);
                }
            }));
            let mut passed = 0;
            let mut failed = ::std::vec::Vec::new();
            let mut stale = ::std::vec::Vec::new();
            for case in CASES {
                let ok = ::std::panic::catch_unwind(case.run).is_ok();
                match (ok, case.skip) {
                    (true, ::std::option::Option::None) => passed += 1,
                    (true, ::std::option::Option::Some(_)) => stale.push(case.id),
                    (false, ::std::option::Option::None) => failed.push(case.id),
                    (false, ::std::option::Option::Some(_)) => {}
                }
            }
            let skipped = CASES.iter().filter(|c| c.skip.is_some()).count();
            println!("validation cases: {passed}/{}", CASES.len());
            println!("skipped (counted as failed): {skipped}; failed: {failed:?}");
            assert!(stale.is_empty(), "skipped cases that pass now (take them off the skip list): {stale:?}");
        }
    };
    files.insert(format!("{TEST_DIR}/main.rs"), crate::format::rust_file("main.rs", main)?);
    Ok((files, Summary { cases, skipped }))
}

/// The parameter sets of a case: one per index of its `testParameters` lists (one empty set
/// when it has none).
fn permutations(test: &Value) -> Vec<BTreeMap<String, String>> {
    let Some(params) = test.get("testParameters").and_then(Value::as_object).filter(|p| !p.is_empty()) else {
        return vec![BTreeMap::new()];
    };
    let n = params.values().filter_map(Value::as_array).map(Vec::len).min().unwrap_or(0);
    (0..n)
        .map(|i| {
            params
                .iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_array()?.get(i)?.as_str()?.to_owned())))
                .collect()
        })
        .collect()
}

/// `CodeWriter` substitution: `$name:S` (JSON string), `$name:L` (as is), `$$` (a `$`).
fn substitute(text: &str, params: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if let Some(r) = after.strip_prefix('$') {
            out.push('$');
            rest = r;
            continue;
        }
        let name_len = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len());
        let name = &after[..name_len];
        let tail = &after[name_len..];
        match (params.get(name), tail.as_bytes().first(), tail.as_bytes().get(1)) {
            (Some(v), Some(b':'), Some(b'S')) => {
                out.push_str(&serde_json::to_string(v).unwrap_or_default());
                rest = &tail[2..];
            }
            (Some(v), Some(b':'), Some(b'L')) => {
                out.push_str(v);
                rest = &tail[2..];
            }
            _ => {
                out.push('$');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn render_case(plan: &Plan, values: &Values, op: &OperationPlan, test: &Value, id: &str, n: usize, params: &BTreeMap<String, String>) -> Rendered {
    let suffix = if test.get("testParameters").and_then(Value::as_object).is_some_and(|p| !p.is_empty()) { format!("_{n}") } else { String::new() };
    let function = format!("{}{suffix}", naming::snake_case(id));
    let skip = SKIP.iter().find(|(s, _)| *s == id).map(|(_, r)| *r);
    let mut doc = format!("`{id}`");
    if !params.is_empty() {
        let shown: Vec<String> = params.iter().map(|(k, v)| format!("`{k}` = `{}`", v.replace('`', "'"))).collect();
        doc.push_str(&format!(" with {}", shown.join(", ")));
    }
    if let Some(d) = test.get("documentation").and_then(Value::as_str) {
        doc.push_str(": ");
        doc.push_str(&substitute(d.trim(), params));
    }
    let docs = doc_lines(&doc);
    let ignore = skip.map(|r| quote!(#[ignore = #r]));
    let body = case_body(plan, values, op, test, params).unwrap_or_else(|problem| {
        let msg = format!("this case is not rendered: {problem}");
        quote!(panic!(#msg);)
    });
    let f = ident(&function);
    let tokens = quote! {
        #docs
        #[test]
        #ignore
        pub(crate) fn #f() {
            #body
        }
    };
    Rendered { id: format!("{id}{suffix}"), function, tokens, skip }
}

fn case_body(plan: &Plan, values: &Values, op: &OperationPlan, test: &Value, params: &BTreeMap<String, String>) -> std::result::Result<TokenStream, Problem> {
    let request = test.get("request").ok_or("the case has no `request`")?;
    let input_shape = plan.model.expect(&op.input);
    let fields = plan.fields(input_shape, true);
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map(|s| substitute(s, params));

    // The members as a service reads them, keyed by their JSON keys.
    let mut members = Map::new();
    if let Some(body) = text(request.get("body")).filter(|b| !b.trim().is_empty()) {
        let parsed: Value = serde_json::from_str(&body).map_err(|e| format!("the body is not JSON ({e}): {body}"))?;
        let obj = parsed.as_object().ok_or("the body is not a JSON object")?;
        for (k, v) in obj {
            let is_body_member = fields.iter().any(|f| f.member.traits.json_name().unwrap_or(&f.member.name) == k && is_body(f));
            if is_body_member {
                members.insert(k.clone(), v.clone());
            }
        }
    }
    let headers: Vec<(String, String)> = request
        .get("headers")
        .and_then(Value::as_object)
        .map(|h| h.iter().filter_map(|(k, v)| Some((k.to_ascii_lowercase(), substitute(v.as_str()?, params)))).collect())
        .unwrap_or_default();
    let query: Vec<(String, String)> = request
        .get("queryParams")
        .and_then(Value::as_array)
        .map(|q| {
            q.iter()
                .filter_map(Value::as_str)
                .map(|p| substitute(p, params))
                .map(|p| match p.split_once('=') {
                    Some((k, v)) => (k.to_owned(), v.to_owned()),
                    // A parameter without a value reads as the empty string.
                    None => (p, String::new()),
                })
                .collect()
        })
        .unwrap_or_default();
    for f in &fields {
        let key = f.member.traits.json_name().unwrap_or(&f.member.name).to_owned();
        let found = if let Some(h) = f.member.traits.http_header() {
            headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(h)).map(|(_, v)| v.clone())
        } else if let Some(q) = f.member.traits.http_query() {
            query.iter().find(|(k, _)| k == q).map(|(_, v)| v.clone())
        } else {
            None
        };
        if let Some(raw) = found {
            let value = match f.target.kind {
                crate::model::ShapeKind::String | crate::model::ShapeKind::Enum(_) => Value::String(raw),
                _ => serde_json::from_str(&raw).map_err(|_| format!("`{raw}` for member `{}` is not supported here", f.member.name))?,
            };
            members.insert(key, value);
        }
    }
    if fields.iter().any(|f| f.member.traits.http_label() || f.member.traits.http_payload()) {
        return Err("label- and payload-bound members are not read from these cases".to_owned());
    }

    let input_path = format!("crate::operation::{}::{}", op.module, op.input_name);
    let input = values.structure(input_shape, &Builder { type_path: &input_path, input: true }, &Value::Object(members), "request")?;

    let response = test.get("response").ok_or("the case has no `response`")?;
    let contents = response
        .get("body")
        .and_then(|b| b.get("assertion"))
        .and_then(|a| a.get("contents"))
        .and_then(Value::as_str)
        .ok_or("the case's response has no body contents to compare")?;
    let contents = substitute(contents, params);
    let expected: Value = serde_json::from_str(&contents).map_err(|e| format!("the expected body is not JSON ({e})"))?;
    let message = expected.get("message").and_then(Value::as_str).ok_or("the expected body has no `message`")?;
    let field_list: Vec<TokenStream> = expected
        .get("fieldList")
        .and_then(Value::as_array)
        .ok_or("the expected body has no `fieldList`")?
        .iter()
        .map(|f| {
            let path = f.get("path").and_then(Value::as_str).unwrap_or_default();
            let m = f.get("message").and_then(Value::as_str).unwrap_or_default();
            quote!((#path, #m))
        })
        .collect();
    // When enum values are all that is wrong, the default (open enums) accepts the input.
    let only_enums = expected
        .get("fieldList")
        .and_then(Value::as_array)
        .is_some_and(|l| l.iter().all(|f| f.get("message").and_then(Value::as_str).is_some_and(|m| m.contains("Member must satisfy enum value set"))));
    let open = only_enums.then(|| quote!(assert_eq!(input.validate(), ::std::result::Result::Ok(()), "enums are open by default");));
    Ok(quote! {
        let input = #input;
        crate::check(input.validate_with(&crate::options()), #message, &[#(#field_list),*]);
        #open
    })
}

/// Whether a member is read from the JSON body.
fn is_body(f: &crate::plan::FieldPlan) -> bool {
    let t = &f.member.traits;
    !(t.http_header().is_some()
        || t.http_query().is_some()
        || t.http_label()
        || t.http_payload()
        || t.http_prefix_headers().is_some()
        || t.http_query_params()
        || t.http_response_code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substitution_follows_code_writer() {
        let params: BTreeMap<String, String> = [("value".to_owned(), "a\"b".to_owned()), ("n".to_owned(), "1".to_owned())].into();
        assert_eq!(substitute("{ \"s\": $value:S, \"n\": $n:L }", &params), "{ \"s\": \"a\\\"b\", \"n\": 1 }");
        assert_eq!(substitute("^[a-m]+$$", &params), "^[a-m]+$");
        assert_eq!(substitute("^[a-m]+$\"", &BTreeMap::new()), "^[a-m]+$\"");
        assert_eq!(substitute("$unknown:L", &params), "$unknown:L");
    }
}
