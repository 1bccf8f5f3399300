//! Models the generator must refuse, each with an error that names the file, the shape and the
//! problem; and hostile-but-valid models whose text must never escape into generated code.
//!
//! Every model is loaded from memory with [`load::load_sources`] under the name [`FILE`], so the
//! file part of each message is known. Nothing here may panic: every call goes through
//! [`no_panic`], which turns a panic into a test failure that says so.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use smithy_codegen::model::{Model, ShapeId};
use smithy_codegen::plan::{Plan, PlanOptions};
use smithy_codegen::{load, Error, ManifestOptions};

/// The name every in-memory model is loaded under.
const FILE: &str = "models/bad.json";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Runs `f`, failing the test with a clear message if the generator panics.
fn no_panic<T>(what: &str, f: impl FnOnce() -> T) -> T {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => v,
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!("the generator panicked while {what} (it must return an error instead): {msg}")
        }
    }
}

/// A small valid model: one restJson1 service, one operation, input and output.
fn base() -> Value {
    json!({
        "smithy": "2.0",
        "shapes": {
            "ex#Svc": {
                "type": "service",
                "version": "2024-01-01",
                "operations": [{ "target": "ex#GetThing" }],
                "traits": { "aws.protocols#restJson1": {} }
            },
            "ex#GetThing": {
                "type": "operation",
                "input": { "target": "ex#GetThingInput" },
                "output": { "target": "ex#GetThingOutput" },
                "traits": { "smithy.api#http": { "method": "GET", "uri": "/thing" } }
            },
            "ex#GetThingInput": {
                "type": "structure",
                "members": { "name": { "target": "smithy.api#String" } },
                "traits": { "smithy.api#input": {} }
            },
            "ex#GetThingOutput": {
                "type": "structure",
                "members": { "thing": { "target": "ex#Thing" } },
                "traits": { "smithy.api#output": {} }
            },
            "ex#Thing": {
                "type": "structure",
                "members": { "id": { "target": "smithy.api#String" } }
            }
        }
    })
}

/// [`base`] with extra (or replaced) shapes.
fn with_shapes(extra: Value) -> Value {
    let mut doc = base();
    let shapes = doc["shapes"].as_object_mut().unwrap();
    for (k, v) in extra.as_object().expect("shapes object") {
        shapes.insert(k.clone(), v.clone());
    }
    doc
}

/// [`base`] where `ex#GetThingOutput$thing` targets `target` (so the shape is in the closure).
fn output_targets(target: &str, extra: Value) -> Value {
    let mut doc = with_shapes(extra);
    doc["shapes"]["ex#GetThingOutput"]["members"]["thing"]["target"] = json!(target);
    doc
}

fn load_text(text: &str) -> Result<Model, Error> {
    no_panic("loading the model", || load::load_sources(&[(Path::new(FILE), text)]))
}

fn load_doc(doc: &Value) -> Result<Model, Error> {
    load_text(&serde_json::to_string_pretty(doc).unwrap())
}

/// The error of loading a model that must be refused while loading.
fn load_err(doc: &Value) -> Error {
    match load_doc(doc) {
        Ok(_) => panic!("the model was accepted, but it must be refused:\n{doc:#}"),
        Err(e) => e,
    }
}

fn load_text_err(text: &str) -> Error {
    match load_text(text) {
        Ok(_) => panic!("the model was accepted, but it must be refused:\n{text}"),
        Err(e) => e,
    }
}

/// The error of planning a model that loads fine but cannot become a crate.
fn plan_err_with(doc: &Value, options: &PlanOptions) -> Error {
    let model = load_doc(doc).unwrap_or_else(|e| panic!("the model should load: {e}"));
    match no_panic("planning", || Plan::new(&model, options).map(|_| ())) {
        Ok(()) => panic!("the model was planned, but it must be refused:\n{doc:#}"),
        Err(e) => e,
    }
}

fn plan_err(doc: &Value) -> Error {
    plan_err_with(doc, &PlanOptions::default())
}

/// Loads, plans and renders a model in memory; every generated file by path.
fn generate(doc: &Value) -> BTreeMap<String, String> {
    let model = load_doc(doc).unwrap_or_else(|e| panic!("the model should load: {e}"));
    let manifest = ManifestOptions { version: "0.1.0".into(), regenerate: "cargo test".into(), source: None, client_runtime: None };
    no_panic("generating", || smithy_codegen::generate_from_model(&model, &PlanOptions::default(), &manifest))
        .unwrap_or_else(|e| panic!("the model should generate: {e}"))
}

/// Generates a model that Smithy accepts but that may clash in Rust: either the generator refuses
/// it with an error naming `shape` and mentioning every word of `mentions` (and no panic), or it
/// generates, and `check` must accept the files.
#[track_caller]
fn refused_or_generated(doc: &Value, shape: &str, mentions: &[&str], check: impl FnOnce(&BTreeMap<String, String>)) {
    let model = load_doc(doc).unwrap_or_else(|e| panic!("the model should load: {e}"));
    let manifest = ManifestOptions { version: "0.1.0".into(), regenerate: "cargo test".into(), source: None, client_runtime: None };
    match no_panic("generating", || smithy_codegen::generate_from_model(&model, &PlanOptions::default(), &manifest)) {
        Ok(files) => check(&files),
        Err(e) => {
            assert_eq!(e.shape.as_deref(), Some(shape), "{e}");
            for m in mentions {
                assert!(e.message.contains(m), "the error must mention `{m}`: {e}");
            }
        }
    }
}

/// Asserts the three parts of an error and its `Display` form.
#[track_caller]
fn assert_error(err: &Error, file: Option<&str>, shape: Option<&str>, message: &str) {
    assert_eq!(err.file.as_deref(), file.map(Path::new), "file of: {err}");
    assert_eq!(err.shape.as_deref(), shape, "shape of: {err}");
    assert_eq!(err.message, message, "message of: {err}");
    let mut display = String::new();
    if let Some(f) = file {
        display.push_str(&format!("{f}: "));
    }
    if let Some(s) = shape {
        display.push_str(&format!("shape `{s}`: "));
    }
    display.push_str(message);
    assert_eq!(err.to_string(), display);
}

/// Asserts the error is about `shape` in [`FILE`] and says `message`.
#[track_caller]
fn assert_shape_error(err: &Error, shape: &str, message: &str) {
    assert_error(err, Some(FILE), Some(shape), message);
}

// ---------------------------------------------------------------------------------------------
// Files and documents
// ---------------------------------------------------------------------------------------------

#[test]
fn missing_file_is_named() {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-such-dir").join("missing-model.json");
    let err = no_panic("loading", || load::load_files(std::slice::from_ref(&path))).expect_err("a missing file must fail");
    assert_eq!(err.file.as_deref(), Some(path.as_path()));
    assert_eq!(err.shape, None);
    assert!(err.message.starts_with("cannot read model path: "), "{err}");
    assert!(err.to_string().contains("missing-model.json"), "{err}");
}

