//! Loading: model files in, one merged [`Model`] out (prelude included, Smithy 1.0 documents
//! upgraded, `apply` and mixins resolved).
//!
//! JSON AST files are read by [`json`]; Smithy IDL files (`.smithy`) are translated to JSON AST
//! documents by [`idl`] and then read the same way, so both feed the same [`Model`].

pub mod idl;
mod json;
mod mixins;
mod prelude;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::{validate, Model};

/// Reads the AWS partition data (`partitions.json`) the endpoint resolvers are generated with;
/// `shared` is the shared data directory, which has it at `endpoints/partitions.json`.
pub fn partitions(shared: &Path) -> Result<serde_json::Value> {
    let file = shared.join("endpoints").join("partitions.json");
    let text = std::fs::read_to_string(&file).map_err(|e| Error::msg(format!("cannot read the partition data: {e}")).in_file(&file))?;
    serde_json::from_str(&text).map_err(|e| Error::msg(format!("invalid JSON: {e}")).in_file(&file))
}

/// Loads one or more JSON AST or IDL files (or directories of them) into one validated model.
pub fn load_files(paths: &[PathBuf]) -> Result<Model> {
    let mut files = Vec::new();
    for path in paths {
        collect(path, &mut files)?;
    }
    if files.is_empty() {
        return Err(Error::msg("no model files given"));
    }
    let mut sources = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file)
            .map_err(|e| Error::msg(format!("cannot read model file: {e}")).in_file(file))?;
        sources.push((file.clone(), text));
    }
    let refs: Vec<(&Path, &str)> = sources.iter().map(|(p, t)| (p.as_path(), t.as_str())).collect();
    load_sources(&refs)
}

/// Loads model documents from memory; each is named by the path used in error messages.
pub fn load_sources(sources: &[(&Path, &str)]) -> Result<Model> {
    let mut builder = json::ModelBuilder::default();
    prelude::add(&mut builder)?;
    if sources.iter().any(|(p, _)| idl::is_idl(p)) {
        for (path, doc) in idl::documents_for_model(sources)? {
            builder.add_value(&doc, &path).map_err(|e| e.in_file(&path))?;
        }
    } else {
        for (path, text) in sources {
            builder.add_document(text, path).map_err(|e| e.in_file(*path))?;
        }
    }
    let origins = builder.origins();
    let file_of = |shape: &Option<String>| -> Option<PathBuf> {
        let shape = shape.as_deref()?;
        let root = shape.split('$').next()?;
        origins.get(root).cloned()
    };
    let mut model = match builder.finish() {
        Ok(m) => m,
        Err(mut e) => {
            e.file = e.file.take().or_else(|| file_of(&e.shape));
            return Err(e);
        }
    };
    validate::validate(&model).map_err(|mut e| {
        e.file = e.file.take().or_else(|| file_of(&e.shape));
        e
    })?;
    model.origins = origins.into_iter().collect();
    Ok(model)
}

/// A single file, or every `.json` and `.smithy` file below a directory in name order.
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let meta = std::fs::metadata(path).map_err(|e| Error::msg(format!("cannot read model path: {e}")).in_file(path))?;
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| Error::msg(format!("cannot list directory: {e}")).in_file(path))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for entry in entries {
            if entry.is_dir() || entry.extension().is_some_and(|x| x == "json" || x == "smithy") {
                collect(&entry, out)?;
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::load_files;
    use crate::model::{Model, ShapeId, ShapeKind};

    /// The IDL conformance cases (`$SMITHY_SHARED_DIR`, else `shared/` beside the repository).
    fn conformance_dir() -> PathBuf {
        let shared = std::env::var_os("SMITHY_SHARED_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"));
        shared.join("smithy/idl-conformance/valid")
    }

    fn files_below(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display())) {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                files_below(&path, out);
            } else {
                out.push(path);
            }
        }
        out.sort();
    }

    fn shape<'m>(model: &'m Model, id: &str) -> &'m crate::model::Shape {
        model.shape(&ShapeId::parse(id).unwrap()).unwrap_or_else(|| panic!("no shape {id}"))
    }

    /// The expected JSON AST documents of the valid cases load as JSON AST (with the 1.0
    /// `__shared.json` some of them reference), and those with a hand-flattened IDL version load
    /// into the same model as it: `apply` to inherited members, lists and maps that get their
    /// members from mixins, mixin trait and member order, non-member properties.
    #[test]
    fn conformance_json_documents_load_and_flatten() {
        let dir = conformance_dir();
        let shared = dir.join("__shared.json");
        let mut files = Vec::new();
        files_below(&dir, &mut files);
        let mut compared = 0;
        // `traits.json` holds a number beyond a 64-bit float (see the SKIP list of the conformance test).
        let skip = [shared.clone(), dir.join("traits.json")];
        for json in files.iter().filter(|p| p.extension().is_some_and(|x| x == "json") && !skip.contains(p)) {
            let got = load_files(&[json.clone(), shared.clone()]).unwrap_or_else(|e| panic!("{e}"));
            let name = json.file_name().unwrap().to_string_lossy().trim_end_matches(".json").to_owned();
            let flattened = json.with_file_name(format!("{name}.flattened.smithy"));
            if flattened.exists() {
                let expected = load_files(&[flattened.clone(), shared.clone()]).unwrap();
                for (id, s) in &expected.shapes {
                    assert_eq!(got.shapes.get(id), Some(s), "{}: shape {id}", json.display());
                }
                assert_eq!(got.shapes.len(), expected.shapes.len(), "{}", json.display());
                compared += 1;
            }
        }
        assert!(compared >= 9, "only {compared} flattened cases compared");
        let model = load_files(&[dir.join("elided-members.json"), shared.clone()]).unwrap();
        let ShapeKind::List(m) = &shape(&model, "smithy.example#MixedListWithTraits").kind else { panic!("a list") };
        assert!(m.traits.has("smithy.api#pattern"), "apply to a list member inherited from a mixin");
        let model = load_files(&[shared]).unwrap();
        assert!(model.shape(&ShapeId::parse("foo.example#Widget").unwrap()).is_some(), "a 1.0 JSON AST document");
    }
}
