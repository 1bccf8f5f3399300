//! `smithy.rules#endpointTests`: the test cases of a rule set.

use serde_json::Value;

use super::{Literal, RuleSet};
use crate::error::{Error, Result};

/// One test case.
#[derive(Debug, Clone)]
pub struct TestCase {
    /// Its documentation.
    pub documentation: Option<String>,
    /// Parameter values by rule-set name (only parameters the rule set declares).
    pub params: Vec<(String, Literal)>,
    /// What resolution must give.
    pub expect: Expectation,
}

/// The expected outcome of a test case.
#[derive(Debug, Clone)]
pub enum Expectation {
    /// An error with exactly this message.
    Error(String),
    /// This endpoint.
    Endpoint {
        /// The URL.
        url: String,
        /// Headers and their values.
        headers: Vec<(String, Vec<String>)>,
        /// Properties (a JSON object).
        properties: serde_json::Map<String, Value>,
    },
}

/// Parses the trait value; parameters the rule set does not declare are skipped (as
/// smithy-rs does: they belong to other bindings), values of the wrong type are errors.
pub fn parse(doc: &Value, rule_set: &RuleSet) -> Result<Vec<TestCase>> {
    let cases = doc.get("testCases").and_then(Value::as_array).ok_or_else(|| Error::msg("`testCases` is missing or not an array"))?;
    cases.iter().enumerate().map(|(i, c)| parse_case(c, rule_set).map_err(|e| Error::msg(format!("test case {}: {}", i + 1, e.message)))).collect()
}

fn parse_case(c: &Value, rule_set: &RuleSet) -> Result<TestCase> {
    let mut params = Vec::new();
    if let Some(ps) = c.get("params") {
        for (name, v) in ps.as_object().ok_or_else(|| Error::msg("`params` is not an object"))? {
            let Some(p) = rule_set.param(name) else { continue };
            let lit = Literal::from_json(p.ty, v).ok_or_else(|| Error::msg(format!("parameter `{name}`: {v} does not have type {:?}", p.ty)))?;
            params.push((name.clone(), lit));
        }
    }
    let expect = c.get("expect").and_then(Value::as_object).ok_or_else(|| Error::msg("`expect` is missing"))?;
    let expect = if let Some(e) = expect.get("error") {
        Expectation::Error(e.as_str().ok_or_else(|| Error::msg("`expect.error` is not a string"))?.to_owned())
    } else if let Some(ep) = expect.get("endpoint") {
        let url = ep.get("url").and_then(Value::as_str).ok_or_else(|| Error::msg("`expect.endpoint.url` is missing"))?.to_owned();
        let mut headers = Vec::new();
        if let Some(h) = ep.get("headers").and_then(Value::as_object) {
            for (name, vs) in h {
                let vs = vs.as_array().ok_or_else(|| Error::msg(format!("header `{name}` is not an array")))?;
                let vs = vs.iter().map(|v| v.as_str().map(str::to_owned)).collect::<Option<Vec<_>>>();
                headers.push((name.clone(), vs.ok_or_else(|| Error::msg(format!("header `{name}` has a value that is not a string")))?));
            }
        }
        let properties = ep.get("properties").and_then(Value::as_object).cloned().unwrap_or_default();
        Expectation::Endpoint { url, headers, properties }
    } else {
        return Err(Error::msg("`expect` has neither `error` nor `endpoint`"));
    };
    Ok(TestCase { documentation: c.get("documentation").and_then(Value::as_str).map(str::to_owned), params, expect })
}
