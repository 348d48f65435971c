//! The ports: what the core needs from the outside world. Adapters implement
//! them; every trait is object-safe so programs can pick one at run time.

use std::fmt;

use async_trait::async_trait;
use bytes_stream::ByteStream;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::lineage::{BatchId, Lineage, ProcessingType, RunId, SourceRef};
use crate::model::{Predict, PredictOutput, Transaction};
use crate::reason::{Reason, ReasonCode};
use crate::validate::RawTransaction;

/// What to do about a failed call to a port.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryHint {
    /// Try again with backoff: timeouts, 5xx, 429, lost connections.
    Transient,
    /// The input itself is refused: dead-letter the records, never retry.
    Permanent,
    /// Configuration or authorization is wrong: stop the pipeline.
    Fatal,
}

/// A port's failure with its retry hint.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct PortError {
    pub hint: RetryHint,
    pub message: String,
    #[source]
    pub source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl PortError {
    pub fn transient(message: impl Into<String>) -> Self {
        Self::new(RetryHint::Transient, message)
    }
    pub fn permanent(message: impl Into<String>) -> Self {
        Self::new(RetryHint::Permanent, message)
    }
    pub fn fatal(message: impl Into<String>) -> Self {
        Self::new(RetryHint::Fatal, message)
    }
    pub fn new(hint: RetryHint, message: impl Into<String>) -> Self {
        Self {
            hint,
            message: message.into(),
            source: None,
        }
    }
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }
    pub fn is_transient(&self) -> bool {
        self.hint == RetryHint::Transient
    }
}

/// The pipeline stage at which a record failed (DLQ header `error.stage`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Parse,
    Validate,
    Classify,
    Persist,
}

impl Stage {
    pub const ALL: [Stage; 4] = [
        Stage::Parse,
        Stage::Validate,
        Stage::Classify,
        Stage::Persist,
    ];
    pub const fn as_str(self) -> &'static str {
        match self {
            Stage::Parse => "parse",
            Stage::Validate => "validate",
            Stage::Classify => "classify",
            Stage::Persist => "persist",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One record as a source delivers it: the original bytes (kept for the
/// dead-letter topic), where it came from, and the parsed raw fields or the
/// reason it could not be parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRecord {
    pub payload: Vec<u8>,
    pub source: SourceRef,
    pub parsed: Result<RawTransaction, Reason>,
}

impl SourceRecord {
    /// Parses a JSON payload (the Kafka value format).
    pub fn from_json(payload: Vec<u8>, source: SourceRef) -> Self {
        let parsed = match std::str::from_utf8(&payload) {
            Err(e) => Err(Reason::new(
                ReasonCode::InvalidUtf8,
                format!("value is not UTF-8: {e}"),
            )),
            Ok(text) => serde_json::from_str::<RawTransaction>(text).map_err(|e| {
                let code = match e.classify() {
                    serde_json::error::Category::Data => ReasonCode::NotATransaction,
                    _ => ReasonCode::InvalidJson,
                };
                Reason::new(code, format!("value is not a transaction JSON object: {e}"))
            }),
        };
        Self {
            payload,
            source,
            parsed,
        }
    }
}

/// A record the pipeline gave up on, with everything the DLQ headers need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeadLetter {
    pub payload: Vec<u8>,
    pub stage: Stage,
    /// Why: a bounded code (for example `amount.decimal`, `invalid_json`,
    /// `classifier_refused`) for metrics and routing, and a detail.
    pub reason: Reason,
    pub retries: u32,
    pub source: SourceRef,
    pub run_id: RunId,
    /// Transaction id when the record got far enough to have one.
    pub transaction_id: Option<String>,
}

/// A classifier's answer for one batch, in input order, unchecked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Classification {
    pub model_version: String,
    pub predictions: Vec<PredictOutput>,
}

/// A transaction with its checked prediction and source, ready to persist.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassifiedRecord {
    pub transaction: Transaction,
    pub prediction: Predict,
    pub source: SourceRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RunStatus {
    Running,
    Succeeded,
    Failed,
}

impl RunStatus {
    pub const fn as_str(self) -> &'static str {
        match self {
            RunStatus::Running => "running",
            RunStatus::Succeeded => "succeeded",
            RunStatus::Failed => "failed",
        }
    }
}

/// A run's row in `runs`: counts so far, status and times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunReport {
    pub run_id: RunId,
    pub batch_id: BatchId,
    pub processing_type: ProcessingType,
    pub status: RunStatus,
    pub records_in: u64,
    pub written: u64,
    pub rejected: u64,
    pub dead_lettered: u64,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    pub message: Option<String>,
}

/// Classifies transactions (the ML API in production).
#[async_trait]
pub trait Classifier: Send + Sync {
    /// Answers one prediction per transaction, in the same order.
    async fn classify(&self, transactions: &[Transaction]) -> Result<Classification, PortError>;
}

/// Persists transactions with their predictions and lineage, idempotently:
/// writing a record again replaces it with the latest lineage.
#[async_trait]
pub trait PredictionStore: Send + Sync {
    /// Writes every record or none; answers how many records were written.
    async fn write(
        &self,
        lineage: &Lineage,
        records: &[ClassifiedRecord],
    ) -> Result<u64, PortError>;
    /// Creates or replaces a run's row.
    async fn record_run(&self, run: &RunReport) -> Result<(), PortError>;
}

/// Sends records the pipeline gave up on to the dead-letter topic.
#[async_trait]
pub trait DeadLetterQueue: Send + Sync {
    /// Returns once every letter is durable (acknowledged by the broker).
    async fn send(&self, letters: &[DeadLetter]) -> Result<(), PortError>;
}

/// Yields chunks of source records until exhausted.
#[async_trait]
pub trait TransactionSource: Send {
    async fn next_chunk(&mut self) -> Result<Option<Vec<SourceRecord>>, PortError>;
}

/// An object store (S3 in production).
#[async_trait]
pub trait ObjectStore: Send + Sync {
    /// Keys under a prefix, in lexical order.
    async fn list(&self, bucket: &str, prefix: &str) -> Result<Vec<String>, PortError>;
    /// The object's bytes as a stream, never all in memory at once.
    async fn get(&self, bucket: &str, key: &str) -> Result<ByteStream, PortError>;
    async fn put(&self, bucket: &str, key: &str, body: Vec<u8>) -> Result<(), PortError>;
}

pub mod bytes_stream {
    use futures::stream::BoxStream;

    /// A stream of byte chunks; errors are `std::io::Error` so it can become
    /// an `AsyncRead`.
    pub type ByteStream = BoxStream<'static, std::io::Result<Vec<u8>>>;
}

// The ports must stay object-safe.
#[allow(dead_code)]
fn _assert_object_safe(
    _: &dyn Classifier,
    _: &dyn PredictionStore,
    _: &dyn DeadLetterQueue,
    _: &dyn TransactionSource,
    _: &dyn ObjectStore,
) {
}
