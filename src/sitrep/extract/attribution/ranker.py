"""A learned choice among candidate speakers of a quotation.

The rules pick one speaker per quotation; where they are wrong, the right one is usually a
mention nearby. :func:`candidates` lists the mentions around a quotation that could be its
speaker (subjects, "according to" objects, agents, named people and organisations, outside the
quotation, in its sentence, the one before or the one after); :func:`features` describes each
by position, syntax and type, never by its words; a logistic regression trained by
:mod:`sitrep.train.speaker_rank` on the PolNeAR train split scores them
(``sitrep/data/speaker_rank.json``, plain coefficients).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from sitrep.extract.attribution.coref import Antecedents
from sitrep.extract.attribution.labels import LABEL_CUES
from sitrep.extract.attribution.lexicon import CHANNELS, PRONOUNS
from sitrep.extract.attribution.speakers import is_cue, make_speaker, noun_phrase
from sitrep.extract.linear import LinearModel, shipped
from sitrep.model import Quote
from sitrep.nlp import text_of

MODEL_FILE = "speaker_rank.json"
_HEAD_DEPS = frozenset({"nsubj", "nsubjpass"})
_NOT_SPEAKERS = frozenset({"it", "there", "this", "that", "what", "which", "who", "whom"})

FEATURE_NAMES: tuple[str, ...] = (
    "rule_pick",
    "after",
    "log_distance",
    "same_sentence",
    "prev_sentence",
    "next_sentence",
    "line_break",
    "pronoun",
    "person",
    "organisation",
    "proper",
    "nsubj",
    "nsubjpass",
    "according",
    "agent",
    "cue_head",
    "governs",
    "colon_clause",
    "nearest_before",
    "nearest_after",
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A mention that may be a quotation's speaker: its head token and character span."""

    head: Token
    start: int
    end: int


class Sentences(list[Span]):
    """A document's sentences with their start offsets, computed once per document."""

    def __init__(self, doc: Doc) -> None:
        super().__init__(doc.sents)
        self.starts = [s.start_char for s in self]

    def index_of(self, tok: Token) -> int:
        """The index of the sentence holding ``tok``."""
        return max(0, bisect.bisect_right(self.starts, tok.idx) - 1)


def _sentences(sents: Sentences, lo: int, hi: int) -> tuple[list[Span], list[Span]]:
    """The sentences overlapping [lo, hi), and those plus one on either side."""
    k = max(0, bisect.bisect_right(sents.starts, lo) - 1)
    inside: list[int] = []
    while k < len(sents) and sents[k].start_char < hi:
        if lo < sents[k].end_char:
            inside.append(k)
        k += 1
    if not inside:
        return [], []
    a, b = max(0, inside[0] - 1), min(len(sents), inside[-1] + 2)
    return [sents[k] for k in inside], sents[a:b]


def _is_head(t: Token) -> bool:
    if t.lower_ in _NOT_SPEAKERS or t.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return False
    if t.dep_ in _HEAD_DEPS:
        return True
    if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.i > 0:
        return t.head.nbor(-1).lower_ == "according"
    if t.dep_ == "pobj" and t.head.dep_ == "agent":
        return True
    return (
        t.ent_type_ in {"PERSON", "ORG"}
        and t.ent_iob_ != "O"
        and not (
            t.head.ent_type_ == t.ent_type_ and t.head.i != t.i and t.dep_ in {"compound", "flat"}
        )
    )


def candidates(
    sents: Sentences,
    open_at: int,
    close_at: int,
    quoted: Sequence[tuple[int, int]] = (),
) -> list[Candidate]:
    """Mentions around the quotation between the marks at ``open_at`` and ``close_at``.

    ``sents`` are the document's :class:`Sentences`, computed once per document; no mention
    inside another quotation (``quoted``, its marks' offsets) speaks.
    """
    _, around = _sentences(sents, open_at, close_at)
    out: list[Candidate] = []
    for sent in around:
        for t in sent:
            if open_at <= t.idx < close_at or not _is_head(t):
                continue
            if any(a <= t.idx < b for a, b in quoted):
                continue  # '"This location served ...," it added': no speaker
            toks, _ = noun_phrase(t)
            toks = [x for x in toks if not (open_at <= x.idx < close_at)] or [t]
            out.append(Candidate(t, toks[0].idx, toks[-1].idx + len(toks[-1])))
    return out


