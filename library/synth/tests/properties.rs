//! Properties that hold for every seed.

use std::collections::HashSet;

use proptest::prelude::*;
use txclass_core::Transaction;
use txclass_synth::{Generator, Split};

fn split() -> impl Strategy<Value = Split> {
    prop_oneof![Just(Split::Train), Just(Split::Test), Just(Split::All)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_seed_gives_valid_records_with_unique_ids(seed in any::<u64>(), split in split()) {
        let mut ids = HashSet::new();
        for record in Generator::new(seed, split).take(200) {
            let t = &record.transaction;
            prop_assert!(ids.insert(t.transaction_id().to_owned()));
            let again = Transaction::try_from(t.to_raw());
            prop_assert_eq!(again.as_ref(), Ok(t));
            let json = serde_json::to_vec(t).expect("serialize");
            prop_assert_eq!(&serde_json::from_slice::<Transaction>(&json).expect("deserialize"), t);
        }
    }

    #[test]
    fn any_seed_is_reproducible(seed in any::<u64>()) {
        let a: Vec<_> = Generator::new(seed, Split::All).take(30).collect();
        let b: Vec<_> = Generator::new(seed, Split::All).take(30).collect();
        prop_assert_eq!(a, b);
    }
}
