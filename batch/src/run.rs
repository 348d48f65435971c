//! One batch run: every CSV object under a prefix through the shared
//! orchestration, chunks pipelined (reading, classifying and writing
//! overlap), failures to the DLQ topic and to an errors object.

use std::sync::Arc;
use std::time::Instant;

use chrono::Utc;
use futures::{TryStreamExt, stream};
use txclass_adapters::metrics::PipelineMetrics;
use txclass_core::csv::row_bytes;
use txclass_core::orchestrate::Counts;
use txclass_core::source::{CsvObjectSource, CsvOptions, OpenError};
use txclass_core::{
    BatchId, DeadLetter, Lineage, ObjectStore, Orchestrator, PipelineError, PortError,
    PredictionStore, ProcessingType, RunId, RunReport, RunStatus, TransactionSource,
};

/// What a run is asked to do.
#[derive(Debug, Clone)]
pub struct RunPlan {
    pub bucket: String,
    pub prefix: String,
    pub run_id: RunId,
    pub batch_id: BatchId,
    pub chunk_size: usize,
    pub concurrency: usize,
    pub errors_prefix: String,
    pub csv: CsvOptions,
}

/// Per-object outcome.
#[derive(Debug, Clone)]
pub struct ObjectReport {
    pub key: String,
    pub counts: Counts,
    /// Set when the object could not be read at all (nothing written).
    pub refused: Option<String>,
}

#[derive(Debug)]
pub struct RunSummary {
    pub run_id: RunId,
    pub batch_id: BatchId,
    pub objects: Vec<ObjectReport>,
    pub totals: Counts,
    pub errors_object: Option<String>,
    pub seconds: f64,
    pub model_version: Option<String>,
}

impl RunSummary {
    pub fn refused_objects(&self) -> Vec<&ObjectReport> {
        self.objects
            .iter()
            .filter(|o| o.refused.is_some())
            .collect()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("no CSV objects under s3://{bucket}/{prefix}")]
    NothingToDo { bucket: String, prefix: String },
    #[error(transparent)]
    Store(#[from] PortError),
    #[error(
        "{source} (after {records} records; the run can be re-run safely: writes are idempotent)"
    )]
    Pipeline {
        records: u64,
        #[source]
        source: PipelineError,
    },
}

/// Callback for progress: records processed so far.
pub type Progress = Arc<dyn Fn(u64) + Send + Sync>;

