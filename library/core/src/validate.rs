//! From a raw record to a [`Transaction`]: the one fallible conversion.
//!
//! Lengths are checked with the `validator` crate; the typed rules (date-time,
//! decimal amount, currency, MCC) are parsed here. Every rule a record breaks
//! is reported, each naming its field.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};
use validator::Validate;

use crate::model::Transaction;
use crate::reason::ReasonCode;

/// A record as it arrives: every field optional and textual. JSON amounts may
/// be numbers or decimal strings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct RawTransaction {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(min = 1, max = 64))]
    pub transaction_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(min = 1, max = 64))]
    pub account_id: Option<String>,
    #[serde(
        default,
        deserialize_with = "number_or_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 128))]
    pub merchant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(min = 1, max = 256))]
    pub description: Option<String>,
    #[serde(
        default,
        deserialize_with = "number_or_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub mcc: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
}

/// Deserializes an optional JSON string or number as text (amounts, MCCs).
pub fn number_or_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Text {
        S(String),
        N(serde_json::Number),
    }
    Ok(Option::<Text>::deserialize(d)?.map(|t| match t {
        Text::S(s) => s,
        Text::N(n) => n.to_string(),
    }))
}

/// The rule a field broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    Required,
    Length,
    DateTime,
    Decimal,
    DecimalPlaces,
    NonZero,
    Range,
    Currency,
    Mcc,
}

impl Rule {
    pub const ALL: [Rule; 9] = [
        Rule::Required,
        Rule::Length,
        Rule::DateTime,
        Rule::Decimal,
        Rule::DecimalPlaces,
        Rule::NonZero,
        Rule::Range,
        Rule::Currency,
        Rule::Mcc,
    ];

    /// A short stable name, used in dead-letter reason codes and metrics.
    pub const fn as_str(self) -> &'static str {
        match self {
            Rule::Required => "required",
            Rule::Length => "length",
            Rule::DateTime => "datetime",
            Rule::Decimal => "decimal",
            Rule::DecimalPlaces => "decimal_places",
            Rule::NonZero => "non_zero",
            Rule::Range => "range",
            Rule::Currency => "currency",
            Rule::Mcc => "mcc",
        }
    }
}

/// One broken rule of one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub rule: Rule,
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Every rule a record broke, in field order. Displays as
/// `amount: must not be zero; currency: must be 3 upper-case letters`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct RecordError {
    pub errors: Vec<FieldError>,
}

impl RecordError {
    pub fn fields(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.errors.iter().map(|e| e.field)
    }

    /// A bounded code for the first broken rule, `field.rule` (for example
    /// `amount.decimal`), for metrics and dead-letter headers.
    pub fn code(&self) -> ReasonCode {
        match self.errors.first() {
            Some(e) => ReasonCode::Field {
                field: e.field,
                rule: e.rule,
            },
            None => ReasonCode::RecordInvalid,
        }
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

/// The fields of a transaction, in order (the CSV columns).
pub const FIELDS: [&str; 8] = crate::csv::COLUMNS;

fn field_name(name: &str) -> &'static str {
    FIELDS.into_iter().find(|f| *f == name).unwrap_or("record")
}

fn error(field: &'static str, rule: Rule, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        rule,
        message: message.into(),
    }
}

/// A value as a reason quotes it: whole when short, else its start and its
/// size, so a reason stays small whatever the input (it travels in a Kafka
/// header and in the errors object).
fn shown(value: &str) -> String {
    const SHOWN_CHARS: usize = 40;
    if value.chars().count() <= SHOWN_CHARS {
        return format!("{value:?}");
    }
    let start: String = value.chars().take(SHOWN_CHARS).collect();
    format!("{start:?}… ({} bytes)", value.len())
}

const MAX_ABS_AMOUNT: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

