//! The metrics both pipelines expose under the same names, so one dashboard
//! and one set of alerts covers batch and streaming alike:
//!
//! | metric | labels |
//! |---|---|
//! | `txclass_records_ingested_total` | `pipeline` |
//! | `txclass_records_written_total` | `pipeline` |
//! | `txclass_validation_failures_total` | `pipeline`, `stage` (parse, validate) |
//! | `txclass_processing_errors_total` | `pipeline`, `stage` (classify, persist) |
//! | `txclass_records_dead_lettered_total` | `pipeline`, `stage`, `reason` |
//! | `txclass_predictions_total` | `pipeline`, `category` |
//! | `txclass_retries_total` | `pipeline`, `dependency` (ml_api, postgres) |
//!
//! `reason` is the dead letter's bounded code (`amount.decimal`,
//! `invalid_json`, `classifier_refused`, …), never free text.
//!
//! The streaming consumer serves them on `/metrics`; the batch job, which
//! ends, pushes them to a Prometheus Pushgateway ([`push_to_gateway`]).

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::registry::Registry;
use thiserror::Error;
use txclass_core::{ChunkOutcome, Stage};

/// Content type of [`encode`]'s output (OpenMetrics text).
pub const OPENMETRICS_CONTENT_TYPE: &str =
    "application/openmetrics-text; version=1.0.0; charset=utf-8";

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PipelineLabels {
    pipeline: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StageLabels {
    pipeline: &'static str,
    stage: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct LetterLabels {
    pipeline: &'static str,
    stage: &'static str,
    reason: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CategoryLabels {
    pipeline: &'static str,
    category: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct DependencyLabels {
    pipeline: &'static str,
    dependency: &'static str,
}

/// The shared pipeline counters of one pipeline (`batch` or `streaming`).
#[derive(Clone)]
pub struct PipelineMetrics {
    pipeline: &'static str,
    ingested: Family<PipelineLabels, Counter>,
    written: Family<PipelineLabels, Counter>,
    validation_failures: Family<StageLabels, Counter>,
    processing_errors: Family<StageLabels, Counter>,
    dead_lettered: Family<LetterLabels, Counter>,
    predictions: Family<CategoryLabels, Counter>,
    retries: Family<DependencyLabels, Counter>,
}

impl PipelineMetrics {
    /// Registers the counters in `registry`, whose prefix must be `txclass`
    /// (see [`registry`]).
    pub fn register(registry: &mut Registry, pipeline: &'static str) -> Self {
        let m = Self {
            pipeline,
            ingested: Family::default(),
            written: Family::default(),
            validation_failures: Family::default(),
            processing_errors: Family::default(),
            dead_lettered: Family::default(),
            predictions: Family::default(),
            retries: Family::default(),
        };
        registry.register(
            "records_ingested",
            "Records read from the source (CSV rows, Kafka messages)",
            m.ingested.clone(),
        );
        registry.register(
            "records_written",
            "Records whose transaction and prediction are in PostgreSQL",
            m.written.clone(),
        );
        registry.register(
            "validation_failures",
            "Records refused for their content, by stage (parse, validate)",
            m.validation_failures.clone(),
        );
        registry.register(
            "processing_errors",
            "Valid records that failed processing, by stage (classify, persist)",
            m.processing_errors.clone(),
        );
        registry.register(
            "records_dead_lettered",
            "Records sent to the dead-letter topic, by stage and reason code",
            m.dead_lettered.clone(),
        );
        registry.register(
            "predictions",
            "Predictions written, by category",
            m.predictions.clone(),
        );
        registry.register(
            "retries",
            "Calls retried, by dependency (ml_api, postgres)",
            m.retries.clone(),
        );
        // Every series of a pipeline exists from the start, so rates and
        // ratios are defined before the first failure.
        let labels = PipelineLabels { pipeline };
        let _ = m.ingested.get_or_create(&labels);
        let _ = m.written.get_or_create(&labels);
        for stage in Stage::ALL {
            let _ = m.failures(stage).get_or_create(&StageLabels {
                pipeline,
                stage: stage.as_str(),
            });
        }
        for dependency in ["ml_api", "postgres"] {
            let _ = m.retries.get_or_create(&DependencyLabels {
                pipeline,
                dependency,
            });
        }
        m
    }

    fn failures(&self, stage: Stage) -> &Family<StageLabels, Counter> {
        match stage {
            Stage::Parse | Stage::Validate => &self.validation_failures,
            Stage::Classify | Stage::Persist => &self.processing_errors,
        }
    }

    /// Counts records read from the source.
    pub fn ingested(&self, n: u64) {
        self.ingested
            .get_or_create(&PipelineLabels {
                pipeline: self.pipeline,
            })
            .inc_by(n);
    }

    /// Counts what one completed chunk did.
    pub fn record(&self, outcome: &ChunkOutcome) {
        let pipeline = self.pipeline;
        let c = &outcome.counts;
        self.written
            .get_or_create(&PipelineLabels { pipeline })
            .inc_by(c.written);
        for stage in Stage::ALL {
            let n = c.dead_lettered_at(stage);
            if n > 0 {
                self.failures(stage)
                    .get_or_create(&StageLabels {
                        pipeline,
                        stage: stage.as_str(),
                    })
                    .inc_by(n);
            }
        }
        for letter in &outcome.dead_letters {
            self.dead_lettered
                .get_or_create(&LetterLabels {
                    pipeline,
                    stage: letter.stage.as_str(),
                    reason: letter.code.clone(),
                })
                .inc();
        }
        for (category, n) in outcome.categories() {
            if n > 0 {
                self.predictions
                    .get_or_create(&CategoryLabels {
                        pipeline,
                        category: category.as_str(),
                    })
                    .inc_by(n);
            }
        }
        for (dependency, n) in [
            ("ml_api", c.classify_retries),
            ("postgres", c.persist_retries),
        ] {
            if n > 0 {
                self.retries
                    .get_or_create(&DependencyLabels {
                        pipeline,
                        dependency,
                    })
                    .inc_by(n);
            }
        }
    }
}

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
    use txclass_core::lineage::SourceRef;
    use txclass_core::orchestrate::Counts;
    use txclass_core::{Category, DeadLetter, RunId};

    fn outcome() -> ChunkOutcome {
        let mut written_by_category = [0; 16];
        written_by_category[Category::FoodAndDrink.index()] = 3;
        ChunkOutcome {
            counts: Counts {
                received: 5,
                written: 3,
                dead_lettered: 2,
                parse_failed: 1,
                classify_failed: 1,
                classify_retries: 2,
                ..Counts::default()
            },
            dead_letters: [
                (Stage::Parse, "invalid_json"),
                (Stage::Classify, "classifier_refused"),
            ]
            .into_iter()
            .map(|(stage, code)| DeadLetter {
                payload: vec![],
                stage,
                code: code.into(),
                reason: "x".into(),
                retries: 0,
                source: SourceRef::Topic {
                    topic: "t".into(),
                    partition: 0,
                    offset: 1,
                },
                run_id: RunId::new("r"),
                transaction_id: None,
            })
            .collect(),
            model_version: None,
            written_by_category,
        }
    }

    #[test]
    fn a_chunk_is_counted_by_pipeline_stage_reason_and_category() {
        let mut registry = registry();
        let m = PipelineMetrics::register(&mut registry, "streaming");
        m.ingested(5);
        m.record(&outcome());
        let text = encode(&registry);
        for line in [
            r#"txclass_records_ingested_total{pipeline="streaming"} 5"#,
            r#"txclass_records_written_total{pipeline="streaming"} 3"#,
            r#"txclass_validation_failures_total{pipeline="streaming",stage="parse"} 1"#,
            r#"txclass_validation_failures_total{pipeline="streaming",stage="validate"} 0"#,
            r#"txclass_processing_errors_total{pipeline="streaming",stage="classify"} 1"#,
            r#"txclass_records_dead_lettered_total{pipeline="streaming",stage="parse",reason="invalid_json"} 1"#,
            r#"txclass_predictions_total{pipeline="streaming",category="FOOD_AND_DRINK"} 3"#,
            r#"txclass_retries_total{pipeline="streaming",dependency="ml_api"} 2"#,
        ] {
            assert!(text.contains(line), "missing {line} in\n{text}");
        }
    }

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
