//! Turns a merchant's form into the descriptor a card network carries:
//! processor prefixes (`SQ *`, `TST*`, `PAYPAL *`, `SP `), store numbers,
//! city and state, phone numbers and web addresses, sometimes in the
//! fixed-width layout terminals use (name padded to 23–25, city to 13).

use crate::catalog::{Merchant, Style};
use crate::template::Scene;

/// Square, Clover, Intuit GoPayment, Paya, SumUp, PayPal Zettle.
const LOCAL_PREFIXES: &[(&str, u32)] = &[
    ("SQ *", 10),
    ("SQU*SQ *", 1),
    ("CLV*", 3),
    ("IN *", 2),
    ("PY *", 1),
    ("SUMUP *", 1),
    ("ZTL*", 1),
];
/// Toast, Square, Clover, SpotOn: what small restaurants run on.
const EATERY_PREFIXES: &[(&str, u32)] = &[
    ("TST* ", 8),
    ("TST*", 2),
    ("SQ *", 8),
    ("CLV*", 3),
    ("SPO*", 2),
    ("PY *", 1),
    ("SQU*SQ *", 1),
];
/// PayPal, Checkout.com, FastSpring, Paddle, Digital River, 2Checkout.
const ONLINE_PREFIXES: &[(&str, u32)] = &[
    ("PAYPAL *", 8),
    ("PP*", 2),
    ("CKO*", 1),
    ("FS *", 1),
    ("PADDLE.NET* ", 1),
    ("DRI*", 1),
    ("2CO.COM*", 1),
];
/// Shopify stores, mostly.
const SHOP_PREFIXES: &[(&str, u32)] =
    &[("SP ", 6), ("SP * ", 2), ("SHOPIFY* ", 1), ("PAYPAL *", 2)];

const STORE_NUMBERS: &[&str] = &[
    "#{store}",
    "{store}",
    "#{d4}",
    "STORE {d4}",
    "{d5}",
    "# {store}",
    "T{d4}",
    "#{d5}",
    "{d8}",
];

enum Place {
    Nowhere,
    City(&'static str, &'static str),
    Text(String),
}

/// The card network descriptor of one purchase (before any bank wrapper).
pub(crate) fn card_descriptor(merchant: &Merchant, scene: &mut Scene<'_>) -> String {
    let form = if merchant.forms.is_empty() {
        "{NAME}"
    } else {
        scene.dice.pick(&merchant.forms).as_str()
    };
    if let Some(exact) = form.strip_prefix('=') {
        return scene.expand(exact);
    }
    let mut name = scene.expand(form);
    let has_place = ["{city}", "{town}", "{st}", "{City}", "{Town}"]
        .iter()
        .any(|p| form.contains(p));
    let has_number = name.bytes().any(|b| b.is_ascii_digit());
    let place = match merchant.style {
        Style::Store => {
            if !has_number && !has_place && scene.dice.percent(40) {
                let number = *scene.dice.pick(STORE_NUMBERS);
                name.push(' ');
                name.push_str(&scene.expand(number));
            }
            match scene.dice.below(100) {
                _ if has_place => Place::Nowhere,
                0..=69 => {
                    let (town, st) = scene.city();
                    Place::City(town, st)
                }
                70..=77 => Place::Text(scene.city().1.to_owned()),
                _ => Place::Nowhere,
            }
        }
        Style::Local | Style::Eatery => {
            let (prefixes, share) = if merchant.style == Style::Local {
                (LOCAL_PREFIXES, 40)
            } else {
                (EATERY_PREFIXES, 55)
            };
            if scene.dice.percent(share) {
                name = format!("{}{name}", choose(prefixes, scene));
            }
            match scene.dice.below(100) {
                _ if has_place => Place::Nowhere,
                0..=74 => {
                    let (town, st) = scene.city();
                    Place::City(town, st)
                }
                75..=84 => Place::Text(scene.city().1.to_owned()),
                _ => Place::Nowhere,
            }
        }
        Style::Online | Style::Bill | Style::Shop => {
            let (prefixes, share) = match merchant.style {
                Style::Shop => (SHOP_PREFIXES, 60),
                Style::Online => (ONLINE_PREFIXES, 18),
                _ => (ONLINE_PREFIXES, 10),
            };
            if scene.dice.percent(share) {
                let prefix = choose(prefixes, scene);
                name = format!("{prefix}{}", soft_descriptor(&name, scene));
            } else if !name.contains('.') && scene.dice.percent(20) {
                name.push_str(".COM");
            }
            match scene.dice.below(100) {
                _ if has_place => Place::Nowhere,
                0..=27 => Place::Text(scene.expand("{phone} {st}")),
                28..=39 => Place::Text(scene.expand("{url} {st}")),
                40..=51 => Place::Text(scene.expand("{url}")),
                52..=61 => Place::Text(scene.city().1.to_owned()),
                62..=69 => {
                    let (town, st) = scene.city();
                    Place::City(town, st)
                }
                _ => Place::Nowhere,
            }
        }
        Style::Ach | Style::Plain => Place::Nowhere,
    };
    join(name, place, scene)
}

