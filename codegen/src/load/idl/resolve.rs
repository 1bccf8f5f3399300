//! Resolution: parsed IDL files in, JSON AST documents out (spec: `idl.rst`, `json-ast.rst`).
//!
//! Runs after every file is parsed, because a relative shape ID resolves against the shapes of
//! its namespace in *all* loaded files (IDL and JSON alike):
//!
//! 1. `use` imports, 2. shapes of the file's namespace, 3. public prelude shapes, 4. otherwise the
//!    file's namespace (the reference then dangles and model validation reports it).
//!
//! The output of one IDL file is the JSON AST document the spec pairs with it: shapes with
//! absolute IDs, traits as nodes, doc comments as `smithy.api#documentation`, `= value` as
//! `@default` or `@enumValue`, inline input/output as named structures, `apply` statements folded
//! into the file's own definitions (with the trait conflict rules) and kept as `apply` entries
//! for shapes defined elsewhere or for members inherited from mixins. An elided member (`$name`)
//! that a mixin defines is that inherited member (only its traits are kept, as an `apply`; a
//! `for` resource giving it another target is an error); otherwise it is a local member
//! targeting the `for` resource's identifier or property.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::{json, Map, Value};

use super::ast::*;
use super::prelude_names;
use crate::error::{Error, Result};

/// One loaded source, parsed.
pub(crate) enum Input {
    Idl(IdlFile),
    Json(Value),
}

/// A JSON AST document; `idl` is the IDL version when it was converted from the IDL.
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    pub path: PathBuf,
    pub value: Value,
    pub idl: Option<Version>,
}

const API: &str = "smithy.api";

/// Converts the IDL inputs (JSON inputs pass through unchanged).
pub(crate) fn convert(inputs: Vec<(PathBuf, Input)>) -> Result<Vec<Doc>> {
    let index = Index::build(&inputs);
    let mut resolved: Vec<Option<RFile>> = Vec::with_capacity(inputs.len());
    for (path, input) in &inputs {
        resolved.push(match input {
            Input::Idl(file) => Some(resolve_file(path, file, &index)?),
            Input::Json(_) => None,
        });
    }
    let views = Views::build(&inputs, &resolved);
    let mut docs = Vec::with_capacity(inputs.len());
    for ((path, input), rfile) in inputs.into_iter().zip(resolved) {
        match (input, rfile) {
            (Input::Idl(file), Some(mut rfile)) => {
                finish_members(&mut rfile, &views)?;
                let value = build_document(rfile, &index, &views)?;
                docs.push(Doc { path, value, idl: Some(file.version) });
            }
            (Input::Json(value), _) => docs.push(Doc { path, value, idl: None }),
            (Input::Idl(_), None) => unreachable!("every IDL input is resolved"),
        }
    }
    Ok(docs)
}

// ---------------------------------------------------------------------------------------------
// The index of every defined shape
// ---------------------------------------------------------------------------------------------

/// The shape type of every shape defined in any input.
pub(crate) struct Index {
    types: HashMap<String, String>,
}

impl Index {
    /// The index of converted documents (all JSON by now).
    pub(crate) fn from_docs(docs: &[Doc]) -> Index {
        let mut types = HashMap::new();
        for doc in docs {
            for (id, ty, _) in json_shapes(&doc.value) {
                types.insert(id.to_owned(), ty.to_owned());
            }
        }
        Index { types }
    }

    fn build(inputs: &[(PathBuf, Input)]) -> Index {
        let mut types = HashMap::new();
        for (_, input) in inputs {
            match input {
                Input::Idl(file) => {
                    if let Some(ns) = &file.namespace {
                        for s in &file.shapes {
                            types.insert(format!("{ns}#{}", s.name), s.ty.to_owned());
                        }
                    }
                }
                Input::Json(doc) => {
                    for (id, ty, _) in json_shapes(doc) {
                        types.insert(id.to_owned(), ty.to_owned());
                    }
                }
            }
        }
        Index { types }
    }

    /// The type of a shape (defined in an input, or in the prelude).
    pub(crate) fn type_of(&self, id: &str) -> Option<&str> {
        if let Some(t) = self.types.get(id) {
            return Some(t);
        }
        let name = id.strip_prefix("smithy.api#")?;
        prelude_names::lookup(name).map(|(t, _)| t)
    }

    /// Whether a (possibly member) shape ID names a shape that exists.
    fn exists(&self, id: &str) -> bool {
        let root = id.split('$').next().unwrap_or(id);
        self.type_of(root).is_some()
    }

