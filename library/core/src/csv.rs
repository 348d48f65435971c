//! CSV dialects: the design's header (`transaction_id,timestamp,…`) and the
//! original project's `;`-separated "seed" export.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::model::Transaction;
use crate::validate::RawTransaction;

/// The design's columns, in the order txclass writes them.
pub const COLUMNS: [&str; 8] = [
    "transaction_id",
    "timestamp",
    "account_id",
    "amount",
    "currency",
    "merchant",
    "description",
    "mcc",
];

const REQUIRED: [&str; 6] = [
    "transaction_id",
    "timestamp",
    "account_id",
    "amount",
    "currency",
    "description",
];

/// The original project's header.
pub const SEED_COLUMNS: [&str; 7] = [
    "id",
    "description",
    "amount",
    "timestamp",
    "merchant",
    "operation_type",
    "side",
];

/// Which dialect to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Decide from the header.
    #[default]
    Auto,
    /// The design's header.
    Standard,
    /// The original project's `;` export.
    Seed,
}

/// Values the seed dialect lacks, taken from configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeedDefaults {
    pub currency: String,
    pub account_id: String,
}

impl Default for SeedDefaults {
    fn default() -> Self {
        Self {
            currency: "EUR".into(),
            account_id: "unknown".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HeaderError {
    #[error("missing required column(s): {}", .0.join(", "))]
    MissingColumns(Vec<String>),
    #[error("the header is empty")]
    Empty,
}

/// Picks the field separator from the header line: `;` when it has more
/// semicolons than commas, `,` otherwise.
pub fn sniff_delimiter(first_line: &[u8]) -> u8 {
    let line = first_line.split(|b| *b == b'\n').next().unwrap_or_default();
    let semicolons = line.iter().filter(|b| **b == b';').count();
    let commas = line.iter().filter(|b| **b == b',').count();
    if semicolons > commas { b';' } else { b',' }
}

/// A header resolved to column positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvSchema {
    format: Format,
    columns: usize,
    /// Position of each design field (by `COLUMNS` order) or of each seed field.
    positions: Vec<Option<usize>>,
    seed: SeedDefaults,
}

impl CsvSchema {
    /// Resolves a header. A missing required column fails the whole file.
    pub fn from_header<S: AsRef<str>>(
        header: &[S],
        format: Format,
        seed: SeedDefaults,
    ) -> Result<Self, HeaderError> {
        let names: Vec<String> = header
            .iter()
            .map(|h| {
                h.as_ref()
                    .trim()
                    .trim_start_matches('\u{feff}')
                    .to_ascii_lowercase()
            })
            .collect();
        if names.iter().all(String::is_empty) {
            return Err(HeaderError::Empty);
        }
        let find = |name: &str| names.iter().position(|n| n == name);
        let format = match format {
            Format::Auto if find("transaction_id").is_none() && find("id").is_some() => {
                Format::Seed
            }
            Format::Auto => Format::Standard,
            f => f,
        };
        let (wanted, required): (&[&str], &[&str]) = match format {
            Format::Seed => (&SEED_COLUMNS, &["id", "description", "amount", "timestamp"]),
            _ => (&COLUMNS, &REQUIRED),
        };
        let positions: Vec<Option<usize>> = wanted.iter().map(|c| find(c)).collect();
        let missing: Vec<String> = required
            .iter()
            .filter(|c| find(c).is_none())
            .map(|c| (*c).to_owned())
            .collect();
        if !missing.is_empty() {
            return Err(HeaderError::MissingColumns(missing));
        }
        Ok(Self {
            format,
            columns: names.len(),
            positions,
            seed,
        })
    }

    pub fn format(&self) -> Format {
        self.format
    }

    pub fn columns(&self) -> usize {
        self.columns
    }

    /// Maps one row (already split into fields) to a raw record.
    pub fn record<S: AsRef<str>>(&self, row: &[S]) -> RawTransaction {
        let get = |i: usize| -> Option<String> {
            self.positions[i]
                .and_then(|p| row.get(p))
                .map(|v| v.as_ref().to_owned())
        };
        match self.format {
            Format::Seed => {
                let mut attributes = BTreeMap::new();
                for (i, name) in [(5, "operation_type"), (6, "side")] {
                    if let Some(v) = get(i).filter(|v| !v.is_empty()) {
                        attributes.insert(name.to_owned(), v);
                    }
                }
                RawTransaction {
                    transaction_id: get(0),
                    description: get(1),
                    amount: get(2).map(|a| a.trim().replace(',', ".")),
                    timestamp: get(3).map(|t| seed_timestamp(&t)),
                    merchant: get(4),
                    currency: Some(self.seed.currency.clone()),
                    account_id: Some(self.seed.account_id.clone()),
                    mcc: None,
                    attributes,
                }
            }
            _ => RawTransaction {
                transaction_id: get(0),
                timestamp: get(1),
                account_id: get(2),
                amount: get(3),
                currency: get(4),
                merchant: get(5),
                description: get(6),
                mcc: get(7),
                attributes: BTreeMap::new(),
            },
        }
    }
}

/// `2023-11-28 06:35:12` (no zone, read as UTC) becomes RFC 3339; anything
/// else is kept as it is for validation to judge.
fn seed_timestamp(text: &str) -> String {
    let t = text.trim();
    for pattern in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(t, pattern) {
            return naive.and_utc().to_rfc3339();
        }
    }
    text.to_owned()
}

/// One transaction as a row of the design's columns.
pub fn transaction_row(tx: &Transaction) -> [String; 8] {
    let raw = tx.to_raw();
    [
        raw.transaction_id.unwrap_or_default(),
        raw.timestamp.unwrap_or_default(),
        raw.account_id.unwrap_or_default(),
        raw.amount.unwrap_or_default(),
        raw.currency.unwrap_or_default(),
        raw.merchant.unwrap_or_default(),
        raw.description.unwrap_or_default(),
        raw.mcc.unwrap_or_default(),
    ]
}

/// Writes transactions in the design's dialect (header included).
pub fn write_transactions<'a>(
    transactions: impl IntoIterator<Item = &'a Transaction>,
) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS)?;
    for tx in transactions {
        writer.write_record(transaction_row(tx))?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// One row as CSV text with the given separator (the payload kept for a
/// dead letter of a CSV record).
pub fn row_bytes<S: AsRef<[u8]>>(fields: &[S], delimiter: u8) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let _ = writer.write_record(fields);
    let mut bytes = writer.into_inner().unwrap_or_default();
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_header_maps_columns_in_any_order_and_ignores_extras() {
        let header = [
            "description",
            "extra",
            "amount",
            "currency",
            "timestamp",
            "account_id",
            "transaction_id",
        ];
        let schema =
            CsvSchema::from_header(&header, Format::Auto, SeedDefaults::default()).expect("header");
        assert_eq!(schema.format(), Format::Standard);
        let raw = schema.record(&[
            "COFFEE",
            "x",
            "-3.20",
            "USD",
            "2024-01-01T00:00:00Z",
            "a1",
            "t1",
        ]);
        assert_eq!(raw.transaction_id.as_deref(), Some("t1"));
        assert_eq!(raw.amount.as_deref(), Some("-3.20"));
        assert_eq!(raw.mcc, None);
        assert!(Transaction::try_from(raw).is_ok());
    }

    #[test]
    fn missing_required_columns_are_all_named() {
        let err = CsvSchema::from_header(
            &["transaction_id", "description"],
            Format::Auto,
            SeedDefaults::default(),
        )
        .expect_err("missing columns");
        assert_eq!(
            err.to_string(),
            "missing required column(s): timestamp, account_id, amount, currency"
        );
    }

    #[test]
    fn seed_dialect_is_detected_and_mapped() {
        let header = SEED_COLUMNS;
        let schema =
            CsvSchema::from_header(&header, Format::Auto, SeedDefaults::default()).expect("seed");
        assert_eq!(schema.format(), Format::Seed);
        let raw = schema.record(&[
            "42",
            "Card payment; AMAZON",
            "-952,40",
            "2023-11-28 06:35:12",
            "Amazon",
            "card",
            "debit",
        ]);
        let tx = Transaction::try_from(raw).expect("valid seed row");
        assert_eq!(tx.transaction_id(), "42");
        assert_eq!(tx.amount().to_string(), "-952.4");
        assert_eq!(tx.currency(), "EUR");
        assert_eq!(tx.account_id(), "unknown");
        assert_eq!(tx.timestamp().to_rfc3339(), "2023-11-28T06:35:12+00:00");
        assert_eq!(
            tx.attributes().get("side").map(String::as_str),
            Some("debit")
        );
    }

    #[test]
    fn delimiter_is_sniffed_from_the_header_line() {
        assert_eq!(sniff_delimiter(b"id;description;amount\n1;a,b;2"), b';');
        assert_eq!(sniff_delimiter(b"transaction_id,timestamp\n"), b',');
    }

    #[test]
    fn row_bytes_quotes_fields_that_need_it() {
        assert_eq!(row_bytes(&["a", "b;c", "d"], b';'), b"a;\"b;c\";d".to_vec());
    }
}
