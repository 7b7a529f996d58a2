"""Place mentions: found by spaCy and the gazetteer ruler, resolved to GeoNames entries.

:func:`add_gazetteer_ruler` adds a pipeline component that finds the places the small spaCy
model misses or mislabels (it calls "Kharkiv" a PERSON in "central Kharkiv"). :func:`places`
then resolves every GPE/LOC/FAC mention with the article's context: the countries it talks
about most, the other places it names, population and the kind of place a name usually means.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from sitrep.extract.places import gazetteer as gz
from sitrep.extract.places import scoring, war_places
from sitrep.extract.places.candidates import LOW_CONFIDENCE, coin_flip, readings
from sitrep.extract.places.datelines import dateline_at
from sitrep.extract.places.gazetteer import GeoEntry, normalize
from sitrep.extract.places.lexicon import (
    ACTOR_VERBS,
    BUILDINGS,
    CITY_ABBREVIATIONS,
    CIVIC_WORDS,
    CONNECTORS,
    DIRECTIONS,
    FACILITY_WORDS,
    FIRST_LEVEL_WORDS,
    GENERIC_LAND,
    LOCAL_ABBREVIATIONS,
    NAMED_AFTER,
    REGION_WORDS,
    STREET_WORDS,
    TITLES,
)
from sitrep.extract.places.mentions import (
    POSSESSIVE,
    cued_names,
    demonym_entry,
    demonym_spans,
    in_division,
    is_building,
    is_demonym,
    is_venue,
    joined_names,
    listed_counties,
    more_mentions,
    mostly_persons,
    name_parts,
    owned_place,
    roads,
    unknown_names,
    unlabelled_buildings,
)
from sitrep.extract.places.qualifiers import (
    Mention,
    camp_name,
    division_name,
    family,
    in_a_city,
    label_counts,
    not_a_place,
    own_name,
    qualified,
)
from sitrep.extract.places.qualifiers import (
    abroad as in_another,
)
from sitrep.extract.places.ruler import (
    PLACE_LABELS,
    add_gazetteer_ruler,
    strip_mention,
)
from sitrep.extract.places.war_gazetteer import WarPlace
from sitrep.model import Article, Place, PlaceRef, Precision
from sitrep.nlp import text_of

EXTRACTOR = "places.v1"
DEMONYM_EXTRACTOR = "places.demonym.v1"  # "Russian forces": a country as actor
EMBEDDED_EXTRACTOR = "places.embedded.v1"  # "the Kentucky Department of Education"
# A street, building or quarter the gazetteer does not know, placed at the article's city
# (see scoring.focus_city), with a low confidence: "Royal Street" in a New Orleans story.
FALLBACK_EXTRACTOR = "places.fallback.v1"

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _is_actor(ent: Span, entry: GeoEntry | None) -> bool:
    """A capital or country as the subject of a verb of saying or stance ("Moscow denies")."""
    if entry is None or not (entry.kind == "country" or entry.population >= 500_000):
        return False
    root = ent.root
    dep = root.dep_
    head = root.head
    if dep == "conj" and head.dep_ in _SUBJECT_DEPS:  # "Moscow and Minsk said"
        dep, head = head.dep_, head.head
    return dep in _SUBJECT_DEPS and head.pos_ in ("VERB", "AUX") and head.lemma_ in ACTOR_VERBS


def _mention_bounds(doc: Doc, ent: Span) -> tuple[int, int, bool]:
    """Token bounds of a mention, extended over a following "region"/"oblast"; region flag."""
    start, end = ent.start, ent.end
    region = ent[-1].lower_ in REGION_WORDS and len(ent) > 1
    if not region and end < len(doc) and doc[end].lower_ in REGION_WORDS | {"state"}:
        end += 1
        region = True
    while start < end - 1 and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in REGION_WORDS:
        region = True  # "the region of Dnipropetrovsk"
    return start, end, region or _beside_a_state(doc, start, end)


def _state_only(text: str) -> bool:
    """Whether a name is a state's or province's and no city's of 100,000 people."""
    cands = gz.load().lookup_key(strip_mention(text)[0])
    state = any(scoring.is_state(e) for e in cands)
    return state and not any(e.kind == "city" and e.population >= 100_000 for e in cands)


