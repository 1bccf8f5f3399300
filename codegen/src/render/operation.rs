//! One module per operation: the operation struct, its input and output with builders, and
//! its error enum.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::ctx::{doc_lines, ident, inner_doc_lines, model_docs, model_summary, short_link, Ctx};
use super::structure::{render_builder, render_struct, StructRole, StructSpec};
use crate::plan::{naming, OperationPlan};

/// The type names an operation module defines (for prelude-shadowing decisions).
pub fn defined_names(op: &OperationPlan) -> Vec<&str> {
    vec![op.name.as_str(), op.input_name.as_str(), op.output_name.as_str(), op.error_name.as_str()]
}

/// The whole file body of `operation/<op>.rs`.
pub fn render(ctx: &Ctx, op: &OperationPlan, client_builders: TokenStream) -> TokenStream {
    let shape = ctx.plan.model.expect(&op.id);
    let module_path = format!("crate::operation::{}", op.module);
    // Everything that links to the operation struct lives in its module: the short form resolves.
    let op_link = short_link(&op.name);
    // Module docs are resolved together with the `pub mod` docs of the parent: use full paths.
    let module_doc = inner_doc_lines(&format!("Types for the [`{0}`]({module_path}::{0}) operation.", op.name));

    let name = ident(&op.name);
    let op_docs = match model_docs(shape.traits.documentation()) {
        d if d.is_empty() => doc_lines(&format!("The `{}` operation.", op.id.name())),
        d => d,
    };
    let deprecated = super::ctx::deprecated_attr(&shape.traits);

    let input = io_spec(ctx, StructRole::Input, &op.input, &op.input_name, &module_path, &op_link);
    let output = io_spec(ctx, StructRole::Output, &op.output, &op.output_name, &module_path, &op_link);
    // The input/output shape's own doc describes the shape, not the operation; keep it, but
    // the struct must always be documented.
    let input_struct = render_struct(ctx, &input);
    let output_struct = render_struct(ctx, &output);
    let input_builder = render_builder(ctx, &input);
    let output_builder = render_builder(ctx, &output);
    let error_enum = render_error_enum(ctx, op);

    quote! {
        #module_doc
        #op_docs
        #deprecated
        #[derive(Clone, Default, Debug)]
        #[non_exhaustive]
        pub struct #name;
        impl #name {
            /// Creates the operation.
            #[inline]
            pub fn new() -> Self {
                Self
            }
        }
        #input_struct
        #output_struct
        #error_enum
        /// Builders for this operation's input and output.
        pub mod builders {
            #input_builder
            #output_builder
            #client_builders
        }
    }
}

/// The spec of an operation's synthetic input or output structure.
fn io_spec<'a, 'm>(
    ctx: &Ctx<'_, 'm>,
    role: StructRole,
    id: &crate::model::ShapeId,
    type_name: &'a str,
    module_path: &str,
    op_link: &str,
) -> StructSpec<'a, 'm> {
    let shape = ctx.plan.model.expect(id);
    let what = if role == StructRole::Input { "input" } else { "output" };
    StructSpec {
        shape,
        name: type_name,
        path: format!("{module_path}::{type_name}"),
        builder_path: format!("{module_path}::builders::{type_name}Builder"),
        fields: ctx.plan.fields(shape, role == StructRole::Input),
        role,
        fallback_doc: format!("The {what} of the {op_link} operation."),
        builder_sees_type: false,
    }
}

/// `<Op>Error`: one variant per modeled error, then `Unhandled`.
fn render_error_enum(ctx: &Ctx, op: &OperationPlan) -> TokenStream {
    let name = format_ident!("{}", op.error_name);
    let doc = format!(" Errors of the {} operation.", short_link(&op.name));
    let variants: Vec<(proc_macro2::Ident, TokenStream, String, Option<String>)> = op
        .errors
        .iter()
        .filter_map(|e| ctx.plan.type_of(e))
        .map(|t| {
            let shape = ctx.plan.model.expect(&t.id);
            (ident(&t.name), super::ctx::path(&t.path()), naming::snake_case(&t.name), model_summary(shape.traits.documentation()))
        })
        .collect();
    let defs = variants.iter().map(|(v, p, _, summary)| {
        let d = match summary {
            Some(s) => doc_lines(s),
            None => {
                let text = format!(" The `{v}` error.");
                quote!(#[doc = #text])
            }
        };
        quote!(#d #v(#p),)
    });
    let meta_arms = variants.iter().map(|(v, _, _, _)| quote!(Self::#v(e) => crate::error::ProvideErrorMetadata::meta(e),));
    let source_arms = variants.iter().map(|(v, _, _, _)| quote!(Self::#v(e) => ::std::option::Option::Some(e),));
    let display_arms = variants.iter().map(|(v, _, _, _)| quote!(Self::#v(e) => ::std::fmt::Display::fmt(e, f),));
    let is_fns = variants.iter().map(|(v, _, snake, _)| {
        let f = format_ident!("is_{}", snake);
        let d = format!(" Whether this is the [`{v}`](Self::{v}) error.");
        quote! {
            #[doc = #d]
            #[inline]
            pub fn #f(&self) -> bool {
                matches!(self, Self::#v(_))
            }
        }
    });
    let into = ctx.std("Into");
    let b = ctx.std("Box");
    quote! {
        #[doc = #doc]
        #[non_exhaustive]
        #[derive(Debug)]
        pub enum #name {
            #(#defs)*
            /// An error the model does not describe (unknown code, or a response that could not be parsed).
            #[deprecated(note = "Matching `Unhandled` directly is not forward compatible: match other variants, then use a wildcard and check `.code()`.")]
            Unhandled(crate::error::Unhandled),
        }
        impl #name {
            /// An unhandled error wrapping any other error.
            #[inline]
            pub fn unhandled(err: impl #into<#b<dyn ::std::error::Error + ::std::marker::Send + ::std::marker::Sync + 'static>>) -> Self {
                Self::Unhandled(crate::error::Unhandled::with_source(::std::default::Default::default(), err.into()))
            }
            /// An unhandled error described only by its metadata.
            #[inline]
            pub fn generic(meta: crate::error::ErrorMetadata) -> Self {
                Self::Unhandled(crate::error::Unhandled::new(meta))
            }
            /// The error's metadata (code, message, request ID).
            #[inline]
            pub fn meta(&self) -> &crate::error::ErrorMetadata {
                match self {
                    #(#meta_arms)*
                    Self::Unhandled(e) => e.meta(),
                }
            }
            #(#is_fns)*
        }
        impl ::std::error::Error for #name {
            fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    #(#source_arms)*
                    Self::Unhandled(e) => ::std::error::Error::source(e),
                }
            }
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #(#display_arms)*
                    Self::Unhandled(e) => ::std::fmt::Display::fmt(e, f),
                }
            }
        }
        impl crate::error::ProvideErrorMetadata for #name {
            fn meta(&self) -> &crate::error::ErrorMetadata {
                self.meta()
            }
        }
    }
}
