//! Extending the catalog with a brand list changes every generator made
//! afterwards; its own process, since the extension is process-wide.

use std::collections::HashSet;

use serde_json::json;
use txclass_synth::{BrandList, Category, Generator, Split, catalog_sizes};

#[test]
fn extended_brands_are_generated_under_their_category_and_split_like_the_rest() {
    let before: usize = catalog_sizes().iter().map(|s| s.brands).sum();
    let items: Vec<_> = (0..200)
        .map(|i| {
            let name = format!("Zq Burger {i:03}");
            json!({ "displayName": name, "locationSet": { "include": ["us"] }, "tags": { "brand": name } })
        })
        .collect();
    let doc = json!({ "_meta": { "version": "1" }, "nsi": { "brands/amenity/fast_food": { "items": items } } });
    let list = BrandList::from_nsi(&doc).expect("usable list");
    assert_eq!(list.extend_catalog().expect("first extension"), 200);
    assert!(
        list.extend_catalog().is_err(),
        "a second extension is refused"
    );
    let after: usize = catalog_sizes().iter().map(|s| s.brands).sum();
    assert_eq!(after, before + 200);

    let keys = |split: Split| -> HashSet<String> {
        let mut generator = Generator::new(5, split);
        (0..20_000)
            .map(|_| generator.next_in(Category::FoodAndDrink))
            .filter(|l| l.merchant_key.contains("zq-burger"))
            .inspect(|l| {
                let line = l.transaction.description().to_ascii_uppercase();
                assert!(line.split_whitespace().any(|w| w == "ZQ"), "{line}");
                assert_eq!(l.category, Category::FoodAndDrink);
            })
            .map(|l| l.merchant_key)
            .collect()
    };
    let (train, test) = (keys(Split::Train), keys(Split::Test));
    assert!(
        train.len() > 50 && test.len() > 10,
        "{} / {}",
        train.len(),
        test.len()
    );
    assert!(train.is_disjoint(&test));
}
