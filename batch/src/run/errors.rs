//! The errors objects: one CSV line per dead letter. Every chunk's letters
//! are written to a part, `<errors-prefix><batch_id>/<object>-line<N>.csv`,
//! before they go to the topic ([`ErrorsFirst`]), so a run that fails or is
//! killed leaves a row in S3 for every letter on the topic; at the end of
//! the run they are also gathered in `<errors-prefix><batch_id>.csv`.

use std::sync::Arc;

use async_trait::async_trait;
use txclass_core::csv::row_bytes;
use txclass_core::{DeadLetter, DeadLetterQueue, ObjectStore, PortError, SourceRef};

use super::RunPlan;

const HEADER: &[u8] = b"source,line,error_stage,error_code,error_reason,error_retries,row\n";

#[derive(Debug)]
pub(super) struct ErrorsObject {
    csv: Vec<u8>,
}

impl Default for ErrorsObject {
    fn default() -> Self {
        Self {
            csv: HEADER.to_vec(),
        }
    }
}

impl ErrorsObject {
    /// One line per dead letter: where it came from, why, and the original row.
    pub(super) fn append(&mut self, letters: &[DeadLetter]) {
        for letter in letters {
            let (source, line) = match &letter.source {
                SourceRef::Object { line, .. } => (letter.source.lineage(), line.to_string()),
                other => (other.lineage(), String::new()),
            };
            let row = String::from_utf8_lossy(&letter.payload).into_owned();
            self.csv.extend_from_slice(&row_bytes(
                &[
                    source,
                    line,
                    letter.stage.to_string(),
                    letter.reason.code.to_string(),
                    letter.reason.detail.clone(),
                    letter.retries.to_string(),
                    row,
                ],
                b',',
            ));
            self.csv.push(b'\n');
        }
    }

    /// Writes the object when the run dead-lettered anything; answers its
    /// address.
    pub(super) async fn put(
        self,
        objects: &dyn ObjectStore,
        plan: &RunPlan,
        dead_lettered: u64,
    ) -> Result<Option<String>, PortError> {
        if dead_lettered == 0 {
            return Ok(None);
        }
        let key = format!("{}{}.csv", plan.errors_prefix, plan.batch_id);
        objects.put(&plan.bucket, &key, self.csv).await?;
        Ok(Some(format!("s3://{}/{key}", plan.bucket)))
    }
}

/// The batch run's dead-letter queue: each send first writes its letters as
/// an errors part, then hands them to the topic.
pub struct ErrorsFirst {
    objects: Arc<dyn ObjectStore>,
    bucket: String,
    /// `<errors-prefix><batch_id>/`
    folder: String,
    topic: Arc<dyn DeadLetterQueue>,
}

impl std::fmt::Debug for ErrorsFirst {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ErrorsFirst")
            .field(
                "folder",
                &format_args!("s3://{}/{}", self.bucket, self.folder),
            )
            .finish_non_exhaustive()
    }
}

impl ErrorsFirst {
    pub fn new(
        objects: Arc<dyn ObjectStore>,
        plan: &RunPlan,
        topic: Arc<dyn DeadLetterQueue>,
    ) -> Self {
        Self {
            objects,
            bucket: plan.bucket.clone(),
            folder: format!("{}{}/", plan.errors_prefix, plan.batch_id),
            topic,
        }
    }

    /// The part's key, from its first letter's place: the same letters sent
    /// again (a retried send) overwrite their part instead of adding one.
    fn part_key(&self, first: &DeadLetter) -> String {
        let place = match &first.source {
            SourceRef::Object { key, line, .. } => {
                let name = key.rsplit('/').next().unwrap_or(key);
                format!("{name}-line{line:09}")
            }
            other => other.lineage().replace('/', "-"),
        };
        format!("{}{place}.csv", self.folder)
    }
}

#[async_trait]
impl DeadLetterQueue for ErrorsFirst {
    async fn send(&self, letters: &[DeadLetter]) -> Result<(), PortError> {
        let Some(first) = letters.first() else {
            return Ok(());
        };
        let mut part = ErrorsObject::default();
        part.append(letters);
        self.objects
            .put(&self.bucket, &self.part_key(first), part.csv)
            .await?;
        self.topic.send(letters).await
    }
}
