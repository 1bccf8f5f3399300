//! The oracle of connect-api's `serde` feature, on the differential test's random values.
//!
//! - Every named type reachable from an operation: random values round-trip through
//!   `serde_json` and through CBOR (`ciborium`, a binary self-describing format).
//! - Every operation input: the same, and the `serde_json` text, cut down to the body members,
//!   is the body `build_request` sends (which the differential test proves equal to
//!   aws-sdk-connect's): byte for byte, or the same JSON with numbers spelled as serde_json
//!   spells them (`1e+38` for `1e38`).
//! - Every operation output: the same round trips, and a response whose body is the
//!   `serde_json` text (HTTP-bound members in their headers) parses, with our parser and with
//!   the SDK's, back to the value (to each other's result where the value leaves a `@required`
//!   member unset, which both parsers fill in).
//!
//! One loss is expected and counted apart instead of as a mismatch: serde's numbers are `f64`,
//! so an epoch-seconds timestamp with more digits than an `f64` holds comes back as the
//! shortest decimal of the nearest `f64` (and `date-time` text keeps microseconds). Such a
//! value is accepted only if its `{:#?}` differs from the original in timestamps alone, each
//! at most 10 µs off.

use std::fmt::Debug;
use std::time::{Duration, Instant};

use aws_smithy_http_client::test_util::capture_request;
use aws_smithy_types::body::SdkBody;
use connect_api::protocol::FixedToken;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::run::{case_seed, client, TOKEN};
use crate::support::{Arb, Gen, Writer};
use crate::{DiffOp, OperationVisitor, TypeVisitor};

/// How deep random values nest (as in the differential test).
const DEPTH: u32 = 4;

/// What the oracle counted.
#[derive(Debug, Default)]
pub struct SerdeReport {
    /// Named types checked.
    pub types: usize,
    /// Operations checked.
    pub operations: usize,
    /// Values serialized (types, inputs, outputs).
    pub values: u64,
    /// Of those, values that round-tripped exactly through JSON and CBOR.
    pub exact: u64,
    /// Values refused by the serializer (a union holding `Unknown`), as the crate's own
    /// serializer refuses them.
    pub refused: u64,
    /// Values whose timestamps are finer than an `f64` holds (see the module docs).
    pub timestamp_precision: u64,
    /// Request bodies compared with the serde JSON text.
    pub bodies: u64,
    /// Of those, bodies equal to it byte for byte (the others differ only in how numbers are
    /// spelled).
    pub bodies_text_equal: u64,
    /// Responses parsed by both parsers.
    pub responses: u64,
    /// Of those, responses where the parsers fill in unset `@required` members (compared with
    /// each other instead of with the value).
    pub corrected: u64,
    /// Disagreements: (what, detail).
    pub mismatches: Vec<(String, String)>,
    /// Wall time.
    pub elapsed: Duration,
}

impl SerdeReport {
    /// The summary line.
    pub fn summary(&self) -> String {
        format!(
            "serde: {} types, {} operations, {} values ({} exact round trips through JSON and CBOR, {} with timestamps finer than f64, {} refused: union Unknown), {} request bodies checked ({} byte for byte, the others equal but for number spelling), {} responses parsed by ours and the SDK ({} with unset required members, compared parser to parser), {} mismatches, {:.1} s",
            self.types,
            self.operations,
            self.values,
            self.exact,
            self.timestamp_precision,
            self.refused,
            self.bodies,
            self.bodies_text_equal,
            self.responses,
            self.corrected,
            self.mismatches.len(),
            self.elapsed.as_secs_f64()
        )
    }
}

/// Runs the oracle with `seeds` random values per type and per operation input and output.
pub fn run(seeds: u64) -> SerdeReport {
    let started = Instant::now();
    let mut types = Types { seeds, report: SerdeReport::default() };
    crate::glue::for_each_type(&mut types);
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
    let mut ops = Ops { seeds, rt, report: types.report };
    crate::glue::for_each_operation(&mut ops);
    let mut report = ops.report;
    report.elapsed = started.elapsed();
    report
}

