//! `txclass-ml-api`: serve, train, evaluate and benchmark the classifier.

use clap::Parser;
use txclass_ml_api::cli::{Cli, run};
use txclass_service::init_logging;

// Many small allocations per request (JSON strings, feature buffers).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    init_logging("info");
    run(cli)
}
