"""Place mentions beyond the model's entities: the names :func:`sitrep.extract.places.places`
resolves besides spaCy's GPE, LOC and FAC entities.

The small English model misses or mislabels many places: towns it calls people ("driving
to Castlegar"), buildings it calls organisations ("Karl Bremer Hospital"), road numbers,
lists of counties, demonyms, places teams and offices are named after ("Burton Albion"),
and names the gazetteer does not know but the article uses as places ("in eastern
Ghouta", then "the Ghouta truce"). Each finder here returns token spans; resolution,
context and fallback placement stay in :mod:`sitrep.extract.places.resolve`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc, Span

from sitrep.extract.places import gazetteer as gz
from sitrep.extract.places.gazetteer import GeoEntry, normalize
from sitrep.extract.places.lexicon import (
    AT,
    BUILDINGS,
    CIVIC_WORDS,
    CLUB_WORDS,
    DIRECTIONS,
    FACILITY_WORDS,
    FEATURE_WORDS,
    LISTED_DIVISIONS,
    LOCATIVE,
    MOTION_VERBS,
    NOT_TOWNS,
    OFFICES,
    PLACE_AFTER,
    PLACE_NOUNS,
    PROVINCE_ABBREVIATIONS,
    REGION_WORDS,
    ROAD_CUES,
    SETTLEMENT_NOUNS,
    STREET_WORDS,
    TITLES,
    VENUE_WORDS,
)
from sitrep.extract.places.ruler import (
    PLACE_LABELS,
    candidates,
    cue,
    strip_mention,
)
from sitrep.nlp import text_of


@lru_cache(maxsize=1 << 14)
def demonym_entry(text: str) -> tuple[str, GeoEntry | None]:
    """The place an adjective or demonym names ("South Ossetian" whole, "the Russian")."""
    key = normalize(text).removeprefix("the ")
    entry = gz.demonym_place(key)
    if entry is None:
        key = strip_mention(text)[0]
        entry = gz.demonym_place(key)
    return key, entry


def is_demonym(text: str) -> bool:
    """An adjective or demonym of a place rather than its name ("European", not "Caribbean")."""
    key, entry = demonym_entry(text)
    return entry is not None and normalize(entry.name) != key


def demonym_spans(doc: Doc, *, inside: bool = False) -> list[Span]:
    """Words that name a country's or region's people ("Russian", "Ukrainians", "European",
    "South Korean"), whatever the model tagged them, but not inside person names; with
    ``inside``, also inside other names ("the Russian Ministry of Defence")."""
    # A demonym the model called a person is still one: "against Sri Lankan" (a team).
    labels = PLACE_LABELS | {"NORP", "PERSON"}
    out = [e for e in doc.ents if e.label_ in labels and is_demonym(e.text)]
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
        if not is_demonym(tok.text):
            continue
        prev = doc[i - 1] if i else None
        two = prev is not None and prev.text[:1].isupper() and prev.is_alpha and not prev.is_stop
        start = i - 1 if two and is_demonym(doc[i - 1 : i + 1].text) else i
        if start < i and start in covered:
            continue
        out.append(doc[start : i + 1])
        covered.update(range(start, i + 1))
    return out


_NOT_PLACES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})


def is_building(ent: Span) -> bool:
    """An organisation named as a building, where things happen ("Barclays Center"), or a
    name of any kind whose last word makes it a street or a feature of the land."""
    if len(ent) < 2 or not ent[-1].text[:1].isupper() or ent.label_ in _NOT_PLACES:
        return False
    last = ent[-1].lower_.rstrip(".")
    if last in BUILDINGS or last in FEATURE_WORDS:
        return True
    if len(ent) >= 3 and ent[-2].lower_ == "county" and last == "council":
        return True  # "Tipperary County Council": the county's own
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return after is not None and after.lower_ in PLACE_AFTER


# British road numbers ("the A417", "the M4"), and what says a number is a road.
_ROAD = re.compile(r"^[AMB]\d{1,4}(?:\(M\))?$")
_ROAD_IN_TEXT = re.compile(r"[AMB]\d")


def roads(doc: Doc) -> list[int]:
    """The tokens that are British road numbers: "the A417", "via the A436, A40 and A429",
    "the M4 southbound" (not "a B52 bomber" or "size A4")."""
    out: list[int] = []
    if not _ROAD_IN_TEXT.search(text_of(doc)):
        return out  # no token can be a road number
    for tok in doc:
        if not _ROAD.match(tok.text) or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
            continue
        prev = doc[tok.i - 1].lower_ if tok.i else ""
        after = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
        listed = prev in (",", "and", "or") and bool(out) and tok.i - out[-1] <= 3
        if prev == "the" or after in ROAD_CUES or listed:
            out.append(tok.i)
    return out


def is_venue(doc: Doc, ent: Span) -> bool:
    """An organisation named as the place where something happens: "a class at Whole
    Foods", "fireworks inside Anfield", "the season starts at Brands Hatch"."""
    if ent.label_ not in ("ORG", "FAC") or ent.start == 0 or ent.text.isupper():
        return False
    if doc[ent.start - 1].lower_ not in AT or len(ent) > 4:
        return False
    if ent[-1].text in POSSESSIVE or (ent.end < len(doc) and doc[ent.end].text in POSSESSIVE):
        return False  # "analysts at Moody's": a firm
    if any(is_demonym(t.text) for t in ent):  # "at American Electric Power"
        return False
    # Placed where the article is, so saying nothing of where that is: no well-known place
    # in its name ("at the Bank of England"; "Hatch" of "Brands Hatch" is a hamlet).
    gaz = gz.load()
    return not any(
        gaz.salience(k)[0] >= 100_000 or gaz.salience(k)[1] in ("region", "country", "continent")
        for _, _, k in candidates(ent)
    )


