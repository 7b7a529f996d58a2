"""Qualified place names: the division a name is said to lie in, and names that are no place.

"Hryhorivka, Donetsk", "Chaplyne, a town in the Dnipropetrovsk region", "Wad al-Noura, a
village in Sudan's Gezira state", "the Tal al-Sultan neighbourhood of Rafah": the words after a
name name the division (or city) that holds it. :func:`qualifier` finds that mention;
:func:`inside` says whether a reading lies in it. :func:`not_a_place` refuses names that a
person or organisation reading explains ("Hamas", "the Hassan family") and scraper glue
("Ukrainebegan").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from sitrep.extract.places import gazetteer as gz
from sitrep.extract.places import scoring, war_places
from sitrep.extract.places.gazetteer import GeoEntry, normalize
from sitrep.extract.places.lexicon import (
    DIRECTIONS,
    DIVISION_WORDS,
    LOCATIVE_PREPS,
    ORGANISATION_NAMES,
    PERSON_GROUP_WORDS,
    QUALIFIER_FILLERS,
    QUALIFIER_NOUNS,
    SEAT_DIVISION_WORDS,
    SUBCITY_NOUNS,
    UNIT_WORDS,
)
from sitrep.extract.places.ruler import PLACE_LABELS, strip_mention
from sitrep.model import Precision

Mention = tuple[str, int, int, bool, Span]  # label, token start, token end, region, entity

_POSSESSIVE = frozenset({"'s", "’s"})
_REACH = 10  # tokens between a name and its qualifier at most
_NOT_PLACE_LABELS = frozenset({"ORG", "PERSON", "NORP"})


def qualifier(
    doc: Doc, end: int, starts: dict[int, tuple[int, int, GeoEntry | None]]
) -> tuple[int, str] | None:
    """The mention that names where the mention ending at token ``end`` lies, and how.

    Args:
        doc: the parse.
        end: the token end of the qualified mention.
        starts: resolved mentions by token start: (index, token end, entry).

    Returns:
        (index of the qualifying mention, ``"comma"`` for "X, Y" and "X (Z raion, Y)"
        (the last name in brackets; ``"paren:K"`` with K the first of several), ``"noun"``
        after a
        settlement noun "X, a village in Y" / "X neighbourhood of Y", ``"in"`` for
        "X in the Y region"), or None.
    """
    j = end
    if j < len(doc) and doc[j].text == "(":  # "Chaplyne (Synelnykove raion, Dnipropetrovsk)"
        close = next((k for k in range(j, min(len(doc), j + _REACH)) if doc[k].text == ")"), j)
        inner = [starts[k][0] for k in range(j + 1, close) if k in starts]
        if not inner:
            return None
        return (inner[-1], "comma") if len(inner) == 1 else (inner[-1], f"paren:{inner[0]}")
    if j < len(doc) and doc[j].text == ",":
        j += 1
        if j in starts:
            idx, stop, _ = starts[j]
            listed = stop + 1 < len(doc) and doc[stop].lower_ in (",", "and", "or")
            if listed and (stop + 1 in starts or stop + 2 in starts):
                return None  # "Žilina, Nitra, Prešov and Košice": a list, not a qualifier
            return idx, "comma"
    linked = noun = False
    country: int | None = None
    while j < len(doc) and j - end <= _REACH:
        if j in starts:
            idx, stop, entry = starts[j]
            if stop < len(doc) and doc[stop].text in _POSSESSIVE and entry is not None:
                country = idx  # "Sudan's Gezira state": the state, in Sudan
                j = stop + 1
                continue
            if not linked:
                return None
            return idx, "noun" if noun else "in"
        w = doc[j].lower_
        if w in ("in", "of") and not linked:
            linked = True
        elif w in QUALIFIER_NOUNS and not linked:
            noun = True
        elif not (w in QUALIFIER_FILLERS or w in DIRECTIONS or w == ","):
            break
        j += 1
    return (country, "in") if country is not None and linked else None


def area_of(entry: GeoEntry, how: str, region: bool, text: str) -> GeoEntry | None:
    """What a qualifying mention stands for: a division's largest town (or a town a
    war-zone region is named after) after a comma, in brackets or with a division word
    stands for the division ("Hryhorivka, Donetsk"); a town after a neighbourhood noun is
    the town; a division or country is itself. None when it can qualify nothing."""
    if entry.kind in ("region", "country"):
        return entry
    if region or how.startswith(("comma", "paren")):
        return war_places.division(text, entry.country) or gz.load().admin1_area(entry)
    # "the Tal al-Sultan neighbourhood of Rafah", "Lido Beach in Mogadishu": a city holds it
    return entry if how in ("noun", "in") else None


def inside(entry: GeoEntry, area: GeoEntry) -> bool:
    """Whether a reading lies in the area a qualifier names."""
    if not area.country and area.kind == "region":  # a region of no one country: "Kashmir"
        return gz.distance_km(entry.lat, entry.lon, area.lat, area.lon) <= _STATELESS_KM
    if not area.country or entry.country != area.country:
        return False
    if war_places.is_war_entry(area) and not war_places.is_war_entry(entry):
        return area.kind == "region" and war_places.contains(area, entry)
    if area.kind == "country" or not area.admin1:
        return True
    if area.kind == "city":  # "the Tal al-Sultan neighbourhood of Rafah"
        return gz.distance_km(entry.lat, entry.lon, area.lat, area.lon) <= 30
    return entry.admin1 == area.admin1


def subcity(doc: Doc, end: int) -> bool:
    """Whether a settlement noun inside a city follows the name ("X neighbourhood of Y")."""
    return end < len(doc) and doc[end].lower_ in SUBCITY_NOUNS


_CAMP_WORDS = ("camp", "refugee", "refugees", "displacement", "idp", "displaced", "persons")
_ARTICLES = ("al", "el", "an", "ar", "as", "ash", "at", "ad", "az")


def camp_name(key: str) -> str:
    """The name of a camp without its camp words and Arabic article: "al nuseirat refugee
    camp" -> "nuseirat"."""
    words = key.split()
    while len(words) > 1 and words[-1] in _CAMP_WORDS:
        words.pop()
    if len(words) > 1 and words[0] in _ARTICLES:
        words.pop(0)
    return " ".join(words)


