//! restJson1's HTTP bindings (spec: `aws-restjson1-protocol.rst` and `http-bindings.rst`):
//! labels, query strings and headers of requests, headers of responses. The JSON values
//! themselves are in `json_values`, what both JSON protocols share on the wire in `wire`.

// Generated serializers use only the helpers their model needs.
#![allow(dead_code)]

use std::borrow::Cow;

use crate::error::BuildError;
use crate::primitives::{BigDecimal, BigInteger, DateTime, DateTimeFormat};
use crate::wire::ResponseError;

// =============================================================================================
// Request: URI, query, headers
// =============================================================================================

/// Percent-encodes `value` into `out`: everything but `A-Za-z0-9-._~` (and `/` for greedy
/// labels) as `%XX` of its UTF-8 bytes, uppercase hex.
pub(crate) fn percent_encode(out: &mut String, value: &str, keep_slash: bool) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in value.bytes() {
        if b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~')
            || (keep_slash && b == b'/')
        {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
}

/// Appends a required path label: a missing or empty value is an error, not a panic.
pub(crate) fn push_label(
    out: &mut String,
    field: &'static str,
    value: Option<&str>,
    greedy: bool,
) -> Result<(), BuildError> {
    match value {
        Some(v) if !v.is_empty() => {
            percent_encode(out, v, greedy);
            Ok(())
        }
        _ => Err(BuildError::missing_field(field, "cannot be empty or unset")),
    }
}


/// Scalar text for labels, query values and headers.
pub(crate) trait HttpText {
    /// The value as restJson1 writes it outside the body.
    fn http_text(&self) -> Cow<'_, str>;
}

impl HttpText for String {
    fn http_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl HttpText for bool {
    fn http_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(if *self { "true" } else { "false" })
    }
}

macro_rules! text_int {
    ($($t:ty),*) => {$(
        impl HttpText for $t {
            fn http_text(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }
        }
    )*};
}
text_int!(i8, i16, i32, i64);

impl HttpText for f64 {
    fn http_text(&self) -> Cow<'_, str> {
        Cow::Owned(float_text(*self))
    }
}

impl HttpText for f32 {
    /// The shortest text that reads back as the same `f32` (`1.1`, not the widened
    /// `1.100000023841858` a JSON body carries).
    fn http_text(&self) -> Cow<'_, str> {
        Cow::Owned(f32_text(*self))
    }
}

impl HttpText for BigInteger {
    fn http_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(AsRef::<str>::as_ref(self))
    }
}

impl HttpText for BigDecimal {
    fn http_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(AsRef::<str>::as_ref(self))
    }
}

/// Floats as in JSON (shortest round trip), with `NaN`, `Infinity`, `-Infinity` spelled out.
fn float_text(v: f64) -> String {
    if v.is_nan() {
        "NaN".to_owned()
    } else if v.is_infinite() {
        if v > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
    } else {
        let mut s = String::new();
        crate::json::write_f64(&mut s, v);
        s
    }
}

/// An `f32` in ryu's `f32` layout (`1.1`, `1e20`, `1.5e-7`): the shortest digits that read back
/// as the same `f32`, from `LowerExp`.
fn f32_text(v: f32) -> String {
    if !v.is_finite() {
        return float_text(f64::from(v));
    }
    if v == 0.0 {
        return if v.is_sign_negative() { "-0.0" } else { "0.0" }.to_owned();
    }
    let exp_form = format!("{:e}", v.abs());
    let (mantissa, exponent) = exp_form.split_once('e').unwrap_or((exp_form.as_str(), "0"));
    let mut digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    // The value is 0.DIGITS × 10^point.
    let point = exponent.parse::<i32>().unwrap_or(0) + 1;
    let length = digits.len() as i32;
    let mut out = String::new();
    if v < 0.0 {
        out.push('-');
    }
    if (length..=13).contains(&point) {
        out.push_str(&digits);
        for _ in length..point {
            out.push('0');
        }
        out.push_str(".0");
    } else if 0 < point && point <= 13 {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    } else if -6 < point && point <= 0 {
        out.push_str("0.");
        for _ in point..0 {
            out.push('0');
        }
        out.push_str(&digits);
    } else {
        out.push_str(&digits[..1]);
        if length > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push_str(&(point - 1).to_string());
    }
    out
}

/// A timestamp as text in the given format (formatting cannot fail for in-range values; an
/// out-of-range value is reported as a build error).
pub(crate) fn timestamp_text(
    field: &'static str,
    value: &DateTime,
    format: DateTimeFormat,
) -> Result<String, BuildError> {
    value
        .fmt(format)
        .map_err(|e| BuildError::invalid_field(field, e.to_string()))
}

