//! The `PredictionStore` contract, for the in-memory store and PostgreSQL.

use std::sync::Arc;

use async_trait::async_trait;
use sqlx::Row as _;
use txclass_adapters::PostgresStore;
use txclass_core::memory::InMemoryStore;
use txclass_core::{
    BatchId, Category, PredictionStore, ProcessingType, RunId, RunReport, RunStatus,
};

use crate::common::{classified, fresh_database, lineage, now};

/// What a test reads back of one stored row.
#[derive(Debug, PartialEq)]
struct Row {
    category: String,
    confidence: f64,
    model_version: String,
    run_id: String,
    batch_id: String,
    source: String,
    processing_type: String,
    amount: String,
    mcc: Option<String>,
}

#[async_trait]
trait Harness: Send + Sync {
    fn store(&self) -> Arc<dyn PredictionStore>;
    async fn row(&self, id: &str) -> Option<Row>;
    async fn rows(&self) -> usize;
    async fn run(&self, id: &str) -> Option<(String, i64, i64)>;
}

struct Memory(Arc<InMemoryStore>);

#[async_trait]
impl Harness for Memory {
    fn store(&self) -> Arc<dyn PredictionStore> {
        self.0.clone()
    }
    async fn row(&self, id: &str) -> Option<Row> {
        self.0.rows().get(id).map(|r| Row {
            category: r.record.prediction.category.to_string(),
            confidence: r.record.prediction.confidence,
            model_version: r.record.prediction.model_version.clone(),
            run_id: r.lineage.run_id.to_string(),
            batch_id: r.lineage.batch_id.to_string(),
            source: r.record.source.lineage(),
            processing_type: r.lineage.processing_type.to_string(),
            amount: format!("{:.2}", r.record.transaction.amount()),
            mcc: r.record.transaction.mcc().map(str::to_owned),
        })
    }
    async fn rows(&self) -> usize {
        self.0.rows().len()
    }
    async fn run(&self, id: &str) -> Option<(String, i64, i64)> {
        self.0.runs(id).first().map(|r| {
            (
                r.status.as_str().to_owned(),
                r.records_in as i64,
                r.written as i64,
            )
        })
    }
}

struct Postgres(PostgresStore);

#[async_trait]
impl Harness for Postgres {
    fn store(&self) -> Arc<dyn PredictionStore> {
        Arc::new(self.0.clone())
    }
    async fn row(&self, id: &str) -> Option<Row> {
        sqlx::query(
            "SELECT p.category, p.confidence, p.model_version, p.run_id, p.batch_id, p.source,
                    p.processing_type, t.amount::text AS amount, t.mcc
             FROM predictions p JOIN transactions t USING (transaction_id)
             WHERE transaction_id = $1",
        )
        .bind(id)
        .fetch_optional(self.0.pool())
        .await
        .expect("query row")
        .map(|r| Row {
            category: r.get("category"),
            confidence: r.get("confidence"),
            model_version: r.get("model_version"),
            run_id: r.get("run_id"),
            batch_id: r.get("batch_id"),
            source: r.get("source"),
            processing_type: r.get("processing_type"),
            amount: r.get("amount"),
            mcc: r.get("mcc"),
        })
    }
    async fn rows(&self) -> usize {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM predictions")
            .fetch_one(self.0.pool())
            .await
            .expect("count");
        n as usize
    }
    async fn run(&self, id: &str) -> Option<(String, i64, i64)> {
        sqlx::query_as("SELECT status, records_in, written FROM runs WHERE run_id = $1")
            .bind(id)
            .fetch_optional(self.0.pool())
            .await
            .expect("query run")
    }
}

async fn stores_records_with_their_lineage(h: impl Harness) {
    let store = h.store();
    let records = vec![
        classified("a", Category::FoodAndDrink, 10),
        classified("b", Category::Travel, 11),
    ];
    assert_eq!(
        store
            .write(&lineage("run-1"), &records)
            .await
            .expect("write"),
        2
    );
    let row = h.row("a").await.expect("row a");
    assert_eq!(
        row,
        Row {
            category: "FOOD_AND_DRINK".into(),
            confidence: 0.875,
            model_version: "m-1".into(),
            run_id: "run-1".into(),
            batch_id: "run-1-b1".into(),
            source: "transactions/1/10".into(),
            processing_type: "streaming".into(),
            amount: "-1234567.89".into(),
            mcc: Some("0780".into()),
        }
    );
    assert_eq!(h.rows().await, 2);
}