    pub(crate) fn is_list_trait(&self, id: &str) -> bool {
        matches!(self.type_of(id), Some("list" | "set"))
    }
}

/// Adds a trait with the conflict rules (spec: "Trait conflict resolution"): list traits
/// concatenate, equal values are fine, anything else conflicts.
pub(crate) fn add_trait(
    traits: &mut Map<String, Value>,
    id: String,
    value: Value,
    index_is_list: bool,
) -> Result<(), String> {
    match traits.get_mut(&id) {
        None => {
            traits.insert(id, value);
            Ok(())
        }
        Some(existing) if *existing == value => Ok(()),
        Some(Value::Array(existing)) if index_is_list && value.is_array() => {
            if let Value::Array(more) = value {
                existing.extend(more);
            }
            Ok(())
        }
        Some(existing) => Err(format!(
            "the trait `{id}` is applied twice with different values ({} and {})",
            short(existing),
            short(&value)
        )),
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!("{}...", s.chars().take(57).collect::<String>())
    } else {
        s
    }
}

// ---------------------------------------------------------------------------------------------
// Resolving one file
// ---------------------------------------------------------------------------------------------

struct RFile {
    path: PathBuf,
    version: Version,
    metadata: Map<String, Value>,
    shapes: Vec<RShape>,
    applies: Vec<RApply>,
}

struct RShape {
    id: String,
    ty: &'static str,
    pos: Pos,
    traits: Map<String, Value>,
    mixins: Vec<String>,
    for_resource: Option<(String, Pos)>,
    members: Vec<RMember>,
    /// Service, resource and operation properties, already in JSON AST form.
    props: Map<String, Value>,
}

struct RMember {
    name: String,
    pos: Pos,
    target: Option<String>,
    elided: bool,
    /// An elided member whose target comes from a mixin: it is the inherited member.
    inherited: bool,
    traits: Map<String, Value>,
}

struct RApply {
    target: String,
    traits: Vec<(String, Value, Pos)>,
}

/// Name resolution for one file.
struct Ctx<'a> {
    path: &'a Path,
    ns: Option<&'a str>,
    uses: HashMap<&'a str, &'a str>,
    index: &'a Index,
}

impl<'a> Ctx<'a> {
    fn err(&self, pos: Pos, message: impl std::fmt::Display) -> Error {
        Error { file: Some(self.path.to_path_buf()), shape: None, message: format!("{pos}: {message}") }
    }

    /// Resolves a shape ID as written to an absolute one.
    fn resolve(&self, text: &str) -> String {
        if text.contains('#') {
            return text.to_owned();
        }
        let (root, member) = match text.split_once('$') {
            Some((r, m)) => (r, Some(m)),
            None => (text, None),
        };
        let abs = if let Some(imported) = self.uses.get(root) {
            (*imported).to_owned()
        } else if let Some(ns) = self.ns.filter(|ns| self.index.types.contains_key(&format!("{ns}#{root}"))) {
            format!("{ns}#{root}")
        } else if prelude_names::lookup(root).is_some_and(|(_, public)| public) {
            format!("{API}#{root}")
        } else {
            format!("{}#{root}", self.ns.unwrap_or(API))
        };
        match member {
            Some(m) => format!("{abs}${m}"),
            None => abs,
        }
    }

    fn type_of(&self, id: &str) -> Option<&str> {
        self.index.type_of(id)
    }

    /// A trait application: resolved ID and value (annotation defaults by trait type).
    fn trait_value(&self, t: &TraitApp) -> Result<(String, Value)> {
        let id = self.resolve(&t.id.text);
        if id.contains('$') {
            return Err(self.err(t.id.pos, format!("`{}` names a member, which cannot be a trait", t.id.text)));
        }
        let value = match &t.value {
            Some(node) => self.node_value(node, false)?,
            None => match self.type_of(&id) {
                Some("structure" | "map") | None => json!({}),
                Some("list" | "set") => json!([]),
                Some(_) => Value::Null,
            },
        };
        Ok((id, value))
    }