def _governs(verb: Token, content: Span | None) -> bool:
    return content is not None and any(verb.is_ancestor(x) for x in content[:3])


def features(
    doc: Doc,
    sents: Sentences,
    cands: list[Candidate],
    open_at: int,
    close_at: int,
    rule: tuple[int, int] | None,
) -> list[dict[str, float]]:
    """The feature rows of ``cands`` for the quotation between ``open_at`` and ``close_at``."""
    text = text_of(doc)
    inside, _ = _sentences(sents, open_at, close_at)
    same = {(s.start, s.end) for s in inside}
    content = doc.char_span(open_at + 1, max(open_at + 1, close_at - 1), alignment_mode="expand")
    first_in = inside[0].start if inside else 0
    last_in = inside[-1].end if inside else 0
    lead = text[max(0, open_at - 3) : open_at]
    befores = sorted((c for c in cands if c.end <= open_at), key=lambda c: -c.end)
    afters = sorted((c for c in cands if c.start >= close_at), key=lambda c: c.start)
    rows: list[dict[str, float]] = []
    for c in cands:
        t = c.head
        after = c.start >= close_at
        dist = c.start - close_at if after else max(0, open_at - c.end)
        sent = sents[sents.index_of(t)]
        verb = t.head if t.dep_ in _HEAD_DEPS else t.head.head
        lo, hi = (close_at, c.start) if after else (c.end, open_at)
        rows.append(
            {
                "rule_pick": float(rule is not None and c.start < rule[1] and rule[0] < c.end),
                "after": float(after),
                "log_distance": math.log1p(max(0, dist)) / math.log1p(max(1, len(text))),
                "same_sentence": float((sent.start, sent.end) in same),
                "prev_sentence": float(sent.end <= first_in),
                "next_sentence": float(sent.start >= last_in),
                "line_break": float("\n" in text[lo:hi]),
                "pronoun": float(t.lower_ in PRONOUNS or t.pos_ == "PRON"),
                "person": float(t.ent_type_ == "PERSON"),
                "organisation": float(t.ent_type_ in {"ORG", "NORP", "GPE"}),
                "proper": float(t.pos_ == "PROPN"),
                "nsubj": float(t.dep_ == "nsubj"),
                "nsubjpass": float(t.dep_ == "nsubjpass"),
                "according": float(t.dep_ == "pobj" and t.head.lower_ == "to"),
                "agent": float(t.dep_ == "pobj" and t.head.dep_ == "agent"),
                "cue_head": float(is_cue(verb)),
                "governs": float(_governs(verb, content)),
                "colon_clause": float(":" in lead and not after and (sent.start, sent.end) in same),
                "nearest_before": float(bool(befores) and befores[0] is c),
                "nearest_after": float(bool(afters) and afters[0] is c),
            }
        )
    return rows


SpeakerModel = LinearModel
"""The ranker's model: a :class:`~sitrep.extract.linear.LinearModel` whose probabilities are
compared, its threshold unused."""


@cache
def shipped_model() -> SpeakerModel | None:
    """The model that ships with sitrep (``sitrep/data/speaker_rank.json``), if any."""
    return shipped(MODEL_FILE)


