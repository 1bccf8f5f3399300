//! Unions: a Rust enum with one variant per member, an `Unknown` catch-all, and `as_*`/`is_*`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::ctx::{deprecated_attr, doc_lines, ident, model_docs, Ctx};
use super::structure::target_is_sensitive;
use crate::model::traits::ids;
use crate::model::ShapeKind;
use crate::plan::{naming, RustType, TypePlan};

struct Variant<'m> {
    name: String,
    member: &'m crate::model::Member,
    /// `None` for members that target `smithy.api#Unit`.
    ty: Option<RustType>,
}

/// The file body for a union.
pub fn render(ctx: &Ctx, plan: &TypePlan) -> TokenStream {
    let shape = ctx.plan.model.expect(&plan.id);
    let ShapeKind::Union(members) = &shape.kind else { return TokenStream::new() };
    let mut variants: Vec<Variant> = members
        .iter()
        .map(|m| {
            let target = ctx.plan.model.expect(&m.target);
            let ty = if target.traits.has(ids::UNIT_TYPE) {
                None
            } else {
                let mut t = ctx.plan.member_type(m);
                if ctx.plan.boxed.contains(&shape.id.with_member(&m.name)) {
                    t = RustType::Boxed(Box::new(t));
                }
                Some(t)
            };
            Variant { name: naming::union_variant_name(&m.name), member: m, ty }
        })
        .collect();
    variants.sort_by(|a, b| a.name.cmp(&b.name));

    let name = ident(&plan.name);
    let docs = match model_docs(shape.traits.documentation()) {
        d if d.is_empty() => doc_lines(&format!("The `{}` union.", plan.id.name())),
        d => d,
    };
    let deprecated = deprecated_attr(&shape.traits);
    let sensitive = shape.traits.sensitive();
    let derives = if sensitive { quote!(#[derive(Clone, PartialEq)]) } else { quote!(#[derive(Clone, PartialEq, Debug)]) };

    let defs = variants.iter().map(|v| {
        let vname = ident(&v.name);
        let target = ctx.plan.model.expect(&v.member.target);
        let mut d = model_docs(v.member.traits.documentation().or_else(|| target.traits.documentation()));
        if d.is_empty() {
            d = quote!(#[allow(missing_docs)]);
        }
        let dep = deprecated_attr(&v.member.traits);
        match &v.ty {
            Some(t) => {
                let t = ctx.ty(t);
                quote!(#d #dep #vname(#t),)
            }
            None => quote!(#d #dep #vname,),
        }
    });

    let r = ctx.std("Result");
    let ok = ctx.std("Ok");
    let err = ctx.std("Err");
    let single = variants.len() == 1;
    let methods = variants.iter().map(|v| {
        let vname = ident(&v.name);
        let suffix = naming::union_variant_method_suffix(&v.name);
        let as_fn = format_ident!("as_{}", suffix);
        let is_fn = format_ident!("is_{}", suffix);
        let as_doc = format!(" The value of the [`{0}`](Self::{0}) variant, or `Err(self)` for any other variant.", v.name);
        let is_doc = format!(" Whether this is the [`{0}`](Self::{0}) variant.", v.name);
        let allow = single.then(|| quote!(#[allow(irrefutable_let_patterns)]));
        let (ret, pat, val) = match &v.ty {
            Some(RustType::Boxed(inner)) => {
                let t = ctx.ty(inner);
                (quote!(&#t), quote!(Self::#vname(val)), quote!(val.as_ref()))
            }
            Some(t) => {
                let t = ctx.ty(t);
                (quote!(&#t), quote!(Self::#vname(val)), quote!(val))
            }
            None => (quote!(()), quote!(Self::#vname), quote!(())),
        };
        quote! {
            #[doc = #as_doc]
            #allow
            #[inline]
            pub fn #as_fn(&self) -> #r<#ret, &Self> {
                if let #pat = &self { #ok(#val) } else { #err(self) }
            }
            #[doc = #is_doc]
            #[inline]
            pub fn #is_fn(&self) -> bool {
                self.#as_fn().is_ok()
            }
        }
    });

    let debug = sensitive.then(|| {
        quote! {
            impl ::std::fmt::Debug for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str("*** Sensitive Data Redacted ***")
                }
            }
        }
    });
    // Members whose targets are sensitive are redacted too, as in structures.
    let debug = debug.or_else(|| {
        let any = variants.iter().any(|v| target_is_sensitive(ctx, ctx.plan.model.expect(&v.member.target)));
        any.then(|| sensitive_variant_debug(ctx, &name, &variants, &plan.name))
    });
    let derives = if debug.is_some() && !sensitive { quote!(#[derive(Clone, PartialEq)]) } else { derives };

    quote! {
        #docs
        #deprecated
        #[non_exhaustive]
        #derives
        pub enum #name {
            #(#defs)*
            /// A variant added to the service after this crate was generated.
            ///
            /// Received values of unknown variants parse to `Unknown`; it cannot be sent.
            #[non_exhaustive]
            Unknown,
        }
        impl #name {
            #(#methods)*
            /// Whether this is a variant unknown to this version of the crate.
            #[inline]
            pub fn is_unknown(&self) -> bool {
                matches!(self, Self::Unknown)
            }
        }
        #debug
    }
}

fn sensitive_variant_debug(ctx: &Ctx, name: &proc_macro2::Ident, variants: &[Variant], label: &str) -> TokenStream {
    let arms = variants.iter().map(|v| {
        let vname = ident(&v.name);
        let vlabel = format!("{label}::{}", v.name);
        let sensitive = target_is_sensitive(ctx, ctx.plan.model.expect(&v.member.target));
        match (&v.ty, sensitive) {
            (None, _) => quote!(Self::#vname => f.write_str(#vlabel),),
            (Some(_), true) => quote!(Self::#vname(_) => f.debug_tuple(#vlabel).field(&"*** Sensitive Data Redacted ***").finish(),),
            (Some(_), false) => quote!(Self::#vname(val) => f.debug_tuple(#vlabel).field(val).finish(),),
        }
    });
    let unknown = format!("{label}::Unknown");
    quote! {
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #(#arms)*
                    Self::Unknown => f.write_str(#unknown),
                }
            }
        }
    }
}
