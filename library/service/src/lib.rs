//! What every txclass program shares and no port needs: logging
//! ([`logging`]), shutdown on SIGINT/SIGTERM ([`shutdown`]), the API-key
//! layer ([`api_key`]), JSON error bodies and the `/health`, `/ready` and
//! `/metrics` routes ([`http`]), the Prometheus metrics of both pipelines and
//! the Pushgateway client ([`metrics`]), secrets in configuration
//! ([`secrets`]) and the retry settings ([`retry`]).

pub mod api_key;
pub mod http;
pub mod logging;
pub mod metrics;
pub mod retry;
pub mod secrets;
pub mod shutdown;

pub use api_key::ApiKeys;
pub use logging::init_logging;
pub use shutdown::shutdown_signal;