/// Applies every rule of DESIGN.md's transaction table.
pub fn validate(raw: RawTransaction) -> Result<Transaction, RecordError> {
    // An empty optional field means "absent"; an empty required one is missing.
    let raw = RawTransaction {
        merchant: raw.merchant.filter(|m| !m.is_empty()),
        mcc: raw.mcc.filter(|m| !m.is_empty()),
        ..raw
    };
    let mut errors = missing_fields(&raw);
    length_errors(&raw, &mut errors);
    let timestamp = check_timestamp(raw.timestamp.as_deref(), &mut errors);
    let amount = raw
        .amount
        .as_deref()
        .filter(|a| !a.is_empty())
        .and_then(|a| parse_amount(a).map_err(|e| errors.push(e)).ok());
    errors.extend(check_codes(&raw));
    errors.extend(check_attributes(&raw.attributes));
    if !errors.is_empty() {
        // Fields in their order; extra fields after them.
        errors.sort_by_key(|e| {
            FIELDS
                .iter()
                .position(|f| *f == e.field)
                .unwrap_or(FIELDS.len())
        });
        return Err(RecordError { errors });
    }
    assemble(raw, timestamp, amount)
}

/// The required fields that are absent or empty.
fn missing_fields(raw: &RawTransaction) -> Vec<FieldError> {
    [
        ("transaction_id", &raw.transaction_id),
        ("timestamp", &raw.timestamp),
        ("account_id", &raw.account_id),
        ("amount", &raw.amount),
        ("currency", &raw.currency),
        ("description", &raw.description),
    ]
    .into_iter()
    .filter(|(_, value)| value.as_deref().is_none_or(str::is_empty))
    .map(|(field, _)| error(field, Rule::Required, "is required"))
    .collect()
}

/// The length rules (declared with `validator`), for fields not already
/// reported as missing.
fn length_errors(raw: &RawTransaction, errors: &mut Vec<FieldError>) {
    let Err(found) = raw.validate() else {
        return;
    };
    for (field, field_errors) in found.field_errors() {
        let field = field_name(&field);
        if errors.iter().any(|e| e.field == field) {
            continue; // already reported as missing
        }
        if let Some(e) = field_errors.first() {
            let min = e.params.get("min").map(ToString::to_string);
            let max = e.params.get("max").map(ToString::to_string);
            let bounds = match (min, max) {
                (Some(min), Some(max)) => format!("{min}–{max}"),
                (None, Some(max)) => format!("at most {max}"),
                (Some(min), None) => format!("at least {min}"),
                (None, None) => "a valid number of".into(),
            };
            let len = match field {
                "transaction_id" => raw.transaction_id.as_deref(),
                "account_id" => raw.account_id.as_deref(),
                "merchant" => raw.merchant.as_deref(),
                "description" => raw.description.as_deref(),
                _ => None,
            }
            .map_or(0, |s| s.chars().count());
            errors.push(error(
                field,
                Rule::Length,
                format!("must be {bounds} characters long (got {len})"),
            ));
        }
    }
}

fn check_timestamp(text: Option<&str>, errors: &mut Vec<FieldError>) -> Option<DateTime<Utc>> {
    let t = text.filter(|t| !t.is_empty())?;
    match DateTime::parse_from_rfc3339(t) {
        Ok(ts) => Some(ts.with_timezone(&Utc)),
        Err(e) => {
            errors.push(error(
                "timestamp",
                Rule::DateTime,
                format!("{} is not an RFC 3339 date-time ({e})", shown(t)),
            ));
            None
        }
    }
}

/// The currency and merchant category code rules.
fn check_codes(raw: &RawTransaction) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if let Some(currency) = raw.currency.as_deref().filter(|c| !c.is_empty())
        && !(currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase()))
    {
        errors.push(error(
            "currency",
            Rule::Currency,
            format!(
                "{} is not an ISO 4217 code (3 upper-case letters)",
                shown(currency)
            ),
        ));
    }
    if let Some(mcc) = raw.mcc.as_deref()
        && !(mcc.len() == 4 && mcc.bytes().all(|b| b.is_ascii_digit()))
    {
        errors.push(error(
            "mcc",
            Rule::Mcc,
            format!("{} is not a merchant category code (4 digits)", shown(mcc)),
        ));
    }
    errors
}

/// Most extra fields a transaction carries (extra CSV columns, extra JSON
/// keys), and the longest name and value of one.
pub const MAX_ATTRIBUTES: usize = 64;
pub const MAX_ATTRIBUTE_NAME_CHARS: usize = 64;
pub const MAX_ATTRIBUTE_VALUE_CHARS: usize = 1024;

