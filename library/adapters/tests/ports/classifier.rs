//! The `Classifier` contract, for the in-memory classifier and the ML API
//! client against the real service (started as a child process).

use std::str::FromStr;
use std::sync::Arc;

use txclass_adapters::testing::MlApiProcess;
use txclass_adapters::{MlApiClient, MlApiSettings};
use txclass_core::memory::InMemoryClassifier;
use txclass_core::{Category, Classifier, Transaction};

use crate::common::transaction;

struct Harness {
    classifier: Arc<dyn Classifier>,
    // Keeps the service running for the test's length.
    _service: Option<MlApiProcess>,
}

fn memory() -> Harness {
    Harness {
        classifier: Arc::new(InMemoryClassifier::default()),
        _service: None,
    }
}

fn real() -> Harness {
    // A small server maximum, so the client must split a large input.
    let service = MlApiProcess::start(&["--max-batch", "100"]);
    let client = MlApiClient::new(&MlApiSettings {
        url: service.url.clone(),
        max_batch: 100,
        ..MlApiSettings::default()
    })
    .expect("client");
    Harness {
        classifier: Arc::new(client),
        _service: Some(service),
    }
}

fn transactions(n: usize) -> Vec<Transaction> {
    (0..n)
        .map(|i| transaction(&format!("c{i}"), "-4.50"))
        .collect()
}

async fn every_transaction_gets_one_valid_prediction_in_order(h: Harness) {
    let input = transactions(250);
    let answer = h.classifier.classify(&input).await.expect("classified");
    assert!(!answer.model_version.is_empty());
    assert_eq!(answer.predictions.len(), input.len());
    for (tx, p) in input.iter().zip(&answer.predictions) {
        assert_eq!(p.transaction_id.as_deref(), Some(tx.transaction_id()));
        let category = p.category.as_deref().expect("a category");
        assert!(Category::from_str(category).is_ok(), "{category}");
        let confidence = p.confidence.expect("a confidence");
        assert!((0.0..=1.0).contains(&confidence), "{confidence}");
        assert!(p.error.is_none(), "{:?}", p.error);
    }
}

async fn an_empty_input_gets_an_empty_answer(h: Harness) {
    let answer = h.classifier.classify(&[]).await.expect("classified");
    assert!(answer.predictions.is_empty());
}

async fn the_same_input_gets_the_same_answer(h: Harness) {
    let input = transactions(3);
    let first = h.classifier.classify(&input).await.expect("classified");
    let second = h.classifier.classify(&input).await.expect("classified");
    assert_eq!(first, second);
}

macro_rules! suite {
    ($($name:ident),* $(,)?) => {
        mod in_memory {
            $(#[tokio::test] async fn $name() { super::$name(super::memory()).await; })*
        }
        mod ml_api {
            $(#[tokio::test] async fn $name() { super::$name(super::real()).await; })*
        }
    };
}

suite!(
    every_transaction_gets_one_valid_prediction_in_order,
    an_empty_input_gets_an_empty_answer,
    the_same_input_gets_the_same_answer,
);
