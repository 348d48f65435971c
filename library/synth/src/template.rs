//! Expands the `{placeholders}` of catalog templates (see [`crate::catalog`]).

use chrono::{DateTime, Datelike, Duration, Timelike, Utc};

use crate::catalog::places;
use crate::dice::Dice;

/// Values a line keeps once drawn, so `{first} … {last}` name one person and
/// a local business keeps its own name parts and city.
#[derive(Debug, Clone, Default)]
pub(crate) struct Slots {
    pub first: Option<&'static str>,
    pub last: Option<&'static str>,
    pub adj: Option<&'static str>,
    pub street: Option<&'static str>,
    pub saint: Option<&'static str>,
    pub county: Option<&'static str>,
    pub city: Option<(&'static str, &'static str)>,
}

/// Everything a template can refer to while one line is written.
pub(crate) struct Scene<'a> {
    pub dice: &'a mut Dice,
    /// The merchant's display name (already rendered for local businesses).
    pub name: &'a str,
    /// Stable per merchant: chooses its phone number and web address.
    pub identity: u64,
    /// The day the card was used (a day or two before posting, like banks print).
    pub date: DateTime<Utc>,
    pub slots: Slots,
}

const TOLL_FREE: &[&str] = &["800", "833", "844", "855", "866", "877", "888"];
const MONTHS: &[&str] = &[
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
const WEEKDAYS: &[&str] = &["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];

impl<'a> Scene<'a> {
    pub(crate) fn new(
        dice: &'a mut Dice,
        name: &'a str,
        identity: u64,
        posted: DateTime<Utc>,
        slots: Slots,
    ) -> Self {
        let lag = dice.between(0, 2) as i64;
        Self {
            dice,
            name,
            identity,
            date: posted - Duration::days(lag),
            slots,
        }
    }

    /// Expands every placeholder; an unknown one is left as written (a test
    /// over the whole catalog makes sure there are none).
    pub(crate) fn expand(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    let key = &after[..close];
                    match self.value(key) {
                        Some(v) => out.push_str(&v),
                        None => {
                            out.push('{');
                            out.push_str(key);
                            out.push('}');
                        }
                    }
                    rest = &after[close + 1..];
                }
                None => {
                    out.push_str(&rest[open..]);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        out
    }

    fn value(&mut self, key: &str) -> Option<String> {
        let p = places();
        let title = key.starts_with(|c: char| c.is_ascii_uppercase());
        let lower = key.to_ascii_lowercase();
        let text: String = match lower.as_str() {
            "name" if key == "NAME" => return Some(descriptor_name(self.name, self.identity)),
            "name" => return Some(self.name.to_owned()),
            "city" => {
                let (town, st) = self.city();
                format!("{town} {st}")
            }
            "town" => self.city().0.to_owned(),
            "st" => return Some(self.city().1.to_owned()),
            "store" => {
                let len = [2, 3, 3, 4, 4, 4, 5, 5][self.dice.below(8)];
                let first = self.dice.between(1, 9);
                return Some(format!("{first}{}", self.dice.digits(len - 1)));
            }
            "phone" => return Some(self.phone()),
            "url" => return Some(self.url()),
            "first" => self.first().to_owned(),
            "last" => self.last().to_owned(),
            "person" => format!("{} {}", self.first(), self.last()),
            "adj" => (*self
                .slots
                .adj
                .get_or_insert_with(|| *self.dice.pick(&p.adjectives)))
            .to_owned(),
            "street" => (*self
                .slots
                .street
                .get_or_insert_with(|| *self.dice.pick(&p.streets)))
            .to_owned(),
            "saint" => (*self
                .slots
                .saint
                .get_or_insert_with(|| *self.dice.pick(&p.saints)))
            .to_owned(),
            "county" => self.county().to_owned(),
            "addr" => {
                let number = self.dice.between(10, 9999);
                let street = *self.dice.pick(&p.streets);
                let suffix = *self.dice.pick(&p.street_suffixes);
                format!("{number} {street} {suffix}")
            }
            "rest" => return Some((*self.dice.pick(&p.restaurants)).to_owned()),
            "bank" => return Some((*self.dice.pick(&p.banks)).to_owned()),
            "mmdd" => return Some(self.date.format("%m%d").to_string()),
            "mm/dd" => return Some(self.date.format("%m/%d").to_string()),
            "mm/dd/yy" => return Some(self.date.format("%m/%d/%y").to_string()),
            "yymmdd" => return Some(self.date.format("%y%m%d").to_string()),
            "mon" => return Some(MONTHS[self.date.month0() as usize % 12].to_owned()),
            "dow" => {
                let day = self.date.weekday().num_days_from_monday() as usize;
                return Some(WEEKDAYS[day % 7].to_owned());
            }
            "hour" => {
                let h = self.date.hour() % 12;
                return Some(if h == 0 { 12 } else { h }.to_string());
            }
            "ampm" => return Some(if self.date.hour() < 12 { "AM" } else { "PM" }.to_owned()),
            _ => return self.random_code(key),
        };
        Some(if title {
            text
        } else {
            text.to_ascii_uppercase()
        })
    }

    /// `{dN}` digits and `{aN}` letters-and-digits.
    fn random_code(&mut self, key: &str) -> Option<String> {
        let (kind, len) = key.split_at(1.min(key.len()));
        let len: usize = len.parse().ok().filter(|n| (1..=32).contains(n))?;
        match kind {
            "d" => Some(self.dice.digits(len)),
            "a" => Some(self.dice.alnum(len)),
            _ => None,
        }
    }

    pub(crate) fn city(&mut self) -> (&'static str, &'static str) {
        *self
            .slots
            .city
            .get_or_insert_with(|| *self.dice.pick(&places().cities))
    }

    fn first(&mut self) -> &'static str {
        self.slots
            .first
            .get_or_insert_with(|| *self.dice.pick(&places().first_names))
    }

    fn last(&mut self) -> &'static str {
        self.slots
            .last
            .get_or_insert_with(|| *self.dice.pick(&places().surnames))
    }

    fn county(&mut self) -> &'static str {
        if let Some(c) = self.slots.county {
            return c;
        }
        let (county, st) = *self.dice.pick(&places().counties);
        self.slots.county = Some(county);
        // A county comes with its state, unless the line already has a city.
        if self.slots.city.is_none() {
            let town = places()
                .cities
                .iter()
                .find(|(_, s)| *s == st)
                .map_or(county, |(t, _)| *t);
            self.slots.city = Some((town, st));
        }
        county
    }

    /// The merchant's own customer-service number, printed as banks print it.
    fn phone(&mut self) -> String {
        let h = self.identity;
        let area = TOLL_FREE[(h % TOLL_FREE.len() as u64) as usize];
        let exchange = 200 + (h >> 8) % 800;
        let line = (h >> 20) % 10_000;
        if self.dice.percent(55) {
            format!("{area}-{exchange}-{line:04}")
        } else {
            format!("{area}{exchange}{line:04}")
        }
    }

    /// The merchant's web address, derived from its name.
    fn url(&mut self) -> String {
        let compact: String = self
            .name
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .take(16)
            .collect();
        match (self.identity >> 40) % 4 {
            0 => format!("{compact}.COM"),
            1 => format!("WWW.{compact}.COM"),
            2 => format!("HELP.{compact}.COM"),
            _ => format!("{compact}.COM/BILL"),
        }
    }
}

