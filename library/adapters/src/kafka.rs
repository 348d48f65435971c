//! Kafka: the [`DeadLetterQueue`] port on an idempotent producer, and the
//! producer/consumer settings every txclass program shares.

use std::time::Duration;

use async_trait::async_trait;
use clap::Args;
use futures::future::join_all;
use rdkafka::ClientConfig;
use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use rdkafka::util::Timeout;
use txclass_core::{DeadLetter, DeadLetterQueue, PortError, RetryHint, SourceRef};

/// The brokers and the dead-letter topic, as every program takes them.
#[derive(Args, Clone, Debug)]
pub struct KafkaArgs {
    /// Kafka bootstrap servers.
    #[arg(long, env = "KAFKA_BROKERS", default_value = "127.0.0.1:9092")]
    pub kafka_brokers: String,
    /// Dead-letter topic.
    #[arg(
        long = "kafka-dlq-topic",
        alias = "dlq-topic",
        env = "KAFKA_DLQ_TOPIC",
        default_value = "failed-transactions"
    )]
    pub dlq_topic: String,
}

/// The topic of live transactions, as the producer and the consumer take it.
#[derive(Args, Clone, Debug)]
pub struct TopicArgs {
    /// Topic of live transactions.
    #[arg(
        long = "kafka-topic",
        alias = "topic",
        env = "KAFKA_TOPIC",
        default_value = "transactions"
    )]
    pub topic: String,
}

/// Largest message the producers accept (a poison record may be large).
pub const MAX_MESSAGE_BYTES: usize = 16 * 1024 * 1024;

/// Largest payload a dead letter carries whole. Brokers and consumers cap
/// fetches around 5 MiB by default, so a bigger poison record is kept as
/// its first 4 MiB, with headers `payload.truncated=true` and
/// `payload.bytes=<original size>`, rather than jam the dead-letter topic.
pub const MAX_DEAD_LETTER_PAYLOAD: usize = 4 * 1024 * 1024;

/// Producer settings for durable, ordered, duplicate-free delivery.
pub fn producer_config(brokers: &str) -> ClientConfig {
    let mut config = ClientConfig::new();
    config
        .set("bootstrap.servers", brokers)
        .set("enable.idempotence", "true")
        .set("acks", "all")
        .set("max.in.flight.requests.per.connection", "5")
        .set("message.timeout.ms", "30000")
        .set("message.max.bytes", MAX_MESSAGE_BYTES.to_string())
        .set("linger.ms", "5");
    config
}

/// Maps a Kafka client error to a retry hint.
pub fn classify_error(what: &str, e: KafkaError) -> PortError {
    let code = e.rdkafka_error_code();
    let hint = match code {
        Some(
            RDKafkaErrorCode::MessageSizeTooLarge
            | RDKafkaErrorCode::InvalidMessage
            | RDKafkaErrorCode::InvalidRecord
            | RDKafkaErrorCode::InvalidMessageSize,
        ) => RetryHint::Permanent,
        Some(
            RDKafkaErrorCode::TopicAuthorizationFailed
            | RDKafkaErrorCode::ClusterAuthorizationFailed
            | RDKafkaErrorCode::SaslAuthenticationFailed
            | RDKafkaErrorCode::InvalidConfig,
        ) => RetryHint::Fatal,
        _ => match e {
            KafkaError::ClientConfig(..) | KafkaError::ClientCreation(_) => RetryHint::Fatal,
            _ => RetryHint::Transient,
        },
    };
    PortError::new(hint, format!("{what}: {e}")).with_source(e)
}

/// Sends dead letters to a topic, with the DESIGN.md headers.
pub struct KafkaDeadLetterQueue {
    producer: FutureProducer,
    topic: String,
}

impl std::fmt::Debug for KafkaDeadLetterQueue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KafkaDeadLetterQueue")
            .field("topic", &self.topic)
            .finish_non_exhaustive()
    }
}

