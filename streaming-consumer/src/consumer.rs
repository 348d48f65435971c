//! The buffered consumer: read, buffer until N records or T ms, run the
//! shared orchestration, and only then commit the offsets.
//!
//! Guarantees: an offset is committed only after every record before it is
//! in PostgreSQL or acknowledged by the dead-letter topic. When the ML API or
//! the database stays down past the retry budget, the buffer is held (never
//! dead-lettered for an outage), fetching is paused, and the flush is retried
//! with backoff until it succeeds. Before partitions are revoked the buffer
//! is flushed and committed. Writes are idempotent, so records redelivered
//! after a crash leave one row each.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail};
use chrono::Utc;
use futures::FutureExt as _;
use rdkafka::consumer::{
    BaseConsumer, CommitMode, Consumer, ConsumerContext, Rebalance, StreamConsumer,
};
use rdkafka::message::{BorrowedMessage, Message};
use rdkafka::statistics::Statistics;
use rdkafka::{ClientContext, Offset, TopicPartitionList};
use txclass_core::orchestrate::Counts;
use txclass_core::{
    BatchId, Lineage, Orchestrator, ProcessingType, RunId, RunReport, RunStatus, SourceRecord,
    SourceRef,
};

use crate::metrics::{Metrics, PartitionLabels};

#[derive(Debug, Clone)]
pub struct Settings {
    pub buffer_records: usize,
    pub buffer_window: Duration,
    pub outage_backoff_max: Duration,
}

/// Records read but not yet durable, with the next offset to commit per
/// partition once they are.
#[derive(Default)]
struct Buffer {
    records: Vec<SourceRecord>,
    /// Kafka timestamp (ms since the epoch) of each record, when it has one.
    timestamps: Vec<Option<i64>>,
    next_offsets: BTreeMap<(String, i32), i64>,
    /// When the oldest buffered record was produced (its Kafka timestamp,
    /// never later than now): the buffer window counts from there, so time
    /// a record spent queued before the buffer opened counts against it.
    opened: Option<Instant>,
}

/// What a flush takes out of the buffer.
struct Taken {
    records: Vec<SourceRecord>,
    timestamps: Vec<Option<i64>>,
    offsets: BTreeMap<(String, i32), i64>,
}

impl Buffer {
    fn push(&mut self, message: &BorrowedMessage<'_>) {
        let source = SourceRef::Topic {
            topic: message.topic().to_owned(),
            partition: message.partition(),
            offset: message.offset(),
        };
        let payload = message.payload().unwrap_or_default().to_vec();
        self.records.push(SourceRecord::from_json(payload, source));
        let produced = message.timestamp().to_millis();
        self.timestamps.push(produced);
        self.next_offsets.insert(
            (message.topic().to_owned(), message.partition()),
            message.offset() + 1,
        );
        if self.opened.is_none() {
            let now = Instant::now();
            let age = produced
                .map(|ms| Utc::now().timestamp_millis().saturating_sub(ms).max(0))
                .and_then(|ms| u64::try_from(ms).ok())
                .map_or(Duration::ZERO, Duration::from_millis);
            self.opened = Some(now.checked_sub(age).unwrap_or(now));
        }
    }

    fn take(&mut self) -> Taken {
        self.opened = None;
        Taken {
            records: std::mem::take(&mut self.records),
            timestamps: std::mem::take(&mut self.timestamps),
            offsets: std::mem::take(&mut self.next_offsets),
        }
    }

    /// Drops what was read from partitions this consumer no longer owns:
    /// the new owner reads them again from the last commit.
    fn forget(&mut self, revoked: &[(String, i32)]) {
        let keep: Vec<bool> = self
            .records
            .iter()
            .map(|r| match &r.source {
                SourceRef::Topic {
                    topic, partition, ..
                } => !revoked.iter().any(|(t, p)| t == topic && p == partition),
                SourceRef::Object { .. } => true,
            })
            .collect();
        let mut kept = keep.iter();
        self.records.retain(|_| *kept.next().unwrap_or(&true));
        let mut kept = keep.iter();
        self.timestamps.retain(|_| *kept.next().unwrap_or(&true));
        self.next_offsets.retain(|k, _| !revoked.contains(k));
    }
}

