//! INCOME: wages (through payroll processors or straight from the employer),
//! gig-work and marketplace payouts, interest, dividends, government benefits,
//! pensions — and tax refunds, which Plaid files as INCOME_TAX_REFUND (tax
//! *payments* are GOVERNMENT_AND_NON_PROFIT).

use super::Amount::{Prices, Range};
use super::{Merchant, Profile, ach, plain};

const PAYROLL: Profile = Profile {
    mcc: &[],
    amount: Range(80000, 900000),
};
const GIG: Profile = Profile {
    mcc: &[],
    amount: Range(1500, 180000),
};
const INTEREST: Profile = Profile {
    mcc: &[],
    amount: Range(1, 9500),
};
const DIVIDEND: Profile = Profile {
    mcc: &[],
    amount: Range(50, 85000),
};
const TAX_REFUND: Profile = Profile {
    mcc: &[],
    amount: Range(5000, 650000),
};
const BENEFIT: Profile = Profile {
    mcc: &[],
    amount: Range(45000, 420000),
};
const UNEMPLOYMENT: Profile = Profile {
    mcc: &[],
    amount: Prices(&[45000, 50400, 90000, 82500, 72000, 105000]),
};
const PENSION: Profile = Profile {
    mcc: &[],
    amount: Range(60000, 650000),
};
const REWARD: Profile = Profile {
    mcc: &[],
    amount: Range(500, 45000),
};

