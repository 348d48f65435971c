//! The fault mode: injected 503s, 429s, hangs and latency on
//! `/v1/predict`, for testing clients' retries against the real service.

use std::time::Duration;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use rand::Rng;
use txclass_service::http::error_response;

use super::AppState;
use super::metrics::KindLabels;

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

/// Draws the fault, if any, for one request.
pub(super) async fn inject_fault(state: &AppState) -> Option<Response> {
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
        return Some(error_response(
            StatusCode::SERVICE_UNAVAILABLE,
            "fault mode: service unavailable",
        ));
    }
    if draw < faults.unavailable + faults.throttled {
        count("throttled");
        let mut response = error_response(
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
        return Some(error_response(
            StatusCode::GATEWAY_TIMEOUT,
            "fault mode: timed out",
        ));
    }
    None
}
