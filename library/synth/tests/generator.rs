//! The generator's promises, checked through the public API.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{TimeZone, Utc};
use txclass_core::{RawTransaction, Transaction};
use txclass_synth::{
    Category, Channel, Generator, InvalidKind, Labeled, Split, catalog_sizes, invalid_csv_row,
    invalid_json_payload,
};

fn draw(seed: u64, split: Split, n: usize) -> Vec<Labeled> {
    Generator::new(seed, split).take(n).collect()
}

#[test]
fn the_same_seed_gives_the_same_records_and_another_seed_does_not() {
    assert_eq!(draw(42, Split::All, 500), draw(42, Split::All, 500));
    assert_ne!(draw(42, Split::All, 50), draw(43, Split::All, 50));
    let mut a = Generator::new(5, Split::Train);
    let mut b = Generator::new(5, Split::Train);
    assert_eq!(a.balanced(20), b.balanced(20));
}

#[test]
fn records_are_valid_and_round_trip_through_json() {
    for record in draw(1, Split::All, 5000) {
        let t = &record.transaction;
        let json = serde_json::to_string(t).expect("serialize");
        let back: Transaction = serde_json::from_str(&json).expect("deserialize");
        assert_eq!(&back, t);
        // The raw form passes validation again, field for field.
        assert_eq!(Transaction::try_from(t.to_raw()).as_ref(), Ok(t));
        assert!(t.description().chars().count() <= 256);
        assert!(t.merchant().is_none_or(|m| m.chars().count() <= 128));
        assert!(t.transaction_id().len() <= 64 && t.account_id().starts_with("acc-"));
        assert_eq!(t.currency(), "USD");
        assert!(t.amount().scale() <= 2 && !t.amount().is_zero());
        assert!(
            t.mcc()
                .is_none_or(|m| m.len() == 4 && m.bytes().all(|b| b.is_ascii_digit()))
        );
    }
}

#[test]
fn every_category_appears_with_everyday_frequencies() {
    let mut counts: HashMap<Category, usize> = HashMap::new();
    for record in draw(2, Split::All, 5000) {
        *counts.entry(record.category).or_default() += 1;
    }
    for category in Category::ALL {
        assert!(
            counts.get(&category).copied().unwrap_or(0) > 0,
            "{category} never drawn"
        );
    }
    let food = counts[&Category::FoodAndDrink];
    let fees = counts[&Category::BankFees];
    assert!(food > 5 * fees, "food {food}, fees {fees}");
    assert!(counts[&Category::GeneralMerchandise] > counts[&Category::Travel]);
}

#[test]
fn balanced_gives_exactly_the_requested_count_per_category() {
    let records = Generator::new(3, Split::All).balanced(37);
    assert_eq!(records.len(), 37 * 16);
    let mut counts: BTreeMap<Category, usize> = BTreeMap::new();
    for r in &records {
        *counts.entry(r.category).or_default() += 1;
    }
    assert_eq!(counts.len(), 16);
    assert!(counts.values().all(|n| *n == 37), "{counts:?}");
}

#[test]
fn train_and_test_share_no_merchant_and_both_cover_every_category() {
    let train = Generator::new(4, Split::Train).balanced(400);
    let test = Generator::new(4, Split::Test).balanced(400);
    let train_keys: HashSet<&str> = train.iter().map(|r| r.merchant_key.as_str()).collect();
    let test_keys: HashSet<&str> = test.iter().map(|r| r.merchant_key.as_str()).collect();
    let shared: Vec<_> = train_keys.intersection(&test_keys).collect();
    assert!(shared.is_empty(), "shared merchants: {shared:?}");
    for side in [&train, &test] {
        let categories: HashSet<Category> = side.iter().map(|r| r.category).collect();
        assert_eq!(categories.len(), 16);
    }
    // A merchant key belongs to one category.
    let mut owner: HashMap<&str, Category> = HashMap::new();
    for r in train.iter().chain(&test) {
        assert_eq!(
            *owner.entry(&r.merchant_key).or_insert(r.category),
            r.category
        );
        assert!(
            r.merchant_key
                .starts_with(&r.category.as_str().to_ascii_lowercase())
        );
    }
    // Held-out brands are a minority (local businesses are split one by one).
    let brands = |keys: &HashSet<&str>| keys.iter().filter(|k| k.matches('/').count() == 1).count();
    let (train_brands, test_brands) = (brands(&train_keys), brands(&test_keys));
    assert!(
        test_brands > 100 && test_brands * 2 < train_brands,
        "{test_brands} vs {train_brands}"
    );
    assert!(test_keys.len() > test_brands, "no local business held out");
}

