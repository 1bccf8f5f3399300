//! Unions (a map with exactly one member set, as on the wire) and string enums (their wire
//! value; unknown values are kept and written back unchanged).

use proc_macro2::TokenStream;
use quote::quote;

use super::{field_codec, protocol, ser_value};
use crate::model::traits::ids;
use crate::model::ShapeKind;
use crate::plan::{naming, TypePlan};
use crate::render::ctx::{ident, path, Ctx};

/// A union: `{"Key": value}`, a unit member as `{"Key": {}}`.
///
/// Reading skips members set to `null` and the `__type` marker some services add, reads an
/// unknown member as `Unknown`, and refuses zero or several members, as the response parsers
/// do. `Unknown` holds no value, so writing it is an error (the crate's serializer refuses it
/// too).
pub fn render_union(ctx: &Ctx, t: &TypePlan) -> TokenStream {
    let shape = ctx.plan.model.expect(&t.id);
    let ShapeKind::Union(members) = &shape.kind else { return TokenStream::new() };
    let ty = path(&t.path());
    let union_name = t.id.name();
    let mut ser_arms = Vec::new();
    let mut de_arms = Vec::new();
    for m in members {
        let v = ident(&naming::union_variant_name(&m.name));
        let key = protocol(ctx.plan).json_key(m);
        let target = ctx.plan.model.expect(&m.target);
        if target.traits.has(ids::UNIT_TYPE) {
            ser_arms.push(quote!(#ty::#v => map.serialize_entry(#key, &crate::serde_wire::Unit)?,));
            de_arms.push(quote!(#key => {
                if crate::serde_wire::skip(&mut map)? {
                    ::std::option::Option::None
                } else {
                    ::std::option::Option::Some(#ty::#v)
                }
            }));
        } else {
            let boxed = ctx.plan.boxed.contains(&shape.id.with_member(&m.name));
            let value = ser_value(ctx, m, target, boxed, quote!(value));
            ser_arms.push(quote!(#ty::#v(value) => map.serialize_entry(#key, #value)?,));
            let codec = field_codec(ctx, m, target, boxed);
            de_arms.push(quote!(#key => crate::serde_wire::next::<_, #codec, _>(&mut map)?.map(#ty::#v),));
        }
    }
    let expecting = format!("a `{union_name}` union");
    quote! {
        impl ::serde::Serialize for #ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                if let #ty::Unknown = self {
                    return ::std::result::Result::Err(crate::serde_wire::unknown_variant::<S::Error>(#union_name));
                }
                let mut map = serializer.serialize_map(::std::option::Option::Some(1))?;
                match self {
                    #(#ser_arms)*
                    #ty::Unknown => {}
                }
                map.end()
            }
        }
        impl<'de> ::serde::Deserialize<'de> for #ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct Visitor;
                impl<'de> ::serde::de::Visitor<'de> for Visitor {
                    type Value = #ty;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<Self::Value, A::Error> {
                        let mut variant: ::std::option::Option<#ty> = ::std::option::Option::None;
                        while let ::std::option::Option::Some(key) = map.next_key::<crate::serde_wire::Key<'de>>()? {
                            let value = match key.as_str() {
                                "__type" => {
                                    crate::serde_wire::skip(&mut map)?;
                                    ::std::option::Option::None
                                }
                                #(#de_arms)*
                                _ => {
                                    if crate::serde_wire::skip(&mut map)? {
                                        ::std::option::Option::None
                                    } else {
                                        ::std::option::Option::Some(#ty::Unknown)
                                    }
                                }
                            };
                            if let ::std::option::Option::Some(value) = value {
                                if variant.is_some() {
                                    return ::std::result::Result::Err(::serde::de::Error::custom("encountered mixed variants in union"));
                                }
                                variant = ::std::option::Option::Some(value);
                            }
                        }
                        variant.ok_or_else(|| ::serde::de::Error::custom("a union must have exactly one member set"))
                    }
                }
                deserializer.deserialize_map(Visitor)
            }
        }
    }
}

/// A string enum: its wire value, known or not.
pub fn render_enum(_ctx: &Ctx, t: &TypePlan) -> TokenStream {
    let ty = path(&t.path());
    quote! {
        impl ::serde::Serialize for #ty {
            #[inline]
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::serde::Deserialize<'de> for #ty {
            #[inline]
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <crate::serde_wire::Key<'de> as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
                ::std::result::Result::Ok(#ty::from(value.as_str()))
            }
        }
    }
}
