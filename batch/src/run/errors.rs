//! The errors object: one CSV line per dead letter of the run, written to
//! `<errors-prefix><batch_id>.csv` when the run dead-lettered anything.

use txclass_core::csv::row_bytes;
use txclass_core::{DeadLetter, ObjectStore, PortError, SourceRef};

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
