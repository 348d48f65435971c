//! The retry settings both pipelines take.

use std::time::Duration;

use clap::Args;
use txclass_core::RetryPolicy;

#[derive(Args, Clone, Debug)]
pub struct RetryArgs {
    /// Retries of a failed ML API or database call (exponential backoff with jitter).
    #[arg(long, env = "TXCLASS_RETRY_MAX", default_value_t = 6)]
    pub retry_max: u32,
    /// First retry delay, in milliseconds (doubles each retry).
    #[arg(long, env = "TXCLASS_RETRY_INITIAL_MS", default_value_t = 200)]
    pub retry_initial_ms: u64,
    /// Longest retry delay, in milliseconds.
    #[arg(long, env = "TXCLASS_RETRY_MAX_DELAY_MS", default_value_t = 10_000)]
    pub retry_max_delay_ms: u64,
}

impl RetryArgs {
    pub fn policy(&self) -> RetryPolicy {
        RetryPolicy {
            initial_delay: Duration::from_millis(self.retry_initial_ms),
            max_delay: Duration::from_millis(self.retry_max_delay_ms.max(self.retry_initial_ms)),
            max_retries: self.retry_max,
            jitter: true,
        }
    }
}
