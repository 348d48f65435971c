//! The HTTP pieces every txclass service answers the same way: JSON error
//! bodies and the `/health`, `/ready` and `/metrics` routes.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::BoxError;
use axum::error_handling::HandleErrorLayer;
use tower::ServiceBuilder;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use prometheus_client::registry::Registry;
use serde_json::json;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::metrics::{OPENMETRICS_CONTENT_TYPE, encode};

/// A service's routes bound to its address: what each program's `build`
/// answers, ready to serve.
#[derive(Debug)]
pub struct Server {
    listener: TcpListener,
    router: Router,
}

impl Server {
    /// Binds `addr` for `router`; serving starts with
    /// [`Server::run_until_stopped`] or [`Server::spawn`].
    pub async fn bind(addr: SocketAddr, router: Router) -> std::io::Result<Self> {
        Ok(Self {
            listener: TcpListener::bind(addr).await?,
            router,
        })
    }

    /// The address bound (useful with port 0).
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `stop` resolves, then finishes the requests in flight.
    pub async fn run_until_stopped(
        self,
        stop: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(stop)
            .await
    }

    /// Serves in the background for the rest of the process (probe and
    /// metrics servers beside a pipeline); a failure is logged.
    pub fn spawn(self, what: &'static str) {
        tokio::spawn(async move {
            if let Err(e) = axum::serve(self.listener, self.router).await {
                tracing::error!(error = %e, server = what, "server stopped");
            }
        });
    }
}

/// How much one service takes on at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Requests served at once; more are answered 503 at once (with
    /// `Retry-After`), never queued without bound.
    pub max_concurrent_requests: usize,
    /// Longest a request may take; then 408.
    pub request_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_concurrent_requests: 64,
            request_timeout: Duration::from_secs(30),
        }
    }
}

/// `router` behind its [`Limits`]: one concurrency limit for the whole
/// service, with load shedding, and a timeout per request.
pub fn guarded<S>(router: Router<S>, limits: Limits) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    router.layer(
        ServiceBuilder::new()
            .layer(HandleErrorLayer::new(|_: BoxError| async { overloaded() }))
            .load_shed()
            .layer(GlobalConcurrencyLimitLayer::new(
                limits.max_concurrent_requests.max(1),
            ))
            .layer(TimeoutLayer::with_status_code(
                StatusCode::REQUEST_TIMEOUT,
                limits.request_timeout,
            )),
    )
}

fn overloaded() -> Response {
    let mut response = error_response(
        StatusCode::SERVICE_UNAVAILABLE,
        "too many requests at once; retry shortly",
    );
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
    response
}

/// `{"error": {"status": 404, "message": "…"}}` with that status.
pub fn error_response(status: StatusCode, message: impl Into<String>) -> Response {
    let message = message.into();
    (
        status,
        Json(json!({ "error": { "status": status.as_u16(), "message": message } })),
    )
        .into_response()
}

/// What `/metrics` encodes: a registry, or a function that renders the
/// page itself (for registries behind a lock).
pub type MetricsPage = Arc<dyn Fn() -> String + Send + Sync>;

/// A [`MetricsPage`] over a registry that no longer changes shape.
pub fn registry_page(registry: Registry) -> MetricsPage {
    let registry = Arc::new(registry);
    Arc::new(move || encode(&registry))
}

/// Whether the service is ready to take work, with the details `/ready`
/// shows (for example the model version).
#[derive(Clone, Debug)]
pub enum Readiness {
    Starting,
    Ready(serde_json::Value),
}

#[derive(Clone)]
struct Probe {
    metrics: MetricsPage,
    ready: watch::Receiver<Readiness>,
}

