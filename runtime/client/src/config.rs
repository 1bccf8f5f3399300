//! What a client is configured with: the service's fixed facts and the user's settings.

use std::sync::Arc;
use std::time::Duration;

use aws_credential_types::provider::SharedCredentialsProvider;
use aws_smithy_async::rt::sleep::{default_async_sleep, SharedAsyncSleep};
use aws_smithy_async::time::{SharedTimeSource, SystemTimeSource};
use aws_smithy_runtime_api::client::endpoint::SharedEndpointResolver;
use aws_smithy_runtime_api::client::http::SharedHttpClient;
use aws_smithy_types::retry::RetryConfig;
use aws_smithy_types::timeout::TimeoutConfig;
use aws_types::app_name::AppName;
use aws_types::region::Region;
use aws_types::SdkConfig;

use crate::credentials::CredentialsCache;
use crate::request_headers::{InvocationIdGenerator, RandomInvocationIds};

/// Facts about the service, fixed by the model at generation time.
#[derive(Debug, Clone, Copy)]
pub struct ServiceInfo {
    /// The SDK ID in snake form, e.g. `connect` (user agent `api/<id>/<version>`, retry partition).
    pub service_id: &'static str,
    /// The generated crate's version.
    pub crate_version: &'static str,
    /// The SigV4 signing name (`aws.auth#sigv4` `name`), or `None` when requests are not signed.
    pub signing_name: Option<&'static str>,
}

/// A client's configuration, cheap to clone.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    pub(crate) inner: Arc<Inner>,
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) service: ServiceInfo,
    pub(crate) region: Option<Region>,
    pub(crate) credentials: Option<CredentialsCache>,
    pub(crate) endpoint_resolver: SharedEndpointResolver,
    pub(crate) retry: RetryConfig,
    pub(crate) timeouts: TimeoutConfig,
    pub(crate) sleep: Option<SharedAsyncSleep>,
    pub(crate) time: SharedTimeSource,
    pub(crate) http_client: Option<SharedHttpClient>,
    pub(crate) app_name: Option<AppName>,
    pub(crate) invocation_ids: Arc<dyn InvocationIdGenerator>,
    pub(crate) user_agent: Option<String>,
}

impl ClientConfig {
    /// A builder, for the service described by `service`, resolving endpoints with `resolver`.
    pub fn builder(service: ServiceInfo, resolver: SharedEndpointResolver) -> ClientConfigBuilder {
        ClientConfigBuilder {
            service,
            endpoint_resolver: resolver,
            region: None,
            credentials: None,
            retry: None,
            timeouts: None,
            sleep: None,
            time: None,
            http_client: None,
            app_name: None,
            invocation_ids: None,
            user_agent: None,
        }
    }

    /// The region.
    pub fn region(&self) -> Option<&Region> {
        self.inner.region.as_ref()
    }
    /// The retry configuration.
    pub fn retry_config(&self) -> &RetryConfig {
        &self.inner.retry
    }
    /// The timeout configuration.
    pub fn timeout_config(&self) -> &TimeoutConfig {
        &self.inner.timeouts
    }
    /// The application name sent in the user agent.
    pub fn app_name(&self) -> Option<&AppName> {
        self.inner.app_name.as_ref()
    }
    /// The HTTP client, when one was set.
    pub fn http_client(&self) -> Option<SharedHttpClient> {
        self.inner.http_client.clone()
    }
    /// The sleep implementation (backoff and timeouts).
    pub fn sleep_impl(&self) -> Option<SharedAsyncSleep> {
        self.inner.sleep.clone()
    }
    /// The time source (signing and credential expiry).
    pub fn time_source(&self) -> SharedTimeSource {
        self.inner.time.clone()
    }
    /// The endpoint resolver.
    pub fn endpoint_resolver(&self) -> SharedEndpointResolver {
        self.inner.endpoint_resolver.clone()
    }
}

/// Builder for [`ClientConfig`]; every setting is optional.
#[derive(Debug)]
pub struct ClientConfigBuilder {
    service: ServiceInfo,
    endpoint_resolver: SharedEndpointResolver,
    region: Option<Region>,
    credentials: Option<SharedCredentialsProvider>,
    retry: Option<RetryConfig>,
    timeouts: Option<TimeoutConfig>,
    sleep: Option<SharedAsyncSleep>,
    time: Option<SharedTimeSource>,
    http_client: Option<SharedHttpClient>,
    app_name: Option<AppName>,
    invocation_ids: Option<Arc<dyn InvocationIdGenerator>>,
    user_agent: Option<String>,
}

