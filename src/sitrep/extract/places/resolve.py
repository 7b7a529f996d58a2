"""Place mentions: found by spaCy and the gazetteer ruler, resolved to GeoNames entries.

:func:`add_gazetteer_ruler` adds a pipeline component that finds the places the small spaCy
model misses or mislabels (it calls "Kharkiv" a PERSON in "central Kharkiv"). :func:`places`
then resolves every GPE/LOC/FAC mention with the article's context: the countries it talks
about most, the other places it names, population and the kind of place a name usually means.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TypeVar

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from sitrep.extract.places import gazetteer as gz
from sitrep.extract.places.gazetteer import GeoEntry, normalize
from sitrep.extract.places.mentions import (
    POSSESSIVE,
    cued_names,
    demonym_entry,
    demonym_spans,
    is_building,
    is_demonym,
    is_venue,
    listed_counties,
    more_mentions,
    mostly_persons,
    roads,
    unknown_names,
    unlabelled_buildings,
)
from sitrep.extract.places.ruler import (
    CIVIC_WORDS,
    CONNECTORS,
    DIRECTIONS,
    FACILITY_WORDS,
    PLACE_LABELS,
    REGION_WORDS,
    STREET_WORDS,
    TITLES,
    add_gazetteer_ruler,
    candidates,
    strip_mention,
)
from sitrep.model import Article, Place, PlaceRef, Precision
from sitrep.nlp import text_of

EXTRACTOR = "places.v1"
DEMONYM_EXTRACTOR = "places.demonym.v1"  # "Russian forces": a country as actor
EMBEDDED_EXTRACTOR = "places.embedded.v1"  # "the Kentucky Department of Education"
# A street, building or quarter the gazetteer does not know, placed at the article's city
# (see _focus_city), with a low confidence: "Royal Street" in a New Orleans story.
FALLBACK_EXTRACTOR = "places.fallback.v1"

# Verbs of saying and stance: a capital or country as their subject speaks for its government.
_ACTOR_VERBS = frozenset(
    [
        "say",
        "tell",
        "deny",
        "claim",
        "warn",
        "accuse",
        "announce",
        "insist",
        "reject",
        "condemn",
        "demand",
        "threaten",
        "respond",
        "urge",
        "call",
        "agree",
        "refuse",
        "vow",
        "blame",
        "argue",
        "confirm",
        "dismiss",
        "retaliate",
        "protest",
        "declare",
        "admit",
        "pledge",
        "promise",
        "allege",
        "order",
        "approve",
        "sanction",
        "expel",
        "recognise",
        "recognize",
        "criticise",
        "criticize",
        "welcome",
        "propose",
        "offer",
        "plan",
        "want",
        "seek",
        "hope",
        "fear",
        "sign",
        "negotiate",
        "launch",
        "invade",
        "attack",
        "annex",
        "state",
        "report",
        "suggest",
        "describe",
    ]
)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


_K = TypeVar("_K")
_ADMIN1_WEIGHT = 2.5  # the state or province an article is about


@dataclass(frozen=True, slots=True)
class _Context:
    """What the article as a whole says about where it is: shares of the top count."""

    countries: dict[str, float]
    admin1: dict[tuple[str, str], float]
    # The division each name voted for in the first pass and its share: a name does not
    # vote for its own reading ("Alexandria" read as Egypt's does not make Egypt the context).
    own: dict[str, tuple[tuple[str, str], float]] = field(default_factory=dict)
    # Towns and counties resolved with confidence in a first pass: (key, lat, lon).
    anchors: tuple[tuple[str, float, float], ...] = ()
    # For each state or province, the names of the article that could lie in it, each
    # weighted by how few divisions it could lie in: (country, admin1) -> {key: weight}.
    support: dict[tuple[str, str], dict[str, float]] = field(default_factory=dict)
    # The towns and counties each name of the article could be: key -> [(lat, lon)].
    nearby: dict[str, list[tuple[float, float]]] = field(default_factory=dict)


_SUPPORT_WEIGHT = 2.0  # "Athens" and "Henderson County" both in Texas: both are there


def _names_in(span: Span) -> list[str]:
    """The gazetteer names a mention holds: its own ("Henderson County") or, for a building
    or office named after places, theirs ("the Henderson County Jail")."""
    key = strip_mention(span.text)[0]
    if key in gz.load():
        return [key]
    return [k for _, _, k in candidates(span) if k not in STOP_WORDS]


def _macro_name(key: str) -> bool:
    """Whether the name's best-known reading is a region of no one country ("Middle
    East"): its namesake towns get no support from it."""
    cands = gz.load().lookup_key(key)
    top = max(cands, key=lambda e: e.population, default=None)
    return top is not None and top.kind == "region" and not top.country


def _written_upper(text: str) -> bool:
    """Whether a mention has a word in capitals: "US state" names the US, "City of" no Of."""
    return any(w.isupper() for w in text.split())


def _country_name(key: str) -> bool:
    """Whether the name is a country's or continent's and no state's ("Brazil", not
    "Georgia")."""
    cands = gz.load().lookup_key(key)
    country = any(e.kind in ("country", "continent") for e in cands)
    return country and not any(e.kind == "region" for e in cands)


