//! `txclass-batch classify`: wires the adapters, runs every object under
//! the prefix, pushes the run's metrics and answers the exit code.

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use tracing::Instrument as _;
use txclass_adapters::{MlApiClient, S3ObjectStore};
use txclass_core::csv::{Format, SeedDefaults};
use txclass_core::source::CsvOptions;
use txclass_core::{BatchId, ObjectStore, Orchestrator, RetryHint, RunId};
use txclass_service::metrics::{self, PipelineMetrics};

use crate::cli::{ClassifyArgs, EXIT_CONFIG, EXIT_REFUSED_OBJECT, EXIT_UNAVAILABLE, FormatArg};
use crate::push::push_run_metrics;
use crate::run::{self, ErrorsFirst, RunError, RunPlan, RunSummary};
use crate::summary::print_summary;

pub async fn classify(args: ClassifyArgs) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    let run_id = args.run_id.clone().map_or_else(RunId::generate, RunId::new);
    let batch_id = BatchId::new(args.batch_id.clone().unwrap_or_else(|| run_id.to_string()));
    tracing::info!(run_id = %run_id, batch_id = %batch_id, config = ?args, "txclass-batch classify starting");
    if args.chunk_size == 0 || args.concurrency == 0 {
        eprintln!("error: --chunk-size and --concurrency must be at least 1");
        return Ok(ExitCode::from(EXIT_CONFIG));
    }
    let objects: Arc<dyn ObjectStore> = Arc::new(S3ObjectStore::new(&args.objects.s3.settings()));
    let plan = plan(&args, run_id, batch_id);
    let orchestrator = match connect(&args, &plan, objects.clone()).await {
        Ok(orchestrator) => orchestrator,
        Err(e) => {
            eprintln!("error: {e:#}");
            return Ok(ExitCode::from(EXIT_UNAVAILABLE));
        }
    };

    let bar = progress_bar(args.no_progress);
    let progress_bar = bar.clone();
    let mut registry = metrics::registry();
    let pipeline_metrics = PipelineMetrics::register(&mut registry, "batch");
    let result = run::run(
        &plan,
        objects,
        &orchestrator,
        &pipeline_metrics,
        Arc::new(move |n| progress_bar.set_position(n)),
    )
    // Every log line of the run carries its run and batch ids.
    .instrument(tracing::info_span!("run", run_id = %plan.run_id, batch_id = %plan.batch_id))
    .await;
    bar.finish_and_clear();
    if let Some(gateway) = args.pushgateway_url.as_deref().filter(|u| !u.is_empty()) {
        let outcome = match &result {
            Ok(s) if s.refused_objects().is_empty() => "succeeded",
            _ => "failed",
        };
        push_run_metrics(gateway, &mut registry, &plan, outcome, started.elapsed()).await;
    }
    Ok(exit_code(result))
}

/// The ports of a run: PostgreSQL (migrated), the dead letters (to the
/// errors objects, then the topic) and the ML API client.
async fn connect(
    args: &ClassifyArgs,
    plan: &RunPlan,
    objects: Arc<dyn ObjectStore>,
) -> Result<Orchestrator> {
    let store = args
        .database
        .connect_and_migrate()
        .await
        .context("connecting to PostgreSQL")?;
    let dead_letters = args
        .kafka
        .dead_letter_queue()
        .context("creating the Kafka dead-letter producer")?;
    let classifier =
        MlApiClient::new(&args.ml_api.settings()).context("creating the ML API client")?;
    let dead_letters = ErrorsFirst::new(objects, plan, Arc::new(dead_letters));
    Ok(Orchestrator::new(
        Arc::new(classifier),
        Arc::new(store),
        Arc::new(dead_letters),
        args.retry.policy(),
    ))
}

fn plan(args: &ClassifyArgs, run_id: RunId, batch_id: BatchId) -> RunPlan {
    let format = match args.format {
        FormatArg::Auto => Format::Auto,
        FormatArg::Standard => Format::Standard,
        FormatArg::Seed => Format::Seed,
    };
    RunPlan {
        bucket: args.objects.bucket.clone(),
        prefix: args.objects.prefix.clone(),
        keys: args.keys.clone(),
        run_id,
        batch_id,
        chunk_size: args.chunk_size,
        concurrency: args.concurrency,
        errors_prefix: args.errors_prefix.clone(),
        csv: CsvOptions {
            format,
            seed: SeedDefaults {
                currency: args.currency.clone(),
                account_id: args.account_id.clone(),
            },
            max_record_bytes: args.max_record_bytes.max(1),
            max_chunk_bytes: args.chunk_bytes.max(1),
        },
    }
}

/// A spinner on a terminal, nothing elsewhere.
fn progress_bar(disabled: bool) -> ProgressBar {
    if disabled || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {elapsed_precise} {human_pos} records ({per_sec})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar
}

/// 0 done, 3 an object refused, 2 nothing to do or a fatal error, 4 a
/// service stayed down.
fn exit_code(result: Result<RunSummary, RunError>) -> ExitCode {
    match result {
        Ok(summary) => {
            print_summary(&summary);
            let refused = summary.refused_objects();
            if refused.is_empty() {
                return ExitCode::SUCCESS;
            }
            for o in refused {
                eprintln!(
                    "error: {}: {}",
                    o.key,
                    o.refused.as_deref().unwrap_or_default()
                );
            }
            ExitCode::from(EXIT_REFUSED_OBJECT)
        }
        Err(e @ RunError::NothingToDo { .. }) => {
            eprintln!("error: {e}");
            ExitCode::from(EXIT_CONFIG)
        }
        Err(e) => {
            let fatal = matches!(&e, RunError::Pipeline { source, .. } if !source.is_retryable())
                || matches!(&e, RunError::Store(p) if p.hint == RetryHint::Fatal);
            eprintln!("error: {e}");
            ExitCode::from(if fatal { EXIT_CONFIG } else { EXIT_UNAVAILABLE })
        }
    }
}
