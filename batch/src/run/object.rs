//! One object of a run: opened (or refused whole), its chunks read and
//! processed with bounded concurrency, its dead letters noted for the
//! errors object.

use std::sync::Arc;

use futures::{TryStreamExt, stream};
use txclass_core::orchestrate::Counts;
use txclass_core::source::{CsvObjectSource, OpenError};
use txclass_core::{
    ObjectStore, PipelineError, PortError, RetryHint, Run, Stage, TransactionSource,
};

use super::errors::ErrorsObject;
use super::{RunError, RunPlan};

/// How an object ended.
pub(super) enum ObjectOutcome {
    /// Every record written or dead-lettered; the model version used.
    Done(Counts, Option<String>),
    /// Not readable as a CSV of transactions: nothing of it written, or
    /// (a record over its bound) the records before the refusal.
    Refused(Counts, String),
    /// A dependency failed: the run stops.
    Failed(RunError),
}

pub(super) async fn process(
    plan: &RunPlan,
    objects: &Arc<dyn ObjectStore>,
    run: &Run,
    key: &str,
    errors: &mut ErrorsObject,
) -> ObjectOutcome {
    let source = match open(plan, objects, key).await {
        Ok(source) => source,
        Err(outcome) => return outcome,
    };
    tracing::info!(object = %key, format = ?source.schema().format(), "reading");
    // A refusal mid-object (a record over its bound) ends the stream
    // cleanly, so the chunks in flight finish and count before the object
    // is reported refused.
    let refusal: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);
    let refusal_ref = &refusal;
    let chunks = stream::try_unfold(source, move |mut source| async move {
        match source.next_chunk().await {
            Ok(chunk) => Ok(chunk.map(|chunk| (chunk, source))),
            Err(e) if e.hint == RetryHint::Permanent => {
                *refusal_ref
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(e.to_string());
                Ok(None)
            }
            Err(e) => Err::<_, PortError>(e),
        }
    });
    let outcomes = chunks
        .map_err(|e| PipelineError::Unavailable {
            stage: Stage::Parse,
            retries: 0,
            source: e,
        })
        .map_ok(|records| {
            run.ingested(records.len() as u64);
            run.process(records)
        })
        .try_buffer_unordered(plan.concurrency.max(1));
    let mut outcomes = std::pin::pin!(outcomes);
    let mut counts = Counts::default();
    let mut model_version = None;
    loop {
        match outcomes.try_next().await {
            Ok(Some(outcome)) => {
                counts += outcome.counts;
                model_version = model_version.or(outcome.model_version.clone());
                errors.append(&outcome.dead_letters);
            }
            Ok(None) => break,
            Err(source) => {
                // The circuit opens: a dead dependency stops the run
                // instead of being hammered chunk after chunk.
                let records = run.totals().await.received;
                return ObjectOutcome::Failed(RunError::Pipeline { records, source });
            }
        }
    }
    tracing::info!(object = %key, received = counts.received, written = counts.written, dead_lettered = counts.dead_lettered, "object done");
    let refused = refusal
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .take();
    match refused {
        Some(reason) => {
            tracing::error!(object = %key, error = %reason, "object refused after its first records");
            ObjectOutcome::Refused(counts, reason)
        }
        None => ObjectOutcome::Done(counts, model_version),
    }
}

/// Opens the object, or answers how the object ends when it cannot be.
async fn open(
    plan: &RunPlan,
    objects: &Arc<dyn ObjectStore>,
    key: &str,
) -> Result<CsvObjectSource, ObjectOutcome> {
    match CsvObjectSource::open(
        objects.clone(),
        &plan.bucket,
        key,
        plan.chunk_size,
        &plan.csv,
    )
    .await
    {
        Ok(source) => Ok(source),
        Err(OpenError::Store(e)) if e.is_transient() || e.hint == RetryHint::Fatal => {
            Err(ObjectOutcome::Failed(RunError::Store(e)))
        }
        Err(e) => {
            tracing::error!(object = %key, error = %e, "object refused; nothing of it is written");
            Err(ObjectOutcome::Refused(Counts::default(), e.to_string()))
        }
    }
}
