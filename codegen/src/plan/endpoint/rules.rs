//! Rules, conditions and expressions of a rule set.

use serde_json::{Map, Value};

use crate::error::{Error, Result};

/// One rule: conditions, then an endpoint, an error or nested rules.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Conditions, all of which must hold (in order).
    pub conditions: Vec<Condition>,
    /// What the rule gives when they hold.
    pub kind: RuleKind,
    /// The rule's documentation.
    pub documentation: Option<String>,
}

/// What a rule gives.
#[derive(Debug, Clone)]
pub enum RuleKind {
    /// An endpoint.
    Endpoint(EndpointDef),
    /// An error with this message (a string expression).
    Error(Expr),
    /// Nested rules; a tree whose rules all fail is an error (no fall-through).
    Tree(Vec<Rule>),
}

/// A condition: a function call, its result optionally bound to a variable.
#[derive(Debug, Clone)]
pub struct Condition {
    /// The call.
    pub expr: Expr,
    /// The variable its value is bound to.
    pub assign: Option<String>,
}

/// An endpoint object.
#[derive(Debug, Clone)]
pub struct EndpointDef {
    /// The URL (a string expression).
    pub url: Expr,
    /// Headers, in the order written; each with one or more values.
    pub headers: Vec<(String, Vec<Expr>)>,
    /// Properties, in the order written.
    pub properties: Vec<(String, Property)>,
}

/// An endpoint property: a literal tree whose strings are templates.
#[derive(Debug, Clone)]
pub enum Property {
    /// A template string.
    String(Vec<TemplatePart>),
    /// A boolean.
    Bool(bool),
    /// An integer.
    Integer(i64),
    /// A list.
    Array(Vec<Property>),
    /// A map.
    Object(Vec<(String, Property)>),
}

/// An expression.
#[derive(Debug, Clone)]
pub enum Expr {
    /// A string (literal parts and `{name}` / `{name#path}` parts).
    Template(Vec<TemplatePart>),
    /// A boolean literal.
    Bool(bool),
    /// An integer literal.
    Integer(i64),
    /// A parameter or variable.
    Ref(String),
    /// `getAttr(value, path)`, also from the template shorthand `{name#path}`.
    GetAttr(Box<Expr>, Vec<PathPart>),
    /// Any other function call.
    Call(String, Vec<Expr>),
}

/// A part of a template string.
#[derive(Debug, Clone)]
pub enum TemplatePart {
    /// Literal text (`{{` and `}}` already unescaped).
    Literal(String),
    /// A value spliced in.
    Value(Expr),
}

/// A step of a `getAttr` path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathPart {
    /// A record field.
    Key(String),
    /// An array index (negative counts from the end).
    Index(i64),
}

impl Rule {
    /// Whether this rule (or a rule inside it) calls function `name`.
    pub fn calls(&self, name: &str) -> bool {
        self.conditions.iter().any(|c| c.expr.calls(name))
            || match &self.kind {
                RuleKind::Endpoint(e) => e.exprs().iter().any(|x| x.calls(name)),
                RuleKind::Error(e) => e.calls(name),
                RuleKind::Tree(rules) => rules.iter().any(|r| r.calls(name)),
            }
    }

    /// Whether this rule reads the parameter or variable `name` anywhere.
    pub fn mentions(&self, name: &str) -> bool {
        self.conditions.iter().any(|c| c.expr.mentions(name)) || self.kind_mentions(name)
    }

    /// Whether the rule's result (endpoint, error or nested rules) reads `name`.
    pub fn kind_mentions(&self, name: &str) -> bool {
        match &self.kind {
            RuleKind::Endpoint(e) => e.exprs().iter().any(|x| x.mentions(name)) || e.properties.iter().any(|(_, p)| p.mentions(name)),
            RuleKind::Error(e) => e.mentions(name),
            RuleKind::Tree(rules) => rules.iter().any(|r| r.mentions(name)),
        }
    }
}

impl EndpointDef {
    /// The URL and header expressions.
    fn exprs(&self) -> Vec<&Expr> {
        let mut v = vec![&self.url];
        v.extend(self.headers.iter().flat_map(|(_, vs)| vs));
        v
    }
}

impl Property {
    fn mentions(&self, name: &str) -> bool {
        match self {
            Property::String(parts) => parts.iter().any(|p| matches!(p, TemplatePart::Value(e) if e.mentions(name))),
            Property::Array(a) => a.iter().any(|p| p.mentions(name)),
            Property::Object(o) => o.iter().any(|(_, p)| p.mentions(name)),
            Property::Bool(_) | Property::Integer(_) => false,
        }
    }
}

impl Expr {
    /// Whether the expression calls function `name`.
    pub fn calls(&self, name: &str) -> bool {
        match self {
            Expr::Call(f, args) => f == name || args.iter().any(|a| a.calls(name)),
            Expr::GetAttr(e, _) => e.calls(name),
            Expr::Template(parts) => parts.iter().any(|p| matches!(p, TemplatePart::Value(e) if e.calls(name))),
            Expr::Bool(_) | Expr::Integer(_) | Expr::Ref(_) => false,
        }
    }

