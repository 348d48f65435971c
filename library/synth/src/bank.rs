//! How each bank prints a line: debit-card wrappers (`CHECKCARD 0603 …`,
//! `PURCHASE AUTHORIZED ON 06/03 …`), ACH layouts (`… PPD ID: …`,
//! `… DES:… ID:… INDN:… CO ID:… PPD`), and which statements use mixed case.
//! Every account belongs to one bank, so its lines share one house style.

use crate::dice::{Dice, stable_hash};
use crate::template::Scene;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Institution {
    ChaseChecking,
    BankOfAmerica,
    WellsFargo,
    UsBank,
    Pnc,
    CreditUnion,
    CapitalOne360,
    ChaseCard,
    CitiCard,
    CapitalOneCard,
    AmexCard,
    AppleCard,
    DiscoverCard,
}

/// Rough shares of US checking and card accounts.
const BANKS: &[(Institution, u32)] = &[
    (Institution::ChaseChecking, 16),
    (Institution::BankOfAmerica, 13),
    (Institution::WellsFargo, 11),
    (Institution::UsBank, 5),
    (Institution::Pnc, 4),
    (Institution::CreditUnion, 10),
    (Institution::CapitalOne360, 4),
    (Institution::ChaseCard, 10),
    (Institution::CitiCard, 6),
    (Institution::CapitalOneCard, 7),
    (Institution::AmexCard, 7),
    (Institution::AppleCard, 4),
    (Institution::DiscoverCard, 3),
];

impl Institution {
    /// The bank that holds an account, fixed by the account's id.
    pub(crate) fn of_account(account_id: &str) -> Institution {
        let total: u64 = BANKS.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut roll = stable_hash(account_id) % total;
        for (bank, w) in BANKS {
            let w = u64::from(*w);
            if roll < w {
                return *bank;
            }
            roll -= w;
        }
        Institution::ChaseChecking
    }

    /// A credit card account: card purchases only, never ACH.
    pub(crate) fn is_card(self) -> bool {
        matches!(
            self,
            Institution::ChaseCard
                | Institution::CitiCard
                | Institution::CapitalOneCard
                | Institution::AmexCard
                | Institution::AppleCard
                | Institution::DiscoverCard
        )
    }

    /// Percent of lines this bank prints in mixed case.
    pub(crate) fn mixed_case_percent(self) -> u32 {
        match self {
            Institution::AmexCard => 70,
            Institution::AppleCard => 85,
            Institution::CapitalOneCard | Institution::CapitalOne360 => 35,
            Institution::DiscoverCard => 20,
            _ => 3,
        }
    }

    /// Wraps a card network descriptor the way a debit statement shows it.
    pub(crate) fn wrap_card(self, inner: &str, recurring: bool, scene: &mut Scene<'_>) -> String {
        let d = &mut *scene.dice;
        let roll = d.below(100);
        let template = match self {
            Institution::ChaseChecking => match roll {
                _ if recurring => "{inner}",
                0..=79 => "{inner}",
                80..=92 => "CARD PURCHASE {mm/dd} {inner} CARD {d4}",
                _ => "CARD PURCHASE WITH PIN {mm/dd} {inner} CARD {d4}",
            },
            Institution::BankOfAmerica => match roll {
                0..=59 if recurring => {
                    "CHECKCARD {mmdd} {inner} RECURRING CKCD {d4} XXXXXXXXXXXX{d4}"
                }
                0..=59 => "CHECKCARD {mmdd} {inner} {d23}",
                60..=79 => "PURCHASE {mmdd} {inner}",
                _ => "{inner}",
            },
            Institution::WellsFargo => match roll {
                0..=84 if recurring => {
                    "RECURRING PAYMENT AUTHORIZED ON {mm/dd} {inner} S{d15} CARD {d4}"
                }
                0..=84 => "PURCHASE AUTHORIZED ON {mm/dd} {inner} S{d15} CARD {d4}",
                85..=92 => "PURCHASE AUTHORIZED ON {mm/dd} {inner} P{d15} CARD {d4}",
                _ => "{inner}",
            },
            Institution::UsBank => match roll {
                0..=69 => "DEBIT PURCHASE -VISA {inner}",
                _ => "{inner}",
            },
            Institution::Pnc => match roll {
                0..=39 => "POS PURCHASE {d4} {inner}",
                40..=74 => "DEBIT CARD PURCHASE XXXXX{d4} {inner}",
                _ => "{inner}",
            },
            Institution::CreditUnion => match roll {
                0..=29 => "POS DEBIT {mmdd} {inner}",
                30..=49 => "DBT CRD {d4} {mm/dd/yy} {inner} C#{d4}",
                50..=64 if recurring => "RECURRING DEBIT {inner}",
                50..=64 => "POS WITHDRAWAL {inner} {mmdd}",
                65..=79 => "VISA DDA PUR {d6} {inner}",
                _ => "{inner}",
            },
            Institution::CapitalOne360 => match roll {
                0..=29 => "Debit Card Purchase - {inner}",
                _ => "{inner}",
            },
            // Credit card statements print the network descriptor as is.
            _ => "{inner}",
        };
        let expanded = scene.expand(template);
        expanded.replace("{inner}", inner)
    }

