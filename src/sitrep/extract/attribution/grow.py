"""Speaker phrases grown to how the article names the speaker, and the token at a character.

Used by :mod:`sitrep.extract.attribution.settle` once a quotation has a speaker: a name cut
inside ("Medical charity Doctors") grows to the whole name, and an unresolved description
that names itself by its agent ("the group led by X") keeps that clause. At the end, a
quotation whose speaker is a finding with no finder loses it, and one with none that the
article repeats with a speaker (a headline quoting the body) takes that speaker.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from sitrep.extract.attribution.governs import no_finder
from sitrep.extract.attribution.phrase import source_phrase
from sitrep.model import Quote


def token_at(doc: Doc, pos: int) -> Token | None:
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def described_by_agent(doc: Doc, q: Quote, text: str) -> Quote:
    """An unresolved description that names itself by its agent ("the group led by X said")
    grown to take in that participle clause: it is how the article identifies the speaker."""
    if q.speaker_start is None or q.speaker_end is None:
        return q
    head = token_at(doc, q.speaker_end - 1)
    acl = next(
        (
            c
            for c in (head.rights if head is not None else ())
            if c.dep_ == "acl" and any(g.dep_ == "agent" for g in c.children)
        ),
        None,
    )
    if acl is None or acl.right_edge.idx >= q.start - 1:
        return q
    end = acl.right_edge.idx + len(acl.right_edge)
    return replace(q, speaker=text[q.speaker_start : end], speaker_end=end)


_ARTICLES = frozenset({"the", "a", "an"})


def grow_speaker(doc: Doc, q: Quote, text: str) -> Quote:
    """A speaker cut inside a name ("Medical charity Doctors") grown to the whole name."""
    if q.speaker_start is None or q.speaker_end is None or q.speaker is None:
        return q
    tok = token_at(doc, q.speaker_end - 1)
    if tok is None:
        return q
    phrase = source_phrase(tok, text=text)
    # the phrase leaves out the article the speaker span opens with ("the head ...")
    lead = text[q.speaker_start : phrase.start].strip().lower() if phrase is not None else ""
    opens = phrase is not None and (phrase.start <= q.speaker_start or lead in _ARTICLES)
    if (
        phrase is None
        or phrase.kind == "pronoun"
        or not (opens and q.speaker_end < phrase.end)
        or phrase.end > q.start - 1 >= q.speaker_end
    ):
        return q
    person = phrase.kind == "person" and tok.ent_type_ == "PERSON"
    return replace(q, speaker=phrase.name if person else phrase.text, speaker_end=phrase.end)


def repeated_speakers(doc: Doc, quotes: list[Quote]) -> list[Quote]:
    """A quotation whose speaker is a finding with no finder ('evidence shows: "..."') has
    none; one with none that the article gives again with a speaker (a headline quoting the
    body) takes that speaker."""
    quotes = [
        replace(q, speaker=None, speaker_start=None, speaker_end=None, speaker_role=None)
        if q.speaker_end is not None and _no_finder_at(doc, q.speaker_end - 1)
        else q
        for q in quotes
    ]
    said = [q for q in quotes if q.speaker is not None]
    out: list[Quote] = []
    for q in quotes:
        words = _words(q.text)
        if q.speaker is None and len(words.split()) >= 4:
            same = next((s for s in said if words in _words(s.text)), None)
            if same is not None:
                q = replace(
                    q,
                    speaker=same.speaker,
                    speaker_start=same.speaker_start,
                    speaker_end=same.speaker_end,
                    speaker_role=same.speaker_role,
                )
        out.append(q)
    return out


def _no_finder_at(doc: Doc, pos: int) -> bool:
    head = token_at(doc, pos)
    return head is not None and no_finder(head)


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


__all__ = ["described_by_agent", "grow_speaker", "repeated_speakers", "token_at"]
