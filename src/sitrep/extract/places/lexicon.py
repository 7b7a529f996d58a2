"""Every place word and per-phrase table of sitrep's place finder, in one file.

The code in :mod:`~sitrep.extract.places.gazetteer`, :mod:`~sitrep.extract.places.ruler`,
:mod:`~sitrep.extract.places.mentions` and :mod:`~sitrep.extract.places.resolve` reads these
tables and holds no word lists of its own. Each table says in a comment why it is there; to
teach sitrep a new place word, add it here (and a test beside the rule that reads it).
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Country reference points (GeoNames-style country centres, rounded), for the countries whose
# centre a median of their towns would put far off; the others use that median.
_POINTS = """
AF 33 66|AL 41 20|DZ 28 3|AO -12.5 18.5|AR -34 -64|AM 40 45|AU -25 135|AT 47.33 13.33
AZ 40.5 47.5|BH 26 50.55|BD 24 90|BY 53 28|BE 50.83 4|BJ 9.5 2.25|BT 27.5 90.5|BO -17 -65
BA 44 18|BW -22 24|BR -10 -55|BG 43 25|BF 13 -2|BI -3.5 30|KH 13 105|CM 6 12|CA 60.11 -113.64
CF 7 21|TD 15 19|CL -30 -71|CN 35 105|CO 4 -73.25|CD -2.5 23.5|CG -1 15|CR 10 -84|CI 8 -5
HR 45.17 15.5|CU 21.5 -80|CY 35 33|CZ 49.75 15|DK 56 10|DJ 11.5 42.5|DO 19 -70.67|EC -1.25 -78.25
EG 27 30|SV 13.83 -88.92|ER 15 39|EE 59 26|ET 9 39.5|FI 64 26|FR 46 2|GA -1 11.75|GM 13.5 -15.5
GE 42 43.5|DE 51.5 10.5|GH 8.1 -1.2|GR 39 22|GT 15.5 -90.25|GN 10.83 -10.67|HT 19 -72.42
HN 15 -86.5|HU 47 20|IS 65 -18|IN 22 79|ID -5 120|IR 32 53|IQ 33 44|IE 53 -8|IL 31.5 34.75
IT 42.83 12.83|JM 18.17 -77.4|JP 35.69 139.75|JO 31 36|KZ 48 68|KE 1 38|KP 40 127|KR 36.5 127.75
KW 29.5 47.75|KG 41.5 75|LA 18 105|LV 57 25|LB 33.83 35.83|LY 28 17|LT 56 24|LU 49.75 6.17
MG -20 47|MW -13.5 34|MY 2.5 112.5|ML 17 -4|MR 20 -12|MX 23 -102|MD 47.25 28.58|MN 46 105
ME 42.75 19.25|MA 32 -5|MZ -18.25 35|MM 21 96|NA -22 17|NP 28 84|NL 52.25 5.75|NZ -42 174
NI 13 -85|NE 18 9|NG 10 8|NO 62 10|OM 21 57|PK 30 70|PA 9 -80|PG -6 147|PY -23 -58|PE -10 -76
PH 13 122|PL 52 20|PT 39.5 -8|QA 25.5 51.25|RO 46 25|RU 60 100|RW -2 30|SA 25 45|SN 14.5 -14.25
RS 44 21|SL 8.5 -11.5|SG 1.37 103.8|SK 48.67 19.5|SI 46.25 15.17|SO 6 48|ZA -29 24|SS 8 30
ES 40 -4|LK 7.75 80.75|SD 16 30|SE 62 15|CH 47 8|SY 35 38|TW 24 121|TJ 39 71|TZ -6 35|TH 15.5 101
TG 8 1.17|TN 34 9|TR 39 35|TM 40 60|UG 1.25 32.5|UA 49 32|AE 24 54|GB 54.76 -2.7|US 39.76 -98.5
UY -33 -56|UZ 41.67 63.83|VE 8 -66|VN 16.17 107.83|YE 15.5 47.5|ZM -14.33 27.5|ZW -19 29.75
PS 31.92 35.2|XK 42.58 21|MK 41.67 21.75|GL 72 -40|SR 4 -56|GY 5 -59|BZ 17.25 -88.75
"""

# The table above by ISO code: (lat, lon) of each country's reference point.
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    code: (float(lat), float(lon))
    for code, lat, lon in (item.split() for item in _POINTS.replace("\n", "|").split("|") if item)
}

# Common names and short forms of countries, beyond the official GeoNames name.
_ALIASES = """
US: United States of America, USA, U.S., U.S.A., America, the States|GB: UK, U.K., Britain,
Great Britain|RU: Russian Federation, Soviet Union, USSR|KR: South
Korea, Republic of Korea, Korea|KP: North Korea, DPRK|CD: DR Congo, DRC, Democratic Republic of the
Congo, Congo-Kinshasa, Congo|CG: Republic of the Congo, Republic of Congo, Congo-Brazzaville|CI: Ivory Coast, Cote
d'Ivoire|CZ: Czech Republic, Czechia|MM: Burma, Myanmar|IR: Persia|SY: Syrian Arab Republic
|PS: Palestine, Palestinian Territories|NL: Holland, the
Netherlands|AE: UAE, U.A.E., Emirates|VA: Vatican, Holy See|MK: Macedonia|SZ: Swaziland, Eswatini
|TL: East Timor|CV: Cape Verde|TR: Turkiye|VN: Viet Nam|LA: Laos|BO: Bolivia|VE: Venezuela
|TZ: Tanzania|MD: Moldova|SS: South Sudan|TW: Taiwan|TT: Trinidad
"""

# The table above by ISO code: the other names each country goes by.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    code.strip(): tuple(n.strip() for n in names.split(","))
    for code, names in (
        item.split(":", 1) for item in " ".join(_ALIASES.split()).split("|") if item.strip()
    )
}

# Demonyms and adjectives that name a country's people or state.
_DEMONYM_TEXT = """
AF afghan|AL albanian|DZ algerian|AR argentine argentinian|AM armenian|AU australian
|AT austrian|AZ azerbaijani azeri|BD bangladeshi|BY belarusian belarussian|BE belgian
|BA bosnian|BR brazilian|BG bulgarian|MM burmese myanmar|KH cambodian|CM cameroonian
|CA canadian|CF central_african|TD chadian|CL chilean|CN chinese|CO colombian|CD congolese
|HR croatian|CU cuban|CY cypriot|CZ czech|DK danish dane|NL dutch|EG egyptian|ER eritrean
|EE estonian|ET ethiopian|FI finnish finn|FR french frenchman frenchmen|GE georgian
|DE german|GH ghanaian|GR greek|HT haitian|HU hungarian|IS icelandic|IN indian|ID indonesian
|IR iranian persian|IQ iraqi|IE irish|IL israeli|IT italian|JP japanese|JO jordanian
|KZ kazakh kazakhstani|KE kenyan|XK kosovar kosovan|KW kuwaiti|KG kyrgyz|LV latvian
|LB lebanese|LY libyan|LT lithuanian|MY malaysian|ML malian|MX mexican|MD moldovan
|MN mongolian|ME montenegrin|MA moroccan|MZ mozambican|NP nepali nepalese|NZ new_zealander kiwi
|NI nicaraguan|NE nigerien|NG nigerian|KP north_korean|NO norwegian|PK pakistani
|PS palestinian|PA panamanian|PE peruvian|PH filipino philippine|PL polish pole
|PT portuguese|QA qatari|RO romanian|RU russian|RW rwandan|SA saudi|RS serbian serb
|SK slovak|SI slovenian slovene|SO somali|ZA south_african|KR south_korean|SS south_sudanese
|ES spanish spaniard|LK sri_lankan|SD sudanese|SE swedish swede|CH swiss|SY syrian
|TW taiwanese|TJ tajik|TZ tanzanian|TH thai|TN tunisian|TR turkish turk|TM turkmen
|UG ugandan|UA ukrainian|AE emirati|GB british briton brit
|US american|UY uruguayan|UZ uzbek|VE venezuelan|VN vietnamese|YE yemeni|ZM zambian
|ZW zimbabwean
|JM jamaican|SV salvadoran|OM omani|MT maltese|TT trinidadian|BS bahamian|BB barbadian
|GT guatemalan|HN honduran|CR costa_rican|DO dominican|PR puerto_rican|BO bolivian
|PY paraguayan|EC ecuadorian|LU luxembourgish|MC monegasque|AD andorran|BT bhutanese
|MV maldivian|LA laotian|SG singaporean|BN bruneian|TL timorese|PG papuan|FJ fijian
|WS samoan|TO tongan|BH bahraini|MR mauritanian|GA gabonese|AO angolan|NA namibian
|BW botswanan|MW malawian|BI burundian|DJ djiboutian|CI ivorian|SN senegalese|GM gambian
|GN guinean|LR liberian|SL sierra_leonean|TG togolese|BJ beninese|BF burkinabe
|MG malagasy|MU mauritian|SC seychellois|KM comorian|KR korean
"""


# Demonym -> ISO code, with plurals ("Ukrainians") and the irregular ones spelt out.
def _demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for item in " ".join(_DEMONYM_TEXT.split()).split("|"):
        code, *words = item.split()
        for w in words:
            w = w.replace("_", " ")
            out[w] = code
            if not w.endswith(("ese", "ish", "ss", "ch", "i")):
                out[w + "s"] = code
    for w in ("saudis", "iraqis", "israelis", "pakistanis", "yemenis", "somalis"):
        out[w] = out[w[:-1]]
    out["frenchmen"] = "FR"
    out["czechs"] = "CZ"
    out["sinhalese"] = out["sinhala"] = "LK"
    out["britons"] = out["brits"] = "GB"
    return out


DEMONYMS: dict[str, str] = _demonyms()

# US state names by postal code, to expand a newspaper abbreviation ("Va.") to its state.
STATE_NAMES = {
    "CA": "California", "FL": "Florida", "TX": "Texas", "PA": "Pennsylvania", "MI": "Michigan",
    "AZ": "Arizona", "CO": "Colorado", "CT": "Connecticut", "MN": "Minnesota", "WI": "Wisconsin",
    "TN": "Tennessee", "OK": "Oklahoma", "NV": "Nevada", "NM": "New Mexico", "NY": "New York",
    "NJ": "New Jersey", "NC": "North Carolina", "SC": "South Carolina", "AL": "Alabama",
    "AR": "Arkansas", "KS": "Kansas", "NE": "Nebraska", "OR": "Oregon", "VA": "Virginia",
    "GA": "Georgia", "MD": "Maryland", "MA": "Massachusetts", "WA": "Washington",
    "IL": "Illinois", "KY": "Kentucky", "MS": "Mississippi", "MO": "Missouri", "IN": "Indiana",
    "LA": "Louisiana", "DE": "Delaware", "VT": "Vermont", "WY": "Wyoming", "MT": "Montana",
    "ND": "North Dakota", "SD": "South Dakota", "NH": "New Hampshire", "RI": "Rhode Island",
    "WV": "West Virginia",
}  # fmt: skip

# Newspaper abbreviations of US state names (matched with their periods).
US_STATE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "CA": ("Calif.",), "FL": ("Fla.",), "TX": ("Tex.",), "PA": ("Penn.", "Pa."), "MI": ("Mich.",),
    "AZ": ("Ariz.",), "CO": ("Colo.",), "CT": ("Conn.",), "MN": ("Minn.",), "WI": ("Wis.",),
    "TN": ("Tenn.",), "OK": ("Okla.",), "NV": ("Nev.",), "NM": ("N.M.",), "NY": ("N.Y.",),
    "NJ": ("N.J.",), "NC": ("N.C.",), "SC": ("S.C.",), "AL": ("Ala.",), "AR": ("Ark.",),
    "KS": ("Kan.",), "NE": ("Neb.",), "OR": ("Ore.",), "VA": ("Va.",), "GA": ("Ga.",),
    "MD": ("Md.",), "MA": ("Mass.",), "WA": ("Wash.",), "IL": ("Ill.",), "KY": ("Ky.",),
    "MS": ("Miss.",), "MO": ("Mo.",), "IN": ("Ind.",), "LA": ("La.",), "DE": ("Del.",),
    "VT": ("Vt.",), "WY": ("Wyo.",), "MT": ("Mont.",), "ND": ("N.D.",), "SD": ("S.D.",),
    "NH": ("N.H.",), "RI": ("R.I.",), "WV": ("W.Va.",),
}  # fmt: skip

# Adjectives of continents and world regions.
REGION_ADJECTIVES = {
    "european": "Europe",
    "african": "Africa",
    "asian": "Asia",
    "north american": "North America",
    "south american": "South America",
    "latin american": "Latin America",
    "middle eastern": "Middle East",
    "caribbean": "Caribbean",
    "scandinavian": "Scandinavia",
    "balkan": "Balkans",
    "english": "England",
    "scottish": "Scotland",
    "welsh": "Wales",
    "siberian": "Siberia",
    "crimean": "Crimea",
    "kurdish": "Kurdistan",
    "arab": "Middle East",
    "central american": "Central America",
    "south ossetian": "South Ossetia",
    "abkhaz": "Abkhazia",
    "abkhazian": "Abkhazia",
    "chechen": "Chechnya",
    "dagestani": "Dagestan",
    "ontarian": "Ontario",
    "albertan": "Alberta",
    "quebecer": "Quebec",
    "ohioan": "Ohio",
    "minnesotan": "Minnesota",
    "texan": "Texas",
    "californian": "California",
    "floridian": "Florida",
    "virginian": "Virginia",
    "kentuckian": "Kentucky",
    "tennessean": "Tennessee",
    "oklahoman": "Oklahoma",
    "hoosier": "Indiana",
    "iowan": "Iowa",
    "kansan": "Kansas",
    "nebraskan": "Nebraska",
    "coloradan": "Colorado",
    "arizonan": "Arizona",
    "alaskan": "Alaska",
    "michigander": "Michigan",
    "wisconsinite": "Wisconsin",
    "pennsylvanian": "Pennsylvania",
    "marylander": "Maryland",
    "oregonian": "Oregon",
    "utahn": "Utah",
    "nevadan": "Nevada",
    "louisianan": "Louisiana",
    "mississippian": "Mississippi",
    "alabamian": "Alabama",
    "arkansan": "Arkansas",
    "missourian": "Missouri",
    "vermonter": "Vermont",
    "sicilian": "Sicily",
    "catalan": "Catalonia",
    "bavarian": "Bavaria",
    "corsican": "Corsica",
    "sardinian": "Sardinia",
    "flemish": "Flanders",
}

# Words of a bare direction ("East", "South West", "the Northern"): a unit's name made only of
# them is a direction first ("London and the South East" is no Cameroonian region); with a unit
# word it names the unit ("Northern State", "Southern District").
_BARE_DIRECTION_TEXT = """north south east west northern southern eastern western central northeast
    northwest southeast southwest north-west north-east south-west south-east upper lower middle
    the of and"""
BARE_DIRECTION_WORDS = frozenset(_BARE_DIRECTION_TEXT.split())

# Words that make a division's name generic ("North West", "Central Province"): the directions
# above and the words for a unit.
_DIVISION_UNIT_TEXT = """province region district state territory division governorate
    municipality city county capital autonomous republic oblast department prefecture borough
    sector zone area metropolitan island islands"""

# The words above as a set: a division name made only of them is no name.
GENERIC_DIVISION_WORDS = BARE_DIRECTION_WORDS | frozenset(_DIVISION_UNIT_TEXT.split())

# What a division's name carries besides its name ("Kirov Oblast" is also "Kirov").
DIVISION_AFFIXES = re.compile(
    r"^(?:borough of|city and borough of|city and county of|city of|county of|"
    r"province of|provincia de|provincia di|departamento de|departement de|"
    r"state of|republic of)\s+|\s+(?:oblast|oblast'|province|region|governorate|krai|kray|"
    r"republic|prefecture|county|district|department|voivodeship|municipality|"
    r"autonomous region|autonomous community|county borough|city|state)$"
)

# Short names of divisions that are common words: "Free State" and "Plateau State" go by
# their full names only.
COMMON_SHORT_NAMES = frozenset({"free", "plateau", "rivers", "cross river", "northern"})

# Seats of power news names in place of their cities ("the Kremlin said", "a White House
# aide"): (name, city, country, first-level division of the city or "").
LANDMARKS: tuple[tuple[str, str, str, str], ...] = (
    ("White House", "Washington", "US", "DC"),
    ("Capitol Hill", "Washington", "US", "DC"),
    ("Oval Office", "Washington", "US", "DC"),
    ("Pentagon", "Arlington", "US", "VA"),
    ("Wall Street", "New York City", "US", "NY"),
    ("Kremlin", "Moscow", "RU", ""),
    ("Downing Street", "London", "GB", ""),
    ("Whitehall", "London", "GB", ""),
    ("Elysee Palace", "Paris", "FR", ""),
    ("Zhongnanhai", "Beijing", "CN", ""),
    ("Bankova", "Kyiv", "UA", ""),
    ("Knesset", "Jerusalem", "IL", ""),
)

# Cities newspapers abbreviate, with their periods.
CITY_ABBREVIATIONS = {"L.A.": "Los Angeles", "N.Y.C.": "New York City", "S.F.": "San Francisco"}

# Provinces and states outside the US, as newspapers there write them.
PROVINCE_ABBREVIATIONS = {
    "B.C.": "British Columbia",
    "BC": "British Columbia",
    "Ont.": "Ontario",
    "Alta.": "Alberta",
    "Sask.": "Saskatchewan",
    "Que.": "Quebec",
    "N.S.": "Nova Scotia",
    "N.B.": "New Brunswick",
    "N.W.T.": "Northwest Territories",
    "Nfld.": "Newfoundland and Labrador",
    "P.E.I.": "Prince Edward Island",
    "NSW": "New South Wales",
    "N.S.W.": "New South Wales",
    "Qld": "Queensland",
}

# Heads of a division after its name: "the Kharkiv region", "Kherson oblast" mean the division.
REGION_WORDS = frozenset(
    {"region", "oblast", "province", "governorate", "district", "prefecture", "raion", "county"}
)

# Heads that are not part of the name when the gazetteer lacks the whole ("the port of Odesa");
# kinds of Israeli settlement open a name as a title ("Kibbutz Be'eri", "Moshav Yated").
GENERIC_HEADS = _words("city town village port area state republic kibbutz moshav")

# Direction words before a name: "eastern Ukraine", "downtown Kyiv" are cues, not part of it.
DIRECTIONS = _words(
    """central north south east west northern southern eastern western northeastern
    northwestern southeastern southwestern north-eastern north-western south-eastern
    south-western northeast northwest southeast southwest downtown greater eastern-most"""
)

# Words before a name that say it is a place: "in Kharkiv", "the city of Kherson"; the weak
# ones also come before people and teams ("a pass from Henry", "a move to Bolton").
CUE_BEFORE = (
    _words(
        """in near outside around across into towards toward throughout inside within nearby
    city town village port capital region province oblast district suburb outskirts"""
    )
    | DIRECTIONS
)

# Weak cues: they also come before people and teams, so a name after them needs more evidence.
WEAK_CUE_BEFORE = _words(
    """from to at via through between beyond of visited entered reached captured recaptured
    seized shelled bombed besieged encircled stormed liberated struck hit attacked targeted
    pounded"""
)

# Words after a name that say it is a place: "the Kharkiv region", "Torrington firefighters".
CIVIC_WORDS = _words(
    """police policeman policemen detectives firefighters fire sheriff sheriff's council
    councilman councilwoman councilmembers selectmen aldermen township borough schools
    officials voters natives commonwealth's man woman men women boy girl teen teenager
    couple family businessman"""
)

# All the words after a name that say it is a place, including the civic words above.
CUE_AFTER = frozenset(
    REGION_WORDS
    | CIVIC_WORDS
    | {"city", "airport", "residents", "mayor", "crossing", "border", "checkpoint", "frontline"}
    | {"governor", "commissioner", "government", "assembly", "legislature", "command"}
)

# Titles before a name: "Gen. Jackson", "Mayor Clinton" are people, not places.
TITLES = _words(
    """mr mrs ms miss dr president minister gen general sen senator rep governor gov prime
    king queen prince princess pope judge officer coach sir lord lady mayor chancellor
    secretary col colonel capt captain lt sgt spokesman spokeswoman"""
)

# Last words of streets and buildings: named after a place, but not in it ("Kyiv Street").
FACILITY_WORDS = _words(
    """street st avenue ave road rd square boulevard blvd lane drive highway way place plaza
    park church school hospital airport station university college center centre building
    hotel museum stadium arena bridge market mall library court hall base prison embassy
    cathedral mosque temple basilica club institute village wing house"""
)

# Of those, the ones that are named after a place without being in it.
STREET_WORDS = _words(
    """street st avenue ave road rd boulevard blvd lane drive highway way square plaza place"""
)

# Lower-case words inside a multi-word place name ("Stratford-upon-Avon", "Rio de Janeiro").
CONNECTORS = frozenset({"of", "de", "la", "le", "el", "al", "upon", "on", "du", "del", "da"})

# A name in a list right after a place is a place too ("Kyiv, Kharkiv and Odesa").
LIST_WORDS = frozenset({",", "and", "or"})

# Month, day and season names: a DATE the model found there is no place to relabel.
CALENDAR = _words(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday spring summer autumn fall winter
    easter christmas"""
)

