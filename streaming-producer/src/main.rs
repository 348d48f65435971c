//! `txclass-producer`: publishes transactions to Kafka.

mod publish;
mod serve;
mod simulate;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use txclass_adapters::http::shutdown_signal;
use txclass_adapters::telemetry::init_logging;
use txclass_core::csv::SeedDefaults;

use crate::publish::Publisher;
use crate::simulate::{Limits, Pace, Pacer, Simulated, replay};

#[derive(Parser)]
#[command(
    name = "txclass-producer",
    version,
    about = "Publish transactions to Kafka: simulated profiles, fixed rates, CSV replay, HTTP ingest"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Publish simulated transactions (a profile or a fixed rate) or replay a CSV.
    Run(RunArgs),
    /// Serve HTTP ingest: POST /v1/transactions (JSON array or NDJSON).
    Serve(ServeArgs),
}

#[derive(Args, Debug, Clone)]
struct KafkaArgs {
    #[arg(long, env = "KAFKA_BROKERS", default_value = "127.0.0.1:9092")]
    kafka_brokers: String,
    #[arg(long, env = "KAFKA_TOPIC", default_value = "transactions")]
    topic: String,
    /// Compression of produced batches.
    #[arg(long, default_value = "lz4", value_parser = ["none", "gzip", "snappy", "lz4", "zstd"])]
    compression: String,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Profile {
    /// 1–10 records every 0.5 s (the original design's first producer).
    Steady,
    /// 5–20 records every 1.0 s (the original design's second producer).
    Bursty,
}

#[derive(Args, Debug)]
struct RunArgs {
    #[command(flatten)]
    kafka: KafkaArgs,
    /// Simulation profile (ignored with --rate).
    #[arg(long, value_enum, default_value = "steady")]
    profile: Profile,
    /// Records per second instead of a profile (load tests).
    #[arg(long)]
    rate: Option<f64>,
    /// Stop after this many records.
    #[arg(long)]
    count: Option<u64>,
    /// Stop after this long (e.g. 30s, 5m).
    #[arg(long, value_parser = humantime::parse_duration)]
    duration: Option<Duration>,
    /// Share of records that break a rule, of every kind (0..=1).
    #[arg(long, default_value_t = 0.0)]
    invalid_ratio: f64,
    /// Publish the rows of this CSV (design or seed dialect) instead of simulating.
    #[arg(long)]
    replay: Option<PathBuf>,
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Stamp each record with the time it is sent (to measure produce-to-row latency).
    #[arg(long)]
    now_timestamps: bool,
    /// Prefix of simulated transaction ids (make it unique per producer).
    #[arg(long, default_value = "live")]
    id_prefix: String,
    /// Serve /health and /metrics here while running (e.g. 127.0.0.1:9102).
    #[arg(long, env = "PRODUCER_METRICS_ADDR")]
    metrics_addr: Option<SocketAddr>,
}

#[derive(Args, Debug)]
struct ServeArgs {
    #[command(flatten)]
    kafka: KafkaArgs,
    #[arg(long, env = "PRODUCER_ADDR", default_value = "127.0.0.1:8001")]
    addr: SocketAddr,
    /// Accepted API keys (comma-separated); none needed when empty.
    #[arg(
        long = "api-key",
        env = "PRODUCER_API_KEYS",
        value_delimiter = ',',
        hide_env_values = true
    )]
    api_keys: Vec<String>,
    #[arg(long, default_value_t = 10_000)]
    max_records: usize,
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    max_body_bytes: usize,
}

#[tokio::main]
async fn main() -> Result<()> {
    init_logging("info");
    match Cli::parse().command {
        Command::Run(args) => run(args).await,
        Command::Serve(args) => serve(args).await,
    }
}

