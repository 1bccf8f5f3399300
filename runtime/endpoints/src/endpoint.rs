//! A resolved endpoint.

use std::collections::BTreeMap;

use crate::Value;

/// The endpoint a rule set resolved to: a URL, headers to add to the request, and properties
/// (for AWS, `authSchemes`: the signing name and region to use).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    url: String,
    headers: BTreeMap<String, Vec<String>>,
    properties: BTreeMap<String, Value>,
}

impl Endpoint {
    /// An endpoint with this URL, no headers and no properties.
    pub fn new(url: impl Into<String>) -> Self {
        Endpoint { url: url.into(), headers: BTreeMap::new(), properties: BTreeMap::new() }
    }

    /// Adds one value of header `name` (values of the same name keep their order).
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.entry(name.into()).or_default().push(value.into());
        self
    }

    /// Sets property `name`.
    pub fn with_property(mut self, name: impl Into<String>, value: Value) -> Self {
        self.properties.insert(name.into(), value);
        self
    }

    /// The URL (scheme, host, optional port and base path).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The headers, by name; each name has one or more values.
    pub fn headers(&self) -> &BTreeMap<String, Vec<String>> {
        &self.headers
    }

    /// The values of header `name`, if any.
    pub fn header(&self, name: &str) -> Option<&[String]> {
        self.headers.get(name).map(Vec::as_slice)
    }

    /// The properties, by name.
    pub fn properties(&self) -> &BTreeMap<String, Value> {
        &self.properties
    }

    /// Property `name`, if set.
    pub fn property(&self, name: &str) -> Option<&Value> {
        self.properties.get(name)
    }
}