/// Builds the query string of a URI.
pub(crate) struct Query<'a> {
    uri: &'a mut String,
    has_query: bool,
}

impl<'a> Query<'a> {
    /// Starts the query after the path (which may already carry literal query parts).
    pub(crate) fn new(uri: &'a mut String) -> Self {
        let has_query = uri.contains('?');
        Query { uri, has_query }
    }

    /// Appends `key=value`, both percent-encoded.
    pub(crate) fn push(&mut self, key: &str, value: &str) {
        self.uri.push(if self.has_query { '&' } else { '?' });
        self.has_query = true;
        percent_encode(self.uri, key, false);
        self.uri.push('=');
        percent_encode(self.uri, value, false);
    }
}


/// A header name built from a prefix and a map key (`@httpPrefixHeaders`).
pub(crate) fn header_name(field: &'static str, name: &str) -> Result<http::HeaderName, BuildError> {
    http::HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
        BuildError::invalid_field(field, format!("`{name}` is not a valid HTTP header name"))
    })
}

/// A string list element in a header: quoted (with `"` and `\` escaped) when it contains a
/// comma, a quote, parentheses or surrounding spaces, so the list can be split back.
pub(crate) fn quote_header_item(value: &str) -> Cow<'_, str> {
    let needs = value.contains([',', '"', '(', ')'])
        || value.starts_with(' ')
        || value.ends_with(' ')
        || value.starts_with('\t')
        || value.ends_with('\t');
    if !needs {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    Cow::Owned(out)
}

// =============================================================================================
// Response: headers, errors
// =============================================================================================


/// The only value of a header, or `None`; several values for a single-valued header are an error.
pub(crate) fn header_one<'h>(
    headers: &'h http::HeaderMap,
    name: &str,
) -> Result<Option<&'h str>, ResponseError> {
    let mut values = headers.get_all(name).iter();
    let Some(first) = values.next() else {
        return Ok(None);
    };
    if values.next().is_some() {
        return Err(ResponseError(format!(
            "expected one value for header `{name}`, found several"
        )));
    }
    first
        .to_str()
        .map(Some)
        .map_err(|_| ResponseError(format!("header `{name}` is not valid text")))
}

/// All values of a list header, split on commas outside quotes, unquoted.
pub(crate) fn header_list(
    headers: &http::HeaderMap,
    name: &str,
) -> Result<Option<Vec<String>>, ResponseError> {
    let mut out = Vec::new();
    let mut any = false;
    for value in headers.get_all(name) {
        any = true;
        let text = value
            .to_str()
            .map_err(|_| ResponseError(format!("header `{name}` is not valid text")))?;
        split_header_list(text, &mut out);
    }
    Ok(any.then_some(out))
}

/// A list header of timestamps: http-dates contain commas, so they are split every second comma.
pub(crate) fn header_timestamp_list(
    headers: &http::HeaderMap,
    name: &str,
    format: DateTimeFormat,
) -> Result<Option<Vec<DateTime>>, ResponseError> {
    let Some(items) = header_list(headers, name)? else {
        return Ok(None);
    };
    let items: Vec<String> = if format == DateTimeFormat::HttpDate {
        items.chunks(2).map(|c| c.join(", ")).collect()
    } else {
        items
    };
    items
        .iter()
        .map(|s| parse_timestamp_text(name, s.trim(), format))
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

fn split_header_list(text: &str, out: &mut Vec<String>) {
    let mut item = String::new();
    let mut quoted = false;
    let mut was_quoted = false;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted => quoted = false,
            '"' if item.trim().is_empty() => {
                item.clear();
                quoted = true;
                was_quoted = true;
            }
            '\\' if quoted => {
                if let Some(next) = chars.next() {
                    item.push(next);
                }
            }
            ',' if !quoted => {
                out.push(if was_quoted {
                    std::mem::take(&mut item)
                } else {
                    item.trim().to_owned()
                });
                item.clear();
                was_quoted = false;
            }
            // Whitespace between a closing quote and the comma is not part of the item.
            c if was_quoted && !quoted && c.is_whitespace() => {}
            c => item.push(c),
        }
    }
    out.push(if was_quoted {
        item
    } else {
        item.trim().to_owned()
    });
}

/// Parses header or label text as a scalar.
pub(crate) trait FromHttpText: Sized {
    /// Parses `text`; `name` is the header, for the error message.
    fn from_http_text(name: &str, text: &str) -> Result<Self, ResponseError>;
}

