//! Records that break exactly one rule of the transaction contract, for
//! fault injection: as Kafka JSON payloads (or bytes that are not JSON at
//! all) and as rows of the design's eight CSV columns.

use serde_json::{Map, Value};
use txclass_core::RawTransaction;
use txclass_core::validate::Rule;

use crate::Generator;

/// One way a record can be invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InvalidKind {
    MissingTransactionId,
    MissingTimestamp,
    MissingAccountId,
    MissingAmount,
    MissingCurrency,
    MissingDescription,
    TransactionIdTooLong,
    AccountIdTooLong,
    MerchantTooLong,
    DescriptionTooLong,
    BadTimestamp,
    NonDecimalAmount,
    TooManyDecimalPlaces,
    ZeroAmount,
    AmountOutOfRange,
    LowerCaseCurrency,
    WrongLengthCurrency,
    BadMcc,
    /// Bytes that do not parse as JSON (truncated messages, binary, text).
    NotJson,
    /// JSON whose bytes are not valid UTF-8.
    InvalidUtf8,
}

impl InvalidKind {
    pub const ALL: &'static [InvalidKind] = &[
        InvalidKind::MissingTransactionId,
        InvalidKind::MissingTimestamp,
        InvalidKind::MissingAccountId,
        InvalidKind::MissingAmount,
        InvalidKind::MissingCurrency,
        InvalidKind::MissingDescription,
        InvalidKind::TransactionIdTooLong,
        InvalidKind::AccountIdTooLong,
        InvalidKind::MerchantTooLong,
        InvalidKind::DescriptionTooLong,
        InvalidKind::BadTimestamp,
        InvalidKind::NonDecimalAmount,
        InvalidKind::TooManyDecimalPlaces,
        InvalidKind::ZeroAmount,
        InvalidKind::AmountOutOfRange,
        InvalidKind::LowerCaseCurrency,
        InvalidKind::WrongLengthCurrency,
        InvalidKind::BadMcc,
        InvalidKind::NotJson,
        InvalidKind::InvalidUtf8,
    ];

    pub fn name(&self) -> &'static str {
        match self {
            InvalidKind::MissingTransactionId => "missing_transaction_id",
            InvalidKind::MissingTimestamp => "missing_timestamp",
            InvalidKind::MissingAccountId => "missing_account_id",
            InvalidKind::MissingAmount => "missing_amount",
            InvalidKind::MissingCurrency => "missing_currency",
            InvalidKind::MissingDescription => "missing_description",
            InvalidKind::TransactionIdTooLong => "transaction_id_too_long",
            InvalidKind::AccountIdTooLong => "account_id_too_long",
            InvalidKind::MerchantTooLong => "merchant_too_long",
            InvalidKind::DescriptionTooLong => "description_too_long",
            InvalidKind::BadTimestamp => "bad_timestamp",
            InvalidKind::NonDecimalAmount => "non_decimal_amount",
            InvalidKind::TooManyDecimalPlaces => "too_many_decimal_places",
            InvalidKind::ZeroAmount => "zero_amount",
            InvalidKind::AmountOutOfRange => "amount_out_of_range",
            InvalidKind::LowerCaseCurrency => "lower_case_currency",
            InvalidKind::WrongLengthCurrency => "wrong_length_currency",
            InvalidKind::BadMcc => "bad_mcc",
            InvalidKind::NotJson => "not_json",
            InvalidKind::InvalidUtf8 => "invalid_utf8",
        }
    }

    /// The kind with this [`name`](Self::name).
    pub fn from_name(name: &str) -> Option<InvalidKind> {
        InvalidKind::ALL.iter().copied().find(|k| k.name() == name)
    }

    /// The field validation names when it rejects the record; `None` for
    /// kinds that already fail as bytes.
    pub fn field(&self) -> Option<&'static str> {
        Some(match self {
            InvalidKind::MissingTransactionId | InvalidKind::TransactionIdTooLong => {
                "transaction_id"
            }
            InvalidKind::MissingTimestamp | InvalidKind::BadTimestamp => "timestamp",
            InvalidKind::MissingAccountId | InvalidKind::AccountIdTooLong => "account_id",
            InvalidKind::MissingAmount
            | InvalidKind::NonDecimalAmount
            | InvalidKind::TooManyDecimalPlaces
            | InvalidKind::ZeroAmount
            | InvalidKind::AmountOutOfRange => "amount",
            InvalidKind::MissingCurrency
            | InvalidKind::LowerCaseCurrency
            | InvalidKind::WrongLengthCurrency => "currency",
            InvalidKind::MerchantTooLong => "merchant",
            InvalidKind::MissingDescription | InvalidKind::DescriptionTooLong => "description",
            InvalidKind::BadMcc => "mcc",
            InvalidKind::NotJson | InvalidKind::InvalidUtf8 => return None,
        })
    }

    /// The rule validation reports as broken; `None` for byte-level kinds.
    pub fn rule(&self) -> Option<Rule> {
        Some(match self {
            InvalidKind::MissingTransactionId
            | InvalidKind::MissingTimestamp
            | InvalidKind::MissingAccountId
            | InvalidKind::MissingAmount
            | InvalidKind::MissingCurrency
            | InvalidKind::MissingDescription => Rule::Required,
            InvalidKind::TransactionIdTooLong
            | InvalidKind::AccountIdTooLong
            | InvalidKind::MerchantTooLong
            | InvalidKind::DescriptionTooLong => Rule::Length,
            InvalidKind::BadTimestamp => Rule::DateTime,
            InvalidKind::NonDecimalAmount => Rule::Decimal,
            InvalidKind::TooManyDecimalPlaces => Rule::DecimalPlaces,
            InvalidKind::ZeroAmount => Rule::NonZero,
            InvalidKind::AmountOutOfRange => Rule::Range,
            InvalidKind::LowerCaseCurrency | InvalidKind::WrongLengthCurrency => Rule::Currency,
            InvalidKind::BadMcc => Rule::Mcc,
            InvalidKind::NotJson | InvalidKind::InvalidUtf8 => return None,
        })
    }

    /// Whether the kind exists only as bytes (no CSV row, no raw record).
    pub fn is_bytes_only(&self) -> bool {
        self.field().is_none()
    }
}

