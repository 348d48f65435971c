//! TRAVEL: flights, lodging, rental cars and trucks, booking sites, cruises,
//! intercity rail and coaches. Airline lines carry the carrier's ticket-stock
//! prefix (Delta 006, United 016…) and their own MCC in 3000–3299 where the
//! carrier has one.

use super::Amount::Range;
use super::{Merchant, Profile, local, online, store};

const FLIGHT: Profile = Profile {
    mcc: &["4511"],
    amount: Range(3500, 145000),
};
const HOTEL: Profile = Profile {
    mcc: &["7011"],
    amount: Range(8900, 185000),
};
const RENTAL_CAR: Profile = Profile {
    mcc: &["7512"],
    amount: Range(3900, 98000),
};
const TRUCK: Profile = Profile {
    mcc: &["7513"],
    amount: Range(2995, 65000),
};
const AGENCY: Profile = Profile {
    mcc: &["4722"],
    amount: Range(4500, 320000),
};
const CRUISE: Profile = Profile {
    mcc: &["4411"],
    amount: Range(25000, 600000),
};
const RAIL: Profile = Profile {
    mcc: &["4112"],
    amount: Range(1500, 42000),
};
const COACH: Profile = Profile {
    mcc: &["4131"],
    amount: Range(999, 15000),
};
const TRAVEL_MISC: Profile = Profile {
    mcc: &["4722", "4789"],
    amount: Range(1500, 25000),
};

// Airlines with their own ISO 18245 code.
const UNITED: Profile = Profile {
    mcc: &["3000", "4511"],
    amount: Range(4900, 145000),
};
const AMERICAN: Profile = Profile {
    mcc: &["3001", "4511"],
    amount: Range(4900, 145000),
};
const DELTA: Profile = Profile {
    mcc: &["3058", "4511"],
    amount: Range(4900, 145000),
};
const SOUTHWEST: Profile = Profile {
    mcc: &["3066", "4511"],
    amount: Range(3900, 85000),
};
const JETBLUE: Profile = Profile {
    mcc: &["3174", "4511"],
    amount: Range(3900, 95000),
};
const ALASKA: Profile = Profile {
    mcc: &["3256", "4511"],
    amount: Range(3900, 95000),
};
const BRITISH: Profile = Profile {
    mcc: &["3005", "4511"],
    amount: Range(25000, 220000),
};
const AIR_FRANCE: Profile = Profile {
    mcc: &["3007", "4511"],
    amount: Range(25000, 220000),
};
const LUFTHANSA: Profile = Profile {
    mcc: &["3008", "4511"],
    amount: Range(25000, 220000),
};
const AIR_CANADA: Profile = Profile {
    mcc: &["3009", "4511"],
    amount: Range(12000, 150000),
};
const KLM: Profile = Profile {
    mcc: &["3010", "4511"],
    amount: Range(25000, 220000),
};
const HILTON: Profile = Profile {
    mcc: &["3504", "7011"],
    amount: Range(11900, 185000),
};
const MARRIOTT: Profile = Profile {
    mcc: &["3509", "7011"],
    amount: Range(11900, 185000),
};
const HYATT: Profile = Profile {
    mcc: &["3640", "7011"],
    amount: Range(13900, 185000),
};
const HERTZ: Profile = Profile {
    mcc: &["3357", "7512"],
    amount: Range(4900, 98000),
};
const AVIS: Profile = Profile {
    mcc: &["3389", "7512"],
    amount: Range(4900, 98000),
};
const ENTERPRISE: Profile = Profile {
    mcc: &["3405", "7512"],
    amount: Range(4900, 98000),
};

