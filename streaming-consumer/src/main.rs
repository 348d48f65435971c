//! `txclass-consumer`: the streaming pipeline's buffered consumer.

mod consumer;
mod metrics;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use clap::Parser;
use rdkafka::ClientConfig;
use rdkafka::consumer::{Consumer, StreamConsumer};
use tokio::sync::watch;
use tracing::Instrument as _;
use txclass_adapters::config::{DatabaseArgs, KafkaArgs, MlApiArgs, RetryArgs};
use txclass_adapters::http::shutdown_signal;
use txclass_adapters::kafka::MAX_MESSAGE_BYTES;
use txclass_adapters::telemetry::init_logging;
use txclass_adapters::{KafkaDeadLetterQueue, MlApiClient, PostgresStore};
use txclass_core::{Orchestrator, RunId, RunStatus};

use crate::consumer::{ConsumerState, Settings, Shared};

#[derive(Parser, Debug)]
#[command(
    name = "txclass-consumer",
    version,
    about = "Buffered Kafka consumer: validate, classify, persist, dead-letter, then commit"
)]
struct Args {
    /// Topic to consume.
    #[arg(long, env = "KAFKA_TOPIC", default_value = "transactions")]
    topic: String,
    /// Consumer group; add consumers to the group to scale out.
    #[arg(long, env = "KAFKA_GROUP_ID", default_value = "txclass-consumer")]
    group_id: String,
    /// Flush when this many records are buffered…
    #[arg(long, env = "BUFFER_RECORDS", default_value_t = 5_000)]
    buffer_records: usize,
    /// …or when the oldest buffered record has waited this many milliseconds.
    #[arg(long, env = "BUFFER_MS", default_value_t = 500)]
    buffer_ms: u64,
    /// Longest wait between retries of a held buffer while a dependency is down.
    #[arg(long, default_value_t = 30_000)]
    outage_backoff_max_ms: u64,
    /// Static group membership (KIP-345): a consumer restarted with the same
    /// id takes its partitions back at once, without waiting for the group to
    /// notice the old process is gone. Set one per replica (e.g. the pod name).
    #[arg(long, env = "KAFKA_GROUP_INSTANCE_ID")]
    group_instance_id: Option<String>,
    /// Longest time between polls before the group considers this consumer
    /// dead (also bounds how long a rebalance waits for departed members).
    #[arg(long, env = "KAFKA_MAX_POLL_INTERVAL_MS", default_value_t = 300_000)]
    max_poll_interval_ms: u64,
    /// Longest time the broker may hold a fetch waiting for data; bounds the
    /// read latency a quiet topic adds.
    #[arg(long, env = "KAFKA_FETCH_WAIT_MAX_MS", default_value_t = 100)]
    fetch_wait_max_ms: u64,
    /// Bytes asked per partition and fetch (Kafka's default). A larger
    /// first record still comes whole: brokers return it regardless.
    #[arg(long, env = "KAFKA_MAX_PARTITION_FETCH_BYTES", default_value_t = 1024 * 1024)]
    max_partition_fetch_bytes: usize,
    /// Health, readiness and metrics.
    #[arg(long, env = "CONSUMER_ADDR", default_value = "127.0.0.1:9101")]
    addr: SocketAddr,
    /// Session id recorded as run_id; generated when absent.
    #[arg(long)]
    run_id: Option<String>,
    #[command(flatten)]
    kafka: KafkaArgs,
    #[command(flatten)]
    database: DatabaseArgs,
    #[command(flatten)]
    ml_api: MlApiArgs,
    #[command(flatten)]
    retry: RetryArgs,
}

