"""What a casualty figure is tied to: the :class:`Found` record and the cue words.

A cue is a word of ``CUES`` ("killed", "wounded", "hostages") or a pair of words of
``PHRASE_CUES`` ("passed away"); :func:`cue_word` gives the key a token looks up,
:func:`cue_kind` the kind of casualty a cue reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitrep.extract.casualties.lexicon import (
    CUES,
    PHRASE_CUES,
    TOLL_KINDS,
    VICTIM_OF_KINDS,
)
from sitrep.extract.casualties.numbers import Quantity
from sitrep.model import CasualtyKind


@dataclass(slots=True)
class Found:
    """A figure tied to a cue, before the sentence-level details are added."""

    kind: CasualtyKind
    q: Quantity
    num: int  # token index of the number
    cue: Token | None
    victim: tuple[int, int] | None  # token bounds of the victim noun run
    via: str  # "number-first", "cue-first", "dependency", "ellipsis", "singular", "together"
    combined: bool = False  # one figure of "dead and wounded" together, read as either kind
    part: bool = False  # a share of the figure before it ("including three girls and eight boys")


def token_at(doc: Doc, char: int) -> int | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else None


def cue_word(t: Token) -> str:
    """The key of a token in ``CUES``: its lower case, or with the next word when the two
    make a cue of two words (``PHRASE_CUES``: "passed away")."""
    second = PHRASE_CUES.get(t.lower_)
    if second is not None and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == second[0]:
        return f"{t.lower_} {second[0]}"
    return t.lower_


def is_cue(t: Token) -> bool:
    return cue_word(t) in CUES


def paired(doc: Doc, cue: Token, end: int) -> bool:
    """Whether the cue and the word after it (or before it) name the dead and the wounded
    together ("400 dead and wounded", "killed or injured", "injuries and deaths", "kills and
    wounds dozens"): one figure for both."""
    kind = CUES.get(cue_word(cue), "killed")
    if (
        cue.i + 2 < end
        and doc[cue.i + 1].lower_ in {"and", "or"}
        and {kind, CUES.get(cue_word(doc[cue.i + 2]))} == {"killed", "injured"}
    ):
        return True
    # the cue is the second of two verbs sharing the figure as object: "killed and wounded 30"
    first = cue.i - 2
    return (
        first >= cue.sent.start
        and doc[cue.i - 1].lower_ in {"and", "or"}
        and {kind, CUES.get(cue_word(doc[first]))} == {"killed", "injured"}
    )


def cue_kind(doc: Doc, cue: Token, end: int) -> CasualtyKind:
    """The kind a cue gives, "casualties" for "dead and wounded"."""
    kind = CUES.get(cue_word(cue)) or VICTIM_OF_KINDS.get(cue.lower_, "killed")
    if paired(doc, cue, end):
        return "casualties"
    if cue.lower_ == "toll" and cue.i > 0 and doc[cue.i - 1].lower_ in TOLL_KINDS:
        return "injured" if doc[cue.i - 1].lower_ == "injury" else "casualties"
    return kind


__all__ = ["Found", "cue_kind", "cue_word", "is_cue", "paired", "token_at"]