impl ClientConfigBuilder {
    /// Takes every setting the SDK configuration carries (the endpoint URL, FIPS and dual-stack
    /// flags are endpoint parameters: the generated `Config` reads those itself).
    pub fn sdk_config(mut self, sdk: &SdkConfig) -> Self {
        self.region = sdk.region().cloned();
        self.credentials = sdk.credentials_provider();
        self.retry = sdk.retry_config().cloned();
        self.timeouts = sdk.timeout_config().cloned();
        self.sleep = sdk.sleep_impl();
        self.time = sdk.time_source();
        self.http_client = sdk.http_client();
        self.app_name = sdk.app_name().cloned();
        self
    }
    /// Sets the region.
    pub fn region(mut self, region: Option<Region>) -> Self {
        self.region = region;
        self
    }
    /// Sets the credentials provider (its results are cached by the client).
    pub fn credentials_provider(mut self, provider: Option<SharedCredentialsProvider>) -> Self {
        self.credentials = provider;
        self
    }
    /// Sets the retry configuration (default: standard mode, 3 attempts).
    pub fn retry_config(mut self, retry: Option<RetryConfig>) -> Self {
        self.retry = retry;
        self
    }
    /// Sets the timeouts (default: none).
    pub fn timeout_config(mut self, timeouts: Option<TimeoutConfig>) -> Self {
        self.timeouts = timeouts;
        self
    }
    /// Sets the sleep implementation (default: tokio's).
    pub fn sleep_impl(mut self, sleep: Option<SharedAsyncSleep>) -> Self {
        self.sleep = sleep;
        self
    }
    /// Sets the time source (default: the system clock).
    pub fn time_source(mut self, time: Option<SharedTimeSource>) -> Self {
        self.time = time;
        self
    }
    /// Sets the HTTP client.
    pub fn http_client(mut self, client: Option<SharedHttpClient>) -> Self {
        self.http_client = client;
        self
    }
    /// Sets the application name for the user agent.
    pub fn app_name(mut self, name: Option<AppName>) -> Self {
        self.app_name = name;
        self
    }
    /// Sets where invocation IDs come from (default: random UUID v4).
    pub fn invocation_id_generator(mut self, generator: Option<Arc<dyn InvocationIdGenerator>>) -> Self {
        self.invocation_ids = generator;
        self
    }
    /// Replaces the user agent (both `user-agent` and `x-amz-user-agent`); for tests that
    /// compare signed requests with another client's.
    pub fn user_agent_override(mut self, user_agent: Option<String>) -> Self {
        self.user_agent = user_agent;
        self
    }

    /// Builds the configuration.
    pub fn build(self) -> ClientConfig {
        let time = self.time.unwrap_or_else(|| SharedTimeSource::new(SystemTimeSource::new()));
        let credentials = self.credentials.map(|p| CredentialsCache::new(p, time.clone()));
        ClientConfig {
            inner: Arc::new(Inner {
                service: self.service,
                region: self.region,
                credentials,
                endpoint_resolver: self.endpoint_resolver,
                retry: self.retry.unwrap_or_else(RetryConfig::standard),
                timeouts: self.timeouts.unwrap_or_else(TimeoutConfig::disabled),
                sleep: self.sleep.or_else(default_async_sleep),
                time,
                http_client: self.http_client.or_else(default_http_client),
                app_name: self.app_name,
                invocation_ids: self.invocation_ids.unwrap_or_else(|| Arc::new(RandomInvocationIds)),
                user_agent: self.user_agent,
            }),
        }
    }
}

#[cfg(feature = "default-https-client")]
fn default_http_client() -> Option<SharedHttpClient> {
    Some(crate::https::default_client())
}

#[cfg(not(feature = "default-https-client"))]
fn default_http_client() -> Option<SharedHttpClient> {
    None
}

/// The longest a server-requested or computed backoff may be.
pub(crate) const MAX_BACKOFF: Duration = Duration::from_secs(20);
