//! Lists every operation of the generated crate (from `../generated/src/operation.rs`) as a
//! dispatch table for the `any_operation` target, so it stays complete as the model changes.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let index = manifest.join("../generated/src/operation.rs");
    println!("cargo:rerun-if-changed={}", index.display());
    let text = std::fs::read_to_string(&index).expect("read generated/src/operation.rs");
    // Pairs of lines: "/// The `Name` operation." then "pub mod name;".
    let mut operations = Vec::new();
    let mut pending: Option<String> = None;
    for line in text.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("/// The `") {
            pending = rest.split('`').next().map(str::to_owned);
        } else if let Some(module) = line.strip_prefix("pub mod ").and_then(|m| m.strip_suffix(';')) {
            if let Some(name) = pending.take() {
                operations.push((module.to_owned(), name));
            }
        }
    }
    assert!(operations.len() > 100, "found only {} operations in {}", operations.len(), index.display());
    let mut out = String::new();
    writeln!(out, "/// How many operations the crate has.").unwrap();
    writeln!(out, "pub const OPERATION_COUNT: usize = {};", operations.len()).unwrap();
    writeln!(out, "/// Parses a response as operation number `index` (modulo the count), exercising the result.").unwrap();
    writeln!(out, "pub fn parse_as(index: usize, status: u16, headers: &http::HeaderMap, body: &[u8]) {{").unwrap();
    writeln!(out, "    match index % OPERATION_COUNT {{").unwrap();
    for (i, (module, name)) in operations.iter().enumerate() {
        writeln!(
            out,
            "        {i} => crate::exercise(<connect_api::operation::{module}::{name} as connect_api::Operation>::parse_parts(status, headers, body)),"
        )
        .unwrap();
    }
    writeln!(out, "        _ => unreachable!(),").unwrap();
    writeln!(out, "    }}").unwrap();
    writeln!(out, "}}").unwrap();
    let names: Vec<String> = operations.iter().map(|(_, n)| format!("{n:?}")).collect();
    writeln!(out, "/// The operations' names, by index.").unwrap();
    writeln!(out, "pub const OPERATION_NAMES: [&str; {}] = [{}];", operations.len(), names.join(", ")).unwrap();
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out_dir.join("operations.rs"), out).unwrap();
}
