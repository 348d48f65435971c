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
    /// Largest dead letter (key, headers and payload), in bytes: at most the
    /// broker's `message.max.bytes`. Bigger letters are cut to fit and say so.
    #[arg(long, env = "KAFKA_DLQ_MAX_LETTER_BYTES", default_value_t = DEFAULT_MAX_LETTER_BYTES)]
    pub kafka_dlq_max_letter_bytes: usize,
}

impl KafkaArgs {
    /// The dead-letter queue these arguments describe.
    pub fn dead_letter_queue(&self) -> Result<KafkaDeadLetterQueue, PortError> {
        Ok(
            KafkaDeadLetterQueue::new(&self.kafka_brokers, &self.dlq_topic)?
                .with_max_letter_bytes(self.kafka_dlq_max_letter_bytes),
        )
    }
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

/// Largest dead letter sent, by default: Kafka's default broker limit
/// (`message.max.bytes`, 1 MiB). Key, headers and payload are cut to fit
/// (see [`encode_letter`]).
pub const DEFAULT_MAX_LETTER_BYTES: usize = 1024 * 1024;

/// What a record costs beyond its key, header and value bytes (batch and
/// record framing, header names), kept free within the limit.
const RECORD_OVERHEAD: usize = 1024;
/// Longest key: the claimed transaction id may be anything.
const MAX_KEY_BYTES: usize = 256;
/// Longest header value (`error.reason` and the ids included).
const MAX_HEADER_BYTES: usize = 1024;

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
        Some(code) if is_fatal(code) => RetryHint::Fatal,
        _ => match e {
            KafkaError::ClientConfig(..) | KafkaError::ClientCreation(_) => RetryHint::Fatal,
            _ => RetryHint::Transient,
        },
    };
    PortError::new(hint, format!("{what}: {e}")).with_source(e)
}

/// Errors no retry can cure: authorization, configuration, and the fatal
/// state of an idempotent producer (librdkafka's `_FATAL`: the producer is
/// dead and every later send fails), which must end the process so its
/// orchestrator starts a fresh one.
pub fn is_fatal(code: RDKafkaErrorCode) -> bool {
    matches!(
        code,
        RDKafkaErrorCode::Fatal
            | RDKafkaErrorCode::TopicAuthorizationFailed
            | RDKafkaErrorCode::GroupAuthorizationFailed
            | RDKafkaErrorCode::ClusterAuthorizationFailed
            | RDKafkaErrorCode::SaslAuthenticationFailed
            | RDKafkaErrorCode::Authentication
            | RDKafkaErrorCode::InvalidConfig
    )
}

