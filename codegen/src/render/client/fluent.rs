//! `<Op>FluentBuilder`: the input builder's setters, `as_input()`, `send()` and, for paginated
//! operations, `into_paginator()`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::paginator;
use crate::plan::{FieldPlan, OperationPlan, RustType};
use crate::render::ctx::{deprecated_attr, ident, Ctx};
use crate::render::structure::value_arg_named;

/// The fluent builder of `op`, for its `builders` module.
pub fn render(ctx: &Ctx, op: &OperationPlan) -> TokenStream {
    let name = format_ident!("{}FluentBuilder", op.name);
    let input_builder = format_ident!("{}Builder", op.input_name);
    let (op_ty, output, error) = (ident(&op.name), ident(&op.output_name), ident(&op.error_name));
    let input_shape = ctx.plan.model.expect(&op.input);
    let fields = ctx.plan.fields(input_shape, true);
    let setters = fields.iter().map(|f| forwarders(ctx, &input_builder, f));
    let doc = format!(
        " Fluent builder for the [`{0}`](super::{0}) operation: set the input's members, then call [`send`](Self::send).",
        op.name
    );
    let paginator = paginator::plan(ctx, op).map(|_| {
        let p = format_ident!("{}Paginator", op.name);
        quote! {
            /// Pages through the results: `into_paginator().send()` gives a stream of outputs.
            pub fn into_paginator(self) -> super::paginator::#p {
                super::paginator::#p::new(self.handle, self.inner)
            }
        }
    });
    quote! {
        #[doc = #doc]
        #[cfg(feature = "client")]
        #[derive(Clone, Debug)]
        pub struct #name {
            handle: ::std::sync::Arc<crate::client::Handle>,
            inner: #input_builder,
        }

        #[cfg(feature = "client")]
        impl #name {
            pub(crate) fn new(handle: ::std::sync::Arc<crate::client::Handle>) -> Self {
                Self { handle, inner: ::std::default::Default::default() }
            }

            /// The input built so far.
            pub fn as_input(&self) -> &#input_builder {
                &self.inner
            }

            /// Sends the request and returns the output, or the error.
            pub async fn send(self) -> ::std::result::Result<super::#output, crate::error::SdkError<super::#error>> {
                let input = self.inner.build().map_err(crate::error::SdkError::construction_failure)?;
                crate::client::send::<super::#op_ty>(&self.handle, input).await
            }

            #paginator
            #(#setters)*
        }
    }
}

/// The setters of one member, forwarding to the input builder's.
fn forwarders(ctx: &Ctx, input_builder: &proc_macro2::Ident, f: &FieldPlan) -> TokenStream {
    let name = ident(&f.field);
    let setter = ident(&f.setter);
    let getter = ident(&f.getter);
    let deprecated = deprecated_attr(&f.member.traits);
    let o = ctx.std("Option");
    let ty = ctx.ty(&f.ty);
    let link = |m: &str| format!(" See [`{input_builder}::{m}`].", m = m.trim_start_matches("r#"));
    let (first_doc, set_doc, get_doc) = (link(&f.field), link(&f.setter), link(&f.getter));
    let first = match &f.ty {
        RustType::Vec(inner) => {
            let (arg, _) = value_arg_named(ctx, inner, quote!(input));
            quote!(pub fn #name(mut self, input: #arg) -> Self { self.inner = self.inner.#name(input); self })
        }
        RustType::Map(k, v) => {
            let (karg, _) = value_arg_named(ctx, k, quote!(k));
            let (varg, _) = value_arg_named(ctx, v, quote!(v));
            quote!(pub fn #name(mut self, k: #karg, v: #varg) -> Self { self.inner = self.inner.#name(k, v); self })
        }
        other => {
            let (arg, _) = value_arg_named(ctx, other, quote!(input));
            quote!(pub fn #name(mut self, input: #arg) -> Self { self.inner = self.inner.#name(input); self })
        }
    };
    quote! {
        #[doc = #first_doc]
        #deprecated
        #first
        #[doc = #set_doc]
        #deprecated
        pub fn #setter(mut self, input: #o<#ty>) -> Self {
            self.inner = self.inner.#setter(input);
            self
        }
        #[doc = #get_doc]
        #deprecated
        pub fn #getter(&self) -> &#o<#ty> {
            self.inner.#getter()
        }
    }
}
