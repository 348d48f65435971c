//! FOOD_AND_DRINK: coffee, fast food, restaurants and bars, groceries,
//! delivery apps, liquor stores and vending (Plaid files all of them here).

use super::Amount::{Prices, Range};
use super::{Merchant, Profile, eatery, local, online, store};

const COFFEE: Profile = Profile {
    mcc: &["5814"],
    amount: Range(275, 1650),
};
const FAST_FOOD: Profile = Profile {
    mcc: &["5814"],
    amount: Range(399, 3400),
};
const FAST_CASUAL: Profile = Profile {
    mcc: &["5814", "5812"],
    amount: Range(895, 4800),
};
const PIZZA: Profile = Profile {
    mcc: &["5814", "5812"],
    amount: Range(1099, 6200),
};
const RESTAURANT: Profile = Profile {
    mcc: &["5812"],
    amount: Range(1800, 16500),
};
const FINE_DINING: Profile = Profile {
    mcc: &["5812"],
    amount: Range(6500, 48000),
};
const BAR: Profile = Profile {
    mcc: &["5813"],
    amount: Range(700, 14000),
};
const GROCERY: Profile = Profile {
    mcc: &["5411"],
    amount: Range(650, 28500),
};
const SPECIALTY: Profile = Profile {
    mcc: &["5499"],
    amount: Range(350, 6500),
};
const BAKERY: Profile = Profile {
    mcc: &["5462"],
    amount: Range(325, 5200),
};
const SWEETS: Profile = Profile {
    mcc: &["5814", "5441", "5451"],
    amount: Range(350, 2800),
};
const LIQUOR: Profile = Profile {
    mcc: &["5921"],
    amount: Range(999, 13500),
};
const DELIVERY: Profile = Profile {
    mcc: &["5812", "5814", "5499"],
    amount: Range(1250, 9500),
};
const MEAL_KIT: Profile = Profile {
    mcc: &["5499", "5968"],
    amount: Prices(&[5994, 6999, 7992, 8999, 10497, 12999]),
};
const VENDING: Profile = Profile {
    mcc: &["5499", "5814"],
    amount: Range(100, 650),
};

