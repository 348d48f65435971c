//! The merchants behind the generated lines and the pools their templates
//! draw from: TOML files under `data/`, built in with `include_str!` (the
//! generator needs no files and no network), parsed and checked on first use.
//!
//! A [`Merchant`] is a brand (or, when its name has placeholders, a family of
//! generated local businesses), the descriptor forms its bank lines take, the
//! real ISO 18245 merchant category codes it is filed under, and how much it
//! usually charges. `data/merchants/<category>.toml` holds one category: how
//! common it is, its profiles and its merchants; `data/README.md` shows the
//! format.
//!
//! Merchants are drawn by their position in the file: reordering or inserting
//! entries changes the generated records, and so the trained model.
//! `data/places.toml` holds the pools below, `data/brand_kinds.toml` the
//! kinds of business of a public brand list ([`crate::brands`]).
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
//! | `addr`, `street`, `county`, `saint`, `adj`, `rest`, `bank` | pools in `data/places.toml` |
//!
//! A form starting with `=` is complete: no store number or location is added.
//! ACH forms are `COMPANY NAME|ENTRY DESCRIPTION`, optionally followed by
//! `|SEC` (a three-letter standard entry class) and `|COMPANY ID` (digits).

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;
use toml::Spanned;
use txclass_core::Category;

use crate::split::category_slug;
use crate::template::expands;

/// Returns `Err(format!(…))` unless the condition holds.
macro_rules! ensure {
    ($ok:expr, $($problem:tt)+) => {
        if !$ok {
            return Err(format!($($problem)+));
        }
    };
}
pub(crate) use ensure;

/// The path and text of each category's file.
macro_rules! merchant_files {
    ($($category:literal)*) => {[$((
        concat!("data/merchants/", $category, ".toml"),
        include_str!(concat!("../data/merchants/", $category, ".toml")),
    )),*]};
}

/// One file per category, in `Category::ALL` order.
const MERCHANT_FILES: [(&str, &str); 16] = merchant_files! {
    "income" "transfer_in" "transfer_out" "loan_payments" "bank_fees" "entertainment"
    "food_and_drink" "general_merchandise" "home_improvement" "medical" "personal_care"
    "general_services" "government_and_non_profit" "transportation" "travel" "rent_and_utilities"
};
const PLACES_FILE: (&str, &str) = ("data/places.toml", include_str!("../data/places.toml"));

/// How much a merchant charges, in cents (always positive; the category
/// decides the sign).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Amount {
    /// Any amount in `lo..=hi`, skewed towards the low end like real spend.
    Range(u32, u32),
    /// A multiple of `step` in `lo..=hi` (rent, transfers, donations).
    Round(u32, u32, u32),
    /// One of a few list prices (subscriptions, fees).
    Prices(Vec<u32>),
}

/// How a merchant's forms are dressed into a full bank line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Style {
    /// A card purchase at a chain store: store numbers and city/state.
    #[default]
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
    pub name: String,
    pub forms: Vec<String>,
    pub ach: Vec<String>,
    /// The merchant category codes and prices of its profile.
    pub mcc: Vec<String>,
    pub amount: Amount,
    pub style: Style,
    /// Relative popularity within its category.
    pub weight: u32,
    /// Whether a clean merchant name may accompany the line.
    pub named: bool,
}

/// The pools templates draw from (`data/places.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Places<'a> {
    #[serde(borrow)]
    pub cities: Vec<(&'a str, &'a str)>,
    #[serde(borrow)]
    pub counties: Vec<(&'a str, &'a str)>,
    pub first_names: Vec<&'a str>,
    pub surnames: Vec<&'a str>,
    pub streets: Vec<&'a str>,
    pub street_suffixes: Vec<&'a str>,
    pub saints: Vec<&'a str>,
    pub adjectives: Vec<&'a str>,
    pub restaurants: Vec<&'a str>,
    pub banks: Vec<&'a str>,
}

/// One category of the data files.
#[derive(Debug)]
pub(crate) struct CategoryData {
    /// Weight among a month's transactions, against the other categories'.
    pub frequency: u32,
    /// Percent of its lines from generated local businesses, not brands.
    pub local_percent: u32,
    pub merchants: Vec<Merchant>,
}

