"""A speaker mention from its words: the phrase a cue's subject heads, its name, its role, and
whether it names a person ("US President Joe Biden" -> "Joe Biden", role "US President").

:mod:`~sitrep.extract.attribution.quotes` finds the cue and its subject; the ranker and the
claims read speakers with the same helpers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.extract.attribution.lexicon import CUE_FORMS, CUE_LEMMAS, STOP_PREPS, TITLE_WORDS
from sitrep.extract.attribution.phrase import quoted_name_end, role_preps, serves_named
from sitrep.nlp import text_of


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker mention: its resolved name, role and span."""

    name: str
    start: int
    end: int
    role: str | None = None
    person: bool = False


def is_cue(tok: Token) -> bool:
    """Whether a token is a speech or reporting verb."""
    if tok.lower_ in CUE_FORMS:
        return True
    return tok.pos_ == "VERB" and tok.lemma_.lower() in CUE_LEMMAS


def _closes_name(toks: list[Token]) -> bool:
    """Whether the last token closes a quoted name the phrase opened ('channel "Baza"')."""
    return toks[-1].is_quote and any(t.is_quote for t in toks[:-1])


def split_role(tokens: list[Token]) -> tuple[str, str | None, bool]:
    """Split a speaker phrase into (name, role, is_person).

    "US President Joe Biden" -> ("Joe Biden", "US President", True); a phrase without a
    personal name comes back whole ("one Ukrainian volunteer", None, False).
    """
    toks = [t for t in tokens if not t.is_space]
    while toks and (toks[0].is_punct or toks[0].lower_ in {"and", "but"}):
        toks = toks[1:]
    while toks and toks[-1].is_punct and not _closes_name(toks):
        toks = toks[:-1]
    if not toks:
        return "", None, False
    text = text_of(toks[0].doc)[toks[0].idx : toks[-1].idx + len(toks[-1])]
    # the personal name: a PERSON entity (or a run of proper nouns after a title) at the end
    k = len(toks)
    while k > 0 and (
        toks[k - 1].ent_type_ == "PERSON"
        or (toks[k - 1].pos_ == "PROPN" and toks[k - 1].lower_ not in TITLE_WORDS)
    ):
        k -= 1
    name_toks = toks[k:]
    has_person = any(t.ent_type_ == "PERSON" for t in name_toks)
    people = [i for i, t in enumerate(toks[:k]) if t.ent_type_ == "PERSON"]
    # "Omar Hassan of Justice Watch": a person, then a preposition, then a group: the person
    if name_toks and not has_person and people and toks[people[-1] + 1].pos_ == "ADP":
        return _person_first(toks, text, people[-1])
    titled = k > 0 and toks[k - 1].lower_ in TITLE_WORDS
    if not name_toks or not (has_person or titled):
        return text, None, False
    if serves_named(toks, k):
        return text, None, True  # "an adviser to President X": the adviser
    name = text[name_toks[0].idx - toks[0].idx :]
    role_toks = toks[:k]
    if role_toks and role_toks[0].lower_ in {"the", "a", "an"}:
        role_toks = role_toks[1:]
    role = None
    if role_toks:
        role = text[
            role_toks[0].idx - toks[0].idx : role_toks[-1].idx + len(role_toks[-1]) - toks[0].idx
        ]
    return name, role, True


def _person_first(toks: list[Token], text: str, last: int) -> tuple[str, str | None, bool]:
    """(name, role, True) for a phrase whose PERSON entity ends at ``toks[last]`` before more
    words: the role is what precedes the name, else what follows it less its preposition."""
    first = last
    while first > 0 and toks[first - 1].ent_type_ == "PERSON":
        first -= 1
    base = toks[0].idx

    def cut(a: int, b: int) -> str | None:
        part = [t for t in toks[a:b] if not (t.is_punct or t.lower_ in {"the", "a", "an"})]
        if part and part[0].pos_ == "ADP":
            part = part[1:]
        return text[part[0].idx - base : part[-1].idx + len(part[-1]) - base] if part else None

    name = text[toks[first].idx - base : toks[last].idx + len(toks[last]) - base]
    return name, cut(0, first) or cut(last + 1, len(toks)), True


