//! Node values (a test case's `params`) as Rust expressions of the generated types.
//!
//! Each value is walked against the shape it stands for: structures become builder chains
//! (`Foo::builder().set_x(Some(..)).build()`), unions a variant, enums `From<&str>`, lists
//! `vec![..]`, maps `HashMap::from([..])`, timestamps exact epoch seconds, blobs the bytes of
//! the string, documents a `Document` tree, floats `f64::NAN`/`INFINITY` for the special
//! strings. Paths are the plan's (`crate::types::Foo`); the test crate re-exports the generated
//! crate's modules so they resolve there too.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, ToTokens};
use serde_json::Value;

use crate::model::{Shape, ShapeId, ShapeKind};
use crate::plan::{naming, FieldPlan, Plan, RustType, TypeKind};
use crate::render::ctx::{ident, path, Ctx};

/// What a failed conversion says: the JSON path and the problem.
pub type Problem = String;

/// A structure being built, and how.
pub struct Builder<'a> {
    /// The absolute path of the structure type (its `builder()` is called).
    pub type_path: &'a str,
    /// Whether the structure is an operation input (every member optional, `build()` fallible).
    pub input: bool,
}

/// Converts values for one plan.
pub struct Values<'p, 'm> {
    plan: &'p Plan<'m>,
    ctx: Ctx<'p, 'm>,
    /// Values are a JSON request body as sent (`@jsonName` keys, base64 blobs, timestamps in
    /// their wire format, unknown keys ignored) rather than a case's `params`.
    wire: bool,
}

impl<'p, 'm> Values<'p, 'm> {
    /// A converter of `params` for `plan`.
    pub fn new(plan: &'p Plan<'m>) -> Self {
        Values { plan, ctx: Ctx::new(plan, &[]), wire: false }
    }

    /// A converter of JSON bodies as sent on the wire, for `plan`.
    pub fn wire(plan: &'p Plan<'m>) -> Self {
        Values { plan, ctx: Ctx::new(plan, &[]), wire: true }
    }

    fn key_matches(&self, f: &FieldPlan, key: &str) -> bool {
        if self.wire {
            f.member.traits.json_name().unwrap_or(&f.member.name) == key
        } else {
            f.member.name == key
        }
    }

