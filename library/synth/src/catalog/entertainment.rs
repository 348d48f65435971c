//! ENTERTAINMENT: video and music streaming, cinemas, tickets and live
//! events, video games, sports, parks and museums, gambling, nightlife.
//! Streaming services share MCC 4899 with cable companies, but Plaid files
//! them here and cable under RENT_AND_UTILITIES.

use super::Amount::{Prices, Range};
use super::{Merchant, Profile, bill, local, online, store};

const VIDEO_STREAMING: Profile = Profile {
    mcc: &["4899", "5815"],
    amount: Prices(&[699, 799, 999, 1099, 1299, 1549, 1799, 1999, 2299, 2499]),
};
const MUSIC: Profile = Profile {
    mcc: &["5815", "4899"],
    amount: Prices(&[599, 1099, 1199, 1699, 1999, 1499]),
};
const LIVE_TV: Profile = Profile {
    mcc: &["4899"],
    amount: Prices(&[4000, 7299, 7999, 8299, 5499]),
};
const DIGITAL_MEDIA: Profile = Profile {
    mcc: &["5815", "5818"],
    amount: Range(99, 4999),
};
const CINEMA: Profile = Profile {
    mcc: &["7832"],
    amount: Range(899, 6800),
};
const TICKETS: Profile = Profile {
    mcc: &["7922", "7929"],
    amount: Range(2500, 65000),
};
const GAMES: Profile = Profile {
    mcc: &["5816", "5818"],
    amount: Range(99, 8999),
};
const GAME_STORE: Profile = Profile {
    mcc: &["5734", "5945"],
    amount: Range(999, 69999),
};
const SPORTS: Profile = Profile {
    mcc: &["7941"],
    amount: Range(1500, 45000),
};
const ATTRACTION: Profile = Profile {
    mcc: &["7991", "7996", "7998"],
    amount: Range(1200, 48000),
};
const RECREATION: Profile = Profile {
    mcc: &["7999", "7933", "7992", "7994"],
    amount: Range(800, 22000),
};
const GAMBLING: Profile = Profile {
    mcc: &["7995", "7801"],
    amount: Range(1000, 50000),
};
const NIGHTLIFE: Profile = Profile {
    mcc: &["7999", "5813", "7911"],
    amount: Range(1000, 20000),
};

