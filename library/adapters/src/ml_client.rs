//! The ML classification API over HTTP: the [`Classifier`] port.

use std::time::Duration;

use async_trait::async_trait;
use clap::Args;
use reqwest::StatusCode;
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use txclass_core::{Classification, Classifier, PortError, RetryHint, Transaction};
use txclass_service::secrets::secret;

/// Where the ML API is, as its clients take it.
#[derive(Args, Clone, Debug)]
pub struct MlApiArgs {
    /// ML classification API base URL.
    #[arg(long, env = "ML_API_URL", default_value = "http://127.0.0.1:8000")]
    pub ml_api_url: String,
    /// API key sent as `x-api-key`.
    #[arg(long, env = "ML_API_KEY", hide_env_values = true, value_parser = secret)]
    pub ml_api_key: Option<SecretString>,
    /// Most transactions per predict request; larger inputs are split.
    #[arg(
        long,
        alias = "ml-api-max-batch",
        env = "ML_API_BATCH_SIZE",
        default_value_t = 1000
    )]
    pub ml_api_batch_size: usize,
    /// Timeout of one predict request, in milliseconds.
    #[arg(long, env = "ML_API_TIMEOUT_MS", default_value_t = 10_000)]
    pub ml_api_timeout_ms: u64,
}

impl MlApiArgs {
    pub fn settings(&self) -> MlApiSettings {
        MlApiSettings {
            url: self.ml_api_url.clone(),
            api_key: self
                .ml_api_key
                .clone()
                .filter(|k| !k.expose_secret().is_empty()),
            max_batch: self.ml_api_batch_size,
            timeout: Duration::from_millis(self.ml_api_timeout_ms),
            ..MlApiSettings::default()
        }
    }
}

/// How to reach the ML API.
#[derive(Debug, Clone)]
pub struct MlApiSettings {
    pub url: String,
    pub api_key: Option<SecretString>,
    /// Largest batch per request; bigger inputs are split.
    pub max_batch: usize,
    pub timeout: Duration,
    pub connect_timeout: Duration,
}

impl Default for MlApiSettings {
    fn default() -> Self {
        Self {
            url: "http://127.0.0.1:8000".into(),
            api_key: None,
            max_batch: 1000,
            timeout: Duration::from_secs(10),
            connect_timeout: Duration::from_secs(2),
        }
    }
}

#[derive(Debug, Clone)]
pub struct MlApiClient {
    http: reqwest::Client,
    predict_url: String,
    base_url: String,
    api_key: Option<SecretString>,
    max_batch: usize,
}

#[derive(Serialize)]
struct PredictRequest<'a> {
    transactions: &'a [Transaction],
}

impl MlApiClient {
    pub fn new(settings: &MlApiSettings) -> Result<Self, PortError> {
        let http = reqwest::Client::builder()
            .timeout(settings.timeout)
            .connect_timeout(settings.connect_timeout)
            .pool_max_idle_per_host(32)
            .build()
            .map_err(|e| PortError::fatal(format!("building the HTTP client: {e}")))?;
        let base_url = settings.url.trim_end_matches('/').to_owned();
        Ok(Self {
            http,
            predict_url: format!("{base_url}/v1/predict"),
            base_url,
            api_key: settings.api_key.clone(),
            max_batch: settings.max_batch.max(1),
        })
    }

    /// Whether the service answers `/ready` with 200.
    pub async fn ready(&self) -> bool {
        matches!(
            self.http.get(format!("{}/ready", self.base_url)).send().await,
            Ok(r) if r.status().is_success()
        )
    }

    async fn predict(&self, batch: &[Transaction]) -> Result<Classification, PortError> {
        let mut request = self.http.post(&self.predict_url).json(&PredictRequest {
            transactions: batch,
        });
        if let Some(key) = &self.api_key {
            request = request.header("x-api-key", key.expose_secret());
        }
        let response = request.send().await.map_err(|e| {
            let hint = if e.is_builder() {
                RetryHint::Fatal
            } else {
                RetryHint::Transient
            };
            PortError::new(hint, format!("calling {}: {e}", self.predict_url)).with_source(e)
        })?;
        let status = response.status();
        if status.is_success() {
            return response.json::<Classification>().await.map_err(|e| {
                PortError::transient(format!("reading the ML API answer: {e}")).with_source(e)
            });
        }
        let body = response.text().await.unwrap_or_default();
        let body: String = body.chars().take(500).collect();
        Err(PortError::new(
            hint_for_status(status),
            format!("ML API answered {status}: {body}"),
        ))
    }
}

/// 5xx, 429 and 408 are retried; 401/403 mean the key is wrong (stop);
/// any other 4xx refuses the request itself.
pub fn hint_for_status(status: StatusCode) -> RetryHint {
    match status {
        StatusCode::TOO_MANY_REQUESTS | StatusCode::REQUEST_TIMEOUT => RetryHint::Transient,
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN | StatusCode::NOT_FOUND => {
            RetryHint::Fatal
        }
        s if s.is_server_error() => RetryHint::Transient,
        _ => RetryHint::Permanent,
    }
}

#[async_trait]
impl Classifier for MlApiClient {
    async fn classify(&self, transactions: &[Transaction]) -> Result<Classification, PortError> {
        let mut merged: Option<Classification> = None;
        for batch in transactions.chunks(self.max_batch) {
            let answer = self.predict(batch).await?;
            match &mut merged {
                None => merged = Some(answer),
                Some(m) => m.predictions.extend(answer.predictions),
            }
        }
        Ok(merged.unwrap_or(Classification {
            model_version: String::new(),
            predictions: Vec::new(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_overload_and_server_errors_are_retried() {
        assert_eq!(
            hint_for_status(StatusCode::SERVICE_UNAVAILABLE),
            RetryHint::Transient
        );
        assert_eq!(
            hint_for_status(StatusCode::INTERNAL_SERVER_ERROR),
            RetryHint::Transient
        );
        assert_eq!(
            hint_for_status(StatusCode::TOO_MANY_REQUESTS),
            RetryHint::Transient
        );
        assert_eq!(
            hint_for_status(StatusCode::BAD_REQUEST),
            RetryHint::Permanent
        );
        assert_eq!(
            hint_for_status(StatusCode::PAYLOAD_TOO_LARGE),
            RetryHint::Permanent
        );
        assert_eq!(hint_for_status(StatusCode::UNAUTHORIZED), RetryHint::Fatal);
    }
}