# Last words of an organisation's name that make it a building ("Altnagelvin Hospital").
_BUILDING_WORDS = """hospital center centre school elementary college university church hall
    library stadium arena hotel museum institute court airport station mall market prison
    embassy cathedral mosque temple theatre theater chapel clinic courthouse jail"""

# The words above as a set.
BUILDINGS = frozenset(_BUILDING_WORDS.split())

# Last words that make any name a street or a feature of the land ("Royal Street" read as
# an organisation, "Dubonet Drive" or "Glenrock Lagoon" as a person).
_FEATURE_TEXT = """lagoon canal river lake bay beach island point racecourse tower castle palace
    bridge plantation area areas estate"""

# Lower-case words after a name that make it a place: "the Air Balloon roundabout", "the
# Elysian Fields intersection".
PLACE_AFTER = frozenset(
    {"roundabout", "junction", "intersection", "crossroads", "neighbourhood", "neighborhood"}
    | {"suburb", "township", "estate", "interchange"}
)

# Streets and the features above: named after a place, but not the place itself.
FEATURE_WORDS = STREET_WORDS | frozenset(_FEATURE_TEXT.split())

# Words after a British road number that say it is the road ("the A417 near Birdlip").
ROAD_CUES = frozenset(
    {"road", "motorway", "carriageway", "junction", "southbound", "northbound", "eastbound"}
    | {"westbound", "roundabout", "bypass", "slip"}
)

