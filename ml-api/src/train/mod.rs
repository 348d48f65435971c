//! Training and evaluation, reproducible from a seed.
//!
//! Data: the synthetic generator (`txclass-synth`) with merchant-level
//! cross-validation: the merchants fall into five folds; for each fold a
//! model trains on the other four, and the fold's merchants are split by
//! hash into a calibration half (fits the temperature) and an evaluation half
//! (the figures reported). Pooled over the folds, every merchant is measured
//! once, by a model that never saw it.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use txclass_core::{Category, Transaction};
use txclass_synth::{Generator, Labeled, Split};
use xxhash_rust::xxh3::xxh3_64;

mod calibrate;
mod evaluate;
mod labelled;
pub mod pipeline;

pub use self::calibrate::{fit_class_offsets, fit_temperature, shifted};
pub use self::evaluate::{evaluate, report};
pub use self::labelled::{
    LabelledError, LabelledRow, read_labelled, score_labelled, write_mistakes,
};
use crate::features::{Extractor, Feature, FeatureConfig, Input};
use crate::model::{CLASSES, Model, ModelInfo, TrainingInfo, softmax};

#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub seed: u64,
    pub per_category: usize,
    pub held_out: usize,
    pub epochs: usize,
    pub learning_rate: f32,
    pub l2: f32,
    pub features: FeatureConfig,
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self {
            seed: 20_261_122,
            per_category: 12_000,
            held_out: 40_000,
            epochs: 6,
            learning_rate: 0.2,
            l2: 1e-5,
            features: FeatureConfig::default(),
        }
    }
}

#[derive(Debug)]
pub struct Sample {
    pub features: Vec<Feature>,
    pub label: usize,
}

pub fn input_of(tx: &Transaction) -> Input<'_> {
    Input {
        description: tx.description(),
        merchant: tx.merchant(),
        mcc: tx.mcc(),
        amount: tx.amount().try_into().ok(),
    }
}

pub fn featurize(config: &FeatureConfig, data: &[Labeled]) -> Vec<Sample> {
    let mut extractor = Extractor::default();
    data.iter()
        .map(|l| {
            let mut features = Vec::new();
            extractor.extract(config, &input_of(&l.transaction), &mut features);
            Sample {
                features,
                label: l.category.index(),
            }
        })
        .collect()
}

/// The data sets of one training run.
#[derive(Debug)]
pub struct DataSets {
    pub train: Vec<Labeled>,
    pub calibration: Vec<Labeled>,
    /// Merchants the model never saw.
    pub evaluation: Vec<Labeled>,
    /// New transactions (fresh store numbers, cities, truncations, amounts)
    /// of merchants seen in training.
    pub fresh_seen: Vec<Labeled>,
}

/// The data sets of fold `fold`: training on the other folds' merchants,
/// calibration and evaluation on this fold's.
pub fn data_sets(config: &TrainConfig, fold: u8) -> DataSets {
    let train = Generator::new(config.seed, Split::Trained(fold)).balanced(config.per_category);
    let mut held_out = Generator::new(config.seed.wrapping_add(1), Split::HeldOut(fold));
    let (mut calibration, mut evaluation) = (Vec::new(), Vec::new());
    for _ in 0..config.held_out {
        let l = held_out.next_labeled();
        if xxh3_64(l.merchant_key.as_bytes()).is_multiple_of(2) {
            calibration.push(l);
        } else {
            evaluation.push(l);
        }
    }
    let mut seen = Generator::new(config.seed.wrapping_add(2), Split::Trained(fold));
    let fresh_seen = (0..config.held_out / 2)
        .map(|_| seen.next_labeled())
        .collect();
    DataSets {
        train,
        calibration,
        evaluation,
        fresh_seen,
    }
}

