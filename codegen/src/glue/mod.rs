//! Glue for the differential test against a smithy-rs SDK crate of the same model.
//!
//! [`render`] writes, for every type and operation of a [`Plan`], the code that lets one test
//! drive both crates with the same values: conversions from our values to the SDK's (inputs and
//! what they reach) and back (outputs, errors and what they reach), seeded random values, the
//! JSON a service would write for outputs and errors, and the normalisation of request bodies
//! (`f32` members at their own precision). The traits it implements (`ToSdk`, `ToOurs`, `Arb`,
//! `ToJson`, `Norm`, `DiffOp`) live in the test crate (`difftest/src/support.rs`, `lib.rs`);
//! generating the impls keeps them honest for all operations at once.
//!
//! The SDK uses the same naming rules as our crate, so every path on its side is ours with the
//! crate name swapped.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::error::{Error, Result};
use crate::model::traits::ids;
use crate::model::{Member, Shape, ShapeId, ShapeKind};
use crate::plan::{naming, FieldPlan, OperationPlan, Plan, TypeKind, TypePlan};
use crate::render::ctx::{ident, path};

/// How deep random values nest (structures and collections count one level each).
const DEPTH: u32 = 4;

/// The glue files (relative to the glue module directory), formatted.
pub fn render(plan: &Plan, sdk_crate: &str) -> Result<BTreeMap<String, String>> {
    let g = Glue::new(plan, sdk_crate);
    let mut files = BTreeMap::new();
    let parts: [(&str, TokenStream); 7] = [
        ("mod.rs", g.module()),
        ("to_sdk.rs", with_support(g.to_sdk())),
        ("to_ours.rs", with_support(g.to_ours()?)),
        ("arb.rs", with_support(g.arb())),
        ("json.rs", with_support(g.json()?)),
        ("operations.rs", g.operations()?),
        ("types.rs", g.types()),
    ];
    for (name, tokens) in parts {
        files.insert(name.to_owned(), crate::format::rust_file(name, tokens)?);
    }
    Ok(files)
}

/// A glue file's items, after `use crate::support::*;` (the traits and helpers they use).
fn with_support(items: TokenStream) -> TokenStream {
    quote! {
        use crate::support::*;
        #items
    }
}

struct Glue<'p, 'm> {
    plan: &'p Plan<'m>,
    ours: String,
    theirs: String,
    /// restJson1 (HTTP bindings, `@jsonName`), else awsJson.
    rest: bool,
    /// Named types reachable from operation inputs.
    input_types: BTreeSet<ShapeId>,
    /// Named types reachable from operation outputs and errors.
    output_types: BTreeSet<ShapeId>,
}

/// Where a member of an operation input or output travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Binding {
    Label,
    Query,
    Header,
    Body,
    Other,
}

/// Where a member travels: by its HTTP binding traits with restJson1 (`rest`); always in the
/// body with awsJson, which ignores them.
fn binding(rest: bool, m: &Member) -> Binding {
    let t = &m.traits;
    if !rest {
        Binding::Body
    } else if t.http_label() {
        Binding::Label
    } else if t.http_query().is_some() {
        Binding::Query
    } else if t.http_header().is_some() {
        Binding::Header
    } else if t.http_query_params() || t.http_prefix_headers().is_some() || t.http_payload() || t.http_response_code() {
        Binding::Other
    } else {
        Binding::Body
    }
}

/// A member's JSON key: `@jsonName` counts with restJson1 (`rest`) only.
fn json_key(rest: bool, m: &Member) -> String {
    match m.traits.json_name() {
        Some(name) if rest => name.to_owned(),
        _ => m.name.clone(),
    }
}

impl<'p, 'm> Glue<'p, 'm> {
    fn new(plan: &'p Plan<'m>, sdk_crate: &str) -> Self {
        let mut inputs = Vec::new();
        let mut outputs = Vec::new();
        for op in &plan.operations {
            inputs.push(op.input.clone());
            outputs.push(op.output.clone());
            outputs.extend(op.errors.iter().cloned());
        }
        let input_types = reachable(plan, inputs);
        let output_types = reachable(plan, outputs);
        Glue {
            plan,
            ours: plan.service.crate_name.replace('-', "_"),
            theirs: sdk_crate.to_owned(),
            rest: plan.model.expect(&plan.service.id).traits.has(ids::REST_JSON1),
            input_types,
            output_types,
        }
    }