# Prepositions before a venue or building: "at Windsor Castle", "inside Eva's Village".
AT = frozenset({"at", "inside", "outside"})


# Last words of a venue the model labels as nothing: "at Eva's Village", "at Bolton Farm".
VENUE_WORDS = frozenset({"village", "farm", "farms", "studio", "restaurant", "inn", "pub"})

# Words after a place name in the names of teams and clubs: "Burton Albion".
CLUB_WORDS = frozenset(
    {"albion", "wanderers", "rovers", "united", "athletic", "fc", "rangers", "celtic", "city"}
)

# Offices named after their town: "Avondale Mayor Ed Rieker" names Avondale.
OFFICES = frozenset({"mayor", "governor", "commissioner", "parks", "chamber", "county"})

# Words before a name that say it is where something is or happens: "moved to Thornhill",
# "the small town of Kasba Bonli", "Mindy Miller of Ravenel".
LOCATIVE = frozenset({"in", "at", "near", "outside", "from"})

# Verbs of motion: "driving to Castlegar" makes the name after "to" a town.
MOTION_VERBS = frozenset(
    {"move", "drive", "travel", "come", "go", "return", "fly", "head", "relocate", "walk", "run"}
)

# Armed groups and organisations whose names are (alternate names of) towns: the name is
# never the town in the news. Each with why it collides.
ORGANISATION_NAMES: dict[str, str] = {
    "hamas": "Palestinian movement; an alternate name of Hamm, Germany",
    "hezbollah": "Lebanese movement; villages of that name in Lebanon",
    "hizbollah": "spelling of Hezbollah",
    "houthis": "Yemeni movement (Ansar Allah); a clan name of villages",
    "houthi": "Yemeni movement (Ansar Allah)",
    "wagner": "Russian mercenary group; towns in the US, Brazil and Germany",
    "taliban": "Afghan movement; a village of that name",
    "al shabaab": "Somali movement; villages called Shabaab",
    "shabaab": "short for al-Shabaab",
    "boko haram": "Nigerian movement",
    "jnim": "Sahel coalition (Jama'at Nusrat al-Islam wal-Muslimin)",
    "m23": "Congolese rebel movement (March 23 Movement)",
    "rsf": "Sudan's Rapid Support Forces",
    "idf": "Israel Defense Forces",
    "janjaweed": "Sudanese militia",
    "fatah": "Palestinian party; villages called Fatah",
    "isis": "Islamic State; an alternate name of towns",
    "isil": "Islamic State",
    "daesh": "Islamic State",
    "unrwa": "UN agency for Palestine refugees",
}

