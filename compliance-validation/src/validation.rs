//! Constraint validation: the checks behind every generated `validate()`.
//!
//! A generated `validate()` walks a value and reports each member that breaks a constraint of
//! the model (`@required`, `@length`, `@range`, `@pattern`, `@uniqueItems`, enum values), with
//! the member's JSON pointer (RFC 6901, member names as in the model) and the message an AWS
//! service puts in its `ValidationException`. Messages never contain a member's value (only
//! lengths, bounds, patterns and enum values from the model), so `@sensitive` data is never
//! printed; keys of sensitive maps are redacted in paths.

// Which checks a crate uses depends on its model.
#![allow(dead_code)]

use std::fmt;
use std::sync::OnceLock;

/// How a generated `validate_with` checks values (`validate()` uses the default).
///
/// The default checks every constraint of the model except enum membership: Smithy enums are
/// open (a service may add values after this crate was generated, and a client must be able to
/// send them), so values this crate does not know pass. [`closed_enums`](Self::closed_enums)
/// also rejects them, as a service built from the same model would.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ValidationOptions {
    closed_enums: bool,
}

impl ValidationOptions {
    /// The default options: every constraint, enums open.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether enum and intEnum values outside the model's set are violations.
    pub fn closed_enums(mut self, closed: bool) -> Self {
        self.closed_enums = closed;
        self
    }
}

/// One member that breaks a constraint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    path: String,
    message: String,
}

impl Violation {
    /// The JSON pointer of the member, e.g. `/list/0` (`""` for the value itself).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong, in the words of a `ValidationException` field, e.g. `Value with length 1
    /// at '/string' failed to satisfy constraint: Member must have length between 2 and 8, inclusive`.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// Every violation found in a value, in the order of the model's members.
///
/// Its `Display` is the message of the `ValidationException` a service would return, e.g.
/// `1 validation error detected. Value at '/string' failed to satisfy constraint: Member must
/// not be null`; with several violations, their messages are joined with `"; "`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    violations: Vec<Violation>,
}

impl ValidationError {
    /// The violations (never empty).
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.violations.len();
        write!(f, "{n} validation error{} detected. ", if n == 1 { "" } else { "s" })?;
        for (i, v) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            f.write_str(&v.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationError {}

/// The text that stands for a sensitive map key in a path.
const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// Walks a value: the current path and the violations found so far.
pub(crate) struct Validator<'o> {
    options: &'o ValidationOptions,
    path: String,
    found: Vec<Violation>,
}

/// Implemented by every type that generated code validates.
pub(crate) trait Validate {
    /// Checks `self` at the validator's current path.
    fn check(&self, v: &mut Validator<'_>);
}

/// Runs `check` on a fresh validator.
pub(crate) fn run(options: &ValidationOptions, check: impl FnOnce(&mut Validator<'_>)) -> Result<(), ValidationError> {
    let mut v = Validator { options, path: String::new(), found: Vec::new() };
    check(&mut v);
    if v.found.is_empty() {
        Ok(())
    } else {
        Err(ValidationError { violations: v.found })
    }
}

impl Validator<'_> {
    /// Whether enum values are checked.
    pub(crate) fn closed_enums(&self) -> bool {
        self.options.closed_enums
    }

    /// Appends a path segment (escaped as RFC 6901 says); returns the mark for [`Self::leave`].
    pub(crate) fn enter(&mut self, segment: &str) -> usize {
        let mark = self.path.len();
        self.path.push('/');
        for c in segment.chars() {
            match c {
                '~' => self.path.push_str("~0"),
                '/' => self.path.push_str("~1"),
                c => self.path.push(c),
            }
        }
        mark
    }

    /// Appends a list index.
    pub(crate) fn enter_index(&mut self, index: usize) -> usize {
        let mark = self.path.len();
        self.path.push('/');
        self.path.push_str(&index.to_string());
        mark
    }

    /// Appends a map key, redacted when the key shape is `@sensitive`.
    pub(crate) fn enter_key(&mut self, key: &str, sensitive: bool) -> usize {
        self.enter(if sensitive { REDACTED } else { key })
    }

    /// Goes back to the path at `mark`.
    pub(crate) fn leave(&mut self, mark: usize) {
        self.path.truncate(mark);
    }

    fn report(&mut self, value: &str, constraint: fmt::Arguments<'_>) {
        let message = format!("{value} at '{}' failed to satisfy constraint: Member must {constraint}", self.path);
        self.found.push(Violation { path: self.path.clone(), message });
    }

    /// `@required`: the member at the current path is absent.
    pub(crate) fn missing(&mut self) {
        self.report("Value", format_args!("not be null"));
    }

    /// `@length`: `len` (Unicode scalar values, bytes, items or entries) within `min..=max`.
    pub(crate) fn length(&mut self, len: usize, min: Option<u64>, max: Option<u64>) {
        let n = len as u64;
        if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
            let value = format!("Value with length {len}");
            match (min, max) {
                (Some(a), Some(b)) => self.report(&value, format_args!("have length between {a} and {b}, inclusive")),
                (Some(a), None) => self.report(&value, format_args!("have length greater than or equal to {a}")),
                (None, Some(b)) => self.report(&value, format_args!("have length less than or equal to {b}")),
                (None, None) => {}
            }
        }
    }

