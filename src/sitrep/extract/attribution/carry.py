"""The source of a figure whose own sentence names none, from the sentences beside it.

Reporters attribute once and then go on: "The State Emergency Service reported 21 killed. 52
people have been hospitalized." Or they give the figure first and say who reported it next:
"The death toll has risen to 35. This was reported by the regional prosecutor's office." Two
rules, both over the parse only:

- a sentence after it says who reported *this* (a cue verb whose object or passive subject is
  "this", "that" or "it": "This was reported by X", "X said this", "X reported it", "This is
  stated in the report of X") -> X; it may sum up the whole paragraph before it, so up to
  :data:`AHEAD` sentences are read, stopping at one that names a source of its own;
- otherwise the source of the last attributed casualty figure in the preceding sentences of the
  same stretch (at most :data:`BACK` sentences, no blank line between) carries on, when the
  figure is of the same scope and has no other date.

Besides: a line of a list takes the source of the "X reported:" line that opens the list
(:func:`list_source`), and a figure reported impersonally ("It was reported that ...") takes no
neighbour's source (:func:`impersonal`).
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from sitrep.extract.attribution.coref import Antecedents
from sitrep.extract.attribution.cues import attribute
from sitrep.extract.attribution.headlines import TAIL_SOURCE_SAYS
from sitrep.extract.attribution.lexicon import (
    ADDITIVE_OPENERS,
    ANAPHORIC_CONTENT,
    ANAPHORIC_DETERMINERS,
    ANAPHORIC_NOUNS,
    BYLINE_WORDS,
    CHANNELS,
    CONTINUING,
    CUE_STANCE,
    IMPERSONAL_CUES,
    ISSUED_DOCUMENTS,
    ORGANISATION_WORDS,
    SOURCE_CUES,
    STATED_IN,
)
from sitrep.extract.attribution.phrase import SourcePhrase, source_phrase
from sitrep.model import DENYING_STANCES, CasualtyClaim

# How many sentences back a source carries on.
BACK = 2
# How many sentences ahead a "This was reported by X" may sum up the figure's.
AHEAD = 2


def _named(phrase: SourcePhrase | None) -> str | None:
    if phrase is None or phrase.kind == "pronoun":
        return None
    return phrase.name if phrase.kind == "person" else phrase.text


def _this_source(sent: Span, text: str) -> str | None:
    """X of "This was reported by X" / "X said this" / "X reported it", else None."""
    return _named(this_source_phrase(sent, text))


def _anaphoric(t: Token) -> bool:
    """Whether ``t`` points back at what was just said: "this", "it", "the update"."""
    return t.lower_ in ANAPHORIC_CONTENT or (
        t.lemma_.lower() in ANAPHORIC_NOUNS
        and any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in t.children)
        and not any(
            c.dep_ in {"amod", "compound", "acl", "relcl"}
            or (c.dep_ == "prep" and not _on_channel(c))
            for c in t.children
        )
    )  # "the update on Telegram", not "the update on the plans" or "the figure of the army"


def _on_channel(prep: Token) -> bool:
    """Whether a preposition names a platform: "on Telegram", "via Facebook"."""
    return prep.lower_ in {"on", "via", "in"} and any(
        g.lower_ in CHANNELS for g in prep.children if g.dep_ == "pobj"
    )


def this_source_phrase(sent: Span, text: str | None) -> SourcePhrase | None:
    """The phrase of X in "This was reported by X" / "X said this" / "This is stated in the
    message of X" (the issuer, not the message), else None."""
    for t in sent:
        if t.pos_ not in {"VERB", "AUX"} or t.lemma_.lower() not in SOURCE_CUES:
            continue
        if CUE_STANCE.get(t.lemma_.lower()) in DENYING_STANCES:
            continue  # "The army denied this": who denies a figure is not its source
        kids = list(t.children)
        passive = [c for c in kids if c.dep_ == "nsubjpass" and _anaphoric(c)]
        active = [c for c in kids if c.dep_ == "dobj" and _anaphoric(c)]
        if passive:
            heads = [g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            # "This was announced during a briefing by X": the agent hangs on the occasion
            heads = heads or [
                g
                for c in t.subtree
                if c.dep_ == "prep" and c.lower_ == "by" and c.head.dep_ == "pobj"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            # "This is stated in the investigation of X": the document that states it
            heads = heads or [
                g
                for c in kids
                if c.dep_ == "prep" and c.lower_ in STATED_IN
                for g in c.children
                if g.dep_ == "pobj"
            ]
        elif active:
            heads = [c for c in kids if c.dep_ == "nsubj"]
        else:
            continue
        if not heads:
            continue
        head = heads[0]
        if head.lower_ in ISSUED_DOCUMENTS:  # "the message of the State Emergency Service"
            head = next(
                (
                    g
                    for c in head.children
                    if c.lower_ == "of"
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                head,
            )
        phrase = source_phrase(head, text=text)
        if _named(phrase):
            return phrase
    return None


def _blank_between(text: str, lo: int, hi: int) -> bool:
    """Whether a blank line separates the sentence that starts at ``lo`` from ``hi``."""
    seg = text[lo:hi]
    gap = seg[len(seg.rstrip()) :]
    return "\n\n" in gap.replace(" ", "").replace("\t", "")


def next_this_source(doc: Doc, pos: int, text: str) -> str | None:
    """Who a sentence after the figure at character ``pos`` says reported it ("This was
    reported by X", "X said this"), or None: the next :data:`AHEAD` sentences are read, up to
    the first that names a source of its own ("X told this" ends the paragraph it sums up)."""
    cur = _sentence_at(doc, pos)
    for step in range(AHEAD):
        nxt = _next_sentence(doc, cur) if cur is not None else None
        if nxt is None:
            return None
        found = _this_source(nxt, text)
        if found is None and step == 0 and cur is not None:
            found = _added_by(cur, nxt, text)
        if found is not None or attribute(nxt, text=text) is not None:
            return found
        cur = nxt
    return None


def _added_by(cur: Span, nxt: Span, text: str) -> str | None:
    """X of "In addition, 300 were injured, X reports." right after the figure's sentence in
    the same paragraph: a report that adds to the sentence before states that one too."""
    gap = text[cur.start_char : nxt.start_char]
    if "\n" in gap.rstrip(" ") or not ADDITIVE_OPENERS.match(nxt.text):
        return None
    m = TAIL_SOURCE_SAYS.search(nxt.text)
    return m.group("src").strip() if m else None


def carried_source(
    doc: Doc, claim: CasualtyClaim, before: list[CasualtyClaim], text: str, outlet: str | None
) -> str | None:
    """The source of the last attributed casualty claim in the :data:`BACK` sentences before
    ``claim`` (no blank line between), when ``claim`` reports the same kind of figure: the
    same scope, and no date or period of its own that differs.

    Args:
        doc: the parsed article.
        claim: a claim whose sentence names no source.
        before: the article's claims before it, sources settled, in text order.
        text: the original text.
        outlet: the outlet (a claim that has only the outlet is not attributed).

    Returns:
        The carried source, or None.
    """
    sent = _sentence_at(doc, claim.evidence.start)
    if sent is None:
        return None
    lo = sent.start_char
    cur: Span | None = sent
    # "Of these, 16 died ...", "Among the dead ...": the same report goes on, whatever
    # paragraph break the outlet put between
    goes_on = CONTINUING.match(text[sent.start_char : sent.end_char]) is not None
    window: list[Span] = []
    for _ in range(BACK):
        prev = _prev_sentence(doc, cur) if cur is not None else None
        if prev is None or (
            _blank_between(text, prev.start_char, cur.start_char if cur else lo) and not goes_on
        ):
            break
        lo, cur = prev.start_char, prev
        window.append(prev)
    # "X hit the mall. This was reported by the Ministry. 21 people died.": the report the
    # sentence before says who made goes on, if no figure stands between
    said = next(((w, found) for w in window if (found := _this_source(w, text))), None)
    for p in reversed(before):
        if p.evidence.start >= sent.start_char:
            continue
        if p.evidence.start < lo or (said is not None and p.evidence.start < said[0].start_char):
            break
        if p.source is None or p.source == outlet:
            continue
        if _extent(p) != _extent(claim):
            return None
        if (claim.date and claim.date != p.date) or (claim.period and claim.period != p.period):
            return None
        return p.source
    return said[1] if said is not None else None


def _extent(claim: CasualtyClaim) -> str:
    """A claim's scope for carrying a source: a toll revised to a new figure ("had risen to
    12") is the toll of the incident the sentences after it go on about."""
    return "incident" if claim.updates is not None else claim.scope


def impersonal(doc: Doc, pos: int) -> bool:
    """Whether the figure at character ``pos`` is reported impersonally: the clause of a passive
    cue with a dummy "it" and no agent ("It was originally reported that 260 were killed", "it
    is feared that ..."). The writer says no one stands behind it, so it carries no source."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[0]
    for a in tok.ancestors:
        kids = list(a.children)
        if (
            a.lemma_.lower() in IMPERSONAL_CUES
            and any(c.dep_ in {"nsubjpass", "expl"} and c.lower_ == "it" for c in kids)
            and any(c.dep_ == "auxpass" for c in kids)
            and not any(c.dep_ == "agent" for c in kids)
        ):
            return True
    return False


def list_source(text: str, pos: int, ants: Antecedents) -> str | None:
    """The source of the line that introduces a list the figure at ``pos`` belongs to.

    "The State Emergency Service reported:" followed by short lines ("23 people were killed;",
    "66 people were hospitalized;"): each line is the service's. A line of several sentences
    is a paragraph of its own, not an item of the list above it.
    """
    lo = text.rfind("\n", 0, pos)
    hi = text.find("\n", pos)
    starts = ants.sentence_starts
    own = bisect.bisect_left(starts, hi if hi >= 0 else len(text)) - bisect.bisect_right(starts, lo)
    if own > 1:
        return None
    for _ in range(8):
        if lo <= 0:
            return None
        prev_lo = text.rfind("\n", 0, lo - 1) + 1
        line = text[prev_lo:lo].strip()
        if not line:
            lo = prev_lo - 1
            continue
        if line.endswith(":"):
            found = [a for a in ants.between(prev_lo, lo)]
            return found[-1].name if found else None
        if len(line) > 200:
            return None
        lo = prev_lo - 1
    return None


# A line of its own after blank lines: "\n\nState Emergency Service of Ukraine\n"
_CREDIT = re.compile(r"[^\S\n]*\n(?:[^\S\n]*\n)+[^\S\n]*(?P<name>[^\n]{3,80}?)[^\S\n]*(?:\n|$)")
# The most words a bare credit line holds.
CREDIT_WORDS = 8


def credit_line(doc: Doc, end: int, text: str) -> str | None:
    """The body a bare credit line right after the figure's paragraph names, or None.

    Live pages embed a post and credit it on a line of its own below ("In addition, 18 people
    were injured.", blank line, "State Emergency Service of Ukraine"): the figure is that
    body's. The figure's sentence (ending at ``end``) must end its paragraph, and the line must
    be only a capitalised name of an organisation or person, with no verb or number.
    """
    nl = text.find("\n", end)
    if nl < 0 or text[end:nl].strip():
        return None
    m = _CREDIT.match(text, nl)
    if m is None:
        return None
    span = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
    toks = [t for t in span if not t.is_space] if span is not None else []
    if not toks or len(toks) > CREDIT_WORDS:
        return None
    if any(t.lower_ in BYLINE_WORDS for t in toks):
        return None  # "By The Newsroom", "NYM Desk": who wrote the page, not whose figure
    if any(t.pos_ in {"VERB", "AUX", "NUM", "PRON"} or t.is_punct or t.like_num for t in toks):
        return None
    if not all(t.is_title or t.is_upper or t.lower_ in {"of", "and", "the", "for"} for t in toks):
        return None
    named = any(t.ent_type_ in {"ORG", "PERSON"} for t in toks)
    if not named and not {t.lower_ for t in toks} & ORGANISATION_WORDS:
        return None
    return _named(source_phrase(span.root, text=text)) if span is not None else None


def _sentence_at(doc: Doc, pos: int) -> Span | None:
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0].sent if span is not None and len(span) else None


def _next_sentence(doc: Doc, sent: Span) -> Span | None:
    k = sent.end
    while k < len(doc) and doc[k].is_space:
        k += 1
    return doc[k].sent if k < len(doc) else None


def _prev_sentence(doc: Doc, sent: Span) -> Span | None:
    k = sent.start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return doc[k].sent if k >= 0 else None