# Last words of an armed unit named after a place: "the Azov Battalion" is no place.
UNIT_WORDS = frozenset({"battalion", "regiment", "brigade", "division", "militia", "corps"})

# Words after a name that make it a person's or a family's: "the Hassan family", "the
# Smith household" (Hassan, India is no reading there).
PERSON_GROUP_WORDS = frozenset(
    {"family", "families", "clan", "tribe", "household", "brothers", "sisters", "siblings"}
)

# Between a place and the division it lies in: "Wad al-Noura, a village in Sudan's Gezira
# state", "Chaplyne, a small town in the Dnipropetrovsk region", "Uman, in the central
# Cherkasy Oblast", "the Tal al-Sultan neighbourhood of Rafah".
QUALIFIER_NOUNS = frozenset(
    {"village", "town", "city", "settlement", "hamlet", "camp", "neighbourhood", "neighborhood"}
    | {"district", "suburb", "area", "community", "kibbutz", "locality", "municipality"}
    | {"quarter", "township", "refugee", "displacement"}
)
QUALIFIER_FILLERS = frozenset(
    {"a", "an", "the", "small", "tiny", "large", "rural", "remote", "nearby", "densely"}
    | {"populated", "farming", "border", "coastal", "key", "strategic", "industrial"}
    | {"frontline", "front-line", "occupied", "besieged", "embattled"}
)
# Nouns for which a city in that position means the area around it, not the division
# ("the Tal al-Sultan neighbourhood of Rafah").
SUBCITY_NOUNS = frozenset(
    {"camp", "neighbourhood", "neighborhood", "district", "suburb", "area", "quarter"}
)

