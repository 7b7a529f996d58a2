"""The article-level pass over a document's events, in text order.

A bare killing folds into the violent event of the sentence before, an undated noun-only
mention of a dated event of the same type and place is dropped, and a violent event with no
actor takes the actor of the last event of its kind that named one.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitrep.extract.events.context import PRECISION_RANK, precision_rank
from sitrep.extract.events.triggers import VIOLENT
from sitrep.model import Event


@dataclass(slots=True)
class FoundEvent:
    """An event with what the article-level pass needs to know of its trigger."""

    event: Event
    trigger: Token
    noun: bool
    own_place: bool  # placed by its own sentence, not by the article's dominant place


_OUTCOMES = frozenset({"kill", "killing"})


def _is_outcome(f: FoundEvent) -> bool:
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


def settle_article(found: list[FoundEvent], doc: Doc) -> list[Event]:
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
    out: list[FoundEvent] = []
    for f in found:
        here = sent_no.get(f.trigger.sent.start, 0)
        prev = next(
            (
                g
                for g in reversed(out)
                if g.event.plover in VIOLENT
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
    kept: list[FoundEvent] = []
    for f in out:
        e = f.event
        if (
            f.noun
            and f.own_place
            and e.date is None
            and e.period is None
            and not e.flags
            and e.place is not None
            and precision_rank(e.place) < PRECISION_RANK["country"]
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
        if e.actor1 is None and e.plover in VIOLENT and key in last_actor:
            name, kind = last_actor[key]
            e = dataclasses.replace(e, actor1=name, actor1_kind=kind)
        elif e.actor1 is not None and e.plover in VIOLENT:
            last_actor[key] = (e.actor1, e.actor1_kind)
        events_out.append(e)
    return events_out
