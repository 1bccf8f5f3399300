//! The signed differential test: the whole request our client hands to its HTTP client (URL,
//! every header including `authorization` and `x-amz-date`, body) against the one
//! aws-sdk-connect 1.172.0 hands to its HTTP client, for every operation.
//!
//! Both clients get the same region, credentials, fixed clock, idempotency token, invocation
//! ID and user agent (the SDK signs `x-amz-user-agent`, and its value names the SDK, so both
//! are given one; our own format is tested in `smithy-codegen-client`). Cases: the default
//! endpoint, FIPS, dual-stack, and a custom endpoint URL with a base path.
//!
//! Inputs hold maps of at most one entry: the order in which a `HashMap` yields its keys is
//! random per map, in both crates, so no two sends agree on the bytes of a body with a bigger
//! map (JSON does not care; the signature does). The unsigned differential test covers bigger
//! maps, comparing bodies as JSON values.

use std::fmt::Write as _;
use std::time::{Duration, Instant, SystemTime};

use aws_sdk_connect::config::{BehaviorVersion, Credentials, Region, SharedAsyncSleep};
use aws_smithy_async::rt::sleep::TokioSleep;
use aws_smithy_async::time::StaticTimeSource;
use aws_smithy_http_client::test_util::{capture_request, CaptureRequestReceiver};
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::context::{BeforeTransmitInterceptorContextMut, BeforeTransmitInterceptorContextRef};
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;
use aws_smithy_types::retry::RetryConfig;

use crate::run::TOKEN;
use crate::{DiffOp, OperationVisitor};

/// The user agent both clients send.
pub const USER_AGENT: &str = "aws-sdk-rust/1.3.0 ua/2.1 api/connect/1.172.0 os/linux lang/rust/1.95.0 app/difftest";
/// The invocation ID both clients send.
pub const INVOCATION_ID: &str = "11111111-2222-4333-8444-555555555555";
/// The instant both clients sign at.
pub fn signing_time() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_767_225_600) // 2026-01-01T00:00:00Z
}

/// An endpoint setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndpointCase {
    /// `https://connect.us-east-1.amazonaws.com`.
    Default,
    /// `use_fips(true)`.
    Fips,
    /// `use_dual_stack(true)`.
    DualStack,
    /// `endpoint_url("https://connect.example.test:8443/base")`.
    Custom,
}

impl EndpointCase {
    /// Every case.
    pub const ALL: [EndpointCase; 4] = [EndpointCase::Default, EndpointCase::Fips, EndpointCase::DualStack, EndpointCase::Custom];
    fn name(self) -> &'static str {
        match self {
            EndpointCase::Default => "default",
            EndpointCase::Fips => "fips",
            EndpointCase::DualStack => "dual-stack",
            EndpointCase::Custom => "custom-endpoint",
        }
    }
}

const CUSTOM_ENDPOINT: &str = "https://connect.example.test:8443/base";

fn credentials() -> Credentials {
    Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", Some("session-token-example".into()), None, "difftest")
}

/// Gives the SDK the fixed user agent (before signing) and invocation ID (before sending).
#[derive(Debug)]
struct FixedHeaders;

impl Intercept for FixedHeaders {
    fn name(&self) -> &'static str {
        "FixedHeaders"
    }
    fn modify_before_signing(
        &self,
        context: &mut BeforeTransmitInterceptorContextMut<'_>,
        _: &RuntimeComponents,
        _: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let headers = context.request_mut().headers_mut();
        headers.insert("x-amz-user-agent", USER_AGENT);
        headers.insert("user-agent", USER_AGENT);
        Ok(())
    }
    fn modify_before_transmit(
        &self,
        context: &mut BeforeTransmitInterceptorContextMut<'_>,
        _: &RuntimeComponents,
        _: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        context.request_mut().headers_mut().insert("amz-sdk-invocation-id", INVOCATION_ID);
        Ok(())
    }
    fn read_before_transmit(
        &self,
        _: &BeforeTransmitInterceptorContextRef<'_>,
        _: &RuntimeComponents,
        _: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        Ok(())
    }
}

#[derive(Debug)]
struct FixedId;

impl smithy_codegen_client::InvocationIdGenerator for FixedId {
    fn generate(&self) -> String {
        INVOCATION_ID.to_owned()
    }
}

