//! A small, `Send`-able intermediate representation of the parts of a Rust source
//! file that matter for the public API (module structure, `use` declarations, type
//! definitions, signatures and impl headers). Function bodies are dropped.
//!
//! `syn`/`proc-macro2` values are not `Send`, so files are lowered into this IR on
//! the worker thread that parsed them.

use quote::ToTokens;
use syn::punctuated::Punctuated;

/// Item visibility, reduced to what the API comparison needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vis {
    /// `pub`
    Pub,
    /// `pub(crate)`, `pub(super)`, `pub(in ..)`
    Restricted,
    /// no visibility keyword
    Private,
}

#[derive(Clone, Debug)]
pub struct PathIr {
    pub global: bool,
    pub segs: Vec<SegIr>,
}

#[derive(Clone, Debug)]
pub struct SegIr {
    pub name: String,
    pub args: ArgsIr,
}

#[derive(Clone, Debug)]
pub enum ArgsIr {
    None,
    Angle(Vec<GenericArgIr>),
    Paren(Vec<TyIr>, Option<Box<TyIr>>),
}

#[derive(Clone, Debug)]
pub enum GenericArgIr {
    Type(TyIr),
    Assoc(String, TyIr),
    Const(String),
    Constraint(String, Vec<BoundIr>),
}

#[derive(Clone, Debug)]
pub enum TyIr {
    Path(PathIr),
    /// `<qself as trait_path>::rest` (or `<qself>::rest` when `trait_` is `None`)
    QPath {
        qself: Box<TyIr>,
        trait_: Option<PathIr>,
        rest: Vec<SegIr>,
    },
    Ref {
        mutable: bool,
        inner: Box<TyIr>,
    },
    Ptr {
        mutable: bool,
        inner: Box<TyIr>,
    },
    Slice(Box<TyIr>),
    Array(Box<TyIr>, String),
    Tuple(Vec<TyIr>),
    ImplTrait(Vec<BoundIr>),
    Dyn(Vec<BoundIr>),
    FnPtr {
        inputs: Vec<TyIr>,
        output: Option<Box<TyIr>>,
    },
    Never,
    Infer,
    Other(String),
}

#[derive(Clone, Debug)]
pub enum BoundIr {
    Trait { maybe: bool, path: PathIr },
    Other(String),
}

#[derive(Clone, Debug, Default)]
pub struct GenericsIr {
    pub params: Vec<GParamIr>,
    pub where_: Vec<(TyIr, Vec<BoundIr>)>,
}

#[derive(Clone, Debug)]
pub enum GParamIr {
    Type { name: String, bounds: Vec<BoundIr> },
    Const { name: String, ty: TyIr },
}

impl GenericsIr {
    pub fn type_names(&self) -> impl Iterator<Item = &str> {
        self.params.iter().map(|p| match p {
            GParamIr::Type { name, .. } | GParamIr::Const { name, .. } => name.as_str(),
        })
    }
}

#[derive(Clone, Debug)]
pub enum RecvIr {
    Value,
    Ref,
    RefMut,
    Typed(TyIr),
}

#[derive(Clone, Debug)]
pub struct SigIr {
    pub is_async: bool,
    pub is_unsafe: bool,
    pub generics: GenericsIr,
    pub receiver: Option<RecvIr>,
    pub inputs: Vec<TyIr>,
    pub output: Option<TyIr>,
}

#[derive(Clone, Debug)]
pub struct UseEntry {
    pub global: bool,
    pub segs: Vec<String>,
    /// `Some(name)` for `use a::b` / `use a::b as name`; `None` for globs.
    pub name: Option<String>,
}

#[derive(Clone, Debug)]
pub struct FieldIr {
    pub name: String,
    pub vis: Vis,
    pub ty: TyIr,
}

#[derive(Clone, Debug)]
pub enum FieldsIr {
    Unit,
    Tuple(Vec<FieldIr>),
    Named(Vec<FieldIr>),
}

#[derive(Clone, Debug)]
pub struct VariantIr {
    pub name: String,
    pub fields: FieldsIr,
    pub non_exhaustive: bool,
}

#[derive(Clone, Debug)]
pub enum AdtKind {
    Struct(FieldsIr),
    Union(FieldsIr),
    Enum(Vec<VariantIr>),
}

#[derive(Clone, Debug)]
pub struct AdtIr {
    pub generics: GenericsIr,
    pub derives: Vec<PathIr>,
    pub non_exhaustive: bool,
    pub kind: AdtKind,
}

