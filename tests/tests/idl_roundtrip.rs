//! The IDL writer round trip: every shared model (Connect and the AWS models in `models/aws/`),
//! loaded from its JSON AST, written as Smithy IDL 2.0 (`smithy_codegen::idl_writer`) and loaded
//! back from that IDL, is the same `Model`, compared with `==`: shapes, member order, traits
//! (raw node values, numbers included) and metadata. No normalisation is needed for these
//! models; two things the IDL cannot express are lost by design but not by the model:
//! * an enum member without `@enumValue` reads back with `@enumValue` = its name (the IDL loader
//!   makes the implied value explicit). None of the shared models has one, so nothing is
//!   normalised, and [`edge_cases_round_trip`] avoids it too;
//! * resource lifecycle bindings (`create`, `read`, ...) and mixins are not in the `Model`
//!   (the loader flattens them), so the writer never sees them.
//!
//! Writing the reloaded model again must give the same text (the writer is deterministic and
//! the IDL is a fixed point). Loading times of Connect from JSON and from IDL are printed (run
//! with `--nocapture`); `cargo xtask idl --model ... --time` measures the same with more runs.

use std::path::{Path, PathBuf};
use std::time::Instant;

use smithy_codegen::idl_writer::write_idl;
use smithy_codegen::load;
use smithy_codegen::model::Model;

