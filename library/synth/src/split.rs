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
///
/// The merchants fall into [`FOLDS`] disjoint folds: a category's brands in
/// runs of their hash order, local businesses by their key's hash. `Test` is
/// fold 0 and `Train` the other four; `HeldOut(k)` and `Trained(k)` do the
/// same for fold `k`, so a model can be cross-validated with every merchant
/// held out exactly once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Split {
    /// About 80% of the merchants of every category (all folds but 0).
    Train,
    /// The other 20% (fold 0): never seen by a model trained on `Train`.
    Test,
    /// Every merchant.
    All,
    /// Every fold but `k` (`Trained(0)` is `Train`).
    Trained(u8),
    /// Fold `k` alone (`HeldOut(0)` is `Test`).
    HeldOut(u8),
}

/// How many folds the merchants fall into.
pub const FOLDS: u8 = 5;

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
    /// Whether merchants of `fold` belong here.
    fn admits_fold(self, fold: u8) -> bool {
        match self {
            Split::All => true,
            Split::Train => fold != 0,
            Split::Test => fold == 0,
            Split::Trained(k) => fold != k,
            Split::HeldOut(k) => fold == k,
        }
    }

    /// Whether a generated local business with this key belongs here.
    pub(crate) fn admits_local(self, key: &str) -> bool {
        self.admits_fold((stable_hash(key) % u64::from(FOLDS)) as u8)
    }

    /// Indices into the category's catalog this split may draw: its share of
    /// the brands, and every local-business family (filtered per business).
    pub(crate) fn eligible(self, category: Category) -> Vec<usize> {
        let list = catalog::merchants(category);
        let mut brands: Vec<(u64, usize)> = list
            .iter()
            .enumerate()
            .filter(|(_, m)| !m.is_local())
            .map(|(i, m)| (stable_hash(&brand_key(category, &m.name)), i))
            .collect();
        brands.sort_unstable();
        // Fold k holds the brands ranked [ceil(k·n/F), ceil((k+1)·n/F)).
        let n = brands.len();
        let folds = usize::from(FOLDS);
        let mut chosen: Vec<usize> = brands
            .iter()
            .enumerate()
            .filter(|(rank, _)| {
                let fold = (0..folds)
                    .rev()
                    .find(|k| rank * folds >= k * n)
                    .unwrap_or(0);
                self.admits_fold(fold as u8)
            })
            .map(|(_, (_, i))| *i)
            .collect();
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
    fn every_brand_and_local_business_is_held_out_in_exactly_one_fold() {
        for category in Category::ALL {
            let all: HashSet<usize> = Split::All.eligible(category).into_iter().collect();
            let list = catalog::merchants(category);
            let mut seen = HashSet::new();
            for k in 0..FOLDS {
                let held: HashSet<usize> = Split::HeldOut(k)
                    .eligible(category)
                    .into_iter()
                    .filter(|i| !list[*i].is_local())
                    .collect();
                let trained: HashSet<usize> = Split::Trained(k)
                    .eligible(category)
                    .into_iter()
                    .filter(|i| !list[*i].is_local())
                    .collect();
                assert!(held.is_disjoint(&trained), "{category} fold {k}");
                assert_eq!(
                    held.len() + trained.len(),
                    list.iter().filter(|m| !m.is_local()).count()
                );
                for i in held {
                    assert!(seen.insert(i), "{category}: brand {i} held out twice");
                }
            }
            assert_eq!(
                seen.len(),
                all.iter().filter(|i| !list[**i].is_local()).count()
            );
        }
        for i in 0..500 {
            let key = format!("medical/x/{i}");
            let folds = (0..FOLDS)
                .filter(|k| Split::HeldOut(*k).admits_local(&key))
                .count();
            assert_eq!(folds, 1, "{key}");
            assert!(
                (0..FOLDS).all(|k| Split::HeldOut(k).admits_local(&key)
                    != Split::Trained(k).admits_local(&key))
            );
        }
        assert_eq!(
            Split::Test.eligible(Category::FoodAndDrink),
            Split::HeldOut(0).eligible(Category::FoodAndDrink)
        );
        assert_eq!(
            Split::Train.eligible(Category::Travel),
            Split::Trained(0).eligible(Category::Travel)
        );
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
