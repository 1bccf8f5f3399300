//! `cargo xtask api-diff`: compare the public, type-level API of two crates.
//!
//! ```text
//! cargo xtask api-diff --ours DIR --theirs DIR [--report FILE] [--scope types,operation,...]
//! ```
//!
//! Each `DIR` is a crate root (containing `src/lib.rs`). Both crates are parsed with
//! `syn` (no compilation, no rustdoc JSON), their module trees are followed from
//! `src/lib.rs`, `use`/`pub use` (named, renamed, glob) are resolved, and every
//! publicly reachable item is turned into a set of normalized string entries:
//!
//! | kind      | example                                                                 |
//! |-----------|-------------------------------------------------------------------------|
//! | `mod`     | `mod types::builders`                                                   |
//! | `struct`  | `struct types::Channel` (also `enum`, `union`, `trait`, `type`, `fn`, `const`) |
//! | `use`     | `use primitives::DateTime = DateTime` (re-export of a neutral/external type) |
//! | `attr`    | `attr #[non_exhaustive] types::Channel`                                 |
//! | `field`   | `field types::Foo.bar: Option<Vec<String>>`                             |
//! | `variant` | `variant types::Channel::Unknown(UnknownVariantValue)`                  |
//! | `method`  | `method types::FooBuilder::bar(self, impl Into<String>) -> types::FooBuilder` |
//! | `impl`    | `impl From<&str> for types::Channel` (manual impls and `#[derive]`s)    |
//!
//! Entries of THEIRS are matched against identical entries of OURS; the summary
//! goes to stdout and the full list of differences to the report file.
//!
//! ## Normalization
//! * Paths to crate items are replaced by the item's canonical public path (the
//!   shortest one, ties broken lexicographically), whatever way they were written
//!   (`crate::..`, `super::..`, `self::..`, imported names, `Self`).
//! * A leading `::` is dropped, `core::`/`alloc::` become `std::`, and
//!   `std::{option,string,vec,...}::X` become `X` (see [`STD_FLATTENED_MODULES`]).
//! * The aws-smithy-types primitives ([`NEUTRAL_TYPES`]) are reduced to their last
//!   segment, both when they come from `aws_smithy_types` and when they are
//!   defined by the crate itself in `primitives`/`error`/the root, or privately
//!   (e.g. the sealed `Unhandled`/`UnknownVariantValue`).
//! * Lifetimes are dropped; `mut self` is `self`; parameter names are dropped;
//!   `async fn f() -> T` is `fn f() -> impl Future<Output = T>`; `-> ()` is omitted;
//!   `Self` is the implementing type; bounds in `impl A + B`/`dyn A + B` are sorted.
//! * Trait impls name the trait by its last segment when it is not a crate-local
//!   trait (`::std::fmt::Debug`, `fmt::Debug` and `#[derive(Debug)]` all give `Debug`).

mod ir;
mod model;
mod surface;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use surface::Entry;

/// Public paths we do not generate, so they are left out of the comparison on both
/// sides (entries *owned* by these paths, and entries whose types *mention* them).
///
/// Pattern syntax: `::`-separated segments matched against a prefix of the path;
/// `*` inside a segment is a wildcard; a leading `**` matches any number of
/// leading segments.
pub const EXCLUDED_PATHS: &[(&str, &str)] = &[
    ("client", "the service client and its customization machinery"),
    ("Client", "the service client"),
    ("config", "client configuration (incl. interceptors, endpoint/auth config)"),
    ("Config", "client configuration"),
    ("meta", "crate metadata"),
    ("serde_util", "private serialization helpers"),
    ("protocol_serde", "protocol (de)serializers"),
    ("endpoint_lib", "endpoint rules runtime"),
    ("primitives::event_stream", "event stream primitives"),
    ("**::*FluentBuilder", "fluent builders (client API)"),
    ("**::paginator", "paginators"),
    ("**::*Paginator", "paginators"),
    ("**::*PaginatorItems", "paginators"),
    ("**::interceptors", "interceptors"),
    ("**::customize", "operation customization"),
];

