//! The loader side of IDL documents: what the model needs beyond the per-file translation.
//!
//! The translation of one file keeps `apply` entries for shapes defined in other files and for
//! members inherited from mixins (that is the JSON AST the spec pairs with the file). Before the
//! documents go to the JSON AST reader, this module merges them into the model:
//!
//! * `apply` entries of IDL documents whose target is defined in an IDL document are folded into
//!   the definition with the trait conflict rules (list traits concatenate: protocol tests apply
//!   `@httpRequestTests` several times to one operation);
//! * an `apply` to a member inherited from a mixin becomes a local redefinition of that member
//!   (same target, the applied traits), which mixin flattening merges over the inherited member;
//! * a list or map that gets its members from mixins gets them written out (same reason);
//! * Smithy IDL 1.0 documents are upgraded to 2.0 semantics (the prelude's `Primitive*` shapes
//!   and the implicit zero defaults of 1.0 structure members, as the reference implementation's
//!   model upgrader does).

use std::collections::{HashMap, HashSet};

use serde_json::{json, Map, Value};

use super::ast::Version;
use super::resolve::{add_trait, json_shapes, local_member_mut, traits_mut, Doc, Index, Views};
use crate::error::{Error, Result};

pub(crate) fn prepare(docs: &mut [Doc]) -> Result<()> {
    let index = Index::from_docs(docs);
    let views = Views::from_docs(docs);
    let mut defined: HashMap<String, usize> = HashMap::new();
    for (i, doc) in docs.iter().enumerate() {
        for (id, _, _) in json_shapes(&doc.value) {
            defined.entry(id.to_owned()).or_insert(i);
        }
    }
    fold_applies(docs, &index, &views, &defined)?;
    write_inherited_collection_members(docs, &views);
    let with_trait = |name: &str| -> HashSet<String> {
        docs.iter()
            .flat_map(|d| json_shapes(&d.value))
            .filter(|(_, _, s)| s.get("traits").and_then(|t| t.get(name)).is_some())
            .map(|(id, _, _)| id.to_owned())
            .collect()
    };
    let boxed = with_trait("smithy.api#box");
    let streaming = with_trait("smithy.api#streaming");
    for doc in docs.iter_mut().filter(|d| d.idl.is_some()) {
        if doc.idl == Some(Version::V1) {
            upgrade_v1(doc, &index, &boxed, &streaming);
        }
        if let Some(obj) = doc.value.as_object_mut() {
            obj.insert("smithy".to_owned(), Value::String("2.0".to_owned()));
        }
    }
    Ok(())
}

fn fold_applies(docs: &mut [Doc], index: &Index, views: &Views, defined: &HashMap<String, usize>) -> Result<()> {
    // Take every foldable apply entry out of the IDL documents first.
    let mut pending: Vec<(usize, String, Map<String, Value>)> = Vec::new();
    for (i, doc) in docs.iter_mut().enumerate() {
        if doc.idl.is_none() {
            continue;
        }
        let Some(shapes) = doc.value.get_mut("shapes").and_then(Value::as_object_mut) else { continue };
        let targets: Vec<String> = shapes
            .iter()
            .filter(|(id, s)| {
                s.get("type").and_then(Value::as_str) == Some("apply")
                    && defined.get(id.split('$').next().unwrap_or(id)).is_some()
            })
            .map(|(id, _)| id.clone())
            .collect();
        for target in targets {
            if let Some(entry) = shapes.remove(&target) {
                let traits = entry.get("traits").and_then(Value::as_object).cloned().unwrap_or_default();
                pending.push((i, target, traits));
            }
        }
    }
    for (from, target, traits) in pending {
        let (root, member) = match target.split_once('$') {
            Some((r, m)) => (r.to_owned(), Some(m.to_owned())),
            None => (target.clone(), None),
        };
        let at = defined[&root];
        let from_path = docs[from].path.clone();
        let err = |m: String| Error { file: Some(from_path.clone()), shape: Some(target.clone()), message: m };
        let inherited = member.as_deref().and_then(|m| views.inherited_target(&root, m, 0));
        let Some(shape) = docs[at].value.get_mut("shapes").and_then(|s| s.get_mut(&root)) else { continue };
        let slot = match &member {
            None => Some(shape),
            Some(m) => {
                if local_member_mut(shape, m).is_none() {
                    if let Some(t) = &inherited {
                        add_local_member(shape, m, t);
                    }
                }
                local_member_mut(shape, m)
            }
        };
        match slot {
            Some(slot) if slot.is_object() => {
                let Some(slot_traits) = traits_mut(slot) else { continue };
                for (id, value) in traits {
                    let list = index.is_list_trait(&id);
                    add_trait(slot_traits, id, value, list).map_err(err)?;
                }
            }
            _ => {
                // Nothing to fold into: keep the entry, the reader reports the missing member.
                if let Some(shapes) = docs[from].value.get_mut("shapes").and_then(Value::as_object_mut) {
                    shapes.insert(target.clone(), json!({ "type": "apply", "traits": traits }));
                }
            }
        }
    }
    Ok(())
}