# Division words for which a division's largest town stands for the whole division ("the
# Donetsk region", "Kherson oblast"); a "district" or "county" of a town is the area
# around the town.
FIRST_LEVEL_WORDS = frozenset(
    {"region", "oblast", "province", "governorate", "state", "prefecture"}
)

# Nouns of settlements: "the village of X" is a place, however small (the ruler takes it
# over the model's PERSON or ORG).
SETTLEMENT_NOUNS = frozenset({"village", "town", "city", "settlement", "hamlet", "township"})

# Words after which a building's or office's name names its place ("University of Kent").
NAMED_AFTER = frozenset({"of", "de", "du", "del", "da", "the", "in", "at"})

# Division words that make a name the model took for an organisation a place: "Kherson
# Oblast", "Idlib Governorate", "North Kivu Province" (not "state": "Islamic State").
DIVISION_WORDS = frozenset({"oblast", "governorate", "province", "region", "raion"})
# Words for divisions named after their seat town ("Kanbalu township", "Bucha district"): a
# village "in" one lies near that town, not at it.
SEAT_DIVISION_WORDS = DIVISION_WORDS | frozenset(
    {"township", "district", "county", "municipality", "rayon", "hromada", "commune", "tehsil"}
)

# Institutions and feasts that towns are named after.
NOT_TOWNS = frozenset({"congress", "parliament", "senate", "christmas", "easter", "eden"})

