"""Who the victims of a casualty figure are: people at all, and combatants or civilians.

The words come from :mod:`~sitrep.extract.casualties.lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from sitrep.extract.casualties.lexicon import (
    ABBREVIATED_VICTIMS,
    AGE_WORDS,
    CAUSES,
    CIVILIAN_WORDS,
    COMBATANTS,
    FORMER,
    GENERIC,
    GROUP_SYNONYMS,
    IRREGULAR_PLURALS,
    MILITARY_MARKS,
    NOT_PEOPLE,
    PERSON_SUFFIXES,
    PLURAL_VICTIMS,
    POSSESSIVE_DETERMINERS,
    RANKS,
    SINGULAR_PERSON_SUFFIXES,
    SINGULAR_VICTIMS,
)
from sitrep.model import CasualtyClaim

IMPLIED_VICTIMS = "people"  # "45 were killed", "the toll rose to 45": a reader counts people


_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z].*$")


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
    victims = _OF_NAME.sub("", victims)  # "fighters of the Rapid Support Forces": fighters
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


def plural(noun: str) -> str:
    """A noun for people in the plural: "child" -> "children", "gunman" -> "gunmen",
    "sentry" -> "sentries", "nurse" -> "nurses"."""
    low = noun.lower()
    if low in IRREGULAR_PLURALS:
        out = IRREGULAR_PLURALS[low]
    elif low.endswith("man"):
        out = low[:-3] + "men"
    elif low.endswith(("s", "x", "z", "ch", "sh")):
        out = low + "es"
    elif low.endswith("y") and low[-2:-1] not in ("a", "e", "i", "o", "u"):
        out = low[:-1] + "ies"
    else:
        out = low + "s"
    return out.upper() if noun.isupper() and len(noun) > 1 else out


def as_group(victims: str) -> str:
    """Victims as the group a figure counts, whose head is in the plural: "a child was killed"
    counts one of the children, as "two children" counts two; names ("Oleksandr") and someone's
    own ("her mother", "Yukos' founder": one person, no group) stay as written; an abbreviated
    group is spelled out ("Ukrainian POWs" -> "Ukrainian prisoners of war") and a group's other
    names take its own ("an 11-year-old boy" -> "children", "Ukrainian troops" -> "Ukrainian
    soldiers": ``GROUP_SYNONYMS``)."""
    words = victims.split()
    full = [ABBREVIATED_VICTIMS.get(w.lower(), w) for w in words]
    if full != words:
        return " ".join(full)
    head_start = max(victims.rfind(" "), victims.rfind("-")) + 1
    head = victims[head_start:]
    low = head.lower()
    before = victims[:head_start].lower().replace("\u2019", "'").split()
    if any(w in POSSESSIVE_DETERMINERS or w.endswith(("'", "'s")) for w in before):
        return victims
    if (
        not head.isalpha()
        or (head[0].isupper() and not head.isupper())  # "Troops" in a headline, or a name
        or not is_single_person(low)
    ):
        return _group_name(victims)
    return _group_name(victims[:head_start] + plural(head))


def _group_name(victims: str) -> str:
    """The group's own name for a plural of another name (``GROUP_SYNONYMS``), without words
    of age when it becomes "children"."""
    words = victims.split()
    group = GROUP_SYNONYMS.get(words[-1].lower()) if words else None
    if group is None:
        return victims
    rest = [w for w in words[:-1] if not (group == "children" and AGE_WORDS.match(w.lower()))]
    return " ".join([*rest, group])


def with_implied_victims(claims: Sequence[CasualtyClaim]) -> list[CasualtyClaim]:
    """The claims with the victims a reader takes: a figure that names none counts people, and
    one that names a single person ("a child") counts one of that group (children).

    Run after attribution (which matches a quote's words against the victims as written).
    """
    return [
        replace(c, victims=as_group(c.victims) if c.victims else IMPLIED_VICTIMS) for c in claims
    ]
