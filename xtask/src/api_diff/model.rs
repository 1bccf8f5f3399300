//! Crate loading (module tree from `src/lib.rs`) and a small name resolver:
//! `use` imports (named, renamed, glob), `crate::`/`self::`/`super::` paths, and the
//! computation of every item's public paths (through `pub mod`s and `pub use`s).

use super::ir::{ImplIr, ItemIr, ItemKind, UseEntry, Vis};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};

pub type ModId = usize;
pub type ItemId = usize;

#[derive(Debug)]
pub struct Module {
    pub parent: Option<ModId>,
    /// definition path from the crate root (empty for the root)
    pub def_path: Vec<String>,
    pub defs: BTreeMap<String, Vec<Def>>,
    pub globs: Vec<(Vis, UseEntry)>,
}

#[derive(Debug, Clone)]
pub enum Def {
    Mod(ModId, Vis),
    Item(ItemId, Vis),
    Use(Vis, UseEntry),
}

#[derive(Debug)]
pub struct Item {
    pub name: String,
    pub module: ModId,
    pub kind: ItemKind,
}

#[derive(Debug)]
pub struct Impl {
    pub module: ModId,
    pub ir: ImplIr,
}

type LookupCache = HashMap<(ModId, String), Option<(Res, Vis)>>;
type ParsedFile = (PathBuf, Result<Vec<ItemIr>, String>);

/// The result of resolving a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Res {
    Mod(ModId),
    Item(ItemId),
    /// Something outside the crate (an extern crate path, a prelude/builtin name or
    /// a generic parameter); the full path as written/imported.
    Ext(Vec<String>),
}

#[derive(Debug, Default)]
pub struct Crate {
    pub mods: Vec<Module>,
    pub items: Vec<Item>,
    pub impls: Vec<Impl>,
    /// public paths of items, shortest first
    pub item_paths: HashMap<ItemId, Vec<Vec<String>>>,
    /// public path of each publicly reachable module (first found, BFS = shortest)
    pub mod_paths: HashMap<ModId, Vec<String>>,
    /// `pub use` of something outside the crate: (public path, target)
    pub ext_reexports: Vec<(Vec<String>, Vec<String>)>,
    lookup_cache: RefCell<LookupCache>,
}

// ---------------------------------------------------------------------------------
// loading

/// Parses every `.rs` file under `root/src` (in parallel) and assembles the module
/// tree reachable from `src/lib.rs`.
pub fn load_crate(root: &Path) -> Result<Crate, String> {
    let src = root.join("src");
    let lib = src.join("lib.rs");
    if !lib.is_file() {
        return Err(format!("{}: not a crate root (no src/lib.rs)", root.display()));
    }
    let mut files = Vec::new();
    collect_rs_files(&src, &mut files)?;
    let mut parsed = parse_all(files);

    let mut krate = Crate::default();
    let lib_items = take_file(&mut parsed, &lib)?;
    krate.mods.push(Module {
        parent: None,
        def_path: Vec::new(),
        defs: BTreeMap::new(),
        globs: Vec::new(),
    });
    krate.add_items(0, lib_items, &src, &lib, &mut parsed)?;
    krate.compute_public_paths();
    Ok(krate)
}

fn collect_rs_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let rd = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for ent in rd {
        let ent = ent.map_err(|e| format!("{}: {e}", dir.display()))?;
        let p = ent.path();
        let ft = ent.file_type().map_err(|e| format!("{}: {e}", p.display()))?;
        if ft.is_dir() {
            collect_rs_files(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
    Ok(())
}

type Parsed = HashMap<PathBuf, Result<Vec<ItemIr>, String>>;

fn parse_all(mut files: Vec<PathBuf>) -> Parsed {
    // Largest first for better load balancing.
    files.sort_by_cached_key(|p| std::cmp::Reverse(std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)));
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).clamp(1, 8);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let files = &files;
    let next = &next;
    let results: Vec<Vec<ParsedFile>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(move || {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(p) = files.get(i) else { break };
                        let r = std::fs::read_to_string(p)
                            .map_err(|e| format!("{}: {e}", p.display()))
                            .and_then(|s| super::ir::parse_file(&s).map_err(|e| format!("{}:{e}", p.display())));
                        out.push((p.clone(), r));
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Vec::new()))
            .collect()
    });
    results.into_iter().flatten().collect()
}

