//! Error types shared by the generated code.
//!
//! - [`BuildError`]: a builder or request serializer rejected its input.
//! - [`SerializationError`]: a value cannot be written to the wire.
//! - [`UnknownVariantError`](crate::error::UnknownVariantError): a string is not a known enum value (`try_parse`).
//! - [`ErrorMetadata`] and [`ProvideErrorMetadata`]: the code, message and request ID of a
//!   service error.
//! - [`Unhandled`](crate::error::Unhandled): the payload of every operation error's catch-all variant.
//! - [`TryFromNumberError`]: a [`Number`](crate::primitives::Number) did not fit a type.

use crate::primitives::DateTimeFormatError;
use std::collections::HashMap;
use std::error::Error;
use std::fmt;

/// The extra key under which the request ID is stored (the key the AWS SDK uses, so code that
/// builds metadata with `custom` works with both).
const REQUEST_ID_KEY: &str = "aws_request_id";

/// A boxed error that can cross threads.
pub type BoxError = Box<dyn Error + Send + Sync + 'static>;

// ---------------------------------------------------------------------------------------------
// BuildError and SerializationError
// ---------------------------------------------------------------------------------------------

#[derive(Debug)]
enum BuildErrorKind {
    MissingField {
        field: &'static str,
        details: &'static str,
    },
    InvalidField {
        field: &'static str,
        details: String,
    },
    Serialization(SerializationError),
    Other(BoxError),
}

/// A builder or request serializer rejected its input.
///
/// For example, a required field was not set, or a value cannot be placed in an HTTP header.
#[derive(Debug)]
pub struct BuildError {
    kind: BuildErrorKind,
}

impl BuildError {
    /// A required field was not set.
    ///
    /// `Display` gives `{field} was missing: {details}`.
    pub fn missing_field(field: &'static str, details: &'static str) -> Self {
        BuildError {
            kind: BuildErrorKind::MissingField { field, details },
        }
    }

    /// A field holds a value that cannot be used.
    ///
    /// `Display` gives `invalid field in input: {field} (details: {details})`.
    pub fn invalid_field(field: &'static str, details: impl Into<String>) -> Self {
        BuildError {
            kind: BuildErrorKind::InvalidField {
                field,
                details: details.into(),
            },
        }
    }

    /// Any other failure while building the request; `source` becomes the error's source.
    pub fn other(source: impl Into<BoxError>) -> Self {
        BuildError {
            kind: BuildErrorKind::Other(source.into()),
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            BuildErrorKind::MissingField { field, details } => {
                write!(f, "{field} was missing: {details}")
            }
            BuildErrorKind::InvalidField { field, details } => {
                write!(f, "invalid field in input: {field} (details: {details})")
            }
            BuildErrorKind::Serialization(_) => f.write_str("failed to serialize input"),
            BuildErrorKind::Other(_) => f.write_str("error during request construction"),
        }
    }
}

impl Error for BuildError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match &self.kind {
            BuildErrorKind::Serialization(source) => Some(source),
            BuildErrorKind::Other(source) => Some(source.as_ref()),
            BuildErrorKind::MissingField { .. } | BuildErrorKind::InvalidField { .. } => None,
        }
    }
}

impl From<SerializationError> for BuildError {
    fn from(error: SerializationError) -> Self {
        BuildError {
            kind: BuildErrorKind::Serialization(error),
        }
    }
}

impl From<DateTimeFormatError> for BuildError {
    fn from(error: DateTimeFormatError) -> Self {
        SerializationError::from(error).into()
    }
}

#[derive(Debug)]
enum SerializationErrorKind {
    UnknownVariant { union: &'static str },
    DateTimeFormat(DateTimeFormatError),
}

/// A value cannot be written to the wire.
#[derive(Debug)]
pub struct SerializationError {
    kind: SerializationErrorKind,
}

impl SerializationError {
    /// The `Unknown` variant of the union named `union` cannot be sent.
    ///
    /// It only exists for values received from a newer service.
    pub fn unknown_variant(union: &'static str) -> Self {
        SerializationError {
            kind: SerializationErrorKind::UnknownVariant { union },
        }
    }
}

impl fmt::Display for SerializationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            SerializationErrorKind::UnknownVariant { union } => write!(
                f,
                "Cannot serialize `{union}::Unknown`. Unknown union variants cannot be \
                 serialized. This can occur when round-tripping a response from the server \
                 that was not recognized by the SDK. Consider upgrading to the latest version \
                 of the SDK."
            ),
            SerializationErrorKind::DateTimeFormat(_) => {
                f.write_str("failed to serialize timestamp")
            }
        }
    }
}

impl Error for SerializationError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match &self.kind {
            SerializationErrorKind::UnknownVariant { .. } => None,
            SerializationErrorKind::DateTimeFormat(source) => Some(source),
        }
    }
}