def family(doc: Doc, end: int) -> bool:
    """Whether a family or clan word follows a name ("the Hassan family"): a person's name
    when no place of the article's countries goes by it (see resolve)."""
    return end < len(doc) and doc[end].is_lower and doc[end].lower_ in PERSON_GROUP_WORDS


_LINKS = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "e", "i", "ud", "ul", "-"})


def _fragment(doc: Doc, end: int) -> bool:
    """Whether a name goes on past the mention through an Arabic or Persian link ("Tal
    al-Sultan", "Qala-e-Bakhtiar", "Deir ez-Zor"): the mention is part of a longer name."""
    words = [t.lower_ for t in doc[end : end + 4]]
    links = 0
    for w in words:
        if w in _LINKS:
            links += 1
            continue
        return links >= 2 and doc[end + links].text[:1].isupper()
    return False


def _glued(text: str) -> bool:
    """A scraper's glue of a place and the next word ("Ukrainebegan", "Gazawhere"): a name
    unknown to the gazetteer that is a country's or large city's name plus lower-case
    letters."""
    if not text.isalpha() or not text[:1].isupper() or text.isupper():
        return False
    gaz = gz.load()
    if normalize(text) in gaz:
        return False
    for k in range(len(text) - 2, 3, -1):
        head, tail = text[:k], text[k:]
        if not tail.islower():
            continue
        pop, kind = gaz.salience(normalize(head))
        if tail in STOP_WORDS and (kind == "country" or (kind is not None and pop >= 100_000)):
            return True  # "Gazawhere"
        if len(tail) >= 4 and kind == "country":
            return True  # "Ukrainebegan"
    return False