/// Trait impls that are SDK-runtime internals we cannot (and need not) have; matched
/// against the trait's last path segment. Impls of traits from
/// [`EXCLUDED_EXTERNAL_CRATES`] (e.g. all `aws_smithy_runtime_api` traits) are
/// excluded as well.
pub const EXCLUDED_TRAITS: &[&str] = &[
    "RequestId",
    "RequestIdExt",
    "ProvideErrorMetadata",
    "CreateUnhandledError",
    "ProvideErrorKind",
    "RuntimePlugin",
    "Send",
    "Sync",
    "Unpin",
    "UnwindSafe",
    "RefUnwindSafe",
    "Storable",
];

/// External crates of the SDK runtime that our crate does not depend on: entries
/// whose types or traits mention them (e.g. `send_with(&Client) -> Result<_, SdkError<..>>`,
/// `impl From<SdkError<E, R>> for Error`) are excluded.
pub const EXCLUDED_EXTERNAL_CRATES: &[&str] = &[
    "aws_smithy_runtime_api",
    "aws_smithy_runtime",
    "aws_smithy_http",
    "aws_smithy_async",
    "aws_smithy_json",
    "aws_smithy_observability",
    "aws_runtime",
    "aws_types",
    "aws_credential_types",
    "aws_sigv4",
    "http",
    "http_1x",
    "http_body",
    "tracing",
];

/// Types compared by their last path segment only, wherever they come from
/// (`aws_smithy_types::DateTime` ~ our `crate::primitives::DateTime`).
pub const NEUTRAL_TYPES: &[&str] = &[
    "DateTime",
    "Blob",
    "Document",
    "Number",
    "BigInteger",
    "BigDecimal",
    "BuildError",
    "UnknownVariantValue",
    "ErrorMetadata",
    "Unhandled",
];

/// `std::<module>::X` is written as plain `X` for these modules.
pub const STD_FLATTENED_MODULES: &[&str] = &[
    "option",
    "string",
    "vec",
    "collections",
    "boxed",
    "result",
    "convert",
    "marker",
    "clone",
    "default",
    "primitive",
    "borrow",
    "cmp",
    "hash",
    "iter",
    "future",
];

/// Top-level modules compared when `--scope` is not given (`Error` = the root error enum).
const DEFAULT_SCOPE: &[&str] = &["types", "operation", "Error"];

const USAGE: &str = "usage: cargo xtask api-diff --ours DIR --theirs DIR [--report FILE] [--scope types,operation,...]
  --scope    comma-separated path prefixes to compare (default: types,operation,Error);
             `root` = items directly in the crate root; `all` = everything
  --report   where to write the full list of differences (default: target/api-diff.txt)
  --dump DIR also write every entry of each crate (all scopes, plus excluded ones with
             their reason) to DIR/theirs.txt and DIR/ours.txt";

/// Returns the matching exclusion pattern if `path` is excluded.
pub fn excluded_path(path: &[String]) -> Option<&'static str> {
    EXCLUDED_PATHS.iter().find(|(pat, _)| pattern_matches(pat, path)).map(|(p, _)| *p)
}

fn pattern_matches(pat: &str, path: &[String]) -> bool {
    let segs: Vec<&str> = pat.split("::").collect();
    if segs.first() == Some(&"**") {
        let rest = &segs[1..];
        (0..path.len()).any(|start| prefix_matches(rest, &path[start..]))
    } else {
        prefix_matches(&segs, path)
    }
}

fn prefix_matches(pat: &[&str], path: &[String]) -> bool {
    pat.len() <= path.len() && pat.iter().zip(path).all(|(p, s)| seg_matches(p, s))
}

fn seg_matches(pat: &str, s: &str) -> bool {
    match pat.split_once('*') {
        None => pat == s,
        Some((a, b)) => s.len() >= a.len() + b.len() && s.starts_with(a) && s.ends_with(b),
    }
}

