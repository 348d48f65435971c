//! Prints generated lines as `category | description | merchant | mcc | amount`.
//!
//! `cargo run -p txclass-synth --example samples -- [seed] [count] [train|test|all] [balanced]`
//! prints `count` lines (per category with `balanced`); `-- sizes` prints the
//! catalog size of every category.

use txclass_synth::{Generator, Labeled, Split, catalog_sizes};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("sizes") {
        for size in catalog_sizes() {
            println!(
                "{} | {} brands | {} local families",
                size.category, size.brands, size.local_families
            );
        }
        return;
    }
    let seed = args.first().and_then(|s| s.parse().ok()).unwrap_or(7);
    let count = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(30);
    let split = match args.get(2).map(String::as_str) {
        Some("train") => Split::Train,
        Some("test") => Split::Test,
        _ => Split::All,
    };
    let mut generator = Generator::new(seed, split);
    let records: Vec<Labeled> = if args.get(3).map(String::as_str) == Some("balanced") {
        let mut records = generator.balanced(count);
        records.sort_by_key(|r| r.category);
        records
    } else {
        generator.take(count).collect()
    };
    for record in records {
        let t = &record.transaction;
        println!(
            "{} | {} | {} | {} | {}",
            record.category,
            t.description(),
            t.merchant().unwrap_or("-"),
            t.mcc().unwrap_or("-"),
            t.amount()
        );
    }
}
