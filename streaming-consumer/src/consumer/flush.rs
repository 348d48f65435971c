//! Making one sealed buffer durable: through the shared run, held through
//! outages with fetching paused, then its offsets committed.

use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail};
use rdkafka::TopicPartitionList;
use rdkafka::consumer::{CommitMode, Consumer, StreamConsumer};

use super::buffer::{Buffer, Taken};
use super::{ConsumerState, Settings, Shared, offsets_list};

/// Makes the current buffer durable, holding it through outages, then
/// commits its offsets. Fatal errors (configuration) end the consumer.
pub(super) async fn make_durable(
    consumer: &StreamConsumer<ConsumerState>,
    shared: &Shared,
    settings: &Settings,
    taken: Taken,
    mode: CommitMode,
) -> Result<()> {
    let Taken {
        mut records,
        mut timestamps,
        mut offsets,
    } = taken;
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
                        shared.run.ingested(1);
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