struct Args {
    ours: PathBuf,
    theirs: PathBuf,
    report: PathBuf,
    scope: Vec<String>,
    dump: Option<PathBuf>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut ours = None;
    let mut theirs = None;
    let mut report = None;
    let mut scope = None;
    let mut dump = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => it.next().cloned().ok_or_else(|| format!("`{name}` needs a value\n{USAGE}")),
            }
        };
        match flag {
            "--ours" => ours = Some(PathBuf::from(value("--ours")?)),
            "--theirs" => theirs = Some(PathBuf::from(value("--theirs")?)),
            "--report" => report = Some(PathBuf::from(value("--report")?)),
            "--dump" => dump = Some(PathBuf::from(value("--dump")?)),
            "--scope" => {
                scope = Some(
                    value("--scope")?
                        .split(',')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>(),
                )
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let default_report = manifest.parent().unwrap_or(manifest).join("target").join("api-diff.txt");
    Ok(Args {
        ours: ours.ok_or_else(|| format!("missing `--ours DIR`\n{USAGE}"))?,
        theirs: theirs.ok_or_else(|| format!("missing `--theirs DIR`\n{USAGE}"))?,
        report: report.unwrap_or(default_report),
        scope: scope.unwrap_or_else(|| DEFAULT_SCOPE.iter().map(|s| s.to_string()).collect()),
        dump,
    })
}

fn in_scope(scope: &[String], owner: &str) -> bool {
    scope.iter().any(|s| match s.as_str() {
        "all" => true,
        "root" => !owner.contains("::"),
        s => owner == s || (owner.starts_with(s) && owner[s.len()..].starts_with("::")),
    })
}

/// Reporting category of an entry: the top-level module (with `types::builders`
/// and `types::error` split out), or `root` for items directly in the crate root.
fn category(owner: &str) -> String {
    let segs: Vec<&str> = owner.split("::").collect();
    if segs.len() == 1 {
        return "root".into();
    }
    if segs[0] == "types" && segs.len() > 2 && (segs[1] == "builders" || segs[1] == "error") {
        return format!("types::{}", segs[1]);
    }
    segs[0].to_string()
}

/// The "name" part of an entry (everything up to the type information), used to
/// pair an unmatched entry with an entry of the other crate that has the same name
/// but a different signature.
fn entry_key(e: &Entry) -> String {
    if e.kind == "impl" {
        // `impl<..> Trait<..> for X` -> pair by trait name and type
        let t = e.text.trim_start_matches("impl");
        let t = if t.starts_with('<') { skip_angle(t) } else { t };
        let trait_name: String = t.trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
        return format!("impl {trait_name} for {}", e.owner);
    }
    let text = &e.text;
    let start = e.kind.len() + 1;
    let bytes = text.as_bytes();
    let mut i = start;
    while i < bytes.len() {
        let c = bytes[i] as char;
        if c == ':' {
            if bytes.get(i + 1) == Some(&b':') {
                i += 2;
                continue;
            }
            break;
        }
        if !(c.is_alphanumeric() || c == '_' || c == '.' || c == '#' || c == '[' || c == ']') {
            break;
        }
        i += 1;
    }
    text[..i].to_string()
}

fn skip_angle(s: &str) -> &str {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '<' => depth += 1,
            '>' => {
                depth -= 1;
                if depth == 0 {
                    return &s[i + 1..];
                }
            }
            _ => {}
        }
    }
    s
}

#[derive(Default, Clone, Copy)]
struct Counts {
    theirs: usize,
    matched: usize,
    ours: usize,
}

/// Percentage, rounded *down* to 2 decimals (so 51988/51990 shows 99.99%, not 100.00%).
fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        ((a as u128 * 10_000) / b as u128) as f64 / 100.0
    }
}