impl std::fmt::Display for InvalidKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

const BAD_TIMESTAMPS: [&str; 8] = [
    "2024-06-03 07:42:11",
    "06/03/2024 07:42",
    "2024-13-01T00:00:00Z",
    "2024-06-31T10:00:00Z",
    "1717400531",
    "yesterday",
    "2024-06-03T25:00:00Z",
    "2024-06-03T07:42:11",
];

const NON_DECIMAL_AMOUNTS: [&str; 8] = [
    "abc",
    "12,50",
    "$12.50",
    "1.2.3",
    "twelve",
    "NaN",
    "-",
    "12.50 USD",
];

const OUT_OF_RANGE_AMOUNTS: [&str; 5] = [
    "1000000000.01",
    "-2500000000",
    "99999999999.99",
    "1e300",
    "-1000000001",
];

/// A record from the generator's stream, broken in exactly one way; `None`
/// for byte-level kinds. Required fields are removed (`None`), so in JSON
/// they are absent; see [`invalid_json_payload`] for `null` and `""`.
pub fn invalid_raw(generator: &mut Generator, kind: InvalidKind) -> Option<RawTransaction> {
    if kind.is_bytes_only() {
        return None;
    }
    let mut raw = generator.next_labeled().transaction.to_raw();
    let dice = &mut generator.dice;
    match kind {
        InvalidKind::MissingTransactionId => raw.transaction_id = None,
        InvalidKind::MissingTimestamp => raw.timestamp = None,
        InvalidKind::MissingAccountId => raw.account_id = None,
        InvalidKind::MissingAmount => raw.amount = None,
        InvalidKind::MissingCurrency => raw.currency = None,
        InvalidKind::MissingDescription => raw.description = None,
        InvalidKind::TransactionIdTooLong => {
            let extra = 65 + dice.below(120);
            raw.transaction_id = Some(format!("tx-{}", dice.alnum(extra)));
        }
        InvalidKind::AccountIdTooLong => {
            let len = 65 + dice.below(60);
            raw.account_id = Some(format!("acc-{}", dice.digits(len)));
        }
        InvalidKind::MerchantTooLong => {
            let name = raw
                .merchant
                .clone()
                .unwrap_or_else(|| "MERCHANT".to_owned());
            let mut long = name.clone();
            let target = 129 + dice.below(200);
            while long.len() < target {
                long.push(' ');
                long.push_str(&name);
            }
            raw.merchant = Some(long);
        }
        InvalidKind::DescriptionTooLong => {
            let d = raw.description.clone().unwrap_or_default();
            let target = 257 + dice.below(400);
            let mut long = d.clone();
            while long.len() < target {
                long.push_str(" REF ");
                long.push_str(&dice.alnum(12));
            }
            raw.description = Some(long);
        }
        InvalidKind::BadTimestamp => raw.timestamp = Some((*dice.pick(&BAD_TIMESTAMPS)).to_owned()),
        InvalidKind::NonDecimalAmount => {
            raw.amount = Some((*dice.pick(&NON_DECIMAL_AMOUNTS)).to_owned())
        }
        InvalidKind::TooManyDecimalPlaces => {
            // The last digit is never 0, so no normalisation can rescue it.
            let whole = dice.between(0, 999);
            let cents = dice.between(0, 99);
            let mill = dice.between(1, 9);
            let sign = if dice.percent(70) { "-" } else { "" };
            raw.amount = Some(format!("{sign}{whole}.{cents:02}{mill}"));
        }
        InvalidKind::ZeroAmount => {
            raw.amount = Some((*dice.pick(&["0", "0.00", "-0.00", "0.0", "-0"])).to_owned());
        }
        InvalidKind::AmountOutOfRange => {
            raw.amount = Some((*dice.pick(&OUT_OF_RANGE_AMOUNTS)).to_owned())
        }
        InvalidKind::LowerCaseCurrency => {
            raw.currency = Some((*dice.pick(&["usd", "Usd", "eur", "uSD"])).to_owned());
        }
        InvalidKind::WrongLengthCurrency => {
            raw.currency = Some((*dice.pick(&["US", "USDD", "DOLLAR", "U", "USD "])).to_owned());
        }
        InvalidKind::BadMcc => {
            raw.mcc =
                Some((*dice.pick(&["581", "58a4", "12345", "MCC5", "5 41", "-541"])).to_owned());
        }
        InvalidKind::NotJson | InvalidKind::InvalidUtf8 => return None,
    }
    Some(raw)
}

