//! Traits: kept as raw JSON nodes, with typed accessors for the ones the generator uses.
//!
//! Trait values that the generator depends on are checked once, in [`super::validate`], so the
//! accessors here can be infallible and renderers never see a malformed value.

use std::collections::BTreeMap;

use serde_json::Value;

/// Trait IDs the generator understands.
pub mod ids {
    #![allow(missing_docs)]
    pub const DOCUMENTATION: &str = "smithy.api#documentation";
    pub const REQUIRED: &str = "smithy.api#required";
    pub const DEFAULT: &str = "smithy.api#default";
    pub const ADDED_DEFAULT: &str = "smithy.api#addedDefault";
    pub const CLIENT_OPTIONAL: &str = "smithy.api#clientOptional";
    pub const SENSITIVE: &str = "smithy.api#sensitive";
    pub const DEPRECATED: &str = "smithy.api#deprecated";
    pub const ERROR: &str = "smithy.api#error";
    pub const HTTP_ERROR: &str = "smithy.api#httpError";
    pub const ENUM_VALUE: &str = "smithy.api#enumValue";
    pub const LEGACY_ENUM: &str = "smithy.api#enum";
    pub const SPARSE: &str = "smithy.api#sparse";
    pub const STREAMING: &str = "smithy.api#streaming";
    pub const IDEMPOTENCY_TOKEN: &str = "smithy.api#idempotencyToken";
    pub const INPUT: &str = "smithy.api#input";
    pub const OUTPUT: &str = "smithy.api#output";
    pub const UNIT_TYPE: &str = "smithy.api#unitType";
    pub const MIXIN: &str = "smithy.api#mixin";
    pub const TITLE: &str = "smithy.api#title";
    pub const HTTP: &str = "smithy.api#http";
    pub const HTTP_LABEL: &str = "smithy.api#httpLabel";
    pub const ENDPOINT: &str = "smithy.api#endpoint";
    pub const HOST_LABEL: &str = "smithy.api#hostLabel";
    pub const HTTP_QUERY: &str = "smithy.api#httpQuery";
    pub const HTTP_QUERY_PARAMS: &str = "smithy.api#httpQueryParams";
    pub const HTTP_HEADER: &str = "smithy.api#httpHeader";
    pub const HTTP_PREFIX_HEADERS: &str = "smithy.api#httpPrefixHeaders";
    pub const HTTP_PAYLOAD: &str = "smithy.api#httpPayload";
    pub const HTTP_RESPONSE_CODE: &str = "smithy.api#httpResponseCode";
    pub const JSON_NAME: &str = "smithy.api#jsonName";
    pub const TIMESTAMP_FORMAT: &str = "smithy.api#timestampFormat";
    pub const MEDIA_TYPE: &str = "smithy.api#mediaType";
    pub const AWS_SERVICE: &str = "aws.api#service";
    pub const REST_JSON1: &str = "aws.protocols#restJson1";
    pub const AWS_JSON1_0: &str = "aws.protocols#awsJson1_0";
    pub const AWS_JSON1_1: &str = "aws.protocols#awsJson1_1";
    pub const AWS_QUERY_COMPATIBLE: &str = "aws.protocols#awsQueryCompatible";
    pub const AWS_QUERY_ERROR: &str = "aws.protocols#awsQueryError";
}

/// The traits on a shape or member, by absolute trait ID.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Traits(pub BTreeMap<String, Value>);

/// A `@deprecated` trait's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deprecated {
    /// Why, and what to use instead.
    pub message: Option<String>,
    /// Since when.
    pub since: Option<String>,
}

/// An `@http` trait.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Http {
    /// The HTTP method.
    pub method: String,
    /// The URI pattern.
    pub uri: String,
    /// The success status code.
    pub code: u16,
}

/// The `@error` trait's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The caller's fault.
    Client,
    /// The service's fault.
    Server,
}

impl Traits {
    /// True when the trait is present.
    pub fn has(&self, id: &str) -> bool {
        self.0.contains_key(id)
    }

    /// The raw value of a trait.
    pub fn get(&self, id: &str) -> Option<&Value> {
        self.0.get(id)
    }

    /// Sets (or replaces) a trait.
    pub fn insert(&mut self, id: impl Into<String>, value: Value) {
        self.0.insert(id.into(), value);
    }