/// Sends dead letters to a topic, with the DESIGN.md headers.
pub struct KafkaDeadLetterQueue {
    producer: FutureProducer,
    topic: String,
    max_letter_bytes: usize,
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
            max_letter_bytes: DEFAULT_MAX_LETTER_BYTES,
        })
    }

    /// Cuts every letter to at most `bytes` (key, headers and payload).
    pub fn with_max_letter_bytes(mut self, bytes: usize) -> Self {
        self.max_letter_bytes = bytes;
        self
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

/// A dead letter as it goes on the topic: key, headers and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodedLetter {
    pub key: String,
    pub headers: Vec<(&'static str, String)>,
    pub payload: Vec<u8>,
}

impl EncodedLetter {
    /// Bytes of key, header values and payload.
    pub fn size(&self) -> usize {
        self.key.len()
            + self
                .headers
                .iter()
                .map(|(k, v)| k.len() + v.len())
                .sum::<usize>()
            + self.payload.len()
    }
}

/// A letter with the DESIGN.md headers, cut to fit in `max_bytes`. Cuts
/// are deterministic and marked: a key or header value over its bound keeps
/// its start and a digest of the whole (`headers.truncated=true`); a payload
/// over what is left keeps its start, with `payload.truncated=true`,
/// `payload.bytes` (the original size) and `payload.sha256` (of the
/// original).
pub fn encode_letter(letter: &DeadLetter, max_bytes: usize) -> EncodedLetter {
    let mut cut = false;
    let key = bounded(
        letter
            .transaction_id
            .clone()
            .unwrap_or_else(|| letter.source.lineage()),
        MAX_KEY_BYTES,
        &mut cut,
    );
    let mut headers: Vec<(&'static str, String)> = dead_letter_headers(letter)
        .into_iter()
        .map(|(name, value)| (name, bounded(value, MAX_HEADER_BYTES, &mut cut)))
        .collect();
    if cut {
        headers.push(("headers.truncated", "true".to_owned()));
    }
    let used = key.len()
        + headers
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum::<usize>()
        + RECORD_OVERHEAD
        + 200; // the payload headers below
    let room = max_bytes.saturating_sub(used);
    let payload = if letter.payload.len() <= room {
        letter.payload.clone()
    } else {
        headers.push(("payload.truncated", "true".to_owned()));
        headers.push(("payload.bytes", letter.payload.len().to_string()));
        headers.push(("payload.sha256", sha256_hex(&letter.payload)));
        letter.payload[..room].to_vec()
    };
    EncodedLetter {
        key,
        headers,
        payload,
    }
}

/// `value` whole when it fits in `max` bytes, else its start (on a char
/// boundary) and a digest of the whole, so equal values stay equal.
fn bounded(value: String, max: usize, cut: &mut bool) -> String {
    if value.len() <= max {
        return value;
    }
    *cut = true;
    let digest = &sha256_hex(value.as_bytes())[..16];
    let mut end = max.saturating_sub(digest.len() + 4);
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…#{digest}", &value[..end])
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The DESIGN.md headers of one dead letter, uncut.
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
    headers
}

impl KafkaDeadLetterQueue {
    async fn send_one(&self, letter: &EncodedLetter) -> Result<(), PortError> {
        let headers = letter
            .headers
            .iter()
            .fold(OwnedHeaders::new(), |h, (key, value)| {
                h.insert(Header {
                    key,
                    value: Some(value.as_bytes()),
                })
            });
        let record = FutureRecord::to(&self.topic)
            .payload(&letter.payload)
            .key(&letter.key)
            .headers(headers);
        self.producer
            .send(record, Timeout::After(Duration::from_secs(30)))
            .await
            .map(|_| ())
            .map_err(|(e, _)| classify_error("sending a dead letter", e))
    }

    /// Sends a letter; when the broker refuses it as it is (a limit lower
    /// than the one configured), sends it without its payload, so no letter
    /// ever halts a partition.
    async fn deliver(&self, letter: &DeadLetter) -> Result<(), PortError> {
        let encoded = encode_letter(letter, self.max_letter_bytes);
        match self.send_one(&encoded).await {
            Err(e) if e.hint == RetryHint::Permanent => {
                tracing::warn!(error = %e, bytes = encoded.size(), "dead letter refused by the broker; sending it without its payload");
                let mut stub = encode_letter(letter, 0);
                stub.headers.push(("payload.dropped", "true".to_owned()));
                self.send_one(&stub).await
            }
            other => other,
        }
    }
}

#[async_trait]
impl DeadLetterQueue for KafkaDeadLetterQueue {
    async fn send(&self, letters: &[DeadLetter]) -> Result<(), PortError> {
        for result in join_all(letters.iter().map(|l| self.deliver(l))).await {
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

#[cfg(test)]
mod tests {
    use txclass_core::{Reason, ReasonCode, RunId, Stage};

    use super::*;

    fn letter(payload: Vec<u8>, transaction_id: Option<String>) -> DeadLetter {
        DeadLetter {
            payload,
            stage: Stage::Validate,
            reason: Reason::new(ReasonCode::RecordInvalid, "x".repeat(5_000)),
            retries: 0,
            source: SourceRef::Topic {
                topic: "transactions".into(),
                partition: 0,
                offset: 7,
            },
            run_id: RunId::new("r"),
            transaction_id,
        }
    }

    #[test]
    fn a_letter_of_a_huge_id_and_payload_fits_the_broker_limit_and_says_what_was_cut() {
        let poison = letter(vec![b'p'; 4_500_000], Some("i".repeat(600_000)));
        let encoded = encode_letter(&poison, DEFAULT_MAX_LETTER_BYTES);
        assert!(encoded.size() + RECORD_OVERHEAD <= DEFAULT_MAX_LETTER_BYTES);
        assert!(encoded.key.len() <= MAX_KEY_BYTES);
        let header = |name: &str| {
            encoded
                .headers
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(header("payload.truncated"), Some("true"));
        assert_eq!(header("payload.bytes"), Some("4500000"));
        assert_eq!(header("payload.sha256").map(str::len), Some(64));
        assert_eq!(header("headers.truncated"), Some("true"));
        assert!(header("error.reason").is_some_and(|r| r.len() <= MAX_HEADER_BYTES));
        assert!(poison.payload.starts_with(&encoded.payload));
        assert_eq!(encoded, encode_letter(&poison, DEFAULT_MAX_LETTER_BYTES));
    }

    #[test]
    fn a_small_letter_goes_whole() {
        let mut small = letter(b"{}".to_vec(), Some("t1".into()));
        small.reason.detail = "amount: must not be zero".into();
        let encoded = encode_letter(&small, DEFAULT_MAX_LETTER_BYTES);
        assert_eq!(encoded.key, "t1");
        assert_eq!(encoded.payload, b"{}");
        assert_eq!(encoded.headers, dead_letter_headers(&small));
    }

    #[test]
    fn equal_long_ids_give_equal_keys_and_different_ones_differ() {
        let a = letter(vec![], Some(format!("{}a", "x".repeat(1_000))));
        let b = letter(vec![], Some(format!("{}b", "x".repeat(1_000))));
        let key = |l: &DeadLetter| encode_letter(l, DEFAULT_MAX_LETTER_BYTES).key;
        assert_eq!(key(&a), key(&a.clone()));
        assert_ne!(key(&a), key(&b));
    }

    #[test]
    fn a_fatal_producer_error_stops_the_pipeline_instead_of_being_retried() {
        let e = KafkaError::MessageProduction(RDKafkaErrorCode::Fatal);
        assert_eq!(classify_error("sending", e).hint, RetryHint::Fatal);
        let e = KafkaError::MessageProduction(RDKafkaErrorCode::BrokerTransportFailure);
        assert_eq!(classify_error("sending", e).hint, RetryHint::Transient);
        let e = KafkaError::MessageProduction(RDKafkaErrorCode::MessageSizeTooLarge);
        assert_eq!(classify_error("sending", e).hint, RetryHint::Permanent);
    }
}
