//! A credentials cache: the SDK's identity cache is part of its own orchestrator, so a client
//! outside it must cache by itself, or every call would ask the provider (IMDS, STS, SSO...).
//!
//! Same rules as the SDK's lazy cache: credentials are refreshed 10 s before they expire, minus
//! a random jitter of up to 5 s; credentials without an expiry are kept 15 minutes; concurrent
//! callers wait for one shared refresh.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use aws_credential_types::provider::error::CredentialsError;
use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
use aws_credential_types::Credentials;
use aws_smithy_async::time::SharedTimeSource;

const REFRESH_BUFFER: Duration = Duration::from_secs(10);
const MAX_JITTER: Duration = Duration::from_secs(5);
const NO_EXPIRY_LIFETIME: Duration = Duration::from_secs(15 * 60);

/// Caches the credentials of a provider; cloning shares the cache.
#[derive(Clone)]
pub struct CredentialsCache {
    provider: SharedCredentialsProvider,
    time: SharedTimeSource,
    slot: Arc<tokio::sync::Mutex<Option<Cached>>>,
}

#[derive(Clone)]
struct Cached {
    credentials: Credentials,
    /// When to fetch new ones.
    refresh_at: SystemTime,
}

impl fmt::Debug for CredentialsCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CredentialsCache").field("provider", &self.provider).finish_non_exhaustive()
    }
}

impl CredentialsCache {
    /// A cache in front of `provider`, reading the time from `time`.
    pub fn new(provider: SharedCredentialsProvider, time: SharedTimeSource) -> Self {
        CredentialsCache { provider, time, slot: Arc::new(tokio::sync::Mutex::new(None)) }
    }

    /// Cached credentials, or fresh ones when they are about to expire.
    pub async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        // Holding the lock during the refresh makes concurrent callers share one refresh.
        let mut slot = self.slot.lock().await;
        let now = self.time.now();
        if let Some(cached) = slot.as_ref() {
            if now < cached.refresh_at {
                return Ok(cached.credentials.clone());
            }
        }
        let credentials = self.provider.provide_credentials().await?;
        let refresh_at = match credentials.expiry() {
            Some(expiry) => {
                let jitter = MAX_JITTER.mul_f64(fastrand::f64());
                expiry.checked_sub(REFRESH_BUFFER + jitter).unwrap_or(now)
            }
            None => now + NO_EXPIRY_LIFETIME,
        };
        *slot = Some(Cached { credentials: credentials.clone(), refresh_at });
        Ok(credentials)
    }
}