/// Adds member `name` targeting `target` to a JSON shape (structure-like or collection).
fn add_local_member(shape: &mut Value, name: &str, target: &str) {
    let Some(obj) = shape.as_object_mut() else { return };
    let member = json!({ "target": target });
    match obj.get("type").and_then(Value::as_str) {
        Some("list" | "set" | "map") => {
            obj.insert(name.to_owned(), member);
        }
        _ => {
            let members = obj.entry("members").or_insert_with(|| Value::Object(Map::new()));
            if let Some(m) = members.as_object_mut() {
                m.insert(name.to_owned(), member);
            }
        }
    }
}

fn write_inherited_collection_members(docs: &mut [Doc], views: &Views) {
    for doc in docs.iter_mut().filter(|d| d.idl.is_some()) {
        let Some(shapes) = doc.value.get_mut("shapes").and_then(Value::as_object_mut) else { continue };
        for (id, shape) in shapes.iter_mut() {
            let names: &[&str] = match shape.get("type").and_then(Value::as_str) {
                Some("list" | "set") => &["member"],
                Some("map") => &["key", "value"],
                _ => continue,
            };
            if shape.get("mixins").is_none() {
                continue;
            }
            for name in names {
                if shape.get(*name).is_none() {
                    if let Some(t) = views.inherited_target(id, name, 0) {
                        add_local_member(shape, name, &t);
                    }
                }
            }
        }
    }
}

/// Prelude shapes removed in 2.0, and what 1.0 members targeting them now target.
const REMOVED_PRIMITIVES: &[(&str, &str)] = &[
    ("smithy.api#PrimitiveBoolean", "smithy.api#Boolean"),
    ("smithy.api#PrimitiveByte", "smithy.api#Byte"),
    ("smithy.api#PrimitiveShort", "smithy.api#Short"),
    ("smithy.api#PrimitiveInteger", "smithy.api#Integer"),
    ("smithy.api#PrimitiveLong", "smithy.api#Long"),
    ("smithy.api#PrimitiveFloat", "smithy.api#Float"),
    ("smithy.api#PrimitiveDouble", "smithy.api#Double"),
];

/// In 1.0, structure members targeting numbers and booleans were non-null with a zero default
/// unless boxed: 2.0 says so with `@default`.
fn upgrade_v1(doc: &mut Doc, index: &Index, boxed: &HashSet<String>, streaming: &HashSet<String>) {
    let Some(shapes) = doc.value.get_mut("shapes").and_then(Value::as_object_mut) else { return };
    for shape in shapes.values_mut() {
        if shape.get("type").and_then(Value::as_str) != Some("structure") {
            continue;
        }
        let Some(members) = shape.get_mut("members").and_then(Value::as_object_mut) else { continue };
        for member in members.values_mut() {
            let Some(target) = member.get("target").and_then(Value::as_str).map(str::to_owned) else { continue };
            let removed = REMOVED_PRIMITIVES.iter().find(|(from, _)| *from == target).map(|(_, to)| *to);
            let ty = index.type_of(&target).unwrap_or("").to_owned();
            let previously_boxed = REMOVED_PRIMITIVES.iter().any(|(_, to)| *to == target);
            let has = |m: &Value, t: &str| m.get("traits").and_then(|x| x.get(t)).is_some();
            let numeric = matches!(ty.as_str(), "byte" | "short" | "integer" | "long" | "float" | "double" | "boolean");
            let streaming_blob = ty == "blob" && streaming.contains(&target);
            let wants_default = (numeric || streaming_blob)
                && !previously_boxed
                && !has(member, "smithy.api#default")
                && !has(member, "smithy.api#required")
                && !has(member, "smithy.api#box")
                && !boxed.contains(&target);
            if let (Some(to), Some(obj)) = (removed, member.as_object_mut()) {
                obj.insert("target".to_owned(), Value::String(to.to_owned()));
            }
            if wants_default {
                let zero = match ty.as_str() {
                    "boolean" => json!(false),
                    "blob" => json!(""),
                    _ => json!(0),
                };
                if let Some(traits) = traits_mut(member) {
                    traits.insert("smithy.api#default".to_owned(), zero);
                }
            }
        }
    }
}
