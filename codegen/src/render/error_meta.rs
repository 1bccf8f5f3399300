//! `crate::Error`: every modeled error of the service in one enum, with a `From` for each
//! operation's error enum.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::ctx::{ident, path, Ctx};
use crate::plan::TypeKind;

/// The file body of `error_meta.rs`.
pub fn render(ctx: &Ctx) -> TokenStream {
    let errors: BTreeMap<&str, String> =
        ctx.plan.types.values().filter(|t| t.kind == TypeKind::Error).map(|t| (t.name.as_str(), t.path())).collect();
    let defs = errors.iter().map(|(n, p)| {
        let v = ident(n);
        let p = path(p);
        let d = format!(" See [`{n}`]({}).", errors[n]);
        quote!(#[doc = #d] #v(#p),)
    });
    let display = errors.keys().map(|n| {
        let v = ident(n);
        quote!(Self::#v(e) => ::std::fmt::Display::fmt(e, f),)
    });
    let source = errors.keys().map(|n| {
        let v = ident(n);
        quote!(Self::#v(e) => ::std::option::Option::Some(e),)
    });
    let meta = errors.keys().map(|n| {
        let v = ident(n);
        quote!(Self::#v(e) => crate::error::ProvideErrorMetadata::meta(e),)
    });
    let froms = ctx.plan.operations.iter().map(|op| {
        let m = ident(&op.module);
        let e = format_ident!("{}", op.error_name);
        let arms = op.errors.iter().filter_map(|id| ctx.plan.type_of(id)).map(|t| {
            let v = ident(&t.name);
            quote!(crate::operation::#m::#e::#v(inner) => Self::#v(inner),)
        });
        quote! {
            impl ::std::convert::From<crate::operation::#m::#e> for Error {
                #[inline]
                fn from(err: crate::operation::#m::#e) -> Self {
                    match err {
                        #(#arms)*
                        crate::operation::#m::#e::Unhandled(inner) => Self::Unhandled(inner),
                    }
                }
            }
        }
    });
    quote! {
        /// Every error the service models, for code that handles errors of many operations alike.
        ///
        /// Each operation's error enum converts into this with `From`.
        #[non_exhaustive]
        #[derive(Debug)]
        pub enum Error {
            #(#defs)*
            /// An error the model does not describe.
            #[deprecated(note = "Matching `Unhandled` directly is not forward compatible: match other variants, then use a wildcard and check `.code()`.")]
            Unhandled(crate::error::Unhandled),
        }
        impl ::std::fmt::Display for Error {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #(#display)*
                    Self::Unhandled(e) => ::std::fmt::Display::fmt(e, f),
                }
            }
        }
        impl ::std::error::Error for Error {
            fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    #(#source)*
                    Self::Unhandled(e) => ::std::error::Error::source(e),
                }
            }
        }
        impl crate::error::ProvideErrorMetadata for Error {
            fn meta(&self) -> &crate::error::ErrorMetadata {
                match self {
                    #(#meta)*
                    Self::Unhandled(e) => e.meta(),
                }
            }
        }
        impl ::std::convert::From<crate::error::BuildError> for Error {
            fn from(err: crate::error::BuildError) -> Self {
                Self::Unhandled(crate::error::Unhandled::with_source(::std::default::Default::default(), ::std::boxed::Box::new(err)))
            }
        }
        #(#froms)*
    }
}
