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
use txclass_ml_api::features::{FeatureConfig, Scaling};
use txclass_ml_api::model::{CLASSES, FoldScore, Model};
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
    /// Print the evaluation figures stored in a model file, or score a
    /// labelled CSV file (`description,merchant,mcc,amount,category`).
    Evaluate {
        #[arg(long)]
        model: Option<PathBuf>,
        /// A labelled CSV file to score instead of printing the stored figures.
        #[arg(long)]
        labelled: Option<PathBuf>,
        /// With --labelled: also list every row the model gets wrong.
        #[arg(long, requires = "labelled")]
        show_mistakes: bool,
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
    /// log2 of the hashed feature space (the model holds 16 bytes per slot).
    #[arg(long, default_value_t = TrainConfig::default().features.bits, value_parser = clap::value_parser!(u32).range(10..=24))]
    bits: u32,
    /// How the text, MCC and amount features are weighed: `global` or
    /// `blocks:MCC,SIGN,MAGNITUDE,BIAS`.
    #[arg(long, default_value_t = TrainConfig::default().features.scaling)]
    scaling: Scaling,
    /// Also fit per-class offsets on the calibration records: they correct
    /// the class shares a model predicts for merchants it never saw (better
    /// figures on unseen merchants, slightly worse on known ones).
    #[arg(long)]
    class_offsets: bool,
    /// Folds of the merchant-level cross-validation to run, 1 to 5 (1: fold
    /// 0 only, quicker; the figures then stand on a fifth of the merchants).
    #[arg(long, default_value_t = txclass_synth::FOLDS, value_parser = clap::value_parser!(u8).range(1..=i64::from(txclass_synth::FOLDS)))]
    folds: u8,
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
        Command::Evaluate {
            model,
            labelled,
            show_mistakes,
        } => {
            let model = load(model.as_ref())?;
            println!("model {}\n", model.info.version);
            match labelled {
                Some(path) => evaluate_labelled(&model, &path, show_mistakes),
                None => {
                    for e in &model.info.evaluations {
                        println!("{}", report(e));
                    }
                    Ok(())
                }
            }
        }
        Command::Bench(args) => tokio::runtime::Runtime::new()?.block_on(bench(args)),
    }
}