#[test]
fn unreadable_file_is_named() {
    // A directory entry that is not valid UTF-8 text: reading it as a model fails with the path.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bad-models-unreadable");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("binary.json");
    std::fs::write(&path, [0xff, 0xfe, 0x00, 0x7b]).unwrap();
    let err = no_panic("loading", || load::load_files(std::slice::from_ref(&path))).expect_err("a non-UTF-8 file must fail");
    assert_eq!(err.file.as_deref(), Some(path.as_path()));
    assert!(err.message.starts_with("cannot read model file: "), "{err}");
}

#[test]
fn no_files_at_all() {
    let err = no_panic("loading", || load::load_files(&[])).expect_err("no files must fail");
    assert_error(&err, None, None, "no model files given");
}

#[test]
fn malformed_json_reports_line_and_column() {
    let err = load_text_err("{\n  \"smithy\": \"2.0\",\n  \"shapes\": {\n    \"ex#Foo\": { \"type\": \"structure\" }\n    \"ex#Bar\": {}\n  }\n}\n");
    assert_eq!(err.file.as_deref(), Some(Path::new(FILE)));
    assert_eq!(err.shape, None);
    assert!(err.message.starts_with("malformed JSON: "), "{err}");
    assert!(err.message.contains("line 5 column 5"), "the position must be given: {err}");
}

#[test]
fn truncated_json_reports_position() {
    let err = load_text_err("{\"smithy\": \"2.0\", \"shapes\": {");
    assert!(err.to_string().starts_with(&format!("{FILE}: malformed JSON: ")), "{err}");
    assert!(err.message.contains("line 1 column"), "{err}");
}

#[test]
fn top_level_must_be_an_object() {
    for text in ["[1, 2]", "\"2.0\"", "null", "42"] {
        let err = load_text_err(text);
        assert_error(&err, Some(FILE), None, "the model document must be a JSON object");
    }
}

#[test]
fn missing_smithy_version() {
    let mut doc = base();
    doc.as_object_mut().unwrap().remove("smithy");
    assert_error(&load_err(&doc), Some(FILE), None, "the model has no `smithy` version string");
}

#[test]
fn smithy_version_must_be_a_string() {
    let mut doc = base();
    doc["smithy"] = json!(2.0);
    let err = load_err(&doc);
    assert_eq!(err.file.as_deref(), Some(Path::new(FILE)));
    assert!(err.message.contains("`smithy`"), "{err}");
}

#[test]
fn unsupported_smithy_versions() {
    for v in ["3.0", "0.5", ""] {
        let mut doc = base();
        doc["smithy"] = json!(v);
        assert_error(
            &load_err(&doc),
            Some(FILE),
            None,
            &format!("unsupported Smithy version `{v}`: only 1.x and 2.x models are supported"),
        );
    }
}

#[test]
fn shapes_must_be_an_object() {
    let mut doc = base();
    doc["shapes"] = json!([]);
    assert_error(&load_err(&doc), Some(FILE), None, "`shapes` must be an object");
}

#[test]
fn the_file_that_failed_is_named_among_several() {
    let good = serde_json::to_string(&base()).unwrap();
    let err = no_panic("loading", || {
        load::load_sources(&[(Path::new("models/good.json"), good.as_str()), (Path::new("models/second.json"), "{")])
    })
    .expect_err("the second file is malformed");
    assert_eq!(err.file.as_deref(), Some(Path::new("models/second.json")));
}

#[test]
fn shape_defined_twice_differently_in_two_files() {
    let a = serde_json::to_string(&base()).unwrap();
    let b = serde_json::to_string(&json!({
        "smithy": "2.0",
        "shapes": { "ex#Thing": { "type": "structure", "members": { "other": { "target": "smithy.api#Integer" } } } }
    }))
    .unwrap();
    let err = no_panic("loading", || {
        load::load_sources(&[(Path::new("models/a.json"), a.as_str()), (Path::new("models/b.json"), b.as_str())])
    })
    .expect_err("conflicting definitions");
    assert_error(&err, Some("models/b.json"), Some("ex#Thing"), "the shape is defined twice, differently");
}

// ---------------------------------------------------------------------------------------------
// Shapes and members
// ---------------------------------------------------------------------------------------------

#[test]
fn unknown_shape_type() {
    let doc = with_shapes(json!({ "ex#Weird": { "type": "struct", "members": {} } }));
    assert_shape_error(&load_err(&doc), "ex#Weird", "unknown shape type `struct`");
}

#[test]
fn shape_without_type() {
    let doc = with_shapes(json!({ "ex#NoType": { "members": {} } }));
    assert_shape_error(&load_err(&doc), "ex#NoType", "the shape has no `type`");
}

#[test]
fn shape_that_is_not_an_object() {
    let doc = with_shapes(json!({ "ex#Str": "structure" }));
    assert_shape_error(&load_err(&doc), "ex#Str", "a shape must be a JSON object");
}

#[test]
fn member_without_target() {
    let doc = with_shapes(json!({ "ex#Thing": { "type": "structure", "members": { "id": {} } } }));
    assert_shape_error(&load_err(&doc), "ex#Thing$id", "the member has no `target`");
}

#[test]
fn member_target_must_be_a_string() {
    let doc = with_shapes(json!({ "ex#Thing": { "type": "structure", "members": { "id": { "target": 7 } } } }));
    assert_shape_error(&load_err(&doc), "ex#Thing$id", "`target` must be a string");
}

#[test]
fn member_targets_a_missing_shape() {
    let doc = with_shapes(json!({
        "ex#Thing": { "type": "structure", "members": { "id": { "target": "ex#Nowhere" } } }
    }));
    assert_shape_error(&load_err(&doc), "ex#Thing$id", "the member targets `ex#Nowhere`, which does not exist");
}

#[test]
fn member_targets_a_relative_shape_id() {
    let doc = with_shapes(json!({
        "ex#Thing": { "type": "structure", "members": { "id": { "target": "String" } } }
    }));
    assert_shape_error(
        &load_err(&doc),
        "ex#Thing$id",
        "`String` is not an absolute shape ID (`namespace#Name`)",
    );
}

#[test]
fn list_without_member() {
    let doc = with_shapes(json!({ "ex#Names": { "type": "list" } }));
    assert_shape_error(&load_err(&doc), "ex#Names", "a list shape needs a `member` member");
}

#[test]
fn map_key_must_be_a_string() {
    let doc = with_shapes(json!({
        "ex#Counts": { "type": "map", "key": { "target": "smithy.api#Integer" }, "value": { "target": "smithy.api#String" } }
    }));
    assert_shape_error(&load_err(&doc), "ex#Counts$key", "a map key must target a string or enum shape");
}

#[test]
fn member_cannot_target_an_operation() {
    let doc = with_shapes(json!({
        "ex#Thing": { "type": "structure", "members": { "op": { "target": "ex#GetThing" } } }
    }));
    assert_shape_error(&load_err(&doc), "ex#Thing$op", "a member cannot target the operation `ex#GetThing`");
}

