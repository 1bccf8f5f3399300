//! The Smithy JSON AST reader (spec: `json-ast.rst`): 2.0 documents, and 1.0 documents upgraded
//! to 2.0 semantics ([`upgrade_v1_document`]).
//!
//! Shapes are read document by document; what needs the whole model waits for [`ModelBuilder::finish`]:
//! the 1.0 upgrade (it looks at the shapes members target), `apply` (and the traits of a shape
//! defined more than once, which count as `apply` statements), with the trait conflict rules, and
//! mixin flattening.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::mixins;
use crate::error::{Error, Result};
use crate::model::traits::ids;
use crate::model::{Member, Model, Operation, Resource, Service, Shape, ShapeId, ShapeKind, Traits};

/// Accumulates shapes from several documents, then resolves the 1.0 upgrade, `apply` and mixins.
#[derive(Default)]
pub(crate) struct ModelBuilder {
    shapes: BTreeMap<ShapeId, Shape>,
    /// The mixins of each shape that has some, in order, until flattening.
    mixins: BTreeMap<ShapeId, Vec<ShapeId>>,
    /// Traits to add once every document is read, in reading order: `apply` entries and the
    /// traits of repeated shape definitions.
    applies: Vec<Apply>,
    /// Smithy 1.0 documents, read at [`ModelBuilder::finish`] once upgraded.
    v1_documents: Vec<(Value, PathBuf)>,
    metadata: BTreeMap<String, Value>,
    origins: HashMap<String, PathBuf>,
}

/// Traits for a shape or member, added with the trait conflict rules.
struct Apply {
    target: ShapeId,
    traits: Traits,
    path: PathBuf,
}

impl ModelBuilder {
    /// Parses one JSON AST document and adds its shapes.
    pub(crate) fn add_document(&mut self, text: &str, path: &Path) -> Result<()> {
        let doc: Value = serde_json::from_str(text).map_err(|e| Error::msg(format!("malformed JSON: {e}")))?;
        self.add_value(&doc, path)
    }

    /// Adds the shapes of one JSON AST document already parsed (the IDL loader's output).
    pub(crate) fn add_value(&mut self, doc: &Value, path: &Path) -> Result<()> {
        let obj = doc.as_object().ok_or_else(|| Error::msg("the model document must be a JSON object"))?;
        let version = match obj.get("smithy").and_then(Value::as_str) {
            Some(v) => v,
            None => return Err(Error::msg("the model has no `smithy` version string")),
        };
        let major = major_version(version).filter(|m| *m == 1 || *m == 2).ok_or_else(|| {
            Error::msg(format!("unsupported Smithy version `{version}`: only 1.x and 2.x models are supported"))
        })?;
        if let Some(meta) = obj.get("metadata") {
            let meta = meta.as_object().ok_or_else(|| Error::msg("`metadata` must be an object"))?;
            for (k, v) in meta {
                merge_metadata(&mut self.metadata, k, v.clone())?;
            }
        }
        let Some(shapes) = obj.get("shapes") else { return Ok(()) };
        let shapes = shapes.as_object().ok_or_else(|| Error::msg("`shapes` must be an object"))?;
        if major == 1 {
            // The upgrade needs the types of the shapes members target, which later documents may
            // define: read the shapes at `finish`. Their file is known now, for error messages.
            check_v1_features(shapes)?;
            for (id, node) in shapes {
                if node.get("type").and_then(Value::as_str) != Some("apply") {
                    self.origins.entry(id.clone()).or_insert_with(|| path.to_path_buf());
                }
            }
            self.v1_documents.push((doc.clone(), path.to_path_buf()));
            return Ok(());
        }
        self.add_shapes(shapes, path)
    }

