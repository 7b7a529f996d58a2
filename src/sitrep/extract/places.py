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
from functools import lru_cache
from typing import TypeVar

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from sitrep.extract import gazetteer as gz
from sitrep.extract.gazetteer import GeoEntry, normalize
from sitrep.extract.place_ruler import (
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
    cue,
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
        return 2.0 if entry.geonameid or entry.population >= 1_000_000 else 1.0
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
    return start, end, region


def _resolve_span(
    text: str, region: bool, ctx: _Context
) -> tuple[GeoEntry | None, float, Precision | None]:
    key, stripped_region = strip_mention(text)
    region = region or stripped_region
    if _is_demonym(text):  # "European", "Canadian" (not the town in Texas)
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


@lru_cache(maxsize=1 << 14)
def _demonym_entry(text: str) -> tuple[str, GeoEntry | None]:
    """The place an adjective or demonym names ("South Ossetian" whole, "the Russian")."""
    key = normalize(text).removeprefix("the ")
    entry = gz.demonym_place(key)
    if entry is None:
        key = strip_mention(text)[0]
        entry = gz.demonym_place(key)
    return key, entry


def _is_demonym(text: str) -> bool:
    """An adjective or demonym of a place rather than its name ("European", not "Caribbean")."""
    key, entry = _demonym_entry(text)
    return entry is not None and normalize(entry.name) != key


def _demonym_spans(doc: Doc, *, inside: bool = False) -> list[Span]:
    """Words that name a country's or region's people ("Russian", "Ukrainians", "European",
    "South Korean"), whatever the model tagged them, but not inside person names; with
    ``inside``, also inside other names ("the Russian Ministry of Defence")."""
    # A demonym the model called a person is still one: "against Sri Lankan" (a team).
    labels = PLACE_LABELS | {"NORP", "PERSON"}
    out = [e for e in doc.ents if e.label_ in labels and _is_demonym(e.text)]
    covered = {t for e in out for t in range(e.start, e.end)}
    persons = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and e not in out]
    names = {t for e in persons for t in range(e.start, e.end)}  # "Jordan" of "Michael Jordan"
    for tok in doc:
        i = tok.i
        if i in covered or not (tok.text[:1].isupper() and tok.is_alpha):
            continue
        ent = tok.ent_type_
        if ent in PLACE_LABELS or i in names:
            continue
        if ent == "LANGUAGE" or (ent and ent not in ("NORP", "PERSON") and not inside):
            continue  # "she speaks English"
        if not _is_demonym(tok.text):
            continue
        prev = doc[i - 1] if i else None
        two = prev is not None and prev.text[:1].isupper() and prev.is_alpha and not prev.is_stop
        start = i - 1 if two and _is_demonym(doc[i - 1 : i + 1].text) else i
        if start < i and start in covered:
            continue
        out.append(doc[start : i + 1])
        covered.update(range(start, i + 1))
    return out


# Last words of an organisation's name that make it a building ("Altnagelvin Hospital").
_BUILDING_WORDS = """hospital center centre school elementary college university church hall
    library stadium arena hotel museum institute court airport station mall market prison
    embassy cathedral mosque temple theatre theater chapel clinic courthouse jail"""
_BUILDINGS = frozenset(_BUILDING_WORDS.split())
# Last words that make any name a street or a feature of the land ("Royal Street" read as
# an organisation, "Dubonet Drive" or "Glenrock Lagoon" as a person).
_FEATURE_TEXT = """lagoon canal river lake bay beach island point racecourse tower castle palace
    bridge plantation area areas estate"""
# Lower-case words after a name that make it a place: "the Air Balloon roundabout", "the
# Elysian Fields intersection".
_PLACE_AFTER = frozenset(
    {"roundabout", "junction", "intersection", "crossroads", "neighbourhood", "neighborhood"}
    | {"suburb", "township", "estate", "interchange"}
)
_FEATURE_WORDS = STREET_WORDS | frozenset(_FEATURE_TEXT.split())
_NOT_PLACES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})


