//! The HTTP API against the real server process.

use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use txclass_adapters::testing::MlApiProcess;
use txclass_adapters::{MlApiClient, MlApiSettings};
use txclass_core::memory::{InMemoryDeadLetters, InMemoryStore};
use txclass_core::{
    BatchId, Lineage, Orchestrator, ProcessingType, RetryPolicy, RunId, SourceRecord, SourceRef,
};

/// The real server process, with request helpers.
struct Server {
    process: MlApiProcess,
    url: String,
}

impl Server {
    fn start(args: &[&str]) -> Self {
        let process = MlApiProcess::start(args);
        let url = process.url.clone();
        Self { process, url }
    }

    async fn post(&self, body: &Value, key: Option<&str>) -> (u16, Value) {
        self.post_raw(serde_json::to_vec(body).expect("json"), key)
            .await
    }

    async fn post_raw(&self, body: Vec<u8>, key: Option<&str>) -> (u16, Value) {
        let mut request = reqwest::Client::new()
            .post(format!("{}/v1/predict", self.url))
            .header("content-type", "application/json")
            .body(body);
        if let Some(key) = key {
            request = request.header("x-api-key", key);
        }
        let response = request.send().await.expect("request");
        let status = response.status().as_u16();
        let text = response.text().await.expect("body");
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    async fn get(&self, path: &str) -> (u16, String) {
        let response = reqwest::get(format!("{}{path}", self.url))
            .await
            .expect("request");
        (
            response.status().as_u16(),
            response.text().await.expect("body"),
        )
    }
}

fn tx(id: &str, description: &str) -> Value {
    json!({"transaction_id": id, "timestamp": "2024-06-01T10:00:00Z", "account_id": "a", "amount": "-12.40", "currency": "USD", "description": description})
}

#[tokio::test]
async fn predictions_come_back_in_input_order_with_alternatives() {
    let server = Server::start(&[]);
    let descriptions = [
        "SQ *BLUE BOTTLE COFFEE OAKLAND CA",
        "UBER   *TRIP HELP.UBER.COM CA",
        "CHASE CREDIT CRD AUTOPAY PPD ID: 4760039224",
        "NON-CHASE ATM FEE-WITH",
        "DELTA AIR 0062341234567 ATLANTA GA",
    ];
    // Amounts as such lines carry them: the model weighs the amount too.
    let amounts = ["-5.75", "-18.40", "-1250.00", "-3.00", "-412.40"];
    let transactions: Vec<Value> = (0..200)
        .map(|i| {
            let mut t = tx(&format!("t{i}"), descriptions[i % descriptions.len()]);
            t["amount"] = json!(amounts[i % amounts.len()]);
            t
        })
        .collect();
    let (status, body) = server
        .post(&json!({ "transactions": transactions }), None)
        .await;
    assert_eq!(status, 200, "{body}");
    let predictions = body["predictions"].as_array().expect("predictions");
    assert_eq!(predictions.len(), 200);
    for (i, p) in predictions.iter().enumerate() {
        assert_eq!(p["transaction_id"], format!("t{i}"));
        let confidence = p["confidence"].as_f64().expect("confidence");
        assert!((0.0..=1.0).contains(&confidence));
        assert_eq!(p["alternatives"].as_array().expect("alternatives").len(), 2);
        assert_eq!(p["model_version"], body["model_version"]);
    }
    let expected = [
        "FOOD_AND_DRINK",
        "TRANSPORTATION",
        "LOAN_PAYMENTS",
        "BANK_FEES",
        "TRAVEL",
    ];
    for (i, category) in expected.iter().enumerate() {
        assert_eq!(predictions[i]["category"], *category, "{}", descriptions[i]);
    }
}

#[tokio::test]
async fn a_record_without_description_gets_its_own_error_and_the_batch_goes_on() {
    let server = Server::start(&[]);
    let (status, body) = server.post(&json!({"transactions": [tx("ok", "NETFLIX.COM"), tx("bad", ""), {"transaction_id": "nodesc"}]}), None).await;
    assert_eq!(status, 200, "{body}");
    let p = &body["predictions"];
    assert!(p[0]["category"].is_string());
    assert!(
        p[1]["error"]
            .as_str()
            .expect("error")
            .starts_with("description"),
        "{}",
        p[1]
    );
    assert!(p[1]["category"].is_null());
    assert!(p[2]["error"].is_string());
}

#[tokio::test]
async fn explanations_name_the_features_on_request() {
    let server = Server::start(&[]);
    let (status, body) = server
        .post(
            &json!({"transactions": [tx("t", "SHELL OIL 57444212 SAN JOSE CA")], "explain": true}),
            None,
        )
        .await;
    assert_eq!(status, 200);
    let features = body["predictions"][0]["features"]
        .as_array()
        .expect("features");
    assert!(!features.is_empty());
    assert!(features[0]["feature"].is_string() && features[0]["weight"].is_number());
}

#[tokio::test]
async fn malformed_json_gets_a_json_400() {
    let server = Server::start(&[]);
    let (status, body) = server
        .post_raw(b"{\"transactions\": [".to_vec(), None)
        .await;
    assert_eq!(status, 400);
    assert!(body["error"]["message"].is_string(), "{body}");
    let (status, body) = server.post(&json!({"nope": 1}), None).await;
    assert!(status == 422 || status == 400, "{status}");
    assert!(body["error"]["message"].is_string());
}

#[tokio::test]
async fn oversize_bodies_and_batches_get_a_json_413() {
    let server = Server::start(&["--max-batch", "10", "--max-body-bytes", "4096"]);
    let transactions: Vec<Value> = (0..11).map(|i| tx(&format!("t{i}"), "X")).collect();
    let (status, body) = server
        .post(&json!({ "transactions": transactions }), None)
        .await;
    assert_eq!(status, 413, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .expect("message")
            .contains("maximum of 10")
    );
    let big = vec![tx("t", &"A".repeat(200)); 30];
    let (status, body) = server.post(&json!({ "transactions": big }), None).await;
    assert_eq!(status, 413, "{body}");
    assert!(body["error"]["message"].is_string(), "{body}");
}

#[tokio::test]
async fn api_keys_are_required_when_configured() {
    let server = Server::start(&["--api-key", "k1,k2"]);
    let body = json!({"transactions": [tx("t", "SPOTIFY")]});
    assert_eq!(server.post(&body, None).await.0, 401);
    assert_eq!(server.post(&body, Some("wrong")).await.0, 401);
    assert_eq!(server.post(&body, Some("k1")).await.0, 200);
    assert_eq!(server.post(&body, Some("k2")).await.0, 200);
    // Probes stay open for orchestrators.
    assert_eq!(server.get("/health").await.0, 200);
    assert_eq!(server.get("/ready").await.0, 200);
}

#[tokio::test]
async fn model_and_metrics_endpoints_describe_the_service() {
    let server = Server::start(&[]);
    let _ = server
        .post(&json!({"transactions": [tx("t", "SAFEWAY #1234")]}), None)
        .await;
    let (status, model) = server.get("/v1/model").await;
    assert_eq!(status, 200);
    let model: Value = serde_json::from_str(&model).expect("json");
    assert_eq!(
        model["categories"].as_array().expect("categories").len(),
        16
    );
    assert!(
        model["evaluations"][0]["accuracy"]
            .as_f64()
            .expect("accuracy")
            > 0.5
    );
    let (status, metrics) = server.get("/metrics").await;
    assert_eq!(status, 200);
    for name in [
        "txclass_ml_requests_total",
        "txclass_ml_request_duration_seconds_bucket",
        "txclass_ml_predictions_total",
        "txclass_ml_model_info",
    ] {
        assert!(metrics.contains(name), "{name} missing from /metrics");
    }
}

#[tokio::test]
async fn fault_mode_answers_503_429_and_hangs() {
    let unavailable = Server::start(&["--fault-unavailable", "1"]);
    let body = json!({"transactions": [tx("t", "X")]});
    let (status, answer) = unavailable.post(&body, None).await;
    assert_eq!(status, 503);
    assert!(answer["error"].is_object());
    let throttled = Server::start(&["--fault-throttled", "1"]);
    assert_eq!(throttled.post(&body, None).await.0, 429);
    let hanging = Server::start(&["--fault-timeout", "1", "--fault-hang-ms", "300"]);
    let started = Instant::now();
    assert_eq!(hanging.post(&body, None).await.0, 504);
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn sigterm_shuts_down_gracefully() {
    let mut server = Server::start(&[]);
    let pid = server.process.pid().to_string();
    let status = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(exit) = server.process.try_wait() {
            assert!(exit.success(), "exit status {exit}");
            break;
        }
        assert!(Instant::now() < deadline, "did not stop");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The pipeline's client against the real server in fault mode: every
/// record still ends up classified, none dead-lettered.
#[tokio::test]
async fn the_pipeline_client_retries_through_faults() {
    let server = Server::start(&[
        "--fault-unavailable",
        "0.3",
        "--fault-throttled",
        "0.2",
        "--fault-timeout",
        "0.1",
        "--fault-hang-ms",
        "2000",
    ]);
    let client = MlApiClient::new(&MlApiSettings {
        url: server.url.clone(),
        max_batch: 50,
        timeout: Duration::from_millis(500),
        ..MlApiSettings::default()
    })
    .expect("client");
    let store = Arc::new(InMemoryStore::default());
    let dead_letters = Arc::new(InMemoryDeadLetters::default());
    let retry = RetryPolicy {
        initial_delay: Duration::from_millis(10),
        max_delay: Duration::from_millis(100),
        max_retries: 30,
        jitter: true,
    };
    let orchestrator =
        Orchestrator::new(Arc::new(client), store.clone(), dead_letters.clone(), retry);
    let lineage = Lineage {
        processing_type: ProcessingType::Batch,
        run_id: RunId::new("r"),
        batch_id: BatchId::new("b"),
    };
    let mut total = 0;
    for chunk in 0..5 {
        let records: Vec<SourceRecord> = (0..50)
            .map(|i| {
                let id = format!("c{chunk}-{i}");
                SourceRecord::from_json(
                    serde_json::to_vec(&tx(&id, "SQ *BLUE BOTTLE COFFEE")).expect("json"),
                    SourceRef::Topic {
                        topic: "t".into(),
                        partition: 0,
                        offset: i,
                    },
                )
            })
            .collect();
        let outcome = orchestrator
            .process_chunk(&lineage, records)
            .await
            .expect("chunk completes through faults");
        assert_eq!(outcome.counts.written, 50);
        total += outcome.counts.classify_retries;
    }
    assert_eq!(store.rows().len(), 250);
    assert!(dead_letters.letters().is_empty());
    assert!(total > 0, "fault mode caused no retries");
}

#[tokio::test]
async fn the_pipeline_client_stops_on_a_wrong_api_key() {
    let server = Server::start(&["--api-key", "right"]);
    let client = MlApiClient::new(&MlApiSettings {
        url: server.url.clone(),
        api_key: Some("wrong".to_owned().into()),
        ..MlApiSettings::default()
    })
    .expect("client");
    let err = txclass_core::Classifier::classify(&client, &[]).await;
    assert!(err.is_ok(), "empty batches are not sent");
    let tx: txclass_core::Transaction = serde_json::from_value(tx("t", "X")).expect("tx");
    let err = txclass_core::Classifier::classify(&client, &[tx])
        .await
        .expect_err("401");
    assert_eq!(err.hint, txclass_core::RetryHint::Fatal, "{err}");
}

/// Without keys, the service refuses to listen beyond loopback unless told to.
#[test]
fn serving_without_keys_on_a_public_address_is_refused() {
    let port = txclass_adapters::testing::reserve_port();
    let binary = std::env::var("TXCLASS_ML_API_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_txclass-ml-api").to_owned());
    let out = Command::new(binary)
        .args(["serve", "--addr", &format!("0.0.0.0:{port}")])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--allow-unauthenticated"), "{stderr}");
}