/// How a value fared in the round trips.
enum Trip<T> {
    /// Both formats gave the value back.
    Exact(String),
    /// Only timestamp precision was lost: the JSON text, and the value read back from it.
    TimestampPrecision(String, T),
    /// The serializer refused the value.
    Refused,
}

/// JSON and CBOR round trips of one value; `Err` describes a mismatch.
fn round_trip<T: PartialEq + Debug + Serialize + DeserializeOwned>(value: &T) -> Result<Trip<T>, String> {
    let json = match serde_json::to_string(value) {
        Ok(json) => json,
        Err(e) if e.to_string().contains("`Unknown` variant") => return Ok(Trip::Refused),
        Err(e) => return Err(format!("serde_json refused the value: {e}\n{value:#?}")),
    };
    let back: T = serde_json::from_str(&json).map_err(|e| format!("serde_json cannot read its own text: {e}\n{json}"))?;
    let mut cbor = Vec::new();
    ciborium::into_writer(value, &mut cbor).map_err(|e| format!("CBOR refused the value: {e}"))?;
    let back_cbor: T = ciborium::from_reader(cbor.as_slice()).map_err(|e| format!("CBOR cannot read its own bytes: {e}\n{json}"))?;
    if back == *value && back_cbor == *value {
        return Ok(Trip::Exact(json));
    }
    for (format, back) in [("JSON", &back), ("CBOR", &back_cbor)] {
        if back == value {
            continue;
        }
        let (a, b) = (format!("{value:#?}"), format!("{back:#?}"));
        if !only_timestamps_differ(&a, &b) {
            return Err(format!("{format} round trip changed the value\n{}json: {json}", crate::debug_diff(&a, &b)));
        }
    }
    Ok(Trip::TimestampPrecision(json, back))
}

/// How far apart two readings of one timestamp may be: an `f64` of epoch seconds is exact to
/// better than 8 µs for every year from 1 to 9999, and `date-time` text keeps microseconds.
const TIMESTAMP_TOLERANCE_MICROS: i64 = 10;

/// Whether two `{:#?}` texts are the same but for timestamps at most
/// [`TIMESTAMP_TOLERANCE_MICROS`] apart. Lines are compared as multisets, as the entries of
/// two equal hash maps print in different orders; `-0.0` counts as `0.0`, as `==` has it.
fn only_timestamps_differ(a: &str, b: &str) -> bool {
    fn normal(line: &str) -> String {
        let t = line.trim_end_matches(',');
        match t.strip_suffix("-0.0") {
            Some(head) if head.is_empty() || head.ends_with(' ') => format!("{head}0.0"),
            _ => t.to_owned(),
        }
    }
    let mut counts: std::collections::HashMap<String, i64> = std::collections::HashMap::new();
    for l in a.lines() {
        *counts.entry(normal(l)).or_default() += 1;
    }
    for l in b.lines() {
        *counts.entry(normal(l)).or_default() -= 1;
    }
    // What is left on each side once equal lines cancel out (order does not matter below).
    let only = |sign: i64| -> Vec<&String> {
        counts.iter().flat_map(|(l, c)| std::iter::repeat_n(l, usize::try_from(c * sign).unwrap_or(0))).collect()
    };
    let (only_a, only_b) = (only(1), only(-1));
    // Pair each leftover timestamp with one close to it (not by position: map entries move).
    let mut unpaired: Vec<Option<i64>> = only_b.iter().map(|y| timestamp_of(y).map(micros)).collect();
    only_a.len() == only_b.len()
        && only_a.iter().all(|x| {
            let Some(x) = timestamp_of(x).map(micros) else { return false };
            let near = unpaired.iter().position(|y| y.is_some_and(|y| (x - y).abs() <= TIMESTAMP_TOLERANCE_MICROS));
            near.map(|i| unpaired[i] = None).is_some()
        })
}

fn micros(t: connect_api::primitives::DateTime) -> i64 {
    t.secs() * 1_000_000 + i64::from(t.subsec_nanos() / 1000)
}

fn timestamp_of(line: &str) -> Option<connect_api::primitives::DateTime> {
    let text = line.trim();
    let text = text.rsplit(": ").next().unwrap_or(text);
    connect_api::primitives::DateTime::from_str(text, connect_api::primitives::DateTimeFormat::DateTime).ok()
}