fn shared_models() -> Vec<PathBuf> {
    let models = tests::shared_dir().join("models");
    let mut out = vec![models.join("connect-2017-08-08.json")];
    let mut aws: Vec<PathBuf> = std::fs::read_dir(models.join("aws"))
        .expect("the shared models/aws directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    aws.sort();
    out.extend(aws);
    out
}

/// Loads IDL documents from memory, each named `<namespace>.smithy`.
fn load_idl(docs: &[(String, String)]) -> smithy_codegen::Result<Model> {
    let paths: Vec<PathBuf> = docs.iter().map(|(ns, _)| PathBuf::from(format!("{ns}.smithy"))).collect();
    let refs: Vec<(&Path, &str)> = paths.iter().zip(docs).map(|(p, (_, t))| (p.as_path(), t.as_str())).collect();
    load::load_sources(&refs)
}

/// The first difference between two models, in words.
fn first_difference(a: &Model, b: &Model) -> String {
    if a.metadata != b.metadata {
        return format!("metadata differs:\n  json: {:?}\n  idl:  {:?}", a.metadata, b.metadata);
    }
    for (id, shape) in &a.shapes {
        match b.shapes.get(id) {
            None => return format!("`{id}` is missing from the IDL model"),
            Some(other) if other != shape => {
                return format!("`{id}` differs:\n  json: {shape:?}\n  idl:  {other:?}");
            }
            Some(_) => {}
        }
    }
    match b.shapes.keys().find(|id| !a.shapes.contains_key(*id)) {
        Some(id) => format!("`{id}` is only in the IDL model"),
        None => "no difference found".to_owned(),
    }
}

/// Writes, reloads, compares and writes again; `Err` says what went wrong.
fn round_trip(model: &Model) -> Result<Vec<(String, String)>, String> {
    let docs = write_idl(model, None).map_err(|e| format!("writing failed: {e}"))?;
    let back = load_idl(&docs).map_err(|e| format!("the written IDL does not load: {e}"))?;
    if &back != model {
        return Err(format!("the IDL loads as a different model: {}", first_difference(model, &back)));
    }
    let again = write_idl(&back, None).map_err(|e| format!("writing the reloaded model failed: {e}"))?;
    if again != docs {
        return Err("writing the reloaded model gives different IDL text".to_owned());
    }
    Ok(docs)
}

#[test]
fn shared_models_round_trip_through_idl() {
    let models = shared_models();
    assert!(models.len() >= 24, "expected Connect and the 23 AWS models, found {}", models.len());
    let mut failures = Vec::new();
    for path in &models {
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let model = load::load_files(std::slice::from_ref(path)).unwrap_or_else(|e| panic!("{name}: {e}"));
        match round_trip(&model) {
            Ok(docs) => {
                let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
                let json = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
                println!("ok   {name}: {json} bytes of JSON, {bytes} bytes of IDL in {} document(s)", docs.len());
            }
            Err(e) => {
                println!("FAIL {name}: {e}");
                failures.push(format!("{name}: {e}"));
            }
        }
    }
    println!("IDL round trip: {}/{} models", models.len() - failures.len(), models.len());
    assert!(failures.is_empty(), "{} model(s) do not round-trip:\n{}", failures.len(), failures.join("\n"));
}

/// Prints (does not assert) how long Connect takes to load from JSON and from its IDL.
#[test]
fn connect_load_time_json_vs_idl() {
    let path = tests::shared_dir().join("models").join("connect-2017-08-08.json");
    let json = std::fs::read_to_string(&path).expect("the Connect model");
    let model = load::load_sources(&[(path.as_path(), json.as_str())]).expect("Connect loads");
    let docs = write_idl(&model, None).expect("Connect writes as IDL");
    const RUNS: usize = 3;
    let time = |f: &dyn Fn() -> Model| {
        let mut best = f64::MAX;
        for _ in 0..RUNS {
            let t = Instant::now();
            let m = f();
            best = best.min(t.elapsed().as_secs_f64() * 1000.0);
            assert_eq!(m.shapes.len(), model.shapes.len());
        }
        best
    };
    let json_ms = time(&|| load::load_sources(&[(path.as_path(), json.as_str())]).expect("JSON loads"));
    let idl_ms = time(&|| load_idl(&docs).expect("IDL loads"));
    let idl_bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    println!(
        "Connect: JSON {} bytes loads in {json_ms:.1} ms; IDL {idl_bytes} bytes ({} lines) loads in {idl_ms:.1} ms (best of {RUNS})",
        json.len(),
        docs.iter().map(|(_, t)| t.lines().count()).sum::<usize>()
    );
}

/// A small model with every shape kind and every node value form, plus the awkward cases:
/// docs a `///` comment cannot hold, a local shape shadowing a prelude name, two imported
/// names that clash, a shape named like a keyword, an empty-object value of a list trait.
const EDGE_CASES: &str = r##"{
  "smithy": "2.0",
  "metadata": {
    "suppressions": [{"id": "X", "namespace": "*"}],
    "weird key": {"a-b": [1, -2, 3.5, 1e300, true, false, null, "s\"q\\"]}
  },
  "shapes": {
    "ex.a#Service": {
      "type": "service",
      "version": "2024-01-01",
      "operations": [{"target": "ex.a#DoIt"}, {"target": "ex.a#true"}],
      "resources": [{"target": "ex.a#Thing"}],
      "errors": [{"target": "ex.a#Oops"}],
      "rename": {"ex.b#Thing": "OtherThing"},
      "traits": {
        "smithy.api#documentation": "Line one\r\nline two",
        "ex.a#listTrait": {},
        "ex.a#structTrait": {},
        "aws.api#service": {"sdkId": "Ex"},
        "smithy.api#title": "Example \"title\"\twith\u0001control"
      }
    },
    "ex.a#listTrait": {"type": "list", "member": {"target": "smithy.api#String"}, "traits": {"smithy.api#trait": {}}},
    "ex.a#structTrait": {"type": "structure", "members": {}, "traits": {"smithy.api#trait": {}}},
    "ex.a#DoIt": {
      "type": "operation",
      "input": {"target": "ex.a#DoItInput"},
      "output": {"target": "ex.a#SharedOutput"},
      "errors": [{"target": "ex.a#Oops"}],
      "traits": {"smithy.api#http": {"method": "POST", "uri": "/do", "code": 200}, "smithy.api#idempotent": {}}
    },
    "ex.a#true": {"type": "operation", "output": {"target": "ex.a#SharedOutput"}},
    "ex.a#DoItInput": {
      "type": "structure",
      "members": {
        "name": {"target": "ex.a#String", "traits": {"smithy.api#required": {}, "smithy.api#default": "x"}},
        "count": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": 0, "smithy.api#range": {"min": -1, "max": 10}}},
        "when": {"target": "smithy.api#Timestamp"},
        "other": {"target": "ex.b#Thing"},
        "other2": {"target": "ex.c#Thing"},
        "doc": {"target": "smithy.api#Document", "traits": {"smithy.api#default": null}},
        "trailing": {"target": "ex.a#String", "traits": {"smithy.api#documentation": "ends with spaces   \n\n  and blank lines\n"}},
        "block": {"target": "ex.a#String", "traits": {"ex.a#note": "A long string with\nseveral lines, \"quotes\" and \"\"\" triple quotes\n  indented  \nend\""}}
      },
      "traits": {"smithy.api#input": {}}
    },
    "ex.a#SharedOutput": {"type": "structure", "members": {}, "traits": {"smithy.api#output": {}}},
    "ex.a#String": {"type": "string", "traits": {"smithy.api#pattern": "^[a-z]+$", "smithy.api#length": {"min": 1}}},
    "ex.a#Oops": {
      "type": "structure",
      "members": {"message": {"target": "smithy.api#String"}},
      "traits": {"smithy.api#error": "client", "smithy.api#httpError": 400, "smithy.api#retryable": {"throttling": true}}
    },
    "ex.a#Thing": {
      "type": "resource",
      "identifiers": {"thingId": {"target": "ex.a#String"}},
      "properties": {"size": {"target": "smithy.api#Long"}},
      "operations": [{"target": "ex.a#DoIt"}],
      "read": {"target": "ex.a#true"}
    },
    "ex.a#Color": {
      "type": "enum",
      "members": {
        "RED": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "red", "smithy.api#documentation": "Red."}},
        "GREEN": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "GREEN"}}
      }
    },
    "ex.a#Level": {
      "type": "intEnum",
      "members": {
        "LOW": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 1}},
        "HIGH": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 10}}
      }
    },
    "ex.a#Choice": {
      "type": "union",
      "members": {"a": {"target": "ex.a#String"}, "b": {"target": "smithy.api#Unit"}, "c": {"target": "ex.a#Nums"}}
    },
    "ex.a#Nums": {"type": "list", "member": {"target": "smithy.api#Integer", "traits": {"smithy.api#range": {"min": 0}}}, "traits": {"smithy.api#sparse": {}, "smithy.api#uniqueItems": {}}},
    "ex.a#Dict": {"type": "map", "key": {"target": "ex.a#String"}, "value": {"target": "ex.a#Choice"}, "traits": {"ex.a#listTrait": []}},
    "ex.a#Bytes": {"type": "blob", "traits": {"smithy.api#streaming": {}}},
    "ex.a#Flag": {"type": "boolean"},
    "ex.a#B": {"type": "byte"},
    "ex.a#S": {"type": "short"},
    "ex.a#I": {"type": "integer", "traits": {"smithy.api#default": 5}},
    "ex.a#L": {"type": "long"},
    "ex.a#F": {"type": "float"},
    "ex.a#D": {"type": "double", "traits": {"ex.a#note": 0.01}},
    "ex.a#BI": {"type": "bigInteger"},
    "ex.a#BD": {"type": "bigDecimal"},
    "ex.a#T": {"type": "timestamp", "traits": {"smithy.api#timestampFormat": "epoch-seconds"}},
    "ex.a#Doc": {"type": "document"},
    "ex.a#note": {"type": "document", "traits": {"smithy.api#trait": {}}},
    "ex.b#Thing": {"type": "structure", "members": {"x": {"target": "ex.a#String"}}},
    "ex.c#Thing": {"type": "string"}
  }
}"##;

