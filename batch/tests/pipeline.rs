//! `txclass-batch classify` end to end against the real stack: S3, the ML
//! API (a child process), PostgreSQL and the Kafka dead-letter topic.

use std::io::Write;
use std::process::{Command, Output};
use std::time::Duration;

use sqlx::PgPool;
use txclass_adapters::kafka::ensure_topics;
use txclass_adapters::testing::{MlApiProcess, brokers, env, fresh_database, read_topic, unique};
use txclass_adapters::{S3ObjectStore, S3Settings};
use txclass_core::ObjectStore;

struct Setup {
    database_url: String,
    pool: PgPool,
    bucket: String,
    prefix: String,
    dlq_topic: String,
    s3: S3ObjectStore,
}

async fn setup() -> Setup {
    let (database_url, store) = fresh_database().await;
    let dlq_topic = unique("dlq");
    ensure_topics(&brokers(), &[(&dlq_topic, 1)])
        .await
        .expect("topic");
    let s3 = S3ObjectStore::new(&S3Settings {
        endpoint: Some(env("S3_ENDPOINT", "http://127.0.0.1:9000")),
        region: env("AWS_REGION", "us-east-1"),
        access_key_id: Some(env("AWS_ACCESS_KEY_ID", "txclass")),
        secret_access_key: Some(env("AWS_SECRET_ACCESS_KEY", "txclass-secret").into()),
    });
    let bucket = env("S3_BUCKET", "txclass");
    s3.ensure_bucket(&bucket).await.expect("bucket");
    Setup {
        database_url,
        pool: store.pool().clone(),
        bucket,
        prefix: format!("{}/", unique("batch")),
        dlq_topic,
        s3,
    }
}

impl Setup {
    async fn put(&self, name: &str, body: impl Into<Vec<u8>>) {
        self.s3
            .put(&self.bucket, &format!("{}{name}", self.prefix), body.into())
            .await
            .expect("put");
    }

    fn classify(&self, ml_api: &MlApiProcess, extra: &[&str]) -> Output {
        self.classify_command(&ml_api.url, extra)
            .output()
            .expect("run txclass-batch")
    }

    fn classify_command(&self, ml_api_url: &str, extra: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_txclass-batch"));
        command
            .args([
                "classify",
                "--bucket",
                &self.bucket,
                "--prefix",
                &self.prefix,
                "--no-progress",
            ])
            .args(["--retry-initial-ms", "20", "--retry-max-delay-ms", "200"])
            // A flag in `extra` overrides this.
            .env("TXCLASS_RETRY_MAX", "40")
            .args(["--chunk-size", "7"])
            .args(extra)
            .env("DATABASE_URL", &self.database_url)
            .env("S3_ENDPOINT", env("S3_ENDPOINT", "http://127.0.0.1:9000"))
            .env("AWS_ACCESS_KEY_ID", env("AWS_ACCESS_KEY_ID", "txclass"))
            .env(
                "AWS_SECRET_ACCESS_KEY",
                env("AWS_SECRET_ACCESS_KEY", "txclass-secret"),
            )
            .env("KAFKA_BROKERS", brokers())
            .env("ML_API_URL", ml_api_url)
            .env("KAFKA_DLQ_TOPIC", &self.dlq_topic)
            .env("RUST_LOG", "warn")
            // Only the test of the metrics push pushes (by flag).
            .env_remove("PUSHGATEWAY_URL");
        command
    }

    async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql)
            .fetch_one(&self.pool)
            .await
            .expect("count")
    }
}

const HEADER: &str =
    "transaction_id,timestamp,account_id,amount,currency,merchant,description,mcc,extra_column\n";

