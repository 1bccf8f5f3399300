//! The fallback HTTP client (feature `default-https-client`): hyper 1 on hyper-util's pooled
//! client, TLS by rustls with the ring provider given explicitly (so it cannot clash with
//! aws-lc-rs in the same program) and the Mozilla roots from webpki-roots. Plain `http://`
//! is allowed too (local emulators and tests).
//!
//! Connect and read timeouts come from the connector settings, as for the SDK's clients.

use std::sync::Arc;
use std::time::Duration;

use aws_smithy_async::future::timeout::Timeout;
use aws_smithy_async::rt::sleep::{AsyncSleep, SharedAsyncSleep};
use aws_smithy_runtime_api::client::http::{
    http_client_fn, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpClient, SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::result::ConnectorError;
use aws_smithy_types::body::SdkBody;
use hyper_util::client::legacy::connect::HttpConnector as TcpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

/// The default client: one connection pool per connector settings.
pub fn default_client() -> SharedHttpClient {
    http_client_fn(|settings, components| {
        SharedHttpConnector::new(HyperConnector::new(settings, components.sleep_impl()))
    })
}

#[derive(Debug, Clone)]
struct HyperConnector {
    client: Option<Client<hyper_rustls::HttpsConnector<TcpConnector>, SdkBody>>,
    setup_error: Option<String>,
    read_timeout: Option<Duration>,
    sleep: Option<SharedAsyncSleep>,
}

impl HyperConnector {
    fn new(settings: &HttpConnectorSettings, sleep: Option<SharedAsyncSleep>) -> Self {
        let mut tcp = TcpConnector::new();
        tcp.enforce_http(false);
        tcp.set_connect_timeout(settings.connect_timeout());
        // rustls 0.23.48 deprecates ring's provider because ring has no post-quantum key
        // exchange; classical key exchange is what AWS endpoints negotiate with the SDK's own
        // ring option too, and ring keeps this fallback free of C code.
        #[allow(deprecated)]
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let (client, setup_error) = match hyper_rustls::HttpsConnectorBuilder::new().with_provider_and_webpki_roots(provider) {
            Ok(builder) => {
                let https = builder.https_or_http().enable_http1().wrap_connector(tcp);
                (Some(Client::builder(TokioExecutor::new()).build(https)), None)
            }
            Err(e) => (None, Some(format!("TLS setup failed: {e}"))),
        };
        HyperConnector { client, setup_error, read_timeout: settings.read_timeout(), sleep }
    }
}

impl HttpConnector for HyperConnector {
    fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
        let this = self.clone();
        HttpConnectorFuture::new(async move {
            let Some(client) = &this.client else {
                return Err(ConnectorError::user(this.setup_error.unwrap_or_default().into()));
            };
            let request = request.try_into_http1x().map_err(|e| ConnectorError::user(e.into()))?;
            let send = client.request(request);
            let response = match (this.read_timeout, this.sleep) {
                (Some(limit), Some(sleep)) => match Timeout::new(send, sleep.sleep(limit)).await {
                    Ok(r) => r,
                    Err(e) => return Err(ConnectorError::timeout(e.into())),
                },
                _ => send.await,
            };
            let response = response.map_err(classify)?;
            let response = response.map(SdkBody::from_body_1_x);
            HttpResponse::try_from(response).map_err(|e| ConnectorError::other(e.into(), None))
        })
    }
}

/// Connection failures and broken connections are IO errors (retried); the rest is "other".
fn classify(e: hyper_util::client::legacy::Error) -> ConnectorError {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&e);
    let mut io = e.is_connect();
    while let Some(s) = source {
        if s.is::<std::io::Error>() || s.downcast_ref::<hyper::Error>().is_some_and(|h| h.is_incomplete_message() || h.is_closed() || h.is_canceled()) {
            io = true;
        }
        source = s.source();
    }
    if io {
        ConnectorError::io(e.into())
    } else {
        ConnectorError::other(e.into(), None)
    }
}
