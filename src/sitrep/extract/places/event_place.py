"""Where a reported thing happened: the event place of a claim, chosen with evidence.

A sentence names places in many roles: where the strike hit ("a strike on Vinnytsia"), who
acted ("Russia's strike", "Moscow said"), who speaks ("the Kyiv region's governor"), where a
weapon came from ("missiles from the Black Sea") and where the reporter sits ("KYIV:"). Only
the first is the event place. :func:`incident_place` finds the place an article is about (the
most specific place it names as a location, weighted towards its headline and lead), and
:func:`event_place` picks, for one claim, the most specific location the sentence itself gives,
falling back to the incident place when the sentence names none or only the country or region
that holds it. A war-wide or cumulative figure keeps its country.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from sitrep.extract.places import gazetteer as gz
from sitrep.extract.places.datelines import is_dateline
from sitrep.extract.places.gazetteer import distance_km, normalize
from sitrep.extract.places.lexicon import (
    ACTOR_VERBS,
    ANAPHOR_MOST_PEOPLE,
    ANAPHORIC_NOUNS,
    CAPTION_CREDIT,
    COMPARISON_PREPS,
    DESTINATION_PREPS,
    HARM_VERBS,
    INCIDENT_NOUNS,
    LOCAL_OFFICES,
    LOCATIVE_PREPS,
    PLACE_NOUNS,
    REFERENCE_WORDS,
    SITE_NOUNS,
    TRANSFER_VERBS,
)
from sitrep.extract.places.resolve import DEMONYM_EXTRACTOR, FALLBACK_EXTRACTOR, place_ref
from sitrep.model import Place, PlaceRef, Precision
from sitrep.nlp import text_of

# How specific a precision is: a claim takes the most specific location its sentence gives.
SPECIFICITY: dict[Precision | None, int] = {
    "point": 4,
    "city": 4,
    "region": 2,
    "country": 1,
    "continent": 0,
    None: 0,
}

# Dependency labels that attach a name to the noun it modifies ("Gaza health ministry").
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# ... and those that attach it to a site it owns or names ("El Fasher's hospital").
_OWNER_DEPS = _MODIFIER_DEPS | {"poss"}

# The weight of a mention for the article's incident place: the headline counts most, then
# the lead; a sentence with a casualty figure counts more than one without.
HEADLINE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
# A town named only as where local officials speak: a hint, below any location named.
ASIDE_WEIGHT = 0.5
BODY_WEIGHT = 1.0
LEAD_CHARS = 600
FIGURE_BONUS = 1.0
LOCATIVE_BONUS = 1.0
# A place named as a reference point ("a town near Odesa") gives way to the article's incident
# place when that lies this close to it: the incident place is where it happened.
NEAR_KM = 80.0
# How far from every place of the countries an article names a town of another country lies
# before it is abroad (a town across a disputed line is not).
ABROAD_KM = 1000.0


@dataclass(frozen=True, slots=True)
class Use:
    """How one place mention is used in its sentence."""

    place: Place
    locative: bool
    actor: bool
    dateline: bool
    aside: bool = False  # named for a speaker or a comparison: "officials in X said"
    reference: bool = False  # "near X", "outside X", "30 km from X": X is not the place


def mention_root(doc: Doc, p: Place) -> Token | None:
    """The syntactic head of the mention's tokens (the last token of a name)."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def _climb(t: Token) -> Token:
    """From a name up through the place nouns it modifies ("Kyiv" in "the Kyiv region")."""
    while t.dep_ in _MODIFIER_DEPS and t.head is not t and t.head.lower_ in PLACE_NOUNS:
        t = t.head
    return t


def _is_place_word(t: Token) -> bool:
    return t.lower_ in PLACE_NOUNS or t.ent_type_ in {"GPE", "LOC", "FAC"}


def _possessor(doc: Doc, p: Place) -> bool:
    """A name in the possessive ("Ukraine's government")."""
    t = mention_root(doc, p)
    return t is not None and _climb(t).dep_ == "poss"


