//! Smithy's HTTP protocol compliance tests (spec: `http-protocol-compliance-tests.rst`) as Rust
//! tests of a generated crate.
//!
//! [`cases`] reads the `smithy.test#httpRequestTests` and `smithy.test#httpResponseTests` traits
//! of the service's operations and error structures (client cases only: `appliesTo` absent or
//! `client`; `httpMalformedRequestTests` are server tests and ignored), and lists the
//! `smithy.test#eventStreamTests` cases as skipped (event streams are out of scope). [`render`] turns them
//! into one integration-test target, `tests/protocol/`: a `main.rs` with the case table and the
//! `figures` test, `support.rs` (the checks, from `runtime/compliance.rs`) and one file per
//! operation. `params` become values of the generated types through their builders
//! ([`values`]); request cases build the request with a fixed idempotency token and check what
//! the case lists, response cases parse the response and compare every member.
//!
//! Cases that cannot pass are listed, with the reason, in [`SKIP`] (one place). Skipped cases are rendered with `#[ignore = "reason"]`,
//! count as failed in the figures, and the `figures` test fails when one of them starts passing.

mod cases;
pub mod malformed;
pub mod values;

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::{ShapeKind, ShapeId};
use crate::plan::{naming, OperationPlan, Plan, TypeKind, TypePlan};
use crate::render::ctx::ident;

/// The idempotency token the request cases expect (every `@idempotencyToken` case uses it).
pub const FIXED_TOKEN: &str = "00000000-0000-4000-8000-000000000000";

/// The reason given for event-stream cases.
pub const EVENT_STREAM_REASON: &str = "event streams are out of scope";

/// Cases that cannot pass, by ID, with the reason, for every protocol suite (case IDs are
/// unique across Smithy's suites). Each is rendered as an ignored test and counts as failed;
/// the rendered `figures` test fails when a listed case starts passing. [`unused_skips`] finds
/// entries no suite has.
pub const SKIP: &[(&str, &str)] = &[
    ("RestJsonClientPopulatesDefaultValuesInInput", ZERO_DEFAULTS),
    ("AwsJson10ClientPopulatesDefaultValuesInInput", ZERO_DEFAULTS),
    (
        "AwsJson10ClientErrorCorrectsWithDefaultValuesWhenServerFailsToSerializeRequiredValues",
        "a missing `@required` member with a `@default` reads as the zero value of its type, not its default: \
         smithy-rs error-corrects before defaults apply (an expected failure in smithy-rs too), and generated \
         crates keep parity with it, which the differential tests check; the spec asks for \"a default zero \
         value\" (aws-default-zero-value.rst.template)",
    ),
    (
        "MachinelearningPredictEndpoint",
        "the host taken from the `PredictEndpoint` input member is a hand-written customisation of one service \
         in the AWS SDKs, not a trait of the model; the generator stays model-agnostic",
    ),
];

/// Why zero-valued defaults of nested members are not serialized.
const ZERO_DEFAULTS: &str = "zero-valued defaults (0, 0.0, false) of non-optional nested members are not serialized: \
     generated crates keep wire parity with smithy-rs and the AWS SDKs (where this case is an expected failure \
     too), which the differential tests check; the spec says effective defaults SHOULD, not MUST, be \
     serialized (type-refinement-traits.rst, \"Default value serialization\")";

/// The entries of [`SKIP`] that none of the rendered suites (their `Summary::skipped` lists)
/// has: stale entries, to be removed.
pub fn unused_skips(summaries: &[&Summary]) -> Vec<&'static str> {
    SKIP.iter().map(|(id, _)| *id).filter(|id| !summaries.iter().any(|s| s.skipped.iter().any(|(x, _)| x == id))).collect()
}

/// The test target's directory inside the crate.
pub const TEST_DIR: &str = "tests/protocol";

/// Which trait a case comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseKind {
    /// `httpRequestTests`: input to request.
    Request,
    /// `httpResponseTests`: response to output or error.
    Response,
    /// `eventStreamTests`: out of scope, always skipped.
    EventStream,
}

/// One compliance case.
pub struct Case<'p, 'm> {
    /// Request or response.
    pub kind: CaseKind,
    /// The case's `id`.
    pub id: String,
    /// The whole case (a `HttpRequestTestCase` or `HttpResponseTestCase` node).
    pub test: &'m Value,
    /// The operation it exercises (for an error case: the first operation that can return it).
    pub operation: &'p OperationPlan,
    /// The error structure of an error response case.
    pub error: Option<&'p TypePlan>,
    /// Why the case is skipped, if it is.
    pub skip: Option<String>,
}

