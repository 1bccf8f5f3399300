//! restJson1 helpers shared by the generated serializers and parsers (spec:
//! `aws-restjson1-protocol.rst` and `http-bindings.rst`).
//!
//! Generated code stays small by leaning on two traits: [`JsonSer`] and [`JsonDe`], implemented
//! here for scalars and dense collections and by the generator for structures, unions and enums.

// Generated serializers use only the helpers their model needs.
#![allow(dead_code)]

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::Hash;

use crate::error::{BuildError, ErrorMetadata, Unhandled};
use crate::json::{JsonError, JsonTokens, JsonValueWriter};
use crate::primitives::{BigDecimal, BigInteger, Blob, DateTime, DateTimeFormat, Document};

// =============================================================================================
// JSON values
// =============================================================================================

/// Writes a value as restJson1 JSON.
pub(crate) trait JsonSer {
    /// Writes `self` into `w`; fails only for a union holding a variant this crate cannot send.
    fn ser(&self, w: JsonValueWriter<'_>) -> Result<(), SerError>;
}

/// A value that cannot be serialized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SerError {
    /// A union holds `Unknown` (names the union).
    UnknownVariant(&'static str),
    /// A timestamp outside the range its format can express.
    Timestamp,
}

impl SerError {
    /// `Unknown` was set on the named union.
    pub(crate) fn unknown_variant(union: &'static str) -> Self {
        SerError::UnknownVariant(union)
    }

