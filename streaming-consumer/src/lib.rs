//! txclass consumer: the streaming pipeline's buffered Kafka consumer —
//! settings ([`cli`]), wiring ([`app`]), the loop that buffers, runs the
//! shared orchestration and commits ([`consumer`]) and its metrics
//! ([`metrics`]).

pub mod app;
pub mod cli;
pub mod consumer;
pub mod metrics;