#[test]
fn edge_cases_round_trip() {
    let path = Path::new("edge.json");
    let model = load::load_sources(&[(path, EDGE_CASES)]).unwrap_or_else(|e| panic!("the edge-case model: {e}"));
    let docs = round_trip(&model).unwrap_or_else(|e| {
        let docs = write_idl(&model, None).unwrap_or_default();
        for (ns, text) in &docs {
            eprintln!("==== {ns}\n{text}");
        }
        panic!("{e}")
    });
    assert_eq!(docs.len(), 3, "one document per namespace");
    let a = &docs[0].1;
    // The CR in the service docs cannot be a `///` comment.
    assert!(a.contains("@documentation(\"Line one\\r\\nline two\")"), "{a}");
    // Trailing spaces and blank lines survive as `///` lines.
    assert!(a.contains("/// ends with spaces   \n        ///\n        ///   and blank lines\n        ///\n"), "{a}");
    // A local `String` shadows the prelude's: the prelude one is written absolute.
    assert!(a.contains("message: smithy.api#String"), "{a}");
    assert!(a.contains("name: String = \"x\""), "{a}");
    // `Thing` is in both ex.b and ex.c (and ex.a): never imported.
    assert!(a.contains("other: ex.b#Thing") && a.contains("other2: ex.c#Thing"), "{a}");
    assert!(a.contains("use aws.api#service"), "{a}");
    // A shape named `true` is referenced by its absolute ID.
    assert!(a.contains("ex.a#true"), "{a}");
    // An empty object on a list-typed trait must stay explicit; on a structure it is bare.
    assert!(a.contains("@listTrait({})") && a.contains("@structTrait\n"), "{a}");
    assert!(a.contains("RED = \"red\"") && a.contains("LOW = 1"), "{a}");
    assert!(a.contains("\"\"\"\n"), "a long multi-line string is a text block:\n{a}");
}
