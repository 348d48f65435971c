//! TRANSPORTATION: fuel, rideshare and taxis, public transit, parking, tolls,
//! EV charging, bikes and scooters. Car washes and repairs are Plaid's
//! GENERAL_SERVICES_AUTOMOTIVE (see `services`); intercity rail, coaches and
//! rental cars are TRAVEL.

use super::Amount::{Prices, Range};
use super::{Merchant, Profile, bill, local, online, store};

const GAS: Profile = Profile {
    mcc: &["5541", "5542"],
    amount: Range(1200, 9800),
};
const GAS_PUMP: Profile = Profile {
    mcc: &["5542"],
    amount: Range(2000, 9500),
};
const RIDESHARE: Profile = Profile {
    mcc: &["4121"],
    amount: Range(698, 7800),
};
const TRANSIT: Profile = Profile {
    mcc: &["4111"],
    amount: Range(175, 13200),
};
const TRANSIT_FARE: Profile = Profile {
    mcc: &["4111"],
    amount: Prices(&[275, 290, 250, 200, 2000, 3400, 13200, 12700, 8600]),
};
const PARKING: Profile = Profile {
    mcc: &["7523"],
    amount: Range(150, 6500),
};
const TOLLS: Profile = Profile {
    mcc: &["4784"],
    amount: Range(125, 7500),
};
const EV: Profile = Profile {
    mcc: &["5552", "4900"],
    amount: Range(350, 4800),
};
const MICROMOBILITY: Profile = Profile {
    mcc: &["4111", "4789", "7999"],
    amount: Range(100, 2500),
};
const TAXI: Profile = Profile {
    mcc: &["4121"],
    amount: Range(900, 9500),
};

