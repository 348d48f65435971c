//! Public brand lists that widen the built-in catalog.
//!
//! The source is the OpenStreetMap Name Suggestion Index (NSI,
//! BSD-3-Clause): its `dist/json/nsi.json` lists brands and operators with
//! the kind of business each one is (`brands/amenity/fast_food`) and where it
//! trades. `scripts/fetch-brands.sh` downloads a pinned release from the npm
//! registry and keeps its licence beside it.
//!
//! Entries that trade in the United States and whose kind is listed in
//! `data/brand_kinds.toml` become catalog brands of the kind's category, with
//! the file's generic forms and the kind's merchant category codes and
//! prices. The built-in catalog wins: a name it already has (in any category)
//! is skipped, and so is a name NSI files under several kinds after the first
//! (the file is ordered so that, say, a fuel brand stays fuel rather than
//! convenience store).

use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;
use serde_json::Value;
use txclass_core::Category;

use crate::catalog::{self, Amount, Merchant, Style, ensure, parse_toml, slug};

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
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Kind {
    /// `key/value` of the OSM tag, as in NSI's category paths.
    tag: String,
    category: Category,
    mcc: Vec<String>,
    /// What its brands charge, in cents.
    range: [u32; 2],
    /// `store` (the default), or `bill` for household bills (utilities).
    #[serde(default)]
    style: Style,
    /// Whether `operators/` entries of this kind count (utilities, health
    /// systems, parking); `brands/` entries always do.
    #[serde(default)]
    operators: bool,
}

/// `data/brand_kinds.toml`: the kinds in priority order, and the forms
/// their brands take.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Kinds {
    store_forms: Vec<String>,
    bill_forms: Vec<String>,
    bill_ach: Vec<String>,
    kinds: Vec<Kind>,
}

const KINDS_FILE: &str = "data/brand_kinds.toml";

impl Kinds {
    /// A brand of `kind` as a catalog merchant.
    fn merchant(&self, kind: &Kind, name: String) -> Merchant {
        let (forms, ach) = match kind.style {
            Style::Bill => (self.bill_forms.clone(), self.bill_ach.clone()),
            _ => (self.store_forms.clone(), Vec::new()),
        };
        Merchant {
            name,
            forms,
            ach,
            mcc: kind.mcc.clone(),
            amount: Amount::Range(kind.range[0], kind.range[1]),
            style: kind.style,
            weight: 1,
            named: true,
        }
    }
}

fn load_kinds() -> Result<Kinds, String> {
    let (file, text) = (KINDS_FILE, include_str!("../data/brand_kinds.toml"));
    let kinds: Kinds = parse_toml(file, text)?;
    let mut tags = HashSet::new();
    for kind in &kinds.kinds {
        let what = format!("{file}: kind {}", kind.tag);
        ensure!(tags.insert(&kind.tag), "{what} is listed twice");
        let style = matches!(kind.style, Style::Store | Style::Bill);
        ensure!(style, "{what}: the style is store or bill");
        let sample = kinds.merchant(kind, "Brand".to_owned());
        sample.check().map_err(|e| format!("{what}: {e}"))?;
    }
    Ok(kinds)
}

fn kinds() -> &'static Kinds {
    static KINDS: OnceLock<Kinds> = OnceLock::new();
    KINDS.get_or_init(|| load_kinds().unwrap_or_else(|e| panic!("{e}")))
}

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
            .map(|m| slug(&m.name))
            .collect();
        let mut brands = Vec::new();
        for kind in &kinds().kinds {
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
                        kind: &kind.tag,
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
        let kinds = kinds();
        for brand in &self.brands {
            let Some(kind) = kinds.kinds.iter().find(|k| k.tag == brand.kind) else {
                continue;
            };
            let merchant = kinds.merchant(kind, brand.name.clone());
            lists[brand.category.index()].push(merchant);
        }
        catalog::install(lists).map_err(|_| BrandsError::AlreadyExtended)?;
        Ok(self.brands.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kinds_file_loads_and_every_kind_is_usable() {
        let kinds = load_kinds().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(kinds.kinds[0].tag, "amenity/fuel", "fuel comes first");
    }
}