/// A category file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryFile {
    frequency: u32,
    local_percent: u32,
    profiles: BTreeMap<String, ProfileEntry>,
    merchant: Vec<MerchantEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileEntry {
    mcc: Vec<String>,
    range: Option<[u32; 2]>,
    step: Option<u32>,
    prices: Option<Vec<u32>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MerchantEntry {
    name: Spanned<String>,
    style: Style,
    profile: String,
    weight: Option<u32>,
    named: Option<bool>,
    #[serde(default)]
    forms: Vec<String>,
    #[serde(default)]
    ach: Vec<String>,
}

/// Parses a data file; errors name the file, line and column.
pub(crate) fn parse_toml<'a, T: Deserialize<'a>>(file: &str, text: &'a str) -> Result<T, String> {
    toml::from_str(text).map_err(|e| format!("{file}: {e}"))
}

impl ProfileEntry {
    fn read(self) -> Result<(Vec<String>, Amount), String> {
        let amount = match (self.range, self.step, self.prices) {
            (Some([lo, hi]), None, None) => Amount::Range(lo, hi),
            (Some([lo, hi]), Some(step), None) => Amount::Round(lo, hi, step),
            (None, None, Some(prices)) => Amount::Prices(prices),
            _ => return Err("needs `range` (and maybe `step`) or `prices`".to_owned()),
        };
        Ok((self.mcc, amount))
    }
}

/// Whether a template is plain ASCII and every placeholder in it expands.
fn check_template(text: &str) -> Result<(), String> {
    let plain = text.is_ascii() && !text.trim().is_empty();
    ensure!(plain, "{text:?} is blank or not ASCII");
    let braces = text.matches('{').count() == text.matches('}').count();
    ensure!(braces, "{text:?} has unbalanced braces");
    ensure!(expands(text), "{text:?} has an unknown placeholder");
    Ok(())
}

impl Merchant {
    /// A family of generated local businesses rather than one brand.
    pub(crate) fn is_local(&self) -> bool {
        self.name.contains('{')
    }

    /// Whether the generator can use the entry as written.
    pub(crate) fn check(&self) -> Result<(), String> {
        ensure!(self.weight > 0, "weight 0");
        let texts = std::iter::once(&self.name).chain(&self.forms);
        texts.chain(&self.ach).try_for_each(|t| check_template(t))?;
        for ach in &self.ach {
            let parts = ach.split('|').count();
            ensure!((2..=4).contains(&parts), "{ach:?} is not A|B[|SEC][|ID]");
        }
        let (ach, forms) = (!self.ach.is_empty(), !self.forms.is_empty());
        match self.style {
            Style::Ach => ensure!(ach && !forms, "ach merchants have only `ach`"),
            Style::Plain => ensure!(forms, "plain merchants need `forms`"),
            Style::Bill => {}
            _ => ensure!(!ach, "only bill and ach merchants have `ach`"),
        }
        for code in &self.mcc {
            let digits = code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit());
            ensure!(digits, "MCC {code:?} is not four digits");
        }
        let positive = match &self.amount {
            Amount::Range(lo, hi) => 0 < *lo && lo <= hi,
            Amount::Round(lo, hi, step) => 0 < *lo && lo <= hi && *step > 0,
            Amount::Prices(p) => !p.is_empty() && !p.contains(&0),
        };
        ensure!(positive, "{:?} is not a positive amount", self.amount);
        Ok(())
    }
}

impl Places<'_> {
    fn check(&self) -> Result<(), String> {
        let pairs = [&self.cities, &self.counties];
        let words = [&self.first_names, &self.surnames, &self.streets];
        let more = [&self.street_suffixes, &self.saints, &self.adjectives];
        let last = [&self.restaurants, &self.banks];
        let words = words.into_iter().chain(more).chain(last);
        let full = pairs.iter().all(|p| !p.is_empty()) && words.clone().all(|w| !w.is_empty());
        ensure!(full, "every pool needs an entry");
        let pairs = pairs.into_iter().flatten().flat_map(|(a, b)| [a, b]);
        for w in pairs.chain(words.flatten()) {
            let plain = w.is_ascii() && !w.trim().is_empty();
            ensure!(plain && !w.contains(['{', '}']), "{w:?} is not plain ASCII");
        }
        Ok(())
    }
}

/// One category's merchants, in file order, each checked. Errors name the
/// file and the entry (`data/merchants/travel.toml:123 "Delta Air Lines": …`).
fn parse_category(file: &str, text: &str) -> Result<CategoryData, String> {
    let parsed: CategoryFile = parse_toml(file, text)?;
    let (frequency, local_percent) = (parsed.frequency, parsed.local_percent);
    ensure!(local_percent <= 100, "{file}: local_percent over 100");
    let mut profiles = BTreeMap::new();
    for (name, entry) in parsed.profiles {
        let profile = entry.read().map_err(|e| format!("{file}: {name}: {e}"))?;
        profiles.insert(name, profile);
    }
    let mut keys = HashSet::new();
    let mut merchants = Vec::new();
    for entry in parsed.merchant {
        let line = text[..entry.name.span().start].matches('\n').count() + 1;
        let name = entry.name.into_inner();
        let what = format!("{file}:{line} {name:?}");
        let Some((mcc, amount)) = profiles.get(&entry.profile) else {
            return Err(format!("{what}: no profile {:?}", entry.profile));
        };
        let merchant = Merchant {
            name,
            forms: entry.forms,
            ach: entry.ach,
            mcc: mcc.clone(),
            amount: amount.clone(),
            style: entry.style,
            weight: entry.weight.unwrap_or(3),
            named: entry.named.unwrap_or(true),
        };
        merchant.check().map_err(|e| format!("{what}: {e}"))?;
        let new = keys.insert(slug(&merchant.name));
        ensure!(new, "{what}: a second merchant of that name");
        merchants.push(merchant);
    }
    Ok(CategoryData {
        frequency,
        local_percent,
        merchants,
    })
}

