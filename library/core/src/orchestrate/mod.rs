//! The orchestration both pipelines run on every chunk of records:
//! parse → validate → classify (retry) → check predictions → persist →
//! dead-letter, answering counts that reconcile.
//!
//! A chunk either completes (every record written or dead-lettered) or fails
//! with a [`PipelineError`] before any dead letter is sent, so the caller may
//! run the same chunk again: writes are idempotent.
//!
//! The three stages are public ([`Orchestrator::prepare`],
//! [`Orchestrator::classify`], [`Orchestrator::finish`]) so a pipeline can
//! overlap them across chunks; [`Orchestrator::process_chunk`] runs them in a row.

mod bisect;
mod classify;
mod counts;
mod finish;

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::Arc;

pub use self::counts::Counts;
use crate::lineage::Lineage;
use crate::model::{Category, Predict, Transaction};
use crate::ports::{
    Classifier, DeadLetter, DeadLetterQueue, PortError, PredictionStore, SourceRecord, Stage,
};
use crate::reason::{Reason, ReasonCode};
use crate::retry::RetryPolicy;

/// Why a chunk could not complete. Nothing was dead-lettered; rows the store
/// may already hold are rewritten identically when the chunk is run again.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("{stage} stage unavailable after {retries} retries: {source}")]
    Unavailable {
        stage: Stage,
        retries: u32,
        #[source]
        source: PortError,
    },
    #[error("{stage} stage failed and cannot recover without a fix: {source}")]
    Fatal {
        stage: Stage,
        #[source]
        source: PortError,
    },
    #[error("dead-letter queue failed after {retries} retries: {source}")]
    DeadLetter {
        retries: u32,
        #[source]
        source: PortError,
    },
}

impl PipelineError {
    /// Whether running the same chunk later may succeed (an outage), as
    /// opposed to a configuration error that needs an operator.
    pub fn is_retryable(&self) -> bool {
        match self {
            PipelineError::Unavailable { .. } => true,
            PipelineError::DeadLetter { source, .. } => source.is_transient(),
            PipelineError::Fatal { .. } => false,
        }
    }
}

/// What a completed chunk did.
#[derive(Debug, Clone, PartialEq)]
pub struct ChunkOutcome {
    pub counts: Counts,
    /// The letters sent to the dead-letter queue (the batch pipeline also
    /// writes them to an errors object).
    pub dead_letters: Vec<DeadLetter>,
    /// Model version of the predictions written, when any were.
    pub model_version: Option<String>,
    /// Records written, by predicted category (indexed like [`Category::ALL`]).
    pub written_by_category: [u64; Category::ALL.len()],
}

impl ChunkOutcome {
    /// Records written per category, in [`Category::ALL`] order.
    pub fn categories(&self) -> impl Iterator<Item = (Category, u64)> + '_ {
        Category::ALL
            .iter()
            .copied()
            .zip(self.written_by_category.iter().copied())
    }
}

/// A chunk after parsing and validation.
#[derive(Debug)]
pub struct Prepared {
    lineage: Lineage,
    valid: Vec<(Transaction, SourceRecord)>,
    /// Exact duplicates: (index into `valid` of the original, the record).
    duplicates: Vec<(usize, SourceRecord)>,
    letters: Vec<DeadLetter>,
    counts: Counts,
}

impl Prepared {
    pub fn valid_len(&self) -> usize {
        self.valid.len()
    }

    /// Turns a record the pipeline gives up on into a letter, and counts it.
    fn give_up(&mut self, record: SourceRecord, stage: Stage, why: Refusal) {
        self.letters.push(letter(&self.lineage, record, stage, why));
        self.counts.count_letter(stage);
    }
}

/// A chunk after classification.
#[derive(Debug)]
pub struct Classified {
    prepared: Prepared,
    /// One entry per valid record: its checked prediction or why it failed,
    /// with the retries its classifier call needed.
    results: Vec<(Result<Predict, Reason>, u32)>,
    model_version: Option<String>,
}

/// Why a record is given up on, with what its letter needs beyond the
/// record itself.
#[derive(Debug, Clone)]
struct Refusal {
    reason: Reason,
    retries: u32,
    transaction_id: Option<String>,
}

