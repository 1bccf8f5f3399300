//! Absolute shape IDs (`namespace#Name` or `namespace#Name$member`).

use std::fmt;

/// An absolute shape ID. Ordering is by the full text, which keeps output deterministic.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShapeId(String);

impl ShapeId {
    /// Parses and checks an absolute shape ID; the error says what is wrong.
    pub fn parse(text: &str) -> Result<ShapeId, String> {
        let (ns, rest) = text
            .split_once('#')
            .ok_or_else(|| format!("`{text}` is not an absolute shape ID (`namespace#Name`)"))?;
        if ns.is_empty() || !ns.split('.').all(is_identifier) {
            return Err(format!("`{text}` has an invalid namespace `{ns}`"));
        }
        let (name, member) = match rest.split_once('$') {
            Some((n, m)) => (n, Some(m)),
            None => (rest, None),
        };
        if !is_identifier(name) {
            return Err(format!("`{text}` has an invalid shape name `{name}`"));
        }
        if let Some(m) = member {
            if !is_identifier(m) {
                return Err(format!("`{text}` has an invalid member name `{m}`"));
            }
        }
        Ok(ShapeId(text.to_owned()))
    }

    /// Builds `namespace#name` from parts already known to be valid.
    pub fn from_parts(namespace: &str, name: &str) -> ShapeId {
        ShapeId(format!("{namespace}#{name}"))
    }

    /// The full text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The namespace part.
    pub fn namespace(&self) -> &str {
        self.0.split_once('#').map(|(n, _)| n).unwrap_or("")
    }

    /// The shape name part (without any member).
    pub fn name(&self) -> &str {
        let rest = self.0.split_once('#').map(|(_, r)| r).unwrap_or(&self.0);
        rest.split_once('$').map(|(n, _)| n).unwrap_or(rest)
    }

    /// The member part, if this is a member ID.
    pub fn member(&self) -> Option<&str> {
        self.0.split_once('$').map(|(_, m)| m)
    }

    /// The ID of the shape that contains this member (or itself).
    pub fn root(&self) -> ShapeId {
        match self.0.split_once('$') {
            Some((r, _)) => ShapeId(r.to_owned()),
            None => self.clone(),
        }
    }

    /// The member ID `self$member`.
    pub fn with_member(&self, member: &str) -> ShapeId {
        ShapeId(format!("{}${member}", self.0))
    }
}

impl fmt::Display for ShapeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Smithy's identifier grammar (`model.rst`, `Identifier`), ASCII only:
///
/// ```text
/// Identifier      = IdentifierStart *IdentifierChars
/// IdentifierStart = (1*"_" (ALPHA / DIGIT)) / ALPHA
/// IdentifierChars = ALPHA / DIGIT / "_"
/// ```
///
/// So `Foo`, `_Foo` and `_1foo` are identifiers; `1foo`, `_` and `__` are not.
///
/// Everything that later becomes a file name or a Rust identifier passes through here, so a
/// hostile model cannot smuggle `/`, `..` or code into the output. (A name such as `_1foo` is
/// safe: `plan::naming` gives names that would start with a digit a leading `_`.)
pub fn is_identifier(s: &str) -> bool {
    let trimmed = s.trim_start_matches('_');
    let underscores = s.len() - trimmed.len();
    let mut chars = trimmed.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() => {}
        Some(c) if c.is_ascii_digit() && underscores > 0 => {}
        _ => return false,
    }
    chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_splits() {
        let id = ShapeId::parse("com.example#Foo$bar").unwrap();
        assert_eq!(id.namespace(), "com.example");
        assert_eq!(id.name(), "Foo");
        assert_eq!(id.member(), Some("bar"));
        assert_eq!(id.root().as_str(), "com.example#Foo");
    }

    #[test]
    fn rejects_bad_ids() {
        for bad in [
            "Foo", "#Foo", "a#", "a#../x", "a#Fo o", "a#Foo$", "a..b#C", "a#1Foo", "a#_", "a#__", "a#_-x", "a#Foo-1",
            "a#Foo.Bar", "a#_1/x", "a#Fé", "a#_1é", "a#_ 1", "1a#Foo", "a#Foo$1bar", "a#Foo$_",
        ] {
            assert!(ShapeId::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert!(ShapeId::parse("a.b_c#_Foo1").is_ok());
    }

    #[test]
    fn underscore_then_digit_starts_an_identifier() {
        // `IdentifierStart = (1*"_" (ALPHA / DIGIT)) / ALPHA`
        for good in ["_1foo", "__1", "_9", "_a", "a", "A_1", "__Foo_"] {
            assert!(is_identifier(good), "{good} should be an identifier");
        }
        for bad in ["1foo", "_", "__", "", "_1-x", "_1.x", "_1 x", "_1/x", "é", "_é", "a\u{300}"] {
            assert!(!is_identifier(bad), "{bad:?} should not be an identifier");
        }
        let id = ShapeId::parse("_1ns._2#_1foo$__3bar").unwrap();
        assert_eq!((id.namespace(), id.name(), id.member()), ("_1ns._2", "_1foo", Some("__3bar")));
    }
}
