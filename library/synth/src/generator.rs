//! The seeded generator of labelled transactions.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, SecondsFormat, TimeZone, Utc};
use rust_decimal::Decimal;
use txclass_core::{Category, RawTransaction, Transaction};

use crate::bank::{AchEntry, Institution};
use crate::catalog::{self, Amount, Merchant, Style, places};
use crate::descriptor::{card_descriptor, truncate, widen_a_space};
use crate::dice::{Dice, stable_hash};
use crate::split::{Split, brand_key, local_key};
use crate::template::{Scene, Slots, title_case};

/// How a line reached the statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    /// A card purchase: network descriptor, maybe wrapped by the bank.
    Card,
    /// An ACH debit or credit.
    Ach,
    /// A line the bank writes itself: fees, transfers, deposits, interest.
    Bank,
}

/// One generated transaction and its ground truth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labeled {
    pub transaction: Transaction,
    pub category: Category,
    /// The merchant's stable identity (see [`Split`]).
    pub merchant_key: String,
    pub channel: Channel,
}

const ACCOUNTS: u32 = 400;
const FIRST_ACCOUNT: u32 = 10_001;
/// Room left for the counter in a 64-character transaction id.
const MAX_PREFIX: usize = 44;

#[derive(Debug)]
struct Account {
    id: String,
    bank: Institution,
}

/// What a split may draw in one category: brands and local-business
/// families with their relative weights, and the percent of local lines.
#[derive(Debug)]
struct Pool {
    local_percent: u32,
    brands: Vec<usize>,
    brand_weights: Vec<u32>,
    locals: Vec<usize>,
    local_weights: Vec<u32>,
}

/// A deterministic source of labelled transactions: the same seed and
/// settings give the same records, on every platform.
#[derive(Debug)]
pub struct Generator {
    pub(crate) dice: Dice,
    split: Split,
    id_prefix: String,
    counter: u64,
    start: DateTime<Utc>,
    span_seconds: i64,
    accounts: Vec<Account>,
    checking: Vec<usize>,
    /// How common each category is, in `Category::ALL` order.
    frequencies: Vec<u32>,
    pools: Vec<Pool>,
}

/// Who the line is from, once a merchant (or one local business) is chosen.
struct Chosen {
    merchant: &'static Merchant,
    name: String,
    key: String,
    slots: Slots,
}