    fn str_of(&self, id: &str) -> Option<&str> {
        self.0.get(id).and_then(Value::as_str)
    }

    /// `@documentation`.
    pub fn documentation(&self) -> Option<&str> {
        self.str_of(ids::DOCUMENTATION)
    }

    /// `@required`.
    pub fn required(&self) -> bool {
        self.has(ids::REQUIRED)
    }

    /// `@default`, as a raw node (`Value::Null` means `@default(null)`).
    pub fn default_value(&self) -> Option<&Value> {
        self.get(ids::DEFAULT)
    }

    /// `@sensitive`.
    pub fn sensitive(&self) -> bool {
        self.has(ids::SENSITIVE)
    }

    /// `@deprecated`.
    pub fn deprecated(&self) -> Option<Deprecated> {
        let v = self.get(ids::DEPRECATED)?;
        let field = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
        Some(Deprecated { message: field("message"), since: field("since") })
    }

    /// `@error`.
    pub fn error(&self) -> Option<ErrorKind> {
        match self.str_of(ids::ERROR)? {
            "server" => Some(ErrorKind::Server),
            _ => Some(ErrorKind::Client),
        }
    }

    /// `@httpError`.
    pub fn http_error(&self) -> Option<u16> {
        self.get(ids::HTTP_ERROR).and_then(Value::as_u64).and_then(|c| u16::try_from(c).ok())
    }

    /// `@enumValue`, as a raw node (string for enums, integer for intEnums).
    pub fn enum_value(&self) -> Option<&Value> {
        self.get(ids::ENUM_VALUE)
    }

    /// `@sparse`.
    pub fn sparse(&self) -> bool {
        self.has(ids::SPARSE)
    }

    /// `@streaming`.
    pub fn streaming(&self) -> bool {
        self.has(ids::STREAMING)
    }

    /// `@idempotencyToken`.
    pub fn idempotency_token(&self) -> bool {
        self.has(ids::IDEMPOTENCY_TOKEN)
    }

    /// `@clientOptional`.
    pub fn client_optional(&self) -> bool {
        self.has(ids::CLIENT_OPTIONAL)
    }

    /// `@addedDefault`.
    pub fn added_default(&self) -> bool {
        self.has(ids::ADDED_DEFAULT)
    }

    /// `@http` (checked by validation).
    pub fn http(&self) -> Option<Http> {
        let v = self.get(ids::HTTP)?;
        Some(Http {
            method: v.get("method")?.as_str()?.to_owned(),
            uri: v.get("uri")?.as_str()?.to_owned(),
            code: v.get("code").and_then(Value::as_u64).and_then(|c| u16::try_from(c).ok()).unwrap_or(200),
        })
    }

    /// `@httpLabel`.
    pub fn http_label(&self) -> bool {
        self.has(ids::HTTP_LABEL)
    }

    /// `@httpQuery` name.
    pub fn http_query(&self) -> Option<&str> {
        self.str_of(ids::HTTP_QUERY)
    }

    /// `@httpQueryParams`.
    pub fn http_query_params(&self) -> bool {
        self.has(ids::HTTP_QUERY_PARAMS)
    }

    /// `@httpHeader` name.
    pub fn http_header(&self) -> Option<&str> {
        self.str_of(ids::HTTP_HEADER)
    }

    /// `@httpPrefixHeaders` prefix.
    pub fn http_prefix_headers(&self) -> Option<&str> {
        self.str_of(ids::HTTP_PREFIX_HEADERS)
    }

    /// `@httpPayload`.
    pub fn http_payload(&self) -> bool {
        self.has(ids::HTTP_PAYLOAD)
    }

    /// `@httpResponseCode`.
    pub fn http_response_code(&self) -> bool {
        self.has(ids::HTTP_RESPONSE_CODE)
    }

    /// `@jsonName`.
    pub fn json_name(&self) -> Option<&str> {
        self.str_of(ids::JSON_NAME)
    }

    /// `@timestampFormat`.
    pub fn timestamp_format(&self) -> Option<&str> {
        self.str_of(ids::TIMESTAMP_FORMAT)
    }

    /// `@mediaType`.
    pub fn media_type(&self) -> Option<&str> {
        self.str_of(ids::MEDIA_TYPE)
    }

    /// `@title`.
    pub fn title(&self) -> Option<&str> {
        self.str_of(ids::TITLE)
    }
}
