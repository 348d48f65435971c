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

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::lineage::{Lineage, SourceRef};
use crate::model::{Category, Predict, Transaction};
use crate::ports::{
    ClassifiedRecord, Classifier, DeadLetter, DeadLetterQueue, PortError, PredictionStore,
    RetryHint, SourceRecord, Stage,
};
use crate::retry::RetryPolicy;

/// Counts of one chunk or one run. `received = written + dead_lettered` always.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub received: u64,
    /// Records whose transaction and prediction are in the store (includes
    /// exact duplicates of a record written in the same chunk).
    pub written: u64,
    /// Of `written`: exact duplicates collapsed onto one row.
    pub deduplicated: u64,
    pub dead_lettered: u64,
    pub parse_failed: u64,
    pub validate_failed: u64,
    pub classify_failed: u64,
    pub persist_failed: u64,
    /// Retries made against the classifier.
    pub classify_retries: u64,
    /// Retries made against the store.
    pub persist_retries: u64,
}

impl Counts {
    /// Records refused for their content (parse and validation failures).
    pub fn rejected(&self) -> u64 {
        self.parse_failed + self.validate_failed
    }

    pub fn reconciles(&self) -> bool {
        self.received == self.written + self.dead_lettered
            && self.dead_lettered
                == self.parse_failed
                    + self.validate_failed
                    + self.classify_failed
                    + self.persist_failed
    }

    pub fn dead_lettered_at(&self, stage: Stage) -> u64 {
        match stage {
            Stage::Parse => self.parse_failed,
            Stage::Validate => self.validate_failed,
            Stage::Classify => self.classify_failed,
            Stage::Persist => self.persist_failed,
        }
    }

    fn count_letter(&mut self, stage: Stage) {
        self.dead_lettered += 1;
        match stage {
            Stage::Parse => self.parse_failed += 1,
            Stage::Validate => self.validate_failed += 1,
            Stage::Classify => self.classify_failed += 1,
            Stage::Persist => self.persist_failed += 1,
        }
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.received += o.received;
        self.written += o.written;
        self.deduplicated += o.deduplicated;
        self.dead_lettered += o.dead_lettered;
        self.parse_failed += o.parse_failed;
        self.validate_failed += o.validate_failed;
        self.classify_failed += o.classify_failed;
        self.persist_failed += o.persist_failed;
        self.classify_retries += o.classify_retries;
        self.persist_retries += o.persist_retries;
    }
}

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
}

/// A chunk after classification.
#[derive(Debug)]
pub struct Classified {
    prepared: Prepared,
    /// One entry per valid record: its checked prediction or why it failed,
    /// with the retries its classifier call needed.
    results: Vec<(Result<Predict, Refusal>, u32)>,
    model_version: Option<String>,
}

