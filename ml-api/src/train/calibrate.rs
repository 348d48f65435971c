//! Calibration of the scores: the softmax temperature and per-class
//! offsets, fitted on the calibration records.

use super::Scores;
use crate::model::{CLASSES, softmax};

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
}
