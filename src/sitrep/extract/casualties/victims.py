"""Who the victims of a casualty figure are: people at all, and combatants or civilians.

The words come from :mod:`~sitrep.extract.casualties.lexicon`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sitrep.extract.casualties.lexicon import (
    CAUSES,
    CIVILIAN_WORDS,
    COMBATANTS,
    FORMER,
    GENERIC,
    MILITARY_MARKS,
    NOT_PEOPLE,
    PERSON_SUFFIXES,
    PLURAL_VICTIMS,
    RANKS,
    SINGULAR_PERSON_SUFFIXES,
    SINGULAR_VICTIMS,
)
from sitrep.model import CasualtyClaim

IMPLIED_VICTIMS = "people"  # "45 were killed", "the toll rose to 45": a reader counts people


def victim_class(victims: str | None) -> str | None:
    """Whether victims are "combatant" (soldiers, guerrillas...) or "civilian", from their head.

    Args:
        victims: the victims as written ("three soldiers", "union members"), any case.

    Returns:
        "combatant", "civilian" or None when the words do not say (a name, "union members");
        "army members" and "a corporal" are combatants; a named officer ("colonel X", a
        targeted killing) and a "retired colonel" are not.
    """
    if not victims:
        return None
    words = [w for w in victims.lower().replace("-", " ").split() if w.isalpha()]
    if not words:
        return None
    if set(words) & FORMER:
        return None  # a retired general is not a combatant
    head = words[-1]
    if head in COMBATANTS or head in RANKS:
        return "combatant"
    if head in GENERIC and set(words[:-1]) & (MILITARY_MARKS | RANKS):
        return "combatant"
    if words in (["officer"], ["officers"]):
        return "combatant"  # an unnamed, unqualified officer is a military one
    if words[-1] in CIVILIAN_WORDS:
        return "civilian"
    return None


def is_victim_noun(word: str, lemma: str = "") -> bool:
    """Whether a noun (lower case) names people who can be casualties.

    Args:
        word: the noun as written, lower-cased.
        lemma: its lemma, if known.

    Returns:
        True for "civilians", "soldier", "peacekeepers", "others"; False for "hours", "homes".
    """
    if is_listed_victim(word, lemma):
        return True
    if word in NOT_PEOPLE or lemma in NOT_PEOPLE:
        return False
    return word.endswith(PERSON_SUFFIXES) and len(word) > 5  # a guess by its ending


def is_listed_victim(word: str, lemma: str = "") -> bool:
    """Whether a noun (lower case) is one the victim tables list, not one guessed by its ending:
    "one person suffered injuries" is a casualty, "two players suffered injuries" sport."""
    if word in NOT_PEOPLE or lemma in NOT_PEOPLE:
        return False
    return word in PLURAL_VICTIMS or word in SINGULAR_VICTIMS or lemma in SINGULAR_VICTIMS


def is_single_person(word: str, lemma: str = "") -> bool:
    """Whether a singular noun (lower case) names one person who can be a casualty.

    Args:
        word: the noun as written, lower-cased.
        lemma: its lemma, if known.

    Returns:
        True for "soldier", "minor", "baker", "vendor" (by its ending, a guess); False for
        "agreement", "hour", "attack".
    """
    if word in SINGULAR_VICTIMS or lemma in SINGULAR_VICTIMS:
        return True
    if word in CAUSES or word in NOT_PEOPLE or f"{word}s" in NOT_PEOPLE or len(word) < 5:
        return False
    return word.isalpha() and word.endswith(SINGULAR_PERSON_SUFFIXES)


def might_be_people(word: str, lemma: str = "") -> bool:
    """Whether a noun that sits next to a casualty cue may name people (not "hours", "homes")."""
    return word not in NOT_PEOPLE and lemma not in NOT_PEOPLE and word not in CAUSES


def with_implied_victims(claims: Sequence[CasualtyClaim]) -> list[CasualtyClaim]:
    """The claims, those that name no victims given the victims a reader takes: people.

    Run after attribution (which matches a quote's words against the victims as written).
    """
    return [c if c.victims else replace(c, victims=IMPLIED_VICTIMS) for c in claims]
