//! `generated/` (and the differential test's glue) must be exactly what the generator produces from the pinned model.

use smithy_codegen::{pin::Pin, ManifestOptions, Options, PlanOptions};

#[test]
fn generated_crate_is_current() {
    let root = tests::repo_root();
    let model = tests::shared_dir().join("models").join("connect-2017-08-08.json");
    let pin = Pin::read(&root.join("model").join("connect-2017-08-08.pin")).expect("pin file");
    pin.verify(&model).expect("pinned model");
    let options = Options {
        models: vec![model],
        plan: PlanOptions { partitions: Some(smithy_codegen::load::partitions(&tests::shared_dir()).expect("partition data")), ..PlanOptions::default() },
        manifest: ManifestOptions {
            runtime: smithy_codegen::RuntimeRef::Path("../runtime".into()),
            version: "0.1.0".into(),
            regenerate: "cargo xtask codegen".into(),
            source: Some(format!("`{}` at commit `{}` of {} (sha256 `{}`)", pin.path, pin.commit, pin.source, pin.sha256)),
        },
    };
    let files = smithy_codegen::generate(&options).expect("generation succeeds");
    let drift = smithy_codegen::write::sync(&root.join("generated"), &files, false).expect("compare");
    assert!(drift.is_empty(), "generated/ is stale; run `cargo xtask codegen`:\n{drift}");
}

/// The differential test's glue (`difftest/src/glue/`) comes from the same model, against
/// aws-sdk-connect; `cargo xtask codegen` writes it next to the crate.
#[test]
fn difftest_glue_is_current() {
    let root = tests::repo_root();
    let model_file = tests::shared_dir().join("models").join("connect-2017-08-08.json");
    let model = smithy_codegen::load::load_files(&[model_file]).expect("model loads");
    let plan = smithy_codegen::plan::Plan::new(&model, &PlanOptions { partitions: Some(smithy_codegen::load::partitions(&tests::shared_dir()).expect("partition data")), ..PlanOptions::default() }).expect("plan");
    let files = smithy_codegen::glue::render(&plan, "aws_sdk_connect").expect("glue renders");
    let drift = smithy_codegen::write::sync(&root.join("difftest").join("src").join("glue"), &files, false).expect("compare");
    assert!(drift.is_empty(), "difftest/src/glue/ is stale; run `cargo xtask codegen`:\n{drift}");
}

#[test]
fn generation_is_deterministic() {
    let model = tests::shared_dir().join("models").join("connect-2017-08-08.json");
    let options = Options {
        models: vec![model],
        plan: PlanOptions { partitions: Some(smithy_codegen::load::partitions(&tests::shared_dir()).expect("partition data")), ..PlanOptions::default() },
        manifest: ManifestOptions { version: "0.1.0".into(), regenerate: "x".into(), source: None, runtime: Default::default() },
    };
    let a = smithy_codegen::generate(&options).expect("first run");
    let b = smithy_codegen::generate(&options).expect("second run");
    assert_eq!(a.len(), b.len());
    for (path, text) in &a {
        assert!(b.get(path) == Some(text), "{path} differs between two runs");
    }
}