def use_of(doc: Doc, p: Place) -> Use:
    """Whether a mention is a location, an actor, a modifier or a dateline in its sentence."""
    dateline = is_dateline(text_of(doc), p)
    if p.role == "actor":
        return Use(p, locative=False, actor=True, dateline=dateline)
    t = mention_root(doc, p)
    if t is None:
        return Use(p, locative=False, actor=False, dateline=dateline)
    top = _climb(t)
    while top.dep_ in {"appos", "conj"} and top.head.i != top.i:
        top = _climb(top.head)  # "the capital of Mali, Bamako"; "Moscow and Kyiv have relied"
    head = top.head
    actor = False
    if top.dep_ in _OWNER_DEPS and head is not top and head.lower_ in SITE_NOUNS:
        # "the Chaplyne train station", "El Fasher's only hospital": where it happened, if the
        # site stands after a locative preposition
        site = head
        while site.dep_ in _MODIFIER_DEPS and site.head is not site:
            site = site.head
        at_site = site.dep_ == "pobj" and site.head.lower_ in LOCATIVE_PREPS
        return Use(p, locative=at_site, actor=False, dateline=dateline, aside=_aside(top))
    if top.dep_ == "poss" and not _is_place_word(head):
        actor = True  # "Russia's strike", "the Kyiv region's governor"
    elif top.dep_ in _MODIFIER_DEPS and head is not top and head.lemma_ in INCIDENT_NOUNS:
        if p.precision == "country":
            # "a US air strike", "a Russia attack": a country names who struck, not where
            return Use(p, locative=False, actor=True, dateline=dateline)
        # "the Olenivka attack"; "the worst since the 2019 Pulwama attack": another event's
        return Use(p, locative=True, actor=False, dateline=dateline, aside=_aside(top))
    elif top.dep_ in _MODIFIER_DEPS and head is not top and not _is_place_word(head):
        if _after_preposition(doc, p) and p.precision != "country":
            # "a school compound in Gaza City housing displaced families": a name right after
            # "in" is where, whatever noun the parse hung it on
            return Use(p, locative=True, actor=False, dateline=dateline, aside=_aside(top))
        actor = True  # "the Gaza health ministry", "US-made rockets"
    elif top.dep_ in {"nsubj", "nsubjpass", "agent"}:
        # a town described ("Poltava is about 200 miles southeast of Kyiv") does nothing
        actor = not (top.dep_ == "nsubj" and head.lemma_ == "be" and _fine(p))
    locative = top.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS
    if top.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in PLACE_NOUNS:
        locative = True  # "the town of Chaplyne"
    return Use(
        p,
        locative=locative,
        actor=actor,
        dateline=dateline,
        aside=_aside(top),
        reference=_reference(top),
    )


