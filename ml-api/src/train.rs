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

use crate::features::{Extractor, Feature, FeatureConfig, Input};
use crate::model::{
    CLASSES, CalibrationBin, CategoryScore, Confusion, Evaluation, Model, ModelInfo, TrainingInfo,
    softmax,
};

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

/// The temperature minimizing negative log-likelihood on `logits`.
pub fn fit_temperature(logits: &[([f32; CLASSES], usize)]) -> f32 {
    let nll = |t: f32| -> f64 {
        logits
            .iter()
            .map(|(z, y)| -softmax(z, t)[*y].max(1e-12).ln())
            .sum::<f64>()
            / logits.len().max(1) as f64
    };
    let mut best = (1.0f32, nll(1.0));
    let mut t = 0.3f32;
    while t <= 4.0 {
        let loss = nll(t);
        if loss < best.1 {
            best = (t, loss);
        }
        t += 0.05;
    }
    best.0
}

/// Per-class offsets added to the raw scores that maximize the likelihood
/// of `logits`' labels at `temperature`, so the predicted class shares match
/// the observed ones. Fit on held-out calibration records, they correct both
/// the class prior (training draws every category equally often, statements
/// do not) and the shares a model predicts for merchants it never saw; the
/// second is most of their effect.
pub fn fit_class_offsets(logits: &[([f32; CLASSES], usize)], temperature: f32) -> [f32; CLASSES] {
    let n = logits.len().max(1) as f64;
    let mut offsets = [0f64; CLASSES];
    let t = f64::from(temperature.max(1e-3));
    // Diagonal Newton steps on the mean negative log-likelihood, which is
    // convex in the offsets: the gradient is (mean predicted - observed
    // share), the curvature mean p(1 - p). Steps are halved (moving one
    // class's offset also moves every other class's share) and capped.
    for _ in 0..100 {
        let mut gradient = [0f64; CLASSES];
        let mut curvature = [0f64; CLASSES];
        for (z, y) in logits {
            let mut shifted = *z;
            for (s, o) in shifted.iter_mut().zip(offsets) {
                *s += (o * t) as f32;
            }
            let p = softmax(&shifted, temperature);
            for c in 0..CLASSES {
                gradient[c] += p[c] - if c == *y { 1.0 } else { 0.0 };
                curvature[c] += p[c] * (1.0 - p[c]);
            }
        }
        for ((o, g), h) in offsets.iter_mut().zip(gradient).zip(curvature) {
            *o -= (0.5 * g / h.max(1e-3 * n)).clamp(-1.0, 1.0);
        }
    }
    offsets.map(|o| (o * t) as f32)
}

/// `logits` with `offsets` added to every score.
pub fn shifted(logits: &[([f32; CLASSES], usize)], offsets: &[f32; CLASSES]) -> Scores {
    logits
        .iter()
        .map(|(z, y)| {
            let mut z = *z;
            for (s, o) in z.iter_mut().zip(offsets) {
                *s += o;
            }
            (z, *y)
        })
        .collect()
}

