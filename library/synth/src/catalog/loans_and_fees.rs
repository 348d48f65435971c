//! LOAN_PAYMENTS (credit cards, mortgages, auto, student and personal loans,
//! buy-now-pay-later) and BANK_FEES (ATM, overdraft, insufficient funds,
//! maintenance, wire, foreign transaction, interest and late charges).

use super::Amount::{Prices, Range};
use super::{Merchant, Profile, ach, online, plain};

const CARD_PAYMENT: Profile = Profile {
    mcc: &[],
    amount: Range(2500, 850000),
};
const MORTGAGE: Profile = Profile {
    mcc: &[],
    amount: Range(85000, 650000),
};
const AUTO_LOAN: Profile = Profile {
    mcc: &[],
    amount: Range(19900, 135000),
};
const STUDENT_LOAN: Profile = Profile {
    mcc: &[],
    amount: Range(5000, 180000),
};
const PERSONAL_LOAN: Profile = Profile {
    mcc: &[],
    amount: Range(5000, 120000),
};
const BNPL: Profile = Profile {
    mcc: &["5999", "6012"],
    amount: Range(1250, 45000),
};
const ADVANCE_REPAYMENT: Profile = Profile {
    mcc: &[],
    amount: Range(2500, 50000),
};
const ATM_FEE: Profile = Profile {
    mcc: &[],
    amount: Prices(&[250, 300, 350, 400, 450, 500]),
};
const OVERDRAFT: Profile = Profile {
    mcc: &[],
    amount: Prices(&[1000, 1500, 2900, 3000, 3400, 3500, 3600, 3700]),
};
const MONTHLY: Profile = Profile {
    mcc: &[],
    amount: Prices(&[300, 500, 700, 1000, 1200, 1500, 2500]),
};
const WIRE_FEE: Profile = Profile {
    mcc: &[],
    amount: Prices(&[1500, 2500, 3000, 3500, 4000, 4500, 5000]),
};
const FOREIGN: Profile = Profile {
    mcc: &[],
    amount: Range(3, 2500),
};
const INTEREST_CHARGE: Profile = Profile {
    mcc: &[],
    amount: Range(150, 45000),
};
const LATE: Profile = Profile {
    mcc: &[],
    amount: Prices(&[2500, 2900, 3000, 3500, 3900, 4000, 4100]),
};
const SMALL_FEE: Profile = Profile {
    mcc: &[],
    amount: Prices(&[200, 300, 500, 800, 1000, 1500, 2000, 3000, 3500]),
};
const ANNUAL: Profile = Profile {
    mcc: &[],
    amount: Prices(&[3900, 9500, 9900, 25000, 32500, 55000, 69500]),
};

