//! What both JSON protocols (restJson1, awsJson1_0/1_1) share on the wire outside the JSON
//! values: host prefixes, header values, request IDs, and reading error responses (code,
//! message, sanitising; the `x-amzn-query-error` code of `@awsQueryCompatible` services).

// Generated code uses only the helpers its model needs.
#![allow(dead_code)]

use std::borrow::Cow;

use crate::error::{BuildError, ErrorMetadata, Unhandled};
use crate::json::{JsonError, JsonTokens};

/// Appends a `@hostLabel` value to a host prefix: it must be a valid host label (1 to 63
/// letters, digits and hyphens, not starting with a hyphen).
pub(crate) fn push_host_label(
    out: &mut String,
    field: &'static str,
    value: Option<&str>,
) -> Result<(), BuildError> {
    match value {
        Some(v) if !v.is_empty() && v.len() <= 63 && !v.starts_with('-') && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') => {
            out.push_str(v);
            Ok(())
        }
        Some(v) if !v.is_empty() => Err(BuildError::invalid_field(field, "not a valid host label")),
        _ => Err(BuildError::missing_field(field, "cannot be empty or unset")),
    }
}

/// One header value; an invalid value (a newline, say) is a build error naming the field.
pub(crate) fn header_value(
    field: &'static str,
    value: &str,
) -> Result<http::HeaderValue, BuildError> {
    http::HeaderValue::from_str(value)
        .map_err(|_| BuildError::invalid_field(field, "not a valid HTTP header value"))
}

/// A response that could not be parsed.
#[derive(Debug)]
pub(crate) struct ResponseError(pub(crate) String);

impl std::fmt::Display for ResponseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ResponseError {}

impl From<JsonError> for ResponseError {
    fn from(e: JsonError) -> Self {
        ResponseError(format!("malformed JSON in the response body: {e}"))
    }
}

/// The request ID the service sent, if any.
pub(crate) fn request_id(headers: &http::HeaderMap) -> Option<String> {
    ["x-amzn-requestid", "x-amz-request-id"]
        .iter()
        .find_map(|h| {
            headers
                .get(*h)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        })
}

/// Cuts an error code to the shape name: `ns#Name:http://...` becomes `Name`.
pub(crate) fn sanitize_error_code(code: &str) -> &str {
    let code = code.split(':').next().unwrap_or(code);
    match code.split_once('#') {
        Some((_, name)) => name,
        None => code,
    }
}

/// Error metadata from an error response: the code from `X-Amzn-Errortype`, else the body's
/// `code`, else `__type`; the message from `message`, `Message` or `errorMessage`.
///
/// A body that is not JSON gives an unhandled error that still carries the header's code.
// Only error responses come here; boxing the error would not save anything worth the noise.
#[allow(clippy::result_large_err)]
pub(crate) fn error_metadata(status: u16, headers: &http::HeaderMap, body: &[u8]) -> Result<ErrorMetadata, Unhandled> {
    let (meta, parsed) = scan_error_metadata(headers, body);
    if parsed {
        Ok(meta)
    } else {
        let e = ResponseError("the error response body is not valid JSON".to_owned());
        Err(Unhandled::with_source(meta, e).with_status(status))
    }
}

/// For `@awsQueryCompatible` services: the code and type of the `x-amzn-query-error` header
/// (`Code;Type`), when present, replace the code and are kept as the extra `type` (the code
/// awsQuery clients knew, e.g. `AWS.SimpleQueueService.NonExistentQueue`).
pub(crate) fn query_compatible(meta: ErrorMetadata, headers: &http::HeaderMap) -> ErrorMetadata {
    let Some((code, kind)) = headers
        .get("x-amzn-query-error")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(';'))
    else {
        return meta;
    };
    let (code, kind) = (code.trim(), kind.trim());
    if code.is_empty() {
        return meta;
    }
    meta.into_builder().code(code).custom("type", kind).build()
}

