//! The resolver function: rules as nested `if`s, in rule order.
//!
//! A rule becomes `if <conditions> { <result> }`; a condition that fails falls through to the
//! next rule. Consecutive boolean conditions share one `if a && b`; a condition on an optional
//! value becomes `if let Some(x) = ...`, which binds the `assign` variable (or narrows the
//! parameter an `isSet` tests) for the conditions after it and the rule's result. A tree rule
//! whose rules all fail ends in the "no rules matched" error, as does the rule list itself.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::expr::{as_str, lookup, rt, Binding, ExprCompiler, Scope, Ty, Val};
use crate::error::{Error, Result};
use crate::plan::endpoint::rules::Condition;
use crate::plan::endpoint::{rust_name, EndpointDef, Expr, Param, ParamType, Property, Rule, RuleKind, RuleSet};

/// The body of `internals.rs`: `resolve_endpoint(params, partitions?)`.
pub(super) fn render(rs: &RuleSet) -> Result<TokenStream> {
    let c = ExprCompiler::new();
    let mut scope = Scope::new();
    let mut inits = Vec::new();
    for p in &rs.params {
        let (b, init) = param_binding(p);
        inits.push((p.name.clone(), init));
        scope.push(b);
    }
    let (body, always) = rules(&c, &rs.rules, &scope)?;
    // Only the parameters the code reads get a local.
    let used = c.used.borrow();
    let bindings: Vec<TokenStream> = inits.into_iter().filter(|(n, _)| used.contains(n)).map(|(_, i)| i).collect();
    let rt = rt();
    let tail = (!always).then(|| quote!(Err(#rt::ResolveError::no_rules_matched())));
    let params_arg = if bindings.is_empty() { quote!(_params) } else { quote!(params) };
    let partitions_arg = c.uses_partitions.get().then(|| quote!(, partitions: &#rt::PartitionResolver));
    Ok(quote! {
        //! The endpoint rules as code, generated from the service's `smithy.rules#endpointRuleSet`.

        // Every rule ends in `return`, also the last one, so that rules read alike.
        #![allow(clippy::needless_return)]

        /// Evaluates the rule set for `params`.
        pub(super) fn resolve_endpoint(#params_arg: &super::Params #partitions_arg) -> ::std::result::Result<#rt::Endpoint, #rt::ResolveError> {
            #(#bindings)*
            #body
            #tail
        }
    })
}

/// A parameter as a local: borrowed, optional unless always set.
fn param_binding(p: &Param) -> (Binding, TokenStream) {
    let field = format_ident!("{}", p.rust);
    let ident = super::expr::local_ident(&p.rust);
    let (ty, init) = match (p.ty, p.always_set()) {
        (ParamType::String, false) => (Ty::Opt(Box::new(Ty::Str)), quote!(params.#field.as_deref())),
        (ParamType::String, true) => (Ty::Str, quote!(params.#field.as_str())),
        (ParamType::Boolean, false) => (Ty::Opt(Box::new(Ty::Bool)), quote!(params.#field)),
        (ParamType::Boolean, true) => (Ty::Bool, quote!(params.#field)),
        (ParamType::StringArray, false) => (Ty::Opt(Box::new(Ty::StrArray)), quote!(params.#field.as_deref())),
        (ParamType::StringArray, true) => (Ty::StrArray, quote!(params.#field.as_slice())),
    };
    let b = Binding { name: p.name.clone(), ident: ident.clone(), ty, owned: false };
    (b, quote!(let #ident = #init;))
}

/// A list of rules; `true` when the last one always returns (nothing after it is reachable).
fn rules(c: &ExprCompiler, rules: &[Rule], scope: &Scope) -> Result<(TokenStream, bool)> {
    let mut out = Vec::new();
    for (i, r) in rules.iter().enumerate() {
        let (ts, conditional) = conditions(c, r, 0, scope).map_err(|e| Error::msg(format!("rule {i}: {}", e.message)))?;
        out.push(ts);
        if !conditional {
            return Ok((quote!(#(#out)*), true));
        }
    }
    Ok((quote!(#(#out)*), false))
}

/// What one condition needs.
enum Step {
    /// A boolean test, no binding.
    Guard(TokenStream),
    /// A test that binds (or narrows) a name: the wrapper and the new scope.
    Bind(Box<dyn FnOnce(TokenStream) -> TokenStream>, Scope),
    /// Always holds; may bind a name.
    Always(Option<TokenStream>, Scope),
}

/// Conditions `i..` of `rule`, then its result; `true` when something can fail.
fn conditions(c: &ExprCompiler, rule: &Rule, i: usize, scope: &Scope) -> Result<(TokenStream, bool)> {
    let mut guards = Vec::new();
    let mut j = i;
    while j < rule.conditions.len() {
        match step(c, rule, j, scope).map_err(|e| Error::msg(format!("condition {j}: {}", e.message)))? {
            Step::Guard(g) => {
                guards.push(g);
                j += 1;
            }
            other => {
                let (inner, _) = if guards.is_empty() {
                    match other {
                        Step::Guard(_) => unreachable!("handled above"),
                        Step::Bind(wrap, s) => {
                            let (body, _) = conditions(c, rule, j + 1, &s)?;
                            return Ok((wrap(body), true));
                        }
                        Step::Always(stmt, s) => {
                            let (body, cond) = conditions(c, rule, j + 1, &s)?;
                            return Ok((quote!(#stmt #body), cond));
                        }
                    }
                } else {
                    // Test the guards first, then this condition inside.
                    conditions(c, rule, j, scope)?
                };
                return Ok((quote!(if #(#guards)&&* { #inner }), true));
            }
        }
    }
    let body = result(c, rule, scope)?;
    if guards.is_empty() {
        Ok((body, false))
    } else {
        Ok((quote!(if #(#guards)&&* { #body }), true))
    }
}

/// Whether conditions after `i` or the rule's result read `name`.
fn used_after(rule: &Rule, i: usize, name: &str) -> bool {
    rule.conditions[i + 1..].iter().any(|c| c.expr.mentions(name)) || rule.kind_mentions(name)
}

fn var_binding(name: &str, ty: Ty, owned: bool) -> (Ident, Binding) {
    let ident = super::expr::local_ident(&rust_name(name));
    (ident.clone(), Binding { name: name.to_owned(), ident, ty, owned })
}

fn step(c: &ExprCompiler, rule: &Rule, i: usize, scope: &Scope) -> Result<Step> {
    let Condition { expr, assign } = &rule.conditions[i];
    let assign_used = assign.as_deref().filter(|a| used_after(rule, i, a));
    if let Some(a) = assign {
        if lookup(scope, a).is_some() {
            return Err(Error::msg(format!("`{a}` is already defined")));
        }
    }
    // `isSet(x)` on an optional name narrows `x` for what follows.
    if let Expr::Call(f, args) = expr {
        if let (true, [Expr::Ref(name)]) = (f == "isSet", args.as_slice()) {
            if let Some(b) = c.read(scope, name) {
                if let (Ty::Opt(inner), true) = (&b.ty, used_after(rule, i, name)) {
                    let mut s = scope.clone();
                    let (ident, owned) = (b.ident.clone(), b.owned);
                    s.push(Binding { name: name.clone(), ident: ident.clone(), ty: (**inner).clone(), owned });
                    let assign_stmt = assign_used.map(|a| {
                        let (ai, ab) = var_binding(a, Ty::Bool, false);
                        s.push(ab);
                        quote!(let #ai = true;)
                    });
                    let scrutinee = if owned { quote!(&#ident) } else { quote!(#ident) };
                    return Ok(Step::Bind(Box::new(move |body| quote!(if let Some(#ident) = #scrutinee { #assign_stmt #body })), s));
                }
            }
        }
    }
    let v: Val = c.expr(expr, scope)?;
    let ts = v.ts.clone();
    let mut s = scope.clone();
    Ok(match (&v.ty, assign_used) {
        (Ty::Opt(inner), Some(a)) if **inner == Ty::Bool => {
            let (ai, ab) = var_binding(a, Ty::Bool, false);
            s.push(ab);
            Step::Bind(Box::new(move |body| quote!(if #ts == Some(true) { let #ai = true; #body })), s)
        }
        (Ty::Opt(inner), None) if **inner == Ty::Bool => Step::Guard(quote!(#ts == Some(true))),
        (Ty::Opt(inner), Some(a)) => {
            let (ai, ab) = var_binding(a, (**inner).clone(), v.owned);
            s.push(ab);
            let scrutinee = if v.var && v.owned { quote!(&#ts) } else { ts };
            Step::Bind(Box::new(move |body| quote!(if let Some(#ai) = #scrutinee { #body })), s)
        }
        (Ty::Opt(_), None) => Step::Guard(quote!(#ts.is_some())),
        (Ty::Bool, Some(a)) => {
            let (ai, ab) = var_binding(a, Ty::Bool, false);
            s.push(ab);
            Step::Bind(Box::new(move |body| quote!(if #ts { let #ai = true; #body })), s)
        }
        (Ty::Bool, None) => Step::Guard(ts),
        (ty, Some(a)) => {
            // Never unset, never false: the condition holds; bind the value.
            let (ai, ab) = var_binding(a, ty.clone(), v.owned);
            s.push(ab);
            if v.owned && v.var {
                Step::Always(Some(quote!(let #ai = &#ts;)), s)
            } else {
                Step::Always(Some(quote!(let #ai = #ts;)), s)
            }
        }
        (_, None) => Step::Always(None, s),
    })
}

/// The rule's result: `return Ok(endpoint)`, `return Err(error)`, or the nested rules.
fn result(c: &ExprCompiler, rule: &Rule, scope: &Scope) -> Result<TokenStream> {
    let rt = rt();
    Ok(match &rule.kind {
        RuleKind::Endpoint(e) => {
            let ep = endpoint(c, e, scope)?;
            quote!(return Ok(#ep);)
        }
        RuleKind::Error(msg) => {
            let v = c.string(msg, scope, "the error message")?;
            let m = if v.literal || (v.owned && !v.var) {
                v.ts
            } else {
                let s = as_str(&v);
                quote!(#s.to_owned())
            };
            quote!(return Err(#rt::ResolveError::new(#m));)
        }
        RuleKind::Tree(sub) => {
            let (body, always) = rules(c, sub, scope)?;
            let tail = (!always).then(|| quote!(return Err(#rt::ResolveError::no_rules_matched());));
            quote!(#body #tail)
        }
    })
}

fn endpoint(c: &ExprCompiler, e: &EndpointDef, scope: &Scope) -> Result<TokenStream> {
    let rt = rt();
    let url = c.string(&e.url, scope, "the endpoint URL")?;
    let url = owned_or_str(&url);
    let mut out = quote!(#rt::Endpoint::new(#url));
    for (name, values) in &e.headers {
        for v in values {
            let v = c.string(v, scope, &format!("header `{name}`"))?;
            let v = owned_or_str(&v);
            out = quote!(#out.with_header(#name, #v));
        }
    }
    for (name, p) in &e.properties {
        let v = property(c, p, scope).map_err(|e| Error::msg(format!("property `{name}`: {}", e.message)))?;
        out = quote!(#out.with_property(#name, #v));
    }
    Ok(out)
}

/// A string for an `impl Into<String>` parameter: a temporary `String` moves, anything else is
/// passed as `&str`.
fn owned_or_str(v: &Val) -> TokenStream {
    if v.owned && !v.var {
        v.ts.clone()
    } else {
        as_str(v)
    }
}

fn property(c: &ExprCompiler, p: &Property, scope: &Scope) -> Result<TokenStream> {
    let rt = rt();
    Ok(match p {
        Property::String(parts) => {
            let v = c.template(parts, scope)?;
            if v.ty != Ty::Str {
                return Err(Error::msg("a template is not a string"));
            }
            let s = owned_or_str(&v);
            quote!(#rt::Value::from(#s))
        }
        Property::Bool(b) => quote!(#rt::Value::Bool(#b)),
        Property::Integer(i) => {
            let l = proc_macro2::Literal::i64_unsuffixed(*i);
            quote!(#rt::Value::Integer(#l))
        }
        Property::Array(items) => {
            let items = items.iter().map(|i| property(c, i, scope)).collect::<Result<Vec<_>>>()?;
            quote!(#rt::Value::Array(vec![#(#items),*]))
        }
        Property::Object(entries) => {
            let entries = entries
                .iter()
                .map(|(k, v)| {
                    let v = property(c, v, scope)?;
                    Ok(quote!((#k, #v)))
                })
                .collect::<Result<Vec<_>>>()?;
            if entries.is_empty() {
                quote!(#rt::Value::Object(::std::collections::BTreeMap::new()))
            } else {
                quote!(#rt::Value::object([#(#entries),*]))
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::plan::endpoint::parse_rule_set;

    fn compile(rule_set: serde_json::Value) -> Result<String, String> {
        let rs = parse_rule_set(&rule_set).map_err(|e| e.message)?;
        super::render(&rs).map(|t| t.to_string()).map_err(|e| e.message)
    }

    fn with_rules(rules: serde_json::Value) -> serde_json::Value {
        serde_json::json!({
            "version": "1.0",
            "parameters": {
                "Region": {"type": "string", "documentation": "r"},
                "UseFIPS": {"type": "boolean", "required": true, "default": false, "documentation": "f"}
            },
            "rules": rules
        })
    }

    #[test]
    fn optional_values_must_be_narrowed() {
        let err = compile(with_rules(serde_json::json!([
            {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://{Region}.example.com"}}
        ])))
        .unwrap_err();
        assert!(err.contains("option<string>") && err.contains("isSet"), "{err}");
    }

    #[test]
    fn unknown_functions_and_attributes_are_errors() {
        let err = compile(with_rules(serde_json::json!([
            {"type": "error", "conditions": [{"fn": "nope", "argv": []}], "error": "x"}
        ])))
        .unwrap_err();
        assert!(err.contains("unknown function `nope`"), "{err}");
        let err = compile(with_rules(serde_json::json!([
            {"type": "error", "conditions": [
                {"fn": "isSet", "argv": [{"ref": "Region"}]},
                {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"},
                {"fn": "booleanEquals", "argv": [{"fn": "getAttr", "argv": [{"ref": "p"}, "nope"]}, true]}
            ], "error": "x"}
        ])))
        .unwrap_err();
        assert!(err.contains("a partition has no attribute `nope`"), "{err}");
    }

    #[test]
    fn narrowing_and_fall_through() {
        let code = compile(with_rules(serde_json::json!([
            {"type": "endpoint", "conditions": [
                {"fn": "isSet", "argv": [{"ref": "Region"}]},
                {"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]}
            ], "endpoint": {"url": "https://fips.{Region}.example.com"}},
            {"type": "error", "conditions": [], "error": "no region"}
        ])))
        .unwrap();
        let code = code.replace(' ', "");
        assert!(code.contains("ifletSome(region)=region{ifuse_fips{"), "{code}");
        assert!(code.contains("returnErr(::smithy_codegen_endpoints::ResolveError::new(\"noregion\"))"), "{code}");
        // The last rule always returns: no "no rules matched" tail.
        assert!(!code.contains("no_rules_matched"), "{code}");
    }
}
