//! The extraction itself: each part of a transaction hashed into the
//! model's feature space and weighed by its block.

use xxhash_rust::xxh3::xxh3_64_with_seed;

use super::text::{char_ngrams, normalize, split_words};
use super::{Feature, FeatureConfig, Input, Scaling};

/// Reusable extraction buffers (one per worker) so the hot path does not
/// allocate per record.
#[derive(Debug, Default)]
pub struct Extractor {
    text: String,
    words: Vec<(usize, usize)>,
    names: Vec<String>,
    keep_names: bool,
}

impl Extractor {
    /// An extractor that also keeps feature names (for explanations).
    pub fn explaining() -> Self {
        Self {
            keep_names: true,
            ..Self::default()
        }
    }

    /// Names of the features of the last `extract` call (explaining mode).
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Appends the features of `input` to `out` (cleared first), L2-normalized.
    pub fn extract(&mut self, config: &FeatureConfig, input: &Input<'_>, out: &mut Vec<Feature>) {
        out.clear();
        self.names.clear();
        let mut hasher = Hasher {
            mask: (config.dims() - 1) as u64,
            seed: config.seed,
            names: self.keep_names.then_some(&mut self.names),
            buf: Vec::with_capacity(64),
        };
        description_features(
            config,
            input.description,
            &mut self.text,
            &mut self.words,
            &mut hasher,
            out,
        );
        merchant_features(
            config,
            input.merchant,
            &mut self.text,
            &mut self.words,
            &mut hasher,
            out,
        );
        if let Scaling::Blocks { .. } = config.scaling {
            normalize_l2(out);
        }
        mcc_features(config, input.mcc, &mut hasher, out);
        amount_features(config, input.amount, &mut hasher, out);
        hasher.push(b"bias", out);
        let bias_weight = match config.scaling {
            Scaling::Global => 1.0,
            Scaling::Blocks { bias, .. } => bias,
        };
        if let Some(bias) = out.last_mut() {
            bias.value *= bias_weight;
        }
        normalize_l2(out);
    }
}

/// Hashes feature names into the model's index space (and keeps the names
/// when explaining).
struct Hasher<'a> {
    mask: u64,
    seed: u64,
    names: Option<&'a mut Vec<String>>,
    /// Scratch space for composing names.
    buf: Vec<u8>,
}

impl Hasher<'_> {
    fn push(&mut self, name: &[u8], out: &mut Vec<Feature>) {
        let h = xxh3_64_with_seed(name, self.seed);
        let sign = if h >> 63 == 1 { -1.0 } else { 1.0 };
        out.push(Feature {
            index: (h & self.mask) as u32,
            value: sign,
        });
        if let Some(names) = self.names.as_deref_mut() {
            names.push(String::from_utf8_lossy(name).into_owned());
        }
    }

    /// Pushes the feature named `prefix` followed by `parts`.
    fn push_joined(&mut self, prefix: &[u8], parts: &[&[u8]], out: &mut Vec<Feature>) {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        buf.extend_from_slice(prefix);
        for part in parts {
            buf.extend_from_slice(part);
        }
        self.push(&buf, out);
        self.buf = buf;
    }

    /// Pushes the character n-grams of a word.
    fn push_ngrams(&mut self, config: &FeatureConfig, word: &[u8], out: &mut Vec<Feature>) {
        let mut buf = std::mem::take(&mut self.buf);
        char_ngrams(config, word, &mut buf, &mut |g| self.push(g, out));
        self.buf = buf;
    }
}

