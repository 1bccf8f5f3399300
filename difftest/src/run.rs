//! The driver: request, response and error cases for every operation, and the report.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use aws_sdk_connect::config::{BehaviorVersion, Credentials, Region, SharedAsyncSleep};
use aws_sdk_connect::error::SdkError;
use aws_smithy_http_client::test_util::{capture_request, CaptureRequestHandler};
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::retry::RetryConfig;
use connect_api::protocol::FixedToken;
use serde_json::Value;

use crate::support::{Gen, Json, Writer};
use crate::{DiffOp, OperationVisitor};

/// The idempotency token both sides fill in.
pub const TOKEN: &str = "00000000-0000-4000-8000-000000000000";

/// Headers the SDK adds on its own (signing, user agent, invocation ID, length): not part of
/// what the input determines.
const SDK_HEADERS: &[&str] = &[
    "authorization",
    "x-amz-date",
    "user-agent",
    "x-amz-user-agent",
    "amz-sdk-invocation-id",
    "amz-sdk-request",
    "content-length",
    "x-amz-content-sha256",
    "x-amz-security-token",
];

/// What to run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Random inputs and outputs per operation.
    pub seeds: u64,
    /// Only these operations (by model name); all when empty.
    pub only: Vec<String>,
    /// How many mismatches to print in full.
    pub show: usize,
}

impl Options {
    /// From `DIFFTEST_SEEDS` (default 50), `DIFFTEST_OPS` (comma-separated operation names) and
    /// `DIFFTEST_SHOW` (default 10).
    pub fn from_env() -> Self {
        let num = |k: &str, d: u64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
        Options {
            seeds: num("DIFFTEST_SEEDS", 50),
            only: std::env::var("DIFFTEST_OPS")
                .map(|v| v.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect())
                .unwrap_or_default(),
            show: num("DIFFTEST_SHOW", 10) as usize,
        }
    }
}

/// One disagreement.
#[derive(Debug, Clone)]
pub struct Mismatch {
    /// The operation.
    pub operation: &'static str,
    /// `request`, `response`, `error`, ...
    pub kind: &'static str,
    /// The seed (or error index) of the case.
    pub seed: u64,
    /// What differs.
    pub detail: String,
}

/// The outcome of a run.
#[derive(Debug, Default)]
pub struct Report {
    /// Operations visited.
    pub operations: usize,
    /// Request cases compared.
    pub request_cases: u64,
    /// Of those, cases where both sides refused to build the request.
    pub both_refused: u64,
    /// Response cases compared (success responses, request IDs, malformed bodies).
    pub response_cases: u64,
    /// Error cases compared (modeled, unmodeled and unparseable errors).
    pub error_cases: u64,
    /// Every disagreement.
    pub mismatches: Vec<Mismatch>,
    /// Wall time.
    pub elapsed: Duration,
    shown: usize,
}

impl Report {
    /// The summary: counts on the first line, how many requests were refused and the time on
    /// the second.
    pub fn summary(&self) -> String {
        format!(
            "difftest: {} operations, {} request cases, {} response cases, {} error cases, {} mismatches\n\
             difftest: {} request cases refused by both sides (missing labels, invalid headers), {:.1} s",
            self.operations,
            self.request_cases,
            self.response_cases,
            self.error_cases,
            self.mismatches.len(),
            self.both_refused,
            self.elapsed.as_secs_f64()
        )
    }

    /// The first mismatches in full, and a count per operation and kind.
    pub fn details(&self) -> String {
        let mut out = String::new();
        for m in self.mismatches.iter().take(self.shown) {
            let _ = writeln!(out, "--- {} {} case, seed {}:\n{}", m.operation, m.kind, m.seed, m.detail.trim_end());
        }
        let mut counts: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
        for m in &self.mismatches {
            *counts.entry((m.operation, m.kind)).or_default() += 1;
        }
        if !counts.is_empty() {
            let _ = writeln!(out, "mismatches per operation and kind:");
            for ((op, kind), n) in counts {
                let _ = writeln!(out, "  {op} {kind}: {n}");
            }
        }
        out
    }
}

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs every operation (or the chosen ones).
pub fn run(options: Options) -> Report {
    let started = Instant::now();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
    let mut runner = Runner { rt, options, report: Report::default() };
    // Panics inside a case become mismatches; keep their messages instead of printing them.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| {
        let msg = format!("{info}");
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(msg));
    }));
    crate::glue::for_each_operation(&mut runner);
    std::panic::set_hook(previous);
    let mut report = runner.report;
    report.shown = runner.options.show;
    report.elapsed = started.elapsed();
    report
}

