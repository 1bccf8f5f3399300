//! Fault tests: the runtime against a local HTTP server (loopback only, started and stopped by
//! each test) that answers from a script: errors then success, throttling, a dropped
//! connection, a slow answer, and enough failures to empty the retry quota. Sent through the
//! default HTTP client (feature `default-https-client`).

use std::collections::VecDeque;
use std::error::Error;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use aws_credential_types::provider::{future, ProvideCredentials, SharedCredentialsProvider};
use aws_credential_types::Credentials;
use aws_smithy_async::rt::sleep::{AsyncSleep, SharedAsyncSleep, Sleep, TokioSleep};
use aws_smithy_async::time::{SharedTimeSource, TimeSource};
use aws_smithy_runtime_api::client::endpoint::{EndpointFuture, EndpointResolverParams, ResolveEndpoint, SharedEndpointResolver};
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::endpoint::Endpoint;
use aws_smithy_types::error::metadata::{ErrorMetadata, ProvideErrorMetadata};
use aws_smithy_types::retry::RetryConfig;
use aws_smithy_types::timeout::TimeoutConfig;
use aws_types::region::Region;
use smithy_codegen_client::{ClientConfig, OperationCall, Runtime, ServiceInfo};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

// ----- the server -------------------------------------------------------------------------

/// What the server does with one request.
#[derive(Clone, Debug)]
enum Action {
    /// Answer with a status and a JSON body.
    Respond(u16, &'static str),
    /// Close the connection without answering.
    Drop,
    /// Answer after a delay.
    Slow(Duration, u16, &'static str),
}

#[derive(Default)]
struct Script {
    actions: VecDeque<Action>,
    /// When the script runs out.
    fallback: Option<Action>,
    /// Headers of every request received, in order.
    seen: Vec<Vec<(String, String)>>,
}

struct Server {
    url: String,
    script: Arc<Mutex<Script>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Server {
    async fn start(actions: Vec<Action>, fallback: Option<Action>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind loopback");
        let url = format!("http://{}", listener.local_addr().expect("address"));
        let script = Arc::new(Mutex::new(Script { actions: actions.into(), fallback, seen: Vec::new() }));
        let s = script.clone();
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else { return };
                tokio::spawn(serve(stream, s.clone()));
            }
        });
        Server { url, script, task }
    }

    fn requests(&self) -> Vec<Vec<(String, String)>> {
        self.script.lock().unwrap().seen.clone()
    }
}

fn header<'a>(request: &'a [(String, String)], name: &str) -> Option<&'a str> {
    request.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

async fn serve(mut stream: tokio::net::TcpStream, script: Arc<Mutex<Script>>) {
    let mut buf = Vec::new();
    loop {
        // Read one request: headers, then the body by content-length.
        let head_end = loop {
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            let mut chunk = [0u8; 4096];
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
        let headers: Vec<(String, String)> = head
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        let length: usize = header(&headers, "content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
        while buf.len() < head_end + length {
            let mut chunk = [0u8; 4096];
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        buf.drain(..head_end + length);
        let action = {
            let mut s = script.lock().unwrap();
            s.seen.push(headers);
            s.actions.pop_front().or_else(|| s.fallback.clone()).unwrap_or(Action::Respond(200, "{}"))
        };
        let (status, body) = match action {
            Action::Drop => return,
            Action::Respond(status, body) => (status, body),
            Action::Slow(delay, status, body) => {
                tokio::time::sleep(delay).await;
                (status, body)
            }
        };
        let response = format!(
            "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nx-amzn-requestid: req-{status}\r\n\r\n{body}",
            body.len()
        );
        if stream.write_all(response.as_bytes()).await.is_err() {
            return;
        }
    }
}

// ----- a test operation -------------------------------------------------------------------

/// The test operation's error: the body's `__type` as code.
#[derive(Debug)]
struct TestError(ErrorMetadata);

impl fmt::Display for TestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "service error {:?}", self.0.code())
    }
}
impl Error for TestError {}
impl ProvideErrorMetadata for TestError {
    fn meta(&self) -> &ErrorMetadata {
        &self.0
    }
}

