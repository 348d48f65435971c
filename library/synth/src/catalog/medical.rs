//! MEDICAL: pharmacies and supplements, doctors, dentists, eye care,
//! hospitals and labs, telehealth, veterinary care (Plaid files vets here).
//! Health insurance premiums are GENERAL_SERVICES; mental health apps and
//! counselling are PERSONAL_CARE, as Plaid defines them.

use super::Amount::{Prices, Range};
use super::{Merchant, Profile, bill, local, online, store};

const PHARMACY: Profile = Profile {
    mcc: &["5912"],
    amount: Range(299, 18000),
};
const SUPPLEMENTS: Profile = Profile {
    mcc: &["5499", "5912"],
    amount: Range(1299, 12000),
};
const DOCTOR: Profile = Profile {
    mcc: &["8011", "8099"],
    amount: Range(2000, 45000),
};
const DENTIST: Profile = Profile {
    mcc: &["8021"],
    amount: Range(2500, 220000),
};
const EYE: Profile = Profile {
    mcc: &["8042", "8043"],
    amount: Range(2500, 65000),
};
const HOSPITAL: Profile = Profile {
    mcc: &["8062"],
    amount: Range(5000, 450000),
};
const LAB: Profile = Profile {
    mcc: &["8071"],
    amount: Range(1500, 60000),
};
const CHIRO: Profile = Profile {
    mcc: &["8041", "8049"],
    amount: Range(3500, 19000),
};
const THERAPY: Profile = Profile {
    mcc: &["8099"],
    amount: Range(2500, 25000),
};
const TELEHEALTH: Profile = Profile {
    mcc: &["8099", "8011"],
    amount: Prices(&[2900, 3900, 4900, 7900, 8900, 9900, 14900]),
};
const VET: Profile = Profile {
    mcc: &["0742"],
    amount: Range(4500, 120000),
};
const NURSING: Profile = Profile {
    mcc: &["8050"],
    amount: Range(25000, 950000),
};
const MEDICAL_SUPPLY: Profile = Profile {
    mcc: &["5047", "5976", "5975"],
    amount: Range(1500, 45000),
};
const BILL_PAY: Profile = Profile {
    mcc: &["8099", "8062"],
    amount: Range(2500, 150000),
};