fn load(dir: &Path, which: &str) -> Result<surface::Surface, String> {
    if !dir.is_dir() {
        return Err(format!("--{which} {}: not a directory", dir.display()));
    }
    let t = std::time::Instant::now();
    let k = model::load_crate(dir)?;
    let t1 = t.elapsed();
    let s = surface::extract(&k);
    if std::env::var_os("API_DIFF_TIMING").is_some() {
        eprintln!("{which}: load {:.2}s, extract {:.2}s", t1.as_secs_f64(), (t.elapsed() - t1).as_secs_f64());
    }
    Ok(s)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let args = parse_args(args)?;
    let t0 = std::time::Instant::now();
    let theirs = load(&args.theirs, "theirs")?;
    let ours = load(&args.ours, "ours")?;
    let diff = compare(&theirs, &ours, &args.scope);
    let elapsed = t0.elapsed();

    let report = render_report(&args, &theirs, &ours, &diff);
    if let Some(parent) = args.report.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(&args.report, report).map_err(|e| format!("{}: {e}", args.report.display()))?;

    if let Some(dir) = &args.dump {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for (name, surf) in [("theirs.txt", &theirs), ("ours.txt", &ours)] {
            let mut s = String::new();
            for e in &surf.entries {
                let _ = writeln!(s, "{}", e.text);
            }
            for (e, r) in &surf.excluded {
                let _ = writeln!(s, "EXCLUDED ({r}): {}", e.text);
            }
            let p = dir.join(name);
            std::fs::write(&p, s).map_err(|e| format!("{}: {e}", p.display()))?;
        }
    }
    for (name, surf) in [("theirs", &theirs), ("ours", &ours)] {
        if !surf.unresolved.is_empty() {
            println!("warning: {name}: {} unresolvable crate-relative paths (listed in the report)", surf.unresolved.len());
        }
    }
    print!("{}", render_summary(&diff));
    println!("report: {} ({:.2}s)", args.report.display(), elapsed.as_secs_f64());
    println!(
        "api-diff: {}/{} theirs entries matched ({:.2}%)",
        diff.total.matched,
        diff.total.theirs,
        pct(diff.total.matched, diff.total.theirs)
    );
    Ok(())
}

struct Diff<'a> {
    total: Counts,
    by_kind: BTreeMap<&'static str, Counts>,
    by_cat: BTreeMap<String, Counts>,
    /// unmatched theirs entries
    missing: Vec<&'a Entry>,
    /// entries only in ours
    extra: Vec<&'a Entry>,
    /// (theirs, ours) with the same name but different text
    changed: Vec<(&'a Entry, Vec<&'a Entry>)>,
    excluded_theirs: BTreeMap<String, usize>,
    excluded_ours: BTreeMap<String, usize>,
}

fn compare<'a>(theirs: &'a surface::Surface, ours: &'a surface::Surface, scope: &[String]) -> Diff<'a> {
    let t: Vec<&Entry> = theirs.entries.iter().filter(|e| in_scope(scope, &e.owner)).collect();
    let o: Vec<&Entry> = ours.entries.iter().filter(|e| in_scope(scope, &e.owner)).collect();
    let ot: HashSet<&str> = o.iter().map(|e| e.text.as_str()).collect();
    let tt: HashSet<&str> = t.iter().map(|e| e.text.as_str()).collect();
    let mut d = Diff {
        total: Counts::default(),
        by_kind: BTreeMap::new(),
        by_cat: BTreeMap::new(),
        missing: Vec::new(),
        extra: Vec::new(),
        changed: Vec::new(),
        excluded_theirs: BTreeMap::new(),
        excluded_ours: BTreeMap::new(),
    };
    for e in &t {
        let m = ot.contains(e.text.as_str());
        for c in [&mut d.total, d.by_kind.entry(e.kind).or_default(), d.by_cat.entry(category(&e.owner)).or_default()] {
            c.theirs += 1;
            if m {
                c.matched += 1;
            }
        }
        if !m {
            d.missing.push(e);
        }
    }
    for e in &o {
        for c in [&mut d.total, d.by_kind.entry(e.kind).or_default(), d.by_cat.entry(category(&e.owner)).or_default()] {
            c.ours += 1;
        }
        if !tt.contains(e.text.as_str()) {
            d.extra.push(e);
        }
    }
    // pair same-name differences
    let mut extra_by_key: HashMap<String, Vec<&Entry>> = HashMap::new();
    for e in &d.extra {
        extra_by_key.entry(entry_key(e)).or_default().push(e);
    }
    for e in &d.missing {
        if let Some(v) = extra_by_key.get(&entry_key(e)) {
            d.changed.push((e, v.clone()));
        }
    }
    for (e, r) in &theirs.excluded {
        if in_scope(scope, &e.owner) || r.starts_with("excluded path") {
            *d.excluded_theirs.entry(r.clone()).or_default() += 1;
        }
    }
    for (e, r) in &ours.excluded {
        if in_scope(scope, &e.owner) || r.starts_with("excluded path") {
            *d.excluded_ours.entry(r.clone()).or_default() += 1;
        }
    }
    d
}

