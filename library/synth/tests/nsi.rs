//! Reading a Name Suggestion Index file: which entries become brands, under
//! which category. Reading does not extend the catalog, so these share a
//! process.

use serde_json::{Value, json};
use txclass_synth::{BrandList, Category};

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
