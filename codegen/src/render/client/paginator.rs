//! Paginators for `@paginated` operations: `<Op>Paginator` (pages) and `<Op>PaginatorItems`
//! (the items of every page), as the AWS SDK for Rust has them. The loop itself is the
//! runtime's `paginate`; this file only says where the tokens, page size and items are.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rt;
use crate::model::Shape;
use crate::plan::{FieldPlan, OperationPlan, RustType};
use crate::render::ctx::{ident, Ctx};

/// Where an operation's pagination members are (the operation's `@paginated` trait over the
/// service's).
pub struct PaginatorPlan<'m> {
    input_token: FieldPlan<'m>,
    /// The output token, as a path of fields from the output.
    output_token: Vec<FieldPlan<'m>>,
    page_size: Option<FieldPlan<'m>>,
    /// The items, as a path of fields from the output.
    items: Option<Vec<FieldPlan<'m>>>,
}

/// The paginator plan of `op`, or `None` when it is not paginated (or its tokens are not strings,
/// which no paginator here handles).
pub fn plan<'m>(ctx: &Ctx<'_, 'm>, op: &OperationPlan) -> Option<PaginatorPlan<'m>> {
    let model = ctx.plan.model;
    let op_trait = model.expect(&op.id).traits.get("smithy.api#paginated")?;
    let service_trait = model.expect(&ctx.plan.service.id).traits.get("smithy.api#paginated");
    let setting = |key: &str| {
        op_trait.get(key).and_then(|v| v.as_str()).or_else(|| service_trait.and_then(|s| s.get(key)).and_then(|v| v.as_str()))
    };
    let (input_token, output_token) = (setting("inputToken")?, setting("outputToken")?);
    let input = model.expect(&op.input);
    let output = model.expect(&op.output);
    let input_token = field_path(ctx, input, input_token, true)?.pop()?;
    let output_token = field_path(ctx, output, output_token, false)?;
    let is_string = |f: &FieldPlan| f.ty == RustType::String;
    if !is_string(&input_token) || !output_token.last().is_some_and(is_string) {
        return None;
    }
    let page_size = setting("pageSize").and_then(|p| field_path(ctx, input, p, true)).and_then(|mut p| p.pop());
    let items = setting("items").and_then(|p| field_path(ctx, output, p, false));
    Some(PaginatorPlan { input_token, output_token, page_size, items })
}

/// The fields along a dotted member path (`a.b.c`), from `shape`.
fn field_path<'m>(ctx: &Ctx<'_, 'm>, mut shape: &'m Shape, path: &str, input: bool) -> Option<Vec<FieldPlan<'m>>> {
    let mut out = Vec::new();
    for (i, name) in path.split('.').enumerate() {
        let field = ctx.plan.fields(shape, input && i == 0).into_iter().find(|f| f.member.name == name)?;
        shape = field.target;
        out.push(field);
    }
    Some(out)
}