POSSESSIVE = frozenset({"'s", "’s"})
# Dashes that, spaced, separate two phrases rather than join one name.
SPACED_DASHES = frozenset({"-", "\u2013", "\u2014"})


def _home_countries(keys: Iterable[str]) -> set[str]:
    """The countries of the most populous reading of each name: where the article is."""
    gaz = gz.load()
    return {
        max(found, key=lambda e: e.population).country
        for found in map(gaz.lookup_key, keys)
        if found
    }


def mostly_persons(doc: Doc) -> set[str]:
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
    where = _home_countries(
        strip_mention(t)[0] for t, (place, _) in counts.items() if place and t not in doubtful
    )
    out = set()
    for text in doubtful:
        key = strip_mention(text)[0]
        pop, kind = gaz.salience(key)
        if kind in ("country", "continent", "region") or pop >= 100_000:
            continue
        if not any(e.country in where for e in gaz.lookup_key(key)):
            out.add(text)  # and no reading lies in a country the article's places are in
    return out


def cued_names(doc: Doc) -> list[Span]:
    """Capitalized names the gazetteer does not know and the model did not tag, after a
    direction adjective ("eastern Ghouta") or a place noun and "of" ("the town of Kasba
    Bonli"), or before an apposition that says what place it is ("Kasba Bonli, a village
    in ...")."""
    gaz = gz.load()
    out: list[Span] = []
    i = 1
    while i < len(doc):
        prev = doc[i - 1]
        cued = prev.lower_ in DIRECTIONS and prev.text.islower()
        if prev.lower_ == "of" and i > 1 and doc[i - 2].lower_ in PLACE_NOUNS:
            cued = True
        tok = doc[i]
        if tok.ent_iob_ == "B" and not cued:
            end = i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            cued = _apposed_place_noun(doc, end)
        if not cued or not tok.is_title or not tok.is_alpha or tok.is_stop:
            i += 1
            continue
        end = i + 1
        if tok.ent_iob_ == "B":  # the model's name for it, whatever its label: "Ghouta" ORG
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            # three words at most, an Arabic name's links not counted ("Wad al-Noura"), and
            # no bracket or comma inside ("Barsalogho (Centre-Nord" is two names)
            name = doc[i:end]
            odd = any(not t.is_alpha and t.text != "-" for t in name)
            if tok.ent_type_ in PLACE_LABELS or odd or sum(t.is_title for t in name) > 3:
                i = end
                continue
        elif tok.ent_type_:
            i += 1
            continue
        else:
            while end < len(doc) and end - i < 3 and doc[end].is_title and not doc[end].ent_type_:
                end += 1
        span = doc[i:end]
        if normalize(span.text) not in gaz and not is_demonym(span.text):
            out.append(Span(doc, i, end, label="GPE"))
        i = end
    return out


