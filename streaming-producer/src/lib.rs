//! txclass producer: publishes transactions to Kafka — simulated profiles,
//! fixed rates and CSV replay ([`run`], [`simulate`]) or HTTP ingest
//! ([`ingest`]) — through one idempotent producer ([`publish`]).

pub mod cli;
pub mod ingest;
pub mod publish;
pub mod run;
pub mod simulate;
