//! In-memory implementations of the ports, for unit tests of the core and
//! as the reference the real adapters are held to.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Mutex;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::lineage::Lineage;
use crate::model::{Category, PredictOutput, Transaction};
use crate::ports::{
    Classification, ClassifiedRecord, Classifier, DeadLetter, DeadLetterQueue, ObjectStore,
    PortError, PredictionStore, RetryHint, RunReport, SourceRecord, TransactionSource,
    bytes_stream::ByteStream,
};

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic in another test thread must not hide this one's result.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A classifier by keyword, with injectable failures.
#[derive(Debug, Default)]
pub struct InMemoryClassifier {
    state: Mutex<ClassifierState>,
}

#[derive(Debug, Default)]
struct ClassifierState {
    fail_next: Vec<RetryHint>,
    refuse_ids: HashSet<String>,
    bad_output_ids: HashSet<String>,
    calls: usize,
}

impl InMemoryClassifier {
    pub const MODEL_VERSION: &'static str = "memory-1";

    /// The next calls fail with these hints, one each, in order.
    pub fn fail_next(&self, hints: impl IntoIterator<Item = RetryHint>) {
        lock(&self.state).fail_next.extend(hints);
    }
    /// Any batch holding this id is refused (a 4xx).
    pub fn refuse(&self, id: &str) {
        lock(&self.state).refuse_ids.insert(id.to_owned());
    }
    /// This id gets a prediction that breaks the contract.
    pub fn answer_badly(&self, id: &str) {
        lock(&self.state).bad_output_ids.insert(id.to_owned());
    }
    pub fn calls(&self) -> usize {
        lock(&self.state).calls
    }

    /// The deterministic category this classifier gives a description.
    pub fn category_for(tx: &Transaction) -> Category {
        let d = tx.description().to_ascii_uppercase();
        let rules: [(&str, Category); 6] = [
            ("COFFEE", Category::FoodAndDrink),
            ("UBER", Category::Transportation),
            ("PAYROLL", Category::Income),
            ("ATM FEE", Category::BankFees),
            ("AIRLINE", Category::Travel),
            ("RENT", Category::RentAndUtilities),
        ];
        rules
            .into_iter()
            .find(|(k, _)| d.contains(k))
            .map_or(Category::GeneralMerchandise, |(_, c)| c)
    }
}

#[async_trait]
impl Classifier for InMemoryClassifier {
    async fn classify(&self, transactions: &[Transaction]) -> Result<Classification, PortError> {
        let mut state = lock(&self.state);
        state.calls += 1;
        if !state.fail_next.is_empty() {
            let hint = state.fail_next.remove(0);
            return Err(PortError::new(hint, format!("injected {hint:?} failure")));
        }
        if let Some(tx) = transactions
            .iter()
            .find(|t| state.refuse_ids.contains(t.transaction_id()))
        {
            return Err(PortError::permanent(format!(
                "400 Bad Request: refused {}",
                tx.transaction_id()
            )));
        }
        let predictions = transactions
            .iter()
            .map(|tx| {
                let bad = state.bad_output_ids.contains(tx.transaction_id());
                PredictOutput {
                    transaction_id: Some(tx.transaction_id().to_owned()),
                    category: Some(if bad {
                        "NOT_A_CATEGORY".into()
                    } else {
                        Self::category_for(tx).as_str().into()
                    }),
                    confidence: Some(0.9),
                    model_version: None,
                    error: None,
                }
            })
            .collect();
        Ok(Classification {
            model_version: Self::MODEL_VERSION.into(),
            predictions,
        })
    }
}

/// One stored row: the transaction, its prediction and lineage.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPrediction {
    pub record: ClassifiedRecord,
    pub lineage: Lineage,
    pub processed_at: DateTime<Utc>,
}

/// A prediction store in a map, keyed by transaction id like the real one.
#[derive(Debug, Default)]
pub struct InMemoryStore {
    rows: Mutex<BTreeMap<String, StoredPrediction>>,
    runs: Mutex<HashMap<String, RunReport>>,
    faults: Mutex<(Vec<RetryHint>, HashSet<String>)>,
}

impl InMemoryStore {
    pub fn fail_next(&self, hints: impl IntoIterator<Item = RetryHint>) {
        lock(&self.faults).0.extend(hints);
    }
    /// Any write holding this id is refused (a constraint violation).
    pub fn refuse(&self, id: &str) {
        lock(&self.faults).1.insert(id.to_owned());
    }
    pub fn rows(&self) -> BTreeMap<String, StoredPrediction> {
        lock(&self.rows).clone()
    }
    /// The run's rows, one per batch.
    pub fn runs(&self, run_id: &str) -> Vec<RunReport> {
        lock(&self.runs)
            .values()
            .filter(|r| r.run_id.as_str() == run_id)
            .cloned()
            .collect()
    }
}

