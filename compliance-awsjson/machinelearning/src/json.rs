//! JSON reading and writing for the generated serializers and parsers.
//!
//! Writing: [`JsonObjectWriter`], [`JsonArrayWriter`] and [`JsonValueWriter`] append to a
//! `String` and place commas themselves; the borrow checker keeps nesting well-formed.
//! Floats are written in shortest round-trip form laid out like `ryu` (and so `serde_json`
//! and smithy-rs): `1.0`, `0.1`, `1e16`, `1.5e-7`; `NaN` and infinities become the strings
//! `"NaN"`, `"Infinity"` and `"-Infinity"`.
//!
//! Reading: [`JsonTokens`] is a pull tokenizer over bytes. It validates the whole grammar,
//! borrows strings that have no escapes, limits nesting to [`MAX_DEPTH`] levels without
//! recursion, and rejects anything after the top-level value. The `expect_*` helpers read one
//! value of a given shape.
//!
//! Nothing here panics on any input.

// Generated serializers and parsers use only the helpers their model needs.
#![allow(dead_code)]

use crate::primitives::decimal::{scaled_decimal, DecimalError};
use crate::primitives::{
    base64, BigDecimal, BigInteger, Blob, DateTime, DateTimeFormat,
    DateTimeFormatError, Document, Number,
};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

/// At most 32 characters of input quoted in an error message, so a hostile 50 MB number does
/// not turn into a 50 MB error.
fn clip(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(32) {
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
        None => Cow::Borrowed(text),
    }
}

/// The deepest nesting of objects and arrays the tokenizer accepts.
pub(crate) const MAX_DEPTH: usize = 128;

// =============================================================================================
// Writing
// =============================================================================================

/// Writes one JSON value into the output. Consumed by writing.
pub(crate) struct JsonValueWriter<'a> {
    out: &'a mut String,
}

impl<'a> JsonValueWriter<'a> {
    /// Writes a value at the end of `out` (for a top-level value).
    ///
    /// An empty `out` gets room for a small body up front (as `serde_json::to_vec` does),
    /// saving the first few reallocations.
    pub(crate) fn new(out: &'a mut String) -> Self {
        if out.capacity() == 0 {
            out.reserve(128);
        }
        JsonValueWriter { out }
    }

    /// Writes `null`.
    pub(crate) fn null(self) {
        self.out.push_str("null");
    }

    /// Writes `true` or `false`.
    pub(crate) fn boolean(self, value: bool) {
        self.out.push_str(if value { "true" } else { "false" });
    }

    /// Writes an escaped string.
    pub(crate) fn string(self, value: &str) {
        write_string(self.out, value);
    }

    /// Writes a signed integer (`i8`…`i64` widen to this).
    pub(crate) fn i64(self, value: i64) {
        write_i64(self.out, value);
    }

    /// Writes an unsigned integer.
    pub(crate) fn u64(self, value: u64) {
        write_u64(self.out, value);
    }

    /// Writes a double; non-finite values become strings.
    pub(crate) fn f64(self, value: f64) {
        write_f64(self.out, value);
    }

    /// Writes a float widened to `f64`, as smithy-rs does: `0.1f32` is
    /// `0.10000000149011612`.
    pub(crate) fn f32(self, value: f32) {
        write_f64(self.out, f64::from(value));
    }

    /// Writes a [`Number`].
    pub(crate) fn number(self, value: Number) {
        write_number(self.out, value);
    }

    /// Writes a document as raw JSON (iteratively, so any depth is fine).
    pub(crate) fn document(self, value: &Document) {
        write_document(self.out, value);
    }

    /// Writes a timestamp: a number for epoch seconds, a string otherwise.
    pub(crate) fn date_time(
        self,
        value: &DateTime,
        format: DateTimeFormat,
    ) -> Result<(), DateTimeFormatError> {
        let text = value.fmt(format)?;
        if format == DateTimeFormat::EpochSeconds {
            self.out.push_str(&text);
        } else {
            write_string(self.out, &text);
        }
        Ok(())
    }

    /// Writes bytes as a base64 string.
    pub(crate) fn blob(self, value: &[u8]) {
        self.out.push('"');
        self.out.push_str(&base64::encode(value));
        self.out.push('"');
    }

    /// Writes a big integer as a bare JSON number.
    pub(crate) fn big_integer(self, value: &BigInteger) {
        write_big_number(self.out, AsRef::<str>::as_ref(value));
    }

    /// Writes a big decimal as a bare JSON number.
    pub(crate) fn big_decimal(self, value: &BigDecimal) {
        write_big_number(self.out, AsRef::<str>::as_ref(value));
    }

    /// Starts an object; finish it with [`JsonObjectWriter::finish`].
    pub(crate) fn start_object(self) -> JsonObjectWriter<'a> {
        JsonObjectWriter::new(self.out)
    }

    /// Starts an array; finish it with [`JsonArrayWriter::finish`].
    pub(crate) fn start_array(self) -> JsonArrayWriter<'a> {
        JsonArrayWriter::new(self.out)
    }
}

/// Writes the members of a JSON object.
pub(crate) struct JsonObjectWriter<'a> {
    out: &'a mut String,
    started: bool,
}

impl<'a> JsonObjectWriter<'a> {
    /// Writes `{` at the end of `out`.
    pub(crate) fn new(out: &'a mut String) -> Self {
        out.push('{');
        JsonObjectWriter {
            out,
            started: false,
        }
    }

    /// Writes a key (and a comma before it if needed); write its value with the result.
    pub(crate) fn key(&mut self, key: &str) -> JsonValueWriter<'_> {
        if self.started {
            self.out.push(',');
        }
        self.started = true;
        write_string(self.out, key);
        self.out.push(':');
        JsonValueWriter { out: self.out }
    }

    /// Writes `}`.
    pub(crate) fn finish(self) {
        self.out.push('}');
    }
}

/// Writes the elements of a JSON array.
pub(crate) struct JsonArrayWriter<'a> {
    out: &'a mut String,
    started: bool,
}

impl<'a> JsonArrayWriter<'a> {
    /// Writes `[` at the end of `out`.
    pub(crate) fn new(out: &'a mut String) -> Self {
        out.push('[');
        JsonArrayWriter {
            out,
            started: false,
        }
    }

    /// Starts the next element (writing a comma if needed).
    pub(crate) fn value(&mut self) -> JsonValueWriter<'_> {
        if self.started {
            self.out.push(',');
        }
        self.started = true;
        JsonValueWriter { out: self.out }
    }

    /// Writes `]`.
    pub(crate) fn finish(self) {
        self.out.push(']');
    }
}

/// How each byte is escaped in a JSON string: 0 = as is, `u` = `\u00XX`, else `\` + byte.
const ESCAPES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        table[i] = b'u';
        i += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// Writes `value` as a quoted JSON string, escaping `"`, `\` and control characters.
pub(crate) fn write_string(out: &mut String, value: &str) {
    out.reserve(value.len() + 2);
    out.push('"');
    let bytes = value.as_bytes();
    let mut run_start = 0;
    while let Some(index) = find_escape(bytes, run_start) {
        let byte = bytes[index];
        // Escaped bytes are ASCII, so these are character boundaries.
        out.push_str(value.get(run_start..index).unwrap_or_default());
        out.push('\\');
        let escape = ESCAPES[usize::from(byte)];
        if escape == b'u' {
            out.push_str("u00");
            out.push(char::from(HEX_DIGITS[usize::from(byte >> 4)]));
            out.push(char::from(HEX_DIGITS[usize::from(byte & 0xF)]));
        } else {
            out.push(char::from(escape));
        }
        run_start = index + 1;
    }
    out.push_str(value.get(run_start..).unwrap_or_default());
    out.push('"');
}

/// The index of the first byte at or after `from` that a JSON string must escape.
///
/// Scans 8 bytes at a time (`special_bytes` flags exactly the bytes `ESCAPES` escapes, and
/// the lowest flag is exact), then the last few bytes one by one.
#[inline]
fn find_escape(bytes: &[u8], from: usize) -> Option<usize> {
    let mut index = from;
    while let Some(chunk) = bytes.get(index..index + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let mask = special_bytes(u64::from_le_bytes(word));
        if mask != 0 {
            return Some(index + (mask.trailing_zeros() / 8) as usize);
        }
        index += 8;
    }
    let rest = bytes.get(index..).unwrap_or_default();
    rest.iter()
        .position(|&byte| ESCAPES[usize::from(byte)] != 0)
        .map(|offset| index + offset)
}

