//! JSON impls of named types: `JsonSer` and `JsonDe` for structures, unions and enums (the
//! protocol adds the response constructor of error structures).

use proc_macro2::TokenStream;
use quote::quote;

use super::values;
use super::JsonRules;
use crate::model::traits::ids;
use crate::model::ShapeKind;
use crate::plan::{naming, FieldPlan, RustType, TypeKind, TypePlan};
use crate::render::ctx::{ident, Ctx};

/// The JSON impls for one named type.
pub fn render(ctx: &Ctx, rules: JsonRules, t: &TypePlan) -> TokenStream {
    match t.kind {
        TypeKind::Structure | TypeKind::Error => structure(ctx, rules, t),
        TypeKind::Union => union(ctx, rules, t),
        TypeKind::Enum => enum_impls(ctx, t),
    }
}

fn structure(ctx: &Ctx, rules: JsonRules, t: &TypePlan) -> TokenStream {
    let shape = ctx.plan.model.expect(&t.id);
    let fields = ctx.plan.fields(shape, false);
    let name = ident(&t.name);
    let sers = fields.iter().map(|f| ser_field(ctx, rules, f, quote!(self), false));
    let body_fields: Vec<&FieldPlan> = fields.iter().collect();
    let parse = parse_object_members(ctx, rules, &body_fields);
    let assigns = fields.iter().map(|f| field_value(ctx, f));
    let extra = (t.kind == TypeKind::Error).then(|| {
        let message = (!fields.iter().any(|f| f.member.name.eq_ignore_ascii_case("message"))).then(|| quote!(message: ::std::option::Option::None,));
        quote!(#message meta: ::std::default::Default::default(),)
    });
    let mut_fields = fields.iter().map(|f| {
        let local = local(f);
        let ty = ctx.ty(&f.ty);
        quote!(let mut #local: ::std::option::Option<#ty> = ::std::option::Option::None;)
    });
    quote! {
        impl crate::json_values::JsonSer for #name {
            #[inline]
            fn ser(&self, w: crate::json::JsonValueWriter<'_>) -> ::std::result::Result<(), crate::json_values::SerError> {
                #[allow(unused_mut)]
                let mut object = w.start_object();
                #(#sers)*
                object.finish();
                ::std::result::Result::Ok(())
            }
        }
        impl crate::json_values::JsonDe for #name {
            #[inline]
            fn de(t: &mut crate::json::JsonTokens<'_>) -> ::std::result::Result<::std::option::Option<Self>, crate::json::JsonError> {
                if !t.expect_start_object_or_null()? {
                    return ::std::result::Result::Ok(::std::option::Option::None);
                }
                #(#mut_fields)*
                #parse
                ::std::result::Result::Ok(::std::option::Option::Some(Self { #(#assigns)* #extra }))
            }
        }
    }
}

/// The local variable that collects a member while parsing.
pub fn local(f: &FieldPlan) -> proc_macro2::Ident {
    quote::format_ident!("field_{}", f.field.trim_start_matches("r#"))
}

/// `field: <local, corrected when the field is not optional>,`
///
/// A `@required` structure or union member is an `Option` but still gets error correction, as
/// smithy-rs clients do: a missing structure becomes its default (built from `{}` when its
/// builder is fallible, so its own required members are corrected too), a missing union
/// `Unknown`.
pub fn field_value(ctx: &Ctx, f: &FieldPlan) -> TokenStream {
    let name = ident(&f.field);
    let local = local(f);
    if f.optional {
        let corrected = (f.member.traits.required() && f.default.is_none() && !f.member.traits.client_optional())
            .then(|| missing_aggregate(ctx, f))
            .flatten();
        match corrected {
            // A union's `Unknown` costs nothing to build, so clippy wants it eagerly.
            Some(value) if matches!(f.target.kind, ShapeKind::Union(_)) => quote!(#name: #local.or(#value),),
            Some(value) => quote!(#name: #local.or_else(|| #value),),
            None => quote!(#name: #local,),
        }
    } else {
        let v = values::corrected(ctx, f, quote!(#local));
        quote!(#name: #v,)
    }
}

/// What a missing `@required` aggregate member becomes (`Option<T>`), or `None` for other kinds.
fn missing_aggregate(ctx: &Ctx, f: &FieldPlan) -> Option<TokenStream> {
    let (inner, boxed) = match &f.ty {
        RustType::Boxed(inner) => (inner.as_ref(), true),
        other => (other, false),
    };
    let RustType::Named(p) = inner else { return None };
    let ty = crate::render::ctx::path(p);
    let value = match &f.target.kind {
        ShapeKind::Union(_) => quote!(#ty::Unknown),
        ShapeKind::Structure(_) => {
            let fallible = ctx.plan.fields(f.target, false).iter().any(|m| !m.optional && m.default.is_none());
            if fallible {
                // Parsing `{}` applies the nested structure's own corrections.
                let parsed = quote!(crate::json_values::de_body::<#ty>(b"{}").ok().flatten());
                return Some(if boxed { quote!(#parsed.map(::std::boxed::Box::new)) } else { parsed });
            }
            quote!(#ty::builder().build())
        }
        _ => return None,
    };
    let value = if boxed { quote!(::std::boxed::Box::new(#value)) } else { value };
    Some(quote!(::std::option::Option::Some(#value)))
}

/// Statements reading the members in `fields` from the response `body` (a JSON object; an
/// empty body reads as `{}`) into their locals; nothing when `fields` is empty.
pub fn parse_body_object(ctx: &Ctx, rules: JsonRules, fields: &[&FieldPlan]) -> TokenStream {
    if fields.is_empty() {
        return TokenStream::new();
    }
    let parse = parse_object_members(ctx, rules, fields);
    quote! {
        if !body.iter().all(u8::is_ascii_whitespace) {
            let mut tokens = crate::json::JsonTokens::new(body);
            let t = &mut tokens;
            let result = (|| -> ::std::result::Result<(), crate::json::JsonError> {
                t.expect_start_object()?;
                #parse
                t.finish()
            })();
            result?;
        }
    }
}

/// The loop that reads the members of a JSON object into their locals (the `{` is consumed).
pub fn parse_object_members(ctx: &Ctx, rules: JsonRules, fields: &[&FieldPlan]) -> TokenStream {
    if fields.is_empty() {
        return quote! {
            while t.next_key()?.is_some() {
                t.skip_value()?;
            }
        };
    }
    let arms = fields.iter().map(|f| {
        let key = rules.key(f.member);
        let local = local(f);
        let value = values::de(ctx, f.member.traits.timestamp_format(), f.target);
        let value = if matches!(f.ty, RustType::Boxed(_)) { quote!(#value.map(::std::boxed::Box::new)) } else { value };
        quote!(#key => #local = #value,)
    });
    quote! {
        while let ::std::option::Option::Some(key) = t.next_key()? {
            match key.as_ref() {
                #(#arms)*
                _ => t.skip_value()?,
            }
        }
    }
}

/// Writes one member of `owner` (an expression with the field) into `object`.
///
/// Optional members are written when set. A non-optional number or boolean equal to zero is
/// skipped (the service treats absence as zero) unless the member is required, has
/// `@addedDefault` or `@clientOptional`, or `always` is set.
pub fn ser_field(ctx: &Ctx, rules: JsonRules, f: &FieldPlan, owner: TokenStream, always: bool) -> TokenStream {
    let name = ident(&f.field);
    let key = rules.key(f.member);
    let fmt = f.member.traits.timestamp_format();
    if f.optional {
        let write = values::ser(ctx, quote!(value), fmt, f.target, quote!(object.key(#key)));
        return quote! {
            if let ::std::option::Option::Some(value) = &#owner.#name {
                #write
            }
        };
    }
    let write = values::ser(ctx, quote!(&#owner.#name), fmt, f.target, quote!(object.key(#key)));
    let keep = always || f.member.traits.required() || f.member.traits.added_default() || f.member.traits.client_optional();
    let non_zero = match f.ty {
        RustType::Bool => Some(quote!(#owner.#name)),
        RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 => Some(quote!(#owner.#name != 0)),
        RustType::F32 | RustType::F64 => Some(quote!(#owner.#name != 0.0)),
        _ => None,
    };
    match non_zero {
        Some(non_zero) if !keep => quote! {
            if #non_zero {
                #write
            }
        },
        _ => write,
    }
}

fn union(ctx: &Ctx, rules: JsonRules, t: &TypePlan) -> TokenStream {
    let shape = ctx.plan.model.expect(&t.id);
    let ShapeKind::Union(members) = &shape.kind else { return TokenStream::new() };
    let name = ident(&t.name);
    let union_name = t.id.name();
    let mut ser_arms = Vec::new();
    let mut de_arms = Vec::new();
    for m in members {
        let v = ident(&naming::union_variant_name(&m.name));
        let key = rules.key(m);
        let target = ctx.plan.model.expect(&m.target);
        if target.traits.has(ids::UNIT_TYPE) {
            ser_arms.push(quote!(Self::#v => object.key(#key).start_object().finish(),));
            de_arms.push(quote!(#key => {
                if t.expect_start_object_or_null()? {
                    while t.next_key()?.is_some() {
                        t.skip_value()?;
                    }
                    ::std::option::Option::Some(Self::#v)
                } else {
                    ::std::option::Option::None
                }
            }));
        } else {
            let boxed = ctx.plan.boxed.contains(&shape.id.with_member(&m.name));
            let write = values::ser(ctx, quote!(value), m.traits.timestamp_format(), target, quote!(object.key(#key)));
            ser_arms.push(quote!(Self::#v(value) => { #write }));
            let read = values::de(ctx, m.traits.timestamp_format(), target);
            let wrap = if boxed { quote!(|v| Self::#v(::std::boxed::Box::new(v))) } else { quote!(Self::#v) };
            de_arms.push(quote!(#key => #read.map(#wrap),));
        }
    }
    quote! {
        impl crate::json_values::JsonSer for #name {
            #[inline]
            fn ser(&self, w: crate::json::JsonValueWriter<'_>) -> ::std::result::Result<(), crate::json_values::SerError> {
                let mut object = w.start_object();
                match self {
                    #(#ser_arms)*
                    Self::Unknown => return ::std::result::Result::Err(crate::json_values::SerError::unknown_variant(#union_name)),
                }
                object.finish();
                ::std::result::Result::Ok(())
            }
        }
        impl crate::json_values::JsonDe for #name {
            #[inline]
            fn de(t: &mut crate::json::JsonTokens<'_>) -> ::std::result::Result<::std::option::Option<Self>, crate::json::JsonError> {
                if !t.expect_start_object_or_null()? {
                    return ::std::result::Result::Ok(::std::option::Option::None);
                }
                let mut variant: ::std::option::Option<Self> = ::std::option::Option::None;
                while let ::std::option::Option::Some(key) = t.next_key()? {
                    // Members set to null, and the `__type` marker some services add, are not variants.
                    if key.as_ref() == "__type" || crate::json_values::next_is_null(t)? {
                        t.skip_value()?;
                        continue;
                    }
                    let value = match key.as_ref() {
                        #(#de_arms)*
                        _ => {
                            t.skip_value()?;
                            ::std::option::Option::Some(Self::Unknown)
                        }
                    };
                    if let ::std::option::Option::Some(value) = value {
                        if variant.is_some() {
                            return ::std::result::Result::Err(t.error("encountered mixed variants in union"));
                        }
                        variant = ::std::option::Option::Some(value);
                    }
                }
                match variant {
                    ::std::option::Option::Some(v) => ::std::result::Result::Ok(::std::option::Option::Some(v)),
                    ::std::option::Option::None => ::std::result::Result::Err(t.error("a union must have exactly one member set")),
                }
            }
        }
    }
}

fn enum_impls(_ctx: &Ctx, t: &TypePlan) -> TokenStream {
    let name = ident(&t.name);
    quote! {
        impl crate::json_values::JsonSer for #name {
            #[inline]
            fn ser(&self, w: crate::json::JsonValueWriter<'_>) -> ::std::result::Result<(), crate::json_values::SerError> {
                w.string(self.as_str());
                ::std::result::Result::Ok(())
            }
        }
        impl crate::json_values::JsonDe for #name {
            #[inline]
            fn de(t: &mut crate::json::JsonTokens<'_>) -> ::std::result::Result<::std::option::Option<Self>, crate::json::JsonError> {
                ::std::result::Result::Ok(t.expect_string_or_null()?.map(|s| Self::from(s.as_ref())))
            }
        }
    }
}