def not_a_place(doc: Doc, span: Span, labels: Labels) -> bool:
    """Whether a candidate mention is no place: an organisation of
    :data:`~sitrep.extract.places.lexicon.ORGANISATION_NAMES`, scraper glue, or a name the gazetteer knows only as another place's alternate
    name while the model mostly reads it as an organisation, person or people.

    Args:
        doc: the parse.
        span: the mention.
        labels: for each text, how often the model labels it a place and how often an
            organisation, person or people (:func:`label_counts`).
    """
    key = strip_mention(span.text)[0]
    if key in ORGANISATION_NAMES or normalize(span.text) in ORGANISATION_NAMES:
        return True
    if len(span) > 1 and span[-1].lower_ in UNIT_WORDS:  # "the Azov Battalion"
        return True
    if len(span) == 1 and (_glued(span.text) or span[0].lower_ in DIRECTIONS):
        return True  # "Ukrainebegan"; "Central" of "World Central Kitchen"
    if _fragment(doc, span.end):  # "Tal" of "Tal al-Sultan", "Qala" of "Qala-e-Bakhtiar"
        return True
    cands = gz.load().lookup_key(key)
    if not cands and span.text in labels.surnames:
        return True
    places, others = labels.counts.get(span.text, (0, 0))
    # Known only as a town's other name ("Hamas" for Hamm), while the model reads it as no
    # place: a country's short form, a state or a landmark is a place whatever the label.
    towns_only = bool(cands) and all(e.kind == "city" for e in cands)
    alternate = not any(normalize(e.name) == key for e in cands)
    cued = span.start > 0 and doc[span.start - 1].lower_ in LOCATIVE_PREPS  # "in Matias Romero"
    doubtful = others > places and not cued
    return doubtful and towns_only and alternate and key not in gz.LANDMARK_KEYS


@dataclass(frozen=True, slots=True)
class Labels:
    """What the model says of the article's names: for each entity text, how often it is
    labelled a place and how often an organisation, person or people; and the last words of
    the persons' names of two words or more."""

    counts: dict[str, tuple[int, int]]
    surnames: frozenset[str]


def label_counts(doc: Doc) -> Labels:
    """The :class:`Labels` of a parse."""
    out: dict[str, tuple[int, int]] = {}
    surnames: set[str] = set()
    for ent in doc.ents:
        p, o = out.get(ent.text, (0, 0))
        if ent.label_ in PLACE_LABELS:
            p += 1
        elif ent.label_ in _NOT_PLACE_LABELS:
            o += 1
        out[ent.text] = (p, o)
        if ent.label_ == "PERSON" and len(ent) >= 2 and ent[-1].is_title:
            surnames.add(ent[-1].text)
    return Labels(out, frozenset(surnames))


def division_name(ent: Span) -> bool:
    """Whether a name the model took for an organisation is a division's: a known name
    before a division word ("Kherson Oblast", "Idlib Governorate")."""
    if len(ent) < 2 or ent[-1].lower_ not in DIVISION_WORDS:
        return False
    return strip_mention(ent.text)[0] in gz.load()


def in_a_city(span: Span, label: str) -> bool:
    """Whether an unknown name can be a street, building or quarter of the article's city:
    not a division ("North Kivu Province", "Gezira State") nor a code the model took for a
    place ("M23"; a road like "the A417" is one)."""
    last = span[-1].lower_
    division = last in DIVISION_WORDS or (last == "state" and len(span) == 2)
    code = label != "FAC" and any(ch.isdigit() for ch in span.text)
    return not division and not code


def own_name(span: Span, entry: GeoEntry) -> bool:
    """Whether the entry goes by the mention's own name (not one of its words only); a
    division named by its largest town ("the Kherson region") goes by the town's name."""
    if war_places.is_war_entry(entry):  # found by this name in the war gazetteer
        return True
    cands = gz.load().lookup_key(strip_mention(span.text)[0])
    if entry in cands:
        return True
    return entry.kind == "region" and any(
        c.country == entry.country and c.admin1 == entry.admin1 and c.name == entry.name
        for c in cands
    )


_Decision = tuple[GeoEntry, float, Precision | None, bool]  # entry, confidence, precision, approx


# How far from its centre a region that belongs to no one country reaches ("Kashmir").
_STATELESS_KM = 250.0
_SEAT_KM = 60.0  # how far from the town a division is named after its villages may lie


def _division_word_after(doc: Doc, end: int) -> bool:
    """Whether a division word follows a name ("Kanbalu township", "Bucha district")."""
    return end < len(doc) and doc[end].lower_ in SEAT_DIVISION_WORDS