#[test]
fn int_enum_member_needs_an_integer_value() {
    let doc = with_shapes(json!({
        "ex#Level": { "type": "intEnum", "members": { "LOW": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "low" } } } }
    }));
    assert_shape_error(&load_err(&doc), "ex#Level$LOW", "an intEnum member needs an integer @enumValue");
}

#[test]
fn enum_value_must_be_a_non_empty_string() {
    let doc = with_shapes(json!({
        "ex#Color": { "type": "enum", "members": { "RED": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "" } } } }
    }));
    assert_shape_error(&load_err(&doc), "ex#Color$RED", "an enum value must be a non-empty string");
}

// ---------------------------------------------------------------------------------------------
// Operations and services
// ---------------------------------------------------------------------------------------------

#[test]
fn operation_input_does_not_exist() {
    let mut doc = base();
    doc["shapes"]["ex#GetThing"]["input"] = json!({ "target": "ex#Missing" });
    assert_shape_error(&load_err(&doc), "ex#GetThing", "its input `ex#Missing` does not exist");
}

#[test]
fn operation_output_does_not_exist() {
    let mut doc = base();
    doc["shapes"]["ex#GetThing"]["output"] = json!({ "target": "ex#Missing" });
    assert_shape_error(&load_err(&doc), "ex#GetThing", "its output `ex#Missing` does not exist");
}

#[test]
fn operation_input_is_not_a_structure() {
    let mut doc = base();
    doc["shapes"]["ex#GetThing"]["input"] = json!({ "target": "smithy.api#String" });
    assert_shape_error(&load_err(&doc), "ex#GetThing", "its input `smithy.api#String` is a string, not a structure");
}

#[test]
fn operation_output_is_not_a_structure() {
    let mut doc = with_shapes(json!({
        "ex#Things": { "type": "list", "member": { "target": "ex#Thing" } }
    }));
    doc["shapes"]["ex#GetThing"]["output"] = json!({ "target": "ex#Things" });
    assert_shape_error(&load_err(&doc), "ex#GetThing", "its output `ex#Things` is a list, not a structure");
}

#[test]
fn operation_error_does_not_exist() {
    let mut doc = base();
    doc["shapes"]["ex#GetThing"]["errors"] = json!([{ "target": "ex#NoSuchError" }]);
    assert_shape_error(&load_err(&doc), "ex#GetThing", "its error `ex#NoSuchError` does not exist");
}

#[test]
fn operation_error_is_not_a_structure() {
    let mut doc = with_shapes(json!({
        "ex#Oops": { "type": "union", "members": { "a": { "target": "smithy.api#String" } }, "traits": { "smithy.api#error": "client" } }
    }));
    doc["shapes"]["ex#GetThing"]["errors"] = json!([{ "target": "ex#Oops" }]);
    assert_shape_error(&load_err(&doc), "ex#GetThing", "its error `ex#Oops` is a union, not a structure");
}

#[test]
fn operation_error_without_error_trait() {
    let mut doc = base();
    doc["shapes"]["ex#GetThing"]["errors"] = json!([{ "target": "ex#Thing" }]);
    assert_shape_error(&load_err(&doc), "ex#GetThing", "its error `ex#Thing` has no @error trait");
}

#[test]
fn service_error_without_error_trait() {
    let mut doc = base();
    doc["shapes"]["ex#Svc"]["errors"] = json!([{ "target": "ex#Thing" }]);
    assert_shape_error(&load_err(&doc), "ex#Svc", "its error `ex#Thing` has no @error trait");
}

#[test]
fn error_trait_value_must_be_client_or_server() {
    let doc = with_shapes(json!({
        "ex#Oops": { "type": "structure", "members": {}, "traits": { "smithy.api#error": "maybe" } }
    }));
    assert_shape_error(&load_err(&doc), "ex#Oops", "invalid @error trait: must be \"client\" or \"server\"");
}

#[test]
fn service_operation_does_not_exist() {
    let mut doc = base();
    doc["shapes"]["ex#Svc"]["operations"] = json!([{ "target": "ex#GetThing" }, { "target": "ex#PutThing" }]);
    assert_shape_error(&load_err(&doc), "ex#Svc", "its operation `ex#PutThing` does not exist");
}

#[test]
fn service_operation_is_not_an_operation() {
    let mut doc = base();
    doc["shapes"]["ex#Svc"]["operations"] = json!([{ "target": "ex#Thing" }]);
    assert_shape_error(&load_err(&doc), "ex#Svc", "its operation `ex#Thing` is a structure, not an operation");
}

#[test]
fn model_without_a_service() {
    let mut doc = base();
    doc["shapes"].as_object_mut().unwrap().remove("ex#Svc");
    assert_error(&plan_err(&doc), None, None, "the model has no service shape");
}

#[test]
fn two_services_without_choosing_one() {
    let doc = with_shapes(json!({
        "ex#OtherSvc": { "type": "service", "version": "1", "traits": { "aws.protocols#restJson1": {} } }
    }));
    assert_error(
        &plan_err(&doc),
        None,
        None,
        "the model has 2 services (ex#OtherSvc, ex#Svc); choose one with --service",
    );
}

#[test]
fn two_services_choosing_one_works() {
    let doc = with_shapes(json!({
        "ex#OtherSvc": { "type": "service", "version": "1", "traits": { "aws.protocols#restJson1": {} } }
    }));
    let model = load_doc(&doc).unwrap();
    let options = PlanOptions { service: Some(ShapeId::parse("ex#Svc").unwrap()), ..Default::default() };
    let plan = Plan::new(&model, &options).expect("the chosen service plans");
    assert_eq!(plan.service.id.as_str(), "ex#Svc");
    assert_eq!(plan.operations.len(), 1);
}

#[test]
fn chosen_service_does_not_exist() {
    let options = PlanOptions { service: Some(ShapeId::parse("ex#Nope").unwrap()), ..Default::default() };
    assert_error(&plan_err_with(&base(), &options), None, Some("ex#Nope"), "no such service in the model");
}

#[test]
fn chosen_service_is_not_a_service() {
    let options = PlanOptions { service: Some(ShapeId::parse("ex#Thing").unwrap()), ..Default::default() };
    assert_error(&plan_err_with(&base(), &options), None, Some("ex#Thing"), "no such service in the model");
}

#[test]
fn operation_allowlist_names_a_missing_operation() {
    let options = PlanOptions { operations: Some(vec!["DeleteThing".into()]), ..Default::default() };
    assert_error(&plan_err_with(&base(), &options), None, Some("ex#Svc"), "the service has no operation named `DeleteThing`");
}

#[test]
fn invalid_crate_name() {
    let options = PlanOptions { crate_name: Some("../evil".into()), ..Default::default() };
    assert_error(&plan_err_with(&base(), &options), None, Some("ex#Svc"), "`../evil` is not a valid crate name");
}

// ---------------------------------------------------------------------------------------------
// apply, mixins and trait values
// ---------------------------------------------------------------------------------------------