impl Generator {
    /// A generator over `split`'s merchants, with ids `syn-<seed>-00000001…`
    /// and timestamps in 2024 (UTC).
    pub fn new(seed: u64, split: Split) -> Self {
        let accounts: Vec<Account> = (FIRST_ACCOUNT..FIRST_ACCOUNT + ACCOUNTS)
            .map(|n| {
                let id = format!("acc-{n}");
                let bank = Institution::of_account(&id);
                Account { id, bank }
            })
            .collect();
        let checking = accounts
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.bank.is_card())
            .map(|(i, _)| i)
            .collect();
        let pools = Category::ALL
            .iter()
            .map(|c| {
                let list = catalog::merchants(*c);
                let (locals, brands): (Vec<usize>, Vec<usize>) = split
                    .eligible(*c)
                    .into_iter()
                    .partition(|i| list[*i].is_local());
                Pool {
                    local_percent: catalog::categories()[c.index()].local_percent,
                    brand_weights: brands.iter().map(|i| list[*i].weight).collect(),
                    local_weights: locals.iter().map(|i| list[*i].weight).collect(),
                    brands,
                    locals,
                }
            })
            .collect();
        let start = Utc
            .with_ymd_and_hms(2024, 1, 1, 0, 0, 0)
            .single()
            .unwrap_or_default();
        Self {
            dice: Dice::new(seed),
            split,
            id_prefix: format!("syn-{seed}-"),
            counter: 0,
            start,
            span_seconds: 366 * 24 * 3600 - 1,
            accounts,
            checking,
            frequencies: catalog::categories().iter().map(|c| c.frequency).collect(),
            pools,
        }
    }

    /// Ids become `<prefix><counter>`; the prefix is cut to 44 characters so
    /// an id never exceeds the 64 the contract allows.
    pub fn with_id_prefix(mut self, prefix: &str) -> Self {
        self.id_prefix = prefix.chars().take(MAX_PREFIX).collect();
        self
    }

    /// Timestamps spread uniformly over `start..=end` (swapped if reversed).
    pub fn with_time_range(mut self, start: DateTime<Utc>, end: DateTime<Utc>) -> Self {
        let (start, end) = if end < start {
            (end, start)
        } else {
            (start, end)
        };
        self.start = start;
        self.span_seconds = (end - start).num_seconds();
        self
    }

    /// The merchants this generator draws from.
    pub fn split(&self) -> Split {
        self.split
    }

    /// The next transaction, its category drawn with everyday frequencies.
    pub fn next_labeled(&mut self) -> Labeled {
        let category = Category::ALL[self.dice.weighted(&self.frequencies)];
        self.next_in(category)
    }

    /// The next transaction of one category.
    pub fn next_in(&mut self, category: Category) -> Labeled {
        let chosen = self.choose(category);
        let merchant = chosen.merchant;
        let account = self.account(merchant);
        let (account_id, bank) = (
            self.accounts[account].id.clone(),
            self.accounts[account].bank,
        );
        let posted = self.timestamp();
        let identity = stable_hash(&chosen.key);
        let credit = matches!(category, Category::Income | Category::TransferIn);

        let mut slots = chosen.slots;
        if matches!(merchant.style, Style::Online | Style::Bill | Style::Shop)
            && slots.city.is_none()
        {
            // A web merchant's "city" is its head office.
            let cities = &places().cities;
            slots.city = Some(cities[(identity % cities.len() as u64) as usize]);
        }
        let mut scene = Scene::new(&mut self.dice, &chosen.name, identity, posted, slots);

        let use_ach = match merchant.style {
            Style::Ach => true,
            Style::Bill => !merchant.ach.is_empty() && !bank.is_card() && scene.dice.percent(45),
            _ => false,
        };
        let (description, channel) = if use_ach {
            let form = scene.dice.pick(&merchant.ach);
            let entry = AchEntry::parse(form, credit, &mut scene);
            (bank.ach_line(&entry, credit, &mut scene), Channel::Ach)
        } else if merchant.style == Style::Plain {
            let form = scene.dice.pick(&merchant.forms);
            (scene.expand(form), Channel::Bank)
        } else {
            (card_line(merchant, bank, &mut scene), Channel::Card)
        };

        let dice = &mut *scene.dice;
        let merchant_share = match channel {
            Channel::Card => 62,
            Channel::Ach => 45,
            Channel::Bank => 20,
        };
        let merchant_name =
            (merchant.named && dice.percent(merchant_share)).then(|| truncate(&chosen.name, 128));
        let mcc_share = match channel {
            Channel::Card => 65,
            Channel::Ach => 3,
            Channel::Bank => 50,
        };
        let mcc = (!merchant.mcc.is_empty() && dice.percent(mcc_share))
            .then(|| dice.pick(&merchant.mcc).clone());
        let cents = i64::from(draw_cents(&merchant.amount, dice));
        // Purchases are sometimes refunded; the refund keeps its category.
        let refund = channel == Channel::Card && is_purchase(category) && dice.percent(2);
        let amount = Decimal::new(if credit || refund { cents } else { -cents }, 2);

        self.counter += 1;
        let raw = RawTransaction {
            transaction_id: Some(format!("{}{:08}", self.id_prefix, self.counter)),
            timestamp: Some(posted.to_rfc3339_opts(SecondsFormat::Secs, true)),
            account_id: Some(account_id),
            amount: Some(amount.to_string()),
            currency: Some("USD".to_owned()),
            merchant: merchant_name,
            description: Some(truncate(description.trim(), 256)),
            mcc,
            attributes: BTreeMap::new(),
        };
        let transaction = Transaction::try_from(raw)
            .expect("every generated field is built within the transaction contract");
        Labeled {
            transaction,
            category,
            merchant_key: chosen.key,
            channel,
        }
    }

    /// `per_category` transactions of every category, interleaved.
    pub fn balanced(&mut self, per_category: usize) -> Vec<Labeled> {
        let mut out = Vec::with_capacity(per_category * Category::ALL.len());
        for _ in 0..per_category {
            for category in Category::ALL {
                out.push(self.next_in(category));
            }
        }
        out
    }

    fn choose(&mut self, category: Category) -> Chosen {
        let list = catalog::merchants(category);
        let pool = &self.pools[category.index()];
        if !pool.locals.is_empty() && self.dice.percent(pool.local_percent) {
            let family = &list[pool.locals[self.dice.weighted(&pool.local_weights)]];
            // A family almost always has members on both sides of the split;
            // when the draws miss, a brand keeps the guarantee.
            if let Some(chosen) = self.local_business(category, family) {
                return chosen;
            }
        }
        let pool = &self.pools[category.index()];
        let index = pool.brands[self.dice.weighted(&pool.brand_weights)];
        brand(category, &list[index])
    }

    /// One business of a local family, drawn until it lies in this split.
    /// Its name parts and home city come from one seed of their own, so a
    /// form like `{last} BAR-B-Q` names the same family as `{Last}'s BBQ`.
    fn local_business(&mut self, category: Category, family: &'static Merchant) -> Option<Chosen> {
        let family_hash = stable_hash(&family.name);
        for _ in 0..64 {
            let variant = self.dice.next_u64();
            let mut own = Dice::new(family_hash ^ variant);
            let mut slots = Slots::default();
            if !family.name.contains("{County}") {
                slots.city = Some(*own.pick(&places().cities));
            }
            let mut scene = Scene::new(&mut own, "", 0, self.start, slots);
            let name = scene.expand(&family.name);
            let key = local_key(category, &family.name, &name);
            if self.split.admits_local(&key) {
                return Some(Chosen {
                    merchant: family,
                    name,
                    key,
                    slots: scene.slots,
                });
            }
        }
        None
    }

    /// An account able to carry the line: ACH and bank lines need a
    /// checking account, card purchases go on any.
    fn account(&mut self, merchant: &Merchant) -> usize {
        if matches!(merchant.style, Style::Ach | Style::Plain) {
            self.checking[self.dice.below(self.checking.len())]
        } else {
            self.dice.below(self.accounts.len())
        }
    }

    fn timestamp(&mut self) -> DateTime<Utc> {
        let offset = self.dice.between_i64(0, self.span_seconds);
        self.start + Duration::seconds(offset)
    }
}

