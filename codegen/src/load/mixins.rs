//! Mixin flattening (spec: `mixins.rst`): the members, traits and other properties of mixins are
//! copied into the shapes that use them, and the mixin shapes themselves are dropped.
//!
//! * Traits: the shape's own traits win over inherited ones; among the mixins, a later mixin's
//!   traits win over an earlier one's. `@mixin` and the mixin's `localTraits` are not inherited.
//! * Members: inherited members first, in mixin order (each mixin already flattened, so a
//!   depth-first preorder walk), then the shape's own. A member defined by several mixins, or
//!   redefined by the shape, keeps its first position; it must target the same shape everywhere,
//!   and the later definition's traits win (the shape's own over all).
//! * Service properties: `version` is the shape's own, else the last mixin's that has one;
//!   `operations`, `resources` and `errors` are merged (the mixins' first, no duplicates);
//!   `rename` is merged, the shape's own keys winning. Operations inherit `errors` (an operation
//!   mixin cannot have an input or output); resources inherit their operations and child
//!   resources (a resource mixin cannot have identifiers or properties).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::traits::ids;
use crate::model::{Member, Model, Shape, ShapeId, ShapeKind, Traits};

/// The target of a member that a shape redefines without a target because it inherits it: a
/// list or map without its `member`, `key` or `value`, or an `apply` to an inherited member.
/// Flattening replaces it with the inherited target.
const INHERITED: (&str, &str) = ("smithy.codegen.internal", "Inherited");

/// A member whose target comes from the shape's mixins.
pub(crate) fn placeholder(name: &str) -> Member {
    Member { name: name.to_owned(), target: ShapeId::from_parts(INHERITED.0, INHERITED.1), traits: Traits::default() }
}

fn is_placeholder(m: &Member) -> bool {
    (m.target.namespace(), m.target.name()) == INHERITED
}

/// Whether shape `id` gets a member `name` from its mixins (before flattening).
pub(crate) fn inherits_member(
    shapes: &BTreeMap<ShapeId, Shape>,
    mixins: &BTreeMap<ShapeId, Vec<ShapeId>>,
    id: &ShapeId,
    name: &str,
) -> bool {
    // Visited shapes are not walked again: that bounds diamonds and ends cycles (reported later).
    let mut seen = BTreeSet::new();
    let mut todo: Vec<&ShapeId> = mixins.get(id).into_iter().flatten().collect();
    while let Some(m) = todo.pop() {
        if !seen.insert(m) {
            continue;
        }
        if shapes.get(m).is_some_and(|s| s.kind.members().iter().any(|x| x.name == name)) {
            return true;
        }
        todo.extend(mixins.get(m).into_iter().flatten());
    }
    false
}

/// Flattens every shape that has mixins (`mixins`: each shape's mixins, in order) and drops the
/// mixin shapes.
pub(crate) fn flatten(mut model: Model, mixins: &BTreeMap<ShapeId, Vec<ShapeId>>) -> Result<Model> {
    for shape in model.shapes.values().filter(|s| s.traits.has(ids::MIXIN)) {
        check_mixin_properties(shape)?;
    }
    let mut done = BTreeSet::new();
    for id in mixins.keys() {
        resolve(&mut model, mixins, id, &mut done, &mut Vec::new())?;
    }
    model.shapes.retain(|_, s| !s.traits.has(ids::MIXIN));
    Ok(model)
}

/// What a mixin may not define (spec: "Operation mixins", "Resource mixins").
fn check_mixin_properties(shape: &Shape) -> Result<()> {
    let why = match &shape.kind {
        ShapeKind::Operation(op) if op.input.as_str() != "smithy.api#Unit" || op.output.as_str() != "smithy.api#Unit" => {
            "an operation mixin must not define `input` or `output` (they stay `smithy.api#Unit`)"
        }
        ShapeKind::Resource(r) if !r.identifiers.is_empty() || !r.properties.is_empty() => {
            "a resource mixin must not define `identifiers` or `properties`"
        }
        _ => return Ok(()),
    };
    Err(Error::shape(shape.id.to_string(), why))
}