    fn add_shapes(&mut self, shapes: &Map<String, Value>, path: &Path) -> Result<()> {
        for (id_text, node) in shapes {
            let id = ShapeId::parse(id_text).map_err(|m| Error::shape(id_text.clone(), m))?;
            let obj = node.as_object().ok_or_else(|| Error::shape(id_text.clone(), "a shape must be a JSON object"))?;
            let ty = obj
                .get("type")
                .and_then(Value::as_str)
                .ok_or_else(|| Error::shape(id_text.clone(), "the shape has no `type`"))?;
            if ty == "apply" {
                let traits = parse_traits(obj.get("traits"), &id)?;
                self.applies.push(Apply { target: id, traits, path: path.to_path_buf() });
                continue;
            }
            if id.member().is_some() {
                return Err(Error::shape(id_text.clone(), "a shape ID in `shapes` must not name a member"));
            }
            let (shape, mixins) = parse_shape(&id, ty, obj)?;
            if let Some(existing) = self.shapes.get(&id) {
                // Spec (model.rst, "Merging model files"): the same type, members and properties,
                // and the traits of each definition count as `apply` statements.
                let same_mixins = self.mixins.get(&id).map(Vec::as_slice).unwrap_or_default() == mixins.as_slice();
                if !same_mixins || skeleton(existing) != skeleton(&shape) {
                    return Err(Error::shape(id_text.clone(), "the shape is defined twice, differently"));
                }
                for member in shape.kind.members() {
                    if !member.traits.0.is_empty() {
                        let target = id.with_member(&member.name);
                        self.applies.push(Apply { target, traits: member.traits.clone(), path: path.to_path_buf() });
                    }
                }
                if !shape.traits.0.is_empty() {
                    self.applies.push(Apply { target: id, traits: shape.traits, path: path.to_path_buf() });
                }
                continue;
            }
            self.origins.entry(id.as_str().to_owned()).or_insert_with(|| path.to_path_buf());
            if !mixins.is_empty() {
                self.mixins.insert(id.clone(), mixins);
            }
            self.shapes.insert(id, shape);
        }
        Ok(())
    }

    /// Which file defined each shape (for error messages).
    pub(crate) fn origins(&self) -> HashMap<String, PathBuf> {
        self.origins.clone()
    }

    /// Reads the upgraded 1.0 documents, applies `apply` blocks, flattens mixins and returns the
    /// model (not yet validated).
    pub(crate) fn finish(mut self) -> Result<Model> {
        self.add_v1_documents()?;
        for apply in std::mem::take(&mut self.applies) {
            self.apply(apply)?;
        }
        let model = Model { shapes: self.shapes, metadata: self.metadata, origins: Default::default() };
        mixins::flatten(model, &self.mixins)
    }

    /// Adds a shape built in code (the prelude).
    pub(crate) fn add_shape(&mut self, shape: Shape) {
        self.shapes.insert(shape.id.clone(), shape);
    }

    fn add_v1_documents(&mut self) -> Result<()> {
        let mut docs = std::mem::take(&mut self.v1_documents);
        if docs.is_empty() {
            return Ok(());
        }
        // What the upgrade looks at: the shapes of every document, the 1.0 ones still as JSON.
        let mut v1_shapes: HashMap<String, (String, Vec<String>)> = HashMap::new();
        for (doc, _) in &docs {
            for (id, shape) in doc.get("shapes").and_then(Value::as_object).into_iter().flatten() {
                let Some(ty) = shape.get("type").and_then(Value::as_str).filter(|t| *t != "apply") else { continue };
                let traits = shape.get("traits").and_then(Value::as_object).map(|t| t.keys().cloned().collect());
                v1_shapes.entry(id.clone()).or_insert_with(|| (ty.to_owned(), traits.unwrap_or_default()));
            }
        }
        let shapes = &self.shapes;
        let type_of = |id: &str| -> Option<String> {
            let typed = ShapeId::parse(id).ok().and_then(|id| shapes.get(&id)).map(|s| s.kind.type_name().to_owned());
            typed.or_else(|| v1_shapes.get(id).map(|(ty, _)| ty.clone()))
        };
        let has_trait = |id: &str, t: &str| -> bool {
            let typed = ShapeId::parse(id).ok().and_then(|id| shapes.get(&id)).is_some_and(|s| s.traits.has(t));
            typed || v1_shapes.get(id).is_some_and(|(_, traits)| traits.iter().any(|x| x == t))
        };
        for (doc, _) in &mut docs {
            upgrade_v1_document(doc, &type_of, &has_trait);
        }
        for (doc, path) in &docs {
            if let Some(shapes) = doc.get("shapes").and_then(Value::as_object) {
                self.add_shapes(shapes, path).map_err(|e| e.in_file(path))?;
            }
        }
        Ok(())
    }

