//! `validate()`: constraint checks on operation inputs and on every constrained named type,
//! behind the crate feature `validate`.
//!
//! Each checked type gets `validate()` and `validate_with(&ValidationOptions)` (unless a field
//! accessor already has that name) and an impl of the crate-private `validation::Validate`
//! trait that walks its members; the checks themselves and the messages live in the runtime
//! (`codegen/runtime/validation.rs`). Patterns are compiled once per crate, lazily, in the
//! generated `validation_patterns` module ([`pattern`] chooses the engine).

pub mod pattern;

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::Value;

use super::ctx::{ident, Ctx};
use crate::error::{Error, Result};
use crate::model::traits::ids;
use crate::model::{Member, Shape, ShapeKind};
use crate::plan::constraints::{self, INTERNAL, LENGTH, PATTERN, RANGE, UNIQUE_ITEMS};
use crate::plan::{FieldPlan, OperationPlan, Plan, RustType, TypeKind, TypePlan};

/// The cargo feature that turns validation on.
pub const FEATURE: &str = "validate";

/// The validation items for a named type (nothing for unconstrained types and errors).
pub fn type_items(ctx: &Ctx, t: &TypePlan) -> TokenStream {
    if !ctx.plan.constrained.contains(&t.id) {
        return TokenStream::new();
    }
    let shape = ctx.plan.model.expect(&t.id);
    match t.kind {
        TypeKind::Structure => structure(ctx, &t.name, ctx.plan.fields(shape, false)),
        TypeKind::Union => union(ctx, shape, &t.name),
        TypeKind::Error | TypeKind::Enum => TokenStream::new(),
    }
}

/// The validation items for an operation's input (every input has them).
pub fn input_items(ctx: &Ctx, op: &OperationPlan) -> TokenStream {
    let shape = ctx.plan.model.expect(&op.input);
    structure(ctx, &op.input_name, ctx.plan.fields(shape, true))
}

/// `validate()` and `validate_with()` for a type, unless a field accessor has either name.
fn public_methods(taken: &[String]) -> TokenStream {
    if taken.iter().any(|f| f == "validate" || f == "validate_with") {
        return TokenStream::new();
    }
    let doc = "Checks the model's constraints on this value and everything in it: `@required`, `@length`, \
         `@range`, `@pattern`, `@uniqueItems` and (with [`closed_enums`](crate::validation::ValidationOptions::closed_enums)) \
         enum values.\n\nReturns every violation, each with its JSON pointer; the error's `Display` is the message \
         a service's `ValidationException` would carry. Enum values unknown to this crate pass, as Smithy \
         enums are open; use [`validate_with`](Self::validate_with) to reject them.";
    let doc = super::ctx::doc_lines(doc);
    quote! {
        #doc
        pub fn validate(&self) -> ::std::result::Result<(), crate::validation::ValidationError> {
            self.validate_with(&crate::validation::ValidationOptions::new())
        }
        /// Like [`validate`](Self::validate), with options (e.g. closed enums).
        pub fn validate_with(&self, options: &crate::validation::ValidationOptions) -> ::std::result::Result<(), crate::validation::ValidationError> {
            crate::validation::run(options, |v| crate::validation::Validate::check(self, v))
        }
    }
}

fn structure(ctx: &Ctx, name: &str, fields: Vec<FieldPlan>) -> TokenStream {
    let ty = ident(name);
    let checker = Checker { ctx };
    let names: Vec<String> = fields.iter().map(|f| f.field.clone()).collect();
    let body: Vec<TokenStream> = fields.iter().filter_map(|f| checker.field(f)).collect();
    let methods = public_methods(&names);
    let v = if body.is_empty() { quote!(_v) } else { quote!(v) };
    quote! {
        #[cfg(feature = "validate")]
        impl #ty {
            #methods
        }
        #[cfg(feature = "validate")]
        impl crate::validation::Validate for #ty {
            fn check(&self, #v: &mut crate::validation::Validator<'_>) {
                #(#body)*
            }
        }
    }
}

