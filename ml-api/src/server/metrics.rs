//! The ML API's own metrics (`txclass_ml_*`): requests, latency,
//! predictions by category, record errors, injected faults, batch sizes and
//! the model being served.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub(super) struct RequestLabels {
    pub(super) endpoint: String,
    pub(super) status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub(super) struct CategoryLabels {
    pub(super) category: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub(super) struct KindLabels {
    pub(super) kind: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub(super) struct EndpointLabels {
    pub(super) endpoint: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub(super) struct VersionLabels {
    pub(super) version: String,
}

pub(super) struct Metrics {
    pub(super) registry: Registry,
    pub(super) requests: Family<RequestLabels, Counter>,
    pub(super) latency: Family<EndpointLabels, Histogram>,
    pub(super) predictions: Family<CategoryLabels, Counter>,
    pub(super) record_errors: Counter,
    pub(super) faults: Family<KindLabels, Counter>,
    pub(super) batch_size: Histogram,
}

fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.0002, 2.0, 16))
}

impl Metrics {
    pub(super) fn new(model_version: &str) -> Self {
        let mut registry = Registry::with_prefix("txclass_ml");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<EndpointLabels, Histogram>::new_with_constructor(
            latency_histogram as fn() -> Histogram,
        );
        let predictions = Family::<CategoryLabels, Counter>::default();
        let record_errors = Counter::default();
        let faults = Family::<KindLabels, Counter>::default();
        let batch_size = Histogram::new(exponential_buckets(1.0, 4.0, 8));
        let model_info = Family::<VersionLabels, Gauge>::default();
        model_info
            .get_or_create(&VersionLabels {
                version: model_version.to_owned(),
            })
            .set(1);
        registry.register(
            "requests",
            "HTTP requests by endpoint and status",
            requests.clone(),
        );
        registry.register(
            "request_duration_seconds",
            "HTTP request latency",
            latency.clone(),
        );
        registry.register(
            "predictions",
            "Predictions answered, by category",
            predictions.clone(),
        );
        registry.register(
            "record_errors",
            "Records answered with a per-record error",
            record_errors.clone(),
        );
        registry.register(
            "faults_injected",
            "Faults injected by the fault mode, by kind",
            faults.clone(),
        );
        registry.register(
            "batch_size",
            "Transactions per predict request",
            batch_size.clone(),
        );
        registry.register("model_info", "The model being served", model_info);
        Self {
            registry,
            requests,
            latency,
            predictions,
            record_errors,
            faults,
            batch_size,
        }
    }

    /// Gives every labelled family one series, so an encoding of the
    /// registry shows all of them (for `--print-metrics`).
    pub(super) fn show_every_family(&self) {
        let endpoint = "/v1/predict".to_owned();
        let _ = self.requests.get_or_create(&RequestLabels {
            endpoint: endpoint.clone(),
            status: 200,
        });
        let _ = self.latency.get_or_create(&EndpointLabels { endpoint });
        let _ = self.predictions.get_or_create(&CategoryLabels {
            category: txclass_core::Category::ALL[0].as_str().to_owned(),
        });
        let _ = self.faults.get_or_create(&KindLabels {
            kind: "unavailable".to_owned(),
        });
    }
}
