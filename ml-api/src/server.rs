//! The HTTP service: `POST /v1/predict`, `GET /v1/model`, `/health`,
//! `/ready`, `/metrics`; API keys, bounded bodies, a fault mode for testing
//! clients, graceful shutdown.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::rejection::JsonRejection;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use rand::Rng;
use serde::{Deserialize, Serialize};
use serde_json::json;
use txclass_adapters::http::api_key_accepted;
use txclass_core::Category;

use crate::features::{Extractor, Feature, Input};
use crate::model::Model;

/// Faults injected into `/v1/predict`, for testing clients' retries.
#[derive(Debug, Clone, Default)]
pub struct Faults {
    /// Share of requests answered 503.
    pub unavailable: f64,
    /// Share of requests answered 429.
    pub throttled: f64,
    /// Share of requests that hang for `hang` and then answer 504.
    pub timeout: f64,
    pub hang: Duration,
    /// Latency added to every request.
    pub latency: Duration,
}

impl Faults {
    pub fn any(&self) -> bool {
        self.unavailable > 0.0
            || self.throttled > 0.0
            || self.timeout > 0.0
            || !self.latency.is_zero()
    }
}

#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub max_batch: usize,
    pub max_body_bytes: usize,
    pub api_keys: Vec<String>,
    pub faults: Faults,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            max_batch: 5_000,
            max_body_bytes: 16 * 1024 * 1024,
            api_keys: Vec::new(),
            faults: Faults::default(),
        }
    }
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    endpoint: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CategoryLabels {
    category: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindLabels {
    kind: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct EndpointLabels {
    endpoint: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct VersionLabels {
    version: String,
}

struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<EndpointLabels, Histogram>,
    predictions: Family<CategoryLabels, Counter>,
    record_errors: Counter,
    faults: Family<KindLabels, Counter>,
    batch_size: Histogram,
}

fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.0002, 2.0, 16))
}

impl Metrics {
    fn new(model_version: &str) -> Self {
        let mut registry = Registry::with_prefix("txclass_ml");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<EndpointLabels, Histogram>::new_with_constructor(
            latency_histogram as fn() -> Histogram,
        );
        let predictions = Family::<CategoryLabels, Counter>::default();
        let record_errors = Counter::default();
        let faults = Family::<KindLabels, Counter>::default();
        let batch_size = Histogram::new(exponential_buckets(1.0, 4.0, 8));
        let model_info = Family::<VersionLabels, Gauge>::default();
        model_info
            .get_or_create(&VersionLabels {
                version: model_version.to_owned(),
            })
            .set(1);
        registry.register(
            "requests",
            "HTTP requests by endpoint and status",
            requests.clone(),
        );
        registry.register(
            "request_duration_seconds",
            "HTTP request latency",
            latency.clone(),
        );
        registry.register(
            "predictions",
            "Predictions answered, by category",
            predictions.clone(),
        );
        registry.register(
            "record_errors",
            "Records answered with a per-record error",
            record_errors.clone(),
        );
        registry.register(
            "faults_injected",
            "Faults injected by the fault mode, by kind",
            faults.clone(),
        );
        registry.register(
            "batch_size",
            "Transactions per predict request",
            batch_size.clone(),
        );
        registry.register("model_info", "The model being served", model_info);
        Self {
            registry,
            requests,
            latency,
            predictions,
            record_errors,
            faults,
            batch_size,
        }
    }
}

pub struct AppState {
    model: Arc<Model>,
    config: ServerConfig,
    metrics: Metrics,
}

/// One transaction as the API accepts it: only the description is needed to
/// classify; the other fields help when present.
#[derive(Debug, Deserialize)]
struct Item {
    #[serde(default)]
    transaction_id: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    merchant: Option<String>,
    #[serde(default, deserialize_with = "txclass_core::validate::number_or_string")]
    mcc: Option<String>,
    #[serde(default, deserialize_with = "txclass_core::validate::number_or_string")]
    amount: Option<String>,
}

