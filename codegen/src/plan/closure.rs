//! Shape closures and recursion: which shapes a service (or a set of operations) needs, and
//! which members must be boxed.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Model, ShapeId, ShapeKind};

use super::TypePlan;

/// Every operation of a service, bound directly or through resources, in shape-ID order.
pub(crate) fn service_operations(model: &Model, service: &ShapeId) -> Vec<ShapeId> {
    let mut ops = BTreeSet::new();
    let mut stack = vec![service.clone()];
    let mut seen = BTreeSet::new();
    while let Some(id) = stack.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        match &model.expect(&id).kind {
            ShapeKind::Service(s) => {
                ops.extend(s.operations.iter().cloned());
                stack.extend(s.resources.iter().cloned());
            }
            ShapeKind::Resource(r) => {
                ops.extend(r.operations.iter().cloned());
                stack.extend(r.resources.iter().cloned());
            }
            _ => {}
        }
    }
    ops.into_iter().collect()
}

/// The named types (structures, unions, enums, errors) that the given operations need.
///
/// Operation inputs and outputs become synthetic `<Op>Input`/`<Op>Output` structs, so the shapes
/// themselves are only included when some member refers to them.
pub(crate) fn type_closure(model: &Model, operations: &[ShapeId], service_errors: &[ShapeId]) -> BTreeSet<ShapeId> {
    let mut out = BTreeSet::new();
    let mut stack: Vec<ShapeId> = Vec::new();
    let push_members = |id: &ShapeId, stack: &mut Vec<ShapeId>| {
        for m in model.expect(id).kind.members() {
            stack.push(m.target.clone());
        }
    };
    for op in operations {
        let ShapeKind::Operation(o) = &model.expect(op).kind else { continue };
        push_members(&o.input, &mut stack);
        push_members(&o.output, &mut stack);
        stack.extend(o.errors.iter().cloned());
    }
    stack.extend(service_errors.iter().cloned());
    while let Some(id) = stack.pop() {
        if out.contains(&id) {
            continue;
        }
        let shape = model.expect(&id);
        if matches!(shape.kind, ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Enum(_)) {
            out.insert(id.clone());
        }
        for m in shape.kind.members() {
            if !matches!(shape.kind, ShapeKind::Enum(_) | ShapeKind::IntEnum(_)) {
                stack.push(m.target.clone());
            }
        }
    }
    out
}

/// Every shape an operation set needs (operations, inputs, outputs, errors and what they
/// reach): the basis for crates trimmed to an allowlist of operations.
pub fn operation_closure(model: &Model, operations: &[ShapeId], service_errors: &[ShapeId]) -> BTreeSet<ShapeId> {
    let mut out: BTreeSet<ShapeId> = type_closure(model, operations, service_errors);
    for op in operations {
        out.insert(op.clone());
        if let ShapeKind::Operation(o) = &model.expect(op).kind {
            out.insert(o.input.clone());
            out.insert(o.output.clone());
        }
    }
    out
}

/// Members to box: for every cycle of structure/union members that does not pass through a list
/// or map (those already add indirection), one member is boxed. Members are considered in
/// shape-ID order, so the member with the smallest ID in a cycle is the one boxed.
pub(crate) fn boxed_members(model: &Model, types: &BTreeMap<ShapeId, TypePlan>) -> BTreeSet<ShapeId> {
    // Direct edges: container -> (member id, target), only between structures and unions.
    let mut edges: BTreeMap<&ShapeId, Vec<(ShapeId, &ShapeId)>> = BTreeMap::new();
    for id in types.keys() {
        let shape = model.expect(id);
        if !matches!(shape.kind, ShapeKind::Structure(_) | ShapeKind::Union(_)) {
            continue;
        }
        for m in shape.kind.members() {
            if types.contains_key(&m.target)
                && matches!(model.expect(&m.target).kind, ShapeKind::Structure(_) | ShapeKind::Union(_))
            {
                edges.entry(id).or_default().push((id.with_member(&m.name), &m.target));
            }
        }
    }
    let mut all: Vec<(ShapeId, &ShapeId, &ShapeId)> =
        edges.iter().flat_map(|(from, es)| es.iter().map(move |(mid, to)| (mid.clone(), *from, *to))).collect();
    all.sort();
    let mut boxed = BTreeSet::new();
    for (mid, from, to) in all {
        if reaches(&edges, &boxed, to, from) {
            boxed.insert(mid);
        }
    }
    boxed
}

/// Whether `goal` can be reached from `start` through unboxed direct edges.
fn reaches(edges: &BTreeMap<&ShapeId, Vec<(ShapeId, &ShapeId)>>, boxed: &BTreeSet<ShapeId>, start: &ShapeId, goal: &ShapeId) -> bool {
    let mut stack = vec![start];
    let mut seen = BTreeSet::new();
    while let Some(id) = stack.pop() {
        if id == goal {
            return true;
        }
        if !seen.insert(id) {
            continue;
        }
        for (mid, to) in edges.get(id).map(Vec::as_slice).unwrap_or(&[]) {
            if !boxed.contains(mid) {
                stack.push(to);
            }
        }
    }
    false
}
