//! API keys in the `x-api-key` header, as one tower layer every HTTP
//! service of txclass puts in front of its protected routes.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderValue, Request, Response, StatusCode, header};
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest as _, Sha256};
use subtle::ConstantTimeEq;
use tower_http::validate_request::{ValidateRequest, ValidateRequestHeaderLayer};

use crate::http::error_response;

/// The header a client sends its key in.
pub const API_KEY_HEADER: &str = "x-api-key";

/// The keys a service accepts, held as their SHA-256 digests (computed
/// once, here, not per request). Empty: every request is accepted.
#[derive(Clone, Default)]
pub struct ApiKeys {
    digests: Arc<[[u8; 32]]>,
}

impl std::fmt::Debug for ApiKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiKeys")
            .field("keys", &self.digests.len())
            .finish()
    }
}

impl ApiKeys {
    pub fn new(keys: impl IntoIterator<Item = SecretString>) -> Self {
        Self {
            digests: keys
                .into_iter()
                .filter(|k| !k.expose_secret().is_empty())
                .map(|k| Sha256::digest(k.expose_secret().as_bytes()).into())
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.digests.is_empty()
    }

    /// How many keys are accepted.
    pub fn len(&self) -> usize {
        self.digests.len()
    }

    /// Whether `given` is one of the keys. The SHA-256 digests of both are
    /// compared, in constant time, and every key is compared, so timing
    /// reveals neither which key, nor how much of one matched, nor its
    /// length. No keys: no check.
    pub fn accepts(&self, given: &[u8]) -> bool {
        if self.digests.is_empty() {
            return true;
        }
        let given: [u8; 32] = Sha256::digest(given).into();
        let mut matched = subtle::Choice::from(0u8);
        for key in self.digests.iter() {
            matched |= key.ct_eq(&given);
        }
        bool::from(matched)
    }

    /// Refuses to expose a service without keys beyond loopback unless that
    /// is asked for; says so loudly either way.
    pub fn check_exposure(
        &self,
        addr: std::net::SocketAddr,
        allow_unauthenticated: bool,
    ) -> Result<(), String> {
        if !self.is_empty() {
            return Ok(());
        }
        if addr.ip().is_loopback() || allow_unauthenticated {
            tracing::warn!(%addr, "no API keys configured: every request is accepted without a key");
            return Ok(());
        }
        Err(format!(
            "refusing to serve on {addr} without API keys: configure keys, bind a loopback address, or pass --allow-unauthenticated"
        ))
    }

    /// The layer that answers 401 (JSON body, `WWW-Authenticate`) to a
    /// request without an accepted key.
    pub fn layer(self) -> ValidateRequestHeaderLayer<Self> {
        ValidateRequestHeaderLayer::custom(self)
    }
}

impl<B> ValidateRequest<B> for ApiKeys {
    type ResponseBody = Body;

    fn validate(&mut self, request: &mut Request<B>) -> Result<(), Response<Body>> {
        let given = request
            .headers()
            .get(API_KEY_HEADER)
            .map(HeaderValue::as_bytes)
            .unwrap_or_default();
        if self.accepts(given) {
            return Ok(());
        }
        let mut response = error_response(
            StatusCode::UNAUTHORIZED,
            "missing or wrong x-api-key header",
        );
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("ApiKey header=\"x-api-key\""),
        );
        Err(response)
    }
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::routing::get;
    use tower::ServiceExt as _;

    use super::*;

    fn keys(list: &[&str]) -> ApiKeys {
        ApiKeys::new(list.iter().map(|k| SecretString::from(*k)))
    }

    #[test]
    fn any_configured_key_is_accepted_and_nothing_else() {
        let keys = keys(&["k1", "k2"]);
        assert!(keys.accepts(b"k1"));
        assert!(keys.accepts(b"k2"));
        assert!(!keys.accepts(b"k"));
        assert!(!keys.accepts(b""));
        assert!(ApiKeys::default().accepts(b""));
    }

    #[tokio::test]
    async fn a_request_without_the_key_gets_401_with_a_json_body_and_the_challenge() {
        let app = Router::new()
            .route("/x", get(|| async { "ok" }))
            .route_layer(keys(&["secret"]).layer());
        let refused = app
            .clone()
            .oneshot(Request::get("/x").body(Body::empty()).expect("request"))
            .await
            .expect("response");
        assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(
            refused.headers()[header::WWW_AUTHENTICATE],
            "ApiKey header=\"x-api-key\""
        );
        assert_eq!(refused.headers()[header::CONTENT_TYPE], "application/json");
        let accepted = app
            .oneshot(
                Request::get("/x")
                    .header(API_KEY_HEADER, "secret")
                    .body(Body::empty())
                    .expect("request"),
            )
            .await
            .expect("response");
        assert_eq!(accepted.status(), StatusCode::OK);
    }

    #[test]
    fn keys_of_any_length_are_compared_as_digests() {
        let keys = keys(&["a-rather-long-key"]);
        assert!(keys.accepts(b"a-rather-long-key"));
        for wrong in [&b"a"[..], b"a-rather-long-ke", b"a-rather-long-keyy", b""] {
            assert!(!keys.accepts(wrong));
        }
    }

    #[test]
    fn without_keys_only_loopback_is_served_unless_allowed() {
        let none = ApiKeys::default();
        let loopback = "127.0.0.1:8000".parse().expect("addr");
        let open = "0.0.0.0:8000".parse().expect("addr");
        assert!(none.check_exposure(loopback, false).is_ok());
        let refused = none.check_exposure(open, false).expect_err("refused");
        assert!(refused.contains("--allow-unauthenticated"), "{refused}");
        assert!(none.check_exposure(open, true).is_ok());
        assert!(keys(&["k"]).check_exposure(open, false).is_ok());
    }
}
