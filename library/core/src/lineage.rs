//! Where a prediction came from: pipeline, run, batch and source record.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProcessingType {
    Batch,
    Streaming,
}

impl ProcessingType {
    pub const fn as_str(self) -> &'static str {
        match self {
            ProcessingType::Batch => "batch",
            ProcessingType::Streaming => "streaming",
        }
    }
}

impl fmt::Display for ProcessingType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }
            /// A fresh, time-ordered id (UUID v7).
            pub fn generate() -> Self {
                Self(uuid::Uuid::now_v7().to_string())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// One batch run (an Airflow run id) or one consumer session.
    RunId
);
id_type!(
    /// One unit of work inside a run: an object, a shard or a consumer flush.
    BatchId
);

/// The record a value came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum SourceRef {
    /// A row of an object in S3 (`line` is 1-based and counts the header).
    Object {
        bucket: String,
        key: String,
        line: u64,
    },
    /// A Kafka record.
    Topic {
        topic: String,
        partition: i32,
        offset: i64,
    },
}

impl SourceRef {
    /// The lineage text stored with a prediction: `s3://bucket/key` or
    /// `topic/partition/offset`.
    pub fn lineage(&self) -> String {
        match self {
            SourceRef::Object { bucket, key, .. } => format!("s3://{bucket}/{key}"),
            SourceRef::Topic {
                topic,
                partition,
                offset,
            } => format!("{topic}/{partition}/{offset}"),
        }
    }
}

impl fmt::Display for SourceRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceRef::Object { line, .. } => write!(f, "{} line {line}", self.lineage()),
            SourceRef::Topic { .. } => f.write_str(&self.lineage()),
        }
    }
}

/// The lineage shared by every record of one chunk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lineage {
    pub processing_type: ProcessingType,
    pub run_id: RunId,
    pub batch_id: BatchId,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_lineage_uses_the_design_formats() {
        let object = SourceRef::Object {
            bucket: "b".into(),
            key: "in/day.csv".into(),
            line: 7,
        };
        assert_eq!(object.lineage(), "s3://b/in/day.csv");
        assert_eq!(object.to_string(), "s3://b/in/day.csv line 7");
        let topic = SourceRef::Topic {
            topic: "transactions".into(),
            partition: 2,
            offset: 41,
        };
        assert_eq!(topic.lineage(), "transactions/2/41");
    }

    #[test]
    fn generated_run_ids_are_unique() {
        assert_ne!(RunId::generate(), RunId::generate());
    }
}
