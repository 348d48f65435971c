//! The run's metrics to a Prometheus Pushgateway when the run ends.

use std::sync::atomic::AtomicU64;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::Registry;
use txclass_service::metrics;

use crate::run::RunPlan;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StatusLabels {
    status: &'static str,
}

/// Pushes the run's counters plus its duration, status and (on success)
/// completion time. A Pushgateway that does not answer costs a warning, not
/// the run.
pub async fn push_run_metrics(
    gateway: &str,
    registry: &mut Registry,
    plan: &RunPlan,
    outcome: &'static str,
    elapsed: std::time::Duration,
) {
    register_run_metrics(registry, outcome, elapsed);
    let grouping = [
        ("run_id", plan.run_id.as_str()),
        ("batch_id", plan.batch_id.as_str()),
    ];
    match metrics::push_to_gateway(gateway, "txclass-batch", &grouping, registry).await {
        Ok(()) => tracing::info!(gateway, "metrics pushed"),
        Err(e) => tracing::warn!(error = %e, "metrics not pushed"),
    }
}

/// The run's own gauges (`txclass_batch_…`): duration, status and, on
/// success, completion time.
fn register_run_metrics(
    registry: &mut Registry,
    outcome: &'static str,
    elapsed: std::time::Duration,
) {
    let own = registry.sub_registry_with_prefix("batch");
    let duration = Gauge::<f64, AtomicU64>::default();
    duration.set(elapsed.as_secs_f64());
    own.register("run_duration_seconds", "How long the run took", duration);
    let status = Family::<StatusLabels, Gauge>::default();
    for s in ["succeeded", "failed"] {
        status
            .get_or_create(&StatusLabels { status: s })
            .set(i64::from(s == outcome));
    }
    own.register(
        "last_run_status",
        "1 for the status of the last run",
        status,
    );
    if outcome == "succeeded" {
        let now = Gauge::<f64, AtomicU64>::default();
        now.set(chrono::Utc::now().timestamp_millis() as f64 / 1000.0);
        own.register(
            "last_success_timestamp_seconds",
            "When the last successful run ended (Unix time)",
            now,
        );
    }
}

/// Every metric a batch run can push, in OpenMetrics text.
pub fn metrics_catalogue() -> String {
    let mut registry = metrics::registry();
    metrics::PipelineMetrics::register(&mut registry, "batch").show_every_family();
    register_run_metrics(&mut registry, "succeeded", std::time::Duration::ZERO);
    metrics::encode(&registry)
}