def qualified(
    doc: Doc,
    texts: list[str],
    mentions: list[Mention],
    resolved: list[tuple[GeoEntry | None, float, Precision | None]],
    ctx: scoring.Context,
) -> tuple[dict[int, _Decision], dict[int, GeoEntry]]:
    """The readings qualifiers decide: a name followed by the division, country or city it
    lies in ("Hryhorivka, Donetsk", "Chaplyne, a town in the Dnipropetrovsk region", "Wad
    al-Noura, a village in Sudan's Gezira state") takes its reading in that area, or, when
    the gazetteer has none there, the area itself (approximate); later mentions of the same
    name without a qualifier of their own follow. Also the qualifying towns that stand for
    their division ("Donetsk" after "Hryhorivka,", 50 km from the city)."""
    starts = {
        m[1]: (i, m[2], r[0]) for i, (m, r) in enumerate(zip(mentions, resolved, strict=True))
    }
    starts = {k: v for k, v in starts.items() if v[2] is not None}
    decided: dict[int, _Decision] = {}
    as_region: dict[int, GeoEntry] = {}
    by_key: dict[str, tuple[GeoEntry, _Decision]] = {}
    for i, (m, r) in enumerate(zip(mentions, resolved, strict=True)):
        q = qualifier(doc, m[2], starts)
        if q is None or q[0] == i:
            continue
        j, how = q
        q_entry = resolved[j][0]
        area = None if q_entry is None else area_of(q_entry, how, mentions[j][3], texts[j])
        if q_entry is None or area is None:
            continue
        in_city = how == "in" and area.kind == "city"  # "Lido Beach in Mogadishu"
        if in_city and not _in_city(doc, m[2], mentions[j][1], q_entry, ctx):
            continue
        entry = r[0]
        big = entry is not None and entry.population >= 100_000
        if big and how != "noun" and entry is not None and not inside(entry, area):
            continue  # "in Kharkiv, Russia said": no qualifier
        key = strip_mention(texts[i])[0]
        if entry is not None and inside(entry, area) and own_name(doc[m[1] : m[2]], entry):
            decision: _Decision = (entry, r[1], r[2], False)
            named = _division_namesake(key, texts[j], area, entry, ctx, m[3])
            if named is not None:
                decision = (named, 0.8, scoring.entry_precision(named), False)
        else:
            ranked = scoring.rank(key, ctx, region=m[3], shadow=False)
            inner = [e for _, e in ranked if inside(e, area)]
            spread = [e for e in inner if gz.distance_km(e.lat, e.lon, *_at(inner[0])) > 25]
            if spread and area.kind == "region":
                inner = []  # several of that name in the division: no guess
            town_comma = how == "comma" and q_entry.kind == "city"
            first = resolved[int(how[6:])] if how.startswith("paren:") else (None, 0.0, None)
            units = [texts[int(how[6:])], texts[j]] if how.startswith("paren:") else [texts[j]]
            war = None if inner else _as_main(_war_inside(key, units, area.country), ranked)
            if inner:
                decision = (inner[0], 0.8, scoring.entry_precision(inner[0]), False)
            elif war is not None:  # "Hroza (Kupiansk raion, Kharkiv)": the war gazetteer's
                decision = (war, 0.8, scoring.entry_precision(war), False)
            elif entry is None and first[0] is not None:  # "Hroza (Kupiansk raion, Kharkiv)"
                decision = (first[0], 0.3, first[2], True)
            elif (
                entry is not None
                and (mentions[j][3] or _division_word_after(doc, mentions[j][2]))
                and own_name(doc[m[1] : m[2]], entry)
                and gz.distance_km(entry.lat, entry.lon, q_entry.lat, q_entry.lon) <= _SEAT_KM
            ):
                # "Pazigyi village in Kanbalu township": the village of that name near the
                # town the division is named after (the division's own bounds unknown)
                decision = (entry, r[1], r[2], False)
            elif (
                (entry is None and not town_comma)
                or (how == "noun" and not big)
                or (in_city and not big)
                or (area is not q_entry and not big)
                or (area.kind == "region" and entry is not None and entry.population < 10_000)
            ):
                # Unknown there: the area it lies in ("Wad al-Noura, a village in Sudan's
                # Gezira state"); a name known elsewhere keeps its reading unless the text
                # says what it is ("St. Gregory of Narek in Vatican" is no Vatican place)
                # or the division a town names holds several of that name ("X, Donetsk").
                decision = (area, 0.3, scoring.entry_precision(area), True)
            else:
                continue
        if m[3] and decision[2] == "city":  # "Kupiansk raion (Kharkiv)": still the raion
            decision = (decision[0], decision[1], "region", decision[3])
        decided[i] = decision
        by_key.setdefault(key, (area, decision))
        chosen = decision[0]
        far = gz.distance_km(chosen.lat, chosen.lon, q_entry.lat, q_entry.lon) > 30
        town = chosen.kind == "city"  # "University of California, Los Angeles": no
        comma = how == "comma" or how.startswith("paren")
        if comma and area is not q_entry and (decision[3] or (far and town)):
            as_region[j] = area
    for j, (m, r) in enumerate(zip(mentions, resolved, strict=True)):
        # "Beryslav (Kherson)": a town in brackets after a name is the division it names
        after_name = m[1] > 1 and doc[m[1] - 1].text == "(" and doc[m[1] - 2].is_title
        if j not in as_region and after_name and r[0] is not None and r[0].kind == "city":
            area = area_of(r[0], "comma", m[3], texts[j])
            if area is not None and area is not r[0]:
                as_region[j] = area
    for i, r in enumerate(resolved):
        key = strip_mention(texts[i])[0]
        if i in decided or key not in by_key:
            continue
        area, decision = by_key[key]
        entry = r[0]
        if entry is None or (entry.population < 100_000 and not inside(entry, area)):
            decided[i] = decision  # the village the article has already placed
    return decided, as_region


