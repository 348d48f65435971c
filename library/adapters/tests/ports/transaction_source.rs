//! The `TransactionSource` contract, for the in-memory source and the CSV
//! source over S3.

use std::sync::Arc;

use txclass_core::csv::write_transactions;
use txclass_core::memory::InMemorySource;
use txclass_core::source::{CsvObjectSource, CsvOptions};
use txclass_core::{ObjectStore, SourceRecord, SourceRef, Transaction, TransactionSource};

use crate::common::{env, s3, transaction, unique};

/// Makes a source delivering these transactions in chunks of `chunk_size`.
enum Kind {
    Memory,
    S3,
}

async fn source(
    kind: &Kind,
    input: &[Transaction],
    chunk_size: usize,
) -> Box<dyn TransactionSource> {
    match kind {
        Kind::Memory => {
            let records = input.iter().enumerate().map(|(i, tx)| SourceRecord {
                payload: tx.transaction_id().as_bytes().to_vec(),
                source: SourceRef::Topic {
                    topic: "t".into(),
                    partition: 0,
                    offset: i as i64,
                },
                parsed: Ok(raw(tx)),
            });
            Box::new(InMemorySource::new(records, chunk_size))
        }
        Kind::S3 => {
            let store = s3();
            let bucket = env("S3_BUCKET", "txclass");
            store.ensure_bucket(&bucket).await.expect("bucket");
            let key = format!("{}/in.csv", unique("src"));
            let body = write_transactions(input).expect("csv");
            store.put(&bucket, &key, body).await.expect("put");
            let store: Arc<dyn ObjectStore> = Arc::new(store);
            let source =
                CsvObjectSource::open(store, &bucket, &key, chunk_size, &CsvOptions::default())
                    .await
                    .expect("open");
            Box::new(source)
        }
    }
}

fn raw(tx: &Transaction) -> txclass_core::RawTransaction {
    txclass_core::RawTransaction {
        transaction_id: Some(tx.transaction_id().to_owned()),
        timestamp: Some(tx.timestamp().to_rfc3339()),
        account_id: Some(tx.account_id().to_owned()),
        amount: Some(tx.amount().to_string()),
        currency: Some(tx.currency().to_owned()),
        merchant: tx.merchant().map(str::to_owned),
        description: Some(tx.description().to_owned()),
        mcc: tx.mcc().map(str::to_owned),
        attributes: tx.attributes().clone(),
    }
}

async fn drain(source: &mut dyn TransactionSource) -> Vec<Vec<SourceRecord>> {
    let mut chunks = Vec::new();
    while let Some(chunk) = source.next_chunk().await.expect("chunk") {
        chunks.push(chunk);
    }
    chunks
}

async fn records_come_in_order_in_chunks_of_at_most_the_chunk_size(kind: Kind) {
    let input: Vec<Transaction> = (0..25)
        .map(|i| transaction(&format!("s{i}"), "-1.25"))
        .collect();
    let mut source = source(&kind, &input, 10).await;
    let chunks = drain(&mut *source).await;
    let sizes: Vec<usize> = chunks.iter().map(Vec::len).collect();
    assert_eq!(sizes, [10, 10, 5]);
    let read: Vec<Transaction> = chunks
        .into_iter()
        .flatten()
        .map(|r| Transaction::try_from(r.parsed.expect("parsed")).expect("valid"))
        .collect();
    assert_eq!(read, input);
}

async fn every_record_names_a_distinct_source(kind: Kind) {
    let input: Vec<Transaction> = (0..5)
        .map(|i| transaction(&format!("d{i}"), "-2.00"))
        .collect();
    let mut source = source(&kind, &input, 2).await;
    let sources: Vec<String> = drain(&mut *source)
        .await
        .into_iter()
        .flatten()
        .map(|r| {
            assert!(!r.payload.is_empty());
            r.source.to_string()
        })
        .collect();
    let distinct: std::collections::BTreeSet<&String> = sources.iter().collect();
    assert_eq!(distinct.len(), input.len(), "{sources:?}");
}

async fn an_exhausted_source_stays_exhausted(kind: Kind) {
    let mut source = source(&kind, &[], 10).await;
    assert!(source.next_chunk().await.expect("read").is_none());
    assert!(source.next_chunk().await.expect("read").is_none());
}

macro_rules! suite {
    ($($name:ident),* $(,)?) => {
        mod in_memory {
            $(#[tokio::test] async fn $name() { super::$name(super::Kind::Memory).await; })*
        }
        mod csv_over_s3 {
            $(#[tokio::test] async fn $name() { super::$name(super::Kind::S3).await; })*
        }
    };
}

suite!(
    records_come_in_order_in_chunks_of_at_most_the_chunk_size,
    every_record_names_a_distinct_source,
    an_exhausted_source_stays_exhausted,
);