pub(crate) static ENTERTAINMENT: &[Merchant] = &[
    // Video streaming.
    bill(
        "Netflix",
        &[
            "=NETFLIX.COM",
            "=NETFLIX.COM NETFLIX.COM CA",
            "=NETFLIX.COM 866-579-7172 CA",
            "=Netflix.com Los Gatos CA",
        ],
        &[],
        &VIDEO_STREAMING,
    )
    .w(8),
    bill(
        "Hulu",
        &["=HULU {d12}", "=HULU 877-8244858 CA", "=HULU.COM/BILL"],
        &[],
        &VIDEO_STREAMING,
    )
    .w(5),
    bill(
        "Disney+",
        &[
            "=DISNEY PLUS",
            "=DISNEYPLUS {phone} CA",
            "=DISNEY PLUS BURBANK CA",
        ],
        &[],
        &VIDEO_STREAMING,
    )
    .w(4),
    bill(
        "Max",
        &[
            "=MAX.COM",
            "=HBO MAX",
            "=HBOMAX.COM/BILL NY",
            "=WB MAX {phone}",
        ],
        &[],
        &VIDEO_STREAMING,
    )
    .w(3),
    bill(
        "Peacock",
        &["=PEACOCK {d4}", "=PEACOCKTV.COM", "=PEACOCK PREMIUM"],
        &[],
        &VIDEO_STREAMING,
    ),
    bill(
        "Paramount+",
        &["=PARAMOUNT+", "=PARAMOUNT PLUS {phone}", "=CBS ALL ACCESS"],
        &[],
        &VIDEO_STREAMING,
    ),
    bill(
        "Apple TV+",
        &[
            "=APPLE.COM/BILL 866-712-7753 CA",
            "=APPLE.COM/BILL",
            "=APPLE.COM/BILL ITUNES.COM CA",
        ],
        &[],
        &DIGITAL_MEDIA,
    )
    .w(6),
    bill(
        "YouTube Premium",
        &[
            "=GOOGLE *YOUTUBEPREMIUM",
            "=GOOGLE *YouTube Premium g.co/helppay#",
            "=GOOGLE *YOUTUBE MUSIC",
        ],
        &[],
        &MUSIC,
    ),
    bill(
        "YouTube TV",
        &["=GOOGLE *YOUTUBE TV", "=GOOGLE *YouTubeTV g.co/helppay# CA"],
        &[],
        &LIVE_TV,
    ),
    bill(
        "Prime Video",
        &[
            "=PRIME VIDEO*{a9}",
            "=Prime Video Channels*{a9}",
            "=AMAZON PRIME VIDEO",
        ],
        &[],
        &VIDEO_STREAMING,
    ),
    bill(
        "Sling TV",
        &["=SLING.COM", "=SLING TV {phone} CO"],
        &[],
        &LIVE_TV,
    ),
    bill("Fubo", &["=FUBOTV", "=FUBO.TV {phone} NY"], &[], &LIVE_TV),
    bill("Philo", &["=PHILO TV", "=PHILO.COM"], &[], &VIDEO_STREAMING),
    bill(
        "Crunchyroll",
        &["=CRUNCHYROLL *MEMBERSHIP", "=CRUNCHYROLL"],
        &[],
        &VIDEO_STREAMING,
    ),
    bill(
        "ESPN+",
        &["=ESPN PLUS", "=ESPN+ {phone} CT", "=DISNEY *ESPN+"],
        &[],
        &VIDEO_STREAMING,
    ),
    bill("DAZN", &["=DAZN", "=DAZN USA"], &[], &VIDEO_STREAMING),
    bill(
        "Starz",
        &["=STARZ ENTERTAINMENT", "=STARZ {phone} CO"],
        &[],
        &VIDEO_STREAMING,
    ),
    bill("MLB.TV", &["=MLB.TV", "=MLB *MLB.TV"], &[], &LIVE_TV),
    bill(
        "NFL Sunday Ticket",
        &["=GOOGLE *NFL SUNDAY TICKET", "=NFL+ PREMIUM"],
        &[],
        &LIVE_TV,
    ),
    // Music and audio.
    bill(
        "Spotify",
        &[
            "=SPOTIFY USA",
            "=Spotify USA",
            "=SPOTIFY P{a9}",
            "=PAYPAL *SPOTIFY 4029357733 CA",
            "=SPOTIFY {phone} NY",
        ],
        &[],
        &MUSIC,
    )
    .w(7),
    bill(
        "Apple Music",
        &["=APPLE.COM/BILL ONE APPLE", "=APPLE.COM/BILL {phone} CA"],
        &[],
        &MUSIC,
    ),
    bill(
        "Pandora",
        &["=PANDORA *MEDIA", "=PANDORA.COM {phone} CA"],
        &[],
        &MUSIC,
    ),
    bill(
        "SiriusXM",
        &[
            "=SIRIUSXM {phone}",
            "=SIRIUS XM RADIO",
            "=SXM*SIRIUSXM.COM/ACCT",
        ],
        &[],
        &MUSIC,
    ),
    bill("Tidal", &["=TIDAL.COM", "=TIDAL MUSIC"], &[], &MUSIC),
    bill(
        "Audible",
        &[
            "=AUDIBLE*{a9}",
            "=Audible*{a9} Amzn.com/bill NJ",
            "=AUDIBLE US",
        ],
        &[],
        &MUSIC,
    ),
    online(
        "Bandcamp",
        &["=BANDCAMP", "=BANDCAMP.COM {phone}"],
        &DIGITAL_MEDIA,
    ),
    online(
        "iTunes Store",
        &["=ITUNES.COM/BILL", "=APL*ITUNES.COM/BILL"],
        &DIGITAL_MEDIA,
    ),
    online(
        "Google Play",
        &["=GOOGLE *Google Play", "=GOOGLE*GOOGLE PLAY {phone}"],
        &DIGITAL_MEDIA,
    ),
    online(
        "Kindle",
        &["=Kindle Svcs*{a9}", "=KINDLE UNLTD*{a9}"],
        &DIGITAL_MEDIA,
    ),
    // Cinemas.
    store(
        "AMC Theatres",
        &["AMC {d4} ONLINE", "AMC {town} {d2}", "AMC THEATRES #{d4}"],
        &CINEMA,
    )
    .w(4),
    store(
        "Regal",
        &[
            "REGAL {town}",
            "REGAL CINEMAS {d4}",
            "REGAL ENTERTAINMENT GP",
        ],
        &CINEMA,
    )
    .w(3),
    store(
        "Cinemark",
        &["CINEMARK {d4}", "CINEMARK THEATRES {d3}"],
        &CINEMA,
    )
    .w(2),
    store(
        "Alamo Drafthouse",
        &["ALAMO DRAFTHOUSE {town}", "ALAMO {town} DRAFTHOUS"],
        &CINEMA,
    ),
    store("Harkins Theatres", &["HARKINS THEATRES {d3}"], &CINEMA),
    store("Marcus Theatres", &["MARCUS THEATRES {d3}"], &CINEMA),
    store("Landmark Theatres", &["LANDMARK THEATRES {town}"], &CINEMA),
    online(
        "Fandango",
        &["=FANDANGO", "=FANDANGO.COM {phone} CA", "=FANDANGO*{a8}"],
        &CINEMA,
    )
    .w(2),
    online(
        "Atom Tickets",
        &["=ATOM TICKETS", "=ATOMTICKETS.COM"],
        &CINEMA,
    ),
    // Tickets and live events.
    online(
        "Ticketmaster",
        &[
            "=TICKETMASTER",
            "=TM *{a8}",
            "=TICKETMASTER {phone} CA",
            "=TM *TICKETMASTER.COM",
        ],
        &TICKETS,
    )
    .w(4),
    online(
        "Live Nation",
        &["=LIVE NATION", "=LIVENATION {town}"],
        &TICKETS,
    ),
    online(
        "StubHub",
        &["=STUBHUB", "=STUBHUB.COM {phone}", "=STUBHUB INC"],
        &TICKETS,
    )
    .w(2),
    online(
        "SeatGeek",
        &["=SEATGEEK TICKETS", "=SEATGEEK.COM"],
        &TICKETS,
    ),
    online(
        "Vivid Seats",
        &["=VIVID SEATS", "=VIVIDSEATS.COM"],
        &TICKETS,
    ),
    online(
        "Eventbrite",
        &["=EVENTBRITE/{a8}", "=EB *{a10}", "=EVENTBRITE.COM"],
        &TICKETS,
    )
    .w(2),
    online("AXS", &["=AXS.COM*{a8}", "=AXS TICKETS"], &TICKETS),
    online("Dice", &["=DICE.FM", "=DICE FM TICKETS"], &TICKETS),
    store(
        "Madison Square Garden",
        &["=MSG CONCESSIONS NEW YORK NY", "=MADISON SQUARE GARDEN"],
        &TICKETS,
    ),
    store(
        "Red Rocks Amphitheatre",
        &["=RED ROCKS AMPHITHEATRE MORRISON CO"],
        &TICKETS,
    ),
    // Video games.
    online(
        "Steam",
        &[
            "=STEAMGAMES.COM 4259522985",
            "=STEAM PURCHASE",
            "=STEAMGAMES.COM 425-952-2985 WA",
            "=Steam Purchase Seattle WA",
        ],
        &GAMES,
    )
    .w(4),
    online(
        "PlayStation Network",
        &[
            "=PLAYSTATION NETWORK",
            "=Sony PlayStation",
            "=PLAYSTATION*{a8}",
        ],
        &GAMES,
    )
    .w(3),
    online(
        "Xbox",
        &[
            "=MICROSOFT*XBOX",
            "=Microsoft*Xbox Game Pass",
            "=MSFT * XBOX {a10}",
        ],
        &GAMES,
    )
    .w(3),
    online(
        "Nintendo",
        &["=NINTENDO CD{d10}", "=NINTENDO AMERICA", "=NINTENDO *ESHOP"],
        &GAMES,
    )
    .w(2),
    online(
        "Epic Games",
        &["=EPIC GAMES STORE", "=EPIC*FORTNITE"],
        &GAMES,
    ),
    online(
        "Roblox",
        &["=ROBLOX CORPORATION", "=ROBLOX.COM {phone} CA"],
        &GAMES,
    )
    .w(2),
    online(
        "Blizzard",
        &["=BLIZZARD ENT", "=BLIZZARD ENTERTAINMENT"],
        &GAMES,
    ),
    online(
        "Electronic Arts",
        &["=EA *ORIGIN.COM", "=ELECTRONIC ARTS"],
        &GAMES,
    ),
    online("Riot Games", &["=RIOT*{a8}", "=RIOT GAMES"], &GAMES),
    online("Twitch", &["=TWITCH INTERACTIVE", "=TWITCH.TV"], &GAMES),
    online("Apple Arcade", &["=APPLE.COM/BILL ARCADE"], &GAMES),
    store(
        "GameStop",
        &["GAMESTOP #{d4}", "GAMESTOP {d4}", "=GAMESTOP.COM"],
        &GAME_STORE,
    )
    .w(2),
    // Sports, parks, museums, recreation.
    store(
        "San Francisco Giants",
        &[
            "=SF GIANTS TICKETS",
            "=ORACLE PARK CONCESSIONS SAN FRANCISCO CA",
        ],
        &SPORTS,
    ),
    store(
        "New York Yankees",
        &["=YANKEES TICKET OFFICE", "=YANKEE STADIUM {d4} BRONX NY"],
        &SPORTS,
    ),
    store(
        "Los Angeles Dodgers",
        &["=DODGERS TICKETS", "=DODGER STADIUM LOS ANGELES CA"],
        &SPORTS,
    ),
    store(
        "Chicago Cubs",
        &["=CHICAGO CUBS TICKETS", "=WRIGLEY FIELD CONCESS CHICAGO IL"],
        &SPORTS,
    ),
    store(
        "TD Garden",
        &["=TD GARDEN BOSTON MA", "=TD GARDEN CONCESSIONS"],
        &SPORTS,
    ),
    store(
        "Dallas Cowboys",
        &["=DALLAS COWBOYS STADIUM", "=AT&T STADIUM ARLINGTON TX"],
        &SPORTS,
    ),
    store(
        "Disneyland Resort",
        &[
            "=DISNEYLAND RESORT-MK ANAHEIM CA",
            "=DISNEYLAND ANAHEIM",
            "=DISNEY PARKS TICKETS",
        ],
        &ATTRACTION,
    ),
    store(
        "Walt Disney World",
        &[
            "=WDW TICKETS",
            "=WDW MAGIC KINGDOM LAKE BUENA VIS FL",
            "=WALT DISNEY WORLD",
        ],
        &ATTRACTION,
    ),
    store(
        "Universal Studios",
        &[
            "=UNIVERSAL STUDIOS HOLLY UNIVERSAL CITY CA",
            "=UNIVERSAL ORLANDO RESORT ORLANDO FL",
        ],
        &ATTRACTION,
    ),
    store(
        "Six Flags",
        &["SIX FLAGS {town}", "SIX FLAGS ENTERTAINMENT"],
        &ATTRACTION,
    ),
    store(
        "Cedar Point",
        &["=CEDAR POINT SANDUSKY OH", "=CEDAR FAIR {town} {st}"],
        &ATTRACTION,
    ),
    store(
        "SeaWorld",
        &["SEAWORLD {town}", "SEAWORLD PARKS"],
        &ATTRACTION,
    ),
    store(
        "San Diego Zoo",
        &["=SAN DIEGO ZOO SAN DIEGO CA", "=SD ZOO WILDLIFE ALLIANCE"],
        &ATTRACTION,
    ),
    store(
        "The Metropolitan Museum of Art",
        &["=THE MET MUSEUM NEW YORK NY", "=METROPOLITAN MUSEUM ART"],
        &ATTRACTION,
    ),
    store(
        "Museum of Modern Art",
        &["=MOMA NEW YORK NY", "=MOMA MUSEUM ADMISSION"],
        &ATTRACTION,
    ),
    store(
        "California Academy of Sciences",
        &["=CAL ACADEMY OF SCIENCES SAN FRANCISCO CA"],
        &ATTRACTION,
    ),
    store(
        "Monterey Bay Aquarium",
        &["=MONTEREY BAY AQUARIUM MONTEREY CA"],
        &ATTRACTION,
    ),
    store(
        "Topgolf",
        &["TOPGOLF {town}", "TOPGOLF USA {d3}"],
        &RECREATION,
    )
    .w(2),
    store(
        "Dave & Buster's",
        &["DAVE & BUSTERS #{d3}", "DAVE&BUSTERS {town}"],
        &RECREATION,
    )
    .w(2),
    store("Bowlero", &["BOWLERO {town}", "BOWLERO #{d3}"], &RECREATION),
    store("Main Event", &["MAIN EVENT {town}"], &RECREATION),
    store("Chuck E. Cheese", &["CHUCK E CHEESE {d4}"], &RECREATION),
    store("Round1", &["ROUND1 BOWLING & AMUSE"], &RECREATION),
    store("Sky Zone", &["SKY ZONE {town}"], &RECREATION),
    store("Urban Air", &["URBAN AIR {town}"], &RECREATION),
    online(
        "Vail Resorts",
        &["=VAIL RESORTS EPIC PASS", "=EPIC PASS {phone} CO"],
        &ATTRACTION,
    ),
    online(
        "Ikon Pass",
        &["=IKON PASS", "=ALTERRA MTN CO IKON"],
        &ATTRACTION,
    ),
    // Gambling.
    online(
        "DraftKings",
        &[
            "=DRAFTKINGS",
            "=DK*DRAFTKINGS {phone}",
            "=DRAFTKINGS INC BOSTON MA",
        ],
        &GAMBLING,
    )
    .w(2),
    online(
        "FanDuel",
        &["=FANDUEL", "=FANDUEL SPORTSBOOK", "=FD *FANDUEL {phone}"],
        &GAMBLING,
    )
    .w(2),
    online("BetMGM", &["=BETMGM", "=BETMGM LLC"], &GAMBLING),
    store(
        "Caesars Palace",
        &["=CAESARS PALACE LAS VEGAS NV", "=CAESARS ENTERTAINMENT"],
        &GAMBLING,
    ),
    store(
        "Bellagio",
        &["=BELLAGIO CASINO LAS VEGAS NV", "=BELLAGIO CAGE"],
        &GAMBLING,
    ),
    online(
        "State Lottery",
        &["={st} LOTTERY ONLINE", "=JACKPOCKET LOTTERY"],
        &GAMBLING,
    ),
    // Nightlife and other.
    online(
        "Tinder",
        &["=TINDER", "=GOOGLE *Tinder", "=APPLE.COM/BILL TINDER"],
        &DIGITAL_MEDIA,
    ),
    online(
        "Patreon",
        &["=PATREON* MEMBERSHIP", "=PATREON*{a8}"],
        &DIGITAL_MEDIA,
    ),
    online("OnlyFans", &["=ONLYFANS.COM", "=OF*ONLYFANS"], &NIGHTLIFE),
    // Generated local places.
    local(
        "{Town} Bowling Lanes",
        &["{NAME}", "{town} LANES"],
        &RECREATION,
    ),
    local("{Last}'s Arcade", &[], &RECREATION),
    local("{Town} Comedy Club", &[], &NIGHTLIFE),
    local(
        "{Adj} Night Club",
        &["{NAME}", "{adj} NIGHTCLUB"],
        &NIGHTLIFE,
    ),
    local("{Town} Escape Room", &[], &RECREATION),
    local("{Adj} Mini Golf", &[], &RECREATION),
    local(
        "{Town} Symphony Tickets",
        &["{town} SYMPHONY BOX OFFICE"],
        &TICKETS,
    ),
    local("{Adj} Cinema", &["{NAME}", "{adj} THEATRE"], &CINEMA),
    local(
        "{Town} Golf Course",
        &["{NAME}", "{town} GOLF CLUB"],
        &RECREATION,
    ),
];
