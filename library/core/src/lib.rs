//! txclass core: the domain of transaction classification.
//!
//! Everything here is pure or port-driven: models and their validation
//! ([`model`], [`validate`]), lineage ([`lineage`]), the CSV dialects
//! ([`csv`]), the ports adapters implement ([`ports`]), the retry policy
//! ([`retry`]), the orchestration both pipelines share ([`orchestrate`]) and
//! the bookkeeping of a run around it ([`run`]).
//! [`memory`] holds in-memory port implementations for tests.

pub mod csv;
pub mod lineage;
pub mod memory;
pub mod model;
pub mod orchestrate;
pub mod ports;
pub mod reason;
pub mod retry;
pub mod run;
pub mod source;
pub mod validate;

pub use lineage::{BatchId, Lineage, ProcessingType, RunId, SourceRef};
pub use model::{Category, Predict, PredictOutput, Transaction};
pub use orchestrate::{ChunkOutcome, Counts, Orchestrator, PipelineError};
pub use ports::{
    Classification, ClassifiedRecord, Classifier, DeadLetter, DeadLetterQueue, ObjectStore,
    PortError, PredictionStore, RetryHint, RunReport, RunStatus, SourceRecord, Stage,
    TransactionSource,
};
pub use reason::{Reason, ReasonCode};
pub use retry::RetryPolicy;
pub use run::{ChunkNames, Run, RunObserver};
pub use validate::{FieldError, RawTransaction, RecordError};