def _is_state(entry: GeoEntry) -> bool:
    """Whether an entry is a state or province (not a county)."""
    return entry.kind == "region" and bool(entry.geonameid or entry.population >= 1_000_000)


def _local_readings(
    keys: Iterable[str],
) -> tuple[dict[tuple[str, str], dict[str, float]], dict[str, list[tuple[float, float]]]]:
    """What the towns and counties each name could be say about the others, as the
    ``support`` and ``nearby`` of :class:`_Context`: for each state or province, the names
    that could lie in it (weighted by how few divisions each could lie in), and for each
    name, the points of its 12 most populous readings. A country's name ("Brazil") says
    nothing for its namesake towns (Brazil, Indiana)."""
    gaz = gz.load()
    support: dict[tuple[str, str], dict[str, float]] = {}
    nearby: dict[str, list[tuple[float, float]]] = {}
    keys = [k for k in keys if not _country_name(k) and not _macro_name(k)]
    # A page naming four states says little about which one each of its towns lies in.
    states = sum(any(_is_state(e) for e in gaz.lookup_key(k)) for k in keys)
    for key in keys:
        local = [e for e in gaz.lookup_key(key) if e.admin1 and e.kind in ("city", "region")]
        divs = {(e.country, e.admin1) for e in local if e.population >= 1000 or e.kind == "region"}
        spread = max(1, states) if any(_is_state(e) for e in local) else 1
        for div in divs:
            support.setdefault(div, {})[key] = 1.0 / len(divs) / spread
        local.sort(key=lambda e: -e.population)
        if local:
            nearby[key] = [(e.lat, e.lon) for e in local[:12]]
    return support, nearby


_NEAR_WEIGHT = 3.0  # "Paris" and "Henry County" within a few miles of each other
_NEAR_KM = 60.0


def _near_support(entry: GeoEntry, key: str, ctx: _Context) -> float:
    """How many other names of the article could be a place close to this one, each
    weighted by how few readings it has."""
    total = 0.0
    for other, points in ctx.nearby.items():
        if other == key:
            continue
        best = min(gz.distance_km(entry.lat, entry.lon, a, b) for a, b in points)
        total += math.exp(-best / _NEAR_KM) / math.sqrt(len(points))
    return min(1.0, total)


def _entry_precision(entry: GeoEntry) -> Precision:
    return "city" if entry.kind == "city" else entry.kind


def _score(
    entry: GeoEntry,
    key: str,
    ctx: _Context,
    *,
    region: bool,
    big_city: bool,
    country: bool,
    largest: int = 0,
) -> float:
    """How likely an entry is what the name means here (higher is better). ``country``: a
    country goes by this name too, so its capital's other names get no support from
    the places around ("Mexico" after a Mexico City dateline)."""
    s = math.log10(entry.population + 10)
    if entry.kind in ("country", "continent"):
        s += 4.0
        if entry.kind == "country":
            s += _NEIGHBOUR_WEIGHT * _neighbour_share(entry, ctx)
    elif entry.kind == "region":
        # "New York" and "Washington" alone mean the city; "Washington state" the state.
        s += -1.5 if big_city and not region else 3.5 if entry.geonameid else 2.5
        s += 3.0 if region else 0.0
    elif entry.capital:
        s += 1.5
    if entry.country:
        s += 3.0 * ctx.countries.get(entry.country, 0.0)
        div = (entry.country, entry.admin1)
        share = ctx.admin1.get(div, 0.0)
        own = ctx.own.get(key)
        if own is not None and own[0] == div:
            share = max(0.0, share - own[1])
        local = _ADMIN1_WEIGHT * share
        others = ctx.support.get(div)
        own_name = normalize(entry.name) == key or not country
        if others and own_name:
            local += _SUPPORT_WEIGHT * min(1.0, sum(w for k, w in others.items() if k != key))
        close = 0.0
        if ctx.nearby and entry.kind in ("city", "region") and own_name:
            close = _near_support(entry, key, ctx)
        if entry.kind == "city" and largest >= _FAMOUS and entry.population * _SHADOW <= largest:
            # "Portland" on a page about Texas teams is still Oregon's unless the article
            # names places close to the Texas town.
            local *= _SHADOW_FLOOR + (1.0 - _SHADOW_FLOOR) * min(1.0, 2.0 * close)
        s += local + _NEAR_WEIGHT * close
    if ctx.anchors and entry.kind in ("city", "region"):
        # Local news names places near each other: favour the candidate nearest the others.
        near = min(
            (
                gz.distance_km(entry.lat, entry.lon, lat, lon)
                for k, lat, lon in ctx.anchors
                if k != key
            ),
            default=None,
        )
        if near is not None:
            s += 1.5 * math.exp(-near / 150.0)
    if normalize(entry.name) != key:  # matched an alternate name only
        s -= 0.8
    return s


