//! The consumer's Prometheus metrics.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use txclass_core::Stage;
use txclass_core::orchestrate::Counts;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct StageLabels {
    pub pipeline: String,
    pub stage: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct PartitionLabels {
    pub topic: String,
    pub partition: i32,
}

pub struct Metrics {
    pub registry: Registry,
    pub consumed: Counter,
    pub written: Counter,
    pub dead_lettered: Family<StageLabels, Counter>,
    pub ml_api_retries: Counter,
    pub buffer_records: Gauge,
    pub flush_seconds: Histogram,
    pub lag: Family<PartitionLabels, Gauge>,
    pub circuit_open: Gauge,
    pub outage_retries: Counter,
    pub commits: Counter,
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("txclass_consumer");
        let m = Self {
            consumed: Counter::default(),
            written: Counter::default(),
            dead_lettered: Family::default(),
            ml_api_retries: Counter::default(),
            buffer_records: Gauge::default(),
            flush_seconds: Histogram::new(exponential_buckets(0.001, 2.0, 16)),
            lag: Family::default(),
            circuit_open: Gauge::default(),
            outage_retries: Counter::default(),
            commits: Counter::default(),
            registry: Registry::default(),
        };
        registry.register(
            "records_consumed",
            "Records read from Kafka",
            m.consumed.clone(),
        );
        registry.register(
            "records_written",
            "Records whose prediction is in PostgreSQL",
            m.written.clone(),
        );
        registry.register(
            "records_dead_lettered",
            "Records sent to the dead-letter topic, by stage",
            m.dead_lettered.clone(),
        );
        registry.register(
            "ml_api_retries",
            "Retried ML API calls",
            m.ml_api_retries.clone(),
        );
        registry.register(
            "buffer_records",
            "Records buffered, not yet durable",
            m.buffer_records.clone(),
        );
        registry.register(
            "flush_duration_seconds",
            "Time to make one buffer durable",
            m.flush_seconds.clone(),
        );
        registry.register(
            "lag",
            "Records behind the high watermark, per partition",
            m.lag.clone(),
        );
        registry.register(
            "circuit_open",
            "1 while a dependency is down and fetching is paused",
            m.circuit_open.clone(),
        );
        registry.register(
            "outage_retries",
            "Buffers held and retried because a dependency was down",
            m.outage_retries.clone(),
        );
        registry.register(
            "commits",
            "Offset commits after durable flushes",
            m.commits.clone(),
        );
        Self { registry, ..m }
    }

    pub fn record(&self, counts: &Counts) {
        self.written.inc_by(counts.written);
        self.ml_api_retries.inc_by(counts.classify_retries);
        for stage in Stage::ALL {
            let n = counts.dead_lettered_at(stage);
            if n > 0 {
                self.dead_lettered
                    .get_or_create(&StageLabels {
                        pipeline: "streaming".into(),
                        stage: stage.as_str().into(),
                    })
                    .inc_by(n);
            }
        }
    }

    pub fn encode(&self) -> String {
        let mut body = String::new();
        let _ = prometheus_client::encoding::text::encode(&mut body, &self.registry);
        body
    }
}
