//! `txclass-ml-api`: serve, train, evaluate and benchmark the classifier.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use txclass_adapters::http::shutdown_signal;
use txclass_adapters::telemetry::init_logging;
use txclass_core::Category;
use txclass_ml_api::model::Model;
use txclass_ml_api::server::{Faults, ServerConfig, router};
use txclass_ml_api::train::{self, TrainConfig, evaluate, featurize, fit_temperature, report};

#[derive(Parser)]
#[command(
    name = "txclass-ml-api",
    version,
    about = "txclass transaction classifier: serve, train, evaluate, benchmark"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the model over HTTP (the shipped model unless --model is given).
    Serve(ServeArgs),
    /// Train the model reproducibly, print held-out figures and write it.
    Train(TrainArgs),
    /// Print the evaluation figures stored in a model file.
    Evaluate {
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Measure predictions/s and latency against a running server.
    Bench(BenchArgs),
}

#[derive(Args, Debug)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "ML_API_ADDR", default_value = "127.0.0.1:8000")]
    addr: SocketAddr,
    /// Model file; the model shipped in the repository when absent.
    #[arg(long, env = "ML_MODEL_PATH")]
    model: Option<PathBuf>,
    /// Largest batch accepted by POST /v1/predict.
    #[arg(long, env = "ML_MAX_BATCH", default_value_t = 5_000)]
    max_batch: usize,
    /// Largest request body in bytes.
    #[arg(long, env = "ML_MAX_BODY_BYTES", default_value_t = 16 * 1024 * 1024)]
    max_body_bytes: usize,
    /// Accepted API keys (comma-separated); no key needed when empty.
    #[arg(
        long = "api-key",
        env = "ML_API_KEYS",
        value_delimiter = ',',
        hide_env_values = true
    )]
    api_keys: Vec<String>,
    /// Fault mode: share of predict requests answered 503.
    #[arg(long, default_value_t = 0.0)]
    fault_unavailable: f64,
    /// Fault mode: share of predict requests answered 429.
    #[arg(long, default_value_t = 0.0)]
    fault_throttled: f64,
    /// Fault mode: share of predict requests that hang (then answer 504).
    #[arg(long, default_value_t = 0.0)]
    fault_timeout: f64,
    /// Fault mode: how long a hanging request hangs, in milliseconds.
    #[arg(long, default_value_t = 30_000)]
    fault_hang_ms: u64,
    /// Fault mode: latency added to every predict request, in milliseconds.
    #[arg(long, default_value_t = 0)]
    fault_latency_ms: u64,
    /// Worker threads (default: one per core).
    #[arg(long, env = "ML_WORKERS")]
    workers: Option<usize>,
}

#[derive(Args, Debug)]
struct TrainArgs {
    /// Where to write the model.
    #[arg(long, default_value = "ml-api/model/txclass.model")]
    out: PathBuf,
    #[arg(long, default_value_t = TrainConfig::default().seed)]
    seed: u64,
    /// Training records per category.
    #[arg(long, default_value_t = TrainConfig::default().per_category)]
    per_category: usize,
    /// Held-out records (calibration + evaluation, unseen merchants).
    #[arg(long, default_value_t = TrainConfig::default().held_out)]
    held_out: usize,
    #[arg(long, default_value_t = TrainConfig::default().epochs)]
    epochs: usize,
    /// AdaGrad learning rate.
    #[arg(long, default_value_t = TrainConfig::default().learning_rate)]
    learning_rate: f32,
    /// L2 penalty (larger generalizes better to unseen merchants).
    #[arg(long, default_value_t = TrainConfig::default().l2)]
    l2: f32,
    /// Version prefix; a hash of the weights follows it.
    #[arg(long, default_value = "lr-v1")]
    version: String,
    /// A Name Suggestion Index `nsi.json` whose US brands widen the catalog
    /// (`scripts/fetch-brands.sh` downloads the pinned release).
    #[arg(long, env = "TXCLASS_BRANDS_FILE")]
    brands: Option<PathBuf>,
    /// Ship the held-out fit instead of refitting on every merchant.
    #[arg(long)]
    no_refit: bool,
    /// Also write the held-out records the model gets wrong to this CSV file.
    #[arg(long)]
    mistakes: Option<PathBuf>,
}