    /// An ACH entry laid out in this bank's style.
    pub(crate) fn ach_line(self, entry: &AchEntry, credit: bool, scene: &mut Scene<'_>) -> String {
        let AchEntry {
            company,
            description,
            class,
            company_id,
        } = entry;
        let roll = scene.dice.below(100);
        let id = individual_id(scene.dice);
        match self {
            Institution::ChaseChecking | Institution::CapitalOne360 if roll < 12 => {
                let trace = scene.dice.digits(15);
                let trn = scene.dice.digits(10);
                let date = scene.expand("{yymmdd}");
                let person = scene.expand("{person}");
                format!(
                    "ORIG CO NAME:{company} ORIG ID:{company_id} DESC DATE:{date} CO ENTRY DESCR:{description:<10} SEC:{class} TRACE#:{trace} EED:{date} IND ID:{id} IND NAME:{person} TRN: {trn}TC"
                )
            }
            Institution::ChaseChecking | Institution::CapitalOne360 => {
                let id = if roll < 60 {
                    format!(" {id}")
                } else {
                    String::new()
                };
                let gap = if scene.dice.percent(30) {
                    "       "
                } else {
                    " "
                };
                format!("{company} {description}{id}{gap}{class} ID: {company_id}")
            }
            Institution::BankOfAmerica => {
                let last = scene.expand("{last}");
                let first = scene.expand("{first}");
                format!(
                    "{company} DES:{description} ID:{id} INDN:{last} {first} CO ID:{company_id} {class}"
                )
            }
            Institution::WellsFargo => {
                let date = scene.expand("{yymmdd}");
                let person = scene.expand("{person}");
                format!("{company} {description} {date} {id} {person}")
            }
            Institution::UsBank => {
                let way = if credit {
                    "ELECTRONIC DEPOSIT FROM"
                } else {
                    "ELECTRONIC WITHDRAWAL TO"
                };
                let reference = scene.dice.digits(15);
                format!("{way} {company} REF={reference}")
            }
            Institution::Pnc => {
                let way = if credit { "ACH CREDIT" } else { "ACH DEBIT" };
                format!("{way} {company_id} {company} {description}")
            }
            _ => {
                let (dir, noun) = if credit {
                    ("CREDIT", "DEPOSIT")
                } else {
                    ("DEBIT", "WITHDRAWAL")
                };
                match roll % 5 {
                    0 => format!("ACH {dir} {company} {description}"),
                    1 => {
                        let date = scene.expand("{yymmdd}");
                        format!("PREAUTHORIZED {dir} {company} {description} {date}")
                    }
                    2 => format!("EXTERNAL {noun} {company} - {description}"),
                    3 => format!("ACH {noun} {company} {description} {id}"),
                    _ => format!("{company} {description}"),
                }
            }
        }
    }
}

/// One ACH entry: NACHA's company name (16 characters), entry description
/// (10), standard entry class and company identification.
pub(crate) struct AchEntry {
    pub company: String,
    pub description: String,
    pub class: String,
    pub company_id: String,
}

