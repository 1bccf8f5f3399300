//! The wire side of the crate: every operation implements [`Operation`], which turns an input
//! into an [`http::Request`] and an [`http::Response`] into the output or the operation's error.
//!
//! Nothing here sends requests: pair these functions with any HTTP client (and request
//! signing, for AWS services).

use crate::error::BuildError;

/// An operation of the service, with its wire format.
///
/// Each operation's unit struct (e.g. `operation::foo::Foo`) implements this trait.
pub trait Operation {
    /// The operation's input.
    type Input;
    /// The operation's output.
    type Output;
    /// The operation's error enum.
    type Error: std::error::Error + Send + Sync + 'static;
    /// The operation's name in the model.
    const NAME: &'static str;

    /// Builds the HTTP request for `input`, filling empty idempotency tokens from `tokens`.
    ///
    /// The URI holds the path and query only (no scheme or host); the body is the serialized
    /// payload. Missing required labels and invalid header values are errors, never panics.
    fn build_request_with(
        input: &Self::Input,
        tokens: &dyn IdempotencyTokenProvider,
    ) -> Result<http::Request<Vec<u8>>, BuildError>;

    /// The prefix the operation puts before the endpoint's host (its `@endpoint` host prefix,
    /// with `@hostLabel` members filled in), e.g. `foo.bar.`; empty for most operations.
    ///
    /// The HTTP client prepends it to the host it sends the request to.
    fn host_prefix(input: &Self::Input) -> Result<String, BuildError> {
        let _ = input;
        Ok(String::new())
    }

    /// Builds the HTTP request for `input`, filling empty idempotency tokens with random UUIDs.
    fn build_request(input: &Self::Input) -> Result<http::Request<Vec<u8>>, BuildError> {
        Self::build_request_with(input, &RandomTokens)
    }

    /// Parses a response from its status, headers and body bytes.
    fn parse_parts(
        status: u16,
        headers: &http::HeaderMap,
        body: &[u8],
    ) -> Result<Self::Output, Self::Error>;

    /// Parses a response whose body has been read into memory.
    fn parse_response<B: AsRef<[u8]>>(
        response: &http::Response<B>,
    ) -> Result<Self::Output, Self::Error> {
        Self::parse_parts(
            response.status().as_u16(),
            response.headers(),
            response.body().as_ref(),
        )
    }
}

/// Where idempotency tokens come from when the caller leaves an `@idempotencyToken` member empty.
pub trait IdempotencyTokenProvider {
    /// A fresh token.
    fn make_token(&self) -> String;
}

/// Random version-4 UUIDs, lowercase (the default).
///
/// The randomness comes from the standard library's per-process random hash keys mixed with a
/// counter and the clock: unique and unpredictable enough for idempotency, not for secrets.
#[derive(Debug, Clone, Copy, Default)]
pub struct RandomTokens;

impl IdempotencyTokenProvider for RandomTokens {
    fn make_token(&self) -> String {
        use std::hash::{BuildHasher, Hasher};
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or_default();
        let state = std::collections::hash_map::RandomState::new();
        let word = |salt: u64| {
            let mut h = state.build_hasher();
            h.write_u64(n);
            h.write_u64(nanos);
            h.write_u64(salt);
            h.finish()
        };
        let (hi, lo) = (word(1), word(2));
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&hi.to_be_bytes());
        bytes[8..].copy_from_slice(&lo.to_be_bytes());
        bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
        bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        )
    }
}

/// Always the same token: for tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixedToken(pub String);

impl IdempotencyTokenProvider for FixedToken {
    fn make_token(&self) -> String {
        self.0.clone()
    }
}

/// A fixed token, as the AWS SDK's `idempotency_token_provider("...")` takes it.
impl IdempotencyTokenProvider for &str {
    fn make_token(&self) -> String {
        (*self).to_owned()
    }
}

impl<F: Fn() -> String> IdempotencyTokenProvider for F {
    fn make_token(&self) -> String {
        self()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_tokens_are_v4_uuids_and_differ() {
        let a = RandomTokens.make_token();
        let b = RandomTokens.make_token();
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
        assert!(a
            .chars()
            .all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }

    #[test]
    fn fixed_and_closure_providers() {
        assert_eq!(FixedToken("t".into()).make_token(), "t");
        let f = || "x".to_owned();
        assert_eq!(f.make_token(), "x");
    }
}