impl KafkaDeadLetterQueue {
    pub fn new(brokers: &str, topic: &str) -> Result<Self, PortError> {
        let producer: FutureProducer = producer_config(brokers)
            .create()
            .map_err(|e| classify_error("creating the dead-letter producer", e))?;
        Ok(Self {
            producer,
            topic: topic.to_owned(),
        })
    }

    pub fn topic(&self) -> &str {
        &self.topic
    }

    /// Waits until every queued letter is delivered.
    pub fn flush(&self, timeout: Duration) -> Result<(), PortError> {
        self.producer
            .flush(Timeout::After(timeout))
            .map_err(|e| classify_error("flushing the dead-letter producer", e))
    }
}

/// The DESIGN.md headers of one dead letter.
pub fn dead_letter_headers(letter: &DeadLetter) -> Vec<(&'static str, String)> {
    let mut headers = vec![
        ("error.stage", letter.stage.as_str().to_owned()),
        ("error.code", letter.reason.code.to_string()),
        ("error.reason", letter.reason.detail.clone()),
        ("error.retries", letter.retries.to_string()),
    ];
    match &letter.source {
        SourceRef::Topic {
            topic,
            partition,
            offset,
        } => {
            headers.push(("source.topic", topic.clone()));
            headers.push(("source.partition", partition.to_string()));
            headers.push(("source.offset", offset.to_string()));
        }
        SourceRef::Object { line, .. } => {
            headers.push(("source.object", letter.source.lineage()));
            headers.push(("source.line", line.to_string()));
        }
    }
    headers.push(("run_id", letter.run_id.to_string()));
    if let Some(id) = &letter.transaction_id {
        headers.push(("transaction_id", id.clone()));
    }
    if letter.payload.len() > MAX_DEAD_LETTER_PAYLOAD {
        headers.push(("payload.truncated", "true".to_owned()));
        headers.push(("payload.bytes", letter.payload.len().to_string()));
    }
    headers
}

#[async_trait]
impl DeadLetterQueue for KafkaDeadLetterQueue {
    async fn send(&self, letters: &[DeadLetter]) -> Result<(), PortError> {
        let deliveries = letters.iter().map(|letter| {
            let headers = dead_letter_headers(letter).into_iter().fold(
                OwnedHeaders::new(),
                |h, (key, value)| {
                    h.insert(Header {
                        key,
                        value: Some(value.as_bytes()),
                    })
                },
            );
            let key = letter
                .transaction_id
                .clone()
                .unwrap_or_else(|| letter.source.lineage());
            async move {
                let payload = &letter.payload[..letter.payload.len().min(MAX_DEAD_LETTER_PAYLOAD)];
                let record = FutureRecord::to(&self.topic)
                    .payload(payload)
                    .key(&key)
                    .headers(headers);
                self.producer
                    .send(record, Timeout::After(Duration::from_secs(30)))
                    .await
                    .map_err(|(e, _)| classify_error("sending a dead letter", e))
            }
        });
        for result in join_all(deliveries).await {
            result?;
        }
        Ok(())
    }
}

/// Creates topics that do not exist yet (existing ones are left as they are).
pub async fn ensure_topics(brokers: &str, topics: &[(&str, i32)]) -> Result<(), PortError> {
    let admin: AdminClient<DefaultClientContext> = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .create()
        .map_err(|e| classify_error("creating the Kafka admin client", e))?;
    let new_topics: Vec<NewTopic<'_>> = topics
        .iter()
        .map(|(name, partitions)| NewTopic::new(name, *partitions, TopicReplication::Fixed(1)))
        .collect();
    let options = AdminOptions::new().operation_timeout(Some(Duration::from_secs(30)));
    let results = admin
        .create_topics(&new_topics, &options)
        .await
        .map_err(|e| classify_error("creating topics", e))?;
    for result in results {
        match result {
            Ok(_) | Err((_, RDKafkaErrorCode::TopicAlreadyExists)) => {}
            Err((topic, code)) => {
                return Err(PortError::transient(format!(
                    "creating topic {topic}: {code}"
                )));
            }
        }
    }
    Ok(())
}