# A town that shares its name with a city twenty times its size ("Portland", Texas).
_FAMOUS = 200_000
_SHADOW = 20
_SHADOW_FLOOR = 0.5
_NEIGHBOUR_WEIGHT = 1.5  # "Georgia" beside Azerbaijan and Armenia is the country
_NEIGHBOUR_KM = 1500.0


def _neighbour_share(entry: GeoEntry, ctx: _Context) -> float:
    """The largest share of the article held by another country near this one."""
    gaz = gz.load()
    best = 0.0
    for cc, share in ctx.countries.items():
        if cc == entry.country or share <= best:
            continue
        other = gaz.country(cc)
        if other and gz.distance_km(entry.lat, entry.lon, other.lat, other.lon) < _NEIGHBOUR_KM:
            best = share
    return best


def _rank(key: str, ctx: _Context, *, region: bool = False) -> list[tuple[float, GeoEntry]]:
    cands = gz.load().lookup_key(key)
    largest = max((e.population for e in cands if e.kind == "city"), default=0)
    big_city = largest >= 500_000
    country = any(e.kind == "country" for e in cands)
    scored = [
        (
            _score(e, key, ctx, region=region, big_city=big_city, country=country, largest=largest),
            e,
        )
        for e in cands
    ]
    scored.sort(key=lambda p: -p[0])
    return scored


def _confidence(scored: list[tuple[float, GeoEntry]]) -> float:
    if not scored:
        return 0.0
    if len(scored) == 1:
        return 0.9
    margin = scored[0][0] - scored[1][0]
    return round(0.5 + 0.45 * (1.0 - math.exp(-margin)), 3)


def _shares(votes: dict[_K, float]) -> dict[_K, float]:
    most = max(votes.values(), default=0.0)
    return {k: v / most for k, v in votes.items()} if most else {}


def _context(doc: Doc, extra: Iterable[Span] = ()) -> _Context:
    """The countries an article is about, weighted by how often it names them.

    A name counts fully the first time and a little on each repeat, so that one ambiguous
    name said ten times ("Palestine" in a Texas paper) does not outvote the others.
    """
    gaz = gz.load()
    votes: dict[str, float] = {}
    seen: set[str] = set()

    def vote(cc: str, w: float, key: str) -> None:
        if cc:
            votes[cc] = votes.get(cc, 0.0) + (0.3 * w if key in seen else w)
            seen.add(key)

    named = [(e, e.label_ in PLACE_LABELS) for e in doc.ents] + [(e, True) for e in extra]
    for ent, is_place in named:
        if ent.label_ == "NORP":  # "Russian forces" say who acts more than where
            vote(gz.demonym_country(ent.text) or "", 0.5, normalize(ent.text))
            continue
        if not is_place:
            continue
        key, _ = strip_mention(ent.text)
        if key in STOP_WORDS and not _written_upper(ent.text):
            continue
        cands = gaz.lookup_key(key)
        if not cands and ent.label_ == "FAC":  # "the Edgar County Sheriff's Department"
            inner = [k for k in _names_in(ent) if gaz.salience(k)[1] == "region"]
            key = inner[0] if inner else key
            cands = gaz.lookup_key(key)
        if not cands:
            continue
        top = max(cands, key=lambda e: (e.kind != "city", e.population))
        countries = {e.country for e in cands if e.population >= 1000}
        if _two_senses(cands):  # "Georgia": the others say which, it says nothing
            continue
        if top.kind == "country":
            vote(top.country, 2.0 if len(countries) == 1 else 1.0, key)
        elif top.kind == "region" or len(countries) == 1:
            vote(top.country, 1.0, key)  # a state, county or a name of one country only
    us = _us_local_markers(text_of(doc))
    if us >= 2:  # American local-news wording: a town's council, sheriff, school district
        votes["US"] = votes.get("US", 0.0) + min(2.0, 0.5 * us)
    # A country's share of the top count, damped when the evidence is thin (one adjective).
    shares = {cc: sh * min(1.0, votes[cc] / 2.0) for cc, sh in _shares(votes).items()}
    return _Context(shares, {})


def _two_senses(cands: list[GeoEntry]) -> bool:
    """Whether a name is both a country's and a state's or province's of another country
    ("Georgia"), so that which one it is depends on the rest of the article."""
    nations = {e.country for e in cands if e.kind == "country"}
    return bool(nations) and any(
        e.kind == "region" and e.country not in nations and e.population >= 100_000 for e in cands
    )


# Wording of American local news: its offices and institutions, its abbreviations.
_US_LOCAL = re.compile(
    r"\b(?:City Council|[Cc]ity [Cc]ouncil(?:man|woman|members?)|[Ss]heriff(?:'s|’s)? "
    r"(?:Office|Department|deputies)|School District|Board of Education|[Ss]electmen|"
    r"Township|County [Cc]ommission(?:ers?)?|[Cc]ounty [Pp]rosecutor|[Dd]istrict [Aa]ttorney|"
    r"Commonwealth(?:'s|’s) Attorney|[Ss]tate [Rr]ep\.|Gov\.|[DR]-[A-Z][a-z]*\.|"
    r"Interstate \d+|I-\d+|[Hh]igh [Ss]chool|[Pp]olice [Cc]hief|ZIP|\d+ p\.m\.|\d+ a\.m\.|"
    r"[Cc]ounty [Jj]ail|[Ff]ire [Dd]epartment|[Ss]tate [Pp]olice|[Ss]tate [Hh]ighway [Pp]atrol)"
)