pub async fn run(
    plan: &RunPlan,
    objects: Arc<dyn ObjectStore>,
    orchestrator: &Orchestrator,
    metrics: &PipelineMetrics,
    progress: Progress,
) -> Result<RunSummary, RunError> {
    let started_at = Utc::now();
    let clock = Instant::now();
    let store: Arc<dyn PredictionStore> = orchestrator.store().clone();
    let mut report = RunReport {
        run_id: plan.run_id.clone(),
        batch_id: plan.batch_id.clone(),
        processing_type: ProcessingType::Batch,
        status: RunStatus::Running,
        records_in: 0,
        written: 0,
        rejected: 0,
        dead_lettered: 0,
        started_at,
        ended_at: None,
        message: None,
    };
    store.record_run(&report).await?;

    let keys: Vec<String> = objects
        .list(&plan.bucket, &plan.prefix)
        .await?
        .into_iter()
        .filter(|k| is_csv(k) && !k.starts_with(&plan.errors_prefix))
        .collect();
    if keys.is_empty() {
        let err = RunError::NothingToDo {
            bucket: plan.bucket.clone(),
            prefix: plan.prefix.clone(),
        };
        finish_run(
            &*store,
            &mut report,
            RunStatus::Failed,
            Some(err.to_string()),
        )
        .await?;
        return Err(err);
    }

    let lineage = Lineage {
        processing_type: ProcessingType::Batch,
        run_id: plan.run_id.clone(),
        batch_id: plan.batch_id.clone(),
    };
    let mut totals = Counts::default();
    let mut reports = Vec::new();
    let mut errors_csv: Vec<u8> =
        b"source,line,error_stage,error_code,error_reason,error_retries,row\n".to_vec();
    let mut model_version = None;

    for key in keys {
        let source = match CsvObjectSource::open(
            objects.clone(),
            &plan.bucket,
            &key,
            plan.chunk_size,
            &plan.csv,
        )
        .await
        {
            Ok(source) => source,
            Err(OpenError::Store(e))
                if e.is_transient() || e.hint == txclass_core::RetryHint::Fatal =>
            {
                finish_run(&*store, &mut report, RunStatus::Failed, Some(e.to_string())).await?;
                return Err(RunError::Store(e));
            }
            Err(e) => {
                tracing::error!(object = %key, error = %e, "object refused; nothing of it is written");
                reports.push(ObjectReport {
                    key,
                    counts: Counts::default(),
                    refused: Some(e.to_string()),
                });
                continue;
            }
        };
        tracing::info!(object = %key, format = ?source.schema().format(), "reading");
        let chunks = stream::try_unfold(source, |mut source| async move {
            Ok::<_, PortError>(source.next_chunk().await?.map(|chunk| (chunk, source)))
        });
        let outcomes = chunks
            .map_err(|e| PipelineError::Unavailable {
                stage: txclass_core::Stage::Parse,
                retries: 0,
                source: e,
            })
            .map_ok(|records| {
                let lineage = lineage.clone();
                async move { orchestrator.process_chunk(&lineage, records).await }
            })
            .try_buffer_unordered(plan.concurrency.max(1));
        let mut outcomes = std::pin::pin!(outcomes);
        let mut counts = Counts::default();
        loop {
            match outcomes.try_next().await {
                Ok(Some(outcome)) => {
                    metrics.ingested(outcome.counts.received);
                    metrics.record(&outcome);
                    counts += outcome.counts;
                    if model_version.is_none() {
                        model_version = outcome.model_version.clone();
                    }
                    append_errors(&mut errors_csv, &outcome.dead_letters);
                    progress(totals.received + counts.received);
                }
                Ok(None) => break,
                Err(source) => {
                    // The circuit opens: a dead dependency stops the run
                    // instead of being hammered chunk after chunk.
                    totals += counts;
                    let records = totals.received;
                    update(&mut report, &totals);
                    let err = RunError::Pipeline { records, source };
                    finish_run(
                        &*store,
                        &mut report,
                        RunStatus::Failed,
                        Some(err.to_string()),
                    )
                    .await?;
                    return Err(err);
                }
            }
        }
        tracing::info!(object = %key, received = counts.received, written = counts.written, dead_lettered = counts.dead_lettered, "object done");
        totals += counts;
        update(&mut report, &totals);
        store.record_run(&report).await?;
        reports.push(ObjectReport {
            key,
            counts,
            refused: None,
        });
    }

    let errors_object = if totals.dead_lettered > 0 {
        let key = format!("{}{}.csv", plan.errors_prefix, plan.batch_id);
        objects.put(&plan.bucket, &key, errors_csv).await?;
        Some(format!("s3://{}/{key}", plan.bucket))
    } else {
        None
    };

    let refused: Vec<String> = reports.iter().filter_map(|r| r.refused.clone()).collect();
    let (status, message) = if refused.is_empty() {
        (RunStatus::Succeeded, None)
    } else {
        (RunStatus::Failed, Some(refused.join("; ")))
    };
    finish_run(&*store, &mut report, status, message).await?;
    Ok(RunSummary {
        run_id: plan.run_id.clone(),
        batch_id: plan.batch_id.clone(),
        objects: reports,
        totals,
        errors_object,
        seconds: clock.elapsed().as_secs_f64(),
        model_version,
    })
}

pub fn is_csv(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    k.ends_with(".csv") || k.ends_with(".csv.gz")
}

fn update(report: &mut RunReport, totals: &Counts) {
    report.records_in = totals.received;
    report.written = totals.written;
    report.rejected = totals.rejected();
    report.dead_lettered = totals.dead_lettered;
}

async fn finish_run(
    store: &dyn PredictionStore,
    report: &mut RunReport,
    status: RunStatus,
    message: Option<String>,
) -> Result<(), PortError> {
    report.status = status;
    report.ended_at = Some(Utc::now());
    report.message = message;
    store.record_run(report).await
}

/// One line per dead letter: where it came from, why, and the original row.
fn append_errors(out: &mut Vec<u8>, letters: &[DeadLetter]) {
    for letter in letters {
        let (source, line) = match &letter.source {
            txclass_core::SourceRef::Object { line, .. } => {
                (letter.source.lineage(), line.to_string())
            }
            other => (other.lineage(), String::new()),
        };
        let row = String::from_utf8_lossy(&letter.payload).into_owned();
        out.extend_from_slice(&row_bytes(
            &[
                source,
                line,
                letter.stage.to_string(),
                letter.code.clone(),
                letter.reason.clone(),
                letter.retries.to_string(),
                row,
            ],
            b',',
        ));
        out.push(b'\n');
    }
}
