//! The headers the AWS SDKs add to every attempt besides signing: invocation ID, attempt
//! information, user agent.

use std::fmt::Debug;

/// Where `amz-sdk-invocation-id` values come from: one per call, the same on every attempt.
pub trait InvocationIdGenerator: Debug + Send + Sync {
    /// A new invocation ID.
    fn generate(&self) -> String;
}

/// Random UUID v4 (the default).
#[derive(Debug, Clone, Copy, Default)]
pub struct RandomInvocationIds;

impl InvocationIdGenerator for RandomInvocationIds {
    fn generate(&self) -> String {
        uuid_v4(fastrand::u128(..))
    }
}

/// Formats 128 random bits as a lowercase UUID v4.
fn uuid_v4(bits: u128) -> String {
    let mut bytes = bits.to_be_bytes();
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

/// `amz-sdk-request`: `attempt=N; max=M`, N counting from 1.
pub(crate) fn attempt_info(attempt: u32, max_attempts: u32) -> String {
    format!("attempt={attempt}; max={max_attempts}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_has_version_and_variant() {
        let id = uuid_v4(u128::MAX);
        assert_eq!(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        let id = uuid_v4(0);
        assert_eq!(id, "00000000-0000-4000-8000-000000000000");
        assert_ne!(RandomInvocationIds.generate(), RandomInvocationIds.generate());
    }

    #[test]
    fn attempt_header() {
        assert_eq!(attempt_info(2, 3), "attempt=2; max=3");
    }
}
