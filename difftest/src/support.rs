//! The hand-written half of the glue: the traits the generated code implements for every type
//! (conversion both ways, random values, JSON writing, float normalisation), their impls for
//! primitives and collections, and the random generator.

use std::collections::HashMap;
use std::hash::Hash;

use crate::ours::primitives as ours;
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Random values
// ---------------------------------------------------------------------------------------------

/// A small seeded generator (splitmix64): the same seed always gives the same values.
#[derive(Debug, Clone)]
pub struct Gen {
    state: u64,
    /// Generating an input (as opposed to an output or an error): unions never take `Unknown`.
    pub input: bool,
    /// Maps get fewer than this many entries (default 4). The signed test sets 2: a
    /// `HashMap`'s iteration order is random per map (std's `RandomState`), in our crate and in
    /// the SDK alike, so the bytes of a body with a map of several entries differ between any
    /// two sends, and with them the signature.
    pub map_entries_below: u64,
}

impl Gen {
    /// A generator for one case.
    pub fn new(seed: u64, input: bool) -> Self {
        Gen { state: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03, input, map_entries_below: 4 }
    }

    /// The next 64 random bits.
    pub fn u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.u64() % n.max(1)
    }

    /// True with the given percentage.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Random values of a type. `depth` bounds nesting: at 0, optional aggregates are `None` and
/// collections are empty, so recursive shapes terminate.
pub trait Arb: Sized {
    /// Structures, unions and collections: the kinds that nest.
    const AGGREGATE: bool = false;
    /// A random value.
    fn arb(g: &mut Gen, depth: u32) -> Self;
}

/// Pieces that strings are made of: characters that need percent-encoding, JSON escaping or
/// quoting in headers, non-ASCII text and plain text.
const PIECES: &[&str] = &[
    "a", "Z", "0", "42", "-", "_", ".", "~", "/", "?", "#", "&", "=", "%", "+", " ", "\"", "\\", "\n", "\t", "é", "😀",
    "中文", ":", "@", "!", "*", "'", "(", ")", ",", ";", "[", "]", "{", "}", "<", ">", "|", "^", "`", "$", "%20", "\u{7f}",
    "\u{0}", "\u{2028}", "abc", "Hello World", "x/y/z", "..", "a+b=c&d",
];

fn simple_string(g: &mut Gen) -> String {
    const ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
    let len = 1 + g.below(12) as usize;
    (0..len).map(|_| *g.pick(ALNUM) as char).collect()
}

fn tricky_string(g: &mut Gen) -> String {
    let n = 1 + g.below(6);
    (0..n).map(|_| *g.pick(PIECES)).collect()
}

/// A random string: sometimes empty, often plain, often full of characters that need escaping.
pub fn any_string(g: &mut Gen) -> String {
    match g.below(100) {
        0..=6 => String::new(),
        7..=44 => simple_string(g),
        _ => tricky_string(g),
    }
}

impl Arb for String {
    fn arb(g: &mut Gen, _depth: u32) -> Self {
        any_string(g)
    }
}

impl Arb for bool {
    fn arb(g: &mut Gen, _depth: u32) -> Self {
        g.chance(50)
    }
}

macro_rules! arb_int {
    ($($t:ty),*) => {$(
        impl Arb for $t {
            fn arb(g: &mut Gen, _depth: u32) -> Self {
                match g.below(10) {
                    0 => 0,
                    1 => 1,
                    2 => <$t>::MAX,
                    3 => <$t>::MIN,
                    4 => -1,
                    5 | 6 => (g.below(200) as i64 - 100) as $t,
                    _ => g.u64() as $t,
                }
            }
        }
    )*};
}
arb_int!(i8, i16, i32, i64);

impl Arb for f64 {
    fn arb(g: &mut Gen, _depth: u32) -> Self {
        const SPECIAL: &[f64] = &[0.0, -0.0, 1.0, -1.0, 0.5, 0.1, -2.75, 3.0, 1e300, -1e-300, 123456.789, f64::MAX, f64::MIN, f64::MIN_POSITIVE, 5e-324, 1e21, 1e-7];
        match g.below(3) {
            0 => *g.pick(SPECIAL),
            1 => (g.below(2_000_000) as f64 - 1_000_000.0) / 1000.0,
            _ => {
                // Any finite f64.
                loop {
                    let v = f64::from_bits(g.u64());
                    if v.is_finite() {
                        return v;
                    }
                }
            }
        }
    }
}

