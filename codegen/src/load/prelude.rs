//! The simple shapes of the `smithy.api` prelude that models target.
//!
//! Trait definitions are not needed: traits stay raw nodes keyed by ID.

use serde_json::{json, Value};

use super::json::ModelBuilder;
use crate::error::Result;
use crate::model::{Shape, ShapeId, ShapeKind, Traits};

pub(crate) fn add(builder: &mut ModelBuilder) -> Result<()> {
    let simple: [(&str, ShapeKind, Option<Value>); 21] = [
        ("String", ShapeKind::String, None),
        ("Blob", ShapeKind::Blob, None),
        ("BigInteger", ShapeKind::BigInteger, None),
        ("BigDecimal", ShapeKind::BigDecimal, None),
        ("Timestamp", ShapeKind::Timestamp, None),
        ("Document", ShapeKind::Document, None),
        ("Boolean", ShapeKind::Boolean, None),
        ("PrimitiveBoolean", ShapeKind::Boolean, Some(json!(false))),
        ("Byte", ShapeKind::Byte, None),
        ("PrimitiveByte", ShapeKind::Byte, Some(json!(0))),
        ("Short", ShapeKind::Short, None),
        ("PrimitiveShort", ShapeKind::Short, Some(json!(0))),
        ("Integer", ShapeKind::Integer, None),
        ("PrimitiveInteger", ShapeKind::Integer, Some(json!(0))),
        ("Long", ShapeKind::Long, None),
        ("PrimitiveLong", ShapeKind::Long, Some(json!(0))),
        ("Float", ShapeKind::Float, None),
        ("PrimitiveFloat", ShapeKind::Float, Some(json!(0))),
        ("Double", ShapeKind::Double, None),
        ("PrimitiveDouble", ShapeKind::Double, Some(json!(0))),
        ("Unit", ShapeKind::Structure(Vec::new()), None),
    ];
    for (name, kind, default) in simple {
        let mut traits = Traits::default();
        if let Some(d) = default {
            traits.insert(crate::model::traits::ids::DEFAULT, d);
        }
        if name == "Unit" {
            traits.insert(crate::model::traits::ids::UNIT_TYPE, json!({}));
        }
        builder.add_shape(Shape { id: ShapeId::from_parts("smithy.api", name), kind, traits });
    }
    Ok(())
}