fn choose(options: &[(&'static str, u32)], scene: &mut Scene<'_>) -> &'static str {
    let weights: Vec<u32> = options.iter().map(|(_, w)| *w).collect();
    options[scene.dice.weighted(&weights)].0
}

/// What online processors show after their prefix: the name without spaces,
/// often cut short.
fn soft_descriptor(name: &str, scene: &mut Scene<'_>) -> String {
    let compact: String = name.chars().filter(|c| *c != ' ').collect();
    if scene.dice.percent(50) {
        let width = 7 + scene.dice.below(8);
        compact.chars().take(width).collect()
    } else {
        compact
    }
}

fn join(name: String, place: Place, scene: &mut Scene<'_>) -> String {
    match place {
        Place::Nowhere => name,
        Place::City(town, st) => {
            let town = town.to_ascii_uppercase();
            if scene.dice.percent(20) {
                format!("{:<23}{:<13} {st}", clip(&name, 23), clip(&town, 13))
            } else {
                format!("{name} {town} {st}")
            }
        }
        Place::Text(text) => {
            if scene.dice.percent(15) {
                format!("{:<25}{text}", clip(&name, 25))
            } else {
                format!("{name} {text}")
            }
        }
    }
}

fn clip(text: &str, width: usize) -> String {
    text.chars().take(width).collect()
}

/// Cuts a descriptor at `width` characters, as processors do.
pub(crate) fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    text.chars()
        .take(width)
        .collect::<String>()
        .trim_end()
        .to_owned()
}

/// Widens one space to a run of spaces, as fixed-width fields leave behind.
pub(crate) fn widen_a_space(text: &str, scene: &mut Scene<'_>) -> String {
    let spaces: Vec<usize> = text
        .char_indices()
        .filter(|(i, c)| *c == ' ' && *i > 2)
        .map(|(i, _)| i)
        .collect();
    if spaces.is_empty() {
        return text.to_owned();
    }
    let at = spaces[scene.dice.below(spaces.len())];
    let run = " ".repeat(2 + scene.dice.below(3));
    format!("{}{run}{}", &text[..at], &text[at + 1..])
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::catalog::Amount;
    use crate::dice::Dice;
    use crate::template::Slots;

    fn merchant(name: &str, style: Style, forms: &[&str]) -> Merchant {
        Merchant {
            name: name.to_owned(),
            forms: forms.iter().map(|f| (*f).to_owned()).collect(),
            ach: Vec::new(),
            mcc: vec!["5814".to_owned()],
            amount: Amount::Range(300, 900),
            style,
            weight: 3,
            named: true,
        }
    }

    fn lines(merchant: &Merchant, n: usize) -> Vec<String> {
        let mut dice = Dice::new(5);
        let posted = Utc
            .with_ymd_and_hms(2024, 6, 3, 9, 0, 0)
            .single()
            .expect("valid date");
        (0..n)
            .map(|i| {
                let name = &merchant.name;
                let mut scene = Scene::new(&mut dice, name, i as u64, posted, Slots::default());
                card_descriptor(merchant, &mut scene)
            })
            .collect()
    }

    #[test]
    fn store_lines_get_numbers_and_places() {
        let m = merchant("Blue Bottle Coffee", Style::Store, &[]);
        let lines = lines(&m, 300);
        assert!(lines.iter().all(|l| l.starts_with("BLUE BOTTLE COFFEE")));
        assert!(lines.iter().any(|l| l.contains('#')));
        assert!(lines.iter().any(|l| l.contains("   ")), "no padded layout");
        assert!(lines.iter().any(|l| l == "BLUE BOTTLE COFFEE"));
    }

    #[test]
    fn local_and_online_lines_get_processor_prefixes() {
        let local = merchant("Rossi's Pizza", Style::Eatery, &[]);
        let lines_local = lines(&local, 300);
        assert!(lines_local.iter().any(|l| l.starts_with("TST*")));
        assert!(lines_local.iter().any(|l| l.starts_with("SQ *")));
        let web = merchant("Spotify", Style::Online, &[]);
        let lines_web = lines(&web, 300);
        assert!(lines_web.iter().any(|l| l.starts_with("PAYPAL *SPOTIFY")));
        assert!(lines_web.iter().any(|l| l.contains("SPOTIFY.COM")));
    }

    #[test]
    fn exact_forms_are_kept_and_helpers_behave() {
        let m = merchant("Amazon", Style::Online, &["=AMZN Mktp US*{a9}"]);
        for l in lines(&m, 20) {
            assert!(l.starts_with("AMZN Mktp US*") && l.len() == 22, "{l}");
        }
        assert_eq!(
            truncate("UBER   *TRIP HELP.UBER.COM CA", 13),
            "UBER   *TRIP"
        );
        assert_eq!(truncate("SHORT", 22), "SHORT");
    }
}
