"""Event triggers: the words that name an event in a sentence, and the event type they name.

A trigger is a verb, a noun, a noun compound ("air strike") or a phrasal verb ("pull out")
of :mod:`sitrep.extract.events.types`, checked against its parse: a soft verb ("meet",
"hold") needs actors, an economic exit needs an exit cue, a denial or a verb whose object
names the event leaves the event to that word. Triggers of one PLOVER type in a sentence
merge into one, its most specific.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.extract.events.syntax import (
    ACTOR_LABELS,
    dep_child,
    phrase_name,
    prep_object,
    subject_of,
    tree_depth,
)
from sitrep.extract.events.types import (
    COMPOUND_TRIGGERS,
    EXIT_CUES,
    NOUN_TRIGGERS,
    PHRASAL_TRIGGERS,
    REPORTING,
    SOFT_VERBS,
    VERB_TRIGGERS,
    EventType,
    actor_kind,
)

VIOLENT = frozenset({"ASSAULT", "FIGHT", "COERCE"})
_NOT_LEAVERS = frozenset({"market", "economy", "sanction", "war", "invasion", "crisis", "exodus"})
DENIALS = frozenset(["deny", "refute", "dismiss", "reject"])
# the lemmas that can name an event at all: any other word is no trigger, whatever its parse
_NOUN_HEADS = frozenset(NOUN_TRIGGERS) | frozenset(head for _, head in COMPOUND_TRIGGERS)
_VERB_LEMMAS = frozenset(VERB_TRIGGERS) | frozenset(verb for verb, _ in PHRASAL_TRIGGERS)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A sentence's trigger of one PLOVER type, with the others of that type it merges."""

    token: Token
    etype: EventType
    noun: bool
    others: tuple[Token, ...] = ()  # the other triggers of the same type in the sentence


def _phrasal(tok: Token) -> EventType | None:
    lemma = tok.lemma_.lower()
    for child in tok.children:
        word = child.lemma_.lower()
        if child.dep_ in ("prt", "prep", "dobj") and (lemma, word) in PHRASAL_TRIGGERS:
            return PHRASAL_TRIGGERS[(lemma, word)]
    return None


def noun_type(tok: Token) -> EventType | None:
    """The event type a noun (or noun compound: "air strike") names, if any."""
    lemma = tok.lemma_.lower()
    if lemma not in _NOUN_HEADS:
        return None
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
    if tok.ent_type_ in ACTOR_LABELS:
        return True
    return any(t.ent_type_ in ACTOR_LABELS for t in tok.subtree) or bool(
        actor_kind(phrase_name(tok))
    )


def verb_type(tok: Token) -> EventType | None:
    """The event type a verb names in its clause, if any (soft verbs need actors)."""
    lemma = tok.lemma_.lower()
    if lemma not in _VERB_LEMMAS:
        return None
    et = _phrasal(tok) or VERB_TRIGGERS.get(lemma)
    if et is None or lemma in REPORTING:
        return None
    if lemma in SOFT_VERBS and _phrasal(tok) is None:
        subj = subject_of(tok)
        obj = dep_child(tok, ("dobj",))
        if not (_actor_like(subj) or (tok.tag_ == "VBN" and _actor_like(obj))):
            return None
        partner = obj or prep_object(tok, ("to", "with", "on", "from", "for", "against"))
        if subj is not None and subj.pos_ == "PRON" and not _actor_like(partner):
            return None  # "he asked for directions": a pronoun alone makes no actor
        if (
            lemma in ("meet", "visit", "host")
            and obj is not None
            and (not _actor_like(obj) or actor_kind(phrase_name(obj)) == "civilians")
        ):
            return None
    if et.plover == "SANCTION" and et.mode == "withdraw" and et.context == "economic":
        words = {t.lower_ for t in tok.sent}
        if not words & EXIT_CUES:
            return None
        subj = subject_of(tok)
        if subj is not None and subj.lemma_.lower() in _NOT_LEAVERS:
            return None  # "markets that have left Moscow isolated": a market exits nothing
    if lemma in DENIALS and any(trigger_type(c) for c in tok.children if c.dep_ != "nsubj"):
        return None  # "denies targeting civilians": the denied act is the event
    obj = dep_child(tok, ("dobj",))
    if lemma in SOFT_VERBS and obj is not None and obj.pos_ == "NOUN" and noun_type(obj):
        return None  # "imposed sanctions", "held talks": the noun names the event
    if lemma == "leave" and any(c.dep_ in ("xcomp", "oprd", "acomp") for c in tok.children):
        return None  # "has left Moscow isolated", "left its centre a wasteland": no exit
    if lemma == "blow" and obj is not None and obj.lower_.endswith(("self", "selves")):
        return None  # "blew himself up": the suicide attack is named by its noun
    return et


def trigger_type(tok: Token) -> EventType | None:
    """The event type a token triggers, if any."""
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
        return verb_type(tok)
    if tok.pos_ in ("NOUN", "PROPN"):
        if tok.dep_ == "compound":
            return None  # "missile strike", "meeting point": the head says what it is
        et = noun_type(tok)
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
        et = trigger_type(tok)
        if et is not None:
            out.append((tok, et))
    return out


def merge_triggers(triggers: list[tuple[Token, EventType]]) -> list[Trigger]:
    """One trigger per PLOVER type: the most specific, and the highest in the parse on ties."""
    groups: dict[str, list[tuple[Token, EventType]]] = {}
    for tok, et in triggers:
        groups.setdefault(et.plover, []).append((tok, et))
    out: list[Trigger] = []
    for group in groups.values():
        group.sort(key=lambda x: (-x[1].rank, tree_depth(x[0]), x[0].i))
        tok, et = group[0]
        others = tuple(t for t, _ in group[1:])
        out.append(Trigger(tok, et, tok.pos_ in ("NOUN", "PROPN"), others))
    return sorted(out, key=lambda t: t.token.i)
