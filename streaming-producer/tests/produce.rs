//! The producer against the real broker.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use txclass_adapters::kafka::ensure_topics;
use txclass_adapters::testing::{brokers, read_topic, unique};
use txclass_core::Transaction;

async fn topic() -> String {
    let topic = unique("produce");
    ensure_topics(&brokers(), &[(&topic, 3)])
        .await
        .expect("topic");
    topic
}

fn producer() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_txclass-producer"));
    command
        .env("KAFKA_BROKERS", brokers())
        .env("RUST_LOG", "warn");
    command
}

#[tokio::test]
async fn a_fixed_rate_run_publishes_every_record_keyed_by_account() {
    let topic = topic().await;
    let out = producer()
        .args([
            "run",
            "--topic",
            &topic,
            "--rate",
            "2000",
            "--count",
            "600",
            "--invalid-ratio",
            "0.1",
            "--id-prefix",
            "rate",
        ])
        .output()
        .expect("run producer");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("published 600 records"), "{stdout}");
    assert!(stdout.contains("delivered 600, failed 0"), "{stdout}");

    let records = read_topic(
        &topic,
        600,
        Duration::from_secs(30),
        Duration::from_millis(500),
    )
    .await;
    assert_eq!(records.len(), 600);
    let mut valid = 0;
    for r in &records {
        if let Ok(tx) = serde_json::from_slice::<Transaction>(&r.payload) {
            valid += 1;
            assert_eq!(
                r.key.as_deref(),
                Some(tx.account_id().as_bytes()),
                "keyed by account"
            );
        }
    }
    assert!(
        (480..600).contains(&valid),
        "about 10% invalid, got {valid} valid"
    );
    let partitions: std::collections::BTreeSet<i32> = records.iter().map(|r| r.partition).collect();
    assert!(partitions.len() > 1, "accounts spread over partitions");
}

#[tokio::test]
async fn the_steady_profile_sends_small_batches_until_its_duration_ends() {
    let topic = topic().await;
    let started = Instant::now();
    let out = producer()
        .args([
            "run",
            "--topic",
            &topic,
            "--profile",
            "steady",
            "--duration",
            "2s",
            "--id-prefix",
            "steady",
        ])
        .output()
        .expect("run producer");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(started.elapsed() >= Duration::from_secs(2));
    let records = read_topic(&topic, 1, Duration::from_secs(10), Duration::from_secs(1)).await;
    // 4 ticks of 1–10 records in 2 s.
    assert!((3..=50).contains(&records.len()), "{}", records.len());
}

#[tokio::test]
async fn a_csv_replay_publishes_its_rows_as_they_are() {
    let topic = topic().await;
    let path = std::env::temp_dir().join(format!("{}.csv", unique("replay")));
    std::fs::write(
        &path,
        "transaction_id,timestamp,account_id,amount,currency,description\n\
         r1,2024-01-01T00:00:00Z,a1,-1.00,USD,COFFEE\n\
         r2,2024-01-01T00:00:00Z,a2,0,USD,ZERO AMOUNT\n",
    )
    .expect("csv");
    let out = producer()
        .args(["run", "--topic", &topic, "--replay"])
        .arg(&path)
        .output()
        .expect("replay");
    let _ = std::fs::remove_file(&path);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = read_topic(
        &topic,
        2,
        Duration::from_secs(20),
        Duration::from_millis(300),
    )
    .await;
    assert_eq!(records.len(), 2);
    let bad = records
        .iter()
        .find(|r| r.key.as_deref() == Some(b"a2".as_slice()))
        .expect("r2");
    assert!(
        serde_json::from_slice::<Transaction>(&bad.payload).is_err(),
        "the invalid row stays invalid"
    );
}

struct Ingest(Child, String);

