//! Model validation: everything later stages rely on is checked here, once, with errors that
//! name the shape and say what is wrong.

use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::traits::ids;
use crate::model::{Model, Shape, ShapeId, ShapeKind};

/// Checks references, the trait values the generator reads, and enum values.
pub fn validate(model: &Model) -> Result<()> {
    for shape in model.shapes.values() {
        check_shape(model, shape)?;
    }
    Ok(())
}

fn check_shape(model: &Model, shape: &Shape) -> Result<()> {
    let id = &shape.id;
    check_traits(&id.to_string(), &shape.traits)?;
    for member in shape.kind.members() {
        let mid = id.with_member(&member.name).to_string();
        let target = model
            .shape(&member.target)
            .ok_or_else(|| Error::shape(mid.clone(), format!("the member targets `{}`, which does not exist", member.target)))?;
        let is_enum_member = matches!(shape.kind, ShapeKind::Enum(_) | ShapeKind::IntEnum(_));
        if !is_enum_member && matches!(target.kind, ShapeKind::Service(_) | ShapeKind::Operation(_) | ShapeKind::Resource(_)) {
            return Err(Error::shape(mid, format!("a member cannot target the {} `{}`", target.kind.type_name(), target.id)));
        }
        check_traits(&mid, &member.traits)?;
        if !is_enum_member {
            if let Some(default) = member.traits.default_value() {
                check_default(model, &mid, default, target)?;
            }
        }
        if shape.traits.has(ids::ERROR) && member.name.eq_ignore_ascii_case("message") && !matches!(target.kind, ShapeKind::String) {
            return Err(Error::shape(mid, "the `message` member of an error must target a string shape"));
        }
    }
    match &shape.kind {
        ShapeKind::Enum(members) => {
            let mut seen: std::collections::BTreeMap<&str, &str> = std::collections::BTreeMap::new();
            for m in members {
                let mid = id.with_member(&m.name).to_string();
                let value = match m.traits.enum_value() {
                    None => m.name.as_str(),
                    Some(Value::String(s)) if !s.is_empty() => s.as_str(),
                    Some(_) => return Err(Error::shape(mid, "an enum value must be a non-empty string")),
                };
                if let Some(other) = seen.insert(value, &m.name) {
                    return Err(Error::shape(mid, format!("the enum value `{value}` is also the value of `{other}`")));
                }
            }
        }
        ShapeKind::IntEnum(members) => {
            for m in members {
                let mid = id.with_member(&m.name).to_string();
                match m.traits.enum_value() {
                    Some(v) if v.as_i64().is_some_and(|n| i32::try_from(n).is_ok()) => {}
                    _ => return Err(Error::shape(mid, "an intEnum member needs an integer @enumValue")),
                }
            }
        }
        ShapeKind::Map { key, .. } => {
            let target = model.expect(&key.target);
            if !matches!(target.kind, ShapeKind::String | ShapeKind::Enum(_)) {
                return Err(Error::shape(id.with_member("key").to_string(), "a map key must target a string or enum shape"));
            }
        }
        ShapeKind::Operation(op) => {
            for (what, t) in [("input", &op.input), ("output", &op.output)] {
                expect_kind(model, id, what, t, |k| matches!(k, ShapeKind::Structure(_)), "a structure")?;
            }
            for e in &op.errors {
                expect_error(model, id, e)?;
            }
        }
        ShapeKind::Service(svc) => {
            for renamed in svc.rename.keys() {
                if model.shape(renamed).is_none() {
                    return Err(Error::shape(id.to_string(), format!("`rename` names `{renamed}`, which does not exist")));
                }
            }
            for o in &svc.operations {
                expect_kind(model, id, "operation", o, |k| matches!(k, ShapeKind::Operation(_)), "an operation")?;
            }
            for r in &svc.resources {
                expect_kind(model, id, "resource", r, |k| matches!(k, ShapeKind::Resource(_)), "a resource")?;
            }
            for e in &svc.errors {
                expect_error(model, id, e)?;
            }
        }
        ShapeKind::Resource(res) => {
            for o in &res.operations {
                expect_kind(model, id, "operation", o, |k| matches!(k, ShapeKind::Operation(_)), "an operation")?;
            }
            for r in &res.resources {
                expect_kind(model, id, "resource", r, |k| matches!(k, ShapeKind::Resource(_)), "a resource")?;
            }
            for t in res.identifiers.values().chain(res.properties.values()) {
                if model.shape(t).is_none() {
                    return Err(Error::shape(id.to_string(), format!("`{t}` does not exist")));
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// A `@default` must fit its target: the generator writes it into Rust code as a literal.
fn check_default(model: &Model, mid: &str, default: &Value, target: &Shape) -> Result<()> {
    let bad = |why: String| Err(Error::shape(mid.to_owned(), format!("invalid @default trait: {why}")));
    if default.is_null() {
        return Ok(());
    }
    let float_word = |v: &Value| matches!(v.as_str(), Some("NaN" | "Infinity" | "-Infinity"));
    match &target.kind {
        ShapeKind::Boolean if !default.is_boolean() => bad("a boolean member needs true or false".into()),
        ShapeKind::Byte | ShapeKind::Short | ShapeKind::Integer | ShapeKind::Long if !(default.is_i64() || default.is_u64()) => {
            bad(format!("an {} member needs a number", if matches!(target.kind, ShapeKind::Integer) { "integer" } else { target.kind.type_name() }))
        }
        ShapeKind::Float | ShapeKind::Double if !(default.is_number() || float_word(default)) => {
            bad(format!("a {} member needs a number", target.kind.type_name()))
        }
        ShapeKind::BigInteger | ShapeKind::BigDecimal if !(default.is_number() || default.is_string()) => {
            bad(format!("a {} member needs a number", target.kind.type_name()))
        }
        ShapeKind::String | ShapeKind::Blob if !default.is_string() => bad(format!("a {} member needs a string", target.kind.type_name())),
        ShapeKind::Timestamp if !(default.is_number() || default.is_string()) => bad("a timestamp member needs a number or a string".into()),
        ShapeKind::Enum(members) => {
            let Some(v) = default.as_str() else { return bad("an enum member needs a string".into()) };
            let known = members.iter().any(|m| m.traits.enum_value().and_then(Value::as_str).unwrap_or(&m.name) == v);
            if known {
                Ok(())
            } else {
                bad(format!("`{v}` is not a value of `{}`", target.id))
            }
        }
        ShapeKind::IntEnum(members) => {
            let known = default.as_i64().is_some_and(|n| members.iter().any(|m| m.traits.enum_value().and_then(Value::as_i64) == Some(n)));
            if known {
                Ok(())
            } else {
                bad(format!("`{default}` is not a value of `{}`", target.id))
            }
        }
        ShapeKind::List(_) if !default.as_array().is_some_and(Vec::is_empty) => bad("a list member can only default to []".into()),
        ShapeKind::Map { .. } if !default.as_object().is_some_and(|o| o.is_empty()) => bad("a map member can only default to {}".into()),
        ShapeKind::Structure(_) | ShapeKind::Union(_) => bad(format!("a {} member cannot have a default", target.kind.type_name())),
        _ => {
            let _ = model;
            Ok(())
        }
    }
}

fn expect_kind(
    model: &Model,
    id: &ShapeId,
    what: &str,
    target: &ShapeId,
    ok: impl Fn(&ShapeKind) -> bool,
    expected: &str,
) -> Result<()> {
    match model.shape(target) {
        None => Err(Error::shape(id.to_string(), format!("its {what} `{target}` does not exist"))),
        Some(s) if !ok(&s.kind) => Err(Error::shape(id.to_string(), format!("its {what} `{target}` is a {}, not {expected}", s.kind.type_name()))),
        Some(_) => Ok(()),
    }
}

fn expect_error(model: &Model, id: &ShapeId, target: &ShapeId) -> Result<()> {
    expect_kind(model, id, "error", target, |k| matches!(k, ShapeKind::Structure(_)), "a structure")?;
    if !model.expect(target).traits.has(ids::ERROR) {
        return Err(Error::shape(id.to_string(), format!("its error `{target}` has no @error trait")));
    }
    Ok(())
}

/// Checks the values of the traits whose content reaches generated code.
fn check_traits(id: &str, traits: &crate::model::Traits) -> Result<()> {
    let bad = |t: &str, why: &str| Err(Error::shape(id.to_owned(), format!("invalid @{t} trait: {why}")));
    if let Some(v) = traits.get(ids::HTTP) {
        let method = v.get("method").and_then(Value::as_str);
        let uri = v.get("uri").and_then(Value::as_str);
        match (method, uri) {
            (Some(m), Some(u)) => {
                if m.is_empty() || !m.bytes().all(|b| b.is_ascii_alphabetic()) {
                    return bad("http", "the method must be a word like GET");
                }
                if !u.starts_with('/') {
                    return bad("http", "the URI must start with `/`");
                }
            }
            _ => return bad("http", "needs string `method` and `uri`"),
        }
        if let Some(code) = v.get("code") {
            if !code.as_u64().is_some_and(|c| (100..=999).contains(&c)) {
                return bad("http", "`code` must be an HTTP status code");
            }
        }
    }
    if let Some(v) = traits.get(ids::TIMESTAMP_FORMAT) {
        if !matches!(v.as_str(), Some("date-time" | "http-date" | "epoch-seconds")) {
            return bad("timestampFormat", "must be date-time, http-date or epoch-seconds");
        }
    }
    for (t, name) in [(ids::JSON_NAME, "jsonName"), (ids::HTTP_HEADER, "httpHeader"), (ids::HTTP_QUERY, "httpQuery")] {
        if let Some(v) = traits.get(t) {
            match v.as_str() {
                Some(s) if !s.is_empty() => {}
                _ => return bad(name, "must be a non-empty string"),
            }
        }
    }
    if let Some(v) = traits.get(ids::DOCUMENTATION) {
        if !v.is_string() {
            return bad("documentation", "must be a string");
        }
    }
    if let Some(v) = traits.get(ids::ERROR) {
        if !matches!(v.as_str(), Some("client" | "server")) {
            return bad("error", "must be \"client\" or \"server\"");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::check_traits;
    use crate::model::traits::{ids, Traits};

    #[test]
    fn name_traits_must_be_non_empty_strings() {
        for (t, name) in [(ids::JSON_NAME, "jsonName"), (ids::HTTP_HEADER, "httpHeader"), (ids::HTTP_QUERY, "httpQuery")] {
            for bad in [json!(""), json!(1), json!(null), json!(["x"])] {
                let mut traits = Traits::default();
                traits.insert(t, bad.clone());
                let e = check_traits("ex#S$m", &traits).unwrap_err();
                assert_eq!(e.message, format!("invalid @{name} trait: must be a non-empty string"), "{bad}");
            }
            let mut traits = Traits::default();
            traits.insert(t, json!("x-name"));
            assert!(check_traits("ex#S$m", &traits).is_ok());
        }
        assert!(check_traits("ex#S$m", &Traits::default()).is_ok());
    }
}