#[test]
fn money_in_is_positive_and_money_out_mostly_negative() {
    let records = Generator::new(6, Split::All).balanced(300);
    let mut positive: HashMap<Category, usize> = HashMap::new();
    for r in &records {
        if r.transaction.amount().is_sign_positive() {
            *positive.entry(r.category).or_default() += 1;
        }
    }
    for category in Category::ALL {
        let p = positive.get(&category).copied().unwrap_or(0);
        match category {
            Category::Income | Category::TransferIn => assert_eq!(p, 300, "{category}"),
            _ => assert!(p <= 15, "{category}: {p} of 300 positive"),
        }
    }
}

#[test]
fn timestamps_fall_in_the_configured_range() {
    let start = Utc
        .with_ymd_and_hms(2025, 3, 1, 0, 0, 0)
        .single()
        .expect("valid");
    let end = Utc
        .with_ymd_and_hms(2025, 3, 8, 0, 0, 0)
        .single()
        .expect("valid");
    let mut generator = Generator::new(8, Split::All)
        .with_time_range(end, start)
        .with_id_prefix("bench-");
    for i in 1..=300u64 {
        let r = generator.next_labeled();
        let t = r.transaction.timestamp();
        assert!(start <= t && t <= end, "{t}");
        assert_eq!(r.transaction.transaction_id(), format!("bench-{i:08}"));
    }
}

/// Processor prefixes, bank wrappers and suffixes that mark a real card line.
fn looks_like_a_card_line(d: &str) -> bool {
    const MARKERS: &[&str] = &[
        "SQ *",
        "TST*",
        "CLV*",
        "PAYPAL *",
        "PP*",
        "SP ",
        "DD *",
        "DOORDASH*",
        "UBER",
        "LYFT",
        "AMZN",
        "Amazon",
        "APPLE.COM/BILL",
        "GOOGLE *",
        "CHECKCARD",
        "PURCHASE",
        "POS ",
        "DBT CRD",
        "RECURRING",
        "CARD PURCHASE",
        "VISA DDA",
        "Debit Card",
        ".COM",
        "#",
    ];
    let upper = d.to_ascii_uppercase();
    let has_marker = MARKERS
        .iter()
        .any(|m| upper.contains(&m.to_ascii_uppercase()));
    let has_store_number = upper
        .split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() >= 3);
    let ends_with_state = d
        .split_whitespace()
        .last()
        .is_some_and(|w| w.len() == 2 && w.bytes().all(|b| b.is_ascii_alphabetic()));
    has_marker || has_store_number || ends_with_state
}

#[test]
fn card_lines_carry_the_marks_of_real_statements() {
    let card: Vec<Labeled> = draw(9, Split::All, 4000)
        .into_iter()
        .filter(|r| r.channel == Channel::Card)
        .collect();
    assert!(card.len() > 2000);
    let marked = card
        .iter()
        .filter(|r| looks_like_a_card_line(r.transaction.description()))
        .count();
    assert!(
        marked * 100 >= card.len() * 40,
        "{marked} of {}",
        card.len()
    );
    // Some lines are cut by the processor, some are upper case, some not.
    let descriptions: Vec<&str> = card.iter().map(|r| r.transaction.description()).collect();
    assert!(descriptions.iter().any(|d| d.contains("  ")));
    assert!(
        descriptions
            .iter()
            .any(|d| d.bytes().any(|b| b.is_ascii_lowercase()))
    );
    let with_mcc = card
        .iter()
        .filter(|r| r.transaction.mcc().is_some())
        .count();
    let with_merchant = card
        .iter()
        .filter(|r| r.transaction.merchant().is_some())
        .count();
    assert!(with_mcc > card.len() / 3 && with_mcc < card.len());
    assert!(with_merchant > card.len() / 3 && with_merchant < card.len());
}

#[test]
fn descriptors_are_diverse() {
    let records = draw(10, Split::All, 5000);
    let descriptions: HashSet<&str> = records
        .iter()
        .map(|r| r.transaction.description())
        .collect();
    let merchants: HashSet<&str> = records.iter().map(|r| r.merchant_key.as_str()).collect();
    // Repeats are real too: `NETFLIX.COM`, `MOBILE DEPOSIT`, `OVERDRAFT FEE`.
    assert!(
        descriptions.len() > 4500,
        "{} distinct descriptions",
        descriptions.len()
    );
    assert!(
        merchants.len() > 1000,
        "{} distinct merchants",
        merchants.len()
    );
    let channels: HashSet<Channel> = records.iter().map(|r| r.channel).collect();
    assert_eq!(channels.len(), 3);
}