/// The figures of scored samples at `temperature`.
pub fn evaluate(scores: &[([f32; CLASSES], usize)], temperature: f32, split: &str) -> Evaluation {
    let mut confusion = vec![[0usize; CLASSES]; CLASSES];
    let mut bins: Vec<(usize, f64, usize)> = vec![(0, 0.0, 0); 10];
    let (mut high, mut high_right) = (0usize, 0usize);
    for (z, label) in scores {
        let p = softmax(z, temperature);
        let (best, confidence) =
            p.iter().enumerate().fold(
                (0, 0.0),
                |acc, (i, v)| if *v > acc.1 { (i, *v) } else { acc },
            );
        confusion[*label][best] += 1;
        let bin = ((confidence * 10.0) as usize).min(9);
        bins[bin].0 += 1;
        bins[bin].1 += confidence;
        bins[bin].2 += usize::from(best == *label);
        if confidence >= 0.9 {
            high += 1;
            high_right += usize::from(best == *label);
        }
    }
    let total = scores.len().max(1);
    let correct: usize = (0..CLASSES).map(|c| confusion[c][c]).sum();
    let per_category: Vec<CategoryScore> = Category::ALL
        .iter()
        .map(|&category| {
            let c = category.index();
            let support: usize = confusion[c].iter().sum();
            let predicted: usize = confusion.iter().map(|row| row[c]).sum();
            let tp = confusion[c][c] as f64;
            let precision = if predicted > 0 {
                tp / predicted as f64
            } else {
                0.0
            };
            let recall = if support > 0 {
                tp / support as f64
            } else {
                0.0
            };
            let f1 = if precision + recall > 0.0 {
                2.0 * precision * recall / (precision + recall)
            } else {
                0.0
            };
            CategoryScore {
                category,
                support,
                precision,
                recall,
                f1,
            }
        })
        .collect();
    let mut confusions: Vec<Confusion> = Category::ALL
        .iter()
        .flat_map(|&actual| {
            let row = &confusion[actual.index()];
            Category::ALL
                .iter()
                .filter(move |p| **p != actual && row[p.index()] > 0)
                .map(move |&predicted| Confusion {
                    actual,
                    predicted,
                    count: row[predicted.index()],
                })
        })
        .collect();
    confusions.sort_by_key(|c| std::cmp::Reverse(c.count));
    confusions.truncate(12);
    let present: Vec<&CategoryScore> = per_category.iter().filter(|s| s.support > 0).collect();
    let macro_f1 = present.iter().map(|s| s.f1).sum::<f64>() / present.len().max(1) as f64;
    Evaluation {
        split: split.to_owned(),
        samples: scores.len(),
        accuracy: correct as f64 / total as f64,
        macro_f1,
        per_category,
        calibration: bins
            .iter()
            .enumerate()
            .filter(|(_, b)| b.0 > 0)
            .map(|(i, b)| CalibrationBin {
                low: i as f64 / 10.0,
                high: (i + 1) as f64 / 10.0,
                count: b.0,
                mean_confidence: b.1 / b.0 as f64,
                accuracy: b.2 as f64 / b.0 as f64,
            })
            .collect(),
        high_confidence_share: high as f64 / total as f64,
        high_confidence_accuracy: if high > 0 {
            high_right as f64 / high as f64
        } else {
            0.0
        },
        confusions,
        folds: Vec::new(),
    }
}

/// Prints an evaluation as tables.
pub fn report(e: &Evaluation) -> String {
    let mut out = format!(
        "{}: {} samples, accuracy {:.4}, macro-F1 {:.4}; confidence >= 0.9 on {:.1}% of records, right {:.2}% of the time\n",
        e.split,
        e.samples,
        e.accuracy,
        e.macro_f1,
        e.high_confidence_share * 100.0,
        e.high_confidence_accuracy * 100.0
    );
    out.push_str(&format!(
        "{:<28} {:>8} {:>9} {:>7} {:>7}\n",
        "category", "support", "precision", "recall", "f1"
    ));
    for s in &e.per_category {
        out.push_str(&format!(
            "{:<28} {:>8} {:>9.3} {:>7.3} {:>7.3}\n",
            s.category.as_str(),
            s.support,
            s.precision,
            s.recall,
            s.f1
        ));
    }
    out.push_str(&format!(
        "{:<12} {:>8} {:>16} {:>9}\n",
        "confidence", "count", "mean confidence", "accuracy"
    ));
    for b in &e.calibration {
        out.push_str(&format!(
            "{:.1}-{:.1}      {:>8} {:>16.3} {:>9.3}\n",
            b.low, b.high, b.count, b.mean_confidence, b.accuracy
        ));
    }
    for f in &e.folds {
        out.push_str(&format!(
            "fold {}: {} samples, accuracy {:.4}, macro-F1 {:.4}\n",
            f.fold, f.samples, f.accuracy, f.macro_f1
        ));
    }
    if !e.confusions.is_empty() {
        out.push_str(&format!(
            "{:<28} {:<28} {:>8}\n",
            "most confused: actual", "predicted", "records"
        ));
        for c in &e.confusions {
            out.push_str(&format!(
                "{:<28} {:<28} {:>8}\n",
                c.actual.as_str(),
                c.predicted.as_str(),
                c.count
            ));
        }
    }
    out
}