def _us_local_markers(text: str) -> int:
    """How many distinct kinds of American local-news wording a text uses."""
    return len({m.group().lower() for m in _US_LOCAL.finditer(text)})


def _division_weight(key: str, entry: GeoEntry) -> float:
    """How much a resolved name says about the state or province an article is in.

    A state or province named outright counts most; a town only when no other town of that
    name in its country lies in another state ("Springfield" says little).
    """
    if entry.kind == "region":
        return 2.0 if _is_state(entry) else 1.0
    states = {
        e.admin1
        for e in gz.load().lookup_key(key)
        if e.country == entry.country and e.kind == "city" and e.population >= 1000
    }
    return 1.0 if len(states) <= 1 else 0.25


def _spread_shares(votes: dict[tuple[str, str], float]) -> dict[tuple[str, str], float]:
    """Each division's share of the top count, divided among the divisions that come
    close to it: a sports page naming Ohio, Mississippi and North Carolina is about none."""
    shares = _shares(votes)
    close = sum(sh for sh in shares.values() if sh >= 0.5)
    return {k: sh / max(1.0, close) for k, sh in shares.items()}


def _region_context(ctx: _Context, resolved: list[tuple[str, GeoEntry, float]]) -> _Context:
    """Add the first-level divisions (US states...) and the confident local places found in a
    first pass; each distinct name votes once."""
    votes: dict[tuple[str, str], float] = {}
    anchors: dict[str, tuple[str, float, float]] = {}
    counted: set[str] = set()
    own: dict[str, tuple[tuple[str, str], float]] = {}
    for key, entry, conf in resolved:
        if entry.kind in ("city", "region") and entry.admin1 and key not in counted:
            counted.add(key)
            k = (entry.country, entry.admin1)
            vote = _division_weight(key, entry) * conf
            votes[k] = votes.get(k, 0.0) + vote
            own[key] = (k, vote)
        local = entry.kind == "city" or (entry.kind == "region" and not entry.geonameid)
        if local and conf >= 0.7 and len(anchors) < 40:
            anchors.setdefault(key, (key, entry.lat, entry.lon))
    most = max(votes.values(), default=0.0)
    own_shares = {key: (k, v / most) for key, (k, v) in own.items()} if most else {}
    return _Context(
        ctx.countries,
        _spread_shares(votes),
        own=own_shares,
        anchors=tuple(anchors.values()),
        support=ctx.support,
        nearby=ctx.nearby,
    )


def _is_actor(ent: Span, entry: GeoEntry | None) -> bool:
    """A capital or country as the subject of a verb of saying or stance ("Moscow denies")."""
    if entry is None or not (entry.kind == "country" or entry.population >= 500_000):
        return False
    root = ent.root
    dep = root.dep_
    head = root.head
    if dep == "conj" and head.dep_ in _SUBJECT_DEPS:  # "Moscow and Minsk said"
        dep, head = head.dep_, head.head
    return dep in _SUBJECT_DEPS and head.pos_ in ("VERB", "AUX") and head.lemma_ in _ACTOR_VERBS


def _mention_bounds(doc: Doc, ent: Span) -> tuple[int, int, bool]:
    """Token bounds of a mention, extended over a following "region"/"oblast"; region flag."""
    start, end = ent.start, ent.end
    region = ent[-1].lower_ in REGION_WORDS and len(ent) > 1
    if not region and end < len(doc) and doc[end].lower_ in REGION_WORDS | {"state"}:
        end += 1
        region = True
    while start < end - 1 and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return start, end, region or _beside_a_state(doc, start, end)


def _state_only(text: str) -> bool:
    """Whether a name is a state's or province's and no city's of 100,000 people."""
    cands = gz.load().lookup_key(strip_mention(text)[0])
    state = any(_is_state(e) for e in cands)
    return state and not any(e.kind == "city" and e.population >= 100_000 for e in cands)


def _beside_a_state(doc: Doc, start: int, end: int) -> bool:
    """Whether a mention is listed with a state ("California or Washington", "Washington
    and Oregon"): then it is a state too, if it can be one."""
    joined = start >= 2 and doc[start - 1].lower_ in ("and", "or", ",")
    joins = end + 1 < len(doc) and doc[end].lower_ in ("and", "or")
    if not (joined or joins):
        return False
    if not any(_is_state(e) for e in gz.load().lookup_key(strip_mention(doc[start:end].text)[0])):
        return False  # "Ohio and Columbus": Columbus stays a city
    for ent in doc.ents:
        beside = (joined and ent.end == start - 1) or (joins and ent.start == end + 1)
        if beside and ent.label_ == "GPE" and _state_only(ent.text):
            return True
    return False