# Verbs of saying and stance: a capital or country as their subject speaks for its government.
ACTOR_VERBS = _words("""say tell deny claim warn accuse announce insist reject condemn demand
    threaten respond urge call agree refuse vow blame argue confirm dismiss retaliate protest
    declare admit pledge promise allege order approve sanction expel recognise recognize
    criticise criticize welcome propose offer plan want seek hope fear sign negotiate launch
    invade attack annex state report suggest describe fire comment""")

# Wording of American local news: its offices and institutions, its abbreviations.
US_LOCAL = re.compile(
    r"\b(?:City Council|[Cc]ity [Cc]ouncil(?:man|woman|members?)|[Ss]heriff(?:'s|’s)? "
    r"(?:Office|Department|deputies)|School District|Board of Education|[Ss]electmen|"
    r"Township|County [Cc]ommission(?:ers?)?|[Cc]ounty [Pp]rosecutor|[Dd]istrict [Aa]ttorney|"
    r"Commonwealth(?:'s|’s) Attorney|[Ss]tate [Rr]ep\.|Gov\.|[DR]-[A-Z][a-z]*\.|"
    r"Interstate \d+|I-\d+|[Hh]igh [Ss]chool|[Pp]olice [Cc]hief|ZIP|\d+ p\.m\.|\d+ a\.m\.|"
    r"[Cc]ounty [Jj]ail|[Ff]ire [Dd]epartment|[Ss]tate [Pp]olice|[Ss]tate [Hh]ighway [Pp]atrol)"
)

