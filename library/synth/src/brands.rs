//! Public brand lists that widen the built-in catalog.
//!
//! The source is the OpenStreetMap Name Suggestion Index (NSI,
//! BSD-3-Clause): its `dist/json/nsi.json` lists brands and operators with
//! the kind of business each one is (`brands/amenity/fast_food`) and where it
//! trades. `scripts/fetch-brands.sh` downloads a pinned release from the npm
//! registry and keeps its licence beside it.
//!
//! Entries that trade in the United States and whose kind maps to one of the
//! 16 categories become catalog brands with generic card forms and the kind's
//! merchant category codes and prices. The built-in catalog wins: a name it
//! already has (in any category) is skipped, and so is a name NSI files under
//! several kinds after the first (the table below is ordered so that, say, a
//! fuel brand stays fuel rather than convenience store).

use std::collections::HashSet;
use std::path::Path;

use serde_json::Value;
use txclass_core::Category;

use crate::catalog::{self, Amount, Merchant, Profile, Style, slug};

/// Why a brand list could not be used.
#[derive(Debug, thiserror::Error)]
pub enum BrandsError {
    #[error("reading {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not JSON: {source}")]
    Json {
        path: String,
        source: serde_json::Error,
    },
    #[error("{path} is not a Name Suggestion Index file: {what}")]
    Format { path: String, what: String },
    #[error("the catalog was already extended in this process")]
    AlreadyExtended,
}

/// One brand taken from the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brand {
    pub name: String,
    pub category: Category,
    /// The NSI kind it was filed under (`amenity/fast_food`).
    pub kind: &'static str,
}

/// The usable brands of one list, and where they came from.
#[derive(Debug, Clone)]
pub struct BrandList {
    pub brands: Vec<Brand>,
    /// `name-suggestion-index <version>`.
    pub source: String,
}

/// A kind of business NSI knows and how its bank lines look.
struct Kind {
    /// `key/value` of the OSM tag, as in NSI's category paths.
    tag: &'static str,
    category: Category,
    profile: Profile,
    style: Style,
    /// Whether `operators/` entries of this kind count (utilities, health
    /// systems, parking); `brands/` entries always do.
    operators: bool,
}

const fn kind(
    tag: &'static str,
    category: Category,
    mcc: &'static [&'static str],
    amount: Amount,
) -> Kind {
    Kind {
        tag,
        category,
        profile: Profile { mcc, amount },
        style: Style::Store,
        operators: false,
    }
}

impl Kind {
    const fn with_operators(mut self) -> Self {
        self.operators = true;
        self
    }

    /// A household bill (utilities): card and ACH bill forms, and the
    /// operators that run the lines and plants are the billers.
    const fn billed(mut self) -> Self {
        self.style = Style::Bill;
        self.operators = true;
        self
    }
}

use Amount::Range;
use Category::*;

