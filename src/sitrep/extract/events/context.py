"""Event context: an event's flags, time, place and fatalities.

Flags tell a statement from an incident: ``negated``, ``denied``, ``hypothetical``,
``future`` and ``historical`` come from the trigger's clause. The time is the time
expression of the trigger's clauses; the place a location-role place of its clause, nearest
the trigger, a city before its country, never an actor nor a place of another event's
clause ("the city" is the city last named), else the place of the sentence's casualty
claims. Fatalities are the sentence's casualty claims.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from spacy.tokens import Doc, Span, Token

from sitrep.extract.events.syntax import (
    clause_chain,
    clause_head,
    governing_verb,
    governors,
    phrase_name,
)
from sitrep.extract.events.triggers import DENIALS
from sitrep.extract.events.types import actor_kind
from sitrep.extract.places.event_place import mention_root
from sitrep.model import CasualtyClaim, Place, PlaceRef, TimeRef

_MODALS = frozenset({"could", "might", "may", "should", "can"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "would", "'d"})  # "would": future in the past
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


def event_flags(trig: Token, noun: bool) -> list[str]:
    """The trigger's clause flags: negated, denied, hypothetical, future, historical."""
    flags: list[str] = []
    verb = (governing_verb(trig) or trig) if noun else trig
    scope = [trig, verb] if verb is not trig else [trig]
    kids = [c for t in scope for c in t.children]
    if any(c.dep_ == "neg" for c in kids) or any(
        c.lower_ in ("no", "without") for c in trig.children if c.dep_ in ("det", "prep")
    ):
        flags.append("negated")
    govs = governors(verb, 3)
    if "negated" not in flags and any(
        g.lemma_.lower() == "fail" and verb.dep_ == "xcomp" for g in govs[:1]
    ):
        flags.append("negated")  # "forces have failed to capture": it did not happen
    if any(g.lemma_.lower() in DENIALS for g in govs[:2]):
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


def time_for(
    trig: Token, sent: Span, times: list[TimeRef], other_clauses: set[int]
) -> TimeRef | None:
    """The time expression of the trigger's clauses, nearest the trigger; not one of the
    clause of another event ("joined an exodus ... since Putin ordered the Feb. 24
    invasion": Feb. 24 dates the invasion, not the exodus)."""
    doc = sent.doc
    inside = [t for t in times if sent.start_char <= t.start < sent.end_char]
    if not inside:
        return None
    chain = clause_chain(trig)
    own = {t.idx for t in trig.subtree}

    def clause_of(t: TimeRef) -> int | None:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        return clause_head(span.root).i if span is not None else None

    inside = [t for t in inside if clause_of(t) not in other_clauses - chain]
    near = [t for t in inside if any(t.start <= i < t.end for i in own)]
    mine = [t for t in inside if clause_of(t) in chain]
    pool = near or mine or inside
    if not pool:
        return None
    return min(pool, key=lambda t: abs(t.start - trig.idx))


def date_of(tref: TimeRef) -> tuple[dt.date | None, str | None]:
    """(date, period) of a time reference."""
    if "/" in tref.value or tref.type in ("DURATION", "INTERVAL"):
        return None, tref.value
    if tref.grain in ("day", "time", "hour", "minute", "part") or len(tref.value) >= 10:
        try:
            return dt.date.fromisoformat(tref.value[:10]), None
        except ValueError:
            return tref.begin, None
    return None, tref.value


def dominant_place(places: list[Place]) -> Place | None:
    """The location the article mentions most (resolved ones first; ties go to the first)."""
    locs = [p for p in places if p.role == "location"]
    if not locs:
        return None
    counts = Counter((p.name or p.text) for p in locs)
    best = max(locs, key=lambda p: (p.resolved, counts[p.name or p.text], -p.start))
    return best


PRECISION_RANK = {"point": 0, "city": 1, "region": 2, "country": 3, "continent": 4}
_ARMED = frozenset({"state forces", "rebels", "militia"})
_METONYMIC = frozenset({"nsubj", "nsubjpass", "csubj", "dobj", "dative", "attr", "oprd"})
_ANAPHORS = frozenset({"city", "town", "village", "port"})


