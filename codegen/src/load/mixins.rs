//! Mixin flattening (spec: `mixins.rst`): members and traits of mixins are copied into the
//! shapes that use them, and the mixin shapes themselves are dropped.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::traits::ids;
use crate::model::{Model, Shape, ShapeId};

/// Where the JSON reader parks a shape's `mixins` list until every document is loaded.
pub(crate) const MIXINS_KEY: &str = "smithy.codegen.internal#mixins";

pub(crate) fn flatten(mut model: Model) -> Result<Model> {
    let ids: Vec<ShapeId> = model.shapes.keys().cloned().collect();
    let mut done = BTreeSet::new();
    for id in &ids {
        resolve(&mut model, id, &mut done, &mut Vec::new())?;
    }
    model.shapes.retain(|_, s| !s.traits.has(ids::MIXIN));
    Ok(model)
}

fn resolve(model: &mut Model, id: &ShapeId, done: &mut BTreeSet<ShapeId>, stack: &mut Vec<ShapeId>) -> Result<()> {
    if done.contains(id) {
        return Ok(());
    }
    if stack.contains(id) {
        return Err(Error::shape(id.to_string(), "mixins form a cycle"));
    }
    let Some(shape) = model.shapes.get(id) else { return Ok(()) };
    let mixins: Vec<ShapeId> = match shape.traits.get(MIXINS_KEY) {
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).filter_map(|s| ShapeId::parse(s).ok()).collect(),
        _ => Vec::new(),
    };
    stack.push(id.clone());
    for m in &mixins {
        if !model.shapes.contains_key(m) {
            return Err(Error::shape(id.to_string(), format!("mixin `{m}` does not exist")));
        }
        resolve(model, m, done, stack)?;
    }
    stack.pop();
    if !mixins.is_empty() {
        let mut shape = model.shapes.remove(id).expect("checked above");
        for m in &mixins {
            let mixin = model.shapes.get(m).expect("checked above");
            if !mixin.traits.has(ids::MIXIN) {
                return Err(Error::shape(id.to_string(), format!("`{m}` is used as a mixin but has no @mixin trait")));
            }
            apply_mixin(&mut shape, mixin, id)?;
        }
        shape.traits.0.remove(MIXINS_KEY);
        model.shapes.insert(id.clone(), shape);
    }
    done.insert(id.clone());
    Ok(())
}

fn apply_mixin(shape: &mut Shape, mixin: &Shape, id: &ShapeId) -> Result<()> {
    if std::mem::discriminant(&shape.kind) != std::mem::discriminant(&mixin.kind) {
        return Err(Error::shape(id.to_string(), format!("mixin `{}` is a different shape type", mixin.id)));
    }
    // Mixin traits come first; the shape's own traits win. `@mixin` itself is not inherited.
    let local_only: BTreeSet<String> = match mixin.traits.get(ids::MIXIN).and_then(|v| v.get("localTraits")) {
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        _ => BTreeSet::new(),
    };
    for (k, v) in &mixin.traits.0 {
        if k == ids::MIXIN || k == MIXINS_KEY || local_only.contains(k) || shape.traits.has(k) {
            continue;
        }
        shape.traits.insert(k.clone(), v.clone());
    }
    // Inherited members come before the shape's own; a redeclared member keeps its own traits on top.
    let mut merged = Vec::new();
    let mut own: Vec<_> = shape.kind.members().into_iter().cloned().collect();
    for inherited in mixin.kind.members() {
        let mut member = inherited.clone();
        if let Some(pos) = own.iter().position(|m| m.name == member.name) {
            let local = own.remove(pos);
            for (k, v) in local.traits.0 {
                member.traits.insert(k, v);
            }
        }
        merged.push(member);
    }
    merged.extend(own);
    if let Some(list) = members_vec(&mut shape.kind) {
        *list = merged;
    }
    Ok(())
}

fn members_vec(kind: &mut crate::model::ShapeKind) -> Option<&mut Vec<crate::model::Member>> {
    use crate::model::ShapeKind::*;
    match kind {
        Enum(m) | IntEnum(m) | Structure(m) | Union(m) => Some(m),
        _ => None,
    }
}
