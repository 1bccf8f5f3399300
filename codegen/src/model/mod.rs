//! The typed Smithy model: shapes, members and traits, as the rest of the generator sees them.
//!
//! Produced by [`crate::load`], checked by [`validate`]. Shapes are kept in a `BTreeMap` so every
//! walk over the model is in shape-ID order, which makes the output deterministic.

pub(crate) mod shape_id;
pub mod traits;
pub mod validate;

use std::collections::BTreeMap;

pub use shape_id::ShapeId;
pub use traits::Traits;

/// A whole model: every shape (including the prelude) and the metadata.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Shapes by absolute ID.
    pub shapes: BTreeMap<ShapeId, Shape>,
    /// The model's `metadata` section, merged.
    pub metadata: BTreeMap<String, serde_json::Value>,
    /// The file each shape was defined in (for error messages of later stages).
    pub origins: BTreeMap<String, std::path::PathBuf>,
}

/// Two models are equal when their shapes and metadata are; where they were read from does not
/// matter (a model loaded from JSON equals the same model loaded from IDL).
impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        self.shapes == other.shapes && self.metadata == other.metadata
    }
}

impl Model {
    /// The shape with this ID, if any.
    pub fn shape(&self, id: &ShapeId) -> Option<&Shape> {
        self.shapes.get(id)
    }

    /// The shape with this ID; callers use it after validation, which guarantees every target exists.
    pub fn expect(&self, id: &ShapeId) -> &Shape {
        match self.shapes.get(id) {
            Some(s) => s,
            // Validation rejects dangling targets before planning starts.
            None => unreachable!("validated model has no shape {id}"),
        }
    }

    /// Attaches the file that defined the error's shape, when the error names one and no file.
    pub fn locate(&self, mut error: crate::error::Error) -> crate::error::Error {
        if error.file.is_none() {
            let root = error.shape.as_deref().and_then(|s| s.split('$').next());
            error.file = root.and_then(|r| self.origins.get(r)).cloned();
        }
        error
    }

    /// All service shapes.
    pub fn services(&self) -> impl Iterator<Item = &Shape> {
        self.shapes.values().filter(|s| matches!(s.kind, ShapeKind::Service(_)))
    }
}

/// One shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// Its absolute ID.
    pub id: ShapeId,
    /// What kind of shape it is, with the kind's own data.
    pub kind: ShapeKind,
    /// Traits applied to the shape.
    pub traits: Traits,
}

/// The kinds of shape in Smithy 2.0.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub enum ShapeKind {
    Blob,
    Boolean,
    String,
    Enum(Vec<Member>),
    IntEnum(Vec<Member>),
    Byte,
    Short,
    Integer,
    Long,
    Float,
    Double,
    BigInteger,
    BigDecimal,
    Timestamp,
    Document,
    List(Member),
    Map { key: Member, value: Member },
    Structure(Vec<Member>),
    Union(Vec<Member>),
    Service(Service),
    Operation(Operation),
    Resource(Resource),
}

impl ShapeKind {
    /// The shape type's name as written in the JSON AST.
    pub fn type_name(&self) -> &'static str {
        match self {
            ShapeKind::Blob => "blob",
            ShapeKind::Boolean => "boolean",
            ShapeKind::String => "string",
            ShapeKind::Enum(_) => "enum",
            ShapeKind::IntEnum(_) => "intEnum",
            ShapeKind::Byte => "byte",
            ShapeKind::Short => "short",
            ShapeKind::Integer => "integer",
            ShapeKind::Long => "long",
            ShapeKind::Float => "float",
            ShapeKind::Double => "double",
            ShapeKind::BigInteger => "bigInteger",
            ShapeKind::BigDecimal => "bigDecimal",
            ShapeKind::Timestamp => "timestamp",
            ShapeKind::Document => "document",
            ShapeKind::List(_) => "list",
            ShapeKind::Map { .. } => "map",
            ShapeKind::Structure(_) => "structure",
            ShapeKind::Union(_) => "union",
            ShapeKind::Service(_) => "service",
            ShapeKind::Operation(_) => "operation",
            ShapeKind::Resource(_) => "resource",
        }
    }

    /// The members of an aggregate or enum shape, in model order.
    pub fn members(&self) -> Vec<&Member> {
        match self {
            ShapeKind::Enum(m) | ShapeKind::IntEnum(m) | ShapeKind::Structure(m) | ShapeKind::Union(m) => {
                m.iter().collect()
            }
            ShapeKind::List(m) => vec![m],
            ShapeKind::Map { key, value } => vec![key, value],
            _ => Vec::new(),
        }
    }

    /// Mutable access to the members, for `apply` and mixins.
    pub fn members_mut(&mut self) -> Vec<&mut Member> {
        match self {
            ShapeKind::Enum(m) | ShapeKind::IntEnum(m) | ShapeKind::Structure(m) | ShapeKind::Union(m) => {
                m.iter_mut().collect()
            }
            ShapeKind::List(m) => vec![m],
            ShapeKind::Map { key, value } => vec![key, value],
            _ => Vec::new(),
        }
    }

    /// True for the simple (scalar) shape types.
    pub fn is_simple(&self) -> bool {
        !matches!(
            self,
            ShapeKind::List(_)
                | ShapeKind::Map { .. }
                | ShapeKind::Structure(_)
                | ShapeKind::Union(_)
                | ShapeKind::Service(_)
                | ShapeKind::Operation(_)
                | ShapeKind::Resource(_)
        )
    }
}

/// A member of an aggregate or enum shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The member name as written in the model.
    pub name: String,
    /// The shape it targets.
    pub target: ShapeId,
    /// Traits applied to the member.
    pub traits: Traits,
}

/// A service shape.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Service {
    /// The service version string.
    pub version: Option<String>,
    /// Operations bound directly to the service.
    pub operations: Vec<ShapeId>,
    /// Resources bound to the service.
    pub resources: Vec<ShapeId>,
    /// Errors common to every operation.
    pub errors: Vec<ShapeId>,
    /// Shape renames that disambiguate conflicting names in the closure.
    pub rename: BTreeMap<ShapeId, String>,
}

/// An operation shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// The input structure (`smithy.api#Unit` when absent).
    pub input: ShapeId,
    /// The output structure (`smithy.api#Unit` when absent).
    pub output: ShapeId,
    /// Errors the operation can return.
    pub errors: Vec<ShapeId>,
}

/// A resource shape; only the shapes it binds matter to the generator.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resource {
    /// Identifier name to target shape.
    pub identifiers: BTreeMap<String, ShapeId>,
    /// Property name to target shape.
    pub properties: BTreeMap<String, ShapeId>,
    /// Lifecycle and other operations, in a fixed order.
    pub operations: Vec<ShapeId>,
    /// Child resources.
    pub resources: Vec<ShapeId>,
}