struct Types {
    seeds: u64,
    report: SerdeReport,
}

impl Types {
    fn count<T>(&mut self, what: &str, trip: Result<Trip<T>, String>) -> Option<(String, Option<T>)> {
        self.report.values += 1;
        match trip {
            Ok(Trip::Exact(json)) => {
                self.report.exact += 1;
                Some((json, None))
            }
            Ok(Trip::TimestampPrecision(json, back)) => {
                self.report.timestamp_precision += 1;
                Some((json, Some(back)))
            }
            Ok(Trip::Refused) => {
                self.report.refused += 1;
                None
            }
            Err(e) => {
                self.report.mismatches.push((what.to_owned(), e));
                None
            }
        }
    }
}

impl TypeVisitor for Types {
    fn visit<T: Arb + PartialEq + Debug + Serialize + DeserializeOwned>(&mut self, name: &'static str) {
        self.report.types += 1;
        for seed in 0..self.seeds {
            let mut g = Gen::new(case_seed(name, 20, seed), seed % 2 == 0);
            let value = T::arb(&mut g, DEPTH);
            self.count(&format!("type {name} seed {seed}"), round_trip(&value));
        }
    }
}

struct Ops {
    seeds: u64,
    rt: tokio::runtime::Runtime,
    report: SerdeReport,
}

impl Ops {
    fn counter(&mut self) -> Types {
        Types { seeds: 0, report: std::mem::take(&mut self.report) }
    }

    fn input_case<O: DiffOp>(&mut self, seed: u64) {
        let mut g = Gen::new(case_seed(O::NAME, 21, seed), true);
        let input = O::arb_input(&mut g);
        let what = format!("{} input seed {seed}", O::NAME);
        let mut c = self.counter();
        let json = c.count(&what, round_trip(&input)).map(|(json, _)| json);
        self.report = c.report;
        let (Some(json), true, Ok(request)) = (json, O::INPUT_JSON_BODY, O::build_request_with(&input, &FixedToken(TOKEN.into())))
        else {
            return;
        };
        self.report.bodies += 1;
        let expected = match expected_body::<O>(&json) {
            Ok(e) => e,
            Err(e) => return self.report.mismatches.push((what, e)),
        };
        let body = String::from_utf8_lossy(request.body()).into_owned();
        if body == expected {
            self.report.bodies_text_equal += 1;
            return;
        }
        // serde_json spells some numbers differently from the crate's writer (`1e+38` for
        // `1e38`, another of two shortest digit strings, or the nearest f64 for a timestamp's
        // exact decimal): the same JSON if both texts read as the same values in the same order.
        if normalized(&body).is_some() && normalized(&body) == normalized(&expected) {
            return;
        }
        self.report.mismatches.push((what, format!("request body differs from the serde_json text\n  body:  {body}\n  serde: {expected}")));
    }

