//! `txclass-producer`: publishes transactions to Kafka.

use clap::Parser;
use txclass_producer::cli::{Cli, run};
use txclass_service::init_logging;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    init_logging("info");
    run(Cli::parse()).await
}
