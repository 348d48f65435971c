//! Text preparation: normalization (upper case, digits folded to `0`,
//! punctuation to spaces), word splitting and character n-grams.

use super::FeatureConfig;

/// Upper-cases, folds digits to `0`, keeps letters, digits, `*`, `&`, `'`,
/// `.`, `/`, `#` and `-`, and turns everything else into single spaces.
pub(super) fn normalize(text: &str, out: &mut String) {
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
pub(super) fn split_words(text: &str, out: &mut Vec<(usize, usize)>) {
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

pub(super) fn char_ngrams(
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
