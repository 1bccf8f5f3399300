//! Structures (plain, errors, operation inputs and outputs) and their builders: a map of the
//! members that are set, keyed as the protocol keys them.
//!
//! What is written is what the crate's own JSON serializer writes for a body: optional members
//! when set, and non-optional numbers and booleans that are zero only when the member is
//! `@required`, `@addedDefault` or `@clientOptional` (the service reads absence as zero).
//! Reading ignores unknown keys and `null`; a missing optional member reads back as `None` (no
//! error correction, so a value round-trips), a missing non-optional one as the response parsers
//! fill it in (the model's default, else the "error correction" value).
//!
//! Operation inputs and outputs keep every member, also those bound to HTTP (labels, query,
//! headers, status code), under their member name, so that a value round-trips; the request
//! body of an input is this JSON without the HTTP-bound members.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{field_codec, protocol, ser_value};
use crate::model::{Shape, ShapeKind};
use crate::plan::{FieldPlan, RustType};
use crate::render::ctx::{ident, path, Ctx};

/// One structure to render.
pub struct Spec<'a, 'm> {
    /// The model shape.
    pub shape: &'m Shape,
    /// The Rust type's path.
    pub path: TokenStream,
    /// Its fields.
    pub fields: &'a [FieldPlan<'m>],
    /// An `@error` structure (error metadata, maybe a synthetic `message`).
    pub error: bool,
    /// An operation output (a private request ID that is not serialized).
    pub output: bool,
}

impl Spec<'_, '_> {
    fn synthetic_message(&self) -> bool {
        self.error && !self.fields.iter().any(|f| f.member.name.eq_ignore_ascii_case("message"))
    }
}

fn key(ctx: &Ctx, f: &FieldPlan) -> String {
    protocol(ctx.plan).json_key(f.member)
}

fn boxed(f: &FieldPlan) -> bool {
    matches!(f.ty, RustType::Boxed(_))
}

fn local(f: &FieldPlan) -> proc_macro2::Ident {
    format_ident!("field_{}", f.field.trim_start_matches("r#"))
}

