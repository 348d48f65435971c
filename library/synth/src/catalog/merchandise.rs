//! GENERAL_MERCHANDISE: superstores, marketplaces, department and discount
//! stores, electronics, clothing, books, pets, gifts, convenience stores and
//! tobacco — Plaid's detailed categories under this primary.

use super::Amount::{Prices, Range};
use super::{Merchant, Profile, local, online, shop, store};

const SUPERSTORE: Profile = Profile {
    mcc: &["5310", "5311", "5411"],
    amount: Range(500, 32000),
};
const WAREHOUSE: Profile = Profile {
    mcc: &["5300"],
    amount: Range(1500, 52000),
};
const MARKETPLACE: Profile = Profile {
    mcc: &["5942", "5999", "5964"],
    amount: Range(499, 22000),
};
const DEPARTMENT: Profile = Profile {
    mcc: &["5311"],
    amount: Range(1200, 30000),
};
const DISCOUNT: Profile = Profile {
    mcc: &["5310", "5331"],
    amount: Range(125, 6500),
};
const ELECTRONICS: Profile = Profile {
    mcc: &["5732", "5045"],
    amount: Range(1499, 189900),
};
const CLOTHING: Profile = Profile {
    mcc: &["5651", "5691", "5621", "5699"],
    amount: Range(1299, 25000),
};
const SHOES: Profile = Profile {
    mcc: &["5661"],
    amount: Range(2999, 22000),
};
const BOOKS: Profile = Profile {
    mcc: &["5942", "5994"],
    amount: Range(699, 9500),
};
const PETS: Profile = Profile {
    mcc: &["5995"],
    amount: Range(899, 18000),
};
const GIFTS: Profile = Profile {
    mcc: &["5947", "5992"],
    amount: Range(499, 12500),
};
const HOBBY: Profile = Profile {
    mcc: &["5945", "5970"],
    amount: Range(399, 15000),
};
const SPORTING: Profile = Profile {
    mcc: &["5941", "5655"],
    amount: Range(1499, 45000),
};
const OFFICE: Profile = Profile {
    mcc: &["5943", "5111"],
    amount: Range(299, 25000),
};
const JEWELRY: Profile = Profile {
    mcc: &["5944"],
    amount: Range(2500, 250000),
};
const CONVENIENCE: Profile = Profile {
    mcc: &["5499"],
    amount: Range(149, 3500),
};
const TOBACCO: Profile = Profile {
    mcc: &["5993"],
    amount: Range(699, 9000),
};
const SECONDHAND: Profile = Profile {
    mcc: &["5931"],
    amount: Range(300, 6500),
};
const MISC_RETAIL: Profile = Profile {
    mcc: &["5999"],
    amount: Range(599, 18000),
};
const MEMBERSHIP: Profile = Profile {
    mcc: &["5300", "5968"],
    amount: Prices(&[6000, 6500, 13000, 5000, 11000]),
};