#[async_trait]
impl PredictionStore for InMemoryStore {
    async fn write(
        &self,
        lineage: &Lineage,
        records: &[ClassifiedRecord],
    ) -> Result<u64, PortError> {
        {
            let mut faults = lock(&self.faults);
            if !faults.0.is_empty() {
                let hint = faults.0.remove(0);
                return Err(PortError::new(hint, format!("injected {hint:?} failure")));
            }
            if let Some(r) = records
                .iter()
                .find(|r| faults.1.contains(r.transaction.transaction_id()))
            {
                return Err(PortError::permanent(format!(
                    "constraint violation for {}",
                    r.transaction.transaction_id()
                )));
            }
        }
        let now = Utc::now();
        let mut rows = lock(&self.rows);
        // As PostgreSQL: what this run wrote with other content stays.
        let conflicts: Vec<&str> = records
            .iter()
            .filter(|r| {
                rows.get(r.transaction.transaction_id()).is_some_and(|old| {
                    old.lineage.run_id == lineage.run_id && old.record.transaction != r.transaction
                })
            })
            .map(|r| r.transaction.transaction_id())
            .collect();
        if !conflicts.is_empty() {
            return Err(PortError::permanent(format!(
                "transaction_id: {} already written by this run with different content",
                conflicts.join(", ")
            )));
        }
        for r in records {
            rows.insert(
                r.transaction.transaction_id().to_owned(),
                StoredPrediction {
                    record: r.clone(),
                    lineage: lineage.clone(),
                    processed_at: now,
                },
            );
        }
        Ok(records.len() as u64)
    }

    async fn record_run(&self, run: &RunReport) -> Result<(), PortError> {
        lock(&self.runs).insert(format!("{}/{}", run.run_id, run.batch_id), run.clone());
        Ok(())
    }
}

/// A dead-letter queue in a vector.
#[derive(Debug, Default)]
pub struct InMemoryDeadLetters {
    letters: Mutex<Vec<DeadLetter>>,
    fail_next: Mutex<Vec<RetryHint>>,
}

impl InMemoryDeadLetters {
    pub fn letters(&self) -> Vec<DeadLetter> {
        lock(&self.letters).clone()
    }
    pub fn fail_next(&self, hints: impl IntoIterator<Item = RetryHint>) {
        lock(&self.fail_next).extend(hints);
    }
}

#[async_trait]
impl DeadLetterQueue for InMemoryDeadLetters {
    async fn send(&self, letters: &[DeadLetter]) -> Result<(), PortError> {
        {
            let mut fail = lock(&self.fail_next);
            if !fail.is_empty() {
                let hint = fail.remove(0);
                return Err(PortError::new(hint, format!("injected {hint:?} failure")));
            }
        }
        lock(&self.letters).extend_from_slice(letters);
        Ok(())
    }
}

/// An object store in a map. `get` streams in small pieces so readers meet
/// chunk boundaries inside rows, as they do with S3.
#[derive(Debug, Default)]
pub struct InMemoryObjectStore {
    objects: Mutex<BTreeMap<(String, String), Vec<u8>>>,
    buckets: Mutex<HashSet<String>>,
}

impl InMemoryObjectStore {
    pub fn create_bucket(&self, bucket: &str) {
        lock(&self.buckets).insert(bucket.to_owned());
    }
}

const PIECE: usize = 7;

#[async_trait]
impl ObjectStore for InMemoryObjectStore {
    async fn list(&self, bucket: &str, prefix: &str) -> Result<Vec<String>, PortError> {
        if !lock(&self.buckets).contains(bucket) {
            return Err(PortError::fatal(format!("no such bucket: {bucket}")));
        }
        Ok(lock(&self.objects)
            .keys()
            .filter(|(b, k)| b == bucket && k.starts_with(prefix))
            .map(|(_, k)| k.clone())
            .collect())
    }

    async fn get(&self, bucket: &str, key: &str) -> Result<ByteStream, PortError> {
        let body = lock(&self.objects)
            .get(&(bucket.to_owned(), key.to_owned()))
            .cloned()
            .ok_or_else(|| PortError::permanent(format!("no such object: s3://{bucket}/{key}")))?;
        let pieces: Vec<std::io::Result<Vec<u8>>> =
            body.chunks(PIECE).map(|c| Ok(c.to_vec())).collect();
        Ok(Box::pin(futures::stream::iter(pieces)))
    }

    async fn put(&self, bucket: &str, key: &str, body: Vec<u8>) -> Result<(), PortError> {
        if !lock(&self.buckets).contains(bucket) {
            return Err(PortError::fatal(format!("no such bucket: {bucket}")));
        }
        lock(&self.objects).insert((bucket.to_owned(), key.to_owned()), body);
        Ok(())
    }
}

/// A source of records held in memory, delivered in chunks of at most
/// `chunk_size` records, in order; with an injectable failure.
#[derive(Debug)]
pub struct InMemorySource {
    records: std::collections::VecDeque<SourceRecord>,
    chunk_size: usize,
    fail_next: Option<RetryHint>,
}

impl InMemorySource {
    pub fn new(records: impl IntoIterator<Item = SourceRecord>, chunk_size: usize) -> Self {
        Self {
            records: records.into_iter().collect(),
            chunk_size: chunk_size.max(1),
            fail_next: None,
        }
    }

    /// The next read fails with this hint.
    pub fn fail_next(&mut self, hint: RetryHint) {
        self.fail_next = Some(hint);
    }
}

#[async_trait]
impl TransactionSource for InMemorySource {
    async fn next_chunk(&mut self) -> Result<Option<Vec<SourceRecord>>, PortError> {
        if let Some(hint) = self.fail_next.take() {
            return Err(PortError::new(hint, "injected source failure"));
        }
        if self.records.is_empty() {
            return Ok(None);
        }
        let n = self.chunk_size.min(self.records.len());
        Ok(Some(self.records.drain(..n).collect()))
    }
}