#[derive(Clone, Debug)]
pub enum AssocIr {
    Fn { name: String, vis: Vis, sig: SigIr },
    Const { name: String, vis: Vis, ty: TyIr },
}

#[derive(Clone, Debug)]
pub struct ImplIr {
    pub generics: GenericsIr,
    pub negative: bool,
    pub trait_: Option<PathIr>,
    pub self_ty: TyIr,
    pub items: Vec<AssocIr>,
}

#[derive(Clone, Debug)]
pub enum ItemKind {
    Adt(AdtIr),
    Trait(GenericsIr),
    TypeAlias(GenericsIr, TyIr),
    Fn(SigIr),
    Const(TyIr),
}

#[derive(Clone, Debug)]
pub enum ItemIr {
    Mod {
        name: String,
        vis: Vis,
        /// `Some` for inline modules (`mod x { .. }`).
        body: Option<Vec<ItemIr>>,
        /// `#[path = ".."]`
        path_attr: Option<String>,
        /// the declaration carried a `#[cfg(..)]` (a missing file is then not an error)
        has_cfg: bool,
    },
    Use {
        vis: Vis,
        entries: Vec<UseEntry>,
    },
    Def {
        name: String,
        vis: Vis,
        kind: ItemKind,
    },
    Impl(ImplIr),
}

/// Parse `src` and lower it.
pub fn parse_file(src: &str) -> Result<Vec<ItemIr>, String> {
    // (no line numbers: that would need proc-macro2's `span-locations` feature,
    // which would change the feature set of the shared workspace build)
    let file = syn::parse_file(src).map_err(|e| format!(" parse error: {e}"))?;
    Ok(lower_items(&file.items))
}

fn tokens<T: ToTokens>(t: &T) -> String {
    t.to_token_stream().to_string()
}

fn lower_vis(v: &syn::Visibility) -> Vis {
    match v {
        syn::Visibility::Public(_) => Vis::Pub,
        syn::Visibility::Restricted(_) => Vis::Restricted,
        syn::Visibility::Inherited => Vis::Private,
    }
}

/// Evaluates `#[cfg(..)]` attributes with `test` and `docsrs` off and every
/// feature (and any other predicate) on. Returns `false` if the item is compiled out.
fn cfg_enabled(attrs: &[syn::Attribute]) -> bool {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("cfg"))
        .all(|a| match a.parse_args::<syn::Meta>() {
            Ok(m) => eval_cfg(&m),
            Err(_) => true,
        })
}

fn eval_cfg(m: &syn::Meta) -> bool {
    match m {
        syn::Meta::Path(p) => !(p.is_ident("test") || p.is_ident("docsrs") || p.is_ident("doc")),
        syn::Meta::NameValue(_) => true,
        syn::Meta::List(l) => {
            let inner = l
                .parse_args_with(Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated)
                .map(|p| p.into_iter().collect::<Vec<_>>())
                .unwrap_or_default();
            if l.path.is_ident("all") {
                inner.iter().all(eval_cfg)
            } else if l.path.is_ident("any") {
                inner.iter().any(eval_cfg)
            } else if l.path.is_ident("not") {
                !inner.first().map(eval_cfg).unwrap_or(true)
            } else {
                true
            }
        }
    }
}

fn has_attr(attrs: &[syn::Attribute], name: &str) -> bool {
    attrs.iter().any(|a| a.path().is_ident(name))
}

fn derives(attrs: &[syn::Attribute]) -> Vec<PathIr> {
    let mut out = Vec::new();
    for a in attrs.iter().filter(|a| a.path().is_ident("derive")) {
        if let Ok(list) = a.parse_args_with(Punctuated::<syn::Path, syn::Token![,]>::parse_terminated) {
            out.extend(list.iter().map(lower_path));
        }
    }
    out
}

fn path_attr(attrs: &[syn::Attribute]) -> Option<String> {
    attrs.iter().find(|a| a.path().is_ident("path")).and_then(|a| match &a.meta {
        syn::Meta::NameValue(nv) => match &nv.value {
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value()),
            _ => None,
        },
        _ => None,
    })
}

pub fn lower_items(items: &[syn::Item]) -> Vec<ItemIr> {
    let mut out = Vec::new();
    for item in items {
        lower_item(item, &mut out);
    }
    out
}

