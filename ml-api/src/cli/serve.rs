//! `txclass-ml-api serve`: the model over HTTP.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::Args;
use secrecy::SecretString;
use txclass_service::http::Limits;
use txclass_service::secrets::secret;
use txclass_service::{ApiKeys, shutdown_signal};

use crate::server::{self, Faults, ServerConfig};

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "ML_API_ADDR", default_value = "127.0.0.1:8000")]
    addr: SocketAddr,
    /// Model file; the model shipped in the repository when absent.
    #[arg(long = "model-path", alias = "model", env = "ML_API_MODEL_PATH")]
    model: Option<PathBuf>,
    /// Largest batch accepted by POST /v1/predict.
    #[arg(long, env = "ML_API_MAX_BATCH", default_value_t = 5_000)]
    max_batch: usize,
    /// Largest request body in bytes.
    #[arg(long, env = "ML_API_MAX_BODY_BYTES", default_value_t = 16 * 1024 * 1024)]
    max_body_bytes: usize,
    /// Accepted API keys (comma-separated); no key needed when empty.
    #[arg(
        long = "api-keys",
        alias = "api-key",
        env = "ML_API_KEYS",
        value_delimiter = ',',
        hide_env_values = true,
        value_parser = secret
    )]
    api_keys: Vec<SecretString>,
    /// Requests served at once; more are answered 503 with Retry-After.
    #[arg(long, env = "ML_API_MAX_CONCURRENT_REQUESTS", default_value_t = 64)]
    max_concurrent_requests: usize,
    /// Longest a request may take, in milliseconds; then 408.
    #[arg(long, env = "ML_API_REQUEST_TIMEOUT_MS", default_value_t = 30_000)]
    request_timeout_ms: u64,
    /// Serve without API keys on an address beyond loopback (refused
    /// otherwise).
    #[arg(long, env = "ML_API_ALLOW_UNAUTHENTICATED")]
    allow_unauthenticated: bool,
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
    #[arg(long, env = "ML_API_WORKERS")]
    workers: Option<usize>,
}

pub(super) fn run(args: ServeArgs) -> Result<()> {
    let mut runtime = tokio::runtime::Builder::new_multi_thread();
    if let Some(workers) = args.workers {
        runtime.worker_threads(workers.max(1));
    }
    runtime.enable_all().build()?.block_on(serve(args))
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
    let model = Arc::new(super::load(args.model.as_deref())?);
    let config = ServerConfig {
        max_batch: args.max_batch.max(1),
        max_body_bytes: args.max_body_bytes,
        api_keys: ApiKeys::new(args.api_keys.clone()),
        limits: Limits {
            max_concurrent_requests: args.max_concurrent_requests.max(1),
            request_timeout: Duration::from_millis(args.request_timeout_ms.max(1)),
        },
        faults: Faults {
            unavailable: args.fault_unavailable,
            throttled: args.fault_throttled,
            timeout: args.fault_timeout,
            hang: Duration::from_millis(args.fault_hang_ms),
            latency: Duration::from_millis(args.fault_latency_ms),
        },
    };
    config
        .api_keys
        .check_exposure(args.addr, args.allow_unauthenticated)
        .map_err(anyhow::Error::msg)?;
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
    let app = server::build(args.addr, model, config)
        .await
        .with_context(|| format!("binding {}", args.addr))?;
    app.run_until_stopped(shutdown).await.context("serving")?;
    tracing::info!("txclass-ml-api stopped");
    Ok(())
}