    /// Adds the traits of one `apply` (or repeated definition) with the trait conflict rules.
    fn apply(&mut self, apply: Apply) -> Result<()> {
        let Apply { target, traits, path } = apply;
        let err = |m: String| Error::shape(target.to_string(), m).in_file(&path);
        let root = target.root();
        let Some(shape) = self.shapes.get(&root) else {
            return Err(err("`apply` targets a shape that does not exist".to_owned()));
        };
        let missing_member = target.member().filter(|m| shape.kind.members().iter().all(|x| x.name != *m));
        if let Some(m) = missing_member {
            // A member inherited from a mixin (spec: mixins.rst, "Adding and replacing traits on
            // copied members"): it becomes a local redefinition, without a target until mixin
            // flattening gives it the inherited one, whose traits the applied ones override.
            if !mixins::inherits_member(&self.shapes, &self.mixins, &root, m) {
                return Err(err("`apply` targets a member that does not exist".to_owned()));
            }
        }
        let list: Vec<(String, Value, Option<bool>)> =
            traits.0.into_iter().map(|(k, v)| (k.clone(), v, self.is_list_trait(&k))).collect();
        let shape = self.shapes.get_mut(&root).expect("checked above");
        let slot = match target.member() {
            None => &mut shape.traits,
            Some(m) => {
                if missing_member.is_some() {
                    match &mut shape.kind {
                        ShapeKind::Enum(v) | ShapeKind::IntEnum(v) | ShapeKind::Structure(v) | ShapeKind::Union(v) => {
                            v.push(mixins::placeholder(m));
                        }
                        _ => return Err(err("`apply` targets a member that does not exist".to_owned())),
                    }
                }
                let member = shape.kind.members_mut().into_iter().find(|x| x.name == m);
                &mut member.expect("present or just added").traits
            }
        };
        for (id, value, is_list) in list {
            merge_trait(slot, id, value, is_list).map_err(err)?;
        }
        Ok(())
    }

    /// Whether a trait's shape is a list (`None`: the trait's definition is not known).
    fn is_list_trait(&self, trait_id: &str) -> Option<bool> {
        let id = ShapeId::parse(trait_id).ok()?;
        if let Some(shape) = self.shapes.get(&id) {
            return Some(matches!(shape.kind, ShapeKind::List(_)));
        }
        let prelude = trait_id.strip_prefix("smithy.api#").and_then(super::idl::prelude_names::lookup);
        prelude.map(|(ty, _)| matches!(ty, "list" | "set"))
    }
}

/// Rejects what only Smithy 2.0 has (as the IDL loader does for IDL 1.0 files).
fn check_v1_features(shapes: &Map<String, Value>) -> Result<()> {
    for (id, node) in shapes {
        let ty = node.get("type").and_then(Value::as_str);
        let feature = if matches!(ty, Some("enum" | "intEnum")) {
            format!("`{}` shapes", ty.unwrap_or_default())
        } else if node.get("mixins").is_some() || node.get("traits").and_then(|t| t.get(ids::MIXIN)).is_some() {
            "mixins".to_owned()
        } else if ty == Some("resource") && node.get("properties").is_some() {
            "resource `properties`".to_owned()
        } else {
            continue;
        };
        return Err(Error::shape(
            id.clone(),
            format!("{feature} can only be used in Smithy version 2 or later, but this document is version 1.0"),
        ));
    }
    Ok(())
}

/// The major version of a `smithy` version string (`1*DIGIT ["." 1*DIGIT]`).
fn major_version(v: &str) -> Option<u32> {
    let (major, minor) = match v.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (v, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(major) || minor.is_some_and(|m| !digits(m)) {
        return None;
    }
    major.parse().ok()
}

/// Trait conflict resolution (spec: model.rst, "Trait conflict resolution"): equal values are
/// fine, list traits concatenate, anything else conflicts. A trait whose definition is neither
/// loaded nor in the prelude counts as a list trait when both values are arrays (as the
/// reference implementation does).
fn merge_trait(slot: &mut Traits, id: String, value: Value, is_list: Option<bool>) -> Result<(), String> {
    match slot.0.get_mut(&id) {
        None => {
            slot.insert(id, value);
            Ok(())
        }
        Some(existing) if *existing == value => Ok(()),
        Some(Value::Array(existing)) if is_list != Some(false) && value.is_array() => {
            if let Value::Array(more) = value {
                existing.extend(more);
            }
            Ok(())
        }
        Some(existing) => Err(format!(
            "conflicting values for the trait `{id}`: {} and {} (only list traits may be applied twice with \
             different values)",
            brief(existing),
            brief(&value)
        )),
    }
}

fn brief(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!("{}...", s.chars().take(57).collect::<String>())
    } else {
        s
    }
}

/// A shape without its traits, members in name order: what two definitions of one shape must
/// agree on.
fn skeleton(shape: &Shape) -> ShapeKind {
    let mut kind = shape.kind.clone();
    for m in kind.members_mut() {
        m.traits = Traits::default();
    }
    if let ShapeKind::Enum(v) | ShapeKind::IntEnum(v) | ShapeKind::Structure(v) | ShapeKind::Union(v) = &mut kind {
        v.sort_by(|a, b| a.name.cmp(&b.name));
    }
    kind
}