/// `(present, write)`: whether a field is written, and the statement writing it into `map`.
fn write_field(ctx: &Ctx, f: &FieldPlan, all_optional: bool) -> (TokenStream, TokenStream) {
    let name = ident(&f.field);
    let key = key(ctx, f);
    if f.optional || all_optional {
        let value = ser_value(ctx, f.member, f.target, boxed(f), quote!(value));
        return (
            quote!(self.#name.is_some()),
            quote! {
                if let ::std::option::Option::Some(value) = &self.#name {
                    map.serialize_entry(#key, #value)?;
                }
            },
        );
    }
    let value = ser_value(ctx, f.member, f.target, boxed(f), quote!(&self.#name));
    let write = quote!(map.serialize_entry(#key, #value)?;);
    let t = &f.member.traits;
    let keep = t.required() || t.added_default() || t.client_optional();
    let non_zero = match f.ty {
        RustType::Bool => Some(quote!(self.#name)),
        RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 => Some(quote!(self.#name != 0)),
        RustType::F32 | RustType::F64 => Some(quote!(self.#name != 0.0)),
        _ => None,
    };
    match non_zero {
        Some(non_zero) if !keep => (quote!(#non_zero), quote!(if #non_zero { #write })),
        _ => (quote!(true), write),
    }
}

/// `impl Serialize` writing the given fields of `self` (a struct or a builder).
fn serialize_impl(ctx: &Ctx, spec: &Spec, ty: &TokenStream, all_optional: bool) -> TokenStream {
    let mut present = Vec::new();
    let mut writes = Vec::new();
    for f in spec.fields {
        let (p, w) = write_field(ctx, f, all_optional);
        present.push(p);
        writes.push(w);
    }
    if spec.synthetic_message() {
        present.push(quote!(self.message.is_some()));
        writes.push(quote! {
            if let ::std::option::Option::Some(value) = &self.message {
                map.serialize_entry("message", value)?;
            }
        });
    }
    let map_mut = (!writes.is_empty()).then(|| quote!(mut));
    // How many entries: the members always written, plus those that are set.
    let always = present.iter().filter(|p| p.to_string() == "true").count();
    let mut terms: Vec<TokenStream> = present.iter().filter(|p| p.to_string() != "true").map(|p| quote!(usize::from(#p))).collect();
    if always > 0 || terms.is_empty() {
        terms.insert(0, quote!(#always));
    }
    let len = quote!(#(#terms)+*);
    quote! {
        impl ::serde::Serialize for #ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                let len = #len;
                let #map_mut map = serializer.serialize_map(::std::option::Option::Some(len))?;
                #(#writes)*
                map.end()
            }
        }
    }
}

/// The body of `visit_map`: locals for every field, filled from the map's entries.
fn read_fields(ctx: &Ctx, spec: &Spec) -> (TokenStream, TokenStream) {
    let mut locals = Vec::new();
    let mut arms = Vec::new();
    for f in spec.fields {
        let l = local(f);
        let ty = ctx.ty(&f.ty);
        let codec = field_codec(ctx, f.member, f.target, boxed(f));
        let key = key(ctx, f);
        locals.push(quote!(let mut #l: ::std::option::Option<#ty> = ::std::option::Option::None;));
        arms.push(quote!(#key => #l = crate::serde_wire::next::<_, #codec, _>(&mut map)?,));
    }
    if spec.synthetic_message() {
        locals.push(quote!(let mut field_message: ::std::option::Option<::std::string::String> = ::std::option::Option::None;));
        arms.push(quote!("message" => field_message = crate::serde_wire::next::<_, crate::serde_wire::Same, _>(&mut map)?,));
    }
    let read = if arms.is_empty() {
        quote! {
            while map.next_key::<::serde::de::IgnoredAny>()?.is_some() {
                map.next_value::<::serde::de::IgnoredAny>()?;
            }
        }
    } else {
        quote! {
            #(#locals)*
            while let ::std::option::Option::Some(key) = map.next_key::<crate::serde_wire::Key<'de>>()? {
                match key.as_str() {
                    #(#arms)*
                    _ => {
                        crate::serde_wire::skip(&mut map)?;
                    }
                }
            }
        }
    };
    let map_mut = quote!(mut);
    (map_mut, read)
}

/// `impl Deserialize` for a type built by `construct` from the locals of [`read_fields`].
fn deserialize_impl(ty: &TokenStream, what: &str, read: TokenStream, construct: TokenStream) -> TokenStream {
    let expecting = format!("a `{what}` structure");
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct Visitor;
                impl<'de> ::serde::de::Visitor<'de> for Visitor {
                    type Value = #ty;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }
                    #[allow(clippy::field_reassign_with_default)]
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<Self::Value, A::Error> {
                        #read
                        ::std::result::Result::Ok(#construct)
                    }
                }
                deserializer.deserialize_map(Visitor)
            }
        }
    }
}

/// `Serialize` and `Deserialize` for the structure itself.
pub fn render(ctx: &Ctx, spec: &Spec) -> TokenStream {
    let ty = &spec.path;
    let ser = serialize_impl(ctx, spec, ty, false);
    let (_, read) = read_fields(ctx, spec);
    let assigns = spec.fields.iter().map(|f| field_value(ctx, f));
    let message = spec.synthetic_message().then(|| quote!(message: field_message,));
    let meta = spec.error.then(|| quote!(meta: ::std::default::Default::default(),));
    let request_id = spec.output.then(|| quote!(_request_id: ::std::option::Option::None,));
    let construct = quote!(#ty { #(#assigns)* #message #meta #request_id });
    let de = deserialize_impl(ty, spec.shape.id.name(), read, construct);
    quote!(#ser #de)
}

/// `Serialize` and `Deserialize` for the builder: the same map, every member optional and
/// nothing filled in, so a partly built value round-trips as it is.
pub fn render_builder(ctx: &Ctx, spec: &Spec, builder: TokenStream) -> TokenStream {
    let ser = serialize_impl(ctx, spec, &builder, true);
    let (_, read) = read_fields(ctx, spec);
    // Through `Default`: the builder's error metadata is private to its module.
    let assigns = spec.fields.iter().map(|f| {
        let name = ident(&f.field);
        let l = local(f);
        quote!(builder.#name = #l;)
    });
    let message = spec.synthetic_message().then(|| quote!(builder.message = field_message;));
    let builder_mut = (!spec.fields.is_empty() || spec.synthetic_message()).then(|| quote!(mut));
    let construct = quote!({
        let #builder_mut builder: #builder = ::std::default::Default::default();
        #(#assigns)*
        #message
        builder
    });
    let de = deserialize_impl(&builder, &format!("{} builder", spec.shape.id.name()), read, construct);
    quote!(#ser #de)
}

/// `field: <local, corrected when the field is not optional>,`, as the response parsers do.
fn field_value(ctx: &Ctx, f: &FieldPlan) -> TokenStream {
    let name = ident(&f.field);
    let l = local(f);
    let t = &f.member.traits;
    if f.optional {
        // Unlike the response parsers, no error correction: an unset member reads back unset.
        return quote!(#name: #l,);
    }
    let value = if let Some(default) = f.default.filter(|_| !t.required()) {
        crate::render::structure::default_expr(ctx, f, default, quote!(#l))
    } else {
        match &f.ty {
            RustType::Named(p) if matches!(f.target.kind, ShapeKind::Enum(_)) => {
                let p = path(p);
                quote!(#l.unwrap_or_else(|| #p::from("no value was set")))
            }
            RustType::DateTime => quote!(#l.unwrap_or_else(|| crate::primitives::DateTime::from_secs(0))),
            RustType::Document => quote!(#l.unwrap_or(crate::primitives::Document::Null)),
            _ => quote!(#l.unwrap_or_default()),
        }
    };
    quote!(#name: #value,)
}