/// Extra fields are kept, within bounds: they travel with the transaction
/// into PostgreSQL and must not make one record huge.
fn check_attributes(attributes: &BTreeMap<String, String>) -> Option<FieldError> {
    if attributes.len() > MAX_ATTRIBUTES {
        return Some(error(
            "attributes",
            Rule::Length,
            format!(
                "{} extra fields, more than {MAX_ATTRIBUTES}",
                attributes.len()
            ),
        ));
    }
    attributes.iter().find_map(|(name, value)| {
        let too_long = name.chars().count() > MAX_ATTRIBUTE_NAME_CHARS
            || value.chars().count() > MAX_ATTRIBUTE_VALUE_CHARS;
        too_long.then(|| {
            error(
                "attributes",
                Rule::Length,
                format!(
                    "extra field {} is over {MAX_ATTRIBUTE_NAME_CHARS} characters of name or {MAX_ATTRIBUTE_VALUE_CHARS} of value",
                    shown(name)
                ),
            )
        })
    })
}

/// The transaction of a record that broke no rule.
fn assemble(
    raw: RawTransaction,
    timestamp: Option<DateTime<Utc>>,
    amount: Option<Decimal>,
) -> Result<Transaction, RecordError> {
    match (
        raw.transaction_id,
        timestamp,
        raw.account_id,
        amount,
        raw.currency,
        raw.description,
    ) {
        (
            Some(transaction_id),
            Some(timestamp),
            Some(account_id),
            Some(amount),
            Some(currency),
            Some(description),
        ) => Ok(Transaction {
            transaction_id,
            timestamp,
            account_id,
            amount,
            currency,
            merchant: raw.merchant,
            description,
            mcc: raw.mcc,
            attributes: raw.attributes,
        }),
        // Unreachable: every missing field was reported above.
        _ => Err(RecordError {
            errors: vec![error("record", Rule::Required, "is incomplete")],
        }),
    }
}

