//! `src/client.rs`: the `Client`, one method per operation, and the generic `send` that turns
//! an operation's sans-IO request building and response parsing into a call.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{method_name, rt};
use crate::render::ctx::{doc_lines, model_summary, Ctx};

/// `src/client.rs`.
pub fn client_rs(ctx: &Ctx) -> TokenStream {
    let rt = rt();
    let title = crate::docs::html_to_markdown(&ctx.plan.service.title.replace(['\n', '\r'], " "));
    let client_doc = doc_lines(&format!(
        "Client for {title}.\n\n\
         Create it once from an `SdkConfig` (`aws_config::load_defaults(..)`) with [`Client::new`], or from a \
         [`Config`](crate::Config) with [`Client::from_conf`], and share it (cloning is cheap). Each operation is \
         a method returning a fluent builder: set the input's members, then `send().await`."
    ));
    let methods = ctx.plan.operations.iter().map(|op| {
        let m = method_name(op);
        let module = format_ident!("{}", op.module);
        let fluent = format_ident!("{}FluentBuilder", op.name);
        let shape = ctx.plan.model.expect(&op.id);
        let summary = model_summary(shape.traits.documentation()).unwrap_or_else(|| format!("Calls the `{}` operation.", op.id.name()));
        let doc = doc_lines(&format!(
            "{summary}\n\nReturns a builder: set the input's members, then call \
             [`send`](crate::operation::{module}::builders::{fluent}::send)."
        ));
        let deprecated = crate::render::ctx::deprecated_attr(&shape.traits);
        quote! {
            #doc
            #deprecated
            pub fn #m(&self) -> crate::operation::#module::builders::#fluent {
                crate::operation::#module::builders::#fluent::new(self.handle.clone())
            }
        }
    });
    quote! {
        //! The [`Client`]: one method per operation.
        use ::std::sync::Arc;

        #client_doc
        #[derive(Clone, Debug)]
        pub struct Client {
            handle: Arc<Handle>,
        }

        /// What every fluent builder of a client shares.
        #[derive(Debug)]
        pub(crate) struct Handle {
            pub(crate) conf: crate::Config,
        }

        impl Client {
            /// A client configured from an `SdkConfig`: region, credentials, endpoint URL, FIPS and
            /// dual-stack, retry and timeout settings, sleep, time source and HTTP client.
            pub fn new(sdk_config: &#rt::deps::aws_types::SdkConfig) -> Self {
                Self::from_conf(crate::Config::new(sdk_config))
            }

            /// A client with the given configuration.
            pub fn from_conf(conf: crate::Config) -> Self {
                Client { handle: Arc::new(Handle { conf }) }
            }

            /// The client's configuration.
            pub fn config(&self) -> &crate::Config {
                &self.handle.conf
            }

            #(#methods)*
        }

        /// Sends one call of operation `Op`: builds the request (sans-IO), then lets the runtime
        /// resolve the endpoint, sign, send, retry and parse the response.
        pub(crate) async fn send<Op: crate::Operation>(
            handle: &Handle,
            input: Op::Input,
        ) -> ::std::result::Result<Op::Output, crate::error::SdkError<Op::Error>>
        where
            Op::Error: crate::error::ProvideErrorMetadata,
        {
            let conf = &handle.conf;
            let request = Op::build_request_with(&input, conf.idempotency_tokens())
                .map_err(crate::error::SdkError::construction_failure)?;
            let host_prefix = Op::host_prefix(&input).map_err(crate::error::SdkError::construction_failure)?;
            let endpoint_params = conf.endpoint_params().map_err(crate::error::SdkError::construction_failure)?;
            conf.runtime
                .invoke(#rt::OperationCall { endpoint_params, request, host_prefix, parse: Op::parse_parts })
                .await
        }
    }
}
