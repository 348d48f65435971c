//! Kafka as the streaming pipeline's [`TransactionSource`]: each chunk is
//! one buffer, sealed when it holds `buffer_records` records or
//! `buffer_bytes` of payload, or when its
//! oldest record has waited `buffer_window`. A topic never ends, so the
//! source never answers `None`. The offsets a chunk frees stay with the
//! source until the chunk is durable ([`KafkaSource::settle`]).

use std::collections::BTreeMap;
use std::sync::Arc;

use anyhow::Result;
use async_trait::async_trait;
use futures::FutureExt as _;
use rdkafka::consumer::{CommitMode, StreamConsumer};
use txclass_adapters::kafka::is_fatal;
use txclass_core::{PortError, SourceRecord, TransactionSource};

use super::buffer::Taken;
use super::flush::make_durable;
use super::{ConsumerState, Settings, Settled, Shared, lock};

/// The subscribed partitions, read into buffers.
pub(super) struct KafkaSource {
    consumer: Arc<StreamConsumer<ConsumerState>>,
    shared: Arc<Shared>,
    settings: Settings,
    /// What the last chunk answered needs once it is durable: the Kafka
    /// timestamps of its records and the offsets it frees.
    sealed: Option<Sealed>,
}

/// The Kafka timestamps of a sealed chunk's records and the next offset to
/// commit per partition once the chunk is durable.
type Sealed = (Vec<Option<i64>>, BTreeMap<(String, i32), i64>);

impl KafkaSource {
    pub(super) fn new(
        consumer: Arc<StreamConsumer<ConsumerState>>,
        shared: Arc<Shared>,
        settings: Settings,
    ) -> Self {
        Self {
            consumer,
            shared,
            settings,
            sealed: None,
        }
    }

    /// Makes the chunk last answered durable, holding it through outages,
    /// then commits the offsets it frees.
    pub(super) async fn settle(
        &mut self,
        records: Vec<SourceRecord>,
        mode: CommitMode,
    ) -> Result<Settled> {
        let (timestamps, offsets) = self.sealed.take().unwrap_or_default();
        let taken = Taken {
            records,
            timestamps,
            offsets,
        };
        make_durable(&self.consumer, &self.shared, &self.settings, taken, mode).await
    }

    /// Seals whatever is buffered, full or not: the next chunk, or the rest
    /// at shutdown.
    pub(super) fn seal(&mut self) -> Vec<SourceRecord> {
        let taken = lock(&self.shared.buffer).take();
        self.sealed = Some((taken.timestamps, taken.offsets));
        taken.records
    }

    /// Moves messages the client has already fetched into the buffer,
    /// without waiting, until the buffer is full or none is ready.
    fn drain_fetched(&self) {
        // The buffer is not locked while receiving: a rebalance callback may
        // run inside the poll and needs it.
        let (records, bytes) = (self.settings.buffer_records, self.settings.buffer_bytes);
        while !lock(&self.shared.buffer).is_full(records, bytes) {
            match self.consumer.recv().now_or_never() {
                Some(Ok(message)) => {
                    self.shared.run().ingested(1);
                    lock(&self.shared.buffer).push(&message);
                }
                Some(Err(e)) => {
                    tracing::warn!(error = %e, "receive failed");
                    break;
                }
                None => break,
            }
        }
        let filled = lock(&self.shared.buffer).records.len();
        self.shared.metrics.buffer_records.set(filled as i64);
    }
}

#[async_trait]
impl TransactionSource for KafkaSource {
    /// Waits for the next full or expired buffer. Cancelling the wait loses
    /// nothing: what was read stays in the shared buffer.
    async fn next_chunk(&mut self) -> Result<Option<Vec<SourceRecord>>, PortError> {
        loop {
            let deadline = lock(&self.shared.buffer)
                .opened
                .map(|o| o + self.settings.buffer_window);
            let window = async {
                match deadline {
                    Some(d) => tokio::time::sleep_until(d.into()).await,
                    None => std::future::pending().await,
                }
            };
            let seal_now = tokio::select! {
                biased;
                () = window => {
                    // Take what the client already fetched (up to a full
                    // buffer) so a backlog goes out in full buffers, not one
                    // record per expired window.
                    self.drain_fetched();
                    true
                }
                message = self.consumer.recv() => match message {
                    Ok(message) => {
                        self.shared.run().ingested(1);
                        let mut buffer = lock(&self.shared.buffer);
                        buffer.push(&message);
                        self.shared.metrics.buffer_records.set(buffer.records.len() as i64);
                        buffer.is_full(self.settings.buffer_records, self.settings.buffer_bytes)
                    }
                    Err(e) => {
                        if e.rdkafka_error_code().is_some_and(is_fatal) {
                            return Err(PortError::fatal(format!("receiving: {e}")));
                        }
                        tracing::warn!(error = %e, "receive failed");
                        false
                    }
                },
            };
            if seal_now {
                return Ok(Some(self.seal()));
            }
        }
    }
}