def _resolve_span(
    text: str, region: bool, ctx: _Context
) -> tuple[GeoEntry | None, float, Precision | None]:
    key, stripped_region = strip_mention(text)
    region = region or stripped_region
    if is_demonym(text):  # "European", "Canadian" (not the town in Texas)
        entry = gz.demonym_place(key)
        return entry, 0.7, _entry_precision(entry) if entry else None
    expanded = gz.expand_abbreviation(text)
    if expanded:  # "Wash." is the state, "L.A." the city
        key = normalize(expanded)
        region = region or expanded not in gz.CITY_ABBREVIATIONS.values()
    if key in STOP_WORDS and not _written_upper(text):  # "City of" cut short: not Of
        return None, 0.0, None
    if region and _country_name(key):  # "a US state", "U.S. District Court": the country
        region = False
    scored = _rank(key, ctx, region=region)
    words = key.split()
    if not scored and words and words[-1] not in STREET_WORDS:
        # "Kherson airport", "the Kharkiv city council": the place it is named after (but
        # "Kyiv Street" may be in any town). A building or office says its town is a town
        # even when small ("the Cottonport Fire Station"); other names need a known place.
        least = 1000 if words[-1] in FACILITY_WORDS | CIVIC_WORDS | {"department"} else 15_000
        for n in range(len(words) - 1, 0, -1):
            for i in range(len(words) - n + 1):
                sub = " ".join(words[i : i + n])
                edges = {words[i], words[i + n - 1]}
                if edges & (FACILITY_WORDS | CONNECTORS | {"the", "and"}):
                    continue  # "University of California": California, not University, FL
                if gz.load().salience(sub)[0] < least or gz.demonym_country(sub):
                    continue
                cand = [c for c in _rank(sub, ctx) if normalize(c[1].name) == sub]
                if cand:
                    best = cand[0][1]
                    return best, round(0.5 * _confidence(cand), 3), _entry_precision(best)
    if not scored:
        return None, 0.0, None
    best = scored[0][1]
    precision: Precision = _entry_precision(best)
    if region and best.kind == "city":
        precision = "region"
    return best, _confidence(scored), precision


_GENERIC_LAND = frozenset({"coast", "east", "west", "north", "south", "middle", "gulf", "valley"})


def _generic(text: str) -> bool:
    """A name made of direction and landform words ("the West Coast", "Middle East")."""
    return bool(set(normalize(text).split()) & (DIRECTIONS | _GENERIC_LAND))


def _far(a: GeoEntry, b: GeoEntry) -> bool:
    return gz.distance_km(a.lat, a.lon, b.lat, b.lon) > 300


def _focus_city(entries: Iterable[GeoEntry | None], ctx: _Context) -> GeoEntry | None:
    """The city an article is about: in a country it is about, the city it names most
    often if at least twice, else the biggest city it names, if that has 100,000 people.
    A city of the state or province the article is clearly about comes first: "Washington
    Square" twice does not make a New Orleans story a Philadelphia one."""
    cities = [e for e in entries if e is not None and e.kind == "city" and e.geonameid]
    if ctx.countries:
        cities = [e for e in cities if ctx.countries.get(e.country, 0.0) >= 0.5]
    ranked = sorted(ctx.admin1.items(), key=lambda kv: -kv[1])
    if ranked and (len(ranked) == 1 or ranked[1][1] < 0.5 * ranked[0][1]):
        state = ranked[0][0]
        inside = _most_named([e for e in cities if (e.country, e.admin1) == state])
        if inside is not None:
            return inside
    return _most_named(cities)


def _focus_area(entries: list[GeoEntry | None], ctx: _Context) -> GeoEntry | None:
    """Where an article without a city of its own is: the town, county or state it names
    most often in the country most of its places lie in (a town before a county or state
    named as often), else that country."""
    tally: dict[str, int] = {}
    for e in entries:
        if e is not None and e.country:
            tally[e.country] = tally.get(e.country, 0) + 1
    if not tally:
        return None
    top = max(tally, key=lambda cc: (tally[cc], ctx.countries.get(cc, 0.0)))
    counts: dict[tuple[int | None, str], list[GeoEntry]] = {}
    for e in entries:
        if e is not None and e.country == top and e.kind in ("city", "region"):
            counts.setdefault((e.geonameid, e.name), []).append(e)
    if counts:
        named = max(counts.values(), key=lambda es: (len(es), es[0].kind == "city"))
        return named[0]
    return gz.load().country(top)


def _most_named(cities: list[GeoEntry]) -> GeoEntry | None:
    """Of the cities named, the one named most often if at least twice, else the biggest
    if it has 100,000 people."""
    counts: dict[int | None, tuple[int, GeoEntry]] = {}
    for entry in cities:
        n, _e = counts.get(entry.geonameid, (0, entry))
        counts[entry.geonameid] = (n + 1, entry)
    if not counts:
        return None
    n, entry = max(counts.values(), key=lambda p: (p[0], p[1].population))
    if n >= 2:
        return entry
    # Named once each: the biggest city, when it is big enough to be the story's dateline.
    return entry if entry.population >= 100_000 else None


