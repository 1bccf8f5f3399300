//! The `serde` feature: `Serialize`/`Deserialize` impls for every generated type, in the
//! service's JSON wire format, written by hand with `quote!` (no `serde_derive`).
//!
//! The impls live in their own module tree (`src/serde_impls/`, mirroring `types/` and
//! `operation/`) that `lib.rs` declares only under `#[cfg(feature = "serde")]`, so a build
//! without the feature does not even parse them. Wire rules that depend on the protocol (the
//! key of a member, the default timestamp format) come from the protocol seam
//! ([`Protocol::json_key`](super::protocol::Protocol::json_key)); everything a primitive needs
//! goes through the codecs of the runtime file `serde_wire.rs`.
//!
//! - [`structure`]: structures, errors, operation inputs and outputs, and their builders.
//! - [`union`]: unions and string enums.
//! - [`modules`]: the module files of `src/serde_impls/`.

mod modules;
mod structure;
mod union;

use proc_macro2::TokenStream;
use quote::quote;

use super::ctx::Ctx;
use super::protocol::Protocol;
use crate::model::{Member, Shape, ShapeKind};
use crate::plan::{OperationPlan, Plan, TypeKind, TypePlan};

pub use modules::{module_file, operation_file, type_file, MODULE_FILES};

/// The runtime file of the feature (path in the crate, source).
pub const RUNTIME: (&str, &str) = ("src/serde_wire.rs", include_str!("../../../runtime/serde_wire.rs"));

/// The Cargo dependency line of the feature.
pub const DEPENDENCY: &str = "serde = { version = \"1.0.100\", optional = true, default-features = false, features = [\"std\"] }";

/// The impls for one named type (and its builder).
pub fn type_items(ctx: &Ctx, t: &TypePlan) -> TokenStream {
    let shape = ctx.plan.model.expect(&t.id);
    match t.kind {
        TypeKind::Structure | TypeKind::Error => {
            let fields = ctx.plan.fields(shape, false);
            let error = t.kind == TypeKind::Error;
            let spec = structure::Spec { shape, path: super::ctx::path(&t.path()), fields: &fields, error, output: false };
            let item = structure::render(ctx, &spec);
            let builder = structure::render_builder(ctx, &spec, super::ctx::path(&t.builder_path()));
            quote!(#item #builder)
        }
        TypeKind::Union => union::render_union(ctx, t),
        TypeKind::Enum => union::render_enum(ctx, t),
    }
}

/// The impls for an operation's input and output (and their builders).
pub fn operation_items(ctx: &Ctx, op: &OperationPlan) -> TokenStream {
    let module = format!("crate::operation::{}", op.module);
    let mut items = TokenStream::new();
    for (id, name, input) in [(&op.input, &op.input_name, true), (&op.output, &op.output_name, false)] {
        let shape = ctx.plan.model.expect(id);
        let mut fields = ctx.plan.fields(shape, input);
        if input {
            // The request body writes top-level members sorted by member name (as smithy-rs).
            fields.sort_by(|a, b| a.member.name.cmp(&b.member.name));
        }
        let spec = structure::Spec {
            shape,
            path: super::ctx::path(&format!("{module}::{name}")),
            fields: &fields,
            error: false,
            output: !input,
        };
        items.extend(structure::render(ctx, &spec));
        items.extend(structure::render_builder(ctx, &spec, super::ctx::path(&format!("{module}::builders::{name}Builder"))));
    }
    items
}

fn protocol(plan: &Plan) -> &'static dyn Protocol {
    super::protocol::for_plan(plan)
}

/// The codec (a type in `crate::serde_wire`) for values of `target` held by `member`, or `None`
/// when the Rust type's own serde impl is the wire form (strings, integers, booleans, generated
/// types, and collections of those).
pub(crate) fn codec(ctx: &Ctx, member: &Member, target: &Shape) -> Option<TokenStream> {
    let model = ctx.plan.model;
    match &target.kind {
        ShapeKind::Float => Some(quote!(crate::serde_wire::F32)),
        ShapeKind::Double => Some(quote!(crate::serde_wire::F64)),
        ShapeKind::Blob => Some(quote!(crate::serde_wire::BlobC)),
        ShapeKind::Document => Some(quote!(crate::serde_wire::Doc)),
        ShapeKind::BigInteger => Some(quote!(crate::serde_wire::BigInt)),
        ShapeKind::BigDecimal => Some(quote!(crate::serde_wire::BigDec)),
        ShapeKind::Timestamp => {
            let fmt = member
                .traits
                .timestamp_format()
                .or_else(|| target.traits.timestamp_format())
                .unwrap_or_else(|| protocol(ctx.plan).json_default_timestamp_format());
            let f = match fmt {
                "date-time" => quote!(crate::serde_wire::DATE_TIME),
                "http-date" => quote!(crate::serde_wire::HTTP_DATE),
                _ => quote!(crate::serde_wire::EPOCH_SECONDS),
            };
            Some(quote!(crate::serde_wire::Ts<{ #f }>))
        }
        ShapeKind::List(m) => {
            let inner = codec(ctx, m, model.expect(&m.target));
            match (target.traits.sparse(), inner) {
                (false, None) => None,
                (false, Some(c)) => Some(quote!(crate::serde_wire::List<#c>)),
                (true, c) => {
                    let c = c.unwrap_or_else(|| quote!(crate::serde_wire::Same));
                    Some(quote!(crate::serde_wire::SparseList<#c>))
                }
            }
        }
        ShapeKind::Map { value, .. } => {
            let inner = codec(ctx, value, model.expect(&value.target));
            match (target.traits.sparse(), inner) {
                (false, None) => None,
                (false, Some(c)) => Some(quote!(crate::serde_wire::Map<#c>)),
                (true, c) => {
                    let c = c.unwrap_or_else(|| quote!(crate::serde_wire::Same));
                    Some(quote!(crate::serde_wire::SparseMap<#c>))
                }
            }
        }
        _ => None,
    }
}

/// The codec for a field or variant, boxed when the Rust value is a `Box` (recursive shapes).
fn field_codec(ctx: &Ctx, member: &Member, target: &Shape, boxed: bool) -> TokenStream {
    let c = codec(ctx, member, target).unwrap_or_else(|| quote!(crate::serde_wire::Same));
    if boxed {
        quote!(crate::serde_wire::Boxed<#c>)
    } else {
        c
    }
}

/// `&value` as something `Serialize` (`value` is an expression of type `&T`).
fn ser_value(ctx: &Ctx, member: &Member, target: &Shape, boxed: bool, value: TokenStream) -> TokenStream {
    match codec(ctx, member, target) {
        None => value,
        Some(c) => {
            let c = if boxed { quote!(crate::serde_wire::Boxed<#c>) } else { c };
            quote!(&crate::serde_wire::with::<#c, _>(#value))
        }
    }
}