/// Words, word pairs, character n-grams and the processor prefix of the
/// bank's descriptor.
fn description_features(
    config: &FeatureConfig,
    description: &str,
    text: &mut String,
    words: &mut Vec<(usize, usize)>,
    hasher: &mut Hasher<'_>,
    out: &mut Vec<Feature>,
) {
    normalize(description, text);
    split_words(text, words);
    let bytes = text.as_bytes();
    let mut previous: Option<(usize, usize)> = None;
    for &(start, end) in words.iter() {
        let word = &bytes[start..end];
        hasher.push_joined(b"w:", &[word], out);
        if let Some((ps, pe)) = previous {
            hasher.push_joined(b"b:", &[&bytes[ps..pe], b"_", word], out);
        }
        previous = Some((start, end));
        hasher.push_ngrams(config, word, out);
    }
    // Processor prefixes such as "SQ *" or "TST*" are informative as such.
    if let Some(star) = text.find('*') {
        let prefix = text[..star].trim();
        if !prefix.is_empty() && prefix.len() <= 12 {
            hasher.push_joined(b"p:", &[prefix.as_bytes()], out);
        }
    }
}

/// Words and character n-grams of the merchant name, when there is one.
fn merchant_features(
    config: &FeatureConfig,
    merchant: Option<&str>,
    text: &mut String,
    words: &mut Vec<(usize, usize)>,
    hasher: &mut Hasher<'_>,
    out: &mut Vec<Feature>,
) {
    let Some(merchant) = merchant.filter(|m| !m.trim().is_empty()) else {
        hasher.push(b"m:none", out);
        return;
    };
    normalize(merchant, text);
    split_words(text, words);
    let bytes = text.as_bytes();
    for &(start, end) in words.iter() {
        let word = &bytes[start..end];
        hasher.push_joined(b"m:", &[word], out);
        hasher.push_ngrams(config, word, out);
    }
}

/// The merchant category code at 4, 3 and 2 digits, weighed as a block.
fn mcc_features(
    config: &FeatureConfig,
    mcc: Option<&str>,
    hasher: &mut Hasher<'_>,
    out: &mut Vec<Feature>,
) {
    let from = out.len();
    match mcc.filter(|m| m.len() == 4 && m.bytes().all(|b| b.is_ascii_digit())) {
        Some(mcc) => {
            for (prefix, len) in [(&b"mcc4:"[..], 4), (b"mcc3:", 3), (b"mcc2:", 2)] {
                hasher.push_joined(prefix, &[&mcc.as_bytes()[..len]], out);
            }
        }
        None => hasher.push(b"mcc:none", out),
    }
    let weight = match config.scaling {
        Scaling::Global => config.mcc_weight,
        Scaling::Blocks { mcc, .. } => mcc,
    };
    for f in &mut out[from..] {
        f.value *= weight;
    }
}

/// The amount's sign, magnitude bucket and roundness. The sign weighs in
/// full, the magnitude less: it must not outvote a known brand (a $12
/// charge at an airline is travel).
fn amount_features(
    config: &FeatureConfig,
    amount: Option<f64>,
    hasher: &mut Hasher<'_>,
    out: &mut Vec<Feature>,
) {
    let from = out.len();
    match amount {
        Some(amount) if amount.is_finite() && amount != 0.0 => {
            let sign = if amount > 0.0 { b'+' } else { b'-' };
            hasher.push(&[b's', b':', sign], out);
            let bucket = amount.abs().log2().floor().clamp(-8.0, 31.0) as i32;
            hasher.push_joined(&[b'a', b':', sign], &[bucket.to_string().as_bytes()], out);
            if amount.fract() == 0.0 {
                hasher.push(&[b'r', b':', sign], out);
            }
        }
        _ => hasher.push(b"s:none", out),
    }
    let (sign_weight, magnitude_weight) = match config.scaling {
        Scaling::Global => (config.amount_weight, config.amount_weight.sqrt()),
        Scaling::Blocks {
            sign, magnitude, ..
        } => (sign, magnitude),
    };
    for (i, f) in out[from..].iter_mut().enumerate() {
        f.value *= if i == 0 {
            sign_weight
        } else {
            magnitude_weight
        };
    }
}

/// Scales `features` to unit L2 length (no-op when empty or all zero).
fn normalize_l2(features: &mut [Feature]) {
    let norm = features
        .iter()
        .map(|f| f.value * f.value)
        .sum::<f32>()
        .sqrt();
    if norm > 0.0 {
        for f in features.iter_mut() {
            f.value /= norm;
        }
    }
}