/// NSI kinds in priority order: a name filed under several keeps the first.
#[rustfmt::skip]
static KINDS: &[Kind] = &[
    // Transportation first: fuel brands are also convenience stores.
    kind("amenity/fuel", Transportation, &["5541", "5542"], Range(1500, 9500)),
    kind("amenity/charging_station", Transportation, &["5552"], Range(500, 4500)),
    kind("amenity/parking", Transportation, &["7523"], Range(300, 4500)).with_operators(),
    kind("amenity/bicycle_rental", Transportation, &["7999", "4121"], Range(100, 2500)),
    kind("amenity/fast_food", FoodAndDrink, &["5814"], Range(399, 3400)),
    kind("amenity/cafe", FoodAndDrink, &["5814"], Range(275, 1650)),
    kind("amenity/ice_cream", FoodAndDrink, &["5814", "5451"], Range(350, 2800)),
    kind("amenity/restaurant", FoodAndDrink, &["5812"], Range(1800, 16500)),
    kind("amenity/bar", FoodAndDrink, &["5813"], Range(700, 14000)),
    kind("amenity/pub", FoodAndDrink, &["5813"], Range(700, 14000)),
    kind("shop/supermarket", FoodAndDrink, &["5411"], Range(650, 28500)),
    kind("shop/bakery", FoodAndDrink, &["5462"], Range(325, 5200)),
    kind("shop/pastry", FoodAndDrink, &["5462"], Range(325, 5200)),
    kind("shop/alcohol", FoodAndDrink, &["5921"], Range(999, 13500)),
    kind("shop/wine", FoodAndDrink, &["5921"], Range(999, 13500)),
    kind("shop/beverages", FoodAndDrink, &["5499"], Range(350, 6500)),
    kind("shop/butcher", FoodAndDrink, &["5499", "5422"], Range(650, 12000)),
    kind("shop/seafood", FoodAndDrink, &["5499", "5422"], Range(650, 12000)),
    kind("shop/deli", FoodAndDrink, &["5499"], Range(450, 6500)),
    kind("shop/greengrocer", FoodAndDrink, &["5499"], Range(350, 6500)),
    kind("shop/confectionery", FoodAndDrink, &["5441"], Range(350, 4500)),
    kind("shop/chocolate", FoodAndDrink, &["5441"], Range(350, 6500)),
    kind("shop/coffee", FoodAndDrink, &["5499"], Range(350, 4500)),
    kind("shop/tea", FoodAndDrink, &["5499"], Range(350, 4500)),
    kind("shop/frozen_food", FoodAndDrink, &["5499"], Range(450, 6500)),
    kind("shop/health_food", FoodAndDrink, &["5499"], Range(450, 8500)),
    kind("shop/convenience", GeneralMerchandise, &["5499"], Range(149, 3500)),
    kind("shop/department_store", GeneralMerchandise, &["5311"], Range(1200, 32000)),
    kind("shop/variety_store", GeneralMerchandise, &["5331"], Range(125, 6000)),
    kind("shop/general", GeneralMerchandise, &["5399"], Range(250, 9000)),
    kind("shop/wholesale", GeneralMerchandise, &["5300"], Range(2500, 45000)),
    kind("shop/clothes", GeneralMerchandise, &["5651", "5691", "5621"], Range(1500, 18000)),
    kind("shop/shoes", GeneralMerchandise, &["5661"], Range(2500, 16000)),
    kind("shop/bag", GeneralMerchandise, &["5948"], Range(2500, 25000)),
    kind("shop/fashion_accessories", GeneralMerchandise, &["5631"], Range(1200, 9000)),
    kind("shop/jewelry", GeneralMerchandise, &["5944"], Range(2500, 150000)),
    kind("shop/watches", GeneralMerchandise, &["5944"], Range(5000, 150000)),
    kind("shop/electronics", GeneralMerchandise, &["5732"], Range(1000, 150000)),
    kind("shop/computer", GeneralMerchandise, &["5732"], Range(1500, 180000)),
    kind("shop/video_games", GeneralMerchandise, &["5734", "5816"], Range(1000, 7000)),
    kind("shop/sports", GeneralMerchandise, &["5941"], Range(1500, 30000)),
    kind("shop/outdoor", GeneralMerchandise, &["5941"], Range(1500, 30000)),
    kind("shop/bicycle", GeneralMerchandise, &["5940"], Range(1500, 150000)),
    kind("shop/books", GeneralMerchandise, &["5942"], Range(800, 9000)),
    kind("shop/stationery", GeneralMerchandise, &["5943"], Range(300, 9000)),
    kind("shop/toys", GeneralMerchandise, &["5945"], Range(800, 12000)),
    kind("shop/games", GeneralMerchandise, &["5945"], Range(800, 12000)),
    kind("shop/gift", GeneralMerchandise, &["5947"], Range(500, 8000)),
    kind("shop/party", GeneralMerchandise, &["5947"], Range(500, 8000)),
    kind("shop/craft", GeneralMerchandise, &["5970"], Range(400, 12000)),
    kind("shop/art", GeneralMerchandise, &["5970"], Range(1000, 30000)),
    kind("shop/musical_instrument", GeneralMerchandise, &["5733"], Range(1000, 90000)),
    kind("shop/pet", GeneralMerchandise, &["5995"], Range(600, 16000)),
    kind("shop/baby_goods", GeneralMerchandise, &["5641"], Range(1000, 20000)),
    kind("shop/second_hand", GeneralMerchandise, &["5931"], Range(300, 6000)),
    kind("shop/charity", GeneralMerchandise, &["5931"], Range(300, 6000)),
    kind("shop/florist", GeneralMerchandise, &["5992"], Range(2500, 15000)),
    kind("shop/tobacco", GeneralMerchandise, &["5993"], Range(700, 9000)),
    kind("shop/e-cigarette", GeneralMerchandise, &["5993"], Range(1000, 9000)),
    kind("shop/mobile_phone", GeneralMerchandise, &["5732", "4812"], Range(1500, 120000)),
    kind("shop/hifi", GeneralMerchandise, &["5732"], Range(2000, 90000)),
    kind("shop/furniture", HomeImprovement, &["5712"], Range(5000, 250000)),
    kind("shop/bed", HomeImprovement, &["5712"], Range(8000, 250000)),
    kind("shop/kitchen", HomeImprovement, &["5712", "5719"], Range(2000, 120000)),
    kind("shop/interior_decoration", HomeImprovement, &["5719"], Range(1500, 40000)),
    kind("shop/houseware", HomeImprovement, &["5719"], Range(800, 20000)),
    kind("shop/lighting", HomeImprovement, &["5719"], Range(1500, 40000)),
    kind("shop/flooring", HomeImprovement, &["5713"], Range(5000, 300000)),
    kind("shop/carpet", HomeImprovement, &["5713"], Range(5000, 300000)),
    kind("shop/appliance", HomeImprovement, &["5722"], Range(5000, 250000)),
    kind("shop/hardware", HomeImprovement, &["5251"], Range(300, 25000)),
    kind("shop/doityourself", HomeImprovement, &["5200"], Range(500, 60000)),
    kind("shop/paint", HomeImprovement, &["5231"], Range(1500, 30000)),
    kind("shop/garden_centre", HomeImprovement, &["5261"], Range(800, 30000)),
    kind("shop/trade", HomeImprovement, &["5211"], Range(2000, 150000)),
    kind("shop/bathroom_furnishing", HomeImprovement, &["5719"], Range(2000, 60000)),
    kind("shop/swimming_pool", HomeImprovement, &["5999"], Range(1500, 60000)),
    kind("amenity/pharmacy", Medical, &["5912"], Range(500, 9000)),
    kind("shop/chemist", Medical, &["5912"], Range(500, 9000)),
    kind("shop/optician", Medical, &["8043"], Range(2500, 45000)),
    kind("shop/hearing_aids", Medical, &["8099"], Range(5000, 300000)),
    kind("shop/medical_supply", Medical, &["5047", "8099"], Range(1500, 40000)),
    kind("amenity/dentist", Medical, &["8021"], Range(2500, 90000)).with_operators(),
    kind("amenity/doctors", Medical, &["8011"], Range(2000, 40000)).with_operators(),
    kind("amenity/clinic", Medical, &["8011", "8099"], Range(2000, 40000)).with_operators(),
    kind("amenity/hospital", Medical, &["8062"], Range(2500, 250000)).with_operators(),
    kind("amenity/veterinary", Medical, &["0742"], Range(4500, 90000)),
    kind("leisure/fitness_centre", PersonalCare, &["7997"], Range(1000, 25000)),
    kind("leisure/sports_centre", PersonalCare, &["7997"], Range(1000, 25000)),
    kind("shop/hairdresser", PersonalCare, &["7230"], Range(1500, 18000)),
    kind("shop/beauty", PersonalCare, &["7298", "7230"], Range(2000, 20000)),
    kind("shop/cosmetics", PersonalCare, &["5977"], Range(800, 15000)),
    kind("shop/perfumery", PersonalCare, &["5977"], Range(2500, 20000)),
    kind("shop/massage", PersonalCare, &["7297"], Range(4500, 18000)),
    kind("shop/tanning", PersonalCare, &["7298"], Range(1500, 9000)),
    kind("shop/dry_cleaning", PersonalCare, &["7216"], Range(800, 9000)),
    kind("shop/laundry", PersonalCare, &["7211"], Range(300, 6000)),
    kind("shop/car_repair", GeneralServices, &["7538"], Range(3500, 150000)),
    kind("shop/tyres", GeneralServices, &["5532"], Range(5000, 120000)),
    kind("shop/car_parts", GeneralServices, &["5533"], Range(800, 40000)),
    kind("amenity/car_wash", GeneralServices, &["7542"], Range(800, 4500)),
    kind("shop/storage_rental", GeneralServices, &["4225"], Range(4500, 35000)),
    kind("office/insurance", GeneralServices, &["6300"], Range(4500, 60000)),
    kind("shop/copyshop", GeneralServices, &["7338"], Range(300, 9000)),
    kind("office/courier", GeneralServices, &["4215"], Range(800, 15000)),
    kind("amenity/post_office", GeneralServices, &["9402", "4215"], Range(300, 9000)),
    kind("office/tax_advisor", GeneralServices, &["7276"], Range(5000, 60000)),
    kind("office/accountant", GeneralServices, &["8931"], Range(5000, 60000)),
    kind("office/lawyer", GeneralServices, &["8111"], Range(15000, 300000)),
    kind("amenity/childcare", GeneralServices, &["8351"], Range(5000, 180000)),
    kind("amenity/kindergarten", GeneralServices, &["8351"], Range(5000, 180000)),
    kind("amenity/driving_school", GeneralServices, &["8299"], Range(5000, 60000)),
    kind("shop/funeral_directors", GeneralServices, &["7261"], Range(50000, 900000)),
    kind("tourism/hotel", Travel, &["7011"], Range(8900, 65000)),
    kind("tourism/motel", Travel, &["7011"], Range(5900, 18000)),
    kind("tourism/hostel", Travel, &["7011"], Range(2500, 9000)),
    kind("tourism/guest_house", Travel, &["7011"], Range(8900, 45000)),
    kind("amenity/car_rental", Travel, &["7512"], Range(3500, 90000)),
    kind("amenity/cinema", Entertainment, &["7832"], Range(1200, 6500)),
    kind("amenity/theatre", Entertainment, &["7922"], Range(2500, 25000)),
    kind("amenity/casino", Entertainment, &["7995"], Range(2000, 50000)),
    kind("amenity/nightclub", Entertainment, &["5813", "7929"], Range(1500, 15000)),
    kind("leisure/bowling_alley", Entertainment, &["7933"], Range(1500, 12000)),
    kind("leisure/amusement_arcade", Entertainment, &["7994"], Range(500, 6000)),
    kind("leisure/escape_game", Entertainment, &["7999"], Range(2500, 18000)),
    kind("leisure/trampoline_park", Entertainment, &["7999"], Range(1500, 9000)),
    kind("leisure/miniature_golf", Entertainment, &["7992"], Range(1000, 6000)),
    kind("leisure/water_park", Entertainment, &["7996"], Range(2500, 25000)),
    kind("tourism/theme_park", Entertainment, &["7996"], Range(4500, 60000)),
    kind("tourism/zoo", Entertainment, &["7998"], Range(1500, 12000)),
    kind("tourism/aquarium", Entertainment, &["7998"], Range(2000, 15000)),
    kind("tourism/museum", Entertainment, &["7991"], Range(1000, 8000)),
    kind("shop/ticket", Entertainment, &["7922"], Range(2500, 30000)),
    kind("shop/lottery", Entertainment, &["7800"], Range(100, 5000)),
    kind("power/line", RentAndUtilities, &["4900"], Range(3500, 42000)).billed(),
    kind("power/substation", RentAndUtilities, &["4900"], Range(3500, 42000)).billed(),
    kind("power/plant", RentAndUtilities, &["4900"], Range(3500, 42000)).billed(),
    kind("man_made/water_works", RentAndUtilities, &["4900"], Range(2500, 18000)).billed(),
    kind("man_made/wastewater_plant", RentAndUtilities, &["4900"], Range(2500, 18000)).billed(),
];

