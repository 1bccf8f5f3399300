//! Smithy IDL conformance and the protocol-test model.
//!
//! * `idl-conformance/valid/`: every `X.smithy` is translated to a JSON AST document and compared
//!   with `X.json` canonically (object key order, number spelling and a few optional empty
//!   properties do not matter; see [`canon_shape`]). Cases that come with `X.flattened.smithy`
//!   but no `X.json` compare the two loaded (mixin-flattened) models instead; a case with neither
//!   must translate without error. `__shared.json` is loaded beside each case (some cases
//!   reference its shapes) but is not part of the expected document.
//! * `idl-conformance/invalid/`: every file must be rejected by the full load path
//!   ([`load::load_sources`]), since some are only detectable as a model. The first line of each
//!   case says why; an error at the line it names is counted as "at the expected line".
//! * The protocol-test model (all of `protocol-tests/` plus `traits/`) loads, and the restJson1
//!   test service is there with its operations.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::{Map, Value};
use smithy_codegen::load;
use smithy_codegen::model::{Model, ShapeId, ShapeKind};

/// Cases that fail for a known reason outside the IDL reader. Each counts as failed in the
/// printed figures; a listed case that starts passing fails the test (remove it from here).
const SKIP: &[(&str, &str)] = &[
    (
        "valid/traits.smithy",
        "`@bDecimal(1.7976931348623157E+309)` exceeds a 64-bit float: the model keeps trait values as \
         serde_json values (no arbitrary precision), so the number is rejected, as the JSON AST reader \
         rejects it too; the expected JSON itself spells it `Infinity`, which is not JSON",
    ),
];

