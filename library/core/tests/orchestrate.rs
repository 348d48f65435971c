//! The shared orchestration, driven through the in-memory ports.

use std::sync::Arc;
use std::time::Duration;

use txclass_core::memory::{InMemoryClassifier, InMemoryDeadLetters, InMemoryStore};
use txclass_core::{
    BatchId, Lineage, Orchestrator, PipelineError, ProcessingType, RawTransaction, RetryHint,
    RetryPolicy, RunId, SourceRecord, SourceRef, Stage,
};

struct World {
    classifier: Arc<InMemoryClassifier>,
    store: Arc<InMemoryStore>,
    dead_letters: Arc<InMemoryDeadLetters>,
    orchestrator: Orchestrator,
    lineage: Lineage,
}

fn world() -> World {
    let classifier = Arc::new(InMemoryClassifier::default());
    let store = Arc::new(InMemoryStore::default());
    let dead_letters = Arc::new(InMemoryDeadLetters::default());
    let retry = RetryPolicy {
        initial_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(2),
        max_retries: 3,
        jitter: true,
    };
    let orchestrator = Orchestrator::new(
        classifier.clone(),
        store.clone(),
        dead_letters.clone(),
        retry,
    );
    World {
        classifier,
        store,
        dead_letters,
        orchestrator,
        lineage: Lineage {
            processing_type: ProcessingType::Streaming,
            run_id: RunId::new("run-1"),
            batch_id: BatchId::new("batch-1"),
        },
    }
}

fn json_record(offset: i64, json: &str) -> SourceRecord {
    SourceRecord::from_json(
        json.as_bytes().to_vec(),
        SourceRef::Topic {
            topic: "transactions".into(),
            partition: 0,
            offset,
        },
    )
}

fn valid(offset: i64, id: &str, description: &str) -> SourceRecord {
    json_record(
        offset,
        &format!(
            r#"{{"transaction_id":"{id}","timestamp":"2024-05-01T10:00:00Z","account_id":"a1",
               "amount":"-4.50","currency":"USD","description":"{description}"}}"#
        ),
    )
}

#[tokio::test]
async fn valid_records_are_written_and_bad_ones_dead_lettered_with_stage_and_reason() {
    let w = world();
    let records = vec![
        valid(0, "t1", "SQ *BLUE BOTTLE COFFEE"),
        json_record(1, "{not json"),
        json_record(
            2,
            r#"{"transaction_id":"t3","timestamp":"yesterday","account_id":"a","amount":"1","currency":"USD","description":"x"}"#,
        ),
        valid(3, "t4", "UBER *TRIP"),
    ];
    let outcome = w
        .orchestrator
        .process_chunk(&w.lineage, records)
        .await
        .expect("chunk completes");
    let c = outcome.counts;
    assert_eq!((c.received, c.written, c.dead_lettered), (4, 2, 2));
    assert_eq!((c.parse_failed, c.validate_failed), (1, 1));
    assert!(c.reconciles());

    let rows = w.store.rows();
    assert_eq!(rows.keys().collect::<Vec<_>>(), ["t1", "t4"]);
    assert_eq!(
        rows["t1"].record.prediction.category.as_str(),
        "FOOD_AND_DRINK"
    );
    assert_eq!(rows["t4"].record.source.lineage(), "transactions/0/3");

    let letters = w.dead_letters.letters();
    assert_eq!(letters[0].stage, Stage::Parse);
    assert_eq!(letters[0].payload, b"{not json");
    assert_eq!(letters[1].stage, Stage::Validate);
    assert!(
        letters[1].reason.detail.starts_with("timestamp:"),
        "{}",
        letters[1].reason
    );
    assert_eq!(letters[1].transaction_id.as_deref(), Some("t3"));
    assert_eq!(letters[1].run_id.as_str(), "run-1");
    assert_eq!(
        (
            letters[0].reason.code.to_string().as_str(),
            letters[1].reason.code.to_string().as_str()
        ),
        ("invalid_json", "timestamp.datetime")
    );
    // Two written, both coffee-like or ride-like: the category tally adds up.
    assert_eq!(outcome.written_by_category.iter().sum::<u64>(), 2);
    let food = outcome
        .categories()
        .find(|(c, _)| c.as_str() == "FOOD_AND_DRINK")
        .map(|(_, n)| n);
    assert_eq!(food, Some(1));
}

