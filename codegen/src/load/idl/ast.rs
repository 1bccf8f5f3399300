//! The syntax tree of one IDL file, before any shape ID is resolved.

/// A 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) struct Pos {
    pub line: u32,
    pub col: u32,
}

impl std::fmt::Display for Pos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// A shape ID as written (relative or absolute, maybe with a member).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct IdRef {
    pub text: String,
    pub pos: Pos,
}

/// An object key with its position.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Key {
    pub name: String,
    pub pos: Pos,
}

/// A node value. Unquoted words other than `true`, `false` and `null` are syntactic shape IDs.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Node {
    Null,
    Bool(bool),
    Num(serde_json::Number),
    Str(String),
    Id(IdRef),
    Arr(Vec<Node>),
    Obj(Vec<(Key, Node)>),
}

/// `@id` or `@id(value)`; `value` is `None` for an annotation (no value, or `()`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TraitApp {
    pub id: IdRef,
    pub value: Option<Node>,
}

/// A member of a structure, union, list, map, enum or intEnum.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MemberDef {
    pub name: String,
    pub pos: Pos,
    /// `$name`: the target comes from the `for` resource or a mixin.
    pub elided: bool,
    pub target: Option<IdRef>,
    pub docs: Option<String>,
    pub traits: Vec<TraitApp>,
    /// `= value`: the default value (structures) or the enum value (enums).
    pub value: Option<Node>,
}

/// An operation's `input`/`output`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum IoRef {
    Id(IdRef),
    /// `:=`, with the name of the generated structure (also defined in the file).
    Inline(String),
}

/// The properties of an operation.
#[derive(Clone, Debug, PartialEq, Default)]
pub(crate) struct OperationBody {
    pub input: Option<IoRef>,
    pub output: Option<IoRef>,
    pub errors: Option<Vec<IdRef>>,
}

/// What follows a shape's name.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Body {
    /// Simple shapes.
    None,
    /// Enums, lists, maps, structures and unions.
    Members(Vec<MemberDef>),
    /// Services and resources: a node object.
    Entity(Vec<(Key, Node)>),
    Operation(OperationBody),
}

/// One shape statement (or an inline input/output structure).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ShapeDef {
    pub name: String,
    pub pos: Pos,
    /// The shape type as in the JSON AST (`structure`, `intEnum`, ...).
    pub ty: &'static str,
    pub docs: Option<String>,
    pub traits: Vec<TraitApp>,
    pub mixins: Vec<IdRef>,
    pub for_resource: Option<IdRef>,
    pub body: Body,
    /// `smithy.api#input` or `smithy.api#output` for inline structures.
    pub implied_trait: Option<&'static str>,
}

/// `apply Target @trait` or `apply Target { ... }`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Apply {
    pub target: IdRef,
    pub traits: Vec<TraitApp>,
}

/// The IDL version of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Version {
    /// Smithy IDL 1.0 (also the version of a file without `$version`).
    V1,
    /// Smithy IDL 2.0.
    V2,
}

/// One parsed IDL file.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct IdlFile {
    pub version: Version,
    pub namespace: Option<String>,
    /// `use` statements: absolute shape IDs.
    pub uses: Vec<IdRef>,
    pub metadata: Vec<(Key, Node)>,
    pub shapes: Vec<ShapeDef>,
    pub applies: Vec<Apply>,
}