fn smithy_dir() -> PathBuf {
    tests::shared_dir().join("smithy")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Every file below `dir`, sorted.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("cannot list {}: {e}", d.display())) {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Runs `f`, turning a panic into an error that says so.
fn no_panic<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Err(format!("PANIC: {msg}"))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Canonical comparison of JSON AST documents
// ---------------------------------------------------------------------------------------------

/// Sorts object keys, recursively.
fn sorted(v: &Value) -> Value {
    match v {
        Value::Object(o) => {
            let mut keys: Vec<&String> = o.keys().collect();
            keys.sort();
            let mut out = Map::new();
            for k in keys {
                out.insert(k.clone(), sorted(&o[k]));
            }
            Value::Object(out)
        }
        Value::Array(a) => Value::Array(a.iter().map(sorted).collect()),
        other => other.clone(),
    }
}

/// Drops what the JSON AST makes optional when empty (and the default `smithy.api#Unit` input
/// and output of operations): the expected files are not consistent about writing them.
fn canon_shape(shape: &Value) -> Value {
    let mut s = shape.as_object().cloned().unwrap_or_default();
    let empty = |v: &Value| v.as_object().is_some_and(Map::is_empty) || v.as_array().is_some_and(Vec::is_empty);
    for key in ["members", "traits", "mixins", "errors", "operations", "resources", "collectionOperations"] {
        if s.get(key).is_some_and(empty) {
            s.remove(key);
        }
    }
    if s.get("type").and_then(Value::as_str) == Some("operation") {
        for key in ["input", "output"] {
            if s.get(key).and_then(|v| v.get("target")).and_then(Value::as_str) == Some("smithy.api#Unit") {
                s.remove(key);
            }
        }
    }
    let canon_member = |m: &Value| {
        let mut m = m.as_object().cloned().unwrap_or_default();
        if m.get("traits").is_some_and(empty) {
            m.remove("traits");
        }
        Value::Object(m)
    };
    if let Some(Value::Object(members)) = s.get_mut("members") {
        for m in members.values_mut() {
            *m = canon_member(m);
        }
    }
    for key in ["member", "key", "value"] {
        if let Some(m) = s.get_mut(key) {
            *m = canon_member(m);
        }
    }
    sorted(&Value::Object(s))
}

/// Folds `apply` entries that target a shape or member defined in the same document into that
/// definition: the two spellings mean the same (spec: "Apply statement"), and the expected files
/// use both.
fn fold_local_applies(shapes: &mut Map<String, Value>) {
    let applies: Vec<String> = shapes
        .iter()
        .filter(|(_, s)| s.get("type").and_then(Value::as_str) == Some("apply"))
        .map(|(id, _)| id.clone())
        .collect();
    for id in applies {
        let (root, member) = match id.split_once('$') {
            Some((r, m)) => (r.to_owned(), Some(m.to_owned())),
            None => (id.clone(), None),
        };
        let traits = shapes[&id].get("traits").and_then(Value::as_object).cloned().unwrap_or_default();
        let Some(def) = shapes.get_mut(&root).filter(|d| d.get("type").and_then(Value::as_str) != Some("apply")) else {
            continue;
        };
        let slot = match &member {
            None => Some(def),
            Some(m) => match def.get("type").and_then(Value::as_str) {
                Some("list" | "set" | "map") => def.get_mut(m.as_str()),
                _ => def.get_mut("members").and_then(|ms| ms.get_mut(m.as_str())),
            },
        };
        let Some(Value::Object(slot)) = slot else { continue };
        let slot_traits = slot.entry("traits").or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(t) = slot_traits {
            t.extend(traits);
        }
        shapes.remove(&id);
    }
}

fn canon_doc(doc: &Value) -> Value {
    let mut out = Map::new();
    let version = match doc.get("smithy").and_then(Value::as_str) {
        Some("1" | "1.0") => "1.0",
        Some("2" | "2.0") => "2.0",
        Some(other) => other,
        None => "?",
    };
    out.insert("smithy".into(), Value::String(version.into()));
    if let Some(m) = doc.get("metadata").filter(|m| m.as_object().is_some_and(|o| !o.is_empty())) {
        out.insert("metadata".into(), sorted(m));
    }
    let mut shapes = doc.get("shapes").and_then(Value::as_object).cloned().unwrap_or_default();
    fold_local_applies(&mut shapes);
    if !shapes.is_empty() {
        let mut ids: Vec<&String> = shapes.keys().collect();
        ids.sort();
        let mut canon = Map::new();
        for id in ids {
            canon.insert(id.clone(), canon_shape(&shapes[id]));
        }
        out.insert("shapes".into(), Value::Object(canon));
    }
    Value::Object(out)
}

/// The first difference between two canonical values (numbers compare by value), if any.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    let show = |v: &Value| {
        let s = v.to_string();
        if s.len() > 300 {
            format!("{}...", &s[..300])
        } else {
            s
        }
    };
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let same = match (x.as_i64(), y.as_i64(), x.as_u64(), y.as_u64()) {
                (Some(p), Some(q), _, _) => p == q,
                (_, _, Some(p), Some(q)) => p == q,
                _ => x.as_f64() == y.as_f64(),
            };
            (!same).then(|| format!("at {path}: got {x}, expected {y}"))
        }
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys()) {
                match (x.get(k), y.get(k)) {
                    (Some(p), Some(q)) => {
                        if let Some(d) = first_difference(p, q, &format!("{path}/{k}")) {
                            return Some(d);
                        }
                    }
                    (Some(p), None) => return Some(format!("at {path}/{k}: got {} but nothing is expected", show(p))),
                    (None, Some(q)) => return Some(format!("at {path}/{k}: missing, expected {}", show(q))),
                    (None, None) => {}
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                return Some(format!("at {path}: got {}, expected {}", show(a), show(b)));
            }
            x.iter().zip(y).enumerate().find_map(|(i, (p, q))| first_difference(p, q, &format!("{path}[{i}]")))
        }
        _ => (a != b).then(|| format!("at {path}: got {}, expected {}", show(a), show(b))),
    }
}

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