impl FromHttpText for String {
    fn from_http_text(_: &str, text: &str) -> Result<Self, ResponseError> {
        Ok(text.to_owned())
    }
}

impl FromHttpText for bool {
    fn from_http_text(name: &str, text: &str) -> Result<Self, ResponseError> {
        match text.trim() {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(ResponseError(format!(
                "header `{name}`: expected true or false"
            ))),
        }
    }
}

macro_rules! from_text_num {
    ($($t:ty),*) => {$(
        impl FromHttpText for $t {
            fn from_http_text(name: &str, text: &str) -> Result<Self, ResponseError> {
                let text = text.trim();
                let parsed = match text {
                    "NaN" => Some(<$t>::NAN),
                    "Infinity" => Some(<$t>::INFINITY),
                    "-Infinity" => Some(<$t>::NEG_INFINITY),
                    _ => text.parse().ok(),
                };
                parsed.ok_or_else(|| ResponseError(format!("header `{name}`: `{text}` is not a number")))
            }
        }
    )*};
}
from_text_num!(f32, f64);

macro_rules! from_text_int {
    ($($t:ty),*) => {$(
        impl FromHttpText for $t {
            fn from_http_text(name: &str, text: &str) -> Result<Self, ResponseError> {
                text.trim().parse().map_err(|_| ResponseError(format!("header `{name}`: `{text}` is not a valid integer")))
            }
        }
    )*};
}
from_text_int!(i8, i16, i32, i64);

impl FromHttpText for BigInteger {
    fn from_http_text(name: &str, text: &str) -> Result<Self, ResponseError> {
        text.trim()
            .parse()
            .map_err(|_| ResponseError(format!("header `{name}`: `{text}` is not an integer")))
    }
}

impl FromHttpText for BigDecimal {
    fn from_http_text(name: &str, text: &str) -> Result<Self, ResponseError> {
        text.trim()
            .parse()
            .map_err(|_| ResponseError(format!("header `{name}`: `{text}` is not a number")))
    }
}

/// Parses a timestamp from header text.
pub(crate) fn parse_timestamp_text(
    name: &str,
    text: &str,
    format: DateTimeFormat,
) -> Result<DateTime, ResponseError> {
    let format = if format == DateTimeFormat::DateTime {
        DateTimeFormat::DateTimeWithOffset
    } else {
        format
    };
    DateTime::from_str(text.trim(), format)
        .map_err(|e| ResponseError(format!("header `{name}`: {e}")))
}

/// Decodes a base64 header (`@mediaType` strings).
pub(crate) fn decode_base64_text(name: &str, text: &str) -> Result<String, ResponseError> {
    let bytes = crate::primitives::base64::decode(text.trim())
        .map_err(|e| ResponseError(format!("header `{name}`: {e}")))?;
    String::from_utf8(bytes)
        .map_err(|_| ResponseError(format!("header `{name}`: not UTF-8 after base64 decoding")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding() {
        let mut s = String::new();
        percent_encode(&mut s, "a b/c%ü~", false);
        assert_eq!(s, "a%20b%2Fc%25%C3%BC~");
        s.clear();
        percent_encode(&mut s, "a b/c", true);
        assert_eq!(s, "a%20b/c");
    }

    #[test]
    fn labels_must_be_present() {
        let mut s = String::new();
        assert!(push_label(&mut s, "id", None, false).is_err());
        assert!(push_label(&mut s, "id", Some(""), false).is_err());
        assert!(push_label(&mut s, "id", Some("x y"), false).is_ok());
        assert_eq!(s, "x%20y");
    }

    #[test]
    fn f32_text_is_shortest_for_f32() {
        assert_eq!(f32_text(1.1), "1.1");
        assert_eq!(f32_text(4.1), "4.1");
        assert_eq!(f32_text(-2.5), "-2.5");
        assert_eq!(f32_text(1.0), "1.0");
        assert_eq!(f32_text(1e20), "1e20");
        assert_eq!(f32_text(1.5e-7), "1.5e-7");
        assert_eq!(f32_text(0.001), "0.001");
        assert_eq!(f32_text(123456.0), "123456.0");
        assert_eq!(f32_text(f32::NAN), "NaN");
    }

    #[test]
    fn header_lists_split_on_unquoted_commas() {
        let mut out = Vec::new();
        split_header_list(r#"a, "b,c" , "d\"e", f"#, &mut out);
        assert_eq!(out, vec!["a", "b,c", "d\"e", "f"]);
        assert_eq!(quote_header_item("b,c"), "\"b,c\"");
        assert_eq!(quote_header_item("plain"), "plain");
    }
}
