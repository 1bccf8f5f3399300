//! String enums: known variants sorted by wire value, plus `Unknown` that keeps any other value.

use proc_macro2::TokenStream;
use quote::quote;

use super::ctx::{deprecated_attr, doc_lines, ident, model_docs, Ctx};
use crate::model::ShapeKind;
use crate::plan::{naming, TypePlan};

fn longest_backtick_run(s: &str) -> usize {
    s.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// The file body for an enum shape.
pub fn render(ctx: &Ctx, plan: &TypePlan) -> TokenStream {
    let shape = ctx.plan.model.expect(&plan.id);
    let ShapeKind::Enum(members) = &shape.kind else { return TokenStream::new() };
    let mut variants: Vec<(String, String, &crate::model::Member)> = members
        .iter()
        .map(|m| {
            let value = m.traits.enum_value().and_then(|v| v.as_str()).unwrap_or(&m.name).to_owned();
            (value, naming::enum_variant_name(&m.name), m)
        })
        .collect();
    // smithy-rs sorts by value in Java (UTF-16) order; `values()` keeps that order too.
    variants.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));

    let name = ident(&plan.name);
    let docs = match model_docs(shape.traits.documentation()) {
        d if d.is_empty() => doc_lines(&format!("The `{}` enum.", plan.id.name())),
        d => d,
    };
    let guide = doc_lines(&format!(
        "\nUnknown values received from the service are kept in [`Unknown`]({0}::Unknown) and \
         written back unchanged; match with a wildcard arm (or on [`as_str`]({0}::as_str)) so that \
         new values do not break your code.",
        plan.name
    ));
    let deprecated = deprecated_attr(&shape.traits);
    let defs = variants.iter().map(|(value, vname, m)| {
        let v = ident(vname);
        let mut d = model_docs(m.traits.documentation());
        if d.is_empty() {
            // The raw value may hold anything; show it escaped, in a code span that fits it.
            let shown: String = value.escape_debug().collect();
            let fence = "`".repeat(longest_backtick_run(&shown) + 1);
            let pad = if shown.starts_with('`') || shown.ends_with('`') { " " } else { "" };
            let text = format!(" {fence}{pad}{shown}{pad}{fence}");
            d = quote!(#[doc = #text]);
        }
        let dep = deprecated_attr(&m.traits);
        quote!(#d #dep #v,)
    });
    let from_arms = variants.iter().map(|(value, vname, _)| {
        let v = ident(vname);
        quote!(#value => Self::#v,)
    });
    let as_str_arms = variants.iter().map(|(value, vname, _)| {
        let v = ident(vname);
        quote!(Self::#v => #value,)
    });
    let values = variants.iter().map(|(value, _, _)| value);
    let r = ctx.std("Result");
    let ok = ctx.std("Ok");
    let err = ctx.std("Err");
    quote! {
        #docs
        #guide
        #deprecated
        #[non_exhaustive]
        #[derive(Clone, Eq, Ord, PartialEq, PartialOrd, Debug, Hash)]
        pub enum #name {
            #(#defs)*
            /// A value this version of the crate does not know.
            #[deprecated(note = "Don't match on `Unknown` directly: use a wildcard arm or `as_str()`, since new values may become known variants.")]
            Unknown(crate::primitives::UnknownVariantValue),
        }
        impl ::std::convert::From<&str> for #name {
            #[inline]
            fn from(s: &str) -> Self {
                match s {
                    #(#from_arms)*
                    other => Self::Unknown(crate::primitives::UnknownVariantValue(::std::borrow::ToOwned::to_owned(other))),
                }
            }
        }
        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;
            #[inline]
            fn from_str(s: &str) -> #r<Self, <Self as ::std::str::FromStr>::Err> {
                #ok(Self::from(s))
            }
        }
        impl #name {
            /// The value as sent on the wire.
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    #(#as_str_arms)*
                    Self::Unknown(value) => value.as_str(),
                }
            }
            /// Every known value, in sorted order.
            #[inline]
            pub const fn values() -> &'static [&'static str] {
                &[#(#values),*]
            }
            /// Parses a known value; unlike `From<&str>`, an unknown value is an error.
            #[inline]
            pub fn try_parse(value: &str) -> #r<Self, crate::error::UnknownVariantError> {
                match Self::from(value) {
                    Self::Unknown(_) => #err(crate::error::UnknownVariantError::new(value)),
                    known => #ok(known),
                }
            }
        }
        impl ::std::convert::AsRef<str> for #name {
            #[inline]
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}
