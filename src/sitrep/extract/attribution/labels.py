"""Speakers a label gives rather than a cue verb.

Live blogs, transcripts and wire digests name the speaker in a label, not a sentence:

- a transcript line whose quotation opens with the speaker in capitals ('"PENCE: Well, ...');
- "Quote from X:" right before the quotation;
- "Quote:" under a "Source: X, <role>, on Telegram" line.

A surname alone ("Quote from Taburets:") grows to the fullest mention of that name earlier in
the article ("Ihor Taburets").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The cues a labelled speaker carries; a label names its speaker outright (no ranking).
LABEL_CUES = frozenset({"label", "Quote:"})
_CAPS_LABEL = re.compile(r"\s*(?P<who>[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2}):\s")
_QUOTE_FROM = re.compile(r"(?:^|\n)[ \t]*Quote from (?P<who>[^:\n]{2,60}?)\s*:\s*$", re.I)
_QUOTE = re.compile(r"(?:^|\n)[ \t]*Quote\s*:\s*$", re.I)
_SOURCE_LINE = re.compile(r"(?:^|\n)[ \t]*Sources?\s*:\s*(?P<who>[^,;(\n]{2,80})")
_VIA = re.compile(r"\s+(?:on|in|via|at)\s+\S.*$")
_NAME_WORD = r"[A-Z][\w'\u2019-]+"


@dataclass(frozen=True, slots=True)
class Label:
    """A labelled speaker: the name, and where the label names it."""

    name: str
    start: int
    end: int
    cue: str


def _fullest(text: str, name: str, before: int) -> str:
    """The longest earlier mention ending in the one-word ``name`` ("Ihor Taburets")."""
    if " " in name or not name[:1].isupper():
        return name
    pat = re.compile(rf"\b((?:{_NAME_WORD} ){{1,3}}){re.escape(name)}\b")
    best = name
    for m in pat.finditer(text, 0, before):
        full = m.group(0)
        if len(full) > len(best):
            best = full
    return best


def label_speaker(text: str, start: int, end: int) -> Label | None:
    """The speaker a label gives the quotation whose content is ``text[start:end]``.

    Args:
        text: the article text.
        start: where the quotation's content starts (after the opening mark).
        end: where it ends.

    Returns:
        The :class:`Label`, or None when no label names a speaker.
    """
    m = _CAPS_LABEL.match(text, start, end)
    if m and len(m.group("who")) >= 2:
        return Label(m.group("who"), m.start("who"), m.end("who"), "label")
    open_at = max(0, start - 1)
    before = text[max(0, open_at - 300) : open_at]
    base = open_at - len(before)
    f = _QUOTE_FROM.search(before)
    if f:
        who = f.group("who").strip()
        at = base + f.start("who")
        return Label(_fullest(text, who, at), at, at + len(who), "Quote:")
    if _QUOTE.search(before):
        lines = list(_SOURCE_LINE.finditer(before))
        src = lines[-1] if lines else None
        if src is not None:
            who = _VIA.sub("", src.group("who")).strip()
            at = base + src.start("who")
            if who:
                return Label(who, at, at + len(who), "Quote:")
    return None
