//! txclass synthetic data: labelled transactions that read like real US bank
//! and card statement lines, from a fixed seed.
//!
//! It feeds the classifier's training and evaluation, the Kafka producer's
//! simulated traffic and the benchmarks. Lines look like
//! `SQ *BLUE BOTTLE COFFEE OAKLAND CA`, `AMZN Mktp US*2K4LM81Q2`,
//! `CHECKCARD 0603 STARBUCKS STORE 10421 SEATTLE WA …`,
//! `GUSTO PAY 123456 PPD ID: 9138864001` or `ZELLE TO JANE DOE ON 11/03`:
//! processor prefixes, bank wrappers, ACH layouts of the account's bank,
//! store numbers, phone numbers, web addresses, real cities, fixed-width
//! padding and the odd mixed-case statement. About a fifth of card lines are
//! cut at 22–40 characters, as processors do; the cut applies to the network
//! descriptor, before a debit account's bank adds its wrapper.
//!
//! ```
//! use txclass_synth::{Category, Generator, Split};
//!
//! let mut generator = Generator::new(7, Split::Train);
//! let record = generator.next_in(Category::FoodAndDrink);
//! assert_eq!(record.category, Category::FoodAndDrink);
//! assert_eq!(record.transaction.currency(), "USD");
//! assert_eq!(generator.balanced(2).len(), 32);
//! ```
//!
//! # Labels
//!
//! The categories are Plaid's primary personal-finance categories, and the
//! catalog follows Plaid's detailed definitions where they decide a case:
//! tax refunds are INCOME (tax payments GOVERNMENT_AND_NON_PROFIT); internet,
//! cable and phone bills are RENT_AND_UTILITIES while streaming services are
//! ENTERTAINMENT; insurance, car repairs, oil changes and car washes are
//! GENERAL_SERVICES; gyms, salons, cosmetics stores and mental-health apps
//! are PERSONAL_CARE; pharmacies and vets are MEDICAL; rental cars, trucks
//! and intercity rail and coaches are TRAVEL; ATM withdrawals are
//! TRANSFER_OUT; cash-advance apps pay out as TRANSFER_IN and are repaid as
//! LOAN_PAYMENTS; bars and groceries are FOOD_AND_DRINK; convenience stores,
//! tobacco and warehouse clubs are GENERAL_MERCHANDISE, while their fuel
//! pumps are TRANSPORTATION.
//!
//! Amounts are USD with two decimals; money out is negative, INCOME and
//! TRANSFER_IN are positive, and about 2% of card purchases are refunds
//! (positive, same label).
//!
//! # Honest evaluation
//!
//! [`Split::Train`] draws from about 80% of every category's merchants and
//! [`Split::Test`] from the other 20%; each [`Labeled`] names its merchant in
//! [`Labeled::merchant_key`], and no key appears on both sides (see
//! [`Split`] for how keys are assigned). The merchants fall into [`FOLDS`]
//! folds (`Test` is fold 0), and [`Split::HeldOut`] / [`Split::Trained`]
//! give any one fold and the rest, for cross-validation by merchant.
//! Testing on `Split::Test` measures
//! how well a model generalizes to merchants it never saw — *not* to
//! descriptor layouts it never saw: both sides share the same templates,
//! processor prefixes, bank wrappers and generated local-business families
//! (`<Surname>'s Pizza` is on both sides, with different surnames), so real
//! statements from other banks will still score lower than `Test` does.
//!
//! # Determinism
//!
//! The generator runs on ChaCha8 with integer-only draws and a hand-written
//! stable hash, so a seed gives the same records on every platform and
//! across runs; a different seed gives a different stream.
//!
//! # Public brand lists
//!
//! [`BrandList`] reads the OpenStreetMap Name Suggestion Index (fetched by
//! `scripts/fetch-brands.sh`, BSD-3-Clause) and
//! [`BrandList::extend_catalog`] adds its US brands — a few thousand chains
//! the catalog does not name — to every generator the process makes
//! afterwards, split train/test by the same rule.
//!
//! # Fault injection
//!
//! [`invalid_json_payload`] and [`invalid_csv_row`] produce records breaking
//! exactly one rule of the transaction contract, for every [`InvalidKind`].

mod bank;
mod brands;
mod catalog;
mod descriptor;
mod dice;
mod generator;
mod invalid;
mod split;
mod template;

pub use brands::{Brand, BrandList, BrandsError};
pub use generator::{Channel, Generator, Labeled};
pub use invalid::{InvalidKind, invalid_csv_row, invalid_json_payload, invalid_raw};
pub use split::{FOLDS, Split};
pub use txclass_core::Category;

/// How many merchants the catalog holds for a category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatalogSize {
    pub category: Category,
    /// Named brands (chains, services, agencies, banks' own lines).
    pub brands: usize,
    /// Families of generated local businesses (`<Surname>'s Pizza`).
    pub local_families: usize,
}

/// The size of the catalog, category by category.
pub fn catalog_sizes() -> Vec<CatalogSize> {
    Category::ALL
        .iter()
        .map(|c| {
            let list = catalog::merchants(*c);
            let local_families = list.iter().filter(|m| m.is_local()).count();
            CatalogSize {
                category: *c,
                brands: list.len() - local_families,
                local_families,
            }
        })
        .collect()
}