def _apposed_place_noun(doc: Doc, end: int) -> bool:
    """Whether ", a village" (an indefinite place noun, adjectives between) follows token
    ``end``."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an"):
        return False
    for t in doc[end + 2 : end + 5]:
        if t.lower_ in PLACE_NOUNS:
            return True
        if t.pos_ != "ADJ":
            return False
    return False


def listed_counties(doc: Doc) -> list[Span]:
    """The names of a list before "counties" or "parishes": "Becker, Clay, Otter Tail, Swift
    and Wilkin counties" names five counties."""
    out: list[Span] = []
    low = text_of(doc).lower()
    if not any(word in low for word in LISTED_DIVISIONS):
        return out
    for tok in doc:
        if tok.lower_ not in LISTED_DIVISIONS or tok.i == 0:
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


def unlabelled_buildings(doc: Doc) -> list[Span]:
    """Capitalized names the model did not tag that end in a building or land word, after
    "at", "inside" or "outside": "at Marjory Stoneman Douglas High School", "at Windsor
    Castle", "at Eva's Village"."""
    ends = BUILDINGS | FEATURE_WORDS | VENUE_WORDS
    out: list[Span] = []
    for tok in doc:
        if tok.lower_ not in AT or tok.i + 1 >= len(doc):
            continue
        i = end = tok.i + 1
        while (
            end < len(doc)
            and end - i < 6
            and not doc[end].ent_type_
            and (doc[end].is_title or (doc[end].text in POSSESSIVE and end > i))
        ):
            end += 1
        if end - i >= 2 and doc[end - 1].lower_ in ends:
            out.append(Span(doc, i, end, label="FAC"))
    return out