/// Whether every placeholder of `template` expands.
pub(crate) fn expands(template: &str) -> bool {
    let mut dice = Dice::new(0);
    let mut scene = Scene::new(&mut dice, "", 0, DateTime::UNIX_EPOCH, Slots::default());
    !scene.expand(template).contains('{')
}

/// The upper-case name as it appears in a descriptor: half the merchants drop
/// apostrophes (`MCDONALDS`), the other half keep them.
pub(crate) fn descriptor_name(name: &str, identity: u64) -> String {
    let upper = name.to_ascii_uppercase();
    if identity.is_multiple_of(2) {
        upper.replace('\'', "")
    } else {
        upper
    }
}

/// Title case for statements that print mixed case (`Starbucks Store 10421
/// Seattle WA`): words with digits and a trailing state code are kept.
pub(crate) fn title_case(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let is_state = i == last && w.len() == 2 && w.bytes().all(|b| b.is_ascii_uppercase());
            if is_state || w.bytes().any(|b| b.is_ascii_digit()) {
                (*w).to_owned()
            } else {
                let mut out = String::with_capacity(w.len());
                let mut start = true;
                for c in w.chars() {
                    if c.is_ascii_alphabetic() {
                        out.push(if start {
                            c.to_ascii_uppercase()
                        } else {
                            c.to_ascii_lowercase()
                        });
                        start = false;
                    } else {
                        out.push(c);
                        start = c != '\'';
                    }
                }
                out
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn scene(dice: &mut Dice) -> Scene<'_> {
        let posted = Utc
            .with_ymd_and_hms(2024, 6, 3, 12, 0, 0)
            .single()
            .expect("valid date");
        Scene::new(dice, "Blue Bottle Coffee", 42, posted, Slots::default())
    }

    #[test]
    fn placeholders_expand_and_cases_follow_the_spelling() {
        let mut dice = Dice::new(3);
        let mut s = scene(&mut dice);
        let line = s.expand("SQ *{NAME} {city} {d4} {a6}");
        assert!(line.starts_with("SQ *BLUE BOTTLE COFFEE "), "{line}");
        assert!(!line.contains('{'), "{line}");
        let person = s.expand("{first} {last} / {First} {Last}");
        let (upper, title) = person.split_once(" / ").expect("separator");
        assert_eq!(upper, title.to_ascii_uppercase());
        assert_eq!(s.expand("{Name}"), "Blue Bottle Coffee");
        assert_eq!(s.expand("{unknown}"), "{unknown}");
        assert_eq!(s.expand("{d0}{a99}"), "{d0}{a99}");
    }

    #[test]
    fn dates_come_from_the_transaction_and_phones_from_the_merchant() {
        let mut dice = Dice::new(3);
        let mut s = scene(&mut dice);
        let day = s.expand("{mm/dd}");
        assert!(["06/01", "06/02", "06/03"].contains(&day.as_str()), "{day}");
        let a: String = s
            .expand("{phone}")
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        let b: String = s
            .expand("{phone}")
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        assert_eq!(a, b);
        assert_eq!(a.len(), 10);
    }

    #[test]
    fn title_case_keeps_codes_and_states() {
        assert_eq!(
            title_case("STARBUCKS STORE 10421 SEATTLE WA"),
            "Starbucks Store 10421 Seattle WA"
        );
        assert_eq!(title_case("MCDONALD'S F1234"), "Mcdonald's F1234");
    }
}
