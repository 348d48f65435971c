//! Feature extraction: hashed word tokens, word bigrams and character
//! n-grams of the descriptor and merchant, the MCC and its groups, and the
//! amount's sign and magnitude. Digits fold to `0` so store numbers, phone
//! numbers and reference codes do not fragment the vocabulary.

use xxhash_rust::xxh3::xxh3_64_with_seed;

/// How text becomes features. Stored with the model so serving extracts
/// exactly what training saw.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FeatureConfig {
    /// log2 of the hashed feature space.
    pub bits: u32,
    pub min_ngram: usize,
    pub max_ngram: usize,
    pub seed: u64,
    /// Weight of the amount's sign feature before normalization (its
    /// magnitude features get the square root), so a few dozen text
    /// features do not drown the direction of the money. Models trained
    /// before it existed use 1.
    #[serde(default = "unit_weight")]
    pub amount_weight: f32,
    /// Weight of the MCC features, likewise.
    #[serde(default = "unit_weight")]
    pub mcc_weight: f32,
    /// How the feature groups are weighed against each other. Models
    /// trained before it existed use [`Scaling::Global`].
    #[serde(default)]
    pub scaling: Scaling,
}

/// How the text, MCC, amount and bias features are weighed.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Scaling {
    /// Every feature starts at 1 (the MCC features at `mcc_weight`, the sign
    /// at `amount_weight`, the magnitude at its square root) and the whole
    /// vector is L2-normalized. A long line has more text features, so its
    /// MCC and sign count for less than on a short one.
    #[default]
    Global,
    /// The text features are L2-normalized as one group; the MCC features,
    /// the amount's sign, its magnitude and the bias then get fixed weights
    /// relative to that unit group, and the whole vector is normalized
    /// again. The sign and the MCC weigh the same on every line, however
    /// long its text.
    Blocks {
        mcc: f32,
        sign: f32,
        magnitude: f32,
        bias: f32,
    },
}

fn unit_weight() -> f32 {
    1.0
}

impl Default for FeatureConfig {
    fn default() -> Self {
        Self {
            bits: 18,
            min_ngram: 3,
            max_ngram: 5,
            seed: 0x7478_636c_6173_7301,
            amount_weight: 10.0,
            mcc_weight: 10.0,
            scaling: Scaling::Blocks {
                mcc: 2.0,
                sign: 2.0,
                magnitude: 0.5,
                bias: 0.1,
            },
        }
    }
}

impl std::fmt::Display for Scaling {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Scaling::Global => f.write_str("global"),
            Scaling::Blocks {
                mcc,
                sign,
                magnitude,
                bias,
            } => write!(f, "blocks:{mcc},{sign},{magnitude},{bias}"),
        }
    }
}

impl std::str::FromStr for Scaling {
    type Err = String;

    /// `global`, or `blocks:MCC,SIGN,MAGNITUDE,BIAS` (weights relative to
    /// the unit text group).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s == "global" {
            return Ok(Scaling::Global);
        }
        let weights = s.strip_prefix("blocks:").ok_or_else(|| {
            format!("{s:?}: expected `global` or `blocks:MCC,SIGN,MAGNITUDE,BIAS`")
        })?;
        let w: Vec<f32> = weights
            .split(',')
            .map(|w| {
                w.trim()
                    .parse::<f32>()
                    .ok()
                    .filter(|w| w.is_finite() && *w >= 0.0)
                    .ok_or_else(|| format!("{w:?}: a weight is a number >= 0"))
            })
            .collect::<Result<_, _>>()?;
        match w[..] {
            [mcc, sign, magnitude, bias] => Ok(Scaling::Blocks {
                mcc,
                sign,
                magnitude,
                bias,
            }),
            _ => Err(format!(
                "{weights:?}: expected four weights, MCC,SIGN,MAGNITUDE,BIAS"
            )),
        }
    }
}

impl FeatureConfig {
    pub fn dims(&self) -> usize {
        1 << self.bits
    }
}

/// The inputs of one prediction.
#[derive(Debug, Clone, Copy, Default)]
pub struct Input<'a> {
    pub description: &'a str,
    pub merchant: Option<&'a str>,
    pub mcc: Option<&'a str>,
    /// Signed amount, when known.
    pub amount: Option<f64>,
}

/// One active feature: hashed index, signed weight, and (when asked) its name.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    pub index: u32,
    pub value: f32,
}

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

