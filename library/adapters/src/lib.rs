//! txclass adapters: the core's ports implemented for PostgreSQL
//! ([`postgres`]), Kafka ([`kafka`]), S3 ([`s3`]) and the ML API
//! ([`ml_client`]), plus logging ([`telemetry`]) and the pipeline metrics
//! ([`metrics`]) shared by the programs.

pub mod config;
pub mod http;
pub mod kafka;
pub mod metrics;
pub mod ml_client;
pub mod postgres;
pub mod s3;
pub mod telemetry;
#[cfg(feature = "testing")]
pub mod testing;

pub use kafka::KafkaDeadLetterQueue;
pub use ml_client::{MlApiClient, MlApiSettings};
pub use postgres::PostgresStore;
pub use s3::{S3ObjectStore, S3Settings};