impl From<DateTimeFormatError> for SerializationError {
    fn from(error: DateTimeFormatError) -> Self {
        SerializationError {
            kind: SerializationErrorKind::DateTimeFormat(error),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// ErrorMetadata
// ---------------------------------------------------------------------------------------------

/// What the service said about an error: code, message, request ID and optional extras.
///
/// Every modeled error and [`Unhandled`](crate::error::Unhandled) carries one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorMetadata {
    code: Option<String>,
    message: Option<String>,
    extras: Option<HashMap<&'static str, String>>,
}

impl ErrorMetadata {
    /// Returns a builder.
    pub fn builder() -> ErrorMetadataBuilder {
        ErrorMetadataBuilder::default()
    }

    /// Turns the metadata back into a builder, to change some of it.
    pub fn into_builder(self) -> ErrorMetadataBuilder {
        ErrorMetadataBuilder { inner: self }
    }

    /// Returns the error code, e.g. `ResourceNotFoundException`.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// Returns the error message.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Returns the request ID the service assigned (`x-amzn-requestid`).
    pub fn request_id(&self) -> Option<&str> {
        self.extra(REQUEST_ID_KEY)
    }

    /// Returns an extra value stored with [`ErrorMetadataBuilder::custom`].
    pub fn extra(&self, key: &'static str) -> Option<&str> {
        self.extras.as_ref()?.get(key).map(String::as_str)
    }
}

impl fmt::Display for ErrorMetadata {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = f.debug_struct("Error");
        if let Some(code) = &self.code {
            out.field("code", code);
        }
        if let Some(message) = &self.message {
            out.field("message", message);
        }
        if let Some(request_id) = self.request_id() {
            out.field("request_id", &request_id);
        }
        if let Some(extras) = &self.extras {
            let mut extras: Vec<_> = extras.iter().collect();
            extras.sort();
            for (key, value) in extras.into_iter().filter(|(k, _)| **k != REQUEST_ID_KEY) {
                out.field(key, value);
            }
        }
        out.finish()
    }
}

impl Error for ErrorMetadata {}

/// Builder for [`ErrorMetadata`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorMetadataBuilder {
    inner: ErrorMetadata,
}

impl ErrorMetadataBuilder {
    /// Sets the error code.
    pub fn code(mut self, code: impl Into<String>) -> Self {
        self.inner.code = Some(code.into());
        self
    }

    /// Sets the error message.
    pub fn message(mut self, message: impl Into<String>) -> Self {
        self.inner.message = Some(message.into());
        self
    }

    /// Sets the request ID.
    pub fn request_id(self, request_id: impl Into<String>) -> Self {
        self.custom(REQUEST_ID_KEY, request_id)
    }

    /// Stores an extra value under `key`, read back with [`ErrorMetadata::extra`].
    pub fn custom(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.inner
            .extras
            .get_or_insert_with(HashMap::new)
            .insert(key, value.into());
        self
    }

    /// Builds the metadata.
    pub fn build(self) -> ErrorMetadata {
        self.inner
    }
}

/// Access to an error's [`ErrorMetadata`].
pub trait ProvideErrorMetadata {
    /// Returns the error's metadata.
    fn meta(&self) -> &ErrorMetadata;

    /// Returns the error code, if the service sent one.
    fn code(&self) -> Option<&str> {
        self.meta().code()
    }

    /// Returns the error message, if the service sent one.
    fn message(&self) -> Option<&str> {
        self.meta().message()
    }
}

impl ProvideErrorMetadata for ErrorMetadata {
    fn meta(&self) -> &ErrorMetadata {
        self
    }
}

/// Access to the request ID the service assigned to a request.
pub trait RequestId {
    /// Returns the request ID, if there is one.
    fn request_id(&self) -> Option<&str>;
}

impl RequestId for ErrorMetadata {
    fn request_id(&self) -> Option<&str> {
        self.extra(REQUEST_ID_KEY)
    }
}

// ---------------------------------------------------------------------------------------------
// TryFromNumberError
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
enum TryFromNumberErrorKind {
    OutOfRange(&'static str),
    FloatToInteger(f64),
    Lossy(&'static str),
}

/// A [`Number`](crate::primitives::Number) cannot be converted to the requested type without
/// loss.
#[derive(Clone, Debug, PartialEq)]
pub struct TryFromNumberError {
    kind: TryFromNumberErrorKind,
}

impl TryFromNumberError {
    pub(crate) fn out_of_range(target: &'static str) -> Self {
        TryFromNumberError {
            kind: TryFromNumberErrorKind::OutOfRange(target),
        }
    }

    pub(crate) fn float_to_integer(value: f64) -> Self {
        TryFromNumberError {
            kind: TryFromNumberErrorKind::FloatToInteger(value),
        }
    }

    pub(crate) fn lossy(target: &'static str) -> Self {
        TryFromNumberError {
            kind: TryFromNumberErrorKind::Lossy(target),
        }
    }
}

impl fmt::Display for TryFromNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            TryFromNumberErrorKind::OutOfRange(target) => {
                write!(f, "integer is out of range for `{target}`")
            }
            TryFromNumberErrorKind::FloatToInteger(value) => {
                write!(
                    f,
                    "cannot convert floating point number {value} into an integer"
                )
            }
            TryFromNumberErrorKind::Lossy(target) => {
                write!(f, "number cannot be represented exactly as `{target}`")
            }
        }
    }
}