/// A classifier's refusal of one record: reason code and message.
type Refusal = (&'static str, String);

/// Runs chunks through the ports. Cheap to clone.
#[derive(Clone)]
pub struct Orchestrator {
    classifier: Arc<dyn Classifier>,
    store: Arc<dyn PredictionStore>,
    dead_letters: Arc<dyn DeadLetterQueue>,
    classify_retry: RetryPolicy,
    persist_retry: RetryPolicy,
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
        let mut counts = Counts {
            received: records.len() as u64,
            ..Counts::default()
        };
        let mut valid: Vec<(Transaction, SourceRecord)> = Vec::with_capacity(records.len());
        let mut duplicates = Vec::new();
        let mut letters = Vec::new();
        let mut by_id: HashMap<String, usize> = HashMap::with_capacity(records.len());

        for record in records {
            let raw = match &record.parsed {
                Ok(raw) => raw.clone(),
                Err(failure) => {
                    let (code, reason) = (failure.code.to_owned(), failure.message.clone());
                    let why = (code, reason);
                    letters.push(letter(lineage, record, Stage::Parse, why, 0, None));
                    counts.count_letter(Stage::Parse);
                    continue;
                }
            };
            let claimed_id = raw.transaction_id.clone();
            let tx = match Transaction::try_from(raw) {
                Ok(tx) => tx,
                Err(e) => {
                    let why = (e.code(), e.to_string());
                    letters.push(letter(lineage, record, Stage::Validate, why, 0, claimed_id));
                    counts.count_letter(Stage::Validate);
                    continue;
                }
            };
            match by_id.entry(tx.transaction_id().to_owned()) {
                Entry::Vacant(slot) => {
                    slot.insert(valid.len());
                    valid.push((tx, record));
                }
                Entry::Occupied(slot) => {
                    let first = *slot.get();
                    let (original, original_record) = &valid[first];
                    if *original == tx {
                        duplicates.push((first, record));
                    } else {
                        let reason = format!(
                            "transaction_id: {:?} already appears with different content at {}",
                            tx.transaction_id(),
                            original_record.source
                        );
                        let id = Some(tx.transaction_id().to_owned());
                        let why = ("transaction_id.conflict".to_owned(), reason);
                        letters.push(letter(lineage, record, Stage::Validate, why, 0, id));
                        counts.count_letter(Stage::Validate);
                    }
                }
            }
        }
        Prepared {
            lineage: lineage.clone(),
            valid,
            duplicates,
            letters,
            counts,
        }
    }

    /// Classifies the valid records with retries. A batch the classifier
    /// refuses outright is split in halves until the refused records are
    /// isolated, so one poison record never sinks its neighbours.
    pub async fn classify(&self, mut prepared: Prepared) -> Result<Classified, PipelineError> {
        let transactions: Vec<Transaction> =
            prepared.valid.iter().map(|(tx, _)| tx.clone()).collect();
        let mut results: Vec<(Result<Predict, Refusal>, u32)> =
            vec![(Err(("", String::new())), 0); transactions.len()];
        let mut model_version = None;
        let mut pending: Vec<Range<usize>> = Vec::new();
        if !transactions.is_empty() {
            pending.push(0..transactions.len());
        }

        while let Some(range) = pending.pop() {
            let slice = &transactions[range.clone()];
            let (answer, retries) = self
                .classify_retry
                .run("classify", || self.classifier.classify(slice))
                .await;
            prepared.counts.classify_retries += u64::from(retries);
            let refusal = match answer {
                Ok(c) if c.predictions.len() == slice.len() => {
                    for (offset, output) in c.predictions.iter().enumerate() {
                        let tx = &slice[offset];
                        let checked = Predict::check(output, tx.transaction_id(), &c.model_version)
                            .map_err(|e| {
                                ("invalid_prediction", format!("invalid prediction: {e}"))
                            });
                        if let Ok(p) = &checked {
                            model_version.get_or_insert_with(|| p.model_version.clone());
                        }
                        results[range.start + offset] = (checked, retries);
                    }
                    continue;
                }
                Ok(c) => format!(
                    "classifier answered {} predictions for {} transactions",
                    c.predictions.len(),
                    slice.len()
                ),
                Err(e) => match e.hint {
                    RetryHint::Permanent => e.to_string(),
                    RetryHint::Transient => {
                        return Err(PipelineError::Unavailable {
                            stage: Stage::Classify,
                            retries,
                            source: e,
                        });
                    }
                    RetryHint::Fatal => {
                        return Err(PipelineError::Fatal {
                            stage: Stage::Classify,
                            source: e,
                        });
                    }
                },
            };
            if range.len() > 1 {
                let mid = range.start + range.len() / 2;
                pending.push(mid..range.end);
                pending.push(range.start..mid);
            } else {
                let why = (
                    "classifier_refused",
                    format!("classifier refused: {refusal}"),
                );
                results[range.start] = (Err(why), retries);
            }
        }
        Ok(Classified {
            prepared,
            results,
            model_version,
        })
    }

    /// Persists the classified records, then dead-letters every failure.
    pub async fn finish(&self, classified: Classified) -> Result<ChunkOutcome, PipelineError> {
        let Classified {
            prepared,
            results,
            model_version,
        } = classified;
        let Prepared {
            lineage,
            valid,
            duplicates,
            mut letters,
            mut counts,
        } = prepared;

        // Outcome per valid record: None = written, Some(letter index).
        let mut failed_at: Vec<Option<usize>> = vec![None; valid.len()];
        let mut to_write: Vec<ClassifiedRecord> = Vec::with_capacity(valid.len());
        let mut write_index: Vec<usize> = Vec::with_capacity(valid.len());
        let mut valid_records: Vec<Option<SourceRecord>> = Vec::with_capacity(valid.len());
        let mut written_by_category = [0_u64; Category::ALL.len()];
        let mut category_of: Vec<Option<Category>> = vec![None; valid.len()];
        for (i, ((tx, record), (result, retries))) in valid.into_iter().zip(results).enumerate() {
            match result {
                Ok(prediction) => {
                    category_of[i] = Some(prediction.category);
                    to_write.push(ClassifiedRecord {
                        transaction: tx,
                        prediction,
                        source: record.source.clone(),
                    });
                    write_index.push(i);
                    valid_records.push(Some(record));
                }
                Err((code, reason)) => {
                    let id = Some(tx.transaction_id().to_owned());
                    failed_at[i] = Some(letters.len());
                    letters.push(letter(
                        &lineage,
                        record,
                        Stage::Classify,
                        (code.to_owned(), reason),
                        retries,
                        id,
                    ));
                    counts.count_letter(Stage::Classify);
                    valid_records.push(None);
                }
            }
        }

        // Write, splitting batches the store refuses to isolate bad records.
        let mut pending: Vec<Range<usize>> = Vec::new();
        if !to_write.is_empty() {
            pending.push(0..to_write.len());
        }
        while let Some(range) = pending.pop() {
            let slice = &to_write[range.clone()];
            let (answer, retries) = self
                .persist_retry
                .run("persist", || self.store.write(&lineage, slice))
                .await;
            counts.persist_retries += u64::from(retries);
            match answer {
                Ok(_) => {
                    counts.written += slice.len() as u64;
                    for r in slice {
                        written_by_category[r.prediction.category.index()] += 1;
                    }
                }
                Err(e) if e.hint == RetryHint::Permanent => {
                    if range.len() > 1 {
                        let mid = range.start + range.len() / 2;
                        pending.push(mid..range.end);
                        pending.push(range.start..mid);
                    } else {
                        let i = write_index[range.start];
                        let record =
                            valid_records[i]
                                .take()
                                .ok_or_else(|| PipelineError::Fatal {
                                    stage: Stage::Persist,
                                    source: PortError::fatal("record persisted twice"),
                                })?;
                        let id = Some(slice[0].transaction.transaction_id().to_owned());
                        failed_at[i] = Some(letters.len());
                        letters.push(letter(
                            &lineage,
                            record,
                            Stage::Persist,
                            (
                                "store_refused".to_owned(),
                                format!("store refused the record: {e}"),
                            ),
                            retries,
                            id,
                        ));
                        counts.count_letter(Stage::Persist);
                    }
                }
                Err(e) if e.hint == RetryHint::Transient => {
                    return Err(PipelineError::Unavailable {
                        stage: Stage::Persist,
                        retries,
                        source: e,
                    });
                }
                Err(e) => {
                    return Err(PipelineError::Fatal {
                        stage: Stage::Persist,
                        source: e,
                    });
                }
            }
        }

        // Exact duplicates share their original's fate.
        for (original, record) in duplicates {
            match failed_at[original] {
                None => {
                    counts.written += 1;
                    counts.deduplicated += 1;
                    if let Some(category) = category_of[original] {
                        written_by_category[category.index()] += 1;
                    }
                }
                Some(letter_index) => {
                    let first = &letters[letter_index];
                    let (stage, retries) = (first.stage, first.retries);
                    let reason = format!("{} (duplicate of {})", first.reason, first.source);
                    let why = (first.code.clone(), reason);
                    let id = first.transaction_id.clone();
                    letters.push(letter(&lineage, record, stage, why, retries, id));
                    counts.count_letter(stage);
                }
            }
        }

        if !letters.is_empty() {
            let (sent, retries) = self
                .persist_retry
                .run("dead-letter", || self.dead_letters.send(&letters))
                .await;
            if let Err(source) = sent {
                return Err(PipelineError::DeadLetter { retries, source });
            }
        }

        debug_assert!(counts.reconciles(), "{counts:?}");
        Ok(ChunkOutcome {
            counts,
            dead_letters: letters,
            model_version,
            written_by_category,
        })
    }
}

fn letter(
    lineage: &Lineage,
    record: SourceRecord,
    stage: Stage,
    (code, reason): (String, String),
    retries: u32,
    transaction_id: Option<String>,
) -> DeadLetter {
    let source: SourceRef = record.source;
    DeadLetter {
        payload: record.payload,
        stage,
        code,
        reason,
        retries,
        source,
        run_id: lineage.run_id.clone(),
        transaction_id,
    }
}
