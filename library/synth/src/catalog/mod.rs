//! The merchants behind the generated lines, one module per category group.
//!
//! Everything is Rust data so the generator needs no files and no network.
//! A [`Merchant`] is a brand (or, when its name has placeholders, a family of
//! generated local businesses), the descriptor forms its bank lines take, the
//! real ISO 18245 merchant category codes it is filed under, and how much it
//! usually charges.
//!
//! # Templates
//!
//! Forms and local names use `{placeholders}`. A placeholder spelled in lower
//! case renders in upper case (`{city}` → `OAKLAND CA`); one starting with a
//! capital renders in title case (`{City}` → `Oakland CA`), which is how local
//! business names are written.
//!
//! | placeholder | renders |
//! |---|---|
//! | `NAME` / `Name` | the merchant's name, upper-cased / as written |
//! | `city`, `town`, `st` | city and state, city, state (the business's own city for locals) |
//! | `store` | a store number of 2–5 digits |
//! | `dN`, `aN` | N random digits, N random upper-case letters and digits |
//! | `phone`, `url` | the merchant's customer-service number and web address |
//! | `first`, `last`, `person` | a random person (stable within one line) |
//! | `mmdd`, `mm/dd`, `mm/dd/yy`, `yymmdd`, `mon`, `dow`, `hour`, `ampm` | the day the card was used |
//! | `addr`, `street`, `county`, `saint`, `adj`, `rest`, `bank` | pools in [`places`] |
//!
//! A form starting with `=` is complete: no store number or location is added.
//! ACH forms are `COMPANY NAME|ENTRY DESCRIPTION`, optionally followed by
//! `|SEC` (a three-letter standard entry class) and `|COMPANY ID` (digits).

mod entertainment;
mod food;
mod government;
mod home;
mod income;
mod loans_and_fees;
mod medical;
mod merchandise;
mod personal_care;
pub(crate) mod places;
mod services;
mod transfers;
mod transportation;
mod travel;
mod utilities;

use std::sync::OnceLock;

use txclass_core::Category;

/// How much a merchant charges, in cents (always positive; the category
/// decides the sign).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Amount {
    /// Any amount in `lo..=hi`, skewed towards the low end like real spend.
    Range(u32, u32),
    /// A multiple of `step` in `lo..=hi` (rent, transfers, donations).
    Round(u32, u32, u32),
    /// One of a few list prices (subscriptions, fees).
    Prices(&'static [u32]),
}

/// What a kind of merchant shares: its merchant category codes and prices.
#[derive(Debug)]
pub(crate) struct Profile {
    pub mcc: &'static [&'static str],
    pub amount: Amount,
}

/// How a merchant's forms are dressed into a full bank line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// A card purchase at a chain store: store numbers and city/state.
    Store,
    /// A small business on a card terminal: Square, Clover and the like.
    Local,
    /// A small restaurant: as `Local`, with restaurant processors (Toast…).
    Eatery,
    /// A card-not-present purchase: phone numbers, web addresses, PayPal.
    Online,
    /// A direct-to-consumer web shop, often on Shopify (`SP `).
    Shop,
    /// A recurring bill on a card; its ACH forms are used part of the time.
    Bill,
    /// An ACH debit or credit, laid out the way the account's bank prints it.
    Ach,
    /// A line the bank writes itself (fees, transfers), used as written.
    Plain,
}

#[derive(Debug, Clone)]
pub(crate) struct Merchant {
    pub name: &'static str,
    pub forms: &'static [&'static str],
    pub ach: &'static [&'static str],
    pub profile: &'static Profile,
    pub style: Style,
    /// Relative popularity within its category.
    pub weight: u32,
    /// Whether a clean merchant name may accompany the line.
    pub named: bool,
}

const DEFAULT_WEIGHT: u32 = 3;

const fn merchant(
    name: &'static str,
    forms: &'static [&'static str],
    profile: &'static Profile,
    style: Style,
) -> Merchant {
    Merchant {
        name,
        forms,
        ach: &[],
        profile,
        style,
        weight: DEFAULT_WEIGHT,
        named: true,
    }
}

pub(crate) const fn store(
    name: &'static str,
    forms: &'static [&'static str],
    profile: &'static Profile,
) -> Merchant {
    merchant(name, forms, profile, Style::Store)
}

pub(crate) const fn local(
    name: &'static str,
    forms: &'static [&'static str],
    profile: &'static Profile,
) -> Merchant {
    merchant(name, forms, profile, Style::Local)
}

pub(crate) const fn eatery(
    name: &'static str,
    forms: &'static [&'static str],
    profile: &'static Profile,
) -> Merchant {
    merchant(name, forms, profile, Style::Eatery)
}

pub(crate) const fn online(
    name: &'static str,
    forms: &'static [&'static str],
    profile: &'static Profile,
) -> Merchant {
    merchant(name, forms, profile, Style::Online)
}

pub(crate) const fn shop(
    name: &'static str,
    forms: &'static [&'static str],
    profile: &'static Profile,
) -> Merchant {
    merchant(name, forms, profile, Style::Shop)
}

pub(crate) const fn bill(
    name: &'static str,
    forms: &'static [&'static str],
    ach: &'static [&'static str],
    profile: &'static Profile,
) -> Merchant {
    let mut m = merchant(name, forms, profile, Style::Bill);
    m.ach = ach;
    m
}

