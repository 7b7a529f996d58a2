"""How likely each reading of a place name is, given the article around it.

The article's context (:class:`Context`: the countries and divisions it names, the towns
that could lie near each other, where its datelines are) and the score, rank and confidence of
every gazetteer entry a name could be; :mod:`~sitrep.extract.places.resolve` picks readings with
them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TypeVar

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from sitrep.extract.places import gazetteer as gz
from sitrep.extract.places.gazetteer import GeoEntry, normalize
from sitrep.extract.places.lexicon import PERSON_GROUP_WORDS, US_LOCAL
from sitrep.extract.places.ruler import PLACE_LABELS, candidates, strip_mention
from sitrep.model import Precision
from sitrep.nlp import text_of

_K = TypeVar("_K")
_ADMIN1_WEIGHT = 2.5  # the state or province an article is about


@dataclass(frozen=True, slots=True)
class Context:
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
    # :func:`_near_support` of (lat, lon, key), computed once per article: both passes of the
    # resolver and every mention of a name ask for it again
    near_memo: dict[tuple[float, float, str], float] = field(
        default_factory=dict, compare=False, repr=False
    )


_SUPPORT_WEIGHT = 2.0  # "Athens" and "Henderson County" both in Texas: both are there


def names_in(span: Span) -> list[str]:
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


def written_upper(text: str) -> bool:
    """Whether a mention has a word in capitals: "US state" names the US, "City of" no Of."""
    return any(w.isupper() for w in text.split())


def country_name(key: str) -> bool:
    """Whether the name is a country's or continent's and no state's ("Brazil", not
    "Georgia")."""
    cands = gz.load().lookup_key(key)
    country = any(e.kind in ("country", "continent") for e in cands)
    return country and not any(e.kind == "region" for e in cands)


def is_state(entry: GeoEntry) -> bool:
    """Whether an entry is a state or province (not a county)."""
    return entry.kind == "region" and bool(entry.geonameid or entry.population >= 1_000_000)


def with_local_readings(ctx: Context, keys: Iterable[str]) -> Context:
    """``ctx`` with the ``support`` and ``nearby`` of :func:`local_readings` for the article's
    names, and a fresh :func:`_near_support` memo: the memo holds only for that ``nearby``."""
    support, nearby = local_readings(keys)
    return replace(ctx, support=support, nearby=nearby, near_memo={})


def local_readings(
    keys: Iterable[str],
) -> tuple[dict[tuple[str, str], dict[str, float]], dict[str, list[tuple[float, float]]]]:
    """What the towns and counties each name could be say about the others, as the
    ``support`` and ``nearby`` of :class:`Context`: for each state or province, the names
    that could lie in it (weighted by how few divisions each could lie in), and for each
    name, the points of its 12 most populous readings. A country's name ("Brazil") says
    nothing for its namesake towns (Brazil, Indiana)."""
    gaz = gz.load()
    support: dict[tuple[str, str], dict[str, float]] = {}
    nearby: dict[str, list[tuple[float, float]]] = {}
    keys = [k for k in keys if not country_name(k) and not _macro_name(k)]
    # A page naming four states says little about which one each of its towns lies in.
    states = sum(any(is_state(e) for e in gaz.lookup_key(k)) for k in keys)
    for key in keys:
        local = [e for e in gaz.lookup_key(key) if e.admin1 and e.kind in ("city", "region")]
        divs = {(e.country, e.admin1) for e in local if e.population >= 1000 or e.kind == "region"}
        spread = max(1, states) if any(is_state(e) for e in local) else 1
        for div in divs:
            support.setdefault(div, {})[key] = 1.0 / len(divs) / spread
        local.sort(key=lambda e: -e.population)
        if local:
            nearby[key] = [(e.lat, e.lon) for e in local[:12]]
    return support, nearby


_NEAR_WEIGHT = 3.0  # "Paris" and "Henry County" within a few miles of each other
_NEAR_KM = 60.0


def _near_support(entry: GeoEntry, key: str, ctx: Context) -> float:
    """How many other names of the article could be a place close to this one, each
    weighted by how few readings it has."""
    memo_key = (entry.lat, entry.lon, key)
    known = ctx.near_memo.get(memo_key)
    if known is not None:
        return known
    total = 0.0
    for other, points in ctx.nearby.items():
        if other == key:
            continue
        best = min(gz.distance_km(entry.lat, entry.lon, a, b) for a, b in points)
        total += math.exp(-best / _NEAR_KM) / math.sqrt(len(points))
    ctx.near_memo[memo_key] = min(1.0, total)
    return ctx.near_memo[memo_key]


def entry_precision(entry: GeoEntry) -> Precision:
    return "city" if entry.kind == "city" else entry.kind


def _score(
    entry: GeoEntry,
    key: str,
    ctx: Context,
    *,
    region: bool,
    big_city: bool,
    country: bool,
    largest: int = 0,
    owned: bool = False,
) -> float:
    """How likely an entry is what the name means here (higher is better). ``country``: a
    country goes by this name too, so its capital's other names get no support from
    the places around ("Mexico" after a Mexico City dateline). ``owned``: a town of
    ``_OWNED_TOWN`` people or more has this name as its own name."""
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
        if owned and entry.kind == "city":
            # another town's own name: this one's former or foreign name ("Pokrovsk" is a
            # Ukrainian city's name, and was Engels' until 1931)
            s -= _OWNED_PENALTY
    return s


_OWNED_TOWN = 10_000
_OWNED_PENALTY = 1.0


@lru_cache(maxsize=1 << 14)
def _owned(key: str) -> bool:
    """Whether a town of ``_OWNED_TOWN`` people or more has the name as its own name (asked
    once per name: :func:`score` weighs each war-gazetteer namesake of it)."""
    return any(
        e.kind == "city" and e.population >= _OWNED_TOWN and normalize(e.name) == key
        for e in gz.load().lookup_key(key)
    )


# A town that shares its name with a city twenty times its size ("Portland", Texas).
_FAMOUS = 200_000
_SHADOW = 20
_SHADOW_FLOOR = 0.5
_NEIGHBOUR_WEIGHT = 1.5  # "Georgia" beside Azerbaijan and Armenia is the country
_NEIGHBOUR_KM = 1500.0


def _neighbour_share(entry: GeoEntry, ctx: Context) -> float:
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


_ALIAS_SHADOW = 100  # a reading by another name only, beside one by its own name 100x bigger


def _shadowed(cands: list[GeoEntry], key: str, ctx: Context) -> list[GeoEntry]:
    """The readings without those known by this name only as an alternate name, in a
    country the article is not about, while a reading of a million people or more in another
    country has it as its own name and a hundred times the people: "New York" in a Gaza
    story is the city, never the Donetsk village also called so (a village called Paris in
    an Ohio story stays a reading)."""
    own = [e for e in cands if normalize(e.name) == key]
    big = max(own, key=lambda e: e.population, default=None)
    if big is None or big.population < 1_000_000:
        return cands
    return [
        e
        for e in cands
        if e in own
        or e.country == big.country
        or ctx.countries.get(e.country, 0.0) >= 0.5
        or e.population * _ALIAS_SHADOW > big.population
    ]


def rank(
    key: str, ctx: Context, *, region: bool = False, shadow: bool = True
) -> list[tuple[float, GeoEntry]]:
    """The readings of a name, best first (``shadow``: without the alternate-name readings
    :func:`_shadowed` drops)."""
    cands = gz.load().lookup_key(key)
    if shadow:
        cands = _shadowed(cands, key, ctx)
    largest = max((e.population for e in cands if e.kind == "city"), default=0)
    owned = _owned(key)  # as asked of all readings: _shadowed keeps every own-name one
    big_city = largest >= 500_000
    country = any(e.kind == "country" for e in cands)
    scored = [
        (
            _score(
                e,
                key,
                ctx,
                region=region,
                big_city=big_city,
                country=country,
                largest=largest,
                owned=owned,
            ),
            e,
        )
        for e in cands
    ]
    scored.sort(key=lambda p: -p[0])
    return scored


def score(entry: GeoEntry, key: str, ctx: Context, *, region: bool = False) -> float:
    """The score :func:`rank` would give one entry alone under a name (for readings from
    another gazetteer, weighed on the same scale)."""
    return _score(entry, key, ctx, region=region, big_city=False, country=False, owned=_owned(key))


def confidence(scored: list[tuple[float, GeoEntry]]) -> float:
    if not scored:
        return 0.0
    if len(scored) == 1:
        return 0.9
    margin = scored[0][0] - scored[1][0]
    return round(0.5 + 0.45 * (1.0 - math.exp(-margin)), 3)


def _shares(votes: dict[_K, float]) -> dict[_K, float]:
    most = max(votes.values(), default=0.0)
    return {k: v / most for k, v in votes.items()} if most else {}


def context(doc: Doc, extra: Iterable[Span] = ()) -> Context:
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
        after = doc[ent.end] if ent.end < len(doc) else None
        if after is not None and after.is_lower and after.lower_ in PERSON_GROUP_WORDS:
            continue  # "the Hassan family" says nothing of where the article is
        key, _ = strip_mention(ent.text)
        if key in STOP_WORDS and not written_upper(ent.text):
            continue
        cands = gaz.lookup_key(key)
        if not cands and ent.label_ == "FAC":  # "the Edgar County Sheriff's Department"
            inner = [k for k in names_in(ent) if gaz.salience(k)[1] == "region"]
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
    return Context(shares, {})


def _two_senses(cands: list[GeoEntry]) -> bool:
    """Whether a name is both a country's and a state's or province's of another country
    ("Georgia"), so that which one it is depends on the rest of the article."""
    nations = {e.country for e in cands if e.kind == "country"}
    return bool(nations) and any(
        e.kind == "region" and e.country not in nations and e.population >= 100_000 for e in cands
    )


def _us_local_markers(text: str) -> int:
    """How many distinct kinds of American local-news wording a text uses."""
    return len({m.group().lower() for m in US_LOCAL.finditer(text)})


def _division_weight(key: str, entry: GeoEntry) -> float:
    """How much a resolved name says about the state or province an article is in.

    A state or province named outright counts most; a town only when no other town of that
    name in its country lies in another state ("Springfield" says little).
    """
    if entry.kind == "region":
        return 2.0 if is_state(entry) else 1.0
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


def region_context(ctx: Context, resolved: list[tuple[str, GeoEntry, float]]) -> Context:
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
    return Context(
        ctx.countries,
        _spread_shares(votes),
        own=own_shares,
        anchors=tuple(anchors.values()),
        support=ctx.support,
        nearby=ctx.nearby,
        near_memo=ctx.near_memo,
    )


def focus_city(entries: Iterable[GeoEntry | None], ctx: Context) -> GeoEntry | None:
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


def focus_area(entries: list[GeoEntry | None], ctx: Context) -> GeoEntry | None:
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
    """Of the cities named, the one named most often if at least twice (the first named of
    those named as often), else the biggest if it has 100,000 people."""
    counts: dict[int | None, tuple[int, GeoEntry]] = {}
    first: dict[int | None, int] = {}
    for k, entry in enumerate(cities):
        n, _e = counts.get(entry.geonameid, (0, entry))
        counts[entry.geonameid] = (n + 1, entry)
        first.setdefault(entry.geonameid, k)
    if not counts:
        return None
    # named as often: the one named first (the lead's city, not a capital quoted later)
    n, entry = max(counts.values(), key=lambda p: (p[0], -first[p[1].geonameid]))
    if n >= 2:
        return entry
    # Named once each: the biggest city, when it is big enough to be the story's dateline.
    biggest = max((e for _n, e in counts.values()), key=lambda e: e.population)
    return biggest if biggest.population >= 100_000 else None