def _parts(doc: Doc, ent: Span) -> list[Span]:
    """A name that holds a place and the division or country it lies in ("Thruxton,
    Hampshire", "Donington Park, Leicestershire"), or a place and what it owns ("Derry's
    Altnagelvin Hospital"), as its two mentions; else the name."""
    if len(ent) < 3:
        return [ent]
    gaz = gz.load()
    label = ent.label_ if ent.label_ in PLACE_LABELS else "FAC"
    for k in range(ent.start + 1, ent.end - 1):
        if doc[k].text == "," and ent.label_ in PLACE_LABELS:
            tail = Span(doc, k + 1, ent.end, label=label)
            if gaz.salience(strip_mention(tail.text)[0])[1] in ("region", "country"):
                return [Span(doc, ent.start, k, label=label), tail]
        if doc[k].text in POSSESSIVE and doc[k + 1].text[:1].isupper():
            head = Span(doc, ent.start, k, label="GPE")
            pop, kind = gaz.salience(strip_mention(head.text)[0])
            if kind in ("region", "country") or pop >= 1000:
                return [head, Span(doc, k + 1, ent.end, label=label)]
    return [ent]


def places(
    doc: Doc, *, article: Article, demonyms: bool = True, embedded: bool = True
) -> list[Place]:
    """Every place mention in the document, resolved where possible.

    Args:
        doc: the parsed article (its text equals ``article.text``).
        article: the article, for its id and metadata.
        demonyms: also return the adjectives and demonyms that imply a country or region
            ("Russian forces", "Ukrainians", "European") as country- or region-precision
            places with ``role="actor"`` and extractor ``places.demonym.v1``.
        embedded: also return well-known places named inside other names, such as
            organisations ("the Toronto Transit Commission"), with ``role="actor"`` and
            extractor ``places.embedded.v1``.

    Returns:
        One :class:`~sitrep.model.Place` per GPE/LOC/FAC mention, in text order; mentions the
        gazetteer cannot place are kept with ``resolved=False``, except in an article about one
        city (see ``_focus_city``): there a street, building or quarter the gazetteer does
        not know gets that city's position, confidence 0.2 and extractor
        ``places.fallback.v1``, and so does a street name the gazetteer places over 300 km
        from it ("Royal Street" in New Orleans is not the Royal Street of elsewhere); in an
        article with no city of its own, such a mention gets the town, county or state it
        names most, else its country (see ``_focus_area``), confidence 0.1. Demonyms and
        embedded names never have ``role="location"``, so that claims and events are never
        placed at "Russian" or at the "Toronto" of a transit commission.
    """
    mentions: list[tuple[Span, int, int, bool]] = []
    persons = mostly_persons(doc)
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS and not is_building(ent) and not is_venue(doc, ent):
            continue
        if ent.label_ in PLACE_LABELS and ent.text in persons:
            continue
        if len(ent) == 1 and ent[0].lower_ in DIRECTIONS:  # "the West", "North"
            continue
        if ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in TITLES:  # "Mr Paris"
            continue
        if is_demonym(ent.text):  # "Ukrainian" tagged GPE
            continue
        for part in _parts(doc, ent):
            start, end, region = _mention_bounds(doc, part)
            mentions.append((part, start, end, region))
    found: list[_Mention] = [
        (ent.label_ if ent.label_ in PLACE_LABELS else "FAC", s, e, r, ent)
        for ent, s, e, r in mentions
    ]
    keys = {strip_mention(ent.text)[0] for ent, _, _, _ in mentions if ent.label_ != "FAC"}
    plain, inside = more_mentions(doc, keys)
    named = [m[0] for m in mentions if m[0].label_ in ("GPE", "LOC")]
    taken = {i for _, s, e, _, _ in found for i in range(s, e)}
    cued = [sp for sp in cued_names(doc) if sp.start not in taken]
    found.extend(("GPE", sp.start, sp.end, False, sp) for sp in cued)
    found.extend(("FAC", sp.start, sp.end, False, sp) for sp in unlabelled_buildings(doc))
    counties = [sp for sp in listed_counties(doc) if sp.start not in taken]
    found = [m for m in found if not any(m[1] < c.end and c.start < m[2] for c in counties)]
    found.extend((_COUNTY, sp.start, sp.end, True, sp) for sp in counties)
    more, within = unknown_names(doc, named + cued)
    plain += more
    inside += within
    found.extend(("GPE", s, e, False, doc[s:e]) for s, e in plain)
    taken = {i for _, s, e, _, _ in found for i in range(s, e)}
    found.extend(("FAC", i, i + 1, False, doc[i : i + 1]) for i in roads(doc) if i not in taken)
    ctx_extra = len(found)
    inner = [("GPE", s, e, False, doc[s:e]) for s, e in inside] if embedded else []
    ctx = _context(doc, [m[4] for m in found[len(mentions) : ctx_extra] + inner])
    # One resolution for both, so that the names inside other names share the context.
    resolved = _resolve_mentions(doc, found + inner, ctx)
    out = resolved[: len(found)]
    out.extend(
        replace(
            p,
            role="actor",
            confidence=round(0.8 * p.confidence, 3),
            extractor=EMBEDDED_EXTRACTOR,
        )
        for p in resolved[len(found) :]
        if p.resolved
    )
    short = _country_abbreviations(doc, ctx)
    if short:  # "WA" in an Australian story is Western Australia, not Wa in Ghana
        spans = {(p.start, p.end) for p in short}
        covered = {i for p in out if (p.start, p.end) not in spans for i in range(p.start, p.end)}
        out = [p for p in out if (p.start, p.end) not in spans]
        out.extend(p for p in short if p.start not in covered)
    if demonyms:
        for ent in demonym_spans(doc, inside=embedded):
            entry = demonym_entry(ent.text)[1]
            if entry is not None:
                place = _place(ent, entry, 0.7, _entry_precision(entry), True)
                out.append(replace(place, extractor=DEMONYM_EXTRACTOR))
    out.sort(key=lambda p: p.start)
    return out