#[derive(Args, Debug)]
struct BenchArgs {
    #[arg(long, env = "ML_API_URL", default_value = "http://127.0.0.1:8000")]
    url: String,
    #[arg(long, env = "ML_API_KEY", hide_env_values = true)]
    api_key: Option<String>,
    /// Batch sizes to measure.
    #[arg(long, value_delimiter = ',', default_value = "100,1000")]
    batch: Vec<usize>,
    /// Concurrent clients.
    #[arg(long, default_value_t = 4)]
    concurrency: usize,
    /// Seconds per batch size.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
}

// Many small allocations per request (JSON strings, feature buffers).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<()> {
    let cli = Cli::parse();
    init_logging("info");
    match cli.command {
        Command::Serve(args) => {
            let mut runtime = tokio::runtime::Builder::new_multi_thread();
            if let Some(workers) = args.workers {
                runtime.worker_threads(workers.max(1));
            }
            runtime.enable_all().build()?.block_on(serve(args))
        }
        Command::Train(args) => train_command(args),
        Command::Evaluate { model } => {
            let model = load(model.as_ref())?;
            println!("model {}\n", model.info.version);
            for e in &model.info.evaluations {
                println!("{}", report(e));
            }
            Ok(())
        }
        Command::Bench(args) => tokio::runtime::Runtime::new()?.block_on(bench(args)),
    }
}

fn load(path: Option<&PathBuf>) -> Result<Model> {
    match path {
        Some(path) => {
            let file = std::fs::File::open(path)
                .with_context(|| format!("opening model {}", path.display()))?;
            Model::load(std::io::BufReader::new(file))
                .with_context(|| format!("loading model {}", path.display()))
        }
        None => txclass_ml_api::shipped_model()
            .context("loading the shipped model (run `txclass-ml-api train`)"),
    }
}

async fn serve(args: ServeArgs) -> Result<()> {
    for (name, share) in [
        ("unavailable", args.fault_unavailable),
        ("throttled", args.fault_throttled),
        ("timeout", args.fault_timeout),
    ] {
        if !(0.0..=1.0).contains(&share) {
            bail!("--fault-{name} must be between 0 and 1, got {share}");
        }
    }
    let model = Arc::new(load(args.model.as_ref())?);
    let config = ServerConfig {
        max_batch: args.max_batch.max(1),
        max_body_bytes: args.max_body_bytes,
        api_keys: args
            .api_keys
            .iter()
            .filter(|k| !k.is_empty())
            .cloned()
            .collect(),
        faults: Faults {
            unavailable: args.fault_unavailable,
            throttled: args.fault_throttled,
            timeout: args.fault_timeout,
            hang: Duration::from_millis(args.fault_hang_ms),
            latency: Duration::from_millis(args.fault_latency_ms),
        },
    };
    tracing::info!(
        addr = %args.addr,
        model_version = %model.info.version,
        max_batch = config.max_batch,
        max_body_bytes = config.max_body_bytes,
        api_keys = config.api_keys.len(),
        faults = ?config.faults,
        "txclass-ml-api starting"
    );
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("binding {}", args.addr))?;
    axum::serve(listener, router(model, config))
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("serving")?;
    tracing::info!("txclass-ml-api stopped");
    Ok(())
}

