"""Finding casualty figures in a sentence: a number tied to its cue and its victims.

"21 people were killed" (number first), "killing at least 12" (cue first), "the deaths of
three soldiers", and a single named victim ("he was shot dead"); each a :class:`Found` that
:mod:`~sitrep.extract.casualties.claims` qualifies and turns into a claim.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from sitrep.extract.casualties.lexicon import (
    ASIDE_MAX,
    ASIDE_OPENERS,
    BEARING_VERBS,
    CAUSES,
    COMBINED_KINDS,
    CUE_FIRST_GAP,
    CUES,
    DAY_WORDS,
    DEAD_AFTER_VERBS,
    DIE_FORMS,
    DUAL_VICTIMS,
    EVENT_NOUNS,
    GAP_WORDS,
    LIVES_KEPT,
    MONTH_NAMES,
    NOT_DONE,
    NOT_PEOPLE,
    OBJECT_PRONOUNS,
    OF_NOUNS,
    PAIR_WORDS,
    PART_OPENERS,
    PHRASE_CUES,
    PLURAL_VICTIMS,
    QUOTE_MARKS,
    RELEASE_NOUNS,
    RELEASE_VERBS,
    SHARE_PRONOUNS,
    SINGLE,
    SINGULAR_VICTIMS,
    TO_DEATH,
    TOLL_KINDS,
    TRANSITIVE,
    VICTIM_OF_NOUNS,
    VICTIM_OF_TAILS,
    WOUNDING_VERBS,
)
from sitrep.extract.casualties.numbers import Quantity, find_quantities
from sitrep.extract.casualties.referents import (
    borne_injury,
    described_by_cue,
    died_later,
    pronoun_victim,
)
from sitrep.extract.casualties.victims import (
    is_listed_victim,
    is_single_person,
    is_victim_noun,
    might_be_people,
)
from sitrep.extract.places.lexicon import PLACE_NOUNS
from sitrep.extract.places.ruler import PLACE_LABELS
from sitrep.model import (
    CasualtyKind,
)
from sitrep.nlp import text_of


@dataclass(slots=True)
class Found:
    """A figure tied to a cue, before the sentence-level details are added."""

    kind: CasualtyKind
    q: Quantity
    num: int  # token index of the number
    cue: Token | None
    victim: tuple[int, int] | None  # token bounds of the victim noun run
    via: str  # "number-first", "cue-first", "dependency", "ellipsis", "singular", "together"
    combined: bool = False  # one figure of "dead and wounded" together, read as either kind
    part: bool = False  # a share of the figure before it ("including three girls and eight boys")


def token_at(doc: Doc, char: int) -> int | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else None


def _noun_run(doc: Doc, i: int, limit: int) -> tuple[int, int] | None:
    """Bounds of the nouns from token i (skipping adjectives) if they name people."""
    j = i
    while j < limit and doc[j].pos_ in {"ADJ", "PROPN", "VERB"} and not _is_cue(doc[j]):
        if doc[j].pos_ == "VERB" and not doc[j].lower_.endswith("ed"):
            return None
        j += 1
    k = j
    while (
        k < limit
        and doc[k].pos_ in {"NOUN", "PROPN"}
        and (not _is_cue(doc[k]) or doc[k].lower_ in DUAL_VICTIMS)
    ):
        k += 1
    if (
        k == j
        and j > i
        and doc[j - 1].pos_ == "PROPN"
        and (doc[j - 1].tag_ == "NNPS" or is_victim_noun(doc[j - 1].lower_))
    ):
        k = j  # "hundreds of Palestinians killed": a plural name tagged as a modifier is the head
        j = i
    if k == j:
        return None
    if not might_be_people(doc[k - 1].lower_, doc[k - 1].lemma_.lower()):
        return None
    if k + 1 < limit and doc[k].lower_ == "of" and doc[k + 1].lower_ in VICTIM_OF_TAILS:
        k += 2  # "prisoners of war" is one name
    if (
        k + 1 < limit
        and doc[k].lower_ in {"and", "or"}
        and doc[k + 1].pos_ in {"NOUN", "ADJ"}
        and (more := _noun_run(doc, k + 1, limit)) is not None
    ):
        k = more[1]  # "12 children and teenagers killed": one group of victims
    return (j, k)


def cue_word(t: Token) -> str:
    """The key of a token in ``CUES``: its lower case, or with the next word when the two
    make a cue of two words (``PHRASE_CUES``: "passed away")."""
    second = PHRASE_CUES.get(t.lower_)
    if second is not None and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == second[0]:
        return f"{t.lower_} {second[0]}"
    return t.lower_


def _is_cue(t: Token) -> bool:
    return cue_word(t) in CUES


def _paired(doc: Doc, cue: Token, end: int) -> bool:
    """Whether the cue and the next word name the dead and the wounded together ("400 dead and
    wounded", "killed or injured", "injuries and deaths"): one figure for both."""
    if cue.i + 2 >= end or doc[cue.i + 1].lower_ not in {"and", "or"}:
        return False
    kinds = {CUES.get(cue_word(cue), "killed"), CUES.get(cue_word(doc[cue.i + 2]))}
    return kinds == {"killed", "injured"}


def _cue_kind(doc: Doc, cue: Token, end: int) -> CasualtyKind:
    """The kind a cue gives, "casualties" for "dead and wounded"."""
    kind = CUES.get(cue_word(cue), "killed")
    if _paired(doc, cue, end):
        return "casualties"
    if cue.lower_ == "toll" and cue.i > 0 and doc[cue.i - 1].lower_ in TOLL_KINDS:
        return "injured" if doc[cue.i - 1].lower_ == "injury" else "casualties"
    return kind


def _number_first(doc: Doc, q_end: int, sent: Span) -> tuple[Token, tuple[int, int] | None] | None:
    """A cue after the number: "21 people were killed", "five dead", "3 deaths"."""
    victim: tuple[int, int] | None = None
    j = q_end
    if j < sent.end and doc[j].text in QUOTE_MARKS:
        j += 1  # 'told reporters "under 100" Palestinians were killed'
    steps = 0
    while j < sent.end and steps < 9:
        t = doc[j]
        if t.text == "," and j + 1 < sent.end and _opens_aside(doc, j + 1, sent):
            close = _aside_end(doc, j + 1, sent)
            if close is not None:
                j = close + 1  # "21 people, including three children, have died"
                steps += 1
                continue
        if (
            victim is not None
            and t.lemma_.lower() in BEARING_VERBS
            and is_listed_victim(doc[victim[1] - 1].lower_, doc[victim[1] - 1].lemma_.lower())
        ):
            borne = borne_injury(doc, j, sent)
            if borne is not None:
                return borne, victim  # "one person suffered minor injuries"
        if _is_cue(t) and (t.lower_ not in EVENT_NOUNS or _one_of(doc[q_end - 1], t)):
            if t.lower_ == "toll" or (j + 1 < sent.end and doc[j + 1].lower_ in NOT_DONE):
                return None  # "four assassination attempts", "two death threats"
            if t.lower_ in DUAL_VICTIMS and victim is None:
                later = _number_first(doc, j + 1, sent)
                if later is not None:
                    return later[0], (j, j + 1)
            if t.lower_ in DUAL_VICTIMS and _released(t):
                return None  # "four prisoners were freed": no one held
            return t, victim
        if (
            victim is None
            and (t.pos_ in {"NOUN", "PROPN", "ADJ"} or t.tag_ == "VBN")
            and t.lower_ not in GAP_WORDS
        ):
            m = j
            while m < sent.end and _modifier(doc[m]):
                m += 1
            if m > j and m < sent.end and _is_cue(doc[m]) and doc[m].pos_ == "NOUN":
                # "12 mutilated bodies", "one unfortunate death": a cue noun's modifiers
                if doc[m].lower_ not in DUAL_VICTIMS:
                    j = m
                    steps += 1
                    continue
                held = _noun_run(doc, j, sent.end) or (m, m + 1)
                later = _number_first(doc, held[1], sent)  # "40 Ukrainian prisoners of war died"
                if later is not None:
                    return later[0], held
                return None if _released(doc[m]) else (doc[m], None)
            run = _noun_run(doc, j, sent.end)
            if run is None:
                return None
            victim = run
            j = run[1]
            steps += 1
            continue
        if t.lower_ not in GAP_WORDS:
            return None
        j += 1
        steps += 1
    return None


def _released(captives: Token) -> bool:
    """Whether captives are told as freed: "freed four hostages", "four prisoners were
    released", "the rescue of four Israeli captives"."""
    if CUES.get(captives.lower_) != "captured":
        return False  # "returned four bodies": the dead are no captives
    head = captives.head
    if captives.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in RELEASE_VERBS:
        return True
    return (
        captives.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lemma_.lower() in RELEASE_NOUNS
    )


def _one_of(num: Token, noun: Token) -> bool:
    """Whether a singular event noun is counted as one: "caused one death" (but "three murder
    cases" counts cases)."""
    return num.lower_ in {"one", "1"} and num.head == noun


def _modifier(t: Token) -> bool:
    """An adjective or a participle before a noun that is no cue itself ("mutilated")."""
    return (t.pos_ == "ADJ" or t.tag_ == "VBN") and t.dep_ == "amod" and not _is_cue(t)


def _opens_aside(doc: Doc, i: int, sent: Span) -> bool:
    """Whether token i opens an aside: "including ...", or a share "four of them ..."."""
    if doc[i].lower_ in ASIDE_OPENERS:
        return True
    return (
        doc[i].like_num
        and i + 2 < sent.end
        and doc[i + 1].lower_ == "of"
        and doc[i + 2].lower_ in SHARE_PRONOUNS
    )


def _aside_end(doc: Doc, i: int, sent: Span) -> int | None:
    """The closing comma of an aside opened at token i, if it comes soon and holds no cue."""
    for k in range(i, min(i + ASIDE_MAX, sent.end)):
        if doc[k].text == ",":
            return k
        if _is_cue(doc[k]):
            return None
    return None


def _cue_first(
    doc: Doc, q_start: int, q_end: int, sent: Span
) -> tuple[Token, tuple[int, int] | None] | None:
    """A cue before the number: "killing 12 people", "the death toll rose to 23"."""
    j = q_start - 1
    if j >= sent.start and doc[j].text in QUOTE_MARKS:
        j -= 1  # 'has killed "up to 100" people'
    steps = 0
    while j >= sent.start and steps < 6:
        t = doc[j]
        low = t.lower_
        if low == "lives" and j > sent.start and doc[j - 1].lower_ in {"the", "their"}:
            if j - 2 >= sent.start and doc[j - 2].lower_ in LIVES_KEPT:
                return None  # "fighting for the lives of 3 people": alive, not dead
            break
        if (
            low in TRANSITIVE
            or low == "toll"
            or (low in VICTIM_OF_NOUNS and doc[j + 1].lower_ == "of")
        ):
            if (
                low in TRANSITIVE
                and j > sent.start
                and doc[j - 1].lower_ in {"were", "was", "been", "be", "being", "are", "is"}
            ):
                return None  # passive: the number is not its object
            break
        if low not in CUE_FIRST_GAP and low not in CAUSES:
            return None
        j -= 1
        steps += 1
    else:
        return None
    if j < sent.start:
        return None
    cue = doc[j]
    if (
        q_end < sent.end
        and doc[q_end].pos_ in {"NOUN", "PROPN", "ADJ"}
        and doc[q_end].lower_ not in GAP_WORDS
    ):
        run = _noun_run(doc, q_end, sent.end)
        if run is None:
            return None
        return cue, run
    return cue, None


def _arguments(cue: Token) -> list[Token]:
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
    if not args and cue.dep_ == "conj" and passive is False and _is_cue(cue.head):
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


def _singulars(
    doc: Doc, sent: Span, used: set[int], figures: AbstractSet[int] = frozenset()
) -> list[Found]:
    """One victim: "a soldier was wounded", "guerrillas killed a peasant", "the death of X";
    two for "both soldiers died". ``figures`` are the tokens of the sentence's figures found
    so far: a victim phrase that holds one is that figure's group, not one person."""
    out: list[Found] = []
    for cue in sent:
        if not _is_cue(cue) or CUES[cue_word(cue)] in {"displaced", "evacuated", "casualties"}:
            continue
        for arg in _arguments(cue):
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
            out.append(Found(_cue_kind(doc, cue, sent.end), q, a.i, cue, (lo, hi), "singular"))
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


def _unhedged(doc: Doc, q: Quantity) -> Quantity:
    """The quantity without a hedge word the parse reads as a preposition of something else:
    "information about one fatality" is one, not about one ("about 30 people" stays)."""
    at = token_at(doc, q.start)
    if q.hedge is None or q.count is None or " " in q.hedge or at is None:
        return q
    first = doc[at]
    if first.dep_ != "prep" or first.head.like_num:
        return q
    text = q.text[q.num_start - q.start :]
    return replace(q, start=q.num_start, text=text, hedge=None, low=q.count, high=q.count)


def find(doc: Doc, sent: Span) -> list[Found]:
    """Every figure tied to a cue in one sentence."""
    found: list[Found] = []
    quantities = find_quantities(sent.text)
    base = sent.start_char
    spans: list[tuple[Quantity, int, int]] = []
    for q in quantities:
        q = replace(q, start=q.start + base, end=q.end + base, num_start=q.num_start + base)
        a, b = token_at(doc, q.num_start), token_at(doc, q.end - 1)
        if a is None or b is None:
            continue
        spans.append((_unhedged(doc, q), a, b + 1))
    governed = {arg.i: cue for cue in sent if _is_cue(cue) for arg in _arguments(cue)}
    for q, a, b in spans:
        if q.year_like and not (
            b < sent.end and is_victim_noun(doc[b].lower_, doc[b].lemma_.lower())
        ):
            continue
        first = token_at(doc, q.start) or a
        if (b + 1 < sent.end and doc[b].lower_ == "of" and doc[b + 1].lower_ == "whom") or (
            first - 2 >= sent.start
            and doc[first - 2].lower_ == "of"
            and doc[first - 1].lower_ == "whom"
        ):
            continue  # "20 were injured, of whom 17 were hospitalized": a part already counted
        if (
            first - 2 >= sent.start
            and doc[first - 1].lower_ in {"the", "her", "his", "their"}
            and doc[first - 2].lower_ == "of"
            and first - 3 >= sent.start
            and doc[first - 3].tag_ == "CD"
            and not described_by_cue(doc, b, sent)
        ):
            continue  # "seven of the nine soldiers": the seven count ("a third of the" does not)
        if (
            (q.count or 0) > 1
            and b + 2 < sent.end
            and doc[b].lower_ == "of"
            and doc[b + 1].lower_ in {"the", "their", "these", "those"}
            and not doc[b + 2].like_num
            and any(_is_cue(t) for t in doc[b + 2 : min(b + 4, sent.end)])
        ):
            # "five of the murdered priests": part of a group counted elsewhere; but "two of
            # the injured later died" are deaths of their own
            died = next(
                (
                    d
                    for t in doc[b + 2 : min(b + 4, sent.end)]
                    if (d := died_later(doc, b, t)) is not None
                ),
                None,
            )
            if died is None:
                continue
            hit: tuple[Token, tuple[int, int] | None] | None = (died, None)
        else:
            hit = _number_first(doc, b, sent)
        via = "number-first"
        if hit is not None and hit[0].dep_ == "acl" and hit[0].i > b:
            # "killed dozens of prisoners captured in May": the participle describes the victims
            verb = _cue_first(doc, first, b, sent)
            if verb is not None and cue_word(verb[0]) in TRANSITIVE:
                hit, via = (verb[0], hit[1] or verb[1]), "cue-first"
        if (
            hit is not None
            and hit[0].lower_ in DUAL_VICTIMS
            and hit[0].i >= b
            and all(_modifier(doc[k]) for k in range(b, hit[0].i))
        ):
            # "killed at least 50 (Ukrainian) POWs": the prisoners are the victims, the verb
            # gives the kind
            verb = _cue_first(doc, first, b, sent)
            if verb is not None and verb[0].lower_ not in DUAL_VICTIMS:
                hit, via = (verb[0], verb[1] or (b, b + 1)), "cue-first"
        if hit is None:
            hit = _cue_first(doc, first, b, sent)
            via = "cue-first"
        if hit is None and not (first > sent.start and doc[first - 1].lower_ in PART_OPENERS):
            tok = doc[b - 1]
            head = tok.head if tok.dep_ in {"nummod", "quantmod"} else tok
            if head.i in governed and might_be_people(head.lower_, head.lemma_.lower()):
                # "Five buildings were hit and 12 children killed": no figure of buildings
                run = (head.i, head.i + 1) if head.pos_ == "NOUN" and head.i >= b else None
                hit, via = (governed[head.i], run), "dependency"
        if hit is None:
            continue
        cue, victim = hit
        found.append(Found(_cue_kind(doc, cue, sent.end), q, a, cue, victim, via))
    # ellipsis: "..., and four more on Wednesday", "killed 3 soldiers and 2 civilians"
    for q, a, b in spans:
        if any(f.num == a for f in found) or not found:
            continue
        prior = [f for f in found if f.num < a]
        first = token_at(doc, q.start) or a
        if (
            not prior
            or first == sent.start
            or doc[first - 1].lower_ not in {"and", ",", "plus", "while"}
        ):
            continue
        nxt = doc[b].lower_ if b < sent.end else ""
        victim = None
        if nxt in {"more", "others", "other", "further", "additional"}:
            pass
        elif b < sent.end and (run := _noun_run(doc, b, sent.end)) is not None:
            victim = run
        else:
            continue
        p = prior[-1]
        part = any(
            doc[k].lower_ in PART_OPENERS or (doc[k].text == "," and _opens_aside(doc, k + 1, sent))
            for k in range(p.num + 1, first)
        )  # "including three girls and eight boys": the boys are a part too
        if any(
            t.pos_ == "VERB"
            and any(c.dep_ == "dobj" for c in t.children)
            and t.lower_ not in CUES
            and t.lemma_.lower() not in CUES
            and t.lower_ not in ASIDE_OPENERS
            for t in doc[max(p.num, p.cue.i if p.cue is not None else p.num) + 1 : first]
        ):
            continue  # "wounded four, and seized three rifles": a verb with its own object
        found.append(Found(p.kind, q, a, None, victim or p.victim, "ellipsis", part=part))
    used = {f.num for f in found} | {i for _, a, b in spans for i in range(a - 1, b)}
    found.extend(_singulars(doc, sent, used, {f.num for f in found}))
    return sorted(_split_combined(doc, found, sent), key=lambda f: f.num)


def _split_combined(doc: Doc, found: list[Found], sent: Span) -> list[Found]:
    """A figure of "dead and wounded" together is a figure of each kind, marked ``combined``:
    the reader cannot split it, and neither kind may count it as its own number."""
    out: list[Found] = []
    for f in found:
        if f.kind == "casualties" and f.cue is not None and _paired(doc, f.cue, sent.end):
            out.extend(replace(f, kind=k, combined=True) for k in COMBINED_KINDS)
        else:
            out.append(f)
    return out
