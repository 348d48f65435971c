//! The HTTP service: `POST /v1/predict`, `GET /v1/model`, `/health`,
//! `/ready`, `/metrics`; API keys, bounded bodies, a fault mode for testing
//! clients, graceful shutdown.

mod faults;
mod metrics;
mod predict;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;
use txclass_service::ApiKeys;
use txclass_service::http::{Limits, Server, always_ready, error_response, guarded, probe_routes};
use txclass_service::metrics::encode;

pub use self::faults::Faults;
use self::metrics::{EndpointLabels, Metrics, RequestLabels};
use crate::model::Model;

#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub max_batch: usize,
    pub max_body_bytes: usize,
    pub api_keys: ApiKeys,
    pub faults: Faults,
    /// Requests at once and the time each may take (`/v1/*`; the probes
    /// are never shed).
    pub limits: Limits,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            max_batch: 5_000,
            max_body_bytes: 16 * 1024 * 1024,
            api_keys: ApiKeys::default(),
            faults: Faults::default(),
            limits: Limits::default(),
        }
    }
}

struct AppState {
    model: Arc<Model>,
    config: ServerConfig,
    metrics: Metrics,
}

/// The service bound to `addr`, ready to serve.
pub async fn build(
    addr: SocketAddr,
    model: Arc<Model>,
    config: ServerConfig,
) -> std::io::Result<Server> {
    Server::bind(addr, router(model, config)).await
}

/// Every metric the service exposes, in OpenMetrics text.
pub fn metrics_catalogue() -> String {
    let metrics = Metrics::new("none");
    metrics.show_every_family();
    encode(&metrics.registry)
}

pub fn router(model: Arc<Model>, config: ServerConfig) -> Router {
    let metrics = Metrics::new(&model.info.version);
    let body_limit = config.max_body_bytes;
    let keys = config.api_keys.clone();
    let ready = always_ready(json!({ "model_version": model.info.version }));
    let state = Arc::new(AppState {
        model,
        config,
        metrics,
    });
    let page = {
        let state = state.clone();
        Arc::new(move || encode(&state.metrics.registry))
    };
    let limits = state.config.limits;
    let api = guarded(
        Router::new()
            .route("/v1/predict", post(predict::predict))
            .route("/v1/model", get(model_info))
            .route_layer(keys.layer()),
        limits,
    );
    Router::new()
        .merge(api)
        .merge(probe_routes(page, ready))
        .fallback(|| async { error_response(StatusCode::NOT_FOUND, "no such endpoint") })
        .layer(middleware::from_fn_with_state(state.clone(), observe))
        .layer(DefaultBodyLimit::max(body_limit))
        .with_state(state)
}

async fn observe(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let endpoint = request.uri().path().to_owned();
    let endpoint = match endpoint.as_str() {
        "/v1/predict" | "/v1/model" | "/health" | "/ready" | "/metrics" => endpoint,
        _ => "other".to_owned(),
    };
    let started = Instant::now();
    let response = next.run(request).await;
    state
        .metrics
        .requests
        .get_or_create(&RequestLabels {
            endpoint: endpoint.clone(),
            status: response.status().as_u16(),
        })
        .inc();
    state
        .metrics
        .latency
        .get_or_create(&EndpointLabels { endpoint })
        .observe(started.elapsed().as_secs_f64());
    response
}

async fn model_info(State(state): State<Arc<AppState>>) -> Response {
    let info = &state.model.info;
    Json(json!({
        "version": info.version,
        "algorithm": info.algorithm,
        "categories": info.categories,
        "features": info.features,
        "temperature": info.temperature,
        "training": info.training,
        "evaluations": info.evaluations,
        "max_batch": state.config.max_batch,
    }))
    .into_response()
}