/// The Kafka value of a record breaking exactly `kind`'s rule — or, for
/// [`InvalidKind::NotJson`] and [`InvalidKind::InvalidUtf8`], bytes that fail
/// before any field is read.
pub fn invalid_json_payload(generator: &mut Generator, kind: InvalidKind) -> Vec<u8> {
    match kind {
        InvalidKind::NotJson => not_json(generator),
        InvalidKind::InvalidUtf8 => invalid_utf8(generator),
        _ => {
            let raw = invalid_raw(generator, kind).unwrap_or_default();
            let mut object = to_object(&raw);
            if let Some(field) = kind.field().filter(|_| kind.rule() == Some(Rule::Required)) {
                // A producer may drop the key, send null or send "".
                match generator.dice.below(3) {
                    0 => {}
                    1 => {
                        object.insert(field.to_owned(), Value::Null);
                    }
                    _ => {
                        object.insert(field.to_owned(), Value::String(String::new()));
                    }
                }
            }
            serde_json::to_vec(&Value::Object(object)).unwrap_or_default()
        }
    }
}

/// The design's eight columns (`transaction_id,timestamp,account_id,amount,
/// currency,merchant,description,mcc`) of a record breaking `kind`'s rule;
/// a missing field is an empty cell. `None` for byte-level kinds.
pub fn invalid_csv_row(generator: &mut Generator, kind: InvalidKind) -> Option<Vec<String>> {
    let raw = invalid_raw(generator, kind)?;
    Some(
        [
            raw.transaction_id,
            raw.timestamp,
            raw.account_id,
            raw.amount,
            raw.currency,
            raw.merchant,
            raw.description,
            raw.mcc,
        ]
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect(),
    )
}

fn to_object(raw: &RawTransaction) -> Map<String, Value> {
    match serde_json::to_value(raw) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

fn valid_json(generator: &mut Generator) -> Vec<u8> {
    let raw = generator.next_labeled().transaction.to_raw();
    serde_json::to_vec(&raw).unwrap_or_default()
}

fn not_json(generator: &mut Generator) -> Vec<u8> {
    let json = valid_json(generator);
    let dice = &mut generator.dice;
    match dice.below(4) {
        // A message cut short: no prefix of an object is a JSON document.
        0 => {
            let cut = 1 + dice.below(json.len().saturating_sub(2).max(1));
            json[..cut].to_vec()
        }
        // Binary noise, as from a wrong serializer.
        1 => {
            let mut bytes = vec![0x00, 0xde, 0xad, 0xbe, 0xef];
            bytes.extend((0..16 + dice.below(48)).map(|_| dice.below(256) as u8));
            bytes
        }
        // A CSV line sent to the JSON topic.
        2 => {
            let id = dice.alnum(8);
            format!("tx-{id},2024-06-03T07:42:11Z,acc-10001,-5.75,USD,,SQ *BLUE BOTTLE,5814")
                .into_bytes()
        }
        // Form-encoded text.
        _ => format!(
            "transaction_id=tx-{}&amount=-12.50&currency=USD",
            dice.digits(6)
        )
        .into_bytes(),
    }
}

fn invalid_utf8(generator: &mut Generator) -> Vec<u8> {
    const MARK: &str = "@@NOT-UTF8@@";
    let mut raw = generator.next_labeled().transaction.to_raw();
    let description = raw.description.unwrap_or_default();
    let middle = description.chars().count() / 2;
    let at = description.char_indices().nth(middle).map_or(0, |(i, _)| i);
    raw.description = Some(format!(
        "{}{MARK}{}",
        &description[..at],
        &description[at..]
    ));
    let json = serde_json::to_vec(&raw).unwrap_or_default();
    // A lone continuation byte, an overlong slash, a byte never valid in UTF-8.
    let bad: &[u8] = match generator.dice.below(3) {
        0 => &[0x80],
        1 => &[0xc0, 0xaf],
        _ => &[0xff, 0xfe],
    };
    let mark = MARK.as_bytes();
    match json.windows(mark.len()).position(|w| w == mark) {
        Some(pos) => [&json[..pos], bad, &json[pos + mark.len()..]].concat(),
        None => [bad, &json].concat(),
    }
}
