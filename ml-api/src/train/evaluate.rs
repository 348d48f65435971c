//! The figures of a scored set: accuracy, macro-F1, calibration bins,
//! per-category scores, the confusion matrix; and their report.

use txclass_core::Category;

use crate::model::{CLASSES, CalibrationBin, CategoryScore, Confusion, Evaluation, softmax};

/// The figures of scored samples at `temperature`.
pub fn evaluate(scores: &[([f32; CLASSES], usize)], temperature: f32, split: &str) -> Evaluation {
    let tally = Tally::of(scores, temperature);
    let total = scores.len().max(1);
    let correct: usize = (0..CLASSES).map(|c| tally.confusion[c][c]).sum();
    let per_category = per_category(&tally.confusion);
    let present: Vec<&CategoryScore> = per_category.iter().filter(|s| s.support > 0).collect();
    let macro_f1 = present.iter().map(|s| s.f1).sum::<f64>() / present.len().max(1) as f64;
    Evaluation {
        split: split.to_owned(),
        samples: scores.len(),
        accuracy: correct as f64 / total as f64,
        macro_f1,
        confusions: top_confusions(&tally.confusion),
        per_category,
        calibration: tally.calibration(),
        high_confidence_share: tally.high as f64 / total as f64,
        high_confidence_accuracy: if tally.high > 0 {
            tally.high_right as f64 / tally.high as f64
        } else {
            0.0
        },
        folds: Vec::new(),
    }
}

/// The counts an evaluation is computed from.
struct Tally {
    confusion: Vec<[usize; CLASSES]>,
    /// Per tenth of confidence: records, summed confidence, right answers.
    bins: Vec<(usize, f64, usize)>,
    high: usize,
    high_right: usize,
}

impl Tally {
    fn of(scores: &[([f32; CLASSES], usize)], temperature: f32) -> Self {
        let mut t = Tally {
            confusion: vec![[0usize; CLASSES]; CLASSES],
            bins: vec![(0, 0.0, 0); 10],
            high: 0,
            high_right: 0,
        };
        for (z, label) in scores {
            let p = softmax(z, temperature);
            let (best, confidence) =
                p.iter().enumerate().fold(
                    (0, 0.0),
                    |acc, (i, v)| if *v > acc.1 { (i, *v) } else { acc },
                );
            t.confusion[*label][best] += 1;
            let bin = ((confidence * 10.0) as usize).min(9);
            t.bins[bin].0 += 1;
            t.bins[bin].1 += confidence;
            t.bins[bin].2 += usize::from(best == *label);
            if confidence >= 0.9 {
                t.high += 1;
                t.high_right += usize::from(best == *label);
            }
        }
        t
    }

    fn calibration(&self) -> Vec<CalibrationBin> {
        self.bins
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
            .collect()
    }
}

fn per_category(confusion: &[[usize; CLASSES]]) -> Vec<CategoryScore> {
    Category::ALL
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
        .collect()
}

/// The twelve most frequent mistakes.
fn top_confusions(confusion: &[[usize; CLASSES]]) -> Vec<Confusion> {
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
    confusions
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