fn union(ctx: &Ctx, shape: &Shape, name: &str) -> TokenStream {
    let ShapeKind::Union(members) = &shape.kind else { return TokenStream::new() };
    let ty = ident(name);
    let checker = Checker { ctx };
    let arms: Vec<(TokenStream, TokenStream)> = members
        .iter()
        .filter_map(|m| {
            let target = ctx.plan.model.expect(&m.target);
            if target.traits.has(ids::UNIT_TYPE) {
                return None;
            }
            let boxed = ctx.plan.boxed.contains(&shape.id.with_member(&m.name));
            let checks = checker.value(Some(m), target, &quote!(x), boxed, 0)?;
            let variant = ident(&crate::plan::naming::union_variant_name(&m.name));
            let key = &m.name;
            Some((
                quote!(Self::#variant(x)),
                quote! {
                    let mark = v.enter(#key);
                    #checks
                    v.leave(mark);
                },
            ))
        })
        .collect();
    let methods = public_methods(&[]);
    let (v, body) = match arms.as_slice() {
        [] => (quote!(_v), TokenStream::new()),
        [(pat, body)] => (quote!(v), quote!(if let #pat = self { #body })),
        arms => {
            let arms = arms.iter().map(|(pat, body)| quote!(#pat => { #body }));
            (quote!(v), quote!(match self { #(#arms)* _ => {} }))
        }
    };
    quote! {
        #[cfg(feature = "validate")]
        impl #ty {
            #methods
        }
        #[cfg(feature = "validate")]
        impl crate::validation::Validate for #ty {
            fn check(&self, #v: &mut crate::validation::Validator<'_>) {
                #body
            }
        }
    }
}

/// The effective value of a constraint trait: the member's, else the target's.
fn effective<'m>(member: Option<&'m Member>, target: &'m Shape, id: &str) -> Option<&'m Value> {
    member.and_then(|m| m.traits.get(id)).or_else(|| target.traits.get(id))
}

struct Checker<'c, 'p, 'm> {
    ctx: &'c Ctx<'p, 'm>,
}

impl Checker<'_, '_, '_> {
    /// The checks of one structure field, or `None` when nothing about it is checked.
    fn field(&self, f: &FieldPlan) -> Option<TokenStream> {
        let name = ident(&f.field);
        let key = &f.member.name;
        let boxed = matches!(f.ty, RustType::Boxed(_));
        let required = constraints::required_is_checked(f.member, f.optional);
        let checks = self.value(Some(f.member), f.target, &quote!(x), boxed, 0);
        match (f.optional, checks, required) {
            (_, None, false) => None,
            (true, None, true) => Some(quote! {
                if self.#name.is_none() {
                    let mark = v.enter(#key);
                    v.missing();
                    v.leave(mark);
                }
            }),
            (true, Some(checks), true) => {
                Some(quote! {
                    let mark = v.enter(#key);
                    match &self.#name {
                        ::std::option::Option::Some(x) => { #checks }
                        ::std::option::Option::None => v.missing(),
                    }
                    v.leave(mark);
                })
            }
            (true, Some(checks), false) => Some(quote! {
                if let ::std::option::Option::Some(x) = &self.#name {
                    let mark = v.enter(#key);
                    #checks
                    v.leave(mark);
                }
            }),
            (false, Some(checks), _) => Some(quote! {
                {
                    let x = &self.#name;
                    let mark = v.enter(#key);
                    #checks
                    v.leave(mark);
                }
            }),
            (false, None, true) => None,
        }
    }

    /// Checks on `x` (a reference to a value of `target`'s type, boxed or not), or `None` when
    /// nothing about such a value is checked.
    fn value(&self, member: Option<&Member>, target: &Shape, x: &TokenStream, boxed: bool, depth: usize) -> Option<TokenStream> {
        let plan = self.ctx.plan;
        let model = plan.model;
        let mut out = Vec::new();
        let length = effective(member, target, LENGTH).map(bounds_u64);
        let range = effective(member, target, RANGE);
        let pattern = effective(member, target, PATTERN).and_then(Value::as_str);
        match &target.kind {
            ShapeKind::String | ShapeKind::Enum(_) => {
                if let Some((min, max)) = length {
                    out.push(quote!(v.length(#x.as_str().chars().count(), #min, #max);));
                }
                if let Some(p) = pattern {
                    let static_name = format_ident!("{}", pattern_static(p));
                    out.push(quote!(v.pattern(#x.as_str(), &crate::validation_patterns::#static_name);));
                }
                if let Some((values, listed)) = enum_values(target) {
                    out.push(quote!(v.enum_value(matches!(#x.as_str(), #(#values)|*), #listed);));
                }
            }
            ShapeKind::Blob => {
                if let Some((min, max)) = length {
                    out.push(quote!(v.length(::std::convert::AsRef::<[u8]>::as_ref(#x).len(), #min, #max);));
                }
            }
            ShapeKind::Byte | ShapeKind::Short | ShapeKind::Integer | ShapeKind::Long | ShapeKind::IntEnum(_) => {
                if let Some(r) = range {
                    let (min, max, text) = int_bounds(r);
                    let value = if matches!(target.kind, ShapeKind::Long) { quote!(*#x) } else { quote!(i64::from(*#x)) };
                    out.push(quote!(v.range_int(#value, #min, #max, #text);));
                }
                if let ShapeKind::IntEnum(members) = &target.kind {
                    let values: Vec<i32> = members.iter().filter_map(|m| m.traits.enum_value()?.as_i64()?.try_into().ok()).collect();
                    let listed = members
                        .iter()
                        .filter(|m| !m.traits.has(INTERNAL))
                        .filter_map(|m| m.traits.enum_value()?.as_i64())
                        .map(|n| n.to_string())
                        .collect::<Vec<_>>()
                        .join(", ");
                    if !values.is_empty() {
                        out.push(quote!(v.enum_value([#(#values),*].contains(#x), #listed);));
                    }
                }
            }
            ShapeKind::Float | ShapeKind::Double => {
                if let Some(r) = range {
                    let single = matches!(target.kind, ShapeKind::Float);
                    let (min, max, text) = float_bounds(r, single);
                    let value = if single { quote!(f64::from(*#x)) } else { quote!(*#x) };
                    out.push(quote!(v.range_float(#value, #min, #max, #text);));
                }
            }
            ShapeKind::BigInteger | ShapeKind::BigDecimal => {
                if let Some(r) = range {
                    let text = |k: &str| match r.get(k) {
                        Some(n) => {
                            let s = number_text(n);
                            quote!(::std::option::Option::Some(#s))
                        }
                        None => quote!(::std::option::Option::None),
                    };
                    let (min, max) = (text("min"), text("max"));
                    out.push(quote!(v.range_decimal(#x.as_str(), #min, #max);));
                }
            }
            ShapeKind::List(item) => {
                if let Some((min, max)) = length {
                    out.push(quote!(v.length(#x.len(), #min, #max);));
                }
                let item_target = model.expect(&item.target);
                let sparse = target.traits.sparse();
                if effective(member, target, UNIQUE_ITEMS).is_some() {
                    if hashable(item_target) {
                        out.push(quote!(v.unique_hashed(#x);));
                    } else {
                        out.push(quote!(v.unique(#x);));
                    }
                }
                let var = format_ident!("item{}", depth);
                let var_tokens = quote!(#var);
                if let Some(checks) = self.value(Some(item), item_target, &var_tokens, false, depth + 1) {
                    let index = format_ident!("i{}", depth);
                    let body = if sparse {
                        quote!(if let ::std::option::Option::Some(#var) = #var { #checks })
                    } else {
                        checks
                    };
                    out.push(quote! {
                        for (#index, #var) in #x.iter().enumerate() {
                            let mark = v.enter_index(#index);
                            #body
                            v.leave(mark);
                        }
                    });
                }
            }
            ShapeKind::Map { key, value } => {
                if let Some((min, max)) = length {
                    out.push(quote!(v.length(#x.len(), #min, #max);));
                }
                let key_target = model.expect(&key.target);
                let value_target = model.expect(&value.target);
                let (k, val) = (format_ident!("key{}", depth), format_ident!("value{}", depth));
                let key_checks = self.value(Some(key), key_target, &quote!(#k), false, depth + 1);
                let value_checks = self.value(Some(value), value_target, &quote!(#val), false, depth + 1);
                if key_checks.is_some() || value_checks.is_some() {
                    let sensitive = key_target.traits.sensitive();
                    let value_body = value_checks.map(|c| {
                        let c = if target.traits.sparse() { quote!(if let ::std::option::Option::Some(#val) = #val { #c }) } else { c };
                        quote! {
                            let mark = v.enter_key(#k.as_str(), #sensitive);
                            #c
                            v.leave(mark);
                        }
                    });
                    let entries = format_ident!("entries{}", depth);
                    // Only the keys are checked: the value is not bound.
                    let val_pattern = if value_body.is_some() { quote!(#val) } else { quote!(_) };
                    // Sorted by key, so that the violations come in the same order every time.
                    out.push(quote! {
                        let mut #entries: ::std::vec::Vec<_> = #x.iter().collect();
                        #entries.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
                        for (#k, #val_pattern) in #entries {
                            #key_checks
                            #value_body
                        }
                    });
                }
            }
            ShapeKind::Structure(_) | ShapeKind::Union(_) if plan.constrained.contains(&target.id) && plan.type_of(&target.id).is_some() => {
                let inner = if boxed { quote!(&**#x) } else { quote!(#x) };
                out.push(quote!(crate::validation::Validate::check(#inner, v);));
            }
            _ => {}
        }
        (!out.is_empty()).then(|| quote!(#(#out)*))
    }
}

/// Item types whose duplicates a hash set finds (the rest are compared pairwise).
fn hashable(target: &Shape) -> bool {
    matches!(
        target.kind,
        ShapeKind::String
            | ShapeKind::Enum(_)
            | ShapeKind::IntEnum(_)
            | ShapeKind::Blob
            | ShapeKind::Boolean
            | ShapeKind::Byte
            | ShapeKind::Short
            | ShapeKind::Integer
            | ShapeKind::Long
            | ShapeKind::Timestamp
            | ShapeKind::BigInteger
            | ShapeKind::BigDecimal
    )
}

/// The accepted values of an enum (or a string with the legacy `@enum` trait), and the list a
/// message shows: without `@internal` members (or, for `@enum`, entries tagged `internal`).
fn enum_values(target: &Shape) -> Option<(Vec<String>, String)> {
    let (all, listed): (Vec<String>, Vec<String>) = match &target.kind {
        ShapeKind::Enum(members) => {
            let value = |m: &Member| m.traits.enum_value().and_then(Value::as_str).unwrap_or(&m.name).to_owned();
            (members.iter().map(value).collect(), members.iter().filter(|m| !m.traits.has(INTERNAL)).map(value).collect())
        }
        ShapeKind::String => {
            let entries = target.traits.get(ids::LEGACY_ENUM)?.as_array()?;
            let value = |e: &Value| e.get("value").and_then(Value::as_str).map(str::to_owned);
            let internal = |e: &Value| e.get("tags").and_then(Value::as_array).is_some_and(|t| t.iter().any(|t| t == "internal"));
            (entries.iter().filter_map(value).collect(), entries.iter().filter(|e| !internal(e)).filter_map(value).collect())
        }
        _ => return None,
    };
    (!all.is_empty()).then(|| (all, listed.join(", ")))
}

/// `@length` bounds as `Option<u64>` tokens.
fn bounds_u64(v: &Value) -> (TokenStream, TokenStream) {
    let b = |k: &str| match v.get(k).and_then(Value::as_f64) {
        Some(n) => {
            let n = if k == "min" { n.ceil() } else { n.floor() }.max(0.0) as u64;
            quote!(::std::option::Option::Some(#n))
        }
        None => quote!(::std::option::Option::None),
    };
    (b("min"), b("max"))
}

/// A number as the model writes it (for messages).
fn number_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `@range` bounds of an integer member: `Option<i64>` tokens and the bounds' text.
fn int_bounds(r: &Value) -> (TokenStream, TokenStream, TokenStream) {
    let b = |k: &str| match r.get(k) {
        Some(n) => {
            let f = n.as_f64().unwrap_or(0.0);
            let i = n.as_i64().unwrap_or(if k == "min" { f.ceil() } else { f.floor() } as i64);
            quote!(::std::option::Option::Some(#i))
        }
        None => quote!(::std::option::Option::None),
    };
    (b("min"), b("max"), bounds_text(r))
}

/// `@range` bounds of a float member (in its own precision): `Option<f64>` tokens and text.
fn float_bounds(r: &Value, single: bool) -> (TokenStream, TokenStream, TokenStream) {
    let b = |k: &str| match r.get(k).and_then(Value::as_f64) {
        Some(n) if single => {
            let lit = proc_macro2::Literal::f32_suffixed(n as f32);
            quote!(::std::option::Option::Some(f64::from(#lit)))
        }
        Some(n) => {
            let lit = proc_macro2::Literal::f64_suffixed(n);
            quote!(::std::option::Option::Some(#lit))
        }
        None => quote!(::std::option::Option::None),
    };
    (b("min"), b("max"), bounds_text(r))
}

fn bounds_text(r: &Value) -> TokenStream {
    let t = |k: &str| r.get(k).map(number_text).unwrap_or_default();
    let (a, b) = (t("min"), t("max"));
    quote!((#a, #b))
}

/// The name of the static that holds a pattern (from its text, so every file agrees on it
/// without a shared table).
pub fn pattern_static(source: &str) -> String {
    // FNV-1a: stable across runs and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in source.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("P_{h:016X}")
}

/// Every pattern the crate's validation uses (shapes reachable from the inputs and named
/// types of the plan), with the shape or member that first uses it.
fn patterns(plan: &Plan) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut note = |v: Option<&Value>, at: String| {
        if let Some(p) = v.and_then(Value::as_str) {
            out.entry(p.to_owned()).or_insert(at);
        }
    };
    let mut stack: Vec<&crate::model::ShapeId> = plan.operations.iter().map(|o| &o.input).collect();
    // Error structures get no `validate()` (see `type_items`), so their own members' patterns
    // are not used; what they refer to is a named type of its own, visited as such.
    stack.extend(plan.types.iter().filter(|(_, t)| t.kind != TypeKind::Error).map(|(id, _)| id));
    let mut seen = std::collections::BTreeSet::new();
    while let Some(id) = stack.pop() {
        if !seen.insert(id) || !plan.constrained.contains(id) {
            continue;
        }
        let shape = plan.model.expect(id);
        note(shape.traits.get(PATTERN), shape.id.to_string());
        if matches!(shape.kind, ShapeKind::Enum(_) | ShapeKind::IntEnum(_)) {
            continue;
        }
        for m in shape.kind.members() {
            note(m.traits.get(PATTERN), shape.id.with_member(&m.name).to_string());
            stack.push(&m.target);
        }
    }
    out
}

/// Whether the crate has any pattern to check, and which engines they need: (linear, ECMA).
pub fn engines(plan: &Plan) -> Result<(bool, bool)> {
    let mut found = (false, false);
    for (p, at) in patterns(plan) {
        match pattern::engine(&p).map_err(|e| Error::shape(at, format!("@pattern: {e}")))? {
            pattern::Engine::Linear(_) => found.0 = true,
            pattern::Engine::Ecma(_) => found.1 = true,
        }
    }
    Ok(found)
}

/// `src/validation_patterns.rs`: one lazily compiled static per pattern.
pub fn patterns_module(plan: &Plan) -> Result<TokenStream> {
    let mut items = Vec::new();
    for (p, at) in patterns(plan) {
        let name = format_ident!("{}", pattern_static(&p));
        let compile = match pattern::engine(&p).map_err(|e| Error::shape(at, format!("@pattern: {e}")))? {
            pattern::Engine::Linear(t) => quote! {
                || ::regex::Regex::new(#t).ok().map(|re| ::std::boxed::Box::new(move |s: &str| re.is_match(s)) as crate::validation::Matcher)
            },
            pattern::Engine::Ecma(flags) => quote! {
                || ::regress::Regex::with_flags(#p, #flags).ok().map(|re| ::std::boxed::Box::new(move |s: &str| re.find(s).is_some()) as crate::validation::Matcher)
            },
        };
        // Control characters (tabs, CR) are shown escaped: rustdoc and clippy reject them raw.
        let shown: String = p.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect();
        let doc = format!(" `{}`", shown.replace('`', "\\`"));
        items.push(quote! {
            #[doc = #doc]
            pub(crate) static #name: crate::validation::Pattern = crate::validation::Pattern::new(#p, #compile);
        });
    }
    Ok(quote! {
        //! The `@pattern`s of the model, each compiled on first use.
        #(#items)*
    })
}

/// Module declarations for `lib.rs`.
pub fn lib_items(has_patterns: bool) -> TokenStream {
    let patterns = has_patterns.then(|| quote!(#[cfg(feature = "validate")] mod validation_patterns;));
    quote! {
        #[cfg(feature = "validate")]
        pub mod validation;
        #patterns
    }
}
