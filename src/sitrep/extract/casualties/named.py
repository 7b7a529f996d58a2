"""Victims named one by one: a claim of one for each person a counted group names.

"Soldiers killed two reporters, Roberto Navas and Mauricio Pineda" counts two dead and names
them; so does "Five peasants were killed. The victims were identified as A, B, C, D and E." A
reader who follows one person (a monitor tracking journalists killed, a court file, MUC-4's
keys) counts each of them once. :func:`named_members` adds one claim of one per name, with the
``part`` flag: each is a sub-count of the group's figure, which tallies never add again.

The members are read from the parse, never from a list of names:

- person names in apposition to the group's counted noun, and their conjuncts;
- the object of "identified as" whose subject is one of :data:`IDENTIFIED_GROUPS`, within
  :data:`IDENTIFIED_REACH` sentences after the group's figure;
- one person the group includes: "nine people, including union leader Elizabeth Velazquez",
  "five people, including a mayor" (a single person's noun, :func:`~sitrep.extract.casualties.
  victims.is_single_person`);
- one person among the group: "Among the priests murdered was Father Ignacio Ellacuria",
  "Ignacio Ellacuria, one of the six Jesuits murdered".

A list longer than the figure is not the group's (the names of a later sentence are not its
members).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from sitrep.extract.casualties.claims import sentence_evidence
from sitrep.extract.casualties.lexicon import PART_OPENERS
from sitrep.extract.casualties.numbers import words_to_int
from sitrep.extract.casualties.victims import is_single_person
from sitrep.model import CasualtyClaim, CasualtyKind, content_id

EXTRACTOR = "named-members"
# The subjects of "... were identified as NAMES" that stand for a group of the harmed, and the
# kind they give (None: the kind of the group's figure before them).
IDENTIFIED_GROUPS: dict[str, CasualtyKind | None] = {
    "victim": None,
    "casualty": None,
    "dead": "killed",
    "deceased": "killed",
    "body": "killed",
    "corpse": "killed",
    "wounded": "injured",
    "injured": "injured",
}
IDENTIFIED_REACH = 5
"""How many sentences back the group of "the victims were identified as ..." may be."""
_IDENTIFY = frozenset({"identify", "name", "list"})
_NAME_DEPS = frozenset({"compound", "flat", "amod"})
_ONE_DETS = frozenset({"a", "an", "the", "one"})


def _name(tok: Token) -> str | None:
    """The full name a PROPN token heads ("Roberto Navas"), or None when it is no person's."""
    if tok.pos_ != "PROPN" or tok.ent_type_ not in {"PERSON", ""}:
        return None
    parts = [t for t in tok.lefts if t.dep_ in _NAME_DEPS and t.pos_ == "PROPN"]
    lo = min([tok.i, *(t.i for t in parts)])
    return tok.doc[lo : tok.i + 1].text


def _person(tok: Token) -> str | None:
    """One person a token names ("Elizabeth Velazquez") or describes ("a mayor", "the driver")."""
    name = _name(tok)
    if name is not None or tok.pos_ != "NOUN" or tok.tag_ != "NN":
        return name
    if not is_single_person(tok.lower_, tok.lemma_.lower()):
        return None
    if not any(c.lower_ in _ONE_DETS and c.dep_ in {"det", "nummod"} for c in tok.children):
        return None
    lo = tok.left_edge.i
    while lo < tok.i and tok.doc[lo].dep_ in {"det", "poss", "punct"}:
        lo += 1  # "a 12-year-old boy": the boy as described, without its article
    return tok.doc[lo : tok.i + 1].text


def _names(first: Token, *, described: bool = False) -> list[str]:
    """``first`` and its conjuncts as person names (or, when ``described``, as persons named or
    described); empty unless every one is."""
    read = _person if described else _name
    out = [read(t) for t in [first, *first.conjuncts]]
    return [n for n in out if n] if all(out) else []


def _group_noun(sent: Span, claim: CasualtyClaim) -> Token | None:
    """The counted noun of ``claim`` in ``sent``: the noun whose number gives its figure."""
    last = _last_word(claim)
    for t in sent:
        if t.pos_ == "NOUN" and t.lower_ == last and claim.evidence.start <= t.idx:
            nums = [c for c in t.children if c.dep_ == "nummod"]
            if any(words_to_int(c.lower_.replace(",", "").split()) == claim.count for c in nums):
                return t
    return None


def _last_word(claim: CasualtyClaim) -> str:
    words = (claim.victims or "").lower().split()
    return words[-1] if words else ""


def _appositions(noun: Token) -> list[str]:
    """Person names in apposition to ``noun`` ("two reporters, Roberto Navas and X")."""
    for child in noun.children:
        if child.dep_ == "appos":
            names = _names(child)
            if names:
                return names
    return []


