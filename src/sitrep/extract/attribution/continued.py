"""Quotations that run on across paragraphs: one speaker for the whole.

A reporter who quotes several paragraphs leaves the quotation open at the end of each but the
last, and names the speaker once, usually where it ends. :mod:`~sitrep.extract.attribution.marks`
pairs the marks (a continuation may lack its opening mark); here the speaker named at the end
is given to the paragraphs before it; a paragraph that runs on without a speaker of its own
takes the speaker of the quotation it continues.
"""

from __future__ import annotations

from dataclasses import replace

from sitrep.extract.attribution.marks import QuoteSpan
from sitrep.model import Quote


def run_on_speakers(text: str, spans: list[QuoteSpan], out: list[Quote]) -> list[Quote]:
    """A quotation left open at the end of its paragraph runs on into the next one, whose
    cue after the closing mark names the speaker of the whole ('"We will not give up. ...¶"We
    will remember them," the mayor said.'), unless a cue on its own line introduced it
    ('The mayor said: "...')."""
    for k in range(len(out) - 2, -1, -1):
        q, nq, cont = spans[k], spans[k + 1], out[k + 1]
        gap = text[q.end : nq.open]
        if q.close != q.end or gap.strip() or "\n" not in gap:
            continue
        if cont.speaker is None or cont.speaker_start is None or cont.speaker_start < nq.close:
            continue
        own = out[k].speaker_start
        if own is not None and own >= text.rfind("\n", 0, q.open) + 1:
            continue
        out[k] = _spoken_by(out[k], cont)
    return out


def _spoken_by(q: Quote, other: Quote) -> Quote:
    """``q`` with the speaker (and its cue, date and confidence) of ``other``."""
    return replace(
        q,
        speaker=other.speaker,
        speaker_start=other.speaker_start,
        speaker_end=other.speaker_end,
        speaker_role=other.speaker_role,
        cue=other.cue,
        date=other.date,
        confidence=other.confidence,
    )


def open_runs(text: str, quotes: list[Quote]) -> list[Quote]:
    """A paragraph that a quotation left open runs on into, without a mark of its own between
    them, has that quotation's speaker when it names none ('Quote from X: "...¶...¶..."')."""
    out = list(quotes)
    for k in range(1, len(out)):
        prev, q = out[k - 1], out[k]
        gap = text[prev.end : q.start]
        if q.speaker is None and prev.speaker is not None and not gap.strip() and "\n" in gap:
            out[k] = _spoken_by(q, prev)
    return out
