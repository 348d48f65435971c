//! TRANSFER_IN and TRANSFER_OUT: person-to-person payments, moves between a
//! customer's own accounts, brokerage and crypto funding, ATM withdrawals and
//! deposits, wires and remittances. The same service (Zelle, Venmo, Fidelity)
//! appears on both sides; the wording and the sign tell them apart.

use super::Amount::{Range, Round};
use super::{Merchant, Profile, ach, online, plain};

const P2P: Profile = Profile {
    mcc: &[],
    amount: Round(500, 150000, 500),
};
const P2P_CARD: Profile = Profile {
    mcc: &["4829", "6540"],
    amount: Round(1000, 100000, 500),
};
const OWN_ACCOUNT: Profile = Profile {
    mcc: &[],
    amount: Round(2500, 500000, 2500),
};
const INVESTMENT: Profile = Profile {
    mcc: &[],
    amount: Round(2500, 1000000, 2500),
};
const MICRO_INVEST: Profile = Profile {
    mcc: &[],
    amount: Range(100, 25000),
};
const CRYPTO: Profile = Profile {
    mcc: &["6051"],
    amount: Range(1000, 500000),
};
const ATM: Profile = Profile {
    mcc: &["6011"],
    amount: Round(2000, 80000, 2000),
};
const DEPOSIT: Profile = Profile {
    mcc: &[],
    amount: Range(2000, 450000),
};
const WIRE: Profile = Profile {
    mcc: &[],
    amount: Range(50000, 5000000),
};
const REMITTANCE: Profile = Profile {
    mcc: &["4829"],
    amount: Range(5000, 200000),
};
const ADVANCE: Profile = Profile {
    mcc: &[],
    amount: Round(2500, 50000, 500),
};
const LOAN_PROCEEDS: Profile = Profile {
    mcc: &[],
    amount: Round(100000, 4000000, 10000),
};