pub(crate) static LOAN_PAYMENTS: &[Merchant] = &[
    // Credit card payments from checking.
    ach(
        "Chase Card Services",
        &[
            "CHASE CREDIT CRD|AUTOPAY|PPD|4760039224",
            "CHASE CREDIT CRD|EPAY|WEB|2760039224",
        ],
        &CARD_PAYMENT,
    )
    .w(6),
    ach(
        "Citi Cards",
        &[
            "CITI AUTOPAY|PAYMENT {d6}|WEB|CITICARDAP",
            "CITI CARD ONLINE|PAYMENT|WEB",
        ],
        &CARD_PAYMENT,
    )
    .w(4),
    ach(
        "Capital One",
        &[
            "CAPITAL ONE|MOBILE PMT|WEB",
            "CAPITAL ONE|CRCARDPMT|PPD",
            "CAPITAL ONE|ONLINE PMT",
        ],
        &CARD_PAYMENT,
    )
    .w(5),
    ach(
        "American Express",
        &["AMEX EPAYMENT|ACH PMT|WEB", "AMERICAN EXPRESS|ACH PMT|PPD"],
        &CARD_PAYMENT,
    )
    .w(5),
    ach(
        "Discover",
        &["DISCOVER|E-PAYMENT|WEB", "DISCOVER DC PYMN|PAYMENT"],
        &CARD_PAYMENT,
    )
    .w(3),
    ach(
        "Bank of America Credit Card",
        &[
            "BK OF AMER VISA|ONLINE PMT|WEB",
            "BANK OF AMERICA|CREDIT CARD",
        ],
        &CARD_PAYMENT,
    )
    .w(3),
    ach(
        "Wells Fargo Card",
        &["WF CREDIT CARD|AUTO PAY|PPD", "WELLS FARGO CARD|CCPYMT"],
        &CARD_PAYMENT,
    )
    .w(2),
    ach(
        "US Bank Card",
        &["US BANK|CARD PYMT|WEB", "U.S. BANK|CC PAYMENT"],
        &CARD_PAYMENT,
    ),
    ach(
        "Apple Card",
        &["APPLECARD GSBANK|PAYMENT|WEB", "GS BANK USA|APPLE CARD"],
        &CARD_PAYMENT,
    )
    .w(3),
    ach(
        "Synchrony Bank",
        &["SYNCHRONY BANK|PAYMENT|WEB", "SYNCB/AMAZON|PAYMENT"],
        &CARD_PAYMENT,
    )
    .w(2),
    ach(
        "Barclaycard",
        &["BARCLAYCARD US|CREDITCARD|WEB"],
        &CARD_PAYMENT,
    ),
    ach(
        "Comenity",
        &["COMENITY PAY VI|WEB PYMT|WEB", "COMENITY BANK|PAYMENT"],
        &CARD_PAYMENT,
    ),
    ach(
        "Target Card Services",
        &["TARGET CARD SRVC|PAYMENT|WEB"],
        &CARD_PAYMENT,
    ),
    ach(
        "Credit One Bank",
        &["CREDIT ONE BANK|PAYMENT|WEB"],
        &CARD_PAYMENT,
    ),
    ach("Merrick Bank", &["MERRICK BANK|PAYMENT|WEB"], &CARD_PAYMENT),
    ach(
        "Navy Federal Card",
        &["NAVY FEDERAL CU|CC PAYMENT|WEB"],
        &CARD_PAYMENT,
    ),
    plain(
        "Card payment transfer",
        &[
            "PAYMENT TO CHASE CARD ENDING IN {d4} {mm/dd}",
            "ONLINE PAYMENT TO CREDIT CARD {d4}",
            "Online Banking payment to CRD {d4} Confirmation# {a10}",
        ],
        &CARD_PAYMENT,
    )
    .anon()
    .w(3),
    // Mortgages.
    ach(
        "Rocket Mortgage",
        &["ROCKET MORTGAGE|MTG PYMT|PPD", "QUICKEN LOANS|MORTGAGE|PPD"],
        &MORTGAGE,
    )
    .w(3),
    ach(
        "Mr. Cooper",
        &["MR. COOPER|MTG PYMT|WEB", "NATIONSTAR MTG|PAYMENT"],
        &MORTGAGE,
    )
    .w(2),
    ach(
        "Wells Fargo Home Mortgage",
        &["WELLS FARGO HOME|MTG PAYMT|PPD", "WF HOME MTG|AUTO PAY"],
        &MORTGAGE,
    )
    .w(2),
    ach(
        "Chase Mortgage",
        &["CHASE MORTGAGE|MTG PYMTS|PPD"],
        &MORTGAGE,
    ),
    ach("PennyMac", &["PENNYMAC|MTG PMT|WEB"], &MORTGAGE),
    ach("loanDepot", &["LOANDEPOT|MORTGAGE|WEB"], &MORTGAGE),
    ach(
        "NewRez",
        &["NEWREZ-SHELLPOIN|MTG PYMT|WEB", "SHELLPOINT MTG|PAYMENT"],
        &MORTGAGE,
    ),
    ach(
        "Freedom Mortgage",
        &["FREEDOM MORTGAGE|PAYMENT|WEB"],
        &MORTGAGE,
    ),
    ach(
        "US Bank Home Mortgage",
        &["US BANK HOME MTG|PAYMENT|PPD"],
        &MORTGAGE,
    ),
    ach("PHH Mortgage", &["PHH MORTGAGE|PAYMENT|WEB"], &MORTGAGE),
    ach("Cenlar", &["CENLAR|MTG PMT|WEB"], &MORTGAGE),
    ach(
        "Lakeview Loan Servicing",
        &["LAKEVIEW LOAN SE|PAYMENT|WEB"],
        &MORTGAGE,
    ),
    ach("Dovenmuehle", &["DOVENMUEHLE MTG|MTG PYMT|PPD"], &MORTGAGE),
    // Auto loans and leases.
    ach(
        "Toyota Financial Services",
        &["TOYOTA ACH|LEASE/LOAN|PPD", "TOYOTA FINANCIAL|PAYMENT|WEB"],
        &AUTO_LOAN,
    )
    .w(2),
    ach(
        "American Honda Finance",
        &["AMERICAN HONDA|HONDA PMT|WEB", "HONDA PMT|{d10}"],
        &AUTO_LOAN,
    )
    .w(2),
    ach(
        "Ally Auto",
        &["ALLY|ALLY PAYMT|WEB", "ALLY FINANCIAL|AUTO PMT"],
        &AUTO_LOAN,
    )
    .w(2),
    ach("GM Financial", &["GM FINANCIAL|GMF PYMT|WEB"], &AUTO_LOAN),
    ach(
        "Ford Credit",
        &["FORD CREDIT|PAYMENT|WEB", "FORD MOTOR CR|AUTOPAY"],
        &AUTO_LOAN,
    ),
    ach(
        "Nissan Motor Acceptance",
        &["NISSAN-INFINITI|NMAC PMT|WEB"],
        &AUTO_LOAN,
    ),
    ach(
        "Hyundai Motor Finance",
        &["HYUNDAI MOTOR FI|PAYMENT|WEB"],
        &AUTO_LOAN,
    ),
    ach("Kia Finance", &["KIA MOTORS FIN|PAYMENT|WEB"], &AUTO_LOAN),
    ach(
        "Capital One Auto",
        &["CAPITAL ONE AUTO|CARPAY|WEB"],
        &AUTO_LOAN,
    ),
    ach("Chase Auto", &["CHASE AUTO|AUTO LOAN|PPD"], &AUTO_LOAN),
    ach(
        "Santander Consumer",
        &["SANTANDER CONSUM|PAYMENT|WEB", "CHRYSLER CAPITAL|PAYMENT"],
        &AUTO_LOAN,
    ),
    ach(
        "CarMax Auto Finance",
        &["CARMAX AUTO FIN|PAYMENT|WEB"],
        &AUTO_LOAN,
    ),
    ach(
        "BMW Financial Services",
        &["BMW FIN SVC|PAYMENT|WEB"],
        &AUTO_LOAN,
    ),
    ach(
        "Mercedes-Benz Financial",
        &["MB FIN SVCS|PAYMENT|WEB"],
        &AUTO_LOAN,
    ),
    ach("VW Credit", &["VW CREDIT INC|PAYMENT|WEB"], &AUTO_LOAN),
    ach(
        "Westlake Financial",
        &["WESTLAKE FINANCI|PAYMENT|WEB"],
        &AUTO_LOAN,
    ),
    ach("Bridgecrest", &["BRIDGECREST|PAYMENT|WEB"], &AUTO_LOAN),
    // Student loans.
    ach(
        "Navient",
        &["NAVIENT|ED LOAN|WEB", "NAVIENT SL|PAYMENT"],
        &STUDENT_LOAN,
    )
    .w(2),
    ach(
        "Nelnet",
        &["NELNET|LOAN PMT|WEB", "NELNET LNS|NELNET LNS|PPD"],
        &STUDENT_LOAN,
    )
    .w(2),
    ach(
        "Sallie Mae",
        &["SALLIE MAE BANK|PAYMENT|WEB", "SALLIE MAE|SMB LOAN PM"],
        &STUDENT_LOAN,
    ),
    ach(
        "MOHELA",
        &["MOHELA|STUDNTLOAN|WEB", "DEPT EDUCATION|STUDENT LN"],
        &STUDENT_LOAN,
    )
    .w(2),
    ach(
        "Aidvantage",
        &["AIDVANTAGE|STUDNTLOAN|WEB", "DEPT EDUCATION|AIDVANTAGE"],
        &STUDENT_LOAN,
    ),
    ach("EdFinancial", &["EDFINANCIAL|LOAN PMT|WEB"], &STUDENT_LOAN),
    ach(
        "SoFi Student Loan",
        &["SOFI LENDING|STUDENT LN|WEB"],
        &STUDENT_LOAN,
    ),
    ach("Earnest", &["EARNEST OPERATIO|LOAN PMT|WEB"], &STUDENT_LOAN),
    // Personal loans, buy now pay later, advance repayments.
    ach(
        "SoFi Personal Loan",
        &["SOFI LENDING|PERS LOAN|WEB"],
        &PERSONAL_LOAN,
    ),
    ach(
        "LendingClub",
        &["LENDINGCLUB BANK|LOAN PMT|WEB"],
        &PERSONAL_LOAN,
    ),
    ach("Upstart", &["UPSTART NETWORK|PAYMENT|WEB"], &PERSONAL_LOAN),
    ach(
        "Prosper",
        &["PROSPER MARKETPL|LOAN PMT|WEB"],
        &PERSONAL_LOAN,
    ),
    ach("Best Egg", &["BEST EGG|PAYMENT|WEB"], &PERSONAL_LOAN),
    ach(
        "OneMain Financial",
        &["ONEMAIN|PAYMENT|WEB", "ONEMAIN FINANCIA|LOAN PMT"],
        &PERSONAL_LOAN,
    ),
    ach("Avant", &["AVANT LLC|PAYMENT|WEB"], &PERSONAL_LOAN),
    ach(
        "Mariner Finance",
        &["MARINER FINANCE|PAYMENT|WEB"],
        &PERSONAL_LOAN,
    ),
    online(
        "Affirm",
        &[
            "=AFFIRM.COM PAYMENTS",
            "=AFFIRM * PAY {a6}",
            "=AFFIRM INC {phone} CA",
        ],
        &BNPL,
    )
    .w(3),
    online(
        "Klarna",
        &["=KLARNA*PAY IN 4", "=KLARNA INC", "=Klarna* {a8}"],
        &BNPL,
    )
    .w(3),
    online("Afterpay", &["=AFTERPAY", "=AFTERPAY US {phone}"], &BNPL).w(2),
    online("Sezzle", &["=SEZZLE", "=SEZZLE INC"], &BNPL),
    online("Zip", &["=ZIP.CO", "=ZIP CO US INC"], &BNPL),
    ach("PayPal Credit", &["PAYPAL CREDIT|PAYMENT|WEB"], &BNPL),
    ach(
        "Dave repayment",
        &["DAVE INC|DEBIT|WEB"],
        &ADVANCE_REPAYMENT,
    ),
    ach(
        "Earnin repayment",
        &["EARNIN|ACTIVEHOUR|WEB"],
        &ADVANCE_REPAYMENT,
    ),
];

