//! `txclass-batch`: the batch pipeline's command line.

use std::process::ExitCode;

use clap::Parser;
use txclass_batch::cli::{Cli, run};
use txclass_service::init_logging;

#[tokio::main]
async fn main() -> ExitCode {
    init_logging("info");
    run(Cli::parse()).await
}
