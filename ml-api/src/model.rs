//! A multinomial logistic regression over hashed features, calibrated by
//! temperature scaling, stored as a small versioned file (i8 weights, gzip).

use std::io::{Read, Write};

use serde::{Deserialize, Serialize};
use txclass_core::Category;

use crate::features::{Extractor, Feature, FeatureConfig, Input};

pub const CLASSES: usize = Category::ALL.len();
const MAGIC: &[u8; 6] = b"TXCM1\n";

/// Held-out figures stored with the model and served on `/v1/model`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub split: String,
    pub samples: usize,
    pub accuracy: f64,
    pub macro_f1: f64,
    pub per_category: Vec<CategoryScore>,
    pub calibration: Vec<CalibrationBin>,
    /// Share of predictions with confidence ≥ 0.9, and their accuracy.
    pub high_confidence_share: f64,
    pub high_confidence_accuracy: f64,
    /// The most frequent mistakes, most frequent first.
    #[serde(default)]
    pub confusions: Vec<Confusion>,
    /// Per fold, when the figures pool several folds of a cross-validation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub folds: Vec<FoldScore>,
}

/// One fold's share of a cross-validated evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FoldScore {
    pub fold: u8,
    pub samples: usize,
    pub accuracy: f64,
    pub macro_f1: f64,
}

/// How often records of one category were taken for another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Confusion {
    pub actual: Category,
    pub predicted: Category,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryScore {
    pub category: Category,
    pub support: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalibrationBin {
    pub low: f64,
    pub high: f64,
    pub count: usize,
    pub mean_confidence: f64,
    pub accuracy: f64,
}

/// Everything about a model but its weights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelInfo {
    pub version: String,
    pub algorithm: String,
    pub features: FeatureConfig,
    pub categories: Vec<Category>,
    pub temperature: f32,
    /// Per-class offsets fit on held-out calibration records (already
    /// added to the bias; kept here to be read). Empty in models that
    /// predate them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub class_offsets: Vec<f32>,
    pub training: TrainingInfo,
    pub evaluations: Vec<Evaluation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingInfo {
    pub seed: u64,
    pub samples: usize,
    pub epochs: usize,
    pub learning_rate: f32,
    pub l2: f32,
    /// The public brand list that widened the catalog, if any.
    #[serde(default)]
    pub brands: Option<String>,
    /// Whether the shipped weights were refit on every merchant after the
    /// held-out evaluation (the figures then describe the held-out fit).
    #[serde(default)]
    pub refit_on_all_merchants: bool,
    /// Folds of the merchant-level cross-validation behind the figures (0
    /// in models that predate it: one held-out fold).
    #[serde(default)]
    pub folds: u8,
}

/// One scored category.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scored {
    pub category: Category,
    pub confidence: f64,
}

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("model file is not a txclass model (bad magic)")]
    BadMagic,
    #[error("model file is damaged: {0}")]
    Damaged(String),
    #[error("model file I/O: {0}")]
    Io(#[from] std::io::Error),
}

/// Weights are stored as they ship: one signed byte per feature and class,
/// feature-major (`weights[f * CLASSES + c]`) so one feature's 16 class
/// weights are one 16-byte row, with one scale per class. The table is a
/// quarter of its `f32` size (4 MiB at 18 bits), so more of it stays in
/// cache while serving.
#[derive(Debug)]
pub struct Model {
    pub info: ModelInfo,
    weights: Vec<i8>,
    scales: [f32; CLASSES],
    bias: [f32; CLASSES],
}

impl Model {
    /// A model of trained `f32` weights, quantized as it will be saved.
    pub fn new(info: ModelInfo, weights: Vec<f32>, bias: [f32; CLASSES]) -> Self {
        let mut scales = [0.0f32; CLASSES];
        for row in weights.chunks_exact(CLASSES) {
            for (s, w) in scales.iter_mut().zip(row) {
                *s = s.max(w.abs());
            }
        }
        let scales = scales.map(|m| m / 127.0);
        let weights = weights
            .chunks_exact(CLASSES)
            .flat_map(|row| {
                row.iter().zip(scales).map(|(w, s)| {
                    if s > 0.0 {
                        (w / s).round().clamp(-127.0, 127.0) as i8
                    } else {
                        0
                    }
                })
            })
            .collect();
        Self {
            info,
            weights,
            scales,
            bias,
        }
    }

    pub fn dims(&self) -> usize {
        self.info.features.dims()
    }

