//! One operation call: endpoint, request, headers, signing, sending, parsing, retrying.

use std::error::Error as StdError;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use aws_smithy_async::future::timeout::Timeout;
use aws_smithy_async::rt::sleep::AsyncSleep;
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::endpoint::{EndpointResolverParams, ResolveEndpoint};
use aws_smithy_runtime_api::client::http::{HttpClient, HttpConnector, HttpConnectorSettings, SharedHttpConnector};
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::result::{ConnectorError, SdkError};
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::byte_stream::ByteStream;
use aws_smithy_types::endpoint::Endpoint;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use http::header::{HeaderName, HeaderValue};

use crate::auth::SigningScope;
use crate::config::{ClientConfig, MAX_BACKOFF};
use crate::retry::{self, RetryKind, RetryQuota};

/// One call of an operation, as the generated code hands it over.
pub struct OperationCall<O, E> {
    /// The endpoint parameters (the generated `config::endpoint::Params`, wrapped).
    pub endpoint_params: EndpointResolverParams,
    /// The request `Operation::build_request` made: path and query only.
    pub request: http::Request<Vec<u8>>,
    /// The operation's host prefix (usually empty).
    pub host_prefix: String,
    /// The operation's response parser (`Operation::parse_parts`).
    pub parse: fn(u16, &http::HeaderMap, &[u8]) -> Result<O, E>,
}

/// The client's runtime: configuration plus the state calls share (HTTP connector, retry
/// quota). Cheap to clone.
#[derive(Debug, Clone)]
pub struct Runtime {
    config: ClientConfig,
    shared: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    connector: OnceLock<Result<SharedHttpConnector, String>>,
    quota: Arc<RetryQuota>,
    user_agent: String,
}

/// Why an attempt failed, and whether it may be retried.
struct Failure<E> {
    error: SdkError<E, HttpResponse>,
    retry: Option<RetryKind>,
    /// A wait the service asked for (`x-amz-retry-after`).
    retry_after: Option<Duration>,
}

impl Runtime {
    /// A runtime for `config`.
    pub fn new(config: ClientConfig) -> Self {
        let inner = &config.inner;
        let partition = match &inner.region {
            Some(region) => format!("{}-{}", inner.service.service_id, region),
            None => inner.service.service_id.to_owned(),
        };
        let user_agent = inner.user_agent.clone().unwrap_or_else(|| {
            crate::user_agent::user_agent(inner.service.service_id, inner.service.crate_version, inner.app_name.as_ref())
        });
        Runtime {
            shared: Arc::new(Shared {
                connector: OnceLock::new(),
                quota: RetryQuota::for_partition(&partition),
                user_agent,
            }),
            config,
        }
    }

    /// The configuration.
    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// The retry quota this runtime draws from (shared per service and region).
    pub fn retry_quota(&self) -> &Arc<RetryQuota> {
        &self.shared.quota
    }

    /// Runs one call to completion: every attempt, within the operation timeout.
    pub async fn invoke<O, E>(&self, call: OperationCall<O, E>) -> Result<O, SdkError<E, HttpResponse>>
    where
        E: ProvideErrorMetadata + StdError + Send + Sync + 'static,
    {
        let timeouts = &self.config.inner.timeouts;
        match (timeouts.operation_timeout(), self.config.inner.sleep.clone()) {
            (Some(limit), Some(sleep)) => match Timeout::new(self.attempts(call), sleep.sleep(limit)).await {
                Ok(result) => result,
                Err(_) => Err(SdkError::timeout_error(format!("the operation did not finish within {limit:?}"))),
            },
            _ => self.attempts(call).await,
        }
    }

