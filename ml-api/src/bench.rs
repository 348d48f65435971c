//! Load generator for `POST /v1/predict`: predictions per second and latency
//! percentiles for given batch sizes, over real HTTP.

use std::sync::Arc;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use serde_json::json;
use txclass_synth::{Generator, Split};

#[derive(Debug, Clone)]
pub struct BenchResult {
    pub batch: usize,
    pub requests: u64,
    pub predictions: u64,
    pub seconds: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
}

impl BenchResult {
    pub fn per_second(&self) -> f64 {
        self.predictions as f64 / self.seconds
    }
}

/// Sends batches of `batch` transactions from `concurrency` clients for
/// `duration` (after a short warm-up).
pub async fn run(
    url: &str,
    api_key: Option<&str>,
    batch: usize,
    concurrency: usize,
    duration: Duration,
) -> anyhow::Result<BenchResult> {
    let bodies = request_bodies(batch)?;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()?;
    let endpoint = format!("{}/v1/predict", url.trim_end_matches('/'));

    let send = |body: Arc<Vec<u8>>| {
        let mut request = client
            .post(&endpoint)
            .header("content-type", "application/json")
            .body(body.as_ref().clone());
        if let Some(key) = api_key {
            request = request.header("x-api-key", key);
        }
        async move {
            let response = request.send().await?;
            let status = response.status();
            let bytes = response.bytes().await?;
            anyhow::ensure!(
                status.is_success(),
                "predict answered {status}: {}",
                String::from_utf8_lossy(&bytes)
            );
            Ok::<usize, anyhow::Error>(bytes.len())
        }
    };

    // Warm-up: connections, caches, allocator.
    for body in bodies.iter().take(4) {
        send(body.clone()).await?;
    }

    let started = Instant::now();
    let deadline = started + duration;
    let mut workers = Vec::new();
    for w in 0..concurrency {
        let bodies = bodies.clone();
        workers.push(async move {
            let mut histogram = Histogram::<u64>::new(3)?;
            let mut requests = 0u64;
            let mut i = w;
            while Instant::now() < deadline {
                let t = Instant::now();
                send(bodies[i % bodies.len()].clone()).await?;
                histogram.record(t.elapsed().as_micros() as u64)?;
                requests += 1;
                i += 1;
            }
            Ok::<_, anyhow::Error>((histogram, requests))
        });
    }
    let results = futures::future::join_all(workers).await;
    let seconds = started.elapsed().as_secs_f64();
    let (histogram, requests) = merge(results)?;
    Ok(BenchResult {
        batch,
        requests,
        predictions: requests * batch as u64,
        seconds,
        p50_ms: histogram.value_at_quantile(0.5) as f64 / 1000.0,
        p99_ms: histogram.value_at_quantile(0.99) as f64 / 1000.0,
    })
}

/// Eight predict bodies of `batch` synthetic transactions each.
fn request_bodies(batch: usize) -> anyhow::Result<Vec<Arc<Vec<u8>>>> {
    let mut generator = Generator::new(99, Split::All);
    let bodies = (0..8)
        .map(|_| {
            let transactions: Vec<_> = (0..batch)
                .map(|_| generator.next_labeled().transaction)
                .collect();
            serde_json::to_vec(&json!({ "transactions": transactions })).map(Arc::new)
        })
        .collect::<Result<_, _>>()?;
    Ok(bodies)
}

/// The workers' latencies in one histogram, and their requests summed.
fn merge(
    results: Vec<anyhow::Result<(Histogram<u64>, u64)>>,
) -> anyhow::Result<(Histogram<u64>, u64)> {
    let mut histogram = Histogram::<u64>::new(3)?;
    let mut requests = 0;
    for r in results {
        let (h, n) = r?;
        histogram.add(h)?;
        requests += n;
    }
    Ok((histogram, requests))
}