#[derive(Debug, Deserialize)]
struct PredictRequest {
    transactions: Vec<Item>,
    #[serde(default)]
    explain: bool,
}

#[derive(Serialize)]
struct Alternative {
    category: Category,
    confidence: f64,
}

#[derive(Serialize)]
struct Contribution {
    feature: String,
    weight: f32,
}

#[derive(Serialize)]
struct PredictAnswer<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    transaction_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<Category>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    model_version: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    alternatives: Vec<Alternative>,
    #[serde(skip_serializing_if = "Option::is_none")]
    features: Option<Vec<Contribution>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

impl PredictAnswer<'_> {
    /// A record the service could not classify, with the reason.
    fn failed(transaction_id: Option<String>, reason: &str) -> Self {
        Self {
            transaction_id,
            category: None,
            confidence: None,
            model_version: None,
            alternatives: Vec::new(),
            features: None,
            error: Some(reason.to_owned()),
        }
    }
}

#[derive(Serialize)]
struct PredictResponse<'a> {
    model_version: &'a str,
    predictions: Vec<PredictAnswer<'a>>,
}

fn error(status: StatusCode, message: impl Into<String>) -> Response {
    let message = message.into();
    (
        status,
        Json(json!({ "error": { "status": status.as_u16(), "message": message } })),
    )
        .into_response()
}

pub fn router(model: Arc<Model>, config: ServerConfig) -> Router {
    let metrics = Metrics::new(&model.info.version);
    let body_limit = config.max_body_bytes;
    let state = Arc::new(AppState {
        model,
        config,
        metrics,
    });
    let api = Router::new()
        .route("/v1/predict", post(predict))
        .route("/v1/model", get(model_info))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            require_api_key,
        ));
    Router::new()
        .merge(api)
        .route("/health", get(|| async { Json(json!({ "status": "ok" })) }))
        .route("/ready", get(ready))
        .route("/metrics", get(metrics_text))
        .fallback(|| async { error(StatusCode::NOT_FOUND, "no such endpoint") })
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

async fn require_api_key(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    request: Request,
    next: Next,
) -> Response {
    let given = headers
        .get("x-api-key")
        .map(HeaderValue::as_bytes)
        .unwrap_or_default();
    if api_key_accepted(&state.config.api_keys, given) {
        next.run(request).await
    } else {
        let mut response = error(
            StatusCode::UNAUTHORIZED,
            "missing or wrong x-api-key header",
        );
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("ApiKey header=\"x-api-key\""),
        );
        response
    }
}

async fn ready(State(state): State<Arc<AppState>>) -> Response {
    Json(json!({ "status": "ready", "model_version": state.model.info.version })).into_response()
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

async fn metrics_text(State(state): State<Arc<AppState>>) -> Response {
    let mut body = String::new();
    if let Err(e) = prometheus_client::encoding::text::encode(&mut body, &state.metrics.registry) {
        return error(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("encoding metrics: {e}"),
        );
    }
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        body,
    )
        .into_response()
}

