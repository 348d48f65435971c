//! The command line of `txclass-producer`: `run` publishes simulated or
//! replayed transactions, `serve` takes them over HTTP.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use secrecy::SecretString;
use txclass_adapters::TopicArgs;
use txclass_service::http::Limits;
use txclass_service::secrets::secret;
use txclass_service::{ApiKeys, shutdown_signal};

use crate::ingest::{self, IngestConfig};
use crate::publish::Publisher;

#[derive(Parser)]
#[command(
    name = "txclass-producer",
    version,
    about = "Publish transactions to Kafka: simulated profiles, fixed rates, CSV replay, HTTP ingest"
)]
#[command(arg_required_else_help = true)]
#[derive(Debug)]
pub struct Cli {
    /// Print every metric the producer can expose (OpenMetrics text) and exit.
    #[arg(long, hide = true, exclusive = true)]
    pub print_metrics: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Publish simulated transactions (a profile or a fixed rate) or replay a CSV.
    Run(RunArgs),
    /// Serve HTTP ingest: POST /v1/transactions (JSON array or NDJSON).
    Serve(ServeArgs),
}

#[derive(Args, Debug, Clone)]
pub struct KafkaArgs {
    #[arg(long, env = "KAFKA_BROKERS", default_value = "127.0.0.1:9092")]
    pub kafka_brokers: String,
    #[command(flatten)]
    pub topic: TopicArgs,
    /// Compression of produced batches.
    #[arg(long, default_value = "lz4", value_parser = ["none", "gzip", "snappy", "lz4", "zstd"])]
    pub compression: String,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Profile {
    /// 1–10 records every 0.5 s (the original design's first producer).
    Steady,
    /// 5–20 records every 1.0 s (the original design's second producer).
    Bursty,
}

#[derive(Args, Debug)]
pub struct RunArgs {
    #[command(flatten)]
    pub kafka: KafkaArgs,
    /// Simulation profile (ignored with --rate).
    #[arg(long, value_enum, default_value = "steady")]
    pub profile: Profile,
    /// Records per second instead of a profile (load tests).
    #[arg(long)]
    pub rate: Option<f64>,
    /// Stop after this many records.
    #[arg(long)]
    pub count: Option<u64>,
    /// Stop after this long (e.g. 30s, 5m).
    #[arg(long, value_parser = humantime::parse_duration)]
    pub duration: Option<Duration>,
    /// Share of records that break a rule, of every kind (0..=1).
    #[arg(long, default_value_t = 0.0)]
    pub invalid_ratio: f64,
    /// Publish the rows of this CSV (design or seed dialect) instead of simulating.
    #[arg(long)]
    pub replay: Option<PathBuf>,
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// Stamp each record with the time it is sent (to measure produce-to-row latency).
    #[arg(long)]
    pub now_timestamps: bool,
    /// Prefix of simulated transaction ids (make it unique per producer).
    #[arg(long, default_value = "live")]
    pub id_prefix: String,
    /// Serve /health and /metrics here while running (e.g. 127.0.0.1:9102).
    #[arg(long, env = "PRODUCER_METRICS_ADDR")]
    pub metrics_addr: Option<SocketAddr>,
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub kafka: KafkaArgs,
    #[arg(long, env = "PRODUCER_ADDR", default_value = "127.0.0.1:8001")]
    pub addr: SocketAddr,
    /// Accepted API keys (comma-separated); none needed when empty.
    #[arg(
        long = "api-keys",
        alias = "api-key",
        env = "PRODUCER_API_KEYS",
        value_delimiter = ',',
        hide_env_values = true,
        value_parser = secret
    )]
    pub api_keys: Vec<SecretString>,
    #[arg(long, default_value_t = 10_000)]
    pub max_records: usize,
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    pub max_body_bytes: usize,
    /// Largest record, in bytes (Kafka's default broker limit): bigger ones
    /// are answered 413.
    #[arg(long, env = "PRODUCER_MAX_RECORD_BYTES", default_value_t = 1024 * 1024)]
    pub max_record_bytes: usize,
    /// Requests served at once; more are answered 503 with Retry-After.
    #[arg(long, env = "PRODUCER_MAX_CONCURRENT_REQUESTS", default_value_t = 64)]
    pub max_concurrent_requests: usize,
    /// Longest a request may take, in milliseconds; then 408.
    #[arg(long, env = "PRODUCER_REQUEST_TIMEOUT_MS", default_value_t = 30_000)]
    pub request_timeout_ms: u64,
    /// Serve without API keys on an address beyond loopback (refused
    /// otherwise).
    #[arg(long, env = "PRODUCER_ALLOW_UNAUTHENTICATED")]
    pub allow_unauthenticated: bool,
}

impl KafkaArgs {
    /// A publisher to the topic, its brokers reached (or waited for, 10 s).
    pub async fn publisher(&self) -> Result<Publisher> {
        let publisher = Publisher::new(&self.kafka_brokers, &self.topic.topic, &self.compression)?;
        publisher.connect(Duration::from_secs(10)).await;
        Ok(publisher)
    }
}

/// Runs one command.
pub async fn run(cli: Cli) -> Result<()> {
    match cli.command {
        _ if cli.print_metrics => {
            print!("{}", crate::ingest::metrics_catalogue());
            Ok(())
        }
        Some(Command::Run(args)) => crate::run::run(args).await,
        Some(Command::Serve(args)) => serve(args).await,
        None => Ok(()),
    }
}

async fn serve(args: ServeArgs) -> Result<()> {
    tracing::info!(addr = %args.addr, topic = %args.kafka.topic.topic, api_keys = args.api_keys.len(), "txclass-producer ingest starting");
    let publisher = args.kafka.publisher().await?;
    let config = IngestConfig {
        max_records: args.max_records.max(1),
        max_body_bytes: args.max_body_bytes,
        max_record_bytes: args.max_record_bytes.max(1),
        api_keys: ApiKeys::new(args.api_keys),
        limits: Limits {
            max_concurrent_requests: args.max_concurrent_requests.max(1),
            request_timeout: Duration::from_millis(args.request_timeout_ms.max(1)),
        },
    };
    config
        .api_keys
        .check_exposure(args.addr, args.allow_unauthenticated)
        .map_err(anyhow::Error::msg)?;
    // Signal handlers before the port opens (see `shutdown_signal`).
    let shutdown = shutdown_signal();
    let app = ingest::build(args.addr, publisher.clone(), config)
        .await
        .with_context(|| format!("binding {}", args.addr))?;
    app.run_until_stopped(shutdown).await.context("serving")?;
    publisher.flush(Duration::from_secs(30))?;
    Ok(())
}
