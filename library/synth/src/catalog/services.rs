//! GENERAL_SERVICES: insurance, automotive service (repairs, oil changes,
//! tyres, car washes, towing — Plaid's GENERAL_SERVICES_AUTOMOTIVE), postage
//! and shipping, education, childcare, storage, accounting and tax
//! preparation, legal and consulting, and software and cloud subscriptions.
//! Phone, internet and cable bills are RENT_AND_UTILITIES.

use super::Amount::{Prices, Range};
use super::{Merchant, Profile, ach, bill, local, online, store};

const INSURANCE: Profile = Profile {
    mcc: &["6300", "5960"],
    amount: Range(4500, 65000),
};
const HEALTH_INSURANCE: Profile = Profile {
    mcc: &["6300"],
    amount: Range(15000, 180000),
};
const AUTO_SERVICE: Profile = Profile {
    mcc: &["7538"],
    amount: Range(2999, 250000),
};
const OIL_CHANGE: Profile = Profile {
    mcc: &["7538", "7549"],
    amount: Range(3999, 16000),
};
const TIRES: Profile = Profile {
    mcc: &["5532", "7534"],
    amount: Range(2500, 140000),
};
const BODY_SHOP: Profile = Profile {
    mcc: &["7531", "7535"],
    amount: Range(25000, 450000),
};
const AUTO_PARTS: Profile = Profile {
    mcc: &["5533"],
    amount: Range(599, 45000),
};
const CAR_WASH: Profile = Profile {
    mcc: &["7542"],
    amount: Range(800, 4500),
};
const CAR_WASH_CLUB: Profile = Profile {
    mcc: &["7542"],
    amount: Prices(&[1999, 2499, 2999, 3499, 3999, 4499]),
};
const TOWING: Profile = Profile {
    mcc: &["7549"],
    amount: Range(7500, 45000),
};
const SHIPPING: Profile = Profile {
    mcc: &["4215"],
    amount: Range(599, 18000),
};
const POSTAL: Profile = Profile {
    mcc: &["9402"],
    amount: Range(68, 12000),
};
const PRINTING: Profile = Profile {
    mcc: &["7338", "4215"],
    amount: Range(199, 9500),
};
const TUITION: Profile = Profile {
    mcc: &["8220"],
    amount: Range(15000, 1500000),
};
const COURSES: Profile = Profile {
    mcc: &["8299", "8241"],
    amount: Range(999, 49900),
};
const TUTORING: Profile = Profile {
    mcc: &["8299"],
    amount: Range(5000, 45000),
};
const SCHOOL: Profile = Profile {
    mcc: &["8211"],
    amount: Range(2500, 350000),
};
const CHILDCARE: Profile = Profile {
    mcc: &["8351"],
    amount: Range(15000, 320000),
};
const STORAGE: Profile = Profile {
    mcc: &["4225"],
    amount: Range(4500, 45000),
};
const TAX_PREP: Profile = Profile {
    mcc: &["7276", "8931"],
    amount: Range(3999, 65000),
};
const ACCOUNTING: Profile = Profile {
    mcc: &["8931"],
    amount: Range(7500, 350000),
};
const LEGAL: Profile = Profile {
    mcc: &["8111"],
    amount: Range(9900, 650000),
};
const CONSULTING: Profile = Profile {
    mcc: &["7392", "8999", "7399"],
    amount: Range(15000, 900000),
};
const SOFTWARE: Profile = Profile {
    mcc: &["5734", "7372", "5817", "4816"],
    amount: Prices(&[
        299, 499, 699, 999, 1199, 1299, 1499, 1999, 2099, 2999, 5499, 9999, 11999,
    ]),
};
const CLOUD: Profile = Profile {
    mcc: &["4816", "7372"],
    amount: Range(99, 25000),
};
const WEB_SERVICES: Profile = Profile {
    mcc: &["7372", "4816", "7311"],
    amount: Range(199, 35000),
};
const BUSINESS_SERVICES: Profile = Profile {
    mcc: &["7399", "7311"],
    amount: Range(1000, 120000),
};
const FUNERAL: Profile = Profile {
    mcc: &["7261"],
    amount: Range(45000, 1200000),
};
const MEMBERSHIP_ORG: Profile = Profile {
    mcc: &["8675", "8699"],
    amount: Prices(&[6900, 12400, 6400, 9900, 15800]),
};