pub(crate) static TRANSFER_OUT: &[Merchant] = &[
    // Person to person.
    plain(
        "Zelle",
        &[
            "ZELLE TO {first} {last} ON {mm/dd}",
            "ZELLE TO {first} {last} ON {mm/dd} REF # PP0{a7}",
            "Zelle Payment To {First} {Last} {d11}",
            "ZELLE PAYMENT TO {first} {last} JPM99{a6}",
            "Zelle payment to {first} {last} Conf# {a9}",
            "ZELLE SENT {first} {last} {mm/dd}",
            "ZELLE DEBIT {first} {last} {d10}",
        ],
        &P2P,
    )
    .w(10),
    ach("Venmo", &["VENMO|PAYMENT|WEB|3264681992", "VENMO|PAYMENT {d10}|WEB"], &P2P).w(6),
    plain("Venmo card", &["VENMO* VISA DIRECT {phone} NY", "VENMO *{first} {last}"], &P2P_CARD),
    plain(
        "Cash App",
        &["CASH APP*{first} {last} 4153753176 CA", "Cash App*{First} {Last} Oakland CA", "SQ *CASH APP {first} {last}"],
        &P2P_CARD,
    )
    .w(4),
    ach("PayPal", &["PAYPAL|INST XFER|WEB|PAYPALSI77", "PAYPAL|ECHECK|WEB"], &P2P).w(3),
    plain("Apple Cash", &["APPLE CASH SENT MONEY {phone} CA", "APPLE CASH {mm/dd} SENT"], &P2P_CARD),
    plain("Google Pay", &["GOOGLE *SEND MONEY", "GOOGLE PAY SEND {first} {last}"], &P2P_CARD),
    // To the customer's own accounts.
    plain(
        "Chase transfer to savings",
        &["ONLINE TRANSFER TO SAV ...{d4} TRANSACTION#: {d11} {mm/dd}", "Online Transfer to SAV ...{d4} transaction#: {d11}"],
        &OWN_ACCOUNT,
    )
    .anon()
    .w(3),
    plain(
        "Bank of America transfer to savings",
        &["Online Banking transfer to SAV {d4} Confirmation# {a10}", "ONLINE BANKING TRANSFER TO SAV {d4} CONF# {a10}"],
        &OWN_ACCOUNT,
    )
    .anon()
    .w(2),
    plain(
        "Wells Fargo transfer to savings",
        &["ONLINE TRANSFER REF #IB0{a7} TO WAY2SAVE SAVINGS XXXXXX{d4} ON {mm/dd/yy}", "RECURRING TRANSFER TO {last} {first} SAVINGS REF #OP0{a7} XXXXXX{d4}"],
        &OWN_ACCOUNT,
    )
    .anon()
    .w(2),
    plain("Credit union share transfer", &["TRANSFER TO SHARE {d2}", "WITHDRAWAL TRANSFER TO SHARE {d4}", "HOME BANKING TRANSFER TO SAVINGS"], &OWN_ACCOUNT)
        .anon(),
    plain("Automatic savings transfer", &["AUTOMATIC TRANSFER TO SAVINGS", "AUTO SAVE TRANSFER {mm/dd}", "KEEP THE CHANGE TRANSFER TO ACCT {d4}"], &OWN_ACCOUNT)
        .anon(),
    plain("External transfer", &["EXTERNAL TRANSFER TO {bank} XXXXXX{d4}", "EXT TRNSFR TO {bank} ACCT {d4}", "ONLINE TRANSFER TO CHK ...{d4}"], &OWN_ACCOUNT)
        .anon(),
    ach("Ally Bank", &["ALLY BANK|P2P|WEB", "ALLY BANK $TRANS|TRANSFER|WEB"], &OWN_ACCOUNT),
    ach("Marcus by Goldman Sachs", &["GS BANK USA|TRANSFER|WEB", "MARCUS GOLDMAN|ONLINE TRF"], &OWN_ACCOUNT),
    ach("Capital One 360", &["CAPITAL ONE N.A.|360 XFER|WEB", "CAPITAL ONE|P2P XFER"], &OWN_ACCOUNT),
    ach("American Express Savings", &["AMEX NATL BANK|TRANSFER|WEB"], &OWN_ACCOUNT),
    ach("Discover Bank", &["DISCOVER BANK|ONLINE TRF|WEB"], &OWN_ACCOUNT),
    ach("Chime", &["CHIME|TRANSFER|WEB", "CHIME FINANCIAL|ACH TRANSF"], &OWN_ACCOUNT),
    ach("SoFi Bank", &["SOFI BANK|TRANSFER|WEB", "SOFI MONEY|P2P"], &OWN_ACCOUNT),
    // Investments and crypto.
    ach("Robinhood", &["ROBINHOOD|FUNDS|WEB", "ROBINHOOD|DEBITS|WEB"], &INVESTMENT).w(3),
    ach("Vanguard", &["VANGUARD BUY|INVESTMENT|PPD", "VANGUARD|EDI PYMNTS"], &INVESTMENT).w(2),
    ach("Fidelity", &["FID BKG SVC LLC|MONEYLINE|PPD", "FIDELITY INVESTM|ACH PMT"], &INVESTMENT).w(2),
    ach("Charles Schwab", &["SCHWAB BROKERAGE|MONEYLINK|PPD"], &INVESTMENT),
    ach("E*Trade", &["E*TRADE|ACH TRNSFR|WEB", "ETRADE SECURITIES|TRANSFER"], &INVESTMENT),
    ach("Webull", &["WEBULL FINANCIAL|ACH DEP|WEB"], &INVESTMENT),
    ach("Public.com", &["PUBLIC.COM|TRANSFER|WEB"], &INVESTMENT),
    ach("M1 Finance", &["M1 FINANCE|TRANSFER|WEB"], &INVESTMENT),
    ach("Betterment", &["BETTERMENT|INVESTMENT|WEB"], &INVESTMENT),
    ach("Wealthfront", &["WEALTHFRONT|EDI PYMNTS|WEB"], &INVESTMENT),
    ach("Acorns", &["ACORNS INVEST|TRANSFER|WEB", "ACORNS|ROUND-UPS"], &MICRO_INVEST).w(2),
    ach("Stash", &["STASH CAPITAL|STASH|WEB"], &MICRO_INVEST),
    ach("TreasuryDirect", &["TREAS DRCT|TREASDIRCT|PPD"], &INVESTMENT),
    ach("Merrill Edge", &["MERRILL LYNCH|TRANSFER|PPD", "ML INVESTMENT|FUNDS TRANSFER"], &INVESTMENT),
    ach("Edward Jones", &["EDWARD JONES|INVESTMENT|PPD"], &INVESTMENT),
    ach("Fundrise", &["FUNDRISE|INVESTMENT|WEB"], &INVESTMENT),
    ach("Coinbase", &["COINBASE.COM|{a8}|WEB", "COINBASE INC.|TRANSFER"], &CRYPTO).w(2),
    online("Coinbase card purchase", &["=COINBASE.COM/BTC", "=COINBASE INC. {phone} CA"], &CRYPTO),
    ach("Kraken", &["PAYWARD INC|KRAKEN|WEB"], &CRYPTO),
    ach("Gemini", &["GEMINI TRUST CO|GEMINI|WEB"], &CRYPTO),
    online("Crypto.com", &["=CRYPTO.COM", "=FORIS DAX CRYPTO.COM"], &CRYPTO),
    // Cash and wires.
    plain(
        "ATM withdrawal",
        &[
            "ATM WITHDRAWAL {d6} {mm/dd}{addr} {town} {st}",
            "WITHDRAWAL ATM {d4} {addr} {town} {st}",
            "ATM CASH WITHDRAWAL {mmdd} {bank} {town} {st}",
            "ATM W/D {d6} {town} {st}",
            "NON-CHASE ATM WITHDRAW {d6} {mm/dd}{addr} {town} {st}",
            "ATM WITHDRAWAL AUTHORIZED ON {mm/dd} {addr} {town} {st} {d7} ATM ID {d4}",
        ],
        &ATM,
    )
    .anon()
    .w(6),
    plain("Teller withdrawal", &["WITHDRAWAL", "COUNTER WITHDRAWAL", "WITHDRAWAL IN BRANCH {mm/dd}"], &ATM).anon(),
    plain(
        "Outgoing wire",
        &[
            "WIRE TYPE:WIRE OUT DATE:{yymmdd} TIME:{d4} ET TRN:{d16} SERVICE REF:{d6} BNF:{first} {last} ID:{d10} BNF BK:{bank} ID:{d9}",
            "ONLINE INTERNATIONAL WIRE TRANSFER A/C: {first} {last} REF:{a10}",
            "WIRE TRANSFER OUT {d10} {first} {last}",
            "OUTGOING WIRE TRANSFER {mm/dd} {bank}",
        ],
        &WIRE,
    )
    .anon(),
    online("Western Union", &["=WESTERN UNION ONLINE {phone}", "=WU *{d10}", "=WESTERN UNION {d10}"], &REMITTANCE),
    online("MoneyGram", &["=MONEYGRAM US {d8}", "=MGI*MONEYGRAM"], &REMITTANCE),
    online("Remitly", &["=REMITLY* {a8}", "=REMITLY INC {phone} WA"], &REMITTANCE),
    ach("Wise", &["WISE INC|WISE|WEB", "TRANSFERWISE|TRANSFER"], &REMITTANCE),
    online("Xoom", &["=PAYPAL *XOOM", "=XOOM.COM {phone} CA"], &REMITTANCE),
    online("WorldRemit", &["=WORLDREMIT {a8}"], &REMITTANCE),
];

