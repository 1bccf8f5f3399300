//! Structures: the struct, its accessors, its builder and (when needed) a redacting `Debug`.
//!
//! The same code renders plain structures, operation inputs and outputs, and error shapes; the
//! differences are the [`StructRole`].

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::Value;

use super::ctx::{deprecated_attr, doc_lines, ident, model_docs, model_summary, path, Ctx};
use crate::model::{Shape, ShapeKind};
use crate::plan::{naming, FieldPlan, RustType};

/// What a structure is used as; decides optionality, fallibility and extra members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StructRole {
    /// A structure in `types`.
    Plain,
    /// An operation's synthetic input: every member optional, `build()` always fallible.
    Input,
    /// An operation's synthetic output.
    Output,
    /// An `@error` structure: carries error metadata.
    Error,
}

/// Everything needed to render one structure.
pub struct StructSpec<'a, 'm> {
    /// The model shape.
    pub shape: &'m Shape,
    /// Rust type name.
    pub name: &'a str,
    /// Absolute path of the type.
    pub path: String,
    /// Absolute path of the builder.
    pub builder_path: String,
    /// The fields, in model order.
    pub fields: Vec<FieldPlan<'m>>,
    /// The role.
    pub role: StructRole,
    /// Docs to use when the model has none for the shape.
    pub fallback_doc: String,
    /// Whether the builder is defined where the type's name is in scope (then doc links use
    /// the short form; rustdoc flags explicit targets that resolve the same as redundant).
    pub builder_sees_type: bool,
}

/// The text smithy-rs prints for redacted values; kept so logs look the same.
const REDACTED: &str = "*** Sensitive Data Redacted ***";

impl StructSpec<'_, '_> {
    /// A doc link to the type, from the builder's module.
    fn type_link(&self) -> String {
        if self.builder_sees_type {
            super::ctx::short_link(self.name)
        } else {
            format!("[`{}`]({})", self.name, self.path)
        }
    }

    fn builder_name(&self) -> String {
        format!("{}Builder", self.name)
    }

    /// Whether the error shape needs a synthetic `message` field (it has no `message`/`Message`).
    fn message_field(&self) -> Option<&FieldPlan<'_>> {
        self.fields.iter().find(|f| f.member.name.eq_ignore_ascii_case("message"))
    }

    fn needs_synthetic_message(&self) -> bool {
        self.role == StructRole::Error && self.message_field().is_none()
    }

    fn field_is_sensitive(&self, ctx: &Ctx, f: &FieldPlan) -> bool {
        self.shape.traits.sensitive() || target_is_sensitive(ctx, f.target)
    }

    fn any_sensitive(&self, ctx: &Ctx) -> bool {
        self.shape.traits.sensitive() || self.fields.iter().any(|f| self.field_is_sensitive(ctx, f))
    }

    fn build_is_fallible(&self) -> bool {
        self.role == StructRole::Input || self.fields.iter().any(|f| !f.optional && f.default.is_none())
    }
}

/// Whether values of this shape are redacted in `Debug` (directly, or as a collection of them).
pub fn target_is_sensitive(ctx: &Ctx, target: &Shape) -> bool {
    if target.traits.sensitive() {
        return true;
    }
    match &target.kind {
        ShapeKind::List(m) => ctx.plan.model.expect(&m.target).traits.sensitive(),
        ShapeKind::Map { key, value } => {
            ctx.plan.model.expect(&key.target).traits.sensitive() || ctx.plan.model.expect(&value.target).traits.sensitive()
        }
        _ => false,
    }
}