/// Card forms of a chain store; the generator adds the city and state.
const STORE_FORMS: &[&str] = &["{NAME} #{d4}", "{NAME} {d4}", "{NAME} {store}", "{NAME}"];
/// A utility bill on a card, and its ACH forms.
const BILL_FORMS: &[&str] = &["={NAME} PAYMENT", "={NAME} WEB PMT", "={NAME}"];
const BILL_ACH: &[&str] = &["{NAME}|UTIL PYMT", "{NAME}|WEB PMT", "{NAME}|BILL PAY"];

/// A name fit for a bank line: ASCII, no template syntax, 2 to 40
/// characters, and at least one letter.
fn usable_name(name: &str) -> bool {
    (2..=40).contains(&name.len())
        && name.is_ascii()
        && !name.contains(['{', '}', '|', ';', '\n'])
        && name.bytes().any(|b| b.is_ascii_alphabetic())
}

/// Whether an entry's location set includes the United States. World-wide
/// (and all-of-America) entries count only for brands: for operators they
/// are mostly national bodies of other countries.
fn trades_in_us(location: Option<&Value>, world_counts: bool) -> bool {
    let codes = |key: &str| -> Vec<String> {
        location
            .and_then(|l| l.get(key))
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_ascii_lowercase)
                    .collect()
            })
            .unwrap_or_default()
    };
    let whole = |c: &str| matches!(c, "us" | "conus" | "q35657");
    let included = codes("include").iter().any(|c| {
        whole(c)
            || c.starts_with("us-")
            || (world_counts && matches!(c.as_str(), "001" | "003" | "019" | "021"))
    });
    let excluded = codes("exclude").iter().any(|c| whole(c));
    included && !excluded
}

