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

mod buffer;
mod flush;
mod rebalance;
mod source;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Result;
use chrono::Utc;
use rdkafka::consumer::{CommitMode, StreamConsumer};
use rdkafka::{Offset, TopicPartitionList};
use txclass_core::{
    BatchId, ChunkNames, Orchestrator, PipelineError, ProcessingType, Run, RunId, SourceRecord,
    TransactionSource,
};

use self::buffer::Buffer;
pub use self::rebalance::ConsumerState;
use self::source::KafkaSource;
use crate::metrics::Metrics;

#[derive(Debug, Clone)]
pub struct Settings {
    pub buffer_records: usize,
    /// Seal the buffer once its payloads weigh this much, whatever the count.
    pub buffer_bytes: usize,
    pub buffer_window: Duration,
    pub outage_backoff_max: Duration,
}

/// State shared between the loop and the rebalance callback.
#[derive(Debug)]
pub struct Shared {
    buffer: Mutex<Buffer>,
    /// The sealed chunk being made durable, visible to the rebalance
    /// callback (which drops what it holds of revoked partitions).
    held: Mutex<Buffer>,
    /// Set while a dependency is down and fetching is paused.
    circuit_open: std::sync::atomic::AtomicBool,
    /// Set once the consumer is asked to stop.
    stopping: tokio::sync::watch::Sender<bool>,
    run: Run,
    pub metrics: Metrics,
    runtime: tokio::runtime::Handle,
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
    /// The session's state; its `runs` row is written by [`Run::start`].
    pub fn new(orchestrator: Orchestrator, session: RunId) -> Self {
        let metrics = Metrics::new();
        let run = Run::new(
            orchestrator,
            ProcessingType::Streaming,
            session,
            BatchId::new("session"),
            ChunkNames::Numbered,
            Arc::new(metrics.pipeline.clone()),
        );
        Self {
            buffer: Mutex::new(Buffer::default()),
            held: Mutex::new(Buffer::default()),
            circuit_open: std::sync::atomic::AtomicBool::new(false),
            stopping: tokio::sync::watch::channel(false).0,
            run,
            metrics,
            runtime: tokio::runtime::Handle::current(),
        }
    }

    pub fn context(self: &Arc<Self>) -> ConsumerState {
        ConsumerState {
            shared: self.clone(),
        }
    }

    /// The session's run.
    pub fn run(&self) -> &Run {
        &self.run
    }

    fn circuit_open(&self) -> bool {
        self.circuit_open.load(std::sync::atomic::Ordering::SeqCst)
    }

    fn set_circuit(&self, open: bool) {
        self.circuit_open
            .store(open, std::sync::atomic::Ordering::SeqCst);
        self.metrics.circuit_open.set(i64::from(open));
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

    /// Runs one buffer through the session's run.
    async fn process(&self, records: Vec<SourceRecord>) -> Result<(), PipelineError> {
        let started = Instant::now();
        self.run.process(records).await?;
        self.metrics
            .flush_seconds
            .observe(started.elapsed().as_secs_f64());
        Ok(())
    }
}

/// Reads buffers through the `KafkaSource` until `shutdown` resolves,
/// making each durable before its offsets are committed; then seals and
/// settles what is left. Asked to stop during an outage, it stops at once:
/// the held records stay uncommitted and are read again.
pub async fn run(
    consumer: Arc<StreamConsumer<ConsumerState>>,
    shared: Arc<Shared>,
    settings: Settings,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<()> {
    let stopping = shared.stopping.clone();
    tokio::spawn(async move {
        shutdown.await;
        stopping.send_replace(true);
    });
    let mut stop = shared.stopping.subscribe();
    let mut source = KafkaSource::new(consumer, shared, settings);
    loop {
        let chunk = tokio::select! {
            biased;
            _ = stop.wait_for(|s| *s) => break,
            chunk = source.next_chunk() => chunk?,
        };
        if let Some(records) = chunk
            && source.settle(records, CommitMode::Async).await? == Settled::Abandoned
        {
            return Ok(());
        }
    }
    tracing::info!("shutting down: flushing and committing");
    let rest = source.seal();
    source.settle(rest, CommitMode::Sync).await.map(|_| ())
}

/// How making a chunk durable ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Settled {
    /// Durable and committed.
    Committed,
    /// Given up on: asked to stop while a dependency was down. Nothing of it
    /// is committed, so the group reads it again.
    Abandoned,
}