def unknown_names(
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
        if is_demonym(ent.text) or ent[-1].lower_.rstrip(".") in STREET_WORDS:
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


def more_mentions(doc: Doc, keys: set[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
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
    countries = _home_countries(keys)
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
        owned = ent is not None and (ent.start, ent.end) == (start, end + 1)
        if owned and end < len(doc) and doc[end].text in POSSESSIVE and pop >= _OWNER_TOWN:
            plain.append((start, end))  # "El Fasher's" as an organisation: "McDonald's" is not
            continue
        if ent is None or (ent.start, ent.end) == (start, end):
            if ent is not None and ent.text.isupper() and len(ent) == 1:
                abbr = kind == "region" and ent.text in PROVINCE_ABBREVIATIONS  # "BC"
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


def _named_after(doc: Doc, ent: Span, start: int, end: int, known: bool) -> bool:
    """Whether a name the model called a person begins with a place it is named after:
    an office or team ("Litchfield Fire Chief", "Burton Albion", "Seattle Seahawks"), not a
    person who bears a place's name ("Paris Hilton"). A well-known place or one the article
    names elsewhere may name a team whose name is plural ("Seahawks")."""
    if start != ent.start or end >= ent.end:
        return False
    after = doc[end]
    word = after.lower_.rstrip(".")
    if word in CIVIC_WORDS or word in FACILITY_WORDS or word in CLUB_WORDS:
        return True
    if word in OFFICES:  # "Avondale Mayor Ed Rieker"
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


_NAME_LABELS = frozenset({"", "PERSON", "ORG", "NORP"})
# The fewest people a town needs for "<town>'s" labelled an organisation to be the town.
_OWNER_TOWN = 10_000


def _locative(doc: Doc, start: int, end: int, key: str, countries: set[str]) -> bool:
    """Whether a name that a town of the article's countries goes by stands where a place
    does: after "in", "at", "near", "outside" or "from", after "to" of a verb of motion, or
    after "of" following a person ("Mindy Miller of Ravenel", "Sears, 41, of Grovetown")."""
    if doc[start].ent_type_ not in _NAME_LABELS or key in NOT_TOWNS:
        return False  # "in March", "at Christmas", "in Congress"
    towns = [e for e in _towns(key) if e.country in countries and normalize(e.name).startswith(key)]
    if not towns or (end < len(doc) and doc[end].text in POSSESSIVE):
        return False
    prev = doc[start - 1]
    word = prev.lower_
    if word in LOCATIVE:
        return True
    if word == "to":
        return prev.head.lemma_ in MOTION_VERBS
    if word != "of" or start < 2:
        return False
    before = doc[start - 2]
    if before.text == ",":
        k = start - 3
        while k > 0 and (doc[k].like_num or doc[k].text == ","):
            k -= 1
        before = doc[k]
    return before.ent_type_ == "PERSON"


def in_division(doc: Doc, ent: Span) -> bool:
    """Whether a name the model labelled otherwise is a place in a division ("Hroza in
    Kharkiv Oblast" as ORG)."""
    parts = name_parts(doc, ent)
    return len(parts) == 2 and doc[parts[0].end].lower_ == "in"


def owned_place(doc: Doc, ent: Span) -> bool:
    """Whether a name the model labelled otherwise is a division's place and its own division
    or town ("Balochistan's Mastung district" as ORG): a place before the possessive, and a
    division or settlement noun right after the name."""
    if ent.end >= len(doc) or doc[ent.end].lower_ not in REGION_WORDS | SETTLEMENT_NOUNS:
        return False
    parts = name_parts(doc, ent)
    return len(parts) == 2 and doc[parts[0].end].text in POSSESSIVE


def _names_division(span: Span) -> bool:
    """Whether a span's name is, first of all, a division or a country's."""
    return gz.load().salience(strip_mention(span.text)[0])[1] in ("region", "country")


def joined_names(doc: Doc) -> list[Span]:
    """The entities of a parse, with two joined by "and" or "&" taken as one where the whole is
    the name of a division or country ("Jammu and Kashmir", "Bosnia and Herzegovina"): the
    model splits them into a city and a region."""
    ents = list(doc.ents)
    out: list[Span] = []
    k = 0
    while k < len(ents):
        ent = ents[k]
        nxt = ents[k + 1] if k + 1 < len(ents) else None
        if (
            nxt is not None
            and nxt.start == ent.end + 1
            and doc[ent.end].lower_ in ("and", "&")
            and ent.label_ in PLACE_LABELS | {"ORG"}
            and nxt.label_ in PLACE_LABELS | {"ORG"}
        ):
            whole = Span(doc, ent.start, nxt.end, label="GPE")
            if _names_division(whole):
                out.append(whole)
                k += 2
                continue
        out.append(ent)
        k += 1
    return out


def name_parts(doc: Doc, ent: Span) -> list[Span]:
    """A name that holds a place and the division or country it lies in ("Thruxton,
    Hampshire", "Donington Park, Leicestershire"), or a place and what it owns ("Derry's
    Altnagelvin Hospital"), as its two mentions; else the name."""
    if len(ent) < 3:
        return [ent]
    gaz = gz.load()
    label = ent.label_ if ent.label_ in PLACE_LABELS else "FAC"
    for k in range(ent.start + 1, ent.end - 1):
        if doc[k].text in SPACED_DASHES and doc[k - 1].whitespace_:
            # "in Mykolaiv - Kim": a spaced dash ends a name; what follows it in a headline is
            # who said it, a place only when it names a region or country
            tail = Span(doc, k + 1, ent.end, label="GPE")
            return [
                Span(doc, ent.start, k, label="GPE"),
                *([tail] if _names_division(tail) else []),
            ]
        if doc[k].text == "," and ent.label_ in PLACE_LABELS:
            tail = Span(doc, k + 1, ent.end, label=label)
            if _names_division(tail):
                return [Span(doc, ent.start, k, label=label), tail]
        if doc[k].lower_ == "in" and all(t.is_title for t in doc[ent.start : k]):
            # "Hroza in Kharkiv Oblast" taken for one name: the village and its division
            tail = Span(doc, k + 1, ent.end, label="GPE")
            key, worded = strip_mention(tail.text)
            if worded or gaz.salience(key)[1] in ("region", "country"):
                return [Span(doc, ent.start, k, label="GPE"), tail]
        if doc[k].text in POSSESSIVE and doc[k + 1].text[:1].isupper():
            head = Span(doc, ent.start, k, label="GPE")
            pop, kind = gaz.salience(strip_mention(head.text)[0])
            if kind in ("region", "country") or pop >= 1000:
                return [head, Span(doc, k + 1, ent.end, label=label)]
    return [ent]
