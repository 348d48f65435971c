//! Transactions, categories and predictions: valid by construction.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::validate::{RawTransaction, RecordError};

/// The primary categories of Plaid's Personal Finance Category taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Category {
    Income,
    TransferIn,
    TransferOut,
    LoanPayments,
    BankFees,
    Entertainment,
    FoodAndDrink,
    GeneralMerchandise,
    HomeImprovement,
    Medical,
    PersonalCare,
    GeneralServices,
    GovernmentAndNonProfit,
    Transportation,
    Travel,
    RentAndUtilities,
}

impl Category {
    pub const ALL: [Category; 16] = [
        Category::Income,
        Category::TransferIn,
        Category::TransferOut,
        Category::LoanPayments,
        Category::BankFees,
        Category::Entertainment,
        Category::FoodAndDrink,
        Category::GeneralMerchandise,
        Category::HomeImprovement,
        Category::Medical,
        Category::PersonalCare,
        Category::GeneralServices,
        Category::GovernmentAndNonProfit,
        Category::Transportation,
        Category::Travel,
        Category::RentAndUtilities,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Category::Income => "INCOME",
            Category::TransferIn => "TRANSFER_IN",
            Category::TransferOut => "TRANSFER_OUT",
            Category::LoanPayments => "LOAN_PAYMENTS",
            Category::BankFees => "BANK_FEES",
            Category::Entertainment => "ENTERTAINMENT",
            Category::FoodAndDrink => "FOOD_AND_DRINK",
            Category::GeneralMerchandise => "GENERAL_MERCHANDISE",
            Category::HomeImprovement => "HOME_IMPROVEMENT",
            Category::Medical => "MEDICAL",
            Category::PersonalCare => "PERSONAL_CARE",
            Category::GeneralServices => "GENERAL_SERVICES",
            Category::GovernmentAndNonProfit => "GOVERNMENT_AND_NON_PROFIT",
            Category::Transportation => "TRANSPORTATION",
            Category::Travel => "TRAVEL",
            Category::RentAndUtilities => "RENT_AND_UTILITIES",
        }
    }

    /// Position in [`Category::ALL`], stable across releases (models index by it).
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown category {0:?}")]
pub struct UnknownCategory(pub String);

impl FromStr for Category {
    type Err = UnknownCategory;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Category::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| UnknownCategory(s.to_owned()))
    }
}

/// A validated transaction. The only way to get one is
/// [`Transaction::try_from`] a [`RawTransaction`] (or deserializing, which goes
/// through the same conversion), so every value of this type obeys the
/// contract in DESIGN.md.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawTransaction")]
pub struct Transaction {
    pub(crate) transaction_id: String,
    pub(crate) timestamp: DateTime<Utc>,
    pub(crate) account_id: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub(crate) amount: Decimal,
    pub(crate) currency: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) merchant: Option<String>,
    pub(crate) description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) mcc: Option<String>,
    /// Extra source columns a dialect keeps (e.g. `operation_type`, `side`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) attributes: BTreeMap<String, String>,
}

impl Transaction {
    pub fn transaction_id(&self) -> &str {
        &self.transaction_id
    }
    pub fn timestamp(&self) -> DateTime<Utc> {
        self.timestamp
    }
    pub fn account_id(&self) -> &str {
        &self.account_id
    }
    pub fn amount(&self) -> Decimal {
        self.amount
    }
    pub fn currency(&self) -> &str {
        &self.currency
    }
    pub fn merchant(&self) -> Option<&str> {
        self.merchant.as_deref()
    }
    pub fn description(&self) -> &str {
        &self.description
    }
    pub fn mcc(&self) -> Option<&str> {
        self.mcc.as_deref()
    }
    pub fn attributes(&self) -> &BTreeMap<String, String> {
        &self.attributes
    }

    /// The raw form of this transaction (what a producer would send).
    pub fn to_raw(&self) -> RawTransaction {
        RawTransaction {
            transaction_id: Some(self.transaction_id.clone()),
            timestamp: Some(
                self.timestamp
                    .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
            ),
            account_id: Some(self.account_id.clone()),
            amount: Some(self.amount.to_string()),
            currency: Some(self.currency.clone()),
            merchant: self.merchant.clone(),
            description: Some(self.description.clone()),
            mcc: self.mcc.clone(),
            attributes: self.attributes.clone(),
        }
    }
}