/// Draws the fault, if any, for one request.
async fn inject_fault(state: &AppState) -> Option<Response> {
    let faults = &state.config.faults;
    if !faults.latency.is_zero() {
        tokio::time::sleep(faults.latency).await;
    }
    let draw: f64 = rand::rng().random();
    let count = |kind: &str| {
        state
            .metrics
            .faults
            .get_or_create(&KindLabels {
                kind: kind.to_owned(),
            })
            .inc()
    };
    if draw < faults.unavailable {
        count("unavailable");
        return Some(error(
            StatusCode::SERVICE_UNAVAILABLE,
            "fault mode: service unavailable",
        ));
    }
    if draw < faults.unavailable + faults.throttled {
        count("throttled");
        let mut response = error(
            StatusCode::TOO_MANY_REQUESTS,
            "fault mode: too many requests",
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        return Some(response);
    }
    if draw < faults.unavailable + faults.throttled + faults.timeout {
        count("timeout");
        tokio::time::sleep(faults.hang).await;
        return Some(error(StatusCode::GATEWAY_TIMEOUT, "fault mode: timed out"));
    }
    None
}

async fn predict(
    State(state): State<Arc<AppState>>,
    body: Result<Json<PredictRequest>, JsonRejection>,
) -> Response {
    if state.config.faults.any()
        && let Some(response) = inject_fault(&state).await
    {
        return response;
    }
    let request = match body {
        Ok(Json(request)) => request,
        Err(rejection) => return error(rejection.status(), rejection.body_text()),
    };
    let n = request.transactions.len();
    if n > state.config.max_batch {
        return error(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "batch of {n} transactions exceeds the maximum of {}",
                state.config.max_batch
            ),
        );
    }
    state.metrics.batch_size.observe(n as f64);
    // Scoring is CPU work: keep it off the async workers for large batches.
    let worker = state.clone();
    let answer = if n > 64 {
        match tokio::task::spawn_blocking(move || score(&worker, request)).await {
            Ok(body) => body,
            Err(e) => {
                return error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    format!("scoring failed: {e}"),
                );
            }
        }
    } else {
        score(&worker, request)
    };
    ([(header::CONTENT_TYPE, "application/json")], answer).into_response()
}

fn score(state: &AppState, request: PredictRequest) -> Vec<u8> {
    let model = &state.model;
    let version = model.info.version.as_str();
    let mut extractor = Extractor::default();
    let mut buffer: Vec<Feature> = Vec::with_capacity(256);
    let mut counts = [0u64; Category::ALL.len()];
    let mut errors = 0u64;
    let predictions: Vec<PredictAnswer<'_>> = request
        .transactions
        .into_iter()
        .map(|item| {
            let description = item.description.as_deref().unwrap_or_default();
            let problem = if description.trim().is_empty() {
                Some("description: is required to classify")
            } else if description.chars().count() > 256 {
                Some("description: must be at most 256 characters")
            } else {
                None
            };
            let amount = match item.amount.as_deref().map(str::parse::<f64>) {
                Some(Ok(a)) if a.is_finite() => Some(a),
                Some(_) => {
                    errors += 1;
                    return PredictAnswer::failed(item.transaction_id, "amount: is not a number");
                }
                None => None,
            };
            if let Some(problem) = problem {
                errors += 1;
                return PredictAnswer::failed(item.transaction_id, problem);
            }
            let input = Input {
                description,
                merchant: item.merchant.as_deref(),
                mcc: item.mcc.as_deref(),
                amount,
            };
            let top = model.top(&mut extractor, &mut buffer, &input, 3);
            let best = top[0];
            counts[best.category.index()] += 1;
            let features = request.explain.then(|| {
                model
                    .explain(&input, best.category, 10)
                    .into_iter()
                    .map(|(feature, weight)| Contribution { feature, weight })
                    .collect()
            });
            PredictAnswer {
                transaction_id: item.transaction_id,
                category: Some(best.category),
                confidence: Some(best.confidence),
                model_version: Some(version),
                alternatives: top[1..]
                    .iter()
                    .map(|s| Alternative {
                        category: s.category,
                        confidence: s.confidence,
                    })
                    .collect(),
                features,
                error: None,
            }
        })
        .collect();
    for (category, count) in Category::ALL.iter().zip(counts) {
        if count > 0 {
            state
                .metrics
                .predictions
                .get_or_create(&CategoryLabels {
                    category: category.as_str().to_owned(),
                })
                .inc_by(count);
        }
    }
    if errors > 0 {
        state.metrics.record_errors.inc_by(errors);
    }
    serde_json::to_vec(&PredictResponse {
        model_version: version,
        predictions,
    })
    .unwrap_or_else(|e| {
        format!(r#"{{"error":{{"status":500,"message":"encoding the answer: {e}"}}}}"#).into_bytes()
    })
}
