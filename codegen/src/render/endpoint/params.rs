//! `Params` and `ParamsBuilder`: one field per rule-set parameter, named and typed as smithy-rs
//! names them (`UseFIPS` → `use_fips: bool` when it has a default).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::expr::rt;
use crate::plan::endpoint::{Literal, Param, ParamType, RuleSet};

/// The built-in whose value `build()` checks to be a host label (smithy-rs does the same: a
/// region with `/` or `.` in it would otherwise end up in the host name).
const REGION_BUILT_IN: &str = "AWS::Region";

fn doc_of(p: &Param) -> String {
    let mut d = if p.documentation.trim().is_empty() { format!("The `{}` parameter.", p.name) } else { p.documentation.trim().to_owned() };
    if let Some(b) = &p.built_in {
        d.push_str(&format!("\n\nBuilt-in `{b}`."));
    }
    if let Some(dep) = &p.deprecated {
        d.push_str(&format!("\n\nDeprecated: {dep}"));
    }
    d
}

fn doc_attrs(text: &str) -> TokenStream {
    let lines = text.lines().map(|l| format!(" {}", l.trim_end()));
    quote!(#(#[doc = #lines])*)
}

/// The Rust type of a value of the parameter (without `Option`).
fn value_type(ty: ParamType) -> TokenStream {
    match ty {
        ParamType::String => quote!(::std::string::String),
        ParamType::Boolean => quote!(bool),
        ParamType::StringArray => quote!(::std::vec::Vec<::std::string::String>),
    }
}

/// A literal value as an expression of [`value_type`].
pub(super) fn literal(l: &Literal) -> TokenStream {
    match l {
        Literal::String(s) => quote!(#s.to_owned()),
        Literal::Bool(b) => quote!(#b),
        Literal::StringArray(a) => quote!(vec![#(#a.to_owned()),*]),
    }
}

/// `Params`, `ParamsBuilder` and their impls.
pub(super) fn render(rs: &RuleSet) -> TokenStream {
    let rt = rt();
    let mut fields = Vec::new();
    let mut accessors = Vec::new();
    let mut builder_fields = Vec::new();
    let mut setters = Vec::new();
    let mut checks = Vec::new();
    let mut inits = Vec::new();
    for p in &rs.params {
        let f = format_ident!("{}", p.rust);
        let set = format_ident!("set_{}", p.rust);
        let vt = value_type(p.ty);
        let doc = doc_attrs(&doc_of(p));
        let deprecated = p.deprecated.as_ref().map(|m| quote!(#[deprecated(note = #m)]));
        let field_ty = if p.always_set() { vt.clone() } else { quote!(::std::option::Option<#vt>) };
        fields.push(quote!(#doc pub(crate) #f: #field_ty,));
        let (ret, get) = match (p.ty, p.always_set()) {
            (ParamType::String, false) => (quote!(::std::option::Option<&str>), quote!(self.#f.as_deref())),
            (ParamType::String, true) => (quote!(::std::option::Option<&str>), quote!(Some(self.#f.as_str()))),
            (ParamType::Boolean, false) => (quote!(::std::option::Option<bool>), quote!(self.#f)),
            (ParamType::Boolean, true) => (quote!(::std::option::Option<bool>), quote!(Some(self.#f))),
            (ParamType::StringArray, false) => (quote!(::std::option::Option<&[::std::string::String]>), quote!(self.#f.as_deref())),
            (ParamType::StringArray, true) => (quote!(::std::option::Option<&[::std::string::String]>), quote!(Some(self.#f.as_slice()))),
        };
        accessors.push(quote!(#doc #deprecated pub fn #f(&self) -> #ret { #get }));
        builder_fields.push(quote!(#f: ::std::option::Option<#vt>,));
        let default_note = p.default.as_ref().map(|d| {
            let shown = match d {
                Literal::String(s) => format!("`{s:?}`"),
                Literal::Bool(b) => format!("`{b}`"),
                Literal::StringArray(a) => format!("`{a:?}`"),
            };
            doc_attrs(&format!("\nWhen unset, this parameter has a default value of {shown}."))
        });
        let set_doc = doc_attrs(&format!("Sets the value for `{}`.\n", p.rust));
        setters.push(quote! {
            #set_doc #default_note #doc #deprecated
            pub fn #f(mut self, value: impl ::std::convert::Into<#vt>) -> Self {
                self.#f = Some(value.into());
                self
            }
            #set_doc #default_note #doc #deprecated
            pub fn #set(mut self, param: ::std::option::Option<#vt>) -> Self {
                self.#f = param;
                self
            }
        });
        let name = &p.rust;
        if p.built_in.as_deref() == Some(REGION_BUILT_IN) && p.ty == ParamType::String {
            checks.push(quote! {
                if let Some(v) = &self.#f {
                    if !#rt::is_valid_host_label(v, true) {
                        return Err(#rt::InvalidParams::invalid_value(#name, "must be a valid host label"));
                    }
                }
            });
        }
        inits.push(match (&p.default, p.required) {
            (Some(Literal::Bool(b)), _) => quote!(#f: self.#f.unwrap_or(#b),),
            (Some(d), _) => {
                let d = literal(d);
                quote!(#f: self.#f.unwrap_or_else(|| #d),)
            }
            (None, true) => quote!(#f: self.#f.ok_or_else(|| #rt::InvalidParams::missing(#name))?,),
            (None, false) => quote!(#f: self.#f,),
        });
    }
    quote! {
        /// The parameters of endpoint resolution: one field per parameter of the service's rule set.
        #[non_exhaustive]
        #[derive(::std::clone::Clone, ::std::cmp::PartialEq, ::std::fmt::Debug)]
        pub struct Params {
            #(#fields)*
        }

        impl Params {
            /// A builder for [`Params`].
            pub fn builder() -> ParamsBuilder {
                ParamsBuilder::default()
            }
            #(#accessors)*
        }

        /// Builder for [`Params`].
        #[derive(::std::clone::Clone, ::std::cmp::PartialEq, ::std::default::Default, ::std::fmt::Debug)]
        pub struct ParamsBuilder {
            #(#builder_fields)*
        }

        impl ParamsBuilder {
            /// Builds [`Params`], applying defaults; fails when a required parameter is unset
            /// or a value is invalid.
            pub fn build(self) -> ::std::result::Result<Params, InvalidParams> {
                #(#checks)*
                Ok(Params { #(#inits)* })
            }
            #(#setters)*
        }
    }
}
