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

/// Weights are feature-major (`weights[f * CLASSES + c]`) so one feature's
/// 16 class weights sit in one cache line or two.
pub struct Model {
    pub info: ModelInfo,
    weights: Vec<f32>,
    bias: [f32; CLASSES],
}

impl Model {
    pub fn new(info: ModelInfo, weights: Vec<f32>, bias: [f32; CLASSES]) -> Self {
        Self {
            info,
            weights,
            bias,
        }
    }

    pub fn dims(&self) -> usize {
        self.info.features.dims()
    }

    /// Raw class scores of extracted features.
    pub fn logits(&self, features: &[Feature]) -> [f32; CLASSES] {
        let mut z = self.bias;
        for f in features {
            let row = &self.weights[f.index as usize * CLASSES..(f.index as usize + 1) * CLASSES];
            for (zc, w) in z.iter_mut().zip(row) {
                *zc += w * f.value;
            }
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
                (
                    name.clone(),
                    self.weights[f.index as usize * CLASSES + c] * f.value,
                )
            })
            .collect();
        contributions.sort_by(|a, b| b.1.total_cmp(&a.1));
        contributions.truncate(k);
        contributions
    }

    /// Writes the model: magic, JSON info, then gzip of bias and i8 weights
    /// with one scale per class.
    pub fn save(&self, mut out: impl Write) -> Result<(), ModelError> {
        out.write_all(MAGIC)?;
        let info =
            serde_json::to_vec(&self.info).map_err(|e| ModelError::Damaged(e.to_string()))?;
        out.write_all(&(info.len() as u32).to_le_bytes())?;
        out.write_all(&info)?;
        let mut gz = flate2::write::GzEncoder::new(out, flate2::Compression::best());
        let scales = self.scales();
        for b in self.bias {
            gz.write_all(&b.to_le_bytes())?;
        }
        for s in scales {
            gz.write_all(&s.to_le_bytes())?;
        }
        let quantized: Vec<u8> = self
            .weights
            .chunks_exact(CLASSES)
            .flat_map(|row| {
                row.iter()
                    .zip(scales)
                    .map(|(w, s)| {
                        if s > 0.0 {
                            (w / s).round().clamp(-127.0, 127.0) as i8 as u8
                        } else {
                            0
                        }
                    })
                    .collect::<Vec<u8>>()
            })
            .collect();
        gz.write_all(&quantized)?;
        gz.finish()?;
        Ok(())
    }

    fn scales(&self) -> [f32; CLASSES] {
        let mut scales = [0.0f32; CLASSES];
        for row in self.weights.chunks_exact(CLASSES) {
            for (s, w) in scales.iter_mut().zip(row) {
                *s = s.max(w.abs());
            }
        }
        scales.map(|m| m / 127.0)
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
        let mut gz = flate2::read::GzDecoder::new(input);
        let mut read_f32s = |n: usize| -> Result<Vec<f32>, ModelError> {
            let mut bytes = vec![0u8; n * 4];
            gz.read_exact(&mut bytes)?;
            Ok(bytes
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect())
        };
        let bias_vec = read_f32s(CLASSES)?;
        let scales = read_f32s(CLASSES)?;
        let mut bias = [0f32; CLASSES];
        bias.copy_from_slice(&bias_vec);
        let dims = info.features.dims();
        let mut quantized = vec![0u8; dims * CLASSES];
        gz.read_exact(&mut quantized)?;
        let weights = quantized
            .chunks_exact(CLASSES)
            .flat_map(|row| {
                row.iter()
                    .zip(&scales)
                    .map(|(q, s)| f32::from(*q as i8) * s)
                    .collect::<Vec<f32>>()
            })
            .collect();
        Ok(Self {
            info,
            weights,
            bias,
        })
    }

    /// A copy with weights rounded as `save` stores them, so evaluation
    /// measures the model that ships.
    pub fn quantized(&self) -> Result<Self, ModelError> {
        let mut bytes = Vec::new();
        self.save(&mut bytes)?;
        Self::load(bytes.as_slice())
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
    let mut order: Vec<usize> = (0..CLASSES).collect();
    order.sort_by(|a, b| p[*b].total_cmp(&p[*a]));
    order
        .into_iter()
        .take(k)
        .map(|i| Scored {
            category: Category::ALL[i],
            confidence: p[i].clamp(0.0, 1.0),
        })
        .collect()
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
        let model = small_model().quantized().expect("quantize");
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
}
