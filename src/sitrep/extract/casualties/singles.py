"""One victim at a time: "a soldier was wounded", "guerrillas killed a peasant", "the death of
X", "he was shot dead"; two for "both soldiers died"; and the total of single victims joined
under one cue ("killed a girl and a woman").

:func:`arguments` gives the victims a cue governs (passive subject, object, "death of X");
:func:`singulars` keeps those that name one person (or a pair) and no place, group or figure.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from spacy.tokens import Doc, Span, Token

from sitrep.extract.casualties.found import Found, cue_kind, cue_word, is_cue
from sitrep.extract.casualties.lexicon import (
    BEARING_VERBS,
    CUES,
    DAY_WORDS,
    DEAD_AFTER_VERBS,
    DIE_FORMS,
    MONTH_NAMES,
    NOT_PEOPLE,
    OBJECT_PRONOUNS,
    OF_NOUNS,
    PAIR_WORDS,
    PLURAL_VICTIMS,
    REPORTED_STATE_VERBS,
    SINGLE,
    SINGULAR_VICTIMS,
    TO_DEATH,
    TRANSITIVE,
    WOUNDING_VERBS,
)
from sitrep.extract.casualties.numbers import Quantity
from sitrep.extract.casualties.referents import pronoun_victim
from sitrep.extract.casualties.victims import is_listed_victim, is_single_person, is_victim_noun
from sitrep.extract.places.lexicon import PLACE_NOUNS
from sitrep.extract.places.ruler import PLACE_LABELS
from sitrep.nlp import text_of


def arguments(cue: Token) -> list[Token]:
    """The victims a cue governs: passive subject, object, "death of X"; with their conjuncts."""
    args: list[Token] = []
    if cue.lower_ == "dead" and cue.head.lemma_.lower() in DEAD_AFTER_VERBS:
        cue = cue.head  # "shot dead a girl", "were found dead"
    elif (
        cue.lower_ == "dead"
        and cue.dep_ == "amod"
        and cue.head.head.lemma_.lower() in WOUNDING_VERBS
    ):
        cue = cue.head.head  # "shot dead Marta Quispe" parsed as "dead Quispe"
    elif (
        cue.lower_ == "death"
        and cue.head.lower_ == "to"
        and cue.head.head.lemma_.lower() in TO_DEATH
    ):
        cue = cue.head.head  # "were shot to death", "stabbed to death"
    if (
        cue.dep_ in {"xcomp", "oprd"}
        and cue.head.lemma_.lower() in REPORTED_STATE_VERBS
        and any(c.dep_ == "auxpass" for c in cue.head.children)
    ):  # "another child was reported wounded": whom the report is about
        return [x for c in cue.head.children if c.dep_ == "nsubjpass" for x in (c, *c.conjuncts)]
    if (
        cue.dep_ == "dobj"
        and cue.head.lemma_.lower() in BEARING_VERBS
        and CUES[cue_word(cue)] == "injured"
    ):
        cue = cue.head  # "a man suffered serious injuries": whom the verb's subject names
        subj = [x for c in cue.children if c.dep_ == "nsubj" for x in (c, *c.conjuncts)]
        return [x for x in subj if is_listed_victim(x.lower_, x.lemma_.lower())]
    passive = any(c.dep_ == "auxpass" for c in cue.children)
    for c in cue.children:
        if (
            c.dep_ == "nsubjpass"
            or (c.dep_ == "nsubj" and cue_word(cue) in DIE_FORMS)
            or (
                c.dep_ == "dobj"
                and not passive
                and (cue_word(cue) in TRANSITIVE or cue.lemma_.lower() in WOUNDING_VERBS)
            )
        ):
            args.append(c)
        elif c.lower_ == "of" and cue.lower_ in OF_NOUNS:
            args.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ == "poss" and c.pos_ == "PROPN" and cue.lower_ in OF_NOUNS:
            args.append(c)  # "Rodriguez's death"
    if not args and cue.dep_ == "conj" and passive is False and is_cue(cue.head):
        return []
    if (
        not args
        and cue.dep_ == "conj"
        and (
            any(c.dep_ == "auxpass" for c in cue.children)
            or (cue.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in cue.head.children))
        )
    ):  # "was shot and killed": the two participles share the auxiliary and the subject
        args.extend(c for c in cue.head.children if c.dep_ == "nsubjpass")
    if cue.dep_ == "relcl":  # "the judge, who was murdered on Friday": the judge
        args = [cue.head if a.lower_ in {"who", "that", "which"} else a for a in args]
    return [x for a in args for x in (a, *a.conjuncts)]


def _named_place(name: Token) -> bool:
    """Whether a name is a place by its grammar: "Al Fasher, a key city", "the villages of
    Leik Kya and Yae Htwet" (whatever the tagger's entity type)."""
    if name.dep_ in {"compound", "conj", "appos"} and name.head.lemma_.lower() in PLACE_NOUNS:
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS for c in name.children)


def _determined(noun: Token) -> bool:
    """Whether a noun has an article or a possessive before it ("a minor", "his driver") and
    is not a group or an amount of others ("a number of rebels")."""
    groups = any(
        c.lower_ == "of" and any(g.tag_ in {"NNS", "NNPS"} for g in c.children)
        for c in noun.children
    )
    return not groups and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"a", "an", "the", "another"})
        for c in noun.children
    )