def _building(ent: Span) -> bool:
    """An organisation named as a building, where things happen ("Barclays Center"), or a
    name of any kind whose last word makes it a street or a feature of the land."""
    if len(ent) < 2 or not ent[-1].text[:1].isupper() or ent.label_ in _NOT_PLACES:
        return False
    last = ent[-1].lower_.rstrip(".")
    if last in _BUILDINGS or last in _FEATURE_WORDS:
        return True
    if len(ent) >= 3 and ent[-2].lower_ == "county" and last == "council":
        return True  # "Tipperary County Council": the county's own
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return after is not None and after.lower_ in _PLACE_AFTER


# British road numbers ("the A417", "the M4"), and what says a number is a road.
_ROAD = re.compile(r"^[AMB]\d{1,4}(?:\(M\))?$")
_ROAD_CUES = frozenset(
    {"road", "motorway", "carriageway", "junction", "southbound", "northbound", "eastbound"}
    | {"westbound", "roundabout", "bypass", "slip"}
)


def _roads(doc: Doc) -> list[int]:
    """The tokens that are British road numbers: "the A417", "via the A436, A40 and A429",
    "the M4 southbound" (not "a B52 bomber" or "size A4")."""
    out: list[int] = []
    for tok in doc:
        if not _ROAD.match(tok.text) or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
            continue
        prev = doc[tok.i - 1].lower_ if tok.i else ""
        after = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
        listed = prev in (",", "and", "or") and bool(out) and tok.i - out[-1] <= 3
        if prev == "the" or after in _ROAD_CUES or listed:
            out.append(tok.i)
    return out


_AT = frozenset({"at", "inside", "outside"})


def _venue(doc: Doc, ent: Span) -> bool:
    """An organisation named as the place where something happens: "a class at Whole
    Foods", "fireworks inside Anfield", "the season starts at Brands Hatch"."""
    if ent.label_ not in ("ORG", "FAC") or ent.start == 0 or ent.text.isupper():
        return False
    if doc[ent.start - 1].lower_ not in _AT or len(ent) > 4:
        return False
    if ent[-1].text in _POSSESSIVE or (ent.end < len(doc) and doc[ent.end].text in _POSSESSIVE):
        return False  # "analysts at Moody's": a firm
    if any(_is_demonym(t.text) for t in ent):  # "at American Electric Power"
        return False
    # Placed where the article is, so saying nothing of where that is: no well-known place
    # in its name ("at the Bank of England"; "Hatch" of "Brands Hatch" is a hamlet).
    gaz = gz.load()
    return not any(
        gaz.salience(k)[0] >= 100_000 or gaz.salience(k)[1] in ("region", "country", "continent")
        for _, _, k in candidates(ent)
    )


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


_POSSESSIVE = frozenset({"'s", "’s"})


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
        if doc[k].text in _POSSESSIVE and doc[k + 1].text[:1].isupper():
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
    persons = _mostly_persons(doc)
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS and not _building(ent) and not _venue(doc, ent):
            continue
        if ent.label_ in PLACE_LABELS and ent.text in persons:
            continue
        if len(ent) == 1 and ent[0].lower_ in DIRECTIONS:  # "the West", "North"
            continue
        if ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in TITLES:  # "Mr Paris"
            continue
        if _is_demonym(ent.text):  # "Ukrainian" tagged GPE
            continue
        for part in _parts(doc, ent):
            start, end, region = _mention_bounds(doc, part)
            mentions.append((part, start, end, region))
    found: list[_Mention] = [
        (ent.label_ if ent.label_ in PLACE_LABELS else "FAC", s, e, r, ent)
        for ent, s, e, r in mentions
    ]
    keys = {strip_mention(ent.text)[0] for ent, _, _, _ in mentions if ent.label_ != "FAC"}
    plain, inside = _more_mentions(doc, keys)
    named = [m[0] for m in mentions if m[0].label_ in ("GPE", "LOC")]
    taken = {i for _, s, e, _, _ in found for i in range(s, e)}
    cued = [sp for sp in _cued_names(doc) if sp.start not in taken]
    found.extend(("GPE", sp.start, sp.end, False, sp) for sp in cued)
    found.extend(("FAC", sp.start, sp.end, False, sp) for sp in _unlabelled_buildings(doc))
    counties = [sp for sp in _listed_counties(doc) if sp.start not in taken]
    found = [m for m in found if not any(m[1] < c.end and c.start < m[2] for c in counties)]
    found.extend((_COUNTY, sp.start, sp.end, True, sp) for sp in counties)
    more, within = _unknown_names(doc, named + cued)
    plain += more
    inside += within
    found.extend(("GPE", s, e, False, doc[s:e]) for s, e in plain)
    taken = {i for _, s, e, _, _ in found for i in range(s, e)}
    found.extend(("FAC", i, i + 1, False, doc[i : i + 1]) for i in _roads(doc) if i not in taken)
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
        for ent in _demonym_spans(doc, inside=embedded):
            entry = _demonym_entry(ent.text)[1]
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