#[test]
fn apply_to_a_missing_shape() {
    let doc = with_shapes(json!({
        "ex#Ghost": { "type": "apply", "traits": { "smithy.api#documentation": "boo" } }
    }));
    assert_shape_error(&load_err(&doc), "ex#Ghost", "`apply` targets a shape that does not exist");
}

#[test]
fn apply_to_a_missing_member() {
    let doc = with_shapes(json!({
        "ex#Thing$ghost": { "type": "apply", "traits": { "smithy.api#documentation": "boo" } }
    }));
    assert_shape_error(&load_err(&doc), "ex#Thing$ghost", "`apply` targets a member that does not exist");
}

#[test]
fn apply_in_a_second_file_names_that_file() {
    let a = serde_json::to_string(&base()).unwrap();
    let b = r#"{"smithy": "2.0", "shapes": {"ex#Ghost": {"type": "apply", "traits": {"smithy.api#sensitive": {}}}}}"#;
    let err = no_panic("loading", || load::load_sources(&[(Path::new("models/a.json"), a.as_str()), (Path::new("models/b.json"), b)]))
        .expect_err("apply to a missing shape");
    assert_error(&err, Some("models/b.json"), Some("ex#Ghost"), "`apply` targets a shape that does not exist");
}

#[test]
fn http_uri_must_start_with_a_slash() {
    let mut doc = base();
    doc["shapes"]["ex#GetThing"]["traits"]["smithy.api#http"] = json!({ "method": "GET", "uri": "thing" });
    assert_shape_error(&load_err(&doc), "ex#GetThing", "invalid @http trait: the URI must start with `/`");
}

#[test]
fn http_method_must_be_a_word() {
    let mut doc = base();
    doc["shapes"]["ex#GetThing"]["traits"]["smithy.api#http"] = json!({ "method": "GET /x", "uri": "/thing" });
    assert_shape_error(&load_err(&doc), "ex#GetThing", "invalid @http trait: the method must be a word like GET");
}

#[test]
fn http_trait_needs_method_and_uri() {
    let mut doc = base();
    doc["shapes"]["ex#GetThing"]["traits"]["smithy.api#http"] = json!({ "uri": "/thing" });
    assert_shape_error(&load_err(&doc), "ex#GetThing", "invalid @http trait: needs string `method` and `uri`");
}

#[test]
fn http_code_must_be_a_status_code() {
    let mut doc = base();
    doc["shapes"]["ex#GetThing"]["traits"]["smithy.api#http"] = json!({ "method": "GET", "uri": "/thing", "code": 42 });
    assert_shape_error(&load_err(&doc), "ex#GetThing", "invalid @http trait: `code` must be an HTTP status code");
}

#[test]
fn invalid_timestamp_format() {
    let doc = with_shapes(json!({
        "ex#Thing": { "type": "structure", "members": {
            "at": { "target": "smithy.api#Timestamp", "traits": { "smithy.api#timestampFormat": "iso8601" } }
        } }
    }));
    assert_shape_error(
        &load_err(&doc),
        "ex#Thing$at",
        "invalid @timestampFormat trait: must be date-time, http-date or epoch-seconds",
    );
}

#[test]
fn json_name_must_be_a_non_empty_string() {
    let doc = with_shapes(json!({
        "ex#Thing": { "type": "structure", "members": {
            "id": { "target": "smithy.api#String", "traits": { "smithy.api#jsonName": "" } }
        } }
    }));
    assert_shape_error(&load_err(&doc), "ex#Thing$id", "invalid @jsonName trait: must be a non-empty string");
}

#[test]
fn documentation_must_be_a_string() {
    let doc = with_shapes(json!({
        "ex#Thing": { "type": "structure", "members": {}, "traits": { "smithy.api#documentation": ["not", "text"] } }
    }));
    assert_shape_error(&load_err(&doc), "ex#Thing", "invalid @documentation trait: must be a string");
}

#[test]
fn traits_must_be_an_object() {
    let doc = with_shapes(json!({ "ex#Thing": { "type": "structure", "members": {}, "traits": [] } }));
    assert_shape_error(&load_err(&doc), "ex#Thing", "`traits` must be an object");
}

#[test]
fn mixin_that_does_not_exist() {
    let doc = with_shapes(json!({
        "ex#Thing": { "type": "structure", "members": {}, "mixins": [{ "target": "ex#NoMixin" }] }
    }));
    assert_shape_error(&load_err(&doc), "ex#Thing", "mixin `ex#NoMixin` does not exist");
}

#[test]
fn mixin_without_mixin_trait() {
    let doc = with_shapes(json!({
        "ex#Base": { "type": "structure", "members": { "x": { "target": "smithy.api#String" } } },
        "ex#Thing": { "type": "structure", "members": {}, "mixins": [{ "target": "ex#Base" }] }
    }));
    assert_shape_error(&load_err(&doc), "ex#Thing", "`ex#Base` is used as a mixin but has no @mixin trait");
}

#[test]
fn mixin_cycle() {
    let doc = with_shapes(json!({
        "ex#A": { "type": "structure", "members": {}, "mixins": [{ "target": "ex#B" }], "traits": { "smithy.api#mixin": {} } },
        "ex#B": { "type": "structure", "members": {}, "mixins": [{ "target": "ex#A" }], "traits": { "smithy.api#mixin": {} } }
    }));
    assert_shape_error(&load_err(&doc), "ex#A", "mixins form a cycle");
}

#[test]
fn mixin_of_another_shape_type() {
    let doc = with_shapes(json!({
        "ex#Base": { "type": "union", "members": { "x": { "target": "smithy.api#String" } }, "traits": { "smithy.api#mixin": {} } },
        "ex#Thing": { "type": "structure", "members": {}, "mixins": [{ "target": "ex#Base" }] }
    }));
    assert_shape_error(&load_err(&doc), "ex#Thing", "mixin `ex#Base` is a different shape type");
}

/// Spec (`type-refinement-traits.rst`): a `@default` value must be compatible with the member's
/// target. Today the generator accepts `"ten"` for an integer and silently writes `0`.
#[test]
fn default_of_the_wrong_type() {
    let doc = with_shapes(json!({
        "ex#Thing": { "type": "structure", "members": {
            "count": { "target": "smithy.api#Integer", "traits": { "smithy.api#default": "ten" } }
        } }
    }));
    assert_shape_error(&load_err(&doc), "ex#Thing$count", "invalid @default trait: an integer member needs a number");
}

/// Spec: an enum default must be one of the enum's values. Today it becomes `Unknown("NOPE")`.
#[test]
fn default_not_an_enum_value() {
    let doc = with_shapes(json!({
        "ex#Color": { "type": "enum", "members": {
            "RED": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "red" } }
        } },
        "ex#Thing": { "type": "structure", "members": {
            "color": { "target": "ex#Color", "traits": { "smithy.api#default": "NOPE" } }
        } }
    }));
    assert_shape_error(&load_err(&doc), "ex#Thing$color", "invalid @default trait: `NOPE` is not a value of `ex#Color`");
}