impl Drop for Ingest {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn ingest(topic: &str, extra: &[&str]) -> Ingest {
    let port = txclass_adapters::testing::reserve_port();
    let addr = format!("127.0.0.1:{port}");
    let child = producer()
        .args([
            "serve",
            "--topic",
            topic,
            "--addr",
            &addr,
            "--max-records",
            "5",
        ])
        .args(extra)
        .stderr(Stdio::inherit())
        .spawn()
        .expect("serve");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(&addr).is_err() {
        assert!(Instant::now() < deadline, "ingest did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    Ingest(child, format!("http://{addr}"))
}

#[tokio::test]
async fn http_ingest_answers_202_after_the_broker_acknowledged() {
    let topic = topic().await;
    let server = ingest(&topic, &["--api-key", "secret"]);
    let client = reqwest::Client::new();
    let url = format!("{}/v1/transactions", server.1);
    let body = r#"[{"transaction_id":"h1","account_id":"a","amount":"-1.00"},{"transaction_id":"h2","account_id":"b","amount":"2"}]"#;
    let response = client
        .post(&url)
        .header("x-api-key", "secret")
        .body(body)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status().as_u16(), 202);
    assert_eq!(
        response.json::<serde_json::Value>().await.expect("json")["accepted"],
        2
    );
    let ndjson = "{\"transaction_id\":\"h3\"}\n{\"transaction_id\":\"h4\"}\n";
    let response = client
        .post(&url)
        .header("x-api-key", "secret")
        .body(ndjson)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status().as_u16(), 202);
    let records = read_topic(
        &topic,
        4,
        Duration::from_secs(20),
        Duration::from_millis(300),
    )
    .await;
    assert_eq!(records.len(), 4);

    let unauthorized = client.post(&url).body(body).send().await.expect("post");
    assert_eq!(unauthorized.status().as_u16(), 401);
    let malformed = client
        .post(&url)
        .header("x-api-key", "secret")
        .body("{\"a\":1}\nnot json")
        .send()
        .await
        .expect("post");
    assert_eq!(malformed.status().as_u16(), 400);
    assert!(malformed.text().await.expect("body").contains("line 2"));
    let too_many = format!("[{}]", ["{}"; 6].join(","));
    let response = client
        .post(&url)
        .header("x-api-key", "secret")
        .body(too_many)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status().as_u16(), 413);
    let metrics = client
        .get(format!("{}/metrics", server.1))
        .send()
        .await
        .expect("metrics")
        .text()
        .await
        .expect("text");
    assert!(
        metrics.contains("txclass_producer_ingest_records_total"),
        "{metrics}"
    );
    assert!(
        metrics.contains("txclass_producer_records_published_total{outcome=\"delivered\"} 4"),
        "{metrics}"
    );
}

#[tokio::test]
async fn a_running_simulation_serves_its_delivery_counts_as_metrics() {
    let topic = topic().await;
    let port = txclass_adapters::testing::reserve_port();
    let mut child = producer()
        .args([
            "run",
            "--topic",
            &topic,
            "--rate",
            "200",
            "--duration",
            "4s",
        ])
        .args(["--id-prefix", "metered", "--metrics-addr"])
        .arg(format!("127.0.0.1:{port}"))
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("run producer");
    tokio::time::sleep(Duration::from_secs(2)).await;
    let page = reqwest::get(format!("http://127.0.0.1:{port}/metrics"))
        .await
        .expect("metrics while running")
        .text()
        .await
        .expect("text");
    let delivered: f64 = page
        .lines()
        .find(|l| l.starts_with("txclass_producer_records_published_total{outcome=\"delivered\"}"))
        .and_then(|l| l.rsplit(' ').next()?.parse().ok())
        .unwrap_or_default();
    assert!(delivered > 50.0, "{page}");
    assert!(child.wait().expect("exit").success());
}

/// A record bigger than a broker takes would be refused for good: 413, so
/// the client does not retry it forever as it would a 503.
#[tokio::test]
async fn an_oversized_record_at_ingest_is_answered_413() {
    let topic = topic().await;
    let server = ingest(&topic, &[]);
    let big = format!(
        r#"{{"transaction_id":"big","account_id":"a","amount":"-1.00","description":"{}"}}"#,
        "x".repeat(2 * 1024 * 1024)
    );
    let response = reqwest::Client::new()
        .post(format!("{}/v1/transactions", server.1))
        .body(big)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status().as_u16(), 413);
    let body: serde_json::Value = response.json().await.expect("json");
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("record 0")),
        "{body}"
    );
}

/// Without keys, ingest refuses to listen beyond loopback unless told to.
#[test]
fn ingest_without_keys_refuses_a_public_address() {
    let port = txclass_adapters::testing::reserve_port();
    let out = producer()
        .args(["serve", "--addr", &format!("0.0.0.0:{port}")])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--allow-unauthenticated"), "{stderr}");
}
