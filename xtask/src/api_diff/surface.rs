//! Extraction of the normalized API surface (a set of string entries) from a loaded
//! crate, and the type normalization used to make entries comparable across crates.

use super::ir::{
    AdtKind, ArgsIr, AssocIr, BoundIr, FieldsIr, GParamIr, GenericArgIr, GenericsIr, ItemKind, PathIr, RecvIr, SegIr, SigIr,
    TyIr, Vis,
};
use super::model::{Crate, ItemId, ModId, Res};
use super::{EXCLUDED_EXTERNAL_CRATES, EXCLUDED_TRAITS, NEUTRAL_TYPES, STD_FLATTENED_MODULES};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};

/// One normalized API entry.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Entry {
    /// `mod`, `struct`, `enum`, `union`, `trait`, `type`, `fn`, `const`, `use`,
    /// `attr`, `field`, `variant`, `method`, `impl`
    pub kind: &'static str,
    /// public path of the item the entry belongs to (used for scoping/categories)
    pub owner: String,
    /// the full normalized entry, e.g. `field types::Foo.bar: Option<String>`
    pub text: String,
}

#[derive(Debug, Default)]
pub struct Surface {
    pub entries: Vec<Entry>,
    /// entries dropped by the exclusion lists: (entry, reason)
    pub excluded: Vec<(Entry, String)>,
    /// `crate::`/`self::`/`super::` paths that could not be resolved (a resolver
    /// limitation or a broken crate; such types are kept as written)
    pub unresolved: Vec<String>,
}

/// Type-rendering context.
struct Cx<'a> {
    k: &'a Crate,
    module: ModId,
    self_ty: Option<String>,
    generics: Vec<String>,
    /// first exclusion reason hit while rendering (a mention of something excluded)
    note: Option<String>,
    unresolved: &'a RefCell<Vec<String>>,
}

pub fn is_neutral_public(path: &[String]) -> bool {
    let Some(last) = path.last() else { return false };
    NEUTRAL_TYPES.contains(&last.as_str()) && (path.len() == 1 || path[0] == "primitives" || path[0] == "error")
}

impl<'a> Cx<'a> {
    fn new(k: &'a Crate, module: ModId, unresolved: &'a RefCell<Vec<String>>) -> Self {
        Cx { k, module, self_ty: None, generics: Vec::new(), note: None, unresolved }
    }

    fn note(&mut self, reason: String) {
        if self.note.is_none() {
            self.note = Some(reason);
        }
    }

    fn item_ref(&mut self, i: ItemId) -> String {
        let k = self.k;
        let name = &k.items[i].name;
        match k.canonical(i) {
            Some(p) => {
                if is_neutral_public(p) {
                    return name.clone();
                }
                if let Some(pat) = super::excluded_path(p) {
                    self.note(format!("mentions excluded path `{pat}`"));
                }
                p.join("::")
            }
            None => {
                if NEUTRAL_TYPES.contains(&name.as_str()) {
                    name.clone()
                } else {
                    format!("crate::{}", k.def_path(i).join("::"))
                }
            }
        }
    }

    fn ext_ref(&mut self, segs: &[String]) -> String {
        let mut segs = segs.to_vec();
        if segs.is_empty() {
            return String::new();
        }
        if segs[0] == "core" || segs[0] == "alloc" {
            segs[0] = "std".into();
        }
        if segs.len() > 1 {
            if let Some(c) = EXCLUDED_EXTERNAL_CRATES.iter().find(|c| **c == segs[0]) {
                self.note(format!("mentions crate `{c}`"));
            }
        }
        let last = segs.last().cloned().unwrap_or_default();
        if segs.len() > 1 && (segs[0].starts_with("aws_smithy_types") || segs[0] == "crate") && NEUTRAL_TYPES.contains(&last.as_str()) {
            return last;
        }
        if segs[0] == "std" && segs.len() == 3 && STD_FLATTENED_MODULES.contains(&segs[1].as_str()) {
            return last;
        }
        segs.join("::")
    }