fn with_ext(path: &Path, ext: &str) -> PathBuf {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    path.with_file_name(format!("{}{ext}", name.trim_end_matches(".smithy")))
}

fn load_one(path: &Path) -> Result<Model, String> {
    let text = read(path);
    load::load_sources(&[(path, text.as_str())]).map_err(|e| e.to_string())
}

/// The shapes on which two models differ, briefly.
fn model_difference(got: &Model, expected: &Model) -> Option<String> {
    if got == expected {
        return None;
    }
    for (id, shape) in &expected.shapes {
        match got.shapes.get(id) {
            None => return Some(format!("shape {id} is missing")),
            Some(s) if s != shape => return Some(format!("shape {id} differs: got {s:?}, expected {shape:?}")),
            _ => {}
        }
    }
    let extra: Vec<&ShapeId> = got.shapes.keys().filter(|k| !expected.shapes.contains_key(*k)).collect();
    Some(format!("extra shapes {extra:?} or metadata differs"))
}

/// One valid case: `Ok` when it matches its expectation.
fn check_valid(case: &Path, shared: &(PathBuf, String)) -> Result<(), String> {
    let text = read(case);
    let sources = [(case, text.as_str()), (shared.0.as_path(), shared.1.as_str())];
    let docs = no_panic(|| load::idl::to_json_ast(&sources).map_err(|e| e.to_string()))?;
    let expected_json = with_ext(case, ".json");
    let flattened = with_ext(case, ".flattened.smithy");
    if expected_json.exists() {
        let expected: Value = serde_json::from_str(&read(&expected_json))
            .map_err(|e| format!("the expected JSON is not valid JSON ({e})"))?;
        match first_difference(&canon_doc(&docs[0]), &canon_doc(&expected), "") {
            None => Ok(()),
            Some(d) => {
                Err(format!("differs from {}: {d}", expected_json.file_name().unwrap_or_default().to_string_lossy()))
            }
        }
    } else if flattened.exists() {
        check_flattened(case, &flattened)
    } else {
        Ok(())
    }
}

/// The model of `case` equals the model of its hand-flattened version.
fn check_flattened(case: &Path, flattened: &Path) -> Result<(), String> {
    let got = no_panic(|| load_one(case))?;
    let expected = no_panic(|| load_one(flattened)).map_err(|e| format!("the flattened model does not load: {e}"))?;
    match model_difference(&got, &expected) {
        None => Ok(()),
        Some(d) => Err(format!("the flattened model differs: {d}")),
    }
}