def _beside_a_state(doc: Doc, start: int, end: int) -> bool:
    """Whether a mention is listed with a state ("California or Washington", "Washington
    and Oregon"): then it is a state too, if it can be one."""
    joined = start >= 2 and doc[start - 1].lower_ in ("and", "or", ",")
    joins = end + 1 < len(doc) and doc[end].lower_ in ("and", "or")
    if not (joined or joins):
        return False
    if not any(
        scoring.is_state(e) for e in gz.load().lookup_key(strip_mention(doc[start:end].text)[0])
    ):
        return False  # "Ohio and Columbus": Columbus stays a city
    for ent in doc.ents:
        beside = (joined and ent.end == start - 1) or (joins and ent.start == end + 1)
        if beside and ent.label_ == "GPE" and _state_only(ent.text):
            return True
    return False


def _resolve_span(
    text: str, region: bool, ctx: scoring.Context
) -> tuple[GeoEntry | None, float, Precision | None]:
    key, stripped_region = strip_mention(text)
    region = region or stripped_region
    if key != normalize(text).removeprefix("the ") and normalize(text).split()[0] in DIRECTIONS:
        found = war_places.unknown(text, ctx.countries)  # "North Darfur": not Darfur
        if found[0] is not None and found[0].kind == "region":
            return found
    if is_demonym(text):  # "European", "Canadian" (not the town in Texas)
        entry = gz.demonym_place(key)
        return entry, 0.7, scoring.entry_precision(entry) if entry else None
    expanded = gz.expand_abbreviation(text)
    if expanded:  # "Wash." is the state, "L.A." the city
        key = normalize(expanded)
        region = region or expanded not in CITY_ABBREVIATIONS.values()
    if key in STOP_WORDS and not scoring.written_upper(text):  # "City of" cut short: not Of
        return None, 0.0, None
    if region and scoring.country_name(key):  # "a US state", "U.S. District Court": the country
        region = False
    scored = scoring.rank(key, ctx, region=region)
    if not scored and key.endswith(" camp"):  # "Al-Nuseirat refugee camp": Nuseirat
        scored = scoring.rank(camp_name(key), ctx)
    if not scored:  # a village, camp or division of a war zone the article is about
        found = war_places.unknown(text, ctx.countries)
        if found[0] is None and key != normalize(text).removeprefix("the "):
            found = war_places.unknown(key, ctx.countries)  # "Kibbutz Nir Oz": Nir Oz
        if found[0] is not None:
            return found
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
                after = words[i - 1] in NAMED_AFTER | FACILITY_WORDS if i else True
                if words[-1] in FACILITY_WORDS | BUILDINGS and not after:
                    continue  # "Al-Ahli al-Arabi Hospital" is not at Arabi: a building's
                    # place opens its name or follows "of" ("British Embassy Tokyo" too)
                if gz.load().salience(sub)[0] < least or gz.demonym_country(sub):
                    continue
                cand = [
                    c
                    for c in scoring.rank(sub, ctx)
                    if normalize(c[1].name) == sub and not _small_abroad(c[1], ctx)
                ]  # "the Drama Theatre" in a Ukrainian story is not in Greece
                if cand:
                    best = cand[0][1]
                    return (
                        best,
                        round(0.5 * scoring.confidence(cand), 3),
                        scoring.entry_precision(best),
                    )
    if not scored:
        return None, 0.0, None
    best = scored[0][1]
    if region and best.kind == "region" and not best.admin1:  # "Sahel region": the unit
        found = war_places.unknown(text, ctx.countries)
        if found[0] is not None and found[0].kind == "region":
            return found
    precision: Precision = scoring.entry_precision(best)
    if region and best.kind == "city":
        precision = "region"
        division = war_places.unit(text, best.country)  # "Bakhmut district" too
        if division is None and normalize(text).split()[-1] in FIRST_LEVEL_WORDS:
            division = gz.load().admin1_area(best)
        # "the Donetsk region": the division its largest town names, at its own point
        best = division or best
    return best, scoring.confidence(scored), precision