/// State shared between the loop and the rebalance callback.
pub struct Shared {
    buffer: Mutex<Buffer>,
    orchestrator: Orchestrator,
    session: RunId,
    flushes: Mutex<u64>,
    totals: Mutex<Counts>,
    started_at: chrono::DateTime<Utc>,
    pub metrics: Metrics,
    runtime: tokio::runtime::Handle,
}

pub struct ConsumerState {
    shared: Arc<Shared>,
}

impl ClientContext for ConsumerState {
    /// Lag per owned partition from librdkafka's statistics: the high
    /// watermark each fetch response carries minus the last committed
    /// offset. No extra requests reach the broker.
    fn stats(&self, statistics: Statistics) {
        let lag = &self.shared.metrics.lag;
        for (topic, t) in &statistics.topics {
            for p in t.partitions.values() {
                if p.partition < 0 {
                    continue; // librdkafka's internal "unassigned" partition
                }
                let labels = PartitionLabels {
                    topic: topic.clone(),
                    partition: p.partition,
                };
                let owned = p.fetch_state != "none" && p.hi_offset >= 0;
                if owned {
                    // Before the first commit there is no committed offset:
                    // everything up to the high watermark is behind.
                    let behind = if p.committed_offset >= 0 {
                        p.hi_offset - p.committed_offset
                    } else {
                        p.hi_offset - p.lo_offset.max(0)
                    };
                    lag.get_or_create(&labels).set(behind.max(0));
                } else {
                    lag.remove(&labels);
                }
            }
        }
    }
}

impl ConsumerContext for ConsumerState {
    fn post_rebalance(&self, consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        if let Ok(assignment) = consumer.assignment() {
            let owned = assignment.count();
            self.shared.metrics.assigned_partitions.set(owned as i64);
            if matches!(rebalance, Rebalance::Assign(_)) {
                tracing::info!(partitions = owned, "partitions assigned");
            }
        }
    }