#[tokio::main]
async fn main() -> Result<()> {
    init_logging("info");
    let args = Args::parse();
    let session = args.run_id.clone().map_or_else(RunId::generate, RunId::new);
    tracing::info!(run_id = %session, config = ?args, "txclass-consumer starting");

    let store = PostgresStore::connect_and_migrate(
        &args.database.database_url,
        args.database.database_max_connections,
    )
    .await
    .context("connecting to PostgreSQL")?;
    let dead_letters = KafkaDeadLetterQueue::new(&args.kafka.kafka_brokers, &args.kafka.dlq_topic)?;
    let classifier = MlApiClient::new(&args.ml_api.settings())?;
    let orchestrator = Orchestrator::new(
        Arc::new(classifier),
        Arc::new(store),
        Arc::new(dead_letters),
        args.retry.policy(),
    );
    let shared = Arc::new(Shared::new(orchestrator.clone(), session.clone()));

    let mut config = ClientConfig::new();
    if let Some(id) = args
        .group_instance_id
        .as_deref()
        .filter(|id| !id.is_empty())
    {
        config.set("group.instance.id", id);
    }
    let consumer: StreamConsumer<ConsumerState> = config
        .set("bootstrap.servers", &args.kafka.kafka_brokers)
        .set("group.id", &args.group_id)
        .set("enable.auto.commit", "false")
        .set("enable.auto.offset.store", "false")
        .set("auto.offset.reset", "earliest")
        .set("session.timeout.ms", "10000")
        .set("fetch.wait.max.ms", args.fetch_wait_max_ms.to_string())
        .set(
            "max.poll.interval.ms",
            args.max_poll_interval_ms.max(10_000).to_string(),
        )
        .set(
            "max.partition.fetch.bytes",
            args.max_partition_fetch_bytes.max(1).to_string(),
        )
        .set("fetch.max.bytes", (4 * MAX_MESSAGE_BYTES).to_string())
        // Bounded prefetch: memory stays flat when processing is slow.
        .set("queued.max.messages.kbytes", "32768")
        // Statistics feed the lag gauges (see `ConsumerState::stats`).
        .set("statistics.interval.ms", "5000")
        .create_with_context(shared.context())
        .context("creating the Kafka consumer")?;
    consumer.subscribe(&[&args.topic]).context("subscribing")?;
    let consumer = Arc::new(consumer);

    let (ready_tx, ready_rx) = watch::channel(false);
    let http = Router::new()
        .route("/health", get(|| async { "ok" }))
        .route(
            "/ready",
            get(
                |State((_, ready)): State<(Arc<Shared>, watch::Receiver<bool>)>| async move {
                    if *ready.borrow() {
                        (StatusCode::OK, "ready")
                    } else {
                        (StatusCode::SERVICE_UNAVAILABLE, "starting")
                    }
                },
            ),
        )
        .route(
            "/metrics",
            get(
                |State((shared, _)): State<(Arc<Shared>, watch::Receiver<bool>)>| async move {
                    (
                        [(
                            header::CONTENT_TYPE,
                            "application/openmetrics-text; version=1.0.0; charset=utf-8",
                        )],
                        shared.metrics.encode(),
                    )
                        .into_response()
                },
            ),
        )
        .with_state((shared.clone(), ready_rx));
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("binding {}", args.addr))?;
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, http).await {
            tracing::error!(error = %e, "health server stopped");
        }
    });

    let _ = ready_tx.send(true);
    let settings = Settings {
        buffer_records: args.buffer_records.max(1),
        buffer_window: Duration::from_millis(args.buffer_ms),
        outage_backoff_max: Duration::from_millis(args.outage_backoff_max_ms.max(100)),
    };
    // Every log line of the session carries its run id.
    let result = consumer::run(
        consumer.clone(),
        shared.clone(),
        settings,
        shutdown_signal(),
    )
    .instrument(tracing::info_span!("session", run_id = %session))
    .await;
    let totals = shared.totals();
    let (status, message) = match &result {
        Ok(()) => (RunStatus::Succeeded, None),
        Err(e) => (RunStatus::Failed, Some(format!("{e:#}"))),
    };
    let _ = orchestrator
        .store()
        .record_run(&shared.report(&totals, status, message))
        .await;
    consumer.unsubscribe();
    tracing::info!(
        received = totals.received,
        written = totals.written,
        dead_lettered = totals.dead_lettered,
        "txclass-consumer stopped"
    );
    result
}
