//! Settings every program shares, as clap argument groups with the
//! environment fallbacks of DESIGN.md. Secrets never print.

use std::fmt;
use std::time::Duration;

use clap::Args;
use secrecy::SecretString;
use txclass_core::RetryPolicy;

use crate::ml_client::MlApiSettings;
use crate::s3::S3Settings;
use crate::telemetry::mask_url;

#[derive(Args, Clone)]
pub struct DatabaseArgs {
    /// PostgreSQL URL.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "postgres://postgres@127.0.0.1:5432/txclass"
    )]
    pub database_url: String,
    /// Largest number of database connections.
    #[arg(long, env = "DATABASE_MAX_CONNECTIONS", default_value_t = 8)]
    pub database_max_connections: u32,
}

impl fmt::Debug for DatabaseArgs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DatabaseArgs")
            .field("database_url", &mask_url(&self.database_url))
            .field("database_max_connections", &self.database_max_connections)
            .finish()
    }
}

#[derive(Args, Clone, Debug)]
pub struct KafkaArgs {
    /// Kafka bootstrap servers.
    #[arg(long, env = "KAFKA_BROKERS", default_value = "127.0.0.1:9092")]
    pub kafka_brokers: String,
    /// Dead-letter topic.
    #[arg(long, env = "KAFKA_DLQ_TOPIC", default_value = "failed-transactions")]
    pub dlq_topic: String,
}

#[derive(Args, Clone)]
pub struct S3Args {
    /// S3 endpoint (MinIO, s3s-fs, AWS).
    #[arg(long, env = "S3_ENDPOINT", default_value = "http://127.0.0.1:9000")]
    pub s3_endpoint: String,
    #[arg(long, env = "AWS_REGION", default_value = "us-east-1")]
    pub aws_region: String,
    #[arg(long, env = "AWS_ACCESS_KEY_ID", hide_env_values = true)]
    pub aws_access_key_id: Option<String>,
    #[arg(long, env = "AWS_SECRET_ACCESS_KEY", hide_env_values = true)]
    pub aws_secret_access_key: Option<String>,
}

impl S3Args {
    pub fn settings(&self) -> S3Settings {
        S3Settings {
            endpoint: Some(self.s3_endpoint.clone()).filter(|e| !e.is_empty()),
            region: self.aws_region.clone(),
            access_key_id: self.aws_access_key_id.clone(),
            secret_access_key: self.aws_secret_access_key.clone(),
        }
    }
}

impl fmt::Debug for S3Args {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("S3Args")
            .field("s3_endpoint", &self.s3_endpoint)
            .field("aws_region", &self.aws_region)
            .field("aws_access_key_id", &self.aws_access_key_id)
            .field(
                "aws_secret_access_key",
                &self.aws_secret_access_key.as_ref().map(|_| "***"),
            )
            .finish()
    }
}

#[derive(Args, Clone)]
pub struct MlApiArgs {
    /// ML classification API base URL.
    #[arg(long, env = "ML_API_URL", default_value = "http://127.0.0.1:8000")]
    pub ml_api_url: String,
    /// API key sent as `x-api-key`.
    #[arg(long, env = "ML_API_KEY", hide_env_values = true)]
    pub ml_api_key: Option<String>,
    /// Largest batch per predict request.
    #[arg(long, env = "ML_API_MAX_BATCH", default_value_t = 1000)]
    pub ml_api_max_batch: usize,
    /// Timeout of one predict request, in milliseconds.
    #[arg(long, env = "ML_API_TIMEOUT_MS", default_value_t = 10_000)]
    pub ml_api_timeout_ms: u64,
}

impl MlApiArgs {
    pub fn settings(&self) -> MlApiSettings {
        MlApiSettings {
            url: self.ml_api_url.clone(),
            api_key: self
                .ml_api_key
                .clone()
                .filter(|k| !k.is_empty())
                .map(SecretString::from),
            max_batch: self.ml_api_max_batch,
            timeout: Duration::from_millis(self.ml_api_timeout_ms),
            ..MlApiSettings::default()
        }
    }
}

impl fmt::Debug for MlApiArgs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MlApiArgs")
            .field("ml_api_url", &self.ml_api_url)
            .field("ml_api_key", &self.ml_api_key.as_ref().map(|_| "***"))
            .field("ml_api_max_batch", &self.ml_api_max_batch)
            .field("ml_api_timeout_ms", &self.ml_api_timeout_ms)
            .finish()
    }
}

#[derive(Args, Clone, Debug)]
pub struct RetryArgs {
    /// Retries of a failed ML API or database call (exponential backoff with jitter).
    #[arg(long, env = "RETRY_MAX", default_value_t = 6)]
    pub retry_max: u32,
    /// First retry delay, in milliseconds (doubles each retry).
    #[arg(long, env = "RETRY_INITIAL_MS", default_value_t = 200)]
    pub retry_initial_ms: u64,
    /// Longest retry delay, in milliseconds.
    #[arg(long, env = "RETRY_MAX_DELAY_MS", default_value_t = 10_000)]
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