async fn run(args: RunArgs) -> Result<()> {
    if !(0.0..=1.0).contains(&args.invalid_ratio) {
        bail!("--invalid-ratio must be between 0 and 1");
    }
    tracing::info!(config = ?args, "txclass-producer starting");
    let publisher = Publisher::new(
        &args.kafka.kafka_brokers,
        &args.kafka.topic,
        &args.kafka.compression,
    )?;
    publisher.connect(Duration::from_secs(10)).await;
    if let Some(addr) = args.metrics_addr {
        let mut registry = prometheus_client::registry::Registry::with_prefix("txclass_producer");
        publisher.deliveries.register(&mut registry);
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("binding {addr}"))?;
        tracing::info!(%addr, "serving /metrics");
        tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, serve::metrics_router(registry)).await {
                tracing::error!(error = %e, "metrics server stopped");
            }
        });
    }
    let started = Instant::now();
    let limits = Limits {
        count: args.count,
        duration: args.duration,
    };
    let mut pending = tokio::task::JoinSet::new();
    let mut sent = 0u64;
    let mut invalid = 0u64;
    let shutdown = shutdown_signal();
    tokio::pin!(shutdown);

    if let Some(path) = &args.replay {
        let mut records = replay(path, SeedDefaults::default())?;
        records.truncate(usize::try_from(limits.room(0)).unwrap_or(usize::MAX));
        let pace = args.rate.map_or(Pace::Unlimited, Pace::Rate);
        let mut pacer = Pacer::new(pace, args.seed);
        let mut iter = records.into_iter();
        let mut last = Instant::now();
        loop {
            let tick = pace.tick();
            if !tick.is_zero() {
                tokio::select! {
                    () = tokio::time::sleep(tick) => {}
                    () = &mut shutdown => break,
                }
            }
            let n = pacer.next_tick_size(last.elapsed());
            last = Instant::now();
            let batch: Vec<_> = iter.by_ref().take(n).collect();
            if batch.is_empty() {
                break;
            }
            sent += batch.len() as u64;
            let p = publisher.clone();
            pending.spawn(async move { p.publish_all(batch).await });
            if limits.reached(sent, started) {
                break;
            }
        }
    } else {
        let pace = args.rate.map_or(
            match args.profile {
                Profile::Steady => Pace::Steady,
                Profile::Bursty => Pace::Bursty,
            },
            Pace::Rate,
        );
        let mut pacer = Pacer::new(pace, args.seed);
        let mut simulated = Simulated::new(args.seed, &args.id_prefix, args.invalid_ratio)
            .with_now_timestamps(args.now_timestamps);
        let mut ticker = tokio::time::interval(pace.tick().max(Duration::from_millis(1)));
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut last = Instant::now();
        while !limits.reached(sent, started) {
            tokio::select! {
                _ = ticker.tick() => {}
                () = &mut shutdown => break,
            }
            let n = (pacer.next_tick_size(last.elapsed()) as u64).min(limits.room(sent));
            last = Instant::now();
            let mut batch = Vec::with_capacity(n as usize);
            for _ in 0..n {
                batch.push(simulated.next_record()?);
            }
            sent += n;
            let p = publisher.clone();
            pending.spawn(async move { p.publish_all(batch).await });
            // Reap finished deliveries so memory stays bounded.
            while pending.try_join_next().is_some() {}
        }
        invalid = simulated.invalid;
    }

    while pending.join_next().await.is_some() {}
    publisher.flush(Duration::from_secs(30))?;
    let d = &publisher.deliveries;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "published {sent} records ({invalid} deliberately invalid) in {seconds:.1} s ({:.0}/s): delivered {}, failed {}",
        sent as f64 / seconds.max(1e-9),
        d.delivered.get(),
        d.failed.get()
    );
    if d.failed.get() > 0 {
        bail!("{} records were not delivered", d.failed.get());
    }
    Ok(())
}

async fn serve(args: ServeArgs) -> Result<()> {
    tracing::info!(addr = %args.addr, topic = %args.kafka.topic, api_keys = args.api_keys.len(), "txclass-producer ingest starting");
    let publisher = Publisher::new(
        &args.kafka.kafka_brokers,
        &args.kafka.topic,
        &args.kafka.compression,
    )?;
    publisher.connect(Duration::from_secs(10)).await;
    let router = serve::router(
        publisher.clone(),
        serve::IngestConfig {
            max_records: args.max_records.max(1),
            max_body_bytes: args.max_body_bytes,
            api_keys: args
                .api_keys
                .into_iter()
                .filter(|k| !k.is_empty())
                .collect(),
        },
    );
    // Signal handlers before the port opens (see `shutdown_signal`).
    let shutdown = shutdown_signal();
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("binding {}", args.addr))?;
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown)
        .await
        .context("serving")?;
    publisher.flush(Duration::from_secs(30))?;
    Ok(())
}