async fn writing_twice_keeps_one_row_with_the_latest_lineage(h: impl Harness) {
    let store = h.store();
    store
        .write(&lineage("run-1"), &[classified("a", Category::Travel, 1)])
        .await
        .expect("first write");
    store
        .write(&lineage("run-2"), &[classified("a", Category::Medical, 2)])
        .await
        .expect("second write");
    assert_eq!(h.rows().await, 1);
    let row = h.row("a").await.expect("row");
    assert_eq!(
        (row.run_id.as_str(), row.category.as_str()),
        ("run-2", "MEDICAL")
    );
    assert_eq!(row.source, "transactions/1/2");
}

async fn an_empty_write_is_a_no_op(h: impl Harness) {
    assert_eq!(h.store().write(&lineage("r"), &[]).await.expect("empty"), 0);
    assert_eq!(h.rows().await, 0);
}

async fn a_large_chunk_is_written_whole(h: impl Harness) {
    let records: Vec<_> = (0..5_000)
        .map(|i| classified(&format!("tx-{i}"), Category::ALL[i % 16], i as i64))
        .collect();
    assert_eq!(
        h.store()
            .write(&lineage("big"), &records)
            .await
            .expect("write"),
        5_000
    );
    assert_eq!(h.rows().await, 5_000);
}

async fn runs_are_created_then_updated(h: impl Harness) {
    let store = h.store();
    let mut run = RunReport {
        run_id: RunId::new("run-9"),
        batch_id: BatchId::new("batch-1"),
        processing_type: ProcessingType::Batch,
        status: RunStatus::Running,
        records_in: 0,
        written: 0,
        rejected: 0,
        dead_lettered: 0,
        started_at: now(),
        ended_at: None,
        message: None,
    };
    store.record_run(&run).await.expect("create run");
    run.status = RunStatus::Succeeded;
    run.records_in = 10;
    run.written = 8;
    run.rejected = 2;
    run.dead_lettered = 2;
    run.ended_at = Some(now());
    store.record_run(&run).await.expect("update run");
    assert_eq!(h.run("run-9").await, Some(("succeeded".into(), 10, 8)));
}