def _mostly_persons(doc: Doc) -> set[str]:
    """Names the model calls a person more often than a place in this article, that no
    well-known place goes by, and that no place of the countries its other places lie in
    goes by: "Noma (not her real name) said" in a Cape Town story is a woman throughout,
    not the Washington neighbourhood, whatever one mention's label says."""
    counts: dict[str, list[int]] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" or ent.label_ in PLACE_LABELS:
            c = counts.setdefault(ent.text, [0, 0])
            c[ent.label_ == "PERSON"] += 1
    gaz = gz.load()
    doubtful = {t for t, (place, person) in counts.items() if place and person > place}
    if not doubtful:
        return set()
    where = {
        max(found, key=lambda e: e.population).country
        for t, (place, _) in counts.items()
        if place and t not in doubtful and (found := gaz.lookup_key(strip_mention(t)[0]))
    }
    out = set()
    for text in doubtful:
        key = strip_mention(text)[0]
        pop, kind = gaz.salience(key)
        if kind in ("country", "continent", "region") or pop >= 100_000:
            continue
        if not any(e.country in where for e in gaz.lookup_key(key)):
            out.add(text)  # and no reading lies in a country the article's places are in
    return out


# Lower-case words before a name that say it is a place: "eastern Ghouta", "the town of
# Kasba Bonli", "Cairo's gated suburb of Madinaty".
_PLACE_NOUNS = frozenset(
    {"town", "village", "city", "suburb", "district", "province", "region", "neighbourhood"}
    | {"neighborhood", "outskirts", "hamlet", "enclave", "township", "municipality"}
)


def _cued_names(doc: Doc) -> list[Span]:
    """Capitalized names the gazetteer does not know and the model did not tag, after a
    direction adjective ("eastern Ghouta") or a place noun and "of" ("the town of Kasba
    Bonli")."""
    gaz = gz.load()
    out: list[Span] = []
    i = 1
    while i < len(doc):
        prev = doc[i - 1]
        cued = prev.lower_ in DIRECTIONS and prev.text.islower()
        if prev.lower_ == "of" and i > 1 and doc[i - 2].lower_ in _PLACE_NOUNS:
            cued = True
        tok = doc[i]
        if not cued or not tok.is_title or not tok.is_alpha or tok.is_stop:
            i += 1
            continue
        end = i + 1
        if tok.ent_iob_ == "B":  # the model's name for it, whatever its label: "Ghouta" ORG
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if tok.ent_type_ in PLACE_LABELS or end - i > 3:
                i = end
                continue
        elif tok.ent_type_:
            i += 1
            continue
        else:
            while end < len(doc) and end - i < 3 and doc[end].is_title and not doc[end].ent_type_:
                end += 1
        span = doc[i:end]
        if normalize(span.text) not in gaz and not _is_demonym(span.text):
            out.append(Span(doc, i, end, label="GPE"))
        i = end
    return out


