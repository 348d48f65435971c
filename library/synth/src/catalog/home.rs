//! HOME_IMPROVEMENT: hardware and building supply, furniture and home
//! furnishing, repair and maintenance trades, home security, pest control.

use super::Amount::{Prices, Range};
use super::{Merchant, Profile, bill, local, online, store};

const HOME_CENTER: Profile = Profile {
    mcc: &["5200"],
    amount: Range(399, 65000),
};
const HARDWARE: Profile = Profile {
    mcc: &["5251", "5072"],
    amount: Range(299, 22000),
};
const LUMBER: Profile = Profile {
    mcc: &["5211", "5039"],
    amount: Range(1500, 180000),
};
const PAINT: Profile = Profile {
    mcc: &["5231", "5198"],
    amount: Range(1899, 45000),
};
const FLOORING: Profile = Profile {
    mcc: &["5713"],
    amount: Range(4500, 450000),
};
const FURNITURE: Profile = Profile {
    mcc: &["5712"],
    amount: Range(2999, 350000),
};
const FURNISHINGS: Profile = Profile {
    mcc: &["5719", "5712"],
    amount: Range(999, 60000),
};
const APPLIANCES: Profile = Profile {
    mcc: &["5722"],
    amount: Range(4999, 280000),
};
const GARDEN: Profile = Profile {
    mcc: &["5261"],
    amount: Range(699, 35000),
};
const CONTRACTOR: Profile = Profile {
    mcc: &["1520", "1711", "1731", "1750", "1799"],
    amount: Range(9500, 1250000),
};
const PLUMBING: Profile = Profile {
    mcc: &["1711"],
    amount: Range(9500, 250000),
};
const ROOFING: Profile = Profile {
    mcc: &["1761"],
    amount: Range(35000, 1800000),
};
const LANDSCAPING: Profile = Profile {
    mcc: &["0780"],
    amount: Range(4500, 95000),
};
const CLEANING: Profile = Profile {
    mcc: &["7349", "7217"],
    amount: Range(8900, 45000),
};
const PEST: Profile = Profile {
    mcc: &["7342"],
    amount: Prices(&[4900, 5900, 8900, 12500, 14900, 19900, 29500]),
};
const SECURITY: Profile = Profile {
    mcc: &["7393", "4814", "5732"],
    amount: Prices(&[999, 1999, 2999, 3999, 4499, 4999, 5799, 9999]),
};
const REPAIR: Profile = Profile {
    mcc: &["7699", "7623", "7629"],
    amount: Range(7500, 95000),
};
const POOL: Profile = Profile {
    mcc: &["5996", "7699"],
    amount: Range(8500, 65000),
};