/// Every category's merchants, in `Category::ALL` order.
fn load_categories() -> Result<Vec<CategoryData>, String> {
    let mut categories = Vec::new();
    for (category, (file, text)) in Category::ALL.iter().zip(MERCHANT_FILES) {
        let expected = format!("data/merchants/{}.toml", category_slug(*category));
        ensure!(file == expected, "{file} is where {expected} belongs");
        categories.push(parse_category(file, text)?);
    }
    Ok(categories)
}

fn load_places() -> Result<Places<'static>, String> {
    let (file, text) = PLACES_FILE;
    let places: Places<'_> = parse_toml(file, text)?;
    places.check().map_err(|e| format!("{file}: {e}"))?;
    Ok(places)
}

/// The pools of `data/places.toml`.
pub(crate) fn places() -> &'static Places<'static> {
    static PLACES: OnceLock<Places<'static>> = OnceLock::new();
    PLACES.get_or_init(|| load_places().unwrap_or_else(|e| panic!("{e}")))
}

/// Every category of the data files, in `Category::ALL` order.
pub(crate) fn categories() -> &'static [CategoryData] {
    static CATEGORIES: OnceLock<Vec<CategoryData>> = OnceLock::new();
    CATEGORIES.get_or_init(|| load_categories().unwrap_or_else(|e| panic!("{e}")))
}

/// The merchants of the data files.
pub(crate) fn builtin(category: Category) -> &'static [Merchant] {
    &categories()[category.index()].merchants
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
    use super::*;

    #[test]
    fn every_data_file_loads_and_every_entry_is_usable() {
        let categories = load_categories().unwrap_or_else(|e| panic!("{e}"));
        for (category, data) in Category::ALL.iter().zip(&categories) {
            let brands = data.merchants.iter().filter(|m| !m.is_local()).count();
            assert!(brands >= 20, "{category}: only {brands} brands");
        }
        load_places().unwrap_or_else(|e| panic!("{e}"));
    }

    /// The error of a category file whose second merchant, `Bad` at line
    /// 12, has these fields; the first, `BAD`, has the same key.
    fn error_of(fields: &str) -> String {
        let text = format!(
            "frequency = 1\nlocal_percent = 0\n[profiles]\ncoffee = {{ mcc = [], range = [1, 9] }}\n\n\
             [[merchant]]\nname = \"BAD\"\nstyle = \"store\"\nprofile = \"coffee\"\n\n\
             [[merchant]]\nname = \"Bad\"\n{fields}\n"
        );
        parse_category("data/merchants/test.toml", &text).expect_err(fields)
    }

    #[test]
    fn a_bad_entry_is_named_by_its_file_and_line() {
        let cases = [
            ("", "a second merchant of that name"),
            (
                "forms = [\"{stor}\"]",
                "\"{stor}\" has an unknown placeholder",
            ),
            ("forms = [\"{d4\"]", "\"{d4\" has unbalanced braces"),
            ("ach = [\"A|B\"]", "only bill and ach merchants have `ach`"),
            ("weight = 0", "weight 0"),
        ];
        for (field, problem) in cases {
            let e = error_of(&format!("style = \"store\"\nprofile = \"coffee\"\n{field}"));
            assert_eq!(e, format!("data/merchants/test.toml:12 \"Bad\": {problem}"));
        }
        let e = error_of("style = \"store\"\nprofile = \"tea\"");
        assert_eq!(e, "data/merchants/test.toml:12 \"Bad\": no profile \"tea\"");
        for typo in ["style = \"stor\"", "style = \"store\"\nweigth = 2"] {
            let e = error_of(&format!("{typo}\nprofile = \"coffee\""));
            assert!(e.starts_with("data/merchants/test.toml: TOML parse error at line 1"));
        }
        let text = "frequency = 1\nlocal_percent = 0\nmerchant = []\n[profiles]\nx = { mcc = [] }";
        let e = parse_category("x.toml", text).err();
        let problem = "x.toml: x: needs `range` (and maybe `step`) or `prices`";
        assert_eq!(e.as_deref(), Some(problem));
    }

    #[test]
    fn slugs_ignore_case_and_punctuation() {
        assert_eq!(slug("Trader Joe's"), "trader-joes");
        assert_eq!(slug("P.F. Chang's"), "pf-changs");
        assert_eq!(slug("  H-E-B  "), "h-e-b");
    }
}