fn take_file(parsed: &mut Parsed, path: &Path) -> Result<Vec<ItemIr>, String> {
    match parsed.remove(path) {
        Some(r) => r,
        None => {
            // Not found during the directory walk (e.g. a `#[path]` outside src/).
            let s = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            super::ir::parse_file(&s).map_err(|e| format!("{}:{e}", path.display()))
        }
    }
}

impl Crate {
    /// Adds `items` to module `m`. `dir` is where `mod x;` children of `m` live;
    /// `file` is the file being processed (for error messages and `#[path]`).
    fn add_items(&mut self, m: ModId, items: Vec<ItemIr>, dir: &Path, file: &Path, parsed: &mut Parsed) -> Result<(), String> {
        for item in items {
            match item {
                ItemIr::Mod { name, vis, body, path_attr, has_cfg } => {
                    let child = self.mods.len();
                    let mut def_path = self.mods[m].def_path.clone();
                    def_path.push(name.clone());
                    self.mods.push(Module { parent: Some(m), def_path, defs: BTreeMap::new(), globs: Vec::new() });
                    self.mods[m].defs.entry(name.clone()).or_default().push(Def::Mod(child, vis));
                    match body {
                        Some(inner) => {
                            let child_dir = match &path_attr {
                                Some(p) => dir.join(p),
                                None => dir.join(&name),
                            };
                            self.add_items(child, inner, &child_dir, file, parsed)?;
                        }
                        None => {
                            let (child_file, child_dir) = if let Some(p) = &path_attr {
                                let base = file.parent().unwrap_or(dir);
                                let f = base.join(p);
                                let d = f.parent().unwrap_or(base).to_path_buf();
                                (f, d)
                            } else {
                                let a = dir.join(format!("{name}.rs"));
                                let b = dir.join(&name).join("mod.rs");
                                if a.is_file() {
                                    (a, dir.join(&name))
                                } else if b.is_file() {
                                    (b, dir.join(&name))
                                } else if has_cfg {
                                    continue;
                                } else {
                                    return Err(format!(
                                        "{}: module `{name}` not found (looked for {} and {})",
                                        file.display(),
                                        a.display(),
                                        b.display()
                                    ));
                                }
                            };
                            let items = take_file(parsed, &child_file)?;
                            self.add_items(child, items, &child_dir, &child_file, parsed)?;
                        }
                    }
                }
                ItemIr::Use { vis, entries } => {
                    for e in entries {
                        match &e.name {
                            Some(n) => self.mods[m].defs.entry(n.clone()).or_default().push(Def::Use(vis, e)),
                            None => self.mods[m].globs.push((vis, e)),
                        }
                    }
                }
                ItemIr::Def { name, vis, kind } => {
                    let id = self.items.len();
                    self.items.push(Item { name: name.clone(), module: m, kind });
                    self.mods[m].defs.entry(name).or_default().push(Def::Item(id, vis));
                }
                ItemIr::Impl(ir) => self.impls.push(Impl { module: m, ir }),
            }
        }
        Ok(())
    }

    fn is_ancestor_or_self(&self, anc: ModId, mut m: ModId) -> bool {
        loop {
            if m == anc {
                return true;
            }
            match self.mods[m].parent {
                Some(p) => m = p,
                None => return false,
            }
        }
    }

    /// Resolve `segs` (as written in module `m`). Returns the resolution of the
    /// longest resolvable prefix and the number of segments it consumed (paths can
    /// continue into associated items, e.g. `Self::Err`, `Foo::Variant`).
    pub fn resolve_path(&self, m: ModId, global: bool, segs: &[String]) -> (Res, usize) {
        let mut stack = HashSet::new();
        self.resolve_path_inner(m, global, segs, &mut stack)
    }

