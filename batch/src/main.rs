//! `txclass-batch`: the batch pipeline's command line.

mod generate;
mod run;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::Registry;
use tracing::Instrument as _;
use txclass_adapters::config::{DatabaseArgs, KafkaArgs, MlApiArgs, RetryArgs, S3Args};
use txclass_adapters::metrics::{self, PipelineMetrics};
use txclass_adapters::telemetry::{init_logging, mask_url};
use txclass_adapters::{KafkaDeadLetterQueue, MlApiClient, PostgresStore, S3ObjectStore};
use txclass_core::csv::{Format, SeedDefaults};
use txclass_core::source::{CsvObjectSource, CsvOptions};
use txclass_core::{BatchId, ObjectStore, Orchestrator, RunId, Transaction, TransactionSource};

use crate::run::{RunError, RunPlan, RunSummary};

/// Exit codes: 0 the run completed (rejected records are reported, not a
/// failure); 2 bad configuration; 3 an object was refused (missing required
/// column; nothing of it written); 4 a service stayed unreachable after
/// retries; 1 anything else.
const EXIT_CONFIG: u8 = 2;
const EXIT_REFUSED_OBJECT: u8 = 3;
const EXIT_UNAVAILABLE: u8 = 4;

#[derive(Parser)]
#[command(
    name = "txclass-batch",
    version,
    about = "Classify transaction CSV objects from S3 into PostgreSQL"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Classify every CSV object (plain or .gz) under a prefix.
    Classify(Box<ClassifyArgs>),
    /// Apply the database migrations and exit.
    Migrate(DatabaseArgs),
    /// Upload local files to the bucket under a prefix.
    Upload {
        #[command(flatten)]
        s3: S3Args,
        #[arg(long, env = "S3_BUCKET", default_value = "txclass")]
        bucket: String,
        /// Key prefix the files are stored under.
        #[arg(long, default_value = "incoming/")]
        prefix: String,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write synthetic transactions as CSV (design dialect), optionally with
    /// a share of invalid rows of every kind: sample and benchmark data.
    Generate {
        /// Number of rows.
        #[arg(long, default_value_t = 10_000)]
        count: u64,
        /// Share of rows that break a rule (0..=1).
        #[arg(long, default_value_t = 0.0)]
        invalid_ratio: f64,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Prefix of transaction ids.
        #[arg(long, default_value = "gen")]
        id_prefix: String,
        /// Output file ("-" for stdout).
        #[arg(long, default_value = "-")]
        out: PathBuf,
    },
    /// List the CSV objects under a prefix (one per line, or a JSON array).
    List {
        #[command(flatten)]
        s3: S3Args,
        #[arg(long, env = "S3_BUCKET", default_value = "txclass")]
        bucket: String,
        #[arg(long, env = "S3_PREFIX", default_value = "incoming/")]
        prefix: String,
        /// Print one JSON array (for Airflow's dynamic task mapping).
        #[arg(long)]
        json: bool,
    },
    /// Read CSV objects through the parser and validation and report what
    /// would be rejected (writes nothing).
    Inspect {
        #[command(flatten)]
        s3: S3Args,
        #[arg(long, env = "S3_BUCKET", default_value = "txclass")]
        bucket: String,
        #[arg(long, default_value = "incoming/")]
        prefix: String,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    /// Decide by the header.
    Auto,
    /// transaction_id,timestamp,account_id,amount,currency,merchant,description,mcc
    Standard,
    /// The original project's `id;description;amount;timestamp;merchant;operation_type;side`.
    Seed,
}

#[derive(Args, Debug)]
struct ClassifyArgs {
    /// Bucket holding the input objects.
    #[arg(long, env = "S3_BUCKET", default_value = "txclass")]
    bucket: String,
    /// Key prefix of the objects to classify.
    #[arg(long, env = "S3_PREFIX", default_value = "incoming/")]
    prefix: String,
    /// Run id recorded as lineage (Airflow passes its run_id); generated when absent.
    #[arg(long, env = "TXCLASS_RUN_ID")]
    run_id: Option<String>,
    /// Batch id recorded as lineage and naming the errors object; the run id when absent.
    #[arg(long, env = "TXCLASS_BATCH_ID")]
    batch_id: Option<String>,
    /// CSV dialect.
    #[arg(long, value_enum, default_value = "auto")]
    format: FormatArg,
    /// Currency for the seed dialect, which has none.
    #[arg(long, default_value = "EUR")]
    currency: String,
    /// Account id for the seed dialect, which has none.
    #[arg(long, default_value = "unknown")]
    account_id: String,
    /// Records per chunk (one classify call and one database write each).
    #[arg(long, env = "BATCH_CHUNK_SIZE", default_value_t = 5_000)]
    chunk_size: usize,
    /// Chunks in flight at once (classification calls and writes overlap).
    #[arg(long, env = "BATCH_CONCURRENCY", default_value_t = 4)]
    concurrency: usize,
    /// Where the errors object goes: `<errors-prefix><batch_id>.csv`.
    #[arg(long, default_value = "errors/")]
    errors_prefix: String,
    /// Show no progress bar even on a terminal.
    #[arg(long)]
    no_progress: bool,
    /// Prometheus Pushgateway to push the run's metrics to when it ends
    /// (group `job/txclass-batch/run_id/<run>/batch_id/<batch>`).
    #[arg(long, env = "PUSHGATEWAY_URL")]
    pushgateway_url: Option<String>,
    #[command(flatten)]
    s3: S3Args,
    #[command(flatten)]
    database: DatabaseArgs,
    #[command(flatten)]
    kafka: KafkaArgs,
    #[command(flatten)]
    ml_api: MlApiArgs,
    #[command(flatten)]
    retry: RetryArgs,
}

#[tokio::main]
async fn main() -> ExitCode {
    init_logging("info");
    let result = match Cli::parse().command {
        Command::Classify(args) => classify(*args).await,
        Command::Migrate(db) => migrate(&db).await.map(|()| ExitCode::SUCCESS),
        Command::Upload {
            s3,
            bucket,
            prefix,
            files,
        } => upload(&s3, &bucket, &prefix, &files)
            .await
            .map(|()| ExitCode::SUCCESS),
        Command::Generate {
            count,
            invalid_ratio,
            seed,
            id_prefix,
            out,
        } => generate::write(count, invalid_ratio, seed, &id_prefix, &out)
            .map(|()| ExitCode::SUCCESS),
        Command::List {
            s3,
            bucket,
            prefix,
            json,
        } => list(&s3, &bucket, &prefix, json)
            .await
            .map(|()| ExitCode::SUCCESS),
        Command::Inspect { s3, bucket, prefix } => inspect(&s3, &bucket, &prefix)
            .await
            .map(|()| ExitCode::SUCCESS),
    };
    result.unwrap_or_else(|e| {
        eprintln!("error: {e:#}");
        ExitCode::FAILURE
    })
}

async fn migrate(db: &DatabaseArgs) -> Result<()> {
    tracing::info!(database_url = %mask_url(&db.database_url), "migrating");
    PostgresStore::connect_and_migrate(&db.database_url, 1)
        .await
        .context("migrating the database")?;
    println!("database is up to date");
    Ok(())
}

async fn upload(s3: &S3Args, bucket: &str, prefix: &str, files: &[PathBuf]) -> Result<()> {
    let store = S3ObjectStore::new(&s3.settings());
    store
        .ensure_bucket(bucket)
        .await
        .context("creating the bucket")?;
    for file in files {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .with_context(|| format!("{} has no file name", file.display()))?;
        let body = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
        let key = format!("{prefix}{name}");
        store
            .put(bucket, &key, body)
            .await
            .with_context(|| format!("uploading {key}"))?;
        println!("uploaded s3://{bucket}/{key}");
    }
    Ok(())
}

async fn list(s3: &S3Args, bucket: &str, prefix: &str, json: bool) -> Result<()> {
    let store = S3ObjectStore::new(&s3.settings());
    let keys: Vec<String> = store
        .list(bucket, prefix)
        .await
        .with_context(|| format!("listing s3://{bucket}/{prefix}"))?
        .into_iter()
        .filter(|k| run::is_csv(k))
        .collect();
    if json {
        println!("{}", serde_json::to_string(&keys)?);
    } else {
        for key in keys {
            println!("{key}");
        }
    }
    Ok(())
}

async fn inspect(s3: &S3Args, bucket: &str, prefix: &str) -> Result<()> {
    let store: Arc<dyn ObjectStore> = Arc::new(S3ObjectStore::new(&s3.settings()));
    let keys = store
        .list(bucket, prefix)
        .await
        .context("listing objects")?;
    if keys.is_empty() {
        bail!("no objects under s3://{bucket}/{prefix}");
    }
    println!(
        "{:<48} {:>8} {:>8} {:>8}",
        "object", "rows", "valid", "invalid"
    );
    for key in keys {
        let mut source = match CsvObjectSource::open(
            store.clone(),
            bucket,
            &key,
            10_000,
            &CsvOptions::default(),
        )
        .await
        {
            Ok(source) => source,
            Err(e) => {
                println!("{key:<48} refused: {e}");
                continue;
            }
        };
        let (mut rows, mut valid, mut problems) = (0u64, 0u64, Vec::new());
        while let Some(chunk) = source.next_chunk().await.context("reading rows")? {
            for record in chunk {
                rows += 1;
                let checked = record
                    .parsed
                    .map_err(|e| e.message)
                    .and_then(|raw| Transaction::try_from(raw).map_err(|e| e.to_string()));
                match checked {
                    Ok(_) => valid += 1,
                    Err(reason) => problems.push(format!("  {}: {reason}", record.source)),
                }
            }
        }
        println!("{key:<48} {rows:>8} {valid:>8} {:>8}", problems.len());
        for p in problems.iter().take(10) {
            println!("{p}");
        }
    }
    Ok(())
}

async fn classify(args: ClassifyArgs) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    let run_id = args.run_id.clone().map_or_else(RunId::generate, RunId::new);
    let batch_id = BatchId::new(args.batch_id.clone().unwrap_or_else(|| run_id.to_string()));
    tracing::info!(run_id = %run_id, batch_id = %batch_id, config = ?args, "txclass-batch classify starting");
    if args.chunk_size == 0 || args.concurrency == 0 {
        eprintln!("error: --chunk-size and --concurrency must be at least 1");
        return Ok(ExitCode::from(EXIT_CONFIG));
    }

    let connected = async {
        let store = PostgresStore::connect_and_migrate(
            &args.database.database_url,
            args.database.database_max_connections,
        )
        .await
        .context("connecting to PostgreSQL")?;
        let dead_letters =
            KafkaDeadLetterQueue::new(&args.kafka.kafka_brokers, &args.kafka.dlq_topic)
                .context("creating the Kafka dead-letter producer")?;
        let classifier =
            MlApiClient::new(&args.ml_api.settings()).context("creating the ML API client")?;
        anyhow::Ok((store, dead_letters, classifier))
    }
    .await;
    let (store, dead_letters, classifier) = match connected {
        Ok(parts) => parts,
        Err(e) => {
            eprintln!("error: {e:#}");
            return Ok(ExitCode::from(EXIT_UNAVAILABLE));
        }
    };
    let objects: Arc<dyn ObjectStore> = Arc::new(S3ObjectStore::new(&args.s3.settings()));
    let orchestrator = Orchestrator::new(
        Arc::new(classifier),
        Arc::new(store),
        Arc::new(dead_letters),
        args.retry.policy(),
    );

    let format = match args.format {
        FormatArg::Auto => Format::Auto,
        FormatArg::Standard => Format::Standard,
        FormatArg::Seed => Format::Seed,
    };
    let plan = RunPlan {
        bucket: args.bucket.clone(),
        prefix: args.prefix.clone(),
        run_id,
        batch_id,
        chunk_size: args.chunk_size,
        concurrency: args.concurrency,
        errors_prefix: args.errors_prefix.clone(),
        csv: CsvOptions {
            format,
            seed: SeedDefaults {
                currency: args.currency.clone(),
                account_id: args.account_id.clone(),
            },
        },
    };

    let bar = if !args.no_progress && std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {elapsed_precise} {human_pos} records ({per_sec})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let progress_bar = bar.clone();
    let mut registry = metrics::registry();
    let pipeline_metrics = PipelineMetrics::register(&mut registry, "batch");
    let result = run::run(
        &plan,
        objects,
        &orchestrator,
        &pipeline_metrics,
        Arc::new(move |n| progress_bar.set_position(n)),
    )
    // Every log line of the run carries its run and batch ids.
    .instrument(tracing::info_span!("run", run_id = %plan.run_id, batch_id = %plan.batch_id))
    .await;
    bar.finish_and_clear();
    if let Some(gateway) = args.pushgateway_url.as_deref().filter(|u| !u.is_empty()) {
        let outcome = match &result {
            Ok(s) if s.refused_objects().is_empty() => "succeeded",
            _ => "failed",
        };
        push_run_metrics(gateway, &mut registry, &plan, outcome, started.elapsed()).await;
    }

    match result {
        Ok(summary) => {
            print_summary(&summary);
            if summary.refused_objects().is_empty() {
                Ok(ExitCode::SUCCESS)
            } else {
                for o in summary.refused_objects() {
                    eprintln!(
                        "error: {}: {}",
                        o.key,
                        o.refused.as_deref().unwrap_or_default()
                    );
                }
                Ok(ExitCode::from(EXIT_REFUSED_OBJECT))
            }
        }
        Err(e @ RunError::NothingToDo { .. }) => {
            eprintln!("error: {e}");
            Ok(ExitCode::from(EXIT_CONFIG))
        }
        Err(e) => {
            let fatal = matches!(&e, RunError::Pipeline { source, .. } if !source.is_retryable())
                || matches!(&e, RunError::Store(p) if p.hint == txclass_core::RetryHint::Fatal);
            eprintln!("error: {e}");
            Ok(ExitCode::from(if fatal {
                EXIT_CONFIG
            } else {
                EXIT_UNAVAILABLE
            }))
        }
    }
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StatusLabels {
    status: &'static str,
}

/// Pushes the run's counters plus its duration, status and (on success)
/// completion time. A Pushgateway that does not answer costs a warning, not
/// the run.
async fn push_run_metrics(
    gateway: &str,
    registry: &mut Registry,
    plan: &RunPlan,
    outcome: &'static str,
    elapsed: std::time::Duration,
) {
    let own = registry.sub_registry_with_prefix("batch");
    let duration = Gauge::<f64, AtomicU64>::default();
    duration.set(elapsed.as_secs_f64());
    own.register("run_duration_seconds", "How long the run took", duration);
    let status = Family::<StatusLabels, Gauge>::default();
    for s in ["succeeded", "failed"] {
        status
            .get_or_create(&StatusLabels { status: s })
            .set(i64::from(s == outcome));
    }
    own.register(
        "last_run_status",
        "1 for the status of the last run",
        status,
    );
    if outcome == "succeeded" {
        let now = Gauge::<f64, AtomicU64>::default();
        now.set(chrono::Utc::now().timestamp_millis() as f64 / 1000.0);
        own.register(
            "last_success_timestamp_seconds",
            "When the last successful run ended (Unix time)",
            now,
        );
    }
    let grouping = [
        ("run_id", plan.run_id.as_str()),
        ("batch_id", plan.batch_id.as_str()),
    ];
    match metrics::push_to_gateway(gateway, "txclass-batch", &grouping, registry).await {
        Ok(()) => tracing::info!(gateway, "metrics pushed"),
        Err(e) => tracing::warn!(error = %e, "metrics not pushed"),
    }
}

fn print_summary(s: &RunSummary) {
    let t = &s.totals;
    println!(
        "run {} (batch {}), model {}",
        s.run_id,
        s.batch_id,
        s.model_version.as_deref().unwrap_or("-")
    );
    println!(
        "{:<44} {:>10} {:>10} {:>10} {:>10}",
        "object", "records", "written", "rejected", "dead-lett."
    );
    for o in &s.objects {
        match &o.refused {
            Some(reason) => println!("{:<44} refused: {reason}", o.key),
            None => println!(
                "{:<44} {:>10} {:>10} {:>10} {:>10}",
                o.key,
                o.counts.received,
                o.counts.written,
                o.counts.rejected(),
                o.counts.dead_lettered
            ),
        }
    }
    println!(
        "{:<44} {:>10} {:>10} {:>10} {:>10}",
        "total",
        t.received,
        t.written,
        t.rejected(),
        t.dead_lettered
    );
    println!(
        "dead-lettered by stage: parse {}, validate {}, classify {}, persist {}; ML API retries {}",
        t.parse_failed, t.validate_failed, t.classify_failed, t.persist_failed, t.classify_retries
    );
    if let Some(errors) = &s.errors_object {
        println!("errors object: {errors}");
    }
    println!(
        "{:.2} s, {:.0} records/s; counts reconcile: {}",
        s.seconds,
        t.received as f64 / s.seconds.max(1e-9),
        if t.reconciles() { "yes" } else { "NO" }
    );
}