fn parse(status: u16, _: &http::HeaderMap, body: &[u8]) -> Result<String, TestError> {
    let text = String::from_utf8_lossy(body).to_string();
    if status == 200 {
        return Ok(text);
    }
    let mut meta = ErrorMetadata::builder();
    if let Some(rest) = text.split("\"__type\":\"").nth(1) {
        meta = meta.code(rest.split('"').next().unwrap_or_default());
    }
    Err(TestError(meta.build()))
}

#[derive(Debug)]
struct Fixed(String);

impl ResolveEndpoint for Fixed {
    fn resolve_endpoint<'a>(&'a self, _: &'a EndpointResolverParams) -> EndpointFuture<'a> {
        EndpointFuture::ready(Ok(Endpoint::builder().url(self.0.clone()).build()))
    }
}

/// Sleeps no time, but records how long it was asked to sleep.
#[derive(Debug, Clone, Default)]
struct RecordingSleep(Arc<Mutex<Vec<Duration>>>);

impl AsyncSleep for RecordingSleep {
    fn sleep(&self, duration: Duration) -> Sleep {
        self.0.lock().unwrap().push(duration);
        Sleep::new(async {})
    }
}

/// A clock the test moves.
#[derive(Debug, Clone)]
struct ManualClock(Arc<Mutex<SystemTime>>);

impl TimeSource for ManualClock {
    fn now(&self) -> SystemTime {
        *self.0.lock().unwrap()
    }
}

/// Hands out `AKID1`, `AKID2`, ..., each expiring `lifetime` after the clock's now.
#[derive(Debug, Clone)]
struct CountingProvider {
    calls: Arc<Mutex<u32>>,
    clock: ManualClock,
    lifetime: Duration,
}

impl ProvideCredentials for CountingProvider {
    fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        let mut calls = self.calls.lock().unwrap();
        *calls += 1;
        let expiry = self.clock.now() + self.lifetime;
        future::ProvideCredentials::ready(Ok(Credentials::new(format!("AKID{calls}"), "secret", None, Some(expiry), "test")))
    }
}

fn runtime(server: &Server, service_id: &'static str, retry: RetryConfig, sleep: SharedAsyncSleep) -> Runtime {
    runtime_with(server, service_id, retry, sleep, TimeoutConfig::disabled(), None)
}

fn runtime_with(
    server: &Server,
    service_id: &'static str,
    retry: RetryConfig,
    sleep: SharedAsyncSleep,
    timeouts: TimeoutConfig,
    credentials: Option<(SharedCredentialsProvider, SharedTimeSource)>,
) -> Runtime {
    let service = ServiceInfo { service_id, crate_version: "0.0.0", signing_name: Some("svc") };
    let (provider, time) = match credentials {
        Some((p, t)) => (p, Some(t)),
        None => (SharedCredentialsProvider::new(Credentials::new("AKID", "secret", None, None, "test")), None),
    };
    let config = ClientConfig::builder(service, SharedEndpointResolver::new(Fixed(server.url.clone())))
        .region(Some(Region::new("us-east-1")))
        .credentials_provider(Some(provider))
        .retry_config(Some(retry))
        .timeout_config(Some(timeouts))
        .sleep_impl(Some(sleep))
        .time_source(time)
        .build();
    Runtime::new(config)
}

fn call() -> OperationCall<String, TestError> {
    let request = http::Request::builder().method("POST").uri("/things?x=1").body(b"{}".to_vec()).unwrap();
    OperationCall { endpoint_params: EndpointResolverParams::new(()), request, host_prefix: String::new(), parse }
}

const THROTTLED: &str = r#"{"__type":"ThrottlingException","message":"slow down"}"#;

// ----- the tests --------------------------------------------------------------------------

