//! Loading: model files in, one merged [`Model`] out (prelude included, `apply` and mixins resolved).
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
    let model = builder.finish();
    let model = match model.and_then(mixins::flatten) {
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
