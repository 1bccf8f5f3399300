//! Error structures: what they add on top of a structure (`message()`, `Display`,
//! `std::error::Error`, error metadata).

use proc_macro2::TokenStream;
use quote::quote;

use super::ctx::{ident, Ctx};
use super::structure::{render_builder, render_struct, StructRole, StructSpec};
use crate::plan::{RustType, TypePlan};

/// The whole file body for an `@error` structure.
pub fn render(ctx: &Ctx, plan: &TypePlan) -> TokenStream {
    let shape = ctx.plan.model.expect(&plan.id);
    let spec = StructSpec {
        shape,
        name: &plan.name,
        path: plan.path(),
        builder_path: plan.builder_path(),
        fields: ctx.plan.fields(shape, false),
        role: StructRole::Error,
        fallback_doc: format!("The `{}` error.", plan.id.name()),
        builder_sees_type: true,
    };
    let item = render_struct(ctx, &spec);
    let builder = render_builder(ctx, &spec);
    let name = ident(&plan.name);
    let o = ctx.std("Option");

    // `message` may be a model member (optional or required) or the synthetic optional one.
    let message_member = spec.fields.iter().find(|f| f.member.name.eq_ignore_ascii_case("message"));
    let (message_field, message_required) = match message_member {
        Some(f) => (ident(&f.field), !f.optional && f.ty == RustType::String),
        None => (ident("message"), false),
    };
    // A required message is always there, so it is returned as `&str` (as smithy-rs does).
    let (message_ret, message_body) = if message_required {
        (quote!(&str), quote!(&self.#message_field))
    } else {
        (quote!(#o<&str>), quote!(self.#message_field.as_deref()))
    };
    let display_name =
        if plan.name == plan.id.name() { plan.name.clone() } else { format!("{} [{}]", plan.name, plan.id.name()) };
    let display_message = if message_required {
        quote!(::std::write!(f, ": {}", self.#message_field)?;)
    } else {
        quote! {
            if let ::std::option::Option::Some(message) = &self.#message_field {
                ::std::write!(f, ": {message}")?;
            }
        }
    };
    quote! {
        #item
        impl #name {
            /// The error message, if the service sent one.
            #[inline]
            pub fn message(&self) -> #message_ret {
                #message_body
            }
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(#display_name)?;
                #display_message
                ::std::result::Result::Ok(())
            }
        }
        impl ::std::error::Error for #name {}
        impl crate::error::ProvideErrorMetadata for #name {
            fn meta(&self) -> &crate::error::ErrorMetadata {
                &self.meta
            }
        }
        #builder
    }
}
