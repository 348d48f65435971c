//! The training run behind `txclass-ml-api train`: cross-validation by
//! merchant for the figures, calibration on the folds' calibration halves,
//! then (by default) a refit on every merchant for the shipped weights.

use txclass_synth::{Generator, Labeled, Split};

use super::{
    Scores, TrainConfig, evaluate, featurize, fit_class_offsets, fit_temperature, shifted,
};
use crate::model::{CLASSES, FoldScore, Model};

/// What a run is asked for beyond the [`TrainConfig`].
#[derive(Debug, Clone)]
pub struct Options {
    /// Version prefix; a hash of the weights follows it.
    pub version: String,
    /// Folds of the cross-validation to run (1 to 5).
    pub folds: u8,
    /// Fit per-class offsets on the calibration records.
    pub class_offsets: bool,
    /// Refit on every merchant for the shipped weights.
    pub refit: bool,
    /// Keep the held-out records, to list the mistakes.
    pub keep_held_out: bool,
    /// Where the extra brands came from, recorded in the model.
    pub brands: Option<String>,
}

/// The model of a run, and the held-out material its figures stand on.
#[derive(Debug)]
pub struct Trained {
    pub model: Model,
    /// With [`Options::keep_held_out`]: every evaluation record with its
    /// fold, in the order of `held_out_scores`.
    pub held_out: Vec<(u8, Labeled)>,
    /// The calibrated scores of the evaluation records.
    pub held_out_scores: Scores,
}

/// The pooled scores of a cross-validation by merchant.
struct CrossValidation {
    calibration: Scores,
    evaluation: Scores,
    folds: Vec<FoldScore>,
    held_out: Vec<(u8, Labeled)>,
    /// Fold 0's model and its scores on new lines of merchants it saw.
    first: Model,
    fresh_seen: Scores,
}

/// A temperature and per-class offsets.
#[derive(Debug, Clone, Copy)]
struct Calibration {
    temperature: f32,
    offsets: [f32; CLASSES],
}

impl Calibration {
    fn apply(&self, model: &mut Model, version: &str) {
        model.info.temperature = self.temperature;
        model.info.class_offsets = self.offsets.to_vec();
        model.shift_bias(&self.offsets);
        super::stamp_version(model, version);
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error("--folds must be at least 1")]
    NoFolds,
}

/// Trains, measures and calibrates a model.
pub fn run(config: &TrainConfig, options: &Options) -> Result<Trained, TrainError> {
    let started = std::time::Instant::now();
    let cv = cross_validate(config, options, started)?;
    let calibration = calibrate(&cv.calibration, options.class_offsets);
    let evaluation = shifted(&cv.evaluation, &calibration.offsets);
    let fresh_seen = shifted(&cv.fresh_seen, &calibration.offsets);
    let mut held_out = evaluate(
        &evaluation,
        calibration.temperature,
        &held_out_label(options.folds),
    );
    held_out.folds = cv.folds;
    let fresh_seen = evaluate(
        &fresh_seen,
        calibration.temperature,
        "new transactions of merchants seen in training (fold 0's model)",
    );
    let mut model = if options.refit {
        refit(config, options, started)
    } else {
        cv.first
    };
    calibration.apply(&mut model, &options.version);
    model.info.evaluations = vec![held_out, fresh_seen];
    model.info.training.brands = options.brands.clone();
    model.info.training.folds = options.folds;
    model.info.training.refit_on_all_merchants = options.refit;
    Ok(Trained {
        model,
        held_out: cv.held_out,
        held_out_scores: evaluation,
    })
}

fn held_out_label(folds: u8) -> String {
    if folds == 1 {
        "held-out merchants (never seen in training), fold 0 only".to_owned()
    } else {
        format!("held-out merchants (never seen in training), {folds} folds pooled")
    }
}

/// Each fold's model is scored on the fold's merchants it never saw; the
/// scores of every fold are pooled.
fn cross_validate(
    config: &TrainConfig,
    options: &Options,
    started: std::time::Instant,
) -> Result<CrossValidation, TrainError> {
    let (mut calibration, mut evaluation) = (Vec::new(), Vec::new());
    let mut folds = Vec::new();
    let mut held_out = Vec::new();
    let mut first: Option<(Model, Scores)> = None;
    for fold in 0..options.folds {
        let data = super::data_sets(config, fold);
        let train_samples = featurize(&config.features, &data.train);
        let evaluation_samples = featurize(&config.features, &data.evaluation);
        // The model holds its weights as they ship (quantized), so the
        // figures and the temperature are those of the shipped model.
        let model = super::train(config, &train_samples, &options.version);
        calibration.extend(super::scores(
            &model,
            &featurize(&config.features, &data.calibration),
        ));
        let scores = super::scores(&model, &evaluation_samples);
        let figures = evaluate(&scores, 1.0, "fold");
        eprintln!(
            "fold {fold}: {} training, {} calibration, {} evaluation records; accuracy {:.4}, macro-F1 {:.4} ({:.1}s)",
            train_samples.len(),
            data.calibration.len(),
            data.evaluation.len(),
            figures.accuracy,
            figures.macro_f1,
            started.elapsed().as_secs_f64()
        );
        folds.push(FoldScore {
            fold,
            samples: scores.len(),
            accuracy: figures.accuracy,
            macro_f1: figures.macro_f1,
        });
        if options.keep_held_out {
            held_out.extend(data.evaluation.iter().map(|l| (fold, l.clone())));
        }
        evaluation.extend(scores);
        if first.is_none() {
            let fresh = super::scores(&model, &featurize(&config.features, &data.fresh_seen));
            first = Some((model, fresh));
        }
    }
    let (first, fresh_seen) = first.ok_or(TrainError::NoFolds)?;
    Ok(CrossValidation {
        calibration,
        evaluation,
        folds,
        held_out,
        first,
        fresh_seen,
    })
}

/// Per-class offsets when asked for, then the temperature.
fn calibrate(calibration: &Scores, class_offsets: bool) -> Calibration {
    let offsets = if class_offsets {
        fit_class_offsets(calibration, fit_temperature(calibration))
    } else {
        [0.0; CLASSES]
    };
    Calibration {
        temperature: fit_temperature(&shifted(calibration, &offsets)),
        offsets,
    }
}

/// The figures stand for the settings; the shipped weights also learn the
/// held-out merchants, as a model in production would.
fn refit(config: &TrainConfig, options: &Options, started: std::time::Instant) -> Model {
    let all = Generator::new(config.seed, Split::All).balanced(config.per_category);
    let model = super::train(config, &featurize(&config.features, &all), &options.version);
    eprintln!(
        "refit on every merchant ({} records) in {:.1}s",
        all.len(),
        started.elapsed().as_secs_f64()
    );
    model
}