/// Parses a decimal amount exactly (no float rounding).
pub fn parse_amount(text: &str) -> Result<Decimal, FieldError> {
    let trimmed = text.trim();
    let parsed = Decimal::from_str(trimmed).or_else(|_| Decimal::from_scientific(trimmed));
    let amount = match parsed {
        Ok(a) => a,
        Err(_) => {
            // Distinguish "too large" from "not a number" for a clearer reason.
            return Err(match trimmed.parse::<f64>() {
                Ok(f) if f.is_finite() => error(
                    "amount",
                    Rule::Range,
                    format!("{} is outside ±1000000000", shown(text)),
                ),
                Ok(_) => error(
                    "amount",
                    Rule::Decimal,
                    format!("{} is not finite", shown(text)),
                ),
                Err(_) => error(
                    "amount",
                    Rule::Decimal,
                    format!("{} is not a decimal number", shown(text)),
                ),
            });
        }
    };
    let amount = amount.normalize();
    if amount.scale() > 2 {
        return Err(error(
            "amount",
            Rule::DecimalPlaces,
            format!("{} has more than 2 decimal places", shown(text)),
        ));
    }
    if amount.is_zero() {
        return Err(error("amount", Rule::NonZero, "must not be zero"));
    }
    if amount.abs() > MAX_ABS_AMOUNT {
        return Err(error(
            "amount",
            Rule::Range,
            format!("{} is outside ±1000000000", shown(text)),
        ));
    }
    Ok(amount)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn valid_raw() -> RawTransaction {
        RawTransaction {
            transaction_id: Some("tx-1".into()),
            timestamp: Some("2024-03-01T12:30:00Z".into()),
            account_id: Some("acc-9".into()),
            amount: Some("-12.50".into()),
            currency: Some("USD".into()),
            merchant: Some("Blue Bottle".into()),
            description: Some("SQ *BLUE BOTTLE COFFEE OAKLAND CA".into()),
            mcc: Some("5814".into()),
            attributes: BTreeMap::new(),
        }
    }

    fn broken(f: impl FnOnce(&mut RawTransaction)) -> RecordError {
        let mut raw = valid_raw();
        f(&mut raw);
        validate(raw).expect_err("record should be rejected")
    }

    fn only(e: &RecordError) -> (&'static str, Rule) {
        assert_eq!(e.errors.len(), 1, "{e}");
        (e.errors[0].field, e.errors[0].rule)
    }

    #[test]
    fn a_valid_record_converts_with_exact_amount() {
        let tx = validate(valid_raw()).expect("valid");
        assert_eq!(tx.amount().to_string(), "-12.5");
        assert_eq!(tx.mcc(), Some("5814"));
        assert_eq!(tx.timestamp().to_rfc3339(), "2024-03-01T12:30:00+00:00");
    }

    #[test]
    fn transaction_id_is_required_and_at_most_64_chars() {
        assert_eq!(
            only(&broken(|r| r.transaction_id = None)),
            ("transaction_id", Rule::Required)
        );
        assert_eq!(
            only(&broken(|r| r.transaction_id = Some(String::new()))),
            ("transaction_id", Rule::Required)
        );
        assert_eq!(
            only(&broken(|r| r.transaction_id = Some("x".repeat(65)))),
            ("transaction_id", Rule::Length)
        );
        assert!(
            validate(RawTransaction {
                transaction_id: Some("é".repeat(64)),
                ..valid_raw()
            })
            .is_ok()
        );
    }

    #[test]
    fn timestamp_must_be_rfc3339_and_offsets_become_utc() {
        assert_eq!(
            only(&broken(|r| r.timestamp = None)),
            ("timestamp", Rule::Required)
        );
        let e = broken(|r| r.timestamp = Some("2023-11-28 06:35:12".into()));
        assert_eq!(only(&e), ("timestamp", Rule::DateTime));
        assert!(e.to_string().contains("2023-11-28 06:35:12"), "{e}");
        let tx = validate(RawTransaction {
            timestamp: Some("2024-03-01T12:30:00+02:00".into()),
            ..valid_raw()
        })
        .expect("valid");
        assert_eq!(tx.timestamp().to_rfc3339(), "2024-03-01T10:30:00+00:00");
    }

    #[test]
    fn account_id_is_required_and_at_most_64_chars() {
        assert_eq!(
            only(&broken(|r| r.account_id = None)),
            ("account_id", Rule::Required)
        );
        assert_eq!(
            only(&broken(|r| r.account_id = Some("a".repeat(65)))),
            ("account_id", Rule::Length)
        );
    }

    #[test]
    fn amount_rules_decimal_two_places_nonzero_and_bounded() {
        assert_eq!(
            only(&broken(|r| r.amount = None)),
            ("amount", Rule::Required)
        );
        assert_eq!(
            only(&broken(|r| r.amount = Some("abc".into()))),
            ("amount", Rule::Decimal)
        );
        assert_eq!(
            only(&broken(|r| r.amount = Some("NaN".into()))),
            ("amount", Rule::Decimal)
        );
        assert_eq!(
            only(&broken(|r| r.amount = Some("inf".into()))),
            ("amount", Rule::Decimal)
        );
        assert_eq!(
            only(&broken(|r| r.amount = Some("1.234".into()))),
            ("amount", Rule::DecimalPlaces)
        );
        assert_eq!(
            only(&broken(|r| r.amount = Some("0.00".into()))),
            ("amount", Rule::NonZero)
        );
        assert_eq!(
            only(&broken(|r| r.amount = Some("1000000000.01".into()))),
            ("amount", Rule::Range)
        );
        assert_eq!(
            only(&broken(|r| r.amount = Some("1e300".into()))),
            ("amount", Rule::Range)
        );
        for ok in ["1000000000", "-1000000000", "0.01", "12.30", "1.5e2", "7"] {
            assert!(
                validate(RawTransaction {
                    amount: Some(ok.into()),
                    ..valid_raw()
                })
                .is_ok(),
                "{ok}"
            );
        }
    }

    #[test]
    fn currency_must_be_three_upper_case_letters() {
        assert_eq!(
            only(&broken(|r| r.currency = None)),
            ("currency", Rule::Required)
        );
        for bad in ["usd", "US", "USDD", "U5D", "ÜSD"] {
            assert_eq!(
                only(&broken(|r| r.currency = Some(bad.into()))),
                ("currency", Rule::Currency),
                "{bad}"
            );
        }
    }

    #[test]
    fn merchant_is_optional_and_at_most_128_chars() {
        assert!(
            validate(RawTransaction {
                merchant: None,
                ..valid_raw()
            })
            .is_ok()
        );
        let tx = validate(RawTransaction {
            merchant: Some(String::new()),
            ..valid_raw()
        })
        .expect("valid");
        assert_eq!(tx.merchant(), None);
        assert_eq!(
            only(&broken(|r| r.merchant = Some("m".repeat(129)))),
            ("merchant", Rule::Length)
        );
    }

    #[test]
    fn description_is_required_and_at_most_256_chars() {
        assert_eq!(
            only(&broken(|r| r.description = None)),
            ("description", Rule::Required)
        );
        assert_eq!(
            only(&broken(|r| r.description = Some("d".repeat(257)))),
            ("description", Rule::Length)
        );
    }

    #[test]
    fn mcc_is_optional_four_digits_keeping_leading_zero() {
        let tx = validate(RawTransaction {
            mcc: Some("0780".into()),
            ..valid_raw()
        })
        .expect("valid");
        assert_eq!(tx.mcc(), Some("0780"));
        assert!(
            validate(RawTransaction {
                mcc: None,
                ..valid_raw()
            })
            .is_ok()
        );
        for bad in ["780", "57a1", "12345"] {
            assert_eq!(
                only(&broken(|r| r.mcc = Some(bad.into()))),
                ("mcc", Rule::Mcc),
                "{bad}"
            );
        }
    }

    #[test]
    fn every_broken_rule_is_reported_in_field_order() {
        let e = validate(RawTransaction::default()).expect_err("empty record");
        let fields: Vec<_> = e.fields().collect();
        assert_eq!(
            fields,
            [
                "transaction_id",
                "timestamp",
                "account_id",
                "amount",
                "currency",
                "description"
            ]
        );
        assert!(
            e.to_string()
                .starts_with("transaction_id: is required; timestamp: is required")
        );
    }

    #[test]
    fn json_amount_may_be_a_number_or_a_string() {
        let tx: Transaction = serde_json::from_str(
            r#"{"transaction_id":"a","timestamp":"2024-01-01T00:00:00Z","account_id":"b",
                "amount":-12.34,"currency":"EUR","description":"x","mcc":5411}"#,
        )
        .expect("number amount");
        assert_eq!(tx.amount().to_string(), "-12.34");
        assert_eq!(tx.mcc(), Some("5411"));
        let tx: Transaction = serde_json::from_str(
            r#"{"transaction_id":"a","timestamp":"2024-01-01T00:00:00Z","account_id":"b",
                "amount":"0.10","currency":"EUR","description":"x","unknown":1}"#,
        )
        .expect("string amount, unknown field ignored");
        assert_eq!(tx.amount().to_string(), "0.1");
    }

    #[test]
    fn deserializing_an_invalid_transaction_fails_with_the_field_named() {
        let err = serde_json::from_str::<Transaction>(
            r#"{"transaction_id":"a","timestamp":"2024-01-01T00:00:00Z","account_id":"b",
                "amount":0,"currency":"EUR","description":"x"}"#,
        )
        .expect_err("zero amount");
        assert!(
            err.to_string().contains("amount: must not be zero"),
            "{err}"
        );
    }

    #[test]
    fn a_reason_quotes_a_long_value_by_its_start_and_size() {
        let long = "9".repeat(600_000);
        let e = broken(|r| r.amount = Some(format!("{long}.123")));
        let message = e.to_string();
        assert!(message.len() < 200, "{} bytes", message.len());
        assert!(message.contains("(600004 bytes)"), "{message}");
        let e = broken(|r| r.mcc = Some("5".repeat(100_000)));
        assert!(e.to_string().len() < 200);
    }

    #[test]
    fn extra_fields_are_bounded_in_count_and_size() {
        let e = broken(|r| {
            r.attributes = (0..100)
                .map(|i| (format!("x{i}"), "v".to_owned()))
                .collect();
        });
        assert_eq!(only(&e), ("attributes", Rule::Length));
        let e = broken(|r| {
            r.attributes.insert("note".into(), "n".repeat(5_000));
        });
        assert_eq!(only(&e), ("attributes", Rule::Length));
        assert_eq!(e.code().to_string(), "attributes.length");
        let mut fine = valid_raw();
        fine.attributes.insert("branch".into(), "Oakland".into());
        assert!(validate(fine).is_ok());
    }
}
