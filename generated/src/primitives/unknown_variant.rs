//! The payload of a string enum's `Unknown` variant (the same whatever primitives the crate uses).

use std::fmt;

/// The value of a string enum's `Unknown` variant: a wire value this crate does not know.
///
/// Opaque on purpose: match on the enum's `as_str()` instead of on this value, so that code
/// keeps working when a later version of the crate learns the value.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnknownVariantValue(pub(crate) String);

impl UnknownVariantValue {
    /// Returns the value as sent on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownVariantValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::UnknownVariantValue;

    #[test]
    fn unknown_variant_value() {
        let value = UnknownVariantValue("NEW_VALUE".to_owned());
        assert_eq!(value.as_str(), "NEW_VALUE");
        assert_eq!(value.to_string(), "NEW_VALUE");
        assert!(value < UnknownVariantValue("OTHER".to_owned()));
    }
}
