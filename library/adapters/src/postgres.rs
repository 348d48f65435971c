//! PostgreSQL: the [`PredictionStore`] port, with the schema embedded as
//! sqlx migrations and applied at start.
//!
//! A chunk is written in one transaction by two multi-row upserts
//! (`INSERT … SELECT FROM UNNEST(…) ON CONFLICT DO UPDATE`): one round trip
//! per table whatever the chunk size, and idempotent on `transaction_id`.

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use clap::Args;
use sqlx::PgPool;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use txclass_core::{ClassifiedRecord, Lineage, PortError, PredictionStore, RetryHint, RunReport};
use txclass_service::secrets::UrlWithPassword;

/// Where the database is, as every program that writes to it takes it.
#[derive(Args, Clone, Debug)]
pub struct DatabaseArgs {
    /// PostgreSQL URL.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "postgres://postgres@127.0.0.1:5432/txclass"
    )]
    pub database_url: UrlWithPassword,
    /// Largest number of database connections.
    #[arg(long, env = "DATABASE_MAX_CONNECTIONS", default_value_t = 8)]
    pub database_max_connections: u32,
    /// Longest any statement may run, in milliseconds (0: no limit).
    #[arg(long, env = "DATABASE_STATEMENT_TIMEOUT_MS", default_value_t = 30_000)]
    pub database_statement_timeout_ms: u64,
    /// Longest a statement may wait for a row lock, in milliseconds (0: no
    /// limit). A lock left open elsewhere then fails the write as an outage.
    #[arg(long, env = "DATABASE_LOCK_TIMEOUT_MS", default_value_t = 5_000)]
    pub database_lock_timeout_ms: u64,
}

impl DatabaseArgs {
    /// Connects and applies the embedded migrations.
    pub async fn connect_and_migrate(&self) -> Result<PostgresStore, PortError> {
        let limits = SessionLimits {
            statement_timeout: Duration::from_millis(self.database_statement_timeout_ms),
            lock_timeout: Duration::from_millis(self.database_lock_timeout_ms),
        };
        let store = PostgresStore::connect_with(
            self.database_url.expose(),
            self.database_max_connections,
            limits,
        )
        .await?;
        store.migrate().await?;
        Ok(store)
    }
}

/// Limits every session of the pool sets, so no write waits without end: a
/// statement that runs too long or a row lock held elsewhere fails the write
/// with a transient error, which the pipeline retries and, past its retries,
/// holds as an outage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionLimits {
    pub statement_timeout: Duration,
    pub lock_timeout: Duration,
}

impl Default for SessionLimits {
    fn default() -> Self {
        Self {
            statement_timeout: Duration::from_secs(30),
            lock_timeout: Duration::from_secs(5),
        }
    }
}

/// The embedded migrations.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    /// Connects (bounded pool, acquire timeout, the default
    /// [`SessionLimits`]) without migrating.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, PortError> {
        Self::connect_with(url, max_connections, SessionLimits::default()).await
    }

    /// Connects with these session limits, without migrating.
    pub async fn connect_with(
        url: &str,
        max_connections: u32,
        limits: SessionLimits,
    ) -> Result<Self, PortError> {
        // Several rustls crypto providers are linked (ring, aws-lc-rs):
        // name one, once, or TLS connections cannot be configured.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let options = PgConnectOptions::from_str(url)
            .map_err(|e| PortError::fatal(format!("DATABASE_URL is not valid: {e}")))?
            .application_name("txclass")
            .options([
                (
                    "statement_timeout",
                    format!("{}", limits.statement_timeout.as_millis()),
                ),
                (
                    "lock_timeout",
                    format!("{}", limits.lock_timeout.as_millis()),
                ),
            ]);
        let pool = PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(|e| classify_error("connecting to PostgreSQL", e))?;
        Ok(Self { pool })
    }

    /// Connects and applies the embedded migrations.
    pub async fn connect_and_migrate(url: &str, max_connections: u32) -> Result<Self, PortError> {
        let store = Self::connect(url, max_connections).await?;
        store.migrate().await?;
        Ok(store)
    }

    pub fn from_pool(pool: PgPool) -> Self {
        Self { pool }
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    pub async fn migrate(&self) -> Result<(), PortError> {
        MIGRATOR.run(&self.pool).await.map_err(|e| {
            PortError::fatal(format!("applying database migrations failed: {e}")).with_source(e)
        })
    }
}