def _small_abroad(entry: GeoEntry, ctx: scoring.Context) -> bool:
    """A town under 100,000 people in a country the article does not name."""
    return entry.kind == "city" and entry.population < 100_000 and in_another(entry, ctx)


def _generic(text: str) -> bool:
    """A name made of direction and landform words ("the West Coast", "Middle East")."""
    return bool(set(normalize(text).split()) & (DIRECTIONS | GENERIC_LAND))


def _far(a: GeoEntry, b: GeoEntry) -> bool:
    return gz.distance_km(a.lat, a.lon, b.lat, b.lon) > 300


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
        city (see ``scoring.focus_city``): there a street, building or quarter the gazetteer does
        not know gets that city's position, confidence 0.2 and extractor
        ``places.fallback.v1``, and so does a street name the gazetteer places over 300 km
        from it ("Royal Street" in New Orleans is not the Royal Street of elsewhere); in an
        article with no city of its own, such a mention gets the town, county or state it
        names most, else its country (see ``scoring.focus_area``), confidence 0.1. Demonyms and
        embedded names never have ``role="location"``, so that claims and events are never
        placed at "Russian" or at the "Toronto" of a transit commission.
    """
    mentions: list[tuple[Span, int, int, bool]] = []
    persons = mostly_persons(doc)
    labels = label_counts(doc)
    for ent in joined_names(doc):
        if ent.label_ not in PLACE_LABELS and (
            division_name(ent) or in_division(doc, ent) or owned_place(doc, ent)
        ):
            ent = Span(doc, ent.start, ent.end, label="GPE")  # "Kherson Oblast" as ORG
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
        if not_a_place(doc, ent, labels):  # "Hamas", "Ukrainebegan"
            continue
        for part in name_parts(doc, ent):
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
    found[len(mentions) :] = [
        m for m in found[len(mentions) :] if m[0] == _COUNTY or not not_a_place(doc, m[4], labels)
    ]
    # Camps and divisions of war zones ("the Maghazi and Bureij camps"): their head word
    # says they are places, whatever the model's label.
    taken = {i for _, s, e, _, _ in found for i in range(s, e)}
    war = [(s, e) for s, e in war_places.spans(doc) if not taken & set(range(s, e))]
    found.extend(("GPE", s, e, False, doc[s:e]) for s, e in war)
    ctx_extra = len(found)
    inner = [("GPE", s, e, False, doc[s:e]) for s, e in inside] if embedded else []
    inner = [m for m in inner if not not_a_place(doc, m[4], labels)]
    ctx = scoring.context(doc, [m[4] for m in found[len(mentions) : ctx_extra] + inner])
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
                place = _place(ent, entry, 0.7, scoring.entry_precision(entry), True)
                out.append(replace(place, extractor=DEMONYM_EXTRACTOR))
    out = [p for p in out if p.extractor != _NO_PLACE]
    out.sort(key=lambda p: p.start)
    return out


def _country_abbreviations(doc: Doc, ctx: scoring.Context) -> list[Place]:
    """The short forms of :data:`LOCAL_ABBREVIATIONS` in an article about one of their
    countries, as places (the country or state they stand for), wherever they stand alone."""
    gaz = gz.load()
    out: list[Place] = []
    for tok in doc:
        senses = LOCAL_ABBREVIATIONS.get(tok.text, {})
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
_NO_PLACE = "no place"  # a mention that turned out to be no place (a family's name)


_Mention = Mention


def _resolve_mentions(doc: Doc, mentions: list[_Mention], ctx: scoring.Context) -> list[Place]:
    """Resolve mentions in two passes: the first finds the states/regions the article is in."""
    # A county named in a list ("Barrow and Jackson counties") is looked up as a county.
    texts = [doc[s:e].text + (" County" if lab == _COUNTY else "") for lab, s, e, _, _ in mentions]
    # A street says nothing of where the article is: "Poplar Street" may be in any town.
    keys = {
        k
        for _, s, e, _, _ in mentions
        if doc[e - 1].lower_.rstrip(".") not in STREET_WORDS
        for k in scoring.names_in(doc[s:e])
    }
    ctx = scoring.with_local_readings(ctx, keys)
    first = [_resolve_span(t, m[3], ctx) for t, m in zip(texts, mentions, strict=True)]
    resolved = [
        (strip_mention(t)[0], entry, conf)
        for t, (entry, conf, _) in zip(texts, first, strict=True)
        if entry is not None
    ]
    ctx = scoring.region_context(ctx, resolved)
    second = [_resolve_span(t, m[3], ctx) for t, m in zip(texts, mentions, strict=True)]
    decided, as_region = qualified(doc, texts, mentions, second, ctx)
    # Where the article is, with the qualifiers' readings ("Mariupol (Donetsk)" names no
    # city of Donetsk).
    where = [
        as_region.get(i) or (decided[i][0] if i in decided else r[0]) for i, r in enumerate(second)
    ]
    # An article's city and area are where it places things, not who acts ("Israel denies").
    acting = {i for i, (m, w) in enumerate(zip(mentions, where, strict=True)) if _is_actor(m[4], w)}
    # A dateline is where the reporter filed from ("WASHINGTON (Reuters) -"): no city the
    # story is about, so no place a hospital or street it names lies in.
    text = text_of(doc)
    filed = {
        i for i, (_, s, e, _, _) in enumerate(mentions)
        if dateline_at(text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
    }  # fmt: skip
    located = [None if i in acting or i in filed else w for i, w in enumerate(where)]
    focus = scoring.focus_city(located, ctx)
    area = None if focus is not None else scoring.focus_area(located, ctx)
    # Divisions and countries by the token they start at, for "Thruxton, Hampshire".
    containers = {
        m[1]: r[0]
        for m, r in zip(mentions, second, strict=True)
        if r[0] is not None
        and r[0].kind in ("region", "country")
        and own_name(doc[m[1] : m[2]], r[0])
        and (m[2] == len(doc) or doc[m[2]].ent_iob_ != "I")  # not "California State University"
    }
    # Places by the token they end at, for "Derry's Altnagelvin Hospital", and start at.
    owners = {m[2]: r[0] for m, r in zip(mentions, second, strict=True) if r[0] is not None}
    starts = {m[1]: w for m, w in zip(mentions, located, strict=True) if w is not None}
    # The war-zone regions the article is in, for names known there in another spelling.
    regions: list[WarPlace] | None = None
    placed_in: dict[str, GeoEntry] = {}  # an unknown name by where it was said to lie
    out: list[Place] = []
    for i, ((label, start, end, region, ent), (entry, conf, precision)) in enumerate(
        zip(mentions, second, strict=True)
    ):
        span = doc[start:end]
        if i in decided:  # "Hryhorivka, Donetsk", "Wad al-Noura, a village in Gezira state"
            q_entry, q_conf, q_precision, approximate = decided[i]
            place = _place(span, q_entry, q_conf, q_precision, _is_actor(ent, q_entry))
            out.append(
                replace(place, geonameid=None, extractor=FALLBACK_EXTRACTOR)
                if approximate
                else place
            )
            continue
        if i in as_region:  # "Donetsk" in "Hryhorivka, Donetsk" is the oblast
            out.append(_place(span, as_region[i], conf, "region", False))
            continue
        within = containers.get(end + 1) if end < len(doc) and doc[end].text == "," else None
        if within is None and start and doc[start - 1].text in POSSESSIVE:
            within = owners.get(start - 1)
        if within is None and entry is None and end + 1 < len(doc) and doc[end].lower_ == "in":
            # "the Nasser Hospital in Khan Younis": a place it does not know, in one it knows
            within = starts.get(end + 2 if doc[end + 1].lower_ == "the" else end + 1)
        if entry is not None and family(doc, end) and in_another(entry, ctx):
            # "the Hassan family" in a Gaza story: a family, no Indian town (dropped below)
            out.append(Place(span.text, span.start_char, span.end_char, extractor=_NO_PLACE))
            continue
        small = entry is not None and entry.kind == "city" and entry.population < 10_000
        # A hamlet in a country the article never names, while it is clearly about another.
        abroad = small and entry is not None and in_another(entry, ctx)
        if within is not None and (entry is None or abroad or not own_name(span, entry)):
            # A place the gazetteer does not know (or a hamlet abroad) in one it knows:
            # "Donington Park, Leicestershire" is in Leicestershire, not at the village of
            # Donington; "Rockingham, Northamptonshire" in an English story is not Vermont's.
            out.append(_fallback(span, within, 0.3, scoring.entry_precision(within)))
            placed_in.setdefault(span.text.lower(), within)
            continue
        if small and label == "LOC" and _generic(span.text):  # "West Coast": not a hamlet
            entry = None
        if abroad and (focus or area):  # "Heathrow" in a London story is no Florida hamlet
            entry = None
        street = span[-1].lower_.rstrip(".") in STREET_WORDS
        if street and entry is not None and focus is not None and _far(entry, focus):
            entry = None  # "Royal Street" in a New Orleans story
        if entry is None and not street and i not in as_region:
            if regions is None:
                named = [(texts[k], w) for k, w in enumerate(where) if w is not None]
                regions = war_places.units_of(named, ctx.countries)
            known = war_places.variant(texts[i], regions) if regions else None
            if known is not None:  # "Tal al-Sultan camp" in an article on Rafah
                out.append(_place(span, known, 0.5, "city", False))
                continue
        if entry is None and span.text.lower() in placed_in:  # "the hospital in X" again
            known_in = placed_in[span.text.lower()]
            out.append(_fallback(span, known_in, 0.3, scoring.entry_precision(known_in)))
            continue
        if entry is None and focus is not None and in_a_city(span, label):  # a street
            out.append(_fallback(span, focus, 0.2, "city"))
            continue
        if entry is None and area is not None:  # a court or hospital of the article's county
            out.append(_fallback(span, area, 0.1, scoring.entry_precision(area)))
            continue
        if entry is None:  # kept unresolved, with the readings it had
            cands = readings(texts[i], ctx, region=region)
            out.append(Place(span.text, span.start_char, span.end_char, confidence=0.3,
                             extractor=EXTRACTOR, candidates=cands))  # fmt: skip
            continue
        if conf < LOW_CONFIDENCE:  # a guess between namesakes far apart stays unresolved
            cands = readings(texts[i], ctx, region=region)
            if coin_flip(entry, conf, cands):
                out.append(Place(span.text, span.start_char, span.end_char, confidence=0.3,
                                 extractor=EXTRACTOR, candidates=cands))  # fmt: skip
                continue
        out.append(_place(span, entry, conf, precision, _is_actor(ent, entry)))
    return out


def _fallback(span: Span, entry: GeoEntry, conf: float, precision: Precision | None) -> Place:
    """A mention the gazetteer cannot place itself, placed at the city or division it lies
    in: an approximation, so without that place's own id."""
    place = _place(span, entry, conf, precision, False)
    return replace(place, geonameid=None, extractor=FALLBACK_EXTRACTOR)


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
    return _resolve_mentions(doc, mentions, scoring.context(doc))


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
    entry, _, precision = _resolve_span(name, region, scoring.Context(shares, {}))
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