/// Upper-cases, folds digits to `0`, keeps letters, digits, `*`, `&`, `'`,
/// `.`, `/`, `#` and `-`, and turns everything else into single spaces.
fn normalize(text: &str, out: &mut String) {
    out.clear();
    let mut space = true;
    for c in text.chars() {
        let c = if c.is_ascii_digit() {
            '0'
        } else if c.is_alphanumeric() || matches!(c, '*' | '&' | '\'' | '.' | '/' | '#' | '-') {
            c
        } else {
            ' '
        };
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            if c.is_ascii() {
                out.push(c.to_ascii_uppercase());
            } else {
                out.extend(c.to_uppercase());
            }
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
}

/// Words: runs of letters and digits (byte ranges into `text`).
fn split_words(text: &str, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    // Pure numbers carry little signal once folded; "0000" words are dropped.
    out.retain(|&(s, e)| text.as_bytes()[s..e].iter().any(|b| *b != b'0'));
    // A word glued to a store number ("BP#0000000ROSELLE", "F00000") also
    // yields its letter runs, so the name is found as a word of its own.
    let words = out.len();
    for w in 0..words {
        let (s, e) = out[w];
        let bytes = &text.as_bytes()[s..e];
        if !bytes.contains(&b'0') {
            continue;
        }
        let mut run: Option<usize> = None;
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'0' {
                if let Some(r) = run.take()
                    && i - r >= 2
                {
                    out.push((s + r, s + i));
                }
            } else {
                run.get_or_insert(i);
            }
        }
        if let Some(r) = run
            && bytes.len() - r >= 2
        {
            out.push((s + r, e));
        }
    }
}