/// Spec (`simple-types.rst`): enum values must be unique. Two equal values would give a `match`
/// with an unreachable arm in `From<&str>` (a warning, so `-D warnings` fails).
#[test]
fn duplicate_enum_values() {
    let doc = output_targets(
        "ex#Color",
        json!({
            "ex#Color": { "type": "enum", "members": {
                "RED": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "red" } },
                "CRIMSON": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "red" } }
            } }
        }),
    );
    assert_shape_error(&load_err(&doc), "ex#Color$CRIMSON", "the enum value `red` is also the value of `RED`");
}

// ---------------------------------------------------------------------------------------------
// Invalid and hostile identifiers
// ---------------------------------------------------------------------------------------------

#[test]
fn shape_id_with_a_path() {
    let doc = with_shapes(json!({ "ex#Foo/../x": { "type": "structure", "members": {} } }));
    assert_shape_error(&load_err(&doc), "ex#Foo/../x", "`ex#Foo/../x` has an invalid shape name `Foo/../x`");
}

#[test]
fn shape_name_starting_with_a_digit() {
    let doc = with_shapes(json!({ "ns#1Foo": { "type": "structure", "members": {} } }));
    assert_shape_error(&load_err(&doc), "ns#1Foo", "`ns#1Foo` has an invalid shape name `1Foo`");
}

#[test]
fn shape_name_with_a_space() {
    let doc = with_shapes(json!({ "ex#Foo Bar": { "type": "structure", "members": {} } }));
    assert_shape_error(&load_err(&doc), "ex#Foo Bar", "`ex#Foo Bar` has an invalid shape name `Foo Bar`");
}

#[test]
fn shape_name_with_unicode() {
    for name in ["Föo", "Ｆoo", "Foo\u{200b}", "Fooﬁ"] {
        let id = format!("ex#{name}");
        let doc = with_shapes(json!({ id.clone(): { "type": "structure", "members": {} } }));
        assert_shape_error(&load_err(&doc), &id, &format!("`{id}` has an invalid shape name `{name}`"));
    }
}

#[test]
fn shape_name_only_underscores() {
    let doc = with_shapes(json!({ "ex#___": { "type": "structure", "members": {} } }));
    assert_shape_error(&load_err(&doc), "ex#___", "`ex#___` has an invalid shape name `___`");
}

#[test]
fn invalid_namespaces() {
    for (id, ns) in [("1ex#Foo", "1ex"), ("ex..a#Foo", "ex..a"), ("ex-a#Foo", "ex-a"), ("#Foo", ""), ("ex/..#Foo", "ex/..")] {
        let doc = with_shapes(json!({ id: { "type": "structure", "members": {} } }));
        assert_shape_error(&load_err(&doc), id, &format!("`{id}` has an invalid namespace `{ns}`"));
    }
}

#[test]
fn relative_shape_id_in_shapes() {
    let doc = with_shapes(json!({ "Foo": { "type": "structure", "members": {} } }));
    assert_shape_error(&load_err(&doc), "Foo", "`Foo` is not an absolute shape ID (`namespace#Name`)");
}

#[test]
fn member_id_as_a_shape() {
    let doc = with_shapes(json!({ "ex#Foo$bar": { "type": "structure", "members": {} } }));
    assert_shape_error(&load_err(&doc), "ex#Foo$bar", "a shape ID in `shapes` must not name a member");
}

#[test]
fn member_name_with_a_dash() {
    let doc = with_shapes(json!({
        "ex#Thing": { "type": "structure", "members": { "bad-name": { "target": "smithy.api#String" } } }
    }));
    assert_shape_error(&load_err(&doc), "ex#Thing$bad-name", "`bad-name` is not a valid member name");
}

#[test]
fn member_names_with_spaces_unicode_and_code() {
    for name in ["bad name", "naïve", "x: (), pub y", "1st", "", "a$b", "r#type"] {
        let doc = with_shapes(json!({
            "ex#Thing": { "type": "structure", "members": { name: { "target": "smithy.api#String" } } }
        }));
        assert_shape_error(&load_err(&doc), &format!("ex#Thing${name}"), &format!("`{name}` is not a valid member name"));
    }
}

#[test]
fn enum_member_name_with_code() {
    let doc = with_shapes(json!({
        "ex#Color": { "type": "enum", "members": { "RED, Evil(u8)": { "target": "smithy.api#Unit" } } }
    }));
    assert_shape_error(&load_err(&doc), "ex#Color$RED, Evil(u8)", "`RED, Evil(u8)` is not a valid member name");
}

#[test]
fn hostile_shape_names_cannot_escape_or_inject() {
    let hostile = [
        ("ex#..", ".."),
        ("ex#Foo/../../../etc/passwd", "Foo/../../../etc/passwd"),
        ("ex#Foo\\..\\x", "Foo\\..\\x"),
        ("ex#Foo;fn evil(){}", "Foo;fn evil(){}"),
        ("ex#Foo{}mod x", "Foo{}mod x"),
        ("ex#Foo\n#[cfg(any())]", "Foo\n#[cfg(any())]"),
        ("ex#Foo\u{0}", "Foo\u{0}"),
    ];
    for (id, name) in hostile {
        let doc = with_shapes(json!({ id: { "type": "structure", "members": {} } }));
        assert_shape_error(&load_err(&doc), id, &format!("`{id}` has an invalid shape name `{name}`"));
        // And as the target of a member, which is read first.
        let doc = output_targets(id, json!({ id: { "type": "structure", "members": {} } }));
        assert_shape_error(&load_err(&doc), "ex#GetThingOutput$thing", &format!("`{id}` has an invalid shape name `{name}`"));
    }
}

#[test]
fn hostile_operation_name_is_rejected() {
    let mut doc = with_shapes(json!({
        "ex#../../src/lib": { "type": "operation", "traits": { "smithy.api#http": { "method": "GET", "uri": "/x" } } }
    }));
    doc["shapes"]["ex#Svc"]["operations"] = json!([{ "target": "ex#../../src/lib" }]);
    // The service's reference to it is read first.
    assert_shape_error(&load_err(&doc), "ex#Svc", "`ex#../../src/lib` has an invalid shape name `../../src/lib`");
    doc["shapes"]["ex#Svc"]["operations"] = json!([{ "target": "ex#GetThing" }]);
    assert_shape_error(&load_err(&doc), "ex#../../src/lib", "`ex#../../src/lib` has an invalid shape name `../../src/lib`");
}

#[test]
fn hostile_target_is_rejected() {
    let doc = with_shapes(json!({
        "ex#Thing": { "type": "structure", "members": { "id": { "target": "ex#X/../../y" } } }
    }));
    assert_shape_error(&load_err(&doc), "ex#Thing$id", "`ex#X/../../y` has an invalid shape name `X/../../y`");
}

