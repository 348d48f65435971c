//! The shipped model on statement lines written by hand, independently of
//! the synthetic generator (`tests/data/handwritten.csv`): a guard against
//! regressions in feature extraction, training data or weights that the
//! generator's own held-out figures would not show.

use txclass_ml_api::shipped_model;
use txclass_ml_api::train::{evaluate, read_labelled, score_labelled};

const HANDWRITTEN: &str = include_str!("data/handwritten.csv");

#[test]
fn the_shipped_model_classifies_hand_written_statement_lines() {
    let model = shipped_model().expect("the shipped model loads");
    let rows = read_labelled(HANDWRITTEN.as_bytes()).expect("the hand-written set parses");
    assert!(rows.len() >= 300, "{} rows", rows.len());
    let figures = evaluate(
        &score_labelled(&model, &rows),
        model.info.temperature,
        "handwritten",
    );
    assert!(figures.accuracy >= 0.95, "accuracy {:.4}", figures.accuracy);
    assert!(figures.macro_f1 >= 0.95, "macro-F1 {:.4}", figures.macro_f1);
    assert!(
        figures.high_confidence_accuracy >= 0.95,
        "confidence >= 0.9 right {:.4} of the time",
        figures.high_confidence_accuracy
    );
    assert!(
        figures.per_category.iter().all(|c| c.support >= 12),
        "every category is represented"
    );
}

#[test]
fn a_labelled_file_with_a_bad_row_names_its_line() {
    let file = "description,merchant,mcc,amount,category\n\
                STARBUCKS 0123,,5814,-4.50,FOOD_AND_DRINK\n\
                SHELL OIL 5744,,5541,-40.00,GROCERIES\n";
    let error = read_labelled(file.as_bytes()).expect_err("GROCERIES is no category");
    assert!(error.to_string().starts_with("line 3:"), "{error}");
}
