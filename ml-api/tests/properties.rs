//! Any input gives a valid category and a confidence in 0..=1, never a panic.

use std::sync::OnceLock;

use proptest::prelude::*;
use txclass_ml_api::features::{Extractor, Input};
use txclass_ml_api::model::Model;
use txclass_ml_api::shipped_model;

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| shipped_model().expect("shipped model loads"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gets_a_known_category_and_a_probability(
        description in ".{0,300}",
        merchant in proptest::option::of(".{0,140}"),
        mcc in proptest::option::of(".{0,6}"),
        amount in proptest::option::of(any::<f64>()),
    ) {
        let model = model();
        let mut extractor = Extractor::default();
        let mut buffer = Vec::new();
        let input = Input { description: &description, merchant: merchant.as_deref(), mcc: mcc.as_deref(), amount };
        let top = model.top(&mut extractor, &mut buffer, &input, 3);
        prop_assert_eq!(top.len(), 3);
        let mut total = 0.0;
        for s in &top {
            prop_assert!((0.0..=1.0).contains(&s.confidence));
            prop_assert!(txclass_core::Category::ALL.contains(&s.category));
            total += s.confidence;
        }
        prop_assert!(total <= 1.0 + 1e-9);
        prop_assert!(top[0].confidence >= top[1].confidence);
    }
}
