//! One batch run: every CSV object under a prefix through the shared run
//! bookkeeping and orchestration, chunks pipelined (reading, classifying
//! and writing overlap), failures to the DLQ topic and to an errors object.

mod errors;
mod object;

use std::sync::Arc;
use std::time::Instant;

use txclass_core::orchestrate::Counts;
use txclass_core::source::CsvOptions;
use txclass_core::{
    BatchId, ChunkNames, ChunkOutcome, ObjectStore, Orchestrator, PipelineError, PortError,
    ProcessingType, Run, RunId, RunObserver, RunStatus,
};
use txclass_service::metrics::PipelineMetrics;

pub use self::errors::ErrorsFirst;
use self::errors::ErrorsObject;
use self::object::ObjectOutcome;

/// What a run is asked to do.
#[derive(Debug, Clone)]
pub struct RunPlan {
    pub bucket: String,
    pub prefix: String,
    /// Exact keys to classify; empty: every CSV object under `prefix`.
    pub keys: Vec<String>,
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

/// The batch run's observer: the shared pipeline metrics and the progress
/// bar.
struct Observer {
    metrics: PipelineMetrics,
    progress: Progress,
    processed: std::sync::atomic::AtomicU64,
}

impl RunObserver for Observer {
    fn ingested(&self, records: u64) {
        self.metrics.ingested(records);
    }
    fn chunk_done(&self, outcome: &ChunkOutcome) {
        self.metrics.record(outcome);
        let before = self.processed.fetch_add(
            outcome.counts.received,
            std::sync::atomic::Ordering::Relaxed,
        );
        (self.progress)(before + outcome.counts.received);
    }
}

pub async fn run(
    plan: &RunPlan,
    objects: Arc<dyn ObjectStore>,
    orchestrator: &Orchestrator,
    metrics: &PipelineMetrics,
    progress: Progress,
) -> Result<RunSummary, RunError> {
    let clock = Instant::now();
    let observer = Arc::new(Observer {
        metrics: metrics.clone(),
        progress,
        processed: Default::default(),
    });
    let run = Run::new(
        orchestrator.clone(),
        ProcessingType::Batch,
        plan.run_id.clone(),
        plan.batch_id.clone(),
        ChunkNames::RunBatch,
        observer,
    );
    run.start().await?;
    let keys = match list_objects(plan, &*objects).await {
        Ok(keys) => keys,
        Err(err) => {
            run.finish(RunStatus::Failed, Some(err.to_string())).await?;
            return Err(err);
        }
    };
    let mut errors = ErrorsObject::default();
    let mut reports = Vec::new();
    let mut model_version = None;
    for key in keys {
        match object::process(plan, &objects, &run, &key, &mut errors).await {
            ObjectOutcome::Done(counts, version) => {
                model_version = model_version.or(version);
                reports.push(ObjectReport {
                    key,
                    counts,
                    refused: None,
                });
            }
            ObjectOutcome::Refused(counts, reason) => reports.push(ObjectReport {
                key,
                counts,
                refused: Some(reason),
            }),
            ObjectOutcome::Failed(err) => {
                run.finish(RunStatus::Failed, Some(err.to_string())).await?;
                return Err(err);
            }
        }
    }
    let totals = run.totals().await;
    let errors_object = errors.put(&*objects, plan, totals.dead_lettered).await?;
    let refused: Vec<String> = reports.iter().filter_map(|r| r.refused.clone()).collect();
    let (status, message) = if refused.is_empty() {
        (RunStatus::Succeeded, None)
    } else {
        (RunStatus::Failed, Some(refused.join("; ")))
    };
    run.finish(status, message).await?;
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

/// The plan's exact keys, or the CSV objects under its prefix, the errors
/// objects left out.
async fn list_objects(plan: &RunPlan, objects: &dyn ObjectStore) -> Result<Vec<String>, RunError> {
    if !plan.keys.is_empty() {
        return Ok(plan.keys.clone());
    }
    let keys: Vec<String> = objects
        .list(&plan.bucket, &plan.prefix)
        .await?
        .into_iter()
        .filter(|k| is_csv(k) && !k.starts_with(&plan.errors_prefix))
        .collect();
    if keys.is_empty() {
        return Err(RunError::NothingToDo {
            bucket: plan.bucket.clone(),
            prefix: plan.prefix.clone(),
        });
    }
    Ok(keys)
}

pub fn is_csv(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    k.ends_with(".csv") || k.ends_with(".csv.gz")
}