/// Reads an optional `&str` along a path from `o` (every step but the last is a structure).
fn token_reader(path: &[FieldPlan]) -> TokenStream {
    let mut expr = quote!(::std::option::Option::Some(o));
    for (i, f) in path.iter().enumerate() {
        let name = ident(&f.field);
        let last = i + 1 == path.len();
        expr = match (last, f.optional) {
            (true, true) => quote!(#expr.and_then(|x| x.#name.as_deref())),
            (true, false) => quote!(#expr.map(|x| x.#name.as_str())),
            (false, true) => quote!(#expr.and_then(|x| x.#name.as_ref())),
            (false, false) => quote!(#expr.map(|x| &x.#name)),
        };
    }
    expr
}

/// The `pub mod paginator` of `op`, when it is paginated.
pub fn render(ctx: &Ctx, op: &OperationPlan) -> TokenStream {
    let Some(p) = plan(ctx, op) else { return TokenStream::new() };
    let rt = rt();
    let paginator = format_ident!("{}Paginator", op.name);
    let items_name = format_ident!("{}PaginatorItems", op.name);
    let input_builder = format_ident!("{}Builder", op.input_name);
    let (op_ty, input, output, error) = (ident(&op.name), ident(&op.input_name), ident(&op.output_name), ident(&op.error_name));
    let in_tok = ident(&p.input_token.field);
    let out_tok = token_reader(&p.output_token);
    let page_size = p.page_size.as_ref().map(|f| {
        let (setter, ty) = (ident(&f.setter), ctx.ty(&f.ty));
        quote! {
            /// Sets the page size (how many items the service returns per page at most).
            pub fn page_size(mut self, limit: #ty) -> Self {
                self.builder = self.builder.#setter(::std::option::Option::Some(limit));
                self
            }
        }
    });
    let items = p.items.as_ref().and_then(|path| {
        let last = path.last()?;
        let item_ty = match &last.ty {
            RustType::Vec(inner) => ctx.ty(inner),
            RustType::Map(k, v) => {
                let (k, v) = (ctx.ty(k), ctx.ty(v));
                quote!((#k, #v))
            }
            _ => return None,
        };
        // Take the items out of the page by value, along the path.
        let mut expr = quote!(::std::option::Option::Some(page));
        for f in path {
            let name = ident(&f.field);
            expr = if f.optional { quote!(#expr.and_then(|x| x.#name)) } else { quote!(#expr.map(|x| x.#name)) };
        }
        Some(quote! {
            /// The items of every page, one by one.
            pub struct #items_name(#paginator);

            impl ::std::fmt::Debug for #items_name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.debug_tuple(stringify!(#items_name)).field(&self.0).finish()
                }
            }

            impl #items_name {
                /// A stream of the items of every page; an error ends it.
                pub fn send(self) -> #rt::deps::aws_smithy_async::future::pagination_stream::PaginationStream<
                    ::std::result::Result<#item_ty, crate::error::SdkError<super::#error>>,
                > {
                    #rt::deps::aws_smithy_async::future::pagination_stream::TryFlatMap::new(self.0.send())
                        .flat_map(|page: super::#output| #expr.unwrap_or_default())
                }
            }
        })
    });
    let items_fn = items.as_ref().map(|_| {
        quote! {
            /// Streams the items of every page instead of the pages.
            pub fn items(self) -> #items_name {
                #items_name(self)
            }
        }
    });
    let doc = format!(" Paginator for the [`{0}`](super::{0}) operation.", op.name);
    quote! {
        /// Paginators of this operation.
        #[cfg(feature = "client")]
        pub mod paginator {
            #[doc = #doc]
            ///
            /// Pages are fetched as the stream returned by [`send`](Self::send) is polled; the
            /// stream ends after a page without a next token (or with the token just sent).
            #[derive(Clone, Debug)]
            pub struct #paginator {
                handle: ::std::sync::Arc<crate::client::Handle>,
                builder: super::builders::#input_builder,
                stop_on_duplicate_token: bool,
            }

            impl #paginator {
                pub(crate) fn new(handle: ::std::sync::Arc<crate::client::Handle>, builder: super::builders::#input_builder) -> Self {
                    Self { handle, builder, stop_on_duplicate_token: true }
                }

                #page_size
                #items_fn

                /// Whether to stop when the service returns the token just sent (default `true`);
                /// otherwise a service that repeats a token would be paged forever.
                pub fn stop_on_duplicate_token(mut self, stop: bool) -> Self {
                    self.stop_on_duplicate_token = stop;
                    self
                }

                /// A stream of pages; an error is yielded and ends it.
                pub fn send(self) -> #rt::deps::aws_smithy_async::future::pagination_stream::PaginationStream<
                    ::std::result::Result<super::#output, crate::error::SdkError<super::#error>>,
                > {
                    let input = match self.builder.build() {
                        ::std::result::Result::Ok(input) => input,
                        ::std::result::Result::Err(e) => {
                            return #rt::failed_pagination(crate::error::SdkError::construction_failure(e))
                        }
                    };
                    let handle = self.handle;
                    let tokens = #rt::TokenPaths {
                        input: |i: &super::#input| i.#in_tok.as_deref(),
                        set_input: |i: &mut super::#input, t| i.#in_tok = t,
                        output: |o: &super::#output| #out_tok,
                    };
                    #rt::paginate(input, tokens, self.stop_on_duplicate_token, move |input| {
                        let handle = handle.clone();
                        async move { crate::client::send::<super::#op_ty>(&handle, input).await }
                    })
                }
            }

            #items
        }
    }
}
