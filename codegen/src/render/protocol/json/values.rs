//! Per-member JSON rules: how a value of a shape is written and read, honouring
//! `@timestampFormat` and `@sparse`, and what a missing required member becomes. (Member keys,
//! which depend on the protocol, are [`super::JsonRules::key`].)

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Shape, ShapeKind};
use crate::plan::{FieldPlan, RustType};
use crate::render::ctx::{path, Ctx};

/// The timestamp format of a member targeting `target`, as a runtime path; `None` for the
/// protocol default (`default` is what restJson1 uses in that position).
pub fn timestamp_format(member_fmt: Option<&str>, target: &Shape, default: &str) -> Option<TokenStream> {
    if !matches!(target.kind, ShapeKind::Timestamp) {
        return None;
    }
    let fmt = member_fmt.or_else(|| target.traits.timestamp_format()).unwrap_or(default);
    Some(format_path(fmt))
}

/// `crate::primitives::DateTimeFormat::X` for a Smithy format name.
pub fn format_path(fmt: &str) -> TokenStream {
    match fmt {
        "date-time" => quote!(crate::primitives::DateTimeFormat::DateTime),
        "http-date" => quote!(crate::primitives::DateTimeFormat::HttpDate),
        _ => quote!(crate::primitives::DateTimeFormat::EpochSeconds),
    }
}

/// Whether values of this member cannot use the generic `JsonSer`/`JsonDe` impls: a timestamp
/// in a non-default format, or a collection that is sparse or holds such values.
fn needs_inline(ctx: &Ctx, member_fmt: Option<&str>, target: &Shape) -> bool {
    match &target.kind {
        ShapeKind::Timestamp => member_fmt.or_else(|| target.traits.timestamp_format()).is_some_and(|f| f != "epoch-seconds"),
        ShapeKind::List(m) => target.traits.sparse() || needs_inline(ctx, m.traits.timestamp_format(), ctx.plan.model.expect(&m.target)),
        ShapeKind::Map { value, .. } => {
            target.traits.sparse() || needs_inline(ctx, value.traits.timestamp_format(), ctx.plan.model.expect(&value.target))
        }
        _ => false,
    }
}

