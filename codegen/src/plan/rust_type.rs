//! The Rust types that member targets map to.

/// A Rust type as planned; rendering turns it into tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum RustType {
    Bool,
    I8,
    I16,
    I32,
    I64,
    F32,
    F64,
    String,
    Blob,
    DateTime,
    Document,
    BigInteger,
    BigDecimal,
    /// A generated type, by absolute path (`crate::types::Foo`).
    Named(String),
    Vec(Box<RustType>),
    /// `HashMap<K, V>`.
    Map(Box<RustType>, Box<RustType>),
    Option(Box<RustType>),
    Boxed(Box<RustType>),
    /// `()`: never in a rendered field; stands for shapes outside the plan.
    Unit,
}

impl RustType {
    /// Plain-old-data types that accessors return by value.
    pub fn is_copy(&self) -> bool {
        matches!(self, RustType::Bool | RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 | RustType::F32 | RustType::F64)
    }

    /// A list (accessors return it as a slice).
    pub fn is_vec(&self) -> bool {
        matches!(self, RustType::Vec(_))
    }
}
