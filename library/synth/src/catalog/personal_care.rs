//! PERSONAL_CARE: gyms and fitness classes, hair and beauty (salons,
//! barbers, spas, cosmetics stores), laundry and dry cleaning, and — as Plaid
//! defines it — mental health apps and counselling.

use super::Amount::{Prices, Range};
use super::{Merchant, Profile, bill, local, online, store};

const GYM: Profile = Profile {
    mcc: &["7997", "7941"],
    amount: Prices(&[1000, 2499, 2999, 3999, 4999, 5999, 7999, 9999, 14900, 26000]),
};
const CLASS: Profile = Profile {
    mcc: &["7997", "7999"],
    amount: Range(1800, 4500),
};
const HAIR: Profile = Profile {
    mcc: &["7230"],
    amount: Range(1800, 32000),
};
const SPA: Profile = Profile {
    mcc: &["7298", "7297"],
    amount: Range(4500, 28000),
};
const COSMETICS: Profile = Profile {
    mcc: &["5977"],
    amount: Range(800, 22000),
};
const BATH: Profile = Profile {
    mcc: &["5999", "5977"],
    amount: Range(600, 9000),
};
const LAUNDRY: Profile = Profile {
    mcc: &["7210", "7211", "7216"],
    amount: Range(250, 9500),
};
const WELLNESS_APP: Profile = Profile {
    mcc: &["8099", "5818", "7299"],
    amount: Prices(&[699, 1299, 1499, 6999, 7999, 26000, 39600]),
};
const COUNSELING: Profile = Profile {
    mcc: &["8099", "7277"],
    amount: Range(6000, 25000),
};
const TANNING: Profile = Profile {
    mcc: &["7299"],
    amount: Range(1500, 8900),
};