pub(crate) static GENERAL_SERVICES: &[Merchant] = &[
    // Insurance.
    bill(
        "GEICO",
        &["=GEICO *AUTO", "=GEICO {phone} DC", "=GEICO *PMT"],
        &["GEICO|AUTOPAY", "GEICO|INS PREM"],
        &INSURANCE,
    )
    .w(6),
    bill(
        "Progressive",
        &["=PROGRESSIVE *INS", "=PROG DIRECT INS {phone} OH"],
        &["PROGRESSIVE|INS PREM", "PROG DIRECT INS|INS PREM"],
        &INSURANCE,
    )
    .w(5),
    bill(
        "State Farm",
        &["=STATE FARM INSURANCE", "=STATE FARM RO {d2} {phone}"],
        &["STATE FARM RO 27|SFPP", "STATE FARM|CPC-CLIENT"],
        &INSURANCE,
    )
    .w(5),
    bill(
        "Allstate",
        &["=ALLSTATE *PAYMENT", "=ALLSTATE INS {phone} IL"],
        &["ALLSTATE|INS PREM", "ALLSTATE INS CO|PAYMENT"],
        &INSURANCE,
    )
    .w(4),
    bill(
        "Liberty Mutual",
        &["=LIBERTY MUTUAL", "=LIBERTY MUTUAL {phone} MA"],
        &["LIBERTY MUTUAL|PAYMENT"],
        &INSURANCE,
    )
    .w(2),
    bill(
        "Farmers Insurance",
        &["=FARMERS INSURANCE"],
        &["FARMERS INS|AUTOPAY"],
        &INSURANCE,
    ),
    bill(
        "Nationwide",
        &["=NATIONWIDE INS {phone}"],
        &["NATIONWIDE|EDI PYMNTS"],
        &INSURANCE,
    ),
    bill(
        "USAA Insurance",
        &["=USAA P&C INS"],
        &["USAA P&C|AUTOPAY", "USAA P&C INT|AUTOPAY"],
        &INSURANCE,
    )
    .w(2),
    bill(
        "Travelers",
        &["=TRAVELERS INS"],
        &["TRAVELERS|INS PREM"],
        &INSURANCE,
    ),
    bill(
        "The Hartford",
        &["=THE HARTFORD"],
        &["THE HARTFORD|NWPP"],
        &INSURANCE,
    ),
    bill(
        "Erie Insurance",
        &["=ERIE INSURANCE"],
        &["ERIE INSURANCE|PREMIUM"],
        &INSURANCE,
    ),
    bill(
        "American Family Insurance",
        &["=AMFAM INS"],
        &["AMERICAN FAMILY|AMFAM PAY"],
        &INSURANCE,
    ),
    bill(
        "Lemonade",
        &["=LEMONADE INSURANCE", "=LEMONADE I* {a8}"],
        &[],
        &INSURANCE,
    ),
    bill(
        "Root Insurance",
        &["=ROOT INSURANCE"],
        &["ROOT INSURANCE|PREMIUM"],
        &INSURANCE,
    ),
    bill("MetLife", &["=METLIFE"], &["METLIFE|PREMIUM"], &INSURANCE),
    bill("Aflac", &["=AFLAC"], &["AFLAC|INS PREM"], &INSURANCE),
    bill(
        "Northwestern Mutual",
        &[],
        &["NORTHWESTERN MU|ISA PAYMNT", "NML|PREMIUM"],
        &INSURANCE,
    ),
    bill(
        "Lincoln Financial",
        &[],
        &["LINCOLN NATIONAL|INS PREM"],
        &INSURANCE,
    ),
    bill(
        "Blue Cross Blue Shield",
        &["=BCBS {st} PAYMENT", "=BLUE CROSS {st}"],
        &["BCBS|PREMIUM", "BLUE CROSS|HEALTH INS"],
        &HEALTH_INSURANCE,
    ),
    bill(
        "UnitedHealthcare",
        &["=UNITEDHEALTHCARE", "=UHC PREMIUM"],
        &["UNITEDHEALTHCARE|PREMIUM"],
        &HEALTH_INSURANCE,
    ),
    bill(
        "Aetna",
        &["=AETNA PREMIUM"],
        &["AETNA|PREMIUM"],
        &HEALTH_INSURANCE,
    ),
    bill(
        "Cigna",
        &["=CIGNA PREMIUM"],
        &["CIGNA|PREMIUM"],
        &HEALTH_INSURANCE,
    ),
    bill(
        "Oscar Health",
        &["=OSCAR HEALTH INS"],
        &["OSCAR HEALTH|PREMIUM"],
        &HEALTH_INSURANCE,
    ),
    bill(
        "Kaiser Health Plan",
        &[],
        &["KAISER FOUNDATIO|PREMIUM"],
        &HEALTH_INSURANCE,
    ),
    bill(
        "Covered California",
        &[],
        &["COVERED CA|PREMIUM"],
        &HEALTH_INSURANCE,
    ),
    bill(
        "Trupanion",
        &["=TRUPANION", "=TRUPANION {phone} WA"],
        &[],
        &INSURANCE,
    ),
    bill(
        "Allianz Travel Insurance",
        &["=ALLIANZ TRAVEL INS", "=AGA SERVICE CO"],
        &[],
        &INSURANCE,
    ),
    // Automotive services.
    store(
        "Jiffy Lube",
        &["JIFFY LUBE #{d4}", "JIFFY LUBE {d4}"],
        &OIL_CHANGE,
    )
    .w(3),
    store(
        "Valvoline Instant Oil Change",
        &["VALVOLINE INSTANT OIL {d4}", "VIOC {st}{d4}"],
        &OIL_CHANGE,
    )
    .w(3),
    store(
        "Take 5 Oil Change",
        &["TAKE 5 OIL CHANGE #{d3}", "TAKE 5 #{d3}"],
        &OIL_CHANGE,
    ),
    store(
        "Midas",
        &["MIDAS #{d4}", "MIDAS AUTO SERVICE"],
        &AUTO_SERVICE,
    ),
    store(
        "Meineke",
        &["MEINEKE #{d4}", "MEINEKE CAR CARE {d4}"],
        &AUTO_SERVICE,
    ),
    store(
        "Firestone Complete Auto Care",
        &["FIRESTONE #{d5}", "FIRESTONE COMPLETE {d5}"],
        &TIRES,
    )
    .w(2),
    store(
        "Pep Boys",
        &["PEP BOYS #{d4}", "PEP BOYS STORE {d4}"],
        &AUTO_SERVICE,
    ),
    store(
        "Goodyear",
        &["GOODYEAR AUTO {d4}", "GOODYEAR TIRE {d4}"],
        &TIRES,
    ),
    store(
        "Discount Tire",
        &["DISCOUNT TIRE {st}{d3}", "DISCOUNT TIRE #{d4}"],
        &TIRES,
    )
    .w(2),
    store("Les Schwab", &["LES SCHWAB TIRES {d3}"], &TIRES),
    store(
        "Mavis Discount Tire",
        &["MAVIS DISCOUNT TIRE {d3}", "MAVIS TIRE #{d3}"],
        &TIRES,
    ),
    store("Monro Auto Service", &["MONRO #{d4}"], &AUTO_SERVICE),
    store(
        "Christian Brothers Automotive",
        &["CHRISTIAN BROTHERS AUTO"],
        &AUTO_SERVICE,
    ),
    store(
        "Safelite AutoGlass",
        &["SAFELITE AUTOGLASS", "SAFELITE {phone}"],
        &BODY_SHOP,
    ),
    store("Caliber Collision", &["CALIBER COLLISION {d4}"], &BODY_SHOP),
    store("Maaco", &["MAACO {town}", "MAACO #{d3}"], &BODY_SHOP),
    store(
        "AutoZone",
        &["AUTOZONE #{d4}", "AUTOZONE {d4}"],
        &AUTO_PARTS,
    )
    .w(3),
    store(
        "O'Reilly Auto Parts",
        &["O'REILLY {d4}", "OREILLY AUTO {d4}"],
        &AUTO_PARTS,
    )
    .w(2),
    store(
        "Advance Auto Parts",
        &["ADVANCE AUTO PARTS #{d4}"],
        &AUTO_PARTS,
    ),
    store(
        "NAPA Auto Parts",
        &["NAPA STORE {d5}", "NAPA AUTO PARTS {d4}"],
        &AUTO_PARTS,
    ),
    store(
        "Mister Car Wash",
        &["MISTER CAR WASH {d3}", "MISTER CARWASH #{d3}"],
        &CAR_WASH,
    )
    .w(2),
    bill(
        "Mister Car Wash Unlimited",
        &["=MISTER CAR WASH UNLIMITED", "=MISTERCARWASH.COM"],
        &[],
        &CAR_WASH_CLUB,
    ),
    store(
        "Tommy's Express Car Wash",
        &["TOMMYS EXPRESS {d3}"],
        &CAR_WASH,
    ),
    store("Take 5 Car Wash", &["TAKE 5 CAR WASH {d3}"], &CAR_WASH),
    store("Zips Car Wash", &["ZIPS CAR WASH {d3}"], &CAR_WASH),
    store(
        "Quick Quack Car Wash",
        &["QUICK QUACK CAR WASH {town}"],
        &CAR_WASH,
    ),
    bill(
        "AAA",
        &["=AAA MEMBERSHIP {st}", "=AAA {st} CLUB"],
        &["AAA|MEMBERSHIP"],
        &MEMBERSHIP_ORG,
    ),
    online(
        "Honk Roadside",
        &["=HONK ROADSIDE", "=HONK TECHNOLOGIES"],
        &TOWING,
    ),
    store(
        "CarMax Auto Service",
        &["CARMAX AUTO SERVICE {d4}"],
        &AUTO_SERVICE,
    ),
    // Postage and shipping.
    store(
        "USPS",
        &[
            "USPS PO {d10}",
            "USPS PO {d4}{d6} {town} {st}",
            "USPS.COM CLICKNSHIP",
            "=USPS.COM POSTAL STORE",
        ],
        &POSTAL,
    )
    .w(5),
    store(
        "The UPS Store",
        &["THE UPS STORE {d4}", "THE UPS STORE #{d4}"],
        &SHIPPING,
    )
    .w(3),
    online(
        "UPS",
        &["=UPS*{d10}", "=UPS {d10} {phone} GA", "=UPS*{a18}"],
        &SHIPPING,
    ),
    store(
        "FedEx",
        &["FEDEX {d9}", "FEDEX OFFIC{d8}", "FEDEX OFFICE #{d4}"],
        &SHIPPING,
    )
    .w(2),
    online("DHL", &["=DHL EXPRESS USA", "=DHL *{d10}"], &SHIPPING),
    online(
        "Stamps.com",
        &["=STAMPS.COM", "=STAMPS.COM {phone} CA"],
        &POSTAL,
    ),
    online(
        "Pirate Ship",
        &["=PIRATE SHIP", "=PIRATESHIP.COM POSTAGE"],
        &POSTAL,
    ),
    store(
        "Staples Print & Marketing",
        &["STAPLES PRINT {d4}", "STAPLES PRINT & MARKETING"],
        &PRINTING,
    ),
    online(
        "Vistaprint",
        &["=VISTAPRINT", "=VISTAPRINT.COM {phone} MA"],
        &PRINTING,
    ),
    // Education.
    online(
        "Coursera",
        &["=COURSERA", "=COURSERA.ORG {phone} CA"],
        &COURSES,
    ),
    online("Udemy", &["=UDEMY", "=UDEMY: ONLINE COURSES"], &COURSES),
    online("Chegg", &["=CHEGG ORDER", "=CHEGG *STUDY"], &SOFTWARE),
    online(
        "Duolingo",
        &["=DUOLINGO", "=GOOGLE *Duolingo", "=APPLE.COM/BILL DUOLINGO"],
        &SOFTWARE,
    ),
    online(
        "MasterClass",
        &["=MASTERCLASS", "=MASTERCLASS.COM"],
        &COURSES,
    ),
    online("Kaplan", &["=KAPLAN TEST PREP", "=KAPLAN INC"], &COURSES),
    online("The Princeton Review", &["=PRINCETON REVIEW"], &COURSES),
    online(
        "College Board",
        &["=COLLEGE BOARD", "=COLLEGEBOARD SAT"],
        &COURSES,
    ),
    online("Khan Academy Kids", &["=KHAN ACADEMY"], &COURSES),
    store(
        "Kumon",
        &["KUMON {town}", "KUMON MATH & READING"],
        &TUTORING,
    ),
    store("Sylvan Learning", &["SYLVAN LEARNING {town}"], &TUTORING),
    store("Mathnasium", &["MATHNASIUM {town}"], &TUTORING),
    online(
        "Flywire Tuition",
        &["=FLYWIRE*{last} UNIV", "=FLYWIRE PAYMENTS"],
        &TUITION,
    ),
    online(
        "TouchNet",
        &["=TOUCHNET*UNIV OF {st}", "=UNIVERSITY OF {st} TUITION"],
        &TUITION,
    )
    .w(2),
    online(
        "Nelnet Campus Commerce",
        &["=NELNET CAMPUS COMMERCE", "=NELNET*TUITION PMT"],
        &TUITION,
    ),
    online(
        "FACTS Tuition",
        &["=FACTS TUITION MGMT", "=FACTS MGMT {d6}"],
        &SCHOOL,
    ),
    online(
        "MySchoolBucks",
        &["=MYSCHOOLBUCKS", "=MSB*{town} SCHOOLS"],
        &SCHOOL,
    ),
    // Childcare.
    bill(
        "KinderCare",
        &["=KINDERCARE #{d6}", "=KINDERCARE LEARNING CTR"],
        &["KINDERCARE|TUITION"],
        &CHILDCARE,
    ),
    bill(
        "Bright Horizons",
        &["=BRIGHT HORIZONS"],
        &["BRIGHT HORIZONS|TUITION"],
        &CHILDCARE,
    ),
    bill(
        "Primrose School",
        &["=PRIMROSE SCHOOL OF {town}"],
        &["PRIMROSE SCHOOL|TUITION"],
        &CHILDCARE,
    ),
    bill(
        "The Goddard School",
        &["=GODDARD SCHOOL {town}"],
        &[],
        &CHILDCARE,
    ),
    bill(
        "The Learning Experience",
        &["=THE LEARNING EXPERIENCE"],
        &[],
        &CHILDCARE,
    ),
    bill(
        "La Petite Academy",
        &["=LA PETITE ACADEMY {d4}"],
        &[],
        &CHILDCARE,
    ),
    online(
        "Care.com",
        &["=CARE.COM", "=CARE.COM HOUSEHOLD PAY"],
        &CHILDCARE,
    ),
    online(
        "Brightwheel",
        &["=BRIGHTWHEEL*{town} PRESCHOOL", "=BRIGHTWHEEL"],
        &CHILDCARE,
    ),
    online(
        "Procare",
        &["=PROCARE*{adj} KIDS", "=PROCARE SOLUTIONS"],
        &CHILDCARE,
    ),
    // Storage.
    bill(
        "Public Storage",
        &["=PUBLIC STORAGE {d5}", "=PUBLIC STORAGE {phone}"],
        &["PUBLIC STORAGE|RENT"],
        &STORAGE,
    )
    .w(2),
    bill(
        "Extra Space Storage",
        &["=EXTRA SPACE {d4}", "=EXTRA SPACE STORAGE"],
        &["EXTRA SPACE|STORAGE"],
        &STORAGE,
    ),
    bill(
        "CubeSmart",
        &["=CUBESMART {d4}", "=CUBESMART SELF STORAGE"],
        &[],
        &STORAGE,
    ),
    bill("Life Storage", &["=LIFE STORAGE #{d3}"], &[], &STORAGE),
    bill(
        "PODS",
        &["=PODS ENTERPRISES", "=PODS {phone} FL"],
        &[],
        &STORAGE,
    ),
    bill("Clutter", &["=CLUTTER INC"], &[], &STORAGE),
    // Accounting and tax preparation.
    online(
        "TurboTax",
        &["=INTUIT *TURBOTAX", "=INTUIT *TURBOTAX CL.INTUIT.COM CA"],
        &TAX_PREP,
    )
    .w(3),
    store(
        "H&R Block",
        &[
            "H&R BLOCK {d5}",
            "H & R BLOCK #{d5}",
            "=HRB ONLINE TAX PRODUCT",
        ],
        &TAX_PREP,
    )
    .w(2),
    store("Jackson Hewitt", &["JACKSON HEWITT {d5}"], &TAX_PREP),
    store("Liberty Tax", &["LIBERTY TAX SERVICE {d4}"], &TAX_PREP),
    online("TaxAct", &["=TAXACT", "=TAXACT INC {phone} IA"], &TAX_PREP),
    online(
        "FreeTaxUSA",
        &["=FREETAXUSA", "=TAXHAWK*FREETAXUSA"],
        &TAX_PREP,
    ),
    online(
        "QuickBooks",
        &["=INTUIT *QBOOKS ONLINE", "=INTUIT *QUICKBOOKS"],
        &SOFTWARE,
    ),
    online("Bench Accounting", &["=BENCH ACCOUNTING"], &ACCOUNTING),
    // Legal and consulting.
    online(
        "LegalZoom",
        &["=LEGALZOOM", "=LEGALZOOM.COM {phone} CA"],
        &LEGAL,
    ),
    online("Rocket Lawyer", &["=ROCKET LAWYER"], &LEGAL),
    online(
        "Upwork",
        &["=UPWORK -{d9}REF", "=UPWORK ESCROW INC"],
        &CONSULTING,
    ),
    online("Fiverr", &["=FIVERR", "=FIVERR INTERNATIONAL"], &CONSULTING),
    // Software, cloud and web services.
    online(
        "Adobe",
        &[
            "=ADOBE *CREATIVE CLOUD",
            "=ADOBE *ACROPRO SUBS",
            "=ADOBE  *{phone} CA",
        ],
        &SOFTWARE,
    )
    .w(3),
    online(
        "Microsoft 365",
        &[
            "=MSFT * E0{d3}{a5}",
            "=MICROSOFT*365 PERSONAL",
            "=MICROSOFT*MICROSOFT 365 P",
        ],
        &SOFTWARE,
    )
    .w(3),
    online(
        "Google One",
        &[
            "=GOOGLE *Google One",
            "=GOOGLE *GOOGLE STORAGE",
            "=GOOGLE*GSUITE_{a6}",
        ],
        &CLOUD,
    )
    .w(3),
    online(
        "iCloud",
        &["=APPLE.COM/BILL ICLOUD", "=APPLE.COM/BILL 866-712-7753 CA"],
        &CLOUD,
    )
    .w(3),
    online(
        "Dropbox",
        &["=DROPBOX*{a10}", "=DROPBOX {phone} CA"],
        &CLOUD,
    ),
    online("Zoom", &["=ZOOM.US {phone} CA", "=ZOOM.US"], &SOFTWARE),
    online("Slack", &["=SLACK T{a8}", "=SLACK TECHNOLOGIES"], &SOFTWARE),
    online("Notion", &["=NOTION LABS, INC.", "=NOTION.SO"], &SOFTWARE),
    online("GitHub", &["=GITHUB, INC.", "=GITHUB *{a8}"], &SOFTWARE),
    online(
        "OpenAI",
        &[
            "=OPENAI *CHATGPT SUBSCR",
            "=OPENAI",
            "=CHATGPT SUBSCRIPTION",
        ],
        &SOFTWARE,
    )
    .w(2),
    online(
        "Anthropic",
        &["=ANTHROPIC", "=CLAUDE.AI SUBSCRIPTION"],
        &SOFTWARE,
    ),
    online("Canva", &["=CANVA* {a8}", "=CANVA PTY LTD"], &SOFTWARE),
    online(
        "Grammarly",
        &["=GRAMMARLY", "=GRAMMARLY COACHING"],
        &SOFTWARE,
    ),
    online("NordVPN", &["=NORDVPN.COM", "=NORDVPN* {a6}"], &SOFTWARE),
    online(
        "1Password",
        &["=1PASSWORD", "=AGILEBITS* 1PASSWORD"],
        &SOFTWARE,
    ),
    online("LastPass", &["=LASTPASS.COM"], &SOFTWARE),
    online("Norton", &["=NORTON *AP{d9}", "=NORTONLIFELOCK"], &SOFTWARE),
    online("McAfee", &["=MCAFEE.COM", "=MCAFEE *{d8}"], &SOFTWARE),
    online(
        "Squarespace",
        &[
            "=SQSP* WEBSITE #{d8}",
            "=SQSP* DOMAIN#{d8}",
            "=SQUARESPACE INC.",
        ],
        &WEB_SERVICES,
    ),
    online("Wix", &["=WIX.COM*{d9}", "=WIX.COM {phone}"], &WEB_SERVICES),
    online(
        "GoDaddy",
        &["=DNH*GODADDY.COM", "=DNH*GODADDY#{d9}", "=GODADDY.COM"],
        &WEB_SERVICES,
    ),
    online(
        "Namecheap",
        &["=NAMECHEAP.COM", "=NAMECHEAP* {a8}"],
        &WEB_SERVICES,
    ),
    online(
        "Shopify",
        &["=SHOPIFY* {d9}", "=SHOPIFY *SUBSCRIPTION"],
        &WEB_SERVICES,
    ),
    online(
        "Mailchimp",
        &["=MAILCHIMP *MONTHLY", "=INTUIT *MAILCHIMP"],
        &WEB_SERVICES,
    ),
    online("DocuSign", &["=DOCUSIGN INC", "=DOCUSIGN *{a8}"], &SOFTWARE),
    online(
        "Amazon Web Services",
        &[
            "=AMAZON WEB SERVICES",
            "=AWS EMEA",
            "=Amazon web services aws.amazon.co WA",
        ],
        &CLOUD,
    ),
    online(
        "Google Cloud",
        &["=GOOGLE *CLOUD {a6}", "=GOOGLE CLOUD {a8}"],
        &CLOUD,
    ),
    online(
        "DigitalOcean",
        &["=DIGITALOCEAN.COM", "=DIGITALOCEAN"],
        &CLOUD,
    ),
    online(
        "Meta Ads",
        &["=FACEBK *{a10}", "=FACEBK ADS {a8}", "=META ADS"],
        &BUSINESS_SERVICES,
    ),
    online(
        "Google Ads",
        &["=GOOGLE *ADS{d10}", "=GOOGLE ADS {d10}"],
        &BUSINESS_SERVICES,
    ),
    online(
        "LinkedIn Premium",
        &["=LINKEDIN PRE *{d9}", "=LINKEDIN P{d9}"],
        &SOFTWARE,
    ),
    ach(
        "ADP Small Business Fees",
        &["ADP|PAYROLL FEES", "ADP FEES|ADP FEES|CCD"],
        &BUSINESS_SERVICES,
    ),
    online(
        "Experian",
        &["=EXPERIAN* CREDIT REPORT", "=EXPERIAN CREDITWORKS"],
        &SOFTWARE,
    ),
    store("Dignity Memorial", &["DIGNITY MEMORIAL {town}"], &FUNERAL),
    // Generated local services.
    local(
        "{Last}'s Auto Repair",
        &["{NAME}", "{last} AUTO REPAIR", "{last} AUTOMOTIVE"],
        &AUTO_SERVICE,
    )
    .w(3),
    local(
        "{Last}'s Auto Body",
        &["{NAME}", "{last} COLLISION"],
        &BODY_SHOP,
    ),
    local(
        "{Town} Towing",
        &["{NAME}", "{town} TOWING & RECOVERY"],
        &TOWING,
    ),
    local(
        "{Adj} Car Wash",
        &["{NAME}", "{adj} CARWASH", "{adj} AUTO SPA"],
        &CAR_WASH,
    )
    .w(3),
    local("{Adj} Tire & Auto", &[], &TIRES),
    local(
        "{Last} CPA",
        &["{NAME}", "{last} & ASSOCIATES CPA", "{last} CPA PC"],
        &ACCOUNTING,
    )
    .w(2),
    local("{Last} Tax Service", &[], &TAX_PREP),
    local(
        "Law Office of {First} {Last}",
        &["{NAME}", "LAW OFFICE OF {first} {last}", "{last} LAW FIRM"],
        &LEGAL,
    )
    .w(2),
    local("{Last} Law Group", &["{NAME}", "{last} LAW PLLC"], &LEGAL),
    local("{Last} Consulting LLC", &[], &CONSULTING),
    local("{Adj} Learning Center", &[], &TUTORING),
    local(
        "{Adj} Montessori",
        &["{NAME}", "{adj} MONTESSORI SCHOOL"],
        &CHILDCARE,
    )
    .w(2),
    local("{Adj} Daycare", &["{NAME}", "{adj} CHILD CARE"], &CHILDCARE).w(2),
    local(
        "{Town} Self Storage",
        &["{NAME}", "{town} MINI STORAGE"],
        &STORAGE,
    ),
    local(
        "{Adj} Insurance Agency",
        &["{NAME}", "{adj} INS AGENCY"],
        &INSURANCE,
    ),
    local(
        "{Town} Print & Ship",
        &["{NAME}", "{town} PACK & SHIP"],
        &PRINTING,
    ),
    local(
        "{Adj} Music School",
        &["{NAME}", "{adj} MUSIC LESSONS"],
        &COURSES,
    ),
    local("{Last} Driving School", &[], &COURSES),
];
