//! Support for the `serde` feature: how values without a serde impl of their own (timestamps,
//! blobs, documents, big numbers, non-finite floats) and collections of them are serialized,
//! in the service's JSON wire format.
//!
//! Generated impls never call `Serialize` on a primitive type directly: they go through a
//! [`Codec`] (`Ts`, `BlobC`, `Doc`, ...), chosen per member by the generator. That keeps them
//! working whatever type `crate::primitives::DateTime` is, and keeps the primitives free of
//! serde impls that would clash with other crates'.
//!
//! Formats: with a human-readable serializer (JSON, YAML, ...) values look as on the wire
//! (base64 blobs, `"NaN"` for non-finite floats, `f32` widened to `f64` as the protocol writes
//! it). Binary formats (`is_human_readable() == false`, e.g. CBOR) get raw bytes for blobs and
//! native floats. Both forms are accepted when reading.

// Generated impls use only the codecs their model needs.
#![allow(dead_code)]

use std::collections::HashMap;
use std::fmt;
use std::hash::Hash;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{self, SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

use crate::primitives::{
    base64, BigDecimal, BigInteger, Blob, DateTime, DateTimeFormat, Document, Number,
};

/// How values of type `T` are written and read.
pub(crate) trait Codec<T> {
    /// Writes `value`.
    fn ser<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error>;
    /// Reads a value.
    fn de<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error>;
}

/// `value` written through codec `C`.
pub(crate) struct With<'a, C, T>(pub &'a T, pub PhantomData<C>);

/// Wraps `value` for serialization with codec `C`.
#[inline]
pub(crate) fn with<C: Codec<T>, T>(value: &T) -> With<'_, C, T> {
    With(value, PhantomData)
}

impl<C: Codec<T>, T> Serialize for With<'_, C, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        C::ser(self.0, serializer)
    }
}

/// A value read through codec `C`; `Option<Read<C, T>>` reads `null` as `None`.
pub(crate) struct Read<C, T>(pub T, PhantomData<C>);

impl<'de, C: Codec<T>, T> Deserialize<'de> for Read<C, T> {
    #[inline]
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        C::de(deserializer).map(|v| Read(v, PhantomData))
    }
}

/// Types with serde impls of their own (strings, integers, booleans, generated types).
pub(crate) struct Same;

impl<T: Serialize + for<'de> Deserialize<'de>> Codec<T> for Same {
    #[inline]
    fn ser<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }
    #[inline]
    fn de<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        T::deserialize(deserializer)
    }
}

/// `Box<T>` of a recursive member, written as `T` with codec `C`.
pub(crate) struct Boxed<C>(PhantomData<C>);

impl<C: Codec<T>, T> Codec<Box<T>> for Boxed<C> {
    #[inline]
    fn ser<S: Serializer>(value: &Box<T>, serializer: S) -> Result<S::Ok, S::Error> {
        C::ser(value, serializer)
    }
    #[inline]
    fn de<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Box<T>, D::Error> {
        C::de(deserializer).map(Box::new)
    }
}

// ---------------------------------------------------------------------------------------------
// Floats
// ---------------------------------------------------------------------------------------------

/// An `f64`: non-finite values as the strings `"NaN"`, `"Infinity"`, `"-Infinity"` in
/// human-readable formats.
pub(crate) struct F64;

/// An `f32`: widened to `f64` in human-readable formats, as the protocol writes it.
pub(crate) struct F32;

fn non_finite_name(value: f64) -> &'static str {
    if value.is_nan() {
        "NaN"
    } else if value > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    }
}

impl Codec<f64> for F64 {
    fn ser<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() && !value.is_finite() {
            serializer.serialize_str(non_finite_name(*value))
        } else {
            serializer.serialize_f64(*value)
        }
    }
    fn de<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        deserializer.deserialize_any(FloatVisitor)
    }
}

impl Codec<f32> for F32 {
    fn ser<S: Serializer>(value: &f32, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            F64::ser(&f64::from(*value), serializer)
        } else {
            serializer.serialize_f32(*value)
        }
    }
    fn de<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f32, D::Error> {
        // A widened f32 narrows back exactly.
        deserializer.deserialize_any(FloatVisitor).map(|v| v as f32)
    }
}

struct FloatVisitor;