impl Case<'_, '_> {
    /// The test function's name: the snake-case ID plus `_request` or `_response`.
    pub fn function(&self) -> String {
        let suffix = match self.kind {
            CaseKind::Request => "request",
            CaseKind::Response => "response",
            CaseKind::EventStream => "event_stream",
        };
        format!("{}_{suffix}", naming::snake_case(&self.id))
    }
}

/// The client cases of the plan's service, operations in plan order, then error structures.
pub fn cases<'p, 'm>(plan: &'p Plan<'m>) -> Result<Vec<Case<'p, 'm>>> {
    let mut out = Vec::new();
    for op in &plan.operations {
        let shape = plan.model.expect(&op.id);
        let streams = has_event_stream(plan, op);
        for (trait_id, kind) in [
            ("smithy.test#httpRequestTests", CaseKind::Request),
            ("smithy.test#httpResponseTests", CaseKind::Response),
            ("smithy.test#eventStreamTests", CaseKind::EventStream),
        ] {
            for test in client_cases(shape.traits.get(trait_id)) {
                out.push(case(kind, test, op, None, streams)?);
            }
        }
    }
    for t in plan.types.values().filter(|t| t.kind == TypeKind::Error) {
        let shape = plan.model.expect(&t.id);
        let tests = client_cases(shape.traits.get("smithy.test#httpResponseTests"));
        if tests.is_empty() {
            continue;
        }
        let Some(op) = plan.operations.iter().find(|o| o.errors.contains(&t.id)) else { continue };
        for test in tests {
            out.push(case(CaseKind::Response, test, op, Some(t), false)?);
        }
    }
    let mut seen = BTreeSet::new();
    for c in &out {
        if !seen.insert(c.function()) {
            return Err(Error::msg(format!("two compliance cases render as the test `{}`", c.function())));
        }
    }
    Ok(out)
}

fn client_cases(v: Option<&Value>) -> Vec<&Value> {
    v.and_then(Value::as_array)
        .map(|tests| tests.iter().filter(|t| matches!(t.get("appliesTo").and_then(Value::as_str), None | Some("client"))).collect())
        .unwrap_or_default()
}

fn case<'p, 'm>(kind: CaseKind, test: &'m Value, op: &'p OperationPlan, error: Option<&'p TypePlan>, streams: bool) -> Result<Case<'p, 'm>> {
    let id = test
        .get("id")
        .and_then(Value::as_str)
        .ok_or_else(|| Error::shape(op.id.to_string(), "a protocol test case has no `id`"))?
        .to_owned();
    let skip = if streams || kind == CaseKind::EventStream {
        Some(EVENT_STREAM_REASON.to_owned())
    } else {
        SKIP.iter().find(|(s, _)| *s == id).map(|(_, r)| (*r).to_owned())
    };
    Ok(Case { kind, id, test, operation: op, error, skip })
}

/// Whether the operation's input or output has an event stream (a `@streaming` union member).
fn has_event_stream(plan: &Plan, op: &OperationPlan) -> bool {
    [&op.input, &op.output].into_iter().any(|id: &ShapeId| {
        plan.model.expect(id).kind.members().iter().any(|m| {
            let t = plan.model.expect(&m.target);
            matches!(t.kind, ShapeKind::Union(_)) && t.traits.streaming()
        })
    })
}

/// Counts of what [`render`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Request cases rendered.
    pub requests: usize,
    /// Response cases rendered.
    pub responses: usize,
    /// Event-stream cases rendered (all skipped).
    pub event_streams: usize,
    /// Skipped cases: (id, reason), in case order.
    pub skipped: Vec<(String, String)>,
}

/// The rendered test target.
pub struct Rendered {
    /// Files relative to the crate root (`tests/protocol/...`).
    pub files: BTreeMap<String, String>,
    /// What was rendered.
    pub summary: Summary,
}

