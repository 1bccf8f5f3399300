//! STAND-IN for `src/config/endpoint.rs` until the generated rules-engine resolver (the
//! `endpoints` work) is merged; delete this file and render the real module instead.
//!
//! It has the names of the agreed interface (`Params`, `ParamsBuilder` with `set_*`,
//! `InvalidParams`, `DefaultResolver::resolve`, `Endpoint` with `url()` / `headers()`,
//! `ResolveError`) and resolves only the AWS pattern
//! `https://{endpointPrefix}[-fips].{region}.{amazonaws.com | api.aws}` or the custom endpoint.

use proc_macro2::TokenStream;
use quote::quote;

use super::facts;
use crate::plan::naming;
use crate::render::ctx::{ident, Ctx};

/// `src/config/endpoint.rs`.
pub fn endpoint_rs(ctx: &Ctx) -> TokenStream {
    let prefix = facts(ctx.plan).endpoint_prefix;
    let service = ctx.plan.model.expect(&ctx.plan.service.id);
    let mut names: Vec<(String, String)> = Vec::new(); // (snake name, type)
    if let Some(params) = service.traits.get("smithy.rules#endpointRuleSet").and_then(|r| r.get("parameters")).and_then(|p| p.as_object()) {
        for (name, p) in params {
            let ty = p.get("type").and_then(|t| t.as_str()).unwrap_or("String").to_ascii_lowercase();
            names.push((naming::snake_case(name), ty));
        }
    }
    for (n, t) in [("region", "string"), ("use_fips", "boolean"), ("use_dual_stack", "boolean"), ("endpoint", "string")] {
        if !names.iter().any(|(x, _)| x == n) {
            names.push((n.to_owned(), t.to_owned()));
        }
    }
    let ty_of = |t: &str| match t {
        "boolean" => quote!(bool),
        "stringarray" => quote!(::std::vec::Vec<::std::string::String>),
        _ => quote!(::std::string::String),
    };
    let fields = names.iter().map(|(n, t)| {
        let (f, ty) = (ident(n), ty_of(t));
        quote!(#f: ::std::option::Option<#ty>,)
    });
    let setters = names.iter().map(|(n, t)| {
        let (f, ty) = (ident(n), ty_of(t));
        let s = ident(&format!("set_{n}"));
        let doc = format!(" Sets or clears `{n}`.");
        quote! {
            #[doc = #doc]
            pub fn #s(mut self, value: ::std::option::Option<#ty>) -> Self {
                self.0.#f = value;
                self
            }
        }
    });
    quote! {
        //! Endpoint resolution (a minimal stand-in for the generated rules-engine resolver).

        /// Endpoint parameters.
        #[derive(Clone, Debug, Default, PartialEq)]
        #[non_exhaustive]
        pub struct Params {
            #(#fields)*
        }

        impl Params {
            /// A builder.
            pub fn builder() -> ParamsBuilder {
                ParamsBuilder::default()
            }
        }

        /// Builder for [`Params`].
        #[derive(Clone, Debug, Default)]
        pub struct ParamsBuilder(Params);

        impl ParamsBuilder {
            #(#setters)*
            /// Builds the parameters.
            pub fn build(self) -> ::std::result::Result<Params, InvalidParams> {
                ::std::result::Result::Ok(self.0)
            }
        }

        /// Parameters that cannot be used.
        #[derive(Debug)]
        pub struct InvalidParams(::std::string::String);

        impl ::std::fmt::Display for InvalidParams {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl ::std::error::Error for InvalidParams {}

        /// A resolved endpoint.
        #[derive(Clone, Debug, PartialEq)]
        pub struct Endpoint {
            url: ::std::string::String,
            headers: ::std::vec::Vec<(::std::string::String, ::std::vec::Vec<::std::string::String>)>,
        }

        impl Endpoint {
            /// The URL.
            pub fn url(&self) -> &str {
                &self.url
            }
            /// Headers to send, by name.
            pub fn headers(&self) -> impl Iterator<Item = (&str, &[::std::string::String])> {
                self.headers.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
            }
        }

        /// Why no endpoint could be resolved.
        #[derive(Debug)]
        pub struct ResolveError(::std::string::String);

        impl ::std::fmt::Display for ResolveError {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl ::std::error::Error for ResolveError {}

        /// The service's endpoint resolver.
        #[derive(Clone, Debug, Default)]
        pub struct DefaultResolver;

        impl DefaultResolver {
            /// The resolver.
            pub fn new() -> Self {
                DefaultResolver
            }

            /// Resolves the endpoint for `params`.
            pub fn resolve(&self, params: &Params) -> ::std::result::Result<Endpoint, ResolveError> {
                let fips = params.use_fips.unwrap_or(false);
                let dual = params.use_dual_stack.unwrap_or(false);
                let error = |m: &str| ::std::result::Result::Err(ResolveError(m.to_owned()));
                let url = match (&params.endpoint, &params.region) {
                    (::std::option::Option::Some(_), _) if fips => return error("Invalid Configuration: FIPS and custom endpoint are not supported"),
                    (::std::option::Option::Some(_), _) if dual => return error("Invalid Configuration: Dualstack and custom endpoint are not supported"),
                    (::std::option::Option::Some(url), _) => url.clone(),
                    (::std::option::Option::None, ::std::option::Option::None) => return error("Invalid Configuration: Missing Region"),
                    (::std::option::Option::None, ::std::option::Option::Some(region)) => {
                        let china = region.starts_with("cn-");
                        let suffix = match (china, dual) {
                            (false, false) => "amazonaws.com",
                            (false, true) => "api.aws",
                            (true, false) => "amazonaws.com.cn",
                            (true, true) => "api.amazonwebservices.com.cn",
                        };
                        let fips = if fips { "-fips" } else { "" };
                        format!("https://{}{fips}.{region}.{suffix}", #prefix)
                    }
                };
                ::std::result::Result::Ok(Endpoint { url, headers: ::std::vec::Vec::new() })
            }
        }
    }
}
