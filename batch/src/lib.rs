//! txclass batch: classifies CSV objects from S3 into PostgreSQL. The
//! command line ([`cli`]), the `classify` command's wiring ([`classify`]),
//! one run over the objects ([`run`]), its summary ([`summary`]) and
//! Pushgateway metrics ([`push`]), the bucket and database commands
//! ([`objects`]) and synthetic input ([`generate`]).

pub mod classify;
pub mod cli;
pub mod generate;
pub mod objects;
pub mod push;
pub mod run;
pub mod summary;
