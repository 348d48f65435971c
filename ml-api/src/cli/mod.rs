//! The command line of `txclass-ml-api`: `serve`, `train`, `evaluate` and
//! `bench`, one module each.

mod bench;
mod evaluate;
mod serve;
mod train;

use std::path::Path;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use crate::model::Model;

#[derive(Parser)]
#[command(
    name = "txclass-ml-api",
    version,
    about = "txclass transaction classifier: serve, train, evaluate, benchmark"
)]
#[command(arg_required_else_help = true)]
#[derive(Debug)]
pub struct Cli {
    /// Print every metric the service exposes (OpenMetrics text) and exit.
    #[arg(long, hide = true, exclusive = true)]
    pub print_metrics: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the model over HTTP (the shipped model unless --model-path is given).
    Serve(serve::ServeArgs),
    /// Train the model reproducibly, print held-out figures and write it.
    Train(Box<train::TrainArgs>),
    /// Print the evaluation figures stored in a model file, or score a
    /// labelled CSV file (`description,merchant,mcc,amount,category`).
    Evaluate(evaluate::EvaluateArgs),
    /// Measure predictions/s and latency against a running server.
    Bench(bench::BenchArgs),
}

/// Runs one command.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        _ if cli.print_metrics => {
            print!("{}", crate::server::metrics_catalogue());
            Ok(())
        }
        Some(Command::Serve(args)) => serve::run(args),
        Some(Command::Train(args)) => train::run(*args),
        Some(Command::Evaluate(args)) => evaluate::run(&args),
        Some(Command::Bench(args)) => bench::run(args),
        None => Ok(()),
    }
}

/// The model at `path`, or the shipped one.
fn load(path: Option<&Path>) -> Result<Model> {
    match path {
        Some(path) => {
            let file = std::fs::File::open(path)
                .with_context(|| format!("opening model {}", path.display()))?;
            Model::load(std::io::BufReader::new(file))
                .with_context(|| format!("loading model {}", path.display()))
        }
        None => {
            crate::shipped_model().context("loading the shipped model (run `txclass-ml-api train`)")
        }
    }
}
