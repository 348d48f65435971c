//! The settings of `txclass-consumer`.

use std::net::SocketAddr;

use clap::Parser;
use txclass_adapters::{DatabaseArgs, KafkaArgs, MlApiArgs, TopicArgs};
use txclass_service::retry::RetryArgs;

#[derive(Parser, Debug)]
#[command(
    name = "txclass-consumer",
    version,
    about = "Buffered Kafka consumer: validate, classify, persist, dead-letter, then commit"
)]
pub struct ConsumerArgs {
    /// Print every metric the consumer exposes (OpenMetrics text) and exit.
    #[arg(long, hide = true)]
    pub print_metrics: bool,
    #[command(flatten)]
    pub topic: TopicArgs,
    /// Consumer group; add consumers to the group to scale out.
    #[arg(
        long = "kafka-group-id",
        alias = "group-id",
        env = "KAFKA_GROUP_ID",
        default_value = "txclass-consumer"
    )]
    pub group_id: String,
    /// Flush when this many records are buffered…
    #[arg(long, env = "CONSUMER_BUFFER_RECORDS", default_value_t = 5_000)]
    pub buffer_records: usize,
    /// …or when the buffered messages weigh this many bytes…
    #[arg(long, env = "CONSUMER_BUFFER_BYTES", default_value_t = 64 * 1024 * 1024)]
    pub buffer_bytes: usize,
    /// …or when the oldest buffered record has waited this many milliseconds.
    #[arg(long, env = "CONSUMER_BUFFER_MS", default_value_t = 500)]
    pub buffer_ms: u64,
    /// Longest wait between retries of a held buffer while a dependency is down.
    #[arg(long, default_value_t = 30_000)]
    pub outage_backoff_max_ms: u64,
    /// Static group membership (KIP-345): a consumer restarted with the same
    /// id takes its partitions back at once, without waiting for the group to
    /// notice the old process is gone. Set one per replica (e.g. the pod name).
    #[arg(
        long = "kafka-group-instance-id",
        alias = "group-instance-id",
        env = "KAFKA_GROUP_INSTANCE_ID"
    )]
    pub group_instance_id: Option<String>,
    /// Longest time between polls before the group considers this consumer
    /// dead (also bounds how long a rebalance waits for departed members).
    #[arg(
        long = "kafka-max-poll-interval-ms",
        alias = "max-poll-interval-ms",
        env = "KAFKA_MAX_POLL_INTERVAL_MS",
        default_value_t = 300_000
    )]
    pub max_poll_interval_ms: u64,
    /// Longest time the broker may hold a fetch waiting for data; bounds the
    /// read latency a quiet topic adds.
    #[arg(
        long = "kafka-fetch-wait-max-ms",
        alias = "fetch-wait-max-ms",
        env = "KAFKA_FETCH_WAIT_MAX_MS",
        default_value_t = 100
    )]
    pub fetch_wait_max_ms: u64,
    /// Bytes asked per partition and fetch (Kafka's default). A larger
    /// first record still comes whole: brokers return it regardless.
    #[arg(
        long = "kafka-max-partition-fetch-bytes",
        alias = "max-partition-fetch-bytes",
        env = "KAFKA_MAX_PARTITION_FETCH_BYTES",
        default_value_t = 1024 * 1024
    )]
    pub max_partition_fetch_bytes: usize,
    /// Health, readiness and metrics.
    #[arg(long, env = "CONSUMER_ADDR", default_value = "127.0.0.1:9101")]
    pub addr: SocketAddr,
    /// Session id recorded as run_id; generated when absent.
    #[arg(long, env = "TXCLASS_RUN_ID")]
    pub run_id: Option<String>,
    #[command(flatten)]
    pub kafka: KafkaArgs,
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(flatten)]
    pub ml_api: MlApiArgs,
    #[command(flatten)]
    pub retry: RetryArgs,
}
