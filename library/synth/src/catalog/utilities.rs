//! RENT_AND_UTILITIES: rent to landlords and property managers (often through
//! a payment platform), gas and electricity, water, sewage and waste, and —
//! following Plaid — internet, cable and telephone bills.

use super::Amount::{Range, Round};
use super::{Merchant, Profile, ach, bill, online};

const RENT: Profile = Profile {
    mcc: &["6513"],
    amount: Round(90000, 450000, 500),
};
const ENERGY: Profile = Profile {
    mcc: &["4900"],
    amount: Range(3500, 42000),
};
const WATER: Profile = Profile {
    mcc: &["4900"],
    amount: Range(2500, 18000),
};
const WASTE: Profile = Profile {
    mcc: &["4900"],
    amount: Range(2500, 12000),
};
const CABLE: Profile = Profile {
    mcc: &["4899"],
    amount: Range(3000, 28000),
};
const PHONE: Profile = Profile {
    mcc: &["4814"],
    amount: Range(1500, 32000),
};
const PROPANE: Profile = Profile {
    mcc: &["5983"],
    amount: Range(9000, 95000),
};
const HOA: Profile = Profile {
    mcc: &["6513", "8641"],
    amount: Round(5000, 90000, 500),
};

pub(crate) static RENT_AND_UTILITIES: &[Merchant] = &[
    // Rent through platforms and property managers.
    online(
        "Bilt Rent",
        &[
            "=BILT RENT*{street} APTS",
            "=BILT*RENT PAYMENT",
            "=BILTRENT {a8}",
        ],
        &RENT,
    )
    .w(3),
    ach(
        "AppFolio",
        &["APPFOLIO|WEB PMTS|WEB", "APPFOLIO INC|RENT|WEB"],
        &RENT,
    )
    .w(3),
    ach(
        "Yardi RentCafe",
        &["RENTCAFE|RENT PAYMT", "YARDI SYSTEMS|RENT|WEB"],
        &RENT,
    )
    .w(3),
    ach(
        "RentPayment.com",
        &["RENTPAYMENT|RENT|WEB", "RENTPAYMENT.COM|PAYMENT"],
        &RENT,
    )
    .w(2),
    ach(
        "Buildium",
        &["BUILDIUM|RENT|WEB", "BLD*{street} PROP|RENT"],
        &RENT,
    )
    .w(2),
    ach("ClickPay", &["CLICKPAY|RENT|WEB"], &RENT),
    ach(
        "Zego PayLease",
        &["PAYLEASE.COM|RENT|WEB", "ZEGO|RENT PMT"],
        &RENT,
    ),
    ach(
        "Zillow Rent",
        &["ZILLOW RENTAL|RENT|WEB", "ZILLOW RENT|PAYMENT"],
        &RENT,
    ),
    ach("Apartments.com", &["APARTMENTS.COM|RENT PYMT"], &RENT),
    ach("TurboTenant", &["TURBOTENANT|RENT|WEB"], &RENT),
    ach("Avail", &["AVAIL|RENT|WEB"], &RENT),
    ach(
        "RealPage",
        &["REALPAGE|RENT|WEB", "ONESITE RENT|PAYMENT"],
        &RENT,
    ),
    ach(
        "Greystar",
        &["GREYSTAR|RENT PMT", "GREYSTAR RS|RENT"],
        &RENT,
    )
    .w(2),
    ach(
        "Equity Residential",
        &["EQR|RENT|WEB", "EQUITY RESIDENTI|RENT"],
        &RENT,
    ),
    ach(
        "AvalonBay",
        &["AVALONBAY|RENT|WEB", "AVALON {town}|RENT"],
        &RENT,
    ),
    ach("Camden Property Trust", &["CAMDEN PROPERTY|RENT"], &RENT),
    ach("MAA", &["MID-AMERICA APT|RENT"], &RENT),
    ach("Essex Property Trust", &["ESSEX PORTFOLIO|RENT"], &RENT),
    ach("Invitation Homes", &["INVITATION HOMES|RENT|WEB"], &RENT),
    ach("Progress Residential", &["PROGRESS RESIDEN|RENT"], &RENT),
    ach("American Homes 4 Rent", &["AMERICAN HOMES 4|RENT"], &RENT),
    ach("Irvine Company Apartments", &["IRVINE CO APTS|RENT"], &RENT),
    // Small landlords are paid by ACH from their own bank's portal.
    ach(
        "{Street} Apartments",
        &[
            "{street} APTS|RENT|WEB",
            "{street} APARTMENT|RENT PMT",
            "{street} APTS LLC|WEB PMTS",
        ],
        &RENT,
    )
    .w(3),
    ach(
        "{Last} Properties LLC",
        &["{last} PROPERTIES|RENT|WEB", "{last} PROPERTY MG|RENT PMT"],
        &RENT,
    )
    .w(2),
    ach(
        "{Adj} Property Management",
        &["{adj} PROPERTY MGMT|RENT|WEB"],
        &RENT,
    ),
    ach(
        "{Adj} HOA",
        &["{adj} HOA|HOA DUES|WEB", "{adj} HOMEOWNERS|ASSESSMENT"],
        &HOA,
    ),
    // Gas and electricity.
    bill(
        "PG&E",
        &[
            "=PGANDE WEB ONLINE",
            "=PG&E/EZ-PAY",
            "=PACIFIC GAS & ELECTRIC",
        ],
        &["PGANDE|WEB ONLINE", "PG&E|WEB ONLINE"],
        &ENERGY,
    )
    .w(4),
    bill(
        "Southern California Edison",
        &["=SO CAL EDISON CO", "=SCE PAYMENT"],
        &["SO CAL EDISON CO|BILL PAYMT"],
        &ENERGY,
    )
    .w(3),
    bill(
        "SDG&E",
        &["=SDG&E WEB PAYMENT"],
        &["SDG&E|WEB PAYMT", "SAN DIEGO GAS|SDGE"],
        &ENERGY,
    ),
    bill(
        "Con Edison",
        &["=CON ED OF NY", "=CONED WEB PAYMENT"],
        &["CON ED OF NY|INTELL CK", "CONSOLIDATED EDI|PAYMENT"],
        &ENERGY,
    )
    .w(3),
    bill(
        "Duke Energy",
        &["=DUKE ENERGY", "=DUKE-ENERGY PAYMENT {phone}"],
        &["DUKE ENERGY|DUKE ENERG", "DUKEENERGY|BILL PAY"],
        &ENERGY,
    )
    .w(3),
    bill(
        "Dominion Energy",
        &["=DOMINION ENERGY"],
        &["DOMINION ENERGY|BILLPAY", "DOM VA POWER|BILLPAY"],
        &ENERGY,
    )
    .w(2),
    bill(
        "Georgia Power",
        &["=GEORGIA POWER"],
        &["GEORGIA POWER|BILL PAY"],
        &ENERGY,
    ),
    bill(
        "Florida Power & Light",
        &["=FPL DIRECT DEBIT", "=FPL ONLINE PAYMENT"],
        &["FPL|DIRECT DEBIT", "FLA POWER & LIGH|PAYMENT"],
        &ENERGY,
    )
    .w(2),
    bill(
        "Xcel Energy",
        &["=XCEL ENERGY"],
        &["XCEL ENERGY-NSP|XCELENERGY", "XCEL ENERGY|PAYMENT"],
        &ENERGY,
    ),
    bill(
        "ComEd",
        &["=COMED"],
        &["COMED|UTIL PAYMT", "COMMONWEALTH EDI|EPAYMENT"],
        &ENERGY,
    )
    .w(2),
    bill(
        "PECO",
        &["=PECO ENERGY"],
        &["PECO|BILL PAY", "PECO ENERGY|PAYMENT"],
        &ENERGY,
    ),
    bill(
        "PSE&G",
        &["=PSEG ONLINE PAYMENT"],
        &["PSE&G|PAYMENT", "PSEG|UTIL PMT"],
        &ENERGY,
    ),
    bill(
        "National Grid",
        &["=NATIONAL GRID US"],
        &["NATIONAL GRID|UTILITY", "NATIONAL GRID NY|PAYMENT"],
        &ENERGY,
    ),
    bill(
        "Eversource",
        &["=EVERSOURCE ENERGY"],
        &["EVERSOURCE|PAYMENT", "EVERSOURCE ENERG|ELEC PYMT"],
        &ENERGY,
    ),
    bill(
        "AEP",
        &["=AEP OHIO", "=APPALACHIAN POWER"],
        &["AEP OHIO|PAYMENT", "AMERICAN ELECTRI|BILL PAY"],
        &ENERGY,
    ),
    bill(
        "Entergy",
        &["=ENTERGY"],
        &["ENTERGY ARKANSAS|PAYMENT", "ENTERGY|UTIL PAY"],
        &ENERGY,
    ),
    bill(
        "DTE Energy",
        &["=DTE ENERGY"],
        &["DTE ENERGY|PAYMENT"],
        &ENERGY,
    ),
    bill(
        "Consumers Energy",
        &["=CONSUMERS ENERGY"],
        &["CONSUMERS ENERGY|PAYMENT"],
        &ENERGY,
    ),
    bill(
        "Ameren",
        &["=AMEREN MISSOURI", "=AMEREN ILLINOIS"],
        &["AMEREN MISSOURI|PAYMENT"],
        &ENERGY,
    ),
    bill(
        "TXU Energy",
        &["=TXU ENERGY", "=TXU ENERGY {phone} TX"],
        &["TXU ENERGY|PAYMENT"],
        &ENERGY,
    ),
    bill(
        "Reliant Energy",
        &["=RELIANT ENERGY"],
        &["RELIANT ENERGY|PAYMENT"],
        &ENERGY,
    ),
    bill(
        "SoCalGas",
        &["=SOCALGAS", "=SO CAL GAS"],
        &["SO CAL GAS|PAID SCGC"],
        &ENERGY,
    ),
    bill(
        "Nicor Gas",
        &["=NICOR GAS"],
        &["NICOR GAS|GAS PAYMNT"],
        &ENERGY,
    ),
    bill("Spire", &["=SPIRE GAS"], &["SPIRE|PAYMENT"], &ENERGY),
    bill(
        "CenterPoint Energy",
        &["=CENTERPOINT ENERGY"],
        &["CENTERPOINT ENER|PAYMENT"],
        &ENERGY,
    ),
    bill(
        "Atmos Energy",
        &["=ATMOS ENERGY"],
        &["ATMOS ENERGY|ATMOSENRGY"],
        &ENERGY,
    ),
    bill(
        "Puget Sound Energy",
        &["=PUGET SOUND ENERGY"],
        &["PUGET SOUND ENER|BILLPAY"],
        &ENERGY,
    ),
    bill(
        "Seattle City Light",
        &["=SEATTLE CITY LIGHT"],
        &["SEATTLE CITY LIG|UTILITY"],
        &ENERGY,
    ),
    bill(
        "LADWP",
        &["=LADWP", "=LA DEPT WATER & POWER"],
        &["LADWP|PAYMENT"],
        &ENERGY,
    ),
    bill("SMUD", &["=SMUD"], &["SMUD|PAYMENT"], &ENERGY),
    bill(
        "Austin Energy",
        &["=AUSTIN ENERGY"],
        &["CITY OF AUSTIN|UTILITIES"],
        &ENERGY,
    ),
    bill(
        "Arizona Public Service",
        &["=APS ELECTRIC"],
        &["ARIZONA PUBLIC S|APS PYMT"],
        &ENERGY,
    ),
    bill(
        "SRP",
        &["=SRP POWER", "=SALT RIVER PROJECT"],
        &["SRP|SURE PAY"],
        &ENERGY,
    ),
    bill(
        "NV Energy",
        &["=NV ENERGY"],
        &["NV ENERGY|PAYMENT"],
        &ENERGY,
    ),
    bill(
        "BGE",
        &["=BGE", "=BALTIMORE GAS & ELEC"],
        &["BGE|BGE PMT"],
        &ENERGY,
    ),
    bill("Pepco", &["=PEPCO"], &["PEPCO|PAYMENT"], &ENERGY),
    bill(
        "PPL Electric",
        &["=PPL ELECTRIC UTILITIES"],
        &["PPL ELECTRIC|UTIL PYMT"],
        &ENERGY,
    ),
    bill(
        "Rocky Mountain Power",
        &["=ROCKY MOUNTAIN POWER"],
        &["ROCKY MTN POWER|PAYMENT"],
        &ENERGY,
    ),
    bill(
        "Alabama Power",
        &["=ALABAMA POWER"],
        &["ALABAMA POWER|PAYMENT"],
        &ENERGY,
    ),
    bill("Evergy", &["=EVERGY"], &["EVERGY|PAYMENT"], &ENERGY),
    bill(
        "Tampa Electric",
        &["=TECO TAMPA ELECTRIC"],
        &["TAMPA ELECTRIC|PAYMENT"],
        &ENERGY,
    ),
    bill(
        "Ferrellgas",
        &["=FERRELLGAS"],
        &["FERRELLGAS|PROPANE"],
        &PROPANE,
    ),
    bill(
        "AmeriGas",
        &["=AMERIGAS {d4}"],
        &["AMERIGAS|PAYMENT"],
        &PROPANE,
    ),
    bill("Suburban Propane", &["=SUBURBAN PROPANE"], &[], &PROPANE),
    // Water, sewage and waste.
    bill(
        "American Water",
        &["=AMERICAN WATER", "=NJ AMERICAN WATER"],
        &["AMERICAN WATER|PAYMENT", "PA-AMERICAN WATE|WATER BILL"],
        &WATER,
    ),
    bill(
        "Aqua",
        &["=AQUA PENNSYLVANIA"],
        &["AQUA PA|PAYMENT"],
        &WATER,
    ),
    bill("EBMUD", &["=EBMUD WATER"], &["EBMUD|PAYMENT"], &WATER),
    bill(
        "Denver Water",
        &["=DENVER WATER"],
        &["DENVER WATER|PAYMENT"],
        &WATER,
    ),
    bill(
        "NYC Water Board",
        &["=NYC WATER BOARD"],
        &["NYC WATER BOARD|PAYMENT"],
        &WATER,
    ),
    bill("DC Water", &["=DC WATER"], &["DC WATER|PAYMENT"], &WATER),
    bill(
        "Cal Water",
        &["=CAL WATER SERVICE"],
        &["CAL WATER|PAYMENT"],
        &WATER,
    ),
    bill(
        "Waste Management",
        &["=WM EZPAY", "=WASTE MANAGEMENT {phone}", "=WM.COM"],
        &["WASTE MANAGEMENT|INTERNET", "WM EZPAY|WM EZPAY"],
        &WASTE,
    )
    .w(2),
    bill(
        "Republic Services",
        &["=REPUBLIC SERVICES", "=REPUBLIC SERVICES TRASH"],
        &["REPUBLIC SERVICE|PAYMENT"],
        &WASTE,
    ),
    bill(
        "Recology",
        &["=RECOLOGY SUNSET"],
        &["RECOLOGY|PAYMENT"],
        &WASTE,
    ),
    bill("Waste Connections", &["=WASTE CONNECTIONS"], &[], &WASTE),
    bill("Rumpke", &["=RUMPKE WASTE"], &[], &WASTE),
    bill("GFL Environmental", &["=GFL ENVIRONMENTAL"], &[], &WASTE),
    bill("Casella Waste", &["=CASELLA WASTE"], &[], &WASTE),
    bill(
        "City of {Town} Utilities",
        &["{NAME}", "CITY OF {town} WATER", "{town} WATER DEPT"],
        &["CITY OF {town}|UTILITIES", "{town} UTILITIES|WATER BILL"],
        &WATER,
    )
    .w(3),
    bill(
        "{County} County Water District",
        &["{NAME}", "{county} CO WATER DIST"],
        &["{county} CO WATER|PAYMENT"],
        &WATER,
    ),
    bill(
        "{Town} Sanitation",
        &["{NAME}", "{town} SEWER & SANITATION"],
        &["{town} SANITATION|SEWER PMT"],
        &WASTE,
    ),
    // Internet and cable.
    bill(
        "Comcast Xfinity",
        &[
            "=COMCAST CABLE COMM 800-266-2278 PA",
            "=COMCAST",
            "=XFINITY {phone} PA",
            "=COMCAST CALIFORNIA {phone}",
        ],
        &["COMCAST|CABLE", "COMCAST CABLE|PAYMENT"],
        &CABLE,
    )
    .w(6),
    bill(
        "Spectrum",
        &[
            "=SPECTRUM",
            "=CHARTER COMMUNICATIONS",
            "=SPECTRUM {phone} MO",
        ],
        &["SPECTRUM|SPECTRUM", "CHARTER COMM|CABLE"],
        &CABLE,
    )
    .w(5),
    bill(
        "Cox Communications",
        &["=COX COMM {st}", "=COX {town} COMM SVCS"],
        &["COX COMM|COX PMT"],
        &CABLE,
    )
    .w(2),
    bill(
        "Optimum",
        &["=OPTIMUM {d4}", "=ALTICE USA/OPTIMUM"],
        &["OPTIMUM|PAYMENT"],
        &CABLE,
    ),
    bill(
        "Verizon Fios",
        &["=VERIZON FIOS", "=VZ FIOS {phone}"],
        &["VERIZON|FIOS"],
        &CABLE,
    )
    .w(2),
    bill(
        "AT&T Internet",
        &["=ATT*BILL PAYMENT {phone} TX", "=AT&T U-VERSE"],
        &["ATT|PAYMENT", "AT&T|U-VERSE"],
        &CABLE,
    )
    .w(2),
    bill(
        "Frontier Communications",
        &["=FRONTIER COMMUNICATIONS", "=FRONTIER COMM {phone}"],
        &["FRONTIER COMM|ONLINE PMT"],
        &CABLE,
    ),
    bill(
        "CenturyLink",
        &["=CENTURYLINK", "=LUMEN CENTURYLINK"],
        &["CENTURYLINK|PAYMENT"],
        &CABLE,
    ),
    bill("Mediacom", &["=MEDIACOM"], &["MEDIACOM|PAYMENT"], &CABLE),
    bill(
        "WOW!",
        &["=WOW INTERNET CABLE", "=WIDEOPENWEST"],
        &[],
        &CABLE,
    ),
    bill(
        "Google Fiber",
        &["=GOOGLE *FIBER", "=GOOGLE FIBER INC"],
        &[],
        &CABLE,
    ),
    bill(
        "Starlink",
        &["=STARLINK INTERNET", "=SPACEX STARLINK {phone}"],
        &[],
        &CABLE,
    )
    .w(2),
    bill(
        "Astound",
        &["=ASTOUND BROADBAND", "=RCN TELECOM"],
        &[],
        &CABLE,
    ),
    bill("Ziply Fiber", &["=ZIPLY FIBER"], &[], &CABLE),
    bill(
        "DirecTV",
        &["=DIRECTV SERVICE", "=DIRECTV {phone}"],
        &["DIRECTV|PAYMENT"],
        &CABLE,
    ),
    bill(
        "Dish Network",
        &["=DISH NETWORK", "=DISH NETWORK-ONE TIME"],
        &["DISH NETWORK|PAYMENT"],
        &CABLE,
    ),
    bill("Sparklight", &["=SPARKLIGHT", "=CABLE ONE"], &[], &CABLE),
    bill(
        "T-Mobile Home Internet",
        &["=T-MOBILE HOME INTERNET"],
        &[],
        &CABLE,
    ),
    // Telephone.
    bill(
        "Verizon Wireless",
        &[
            "=VERIZON WIRELESS",
            "=VZWRLSS*APOCC VISB",
            "=VZWRLSS*MY VZ VB P",
            "=VERIZON*RECURRING PAY",
        ],
        &["VERIZON WIRELESS|PAYMENTS"],
        &PHONE,
    )
    .w(6),
    bill(
        "AT&T Wireless",
        &["=AT&T *PAYMENT", "=ATT*BILL PAYMENT", "=AT&T MOBILITY"],
        &["AT&T|PAYMENT", "ATT MOBILITY|PAYMENT"],
        &PHONE,
    )
    .w(5),
    bill(
        "T-Mobile",
        &["=T-MOBILE", "=TMOBILE*AUTO PAY", "=T-MOBILE POSTPAID WEB"],
        &["T-MOBILE|PCS SVC"],
        &PHONE,
    )
    .w(5),
    bill(
        "US Cellular",
        &["=US CELLULAR"],
        &["US CELLULAR|PAYMENT"],
        &PHONE,
    ),
    bill(
        "Cricket Wireless",
        &["=CRICKET WIRELESS", "=CRICKET WIRELESS {d6}"],
        &[],
        &PHONE,
    )
    .w(2),
    bill(
        "Metro by T-Mobile",
        &["=METRO BY T-MOBILE", "=METROPCS"],
        &[],
        &PHONE,
    )
    .w(2),
    bill("Boost Mobile", &["=BOOST MOBILE"], &[], &PHONE),
    bill(
        "Mint Mobile",
        &["=MINT MOBILE", "=MINTMOBILE.COM"],
        &[],
        &PHONE,
    ),
    bill("Visible", &["=VISIBLE", "=VISIBLE SERVICE"], &[], &PHONE),
    bill(
        "Google Fi",
        &["=GOOGLE *FI", "=GOOGLE *Fi {a6}"],
        &[],
        &PHONE,
    ),
    bill(
        "Straight Talk",
        &["=STRAIGHT TALK", "=STRAIGHTTALK*AIRTIME"],
        &[],
        &PHONE,
    ),
    bill(
        "Tracfone",
        &["=TRACFONE", "=TRACFONE WIRELESS"],
        &[],
        &PHONE,
    ),
    bill(
        "Consumer Cellular",
        &["=CONSUMER CELLULAR"],
        &["CONSUMER CELLULA|PAYMENT"],
        &PHONE,
    ),
    bill("Xfinity Mobile", &["=XFINITY MOBILE {phone}"], &[], &PHONE),
    bill("Spectrum Mobile", &["=SPECTRUM MOBILE"], &[], &PHONE),
    bill("US Mobile", &["=US MOBILE"], &[], &PHONE),
    bill("Ting", &["=TING MOBILE"], &[], &PHONE),
    bill("Ooma", &["=OOMA INC", "=OOMA {phone} CA"], &[], &PHONE),
];
