"""Who a figure is about when the parse hides it: the group a cue participle describes ("one
of the six Jesuits murdered"), the injured who later died ("two of the injured later died"),
the injury a victim bears ("suffered minor injuries") and the person "him" or "her" stands for
("fired at a civilian woman, wounding her").

Small readers of the parse that :mod:`~sitrep.extract.casualties.finding` calls; each takes
tokens and returns tokens, none makes a figure.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from sitrep.extract.casualties.lexicon import BEARING_GAP_POS, CUES, DIE_FORMS, SINGULAR_VICTIMS
from sitrep.extract.casualties.victims import is_single_person


def described_by_cue(doc: Doc, b: int, sent: Span) -> bool:
    """Whether the noun after a count is described by a cue participle of its own ("one of the
    six Jesuits murdered in November"): that count is a figure, not the whole of a part."""
    for k in range(b, min(b + 4, sent.end)):
        t = doc[k]
        if t.dep_ == "acl" and t.lower_ in CUES and t.head.i < t.i:
            return True
        if t.pos_ not in {"NOUN", "PROPN", "ADJ", "VERB"}:
            return False
    return False


def died_later(doc: Doc, q_end: int, cue: Token) -> Token | None:
    """The verb of dying whose subject is "N of the <injured>" ("two of the wounded later
    died", "three of the injured succumbed to their wounds"), when ``cue`` is that group."""
    if CUES.get(cue.lower_) != "injured" or cue.dep_ != "pobj" or cue.head.lower_ != "of":
        return None
    number = cue.head.head
    if number.i >= q_end or number.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verb = number.head
    return verb if verb.lower_ in DIE_FORMS else None


def borne_injury(doc: Doc, verb: int, sent: Span) -> Token | None:
    """The injury noun a bearing verb at ``verb`` takes ("suffered serious shrapnel wounds")."""
    for k in range(verb + 1, min(verb + 5, sent.end)):
        t = doc[k]
        if t.pos_ == "NOUN" and CUES.get(t.lower_) == "injured":
            return t
        if t.pos_ not in BEARING_GAP_POS:
            return None
    return None


def actors(cue: Token) -> set[int]:
    """The subjects of a cue verb and of the verbs it is coordinated with: who acted."""
    verbs = [cue, *cue.conjuncts] + ([cue.head] if cue.dep_ == "conj" else [])
    return {
        x.i
        for v in verbs
        for c in v.children
        if c.dep_ in {"nsubj", "agent"}
        for x in (c, *c.conjuncts, *c.children)
    }


def pronoun_victim(doc: Doc, sent: Span, pron: Token, cue: Token) -> Token | None:
    """The person "him" or "her" stands for as a cue's object, named earlier in the sentence
    ("fired at a civilian woman, wounding her" -> woman): the nearest singular person noun
    that is no one who acted and no noun inside another's "of" phrase ("the wife of a
    university leader ... killed her" -> wife); None when there is none."""
    if pron.dep_ != "dobj":
        return None
    acted = actors(cue)
    for k in range(pron.i - 1, max(sent.start, pron.i - 25) - 1, -1):
        t = doc[k]
        if t.tag_ not in {"NN", "NNP"} or t.dep_ == "compound" or t.i in acted:
            continue
        owner = t.head.head
        if (
            t.dep_ == "pobj"
            and t.head.lower_ == "of"
            and owner.tag_ == "NN"
            and is_single_person(owner.lower_, owner.lemma_)
        ):
            continue  # "the wife of a university leader": the wife
        if (
            t.ent_type_ == "PERSON"
            or t.lower_ in SINGULAR_VICTIMS
            or is_single_person(t.lower_, t.lemma_)
        ):
            return t
    return None