fn lower_item(item: &syn::Item, out: &mut Vec<ItemIr>) {
    use syn::Item;
    let attrs: &[syn::Attribute] = match item {
        Item::Mod(i) => &i.attrs,
        Item::Use(i) => &i.attrs,
        Item::Struct(i) => &i.attrs,
        Item::Enum(i) => &i.attrs,
        Item::Union(i) => &i.attrs,
        Item::Trait(i) => &i.attrs,
        Item::Type(i) => &i.attrs,
        Item::Fn(i) => &i.attrs,
        Item::Impl(i) => &i.attrs,
        Item::Const(i) => &i.attrs,
        Item::Static(i) => &i.attrs,
        _ => return,
    };
    if !cfg_enabled(attrs) {
        return;
    }
    match item {
        Item::Mod(m) => out.push(ItemIr::Mod {
            name: m.ident.to_string(),
            vis: lower_vis(&m.vis),
            body: m.content.as_ref().map(|(_, items)| lower_items(items)),
            path_attr: path_attr(&m.attrs),
            has_cfg: has_attr(&m.attrs, "cfg"),
        }),
        Item::Use(u) => {
            let mut entries = Vec::new();
            flatten_use(&u.tree, &mut Vec::new(), &mut entries);
            for e in &mut entries {
                e.global = u.leading_colon.is_some();
            }
            out.push(ItemIr::Use { vis: lower_vis(&u.vis), entries });
        }
        Item::Struct(s) => out.push(ItemIr::Def {
            name: s.ident.to_string(),
            vis: lower_vis(&s.vis),
            kind: ItemKind::Adt(AdtIr {
                generics: lower_generics(&s.generics),
                derives: derives(&s.attrs),
                non_exhaustive: has_attr(&s.attrs, "non_exhaustive"),
                kind: AdtKind::Struct(lower_fields(&s.fields)),
            }),
        }),
        Item::Union(s) => out.push(ItemIr::Def {
            name: s.ident.to_string(),
            vis: lower_vis(&s.vis),
            kind: ItemKind::Adt(AdtIr {
                generics: lower_generics(&s.generics),
                derives: derives(&s.attrs),
                non_exhaustive: has_attr(&s.attrs, "non_exhaustive"),
                kind: AdtKind::Union(lower_named_fields(s.fields.named.iter())),
            }),
        }),
        Item::Enum(e) => out.push(ItemIr::Def {
            name: e.ident.to_string(),
            vis: lower_vis(&e.vis),
            kind: ItemKind::Adt(AdtIr {
                generics: lower_generics(&e.generics),
                derives: derives(&e.attrs),
                non_exhaustive: has_attr(&e.attrs, "non_exhaustive"),
                kind: AdtKind::Enum(
                    e.variants
                        .iter()
                        .filter(|v| cfg_enabled(&v.attrs))
                        .map(|v| VariantIr {
                            name: v.ident.to_string(),
                            fields: lower_fields(&v.fields),
                            non_exhaustive: has_attr(&v.attrs, "non_exhaustive"),
                        })
                        .collect(),
                ),
            }),
        }),
        Item::Trait(t) => out.push(ItemIr::Def {
            name: t.ident.to_string(),
            vis: lower_vis(&t.vis),
            kind: ItemKind::Trait(lower_generics(&t.generics)),
        }),
        Item::Type(t) => out.push(ItemIr::Def {
            name: t.ident.to_string(),
            vis: lower_vis(&t.vis),
            kind: ItemKind::TypeAlias(lower_generics(&t.generics), lower_ty(&t.ty)),
        }),
        Item::Fn(f) => out.push(ItemIr::Def {
            name: f.sig.ident.to_string(),
            vis: lower_vis(&f.vis),
            kind: ItemKind::Fn(lower_sig(&f.sig)),
        }),
        Item::Const(c) => out.push(ItemIr::Def {
            name: c.ident.to_string(),
            vis: lower_vis(&c.vis),
            kind: ItemKind::Const(lower_ty(&c.ty)),
        }),
        Item::Static(c) => out.push(ItemIr::Def {
            name: c.ident.to_string(),
            vis: lower_vis(&c.vis),
            kind: ItemKind::Const(lower_ty(&c.ty)),
        }),
        Item::Impl(i) => {
            let mut items = Vec::new();
            for it in &i.items {
                match it {
                    syn::ImplItem::Fn(f) if cfg_enabled(&f.attrs) => items.push(AssocIr::Fn {
                        name: f.sig.ident.to_string(),
                        vis: lower_vis(&f.vis),
                        sig: lower_sig(&f.sig),
                    }),
                    syn::ImplItem::Const(c) if cfg_enabled(&c.attrs) => items.push(AssocIr::Const {
                        name: c.ident.to_string(),
                        vis: lower_vis(&c.vis),
                        ty: lower_ty(&c.ty),
                    }),
                    _ => {}
                }
            }
            out.push(ItemIr::Impl(ImplIr {
                generics: lower_generics(&i.generics),
                negative: matches!(&i.trait_, Some((Some(_), _, _))),
                trait_: i.trait_.as_ref().map(|(_, p, _)| lower_path(p)),
                self_ty: lower_ty(&i.self_ty),
                items,
            }));
        }
        _ => {}
    }
}