/// Prelude shapes removed in 2.0, and what 1.0 members targeting them now target.
pub(crate) const REMOVED_PRIMITIVES: &[(&str, &str)] = &[
    ("smithy.api#PrimitiveBoolean", "smithy.api#Boolean"),
    ("smithy.api#PrimitiveByte", "smithy.api#Byte"),
    ("smithy.api#PrimitiveShort", "smithy.api#Short"),
    ("smithy.api#PrimitiveInteger", "smithy.api#Integer"),
    ("smithy.api#PrimitiveLong", "smithy.api#Long"),
    ("smithy.api#PrimitiveFloat", "smithy.api#Float"),
    ("smithy.api#PrimitiveDouble", "smithy.api#Double"),
];

const BOX: &str = "smithy.api#box";

/// Upgrades a Smithy 1.0 JSON AST document to 2.0 semantics, as the reference implementation's
/// model upgrader does (and the IDL loader for IDL 1.0 files): in 1.0, structure members
/// targeting numbers and booleans were non-null with a zero default unless boxed (by `@box` on
/// the member or its target, or by targeting a boxed prelude shape such as `smithy.api#Integer`);
/// 2.0 says so with `@default`. Members targeting the removed `smithy.api#Primitive*` shapes
/// target the boxed shape instead, with the default. Streaming blobs get `@default("")`.
///
/// `type_of` gives the type of any shape of the model, `has_trait(shape, trait)` whether a shape
/// has a trait. The document's own `apply` entries count as traits of the members they target.
/// The `smithy` version string is left as is.
pub(crate) fn upgrade_v1_document(
    doc: &mut Value,
    type_of: &dyn Fn(&str) -> Option<String>,
    has_trait: &dyn Fn(&str, &str) -> bool,
) {
    let Some(shapes) = doc.get_mut("shapes").and_then(Value::as_object_mut) else { return };
    let applied: HashMap<String, Vec<String>> = shapes
        .iter()
        .filter(|(_, s)| s.get("type").and_then(Value::as_str) == Some("apply"))
        .map(|(id, s)| {
            let keys = s.get("traits").and_then(Value::as_object).map(|t| t.keys().cloned().collect());
            (id.clone(), keys.unwrap_or_default())
        })
        .collect();
    for (id, shape) in shapes.iter_mut() {
        if shape.get("type").and_then(Value::as_str) != Some("structure") {
            continue;
        }
        let Some(members) = shape.get_mut("members").and_then(Value::as_object_mut) else { continue };
        for (name, member) in members.iter_mut() {
            let Some(target) = member.get("target").and_then(Value::as_str).map(str::to_owned) else { continue };
            let member_applied = applied.get(&format!("{id}${name}"));
            let has = |t: &str| {
                member.get("traits").and_then(|x| x.get(t)).is_some()
                    || member_applied.is_some_and(|a| a.iter().any(|x| x == t))
            };
            let removed = REMOVED_PRIMITIVES.iter().find(|(from, _)| *from == target).map(|(_, to)| *to);
            let previously_boxed = REMOVED_PRIMITIVES.iter().any(|(_, to)| *to == target);
            let ty = type_of(&target).unwrap_or_default();
            let numeric = matches!(ty.as_str(), "byte" | "short" | "integer" | "long" | "float" | "double" | "boolean");
            let streaming_blob = ty == "blob" && has_trait(&target, ids::STREAMING);
            let wants_default = (numeric || streaming_blob)
                && !previously_boxed
                && !has(ids::DEFAULT)
                && !has(ids::REQUIRED)
                && !has(BOX)
                && !has_trait(&target, BOX);
            let Some(obj) = member.as_object_mut() else { continue };
            if let Some(to) = removed {
                obj.insert("target".to_owned(), Value::String(to.to_owned()));
            }
            if wants_default {
                let zero = match ty.as_str() {
                    "boolean" => Value::Bool(false),
                    "blob" => Value::String(String::new()),
                    _ => Value::from(0),
                };
                let traits = obj.entry("traits").or_insert_with(|| Value::Object(Map::new()));
                if let Some(traits) = traits.as_object_mut() {
                    traits.insert(ids::DEFAULT.to_owned(), zero);
                }
            }
        }
    }
}

/// Metadata merge rule from the spec: arrays concatenate, equal values are fine, anything else conflicts.
fn merge_metadata(into: &mut BTreeMap<String, Value>, key: &str, value: Value) -> Result<()> {
    match into.get_mut(key) {
        None => {
            into.insert(key.to_owned(), value);
        }
        Some(Value::Array(existing)) if value.is_array() => {
            if let Value::Array(more) = value {
                existing.extend(more);
            }
        }
        Some(existing) if *existing == value => {}
        Some(_) => return Err(Error::msg(format!("conflicting values for metadata key `{key}`"))),
    }
    Ok(())
}

