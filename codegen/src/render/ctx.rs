//! Per-file rendering context: how Rust types, names and documentation become tokens.

use std::collections::BTreeSet;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::plan::{Plan, RustType};

/// Prelude names that generated code uses unqualified, with their full paths.
const PRELUDE: &[(&str, &str)] = &[
    ("Option", "::std::option::Option"),
    ("Some", "::std::option::Option::Some"),
    ("None", "::std::option::Option::None"),
    ("String", "::std::string::String"),
    ("Vec", "::std::vec::Vec"),
    ("Box", "::std::boxed::Box"),
    ("Result", "::std::result::Result"),
    ("Ok", "::std::result::Result::Ok"),
    ("Err", "::std::result::Result::Err"),
    ("Default", "::std::default::Default"),
    ("Into", "::std::convert::Into"),
    ("From", "::std::convert::From"),
    ("AsRef", "::std::convert::AsRef"),
    ("ToOwned", "::std::borrow::ToOwned"),
];

/// Rendering context for one output file.
///
/// Generated code uses the short prelude names (`Option`, `String`, ...) because they read
/// better; only a file that defines a type with one of those names (a shape called `String`)
/// switches the colliding names to their full paths.
pub struct Ctx<'p, 'm> {
    /// The plan.
    pub plan: &'p Plan<'m>,
    shadowed: BTreeSet<&'static str>,
}

impl<'p, 'm> Ctx<'p, 'm> {
    /// A context for a file that defines the given type names.
    pub fn new(plan: &'p Plan<'m>, defined: &[&str]) -> Self {
        let shadowed = PRELUDE.iter().map(|(n, _)| *n).filter(|n| defined.contains(n)).collect();
        Ctx { plan, shadowed }
    }

    /// A prelude name, qualified when this file shadows it.
    pub fn std(&self, name: &'static str) -> TokenStream {
        let full = PRELUDE.iter().find(|(n, _)| *n == name).map(|(_, p)| *p).unwrap_or(name);
        let text = if self.shadowed.contains(name) { full } else { name };
        path(text)
    }

    /// The tokens of a planned Rust type.
    pub fn ty(&self, t: &RustType) -> TokenStream {
        match t {
            RustType::Bool => quote!(bool),
            RustType::I8 => quote!(i8),
            RustType::I16 => quote!(i16),
            RustType::I32 => quote!(i32),
            RustType::I64 => quote!(i64),
            RustType::F32 => quote!(f32),
            RustType::F64 => quote!(f64),
            RustType::String => self.std("String"),
            RustType::Blob => quote!(crate::primitives::Blob),
            RustType::DateTime => quote!(crate::primitives::DateTime),
            RustType::Document => quote!(crate::primitives::Document),
            RustType::BigInteger => quote!(crate::primitives::BigInteger),
            RustType::BigDecimal => quote!(crate::primitives::BigDecimal),
            RustType::Named(p) => path(p),
            RustType::Vec(inner) => {
                let v = self.std("Vec");
                let inner = self.ty(inner);
                quote!(#v<#inner>)
            }
            RustType::Map(k, v) => {
                let (k, v) = (self.ty(k), self.ty(v));
                quote!(::std::collections::HashMap<#k, #v>)
            }
            RustType::Option(inner) => self.option(&self.ty(inner)),
            RustType::Boxed(inner) => {
                let b = self.std("Box");
                let inner = self.ty(inner);
                quote!(#b<#inner>)
            }
            RustType::Unit => quote!(()),
        }
    }

    /// `Option<tokens>`.
    pub fn option(&self, inner: &TokenStream) -> TokenStream {
        let o = self.std("Option");
        quote!(#o<#inner>)
    }
}

/// A short doc link to an item in scope. Names that are also derive macros of the prelude
/// (`Default`, `Debug`, ...) would be ambiguous, so they get the `struct@` disambiguator.
pub fn short_link(name: &str) -> String {
    const DERIVES: &[&str] = &["Clone", "Copy", "Debug", "Default", "Eq", "Hash", "Ord", "PartialEq", "PartialOrd"];
    if DERIVES.contains(&name) {
        format!("[`{name}`](struct@{name})")
    } else {
        format!("[`{name}`]")
    }
}

/// An identifier, raw when the name is written `r#kw`.
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// A path such as `crate::types::Foo` or `::std::option::Option`, from text the plan produced.
pub fn path(text: &str) -> TokenStream {
    let mut out = TokenStream::new();
    let (absolute, rest) = match text.strip_prefix("::") {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if absolute {
        out.extend(quote!(::));
    }
    for (i, seg) in rest.split("::").enumerate() {
        if i > 0 {
            out.extend(quote!(::));
        }
        let id = ident(seg);
        out.extend(quote!(#id));
    }
    out
}

/// `#[doc = "..."]` lines for a Markdown text (each line becomes one `///` line).
pub fn doc_lines(markdown: &str) -> TokenStream {
    let lines = markdown.lines().map(|l| if l.is_empty() { String::new() } else { format!(" {l}") });
    quote!(#(#[doc = #lines])*)
}

/// `#![doc = "..."]` lines: documentation of the enclosing module or crate.
pub fn inner_doc_lines(markdown: &str) -> TokenStream {
    let lines = markdown.lines().map(|l| if l.is_empty() { String::new() } else { format!(" {l}") });
    quote!(#(#![doc = #lines])*)
}

/// Doc attributes converted from a model `@documentation` string, or nothing.
pub fn model_docs(doc: Option<&str>) -> TokenStream {
    match doc.map(crate::docs::html_to_markdown) {
        Some(md) if !md.trim().is_empty() => doc_lines(&md),
        _ => TokenStream::new(),
    }
}

/// The one-sentence summary of a model doc, or `None`.
pub fn model_summary(doc: Option<&str>) -> Option<String> {
    let md = crate::docs::html_to_markdown(doc?);
    let s = crate::docs::summary(&md);
    (!s.trim().is_empty()).then_some(s)
}

/// `#[deprecated(note = ...)]` for a `@deprecated` trait. Models give `since` as a date or an
/// API version, not the crate's semver, so it goes into the note instead of `since =`.
pub fn deprecated_attr(traits: &crate::model::Traits) -> TokenStream {
    let Some(d) = traits.deprecated() else { return TokenStream::new() };
    let note = match (d.message, d.since) {
        (Some(m), Some(s)) => format!("{m} (deprecated since {s})"),
        (Some(m), None) => m,
        (None, Some(s)) => format!("deprecated since {s}"),
        (None, None) => return quote!(#[deprecated]),
    };
    quote!(#[deprecated(note = #note)])
}
