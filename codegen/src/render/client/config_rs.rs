//! `src/config/client.rs`: `Config`, its `Builder`, the re-exports aws-sdk-* crates have in
//! `config` (re-exported from there), and the bridge from the generated endpoint resolver to the
//! smithy `ResolveEndpoint` trait.

use proc_macro2::TokenStream;
use quote::quote;

use super::{facts, rt};
use crate::render::ctx::{ident, Ctx};

/// A rule-set parameter bound to a built-in the client fills from its configuration.
struct BuiltIn {
    setter: proc_macro2::Ident,
    value: TokenStream,
}

/// The endpoint parameters the configuration fills, from the rule set's `builtIn`s.
fn built_ins(ctx: &Ctx) -> Vec<BuiltIn> {
    let Some(ep) = &ctx.plan.endpoint else { return Vec::new() };
    ep.rule_set
        .params
        .iter()
        .filter_map(|p| {
            let value = match p.built_in.as_deref()? {
                "AWS::Region" => quote!(self.region().map(|r| r.as_ref().to_owned())),
                "AWS::UseFIPS" => quote!(self.settings.use_fips),
                "AWS::UseDualStack" => quote!(self.settings.use_dual_stack),
                "SDK::Endpoint" => quote!(self.settings.endpoint_url.clone()),
                _ => return None,
            };
            Some(BuiltIn { setter: ident(&format!("set_{}", p.rust)), value })
        })
        .collect()
}