impl Arb for f32 {
    fn arb(g: &mut Gen, _depth: u32) -> Self {
        const SPECIAL: &[f32] = &[0.0, -0.0, 1.0, -1.0, 0.5, 0.1, -2.75, 3.0, f32::MAX, f32::MIN, f32::MIN_POSITIVE, 1e-45, 16777217.0, 1e10];
        match g.below(3) {
            0 => *g.pick(SPECIAL),
            1 => (g.below(2_000_000) as f32 - 1_000_000.0) / 1000.0,
            _ => loop {
                let v = f32::from_bits(g.u64() as u32);
                if v.is_finite() {
                    return v;
                }
            },
        }
    }
}

/// Seconds of 0001-01-01T00:00:00Z and 3000-01-01T00:00:00Z.
const MIN_SECS: i64 = -62_135_596_800;
const MAX_SECS: i64 = 32_503_680_000;

/// Whether response timestamps may have any microsecond fraction (`DIFFTEST_TS=micros`).
///
/// By default, timestamps in responses have fractions that are multiples of 1/256 s: in epoch
/// seconds, the SDK reads a JSON number through `f64` and truncates to nanoseconds (so
/// `1700000000.123` becomes `.122999906`), while our parser reads the decimal text exactly. With
/// fractions that `f64` holds exactly both agree; `micros` shows the difference.
fn any_response_fraction() -> bool {
    static ANY: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ANY.get_or_init(|| std::env::var("DIFFTEST_TS").is_ok_and(|v| v == "micros"))
}

impl Arb for ours::DateTime {
    fn arb(g: &mut Gen, _depth: u32) -> Self {
        let exact = !g.input && !any_response_fraction();
        let micros = move |g: &mut Gen| {
            if exact {
                (g.below(256) as u32) * 3_906_250
            } else {
                (g.below(1_000_000) as u32) * 1000
            }
        };
        match g.below(10) {
            0 => ours::DateTime::from_secs(0),
            1 | 2 => ours::DateTime::from_secs(1_000_000_000 + g.below(1_000_000_000) as i64),
            3..=5 => {
                let m = micros(g);
                ours::DateTime::from_secs_and_nanos(946_684_800 + g.below(1_300_000_000) as i64, m)
            }
            6 => {
                // Before 1970: negative seconds with a fraction.
                let m = micros(g);
                ours::DateTime::from_secs_and_nanos(-(g.below(2_000_000_000) as i64), m)
            }
            7 => ours::DateTime::from_secs_and_nanos(0, micros(g)),
            _ => {
                let span = (MAX_SECS - MIN_SECS) as u64;
                let m = micros(g);
                ours::DateTime::from_secs_and_nanos(MIN_SECS + g.below(span) as i64, m)
            }
        }
    }
}

impl Arb for ours::Blob {
    fn arb(g: &mut Gen, _depth: u32) -> Self {
        // Mostly short; now and then long enough to span several base64 groups.
        let n = if g.chance(20) { g.below(100) } else { g.below(9) } as usize;
        ours::Blob::new((0..n).map(|_| g.u64() as u8).collect::<Vec<u8>>())
    }
}

impl Arb for ours::Document {
    fn arb(g: &mut Gen, depth: u32) -> Self {
        let leaf = depth == 0;
        match g.below(if leaf { 4 } else { 6 }) {
            0 => ours::Document::Null,
            1 => ours::Document::Bool(g.chance(50)),
            2 => ours::Document::String(any_string(g)),
            3 => ours::Document::Number(ours::Number::NegInt(-(g.below(1000) as i64) - 1)),
            4 => ours::Document::Array((0..g.below(3)).map(|_| Self::arb(g, depth - 1)).collect()),
            _ => ours::Document::Object((0..g.below(3)).map(|_| (simple_string(g), Self::arb(g, depth - 1))).collect()),
        }
    }
}

impl Arb for ours::BigInteger {
    fn arb(g: &mut Gen, _depth: u32) -> Self {
        let text = format!("{}{}", if g.chance(30) { "-" } else { "" }, g.u64());
        text.parse().unwrap_or_default()
    }
}

impl Arb for ours::BigDecimal {
    fn arb(g: &mut Gen, _depth: u32) -> Self {
        let text = format!("{}.{}", g.below(1_000_000), g.below(1000));
        text.parse().unwrap_or_default()
    }
}

