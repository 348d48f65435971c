//! The finish stage: persist the classified records (refused ones isolated
//! by bisection), let exact duplicates share their original's fate, then
//! send every letter of the chunk to the dead-letter queue.

use super::bisect::{Attempt, Tried, bisect};
use super::{ChunkOutcome, Classified, Orchestrator, PipelineError, Prepared, Refusal};
use crate::lineage::Lineage;
use crate::model::Category;
use crate::ports::{ClassifiedRecord, RetryHint, SourceRecord, Stage};
use crate::reason::{Reason, ReasonCode};

/// The records to write, and what became of each valid record.
struct Writes {
    records: Vec<ClassifiedRecord>,
    /// For each record to write, its index among the valid records.
    index: Vec<usize>,
    /// The source record of each valid record still to be written.
    sources: Vec<Option<SourceRecord>>,
    /// Per valid record: `None` written (or pending), `Some(letter index)`.
    failed_at: Vec<Option<usize>>,
    /// Per valid record: its predicted category once classified.
    category_of: Vec<Option<Category>>,
    written_by_category: [u64; Category::ALL.len()],
}

impl Orchestrator {
    /// Persists the classified records, then dead-letters every failure.
    pub async fn finish(&self, classified: Classified) -> Result<ChunkOutcome, PipelineError> {
        let Classified {
            mut prepared,
            results,
            model_version,
        } = classified;
        let mut writes = sort_results(&mut prepared, results);
        self.persist(&mut prepared, &mut writes).await?;
        settle_duplicates(&mut prepared, &mut writes);
        self.send_letters(&prepared).await?;
        debug_assert!(prepared.counts.reconciles(), "{:?}", prepared.counts);
        Ok(ChunkOutcome {
            counts: prepared.counts,
            dead_letters: prepared.letters,
            model_version,
            written_by_category: writes.written_by_category,
        })
    }

    /// Writes, splitting batches the store refuses to isolate bad records.
    async fn persist(
        &self,
        prepared: &mut Prepared,
        writes: &mut Writes,
    ) -> Result<(), PipelineError> {
        let lineage = prepared.lineage.clone();
        let records = std::mem::take(&mut writes.records);
        let records = &records;
        let mut refused = Vec::new();
        let retries = bisect(
            records.len(),
            |range| self.persist_range(&lineage, &records[range]),
            |range, (), _| {
                prepared.counts.written += range.len() as u64;
                for r in &records[range] {
                    writes.written_by_category[r.prediction.category.index()] += 1;
                }
            },
            |i, why, retries| refused.push((i, why, retries)),
        )
        .await?;
        prepared.counts.persist_retries += retries;
        for (i, why, retries) in refused {
            let valid = writes.index[i];
            let Some(record) = writes.sources[valid].take() else {
                continue;
            };
            let id = Some(records[i].transaction.transaction_id().to_owned());
            writes.failed_at[valid] = Some(prepared.letters.len());
            let reason = Reason::new(ReasonCode::StoreRefused, why);
            prepared.give_up(record, Stage::Persist, Refusal::new(reason, retries, id));
        }
        Ok(())
    }

    /// One store write (with retries) for a slice.
    async fn persist_range(
        &self,
        lineage: &Lineage,
        slice: &[ClassifiedRecord],
    ) -> Result<Tried<()>, PipelineError> {
        let (answer, retries) = self
            .persist_retry
            .run("persist", || self.store.write(lineage, slice))
            .await;
        let attempt = match answer {
            Ok(_) => Attempt::Done(()),
            Err(e) if e.hint == RetryHint::Permanent => {
                Attempt::Refused(format!("store refused the record: {e}"))
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
        };
        Ok(Tried { attempt, retries })
    }

    /// Sends the chunk's letters; none are sent when the chunk failed.
    async fn send_letters(&self, prepared: &Prepared) -> Result<(), PipelineError> {
        if prepared.letters.is_empty() {
            return Ok(());
        }
        let (sent, retries) = self
            .persist_retry
            .run("dead-letter", || self.dead_letters.send(&prepared.letters))
            .await;
        sent.map_err(|source| PipelineError::DeadLetter { retries, source })
    }
}

/// Splits classified records into the ones to write and the ones the
/// classifier failed (dead-lettered at the classify stage).
fn sort_results(
    prepared: &mut Prepared,
    results: Vec<(Result<crate::model::Predict, Reason>, u32)>,
) -> Writes {
    let valid = std::mem::take(&mut prepared.valid);
    let n = valid.len();
    let mut writes = Writes {
        records: Vec::with_capacity(n),
        index: Vec::with_capacity(n),
        sources: Vec::with_capacity(n),
        failed_at: vec![None; n],
        category_of: vec![None; n],
        written_by_category: [0; Category::ALL.len()],
    };
    for (i, ((tx, record), (result, retries))) in valid.into_iter().zip(results).enumerate() {
        match result {
            Ok(prediction) => {
                writes.category_of[i] = Some(prediction.category);
                writes.records.push(ClassifiedRecord {
                    transaction: tx,
                    prediction,
                    source: record.source.clone(),
                });
                writes.index.push(i);
                writes.sources.push(Some(record));
            }
            Err(reason) => {
                let id = Some(tx.transaction_id().to_owned());
                writes.failed_at[i] = Some(prepared.letters.len());
                writes.sources.push(None);
                prepared.give_up(record, Stage::Classify, Refusal::new(reason, retries, id));
            }
        }
    }
    writes
}

/// Exact duplicates share their original's fate: written with it, or
/// dead-lettered with its stage and reason.
fn settle_duplicates(prepared: &mut Prepared, writes: &mut Writes) {
    for (original, record) in std::mem::take(&mut prepared.duplicates) {
        match writes.failed_at[original] {
            None => {
                prepared.counts.written += 1;
                prepared.counts.deduplicated += 1;
                if let Some(category) = writes.category_of[original] {
                    writes.written_by_category[category.index()] += 1;
                }
            }
            Some(letter_index) => {
                let first = &prepared.letters[letter_index];
                let stage = first.stage;
                let reason = Reason::new(
                    first.reason.code,
                    format!("{} (duplicate of {})", first.reason.detail, first.source),
                );
                let why = Refusal::new(reason, first.retries, first.transaction_id.clone());
                prepared.give_up(record, stage, why);
            }
        }
    }
}