# Landform words: a name of them and directions ("the West Coast") is no gazetteer town.
GENERIC_LAND = frozenset({"coast", "east", "west", "north", "south", "middle", "gulf", "valley"})

# Short forms whose sense is the country the article is about: "SA" is South Africa in a
# South African paper and South Australia in an Australian one.
LOCAL_ABBREVIATIONS: dict[str, dict[str, str]] = {
    "SA": {"ZA": "South Africa", "AU": "South Australia"},
    "WA": {"AU": "Western Australia"},
    "NT": {"AU": "Northern Territory"},
    "KZN": {"ZA": "KwaZulu-Natal"},
    "NZ": {"NZ": "New Zealand", "AU": "New Zealand"},
    "T&T": {"TT": "Trinidad and Tobago"},
}

# Plurals after a list of names that make each a county: "Kent, Essex and Surrey counties".
LISTED_DIVISIONS = ("counties", "parishes")

# Event places (event_place.py): where a thing happened; not so "near X" or "30 km from X".
LOCATIVE_PREPS = _words("""in at on near outside inside around across into onto over upon
    within throughout along towards toward""")
REFERENCE_WORDS = _words("near outside nearby close closer km kilometres kilometers miles")
# Kinds of place: the possessor or modifier of one is a container ("Gaza's Rafah", "the Kyiv
# region"), of any other noun an actor ("Russia's strike", "the Kyiv region's governor").
PLACE_NOUNS = _words("""city town village settlement hamlet capital area region province oblast
    governorate district raion county state prefecture municipality suburb neighbourhood
    neighborhood quarter camp strip border frontier territory enclave outskirts port island
    coast valley kibbutz community locality zone township""")