impl Error for TryFromNumberError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Unhandled, UnknownVariantError};
    use crate::primitives::{DateTime, DateTimeFormat, Number};

    #[test]
    fn build_error_display_and_source() {
        let missing = BuildError::missing_field(
            "region",
            "region was not specified but it is required when building Distribution",
        );
        assert_eq!(
            missing.to_string(),
            "region was missing: region was not specified but it is required when building \
             Distribution"
        );
        assert!(missing.source().is_none());
        let invalid = BuildError::invalid_field("name", format!("bad {}", 1));
        assert_eq!(
            invalid.to_string(),
            "invalid field in input: name (details: bad 1)"
        );
        let other = BuildError::other("boom");
        assert_eq!(other.to_string(), "error during request construction");
        assert_eq!(other.source().unwrap().to_string(), "boom");
        let serialization = BuildError::from(SerializationError::unknown_variant("Shape"));
        assert_eq!(serialization.to_string(), "failed to serialize input");
        assert!(serialization
            .source()
            .unwrap()
            .to_string()
            .starts_with("Cannot serialize `Shape::Unknown`."));
    }

    #[test]
    fn date_time_format_errors_convert() {
        let format_error = DateTime::from_secs(i64::MAX)
            .fmt(DateTimeFormat::DateTime)
            .unwrap_err();
        let serialization = SerializationError::from(format_error.clone());
        assert_eq!(serialization.to_string(), "failed to serialize timestamp");
        assert_eq!(
            serialization.source().unwrap().to_string(),
            format_error.to_string()
        );
        let build = BuildError::from(format_error);
        assert!(build.source().unwrap().source().is_some());
    }

    #[test]
    fn unknown_variant_error() {
        let error = UnknownVariantError::new("NOPE");
        assert_eq!(error.to_string(), "unknown enum variant: 'NOPE'");
        let boxed: BoxError = Box::new(error);
        assert!(boxed.source().is_none());
    }

    #[test]
    fn error_metadata() {
        let meta = ErrorMetadata::builder()
            .code("ThrottlingException")
            .message("slow down")
            .request_id("req-1")
            .custom("host_id", "h")
            .build();
        assert_eq!(meta.code(), Some("ThrottlingException"));
        assert_eq!(meta.message(), Some("slow down"));
        assert_eq!(ErrorMetadata::request_id(&meta), Some("req-1"));
        assert_eq!(RequestId::request_id(&meta), Some("req-1"));
        assert_eq!(meta.extra("host_id"), Some("h"));
        assert_eq!(meta.extra("missing"), None);
        assert_eq!(
            ProvideErrorMetadata::code(&meta),
            Some("ThrottlingException")
        );
        assert_eq!(
            meta.to_string(),
            "Error { code: \"ThrottlingException\", message: \"slow down\", request_id: \
             \"req-1\", host_id: \"h\" }"
        );
        let changed = meta.clone().into_builder().message("other").build();
        assert_ne!(changed, meta);
        assert_eq!(changed.code(), meta.code());
        let empty = ErrorMetadata::default();
        assert_eq!(
            (empty.code(), empty.message(), empty.request_id()),
            (None, None, None)
        );
        assert_eq!(empty.to_string(), "Error");
    }

    #[test]
    fn unhandled() {
        let meta = ErrorMetadata::builder()
            .code("Boom")
            .message("it broke")
            .request_id("r")
            .build();
        let plain = Unhandled::new(meta.clone());
        assert_eq!(plain.to_string(), "unhandled error (Boom): it broke");
        assert!(plain.source().is_none());
        assert_eq!(plain.meta(), &meta);
        assert_eq!(plain.code(), Some("Boom"));
        assert_eq!(plain.message(), Some("it broke"));
        assert_eq!(plain.request_id(), Some("r"));
        let caused = Unhandled::with_source(ErrorMetadata::default(), "bad json");
        assert_eq!(caused.to_string(), "unhandled error");
        assert_eq!(caused.source().unwrap().to_string(), "bad json");
        let code_only = Unhandled::new(ErrorMetadata::builder().code("X").build());
        assert_eq!(code_only.to_string(), "unhandled error (X)");
        fn assert_send_sync<T: Send + Sync + 'static>() {}
        assert_send_sync::<Unhandled>();
        assert_send_sync::<BuildError>();
    }

    #[test]
    fn try_from_number_error_display() {
        assert_eq!(
            u8::try_from(Number::PosInt(300)).unwrap_err().to_string(),
            "integer is out of range for `u8`"
        );
        assert_eq!(
            i32::try_from(Number::Float(1.5)).unwrap_err().to_string(),
            "cannot convert floating point number 1.5 into an integer"
        );
        assert_eq!(
            f32::try_from(Number::Float(0.1)).unwrap_err().to_string(),
            "number cannot be represented exactly as `f32`"
        );
    }
}