#[tokio::test]
async fn transient_classifier_failures_are_retried_transparently() {
    let w = world();
    w.classifier
        .fail_next([RetryHint::Transient, RetryHint::Transient]);
    let outcome = w
        .orchestrator
        .process_chunk(&w.lineage, vec![valid(0, "t1", "COFFEE")])
        .await
        .expect("retries succeed");
    assert_eq!(outcome.counts.written, 1);
    assert_eq!(outcome.counts.classify_retries, 2);
    assert!(w.dead_letters.letters().is_empty());
}

#[tokio::test]
async fn an_outage_longer_than_the_retry_budget_fails_the_chunk_without_side_effects() {
    let w = world();
    w.classifier.fail_next([RetryHint::Transient; 10]);
    let err = w
        .orchestrator
        .process_chunk(
            &w.lineage,
            vec![valid(0, "t1", "COFFEE"), json_record(1, "bad")],
        )
        .await
        .expect_err("outage");
    assert!(
        matches!(
            err,
            PipelineError::Unavailable {
                stage: Stage::Classify,
                retries: 3,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.is_retryable());
    // Nothing written, nothing dead-lettered: the chunk can be run again whole.
    assert!(w.store.rows().is_empty());
    assert!(w.dead_letters.letters().is_empty());
}

#[tokio::test]
async fn a_fatal_classifier_error_stops_without_dead_lettering_valid_records() {
    let w = world();
    w.classifier.fail_next([RetryHint::Fatal]);
    let err = w
        .orchestrator
        .process_chunk(&w.lineage, vec![valid(0, "t1", "COFFEE")])
        .await
        .expect_err("fatal");
    assert!(!err.is_retryable());
    assert_eq!(w.classifier.calls(), 1, "fatal errors are not retried");
    assert!(w.dead_letters.letters().is_empty());
}

#[tokio::test]
async fn a_refused_record_is_isolated_and_its_neighbours_are_written() {
    let w = world();
    w.classifier.refuse("t3");
    let records = (1..=6)
        .map(|i| valid(i, &format!("t{i}"), "COFFEE"))
        .collect();
    let outcome = w
        .orchestrator
        .process_chunk(&w.lineage, records)
        .await
        .expect("completes");
    assert_eq!(
        (outcome.counts.written, outcome.counts.classify_failed),
        (5, 1)
    );
    let letters = w.dead_letters.letters();
    assert_eq!(letters.len(), 1);
    assert_eq!(
        (letters[0].stage, letters[0].transaction_id.as_deref()),
        (Stage::Classify, Some("t3"))
    );
    assert!(
        letters[0].reason.detail.contains("refused"),
        "{}",
        letters[0].reason
    );
    assert_eq!(letters[0].reason.code, "classifier_refused");
}

#[tokio::test]
async fn a_prediction_that_breaks_the_contract_fails_only_its_record() {
    let w = world();
    w.classifier.answer_badly("t2");
    let records = (1..=3)
        .map(|i| valid(i, &format!("t{i}"), "COFFEE"))
        .collect();
    let outcome = w
        .orchestrator
        .process_chunk(&w.lineage, records)
        .await
        .expect("completes");
    assert_eq!(
        (outcome.counts.written, outcome.counts.classify_failed),
        (2, 1)
    );
    let letter = &w.dead_letters.letters()[0];
    assert!(
        letter.reason.detail.contains("category"),
        "{}",
        letter.reason
    );
    assert_eq!(letter.reason.code, "invalid_prediction");
}

#[tokio::test]
async fn a_record_the_store_refuses_is_dead_lettered_at_persist() {
    let w = world();
    w.store.refuse("t2");
    w.store.fail_next([RetryHint::Transient]);
    let records = (1..=4)
        .map(|i| valid(i, &format!("t{i}"), "COFFEE"))
        .collect();
    let outcome = w
        .orchestrator
        .process_chunk(&w.lineage, records)
        .await
        .expect("completes");
    assert_eq!(
        (outcome.counts.written, outcome.counts.persist_failed),
        (3, 1)
    );
    assert_eq!(outcome.counts.persist_retries, 1);
    assert_eq!(w.dead_letters.letters()[0].stage, Stage::Persist);
    assert_eq!(w.dead_letters.letters()[0].reason.code, "store_refused");
    assert!(!w.store.rows().contains_key("t2"));
}

#[tokio::test]
async fn duplicates_in_a_chunk_collapse_or_are_rejected_when_they_conflict() {
    let w = world();
    let records = vec![
        valid(0, "t1", "COFFEE"),
        valid(1, "t1", "COFFEE"),
        valid(2, "t1", "SOMETHING ELSE"),
    ];
    let outcome = w
        .orchestrator
        .process_chunk(&w.lineage, records)
        .await
        .expect("completes");
    let c = outcome.counts;
    assert_eq!((c.written, c.deduplicated, c.validate_failed), (2, 1, 1));
    assert!(c.reconciles());
    assert_eq!(w.store.rows().len(), 1);
    let letter = &w.dead_letters.letters()[0];
    assert!(
        letter.reason.detail.contains("different content"),
        "{}",
        letter.reason
    );
    assert_eq!(letter.reason.code, "transaction_id.conflict");
    // The exact duplicate counts as written under its original's category.
    assert_eq!(outcome.written_by_category.iter().sum::<u64>(), 2);
}

#[tokio::test]
async fn a_duplicate_of_a_dead_lettered_record_is_dead_lettered_too() {
    let w = world();
    w.classifier.refuse("t1");
    let records = vec![valid(0, "t1", "COFFEE"), valid(1, "t1", "COFFEE")];
    let outcome = w
        .orchestrator
        .process_chunk(&w.lineage, records)
        .await
        .expect("completes");
    assert_eq!(
        (outcome.counts.written, outcome.counts.classify_failed),
        (0, 2)
    );
    assert_eq!(w.dead_letters.letters().len(), 2);
}

#[tokio::test]
async fn writing_the_same_chunk_twice_leaves_one_row_with_the_latest_lineage() {
    let w = world();
    w.orchestrator
        .process_chunk(&w.lineage, vec![valid(0, "t1", "COFFEE")])
        .await
        .expect("first");
    let replay = Lineage {
        run_id: RunId::new("run-2"),
        ..w.lineage.clone()
    };
    w.orchestrator
        .process_chunk(&replay, vec![valid(9, "t1", "COFFEE")])
        .await
        .expect("second");
    let rows = w.store.rows();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows["t1"].lineage.run_id.as_str(), "run-2");
    assert_eq!(rows["t1"].record.source.lineage(), "transactions/0/9");
}

#[tokio::test]
async fn a_dead_letter_queue_outage_fails_the_chunk_as_retryable() {
    let w = world();
    w.dead_letters.fail_next([RetryHint::Transient; 10]);
    let err = w
        .orchestrator
        .process_chunk(&w.lineage, vec![json_record(0, "nope")])
        .await
        .expect_err("dlq down");
    assert!(matches!(err, PipelineError::DeadLetter { .. }));
    assert!(err.is_retryable());
}

#[tokio::test]
async fn an_empty_chunk_is_a_no_op() {
    let w = world();
    let outcome = w
        .orchestrator
        .process_chunk(&w.lineage, vec![])
        .await
        .expect("empty");
    assert_eq!(outcome.counts.received, 0);
    assert_eq!(w.classifier.calls(), 0);
}

#[test]
fn raw_transaction_is_the_kafka_json_shape() {
    let raw: RawTransaction =
        serde_json::from_str(r#"{"transaction_id":"x","amount":1.5}"#).expect("json");
    assert_eq!(raw.amount.as_deref(), Some("1.5"));
}

/// A classifier that refuses every record (a schema change, a proxy's 400)
/// is an outage: the chunk fails as retryable and nothing is dead-lettered.
#[tokio::test]
async fn a_classifier_refusing_every_record_is_an_outage_not_a_stream_of_letters() {
    let w = world();
    let records: Vec<SourceRecord> = (0..20_i64)
        .map(|i| {
            let id = format!("all{i}");
            w.classifier.refuse(&id);
            valid(i, &id, "COFFEE")
        })
        .collect();
    let err = w
        .orchestrator
        .process_chunk(&w.lineage, records)
        .await
        .expect_err("held");
    assert!(err.is_retryable(), "{err}");
    assert!(err.to_string().contains("refused 20 of 20"), "{err}");
    assert!(w.dead_letters.letters().is_empty());
    assert!(w.store.rows().is_empty());
}

/// A few refused records in a chunk stay what they are: letters.
#[tokio::test]
async fn a_few_refused_records_among_many_are_still_dead_lettered() {
    let w = world();
    let records: Vec<SourceRecord> = (0..20_i64)
        .map(|i| {
            let id = format!("few{i}");
            if i < 3 {
                w.classifier.refuse(&id);
            }
            valid(i, &id, "COFFEE")
        })
        .collect();
    let outcome = w
        .orchestrator
        .process_chunk(&w.lineage, records)
        .await
        .expect("completes");
    assert_eq!(outcome.counts.classify_failed, 3);
    assert_eq!(outcome.counts.written, 17);
}
