//! The endpoint rule set of a service (`smithy.rules#endpointRuleSet`) and its test cases
//! (`smithy.rules#endpointTests`), parsed into a typed tree with every Rust name decided.
//!
//! [`rules`] parses rules, conditions and expressions (templates included); [`cases`] parses
//! the test cases. The renderer (`render::endpoint`) turns the tree into Rust code.

pub mod cases;
pub mod rules;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::Shape;

pub use cases::{Expectation, TestCase};
pub use rules::{EndpointDef, Expr, PathPart, Property, Rule, RuleKind, TemplatePart};

/// The trait that holds the rule set.
pub const RULE_SET_TRAIT: &str = "smithy.rules#endpointRuleSet";
/// The trait that holds its test cases.
pub const TESTS_TRAIT: &str = "smithy.rules#endpointTests";

/// A parsed rule set.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// The rules-engine version it declares.
    pub version: String,
    /// Its parameters, in declaration order.
    pub params: Vec<Param>,
    /// The top-level rules.
    pub rules: Vec<Rule>,
}

/// A rule-set parameter.
#[derive(Debug, Clone)]
pub struct Param {
    /// The name in the rule set (`UseFIPS`).
    pub name: String,
    /// The Rust field and method name (`use_fips`).
    pub rust: String,
    /// Its type.
    pub ty: ParamType,
    /// Its built-in binding (`AWS::Region`), if any.
    pub built_in: Option<String>,
    /// Whether a value must be present (after the default is applied).
    pub required: bool,
    /// The default value.
    pub default: Option<Literal>,
    /// Documentation text.
    pub documentation: String,
    /// The deprecation message, when deprecated.
    pub deprecated: Option<String>,
}

impl Param {
    /// Whether resolution always has a value for it (required, so `build()` checked it).
    pub fn always_set(&self) -> bool {
        self.required || self.default.is_some()
    }
}

/// A parameter's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamType {
    /// `string`.
    String,
    /// `boolean`.
    Boolean,
    /// `stringArray`.
    StringArray,
}

/// A parameter value given in a default or a test case.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// A string.
    String(String),
    /// A boolean.
    Bool(bool),
    /// A list of strings.
    StringArray(Vec<String>),
}

impl Literal {
    /// Reads a value of type `ty` from JSON; `None` when it has another type.
    pub fn from_json(ty: ParamType, v: &Value) -> Option<Literal> {
        match (ty, v) {
            (ParamType::String, Value::String(s)) => Some(Literal::String(s.clone())),
            (ParamType::Boolean, Value::Bool(b)) => Some(Literal::Bool(*b)),
            (ParamType::StringArray, Value::Array(a)) => {
                a.iter().map(|x| x.as_str().map(str::to_owned)).collect::<Option<Vec<_>>>().map(Literal::StringArray)
            }
            _ => None,
        }
    }
}

/// The rule set and tests of one service, when it has a rule set.
#[derive(Debug, Clone)]
pub struct EndpointPlan {
    /// The rule set.
    pub rule_set: RuleSet,
    /// Its test cases (empty without `endpointTests`).
    pub tests: Vec<TestCase>,
    /// The partition data (`partitions.json`), when the rule set calls `aws.partition`.
    pub partitions: Option<Value>,
}

impl EndpointPlan {
    /// Reads the rule set and tests of `service`; `Ok(None)` when it has no rule set.
    /// `partitions` is the content of `partitions.json`; it is required when the rule set calls
    /// `aws.partition`.
    pub fn for_service(service: &Shape, partitions: Option<&Value>) -> Result<Option<EndpointPlan>> {
        let Some(doc) = service.traits.get(RULE_SET_TRAIT) else { return Ok(None) };
        let at = |e: Error| Error::shape(service.id.to_string(), format!("{RULE_SET_TRAIT}: {}", e.message));
        let rule_set = parse_rule_set(doc).map_err(at)?;
        let tests = match service.traits.get(TESTS_TRAIT) {
            Some(t) => cases::parse(t, &rule_set)
                .map_err(|e| Error::shape(service.id.to_string(), format!("{TESTS_TRAIT}: {}", e.message)))?,
            None => Vec::new(),
        };
        let partitions = if rule_set.calls("aws.partition") {
            let p = partitions.ok_or_else(|| {
                Error::shape(
                    service.id.to_string(),
                    "the endpoint rule set calls `aws.partition`, which needs the partition data \
                     (`endpoints/partitions.json` of the shared directory)",
                )
            })?;
            Some(p.clone())
        } else {
            None
        };
        Ok(Some(EndpointPlan { rule_set, tests, partitions }))
    }
}