/// Statements writing `value` (an expression of type `&T`) into the writer expression `w`, in a
/// function returning `Result<_, crate::json_values::SerError>`.
pub fn ser(ctx: &Ctx, value: TokenStream, member_fmt: Option<&str>, target: &Shape, w: TokenStream) -> TokenStream {
    if !needs_inline(ctx, member_fmt, target) {
        return quote!(crate::json_values::JsonSer::ser(#value, #w)?;);
    }
    let model = ctx.plan.model;
    match &target.kind {
        ShapeKind::Timestamp => {
            let fmt = timestamp_format(member_fmt, target, "epoch-seconds");
            quote!(crate::json_values::ser_timestamp(#w, #value, #fmt)?;)
        }
        ShapeKind::List(m) => {
            let elem = ser(ctx, quote!(item), m.traits.timestamp_format(), model.expect(&m.target), quote!(array.value()));
            let body = if target.traits.sparse() {
                quote!(match item { ::std::option::Option::Some(item) => { #elem } ::std::option::Option::None => array.value().null(), })
            } else {
                elem
            };
            quote! {{
                let mut array = #w.start_array();
                for item in #value {
                    #body
                }
                array.finish();
            }}
        }
        ShapeKind::Map { value: vm, .. } => {
            let elem = ser(ctx, quote!(item), vm.traits.timestamp_format(), model.expect(&vm.target), quote!(object.key(::std::convert::AsRef::<str>::as_ref(key))));
            let body = if target.traits.sparse() {
                quote!(match item {
                    ::std::option::Option::Some(item) => { #elem }
                    ::std::option::Option::None => object.key(::std::convert::AsRef::<str>::as_ref(key)).null(),
                })
            } else {
                elem
            };
            quote! {{
                let mut object = #w.start_object();
                for (key, item) in #value {
                    #body
                }
                object.finish();
            }}
        }
        _ => quote!(crate::json_values::JsonSer::ser(#value, #w)?;),
    }
}

/// An expression of type `Option<T>` reading the next value from `t` (a `&mut JsonTokens`), in
/// a function returning `Result<_, JsonError>`.
pub fn de(ctx: &Ctx, member_fmt: Option<&str>, target: &Shape) -> TokenStream {
    let ty = ctx.ty(&ctx.plan.shape_type(&target.id));
    if !needs_inline(ctx, member_fmt, target) {
        return quote!(<#ty as crate::json_values::JsonDe>::de(t)?);
    }
    let model = ctx.plan.model;
    match &target.kind {
        ShapeKind::Timestamp => {
            let fmt = timestamp_format(member_fmt, target, "epoch-seconds");
            quote!(crate::json_values::de_timestamp(t, #fmt)?)
        }
        ShapeKind::List(m) => {
            let elem = de(ctx, m.traits.timestamp_format(), model.expect(&m.target));
            let push = if target.traits.sparse() {
                quote!(items.push(#elem);)
            } else {
                quote!(match #elem {
                    ::std::option::Option::Some(v) => items.push(v),
                    ::std::option::Option::None => return ::std::result::Result::Err(t.error("dense list cannot contain null values")),
                })
            };
            quote! {
                if t.expect_start_array_or_null()? {
                    let mut items = ::std::vec::Vec::new();
                    while t.array_has_next()? {
                        #push
                    }
                    ::std::option::Option::Some(items)
                } else {
                    ::std::option::Option::None
                }
            }
        }
        ShapeKind::Map { key, value } => {
            let key_ty = ctx.ty(&ctx.plan.shape_type(&key.target));
            let elem = de(ctx, value.traits.timestamp_format(), model.expect(&value.target));
            let insert = if target.traits.sparse() {
                quote!(map.insert(<#key_ty as ::std::convert::From<&str>>::from(&key), #elem);)
            } else {
                quote!(match #elem {
                    ::std::option::Option::Some(v) => { map.insert(<#key_ty as ::std::convert::From<&str>>::from(&key), v); }
                    ::std::option::Option::None => return ::std::result::Result::Err(t.error("dense map cannot contain null values")),
                })
            };
            quote! {
                if t.expect_start_object_or_null()? {
                    let mut map = ::std::collections::HashMap::new();
                    while let ::std::option::Option::Some(key) = t.next_key()? {
                        #insert
                    }
                    ::std::option::Option::Some(map)
                } else {
                    ::std::option::Option::None
                }
            }
        }
        _ => quote!(<#ty as crate::json_values::JsonDe>::de(t)?),
    }
}

/// The value of a non-optional field whose local `slot: Option<T>` may be empty after parsing:
/// the "error correction" value smithy-rs clients use for a `@required` member, so that a
/// response missing it still parses, else the model's default.
///
/// Error correction wins over `@default`, as in smithy-rs (it corrects the builder before
/// `build()` applies defaults): a missing `UserProficiency.Level` (`@default(1)`) reads as `0.0`.
pub fn corrected(ctx: &Ctx, f: &FieldPlan, slot: TokenStream) -> TokenStream {
    if let Some(default) = f.default.filter(|_| !f.member.traits.required()) {
        return crate::render::structure::default_expr(ctx, f, default, slot);
    }
    match &f.ty {
        RustType::Named(p) if matches!(f.target.kind, ShapeKind::Enum(_)) => {
            let p = path(p);
            quote!(#slot.unwrap_or_else(|| #p::from("no value was set")))
        }
        RustType::DateTime => quote!(#slot.unwrap_or_else(|| crate::primitives::DateTime::from_secs(0))),
        RustType::Document => quote!(#slot.unwrap_or(crate::primitives::Document::Null)),
        _ => quote!(#slot.unwrap_or_default()),
    }
}