    /// `@range` on an integer: `value` within `min..=max`; `text` is the bounds as the model writes them.
    pub(crate) fn range_int(&mut self, value: i64, min: Option<i64>, max: Option<i64>, text: (&str, &str)) {
        if min.is_some_and(|m| value < m) || max.is_some_and(|m| value > m) {
            self.range_violation(min.is_some(), max.is_some(), text);
        }
    }

    /// `@range` on a float or double (compared in the member's own precision; NaN is out of any range).
    pub(crate) fn range_float(&mut self, value: f64, min: Option<f64>, max: Option<f64>, text: (&str, &str)) {
        let below = min.is_some_and(|m| value.is_nan() || value < m);
        let above = max.is_some_and(|m| value.is_nan() || value > m);
        if below || above {
            self.range_violation(min.is_some(), max.is_some(), text);
        }
    }

    /// `@range` on a big number, compared exactly as decimal text (a value that is not a
    /// plain decimal number is out of range).
    pub(crate) fn range_decimal(&mut self, value: &str, min: Option<&str>, max: Option<&str>) {
        let below = min.is_some_and(|m| decimal_cmp(value, m).map_or(true, |o| o.is_lt()));
        let above = max.is_some_and(|m| decimal_cmp(value, m).map_or(true, |o| o.is_gt()));
        if below || above {
            self.range_violation(min.is_some(), max.is_some(), (min.unwrap_or(""), max.unwrap_or("")));
        }
    }

    fn range_violation(&mut self, has_min: bool, has_max: bool, (a, b): (&str, &str)) {
        match (has_min, has_max) {
            (true, true) => self.report("Value", format_args!("be between {a} and {b}, inclusive")),
            (true, false) => self.report("Value", format_args!("be greater than or equal to {a}")),
            (false, true) => self.report("Value", format_args!("be less than or equal to {b}")),
            (false, false) => {}
        }
    }

    /// `@pattern`: `value` matches `pattern` somewhere (the pattern itself anchors, or not).
    pub(crate) fn pattern(&mut self, value: &str, pattern: &Pattern) {
        if !pattern.is_match(value) {
            self.report("Value", format_args!("satisfy regular expression pattern: {}", pattern.source));
        }
    }

    /// `@uniqueItems`: no two items are equal.
    pub(crate) fn unique<T: PartialEq>(&mut self, items: &[T]) {
        let duplicate = items.iter().enumerate().any(|(i, a)| items[i + 1..].contains(a));
        if duplicate {
            self.report("Value", format_args!("have unique values"));
        }
    }

    /// `@uniqueItems` on hashable items, in linear time.
    pub(crate) fn unique_hashed<T: std::hash::Hash + Eq>(&mut self, items: &[T]) {
        let mut seen = std::collections::HashSet::with_capacity(items.len());
        if !items.iter().all(|item| seen.insert(item)) {
            self.report("Value", format_args!("have unique values"));
        }
    }

    /// An enum value the model does not list (checked only with closed enums); `listed` is the
    /// model's values without `@internal` ones.
    pub(crate) fn enum_value(&mut self, known: bool, listed: &str) {
        if !known && self.options.closed_enums {
            self.report("Value", format_args!("satisfy enum value set: [{listed}]"));
        }
    }
}

/// A matcher compiled from a pattern.
pub(crate) type Matcher = Box<dyn Fn(&str) -> bool + Send + Sync>;

/// A `@pattern`, compiled on first use and then shared.
pub(crate) struct Pattern {
    /// The pattern as the model writes it (shown in messages).
    source: &'static str,
    compile: fn() -> Option<Matcher>,
    compiled: OnceLock<Option<Matcher>>,
}

impl Pattern {
    /// A pattern whose matcher `compile` builds; `None` (a pattern the engine rejects, which
    /// the generator rules out) makes every value a violation rather than a panic.
    pub(crate) const fn new(source: &'static str, compile: fn() -> Option<Matcher>) -> Self {
        Pattern { source, compile, compiled: OnceLock::new() }
    }