# Short forms whose sense is the country the article is about: "SA" is South Africa in a
# South African paper and South Australia in an Australian one.
_LOCAL_ABBREVIATIONS: dict[str, dict[str, str]] = {
    "SA": {"ZA": "South Africa", "AU": "South Australia"},
    "WA": {"AU": "Western Australia"},
    "NT": {"AU": "Northern Territory"},
    "KZN": {"ZA": "KwaZulu-Natal"},
    "NZ": {"NZ": "New Zealand", "AU": "New Zealand"},
    "T&T": {"TT": "Trinidad and Tobago"},
}


def _country_abbreviations(doc: Doc, ctx: _Context) -> list[Place]:
    """The short forms of :data:`_LOCAL_ABBREVIATIONS` in an article about one of their
    countries, as places (the country or state they stand for), wherever they stand alone."""
    gaz = gz.load()
    out: list[Place] = []
    for tok in doc:
        senses = _LOCAL_ABBREVIATIONS.get(tok.text, {})
        # The article must be about the country of one sense, and of one only.
        top = [cc for cc in senses if ctx.countries.get(cc, 0.0) >= 0.5]
        if len(top) != 1 or tok.ent_type_ == "PERSON":
            continue
        name = senses[top[0]]
        cands = [e for e in gaz.lookup(name) if e.kind in ("country", "region")]
        if cands:
            entry = max(cands, key=lambda e: e.population)
            out.append(_place(doc[tok.i : tok.i + 1], entry, 0.6, entry.kind, False))
    return out


_COUNTY = "COUNTY"  # the label of a mention named as a county in a list


_Mention = tuple[str, int, int, bool, Span]  # label, token start, token end, region, entity


def _resolve_mentions(doc: Doc, mentions: list[_Mention], ctx: _Context) -> list[Place]:
    """Resolve mentions in two passes: the first finds the states/regions the article is in."""
    # A county named in a list ("Barrow and Jackson counties") is looked up as a county.
    texts = [doc[s:e].text + (" County" if lab == _COUNTY else "") for lab, s, e, _, _ in mentions]
    # A street says nothing of where the article is: "Poplar Street" may be in any town.
    keys = {
        k
        for _, s, e, _, _ in mentions
        if doc[e - 1].lower_.rstrip(".") not in STREET_WORDS
        for k in _names_in(doc[s:e])
    }
    support, nearby = _local_readings(keys)
    ctx = replace(ctx, support=support, nearby=nearby)
    first = [_resolve_span(t, m[3], ctx) for t, m in zip(texts, mentions, strict=True)]
    resolved = [
        (strip_mention(t)[0], entry, conf)
        for t, (entry, conf, _) in zip(texts, first, strict=True)
        if entry is not None
    ]
    ctx = _region_context(ctx, resolved)
    second = [_resolve_span(t, m[3], ctx) for t, m in zip(texts, mentions, strict=True)]
    focus = _focus_city((entry for entry, _, _ in second), ctx)
    area = None if focus is not None else _focus_area([entry for entry, _, _ in second], ctx)
    # Divisions and countries by the token they start at, for "Thruxton, Hampshire".
    containers = {
        m[1]: r[0]
        for m, r in zip(mentions, second, strict=True)
        if r[0] is not None
        and r[0].kind in ("region", "country")
        and _own_name(doc[m[1] : m[2]], r[0])
        and (m[2] == len(doc) or doc[m[2]].ent_iob_ != "I")  # not "California State University"
    }
    # Places by the token they end at, for "Derry's Altnagelvin Hospital".
    owners = {m[2]: r[0] for m, r in zip(mentions, second, strict=True) if r[0] is not None}
    out: list[Place] = []
    for (label, start, end, _region, ent), (entry, conf, precision) in zip(
        mentions, second, strict=True
    ):
        span = doc[start:end]
        within = containers.get(end + 1) if end < len(doc) and doc[end].text == "," else None
        if within is None and start and doc[start - 1].text in POSSESSIVE:
            within = owners.get(start - 1)
        small = entry is not None and entry.kind == "city" and entry.population < 10_000
        # A hamlet in a country the article never names, while it is clearly about another.
        abroad = small and entry is not None and _abroad(entry, ctx)
        if within is not None and (entry is None or abroad or not _own_name(span, entry)):
            # A place the gazetteer does not know (or a hamlet abroad) in one it knows:
            # "Donington Park, Leicestershire" is in Leicestershire, not at the village of
            # Donington; "Rockingham, Northamptonshire" in an English story is not Vermont's.
            out.append(_fallback(span, within, 0.3, _entry_precision(within)))
            continue
        if small and label == "LOC" and _generic(span.text):  # "West Coast": not a hamlet
            entry = None
        if abroad and (focus or area):  # "Heathrow" in a London story is no Florida hamlet
            entry = None
        street = span[-1].lower_.rstrip(".") in STREET_WORDS
        if street and entry is not None and focus is not None and _far(entry, focus):
            entry = None  # "Royal Street" in a New Orleans story
        if entry is None and focus is not None:  # a street or quarter of the article's city
            out.append(_fallback(span, focus, 0.2, "city"))
            continue
        if entry is None and area is not None:  # a court or hospital of the article's county
            out.append(_fallback(span, area, 0.1, _entry_precision(area)))
            continue
        if entry is None:
            out.append(
                Place(
                    span.text, span.start_char, span.end_char, confidence=0.3, extractor=EXTRACTOR
                )
            )
            continue
        out.append(_place(span, entry, conf, precision, _is_actor(ent, entry)))
    return out