pub(crate) static HOME_IMPROVEMENT: &[Merchant] = &[
    // Home centers and hardware.
    store(
        "The Home Depot",
        &[
            "THE HOME DEPOT #{d4}",
            "THE HOME DEPOT {d4}",
            "HOME DEPOT {d4}",
            "=HOMEDEPOT.COM 800-430-3376 GA",
        ],
        &HOME_CENTER,
    )
    .w(10),
    store(
        "Lowe's",
        &[
            "LOWES #{d5}*",
            "LOWE'S #{d4}",
            "LOWES #{d5}",
            "=LOWES.COM {phone} NC",
        ],
        &HOME_CENTER,
    )
    .w(8),
    store(
        "Menards",
        &["MENARDS {town} {st}", "MENARDS {d4}"],
        &HOME_CENTER,
    )
    .w(3),
    store(
        "Ace Hardware",
        &[
            "ACE HARDWARE {d5}",
            "ACE HDWE #{d5}",
            "ACE HARDWARE OF {town}",
        ],
        &HARDWARE,
    )
    .w(4),
    store(
        "True Value",
        &["TRUE VALUE {town}", "TRUE VALUE HDWE {d5}"],
        &HARDWARE,
    ),
    store("Do it Best", &["DO IT BEST HDW {d5}"], &HARDWARE),
    store(
        "Harbor Freight",
        &["HARBOR FREIGHT TOOLS {d4}", "HARBOR FREIGHT #{d4}"],
        &HARDWARE,
    )
    .w(2),
    store("Northern Tool", &["NORTHERN TOOL {d3}"], &HARDWARE),
    store(
        "Sherwin-Williams",
        &["SHERWIN-WILLIAMS {d6}", "SHERWIN WILLIAMS #{d4}"],
        &PAINT,
    ),
    store("Benjamin Moore", &["BENJAMIN MOORE {town}"], &PAINT),
    store("Behr Paint", &["BEHR PAINT CENTER"], &PAINT),
    store(
        "Floor & Decor",
        &["FLOOR & DECOR {d3}", "FLOOR AND DECOR #{d3}"],
        &FLOORING,
    ),
    store(
        "LL Flooring",
        &["LL FLOORING #{d4}", "LUMBER LIQUIDATORS {d4}"],
        &FLOORING,
    ),
    store("84 Lumber", &["84 LUMBER {d4}"], &LUMBER),
    store(
        "Builders FirstSource",
        &["BUILDERS FIRSTSOURCE {d4}"],
        &LUMBER,
    ),
    store(
        "Ferguson",
        &["FERGUSON ENT #{d4}", "FERGUSON PLUMBING SUPPLY"],
        &HARDWARE,
    ),
    store("Grainger", &["GRAINGER {d9}", "W W GRAINGER"], &HARDWARE),
    // Furniture and furnishings.
    store(
        "IKEA",
        &["IKEA {town}", "IKEA US {d3}", "=IKEA.COM {d9}"],
        &FURNITURE,
    )
    .w(4),
    online(
        "Wayfair",
        &["=WAYFAIR*{a10}", "=WAYFAIR {phone} MA", "=Wayfair*{a10}"],
        &FURNITURE,
    )
    .w(4),
    store(
        "Ashley Furniture",
        &["ASHLEY FURNITURE {d4}", "ASHLEY HOMESTORE #{d3}"],
        &FURNITURE,
    ),
    store(
        "Pottery Barn",
        &["POTTERY BARN {d4}", "=POTTERYBARN.COM"],
        &FURNITURE,
    ),
    store("West Elm", &["WEST ELM {d4}", "=WESTELM.COM"], &FURNITURE),
    store(
        "Crate & Barrel",
        &["CRATE & BARREL #{d3}", "CRATE&BARREL {town}"],
        &FURNITURE,
    ),
    store(
        "RH",
        &["RH {town}", "RESTORATION HARDWARE {d3}"],
        &FURNITURE,
    ),
    store("Rooms To Go", &["ROOMS TO GO #{d3}"], &FURNITURE),
    store("La-Z-Boy", &["LA-Z-BOY FURNITURE {d3}"], &FURNITURE),
    store(
        "Bob's Discount Furniture",
        &["BOBS DISCOUNT FURN {d3}"],
        &FURNITURE,
    ),
    store("Living Spaces", &["LIVING SPACES {town}"], &FURNITURE),
    store("Havertys", &["HAVERTYS #{d3}"], &FURNITURE),
    store(
        "Mattress Firm",
        &["MATTRESS FIRM #{d4}", "MATTRESSFIRM {d4}"],
        &FURNITURE,
    ),
    online("Casper", &["=CASPER SLEEP", "=CASPER.COM"], &FURNITURE),
    online(
        "Purple",
        &["=PURPLE INNOVATION", "=PURPLE.COM {phone} UT"],
        &FURNITURE,
    ),
    store(
        "HomeGoods",
        &["HOMEGOODS #{d4}", "HOMEGOODS {d4}"],
        &FURNISHINGS,
    )
    .w(3),
    store("At Home", &["AT HOME STORE #{d3}"], &FURNISHINGS),
    store("Kirkland's", &["KIRKLANDS #{d3}"], &FURNISHINGS),
    store("Pier 1", &["PIER 1 IMPORTS {d4}"], &FURNISHINGS),
    store(
        "Williams-Sonoma",
        &["WILLIAMS-SONOMA {d3}", "=WILLIAMS SONOMA.COM"],
        &FURNISHINGS,
    ),
    store("Sur La Table", &["SUR LA TABLE #{d3}"], &FURNISHINGS),
    online(
        "Overstock",
        &["=OVERSTOCK.COM", "=BEYOND INC OVERSTOCK"],
        &FURNITURE,
    ),
    store("Lamps Plus", &["LAMPS PLUS #{d2}"], &FURNISHINGS),
    store(
        "Pacific Sales",
        &["PACIFIC SALES {d3}", "PACIFIC SALES KITCHEN"],
        &APPLIANCES,
    ),
    store("AJ Madison", &["AJ MADISON", "AJMADISON.COM"], &APPLIANCES),
    store("Calloway's Nursery", &["CALLOWAYS NURSERY #{d2}"], &GARDEN),
    store(
        "Armstrong Garden Centers",
        &["ARMSTRONG GARDEN {d2}"],
        &GARDEN,
    ),
    store("Pike Nurseries", &["PIKE NURSERIES #{d2}"], &GARDEN),
    // Trades, repair and maintenance.
    bill(
        "Terminix",
        &["=TERMINIX {d4}", "=TERMINIX INTL {phone}"],
        &["TERMINIX|PEST CTRL"],
        &PEST,
    ),
    bill(
        "Orkin",
        &["=ORKIN #{d3}", "=ORKIN PEST CONTROL"],
        &["ORKIN LLC|ORKIN PMT"],
        &PEST,
    ),
    bill(
        "Aptive Pest Control",
        &["=APTIVE ENVIRONMENTAL"],
        &["APTIVE ENVIRONME|PAYMENT"],
        &PEST,
    ),
    bill(
        "TruGreen",
        &["=TRUGREEN {d5}", "=TRUGREEN LP {phone}"],
        &["TRUGREEN LP|TRUGREEN"],
        &LANDSCAPING,
    ),
    store(
        "Roto-Rooter",
        &["ROTO-ROOTER {town}", "ROTO ROOTER #{d3}"],
        &PLUMBING,
    ),
    store("Mr. Rooter", &["MR ROOTER PLUMBING {town}"], &PLUMBING),
    store("Mr. Handyman", &["MR HANDYMAN OF {town}"], &REPAIR),
    store(
        "Sears Home Services",
        &["SEARS HOME SVCS", "SEARS HOME SERVICES {d6}"],
        &REPAIR,
    ),
    online(
        "Angi",
        &["=ANGI*{a8}", "=ANGIES LIST", "=HOMEADVISOR*{a8}"],
        &CONTRACTOR,
    ),
    online("Thumbtack", &["=THUMBTACK*{a8}"], &CONTRACTOR),
    store("Servpro", &["SERVPRO OF {town}"], &CLEANING),
    store("Stanley Steemer", &["STANLEY STEEMER {d3}"], &CLEANING),
    store("Molly Maid", &["MOLLY MAID OF {town}"], &CLEANING),
    store(
        "Leslie's Pool Supplies",
        &["LESLIES POOL #{d3}", "LESLIE'S POOL SUPPLY"],
        &POOL,
    ),
    // Home security.
    bill(
        "ADT",
        &["=ADT SECURITY {phone}", "=ADT*SECURITY SERVICES"],
        &["ADT SECURITY|ADT PMT", "ADT|AUTOPAY"],
        &SECURITY,
    ),
    bill(
        "SimpliSafe",
        &["=SIMPLISAFE", "=SIMPLISAFE.COM {phone} MA"],
        &[],
        &SECURITY,
    ),
    bill(
        "Vivint",
        &["=VIVINT {phone} UT"],
        &["VIVINT INC|VIVINT"],
        &SECURITY,
    ),
    bill(
        "Ring",
        &[
            "=RING YEARLY PLAN",
            "=RING BASIC PLAN",
            "=RING PROTECT {a9}",
        ],
        &[],
        &SECURITY,
    ),
    bill(
        "Brinks Home",
        &["=BRINKS HOME SECURITY"],
        &["BRINKS HOME|MONITORING"],
        &SECURITY,
    ),
    // Generated local trades.
    local("{Last} Hardware", &["{NAME}", "{last} HDWE"], &HARDWARE).w(3),
    local(
        "{Last} Plumbing",
        &["{NAME}", "{last} PLUMBING & HEATING"],
        &PLUMBING,
    )
    .w(2),
    local("{Last} Roofing", &[], &ROOFING),
    local(
        "{Last} Electric",
        &["{NAME}", "{last} ELECTRIC LLC"],
        &CONTRACTOR,
    ),
    local(
        "{Adj} Lawn Care",
        &["{NAME}", "{adj} LAWN & LANDSCAPE"],
        &LANDSCAPING,
    )
    .w(2),
    local(
        "{Last} HVAC",
        &["{NAME}", "{last} HEATING & AIR"],
        &CONTRACTOR,
    ),
    local(
        "{Last} Construction",
        &["{NAME}", "{last} CONSTRUCTION LLC"],
        &CONTRACTOR,
    ),
    local("{Adj} Pest Control", &[], &PEST),
    local(
        "{Last} Furniture",
        &["{NAME}", "{last} FURNITURE CO"],
        &FURNITURE,
    ),
    local("{Town} Lumber", &[], &LUMBER),
    local(
        "{Adj} Cleaning Services",
        &["{NAME}", "{adj} CLEANING"],
        &CLEANING,
    ),
    local("{Last} Handyman Services", &[], &REPAIR),
    local("{Town} Garden Center", &[], &GARDEN),
];
