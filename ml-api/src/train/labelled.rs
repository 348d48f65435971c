//! Labelled CSV files (`description,merchant,mcc,amount,category`) and the
//! list of a model's mistakes on held-out records.

use txclass_core::Category;
use txclass_synth::Labeled;

use super::Scores;
use crate::features::{Extractor, Input};
use crate::model::{CLASSES, Model, softmax};

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