    fn pre_rebalance(&self, consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        let Rebalance::Revoke(partitions) = rebalance else {
            return;
        };
        let revoked: Vec<(String, i32)> = partitions
            .elements()
            .iter()
            .map(|e| (e.topic().to_owned(), e.partition()))
            .collect();
        tracing::info!(
            ?revoked,
            "partitions revoked: flushing and committing first"
        );
        let shared = self.shared.clone();
        let taken = lock(&shared.buffer).take();
        if taken.records.is_empty() {
            return;
        }
        // The callback runs inside poll on a runtime worker: block this
        // worker only, and drive the flush on the runtime.
        let outcome = tokio::task::block_in_place(|| {
            shared
                .runtime
                .block_on(shared.process(taken.records.clone()))
        });
        match outcome {
            Ok(()) => {
                shared.observe_latency(&taken.timestamps);
                if let Err(e) = consumer.commit(&offsets_list(&taken.offsets), CommitMode::Sync) {
                    tracing::warn!(error = %e, "commit before revocation failed; the new owner may re-read records (writes are idempotent)");
                } else {
                    shared.metrics.commits.inc();
                }
            }
            Err(e) => {
                // Not durable: put back what we still own, drop the rest
                // (uncommitted, so the new owner reads it again).
                tracing::warn!(error = %e, "flush before revocation failed; revoked records will be re-read by their new owner");
                let mut buffer = lock(&shared.buffer);
                let Taken {
                    records,
                    timestamps,
                    offsets,
                } = taken;
                let mut restored = Buffer {
                    records,
                    timestamps,
                    next_offsets: offsets,
                    opened: Some(Instant::now()),
                };
                restored.forget(&revoked);
                restored.records.append(&mut buffer.records);
                restored.timestamps.append(&mut buffer.timestamps);
                for (k, v) in std::mem::take(&mut buffer.next_offsets) {
                    restored.next_offsets.insert(k, v);
                }
                *buffer = restored;
            }
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn offsets_list(offsets: &BTreeMap<(String, i32), i64>) -> TopicPartitionList {
    let mut list = TopicPartitionList::new();
    for ((topic, partition), offset) in offsets {
        let _ = list.add_partition_offset(topic, *partition, Offset::Offset(*offset));
    }
    list
}

impl Shared {
    pub fn new(orchestrator: Orchestrator, session: RunId) -> Self {
        Self {
            buffer: Mutex::new(Buffer::default()),
            orchestrator,
            session,
            flushes: Mutex::new(0),
            totals: Mutex::new(Counts::default()),
            started_at: Utc::now(),
            metrics: Metrics::new(),
            runtime: tokio::runtime::Handle::current(),
        }
    }

    pub fn context(self: &Arc<Self>) -> ConsumerState {
        ConsumerState {
            shared: self.clone(),
        }
    }

    pub fn totals(&self) -> Counts {
        *lock(&self.totals)
    }

    /// Records how long the records of a durable buffer took from their
    /// Kafka timestamp until now.
    fn observe_latency(&self, timestamps: &[Option<i64>]) {
        let now = Utc::now().timestamp_millis();
        for ms in timestamps.iter().flatten() {
            let seconds = (now - ms).max(0) as f64 / 1000.0;
            self.metrics.record_latency.observe(seconds);
        }
    }

    /// Runs one buffer through the orchestration and records the session.
    async fn process(&self, records: Vec<SourceRecord>) -> Result<(), txclass_core::PipelineError> {
        let started = Instant::now();
        let batch = {
            let mut n = lock(&self.flushes);
            *n += 1;
            *n
        };
        let lineage = Lineage {
            processing_type: ProcessingType::Streaming,
            run_id: self.session.clone(),
            batch_id: BatchId::new(format!("{}-{batch:06}", self.session)),
        };
        let prepared = Orchestrator::prepare(&lineage, records);
        let classified = self.orchestrator.classify(prepared).await?;
        let classify_ms = started.elapsed().as_millis() as u64;
        let outcome = self.orchestrator.finish(classified).await?;
        self.metrics.pipeline.record(&outcome);
        self.metrics
            .flush_seconds
            .observe(started.elapsed().as_secs_f64());
        let totals = {
            let mut totals = lock(&self.totals);
            *totals += outcome.counts;
            *totals
        };
        tracing::info!(
            run_id = %lineage.run_id,
            batch_id = %lineage.batch_id,
            received = outcome.counts.received,
            written = outcome.counts.written,
            dead_lettered = outcome.counts.dead_lettered,
            classify_ms,
            ms = started.elapsed().as_millis() as u64,
            "buffer durable"
        );
        let _ = self
            .orchestrator
            .store()
            .record_run(&self.report(&totals, RunStatus::Running, None))
            .await;
        Ok(())
    }

    pub fn report(&self, totals: &Counts, status: RunStatus, message: Option<String>) -> RunReport {
        RunReport {
            run_id: self.session.clone(),
            batch_id: BatchId::new("session"),
            processing_type: ProcessingType::Streaming,
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
}

/// Makes the current buffer durable, holding it through outages, then
/// commits its offsets. Fatal errors (configuration) end the consumer.
async fn flush(
    consumer: &StreamConsumer<ConsumerState>,
    shared: &Shared,
    settings: &Settings,
    mode: CommitMode,
) -> Result<()> {
    let Taken {
        mut records,
        mut timestamps,
        mut offsets,
    } = lock(&shared.buffer).take();
    if records.is_empty() {
        return Ok(());
    }
    let mut backoff = Duration::from_millis(500);
    let mut paused: Option<TopicPartitionList> = None;
    loop {
        shared.metrics.buffer_records.set(records.len() as i64);
        match shared.process(records.clone()).await {
            Ok(()) => break,
            Err(e) if e.is_retryable() => {
                shared.metrics.outage_retries.inc();
                shared.metrics.circuit_open.set(1);
                if paused.is_none() {
                    let assignment = consumer.assignment().context("reading the assignment")?;
                    consumer.pause(&assignment).context("pausing fetch")?;
                    tracing::warn!(error = %e, held = records.len(), "dependency down: holding the buffer, fetching paused");
                    paused = Some(assignment);
                } else {
                    tracing::warn!(error = %e, held = records.len(), retry_in_ms = backoff.as_millis() as u64, "still down");
                }
                // Keep polling (heartbeats, rebalances) while waiting.
                let until = Instant::now() + backoff;
                while let Some(left) = until.checked_duration_since(Instant::now()) {
                    if let Ok(Ok(message)) = tokio::time::timeout(left, consumer.recv()).await {
                        shared.metrics.pipeline.ingested(1);
                        let mut extra = Buffer::default();
                        extra.push(&message);
                        let mut more = extra.take();
                        records.append(&mut more.records);
                        timestamps.append(&mut more.timestamps);
                        offsets.extend(more.offsets);
                    }
                }
                backoff = (backoff * 2).min(settings.outage_backoff_max);
            }
            Err(e) => bail!("cannot go on without a fix: {e}"),
        }
    }
    if let Some(assignment) = paused {
        // Only partitions still assigned can be resumed.
        let still: TopicPartitionList = {
            let current = consumer.assignment().unwrap_or_default();
            let mut list = TopicPartitionList::new();
            for e in assignment.elements() {
                if current.find_partition(e.topic(), e.partition()).is_some() {
                    list.add_partition(e.topic(), e.partition());
                }
            }
            list
        };
        consumer.resume(&still).context("resuming fetch")?;
        shared.metrics.circuit_open.set(0);
        tracing::info!("dependency back: fetching resumed");
    }
    shared.metrics.buffer_records.set(0);
    shared.observe_latency(&timestamps);
    // Only partitions still owned may be committed.
    let owned = consumer.assignment().unwrap_or_default();
    offsets.retain(|(t, p), _| owned.find_partition(t, *p).is_some());
    if !offsets.is_empty() {
        consumer
            .commit(&offsets_list(&offsets), mode)
            .context("committing offsets")?;
        shared.metrics.commits.inc();
    }
    Ok(())
}

/// Reads until `shutdown` resolves, then flushes, commits and returns.
pub async fn run(
    consumer: Arc<StreamConsumer<ConsumerState>>,
    shared: Arc<Shared>,
    settings: Settings,
    shutdown: impl Future<Output = ()>,
) -> Result<()> {
    tokio::pin!(shutdown);
    loop {
        let deadline = lock(&shared.buffer)
            .opened
            .map(|o| o + settings.buffer_window);
        let window = async {
            match deadline {
                Some(d) => tokio::time::sleep_until(d.into()).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            biased;
            () = &mut shutdown => break,
            () = window => {
                // Take what the client already fetched (up to a full
                // buffer) so a backlog goes out in full buffers, not one
                // record per expired window.
                drain_fetched(&consumer, &shared, &settings);
                flush(&consumer, &shared, &settings, CommitMode::Async).await?
            }
            message = consumer.recv() => match message {
                Ok(message) => {
                    shared.metrics.pipeline.ingested(1);
                    let full = {
                        let mut buffer = lock(&shared.buffer);
                        buffer.push(&message);
                        shared.metrics.buffer_records.set(buffer.records.len() as i64);
                        buffer.records.len() >= settings.buffer_records
                    };
                    if full {
                        flush(&consumer, &shared, &settings, CommitMode::Async).await?;
                    }
                }
                Err(e) => tracing::warn!(error = %e, "receive failed"),
            },
        }
    }
    tracing::info!("shutting down: flushing and committing");
    flush(&consumer, &shared, &settings, CommitMode::Sync).await?;
    Ok(())
}

/// Moves messages the client has already fetched into the buffer, without
/// waiting, until the buffer is full or none is ready.
fn drain_fetched(consumer: &StreamConsumer<ConsumerState>, shared: &Shared, settings: &Settings) {
    // The buffer is not locked while receiving: a rebalance callback may run
    // inside the poll and needs it.
    while lock(&shared.buffer).records.len() < settings.buffer_records {
        match consumer.recv().now_or_never() {
            Some(Ok(message)) => {
                shared.metrics.pipeline.ingested(1);
                lock(&shared.buffer).push(&message);
            }
            Some(Err(e)) => {
                tracing::warn!(error = %e, "receive failed");
                break;
            }
            None => break,
        }
    }
    let filled = lock(&shared.buffer).records.len();
    shared.metrics.buffer_records.set(filled as i64);
}