def best(
    doc: Doc,
    sents: Sentences,
    open_at: int,
    close_at: int,
    rule: tuple[int, int] | None,
    model: SpeakerModel,
) -> tuple[Candidate, float] | None:
    """The highest-scoring candidate speaker and its score, or None without candidates."""
    cands = candidates(sents, open_at, close_at)
    if not cands:
        return None
    rows = features(doc, sents, cands, open_at, close_at, rule)
    scored = [
        (model.probability(r), -i, c) for i, (c, r) in enumerate(zip(cands, rows, strict=True))
    ]
    s, _, c = max(scored, key=lambda x: (x[0], x[1]))
    return c, s


UNSEEN_BEFORE = 40
"""How close before a quotation a speaker no candidate covers must end for the rules to keep it
('"...," recalled one survivor. "...": the next quotation's speaker, just before it)."""


def rerank(
    doc: Doc, quotes: list[Quote], ants: Antecedents, model: SpeakerModel, *, margin: float = 0.0
) -> list[Quote]:
    """Each quotation's speaker replaced by the model's pick when it beats the rules' by ``margin``.

    Labelled quotations ("Quote from X:") keep their speaker. A picked pronoun resolves
    through ``ants`` (its span stays on the pronoun); one that does
    not resolve leaves the rules' speaker in place.
    """
    if not quotes:
        return quotes
    sents = Sentences(doc)
    quoted = [(max(0, x.start - 1), x.end + 1) for x in quotes]
    out: list[Quote] = []
    for q in quotes:
        if q.cue in LABEL_CUES:  # "Quote from X:": the label names the speaker outright
            out.append(q)
            continue
        open_at, close_at = max(0, q.start - 1), q.end + 1
        rule = None
        if q.speaker_start is not None and q.speaker_end is not None:
            rule = (q.speaker_start, q.speaker_end)
        cands = candidates(sents, open_at, close_at, quoted)
        if not cands:
            out.append(q)
            continue
        rows = features(doc, sents, cands, open_at, close_at, rule)
        scores = [model.probability(r) for r in rows]
        # "X wrote on Telegram": the channel carries the words, it never says them
        k = max(range(len(cands)), key=lambda i: (not _channel(cands[i].head), scores[i], -i))
        if _channel(cands[k].head):
            out.append(q)
            continue
        ruled = [scores[i] for i, r in enumerate(rows) if r["rule_pick"]]
        # a speaker the rules read off a cue outside the quotation but no candidate covers
        # ('"...," recalled one survivor': an object) is not the model's to overrule: it never
        # saw that mention
        unseen = (
            rule is not None
            and (rule[0] >= close_at or 0 <= open_at - rule[1] <= UNSEEN_BEFORE)
            and q.cue is not None
            and not ruled
            and _noun_mention(doc, rule)
        )
        if unseen or rows[k]["rule_pick"] or (ruled and scores[k] < max(ruled) + margin):
            out.append(q)
            continue
        out.append(_with_speaker(q, cands[k], ants))
    return out


def _channel(t: Token) -> bool:
    """Whether ``t`` is the channel words went out on ("wrote on Telegram")."""
    return t.lower_ in CHANNELS and t.dep_ == "pobj" and t.head.lower_ == "on"


def _noun_mention(doc: Doc, span: tuple[int, int]) -> bool:
    """Whether the text at ``span`` is a noun phrase or pronoun ("one survivor", "it"), not a
    description the tagger heads with an adjective ("the 36-year-old"), which the model may name
    better."""
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return found is not None and len(found) > 0 and found.root.pos_ in {"NOUN", "PROPN", "PRON"}


def _with_speaker(q: Quote, cand: Candidate, ants: Antecedents) -> Quote:
    t = cand.head
    if t.lower_ in PRONOUNS or t.pos_ == "PRON":
        ref = ants.resolve(t.text, cand.start)
        if ref is None:
            return q
        name, role = ref.name, ref.role
    else:
        toks, appos = noun_phrase(t)
        spk = make_speaker(toks, appos)
        if spk is None:
            return q
        name, role = spk.name, spk.role
    return replace(
        q, speaker=name, speaker_start=cand.start, speaker_end=cand.end, speaker_role=role
    )
