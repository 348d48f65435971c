//! txclass adapters: the core's ports implemented for PostgreSQL
//! ([`postgres`]), Kafka ([`kafka`]), S3 ([`s3`]) and the ML API
//! ([`ml_client`]), each with the clap arguments that configure it.

pub mod kafka;
pub mod ml_client;
pub mod postgres;
pub mod s3;
#[cfg(feature = "testing")]
pub mod testing;

pub use kafka::{KafkaArgs, KafkaDeadLetterQueue, TopicArgs};
pub use ml_client::{MlApiArgs, MlApiClient, MlApiSettings};
pub use postgres::{DatabaseArgs, PostgresStore, SessionLimits};
pub use s3::{S3Args, S3ObjectStore, S3Settings};