    /// A node value as JSON; syntactic shape IDs become absolute shape ID strings, and must name
    /// a shape that exists (spec: "Syntactic shape IDs"; a string was probably meant otherwise).
    /// In metadata (`meta`), relative IDs resolve to the prelude.
    fn node_value(&self, node: &Node, meta: bool) -> Result<Value> {
        Ok(match node {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(*b),
            Node::Num(n) => Value::Number(n.clone()),
            Node::Str(s) => Value::String(s.clone()),
            Node::Id(id) => {
                let abs =
                    if meta && !id.text.contains('#') { format!("{API}#{}", id.text) } else { self.resolve(&id.text) };
                if !self.index.exists(&abs) {
                    return Err(self.err(
                        id.pos,
                        format!(
                            "the unquoted value `{}` is a shape ID, but `{abs}` does not exist (quote it if a string is meant)",
                            id.text
                        ),
                    ));
                }
                Value::String(abs)
            }
            Node::Arr(items) => Value::Array(items.iter().map(|n| self.node_value(n, meta)).collect::<Result<_>>()?),
            Node::Obj(entries) => {
                let mut map = Map::new();
                for (k, v) in entries {
                    map.insert(k.name.clone(), self.node_value(v, meta)?);
                }
                Value::Object(map)
            }
        })
    }

    /// Docs and traits of a shape or member, with the conflict rules; an explicit
    /// `@documentation` wins over a doc comment.
    fn traits(&self, docs: &Option<String>, apps: &[TraitApp], owner: &str) -> Result<Map<String, Value>> {
        let mut traits = Map::new();
        for t in apps {
            let (id, value) = self.trait_value(t)?;
            let list = self.index.is_list_trait(&id);
            add_trait(&mut traits, id, value, list).map_err(|m| self.err(t.id.pos, format!("`{owner}`: {m}")))?;
        }
        if let Some(d) = docs {
            traits.entry("smithy.api#documentation").or_insert_with(|| Value::String(d.clone()));
        }
        Ok(traits)
    }

    /// A reference in a service/resource body: a syntactic shape ID (or a quoted one).
    fn reference(&self, node: &Node, pos: Pos, what: &str) -> Result<String> {
        match node {
            Node::Id(id) => Ok(self.resolve(&id.text)),
            Node::Str(s) => Ok(self.resolve(s)),
            _ => Err(self.err(pos, format!("`{what}` must be a shape ID"))),
        }
    }

    fn reference_list(&self, node: &Node, pos: Pos, what: &str) -> Result<Value> {
        let Node::Arr(items) = node else {
            return Err(self.err(pos, format!("`{what}` must be a list of shape IDs")));
        };
        let list =
            items.iter().map(|n| Ok(json!({ "target": self.reference(n, pos, what)? }))).collect::<Result<Vec<_>>>()?;
        Ok(Value::Array(list))
    }

    fn reference_map(&self, node: &Node, pos: Pos, what: &str) -> Result<Value> {
        let Node::Obj(entries) = node else {
            return Err(self.err(pos, format!("`{what}` must be an object of names to shape IDs")));
        };
        let mut map = Map::new();
        for (k, v) in entries {
            map.insert(k.name.clone(), json!({ "target": self.reference(v, k.pos, what)? }));
        }
        Ok(Value::Object(map))
    }
}

fn resolve_file(path: &Path, file: &IdlFile, index: &Index) -> Result<RFile> {
    let ctx = Ctx {
        path,
        ns: file.namespace.as_deref(),
        uses: file.uses.iter().map(|u| (u.text.rsplit('#').next().unwrap_or_default(), u.text.as_str())).collect(),
        index,
    };
    let mut metadata = Map::new();
    for (key, node) in &file.metadata {
        let value = ctx.node_value(node, true)?;
        merge_metadata(&mut metadata, &key.name, value).map_err(|m| ctx.err(key.pos, m))?;
    }
    let ns = file.namespace.as_deref().unwrap_or(API);
    let mut shapes = Vec::with_capacity(file.shapes.len());
    for def in &file.shapes {
        shapes.push(resolve_shape(&ctx, ns, def, file.version)?);
    }
    let mut applies = Vec::with_capacity(file.applies.len());
    for ap in &file.applies {
        let mut traits = Vec::with_capacity(ap.traits.len());
        for t in &ap.traits {
            let (id, value) = ctx.trait_value(t)?;
            traits.push((id, value, t.id.pos));
        }
        applies.push(RApply { target: ctx.resolve(&ap.target.text), traits });
    }
    Ok(RFile { path: path.to_path_buf(), version: file.version, metadata, shapes, applies })
}

