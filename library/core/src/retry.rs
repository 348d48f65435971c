//! The retry policy both pipelines use for the ML API and the database:
//! exponential, jittered and bounded; only transient errors are retried.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use backon::{ExponentialBuilder, Retryable};
use serde::{Deserialize, Serialize};

use crate::ports::PortError;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RetryPolicy {
    /// Delay before the first retry.
    pub initial_delay: Duration,
    /// Upper bound of any single delay.
    pub max_delay: Duration,
    /// Retries after the first attempt (0 = no retry).
    pub max_retries: u32,
    /// Randomize delays so clients do not retry in lockstep.
    pub jitter: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            initial_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(5),
            max_retries: 6,
            jitter: true,
        }
    }
}

impl RetryPolicy {
    pub fn none() -> Self {
        Self {
            max_retries: 0,
            ..Self::default()
        }
    }

    fn backoff(&self) -> ExponentialBuilder {
        let builder = ExponentialBuilder::default()
            .with_min_delay(self.initial_delay)
            .with_max_delay(self.max_delay)
            .with_factor(2.0)
            .with_max_times(self.max_retries as usize);
        if self.jitter {
            builder.with_jitter()
        } else {
            builder
        }
    }

    /// Runs `op` until it succeeds, fails with a non-transient error, or the
    /// retries are used up. Answers the result and the number of retries made.
    pub async fn run<T, F, Fut>(&self, what: &str, op: F) -> (Result<T, PortError>, u32)
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, PortError>>,
    {
        let retries = AtomicU32::new(0);
        let result = op
            .retry(self.backoff())
            .when(PortError::is_transient)
            .notify(|err: &PortError, delay: Duration| {
                let attempt = retries.fetch_add(1, Ordering::Relaxed) + 1;
                tracing::warn!(
                    operation = what,
                    attempt,
                    delay_ms = delay.as_millis() as u64,
                    error = %err,
                    "transient failure, retrying"
                );
            })
            .await;
        (result, retries.load(Ordering::Relaxed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    fn quick(max_retries: u32) -> RetryPolicy {
        RetryPolicy {
            initial_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(2),
            max_retries,
            jitter: true,
        }
    }

    #[tokio::test]
    async fn transient_errors_are_retried_until_success() {
        let calls = AtomicUsize::new(0);
        let (result, retries) = quick(5)
            .run("op", || async {
                if calls.fetch_add(1, Ordering::SeqCst) < 2 {
                    Err(PortError::transient("503"))
                } else {
                    Ok(7)
                }
            })
            .await;
        assert_eq!(result.expect("succeeds on third call"), 7);
        assert_eq!(retries, 2);
    }

    #[tokio::test]
    async fn permanent_and_fatal_errors_are_never_retried() {
        for err in [PortError::permanent("400"), PortError::fatal("401")] {
            let calls = AtomicUsize::new(0);
            let hint = err.hint;
            let mut err = Some(err);
            let (result, retries) = quick(5)
                .run("op", || {
                    calls.fetch_add(1, Ordering::SeqCst);
                    let e = err.take().unwrap_or_else(|| PortError::transient("again"));
                    async move { Err::<(), _>(e) }
                })
                .await;
            assert_eq!(result.expect_err("fails").hint, hint);
            assert_eq!((calls.load(Ordering::SeqCst), retries), (1, 0));
        }
    }

    #[tokio::test]
    async fn retries_are_bounded() {
        let calls = AtomicUsize::new(0);
        let (result, retries) = quick(3)
            .run("op", || async {
                calls.fetch_add(1, Ordering::SeqCst);
                Err::<(), _>(PortError::transient("down"))
            })
            .await;
        assert!(result.is_err());
        assert_eq!((calls.load(Ordering::SeqCst), retries), (4, 3));
    }
}