def _after_preposition(doc: Doc, p: Place) -> bool:
    """Whether a mention follows a preposition of location ("in X"), with no determiner."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or not len(span) or span.start == 0:
        return False
    before = doc[span.start - 1]
    return before.lower_ in LOCATIVE_PREPS and before.dep_ == "prep"


def _reference(top: Token) -> bool:
    """Whether a place is named as a reference point: "near X", "close to X", "30 km from X",
    "near the port of X"."""
    if top.dep_ != "pobj":
        return False
    prep = top.head
    if prep.lower_ in REFERENCE_WORDS:
        return True
    if prep.lower_ == "of" and prep.head.lower_ in PLACE_NOUNS and prep.head is not prep:
        return _reference(prep.head)  # "near the port of Odesa"
    return prep.lower_ in {"to", "from"} and prep.head.lower_ in REFERENCE_WORDS


def _aside(t: Token, figure: Token | None = None) -> bool:
    """Whether a name stands where the speaker is ("authorities in X said", "according to
    officials in X", "a submarine in the Y fired") or in a comparison with another event
    ("the deadliest since the strike on Z"): inside the subject of a verb of saying or acting
    (not an incident's, "the attack on X claimed 20 lives", nor a local office's, "the city
    council in X said") or under a preposition of comparison that does not hold the claim's
    own figure."""
    for a in [t, *t.ancestors]:
        if a.lower_ == "according" and a.i != t.i:
            return True  # "according to officials in X": where the source is
        if a.dep_ == "prep" and _destination(a):
            return True  # "the dead were taken to a hospital in X": where they were taken
        if a.dep_ == "prep" and a.lower_ in COMPARISON_PREPS:
            return figure is None or figure.i not in {d.i for d in a.subtree}
        if a.dep_ == "nsubj" and a.head.lemma_ in ACTOR_VERBS and a.lemma_ not in INCIDENT_NOUNS:
            # the speaker's own place ("officials in X"), not a clause about them ("a man
            # who lives in X said": a witness of the place)
            own = t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.i == a.i
            return own and not any(d.lower_ in LOCAL_OFFICES for d in a.subtree)
    return False


def _destination(prep: Token) -> bool:
    """Whether a preposition of a verb that moves the harmed says where they went: "to", or a
    place after the "to" the parse hung on the verb ("transferred to Nasser Hospital in X")."""
    verb = prep.head
    if verb.lemma_.lower() not in TRANSFER_VERBS:
        return False
    return prep.lower_ in DESTINATION_PREPS or any(
        c.dep_ == "prep" and c.lower_ in DESTINATION_PREPS and c.i < prep.i for c in verb.children
    )


def _local_aside(u: Use) -> bool:
    """A town named only as where its officials speak, and no national capital."""
    p = u.place
    if not (u.aside and not u.actor and not u.dateline and p.resolved):
        return False
    if p.precision not in {"city", "village"} or not p.name:
        return False
    return not _home_capital(p)


def _office_place(doc: Doc, u: Use) -> bool:
    """A town or region named only in the name of its own office ("the Mykolaiv Regional State
    Administration", "the Kharkiv city council"): where the office governs, the incident place
    of an article that names no other; a capital's offices speak for a country."""
    p = u.place
    if u.dateline or not p.resolved or p.precision not in {"city", "village", "region"}:
        return False
    t = mention_root(doc, p)
    steps = 0
    while t is not None and t.dep_ in _OWNER_DEPS and t.head is not t and steps < 4:
        t, steps = t.head, steps + 1
        if t.lower_ in LOCAL_OFFICES:
            return p.precision == "region" or not _home_capital(p)
    return False


def _home_capital(p: Place) -> bool:
    """Whether a place's name is that of a capital of its own country (whose officials speak
    for the country, not for a town)."""
    return any(e.capital and e.country == p.country for e in gz.load().lookup(p.name or ""))


def _usable(u: Use) -> bool:
    return not u.actor and not u.dateline and not u.aside and u.place.resolved


def incident_place(
    doc: Doc, places: Iterable[Place], figure_sentences: Iterable[tuple[int, int]] = ()
) -> Place | None:
    """The place the article is about: its most specific, most weighted location.

    Each location mention (not an actor, not a dateline) adds its weight to its name: more in
    the headline (the first line) and the lead, more in a sentence that gives a figure, more
    after a locative preposition. The most specific precision tier that has any weight wins,
    so a village named once in the lead beats a country named ten times. A place the article
    names as a reference point ("a town near Odesa") gives way to a place it names within
    :data:`NEAR_KM` of it (the town, named later), or to its dateline's town when that lies
    near it (the reporter is at the scene). An article that names no other place is placed at
    its dateline.
    """
    text = text_of(doc)
    first_nl = text.find("\n")
    headline_end = first_nl if 0 < first_nl < 300 else 0
    spans = list(figure_sentences)
    weight: dict[_Key, float] = defaultdict(float)
    first: dict[_Key, Place] = {}
    referenced: set[_Key] = set()  # "a town near Odesa": the article is about another place
    datelines: list[Place] = []  # "SERHIIVKA, Ukraine -": the scene, if near the reference
    offices: list[Place] = []  # "the Mykolaiv Regional State Administration": if nothing else
    for p in places:
        if p.extractor == FALLBACK_EXTRACTOR:
            continue  # a name placed at the article's city only because it is the article's
        if _captioned(text, p.start):
            continue  # a photo caption: the picture's place, maybe of another day
        u = use_of(doc, p)
        if u.dateline and p.resolved:  # the parse often reads a dateline as a subject
            datelines.append(p)
        if _office_place(doc, u):
            offices.append(p)
        if _local_aside(u):
            # "officials in Lysychansk said one child died": local officials, at the scene
            # (a capital's are not: "officials in Kyiv said"); weighs only where nothing else does
            weight[_key(p)] += ASIDE_WEIGHT
            first.setdefault(_key(p), p)
        if not _usable(u):
            continue
        key = _key(p)
        if u.reference:
            referenced.add(key)
        w = (
            HEADLINE_WEIGHT
            if p.start < headline_end
            else LEAD_WEIGHT
            if p.start < LEAD_CHARS
            else BODY_WEIGHT
        )
        # a name in a clause describing someone ("prisoners captured after the fall of X")
        # is not where the figure of its sentence happened
        if any(lo <= p.start < hi for lo, hi in spans) and not _described(doc, p, None):
            w += FIGURE_BONUS
        if u.locative:
            w += LOCATIVE_BONUS
        weight[key] += w
        first.setdefault(key, p)
    if not weight and offices:  # only the offices that report say where: their town
        most = Counter(_key(o) for o in offices).most_common(1)[0][0]
        return next(o for o in offices if _key(o) == most)
    if not weight:  # the dateline is all the article says of where: the reporter is there
        return datelines[0] if datelines else None
    # a town of a country the article never names, in an article about another ("Singu" read
    # as a Japanese town in a story on Myanmar) is no incident place when another is at hand
    named = Counter(p.country for p in places if p.precision == "country" and p.country)
    if named and max(named.values()) >= 2:
        at_home = [p for p in places if p.country in named and p.lat is not None]
        home = [
            k
            for k in weight
            if first[k].country is None
            or first[k].country in named
            or any(_within(first[k], p, ABROAD_KM) for p in at_home)  # "Golan Heights" is SY
        ]
        weight = {k: weight[k] for k in home} or weight
    # a place named as a reference point gives way to a smaller city or village the article
    # names near it (a reference point is the better-known place)
    keys = [
        k
        for k in weight
        if k not in referenced
        or not any(
            j not in referenced and _near(first[j], first[k]) and _smaller(first[j], first[k])
            for j in weight
            if _fine(first[j])
        )
    ]
    best_tier = max(SPECIFICITY[first[k].precision] for k in keys)
    tier = [k for k in keys if SPECIFICITY[first[k].precision] == best_tier]
    key = max(tier, key=lambda k: (weight[k], -first[k].start))
    if key in referenced:
        scene = [
            d for d in datelines if SPECIFICITY[d.precision] >= best_tier and _near(d, first[key])
        ]
        if scene:
            return scene[0]
    return first[key]


_Key = tuple[str, str | None]


def _key(p: Place) -> _Key:
    """What the weights of :func:`incident_place` add up under: a name at its precision, so
    "the Lugansk region" lends no weight to the city of Lugansk, 100 km from the town the
    article is about."""
    return (p.name or p.text, p.precision)


def _inside(inner: Place, outer: Place) -> bool:
    """Whether ``outer`` (a country or region) plausibly holds ``inner``."""
    if inner.country is None or inner.country != outer.country:
        return False
    return SPECIFICITY[inner.precision] > SPECIFICITY[outer.precision]


def event_place(
    doc: Doc,
    sent: Span,
    at: int,
    places: list[Place],
    incident: Place | None,
    *,
    scope: str = "incident",
) -> PlaceRef | None:
    """The place of a claim whose figure stands at ``at`` in ``sent``.

    Args:
        doc: the parse the places' offsets refer to.
        sent: the claim's sentence.
        at: the character offset of the figure.
        places: every place mention of the article.
        incident: the article's incident place (:func:`incident_place`).
        scope: the claim's scope; a cumulative or war-wide figure is placed in its country.
    """
    uses = [use_of(doc, p) for p in places if sent.start_char <= p.start < sent.end_char]
    local = [u for u in uses if _usable(u)]
    asides = [u for u in uses if u.aside and _usable(replace(u, aside=False))]
    if scope in {"cumulative", "war-wide"} and not any(
        t.lemma_.lower() in INCIDENT_NOUNS for t in sent
    ):
        # A running total with no incident in its sentence ("has killed more than 2,000
        # civilians") is placed where the sentence says, at most a country; a country named as
        # a possessor still counts ("overthrowing Ukraine's government"), a demonym does not.
        named = [
            p
            for p in places
            if sent.start_char <= p.start < sent.end_char
            and p.precision == "country"
            and p.resolved
            and p.extractor != DEMONYM_EXTRACTOR
        ]
        located = {u.place.start for u in local}
        # Where the sentence puts it ("in Ukraine") before a country it names otherwise.
        countries = [p for p in named if p.start in located] or [
            p for p in named if _possessor(doc, p)
        ]
        specific = [u for u in local if SPECIFICITY[u.place.precision] > 1]
        if not specific and countries:
            return place_ref(min(countries, key=lambda p: abs(p.start - at)))
    figure = _token_at(doc, at)
    if incident is not None:
        # A name the sentence gives only in passing (not where a thing happened, or in a
        # clause that describes someone: "captured after the fall of X", "defenders of Y
        # who were evacuated") does not outrank the article's own incident place.
        tier = SPECIFICITY[incident.precision]
        local = [
            u
            for u in local
            if SPECIFICITY[u.place.precision] > tier
            or (u.locative and not _described(doc, u.place, figure))
        ]
    local += [  # the other event a comparison holds the figure of ("since X, where 50 died")
        u
        for u in asides
        if (root := mention_root(doc, u.place)) is not None and not _aside(_climb(root), figure)
    ]
    if local:
        best = max(
            local,
            key=lambda u: (
                SPECIFICITY[u.place.precision] + (LOCATIVE_BONUS if u.locative else 0.0),
                -_tree_distance(figure, mention_root(doc, u.place)),
                -abs(u.place.start - at),
            ),
        )
        if incident is not None and (
            _inside(incident, best.place) or (best.reference and _near(incident, best.place))
        ):
            return place_ref(incident)
        return place_ref(best.place)
    back = _anaphor(sent, places)
    if back is not None:  # "the country" that holds the incident place: the incident place
        return place_ref(incident if incident is not None and _inside(incident, back) else back)
    before = _that_incident(doc, sent, places)
    if before is not None:  # "17 were killed in that strike alone": the strike just told of
        return place_ref(before)
    return place_ref(incident) if incident is not None else None


def _near(incident: Place, reference: Place) -> bool:
    """Whether the incident place is another place within :data:`NEAR_KM` of a reference."""
    return incident.name != reference.name and _within(incident, reference, NEAR_KM)


def _smaller(a: Place, b: Place) -> bool:
    """Whether the gazetteer gives ``a`` fewer people than ``b`` (unknown counts as none)."""
    return _population(a) < _population(b)


def _population(p: Place) -> int:
    """The people the gazetteer gives the place's name (-1 when it does not know it)."""
    return gz.load().salience(normalize(p.name or p.text))[0]


def _captioned(text: str, at: int) -> bool:
    """Whether the line holding character ``at`` is a photo caption (it carries a credit)."""
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    return CAPTION_CREDIT.search(text, lo, hi if hi >= 0 else len(text)) is not None


def _within(a: Place, b: Place, km: float) -> bool:
    """Whether two resolved mentions lie within ``km`` of each other."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= km


def _fine(p: Place) -> bool:
    """A town, village or point: finer than a region."""
    return SPECIFICITY[p.precision] >= SPECIFICITY["city"]


def _that_incident(doc: Doc, sent: Span, places: list[Place]) -> Place | None:
    """The place of the incident a demonstrative points back to ("in that strike", "this
    massacre"): the last town or village the previous sentence names as a location."""
    if not any(
        t.lemma_.lower() in INCIDENT_NOUNS and any(c.lower_ in ("that", "this") for c in t.children)
        for t in sent
    ):
        return None
    start = sent.start
    if start == 0:
        return None
    prev = doc[start - 1].sent
    located = [
        u.place
        for u in (use_of(doc, p) for p in places if prev.start_char <= p.start < prev.end_char)
        if _usable(u) and u.locative and _fine(u.place)
    ]
    return located[-1] if located else None


# Clauses that describe a noun rather than say what happened ("who were evacuated",
# "captured after the fall of X"): a place in one is not the figure's.
_DESCRIBING_DEPS = frozenset({"relcl", "acl"})


def _described(doc: Doc, p: Place, figure: Token | None) -> bool:
    """Whether a mention sits in a relative or participial clause that does not hold the
    figure ("50 POWs, many of whom were defenders of the plant in X")."""
    t = mention_root(doc, p)
    if t is None:
        return False
    held = set() if figure is None else {a.i for a in figure.ancestors} | {figure.i}
    for a in [t, *t.ancestors]:
        if a.i in held:
            return False
        if a.dep_ in _DESCRIBING_DEPS and a.lemma_.lower() not in HARM_VERBS:
            return figure is None or figure.i not in {d.i for d in a.subtree}
    return False


def _token_at(doc: Doc, at: int) -> Token | None:
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _tree_distance(a: Token | None, b: Token | None) -> int:
    """Edges between two tokens in the parse: in "10 dead in Uman and two others in Dnipro"
    the place of "two" is the one attached nearest to it (a large number when unknown)."""
    if a is None or b is None:
        return _FAR_IN_TREE
    up = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in up:
            return n + up[t.i]
    return _FAR_IN_TREE


_FAR_IN_TREE = 1000


def _fits(noun: str, p: Place) -> bool:
    """Whether a place is small enough for the noun that points back to it ("the village")."""
    most = ANAPHOR_MOST_PEOPLE.get(noun)
    if most is None:
        return True
    return _population(p) < most


def _anaphor(sent: Span, places: list[Place]) -> Place | None:
    """The place "the city" or "the town" points back to: the last such place named before
    it, earlier in its own sentence or before."""
    for t in sent:
        if (
            t.lower_ in ANAPHORIC_NOUNS
            and any(c.lower_ == "the" for c in t.children)
            and not any(c.dep_ in {"compound", "poss", "prep"} for c in t.children)
        ):
            tier = ANAPHORIC_NOUNS[t.lower_]
            before = [
                p
                for p in places
                if p.start < t.idx  # named before, in this sentence too ("Bucha's mayor ...
                and p.resolved  # found in the city")
                and p.role == "location"
                and p.precision in tier
                and _fits(t.lower_, p)
            ]
            if before:  # where things happened before a point of reference ("the capital")
                located = [p for p in before if use_of(sent.doc, p).locative]
                return (located or before)[-1]
    return None
