//! `txclass-consumer`: the streaming pipeline's buffered consumer.

use clap::Parser;
use txclass_consumer::app::App;
use txclass_consumer::cli::ConsumerArgs;
use txclass_service::{init_logging, shutdown_signal};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    init_logging("info");
    let args = ConsumerArgs::parse();
    if args.print_metrics {
        print!("{}", txclass_consumer::metrics::Metrics::catalogue());
        return Ok(());
    }
    let stop = shutdown_signal();
    App::build(&args).await?.run_until_stopped(stop).await
}