fn train_command(args: TrainArgs) -> Result<()> {
    let config = TrainConfig {
        seed: args.seed,
        per_category: args.per_category,
        held_out: args.held_out,
        epochs: args.epochs,
        learning_rate: args.learning_rate,
        l2: args.l2,
        ..TrainConfig::default()
    };
    let started = std::time::Instant::now();
    let brands = match &args.brands {
        Some(path) => {
            let list = txclass_synth::BrandList::from_nsi_file(path)
                .with_context(|| format!("loading brands from {}", path.display()))?;
            let added = list.extend_catalog()?;
            let counts = list.counts();
            let per_category: Vec<String> = Category::ALL
                .iter()
                .zip(counts)
                .map(|(c, n)| format!("{c} {n}"))
                .collect();
            eprintln!(
                "{}: {added} US brands added to the catalog ({})",
                list.source,
                per_category.join(", ")
            );
            Some(format!("{}: {added} US brands", list.source))
        }
        None => None,
    };
    let data = train::data_sets(&config);
    let train_samples = featurize(&config.features, &data.train);
    let calibration = featurize(&config.features, &data.calibration);
    let evaluation = featurize(&config.features, &data.evaluation);
    eprintln!(
        "data: {} training, {} calibration, {} evaluation records ({:.1}s)",
        train_samples.len(),
        calibration.len(),
        evaluation.len(),
        started.elapsed().as_secs_f64()
    );
    // The model holds its weights as they ship (quantized), so the figures
    // and the temperature below are those of the shipped model.
    let mut model = train::train(&config, &train_samples, &args.version);
    eprintln!("trained in {:.1}s", started.elapsed().as_secs_f64());
    model.info.temperature = fit_temperature(&model, &calibration);
    let fresh_seen = evaluate(
        &model,
        &featurize(&config.features, &data.fresh_seen),
        "new transactions of merchants seen in training",
    );
    let held_out = evaluate(
        &model,
        &evaluation,
        "held-out merchants (never seen in training)",
    );
    model.info.evaluations = vec![held_out, fresh_seen];
    if let Some(path) = &args.mistakes {
        let file =
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
        let written = train::write_mistakes(
            &model,
            &data.evaluation,
            &evaluation,
            std::io::BufWriter::new(file),
        )
        .with_context(|| format!("writing {}", path.display()))?;
        eprintln!("{written} held-out mistakes written to {}", path.display());
    }
    model.info.training.brands = brands.clone();
    if !args.no_refit {
        // The figures stand for the settings; the shipped weights also learn
        // the held-out merchants, as a model in production would.
        let all = txclass_synth::Generator::new(config.seed, txclass_synth::Split::All)
            .balanced(config.per_category);
        let mut refit = train::train(&config, &featurize(&config.features, &all), &args.version);
        refit.info.temperature = model.info.temperature;
        refit.info.evaluations = std::mem::take(&mut model.info.evaluations);
        refit.info.training.brands = brands;
        refit.info.training.refit_on_all_merchants = true;
        eprintln!(
            "refit on every merchant ({} records) in {:.1}s",
            all.len(),
            started.elapsed().as_secs_f64()
        );
        model = refit;
    }
    println!(
        "model {} (temperature {:.2})\n",
        model.info.version, model.info.temperature
    );
    for e in &model.info.evaluations {
        println!("{}", report(e));
    }
    if let Some(parent) = args.out.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut bytes = Vec::new();
    model.save(&mut bytes)?;
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    println!("wrote {} ({} bytes)", args.out.display(), bytes.len());
    Ok(())
}

async fn bench(args: BenchArgs) -> Result<()> {
    println!("| batch | requests | predictions/s | p50 ms | p99 ms |");
    println!("|---:|---:|---:|---:|---:|");
    for batch in args.batch {
        let r = txclass_ml_api::bench::run(
            &args.url,
            args.api_key.as_deref(),
            batch,
            args.concurrency,
            Duration::from_secs(args.seconds),
        )
        .await?;
        println!(
            "| {} | {} | {:.0} | {:.2} | {:.2} |",
            r.batch,
            r.requests,
            r.per_second(),
            r.p50_ms,
            r.p99_ms
        );
    }
    Ok(())
}