impl AchEntry {
    /// Parses a catalog form `COMPANY|DESCRIPTION[|SEC][|COMPANY ID]`,
    /// expanding placeholders; the company id defaults to one derived from the
    /// company name, so a company keeps its id across lines.
    pub(crate) fn parse(form: &str, credit: bool, scene: &mut Scene<'_>) -> AchEntry {
        let mut parts = form.split('|');
        let company = scene.expand(parts.next().unwrap_or_default());
        let description = scene.expand(parts.next().unwrap_or_default());
        let mut class = None;
        let mut company_id = None;
        for part in parts {
            if part.len() == 3 && part.bytes().all(|b| b.is_ascii_uppercase()) && class.is_none() {
                class = Some(part.to_owned());
            } else {
                company_id = Some(scene.expand(part));
            }
        }
        let class = class.unwrap_or_else(|| {
            if credit || scene.dice.percent(40) {
                "PPD".to_owned()
            } else {
                "WEB".to_owned()
            }
        });
        let company_id = company_id.unwrap_or_else(|| {
            let h = stable_hash(&company);
            let lead = [1, 9, 1, 0, 2, 3, 4, 7, 1, 9][(h % 10) as usize];
            format!("{lead}{:09}", (h >> 8) % 1_000_000_000)
        });
        AchEntry {
            company: clip(&company, 16),
            description: clip(&description, 10),
            class,
            company_id,
        }
    }
}

fn clip(text: &str, width: usize) -> String {
    text.chars()
        .take(width)
        .collect::<String>()
        .trim_end()
        .to_owned()
}

/// The receiver's id at the originator: digits, or letters and digits.
fn individual_id(dice: &mut Dice) -> String {
    let len = 6 + dice.below(10);
    if dice.percent(60) {
        dice.digits(len)
    } else {
        dice.alnum(len)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::template::Slots;

    fn with_scene<T>(f: impl FnOnce(&mut Scene<'_>) -> T) -> T {
        let mut dice = Dice::new(11);
        let posted = Utc
            .with_ymd_and_hms(2024, 6, 3, 9, 0, 0)
            .single()
            .expect("valid date");
        let mut scene = Scene::new(&mut dice, "Gusto", 7, posted, Slots::default());
        f(&mut scene)
    }

    #[test]
    fn ach_forms_parse_with_defaults_and_nacha_widths() {
        with_scene(|scene| {
            let e = AchEntry::parse("GUSTO|PAY {d6}|PPD|9138864001", true, scene);
            assert_eq!(e.company, "GUSTO");
            assert_eq!(e.class, "PPD");
            assert_eq!(e.company_id, "9138864001");
            assert!(e.description.starts_with("PAY "));
            let e = AchEntry::parse(
                "A VERY LONG COMPANY NAME INC|DESCRIPTION TOO LONG",
                false,
                scene,
            );
            assert_eq!(e.company, "A VERY LONG COMP");
            assert_eq!(e.description, "DESCRIPTIO");
            assert_eq!(e.company_id.len(), 10);
            let again = AchEntry::parse("A VERY LONG COMPANY NAME INC|X", false, scene);
            assert_eq!(again.company_id, e.company_id);
        });
    }

    #[test]
    fn chase_style_matches_real_statements() {
        with_scene(|scene| {
            let e = AchEntry::parse("CHASE CREDIT CRD|AUTOPAY|PPD|4760039224", false, scene);
            let lines: Vec<String> = (0..50)
                .map(|_| Institution::ChaseChecking.ach_line(&e, false, scene))
                .collect();
            assert!(
                lines
                    .iter()
                    .any(|l| l.starts_with("CHASE CREDIT CRD AUTOPAY")
                        && l.ends_with("PPD ID: 4760039224"))
            );
            assert!(lines.iter().all(|l| l.contains("4760039224")));
        });
    }

    #[test]
    fn wrappers_keep_the_inner_descriptor() {
        with_scene(|scene| {
            for bank in [
                Institution::BankOfAmerica,
                Institution::WellsFargo,
                Institution::CreditUnion,
                Institution::AmexCard,
            ] {
                for _ in 0..20 {
                    let line = bank.wrap_card("STARBUCKS STORE 10421 SEATTLE WA", false, scene);
                    assert!(line.contains("STARBUCKS STORE 10421 SEATTLE WA"), "{line}");
                    assert!(!line.contains('{'), "{line}");
                }
            }
        });
    }

    #[test]
    fn accounts_spread_over_banks_and_card_accounts_exist() {
        let banks: Vec<Institution> = (0..500)
            .map(|n| Institution::of_account(&format!("acc-{n}")))
            .collect();
        assert!(banks.iter().any(|b| b.is_card()));
        assert!(banks.iter().filter(|b| !b.is_card()).count() > 250);
    }
}