pub(crate) static TRAVEL: &[Merchant] = &[
    // Airlines.
    online(
        "Delta Air Lines",
        &[
            "=DELTA AIR 006{d10}",
            "=DELTA AIR LINES ATLANTA",
            "=DELTA 006{d10} DELTA.COM CA",
        ],
        &DELTA,
    )
    .w(5),
    online(
        "United Airlines",
        &[
            "=UNITED 016{d10}",
            "=UNITED 016{d10} UNITED.COM TX",
            "=UNITED AIRLINES HOUSTON TX",
        ],
        &UNITED,
    )
    .w(5),
    online(
        "American Airlines",
        &[
            "=AMERICAN AIR001{d10}",
            "=AMERICAN AIR001{d10} FORT WORTH TX",
            "=AA INFLIGHT {d6}",
        ],
        &AMERICAN,
    )
    .w(5),
    online(
        "Southwest Airlines",
        &[
            "=SOUTHWES {d10}",
            "=SOUTHWEST AIRLINES (526) DALLAS TX",
            "=SOUTHWES 526{d10} 800-435-9792 TX",
        ],
        &SOUTHWEST,
    )
    .w(5),
    online(
        "JetBlue",
        &[
            "=JETBLUE 279{d10}",
            "=JETBLUE 279{d10} SALT LAKE CTY UT",
            "=JETBLUE AIRWAYS",
        ],
        &JETBLUE,
    ),
    online(
        "Alaska Airlines",
        &["=ALASKA AIR 027{d10}", "=ALASKA AIRLINES SEATTLE WA"],
        &ALASKA,
    ),
    online(
        "Spirit Airlines",
        &[
            "=SPIRIT AIRL 487{d10}",
            "=SPIRIT AIRLINES MIRAMAR FL",
            "=SPIRIT AIR CARRY-ON",
        ],
        &FLIGHT,
    ),
    online(
        "Frontier Airlines",
        &["=FRONTIER AI 422{d10}", "=FRONTIER AIRLINES DENVER CO"],
        &FLIGHT,
    ),
    online(
        "Hawaiian Airlines",
        &["=HAWAIIAN AIR 173{d10}", "=HAWAIIAN AIRLINES HONOLULU HI"],
        &FLIGHT,
    ),
    online(
        "Allegiant Air",
        &["=ALLEGIANT AIR {a6}", "=ALLEGIANT AIR LAS VEGAS NV"],
        &FLIGHT,
    ),
    online(
        "Sun Country Airlines",
        &["=SUN COUNTRY AIR 337{d10}"],
        &FLIGHT,
    ),
    online(
        "Breeze Airways",
        &["=BREEZE AIRWAYS {a6}", "=BREEZE AIRWAYS COTTONWOOD UT"],
        &FLIGHT,
    ),
    online("Avelo Airlines", &["=AVELO AIRLINES {a6}"], &FLIGHT),
    online(
        "British Airways",
        &["=BRITISH A 125{d10}", "=BRITISH AIRWAYS LONDON"],
        &BRITISH,
    ),
    online(
        "Air France",
        &["=AIR FRANCE 057{d10}", "=AIR FRANCE PARIS"],
        &AIR_FRANCE,
    ),
    online(
        "Lufthansa",
        &["=LUFTHANSA 220{d10}", "=DEUTSCHE LUFTHANSA"],
        &LUFTHANSA,
    ),
    online(
        "Air Canada",
        &["=AIR CANADA 014{d10}", "=AIR CAN* {a6}"],
        &AIR_CANADA,
    ),
    online("KLM", &["=KLM 074{d10}", "=KLM ROYAL DUTCH AIRL"], &KLM),
    online(
        "Emirates",
        &["=EMIRATES 176{d10}", "=EMIRATES AIRLINE DUBAI"],
        &FLIGHT,
    ),
    online(
        "Qatar Airways",
        &["=QATAR AIR 157{d10}", "=QATAR AIRWAYS DOHA"],
        &FLIGHT,
    ),
    online("Aer Lingus", &["=AER LINGUS 053{d10}"], &FLIGHT),
    online("Virgin Atlantic", &["=VIRGIN ATL 932{d10}"], &FLIGHT),
    online(
        "Gogo Inflight",
        &["=GOGO INFLIGHT INTERNET", "=GOGOAIR.COM"],
        &TRAVEL_MISC,
    ),
    // Hotels: chain brands print the property name after the brand.
    store(
        "Marriott",
        &[
            "MARRIOTT {town}",
            "MARRIOTT {town} DOWNTOWN",
            "MARRIOTT HOTELS {d5}",
        ],
        &MARRIOTT,
    )
    .w(4),
    store(
        "Courtyard by Marriott",
        &["COURTYARD {town}", "COURTYARD BY MARRIOTT {d4}"],
        &MARRIOTT,
    ),
    store("Residence Inn", &["RESIDENCE INN {town}"], &MARRIOTT),
    store(
        "Fairfield Inn",
        &["FAIRFIELD INN {town}", "FAIRFIELD INN & SUITES"],
        &MARRIOTT,
    ),
    store(
        "Sheraton",
        &["SHERATON {town}", "SHERATON HOTELS {d4}"],
        &MARRIOTT,
    ),
    store("Westin", &["WESTIN {town}", "THE WESTIN {town}"], &MARRIOTT),
    store(
        "Hilton",
        &["HILTON {town}", "HILTON HOTELS {d5}", "=HILTON.COM"],
        &HILTON,
    )
    .w(4),
    store(
        "Hampton Inn",
        &["HAMPTON INN {town}", "HAMPTON INNS {d4}"],
        &HILTON,
    )
    .w(3),
    store(
        "Hilton Garden Inn",
        &["HILTON GARDEN INN {town}", "HGI {town}"],
        &HILTON,
    ),
    store(
        "DoubleTree",
        &["DOUBLETREE {town}", "DOUBLETREE BY HILTON"],
        &HILTON,
    ),
    store("Embassy Suites", &["EMBASSY SUITES {town}"], &HILTON),
    store(
        "Hyatt",
        &[
            "HYATT REGENCY {town}",
            "HYATT PLACE {town}",
            "HYATT HOTELS {d4}",
        ],
        &HYATT,
    ),
    store(
        "Holiday Inn",
        &[
            "HOLIDAY INN {town}",
            "HOLIDAY INN EXPRESS {town}",
            "HOLIDAY INN EXP {d4}",
        ],
        &HOTEL,
    )
    .w(3),
    store(
        "Best Western",
        &["BEST WESTERN {town}", "BEST WESTERN PLUS {d5}"],
        &HOTEL,
    ),
    store(
        "La Quinta",
        &["LA QUINTA INN {d4}", "LA QUINTA {town}"],
        &HOTEL,
    ),
    store("Motel 6", &["MOTEL 6 #{d4}", "MOTEL 6 {town}"], &HOTEL),
    store("Days Inn", &["DAYS INN {town}"], &HOTEL),
    store("Super 8", &["SUPER 8 {town}", "SUPER 8 MOTEL {d5}"], &HOTEL),
    store(
        "Comfort Inn",
        &["COMFORT INN {town}", "COMFORT INN & SUITES"],
        &HOTEL,
    ),
    store("Red Roof Inn", &["RED ROOF INN #{d3}"], &HOTEL),
    store(
        "Extended Stay America",
        &["EXTENDED STAY AMERICA {d3}", "EXTENDED STAY {town}"],
        &HOTEL,
    ),
    store("Kimpton", &["KIMPTON {town}", "KIMPTON HOTEL {d4}"], &HOTEL),
    store(
        "Wyndham",
        &["WYNDHAM {town}", "WYNDHAM HOTELS {d5}"],
        &HOTEL,
    ),
    store("Four Seasons", &["FOUR SEASONS {town}"], &HOTEL),
    store(
        "MGM Grand Hotel",
        &["=MGM GRAND HOTEL LAS VEGAS NV", "=MGM GRAND FRONT DESK"],
        &HOTEL,
    ),
    online(
        "Airbnb",
        &[
            "=AIRBNB * {a10}",
            "=AIRBNB HMQ{a7}",
            "=Airbnb * {a10} 415-800-5959 CA",
        ],
        &HOTEL,
    )
    .w(5),
    online(
        "Vrbo",
        &["=VRBO *{a8}", "=VRBO.COM {phone} TX", "=HOMEAWAY.COM"],
        &HOTEL,
    ),
    online("Hipcamp", &["=HIPCAMP", "=HIPCAMP.COM"], &HOTEL),
    online(
        "Recreation.gov campsite",
        &["=RECREATION.GOV", "=RECREATION.GOV {phone}"],
        &TRAVEL_MISC,
    ),
    // Booking sites and agencies.
    online(
        "Expedia",
        &[
            "=EXPEDIA {d13}",
            "=EXPEDIA*{d13} EXPEDIA.COM WA",
            "=Expedia {d13}",
        ],
        &AGENCY,
    )
    .w(4),
    online(
        "Booking.com",
        &[
            "=BOOKING.COM",
            "=BOOKING.COM AMSTERDAM",
            "=Booking.com Hotel",
        ],
        &AGENCY,
    )
    .w(3),
    online(
        "Hotels.com",
        &["=HOTELS.COM {d12}", "=HOTELSCOM*{d10}"],
        &AGENCY,
    ),
    online(
        "Priceline",
        &["=PRICELINE*{a6}", "=PRICELINE.COM {phone} CT"],
        &AGENCY,
    ),
    online("Kayak", &["=KAYAK.COM", "=KAYAK*{a8}"], &AGENCY),
    online("Hopper", &["=HOPPER*{a8}", "=HOPPER INC"], &AGENCY),
    online("Travelocity", &["=TRAVELOCITY*{d12}"], &AGENCY),
    online("Orbitz", &["=ORBITZ*{d12}", "=ORBITZ.COM"], &AGENCY),
    online("Trip.com", &["=TRIP.COM", "=TRIP.COM TRAVEL SG"], &AGENCY),
    online("Agoda", &["=AGODA.COM", "=AGODA *{a8}"], &AGENCY),
    online("Viator", &["=VIATOR*{a8}", "=VIATOR TOURS"], &TRAVEL_MISC),
    online(
        "GetYourGuide",
        &["=GETYOURGUIDE", "=GYG*{a8}"],
        &TRAVEL_MISC,
    ),
    // Cruises.
    online(
        "Carnival Cruise Line",
        &["=CARNIVAL CRUISE LINE", "=CARNIVAL CRUISE {d6}"],
        &CRUISE,
    ),
    online(
        "Royal Caribbean",
        &["=ROYAL CARIBBEAN CRUISES", "=ROYAL CARIBBEAN {phone} FL"],
        &CRUISE,
    ),
    online(
        "Norwegian Cruise Line",
        &["=NORWEGIAN CRUISE LINE", "=NCL {phone} FL"],
        &CRUISE,
    ),
    // Rental cars and trucks.
    store(
        "Hertz",
        &["HERTZ RENT-A-CAR", "HERTZ RENT A CAR {d6}", "=HERTZ.COM"],
        &HERTZ,
    )
    .w(3),
    store(
        "Avis",
        &["AVIS RENT A CAR {d6}", "AVIS.COM PREPAY", "AVIS RENT-A-CAR"],
        &AVIS,
    )
    .w(3),
    store(
        "Enterprise Rent-A-Car",
        &["ENTERPRISE RENT-A-CAR", "ENTERPRISE RENT A CAR {d6}"],
        &ENTERPRISE,
    )
    .w(3),
    store(
        "National Car Rental",
        &["NATIONAL CAR RENTAL", "NATIONAL CAR {d6}"],
        &RENTAL_CAR,
    ),
    store(
        "Budget Rent A Car",
        &["BUDGET RENT-A-CAR", "BUDGET RENT A CAR {d6}"],
        &RENTAL_CAR,
    ),
    store("Alamo", &["ALAMO RENT-A-CAR", "ALAMO {d6}"], &RENTAL_CAR),
    store("Sixt", &["SIXT RENT A CAR {d6}", "SIXT USA"], &RENTAL_CAR),
    store("Thrifty", &["THRIFTY CAR RENTAL {d6}"], &RENTAL_CAR),
    store(
        "Dollar Rent A Car",
        &["DOLLAR RENT A CAR {d6}"],
        &RENTAL_CAR,
    ),
    online("Turo", &["=TURO INC.", "=TURO *TRIP {a8}"], &RENTAL_CAR),
    online(
        "Zipcar",
        &["=ZIPCAR TRIP {mmdd}", "=ZIPCAR INC"],
        &RENTAL_CAR,
    ),
    store(
        "U-Haul",
        &["U-HAUL MOVING & STORAGE", "U-HAUL #{d6}", "UHAUL {town}"],
        &TRUCK,
    )
    .w(2),
    store(
        "Penske Truck Rental",
        &["PENSKE TRUCK LEASING", "PENSKE TRUCK RENTAL"],
        &TRUCK,
    ),
    store("Budget Truck Rental", &["BUDGET TRUCK {d6}"], &TRUCK),
    // Intercity rail and coaches.
    online(
        "Amtrak",
        &[
            "=AMTRAK .COM {d13}",
            "=AMTRAK {d13} WASHINGTON DC",
            "=AMTRAK MOBILE {d10}",
        ],
        &RAIL,
    )
    .w(2),
    online(
        "Brightline",
        &["=BRIGHTLINE TRAINS", "=BRIGHTLINE.COM"],
        &RAIL,
    ),
    online(
        "Greyhound",
        &["=GREYHOUND LINES {d6}", "=GREYHOUND.COM"],
        &COACH,
    ),
    online("FlixBus", &["=FLIXBUS", "=FLIXBUS.COM {a8}"], &COACH),
    online("Megabus", &["=MEGABUS.COM", "=MEGABUS US {d6}"], &COACH),
    online("Peter Pan Bus", &["=PETER PAN BUS LINES"], &COACH),
    // Airport extras.
    online(
        "CLEAR",
        &["=CLEAR *CLEARME.COM", "=CLEARME.COM {phone}"],
        &TRAVEL_MISC,
    ),
    online(
        "Priority Pass",
        &["=PRIORITY PASS", "=PRIORITYPASS.COM"],
        &TRAVEL_MISC,
    ),
    // Generated local lodging.
    local("{Town} Inn", &["{NAME}", "{town} INN & SUITES"], &HOTEL),
    local("{Adj} Motel", &[], &HOTEL),
    local("{Last} Bed & Breakfast", &["{NAME}", "{last} B&B"], &HOTEL),
];
