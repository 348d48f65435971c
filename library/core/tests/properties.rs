//! Property tests of parsing, validation and the orchestration's counts.

use std::sync::Arc;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use txclass_core::csv::{CsvSchema, Format, SeedDefaults, write_transactions};
use txclass_core::memory::{InMemoryClassifier, InMemoryDeadLetters, InMemoryStore};
use txclass_core::{
    BatchId, Lineage, Orchestrator, ProcessingType, RawTransaction, RetryHint, RetryPolicy, RunId,
    SourceRecord, SourceRef, Transaction,
};

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        any::<char>().prop_filter("printable", |c| !c.is_control()),
        1..=max,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

prop_compose! {
    fn valid_raw()(
        id in "[A-Za-z0-9_-]{1,64}",
        secs in 0i64..4_000_000_000,
        account in text(64),
        cents in (-100_000_000_000i64..=100_000_000_000).prop_filter("non-zero", |c| *c != 0),
        currency in "[A-Z]{3}",
        merchant in proptest::option::of(text(128)),
        description in text(256),
        mcc in proptest::option::of("[0-9]{4}"),
    ) -> RawTransaction {
        let amount = rust_decimal::Decimal::new(cents, 2);
        RawTransaction {
            transaction_id: Some(id),
            timestamp: Some(Utc.timestamp_opt(secs, 0).single().map(|t| t.to_rfc3339()).unwrap_or_default()),
            account_id: Some(account),
            amount: Some(amount.to_string()),
            currency: Some(currency),
            merchant,
            description: Some(description),
            mcc,
            attributes: Default::default(),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_valid_record_round_trips_through_json(raw in valid_raw()) {
        let tx = Transaction::try_from(raw).expect("generated records are valid");
        let json = serde_json::to_string(&tx).expect("serialize");
        let back: Transaction = serde_json::from_str(&json).expect("deserialize");
        prop_assert_eq!(back, tx);
    }

    #[test]
    fn a_valid_record_round_trips_through_csv(raw in valid_raw()) {
        let tx = Transaction::try_from(raw).expect("generated records are valid");
        let bytes = write_transactions([&tx]).expect("write csv");
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_owned).collect();
        let schema = CsvSchema::from_header(&header, Format::Auto, SeedDefaults::default()).expect("schema");
        let row = reader.records().next().expect("one row").expect("parse row");
        let fields: Vec<&str> = row.iter().collect();
        let back = Transaction::try_from(schema.record(&fields)).expect("valid after round trip");
        prop_assert_eq!(back, tx);
    }

    #[test]
    fn arbitrary_json_never_panics_the_parser(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let record = SourceRecord::from_json(bytes, SourceRef::Topic { topic: "t".into(), partition: 0, offset: 0 });
        if let Ok(raw) = record.parsed {
            let _ = Transaction::try_from(raw);
        }
    }

    #[test]
    fn arbitrary_fields_never_panic_validation(
        id in proptest::option::of(".{0,80}"),
        ts in proptest::option::of(".{0,40}"),
        amount in proptest::option::of("[-+0-9.,eE a-z]{0,30}"),
        currency in proptest::option::of(".{0,5}"),
        description in proptest::option::of(".{0,300}"),
        mcc in proptest::option::of(".{0,6}"),
    ) {
        let raw = RawTransaction { transaction_id: id, timestamp: ts, account_id: Some("a".into()), amount, currency, merchant: None, description, mcc, attributes: Default::default() };
        if let Err(e) = Transaction::try_from(raw) {
            prop_assert!(!e.errors.is_empty());
            prop_assert!(e.to_string().contains(':'));
        }
    }

    #[test]
    fn arbitrary_csv_rows_never_panic_the_schema(row in proptest::collection::vec(".{0,20}", 0..12)) {
        let schema = CsvSchema::from_header(&txclass_core::csv::COLUMNS, Format::Auto, SeedDefaults::default()).expect("schema");
        let _ = Transaction::try_from(schema.record(&row));
        let seed = CsvSchema::from_header(&txclass_core::csv::SEED_COLUMNS, Format::Auto, SeedDefaults::default()).expect("seed");
        let _ = Transaction::try_from(seed.record(&row));
    }

    #[test]
    fn the_orchestrations_counts_always_reconcile(
        kinds in proptest::collection::vec(0u8..6, 0..40),
        classifier_faults in proptest::collection::vec(prop_oneof![Just(RetryHint::Transient), Just(RetryHint::Permanent)], 0..3),
    ) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_time().build().expect("runtime");
        runtime.block_on(async {
            let classifier = Arc::new(InMemoryClassifier::default());
            let store = Arc::new(InMemoryStore::default());
            let dead_letters = Arc::new(InMemoryDeadLetters::default());
            classifier.fail_next(classifier_faults);
            let retry = RetryPolicy { initial_delay: Duration::from_millis(1), max_delay: Duration::from_millis(1), max_retries: 5, jitter: false };
            let orchestrator = Orchestrator::new(classifier.clone(), store.clone(), dead_letters.clone(), retry);
            let records: Vec<SourceRecord> = kinds.iter().enumerate().map(|(i, kind)| {
                let id = format!("t{}", i % 7);
                let json = match kind {
                    0 => "{broken".to_owned(),
                    1 => format!(r#"{{"transaction_id":"{id}","amount":"0"}}"#),
                    2 => { classifier.refuse(&id); format!(r#"{{"transaction_id":"{id}","timestamp":"2024-01-01T00:00:00Z","account_id":"a","amount":"1.00","currency":"USD","description":"refused"}}"#) }
                    3 => { classifier.answer_badly(&id); format!(r#"{{"transaction_id":"{id}","timestamp":"2024-01-01T00:00:00Z","account_id":"a","amount":"1.00","currency":"USD","description":"bad answer"}}"#) }
                    4 => { store.refuse(&id); format!(r#"{{"transaction_id":"{id}","timestamp":"2024-01-01T00:00:00Z","account_id":"a","amount":"1.00","currency":"USD","description":"store refuses"}}"#) }
                    _ => format!(r#"{{"transaction_id":"{id}","timestamp":"2024-01-01T00:00:00Z","account_id":"a","amount":"1.00","currency":"USD","description":"COFFEE {i}"}}"#),
                };
                SourceRecord::from_json(json.into_bytes(), SourceRef::Topic { topic: "t".into(), partition: 0, offset: i as i64 })
            }).collect();
            let lineage = Lineage { processing_type: ProcessingType::Batch, run_id: RunId::new("r"), batch_id: BatchId::new("b") };
            let outcome = orchestrator.process_chunk(&lineage, records).await.expect("chunk completes");
            let c = outcome.counts;
            prop_assert!(c.reconciles(), "{:?}", c);
            prop_assert_eq!(c.received as usize, kinds.len());
            prop_assert_eq!(c.dead_lettered as usize, dead_letters.letters().len());
            prop_assert_eq!(c.written - c.deduplicated, store.rows().len() as u64);
            Ok(())
        })?;
    }
}
