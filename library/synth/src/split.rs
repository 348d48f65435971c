//! The merchant-level train/test split.
//!
//! Every merchant has a stable key (`food_and_drink/starbucks`, or for a
//! generated local business `food_and_drink/last-s-pizza/rossis-pizza`). A
//! category's brands are ranked by the hash of their key and the lowest fifth
//! go to [`Split::Test`]; a generated local business goes to `Test` when its
//! key's hash falls in the lowest fifth of the hash range. Both sides
//! therefore hold every category, and no key is on both.

use txclass_core::Category;

use crate::catalog::{self, slug};
use crate::dice::stable_hash;

/// Which merchants a [`crate::Generator`] draws from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Split {
    /// About 80% of the merchants of every category.
    Train,
    /// The other 20%: never seen by a model trained on `Train`.
    Test,
    /// Every merchant.
    All,
}

/// The share of merchants held out for testing, as one in `TEST_ONE_IN`.
const TEST_ONE_IN: u64 = 5;

/// The key's stable prefix for a category (`food_and_drink`).
pub(crate) fn category_slug(category: Category) -> String {
    category.as_str().to_ascii_lowercase()
}

pub(crate) fn brand_key(category: Category, name: &str) -> String {
    format!("{}/{}", category_slug(category), slug(name))
}

pub(crate) fn local_key(category: Category, template: &str, name: &str) -> String {
    format!(
        "{}/{}/{}",
        category_slug(category),
        slug(template),
        slug(name)
    )
}

impl Split {
    /// Whether a generated local business with this key belongs here.
    pub(crate) fn admits_local(self, key: &str) -> bool {
        let test = stable_hash(key).is_multiple_of(TEST_ONE_IN);
        match self {
            Split::All => true,
            Split::Train => !test,
            Split::Test => test,
        }
    }

    /// Indices into the category's catalog this split may draw: its share of
    /// the brands, and every local-business family (filtered per business).
    pub(crate) fn eligible(self, category: Category) -> Vec<usize> {
        let list = catalog::merchants(category);
        let mut brands: Vec<(u64, usize)> = list
            .iter()
            .enumerate()
            .filter(|(_, m)| !m.is_local())
            .map(|(i, m)| (stable_hash(&brand_key(category, m.name)), i))
            .collect();
        brands.sort_unstable();
        let held_out = brands.len().div_ceil(TEST_ONE_IN as usize);
        let mut chosen: Vec<usize> = match self {
            Split::All => brands.iter().map(|(_, i)| *i).collect(),
            Split::Test => brands[..held_out].iter().map(|(_, i)| *i).collect(),
            Split::Train => brands[held_out..].iter().map(|(_, i)| *i).collect(),
        };
        chosen.extend(
            list.iter()
                .enumerate()
                .filter(|(_, m)| m.is_local())
                .map(|(i, _)| i),
        );
        chosen.sort_unstable();
        chosen
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn brands_are_split_about_four_to_one_without_overlap() {
        for category in Category::ALL {
            let train: HashSet<_> = Split::Train.eligible(category).into_iter().collect();
            let test: HashSet<_> = Split::Test.eligible(category).into_iter().collect();
            let all: HashSet<_> = Split::All.eligible(category).into_iter().collect();
            let list = catalog::merchants(category);
            let brand = |i: &&usize| !list[**i].is_local();
            let (train_b, test_b) = (
                train.iter().filter(brand).count(),
                test.iter().filter(brand).count(),
            );
            assert!(
                test_b >= 1 && train_b >= 3 * test_b,
                "{category}: {train_b}/{test_b}"
            );
            assert_eq!(train_b + test_b, all.iter().filter(brand).count());
            assert!(train.iter().filter(brand).all(|i| !test.contains(i)));
        }
    }

    #[test]
    fn local_businesses_split_by_key() {
        let keys: Vec<String> = (0..1000).map(|i| format!("food_and_drink/x/{i}")).collect();
        let test = keys.iter().filter(|k| Split::Test.admits_local(k)).count();
        assert!((120..=280).contains(&test), "{test}");
        assert!(
            keys.iter()
                .all(|k| Split::Train.admits_local(k) != Split::Test.admits_local(k))
        );
        assert!(keys.iter().all(|k| Split::All.admits_local(k)));
    }
}