/// Maps a database error to a retry hint: lost connections and server
/// overload are transient, data errors are permanent, auth is fatal.
pub fn classify_error(what: &str, e: sqlx::Error) -> PortError {
    let hint = match &e {
        sqlx::Error::Io(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed
        | sqlx::Error::Protocol(_) => RetryHint::Transient,
        sqlx::Error::Database(db) => match db.code().as_deref() {
            // Class 08 connection exception, 40 transaction rollback
            // (serialization, deadlock), 53 insufficient resources,
            // 57P0x shutdown, 55P03 lock not available, 57014 statement
            // cancelled (the statement timeout, or an operator's cancel).
            Some(code)
                if code.starts_with("08")
                    || code.starts_with("40")
                    || code.starts_with("53")
                    || code.starts_with("57P")
                    || code == "55P03"
                    || code == "57014" =>
            {
                RetryHint::Transient
            }
            // 28 invalid authorization, 3D000 unknown database, 42 schema errors.
            Some(code) if code.starts_with("28") || code == "3D000" || code.starts_with("42") => {
                RetryHint::Fatal
            }
            _ => RetryHint::Permanent,
        },
        sqlx::Error::Configuration(_) | sqlx::Error::Tls(_) => RetryHint::Fatal,
        _ => RetryHint::Transient,
    };
    PortError::new(hint, format!("{what}: {e}")).with_source(e)
}

#[async_trait]
impl PredictionStore for PostgresStore {
    async fn write(
        &self,
        lineage: &Lineage,
        records: &[ClassifiedRecord],
    ) -> Result<u64, PortError> {
        if records.is_empty() {
            return Ok(0);
        }
        let columns = Columns::of(records);
        let mut db = self
            .pool
            .begin()
            .await
            .map_err(|e| classify_error("starting a transaction", e))?;
        upsert_transactions(&mut db, &columns, lineage).await?;
        upsert_predictions(&mut db, &columns, lineage).await?;
        db.commit()
            .await
            .map_err(|e| classify_error("committing a chunk", e))?;
        Ok(records.len() as u64)
    }

    async fn record_run(&self, run: &RunReport) -> Result<(), PortError> {
        let count = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
        sqlx::query(
            r#"INSERT INTO runs (run_id, processing_type, status, records_in, written, rejected,
                                 dead_lettered, started_at, ended_at, message, batch_id)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
               ON CONFLICT (run_id, batch_id) DO UPDATE SET
                 processing_type = EXCLUDED.processing_type, status = EXCLUDED.status,
                 records_in = EXCLUDED.records_in, written = EXCLUDED.written,
                 rejected = EXCLUDED.rejected, dead_lettered = EXCLUDED.dead_lettered,
                 started_at = EXCLUDED.started_at, ended_at = EXCLUDED.ended_at,
                 message = EXCLUDED.message"#,
        )
        .bind(run.run_id.as_str())
        .bind(run.processing_type.as_str())
        .bind(run.status.as_str())
        .bind(count(run.records_in))
        .bind(count(run.written))
        .bind(count(run.rejected))
        .bind(count(run.dead_lettered))
        .bind(run.started_at)
        .bind(run.ended_at)
        .bind(run.message.as_deref())
        .bind(run.batch_id.as_str())
        .execute(&self.pool)
        .await
        .map_err(|e| classify_error("recording the run", e))?;
        Ok(())
    }
}

/// A chunk as one array per column, for `UNNEST`.
struct Columns {
    ids: Vec<String>,
    timestamps: Vec<chrono::DateTime<chrono::Utc>>,
    accounts: Vec<String>,
    amounts: Vec<rust_decimal::Decimal>,
    currencies: Vec<String>,
    merchants: Vec<Option<String>>,
    descriptions: Vec<String>,
    mccs: Vec<Option<String>>,
    attributes: Vec<serde_json::Value>,
    categories: Vec<String>,
    confidences: Vec<f64>,
    versions: Vec<String>,
    sources: Vec<String>,
}

impl Columns {
    fn of(records: &[ClassifiedRecord]) -> Self {
        let n = records.len();
        let mut c = Columns {
            ids: Vec::with_capacity(n),
            timestamps: Vec::with_capacity(n),
            accounts: Vec::with_capacity(n),
            amounts: Vec::with_capacity(n),
            currencies: Vec::with_capacity(n),
            merchants: Vec::with_capacity(n),
            descriptions: Vec::with_capacity(n),
            mccs: Vec::with_capacity(n),
            attributes: Vec::with_capacity(n),
            categories: Vec::with_capacity(n),
            confidences: Vec::with_capacity(n),
            versions: Vec::with_capacity(n),
            sources: Vec::with_capacity(n),
        };
        for r in records {
            let tx = &r.transaction;
            c.ids.push(tx.transaction_id().to_owned());
            c.timestamps.push(tx.timestamp());
            c.accounts.push(tx.account_id().to_owned());
            c.amounts.push(tx.amount());
            c.currencies.push(tx.currency().to_owned());
            c.merchants.push(tx.merchant().map(str::to_owned));
            c.descriptions.push(tx.description().to_owned());
            c.mccs.push(tx.mcc().map(str::to_owned));
            c.attributes
                .push(serde_json::to_value(tx.attributes()).unwrap_or_default());
            c.categories.push(r.prediction.category.as_str().to_owned());
            c.confidences.push(r.prediction.confidence);
            c.versions.push(r.prediction.model_version.clone());
            c.sources.push(r.source.lineage());
        }
        c
    }
}

