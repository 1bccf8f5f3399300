//! Which shapes carry constraints that a generated `validate()` checks.
//!
//! A shape is *constrained* when it has a constraint trait itself (`@length`, `@range`,
//! `@pattern`, `@uniqueItems`, the legacy `@enum`), is an enum or intEnum, is a structure with
//! an optional `@required` member, has a member with a constraint trait, or refers to a
//! constrained shape. Only constrained named types get `validate()`; operation inputs always do.

use std::collections::BTreeSet;

use crate::model::{Member, Model, Shape, ShapeId, ShapeKind, Traits};

/// Constraint trait IDs (member traits override the target's).
pub const LENGTH: &str = "smithy.api#length";
/// `@range`.
pub const RANGE: &str = "smithy.api#range";
/// `@pattern`.
pub const PATTERN: &str = "smithy.api#pattern";
/// `@uniqueItems`.
pub const UNIQUE_ITEMS: &str = "smithy.api#uniqueItems";
/// `@internal`: enum values that validation messages leave out.
pub const INTERNAL: &str = "smithy.api#internal";

/// Whether a shape's own traits or kind constrain its values.
fn shape_is_direct(shape: &Shape) -> bool {
    [LENGTH, RANGE, PATTERN, UNIQUE_ITEMS, crate::model::traits::ids::LEGACY_ENUM].iter().any(|t| shape.traits.has(t))
        || matches!(shape.kind, ShapeKind::Enum(_) | ShapeKind::IntEnum(_))
}

/// Whether a member's own traits constrain its value (not counting `@required`).
pub fn member_traits_constrain(traits: &Traits) -> bool {
    [LENGTH, RANGE, PATTERN].iter().any(|t| traits.has(t))
}

/// Whether a `@required` member is checked: it is an `Option` in Rust and has no default to
/// fall back on.
pub fn required_is_checked(member: &Member, optional: bool) -> bool {
    optional && member.traits.required() && !matches!(member.traits.default_value(), Some(v) if !v.is_null())
}

/// The constrained shapes among `roots` and everything they refer to. `optional(container,
/// member)` says whether a structure member is an `Option` in Rust.
pub fn constrained_shapes(model: &Model, optional: impl Fn(&Shape, &Member) -> bool) -> BTreeSet<ShapeId> {
    let mut out = BTreeSet::new();
    let data = |s: &Shape| !matches!(s.kind, ShapeKind::Service(_) | ShapeKind::Operation(_) | ShapeKind::Resource(_));
    for shape in model.shapes.values().filter(|s| data(s)) {
        let direct = shape_is_direct(shape)
            || aggregate_members(shape).iter().any(|m| {
                member_traits_constrain(&m.traits)
                    || (matches!(shape.kind, ShapeKind::Structure(_)) && required_is_checked(m, optional(shape, m)))
            });
        if direct {
            out.insert(shape.id.clone());
        }
    }
    // Whatever refers to a constrained shape is constrained: iterate to a fixed point.
    loop {
        let mut changed = false;
        for shape in model.shapes.values().filter(|s| data(s)) {
            if !out.contains(&shape.id) && aggregate_members(shape).iter().any(|m| out.contains(&m.target)) {
                out.insert(shape.id.clone());
                changed = true;
            }
        }
        if !changed {
            return out;
        }
    }
}

/// The members that hold data (enum members are values, not data).
fn aggregate_members(shape: &Shape) -> Vec<&Member> {
    match shape.kind {
        ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => Vec::new(),
        _ => shape.kind.members(),
    }
}
