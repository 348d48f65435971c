//! The records read but not yet durable, and the offsets they free.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use chrono::Utc;
use rdkafka::message::{BorrowedMessage, Message};
use txclass_core::{SourceRecord, SourceRef};

/// Records read but not yet durable, with the next offset to commit per
/// partition once they are.
#[derive(Debug, Default)]
pub(super) struct Buffer {
    pub(super) records: Vec<SourceRecord>,
    /// Bytes of the records' payloads.
    pub(super) bytes: usize,
    /// Kafka timestamp (ms since the epoch) of each record, when it has one.
    pub(super) timestamps: Vec<Option<i64>>,
    pub(super) next_offsets: BTreeMap<(String, i32), i64>,
    /// When the oldest buffered record was produced (its Kafka timestamp,
    /// never later than now): the buffer window counts from there, so time
    /// a record spent queued before the buffer opened counts against it.
    pub(super) opened: Option<Instant>,
}

/// What a flush takes out of the buffer.
pub(super) struct Taken {
    pub(super) records: Vec<SourceRecord>,
    pub(super) timestamps: Vec<Option<i64>>,
    pub(super) offsets: BTreeMap<(String, i32), i64>,
}

impl Buffer {
    pub(super) fn push(&mut self, message: &BorrowedMessage<'_>) {
        let source = SourceRef::Topic {
            topic: message.topic().to_owned(),
            partition: message.partition(),
            offset: message.offset(),
        };
        let payload = message.payload().unwrap_or_default().to_vec();
        self.bytes += payload.len();
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

    /// Whether the buffer has reached either bound.
    pub(super) fn is_full(&self, records: usize, bytes: usize) -> bool {
        self.records.len() >= records || self.bytes >= bytes
    }

    pub(super) fn take(&mut self) -> Taken {
        self.opened = None;
        self.bytes = 0;
        Taken {
            records: std::mem::take(&mut self.records),
            timestamps: std::mem::take(&mut self.timestamps),
            offsets: std::mem::take(&mut self.next_offsets),
        }
    }

    /// Drops what was read from partitions this consumer no longer owns:
    /// the new owner reads them again from the last commit.
    pub(super) fn forget(&mut self, revoked: &[(String, i32)]) {
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
        self.bytes = self.records.iter().map(|r| r.payload.len()).sum();
        let mut kept = keep.iter();
        self.timestamps.retain(|_| *kept.next().unwrap_or(&true));
        self.next_offsets.retain(|k, _| !revoked.contains(k));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(bytes: usize) -> SourceRecord {
        SourceRecord::from_json(
            vec![b'x'; bytes],
            SourceRef::Topic {
                topic: "t".into(),
                partition: 0,
                offset: 0,
            },
        )
    }

    #[test]
    fn a_buffer_is_full_at_its_record_count_or_at_its_bytes_and_forgetting_recounts() {
        let mut buffer = Buffer::default();
        for _ in 0..3 {
            buffer.records.push(record(1_000));
            buffer.timestamps.push(None);
            buffer.bytes += 1_000;
        }
        assert!(!buffer.is_full(10, 10_000));
        assert!(buffer.is_full(3, 10_000));
        assert!(buffer.is_full(10, 3_000));
        buffer.forget(&[("t".to_owned(), 0)]);
        assert_eq!((buffer.records.len(), buffer.bytes), (0, 0));
    }
}