fn counts_table(out: &mut String, title: &str, rows: &mut dyn Iterator<Item = (String, Counts)>) {
    let _ = writeln!(out, "{title:<18} {:>8} {:>8} {:>8} {:>8} {:>9}", "theirs", "matched", "missing", "ours", "ours-only");
    for (name, c) in rows {
        let _ = writeln!(
            out,
            "{name:<18} {:>8} {:>8} {:>8} {:>8} {:>9}   {:6.2}%",
            c.theirs,
            c.matched,
            c.theirs - c.matched,
            c.ours,
            c.ours - c.matched,
            pct(c.matched, c.theirs)
        );
    }
}

fn render_summary(d: &Diff) -> String {
    let mut s = String::new();
    counts_table(&mut s, "kind", &mut d.by_kind.iter().map(|(k, c)| (k.to_string(), *c)));
    counts_table(&mut s, "module", &mut d.by_cat.iter().map(|(k, c)| (k.clone(), *c)));
    counts_table(&mut s, "total", &mut std::iter::once(("all".to_string(), d.total)));
    if !d.missing.is_empty() {
        let mut groups: BTreeMap<(String, &str), usize> = BTreeMap::new();
        for e in &d.missing {
            *groups.entry((category(&e.owner), e.kind)).or_default() += 1;
        }
        let mut v: Vec<_> = groups.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let _ = writeln!(s, "top unmatched (module, kind):");
        for ((cat, kind), n) in v.iter().take(10) {
            let _ = writeln!(s, "  {n:>7}  {cat} {kind}");
        }
    }
    s
}

