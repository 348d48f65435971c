//! `POST /v1/predict`: a batch of transactions in, one prediction (or a
//! per-record error) out for each, in order.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use txclass_core::Category;
use txclass_service::http::error_response;

use super::AppState;
use super::faults::inject_fault;
use super::metrics::CategoryLabels;
use crate::features::{Extractor, Feature, Input};
use crate::model::Model;

/// One transaction as the API accepts it: only the description is needed to
/// classify; the other fields help when present.
#[derive(Debug, Deserialize)]
pub(super) struct Item {
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
pub(super) struct PredictRequest {
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

pub(super) async fn predict(
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
        Err(rejection) => return error_response(rejection.status(), rejection.body_text()),
    };
    let n = request.transactions.len();
    if n > state.config.max_batch {
        return error_response(
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
                return error_response(
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
    let mut scorer = Scorer {
        model,
        explain: request.explain,
        extractor: Extractor::default(),
        buffer: Vec::with_capacity(256),
        counts: [0u64; Category::ALL.len()],
        errors: 0,
    };
    let predictions: Vec<PredictAnswer<'_>> = request
        .transactions
        .into_iter()
        .map(|item| scorer.answer(item))
        .collect();
    for (category, count) in Category::ALL.iter().zip(scorer.counts) {
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
    if scorer.errors > 0 {
        state.metrics.record_errors.inc_by(scorer.errors);
    }
    serde_json::to_vec(&PredictResponse {
        model_version: version,
        predictions,
    })
    .unwrap_or_else(|e| {
        format!(r#"{{"error":{{"status":500,"message":"encoding the answer: {e}"}}}}"#).into_bytes()
    })
}

/// Scores the items of one request, with buffers reused across items and
/// the tallies the metrics need.
struct Scorer<'m> {
    model: &'m Model,
    explain: bool,
    extractor: Extractor,
    buffer: Vec<Feature>,
    counts: [u64; Category::ALL.len()],
    errors: u64,
}

impl<'m> Scorer<'m> {
    fn answer(&mut self, item: Item) -> PredictAnswer<'m> {
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
                self.errors += 1;
                return PredictAnswer::failed(item.transaction_id, "amount: is not a number");
            }
            None => None,
        };
        if let Some(problem) = problem {
            self.errors += 1;
            return PredictAnswer::failed(item.transaction_id, problem);
        }
        let input = Input {
            description,
            merchant: item.merchant.as_deref(),
            mcc: item.mcc.as_deref(),
            amount,
        };
        let model = self.model;
        let top = model.top(&mut self.extractor, &mut self.buffer, &input, 3);
        let best = top[0];
        self.counts[best.category.index()] += 1;
        let features = self.explain.then(|| {
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
            model_version: Some(model.info.version.as_str()),
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
    }
}
