//! `txclass-producer run`: publishes simulated transactions at a profile's
//! pace or a fixed rate, or replays a CSV file, until a limit or a signal.

use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use prometheus_client::registry::Registry;
use tokio::task::JoinSet;
use txclass_core::csv::SeedDefaults;
use txclass_service::http::{Server, always_ready, probe_routes, registry_page};
use txclass_service::shutdown_signal;

use crate::cli::{Profile, RunArgs};
use crate::publish::{Outgoing, Publisher};
use crate::simulate::{Limits, Pace, Pacer, Simulated, replay};

/// What a run sent.
#[derive(Debug, Default)]
struct Sent {
    records: u64,
    invalid: u64,
}

pub async fn run(args: RunArgs) -> Result<()> {
    if !(0.0..=1.0).contains(&args.invalid_ratio) {
        bail!("--invalid-ratio must be between 0 and 1");
    }
    tracing::info!(config = ?args, "txclass-producer starting");
    let publisher = args.kafka.publisher().await?;
    if let Some(addr) = args.metrics_addr {
        serve_metrics(addr, &publisher).await?;
    }
    let started = Instant::now();
    let limits = Limits {
        count: args.count,
        duration: args.duration,
    };
    let mut pending = JoinSet::new();
    let stop = shutdown_signal();
    let sent = match &args.replay {
        Some(path) => {
            let records = replay(path, SeedDefaults::default())?;
            let publishing = Publishing {
                args: &args,
                limits: &limits,
                started,
                publisher: &publisher,
            };
            publishing.replay(records, &mut pending, stop).await
        }
        None => {
            let publishing = Publishing {
                args: &args,
                limits: &limits,
                started,
                publisher: &publisher,
            };
            publishing.simulated(&mut pending, stop).await?
        }
    };
    while pending.join_next().await.is_some() {}
    publisher.flush(Duration::from_secs(30))?;
    report(&publisher, &sent, started)
}

/// `/health`, `/ready` and `/metrics` beside the run.
async fn serve_metrics(addr: std::net::SocketAddr, publisher: &Publisher) -> Result<()> {
    let mut registry = Registry::with_prefix("txclass_producer");
    publisher.deliveries.register(&mut registry);
    let routes = probe_routes(registry_page(registry), always_ready(serde_json::json!({})));
    let server = Server::bind(addr, routes)
        .await
        .with_context(|| format!("binding {addr}"))?;
    tracing::info!(%addr, "serving /metrics");
    server.spawn("metrics");
    Ok(())
}

/// One run's settings while it publishes.
#[derive(Clone, Copy)]
struct Publishing<'a> {
    args: &'a RunArgs,
    limits: &'a Limits,
    started: Instant,
    publisher: &'a Publisher,
}

impl Publishing<'_> {
    async fn replay(
        &self,
        mut records: Vec<Outgoing>,
        pending: &mut JoinSet<u64>,
        stop: impl std::future::Future<Output = ()>,
    ) -> Sent {
        let (args, limits) = (self.args, self.limits);
        tokio::pin!(stop);
        records.truncate(usize::try_from(limits.room(0)).unwrap_or(usize::MAX));
        let pace = args.rate.map_or(Pace::Unlimited, Pace::Rate);
        let mut pacer = Pacer::new(pace, args.seed);
        let mut iter = records.into_iter();
        let mut last = Instant::now();
        let mut sent = Sent::default();
        loop {
            let tick = pace.tick();
            if !tick.is_zero() {
                tokio::select! {
                    () = tokio::time::sleep(tick) => {}
                    () = &mut stop => break,
                }
            }
            let n = pacer.next_tick_size(last.elapsed());
            last = Instant::now();
            let batch: Vec<_> = iter.by_ref().take(n).collect();
            if batch.is_empty() {
                break;
            }
            self.send(batch, pending, &mut sent);
            if limits.reached(sent.records, self.started) {
                break;
            }
        }
        sent
    }

    /// Hands a batch to the publisher in the background.
    fn send(&self, batch: Vec<Outgoing>, pending: &mut JoinSet<u64>, sent: &mut Sent) {
        sent.records += batch.len() as u64;
        let p = self.publisher.clone();
        pending.spawn(async move { p.publish_all(batch).await });
    }

    async fn simulated(
        &self,
        pending: &mut JoinSet<u64>,
        stop: impl std::future::Future<Output = ()>,
    ) -> Result<Sent> {
        let (args, limits) = (self.args, self.limits);
        tokio::pin!(stop);
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
        let mut sent = Sent::default();
        while !limits.reached(sent.records, self.started) {
            tokio::select! {
                _ = ticker.tick() => {}
                () = &mut stop => break,
            }
            let n = (pacer.next_tick_size(last.elapsed()) as u64).min(limits.room(sent.records));
            last = Instant::now();
            let mut batch = Vec::with_capacity(n as usize);
            for _ in 0..n {
                batch.push(simulated.next_record()?);
            }
            self.send(batch, pending, &mut sent);
            // Reap finished deliveries so memory stays bounded.
            while pending.try_join_next().is_some() {}
        }
        sent.invalid = simulated.invalid;
        Ok(sent)
    }
}

fn report(publisher: &Publisher, sent: &Sent, started: Instant) -> Result<()> {
    let d = &publisher.deliveries;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "published {} records ({} deliberately invalid) in {seconds:.1} s ({:.0}/s): delivered {}, failed {}",
        sent.records,
        sent.invalid,
        sent.records as f64 / seconds.max(1e-9),
        d.delivered.get(),
        d.failed.get()
    );
    if d.failed.get() > 0 {
        bail!("{} records were not delivered", d.failed.get());
    }
    Ok(())
}