struct Runner {
    rt: tokio::runtime::Runtime,
    options: Options,
    report: Report,
}

fn client(http: CaptureRequestHandler) -> aws_sdk_connect::Client {
    let conf = aws_sdk_connect::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None, None, "difftest"))
        .http_client(http)
        .retry_config(RetryConfig::disabled())
        .sleep_impl(SharedAsyncSleep::new(aws_smithy_async::rt::sleep::TokioSleep::new()))
        .idempotency_token_provider(TOKEN)
        .build();
    aws_sdk_connect::Client::from_conf(conf)
}

/// The seed of one case: FNV-1a of the operation name, the kind of case and the seed index, so
/// cases are the same on every run and toolchain, and differ between operations.
pub(crate) fn case_seed(op: &str, kind: u64, seed: u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in op.bytes().chain(kind.to_le_bytes()).chain(seed.to_le_bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

impl OperationVisitor for Runner {
    fn visit<O: DiffOp>(&mut self) {
        if !self.options.only.is_empty() && !self.options.only.iter().any(|o| o == O::NAME) {
            return;
        }
        self.report.operations += 1;
        for seed in 0..self.options.seeds {
            self.guarded::<O>("request", seed, |r| r.request_case::<O>(seed));
        }
        for seed in 0..self.options.seeds {
            self.guarded::<O>("response", seed, |r| r.response_case::<O>(seed));
        }
        self.guarded::<O>("request-id", 0, |r| r.request_id_case::<O>());
        self.guarded::<O>("malformed", 0, |r| r.malformed_case::<O>());
        for (index, _) in O::ERRORS.iter().enumerate() {
            // Once with each placement of the error code (see `error_case`).
            for placement in 0..4u64 {
                let seed = index as u64 * 4 + placement;
                self.guarded::<O>("error", seed, |r| r.error_case::<O>(index, seed));
            }
        }
        for variant in 0..2u64 {
            self.guarded::<O>("unmodeled-error", variant, |r| r.unmodeled_error_case::<O>(variant));
        }
    }
}

impl Runner {
    /// Runs a case; a panic inside it is a mismatch, not the end of the run.
    fn guarded<O: DiffOp>(&mut self, kind: &'static str, seed: u64, f: impl FnOnce(&mut Self) -> Result<(), String>) {
        let result = catch_unwind(AssertUnwindSafe(|| f(self)));
        let detail = match result {
            Ok(Ok(())) => return,
            Ok(Err(d)) => d,
            Err(_) => format!("panicked: {}", LAST_PANIC.with(|p| p.borrow_mut().take()).unwrap_or_default()),
        };
        self.report.mismatches.push(Mismatch { operation: O::NAME, kind, seed, detail });
    }

    /// An input that both sides can send (for response cases).
    fn valid_input<O: DiffOp>(&self, seed: u64) -> O::Input {
        for k in 0..200 {
            let mut g = Gen::new(case_seed(O::NAME, 7, seed * 1000 + k), true);
            let input = O::arb_input(&mut g);
            if O::build_request_with(&input, &FixedToken(TOKEN.into())).is_ok() {
                return input;
            }
        }
        panic!("no valid input found for {}", O::NAME)
    }

    fn request_case<O: DiffOp>(&mut self, seed: u64) -> Result<(), String> {
        self.report.request_cases += 1;
        let mut g = Gen::new(case_seed(O::NAME, 1, seed), true);
        let input = O::arb_input(&mut g);
        let ours = O::build_request_with(&input, &FixedToken(TOKEN.into()));
        let (http, rx) = capture_request(None);
        let sdk = self.rt.block_on(O::send(&input, client(http)));
        let sent = !matches!(sdk, Err(SdkError::ConstructionFailure(_)));
        let context = || format!("input: {input:#?}");
        match (ours, sent) {
            (Err(_), false) => {
                self.report.both_refused += 1;
                Ok(())
            }
            (Err(e), true) => Err(format!("ours refused to build the request ({e}), the SDK sent one\n{}", context())),
            (Ok(_), false) => {
                let e = sdk.err().map(|e| aws_sdk_connect::error::DisplayErrorContext(e).to_string()).unwrap_or_default();
                Err(format!("the SDK refused to build the request ({e}), ours built one\n{}", context()))
            }
            (Ok(ours), true) => {
                let theirs = rx.expect_request();
                let diffs = compare_requests::<O>(&input, &ours, &theirs);
                if diffs.is_empty() {
                    Ok(())
                } else {
                    Err(format!("{}\n{}", diffs.join("\n"), context()))
                }
            }
        }
    }

    /// Sends `input` with the SDK, answered by `response`.
    #[allow(clippy::result_large_err)] // the SDK's own error type
    fn sdk_call<O: DiffOp>(&self, input: &O::Input, response: http::Response<Vec<u8>>) -> crate::SdkResult<O::SdkOutput, O::SdkError> {
        let response = response.map(SdkBody::from);
        let (http, _rx) = capture_request(Some(response));
        self.rt.block_on(O::send(input, client(http)))
    }

    fn response_case<O: DiffOp>(&mut self, seed: u64) -> Result<(), String> {
        self.report.response_cases += 1;
        let mut g = Gen::new(case_seed(O::NAME, 2, seed), false);
        let output = O::arb_output(&mut g);
        let mut w = Writer::new(case_seed(O::NAME, 3, seed));
        let (status, headers, body) = O::write_output(&output, &mut w);
        let mut b = http::Response::builder().status(status).header("content-type", "application/json");
        for (k, v) in &headers {
            b = b.header(*k, v.as_str());
        }
        let response = b.body(body.clone().into_bytes()).map_err(|e| format!("cannot build the response: {e}"))?;
        let ours = O::parse_response(&response);
        let input = self.valid_input::<O>(seed);
        let theirs = self.sdk_call::<O>(&input, response);
        let context = || format!("response body: {body}");
        match (ours, theirs) {
            (Ok(ours), Ok(theirs)) => {
                crate::same(&ours, &O::output_to_ours(&theirs)).map_err(|d| format!("parsed outputs differ\n{d}{}", context()))?;
                if !w.lossy {
                    // The test's own check: what was written parses back to what was generated.
                    crate::same(&ours, &output).map_err(|d| format!("roundtrip: our parse of the written output differs from the generated output (ours = parsed, sdk = generated)\n{d}{}", context()))?;
                }
                Ok(())
            }
            (Err(a), Err(b)) if both_unreadable::<O>(&a, &b) => Ok(()),
            (Err(e), Ok(_)) => Err(format!("ours failed to parse ({e}), the SDK parsed it\n{}", context())),
            (Ok(_), Err(e)) => Err(format!("the SDK failed ({}), ours parsed it\n{}", aws_sdk_connect::error::DisplayErrorContext(&e), context())),
            (Err(e), Err(t)) => Err(format!("both failed, differently: ours {e}; SDK {}\n{}", aws_sdk_connect::error::DisplayErrorContext(&t), context())),
        }
    }

    fn request_id_case<O: DiffOp>(&mut self) -> Result<(), String> {
        use aws_sdk_connect::operation::RequestId as _;
        for (i, header) in ["x-amzn-requestid", "x-amz-request-id"].into_iter().enumerate() {
            self.report.response_cases += 1;
            let id = format!("req-{}-{i}", O::NAME);
            let response = http::Response::builder().status(200).header(header, id.as_str()).body(b"{}".to_vec()).map_err(|e| e.to_string())?;
            let ours = O::parse_response(&response).map_err(|e| format!("ours failed to parse `{{}}`: {e}"))?;
            let input = self.valid_input::<O>(0);
            let theirs = self.sdk_call::<O>(&input, response).map_err(|e| format!("the SDK failed to parse `{{}}`: {e:?}"))?;
            let ours_id = connect_api::error::RequestId::request_id(&ours);
            if ours_id != theirs.request_id() {
                return Err(format!("request ID from `{header}`: ours {ours_id:?}, SDK {:?}", theirs.request_id()));
            }
        }
        Ok(())
    }

    /// A 200 whose body is not JSON: both fail, or (no body members) both ignore it.
    fn malformed_case<O: DiffOp>(&mut self) -> Result<(), String> {
        self.report.response_cases += 1;
        let response = http::Response::builder().status(200).body(b"<html>not json".to_vec()).map_err(|e| e.to_string())?;
        let ours = O::parse_response(&response);
        let input = self.valid_input::<O>(1);
        let theirs = self.sdk_call::<O>(&input, response);
        match (ours, theirs) {
            (Ok(a), Ok(b)) => crate::same(&a, &O::output_to_ours(&b)),
            (Err(a), Err(b)) if both_unreadable::<O>(&a, &b) => Ok(()),
            (a, b) => Err(format!("a 200 with a non-JSON body: ours {:?}, SDK {:?}", a.map(|_| "ok"), b.map(|_| "ok"))),
        }
    }

    fn error_case<O: DiffOp>(&mut self, index: usize, seed: u64) -> Result<(), String> {
        self.report.error_cases += 1;
        let name = O::ERRORS[index];
        let mut g = Gen::new(case_seed(O::NAME, 4, seed), false);
        let mut w = Writer::new(case_seed(O::NAME, 5, seed));
        let (status, json) = O::write_error(index, &mut g, &mut w);
        let Json::Object(mut members) = json else { return Err("an error body that is not an object".into()) };
        let mut b = http::Response::builder().status(status).header("x-amzn-requestid", format!("req-{seed}"));
        // Where the code travels: the header (bare, or with the URI suffix some services add),
        // or the body's `__type` (with a namespace) or `code`.
        match seed % 4 {
            0 => b = b.header("x-amzn-errortype", name),
            1 => b = b.header("x-amzn-errortype", format!("{name}:http://internal.amazon.com/coral/com.amazonaws.connect/")),
            2 => members.insert(0, ("__type".into(), Json::String(format!("com.amazonaws.connect#{name}")))),
            _ => members.push(("code".into(), Json::String(name.into()))),
        }
        let body = w.text(&Json::Object(members));
        let response = b.header("content-type", "application/json").body(body.clone().into_bytes()).map_err(|e| e.to_string())?;
        let ours = O::parse_response(&response);
        let input = self.valid_input::<O>(seed);
        let theirs = self.sdk_call::<O>(&input, response);
        let context = format!("status {status}, body: {body}");
        let (ours, theirs) = match (ours, theirs) {
            (Err(a), Err(SdkError::ServiceError(b))) => (a, b.into_err()),
            (a, b) => return Err(format!("expected both to fail with {name}: ours {:?}, SDK {:?}\n{context}", a.err(), b.err())),
        };
        let (va, vb) = (O::error_variant(&ours), O::sdk_error_variant(&theirs));
        if w.lossy && va == vb && va == "Unhandled" {
            // The body had something no parser accepts (a null in a dense list): both gave up.
            return Ok(());
        }
        if va != vb || va != name {
            return Err(format!("expected {name}: ours {va} ({ours}), SDK {vb} ({theirs})\n{context}"));
        }
        O::compare_error(&ours, &theirs).map_err(|d| format!("{name} differs\n{d}{context}"))
    }

    /// An error code the operation does not model, and a 503 whose body is not JSON: both must
    /// be unhandled, with the same code and message.
    fn unmodeled_error_case<O: DiffOp>(&mut self, variant: u64) -> Result<(), String> {
        use aws_sdk_connect::error::ProvideErrorMetadata as _;
        self.report.error_cases += 1;
        let response = match variant {
            0 => http::Response::builder()
                .status(400)
                .header("x-amzn-errortype", "SomeUnmodeledException:http://internal")
                .header("x-amzn-requestid", "req-unmodeled")
                .body(br#"{"message":"not in the model \u00e9","Extra":[1]}"#.to_vec()),
            _ => http::Response::builder().status(503).body(b"<html>Service Unavailable</html>".to_vec()),
        }
        .map_err(|e| e.to_string())?;
        let ours = O::parse_response(&response);
        let input = self.valid_input::<O>(2);
        let theirs = self.sdk_call::<O>(&input, response);
        let (ours, theirs) = match (ours, theirs) {
            (Err(a), Err(SdkError::ServiceError(b))) => (a, b.into_err()),
            (a, b) => return Err(format!("expected both to fail: ours {:?}, SDK {:?}", a.err(), b.err())),
        };
        let (va, vb) = (O::error_variant(&ours), O::sdk_error_variant(&theirs));
        let ours_meta = connect_api::error::ProvideErrorMetadata::meta(&ours);
        let ours_view = (va, ours_meta.code(), ours_meta.message());
        let sdk_view = (vb, theirs.code(), theirs.message());
        if ours_view != sdk_view {
            return Err(format!("unmodeled error: ours {ours_view:?}, SDK {sdk_view:?}"));
        }
        Ok(())
    }
}

/// Both sides failed to read a success response: ours with an unhandled error, the SDK with a
/// response error or an unhandled service error.
fn both_unreadable<O: DiffOp>(ours: &O::Error, theirs: &SdkError<O::SdkError>) -> bool {
    let sdk = match theirs {
        SdkError::ResponseError(_) => true,
        SdkError::ServiceError(e) => O::sdk_error_variant(e.err()) == "Unhandled",
        _ => false,
    };
    sdk && O::error_variant(ours) == "Unhandled"
}

/// Every difference between our request and the SDK's, in what the input determines.
fn compare_requests<O: DiffOp>(input: &O::Input, ours: &http::Request<Vec<u8>>, theirs: &aws_smithy_runtime_api::http::Request) -> Vec<String> {
    let mut diffs = Vec::new();
    if ours.method().as_str() != theirs.method() {
        diffs.push(format!("method: ours {}, SDK {}", ours.method(), theirs.method()));
    }
    let ours_pq = ours.uri().path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_default();
    let theirs_pq = strip_authority(theirs.uri());
    let (op, oq) = split_query(&ours_pq);
    let (tp, tq) = split_query(&theirs_pq);
    if op != tp {
        diffs.push(format!("path:\n  ours {op}\n  sdk  {tp}"));
    }
    let (mut oq, mut tq) = (query_pairs(oq), query_pairs(tq));
    oq.sort();
    tq.sort();
    if oq != tq {
        diffs.push(format!("query:\n  ours {ours_pq}\n  sdk  {theirs_pq}"));
    }
    let mut oh: Vec<(String, String)> =
        ours.headers().iter().map(|(k, v)| (k.as_str().to_ascii_lowercase(), String::from_utf8_lossy(v.as_bytes()).into_owned())).filter(|(k, _)| !SDK_HEADERS.contains(&k.as_str())).collect();
    let mut th: Vec<(String, String)> = theirs
        .headers()
        .iter()
        .map(|(k, v)| (k.to_ascii_lowercase(), v.to_owned()))
        .filter(|(k, _)| !SDK_HEADERS.contains(&k.as_str()))
        .collect();
    oh.sort();
    th.sort();
    if oh != th {
        diffs.push(format!("headers:\n  ours {oh:?}\n  sdk  {th:?}"));
    }
    let ob: &[u8] = ours.body();
    let tb: &[u8] = theirs.body().bytes().unwrap_or_default();
    if ob != tb {
        match (serde_json::from_slice::<Value>(ob), serde_json::from_slice::<Value>(tb)) {
            (Ok(mut a), Ok(mut b)) => {
                O::norm_body(input, &mut a);
                O::norm_body(input, &mut b);
                let mut body_diffs = Vec::new();
                json_diff(&a, &b, "$", &mut body_diffs);
                if !body_diffs.is_empty() {
                    diffs.push(format!("body:\n  {}\n  ours {}\n  sdk  {}", body_diffs.join("\n  "), String::from_utf8_lossy(ob), String::from_utf8_lossy(tb)));
                }
            }
            _ => diffs.push(format!("body (not both JSON):\n  ours {:?}\n  sdk  {:?}", String::from_utf8_lossy(ob), String::from_utf8_lossy(tb))),
        }
    }
    diffs
}

fn strip_authority(uri: &str) -> String {
    match uri.find("://") {
        Some(i) => {
            let rest = &uri[i + 3..];
            match rest.find(['/', '?']) {
                Some(j) => rest[j..].to_owned(),
                None => "/".to_owned(),
            }
        }
        None => uri.to_owned(),
    }
}

fn split_query(pq: &str) -> (&str, &str) {
    match pq.split_once('?') {
        Some((p, q)) => (p, q),
        None => (pq, ""),
    }
}

fn query_pairs(q: &str) -> Vec<&str> {
    q.split('&').filter(|s| !s.is_empty()).collect()
}

/// JSON equality with numbers compared by value (`1` equals `1.0`), recording every path that
/// differs.
pub fn json_diff(a: &Value, b: &Value, path: &str, out: &mut Vec<String>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                match y.get(k) {
                    Some(w) => json_diff(v, w, &format!("{path}.{k}"), out),
                    None => out.push(format!("{path}.{k}: only in ours ({v})")),
                }
            }
            for (k, w) in y {
                if !x.contains_key(k) {
                    out.push(format!("{path}.{k}: only in the SDK's ({w})"));
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                json_diff(v, w, &format!("{path}[{i}]"), out);
            }
        }
        (Value::Number(x), Value::Number(y)) => {
            let equal = match (x.as_i64(), y.as_i64(), x.as_u64(), y.as_u64()) {
                (Some(p), Some(q), _, _) => p == q,
                (_, _, Some(p), Some(q)) => p == q,
                _ => x.as_f64() == y.as_f64(),
            };
            if !equal {
                out.push(format!("{path}: ours {x}, SDK {y}"));
            }
        }
        _ if a == b => {}
        _ => out.push(format!("{path}: ours {a}, SDK {b}")),
    }
}