pub(crate) static FOOD_AND_DRINK: &[Merchant] = &[
    // Coffee and cafes.
    store(
        "Starbucks",
        &[
            "STARBUCKS STORE {d5}",
            "STARBUCKS {store}",
            "STARBUCKS",
            "=STARBUCKS CARD RELOAD {phone} WA",
        ],
        &COFFEE,
    )
    .w(12),
    store(
        "Dunkin'",
        &["DUNKIN #{d6}", "DUNKIN {d6}", "DUNKIN DONUTS {d6}"],
        &COFFEE,
    )
    .w(8),
    store(
        "Peet's Coffee",
        &["PEETS {d5}", "PEET'S COFFEE #{d5}", "PEETS COFFEE"],
        &COFFEE,
    ),
    store(
        "Dutch Bros",
        &["DUTCH BROS {store}", "DUTCH BROS COFFEE"],
        &COFFEE,
    ),
    store(
        "Tim Hortons",
        &["TIM HORTONS #{d6}", "TIM HORTONS {d6}"],
        &COFFEE,
    ),
    store("Caribou Coffee", &["CARIBOU COFFEE #{d4}"], &COFFEE),
    store("Blue Bottle Coffee", &[], &COFFEE),
    store("Philz Coffee", &["PHILZ COFFEE - {town}"], &COFFEE),
    store(
        "The Coffee Bean & Tea Leaf",
        &["COFFEE BEAN #{d4}", "THE COFFEE BEAN"],
        &COFFEE,
    ),
    store("Scooter's Coffee", &["SCOOTERS COFFEE {d3}"], &COFFEE),
    store("Biggby Coffee", &["BIGGBY COFFEE #{d3}"], &COFFEE),
    store("La Colombe", &["LA COLOMBE {town}"], &COFFEE),
    store(
        "Pret A Manger",
        &["PRET A MANGER #{d4}", "PRET A MANGER USA"],
        &COFFEE,
    ),
    store(
        "Krispy Kreme",
        &["KRISPY KREME #{d4}", "KRISPY KREME DOUGHNUT"],
        &BAKERY,
    ),
    store("Einstein Bros Bagels", &["EINSTEIN BROS {d4}"], &BAKERY),
    store("Jamba", &["JAMBA JUICE {d4}", "JAMBA {d4}"], &SWEETS),
    store("Smoothie King", &["SMOOTHIE KING {d4}"], &SWEETS),
    store(
        "Tropical Smoothie Cafe",
        &["TROPICAL SMOOTHIE {d4}"],
        &FAST_CASUAL,
    ),
    store(
        "Baskin-Robbins",
        &["BASKIN #{d6}", "BASKIN ROBBINS {d6}"],
        &SWEETS,
    ),
    store("Cold Stone Creamery", &["COLD STONE #{d4}"], &SWEETS),
    store(
        "Dairy Queen",
        &["DAIRY QUEEN #{d5}", "DQ GRILL CHILL {d5}"],
        &FAST_FOOD,
    ),
    store(
        "Crumbl Cookies",
        &["CRUMBL COOKIES - {town}", "CRUMBL {town}"],
        &SWEETS,
    ),
    store("Insomnia Cookies", &[], &SWEETS),
    store("Cinnabon", &["CINNABON #{d5}"], &SWEETS),
    store("Auntie Anne's", &["AUNTIE ANNES #{d5}"], &SWEETS),
    // Fast food.
    store(
        "McDonald's",
        &[
            "MCDONALD'S F{d5}",
            "MCDONALDS F{d5}",
            "MCDONALD'S {d5}",
            "MCDONALDS {d5}",
        ],
        &FAST_FOOD,
    )
    .w(12),
    store(
        "Burger King",
        &["BURGER KING #{d5}", "BK #{d5}"],
        &FAST_FOOD,
    )
    .w(5),
    store("Wendy's", &["WENDYS #{d4}", "WENDY'S {d5}"], &FAST_FOOD).w(5),
    store(
        "Taco Bell",
        &["TACO BELL #{d6}", "TACO BELL {d6}"],
        &FAST_FOOD,
    )
    .w(6),
    store(
        "Chick-fil-A",
        &["CHICK-FIL-A #{d5}", "CHICK-FIL-A {d5}", "CFA {d5}"],
        &FAST_FOOD,
    )
    .w(8),
    store(
        "Chipotle",
        &["CHIPOTLE {d4}", "CHIPOTLE ONLINE", "CHIPOTLE MEXICAN GRILL"],
        &FAST_CASUAL,
    )
    .w(8),
    store(
        "Subway",
        &["SUBWAY {d8}", "SUBWAY {d5}", "SUBWAY #{d5}"],
        &FAST_FOOD,
    )
    .w(5),
    store(
        "Popeyes",
        &["POPEYES {d5}", "POPEYES LOUISIANA KITC"],
        &FAST_FOOD,
    ),
    store("KFC", &["KFC #{d4}", "KFC J{d6}"], &FAST_FOOD),
    store(
        "Sonic Drive-In",
        &["SONIC DRIVE IN #{d4}", "SONIC #{d4}"],
        &FAST_FOOD,
    ),
    store(
        "Jack in the Box",
        &["JACK IN THE BOX {d4}", "JACK IN THE BOX #{d4}"],
        &FAST_FOOD,
    ),
    store("Arby's", &["ARBYS {d4}", "ARBY'S #{d4}"], &FAST_FOOD),
    store(
        "Five Guys",
        &["FIVE GUYS {d4}", "FIVE GUYS BURGERS FRIES"],
        &FAST_CASUAL,
    ),
    store(
        "Shake Shack",
        &["SHAKE SHACK {d4}", "SHAKESHACK"],
        &FAST_CASUAL,
    ),
    store(
        "In-N-Out Burger",
        &["IN N OUT BURGER {d3}", "IN-N-OUT {town}"],
        &FAST_FOOD,
    ),
    store(
        "Whataburger",
        &["WHATABURGER {d4}", "WHATABURGER #{d4}"],
        &FAST_FOOD,
    ),
    store(
        "Carl's Jr.",
        &["CARLS JR {d7}", "CARL'S JR #{d4}"],
        &FAST_FOOD,
    ),
    store("Hardee's", &["HARDEES {d7}"], &FAST_FOOD),
    store(
        "Panda Express",
        &["PANDA EXPRESS #{d4}", "PANDA EXPRESS {d4}"],
        &FAST_CASUAL,
    ),
    store(
        "Jimmy John's",
        &["JIMMY JOHNS - {d4}", "JIMMY JOHNS {d4}"],
        &FAST_FOOD,
    ),
    store(
        "Jersey Mike's",
        &["JERSEY MIKES {d5}", "JERSEY MIKE'S #{d5}"],
        &FAST_CASUAL,
    ),
    store("Firehouse Subs", &["FIREHOUSE SUBS {d4}"], &FAST_CASUAL),
    store(
        "Wingstop",
        &["WINGSTOP {d4}", "WINGSTOP #{d4}"],
        &FAST_CASUAL,
    ),
    store(
        "Raising Cane's",
        &["RAISING CANES {d4}", "RAISING CANE'S #{d3}"],
        &FAST_FOOD,
    ),
    store("Zaxby's", &["ZAXBYS #{d5}"], &FAST_FOOD),
    store(
        "Culver's",
        &["CULVERS OF {town}", "CULVER'S #{d3}"],
        &FAST_FOOD,
    ),
    store("Del Taco", &["DEL TACO {d4}"], &FAST_FOOD),
    store("El Pollo Loco", &["EL POLLO LOCO #{d4}"], &FAST_FOOD),
    store(
        "Qdoba",
        &["QDOBA #{d4}", "QDOBA MEXICAN EATS {d4}"],
        &FAST_CASUAL,
    ),
    store(
        "Moe's Southwest Grill",
        &["MOES SW GRILL {d4}"],
        &FAST_CASUAL,
    ),
    store(
        "Noodles & Company",
        &["NOODLES & CO {d4}", "NOODLES AND COMPANY"],
        &FAST_CASUAL,
    ),
    store(
        "Sweetgreen",
        &["SWEETGREEN {town}", "SWEETGREEN {store}"],
        &FAST_CASUAL,
    ),
    store("Cava", &["CAVA {town}", "CAVA GRILL {d4}"], &FAST_CASUAL),
    store(
        "Panera Bread",
        &["PANERA BREAD #{d6}", "PANERA BREAD {d6}"],
        &FAST_CASUAL,
    )
    .w(5),
    store(
        "Domino's",
        &["DOMINO'S {d4}", "DOMINOS {d4}", "=DOMINOS {d4} {phone}"],
        &PIZZA,
    )
    .w(5),
    store("Pizza Hut", &["PIZZA HUT {d6}", "PIZZA HUT #{d6}"], &PIZZA),
    store(
        "Papa John's",
        &["PAPA JOHNS #{d4}", "PAPA JOHN'S {d4}"],
        &PIZZA,
    ),
    store("Little Caesars", &["LITTLE CAESARS {d4}"], &PIZZA),
    store("Marco's Pizza", &["MARCOS PIZZA {d4}"], &PIZZA),
    store(
        "Checkers",
        &["CHECKERS DRIVE IN {d4}", "RALLYS {d4}"],
        &FAST_FOOD,
    ),
    store("White Castle", &["WHITE CASTLE {d3}"], &FAST_FOOD),
    store("Bojangles", &["BOJANGLES {d4}"], &FAST_FOOD),
    store("Church's Chicken", &["CHURCHS CHICKEN {d4}"], &FAST_FOOD),
    store("Steak 'n Shake", &["STEAK N SHAKE {d4}"], &FAST_FOOD),
    store("Portillo's", &["PORTILLOS {town}"], &FAST_CASUAL),
    store("Potbelly", &["POTBELLY #{d3}"], &FAST_CASUAL),
    store(
        "Habit Burger Grill",
        &["THE HABIT {d4}", "HABIT BURGER {d4}"],
        &FAST_FOOD,
    ),
    store("Smashburger", &["SMASHBURGER {d4}"], &FAST_CASUAL),
    store("Torchy's Tacos", &["TORCHYS TACOS {d3}"], &FAST_CASUAL),
    store("Cafe Rio", &["CAFE RIO {d3}"], &FAST_CASUAL),
    store("Pollo Tropical", &["POLLO TROPICAL {d4}"], &FAST_FOOD),
    store(
        "Long John Silver's",
        &["LONG JOHN SILVERS {d5}"],
        &FAST_FOOD,
    ),
    // Sit-down restaurants.
    store(
        "Olive Garden",
        &["OLIVE GARDEN {d4}", "OLIVE GARDEN #{d4}"],
        &RESTAURANT,
    )
    .w(4),
    store(
        "Applebee's",
        &["APPLEBEES {d7}", "APPLEBEE'S #{d4}"],
        &RESTAURANT,
    )
    .w(4),
    store("Chili's", &["CHILI'S {d4}", "CHILIS {town}"], &RESTAURANT).w(4),
    store("Texas Roadhouse", &["TEXAS ROADHOUSE #{d4}"], &RESTAURANT),
    store(
        "Outback Steakhouse",
        &["OUTBACK {d4}", "OUTBACK STEAKHOUSE {d4}"],
        &RESTAURANT,
    ),
    store(
        "Red Lobster",
        &["RED LOBSTER {d4}", "RED LOBSTER US{d4}"],
        &RESTAURANT,
    ),
    store("Red Robin", &["RED ROBIN NO {d3}"], &RESTAURANT),
    store(
        "Buffalo Wild Wings",
        &["BWW #{d4}", "BUFFALO WILD WINGS {d4}"],
        &RESTAURANT,
    ),
    store(
        "The Cheesecake Factory",
        &["CHEESECAKE {town}", "CHEESECAKE FACTORY #{d3}"],
        &RESTAURANT,
    ),
    store("IHOP", &["IHOP #{d4}", "IHOP {d4}"], &RESTAURANT),
    store("Denny's", &["DENNYS #{d4}", "DENNY'S {d4}"], &RESTAURANT),
    store("Cracker Barrel", &["CRACKER BARREL #{d3}"], &RESTAURANT),
    store(
        "Waffle House",
        &["WAFFLE HOUSE {d4}", "WAFFLE HOUSE #{d4}"],
        &FAST_FOOD,
    ),
    store(
        "P.F. Chang's",
        &["P.F. CHANG'S #{d4}", "PF CHANGS {d4}"],
        &RESTAURANT,
    ),
    store(
        "TGI Fridays",
        &["TGI FRIDAYS {d4}", "FRIDAYS {d4}"],
        &RESTAURANT,
    ),
    store("LongHorn Steakhouse", &["LONGHORN STEAK {d4}"], &RESTAURANT),
    store("Ruby Tuesday", &["RUBY TUESDAY #{d4}"], &RESTAURANT),
    store("Hooters", &["HOOTERS {town}"], &RESTAURANT),
    store("BJ's Restaurant", &["BJS RESTAURANTS {d3}"], &RESTAURANT),
    store("Yard House", &["YARD HOUSE {d4}"], &RESTAURANT),
    store("Bob Evans", &["BOB EVANS #{d3}"], &RESTAURANT),
    store("Golden Corral", &["GOLDEN CORRAL {d4}"], &RESTAURANT),
    store("Maggiano's", &["MAGGIANOS {town}"], &RESTAURANT),
    store("Carrabba's", &["CARRABBAS {d4}"], &RESTAURANT),
    store("Bonefish Grill", &["BONEFISH {d4}"], &RESTAURANT),
    store(
        "Ruth's Chris Steak House",
        &["RUTHS CHRIS {town}"],
        &FINE_DINING,
    ),
    store("Morton's", &["MORTONS THE STEAKHOUSE"], &FINE_DINING),
    store("Benihana", &["BENIHANA #{d3}"], &RESTAURANT),
    store("First Watch", &["FIRST WATCH {d4}"], &RESTAURANT),
    store("Snooze", &["SNOOZE AN AM EATERY"], &RESTAURANT),
    store(
        "Black Bear Diner",
        &["BLACK BEAR DINER {town}"],
        &RESTAURANT,
    ),
    store("Huddle House", &["HUDDLE HOUSE #{d3}"], &RESTAURANT),
    store("Cheddar's", &["CHEDDARS {d4}"], &RESTAURANT),
    store("Chuy's", &["CHUYS {town}"], &RESTAURANT),
    store("On The Border", &["ON THE BORDER #{d3}"], &RESTAURANT),
    store("Miller's Ale House", &["MILLERS ALE HOUSE {d3}"], &BAR),
    store("Twin Peaks", &["TWIN PEAKS {town}"], &BAR),
    store("Bar Louie", &["BAR LOUIE {town}"], &BAR),
    // Groceries.
    store(
        "Kroger",
        &["KROGER #{d3}", "KROGER {d4}", "KROGER MARKETPLACE {d3}"],
        &GROCERY,
    )
    .w(8),
    store(
        "Safeway",
        &["SAFEWAY #{d4}", "SAFEWAY {d4}", "SAFEWAY STORE {d4}"],
        &GROCERY,
    )
    .w(6),
    store("Albertsons", &["ALBERTSONS #{d4}"], &GROCERY).w(4),
    store(
        "Publix",
        &["PUBLIX #{d4}", "PUBLIX SUPER MAR {d4}"],
        &GROCERY,
    )
    .w(6),
    store(
        "H-E-B",
        &["H-E-B #{d3}", "HEB ONLINE", "H-E-B {town}"],
        &GROCERY,
    )
    .w(5),
    store(
        "Whole Foods Market",
        &["WHOLEFDS {a3} {d5}", "WHOLE FOODS MARKET", "WHOLEFDS #{d5}"],
        &GROCERY,
    )
    .w(6),
    store(
        "Trader Joe's",
        &[
            "TRADER JOE S #{d3}",
            "TRADER JOES #{d3} QPS",
            "TRADER JOE'S #{d3}",
        ],
        &GROCERY,
    )
    .w(6),
    store("Aldi", &["ALDI {d5}", "ALDI #{d5}"], &GROCERY).w(5),
    store("Lidl", &["LIDL #{d4}", "LIDL US {d4}"], &GROCERY),
    store("Wegmans", &["WEGMANS #{d3}", "WEGMANS {town}"], &GROCERY),
    store("Meijer", &["MEIJER # {d3}", "MEIJER STORE #{d3}"], &GROCERY),
    store("Giant Eagle", &["GIANT EAGLE #{d4}"], &GROCERY),
    store("Giant Food", &["GIANT {d4}", "GIANT FOOD #{d4}"], &GROCERY),
    store(
        "Stop & Shop",
        &["STOP & SHOP {d4}", "STOP AND SHOP {d4}"],
        &GROCERY,
    ),
    store(
        "ShopRite",
        &["SHOPRITE {town} S1", "SHOPRITE #{d3}"],
        &GROCERY,
    ),
    store("Food Lion", &["FOOD LION #{d4}"], &GROCERY),
    store("Harris Teeter", &["HARRIS TEETER #{d3}"], &GROCERY),
    store("Hy-Vee", &["HY-VEE {town} {d4}", "HYVEE {d4}"], &GROCERY),
    store("WinCo Foods", &["WINCO FOODS #{d3}"], &GROCERY),
    store(
        "Sprouts Farmers Market",
        &["SPROUTS FARMERS MAR", "SPROUTS FARMERS MKT #{d3}"],
        &GROCERY,
    ),
    store("Vons", &["VONS #{d4}"], &GROCERY),
    store("Ralphs", &["RALPHS #{d4}", "RALPHS {d4}"], &GROCERY),
    store(
        "Fred Meyer",
        &["FRED-MEYER #{d4}", "FRED MEYER {d4}"],
        &GROCERY,
    ),
    store("King Soopers", &["KING SOOPERS #{d4}"], &GROCERY),
    store("Smith's Food and Drug", &["SMITHS FOOD #{d3}"], &GROCERY),
    store("Fry's Food Stores", &["FRYS-FOOD-DRG #{d3}"], &GROCERY),
    store(
        "Jewel-Osco",
        &["JEWEL OSCO {d4}", "JEWEL-OSCO #{d4}"],
        &GROCERY,
    ),
    store("Acme Markets", &["ACME MARKETS {d4}"], &GROCERY),
    store("Hannaford", &["HANNAFORD #{d4}"], &GROCERY),
    store("Piggly Wiggly", &["PIGGLY WIGGLY #{d3}"], &GROCERY),
    store(
        "Winn-Dixie",
        &["WINN-DIXIE #{d4}", "WINN DIXIE {d4}"],
        &GROCERY,
    ),
    store("Raley's", &["RALEYS #{d3}"], &GROCERY),
    store(
        "Market Basket",
        &["MARKET BASKET #{d2}", "DEMOULAS MKT BASKET"],
        &GROCERY,
    ),
    store("Price Chopper", &["PRICE CHOPPER #{d3}"], &GROCERY),
    store("Food 4 Less", &["FOOD 4 LESS #{d3}"], &GROCERY),
    store("Grocery Outlet", &["GROCERY OUTLET {town}"], &GROCERY),
    store(
        "99 Ranch Market",
        &["99 RANCH #{d4}", "99 RANCH MARKET"],
        &GROCERY,
    ),
    store("H Mart", &["H MART {town}", "HMART #{d2}"], &GROCERY),
    store("Weis Markets", &["WEIS MARKETS #{d3}"], &GROCERY),
    store("Ingles", &["INGLES MARKETS #{d3}"], &GROCERY),
    store("Stater Bros", &["STATER BROS #{d3}"], &GROCERY),
    store("The Fresh Market", &["THE FRESH MARKET {d3}"], &GROCERY),
    store("Schnucks", &["SCHNUCKS #{d3}"], &GROCERY),
    store(
        "Smart & Final",
        &["SMART AND FINAL {d3}", "SMART & FINAL #{d3}"],
        &GROCERY,
    ),
    store("Key Food", &["KEY FOOD {town}"], &GROCERY),
    store("Shaw's", &["SHAWS {d4}"], &GROCERY),
    store("Cub Foods", &["CUB FOODS #{d4}"], &GROCERY),
    store("Mariano's", &["MARIANOS #{d3}"], &GROCERY),
    store("Erewhon", &["EREWHON {town}", "EREWHON MARKET"], &GROCERY),
    store("Natural Grocers", &["NATURAL GROCERS {d3}"], &GROCERY),
    // Delivery apps put the restaurant after their own prefix.
    online(
        "DoorDash",
        &[
            "=DOORDASH*{rest}",
            "=DD *DOORDASH {rest}",
            "=DD DOORDASH {rest}",
            "=DOORDASH*{rest} {phone} CA",
            "=DOORDASH DASHPASS",
        ],
        &DELIVERY,
    )
    .w(8),
    online(
        "Uber Eats",
        &[
            "=UBER   *EATS",
            "=UBER *EATS PENDING",
            "=UBER EATS",
            "=UBER* EATS HELP.UBER.COM CA",
        ],
        &DELIVERY,
    )
    .w(6),
    online(
        "Grubhub",
        &["=GRUBHUB*{rest}", "=GRUBHUB {rest}", "=GRUBHUBFOOD"],
        &DELIVERY,
    )
    .w(4),
    online(
        "Seamless",
        &["=SEAMLSS*{rest}", "=SEAMLESS {rest}"],
        &DELIVERY,
    ),
    online(
        "Postmates",
        &["=POSTMATES {rest}", "=POSTMATES *{rest}"],
        &DELIVERY,
    ),
    online("Caviar", &["=CAVIAR*{rest}"], &DELIVERY),
    online(
        "Instacart",
        &[
            "=INSTACART",
            "=INSTACART*{a6}",
            "=Instacart HTTPSINSTACAR CA",
        ],
        &GROCERY,
    )
    .w(5),
    online("Gopuff", &["=GOPUFF*{a8}", "=GOPUFF"], &SPECIALTY),
    online(
        "FreshDirect",
        &["=FRESHDIRECT", "=FRESH DIRECT {d6}"],
        &GROCERY,
    ),
    online(
        "Amazon Fresh",
        &["=AMAZON FRESH*{a9}", "=Amazon Fresh*{a9}"],
        &GROCERY,
    ),
    online(
        "HelloFresh",
        &["=HELLOFRESH", "=HELLOFRESH {phone} NY"],
        &MEAL_KIT,
    ),
    online("Blue Apron", &["=BLUE APRON", "=BLUEAPRON.COM"], &MEAL_KIT),
    online("Factor", &["=FACTOR75", "=FACTOR 75 INC"], &MEAL_KIT),
    online(
        "Thrive Market",
        &["=THRIVE MARKET", "=THRIVEMARKET.COM"],
        &GROCERY,
    ),
    online("Misfits Market", &["=MISFITS MARKET"], &GROCERY),
    online("ezCater", &["=EZCATER*{rest}"], &DELIVERY),
    // Beer, wine and liquor.
    store(
        "Total Wine & More",
        &["TOTAL WINE AND MORE {d4}", "TOTAL WINE #{d4}"],
        &LIQUOR,
    ),
    store("BevMo!", &["BEVMO #{d3}", "BEVERAGES & MORE"], &LIQUOR),
    store("Spec's", &["SPECS #{d3}", "SPEC'S LIQUOR {d3}"], &LIQUOR),
    store("ABC Fine Wine & Spirits", &["ABC FINE WINE #{d3}"], &LIQUOR),
    store(
        "Binny's Beverage Depot",
        &["BINNYS BEVERAGE DEPOT"],
        &LIQUOR,
    ),
    online("Drizly", &["=DRIZLY*{rest}", "=DRIZLY"], &LIQUOR),
    store(
        "Virginia ABC",
        &["VA ABC STORE {d3}", "VIRGINIA ABC #{d3}"],
        &LIQUOR,
    ),
    store(
        "Fine Wine & Good Spirits",
        &["FINE WINE & GOOD SPIRIT", "PA LIQUOR STORE {d4}"],
        &LIQUOR,
    ),
    // Vending and micro markets.
    store(
        "Canteen",
        &["=USA*CANTEEN VENDING", "CANTEEN VENDING {d6}"],
        &VENDING,
    ),
    store(
        "USA Technologies vending",
        &["=USA*VENDING {d6}", "=USA*{d9} {town} {st}"],
        &VENDING,
    )
    .anon(),
    store(
        "PayRange",
        &["=PAYRANGE*VENDING", "=PAYRANGE INC"],
        &VENDING,
    ),
    store("Avanti Markets", &["AVANTI MARKETS {d5}"], &VENDING),
    store(
        "365 Retail Markets",
        &["=365 MARKET {d7}", "365 RETAIL MARKETS"],
        &VENDING,
    ),
    // Generated local places: what real test data is mostly made of.
    eatery("{Last}'s Pizza", &["{NAME}", "{NAME} {d2}"], &PIZZA).w(5),
    eatery("{Last}'s Pizzeria", &[], &PIZZA),
    eatery("{Last}'s Diner", &[], &RESTAURANT).w(3),
    eatery("Taqueria {Last}", &["{NAME}", "TAQ {last}"], &FAST_CASUAL).w(3),
    eatery("Tacos {First}", &[], &FAST_FOOD),
    eatery("Pho {Town}", &[], &FAST_CASUAL),
    eatery(
        "{Adj} Dragon Chinese",
        &["{NAME}", "{adj} DRAGON"],
        &FAST_CASUAL,
    ),
    eatery("{Adj} Thai Kitchen", &[], &RESTAURANT),
    eatery("Sushi {Last}", &[], &RESTAURANT),
    eatery("{Town} Sushi", &[], &RESTAURANT),
    eatery("{Last}'s Bakery", &[], &BAKERY),
    eatery("{Adj} Bagels", &[], &BAKERY),
    eatery("{Last}'s Deli", &["{NAME}", "{NAME} & GROCERY"], &SPECIALTY),
    eatery("{Last}'s Pub", &[], &BAR).w(2),
    eatery("The {Adj} Tavern", &[], &BAR),
    eatery("{Town} Brewing Co", &["{NAME}", "{town} BREWING"], &BAR),
    eatery("{Adj} Wine Bar", &[], &BAR),
    eatery("{Last} Family Restaurant", &[], &RESTAURANT),
    eatery("{Adj} Cafe", &[], &COFFEE).w(3),
    eatery("{Town} Coffee Roasters", &[], &COFFEE),
    eatery("{Last}'s BBQ", &["{NAME}", "{last} BAR-B-Q"], &RESTAURANT),
    eatery("{Adj} Burger", &[], &FAST_FOOD),
    eatery("{Town} Bistro", &[], &RESTAURANT),
    eatery("{Last}'s Grill", &[], &RESTAURANT),
    eatery("{Adj} Noodle House", &[], &FAST_CASUAL),
    eatery("{Last}'s Ice Cream", &[], &SWEETS),
    eatery("{Adj} Juice Bar", &[], &SWEETS),
    eatery("{Adj} Curry House", &[], &RESTAURANT),
    eatery("Trattoria {Last}", &[], &FINE_DINING),
    eatery("{Adj} Poke", &[], &FAST_CASUAL),
    eatery("{Adj} Boba Tea", &[], &SWEETS),
    eatery("{Last}'s Food Truck", &[], &FAST_FOOD),
    local(
        "{Town} Farmers Market",
        &["{NAME}", "{town} FARMERS MKT"],
        &GROCERY,
    ),
    local("{Adj} Supermarket", &["{NAME}", "{adj} SUPERMKT"], &GROCERY).w(2),
    local("{Adj} Asian Market", &[], &GROCERY),
    local("{Last}'s Meat Market", &[], &SPECIALTY),
    local("{Town} Liquor", &["{NAME}", "{town} LIQUORS"], &LIQUOR).w(2),
    local("{Last} Wine & Spirits", &[], &LIQUOR),
];