fn evaluate_labelled(model: &Model, path: &PathBuf, show_mistakes: bool) -> Result<()> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let rows = train::read_labelled(std::io::BufReader::new(file))
        .with_context(|| format!("reading {}", path.display()))?;
    let scores = train::score_labelled(model, &rows);
    let figures = evaluate(&scores, model.info.temperature, &path.display().to_string());
    println!("{}", report(&figures));
    if show_mistakes {
        println!(
            "{:<26} {:<26} {:>6}  description",
            "actual", "predicted", "conf"
        );
        for (row, (z, _)) in rows.iter().zip(&scores) {
            let best = txclass_ml_api::model::top_k(
                &txclass_ml_api::model::softmax(z, model.info.temperature),
                1,
            )[0];
            if best.category != row.category {
                println!(
                    "{:<26} {:<26} {:>6.3}  {} | {} | {} | {}",
                    row.category.as_str(),
                    best.category.as_str(),
                    best.confidence,
                    row.description,
                    row.merchant.as_deref().unwrap_or_default(),
                    row.mcc.as_deref().unwrap_or_default(),
                    row.amount.map(|a| a.to_string()).unwrap_or_default()
                );
            }
        }
    }
    Ok(())
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
    // Signal handlers first: a SIGTERM right after the port opens must still
    // shut down gracefully.
    let shutdown = shutdown_signal();
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("binding {}", args.addr))?;
    axum::serve(listener, router(model, config))
        .with_graceful_shutdown(shutdown)
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
        features: FeatureConfig {
            bits: args.bits,
            scaling: args.scaling,
            ..FeatureConfig::default()
        },
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
    // Cross-validation by merchant: each fold's model is scored on the
    // fold's merchants it never saw; the scores of every fold are pooled.
    let (mut calibration, mut evaluation) = (Vec::new(), Vec::new());
    let mut folds = Vec::new();
    let mut first: Option<(Model, train::Scores)> = None;
    let mut held = Vec::new();
    for fold in 0..args.folds {
        let data = train::data_sets(&config, fold);
        let train_samples = featurize(&config.features, &data.train);
        let evaluation_samples = featurize(&config.features, &data.evaluation);
        // The model holds its weights as they ship (quantized), so the
        // figures and the temperature are those of the shipped model.
        let model = train::train(&config, &train_samples, &args.version);
        calibration.extend(train::scores(
            &model,
            &featurize(&config.features, &data.calibration),
        ));
        let scores = train::scores(&model, &evaluation_samples);
        let figures = evaluate(&scores, 1.0, "fold");
        eprintln!(
            "fold {fold}: {} training, {} calibration, {} evaluation records; accuracy {:.4}, macro-F1 {:.4} ({:.1}s)",
            train_samples.len(),
            data.calibration.len(),
            data.evaluation.len(),
            figures.accuracy,
            figures.macro_f1,
            started.elapsed().as_secs_f64()
        );
        folds.push(FoldScore {
            fold,
            samples: scores.len(),
            accuracy: figures.accuracy,
            macro_f1: figures.macro_f1,
        });
        if args.mistakes.is_some() {
            held.extend(data.evaluation.iter().map(|l| (fold, l.clone())));
        }
        evaluation.extend(scores);
        if first.is_none() {
            let fresh_seen = train::scores(&model, &featurize(&config.features, &data.fresh_seen));
            first = Some((model, fresh_seen));
        }
    }
    let Some((mut model, fresh_seen)) = first else {
        bail!("--folds must be at least 1");
    };
    // Calibration on the folds' calibration halves: per-class offsets when
    // asked for, then the temperature.
    let offsets = if !args.class_offsets {
        [0.0; CLASSES]
    } else {
        train::fit_class_offsets(&calibration, fit_temperature(&calibration))
    };
    let temperature = fit_temperature(&train::shifted(&calibration, &offsets));
    let evaluation = train::shifted(&evaluation, &offsets);
    let fresh_seen = train::shifted(&fresh_seen, &offsets);
    if let Some(path) = &args.mistakes {
        let file =
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
        let written = train::write_mistakes(
            &held,
            &evaluation,
            temperature,
            std::io::BufWriter::new(file),
        )
        .with_context(|| format!("writing {}", path.display()))?;
        eprintln!("{written} held-out mistakes written to {}", path.display());
    }
    let mut held_out = evaluate(
        &evaluation,
        temperature,
        &if args.folds == 1 {
            "held-out merchants (never seen in training), fold 0 only".to_owned()
        } else {
            format!(
                "held-out merchants (never seen in training), {} folds pooled",
                args.folds
            )
        },
    );
    held_out.folds = folds;
    let fresh_seen = evaluate(
        &fresh_seen,
        temperature,
        "new transactions of merchants seen in training (fold 0's model)",
    );
    let calibrate = |model: &mut Model| {
        model.info.temperature = temperature;
        model.info.class_offsets = offsets.to_vec();
        model.shift_bias(&offsets);
        train::stamp_version(model, &args.version);
    };
    calibrate(&mut model);
    model.info.evaluations = vec![held_out, fresh_seen];
    model.info.training.brands = brands.clone();
    model.info.training.folds = args.folds;
    if !args.no_refit {
        // The figures stand for the settings; the shipped weights also learn
        // the held-out merchants, as a model in production would.
        let all = txclass_synth::Generator::new(config.seed, txclass_synth::Split::All)
            .balanced(config.per_category);
        let mut refit = train::train(&config, &featurize(&config.features, &all), &args.version);
        calibrate(&mut refit);
        refit.info.evaluations = std::mem::take(&mut model.info.evaluations);
        refit.info.training.brands = brands;
        refit.info.training.folds = args.folds;
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
