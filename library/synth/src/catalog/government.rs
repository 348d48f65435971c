//! GOVERNMENT_AND_NON_PROFIT: tax payments (federal, state, property), motor
//! vehicles, courts and fines, passports and immigration, and donations to
//! charities, churches and political campaigns. Tax refunds are INCOME.

use super::Amount::{Range, Round};
use super::{Merchant, Profile, ach, bill, local, online};

const TAX: Profile = Profile {
    mcc: &["9311"],
    amount: Range(5000, 1250000),
};
const PROPERTY_TAX: Profile = Profile {
    mcc: &["9311"],
    amount: Range(45000, 1500000),
};
const GOVERNMENT: Profile = Profile {
    mcc: &["9399"],
    amount: Range(1000, 65000),
};
const COURT: Profile = Profile {
    mcc: &["9211", "9222"],
    amount: Range(2500, 95000),
};
const FINE: Profile = Profile {
    mcc: &["9222"],
    amount: Range(3500, 45000),
};
const DONATION: Profile = Profile {
    mcc: &["8398"],
    amount: Round(500, 50000, 500),
};
const CHURCH: Profile = Profile {
    mcc: &["8661"],
    amount: Round(1000, 100000, 1000),
};
const POLITICAL: Profile = Profile {
    mcc: &["8651"],
    amount: Round(300, 50000, 100),
};
const CIVIC: Profile = Profile {
    mcc: &["8641", "8699"],
    amount: Range(1500, 25000),
};