type Db = sqlx::Transaction<'static, sqlx::Postgres>;

// Rows are inserted in key order so concurrent writers of overlapping
// chunks take row locks in the same order and cannot deadlock.
//
// A transaction this run already wrote with other content is not replaced:
// the statement skips it (the conflict's WHERE), and the write is refused
// so the orchestration isolates and dead-letters that record. Concurrent
// writers of the same new id queue on the unique index, so the second sees
// the first's row: the first written wins, whatever the commit order.
async fn upsert_transactions(db: &mut Db, c: &Columns, lineage: &Lineage) -> Result<(), PortError> {
    let written: Vec<String> = sqlx::query_scalar(
        r#"INSERT INTO transactions AS t
             (transaction_id, "timestamp", account_id, amount, currency, merchant,
              description, mcc, attributes)
           SELECT * FROM UNNEST($1::text[], $2::timestamptz[], $3::text[], $4::numeric[],
                                $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[])
           ORDER BY 1
           ON CONFLICT (transaction_id) DO UPDATE SET
             "timestamp" = EXCLUDED."timestamp", account_id = EXCLUDED.account_id,
             amount = EXCLUDED.amount, currency = EXCLUDED.currency,
             merchant = EXCLUDED.merchant, description = EXCLUDED.description,
             mcc = EXCLUDED.mcc, attributes = EXCLUDED.attributes,
             ingested_at = now()
           WHERE NOT (
             EXISTS (SELECT 1 FROM predictions p
                     WHERE p.transaction_id = t.transaction_id AND p.run_id = $10)
             AND (t."timestamp", t.account_id, t.amount, t.currency, t.merchant,
                  t.description, t.mcc, t.attributes)
                 IS DISTINCT FROM
                 (EXCLUDED."timestamp", EXCLUDED.account_id, EXCLUDED.amount,
                  EXCLUDED.currency, EXCLUDED.merchant, EXCLUDED.description,
                  EXCLUDED.mcc, EXCLUDED.attributes))
           RETURNING t.transaction_id"#,
    )
    .bind(&c.ids)
    .bind(&c.timestamps)
    .bind(&c.accounts)
    .bind(&c.amounts)
    .bind(&c.currencies)
    .bind(&c.merchants)
    .bind(&c.descriptions)
    .bind(&c.mccs)
    .bind(&c.attributes)
    .bind(lineage.run_id.as_str())
    .fetch_all(&mut **db)
    .await
    .map_err(|e| classify_error("upserting transactions", e))?;
    if written.len() < c.ids.len() {
        let written: std::collections::HashSet<&str> = written.iter().map(String::as_str).collect();
        let conflicts: Vec<&str> = c
            .ids
            .iter()
            .map(String::as_str)
            .filter(|id| !written.contains(id))
            .collect();
        return Err(PortError::permanent(format!(
            "transaction_id: {} already written by this run with different content",
            conflicts.join(", ")
        )));
    }
    Ok(())
}

async fn upsert_predictions(db: &mut Db, c: &Columns, lineage: &Lineage) -> Result<(), PortError> {
    sqlx::query(
        r#"INSERT INTO predictions
             (transaction_id, category, confidence, model_version, processing_type,
              run_id, batch_id, source, processed_at)
           SELECT t.id, t.category, t.confidence, t.model_version, $5, $6, $7, t.source, now()
           FROM UNNEST($1::text[], $2::text[], $3::float8[], $4::text[], $8::text[])
                AS t(id, category, confidence, model_version, source)
           ORDER BY 1
           ON CONFLICT (transaction_id) DO UPDATE SET
             category = EXCLUDED.category, confidence = EXCLUDED.confidence,
             model_version = EXCLUDED.model_version,
             processing_type = EXCLUDED.processing_type, run_id = EXCLUDED.run_id,
             batch_id = EXCLUDED.batch_id, source = EXCLUDED.source,
             processed_at = EXCLUDED.processed_at"#,
    )
    .bind(&c.ids)
    .bind(&c.categories)
    .bind(&c.confidences)
    .bind(&c.versions)
    .bind(lineage.processing_type.as_str())
    .bind(lineage.run_id.as_str())
    .bind(lineage.batch_id.as_str())
    .bind(&c.sources)
    .execute(&mut **db)
    .await
    .map_err(|e| classify_error("upserting predictions", e))?;
    Ok(())
}
