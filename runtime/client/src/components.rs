//! The `RuntimeComponents` value that the smithy `HttpClient` trait asks for.
//!
//! `HttpClient::http_connector` takes the SDK orchestrator's component set. HTTP clients read
//! only its sleep implementation and time source (for their timeouts), but its builder insists
//! on every orchestrator component. The slots this client does not use through the SDK's
//! orchestrator are filled with [`Unused`], which fails loudly if anything ever calls it.

use aws_smithy_async::rt::sleep::SharedAsyncSleep;
use aws_smithy_async::time::SharedTimeSource;
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::auth::static_resolver::StaticAuthSchemeOptionResolver;
use aws_smithy_runtime_api::client::auth::{AuthScheme, AuthSchemeEndpointConfig, AuthSchemeId, Sign};
use aws_smithy_runtime_api::client::endpoint::SharedEndpointResolver;
use aws_smithy_runtime_api::client::identity::{
    Identity, IdentityFuture, ResolveCachedIdentity, ResolveIdentity, SharedIdentityResolver,
};
use aws_smithy_runtime_api::client::identity::SharedIdentityCache;
use aws_smithy_runtime_api::client::interceptors::context::InterceptorContext;
use aws_smithy_runtime_api::client::orchestrator::HttpRequest;
use aws_smithy_runtime_api::client::retries::{RetryStrategy, ShouldAttempt};
use aws_smithy_runtime_api::client::runtime_components::{
    GetIdentityResolver, RuntimeComponents, RuntimeComponentsBuilder,
};
use aws_smithy_types::config_bag::ConfigBag;

const UNUSED_SCHEME: AuthSchemeId = AuthSchemeId::new("smithy-codegen-client-unused");

/// The components handed to HTTP clients.
pub(crate) fn for_http_client(
    sleep: Option<SharedAsyncSleep>,
    time: SharedTimeSource,
    endpoint_resolver: SharedEndpointResolver,
) -> Result<RuntimeComponents, BoxError> {
    Ok(RuntimeComponentsBuilder::new("smithy-codegen-client")
        .with_sleep_impl(sleep)
        .with_time_source(Some(time))
        .with_endpoint_resolver(Some(endpoint_resolver))
        .with_auth_scheme_option_resolver(Some(StaticAuthSchemeOptionResolver::new(vec![UNUSED_SCHEME])))
        .with_auth_scheme(Unused)
        .with_identity_resolver(UNUSED_SCHEME, Unused)
        .with_identity_cache(Some(SharedIdentityCache::new(Unused)))
        .with_retry_strategy(Some(Unused))
        .build()?)
}

/// A placeholder for orchestrator components this client does not use.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unused;

fn unused() -> BoxError {
    "smithy-codegen-client does not run the SDK orchestrator; this component is a placeholder".into()
}

impl AuthScheme for Unused {
    fn scheme_id(&self) -> AuthSchemeId {
        UNUSED_SCHEME
    }
    fn identity_resolver(&self, resolvers: &dyn GetIdentityResolver) -> Option<SharedIdentityResolver> {
        resolvers.identity_resolver(UNUSED_SCHEME)
    }
    fn signer(&self) -> &dyn Sign {
        self
    }
}

impl Sign for Unused {
    fn sign_http_request(
        &self,
        _: &mut HttpRequest,
        _: &Identity,
        _: AuthSchemeEndpointConfig<'_>,
        _: &RuntimeComponents,
        _: &ConfigBag,
    ) -> Result<(), BoxError> {
        Err(unused())
    }
}

impl ResolveIdentity for Unused {
    fn resolve_identity<'a>(&'a self, _: &'a RuntimeComponents, _: &'a ConfigBag) -> IdentityFuture<'a> {
        IdentityFuture::ready(Err(unused()))
    }
}

impl ResolveCachedIdentity for Unused {
    fn resolve_cached_identity<'a>(
        &'a self,
        _: SharedIdentityResolver,
        _: &'a RuntimeComponents,
        _: &'a ConfigBag,
    ) -> IdentityFuture<'a> {
        IdentityFuture::ready(Err(unused()))
    }
}

impl RetryStrategy for Unused {
    fn should_attempt_initial_request(&self, _: &RuntimeComponents, _: &ConfigBag) -> Result<ShouldAttempt, BoxError> {
        Err(unused())
    }
    fn should_attempt_retry(
        &self,
        _: &InterceptorContext,
        _: &RuntimeComponents,
        _: &ConfigBag,
    ) -> Result<ShouldAttempt, BoxError> {
        Err(unused())
    }
}
