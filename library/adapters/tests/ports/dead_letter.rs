//! The `DeadLetterQueue` contract, for the in-memory queue and Kafka.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use txclass_adapters::KafkaDeadLetterQueue;
use txclass_adapters::kafka::{DEFAULT_MAX_LETTER_BYTES, encode_letter, ensure_topics};
use txclass_adapters::testing::read_topic;
use txclass_core::memory::InMemoryDeadLetters;
use txclass_core::{DeadLetter, DeadLetterQueue, RunId, SourceRef, Stage};

use crate::common::{brokers, unique};

/// A dead letter as a reader of the topic sees it.
#[derive(Debug, PartialEq)]
struct Received {
    payload: Vec<u8>,
    headers: BTreeMap<String, String>,
}

#[async_trait]
trait Harness: Send + Sync {
    fn queue(&self) -> Arc<dyn DeadLetterQueue>;
    async fn received(&self, expected: usize) -> Vec<Received>;
}

struct Memory(Arc<InMemoryDeadLetters>);

#[async_trait]
impl Harness for Memory {
    fn queue(&self) -> Arc<dyn DeadLetterQueue> {
        self.0.clone()
    }
    async fn received(&self, _expected: usize) -> Vec<Received> {
        // What the topic would carry: the letter as the Kafka queue encodes it.
        self.0
            .letters()
            .iter()
            .map(|l| encode_letter(l, DEFAULT_MAX_LETTER_BYTES))
            .map(|e| Received {
                payload: e.payload,
                headers: e
                    .headers
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect(),
            })
            .collect()
    }
}

struct Kafka {
    queue: Arc<KafkaDeadLetterQueue>,
    topic: String,
}

impl Kafka {
    async fn new() -> Self {
        let topic = unique("dlq");
        ensure_topics(&brokers(), &[(&topic, 1)])
            .await
            .expect("create topic");
        let queue = KafkaDeadLetterQueue::new(&brokers(), &topic).expect("producer");
        Self {
            queue: Arc::new(queue),
            topic,
        }
    }
}

#[async_trait]
impl Harness for Kafka {
    fn queue(&self) -> Arc<dyn DeadLetterQueue> {
        self.queue.clone()
    }
    async fn received(&self, expected: usize) -> Vec<Received> {
        read_topic(
            &self.topic,
            expected,
            Duration::from_secs(30),
            Duration::from_millis(300),
        )
        .await
        .into_iter()
        .map(|r| Received {
            payload: r.payload,
            headers: r.headers,
        })
        .collect()
    }
}

fn letter(payload: &[u8], stage: Stage, source: SourceRef) -> DeadLetter {
    DeadLetter {
        payload: payload.to_vec(),
        stage,
        reason: txclass_core::Reason::new(
            txclass_core::ReasonCode::parse("amount.non_zero").expect("a known code"),
            "amount: must not be zero",
        ),
        retries: 3,
        source,
        run_id: RunId::new("run-7"),
        transaction_id: Some("tx-1".into()),
    }
}

async fn a_letter_carries_its_payload_and_the_design_headers(h: impl Harness) {
    let from_topic = letter(
        b"{\"amount\":0}",
        Stage::Validate,
        SourceRef::Topic {
            topic: "transactions".into(),
            partition: 2,
            offset: 99,
        },
    );
    h.queue().send(&[from_topic]).await.expect("send");
    let got = h.received(1).await;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].payload, b"{\"amount\":0}");
    let headers = &got[0].headers;
    for (key, value) in [
        ("error.stage", "validate"),
        ("error.code", "amount.non_zero"),
        ("error.reason", "amount: must not be zero"),
        ("error.retries", "3"),
        ("source.topic", "transactions"),
        ("source.partition", "2"),
        ("source.offset", "99"),
        ("run_id", "run-7"),
    ] {
        assert_eq!(
            headers.get(key).map(String::as_str),
            Some(value),
            "header {key}"
        );
    }
}

async fn a_letter_from_an_object_names_it(h: impl Harness) {
    let from_object = letter(
        b"t1;x;0",
        Stage::Classify,
        SourceRef::Object {
            bucket: "b".into(),
            key: "in/day.csv".into(),
            line: 4,
        },
    );
    h.queue().send(&[from_object]).await.expect("send");
    let got = h.received(1).await;
    assert_eq!(
        got[0].headers.get("source.object").map(String::as_str),
        Some("s3://b/in/day.csv")
    );
    assert_eq!(
        got[0].headers.get("error.stage").map(String::as_str),
        Some("classify")
    );
    assert!(!got[0].headers.contains_key("source.offset"));
}