const DIGIT_PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// Writes the digits of `value` at the end of `buffer`; returns where they start.
fn u64_digits(mut value: u64, buffer: &mut [u8; 20]) -> usize {
    let mut start = buffer.len();
    while value >= 100 {
        let pair = (value % 100) as usize * 2;
        value /= 100;
        start -= 2;
        buffer[start..start + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    }
    if value >= 10 {
        let pair = value as usize * 2;
        start -= 2;
        buffer[start..start + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    } else {
        start -= 1;
        buffer[start] = b'0' + value as u8;
    }
    start
}

/// Appends ASCII digits (from [`u64_digits`] or `LowerExp`) to `out`.
fn push_ascii(out: &mut String, digits: &[u8]) {
    out.push_str(std::str::from_utf8(digits).unwrap_or_default());
}

/// [`DIGIT_PAIRS`] as text, to append pairs of digits without re-validating UTF-8.
const DIGIT_PAIRS_TEXT: &str = "0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// Writes an unsigned integer without allocating.
pub(crate) fn write_u64(out: &mut String, mut value: u64) {
    // Split into base-100 digits, least significant first (at most 10).
    let mut pairs = [0u8; 10];
    let mut count = 0;
    while value >= 100 && count < pairs.len() {
        pairs[count] = (value % 100) as u8;
        value /= 100;
        count += 1;
    }
    let lead = value as usize * 2;
    // The leading pair loses its zero when below 10.
    let lead_start = if value < 10 { lead + 1 } else { lead };
    out.push_str(
        DIGIT_PAIRS_TEXT
            .get(lead_start..lead + 2)
            .unwrap_or_default(),
    );
    for &pair in pairs[..count].iter().rev() {
        let at = usize::from(pair) * 2;
        out.push_str(DIGIT_PAIRS_TEXT.get(at..at + 2).unwrap_or_default());
    }
}

/// Writes a signed integer without allocating.
pub(crate) fn write_i64(out: &mut String, value: i64) {
    if value < 0 {
        out.push('-');
    }
    write_u64(out, value.unsigned_abs());
}

/// Writes a double: shortest round-trip digits in `ryu`'s layout, or a string for
/// `NaN`/`Infinity`/`-Infinity`.
///
/// `ryu` (used by smithy-rs and serde_json) writes plain decimals while the decimal point lies
/// within 16 digits of the first digit (`123.0`, `0.00001`) and scientific notation otherwise
/// (`1e16`, `1.5e-7`). `f64`'s own `Display` never uses an exponent (`1e300` would be 301
/// digits), so the digits are taken from `LowerExp` (also shortest round-trip) and laid out
/// here instead.
pub(crate) fn write_f64(out: &mut String, value: f64) {
    if value.is_nan() {
        out.push_str("\"NaN\"");
    } else if value.is_infinite() {
        out.push_str(if value > 0.0 {
            "\"Infinity\""
        } else {
            "\"-Infinity\""
        });
    } else {
        write_finite_f64(out, value);
    }
}

/// A small stack buffer for `write!`.
struct StackBuffer {
    bytes: [u8; 40],
    len: usize,
}

impl fmt::Write for StackBuffer {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let target = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        target.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Shortest round-trip digits of a positive finite `value`, as `0.DIGITS × 10^point`.
///
/// Returns the digits' start in `digits` (they run to its end) and `point`.
fn shortest_digits(value: f64, digits: &mut [u8; 20]) -> (usize, i32) {
    short_decimal_digits(value, digits).unwrap_or_else(|| exponent_digits(value, digits))
}

/// Fast path for values with few significant digits, the common case on the wire: finds the
/// smallest `k` such that `value == n / 10^k` for an integer `n < 2^53`. Both `n` and `10^k`
/// are exact doubles and the division is correctly rounded, so `n × 10^-k` parses back to
/// `value`; the smallest `k` gives the fewest digits.
fn short_decimal_digits(value: f64, digits: &mut [u8; 20]) -> Option<(usize, i32)> {
    const POWERS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    // Where ryu's layout is plain decimal and n can stay below 2^53.
    if !(1e-5..1e15).contains(&value) {
        return None;
    }
    for (k, &power) in POWERS.iter().enumerate() {
        let scaled = value * power;
        if scaled >= 9.0e15 {
            return None;
        }
        let nearest = scaled.round();
        let other = if nearest > scaled {
            nearest - 1.0
        } else {
            nearest + 1.0
        };
        let Some(n) = [nearest, other].into_iter().find(|n| n / power == value) else {
            continue;
        };
        let start = u64_digits(n as u64, digits);
        // n × 10^-k = 0.DIGITS × 10^(digit count - k)
        let point = (digits.len() - start) as i32 - k as i32;
        let mut end = digits.len();
        while end - start > 1 && digits[end - 1] == b'0' {
            end -= 1;
        }
        // Move the significant digits to the end of the buffer.
        let length = end - start;
        let target = digits.len() - length;
        digits.copy_within(start..end, target);
        return Some((target, point));
    }
    None
}

/// General path: the shortest round-trip digits from `LowerExp` (e.g. `1.2345e-7`).
///
/// When the value lies exactly halfway between two equally short candidates, `LowerExp`
/// rounds up while ryu picks the even digit; the tie is detected exactly and broken like ryu.
fn exponent_digits(value: f64, digits: &mut [u8; 20]) -> (usize, i32) {
    use fmt::Write as _;
    let mut buffer = StackBuffer {
        bytes: [0; 40],
        len: 0,
    };
    // At most 24 bytes, e.g. "2.2250738585072014e-308"; a failure leaves "0".
    let _ = write!(buffer, "{value:e}");
    let text = &buffer.bytes[..buffer.len];
    let e_index = text.iter().position(|&b| b == b'e').unwrap_or(text.len());
    let exponent: i32 = std::str::from_utf8(text.get(e_index + 1..).unwrap_or_default())
        .ok()
        .and_then(|e| e.parse().ok())
        .unwrap_or(0);
    // At most 17 digits, so they fit in a u64.
    let mut n: u64 = 0;
    let mut length: i32 = 0;
    for &digit in text[..e_index]
        .iter()
        .filter(|b| b.is_ascii_digit())
        .take(19)
    {
        n = n * 10 + u64::from(digit - b'0');
        length += 1;
    }
    let mut point = exponent + 1;
    if n % 2 == 1 && length <= 17 {
        // The value is about n × 10^(point - length); the midpoints to the neighbours of n
        // are (10n ± 5) × 10^(point - length - 1).
        let scale = point - length - 1;
        if is_exactly(value, n * 10 - 5, scale) {
            n -= 1;
        } else if is_exactly(value, n * 10 + 5, scale) {
            n += 1;
        }
    }
    let start = u64_digits(n, digits);
    // n + 1 can gain a digit (99 -> 100).
    point += (digits.len() - start) as i32 - length.max(1);
    let mut end = digits.len();
    while end - start > 1 && digits[end - 1] == b'0' {
        end -= 1;
    }
    let target = digits.len() - (end - start);
    digits.copy_within(start..end, target);
    (target, point)
}

/// True if `value` equals `n × 10^q` exactly (decided in integers; `false` if too large).
fn is_exactly(value: f64, n: u64, q: i32) -> bool {
    fn check(value: f64, n: u64, q: i32) -> Option<bool> {
        let bits = value.to_bits();
        let biased_exponent = ((bits >> 52) & 0x7FF) as i32;
        let fraction = bits & ((1u64 << 52) - 1);
        // value = m × 2^e
        let (m, e) = if biased_exponent == 0 {
            (fraction, -1074)
        } else {
            (fraction | 1u64 << 52, biased_exponent - 1075)
        };
        // Compare m × 2^e with n × 5^q × 2^q, moving every factor to the side where its
        // exponent is positive.
        let mut left = u128::from(m);
        let mut right = u128::from(n);
        let power_of_five = 5u128.checked_pow(q.unsigned_abs())?;
        if q >= 0 {
            right = right.checked_mul(power_of_five)?;
        } else {
            left = left.checked_mul(power_of_five)?;
        }
        let shift = e - q;
        let shifted = |x: u128, by: u32| (by < x.leading_zeros()).then(|| x << by);
        if shift >= 0 {
            left = shifted(left, shift.unsigned_abs())?;
        } else {
            right = shifted(right, shift.unsigned_abs())?;
        }
        Some(left == right)
    }
    check(value, n, q).unwrap_or(false)
}

fn write_finite_f64(out: &mut String, value: f64) {
    if value == 0.0 {
        out.push_str(if value.is_sign_negative() {
            "-0.0"
        } else {
            "0.0"
        });
        return;
    }
    if value < 0.0 {
        out.push('-');
    }
    let mut buffer = [0u8; 20];
    let (start, point) = shortest_digits(value.abs(), &mut buffer);
    let digits = &buffer[start..];
    let length = digits.len() as i32;
    // The layout of ryu's `format64`, with the value being 0.DIGITS × 10^point.
    if (length..=16).contains(&point) {
        // 1234e7 -> 12340000000.0
        push_ascii(out, digits);
        for _ in length..point {
            out.push('0');
        }
        out.push_str(".0");
    } else if 0 < point && point <= 16 {
        // 1234e-2 -> 12.34
        let split = point as usize;
        push_ascii(out, &digits[..split]);
        out.push('.');
        push_ascii(out, &digits[split..]);
    } else if -5 < point && point <= 0 {
        // 1234e-6 -> 0.001234
        out.push_str("0.");
        for _ in point..0 {
            out.push('0');
        }
        push_ascii(out, digits);
    } else {
        // 1e30, 1.234e33, 1.5e-7
        push_ascii(out, &digits[..1]);
        if length > 1 {
            out.push('.');
            push_ascii(out, &digits[1..]);
        }
        out.push('e');
        write_i64(out, i64::from(point - 1));
    }
}

/// Writes a [`Number`].
pub(crate) fn write_number(out: &mut String, value: Number) {
    match value {
        Number::PosInt(v) => write_u64(out, v),
        Number::NegInt(v) => write_i64(out, v),
        Number::Float(v) => write_f64(out, v),
    }
}

/// Writes validated big-number text as a JSON number: drops a leading `+` and leading zeros,
/// and completes `.5` and `1.` to `0.5` and `1`.
fn write_big_number(out: &mut String, text: &str) {
    let text = text.strip_prefix('+').unwrap_or(text);
    let (sign, text) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let mantissa_end = text.find(['e', 'E']).unwrap_or(text.len());
    let (mantissa, exponent) = text.split_at(mantissa_end);
    let (integer, fraction) = match mantissa.split_once('.') {
        Some((integer, fraction)) => (integer, fraction),
        None => (mantissa, ""),
    };
    let integer = integer.trim_start_matches('0');
    out.push_str(sign);
    out.push_str(if integer.is_empty() { "0" } else { integer });
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    out.push_str(exponent);
}

/// Writes a document without recursion.
fn write_document(out: &mut String, document: &Document) {
    enum Frame<'d> {
        Array(std::slice::Iter<'d, Document>),
        Object(std::collections::hash_map::Iter<'d, String, Document>),
    }
    let mut stack: Vec<(Frame<'_>, bool)> = Vec::new();
    let mut next = Some(document);
    loop {
        if let Some(value) = next.take() {
            match value {
                Document::Object(object) => {
                    out.push('{');
                    stack.push((Frame::Object(object.iter()), false));
                }
                Document::Array(array) => {
                    out.push('[');
                    stack.push((Frame::Array(array.iter()), false));
                }
                Document::Number(number) => write_number(out, *number),
                Document::String(string) => write_string(out, string),
                Document::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
                Document::Null => out.push_str("null"),
            }
        }
        let Some((frame, started)) = stack.last_mut() else {
            return;
        };
        match frame {
            Frame::Array(items) => match items.next() {
                Some(item) => {
                    if *started {
                        out.push(',');
                    }
                    *started = true;
                    next = Some(item);
                }
                None => {
                    out.push(']');
                    stack.pop();
                }
            },
            Frame::Object(entries) => match entries.next() {
                Some((key, item)) => {
                    if *started {
                        out.push(',');
                    }
                    *started = true;
                    write_string(out, key);
                    out.push(':');
                    next = Some(item);
                }
                None => {
                    out.push('}');
                    stack.pop();
                }
            },
        }
    }
}

// =============================================================================================
// Reading
// =============================================================================================

/// A JSON syntax error, or a value of the wrong shape, with the byte offset where it was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct JsonError {
    message: Cow<'static, str>,
    offset: usize,
}

impl JsonError {
    /// Creates an error at `offset` in the input.
    pub(crate) fn new(message: impl Into<Cow<'static, str>>, offset: usize) -> Self {
        JsonError {
            message: message.into(),
            offset,
        }
    }

    /// Returns the message without the offset.
    pub(crate) fn message(&self) -> &str {
        &self.message
    }

    /// Returns the byte offset in the input.
    pub(crate) fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at offset {}", self.message, self.offset)
    }
}

impl std::error::Error for JsonError {}

/// One JSON token. Strings borrow from the input unless they contain escapes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Token<'a> {
    /// `{`
    StartObject,
    /// `}`
    EndObject,
    /// `[`
    StartArray,
    /// `]`
    EndArray,
    /// An object key (the `:` after it is consumed too).
    Key(Cow<'a, str>),
    /// A string value.
    String(Cow<'a, str>),
    /// A number, as validated JSON number text.
    Number(&'a str),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
}

impl Token<'_> {
    fn describe(&self) -> &'static str {
        match self {
            Token::StartObject => "object",
            Token::EndObject => "end of object",
            Token::StartArray => "array",
            Token::EndArray => "end of array",
            Token::Key(_) => "object key",
            Token::String(_) => "string",
            Token::Number(_) => "number",
            Token::Bool(_) => "boolean",
            Token::Null => "null",
        }
    }
}

/// What the tokenizer expects next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// The top-level value (empty input is allowed here and yields no tokens).
    Start,
    /// A value after `:` or `,`.
    Value,
    /// A key or `}` right after `{`.
    ObjectFirst,
    /// `,` or `}` after an object member.
    ObjectNext,
    /// A value or `]` right after `[`.
    ArrayFirst,
    /// `,` or `]` after an array element.
    ArrayNext,
    /// Only whitespace may follow the top-level value.
    Done,
    /// An error was returned; every later call fails too.
    Failed,
}

/// A pull tokenizer over JSON bytes.
///
/// Validates the grammar (RFC 8259) as it goes, so a caller that stops early may not have
/// seen a later syntax error; call [`JsonTokens::finish`] after the top-level value.
pub(crate) struct JsonTokens<'a> {
    /// The input up to its first invalid UTF-8 byte (all of it, normally).
    text: &'a str,
    /// `text` as bytes.
    input: &'a [u8],
    /// Where the input stops being UTF-8, if it does.
    invalid_utf8_at: Option<usize>,
    position: usize,
    state: State,
    depth: usize,
    /// Bit `d` is set when the container at depth `d` (0-based) is an object.
    object_bits: u128,
    peeked: Option<(Token<'a>, usize)>,
    token_start: usize,
    /// Cleared while skipping, when escaped strings are validated but not decoded.
    decode_strings: bool,
}

impl<'a> JsonTokens<'a> {
    /// Starts tokenizing `input`.
    ///
    /// JSON text must be UTF-8 (RFC 8259 §8.1). The input is validated once, up front, so that
    /// strings and numbers can be borrowed without further checks; reaching an invalid byte is
    /// an error at its offset.
    pub(crate) fn new(input: &'a [u8]) -> Self {
        let (text, invalid_utf8_at) = match std::str::from_utf8(input) {
            Ok(text) => (text, None),
            Err(error) => {
                let valid = input.get(..error.valid_up_to()).unwrap_or_default();
                (
                    std::str::from_utf8(valid).unwrap_or_default(),
                    Some(error.valid_up_to()),
                )
            }
        };
        JsonTokens {
            text,
            input: text.as_bytes(),
            invalid_utf8_at,
            position: 0,
            state: State::Start,
            depth: 0,
            object_bits: 0,
            peeked: None,
            token_start: 0,
            decode_strings: true,
        }
    }

    /// Returns the next token, or `None` at the end of the input after the top-level value
    /// (or for an empty input).
    pub(crate) fn next_token(&mut self) -> Result<Option<Token<'a>>, JsonError> {
        if let Some((token, start)) = self.peeked.take() {
            self.token_start = start;
            return Ok(Some(token));
        }
        let result = self.read_token();
        if result.is_err() {
            self.state = State::Failed;
        }
        result
    }

    /// Returns the next token without consuming it.
    pub(crate) fn peek(&mut self) -> Result<Option<&Token<'a>>, JsonError> {
        if self.peeked.is_none() {
            let previous_start = self.token_start;
            match self.read_token() {
                Ok(Some(token)) => self.peeked = Some((token, self.token_start)),
                Ok(None) => {}
                Err(error) => {
                    self.state = State::Failed;
                    return Err(error);
                }
            }
            self.token_start = previous_start;
        }
        Ok(self.peeked.as_ref().map(|(token, _)| token))
    }

    /// Returns the byte offset where the last returned token started.
    pub(crate) fn offset(&self) -> usize {
        self.token_start
    }

    /// Creates an error located at the last returned token.
    pub(crate) fn error(&self, message: impl Into<Cow<'static, str>>) -> JsonError {
        JsonError::new(message, self.token_start)
    }

    /// Checks that nothing but whitespace follows the top-level value.
    pub(crate) fn finish(&mut self) -> Result<(), JsonError> {
        match self.next_token()? {
            None if self.state == State::Done => Ok(()),
            None => Err(self.error("expected a JSON value")),
            Some(_) => Err(self.error("unexpected token after the top-level value")),
        }
    }

    fn error_at(&self, message: impl Into<Cow<'static, str>>, offset: usize) -> JsonError {
        JsonError::new(message, offset)
    }

    fn end_of_input(&self) -> JsonError {
        match self.invalid_utf8_at {
            Some(offset) => self.error_at("invalid UTF-8", offset),
            None => self.error_at("unexpected end of input", self.input.len()),
        }
    }

    /// Borrows `start..end` of the input; both ends are at ASCII bytes.
    fn slice(&self, start: usize, end: usize) -> Result<&'a str, JsonError> {
        self.text
            .get(start..end)
            .ok_or_else(|| self.error_at("invalid UTF-8", start))
    }

    #[inline]
    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.input.get(self.position) {
            self.position += 1;
        }
    }

    fn read_token(&mut self) -> Result<Option<Token<'a>>, JsonError> {
        self.skip_whitespace();
        self.token_start = self.position;
        let next = self.input.get(self.position).copied();
        match self.state {
            State::Start => match next {
                None if self.invalid_utf8_at.is_none() => Ok(None),
                None => Err(self.end_of_input()),
                Some(_) => self.read_value().map(Some),
            },
            State::Value => self.read_value().map(Some),
            State::ObjectFirst => match next {
                Some(b'}') => Ok(Some(self.close(Token::EndObject))),
                Some(b'"') => self.read_key().map(Some),
                Some(_) => Err(self.error("expected an object key or '}'")),
                None => Err(self.end_of_input()),
            },
            State::ObjectNext => match next {
                Some(b',') => {
                    self.position += 1;
                    self.skip_whitespace();
                    self.token_start = self.position;
                    match self.input.get(self.position) {
                        Some(b'"') => self.read_key().map(Some),
                        Some(_) => Err(self.error("expected an object key")),
                        None => Err(self.end_of_input()),
                    }
                }
                Some(b'}') => Ok(Some(self.close(Token::EndObject))),
                Some(_) => Err(self.error("expected ',' or '}'")),
                None => Err(self.end_of_input()),
            },
            State::ArrayFirst => match next {
                Some(b']') => Ok(Some(self.close(Token::EndArray))),
                _ => self.read_value().map(Some),
            },
            State::ArrayNext => match next {
                Some(b',') => {
                    self.position += 1;
                    self.skip_whitespace();
                    self.token_start = self.position;
                    self.read_value().map(Some)
                }
                Some(b']') => Ok(Some(self.close(Token::EndArray))),
                Some(_) => Err(self.error("expected ',' or ']'")),
                None => Err(self.end_of_input()),
            },
            State::Done => match next {
                None if self.invalid_utf8_at.is_none() => Ok(None),
                None => Err(self.end_of_input()),
                Some(_) => Err(self.error("unexpected data after the top-level value")),
            },
            State::Failed => Err(self.error("JSON input was already found to be invalid")),
        }
    }

    #[inline]
    fn read_value(&mut self) -> Result<Token<'a>, JsonError> {
        let token = match self.input.get(self.position) {
            None => return Err(self.end_of_input()),
            Some(b'{') => {
                self.open(true)?;
                self.state = State::ObjectFirst;
                return Ok(Token::StartObject);
            }
            Some(b'[') => {
                self.open(false)?;
                self.state = State::ArrayFirst;
                return Ok(Token::StartArray);
            }
            Some(b'"') => Token::String(self.read_string()?),
            Some(b'-' | b'0'..=b'9') => Token::Number(self.read_number()?),
            Some(b't') => self.read_literal(b"true", Token::Bool(true))?,
            Some(b'f') => self.read_literal(b"false", Token::Bool(false))?,
            Some(b'n') => self.read_literal(b"null", Token::Null)?,
            Some(_) => return Err(self.error("expected a JSON value")),
        };
        self.after_value();
        Ok(token)
    }

    fn read_key(&mut self) -> Result<Token<'a>, JsonError> {
        let key = self.read_string()?;
        self.skip_whitespace();
        match self.input.get(self.position) {
            Some(b':') => {
                self.position += 1;
                self.state = State::Value;
                Ok(Token::Key(key))
            }
            Some(_) => Err(self.error_at("expected ':'", self.position)),
            None => Err(self.end_of_input()),
        }
    }

    #[inline]
    fn open(&mut self, object: bool) -> Result<(), JsonError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error("maximum nesting depth exceeded"));
        }
        let bit = 1u128 << self.depth;
        if object {
            self.object_bits |= bit;
        } else {
            self.object_bits &= !bit;
        }
        self.depth += 1;
        self.position += 1;
        Ok(())
    }

    #[inline]
    fn close(&mut self, token: Token<'a>) -> Token<'a> {
        self.position += 1;
        self.depth = self.depth.saturating_sub(1);
        self.after_value();
        token
    }

    #[inline]
    fn after_value(&mut self) {
        self.state = match self.depth.checked_sub(1) {
            None => State::Done,
            Some(top) if self.object_bits & (1u128 << top) != 0 => State::ObjectNext,
            Some(_) => State::ArrayNext,
        };
    }

    fn read_literal(&mut self, literal: &[u8], token: Token<'a>) -> Result<Token<'a>, JsonError> {
        if self
            .input
            .get(self.position..)
            .unwrap_or_default()
            .starts_with(literal)
        {
            self.position += literal.len();
            Ok(token)
        } else {
            Err(self.error("expected a JSON value"))
        }
    }

    /// Reads JSON number text: `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`.
    fn read_number(&mut self) -> Result<&'a str, JsonError> {
        let input = self.input;
        let start = self.position;
        let mut i = start;
        let digits_from = |mut i: usize| {
            while input.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            i
        };
        if input.get(i) == Some(&b'-') {
            i += 1;
        }
        match input.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = digits_from(i + 1),
            Some(_) => return Err(self.error_at("invalid number", i)),
            None => return Err(self.end_of_input()),
        }
        if input.get(i) == Some(&b'.') {
            let fraction_start = i + 1;
            i = digits_from(fraction_start);
            if i == fraction_start {
                return Err(self.number_error(i));
            }
        }
        if let Some(b'e' | b'E') = input.get(i) {
            i += 1;
            if let Some(b'+' | b'-') = input.get(i) {
                i += 1;
            }
            let exponent_start = i;
            i = digits_from(exponent_start);
            if i == exponent_start {
                return Err(self.number_error(i));
            }
        }
        self.position = i;
        self.slice(start, i)
    }

    fn number_error(&self, at: usize) -> JsonError {
        if at >= self.input.len() {
            self.end_of_input()
        } else {
            self.error_at("invalid number", at)
        }
    }

    /// Reads a string starting at its opening quote.
    fn read_string(&mut self) -> Result<Cow<'a, str>, JsonError> {
        let input = self.input;
        let start = self.position + 1;
        let mut i = start;
        let mut has_escapes = false;
        loop {
            // Skip plain bytes 8 at a time, stopping exactly at the first special one.
            for chunk in input.get(i..).unwrap_or_default().chunks_exact(8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                let mask = special_bytes(u64::from_le_bytes(word));
                if mask != 0 {
                    i += (mask.trailing_zeros() / 8) as usize;
                    break;
                }
                i += 8;
            }
            match input.get(i) {
                None => return Err(self.end_of_input()),
                Some(b'"') => break,
                Some(b'\\') => {
                    has_escapes = true;
                    i += 2;
                }
                Some(&byte) if byte < 0x20 => {
                    return Err(self.error_at("control character in string", i))
                }
                Some(_) => i += 1,
            }
        }
        self.position = i + 1;
        let raw = self.slice(start, i)?;
        if !has_escapes {
            Ok(Cow::Borrowed(raw))
        } else if self.decode_strings {
            unescape(raw, start).map(Cow::Owned)
        } else {
            // Skipping: validate only, and hand back the raw text.
            decode_escapes(raw, start, None).map(|()| Cow::Borrowed(raw))
        }
    }

    // --- helpers for generated parsers ---------------------------------------------------------

    fn next_or_end(&mut self) -> Result<Token<'a>, JsonError> {
        match self.next_token()? {
            Some(token) => Ok(token),
            None => Err(self.end_of_input()),
        }
    }

    /// Like `next_or_end` where a value is expected, with a shortcut for the common states.
    fn next_value_token(&mut self) -> Result<Token<'a>, JsonError> {
        if self.peeked.is_none()
            && matches!(self.state, State::Value | State::Start | State::ArrayFirst)
        {
            self.skip_whitespace();
            if self.input.get(self.position) != Some(&b']') {
                self.token_start = self.position;
                let result = self.read_value();
                if result.is_err() {
                    self.state = State::Failed;
                }
                return result;
            }
        }
        self.next_or_end()
    }

    fn unexpected(&self, token: &Token<'_>, expected: &str) -> JsonError {
        self.error(format!("expected {expected}, found {}", token.describe()))
    }

    /// Skips the next value, however deeply nested.
    pub(crate) fn skip_value(&mut self) -> Result<(), JsonError> {
        self.decode_strings = false;
        let result = self.skip_value_tokens();
        self.decode_strings = true;
        result
    }

    fn skip_value_tokens(&mut self) -> Result<(), JsonError> {
        let mut depth = 0usize;
        loop {
            match self.next_or_end()? {
                Token::StartObject | Token::StartArray => depth += 1,
                Token::EndObject | Token::EndArray if depth > 0 => depth -= 1,
                Token::Key(_) if depth > 0 => continue,
                token @ (Token::EndObject | Token::EndArray | Token::Key(_)) => {
                    return Err(self.unexpected(&token, "a value"))
                }
                _ => {}
            }
            if depth == 0 {
                return Ok(());
            }
        }
    }

    /// Inside an object: returns the next key, or `None` after consuming the closing `}`.
    pub(crate) fn next_key(&mut self) -> Result<Option<Cow<'a, str>>, JsonError> {
        if self.peeked.is_none() {
            // Shortcut for well-formed input; anything else takes the general path below.
            self.skip_whitespace();
            let at_key = match (self.state, self.input.get(self.position)) {
                (State::ObjectFirst, Some(b'"')) => true,
                (State::ObjectNext, Some(b',')) => {
                    let mut next = self.position + 1;
                    while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.input.get(next) {
                        next += 1;
                    }
                    let quote = self.input.get(next) == Some(&b'"');
                    if quote {
                        self.position = next;
                    }
                    quote
                }
                (State::ObjectFirst | State::ObjectNext, Some(b'}')) => {
                    self.token_start = self.position;
                    self.close(Token::EndObject);
                    return Ok(None);
                }
                _ => false,
            };
            if at_key {
                self.token_start = self.position;
                return match self.read_key() {
                    Ok(Token::Key(key)) => Ok(Some(key)),
                    Ok(_) => Err(self.error("expected an object key")),
                    Err(error) => {
                        self.state = State::Failed;
                        Err(error)
                    }
                };
            }
        }
        match self.next_or_end()? {
            Token::Key(key) => Ok(Some(key)),
            Token::EndObject => Ok(None),
            token => Err(self.unexpected(&token, "an object key or '}'")),
        }
    }

    /// Inside an array: returns `false` after consuming the closing `]`, or `true` if another
    /// element follows (which is left for the caller to read).
    pub(crate) fn array_has_next(&mut self) -> Result<bool, JsonError> {
        if self.peeked.is_none() {
            // Shortcut for well-formed input; anything else takes the general path below.
            self.skip_whitespace();
            match (self.state, self.input.get(self.position)) {
                (State::ArrayFirst | State::ArrayNext, Some(b']')) => {
                    self.token_start = self.position;
                    self.close(Token::EndArray);
                    return Ok(false);
                }
                (State::ArrayFirst, Some(_)) => return Ok(true),
                (State::ArrayNext, Some(b',')) => {
                    self.position += 1;
                    self.state = State::Value;
                    return Ok(true);
                }
                _ => {}
            }
        }
        match self.peek()? {
            Some(Token::EndArray) => {
                self.next_token()?;
                Ok(false)
            }
            Some(_) => Ok(true),
            None => Err(self.end_of_input()),
        }
    }

    /// Reads `{`.
    pub(crate) fn expect_start_object(&mut self) -> Result<(), JsonError> {
        match self.next_value_token()? {
            Token::StartObject => Ok(()),
            token => Err(self.unexpected(&token, "an object")),
        }
    }

    /// Reads `{` (returning `true`) or `null` (returning `false`).
    pub(crate) fn expect_start_object_or_null(&mut self) -> Result<bool, JsonError> {
        match self.next_value_token()? {
            Token::StartObject => Ok(true),
            Token::Null => Ok(false),
            token => Err(self.unexpected(&token, "an object or null")),
        }
    }

    /// Reads `[` (returning `true`) or `null` (returning `false`).
    pub(crate) fn expect_start_array_or_null(&mut self) -> Result<bool, JsonError> {
        match self.next_value_token()? {
            Token::StartArray => Ok(true),
            Token::Null => Ok(false),
            token => Err(self.unexpected(&token, "an array or null")),
        }
    }

    /// Reads a string or `null`.
    pub(crate) fn expect_string_or_null(&mut self) -> Result<Option<Cow<'a, str>>, JsonError> {
        match self.next_value_token()? {
            Token::String(value) => Ok(Some(value)),
            Token::Null => Ok(None),
            token => Err(self.unexpected(&token, "a string or null")),
        }
    }

    /// Reads a boolean or `null`.
    pub(crate) fn expect_bool_or_null(&mut self) -> Result<Option<bool>, JsonError> {
        match self.next_value_token()? {
            Token::Bool(value) => Ok(Some(value)),
            Token::Null => Ok(None),
            token => Err(self.unexpected(&token, "a boolean or null")),
        }
    }

    /// Reads a number or `null` as a [`Number`].
    pub(crate) fn expect_number_or_null(&mut self) -> Result<Option<Number>, JsonError> {
        match self.next_value_token()? {
            Token::Number(text) => Ok(Some(number_from_text(text))),
            Token::Null => Ok(None),
            token => Err(self.unexpected(&token, "a number or null")),
        }
    }

    /// Reads an integer that fits `T`, or `null`; whole numbers in float form (`5.0`, `5e2`)
    /// are accepted, fractions (`5.5`) are not.
    fn expect_integer_or_null<T: TryFrom<i128>>(
        &mut self,
        type_name: &'static str,
    ) -> Result<Option<T>, JsonError> {
        match self.next_value_token()? {
            Token::Number(text) => match scaled_decimal(text, 0, true) {
                Ok(value) => T::try_from(value).map(Some).map_err(|_| {
                    self.error(format!("number {} is out of range for {type_name}", clip(text)))
                }),
                Err(DecimalError::Overflow) => {
                    Err(self.error(format!("number {} is out of range for {type_name}", clip(text))))
                }
                Err(_) => {
                    Err(self.error(format!("expected an integer for {type_name}, found {text}")))
                }
            },
            Token::Null => Ok(None),
            token => Err(self.unexpected(&token, "an integer or null")),
        }
    }

    /// Reads an `i8` or `null`.
    pub(crate) fn expect_i8_or_null(&mut self) -> Result<Option<i8>, JsonError> {
        self.expect_integer_or_null("i8")
    }

    /// Reads an `i16` or `null`.
    pub(crate) fn expect_i16_or_null(&mut self) -> Result<Option<i16>, JsonError> {
        self.expect_integer_or_null("i16")
    }

    /// Reads an `i32` or `null`.
    pub(crate) fn expect_i32_or_null(&mut self) -> Result<Option<i32>, JsonError> {
        self.expect_integer_or_null("i32")
    }

    /// Reads an `i64` or `null`.
    pub(crate) fn expect_i64_or_null(&mut self) -> Result<Option<i64>, JsonError> {
        self.expect_integer_or_null("i64")
    }

    /// Reads the text of a float: a number, or one of the strings `NaN`, `Infinity`,
    /// `-Infinity`; `None` for `null`.
    fn expect_float_text_or_null(&mut self) -> Result<Option<Cow<'a, str>>, JsonError> {
        match self.next_value_token()? {
            Token::Number(text) => Ok(Some(Cow::Borrowed(text))),
            Token::String(text) if matches!(&*text, "NaN" | "Infinity" | "-Infinity") => {
                Ok(Some(text))
            }
            Token::Null => Ok(None),
            token => {
                Err(self.unexpected(&token, "a number, \"NaN\", \"Infinity\" or \"-Infinity\""))
            }
        }
    }

    /// Reads an `f64`, `"NaN"`, `"Infinity"`, `"-Infinity"` or `null`.
    pub(crate) fn expect_f64_or_null(&mut self) -> Result<Option<f64>, JsonError> {
        match self.expect_float_text_or_null()? {
            // Rust's float grammar includes JSON's and the three special strings.
            Some(text) => text
                .parse()
                .map(Some)
                .map_err(|_| self.error("invalid number")),
            None => Ok(None),
        }
    }

    /// Reads an `f32` (correctly rounded from the text), the special strings, or `null`.
    pub(crate) fn expect_f32_or_null(&mut self) -> Result<Option<f32>, JsonError> {
        match self.expect_float_text_or_null()? {
            Some(text) => text
                .parse()
                .map(Some)
                .map_err(|_| self.error("invalid number")),
            None => Ok(None),
        }
    }

    /// Reads a timestamp or `null`: a number for epoch seconds (exactly, exponent form
    /// allowed), a string for the other formats.
    pub(crate) fn expect_timestamp_or_null(
        &mut self,
        format: DateTimeFormat,
    ) -> Result<Option<DateTime>, JsonError> {
        let token = self.next_value_token()?;
        let parsed = match (&token, format) {
            (Token::Null, _) => return Ok(None),
            // Exactly, from the decimal text (`1.5e9` too), whichever primitives the crate uses.
            (Token::Number(text), DateTimeFormat::EpochSeconds) => {
                return epoch_seconds(text).map(Some).map_err(|message| self.error(message))
            }
            // Offsets are accepted when reading (as the AWS SDK reads: `DateTimeWithOffset`).
            (Token::String(text), DateTimeFormat::DateTime)
            | (Token::String(text), DateTimeFormat::DateTimeWithOffset) => {
                DateTime::from_str(text, DateTimeFormat::DateTimeWithOffset)
            }
            (Token::String(text), DateTimeFormat::HttpDate) => DateTime::from_str(text, format),
            (_, DateTimeFormat::EpochSeconds) => {
                return Err(self.unexpected(&token, "an epoch-seconds number or null"))
            }
            _ => return Err(self.unexpected(&token, "a timestamp string or null")),
        };
        parsed
            .map(Some)
            .map_err(|error| self.error(error.to_string()))
    }

    /// Reads a base64 string as a [`Blob`], or `null`.
    pub(crate) fn expect_blob_or_null(&mut self) -> Result<Option<Blob>, JsonError> {
        match self.next_value_token()? {
            Token::String(text) => base64::decode(&*text)
                .map(|bytes| Some(Blob::new(bytes)))
                .map_err(|error| self.error(error.to_string())),
            Token::Null => Ok(None),
            token => Err(self.unexpected(&token, "a base64 string or null")),
        }
    }

    /// Reads a [`BigInteger`] from a bare JSON number, or `null`.
    pub(crate) fn expect_big_integer_or_null(&mut self) -> Result<Option<BigInteger>, JsonError> {
        match self.next_value_token()? {
            Token::Number(text) => text
                .parse()
                .map(Some)
                .map_err(|_| self.error(format!("expected an integer, found {}", clip(text)))),
            Token::Null => Ok(None),
            token => Err(self.unexpected(&token, "a number or null")),
        }
    }

    /// Reads a [`BigDecimal`] from a bare JSON number, or `null`.
    pub(crate) fn expect_big_decimal_or_null(&mut self) -> Result<Option<BigDecimal>, JsonError> {
        match self.next_value_token()? {
            Token::Number(text) => text
                .parse()
                .map(Some)
                .map_err(|_| self.error("invalid number")),
            Token::Null => Ok(None),
            token => Err(self.unexpected(&token, "a number or null")),
        }
    }

    /// Reads any value as a [`Document`] (`null` gives [`Document::Null`]), without recursion.
    pub(crate) fn expect_document(&mut self) -> Result<Document, JsonError> {
        enum Frame {
            Array(Vec<Document>),
            Object(HashMap<String, Document>, Option<String>),
        }
        let mut stack: Vec<Frame> = Vec::new();
        loop {
            let value = match self.next_or_end()? {
                Token::StartObject => {
                    stack.push(Frame::Object(HashMap::new(), None));
                    continue;
                }
                Token::StartArray => {
                    stack.push(Frame::Array(Vec::new()));
                    continue;
                }
                Token::Key(key) => match stack.last_mut() {
                    Some(Frame::Object(_, slot)) => {
                        *slot = Some(key.into_owned());
                        continue;
                    }
                    _ => return Err(self.error("unexpected object key")),
                },
                token @ Token::EndObject => match stack.pop() {
                    Some(Frame::Object(object, _)) => Document::Object(object),
                    _ => return Err(self.unexpected(&token, "a value")),
                },
                token @ Token::EndArray => match stack.pop() {
                    Some(Frame::Array(array)) => Document::Array(array),
                    _ => return Err(self.unexpected(&token, "a value")),
                },
                Token::String(value) => Document::String(value.into_owned()),
                Token::Number(text) => Document::Number(number_from_text(text)),
                Token::Bool(value) => Document::Bool(value),
                Token::Null => Document::Null,
            };
            match stack.last_mut() {
                None => return Ok(value),
                Some(Frame::Array(array)) => array.push(value),
                Some(Frame::Object(object, slot)) => match slot.take() {
                    Some(key) => {
                        object.insert(key, value);
                    }
                    None => return Err(self.error("object value without a key")),
                },
            }
        }
    }
}