fn render_report(args: &Args, theirs: &surface::Surface, ours: &surface::Surface, d: &Diff) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# api-diff");
    let _ = writeln!(s, "theirs: {}", args.theirs.display());
    let _ = writeln!(s, "ours:   {}", args.ours.display());
    let _ = writeln!(s, "scope:  {}", args.scope.join(","));
    let _ = writeln!(
        s,
        "api-diff: {}/{} theirs entries matched ({:.2}%)",
        d.total.matched,
        d.total.theirs,
        pct(d.total.matched, d.total.theirs)
    );
    let _ = writeln!(
        s,
        "(whole crates before scoping: theirs {} entries + {} excluded, ours {} entries + {} excluded)\n",
        theirs.entries.len(),
        theirs.excluded.len(),
        ours.entries.len(),
        ours.excluded.len()
    );
    s.push_str(&render_summary(d));

    let _ = writeln!(s, "\n## Exclusions\nexcluded paths (pattern: reason):");
    for (p, r) in EXCLUDED_PATHS {
        let _ = writeln!(s, "  {p}: {r}");
    }
    let _ = writeln!(s, "excluded trait impls: {}", EXCLUDED_TRAITS.join(", "));
    let _ = writeln!(s, "excluded external crates (entries mentioning them): {}", EXCLUDED_EXTERNAL_CRATES.join(", "));
    let _ = writeln!(s, "neutral types (compared by last segment): {}", NEUTRAL_TYPES.join(", "));
    let _ = writeln!(s, "entries excluded in theirs (in scope; path exclusions counted crate-wide):");
    for (r, n) in &d.excluded_theirs {
        let _ = writeln!(s, "  {n:>7}  {r}");
    }
    let _ = writeln!(s, "entries excluded in ours (in scope; path exclusions counted crate-wide):");
    for (r, n) in &d.excluded_ours {
        let _ = writeln!(s, "  {n:>7}  {r}");
    }

    for (name, surf) in [("theirs", theirs), ("ours", ours)] {
        if !surf.unresolved.is_empty() {
            let _ = writeln!(s, "\n## Unresolvable crate-relative paths in {name} ({}; kept as written)", surf.unresolved.len());
            for u in &surf.unresolved {
                let _ = writeln!(s, "{u}");
            }
        }
    }
    let _ = writeln!(s, "\n## Same name, different signature ({}): theirs / ours", d.changed.len());
    for (t, os) in &d.changed {
        let _ = writeln!(s, "- {}", t.text);
        for o in os {
            let _ = writeln!(s, "+ {}", o.text);
        }
    }
    let _ = writeln!(s, "\n## Unmatched THEIRS entries ({})", d.missing.len());
    for e in &d.missing {
        let _ = writeln!(s, "{}", e.text);
    }
    let _ = writeln!(s, "\n## Only in OURS ({})", d.extra.len());
    for e in &d.extra {
        let _ = writeln!(s, "{}", e.text);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A throwaway crate on disk.
    struct TempCrate(PathBuf);

    impl TempCrate {
        fn new(files: &[(&str, &str)]) -> TempCrate {
            static N: AtomicUsize = AtomicUsize::new(0);
            let dir = std::env::temp_dir().join(format!(
                "xtask-api-diff-{}-{}",
                std::process::id(),
                N.fetch_add(1, Ordering::Relaxed)
            ));
            for (p, content) in files {
                let f = dir.join(p);
                std::fs::create_dir_all(f.parent().unwrap()).unwrap();
                std::fs::write(f, content).unwrap();
            }
            TempCrate(dir)
        }
        fn surface(&self) -> surface::Surface {
            load(&self.0, "ours").unwrap()
        }
        fn texts(&self) -> Vec<String> {
            self.surface().entries.into_iter().map(|e| e.text).collect()
        }
    }

    impl Drop for TempCrate {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn has(texts: &[String], t: &str) -> bool {
        texts.iter().any(|x| x == t)
    }

    #[test]
    fn pub_use_reexport_and_private_module() {
        let c = TempCrate::new(&[
            ("src/lib.rs", "pub mod types;\nmod hidden;\npub use hidden::Exposed;\n"),
            (
                "src/types.rs",
                "pub use crate::types::_foo::Foo;\npub use self::_bar::*;\nmod _foo;\nmod _bar;\npub mod builders { pub use super::_foo::FooBuilder; }\n",
            ),
            ("src/types/_foo.rs", "pub struct Foo { pub a: i32, b: i32 }\npub struct FooBuilder;\npub struct NotExported;\n"),
            ("src/types/_bar.rs", "pub enum Bar { A, B(String) }\nstruct PrivateBar;\n"),
            ("src/hidden.rs", "pub struct Exposed;\npub struct Secret;\n"),
        ]);
        let t = c.texts();
        assert!(has(&t, "struct types::Foo"), "{t:#?}");
        assert!(has(&t, "field types::Foo.a: i32"), "{t:#?}");
        assert!(!t.iter().any(|x| x.contains("Foo.b")), "{t:#?}");
        assert!(has(&t, "struct types::builders::FooBuilder"), "{t:#?}");
        assert!(has(&t, "enum types::Bar"), "{t:#?}");
        assert!(has(&t, "variant types::Bar::B(String)"), "{t:#?}");
        assert!(has(&t, "struct Exposed"), "{t:#?}");
        // private modules and items not re-exported are hidden
        assert!(!t.iter().any(|x| x.contains("_foo") || x.contains("hidden") || x.contains("Secret")), "{t:#?}");
        assert!(!t.iter().any(|x| x.contains("NotExported") || x.contains("PrivateBar")), "{t:#?}");
        assert!(has(&t, "mod types"), "{t:#?}");
        assert!(!has(&t, "mod hidden"), "{t:#?}");
    }

    #[test]
    fn method_signature_normalization() {
        // The same API written two different ways must give identical entries.
        let a = TempCrate::new(&[
            ("src/lib.rs", "pub mod types;\n"),
            ("src/types.rs", "pub use crate::types::_foo::{Foo, FooBuilder};\nmod _foo;\n"),
            (
                "src/types/_foo.rs",
                r#"
pub struct Foo { pub when: ::std::option::Option<::aws_smithy_types::DateTime> }
impl Foo {
    pub fn name(&self) -> ::std::option::Option<&str> { None }
    pub fn tags(&self) -> &[::std::string::String] { &[] }
    pub fn builder() -> crate::types::FooBuilder { todo!() }
    fn private(&self) {}
}
pub struct FooBuilder;
impl FooBuilder {
    pub fn name(mut self, input: impl ::std::convert::Into<::std::string::String>) -> Self { self }
    pub fn set_map(self, input: ::std::option::Option<::std::collections::HashMap<::std::string::String, crate::types::Foo>>) -> Self { self }
    pub fn build(self) -> ::std::result::Result<crate::types::Foo, ::aws_smithy_types::error::operation::BuildError> { todo!() }
    pub async fn go<'a>(&'a self) -> &'a str { "" }
}
"#,
            ),
        ]);
        let b = TempCrate::new(&[
            ("src/lib.rs", "pub mod primitives;\npub mod error;\npub mod types;\n"),
            ("src/primitives.rs", "pub struct DateTime;\n"),
            ("src/error.rs", "pub struct BuildError;\n"),
            (
                "src/types.rs",
                r#"
use std::collections::HashMap;
use crate::primitives::DateTime;
pub struct Foo { pub when: Option<DateTime> }
impl Foo {
    pub fn name<'x>(&'x self) -> Option<&'x str> { None }
    pub fn tags(&self) -> &[String] { &[] }
    pub fn builder() -> FooBuilder { todo!() }
}
pub struct FooBuilder;
impl FooBuilder {
    pub fn name(self, input: impl Into<String>) -> FooBuilder { self }
    pub fn set_map(self, input: Option<HashMap<String, Foo>>) -> Self { self }
    pub fn build(self) -> Result<Foo, super::error::BuildError> { todo!() }
    pub fn go(&self) -> impl std::future::Future<Output = &str> { async { "" } }
}
"#,
            ),
        ]);
        let ta = a.texts();
        let tb = b.texts();
        for want in [
            "field types::Foo.when: Option<DateTime>",
            "method types::Foo::name(&self) -> Option<&str>",
            "method types::Foo::tags(&self) -> &[String]",
            "method types::Foo::builder() -> types::FooBuilder",
            "method types::FooBuilder::name(self, impl Into<String>) -> types::FooBuilder",
            "method types::FooBuilder::set_map(self, Option<HashMap<String, types::Foo>>) -> types::FooBuilder",
            "method types::FooBuilder::build(self) -> Result<types::Foo, BuildError>",
            "method types::FooBuilder::go(&self) -> impl Future<Output = &str>",
        ] {
            assert!(has(&ta, want), "a lacks {want}: {ta:#?}");
            assert!(has(&tb, want), "b lacks {want}: {tb:#?}");
        }
        assert!(!ta.iter().any(|x| x.contains("private")));
        let sa = a.surface();
        let sb = b.surface();
        let d = compare(&sa, &sb, &["types".to_string()]);
        assert_eq!(d.total.matched, d.total.theirs, "missing: {:#?}", d.missing);
    }

    #[test]
    fn derives_and_trait_impls() {
        let c = TempCrate::new(&[
            ("src/lib.rs", "pub mod types;\nmod private;\n"),
            (
                "src/types.rs",
                r#"
use std::fmt;
#[derive(::std::clone::Clone, ::std::cmp::PartialEq, Debug, Hash)]
#[non_exhaustive]
pub enum Channel { Chat, Unknown(crate::private::UnknownVariantValue) }
impl ::std::convert::From<&str> for Channel { fn from(_: &str) -> Self { Channel::Chat } }
impl fmt::Display for Channel { fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { Ok(()) } }
impl ::aws_types::request_id::RequestId for Channel { fn request_id(&self) -> Option<&str> { None } }
impl ::aws_smithy_runtime_api::client::runtime_plugin::RuntimePlugin for Channel {}
#[cfg(test)]
mod tests { pub struct InTests; }
"#,
            ),
            (
                "src/private.rs",
                "pub struct UnknownVariantValue(pub(crate) String);\n",
            ),
        ]);
        let s = c.surface();
        let t: Vec<String> = s.entries.iter().map(|e| e.text.clone()).collect();
        for want in [
            "impl Clone for types::Channel",
            "impl PartialEq for types::Channel",
            "impl Debug for types::Channel",
            "impl Hash for types::Channel",
            "impl From<&str> for types::Channel",
            "impl Display for types::Channel",
            "attr #[non_exhaustive] types::Channel",
            "variant types::Channel::Chat",
            "variant types::Channel::Unknown(UnknownVariantValue)",
        ] {
            assert!(has(&t, want), "lacks {want}: {t:#?}");
        }
        assert!(!t.iter().any(|x| x.contains("RequestId") || x.contains("RuntimePlugin") || x.contains("InTests")), "{t:#?}");
        assert!(s.excluded.iter().any(|(e, _)| e.text == "impl RequestId for types::Channel"));
        assert!(s.excluded.iter().any(|(e, _)| e.text == "impl RuntimePlugin for types::Channel"));
    }

    #[test]
    fn exclusions_and_scope() {
        let c = TempCrate::new(&[(
            "src/lib.rs",
            r#"
pub mod client { pub struct Client; }
pub use client::Client;
pub mod operation {
    pub mod get {
        pub struct GetFluentBuilder;
        pub struct GetInput;
        impl GetInput { pub fn send_with(self, c: &crate::Client) {} pub fn id(&self) -> i32 { 0 } }
        pub mod paginator { pub struct GetPaginator; }
    }
}
"#,
        )]);
        let s = c.surface();
        let t: Vec<&str> = s.entries.iter().map(|e| e.text.as_str()).collect();
        assert!(t.contains(&"method operation::get::GetInput::id(&self) -> i32"), "{t:#?}");
        assert!(!t.iter().any(|x| x.contains("Fluent") || x.contains("Paginator") || x.contains("Client")), "{t:#?}");
        assert!(s.excluded.iter().any(|(e, _)| e.text.contains("send_with")));
        assert!(in_scope(&["types".into()], "types::builders::X"));
        assert!(!in_scope(&["types".into()], "typesx::X"));
        assert!(in_scope(&["Error".into()], "Error"));
        assert!(in_scope(&["root".into()], "Error"));
        assert_eq!(category("types::builders::FooBuilder"), "types::builders");
        assert_eq!(category("Error"), "root");
    }

    #[test]
    fn imports_globs_renames_and_private_traits() {
        let c = TempCrate::new(&[
            ("src/lib.rs", "pub mod a;\nmod inner;\npub use inner::*;\n"),
            ("src/inner/mod.rs", "mod deep;\npub use self::deep::*;\npub(crate) trait Sealed {}\n"),
            (
                "src/inner/deep.rs",
                r#"
use super::super::a::Thing as Renamed;
pub struct Deep { pub t: Renamed, pub u: crate::missing::Nope }
impl super::Sealed for Deep {}
mod sub { use super::*; impl Deep { pub fn again(&self) -> Renamed { todo!() } } }
"#,
            ),
            ("src/a.rs", "pub struct Thing;\n"),
        ]);
        let s = c.surface();
        let t: Vec<&str> = s.entries.iter().map(|e| e.text.as_str()).collect();
        assert!(t.contains(&"struct Deep"), "{t:#?}");
        assert!(t.contains(&"field Deep.t: a::Thing"), "{t:#?}");
        assert!(t.contains(&"method Deep::again(&self) -> a::Thing"), "{t:#?}");
        assert!(!t.iter().any(|x| x.contains("Sealed")), "{t:#?}");
        assert_eq!(s.unresolved, vec!["crate::missing::Nope".to_string()]);
    }

    #[test]
    fn errors_name_the_file() {
        let c = TempCrate::new(&[("src/lib.rs", "pub mod broken;\n"), ("src/broken.rs", "pub struct {\n")]);
        let e = load(&c.0, "ours").unwrap_err();
        assert!(e.contains("broken.rs"), "{e}");
        let c = TempCrate::new(&[("src/lib.rs", "pub mod missing;\n")]);
        let e = load(&c.0, "ours").unwrap_err();
        assert!(e.contains("lib.rs") && e.contains("missing"), "{e}");
        assert!(load(Path::new("/nonexistent/dir"), "ours").unwrap_err().contains("/nonexistent/dir"));
        assert!(run(&["--ours".into()]).is_err());
        assert!(run(&["--bogus".into()]).is_err());
    }
}