    fn args(&mut self, a: &ArgsIr) -> String {
        match a {
            ArgsIr::None => String::new(),
            ArgsIr::Angle(v) => {
                let parts: Vec<String> = v
                    .iter()
                    .map(|g| match g {
                        GenericArgIr::Type(t) => self.ty(t),
                        GenericArgIr::Assoc(n, t) => format!("{n} = {}", self.ty(t)),
                        GenericArgIr::Const(s) => s.clone(),
                        GenericArgIr::Constraint(n, b) => format!("{n}: {}", self.bounds(b)),
                    })
                    .collect();
                format!("<{}>", parts.join(", "))
            }
            ArgsIr::Paren(inputs, out) => {
                let ins: Vec<String> = inputs.iter().map(|t| self.ty(t)).collect();
                let mut s = format!("({})", ins.join(", "));
                if let Some(o) = out {
                    s.push_str(" -> ");
                    s.push_str(&self.ty(o));
                }
                s
            }
        }
    }

    fn segs_rest(&mut self, segs: &[SegIr]) -> String {
        let mut s = String::new();
        for seg in segs {
            s.push_str("::");
            s.push_str(&seg.name);
            s.push_str(&self.args(&seg.args));
        }
        s
    }

    /// Resolve a path; returns the base rendering and the number of segments consumed.
    fn path_base(&mut self, p: &PathIr) -> (String, usize, Option<Res>) {
        if p.segs.is_empty() {
            return (String::new(), 0, None);
        }
        let first = p.segs[0].name.as_str();
        if !p.global && first == "Self" {
            if let Some(s) = self.self_ty.clone() {
                return (s, 1, None);
            }
        }
        if !p.global && self.generics.iter().any(|g| g == first) {
            return (first.to_string(), 1, None);
        }
        let names: Vec<String> = p.segs.iter().map(|s| s.name.clone()).collect();
        let (res, n) = self.k.resolve_path(self.module, p.global, &names);
        let base = match &res {
            Res::Item(i) => self.item_ref(*i),
            Res::Mod(m) => match self.k.mod_paths.get(m) {
                Some(mp) => mp.join("::"),
                None => format!("crate::{}", self.k.mods[*m].def_path.join("::")),
            },
            Res::Ext(segs) => {
                if !p.global && matches!(segs[0].as_str(), "crate" | "self" | "super") {
                    self.unresolved.borrow_mut().push(segs.join("::"));
                }
                self.ext_ref(segs)
            }
        };
        (base, n.max(1), Some(res))
    }

    fn path(&mut self, p: &PathIr) -> String {
        let (mut s, n, _) = self.path_base(p);
        if let Some(last) = p.segs.get(n - 1) {
            s.push_str(&self.args(&last.args));
        }
        s.push_str(&self.segs_rest(&p.segs[n.min(p.segs.len())..]));
        s
    }

    /// A trait reference: crate-local traits by their public path, everything else
    /// by its last segment (so `::std::fmt::Debug`, `fmt::Debug` and the derive
    /// `Debug` all become `Debug`).
    fn trait_ref(&mut self, p: &PathIr) -> (String, String) {
        let (base, n, res) = self.path_base(p);
        let name = p.segs.last().map(|s| s.name.clone()).unwrap_or_default();
        let mut s = match res {
            Some(Res::Item(_)) => base,
            _ => name.clone(),
        };
        if let Some(last) = p.segs.get(n - 1) {
            s.push_str(&self.args(&last.args));
        }
        (s, name)
    }

    fn bound(&mut self, b: &BoundIr) -> String {
        match b {
            BoundIr::Trait { maybe, path } => format!("{}{}", if *maybe { "?" } else { "" }, self.path(path)),
            BoundIr::Other(s) => s.clone(),
        }
    }

    fn bounds(&mut self, b: &[BoundIr]) -> String {
        let mut v: Vec<String> = b.iter().map(|x| self.bound(x)).collect();
        v.sort();
        v.join(" + ")
    }