/// 20 valid rows, one exact duplicate, and one invalid row of each kind.
fn mixed_csv() -> String {
    let mut csv = HEADER.to_owned();
    for i in 0..20 {
        csv += &format!(
            "v{i},2024-06-01T10:{i:02}:00Z,acc-{i},-{i}.25,USD,Blue Bottle,SQ *BLUE BOTTLE COFFEE #{i},5814,x\n"
        );
    }
    csv += "v3,2024-06-01T10:03:00Z,acc-3,-3.25,USD,Blue Bottle,SQ *BLUE BOTTLE COFFEE #3,5814,x\n";
    let invalid = [
        (
            ",2024-06-01T10:00:00Z,a,-1.00,USD,,MISSING ID,,x",
            "transaction_id",
        ),
        ("i-ts,yesterday,a,-1.00,USD,,BAD TIME,,x", "timestamp"),
        (
            "i-acc,2024-06-01T10:00:00Z,,-1.00,USD,,NO ACCOUNT,,x",
            "account_id",
        ),
        (
            "i-amt,2024-06-01T10:00:00Z,a,abc,USD,,BAD AMOUNT,,x",
            "amount",
        ),
        (
            "i-places,2024-06-01T10:00:00Z,a,-1.001,USD,,THREE PLACES,,x",
            "amount",
        ),
        ("i-zero,2024-06-01T10:00:00Z,a,0,USD,,ZERO,,x", "amount"),
        (
            "i-cur,2024-06-01T10:00:00Z,a,-1.00,usd,,LOWER CURRENCY,,x",
            "currency",
        ),
        (
            "i-desc,2024-06-01T10:00:00Z,a,-1.00,USD,,,,x",
            "description",
        ),
        (
            "i-mcc,2024-06-01T10:00:00Z,a,-1.00,USD,,BAD MCC,57a1,x",
            "mcc",
        ),
        ("i-ragged,2024-06-01T10:00:00Z,a", "fields"),
    ];
    for (row, _) in invalid {
        csv += row;
        csv += "\n";
    }
    csv
}

