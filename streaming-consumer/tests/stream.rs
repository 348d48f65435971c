//! The consumer against the real broker, database and ML API: nothing lost,
//! nothing duplicated, nothing wrongly dead-lettered.

use std::collections::BTreeSet;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use rdkafka::producer::{FutureProducer, FutureRecord};
use sqlx::PgPool;
use txclass_adapters::kafka::{ensure_topics, producer_config};
use txclass_adapters::testing::{MlApiProcess, brokers, fresh_database, read_topic, unique};
use txclass_synth::{Generator, InvalidKind, Split, invalid_json_payload};

struct Setup {
    database_url: String,
    pool: PgPool,
    topic: String,
    dlq: String,
    group: String,
}

async fn setup() -> Setup {
    let (database_url, store) = fresh_database().await;
    let topic = unique("tx");
    let dlq = unique("dlq");
    ensure_topics(&brokers(), &[(&topic, 3), (&dlq, 1)])
        .await
        .expect("topics");
    Setup {
        database_url,
        pool: store.pool().clone(),
        topic,
        dlq,
        group: unique("group"),
    }
}

/// A running consumer process; SIGKILLed on drop unless stopped.
/// The consumer process and the port of its /health, /ready and /metrics.
struct ConsumerProcess(Child, u16);

impl ConsumerProcess {
    fn start(s: &Setup, ml_api: &MlApiProcess, group: &str, extra: &[&str]) -> Self {
        let port = txclass_adapters::testing::reserve_port();
        let child = Command::new(env!("CARGO_BIN_EXE_txclass-consumer"))
            .args([
                "--topic",
                &s.topic,
                "--group-id",
                group,
                "--dlq-topic",
                &s.dlq,
            ])
            .args([
                "--addr",
                &format!("127.0.0.1:{port}"),
                "--buffer-ms",
                "200",
                "--buffer-records",
                "500",
            ])
            .args([
                "--retry-initial-ms",
                "50",
                "--retry-max-delay-ms",
                "500",
                "--outage-backoff-max-ms",
                "1000",
                "--max-poll-interval-ms",
                "15000",
            ])
            // A flag in `extra` overrides this.
            .env("TXCLASS_RETRY_MAX", "3")
            .args(extra)
            .env("DATABASE_URL", &s.database_url)
            .env("KAFKA_BROKERS", brokers())
            .env("ML_API_URL", &ml_api.url)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start consumer");
        Self(child, port)
    }

    /// The samples of its /metrics page whose line starts with `prefix`, summed.
    async fn metrics_page(&self) -> String {
        reqwest::get(format!("http://127.0.0.1:{}/metrics", self.1))
            .await
            .expect("metrics answer")
            .text()
            .await
            .expect("body")
    }

    async fn metric(&self, prefix: &str) -> f64 {
        self.metrics_page()
            .await
            .lines()
            .filter(|l| l.starts_with(prefix))
            .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
            .sum()
    }

    fn kill9(mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }

