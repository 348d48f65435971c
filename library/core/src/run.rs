//! The bookkeeping both pipelines share around the orchestration: one run
//! (a batch run or a consumer session) with its lineage, running totals,
//! the observer that turns chunks into metrics, and its row in `runs`.
//!
//! A chunk counts once it is durable *and* the run's row says so: the
//! totals, the row and the observer move together, so a chunk run again
//! after a failure is never counted twice.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Utc};
use tokio::sync::Mutex;

use crate::lineage::{BatchId, Lineage, ProcessingType, RunId};
use crate::orchestrate::{ChunkOutcome, Counts, Orchestrator, PipelineError};
use crate::ports::{PortError, RunReport, RunStatus, SourceRecord, Stage};

/// What a pipeline does with a run's events: metrics, progress.
pub trait RunObserver: Send + Sync {
    /// Records were read from the source.
    fn ingested(&self, records: u64);
    /// A chunk is durable and counted.
    fn chunk_done(&self, outcome: &ChunkOutcome);
}

/// How the chunks of a run are named in the lineage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChunkNames {
    /// Every chunk carries the run's batch id (a batch run: one Airflow
    /// task, one batch id).
    RunBatch,
    /// Each chunk is a batch of its own, `<run id>-<n:06>` (a consumer
    /// session: one batch per flush).
    Numbered,
}

/// One run of a pipeline.
pub struct Run {
    orchestrator: Orchestrator,
    observer: Arc<dyn RunObserver>,
    processing_type: ProcessingType,
    run_id: RunId,
    batch_id: BatchId,
    chunk_names: ChunkNames,
    started_at: DateTime<Utc>,
    totals: Mutex<Counts>,
    chunks: AtomicU64,
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Run")
            .field("processing_type", &self.processing_type)
            .field("run_id", &self.run_id)
            .field("batch_id", &self.batch_id)
            .finish_non_exhaustive()
    }
}

impl Run {
    /// A run not yet recorded; [`Run::start`] writes its row.
    pub fn new(
        orchestrator: Orchestrator,
        processing_type: ProcessingType,
        run_id: RunId,
        batch_id: BatchId,
        chunk_names: ChunkNames,
        observer: Arc<dyn RunObserver>,
    ) -> Self {
        Self {
            orchestrator,
            observer,
            processing_type,
            run_id,
            batch_id,
            chunk_names,
            started_at: Utc::now(),
            totals: Mutex::new(Counts::default()),
            chunks: AtomicU64::new(0),
        }
    }

    /// Writes the run's row as running.
    pub async fn start(&self) -> Result<(), PortError> {
        let totals = *self.totals.lock().await;
        self.record(&totals, RunStatus::Running, None).await
    }

    /// Counts records read from the source.
    pub fn ingested(&self, records: u64) {
        self.observer.ingested(records);
    }

    /// Runs one chunk through the orchestration, then counts it: the totals,
    /// the run's row and the observer. Nothing is counted when the chunk or
    /// the row's write fails, so the caller may run the same chunk again.
    pub async fn process(&self, records: Vec<SourceRecord>) -> Result<ChunkOutcome, PipelineError> {
        let lineage = self.next_lineage();
        let started = std::time::Instant::now();
        let prepared = Orchestrator::prepare(&lineage, records);
        let classified = self.orchestrator.classify(prepared).await?;
        let classify_ms = started.elapsed().as_millis() as u64;
        let outcome = self.orchestrator.finish(classified).await?;
        self.count(&outcome)
            .await
            .map_err(|source| PipelineError::Unavailable {
                stage: Stage::Persist,
                retries: 0,
                source,
            })?;
        tracing::info!(
            run_id = %lineage.run_id,
            batch_id = %lineage.batch_id,
            received = outcome.counts.received,
            written = outcome.counts.written,
            dead_lettered = outcome.counts.dead_lettered,
            classify_ms,
            ms = started.elapsed().as_millis() as u64,
            "chunk durable"
        );
        Ok(outcome)
    }

    /// The totals of the chunks counted so far.
    pub async fn totals(&self) -> Counts {
        *self.totals.lock().await
    }

    /// Writes the run's final row.
    pub async fn finish(
        &self,
        status: RunStatus,
        message: Option<String>,
    ) -> Result<(), PortError> {
        let totals = *self.totals.lock().await;
        self.record(&totals, status, message).await
    }

    /// The run's row with these totals.
    pub fn report(&self, totals: &Counts, status: RunStatus, message: Option<String>) -> RunReport {
        RunReport {
            run_id: self.run_id.clone(),
            batch_id: self.batch_id.clone(),
            processing_type: self.processing_type,
            status,
            records_in: totals.received,
            written: totals.written,
            rejected: totals.rejected(),
            dead_lettered: totals.dead_lettered,
            started_at: self.started_at,
            ended_at: (status != RunStatus::Running).then(Utc::now),
            message,
        }
    }

    fn next_lineage(&self) -> Lineage {
        let batch_id = match self.chunk_names {
            ChunkNames::RunBatch => self.batch_id.clone(),
            ChunkNames::Numbered => {
                let n = self.chunks.fetch_add(1, Ordering::Relaxed) + 1;
                BatchId::new(format!("{}-{n:06}", self.run_id))
            }
        };
        Lineage {
            processing_type: self.processing_type,
            run_id: self.run_id.clone(),
            batch_id,
        }
    }

    /// Adds a durable chunk to the totals once the run's row holds them.
    async fn count(&self, outcome: &ChunkOutcome) -> Result<(), PortError> {
        let mut totals = self.totals.lock().await;
        let mut next = *totals;
        next += outcome.counts;
        self.record(&next, RunStatus::Running, None).await?;
        *totals = next;
        self.observer.chunk_done(outcome);
        Ok(())
    }

    async fn record(
        &self,
        totals: &Counts,
        status: RunStatus,
        message: Option<String>,
    ) -> Result<(), PortError> {
        self.orchestrator
            .store()
            .record_run(&self.report(totals, status, message))
            .await
    }
}