macro_rules! suite {
    ($($name:ident),* $(,)?) => {
        mod in_memory {
            use super::*;
            $(#[tokio::test] async fn $name() { super::$name(Memory(Arc::new(InMemoryStore::default()))).await; })*
        }
        mod postgres {
            use super::*;
            $(#[tokio::test] async fn $name() { super::$name(Postgres(fresh_database().await)).await; })*
        }
    };
}

/// Within one run, an id already written with other content is refused and
/// the first content stays (whichever chunk commits last); a later run may
/// replace it.
async fn a_conflicting_rewrite_within_a_run_is_refused_and_the_first_stays(h: impl Harness) {
    let first = classified("dup", Category::Travel, 1);
    h.store()
        .write(&lineage("r1"), std::slice::from_ref(&first))
        .await
        .expect("first");
    let mut other = classified("dup", Category::Travel, 2);
    other.transaction = crate::common::transaction("dup", "-99.99");
    let err = h
        .store()
        .write(&lineage("r1"), std::slice::from_ref(&other))
        .await
        .expect_err("conflict");
    assert_eq!(err.hint, txclass_core::RetryHint::Permanent, "{err}");
    assert!(err.to_string().contains("different content"), "{err}");
    assert_eq!(h.row("dup").await.expect("row").amount, "-1234567.89");
    h.store()
        .write(&lineage("r1"), std::slice::from_ref(&first))
        .await
        .expect("the same content again is fine");
    h.store()
        .write(&lineage("r2"), std::slice::from_ref(&other))
        .await
        .expect("a later run replaces it");
    assert_eq!(h.row("dup").await.expect("row").amount, "-99.99");
}

suite!(
    a_conflicting_rewrite_within_a_run_is_refused_and_the_first_stays,
    stores_records_with_their_lineage,
    writing_twice_keeps_one_row_with_the_latest_lineage,
    an_empty_write_is_a_no_op,
    a_large_chunk_is_written_whole,
    runs_are_created_then_updated,
);

#[tokio::test]
async fn postgres_refuses_a_prediction_for_an_unknown_category_at_the_schema() {
    let store = fresh_database().await;
    let err = sqlx::query(
        "INSERT INTO predictions (transaction_id, category, confidence, model_version,
                                  processing_type, run_id, batch_id, source)
         VALUES ('x', 'PETS', 0.5, 'm', 'batch', 'r', 'b', 's')",
    )
    .execute(store.pool())
    .await
    .expect_err("check constraint or foreign key");
    assert!(err.to_string().contains("violates"), "{err}");
}

/// A row lock left open elsewhere (an analyst's transaction in Adminer) must
/// not hang the pipeline: the write gives up after the lock timeout, as an
/// outage the pipeline retries.
#[tokio::test]
async fn postgres_gives_up_on_a_row_lock_held_elsewhere_as_an_outage() {
    let (url, _) = txclass_adapters::testing::fresh_database().await;
    let store = PostgresStore::connect(&url, 2).await.expect("connect");
    let record = classified("locked", Category::Travel, 1);
    store
        .write(&lineage("r1"), std::slice::from_ref(&record))
        .await
        .expect("first write");
    let mut analyst = store.pool().begin().await.expect("begin");
    sqlx::query("SELECT 1 FROM transactions WHERE transaction_id = 'locked' FOR UPDATE")
        .execute(&mut *analyst)
        .await
        .expect("lock");
    let started = std::time::Instant::now();
    let written = tokio::time::timeout(
        std::time::Duration::from_secs(30),
        store.write(&lineage("r2"), std::slice::from_ref(&record)),
    )
    .await
    .expect("the write gives up instead of waiting for the lock");
    let err = written.expect_err("the row is locked");
    assert!(err.is_transient(), "{err}");
    assert!(started.elapsed() < std::time::Duration::from_secs(15));
    analyst.rollback().await.expect("rollback");
}

/// A statement that outruns the statement timeout is cancelled, and the
/// cancellation is an outage to retry, not a record to dead-letter.
#[tokio::test]
async fn postgres_cancels_a_statement_past_its_timeout_as_transient() {
    let (url, _) = txclass_adapters::testing::fresh_database().await;
    let limits = txclass_adapters::SessionLimits {
        statement_timeout: std::time::Duration::from_millis(200),
        ..Default::default()
    };
    let store = PostgresStore::connect_with(&url, 1, limits)
        .await
        .expect("connect");
    let err = sqlx::query("SELECT pg_sleep(5)")
        .execute(store.pool())
        .await
        .expect_err("cancelled");
    let mapped = txclass_adapters::postgres::classify_error("sleeping", err);
    assert!(mapped.is_transient(), "{mapped}");
}

/// Managed PostgreSQL requires TLS: `sslmode` and `sslrootcert` in the URL
/// are honoured, as libpq users expect. Against a server with TLS on (the
/// local one, with its self-signed certificate): `require` encrypts,
/// `verify-ca` with the server's certificate as the CA passes, `verify-full`
/// to an address the certificate does not name is refused. Against a server
/// without TLS, `require` is refused.
#[tokio::test]
async fn postgres_connects_over_tls_and_verifies_the_server_when_asked() {
    let (url, plain) = txclass_adapters::testing::fresh_database().await;
    let sep = if url.contains('?') { '&' } else { '?' };
    let server_ssl: String = sqlx::query_scalar("SHOW ssl")
        .fetch_one(plain.pool())
        .await
        .expect("show ssl");
    let require = PostgresStore::connect(&format!("{url}{sep}sslmode=require"), 1).await;
    if server_ssl != "on" {
        let err = require.expect_err("a server without TLS refuses sslmode=require");
        assert!(!err.to_string().contains("without TLS support"), "{err}");
        return;
    }
    let store = require.expect("TLS connection");
    let ssl: bool = sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        .fetch_one(store.pool())
        .await
        .expect("ssl");
    assert!(ssl, "the connection is encrypted");
    let cert: String = sqlx::query_scalar("SHOW ssl_cert_file")
        .fetch_one(plain.pool())
        .await
        .expect("cert file");
    if std::fs::metadata(&cert).is_ok() {
        let verify = format!("sslmode=verify-full&sslrootcert={cert}");
        let refused = PostgresStore::connect(&format!("{url}{sep}{verify}"), 1)
            .await
            .expect_err("127.0.0.1 is not the certificate's name");
        // The certificate names localhost (as the system's self-signed one
        // does): by that name, with it as the CA, the server is verified.
        if refused.to_string().contains("DnsName(\"localhost\")") {
            let by_name = url.replacen("127.0.0.1", "localhost", 1);
            PostgresStore::connect(&format!("{by_name}{sep}{verify}"), 1)
                .await
                .expect("verified by the right name and CA");
        }
    }
}
