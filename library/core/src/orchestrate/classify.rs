//! The classify stage: the valid records of a chunk through the
//! classifier, with retries, refused records isolated by bisection, and
//! every answer checked.

use super::bisect::{Attempt, Tried, bisect};
use super::{Classified, Orchestrator, PipelineError, Prepared};
use crate::model::{Predict, Transaction};
use crate::ports::{RetryHint, Stage};
use crate::reason::{Reason, ReasonCode};

/// Chunks at least this big are judged as a whole: when nearly all of their
/// records are refused, the classifier is refusing the service, not the
/// records.
const SERVICE_WIDE_MIN_RECORDS: usize = 10;
/// The share of refused records (in percent) that makes a refusal
/// service-wide.
const SERVICE_WIDE_PERCENT: usize = 90;

/// A chunk whose records the classifier (nearly) all refuses or answers
/// wrongly — a schema change, a proxy's 400 or 413, a model answering
/// unknown categories — is an outage to hold, not a stream to dead-letter.
fn service_wide_refusal(
    results: &[(Result<Predict, Reason>, u32)],
    retries: u64,
) -> Option<PipelineError> {
    let refused = results.iter().filter(|(r, _)| r.is_err()).count();
    let n = results.len();
    if n < SERVICE_WIDE_MIN_RECORDS || refused * 100 < n * SERVICE_WIDE_PERCENT {
        return None;
    }
    let example = results
        .iter()
        .find_map(|(r, _)| r.as_ref().err())
        .map(|reason| reason.detail.clone())
        .unwrap_or_default();
    Some(PipelineError::Unavailable {
        stage: Stage::Classify,
        retries: u32::try_from(retries).unwrap_or(u32::MAX),
        source: crate::ports::PortError::transient(format!(
            "the classifier refused {refused} of {n} records, so it refuses the service, not the records; held as an outage (first: {example})"
        )),
    })
}

impl Orchestrator {
    /// Classifies the valid records with retries. A batch the classifier
    /// refuses outright is split in halves until the refused records are
    /// isolated, so one poison record never sinks its neighbours.
    pub async fn classify(&self, mut prepared: Prepared) -> Result<Classified, PipelineError> {
        let transactions: Vec<Transaction> =
            prepared.valid.iter().map(|(tx, _)| tx.clone()).collect();
        let unanswered = Reason::new(ReasonCode::ClassifierRefused, "no answer");
        let mut results: Vec<(Result<Predict, Reason>, u32)> =
            vec![(Err(unanswered), 0); transactions.len()];
        let mut model_version = None;
        let mut refused = Vec::new();
        let transactions = &transactions;
        let retries = bisect(
            transactions.len(),
            |range| self.classify_range(&transactions[range]),
            |range, answer: Vec<Result<Predict, String>>, retries| {
                for (offset, checked) in answer.into_iter().enumerate() {
                    let checked = checked.map_err(|e| {
                        Reason::new(
                            ReasonCode::InvalidPrediction,
                            format!("invalid prediction: {e}"),
                        )
                    });
                    if let Ok(p) = &checked {
                        model_version.get_or_insert_with(|| p.model_version.clone());
                    }
                    results[range.start + offset] = (checked, retries);
                }
            },
            |i, refusal, retries| refused.push((i, refusal, retries)),
        )
        .await?;
        for (i, refusal, retries) in refused {
            let why = Reason::new(
                ReasonCode::ClassifierRefused,
                format!("classifier refused: {refusal}"),
            );
            results[i] = (Err(why), retries);
        }
        prepared.counts.classify_retries += retries;
        if let Some(outage) = service_wide_refusal(&results, retries) {
            return Err(outage);
        }
        Ok(Classified {
            prepared,
            results,
            model_version,
        })
    }

    /// One classifier call (with retries) for a slice: every answer checked,
    /// or the slice refused.
    async fn classify_range(
        &self,
        slice: &[Transaction],
    ) -> Result<Tried<Vec<Result<Predict, String>>>, PipelineError> {
        let (answer, retries) = self
            .classify_retry
            .run("classify", || self.classifier.classify(slice))
            .await;
        let attempt = match answer {
            Ok(c) if c.predictions.len() == slice.len() => Attempt::Done(
                c.predictions
                    .iter()
                    .zip(slice)
                    .map(|(output, tx)| {
                        Predict::check(output, tx.transaction_id(), &c.model_version)
                    })
                    .collect(),
            ),
            Ok(c) => Attempt::Refused(format!(
                "classifier answered {} predictions for {} transactions",
                c.predictions.len(),
                slice.len()
            )),
            Err(e) => match e.hint {
                RetryHint::Permanent => Attempt::Refused(e.to_string()),
                RetryHint::Transient => {
                    return Err(PipelineError::Unavailable {
                        stage: Stage::Classify,
                        retries,
                        source: e,
                    });
                }
                RetryHint::Fatal => {
                    return Err(PipelineError::Fatal {
                        stage: Stage::Classify,
                        source: e,
                    });
                }
            },
        };
        Ok(Tried { attempt, retries })
    }
}