impl<T: Arb> Arb for Vec<T> {
    const AGGREGATE: bool = true;
    fn arb(g: &mut Gen, depth: u32) -> Self {
        if depth == 0 {
            return Vec::new();
        }
        let n = match g.below(10) {
            0..=1 => 0,
            2..=5 => 1,
            6..=8 => 2,
            _ => 3,
        };
        (0..n).map(|_| T::arb(g, depth - 1)).collect()
    }
}

impl<K: Arb + Eq + Hash, V: Arb> Arb for HashMap<K, V> {
    const AGGREGATE: bool = true;
    fn arb(g: &mut Gen, depth: u32) -> Self {
        if depth == 0 {
            return HashMap::new();
        }
        let n = g.below(g.map_entries_below);
        (0..n).map(|_| (K::arb(g, depth - 1), V::arb(g, depth - 1))).collect()
    }
}

/// Elements of sparse collections.
impl<T: Arb> Arb for Option<T> {
    const AGGREGATE: bool = T::AGGREGATE;
    fn arb(g: &mut Gen, depth: u32) -> Self {
        if g.chance(20) {
            None
        } else {
            Some(T::arb(g, depth))
        }
    }
}

impl<T: Arb> Arb for Box<T> {
    const AGGREGATE: bool = T::AGGREGATE;
    fn arb(g: &mut Gen, depth: u32) -> Self {
        Box::new(T::arb(g, depth))
    }
}

/// An optional member: unset about a third of the time, and always unset for an aggregate once
/// the depth is used up.
pub fn opt<T: Arb>(g: &mut Gen, depth: u32) -> Option<T> {
    if (T::AGGREGATE && depth == 0) || g.chance(35) {
        None
    } else {
        Some(T::arb(g, depth))
    }
}

/// A member that must be set for the request to be valid (labels, required query parameters):
/// set almost always, so that the error path is tested too but most cases reach the wire.
pub fn required<T: Arb>(g: &mut Gen, depth: u32) -> Option<T> {
    if g.chance(3) {
        None
    } else {
        Some(T::arb(g, depth))
    }
}

/// A string label: rarely unset or empty (both make the request invalid), otherwise any
/// non-empty text, including `/`, `%`, spaces and non-ASCII characters.
pub fn label_string(g: &mut Gen, _depth: u32) -> Option<String> {
    match g.below(100) {
        0..=1 => None,
        2..=3 => Some(String::new()),
        4..=50 => Some(simple_string(g)),
        _ => Some(tricky_string(g)),
    }
}

/// A string the SDK's endpoint parameters need (a `@required` `@contextParam` member): always
/// set and never blank, which the SDK refuses (our crate, without endpoint resolution, does not).
pub fn endpoint_string(g: &mut Gen, _depth: u32) -> Option<String> {
    loop {
        let s = if g.chance(50) { simple_string(g) } else { tricky_string(g) };
        if !s.trim().is_empty() {
            return Some(s);
        }
    }
}

/// A string bound to a header: usually visible ASCII, sometimes text no header can carry.
pub fn header_string(g: &mut Gen, _depth: u32) -> Option<String> {
    const VISIBLE: &[&str] = &["a", "Z", "0", " ", ",", "\"", "(", ")", "/", "=", ";", "us-east-1", "é", "\n"];
    match g.below(100) {
        0..=29 => None,
        30..=34 => Some(String::new()),
        35..=84 => Some(simple_string(g)),
        _ => Some((0..1 + g.below(5)).map(|_| *g.pick(VISIBLE)).collect()),
    }
}

/// An `@idempotencyToken` member: unset half of the time, so the fixed token fills it.
pub fn token<T: Arb>(g: &mut Gen, depth: u32) -> Option<T> {
    if g.chance(50) {
        None
    } else {
        Some(T::arb(g, depth))
    }
}

/// The wire value of a random enum value: a known one, or now and then an unknown one.
pub fn enum_value(g: &mut Gen, known: &[&str]) -> String {
    if known.is_empty() || g.chance(8) {
        return ["UNKNOWN_VALUE", "future-value", "lower_case", "With Space/Slash"][g.below(4) as usize].to_owned();
    }
    (*g.pick(known)).to_owned()
}

// ---------------------------------------------------------------------------------------------
// Conversions
// ---------------------------------------------------------------------------------------------

/// Our value to the SDK's.
pub trait ToSdk {
    /// The SDK's type.
    type Sdk;
    /// Converts.
    fn to_sdk(&self) -> Self::Sdk;
}

/// The SDK's value to ours.
pub trait ToOurs {
    /// Our type.
    type Ours;
    /// Converts.
    fn to_ours(&self) -> Self::Ours;
}

