//! The one error type of the generator: every problem names the file, the shape and what is wrong.

use std::fmt;
use std::path::PathBuf;

/// A problem found while loading, validating, planning or writing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The file being read or written, when there is one.
    pub file: Option<PathBuf>,
    /// The shape (or member) ID the problem is about, when there is one.
    pub shape: Option<String>,
    /// What is wrong, in words.
    pub message: String,
}

impl Error {
    /// An error with only a message.
    pub fn msg(message: impl Into<String>) -> Self {
        Error { file: None, shape: None, message: message.into() }
    }

    /// An error about a shape.
    pub fn shape(shape: impl Into<String>, message: impl Into<String>) -> Self {
        Error { file: None, shape: Some(shape.into()), message: message.into() }
    }

    /// Attaches the file the error came from, unless it already names one.
    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Self {
        if self.file.is_none() {
            self.file = Some(file.into());
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}: ", file.display())?;
        }
        if let Some(shape) = &self.shape {
            write!(f, "shape `{shape}`: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Result alias used across the generator.
pub type Result<T, E = Error> = std::result::Result<T, E>;