pub(crate) const fn ach(
    name: &'static str,
    ach: &'static [&'static str],
    profile: &'static Profile,
) -> Merchant {
    let mut m = merchant(name, &[], profile, Style::Ach);
    m.ach = ach;
    m
}

pub(crate) const fn plain(
    name: &'static str,
    forms: &'static [&'static str],
    profile: &'static Profile,
) -> Merchant {
    merchant(name, forms, profile, Style::Plain)
}

impl Merchant {
    /// Sets the relative popularity (default 3).
    pub(crate) const fn w(mut self, weight: u32) -> Self {
        self.weight = weight;
        self
    }

    /// Never shows a clean merchant name (bank fees, internal transfers).
    pub(crate) const fn anon(mut self) -> Self {
        self.named = false;
        self
    }

    /// A family of generated local businesses rather than one brand.
    pub(crate) fn is_local(&self) -> bool {
        self.name.contains('{')
    }
}

/// The catalog widened by a public brand list ([`crate::brands`]), when
/// this process installed one.
static EXTENDED: OnceLock<Vec<Vec<Merchant>>> = OnceLock::new();

/// Replaces the catalog for the rest of the process (once): one list per
/// category in `Category::ALL` order, the built-in merchants first.
pub(crate) fn install(lists: Vec<Vec<Merchant>>) -> Result<(), Vec<Vec<Merchant>>> {
    EXTENDED.set(lists)
}

/// The catalog of one category: the built-in merchants and, when installed,
/// the brands of a public list.
pub(crate) fn merchants(category: Category) -> &'static [Merchant] {
    match EXTENDED.get() {
        Some(lists) => &lists[category.index()],
        None => builtin(category),
    }
}

/// The merchants written in this crate.
pub(crate) fn builtin(category: Category) -> &'static [Merchant] {
    match category {
        Category::Income => income::INCOME,
        Category::TransferIn => transfers::TRANSFER_IN,
        Category::TransferOut => transfers::TRANSFER_OUT,
        Category::LoanPayments => loans_and_fees::LOAN_PAYMENTS,
        Category::BankFees => loans_and_fees::BANK_FEES,
        Category::Entertainment => entertainment::ENTERTAINMENT,
        Category::FoodAndDrink => food::FOOD_AND_DRINK,
        Category::GeneralMerchandise => merchandise::GENERAL_MERCHANDISE,
        Category::HomeImprovement => home::HOME_IMPROVEMENT,
        Category::Medical => medical::MEDICAL,
        Category::PersonalCare => personal_care::PERSONAL_CARE,
        Category::GeneralServices => services::GENERAL_SERVICES,
        Category::GovernmentAndNonProfit => government::GOVERNMENT_AND_NON_PROFIT,
        Category::Transportation => transportation::TRANSPORTATION,
        Category::Travel => travel::TRAVEL,
        Category::RentAndUtilities => utilities::RENT_AND_UTILITIES,
    }
}

/// Lower-case letters and digits joined by `-`: the stable part of a key.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '.' {
            // "Trader Joe's" and "Trader Joes" are the same brand.
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn every_category_has_enough_distinct_brands_and_unique_keys() {
        for category in Category::ALL {
            let list = merchants(category);
            let mut keys = HashSet::new();
            for m in list {
                assert!(
                    keys.insert(slug(m.name)),
                    "{category}: duplicate merchant {:?}",
                    m.name
                );
            }
            let brands = list.iter().filter(|m| !m.is_local()).count();
            assert!(brands >= 20, "{category}: only {brands} brands");
        }
    }

    #[test]
    fn catalog_entries_are_usable() {
        for category in Category::ALL {
            for m in merchants(category) {
                let what = format!("{category} {:?}", m.name);
                assert!(m.weight > 0, "{what}");
                assert!(m.name.is_ascii() && !m.name.is_empty(), "{what}");
                for form in m.forms.iter().chain(m.ach) {
                    assert!(
                        form.is_ascii() && !form.trim().is_empty(),
                        "{what}: {form:?}"
                    );
                    assert_eq!(
                        form.matches('{').count(),
                        form.matches('}').count(),
                        "{what}"
                    );
                }
                if matches!(m.style, Style::Ach) {
                    assert!(!m.ach.is_empty(), "{what} has no ACH form");
                }
                if matches!(m.style, Style::Plain) {
                    assert!(!m.forms.is_empty(), "{what} has no form");
                }
                for ach in m.ach {
                    let parts: Vec<_> = ach.split('|').collect();
                    assert!((2..=4).contains(&parts.len()), "{what}: {ach:?}");
                }
                for mcc in m.profile.mcc {
                    assert!(
                        mcc.len() == 4 && mcc.bytes().all(|b| b.is_ascii_digit()),
                        "{what}"
                    );
                }
                match m.profile.amount {
                    Amount::Range(lo, hi) | Amount::Round(lo, hi, _) => {
                        assert!(0 < lo && lo <= hi, "{what}")
                    }
                    Amount::Prices(p) => assert!(!p.is_empty() && !p.contains(&0), "{what}"),
                }
            }
        }
    }

    #[test]
    fn slugs_ignore_case_and_punctuation() {
        assert_eq!(slug("Trader Joe's"), "trader-joes");
        assert_eq!(slug("P.F. Chang's"), "pf-changs");
        assert_eq!(slug("  H-E-B  "), "h-e-b");
    }
}
