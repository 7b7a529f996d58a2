"""Sources a headline or a one-line statement names at its end or start.

"... - regional governor", "..., says acting mayor", "UN reports 400,000 fled": the parse
of such a line rarely finds the source, its shape does.
"""

from __future__ import annotations

import re

from sitrep.extract.attribution.lexicon import (
    ADJUNCT_OPENERS,
    GROUP_WORDS,
    MEDIA_TAGS,
    ORGANISATION_WORDS,
    PERSON_HEADS,
    RELATIVE,
    ROLE_WORDS,
    SPEAKER_PRONOUNS,
    VICTIM_HEADS,
)

# "... - regional governor" / "..., says acting mayor" at the end of a headline or sentence
TAIL_DASH = re.compile(
    r"\s[-\u2013\u2014]\s+(?P<src>[^-\u2013\u2014.!?\n\"\u201c\u201d]{3,60}?)\.?\s*$"
)
TAIL_SAYS = re.compile(
    r",\s+(?:says|said|claims|reports)\s+"
    # "..., reports said on Saturday": "reports" is the source, what follows its verb no name
    r"(?!(?:said|says|say|claimed|reported|stated|added|confirmed|announced|wrote)\b)"
    r"(?P<src>[^,.!?\n\"\u201c\u201d]{3,60}?)\.?\s*$",
    re.I,
)
# "..., local activist reports." / "..., officials say" / "..., director of the hospital Ali
# Hamad confirmed." / "..., the head of the OVA, Vyacheslav Chaus, said.": the source before the
# verb at the end (never a relative clause: "which the ministry confirmed" is no source)
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
TAIL_SOURCE_SAYS = re.compile(
    r",\s+(?!(?:which|who|whom|that|as|and|but|what|while)\s)"
    r"(?P<src>(?:[\w'\u2019.-]+\s+){0,6}[\w'\u2019.-]+),?\s+"
    r"(?:says|said|say|reports|reported|claims|claimed|confirms|confirmed|added|stated|wrote|"
    r"announced)"
    r"(?:\s+(?:on\s+)?(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
    r"yesterday|tonight|earlier|later)"  # "..., the region's governor said Tuesday."
    rf"|\s+on\s+(?i:{_MONTHS})\s+\d{{1,2}}|\s+on\s+\d{{1,2}}\s+(?i:{_MONTHS})"  # "on April 14"
    r"|\s+(?i:on|in\s+a\s+post\s+on)\s+(?i:telegram|facebook|twitter|x|instagram)"  # "on Telegram"
    r"|\s+(?i:in\s+a\s+statement))?"
    r"(?:,\s+[a-z]+ing\b[^,.;:!?\n]{0,60})?\.?\s*$"  # "..., activists reported, revising ..."
)
# "US airstrike kills 68 migrants in Yemen: Houthis" / "...: officials": a headline that
# ends in its source after a colon (a headline: no sentence end, at most HEADLINE_WORDS words)
TAIL_COLON = re.compile(r":\s+(?P<src>[\w'\u2019.-]+(?:\s+[\w'\u2019.-]+){0,3})\s*$")
HEADLINE_WORDS = 20
_SOURCE_HEADS = GROUP_WORDS | PERSON_HEADS | ROLE_WORDS | ORGANISATION_WORDS
# "... Sincere condolences - he wrote on Telegram.": a post quoted without quotation marks,
# its author after a dash at the end of its paragraph
DASH_SAYS = re.compile(
    r"\s[-\u2013\u2014]+\s*(?P<src>(?:he|she|they|[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){0,3}))"
    r"\s+(?:said|says|wrote|writes|added|noted|reported|stated|posted)\b[^.!?\n\"\u201c\u201d]{0,40}\.?\s*$"
)
HEAD_SAYS = re.compile(
    r"^[\s\u2022\u00b7*-]*(?P<src>(?:[A-Z][\w.'\u2019-]*\s+){0,3}?[A-Z][\w.'\u2019-]*)\s+"
    r"(?:reports|says|confirms|claims)\b(?!\s+(?:that\s+)?(?:he|she|it|they)\b)",
    re.M,
)


# Words between a tail source and its verb that are no part of the source ("X has said").
TRAILING_AUXILIARIES = frozenset({"has", "have", "had", "also", "later", "earlier"})


def tail_source(line: str) -> str | None:
    """The source a headline or short sentence ends with ("... - regional governor") or opens
    with ("UN reports 400,000 fled ...")."""
    for pat in (TAIL_DASH, TAIL_SAYS, TAIL_SOURCE_SAYS, HEAD_SAYS, TAIL_COLON):
        if pat is TAIL_COLON and not _headline_source(line):
            continue
        m = pat.search(line)
        if m:
            src = m.group("src").strip()
            words = src.split()
            while len(words) > 1 and words[-1].lower() in TRAILING_AUXILIARIES:
                words.pop()  # "..., President Volodymyr Zelenskiy has said."
            src = " ".join(words)
            if (
                src.lower() in SPEAKER_PRONOUNS
                or (words and words[0].lower() in ADJUNCT_OPENERS)
                or (words and words[0].lower() in RELATIVE)
                or all(w.strip(",").lower() in MEDIA_TAGS for w in words)
                or all(w.strip(",.").lower() in VICTIM_HEADS for w in words)  # "12 - injured"
            ):
                continue  # a pronoun, "— at the camp" (a place, its verb left out), "– photos"
            if 1 <= len(words) <= 7 and not any(w[:1].isdigit() for w in words):
                return src
    return None


def _headline_source(line: str) -> bool:
    """Whether a line is a headline whose words after a final colon may be its source: no
    sentence end, few words, and after the colon a name or a body of people ("Houthis",
    "officials"), never a page tag ("photos") or a figure."""
    m = TAIL_COLON.search(line)
    if m is None or len(line.split()) > HEADLINE_WORDS or line.rstrip()[-1:] in '.!?"\u201d':
        return False
    words = m.group("src").split()
    if any(w.lower() in MEDIA_TAGS or w[:1].isdigit() for w in words):
        return False  # "...: photos", "...: what we know", "...: 12 killed"
    # a name, or a body of people or an office by its head word ("regional governor")
    return all(w[:1].isupper() for w in words) or words[-1].lower() in _SOURCE_HEADS


def line_of(text: str, start: int, end: int) -> str:
    """The whole line of ``text`` that holds [start, end)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return text[lo : hi if hi >= 0 else len(text)]


__all__ = [
    "DASH_SAYS",
    "HEAD_SAYS",
    "TAIL_COLON",
    "TAIL_DASH",
    "TAIL_SAYS",
    "TAIL_SOURCE_SAYS",
    "line_of",
    "tail_source",
]