    pub fn ty(&mut self, t: &TyIr) -> String {
        match t {
            TyIr::Path(p) => self.path(p),
            TyIr::QPath { qself, trait_, rest } => {
                let q = self.ty(qself);
                let head = match trait_ {
                    Some(tp) => format!("<{q} as {}>", self.path(tp)),
                    None => format!("<{q}>"),
                };
                format!("{head}{}", self.segs_rest(rest))
            }
            TyIr::Ref { mutable, inner } => format!("&{}{}", if *mutable { "mut " } else { "" }, self.ty(inner)),
            TyIr::Ptr { mutable, inner } => format!("*{} {}", if *mutable { "mut" } else { "const" }, self.ty(inner)),
            TyIr::Slice(inner) => format!("[{}]", self.ty(inner)),
            TyIr::Array(inner, len) => format!("[{}; {len}]", self.ty(inner)),
            TyIr::Tuple(v) => {
                let parts: Vec<String> = v.iter().map(|x| self.ty(x)).collect();
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            TyIr::ImplTrait(b) => format!("impl {}", self.bounds(b)),
            TyIr::Dyn(b) => format!("dyn {}", self.bounds(b)),
            TyIr::FnPtr { inputs, output } => {
                let ins: Vec<String> = inputs.iter().map(|x| self.ty(x)).collect();
                let mut s = format!("fn({})", ins.join(", "));
                if let Some(o) = output {
                    s.push_str(" -> ");
                    s.push_str(&self.ty(o));
                }
                s
            }
            TyIr::Never => "!".into(),
            TyIr::Infer => "_".into(),
            TyIr::Other(s) => s.clone(),
        }
    }

    fn generics_decl(&mut self, g: &GenericsIr) -> String {
        if g.params.is_empty() {
            return String::new();
        }
        let parts: Vec<String> = g
            .params
            .iter()
            .map(|p| match p {
                GParamIr::Type { name, bounds } if bounds.is_empty() => name.clone(),
                GParamIr::Type { name, bounds } => format!("{name}: {}", self.bounds(bounds)),
                GParamIr::Const { name, ty } => format!("const {name}: {}", self.ty(ty)),
            })
            .collect();
        format!("<{}>", parts.join(", "))
    }

    fn where_clause(&mut self, g: &GenericsIr) -> String {
        if g.where_.is_empty() {
            return String::new();
        }
        let parts: Vec<String> = g.where_.iter().map(|(t, b)| format!("{}: {}", self.ty(t), self.bounds(b))).collect();
        format!(" where {}", parts.join(", "))
    }

    /// `<generics>(params) -> ret where ..` (async fns are rendered as returning
    /// `impl Future<Output = ..>`; `mut self` is `self`).
    fn sig(&mut self, s: &SigIr) -> String {
        let saved = self.generics.len();
        self.generics.extend(s.generics.type_names().map(str::to_string));
        let mut params = Vec::new();
        if let Some(r) = &s.receiver {
            params.push(match r {
                RecvIr::Value => "self".to_string(),
                RecvIr::Ref => "&self".to_string(),
                RecvIr::RefMut => "&mut self".to_string(),
                RecvIr::Typed(t) => format!("self: {}", self.ty(t)),
            });
        }
        for t in &s.inputs {
            params.push(self.ty(t));
        }
        let gen = self.generics_decl(&s.generics);
        let mut ret = s.output.as_ref().map(|t| self.ty(t));
        if s.is_async {
            ret = Some(format!("impl Future<Output = {}>", ret.unwrap_or_else(|| "()".into())));
        }
        let wh = self.where_clause(&s.generics);
        self.generics.truncate(saved);
        let mut out = format!("{gen}({})", params.join(", "));
        if let Some(r) = ret {
            if r != "()" {
                out.push_str(" -> ");
                out.push_str(&r);
            }
        }
        out.push_str(&wh);
        out
    }

    fn fields(&mut self, f: &FieldsIr, only_pub: bool) -> String {
        match f {
            FieldsIr::Unit => String::new(),
            FieldsIr::Tuple(v) => {
                let parts: Vec<String> =
                    v.iter().map(|x| if only_pub && x.vis != Vis::Pub { "_".into() } else { self.ty(&x.ty) }).collect();
                format!("({})", parts.join(", "))
            }
            FieldsIr::Named(v) => {
                let parts: Vec<String> = v.iter().map(|x| format!("{}: {}", x.name, self.ty(&x.ty))).collect();
                format!(" {{ {} }}", parts.join(", "))
            }
        }
    }
}

struct Sink {
    seen: HashSet<String>,
    out: Surface,
}

impl Sink {
    fn emit(&mut self, kind: &'static str, owner: &[String], text: String, note: Option<String>, trait_name: Option<&str>) {
        if !self.seen.insert(text.clone()) {
            return;
        }
        let entry = Entry { kind, owner: owner.join("::"), text };
        let reason = if let Some(pat) = super::excluded_path(owner) {
            Some(format!("excluded path `{pat}`"))
        } else if let Some(t) = trait_name.filter(|t| EXCLUDED_TRAITS.contains(t)) {
            Some(format!("excluded trait `{t}`"))
        } else {
            note
        };
        match reason {
            Some(r) => self.out.excluded.push((entry, r)),
            None => self.out.entries.push(entry),
        }
    }
}

fn generic_args_of(g: &GenericsIr) -> String {
    let names: Vec<&str> = g.type_names().collect();
    if names.is_empty() {
        String::new()
    } else {
        format!("<{}>", names.join(", "))
    }
}

/// Extract the API surface of a loaded crate.
pub fn extract(k: &Crate) -> Surface {
    let mut sink = Sink { seen: HashSet::new(), out: Surface::default() };
    let unresolved = RefCell::new(Vec::new());

    // public modules
    let mut mods: Vec<&Vec<String>> = k.mod_paths.values().filter(|p| !p.is_empty()).collect();
    mods.sort();
    for p in mods {
        sink.emit("mod", p, format!("mod {}", p.join("::")), None, None);
    }

    // external re-exports
    for (p, target) in &k.ext_reexports {
        let mut cx = Cx::new(k, 0, &unresolved);
        let t = cx.ext_ref(target);
        sink.emit("use", p, format!("use {} = {t}", p.join("::")), cx.note, None);
    }

    // items
    let mut items: Vec<(&ItemId, &Vec<Vec<String>>)> = k.item_paths.iter().collect();
    items.sort_by(|a, b| a.1[0].cmp(&b.1[0]));
    let mut owner_of: BTreeMap<ItemId, Vec<String>> = BTreeMap::new();
    for (&i, paths) in items {
        let item = &k.items[i];
        let canon = &paths[0];
        let cp = canon.join("::");
        if is_neutral_public(canon) && matches!(item.kind, ItemKind::Adt(_)) {
            for p in paths {
                sink.emit("use", p, format!("use {} = {}", p.join("::"), item.name), None, None);
            }
            continue;
        }
        let mut cx = Cx::new(k, item.module, &unresolved);
        match &item.kind {
            ItemKind::Adt(adt) => {
                owner_of.insert(i, canon.clone());
                let kw = match adt.kind {
                    AdtKind::Struct(_) => "struct",
                    AdtKind::Union(_) => "union",
                    AdtKind::Enum(_) => "enum",
                };
                cx.generics = adt.generics.type_names().map(str::to_string).collect();
                let gen = cx.generics_decl(&adt.generics);
                let wh = cx.where_clause(&adt.generics);
                for p in paths {
                    sink.emit(kw, p, format!("{kw} {}{gen}{wh}", p.join("::")), cx.note.take(), None);
                }
                let self_ty = format!("{cp}{}", generic_args_of(&adt.generics));
                cx.self_ty = Some(self_ty.clone());
                if adt.non_exhaustive {
                    sink.emit("attr", canon, format!("attr #[non_exhaustive] {cp}"), None, None);
                }
                match &adt.kind {
                    AdtKind::Struct(f) | AdtKind::Union(f) => {
                        let fs = match f {
                            FieldsIr::Unit => &[][..],
                            FieldsIr::Tuple(v) | FieldsIr::Named(v) => &v[..],
                        };
                        for fld in fs.iter().filter(|f| f.vis == Vis::Pub) {
                            let t = cx.ty(&fld.ty);
                            sink.emit("field", canon, format!("field {cp}.{}: {t}", fld.name), cx.note.take(), None);
                        }
                    }
                    AdtKind::Enum(vs) => {
                        for v in vs {
                            let f = cx.fields(&v.fields, false);
                            sink.emit("variant", canon, format!("variant {cp}::{}{f}", v.name), cx.note.take(), None);
                            if v.non_exhaustive {
                                sink.emit("attr", canon, format!("attr #[non_exhaustive] {cp}::{}", v.name), None, None);
                            }
                        }
                    }
                }
                for d in &adt.derives {
                    let name = d.segs.last().map(|s| s.name.clone()).unwrap_or_default();
                    sink.emit("impl", canon, format!("impl {name} for {self_ty}"), None, Some(&name));
                }
            }
            ItemKind::Trait(g) => {
                cx.generics = g.type_names().map(str::to_string).collect();
                let gen = cx.generics_decl(g);
                for p in paths {
                    sink.emit("trait", p, format!("trait {}{gen}", p.join("::")), cx.note.take(), None);
                }
            }
            ItemKind::TypeAlias(g, t) => {
                cx.generics = g.type_names().map(str::to_string).collect();
                let gen = cx.generics_decl(g);
                let t = cx.ty(t);
                let note = cx.note.take();
                for p in paths {
                    sink.emit("type", p, format!("type {}{gen} = {t}", p.join("::")), note.clone(), None);
                }
            }
            ItemKind::Fn(sig) => {
                let s = cx.sig(sig);
                let note = cx.note.take();
                let unsafe_ = if sig.is_unsafe { "unsafe " } else { "" };
                for p in paths {
                    sink.emit("fn", p, format!("fn {unsafe_}{}{s}", p.join("::")), note.clone(), None);
                }
            }
            ItemKind::Const(t) => {
                let t = cx.ty(t);
                let note = cx.note.take();
                for p in paths {
                    sink.emit("const", p, format!("const {}: {t}", p.join("::")), note.clone(), None);
                }
            }
        }
    }

    // impl blocks
    for imp in &k.impls {
        let TyIr::Path(sp) = &imp.ir.self_ty else { continue };
        let mut cx = Cx::new(k, imp.module, &unresolved);
        cx.generics = imp.ir.generics.type_names().map(str::to_string).collect();
        if sp.segs.is_empty() || (sp.segs.len() == 1 && cx.generics.contains(&sp.segs[0].name)) {
            continue;
        }
        let names: Vec<String> = sp.segs.iter().map(|s| s.name.clone()).collect();
        let (res, n) = k.resolve_path(imp.module, sp.global, &names);
        let Res::Item(owner_item) = res else { continue };
        if n != names.len() {
            continue;
        }
        let Some(owner) = owner_of.get(&owner_item) else { continue };
        let self_ty = cx.ty(&imp.ir.self_ty);
        cx.note = None;
        cx.self_ty = Some(self_ty.clone());
        let impl_gen = cx.generics_decl(&imp.ir.generics);
        let impl_where = cx.where_clause(&imp.ir.generics);
        let impl_note = cx.note.take();
        match &imp.ir.trait_ {
            None => {
                for a in &imp.ir.items {
                    match a {
                        AssocIr::Fn { name, vis: Vis::Pub, sig } => {
                            let s = cx.sig(sig);
                            let note = cx.note.take().or_else(|| impl_note.clone());
                            let prefix = if impl_gen.is_empty() && impl_where.is_empty() {
                                String::new()
                            } else {
                                format!("[impl{impl_gen}{impl_where}] ")
                            };
                            let unsafe_ = if sig.is_unsafe { "unsafe " } else { "" };
                            sink.emit("method", owner, format!("method {prefix}{unsafe_}{self_ty}::{name}{s}"), note, None);
                        }
                        AssocIr::Const { name, vis: Vis::Pub, ty } => {
                            let t = cx.ty(ty);
                            let note = cx.note.take().or_else(|| impl_note.clone());
                            sink.emit("const", owner, format!("const {self_ty}::{name}: {t}"), note, None);
                        }
                        _ => {}
                    }
                }
            }
            Some(tp) => {
                let tnames: Vec<String> = tp.segs.iter().map(|s| s.name.clone()).collect();
                if let (Res::Item(ti), _) = k.resolve_path(imp.module, tp.global, &tnames) {
                    if k.canonical(ti).is_none() {
                        // impls of crate-private traits are not part of the public API
                        continue;
                    }
                }
                let (t, tname) = cx.trait_ref(tp);
                let note = cx.note.take().or(impl_note);
                let neg = if imp.ir.negative { "!" } else { "" };
                sink.emit("impl", owner, format!("impl{impl_gen} {neg}{t} for {self_ty}{impl_where}"), note, Some(&tname));
            }
        }
    }

    let mut s = sink.out;
    s.unresolved = unresolved.into_inner();
    s.unresolved.sort();
    s.unresolved.dedup();
    s.entries.sort();
    s.excluded.sort();
    s
}