    /// A `crate::...` path of our crate, from the glue crate.
    fn ours_path(&self, p: &str) -> TokenStream {
        path(&p.replacen("crate", &self.ours, 1))
    }

    /// The same item in the SDK crate.
    fn theirs_path(&self, p: &str) -> TokenStream {
        path(&p.replacen("crate", &self.theirs, 1))
    }

    fn types_in<'a>(&'a self, set: &'a BTreeSet<ShapeId>) -> impl Iterator<Item = &'p TypePlan> + 'a {
        set.iter().filter_map(|id| self.plan.type_of(id))
    }

    fn op_paths(&self, op: &OperationPlan) -> OpPaths {
        let m = &op.module;
        let p = |root: &str, name: &str| path(&format!("{root}::operation::{m}::{name}"));
        OpPaths {
            input: p(&self.ours, &op.input_name),
            output: p(&self.ours, &op.output_name),
            sdk_input: p(&self.theirs, &op.input_name),
            sdk_output: p(&self.theirs, &op.output_name),
        }
    }

    fn module(&self) -> TokenStream {
        let count = self.plan.operations.len();
        let service = self.plan.service.id.to_string();
        let namespace = self.plan.service.id.namespace().to_owned();
        let doc = format!(
            " Glue between `{}` and `{}` for the differential test, generated from the model of `{service}` by `cargo xtask codegen`; do not edit.",
            self.ours.trim_start_matches("::"),
            self.theirs.trim_start_matches("::"),
        );
        quote! {
            #![doc = #doc]
            #![allow(deprecated, unused_mut, unused_variables, clippy::all)]
            mod arb;
            mod json;
            mod operations;
            mod to_ours;
            mod to_sdk;
            mod types;
            pub use operations::for_each_operation;
            pub use types::{for_each_type, TYPE_COUNT};
            /// How many operations the service has.
            pub const OPERATION_COUNT: usize = #count;
            /// The service's namespace (error codes in `__type` carry it).
            pub const NAMESPACE: &str = #namespace;
        }
    }

    // -----------------------------------------------------------------------------------------
    // ours -> theirs
    // -----------------------------------------------------------------------------------------

    fn to_sdk(&self) -> TokenStream {
        let mut items = Vec::new();
        for t in self.types_in(&self.input_types) {
            let ours = self.ours_path(&t.path());
            let theirs = self.theirs_path(&t.path());
            let shape = self.plan.model.expect(&t.id);
            let body = match t.kind {
                TypeKind::Structure | TypeKind::Error => {
                    let fields = self.plan.fields(shape, false);
                    let sets = fields.iter().map(|f| set_converted(f, quote!(ToSdk::to_sdk)));
                    let build = build_call(&fields);
                    quote!(#theirs::builder() #(#sets)* #build)
                }
                TypeKind::Enum => quote!(#theirs::from(self.as_str())),
                TypeKind::Union => {
                    let arms = union_variants(self.plan, shape, self.rest).into_iter().map(|v| {
                        let name = ident(&v.variant);
                        if v.unit {
                            quote!(#ours::#name => #theirs::#name,)
                        } else {
                            quote!(#ours::#name(v) => #theirs::#name(ToSdk::to_sdk(v)),)
                        }
                    });
                    let msg = format!("`{}::Unknown` cannot be sent", t.name);
                    quote! {
                        match self {
                            #(#arms)*
                            _ => panic!(#msg),
                        }
                    }
                }
            };
            items.push(quote! {
                impl ToSdk for #ours {
                    type Sdk = #theirs;
                    fn to_sdk(&self) -> #theirs {
                        #body
                    }
                }
            });
        }
        for op in &self.plan.operations {
            let p = self.op_paths(op);
            let fields = self.plan.fields(self.plan.model.expect(&op.input), true);
            let sets = fields.iter().map(|f| set_converted(f, quote!(ToSdk::to_sdk)));
            let (input, sdk_input) = (&p.input, &p.sdk_input);
            let builder = path(&format!("{}::operation::{}::builders::{}Builder", self.theirs, op.module, op.input_name));
            items.push(quote! {
                impl ToSdk for #input {
                    type Sdk = #builder;
                    fn to_sdk(&self) -> #builder {
                        #sdk_input::builder() #(#sets)*
                    }
                }
            });
        }
        quote!(#(#items)*)
    }

    // -----------------------------------------------------------------------------------------
    // theirs -> ours
    // -----------------------------------------------------------------------------------------

    fn to_ours(&self) -> Result<TokenStream> {
        let mut items = Vec::new();
        for t in self.types_in(&self.output_types) {
            let ours = self.ours_path(&t.path());
            let theirs = self.theirs_path(&t.path());
            let shape = self.plan.model.expect(&t.id);
            let body = match t.kind {
                TypeKind::Structure | TypeKind::Error => {
                    let fields = self.plan.fields(shape, false);
                    let sets = fields.iter().map(|f| set_converted(f, quote!(ToOurs::to_ours)));
                    let extra = (t.kind == TypeKind::Error).then(|| {
                        let message = (!has_message(&fields)).then(|| quote!(.set_message(ToOurs::to_ours(&self.message))));
                        quote!(#message .meta(meta_to_ours(self)))
                    });
                    let build = build_call(&fields);
                    quote!(#ours::builder() #(#sets)* #extra #build)
                }
                TypeKind::Enum => quote!(#ours::from(self.as_str())),
                TypeKind::Union => {
                    let arms = union_variants(self.plan, shape, self.rest).into_iter().map(|v| {
                        let name = ident(&v.variant);
                        if v.unit {
                            quote!(#theirs::#name => #ours::#name,)
                        } else {
                            quote!(#theirs::#name(v) => #ours::#name(ToOurs::to_ours(v)),)
                        }
                    });
                    let msg = format!("the SDK parsed an unknown `{}` variant, which cannot be built on our side", t.name);
                    quote! {
                        match self {
                            #(#arms)*
                            _ => panic!(#msg),
                        }
                    }
                }
            };
            items.push(quote! {
                impl ToOurs for #theirs {
                    type Ours = #ours;
                    fn to_ours(&self) -> #ours {
                        #body
                    }
                }
            });
        }
        for op in &self.plan.operations {
            let p = self.op_paths(op);
            let fields = self.plan.fields(self.plan.model.expect(&op.output), false);
            if let Some(f) = fields.iter().find(|f| binding(self.rest, f.member) == Binding::Other) {
                return Err(Error::shape(
                    op.output.with_member(&f.member.name).to_string(),
                    "the differential-test glue does not support this HTTP binding in outputs yet",
                ));
            }
            let sets = fields.iter().map(|f| set_converted(f, quote!(ToOurs::to_ours)));
            let build = build_call(&fields);
            let (output, sdk_output) = (&p.output, &p.sdk_output);
            items.push(quote! {
                impl ToOurs for #sdk_output {
                    type Ours = #output;
                    fn to_ours(&self) -> #output {
                        #output::builder() #(#sets)* #build
                    }
                }
            });
        }
        Ok(quote!(#(#items)*))
    }

    // -----------------------------------------------------------------------------------------
    // Random values
    // -----------------------------------------------------------------------------------------

    fn arb(&self) -> TokenStream {
        let all: BTreeSet<ShapeId> = self.input_types.union(&self.output_types).cloned().collect();
        let mut items = Vec::new();
        for t in self.types_in(&all) {
            let ours = self.ours_path(&t.path());
            let shape = self.plan.model.expect(&t.id);
            let (aggregate, body) = match t.kind {
                TypeKind::Structure | TypeKind::Error => {
                    let fields = self.plan.fields(shape, false);
                    let sets = fields.iter().map(arb_member);
                    let message = (t.kind == TypeKind::Error && !has_message(&fields)).then(|| quote!(.set_message(opt(g, d))));
                    let build = build_call(&fields);
                    (true, quote! {
                        let d = depth.saturating_sub(1);
                        #ours::builder() #(#sets)* #message #build
                    })
                }
                TypeKind::Enum => (false, quote!(#ours::from(enum_value(g, #ours::values()).as_str()))),
                TypeKind::Union => {
                    let variants = union_variants(self.plan, shape, self.rest);
                    let n = variants.len() as u64;
                    let arms = variants.iter().enumerate().map(|(i, v)| {
                        let i = i as u64;
                        let name = ident(&v.variant);
                        if v.unit {
                            quote!(#i => #ours::#name,)
                        } else {
                            quote!(#i => #ours::#name(Arb::arb(g, d)),)
                        }
                    });
                    (true, quote! {
                        let d = depth.saturating_sub(1);
                        match g.below(#n) {
                            #(#arms)*
                            _ => unreachable!(),
                        }
                    })
                }
            };
            let aggregate = aggregate.then(|| quote!(const AGGREGATE: bool = true;));
            items.push(quote! {
                impl Arb for #ours {
                    #aggregate
                    fn arb(g: &mut Gen, depth: u32) -> Self {
                        #body
                    }
                }
            });
        }
        for op in &self.plan.operations {
            let p = self.op_paths(op);
            // Inputs: each member drawn the way its binding needs.
            let fields = self.plan.fields(self.plan.model.expect(&op.input), true);
            let sets = fields.iter().map(|f| {
                let setter = ident(&f.setter);
                let string = matches!(f.target.kind, ShapeKind::String);
                let required = f.member.traits.required();
                let draw = match binding(self.rest, f.member) {
                    _ if f.member.traits.idempotency_token() => quote!(token(g, d)),
                    Binding::Label if string => quote!(label_string(g, d)),
                    Binding::Label => quote!(required(g, d)),
                    Binding::Header if string => quote!(header_string(g, d)),
                    Binding::Query if required => quote!(required(g, d)),
                    // The SDK's endpoint parameters need these: it refuses to send without them, where
                    // our crate (no endpoint resolution) builds the request. Always set.
                    _ if required && string && f.member.traits.has("smithy.rules#contextParam") => quote!(endpoint_string(g, d)),
                    _ if required && f.member.traits.has("smithy.rules#contextParam") => quote!(Some(Arb::arb(g, d))),
                    _ => quote!(opt(g, d)),
                };
                quote!(.#setter(#draw))
            });
            let input = &p.input;
            items.push(quote! {
                impl Arb for #input {
                    fn arb(g: &mut Gen, depth: u32) -> Self {
                        let d = depth;
                        #input::builder() #(#sets)* .build().expect("inputs always build")
                    }
                }
            });
            let fields = self.plan.fields(self.plan.model.expect(&op.output), false);
            let sets = fields.iter().map(arb_member);
            let build = build_call(&fields);
            let output = &p.output;
            items.push(quote! {
                impl Arb for #output {
                    fn arb(g: &mut Gen, depth: u32) -> Self {
                        let d = depth;
                        #output::builder() #(#sets)* #build
                    }
                }
            });
        }
        quote!(#(#items)*)
    }

    // -----------------------------------------------------------------------------------------
    // JSON: writing outputs and errors, normalising request bodies
    // -----------------------------------------------------------------------------------------

    fn json(&self) -> Result<TokenStream> {
        let mut items = Vec::new();
        for t in self.types_in(&self.output_types) {
            let ours = self.ours_path(&t.path());
            let shape = self.plan.model.expect(&t.id);
            let body = match t.kind {
                TypeKind::Structure | TypeKind::Error => {
                    let fields = self.plan.fields(shape, false);
                    if let Some(f) = fields.iter().find(|f| binding(self.rest, f.member) != Binding::Body) {
                        return Err(Error::shape(
                            t.id.with_member(&f.member.name).to_string(),
                            "the differential-test glue does not support HTTP bindings in error structures yet",
                        ));
                    }
                    let writes = fields.iter().map(|f| self.write_member(f, quote!(self)));
                    let message = (t.kind == TypeKind::Error && !has_message(&fields))
                        .then(|| quote!(w.opt(&mut o, "Message", &self.message, Ts::Epoch);));
                    quote! {
                        let mut o = Vec::new();
                        #(#writes)*
                        #message
                        w.close(o)
                    }
                }
                TypeKind::Enum => quote!(Json::String(self.as_str().to_owned())),
                TypeKind::Union => {
                    let arms = union_variants(self.plan, shape, self.rest).into_iter().map(|v| {
                        let name = ident(&v.variant);
                        let key = &v.key;
                        if v.unit {
                            quote!(#ours::#name => (#key, Json::Object(Vec::new())),)
                        } else {
                            let ts = ts_format(self.plan, v.member);
                            quote!(#ours::#name(v) => (#key, ToJson::to_json(v, w, #ts)),)
                        }
                    });
                    let msg = format!("`{}::Unknown` has no JSON", t.name);
                    let keys: Vec<String> = union_variants(self.plan, shape, self.rest).into_iter().map(|v| v.key).collect();
                    quote! {
                        let (key, value) = match self {
                            #(#arms)*
                            _ => panic!(#msg),
                        };
                        w.union(key, value, &[#(#keys),*])
                    }
                }
            };
            items.push(quote! {
                impl ToJson for #ours {
                    fn to_json(&self, w: &mut Writer, _ts: Ts) -> Json {
                        #body
                    }
                }
            });
        }
        for t in self.types_in(&self.input_types) {
            let ours = self.ours_path(&t.path());
            let shape = self.plan.model.expect(&t.id);
            let body = match t.kind {
                TypeKind::Structure | TypeKind::Error => {
                    let fields = self.plan.fields(shape, false);
                    let norms = fields.iter().map(|f| {
                        let key = json_key(self.rest, f.member);
                        let field = ident(&f.field);
                        quote!(norm_member(json, #key, &self.#field);)
                    });
                    quote!(#(#norms)*)
                }
                TypeKind::Enum => TokenStream::new(),
                TypeKind::Union => {
                    let arms = union_variants(self.plan, shape, self.rest).into_iter().filter(|v| !v.unit).map(|v| {
                        let name = ident(&v.variant);
                        let key = &v.key;
                        quote!(#ours::#name(v) => norm_member(json, #key, v),)
                    });
                    quote! {
                        match self {
                            #(#arms)*
                            _ => {}
                        }
                    }
                }
            };
            items.push(quote! {
                impl Norm for #ours {
                    fn norm(&self, json: &mut ::serde_json::Value) {
                        #body
                    }
                }
            });
        }
        for op in &self.plan.operations {
            let p = self.op_paths(op);
            let fields = self.plan.fields(self.plan.model.expect(&op.input), true);
            let norms = fields.iter().filter_map(|f| {
                let field = ident(&f.field);
                match binding(self.rest, f.member) {
                    Binding::Body => {
                        let key = json_key(self.rest, f.member);
                        Some(quote!(norm_member(json, #key, &self.#field);))
                    }
                    _ if f.member.traits.http_payload() => Some(quote!(Norm::norm(&self.#field, json);)),
                    _ => None,
                }
            });
            let input = &p.input;
            items.push(quote! {
                impl Norm for #input {
                    fn norm(&self, json: &mut ::serde_json::Value) {
                        #(#norms)*
                    }
                }
            });
        }
        Ok(quote!(#(#items)*))
    }

    /// `w.opt(...)` / `w.req(...)` for one body member of `owner`.
    fn write_member(&self, f: &FieldPlan, owner: TokenStream) -> TokenStream {
        let key = json_key(self.rest, f.member);
        let field = ident(&f.field);
        let ts = ts_format(self.plan, f.member);
        if f.optional && f.member.traits.required() {
            // Left out, a required member is corrected by the parsers: not a roundtrip.
            quote!(w.opt_required(&mut o, #key, &#owner.#field, #ts);)
        } else if f.optional {
            quote!(w.opt(&mut o, #key, &#owner.#field, #ts);)
        } else {
            quote!(w.req(&mut o, #key, &#owner.#field, #ts);)
        }
    }

    // -----------------------------------------------------------------------------------------
    // Operations
    // -----------------------------------------------------------------------------------------

    /// `for_each_type`: every named type reachable from an operation, for checks that take
    /// values of one type at a time (the serde oracle).
    fn types(&self) -> TokenStream {
        let all: BTreeSet<ShapeId> = self.input_types.union(&self.output_types).cloned().collect();
        let visits = self.types_in(&all).map(|t| {
            let ours = self.ours_path(&t.path());
            let name = t.id.name();
            quote!(v.visit::<#ours>(#name);)
        });
        let count = self.types_in(&all).count();
        quote! {
            /// How many named types [`for_each_type`] visits.
            pub const TYPE_COUNT: usize = #count;
            /// Calls `v.visit::<T>(name)` for every named type reachable from an operation.
            pub fn for_each_type(v: &mut impl crate::TypeVisitor) {
                #(#visits)*
            }
        }
    }

    fn operations(&self) -> Result<TokenStream> {
        let mut items = Vec::new();
        let mut visits = Vec::new();
        for op in &self.plan.operations {
            let module = ident(&op.module);
            let ours_mod = path(&format!("{}::operation::{}", self.ours, op.module));
            let theirs_mod = path(&format!("{}::operation::{}", self.theirs, op.module));
            let sdk_client = path(&format!("{}::Client", self.theirs));
            let (name_id, input, output, error) = (ident(&op.name), ident(&op.input_name), ident(&op.output_name), ident(&op.error_name));
            let code = self.plan.model.expect(&op.id).traits.http().map(|h| h.code).unwrap_or(200);
            let fields = self.plan.fields(self.plan.model.expect(&op.output), false);
            let body_fields: Vec<&FieldPlan> = fields.iter().filter(|f| binding(self.rest, f.member) == Binding::Body).collect();
            let writes = body_fields.iter().map(|f| self.write_member(f, quote!(out)));
            let body = if body_fields.is_empty() {
                quote! {
                    let body = if w.g.chance(50) { String::new() } else { "{}".to_owned() };
                }
            } else {
                quote! {
                    let mut o = Vec::new();
                    #(#writes)*
                    let json = w.close(o);
                    let body = w.text(&json);
                }
            };
            let mut header_stmts = Vec::new();
            for f in &fields {
                match binding(self.rest, f.member) {
                    Binding::Header => {
                        let name = f.member.traits.http_header().unwrap_or_default().to_ascii_lowercase();
                        let field = ident(&f.field);
                        let text = match &f.target.kind {
                            ShapeKind::List(_) => quote!(v.iter().map(HeaderText::header_text).collect::<Vec<_>>().join(", ")),
                            ShapeKind::Enum(_) => quote!(v.as_str().to_owned()),
                            _ => quote!(HeaderText::header_text(v)),
                        };
                        let value = if f.optional { quote!(&out.#field) } else { quote!(Some(&out.#field)) };
                        header_stmts.push(quote! {
                            if let Some(v) = #value {
                                headers.push((#name, #text));
                            }
                        });
                    }
                    Binding::Body => {}
                    _ => {
                        return Err(Error::shape(
                            op.output.with_member(&f.member.name).to_string(),
                            "the differential-test glue does not support this HTTP binding in outputs yet",
                        ))
                    }
                }
            }

            let output_body_keys: Vec<String> = body_fields.iter().map(|f| json_key(self.rest, f.member)).collect();
            let in_fields = self.plan.fields(self.plan.model.expect(&op.input), true);
            // In the order the request body writes them: sorted by member name.
            let mut body_in: Vec<&FieldPlan> = in_fields.iter().filter(|f| binding(self.rest, f.member) == Binding::Body).collect();
            body_in.sort_by(|a, b| a.member.name.cmp(&b.member.name));
            let input_body_keys: Vec<String> = body_in.iter().map(|f| json_key(self.rest, f.member)).collect();
            let payload = in_fields.iter().find(|f| f.member.traits.http_payload());
            let input_payload = match payload {
                Some(f) if matches!(f.target.kind, ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Document) => {
                    let k = json_key(self.rest, f.member);
                    let unset = if matches!(f.target.kind, ShapeKind::Structure(_)) { "{}" } else { "" };
                    quote!(Some((#k, #unset)))
                }
                _ => quote!(None),
            };
            // A blob or string payload is raw bytes, not JSON.
            let json_body = !matches!(payload, Some(f) if !matches!(f.target.kind, ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Document));
            let token_key = match in_fields.iter().find(|f| f.member.traits.idempotency_token() && binding(self.rest, f.member) == Binding::Body) {
                Some(f) => {
                    let k = json_key(self.rest, f.member);
                    quote!(Some(#k))
                }
                None => quote!(None),
            };
            let errors: Vec<&TypePlan> = op.errors.iter().filter_map(|id| self.plan.type_of(id)).collect();
            let error_names: Vec<String> = errors.iter().map(|t| t.id.name().to_owned()).collect();
            let write_arms = errors.iter().enumerate().map(|(i, t)| {
                let ty = self.ours_path(&t.path());
                let traits = &self.plan.model.expect(&t.id).traits;
                let status = traits.http_error().unwrap_or(match traits.error() {
                    Some(crate::model::traits::ErrorKind::Server) => 500,
                    _ => 400,
                });
                quote!(#i => error_json::<#ty>(g, w, #status),)
            });
            let variants: Vec<proc_macro2::Ident> = errors.iter().map(|t| ident(&t.name)).collect();
            let names: Vec<&str> = errors.iter().map(|t| t.name.as_str()).collect();
            let name = op.id.name();
            // Our client's fluent builder, every member set through its `set_` method.
            let client_method = ident(&op.module);
            let ours_client = path(&format!("{}::Client", self.ours));
            let input_shape = self.plan.model.expect(&op.input);
            let ours_sets = self.plan.fields(input_shape, true).into_iter().map(|f| {
                let (setter, field) = (ident(&f.setter), ident(&f.field));
                if f.optional {
                    quote!(.#setter(input.#field.clone()))
                } else {
                    quote!(.#setter(Some(input.#field.clone())))
                }
            });
            items.push(quote! {
                mod #module {
                    use crate::support::*;
                    use #ours_mod as ours;
                    use #theirs_mod as theirs;
                    impl crate::DiffOp for ours::#name_id {
                        type SdkOutput = theirs::#output;
                        type SdkError = theirs::#error;
                        const ERRORS: &'static [&'static str] = &[#(#error_names),*];
                        const INPUT_BODY_KEYS: &'static [&'static str] = &[#(#input_body_keys),*];
                        const INPUT_PAYLOAD: Option<(&'static str, &'static str)> = #input_payload;
                        const INPUT_JSON_BODY: bool = #json_body;
                        const INPUT_TOKEN_KEY: Option<&'static str> = #token_key;
                        const OUTPUT_BODY_KEYS: &'static [&'static str] = &[#(#output_body_keys),*];
                        fn arb_input(g: &mut Gen) -> ours::#input {
                            Arb::arb(g, #DEPTH)
                        }
                        fn arb_output(g: &mut Gen) -> ours::#output {
                            Arb::arb(g, #DEPTH)
                        }
                        fn norm_body(input: &ours::#input, json: &mut ::serde_json::Value) {
                            Norm::norm(input, json)
                        }
                        fn send(input: &ours::#input, client: #sdk_client) -> impl ::std::future::Future<Output = crate::SdkResult<theirs::#output, theirs::#error>> {
                            let builder = ToSdk::to_sdk(input);
                            async move { builder.send_with(&client).await }
                        }
                        fn send_ours(input: &ours::#input, client: #ours_client) -> impl ::std::future::Future<Output = crate::OurResult<ours::#output, ours::#error>> {
                            let builder = client.#client_method() #(#ours_sets)*;
                            async move { builder.send().await }
                        }
                        fn output_to_ours(o: &theirs::#output) -> ours::#output {
                            ToOurs::to_ours(o)
                        }
                        fn write_output(out: &ours::#output, w: &mut Writer) -> (u16, Vec<(&'static str, String)>, String) {
                            let mut headers: Vec<(&'static str, String)> = Vec::new();
                            #(#header_stmts)*
                            #body
                            (#code, headers, body)
                        }
                        fn write_error(index: usize, g: &mut Gen, w: &mut Writer) -> (u16, Json) {
                            match index {
                                #(#write_arms)*
                                _ => panic!("{} has {} modeled errors", #name, Self::ERRORS.len()),
                            }
                        }
                        fn error_variant(e: &ours::#error) -> &'static str {
                            match e {
                                #(ours::#error::#variants(_) => #names,)*
                                _ => "Unhandled",
                            }
                        }
                        fn sdk_error_variant(e: &theirs::#error) -> &'static str {
                            match e {
                                #(theirs::#error::#variants(_) => #names,)*
                                _ => "Unhandled",
                            }
                        }
                        fn compare_error(x: &ours::#error, y: &theirs::#error) -> Result<(), String> {
                            match (x, y) {
                                #((ours::#error::#variants(a), theirs::#error::#variants(b)) => crate::same(a, &ToOurs::to_ours(b)),)*
                                _ => Ok(()),
                            }
                        }
                    }
                }
            });
            visits.push(quote!(v.visit::<#ours_mod::#name_id>();));
        }
        Ok(quote! {
            #(#items)*
            /// Calls `v.visit::<Op>()` for every operation, in module order.
            pub fn for_each_operation(v: &mut impl crate::OperationVisitor) {
                #(#visits)*
            }
        })
    }
}

struct OpPaths {
    input: TokenStream,
    output: TokenStream,
    sdk_input: TokenStream,
    sdk_output: TokenStream,
}

struct UnionVariant<'m> {
    variant: String,
    key: String,
    unit: bool,
    member: &'m Member,
}

fn union_variants<'m>(plan: &Plan<'m>, shape: &'m Shape, rest: bool) -> Vec<UnionVariant<'m>> {
    let ShapeKind::Union(members) = &shape.kind else { return Vec::new() };
    members
        .iter()
        .map(|m| UnionVariant {
            variant: naming::union_variant_name(&m.name),
            key: json_key(rest, m),
            unit: plan.model.expect(&m.target).traits.has(ids::UNIT_TYPE),
            member: m,
        })
        .collect()
}

/// `.set_x(conv(&self.x))` for optional fields, `.set_x(Some(conv(&self.x)))` otherwise.
fn set_converted(f: &FieldPlan, conv: TokenStream) -> TokenStream {
    let setter = ident(&f.setter);
    let field = ident(&f.field);
    if f.optional {
        quote!(.#setter(#conv(&self.#field)))
    } else {
        quote!(.#setter(Some(#conv(&self.#field))))
    }
}

/// `.set_x(random value)` for a member of a structure, output or error. A `@required` union is
/// always set: the SDK corrects a missing one to its `Unknown` variant, which no code outside
/// our crate can build, so the two parses could not be compared.
fn arb_member(f: &FieldPlan) -> TokenStream {
    let setter = ident(&f.setter);
    let required_union = f.member.traits.required() && matches!(f.target.kind, ShapeKind::Union(_));
    if f.optional && !required_union {
        quote!(.#setter(opt(g, d)))
    } else {
        quote!(.#setter(Some(Arb::arb(g, d))))
    }
}

/// `.build()`, unwrapped when the builder is fallible (a required member without a default):
/// the glue always sets every member, so it cannot fail.
fn build_call(fields: &[FieldPlan]) -> TokenStream {
    if fields.iter().any(|f| !f.optional && f.default.is_none()) {
        quote!(.build().expect("every member is set"))
    } else {
        quote!(.build())
    }
}

fn has_message(fields: &[FieldPlan]) -> bool {
    fields.iter().any(|f| f.member.name.eq_ignore_ascii_case("message"))
}

/// The timestamp format that applies to the timestamps inside a member (directly, or as list
/// elements or map values): `@timestampFormat` on the member or the target, else epoch seconds.
fn ts_format(plan: &Plan, member: &Member) -> TokenStream {
    let mut m = member;
    let mut fmt = m.traits.timestamp_format();
    loop {
        let target = plan.model.expect(&m.target);
        match &target.kind {
            ShapeKind::Timestamp => {
                fmt = fmt.or_else(|| target.traits.timestamp_format());
                break;
            }
            ShapeKind::List(inner) | ShapeKind::Map { value: inner, .. } => {
                m = inner;
                fmt = m.traits.timestamp_format();
            }
            _ => break,
        }
    }
    let variant = match fmt {
        Some("date-time") => format_ident!("DateTime"),
        Some("http-date") => format_ident!("HttpDate"),
        _ => format_ident!("Epoch"),
    };
    quote!(Ts::#variant)
}

/// Named types reachable from the given shapes through members.
fn reachable(plan: &Plan, roots: Vec<ShapeId>) -> BTreeSet<ShapeId> {
    let mut out = BTreeSet::new();
    let mut seen = BTreeSet::new();
    let mut stack = roots;
    while let Some(id) = stack.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        let Some(shape) = plan.model.shape(&id) else { continue };
        if plan.type_of(&id).is_some() {
            out.insert(id.clone());
        }
        if matches!(shape.kind, ShapeKind::Enum(_) | ShapeKind::IntEnum(_)) {
            continue;
        }
        for m in shape.kind.members() {
            stack.push(m.target.clone());
        }
    }
    out
}
