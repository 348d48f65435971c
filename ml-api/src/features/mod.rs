//! Feature extraction: hashed word tokens, word bigrams and character
//! n-grams of the descriptor and merchant, the MCC and its groups, and the
//! amount's sign and magnitude. Digits fold to `0` so store numbers, phone
//! numbers and reference codes do not fragment the vocabulary.

mod extract;
mod text;

pub use self::extract::Extractor;

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

#[cfg(test)]
mod tests {
    use super::text::normalize;
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
