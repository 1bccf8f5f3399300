//! The rule set's `smithy.rules#endpointTests` as unit tests of the generated resolver.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::Value;

use super::expr::rt;
use super::params::literal;
use crate::error::{Error, Result};
use crate::plan::endpoint::{Expectation, Literal, RuleSet, TestCase};

/// `tests.rs`: one `#[test] fn test_N` per case, numbered from 1 as smithy-rs numbers them.
pub(super) fn render(rs: &RuleSet, cases: &[TestCase]) -> Result<TokenStream> {
    let tests = cases
        .iter()
        .enumerate()
        .map(|(i, c)| one(rs, i + 1, c).map_err(|e| Error::msg(format!("test case {}: {}", i + 1, e.message))))
        .collect::<Result<Vec<_>>>()?;
    Ok(quote! {
        //! The service's endpoint test cases (`smithy.rules#endpointTests`).
        #(#tests)*
    })
}

fn one(rs: &RuleSet, n: usize, c: &TestCase) -> Result<TokenStream> {
    let rt = rt();
    let name = format_ident!("test_{n}");
    let doc = c.documentation.as_deref().unwrap_or("(no documentation)").replace('\n', " ");
    let doc = format!(" {doc}");
    let mut setters = Vec::new();
    for (pname, value) in &c.params {
        let p = rs.param(pname).ok_or_else(|| Error::msg(format!("unknown parameter `{pname}`")))?;
        let f = format_ident!("{}", p.rust);
        let v = match value {
            Literal::String(s) => quote!(#s),
            other => literal(other),
        };
        setters.push(quote!(.#f(#v)));
    }
    let expected = match &c.expect {
        Expectation::Error(msg) => quote!(Err(#msg.to_owned())),
        Expectation::Endpoint { url, headers, properties } => {
            let mut e = quote!(#rt::Endpoint::new(#url));
            for (h, values) in headers {
                for v in values {
                    e = quote!(#e.with_header(#h, #v));
                }
            }
            for (k, v) in properties {
                let v = value(v).map_err(|m| Error::msg(format!("property `{k}`: {}", m.message)))?;
                e = quote!(#e.with_property(#k, #v));
            }
            quote!(Ok(#e))
        }
    };
    Ok(quote! {
        #[doc = #doc]
        #[test]
        fn #name() {
            let params = super::Params::builder() #(#setters)* .build().expect("the test case's parameters are valid");
            let resolved = super::DefaultResolver::new().resolve(&params).map_err(|e| e.to_string());
            assert_eq!(resolved, #expected);
        }
    })
}

/// An expected property value.
fn value(v: &Value) -> Result<TokenStream> {
    let rt = rt();
    Ok(match v {
        Value::String(s) => quote!(#rt::Value::from(#s)),
        Value::Bool(b) => quote!(#rt::Value::Bool(#b)),
        Value::Number(n) => {
            let i = n.as_i64().ok_or_else(|| Error::msg(format!("{n} is not an integer")))?;
            let l = proc_macro2::Literal::i64_unsuffixed(i);
            quote!(#rt::Value::Integer(#l))
        }
        Value::Array(a) => {
            let items = a.iter().map(value).collect::<Result<Vec<_>>>()?;
            quote!(#rt::Value::Array(vec![#(#items),*]))
        }
        Value::Object(o) if o.is_empty() => quote!(#rt::Value::Object(::std::collections::BTreeMap::new())),
        Value::Object(o) => {
            let entries = o
                .iter()
                .map(|(k, v)| {
                    let v = value(v)?;
                    Ok(quote!((#k, #v)))
                })
                .collect::<Result<Vec<_>>>()?;
            quote!(#rt::Value::object([#(#entries),*]))
        }
        Value::Null => return Err(Error::msg("null is not a property value")),
    })
}
