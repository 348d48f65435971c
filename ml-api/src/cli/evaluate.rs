//! `txclass-ml-api evaluate`: the figures stored in a model, or a score of
//! a labelled CSV file.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Args;

use crate::model::Model;
use crate::train::{self, evaluate, report};

#[derive(Args, Debug)]
pub struct EvaluateArgs {
    /// Model file; the shipped model when absent.
    #[arg(long = "model-path", alias = "model", env = "ML_API_MODEL_PATH")]
    model: Option<PathBuf>,
    /// A labelled CSV file to score instead of printing the stored figures.
    #[arg(long)]
    labelled: Option<PathBuf>,
    /// With --labelled: also list every row the model gets wrong.
    #[arg(long, requires = "labelled")]
    show_mistakes: bool,
}

pub(super) fn run(args: &EvaluateArgs) -> Result<()> {
    let model = super::load(args.model.as_deref())?;
    println!("model {}\n", model.info.version);
    match &args.labelled {
        Some(path) => evaluate_labelled(&model, path, args.show_mistakes),
        None => {
            for e in &model.info.evaluations {
                println!("{}", report(e));
            }
            Ok(())
        }
    }
}

fn evaluate_labelled(model: &Model, path: &Path, show_mistakes: bool) -> Result<()> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let rows = train::read_labelled(std::io::BufReader::new(file))
        .with_context(|| format!("reading {}", path.display()))?;
    let scores = train::score_labelled(model, &rows);
    let figures = evaluate(&scores, model.info.temperature, &path.display().to_string());
    println!("{}", report(&figures));
    if show_mistakes {
        println!(
            "{:<26} {:<26} {:>6}  description",
            "actual", "predicted", "conf"
        );
        for (row, (z, _)) in rows.iter().zip(&scores) {
            let best = crate::model::top_k(&crate::model::softmax(z, model.info.temperature), 1)[0];
            if best.category != row.category {
                println!(
                    "{:<26} {:<26} {:>6.3}  {} | {} | {} | {}",
                    row.category.as_str(),
                    best.category.as_str(),
                    best.confidence,
                    row.description,
                    row.merchant.as_deref().unwrap_or_default(),
                    row.mcc.as_deref().unwrap_or_default(),
                    row.amount.map(|a| a.to_string()).unwrap_or_default()
                );
            }
        }
    }
    Ok(())
}