impl Iterator for Generator {
    type Item = Labeled;

    /// Never ends.
    fn next(&mut self) -> Option<Labeled> {
        Some(self.next_labeled())
    }
}

fn brand(category: Category, merchant: &'static Merchant) -> Chosen {
    Chosen {
        merchant,
        name: merchant.name.clone(),
        key: brand_key(category, &merchant.name),
        slots: Slots::default(),
    }
}

/// A card purchase as the account's statement prints it.
fn card_line(merchant: &Merchant, bank: Institution, scene: &mut Scene<'_>) -> String {
    let mut line = card_descriptor(merchant, scene);
    if scene.dice.percent(22) {
        let width = 22 + scene.dice.below(19);
        line = truncate(&line, width);
    }
    if !bank.is_card() {
        line = bank.wrap_card(&line, merchant.style == Style::Bill, scene);
    }
    if scene.dice.percent(5) {
        line = widen_a_space(&line, scene);
    }
    if scene.dice.percent(bank.mixed_case_percent()) {
        line = title_case(&line);
    }
    line
}

fn is_purchase(category: Category) -> bool {
    matches!(
        category,
        Category::FoodAndDrink
            | Category::GeneralMerchandise
            | Category::HomeImprovement
            | Category::Entertainment
            | Category::PersonalCare
            | Category::Travel
            | Category::Transportation
            | Category::Medical
            | Category::GeneralServices
    )
}

/// An amount in cents: list prices as listed, round amounts on their step,
/// and ranges skewed to the low end (most purchases are small).
fn draw_cents(amount: &Amount, dice: &mut Dice) -> u32 {
    let cents = match *amount {
        Amount::Prices(ref prices) => u64::from(*dice.pick(prices)),
        Amount::Round(lo, hi, step) => {
            let step = u64::from(step.max(1));
            let steps = u64::from(hi.saturating_sub(lo)) / step;
            u64::from(lo) + step * dice.between(0, steps)
        }
        Amount::Range(lo, hi) => {
            let span = u64::from(hi.saturating_sub(lo));
            let x = dice.between(0, span);
            let skewed = if span > 0 && dice.percent(55) {
                x * dice.between(0, span) / span
            } else {
                x
            };
            u64::from(lo) + skewed
        }
    };
    u32::try_from(cents.max(1)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_stay_in_their_ranges() {
        let mut dice = Dice::new(9);
        for _ in 0..2000 {
            let c = draw_cents(&Amount::Range(300, 900), &mut dice);
            assert!((300..=900).contains(&c));
            let r = draw_cents(&Amount::Round(1000, 5000, 500), &mut dice);
            assert!(r.is_multiple_of(500) && (1000..=5000).contains(&r));
            let p = draw_cents(&Amount::Prices(vec![999, 1549]), &mut dice);
            assert!(p == 999 || p == 1549);
        }
    }
}
