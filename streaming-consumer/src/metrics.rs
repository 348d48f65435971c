//! The consumer's Prometheus metrics: the pipeline metrics every txclass
//! pipeline shares (`txclass_records_ingested_total`, …, labelled
//! `pipeline="streaming"`) and its own, named `txclass_consumer_…`.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use txclass_service::metrics::{PipelineMetrics, encode, registry};

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct PartitionLabels {
    pub topic: String,
    pub partition: i32,
}

#[derive(Debug)]
pub struct Metrics {
    pub registry: Registry,
    pub pipeline: PipelineMetrics,
    pub buffer_records: Gauge,
    pub flush_seconds: Histogram,
    pub record_latency: Histogram,
    pub lag: Family<PartitionLabels, Gauge>,
    pub circuit_open: Gauge,
    pub outage_retries: Counter,
    pub commits: Counter,
    pub commit_failures: Counter,
    pub assigned_partitions: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = registry();
        let pipeline = PipelineMetrics::register(&mut registry, "streaming");
        let m = Self {
            pipeline,
            buffer_records: Gauge::default(),
            flush_seconds: Histogram::new(exponential_buckets(0.001, 2.0, 16)),
            // 5 ms .. ~80 s.
            record_latency: Histogram::new(exponential_buckets(0.005, 1.5, 24)),
            lag: Family::default(),
            circuit_open: Gauge::default(),
            outage_retries: Counter::default(),
            commits: Counter::default(),
            commit_failures: Counter::default(),
            assigned_partitions: Gauge::default(),
            registry: Registry::default(),
        };
        let own = registry.sub_registry_with_prefix("consumer");
        own.register(
            "buffer_records",
            "Records buffered, not yet durable",
            m.buffer_records.clone(),
        );
        own.register(
            "flush_duration_seconds",
            "Time to make one buffer durable",
            m.flush_seconds.clone(),
        );
        own.register(
            "record_latency_seconds",
            "From a record's Kafka timestamp until it is durable (written or dead-lettered)",
            m.record_latency.clone(),
        );
        own.register(
            "lag",
            "Records behind the high watermark, per partition",
            m.lag.clone(),
        );
        own.register(
            "circuit_open",
            "1 while a dependency is down and fetching is paused",
            m.circuit_open.clone(),
        );
        own.register(
            "outage_retries",
            "Buffers held and retried because a dependency was down",
            m.outage_retries.clone(),
        );
        own.register(
            "commits",
            "Offset commits after durable flushes",
            m.commits.clone(),
        );
        own.register(
            "commit_failures",
            "Offset commits the broker refused (the next commit covers them)",
            m.commit_failures.clone(),
        );
        own.register(
            "assigned_partitions",
            "Partitions this member owns after the last rebalance",
            m.assigned_partitions.clone(),
        );
        Self { registry, ..m }
    }

    /// Every metric the consumer can expose, in OpenMetrics text.
    pub fn catalogue() -> String {
        let m = Self::new();
        m.pipeline.show_every_family();
        let _ = m.lag.get_or_create(&PartitionLabels {
            topic: "transactions".to_owned(),
            partition: 0,
        });
        m.encode()
    }

    pub fn encode(&self) -> String {
        encode(&self.registry)
    }
}