    async fn attempts<O, E>(&self, call: OperationCall<O, E>) -> Result<O, SdkError<E, HttpResponse>>
    where
        E: ProvideErrorMetadata + StdError + Send + Sync + 'static,
    {
        let inner = &self.config.inner;
        let endpoint = inner
            .endpoint_resolver
            .resolve_endpoint(&call.endpoint_params)
            .await
            .map_err(SdkError::construction_failure)?;
        let request = on_endpoint(call.request, &endpoint, &call.host_prefix).map_err(SdkError::construction_failure)?;
        let region = inner.region.as_ref().map(|r| r.as_ref());
        let signing = crate::auth::signing_scope(inner.service.signing_name, region, &endpoint).map_err(SdkError::construction_failure)?;
        let invocation_id = HeaderValue::try_from(inner.invocation_ids.generate()).map_err(SdkError::construction_failure)?;
        let max_attempts = inner.retry.max_attempts().max(1);
        let quota = &self.shared.quota;
        let mut last_cost = None;
        let mut attempt = 1;
        loop {
            match self.attempt(&request, &signing, &invocation_id, attempt, max_attempts, call.parse).await {
                Ok(output) => {
                    quota.release(last_cost);
                    return Ok(output);
                }
                Err(failure) => {
                    let Some(kind) = failure.retry else { return Err(failure.error) };
                    if attempt >= max_attempts {
                        return Err(failure.error);
                    }
                    let Some(sleep) = inner.sleep.clone() else { return Err(failure.error) };
                    let Some(cost) = quota.acquire(kind) else { return Err(failure.error) };
                    last_cost = Some(cost);
                    let delay = match failure.retry_after {
                        Some(hint) => hint.min(inner.retry.max_backoff()).min(MAX_BACKOFF),
                        None => retry::backoff(&inner.retry, attempt, fastrand::f64()),
                    };
                    sleep.sleep(delay).await;
                    attempt += 1;
                }
            }
        }
    }

    /// One attempt: sign a copy of the request, send it, read and parse the response.
    async fn attempt<O, E>(
        &self,
        request: &http::Request<Vec<u8>>,
        signing: &Option<SigningScope>,
        invocation_id: &HeaderValue,
        attempt: u32,
        max_attempts: u32,
        parse: fn(u16, &http::HeaderMap, &[u8]) -> Result<O, E>,
    ) -> Result<O, Failure<E>>
    where
        E: ProvideErrorMetadata + StdError + Send + Sync + 'static,
    {
        let inner = &self.config.inner;
        let mut request = clone_request(request);
        let ua = HeaderValue::try_from(self.shared.user_agent.as_str()).map_err(construction)?;
        let headers = request.headers_mut();
        headers.insert(HeaderName::from_static("x-amz-user-agent"), ua.clone());
        headers.insert(http::header::USER_AGENT, ua);
        if let Some(scope) = signing {
            let credentials = match &inner.credentials {
                Some(cache) => cache.credentials().await.map_err(construction)?,
                None => return Err(construction("no credentials provider is configured")),
            };
            crate::sign::sign_request(&mut request, credentials, scope, inner.time.now()).map_err(construction)?;
        }
        // Added after signing, unsigned, like the SDKs do: they change from attempt to attempt.
        let headers = request.headers_mut();
        headers.insert(HeaderName::from_static("amz-sdk-invocation-id"), invocation_id.clone());
        let info = crate::request_headers::attempt_info(attempt, max_attempts);
        headers.insert(HeaderName::from_static("amz-sdk-request"), HeaderValue::try_from(info).map_err(construction)?);

        let connector = self.connector().map_err(construction)?;
        let request = HttpRequest::try_from(request.map(SdkBody::from)).map_err(construction)?;
        let exchange = async {
            let response = connector.call(request).await.map_err(dispatch_failure)?;
            let (status, headers) = (response.status().as_u16(), response.headers().clone());
            let body = ByteStream::new(response.into_body()).collect().await.map_err(|e| Failure {
                error: SdkError::response_error(e, raw_response(status, &headers, Vec::new())),
                retry: Some(RetryKind::Transient),
                retry_after: None,
            })?;
            Ok::<_, Failure<E>>((status, headers, body.into_bytes()))
        };
        let (status, headers, body) = match (inner.timeouts.operation_attempt_timeout(), inner.sleep.clone()) {
            (Some(limit), Some(sleep)) => match Timeout::new(exchange, sleep.sleep(limit)).await {
                Ok(result) => result?,
                Err(_) => {
                    return Err(Failure {
                        error: SdkError::timeout_error(format!("the attempt did not finish within {limit:?}")),
                        retry: Some(RetryKind::Transient),
                        retry_after: None,
                    })
                }
            },
            _ => exchange.await?,
        };
        let http_headers = to_http_headers(&headers);
        match parse(status, &http_headers, &body) {
            Ok(output) => Ok(output),
            Err(error) => {
                let retry = retry::classify_response(error.code(), status);
                let retry_after = headers
                    .get("x-amz-retry-after")
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map(Duration::from_millis);
                Err(Failure {
                    error: SdkError::service_error(error, raw_response(status, &headers, body.to_vec())),
                    retry,
                    retry_after,
                })
            }
        }
    }