/// A modeled error, or an unhandled one when its body could not be read.
pub(crate) fn modeled<T, E>(
    parsed: Result<T, ResponseError>,
    meta: ErrorMetadata,
    status: u16,
    wrap: fn(T) -> E,
    unhandled: fn(Unhandled) -> E,
) -> E {
    match parsed {
        Ok(e) => wrap(e),
        Err(e) => unhandled(Unhandled::with_source(meta, e).with_status(status)),
    }
}

/// A successful response whose content could not be read.
pub(crate) fn unreadable(status: u16, headers: &http::HeaderMap, e: ResponseError) -> Unhandled {
    let mut meta = ErrorMetadata::builder();
    if let Some(id) = request_id(headers) {
        meta = meta.custom("aws_request_id", id);
    }
    Unhandled::with_source(meta.build(), e).with_status(status)
}

fn scan_error_metadata(headers: &http::HeaderMap, body: &[u8]) -> (ErrorMetadata, bool) {
    let mut code: Option<String> = headers
        .get("x-amzn-errortype")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let mut message: Option<String> = None;
    let parsed = scan_error_body(body, &mut code, &mut message).is_ok();
    let mut builder = ErrorMetadata::builder();
    if let Some(c) = code {
        builder = builder.code(sanitize_error_code(&c));
    }
    if let Some(m) = message {
        builder = builder.message(m);
    }
    if let Some(id) = request_id(headers) {
        builder = builder.custom("aws_request_id", id);
    }
    (builder.build(), parsed)
}

fn scan_error_body(
    body: &[u8],
    code: &mut Option<String>,
    message: &mut Option<String>,
) -> Result<(), JsonError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(());
    }
    let mut t = JsonTokens::new(body);
    t.expect_start_object()?;
    let (mut body_code, mut type_code) = (None, None);
    while let Some(key) = t.next_key()? {
        match key.as_ref() {
            "code" | "Code" => {
                body_code = t
                    .expect_string_or_null()
                    .ok()
                    .flatten()
                    .map(Cow::into_owned)
            }
            "__type" => {
                type_code = t
                    .expect_string_or_null()
                    .ok()
                    .flatten()
                    .map(Cow::into_owned)
            }
            "message" | "Message" | "errorMessage" => {
                let m = t
                    .expect_string_or_null()
                    .ok()
                    .flatten()
                    .map(Cow::into_owned);
                if message.is_none() {
                    *message = m;
                }
            }
            _ => t.skip_value()?,
        }
    }
    t.finish()?;
    if code.is_none() {
        *code = body_code.or(type_code);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_are_sanitized() {
        assert_eq!(
            sanitize_error_code("aws.protocoltests.restjson#FooError:http://internal.amazon.com/"),
            "FooError"
        );
        assert_eq!(sanitize_error_code("FooError"), "FooError");
        assert_eq!(sanitize_error_code("FooError:http://x"), "FooError");
    }

    #[test]
    fn error_metadata_prefers_header_then_code_then_type() {
        let mut headers = http::HeaderMap::new();
        let (meta, ok) = scan_error_metadata(&headers, br#"{"__type":"ns#A","code":"B","message":"m"}"#);
        assert!(ok);
        assert_eq!(meta.code(), Some("B"));
        assert_eq!(meta.message(), Some("m"));
        headers.insert(
            "x-amzn-errortype",
            http::HeaderValue::from_static("C:http://x"),
        );
        let (meta, ok) = scan_error_metadata(&headers, b"<html>not json");
        assert!(!ok);
        assert_eq!(meta.code(), Some("C"));
    }

    #[test]
    fn query_error_header_replaces_the_code() {
        let mut headers = http::HeaderMap::new();
        let meta = ErrorMetadata::builder().code("CustomCodeError").build();
        assert_eq!(query_compatible(meta.clone(), &headers).code(), Some("CustomCodeError"));
        headers.insert("x-amzn-query-error", http::HeaderValue::from_static("Customized;Sender"));
        let meta = query_compatible(meta, &headers);
        assert_eq!(meta.code(), Some("Customized"));
        assert_eq!(meta.extra("type"), Some("Sender"));
    }
}