macro_rules! same_both_ways {
    ($($t:ty),*) => {$(
        impl ToSdk for $t {
            type Sdk = $t;
            fn to_sdk(&self) -> $t {
                self.clone()
            }
        }
        impl ToOurs for $t {
            type Ours = $t;
            fn to_ours(&self) -> $t {
                self.clone()
            }
        }
    )*};
}
same_both_ways!(bool, i8, i16, i32, i64, f32, f64, String);

impl ToSdk for ours::DateTime {
    type Sdk = aws_smithy_types::DateTime;
    fn to_sdk(&self) -> Self::Sdk {
        aws_smithy_types::DateTime::from_secs_and_nanos(self.secs(), self.subsec_nanos())
    }
}

impl ToOurs for aws_smithy_types::DateTime {
    type Ours = ours::DateTime;
    fn to_ours(&self) -> Self::Ours {
        ours::DateTime::from_secs_and_nanos(self.secs(), self.subsec_nanos())
    }
}

impl ToSdk for ours::Blob {
    type Sdk = aws_smithy_types::Blob;
    fn to_sdk(&self) -> Self::Sdk {
        aws_smithy_types::Blob::new(self.as_ref().to_vec())
    }
}

impl ToOurs for aws_smithy_types::Blob {
    type Ours = ours::Blob;
    fn to_ours(&self) -> Self::Ours {
        ours::Blob::new(self.as_ref().to_vec())
    }
}

impl ToSdk for ours::Document {
    type Sdk = aws_smithy_types::Document;
    fn to_sdk(&self) -> Self::Sdk {
        use aws_smithy_types::{Document as D, Number as N};
        match self {
            ours::Document::Null => D::Null,
            ours::Document::Bool(b) => D::Bool(*b),
            ours::Document::String(s) => D::String(s.clone()),
            ours::Document::Number(n) => D::Number(match *n {
                ours::Number::PosInt(v) => N::PosInt(v),
                ours::Number::NegInt(v) => N::NegInt(v),
                ours::Number::Float(v) => N::Float(v),
            }),
            ours::Document::Array(items) => D::Array(items.iter().map(ToSdk::to_sdk).collect()),
            ours::Document::Object(map) => D::Object(map.iter().map(|(k, v)| (k.clone(), v.to_sdk())).collect()),
        }
    }
}

impl ToOurs for aws_smithy_types::Document {
    type Ours = ours::Document;
    fn to_ours(&self) -> Self::Ours {
        use aws_smithy_types::{Document as D, Number as N};
        match self {
            D::Null => ours::Document::Null,
            D::Bool(b) => ours::Document::Bool(*b),
            D::String(s) => ours::Document::String(s.clone()),
            D::Number(n) => ours::Document::Number(match *n {
                N::PosInt(v) => ours::Number::PosInt(v),
                N::NegInt(v) => ours::Number::NegInt(v),
                N::Float(v) => ours::Number::Float(v),
            }),
            D::Array(items) => ours::Document::Array(items.iter().map(ToOurs::to_ours).collect()),
            D::Object(map) => ours::Document::Object(map.iter().map(|(k, v)| (k.clone(), v.to_ours())).collect()),
        }
    }
}

impl ToSdk for ours::BigInteger {
    type Sdk = aws_smithy_types::BigInteger;
    fn to_sdk(&self) -> Self::Sdk {
        AsRef::<str>::as_ref(self).parse().expect("valid big integer")
    }
}

impl ToOurs for aws_smithy_types::BigInteger {
    type Ours = ours::BigInteger;
    fn to_ours(&self) -> Self::Ours {
        self.as_ref().parse().expect("valid big integer")
    }
}

impl ToSdk for ours::BigDecimal {
    type Sdk = aws_smithy_types::BigDecimal;
    fn to_sdk(&self) -> Self::Sdk {
        AsRef::<str>::as_ref(self).parse().expect("valid big decimal")
    }
}

impl ToOurs for aws_smithy_types::BigDecimal {
    type Ours = ours::BigDecimal;
    fn to_ours(&self) -> Self::Ours {
        self.as_ref().parse().expect("valid big decimal")
    }
}

impl<T: ToSdk> ToSdk for Vec<T> {
    type Sdk = Vec<T::Sdk>;
    fn to_sdk(&self) -> Self::Sdk {
        self.iter().map(ToSdk::to_sdk).collect()
    }
}