impl RuleSet {
    /// Whether any rule calls function `name`.
    pub fn calls(&self, name: &str) -> bool {
        self.rules.iter().any(|r| r.calls(name))
    }

    /// The parameter named `name` in the rule set.
    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|p| p.name == name)
    }
}

/// Parses the document of `smithy.rules#endpointRuleSet`.
pub fn parse_rule_set(doc: &Value) -> Result<RuleSet> {
    let obj = doc.as_object().ok_or_else(|| Error::msg("the rule set is not an object"))?;
    let version = obj.get("version").and_then(Value::as_str).ok_or_else(|| Error::msg("`version` is missing or not a string"))?;
    let mut params = Vec::new();
    if let Some(ps) = obj.get("parameters") {
        let ps = ps.as_object().ok_or_else(|| Error::msg("`parameters` is not an object"))?;
        for (name, p) in ps {
            params.push(parse_param(name, p).map_err(|e| Error::msg(format!("parameter `{name}`: {}", e.message)))?);
        }
    }
    for (i, a) in params.iter().enumerate() {
        if let Some(b) = params[..i].iter().find(|b| b.rust == a.rust) {
            return Err(Error::msg(format!("parameters `{}` and `{}` have the same Rust name `{}`", b.name, a.name, a.rust)));
        }
    }
    let rules = obj.get("rules").ok_or_else(|| Error::msg("`rules` is missing"))?;
    let rules = rules::parse_rules(rules, "rules")?;
    Ok(RuleSet { version: version.to_owned(), params, rules })
}

fn parse_param(name: &str, p: &Value) -> Result<Param> {
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(Error::msg("a parameter name is a letter followed by letters and digits"));
    }
    let obj = p.as_object().ok_or_else(|| Error::msg("not an object"))?;
    let ty = match obj.get("type").and_then(Value::as_str).map(str::to_ascii_lowercase).as_deref() {
        Some("string") => ParamType::String,
        Some("boolean") => ParamType::Boolean,
        Some("stringarray") => ParamType::StringArray,
        other => return Err(Error::msg(format!("unsupported type {other:?} (expected string, boolean or stringArray)"))),
    };
    let default = match obj.get("default") {
        None | Some(Value::Null) => None,
        Some(v) => Some(Literal::from_json(ty, v).ok_or_else(|| Error::msg(format!("the default {v} does not have the parameter's type")))?),
    };
    let deprecated = obj.get("deprecated").map(|d| {
        let message = d.get("message").and_then(Value::as_str).unwrap_or("deprecated");
        match d.get("since").and_then(Value::as_str) {
            Some(s) => format!("{message} (since {s})"),
            None => message.to_owned(),
        }
    });
    Ok(Param {
        name: name.to_owned(),
        rust: rust_name(name),
        ty,
        built_in: obj.get("builtIn").and_then(Value::as_str).map(str::to_owned),
        required: obj.get("required").and_then(Value::as_bool).unwrap_or(false),
        default,
        documentation: obj.get("documentation").and_then(Value::as_str).unwrap_or_default().to_owned(),
        deprecated,
    })
}

/// The Rust name of a parameter or variable: smithy-rs's snake case (`UseFIPS` → `use_fips`),
/// with a trailing `_` for keywords and the names the generated resolver uses itself.
pub fn rust_name(name: &str) -> String {
    let snake = super::naming::snake_case(name);
    if super::naming::is_rust_keyword(&snake) || matches!(snake.as_str(), "params" | "partitions" | "out" | "self_" | "") {
        format!("{snake}_")
    } else {
        snake
    }
}
