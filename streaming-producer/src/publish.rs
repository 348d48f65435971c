//! The Kafka side: an idempotent, compressed producer keyed by account, with
//! delivery reports counted.

use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use futures::StreamExt;
use futures::stream::FuturesUnordered;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::registry::Registry;
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use rdkafka::util::Timeout;
use txclass_adapters::kafka::producer_config;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: &'static str,
}

/// Delivery counts: `txclass_producer_records_published_total{outcome}`
/// with outcome `sent` (handed to the client), `delivered` (acknowledged by
/// the broker) or `failed`.
#[derive(Debug)]
pub struct Deliveries {
    family: Family<OutcomeLabels, Counter>,
    pub sent: Counter,
    pub delivered: Counter,
    pub failed: Counter,
}

impl Default for Deliveries {
    fn default() -> Self {
        let family = Family::<OutcomeLabels, Counter>::default();
        let counter = |outcome| family.get_or_create(&OutcomeLabels { outcome }).clone();
        let (sent, delivered, failed) = (counter("sent"), counter("delivered"), counter("failed"));
        Self {
            family,
            sent,
            delivered,
            failed,
        }
    }
}

impl Deliveries {
    /// Registers the counts in a registry prefixed `txclass_producer`.
    pub fn register(&self, registry: &mut Registry) {
        registry.register(
            "records_published",
            "Records handed to Kafka, by outcome (sent, delivered, failed)",
            self.family.clone(),
        );
    }
}

#[derive(Clone)]
pub struct Publisher {
    producer: FutureProducer,
    topic: String,
    pub deliveries: Arc<Deliveries>,
}

impl std::fmt::Debug for Publisher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Publisher")
            .field("topic", &self.topic)
            .finish_non_exhaustive()
    }
}

/// One record to publish: key (account id when known) and JSON value.
#[derive(Debug)]
pub struct Outgoing {
    pub key: Option<String>,
    pub value: Vec<u8>,
}

impl Publisher {
    pub fn new(brokers: &str, topic: &str, compression: &str) -> Result<Self> {
        let producer: FutureProducer = producer_config(brokers)
            .set("compression.type", compression)
            .set("linger.ms", "10")
            .set("batch.num.messages", "10000")
            .set("queue.buffering.max.messages", "1000000")
            .create()
            .context("creating the Kafka producer")?;
        Ok(Self {
            producer,
            topic: topic.to_owned(),
            deliveries: Arc::new(Deliveries::default()),
        })
    }

    /// Connects to the cluster and learns the topic's partition leaders, so
    /// the first records do not wait for it (and rates and latencies are
    /// not measured from before the producer could send). A failure is only
    /// logged: sending retries the connection anyway.
    pub async fn connect(&self, timeout: Duration) {
        let (producer, topic) = (self.producer.clone(), self.topic.clone());
        let answer = tokio::task::spawn_blocking(move || {
            producer
                .client()
                .fetch_metadata(Some(&topic), timeout)
                .map(|m| m.topics().first().map_or(0, |t| t.partitions().len()))
        })
        .await;
        let topic = self.topic.as_str();
        match answer {
            Ok(Ok(partitions)) => {
                tracing::info!(topic, partitions, "connected to the cluster");
            }
            Ok(Err(e)) => tracing::warn!(error = %e, topic, "no metadata yet; sending will retry"),
            Err(e) => tracing::warn!(error = %e, topic, "metadata lookup did not finish"),
        }
    }

    /// Publishes every record and waits until the broker acknowledged all of
    /// them; answers how many were acknowledged.
    pub async fn publish_all(&self, records: Vec<Outgoing>) -> u64 {
        let mut pending = FuturesUnordered::new();
        for record in records {
            pending.push(self.publish(record));
        }
        let mut acknowledged = 0;
        while let Some(ok) = pending.next().await {
            acknowledged += u64::from(ok);
        }
        acknowledged
    }

    /// Publishes one record; true once the broker acknowledged it.
    pub async fn publish(&self, record: Outgoing) -> bool {
        self.deliveries.sent.inc();
        let mut future = FutureRecord::to(&self.topic).payload(&record.value);
        if let Some(key) = &record.key {
            future = future.key(key);
        }
        match self
            .producer
            .send(future, Timeout::After(Duration::from_secs(60)))
            .await
        {
            Ok(_) => {
                self.deliveries.delivered.inc();
                true
            }
            Err((e, _)) => {
                self.deliveries.failed.inc();
                tracing::error!(error = %e, "delivery failed");
                false
            }
        }
    }

    pub fn flush(&self, timeout: Duration) -> Result<()> {
        self.producer
            .flush(Timeout::After(timeout))
            .context("flushing the producer")
    }
}

/// The key of a JSON transaction: its account id, when it has one.
pub fn account_key(value: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Keyed {
        account_id: Option<serde_json::Value>,
    }
    serde_json::from_slice::<Keyed>(value)
        .ok()
        .and_then(|k| k.account_id)
        .map(|v| match v {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        })
}