/// One shape definition, and its mixins.
fn parse_shape(id: &ShapeId, ty: &str, obj: &Map<String, Value>) -> Result<(Shape, Vec<ShapeId>)> {
    let err = |m: String| Error::shape(id.to_string(), m);
    let traits = parse_traits(obj.get("traits"), id)?;
    // Mixins are flattened once every document is read.
    let mixins = targets(id, obj.get("mixins"))?;
    let members = || parse_members(id, obj.get("members"));
    let one = |key: &str| -> Result<Member> {
        match obj.get(key) {
            Some(node) => parse_member(id, key, node),
            // A list or map can get its members from its mixins.
            None if !mixins.is_empty() => Ok(mixins::placeholder(key)),
            None => Err(err(format!("a {ty} shape needs a `{key}` member"))),
        }
    };
    let kind = match ty {
        "blob" => ShapeKind::Blob,
        "boolean" => ShapeKind::Boolean,
        "string" => ShapeKind::String,
        "byte" => ShapeKind::Byte,
        "short" => ShapeKind::Short,
        "integer" => ShapeKind::Integer,
        "long" => ShapeKind::Long,
        "float" => ShapeKind::Float,
        "double" => ShapeKind::Double,
        "bigInteger" => ShapeKind::BigInteger,
        "bigDecimal" => ShapeKind::BigDecimal,
        "timestamp" => ShapeKind::Timestamp,
        "document" => ShapeKind::Document,
        "enum" => ShapeKind::Enum(members()?),
        "intEnum" => ShapeKind::IntEnum(members()?),
        "list" | "set" => ShapeKind::List(one("member")?),
        "map" => ShapeKind::Map { key: one("key")?, value: one("value")? },
        "structure" => ShapeKind::Structure(members()?),
        "union" => ShapeKind::Union(members()?),
        "service" => ShapeKind::Service(Service {
            version: obj.get("version").and_then(Value::as_str).map(str::to_owned),
            operations: targets(id, obj.get("operations"))?,
            resources: targets(id, obj.get("resources"))?,
            errors: targets(id, obj.get("errors"))?,
            rename: parse_rename(id, obj.get("rename"))?,
        }),
        "operation" => {
            let unit = || ShapeId::from_parts("smithy.api", "Unit");
            ShapeKind::Operation(Operation {
                input: obj.get("input").map(|v| target_of(id, v)).transpose()?.unwrap_or_else(unit),
                output: obj.get("output").map(|v| target_of(id, v)).transpose()?.unwrap_or_else(unit),
                errors: targets(id, obj.get("errors"))?,
            })
        }
        "resource" => {
            let mut operations = Vec::new();
            for key in ["create", "put", "read", "update", "delete", "list"] {
                if let Some(v) = obj.get(key) {
                    operations.push(target_of(id, v)?);
                }
            }
            operations.extend(targets(id, obj.get("operations"))?);
            operations.extend(targets(id, obj.get("collectionOperations"))?);
            ShapeKind::Resource(Resource {
                identifiers: named_targets(id, obj.get("identifiers"))?,
                properties: named_targets(id, obj.get("properties"))?,
                operations,
                resources: targets(id, obj.get("resources"))?,
            })
        }
        other => return Err(err(format!("unknown shape type `{other}`"))),
    };
    Ok((Shape { id: id.clone(), kind, traits }, mixins))
}

fn parse_members(id: &ShapeId, node: Option<&Value>) -> Result<Vec<Member>> {
    let Some(node) = node else { return Ok(Vec::new()) };
    let obj = node.as_object().ok_or_else(|| Error::shape(id.to_string(), "`members` must be an object"))?;
    obj.iter().map(|(name, m)| parse_member(id, name, m)).collect()
}

fn parse_member(id: &ShapeId, name: &str, node: &Value) -> Result<Member> {
    let member_id = format!("{id}${name}");
    if !crate::model::shape_id::is_identifier(name) {
        return Err(Error::shape(member_id, format!("`{name}` is not a valid member name")));
    }
    let target = node
        .get("target")
        .ok_or_else(|| Error::shape(member_id.clone(), "the member has no `target`"))?;
    let target = target
        .as_str()
        .ok_or_else(|| Error::shape(member_id.clone(), "`target` must be a string"))
        .and_then(|t| ShapeId::parse(t).map_err(|m| Error::shape(member_id.clone(), m)))?;
    let traits = parse_traits(node.get("traits"), &id.with_member(name))?;
    Ok(Member { name: name.to_owned(), target, traits })
}

