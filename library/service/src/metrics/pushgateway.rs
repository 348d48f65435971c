//! Pushing a registry to a Prometheus Pushgateway, for jobs that end
//! before anything scrapes them (the batch pipeline).

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE;
use prometheus_client::registry::Registry;
use thiserror::Error;

use super::encode;

/// Rewrites OpenMetrics text into the Prometheus text format (0.0.4) that a
/// Pushgateway accepts: counter families are named with their `_total`
/// samples, and the `# UNIT` and `# EOF` lines go.
pub fn to_prometheus_text(openmetrics: &str) -> String {
    // HELP comes before TYPE in OpenMetrics, so the counters are found first.
    let counters: std::collections::HashSet<&str> = openmetrics
        .lines()
        .filter_map(|line| line.strip_prefix("# TYPE ")?.strip_suffix(" counter"))
        .collect();
    let mut out = String::with_capacity(openmetrics.len());
    for line in openmetrics.lines() {
        if line == "# EOF" || line.starts_with("# UNIT ") {
            continue;
        }
        if let Some(rest) = line.strip_prefix("# TYPE ")
            && let Some(name) = rest.strip_suffix(" counter")
        {
            out.push_str(&format!("# TYPE {name}_total counter\n"));
            continue;
        }
        if let Some(rest) = line.strip_prefix("# HELP ") {
            let name = rest.split(' ').next().unwrap_or_default();
            if counters.contains(name) {
                out.push_str(&format!("# HELP {name}_total{}\n", &rest[name.len()..]));
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[derive(Debug, Error)]
pub enum PushError {
    #[error("pushing metrics to {url}: {source}")]
    Http {
        url: String,
        #[source]
        source: reqwest::Error,
    },
    #[error("pushing metrics to {url}: the Pushgateway answered HTTP {status}: {body}")]
    Refused {
        url: String,
        status: u16,
        body: String,
    },
}

/// Replaces the group `job/<job>/<label>/<value>…` on a Prometheus
/// Pushgateway with the registry's metrics (HTTP PUT).
pub async fn push_to_gateway(
    gateway: &str,
    job: &str,
    grouping: &[(&str, &str)],
    registry: &Registry,
) -> Result<(), PushError> {
    let mut url = format!(
        "{}/metrics/{}",
        gateway.trim_end_matches('/'),
        grouping_segment("job", job)
    );
    for (label, value) in grouping {
        url.push('/');
        url.push_str(&grouping_segment(label, value));
    }
    let body = to_prometheus_text(&encode(registry));
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .map_err(|source| PushError::Http {
            url: url.clone(),
            source,
        })?;
    let answer = client
        .put(&url)
        .header("content-type", "text/plain; version=0.0.4")
        .body(body)
        .send()
        .await
        .map_err(|source| PushError::Http {
            url: url.clone(),
            source,
        })?;
    let status = answer.status();
    if !status.is_success() {
        let body = answer.text().await.unwrap_or_default();
        return Err(PushError::Refused {
            url,
            status: status.as_u16(),
            body,
        });
    }
    Ok(())
}

/// `label/value` of a grouping key, in the Pushgateway's base64 form
/// (`label@base64/…`) when the value has characters a path segment cannot
/// carry plainly (Airflow run ids have `:` and `+`).
fn grouping_segment(label: &str, value: &str) -> String {
    let plain = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if plain {
        format!("{label}/{value}")
    } else if value.is_empty() {
        // The Pushgateway's spelling of an empty value.
        format!("{label}@base64/=")
    } else {
        format!("{label}@base64/{}", URL_SAFE.encode(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::{PipelineMetrics, registry};

    #[test]
    fn pushgateway_text_names_counter_families_by_their_samples() {
        let mut registry = registry();
        let m = PipelineMetrics::register(&mut registry, "batch");
        m.ingested(7);
        let text = to_prometheus_text(&encode(&registry));
        assert!(text.contains("# TYPE txclass_records_ingested_total counter\n"));
        assert!(text.contains("# HELP txclass_records_ingested_total Records read"));
        assert!(text.contains("txclass_records_ingested_total{pipeline=\"batch\"} 7\n"));
        assert!(!text.contains("# EOF"));
        assert!(!text.contains("# TYPE txclass_records_ingested counter"));
    }

    #[test]
    fn grouping_values_that_a_path_cannot_carry_are_base64_encoded() {
        assert_eq!(grouping_segment("batch_id", "b-7.csv"), "batch_id/b-7.csv");
        assert_eq!(
            grouping_segment("run_id", "manual__2026-11-22T01:00:00+00:00"),
            "run_id@base64/bWFudWFsX18yMDI2LTExLTIyVDAxOjAwOjAwKzAwOjAw"
        );
        assert_eq!(grouping_segment("run_id", ""), "run_id@base64/=");
    }
}