pub(crate) static TRANSFER_IN: &[Merchant] = &[
    // Person to person.
    plain(
        "Zelle",
        &[
            "ZELLE FROM {first} {last} ON {mm/dd}",
            "ZELLE FROM {first} {last} ON {mm/dd} REF # PP0{a7}",
            "Zelle Payment From {First} {Last} {a12}",
            "ZELLE PAYMENT FROM {first} {last} BACXX{a6}",
            "Zelle payment from {first} {last} Conf# {a9}",
            "ZELLE RECEIVED {first} {last} {mm/dd}",
            "ZELLE CREDIT {first} {last} {d10}",
        ],
        &P2P,
    )
    .w(9),
    ach("Venmo", &["VENMO|CASHOUT|PPD|5264681992", "VENMO|CASHOUT {d10}|PPD"], &P2P).w(6),
    plain("Cash App", &["CASH APP*CASH OUT {phone} CA", "Cash App*Cash Out Oakland CA", "SQUARE INC*CASH APP {first} {last}"], &P2P).w(3),
    ach("PayPal", &["PAYPAL|TRANSFER|PPD|PAYPALSD11", "PAYPAL|TRANSFER {d11}|PPD"], &P2P).w(3),
    ach("Apple Cash", &["APPLE CASH|TRANSFER|PPD", "APPLE CASH|INST XFER"], &P2P),
    ach("Google Pay", &["GOOGLE PAY|TRANSFER|PPD"], &P2P),
    // Deposits.
    plain(
        "Mobile check deposit",
        &[
            "MOBILE DEPOSIT",
            "REMOTE ONLINE DEPOSIT # {d1}",
            "MOBILE DEPOSIT : REF NUMBER :{d9}",
            "BKOFAMERICA MOBILE {mm/dd} {d10} DEPOSIT *MOBILE {st}",
            "MOBILE CHECK DEPOSIT {mm/dd}",
            "DEPOSIT ID NUMBER {d6}",
        ],
        &DEPOSIT,
    )
    .anon()
    .w(5),
    plain(
        "ATM deposit",
        &["ATM CHECK DEPOSIT {mm/dd} {addr} {town} {st}", "ATM CASH DEPOSIT {mm/dd} {addr} {town} {st}", "ATM DEPOSIT {d6} {town} {st}"],
        &DEPOSIT,
    )
    .anon()
    .w(2),
    plain("Branch deposit", &["DEPOSIT", "COUNTER DEPOSIT", "BRANCH DEPOSIT - THANK YOU", "EDEPOSIT IN BRANCH/STORE {mm/dd/yy} {addr} {town} {st}"], &DEPOSIT)
        .anon()
        .w(2),
    // From the customer's own accounts.
    plain(
        "Chase transfer from savings",
        &["ONLINE TRANSFER FROM SAV ...{d4} TRANSACTION#: {d11}", "Online Transfer from SAV ...{d4} transaction#: {d11} {mm/dd}"],
        &OWN_ACCOUNT,
    )
    .anon()
    .w(3),
    plain(
        "Bank of America transfer from savings",
        &["Online Banking transfer from SAV {d4} Confirmation# {a10}", "ONLINE BANKING TRANSFER FROM SAV {d4} CONF# {a10}"],
        &OWN_ACCOUNT,
    )
    .anon()
    .w(2),
    plain(
        "Wells Fargo transfer from savings",
        &["ONLINE TRANSFER REF #IB0{a7} FROM WAY2SAVE SAVINGS XXXXXX{d4} ON {mm/dd/yy}", "ONLINE TRANSFER FROM {last} {first} EVERYDAY CHECKING XXXXXX{d4} REF #IB0{a7}"],
        &OWN_ACCOUNT,
    )
    .anon()
    .w(2),
    plain("Credit union share deposit", &["TRANSFER FROM SHARE {d2}", "DEPOSIT TRANSFER FROM SHARE {d4}", "HOME BANKING TRANSFER FROM SAVINGS"], &OWN_ACCOUNT)
        .anon(),
    plain("Overdraft protection transfer", &["OVERDRAFT PROTECTION FROM SAV {d4}", "AUTOMATIC TRANSFER FROM SAVINGS", "OD PROTECTION XFER FROM {d4}"], &OWN_ACCOUNT)
        .anon(),
    plain("External transfer in", &["EXTERNAL TRANSFER FROM {bank} XXXXXX{d4}", "EXT TRNSFR FROM {bank} ACCT {d4}", "ONLINE TRANSFER FROM CHK ...{d4}"], &OWN_ACCOUNT)
        .anon(),
    ach("Ally Bank", &["ALLY BANK|TRANSFER|PPD", "ALLY BANK $TRANS|P2P"], &OWN_ACCOUNT),
    ach("Marcus by Goldman Sachs", &["GS BANK USA|TRANSFER|PPD", "MARCUS GOLDMAN|WITHDRAWAL"], &OWN_ACCOUNT),
    ach("Capital One 360", &["CAPITAL ONE N.A.|360 XFER|PPD"], &OWN_ACCOUNT),
    ach("Discover Bank", &["DISCOVER BANK|WITHDRAWAL|PPD"], &OWN_ACCOUNT),
    ach("Chime", &["CHIME|TRANSFER|PPD"], &OWN_ACCOUNT),
    // From investments and crypto.
    ach("Robinhood", &["ROBINHOOD|CREDITS|PPD", "ROBINHOOD|WITHDRAWAL"], &INVESTMENT).w(2),
    ach("Vanguard", &["VANGUARD SELL|INVESTMENT|PPD", "VANGUARD|REDEMPTION"], &INVESTMENT),
    ach("Fidelity", &["FID BKG SVC LLC|MONEYLINE|PPD", "FIDELITY INVESTM|WITHDRAWAL"], &INVESTMENT),
    ach("Charles Schwab", &["SCHWAB BROKERAGE|MONEYLINK|PPD", "SCHWAB|TRANSFER"], &INVESTMENT),
    ach("E*Trade", &["E*TRADE|ACH WTHDRW|PPD"], &INVESTMENT),
    ach("Acorns", &["ACORNS|WITHDRAWAL|PPD"], &MICRO_INVEST),
    ach("Betterment", &["BETTERMENT|WITHDRAWAL|PPD"], &INVESTMENT),
    ach("Wealthfront", &["WEALTHFRONT|WITHDRAWAL|PPD"], &INVESTMENT),
    ach("Coinbase", &["COINBASE INC.|{a8}|PPD", "COINBASE|WITHDRAWAL"], &CRYPTO),
    ach("Kraken", &["PAYWARD INC|WITHDRAWAL|PPD"], &CRYPTO),
    // Wires and remittances.
    plain(
        "Incoming wire",
        &[
            "WIRE TYPE:WIRE IN DATE: {yymmdd} TIME:{d4} ET TRN:{d16} SEQ:{d10}/{d6} ORIG:{first} {last} ID:{d10} SND BK:{bank} ID:{d9}",
            "INCOMING WIRE TRANSFER {d10}",
            "FEDWIRE CREDIT VIA: {bank}/{d9} B/O: {first} {last} REF: {a10}",
            "WIRE TRANSFER IN {first} {last}",
        ],
        &WIRE,
    )
    .anon(),
    ach("Western Union", &["WESTERN UNION|MONEY TRANSFER|PPD"], &REMITTANCE),
    ach("Wise", &["WISE INC|WISE|PPD", "TRANSFERWISE|INBOUND"], &REMITTANCE),
    ach("Remitly", &["REMITLY|CREDIT|PPD"], &REMITTANCE),
    // Cash advances and loan proceeds (Plaid TRANSFER_IN_CASH_ADVANCES_AND_LOANS).
    ach("Earnin", &["EARNIN|ACTIVEHOUR|PPD", "ACTIVEHOURS|CASHOUT"], &ADVANCE),
    ach("Dave", &["DAVE INC|DAVE ADV|PPD", "DAVE, INC|EXTRACASH"], &ADVANCE),
    ach("Brigit", &["BRIGIT|ADVANCE|PPD"], &ADVANCE),
    ach("MoneyLion", &["MONEYLION|INSTACASH|PPD"], &ADVANCE),
    ach("SoFi personal loan proceeds", &["SOFI BANK|LOAN DISB|PPD"], &LOAN_PROCEEDS),
    ach("Upstart loan proceeds", &["UPSTART NETWORK|LOAN PROCE|PPD"], &LOAN_PROCEEDS),
    ach("LendingClub loan proceeds", &["LENDINGCLUB BANK|LOAN FUND|PPD"], &LOAN_PROCEEDS),
];