/// Metadata merge rule (spec: "Merging metadata"): arrays concatenate, equal values are fine.
fn merge_metadata(into: &mut Map<String, Value>, key: &str, value: Value) -> Result<(), String> {
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
        Some(_) => return Err(format!("conflicting values for the metadata key `{key}`")),
    }
    Ok(())
}

fn resolve_shape(ctx: &Ctx, ns: &str, def: &ShapeDef, version: Version) -> Result<RShape> {
    let id = format!("{ns}#{}", def.name);
    let mut traits = ctx.traits(&def.docs, &def.traits, &id)?;
    if let Some(implied) = def.implied_trait {
        let list = ctx.index.is_list_trait(implied);
        add_trait(&mut traits, implied.to_owned(), json!({}), list).map_err(|m| ctx.err(def.pos, m))?;
    }
    let is_mixin = traits.contains_key("smithy.api#mixin");
    if is_mixin && version == Version::V1 {
        return Err(ctx.err(
            def.pos,
            format!("`{id}`: mixins (the @mixin trait) can only be used in Smithy IDL version 2 or later, but this file is version 1.0"),
        ));
    }
    let mut shape = RShape {
        id: id.clone(),
        ty: def.ty,
        pos: def.pos,
        traits,
        mixins: def.mixins.iter().map(|m| ctx.resolve(&m.text)).collect(),
        for_resource: def.for_resource.as_ref().map(|r| (ctx.resolve(&r.text), r.pos)),
        members: Vec::new(),
        props: Map::new(),
    };
    match &def.body {
        Body::None => {}
        Body::Members(members) => {
            let is_enum = matches!(def.ty, "enum" | "intEnum");
            for m in members {
                let mid = format!("{id}${}", m.name);
                let mut mtraits = ctx.traits(&m.docs, &m.traits, &mid)?;
                if let Some(value) = &m.value {
                    let (trait_id, v) = if is_enum {
                        ("smithy.api#enumValue", ctx.node_value(value, false)?)
                    } else {
                        ("smithy.api#default", ctx.node_value(value, false)?)
                    };
                    add_trait(&mut mtraits, trait_id.to_owned(), v, false)
                        .map_err(|e| ctx.err(m.pos, format!("`{mid}`: {e}")))?;
                }
                let target =
                    if is_enum { Some(format!("{API}#Unit")) } else { m.target.as_ref().map(|t| ctx.resolve(&t.text)) };
                shape.members.push(RMember {
                    name: m.name.clone(),
                    pos: m.pos,
                    target,
                    elided: m.elided,
                    inherited: false,
                    traits: mtraits,
                });
            }
        }
        Body::Entity(entries) => {
            let is_service = def.ty == "service";
            for (key, node) in entries {
                let k = key.name.as_str();
                let value = match (is_service, k) {
                    (true, "version") => match node {
                        Node::Str(s) => Value::String(s.clone()),
                        _ => return Err(ctx.err(key.pos, "the service `version` must be a string")),
                    },
                    (true, "operations" | "resources" | "errors")
                    | (false, "operations" | "collectionOperations" | "resources") => {
                        ctx.reference_list(node, key.pos, k)?
                    }
                    (true, "rename") => {
                        let Node::Obj(entries) = node else {
                            return Err(ctx.err(key.pos, "`rename` must be an object of shape IDs to names"));
                        };
                        let mut map = Map::new();
                        for (from, to) in entries {
                            let Node::Str(to) = to else {
                                return Err(ctx.err(from.pos, "a `rename` value must be a string"));
                            };
                            map.insert(from.name.clone(), Value::String(to.clone()));
                        }
                        Value::Object(map)
                    }
                    (false, "identifiers") => ctx.reference_map(node, key.pos, k)?,
                    (false, "properties") => {
                        if version == Version::V1 {
                            return Err(ctx.err(
                                key.pos,
                                "resource `properties` can only be used in Smithy IDL version 2 or later, but this file is version 1.0",
                            ));
                        }
                        ctx.reference_map(node, key.pos, k)?
                    }
                    (false, "create" | "put" | "read" | "update" | "delete" | "list") => {
                        json!({ "target": ctx.reference(node, key.pos, k)? })
                    }
                    _ => {
                        let expected = if is_service {
                            "`version`, `operations`, `resources`, `errors` or `rename`"
                        } else {
                            "`identifiers`, `properties`, `create`, `put`, `read`, `update`, `delete`, `list`, \
                             `operations`, `collectionOperations` or `resources`"
                        };
                        return Err(ctx.err(
                            key.pos,
                            format!("unknown {} property `{k}` in `{id}`: expected {expected}", def.ty),
                        ));
                    }
                };
                shape.props.insert(k.to_owned(), value);
            }
        }
        Body::Operation(op) => {
            for (key, io) in [("input", &op.input), ("output", &op.output)] {
                let target = match io {
                    None => continue,
                    Some(IoRef::Id(r)) => ctx.resolve(&r.text),
                    Some(IoRef::Inline(name)) => format!("{ns}#{name}"),
                };
                shape.props.insert(key.to_owned(), json!({ "target": target }));
            }
            if let Some(errors) = &op.errors {
                let list: Vec<Value> = errors.iter().map(|e| json!({ "target": ctx.resolve(&e.text) })).collect();
                shape.props.insert("errors".to_owned(), Value::Array(list));
            }
        }
    }
    if is_mixin {
        let bad = match def.ty {
            "operation" if shape.props.contains_key("input") || shape.props.contains_key("output") => {
                Some("an operation mixin must not define `input` or `output` (they stay `smithy.api#Unit`)")
            }
            "resource" if shape.props.contains_key("identifiers") || shape.props.contains_key("properties") => {
                Some("a resource mixin must not define `identifiers` or `properties`")
            }
            _ => None,
        };
        if let Some(why) = bad {
            return Err(ctx.err(def.pos, format!("`{id}`: {why}")));
        }
    }
    Ok(shape)
}

