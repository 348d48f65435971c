//! Making one sealed buffer durable: through the shared run, held through
//! outages with fetching paused, then its offsets committed.

use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail};
use rdkafka::consumer::{CommitMode, Consumer, StreamConsumer};

use super::buffer::{Buffer, Taken};
use super::{ConsumerState, Settings, Settled, Shared, lock, offsets_list};

/// Makes a sealed chunk durable, holding it through outages with fetching
/// paused, then commits its offsets. The chunk waits in `shared.held`, where
/// a rebalance drops what it holds of revoked partitions. Fatal errors
/// (configuration) end the consumer; asked to stop during an outage, it
/// abandons the chunk uncommitted.
pub(super) async fn make_durable(
    consumer: &StreamConsumer<ConsumerState>,
    shared: &Shared,
    settings: &Settings,
    taken: Taken,
    mode: CommitMode,
) -> Result<Settled> {
    if taken.records.is_empty() {
        return Ok(Settled::Committed);
    }
    *lock(&shared.held) = Buffer {
        bytes: taken.records.iter().map(|r| r.payload.len()).sum(),
        records: taken.records,
        timestamps: taken.timestamps,
        next_offsets: taken.offsets,
        opened: None,
    };
    let mut backoff = Duration::from_millis(500);
    let mut stop = shared.stopping.subscribe();
    loop {
        let records = lock(&shared.held).records.clone();
        shared.metrics.buffer_records.set(records.len() as i64);
        match shared.process(records).await {
            Ok(()) => break,
            Err(e) if e.is_retryable() => {
                shared.metrics.outage_retries.inc();
                if !shared.circuit_open() {
                    shared.set_circuit(true);
                    pause_all(consumer)?;
                    tracing::warn!(error = %e, held = lock(&shared.held).records.len(), "dependency down: holding the buffer, fetching paused");
                } else {
                    tracing::warn!(error = %e, retry_in_ms = backoff.as_millis() as u64, "still down");
                }
                if wait_polling(consumer, shared, backoff, &mut stop).await {
                    tracing::warn!(
                        "stopping during an outage: the held records stay uncommitted and are read again"
                    );
                    *lock(&shared.held) = Buffer::default();
                    return Ok(Settled::Abandoned);
                }
                backoff = (backoff * 2).min(settings.outage_backoff_max);
            }
            Err(e) => bail!("cannot go on without a fix: {e}"),
        }
    }
    let held = std::mem::take(&mut *lock(&shared.held));
    if shared.circuit_open() {
        shared.set_circuit(false);
        consumer
            .resume(&consumer.assignment().unwrap_or_default())
            .context("resuming fetch")?;
        tracing::info!("dependency back: fetching resumed");
    }
    shared.metrics.buffer_records.set(0);
    shared.observe_latency(&held.timestamps);
    commit_owned(consumer, shared, held.next_offsets, mode)?;
    Ok(Settled::Committed)
}

/// Pauses every assigned partition (partitions assigned later are paused
/// as they come, while the circuit is open).
fn pause_all(consumer: &StreamConsumer<ConsumerState>) -> Result<()> {
    let assignment = consumer.assignment().context("reading the assignment")?;
    consumer.pause(&assignment).context("pausing fetch")
}

/// Keeps polling (heartbeats, rebalances) for `wait`; what arrives goes to
/// the next buffer. Answers whether the consumer was asked to stop.
async fn wait_polling(
    consumer: &StreamConsumer<ConsumerState>,
    shared: &Shared,
    wait: Duration,
    stop: &mut tokio::sync::watch::Receiver<bool>,
) -> bool {
    let until = Instant::now() + wait;
    while let Some(left) = until.checked_duration_since(Instant::now()) {
        tokio::select! {
            _ = stop.wait_for(|s| *s) => return true,
            received = tokio::time::timeout(left, consumer.recv()) => {
                if let Ok(Ok(message)) = received {
                    shared.run().ingested(1);
                    lock(&shared.buffer).push(&message);
                }
            }
        }
    }
    *stop.borrow()
}

/// Commits the offsets of partitions still owned.
fn commit_owned(
    consumer: &StreamConsumer<ConsumerState>,
    shared: &Shared,
    mut offsets: std::collections::BTreeMap<(String, i32), i64>,
    mode: CommitMode,
) -> Result<()> {
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
