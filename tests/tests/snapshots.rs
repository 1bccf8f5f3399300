//! Snapshots of rendered code for representative shapes, reviewed by hand: a change to the
//! renderers shows up here as a readable diff. The Connect model gives the seed shapes; the
//! kitchen-sink fixture gives the shapes Connect lacks (a boxed recursive member).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use smithy_codegen::{ManifestOptions, Options, PlanOptions};

fn generate(models: Vec<std::path::PathBuf>) -> BTreeMap<String, String> {
    let options = Options {
        models,
        plan: PlanOptions::default(),
        manifest: ManifestOptions { version: "0.1.0".into(), regenerate: "cargo xtask codegen".into(), source: None, client_runtime: None },
    };
    smithy_codegen::generate(&options).expect("generation succeeds")
}

fn connect() -> &'static BTreeMap<String, String> {
    static FILES: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    FILES.get_or_init(|| generate(vec![tests::shared_dir().join("models").join("connect-2017-08-08.json")]))
}

fn file<'a>(files: &'a BTreeMap<String, String>, path: &str) -> &'a str {
    files.get(path).unwrap_or_else(|| panic!("{path} was not generated"))
}

#[test]
fn seed_operation_module() {
    // CreatePersistentContactAssociationInput and its builder, with the operation's other types.
    insta::assert_snapshot!(file(connect(), "src/operation/create_persistent_contact_association.rs"));
}

#[test]
fn string_enum() {
    insta::assert_snapshot!(file(connect(), "src/types/_rehydration_type.rs"));
}

#[test]
fn union() {
    insta::assert_snapshot!(file(connect(), "src/types/_created_by_info.rs"));
}

#[test]
fn error_shape() {
    insta::assert_snapshot!(file(connect(), "src/types/error/_invalid_request_exception.rs"));
}

#[test]
fn sensitive_structure() {
    insta::assert_snapshot!(file(connect(), "src/types/_credentials.rs"));
}

#[test]
fn structure_with_map_and_list() {
    insta::assert_snapshot!(file(connect(), "src/types/_new_session_details.rs"));
}

#[test]
fn structure_with_defaults() {
    insta::assert_snapshot!(file(connect(), "src/types/_user_phone_config.rs"));
}