pub(crate) static GENERAL_MERCHANDISE: &[Merchant] = &[
    // Superstores and warehouse clubs.
    store(
        "Walmart",
        &[
            "WAL-MART #{d4}",
            "WM SUPERCENTER #{d4}",
            "WALMART SUPERCENTER {d4}",
            "=WALMART.COM 8009256278 AR",
            "=WALMART.COM AA 8009256278 AR",
            "=Walmart.com 800-925-6278 AR",
        ],
        &SUPERSTORE,
    )
    .w(12),
    store(
        "Target",
        &[
            "TARGET {d8}",
            "TARGET T-{d4}",
            "TARGET #{d4}",
            "=TARGET.COM *",
            "=TARGET.COM 800-591-3869 MN",
        ],
        &SUPERSTORE,
    )
    .w(10),
    store(
        "Costco",
        &[
            "COSTCO WHSE #{d4}",
            "COSTCO WHOLESALE #{d4}",
            "=COSTCO *ONLINE 800-955-2292 WA",
        ],
        &WAREHOUSE,
    )
    .w(6),
    store(
        "Sam's Club",
        &[
            "SAMSCLUB #{d4}",
            "SAMS CLUB #{d4}",
            "=SAMSCLUB.COM 888-746-7726 AR",
        ],
        &WAREHOUSE,
    )
    .w(3),
    store(
        "BJ's Wholesale Club",
        &["BJS WHOLESALE #{d4}", "BJ'S WHOLESALE CLUB"],
        &WAREHOUSE,
    ),
    online(
        "Costco Membership",
        &[
            "=COSTCO *ANNUAL RENEWAL 800-774-2678 WA",
            "=COSTCO MEMBERSHIP",
        ],
        &MEMBERSHIP,
    ),
    store(
        "Meijer General Merchandise",
        &["MEIJER GM #{d3}"],
        &SUPERSTORE,
    ),
    // Online marketplaces.
    online(
        "Amazon",
        &[
            "=AMZN Mktp US*{a9}",
            "=AMZN MKTP US*{a9}",
            "=Amazon.com*{a9}",
            "=AMAZON.COM*{a9} AMZN.COM/BILL WA",
            "=AMZN Mktp US {a9} Amzn.com/bill WA",
            "=AMAZON MKTPL*{a9}",
            "=Amazon Prime*{a9}",
            "=AMAZON RETA* {a9}",
        ],
        &MARKETPLACE,
    )
    .w(16),
    online(
        "eBay",
        &[
            "=EBAY O*{d2}-{d5}-{d5}",
            "=eBay O*{d2}-{d5}-{d5}",
            "=EBAY INC.",
        ],
        &MARKETPLACE,
    )
    .w(3),
    online(
        "Etsy",
        &[
            "=ETSY.COM - {last}CRAFTS",
            "=Etsy.com*{last}Studio",
            "=ETSY, INC.",
        ],
        &MARKETPLACE,
    )
    .w(3),
    online(
        "Temu",
        &["=TEMU.COM", "=TEMU 877-590-7426 DE", "=TEMU.COM {phone}"],
        &MARKETPLACE,
    )
    .w(3),
    online("Shein", &["=SHEIN.COM", "=SHEIN {phone} CA"], &CLOTHING),
    online(
        "AliExpress",
        &["=ALIEXPRESS", "=ALIEXPRESS.COM"],
        &MARKETPLACE,
    ),
    online("Wish", &["=WISH.COM", "=WISH INC"], &MARKETPLACE),
    online("Poshmark", &["=POSHMARK", "=POSHMARK INC"], &CLOTHING),
    online("Mercari", &["=MERCARI*{a8}", "=MERCARI"], &MARKETPLACE),
    online("QVC", &["=QVC*{d9}", "=QVC INC {phone} PA"], &MARKETPLACE),
    // Department and discount stores.
    store(
        "Kohl's",
        &["KOHLS #{d4}", "KOHL'S {d4}", "=KOHLS.COM 855-564-5751 WI"],
        &DEPARTMENT,
    ),
    store(
        "Macy's",
        &[
            "MACYS {town}",
            "MACY'S #{d4}",
            "=MACYS .COM 800-289-6229 OH",
        ],
        &DEPARTMENT,
    ),
    store(
        "Nordstrom",
        &["NORDSTROM #{d4}", "NORDSTROM {town}"],
        &DEPARTMENT,
    ),
    store(
        "Nordstrom Rack",
        &["NORDSTROM RACK #{d4}", "NORDSTROMRACK.COM"],
        &DEPARTMENT,
    ),
    store(
        "JCPenney",
        &["JCPENNEY {d4}", "JC PENNEY #{d4}"],
        &DEPARTMENT,
    ),
    store(
        "Dillard's",
        &["DILLARDS {d3}", "DILLARD'S #{d3}"],
        &DEPARTMENT,
    ),
    store("Belk", &["BELK #{d3}"], &DEPARTMENT),
    store(
        "TJ Maxx",
        &["TJMAXX #{d4}", "T J MAXX #{d4}", "TJ MAXX #{d4}"],
        &DEPARTMENT,
    )
    .w(4),
    store("Marshalls", &["MARSHALLS #{d4}"], &DEPARTMENT).w(3),
    store(
        "Ross Dress for Less",
        &["ROSS STORES #{d4}", "ROSS STORE #{d4}"],
        &DISCOUNT,
    )
    .w(3),
    store(
        "Burlington",
        &["BURLINGTON STORE {d4}", "BURLINGTON #{d4}"],
        &DISCOUNT,
    ),
    store(
        "Dollar General",
        &[
            "DOLLAR GENERAL #{d5}",
            "DOLLAR-GENERAL #{d5}",
            "DOLLARGENERAL {d5}",
        ],
        &DISCOUNT,
    )
    .w(5),
    store(
        "Dollar Tree",
        &["DOLLAR TREE {d4}", "DOLLARTREE #{d4}"],
        &DISCOUNT,
    )
    .w(4),
    store("Family Dollar", &["FAMILY DOLLAR #{d4}"], &DISCOUNT),
    store(
        "Five Below",
        &["FIVE BELOW {d4}", "FIVE BELOW #{d4}"],
        &DISCOUNT,
    ),
    store("Big Lots", &["BIG LOTS STORES - #{d4}"], &DISCOUNT),
    store(
        "Ollie's Bargain Outlet",
        &["OLLIES BARGAIN {d3}"],
        &DISCOUNT,
    ),
    store("99 Cents Only", &["99 CENTS ONLY #{d3}"], &DISCOUNT),
    // Electronics.
    store(
        "Best Buy",
        &["BEST BUY {d8}", "BEST BUY #{d4}", "=BESTBUY.COM {d12}"],
        &ELECTRONICS,
    )
    .w(4),
    store(
        "Apple Store",
        &["APPLE STORE #R{d3}", "=APPLE.COM/US 800-676-2775 CA"],
        &ELECTRONICS,
    ),
    store(
        "Micro Center",
        &["MICRO CENTER #{d3}", "MICROCENTER {town}"],
        &ELECTRONICS,
    ),
    online(
        "B&H Photo",
        &["=B&H PHOTO 800-606-6969 NY", "=B & H PHOTO VIDEO"],
        &ELECTRONICS,
    ),
    online(
        "Newegg",
        &["=NEWEGG INC", "=NEWEGG.COM {phone} CA"],
        &ELECTRONICS,
    ),
    online(
        "Dell",
        &["=DELL SALES & SERVICE", "=DELL.COM {phone} TX"],
        &ELECTRONICS,
    ),
    store("RadioShack", &["RADIOSHACK #{d4}"], &ELECTRONICS),
    store(
        "Batteries Plus",
        &["BATTERIES PLUS #{d3}", "BATTERIES PLUS BULBS {d3}"],
        &ELECTRONICS,
    ),
    store(
        "Cellular Accessories",
        &["CELLULAR ACCESSORIES {town}", "WIRELESS ACCESSORIES {d3}"],
        &ELECTRONICS,
    )
    .anon(),
    // Clothing and shoes.
    store(
        "Old Navy",
        &["OLD NAVY US {d4}", "OLD NAVY #{d4}", "=OLDNAVY.COM"],
        &CLOTHING,
    )
    .w(3),
    store("Gap", &["GAP US {d4}", "GAP OUTLET US {d4}"], &CLOTHING),
    store("Banana Republic", &["BANANA REPUBLIC #{d4}"], &CLOTHING),
    store("H&M", &["H&M {d4}", "H & M {d4}", "=HM.COM"], &CLOTHING),
    store("Zara", &["ZARA USA {d4}", "ZARA.COM USA"], &CLOTHING),
    store("Uniqlo", &["UNIQLO {town}", "UNIQLO USA {d3}"], &CLOTHING),
    store("Forever 21", &["FOREVER 21 {d4}"], &CLOTHING),
    store(
        "Nike",
        &["NIKE FACTORY STORE {d3}", "=NIKE.COM", "NIKE {town}"],
        &SHOES,
    ),
    store("Adidas", &["ADIDAS #{d4}", "=ADIDAS AMERICA"], &SHOES),
    store(
        "Foot Locker",
        &["FOOT LOCKER #{d5}", "FOOTLOCKER {d5}"],
        &SHOES,
    ),
    store("DSW", &["DSW {town}", "DSW #{d4}"], &SHOES),
    store("Famous Footwear", &["FAMOUS FOOTWEAR #{d4}"], &SHOES),
    store(
        "Lululemon",
        &["LULULEMON {town}", "=LULULEMON ATHLETICA"],
        &CLOTHING,
    ),
    store(
        "American Eagle",
        &["AMERICAN EAGLE {d5}", "AEO {d5}"],
        &CLOTHING,
    ),
    store("Abercrombie & Fitch", &["ABERCROMBIE #{d4}"], &CLOTHING),
    store("Urban Outfitters", &["URBAN OUTFITTERS {d3}"], &CLOTHING),
    store("Anthropologie", &["ANTHROPOLOGIE {d3}"], &CLOTHING),
    store(
        "J.Crew",
        &["J CREW #{d3}", "J.CREW FACTORY #{d3}"],
        &CLOTHING,
    ),
    store(
        "Carter's",
        &["CARTERS #{d4}", "CARTER'S OSHKOSH {d4}"],
        &CLOTHING,
    ),
    store(
        "Victoria's Secret",
        &["VICTORIAS SECRET {d4}", "VS {d4}"],
        &CLOTHING,
    ),
    store("Claire's", &["CLAIRES #{d4}"], &CLOTHING),
    shop("Allbirds", &[], &SHOES),
    shop("Bombas", &[], &CLOTHING),
    shop("Skims", &[], &CLOTHING),
    shop("Gymshark", &[], &CLOTHING),
    shop("Fashion Nova", &[], &CLOTHING),
    shop("Quince", &[], &CLOTHING),
    online("Stitch Fix", &["=STITCH FIX", "=STITCHFIX.COM"], &CLOTHING),
    online("Zappos", &["=ZAPPOS.COM", "=ZAPPOS {phone} NV"], &SHOES),
    // Jewelry.
    store("Kay Jewelers", &["KAY JEWELERS #{d4}"], &JEWELRY),
    store("Zales", &["ZALES #{d4}", "ZALES JEWELERS"], &JEWELRY),
    store("Jared", &["JARED #{d4}", "JARED THE GALLERIA"], &JEWELRY),
    // Books and news.
    store(
        "Barnes & Noble",
        &["BARNES & NOBLE #{d4}", "BARNES&NOBLE {d4}", "=BN.COM"],
        &BOOKS,
    ),
    store("Half Price Books", &["HALF PRICE BOOKS {d3}"], &BOOKS),
    store("Books-A-Million", &["BOOKS A MILLION {d3}"], &BOOKS),
    store(
        "Powell's Books",
        &["POWELLS BOOKS", "POWELL'S CITY OF BOOKS"],
        &BOOKS,
    ),
    store(
        "Hudson News",
        &["HUDSON NEWS {d4}", "HUDSON ST{d4}"],
        &BOOKS,
    ),
    online("ThriftBooks", &["=THRIFTBOOKS.COM", "=THRIFTBOOKS"], &BOOKS),
    // Pets.
    online(
        "Chewy",
        &["=CHEWY.COM", "=CHEWY.COM 800-672-4399 FL", "=CHEWY INC"],
        &PETS,
    )
    .w(3),
    store("Petco", &["PETCO {d4}", "PETCO #{d4}", "=PETCO.COM"], &PETS),
    store("PetSmart", &["PETSMART # {d4}", "PETSMART INC {d4}"], &PETS),
    store("Pet Supplies Plus", &["PET SUPPLIES PLUS #{d4}"], &PETS),
    store(
        "Tractor Supply",
        &["TRACTOR SUPPLY #{d4}", "TRACTOR-SUPPLY-CO #{d4}"],
        &PETS,
    ),
    online("BarkBox", &["=BARKBOX", "=BARK* BARKBOX"], &PETS),
    // Gifts, hobbies, crafts, party.
    store(
        "Michaels",
        &["MICHAELS STORES {d4}", "MICHAELS #{d4}"],
        &HOBBY,
    ),
    store(
        "Hobby Lobby",
        &["HOBBY LOBBY #{d3}", "HOBBY-LOBBY #{d3}"],
        &HOBBY,
    ),
    store(
        "Jo-Ann Fabrics",
        &["JOANN STORES #{d4}", "JO-ANN STORE #{d4}"],
        &HOBBY,
    ),
    store("Party City", &["PARTY CITY {d4}"], &GIFTS),
    store("Hallmark", &["HALLMARK {town}", "HALLMARK #{d4}"], &GIFTS),
    online(
        "1-800-Flowers",
        &["=1-800-FLOWERS.COM", "=1800FLOWERS*{d9}"],
        &GIFTS,
    ),
    online("FTD", &["=FTD*FTD.COM", "=FTD.COM"], &GIFTS),
    online("Shutterfly", &["=SHUTTERFLY", "=SHUTTERFLY, INC."], &GIFTS),
    store("Build-A-Bear", &["BUILD A BEAR #{d3}"], &HOBBY),
    store(
        "LEGO Store",
        &["LEGO STORE {d3}", "=LEGO SYSTEMS INC"],
        &HOBBY,
    ),
    online(
        "GiftCardMall",
        &["=GIFTCARDMALL*{a6}", "=GIFTCARDS.COM"],
        &GIFTS,
    ),
    // Sporting goods.
    store(
        "Dick's Sporting Goods",
        &["DICK'S SPORTING GOODS", "DICKS SPORTING {d4}"],
        &SPORTING,
    ),
    store(
        "REI",
        &["REI #{d3} {town}", "=REI.COM 800-426-4840 WA"],
        &SPORTING,
    ),
    store("Academy Sports", &["ACADEMY SPORTS #{d3}"], &SPORTING),
    store(
        "Bass Pro Shops",
        &["BASS PRO STORE {d3}", "BASS PRO SHOPS"],
        &SPORTING,
    ),
    store("Cabela's", &["CABELAS {town}"], &SPORTING),
    store("Big 5 Sporting Goods", &["BIG 5 SPORTING #{d3}"], &SPORTING),
    // Office supplies.
    store(
        "Staples",
        &["STAPLES {d8}", "STAPLES #{d4}", "=STAPLS{d10}"],
        &OFFICE,
    ),
    store(
        "Office Depot",
        &["OFFICE DEPOT #{d4}", "OFFICEMAX/OFFICE DEPOT{d4}"],
        &OFFICE,
    ),
    // Convenience and tobacco.
    store(
        "7-Eleven",
        &["7-ELEVEN {d5}", "7 ELEVEN #{d5}", "7-ELEVEN STORE {d5}"],
        &CONVENIENCE,
    )
    .w(4),
    store(
        "Circle K Store",
        &["CIRCLE K STORE {d7}", "CIRCLE K #{d4} INSIDE"],
        &CONVENIENCE,
    ),
    store(
        "Quick Stop",
        &["QUICK STOP MART", "QUIK STOP #{d3}"],
        &CONVENIENCE,
    )
    .anon(),
    store("Hudson Market", &["HUDSON MARKET {d3}"], &CONVENIENCE),
    store(
        "Smoke Shop",
        &["SMOKE SHOP {town}", "SMOKE & VAPE {d3}"],
        &TOBACCO,
    )
    .anon(),
    store("Smoker Friendly", &["SMOKER FRIENDLY #{d3}"], &TOBACCO),
    store(
        "Vapor Maven",
        &["VAPOR MAVEN {d2}", "VAPE CITY {town}"],
        &TOBACCO,
    ),
    // Secondhand and misc.
    store(
        "Goodwill",
        &["GOODWILL {town}", "GOODWILL #{d4}", "GOODWILL STORE {d3}"],
        &SECONDHAND,
    ),
    store("Savers", &["SAVERS #{d4}", "SAVERS {d4}"], &SECONDHAND),
    store("Plato's Closet", &["PLATOS CLOSET {town}"], &SECONDHAND),
    store(
        "Bed Bath & Beyond",
        &["BED BATH & BEYOND #{d4}"],
        &MISC_RETAIL,
    ),
    store(
        "The Container Store",
        &["THE CONTAINER STORE {d2}"],
        &MISC_RETAIL,
    ),
    store("Spencer's", &["SPENCER GIFTS #{d3}"], &GIFTS),
    store("Spirit Halloween", &["SPIRIT HALLOWEEN {d4}"], &GIFTS),
    store("Things Remembered", &["THINGS REMEMBERED {d3}"], &GIFTS),
    // Generated local shops.
    local("{Last}'s Gifts", &[], &GIFTS),
    local("{Town} Bookshop", &["{NAME}", "{town} BOOKS"], &BOOKS),
    local("{Adj} Boutique", &[], &CLOTHING).w(2),
    local("{Town} Pet Supply", &[], &PETS),
    local("{Last} Jewelers", &[], &JEWELRY),
    local("{Adj} Thrift Store", &[], &SECONDHAND),
    local("{Adj} Toys", &[], &HOBBY),
    local("{Town} Smoke Shop", &[], &TOBACCO),
    local(
        "{Adj} Mini Mart",
        &["{NAME}", "{adj} MINIMART {d2}"],
        &CONVENIENCE,
    )
    .w(2),
    local("{Adj} Florist", &[], &GIFTS),
    local("{Town} Outfitters", &[], &SPORTING),
    local("{Last}'s General Store", &[], &MISC_RETAIL),
];
