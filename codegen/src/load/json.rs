//! The Smithy 2.0 JSON AST reader (spec: `json-ast.rst`).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::model::{Member, Model, Operation, Resource, Service, Shape, ShapeId, ShapeKind, Traits};

/// Accumulates shapes from several documents, then resolves `apply`.
#[derive(Default)]
pub(crate) struct ModelBuilder {
    shapes: BTreeMap<ShapeId, Shape>,
    applies: Vec<(ShapeId, Traits, PathBuf)>,
    metadata: BTreeMap<String, Value>,
    origins: HashMap<String, PathBuf>,
}

impl ModelBuilder {
    /// Parses one JSON AST document and adds its shapes.
    pub(crate) fn add_document(&mut self, text: &str, path: &Path) -> Result<()> {
        let doc: Value = serde_json::from_str(text).map_err(|e| Error::msg(format!("malformed JSON: {e}")))?;
        self.add_value(&doc, path)
    }

    /// Adds the shapes of one JSON AST document already parsed (the IDL loader's output).
    pub(crate) fn add_value(&mut self, doc: &Value, path: &Path) -> Result<()> {
        let doc = doc.as_object().ok_or_else(|| Error::msg("the model document must be a JSON object"))?;
        match doc.get("smithy").and_then(Value::as_str) {
            Some(v) if v == "2" || v == "2.0" => {}
            Some(v) => return Err(Error::msg(format!("unsupported Smithy version `{v}`: only 2.0 models are supported"))),
            None => return Err(Error::msg("the model has no `smithy` version string")),
        }
        if let Some(meta) = doc.get("metadata") {
            let meta = meta.as_object().ok_or_else(|| Error::msg("`metadata` must be an object"))?;
            for (k, v) in meta {
                merge_metadata(&mut self.metadata, k, v.clone())?;
            }
        }
        let Some(shapes) = doc.get("shapes") else { return Ok(()) };
        let shapes = shapes.as_object().ok_or_else(|| Error::msg("`shapes` must be an object"))?;
        for (id_text, node) in shapes {
            let id = ShapeId::parse(id_text).map_err(|m| Error::shape(id_text.clone(), m))?;
            let obj = node.as_object().ok_or_else(|| Error::shape(id_text.clone(), "a shape must be a JSON object"))?;
            let ty = obj
                .get("type")
                .and_then(Value::as_str)
                .ok_or_else(|| Error::shape(id_text.clone(), "the shape has no `type`"))?;
            if ty == "apply" {
                let traits = parse_traits(obj.get("traits"), &id)?;
                self.applies.push((id, traits, path.to_path_buf()));
                continue;
            }
            if id.member().is_some() {
                return Err(Error::shape(id_text.clone(), "a shape ID in `shapes` must not name a member"));
            }
            let shape = parse_shape(&id, ty, obj)?;
            if let Some(existing) = self.shapes.get(&id) {
                if existing != &shape {
                    return Err(Error::shape(id_text.clone(), "the shape is defined twice, differently"));
                }
                continue;
            }
            self.origins.entry(id.as_str().to_owned()).or_insert_with(|| path.to_path_buf());
            self.shapes.insert(id, shape);
        }
        Ok(())
    }

    /// Which file defined each shape (for error messages).
    pub(crate) fn origins(&self) -> HashMap<String, PathBuf> {
        self.origins.clone()
    }

    /// Applies `apply` blocks and returns the model.
    pub(crate) fn finish(mut self) -> Result<Model> {
        for (target, traits, path) in std::mem::take(&mut self.applies) {
            let err = |m: &str| Error::shape(target.to_string(), m.to_owned()).in_file(&path);
            let shape = self.shapes.get_mut(&target.root()).ok_or_else(|| err("`apply` targets a shape that does not exist"))?;
            let slot = match target.member() {
                None => &mut shape.traits,
                Some(m) => {
                    let member = shape.kind.members_mut().into_iter().find(|x| x.name == m);
                    &mut member.ok_or_else(|| err("`apply` targets a member that does not exist"))?.traits
                }
            };
            for (k, v) in traits.0 {
                slot.insert(k, v);
            }
        }
        Ok(Model { shapes: self.shapes, metadata: self.metadata })
    }

    /// Adds a shape built in code (the prelude).
    pub(crate) fn add_shape(&mut self, shape: Shape) {
        self.shapes.insert(shape.id.clone(), shape);
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

fn parse_shape(id: &ShapeId, ty: &str, obj: &Map<String, Value>) -> Result<Shape> {
    let err = |m: String| Error::shape(id.to_string(), m);
    let traits = parse_traits(obj.get("traits"), id)?;
    let members = || parse_members(id, obj.get("members"));
    let one = |key: &str| -> Result<Member> {
        let node = obj.get(key).ok_or_else(|| err(format!("a {ty} shape needs a `{key}` member")))?;
        parse_member(id, key, node)
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
    let mut shape = Shape { id: id.clone(), kind, traits };
    if let Some(mixins) = obj.get("mixins") {
        // Mixins are resolved after every document is loaded; remember them as a trait-like node.
        let list = targets(id, Some(mixins))?;
        shape.traits.insert(
            super::mixins::MIXINS_KEY,
            Value::Array(list.iter().map(|t| Value::String(t.to_string())).collect()),
        );
    }
    Ok(shape)
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