    fn connector(&self) -> Result<SharedHttpConnector, String> {
        self.shared
            .connector
            .get_or_init(|| {
                let inner = &self.config.inner;
                let Some(client) = &inner.http_client else {
                    return Err("no HTTP client is configured: pass one in the SdkConfig or Config, or enable the \
                                `default-https-client` feature"
                        .to_owned());
                };
                let mut settings = HttpConnectorSettings::builder();
                settings.set_connect_timeout(inner.timeouts.connect_timeout());
                settings.set_read_timeout(inner.timeouts.read_timeout());
                let components = crate::components::for_http_client(
                    inner.sleep.clone(),
                    inner.time.clone(),
                    inner.endpoint_resolver.clone(),
                )
                .map_err(|e| e.to_string())?;
                Ok(client.http_connector(&settings.build(), &components))
            })
            .clone()
    }
}

fn construction<E>(e: impl Into<BoxError>) -> Failure<E> {
    Failure { error: SdkError::construction_failure(e), retry: None, retry_after: None }
}

fn dispatch_failure<E>(e: ConnectorError) -> Failure<E> {
    // IO errors and timeouts are transient; other connector errors say what they are.
    let retry = if e.is_io() || e.is_timeout() {
        Some(RetryKind::Transient)
    } else {
        match e.as_other() {
            Some(aws_smithy_types::retry::ErrorKind::ThrottlingError) => Some(RetryKind::Throttling),
            Some(aws_smithy_types::retry::ErrorKind::TransientError | aws_smithy_types::retry::ErrorKind::ServerError) => {
                Some(RetryKind::Transient)
            }
            _ => None,
        }
    };
    Failure { error: SdkError::dispatch_failure(e), retry, retry_after: None }
}

fn clone_request(request: &http::Request<Vec<u8>>) -> http::Request<Vec<u8>> {
    let mut copy = http::Request::new(request.body().clone());
    *copy.method_mut() = request.method().clone();
    *copy.uri_mut() = request.uri().clone();
    *copy.version_mut() = request.version();
    *copy.headers_mut() = request.headers().clone();
    copy
}

fn to_http_headers(headers: &aws_smithy_runtime_api::http::Headers) -> http::HeaderMap {
    let mut map = http::HeaderMap::with_capacity(headers.len());
    for (name, value) in headers.iter() {
        if let (Ok(n), Ok(v)) = (HeaderName::try_from(name), HeaderValue::try_from(value)) {
            map.append(n, v);
        }
    }
    map
}

fn raw_response(status: u16, headers: &aws_smithy_runtime_api::http::Headers, body: Vec<u8>) -> HttpResponse {
    let mut response = HttpResponse::new(
        aws_smithy_runtime_api::http::StatusCode::try_from(status).unwrap_or_else(|_| {
            aws_smithy_runtime_api::http::StatusCode::try_from(500).expect("500 is a valid status")
        }),
        SdkBody::from(body),
    );
    *response.headers_mut() = headers.clone();
    response
}

/// Puts a path-and-query request on the endpoint: scheme and authority (with the host prefix),
/// the endpoint's base path before the request path, and the endpoint's headers.
fn on_endpoint(
    mut request: http::Request<Vec<u8>>,
    endpoint: &Endpoint,
    host_prefix: &str,
) -> Result<http::Request<Vec<u8>>, BoxError> {
    let base: http::Uri = endpoint.url().parse().map_err(|e| format!("invalid endpoint URL `{}`: {e}", endpoint.url()))?;
    let (Some(scheme), Some(authority)) = (base.scheme_str(), base.authority()) else {
        return Err(format!("endpoint URL `{}` has no scheme or host", endpoint.url()).into());
    };
    let base_path = base.path().trim_end_matches('/');
    let path_and_query = request.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let uri = format!("{scheme}://{host_prefix}{authority}{base_path}{path_and_query}");
    *request.uri_mut() = uri.parse().map_err(|e| format!("invalid request URI `{uri}`: {e}"))?;
    for (name, values) in endpoint.headers() {
        let name = HeaderName::try_from(name).map_err(|e| format!("invalid endpoint header name: {e}"))?;
        for value in values {
            request.headers_mut().append(name.clone(), HeaderValue::try_from(value).map_err(|e| format!("invalid endpoint header: {e}"))?);
        }
    }
    Ok(request)
}
