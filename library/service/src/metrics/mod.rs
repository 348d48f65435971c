//! Prometheus metrics: the registry and its text, the pipeline counters
//! both pipelines share ([`PipelineMetrics`]) and the Pushgateway client
//! for jobs that end ([`push_to_gateway`]).

mod pipeline;
mod pushgateway;

use prometheus_client::registry::Registry;

pub use pipeline::PipelineMetrics;
pub use pushgateway::{PushError, push_to_gateway, to_prometheus_text};

/// Content type of [`encode`]'s output (OpenMetrics text).
pub const OPENMETRICS_CONTENT_TYPE: &str =
    "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// A registry whose metrics are named `txclass_…`.
pub fn registry() -> Registry {
    Registry::with_prefix("txclass")
}

/// The registry in OpenMetrics text, as `/metrics` serves it.
pub fn encode(registry: &Registry) -> String {
    let mut body = String::new();
    // Writing into a String cannot fail.
    let _ = prometheus_client::encoding::text::encode(&mut body, registry);
    body
}
