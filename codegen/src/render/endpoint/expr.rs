//! Expressions of a rule set as typed Rust expressions.
//!
//! Every value has a static type ([`Ty`]); optional values (`Option`) are narrowed by the
//! conditions that test them (`isSet`, `assign`), exactly as the rules engine's type checker
//! requires, so the generated code never unwraps. Strings are borrowed where they can be
//! (`&str` from parameters, partitions and URLs) and owned where a function builds them.

use proc_macro2::{Ident, Literal as Lit, TokenStream};
use quote::{format_ident, quote};

use crate::error::{Error, Result};
use crate::plan::endpoint::{Expr, PathPart, TemplatePart};

/// The type of a rule-set value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Ty {
    Str,
    Bool,
    Int,
    StrArray,
    Partition,
    Url,
    Arn,
    Opt(Box<Ty>),
}

impl Ty {
    fn name(&self) -> String {
        match self {
            Ty::Str => "string".into(),
            Ty::Bool => "boolean".into(),
            Ty::Int => "integer".into(),
            Ty::StrArray => "array<string>".into(),
            Ty::Partition => "partition".into(),
            Ty::Url => "URL".into(),
            Ty::Arn => "ARN".into(),
            Ty::Opt(t) => format!("option<{}>", t.name()),
        }
    }
}

/// A compiled expression.
#[derive(Debug, Clone)]
pub(super) struct Val {
    pub ts: TokenStream,
    pub ty: Ty,
    /// Strings and arrays: an owned `String` / `Vec<String>` (or a reference to one), not a
    /// `&str` / `&[String]`. URLs and ARNs are always owned.
    pub owned: bool,
    /// A named variable (using it by value would move it).
    pub var: bool,
    /// A `'static` string literal.
    pub literal: bool,
    /// `a == b` or `!a`: needs parentheses inside another comparison.
    pub compound: bool,
    /// For booleans: the simplest form of the negation (`a != b` for `a == b`), for `not`.
    pub negation: Option<TokenStream>,
}

impl Val {
    fn new(ts: TokenStream, ty: Ty) -> Val {
        let owned = matches!(ty, Ty::Url | Ty::Arn);
        Val { ts, ty, owned, var: false, literal: false, compound: false, negation: None }
    }

    fn with_negation(mut self, negation: TokenStream) -> Val {
        self.negation = Some(negation);
        self
    }

    fn owned(mut self) -> Val {
        self.owned = true;
        self
    }
}

/// A name in scope: a parameter or an assigned variable.
#[derive(Debug, Clone)]
pub(super) struct Binding {
    pub name: String,
    pub ident: Ident,
    pub ty: Ty,
    pub owned: bool,
}

impl Binding {
    pub fn val(&self) -> Val {
        let ident = &self.ident;
        Val { ts: quote!(#ident), ty: self.ty.clone(), owned: self.owned, var: true, literal: false, compound: false, negation: None }
    }
}

/// The names in scope, innermost last.
pub(super) type Scope = Vec<Binding>;

pub(super) fn lookup<'s>(scope: &'s Scope, name: &str) -> Option<&'s Binding> {
    scope.iter().rev().find(|b| b.name == name)
}

/// The runtime crate's path.
pub(super) fn rt() -> TokenStream {
    quote!(::smithy_codegen_endpoints)
}