pub(crate) static BANK_FEES: &[Merchant] = &[
    // ATM fees.
    plain(
        "Chase non-network ATM fee",
        &[
            "NON-CHASE ATM FEE-WITH",
            "NON-CHASE ATM FEE-INQ",
            "NON-CHASE ATM WITHDRAW FEE",
        ],
        &ATM_FEE,
    )
    .anon()
    .w(3),
    plain(
        "Wells Fargo non-network ATM fee",
        &[
            "NON-WELLS FARGO ATM TRANSACTION FEE",
            "NON-WF ATM BALANCE INQUIRY FEE",
        ],
        &ATM_FEE,
    )
    .anon()
    .w(2),
    plain(
        "Bank of America non-network ATM fee",
        &[
            "NON-BANK OF AMERICA ATM FEE",
            "ATM FEE - NON-BOFA ATM {mm/dd}",
        ],
        &ATM_FEE,
    )
    .anon(),
    plain(
        "ATM surcharge",
        &[
            "ATM FEE",
            "ATM SURCHARGE",
            "FOREIGN ATM FEE",
            "ATM WITHDRAWAL FEE {mm/dd}",
            "OUT OF NETWORK ATM FEE",
        ],
        &ATM_FEE,
    )
    .anon()
    .w(3),
    plain(
        "International ATM fee",
        &["INTERNATIONAL ATM FEE", "INTL ATM WITHDRAWAL FEE"],
        &ATM_FEE,
    )
    .anon(),
    // Overdraft and insufficient funds.
    plain(
        "Overdraft fee",
        &[
            "OVERDRAFT FEE",
            "OVERDRAFT ITEM FEE",
            "OVERDRAFT FEE FOR A TRANSACTION POSTED ON {mm/dd} $ {d2}.{d2} {rest}",
            "Overdraft Item Fee For Activity Of {mm/dd}",
            "OD FEE",
            "PAID ITEM OVERDRAFT FEE",
        ],
        &OVERDRAFT,
    )
    .anon()
    .w(3),
    plain(
        "Extended overdraft fee",
        &[
            "EXTENDED OVERDRAFT FEE",
            "SUSTAINED OVERDRAFT CHARGE",
            "CONTINUOUS OD FEE",
        ],
        &OVERDRAFT,
    )
    .anon(),
    plain(
        "Insufficient funds fee",
        &[
            "INSUFFICIENT FUNDS FEE",
            "NSF FEE",
            "RETURNED ITEM FEE",
            "NSF RETURNED ITEM FEE {mm/dd}",
            "INSUFFICIENT FUNDS FEE FOR A $ {d2}.{d2} ITEM",
        ],
        &OVERDRAFT,
    )
    .anon()
    .w(2),
    plain(
        "Overdraft protection fee",
        &[
            "OVERDRAFT PROTECTION TRANSFER FEE",
            "OD PROTECTION XFER FEE",
        ],
        &SMALL_FEE,
    )
    .anon(),
    // Account fees.
    plain(
        "Monthly service fee",
        &[
            "MONTHLY SERVICE FEE",
            "Monthly Service Fee",
            "SERVICE CHARGE",
            "MONTHLY MAINTENANCE FEE",
            "MAINTENANCE FEE",
        ],
        &MONTHLY,
    )
    .anon()
    .w(3),
    plain(
        "Account maintenance fee",
        &[
            "ACCOUNT MAINTENANCE FEE",
            "ACCT ANALYSIS FEE",
            "CHECKING ACCOUNT FEE",
        ],
        &MONTHLY,
    )
    .anon(),
    plain(
        "Paper statement fee",
        &["PAPER STATEMENT FEE", "STATEMENT COPY FEE"],
        &SMALL_FEE,
    )
    .anon(),
    plain(
        "Excessive withdrawal fee",
        &[
            "EXCESSIVE WITHDRAWAL FEE",
            "SAVINGS WITHDRAWAL LIMIT FEE",
            "EXCESS TRANSACTION FEE",
        ],
        &SMALL_FEE,
    )
    .anon(),
    plain(
        "Stop payment fee",
        &["STOP PAYMENT FEE", "STOP PAYMENT CHARGE"],
        &WIRE_FEE,
    )
    .anon(),
    plain(
        "Cashier's check fee",
        &[
            "CASHIERS CHECK FEE",
            "OFFICIAL CHECK FEE",
            "COUNTER CHECK FEE",
        ],
        &SMALL_FEE,
    )
    .anon(),
    plain(
        "Card replacement fee",
        &["CARD REPLACEMENT FEE", "EXPEDITED CARD DELIVERY FEE"],
        &SMALL_FEE,
    )
    .anon(),
    plain(
        "Research fee",
        &["ACCOUNT RESEARCH FEE", "DOCUMENT COPY FEE"],
        &SMALL_FEE,
    )
    .anon(),
    plain("Coin counting fee", &["COIN COUNTING FEE"], &SMALL_FEE).anon(),
    plain(
        "Safe deposit box fee",
        &["SAFE DEPOSIT BOX RENTAL FEE", "SAFE DEP BOX ANNUAL FEE"],
        &ANNUAL,
    )
    .anon(),
    // Wires and foreign transactions.
    plain(
        "Wire transfer fee",
        &[
            "WIRE TRANSFER FEE",
            "DOMESTIC WIRE FEE",
            "ONLINE DOMESTIC WIRE FEE",
            "INCOMING WIRE FEE",
        ],
        &WIRE_FEE,
    )
    .anon()
    .w(2),
    plain(
        "International wire fee",
        &[
            "INTERNATIONAL WIRE FEE",
            "ONLINE FX INTL WIRE FEE",
            "INTL WIRE OUT FEE",
        ],
        &WIRE_FEE,
    )
    .anon(),
    plain(
        "Foreign transaction fee",
        &[
            "FOREIGN TRANSACTION FEE",
            "INTL TRANSACTION FEE",
            "FOREIGN EXCHANGE RATE ADJUSTMENT FEE",
            "FOREIGN TRANS FEE {rest}",
            "INTERNATIONAL PURCHASE TRANSACTION FEE",
        ],
        &FOREIGN,
    )
    .anon()
    .w(3),
    // Card interest, late and other charges.
    plain(
        "Purchase interest charge",
        &[
            "INTEREST CHARGE ON PURCHASES",
            "PURCHASE INTEREST CHARGE",
            "INTEREST CHARGED ON PURCHASES",
        ],
        &INTEREST_CHARGE,
    )
    .anon()
    .w(2),
    plain(
        "Cash advance interest",
        &[
            "INTEREST CHARGE ON CASH ADVANCES",
            "CASH ADVANCE INTEREST CHARGE",
        ],
        &INTEREST_CHARGE,
    )
    .anon(),
    plain(
        "Cash advance fee",
        &["CASH ADVANCE FEE", "BALANCE TRANSFER FEE"],
        &SMALL_FEE,
    )
    .anon(),
    plain(
        "Late payment fee",
        &[
            "LATE FEE",
            "LATE PAYMENT FEE",
            "LATE FEE - PAYMENT DUE {mm/dd}",
        ],
        &LATE,
    )
    .anon()
    .w(2),
    plain(
        "Returned payment fee",
        &["RETURNED PAYMENT FEE", "RETURN PAYMENT FEE"],
        &LATE,
    )
    .anon(),
    plain(
        "Annual membership fee",
        &["ANNUAL MEMBERSHIP FEE", "ANNUAL FEE", "MEMBERSHIP FEE"],
        &ANNUAL,
    )
    .anon(),
    plain(
        "Instant transfer fee",
        &[
            "VENMO INSTANT TRANSFER FEE",
            "INSTANT TRANSFER FEE",
            "PAYPAL INSTANT TRANSFER FEE",
        ],
        &SMALL_FEE,
    )
    .anon(),
];