#[tokio::test]
async fn server_errors_then_success() {
    let server = Server::start(vec![Action::Respond(500, "{}"), Action::Respond(503, "{}")], None).await;
    let sleep = RecordingSleep::default();
    let rt = runtime(&server, "faults-5xx", RetryConfig::standard(), SharedAsyncSleep::new(sleep.clone()));
    let before = rt.retry_quota().available();
    let out = rt.invoke(call()).await.expect("the third attempt succeeds");
    assert_eq!(out, "{}");
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    let attempts: Vec<&str> = requests.iter().map(|r| header(r, "amz-sdk-request").unwrap()).collect();
    assert_eq!(attempts, ["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"]);
    let ids: Vec<&str> = requests.iter().map(|r| header(r, "amz-sdk-invocation-id").unwrap()).collect();
    assert!(ids.iter().all(|id| *id == ids[0] && id.len() == 36), "one invocation ID for all attempts: {ids:?}");
    assert!(requests.iter().all(|r| header(r, "authorization").is_some_and(|a| a.starts_with("AWS4-HMAC-SHA256 Credential=AKID/"))));
    let delays = sleep.0.lock().unwrap().clone();
    assert_eq!(delays.len(), 2);
    assert!(delays[0] < Duration::from_secs(1), "first backoff is under 1 s: {delays:?}");
    assert!(delays[1] < Duration::from_secs(2), "second backoff is under 2 s: {delays:?}");
    // Two transient retries cost 10 each; the success refunds the last.
    assert_eq!(rt.retry_quota().available(), before - 10);
}

#[tokio::test]
async fn throttling_is_retried_until_attempts_run_out() {
    let server = Server::start(vec![], Some(Action::Respond(400, THROTTLED))).await;
    let rt = runtime(&server, "faults-throttle", RetryConfig::standard().with_max_attempts(4), SharedAsyncSleep::new(RecordingSleep::default()));
    let err = rt.invoke(call()).await.expect_err("always throttled");
    match &err {
        SdkError::ServiceError(e) => {
            assert_eq!(e.err().code(), Some("ThrottlingException"));
            assert_eq!(e.raw().status().as_u16(), 400);
        }
        other => panic!("expected a service error, got {other:?}"),
    }
    assert_eq!(server.requests().len(), 4);
    assert_eq!(rt.retry_quota().available(), 500 - 3 * 5, "throttling retries cost 5");
}

