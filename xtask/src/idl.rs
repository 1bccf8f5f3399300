//! `cargo xtask idl`: print a model (JSON AST or IDL, files or directories) as Smithy IDL 2.0.
//!
//! One IDL document per namespace. On standard output several documents are separated by a
//! `// ==== namespace ... ====` comment line; `--out DIR` (an existing directory, or a path
//! ending in `/`) writes `<namespace>.smithy` files; `--out FILE` takes a single namespace.
//! `--time` also measures loading the model from its source text and from the IDL (in memory,
//! the same load path: parse, resolve, validate) and checks that both give the same model.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use smithy_codegen::load;
use smithy_codegen::model::Model;

use crate::args::Args;

const DETAILS: &str = "  --model PATH     a JSON AST or IDL file, or a directory of them (repeatable)
  --out FILE       write the IDL there (one namespace only)
  --out DIR/       write <namespace>.smithy files (an existing directory, or ending in `/`)
  --namespace NS   only that namespace
  --time           also time loading the model from its source and from the IDL (stderr),
                   and check that the IDL loads back as the same model
  --runs N         loads per measurement with --time (default 5; min and median are shown)
Without --out the IDL goes to standard output, documents separated by a `// ====` line.";

const USAGE: &str =
    "usage: cargo xtask idl --model PATH [--model PATH]... [--out FILE|DIR/] [--namespace NS] [--time] [--runs N]";

/// Runs the command.
pub fn run(args: &[String]) -> Result<(), String> {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}\n\n{DETAILS}");
        return Ok(());
    }
    let a = Args::parse(args, &["model", "out", "namespace", "runs"], &["time"])?;
    let models: Vec<PathBuf> = a.values("model").iter().map(PathBuf::from).collect();
    if models.is_empty() {
        return Err(format!("--model PATH is required\n{USAGE}"));
    }
    if a.flag("time") && a.value("namespace").is_some() {
        return Err("--time loads the whole model back: drop --namespace".into());
    }
    let runs: usize = match a.value("runs") {
        Some(r) => r.parse().map_err(|_| format!("--runs: `{r}` is not a number"))?,
        None => 5,
    };
    let model = load::load_files(&models).map_err(|e| e.to_string())?;
    let started = Instant::now();
    let docs = smithy_codegen::idl_writer::write_idl(&model, a.value("namespace")).map_err(|e| e.to_string())?;
    let write_time = started.elapsed();
    if docs.is_empty() {
        return Err("the model has no shapes outside the prelude and no metadata".into());
    }

    match a.value("out") {
        None => {
            let several = docs.len() > 1;
            let mut out = String::new();
            for (i, (ns, text)) in docs.iter().enumerate() {
                if several {
                    if i > 0 {
                        out.push('\n');
                    }
                    out.push_str(&format!("// ==== namespace {ns} (document {} of {}) ====\n", i + 1, docs.len()));
                }
                out.push_str(text);
            }
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth reporting.
            let _ = stdout.write_all(out.as_bytes());
        }
        Some(out) => {
            let as_dir = out.ends_with('/') || Path::new(out).is_dir();
            if as_dir {
                std::fs::create_dir_all(out).map_err(|e| format!("cannot create {out}: {e}"))?;
                for (ns, text) in &docs {
                    let path = Path::new(out).join(file_name(ns));
                    std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                    eprintln!("wrote {} ({} bytes)", path.display(), text.len());
                }
            } else {
                if docs.len() > 1 {
                    let names: Vec<&str> = docs.iter().map(|(n, _)| n.as_str()).collect();
                    return Err(format!(
                        "the model has {} namespaces ({}): an IDL file holds one; give --out a directory \
                         (ending in `/`) or pick one with --namespace",
                        docs.len(),
                        names.join(", ")
                    ));
                }
                std::fs::write(out, &docs[0].1).map_err(|e| format!("cannot write {out}: {e}"))?;
                eprintln!("wrote {out} ({} bytes)", docs[0].1.len());
            }
        }
    }

    if a.flag("time") {
        time_loads(&models, &model, &docs, write_time, runs.max(1))?;
    }
    Ok(())
}

fn file_name(ns: &str) -> String {
    if ns.is_empty() {
        "metadata.smithy".to_owned()
    } else {
        format!("{ns}.smithy")
    }
}

/// Loads the source texts and the IDL documents `runs` times each and reports the times.
fn time_loads(
    models: &[PathBuf],
    model: &Model,
    docs: &[(String, String)],
    write_time: Duration,
    runs: usize,
) -> Result<(), String> {
    let mut files = Vec::new();
    for m in models {
        collect(m, &mut files)?;
    }
    let mut sources = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
        sources.push((f.clone(), text));
    }
    let source_refs: Vec<(&Path, &str)> = sources.iter().map(|(p, t)| (p.as_path(), t.as_str())).collect();
    let idl_paths: Vec<PathBuf> = docs.iter().map(|(ns, _)| PathBuf::from(file_name(ns))).collect();
    let idl_refs: Vec<(&Path, &str)> =
        idl_paths.iter().zip(docs).map(|(p, (_, t))| (p.as_path(), t.as_str())).collect();

    let measure = |refs: &[(&Path, &str)]| -> Result<(Vec<Duration>, Model), String> {
        let mut times = Vec::with_capacity(runs);
        let mut last = None;
        for _ in 0..runs {
            let t = Instant::now();
            let m = load::load_sources(refs).map_err(|e| e.to_string())?;
            times.push(t.elapsed());
            last = Some(m);
        }
        times.sort();
        Ok((times, last.expect("at least one run")))
    };
    let (src_times, _) = measure(&source_refs)?;
    let (idl_times, from_idl) = measure(&idl_refs)?;
    // The IDL's share of the load spent in the lexer and parser alone.
    let mut parse_times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        for (p, text) in &idl_refs {
            load::idl::check_syntax(p, text).map_err(|e| e.to_string())?;
        }
        parse_times.push(t.elapsed());
    }
    parse_times.sort();
    let src_bytes: usize = sources.iter().map(|(_, t)| t.len()).sum();
    let idl_bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let kind = if files.iter().all(|f| load::idl::is_idl(f)) { "IDL" } else { "JSON AST" };
    let show = |t: &[Duration]| format!("min {:.1} ms, median {:.1} ms", ms(t[0]), ms(t[t.len() / 2]));
    eprintln!("runs: {runs} each (load = parse + resolve + validate, from memory)");
    eprintln!("load source ({kind}, {} bytes): {}", src_bytes, show(&src_times));
    eprintln!("load IDL ({} documents, {} bytes): {}", docs.len(), idl_bytes, show(&idl_times));
    eprintln!("  of which lexing and parsing the IDL: {}", show(&parse_times));
    eprintln!("write IDL: {:.1} ms", ms(write_time));
    if *model == from_idl {
        eprintln!("round trip: the IDL loads back as the same model");
    } else {
        eprintln!("round trip: the IDL loads back as a DIFFERENT model (see tests/tests/idl_roundtrip.rs)");
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A file, or the `.json` and `.smithy` files below a directory in name order (as the loader).
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| format!("cannot list {}: {e}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            if e.is_dir() || e.extension().is_some_and(|x| x == "json" || x == "smithy") {
                collect(&e, out)?;
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}