    /// SIGTERM and wait; answers whether it exited 0.
    fn stop(mut self) -> bool {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(Some(status)) = self.0.try_wait() {
                return status.success();
            }
            if Instant::now() > deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for ConsumerProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Publishes `valid` transactions and one invalid record of each kind per
/// `invalid_every` valid ones; answers the valid ids and the invalid count.
async fn produce(
    topic: &str,
    prefix: &str,
    valid: usize,
    invalid_every: usize,
) -> (BTreeSet<String>, usize) {
    let producer: FutureProducer = producer_config(&brokers()).create().expect("producer");
    let mut generator = Generator::new(11, Split::All).with_id_prefix(prefix);
    let mut ids = BTreeSet::new();
    let mut invalid = 0;
    let mut sends = Vec::new();
    for i in 0..valid {
        let tx = generator.next_labeled().transaction;
        ids.insert(tx.transaction_id().to_owned());
        let value = serde_json::to_vec(&tx).expect("json");
        let key = tx.account_id().to_owned();
        sends.push((Some(key), value));
        if invalid_every > 0 && i % invalid_every == 0 {
            let kind = InvalidKind::ALL[invalid % InvalidKind::ALL.len()];
            sends.push((None, invalid_json_payload(&mut generator, kind)));
            invalid += 1;
        }
    }
    let futures = sends.iter().map(|(key, value)| {
        let mut record = FutureRecord::to(topic).payload(value);
        if let Some(k) = key {
            record = record.key(k);
        }
        producer.send(record, Duration::from_secs(30))
    });
    for result in futures::future::join_all(futures).await {
        result.expect("delivered");
    }
    (ids, invalid)
}

async fn wait_for_rows(pool: &PgPool, expected: i64, within: Duration) -> i64 {
    let deadline = Instant::now() + within;
    loop {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM predictions")
            .fetch_one(pool)
            .await
            .expect("count");
        if n >= expected || Instant::now() > deadline {
            return n;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn stored_ids(pool: &PgPool) -> BTreeSet<String> {
    sqlx::query_scalar::<_, String>("SELECT transaction_id FROM predictions")
        .fetch_all(pool)
        .await
        .expect("ids")
        .into_iter()
        .collect()
}

#[tokio::test]
async fn valid_records_are_written_invalid_ones_dead_lettered_and_counts_reconcile() {
    let s = setup().await;
    let ml_api = MlApiProcess::start(&[]);
    let (ids, invalid) = produce(&s.topic, "mix", 900, 9).await;
    let consumer = ConsumerProcess::start(&s, &ml_api, &s.group, &["--run-id", "session-1"]);
    assert_eq!(
        wait_for_rows(&s.pool, ids.len() as i64, Duration::from_secs(60)).await,
        ids.len() as i64
    );
    let letters = read_topic(
        &s.dlq,
        invalid,
        Duration::from_secs(30),
        Duration::from_secs(1),
    )
    .await;
    assert_eq!(letters.len(), invalid);
    for l in &letters {
        assert!(
            ["parse", "validate"].contains(&l.headers["error.stage"].as_str()),
            "{:?}",
            l.headers
        );
        assert_eq!(l.headers["source.topic"], s.topic);
        assert!(l.headers.contains_key("source.offset") && l.headers.contains_key("error.reason"));
        assert!(!l.headers["error.code"].is_empty(), "{:?}", l.headers);
    }
    // The pipeline metrics say the same as the table and the topic.
    let total = (ids.len() + invalid) as f64;
    let deadline = Instant::now() + Duration::from_secs(10);
    while consumer.metric("txclass_records_ingested_total").await < total
        && Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let streaming = "{pipeline=\"streaming\"}";
    assert_eq!(
        consumer
            .metric(&format!("txclass_records_ingested_total{streaming}"))
            .await,
        total
    );
    assert_eq!(
        consumer
            .metric(&format!("txclass_records_written_total{streaming}"))
            .await,
        ids.len() as f64
    );
    assert_eq!(
        consumer.metric("txclass_validation_failures_total{").await,
        invalid as f64
    );
    assert_eq!(
        consumer
            .metric("txclass_records_dead_lettered_total{pipeline=\"streaming\",stage=")
            .await,
        invalid as f64
    );
    assert_eq!(
        consumer.metric("txclass_predictions_total{").await,
        ids.len() as f64
    );
    assert_eq!(
        consumer
            .metric("txclass_consumer_record_latency_seconds_count")
            .await,
        total
    );
    // The only member owns all three partitions.
    assert_eq!(
        consumer
            .metric("txclass_consumer_assigned_partitions")
            .await,
        3.0
    );
    // Lag comes from the client's statistics (every 5 s): one gauge per
    // owned partition, at zero once everything is committed.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let page = consumer.metrics_page().await;
        let lags: Vec<&str> = page
            .lines()
            .filter(|l| l.starts_with("txclass_consumer_lag{"))
            .collect();
        if lags.len() == 3 && lags.iter().all(|l| l.ends_with(" 0")) {
            break;
        }
        assert!(Instant::now() < deadline, "lag gauges: {lags:?}");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert!(consumer.stop(), "SIGTERM exits 0");
    assert_eq!(stored_ids(&s.pool).await, ids);
    let (records_in, written, dead_lettered, status): (i64, i64, i64, String) = sqlx::query_as(
        "SELECT records_in, written, dead_lettered, status FROM runs WHERE run_id = 'session-1'",
    )
    .fetch_one(&s.pool)
    .await
    .expect("session row");
    assert_eq!(
        (records_in, written, dead_lettered),
        (
            (ids.len() + invalid) as i64,
            ids.len() as i64,
            invalid as i64
        )
    );
    assert_eq!(status, "succeeded");
    let lineage: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM predictions WHERE processing_type = 'streaming' AND run_id = 'session-1' AND source LIKE $1",
    )
    .bind(format!("{}/%/%", s.topic))
    .fetch_one(&s.pool)
    .await
    .expect("lineage");
    assert_eq!(lineage, ids.len() as i64);

    // Replaying the topic with a new group leaves one row per transaction.
    let replay = ConsumerProcess::start(&s, &ml_api, &unique("replay"), &["--run-id", "session-2"]);
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let replayed: i64 =
            sqlx::query_scalar("SELECT count(*) FROM predictions WHERE run_id = 'session-2'")
                .fetch_one(&s.pool)
                .await
                .expect("count");
        if replayed == ids.len() as i64 || Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(replay.stop());
    assert_eq!(
        stored_ids(&s.pool).await,
        ids,
        "no duplicate rows after replay"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_at_random_moments_loses_and_duplicates_nothing() {
    let s = setup().await;
    let ml_api = MlApiProcess::start(&[]);
    // Production goes on through the kills: slices of 100 records, at least
    // 40 and until the last kill.
    let killing = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let producing = tokio::spawn({
        let topic = s.topic.clone();
        let killing = killing.clone();
        async move {
            let mut ids = BTreeSet::new();
            let mut slice = 0;
            while slice < 40 || killing.load(std::sync::atomic::Ordering::SeqCst) {
                let (more, _) = produce(&topic, &format!("kill{slice:03}"), 100, 0).await;
                ids.extend(more);
                slice += 1;
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            ids
        }
    });
    let mut seed = 0x9e37_79b9_u64;
    // A restarted replica comes back under its instance id, as under an orchestrator.
    let replica = ["--group-instance-id", "replica-0"];
    // Three kills in the test run; the fault suite asks for more.
    let kills: u32 = std::env::var("TXCLASS_FAULT_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(3);
    for round in 0..kills {
        let before = wait_for_rows(&s.pool, 0, Duration::ZERO).await;
        let consumer = ConsumerProcess::start(&s, &ml_api, &s.group, &replica);
        // Kill while it is processing: once rows move, at a random moment.
        let moving = wait_for_rows(&s.pool, before + 1, Duration::from_secs(60)).await;
        assert!(
            moving > before,
            "round {round}: the consumer never started writing"
        );
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        tokio::time::sleep(Duration::from_millis(50 + seed % 700)).await;
        consumer.kill9();
    }
    killing.store(false, std::sync::atomic::Ordering::SeqCst);
    let ids = producing.await.expect("produced");
    let consumer = ConsumerProcess::start(&s, &ml_api, &s.group, &replica);
    assert_eq!(
        wait_for_rows(&s.pool, ids.len() as i64, Duration::from_secs(120)).await,
        ids.len() as i64
    );
    assert!(consumer.stop());
    assert_eq!(
        stored_ids(&s.pool).await,
        ids,
        "every record once, none lost"
    );
}

#[tokio::test]
async fn an_ml_api_outage_holds_records_instead_of_dead_lettering_them() {
    let s = setup().await;
    let mut ml_api = MlApiProcess::start(&[]);
    let port = ml_api.port();
    ml_api.stop();
    let (ids, _) = produce(&s.topic, "outage", 600, 0).await;
    let consumer = ConsumerProcess::start(&s, &ml_api, &s.group, &[]);
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert_eq!(
        wait_for_rows(&s.pool, 1, Duration::from_millis(10)).await,
        0,
        "nothing written while down"
    );
    let _back = MlApiProcess::start_on(port, &[]);
    assert_eq!(
        wait_for_rows(&s.pool, ids.len() as i64, Duration::from_secs(60)).await,
        ids.len() as i64
    );
    assert!(consumer.stop());
    let letters = read_topic(
        &s.dlq,
        1,
        Duration::from_secs(3),
        Duration::from_millis(100),
    )
    .await;
    assert!(
        letters.is_empty(),
        "valid records were dead-lettered: {}",
        letters.len()
    );
}

#[tokio::test]
async fn an_ml_api_in_fault_mode_loses_nothing() {
    let s = setup().await;
    let ml_api = MlApiProcess::start(&["--fault-unavailable", "0.3", "--fault-throttled", "0.2"]);
    let (ids, _) = produce(&s.topic, "faults", 800, 0).await;
    let consumer = ConsumerProcess::start(&s, &ml_api, &s.group, &["--retry-max", "10"]);
    assert_eq!(
        wait_for_rows(&s.pool, ids.len() as i64, Duration::from_secs(90)).await,
        ids.len() as i64
    );
    assert!(consumer.stop());
    assert!(
        read_topic(
            &s.dlq,
            1,
            Duration::from_secs(3),
            Duration::from_millis(100)
        )
        .await
        .is_empty()
    );
}

#[tokio::test]
async fn consumers_share_partitions_and_a_third_joining_and_leaving_keeps_exactly_once() {
    let s = setup().await;
    let ml_api = MlApiProcess::start(&[]);
    let first = ConsumerProcess::start(&s, &ml_api, &s.group, &[]);
    let second = ConsumerProcess::start(&s, &ml_api, &s.group, &[]);
    let (mut ids, _) = produce(&s.topic, "group-a", 1500, 0).await;
    let third = ConsumerProcess::start(&s, &ml_api, &s.group, &[]);
    let (more, _) = produce(&s.topic, "group-b", 1500, 0).await;
    ids.extend(more);
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(third.stop(), "the third leaves cleanly");
    assert_eq!(
        wait_for_rows(&s.pool, ids.len() as i64, Duration::from_secs(90)).await,
        ids.len() as i64
    );
    assert!(first.stop() && second.stop());
    assert_eq!(stored_ids(&s.pool).await, ids);
}

#[tokio::test]
async fn poison_messages_are_dead_lettered_and_the_stream_goes_on() {
    let s = setup().await;
    let ml_api = MlApiProcess::start(&[]);
    let producer: FutureProducer = producer_config(&brokers()).create().expect("producer");
    let big = vec![b'{'; 4_500_000];
    let poison: Vec<&[u8]> = vec![
        b"not json at all",
        &[0xff, 0xfe, 0x00, 0x41],
        &big,
        br#"{"transaction_id":"only-id"}"#,
        b"",
    ];
    for value in &poison {
        producer
            .send(
                FutureRecord::<(), _>::to(&s.topic)
                    .partition(0)
                    .payload(*value),
                Duration::from_secs(30),
            )
            .await
            .expect("send");
    }
    let (ids, _) = produce(&s.topic, "after-poison", 200, 0).await;
    let consumer = ConsumerProcess::start(&s, &ml_api, &s.group, &[]);
    assert_eq!(
        wait_for_rows(&s.pool, ids.len() as i64, Duration::from_secs(60)).await,
        ids.len() as i64
    );
    let letters = read_topic(
        &s.dlq,
        poison.len(),
        Duration::from_secs(30),
        Duration::from_secs(1),
    )
    .await;
    assert_eq!(letters.len(), poison.len());
    assert!(
        letters
            .iter()
            .any(|l| l.headers["error.reason"].contains("UTF-8"))
    );
    // Bigger than a dead letter carries whole: kept truncated, and said so.
    assert!(
        letters
            .iter()
            .any(|l| l.headers.get("payload.bytes").map(String::as_str) == Some("4500000"))
    );
    assert!(consumer.stop());
}

/// A second consumer joins and leaves while the ML API is down: when it is
/// back, every record is written, including records produced afterwards to
/// partitions that changed hands while paused (none stays paused), and the
/// member that leaves during the outage stops at once on SIGTERM.
#[tokio::test]
async fn a_rebalance_during_an_outage_leaves_no_partition_paused_and_loses_nothing() {
    let s = setup().await;
    let mut ml_api = MlApiProcess::start(&[]);
    let port = ml_api.port();
    ml_api.stop();
    let (mut ids, _) = produce(&s.topic, "held", 600, 0).await;
    let first = ConsumerProcess::start(&s, &ml_api, &s.group, &[]);
    tokio::time::sleep(Duration::from_secs(4)).await;
    let second = ConsumerProcess::start(&s, &ml_api, &s.group, &[]);
    tokio::time::sleep(Duration::from_secs(8)).await;
    let stopping = Instant::now();
    assert!(second.stop(), "a member stops cleanly during an outage");
    assert!(
        stopping.elapsed() < Duration::from_secs(15),
        "SIGTERM during an outage took {:?}",
        stopping.elapsed()
    );
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert_eq!(
        wait_for_rows(&s.pool, 1, Duration::from_millis(10)).await,
        0
    );
    let _back = MlApiProcess::start_on(port, &[]);
    assert_eq!(
        wait_for_rows(&s.pool, ids.len() as i64, Duration::from_secs(60)).await,
        ids.len() as i64
    );
    let (more, _) = produce(&s.topic, "after", 600, 0).await;
    ids.extend(more);
    assert_eq!(
        wait_for_rows(&s.pool, ids.len() as i64, Duration::from_secs(60)).await,
        ids.len() as i64,
        "records produced after the outage reach every partition's reader"
    );
    assert!(first.stop());
    assert_eq!(stored_ids(&s.pool).await, ids);
}

/// One message of each class of bad input: each is dead-lettered with its
/// reason, the valid records around them are written, and the consumer
/// stays healthy.
#[tokio::test]
async fn every_class_of_bad_message_is_dead_lettered_and_the_consumer_stays_healthy() {
    let s = setup().await;
    let ml_api = MlApiProcess::start(&[]);
    let producer: FutureProducer = producer_config(&brokers()).create().expect("producer");
    let tx = |id: &str, field: &str, value: &str| {
        let mut v = serde_json::json!({
            "transaction_id": id, "timestamp": "2024-06-01T10:00:00Z", "account_id": "a",
            "amount": "-4.20", "currency": "USD", "description": "COFFEE", "mcc": "5814"
        });
        v[field] = serde_json::Value::String(value.to_owned());
        serde_json::to_vec(&v).expect("json")
    };
    let nested = format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000));
    let bad: Vec<(Vec<u8>, &str)> = vec![
        (tx("nan", "amount", "NaN"), "amount"),
        (tx("huge", "amount", "1e400"), "amount"),
        (tx("comma", "amount", "1,5"), "amount"),
        (tx("ts", "timestamp", "06/01/2024"), "timestamp"),
        (tx("cur", "currency", "usd"), "currency"),
        (tx("mcc", "mcc", "58a1"), "mcc"),
        (tx("long", "description", &"D".repeat(300)), "description"),
        (
            tx(&"i".repeat(600_000), "description", "COFFEE"),
            "transaction_id",
        ),
        (nested.into_bytes(), "JSON"),
        (b"{\"transaction_id\": ".to_vec(), "JSON"),
    ];
    for (value, _) in &bad {
        producer
            .send(
                FutureRecord::<(), _>::to(&s.topic)
                    .partition(1)
                    .payload(value),
                Duration::from_secs(30),
            )
            .await
            .expect("send");
    }
    // SQL-looking text is data like any other.
    let sql = tx("sql", "description", "'; DROP TABLE predictions; --");
    producer
        .send(
            FutureRecord::<(), _>::to(&s.topic)
                .partition(1)
                .payload(&sql),
            Duration::from_secs(30),
        )
        .await
        .expect("send");
    let (mut ids, _) = produce(&s.topic, "around", 200, 0).await;
    ids.insert("sql".to_owned());
    let consumer = ConsumerProcess::start(&s, &ml_api, &s.group, &[]);
    assert_eq!(
        wait_for_rows(&s.pool, ids.len() as i64, Duration::from_secs(60)).await,
        ids.len() as i64
    );
    let letters = read_topic(
        &s.dlq,
        bad.len(),
        Duration::from_secs(30),
        Duration::from_secs(1),
    )
    .await;
    assert_eq!(letters.len(), bad.len());
    for (_, field) in &bad {
        assert!(
            letters
                .iter()
                .any(|l| l.headers["error.reason"].contains(field)),
            "no letter names {field}"
        );
    }
    let health = reqwest::get(format!("http://127.0.0.1:{}/health", consumer.1))
        .await
        .expect("health");
    assert!(health.status().is_success());
    assert!(consumer.stop());
    assert_eq!(stored_ids(&s.pool).await, ids);
}