fn resolve(
    model: &mut Model,
    mixins: &BTreeMap<ShapeId, Vec<ShapeId>>,
    id: &ShapeId,
    done: &mut BTreeSet<ShapeId>,
    stack: &mut Vec<ShapeId>,
) -> Result<()> {
    if done.contains(id) {
        return Ok(());
    }
    if stack.contains(id) {
        return Err(Error::shape(id.to_string(), "mixins form a cycle"));
    }
    let list = match mixins.get(id) {
        Some(list) if model.shapes.contains_key(id) => list,
        _ => {
            done.insert(id.clone());
            return Ok(());
        }
    };
    stack.push(id.clone());
    for m in list {
        if !model.shapes.contains_key(m) {
            return Err(Error::shape(id.to_string(), format!("mixin `{m}` does not exist")));
        }
        resolve(model, mixins, m, done, stack)?;
    }
    stack.pop();
    let mut shape = model.shapes.remove(id).expect("checked above");
    let mut used = Vec::with_capacity(list.len());
    for m in list {
        let mixin = model.shapes.get(m).expect("checked above");
        if !mixin.traits.has(ids::MIXIN) {
            return Err(Error::shape(id.to_string(), format!("`{m}` is used as a mixin but has no @mixin trait")));
        }
        if std::mem::discriminant(&shape.kind) != std::mem::discriminant(&mixin.kind) {
            return Err(Error::shape(id.to_string(), format!("mixin `{m}` is a different shape type")));
        }
        used.push(mixin);
    }
    inherit_traits(&mut shape, &used);
    inherit_members(&mut shape, &used)?;
    inherit_properties(&mut shape, &used);
    model.shapes.insert(id.clone(), shape);
    done.insert(id.clone());
    Ok(())
}

/// The shape's own traits win; a later mixin's traits win over an earlier one's.
fn inherit_traits(shape: &mut Shape, mixins: &[&Shape]) {
    let mut inherited = Traits::default();
    for mixin in mixins {
        let local_only: BTreeSet<&str> = match mixin.traits.get(ids::MIXIN).and_then(|v| v.get("localTraits")) {
            Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
            _ => BTreeSet::new(),
        };
        for (k, v) in &mixin.traits.0 {
            if k != ids::MIXIN && !local_only.contains(k.as_str()) {
                inherited.insert(k.clone(), v.clone());
            }
        }
    }
    for (k, v) in inherited.0 {
        shape.traits.0.entry(k).or_insert(v);
    }
}