impl Visitor<'_> for FloatVisitor {
    type Value = f64;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, \"NaN\", \"Infinity\" or \"-Infinity\"")
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
        Ok(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
        Ok(v as f64)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
        Ok(v as f64)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<f64, E> {
        match v {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Timestamps
// ---------------------------------------------------------------------------------------------

/// `DateTimeFormat` as a const parameter.
pub(crate) const EPOCH_SECONDS: u8 = 0;
/// RFC 3339 `date-time`.
pub(crate) const DATE_TIME: u8 = 1;
/// IMF-fixdate `http-date`.
pub(crate) const HTTP_DATE: u8 = 2;

/// A timestamp in Smithy format `F` (one of the constants above).
///
/// Epoch seconds are a number, as on the wire: an integer when there is no fraction, else the
/// `f64` nearest to the decimal the protocol writes. That is exact for every timestamp an `f64`
/// can hold (microseconds for the years 1698 to 2242, milliseconds for all four-digit years);
/// finer fractions round to the nearest `f64`, as any JSON reader that goes through `f64` does.
pub(crate) struct Ts<const F: u8>;

fn format_of(f: u8) -> DateTimeFormat {
    match f {
        DATE_TIME => DateTimeFormat::DateTime,
        HTTP_DATE => DateTimeFormat::HttpDate,
        _ => DateTimeFormat::EpochSeconds,
    }
}

impl<const F: u8> Codec<DateTime> for Ts<F> {
    fn ser<S: Serializer>(value: &DateTime, serializer: S) -> Result<S::Ok, S::Error> {
        let text = value.fmt(format_of(F)).map_err(ser::Error::custom)?;
        if F != EPOCH_SECONDS {
            return serializer.serialize_str(&text);
        }
        if value.subsec_nanos() == 0 {
            return serializer.serialize_i64(value.secs());
        }
        // Parsing the decimal text rounds correctly, so the shortest form of the result is
        // that text whenever an f64 holds it.
        let seconds: f64 = text.parse().map_err(ser::Error::custom)?;
        serializer.serialize_f64(seconds)
    }
    fn de<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        deserializer.deserialize_any(TsVisitor(format_of(F)))
    }
}

struct TsVisitor(DateTimeFormat);

impl Visitor<'_> for TsVisitor {
    type Value = DateTime;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            DateTimeFormat::EpochSeconds => f.write_str("epoch seconds"),
            _ => f.write_str("a timestamp string"),
        }
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<DateTime, E> {
        match self.0 {
            DateTimeFormat::EpochSeconds => Ok(DateTime::from_secs(v)),
            _ => Err(E::invalid_type(de::Unexpected::Signed(v), &self)),
        }
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<DateTime, E> {
        match i64::try_from(v) {
            Ok(v) => self.visit_i64(v),
            Err(_) => Err(E::invalid_value(de::Unexpected::Unsigned(v), &self)),
        }
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<DateTime, E> {
        if self.0 != DateTimeFormat::EpochSeconds || !v.is_finite() {
            return Err(E::invalid_type(de::Unexpected::Float(v), &self));
        }
        // `Display` gives the shortest decimal that round-trips (never an exponent), which the
        // epoch-seconds parser reads exactly: `1576540098.52` stays `.52`, not `.519999980`.
        DateTime::from_str(&v.to_string(), DateTimeFormat::EpochSeconds).map_err(E::custom)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<DateTime, E> {
        DateTime::from_str(v, self.0).map_err(E::custom)
    }
}

// ---------------------------------------------------------------------------------------------
// Blobs, documents, big numbers
// ---------------------------------------------------------------------------------------------

/// A blob: base64 text in human-readable formats, bytes otherwise.
pub(crate) struct BlobC;

impl Codec<Blob> for BlobC {
    fn ser<S: Serializer>(value: &Blob, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_str(&base64::encode(value.as_ref()))
        } else {
            serializer.serialize_bytes(value.as_ref())
        }
    }
    fn de<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Blob, D::Error> {
        deserializer.deserialize_any(BlobVisitor)
    }
}

struct BlobVisitor;

impl<'de> Visitor<'de> for BlobVisitor {
    type Value = Blob;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("base64 text or bytes")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Blob, E> {
        base64::decode(v).map(Blob::new).map_err(E::custom)
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Blob, E> {
        Ok(Blob::new(v.to_vec()))
    }
    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Blob, E> {
        Ok(Blob::new(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Blob, A::Error> {
        let mut bytes = Vec::new();
        while let Some(b) = seq.next_element::<u8>()? {
            bytes.push(b);
        }
        Ok(Blob::new(bytes))
    }
}

/// A document: its JSON value.
pub(crate) struct Doc;

struct DocRef<'a>(&'a Document);

impl Serialize for DocRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Document::Object(object) => {
                let mut map = serializer.serialize_map(Some(object.len()))?;
                for (k, v) in object {
                    map.serialize_entry(k, &DocRef(v))?;
                }
                map.end()
            }
            Document::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for v in items {
                    seq.serialize_element(&DocRef(v))?;
                }
                seq.end()
            }
            Document::Number(Number::PosInt(v)) => serializer.serialize_u64(*v),
            Document::Number(Number::NegInt(v)) => serializer.serialize_i64(*v),
            Document::Number(Number::Float(v)) => F64::ser(v, serializer),
            Document::String(s) => serializer.serialize_str(s),
            Document::Bool(b) => serializer.serialize_bool(*b),
            Document::Null => serializer.serialize_unit(),
        }
    }
}

impl Codec<Document> for Doc {
    fn ser<S: Serializer>(value: &Document, serializer: S) -> Result<S::Ok, S::Error> {
        DocRef(value).serialize(serializer)
    }
    fn de<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Document, D::Error> {
        deserializer.deserialize_any(DocVisitor)
    }
}

struct DocVisitor;

impl<'de> Visitor<'de> for DocVisitor {
    type Value = Document;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Document, E> {
        Ok(Document::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Document, E> {
        Ok(Document::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Document, D::Error> {
        d.deserialize_any(DocVisitor)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Document, E> {
        Ok(Document::Bool(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Document, E> {
        Ok(Document::Number(Number::PosInt(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Document, E> {
        Ok(Document::Number(if v < 0 { Number::NegInt(v) } else { Number::PosInt(v as u64) }))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Document, E> {
        Ok(Document::Number(Number::Float(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Document, E> {
        Ok(Document::String(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Document, E> {
        Ok(Document::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Document, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element::<Read<Doc, Document>>()? {
            items.push(v.0);
        }
        Ok(Document::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Document, A::Error> {
        let mut object = HashMap::new();
        while let Some((k, v)) = map.next_entry::<String, Read<Doc, Document>>()? {
            object.insert(k, v.0);
        }
        Ok(Document::Object(object))
    }
}

/// A big integer: a number when it fits in 128 bits (as the wire's bare number), else its text.
pub(crate) struct BigInt;

impl Codec<BigInteger> for BigInt {
    fn ser<S: Serializer>(value: &BigInteger, serializer: S) -> Result<S::Ok, S::Error> {
        // `AsRef<str>`: the text accessor both primitive sets (ours and aws-smithy-types') share.
        let text: &str = value.as_ref();
        let text = text.strip_prefix('+').unwrap_or(text);
        if let Ok(v) = text.parse::<i64>() {
            serializer.serialize_i64(v)
        } else if let Ok(v) = text.parse::<u64>() {
            serializer.serialize_u64(v)
        } else if let Ok(v) = text.parse::<i128>() {
            serializer.serialize_i128(v)
        } else if let Ok(v) = text.parse::<u128>() {
            serializer.serialize_u128(v)
        } else {
            serializer.serialize_str(text)
        }
    }
    fn de<'de, D: Deserializer<'de>>(deserializer: D) -> Result<BigInteger, D::Error> {
        deserializer.deserialize_any(BigVisitor(PhantomData))
    }
}

/// A big decimal: its text (serde's data model has no arbitrary-precision decimal; the wire
/// has a bare JSON number here).
pub(crate) struct BigDec;

impl Codec<BigDecimal> for BigDec {
    fn ser<S: Serializer>(value: &BigDecimal, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(value.as_ref())
    }
    fn de<'de, D: Deserializer<'de>>(deserializer: D) -> Result<BigDecimal, D::Error> {
        deserializer.deserialize_any(BigVisitor(PhantomData))
    }
}

struct BigVisitor<T>(PhantomData<T>);

impl<T: std::str::FromStr> Visitor<'_> for BigVisitor<T>
where
    T::Err: fmt::Display,
{
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number or its text")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        v.to_string().parse().map_err(E::custom)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        v.to_string().parse().map_err(E::custom)
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<T, E> {
        v.to_string().parse().map_err(E::custom)
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<T, E> {
        v.to_string().parse().map_err(E::custom)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        v.to_string().parse().map_err(E::custom)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        v.parse().map_err(E::custom)
    }
}

// ---------------------------------------------------------------------------------------------
// Collections
// ---------------------------------------------------------------------------------------------

/// A dense list whose elements use codec `C`; `null` elements are an error.
pub(crate) struct List<C>(PhantomData<C>);
/// A sparse list: `None` elements are `null`.
pub(crate) struct SparseList<C>(PhantomData<C>);
/// A dense map whose values use codec `C`; `null` values are an error.
pub(crate) struct Map<C>(PhantomData<C>);
/// A sparse map: `None` values are `null`.
pub(crate) struct SparseMap<C>(PhantomData<C>);

/// An element that may be absent (`null`).
struct OptWith<'a, C, T>(&'a Option<T>, PhantomData<C>);

impl<C: Codec<T>, T> Serialize for OptWith<'_, C, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(v) => C::ser(v, serializer),
            None => serializer.serialize_none(),
        }
    }
}

impl<C: Codec<T>, T> Codec<Vec<T>> for List<C> {
    fn ser<S: Serializer>(value: &Vec<T>, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(value.len()))?;
        for v in value {
            seq.serialize_element(&With::<C, T>(v, PhantomData))?;
        }
        seq.end()
    }
    fn de<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
        deserializer.deserialize_seq(SeqVisitor::<C, T, false>(PhantomData)).map(|items| items.into_iter().flatten().collect())
    }
}

impl<C: Codec<T>, T> Codec<Vec<Option<T>>> for SparseList<C> {
    fn ser<S: Serializer>(value: &Vec<Option<T>>, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(value.len()))?;
        for v in value {
            seq.serialize_element(&OptWith::<C, T>(v, PhantomData))?;
        }
        seq.end()
    }
    fn de<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Option<T>>, D::Error> {
        deserializer.deserialize_seq(SeqVisitor::<C, T, true>(PhantomData))
    }
}

struct SeqVisitor<C, T, const SPARSE: bool>(PhantomData<(C, T)>);

impl<'de, C: Codec<T>, T, const SPARSE: bool> Visitor<'de> for SeqVisitor<C, T, SPARSE> {
    type Value = Vec<Option<T>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(v) = seq.next_element::<Option<Read<C, T>>>()? {
            match v {
                Some(v) => out.push(Some(v.0)),
                None if SPARSE => out.push(None),
                None => return Err(de::Error::custom("dense list cannot contain null values")),
            }
        }
        Ok(out)
    }
}

impl<C: Codec<V>, K: Serialize + for<'de> Deserialize<'de> + Eq + Hash, V> Codec<HashMap<K, V>> for Map<C> {
    fn ser<S: Serializer>(value: &HashMap<K, V>, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(value.len()))?;
        for (k, v) in value {
            map.serialize_entry(k, &With::<C, V>(v, PhantomData))?;
        }
        map.end()
    }
    fn de<'de, D: Deserializer<'de>>(deserializer: D) -> Result<HashMap<K, V>, D::Error> {
        let entries = deserializer.deserialize_map(MapVisitor::<C, K, V, false>(PhantomData))?;
        Ok(entries.into_iter().filter_map(|(k, v)| Some((k, v?))).collect())
    }
}

impl<C: Codec<V>, K: Serialize + for<'de> Deserialize<'de> + Eq + Hash, V> Codec<HashMap<K, Option<V>>> for SparseMap<C> {
    fn ser<S: Serializer>(value: &HashMap<K, Option<V>>, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(value.len()))?;
        for (k, v) in value {
            map.serialize_entry(k, &OptWith::<C, V>(v, PhantomData))?;
        }
        map.end()
    }
    fn de<'de, D: Deserializer<'de>>(deserializer: D) -> Result<HashMap<K, Option<V>>, D::Error> {
        deserializer.deserialize_map(MapVisitor::<C, K, V, true>(PhantomData))
    }
}

struct MapVisitor<C, K, V, const SPARSE: bool>(PhantomData<(C, K, V)>);

impl<'de, C: Codec<V>, K: Deserialize<'de> + Eq + Hash, V, const SPARSE: bool> Visitor<'de> for MapVisitor<C, K, V, SPARSE> {
    type Value = HashMap<K, Option<V>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = HashMap::new();
        while let Some(k) = map.next_key::<K>()? {
            match map.next_value::<Option<Read<C, V>>>()? {
                Some(v) => {
                    out.insert(k, Some(v.0));
                }
                None if SPARSE => {
                    out.insert(k, None);
                }
                None => return Err(de::Error::custom("dense map cannot contain null values")),
            }
        }
        Ok(out)
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers for generated impls
// ---------------------------------------------------------------------------------------------

/// A map key, borrowed from the input when the format allows it.
pub(crate) struct Key<'de>(KeyText<'de>);

enum KeyText<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    /// The key's text.
    #[inline]
    pub(crate) fn as_str(&self) -> &str {
        match &self.0 {
            KeyText::Borrowed(s) => s,
            KeyText::Owned(s) => s,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(KeyText::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(KeyText::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(KeyText::Owned(v)))
            }
        }
        deserializer.deserialize_str(V)
    }
}

/// Reads the next map value with codec `C`; `null` is `None`.
#[inline]
pub(crate) fn next<'de, A: MapAccess<'de>, C: Codec<T>, T>(map: &mut A) -> Result<Option<T>, A::Error> {
    Ok(map.next_value::<Option<Read<C, T>>>()?.map(|v| v.0))
}

/// Skips the next map value; tells whether it was `null`.
#[inline]
pub(crate) fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<bool, A::Error> {
    Ok(map.next_value::<Option<IgnoredAny>>()?.is_none())
}

/// The error for `Unknown` union variants, which hold nothing to write.
pub(crate) fn unknown_variant<E: ser::Error>(union: &str) -> E {
    E::custom(format_args!("cannot serialize the `Unknown` variant of union `{union}`: it holds a variant this version of the crate does not know"))
}

/// An empty map: the value of a unit member of a union.
pub(crate) struct Unit;

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_map(Some(0))?.end()
    }
}