fn char_ngrams(
    config: &FeatureConfig,
    word: &[u8],
    buf: &mut Vec<u8>,
    push: &mut impl FnMut(&[u8]),
) {
    // Boundaries mark word starts and ends, so "^UB" differs from "UB" inside a word.
    let mut padded = Vec::with_capacity(word.len() + 2);
    padded.push(b'^');
    padded.extend_from_slice(word);
    padded.push(b'$');
    let ascii = word.is_ascii();
    for n in config.min_ngram..=config.max_ngram {
        if padded.len() < n {
            break;
        }
        for window in padded.windows(n) {
            // Skip windows that cut a UTF-8 sequence.
            if !ascii && std::str::from_utf8(window).is_err() {
                continue;
            }
            buf.clear();
            buf.extend_from_slice(b"c:");
            buf.extend_from_slice(window);
            push(buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(input: Input<'_>) -> Vec<String> {
        let mut extractor = Extractor::explaining();
        let mut out = Vec::new();
        extractor.extract(&FeatureConfig::default(), &input, &mut out);
        assert_eq!(out.len(), extractor.names().len());
        extractor.names().to_vec()
    }

    #[test]
    fn digits_fold_and_punctuation_becomes_space() {
        let mut out = String::new();
        normalize("Sq *Blue  Bottle #1234, Oakland", &mut out);
        assert_eq!(out, "SQ *BLUE BOTTLE #0000 OAKLAND");
    }

    #[test]
    fn words_bigrams_ngrams_prefix_mcc_and_amount_are_extracted() {
        let n = names(Input {
            description: "SQ *BLUE BOTTLE COFFEE 1234",
            merchant: Some("Blue Bottle"),
            mcc: Some("5814"),
            amount: Some(-5.75),
        });
        for expected in [
            "w:BLUE",
            "b:BLUE_BOTTLE",
            "c:^BL",
            "c:FEE$",
            "p:SQ",
            "m:BOTTLE",
            "mcc4:5814",
            "mcc2:58",
            "s:-",
            "a:-2",
            "bias",
        ] {
            assert!(
                n.iter().any(|x| x == expected),
                "missing {expected} in {n:?}"
            );
        }
        assert!(!n.iter().any(|x| x == "w:0000"), "pure numbers are dropped");
    }

    #[test]
    fn amount_and_mcc_features_outweigh_single_words_unless_the_model_predates_it() {
        let input = Input {
            description: "PAYMENT TO NEIGHBOR",
            mcc: Some("4829"),
            amount: Some(-40.0),
            ..Input::default()
        };
        let weight_of = |config: &FeatureConfig, name: &str| {
            let mut extractor = Extractor::explaining();
            let mut out = Vec::new();
            extractor.extract(config, &input, &mut out);
            let at = extractor
                .names()
                .iter()
                .position(|n| n == name)
                .expect(name);
            let word = extractor
                .names()
                .iter()
                .position(|n| n == "w:NEIGHBOR")
                .expect("word");
            (out[at].value.abs(), out[word].value.abs())
        };
        let config = FeatureConfig {
            scaling: Scaling::Global,
            ..FeatureConfig::default()
        };
        for name in ["s:-", "mcc4:4829"] {
            let (feature, word) = weight_of(&config, name);
            assert!(
                (feature / word - 10.0).abs() < 1e-3,
                "{name}: {feature} vs {word}"
            );
        }
        let older: FeatureConfig =
            serde_json::from_str(r#"{"bits": 18, "min_ngram": 3, "max_ngram": 5, "seed": 1}"#)
                .expect("a config without the weights");
        assert_eq!((older.amount_weight, older.mcc_weight), (1.0, 1.0));
        assert_eq!(older.scaling, Scaling::Global);
        let (feature, word) = weight_of(&older, "s:-");
        assert!((feature - word).abs() < 1e-6);
    }

    #[test]
    fn block_scaling_gives_the_sign_and_mcc_the_same_weight_on_short_and_long_lines() {
        let config = FeatureConfig::default();
        assert!(matches!(config.scaling, Scaling::Blocks { .. }));
        let share = |description: &str| {
            let mut extractor = Extractor::explaining();
            let mut out = Vec::new();
            extractor.extract(
                &config,
                &Input {
                    description,
                    mcc: Some("5814"),
                    amount: Some(-12.5),
                    ..Input::default()
                },
                &mut out,
            );
            let value = |name: &str| {
                let at = extractor.names().iter().position(|n| n == name);
                out[at.expect(name)].value
            };
            (value("s:-"), value("mcc4:5814"))
        };
        let short = share("TST* CAFE");
        let long = share(
            "PURCHASE AUTHORIZED ON 08/01 TST* CORNER CAFE AND BAKERY 2734 LAS VEGAS NV S276575808104366 CARD 4085",
        );
        assert!((short.0 - long.0).abs() < 1e-5, "{short:?} vs {long:?}");
        assert!((short.1 - long.1).abs() < 1e-5, "{short:?} vs {long:?}");
        let roundtrip: FeatureConfig =
            serde_json::from_str(&serde_json::to_string(&config).expect("json")).expect("config");
        assert_eq!(roundtrip, config);
    }

    #[test]
    fn a_name_glued_to_a_store_number_is_also_a_word() {
        let n = names(Input {
            description: "BP#9412345ROSELLE MART F12345",
            ..Input::default()
        });
        for expected in ["w:ROSELLE", "w:0000000ROSELLE", "w:MART"] {
            assert!(
                n.iter().any(|x| x == expected),
                "missing {expected} in {n:?}"
            );
        }
        assert!(
            !n.iter().any(|x| x == "w:F"),
            "single letters are not words"
        );
    }

    #[test]
    fn scaling_parses_from_the_command_line_form() {
        assert_eq!("global".parse::<Scaling>(), Ok(Scaling::Global));
        assert_eq!(
            "blocks:2,3,0.7,0.1".parse::<Scaling>(),
            Ok(Scaling::Blocks {
                mcc: 2.0,
                sign: 3.0,
                magnitude: 0.7,
                bias: 0.1
            })
        );
        for bad in [
            "blocks",
            "blocks:1,2,3",
            "blocks:1,2,x,4",
            "blocks:1,-2,3,4",
            "local",
        ] {
            assert!(bad.parse::<Scaling>().is_err(), "{bad}");
        }
    }

    #[test]
    fn missing_parts_have_their_own_features() {
        let n = names(Input {
            description: "ATM FEE",
            ..Input::default()
        });
        for expected in ["m:none", "mcc:none", "s:none"] {
            assert!(n.iter().any(|x| x == expected), "missing {expected}");
        }
    }

    #[test]
    fn features_are_l2_normalized_and_in_range() {
        let config = FeatureConfig::default();
        let mut out = Vec::new();
        Extractor::default().extract(
            &config,
            &Input {
                description: "UBER *TRIP",
                amount: Some(12.0),
                ..Input::default()
            },
            &mut out,
        );
        let norm: f32 = out.iter().map(|f| f.value * f.value).sum();
        assert!((norm - 1.0).abs() < 1e-4);
        assert!(out.iter().all(|f| (f.index as usize) < config.dims()));
    }

    #[test]
    fn extraction_is_deterministic() {
        let config = FeatureConfig::default();
        let input = Input {
            description: "PAYPAL *SPOTIFY",
            merchant: None,
            mcc: None,
            amount: Some(-9.99),
        };
        let (mut a, mut b) = (Vec::new(), Vec::new());
        Extractor::default().extract(&config, &input, &mut a);
        Extractor::default().extract(&config, &input, &mut b);
        assert_eq!(a, b);
    }

    #[test]
    fn non_ascii_text_does_not_panic() {
        let n = names(Input {
            description: "CAFÉ DÜSSELDORF ☕ 東京",
            ..Input::default()
        });
        assert!(n.iter().any(|x| x == "w:CAFÉ"));
    }
}
