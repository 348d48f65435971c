//! Why a record was dead-lettered: a bounded [`ReasonCode`] (the label of
//! metrics, the `error.code` header, the errors object's `error_code`) and a
//! detail for people.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::validate::Rule;

/// The bounded set of reasons a record is given up on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReasonCode {
    /// Parse: the bytes are not UTF-8.
    InvalidUtf8,
    /// Parse: the value is not JSON.
    InvalidJson,
    /// Parse: JSON, but not a transaction object.
    NotATransaction,
    /// Parse: a CSV row with more or fewer fields than its header.
    FieldCount,
    /// Validate: a field broke a rule (`amount.decimal`).
    Field { field: &'static str, rule: Rule },
    /// Validate: the record broke a rule of no single field.
    RecordInvalid,
    /// Validate: the id appeared earlier with different content.
    TransactionIdConflict,
    /// Classify: the classifier refused the record.
    ClassifierRefused,
    /// Classify: the classifier's answer broke the prediction's rules.
    InvalidPrediction,
    /// Persist: the store refused the record.
    StoreRefused,
}

impl ReasonCode {
    /// The code as headers and metrics spell it.
    pub fn as_str(&self) -> std::borrow::Cow<'static, str> {
        use std::borrow::Cow::Borrowed;
        match self {
            ReasonCode::InvalidUtf8 => Borrowed("invalid_utf8"),
            ReasonCode::InvalidJson => Borrowed("invalid_json"),
            ReasonCode::NotATransaction => Borrowed("not_a_transaction"),
            ReasonCode::FieldCount => Borrowed("field_count"),
            ReasonCode::Field { field, rule } => format!("{field}.{}", rule.as_str()).into(),
            ReasonCode::RecordInvalid => Borrowed("record.invalid"),
            ReasonCode::TransactionIdConflict => Borrowed("transaction_id.conflict"),
            ReasonCode::ClassifierRefused => Borrowed("classifier_refused"),
            ReasonCode::InvalidPrediction => Borrowed("invalid_prediction"),
            ReasonCode::StoreRefused => Borrowed("store_refused"),
        }
    }

    /// The code of a spelling [`ReasonCode::as_str`] gives.
    pub fn parse(text: &str) -> Option<Self> {
        let simple = [
            ReasonCode::InvalidUtf8,
            ReasonCode::InvalidJson,
            ReasonCode::NotATransaction,
            ReasonCode::FieldCount,
            ReasonCode::RecordInvalid,
            ReasonCode::TransactionIdConflict,
            ReasonCode::ClassifierRefused,
            ReasonCode::InvalidPrediction,
            ReasonCode::StoreRefused,
        ];
        if let Some(code) = simple.into_iter().find(|c| c.as_str() == text) {
            return Some(code);
        }
        let (field, rule) = text.split_once('.')?;
        let field = crate::validate::FIELDS
            .into_iter()
            .chain(["record", "attributes"])
            .find(|f| *f == field)?;
        let rule = Rule::ALL.into_iter().find(|r| r.as_str() == rule)?;
        Some(ReasonCode::Field { field, rule })
    }
}

impl fmt::Display for ReasonCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_str())
    }
}

impl PartialEq<&str> for ReasonCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for ReasonCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.as_str())
    }
}

impl<'de> Deserialize<'de> for ReasonCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        ReasonCode::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown reason code {text:?}")))
    }
}

/// A reason code with the detail a person needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    pub code: ReasonCode,
    pub detail: String,
}

impl Reason {
    pub fn new(code: ReasonCode, detail: impl Into<String>) -> Self {
        Self {
            code,
            detail: detail.into(),
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_from_its_spelling() {
        let codes = [
            ReasonCode::InvalidUtf8,
            ReasonCode::FieldCount,
            ReasonCode::Field {
                field: "amount",
                rule: Rule::Decimal,
            },
            ReasonCode::TransactionIdConflict,
            ReasonCode::StoreRefused,
        ];
        for code in codes {
            assert_eq!(ReasonCode::parse(&code.as_str()), Some(code), "{code}");
        }
        assert_eq!(ReasonCode::parse("amount.bogus"), None);
        assert_eq!(ReasonCode::parse("nonsense"), None);
    }

    #[test]
    fn a_field_code_is_field_dot_rule() {
        let code = ReasonCode::Field {
            field: "currency",
            rule: Rule::Currency,
        };
        assert_eq!(code, "currency.currency");
        let json = serde_json::to_string(&Reason::new(code, "bad")).expect("json");
        assert_eq!(json, r#"{"code":"currency.currency","detail":"bad"}"#);
    }
}