def _in_city(doc: Doc, end: int, city_start: int, city: GeoEntry, ctx: scoring.Context) -> bool:
    """Whether "X in Y" says that the city Y holds X: "in" right after X and Y right after it
    ("Lido Beach in Mogadishu"), and Y a town of a country the article is about (not "the
    school in the Daraj neighbourhood" read as a town of Libya)."""
    if end >= len(doc) or doc[end].lower_ != "in":
        return False
    if city_start not in (end + 1, end + 2) or (
        city_start == end + 2 and doc[end + 1].lower_ != "the"
    ):
        return False
    return ctx.countries.get(city.country, 0.0) >= 0.5


def _division_namesake(
    key: str, unit_text: str, area: GeoEntry, entry: GeoEntry, ctx: scoring.Context, region: bool
) -> GeoEntry | None:
    """The one place called ``key`` that a war-gazetteer division holds, when the reading
    chosen in its region lies over 25 km from it ("Serhiivka, Bilhorod-Dnistrovskyi
    district"); None when the reading stands."""
    if not war_places.is_war_entry(area):
        return None
    named = _war_inside(key, [unit_text], area.country)
    if named is None or gz.distance_km(*_at(named), *_at(entry)) <= 25:
        return None
    return _as_main(named, scoring.rank(key, ctx, region=region, shadow=False))


def _war_inside(key: str, units: list[str], country: str) -> GeoEntry | None:
    """The war gazetteer's place of that name in the first unit that has one."""
    for text in units:
        found = war_places.inside(key, text, country)
        if found is not None:
            return found
    return None


def _as_main(war: GeoEntry | None, ranked: list[tuple[float, GeoEntry]]) -> GeoEntry | None:
    """A war-gazetteer place as the main gazetteer records it (the best of the name's
    ``ranked`` readings with its geonameid), if it does: one place keeps one name across
    articles ("Serhiyivka", not the war gazetteer's "Sergeyevka")."""
    if war is None or war.geonameid is None:
        return war
    return next((e for _, e in ranked if e.geonameid == war.geonameid), war)


def _at(e: GeoEntry) -> tuple[float, float]:
    return e.lat, e.lon


def abroad(entry: GeoEntry, ctx: scoring.Context) -> bool:
    """Whether a place lies in a country the article does not name while it is clearly
    about another."""
    most = max(ctx.countries.values(), default=0.0)
    return most >= 0.5 and ctx.countries.get(entry.country, 0.0) == 0.0