pub(crate) static TRANSPORTATION: &[Merchant] = &[
    // Fuel.
    store(
        "Shell",
        &[
            "SHELL OIL {d11}",
            "SHELL OIL {d8}",
            "SHELL SERVICE STATION",
            "SHELL {d8}",
        ],
        &GAS,
    )
    .w(8),
    store(
        "Chevron",
        &["CHEVRON {d7}", "CHEVRON {d6} {town}", "CHEVRON/{d7}"],
        &GAS,
    )
    .w(6),
    store(
        "ExxonMobil",
        &["EXXONMOBIL {d8}", "EXXON {d8}", "EXXONMOBIL    {d8}"],
        &GAS,
    )
    .w(5),
    store("Mobil", &["MOBIL {d8}", "MOBIL #{d5}"], &GAS),
    store("BP", &["BP#{d7}", "BP {d7}{town}", "BP {d8}"], &GAS).w(4),
    store(
        "ARCO",
        &["ARCO #{d5}", "ARCO PAYPOINT {d5}", "ARCO{d5}"],
        &GAS,
    ),
    store("76", &["76 - {d7}", "76 {d8}", "UNION 76 {d7}"], &GAS),
    store("Valero", &["VALERO {d4}", "VALERO #{d4}"], &GAS),
    store("Sunoco", &["SUNOCO {d10}", "SUNOCO #{d5}"], &GAS),
    store("Marathon", &["MARATHON PETRO{d6}", "MARATHON {d5}"], &GAS),
    store("Speedway", &["SPEEDWAY {d5}", "SPEEDWAY #{d5}"], &GAS).w(4),
    store("Citgo", &["CITGO {d7}", "CITGO #{d5}"], &GAS),
    store("Phillips 66", &["PHILLIPS 66 - {d7}", "P66 {d7}"], &GAS),
    store("Conoco", &["CONOCO - {d7}"], &GAS),
    store("Sinclair", &["SINCLAIR #{d4}"], &GAS),
    store("Casey's", &["CASEYS #{d4}", "CASEY'S GEN STORE {d4}"], &GAS).w(3),
    store(
        "QuikTrip",
        &["QT {d4}", "QUIKTRIP #{d4}", "QT {d4} OUTSIDE"],
        &GAS,
    )
    .w(3),
    store("Wawa", &["WAWA {d4}", "WAWA #{d4}"], &GAS).w(4),
    store("Sheetz", &["SHEETZ {d4}", "SHEETZ #{d4}"], &GAS).w(3),
    store("RaceTrac", &["RACETRAC{d3}", "RACETRAC #{d3}"], &GAS),
    store(
        "Circle K",
        &["CIRCLE K {d8}", "CIRCLE K # {d5}", "CIRCLE K {d5} FUEL"],
        &GAS,
    )
    .w(3),
    store("Kwik Trip", &["KWIK TRIP {d4}", "KWIK TRIP #{d4}"], &GAS),
    store(
        "Murphy USA",
        &["MURPHY{d4}ATWALMART", "MURPHY USA {d4}"],
        &GAS,
    ),
    store(
        "Love's Travel Stop",
        &["LOVE'S #{d4} OUTSIDE", "LOVES #{d4} INSIDE"],
        &GAS,
    ),
    store(
        "Pilot Flying J",
        &["PILOT_{d5}", "FLYING J #{d5}", "PILOT {d5}"],
        &GAS,
    ),
    store(
        "TravelCenters of America",
        &["TA {d3} {town}", "TRAVELCENTERS #{d3}"],
        &GAS,
    ),
    store("Buc-ee's", &["BUC-EE'S #{d2}", "BUCEES #{d2}"], &GAS),
    store(
        "Costco Gas",
        &["COSTCO GAS #{d4}", "COSTCO GAS #{d4} {town}"],
        &GAS_PUMP,
    )
    .w(3),
    store(
        "Sam's Club Fuel",
        &["SAMSCLUB FUEL {d4}", "SAMS CLUB FUEL #{d4}"],
        &GAS_PUMP,
    ),
    store(
        "Kroger Fuel",
        &["KROGER FUEL #{d3}", "KROGER FUEL CTR {d4}"],
        &GAS_PUMP,
    ),
    store("Safeway Fuel", &["SAFEWAY FUEL {d4}"], &GAS_PUMP),
    store("Holiday Stationstores", &["HOLIDAY STNSTORE {d4}"], &GAS),
    store(
        "Cumberland Farms",
        &["CUMBERLAND FARMS {d4}", "CUMBERLAND #{d4}"],
        &GAS,
    ),
    store("GetGo", &["GETGO #{d4}", "GIANT EAGLE GETGO {d4}"], &GAS),
    store("Maverik", &["MAVERIK #{d3}"], &GAS),
    store("Thorntons", &["THORNTONS #{d3}"], &GAS),
    store("Gulf", &["GULF OIL {d8}"], &GAS),
    store("Stewart's Shops", &["STEWARTS SHOP {d3}"], &GAS),
    store("Royal Farms", &["ROYAL FARMS #{d3}"], &GAS),
    // Rideshare and taxis.
    online(
        "Uber",
        &[
            "=UBER   *TRIP HELP.UBER.COM CA",
            "=UBER *TRIP",
            "=UBER   *TRIP",
            "=UBER TRIP {a4} HELP.UBER.COM",
            "=UBER* TRIP",
            "=Uber Trip help.uber.com CA",
            "=UBER *PENDING",
        ],
        &RIDESHARE,
    )
    .w(10),
    online(
        "Lyft",
        &[
            "=LYFT   *RIDE {dow} {hour}{ampm}",
            "=LYFT *RIDE",
            "=LYFT   *RIDE {mm/dd}",
            "=LYFT *RIDE LYFT.COM CA",
        ],
        &RIDESHARE,
    )
    .w(6),
    online("Curb", &["=CURB MOBILITY {phone}", "=CURB NYC TAXI"], &TAXI),
    online(
        "Via",
        &["=VIA RIDESHARE {town}", "=RIDEWITHVIA"],
        &RIDESHARE,
    ),
    online("Waymo", &["=WAYMO", "=WAYMO LLC {town} {st}"], &RIDESHARE),
    local("{Town} Yellow Cab", &["{NAME}", "YELLOW CAB {town}"], &TAXI),
    store(
        "NYC Taxi",
        &["=NYC TAXI {d4}", "=NYC-TAXI {d4} {d6}", "TAXI SVC NYC"],
        &TAXI,
    ),
    store("Flywheel Taxi", &["FLYWHEEL TAXI"], &TAXI),
    // Public transit.
    online(
        "MTA New York City Transit",
        &[
            "=MTA*NYCT PAYGO",
            "=MTA*NYCT PAYGO NEW YORK NY",
            "=OMNY MTA NYCT",
            "=MTA*METROCARD MACHINE",
        ],
        &TRANSIT_FARE,
    )
    .w(4),
    online(
        "MTA LIRR",
        &["=MTA*LIRR ETIX", "=MTA LIRR TVM {d4}"],
        &TRANSIT,
    ),
    online(
        "Metro-North",
        &["=MTA*MNR ETIX", "=MTA MNR STATION TIX"],
        &TRANSIT,
    ),
    online(
        "NJ Transit",
        &[
            "=NJT RAIL MOBILE",
            "=NJ TRANSIT {d5}",
            "=NJTRANSIT MOBILE APP",
        ],
        &TRANSIT,
    ),
    online("BART", &["=BART-CLIPPER", "=BART {town} CA"], &TRANSIT),
    online(
        "Clipper",
        &["=CLIPPER SERVICE CONCORD CA", "=CLIPPER CARD {phone}"],
        &TRANSIT,
    ),
    online(
        "WMATA",
        &["=WMATA-SMARTRIP", "=WMATA MOBILE", "=WMATA {town} DC"],
        &TRANSIT,
    ),
    online("SEPTA", &["=SEPTA KEY", "=SEPTA {d6}"], &TRANSIT),
    online(
        "MBTA",
        &["=MBTA CHARLIE CARD", "=MBTA MTICKET", "=MBTA {town} MA"],
        &TRANSIT,
    ),
    online(
        "CTA Ventra",
        &["=CTA VENTRA {phone} IL", "=VENTRA CTA"],
        &TRANSIT,
    ),
    online(
        "LA Metro",
        &["=LA METRO TAP", "=LACMTA TAP VENDING"],
        &TRANSIT,
    ),
    online("TriMet", &["=TRIMET HOP FASTPASS", "=TRIMET TVM"], &TRANSIT),
    online(
        "ORCA",
        &["=ORCA CARD KING CO", "=SOUND TRANSIT ORCA"],
        &TRANSIT,
    ),
    online("MARTA", &["=MARTA BREEZE", "=MARTA TVM {d3}"], &TRANSIT),
    online(
        "DART",
        &["=DART GOPASS", "=DALLAS AREA RAPID TRA"],
        &TRANSIT,
    ),
    online(
        "Caltrain",
        &["=CALTRAIN TVM", "=CALTRAIN MOBILE TKT"],
        &TRANSIT,
    ),
    online(
        "RTD Denver",
        &["=RTD MOBILE TICKETS", "=RTD DENVER TVM"],
        &TRANSIT,
    ),
    online("PATH", &["=PATH TAPP", "=PANYNJ PATH {d4}"], &TRANSIT),
    online("Metra", &["=METRA VENTRA APP", "=METRA TICKET"], &TRANSIT),
    // Parking.
    online(
        "ParkMobile",
        &["=PARKMOBILE", "=PARKMOBILE-{d2}", "=PMUSA {town}"],
        &PARKING,
    )
    .w(4),
    online("SpotHero", &["=SPOTHERO", "=SPOTHERO*{a8}"], &PARKING),
    online(
        "PayByPhone",
        &["=PAYBYPHONE {town}", "=PAYBYPHONE PARKING"],
        &PARKING,
    ),
    online("ParkWhiz", &["=PARKWHIZ INC", "=PARKWHIZ*{a6}"], &PARKING),
    store(
        "LAZ Parking",
        &["LAZ PARKING {d6}", "LAZ PARKING-{d3}"],
        &PARKING,
    ),
    store(
        "SP+ Parking",
        &["SP PLUS PARKING {d4}", "SP+ {town}", "SP+ PARKING {d4}"],
        &PARKING,
    ),
    store(
        "ABM Parking",
        &["ABM PARKING {d4}", "ABM ONSITE {town}"],
        &PARKING,
    ),
    store("Impark", &["IMPARK{d5}", "IMPARK {town}"], &PARKING),
    store("Premium Parking", &["PREMIUM PARKING - P{d4}"], &PARKING),
    store("Diamond Parking", &["DIAMOND PARKING {d3}"], &PARKING),
    bill(
        "{Town} Parking Authority",
        &["{NAME}", "{town} PARKING AUTH", "{town} PARKING METERS"],
        &[],
        &PARKING,
    )
    .w(3),
    store(
        "Airport Parking",
        &[
            "ATL AIRPORT PARKING",
            "SFO PARKING",
            "DEN AIRPORT PARKING",
            "ORD PARKING {d4}",
        ],
        &PARKING,
    ),
    // Tolls.
    bill(
        "E-ZPass",
        &[
            "=E-ZPASS NY REBILL",
            "=EZPASS NJ {phone}",
            "=E-ZPASSNY REBILL {phone} NY",
            "=EZ PASS MA",
            "=E-ZPASS VA WEB",
        ],
        &["E-ZPASS|REBILL"],
        &TOLLS,
    )
    .w(4),
    bill(
        "FasTrak",
        &[
            "=FASTRAK CSC {phone} CA",
            "=BAY AREA FASTRAK",
            "=FASTRAK TOLL",
        ],
        &["FASTRAK|AUTOPAY"],
        &TOLLS,
    ),
    bill(
        "SunPass",
        &["=SUNPASS*ACC{d8}", "=SUNPASS {phone} FL"],
        &["SUNPASS|REPLENISH"],
        &TOLLS,
    ),
    bill("TxTag", &["=TXTAG {phone} TX", "=TXTAG.ORG"], &[], &TOLLS),
    bill(
        "NTTA TollTag",
        &["=NTTA AUTOCHARGE", "=NTTA TOLLTAG {phone}"],
        &["NTTA|AUTOCHARGE"],
        &TOLLS,
    ),
    bill(
        "Illinois Tollway",
        &["=IL TOLLWAY-AUTOREPLENI", "=ILLINOIS TOLLWAY I-PASS"],
        &[],
        &TOLLS,
    ),
    bill(
        "Pennsylvania Turnpike",
        &["=PA TURNPIKE TOLL BY PLATE", "=PA TURNPIKE EZPASS"],
        &[],
        &TOLLS,
    ),
    bill(
        "Good To Go",
        &["=WSDOT GOOD TO GO", "=GOODTOGO WSDOT {phone}"],
        &[],
        &TOLLS,
    ),
    bill(
        "Peach Pass",
        &["=PEACH PASS {phone} GA", "=SRTA PEACH PASS"],
        &[],
        &TOLLS,
    ),
    bill(
        "HCTRA EZ TAG",
        &["=HCTRA EZ TAG REBILL", "=HCTRA {phone} TX"],
        &[],
        &TOLLS,
    ),
    bill(
        "Toll By Plate",
        &["=TOLL BY PLATE {d8}", "=TOLLBYPLATE {st}"],
        &[],
        &TOLLS,
    ),
    bill(
        "The Toll Roads",
        &["=THE TOLL ROADS {phone} CA", "=TCA TOLL ROADS"],
        &[],
        &TOLLS,
    ),
    // EV charging.
    online(
        "Tesla Supercharger",
        &[
            "=TESLA SUPERCHARGER US",
            "=TESLA INC SUPERCHARGER",
            "=TESLA *SUPERCHARGER",
        ],
        &EV,
    )
    .w(3),
    online(
        "ChargePoint",
        &["=CHARGEPOINT", "=CHARGEPOINT INC {phone}"],
        &EV,
    ),
    online("EVgo", &["=EVGO {d5}", "=EVGO SERVICES LLC"], &EV),
    online(
        "Electrify America",
        &["=ELECTRIFY AMERICA", "=ELECTRIFYAMERICA {d6}"],
        &EV,
    ),
    online(
        "Blink Charging",
        &["=BLINK CHARGING", "=BLINK NETWORK"],
        &EV,
    ),
    // Bikes and scooters.
    online(
        "Lime",
        &["=LIME*RIDE {a6}", "=LIME*{d3} RIDE", "=LIME RIDE"],
        &MICROMOBILITY,
    ),
    online(
        "Bird",
        &["=BIRD APP* RIDE", "=BIRD RIDES INC"],
        &MICROMOBILITY,
    ),
    online(
        "Citi Bike",
        &["=CITI BIKE", "=LYFT *CITI BIKE", "=CITIBIKE {phone}"],
        &MICROMOBILITY,
    ),
    online("Divvy", &["=DIVVY BIKES", "=LYFT *DIVVY"], &MICROMOBILITY),
    online(
        "Bay Wheels",
        &["=LYFT *BAY WHEELS", "=BAYWHEELS"],
        &MICROMOBILITY,
    ),
    online("Capital Bikeshare", &["=CAPITAL BIKESHARE"], &MICROMOBILITY),
    // Generated local ones.
    local("{Adj} Gas & Go", &["{NAME}", "{adj} GAS {d4}"], &GAS).w(2),
    local("{Town} Fuel Stop", &[], &GAS),
    local(
        "{Street} St Garage",
        &["{NAME}", "{street} GARAGE"],
        &PARKING,
    ),
];
