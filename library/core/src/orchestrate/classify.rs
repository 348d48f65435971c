//! The classify stage: the valid records of a chunk through the
//! classifier, with retries, refused records isolated by bisection, and
//! every answer checked.

use super::bisect::{Attempt, Tried, bisect};
use super::{Classified, Orchestrator, PipelineError, Prepared};
use crate::model::{Predict, Transaction};
use crate::ports::{RetryHint, Stage};
use crate::reason::{Reason, ReasonCode};

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