_COUNTY = "COUNTY"  # the label of a mention named as a county in a list


def _listed_counties(doc: Doc) -> list[Span]:
    """The names of a list before "counties" or "parishes": "Becker, Clay, Otter Tail, Swift
    and Wilkin counties" names five counties."""
    out: list[Span] = []
    for tok in doc:
        if tok.lower_ not in ("counties", "parishes") or tok.i == 0:
            continue
        items: list[Span] = []
        end = tok.i
        while end > 0:
            start = end
            while start > 0 and end - start < 3 and doc[start - 1].is_title:
                start -= 1
            if start == end:
                break
            items.append(Span(doc, start, end, label="GPE"))
            if start == 0 or doc[start - 1].text not in (",", "and", "or"):
                break
            end = start - 1
            if doc[end].lower_ in ("and", "or") and end > 0 and doc[end - 1].text == ",":
                end -= 1  # "Swift, and Wilkin"
        if len(items) >= 2:
            out.extend(reversed(items))
    return out


_VENUE_WORDS = frozenset({"village", "farm", "farms", "studio", "restaurant", "inn", "pub"})


def _unlabelled_buildings(doc: Doc) -> list[Span]:
    """Capitalized names the model did not tag that end in a building or land word, after
    "at", "inside" or "outside": "at Marjory Stoneman Douglas High School", "at Windsor
    Castle", "at Eva's Village"."""
    ends = _BUILDINGS | _FEATURE_WORDS | _VENUE_WORDS
    out: list[Span] = []
    for tok in doc:
        if tok.lower_ not in _AT or tok.i + 1 >= len(doc):
            continue
        i = end = tok.i + 1
        while (
            end < len(doc)
            and end - i < 6
            and not doc[end].ent_type_
            and (doc[end].is_title or (doc[end].text in _POSSESSIVE and end > i))
        ):
            end += 1
        if end - i >= 2 and doc[end - 1].lower_ in ends:
            out.append(Span(doc, i, end, label="FAC"))
    return out


