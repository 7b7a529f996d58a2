"""Which verb of a sentence states a figure: the syntax between a cue verb and the figure.

Three rules, over the parse only, for the source of a claim in its own sentence:

- a verb of finding states its clause ("An X investigation found evidence that the attack
  killed 600", "..., X evidence suggests"), a verb of seeing states what an observer saw ("X
  correspondents saw dozens of bodies"); "claimed 35 lives" states nothing;
- the cue verb that governs the figure (the first one on its path to the root) says it, not
  the nearest one ("While estimates from X put the toll at 200, Y claimed 300": 200 is X's);
- a figure in a relative clause inside an adjunct of the cue verb is the writer's background,
  not the speaker's words ("X told AFP in the aftermath of the strike that killed 45").

A finding with no finder ("evidence shows") is no source.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from sitrep.extract.attribution.lexicon import (
    CUE_STANCE,
    DEED_OBJECTS,
    EVIDENCE_NOUNS,
    EVIDENTIAL_VERBS,
    FINDING_VERBS,
    ISSUED_DOCUMENTS,
    ISSUING_VERBS,
    LIGHT_VERBS,
    NOT_AGENTS,
    NOT_CLAIM_OBJECTS,
    OBSERVERS,
    PERCEPTION_VERBS,
    REPORT_NOUNS,
    STATEMENT_VERBS,
    VICTIM_HEADS,
)
from sitrep.extract.times.rules import NUMBERS
from sitrep.model import CasualtyClaim, Quote, Stance

# Edges from a cue verb into what is not its reported content.
_ADJUNCTS = frozenset({"prep", "advcl", "npadvmod", "agent"})
_CLAUSES = frozenset({"relcl", "acl"})
# Edges to what a cue verb says.
_CONTENT = frozenset({"ccomp", "dobj", "xcomp"})


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _has_clause(verb: Token) -> bool:
    """Whether ``verb`` takes a clause: "found that ...", "found evidence that ...", or is the
    head of a reported clause before it ("..., X evidence suggests")."""
    for c in verb.children:
        if c.dep_ == "ccomp":
            return True
        if c.dep_ == "dobj" and any(g.dep_ in {"acl", "ccomp"} for g in c.children):
            return True
    return False


def statement_stance(verb: Token) -> Stance | None:
    """The stance of ``verb`` when it states what its subject says, found or saw, else None."""
    lemma = verb.lemma_.lower()
    if lemma in CUE_STANCE:
        stance = CUE_STANCE[lemma]
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        if verb.i + 1 < len(verb.doc) and verb.dep_ == "compound":
            objs.append(verb.doc[verb.i + 1])  # "IS claims responsibility" parsed as a noun
        if stance == "claims" and any(
            o.lemma_.lower() in NOT_CLAIM_OBJECTS
            or (o.lemma_.lower() in DEED_OBJECTS and not _for_a_deed(o))
            for o in objs
        ):
            return None  # "the attack, which claimed 35 lives"; "IS claimed responsibility"
        if stance == "claims" and _claimed_deed(verb):
            return None  # "the attack, which has been claimed by IS": IS claimed the attack
        return stance
    if lemma in STATEMENT_VERBS:
        return "reports"
    if lemma in LIGHT_VERBS and any(
        o.dep_ == "dobj"
        and o.lemma_.lower() in REPORT_NOUNS
        and any(g.dep_ in {"acl", "ccomp"} for g in o.children)
        for o in verb.children
    ):
        return "reports"  # "X gave initial reports that 23 were killed"
    if lemma in FINDING_VERBS and _has_clause(verb):
        return "reports"
    subj = _subject(verb)
    if lemma in PERCEPTION_VERBS and subj is not None and subj.lower_ in OBSERVERS:
        return "reports"
    return None


def _for_a_deed(obj: Token) -> bool:
    """Whether a claimed responsibility is for a deed told by a verb, which then states its
    figure ("claimed responsibility for killing nearly 300"), not for an attack."""
    return any(
        p.lower_ == "for" and any(g.dep_ == "pcomp" or g.tag_ == "VBG" for g in p.children)
        for p in obj.children
    )


def _claimed_deed(verb: Token) -> bool:
    """Whether a passive "claimed" has a deed for its subject ("the attack was claimed by
    IS", "the attack, which has been claimed by IS"): a claim of responsibility."""
    for subj in (c for c in verb.children if c.dep_ == "nsubjpass"):
        thing = verb.head if subj.lower_ in {"which", "that"} and verb.dep_ == "relcl" else subj
        if thing.lemma_.lower() in NOT_AGENTS:
            return True
    return False


def absolute_speaker(verb: Token) -> Token | None:
    """The speaker of a cue verb in a "with X saying ..." phrase, parsed as a participle on X
    ("with officials stressing the number could rise"), else None."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    return verb.head if any(a.lower_ == "with" for a in list(verb.head.ancestors)[:2]) else None


def possessed(head: Token) -> Token:
    """The name the parser hung as an apposition on its possessor ("Jammu and Kashmir's
    former Chief Minister Omar Abdullah called it" parsed with "Jammu" the subject): a
    possessor is no speaker, the one it possesses is; else ``head`` itself."""
    owners = [head, *(c for c in head.children if c.dep_ == "conj")]
    if not any(c.dep_ == "case" for o in owners for c in o.children):
        return head
    named = [c for c in head.children if c.dep_ == "appos" and c.i > head.i and c.pos_ == "PROPN"]
    return named[0] if named else head


def issuer(head: Token) -> Token:
    """Who issued ``head`` when it is a toll, document or finding with a "by X" participle
    ("according to a new death toll announced by the president" -> the president; not "an
    assessment provided to AFP by a source"), else ``head`` itself (or the name its
    possessor stands for, :func:`possessed`)."""
    head = possessed(head)
    if head.lower_ not in NOT_AGENTS | ISSUED_DOCUMENTS | EVIDENCE_NOUNS:
        return head
    for c in head.children:
        if c.dep_ == "acl" and c.pos_ == "VERB" and c.lemma_.lower() in ISSUING_VERBS:
            by = [
                g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"
            ]
            if by:
                return by[0]
    return head


def past_label(head: Token) -> Token:
    """The noun phrase after a label or dateline that the parser made ``head``'s apposition
    ("Gaza City, Gaza Strip: The Health Ministry says" -> Ministry), else ``head`` itself: the
    words before a colon name where or what the report is, not who speaks."""
    colon = next((c.i for c in head.children if c.text == ":" and c.i > head.i), None)
    if colon is None:
        return head
    after = [c for c in head.children if c.dep_ == "appos" and c.i > colon]
    return after[0] if after else head


def reports_own_victims(sent: Span) -> bool:
    """Whether a cue verb of ``sent`` reports a clause about victims of its own ("X said a
    child was among the dead"): such a sentence states its own figure."""
    return any(
        t.dep_ == "ccomp"
        and t.head.lemma_.lower() in CUE_STANCE
        and any(w.lower_ in VICTIM_HEADS and w.pos_ == "NOUN" for w in t.subtree)
        for t in sent
    )


def _named(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in {"ORG", "PERSON", "GPE", "NORP"}


def no_finder(head: Token) -> bool:
    """Whether ``head`` is a finding that names no one who found it ("evidence shows", "a
    previous estimate, contained in a report, suggested"): only a name in the noun phrase
    itself ("AP evidence", "the UN's estimate", "estimates from the UN") is a finder."""
    if head.lower_ not in EVIDENCE_NOUNS:
        return False
    for c in head.children:
        if c.dep_ in {"compound", "poss", "nmod", "amod"} and _named(c):
            return False
        by = c.dep_ == "prep" and c.lower_ in {"from", "by", "of"}
        if by and any(_named(g) for g in c.subtree if g.i != c.i):
            return False
    return True


def _introducer(node: Token, verbs: set[int]) -> int | None:
    """A cue verb hanging from ``node`` as an adverbial clause with no content of its own: the
    parse of "While X said N died, Y said ..." puts X's "said" under "died"."""
    for c in node.children:
        if (
            c.i in verbs
            and c.dep_ in {"advcl", "parataxis"}
            and not any(g.dep_ in _CONTENT for g in c.children)
        ):
            return c.i  # also "Sixty-four were children, the ministry said, with ..."
    return None


def governing(verbs: set[int], tok: Token) -> tuple[int | None, bool]:
    """The cue verb among ``verbs`` (token indices) that states ``tok``, and whether ``tok``
    hangs from it only as background (in a relative clause inside one of its adjuncts).

    The first cue verb on ``tok``'s path to the root states it, unless that verb only reports
    what evidence or an observer showed and a speech verb above it says so ("X reported that
    rescuers found 7 dead", "X says an investigation shows 600 died"); a contentless cue verb in
    an adverbial clause of the figure's own clause states it too.

    Returns:
        (index of the governing verb or None, background).
    """
    below = tok
    clause = _background(tok)
    first: tuple[int, bool] | None = None
    for a in [tok, *tok.ancestors]:
        if a.i != tok.i and a.i in verbs:
            found = (a.i, clause and below.dep_ in _ADJUNCTS)
            if a.lemma_.lower() not in EVIDENTIAL_VERBS:
                return found
            first = first or found
        elif first is None:
            intro = _introducer(a, verbs)
            if intro is not None:
                return intro, False
        if a.i != tok.i:
            clause = clause or _background(a)
            below = a
    return first if first is not None else (None, False)


def _background(tok: Token) -> bool:
    """Whether ``tok`` opens a relative or participle clause (background to a statement), not
    the content of a report noun: "said in a statement that 43 were killed" states 43."""
    if tok.dep_ not in _CLAUSES:
        return False
    return not (
        tok.head.lemma_.lower() in REPORT_NOUNS
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
    )


def asides(verbs: set[int], tok: Token) -> set[int]:
    """The cue verbs among ``verbs`` that make a statement of their own in an adverbial clause
    of ``tok``'s clause ("Hundreds killed in a blast as X denies responsibility"): they hold
    their own content, not ``tok``. Only clauses below the first cue verb over ``tok`` count."""
    out: set[int] = set()
    # the figure's own participle counts as its clause ("Hundreds killed ... as X denies")
    own = [c for c in tok.children if c.dep_ in _CLAUSES and c.pos_ == "VERB"]
    for a in [*own, tok, *tok.ancestors]:
        if a.i != tok.i and a.i in verbs:
            break
        out |= {
            c.i
            for c in a.children
            if c.i in verbs and c.dep_ == "advcl" and any(g.dep_ in _CONTENT for g in c.children)
        }
    return out


def figure_after(text: str, quote: Quote, c: CasualtyClaim) -> bool:
    """Whether ``c``'s figure is written after ``quote`` in its evidence and not inside it."""
    if c.count is None:
        return False
    forms = {str(c.count), f"{c.count:,}"}
    inside = text[quote.start : quote.end]
    after = text[quote.end : c.evidence.end]
    pattern = r"(?<![\d,])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\d,])"
    return bool(re.search(pattern, after)) and not re.search(pattern, inside)


_FIGURE_WORDS = {
    int(v): k for k, v in NUMBERS.items() if v >= 1 and v == int(v) and k.isalpha() and len(k) > 2
}
"""A figure written as one word ("Five people have been killed"): its word."""


def figure_at(c: CasualtyClaim, text: str) -> int:
    """Where ``c``'s figure is written in its evidence (its first digits, or its word),
    else where the evidence starts."""
    if c.count is not None:
        evidence = text[c.evidence.start : c.evidence.end]
        m = re.search(rf"(?<![\d,]){c.count}(?![\d])|(?<![\d,]){c.count:,}(?![\d])", evidence)
        word = _FIGURE_WORDS.get(c.count)
        if m is None and word is not None:
            m = re.search(rf"\b{word}\b", evidence, re.I)
        if m:
            return c.evidence.start + m.start()
    return c.evidence.start


__all__ = [
    "absolute_speaker",
    "asides",
    "figure_after",
    "figure_at",
    "governing",
    "issuer",
    "no_finder",
    "reports_own_victims",
    "statement_stance",
]
