//! Errors of endpoint resolution.

use std::borrow::Cow;
use std::fmt;

/// Endpoint resolution failed: the rule set ended in an error rule (its message is shown as
/// is), or no rule matched the parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolveError {
    message: Cow<'static, str>,
}

impl ResolveError {
    /// An error with this message (an `error` rule's text).
    pub fn new(message: impl Into<Cow<'static, str>>) -> Self {
        ResolveError { message: message.into() }
    }

    /// Every rule of a list failed to match: the rule set does not cover these parameters.
    pub fn no_rules_matched() -> Self {
        ResolveError::new("No rules matched these parameters. This is a bug in the endpoint rule set.")
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ResolveError {}

/// Endpoint parameters could not be built: a required one is missing or a value is invalid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidParams {
    field: &'static str,
    problem: Option<&'static str>,
}

impl InvalidParams {
    /// Required parameter `field` (its Rust name) has no value and no default.
    pub fn missing(field: &'static str) -> Self {
        InvalidParams { field, problem: None }
    }

    /// Parameter `field` has a value that cannot be used, for the reason `message`.
    pub fn invalid_value(field: &'static str, message: &'static str) -> Self {
        InvalidParams { field, problem: Some(message) }
    }

    /// The parameter's Rust name.
    pub fn field(&self) -> &str {
        self.field
    }
}

impl fmt::Display for InvalidParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problem {
            None => write!(f, "a required field was missing: `{}`", self.field),
            Some(m) => write!(f, "invalid value for field: `{}` - {m}", self.field),
        }
    }
}

impl std::error::Error for InvalidParams {}