/// `(line, column)` from an expectation like `// Syntax error at line 7, column 1: ...`.
fn expected_line(first_line: &str) -> Option<u32> {
    let rest = &first_line[first_line.find("at line ")? + "at line ".len()..];
    rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

/// The `line` of an error message of ours (`file: line:col: ...`).
fn error_line(message: &str) -> Option<u32> {
    message.split(": ").find_map(|part| {
        let (l, c) = part.split_once(':')?;
        c.parse::<u32>().ok()?;
        l.parse().ok()
    })
}

#[test]
fn idl_conformance() {
    let root = smithy_dir().join("idl-conformance");
    let shared_path = root.join("valid").join("__shared.json");
    let shared = (shared_path.clone(), read(&shared_path));
    let rel = |p: &Path| p.strip_prefix(&root).unwrap_or(p).to_string_lossy().replace('\\', "/");
    let skip_reason = |name: &str| SKIP.iter().find(|(n, _)| *n == name).map(|(_, r)| *r);
    let mut failures = Vec::new();

    let valid: Vec<PathBuf> = walk(&root.join("valid"))
        .into_iter()
        .filter(|p| load::idl::is_idl(p) && !p.to_string_lossy().ends_with(".flattened.smithy"))
        .collect();
    let mut matched = 0;
    for case in &valid {
        let name = rel(case);
        let outcome = check_valid(case, &shared);
        match (skip_reason(&name), outcome) {
            (Some(_), Ok(())) => failures.push(format!("{name}: listed in SKIP but passes now; remove it from SKIP")),
            (Some(reason), Err(e)) => println!("skipped {name}: {e}\n    reason: {reason}"),
            (None, Ok(())) => matched += 1,
            (None, Err(e)) => failures.push(format!("{name}: {e}")),
        }
    }

    // Informational: cases with both an expected JSON and a flattened IDL also check the loaded,
    // flattened model; failures there are in mixin flattening, not in the IDL reader.
    let mut flat_ok = 0;
    let mut flat_total = 0;
    for case in &valid {
        let flattened = with_ext(case, ".flattened.smithy");
        if flattened.exists() && with_ext(case, ".json").exists() {
            flat_total += 1;
            match check_flattened(case, &flattened) {
                Ok(()) => flat_ok += 1,
                Err(e) => println!("(informational) flattened model of {}: {e}", rel(case)),
            }
        }
    }

    let invalid = walk(&root.join("invalid"));
    let mut rejected = 0;
    let mut at_line = 0;
    for case in &invalid {
        let name = rel(case);
        let text = read(case);
        let why = text.lines().next().unwrap_or_default().trim_start_matches("//").trim().to_owned();
        let outcome = no_panic(|| match load::load_sources(&[(case.as_path(), text.as_str())]) {
            Ok(_) => Ok(()),
            Err(e) => Err(e.to_string()),
        });
        let failed = match outcome {
            Ok(()) => Some(format!("{name}: accepted, but it must be rejected ({why})")),
            Err(e) if e.starts_with("PANIC") => Some(format!("{name}: {e}")),
            Err(e) => {
                if let (Some(want), Some(got)) = (expected_line(&why), error_line(&e)) {
                    if want == got {
                        at_line += 1;
                    }
                }
                println!("rejected {name}\n    ours:     {e}\n    expected: {why}");
                None
            }
        };
        match (skip_reason(&name), failed) {
            (Some(_), None) => failures.push(format!("{name}: listed in SKIP but passes now; remove it from SKIP")),
            (Some(reason), Some(e)) => println!("skipped {name}: {e}\n    reason: {reason}"),
            (None, None) => rejected += 1,
            (None, Some(e)) => failures.push(e),
        }
    }
    let with_line =
        invalid.iter().filter(|p| expected_line(read(p).lines().next().unwrap_or_default()).is_some()).count();

    println!(
        "valid: {matched}/{} matched, invalid: {rejected}/{} rejected ({at_line} of the {with_line} that name a line \
         are rejected at that line); flattened-model checks (informational): {flat_ok}/{flat_total}; skipped: {}",
        valid.len(),
        invalid.len(),
        SKIP.len()
    );
    assert!(failures.is_empty(), "{} conformance failure(s):\n{}", failures.len(), failures.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// The protocol-test model
// ---------------------------------------------------------------------------------------------

/// Every `.smithy` file of the protocol tests and the trait definitions.
fn protocol_test_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walk(&smithy_dir().join("protocol-tests"));
    files.extend(walk(&smithy_dir().join("traits")));
    files.retain(|p| load::idl::is_idl(p));
    files
}

/// `smithy.framework#ValidationException`, which the validation protocol tests use: it belongs to
/// Smithy's validation model, which the shared tree does not include. This is its published
/// definition, reduced to what the tests reference.
const VALIDATION_MODEL: &str = r#"$version: "2.0"
namespace smithy.framework

/// A standard error for input validation failures.
@error("client")
structure ValidationException {
    /// A summary of the validation failure.
    @required
    message: String

    /// A list of specific failures encountered while validating the input.
    fieldList: ValidationExceptionFieldList
}

/// Describes one specific validation failure for an input member.
structure ValidationExceptionField {
    /// A JSONPointer expression to the structure member whose value failed to satisfy the modeled constraints.
    @required
    path: String

    /// A detailed description of the validation failure.
    @required
    message: String
}

list ValidationExceptionFieldList {
    member: ValidationExceptionField
}
"#;

#[test]
fn protocol_test_model_loads() {
    let mut files = protocol_test_files();
    let dir = std::env::temp_dir().join(format!("smithy-idl-conformance-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let stub = dir.join("smithy-framework.smithy");
    std::fs::write(&stub, VALIDATION_MODEL).expect("write the validation model");
    files.push(stub);
    let start = Instant::now();
    let loaded = load::load_files(&files);
    let elapsed = start.elapsed();
    let _ = std::fs::remove_dir_all(&dir);
    let model = loaded.unwrap_or_else(|e| panic!("the protocol-test model does not load: {e}"));
    let id = ShapeId::parse("aws.protocoltests.restjson#RestJson").expect("valid ID");
    let service = model.shape(&id).expect("the RestJson service exists");
    let ShapeKind::Service(svc) = &service.kind else { panic!("RestJson is a {}", service.kind.type_name()) };
    let ops: Vec<&str> = svc.operations.iter().map(ShapeId::name).collect();
    for op in ["AllQueryStringTypes", "HttpPayloadTraits", "JsonLists", "HttpRequestWithLabels"] {
        assert!(ops.contains(&op), "RestJson lacks the operation {op}");
    }
    // `http-content-type.smithy` applies `@httpRequestTests` to `TestBodyStructure` twice, one
    // test each: a list trait applied twice concatenates (spec: "Trait conflict resolution").
    let op = model.shape(&ShapeId::parse("aws.protocoltests.restjson#TestBodyStructure").expect("ID")).expect("op");
    let ids: Vec<&str> = op
        .traits
        .get("smithy.test#httpRequestTests")
        .and_then(Value::as_array)
        .map(|tests| tests.iter().filter_map(|t| t.get("id").and_then(Value::as_str)).collect())
        .unwrap_or_default();
    assert_eq!(ids.len(), 2, "both applied request tests are kept: {ids:?}");
    println!(
        "protocol-test model: {} files, {} shapes, RestJson has {} operations; loaded in {:.0?}",
        files.len(),
        model.shapes.len(),
        ops.len(),
        elapsed
    );
}

/// Prints how fast the IDL is read (run with `--nocapture`); the figure for the report.
#[test]
fn idl_reading_speed() {
    let files = protocol_test_files();
    let texts: Vec<(PathBuf, String)> = files.iter().map(|p| (p.clone(), read(p))).collect();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let mb = bytes as f64 / 1e6;
    let rounds = 5;
    let start = Instant::now();
    for _ in 0..rounds {
        for (p, t) in &texts {
            load::idl::check_syntax(p, t).expect("parses");
        }
    }
    let parse = start.elapsed().as_secs_f64() / rounds as f64;
    let sources: Vec<(&Path, &str)> = texts.iter().map(|(p, t)| (p.as_path(), t.as_str())).collect();
    let start = Instant::now();
    for _ in 0..rounds {
        load::idl::to_json_ast(&sources).expect("translates");
    }
    let translate = start.elapsed().as_secs_f64() / rounds as f64;
    let mut with_stub = sources.clone();
    with_stub.push((Path::new("smithy-framework.smithy"), VALIDATION_MODEL));
    let start = Instant::now();
    load::load_sources(&with_stub).expect("loads");
    let full = start.elapsed().as_secs_f64();
    println!(
        "IDL speed over {} files, {mb:.2} MB: lex+parse {:.1} ms ({:.0} MB/s); translate to JSON AST {:.1} ms ({:.0} MB/s); \
         full load (translate, merge, read, flatten, validate) {:.1} ms ({:.0} MB/s)",
        texts.len(),
        parse * 1e3,
        mb / parse,
        translate * 1e3,
        mb / translate,
        full * 1e3,
        mb / full
    );
}