/// Writes every held-out record whose score is wrong as CSV (fold, actual
/// and predicted category, confidence at `temperature`, channel, merchant key
/// and the inputs), so the mistakes can be read, counted and grouped.
/// `held` and `scores` are in the same order.
pub fn write_mistakes(
    held: &[(u8, Labeled)],
    scores: &[([f32; CLASSES], usize)],
    temperature: f32,
    out: impl std::io::Write,
) -> Result<usize, csv::Error> {
    let mut out = csv::Writer::from_writer(out);
    out.write_record([
        "fold",
        "actual",
        "predicted",
        "confidence",
        "channel",
        "merchant_key",
        "description",
        "merchant",
        "mcc",
        "amount",
    ])?;
    let mut written = 0;
    for ((fold, labeled), (z, _)) in held.iter().zip(scores) {
        let best = crate::model::top_k(&softmax(z, temperature), 1)[0];
        if best.category == labeled.category {
            continue;
        }
        let tx = &labeled.transaction;
        out.write_record([
            fold.to_string().as_str(),
            labeled.category.as_str(),
            best.category.as_str(),
            &format!("{:.3}", best.confidence),
            &format!("{:?}", labeled.channel),
            &labeled.merchant_key,
            tx.description(),
            tx.merchant().unwrap_or_default(),
            tx.mcc().unwrap_or_default(),
            &tx.amount().to_string(),
        ])?;
        written += 1;
    }
    out.flush()?;
    Ok(written)
}

/// One row of a labelled CSV file: `description,merchant,mcc,amount,category`
/// (merchant, MCC and amount may be empty).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct LabelledRow {
    pub description: String,
    #[serde(default)]
    pub merchant: Option<String>,
    #[serde(default)]
    pub mcc: Option<String>,
    #[serde(default)]
    pub amount: Option<f64>,
    pub category: Category,
}

impl LabelledRow {
    pub fn input(&self) -> Input<'_> {
        Input {
            description: &self.description,
            merchant: self.merchant.as_deref().filter(|m| !m.is_empty()),
            mcc: self.mcc.as_deref().filter(|m| !m.is_empty()),
            amount: self.amount,
        }
    }
}

/// A labelled file row that does not parse, with its line.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {source}")]
pub struct LabelledError {
    pub line: u64,
    #[source]
    pub source: csv::Error,
}

/// Reads a labelled CSV file, naming the line of a row that does not parse.
pub fn read_labelled(input: impl std::io::Read) -> Result<Vec<LabelledRow>, LabelledError> {
    let mut reader = csv::Reader::from_reader(input);
    let mut rows = Vec::new();
    for row in reader.deserialize() {
        match row {
            Ok(row) => rows.push(row),
            Err(source) => {
                let line = source.position().map_or(0, csv::Position::line);
                return Err(LabelledError { line, source });
            }
        }
    }
    Ok(rows)
}

/// Scores labelled rows with `model`.
pub fn score_labelled(model: &Model, rows: &[LabelledRow]) -> Scores {
    let mut extractor = Extractor::default();
    let mut features = Vec::new();
    rows.iter()
        .map(|row| {
            extractor.extract(&model.info.features, &row.input(), &mut features);
            (model.logits(&features), row.category.index())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_offsets_bring_predicted_shares_to_the_observed_ones() {
        // Scores that favour class 0 by one logit everywhere, while the
        // labels are split evenly between classes 0 and 1.
        let mut logits: Scores = Vec::new();
        for i in 0..400 {
            let mut z = [0f32; CLASSES];
            z[0] = 1.0;
            z[1] = 0.0;
            for other in &mut z[2..] {
                *other = -8.0;
            }
            logits.push((z, i % 2));
        }
        let offsets = fit_class_offsets(&logits, 1.0);
        let shifted = shifted(&logits, &offsets);
        let p = softmax(&shifted[0].0, 1.0);
        assert!((p[0] - 0.5).abs() < 0.02, "{p:?}");
        assert!((p[1] - 0.5).abs() < 0.02, "{p:?}");
    }

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