    fn resolve_path_inner(&self, m: ModId, global: bool, segs: &[String], stack: &mut HashSet<(ModId, String)>) -> (Res, usize) {
        if segs.is_empty() {
            return (Res::Mod(m), 0);
        }
        if global {
            return (Res::Ext(segs.to_vec()), segs.len());
        }
        let mut cur: Res;
        let mut i = 1;
        match segs[0].as_str() {
            "crate" => cur = Res::Mod(0),
            "self" => cur = Res::Mod(m),
            "super" => cur = Res::Mod(self.mods[m].parent.unwrap_or(0)),
            first => match self.lookup(m, first, true, stack) {
                Some((r, _)) => cur = r,
                None => return (Res::Ext(segs.to_vec()), segs.len()),
            },
        }
        while i < segs.len() {
            match &cur {
                Res::Mod(cm) => {
                    let name = segs[i].as_str();
                    if name == "super" {
                        cur = Res::Mod(self.mods[*cm].parent.unwrap_or(0));
                    } else if name == "self" {
                        // no-op
                    } else {
                        let private_ok = self.is_ancestor_or_self(*cm, m);
                        match self.lookup(*cm, name, private_ok, stack) {
                            Some((r, _)) => cur = r,
                            None => {
                                // Unresolvable inside the crate: keep what was written.
                                return (Res::Ext(segs.to_vec()), segs.len());
                            }
                        }
                    }
                    i += 1;
                }
                Res::Item(_) => return (cur, i),
                Res::Ext(p) => {
                    let mut p = p.clone();
                    p.extend(segs[i..].iter().cloned());
                    return (Res::Ext(p), segs.len());
                }
            }
        }
        (cur, i)
    }

    fn resolve_use(&self, m: ModId, e: &UseEntry, stack: &mut HashSet<(ModId, String)>) -> Option<Res> {
        let (r, n) = self.resolve_path_inner(m, e.global, &e.segs, stack);
        if n == e.segs.len() {
            Some(r)
        } else {
            // `use Enum::Variant` and friends: not a type-namespace item we track.
            None
        }
    }

    /// Look `name` up in module `m`'s scope (definitions, named imports, globs).
    /// `private_ok`: whether non-`pub` names are visible to the asker.
    fn lookup(&self, m: ModId, name: &str, private_ok: bool, stack: &mut HashSet<(ModId, String)>) -> Option<(Res, Vis)> {
        let key = (m, name.to_string());
        if let Some(r) = self.lookup_cache.borrow().get(&key) {
            return r.clone().filter(|(_, v)| private_ok || *v != Vis::Private);
        }
        if !stack.insert(key.clone()) {
            return None;
        }
        let r = self.lookup_uncached(m, name, stack);
        stack.remove(&key);
        if r.is_some() || stack.is_empty() {
            // A negative answer computed inside a cycle may be incomplete: don't cache it.
            self.lookup_cache.borrow_mut().insert(key, r.clone());
        }
        r.filter(|(_, v)| private_ok || *v != Vis::Private)
    }

