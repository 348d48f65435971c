//! HTTP ingest: `POST /v1/transactions` takes a JSON array or NDJSON,
//! checks shape and size, publishes to Kafka and answers 202 only after the
//! broker acknowledged every record. Content is validated downstream by the
//! consumer, which dead-letters what breaks the rules.

use std::sync::Arc;

use axum::body::Bytes;
use std::net::SocketAddr;

use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::registry::Registry;
use serde_json::{Value, json};
use txclass_service::ApiKeys;
use txclass_service::http::{
    Limits, Server, always_ready, error_response as error, guarded, probe_routes,
};
use txclass_service::metrics::encode;

use crate::publish::{Deliveries, Outgoing, Publisher, account_key};

#[derive(Debug, Clone)]
pub struct IngestConfig {
    pub max_records: usize,
    pub max_body_bytes: usize,
    /// Largest record: bigger ones would be refused by the broker for good,
    /// so they are answered 413, not 503.
    pub max_record_bytes: usize,
    pub api_keys: ApiKeys,
    pub limits: Limits,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: String,
}

struct AppState {
    publisher: Publisher,
    config: IngestConfig,
    registry: Registry,
    records: Family<OutcomeLabels, Counter>,
    requests: Family<OutcomeLabels, Counter>,
}

pub fn router(publisher: Publisher, config: IngestConfig) -> Router {
    let (registry, records, requests) = ingest_registry(&publisher.deliveries);
    let body_limit = config.max_body_bytes;
    let keys = config.api_keys.clone();
    let state = Arc::new(AppState {
        publisher,
        config,
        registry,
        records,
        requests,
    });
    let page = {
        let state = state.clone();
        Arc::new(move || encode(&state.registry))
    };
    let limits = state.config.limits;
    guarded(
        Router::new()
            .route("/v1/transactions", post(ingest))
            .route_layer(keys.layer()),
        limits,
    )
    .merge(probe_routes(page, always_ready(json!({}))))
    .layer(DefaultBodyLimit::max(body_limit))
    .with_state(state)
}

/// The ingest server's registry: its own counters and the deliveries'.
fn ingest_registry(
    deliveries: &Deliveries,
) -> (
    Registry,
    Family<OutcomeLabels, Counter>,
    Family<OutcomeLabels, Counter>,
) {
    let mut registry = Registry::with_prefix("txclass_producer");
    let records = Family::<OutcomeLabels, Counter>::default();
    let requests = Family::<OutcomeLabels, Counter>::default();
    registry.register(
        "ingest_records",
        "Records received over HTTP, by outcome",
        records.clone(),
    );
    registry.register(
        "ingest_requests",
        "Ingest requests, by outcome",
        requests.clone(),
    );
    deliveries.register(&mut registry);
    (registry, records, requests)
}

/// Every metric the producer can expose, in OpenMetrics text.
pub fn metrics_catalogue() -> String {
    let (registry, records, requests) = ingest_registry(&Deliveries::default());
    for family in [&records, &requests] {
        let _ = family.get_or_create(&OutcomeLabels {
            outcome: "accepted".to_owned(),
        });
    }
    encode(&registry)
}

/// The ingest server bound to `addr`, ready to serve.
pub async fn build(
    addr: SocketAddr,
    publisher: Publisher,
    config: IngestConfig,
) -> std::io::Result<Server> {
    Server::bind(addr, router(publisher, config)).await
}

/// Splits a body into records: a JSON array, or one JSON object per line.
fn split_records(body: &[u8]) -> Result<Vec<Vec<u8>>, String> {
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'[') {
        let values: Vec<Box<serde_json::value::RawValue>> =
            serde_json::from_slice(body).map_err(|e| format!("body is not a JSON array: {e}"))?;
        return values
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                if v.get().trim_start().starts_with('{') {
                    Ok(v.get().as_bytes().to_vec())
                } else {
                    Err(format!("record {i}: not a JSON object"))
                }
            })
            .collect();
    }
    body.split(|b| *b == b'\n')
        .enumerate()
        .filter(|(_, line)| line.iter().any(|b| !b.is_ascii_whitespace()))
        .map(|(i, line)| match serde_json::from_slice::<Value>(line) {
            Ok(Value::Object(_)) => Ok(line.to_vec()),
            Ok(_) => Err(format!("line {}: not a JSON object", i + 1)),
            Err(e) => Err(format!("line {}: not JSON: {e}", i + 1)),
        })
        .collect()
}

async fn ingest(State(state): State<Arc<AppState>>, body: Bytes) -> Response {
    let count = |family: &Family<OutcomeLabels, Counter>, outcome: &str, n: u64| {
        family
            .get_or_create(&OutcomeLabels {
                outcome: outcome.to_owned(),
            })
            .inc_by(n);
    };
    let records = match split_records(&body) {
        Ok(records) => records,
        Err(message) => {
            count(&state.requests, "malformed", 1);
            return error(StatusCode::BAD_REQUEST, message);
        }
    };
    if records.is_empty() {
        count(&state.requests, "malformed", 1);
        return error(StatusCode::BAD_REQUEST, "no records in the body");
    }
    if records.len() > state.config.max_records {
        count(&state.requests, "too_large", 1);
        return error(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "{} records exceed the maximum of {} per request",
                records.len(),
                state.config.max_records
            ),
        );
    }
    if let Some((i, big)) = records
        .iter()
        .enumerate()
        .find(|(_, r)| r.len() > state.config.max_record_bytes)
    {
        count(&state.requests, "too_large", 1);
        return error(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "record {i} is {} bytes, over the limit of {} per record",
                big.len(),
                state.config.max_record_bytes
            ),
        );
    }
    let n = records.len() as u64;
    let outgoing: Vec<Outgoing> = records
        .into_iter()
        .map(|value| Outgoing {
            key: account_key(&value),
            value,
        })
        .collect();
    let acknowledged = state.publisher.publish_all(outgoing).await;
    count(&state.records, "published", acknowledged);
    if acknowledged < n {
        count(&state.records, "failed", n - acknowledged);
        count(&state.requests, "unavailable", 1);
        return error(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the broker acknowledged {acknowledged} of {n} records; retry the request (consumers deduplicate by transaction_id)"
            ),
        );
    }
    count(&state.requests, "accepted", 1);
    (StatusCode::ACCEPTED, Json(json!({ "accepted": n }))).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrays_and_ndjson_split_into_objects() {
        assert_eq!(
            split_records(br#"[{"a":1},{"b":2}]"#).expect("array").len(),
            2
        );
        assert_eq!(
            split_records(b"{\"a\":1}\n\n{\"b\":2}\n")
                .expect("ndjson")
                .len(),
            2
        );
    }

    #[test]
    fn malformed_bodies_name_the_bad_record() {
        assert!(
            split_records(b"[1, {}]")
                .expect_err("number")
                .contains("record 0")
        );
        assert!(
            split_records(b"{}\n{oops")
                .expect_err("bad line")
                .contains("line 2")
        );
        assert!(split_records(b"[{").is_err());
    }
}
