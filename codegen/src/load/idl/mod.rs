//! The Smithy IDL loader (spec: `idl.rst`).
//!
//! Each `.smithy` file is parsed ([`parser`], over the tokens of [`lexer`]) into a syntax tree,
//! then, once every file is parsed, resolved ([`resolve`]) into the JSON AST document the spec
//! pairs with it. Those documents go through the same reader as JSON AST files, so both formats
//! produce the same model. [`merge`] does the few model-level merges the per-file translation
//! leaves open (cross-file `apply`, members inherited from mixins, Smithy 1.0 upgrade).
//!
//! Errors name the file, the line and the column, and say what was expected.

mod ast;
pub(crate) mod lexer;
mod merge;
mod parser;
pub(crate) mod prelude_names;
mod resolve;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use serde_json::Value;

use resolve::{Doc, Input};

use crate::error::{Error, Result};

/// Whether a model file is in the IDL (by its `.smithy` extension); anything else is JSON AST.
pub fn is_idl(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "smithy")
}

/// Converts model sources to JSON AST documents, one per source, in order: IDL files are
/// translated (relative shape IDs resolve against the shapes of *all* the sources), JSON AST
/// files are returned as parsed. This is the per-file translation, before any cross-file merge.
pub fn to_json_ast(sources: &[(&Path, &str)]) -> Result<Vec<Value>> {
    Ok(convert(sources)?.into_iter().map(|d| d.value).collect())
}

/// The documents to hand to the JSON AST reader: translated, merged and upgraded to 2.0.
pub(crate) fn documents_for_model(sources: &[(&Path, &str)]) -> Result<Vec<(PathBuf, Value)>> {
    let mut docs = convert(sources)?;
    merge::prepare(&mut docs)?;
    Ok(docs.into_iter().map(|d| (d.path, d.value)).collect())
}

/// Only lexes and parses one IDL file (no resolution); for measurements and tests.
pub fn check_syntax(path: &Path, text: &str) -> Result<()> {
    parser::parse(text).map(|_| ()).map_err(|e| syntax_error(path, e))
}

fn syntax_error(path: &Path, e: parser::SyntaxError) -> Error {
    Error { file: Some(path.to_path_buf()), shape: None, message: format!("{}: {}", e.pos, e.message) }
}

fn convert(sources: &[(&Path, &str)]) -> Result<Vec<Doc>> {
    let mut inputs = Vec::with_capacity(sources.len());
    for (path, text) in sources {
        let input = if is_idl(path) {
            Input::Idl(parser::parse(text).map_err(|e| syntax_error(path, e))?)
        } else {
            let value =
                serde_json::from_str(text).map_err(|e| Error::msg(format!("malformed JSON: {e}")).in_file(*path))?;
            Input::Json(value)
        };
        inputs.push((path.to_path_buf(), input));
    }
    resolve::convert(inputs)
}