    fn lookup_uncached(&self, m: ModId, name: &str, stack: &mut HashSet<(ModId, String)>) -> Option<(Res, Vis)> {
        if let Some(defs) = self.mods[m].defs.get(name) {
            // Prefer type-namespace definitions (modules, types) over functions/consts.
            let mut fallback = None;
            for d in defs {
                let r = match d {
                    Def::Mod(c, v) => Some((Res::Mod(*c), *v)),
                    Def::Item(i, v) => {
                        if matches!(self.items[*i].kind, ItemKind::Fn(_) | ItemKind::Const(_)) {
                            if fallback.is_none() {
                                fallback = Some((Res::Item(*i), *v));
                            }
                            None
                        } else {
                            Some((Res::Item(*i), *v))
                        }
                    }
                    Def::Use(v, e) => self.resolve_use(m, e, stack).map(|r| (r, *v)),
                };
                if r.is_some() {
                    return r;
                }
            }
            if fallback.is_some() {
                return fallback;
            }
        }
        for (gvis, g) in &self.mods[m].globs {
            if let Some(Res::Mod(t)) = self.resolve_use(m, g, stack) {
                let private_ok = self.is_ancestor_or_self(t, m);
                if let Some((r, v)) = self.lookup(t, name, private_ok, stack) {
                    let vis = if *gvis == Vis::Pub && v == Vis::Pub {
                        Vis::Pub
                    } else if *gvis == Vis::Private {
                        Vis::Private
                    } else {
                        Vis::Restricted
                    };
                    return Some((r, vis));
                }
            }
        }
        None
    }

    /// Names exported with `pub` visibility from module `m` (definitions, named
    /// `pub use`s and `pub use` globs), resolved.
    fn pub_exports(&self, m: ModId, seen: &mut HashSet<ModId>) -> Vec<(String, Res)> {
        let mut out = Vec::new();
        if !seen.insert(m) {
            return out;
        }
        let mut names = HashSet::new();
        for (name, defs) in &self.mods[m].defs {
            for d in defs {
                let r = match d {
                    Def::Mod(c, Vis::Pub) => Some(Res::Mod(*c)),
                    Def::Item(i, Vis::Pub) => Some(Res::Item(*i)),
                    Def::Use(Vis::Pub, e) => self.resolve_use(m, e, &mut HashSet::new()),
                    _ => None,
                };
                if let Some(r) = r {
                    names.insert(name.clone());
                    out.push((name.clone(), r));
                }
            }
        }
        for (gvis, g) in &self.mods[m].globs {
            if *gvis != Vis::Pub {
                continue;
            }
            if let Some(Res::Mod(t)) = self.resolve_use(m, g, &mut HashSet::new()) {
                for (n, r) in self.pub_exports(t, seen) {
                    // explicit names shadow glob imports
                    if !names.contains(&n) {
                        out.push((n, r));
                    }
                }
            }
        }
        out
    }

    fn compute_public_paths(&mut self) {
        let mut queue = VecDeque::new();
        let mut mod_paths: HashMap<ModId, Vec<String>> = HashMap::new();
        let mut item_paths: HashMap<ItemId, Vec<Vec<String>>> = HashMap::new();
        let mut ext = Vec::new();
        mod_paths.insert(0, Vec::new());
        queue.push_back(0);
        while let Some(m) = queue.pop_front() {
            let base = mod_paths[&m].clone();
            for (name, r) in self.pub_exports(m, &mut HashSet::new()) {
                let mut p = base.clone();
                p.push(name);
                match r {
                    Res::Mod(c) => {
                        if let std::collections::hash_map::Entry::Vacant(v) = mod_paths.entry(c) {
                            v.insert(p);
                            queue.push_back(c);
                        }
                    }
                    Res::Item(i) => {
                        let v = item_paths.entry(i).or_default();
                        if !v.contains(&p) {
                            v.push(p);
                        }
                    }
                    Res::Ext(t) => ext.push((p, t)),
                }
            }
        }
        for v in item_paths.values_mut() {
            v.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
        }
        self.mod_paths = mod_paths;
        self.item_paths = item_paths;
        self.ext_reexports = ext;
    }

    /// The canonical (shortest, then lexicographically smallest) public path.
    pub fn canonical(&self, i: ItemId) -> Option<&Vec<String>> {
        self.item_paths.get(&i).and_then(|v| v.first())
    }

    /// Definition path (`a::b::Name`), for private items.
    pub fn def_path(&self, i: ItemId) -> Vec<String> {
        let mut p = self.mods[self.items[i].module].def_path.clone();
        p.push(self.items[i].name.clone());
        p
    }
}