    /// Whether the expression reads parameter or variable `name`.
    pub fn mentions(&self, name: &str) -> bool {
        match self {
            Expr::Ref(r) => r == name,
            Expr::Call(_, args) => args.iter().any(|a| a.mentions(name)),
            Expr::GetAttr(e, _) => e.mentions(name),
            Expr::Template(parts) => parts.iter().any(|p| matches!(p, TemplatePart::Value(e) if e.mentions(name))),
            Expr::Bool(_) | Expr::Integer(_) => false,
        }
    }
}

/// Parses a list of rules; `at` names the place for messages.
pub fn parse_rules(v: &Value, at: &str) -> Result<Vec<Rule>> {
    let list = v.as_array().ok_or_else(|| Error::msg(format!("{at}: not an array")))?;
    if list.is_empty() {
        return Err(Error::msg(format!("{at}: a rule list must not be empty")));
    }
    list.iter().enumerate().map(|(i, r)| parse_rule(r, &format!("{at}[{i}]"))).collect()
}

fn parse_rule(v: &Value, at: &str) -> Result<Rule> {
    let err = |m: &str| Error::msg(format!("{at}: {m}"));
    let obj = v.as_object().ok_or_else(|| err("a rule is an object"))?;
    let conditions = match obj.get("conditions") {
        None => Vec::new(),
        Some(c) => c
            .as_array()
            .ok_or_else(|| err("`conditions` is not an array"))?
            .iter()
            .enumerate()
            .map(|(i, c)| parse_condition(c).map_err(|e| err(&format!("condition {i}: {}", e.message))))
            .collect::<Result<_>>()?,
    };
    let kind = match obj.get("type").and_then(Value::as_str) {
        Some("endpoint") => RuleKind::Endpoint(parse_endpoint(obj.get("endpoint").ok_or_else(|| err("`endpoint` is missing"))?).map_err(|e| err(&e.message))?),
        Some("error") => RuleKind::Error(parse_expr(obj.get("error").ok_or_else(|| err("`error` is missing"))?).map_err(|e| err(&e.message))?),
        Some("tree") => RuleKind::Tree(parse_rules(obj.get("rules").ok_or_else(|| err("`rules` is missing"))?, &format!("{at}.rules"))?),
        other => return Err(err(&format!("unknown rule type {other:?}"))),
    };
    Ok(Rule { conditions, kind, documentation: obj.get("documentation").and_then(Value::as_str).map(str::to_owned) })
}

fn parse_condition(v: &Value) -> Result<Condition> {
    let obj = v.as_object().ok_or_else(|| Error::msg("a condition is an object"))?;
    if !obj.contains_key("fn") {
        return Err(Error::msg("a condition has `fn` and `argv`"));
    }
    let assign = obj.get("assign").map(|a| a.as_str().map(str::to_owned).ok_or_else(|| Error::msg("`assign` is not a string"))).transpose()?;
    Ok(Condition { expr: parse_call(obj)?, assign })
}

fn parse_endpoint(v: &Value) -> Result<EndpointDef> {
    let obj = v.as_object().ok_or_else(|| Error::msg("`endpoint` is not an object"))?;
    let url = parse_expr(obj.get("url").ok_or_else(|| Error::msg("the endpoint has no `url`"))?)?;
    let mut headers = Vec::new();
    if let Some(h) = obj.get("headers") {
        for (name, values) in h.as_object().ok_or_else(|| Error::msg("`headers` is not an object"))? {
            let values = values.as_array().ok_or_else(|| Error::msg(format!("header `{name}`: not an array")))?;
            headers.push((name.clone(), values.iter().map(parse_expr).collect::<Result<_>>()?));
        }
    }
    let mut properties = Vec::new();
    if let Some(p) = obj.get("properties") {
        for (name, value) in p.as_object().ok_or_else(|| Error::msg("`properties` is not an object"))? {
            properties.push((name.clone(), parse_property(value).map_err(|e| Error::msg(format!("property `{name}`: {}", e.message)))?));
        }
    }
    Ok(EndpointDef { url, headers, properties })
}

fn parse_property(v: &Value) -> Result<Property> {
    Ok(match v {
        Value::String(s) => Property::String(parse_template(s)?),
        Value::Bool(b) => Property::Bool(*b),
        Value::Number(n) => Property::Integer(n.as_i64().ok_or_else(|| Error::msg(format!("{n} is not an integer")))?),
        Value::Array(a) => Property::Array(a.iter().map(parse_property).collect::<Result<_>>()?),
        Value::Object(o) => Property::Object(o.iter().map(|(k, v)| Ok((k.clone(), parse_property(v)?))).collect::<Result<_>>()?),
        Value::Null => return Err(Error::msg("null is not a property value")),
    })
}

