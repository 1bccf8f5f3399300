//! The interface between the driver and the generated glue: [`DiffOp`] (one operation seen
//! from both crates), [`OperationVisitor`], and value comparison. Shared by every differential
//! test crate (`difftest/`, `difftest-dynamodb/`), which name their two crates `crate::ours` and
//! `crate::sdk`.

use std::fmt::Debug;
use std::future::Future;

use crate::{ours, sdk};
use crate::support;

/// What our client's `send` returns.
pub type OurResult<O, E> = Result<O, ours::error::SdkError<E>>;

/// What the SDK's `send` returns.
pub type SdkResult<O, E> = Result<O, sdk::error::SdkError<E>>;

/// One operation, seen from both crates; implemented by the glue for every operation's unit
/// struct.
pub trait DiffOp:
    ours::Operation<
    Input: Debug + PartialEq + serde::Serialize + serde::de::DeserializeOwned,
    Output: PartialEq + Debug + ours::error::RequestId + serde::Serialize + serde::de::DeserializeOwned,
    Error: Debug + ours::error::ProvideErrorMetadata,
>
{
    /// The SDK's output.
    type SdkOutput: sdk::operation::RequestId + Debug;
    /// The SDK's operation error.
    type SdkError: sdk::error::ProvideErrorMetadata + std::error::Error + Debug + Send + Sync + 'static;
    /// The modeled errors' shape names, in the order [`DiffOp::write_error`] takes.
    const ERRORS: &'static [&'static str];
    /// JSON keys of the input's body members, in model order (serde oracle).
    const INPUT_BODY_KEYS: &'static [&'static str];
    /// The key of an input's structure, union or document `@httpPayload` member, and the body
    /// sent when it is unset (`{}` for a structure, nothing otherwise).
    const INPUT_PAYLOAD: Option<(&'static str, &'static str)>;
    /// Whether the request body is JSON (not a blob or string payload).
    const INPUT_JSON_BODY: bool;
    /// The key of an `@idempotencyToken` body member.
    const INPUT_TOKEN_KEY: Option<&'static str>;
    /// JSON keys of the output's body members, in model order.
    const OUTPUT_BODY_KEYS: &'static [&'static str];
    /// A random input.
    fn arb_input(g: &mut support::Gen) -> Self::Input;
    /// A random output.
    fn arb_output(g: &mut support::Gen) -> Self::Output;
    /// Puts `f32` members of a request body written for `input` at their own precision.
    fn norm_body(input: &Self::Input, json: &mut serde_json::Value);
    /// Sends `input`, converted, with the SDK.
    fn send(input: &Self::Input, client: sdk::Client) -> impl Future<Output = SdkResult<Self::SdkOutput, Self::SdkError>>;
    /// Sends `input` with our client's fluent builder (every member through its `set_` method).
    fn send_ours(input: &Self::Input, client: ours::Client) -> impl Future<Output = OurResult<Self::Output, Self::Error>>;
    /// The SDK's output as ours.
    fn output_to_ours(o: &Self::SdkOutput) -> Self::Output;
    /// The response a service sends for `out`: status, headers and body.
    fn write_output(out: &Self::Output, w: &mut support::Writer) -> (u16, Vec<(&'static str, String)>, String);
    /// A random instance of modeled error `index`: its status and JSON body.
    fn write_error(index: usize, g: &mut support::Gen, w: &mut support::Writer) -> (u16, support::Json);
    /// The variant of our error (an error shape name, or `Unhandled`).
    fn error_variant(e: &Self::Error) -> &'static str;
    /// The variant of the SDK's error.
    fn sdk_error_variant(e: &Self::SdkError) -> &'static str;
    /// Compares the contents of two errors of the same modeled variant.
    fn compare_error(ours: &Self::Error, theirs: &Self::SdkError) -> Result<(), String>;
}

/// Something done for every named type (see `glue::for_each_type`).
pub trait TypeVisitor {
    /// Called once per type, with its shape name.
    fn visit<T: support::Arb + PartialEq + Debug + serde::Serialize + serde::de::DeserializeOwned>(&mut self, name: &'static str);
}

/// Something done for every operation type (see [`glue::for_each_operation`]).
pub trait OperationVisitor {
    /// Called once per operation.
    fn visit<O: DiffOp>(&mut self);
}

/// `Ok` when equal, else the first differing lines of the two values' `{:#?}`.
pub fn same<T: PartialEq + Debug>(ours: &T, theirs: &T) -> Result<(), String> {
    if ours == theirs {
        return Ok(());
    }
    Err(debug_diff(&format!("{ours:#?}"), &format!("{theirs:#?}")))
}

/// The first difference between two multi-line texts, with a little context.
pub fn debug_diff(a: &str, b: &str) -> String {
    if a == b {
        return "the values differ but print the same (e.g. `-0.0` and `0.0`, or timestamps that differ below the printed precision)\n".to_owned();
    }
    let (la, lb): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let first = la.iter().zip(lb.iter()).position(|(x, y)| x != y).unwrap_or(la.len().min(lb.len()));
    let from = first.saturating_sub(4);
    let mut out = String::new();
    out.push_str(&format!("first difference at line {}:\n", first + 1));
    for (label, lines) in [("ours", &la), ("sdk ", &lb)] {
        for (i, l) in lines.iter().enumerate().skip(from).take(first - from + 4) {
            let mark = if i == first { ">" } else { " " };
            out.push_str(&format!("  {label}{mark} {l}\n"));
        }
    }
    out
}