    /// The builder chain for structure `shape` (`builder()`, one setter per given member,
    /// `build()`, unwrapped when fallible).
    pub fn structure(&self, shape: &'m Shape, b: &Builder, v: &Value, at: &str) -> Result<TokenStream, Problem> {
        let fields = self.plan.fields(shape, b.input);
        let obj = match v {
            Value::Object(o) => o.clone(),
            Value::Null => Default::default(),
            other => return Err(format!("{at}: expected an object for structure `{}`, found {other}", shape.id)),
        };
        let is_error = self.plan.type_of(&shape.id).is_some_and(|t| t.kind == TypeKind::Error);
        let has_message_member = fields.iter().any(|f| f.member.name.eq_ignore_ascii_case("message"));
        let mut setters = Vec::new();
        for (key, value) in &obj {
            let here = format!("{at}.{key}");
            match fields.iter().find(|f| self.key_matches(f, key)) {
                Some(f) => {
                    if value.is_null() {
                        continue;
                    }
                    let setter = ident(&f.setter);
                    let e = self.field(f, value, &here)?;
                    setters.push(quote!(.#setter(::std::option::Option::Some(#e))));
                }
                // Error structures without a `message` member still carry one.
                None if is_error && !has_message_member && key.eq_ignore_ascii_case("message") => {
                    let s = value.as_str().ok_or_else(|| format!("{here}: expected a string"))?;
                    setters.push(quote!(.set_message(::std::option::Option::Some(::std::string::String::from(#s)))));
                }
                // A service ignores members it does not know.
                None if self.wire => {}
                None => return Err(format!("{here}: `{}` has no member `{key}`", shape.id)),
            }
        }
        let ty = path(b.type_path);
        let build = if build_is_fallible(&fields, b.input) {
            let name = b.type_path.rsplit("::").next().unwrap_or(b.type_path);
            let msg = format!("{at}: the builder of `{name}` accepts the params");
            quote!(.build().expect(#msg))
        } else {
            quote!(.build())
        };
        Ok(quote!(#ty::builder() #(#setters)* #build))
    }

    /// A value of a member's field type (boxed when the plan boxes the field).
    fn field(&self, f: &FieldPlan, v: &Value, at: &str) -> Result<TokenStream, Problem> {
        let e = self.value(f.target, v, at)?;
        Ok(match &f.ty {
            RustType::Boxed(_) => quote!(::std::boxed::Box::new(#e)),
            _ => e,
        })
    }

    /// A value of the Rust type that stands for `shape`.
    pub fn value(&self, shape: &'m Shape, v: &Value, at: &str) -> Result<TokenStream, Problem> {
        let model = self.plan.model;
        let wrong = |what: &str| format!("{at}: expected {what} for `{}`, found {v}", shape.id);
        Ok(match &shape.kind {
            ShapeKind::Boolean => {
                let b = v.as_bool().ok_or_else(|| wrong("a boolean"))?;
                quote!(#b)
            }
            ShapeKind::Byte => int_literal(v, at, |n| i8::try_from(n).ok().map(Literal::i8_suffixed))?,
            ShapeKind::Short => int_literal(v, at, |n| i16::try_from(n).ok().map(Literal::i16_suffixed))?,
            ShapeKind::Integer | ShapeKind::IntEnum(_) => int_literal(v, at, |n| i32::try_from(n).ok().map(Literal::i32_suffixed))?,
            ShapeKind::Long => int_literal(v, at, |n| Some(Literal::i64_suffixed(n)))?,
            ShapeKind::Float => float(v, at, true)?,
            ShapeKind::Double => float(v, at, false)?,
            ShapeKind::String => {
                let s = v.as_str().ok_or_else(|| wrong("a string"))?;
                quote!(::std::string::String::from(#s))
            }
            ShapeKind::Enum(_) => {
                let s = v.as_str().ok_or_else(|| wrong("a string"))?;
                let ty = self.ty(&shape.id);
                quote!(<#ty>::from(#s))
            }
            ShapeKind::Blob if self.wire => {
                let s = v.as_str().ok_or_else(|| wrong("a base64 string"))?;
                let bytes = Literal::byte_string(&crate::render::structure::base64_decode(s));
                quote!(crate::primitives::Blob::new(#bytes.to_vec()))
            }
            ShapeKind::Blob => {
                let s = v.as_str().ok_or_else(|| wrong("a string"))?;
                quote!(crate::primitives::Blob::new(#s.as_bytes()))
            }
            // A timestamp string on the wire: `date-time` or `http-date` (told apart by form).
            ShapeKind::Timestamp if self.wire && v.is_string() => {
                let s = v.as_str().unwrap_or_default();
                let fmt = if s.contains(',') { quote!(HttpDate) } else { quote!(DateTime) };
                quote!(crate::primitives::DateTime::from_str(#s, crate::primitives::DateTimeFormat::#fmt).expect("a valid timestamp"))
            }
            ShapeKind::Timestamp => {
                let n = match v {
                    Value::Number(n) => n.to_string(),
                    _ => return Err(wrong("epoch seconds")),
                };
                let (secs, nanos) = epoch_parts(&n).ok_or_else(|| wrong("epoch seconds"))?;
                quote!(crate::primitives::DateTime::from_secs_and_nanos(#secs, #nanos))
            }
            ShapeKind::BigInteger | ShapeKind::BigDecimal => {
                let text = match v {
                    Value::Number(n) => n.to_string(),
                    Value::String(s) => s.clone(),
                    _ => return Err(wrong("a number")),
                };
                let ty = self.ty(&shape.id);
                quote!(<#ty as ::std::str::FromStr>::from_str(#text).expect("a valid number"))
            }
            ShapeKind::Document => crate::render::structure::document_literal(v),
            ShapeKind::List(m) => {
                let items = v.as_array().ok_or_else(|| wrong("a list"))?;
                let target = model.expect(&m.target);
                let sparse = shape.traits.sparse();
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let here = format!("{at}[{i}]");
                    out.push(match (sparse, item) {
                        (true, Value::Null) => quote!(::std::option::Option::None),
                        (true, item) => {
                            let e = self.value(target, item, &here)?;
                            quote!(::std::option::Option::Some(#e))
                        }
                        (false, Value::Null) => return Err(format!("{here}: null in a dense list")),
                        (false, item) => self.value(target, item, &here)?,
                    });
                }
                quote!(::std::vec![#(#out),*])
            }
            ShapeKind::Map { key, value } => {
                let entries = v.as_object().ok_or_else(|| wrong("a map"))?;
                let key_shape = model.expect(&key.target);
                let value_shape = model.expect(&value.target);
                let sparse = shape.traits.sparse();
                let mut out = Vec::new();
                for (k, item) in entries {
                    let here = format!("{at}.{k}");
                    let k = self.value(key_shape, &Value::String(k.clone()), &here)?;
                    let item = match (sparse, item) {
                        (true, Value::Null) => quote!(::std::option::Option::None),
                        (true, item) => {
                            let e = self.value(value_shape, item, &here)?;
                            quote!(::std::option::Option::Some(#e))
                        }
                        (false, Value::Null) => return Err(format!("{here}: null in a dense map")),
                        (false, item) => self.value(value_shape, item, &here)?,
                    };
                    out.push(quote!((#k, #item)));
                }
                if out.is_empty() {
                    quote!(::std::collections::HashMap::new())
                } else {
                    quote!(::std::collections::HashMap::from([#(#out),*]))
                }
            }
            ShapeKind::Structure(_) => {
                let t = self.plan.type_of(&shape.id).ok_or_else(|| format!("{at}: `{}` is not in the crate", shape.id))?;
                self.structure(shape, &Builder { type_path: &t.path(), input: false }, v, at)?
            }
            ShapeKind::Union(members) => {
                let t = self.plan.type_of(&shape.id).ok_or_else(|| format!("{at}: `{}` is not in the crate", shape.id))?;
                let obj = v.as_object().ok_or_else(|| wrong("an object"))?;
                let set: Vec<(&String, &Value)> = obj.iter().filter(|(_, v)| !v.is_null()).collect();
                let [(name, value)] = set.as_slice() else {
                    return Err(format!("{at}: a union value needs exactly one member, found {}", set.len()));
                };
                let m = members
                    .iter()
                    .find(|m| m.name == **name)
                    .ok_or_else(|| format!("{at}: union `{}` has no member `{name}`", shape.id))?;
                let ty = path(&t.path());
                let variant = ident(&naming::union_variant_name(&m.name));
                let target = model.expect(&m.target);
                if target.traits.has(crate::model::traits::ids::UNIT_TYPE) {
                    quote!(#ty::#variant)
                } else {
                    let e = self.value(target, value, &format!("{at}.{name}"))?;
                    if self.plan.boxed.contains(&shape.id.with_member(&m.name)) {
                        quote!(#ty::#variant(::std::boxed::Box::new(#e)))
                    } else {
                        quote!(#ty::#variant(#e))
                    }
                }
            }
            ShapeKind::Service(_) | ShapeKind::Operation(_) | ShapeKind::Resource(_) => {
                return Err(format!("{at}: `{}` is not a data shape", shape.id))
            }
        })
    }

    fn ty(&self, id: &ShapeId) -> TokenStream {
        self.ctx.ty(&self.plan.shape_type(id))
    }
}

/// Whether a structure's `build()` returns a `Result` (mirrors `render::structure`).
pub fn build_is_fallible(fields: &[FieldPlan], input: bool) -> bool {
    input || fields.iter().any(|f| !f.optional && f.default.is_none())
}

fn int_literal(v: &Value, at: &str, lit: impl Fn(i64) -> Option<Literal>) -> Result<TokenStream, Problem> {
    let n = v.as_i64().ok_or_else(|| format!("{at}: expected an integer, found {v}"))?;
    lit(n).map(|l| l.into_token_stream()).ok_or_else(|| format!("{at}: {n} is out of range"))
}

fn float(v: &Value, at: &str, single: bool) -> Result<TokenStream, Problem> {
    let t = if single { quote!(f32) } else { quote!(f64) };
    match v {
        Value::String(s) if s == "NaN" => Ok(quote!(#t::NAN)),
        Value::String(s) if s == "Infinity" => Ok(quote!(#t::INFINITY)),
        Value::String(s) if s == "-Infinity" => Ok(quote!(#t::NEG_INFINITY)),
        Value::Number(n) => {
            let x = n.as_f64().ok_or_else(|| format!("{at}: {n} is not a number"))?;
            if single && !(x as f32).is_finite() {
                return Err(format!("{at}: {n} is out of range for a float"));
            }
            Ok(if single { Literal::f32_suffixed(x as f32) } else { Literal::f64_suffixed(x) }.into_token_stream())
        }
        other => Err(format!("{at}: expected a number, found {other}")),
    }
}

/// Exact `(seconds, nanoseconds)` of a decimal epoch-seconds literal (`1.5`, `-1.5`, `1e9`),
/// with the nanoseconds non-negative, as `DateTime::from_secs_and_nanos` wants.
pub fn epoch_parts(text: &str) -> Option<(i64, u32)> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exp) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().ok()?),
        None => (body, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = format!("{int}{frac}");
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // value = digits × 10^(exp - frac.len()); scale to nanoseconds: × 10^9.
    let shift = exp - frac.len() as i32 + 9;
    let mut nanos: i128 = digits.parse().ok()?;
    if shift >= 0 {
        nanos = nanos.checked_mul(10i128.checked_pow(shift as u32)?)?;
    } else {
        let div = 10i128.checked_pow((-shift) as u32)?;
        if nanos % div != 0 {
            return None;
        }
        nanos /= div;
    }
    if negative {
        nanos = -nanos;
    }
    let secs = nanos.div_euclid(1_000_000_000);
    let sub = nanos.rem_euclid(1_000_000_000);
    Some((i64::try_from(secs).ok()?, u32::try_from(sub).ok()?))
}

#[cfg(test)]
mod tests {
    use super::epoch_parts;

    #[test]
    fn epoch_seconds_are_exact() {
        assert_eq!(epoch_parts("1515531081"), Some((1_515_531_081, 0)));
        assert_eq!(epoch_parts("1515531081.123"), Some((1_515_531_081, 123_000_000)));
        assert_eq!(epoch_parts("-1.5"), Some((-2, 500_000_000)));
        assert_eq!(epoch_parts("1.5e9"), Some((1_500_000_000, 0)));
        assert_eq!(epoch_parts("0.000000001"), Some((0, 1)));
        assert_eq!(epoch_parts("0.0000000001"), None);
        assert_eq!(epoch_parts("x"), None);
    }
}