fn sdk_client(case: EndpointCase) -> (aws_sdk_connect::Client, CaptureRequestReceiver) {
    let (http, rx) = capture_request(None);
    let mut conf = aws_sdk_connect::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(credentials())
        .http_client(http)
        .retry_config(RetryConfig::disabled())
        .sleep_impl(SharedAsyncSleep::new(TokioSleep::new()))
        .time_source(StaticTimeSource::new(signing_time()))
        .idempotency_token_provider(TOKEN)
        .interceptor(FixedHeaders);
    conf = match case {
        EndpointCase::Default => conf,
        EndpointCase::Fips => conf.use_fips(true),
        EndpointCase::DualStack => conf.use_dual_stack(true),
        EndpointCase::Custom => conf.endpoint_url(CUSTOM_ENDPOINT),
    };
    (aws_sdk_connect::Client::from_conf(conf.build()), rx)
}

fn our_client(case: EndpointCase) -> (connect_api::Client, CaptureRequestReceiver) {
    let (http, rx) = capture_request(None);
    let mut conf = connect_api::Config::builder()
        .region(Region::new("us-east-1"))
        .credentials_provider(credentials())
        .http_client(http)
        .retry_config(RetryConfig::disabled())
        .sleep_impl(TokioSleep::new())
        .time_source(StaticTimeSource::new(signing_time()))
        .idempotency_token_provider(TOKEN)
        .invocation_id_generator(FixedId)
        .user_agent_override(USER_AGENT);
    conf = match case {
        EndpointCase::Default => conf,
        EndpointCase::Fips => conf.use_fips(true),
        EndpointCase::DualStack => conf.use_dual_stack(true),
        EndpointCase::Custom => conf.endpoint_url(CUSTOM_ENDPOINT),
    };
    (connect_api::Client::from_conf(conf.build()), rx)
}

