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
//! ends, pushes them to a Prometheus Pushgateway
//! ([`push_to_gateway`](super::push_to_gateway)).

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::registry::Registry;
use txclass_core::{ChunkOutcome, RunObserver, Stage};

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
#[derive(Debug, Clone)]
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
    /// (see [`registry`](super::registry)).
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

    /// Gives every labelled family one series, so an encoding of the
    /// registry shows all of them (for `--print-metrics`).
    pub fn show_every_family(&self) {
        let pipeline = self.pipeline;
        let _ = self.dead_lettered.get_or_create(&LetterLabels {
            pipeline,
            stage: Stage::Parse.as_str(),
            reason: txclass_core::ReasonCode::InvalidJson.to_string(),
        });
        let _ = self.predictions.get_or_create(&CategoryLabels {
            pipeline,
            category: txclass_core::Category::ALL[0].as_str(),
        });
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
                    reason: letter.reason.code.as_str().into_owned(),
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

impl RunObserver for PipelineMetrics {
    fn ingested(&self, records: u64) {
        PipelineMetrics::ingested(self, records);
    }
    fn chunk_done(&self, outcome: &ChunkOutcome) {
        self.record(outcome);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::{encode, registry};
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
                reason: txclass_core::Reason::new(
                    txclass_core::ReasonCode::parse(code).expect("a known code"),
                    "x",
                ),
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
}
