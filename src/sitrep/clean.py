"""Residue removal for already-scraped text: navigation lines, teasers, repeated leads.

Nothing is dropped silently: every removed line is returned with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from sitrep.model import Removed

# Lines that are site furniture, not reporting. Matched against the whole stripped line.
_NAV_PATTERNS = [
    r"don'?t miss",
    r"most (?:read|popular|viewed|shared)",
    r"trending(?: now)?(?: on [\w .&'-]{2,40})?",
    r"(?:read|see) (?:more|also)(?::.*)?",
    r"related(?: (?:articles|stories|topics|content|news))?",
    r"more (?:from|on) [\w .&'-]{2,40}",
    r"(?:latest|top|breaking) (?:news|stories)",
    r"advertisement|sponsored(?: content)?|promoted(?: stories)?",
    r"share(?: this)?(?: article| story)?|share on (?:facebook|twitter|whatsapp|x)",
    r"(?:sign up|subscribe)(?: (?:to|for) .{0,60})?",
    r"follow us(?: on .{0,40})?",
    r"click here.{0,60}",
    r"(?:comments?|\d+ comments?)",
    r"(?:image|photo|picture)(?: credit)?:.{0,120}",
    r"(?:getty images|reuters|ap|afp|pa)(?: images)?",
    r"(?:skip to (?:main )?content|back to top|cookie (?:policy|settings)|accept cookies)",
    r"watch(?: live)?|listen(?: live)?|live",
    r"you may (?:also )?like|recommended(?: for you)?|editor'?s picks?",
]
_NAV = re.compile(r"^(?:" + "|".join(_NAV_PATTERNS) + r")[\s.:!]*$", re.IGNORECASE)
_OUTLET_FROM_NAV = re.compile(
    r"^(?:trending|more|latest|top stories|most read) (?:on|from) (?P<outlet>[\w .&'-]{2,40}?)\s*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
# Labels of links to other stories: the headline lines right after them are teasers.
_TEASER_LABEL = re.compile(
    r"^(?:(?:read|see) (?:more|also)|related(?: (?:articles|stories|news))?|"
    r"you may (?:also )?like|recommended(?: for you)?)[\s.:!]*$",
    re.IGNORECASE,
)
TEASER_MAX_WORDS = 20
"""The longest line taken for a linked headline after a teaser label."""
TEASER_MAX_LINES = 3
"""How many headline lines in a row a teaser label may introduce."""
# Number words a figure may be written in ("one person killed", "five dead").
# fmt: off
_NUMBER_WORDS = frozenset((
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen", "dozens",
))
# fmt: on
_SENTENCE_END = re.compile(r"[.!?\"\u201d\u2019')\]]\s*$")


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The text with residue removed, what was removed, and an outlet hint if one was seen."""

    text: str
    removed: tuple[Removed, ...]
    outlet_hint: str | None


def _tokens(s: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(s)]


# Labels that open a line of attribution, not a lead ("Source: X, <role>, on Telegram"): such a
# line names people the body names again, and repeats nothing.
REPORT_LABELS = ("source", "sources", "quote", "quote from", "details", "background")
_REPORT_LABEL = re.compile(r"^\s*(?:" + "|".join(REPORT_LABELS) + r")\b[^:\n]{0,40}:", re.I)


def _repeats_body(line: str, body: list[str]) -> bool:
    """True when ``line`` repeats a run of a later paragraph (a lead or standfirst).

    A repeat is a shared run of at least 8 words, or of half the line's words when shorter, and
    of at least a quarter of its words: a long paragraph that shares one phrase with a later
    one (a tweet quoting its first sentence) is reporting, not a standfirst.
    """
    toks = _tokens(line)
    if len(toks) < 6 or _REPORT_LABEL.match(line):
        return False
    # a lead dropped must lose no figure: each of its numbers is in the body too (a lead that
    # only shares a long title with the body, "the Head of the ... Regional Military
    # Administration, X", is reporting of its own)
    later = {w for para in body for w in _tokens(para)}
    if any(w.isdigit() and w not in later for w in toks):
        return False
    need = max(min(8, max(6, len(toks) // 2)), len(toks) // 4)
    figures = [i for i, w in enumerate(toks) if w.isdigit() or w in _NUMBER_WORDS]
    for para in body:
        ptoks = _tokens(para)
        match = SequenceMatcher(None, toks, ptoks, autojunk=False).find_longest_match(
            0, len(toks), 0, len(ptoks)
        )
        # and the body repeats its figures in the same words: a headline that shares its
        # opening with the lede but gives its own figure ("Death toll in X rises to 31")
        # is reporting of its own
        if match.size >= need and all(match.a <= i < match.a + match.size for i in figures):
            return True
    return False


def _headline(line: str) -> bool:
    """A linked story's headline: short, and no sentence end."""
    return len(_tokens(line)) <= TEASER_MAX_WORDS and not _SENTENCE_END.search(line)


def clean_text(text: str) -> Cleaned:
    """Remove navigation/teaser lines and a lead line that repeats the body.

    Args:
        text: scraped article text, one paragraph or menu item per line.

    Returns:
        The cleaned text (kept lines joined by newlines), the removed lines with their reasons,
        and the outlet named by residue such as "Trending on GB News", if any.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    removed: list[Removed] = []
    kept: list[tuple[int, str]] = []
    outlet: str | None = None
    teasers = 0  # headline lines still to take after a teaser label ("Read also:")
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            kept.append((i, raw))
            continue
        if _NAV.match(line):
            m = _OUTLET_FROM_NAV.match(line)
            if m and outlet is None:
                outlet = m.group("outlet").strip()
            removed.append(Removed(text=line, reason="navigation", line=i + 1))
            teasers = TEASER_MAX_LINES if _TEASER_LABEL.match(line) else 0
            continue
        if teasers and _headline(line):
            removed.append(Removed(text=line, reason="teaser", line=i + 1))
            teasers -= 1
            continue
        teasers = 0
        kept.append((i, raw))
    # a lead/standfirst line that repeats a sentence of the body (only among the first lines)
    nonblank = [(k, i, raw) for k, (i, raw) in enumerate(kept) if raw.strip()]
    drop: set[int] = set()
    for pos, (k, i, raw) in enumerate(nonblank[:2]):
        later = [r for _, _, r in nonblank[pos + 1 :]]
        if later and _repeats_body(raw, later):
            drop.add(k)
            removed.append(Removed(text=raw.strip(), reason="repeated lead", line=i + 1))
    out_lines = [raw for k, (_, raw) in enumerate(kept) if k not in drop]
    cleaned = "\n".join(out_lines).strip("\n")
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned)
    removed.sort(key=lambda r: r.line)
    return Cleaned(
        text=cleaned + "\n" if cleaned else "", removed=tuple(removed), outlet_hint=outlet
    )
