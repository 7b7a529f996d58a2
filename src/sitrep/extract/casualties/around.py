"""Victims named around a figure rather than on it.

A figure often names no victim noun of its own while its sentence says who they were:

- a predicate: "Sixty-four of the dead were children and 57 were women";
- a modifier of the casualty noun: "a Palestinian death toll", "32 civilian lives",
  "39,699 documented Palestinian fatalities" (a group adjective, said as its plural);
- "among": "18 killed and 78 injured among civilians";
- whose remains were counted: "403 bodies of civilians".

:func:`victims_around` reads these from the parse when the figure has no victims of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sitrep.extract.casualties.found import Found
from sitrep.extract.casualties.lexicon import GROUP_ADJECTIVES, REMAINS_NOUNS
from sitrep.extract.casualties.victims import is_victim_noun
from sitrep.nlp import text_of

# Nouns a figure counts by, which a group adjective may qualify ("Palestinian fatalities").
_COUNTED_BY = frozenset(
    {"toll", "death", "deaths", "fatalities", "lives", "casualties", "dead", "victims"}
)


def victims_around(doc: Doc, f: Found, victims: str | None) -> str | None:
    """The victims of figure ``f``: ``victims`` as found on it, else those the sentence names
    around it (module docstring); remains named as the victims ("403 bodies of civilians")
    give whose remains they are, or no group (people)."""
    if victims is not None and victims.lower() in REMAINS_NOUNS:
        return _remains(f.cue) or _remains(doc[f.victim[1] - 1] if f.victim else None)
    if victims:
        return _of_organisation(doc, f, victims)
    num = doc[f.num]
    return _predicate(num) or group_named(f.cue) or _among(num, f.cue) or _remains(f.cue)


def _of_organisation(doc: Doc, f: Found, victims: str) -> str:
    """Victims with the organisation they belong to: "two leaders of Hamas", "nine staff
    members of Relief International" (not "three members of the family")."""
    if f.victim is None or f.victim[1] >= len(doc):
        return victims
    of = doc[f.victim[1]]
    if of.lower_ != "of" or of.head.i != f.victim[1] - 1:
        return victims
    obj = next((g for g in of.children if g.dep_ == "pobj"), None)
    if obj is None or obj.ent_type_ not in {"ORG", "NORP"}:
        return victims
    head = doc[f.victim[1] - 1]
    return victims + text_of(doc)[head.idx + len(head) : obj.idx + len(obj)]


def _predicate(num: Token) -> str | None:
    """X of "N of the dead were X" / "57 were women": the figure is the subject of "be"."""
    while num.dep_ in {"compound", "nummod", "quantmod"} and num.head.like_num:
        num = num.head
    if num.dep_ not in {"nsubj", "conj"} or num.head.lemma_ != "be":
        return None
    attr = [c for c in num.head.children if c.dep_ == "attr"]
    if not attr or not is_victim_noun(attr[0].lower_, attr[0].lemma_.lower()):
        return None
    if attr[0].tag_ not in {"NNS", "NNPS"}:
        return None  # "one of the dead was a child": a single victim, counted elsewhere
    lo = min((c.i for c in attr[0].children if c.dep_ in {"amod", "compound"}), default=attr[0].i)
    return doc_text(attr[0].doc, lo, attr[0].i + 1)


def group_named(cue: Token | None) -> str | None:
    """The group an adjective on the casualty noun names: "Palestinian death toll"."""
    if cue is None:
        return None
    nouns = [cue, cue.head] if cue.dep_ == "compound" else [cue]
    for noun in nouns:
        if noun.lower_ not in _COUNTED_BY:
            continue
        for c in noun.children:
            if c.dep_ not in {"amod", "compound"} or c.i > noun.i:
                continue
            group = GROUP_ADJECTIVES.get(c.lower_)
            if group is not None:
                return group
            if c.ent_type_ == "NORP" and c.text[:1].isupper() and c.text.isalpha():
                return _demonym_plural(c.text)
    return None


def _among(num: Token, cue: Token | None) -> str | None:
    """X of "78 injured among civilians", on the figure, its cue or a cue joined to it ("18
    killed and 78 injured among civilians": both)."""
    heads = [t for t in (cue, num) if t is not None]
    if cue is not None:
        heads.extend(cue.conjuncts)
    for head in heads:
        found = _victims_after(head, {"among", "amongst"})
        if found is not None:
            return found
    return None


def _remains(cue: Token | None) -> str | None:
    """Whose remains a figure counts: "403 bodies of civilians" (civilians). Remains alone
    ("85 bodies were buried") count people, as readers tally them."""
    if cue is not None and cue.dep_ == "amod" and cue.head.lower_ in REMAINS_NOUNS:
        cue = cue.head  # "85 dead bodies": the cue word qualifies the remains
    if cue is None or cue.lower_ not in REMAINS_NOUNS:
        return None
    return _victims_after(cue, {"of"})


def _victims_after(head: Token, preps: set[str]) -> str | None:
    """The plural victim noun a preposition of ``head`` governs ("among civilians", "of
    civilians"), else None."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj" and g.tag_ == "NNS" and is_victim_noun(g.lower_, g.lemma_):
                    return g.text
    return None


def _demonym_plural(adjective: str) -> str:
    """The people of a nationality adjective: "Palestinian" -> "Palestinians"; those that end
    in "-ese", "-ch", "-sh" ("Sudanese", "French") are their own plural."""
    if adjective.endswith(("an", "i")):
        return adjective + "s"
    return adjective


def doc_text(doc: Doc, lo: int, hi: int) -> str:
    """The text of tokens ``lo`` to ``hi`` as written."""
    return text_of(doc)[doc[lo].idx : doc[hi - 1].idx + len(doc[hi - 1])]
