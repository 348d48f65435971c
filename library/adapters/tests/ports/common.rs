use chrono::Utc;
use txclass_adapters::PostgresStore;
use txclass_adapters::s3::{S3ObjectStore, S3Settings};
use txclass_core::{
    BatchId, Category, ClassifiedRecord, Lineage, Predict, ProcessingType, RawTransaction, RunId,
    SourceRef, Transaction,
};

pub(crate) use txclass_adapters::testing::{brokers, env, unique};

/// A fresh database with the migrations applied.
pub(crate) async fn fresh_database() -> PostgresStore {
    txclass_adapters::testing::fresh_database().await.1
}

pub(crate) fn s3() -> S3ObjectStore {
    S3ObjectStore::new(&S3Settings {
        endpoint: Some(env("S3_ENDPOINT", "http://127.0.0.1:9000")),
        region: env("AWS_REGION", "us-east-1"),
        access_key_id: Some(env("AWS_ACCESS_KEY_ID", "txclass")),
        secret_access_key: Some(env("AWS_SECRET_ACCESS_KEY", "txclass-secret").into()),
    })
}

pub(crate) fn transaction(id: &str, amount: &str) -> Transaction {
    Transaction::try_from(RawTransaction {
        transaction_id: Some(id.into()),
        timestamp: Some("2024-06-01T08:15:00Z".into()),
        account_id: Some("acc-1".into()),
        amount: Some(amount.into()),
        currency: Some("USD".into()),
        merchant: Some("Blue Bottle".into()),
        description: Some("SQ *BLUE BOTTLE COFFEE OAKLAND CA".into()),
        mcc: Some("0780".into()),
        attributes: Default::default(),
    })
    .expect("valid transaction")
}

pub(crate) fn classified(id: &str, category: Category, offset: i64) -> ClassifiedRecord {
    ClassifiedRecord {
        transaction: transaction(id, "-1234567.89"),
        prediction: Predict {
            transaction_id: id.into(),
            category,
            confidence: 0.875,
            model_version: "m-1".into(),
        },
        source: SourceRef::Topic {
            topic: "transactions".into(),
            partition: 1,
            offset,
        },
    }
}

pub(crate) fn lineage(run: &str) -> Lineage {
    Lineage {
        processing_type: ProcessingType::Streaming,
        run_id: RunId::new(run),
        batch_id: BatchId::new(format!("{run}-b1")),
    }
}

pub(crate) fn now() -> chrono::DateTime<Utc> {
    Utc::now()
}