async fn every_letter_of_a_batch_arrives_in_order(h: impl Harness) {
    let letters: Vec<_> = (0..200)
        .map(|i| {
            letter(
                format!("payload-{i}").as_bytes(),
                Stage::Parse,
                SourceRef::Topic {
                    topic: "transactions".into(),
                    partition: 0,
                    offset: i,
                },
            )
        })
        .collect();
    h.queue().send(&letters).await.expect("send");
    let got = h.received(200).await;
    let payloads: Vec<_> = got
        .iter()
        .map(|r| String::from_utf8_lossy(&r.payload).into_owned())
        .collect();
    let expected: Vec<_> = (0..200).map(|i| format!("payload-{i}")).collect();
    assert_eq!(payloads, expected);
}

async fn a_payload_within_the_letter_limit_is_kept_whole(h: impl Harness) {
    let big = vec![b'x'; 900 * 1024];
    h.queue()
        .send(&[letter(
            &big,
            Stage::Parse,
            SourceRef::Topic {
                topic: "t".into(),
                partition: 0,
                offset: 1,
            },
        )])
        .await
        .expect("send 900 KiB");
    let got = h.received(1).await;
    assert_eq!(got[0].payload.len(), big.len());
    assert!(!got[0].headers.contains_key("payload.truncated"));
}

async fn a_huge_poison_payload_is_truncated_to_fit_and_says_so(h: impl Harness) {
    let huge = vec![b'y'; 6 * 1024 * 1024];
    h.queue()
        .send(&[letter(
            &huge,
            Stage::Parse,
            SourceRef::Topic {
                topic: "t".into(),
                partition: 0,
                offset: 2,
            },
        )])
        .await
        .expect("send 6 MiB");
    let got = h.received(1).await;
    assert!(got[0].payload.len() < DEFAULT_MAX_LETTER_BYTES);
    assert!(huge.starts_with(&got[0].payload));
    assert_eq!(
        got[0].headers.get("payload.truncated").map(String::as_str),
        Some("true")
    );
    assert_eq!(
        got[0].headers.get("payload.bytes").map(String::as_str),
        Some("6291456")
    );
    assert_eq!(
        got[0].headers.get("payload.sha256").map(String::len),
        Some(64)
    );
}

/// An unvalidated transaction id becomes the key and a header: a 600 KB one
/// (anyone can send it through the ingest endpoint) must not make the letter
/// too big for the broker, which would halt the pipeline on that record.
async fn a_letter_with_a_huge_transaction_id_still_fits(h: impl Harness) {
    let mut poison = letter(
        b"{}",
        Stage::Validate,
        SourceRef::Topic {
            topic: "t".into(),
            partition: 0,
            offset: 3,
        },
    );
    poison.transaction_id = Some("i".repeat(600_000));
    h.queue().send(&[poison]).await.expect("send");
    let got = h.received(1).await;
    let headers = &got[0].headers;
    assert!(
        headers["transaction_id"].len() <= 1024,
        "{}",
        headers["transaction_id"].len()
    );
    assert_eq!(
        headers.get("headers.truncated").map(String::as_str),
        Some("true")
    );
    let size: usize = headers
        .iter()
        .map(|(k, v)| k.len() + v.len())
        .sum::<usize>()
        + got[0].payload.len();
    assert!(size < DEFAULT_MAX_LETTER_BYTES);
}

macro_rules! suite {
    ($($name:ident),* $(,)?) => {
        mod in_memory {
            use super::*;
            $(#[tokio::test] async fn $name() { super::$name(Memory(Arc::new(InMemoryDeadLetters::default()))).await; })*
        }
        mod kafka {
            use super::*;
            $(#[tokio::test] async fn $name() { super::$name(Kafka::new().await).await; })*
        }
    };
}

suite!(
    a_letter_carries_its_payload_and_the_design_headers,
    a_letter_from_an_object_names_it,
    every_letter_of_a_batch_arrives_in_order,
    a_payload_within_the_letter_limit_is_kept_whole,
    a_huge_poison_payload_is_truncated_to_fit_and_says_so,
    a_letter_with_a_huge_transaction_id_still_fits,
);
