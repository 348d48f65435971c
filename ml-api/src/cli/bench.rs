//! `txclass-ml-api bench`: predictions/s and latency against a running
//! server.

use std::time::Duration;

use anyhow::Result;
use clap::Args;
use secrecy::{ExposeSecret, SecretString};
use txclass_service::secrets::secret;

#[derive(Args, Debug)]
pub struct BenchArgs {
    /// ML classification API base URL.
    #[arg(
        long = "ml-api-url",
        alias = "url",
        env = "ML_API_URL",
        default_value = "http://127.0.0.1:8000"
    )]
    url: String,
    /// API key sent as `x-api-key`.
    #[arg(
        long = "ml-api-key",
        alias = "api-key",
        env = "ML_API_KEY",
        hide_env_values = true,
        value_parser = secret
    )]
    api_key: Option<SecretString>,
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

pub(super) fn run(args: BenchArgs) -> Result<()> {
    tokio::runtime::Runtime::new()?.block_on(bench(args))
}

async fn bench(args: BenchArgs) -> Result<()> {
    println!("| batch | requests | predictions/s | p50 ms | p99 ms |");
    println!("|---:|---:|---:|---:|---:|");
    for batch in args.batch {
        let r = crate::bench::run(
            &args.url,
            args.api_key.as_ref().map(ExposeSecret::expose_secret),
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