/// The struct definition and its inherent impl (accessors, `builder()`), plus `Debug` if redacting.
pub fn render_struct(ctx: &Ctx, spec: &StructSpec) -> TokenStream {
    let name = ident(spec.name);
    let docs = match model_docs(spec.shape.traits.documentation()) {
        d if d.is_empty() => doc_lines(&spec.fallback_doc),
        d => d,
    };
    let deprecated = deprecated_attr(&spec.shape.traits);
    let sensitive = spec.any_sensitive(ctx);
    let derives = if sensitive { quote!(#[derive(Clone, PartialEq)]) } else { quote!(#[derive(Clone, PartialEq, Debug)]) };

    let fields = spec.fields.iter().map(|f| field_def(ctx, f, quote!(pub)));
    let synthetic_message = spec.needs_synthetic_message().then(|| {
        let ty = ctx.option(&ctx.std("String"));
        quote! {
            /// The error message.
            pub message: #ty,
        }
    });
    let meta = match spec.role {
        StructRole::Error => quote!(pub(crate) meta: crate::error::ErrorMetadata,),
        // The request ID of the response the output was read from.
        StructRole::Output => {
            let ty = ctx.option(&ctx.std("String"));
            quote!(pub(crate) _request_id: #ty,)
        }
        _ => TokenStream::new(),
    };
    let request_id = (spec.role == StructRole::Output).then(|| {
        let o = ctx.std("Option");
        quote! {
            impl crate::error::RequestId for #name {
                fn request_id(&self) -> #o<&str> {
                    self._request_id.as_deref()
                }
            }
        }
    });

    let accessors = spec
        .fields
        .iter()
        .filter(|f| !(spec.role == StructRole::Error && f.member.name.eq_ignore_ascii_case("message")))
        .map(|f| accessor(ctx, f));
    let builder_path = path(&spec.builder_path);
    let builder_doc = format!(" Creates a new builder for {}.", super::ctx::short_link(spec.name));
    let debug = sensitive.then(|| debug_impl(ctx, spec, &name, false));

    quote! {
        #docs
        #deprecated
        #[non_exhaustive]
        #derives
        pub struct #name {
            #(#fields)*
            #synthetic_message
            #meta
        }
        impl #name {
            #(#accessors)*
            #[doc = #builder_doc]
            #[inline]
            pub fn builder() -> #builder_path {
                ::std::default::Default::default()
            }
        }
        #debug
        #request_id
    }
}