    /// Adds `offsets` to the class biases.
    pub fn shift_bias(&mut self, offsets: &[f32; CLASSES]) {
        for (b, o) in self.bias.iter_mut().zip(offsets) {
            *b += o;
        }
    }

    /// Raw class scores of extracted features.
    pub fn logits(&self, features: &[Feature]) -> [f32; CLASSES] {
        let mut z = [0f32; CLASSES];
        for f in features {
            let start = f.index as usize * CLASSES;
            let Some(row) = self.weights.get(start..start + CLASSES) else {
                continue;
            };
            for (zc, w) in z.iter_mut().zip(row) {
                *zc += f32::from(*w) * f.value;
            }
        }
        for ((zc, s), b) in z.iter_mut().zip(self.scales).zip(self.bias) {
            *zc = *zc * s + b;
        }
        z
    }

    /// Calibrated probabilities of every category.
    pub fn probabilities(&self, features: &[Feature]) -> [f64; CLASSES] {
        softmax(&self.logits(features), self.info.temperature)
    }

    /// The `k` most likely categories, best first.
    pub fn top(
        &self,
        extractor: &mut Extractor,
        buffer: &mut Vec<Feature>,
        input: &Input<'_>,
        k: usize,
    ) -> Vec<Scored> {
        extractor.extract(&self.info.features, input, buffer);
        let p = self.probabilities(buffer);
        top_k(&p, k)
    }

    /// Per-feature contribution to a category's score, largest first.
    pub fn explain(&self, input: &Input<'_>, category: Category, k: usize) -> Vec<(String, f32)> {
        let mut extractor = Extractor::explaining();
        let mut features = Vec::new();
        extractor.extract(&self.info.features, input, &mut features);
        let c = category.index();
        let mut contributions: Vec<(String, f32)> = features
            .iter()
            .zip(extractor.names())
            .map(|(f, name)| {
                let w = self.weights[f.index as usize * CLASSES + c];
                (name.clone(), f32::from(w) * self.scales[c] * f.value)
            })
            .collect();
        contributions.sort_by(|a, b| b.1.total_cmp(&a.1));
        contributions.truncate(k);
        contributions
    }

    /// Writes the model: magic, JSON info, then gzip of bias, per-class
    /// scales and the i8 weights.
    pub fn save(&self, mut out: impl Write) -> Result<(), ModelError> {
        out.write_all(MAGIC)?;
        let info =
            serde_json::to_vec(&self.info).map_err(|e| ModelError::Damaged(e.to_string()))?;
        out.write_all(&(info.len() as u32).to_le_bytes())?;
        out.write_all(&info)?;
        let mut gz = flate2::write::GzEncoder::new(out, flate2::Compression::best());
        for b in self.bias {
            gz.write_all(&b.to_le_bytes())?;
        }
        for s in self.scales {
            gz.write_all(&s.to_le_bytes())?;
        }
        let bytes: Vec<u8> = self.weights.iter().map(|w| *w as u8).collect();
        gz.write_all(&bytes)?;
        gz.finish()?;
        Ok(())
    }

    /// Reads a model written by [`Model::save`].
    pub fn load(mut input: impl Read) -> Result<Self, ModelError> {
        let mut magic = [0u8; 6];
        input.read_exact(&mut magic)?;
        if &magic != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let mut len = [0u8; 4];
        input.read_exact(&mut len)?;
        let mut info = vec![0u8; u32::from_le_bytes(len) as usize];
        input.read_exact(&mut info)?;
        let info: ModelInfo =
            serde_json::from_slice(&info).map_err(|e| ModelError::Damaged(e.to_string()))?;
        if info.categories != Category::ALL {
            return Err(ModelError::Damaged(
                "category list differs from this build".into(),
            ));
        }
        if !(1..=26).contains(&info.features.bits) {
            return Err(ModelError::Damaged(format!(
                "feature space of 2^{} is out of range",
                info.features.bits
            )));
        }
        let mut gz = flate2::read::GzDecoder::new(input);
        let mut read_f32s = || -> Result<[f32; CLASSES], ModelError> {
            let mut bytes = [0u8; CLASSES * 4];
            gz.read_exact(&mut bytes)?;
            let mut out = [0f32; CLASSES];
            for (o, b) in out.iter_mut().zip(bytes.chunks_exact(4)) {
                *o = f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            }
            Ok(out)
        };
        let bias = read_f32s()?;
        let scales = read_f32s()?;
        let mut quantized = vec![0u8; info.features.dims() * CLASSES];
        gz.read_exact(&mut quantized)?;
        let weights = quantized.into_iter().map(|q| q as i8).collect();
        Ok(Self {
            info,
            weights,
            scales,
            bias,
        })
    }
}

