//! Error types that stay the crate's own whatever error metadata it uses: the catch-all
//! [`Unhandled`] payload of operation errors and [`UnknownVariantError`].

use super::{BoxError, ErrorMetadata, ProvideErrorMetadata, RequestId};
use std::error::Error;
use std::fmt;

// ---------------------------------------------------------------------------------------------
// UnknownVariantError
// ---------------------------------------------------------------------------------------------

/// A string is not one of an enum's known values.
///
/// Returned by the generated enums' `try_parse`; their `From<&str>` never fails and keeps
/// unknown values in the `Unknown` variant instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownVariantError {
    value: String,
}

impl UnknownVariantError {
    /// Creates the error for the rejected `value`.
    pub fn new(value: impl Into<String>) -> Self {
        UnknownVariantError {
            value: value.into(),
        }
    }
}

impl fmt::Display for UnknownVariantError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown enum variant: '{}'", self.value)
    }
}

impl Error for UnknownVariantError {}

// ---------------------------------------------------------------------------------------------
// Unhandled
// ---------------------------------------------------------------------------------------------

/// An error the operation does not model: an unknown error code, or a response that could not
/// be read.
///
/// This is the payload of every operation error enum's catch-all variant. Inspect it through
/// [`ProvideErrorMetadata`] (`code()`, `message()`) and [`Error::source`].
#[derive(Debug)]
pub struct Unhandled {
    meta: ErrorMetadata,
    source: Option<BoxError>,
    status: Option<u16>,
}

impl Unhandled {
    /// Creates an unhandled error from the service's error metadata alone.
    pub fn new(meta: ErrorMetadata) -> Self {
        Unhandled { meta, source: None, status: None }
    }

    /// Creates an unhandled error with an underlying cause, e.g. a JSON parse error.
    pub fn with_source(meta: ErrorMetadata, source: impl Into<BoxError>) -> Self {
        Unhandled {
            meta,
            source: Some(source.into()),
            status: None,
        }
    }

    /// Records the HTTP status of the response the error came from.
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// The HTTP status of the response, when the error came from one.
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// Returns the error's metadata.
    pub fn meta(&self) -> &ErrorMetadata {
        &self.meta
    }
}

/// Writes `unhandled error (CODE): MESSAGE`, leaving out the parts that are missing.
impl fmt::Display for Unhandled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unhandled error")?;
        match (self.meta.code(), self.status) {
            (Some(code), Some(status)) => write!(f, " ({code}, HTTP {status})")?,
            (Some(code), None) => write!(f, " ({code})")?,
            (None, Some(status)) => write!(f, " (HTTP {status})")?,
            (None, None) => {}
        }
        if let Some(message) = self.meta.message() {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}

impl Error for Unhandled {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match &self.source {
            Some(source) => Some(source.as_ref()),
            None => None,
        }
    }
}

impl ProvideErrorMetadata for Unhandled {
    fn meta(&self) -> &ErrorMetadata {
        &self.meta
    }
}

impl RequestId for Unhandled {
    fn request_id(&self) -> Option<&str> {
        self.meta.request_id()
    }
}