impl<T: ToOurs> ToOurs for Vec<T> {
    type Ours = Vec<T::Ours>;
    fn to_ours(&self) -> Self::Ours {
        self.iter().map(ToOurs::to_ours).collect()
    }
}

impl<K: ToSdk, V: ToSdk> ToSdk for HashMap<K, V>
where
    K::Sdk: Eq + Hash,
{
    type Sdk = HashMap<K::Sdk, V::Sdk>;
    fn to_sdk(&self) -> Self::Sdk {
        self.iter().map(|(k, v)| (k.to_sdk(), v.to_sdk())).collect()
    }
}

impl<K: ToOurs, V: ToOurs> ToOurs for HashMap<K, V>
where
    K::Ours: Eq + Hash,
{
    type Ours = HashMap<K::Ours, V::Ours>;
    fn to_ours(&self) -> Self::Ours {
        self.iter().map(|(k, v)| (k.to_ours(), v.to_ours())).collect()
    }
}

impl<T: ToSdk> ToSdk for Option<T> {
    type Sdk = Option<T::Sdk>;
    fn to_sdk(&self) -> Self::Sdk {
        self.as_ref().map(ToSdk::to_sdk)
    }
}

impl<T: ToOurs> ToOurs for Option<T> {
    type Ours = Option<T::Ours>;
    fn to_ours(&self) -> Self::Ours {
        self.as_ref().map(ToOurs::to_ours)
    }
}

impl<T: ToSdk> ToSdk for Box<T> {
    type Sdk = Box<T::Sdk>;
    fn to_sdk(&self) -> Self::Sdk {
        Box::new((**self).to_sdk())
    }
}

impl<T: ToOurs> ToOurs for Box<T> {
    type Ours = Box<T::Ours>;
    fn to_ours(&self) -> Self::Ours {
        Box::new((**self).to_ours())
    }
}

/// Our error metadata for an SDK error: code, message and request ID (the only metadata a
/// restJson1 response carries).
pub fn meta_to_ours<E>(e: &E) -> crate::ours::error::ErrorMetadata
where
    E: crate::sdk::error::ProvideErrorMetadata,
{
    let meta = crate::sdk::error::ProvideErrorMetadata::meta(e);
    let mut b = crate::ours::error::ErrorMetadata::builder();
    if let Some(c) = meta.code() {
        b = b.code(c);
    }
    if let Some(m) = meta.message() {
        b = b.message(m);
    }
    if let Some(r) = meta.extra("aws_request_id") {
        b = b.custom("aws_request_id", r);
    }
    b.build()
}

// ---------------------------------------------------------------------------------------------
// Writing responses
// ---------------------------------------------------------------------------------------------

/// JSON as the service writes it. Numbers are kept as text so that timestamps keep their exact
/// decimal digits.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string.
    String(String),
    /// A base64 string (a blob): written without `\/` escapes, which aws-smithy-json does not
    /// undo before decoding base64 (ours does); this SDK quirk is left out of the comparison.
    Base64(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, in writing order.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The JSON text, compact.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Style::default());
        out
    }

    fn write(&self, out: &mut String, style: Style) {
        let ws = |out: &mut String| {
            if style.spaced {
                out.push_str(" \n\t ");
            }
        };
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(n),
            Json::String(s) => write_string(out, s, style),
            Json::Base64(s) => write_string(out, s, Style { escaped: false, ..style }),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    ws(out);
                    item.write(out, style);
                }
                ws(out);
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    ws(out);
                    write_string(out, k, style);
                    ws(out);
                    out.push(':');
                    ws(out);
                    v.write(out, style);
                }
                ws(out);
                out.push('}');
            }
        }
    }
}

/// How a body is laid out: whitespace between tokens, `\uXXXX` escapes for everything that
/// is not printable ASCII (surrogate pairs beyond the BMP), `\/` for slashes.
#[derive(Debug, Clone, Copy, Default)]
struct Style {
    spaced: bool,
    escaped: bool,
}

fn write_string(out: &mut String, s: &str, style: Style) {
    if !style.escaped {
        out.push_str(&Value::String(s.to_owned()).to_string());
        return;
    }
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '/' => out.push_str("\\/"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            ' '..='~' => out.push(c),
            _ => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04X}"));
                }
            }
        }
    }
    out.push('"');
}

/// Timestamp formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ts {
    /// Seconds since the epoch, as a JSON number.
    Epoch,
    /// RFC 3339.
    DateTime,
    /// RFC 7231.
    HttpDate,
}