/// Flags bytes that are `"`, `\\` or below 0x20 by setting their high bit (SWAR).
///
/// The lowest flagged byte is always exact; bytes above a flagged one may be flagged
/// spuriously by a borrow, which does not matter since scanning stops at the lowest.
#[inline]
fn special_bytes(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    // `v - ONES & !v` marks zero bytes of `v`; `word - 0x20.. & !word` marks bytes below 0x20.
    let found = (quote.wrapping_sub(ONES) & !quote)
        | (backslash.wrapping_sub(ONES) & !backslash)
        | (word.wrapping_sub(ONES * 0x20) & !word);
    found & HIGHS
}

/// Decodes the escapes in a string's raw text; `base` is its offset in the input.
fn unescape(raw: &str, base: usize) -> Result<String, JsonError> {
    let mut out = String::with_capacity(raw.len());
    decode_escapes(raw, base, Some(&mut out))?;
    Ok(out)
}

/// Validates the escapes in a string's raw text, appending the decoded text to `out` if given.
fn decode_escapes(raw: &str, base: usize, mut out: Option<&mut String>) -> Result<(), JsonError> {
    let bytes = raw.as_bytes();
    let mut run_start = 0;
    let mut i = 0;
    while let Some(found) = raw.get(i..).and_then(|rest| rest.find('\\')) {
        i += found;
        // Backslashes and escape sequences are ASCII, so these are character boundaries.
        if let Some(out) = out.as_mut() {
            out.push_str(&raw[run_start..i]);
        }
        let invalid = |at: usize| JsonError::new("invalid escape in string", base + at);
        let decoded = match bytes.get(i + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let unpaired =
                    |at: usize| JsonError::new("unpaired surrogate in string", base + at);
                let first = hex4(bytes, i + 2).ok_or_else(|| invalid(i))?;
                let code = match first {
                    0xD800..=0xDBFF => {
                        if bytes.get(i + 6) != Some(&b'\\') || bytes.get(i + 7) != Some(&b'u') {
                            return Err(unpaired(i));
                        }
                        let second = hex4(bytes, i + 8).ok_or_else(|| invalid(i + 6))?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(unpaired(i));
                        }
                        i += 6;
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return Err(unpaired(i)),
                    _ => first,
                };
                i += 4;
                char::from_u32(code).ok_or_else(|| invalid(i))?
            }
            _ => return Err(invalid(i)),
        };
        if let Some(out) = out.as_mut() {
            out.push(decoded);
        }
        i += 2;
        run_start = i;
    }
    if let Some(out) = out {
        out.push_str(&raw[run_start..]);
    }
    Ok(())
}