pub fn softmax(z: &[f32; CLASSES], temperature: f32) -> [f64; CLASSES] {
    let t = f64::from(temperature.max(1e-3));
    let max = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut p = [0f64; CLASSES];
    let mut sum = 0.0;
    for (pc, zc) in p.iter_mut().zip(z) {
        *pc = (f64::from(zc - max) / t).exp();
        sum += *pc;
    }
    for pc in &mut p {
        *pc /= sum;
    }
    p
}

pub fn top_k(p: &[f64; CLASSES], k: usize) -> Vec<Scored> {
    // A selection, not a sort: k is small (3 on the serving path), and ties
    // keep the category order.
    let mut taken = [false; CLASSES];
    let mut out = Vec::with_capacity(k.min(CLASSES));
    for _ in 0..k.min(CLASSES) {
        let mut best: Option<usize> = None;
        for (i, v) in p.iter().enumerate() {
            if !taken[i] && best.is_none_or(|b| v.total_cmp(&p[b]).is_gt()) {
                best = Some(i);
            }
        }
        let Some(i) = best else { break };
        taken[i] = true;
        out.push(Scored {
            category: Category::ALL[i],
            confidence: p[i].clamp(0.0, 1.0),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::train::{TrainConfig, featurize, train};
    use txclass_synth::{Generator, Split};

    fn small_model() -> Model {
        let config = TrainConfig {
            per_category: 60,
            epochs: 2,
            features: FeatureConfig {
                bits: 14,
                ..FeatureConfig::default()
            },
            ..TrainConfig::default()
        };
        let data = Generator::new(1, Split::Train).balanced(config.per_category);
        train(&config, &featurize(&config.features, &data), "test")
    }

    #[test]
    fn a_saved_model_loads_with_the_same_predictions() {
        let model = small_model();
        let mut bytes = Vec::new();
        model.save(&mut bytes).expect("save");
        let loaded = Model::load(bytes.as_slice()).expect("load");
        assert_eq!(loaded.info, model.info);
        let mut extractor = Extractor::default();
        let mut buffer = Vec::new();
        let mut generator = Generator::new(5, Split::Test);
        for _ in 0..200 {
            let tx = generator.next_labeled().transaction;
            let input = crate::train::input_of(&tx);
            assert_eq!(
                model.top(&mut extractor, &mut buffer, &input, 3),
                loaded.top(&mut extractor, &mut buffer, &input, 3)
            );
        }
    }

    #[test]
    fn training_is_reproducible() {
        assert_eq!(small_model().info.version, small_model().info.version);
    }

    #[test]
    fn a_file_that_is_not_a_model_is_refused() {
        assert!(matches!(
            Model::load(&b"hello world"[..]),
            Err(ModelError::BadMagic)
        ));
        assert!(Model::load(&b""[..]).is_err());
        let model = small_model();
        let mut bytes = Vec::new();
        model.save(&mut bytes).expect("save");
        bytes.truncate(bytes.len() / 2);
        assert!(Model::load(bytes.as_slice()).is_err(), "truncated file");
    }

    #[test]
    fn softmax_is_a_distribution_and_temperature_flattens_it() {
        let mut z = [0f32; CLASSES];
        z[3] = 4.0;
        let sharp = softmax(&z, 1.0);
        let flat = softmax(&z, 3.0);
        assert!((sharp.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(flat[3] < sharp[3]);
        assert_eq!(top_k(&sharp, 1)[0].category, Category::ALL[3]);
    }

    #[test]
    fn top_k_is_best_first_and_ties_keep_category_order() {
        let mut p = [0.0f64; CLASSES];
        p[5] = 0.5;
        p[2] = 0.2;
        p[9] = 0.2;
        p[0] = 0.1;
        let top: Vec<Category> = top_k(&p, 4).iter().map(|s| s.category).collect();
        assert_eq!(
            top,
            [
                Category::ALL[5],
                Category::ALL[2],
                Category::ALL[9],
                Category::ALL[0]
            ]
        );
        assert_eq!(top_k(&p, 40).len(), CLASSES);
    }
}