def noun_phrase(tok: Token) -> tuple[list[Token], list[Token]]:
    """The mention headed by ``tok`` and its appositive, without relative clauses."""
    left = tok.left_edge.i
    right = tok.i
    appos: list[Token] = []
    for child in tok.rights:
        if child.dep_ == "prep" and not appos and child.lower_ in STOP_PREPS | role_preps(tok):
            right = child.right_edge.i
        elif child.dep_ in {"compound", "flat", "nummod"}:
            right = max(right, child.right_edge.i)
        elif child.dep_ == "appos" and not appos:
            appos = list(tok.doc[child.left_edge.i : child.right_edge.i + 1])
        elif child.dep_ == "punct":
            continue
        elif child.dep_ in {"relcl", "acl", "cc", "conj", "appos"}:
            break
    doc = tok.doc
    if tok.pos_ == "NOUN" and right == tok.i:
        right = quoted_name_end(doc, right + 1) or right  # 'channel "Nikolaevsky Vanek"'
    # a mention never cuts a multi-word name ("Doctors Without Borders" parsed as a noun + PP)
    if tok.ent_iob_ != "O":
        ent = _entity_of(tok)
        if not any(t.is_quote or t.text == "," for t in ent):
            left, right = min(left, ent.start), max(right, ent.end - 1)
    toks = [t for t in doc[left : right + 1] if not t.is_space]
    # a left edge inside a quotation or across a comma is not part of the mention
    cut = max(
        (
            i
            for i, t in enumerate(toks)
            if (t.is_quote or t.text in {",", ";", ":"}) and t.i < tok.i
        ),
        default=-1,
    )
    return toks[cut + 1 :], appos


def _entity_of(tok: Token) -> Span:
    """The entity span holding ``tok`` (read from the IOB tags, not a scan of ``doc.ents``)."""
    doc = tok.doc
    a = tok.i
    while a > 0 and doc[a].ent_iob_ == "I":
        a -= 1
    b = tok.i + 1
    while b < len(doc) and doc[b].ent_iob_ == "I":
        b += 1
    return doc[a:b]


def make_speaker(tokens: list[Token], appos: list[Token] | None = None) -> Speaker | None:
    """A :class:`Speaker` from a mention's tokens (and its appositive, which may hold a role)."""
    # the marks of a quoted name at the end stay ('the Telegram channel "Baza"')
    named = bool(tokens) and _closes_name(tokens)
    toks = [t for t in tokens if not (t.is_space or (t.is_punct and not (named and t.is_quote)))]
    # an adjective with an article stands for a noun: "a local", "the wounded"
    nominal = len(toks) >= 2 and toks[0].lower_ in {"a", "an", "the"} and toks[-1].pos_ == "ADJ"
    if not toks or not (nominal or any(t.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} for t in toks)):
        return None
    name, role, person = split_role(toks)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    if appos and all(t.like_num or t.is_punct for t in appos):
        appos = None  # "Maria Gonzalez, 52, ...": an age, not a role
    if appos:
        a_name, a_role, a_person = split_role(appos)
        if not person and a_person:  # "the mayor of Kharkiv, Ihor Terekhov"
            return Speaker(a_name, appos[0].idx, appos[-1].idx + len(appos[-1]), name, True)
        if role is None and a_name and len(appos) <= 10:
            role = a_name if a_role is None else f"{a_role} {a_name}"
            role = re.sub(r"^(the|a|an) ", "", role)
    if len(toks) == 1 and toks[0].pos_ == "PROPN" and toks[0].ent_type_ in {"PERSON", ""}:
        person = person or toks[0].ent_type_ == "PERSON"
    return Speaker(name, start, end, role, person)