pub(crate) static GOVERNMENT_AND_NON_PROFIT: &[Merchant] = &[
    // Taxes.
    ach(
        "IRS",
        &[
            "IRS|USATAXPYMT|PPD",
            "IRS USATAXPYMT|{d15}",
            "US TREASURY|TAX PMT|PPD",
            "IRS|TAX PAYMENT|CCD",
        ],
        &TAX,
    )
    .w(5),
    online(
        "IRS Direct Pay",
        &["=IRS DIRECT PAY", "=IRS USATAXPYMT {d15}"],
        &TAX,
    )
    .anon(),
    online(
        "Pay1040",
        &["=PAY1040.COM TAX PAYMENT", "=PAY1040 IRS TAX PYMT"],
        &TAX,
    ),
    online(
        "ACI Payments",
        &["=ACI*IRS TAX PAYMENT", "=OFFICIAL PAYMENTS IRS"],
        &TAX,
    ),
    ach(
        "California Franchise Tax Board",
        &["FRANCHISE TAX BD|PAYMENTS", "CA FTB|TAX PYMT"],
        &TAX,
    )
    .w(2),
    ach(
        "New York State DTF",
        &["NYS DTF PIT|TAX PAYMNT", "NYS DTF|BILL PYMT"],
        &TAX,
    ),
    ach(
        "NJ Division of Taxation",
        &["NJ ST TAX PYMT|NJTAXPAY"],
        &TAX,
    ),
    ach(
        "Massachusetts DOR",
        &["MASS DOR|TAX PYMT", "COMM OF MASS EFT|DOR PAYMNT"],
        &TAX,
    ),
    ach(
        "Pennsylvania Department of Revenue",
        &["PA DEPT REVENUE|TAX PAYMNT"],
        &TAX,
    ),
    ach(
        "Virginia Department of Taxation",
        &["VA DEPT TAXATION|TAX PAYMNT"],
        &TAX,
    ),
    ach(
        "Georgia Department of Revenue",
        &["GA DEPT OF REV|TAX PMT"],
        &TAX,
    ),
    ach(
        "Illinois Department of Revenue",
        &["IL DEPT OF REV|EPAY"],
        &TAX,
    ),
    ach(
        "Oregon Department of Revenue",
        &["OREGON DOR|TAX PMT"],
        &TAX,
    ),
    ach("Minnesota Revenue", &["MN DEPT OF REVEN|MN REV PAY"], &TAX),
    ach(
        "NC Department of Revenue",
        &["NC DEPT REVENUE|TAX PYMT"],
        &TAX,
    ),
    ach(
        "Colorado Department of Revenue",
        &["CO DEPT REVENUE|TAX PMT"],
        &TAX,
    ),
    bill(
        "{County} County Tax Collector",
        &[
            "{NAME}",
            "{county} COUNTY TREASURER",
            "{county} CO TAX COLLECTOR",
        ],
        &[
            "{county} COUNTY TR|PROP TAX",
            "{county} CO TAX COL|TAX PYMT",
        ],
        &PROPERTY_TAX,
    )
    .w(2),
    bill(
        "City of {Town} Treasurer",
        &["{NAME}", "CITY OF {town} UTIL & TAX"],
        &["CITY OF {town}|TAX PAYMNT"],
        &PROPERTY_TAX,
    ),
    online(
        "Grant Street Group",
        &["=GRANT STREET GROUP {county} CO", "=GSG*PROPERTY TAX"],
        &PROPERTY_TAX,
    ),
    online(
        "Point & Pay",
        &["=POINT & PAY*{county} COUNTY", "=POINTANDPAY*TAXES"],
        &PROPERTY_TAX,
    ),
    // Motor vehicles and licences.
    online(
        "California DMV",
        &[
            "=CA DMV FEE",
            "=DMV CA {d4} SACRAMENTO CA",
            "=DMV INTERNET {phone} CA",
        ],
        &GOVERNMENT,
    )
    .w(2),
    online(
        "New York DMV",
        &["=NYS DMV {d4} ALBANY NY", "=NYS DMV INTERNET"],
        &GOVERNMENT,
    ),
    online(
        "Texas DPS",
        &["=TX DPS DRIVER LICENSE AUSTIN TX", "=TEXAS.GOV*SERVICEFEE"],
        &GOVERNMENT,
    ),
    online(
        "Florida HSMV",
        &["=FL DHSMV {d4}", "=FLHSMV ONLINE TALLAHASSEE FL"],
        &GOVERNMENT,
    ),
    online(
        "DMV renewal",
        &[
            "=DMV RENEWAL {st}",
            "={st} DMV ONLINE",
            "={st} SECRETARY OF STATE",
        ],
        &GOVERNMENT,
    )
    .anon(),
    online(
        "eGov services",
        &[
            "=EGOV*{st} VEHICLE REG",
            "=NIC*{st} GOV SERVICES",
            "=TYLER TECH*{st} GOV",
        ],
        &GOVERNMENT,
    ),
    online(
        "US Passport Services",
        &["=US DEPT OF STATE PASSPORT", "=PAY.GOV PASSPORT FEE"],
        &GOVERNMENT,
    ),
    online("USCIS", &["=USCIS ELIS", "=USCIS {d10}"], &GOVERNMENT),
    online(
        "TSA PreCheck",
        &["=IDEMIA TSA PRECHECK", "=TSA PRECHECK ENROLL"],
        &GOVERNMENT,
    ),
    online(
        "National Park Service",
        &["=NPS {town} ENTRANCE", "=NATL PARK SERVICE PASS"],
        &GOVERNMENT,
    ),
    online(
        "Pay.gov",
        &["=PAY.GOV", "=US TREASURY PAY.GOV {d8}"],
        &GOVERNMENT,
    ),
    // Courts and fines.
    bill(
        "{County} County Superior Court",
        &["{NAME}", "{county} CO SUPERIOR CT"],
        &[],
        &COURT,
    ),
    bill(
        "{Town} Municipal Court",
        &["{NAME}", "{town} MUNI COURT"],
        &[],
        &COURT,
    ),
    online(
        "NYC Department of Finance",
        &["=NYC FINANCE PARKING TKT", "=NYC DOF PARKING"],
        &FINE,
    ),
    online(
        "Parking Citation",
        &["=PARKING CITATION {town}", "={town} CITATIONS"],
        &FINE,
    )
    .anon(),
    online(
        "Child Support Payment",
        &["={st} CHILD SUPPORT PMT", "=SDU {st} CHILD SUPPORT"],
        &COURT,
    ),
    // Charities.
    bill(
        "American Red Cross",
        &["=AMERICAN RED CROSS", "=REDCROSS.ORG {phone}"],
        &[],
        &DONATION,
    ),
    bill(
        "St. Jude Children's Research Hospital",
        &["=ALSAC*ST JUDE", "=ALSAC ST JUDE {phone} TN"],
        &[],
        &DONATION,
    )
    .w(2),
    bill("UNICEF USA", &["=UNICEF USA"], &[], &DONATION),
    bill(
        "Doctors Without Borders",
        &["=DOCTORS WITHOUT BORDERS", "=MSF USA"],
        &[],
        &DONATION,
    ),
    bill(
        "The Salvation Army",
        &["=SALVATION ARMY {town}", "=SALVATIONARMYUSA.ORG"],
        &[],
        &DONATION,
    ),
    bill(
        "Habitat for Humanity",
        &["=HABITAT FOR HUMANITY", "=HFHI DONATION"],
        &[],
        &DONATION,
    ),
    bill(
        "World Wildlife Fund",
        &["=WORLD WILDLIFE FUND", "=WWF DONATION"],
        &[],
        &DONATION,
    ),
    bill(
        "ASPCA",
        &["=ASPCA", "=ASPCA DONATION {phone}"],
        &[],
        &DONATION,
    ),
    bill("ACLU", &["=ACLU", "=ACLU FOUNDATION"], &[], &DONATION),
    bill(
        "Wikimedia Foundation",
        &["=WIKIMEDIA FOUNDATION", "=WIKIMEDIA {phone} CA"],
        &[],
        &DONATION,
    ),
    bill(
        "NPR",
        &["=NPR*DONATION", "=NATIONAL PUBLIC RADIO"],
        &[],
        &DONATION,
    ),
    bill("PBS", &["=PBS DONATION", "=PBS*PASSPORT"], &[], &DONATION),
    bill("Feeding America", &["=FEEDING AMERICA"], &[], &DONATION),
    bill(
        "The Nature Conservancy",
        &["=THE NATURE CONSERVANCY"],
        &[],
        &DONATION,
    ),
    bill("Sierra Club", &["=SIERRA CLUB"], &[], &DONATION),
    bill(
        "Humane Society",
        &["=HUMANE SOCIETY US", "=HSUS DONATION"],
        &[],
        &DONATION,
    ),
    bill("United Way", &["=UNITED WAY OF {town}"], &[], &DONATION),
    bill("Save the Children", &["=SAVE THE CHILDREN"], &[], &DONATION),
    bill(
        "World Vision",
        &["=WORLD VISION", "=WORLD VISION INC {phone} WA"],
        &["WORLD VISION|SPONSORSHP"],
        &DONATION,
    ),
    bill(
        "Compassion International",
        &["=COMPASSION INTL"],
        &["COMPASSION INTL|SPONSOR"],
        &DONATION,
    ),
    bill(
        "Catholic Charities",
        &["=CATHOLIC CHARITIES {town}"],
        &[],
        &DONATION,
    ),
    bill("Kiva", &["=KIVA.ORG", "=KIVA MICROFUNDS"], &[], &DONATION),
    bill("charity: water", &["=CHARITY: WATER"], &[], &DONATION),
    bill(
        "Planned Parenthood Federation",
        &["=PPFA DONATION"],
        &[],
        &DONATION,
    ),
    online(
        "GoFundMe",
        &[
            "=GOFUNDME *{first} {last}",
            "=GOFUNDME {first} {last}",
            "=GOFUNDME *HELP {first}",
        ],
        &DONATION,
    )
    .w(2),
    online("Givebutter", &["=GIVEBUTTER *{adj} FOUNDATION"], &DONATION),
    online(
        "Network for Good",
        &["=NFG*{adj} FOUNDATION", "=NETWORK FOR GOOD"],
        &DONATION,
    ),
    online("Benevity", &["=BENEVITY *DONATION"], &DONATION),
    online("Goodwill Donation", &["=GOODWILL DONATION"], &DONATION),
    // Churches, through giving platforms or directly.
    online(
        "Pushpay",
        &["=PUSHPAY*{saint} CHURCH", "=PUSHPAY*{town} BAPTIST"],
        &CHURCH,
    ),
    online(
        "Tithe.ly",
        &["=TITHE.LY*{town} COMMUNITY CH", "=TITHELY*{adj} CHURCH"],
        &CHURCH,
    ),
    online(
        "Planning Center Giving",
        &["=PCO GIVING*{town} CHURCH"],
        &CHURCH,
    ),
    online("Faithlife Giving", &["=FAITHLIFE*{saint} PARISH"], &CHURCH),
    ach(
        "Online giving",
        &[
            "{saint} CHURCH|ONLINEGIFT",
            "VANCO|{saint} PARISH",
            "PARISHSOFT|GIVING",
        ],
        &CHURCH,
    )
    .anon(),
    // Political.
    online(
        "ActBlue",
        &[
            "=ACTBLUE*{last} FOR CONGRESS",
            "=ACTBLUE *ACTBLUE",
            "=ACTBLUE*DNC",
        ],
        &POLITICAL,
    )
    .w(2),
    online(
        "WinRed",
        &["=WINRED* {last} FOR SENATE", "=WINRED*RNC"],
        &POLITICAL,
    ),
    // Civic.
    online("AARP", &["=AARP MEMBERSHIP", "=AARP {phone} DC"], &CIVIC),
    online("Rotary Club", &["=ROTARY CLUB OF {town}"], &CIVIC),
    // Generated local congregations and charities.
    local(
        "{Saint} Catholic Church",
        &["{NAME}", "{saint} PARISH", "{saint} CATHOLIC CH"],
        &CHURCH,
    )
    .w(2),
    local(
        "First Baptist Church of {Town}",
        &["{NAME}", "FIRST BAPTIST {town}", "FBC {town}"],
        &CHURCH,
    ),
    local("{Town} Community Church", &[], &CHURCH),
    local(
        "{Town} Food Bank",
        &["{NAME}", "{town} FOOD BANK DONATION"],
        &DONATION,
    ),
    local(
        "{Town} Humane Society",
        &["{NAME}", "{town} HUMANE SOCIETY"],
        &DONATION,
    ),
    local("{Adj} Foundation", &[], &DONATION),
    local(
        "Temple Beth El of {Town}",
        &["{NAME}", "TEMPLE BETH EL {town}"],
        &CHURCH,
    ),
    local(
        "{Town} Islamic Center",
        &["{NAME}", "ISLAMIC CENTER OF {town}"],
        &CHURCH,
    ),
    bill(
        "{Town} Public Library",
        &["{NAME}", "{town} LIBRARY FINES"],
        &[],
        &GOVERNMENT,
    ),
];
