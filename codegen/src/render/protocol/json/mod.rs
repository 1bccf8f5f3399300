//! What the JSON protocols (restJson1, awsJson1_0, awsJson1_1) share: the JSON impls of named
//! types (`shapes`), the per-member JSON rules (`values`) and the error side of responses
//! (`errors`). The few rules that differ between them are a [`JsonRules`] value.

pub mod errors;
pub mod request;
pub mod shapes;
pub mod values;

use crate::model::Member;

/// The JSON rules that differ between the JSON protocols.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonRules {
    /// Whether `@jsonName` renames members (restJson1 honours it, awsJson ignores it).
    pub json_name: bool,
}

impl JsonRules {
    /// restJson1's rules.
    pub const REST_JSON: JsonRules = JsonRules { json_name: true };
    /// awsJson1_0's and awsJson1_1's rules.
    pub const AWS_JSON: JsonRules = JsonRules { json_name: false };

    /// The JSON key of a member.
    pub fn key(self, member: &Member) -> String {
        match member.traits.json_name() {
            Some(name) if self.json_name => name.to_owned(),
            _ => member.name.clone(),
        }
    }
}