// ---------------------------------------------------------------------------------------------
// Views: members, mixins and identifiers of every shape, for elision and mixin checks
// ---------------------------------------------------------------------------------------------

/// What elision and the mixin checks need to know about a shape.
struct View {
    ty: String,
    /// Local members; `None` for an elided (not yet resolved) target.
    members: Vec<(String, Option<String>)>,
    mixins: Vec<String>,
    identifiers: Vec<(String, String)>,
    properties: Vec<(String, String)>,
    for_resource: Option<String>,
}

pub(crate) struct Views {
    map: HashMap<String, View>,
}

/// The shape definitions (not `apply` entries) of a JSON AST document: `(id, type, shape)`.
pub(crate) fn json_shapes(doc: &Value) -> impl Iterator<Item = (&str, &str, &Value)> {
    doc.get("shapes").and_then(Value::as_object).into_iter().flatten().filter_map(|(id, shape)| {
        let ty = shape.get("type").and_then(Value::as_str)?;
        (ty != "apply").then_some((id.as_str(), ty, shape))
    })
}

/// Bounds the walks over mixin chains (a cycle is reported later, by mixin flattening).
const MAX_MIXIN_DEPTH: usize = 32;

fn targets_of(v: Option<&Value>) -> Vec<(String, String)> {
    v.and_then(Value::as_object)
        .map(|o| o.iter().filter_map(|(k, v)| Some((k.clone(), v.get("target")?.as_str()?.to_owned()))).collect())
        .unwrap_or_default()
}

impl Views {
    /// The views of converted documents (all JSON by now).
    pub(crate) fn from_docs(docs: &[Doc]) -> Views {
        let mut map = HashMap::new();
        for doc in docs {
            for (id, ty, shape) in json_shapes(&doc.value) {
                map.entry(id.to_owned()).or_insert_with(|| View::of_json(ty, shape));
            }
        }
        Views { map }
    }

    fn build(inputs: &[(PathBuf, Input)], resolved: &[Option<RFile>]) -> Views {
        let mut map = HashMap::new();
        for ((_, input), rfile) in inputs.iter().zip(resolved) {
            match (input, rfile) {
                (_, Some(rf)) => {
                    for s in &rf.shapes {
                        map.insert(
                            s.id.clone(),
                            View {
                                ty: s.ty.to_owned(),
                                members: s.members.iter().map(|m| (m.name.clone(), m.target.clone())).collect(),
                                mixins: s.mixins.clone(),
                                identifiers: targets_of(s.props.get("identifiers")),
                                properties: targets_of(s.props.get("properties")),
                                for_resource: s.for_resource.as_ref().map(|(r, _)| r.clone()),
                            },
                        );
                    }
                }
                (Input::Json(doc), None) => {
                    for (id, ty, shape) in json_shapes(doc) {
                        map.insert(id.to_owned(), View::of_json(ty, shape));
                    }
                }
                (Input::Idl(_), None) => {}
            }
        }
        Views { map }
    }