    /// As the public build error.
    pub(crate) fn into_build_error(self) -> BuildError {
        match self {
            SerError::UnknownVariant(union) => crate::error::SerializationError::unknown_variant(union).into(),
            SerError::Timestamp => BuildError::other("a timestamp is out of the range its wire format can express"),
        }
    }
}

/// Reads a value from restJson1 JSON; `null` reads as `None`.
pub(crate) trait JsonDe: Sized {
    /// Reads the next value.
    fn de(t: &mut JsonTokens<'_>) -> Result<Option<Self>, JsonError>;
}

impl JsonSer for String {
    fn ser(&self, w: JsonValueWriter<'_>) -> Result<(), SerError> {
        w.string(self);
        Ok(())
    }
}

impl JsonSer for bool {
    fn ser(&self, w: JsonValueWriter<'_>) -> Result<(), SerError> {
        w.boolean(*self);
        Ok(())
    }
}

macro_rules! ser_int {
    ($($t:ty),*) => {$(
        impl JsonSer for $t {
            fn ser(&self, w: JsonValueWriter<'_>) -> Result<(), SerError> {
                w.i64(i64::from(*self));
                Ok(())
            }
        }
    )*};
}
ser_int!(i8, i16, i32, i64);

impl JsonSer for f32 {
    fn ser(&self, w: JsonValueWriter<'_>) -> Result<(), SerError> {
        w.f32(*self);
        Ok(())
    }
}

impl JsonSer for f64 {
    fn ser(&self, w: JsonValueWriter<'_>) -> Result<(), SerError> {
        w.f64(*self);
        Ok(())
    }
}

impl JsonSer for Blob {
    fn ser(&self, w: JsonValueWriter<'_>) -> Result<(), SerError> {
        w.blob(self.as_ref());
        Ok(())
    }
}

impl JsonSer for DateTime {
    /// Epoch seconds: the restJson1 default for timestamps in a body.
    fn ser(&self, w: JsonValueWriter<'_>) -> Result<(), SerError> {
        w.date_time(self, DateTimeFormat::EpochSeconds).map_err(|_| SerError::Timestamp)
    }
}

impl JsonSer for Document {
    fn ser(&self, w: JsonValueWriter<'_>) -> Result<(), SerError> {
        w.document(self);
        Ok(())
    }
}

impl JsonSer for BigInteger {
    fn ser(&self, w: JsonValueWriter<'_>) -> Result<(), SerError> {
        w.big_integer(self);
        Ok(())
    }
}

impl JsonSer for BigDecimal {
    fn ser(&self, w: JsonValueWriter<'_>) -> Result<(), SerError> {
        w.big_decimal(self);
        Ok(())
    }
}

impl<T: JsonSer> JsonSer for Box<T> {
    fn ser(&self, w: JsonValueWriter<'_>) -> Result<(), SerError> {
        (**self).ser(w)
    }
}

impl<T: JsonSer> JsonSer for Vec<T> {
    fn ser(&self, w: JsonValueWriter<'_>) -> Result<(), SerError> {
        let mut array = w.start_array();
        for item in self {
            item.ser(array.value())?;
        }
        array.finish();
        Ok(())
    }
}

impl<K: AsRef<str>, V: JsonSer> JsonSer for HashMap<K, V> {
    fn ser(&self, w: JsonValueWriter<'_>) -> Result<(), SerError> {
        let mut object = w.start_object();
        for (k, v) in self {
            v.ser(object.key(k.as_ref()))?;
        }
        object.finish();
        Ok(())
    }
}

/// Writes a sparse list: `None` elements become `null`.
pub(crate) fn ser_sparse_list<T: JsonSer>(w: JsonValueWriter<'_>, list: &[Option<T>]) -> Result<(), SerError> {
    let mut array = w.start_array();
    for item in list {
        match item {
            Some(v) => v.ser(array.value())?,
            None => array.value().null(),
        }
    }
    array.finish();
    Ok(())
}

/// Writes a sparse map: `None` values become `null`.
pub(crate) fn ser_sparse_map<K: AsRef<str>, V: JsonSer>(
    w: JsonValueWriter<'_>,
    map: &HashMap<K, Option<V>>,
) -> Result<(), SerError> {
    let mut object = w.start_object();
    for (k, v) in map {
        match v {
            Some(v) => v.ser(object.key(k.as_ref()))?,
            None => object.key(k.as_ref()).null(),
        }
    }
    object.finish();
    Ok(())
}

/// Writes a timestamp in an explicit format (`@timestampFormat`).
pub(crate) fn ser_timestamp(w: JsonValueWriter<'_>, value: &DateTime, format: DateTimeFormat) -> Result<(), SerError> {
    w.date_time(value, format).map_err(|_| SerError::Timestamp)
}

impl JsonDe for String {
    fn de(t: &mut JsonTokens<'_>) -> Result<Option<Self>, JsonError> {
        Ok(t.expect_string_or_null()?.map(Cow::into_owned))
    }
}

impl JsonDe for bool {
    fn de(t: &mut JsonTokens<'_>) -> Result<Option<Self>, JsonError> {
        t.expect_bool_or_null()
    }
}

macro_rules! de_via {
    ($($t:ty => $f:ident),*) => {$(
        impl JsonDe for $t {
            fn de(t: &mut JsonTokens<'_>) -> Result<Option<Self>, JsonError> {
                t.$f()
            }
        }
    )*};
}
de_via!(
    i8 => expect_i8_or_null,
    i16 => expect_i16_or_null,
    i32 => expect_i32_or_null,
    i64 => expect_i64_or_null,
    f32 => expect_f32_or_null,
    f64 => expect_f64_or_null,
    Blob => expect_blob_or_null,
    BigInteger => expect_big_integer_or_null,
    BigDecimal => expect_big_decimal_or_null
);

impl JsonDe for DateTime {
    fn de(t: &mut JsonTokens<'_>) -> Result<Option<Self>, JsonError> {
        t.expect_timestamp_or_null(DateTimeFormat::EpochSeconds)
    }
}

impl JsonDe for Document {
    /// A JSON `null` is a null document, not an absent one.
    fn de(t: &mut JsonTokens<'_>) -> Result<Option<Self>, JsonError> {
        t.expect_document().map(Some)
    }
}

impl<T: JsonDe> JsonDe for Box<T> {
    fn de(t: &mut JsonTokens<'_>) -> Result<Option<Self>, JsonError> {
        Ok(T::de(t)?.map(Box::new))
    }
}

impl<T: JsonDe> JsonDe for Vec<T> {
    /// A dense list: a `null` element is an error.
    fn de(t: &mut JsonTokens<'_>) -> Result<Option<Self>, JsonError> {
        if !t.expect_start_array_or_null()? {
            return Ok(None);
        }
        let mut out = Vec::new();
        while t.array_has_next()? {
            match T::de(t)? {
                Some(v) => out.push(v),
                None => return Err(t.error("dense list cannot contain null values")),
            }
        }
        Ok(Some(out))
    }
}

impl<K: for<'k> From<&'k str> + Eq + Hash, V: JsonDe> JsonDe for HashMap<K, V> {
    /// A dense map: a `null` value is an error.
    fn de(t: &mut JsonTokens<'_>) -> Result<Option<Self>, JsonError> {
        if !t.expect_start_object_or_null()? {
            return Ok(None);
        }
        let mut out = HashMap::new();
        while let Some(key) = t.next_key()? {
            match V::de(t)? {
                Some(v) => {
                    out.insert(K::from(&key), v);
                }
                None => return Err(t.error("dense map cannot contain null values")),
            }
        }
        Ok(Some(out))
    }
}

/// Reads a sparse list (`null` elements kept as `None`).
pub(crate) fn de_sparse_list<T: JsonDe>(
    t: &mut JsonTokens<'_>,
) -> Result<Option<Vec<Option<T>>>, JsonError> {
    if !t.expect_start_array_or_null()? {
        return Ok(None);
    }
    let mut out = Vec::new();
    while t.array_has_next()? {
        out.push(T::de(t)?);
    }
    Ok(Some(out))
}

/// Reads a sparse map (`null` values kept as `None`).
pub(crate) fn de_sparse_map<K: for<'k> From<&'k str> + Eq + Hash, V: JsonDe>(
    t: &mut JsonTokens<'_>,
) -> Result<Option<HashMap<K, Option<V>>>, JsonError> {
    if !t.expect_start_object_or_null()? {
        return Ok(None);
    }
    let mut out = HashMap::new();
    while let Some(key) = t.next_key()? {
        let v = V::de(t)?;
        out.insert(K::from(&key), v);
    }
    Ok(Some(out))
}

/// Whether the next value is `null` (without consuming it).
pub(crate) fn next_is_null(t: &mut JsonTokens<'_>) -> Result<bool, JsonError> {
    Ok(matches!(t.peek()?, Some(crate::json::Token::Null)))
}

/// Reads a timestamp in an explicit format.
pub(crate) fn de_timestamp(
    t: &mut JsonTokens<'_>,
    format: DateTimeFormat,
) -> Result<Option<DateTime>, JsonError> {
    // Clients accept UTC offsets in `date-time` values.
    let format = if format == DateTimeFormat::DateTime {
        DateTimeFormat::DateTimeWithOffset
    } else {
        format
    };
    t.expect_timestamp_or_null(format)
}

/// Parses a whole body as one value of `T` (an empty body reads as absent).
pub(crate) fn de_body<T: JsonDe>(body: &[u8]) -> Result<Option<T>, JsonError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let mut t = JsonTokens::new(body);
    let value = T::de(&mut t)?;
    t.finish()?;
    Ok(value)
}

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

/// One header value; an invalid value (a newline, say) is a build error naming the field.
pub(crate) fn header_value(
    field: &'static str,
    value: &str,
) -> Result<http::HeaderValue, BuildError> {
    http::HeaderValue::from_str(value)
        .map_err(|_| BuildError::invalid_field(field, "not a valid HTTP header value"))
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
    fn dense_list_rejects_null() {
        let mut t = JsonTokens::new(b"[1,null]");
        assert!(<Vec<i32> as JsonDe>::de(&mut t).is_err());
        let mut t = JsonTokens::new(b"[1,null]");
        assert_eq!(
            de_sparse_list::<i32>(&mut t).unwrap(),
            Some(vec![Some(1), None])
        );
    }
}