fn parse_traits(node: Option<&Value>, id: &ShapeId) -> Result<Traits> {
    let Some(node) = node else { return Ok(Traits::default()) };
    let obj = node.as_object().ok_or_else(|| Error::shape(id.to_string(), "`traits` must be an object"))?;
    let mut traits = Traits::default();
    for (k, v) in obj {
        ShapeId::parse(k).map_err(|m| Error::shape(id.to_string(), format!("bad trait ID: {m}")))?;
        traits.insert(k.clone(), v.clone());
    }
    Ok(traits)
}

fn target_of(id: &ShapeId, node: &Value) -> Result<ShapeId> {
    let t = node
        .get("target")
        .and_then(Value::as_str)
        .ok_or_else(|| Error::shape(id.to_string(), "a shape reference needs a string `target`"))?;
    ShapeId::parse(t).map_err(|m| Error::shape(id.to_string(), m))
}

fn targets(id: &ShapeId, node: Option<&Value>) -> Result<Vec<ShapeId>> {
    let Some(node) = node else { return Ok(Vec::new()) };
    let arr = node.as_array().ok_or_else(|| Error::shape(id.to_string(), "a list of shape references must be an array"))?;
    arr.iter().map(|v| target_of(id, v)).collect()
}

fn named_targets(id: &ShapeId, node: Option<&Value>) -> Result<BTreeMap<String, ShapeId>> {
    let Some(node) = node else { return Ok(BTreeMap::new()) };
    let obj = node.as_object().ok_or_else(|| Error::shape(id.to_string(), "identifiers/properties must be an object"))?;
    obj.iter().map(|(k, v)| Ok((k.clone(), target_of(id, v)?))).collect()
}