    fn is_match(&self, value: &str) -> bool {
        self.compiled.get_or_init(self.compile).as_ref().is_some_and(|m| m(value))
    }
}

/// Compares two decimal numbers written as text (`-12.50`, `3e2`), exactly.
fn decimal_cmp(a: &str, b: &str) -> Option<std::cmp::Ordering> {
    let (a, b) = (Decimal::parse(a)?, Decimal::parse(b)?);
    Some(a.cmp(&b))
}

/// A decimal as sign, digits without leading zeros, and the position of the decimal point.
#[derive(PartialEq, Eq)]
struct Decimal {
    negative: bool,
    digits: Vec<u8>,
    /// The value is `0.digits × 10^exponent`.
    exponent: i64,
}

impl Decimal {
    fn parse(text: &str) -> Option<Decimal> {
        let (negative, rest) = match text.as_bytes().first()? {
            b'-' => (true, &text[1..]),
            b'+' => (false, &text[1..]),
            _ => (false, text),
        };
        let (mantissa, exp) = match rest.find(['e', 'E']) {
            Some(i) => (&rest[..i], rest[i + 1..].parse::<i64>().ok()?),
            None => (rest, 0),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        if int.is_empty() && frac.is_empty() || !(int.bytes().chain(frac.bytes())).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let all: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
        let lead = all.iter().take_while(|d| **d == 0).count();
        let mut digits = all[lead..].to_vec();
        while digits.last() == Some(&0) {
            digits.pop();
        }
        if digits.is_empty() {
            return Some(Decimal { negative: false, digits, exponent: 0 });
        }
        let exponent = int.len() as i64 - lead as i64 + exp;
        Some(Decimal { negative, digits, exponent })
    }

    fn cmp_magnitude(&self, other: &Decimal) -> std::cmp::Ordering {
        match (self.digits.is_empty(), other.digits.is_empty()) {
            (true, true) => return std::cmp::Ordering::Equal,
            (true, false) => return std::cmp::Ordering::Less,
            (false, true) => return std::cmp::Ordering::Greater,
            _ => {}
        }
        self.exponent.cmp(&other.exponent).then_with(|| self.digits.cmp(&other.digits))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (self.negative, other.negative) {
            (false, true) => std::cmp::Ordering::Greater,
            (true, false) => std::cmp::Ordering::Less,
            (false, false) => self.cmp_magnitude(other),
            (true, true) => other.cmp_magnitude(self),
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_compare_exactly() {
        use std::cmp::Ordering::*;
        assert_eq!(decimal_cmp("10", "9.99"), Some(Greater));
        assert_eq!(decimal_cmp("-10", "-9.99"), Some(Less));
        assert_eq!(decimal_cmp("1.50", "1.5"), Some(Equal));
        assert_eq!(decimal_cmp("0.0", "-0"), Some(Equal));
        assert_eq!(decimal_cmp("123456789012345678901234567890", "123456789012345678901234567891"), Some(Less));
        assert_eq!(decimal_cmp("1e3", "999"), Some(Greater));
        assert_eq!(decimal_cmp("0.001", "0.01"), Some(Less));
        assert_eq!(decimal_cmp("abc", "1"), None);
    }

    #[test]
    fn messages_and_paths() {
        let options = ValidationOptions::new();
        let err = run(&options, |v| {
            let m = v.enter("a/b~c");
            v.length(1, Some(2), Some(8));
            v.leave(m);
            let m = v.enter("list");
            let i = v.enter_index(3);
            v.missing();
            v.leave(i);
            v.leave(m);
        })
        .unwrap_err();
        assert_eq!(err.violations()[0].path(), "/a~1b~0c");
        assert_eq!(err.violations()[1].path(), "/list/3");
        assert_eq!(
            err.to_string(),
            "2 validation errors detected. Value with length 1 at '/a~1b~0c' failed to satisfy constraint: \
             Member must have length between 2 and 8, inclusive; Value at '/list/3' failed to satisfy \
             constraint: Member must not be null"
        );
    }
}