def precision_rank(p: Place | PlaceRef) -> int:
    """How fine a place is: point 0, city 1, region 2 (or unknown), country 3."""
    return PRECISION_RANK.get(p.precision or "", 2)


def _possessor_of_actor(tok: Token) -> bool | None:
    """For a possessive place ("Moscow's forces", "Belarus' news agency"): whether what it
    owns is an armed actor; ``None`` when the place is not possessive."""
    if tok.dep_ != "poss" and not any(c.dep_ == "case" for c in tok.children):
        return None
    return actor_kind(phrase_name(tok.head)) in _ARMED or tok.head.lemma_.lower() in (
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
    return 1 if clause_head(tok).i in chain else 3


def _is_actor_mention(doc: Doc, p: Place) -> bool:
    if p.role != "location":
        return True
    tok = mention_root(doc, p)
    return tok is not None and bool(_possessor_of_actor(tok))


def named_as_actor(doc: Doc, p: Place) -> bool:
    """Whether a place mention names an actor: role "actor", a possessor of forces, or the
    subject or object of a verb ("Moscow denies", "disarm Ukraine", "Kharkiv was shelled" is
    the place struck, but it names no place beyond its own sentence's event)."""
    if _is_actor_mention(doc, p):
        return True
    tok = mention_root(doc, p)
    return tok is not None and tok.dep_ in ("nsubj", "csubj", "dobj", "dative")


def _anaphoric_place(trig: Token, chain: set[int], places: list[Place]) -> Place | None:
    """ "in the city": the city (or town, village) last named before, in the trigger's clauses."""
    doc = trig.doc
    for t in trig.sent:
        if (
            t.lemma_.lower() in _ANAPHORS
            and t.tag_ == "NN"
            and any(c.lower_ == "the" for c in t.children)
            and clause_head(t).i in chain
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


def place_for(
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
    chain = clause_chain(trig)
    cands: list[tuple[int, int, Place]] = []
    for p in places:
        if not sent.start_char <= p.start < sent.end_char:
            continue
        tok = mention_root(doc, p)
        if tok is not None and clause_head(tok).i in other_clauses - chain:
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
        c
        for c in cands
        if c[0] <= 1
        and c[2].country == best.country
        and precision_rank(c[2]) < precision_rank(best)
    ]
    if best.country and finer and precision_rank(best) >= PRECISION_RANK["country"]:
        best = min(finer, key=lambda c: (precision_rank(c[2]), c[1]))[2]
    return best


def claims_place(
    trig: Token, sent: Span, casualties: list[CasualtyClaim], place: PlaceRef | None
) -> PlaceRef | None:
    """The place of the sentence's casualty claims when the event has none, or a more
    specific one when the event has only a country that the claim's place lies in."""
    if place is not None and precision_rank(place) < PRECISION_RANK["country"]:
        return None
    refs = [
        c
        for c in casualties
        if sent.start_char <= c.evidence.start < sent.end_char
        and c.place is not None
        and (place is None or precision_rank(c.place) < PRECISION_RANK["country"])
        and (place is None or not place.country or c.place.country == place.country)
    ]
    if not refs:
        return None
    nearest = min(refs, key=lambda c: abs(c.evidence.start - trig.idx))
    return nearest.place


def casualties_for(
    trig: Token, sent: Span, casualties: list[CasualtyClaim]
) -> tuple[int | None, tuple[str, ...]]:
    """(deaths of the nearest "killed" claim, ids of all claims) in the trigger's sentence."""
    inside = [c for c in casualties if sent.start_char <= c.evidence.start < sent.end_char]
    if not inside:
        return None, ()
    killed = [
        c
        for c in inside
        if c.kind == "killed" and c.count is not None and "combined" not in c.flags
    ]  # "400 dead and wounded" is no number of deaths
    fatal = min(killed, key=lambda c: abs(c.evidence.start - trig.idx)).count if killed else None
    return fatal, tuple(c.id for c in inside)