/// Writes values as JSON, with the liberties a service may take: `null` for unset members,
/// unknown members, any member order, and (rarely) a required member left out.
pub struct Writer {
    /// Randomness for those liberties.
    pub g: Gen,
    /// Set when a required member was left out: the parsed value then differs from the written one.
    pub lossy: bool,
}

impl Writer {
    /// A writer for one case.
    pub fn new(seed: u64) -> Self {
        Writer { g: Gen::new(seed ^ 0x5151_5151, false), lossy: false }
    }

    /// An optional member.
    pub fn opt<T: ToJson>(&mut self, out: &mut Vec<(String, Json)>, key: &str, value: &Option<T>, ts: Ts) {
        match value {
            Some(v) => {
                let j = v.to_json(self, ts);
                out.push((key.to_owned(), j));
            }
            None if self.g.chance(5) => out.push((key.to_owned(), Json::Null)),
            None => {}
        }
    }

    /// A `@required` member that is an `Option` (structures and unions): when unset, the
    /// parsers fill it in, so the parsed value differs from the written one.
    pub fn opt_required<T: ToJson>(&mut self, out: &mut Vec<(String, Json)>, key: &str, value: &Option<T>, ts: Ts) {
        if value.is_none() {
            self.lossy = true;
        }
        self.opt(out, key, value, ts);
    }

    /// A member that always has a value; now and then the service leaves it out anyway.
    pub fn req<T: ToJson>(&mut self, out: &mut Vec<(String, Json)>, key: &str, value: &T, ts: Ts) {
        if self.g.chance(3) {
            self.lossy = true;
            return;
        }
        let j = value.to_json(self, ts);
        out.push((key.to_owned(), j));
    }

    /// The text of a body, laid out compactly, with whitespace, or with every escape JSON has.
    pub fn text(&mut self, json: &Json) -> String {
        let style = match self.g.below(10) {
            0..=5 => Style::default(),
            6 | 7 => Style { spaced: true, escaped: false },
            _ => Style { spaced: self.g.chance(50), escaped: true },
        };
        let mut out = String::new();
        json.write(&mut out, style);
        out
    }

    /// A union's JSON: the variant's member, now and then with a `__type` member or another
    /// variant set to `null`, which parsers skip.
    pub fn union(&mut self, key: &str, value: Json, keys: &[&str]) -> Json {
        let mut members = vec![(key.to_owned(), value)];
        if self.g.chance(5) {
            members.insert(0, ("__type".to_owned(), Json::String(format!("{}#Union", crate::glue::NAMESPACE))));
        }
        if self.g.chance(5) {
            let other = *self.g.pick(keys);
            if other != key {
                members.push((other.to_owned(), Json::Null));
            }
        }
        Json::Object(members)
    }

    /// Closes an object: maybe adds a member this client does not know, maybe reorders.
    pub fn close(&mut self, mut out: Vec<(String, Json)>) -> Json {
        if self.g.chance(8) {
            let unknown = Json::Object(vec![(
                "nested".to_owned(),
                Json::Array(vec![Json::Number("1".into()), Json::String("x".into()), Json::Null, Json::Object(vec![("a".into(), Json::Bool(true))])]),
            )]);
            let at = self.g.below(out.len() as u64 + 1) as usize;
            out.insert(at, ("SomeNewMember".to_owned(), unknown));
        }
        if self.g.chance(30) {
            out.reverse();
        }
        Json::Object(out)
    }
}

/// Values as the service writes them in JSON. `ts` is the timestamp format of the position.
pub trait ToJson {
    /// The JSON of the value.
    fn to_json(&self, w: &mut Writer, ts: Ts) -> Json;
}

impl ToJson for String {
    fn to_json(&self, _w: &mut Writer, _ts: Ts) -> Json {
        Json::String(self.clone())
    }
}

impl ToJson for bool {
    fn to_json(&self, _w: &mut Writer, _ts: Ts) -> Json {
        Json::Bool(*self)
    }
}

macro_rules! json_int {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn to_json(&self, w: &mut Writer, _ts: Ts) -> Json {
                // Integers written as floats without a fraction are accepted. (Only where an
                // f64 holds them: the SDK reads float text through f64, we read it exactly.)
                let small = (*self as i64).unsigned_abs() < (1 << 53);
                match if small { w.g.below(100) } else { 99 } {
                    0..=2 => Json::Number(format!("{self}.0")),
                    3 => Json::Number(format!("{self}e0")),
                    _ => Json::Number(self.to_string()),
                }
            }
        }
    )*};
}
json_int!(i8, i16, i32, i64);