    /// The target of member `name` of shape `id`, local or inherited.
    fn member_target(&self, id: &str, name: &str, depth: usize) -> Option<String> {
        if depth > MAX_MIXIN_DEPTH {
            return None;
        }
        let v = self.map.get(id)?;
        match v.members.iter().find(|(n, _)| n == name) {
            Some((_, Some(t))) => Some(t.clone()),
            Some((_, None)) => self.elided_target(id, name, depth + 1)?.ok().map(|(t, _)| t),
            None => self.inherited_target(id, name, depth + 1),
        }
    }

    /// The target of member `name` as inherited from the mixins of `id`.
    pub(crate) fn inherited_target(&self, id: &str, name: &str, depth: usize) -> Option<String> {
        if depth > MAX_MIXIN_DEPTH {
            return None;
        }
        let v = self.map.get(id)?;
        v.mixins.iter().find_map(|m| self.member_target(m, name, depth + 1))
    }

    /// The target of an elided member: a mixin member of that name (then the member is the
    /// inherited one; the flag says so), else the `for` resource's identifier or property.
    /// `Err` when both exist with different targets (`(resource, mixin)`).
    fn elided_target(&self, id: &str, name: &str, depth: usize) -> Option<Result<(String, bool), (String, String)>> {
        let v = self.map.get(id)?;
        let from_resource = v
            .for_resource
            .as_ref()
            .and_then(|r| self.map.get(r))
            .and_then(|res| res.identifiers.iter().chain(&res.properties).find(|(n, _)| n == name))
            .map(|(_, t)| t.clone());
        match (from_resource, self.inherited_target(id, name, depth + 1)) {
            (Some(r), Some(m)) if r != m => Some(Err((r, m))),
            (_, Some(m)) => Some(Ok((m, true))),
            (Some(r), None) => Some(Ok((r, false))),
            (None, None) => None,
        }
    }

    /// Every member of a shape after flattening its mixins (name, target), in mixin order.
    fn all_members(&self, id: &str, depth: usize, out: &mut Vec<(String, Option<String>)>) {
        if depth > MAX_MIXIN_DEPTH {
            return;
        }
        let Some(v) = self.map.get(id) else { return };
        for m in &v.mixins {
            self.all_members(m, depth + 1, out);
        }
        for (name, _) in &v.members {
            if !out.iter().any(|(n, _)| n == name) {
                out.push((name.clone(), self.member_target(id, name, depth + 1)));
            }
        }
    }
}

impl View {
    fn of_json(ty: &str, shape: &Value) -> View {
        let mut members: Vec<(String, Option<String>)> =
            targets_of(shape.get("members")).into_iter().map(|(n, t)| (n, Some(t))).collect();
        for key in ["member", "key", "value"] {
            if let Some(t) = shape.get(key).and_then(|m| m.get("target")).and_then(Value::as_str) {
                members.push((key.to_owned(), Some(t.to_owned())));
            }
        }
        let mixins = shape
            .get("mixins")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|m| m.get("target")?.as_str().map(str::to_owned)).collect())
            .unwrap_or_default();
        View {
            ty: ty.to_owned(),
            members,
            mixins,
            identifiers: targets_of(shape.get("identifiers")),
            properties: targets_of(shape.get("properties")),
            for_resource: None,
        }
    }
}