def _abroad(entry: GeoEntry, ctx: _Context) -> bool:
    """Whether a place lies in a country the article does not name while it is clearly
    about another."""
    most = max(ctx.countries.values(), default=0.0)
    return most >= 0.5 and ctx.countries.get(entry.country, 0.0) == 0.0


def _fallback(span: Span, entry: GeoEntry, conf: float, precision: Precision | None) -> Place:
    """A mention the gazetteer cannot place itself, placed at the city or division it lies
    in: an approximation, so without that place's own id."""
    place = _place(span, entry, conf, precision, False)
    return replace(place, geonameid=None, extractor=FALLBACK_EXTRACTOR)


def _own_name(span: Span, entry: GeoEntry) -> bool:
    """Whether the entry goes by the mention's own name (not one of its words only)."""
    return entry in gz.load().lookup_key(strip_mention(span.text)[0])


def resolve_spans(doc: Doc, spans: Iterable[tuple[int, int]]) -> list[Place]:
    """Resolve given character spans of ``doc`` as place mentions, in the article's context.

    For mentions found elsewhere (another tagger, gold annotations): each span is resolved as
    :func:`places` resolves its own mentions, with the same document context.

    Args:
        doc: the parsed article.
        spans: (start, end) character offsets of the mentions.

    Returns:
        One :class:`~sitrep.model.Place` per span that covers at least one token, in order.
    """
    mentions: list[_Mention] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        label = span.root.ent_type_ if span.root.ent_type_ in PLACE_LABELS else "GPE"
        region = len(span) > 1 and span[-1].lower_ in REGION_WORDS
        mentions.append((label, span.start, span.end, region, span))
    return _resolve_mentions(doc, mentions, _context(doc))


def _place(
    span: Span, entry: GeoEntry, conf: float, precision: Precision | None, actor: bool
) -> Place:
    return Place(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        name=entry.name,
        geonameid=None if precision == "region" and entry.kind == "city" else entry.geonameid,
        country=entry.country or None,
        lat=round(entry.lat, 5),
        lon=round(entry.lon, 5),
        precision=precision,
        resolved=True,
        role="actor" if actor else "location",
        confidence=conf,
        extractor=EXTRACTOR,
    )


def resolve_name(name: str, *, context_countries: Iterable[str] = ()) -> PlaceRef | None:
    """Resolve a bare place name, preferring places in the given countries.

    Args:
        name: a place name ("Odessa", "the Donetsk region", "Georgia").
        context_countries: ISO codes of the countries the text is about, most important first.

    Returns:
        A :class:`~sitrep.model.PlaceRef`, or None when the gazetteer does not know the name.
    """
    codes = list(dict.fromkeys(context_countries))
    shares = {cc: 1.0 - 0.5 * i / max(1, len(codes)) for i, cc in enumerate(codes)}
    key, region = strip_mention(name)
    entry, _, precision = _resolve_span(name, region, _Context(shares, {}))
    if entry is None or not key:
        return None
    return PlaceRef(
        name=entry.name,
        country=entry.country or None,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=None if precision == "region" and entry.kind == "city" else entry.geonameid,
        precision=precision,
    )


def place_ref(place: Place) -> PlaceRef:
    """The compact reference to a resolved (or unresolved) place mention."""
    return PlaceRef(
        name=place.name or place.text,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        geonameid=place.geonameid,
        precision=place.precision,
    )


__all__ = [
    "DEMONYM_EXTRACTOR",
    "EMBEDDED_EXTRACTOR",
    "EXTRACTOR",
    "FALLBACK_EXTRACTOR",
    "add_gazetteer_ruler",
    "place_ref",
    "places",
    "resolve_name",
    "resolve_spans",
    "strip_mention",
]