/// Now and then a float is sent as one of the strings JSON uses for infinities.
fn infinity(w: &mut Writer) -> Option<Json> {
    if w.g.chance(2) {
        w.lossy = true;
        Some(Json::String(if w.g.chance(50) { "Infinity" } else { "-Infinity" }.to_owned()))
    } else {
        None
    }
}

impl ToJson for f64 {
    fn to_json(&self, w: &mut Writer, _ts: Ts) -> Json {
        if let Some(j) = infinity(w) {
            return j;
        }
        Json::Number(Value::from(*self).to_string())
    }
}

impl ToJson for f32 {
    fn to_json(&self, w: &mut Writer, _ts: Ts) -> Json {
        if let Some(j) = infinity(w) {
            return j;
        }
        // Services write a float either at its own precision or widened.
        if w.g.chance(50) {
            Json::Number(format!("{self:?}"))
        } else {
            Json::Number(Value::from(*self as f64).to_string())
        }
    }
}

/// Exact decimal seconds (`-1.5`, `1700000000`, `0.000001`).
pub fn epoch_text(t: &ours::DateTime) -> String {
    let total = t.secs() as i128 * 1_000_000_000 + t.subsec_nanos() as i128;
    let sign = if total < 0 { "-" } else { "" };
    let abs = total.unsigned_abs();
    let (whole, frac) = (abs / 1_000_000_000, abs % 1_000_000_000);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        let f = format!("{frac:09}");
        format!("{sign}{whole}.{}", f.trim_end_matches('0'))
    }
}

impl ToJson for ours::DateTime {
    fn to_json(&self, _w: &mut Writer, ts: Ts) -> Json {
        let offset = _w.g.chance(10);
        let sdk = self.to_sdk();
        match ts {
            Ts::Epoch if self.subsec_nanos() == 0 && _w.g.chance(5) => {
                Json::Number(if _w.g.chance(50) { format!("{}.0", self.secs()) } else { format!("{}e0", self.secs()) })
            }
            Ts::Epoch => Json::Number(epoch_text(self)),
            Ts::DateTime => {
                // Every digit of the fraction (the SDK's formatter stops at microseconds).
                let whole = aws_smithy_types::DateTime::from_secs(self.secs());
                let text = whole.fmt(aws_smithy_types::date_time::Format::DateTime).expect("formattable");
                let frac = format!("{:09}", self.subsec_nanos());
                let frac = frac.trim_end_matches('0');
                // Clients accept a UTC offset in place of `Z`.
                let zone = if offset { "+00:00" } else { "Z" };
                match text.strip_suffix('Z') {
                    Some(head) if !frac.is_empty() => Json::String(format!("{head}.{frac}{zone}")),
                    Some(head) => Json::String(format!("{head}{zone}")),
                    None => Json::String(text),
                }
            }
            Ts::HttpDate => Json::String(sdk.fmt(aws_smithy_types::date_time::Format::HttpDate).expect("formattable")),
        }
    }
}

impl ToJson for ours::Blob {
    fn to_json(&self, _w: &mut Writer, _ts: Ts) -> Json {
        Json::Base64(aws_smithy_types::base64::encode(self.as_ref()))
    }
}

impl ToJson for ours::Document {
    fn to_json(&self, _w: &mut Writer, _ts: Ts) -> Json {
        document_json(self)
    }
}

fn document_json(d: &ours::Document) -> Json {
    match d {
        ours::Document::Null => Json::Null,
        ours::Document::Bool(b) => Json::Bool(*b),
        ours::Document::String(s) => Json::String(s.clone()),
        ours::Document::Number(n) => Json::Number(match *n {
            ours::Number::PosInt(v) => v.to_string(),
            ours::Number::NegInt(v) => v.to_string(),
            ours::Number::Float(v) => Value::from(v).to_string(),
        }),
        ours::Document::Array(items) => Json::Array(items.iter().map(document_json).collect()),
        ours::Document::Object(map) => Json::Object(map.iter().map(|(k, v)| (k.clone(), document_json(v))).collect()),
    }
}

impl ToJson for ours::BigInteger {
    fn to_json(&self, _w: &mut Writer, _ts: Ts) -> Json {
        Json::Number(AsRef::<str>::as_ref(self).to_owned())
    }
}