/// Resolves elided members and checks `for`, mixin member conflicts and required members.
fn finish_members(rf: &mut RFile, views: &Views) -> Result<()> {
    let path = rf.path.clone();
    let err = |pos: Pos, m: String| Error { file: Some(path.clone()), shape: None, message: format!("{pos}: {m}") };
    for shape in &mut rf.shapes {
        let sid = shape.id.clone();
        if let Some((res, pos)) = &shape.for_resource {
            match views.map.get(res) {
                Some(v) if v.ty == "resource" => {}
                Some(v) => {
                    return Err(err(
                        *pos,
                        format!("`{sid}`: the target of `for` must be a resource shape, but `{res}` is a {}", v.ty),
                    ))
                }
                None => return Err(err(*pos, format!("`{sid}`: `for` names `{res}`, which is not defined"))),
            }
        }
        for m in &mut shape.members {
            if !m.elided {
                continue;
            }
            match views.elided_target(&sid, &m.name, 0) {
                Some(Ok((t, from_mixin))) => {
                    m.target = Some(t);
                    m.inherited = from_mixin;
                }
                Some(Err((from_resource, from_mixin))) => {
                    return Err(err(
                        m.pos,
                        format!(
                            "`{sid}${}`: the elided member targets `{from_resource}` (from the `for` resource), which \
                             conflicts with the member inherited from a mixin (it targets `{from_mixin}`)",
                            m.name
                        ),
                    ))
                }
                None => {
                    return Err(err(
                        m.pos,
                        format!(
                            "`{sid}${}`: the member elides its target (`${}`), but no `for` resource identifier or property \
                             and no mixin member has that name",
                            m.name, m.name
                        ),
                    ))
                }
            }
        }
        if !shape.mixins.is_empty() {
            for m in shape.members.iter().filter(|m| !m.inherited) {
                if let Some(inherited) = views.inherited_target(&sid, &m.name, 0) {
                    if Some(&inherited) != m.target.as_ref() && !matches!(shape.ty, "enum" | "intEnum") {
                        return Err(err(
                            m.pos,
                            format!(
                                "`{sid}${}` targets `{}`, which conflicts with the member inherited from a mixin (it targets `{inherited}`)",
                                m.name,
                                m.target.as_deref().unwrap_or("?")
                            ),
                        ));
                    }
                }
            }
            let mut seen: Vec<(String, Option<String>, String)> = Vec::new();
            for mixin in &shape.mixins {
                let mut members = Vec::new();
                views.all_members(mixin, 0, &mut members);
                for (name, target) in members {
                    match seen.iter().find(|(n, _, _)| *n == name) {
                        Some((_, t, other)) if *t != target => {
                            return Err(err(
                                shape.pos,
                                format!(
                                    "`{sid}`: the mixins `{other}` and `{mixin}` both define the member `{name}` with different targets"
                                ),
                            ))
                        }
                        Some(_) => {}
                        None => seen.push((name, target, mixin.clone())),
                    }
                }
            }
        }
        let names: Vec<&str> = shape.members.iter().map(|m| m.name.as_str()).collect();
        let allowed: &[&str] = match shape.ty {
            "list" | "set" => &["member"],
            "map" => &["key", "value"],
            _ => &[],
        };
        if !allowed.is_empty() {
            if let Some(m) = shape.members.iter().find(|m| !allowed.contains(&m.name.as_str())) {
                let want = allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(" and ");
                return Err(err(m.pos, format!("`{sid}`: a {} has only {want}, not `{}`", shape.ty, m.name)));
            }
            if shape.mixins.is_empty() {
                let missing: Vec<&str> = allowed.iter().copied().filter(|a| !names.contains(a)).collect();
                if !missing.is_empty() {
                    return Err(err(
                        shape.pos,
                        format!("`{sid}`: the {} is missing its `{}` member", shape.ty, missing.join("` and `")),
                    ));
                }
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Building the JSON AST document
// ---------------------------------------------------------------------------------------------

fn member_json(m: RMember) -> Value {
    let mut obj = Map::new();
    obj.insert("target".to_owned(), Value::String(m.target.unwrap_or_default()));
    if !m.traits.is_empty() {
        obj.insert("traits".to_owned(), Value::Object(m.traits));
    }
    Value::Object(obj)
}

/// The JSON AST form of a shape; members inherited from mixins are returned apart (their
/// traits become `apply` entries).
fn shape_json(s: RShape) -> (Value, Vec<RMember>) {
    let mut obj = Map::new();
    obj.insert("type".to_owned(), Value::String(s.ty.to_owned()));
    let (inherited, local): (Vec<RMember>, Vec<RMember>) = s.members.into_iter().partition(|m| m.inherited);
    match s.ty {
        "structure" | "union" | "enum" | "intEnum" => {
            let mut members = Map::new();
            for m in local {
                members.insert(m.name.clone(), member_json(m));
            }
            obj.insert("members".to_owned(), Value::Object(members));
        }
        "list" | "set" | "map" => {
            for m in local {
                obj.insert(m.name.clone(), member_json(m));
            }
        }
        _ => {}
    }
    if !s.mixins.is_empty() {
        let list = s.mixins.into_iter().map(|m| json!({ "target": m })).collect();
        obj.insert("mixins".to_owned(), Value::Array(list));
    }
    obj.extend(s.props);
    if !s.traits.is_empty() {
        obj.insert("traits".to_owned(), Value::Object(s.traits));
    }
    (Value::Object(obj), inherited)
}

/// The `traits` object of a JSON shape or member, created if missing (`None` if the shape or
/// member is not an object, which only a malformed JSON AST input can cause).
pub(crate) fn traits_mut(obj: &mut Value) -> Option<&mut Map<String, Value>> {
    let entry = obj.as_object_mut()?.entry("traits").or_insert_with(|| Value::Object(Map::new()));
    if !entry.is_object() {
        *entry = Value::Object(Map::new());
    }
    entry.as_object_mut()
}

/// The local member `name` of a JSON shape, if any.
pub(crate) fn local_member_mut<'v>(shape: &'v mut Value, name: &str) -> Option<&'v mut Value> {
    let obj = shape.as_object_mut()?;
    let is_collection = matches!(obj.get("type").and_then(Value::as_str), Some("list" | "set" | "map"));
    if is_collection {
        if matches!(name, "member" | "key" | "value") {
            return obj.get_mut(name);
        }
        return None;
    }
    obj.get_mut("members")?.as_object_mut()?.get_mut(name)
}

fn build_document(rf: RFile, index: &Index, views: &Views) -> Result<Value> {
    let path = rf.path;
    let err = |pos: Pos, m: String| Error { file: Some(path.clone()), shape: None, message: format!("{pos}: {m}") };
    let apply_trait = |applies: &mut Map<String, Value>, target: &str, id: String, value: Value, pos: Pos| {
        let entry = applies.entry(target.to_owned()).or_insert_with(|| Value::Object(Map::new()));
        let list = index.is_list_trait(&id);
        add_trait(entry.as_object_mut().expect("object"), id, value, list)
            .map_err(|m| err(pos, format!("`{target}`: {m}")))
    };
    let mut shapes = Map::new();
    let mut applies: Map<String, Value> = Map::new();
    let mut enums = Vec::new();
    for s in rf.shapes {
        if shapes.contains_key(&s.id) {
            return Err(err(s.pos, format!("the shape `{}` is defined twice in this file", s.id)));
        }
        let id = s.id.clone();
        if s.ty == "enum" {
            enums.push(id.clone());
        }
        let (json, inherited) = shape_json(s);
        shapes.insert(id.clone(), json);
        for m in inherited {
            let target = format!("{id}${}", m.name);
            for (trait_id, value) in m.traits {
                apply_trait(&mut applies, &target, trait_id, value, m.pos)?;
            }
        }
    }
    for ap in rf.applies {
        let (root, member) = match ap.target.split_once('$') {
            Some((r, m)) => (r, Some(m)),
            None => (ap.target.as_str(), None),
        };
        let slot = match shapes.get_mut(root) {
            Some(shape) => match member {
                None => Some(shape),
                Some(m) => local_member_mut(shape, m),
            },
            None => None,
        };
        match slot {
            Some(slot) => {
                let Some(traits) = traits_mut(slot) else { continue };
                for (id, value, pos) in ap.traits {
                    let list = index.is_list_trait(&id);
                    add_trait(traits, id, value, list).map_err(|m| err(pos, format!("`{}`: {m}", ap.target)))?;
                }
            }
            None => {
                for (id, value, pos) in ap.traits {
                    apply_trait(&mut applies, &ap.target, id, value, pos)?;
                }
            }
        }
    }
    // An enum member without a value is its own value, unless it is inherited from a mixin.
    for id in enums {
        let Some(members) = shapes.get_mut(&id).and_then(|v| v.get_mut("members")).and_then(Value::as_object_mut)
        else {
            continue;
        };
        for (name, member) in members.iter_mut() {
            let has_value = member.get("traits").is_some_and(|t| t.get("smithy.api#enumValue").is_some());
            if !has_value && views.inherited_target(&id, name, 0).is_none() {
                if let Some(traits) = traits_mut(member) {
                    traits.insert("smithy.api#enumValue".to_owned(), Value::String(name.clone()));
                }
            }
        }
    }
    for (target, traits) in applies {
        if traits.as_object().is_some_and(|t| !t.is_empty()) {
            shapes.insert(target, json!({ "type": "apply", "traits": traits }));
        }
    }
    let mut doc = Map::new();
    let version = match rf.version {
        Version::V1 => "1.0",
        Version::V2 => "2.0",
    };
    doc.insert("smithy".to_owned(), Value::String(version.to_owned()));
    if !rf.metadata.is_empty() {
        doc.insert("metadata".to_owned(), Value::Object(rf.metadata));
    }
    if !shapes.is_empty() {
        doc.insert("shapes".to_owned(), Value::Object(shapes));
    }
    Ok(Value::Object(doc))
}
