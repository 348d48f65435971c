//! One suite per port, run against the in-memory implementation and the
//! real adapter (PostgreSQL, Kafka, S3, the ML API) on the local stack. Each test makes
//! its own database, topic or key prefix, so tests run in parallel.
//!
//! Needs the stack: `scripts/stack.sh start`.

mod classifier;
mod common;
mod dead_letter;
mod object_store;
mod prediction_store;
mod transaction_source;