pub(crate) static MEDICAL: &[Merchant] = &[
    // Pharmacies.
    store(
        "CVS Pharmacy",
        &[
            "CVS/PHARMACY #{d5}",
            "CVS/PHARM {d5}",
            "CVS PHARMACY #{d5}",
            "=CVS.COM",
        ],
        &PHARMACY,
    )
    .w(10),
    store(
        "Walgreens",
        &["WALGREENS #{d5}", "WALGREENS STORE {d5}", "WAG {d5}"],
        &PHARMACY,
    )
    .w(9),
    store(
        "Rite Aid",
        &["RITE AID {d5}", "RITE AID STORE - {d4}"],
        &PHARMACY,
    )
    .w(3),
    store("Duane Reade", &["DUANE READE #{d5}"], &PHARMACY),
    store(
        "Walmart Pharmacy",
        &["WAL-MART PHARMACY {d4}", "WALMART PHARMACY #{d4}"],
        &PHARMACY,
    ),
    store("Costco Pharmacy", &["COSTCO PHARMACY #{d3}"], &PHARMACY),
    store("Kroger Pharmacy", &["KROGER PHARMACY {d3}"], &PHARMACY),
    store("Publix Pharmacy", &["PUBLIX PHARMACY #{d4}"], &PHARMACY),
    store("GNC", &["GNC #{d4}", "GNC {town}"], &SUPPLEMENTS),
    store(
        "The Vitamin Shoppe",
        &["THE VITAMIN SHOPPE {d3}", "VITAMIN SHOPPE #{d3}"],
        &SUPPLEMENTS,
    ),
    online(
        "GoodRx",
        &["=GOODRX", "=GOODRX GOLD {phone} CA"],
        &TELEHEALTH,
    ),
    online(
        "Amazon Pharmacy",
        &["=AMAZON PHARMACY", "=Amazon Pharmacy*{a9}"],
        &PHARMACY,
    ),
    online("Capsule", &["=CAPSULE PHARMACY"], &PHARMACY),
    online(
        "Cost Plus Drugs",
        &["=MARK CUBAN COST PLUS", "=COSTPLUSDRUGS.COM"],
        &PHARMACY,
    ),
    online(
        "1-800 Contacts",
        &["=1-800 CONTACTS", "=1800CONTACTS.COM {phone} UT"],
        &EYE,
    ),
    // Doctors, clinics, urgent care.
    store(
        "MinuteClinic",
        &["MINUTECLINIC {d4}", "CVS MINUTECLINIC {d4}"],
        &DOCTOR,
    ),
    store("CityMD", &["CITYMD {town}", "CITY MD URGENT CARE"], &DOCTOR),
    store("Concentra", &["CONCENTRA {d4}"], &DOCTOR),
    store("MedExpress", &["MEDEXPRESS URGENT CARE"], &DOCTOR),
    store(
        "One Medical",
        &["ONE MEDICAL", "=1LIFE HEALTHCARE {phone}"],
        &DOCTOR,
    ),
    store("Planned Parenthood", &["PLANNED PARENTHOOD {st}"], &DOCTOR),
    bill(
        "Kaiser Permanente",
        &["=KAISER PERMANENTE {phone}", "=KP ONLINE PAYMENT"],
        &["KAISER PERMANENT|PAYMENT"],
        &BILL_PAY,
    )
    .w(3),
    bill(
        "Sutter Health",
        &["=SUTTER HEALTH", "=SUTTER HEALTH PAYMENTS"],
        &[],
        &BILL_PAY,
    ),
    bill(
        "Mayo Clinic",
        &["=MAYO CLINIC", "=MAYO CLINIC ONLINE PMT"],
        &[],
        &BILL_PAY,
    ),
    bill(
        "Cleveland Clinic",
        &["=CLEVELAND CLINIC PMT"],
        &[],
        &BILL_PAY,
    ),
    bill("NYU Langone", &["=NYU LANGONE HEALTH"], &[], &BILL_PAY),
    bill(
        "Mount Sinai",
        &["=MOUNT SINAI HOSPITAL", "=MSHS PATIENT PAYMENT"],
        &[],
        &HOSPITAL,
    ),
    bill(
        "Northwell Health",
        &["=NORTHWELL HEALTH", "=NORTHWELL HEALTH PMT"],
        &[],
        &HOSPITAL,
    ),
    bill(
        "Providence",
        &["=PROVIDENCE HEALTH SVCS", "=PROVIDENCE {st}"],
        &[],
        &HOSPITAL,
    ),
    bill(
        "AdventHealth",
        &["=ADVENTHEALTH", "=ADVENTHEALTH PATIENT PMT"],
        &[],
        &HOSPITAL,
    ),
    bill("Atrium Health", &["=ATRIUM HEALTH"], &[], &HOSPITAL),
    bill("Banner Health", &["=BANNER HEALTH"], &[], &HOSPITAL),
    bill(
        "Stanford Health Care",
        &["=STANFORD HEALTH CARE"],
        &[],
        &HOSPITAL,
    ),
    bill("UCSF Health", &["=UCSF HEALTH BILLING"], &[], &HOSPITAL),
    bill(
        "HCA Healthcare",
        &["=HCA HEALTHCARE {st}", "=HCA PATIENT PMT"],
        &[],
        &HOSPITAL,
    ),
    online(
        "InstaMed",
        &["=INSTAMED*{town} MEDICAL", "=INSTAMED {d8}"],
        &BILL_PAY,
    ),
    online(
        "Patientco",
        &["=PATIENTCO*{a8}", "=PCO*PATIENT PAYMENT"],
        &BILL_PAY,
    ),
    online(
        "athenahealth",
        &["=ATHENAHEALTH *{last} MD", "=ATHENA*{a8}"],
        &DOCTOR,
    ),
    online("Zocdoc", &["=ZOCDOC"], &DOCTOR),
    // Labs and imaging.
    store(
        "Quest Diagnostics",
        &["QUEST DIAGNOSTICS", "QUEST DIAGNOSTICS INC"],
        &LAB,
    ),
    store("Labcorp", &["LABCORP", "LABCORP BILLING {phone}"], &LAB),
    store("RadNet", &["RADNET IMAGING {town}"], &LAB),
    // Dentists.
    store(
        "Aspen Dental",
        &["ASPEN DENTAL {d4}", "ASPEN DENTAL MGMT"],
        &DENTIST,
    ),
    store("Western Dental", &["WESTERN DENTAL {d3}"], &DENTIST),
    store(
        "Pacific Dental Services",
        &["PACIFIC DENTAL SVCS"],
        &DENTIST,
    ),
    store("Bright Now! Dental", &["BRIGHT NOW DENTAL {d3}"], &DENTIST),
    online(
        "SmileDirectClub",
        &["=SMILEDIRECTCLUB", "=SMILE DIRECT CLUB"],
        &DENTIST,
    ),
    online("Invisalign", &["=ALIGN TECHNOLOGY INVIS"], &DENTIST),
    // Eye care.
    store("LensCrafters", &["LENSCRAFTERS #{d4}"], &EYE),
    store("Pearle Vision", &["PEARLE VISION #{d4}"], &EYE),
    store(
        "Warby Parker",
        &["WARBY PARKER {town}", "=WARBYPARKER.COM"],
        &EYE,
    ),
    store("America's Best", &["AMERICAS BEST #{d4}"], &EYE),
    store("Visionworks", &["VISIONWORKS #{d3}"], &EYE),
    // Telehealth and mental health providers.
    online(
        "Teladoc",
        &["=TELADOC HEALTH", "=TELADOC {phone}"],
        &TELEHEALTH,
    ),
    online(
        "Hims & Hers",
        &["=HIMS & HERS", "=HIMS*{a8}", "=FORHIMS.COM"],
        &TELEHEALTH,
    ),
    online("Ro", &["=RO *{a6}", "=ROMAN HEALTH"], &TELEHEALTH),
    // Online therapy: sessions with licensed clinicians.
    online(
        "BetterHelp",
        &["=BETTERHELP", "=BETTERHELP.COM {phone}"],
        &TELEHEALTH,
    ),
    online("Talkspace", &["=TALKSPACE", "=TALKSPACE.COM"], &TELEHEALTH),
    online("Nurx", &["=NURX"], &TELEHEALTH),
    online("Noom Med", &["=NOOM MED"], &TELEHEALTH),
    // Veterinary.
    store(
        "Banfield Pet Hospital",
        &["BANFIELD PET HOSP #{d4}", "BANFIELD-{d4}"],
        &VET,
    ),
    store(
        "VCA Animal Hospitals",
        &["VCA {town} ANIMAL HOSP", "VCA ANIMAL HOSPITALS {d3}"],
        &VET,
    ),
    store("BluePearl", &["BLUEPEARL PET HOSPITAL"], &VET),
    store("Thrive Pet Healthcare", &["THRIVE PET HEALTHCARE"], &VET),
    store("Petco Love Vetco", &["VETCO CLINIC {d4}"], &VET),
    // Nursing and supplies.
    bill(
        "Brookdale Senior Living",
        &["=BROOKDALE SENIOR LIVING"],
        &["BROOKDALE SENIOR|RENT PMT"],
        &NURSING,
    ),
    online(
        "Edgepark Medical",
        &["=EDGEPARK MEDICAL SUPPLY"],
        &MEDICAL_SUPPLY,
    ),
    online(
        "Dexcom",
        &["=DEXCOM INC", "=DEXCOM {phone} CA"],
        &MEDICAL_SUPPLY,
    ),
    // Generated local practices.
    local(
        "{Last} Family Dental",
        &["{NAME}", "{last} FAMILY DENTISTRY"],
        &DENTIST,
    )
    .w(3),
    local(
        "Dr {First} {Last} DDS",
        &["{NAME}", "{first} {last} DDS"],
        &DENTIST,
    ),
    local("{Town} Pediatrics", &[], &DOCTOR).w(2),
    local("{Town} Urgent Care", &[], &DOCTOR).w(2),
    local("{Last} Chiropractic", &["{NAME}", "{last} CHIRO"], &CHIRO),
    local("{Town} Eye Care", &["{NAME}", "{town} OPTOMETRY"], &EYE),
    local(
        "{Town} Animal Hospital",
        &["{NAME}", "{town} VETERINARY"],
        &VET,
    )
    .w(2),
    local("{Adj} Physical Therapy", &["{NAME}", "{adj} PT"], &THERAPY),
    local("{Last} Family Medicine", &["{NAME}", "{last} MD"], &DOCTOR).w(2),
    local("{Town} Orthodontics", &[], &DENTIST),
    local("{Adj} Pharmacy", &[], &PHARMACY),
    local(
        "{Town} Hearing Center",
        &["{NAME}", "{town} HEARING AIDS"],
        &MEDICAL_SUPPLY,
    ),
    local("{Town} Dermatology", &[], &DOCTOR),
];
