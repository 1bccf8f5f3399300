//! Checks shared by the rendered protocol-compliance tests (copied into the test crate as
//! `support.rs` by `smithy_codegen::compliance`).
//!
//! Each check follows `http-protocol-compliance-tests.rst` and panics with what differs.

// A suite uses the checks its cases need (awsJson cases never look at the query).
#![allow(dead_code)]

use std::fmt::Debug;

use serde_json::Value;

/// The request's method is `expected`.
pub fn check_method(request: &http::Request<Vec<u8>>, expected: &str) {
    assert_eq!(request.method().as_str(), expected, "method");
}

/// The request's path (no query) is `expected`, compared exactly.
pub fn check_path(request: &http::Request<Vec<u8>>, expected: &str) {
    assert_eq!(request.uri().path(), expected, "URI path");
}

/// The raw query parameters (`k=v`, as sent).
fn query_params(request: &http::Request<Vec<u8>>) -> Vec<&str> {
    request
        .uri()
        .query()
        .map(|q| q.split('&').filter(|p| !p.is_empty()).collect())
        .unwrap_or_default()
}

fn query_key(param: &str) -> &str {
    param.split_once('=').map_or(param, |(k, _)| k)
}

/// `queryParams`: each expected `k=v` is among the request's parameters (extra ones are fine);
/// `forbidQueryParams`: no parameter has one of these names; `requireQueryParams`: a parameter
/// has each of these names.
pub fn check_query(request: &http::Request<Vec<u8>>, expected: &[&str], forbid: &[&str], require: &[&str]) {
    let params = query_params(request);
    for e in expected {
        assert!(params.contains(e), "query parameter `{e}` is missing; the query is {:?}", request.uri().query());
    }
    for f in forbid {
        assert!(
            !params.iter().any(|p| query_key(p) == *f),
            "query parameter `{f}` is forbidden; the query is {:?}",
            request.uri().query()
        );
    }
    for r in require {
        assert!(
            params.iter().any(|p| query_key(p) == *r),
            "query parameter `{r}` is required; the query is {:?}",
            request.uri().query()
        );
    }
}

/// All values of a header joined with `", "`, or `None` when absent.
fn header_text(headers: &http::HeaderMap, name: &str) -> Option<String> {
    let values: Vec<String> =
        headers.get_all(name).iter().map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()).collect();
    (!values.is_empty()).then(|| values.join(", "))
}

/// `headers`: each header's values, joined with `", "`, equal the expected text exactly;
/// `forbidHeaders` are absent; `requireHeaders` are present.
pub fn check_headers(headers: &http::HeaderMap, expected: &[(&str, &str)], forbid: &[&str], require: &[&str]) {
    for (name, value) in expected {
        assert_eq!(header_text(headers, name).as_deref(), Some(*value), "header `{name}`");
    }
    for name in forbid {
        assert_eq!(header_text(headers, name), None, "header `{name}` is forbidden");
    }
    for name in require {
        assert!(headers.contains_key(*name), "header `{name}` is required; headers: {headers:?}");
    }
}

/// The body: `""` means empty; JSON media types are compared as JSON values (key order does not
/// matter, numbers by value); anything else byte for byte.
pub fn check_body(actual: &[u8], expected: &str, media_type: Option<&str>) {
    if expected.is_empty() {
        assert!(actual.is_empty(), "expected an empty body, found {:?}", String::from_utf8_lossy(actual));
        return;
    }
    if media_type.is_some_and(|m| m.contains("json")) {
        let want: Value = serde_json::from_str(expected).expect("the expected body is JSON");
        let got: Value = serde_json::from_slice(actual)
            .unwrap_or_else(|e| panic!("the body is not JSON ({e}): {:?}", String::from_utf8_lossy(actual)));
        assert!(json_eq(&got, &want), "JSON body differs:\n   got: {got}\n  want: {want}");
    } else {
        assert_eq!(String::from_utf8_lossy(actual), expected, "body");
    }
}

/// JSON equality with numbers compared by value (`1` and `1.0` are the same number).
pub fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| json_eq(x, y)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}

/// A header map from name/value pairs (in order, repeated names appended).
pub fn headers(pairs: &[(&str, &str)]) -> http::HeaderMap {
    let mut map = http::HeaderMap::new();
    for (name, value) in pairs {
        let name = http::HeaderName::from_bytes(name.as_bytes()).expect("a valid header name");
        let value = http::HeaderValue::from_str(value).expect("a valid header value");
        map.append(name, value);
    }
    map
}

/// A parsed member equals the expected one; `NaN` equals `NaN` (compared through `Debug`
/// when plain equality fails and the value holds a NaN).
pub fn same<T: PartialEq + Debug>(what: &str, got: &T, want: &T) {
    if got == want {
        return;
    }
    let (g, w) = (format!("{got:?}"), format!("{want:?}"));
    assert!(g.contains("NaN") && g == w, "member `{what}` differs:\n   got: {g}\n  want: {w}");
}