#[tokio::test]
async fn bare_429_and_client_errors_are_not_retried() {
    let server = Server::start(vec![Action::Respond(429, "{}"), Action::Respond(404, r#"{"__type":"ResourceNotFoundException"}"#)], None).await;
    let rt = runtime(&server, "faults-429", RetryConfig::standard(), SharedAsyncSleep::new(RecordingSleep::default()));
    assert!(matches!(rt.invoke(call()).await, Err(SdkError::ServiceError(_))));
    assert_eq!(server.requests().len(), 1);
    let err = rt.invoke(call()).await.expect_err("not found");
    assert_eq!(err.as_service_error().and_then(|e| e.code()), Some("ResourceNotFoundException"));
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn dropped_connection_is_retried() {
    let server = Server::start(vec![Action::Drop], None).await;
    let rt = runtime(&server, "faults-reset", RetryConfig::standard(), SharedAsyncSleep::new(RecordingSleep::default()));
    let out = rt.invoke(call()).await.expect("the retry succeeds");
    assert_eq!(out, "{}");
    assert_eq!(server.requests().len(), 2);
    // When every attempt is dropped, the final error is a dispatch failure (an IO error).
    let server = Server::start(vec![], Some(Action::Drop)).await;
    let rt = runtime(&server, "faults-reset-2", RetryConfig::standard(), SharedAsyncSleep::new(RecordingSleep::default()));
    match rt.invoke(call()).await {
        Err(SdkError::DispatchFailure(e)) => assert!(e.is_io(), "{e:?}"),
        other => panic!("expected a dispatch failure, got {other:?}"),
    }
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn slow_response_times_out_per_attempt() {
    let server = Server::start(vec![], Some(Action::Slow(Duration::from_secs(5), 200, "{}"))).await;
    let timeouts = TimeoutConfig::builder().operation_attempt_timeout(Duration::from_millis(200)).build();
    let retry = RetryConfig::standard().with_max_attempts(2).with_initial_backoff(Duration::from_millis(1));
    let rt = runtime_with(&server, "faults-slow", retry, SharedAsyncSleep::new(TokioSleep::new()), timeouts, None);
    let started = Instant::now();
    let err = rt.invoke(call()).await.expect_err("times out");
    assert!(matches!(err, SdkError::TimeoutError(_)), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(3), "gave up after two short attempts: {:?}", started.elapsed());
    assert_eq!(server.requests().len(), 2);
    // The operation timeout bounds the whole call, retries included.
    let timeouts = TimeoutConfig::builder().operation_timeout(Duration::from_millis(300)).build();
    let rt = runtime_with(&server, "faults-slow-2", RetryConfig::standard(), SharedAsyncSleep::new(TokioSleep::new()), timeouts, None);
    let started = Instant::now();
    assert!(matches!(rt.invoke(call()).await, Err(SdkError::TimeoutError(_))));
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn credentials_are_cached_and_refreshed_before_expiry() {
    let server = Server::start(vec![], None).await;
    let clock = ManualClock(Arc::new(Mutex::new(SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000))));
    let provider = CountingProvider { calls: Arc::default(), clock: clock.clone(), lifetime: Duration::from_secs(60) };
    let creds = (SharedCredentialsProvider::new(provider.clone()), SharedTimeSource::new(clock.clone()));
    let rt = runtime_with(&server, "faults-creds", RetryConfig::standard(), SharedAsyncSleep::new(RecordingSleep::default()), TimeoutConfig::disabled(), Some(creds));
    rt.invoke(call()).await.expect("first call");
    rt.invoke(call()).await.expect("second call, same credentials");
    assert_eq!(*provider.calls.lock().unwrap(), 1, "the second call used the cache");
    // 55 s later the credentials are within the 10 s refresh window (minus jitter up to 5 s).
    *clock.0.lock().unwrap() += Duration::from_secs(55);
    rt.invoke(call()).await.expect("third call, refreshed credentials");
    assert_eq!(*provider.calls.lock().unwrap(), 2);
    let keys: Vec<String> = server
        .requests()
        .iter()
        .map(|r| header(r, "authorization").unwrap().split("Credential=").nth(1).unwrap().split('/').next().unwrap().to_owned())
        .collect();
    assert_eq!(keys, ["AKID1", "AKID1", "AKID2"]);
    let requests = server.requests();
    let dates: Vec<&str> = requests.iter().map(|r| header(r, "x-amz-date").unwrap()).collect();
    assert_eq!(dates[0], "20270115T080000Z");
    assert_eq!(dates[2], "20270115T080055Z");
}

#[tokio::test]
async fn retry_quota_runs_dry() {
    let server = Server::start(vec![], Some(Action::Respond(503, "{}"))).await;
    let rt = runtime(&server, "faults-quota", RetryConfig::standard(), SharedAsyncSleep::new(RecordingSleep::default()));
    // Each failing call makes 3 attempts and pays 2 x 10 tokens: 25 calls empty the 500.
    for _ in 0..25 {
        assert!(matches!(rt.invoke(call()).await, Err(SdkError::ServiceError(_))));
    }
    assert_eq!(server.requests().len(), 75);
    assert_eq!(rt.retry_quota().available(), 0);
    // Now a failure is returned after one attempt.
    let err = rt.invoke(call()).await.expect_err("still failing");
    assert_eq!(err.raw_response().map(|r| r.status().as_u16()), Some(503));
    assert_eq!(server.requests().len(), 76);
    // Another client of the same service and region shares the empty quota.
    let other = runtime(&server, "faults-quota", RetryConfig::standard(), SharedAsyncSleep::new(RecordingSleep::default()));
    assert!(other.invoke(call()).await.is_err());
    assert_eq!(server.requests().len(), 77);
}