fn flatten_use(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<UseEntry>) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            flatten_use(&p.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) => {
            let name = n.ident.to_string();
            if name == "self" {
                // `use a::b::{self}` imports `b`
                if let Some(last) = prefix.last() {
                    out.push(UseEntry { global: false, segs: prefix.clone(), name: Some(last.clone()) });
                }
            } else {
                let mut segs = prefix.clone();
                segs.push(name.clone());
                out.push(UseEntry { global: false, segs, name: Some(name) });
            }
        }
        syn::UseTree::Rename(r) => {
            let ident = r.ident.to_string();
            let mut segs = prefix.clone();
            if ident != "self" {
                segs.push(ident);
            }
            let rename = r.rename.to_string();
            if rename != "_" {
                out.push(UseEntry { global: false, segs, name: Some(rename) });
            }
        }
        syn::UseTree::Glob(_) => out.push(UseEntry { global: false, segs: prefix.clone(), name: None }),
        syn::UseTree::Group(g) => {
            for t in &g.items {
                flatten_use(t, prefix, out);
            }
        }
    }
}

fn lower_fields(f: &syn::Fields) -> FieldsIr {
    match f {
        syn::Fields::Unit => FieldsIr::Unit,
        syn::Fields::Named(n) => lower_named_fields(n.named.iter()),
        syn::Fields::Unnamed(u) => FieldsIr::Tuple(
            u.unnamed
                .iter()
                .enumerate()
                .filter(|(_, f)| cfg_enabled(&f.attrs))
                .map(|(i, f)| FieldIr { name: i.to_string(), vis: lower_vis(&f.vis), ty: lower_ty(&f.ty) })
                .collect(),
        ),
    }
}

fn lower_named_fields<'a>(fields: impl Iterator<Item = &'a syn::Field>) -> FieldsIr {
    FieldsIr::Named(
        fields
            .filter(|f| cfg_enabled(&f.attrs))
            .map(|f| FieldIr {
                name: f.ident.as_ref().map(|i| i.to_string()).unwrap_or_default(),
                vis: lower_vis(&f.vis),
                ty: lower_ty(&f.ty),
            })
            .collect(),
    )
}

fn lower_generics(g: &syn::Generics) -> GenericsIr {
    let mut params = Vec::new();
    let mut where_ = Vec::new();
    for p in &g.params {
        match p {
            syn::GenericParam::Type(t) => params.push(GParamIr::Type {
                name: t.ident.to_string(),
                bounds: lower_bounds(t.bounds.iter()),
            }),
            syn::GenericParam::Const(c) => params.push(GParamIr::Const { name: c.ident.to_string(), ty: lower_ty(&c.ty) }),
            syn::GenericParam::Lifetime(_) => {}
        }
    }
    if let Some(w) = &g.where_clause {
        for pred in &w.predicates {
            if let syn::WherePredicate::Type(t) = pred {
                where_.push((lower_ty(&t.bounded_ty), lower_bounds(t.bounds.iter())));
            }
        }
    }
    GenericsIr { params, where_ }
}

fn lower_bounds<'a>(bounds: impl Iterator<Item = &'a syn::TypeParamBound>) -> Vec<BoundIr> {
    let mut out = Vec::new();
    for b in bounds {
        match b {
            syn::TypeParamBound::Trait(t) => out.push(BoundIr::Trait {
                maybe: matches!(t.modifier, syn::TraitBoundModifier::Maybe(_)),
                path: lower_path(&t.path),
            }),
            syn::TypeParamBound::Lifetime(_) => {}
            other => out.push(BoundIr::Other(tokens(other))),
        }
    }
    out
}