/// `/health` (the process answers: `{"status":"ok"}`), `/ready` (200 with
/// `{"status":"ready", …details}` once ready, 503 `{"status":"starting"}`
/// before) and `/metrics` (OpenMetrics text).
pub fn probe_routes<S>(metrics: MetricsPage, ready: watch::Receiver<Readiness>) -> Router<S> {
    let probe = Probe { metrics, ready };
    Router::new()
        .route("/health", get(|| async { Json(json!({ "status": "ok" })) }))
        .route("/ready", get(ready_answer))
        .route("/metrics", get(metrics_answer))
        .with_state(probe)
}

/// A readiness that is ready from the start, with these details.
pub fn always_ready(details: serde_json::Value) -> watch::Receiver<Readiness> {
    watch::channel(Readiness::Ready(details)).1
}

async fn ready_answer(State(probe): State<Probe>) -> Response {
    match &*probe.ready.borrow() {
        Readiness::Starting => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "status": "starting" })),
        )
            .into_response(),
        Readiness::Ready(details) => {
            let mut body = json!({ "status": "ready" });
            if let (Some(body), Some(details)) = (body.as_object_mut(), details.as_object()) {
                body.extend(details.clone());
            }
            Json(body).into_response()
        }
    }
}

async fn metrics_answer(State(probe): State<Probe>) -> Response {
    (
        [(header::CONTENT_TYPE, OPENMETRICS_CONTENT_TYPE)],
        (probe.metrics)(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use axum::body::{Body, to_bytes};
    use axum::http::Request;
    use tower::ServiceExt as _;

    use super::*;

    async fn get_body(app: Router, path: &str) -> (StatusCode, String) {
        let response = app
            .oneshot(Request::get(path).body(Body::empty()).expect("request"))
            .await
            .expect("response");
        let status = response.status();
        let body = to_bytes(response.into_body(), 1 << 20).await.expect("body");
        (status, String::from_utf8_lossy(&body).into_owned())
    }

    #[tokio::test]
    async fn ready_answers_503_until_the_service_says_it_is_ready() {
        let (tx, rx) = watch::channel(Readiness::Starting);
        let app: Router = probe_routes(Arc::new(String::new), rx);
        let (status, body) = get_body(app.clone(), "/ready").await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(body, r#"{"status":"starting"}"#);
        tx.send_replace(Readiness::Ready(json!({ "model_version": "v1" })));
        let (status, body) = get_body(app.clone(), "/ready").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body, r#"{"model_version":"v1","status":"ready"}"#);
        let (status, body) = get_body(app, "/health").await;
        assert_eq!(
            (status, body.as_str()),
            (StatusCode::OK, r#"{"status":"ok"}"#)
        );
    }

    #[tokio::test]
    async fn metrics_are_served_as_openmetrics_text() {
        let app: Router = probe_routes(Arc::new(|| "# EOF\n".to_owned()), always_ready(json!({})));
        let (status, body) = get_body(app, "/metrics").await;
        assert_eq!((status, body.as_str()), (StatusCode::OK, "# EOF\n"));
    }

    fn slow(limits: Limits, wait: Duration) -> Router {
        guarded(
            Router::new().route(
                "/slow",
                get(move || async move {
                    tokio::time::sleep(wait).await;
                    "done"
                }),
            ),
            limits,
        )
    }

    #[tokio::test]
    async fn requests_over_the_concurrency_limit_are_shed_with_503() {
        let limits = Limits {
            max_concurrent_requests: 1,
            request_timeout: Duration::from_secs(10),
        };
        let app = slow(limits, Duration::from_millis(500));
        let first = tokio::spawn(get_body(app.clone(), "/slow"));
        tokio::time::sleep(Duration::from_millis(100)).await;
        let (status, body) = get_body(app, "/slow").await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
        assert_eq!(first.await.expect("first").0, StatusCode::OK);
    }

    #[tokio::test]
    async fn a_request_over_its_time_is_answered_408() {
        let limits = Limits {
            max_concurrent_requests: 4,
            request_timeout: Duration::from_millis(100),
        };
        let (status, _) = get_body(slow(limits, Duration::from_secs(5)), "/slow").await;
        assert_eq!(status, StatusCode::REQUEST_TIMEOUT);
    }
}
