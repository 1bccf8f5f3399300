//! The "standard" retry mode of the AWS SDKs: which failures are retried, how long to wait,
//! and the retry quota that stops retry storms.
//!
//! Numbers (from the SDKs' shared retry specification): attempts from the `RetryConfig`
//! (3 by default, counting the first); full-jitter exponential backoff
//! `rand[0,1) * min(initial * 2^(retry-1), max_backoff)`; a quota of 500 tokens per service and
//! region, shared by every client of this process, where a retry costs 5 tokens (10 after a
//! transient error or timeout), a first-attempt success gives 1 back and a success after
//! retries refunds what its last retry cost.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use aws_smithy_types::retry::RetryConfig;

/// Why a failed attempt may be retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryKind {
    /// The service asked the client to slow down.
    Throttling,
    /// A transient failure: 500/502/503/504, a timeout, a broken connection.
    Transient,
}

/// Error codes that mean "throttled", as the AWS SDKs list them.
const THROTTLING_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

/// Error codes that mean "try again", as the AWS SDKs list them.
const TRANSIENT_CODES: &[&str] = &["RequestTimeout", "RequestTimeoutException"];

/// HTTP statuses that are transient whatever the body says. A bare 429 is not among them: the
/// SDKs retry a 429 only for its error code.
const TRANSIENT_STATUSES: &[u16] = &[500, 502, 503, 504];

/// Classifies a service error response by its error code (as the operation's parser resolved
/// it) and HTTP status.
pub fn classify_response(code: Option<&str>, status: u16) -> Option<RetryKind> {
    if let Some(code) = code {
        if THROTTLING_CODES.contains(&code) {
            return Some(RetryKind::Throttling);
        }
        if TRANSIENT_CODES.contains(&code) {
            return Some(RetryKind::Transient);
        }
    }
    TRANSIENT_STATUSES.contains(&status).then_some(RetryKind::Transient)
}

/// The wait before retry number `retry` (1 for the first retry), given a random number in
/// `[0, 1)`.
pub fn backoff(config: &RetryConfig, retry: u32, random: f64) -> Duration {
    let exp = 2f64.powi(retry.saturating_sub(1).min(62) as i32);
    let ceiling = config.initial_backoff().as_secs_f64() * exp;
    let ceiling = ceiling.min(config.max_backoff().as_secs_f64());
    Duration::from_secs_f64(random * ceiling)
}

/// The cost of a retry after a failure of `kind`.
fn retry_cost(kind: RetryKind) -> u32 {
    match kind {
        RetryKind::Transient => TIMEOUT_RETRY_COST,
        RetryKind::Throttling => RETRY_COST,
    }
}

const RETRY_COST: u32 = 5;
const TIMEOUT_RETRY_COST: u32 = 10;
/// The quota's size, also its starting level.
pub const QUOTA_CAPACITY: u32 = 500;
const SUCCESS_REWARD: u32 = 1;

/// A retry quota (token bucket).
#[derive(Debug)]
pub struct RetryQuota {
    tokens: Mutex<u32>,
}

impl Default for RetryQuota {
    fn default() -> Self {
        RetryQuota { tokens: Mutex::new(QUOTA_CAPACITY) }
    }
}

impl RetryQuota {
    /// The quota shared by every client of `partition` (e.g. `connect-us-east-1`) in this process.
    pub fn for_partition(partition: &str) -> Arc<RetryQuota> {
        static QUOTAS: OnceLock<Mutex<HashMap<String, Arc<RetryQuota>>>> = OnceLock::new();
        let mut quotas = QUOTAS.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
        quotas.entry(partition.to_owned()).or_default().clone()
    }

    /// Tokens left.
    pub fn available(&self) -> u32 {
        *self.lock()
    }

    /// Takes the cost of a retry after `kind`; `None` (and nothing taken) when the quota cannot pay.
    pub fn acquire(&self, kind: RetryKind) -> Option<u32> {
        let cost = retry_cost(kind);
        let mut tokens = self.lock();
        if *tokens < cost {
            return None;
        }
        *tokens -= cost;
        Some(cost)
    }

    /// Records a success: refunds `last_cost` when the success came after retries, else rewards 1.
    pub fn release(&self, last_cost: Option<u32>) {
        let mut tokens = self.lock();
        *tokens = (*tokens + last_cost.unwrap_or(SUCCESS_REWARD)).min(QUOTA_CAPACITY);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, u32> {
        self.tokens.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification() {
        assert_eq!(classify_response(Some("ThrottlingException"), 429), Some(RetryKind::Throttling));
        assert_eq!(classify_response(Some("LimitExceededException"), 429), Some(RetryKind::Throttling));
        assert_eq!(classify_response(Some("RequestTimeout"), 400), Some(RetryKind::Transient));
        assert_eq!(classify_response(Some("InternalServiceException"), 500), Some(RetryKind::Transient));
        assert_eq!(classify_response(None, 503), Some(RetryKind::Transient));
        assert_eq!(classify_response(None, 429), None);
        assert_eq!(classify_response(Some("ResourceNotFoundException"), 404), None);
        assert_eq!(classify_response(Some("AccessDeniedException"), 403), None);
    }

    #[test]
    fn backoff_is_capped_full_jitter() {
        let c = RetryConfig::standard();
        assert_eq!(backoff(&c, 1, 0.0), Duration::ZERO);
        assert_eq!(backoff(&c, 1, 0.5), Duration::from_millis(500));
        assert_eq!(backoff(&c, 2, 0.5), Duration::from_secs(1));
        assert_eq!(backoff(&c, 3, 0.5), Duration::from_secs(2));
        assert_eq!(backoff(&c, 10, 0.5), Duration::from_secs(10)); // capped at 20 s
        assert_eq!(backoff(&c, 1000, 0.999), Duration::from_secs_f64(0.999 * 20.0));
    }

    #[test]
    fn quota_runs_dry_and_refills() {
        let q = RetryQuota::default();
        let mut retries = 0;
        while q.acquire(RetryKind::Transient).is_some() {
            retries += 1;
        }
        assert_eq!(retries, 50);
        assert_eq!(q.available(), 0);
        q.release(Some(10));
        assert_eq!(q.available(), 10);
        assert_eq!(q.acquire(RetryKind::Throttling), Some(5));
        q.release(None);
        assert_eq!(q.available(), 6);
        for _ in 0..1000 {
            q.release(None);
        }
        assert_eq!(q.available(), QUOTA_CAPACITY);
    }

    #[test]
    fn partitions_are_shared_by_name() {
        let a = RetryQuota::for_partition("svc-test-region-a");
        let b = RetryQuota::for_partition("svc-test-region-a");
        let c = RetryQuota::for_partition("svc-test-region-b");
        a.acquire(RetryKind::Throttling);
        assert_eq!(b.available(), QUOTA_CAPACITY - 5);
        assert_eq!(c.available(), QUOTA_CAPACITY);
    }
}