fn lower_sig(sig: &syn::Signature) -> SigIr {
    let mut receiver = None;
    let mut inputs = Vec::new();
    for arg in &sig.inputs {
        match arg {
            syn::FnArg::Receiver(r) => {
                receiver = Some(if r.colon_token.is_some() {
                    RecvIr::Typed(lower_ty(&r.ty))
                } else if r.reference.is_some() {
                    if r.mutability.is_some() {
                        RecvIr::RefMut
                    } else {
                        RecvIr::Ref
                    }
                } else {
                    RecvIr::Value
                });
            }
            syn::FnArg::Typed(t) => inputs.push(lower_ty(&t.ty)),
        }
    }
    SigIr {
        is_async: sig.asyncness.is_some(),
        is_unsafe: sig.unsafety.is_some(),
        generics: lower_generics(&sig.generics),
        receiver,
        inputs,
        output: match &sig.output {
            syn::ReturnType::Default => None,
            syn::ReturnType::Type(_, t) => Some(lower_ty(t)),
        },
    }
}

fn lower_seg(s: &syn::PathSegment) -> SegIr {
    let args = match &s.arguments {
        syn::PathArguments::None => ArgsIr::None,
        syn::PathArguments::AngleBracketed(a) => {
            let mut v = Vec::new();
            for ga in &a.args {
                match ga {
                    syn::GenericArgument::Lifetime(_) => {}
                    syn::GenericArgument::Type(t) => v.push(GenericArgIr::Type(lower_ty(t))),
                    syn::GenericArgument::AssocType(at) => v.push(GenericArgIr::Assoc(at.ident.to_string(), lower_ty(&at.ty))),
                    syn::GenericArgument::Constraint(c) => {
                        v.push(GenericArgIr::Constraint(c.ident.to_string(), lower_bounds(c.bounds.iter())))
                    }
                    other => v.push(GenericArgIr::Const(tokens(other))),
                }
            }
            if v.is_empty() {
                ArgsIr::None
            } else {
                ArgsIr::Angle(v)
            }
        }
        syn::PathArguments::Parenthesized(p) => ArgsIr::Paren(
            p.inputs.iter().map(lower_ty).collect(),
            match &p.output {
                syn::ReturnType::Default => None,
                syn::ReturnType::Type(_, t) => Some(Box::new(lower_ty(t))),
            },
        ),
    };
    SegIr { name: s.ident.to_string(), args }
}

pub fn lower_path(p: &syn::Path) -> PathIr {
    PathIr { global: p.leading_colon.is_some(), segs: p.segments.iter().map(lower_seg).collect() }
}

pub fn lower_ty(t: &syn::Type) -> TyIr {
    use syn::Type;
    match t {
        Type::Path(tp) => match &tp.qself {
            None => TyIr::Path(lower_path(&tp.path)),
            Some(q) => {
                let segs: Vec<SegIr> = tp.path.segments.iter().map(lower_seg).collect();
                let pos = q.position.min(segs.len());
                let trait_ = if pos > 0 {
                    Some(PathIr { global: tp.path.leading_colon.is_some(), segs: segs[..pos].to_vec() })
                } else {
                    None
                };
                TyIr::QPath { qself: Box::new(lower_ty(&q.ty)), trait_, rest: segs[pos..].to_vec() }
            }
        },
        Type::Reference(r) => TyIr::Ref { mutable: r.mutability.is_some(), inner: Box::new(lower_ty(&r.elem)) },
        Type::Ptr(p) => TyIr::Ptr { mutable: p.mutability.is_some(), inner: Box::new(lower_ty(&p.elem)) },
        Type::Slice(s) => TyIr::Slice(Box::new(lower_ty(&s.elem))),
        Type::Array(a) => TyIr::Array(Box::new(lower_ty(&a.elem)), tokens(&a.len)),
        Type::Tuple(t) => TyIr::Tuple(t.elems.iter().map(lower_ty).collect()),
        Type::ImplTrait(i) => TyIr::ImplTrait(lower_bounds(i.bounds.iter())),
        Type::TraitObject(d) => TyIr::Dyn(lower_bounds(d.bounds.iter())),
        Type::BareFn(f) => TyIr::FnPtr {
            inputs: f.inputs.iter().map(|a| lower_ty(&a.ty)).collect(),
            output: match &f.output {
                syn::ReturnType::Default => None,
                syn::ReturnType::Type(_, t) => Some(Box::new(lower_ty(t))),
            },
        },
        Type::Paren(p) => lower_ty(&p.elem),
        Type::Group(g) => lower_ty(&g.elem),
        Type::Never(_) => TyIr::Never,
        Type::Infer(_) => TyIr::Infer,
        other => TyIr::Other(tokens(other)),
    }
}