/// Parses four hex digits at `at`.
fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    bytes.get(at..at + 4)?.iter().try_fold(0u32, |acc, &b| {
        let digit = char::from(b).to_digit(16)?;
        Some(acc * 16 + digit)
    })
}

/// Classifies validated JSON number text: integers that fit become `PosInt`/`NegInt`,
/// everything else (including `-0`) a `Float`.
fn number_from_text(text: &str) -> Number {
    let is_integer = !text.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'));
    if is_integer {
        if text.starts_with('-') {
            match text.parse::<i64>() {
                Ok(0) => {}
                Ok(value) => return Number::NegInt(value),
                Err(_) => {}
            }
        } else if let Ok(value) = text.parse::<u64>() {
            return Number::PosInt(value);
        }
    }
    Number::Float(text.parse().unwrap_or(f64::NAN))
}

/// Parses a whole JSON text as a [`Document`].
pub(crate) fn parse_document(input: &[u8]) -> Result<Document, JsonError> {
    let mut tokens = JsonTokens::new(input);
    let document = tokens.expect_document()?;
    tokens.finish()?;
    Ok(document)
}

/// An epoch-seconds JSON number as a timestamp, exactly (no trip through `f64`).
fn epoch_seconds(text: &str) -> Result<DateTime, String> {
    let nanos = scaled_decimal(text, 9, false).map_err(|e| match e {
        DecimalError::Overflow => "epoch-seconds value is out of range".to_owned(),
        _ => format!("invalid epoch-seconds timestamp `{text}`"),
    })?;
    DateTime::from_nanos(nanos).map_err(|_| "epoch-seconds value is out of range".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f64_text(value: f64) -> String {
        let mut out = String::new();
        JsonValueWriter::new(&mut out).f64(value);
        out
    }

    fn all_tokens(input: &str) -> Result<Vec<Token<'_>>, JsonError> {
        let mut tokens = JsonTokens::new(input.as_bytes());
        let mut all = Vec::new();
        while let Some(token) = tokens.next_token()? {
            all.push(token);
        }
        Ok(all)
    }

    const SAMPLE: &str = r#"{"name":"caf\u00e9 \"x\"","list":[1,-2,3.5e1,true,false,null],
        "nested":{"deep":[[{}],[]],"emoji":"\ud83d\ude00"},"ts":1.515531081123E9,
        "blob":"Zm9v","when":"2019-12-16T23:48:18Z","n":-0.0}"#;

    #[test]
    fn writes_nested_structures_with_commas() {
        let mut out = String::new();
        let mut object = JsonObjectWriter::new(&mut out);
        object.key("a").i64(-5);
        object.key("b").string("x\"y");
        let mut array = object.key("c").start_array();
        array.value().boolean(true);
        array.value().null();
        array.value().start_object().finish();
        array.value().start_array().finish();
        array.finish();
        let mut inner = object.key("d").start_object();
        inner.key("e").u64(u64::MAX);
        inner.finish();
        object.key("f").f32(0.1);
        object.key("g").blob(b"foo");
        object
            .key("h")
            .date_time(&DateTime::from_millis(1_500), DateTimeFormat::EpochSeconds)
            .unwrap();
        object
            .key("i")
            .date_time(&DateTime::from_secs(0), DateTimeFormat::DateTime)
            .unwrap();
        object
            .key("j")
            .date_time(&DateTime::from_secs(0), DateTimeFormat::HttpDate)
            .unwrap();
        object.key("k").number(Number::NegInt(-1));
        object.finish();
        assert_eq!(
            out,
            r#"{"a":-5,"b":"x\"y","c":[true,null,{},[]],"d":{"e":18446744073709551615},"f":0.10000000149011612,"g":"Zm9v","h":1.5,"i":"1970-01-01T00:00:00Z","j":"Thu, 01 Jan 1970 00:00:00 GMT","k":-1}"#
        );
        let mut out = String::new();
        let error = JsonValueWriter::new(&mut out)
            .date_time(&DateTime::from_secs(i64::MAX), DateTimeFormat::DateTime)
            .unwrap_err();
        assert!(error.to_string().contains("out of range"));
    }

    #[test]
    fn escapes_strings() {
        let mut out = String::new();
        write_string(&mut out, "a\"b\\c/\u{8}\u{c}\n\r\t\u{0}\u{1f}\u{7f}é😀");
        assert_eq!(
            out,
            r#""a\"b\\c/\b\f\n\r\t\u0000\u001f"#.to_owned() + "\u{7f}é😀\""
        );
        let mut plain = String::new();
        write_string(&mut plain, "");
        assert_eq!(plain, "\"\"");
        // Every escaped string reads back unchanged.
        let all: String = (0u32..0x300)
            .filter_map(char::from_u32)
            .chain(['😀', '\u{10FFFF}'])
            .collect();
        let mut written = String::new();
        write_string(&mut written, &all);
        let mut tokens = JsonTokens::new(written.as_bytes());
        assert_eq!(tokens.expect_string_or_null().unwrap().unwrap(), all);
    }

    #[test]
    fn escapes_every_byte_at_every_position() {
        // The 8-bytes-at-a-time scan against a byte-by-byte reference, for each escaped (and
        // some plain) character at every offset of strings around the word size, next to
        // multi-byte characters.
        fn reference(value: &str) -> String {
            let mut out = String::from("\"");
            for c in value.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\u{8}' => out.push_str("\\b"),
                    '\u{c}' => out.push_str("\\f"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        }
        let specials = (0u8..0x20)
            .map(char::from)
            .chain(['"', '\\', '!', '#', '[', ']', ' ', '\u{7f}', '\u{a2}', '\u{dc}', '😀']);
        for special in specials {
            for len in 0..20 {
                for at in 0..=len {
                    for filler in ['a', 'é'] {
                        let mut value: String = std::iter::repeat(filler).take(len).collect();
                        let byte_at = value.char_indices().nth(at).map_or(value.len(), |(i, _)| i);
                        value.insert(byte_at, special);
                        value.push(special);
                        let mut out = String::new();
                        write_string(&mut out, &value);
                        assert_eq!(out, reference(&value), "{value:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn writes_integers() {
        for value in [
            0,
            1,
            9,
            10,
            99,
            100,
            12_345,
            -1,
            -10,
            -100,
            i64::MIN,
            i64::MAX,
        ] {
            let mut out = String::new();
            write_i64(&mut out, value);
            assert_eq!(out, value.to_string());
        }
        for shift in 0..64 {
            for value in [1u64 << shift, (1u64 << shift) - 1, u64::MAX >> shift] {
                let mut out = String::new();
                write_u64(&mut out, value);
                assert_eq!(out, value.to_string());
            }
        }
    }

    #[test]
    fn writes_floats_like_ryu() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (-1.5, "-1.5"),
            (0.1, "0.1"),
            (f64::from(0.1f32), "0.10000000149011612"),
            (123_456.0, "123456.0"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e16"),
            (1.5e16, "1.5e16"),
            (123_456_789_012_345_680.0, "1.2345678901234568e17"),
            (0.00001, "0.00001"),
            (0.000001, "1e-6"),
            (1.5e-7, "1.5e-7"),
            (1e300, "1e300"),
            (f64::MAX, "1.7976931348623157e308"),
            (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
            (5e-324, "5e-324"),
            (1_515_531_081.123, "1515531081.123"),
            (2_960.370_999_999_999_6, "2960.3709999999996"),
            (1.0 / 3.0, "0.3333333333333333"),
            (100.0, "100.0"),
            (0.001, "0.001"),
            (9_007_199_254_740_993.0, "9007199254740992.0"),
            // Exact ties between two shortest candidates go to the even digit, as in ryu.
            (6_632_827_120_354_249.0 / 4.0, "1658206780088562.2"),
            (1_864_927_124_118_369.0 / 8.0, "233115890514796.12"),
            (-429_276_287_732_437.0 / 16.0, "-26829767983277.312"),
            (f64::NAN, "\"NaN\""),
            (f64::INFINITY, "\"Infinity\""),
            (f64::NEG_INFINITY, "\"-Infinity\""),
        ];
        for &(value, expected) in cases {
            assert_eq!(f64_text(value), expected, "{value:e}");
        }
        // Shortest round trip over many magnitudes.
        let mut value = 1.234_567_890_123_456_7e-300;
        while value < 1e300 {
            for v in [value, -value, value * 3.0 / 7.0] {
                let text = f64_text(v);
                assert_eq!(text.parse::<f64>().unwrap(), v, "{text}");
            }
            value *= 13.7;
        }
    }

    #[test]
    fn exact_decimal_comparison() {
        assert!(is_exactly(0.5, 5, -1));
        assert!(is_exactly(
            6_632_827_120_354_249.0 / 4.0,
            165_820_678_008_856_225,
            -2
        ));
        assert!(!is_exactly(0.1, 1, -1));
        assert!(is_exactly(1e22, 1, 22));
        assert!(!is_exactly(1e23, 1, 23));
        assert!(!is_exactly(5e-324, 5, -324));
        assert!(!is_exactly(f64::MAX, 17_976_931_348_623_157, 292));
    }

    #[test]
    fn writes_big_numbers_and_documents() {
        let cases = [
            ("+7", "7"),
            ("-007", "-7"),
            ("000", "0"),
            ("+.5", "0.5"),
            ("1.", "1"),
            ("-1.50E+3", "-1.50E+3"),
        ];
        for (input, expected) in cases {
            let mut out = String::new();
            JsonValueWriter::new(&mut out).big_decimal(&input.parse().unwrap());
            assert_eq!(out, expected);
            assert!(parse_document(out.as_bytes()).is_ok(), "{out}");
        }
        let mut out = String::new();
        JsonValueWriter::new(&mut out).big_integer(&"-0012".parse().unwrap());
        assert_eq!(out, "-12");

        let document = parse_document(SAMPLE.as_bytes()).unwrap();
        let mut written = String::new();
        JsonValueWriter::new(&mut written).document(&document);
        assert_eq!(parse_document(written.as_bytes()).unwrap(), document);

        let mut deep = Document::Null;
        for _ in 0..100_000 {
            deep = Document::Array(vec![deep]);
        }
        let mut out = String::new();
        JsonValueWriter::new(&mut out).document(&deep);
        assert_eq!(out.len(), 200_004);
        // Dropping is recursive in std; unwind it by hand.
        while let Document::Array(mut items) = deep {
            deep = items.pop().unwrap_or(Document::Null);
        }
    }

    #[test]
    fn tokenizes_all_token_kinds() {
        let tokens =
            all_tokens(r#" { "a" : [ 1 , -2.5e3 , "s" , true , false , null , { } , [ ] ] } "#)
                .unwrap();
        assert_eq!(
            tokens,
            vec![
                Token::StartObject,
                Token::Key("a".into()),
                Token::StartArray,
                Token::Number("1"),
                Token::Number("-2.5e3"),
                Token::String("s".into()),
                Token::Bool(true),
                Token::Bool(false),
                Token::Null,
                Token::StartObject,
                Token::EndObject,
                Token::StartArray,
                Token::EndArray,
                Token::EndArray,
                Token::EndObject,
            ]
        );
        assert_eq!(all_tokens("").unwrap(), vec![]);
        assert_eq!(all_tokens(" \n\t\r").unwrap(), vec![]);
        assert_eq!(all_tokens("0").unwrap(), vec![Token::Number("0")]);
        assert_eq!(all_tokens("\"\"").unwrap(), vec![Token::String("".into())]);
    }

    #[test]
    fn borrows_plain_strings_and_unescapes_others() {
        let mut tokens = JsonTokens::new(br#"["plain long string without escapes", "a\nb"]"#);
        tokens.expect_start_array_or_null().unwrap();
        assert!(matches!(
            tokens.expect_string_or_null().unwrap(),
            Some(Cow::Borrowed(_))
        ));
        let escaped = tokens.expect_string_or_null().unwrap().unwrap();
        assert!(matches!(escaped, Cow::Owned(_)));
        assert_eq!(escaped, "a\nb");
        assert!(!tokens.array_has_next().unwrap());
        tokens.finish().unwrap();
    }

    #[test]
    fn unescapes_unicode_and_surrogates() {
        fn read(json: &str) -> Result<Option<Cow<'_, str>>, JsonError> {
            JsonTokens::new(json.as_bytes()).expect_string_or_null()
        }
        assert_eq!(
            read(r#""\u00e9\u4e2d\ud83d\ude00\/""#).unwrap().unwrap(),
            "é中😀/"
        );
        assert_eq!(read(r#""\uD83D\uDE00""#).unwrap().unwrap(), "😀");
        assert_eq!(read("\"é中😀\"").unwrap().unwrap(), "é中😀");
        assert_eq!(read(r#""\u0000""#).unwrap().unwrap(), "\u{0}");
        for bad in [
            r#""\ud83d""#,
            r#""\ud83dx""#,
            r#""\ud83d\u0041""#,
            r#""\ude00""#,
            r#""\ud83d\ud83d""#,
            r#""\u12""#,
            r#""\u12G4""#,
            r#""\x""#,
            r#""\'""#,
            "\"\\\u{e9}\"",
            "\"a\nb\"",
            "\"\t\"",
        ] {
            assert!(read(bad).is_err(), "{bad}");
        }
        let error = read(r#""ab\q""#).unwrap_err();
        assert_eq!(
            (error.message(), error.offset()),
            ("invalid escape in string", 3)
        );
        // Invalid UTF-8 is rejected with its offset.
        let error = JsonTokens::new(b"\"ab\xff\"").next_token().unwrap_err();
        assert_eq!(error.offset(), 3);
        assert_eq!(error.to_string(), "invalid UTF-8 at offset 3");
        let mut tokens = JsonTokens::new(b"[\"a\", 1, tru\xff]");
        assert_eq!(tokens.next_token().unwrap(), Some(Token::StartArray));
        assert_eq!(
            tokens.next_token().unwrap(),
            Some(Token::String("a".into()))
        );
        assert_eq!(tokens.next_token().unwrap(), Some(Token::Number("1")));
        assert!(tokens.next_token().is_err());
        assert!(JsonTokens::new(b"\xff").next_token().is_err());
        let error = parse_document(b"{} \xc3").unwrap_err();
        assert_eq!(error.to_string(), "invalid UTF-8 at offset 3");
    }

    #[test]
    fn rejects_invalid_documents() {
        for bad in [
            "{",
            "[",
            "]",
            "}",
            "[1,]",
            "[,1]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a:1}",
            "{\"a\":}",
            "[1 2]",
            "[1}",
            "{\"a\":1]",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "1e+",
            "+1",
            "--1",
            "0x1",
            "tru",
            "truex",
            "nul",
            "NaN",
            "Infinity",
            "'a'",
            "[\"a\"",
            "\"abc",
            "1 2",
            "{} {}",
            "[]]",
            "\u{feff}{}",
            "[1,,2]",
            "{\"a\":1 \"b\":2}",
            "{,}",
        ] {
            assert!(all_tokens(bad).is_err(), "{bad:?}");
        }
        let error = all_tokens("[1, 2] x").unwrap_err();
        assert_eq!(
            error.to_string(),
            "unexpected data after the top-level value at offset 7"
        );
        // After an error the tokenizer stays failed.
        let mut tokens = JsonTokens::new(b"[x, 1]");
        tokens.next_token().unwrap();
        assert!(tokens.next_token().is_err());
        assert!(tokens.next_token().is_err());
    }

    #[test]
    fn nesting_depth_is_limited_without_recursion() {
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert_eq!(all_tokens(&ok).unwrap().len(), MAX_DEPTH * 2);
        let too_deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        let error = all_tokens(&too_deep).unwrap_err();
        assert_eq!(error.message(), "maximum nesting depth exceeded");
        assert_eq!(error.offset(), MAX_DEPTH);
        let hostile = "[".repeat(100_000);
        assert_eq!(
            parse_document(hostile.as_bytes()).unwrap_err().message(),
            "maximum nesting depth exceeded"
        );
        let hostile_objects = "{\"a\":".repeat(100_000);
        assert!(parse_document(hostile_objects.as_bytes()).is_err());
        let mut tokens = JsonTokens::new(hostile.as_bytes());
        assert_eq!(
            tokens.skip_value().unwrap_err().message(),
            "maximum nesting depth exceeded"
        );
        // Depth is restored as containers close.
        let siblings = format!("[{}]", [ok.as_str(); 3].join(","));
        assert!(all_tokens(&siblings).is_err());
        let siblings = format!(
            "[{}]",
            vec!["[".repeat(MAX_DEPTH - 1) + &"]".repeat(MAX_DEPTH - 1); 3].join(",")
        );
        assert!(all_tokens(&siblings).is_ok());
    }

    #[test]
    fn truncated_input_never_panics() {
        assert!(parse_document(SAMPLE.as_bytes()).is_ok());
        for end in 0..SAMPLE.len() {
            let prefix = &SAMPLE.as_bytes()[..end];
            assert!(parse_document(prefix).is_err(), "prefix {end} parsed");
            let mut tokens = JsonTokens::new(prefix);
            let result = (|| {
                while tokens.next_token()?.is_some() {}
                tokens.finish()
            })();
            if end > 0 {
                assert!(result.is_err(), "prefix {end} tokenized");
            }
            assert!(JsonTokens::new(prefix).skip_value().is_err());
        }
        // Arbitrary bytes: errors only, no panics.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let alphabet = b"{}[],:\"\\u0123456789abcdefe+-.tnrl \xff\xc3\xa9";
        for _ in 0..20_000 {
            let len = (seed % 24) as usize;
            let mut bytes = Vec::with_capacity(len);
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                bytes.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            let _ = parse_document(&bytes);
            let mut tokens = JsonTokens::new(&bytes);
            let _ = tokens.skip_value();
        }
    }

    #[test]
    fn reads_structures_with_helpers() {
        let json = br#"{"Name":"n","Count":5.0,"Big":-9223372036854775808,"Flag":null,
            "Items":["a","b"],"Skip":{"x":[1,{"y":null}],"z":"\u0041"},"Ratio":"NaN",
            "When":1.515531081123E9,"Data":"Zm9v","Doc":{"k":[1,2.5,"s",null,true]}}"#;
        let mut tokens = JsonTokens::new(json);
        tokens.expect_start_object().unwrap();
        let mut seen = Vec::new();
        while let Some(key) = tokens.next_key().unwrap() {
            match key.as_ref() {
                "Name" => assert_eq!(tokens.expect_string_or_null().unwrap().unwrap(), "n"),
                "Count" => assert_eq!(tokens.expect_i32_or_null().unwrap(), Some(5)),
                "Big" => assert_eq!(tokens.expect_i64_or_null().unwrap(), Some(i64::MIN)),
                "Flag" => assert_eq!(tokens.expect_bool_or_null().unwrap(), None),
                "Items" => {
                    assert!(tokens.expect_start_array_or_null().unwrap());
                    let mut items = Vec::new();
                    while tokens.array_has_next().unwrap() {
                        items.push(
                            tokens
                                .expect_string_or_null()
                                .unwrap()
                                .unwrap()
                                .into_owned(),
                        );
                    }
                    assert_eq!(items, ["a", "b"]);
                }
                "Ratio" => assert!(tokens.expect_f64_or_null().unwrap().unwrap().is_nan()),
                "When" => assert_eq!(
                    tokens
                        .expect_timestamp_or_null(DateTimeFormat::EpochSeconds)
                        .unwrap(),
                    Some(DateTime::from_secs_and_nanos(1_515_531_081, 123_000_000))
                ),
                "Data" => assert_eq!(
                    tokens.expect_blob_or_null().unwrap(),
                    Some(Blob::new("foo"))
                ),
                "Doc" => {
                    let doc = tokens.expect_document().unwrap();
                    let list = doc.as_object().unwrap()["k"].as_array().unwrap();
                    assert_eq!(list[0], Document::Number(Number::PosInt(1)));
                    assert_eq!(list[1], Document::Number(Number::Float(2.5)));
                }
                _ => tokens.skip_value().unwrap(),
            }
            seen.push(key.into_owned());
        }
        tokens.finish().unwrap();
        assert_eq!(seen.len(), 10);
    }

    #[test]
    fn integer_conversions_check_range_and_fractions() {
        fn read<T>(
            json: &str,
            f: impl Fn(&mut JsonTokens<'_>) -> Result<Option<T>, JsonError>,
        ) -> Result<Option<T>, JsonError> {
            f(&mut JsonTokens::new(json.as_bytes()))
        }
        assert_eq!(read("127", |t| t.expect_i8_or_null()).unwrap(), Some(127));
        assert_eq!(read("-128", |t| t.expect_i8_or_null()).unwrap(), Some(-128));
        assert!(read("128", |t| t.expect_i8_or_null()).is_err());
        assert!(read("-129", |t| t.expect_i8_or_null()).is_err());
        assert_eq!(
            read("32767", |t| t.expect_i16_or_null()).unwrap(),
            Some(i16::MAX)
        );
        assert!(read("32768", |t| t.expect_i16_or_null()).is_err());
        assert_eq!(
            read("-2147483648", |t| t.expect_i32_or_null()).unwrap(),
            Some(i32::MIN)
        );
        assert!(read("2147483648", |t| t.expect_i32_or_null()).is_err());
        assert_eq!(
            read("9223372036854775807", |t| t.expect_i64_or_null()).unwrap(),
            Some(i64::MAX)
        );
        let error = read("9223372036854775808", |t| t.expect_i64_or_null()).unwrap_err();
        assert_eq!(
            error.message(),
            "number 9223372036854775808 is out of range for i64"
        );
        assert!(read("1e400", |t| t.expect_i64_or_null()).is_err());
        assert_eq!(read("5.0", |t| t.expect_i32_or_null()).unwrap(), Some(5));
        assert_eq!(read("5e2", |t| t.expect_i32_or_null()).unwrap(), Some(500));
        assert_eq!(read("-0.0", |t| t.expect_i32_or_null()).unwrap(), Some(0));
        let error = read("5.5", |t| t.expect_i32_or_null()).unwrap_err();
        assert_eq!(error.message(), "expected an integer for i32, found 5.5");
        assert_eq!(read("null", |t| t.expect_i32_or_null()).unwrap(), None);
        assert!(read("\"5\"", |t| t.expect_i32_or_null()).is_err());
        assert!(read("true", |t| t.expect_i64_or_null()).is_err());
    }

    #[test]
    fn float_conversions_accept_special_strings() {
        let f64_of = |json: &str| JsonTokens::new(json.as_bytes()).expect_f64_or_null();
        assert_eq!(f64_of("1.5").unwrap(), Some(1.5));
        assert_eq!(f64_of("-0").unwrap().map(f64::is_sign_negative), Some(true));
        assert_eq!(f64_of("1e400").unwrap(), Some(f64::INFINITY));
        assert_eq!(f64_of("\"Infinity\"").unwrap(), Some(f64::INFINITY));
        assert_eq!(f64_of("\"-Infinity\"").unwrap(), Some(f64::NEG_INFINITY));
        assert!(f64_of("\"NaN\"").unwrap().unwrap().is_nan());
        assert_eq!(f64_of("null").unwrap(), None);
        for bad in [
            "\"nan\"",
            "\"inf\"",
            "\"1.5\"",
            "\"+Infinity\"",
            "true",
            "[]",
        ] {
            assert!(f64_of(bad).is_err(), "{bad}");
        }
        let f32_of = |json: &str| JsonTokens::new(json.as_bytes()).expect_f32_or_null();
        assert_eq!(f32_of("0.10000000149011612").unwrap(), Some(0.1f32));
        assert_eq!(f32_of("3.4028235e38").unwrap(), Some(f32::MAX));
        assert_eq!(f32_of("\"-Infinity\"").unwrap(), Some(f32::NEG_INFINITY));
        assert!(f32_of("\"NaN\"").unwrap().unwrap().is_nan());
        // f32 values survive the widened round trip.
        for value in [0.1f32, 1.0e-40, f32::MAX, -7.25] {
            let mut out = String::new();
            JsonValueWriter::new(&mut out).f32(value);
            assert_eq!(f32_of(&out).unwrap(), Some(value), "{out}");
        }
    }

    #[test]
    fn timestamps_blobs_and_big_numbers() {
        let ts =
            |json: &str, format| JsonTokens::new(json.as_bytes()).expect_timestamp_or_null(format);
        assert_eq!(
            ts("1515531081", DateTimeFormat::EpochSeconds).unwrap(),
            Some(DateTime::from_secs(1_515_531_081))
        );
        assert_eq!(
            ts("-1.5", DateTimeFormat::EpochSeconds).unwrap(),
            Some(DateTime::from_millis(-1_500))
        );
        assert_eq!(ts("null", DateTimeFormat::EpochSeconds).unwrap(), None);
        assert!(ts("\"1515531081\"", DateTimeFormat::EpochSeconds).is_err());
        assert!(ts("1e30", DateTimeFormat::EpochSeconds).is_err());
        assert_eq!(
            ts("\"2019-12-16T22:48:18-01:00\"", DateTimeFormat::DateTime).unwrap(),
            Some(DateTime::from_secs(1_576_540_098))
        );
        assert_eq!(
            ts(
                "\"Mon, 16 Dec 2019 23:48:18 GMT\"",
                DateTimeFormat::HttpDate
            )
            .unwrap(),
            Some(DateTime::from_secs(1_576_540_098))
        );
        assert!(ts("1576540098", DateTimeFormat::DateTime).is_err());
        assert!(ts("\"2019-12-16\"", DateTimeFormat::DateTime).is_err());

        let blob = |json: &str| JsonTokens::new(json.as_bytes()).expect_blob_or_null();
        assert_eq!(blob("\"\"").unwrap(), Some(Blob::default()));
        for bad in [
            "\"xyz\"",
            "\"YmxvYg=\"",
            "[98, 108]",
            "981081198",
            "true",
            "\"-_==\"",
            "blob",
        ] {
            assert!(blob(bad).is_err(), "{bad}");
        }

        let mut tokens = JsonTokens::new(b"[123456789012345678901234567890, 1.5, -1.5e-300, null]");
        tokens.expect_start_array_or_null().unwrap();
        assert_eq!(
            tokens
                .expect_big_integer_or_null()
                .unwrap()
                .unwrap()
                .as_ref(),
            "123456789012345678901234567890"
        );
        assert!(tokens.expect_big_integer_or_null().is_err());
        let mut tokens = JsonTokens::new(b"[-1.5e-300, null]");
        tokens.expect_start_array_or_null().unwrap();
        assert_eq!(
            tokens
                .expect_big_decimal_or_null()
                .unwrap()
                .unwrap()
                .as_ref(),
            "-1.5e-300"
        );
        assert_eq!(tokens.expect_big_decimal_or_null().unwrap(), None);
    }

    #[test]
    fn documents_classify_numbers() {
        let doc = parse_document(
            b"[0, 18446744073709551615, 18446744073709551616, -9223372036854775808, -9223372036854775809, -0, 1.0, 1e2]",
        )
        .unwrap();
        let numbers: Vec<Number> = doc
            .as_array()
            .unwrap()
            .iter()
            // `to_owned`: ours returns the number, aws-smithy-types' a reference to it.
            .map(|d| d.as_number().unwrap().to_owned())
            .collect();
        assert_eq!(
            numbers[..5],
            [
                Number::PosInt(0),
                Number::PosInt(u64::MAX),
                Number::Float(18_446_744_073_709_551_616.0),
                Number::NegInt(i64::MIN),
                Number::Float(-9_223_372_036_854_775_809.0),
            ]
        );
        assert!(matches!(numbers[5], Number::Float(v) if v == 0.0 && v.is_sign_negative()));
        assert_eq!(numbers[6..], [Number::Float(1.0), Number::Float(100.0)]);
        assert_eq!(parse_document(b"null").unwrap(), Document::Null);
        assert_eq!(
            parse_document(b" \"s\" ").unwrap(),
            Document::String("s".into())
        );
        assert!(parse_document(b"").is_err());
        assert!(parse_document(b"{} 1").is_err());
        let duplicate = parse_document(br#"{"a":1,"a":2}"#).unwrap();
        assert_eq!(
            duplicate.as_object().unwrap()["a"],
            Document::Number(Number::PosInt(2))
        );
    }

    #[test]
    fn helpers_reject_wrong_shapes() {
        let mut tokens = JsonTokens::new(b"{\"a\":1}");
        assert!(tokens.expect_start_array_or_null().is_err());
        let mut tokens = JsonTokens::new(b"[1]");
        assert_eq!(
            tokens.expect_start_object().unwrap_err().to_string(),
            "expected an object, found array at offset 0"
        );
        let mut tokens = JsonTokens::new(b"null");
        assert!(!tokens.expect_start_object_or_null().unwrap());
        tokens.finish().unwrap();
        let mut tokens = JsonTokens::new(b"[]");
        assert!(tokens.expect_start_object_or_null().is_err());
        let mut tokens = JsonTokens::new(b"{\"a\":1}");
        tokens.expect_start_object().unwrap();
        assert!(tokens.next_key().unwrap().is_some());
        assert!(tokens.next_key().is_err());
        let mut tokens = JsonTokens::new(b"[]");
        tokens.expect_start_array_or_null().unwrap();
        assert!(tokens.skip_value().is_err());
        let mut tokens = JsonTokens::new(b"{}");
        assert!(tokens.finish().is_err());
        let mut tokens = JsonTokens::new(b"");
        assert!(tokens.finish().is_err());
        assert!(JsonTokens::new(b"[1").expect_document().is_err());
        // Skipping validates escapes it does not decode.
        assert!(JsonTokens::new(br#"["ok\n\u00e9", {"a": "\ud83d\ude00"}]"#)
            .skip_value()
            .is_ok());
        assert!(JsonTokens::new(br#"["bad \x"]"#).skip_value().is_err());
        assert!(JsonTokens::new(br#"{"a": "\ud83d"}"#).skip_value().is_err());
        let mut tokens = JsonTokens::new(br#"{"a":"x\ty","b":2}"#);
        tokens.expect_start_object().unwrap();
        tokens.next_key().unwrap();
        tokens.skip_value().unwrap();
        assert_eq!(tokens.next_key().unwrap().unwrap(), "b");
        assert_eq!(tokens.peek().unwrap(), Some(&Token::Number("2")));
        assert_eq!(tokens.expect_i64_or_null().unwrap(), Some(2));
        assert_eq!(tokens.peek().unwrap(), Some(&Token::EndObject));
        assert_eq!(tokens.next_key().unwrap(), None);
        tokens.finish().unwrap();
        // The shortcuts and the general path agree after a peek.
        let mut tokens = JsonTokens::new(b"[[], [1]]");
        tokens.expect_start_array_or_null().unwrap();
        assert_eq!(tokens.peek().unwrap(), Some(&Token::StartArray));
        assert!(tokens.array_has_next().unwrap());
        assert!(tokens.expect_start_array_or_null().unwrap());
        assert!(!tokens.array_has_next().unwrap());
        assert!(tokens.array_has_next().unwrap());
        tokens.skip_value().unwrap();
        assert!(!tokens.array_has_next().unwrap());
        tokens.finish().unwrap();
        let mut tokens = JsonTokens::new(b"[1,2]");
        assert_eq!(tokens.peek().unwrap(), Some(&Token::StartArray));
        assert_eq!(tokens.peek().unwrap(), Some(&Token::StartArray));
        tokens.skip_value().unwrap();
        tokens.finish().unwrap();
        assert_eq!(tokens.offset(), 5);
        assert_eq!(tokens.error("custom").to_string(), "custom at offset 5");
    }
}