/// Renders the compliance tests of the plan's service for the crate the plan generates.
pub fn render(plan: &Plan) -> Result<Rendered> {
    let all = cases(plan)?;
    let krate = ident(&plan.service.crate_name.replace('-', "_"));
    let values = values::Values::new(plan);
    let mut by_module: BTreeMap<&str, (&OperationPlan, Vec<TokenStream>)> = BTreeMap::new();
    let mut table = Vec::new();
    let mut summary = Summary::default();
    for c in &all {
        let module = test_module(&c.operation.module)?;
        let function = ident(&c.function());
        let tokens = cases::render_case(plan, &values, c);
        by_module.entry(c.operation.module.as_str()).or_insert_with(|| (c.operation, Vec::new())).1.push(tokens);
        let id = &c.id;
        let kind = match c.kind {
            CaseKind::Request => quote!(Kind::Request),
            CaseKind::Response => quote!(Kind::Response),
            CaseKind::EventStream => quote!(Kind::EventStream),
        };
        let skip = match &c.skip {
            Some(r) => quote!(::std::option::Option::Some(#r)),
            None => quote!(::std::option::Option::None),
        };
        table.push(quote!(Case { id: #id, kind: #kind, run: #module::#function, skip: #skip },));
        match c.kind {
            CaseKind::Request => summary.requests += 1,
            CaseKind::Response => summary.responses += 1,
            CaseKind::EventStream => summary.event_streams += 1,
        }
        if let Some(r) = &c.skip {
            summary.skipped.push((c.id.clone(), r.clone()));
        }
    }

    let mut files = BTreeMap::new();
    let mut mods = Vec::new();
    for (module, (op, tests)) in &by_module {
        let m = test_module(module)?;
        mods.push(quote!(mod #m;));
        let doc = format!(" Protocol tests of the `{}` operation.", op.id.name());
        let path = format!("{TEST_DIR}/{module}.rs");
        let tokens = quote! {
            #![doc = #doc]
            #(#tests)*
        };
        files.insert(path.clone(), crate::format::rust_file(&path, tokens)?);
    }
    let title = format!(" The `{}` protocol tests of `{}`, from its Smithy model.", plan.service.id.name(), plan.service.crate_name);
    let main = quote! {
        #![doc = #title]
        //!
        //! Rendered by `smithy_codegen::compliance` (`cargo xtask compliance`). Run with
        //! `-- --nocapture figures` for the pass counts.
        #![allow(clippy::approx_constant, clippy::excessive_precision)]

        #[allow(unused_imports)]
        pub use #krate::{error, operation, primitives, protocol, types, Operation};

        mod support;
        #(#mods)*

        /// Which trait a case comes from (a suite need not have all three).
        #[derive(PartialEq)]
        #[allow(dead_code)]
        enum Kind {
            Request,
            Response,
            EventStream,
        }

        /// One case of the table.
        struct Case {
            id: &'static str,
            kind: Kind,
            run: fn(),
            skip: ::std::option::Option<&'static str>,
        }

        /// Every case, in model order.
        const CASES: &[Case] = &[#(#table)*];

        /// Runs every case and prints `request cases: passed/total`, `response cases:
        /// passed/total` and the same for event-stream cases (skipped cases count as failed).
        /// Fails when a skipped case passes: take it off the skip list.
        #[test]
        fn figures() {
            let me = ::std::thread::current().id();
            let default_hook = ::std::panic::take_hook();
            ::std::panic::set_hook(::std::boxed::Box::new(move |info| {
                if ::std::thread::current().id() != me {
                    default_hook(info);
                }
            }));
            let (mut requests, mut responses, mut streams) = ((0, 0), (0, 0), (0, 0));
            let mut failed = ::std::vec::Vec::new();
            let mut stale = ::std::vec::Vec::new();
            for case in CASES {
                let passed = ::std::panic::catch_unwind(case.run).is_ok();
                let counts = match case.kind {
                    Kind::Request => &mut requests,
                    Kind::Response => &mut responses,
                    Kind::EventStream => &mut streams,
                };
                counts.1 += 1;
                match (passed, case.skip) {
                    (true, ::std::option::Option::None) => counts.0 += 1,
                    (true, ::std::option::Option::Some(_)) => stale.push(case.id),
                    (false, ::std::option::Option::None) => failed.push(case.id),
                    (false, ::std::option::Option::Some(_)) => {}
                }
            }
            let skipped = CASES.iter().filter(|c| c.skip.is_some()).count();
            println!("request cases: {}/{}", requests.0, requests.1);
            println!("response cases: {}/{}", responses.0, responses.1);
            println!("event-stream cases: {}/{} (out of scope)", streams.0, streams.1);
            println!("skipped (counted as failed): {skipped}; failed: {failed:?}");
            assert!(stale.is_empty(), "skipped cases that pass now (take them off the skip list): {stale:?}");
        }
    };
    files.insert(format!("{TEST_DIR}/main.rs"), crate::format::rust_file("main.rs", main)?);
    let support = format!("{}{}", crate::format::HEADER, include_str!("../../runtime/compliance.rs"));
    files.insert(format!("{TEST_DIR}/support.rs"), support);
    Ok(Rendered { files, summary })
}

/// The test module of an operation (its module name; names the test target uses are refused).
fn test_module(module: &str) -> Result<proc_macro2::Ident> {
    if matches!(module, "support" | "operation" | "primitives" | "protocol" | "types" | "figures") {
        return Err(Error::msg(format!("the operation module `{module}` clashes with a name of the compliance test target")));
    }
    Ok(ident(module))
}