def singulars(
    doc: Doc, sent: Span, used: set[int], figures: AbstractSet[int] = frozenset()
) -> list[Found]:
    """One victim: "a soldier was wounded", "guerrillas killed a peasant", "the death of X";
    two for "both soldiers died". ``figures`` are the tokens of the sentence's figures found
    so far: a victim phrase that holds one is that figure's group, not one person."""
    out: list[Found] = []
    for cue in sent:
        if not is_cue(cue) or CUES[cue_word(cue)] in {"displaced", "evacuated", "casualties"}:
            continue
        if (
            cue.dep_ == "relcl"
            and cue.head.dep_ in {"nsubj", "nsubjpass"}
            and is_cue(cue.head.head)
        ):
            continue  # "a woman who was injured ... has died": the main clause says what befell her
        for arg in arguments(cue):
            a = pronoun_victim(doc, sent, arg, cue) if arg.lower_ in OBJECT_PRONOUNS else arg
            if a is None:
                continue
            if (
                a.i in used
                or a.like_num
                or any(
                    c.dep_ == "nummod"
                    or (c.i in used and c.dep_ not in {"appos", "punct", "conj", "cc"})
                    for c in a.children
                )
            ):
                continue
            pair = is_victim_noun(a.lower_, a.lemma_.lower()) and any(
                c.lower_ in PAIR_WORDS and c.dep_ in {"det", "predet", "preconj"}
                for c in a.children
            )
            single = (
                not pair
                and a.tag_ in {"NN", "NNP"}
                and (
                    a.lower_ in SINGULAR_VICTIMS
                    or (a.tag_ == "NN" and _determined(a) and is_single_person(a.lower_, a.lemma_))
                    or (
                        a.pos_ == "PROPN"
                        and a.ent_type_ not in PLACE_LABELS
                        and not (a.lower_.endswith("s") and is_victim_noun(a.lower_))
                        and a.lower_ not in PLURAL_VICTIMS
                        and a.lower_ not in NOT_PEOPLE
                    )
                )
            )  # not a plural that guessed case took for a name ("clergymen", "Women")
            if not pair and not single and a.lower_ not in SINGLE:
                continue
            if a.lower_ in SINGLE and a.dep_ == "dobj":
                continue
            if not any(ch.isalpha() for ch in a.text) or (
                "." in a.text.rstrip(".") and a.text.replace(".", "").isupper()
            ):
                continue  # punctuation, or an abbreviation ("the murder of two U.S. nuns")
            if a.pos_ == "PROPN" and _named_place(a):
                continue  # "after capturing Al Fasher, a key city": a place taken, no one
            if a.dep_ == "poss" and (a.lower_ in DAY_WORDS or a.lower_ in MONTH_NAMES):
                continue  # "last Thursday's murder of eight people": a date, not a victim
            if cue.lower_ == "body" and a.pos_ != "PROPN":
                continue  # "the body of Ana Ruiz" names a victim; "the body of a man" is a scene
            if any(t.dep_ == "neg" or t.lower_ in {"no", "not"} for t in a.subtree):
                continue  # "not a single person was killed": no figure
            lo = a.left_edge.i if a.left_edge.i >= sent.start else a.i
            while lo < a.i and (
                doc[lo].is_space or doc[lo].lower_ in {"the", "a", "an", "another"} | PAIR_WORDS
            ):
                lo += 1  # no article, and no blank run a parse hung on the victim
            if any(t.i in figures for t in doc[lo : a.i]):
                continue  # a parse that hangs "11 Hezbollah members, including X" on one name
            hi = a.i + 1
            while (hi < sent.end and doc[hi].dep_ == "compound") or (
                hi < sent.end and doc[hi].pos_ == "PROPN" and doc[hi].head == a
            ):
                hi += 1
            start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
            n = 2 if pair else 1
            q = Quantity(start, end, text_of(doc)[start:end], n, n, n, None, start)
            used.add(a.i)
            out.append(Found(cue_kind(doc, cue, sent.end), q, a.i, cue, (lo, hi), "singular"))
    return out + _together(doc, out)


def _together(doc: Doc, singles: list[Found]) -> list[Found]:
    """The total of single victims joined by "and" under one cue: "killed a girl and a woman"
    is also a figure of two (the reader's count), beside each victim."""
    out: list[Found] = []
    by_cue: dict[int, list[Found]] = {}
    for f in singles:
        if f.cue is not None and f.victim is not None:
            by_cue.setdefault(f.cue.i, []).append(f)
    for group in by_cue.values():
        heads = [doc[f.num] for f in group]
        joined = [
            f
            for f, h in zip(group, heads, strict=True)
            if any(o in h.conjuncts for o in heads if o is not h)
        ]
        if len(joined) < 2 or any(doc[f.num].pos_ == "PROPN" for f in joined):
            continue  # named victims are counted one by one
        first, last = joined[0], joined[-1]
        assert first.victim is not None and last.victim is not None
        start = doc[first.victim[0]].idx
        end = doc[last.victim[1] - 1].idx + len(doc[last.victim[1] - 1])
        n = len(joined)
        q = Quantity(start, end, text_of(doc)[start:end], n, n, n, None, start)
        out.append(Found(first.kind, q, first.num, first.cue, None, "together"))
    return out


__all__ = ["arguments", "singulars"]