/// Parses an argument or result expression.
pub fn parse_expr(v: &Value) -> Result<Expr> {
    match v {
        Value::String(s) => Ok(Expr::Template(parse_template(s)?)),
        Value::Bool(b) => Ok(Expr::Bool(*b)),
        Value::Number(n) => Ok(Expr::Integer(n.as_i64().ok_or_else(|| Error::msg(format!("{n} is not an integer")))?)),
        Value::Object(o) if o.contains_key("ref") => {
            Ok(Expr::Ref(o["ref"].as_str().ok_or_else(|| Error::msg("`ref` is not a string"))?.to_owned()))
        }
        Value::Object(o) if o.contains_key("fn") => parse_call(o),
        other => Err(Error::msg(format!("unsupported expression {other}"))),
    }
}

fn parse_call(obj: &Map<String, Value>) -> Result<Expr> {
    let name = obj.get("fn").and_then(Value::as_str).ok_or_else(|| Error::msg("`fn` is not a string"))?;
    let argv = obj.get("argv").and_then(Value::as_array).ok_or_else(|| Error::msg(format!("`{name}`: `argv` is missing or not an array")))?;
    let args: Vec<Expr> = argv.iter().map(parse_expr).collect::<Result<_>>().map_err(|e| Error::msg(format!("`{name}`: {}", e.message)))?;
    if name == "getAttr" {
        let [target, Expr::Template(path)] = args.as_slice() else {
            return Err(Error::msg("`getAttr` takes a value and a path string"));
        };
        let path = match path.as_slice() {
            [TemplatePart::Literal(p)] => p.clone(),
            _ => return Err(Error::msg("the path of `getAttr` is a literal string")),
        };
        return Ok(Expr::GetAttr(Box::new(target.clone()), parse_path(&path)?));
    }
    Ok(Expr::Call(name.to_owned(), args))
}

/// Parses a `getAttr` path: `a.b`, `a[1]`, `[0]`, `a.b[-1]`.
pub fn parse_path(path: &str) -> Result<Vec<PathPart>> {
    let bad = || Error::msg(format!("invalid getAttr path `{path}`"));
    let mut parts = Vec::new();
    for segment in path.split('.') {
        let (key, mut rest) = match segment.find('[') {
            Some(i) => segment.split_at(i),
            None => (segment, ""),
        };
        if !key.is_empty() {
            parts.push(PathPart::Key(key.to_owned()));
        } else if rest.is_empty() {
            return Err(bad());
        }
        while !rest.is_empty() {
            let inner = rest.strip_prefix('[').ok_or_else(bad)?;
            let close = inner.find(']').ok_or_else(bad)?;
            parts.push(PathPart::Index(inner[..close].parse().map_err(|_| bad())?));
            rest = &inner[close + 1..];
        }
    }
    Ok(parts)
}

/// Parses a template string: `{name}` and `{name#path}` parts, `{{` / `}}` escapes.
pub fn parse_template(s: &str) -> Result<Vec<TemplatePart>> {
    let bad = |m: &str| Error::msg(format!("template `{s}`: {m}"));
    let mut parts = Vec::new();
    let mut lit = String::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' if chars.peek().map(|p| p.1) == Some('{') => {
                chars.next();
                lit.push('{');
            }
            '}' if chars.peek().map(|p| p.1) == Some('}') => {
                chars.next();
                lit.push('}');
            }
            '{' => {
                let end = s[i + 1..].find('}').ok_or_else(|| bad("unclosed `{`"))? + i + 1;
                let inner = &s[i + 1..end];
                while chars.peek().is_some_and(|p| p.0 <= end) {
                    chars.next();
                }
                if !lit.is_empty() {
                    parts.push(TemplatePart::Literal(std::mem::take(&mut lit)));
                }
                let expr = match inner.split_once('#') {
                    Some((name, path)) => Expr::GetAttr(Box::new(Expr::Ref(name.to_owned())), parse_path(path)?),
                    None => Expr::Ref(inner.to_owned()),
                };
                if inner.is_empty() || inner.starts_with('#') {
                    return Err(bad("empty `{}`"));
                }
                parts.push(TemplatePart::Value(expr));
            }
            '}' => return Err(bad("unmatched `}`")),
            c => lit.push(c),
        }
    }
    if !lit.is_empty() || parts.is_empty() {
        parts.push(TemplatePart::Literal(lit));
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates() {
        let t = parse_template("https://{Region}.{P#dnsSuffix}/{{x}}").unwrap();
        assert_eq!(t.len(), 5);
        assert!(matches!(&t[0], TemplatePart::Literal(l) if l == "https://"));
        assert!(matches!(&t[3], TemplatePart::Value(Expr::GetAttr(_, p)) if p == &[PathPart::Key("dnsSuffix".into())]));
        assert!(matches!(&t[4], TemplatePart::Literal(l) if l == "/{x}"));
        assert!(parse_template("{oops").is_err());
        assert!(matches!(parse_template("").unwrap().as_slice(), [TemplatePart::Literal(l)] if l.is_empty()));
    }

    #[test]
    fn paths() {
        assert_eq!(parse_path("resourceId[1]").unwrap(), vec![PathPart::Key("resourceId".into()), PathPart::Index(1)]);
        assert_eq!(parse_path("[-1]").unwrap(), vec![PathPart::Index(-1)]);
        assert!(parse_path("a[x]").is_err());
        assert!(parse_path("").is_err());
    }
}
