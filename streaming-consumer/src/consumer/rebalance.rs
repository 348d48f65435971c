//! The consumer's librdkafka context: lag from the statistics, and the
//! flush and commit before partitions are revoked.

use std::sync::Arc;
use std::time::Instant;

use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer, ConsumerContext, Rebalance};
use rdkafka::statistics::Statistics;
use rdkafka::{ClientContext, TopicPartitionList};

use super::buffer::{Buffer, Taken};
use super::{Shared, lock, offsets_list};
use crate::metrics::PartitionLabels;

#[derive(Debug)]
pub struct ConsumerState {
    pub(super) shared: Arc<Shared>,
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
    /// Asynchronous commits report here: a failure is logged and counted
    /// (the next commit covers the offsets again; a lost one only means
    /// records are read again, and writes are idempotent).
    fn commit_callback(&self, result: rdkafka::error::KafkaResult<()>, _: &TopicPartitionList) {
        if let Err(e) = result {
            self.shared.metrics.commit_failures.inc();
            tracing::warn!(error = %e, "offset commit failed; the next commit covers these offsets");
        }
    }

    /// Pause state follows the circuit on every assignment: paused while a
    /// dependency is down, resumed otherwise (librdkafka keeps a partition's
    /// pause flag across a revocation and a new assignment).
    fn post_rebalance(&self, consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        let Ok(assignment) = consumer.assignment() else {
            return;
        };
        let owned = assignment.count();
        self.shared.metrics.assigned_partitions.set(owned as i64);
        if let Rebalance::Assign(_) = rebalance {
            let paused = self.shared.circuit_open();
            let set = if paused {
                consumer.pause(&assignment)
            } else {
                consumer.resume(&assignment)
            };
            if let Err(e) = set {
                tracing::warn!(error = %e, "setting the pause state of the new assignment failed");
            }
            tracing::info!(partitions = owned, paused, "partitions assigned");
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
        let shared = self.shared.clone();
        if shared.circuit_open() {
            // Nothing can be made durable now: drop what is held or
            // buffered of the revoked partitions, uncommitted, for their new
            // owner to read again.
            tracing::info!(
                ?revoked,
                "partitions revoked during an outage: their held records are left to the new owner"
            );
            lock(&shared.held).forget(&revoked);
            lock(&shared.buffer).forget(&revoked);
            return;
        }
        tracing::info!(
            ?revoked,
            "partitions revoked: flushing and committing first"
        );
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
                    bytes: 0,
                    records,
                    timestamps,
                    next_offsets: offsets,
                    opened: Some(Instant::now()),
                };
                restored.forget(&revoked);
                restored.bytes += buffer.bytes;
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