/// Trains by AdaGrad SGD on cross-entropy with L2, in a seeded order.
pub fn train(config: &TrainConfig, train: &[Sample], version_tag: &str) -> Model {
    let dims = config.features.dims();
    let mut weights = vec![0f32; dims * CLASSES];
    let mut squared = vec![0f32; dims * CLASSES];
    let mut bias = [0f32; CLASSES];
    let mut bias_squared = [0f32; CLASSES];
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
    let lr = config.learning_rate;
    const EPS: f32 = 1e-6;

    let probe = |weights: &[f32], bias: &[f32; CLASSES], features: &[Feature]| {
        let mut z = *bias;
        for f in features {
            let row = &weights[f.index as usize * CLASSES..][..CLASSES];
            for (zc, w) in z.iter_mut().zip(row) {
                *zc += w * f.value;
            }
        }
        softmax(&z, 1.0)
    };

    for _epoch in 0..config.epochs {
        order.shuffle(&mut rng);
        for &i in &order {
            let sample = &train[i];
            let p = probe(&weights, &bias, &sample.features);
            let mut g = [0f32; CLASSES];
            for c in 0..CLASSES {
                g[c] = p[c] as f32 - if c == sample.label { 1.0 } else { 0.0 };
            }
            for f in &sample.features {
                let base = f.index as usize * CLASSES;
                for c in 0..CLASSES {
                    let w = &mut weights[base + c];
                    let grad = g[c] * f.value + config.l2 * *w;
                    let acc = &mut squared[base + c];
                    *acc += grad * grad;
                    *w -= lr * grad / (acc.sqrt() + EPS);
                }
            }
            for c in 0..CLASSES {
                bias_squared[c] += g[c] * g[c];
                bias[c] -= lr * g[c] / (bias_squared[c].sqrt() + EPS);
            }
        }
    }

    let info = ModelInfo {
        version: String::new(),
        algorithm: "multinomial logistic regression (AdaGrad, L2) over hashed word, bigram and character n-gram features, MCC and amount; temperature-calibrated".into(),
        features: config.features,
        categories: Category::ALL.to_vec(),
        temperature: 1.0,
        class_offsets: Vec::new(),
        training: TrainingInfo {
            seed: config.seed,
            samples: train.len(),
            epochs: config.epochs,
            learning_rate: config.learning_rate,
            l2: config.l2,
            brands: None,
            refit_on_all_merchants: false,
            folds: 0,
        },
        evaluations: Vec::new(),
    };
    let mut model = Model::new(info, weights, bias);
    stamp_version(&mut model, version_tag);
    model
}

/// Sets the model's version to `<tag>-<hash of the weights and info>`.
/// Called again after anything changes the weights.
pub fn stamp_version(model: &mut Model, tag: &str) {
    model.info.version.clear();
    let mut bytes = Vec::new();
    let _ = model.save(&mut bytes);
    model.info.version = format!("{tag}-{:08x}", (xxh3_64(&bytes) >> 32) as u32);
}

/// A model's raw scores of some samples, with their labels: what the
/// temperature is fit on and the figures are computed from, so the scores of
/// several folds' models can be pooled.
pub type Scores = Vec<([f32; CLASSES], usize)>;

pub fn scores(model: &Model, samples: &[Sample]) -> Scores {
    samples
        .iter()
        .map(|s| (model.logits(&s.features), s.label))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_follows_the_weights() {
        let config = TrainConfig {
            per_category: 20,
            epochs: 1,
            features: FeatureConfig {
                bits: 12,
                ..FeatureConfig::default()
            },
            ..TrainConfig::default()
        };
        let data = Generator::new(1, Split::Train).balanced(config.per_category);
        let mut model = train(&config, &featurize(&config.features, &data), "t");
        let before = model.info.version.clone();
        stamp_version(&mut model, "t");
        assert_eq!(model.info.version, before, "same weights, same version");
        let mut offsets = [0f32; CLASSES];
        offsets[3] = 0.5;
        model.shift_bias(&offsets);
        stamp_version(&mut model, "t");
        assert_ne!(model.info.version, before);
        assert!(model.info.version.starts_with("t-"));
    }
}