#[tokio::test]
async fn a_mixed_file_writes_valid_rows_and_dead_letters_each_invalid_row_with_its_reason() {
    let s = setup().await;
    let ml_api = MlApiProcess::start(&[]);
    s.put("day.csv", mixed_csv()).await;
    let out = s.classify(&ml_api, &["--run-id", "run-mixed", "--batch-id", "b-mixed"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("counts reconcile: yes"), "{stdout}");

    assert_eq!(s.count("SELECT count(*) FROM predictions").await, 20);
    assert_eq!(s.count("SELECT count(*) FROM transactions").await, 20);
    assert_eq!(
        s.count("SELECT count(*) FROM predictions WHERE processing_type = 'batch' AND run_id = 'run-mixed' AND batch_id = 'b-mixed' AND source LIKE 's3://%day.csv'").await,
        20
    );
    let (records_in, written, rejected, dead_lettered, status): (i64, i64, i64, i64, String) =
        sqlx::query_as("SELECT records_in, written, rejected, dead_lettered, status FROM runs WHERE run_id = 'run-mixed'")
            .fetch_one(&s.pool)
            .await
            .expect("run row");
    assert_eq!(
        (
            records_in,
            written,
            rejected,
            dead_lettered,
            status.as_str()
        ),
        (31, 21, 10, 10, "succeeded")
    );

    let letters = read_topic(
        &s.dlq_topic,
        10,
        Duration::from_secs(30),
        Duration::from_millis(500),
    )
    .await;
    assert_eq!(letters.len(), 10);
    for l in &letters {
        assert!(["parse", "validate"].contains(&l.headers["error.stage"].as_str()));
        assert_eq!(l.headers["run_id"], "run-mixed");
        assert!(l.headers["source.object"].ends_with("day.csv"));
    }
    let reasons: Vec<&str> = letters
        .iter()
        .map(|l| l.headers["error.reason"].as_str())
        .collect();
    for field in [
        "transaction_id:",
        "timestamp:",
        "account_id:",
        "currency:",
        "description:",
        "mcc:",
        "fields",
    ] {
        assert!(
            reasons.iter().any(|r| r.contains(field)),
            "no reason names {field}: {reasons:?}"
        );
    }

    let errors =
        s.s3.get(&s.bucket, "errors/b-mixed.csv")
            .await
            .expect("errors object");
    let errors: Vec<u8> = futures::StreamExt::collect::<Vec<_>>(errors)
        .await
        .into_iter()
        .flat_map(|c| c.expect("chunk"))
        .collect();
    let errors = String::from_utf8(errors).expect("utf-8");
    assert_eq!(errors.lines().count(), 11, "{errors}");
    assert!(
        errors.contains("i-zero") && errors.contains("must not be zero"),
        "{errors}"
    );
}

#[tokio::test]
async fn a_run_pushes_its_counts_by_stage_reason_and_category_to_the_pushgateway() {
    let gateway = env("PUSHGATEWAY_URL", "http://127.0.0.1:9091");
    let s = setup().await;
    let ml_api = MlApiProcess::start(&[]);
    s.put("day.csv", mixed_csv()).await;
    let run_id = unique("pushed");
    let out = s.classify(
        &ml_api,
        &["--run-id", &run_id, "--pushgateway-url", &gateway],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = reqwest::get(format!("{gateway}/metrics"))
        .await
        .expect("pushgateway answers")
        .text()
        .await
        .expect("body");
    let ours: Vec<&str> = page
        .lines()
        .filter(|l| !l.starts_with('#') && l.contains(&format!("run_id=\"{run_id}\"")))
        .collect();
    let value = |name: &str, labels: &[&str]| -> f64 {
        ours.iter()
            .filter(|l| l.starts_with(&format!("{name}{{")) && labels.iter().all(|x| l.contains(x)))
            .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
            .sum()
    };
    let batch = "pipeline=\"batch\"";
    assert_eq!(
        value("txclass_records_ingested_total", &[batch]),
        31.0,
        "{ours:#?}"
    );
    assert_eq!(value("txclass_records_written_total", &[batch]), 21.0);
    assert_eq!(value("txclass_validation_failures_total", &[batch]), 10.0);
    assert_eq!(value("txclass_records_dead_lettered_total", &[batch]), 10.0);
    for reason in [
        "amount.non_zero",
        "currency.currency",
        "mcc.mcc",
        "field_count",
    ] {
        assert_eq!(
            value(
                "txclass_records_dead_lettered_total",
                &[&format!("reason=\"{reason}\"")]
            ),
            1.0,
            "reason {reason}: {ours:#?}"
        );
    }
    assert_eq!(
        value("txclass_predictions_total", &[batch, "category="]),
        21.0,
        "every written record is counted under its category"
    );
    assert_eq!(
        value("txclass_batch_last_run_status", &["status=\"succeeded\""]),
        1.0
    );
    assert!(value("txclass_batch_last_success_timestamp_seconds", &[]) > 1.7e9);
    assert!(value("txclass_batch_run_duration_seconds", &[]) > 0.0);
}

#[tokio::test]
async fn running_the_same_run_twice_leaves_the_same_rows() {
    let s = setup().await;
    let ml_api = MlApiProcess::start(&[]);
    s.put("day.csv", mixed_csv()).await;
    assert!(s.classify(&ml_api, &["--run-id", "again"]).status.success());
    let before: Vec<(String, String)> =
        sqlx::query_as("SELECT transaction_id, category FROM predictions ORDER BY 1")
            .fetch_all(&s.pool)
            .await
            .expect("rows");
    assert!(s.classify(&ml_api, &["--run-id", "again"]).status.success());
    let after: Vec<(String, String)> =
        sqlx::query_as("SELECT transaction_id, category FROM predictions ORDER BY 1")
            .fetch_all(&s.pool)
            .await
            .expect("rows");
    assert_eq!(before, after);
    assert_eq!(s.count("SELECT count(*) FROM runs").await, 1);
}

#[tokio::test]
async fn an_ml_api_in_fault_mode_gives_the_same_final_result() {
    let s = setup().await;
    let ml_api = MlApiProcess::start(&[
        "--fault-unavailable",
        "0.3",
        "--fault-throttled",
        "0.1",
        "--fault-timeout",
        "0.1",
        "--fault-hang-ms",
        "3000",
    ]);
    s.put("day.csv", mixed_csv()).await;
    let out = s.classify(&ml_api, &["--ml-api-timeout-ms", "500"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(s.count("SELECT count(*) FROM predictions").await, 20);
    assert_eq!(s.count("SELECT dead_lettered FROM runs").await, 10);
}

#[tokio::test]
async fn a_file_missing_a_required_column_fails_and_writes_nothing() {
    let s = setup().await;
    let ml_api = MlApiProcess::start(&[]);
    s.put(
        "bad.csv",
        "transaction_id,timestamp,description\nt1,2024-06-01T10:00:00Z,COFFEE\n",
    )
    .await;
    let out = s.classify(&ml_api, &[]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("missing required column(s): account_id, amount, currency"),
        "{stderr}"
    );
    assert_eq!(s.count("SELECT count(*) FROM transactions").await, 0);
    assert_eq!(
        s.count("SELECT count(*) FROM runs WHERE status = 'failed'")
            .await,
        1
    );
}

#[tokio::test]
async fn a_gzip_file_is_read() {
    let s = setup().await;
    let ml_api = MlApiProcess::start(&[]);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(mixed_csv().as_bytes()).expect("gzip");
    s.put("day.csv.gz", gz.finish().expect("gzip")).await;
    assert!(s.classify(&ml_api, &[]).status.success());
    assert_eq!(s.count("SELECT count(*) FROM predictions").await, 20);
}

#[tokio::test]
async fn the_seed_dialect_is_read_unchanged() {
    let s = setup().await;
    let ml_api = MlApiProcess::start(&[]);
    let csv = "id;description;amount;timestamp;merchant;operation_type;side\n\
               s1;\"Card payment; SPAR 0231\";-952,40;2023-11-28 06:35:12;SPAR;card_payment;debit\n\
               s2;SALARY ACME GMBH;3120,00;2023-11-28 09:00:00;ACME;transfer;credit\n\
               s3;BROKEN;abc;2023-11-29 15:00:00;X;card_payment;debit\n";
    s.put("seed.csv", csv).await;
    let out = s.classify(&ml_api, &["--currency", "EUR", "--account-id", "acc-seed"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<(String, String, String, String, serde_json::Value)> = sqlx::query_as(
        "SELECT transaction_id, amount::text, currency, account_id, attributes FROM transactions ORDER BY 1",
    )
    .fetch_all(&s.pool)
    .await
    .expect("rows");
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (
            rows[0].0.as_str(),
            rows[0].1.as_str(),
            rows[0].2.as_str(),
            rows[0].3.as_str()
        ),
        ("s1", "-952.40", "EUR", "acc-seed")
    );
    assert_eq!(rows[0].4["side"], "debit");
    assert_eq!(s.count("SELECT dead_lettered FROM runs").await, 1);
}

#[tokio::test]
async fn an_unreachable_ml_api_fails_the_run_after_retries_without_dead_lettering_valid_rows() {
    let s = setup().await;
    let mut ml_api = MlApiProcess::start(&[]);
    ml_api.stop();
    s.put("day.csv", mixed_csv()).await;
    let out = s.classify(&ml_api, &["--retry-max", "2"]);
    assert_eq!(
        out.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("classify stage unavailable"));
    assert_eq!(s.count("SELECT count(*) FROM predictions").await, 0);
    assert_eq!(
        s.count("SELECT count(*) FROM runs WHERE status = 'failed'")
            .await,
        1
    );
}

/// A description that opens a quote it never closes costs its own row: the
/// run counts one record per line of the file and dead-letters that line.
#[tokio::test]
async fn a_stray_quote_dead_letters_its_row_and_the_counts_follow_the_lines() {
    let s = setup().await;
    let ml_api = MlApiProcess::start(&[]);
    let mut csv = HEADER.to_owned();
    for i in 0..200 {
        let description = if i == 9 {
            "\"12 INCH PIZZA".to_owned()
        } else {
            format!("SQ *BLUE BOTTLE COFFEE #{i}")
        };
        csv += &format!("q{i},2024-06-01T10:00:00Z,acc-{i},-4.25,USD,,{description},5814,x\n");
    }
    s.put("stray.csv", csv).await;
    let out = s.classify(&ml_api, &["--run-id", "run-stray"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (records_in, written, dead_lettered): (i64, i64, i64) = sqlx::query_as(
        "SELECT records_in, written, dead_lettered FROM runs WHERE run_id = 'run-stray'",
    )
    .fetch_one(&s.pool)
    .await
    .expect("run row");
    assert_eq!((records_in, written, dead_lettered), (200, 199, 1));
    let letters = read_topic(
        &s.dlq_topic,
        1,
        Duration::from_secs(30),
        Duration::from_millis(500),
    )
    .await;
    assert_eq!(letters[0].headers["source.line"], "11");
}

/// A record over the bound refuses its object with exit 3, naming the line
/// where the record started, after the rows before it.
#[tokio::test]
async fn a_record_over_the_bound_refuses_its_object_naming_the_line() {
    let s = setup().await;
    let ml_api = MlApiProcess::start(&[]);
    let mut csv = HEADER.to_owned();
    for i in 0..3 {
        csv += &format!("h{i},2024-06-01T10:00:00Z,acc,-4.25,USD,,COFFEE #{i},5814,x\n");
    }
    csv += "h3,2024-06-01T10:00:00Z,acc,-4.25,USD,,\"";
    csv += &"x".repeat(2 * 1024 * 1024);
    csv += "\",5814,x\n";
    s.put("huge.csv", csv).await;
    let out = s.classify(&ml_api, &["--max-record-bytes", "65536"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("line 5") && stderr.contains("over 65536 bytes"),
        "{stderr}"
    );
    assert_eq!(s.count("SELECT count(*) FROM transactions").await, 3);
}

/// Airflow maps one task per object and passes its exact key: `a.csv` must
/// not also take `a.csv.gz` and `a.csv.old.csv`, which a prefix would.
#[tokio::test]
async fn an_exact_key_classifies_that_object_only() {
    let s = setup().await;
    let ml_api = MlApiProcess::start(&[]);
    let rows = |prefix: &str, n: usize| {
        let mut csv = HEADER.to_owned();
        for i in 0..n {
            csv += &format!("{prefix}{i},2024-06-01T10:00:00Z,acc,-4.25,USD,,COFFEE #{i},5814,x\n");
        }
        csv
    };
    s.put("a.csv", rows("plain", 2)).await;
    s.put("a.csv.old.csv", rows("old", 4)).await;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, rows("gz", 3).as_bytes()).expect("gzip");
    s.put("a.csv.gz", gz.finish().expect("gzip")).await;
    let key = format!("{}a.csv", s.prefix);
    let out = s.classify(&ml_api, &["--s3-key", &key]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(s.count("SELECT count(*) FROM transactions").await, 2);
    assert_eq!(
        s.count("SELECT count(*) FROM transactions WHERE transaction_id LIKE 'plain%'")
            .await,
        2
    );
}

/// A run that stops on an outage still leaves, in S3, a row for every
/// letter it sent to the topic: letters go to an errors part first.
#[tokio::test]
async fn a_failed_run_leaves_an_errors_part_for_every_letter_it_sent() {
    let s = setup().await;
    let mut ml_api = MlApiProcess::start(&[]);
    ml_api.stop();
    let mut csv = HEADER.to_owned();
    for i in 0..7 {
        csv += &format!("bad{i},yesterday,acc,-1.00,USD,,BAD TIME,,x\n");
    }
    for i in 0..7 {
        csv += &format!("ok{i},2024-06-01T10:00:00Z,acc,-1.00,USD,,COFFEE #{i},5814,x\n");
    }
    s.put("day.csv", csv).await;
    let out = s.classify(
        &ml_api,
        &[
            "--batch-id",
            "b-outage",
            "--concurrency",
            "1",
            "--retry-max",
            "1",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let letters = read_topic(
        &s.dlq_topic,
        7,
        Duration::from_secs(30),
        Duration::from_millis(500),
    )
    .await;
    assert_eq!(letters.len(), 7);
    let parts =
        s.s3.list(&s.bucket, "errors/b-outage/")
            .await
            .expect("list");
    assert_eq!(parts.len(), 1, "{parts:?}");
    let mut body = Vec::new();
    let mut stream = s.s3.get(&s.bucket, &parts[0]).await.expect("get");
    while let Some(piece) = futures::StreamExt::next(&mut stream).await {
        body.extend(piece.expect("piece"));
    }
    let text = String::from_utf8(body).expect("utf-8");
    assert_eq!(text.lines().count(), 1 + 7, "{text}");
}

/// The same id with other content in two chunks of one run: the first
/// written stays, the other is dead-lettered, whichever commits last.
#[tokio::test]
async fn conflicting_duplicates_across_chunks_keep_one_and_dead_letter_the_other() {
    let s = setup().await;
    let ml_api = MlApiProcess::start(&[]);
    let mut csv = HEADER.to_owned();
    csv += "dup,2024-06-01T10:00:00Z,acc,-1.00,USD,,COFFEE ONE,5814,x\n";
    for i in 0..10 {
        csv += &format!("fill{i},2024-06-01T10:00:00Z,acc,-1.00,USD,,COFFEE #{i},5814,x\n");
    }
    csv += "dup,2024-06-01T10:00:00Z,acc,-2.00,USD,,COFFEE TWO,5814,x\n";
    s.put("dups.csv", csv).await;
    let out = s.classify(&ml_api, &["--run-id", "run-dups", "--concurrency", "1"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (records_in, written, dead_lettered): (i64, i64, i64) = sqlx::query_as(
        "SELECT records_in, written, dead_lettered FROM runs WHERE run_id = 'run-dups'",
    )
    .fetch_one(&s.pool)
    .await
    .expect("run row");
    assert_eq!((records_in, written, dead_lettered), (12, 11, 1));
    assert_eq!(
        s.count(
            "SELECT count(*) FROM transactions WHERE transaction_id = 'dup' AND amount = -1.00"
        )
        .await,
        1
    );
}

/// PostgreSQL backends of the run are terminated while it writes: the run
/// completes (the writes are retried) or exits 4, and a re-run with the
/// same run id leaves exactly the expected rows.
#[tokio::test]
async fn terminated_database_backends_mid_run_complete_or_exit_4_and_a_rerun_is_exact() {
    let s = setup().await;
    let ml_api = MlApiProcess::start(&[]);
    let mut csv = HEADER.to_owned();
    for i in 0..3_000 {
        csv += &format!("pg{i},2024-06-01T10:00:00Z,acc-{i},-4.25,USD,,COFFEE #{i},5814,x\n");
    }
    s.put("big.csv", csv).await;
    let terminated = std::sync::Arc::new(std::sync::atomic::AtomicI64::new(0));
    let killer = {
        let pool = s.pool.clone();
        let terminated = terminated.clone();
        tokio::spawn(async move {
            // Terminate the run's backends a few times while it writes.
            while terminated.load(std::sync::atomic::Ordering::SeqCst) < 3 {
                tokio::time::sleep(Duration::from_millis(50)).await;
                // The run's own connections: their last statement wrote.
                let killed: Vec<bool> = sqlx::query_scalar(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                     WHERE pid <> pg_backend_pid() AND datname = current_database()
                       AND state = 'active'
                       AND (query ILIKE '%INSERT INTO transactions%'
                            OR query ILIKE '%INSERT INTO predictions%'
                            OR query ILIKE '%INSERT INTO runs%')",
                )
                .fetch_all(&pool)
                .await
                .unwrap_or_default();
                let n = killed.into_iter().filter(|k| *k).count() as i64;
                terminated.fetch_add(n, std::sync::atomic::Ordering::SeqCst);
            }
        })
    };
    // The run on a thread of its own, so the terminations go on meanwhile,
    // with a deadline: a run that hangs fails the test instead of stalling it.
    let mut command = s.classify_command(&ml_api.url, &["--run-id", "run-pg"]);
    let log = std::env::temp_dir().join(format!("{}.log", unique("run-pg")));
    let mut child = command
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("run");
    let deadline = std::time::Instant::now() + Duration::from_secs(120);
    while child.try_wait().expect("wait").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!(
                "the run hung after its backends were terminated:\n{}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    killer.abort();
    assert!(
        terminated.load(std::sync::atomic::Ordering::SeqCst) > 0,
        "no backend of the run was terminated"
    );
    let status = child.wait().expect("status");
    assert!(
        matches!(status.code(), Some(0 | 4)),
        "{}",
        std::fs::read_to_string(&log).unwrap_or_default()
    );
    let again = s.classify(&ml_api, &["--run-id", "run-pg"]);
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(s.count("SELECT count(*) FROM transactions").await, 3_000);
    assert_eq!(
        s.count("SELECT count(*) FROM predictions WHERE run_id = 'run-pg'")
            .await,
        3_000
    );
}

/// The shapes real exports take: a byte-order mark, CRLF line ends, a
/// quoted field with a line break in it, a row that is not UTF-8; and a
/// gzip bomb beside them. Each row is written or dead-lettered with its
/// reason, and the bomb refuses its own object only (exit 3).
#[tokio::test]
async fn export_quirks_are_read_and_a_gzip_bomb_refuses_only_itself() {
    let s = setup().await;
    let ml_api = MlApiProcess::start(&[]);
    let mut csv = b"\xef\xbb\xbf".to_vec();
    csv.extend_from_slice(HEADER.trim_end().as_bytes());
    csv.extend_from_slice(b"\r\n");
    for i in 0..5 {
        csv.extend_from_slice(
            format!("crlf{i},2024-06-01T10:00:00Z,acc,-1.00,USD,,COFFEE #{i},5814,x\r\n")
                .as_bytes(),
        );
    }
    csv.extend_from_slice(b"nl,2024-06-01T10:00:00Z,acc,-1.00,USD,,\"TWO\r\nLINES\",5814,x\r\n");
    csv.extend_from_slice(b"latin,2024-06-01T10:00:00Z,acc,-1.00,USD,,CAF\xc9 LATIN-1,5814,x\r\n");
    s.put("quirks.csv", csv).await;
    let mut bomb = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    bomb.write_all(HEADER.as_bytes()).expect("gzip");
    let zeros = vec![b'0'; 1024 * 1024];
    for _ in 0..64 {
        bomb.write_all(&zeros).expect("gzip");
    }
    s.put("bomb.csv.gz", bomb.finish().expect("gzip")).await;
    let out = s.classify(&ml_api, &["--run-id", "run-quirks"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("bomb.csv.gz") && stderr.contains("line 2"),
        "{stderr}"
    );
    assert_eq!(s.count("SELECT count(*) FROM transactions").await, 6);
    assert_eq!(
        s.count("SELECT count(*) FROM transactions WHERE description = 'TWO\r\nLINES'")
            .await,
        1
    );
    let letters = read_topic(
        &s.dlq_topic,
        1,
        Duration::from_secs(30),
        Duration::from_millis(500),
    )
    .await;
    assert_eq!(letters.len(), 1);
    assert_eq!(letters[0].headers["error.code"], "invalid_utf8");
}
