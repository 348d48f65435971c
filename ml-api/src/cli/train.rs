//! `txclass-ml-api train`: the reproducible training run, its figures and
//! the model file.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use txclass_core::Category;

use crate::features::{FeatureConfig, Scaling};
use crate::train::pipeline::{self, Options};
use crate::train::{self as training, TrainConfig, report};

#[derive(Args, Debug)]
pub struct TrainArgs {
    /// Where to write the model.
    #[arg(long, default_value = "ml-api/model/txclass.model")]
    out: PathBuf,
    #[arg(long, default_value_t = TrainConfig::default().seed)]
    seed: u64,
    /// Training records per category.
    #[arg(long, default_value_t = TrainConfig::default().per_category)]
    per_category: usize,
    /// Held-out records (calibration + evaluation, unseen merchants).
    #[arg(long, default_value_t = TrainConfig::default().held_out)]
    held_out: usize,
    #[arg(long, default_value_t = TrainConfig::default().epochs)]
    epochs: usize,
    /// AdaGrad learning rate.
    #[arg(long, default_value_t = TrainConfig::default().learning_rate)]
    learning_rate: f32,
    /// L2 penalty (larger generalizes better to unseen merchants).
    #[arg(long, default_value_t = TrainConfig::default().l2)]
    l2: f32,
    /// Version prefix; a hash of the weights follows it.
    #[arg(long, default_value = "lr-v1")]
    version: String,
    /// A Name Suggestion Index `nsi.json` whose US brands widen the catalog
    /// (`scripts/fetch-brands.sh` downloads the pinned release).
    #[arg(long = "brands-file", alias = "brands", env = "TXCLASS_BRANDS_FILE")]
    brands: Option<PathBuf>,
    /// Ship the held-out fit instead of refitting on every merchant.
    #[arg(long)]
    no_refit: bool,
    /// Also write the held-out records the model gets wrong to this CSV file.
    #[arg(long)]
    mistakes: Option<PathBuf>,
    /// log2 of the hashed feature space (the model holds 16 bytes per slot).
    #[arg(long, default_value_t = TrainConfig::default().features.bits, value_parser = clap::value_parser!(u32).range(10..=24))]
    bits: u32,
    /// How the text, MCC and amount features are weighed: `global` or
    /// `blocks:MCC,SIGN,MAGNITUDE,BIAS`.
    #[arg(long, default_value_t = TrainConfig::default().features.scaling)]
    scaling: Scaling,
    /// Also fit per-class offsets on the calibration records: they correct
    /// the class shares a model predicts for merchants it never saw (better
    /// figures on unseen merchants, slightly worse on known ones).
    #[arg(long)]
    class_offsets: bool,
    /// Folds of the merchant-level cross-validation to run, 1 to 5 (1: fold
    /// 0 only, quicker; the figures then stand on a fifth of the merchants).
    #[arg(long, default_value_t = txclass_synth::FOLDS, value_parser = clap::value_parser!(u8).range(1..=i64::from(txclass_synth::FOLDS)))]
    folds: u8,
}

pub(super) fn run(args: TrainArgs) -> Result<()> {
    let config = TrainConfig {
        seed: args.seed,
        per_category: args.per_category,
        held_out: args.held_out,
        epochs: args.epochs,
        learning_rate: args.learning_rate,
        l2: args.l2,
        features: FeatureConfig {
            bits: args.bits,
            scaling: args.scaling,
            ..FeatureConfig::default()
        },
    };
    let options = Options {
        version: args.version.clone(),
        folds: args.folds,
        class_offsets: args.class_offsets,
        refit: !args.no_refit,
        keep_held_out: args.mistakes.is_some(),
        brands: args.brands.as_ref().map(|p| load_brands(p)).transpose()?,
    };
    let trained = pipeline::run(&config, &options)?;
    if let Some(path) = &args.mistakes {
        write_mistakes(path, &trained)?;
    }
    let model = trained.model;
    println!(
        "model {} (temperature {:.2})\n",
        model.info.version, model.info.temperature
    );
    for e in &model.info.evaluations {
        println!("{}", report(e));
    }
    if let Some(parent) = args.out.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut bytes = Vec::new();
    model.save(&mut bytes)?;
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    println!("wrote {} ({} bytes)", args.out.display(), bytes.len());
    Ok(())
}

/// Adds a Name Suggestion Index's US brands to the catalog; answers what to
/// record of them in the model.
fn load_brands(path: &std::path::Path) -> Result<String> {
    let list = txclass_synth::BrandList::from_nsi_file(path)
        .with_context(|| format!("loading brands from {}", path.display()))?;
    let added = list.extend_catalog()?;
    let per_category: Vec<String> = Category::ALL
        .iter()
        .zip(list.counts())
        .map(|(c, n)| format!("{c} {n}"))
        .collect();
    eprintln!(
        "{}: {added} US brands added to the catalog ({})",
        list.source,
        per_category.join(", ")
    );
    Ok(format!("{}: {added} US brands", list.source))
}

fn write_mistakes(path: &std::path::Path, trained: &pipeline::Trained) -> Result<()> {
    let file =
        std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let written = training::write_mistakes(
        &trained.held_out,
        &trained.held_out_scores,
        trained.model.info.temperature,
        std::io::BufWriter::new(file),
    )
    .with_context(|| format!("writing {}", path.display()))?;
    eprintln!("{written} held-out mistakes written to {}", path.display());
    Ok(())
}
