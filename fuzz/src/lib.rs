//! Shared helpers for the fuzz targets.
//!
//! Every target feeds bytes to `Operation::parse_parts` and then uses the result the way a
//! caller would (formatting it, walking the error chain), so a panic anywhere on that path
//! — parsing, `Display`, `Debug`, `source()` — is a crash.

use std::error::Error;
use std::fmt::Write as _;

include!(concat!(env!("OUT_DIR"), "/operations.rs"));

/// Uses a parse result as a caller would: formats it and walks the error chain.
pub fn exercise<T: std::fmt::Debug, E: Error>(result: Result<T, E>) {
    let mut sink = String::new();
    match result {
        Ok(output) => {
            let _ = write!(sink, "{output:?}");
        }
        Err(error) => {
            let _ = write!(sink, "{error} {error:?}");
            let mut source = error.source();
            let mut depth = 0;
            while let Some(inner) = source {
                let _ = write!(sink, "{inner}");
                source = inner.source();
                depth += 1;
                assert!(depth < 100, "error source chain does not end");
            }
        }
    }
    std::hint::black_box(sink);
}

/// Reads bytes from the front of the fuzzer's input.
pub struct Input<'a>(pub &'a [u8]);

impl<'a> Input<'a> {
    /// One byte (0 when exhausted).
    pub fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }

    /// A little-endian u16.
    pub fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.byte(), self.byte()])
    }

    /// Up to `len` bytes.
    pub fn take(&mut self, len: usize) -> &'a [u8] {
        let (head, rest) = self.0.split_at(len.min(self.0.len()));
        self.0 = rest;
        head
    }

    /// Whatever is left.
    pub fn rest(self) -> &'a [u8] {
        self.0
    }
}

/// Header names a response may carry that the parsers look at (plus one they do not).
pub const HEADER_NAMES: [&str; 6] = [
    "x-amzn-requestid",
    "x-amz-request-id",
    "x-amzn-errortype",
    "content-type",
    "retry-after",
    "x-unrelated",
];

/// Builds a status, headers and body from the input: 2 bytes of status, 1 byte of header
/// count, then per header 1 byte of name choice and 1 byte of length followed by the value;
/// the rest is the body. Header values that `http` rejects are left out.
pub fn response_parts(data: &[u8]) -> (u16, http::HeaderMap, &[u8]) {
    let mut input = Input(data);
    // Mostly plausible statuses, but any u16 (even < 100 or > 999) now and then.
    let raw = input.u16();
    let status = if raw & 0x8000 != 0 { raw } else { 100 + raw % 500 };
    let mut headers = http::HeaderMap::new();
    let count = input.byte() % 8;
    for _ in 0..count {
        let name = HEADER_NAMES[usize::from(input.byte()) % HEADER_NAMES.len()];
        let len = usize::from(input.byte());
        let value = input.take(len);
        if let Ok(value) = http::HeaderValue::from_bytes(value) {
            headers.append(name, value);
        }
    }
    (status, headers, input.rest())
}