fn field_def(ctx: &Ctx, f: &FieldPlan, vis: TokenStream) -> TokenStream {
    let name = ident(&f.field);
    let inner = ctx.ty(&f.ty);
    let ty = if f.optional { ctx.option(&inner) } else { inner };
    let mut docs = model_docs(member_doc(f));
    if let Some(original) = naming::field_renamed_from(&f.member.name) {
        let note = format!(" *Note: this member is named `{original}` in the model.*");
        if docs.is_empty() {
            docs = quote!(#[doc = #note]);
        } else {
            docs = quote!(#docs #[doc = ""] #[doc = #note]);
        }
    }
    let allow = docs.is_empty().then(|| quote!(#[allow(missing_docs)]));
    let deprecated = deprecated_attr(&f.member.traits);
    quote! {
        #docs
        #allow
        #deprecated
        #vis #name: #ty,
    }
}

/// A member's doc: its own, else its target's.
pub fn member_doc<'m>(f: &FieldPlan<'m>) -> Option<&'m str> {
    f.member.traits.documentation().or_else(|| f.target.traits.documentation())
}

fn summary_doc(f: &FieldPlan, prefix: &str) -> TokenStream {
    match model_summary(member_doc(f)) {
        Some(s) => doc_lines(&format!("{prefix}{s}")),
        None => doc_lines(prefix.trim_end()),
    }
}

fn accessor(ctx: &Ctx, f: &FieldPlan) -> TokenStream {
    let name = ident(&f.field);
    let deprecated = deprecated_attr(&f.member.traits);
    let o = ctx.std("Option");
    let (ret, body) = match (&f.ty, f.optional) {
        (RustType::Vec(inner), true) => {
            let inner = ctx.ty(inner);
            (quote!(&[#inner]), quote!(self.#name.as_deref().unwrap_or_default()))
        }
        (RustType::Vec(inner), false) => {
            let inner = ctx.ty(inner);
            (quote!(&[#inner]), quote!(&self.#name))
        }
        (RustType::String, true) => (quote!(#o<&str>), quote!(self.#name.as_deref())),
        (RustType::String, false) => (quote!(&str), quote!(&self.#name)),
        (t, true) if t.is_copy() => {
            let t = ctx.ty(t);
            (quote!(#o<#t>), quote!(self.#name))
        }
        (t, false) if t.is_copy() => (ctx.ty(t), quote!(self.#name)),
        (RustType::Boxed(inner), true) => {
            let t = ctx.ty(inner);
            (quote!(#o<&#t>), quote!(self.#name.as_deref()))
        }
        (t, true) => {
            let t = ctx.ty(t);
            (quote!(#o<&#t>), quote!(self.#name.as_ref()))
        }
        (t, false) => {
            let t = ctx.ty(t);
            (quote!(&#t), quote!(&self.#name))
        }
    };
    let mut docs = summary_doc(f, "");
    if docs.is_empty() {
        let text = format!(" The value of [`{0}`](#structfield.{0}).", f.field.trim_start_matches("r#"));
        docs = quote!(#[doc = #text]);
    }
    if f.optional && f.ty.is_vec() {
        let note = format!(
            " Empty when the field is unset; use `.{}.is_none()` to tell unset from empty.",
            f.field.trim_start_matches("r#")
        );
        docs = quote!(#docs #[doc = ""] #[doc = #note]);
    }
    quote! {
        #docs
        #deprecated
        #[inline]
        pub fn #name(&self) -> #ret {
            #body
        }
    }
}

/// A `Debug` impl that prints sensitive fields as a fixed redaction string.
fn debug_impl(ctx: &Ctx, spec: &StructSpec, name: &proc_macro2::Ident, builder: bool) -> TokenStream {
    let label = if builder { spec.builder_name() } else { spec.name.to_owned() };
    let fields = spec.fields.iter().map(|f| {
        let field = ident(&f.field);
        let key = f.field.trim_start_matches("r#");
        if spec.field_is_sensitive(ctx, f) {
            quote!(formatter.field(#key, &#REDACTED);)
        } else {
            quote!(formatter.field(#key, &self.#field);)
        }
    });
    let message = spec.needs_synthetic_message().then(|| quote!(formatter.field("message", &self.message);));
    let meta = (spec.role == StructRole::Error && !builder).then(|| quote!(formatter.field("meta", &self.meta);));
    quote! {
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let mut formatter = f.debug_struct(#label);
                #(#fields)*
                #message
                #meta
                formatter.finish()
            }
        }
    }
}

/// The builder struct and its methods.
pub fn render_builder(ctx: &Ctx, spec: &StructSpec) -> TokenStream {
    let bname = format_ident!("{}", spec.builder_name());
    let doc = format!(" A builder for {}.", spec.type_link());
    let sensitive = spec.any_sensitive(ctx);
    let derives = if sensitive {
        quote!(#[derive(Clone, PartialEq, Default)])
    } else {
        quote!(#[derive(Clone, PartialEq, Default, Debug)])
    };
    let o = ctx.std("Option");
    let fields = spec.fields.iter().map(|f| {
        let name = ident(&f.field);
        let ty = ctx.ty(&f.ty);
        let deprecated = deprecated_attr(&f.member.traits);
        quote!(#deprecated pub(crate) #name: #o<#ty>,)
    });
    let synthetic_message = spec.needs_synthetic_message().then(|| {
        let s = ctx.std("String");
        quote!(pub(crate) message: #o<#s>,)
    });
    let meta_field = (spec.role == StructRole::Error).then(|| quote!(meta: #o<crate::error::ErrorMetadata>,));
    let mut methods: Vec<TokenStream> = spec.fields.iter().map(|f| builder_methods(ctx, spec, f)).collect();
    if spec.needs_synthetic_message() {
        let s = ctx.std("String");
        let into = ctx.std("Into");
        let some = ctx.std("Some");
        methods.push(quote! {
            /// Sets the error message.
            pub fn message(mut self, input: impl #into<#s>) -> Self {
                self.message = #some(input.into());
                self
            }
            /// Sets or clears the error message.
            pub fn set_message(mut self, input: #o<#s>) -> Self {
                self.message = input;
                self
            }
            /// The error message, if set.
            pub fn get_message(&self) -> &#o<#s> {
                &self.message
            }
        });
    }
    if spec.role == StructRole::Error {
        let some = ctx.std("Some");
        methods.push(quote! {
            /// Sets the error metadata (code, message, request ID).
            pub fn meta(mut self, meta: crate::error::ErrorMetadata) -> Self {
                self.meta = #some(meta);
                self
            }
            /// Sets or clears the error metadata.
            pub fn set_meta(&mut self, meta: #o<crate::error::ErrorMetadata>) -> &mut Self {
                self.meta = meta;
                self
            }
        });
    }
    let build = build_fn(ctx, spec);
    let debug = sensitive.then(|| debug_impl(ctx, spec, &bname, true));
    quote! {
        #[doc = #doc]
        #[non_exhaustive]
        #derives
        pub struct #bname {
            #(#fields)*
            #synthetic_message
            #meta_field
        }
        impl #bname {
            #(#methods)*
            #build
        }
        #debug
    }
}

fn builder_methods(ctx: &Ctx, spec: &StructSpec, f: &FieldPlan) -> TokenStream {
    let name = ident(&f.field);
    let setter = ident(&f.setter);
    let getter = ident(&f.getter);
    let deprecated = deprecated_attr(&f.member.traits);
    let o = ctx.std("Option");
    let some = ctx.std("Some");
    let ty = ctx.ty(&f.ty);
    let field_link = format!("[`{0}`]({1}#structfield.{0})", f.field.trim_start_matches("r#"), spec.path);
    let required = (f.member.traits.required() && !f.optional) || (spec.role == StructRole::Input && f.member.traits.required());
    let req_note = if required { " This field is required." } else { "" };
    let set_doc = summary_doc(f, "");
    let sets = format!(" Sets {field_link}.{req_note}");
    let set_doc = if set_doc.is_empty() { quote!(#[doc = #sets]) } else { quote!(#set_doc #[doc = ""] #[doc = #sets]) };

    let first = match &f.ty {
        RustType::Vec(inner) => {
            let (arg, conv) = value_arg(ctx, inner);
            let doc = format!(" Appends an item to {field_link}; use [`{0}`](Self::{0}) to replace the whole list.", f.setter);
            let v = ctx.std("Vec");
            quote! {
                #[doc = #doc]
                #deprecated
                #[inline]
                pub fn #name(mut self, input: #arg) -> Self {
                    let mut v: #v<_> = self.#name.unwrap_or_default();
                    v.push(#conv);
                    self.#name = #some(v);
                    self
                }
            }
        }
        RustType::Map(k, val) => {
            let (karg, kconv) = value_arg_named(ctx, k, quote!(k));
            let (varg, vconv) = value_arg_named(ctx, val, quote!(v));
            let doc = format!(" Inserts an entry into {field_link}; use [`{0}`](Self::{0}) to replace the whole map.", f.setter);
            quote! {
                #[doc = #doc]
                #deprecated
                #[inline]
                pub fn #name(mut self, k: #karg, v: #varg) -> Self {
                    let mut map = self.#name.unwrap_or_default();
                    map.insert(#kconv, #vconv);
                    self.#name = #some(map);
                    self
                }
            }
        }
        other => {
            let (arg, conv) = value_arg(ctx, other);
            quote! {
                #set_doc
                #deprecated
                #[inline]
                pub fn #name(mut self, input: #arg) -> Self {
                    self.#name = #some(#conv);
                    self
                }
            }
        }
    };
    let get_doc = format!(" Returns {field_link}, if set.");
    quote! {
        #first
        #set_doc
        #deprecated
        #[inline]
        pub fn #setter(mut self, input: #o<#ty>) -> Self {
            self.#name = input;
            self
        }
        #[doc = #get_doc]
        #deprecated
        #[inline]
        pub fn #getter(&self) -> &#o<#ty> {
            &self.#name
        }
    }
}

/// The argument type of a single-value builder method and how to store it: strings are taken
/// as `impl Into<String>`, boxed values unboxed, everything else by value.
fn value_arg(ctx: &Ctx, t: &RustType) -> (TokenStream, TokenStream) {
    value_arg_named(ctx, t, quote!(input))
}

pub(crate) fn value_arg_named(ctx: &Ctx, t: &RustType, var: TokenStream) -> (TokenStream, TokenStream) {
    match t {
        RustType::String => {
            let into = ctx.std("Into");
            let s = ctx.std("String");
            (quote!(impl #into<#s>), quote!(#var.into()))
        }
        RustType::Boxed(inner) => {
            let b = ctx.std("Box");
            (ctx.ty(inner), quote!(#b::new(#var)))
        }
        other => (ctx.ty(other), var),
    }
}

fn build_fn(ctx: &Ctx, spec: &StructSpec) -> TokenStream {
    let target = path(&spec.path);
    let fallible = spec.build_is_fallible();
    let ok = ctx.std("Ok");
    let assigns = spec.fields.iter().map(|f| {
        let name = ident(&f.field);
        let value = if f.optional {
            quote!(self.#name)
        } else if let Some(default) = f.default {
            default_expr(ctx, f, default, quote!(self.#name))
        } else {
            let key = f.field.trim_start_matches("r#");
            let detail = format!("{key} was not specified but it is required when building {}", spec.name);
            quote!(self.#name.ok_or_else(|| crate::error::BuildError::missing_field(#key, #detail))?)
        };
        quote!(#name: #value,)
    });
    let message = spec.needs_synthetic_message().then(|| quote!(message: self.message,));
    let meta = match spec.role {
        StructRole::Error => quote!(meta: self.meta.unwrap_or_default(),),
        StructRole::Output => quote!(_request_id: ::std::option::Option::None,),
        _ => TokenStream::new(),
    };
    let value = quote!(#target { #(#assigns)* #message #meta });
    let required: Vec<String> =
        spec.fields.iter().filter(|f| !f.optional && f.default.is_none()).map(|f| format!(" - [`{0}`]({1}#structfield.{0})", f.field.trim_start_matches("r#"), spec.path)).collect();
    if fallible {
        let r = ctx.std("Result");
        let mut doc = format!(" Builds a {}.", spec.type_link());
        if required.is_empty() {
            doc.push_str("\n\n Always succeeds today; the `Result` leaves room for members that become required later.");
        } else {
            doc.push_str("\n\n Fails when one of these fields is unset:\n");
            doc.push_str(&required.join("\n"));
        }
        let docs = doc_lines_raw(&doc);
        quote! {
            #docs
            #[inline]
            pub fn build(self) -> #r<#target, crate::error::BuildError> {
                #ok(#value)
            }
        }
    } else {
        let doc = format!(" Builds a {}.", spec.type_link());
        quote! {
            #[doc = #doc]
            #[inline]
            pub fn build(self) -> #target {
                #value
            }
        }
    }
}

/// Doc lines that already carry their leading space.
fn doc_lines_raw(text: &str) -> TokenStream {
    let lines = text.lines();
    quote!(#(#[doc = #lines])*)
}

/// The expression that fills a defaulted member at `build()`.
pub(crate) fn default_expr(ctx: &Ctx, f: &FieldPlan, default: &Value, slot: TokenStream) -> TokenStream {
    let zero = match default {
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty() && !matches!(f.target.kind, ShapeKind::Enum(_)),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty() && !matches!(f.ty, RustType::Document),
        Value::Null => true,
    };
    if zero && !matches!(f.ty, RustType::DateTime | RustType::Document | RustType::BigInteger | RustType::BigDecimal) {
        return quote!(#slot.unwrap_or_default());
    }
    let value = literal_for(ctx, &f.ty, default);
    let cheap_document = f.ty == RustType::Document && !matches!(default, Value::String(_) | Value::Array(_) | Value::Object(_));
    if f.ty.is_copy() || cheap_document {
        quote!(#slot.unwrap_or(#value))
    } else {
        quote!(#slot.unwrap_or_else(|| #value))
    }
}

/// A Rust expression of the given type for a model default value.
fn literal_for(ctx: &Ctx, ty: &RustType, v: &Value) -> TokenStream {
    use proc_macro2::Literal;
    let num = v.as_f64().unwrap_or(0.0);
    match ty {
        RustType::Bool => {
            let b = v.as_bool().unwrap_or(false);
            quote!(#b)
        }
        RustType::I8 => Literal::i8_suffixed(v.as_i64().unwrap_or(0) as i8).into_token_stream(),
        RustType::I16 => Literal::i16_suffixed(v.as_i64().unwrap_or(0) as i16).into_token_stream(),
        RustType::I32 => Literal::i32_suffixed(v.as_i64().unwrap_or(0) as i32).into_token_stream(),
        RustType::I64 => Literal::i64_suffixed(v.as_i64().unwrap_or(0)).into_token_stream(),
        RustType::F32 | RustType::F64 => {
            let t = if *ty == RustType::F32 { quote!(f32) } else { quote!(f64) };
            match v.as_str() {
                Some("NaN") => quote!(#t::NAN),
                Some("Infinity") => quote!(#t::INFINITY),
                Some("-Infinity") => quote!(#t::NEG_INFINITY),
                _ if *ty == RustType::F32 => Literal::f32_suffixed(num as f32).into_token_stream(),
                _ => Literal::f64_suffixed(num).into_token_stream(),
            }
        }
        RustType::String => {
            let s = v.as_str().unwrap_or_default();
            let to_owned = ctx.std("ToOwned");
            quote!(#to_owned::to_owned(#s))
        }
        RustType::Named(p) => {
            let p = path(p);
            let s = v.as_str().unwrap_or_default();
            quote!(#p::from(#s))
        }
        RustType::DateTime => {
            if let Some(s) = v.as_str() {
                quote!(crate::primitives::DateTime::from_str(#s, crate::primitives::DateTimeFormat::DateTime).unwrap_or(crate::primitives::DateTime::from_secs(0)))
            } else {
                quote!(crate::primitives::DateTime::from_secs_f64(#num))
            }
        }
        RustType::Blob => {
            // Blob defaults are base64 in the model.
            let bytes = base64_decode(v.as_str().unwrap_or_default());
            let bytes = proc_macro2::Literal::byte_string(&bytes);
            quote!(crate::primitives::Blob::new(#bytes.to_vec()))
        }
        RustType::BigInteger | RustType::BigDecimal => {
            let text = match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let p = if *ty == RustType::BigInteger { quote!(crate::primitives::BigInteger) } else { quote!(crate::primitives::BigDecimal) };
            quote!(<#p as ::std::str::FromStr>::from_str(#text).unwrap_or_default())
        }
        RustType::Document => document_literal(v),
        _ => quote!(::std::default::Default::default()),
    }
}

use quote::ToTokens;

/// Standard base64 (padding optional); invalid input decodes to what could be read.
pub(crate) fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes().take_while(|&c| c != b'=') {
        let Some(v) = value(c) else { break };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// A `Document` expression for a JSON value (document defaults, and test parameters).
pub(crate) fn document_literal(v: &Value) -> TokenStream {
    match v {
        Value::Null => quote!(crate::primitives::Document::Null),
        Value::Bool(b) => quote!(crate::primitives::Document::Bool(#b)),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                quote!(crate::primitives::Document::Number(crate::primitives::Number::PosInt(#u)))
            } else if let Some(i) = n.as_i64() {
                quote!(crate::primitives::Document::Number(crate::primitives::Number::NegInt(#i)))
            } else {
                let f = n.as_f64().unwrap_or(0.0);
                quote!(crate::primitives::Document::Number(crate::primitives::Number::Float(#f)))
            }
        }
        Value::String(s) => quote!(crate::primitives::Document::String(::std::string::String::from(#s))),
        Value::Array(items) => {
            let items = items.iter().map(document_literal);
            quote!(crate::primitives::Document::Array(::std::vec![#(#items),*]))
        }
        Value::Object(map) if map.is_empty() => quote!(crate::primitives::Document::Object(::std::collections::HashMap::new())),
        Value::Object(map) => {
            let entries = map.iter().map(|(k, v)| {
                let v = document_literal(v);
                quote!((::std::string::String::from(#k), #v))
            });
            quote!(crate::primitives::Document::Object(::std::collections::HashMap::from([#(#entries),*])))
        }
    }
}