/// `src/config/client.rs` (its items are re-exported by `config`).
pub fn config_rs(ctx: &Ctx) -> TokenStream {
    let rt = rt();
    let f = facts(ctx.plan);
    let service_id = &f.service_id;
    let signing_name = match &f.signing_name {
        Some(n) => quote!(::std::option::Option::Some(#n)),
        None => quote!(::std::option::Option::None),
    };
    let params = built_ins(ctx).into_iter().map(|b| {
        let (s, v) = (b.setter, b.value);
        quote!(.#s(#v))
    });
    let smithy = quote!(#rt::deps::aws_smithy_runtime_api);
    quote! {
        //! Configuration of the [`Client`](crate::Client): [`Config`] and its [`Builder`].
        //!
        //! The types re-exported here are the smithy runtime's own (the same the AWS SDK for Rust
        //! re-exports), so values from `aws-config` and other SDK crates can be passed as they are.

        use ::std::sync::Arc;

        pub use #rt::deps::aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
        pub use #rt::deps::aws_credential_types::Credentials;
        pub use #rt::deps::aws_smithy_async::rt::sleep::{AsyncSleep, SharedAsyncSleep, Sleep};
        pub use #rt::deps::aws_smithy_async::time::{SharedTimeSource, TimeSource};
        pub use #smithy::client::behavior_version::BehaviorVersion;
        pub use #smithy::client::http::{HttpClient, SharedHttpClient};
        pub use #smithy::shared::IntoShared;
        pub use #rt::deps::aws_types::app_name::AppName;
        pub use #rt::deps::aws_types::region::Region;

        use super::endpoint;

        /// Retry settings.
        pub mod retry {
            pub use ::smithy_codegen_client::deps::aws_smithy_types::retry::{ReconnectMode, RetryConfig, RetryConfigBuilder, RetryMode};
        }

        /// Timeout settings.
        pub mod timeout {
            pub use ::smithy_codegen_client::deps::aws_smithy_types::timeout::{TimeoutConfig, TimeoutConfigBuilder};
        }

        /// Fixed facts about the service, from its model.
        const SERVICE: #rt::ServiceInfo = #rt::ServiceInfo {
            service_id: #service_id,
            crate_version: env!("CARGO_PKG_VERSION"),
            signing_name: #signing_name,
        };

        /// Configuration of a [`Client`](crate::Client).
        ///
        /// Build one with [`Config::builder`], or take an `SdkConfig`'s settings with [`Config::new`].
        #[derive(Clone, Debug)]
        pub struct Config {
            pub(crate) runtime: #rt::Runtime,
            settings: Builder,
        }

        impl Config {
            /// A builder with nothing set.
            pub fn builder() -> Builder {
                Builder::default()
            }

            /// The configuration an `SdkConfig` describes.
            pub fn new(sdk_config: &#rt::deps::aws_types::SdkConfig) -> Self {
                Builder::from(sdk_config).build()
            }

            /// A builder holding this configuration's settings.
            pub fn to_builder(&self) -> Builder {
                self.settings.clone()
            }

            /// The region.
            pub fn region(&self) -> ::std::option::Option<&Region> {
                self.settings.region.as_ref()
            }

            /// The endpoint URL, when it overrides the resolved endpoint.
            pub fn endpoint_url(&self) -> ::std::option::Option<&str> {
                self.settings.endpoint_url.as_deref()
            }

            /// Whether FIPS endpoints are used.
            pub fn use_fips(&self) -> ::std::option::Option<bool> {
                self.settings.use_fips
            }

            /// Whether dual-stack endpoints are used.
            pub fn use_dual_stack(&self) -> ::std::option::Option<bool> {
                self.settings.use_dual_stack
            }

            /// The retry settings in effect.
            pub fn retry_config(&self) -> ::std::option::Option<&retry::RetryConfig> {
                ::std::option::Option::Some(self.runtime.config().retry_config())
            }

            /// The timeout settings in effect.
            pub fn timeout_config(&self) -> ::std::option::Option<&timeout::TimeoutConfig> {
                ::std::option::Option::Some(self.runtime.config().timeout_config())
            }

            /// The HTTP client.
            pub fn http_client(&self) -> ::std::option::Option<SharedHttpClient> {
                self.runtime.config().http_client()
            }

            /// The sleep implementation.
            pub fn sleep_impl(&self) -> ::std::option::Option<SharedAsyncSleep> {
                self.runtime.config().sleep_impl()
            }

            /// The time source.
            pub fn time_source(&self) -> ::std::option::Option<SharedTimeSource> {
                ::std::option::Option::Some(self.runtime.config().time_source())
            }

            /// The application name.
            pub fn app_name(&self) -> ::std::option::Option<&AppName> {
                self.settings.app_name.as_ref()
            }

            /// The behavior version.
            pub fn behavior_version(&self) -> ::std::option::Option<BehaviorVersion> {
                self.settings.behavior_version
            }

            pub(crate) fn idempotency_tokens(&self) -> &dyn crate::protocol::IdempotencyTokenProvider {
                match &self.settings.idempotency_tokens {
                    ::std::option::Option::Some(tokens) => &*tokens.0,
                    ::std::option::Option::None => &crate::protocol::RandomTokens,
                }
            }

            /// The endpoint parameters for a call, from the configuration.
            pub(crate) fn endpoint_params(&self) -> ::std::result::Result<#smithy::client::endpoint::EndpointResolverParams, crate::error::BoxError> {
                let params = endpoint::Params::builder() #(#params)* .build()?;
                ::std::result::Result::Ok(#smithy::client::endpoint::EndpointResolverParams::new(params))
            }
        }

        /// An idempotency-token source that can be shared.
        #[derive(Clone)]
        struct Tokens(Arc<dyn crate::protocol::IdempotencyTokenProvider + Send + Sync>);

        impl ::std::fmt::Debug for Tokens {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("IdempotencyTokenProvider")
            }
        }

        /// Builder for [`Config`]. Every setting is optional.
        #[derive(Clone, Debug, Default)]
        pub struct Builder {
            region: ::std::option::Option<Region>,
            credentials_provider: ::std::option::Option<SharedCredentialsProvider>,
            endpoint_url: ::std::option::Option<::std::string::String>,
            use_fips: ::std::option::Option<bool>,
            use_dual_stack: ::std::option::Option<bool>,
            retry_config: ::std::option::Option<retry::RetryConfig>,
            timeout_config: ::std::option::Option<timeout::TimeoutConfig>,
            sleep_impl: ::std::option::Option<SharedAsyncSleep>,
            time_source: ::std::option::Option<SharedTimeSource>,
            http_client: ::std::option::Option<SharedHttpClient>,
            app_name: ::std::option::Option<AppName>,
            behavior_version: ::std::option::Option<BehaviorVersion>,
            idempotency_tokens: ::std::option::Option<Tokens>,
            endpoint_resolver: ::std::option::Option<#smithy::client::endpoint::SharedEndpointResolver>,
            invocation_ids: ::std::option::Option<Arc<dyn #rt::InvocationIdGenerator>>,
            user_agent: ::std::option::Option<::std::string::String>,
        }

        impl From<&#rt::deps::aws_types::SdkConfig> for Builder {
            fn from(sdk: &#rt::deps::aws_types::SdkConfig) -> Self {
                Builder {
                    region: sdk.region().cloned(),
                    credentials_provider: sdk.credentials_provider(),
                    endpoint_url: sdk.endpoint_url().map(::std::borrow::ToOwned::to_owned),
                    use_fips: sdk.use_fips(),
                    use_dual_stack: sdk.use_dual_stack(),
                    retry_config: sdk.retry_config().cloned(),
                    timeout_config: sdk.timeout_config().cloned(),
                    sleep_impl: sdk.sleep_impl(),
                    time_source: sdk.time_source(),
                    http_client: sdk.http_client(),
                    app_name: sdk.app_name().cloned(),
                    behavior_version: sdk.behavior_version(),
                    ..Builder::default()
                }
            }
        }

        impl Builder {
            /// A builder with nothing set.
            pub fn new() -> Self {
                Self::default()
            }

            /// Sets the region (endpoint and signing).
            pub fn region(mut self, region: impl ::std::convert::Into<::std::option::Option<Region>>) -> Self {
                self.region = region.into();
                self
            }
            /// Sets or clears the region.
            pub fn set_region(&mut self, region: ::std::option::Option<Region>) -> &mut Self {
                self.region = region;
                self
            }

            /// Sets the credentials provider. Its credentials are cached by the client and
            /// refreshed shortly before they expire.
            pub fn credentials_provider(mut self, provider: impl ProvideCredentials + 'static) -> Self {
                self.credentials_provider = ::std::option::Option::Some(SharedCredentialsProvider::new(provider));
                self
            }
            /// Sets or clears the credentials provider.
            pub fn set_credentials_provider(&mut self, provider: ::std::option::Option<SharedCredentialsProvider>) -> &mut Self {
                self.credentials_provider = provider;
                self
            }

            /// Sends requests to this URL instead of the resolved endpoint.
            pub fn endpoint_url(mut self, url: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.endpoint_url = ::std::option::Option::Some(url.into());
                self
            }
            /// Sets or clears the endpoint URL.
            pub fn set_endpoint_url(&mut self, url: ::std::option::Option<::std::string::String>) -> &mut Self {
                self.endpoint_url = url;
                self
            }

            /// Uses FIPS endpoints.
            pub fn use_fips(mut self, use_fips: bool) -> Self {
                self.use_fips = ::std::option::Option::Some(use_fips);
                self
            }
            /// Sets or clears the FIPS setting.
            pub fn set_use_fips(&mut self, use_fips: ::std::option::Option<bool>) -> &mut Self {
                self.use_fips = use_fips;
                self
            }

            /// Uses dual-stack (IPv4 and IPv6) endpoints.
            pub fn use_dual_stack(mut self, use_dual_stack: bool) -> Self {
                self.use_dual_stack = ::std::option::Option::Some(use_dual_stack);
                self
            }
            /// Sets or clears the dual-stack setting.
            pub fn set_use_dual_stack(&mut self, use_dual_stack: ::std::option::Option<bool>) -> &mut Self {
                self.use_dual_stack = use_dual_stack;
                self
            }

            /// Sets the retry settings (default: standard mode, 3 attempts).
            pub fn retry_config(mut self, retry_config: retry::RetryConfig) -> Self {
                self.retry_config = ::std::option::Option::Some(retry_config);
                self
            }
            /// Sets or clears the retry settings.
            pub fn set_retry_config(&mut self, retry_config: ::std::option::Option<retry::RetryConfig>) -> &mut Self {
                self.retry_config = retry_config;
                self
            }

            /// Sets the timeouts (default: none besides the HTTP client's own).
            pub fn timeout_config(mut self, timeout_config: timeout::TimeoutConfig) -> Self {
                self.timeout_config = ::std::option::Option::Some(timeout_config);
                self
            }
            /// Sets or clears the timeouts.
            pub fn set_timeout_config(&mut self, timeout_config: ::std::option::Option<timeout::TimeoutConfig>) -> &mut Self {
                self.timeout_config = timeout_config;
                self
            }

            /// Sets the sleep implementation used for backoff and timeouts (default: tokio's).
            pub fn sleep_impl(mut self, sleep_impl: impl AsyncSleep + 'static) -> Self {
                self.sleep_impl = ::std::option::Option::Some(SharedAsyncSleep::new(sleep_impl));
                self
            }
            /// Sets or clears the sleep implementation.
            pub fn set_sleep_impl(&mut self, sleep_impl: ::std::option::Option<SharedAsyncSleep>) -> &mut Self {
                self.sleep_impl = sleep_impl;
                self
            }

            /// Sets the time source used for signing and credential expiry (default: the system clock).
            pub fn time_source(mut self, time_source: impl TimeSource + 'static) -> Self {
                self.time_source = ::std::option::Option::Some(SharedTimeSource::new(time_source));
                self
            }
            /// Sets or clears the time source.
            pub fn set_time_source(&mut self, time_source: ::std::option::Option<SharedTimeSource>) -> &mut Self {
                self.time_source = time_source;
                self
            }

            /// Sets the HTTP client (any implementation of the smithy `HttpClient` trait).
            pub fn http_client(mut self, http_client: impl HttpClient + 'static) -> Self {
                self.http_client = ::std::option::Option::Some(http_client.into_shared());
                self
            }
            /// Sets or clears the HTTP client.
            pub fn set_http_client(&mut self, http_client: ::std::option::Option<SharedHttpClient>) -> &mut Self {
                self.http_client = http_client;
                self
            }

            /// Sets the application name sent in the user agent.
            pub fn app_name(mut self, app_name: AppName) -> Self {
                self.app_name = ::std::option::Option::Some(app_name);
                self
            }
            /// Sets or clears the application name.
            pub fn set_app_name(&mut self, app_name: ::std::option::Option<AppName>) -> &mut Self {
                self.app_name = app_name;
                self
            }

            /// Sets the behavior version (kept for compatibility; this client has one behavior).
            pub fn behavior_version(mut self, behavior_version: BehaviorVersion) -> Self {
                self.behavior_version = ::std::option::Option::Some(behavior_version);
                self
            }
            /// Sets or clears the behavior version.
            pub fn set_behavior_version(&mut self, behavior_version: ::std::option::Option<BehaviorVersion>) -> &mut Self {
                self.behavior_version = behavior_version;
                self
            }
            /// Sets the latest behavior version.
            pub fn behavior_version_latest(self) -> Self {
                self.behavior_version(BehaviorVersion::latest())
            }

            /// Sets where idempotency tokens come from when an input leaves one empty
            /// (default: random UUID v4). A `&'static str` gives a fixed token.
            pub fn idempotency_token_provider(mut self, tokens: impl crate::protocol::IdempotencyTokenProvider + Send + Sync + 'static) -> Self {
                self.idempotency_tokens = ::std::option::Option::Some(Tokens(Arc::new(tokens)));
                self
            }

            /// Replaces the endpoint resolver.
            pub fn endpoint_resolver(mut self, resolver: impl #smithy::client::endpoint::ResolveEndpoint + 'static) -> Self {
                self.endpoint_resolver = ::std::option::Option::Some(#smithy::client::endpoint::SharedEndpointResolver::new(resolver));
                self
            }

            /// Sets where `amz-sdk-invocation-id` values come from (default: random UUID v4); for tests.
            pub fn invocation_id_generator(mut self, generator: impl #rt::InvocationIdGenerator + 'static) -> Self {
                self.invocation_ids = ::std::option::Option::Some(Arc::new(generator));
                self
            }

            /// Replaces the user agent; for tests that compare signed requests with another client's.
            pub fn user_agent_override(mut self, user_agent: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.user_agent = ::std::option::Option::Some(user_agent.into());
                self
            }

            /// Builds the configuration.
            pub fn build(self) -> Config {
                let resolver = self
                    .endpoint_resolver
                    .clone()
                    .unwrap_or_else(|| #smithy::client::endpoint::SharedEndpointResolver::new(endpoint::DefaultResolver::new()));
                let conf = #rt::ClientConfig::builder(SERVICE, resolver)
                    .region(self.region.clone())
                    .credentials_provider(self.credentials_provider.clone())
                    .retry_config(self.retry_config.clone())
                    .timeout_config(self.timeout_config.clone())
                    .sleep_impl(self.sleep_impl.clone())
                    .time_source(self.time_source.clone())
                    .http_client(self.http_client.clone())
                    .app_name(self.app_name.clone())
                    .invocation_id_generator(self.invocation_ids.clone())
                    .user_agent_override(self.user_agent.clone())
                    .build();
                Config { runtime: #rt::Runtime::new(conf), settings: self }
            }
        }

        impl #smithy::client::endpoint::ResolveEndpoint for endpoint::DefaultResolver {
            fn resolve_endpoint<'a>(
                &'a self,
                params: &'a #smithy::client::endpoint::EndpointResolverParams,
            ) -> #smithy::client::endpoint::EndpointFuture<'a> {
                let result = match params.get::<endpoint::Params>() {
                    ::std::option::Option::Some(params) => self
                        .resolve(params)
                        .map(to_smithy_endpoint)
                        .map_err(|e| -> crate::error::BoxError { ::std::boxed::Box::new(e) }),
                    ::std::option::Option::None => ::std::result::Result::Err("the endpoint parameters are not this service's".into()),
                };
                #smithy::client::endpoint::EndpointFuture::ready(result)
            }
        }

        /// The resolved endpoint as the smithy runtime's type.
        fn to_smithy_endpoint(endpoint: endpoint::Endpoint) -> #rt::deps::aws_smithy_types::endpoint::Endpoint {
            #rt::endpoint::to_smithy(&endpoint)
        }
    }
}
