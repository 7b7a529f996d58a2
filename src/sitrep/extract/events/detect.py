"""Events: who did what to whom, where and when, typed in PLOVER and ACLED terms.

Each sentence is searched for trigger words (verbs, nouns, noun compounds such as "air strike"
and phrasal verbs such as "pull out") from :mod:`sitrep.extract.events.types`. Triggers of one
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

from spacy.tokens import Doc, Span

from sitrep.extract.events.article import FoundEvent, settle_article
from sitrep.extract.events.context import (
    casualties_for,
    claims_place,
    date_of,
    dominant_place,
    event_flags,
    named_as_actor,
    place_for,
    time_for,
)
from sitrep.extract.events.participants import acled_retype, actor_name, named_actor, participants
from sitrep.extract.events.syntax import clause_head, phrase_name, tree_depth
from sitrep.extract.events.triggers import (
    VIOLENT,
    Trigger,
    find_triggers,
    merge_triggers,
    trigger_type,
)
from sitrep.extract.events.types import REMOTE, EventType
from sitrep.extract.places import place_ref
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

__all__ = ["EXTRACTOR", "dominant_place", "events", "find_triggers", "main_event"]

EXTRACTOR = "events.v1"

_NO_FALLBACK = frozenset({"generic", "historical", "summary", "denied", "negated", "hypothetical"})
_AIRCRAFT = ("warplane", "jet", "aircraft", "drone", "helicopter", "bomber", "air force")


def _event(
    trig: Trigger,
    sent: Span,
    *,
    article: Article,
    places: list[Place],
    times: list[TimeRef],
    casualties: list[CasualtyClaim],
    fallback: Place | None,
    other_clauses: set[int],
) -> FoundEvent:
    """The event of a merged trigger: its participants, type, flags, time, place, deaths."""
    tok, et = trig.token, trig.etype
    a1, a2, tgt = participants(tok, trig.noun, et)
    if tgt is not None and trigger_type(tgt) is not None:
        tgt = None  # "held talks": the object is the event, not its target
    for other in sorted(trig.others, key=lambda t: t.i):  # "by shelling and air strikes"
        o1, o2, ot = participants(other, other.pos_ in ("NOUN", "PROPN"), et)
        if (
            et.plover == "FIGHT"
            and a1 is not None
            and a2 is None
            and o1 is not None
            and actor_name(o1)[0] not in (None, actor_name(a1)[0])
        ):
            a2 = o1  # a clash has two sides: "they were fighting in Kherson, which Russia
            continue  # claims to have seized"
        a1, a2, tgt = a1 or o1, a2 or o2, tgt or ot
    actor1, kind1 = actor_name(a1)
    actor2, kind2 = actor_name(a2)
    if (
        et.plover == "ASSAULT"
        and a1 is not None
        and et.mode in (None, "heavy-weapons")
        and any(w in phrase_name(a1).lower() for w in _AIRCRAFT)
    ):  # "warplanes struck": an air strike whatever the verb
        et = EventType("ASSAULT", REMOTE, "Air/drone strike", "aerial", et.context, et.rank)
    et = acled_retype(et, a1, tgt, kind1)
    target = named_actor(tgt)[0] if tgt is not None else None
    flags = event_flags(tok, trig.noun)
    tref = time_for(tok, sent, times, other_clauses)
    date, period = date_of(tref) if tref else (None, None)
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
    violent = et.plover in VIOLENT
    in_sent = [c for c in casualties if sent.start_char <= c.evidence.start < sent.end_char]
    own = place_for(tok, sent, places, other_clauses, {tok.i, *(o.i for o in trig.others)})
    ref = place_ref(own) if own else None
    ref = (claims_place(tok, sent, in_sent, ref) if violent else None) or ref
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
    use_fallback = (et.plover in VIOLENT or et.plover == "CONSULT") and not (
        _NO_FALLBACK & set(flags)
    )  # background, tolls and statements are not where the article's news happened
    if ref is None and fallback is not None and use_fallback:
        placed: PlaceRef | None = place_ref(fallback)
    else:
        placed = ref
    fatalities, cids = casualties_for(tok, sent, casualties) if violent else (None, ())
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
    return FoundEvent(event, tok, trig.noun, own is not None)


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
                    depth = min(depth, tree_depth(tok) - tree_depth(span.root))
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
    fallback = dominant_place([p for p in places if not named_as_actor(doc, p)])
    found: list[FoundEvent] = []
    for sent in doc.sents:
        trigs = merge_triggers(find_triggers(sent))
        clauses = {clause_head(t.token).i for t in trigs}
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
                    other_clauses=clauses - {clause_head(trig.token).i},
                )
            )
    return settle_article(found, doc)
