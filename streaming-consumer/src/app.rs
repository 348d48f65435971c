//! The consumer wired to its services: PostgreSQL, the dead-letter topic,
//! the ML API, the Kafka group and the probe server.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use rdkafka::ClientConfig;
use rdkafka::consumer::{Consumer, StreamConsumer};
use tokio::sync::watch;
use tracing::Instrument as _;
use txclass_adapters::MlApiClient;
use txclass_adapters::kafka::MAX_MESSAGE_BYTES;
use txclass_core::{Orchestrator, RunId, RunStatus};
use txclass_service::http::{Readiness, Server, probe_routes};

use crate::cli::ConsumerArgs;
use crate::consumer::{self, ConsumerState, Settings, Shared};

/// The consumer connected, subscribed and with its probe port bound.
pub struct App {
    consumer: Arc<StreamConsumer<ConsumerState>>,
    shared: Arc<Shared>,
    settings: Settings,
    session: RunId,
    probes: Server,
    ready: watch::Sender<Readiness>,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("session", &self.session)
            .field("settings", &self.settings)
            .field("probes", &self.probes)
            .finish_non_exhaustive()
    }
}

impl App {
    /// Connects to every service and binds the probe address.
    pub async fn build(args: &ConsumerArgs) -> Result<Self> {
        let session = args.run_id.clone().map_or_else(RunId::generate, RunId::new);
        tracing::info!(run_id = %session, config = ?args, "txclass-consumer starting");
        let orchestrator = connect(args).await?;
        let shared = Arc::new(Shared::new(orchestrator, session.clone()));
        shared
            .run()
            .start()
            .await
            .context("recording the session in runs")?;
        let consumer = Arc::new(kafka_consumer(args, &shared)?);
        let (ready, ready_rx) = watch::channel(Readiness::Starting);
        let page = {
            let shared = shared.clone();
            Arc::new(move || shared.metrics.encode())
        };
        let probes = Server::bind(args.addr, probe_routes(page, ready_rx))
            .await
            .with_context(|| format!("binding {}", args.addr))?;
        Ok(Self {
            consumer,
            shared,
            settings: Settings {
                buffer_records: args.buffer_records.max(1),
                buffer_bytes: args.buffer_bytes.max(1),
                buffer_window: Duration::from_millis(args.buffer_ms),
                outage_backoff_max: Duration::from_millis(args.outage_backoff_max_ms.max(100)),
            },
            session,
            probes,
            ready,
        })
    }

    /// The probe address bound.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.probes.local_addr()
    }

    /// Consumes until `stop` resolves, then flushes, commits and records the
    /// session's `runs` row.
    pub async fn run_until_stopped(
        self,
        stop: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> Result<()> {
        self.probes.spawn("probes");
        self.ready
            .send_replace(Readiness::Ready(serde_json::json!({})));
        let session = self.session.clone();
        // Every log line of the session carries its run id.
        let result = consumer::run(
            self.consumer.clone(),
            self.shared.clone(),
            self.settings.clone(),
            stop,
        )
        .instrument(tracing::info_span!("session", run_id = %session))
        .await;
        let totals = self.shared.run().totals().await;
        let (status, message) = match &result {
            Ok(()) => (RunStatus::Succeeded, None),
            Err(e) => (RunStatus::Failed, Some(format!("{e:#}"))),
        };
        let recorded = self.shared.run().finish(status, message).await;
        self.consumer.unsubscribe();
        tracing::info!(
            received = totals.received,
            written = totals.written,
            dead_lettered = totals.dead_lettered,
            "txclass-consumer stopped"
        );
        result?;
        recorded.context("recording the end of the session in runs")
    }
}

async fn connect(args: &ConsumerArgs) -> Result<Orchestrator> {
    let store = args
        .database
        .connect_and_migrate()
        .await
        .context("connecting to PostgreSQL")?;
    let dead_letters = args.kafka.dead_letter_queue()?;
    let classifier = MlApiClient::new(&args.ml_api.settings())?;
    Ok(Orchestrator::new(
        Arc::new(classifier),
        Arc::new(store),
        Arc::new(dead_letters),
        args.retry.policy(),
    ))
}

fn kafka_consumer(
    args: &ConsumerArgs,
    shared: &Arc<Shared>,
) -> Result<StreamConsumer<ConsumerState>> {
    let mut config = ClientConfig::new();
    if let Some(id) = args
        .group_instance_id
        .as_deref()
        .filter(|id| !id.is_empty())
    {
        config.set("group.instance.id", id);
    }
    let consumer: StreamConsumer<ConsumerState> = config
        .set("bootstrap.servers", &args.kafka.kafka_brokers)
        .set("group.id", &args.group_id)
        .set("enable.auto.commit", "false")
        .set("enable.auto.offset.store", "false")
        .set("auto.offset.reset", "earliest")
        .set("session.timeout.ms", "10000")
        .set("fetch.wait.max.ms", args.fetch_wait_max_ms.to_string())
        .set(
            "max.poll.interval.ms",
            args.max_poll_interval_ms.max(10_000).to_string(),
        )
        .set(
            "max.partition.fetch.bytes",
            args.max_partition_fetch_bytes.max(1).to_string(),
        )
        .set("fetch.max.bytes", (4 * MAX_MESSAGE_BYTES).to_string())
        // Bounded prefetch: memory stays flat when processing is slow.
        .set("queued.max.messages.kbytes", "32768")
        // Statistics feed the lag gauges (see `ConsumerState::stats`).
        .set("statistics.interval.ms", "5000")
        .create_with_context(shared.context())
        .context("creating the Kafka consumer")?;
    consumer
        .subscribe(&[&args.topic.topic])
        .context("subscribing")?;
    Ok(consumer)
}