#[test]
fn hostile_rename_is_rejected() {
    for to in ["../evil", "Foo Bar", "Evil{}", "Self::x", "1Foo", ""] {
        let mut doc = base();
        doc["shapes"]["ex#Svc"]["rename"] = json!({ "ex#Thing": to });
        assert_shape_error(&load_err(&doc), "ex#Svc", &format!("`rename` gives the invalid name `{to}`"));
    }
}

#[test]
fn hostile_trait_id_is_rejected() {
    let doc = with_shapes(json!({
        "ex#Thing": { "type": "structure", "members": {}, "traits": { "smithy.api#doc\"]fn x(){}": "x" } }
    }));
    let err = load_err(&doc);
    assert_eq!(err.shape.as_deref(), Some("ex#Thing"));
    assert!(err.message.starts_with("bad trait ID: "), "{err}");
}

/// The fixture `model/fixtures/hostile-text.json` puts text that tries to end a string literal,
/// a doc comment or an attribute and start code (each payload names an `evil_*` item) in every
/// place a model may hold free text: docs of each shape kind and member, enum values, default
/// values, `@deprecated` messages, `@jsonName`, the title and the service version. All of it is
/// valid Smithy. (`tests/tests/fixtures.rs` also compiles that crate.)
fn hostile_files() -> BTreeMap<String, String> {
    let path = tests::fixture("hostile-text.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    generate(&doc)
}

/// The source text with comments, string literals and char literals removed: what the compiler
/// reads as code. A tiny lexer, enough for the formatter's output (nested block comments, raw
/// strings, byte strings, escapes, lifetimes).
fn code_only(src: &str) -> String {
    let b: Vec<char> = src.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !prev_is_ident(&b, i) {
            // Raw string: r"..." or r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c); // `r#ident`
                i += 1;
                continue;
            }
            j += 1;
            loop {
                assert!(j < b.len(), "unterminated raw string");
                if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            i = j;
            out.push_str("\"\"");
        } else if c == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            assert!(i < b.len(), "unterminated string literal");
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
            if next == Some('\\') {
                i += 2;
                while i < b.len() && b[i] != '\'' {
                    i += 1;
                }
                i += 1;
                out.push_str("' '");
            } else if b.get(i + 2) == Some(&'\'') {
                i += 3;
                out.push_str("' '");
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn prev_is_ident(b: &[char], i: usize) -> bool {
    i > 0 && (b[i - 1].is_alphanumeric() || b[i - 1] == '_')
}

#[test]
fn code_only_strips_comments_and_literals() {
    let src = "/// evil_a\n//! evil_b\nfn ok() { let s = \"evil_c \\\" evil_d\"; let r = r#\"evil_e \" \"#; let c = '\"'; }\n\
               /* evil_f /* evil_g */ evil_h */ struct S<'a>(&'a str); #[doc = \"evil_i\"] struct T;";
    let code = code_only(src);
    assert!(!code.contains("evil"), "{code}");
    assert!(code.contains("fn ok()") && code.contains("struct S<'a>(&'a str)") && code.contains("struct T;"), "{code}");
}

#[test]
fn hostile_text_stays_inside_literals_and_comments() {
    let files = hostile_files();
    let mut checked = 0;
    for (path, text) in &files {
        if path.ends_with(".rs") {
            let code = code_only(text);
            for (n, line) in code.lines().enumerate() {
                assert!(
                    !line.contains("evil") && !line.contains("#[cfg(any())]") && !line.contains("<script>"),
                    "hostile text escaped into code in {path}, line {}:\n{line}\n\n--- file ---\n{text}",
                    n + 1
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 8, "expected the crate's Rust files, got {:?}", files.keys().collect::<Vec<_>>());
    // The enum values and defaults are really there, as literals.
    let color = &files["src/types/_color.rs"];
    assert!(color.contains(r#""\"] fn evil_quote() {} #[doc = \"""#), "{color}");
    let output = &files["src/operation/get_thing.rs"];
    assert!(output.contains(r#""\"); fn evil_string_default() {} (\"""#), "{output}");
    // The manifest: the title is a comment, the description a TOML string; nothing adds a table.
    let cargo = &files["Cargo.toml"];
    let tables: Vec<&str> = cargo.lines().map(str::trim).filter(|l| l.starts_with('[')).collect();
    assert_eq!(tables, ["[package]", "[dependencies]"], "{cargo}");
    for line in cargo.lines().map(str::trim_start).filter(|l| !l.starts_with('#') && l.contains("evil")) {
        // Only the description may hold the title, as one TOML basic string.
        let value = line.strip_prefix("description = \"").and_then(|v| v.strip_suffix('"'));
        let value = value.unwrap_or_else(|| panic!("the title leaked into TOML:\n{cargo}"));
        let bytes = value.as_bytes();
        for (i, b) in bytes.iter().enumerate() {
            assert!(*b != b'"' || (i > 0 && bytes[i - 1] == b'\\'), "unescaped quote in the description:\n{cargo}");
        }
    }
    let (_, dependencies) = cargo.rsplit_once("\n[dependencies]").unwrap();
    assert!(!dependencies.contains("evil"), "the title injected a dependency:\n{cargo}");
}

/// Rust rejects a bare CR in a doc comment (`///` or `/** */`), and denies bidi control
/// characters in comments and literals (`text_direction_codepoint_in_comment`/`_in_literal`).
/// Model docs are cleaned by the HTML converter; enum values shown in variant docs are not.
#[test]
fn no_bare_cr_or_bidi_control_in_generated_rust() {
    let files = hostile_files();
    // Literals escape both, so any raw occurrence is in a comment (or worse).
    let bidi = ['\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];
    for (path, text) in files.iter().filter(|(p, _)| p.ends_with(".rs")) {
        for (n, line) in text.split('\n').enumerate() {
            assert!(!line.contains('\r'), "bare CR in {path}:{}: {line:?}", n + 1);
            assert!(!line.contains(bidi), "bidi control character in {path}:{}: {line:?}", n + 1);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Rust name collisions
// ---------------------------------------------------------------------------------------------

#[test]
fn shape_names_colliding_in_rust() {
    // Valid Smithy (the names differ case-insensitively), but both become `FooBar`.
    let mut doc = with_shapes(json!({
        "ex#FooBar": { "type": "structure", "members": {} },
        "ex#Foo_Bar": { "type": "structure", "members": {} },
        "ex#GetThingOutput": { "type": "structure", "members": {
            "a": { "target": "ex#FooBar" }, "b": { "target": "ex#Foo_Bar" }
        } }
    }));
    doc["shapes"]["ex#GetThingOutput"]["traits"] = json!({ "smithy.api#output": {} });
    let err = plan_err(&doc);
    assert_eq!(err.shape.as_deref(), Some("ex#Foo_Bar"));
    assert_eq!(
        err.message,
        "`ex#FooBar` and `ex#Foo_Bar` would both be named `FooBar` in Rust; add a `rename` to the service"
    );
}

#[test]
fn acronym_shape_names_colliding_in_rust() {
    // `ABTest` and `AbTest` both become `AbTest` (Smithy itself also forbids names that differ
    // only by case in one service).
    let doc = with_shapes(json!({
        "ex#ABTest": { "type": "structure", "members": {} },
        "ex#AbTest": { "type": "enum", "members": { "A": { "target": "smithy.api#Unit" } } },
        "ex#GetThingOutput": { "type": "structure", "members": {
            "a": { "target": "ex#ABTest" }, "b": { "target": "ex#AbTest" }
        }, "traits": { "smithy.api#output": {} } }
    }));
    let err = plan_err(&doc);
    assert_eq!(err.shape.as_deref(), Some("ex#AbTest"));
    assert_eq!(
        err.message,
        "`ex#ABTest` and `ex#AbTest` would both be named `AbTest` in Rust; add a `rename` to the service"
    );
}

#[test]
fn same_name_in_two_namespaces_collides() {
    let doc = with_shapes(json!({
        "other.ns#Thing": { "type": "structure", "members": {} },
        "ex#GetThingOutput": { "type": "structure", "members": {
            "a": { "target": "ex#Thing" }, "b": { "target": "other.ns#Thing" }
        }, "traits": { "smithy.api#output": {} } }
    }));
    let err = plan_err(&doc);
    assert_eq!(err.shape.as_deref(), Some("other.ns#Thing"));
    assert_eq!(
        err.message,
        "`ex#Thing` and `other.ns#Thing` would both be named `Thing` in Rust; add a `rename` to the service"
    );
}

#[test]
fn rename_resolves_a_collision() {
    let mut doc = with_shapes(json!({
        "other.ns#Thing": { "type": "structure", "members": { "n": { "target": "smithy.api#Integer" } } },
        "ex#FooBar": { "type": "structure", "members": {} },
        "ex#Foo_Bar": { "type": "structure", "members": {} },
        "ex#GetThingOutput": { "type": "structure", "members": {
            "a": { "target": "ex#Thing" }, "b": { "target": "other.ns#Thing" },
            "c": { "target": "ex#FooBar" }, "d": { "target": "ex#Foo_Bar" }
        }, "traits": { "smithy.api#output": {} } }
    }));
    doc["shapes"]["ex#Svc"]["rename"] = json!({ "other.ns#Thing": "OtherThing", "ex#Foo_Bar": "FooBarTwo" });
    let model = load_doc(&doc).unwrap();
    let plan = Plan::new(&model, &PlanOptions::default()).expect("the renames resolve both collisions");
    let name = |id: &str| plan.type_of(&ShapeId::parse(id).unwrap()).map(|t| t.name.clone());
    assert_eq!(name("ex#Thing").as_deref(), Some("Thing"));
    assert_eq!(name("other.ns#Thing").as_deref(), Some("OtherThing"));
    assert_eq!(name("ex#FooBar").as_deref(), Some("FooBar"));
    assert_eq!(name("ex#Foo_Bar").as_deref(), Some("FooBarTwo"));
    let files = generate(&doc);
    assert!(files.contains_key("src/types/_other_thing.rs"), "{:?}", files.keys());
    assert!(files["src/operation/get_thing.rs"].contains("pub b: Option<crate::types::OtherThing>"));
    assert!(files["src/operation/get_thing.rs"].contains("pub d: Option<crate::types::FooBarTwo>"));
}

/// Spec: every `rename` key must be a shape in the service closure.
#[test]
fn rename_of_a_missing_shape() {
    let mut doc = base();
    doc["shapes"]["ex#Svc"]["rename"] = json!({ "ex#Nothing": "Something" });
    assert_shape_error(&load_err(&doc), "ex#Svc", "`rename` names `ex#Nothing`, which does not exist");
}

#[test]
fn member_names_colliding_in_rust() {
    let doc = with_shapes(json!({
        "ex#Thing": { "type": "structure", "members": {
            "fooBar": { "target": "smithy.api#String" }, "FooBar": { "target": "smithy.api#String" }
        } }
    }));
    assert_error(&plan_err(&doc), None, Some("ex#Thing"), "members `fooBar` and `FooBar` would both be named `foo_bar` in Rust");
}

#[test]
fn member_names_colliding_after_escaping() {
    // `default` is renamed `default_value`, which is also the snake form of `defaultValue`.
    let doc = with_shapes(json!({
        "ex#Thing": { "type": "structure", "members": {
            "default": { "target": "smithy.api#String" }, "defaultValue": { "target": "smithy.api#String" }
        } }
    }));
    assert_error(
        &plan_err(&doc),
        None,
        Some("ex#Thing"),
        "members `default` and `defaultValue` would both be named `default_value` in Rust",
    );
}

#[test]
fn input_member_names_colliding_in_rust() {
    let doc = with_shapes(json!({
        "ex#GetThingInput": { "type": "structure", "members": {
            "Type": { "target": "smithy.api#String" }, "type": { "target": "smithy.api#String" }
        }, "traits": { "smithy.api#input": {} } }
    }));
    assert_error(
        &plan_err(&doc),
        None,
        Some("ex#GetThingInput"),
        "members `Type` and `type` would both be named `r#type` in Rust",
    );
}

#[test]
fn enum_members_with_the_same_variant_name() {
    let doc = output_targets(
        "ex#Locale",
        json!({
            "ex#Locale": { "type": "enum", "members": {
                "EN_US": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "en-US" } },
                "EnUS": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "en_us" } }
            } }
        }),
    );
    assert_error(&plan_err(&doc), None, Some("ex#Locale"), "members `EN_US` and `EnUS` would both be named `EnUs` in Rust");
}

#[test]
fn union_members_with_the_same_variant_name() {
    let doc = output_targets(
        "ex#Choice",
        json!({
            "ex#Choice": { "type": "union", "members": {
                "a_b": { "target": "smithy.api#String" }, "aB": { "target": "smithy.api#Integer" }
            } }
        }),
    );
    assert_error(&plan_err(&doc), None, Some("ex#Choice"), "members `a_b` and `aB` would both be named `AB` in Rust");
}

#[test]
fn operations_colliding_in_rust() {
    let mut doc = with_shapes(json!({
        "ex#Get_Thing": { "type": "operation", "traits": { "smithy.api#http": { "method": "GET", "uri": "/thing2" } } }
    }));
    doc["shapes"]["ex#Svc"]["operations"] = json!([{ "target": "ex#GetThing" }, { "target": "ex#Get_Thing" }]);
    assert_error(
        &plan_err(&doc),
        None,
        Some("ex#Get_Thing"),
        "operations `ex#GetThing` and `ex#Get_Thing` both map to module `get_thing`",
    );
}

/// A plan error names the shape but not the file the shape came from, although the loader knows
/// it. In a model of several files that is the first thing a user needs.
#[test]
fn plan_errors_name_the_file() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bad-models-plan-file");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("collide.json");
    let doc = with_shapes(json!({
        "ex#Thing": { "type": "structure", "members": {
            "fooBar": { "target": "smithy.api#String" }, "FooBar": { "target": "smithy.api#String" }
        } }
    }));
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let options = smithy_codegen::Options {
        models: vec![path.clone()],
        plan: PlanOptions::default(),
        manifest: ManifestOptions { version: "0.1.0".into(), regenerate: "x".into(), source: None, client_runtime: None },
    };
    let err = no_panic("generating", || smithy_codegen::generate(&options)).expect_err("collision");
    assert_eq!(err.file.as_deref(), Some(path.as_path()), "{err}");
    assert_eq!(err.shape.as_deref(), Some("ex#Thing"));
}

// --- Collisions that planning misses today: the crate is generated but does not compile. ---
// Each test accepts either fix: a clear refusal (naming the shape and what clashes), or output
// without the clash. (Checked by compiling each model: the errors quoted are rustc's.)

/// Member `setFoo` gets the value setter `set_foo`, which member `foo` already uses for its
/// `Option` setter: two `set_foo` methods in one builder (E0592). `getFoo` likewise.
#[test]
fn member_colliding_with_a_builder_method() {
    let doc = output_targets(
        "ex#Thing",
        json!({
            "ex#Thing": { "type": "structure", "members": {
                "foo": { "target": "smithy.api#String" }, "setFoo": { "target": "smithy.api#String" }
            } }
        }),
    );
    refused_or_generated(&doc, "ex#Thing", &["foo", "setFoo", "set_foo"], |files| {
        let text = &files["src/types/_thing.rs"];
        assert_eq!(text.matches("pub fn set_foo(").count(), 1, "{text}");
    });
}

/// An error structure with a member `meta`: its setter is `set_meta` (setters use the raw name),
/// and every error builder already has `set_meta` for the error metadata (E0592).
#[test]
fn error_member_named_meta() {
    let mut doc = with_shapes(json!({
        "ex#Oops": { "type": "structure", "members": {
            "meta": { "target": "smithy.api#String" }
        }, "traits": { "smithy.api#error": "client" } }
    }));
    doc["shapes"]["ex#GetThing"]["errors"] = json!([{ "target": "ex#Oops" }]);
    refused_or_generated(&doc, "ex#Oops", &["meta"], |files| {
        let text = &files["src/types/error/_oops.rs"];
        assert_eq!(text.matches("pub fn set_meta(").count(), 1, "{text}");
    });
}

/// Union members `Unknown` and `UnknownValue` become variants `UnknownValue` and `UnknownValue_`,
/// whose methods are both `as_unknown_value`/`is_unknown_value` (E0592): the method suffix is
/// the snake case of the variant, which drops the trailing `_`. `Self`/`SelfValue` likewise.
#[test]
fn union_members_unknown_and_unknown_value() {
    let doc = output_targets(
        "ex#Choice",
        json!({
            "ex#Choice": { "type": "union", "members": {
                "Unknown": { "target": "smithy.api#String" }, "UnknownValue": { "target": "smithy.api#Integer" },
                "Self": { "target": "smithy.api#String" }, "SelfValue": { "target": "smithy.api#Integer" }
            } }
        }),
    );
    refused_or_generated(&doc, "ex#Choice", &["Unknown"], |files| {
        let text = &files["src/types/_choice.rs"];
        for m in ["pub fn as_unknown_value(", "pub fn is_unknown_value(", "pub fn as_self_value(", "pub fn is_self_value("] {
            assert_eq!(text.matches(m).count(), 1, "{m}\n{text}");
        }
    });
}

/// Shapes `Self` and `SelfValue` become `SelfValue` and `SelfValue_`; both types are fine, but
/// both modules are `_self_value` because snake case drops the trailing `_`, so the model is
/// refused with a message that a `rename` cannot fix (renaming `Self` to `SelfValue` collides).
#[test]
fn shapes_self_and_self_value() {
    let doc = with_shapes(json!({
        "ex#Self": { "type": "structure", "members": {} },
        "ex#SelfValue": { "type": "structure", "members": {} },
        "ex#GetThingOutput": { "type": "structure", "members": {
            "a": { "target": "ex#Self" }, "b": { "target": "ex#SelfValue" }
        }, "traits": { "smithy.api#output": {} } }
    }));
    let files = generate(&doc);
    assert!(files["src/types.rs"].contains("SelfValue_"));
}

/// An error shape named `Unhandled` becomes a variant `Unhandled` of every `<Op>Error` and of
/// `crate::Error`, which already have `Unhandled(crate::error::Unhandled)` (E0428).
#[test]
fn error_shape_named_unhandled() {
    let mut doc = with_shapes(json!({
        "ex#Unhandled": { "type": "structure", "members": {}, "traits": { "smithy.api#error": "server" } }
    }));
    doc["shapes"]["ex#GetThing"]["errors"] = json!([{ "target": "ex#Unhandled" }]);
    refused_or_generated(&doc, "ex#Unhandled", &["Unhandled", "rename"], |files| {
        for path in ["src/error_meta.rs", "src/operation/get_thing.rs"] {
            let text = &files[path];
            assert_eq!(text.matches("    Unhandled(").count(), 1, "{path}:\n{text}");
        }
    });
}

/// An operation named `Send` or `Sync` defines `struct Send`/`struct Sync` in its module, whose
/// error enum's `unhandled()` uses the bare `Send + Sync` bounds: the struct shadows the trait
/// (E0404).
#[test]
fn operations_named_send_and_sync() {
    let mut doc = with_shapes(json!({
        "ex#Send": { "type": "operation", "traits": { "smithy.api#http": { "method": "POST", "uri": "/send" } } },
        "ex#Sync": { "type": "operation", "traits": { "smithy.api#http": { "method": "POST", "uri": "/sync" } } }
    }));
    doc["shapes"]["ex#Svc"]["operations"] = json!([{ "target": "ex#GetThing" }, { "target": "ex#Send" }, { "target": "ex#Sync" }]);
    let files = generate(&doc);
    for path in ["src/operation/send.rs", "src/operation/sync.rs"] {
        let text = &files[path];
        assert!(!text.contains("+ Send + Sync"), "bare `Send + Sync` bounds in a module that defines one of them:\n{text}");
    }
}

/// An error whose `message` member targets something other than a string: `message()` calls
/// `as_deref()` on an `Option<i32>` and the error metadata's message is assigned to it (E0599,
/// E0308). Smithy allows it; the generator should refuse it clearly (or not treat it as the
/// message).
#[test]
fn error_message_member_that_is_not_a_string() {
    let mut doc = with_shapes(json!({
        "ex#Oops": { "type": "structure", "members": {
            "message": { "target": "smithy.api#Integer" }
        }, "traits": { "smithy.api#error": "client" } }
    }));
    doc["shapes"]["ex#GetThing"]["errors"] = json!([{ "target": "ex#Oops" }]);
    assert_shape_error(&load_err(&doc), "ex#Oops$message", "the `message` member of an error must target a string shape");
}
