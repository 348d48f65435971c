//! The command line of `txclass-batch`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use txclass_adapters::{DatabaseArgs, KafkaArgs, MlApiArgs, S3Args};
use txclass_service::retry::RetryArgs;

use crate::objects;

/// Exit codes: 0 the run completed (rejected records are reported, not a
/// failure); 2 bad configuration; 3 an object was refused (missing required
/// column; nothing of it written); 4 a service stayed unreachable after
/// retries; 1 anything else.
pub const EXIT_CONFIG: u8 = 2;
pub const EXIT_REFUSED_OBJECT: u8 = 3;
pub const EXIT_UNAVAILABLE: u8 = 4;

#[derive(Parser)]
#[command(
    name = "txclass-batch",
    version,
    about = "Classify transaction CSV objects from S3 into PostgreSQL"
)]
#[command(arg_required_else_help = true)]
#[derive(Debug)]
pub struct Cli {
    /// Print every metric a run can push (OpenMetrics text) and exit.
    #[arg(long, hide = true, exclusive = true)]
    pub print_metrics: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Classify every CSV object (plain or .gz) under a prefix.
    Classify(Box<ClassifyArgs>),
    /// Apply the database migrations and exit.
    Migrate(DatabaseArgs),
    /// Upload local files to the bucket under a prefix.
    Upload {
        #[command(flatten)]
        objects: BucketArgs,
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
        objects: BucketArgs,
        /// Print one JSON array (for Airflow's dynamic task mapping).
        #[arg(long)]
        json: bool,
    },
    /// Read CSV objects through the parser and validation and report what
    /// would be rejected (writes nothing).
    Inspect {
        #[command(flatten)]
        objects: BucketArgs,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormatArg {
    /// Decide by the header.
    Auto,
    /// transaction_id,timestamp,account_id,amount,currency,merchant,description,mcc
    Standard,
    /// The original project's `id;description;amount;timestamp;merchant;operation_type;side`.
    Seed,
}

/// The objects a command works on: the store, a bucket and a key prefix.
#[derive(Args, Clone, Debug)]
pub struct BucketArgs {
    /// Bucket of the input objects (and of the errors objects).
    #[arg(
        long = "s3-bucket",
        alias = "bucket",
        env = "S3_BUCKET",
        default_value = "txclass"
    )]
    pub bucket: String,
    /// Key prefix of the objects to read, or to upload under.
    #[arg(
        long = "s3-prefix",
        alias = "prefix",
        env = "S3_PREFIX",
        default_value = "incoming/"
    )]
    pub prefix: String,
    #[command(flatten)]
    pub s3: S3Args,
}

#[derive(Args, Debug)]
pub struct ClassifyArgs {
    #[command(flatten)]
    pub objects: BucketArgs,
    /// Classify exactly this object (repeatable) instead of every object
    /// under the prefix: what each of Airflow's mapped tasks passes, so
    /// `a.csv` never also takes `a.csv.gz`.
    #[arg(long = "s3-key", value_name = "KEY")]
    pub keys: Vec<String>,
    /// Run id recorded as lineage (Airflow passes its run_id); generated when absent.
    #[arg(long, env = "TXCLASS_RUN_ID")]
    pub run_id: Option<String>,
    /// Batch id recorded as lineage and naming the errors object; the run id when absent.
    #[arg(long, env = "TXCLASS_BATCH_ID")]
    pub batch_id: Option<String>,
    /// CSV dialect.
    #[arg(long, value_enum, default_value = "auto")]
    pub format: FormatArg,
    /// Currency for the seed dialect, which has none.
    #[arg(long, default_value = "EUR")]
    pub currency: String,
    /// Account id for the seed dialect, which has none.
    #[arg(long, default_value = "unknown")]
    pub account_id: String,
    /// Records per chunk (one classify call and one database write each).
    #[arg(long, env = "BATCH_CHUNK_SIZE", default_value_t = 5_000)]
    pub chunk_size: usize,
    /// Largest CSV record, in bytes. A bigger one (an unterminated quote
    /// before a long run of text, a corrupt object) refuses its object
    /// (exit 3), naming the line where the record started.
    #[arg(long, env = "BATCH_MAX_RECORD_BYTES", default_value_t = txclass_core::source::DEFAULT_MAX_RECORD_BYTES)]
    pub max_record_bytes: usize,
    /// Largest chunk, in bytes of its rows: a chunk ends at --chunk-size
    /// rows or here, whichever comes first.
    #[arg(long, env = "BATCH_CHUNK_BYTES", default_value_t = txclass_core::source::DEFAULT_MAX_CHUNK_BYTES)]
    pub chunk_bytes: usize,
    /// Chunks in flight at once (classification calls and writes overlap).
    #[arg(long, env = "BATCH_CONCURRENCY", default_value_t = 4)]
    pub concurrency: usize,
    /// Where the errors object goes: `<errors-prefix><batch_id>.csv`.
    #[arg(long, default_value = "errors/")]
    pub errors_prefix: String,
    /// Show no progress bar even on a terminal.
    #[arg(long)]
    pub no_progress: bool,
    /// Prometheus Pushgateway to push the run's metrics to when it ends
    /// (group `job/txclass-batch/run_id/<run>/batch_id/<batch>`).
    #[arg(long, env = "PUSHGATEWAY_URL")]
    pub pushgateway_url: Option<String>,
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(flatten)]
    pub kafka: KafkaArgs,
    #[command(flatten)]
    pub ml_api: MlApiArgs,
    #[command(flatten)]
    pub retry: RetryArgs,
}

/// Runs one command and answers the process's exit code.
pub async fn run(cli: Cli) -> ExitCode {
    let Some(command) = cli.command.filter(|_| !cli.print_metrics) else {
        print!("{}", crate::push::metrics_catalogue());
        return ExitCode::SUCCESS;
    };
    let result = match command {
        Command::Classify(args) => crate::classify::classify(*args).await,
        Command::Migrate(db) => objects::migrate(&db).await.map(|()| ExitCode::SUCCESS),
        Command::Upload { objects: at, files } => objects::upload(&at, &files)
            .await
            .map(|()| ExitCode::SUCCESS),
        Command::Generate {
            count,
            invalid_ratio,
            seed,
            id_prefix,
            out,
        } => crate::generate::write(count, invalid_ratio, seed, &id_prefix, &out)
            .map(|()| ExitCode::SUCCESS),
        Command::List { objects: at, json } => {
            objects::list(&at, json).await.map(|()| ExitCode::SUCCESS)
        }
        Command::Inspect { objects: at } => objects::inspect(&at).await.map(|()| ExitCode::SUCCESS),
    };
    result.unwrap_or_else(|e| {
        eprintln!("error: {e:#}");
        ExitCode::FAILURE
    })
}