impl ToJson for ours::BigDecimal {
    fn to_json(&self, _w: &mut Writer, _ts: Ts) -> Json {
        Json::Number(AsRef::<str>::as_ref(self).to_owned())
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self, w: &mut Writer, ts: Ts) -> Json {
        let mut items: Vec<Json> = self.iter().map(|i| i.to_json(w, ts)).collect();
        if w.g.below(1000) < 3 {
            // A dense list cannot hold null: both parsers must refuse the response.
            w.lossy = true;
            let at = w.g.below(items.len() as u64 + 1) as usize;
            items.insert(at, Json::Null);
        }
        Json::Array(items)
    }
}

impl<K: AsRef<str>, V: ToJson> ToJson for HashMap<K, V> {
    fn to_json(&self, w: &mut Writer, ts: Ts) -> Json {
        Json::Object(self.iter().map(|(k, v)| (k.as_ref().to_owned(), v.to_json(w, ts))).collect())
    }
}

/// Elements of sparse collections.
impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self, w: &mut Writer, ts: Ts) -> Json {
        match self {
            Some(v) => v.to_json(w, ts),
            None => Json::Null,
        }
    }
}

impl<T: ToJson> ToJson for Box<T> {
    fn to_json(&self, w: &mut Writer, ts: Ts) -> Json {
        (**self).to_json(w, ts)
    }
}

/// The text of a scalar response header.
pub trait HeaderText {
    /// The header value.
    fn header_text(&self) -> String;
}

impl HeaderText for String {
    fn header_text(&self) -> String {
        self.clone()
    }
}

macro_rules! header_display {
    ($($t:ty),*) => {$(
        impl HeaderText for $t {
            fn header_text(&self) -> String {
                self.to_string()
            }
        }
    )*};
}
header_display!(bool, i8, i16, i32, i64, f32, f64);

impl HeaderText for ours::DateTime {
    fn header_text(&self) -> String {
        self.to_sdk().fmt(aws_smithy_types::date_time::Format::HttpDate).expect("formattable")
    }
}

// ---------------------------------------------------------------------------------------------
// Comparing request bodies
// ---------------------------------------------------------------------------------------------

/// Rewrites the numbers of `f32` members in a request body at `f32` precision, guided by the
/// input value that produced the body (smithy-rs widens an `f32` to `f64` text, so `0.1` goes
/// out as `0.10000000149011612`; a writer at the member's own precision is just as right).
pub trait Norm {
    /// Normalises `json`, the JSON written for `self`.
    fn norm(&self, json: &mut Value);
}

macro_rules! norm_nothing {
    ($($t:ty),*) => {$(
        impl Norm for $t {
            fn norm(&self, _json: &mut Value) {}
        }
    )*};
}
norm_nothing!(bool, i8, i16, i32, i64, f64, String, ours::DateTime, ours::Blob, ours::Document, ours::BigInteger, ours::BigDecimal);

impl Norm for f32 {
    fn norm(&self, json: &mut Value) {
        if let Some(v) = json.as_f64() {
            if let Some(n) = serde_json::Number::from_f64(v as f32 as f64) {
                *json = Value::Number(n);
            }
        }
    }
}

impl<T: Norm> Norm for Vec<T> {
    fn norm(&self, json: &mut Value) {
        if let Value::Array(items) = json {
            for (v, j) in self.iter().zip(items.iter_mut()) {
                v.norm(j);
            }
        }
    }
}

impl<K: AsRef<str>, V: Norm> Norm for HashMap<K, V> {
    fn norm(&self, json: &mut Value) {
        if let Value::Object(map) = json {
            for (k, v) in self {
                if let Some(j) = map.get_mut(k.as_ref()) {
                    v.norm(j);
                }
            }
        }
    }
}

impl<T: Norm> Norm for Option<T> {
    fn norm(&self, json: &mut Value) {
        if let Some(v) = self {
            v.norm(json);
        }
    }
}

impl<T: Norm> Norm for Box<T> {
    fn norm(&self, json: &mut Value) {
        (**self).norm(json);
    }
}

/// Normalises member `key` of a JSON object.
pub fn norm_member<T: Norm>(json: &mut Value, key: &str, value: &T) {
    if let Some(j) = json.get_mut(key) {
        value.norm(j);
    }
}

/// A random instance of error `E` as a service writes it: the status and the JSON body.
pub fn error_json<E: Arb + ToJson>(g: &mut Gen, w: &mut Writer, status: u16) -> (u16, Json) {
    let e = E::arb(g, 4);
    (status, e.to_json(w, Ts::Epoch))
}