pub(crate) static PERSONAL_CARE: &[Merchant] = &[
    // Gyms and fitness.
    bill(
        "Planet Fitness",
        &[
            "=PLANET FITNESS",
            "=PLANET FIT CLUB FEES",
            "=PF CLUB {d4} {town} {st}",
        ],
        &["PLANET FITNESS|CLUB FEES", "PLANET FITNESS|MEMBERSHIP"],
        &GYM,
    )
    .w(6),
    bill(
        "LA Fitness",
        &["=LA FITNESS", "=LA FITNESS {phone} CA"],
        &["LA FITNESS|MEMBERSHIP"],
        &GYM,
    )
    .w(3),
    bill(
        "24 Hour Fitness",
        &["=24 HOUR FITNESS USA", "=24 HOUR FIT {d3}"],
        &["24 HOUR FITNESS|DUES"],
        &GYM,
    )
    .w(2),
    bill(
        "Anytime Fitness",
        &["=ANYTIME FITNESS {d4}", "=ANYTIME FITNESS {town}"],
        &["ANYTIME FITNESS|DUES"],
        &GYM,
    )
    .w(2),
    bill(
        "Equinox",
        &["=EQUINOX {town}", "=EQUINOX HOLDINGS"],
        &["EQUINOX|DUES"],
        &GYM,
    ),
    bill(
        "Crunch Fitness",
        &["=CRUNCH FITNESS {town}", "=CRUNCH {d3}"],
        &["CRUNCH FITNESS|DUES"],
        &GYM,
    ),
    bill(
        "Gold's Gym",
        &["=GOLDS GYM {d3}", "=GOLD'S GYM {town}"],
        &["GOLDS GYM|DUES"],
        &GYM,
    ),
    bill(
        "Life Time",
        &["=LIFE TIME FITNESS", "=LIFETIME {town}"],
        &["LIFE TIME FITNES|CLUB DUES"],
        &GYM,
    ),
    bill(
        "YMCA",
        &["=YMCA OF {town}", "=YMCA {town}"],
        &["YMCA OF GREATER|MEMBERSHIP"],
        &GYM,
    )
    .w(2),
    bill(
        "Orangetheory Fitness",
        &["=ORANGETHEORY {d4}", "=OTF {town}"],
        &["ORANGETHEORY|MEMBERSHIP"],
        &CLASS,
    ),
    bill("F45 Training", &["=F45 TRAINING {town}"], &[], &CLASS),
    bill(
        "SoulCycle",
        &["=SOULCYCLE {town}", "=SOULCYCLE INC"],
        &[],
        &CLASS,
    ),
    bill("Pure Barre", &["=PURE BARRE {town}"], &[], &CLASS),
    bill(
        "CorePower Yoga",
        &["=COREPOWER YOGA", "=COREPOWER YOGA {town}"],
        &[],
        &CLASS,
    ),
    bill("Club Pilates", &["=CLUB PILATES {town}"], &[], &CLASS),
    bill(
        "Peloton",
        &[
            "=PELOTON* MEMBERSHIP",
            "=PELOTON INTERACTIVE",
            "=PELOTON {phone} NY",
        ],
        &[],
        &GYM,
    )
    .w(2),
    bill(
        "ClassPass",
        &["=CLASSPASS", "=CLASSPASS INC {phone}"],
        &[],
        &CLASS,
    ),
    bill(
        "Mindbody",
        &["=MINDBODY*{adj} STUDIO", "=MBO*{town} YOGA"],
        &[],
        &CLASS,
    ),
    bill("Strava", &["=STRAVA", "=STRAVA INC"], &[], &WELLNESS_APP),
    // Hair and beauty.
    store(
        "Great Clips",
        &["GREAT CLIPS #{d4}", "GREAT CLIPS {d4}"],
        &HAIR,
    )
    .w(4),
    store("Supercuts", &["SUPERCUTS #{d4}", "SUPERCUTS {town}"], &HAIR).w(2),
    store(
        "Sport Clips",
        &["SPORT CLIPS {st}{d3}", "SPORT CLIPS HAIRCUTS"],
        &HAIR,
    )
    .w(2),
    store("Fantastic Sams", &["FANTASTIC SAMS #{d4}"], &HAIR),
    store("Hair Cuttery", &["HAIR CUTTERY #{d4}"], &HAIR),
    store("Floyd's 99 Barbershop", &["FLOYDS 99 BARBERSHOP"], &HAIR),
    store("Drybar", &["DRYBAR {town}"], &HAIR),
    store("Regis Salon", &["REGIS SALON #{d4}"], &HAIR),
    store(
        "European Wax Center",
        &["EUROPEAN WAX CENTER {d3}", "EWC {town}"],
        &SPA,
    ),
    store(
        "Massage Envy",
        &["MASSAGE ENVY {d4}", "MASSAGE ENVY {town}"],
        &SPA,
    ),
    store(
        "Hand & Stone",
        &["HAND & STONE MASSAGE", "HAND AND STONE {town}"],
        &SPA,
    ),
    store("Heyday", &["HEYDAY SKINCARE"], &SPA),
    store(
        "Ulta Beauty",
        &["ULTA #{d3}", "ULTA BEAUTY {d4}", "=ULTA.COM"],
        &COSMETICS,
    )
    .w(4),
    store(
        "Sephora",
        &["SEPHORA #{d4}", "SEPHORA USA {d4}", "=SEPHORA.COM"],
        &COSMETICS,
    )
    .w(3),
    store("Sally Beauty", &["SALLY BEAUTY #{d4}"], &COSMETICS),
    store(
        "Bath & Body Works",
        &["BATH & BODY WORKS {d4}", "BATH AND BODY WORKS #{d4}"],
        &BATH,
    )
    .w(2),
    store("The Body Shop", &["THE BODY SHOP #{d3}"], &BATH),
    store("Lush", &["LUSH {town}", "LUSH COSMETICS"], &BATH),
    online("Glossier", &["=GLOSSIER", "=GLOSSIER INC"], &COSMETICS),
    online("Ipsy", &["=IPSY", "=IPSY GLAM BAG"], &COSMETICS),
    online(
        "Dollar Shave Club",
        &["=DOLLAR SHAVE CLUB", "=DOLLARSHAVECLUB.COM"],
        &BATH,
    ),
    online("Harry's", &["=HARRYS", "=HARRY'S INC"], &BATH),
    store("Palm Beach Tan", &["PALM BEACH TAN {d3}"], &TANNING),
    // Laundry and dry cleaning.
    online("Rinse", &["=RINSE INC", "=RINSE.COM"], &LAUNDRY),
    online("Poplin", &["=POPLIN LAUNDRY", "=SUDSHARE"], &LAUNDRY),
    store(
        "Tide Cleaners",
        &["TIDE CLEANERS {d3}", "TIDE DRY CLEANERS {town}"],
        &LAUNDRY,
    ),
    store("Zips Dry Cleaners", &["ZIPS DRY CLEANERS {d3}"], &LAUNDRY),
    store(
        "CSC ServiceWorks",
        &["CSC SERVICEWORKS", "=CSC SERVICEWORKS LAUNDRY"],
        &LAUNDRY,
    )
    .w(2),
    store(
        "WASH Laundry",
        &["=WASH LAUNDRY {d6}", "WASH MULTIFAMILY LAUNDR"],
        &LAUNDRY,
    ),
    online(
        "PayRange Laundry",
        &["=PAYRANGE*LAUNDRY", "=PAYRANGE *WASHER"],
        &LAUNDRY,
    ),
    // Wellness apps (online therapy with licensed clinicians is MEDICAL).
    online(
        "Headspace",
        &["=HEADSPACE", "=HEADSPACE INC", "=APPLE.COM/BILL HEADSPACE"],
        &WELLNESS_APP,
    ),
    online("Calm", &["=CALM.COM", "=CALM APP"], &WELLNESS_APP),
    online(
        "Cerebral",
        &["=CEREBRAL INC", "=CEREBRAL CARE"],
        &WELLNESS_APP,
    ),
    online("Noom", &["=NOOM INC", "=NOOM {phone} NY"], &WELLNESS_APP),
    online(
        "WeightWatchers",
        &["=WW INTERNATIONAL", "=WEIGHTWATCHERS.COM"],
        &WELLNESS_APP,
    ),
    // Generated local places.
    local(
        "{First}'s Barber Shop",
        &["{NAME}", "{first} BARBERSHOP"],
        &HAIR,
    )
    .w(4),
    local(
        "{Adj} Nails & Spa",
        &["{NAME}", "{adj} NAIL SPA", "{adj} NAILS"],
        &HAIR,
    )
    .w(4),
    local(
        "{First}'s Hair Studio",
        &["{NAME}", "{first} HAIR DESIGN"],
        &HAIR,
    )
    .w(2),
    local(
        "{Town} Dry Cleaners",
        &["{NAME}", "{town} CLEANERS"],
        &LAUNDRY,
    )
    .w(3),
    local(
        "{Adj} Coin Laundry",
        &["{NAME}", "{adj} LAUNDROMAT"],
        &LAUNDRY,
    )
    .w(2),
    local("{Adj} Day Spa", &[], &SPA).w(2),
    local("{Adj} Yoga", &["{NAME}", "{adj} YOGA STUDIO"], &CLASS).w(2),
    local("{Town} CrossFit", &["{NAME}", "CROSSFIT {town}"], &GYM),
    local("{Adj} Lash & Brow", &[], &SPA),
    local(
        "{Last} Counseling",
        &["{NAME}", "{last} LCSW", "{last} COUNSELING PLLC"],
        &COUNSELING,
    ),
    local("{Adj} Tattoo", &["{NAME}", "{adj} TATTOO CO"], &TANNING),
    local("{Town} Boxing Gym", &[], &GYM),
];