def _included(sent: Span, noun: Token, stop: int) -> list[str]:
    """The persons a group includes, between its noun and token ``stop``: "nine people,
    including union leader Elizabeth Velazquez", "five people, including a mayor"."""
    for t in sent:
        if not noun.i < t.i < stop or t.lower_ not in PART_OPENERS or t.dep_ != "prep":
            continue
        obj = next((c for c in t.children if c.dep_ == "pobj"), None)
        if obj is not None:
            return _names(obj, described=True)
    return []


def _among(sent: Span) -> tuple[Token, list[str]] | None:
    """(the group's noun, names) of "Among the priests murdered was Father X", else None."""
    for t in sent:
        if t.lower_ != "among" or t.dep_ != "prep" or t.head.lemma_ != "be":
            continue
        group = next((c for c in t.children if c.dep_ == "pobj"), None)
        subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        if group is not None and subj is not None:
            names = _names(subj)
            if names:
                return group, names
    return None


def _one_of(sent: Span) -> tuple[Token, list[str]] | None:
    """(the group's noun, [name]) of "Ignacio Ellacuria, one of the six Jesuits murdered"."""
    for t in sent:
        if t.lower_ != "one" or t.dep_ != "appos":
            continue
        name = _name(t.head)
        of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        group = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if name is not None and group is not None:
            return group, [name]
    return None


def _identified(sent: Span) -> tuple[str, list[str]] | None:
    """(subject lemma, names) of "the victims were identified as A, B and C", else None."""
    for t in sent:
        if t.lemma_.lower() not in _IDENTIFY or t.pos_ != "VERB":
            continue
        subj = next((c for c in t.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
        if subj is None or subj.lemma_.lower() not in IDENTIFIED_GROUPS:
            continue
        for prep in t.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                names = _names(obj) if obj is not None else []
                if names:
                    return subj.lemma_.lower(), names
    return None


def _member(
    group: CasualtyClaim, name: str, kind: CasualtyKind, sent: Span, doc_id: str
) -> CasualtyClaim:
    evidence = sentence_evidence(sent)
    return replace(
        group,
        id=content_id(doc_id, kind, 1, evidence.start, EXTRACTOR, name),
        kind=kind,
        count=1,
        low=1,
        high=1,
        hedge=None,
        victims=name,
        evidence=evidence,
        flags=(*group.flags, "part"),
        mentions=(),
        extractor=EXTRACTOR,
    )


def named_members(doc: Doc, claims: list[CasualtyClaim], *, article_id: str) -> list[CasualtyClaim]:
    """One claim of one for each person a group figure of ``claims`` names (see the module).

    Args:
        doc: the parsed article.
        claims: its claims so far.
        article_id: the article's id (for the new claims' ids).

    Returns:
        The new claims only.
    """
    groups = [c for c in claims if (c.count or 0) >= 2 and "part" not in c.flags]
    if not groups:
        return []
    # one person is one member, however each rule words them ("a boy", "a 12-year-old boy")
    have = {(c.kind, _last_word(c)) for c in claims if c.count == 1}
    out: list[CasualtyClaim] = []
    sents = [s for s in doc.sents if any(t.is_alpha for t in s)]  # blanked lines do not count
    for k, sent in enumerate(sents):
        here = [c for c in groups if sent.start_char <= c.evidence.start < sent.end_char]
        found: list[tuple[CasualtyClaim, CasualtyKind, list[str], Span]] = []
        nouns = [(n, c) for c in here if (n := _group_noun(sent, c)) is not None]
        nouns.sort(key=lambda nc: nc[0].i)
        for noun, c in nouns:
            # up to the next figure of the sentence: "... and 18 missing, including a nurse"
            stop = next((t.i for t in sent if t.i > noun.i and t.like_num), sent.end)
            names = _appositions(noun) or _included(sent, noun, stop)
            if names:
                found.append((c, c.kind, names, sent))
        recent = [c for c in groups if c.evidence.start < sent.end_char][-6:]
        for among in (_among(sent), _one_of(sent)):
            if among is None:
                continue
            group_noun, names = among
            like = [c for c in recent if _last_word(c) == group_noun.lower_]
            if like:
                found.append((like[-1], like[-1].kind, names, sent))
        ident = _identified(sent)
        if ident is not None:
            lemma, names = ident
            want = IDENTIFIED_GROUPS[lemma]
            since = sents[max(0, k - IDENTIFIED_REACH)].start_char
            wanted = [
                c
                for c in groups
                if want in {None, c.kind}
                and any(since <= e.start < sent.start_char for e in (c.evidence, *c.mentions))
            ]
            if wanted:
                found.append((wanted[-1], want or wanted[-1].kind, names, sent))
        for group, kind, names, where in found:
            if len(names) > (group.count or 0):
                continue  # more names than the figure: not its members
            for name in names:
                key = (kind, name.lower().split()[-1])
                if key not in have:
                    have.add(key)
                    out.append(_member(group, name, kind, where, article_id))
    return out


__all__ = ["IDENTIFIED_GROUPS", "named_members"]