/// Members of the mixins first (in mixin order), then the shape's own; see the module docs.
fn inherit_members(shape: &mut Shape, mixins: &[&Shape]) -> Result<()> {
    let id = &shape.id;
    // Each merged member, with the mixin it first came from; `index` finds them by name.
    let mut merged: Vec<(Member, &ShapeId)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for mixin in mixins {
        for member in mixin.kind.members() {
            match index.get(&member.name) {
                Some(&i) => {
                    let (existing, from) = &mut merged[i];
                    if existing.target != member.target {
                        return Err(Error::shape(
                            id.to_string(),
                            format!(
                                "the mixins `{from}` and `{}` both define the member `{}`, with different targets \
                                 (`{}` and `{}`)",
                                mixin.id, member.name, existing.target, member.target
                            ),
                        ));
                    }
                    for (k, v) in &member.traits.0 {
                        existing.traits.insert(k.clone(), v.clone());
                    }
                }
                None => {
                    index.insert(member.name.clone(), merged.len());
                    merged.push((member.clone(), &mixin.id));
                }
            }
        }
    }
    let mut members: Vec<Member> = merged.iter().map(|(m, _)| m.clone()).collect();
    for local in shape.kind.members() {
        let Some(&i) = index.get(&local.name) else {
            if is_placeholder(local) {
                return Err(Error::shape(
                    id.to_string(),
                    format!(
                        "the {} has no `{}` member: neither it nor its mixins define one",
                        shape.kind.type_name(),
                        local.name
                    ),
                ));
            }
            members.push(local.clone());
            continue;
        };
        let (inherited, from) = &merged[i];
        if !is_placeholder(local) && local.target != inherited.target {
            return Err(Error::shape(
                id.with_member(&local.name).to_string(),
                format!(
                    "the member targets `{}`, which conflicts with the member inherited from the mixin `{from}` \
                     (it targets `{}`)",
                    local.target, inherited.target
                ),
            ));
        }
        members[i].traits.0.extend(local.traits.0.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    let mut take = |name: &str| members.iter().position(|m| m.name == name).map(|i| members.remove(i));
    match &mut shape.kind {
        ShapeKind::List(member) => {
            if let Some(m) = take("member") {
                *member = m;
            }
        }
        ShapeKind::Map { key, value } => {
            if let Some(m) = take("key") {
                *key = m;
            }
            if let Some(m) = take("value") {
                *value = m;
            }
        }
        ShapeKind::Enum(v) | ShapeKind::IntEnum(v) | ShapeKind::Structure(v) | ShapeKind::Union(v) => *v = members,
        _ => {}
    }
    Ok(())
}

/// Service, operation and resource properties; see the module docs.
fn inherit_properties(shape: &mut Shape, mixins: &[&Shape]) {
    match &mut shape.kind {
        ShapeKind::Service(svc) => {
            let mut version = None;
            let (mut operations, mut resources, mut errors) = (Vec::new(), Vec::new(), Vec::new());
            let mut rename = BTreeMap::new();
            for mixin in mixins {
                let ShapeKind::Service(m) = &mixin.kind else { continue };
                if m.version.is_some() {
                    version.clone_from(&m.version);
                }
                extend_unique(&mut operations, &m.operations);
                extend_unique(&mut resources, &m.resources);
                extend_unique(&mut errors, &m.errors);
                rename.extend(m.rename.iter().map(|(k, v)| (k.clone(), v.clone())));
            }
            if svc.version.is_none() {
                svc.version = version;
            }
            let lists = [(operations, &mut svc.operations), (resources, &mut svc.resources), (errors, &mut svc.errors)];
            for (mut merged, own) in lists {
                extend_unique(&mut merged, own);
                *own = merged;
            }
            rename.append(&mut svc.rename);
            svc.rename = rename;
        }
        ShapeKind::Operation(op) => {
            let mut errors = Vec::new();
            for mixin in mixins {
                if let ShapeKind::Operation(m) = &mixin.kind {
                    extend_unique(&mut errors, &m.errors);
                }
            }
            extend_unique(&mut errors, &op.errors);
            op.errors = errors;
        }
        ShapeKind::Resource(res) => {
            let (mut operations, mut resources) = (Vec::new(), Vec::new());
            for mixin in mixins {
                if let ShapeKind::Resource(m) = &mixin.kind {
                    extend_unique(&mut operations, &m.operations);
                    extend_unique(&mut resources, &m.resources);
                }
            }
            extend_unique(&mut operations, &res.operations);
            extend_unique(&mut resources, &res.resources);
            res.operations = operations;
            res.resources = resources;
        }
        _ => {}
    }
}

fn extend_unique(into: &mut Vec<ShapeId>, more: &[ShapeId]) {
    for id in more {
        if !into.contains(id) {
            into.push(id.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde_json::{json, Value};

    use crate::load::load_sources;
    use crate::model::{Model, Shape, ShapeId, ShapeKind};

    fn load(shapes: Value) -> Result<Model, crate::Error> {
        let doc = json!({ "smithy": "2.0", "shapes": shapes }).to_string();
        load_sources(&[(Path::new("m.json"), doc.as_str())])
    }

    fn shape<'m>(model: &'m Model, id: &str) -> &'m Shape {
        model.shape(&ShapeId::parse(id).unwrap()).unwrap_or_else(|| panic!("no shape {id}"))
    }

    fn names(shape: &Shape) -> Vec<&str> {
        shape.kind.members().into_iter().map(|m| m.name.as_str()).collect()
    }

    fn mixin(members: Value, traits: Value) -> Value {
        let mut traits = traits;
        traits["smithy.api#mixin"] = json!({});
        json!({ "type": "structure", "members": members, "traits": traits })
    }

    fn with(mixins: &[&str], members: Value, traits: Value) -> Value {
        let mixins: Vec<Value> = mixins.iter().map(|m| json!({ "target": m })).collect();
        json!({ "type": "structure", "members": members, "mixins": mixins, "traits": traits })
    }

    const STRING: &str = "smithy.api#String";

    #[test]
    fn later_mixins_win_and_the_shape_wins_over_all() {
        // Spec example (mixins.rst, "Traits and mixins"): StructD gets foo(2) from StructB.
        let model = load(json!({
            "ex#StructA": mixin(json!({}), json!({ "ex#foo": 1, "ex#oneTrait": {}, "smithy.api#documentation": "A" })),
            "ex#StructB": mixin(json!({}), json!({ "ex#foo": 2, "ex#twoTrait": {}, "smithy.api#documentation": "B" })),
            "ex#StructC": {
                "type": "structure", "mixins": [{ "target": "ex#StructA" }, { "target": "ex#StructB" }],
                "traits": { "smithy.api#mixin": {}, "ex#threeTrait": {}, "smithy.api#documentation": "C" }
            },
            "ex#StructD": with(&["ex#StructC"], json!({}), json!({ "ex#fourTrait": {}, "smithy.api#documentation": "D" })),
            "ex#OwnFoo": with(&["ex#StructA", "ex#StructB"], json!({}), json!({ "ex#foo": 3 })),
        }))
        .unwrap();
        let d = shape(&model, "ex#StructD");
        assert_eq!(d.traits.get("ex#foo"), Some(&json!(2)));
        assert_eq!(d.traits.get("smithy.api#documentation"), Some(&json!("D")));
        for t in ["ex#oneTrait", "ex#twoTrait", "ex#threeTrait", "ex#fourTrait"] {
            assert!(d.traits.has(t), "{t}");
        }
        assert!(!d.traits.has("smithy.api#mixin"));
        assert_eq!(shape(&model, "ex#OwnFoo").traits.get("ex#foo"), Some(&json!(3)));
        assert!(model.shape(&ShapeId::parse("ex#StructA").unwrap()).is_none(), "mixins are dropped");
    }

    #[test]
    fn later_mixins_member_traits_win() {
        // `valid/mixins/mixins-with-member-override-4.smithy`.
        let model = load(json!({
            "ex#A1": mixin(json!({ "a": { "target": STRING, "traits": { "smithy.api#private": {}, "smithy.api#tags": ["a"] } } }), json!({})),
            "ex#A2": mixin(json!({ "a": { "target": STRING, "traits": { "smithy.api#required": {}, "smithy.api#tags": ["b"] } } }), json!({})),
            "ex#Valid": with(&["ex#A1", "ex#A2"], json!({ "a": { "target": STRING }, "c": { "target": "smithy.api#Integer" } }), json!({})),
            "ex#Own": with(&["ex#A1", "ex#A2"], json!({ "a": { "target": STRING, "traits": { "smithy.api#tags": ["own"] } } }), json!({})),
        }))
        .unwrap();
        let valid = shape(&model, "ex#Valid");
        assert_eq!(names(valid), ["a", "c"]);
        let a = &valid.kind.members()[0].traits;
        assert_eq!(a.get("smithy.api#tags"), Some(&json!(["b"])));
        assert!(a.has("smithy.api#private") && a.has("smithy.api#required"));
        let own = &shape(&model, "ex#Own").kind.members()[0].traits;
        assert_eq!(own.get("smithy.api#tags"), Some(&json!(["own"])), "the shape's own member traits win");
    }

    #[test]
    fn mixin_members_come_first_in_mixin_order() {
        // `valid/mixins/mixins-with-members.smithy`: F with [B, E] is a, b, c, d, e, f.
        let m = |name: &str| json!({ name: { "target": STRING } });
        let model = load(json!({
            "ex#A": mixin(m("a"), json!({})),
            "ex#B": { "type": "structure", "members": m("b"), "mixins": [{ "target": "ex#A" }], "traits": { "smithy.api#mixin": {} } },
            "ex#C": mixin(m("c"), json!({})),
            "ex#D": { "type": "structure", "members": m("d"), "mixins": [{ "target": "ex#C" }], "traits": { "smithy.api#mixin": {} } },
            "ex#E": { "type": "structure", "members": m("e"), "mixins": [{ "target": "ex#D" }], "traits": { "smithy.api#mixin": {} } },
            "ex#F": with(&["ex#B", "ex#E"], m("f"), json!({})),
            // A redefined member keeps its inherited position.
            "ex#G": with(&["ex#B"], json!({ "g": { "target": STRING }, "a": { "target": STRING } }), json!({})),
        }))
        .unwrap();
        assert_eq!(names(shape(&model, "ex#F")), ["a", "b", "c", "d", "e", "f"]);
        assert_eq!(names(shape(&model, "ex#G")), ["a", "b", "g"]);
    }

    #[test]
    fn service_operation_and_resource_properties_are_inherited() {
        // Spec example (mixins.rst, "Service mixins"), plus errors and resources.
        let unit_op = json!({ "type": "operation" });
        let model = load(json!({
            "ex#OperationA": unit_op, "ex#OperationB": unit_op, "ex#OperationC": unit_op,
            "ex#R1": { "type": "resource" }, "ex#R2": { "type": "resource" },
            "ex#E1": { "type": "structure", "members": {}, "traits": { "smithy.api#error": "client" } },
            "ex#E2": { "type": "structure", "members": {}, "traits": { "smithy.api#error": "server" } },
            "ex#A": {
                "type": "service", "version": "A", "operations": [{ "target": "ex#OperationA" }],
                "resources": [{ "target": "ex#R1" }], "errors": [{ "target": "ex#E1" }],
                "traits": { "smithy.api#mixin": {} }
            },
            "ex#B": {
                "type": "service", "version": "B", "mixins": [{ "target": "ex#A" }],
                "rename": { "ex#OperationA": "OpA", "ex#OperationB": "OpB" },
                "operations": [{ "target": "ex#OperationB" }], "traits": { "smithy.api#mixin": {} }
            },
            "ex#C": {
                "type": "service", "version": "C", "mixins": [{ "target": "ex#B" }],
                "rename": { "ex#OperationB": "OpBee", "ex#OperationC": "OpC" },
                "operations": [{ "target": "ex#OperationC" }, { "target": "ex#OperationA" }],
                "errors": [{ "target": "ex#E2" }]
            },
            "ex#NoVersion": { "type": "service", "mixins": [{ "target": "ex#B" }] },
            "ex#Validated": { "type": "operation", "errors": [{ "target": "ex#E1" }], "traits": { "smithy.api#mixin": {} } },
            "ex#Get": { "type": "operation", "mixins": [{ "target": "ex#Validated" }], "errors": [{ "target": "ex#E2" }] },
            "ex#MixinResource": {
                "type": "resource", "read": { "target": "ex#OperationA" }, "resources": [{ "target": "ex#R1" }],
                "traits": { "smithy.api#mixin": {} }
            },
            "ex#Mixed": { "type": "resource", "mixins": [{ "target": "ex#MixinResource" }], "resources": [{ "target": "ex#R2" }] },
        }))
        .unwrap();
        let ids = |v: &[ShapeId]| v.iter().map(|i| i.name().to_owned()).collect::<Vec<_>>();
        let ShapeKind::Service(c) = &shape(&model, "ex#C").kind else { panic!("a service") };
        assert_eq!(c.version.as_deref(), Some("C"));
        assert_eq!(ids(&c.operations), ["OperationA", "OperationB", "OperationC"]);
        assert_eq!(ids(&c.resources), ["R1"]);
        assert_eq!(ids(&c.errors), ["E1", "E2"]);
        let rename: Vec<(&str, &str)> = c.rename.iter().map(|(k, v)| (k.name(), v.as_str())).collect();
        assert_eq!(rename, [("OperationA", "OpA"), ("OperationB", "OpBee"), ("OperationC", "OpC")]);
        let ShapeKind::Service(n) = &shape(&model, "ex#NoVersion").kind else { panic!("a service") };
        assert_eq!(n.version.as_deref(), Some("B"), "the nearest mixin's version");
        let ShapeKind::Operation(get) = &shape(&model, "ex#Get").kind else { panic!("an operation") };
        assert_eq!(ids(&get.errors), ["E1", "E2"]);
        let ShapeKind::Resource(r) = &shape(&model, "ex#Mixed").kind else { panic!("a resource") };
        assert_eq!((ids(&r.operations), ids(&r.resources)), (vec!["OperationA".to_owned()], vec!["R1".to_owned(), "R2".to_owned()]));
    }

    #[test]
    fn operation_and_resource_mixins_cannot_define_io_or_identifiers() {
        let e = load(json!({
            "ex#In": { "type": "structure", "members": {} },
            "ex#M": { "type": "operation", "input": { "target": "ex#In" }, "traits": { "smithy.api#mixin": {} } },
        }))
        .unwrap_err();
        assert_eq!(e.shape.as_deref(), Some("ex#M"));
        assert!(e.message.contains("must not define `input` or `output`"), "{e}");
        let e = load(json!({
            "ex#M": { "type": "resource", "identifiers": { "id": { "target": STRING } }, "traits": { "smithy.api#mixin": {} } },
        }))
        .unwrap_err();
        assert!(e.message.contains("must not define `identifiers` or `properties`"), "{e}");
    }

    #[test]
    fn list_and_map_member_traits_are_inherited() {
        let model = load(json!({
            "ex#MixinList": {
                "type": "list", "member": { "target": STRING, "traits": { "smithy.api#pattern": "a+" } },
                "traits": { "smithy.api#mixin": {}, "smithy.api#length": { "min": 1 } }
            },
            // No `member` of its own: the mixin gives it.
            "ex#MixedList": { "type": "list", "mixins": [{ "target": "ex#MixinList" }] },
            "ex#Redefined": {
                "type": "list", "mixins": [{ "target": "ex#MixinList" }],
                "member": { "target": STRING, "traits": { "smithy.api#documentation": "own" } }
            },
            "ex#MixinMap": {
                "type": "map",
                "key": { "target": STRING, "traits": { "smithy.api#pattern": "k" } },
                "value": { "target": STRING, "traits": { "smithy.api#pattern": "v" } },
                "traits": { "smithy.api#mixin": {} }
            },
            "ex#MixedMap": { "type": "map", "mixins": [{ "target": "ex#MixinMap" }], "value": { "target": STRING } },
        }))
        .unwrap();
        let ShapeKind::List(m) = &shape(&model, "ex#MixedList").kind else { panic!("a list") };
        assert_eq!((m.target.as_str(), m.traits.get("smithy.api#pattern")), (STRING, Some(&json!("a+"))));
        assert!(shape(&model, "ex#MixedList").traits.has("smithy.api#length"));
        let ShapeKind::List(m) = &shape(&model, "ex#Redefined").kind else { panic!("a list") };
        assert!(m.traits.has("smithy.api#pattern") && m.traits.has("smithy.api#documentation"));
        let ShapeKind::Map { key, value } = &shape(&model, "ex#MixedMap").kind else { panic!("a map") };
        assert_eq!(key.traits.get("smithy.api#pattern"), Some(&json!("k")));
        assert_eq!(value.traits.get("smithy.api#pattern"), Some(&json!("v")));
    }

    #[test]
    fn a_list_or_map_needs_its_members_from_itself_or_its_mixins() {
        let e = load(json!({ "ex#Bare": { "type": "list" } })).unwrap_err();
        assert_eq!((e.shape.as_deref(), e.message.as_str()), (Some("ex#Bare"), "a list shape needs a `member` member"));
        let e = load(json!({ "ex#Bare": { "type": "map", "key": { "target": STRING } } })).unwrap_err();
        assert_eq!(e.message, "a map shape needs a `value` member");
        // With mixins (defined before or after the shape), what the shape lacks is inherited.
        let model = load(json!({
            "ex#L": { "type": "list", "mixins": [{ "target": "ex#L2" }] },
            "ex#L2": { "type": "list", "member": { "target": STRING }, "traits": { "smithy.api#mixin": {} } },
            "ex#M": { "type": "map", "key": { "target": STRING }, "mixins": [{ "target": "ex#M2" }] },
            "ex#M2": { "type": "map", "key": { "target": STRING }, "value": { "target": "smithy.api#Integer" }, "traits": { "smithy.api#mixin": {} } },
        }))
        .unwrap();
        let ShapeKind::List(m) = &shape(&model, "ex#L").kind else { panic!("a list") };
        assert_eq!(m.target.as_str(), STRING);
        let ShapeKind::Map { value, .. } = &shape(&model, "ex#M").kind else { panic!("a map") };
        assert_eq!(value.target.as_str(), "smithy.api#Integer");
    }

    #[test]
    fn conflicting_mixin_members_are_rejected() {
        // `invalid/mixins/member-mixin-conflict-2.smithy`, as JSON AST.
        let e = load(json!({
            "ex#A1": mixin(json!({ "a": { "target": STRING } }), json!({})),
            "ex#A2": mixin(json!({ "a": { "target": "smithy.api#Integer" } }), json!({})),
            "ex#Invalid": with(&["ex#A1", "ex#A2"], json!({ "c": { "target": "smithy.api#Integer" } }), json!({})),
        }))
        .unwrap_err();
        assert_eq!(e.shape.as_deref(), Some("ex#Invalid"));
        assert_eq!(
            e.message,
            "the mixins `ex#A1` and `ex#A2` both define the member `a`, with different targets \
             (`smithy.api#String` and `smithy.api#Integer`)"
        );
        assert_eq!(e.file.as_deref(), Some(Path::new("m.json")));
        // `member-mixin-conflict-1.smithy`: a redefinition must target the same shape.
        let e = load(json!({
            "ex#A1": mixin(json!({ "a": { "target": "smithy.api#Integer" } }), json!({})),
            "ex#Invalid": with(&["ex#A1"], json!({ "a": { "target": STRING } }), json!({})),
        }))
        .unwrap_err();
        assert_eq!(e.shape.as_deref(), Some("ex#Invalid$a"));
        assert!(e.message.contains("conflicts with the member inherited from the mixin `ex#A1`"), "{e}");
        // The same target in two mixins is fine (spec: "Mixin members MUST NOT conflict").
        load(json!({
            "ex#A1": mixin(json!({ "a": { "target": STRING, "traits": { "smithy.api#private": {} } } }), json!({})),
            "ex#A2": mixin(json!({ "a": { "target": STRING, "traits": { "smithy.api#required": {} } } }), json!({})),
            "ex#Valid": with(&["ex#A1", "ex#A2"], json!({}), json!({})),
        }))
        .unwrap();
    }

    #[test]
    fn inherits_member_survives_diamonds_and_cycles() {
        // 40 levels of two mixins each pointing at the next level: without a visited set this
        // would be 2^40 walks.
        let mut shapes = serde_json::Map::new();
        for level in 0..40 {
            for side in ["L", "R"] {
                let next: Vec<Value> = ["L", "R"].iter().map(|s| json!({ "target": format!("ex#{s}{}", level + 1) })).collect();
                shapes.insert(
                    format!("ex#{side}{level}"),
                    json!({ "type": "structure", "members": {}, "mixins": next, "traits": { "smithy.api#mixin": {} } }),
                );
            }
        }
        for side in ["L", "R"] {
            shapes.insert(format!("ex#{side}40"), mixin(json!({}), json!({})));
        }
        shapes.insert("ex#Top".into(), with(&["ex#L0"], json!({}), json!({})));
        shapes.insert("ex#Top$ghost".into(), json!({ "type": "apply", "traits": { "smithy.api#documentation": "x" } }));
        let e = load(Value::Object(shapes)).unwrap_err();
        assert_eq!((e.shape.as_deref(), e.message.as_str()), (Some("ex#Top$ghost"), "`apply` targets a member that does not exist"));
        let e = load(json!({
            "ex#A": { "type": "structure", "members": {}, "mixins": [{ "target": "ex#B" }], "traits": { "smithy.api#mixin": {} } },
            "ex#B": { "type": "structure", "members": {}, "mixins": [{ "target": "ex#A" }], "traits": { "smithy.api#mixin": {} } },
            "ex#A$x": { "type": "apply", "traits": {} },
        }))
        .unwrap_err();
        assert_eq!(e.message, "`apply` targets a member that does not exist");
    }
}