pub(crate) static INCOME: &[Merchant] = &[
    // Payroll processors.
    ach(
        "Gusto",
        &[
            "GUSTO|PAY {d6}|PPD|9138864001",
            "GUSTO|NET PAY|PPD",
            "ZENPAYROLL|PAYROLL|PPD",
        ],
        &PAYROLL,
    )
    .w(4),
    ach(
        "ADP",
        &[
            "ADP PAYROLL|PAYROLL|PPD",
            "ADP WAGE PAY|WAGE PAY|PPD",
            "ADP-FEDERAL|SALARY",
        ],
        &PAYROLL,
    )
    .w(5),
    ach(
        "Paychex",
        &[
            "PAYCHEX-HRS|PAYROLL|PPD",
            "PAYCHEX TPS|PAYROLL|PPD",
            "PAYCHEX EIB|PAYROLL",
        ],
        &PAYROLL,
    )
    .w(3),
    ach(
        "Intuit Payroll",
        &["INTUIT PAYROLL S|PAYROLL|PPD", "QUICKBOOKS PAYRO|PAYROLL"],
        &PAYROLL,
    ),
    ach(
        "TriNet",
        &["TRINET|PAYROLL|PPD", "TRINET HR|DIRECT DEP"],
        &PAYROLL,
    ),
    ach("Justworks", &["JUSTWORKS INC|PAYROLL|PPD"], &PAYROLL),
    ach(
        "Rippling",
        &["RIPPLING|PAYROLL|PPD", "PEOPLE CENTER IN|PAYROLL"],
        &PAYROLL,
    ),
    ach("Paylocity", &["PAYLOCITY CORPOR|DIRECT DEP|PPD"], &PAYROLL),
    ach("Paycom", &["PAYCOM PAYROLL|PAYROLL|PPD"], &PAYROLL),
    ach("Paycor", &["PAYCOR INC|PAYROLL|PPD"], &PAYROLL),
    ach(
        "Workday Payroll",
        &["WORKDAY PAYROLL|DIR DEP|PPD"],
        &PAYROLL,
    ),
    ach("Deel", &["DEEL INC|PAYOUT|CCD", "DEEL|PAYMENT"], &PAYROLL),
    // Employers paying directly.
    ach(
        "Amazon",
        &["AMAZON.COM SVCS|PAYROLL|PPD", "AMAZON DEVELOPME|PAYROLL"],
        &PAYROLL,
    )
    .w(2),
    ach(
        "Walmart",
        &["WAL-MART ASSOC|PAYROLL|PPD", "WALMART INC|DIRECT DEP"],
        &PAYROLL,
    )
    .w(2),
    ach("Target", &["TARGET CORP|PAYROLL|PPD"], &PAYROLL),
    ach(
        "Kaiser Permanente",
        &["KAISER FOUNDATIO|PAYROLL|PPD"],
        &PAYROLL,
    ),
    ach("Starbucks", &["STARBUCKS CORP|PAYROLL|PPD"], &PAYROLL),
    ach(
        "UPS",
        &["UNITED PARCEL SE|PAYROLL|PPD", "UPS|DIR DEP"],
        &PAYROLL,
    ),
    ach("The Home Depot", &["HOME DEPOT|PAYROLL|PPD"], &PAYROLL),
    ach("JPMorgan Chase", &["JPMORGAN CHASE|PAYROLL|PPD"], &PAYROLL),
    ach("Google", &["GOOGLE LLC|PAYROLL|PPD"], &PAYROLL),
    ach(
        "Microsoft",
        &["MICROSOFT CORP|PAYROLL|PPD", "MICROSOFT|DIR DEP"],
        &PAYROLL,
    ),
    ach("Apple", &["APPLE INC|PAYROLL|PPD"], &PAYROLL),
    ach(
        "Meta",
        &["META PLATFORMS|PAYROLL|PPD", "FACEBOOK INC|PAYROLL"],
        &PAYROLL,
    ),
    ach("Deloitte", &["DELOITTE LLP|PAYROLL|PPD"], &PAYROLL),
    ach("Accenture", &["ACCENTURE LLP|DIRECT DEP|PPD"], &PAYROLL),
    ach(
        "State of California",
        &["STATE OF CALIF|PAYROLL|PPD", "CA STATE CONTROL|SALARY"],
        &PAYROLL,
    ),
    ach("State of Texas", &["STATE OF TEXAS|PAYROLL|PPD"], &PAYROLL),
    ach(
        "US Government",
        &["US TREASURY 220|FED SAL|PPD", "US TREASURY 220|SALARY"],
        &PAYROLL,
    ),
    ach(
        "DFAS",
        &["DFAS-CLEVELAND|NET PAY|PPD", "DFAS-IN IND,IN|ARMY ACT|PPD"],
        &PAYROLL,
    ),
    ach("HCA Healthcare", &["HCA HEALTHCARE|PAYROLL|PPD"], &PAYROLL),
    ach("FedEx", &["FEDEX CORP|PAYROLL|PPD"], &PAYROLL),
    ach("Costco", &["COSTCO WHOLESALE|PAYROLL|PPD"], &PAYROLL),
    ach(
        "Bank of America",
        &["BANK OF AMERICA|PAYROLL|PPD"],
        &PAYROLL,
    ),
    ach("Lowe's", &["LOWES COMPANIES|PAYROLL|PPD"], &PAYROLL),
    ach(
        "{Town} Unified School District",
        &["{town} USD|PAYROLL|PPD", "{town} SCHOOL DI|SALARY|PPD"],
        &PAYROLL,
    )
    .w(2),
    ach(
        "City of {Town}",
        &["CITY OF {town}|PAYROLL|PPD", "CITY OF {town}|DIR DEP|PPD"],
        &PAYROLL,
    ),
    ach(
        "{County} County",
        &["{county} COUNTY|PAYROLL|PPD"],
        &PAYROLL,
    ),
    ach(
        "{Last} Construction Inc",
        &["{last} CONSTRUCTI|PAYROLL|PPD"],
        &PAYROLL,
    ),
    ach(
        "{Adj} Dental Group",
        &["{adj} DENTAL GR|PAYROLL|PPD"],
        &PAYROLL,
    ),
    ach(
        "University of {Town}",
        &["UNIV OF {town}|PAYROLL|PPD"],
        &PAYROLL,
    ),
    // Gig work and marketplace payouts.
    ach(
        "Uber payouts",
        &["UBER USA 6787|EDI PYMNTS|CCD", "UBER TECHNOLOGIE|PAYOUT"],
        &GIG,
    )
    .w(2),
    ach(
        "Lyft payouts",
        &["LYFT INC|PAYOUT|CCD", "LYFT|DRIVER PAY"],
        &GIG,
    ),
    ach(
        "DoorDash payouts",
        &["DOORDASH, INC.|PAYMENTS|CCD", "DOORDASH INC|DASHER"],
        &GIG,
    )
    .w(2),
    ach(
        "Instacart payouts",
        &["MAPLEBEAR INC|INSTACART|CCD", "INSTACART|SHOPPER PAY"],
        &GIG,
    ),
    ach("Amazon Flex", &["AMAZON FLEX|PAYMENTS|CCD"], &GIG),
    ach("Shipt", &["SHIPT INC|PAYOUT|CCD"], &GIG),
    ach(
        "Etsy deposits",
        &["ETSY, INC.|DEPOSIT|CCD", "ETSY INC|PAYOUT"],
        &GIG,
    ),
    ach(
        "Airbnb payouts",
        &["AIRBNB PAYMENTS|AIRBNB|CCD", "AIRBNB 4977|PAYOUT"],
        &GIG,
    ),
    ach(
        "Stripe payouts",
        &["STRIPE|TRANSFER|CCD", "STRIPE|TRANSFER ST-{a10}"],
        &GIG,
    ),
    ach(
        "Square payouts",
        &["SQUARE INC|SQ{yymmdd}|CCD", "SQUARE INC|DEPOSIT"],
        &GIG,
    ),
    ach("Shopify payouts", &["SHOPIFY|TRANSFER|CCD"], &GIG),
    ach("Upwork payouts", &["UPWORK ESCROW|EDI PYMNTS|CCD"], &GIG),
    ach("eBay payouts", &["EBAY COMMERCE IN|PAYOUT|CCD"], &GIG),
    ach(
        "Amazon seller payouts",
        &["AMAZON.COM|SELLER PAY|CCD"],
        &GIG,
    ),
    ach(
        "YouTube partner payments",
        &["GOOGLE LLC|YOUTUBE|CCD", "GOOGLE|ADSENSE"],
        &GIG,
    ),
    // Interest and dividends.
    plain(
        "Interest",
        &[
            "INTEREST PAYMENT",
            "INTEREST PAID",
            "Interest Paid",
            "INTEREST EARNED",
            "MONTHLY INTEREST PAID",
            "DEPOSIT INTEREST",
        ],
        &INTEREST,
    )
    .anon()
    .w(4),
    plain(
        "Savings interest",
        &[
            "INTEREST CREDIT",
            "INTEREST CREDIT ON SAVINGS",
            "Interest Earned {mm/dd}",
        ],
        &INTEREST,
    )
    .anon(),
    ach("Marcus interest", &["MARCUS|INTEREST"], &INTEREST),
    plain(
        "Dividend",
        &[
            "DIVIDEND",
            "DIVIDEND RECEIVED",
            "CASH DIVIDEND",
            "DIV {a4} {mm/dd}",
        ],
        &DIVIDEND,
    )
    .anon(),
    ach("Fidelity dividends", &["FIDELITY|DIV PAYMT|PPD"], &DIVIDEND),
    plain(
        "Cash back reward",
        &[
            "CASH REWARD REDEMPTION",
            "REWARDS REDEMPTION",
            "CASHBACK BONUS REDEMPTION",
        ],
        &REWARD,
    )
    .anon(),
    // Tax refunds.
    ach(
        "IRS tax refund",
        &[
            "IRS TREAS 310|TAX REF|PPD|9101036151",
            "IRS TREAS 310|TAX REF",
        ],
        &TAX_REFUND,
    )
    .w(3),
    ach(
        "California tax refund",
        &["FRANCHISE TAX BD|CASTTAXRFD|PPD", "CA FTB|TAX REFUND"],
        &TAX_REFUND,
    ),
    ach(
        "New York tax refund",
        &["NYS DTF PIT|TAX REFUND|PPD"],
        &TAX_REFUND,
    ),
    ach(
        "New Jersey tax refund",
        &["STATE OF N.J.|NJSTTAXRFD|PPD"],
        &TAX_REFUND,
    ),
    ach(
        "State tax refund",
        &[
            "{st} STATE TAX REF|TAX REFUND|PPD",
            "{st} DEPT REV|REFUND|PPD",
        ],
        &TAX_REFUND,
    ),
    // Benefits and pensions.
    ach(
        "Social Security",
        &["SSA TREAS 310|XXSOC SEC|PPD", "SSA TREAS 310|SOC SEC"],
        &BENEFIT,
    )
    .w(3),
    ach(
        "Supplemental Security Income",
        &["SSI TREAS 310|XXSUPP SEC|PPD"],
        &BENEFIT,
    ),
    ach("VA benefits", &["VACP TREAS 310|XXVA BENEF|PPD"], &BENEFIT),
    ach(
        "Unemployment insurance",
        &[
            "{st} DEPT OF LABO|UI BENEFIT|PPD",
            "NYS DOL UI DD|UI DD|PPD",
        ],
        &UNEMPLOYMENT,
    ),
    ach("OPM retirement", &["OPM1 TREAS 310|CSA|PPD"], &PENSION),
    ach("CalPERS", &["CALPERS|RETIREMENT|PPD"], &PENSION),
    ach("TIAA", &["TIAA|ANNUITY PMT|PPD"], &PENSION),
    ach(
        "Fidelity pension",
        &["FIDELITY INVESTM|PENSION|PPD"],
        &PENSION,
    ),
];