/// Runs chunks through the ports. Cheap to clone.
#[derive(Clone)]
pub struct Orchestrator {
    classifier: Arc<dyn Classifier>,
    store: Arc<dyn PredictionStore>,
    dead_letters: Arc<dyn DeadLetterQueue>,
    classify_retry: RetryPolicy,
    persist_retry: RetryPolicy,
}

impl std::fmt::Debug for Orchestrator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Orchestrator")
            .field("classify_retry", &self.classify_retry)
            .field("persist_retry", &self.persist_retry)
            .finish_non_exhaustive()
    }
}

impl Orchestrator {
    pub fn new(
        classifier: Arc<dyn Classifier>,
        store: Arc<dyn PredictionStore>,
        dead_letters: Arc<dyn DeadLetterQueue>,
        retry: RetryPolicy,
    ) -> Self {
        Self {
            classifier,
            store,
            dead_letters,
            classify_retry: retry,
            persist_retry: retry,
        }
    }

    pub fn with_persist_retry(mut self, retry: RetryPolicy) -> Self {
        self.persist_retry = retry;
        self
    }

    pub fn store(&self) -> &Arc<dyn PredictionStore> {
        &self.store
    }

    /// Runs all stages on one chunk.
    pub async fn process_chunk(
        &self,
        lineage: &Lineage,
        records: Vec<SourceRecord>,
    ) -> Result<ChunkOutcome, PipelineError> {
        let prepared = Self::prepare(lineage, records);
        let classified = self.classify(prepared).await?;
        self.finish(classified).await
    }

    /// Parses and validates; pure. Records that fail are turned into letters.
    pub fn prepare(lineage: &Lineage, records: Vec<SourceRecord>) -> Prepared {
        let mut prepared = Prepared {
            lineage: lineage.clone(),
            valid: Vec::with_capacity(records.len()),
            duplicates: Vec::new(),
            letters: Vec::new(),
            counts: Counts {
                received: records.len() as u64,
                ..Counts::default()
            },
        };
        let mut by_id: HashMap<String, usize> = HashMap::with_capacity(records.len());
        for record in records {
            let raw = match &record.parsed {
                Ok(raw) => raw.clone(),
                Err(reason) => {
                    let why = Refusal::new(reason.clone(), 0, None);
                    prepared.give_up(record, Stage::Parse, why);
                    continue;
                }
            };
            let claimed_id = raw.transaction_id.clone();
            match Transaction::try_from(raw) {
                Ok(tx) => admit(&mut prepared, &mut by_id, tx, record),
                Err(e) => {
                    let why = Refusal::new(Reason::new(e.code(), e.to_string()), 0, claimed_id);
                    prepared.give_up(record, Stage::Validate, why);
                }
            }
        }
        prepared
    }
}

/// Adds a valid record to the chunk: the first of its id, an exact
/// duplicate of an earlier one, or a conflicting duplicate (dead-lettered).
fn admit(
    prepared: &mut Prepared,
    by_id: &mut HashMap<String, usize>,
    tx: Transaction,
    record: SourceRecord,
) {
    match by_id.entry(tx.transaction_id().to_owned()) {
        Entry::Vacant(slot) => {
            slot.insert(prepared.valid.len());
            prepared.valid.push((tx, record));
        }
        Entry::Occupied(slot) => {
            let first = *slot.get();
            let (original, original_record) = &prepared.valid[first];
            if *original == tx {
                prepared.duplicates.push((first, record));
                return;
            }
            let detail = format!(
                "transaction_id: {:?} already appears with different content at {}",
                tx.transaction_id(),
                original_record.source
            );
            let reason = Reason::new(ReasonCode::TransactionIdConflict, detail);
            let why = Refusal::new(reason, 0, Some(tx.transaction_id().to_owned()));
            prepared.give_up(record, Stage::Validate, why);
        }
    }
}

impl Refusal {
    fn new(reason: Reason, retries: u32, transaction_id: Option<String>) -> Self {
        Self {
            reason,
            retries,
            transaction_id,
        }
    }
}

fn letter(lineage: &Lineage, record: SourceRecord, stage: Stage, why: Refusal) -> DeadLetter {
    DeadLetter {
        payload: record.payload,
        stage,
        reason: why.reason,
        retries: why.retries,
        source: record.source,
        run_id: lineage.run_id.clone(),
        transaction_id: why.transaction_id,
    }
}