fn parse_rename(id: &ShapeId, node: Option<&Value>) -> Result<BTreeMap<ShapeId, String>> {
    let Some(node) = node else { return Ok(BTreeMap::new()) };
    let obj = node.as_object().ok_or_else(|| Error::shape(id.to_string(), "`rename` must be an object"))?;
    let mut out = BTreeMap::new();
    for (k, v) in obj {
        let from = ShapeId::parse(k).map_err(|m| Error::shape(id.to_string(), m))?;
        let to = v.as_str().ok_or_else(|| Error::shape(id.to_string(), "`rename` values must be strings"))?;
        if !crate::model::shape_id::is_identifier(to) {
            return Err(Error::shape(id.to_string(), format!("`rename` gives the invalid name `{to}`")));
        }
        out.insert(from, to.to_owned());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde_json::{json, Value};

    use crate::load::load_sources;
    use crate::model::{Model, Shape, ShapeId, ShapeKind};

    fn doc(version: &str, shapes: Value) -> String {
        json!({ "smithy": version, "shapes": shapes }).to_string()
    }

    fn load_docs(docs: &[&str]) -> Result<Model, crate::Error> {
        let names: Vec<String> = (0..docs.len()).map(|i| format!("m{i}.json")).collect();
        let sources: Vec<(&Path, &str)> = names.iter().zip(docs).map(|(n, d)| (Path::new(n.as_str()), *d)).collect();
        load_sources(&sources)
    }

    fn shape<'m>(model: &'m Model, id: &str) -> &'m Shape {
        model.shape(&ShapeId::parse(id).unwrap()).unwrap_or_else(|| panic!("no shape {id}"))
    }

    fn member<'m>(model: &'m Model, id: &str, name: &str) -> &'m crate::model::Member {
        shape(model, id).kind.members().into_iter().find(|m| m.name == name).unwrap_or_else(|| panic!("no member {name}"))
    }

    const STRING: &str = "smithy.api#String";

    #[test]
    fn apply_to_a_member_inherited_from_a_mixin() {
        // `valid/mixins/mixins-with-members-and-traits.json`: an apply to a mixin's inherited
        // member reaches the shapes that use the mixin; an apply overrides inherited traits.
        let a = doc("2.0", json!({
            "ex#C": { "type": "structure", "members": { "c": { "target": STRING, "traits": { "smithy.api#documentation": "C.c" } } },
                      "traits": { "smithy.api#mixin": {} } },
            "ex#D": { "type": "structure", "members": {}, "mixins": [{ "target": "ex#C" }], "traits": { "smithy.api#mixin": {} } },
            "ex#F": { "type": "structure", "members": { "f": { "target": STRING } }, "mixins": [{ "target": "ex#D" }] },
            "ex#D$c": { "type": "apply", "traits": { "smithy.api#internal": {}, "smithy.api#documentation": "changed" } },
        }));
        // Applies from another document, before or after it in load order.
        let b = doc("2.0", json!({ "ex#F$c": { "type": "apply", "traits": { "smithy.api#tags": ["x"] } } }));
        let model = load_docs(&[&b, &a]).unwrap();
        let c = member(&model, "ex#F", "c");
        assert_eq!(c.target.as_str(), STRING);
        assert_eq!(c.traits.get("smithy.api#documentation"), Some(&json!("changed")));
        assert!(c.traits.has("smithy.api#internal"));
        assert_eq!(c.traits.get("smithy.api#tags"), Some(&json!(["x"])));
        let names: Vec<&str> = shape(&model, "ex#F").kind.members().iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["c", "f"], "the inherited member keeps its place");
        // An apply to a member that neither the shape nor its mixins have is still an error.
        let ghost = doc("2.0", json!({ "ex#F$ghost": { "type": "apply", "traits": { "smithy.api#internal": {} } } }));
        let e = load_docs(&[&a, &ghost]).unwrap_err();
        assert_eq!(e.to_string(), "m1.json: shape `ex#F$ghost`: `apply` targets a member that does not exist");
    }

    #[test]
    fn applied_traits_follow_the_conflict_rules() {
        let base = doc("2.0", json!({
            "ex#S": { "type": "string", "traits": { "smithy.api#tags": ["a"], "smithy.api#length": { "min": 1 } } },
            "ex#listTrait": { "type": "list", "member": { "target": STRING }, "traits": { "smithy.api#trait": {} } },
            "ex#docTrait": { "type": "document", "traits": { "smithy.api#trait": {} } },
        }));
        let more = doc("2.0", json!({
            "ex#S": { "type": "apply", "traits": {
                "smithy.api#tags": ["b"], "smithy.api#length": { "min": 1 }, "ex#listTrait": ["x"], "ex#docTrait": [1]
            } },
        }));
        let again = doc("2.0", json!({ "ex#S": { "type": "apply", "traits": { "ex#listTrait": ["y"], "ex#docTrait": [1] } } }));
        let model = load_docs(&[&base, &more, &again]).unwrap();
        let s = shape(&model, "ex#S");
        assert_eq!(s.traits.get("smithy.api#tags"), Some(&json!(["a", "b"])), "list traits concatenate");
        assert_eq!(s.traits.get("ex#listTrait"), Some(&json!(["x", "y"])));
        assert_eq!(s.traits.get("ex#docTrait"), Some(&json!([1])), "equal values are fine");
        assert_eq!(s.traits.get("smithy.api#length"), Some(&json!({ "min": 1 })));
        // Different values of a trait that is not a list conflict; the error names the shape,
        // the trait and the file of the apply.
        let conflict = doc("2.0", json!({ "ex#S": { "type": "apply", "traits": { "smithy.api#length": { "min": 2 } } } }));
        let e = load_docs(&[&base, &conflict]).unwrap_err();
        assert_eq!((e.file.as_deref(), e.shape.as_deref()), (Some(Path::new("m1.json")), Some("ex#S")));
        assert!(e.message.contains("conflicting values for the trait `smithy.api#length`"), "{e}");
        // A trait defined as a document is not a list, even with array values.
        let doc_conflict = doc("2.0", json!({ "ex#S": { "type": "apply", "traits": { "ex#docTrait": [2] } } }));
        let e = load_docs(&[&base, &more, &doc_conflict]).unwrap_err();
        assert!(e.message.contains("`ex#docTrait`"), "{e}");
    }

    #[test]
    fn a_shape_defined_twice_merges_its_traits() {
        let a = doc("2.0", json!({
            "ex#T": { "type": "structure", "members": {
                "x": { "target": STRING, "traits": { "smithy.api#tags": ["a"] } },
                "y": { "target": STRING }
            }, "traits": { "smithy.api#documentation": "T", "smithy.api#tags": ["a"] } },
        }));
        let b = doc("2.0", json!({
            "ex#T": { "type": "structure", "members": {
                "y": { "target": STRING, "traits": { "smithy.api#required": {} } },
                "x": { "target": STRING, "traits": { "smithy.api#tags": ["b"] } }
            }, "traits": { "smithy.api#documentation": "T", "smithy.api#sensitive": {} } },
        }));
        let model = load_docs(&[&a, &a]).unwrap();
        assert_eq!(member(&model, "ex#T", "x").traits.get("smithy.api#tags"), Some(&json!(["a"])), "the same definition twice");
        let model = load_docs(&[&a, &b]).unwrap();
        let t = shape(&model, "ex#T");
        assert_eq!(t.traits.get("smithy.api#tags"), Some(&json!(["a"])));
        assert!(t.traits.has("smithy.api#sensitive"));
        assert_eq!(member(&model, "ex#T", "x").traits.get("smithy.api#tags"), Some(&json!(["a", "b"])));
        assert!(member(&model, "ex#T", "y").traits.required());
        // Conflicting traits are an error, as with `apply`.
        let c = doc("2.0", json!({ "ex#T": { "type": "structure", "members": {
            "x": { "target": STRING }, "y": { "target": STRING }
        }, "traits": { "smithy.api#documentation": "other" } } }));
        let e = load_docs(&[&a, &c]).unwrap_err();
        assert_eq!((e.file.as_deref(), e.shape.as_deref()), (Some(Path::new("m1.json")), Some("ex#T")));
        assert!(e.message.contains("`smithy.api#documentation`"), "{e}");
        // Different members, targets, types or mixins are not the same shape.
        for other in [
            json!({ "type": "structure", "members": { "x": { "target": STRING } } }),
            json!({ "type": "structure", "members": { "x": { "target": STRING }, "y": { "target": "smithy.api#Integer" } } }),
            json!({ "type": "union", "members": { "x": { "target": STRING }, "y": { "target": STRING } } }),
        ] {
            let d = doc("2.0", json!({ "ex#T": other }));
            let e = load_docs(&[&a, &d]).unwrap_err();
            assert_eq!(e.message, "the shape is defined twice, differently");
        }
    }

    #[test]
    fn smithy_1_0_documents_are_upgraded() {
        let v1 = doc("1.0", json!({
            "ex#Count": { "type": "integer" },
            "ex#MaybeCount": { "type": "integer", "traits": { "smithy.api#box": {} } },
            "ex#S": { "type": "structure", "members": {
                "a": { "target": "smithy.api#PrimitiveInteger" },
                "b": { "target": "smithy.api#Integer" },
                "c": { "target": "ex#Count" },
                "d": { "target": "ex#MaybeCount" },
                "e": { "target": "ex#Count", "traits": { "smithy.api#required": {} } },
                "f": { "target": "smithy.api#PrimitiveBoolean" },
                "g": { "target": "ex#Later" },
                "h": { "target": "ex#Count" },
                "i": { "target": "ex#Stream" }
            } },
            "ex#S$h": { "type": "apply", "traits": { "smithy.api#box": {} } },
            "ex#Names": { "type": "set", "member": { "target": STRING } },
        }));
        // A target defined in a later (2.0) document.
        let v2 = doc("2.0", json!({
            "ex#Later": { "type": "double" },
            "ex#Stream": { "type": "blob", "traits": { "smithy.api#streaming": {} } },
        }));
        let model = load_docs(&[&v1, &v2]).unwrap();
        let m = |n: &str| member(&model, "ex#S", n);
        let default = |n: &str| m(n).traits.get("smithy.api#default").cloned();
        assert_eq!((m("a").target.as_str(), default("a")), ("smithy.api#Integer", Some(json!(0))));
        assert_eq!(default("b"), None, "the prelude Integer was boxed");
        assert_eq!(default("c"), Some(json!(0)));
        assert_eq!(default("d"), None, "a boxed target");
        assert_eq!(default("e"), None, "a required member");
        assert_eq!((m("f").target.as_str(), default("f")), ("smithy.api#Boolean", Some(json!(false))));
        assert_eq!(default("g"), Some(json!(0)));
        assert_eq!(default("h"), None, "boxed by an apply of the document");
        assert_eq!(default("i"), Some(json!("")), "a streaming blob");
        assert!(matches!(shape(&model, "ex#Names").kind, ShapeKind::List(_)));
        // A version without a minor version, and a later 1.x, are read the same way.
        for version in ["1", "1.1", "2", "2.0"] {
            let d = doc(version, json!({ "ex#X": { "type": "string" } }));
            load_docs(&[&d]).unwrap_or_else(|e| panic!("{version}: {e}"));
        }
    }

    #[test]
    fn other_versions_and_2_0_features_in_1_0_are_rejected() {
        for version in ["3.0", "0.9", "", "1.", ".1", "2.0.0", "v2", "1.0-beta", "２"] {
            let e = load_docs(&[&doc(version, json!({}))]).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("m0.json: unsupported Smithy version `{version}`: only 1.x and 2.x models are supported")
            );
        }
        for (shapes, feature) in [
            (json!({ "ex#E": { "type": "enum", "members": {} } }), "`enum` shapes"),
            (json!({ "ex#E": { "type": "intEnum", "members": {} } }), "`intEnum` shapes"),
            (json!({ "ex#M": { "type": "structure", "traits": { "smithy.api#mixin": {} } } }), "mixins"),
            (json!({ "ex#R": { "type": "resource", "properties": {} } }), "resource `properties`"),
        ] {
            let e = load_docs(&[&doc("1.0", shapes)]).unwrap_err();
            assert_eq!(e.file.as_deref(), Some(Path::new("m0.json")));
            assert!(e.message.starts_with(&format!("{feature} can only be used in Smithy version 2")), "{e}");
        }
    }
}