impl TryFrom<RawTransaction> for Transaction {
    type Error = RecordError;
    fn try_from(raw: RawTransaction) -> Result<Self, Self::Error> {
        crate::validate::validate(raw)
    }
}

/// What a classifier returns for one record, before it is checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PredictOutput {
    #[serde(default)]
    pub transaction_id: Option<String>,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub confidence: Option<f64>,
    #[serde(default)]
    pub model_version: Option<String>,
    /// A per-record problem reported by the classifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// A checked prediction: known category, confidence in 0..=1, matching id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Predict {
    pub transaction_id: String,
    pub category: Category,
    pub confidence: f64,
    pub model_version: String,
}

impl Predict {
    /// Checks a classifier's output for the transaction it should describe.
    /// The error is the reason the record is dead-lettered.
    pub fn check(
        output: &PredictOutput,
        expected_id: &str,
        batch_model_version: &str,
    ) -> Result<Predict, String> {
        if let Some(error) = &output.error {
            return Err(format!("classifier rejected the record: {error}"));
        }
        match output.transaction_id.as_deref() {
            Some(id) if id == expected_id => {}
            Some(id) => {
                return Err(format!(
                    "transaction_id: prediction is for {id:?}, expected {expected_id:?}"
                ));
            }
            None => return Err("transaction_id: missing in prediction".into()),
        }
        let category = match output.category.as_deref() {
            Some(c) => Category::from_str(c).map_err(|e| format!("category: {e}"))?,
            None => return Err("category: missing in prediction".into()),
        };
        let confidence = match output.confidence {
            Some(c) if c.is_finite() && (0.0..=1.0).contains(&c) => c,
            Some(c) => return Err(format!("confidence: {c} is outside 0..=1")),
            None => return Err("confidence: missing in prediction".into()),
        };
        let model_version = output
            .model_version
            .clone()
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| batch_model_version.to_owned());
        if model_version.is_empty() {
            return Err("model_version: missing in prediction".into());
        }
        Ok(Predict {
            transaction_id: expected_id.to_owned(),
            category,
            confidence,
            model_version,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(id: &str, category: &str, confidence: f64) -> PredictOutput {
        PredictOutput {
            transaction_id: Some(id.into()),
            category: Some(category.into()),
            confidence: Some(confidence),
            model_version: None,
            error: None,
        }
    }

    #[test]
    fn every_category_round_trips_through_its_name_and_serde() {
        for c in Category::ALL {
            assert_eq!(c.as_str().parse::<Category>(), Ok(c));
            let json = serde_json::to_string(&c).expect("serialize");
            assert_eq!(json, format!("\"{}\"", c.as_str()));
            assert_eq!(Category::ALL[c.index()], c);
        }
    }

    #[test]
    fn unknown_category_is_rejected() {
        assert!("FOOD".parse::<Category>().is_err());
        assert!("food_and_drink".parse::<Category>().is_err());
    }

    #[test]
    fn prediction_check_accepts_a_good_output_and_fills_the_model_version() {
        let p = Predict::check(&output("t1", "TRAVEL", 0.7), "t1", "m-1").expect("valid");
        assert_eq!(p.category, Category::Travel);
        assert_eq!(p.model_version, "m-1");
    }

    #[test]
    fn prediction_check_rejects_mismatched_id_unknown_category_and_bad_confidence() {
        let e = Predict::check(&output("t2", "TRAVEL", 0.7), "t1", "m").expect_err("rejected");
        assert!(e.starts_with("transaction_id:"), "{e}");
        let e = Predict::check(&output("t1", "PETS", 0.7), "t1", "m").expect_err("rejected");
        assert!(e.starts_with("category:"), "{e}");
        for bad in [-0.01, 1.01, f64::NAN, f64::INFINITY] {
            let e = Predict::check(&output("t1", "TRAVEL", bad), "t1", "m").expect_err("rejected");
            assert!(e.starts_with("confidence:"), "{e}");
        }
        let mut o = output("t1", "TRAVEL", 0.5);
        o.error = Some("description is empty".into());
        assert!(Predict::check(&o, "t1", "m").is_err());
    }
}
