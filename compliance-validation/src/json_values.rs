//! JSON values of modeled types, shared by restJson1 and awsJson1_0/1_1 (their JSON rules are
//! the same; the protocols differ in where values travel, not how they are written).
//!
//! Generated code stays small by leaning on two traits: [`JsonSer`] and [`JsonDe`], implemented
//! here for scalars and dense collections and by the generator for structures, unions and enums.

// Generated serializers use only the helpers their model needs.
#![allow(dead_code)]

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::Hash;

use crate::error::BuildError;
use crate::json::{JsonError, JsonTokens, JsonValueWriter};
use crate::primitives::{BigDecimal, BigInteger, Blob, DateTime, DateTimeFormat, Document};


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

#[cfg(test)]
mod tests {
    use super::*;

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