#[test]
fn the_catalog_is_large() {
    for size in catalog_sizes() {
        assert!(size.brands >= 20, "{:?}", size);
    }
    let big = [
        Category::FoodAndDrink,
        Category::GeneralMerchandise,
        Category::Transportation,
    ];
    for size in catalog_sizes().iter().filter(|s| big.contains(&s.category)) {
        assert!(size.brands >= 40, "{:?}", size);
    }
}

fn validate_payload(bytes: &[u8]) -> Result<Transaction, String> {
    let raw: RawTransaction = serde_json::from_slice(bytes).map_err(|e| format!("parse: {e}"))?;
    Transaction::try_from(raw).map_err(|e| {
        let e = &e.errors;
        assert_eq!(e.len(), 1, "more than one rule broken: {e:?}");
        format!("{}:{:?}", e[0].field, e[0].rule)
    })
}

#[test]
fn every_invalid_json_payload_breaks_exactly_its_rule() {
    let mut generator = Generator::new(11, Split::All);
    for kind in InvalidKind::ALL {
        for _ in 0..40 {
            let payload = invalid_json_payload(&mut generator, *kind);
            let outcome = validate_payload(&payload);
            match (kind.field(), kind.rule()) {
                (Some(field), Some(rule)) => {
                    assert_eq!(outcome, Err(format!("{field}:{rule:?}")), "{kind}");
                }
                _ => {
                    let err = outcome.expect_err("byte-level payload must not parse");
                    assert!(err.starts_with("parse:"), "{kind}: {err}");
                    assert!(
                        serde_json::from_slice::<serde_json::Value>(&payload).is_err(),
                        "{kind}"
                    );
                    if *kind == InvalidKind::InvalidUtf8 {
                        assert!(std::str::from_utf8(&payload).is_err());
                    }
                }
            }
        }
    }
}

#[test]
fn every_invalid_csv_row_breaks_exactly_its_rule() {
    let mut generator = Generator::new(12, Split::All);
    for kind in InvalidKind::ALL {
        for _ in 0..40 {
            let Some(row) = invalid_csv_row(&mut generator, *kind) else {
                assert!(kind.is_bytes_only(), "{kind} has no row");
                continue;
            };
            let cell = |i: usize| Some(row[i].clone());
            let raw = RawTransaction {
                transaction_id: cell(0),
                timestamp: cell(1),
                account_id: cell(2),
                amount: cell(3),
                currency: cell(4),
                merchant: cell(5),
                description: cell(6),
                mcc: cell(7),
                attributes: BTreeMap::new(),
            };
            let err = Transaction::try_from(raw).expect_err("row must be rejected");
            assert_eq!(err.errors.len(), 1, "{kind}: {err}");
            assert_eq!(Some(err.errors[0].field), kind.field(), "{kind}: {err}");
            assert_eq!(Some(err.errors[0].rule), kind.rule(), "{kind}: {err}");
        }
    }
}

#[test]
fn ids_never_exceed_the_contract() {
    let mut generator = Generator::new(1, Split::All).with_id_prefix(&"p".repeat(200));
    let l = generator.next_labeled();
    assert!(l.transaction.transaction_id().len() <= 64);
}

#[test]
fn every_catalog_form_renders_without_leftover_placeholders() {
    let mut generator = Generator::new(3, Split::All);
    for category in Category::ALL {
        for _ in 0..1500 {
            let l = generator.next_in(category);
            let d = l.transaction.description();
            assert!(!d.contains('{') && !d.contains('}'), "{category}: {d}");
            assert!(d.is_ascii(), "{d}");
            if let Some(m) = l.transaction.merchant() {
                assert!(!m.contains('{'), "{m}");
            }
        }
    }
}

#[test]
fn names_round_trip_and_every_kind_is_listed_once() {
    let mut seen = HashSet::new();
    for kind in InvalidKind::ALL {
        assert!(seen.insert(kind.name()));
        assert_eq!(InvalidKind::from_name(kind.name()), Some(*kind));
        assert_eq!(kind.field().is_none(), kind.rule().is_none());
    }
    assert_eq!(InvalidKind::ALL.len(), 20);
    assert_eq!(InvalidKind::from_name("nope"), None);
}

#[test]
fn byte_kinds_have_no_row_and_others_have_eight_columns() {
    let mut g = Generator::new(4, Split::All);
    for kind in InvalidKind::ALL {
        let row = invalid_csv_row(&mut g, *kind);
        assert_eq!(row.is_none(), kind.is_bytes_only(), "{kind}");
        if let Some(row) = row {
            assert_eq!(row.len(), 8, "{kind}");
        }
    }
}
