//! Prints a digest of the records the model trainer (`txclass-ml-api train`)
//! draws, so a change to the generator or its catalog can be shown to leave
//! them, and therefore the shipped model, unchanged.
//!
//! The stream mirrors `ml-api/src/train.rs`: for every fold `k`, the training
//! set (`Trained(k)`, seed, `per_category` per category), the held-out set
//! (`HeldOut(k)`, seed + 1, `held_out` records) and the fresh records of seen
//! merchants (`Trained(k)`, seed + 2, `held_out / 2`); then the refit on every
//! merchant (`All`, seed, `per_category` per category). Every field of every
//! record goes into a 64-bit FNV-1a hash.
//!
//! ```text
//! cargo run --release -p txclass-synth --example digest -- \
//!     [--brands nsi.json] [--seed N] [--per-category N] [--held-out N] [--folds N]
//! ```
//!
//! The defaults are the trainer's; `scripts/train-model.sh` trains with the
//! brand list of `scripts/fetch-brands.sh`.

use std::path::PathBuf;

use txclass_synth::{BrandList, FOLDS, Generator, Labeled, Split};

/// 64-bit FNV-1a.
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// A field and a separator no generated text contains.
    fn field(&mut self, text: &str) {
        self.bytes(text.as_bytes());
        self.bytes(&[0xff]);
    }

    fn optional(&mut self, text: Option<&str>) {
        match text {
            Some(t) => {
                self.bytes(&[1]);
                self.field(t);
            }
            None => self.bytes(&[0, 0xff]),
        }
    }

    fn record(&mut self, l: &Labeled) {
        let t = &l.transaction;
        self.field(t.transaction_id());
        self.field(&t.timestamp().to_rfc3339());
        self.field(t.account_id());
        self.field(&t.amount().to_string());
        self.field(t.currency());
        self.optional(t.merchant());
        self.field(t.description());
        self.optional(t.mcc());
        for (k, v) in t.attributes() {
            self.field(k);
            self.field(v);
        }
        self.bytes(&[0xfe]);
        self.field(l.category.as_str());
        self.field(&l.merchant_key);
        self.field(&format!("{:?}", l.channel));
    }
}

struct Options {
    brands: Option<PathBuf>,
    seed: u64,
    per_category: usize,
    held_out: usize,
    folds: u8,
}

fn options() -> Options {
    let mut o = Options {
        brands: None,
        seed: 20_261_122,
        per_category: 12_000,
        held_out: 40_000,
        folds: FOLDS,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--brands" => o.brands = Some(PathBuf::from(&value)),
            "--seed" => o.seed = number(&flag, &value),
            "--per-category" => o.per_category = number(&flag, &value),
            "--held-out" => o.held_out = number(&flag, &value),
            "--folds" => o.folds = number(&flag, &value),
            _ => panic!("unknown option {flag}"),
        }
    }
    o
}

fn number<T: std::str::FromStr>(flag: &str, value: &str) -> T {
    value
        .parse()
        .unwrap_or_else(|_| panic!("{flag} {value}: not a number"))
}

fn main() {
    let o = options();
    if let Some(path) = &o.brands {
        let list = BrandList::from_nsi_file(path).unwrap_or_else(|e| panic!("{e}"));
        let added = list.extend_catalog().unwrap_or_else(|e| panic!("{e}"));
        println!("brands: {} ({added} added)", list.source);
    }
    let mut total = Fnv::new();
    let mut count = 0usize;
    let mut stream = |name: String, records: &mut dyn Iterator<Item = Labeled>| {
        let mut part = Fnv::new();
        let mut n = 0usize;
        for l in records {
            part.record(&l);
            total.record(&l);
            n += 1;
        }
        count += n;
        println!("{name}: {n} records, {:016x}", part.0);
    };
    for fold in 0..o.folds {
        stream(
            format!("fold {fold} train"),
            &mut Generator::new(o.seed, Split::Trained(fold))
                .balanced(o.per_category)
                .into_iter(),
        );
        stream(
            format!("fold {fold} held-out"),
            &mut Generator::new(o.seed.wrapping_add(1), Split::HeldOut(fold)).take(o.held_out),
        );
        stream(
            format!("fold {fold} fresh-seen"),
            &mut Generator::new(o.seed.wrapping_add(2), Split::Trained(fold)).take(o.held_out / 2),
        );
    }
    stream(
        "refit all".to_owned(),
        &mut Generator::new(o.seed, Split::All)
            .balanced(o.per_category)
            .into_iter(),
    );
    println!("total: {count} records, {:016x}", total.0);
}
