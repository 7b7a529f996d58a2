"""The private people a report quotes: a reporter's own interviews, evidence of a copy.

Independent reports of one incident quote the same officials (a governor, a ministry, a
president), but seldom the same private people: a resident, a survivor or a witness speaks to
the reporter who found them. Two articles from two outlets that quote the same
``WITNESS_MIN`` (2) or more private people by name carry one reporter's story, even when one
was reworded sentence by sentence, quotations included (a machine-spun rewrite shares no
sentence and no run of words with its original, but it keeps who said what).

A speaker counts when a quotation gives a name (two or more capitalised words) and either
article gives them a private role (:data:`~sitrep.extract.attribution.lexicon.PRIVATE_ROLES`:
"a resident of Kostiantynivka", "survivor ...") and no office
(:data:`~sitrep.extract.attribution.lexicon.ROLE_WORDS`). One shared witness is not enough:
an outlet's own story that takes one paragraph of a wire story (a witness and their words)
is still its own story.

Measured on the eight readable real sets (16,633 pairs of articles, any incident): two pairs
share two private people, a machine-spun rewrite of a wire story and two reposts of it, both
annotated copies; one more pair shares one (two reposts of the story, copies by their
sentences); no other pair shares any.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from sitrep.extract.attribution.lexicon import PRIVATE_ROLES, ROLE_WORDS

WITNESS_MIN = 2
WITNESS_METHOD = f"witnesses{WITNESS_MIN}"
"""The method of a copy found by shared private speakers; its similarity is the share of the
new article's named speakers that the other quotes."""

Speakers = Mapping[str, bool]
"""A text's named speakers (a normalised name) and whether it gives each a private role."""

_WORD = re.compile(r"[\w'’.-]+")


def name_key(speaker: str | None) -> str | None:
    """A named speaker's key (lower case, words joined by one space), or None when the speaker
    is no name of two or more capitalised words ("the witness", "Zelensky", "one resident")."""
    if not speaker:
        return None
    words = _WORD.findall(speaker)
    if len(words) < 2 or not all(w[0].isupper() for w in (words[0], words[-1])):
        return None
    return " ".join(w.lower() for w in words)


def is_private(role: str | None) -> bool:
    """Whether a speaker's role makes them a private person: a private role, no office."""
    if not role:
        return False
    words = {w.lower().strip(".,;:") for w in _WORD.findall(role)}
    return bool(words & PRIVATE_ROLES) and not words & ROLE_WORDS


def speakers_of(rows: Iterable[tuple[str, str | None, str | None]]) -> dict[str, dict[str, bool]]:
    """Each article's named speakers from (article id, speaker, role) rows: a speaker is
    private in an article when any of its quotations gives them a private role."""
    out: dict[str, dict[str, bool]] = {}
    for aid, speaker, role in rows:
        key = name_key(speaker)
        if key is None:
            continue
        named = out.setdefault(aid, {})
        named[key] = named.get(key, False) or is_private(role)
    return out


def shared_witnesses(a: Speakers, b: Speakers) -> int:
    """How many private people two texts both quote (private by either text's role)."""
    return sum(1 for k, private in a.items() if k in b and (private or b[k]))


__all__ = [
    "WITNESS_METHOD",
    "WITNESS_MIN",
    "Speakers",
    "is_private",
    "name_key",
    "shared_witnesses",
    "speakers_of",
]