/// The name a card terminal would print: the `brand` tag, else `name`, else
/// the display name without NSI's disambiguation in brackets.
fn entry_name(item: &Value) -> Option<String> {
    let tags = item.get("tags");
    let tag = |k: &str| tags.and_then(|t| t.get(k)).and_then(Value::as_str);
    let name = tag("brand").or_else(|| tag("name")).or_else(|| {
        item.get("displayName")
            .and_then(Value::as_str)
            .map(|d| d.split(" (").next().unwrap_or(d))
    })?;
    let name = name.trim();
    usable_name(name).then(|| name.to_owned())
}

impl BrandList {
    /// Reads an NSI `nsi.json` and keeps the US brands whose kind maps to a
    /// category, skipping names the built-in catalog already has.
    pub fn from_nsi_file(path: &Path) -> Result<Self, BrandsError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| BrandsError::Io {
            path: shown.clone(),
            source,
        })?;
        let json: Value = serde_json::from_str(&text).map_err(|source| BrandsError::Json {
            path: shown.clone(),
            source,
        })?;
        Self::from_nsi(&json).map_err(|what| BrandsError::Format { path: shown, what })
    }

    /// As [`BrandList::from_nsi_file`], from the parsed document.
    pub fn from_nsi(json: &Value) -> Result<Self, String> {
        let trees = json
            .get("nsi")
            .and_then(Value::as_object)
            .ok_or("no \"nsi\" object")?;
        let version = json
            .pointer("/_meta/version")
            .and_then(Value::as_str)
            .unwrap_or("unknown version");
        let mut seen: HashSet<String> = Category::ALL
            .iter()
            .flat_map(|c| catalog::builtin(*c))
            .filter(|m| !m.is_local())
            .map(|m| slug(m.name))
            .collect();
        let mut brands = Vec::new();
        for kind in KINDS {
            for tree in ["brands", "operators"] {
                if tree == "operators" && !kind.operators {
                    continue;
                }
                let Some(items) = trees
                    .get(&format!("{tree}/{}", kind.tag))
                    .and_then(|c| c.get("items"))
                    .and_then(Value::as_array)
                else {
                    continue;
                };
                for item in items {
                    // Template copies (an ATM per bank, a car wash per fuel
                    // brand) repeat brands under kinds they are not.
                    if item.get("fromTemplate").and_then(Value::as_bool) == Some(true) {
                        continue;
                    }
                    if !trades_in_us(item.get("locationSet"), tree == "brands") {
                        continue;
                    }
                    let Some(name) = entry_name(item) else {
                        continue;
                    };
                    if !seen.insert(slug(&name)) {
                        continue;
                    }
                    brands.push(Brand {
                        name,
                        category: kind.category,
                        kind: kind.tag,
                    });
                }
            }
        }
        if brands.is_empty() {
            return Err("no usable US brand".to_owned());
        }
        Ok(Self {
            brands,
            source: format!("name-suggestion-index {version}"),
        })
    }

    /// Brands per category, in `Category::ALL` order.
    pub fn counts(&self) -> [usize; 16] {
        let mut counts = [0; 16];
        for b in &self.brands {
            counts[b.category.index()] += 1;
        }
        counts
    }

    /// Adds the brands to this process's catalog, for every generator made
    /// afterwards. Once per process.
    pub fn extend_catalog(&self) -> Result<usize, BrandsError> {
        let mut lists: Vec<Vec<Merchant>> = Category::ALL
            .iter()
            .map(|c| catalog::builtin(*c).to_vec())
            .collect();
        for brand in &self.brands {
            let Some(kind) = KINDS.iter().find(|k| k.tag == brand.kind) else {
                continue;
            };
            // The catalog holds `'static` data; these names live as long as
            // the process, like the built-in ones.
            let name: &'static str = Box::leak(brand.name.clone().into_boxed_str());
            let (forms, ach) = match kind.style {
                Style::Bill => (BILL_FORMS, BILL_ACH),
                _ => (STORE_FORMS, &[][..]),
            };
            lists[brand.category.index()].push(Merchant {
                name,
                forms,
                ach,
                profile: &kind.profile,
                style: kind.style,
                weight: 1,
                named: true,
            });
        }
        catalog::install(lists).map_err(|_| BrandsError::AlreadyExtended)?;
        Ok(self.brands.len())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn nsi(entries: Value) -> Value {
        json!({ "_meta": { "version": "9.9.9" }, "nsi": entries })
    }

    #[test]
    fn keeps_us_brands_of_known_kinds_under_their_category() {
        let doc = nsi(json!({
            "brands/amenity/fast_food": { "items": [
                { "displayName": "Zippy Burger (USA)", "locationSet": { "include": ["us"] },
                  "tags": { "brand": "Zippy Burger", "amenity": "fast_food" } },
                { "displayName": "Euro Only", "locationSet": { "include": ["fr"] },
                  "tags": { "brand": "Euro Only" } },
                { "displayName": "Worldwide Not Us", "locationSet": { "include": ["001"], "exclude": ["us"] },
                  "tags": { "brand": "Worldwide Not Us" } },
                { "displayName": "Copy", "fromTemplate": true, "locationSet": { "include": ["us"] },
                  "tags": { "brand": "Copy" } },
                { "displayName": "老凤祥", "locationSet": { "include": ["us"] }, "tags": { "brand": "老凤祥" } },
            ]},
            "brands/amenity/fuel": { "items": [
                { "displayName": "Texas Gas", "locationSet": { "include": ["us-tx.geojson"] },
                  "tags": { "brand": "Texas Gas" } },
            ]},
            "brands/shop/convenience": { "items": [
                { "displayName": "Texas Gas", "locationSet": { "include": ["us"] },
                  "tags": { "brand": "Texas Gas" } },
            ]},
            "brands/shop/unknown_kind": { "items": [
                { "displayName": "Odd", "locationSet": { "include": ["us"] }, "tags": { "brand": "Odd" } },
            ]},
            "operators/amenity/school": { "items": [
                { "displayName": "District", "locationSet": { "include": ["us"] }, "tags": { "operator": "District" } },
            ]},
        }));
        let list = BrandList::from_nsi(&doc).expect("usable");
        let got: Vec<(&str, Category)> = list
            .brands
            .iter()
            .map(|b| (b.name.as_str(), b.category))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Texas Gas", Category::Transportation),
                ("Zippy Burger", Category::FoodAndDrink),
            ]
        );
        assert_eq!(list.source, "name-suggestion-index 9.9.9");
    }

    #[test]
    fn names_the_builtin_catalog_has_are_skipped() {
        let doc = nsi(json!({
            "brands/amenity/cafe": { "items": [
                { "displayName": "Starbucks", "locationSet": { "include": ["001"] }, "tags": { "brand": "Starbucks" } },
                { "displayName": "Tiny Beans", "locationSet": { "include": ["001"] }, "tags": { "brand": "Tiny Beans" } },
            ]},
        }));
        let list = BrandList::from_nsi(&doc).expect("usable");
        assert_eq!(list.brands.len(), 1);
        assert_eq!(list.brands[0].name, "Tiny Beans");
    }

    #[test]
    fn operators_count_only_for_kinds_that_bill_households() {
        let doc = nsi(json!({
            "operators/power/line": { "items": [
                { "displayName": "Valley Electric Cooperative", "locationSet": { "include": ["us-nv.geojson"] },
                  "tags": { "operator": "Valley Electric Cooperative" } },
                { "displayName": "Ministry of Power", "locationSet": { "include": ["001"] },
                  "tags": { "operator": "Ministry of Power" } },
            ]},
            "operators/shop/clothes": { "items": [
                { "displayName": "Clothes Op", "locationSet": { "include": ["us"] }, "tags": { "operator": "Clothes Op" } },
            ]},
        }));
        let list = BrandList::from_nsi(&doc).expect("usable");
        let names: Vec<&str> = list.brands.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, vec!["Valley Electric Cooperative"]);
        assert_eq!(list.brands[0].category, Category::RentAndUtilities);
    }

    #[test]
    fn a_file_without_usable_brands_is_an_error() {
        assert!(BrandList::from_nsi(&json!({ "nsi": {} })).is_err());
        assert!(BrandList::from_nsi(&json!([1, 2])).is_err());
    }

    #[test]
    fn every_kind_is_listed_once_with_valid_codes() {
        let mut tags = HashSet::new();
        for k in KINDS {
            assert!(tags.insert(k.tag), "{} twice", k.tag);
            assert!(k.profile.mcc.iter().all(|m| m.len() == 4), "{}", k.tag);
        }
    }
}