/// One request as both sides are compared: method, full URI, sorted headers, body.
#[derive(Debug, PartialEq)]
struct Sent {
    method: String,
    uri: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn sent(r: &aws_smithy_runtime_api::http::Request) -> Sent {
    let mut headers: Vec<(String, String)> = r.headers().iter().map(|(k, v)| (k.to_ascii_lowercase(), v.to_owned())).collect();
    headers.sort();
    Sent { method: r.method().to_owned(), uri: r.uri().to_owned(), headers, body: r.body().bytes().unwrap_or_default().to_vec() }
}

/// What differs between two requests: every differing part, the signature last (it differs
/// whenever anything it covers does), and the bodies as text when they differ.
fn describe_difference(ours: &Sent, theirs: &Sent) -> String {
    let mut out = String::new();
    if ours.method != theirs.method {
        let _ = writeln!(out, "method: ours {:?}, sdk {:?}", ours.method, theirs.method);
    }
    if ours.uri != theirs.uri {
        let _ = writeln!(out, "uri: ours {:?}\n     sdk  {:?}", ours.uri, theirs.uri);
    }
    let unsigned = |h: &[(String, String)]| -> Vec<(String, String)> { h.iter().filter(|(k, _)| k != "authorization").cloned().collect() };
    let (oh, th) = (unsigned(&ours.headers), unsigned(&theirs.headers));
    for (k, v) in oh.iter().filter(|p| !th.contains(p)) {
        let _ = writeln!(out, "header only ours has: {k}: {v}");
    }
    for (k, v) in th.iter().filter(|p| !oh.contains(p)) {
        let _ = writeln!(out, "header only the sdk has: {k}: {v}");
    }
    if ours.body != theirs.body {
        let (o, t) = (String::from_utf8_lossy(&ours.body), String::from_utf8_lossy(&theirs.body));
        let at = o.chars().zip(t.chars()).take_while(|(a, b)| a == b).count();
        let show = |s: &str| s.chars().skip(at.saturating_sub(40)).take(120).collect::<String>();
        let _ = writeln!(out, "body differs at character {at}:\n  ours {:?}\n  sdk  {:?}", show(&o), show(&t));
    }
    let auth = |h: &[(String, String)]| h.iter().find(|(k, _)| k == "authorization").map(|(_, v)| v.clone());
    if auth(&ours.headers) != auth(&theirs.headers) {
        let _ = writeln!(out, "authorization: ours {:?}\n               sdk  {:?}", auth(&ours.headers), auth(&theirs.headers));
    }
    out
}

/// The outcome of a signed run.
#[derive(Debug, Default)]
pub struct SignedReport {
    /// Operations visited.
    pub operations: usize,
    /// Cases compared (operation × endpoint setting × seed).
    pub cases: u64,
    /// Cases per endpoint setting.
    pub per_endpoint: [u64; 4],
    /// Cases both sides refused to send (an input the model does not allow, e.g. an empty label).
    pub both_refused: u64,
    /// Disagreements: (operation, case, seed, detail).
    pub mismatches: Vec<(&'static str, &'static str, u64, String)>,
    /// Wall time.
    pub elapsed: Duration,
}

impl SignedReport {
    /// The one-line summary and the first `show` mismatches.
    pub fn render(&self, show: usize) -> String {
        let mut out = String::new();
        for (op, case, seed, detail) in self.mismatches.iter().take(show) {
            let _ = writeln!(out, "--- {op} {case}, seed {seed}:\n{}", detail.trim_end());
        }
        let _ = writeln!(
            out,
            "signed difftest: {} operations, {} cases (default {}, fips {}, dual-stack {}, custom endpoint {}), {} refused by both, {} mismatches, {:.1} s",
            self.operations,
            self.cases,
            self.per_endpoint[0],
            self.per_endpoint[1],
            self.per_endpoint[2],
            self.per_endpoint[3],
            self.both_refused,
            self.mismatches.len(),
            self.elapsed.as_secs_f64()
        );
        out
    }
}

/// Runs the signed comparison: `seeds` random inputs per operation and endpoint setting.
pub fn run_signed(seeds: u64, only: &[String]) -> SignedReport {
    let started = Instant::now();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
    let mut v = Signed { rt, seeds, only: only.to_vec(), report: SignedReport::default() };
    crate::glue::for_each_operation(&mut v);
    v.report.elapsed = started.elapsed();
    v.report
}

struct Signed {
    rt: tokio::runtime::Runtime,
    seeds: u64,
    only: Vec<String>,
    report: SignedReport,
}

impl OperationVisitor for Signed {
    fn visit<O: DiffOp>(&mut self) {
        if !self.only.is_empty() && !self.only.iter().any(|o| o == O::NAME) {
            return;
        }
        self.report.operations += 1;
        for (i, case) in EndpointCase::ALL.into_iter().enumerate() {
            for seed in 0..self.seeds {
                self.report.cases += 1;
                self.report.per_endpoint[i] += 1;
                if let Err(detail) = self.case::<O>(case, seed) {
                    self.report.mismatches.push((O::NAME, case.name(), seed, detail));
                }
            }
        }
    }
}

impl Signed {
    fn case<O: DiffOp>(&mut self, case: EndpointCase, seed: u64) -> Result<(), String> {
        let mut g = crate::support::Gen::new(crate::run::case_seed(O::NAME, 11, seed), true);
        // At most one entry per map: see `Gen::map_entries_below` (key order is the hasher's).
        g.map_entries_below = 2;
        let input = O::arb_input(&mut g);
        let (theirs_client, theirs_rx) = sdk_client(case);
        let (ours_client, ours_rx) = our_client(case);
        let theirs_result = self.rt.block_on(O::send(&input, theirs_client));
        let ours_result = self.rt.block_on(O::send_ours(&input, ours_client));
        let theirs_sent = !matches!(theirs_result, Err(aws_sdk_connect::error::SdkError::ConstructionFailure(_)));
        let ours_sent = !matches!(ours_result, Err(connect_api::error::SdkError::ConstructionFailure(_)));
        match (ours_sent, theirs_sent) {
            (false, false) => {
                self.report.both_refused += 1;
                Ok(())
            }
            (true, false) => Err(format!("the SDK refused ({:?}), ours sent\ninput: {input:#?}", theirs_result.err())),
            (false, true) => Err(format!("ours refused ({:?}), the SDK sent\ninput: {input:#?}", ours_result.err())),
            (true, true) => {
                let (ours, theirs) = (sent(&ours_rx.expect_request()), sent(&theirs_rx.expect_request()));
                if ours == theirs {
                    Ok(())
                } else {
                    Err(describe_difference(&ours, &theirs))
                }
            }
        }
    }
}