def _unknown_names(
    doc: Doc, places: list[Span]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Other mentions of the names the article uses as places that the gazetteer does not
    know, as token spans (plain, inside other names): after "the Cauvery dispute", the
    Cauvery of "the Cauvery Management Board" is the river too."""
    gaz = gz.load()
    votes: dict[str, int] = {}
    for ent in doc.ents:  # how the model labels each name standing alone
        votes[ent.text] = votes.get(ent.text, 0) + (1 if ent.label_ in ("GPE", "LOC") else -1)
    persons = {t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e}
    cued = {ent.text for ent in places if cue(doc, ent.start, ent.end) == 2}
    names: dict[tuple[str, ...], None] = {}
    for ent in places:
        if ent.text not in cued:  # said somewhere to be where things are: "in the Cauvery"
            continue
        if votes.get(ent.text, 0) <= 0:  # "Wedbush" a place once, a firm ten times
            continue
        if any(t.lower_ in persons for t in ent):  # "Saakashvili" of "Mikheil Saakashvili"
            continue
        words = tuple(t.text for t in ent if t.lower_ not in ("the", "a", "an"))
        key = strip_mention(ent.text)[0]
        if not words or key in gaz or not words[0][:1].isupper() or len(key) < 4:
            continue
        if _is_demonym(ent.text) or ent[-1].lower_.rstrip(".") in STREET_WORDS:
            continue  # a street says nothing of the organisations named like it
        names[words] = None
    if not names:
        return [], []
    placed = {i for ent in places for i in range(ent.start, ent.end)}
    plain: list[tuple[int, int]] = []
    inside: list[tuple[int, int]] = []
    for words in names:
        n = len(words)
        for i in range(len(doc) - n + 1):
            if i in placed or tuple(t.text for t in doc[i : i + n]) != words:
                continue
            if i + n < len(doc) and doc[i + n].text[:1].isupper() and doc[i + n].ent_iob_ != "I":
                continue  # part of a longer name the model did not see
            label = doc[i].ent_type_
            # The name opens its entity, perhaps after "the": "the Cauvery Management Board".
            opens = doc[i].ent_iob_ == "B" or (
                i > 0 and doc[i - 1].ent_iob_ == "B" and doc[i - 1].lower_ in ("the", "a", "an")
            )
            whole = opens and (i + n == len(doc) or doc[i + n].ent_iob_ != "I")
            if not label or whole:
                plain.append((i, i + n))
            elif opens and label in ("ORG", "FAC"):
                inside.append((i, i + n))  # "the Cauvery Management Board"
    return plain, inside


def _more_mentions(doc: Doc, keys: set[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Place names the entity pass left out, as token spans: (plain, inside other names).

    One sense per article: a name the article uses as a place (``keys``) is a place wherever
    else it stands alone, even where the model called it a person or an organisation
    ("Alexandria detectives"). Inside a longer name ("the Kentucky Department of
    Education", "Torrington Fire Department") a place name counts when it is well known,
    when the article names it as a place elsewhere, or when a civic word follows it.
    Words of multi-word person names ("Abraham Lincoln") never count.
    """
    gaz = gz.load()
    persons = {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    owner = {t: e for e in doc.ents for t in range(e.start, e.end)}
    plain: list[tuple[int, int]] = []
    inside: list[tuple[int, int]] = []
    anchors = _town_points(keys)
    countries = {
        max(found, key=lambda e: e.population).country
        for found in map(gaz.lookup_key, keys)
        if found
    }
    for start, end, key in candidates(doc):
        ent = owner.get(start)
        if ent is not None and (ent.label_ in PLACE_LABELS or end > ent.end):
            continue
        if start and doc[start - 1].lower_.rstrip(".") in TITLES:
            continue
        pop, kind = gaz.salience(key)
        known = kind in ("country", "continent") or pop >= 100_000
        person = ent is not None and ent.label_ == "PERSON" and pop >= 1000
        if person and ent and _named_after(doc, ent, start, end, key in keys or known):
            inside.append((start, end))  # "Burton Albion", "Litchfield Fire Chief"
            continue
        if key in persons and not known:  # "Jordan" of "Michael Jordan", not "Seattle"
            continue
        if ent is None or (ent.start, ent.end) == (start, end):
            if ent is not None and ent.text.isupper() and len(ent) == 1:
                abbr = kind == "region" and ent.text in gz.PROVINCE_ABBREVIATIONS  # "BC"
                if (kind in ("country", "continent") or abbr) and ent.label_ != "PERSON":
                    inside.append((start, end))  # "the EU said": the union as an actor
            elif key in gz.LANDMARK_KEYS:
                inside.append((start, end))  # "a White House aide": the seat of power
            elif key in keys or (
                start
                and not doc[start].is_sent_start
                and (_near_named(key, anchors) or _locative(doc, start, end, key, countries))
            ):
                plain.append((start, end))
            continue
        if ent.label_ == "PERSON":
            continue
        civic = end < len(doc) and doc[end].lower_ in CIVIC_WORDS and pop >= 1000
        if known or civic or key in keys:
            inside.append((start, end))
    return plain, inside


# Words after a place name in the names of teams and clubs: "Burton Albion".
_CLUB_WORDS = frozenset(
    {"albion", "wanderers", "rovers", "united", "athletic", "fc", "rangers", "celtic", "city"}
)


_OFFICES = frozenset({"mayor", "governor", "commissioner", "parks", "chamber", "county"})


def _named_after(doc: Doc, ent: Span, start: int, end: int, known: bool) -> bool:
    """Whether a name the model called a person begins with a place it is named after:
    an office or team ("Litchfield Fire Chief", "Burton Albion", "Seattle Seahawks"), not a
    person who bears a place's name ("Paris Hilton"). A well-known place or one the article
    names elsewhere may name a team whose name is plural ("Seahawks")."""
    if start != ent.start or end >= ent.end:
        return False
    after = doc[end]
    word = after.lower_.rstrip(".")
    if word in CIVIC_WORDS or word in FACILITY_WORDS or word in _CLUB_WORDS:
        return True
    if word in _OFFICES:  # "Avondale Mayor Ed Rieker"
        return True
    return known and after.tag_ == "NNPS"


_TOWN_KM = 50.0  # "Thornhill" a few miles from the "Dewsbury" the article names


def _towns(key: str) -> list[GeoEntry]:
    """The towns of 1,000 people or more that go by a name."""
    return [e for e in gz.load().lookup_key(key) if e.kind == "city" and e.population >= 1000]


def _town_points(keys: Iterable[str]) -> list[tuple[str, float, float]]:
    """The points of the towns an article names as places, for names that at most three
    towns of 1,000 people or more go by ("Dewsbury", not "Springfield")."""
    out: list[tuple[str, float, float]] = []
    for key in keys:
        towns = _towns(key)
        if 0 < len(towns) <= 3:
            out.extend((key, e.lat, e.lon) for e in towns)
    return out


def _near_named(key: str, anchors: list[tuple[str, float, float]]) -> bool:
    """Whether a town of this name lies within a few miles of a town the article names:
    a name the model took for a person or an organisation is then a place too."""
    if not anchors:
        return False
    return any(
        gz.distance_km(e.lat, e.lon, lat, lon) <= _TOWN_KM
        for e in _towns(key)
        for other, lat, lon in anchors
        if other != key
    )


# Words before a name that say it is where something is or happens: "moved to Thornhill",
# "the small town of Kasba Bonli", "Mindy Miller of Ravenel".
_LOCATIVE = frozenset({"in", "at", "near", "outside", "from"})
_MOTION_VERBS = frozenset(
    {"move", "drive", "travel", "come", "go", "return", "fly", "head", "relocate", "walk", "run"}
)


_NAME_LABELS = frozenset({"", "PERSON", "ORG", "NORP"})
# Institutions and feasts that towns are named after.
_NOT_TOWNS = frozenset({"congress", "parliament", "senate", "christmas", "easter", "eden"})


def _locative(doc: Doc, start: int, end: int, key: str, countries: set[str]) -> bool:
    """Whether a name that a town of the article's countries goes by stands where a place
    does: after "in", "at", "near", "outside" or "from", after "to" of a verb of motion, or
    after "of" following a person ("Mindy Miller of Ravenel", "Sears, 41, of Grovetown")."""
    if doc[start].ent_type_ not in _NAME_LABELS or key in _NOT_TOWNS:
        return False  # "in March", "at Christmas", "in Congress"
    towns = [e for e in _towns(key) if e.country in countries and normalize(e.name).startswith(key)]
    if not towns or (end < len(doc) and doc[end].text in _POSSESSIVE):
        return False
    prev = doc[start - 1]
    word = prev.lower_
    if word in _LOCATIVE:
        return True
    if word == "to":
        return prev.head.lemma_ in _MOTION_VERBS
    if word != "of" or start < 2:
        return False
    before = doc[start - 2]
    if before.text == ",":
        k = start - 3
        while k > 0 and (doc[k].like_num or doc[k].text == ","):
            k -= 1
        before = doc[k]
    return before.ent_type_ == "PERSON"


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
        if within is None and start and doc[start - 1].text in _POSSESSIVE:
            within = owners.get(start - 1)
        if within is not None and (entry is None or not _own_name(span, entry)):
            # A place the gazetteer does not know in one it knows: "Donington Park,
            # Leicestershire" is in Leicestershire, not at the village of Donington.
            out.append(_fallback(span, within, 0.3, _entry_precision(within)))
            continue
        small = entry is not None and entry.kind == "city" and entry.population < 10_000
        if small and label == "LOC" and _generic(span.text):  # "West Coast": not a hamlet
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