# A definite place noun without a name points back to the last place of that precision.
ANAPHORIC_NOUNS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("city", "town", "village"), frozenset({"city", "point"})),
    "capital": frozenset({"city"}),
    **dict.fromkeys(("region", "province", "oblast"), frozenset({"region"})),
    "country": frozenset({"country"}),
}
# A photo caption's credit: the line describes a picture (often of another day and place:
# "Security forces patrol in Gedaref city on April 3. / Photo: AFP"), not the report.
CAPTION_CREDIT = re.compile(
    r"(?:\b(?:photo|image|picture)s?\s*(?:credit)?\s*:|\bcredit\s*:|getty images|"
    r"\bvia (?:reuters|storyful|getty)\b|\((?:ap|afp|reuters) photo\b|"
    # "... near the Nigerian border, on December 23, 2020. — AFP": an agency credit ends the line
    r"[-\u2013\u2014]\s*(?:afp|reuters|ap|epa|anadolu(?: agency)?|xinhua|wafa|getty images)"
    r"(?:\s*(?:photo|file))?\s*$)",
    re.I,
)
# The most people a place "the village" can point back to may have (the gazetteer's figure):
# "the village's population" after "buried in Dnipro" is not Dnipro.
ANAPHOR_MOST_PEOPLE: dict[str, int] = {"village": 50_000, "hamlet": 50_000}
# Sites a name may modify and still be where things happen, unlike "the Gaza ministry".
SITE_NOUNS = _words("""station hospital clinic school market prison jail airport airfield port
    bridge mall supermarket mosque church cathedral factory plant depot shelter theatre theater""")
# Nouns of one incident: a running total whose sentence names one is the incident's.
INCIDENT_NOUNS = _words("""strike airstrike attack blast explosion shelling bombing raid
    massacre assault fire ambush shooting bombardment offensive""")
# Verbs of harm: a clause of one is the event ("hundreds killed in X"), not a description.
HARM_VERBS = _words("kill injure wound die hit strike shell bomb attack destroy target")
# Prepositions of comparison: a place under one is another event's ("the worst since X").
COMPARISON_PREPS = _words("since than like unlike")

# Verbs that move the harmed elsewhere: a place reached by "to" after them ("were taken to a
# hospital in X", "transferred to Nasser Hospital in Khan Younis") is where they went, not
# where the harm was done.
TRANSFER_VERBS = _words("transfer take bring rush evacuate move send admit carry airlift ferry")
DESTINATION_PREPS = _words("to into")
# Local offices: a place in their name is where they govern, and so where things happen.
LOCAL_OFFICES = _words("""mayor governor council administration administrator municipality
    regional city local""")