/// `&str` of a string value.
pub(super) fn as_str(v: &Val) -> TokenStream {
    let ts = &v.ts;
    if v.owned {
        quote!(#ts.as_str())
    } else {
        quote!(#ts)
    }
}

/// `&[String]` of an array value.
fn as_slice(v: &Val) -> TokenStream {
    let ts = &v.ts;
    if v.owned {
        quote!(#ts.as_slice())
    } else {
        quote!(#ts)
    }
}

/// An owned value of the same type (for `coalesce` and `ite`, whose branches must agree).
fn into_owned(v: &Val) -> TokenStream {
    let ts = &v.ts;
    let borrowed = !v.owned && matches!(strip_opt(&v.ty), Ty::Str | Ty::StrArray);
    match (&v.ty, borrowed) {
        (Ty::Opt(inner), true) if **inner == Ty::Str => quote!(#ts.map(str::to_owned)),
        (Ty::Opt(_), true) => quote!(#ts.map(<[String]>::to_vec)),
        (Ty::Str, true) => quote!(#ts.to_owned()),
        (_, true) => quote!(#ts.to_vec()),
        _ if v.var && (v.owned || matches!(strip_opt(&v.ty), Ty::Url | Ty::Arn)) => quote!(#ts.clone()),
        _ => quote!(#ts),
    }
}

fn strip_opt(t: &Ty) -> &Ty {
    match t {
        Ty::Opt(i) => i,
        t => t,
    }
}

/// Compiles expressions in a scope; records whether `aws.partition` is used.
pub(super) struct ExprCompiler {
    pub uses_partitions: std::cell::Cell<bool>,
    /// Names whose value the generated code reads (parameters without readers get no local).
    pub used: std::cell::RefCell<std::collections::BTreeSet<String>>,
}

impl ExprCompiler {
    pub fn new() -> Self {
        ExprCompiler { uses_partitions: std::cell::Cell::new(false), used: Default::default() }
    }

    /// Looks `name` up and records that it is read.
    pub fn read<'s>(&self, scope: &'s Scope, name: &str) -> Option<&'s Binding> {
        let b = lookup(scope, name)?;
        self.used.borrow_mut().insert(name.to_owned());
        Some(b)
    }
}

/// The identifier of a local: the Rust name, also avoiding the placeholder names clippy rejects
/// as bindings (`foo`, `baz`, `quux`).
pub(super) fn local_ident(rust: &str) -> Ident {
    if matches!(rust, "foo" | "baz" | "quux") {
        format_ident!("{rust}_")
    } else {
        format_ident!("{rust}")
    }
}

impl ExprCompiler {
    pub fn expr(&self, e: &Expr, scope: &Scope) -> Result<Val> {
        match e {
            Expr::Template(parts) => self.template(parts, scope),
            Expr::Bool(b) => Ok(Val::new(quote!(#b), Ty::Bool)),
            Expr::Integer(i) => {
                let l = Lit::i64_unsuffixed(*i);
                Ok(Val::new(quote!(#l), Ty::Int))
            }
            Expr::Ref(name) => self
                .read(scope, name)
                .map(Binding::val)
                .ok_or_else(|| Error::msg(format!("`{name}` is neither a parameter nor a variable in scope"))),
            Expr::GetAttr(target, path) => {
                let t = self.expr(target, scope)?;
                get_attr(t, path)
            }
            Expr::Call(name, args) => self.call(name, args, scope).map_err(|e| Error::msg(format!("`{name}`: {}", e.message))),
        }
    }

    /// A template: a literal, a single value, or the parts concatenated.
    pub fn template(&self, parts: &[TemplatePart], scope: &Scope) -> Result<Val> {
        let mut pieces = Vec::new();
        for p in parts {
            match p {
                TemplatePart::Literal(l) => pieces.push((quote!(#l), true)),
                TemplatePart::Value(e) => {
                    let v = self.expr(e, scope)?;
                    if v.ty != Ty::Str {
                        return Err(Error::msg(format!("a template part has type {}, not string (use `isSet` or `assign` first)", v.ty.name())));
                    }
                    if parts.len() == 1 {
                        return Ok(v);
                    }
                    pieces.push((as_str(&v), false));
                }
            }
        }
        if let [(lit, true)] = pieces.as_slice() {
            let mut v = Val::new(lit.clone(), Ty::Str);
            v.literal = true;
            return Ok(v);
        }
        let ts = pieces.iter().map(|(t, _)| t);
        Ok(Val::new(quote!([#(#ts),*].concat()), Ty::Str).owned())
    }

    /// A string-typed expression (templates, refs, calls) as a `Val` of type string.
    pub fn string(&self, e: &Expr, scope: &Scope, what: &str) -> Result<Val> {
        let v = self.expr(e, scope)?;
        if v.ty != Ty::Str {
            return Err(Error::msg(format!("{what} has type {}, not string", v.ty.name())));
        }
        Ok(v)
    }

    fn args(&self, args: &[Expr], scope: &Scope, want: &[Ty]) -> Result<Vec<Val>> {
        if args.len() != want.len() {
            return Err(Error::msg(format!("takes {} arguments, got {}", want.len(), args.len())));
        }
        args.iter()
            .zip(want)
            .enumerate()
            .map(|(i, (a, t))| {
                let v = self.expr(a, scope)?;
                if &v.ty != t {
                    return Err(Error::msg(format!("argument {} has type {}, expected {}", i + 1, v.ty.name(), t.name())));
                }
                Ok(v)
            })
            .collect()
    }

    fn call(&self, name: &str, args: &[Expr], scope: &Scope) -> Result<Val> {
        let rt = rt();
        let bool_arg = |v: &Val| {
            let ts = &v.ts;
            if v.compound {
                quote!((#ts))
            } else {
                quote!(#ts)
            }
        };
        Ok(match name {
            "isSet" => {
                let [a] = args else { return Err(Error::msg("takes 1 argument")) };
                let v = self.expr(a, scope)?;
                let ts = &v.ts;
                match v.ty {
                    Ty::Opt(_) => Val::new(quote!(#ts.is_some()), Ty::Bool).with_negation(quote!(#ts.is_none())),
                    _ => Val::new(quote!(true), Ty::Bool),
                }
            }
            "not" => {
                if let [Expr::Call(f, inner)] = args {
                    if f == "isSet" {
                        if let [a] = inner.as_slice() {
                            let v = self.expr(a, scope)?;
                            if matches!(v.ty, Ty::Opt(_)) {
                                let ts = &v.ts;
                                return Ok(Val::new(quote!(#ts.is_none()), Ty::Bool));
                            }
                        }
                    }
                }
                let [v] = self.args(args, scope, &[Ty::Bool])?.try_into().map_err(|_| Error::msg("takes 1 argument"))?;
                let inner = bool_arg(&v);
                let mut out = match &v.negation {
                    Some(n) => Val::new(n.clone(), Ty::Bool).with_negation(v.ts.clone()),
                    None => Val::new(quote!(!#inner), Ty::Bool).with_negation(v.ts.clone()),
                };
                out.compound = true;
                out
            }
            "booleanEquals" => {
                let [a, b] = self.args(args, scope, &[Ty::Bool, Ty::Bool])?.try_into().map_err(|_| Error::msg("takes 2 arguments"))?;
                let (la, lb) = (args_literal_bool(&a.ts), args_literal_bool(&b.ts));
                let (x, y, known) = match (la, lb) {
                    (_, Some(k)) => (a, b, Some(k)),
                    (Some(k), _) => (b, a, Some(k)),
                    _ => (a, b, None),
                };
                match known {
                    Some(true) => x,
                    Some(false) => {
                        let inner = bool_arg(&x);
                        let mut out = match &x.negation {
                            Some(n) => Val::new(n.clone(), Ty::Bool).with_negation(x.ts.clone()),
                            None => Val::new(quote!(!#inner), Ty::Bool).with_negation(x.ts.clone()),
                        };
                        out.compound = true;
                        out
                    }
                    None => {
                        let (l, r) = (bool_arg(&x), bool_arg(&y));
                        let mut out = Val::new(quote!(#l == #r), Ty::Bool).with_negation(quote!(#l != #r));
                        out.compound = true;
                        out
                    }
                }
            }
            "stringEquals" => {
                let [a, b] = self.args(args, scope, &[Ty::Str, Ty::Str])?.try_into().map_err(|_| Error::msg("takes 2 arguments"))?;
                // Comparing with "" reads better (and passes clippy) as `is_empty()`.
                let is_empty_lit = |v: &Val| v.literal && v.ts.to_string() == "\"\"";
                if is_empty_lit(&b) || is_empty_lit(&a) {
                    let x = if is_empty_lit(&b) { &a } else { &b };
                    let s = as_str(x);
                    return Ok(Val::new(quote!(#s.is_empty()), Ty::Bool));
                }
                let (l, r) = (as_str(&a), as_str(&b));
                let mut out = Val::new(quote!(#l == #r), Ty::Bool).with_negation(quote!(#l != #r));
                out.compound = true;
                out
            }
            "isValidHostLabel" => {
                let [s, b] = self.args(args, scope, &[Ty::Str, Ty::Bool])?.try_into().map_err(|_| Error::msg("takes 2 arguments"))?;
                let (s, b) = (as_str(&s), &b.ts);
                Val::new(quote!(#rt::is_valid_host_label(#s, #b)), Ty::Bool)
            }
            "aws.isVirtualHostableS3Bucket" => {
                let [s, b] = self.args(args, scope, &[Ty::Str, Ty::Bool])?.try_into().map_err(|_| Error::msg("takes 2 arguments"))?;
                let (s, b) = (as_str(&s), &b.ts);
                Val::new(quote!(#rt::is_virtual_hostable_s3_bucket(#s, #b)), Ty::Bool)
            }
            "parseURL" => {
                let [s] = self.args(args, scope, &[Ty::Str])?.try_into().map_err(|_| Error::msg("takes 1 argument"))?;
                let s = as_str(&s);
                Val::new(quote!(#rt::parse_url(#s)), Ty::Opt(Box::new(Ty::Url))).owned()
            }
            "aws.parseArn" => {
                let [s] = self.args(args, scope, &[Ty::Str])?.try_into().map_err(|_| Error::msg("takes 1 argument"))?;
                let s = as_str(&s);
                Val::new(quote!(#rt::parse_arn(#s)), Ty::Opt(Box::new(Ty::Arn))).owned()
            }
            "aws.partition" => {
                let [s] = self.args(args, scope, &[Ty::Str])?.try_into().map_err(|_| Error::msg("takes 1 argument"))?;
                self.uses_partitions.set(true);
                let s = as_str(&s);
                Val::new(quote!(partitions.resolve(#s)), Ty::Opt(Box::new(Ty::Partition)))
            }
            "uriEncode" => {
                let [s] = self.args(args, scope, &[Ty::Str])?.try_into().map_err(|_| Error::msg("takes 1 argument"))?;
                let s = as_str(&s);
                Val::new(quote!(#rt::uri_encode(#s)), Ty::Str).owned()
            }
            "substring" => {
                let [s, _, _, rev] =
                    self.args(args, scope, &[Ty::Str, Ty::Int, Ty::Int, Ty::Bool])?.try_into().map_err(|_| Error::msg("takes 4 arguments"))?;
                let (s, start, stop, rev) = (as_str(&s), usize_lit(&args[1])?, usize_lit(&args[2])?, &rev.ts);
                Val::new(quote!(#rt::substring(#s, #start, #stop, #rev)), Ty::Opt(Box::new(Ty::Str))).owned()
            }
            "split" => {
                let [s, d, limit] = self.args(args, scope, &[Ty::Str, Ty::Str, Ty::Int])?.try_into().map_err(|_| Error::msg("takes 3 arguments"))?;
                let (s, d, limit) = (as_str(&s), as_str(&d), &limit.ts);
                Val::new(quote!(#rt::split(#s, #d, #limit)), Ty::StrArray).owned()
            }
            "coalesce" => self.coalesce(args, scope)?,
            "ite" => {
                let [c, a, b] = args else { return Err(Error::msg("takes 3 arguments")) };
                let c = self.expr(c, scope)?;
                if c.ty != Ty::Bool {
                    return Err(Error::msg(format!("the condition has type {}, not boolean", c.ty.name())));
                }
                let (a, b) = (self.expr(a, scope)?, self.expr(b, scope)?);
                let (ty, a, b) = unify(&a, &b)?;
                let c = &c.ts;
                let owned = matches!(strip_opt(&ty), Ty::Str | Ty::StrArray | Ty::Url | Ty::Arn);
                let mut v = Val::new(quote!(#rt::ite(#c, #a, #b)), ty);
                v.owned = owned;
                v
            }
            other => return Err(Error::msg(format!("unknown function `{other}`"))),
        })
    }

    /// `coalesce(a, b, ...)`: the first set argument, else the last; optional only when every
    /// argument is.
    fn coalesce(&self, args: &[Expr], scope: &Scope) -> Result<Val> {
        if args.len() < 2 {
            return Err(Error::msg("takes at least 2 arguments"));
        }
        // Arguments after the first one that is never unset are never used: not compiled.
        let mut vals: Vec<Val> = Vec::new();
        for a in args {
            let v = self.expr(a, scope)?;
            let certain = !matches!(v.ty, Ty::Opt(_));
            vals.push(v);
            if certain {
                break;
            }
        }
        let inner = strip_opt(&vals[0].ty).clone();
        if vals.iter().any(|v| strip_opt(&v.ty) != &inner) {
            return Err(Error::msg("the arguments have different types"));
        }
        // Fold from the right: `a.or(rest)` while both are optional, `a.unwrap_or(rest)` once the
        // rest is certain; an argument that is never unset ends the chain.
        let last = vals.last().expect("two or more");
        let mut acc = into_owned(last);
        let mut acc_opt = matches!(last.ty, Ty::Opt(_));
        for v in vals[..vals.len() - 1].iter().rev() {
            let ts = into_owned(v);
            if !matches!(v.ty, Ty::Opt(_)) {
                acc = ts;
                acc_opt = false;
            } else if acc_opt {
                acc = quote!(#ts.or(#acc));
            } else {
                acc = quote!(#ts.unwrap_or(#acc));
            }
        }
        let ty = if acc_opt { Ty::Opt(Box::new(inner.clone())) } else { inner.clone() };
        let mut v = Val::new(acc, ty);
        v.owned = matches!(inner, Ty::Str | Ty::StrArray | Ty::Url | Ty::Arn);
        Ok(v)
    }
}

/// The two branches of `ite` as owned values of one type.
fn unify(a: &Val, b: &Val) -> Result<(Ty, TokenStream, TokenStream)> {
    if strip_opt(&a.ty) != strip_opt(&b.ty) {
        return Err(Error::msg(format!("the branches have types {} and {}", a.ty.name(), b.ty.name())));
    }
    let opt = matches!(a.ty, Ty::Opt(_)) || matches!(b.ty, Ty::Opt(_));
    let wrap = |v: &Val| {
        let ts = into_owned(v);
        if opt && !matches!(v.ty, Ty::Opt(_)) {
            quote!(Some(#ts))
        } else {
            ts
        }
    };
    let ty = if opt { Ty::Opt(Box::new(strip_opt(&a.ty).clone())) } else { a.ty.clone() };
    Ok((ty, wrap(a), wrap(b)))
}

fn args_literal_bool(ts: &TokenStream) -> Option<bool> {
    match ts.to_string().as_str() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

fn usize_lit(e: &Expr) -> Result<TokenStream> {
    match e {
        Expr::Integer(i) if *i >= 0 => {
            let l = Lit::u64_unsuffixed(*i as u64);
            Ok(quote!(#l))
        }
        _ => Err(Error::msg("positions are non-negative integer literals")),
    }
}

/// `getAttr(value, path)` on a typed value.
fn get_attr(mut v: Val, path: &[PathPart]) -> Result<Val> {
    for part in path {
        let ts = v.ts.clone();
        v = match (&v.ty, part) {
            (Ty::Partition, PathPart::Key(k)) => {
                let (field, ty) = match k.as_str() {
                    "name" => ("name", Ty::Str),
                    "dnsSuffix" => ("dns_suffix", Ty::Str),
                    "dualStackDnsSuffix" => ("dual_stack_dns_suffix", Ty::Str),
                    "supportsFIPS" => ("supports_fips", Ty::Bool),
                    "supportsDualStack" => ("supports_dual_stack", Ty::Bool),
                    "implicitGlobalRegion" => ("implicit_global_region", Ty::Str),
                    other => return Err(Error::msg(format!("a partition has no attribute `{other}`"))),
                };
                let f = format_ident!("{field}");
                Val::new(quote!(#ts.#f), ty)
            }
            (Ty::Url, PathPart::Key(k)) => {
                let (m, ty) = match k.as_str() {
                    "scheme" => ("scheme", Ty::Str),
                    "authority" => ("authority", Ty::Str),
                    "path" => ("path", Ty::Str),
                    "normalizedPath" => ("normalized_path", Ty::Str),
                    "isIp" => ("is_ip", Ty::Bool),
                    other => return Err(Error::msg(format!("a URL has no attribute `{other}`"))),
                };
                let m = format_ident!("{m}");
                Val::new(quote!(#ts.#m()), ty)
            }
            (Ty::Arn, PathPart::Key(k)) => {
                let (m, ty) = match k.as_str() {
                    "partition" => ("partition", Ty::Str),
                    "service" => ("service", Ty::Str),
                    "region" => ("region", Ty::Str),
                    "accountId" => ("account_id", Ty::Str),
                    "resourceId" => ("resource_id", Ty::StrArray),
                    other => return Err(Error::msg(format!("an ARN has no attribute `{other}`"))),
                };
                let m = format_ident!("{m}");
                Val::new(quote!(#ts.#m()), ty)
            }
            (Ty::StrArray, PathPart::Index(i)) => {
                let rt = rt();
                let slice = as_slice(&v);
                let i = Lit::i64_unsuffixed(*i);
                Val::new(quote!(#rt::element(#slice, #i)), Ty::Opt(Box::new(Ty::Str)))
            }
            (ty, part) => return Err(Error::msg(format!("getAttr: {part:?} does not apply to a value of type {}", ty.name()))),
        };
    }
    Ok(v)
}