    fn output_case<O: DiffOp>(&mut self, seed: u64) {
        let mut g = Gen::new(case_seed(O::NAME, 22, seed), false);
        let output = O::arb_output(&mut g);
        let what = format!("{} output seed {seed}", O::NAME);
        let mut c = self.counter();
        let json = c.count(&what, round_trip(&output));
        self.report = c.report;
        let Some((json, read_back)) = json else { return };
        let mut w = Writer::new(case_seed(O::NAME, 23, seed));
        let (status, headers, _) = O::write_output(&output, &mut w);
        // The value leaves a `@required` member unset (or the writer dropped one from its own
        // body, which is not used here): the parsers fill such members in ("error
        // correction"), so what they read is compared with each other, not with the value.
        let corrected = w.lossy;
        let body = match body_members(&json, O::OUTPUT_BODY_KEYS) {
            Ok(b) => b,
            Err(e) => return self.report.mismatches.push((what, e)),
        };
        let response = || {
            let mut b = http::Response::builder().status(status).header("content-type", "application/json");
            for (k, v) in &headers {
                b = b.header(*k, v.as_str());
            }
            b.body(body.clone().into_bytes()).expect("a valid response")
        };
        self.report.responses += 1;
        // Where the serde text holds a timestamp only to f64 precision (`read_back` is set),
        // timestamps may differ by that precision; everything else must be equal.
        let same = |a: &O::Output, b: &O::Output| a == b || (read_back.is_some() && only_timestamps_differ(&format!("{a:#?}"), &format!("{b:#?}")));
        let ours = match O::parse_response(&response()) {
            Ok(ours) => ours,
            Err(e) => return self.report.mismatches.push((what, format!("our parser refused the serde body: {e:?}\nbody: {body}"))),
        };
        if corrected {
            self.report.corrected += 1;
        } else if !same(&ours, &output) {
            let d = crate::debug_diff(&format!("{ours:#?}"), &format!("{output:#?}"));
            return self.report.mismatches.push((what, format!("our parser reads the serde body differently (ours = parsed, sdk = value)\n{d}body: {body}")));
        }
        let input = (0..200)
            .map(|k| O::arb_input(&mut Gen::new(case_seed(O::NAME, 24, seed * 1000 + k), true)))
            .find(|i| O::build_request_with(i, &FixedToken(TOKEN.into())).is_ok());
        let Some(input) = input else { return };
        let (http, _rx) = capture_request(Some(response().map(SdkBody::from)));
        match self.rt.block_on(O::send(&input, client(http))) {
            Ok(theirs) => {
                let theirs = O::output_to_ours(&theirs);
                let want = if corrected { &ours } else { &output };
                if !same(&theirs, want) {
                    let d = crate::debug_diff(&format!("{want:#?}"), &format!("{theirs:#?}"));
                    self.report.mismatches.push((what, format!("the SDK reads the serde body differently (ours = expected, sdk = the SDK's)\n{d}body: {body}")));
                }
            }
            Err(e) => self.report.mismatches.push((what, format!("the SDK refused the serde body: {e:?}\nbody: {body}"))),
        }
    }
}

/// The JSON text with its numbers spelled as serde_json spells them (key order kept).
fn normalized(json: &str) -> Option<String> {
    serde_json::from_str::<Value>(json).ok().map(|v| v.to_string())
}

/// The serde JSON object with only the given keys, in that order.
fn body_members(json: &str, keys: &[&str]) -> Result<String, String> {
    let Value::Object(mut object) = serde_json::from_str::<Value>(json).map_err(|e| e.to_string())? else {
        return Err(format!("not a JSON object: {json}"));
    };
    let mut out = serde_json::Map::new();
    for k in keys {
        if let Some(v) = object.remove(*k) {
            out.insert((*k).to_owned(), v);
        }
    }
    Ok(Value::Object(out).to_string())
}

/// The request body an input's serde JSON stands for: its payload member, or its body members
/// in model order, with the idempotency token the request builder fills in when unset.
fn expected_body<O: DiffOp>(json: &str) -> Result<String, String> {
    let Value::Object(mut object) = serde_json::from_str::<Value>(json).map_err(|e| e.to_string())? else {
        return Err(format!("not a JSON object: {json}"));
    };
    if let Some((payload, unset)) = O::INPUT_PAYLOAD {
        return Ok(match object.remove(payload) {
            Some(v) => v.to_string(),
            None => unset.to_owned(),
        });
    }
    let mut out = serde_json::Map::new();
    for k in O::INPUT_BODY_KEYS {
        match object.remove(*k) {
            Some(v) => {
                out.insert((*k).to_owned(), v);
            }
            None if O::INPUT_TOKEN_KEY == Some(*k) => {
                out.insert((*k).to_owned(), Value::String(TOKEN.into()));
            }
            None => {}
        }
    }
    if out.is_empty() && O::INPUT_BODY_KEYS.is_empty() {
        return Ok(String::new());
    }
    Ok(Value::Object(out).to_string())
}

impl OperationVisitor for Ops {
    fn visit<O: DiffOp>(&mut self) {
        self.report.operations += 1;
        for seed in 0..self.seeds {
            self.input_case::<O>(seed);
            self.output_case::<O>(seed);
        }
    }
}
