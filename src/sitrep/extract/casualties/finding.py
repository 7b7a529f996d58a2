"""Finding casualty figures in a sentence: a number tied to its cue and its victims.

"21 people were killed" (number first), "killing at least 12" (cue first), "the deaths of
three soldiers", and a single named victim ("he was shot dead"); each a :class:`Found` that
:mod:`~sitrep.extract.casualties.claims` qualifies and turns into a claim.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from sitrep.extract.casualties.found import Found, cue_word, token_at
from sitrep.extract.casualties.found import cue_kind as _cue_kind
from sitrep.extract.casualties.found import is_cue as _is_cue
from sitrep.extract.casualties.found import paired as _paired
from sitrep.extract.casualties.lexicon import (
    ASIDE_DASHES,
    ASIDE_MAX,
    ASIDE_OPENERS,
    BEARING_VERBS,
    CAUSES,
    COMBINED_KINDS,
    CUE_FIRST_GAP,
    CUES,
    DUAL_VICTIMS,
    EVENT_NOUNS,
    GAP_WORDS,
    LIVES_KEPT,
    NOT_DONE,
    PART_OPENERS,
    QUOTE_MARKS,
    RELEASE_NOUNS,
    RELEASE_VERBS,
    SHARE_PRONOUNS,
    TALLY_NOUNS,
    TALLY_REACH_PREPS,
    TRANSITIVE,
    UPDATE_VERBS,
    VICTIM_OF_NOUNS,
    VICTIM_OF_TAILS,
    VICTIM_TO_NOUNS,
)
from sitrep.extract.casualties.numbers import Quantity, find_quantities
from sitrep.extract.casualties.referents import (
    borne_injury,
    described_by_cue,
    died_later,
)
from sitrep.extract.casualties.singles import arguments as _arguments
from sitrep.extract.casualties.singles import singulars as _singulars
from sitrep.extract.casualties.victims import (
    is_listed_victim,
    is_victim_noun,
    might_be_people,
)

# A dash standing for the verb in an official's list ("5 people - killed, 15 - injured").
LIST_DASHES = ASIDE_DASHES | {"-"}


def _noun_run(doc: Doc, i: int, limit: int) -> tuple[int, int] | None:
    """Bounds of the words from token i up to the nouns after its modifiers, if those nouns
    name people; the modifiers stay with them ("68 African migrants", "two Hamas leaders")."""
    j = i
    while j < limit and doc[j].pos_ in {"ADJ", "PROPN", "VERB"} and not _is_cue(doc[j]):
        if doc[j].pos_ == "VERB" and not doc[j].lower_.endswith("ed"):
            return None
        j += 1
        if (
            j + 1 < limit
            and doc[j].lower_ in {"and", "or"}
            and doc[j - 1].pos_ == "ADJ"
            and doc[j + 1].pos_ == "ADJ"
            and not _is_cue(doc[j + 1])
        ):
            j += 1  # "85 Ukrainian and Western military officers": modifiers joined
    k = j
    while (
        k < limit
        and doc[k].pos_ in {"NOUN", "PROPN"}
        and (not _is_cue(doc[k]) or doc[k].lower_ in DUAL_VICTIMS)
    ):
        k += 1
    # "hundreds of Palestinians killed": a plural name tagged as a modifier is the head
    plural_name = (
        j > i
        and doc[j - 1].pos_ == "PROPN"
        and (doc[j - 1].tag_ == "NNPS" or is_victim_noun(doc[j - 1].lower_))
    )
    if k == j and not plural_name:
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
    return (i, k)


def _number_first(doc: Doc, q_end: int, sent: Span) -> tuple[Token, tuple[int, int] | None] | None:
    """A cue after the number: "21 people were killed", "five dead", "3 deaths"."""
    victim: tuple[int, int] | None = None
    j = q_end
    if j < sent.end and doc[j].text in QUOTE_MARKS:
        j += 1  # 'told reporters "under 100" Palestinians were killed'
    steps = 0
    while j < sent.end and steps < 9:
        t = doc[j]
        if t.text in ASIDE_DASHES:
            close = _aside_end(doc, j + 1, sent, ASIDE_DASHES)
            if close is not None:
                j = close + 1  # "22 people in total -- 20 children and two teachers -- have"
                steps += 1
                continue
        if t.text in LIST_DASHES and j + 1 < sent.end and _is_cue(doc[j + 1]):
            j += 1  # "5 people - killed, 15 - injured": an official's list, a dash for the verb
            steps += 1
            continue
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
            died = _wounded_who_died(doc, t, sent) if victim is None else None
            if died is not None:
                return died  # "11 critically injured victims succumbed to their wounds"
            if t.lower_ == "toll" or (j + 1 < sent.end and doc[j + 1].lower_ in NOT_DONE):
                return None  # "four assassination attempts", "two death threats"
            if (
                t.dep_ == "compound"
                and t.head.i > t.i
                and not might_be_people(t.head.lower_, t.head.lemma_.lower())
            ):
                return None  # "6 body fragments", "20 body bags": things, not the dead
            if t.lower_ in DUAL_VICTIMS:
                return _victims_cue(doc, t, (j, j + 1) if victim is None else None, sent, victim)
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
                held = _noun_run(doc, j, sent.end) or (m, m + 1)  # "40 Ukrainian prisoners of war"
                return _victims_cue(doc, doc[m], held, sent, None)
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


def _wounded_who_died(
    doc: Doc, cue: Token, sent: Span
) -> tuple[Token, tuple[int, int] | None] | None:
    """The death cue after victims an injury word describes ("two wounded soldiers died",
    "11 critically injured victims succumbed"): the wounded who died are a death toll."""
    head = cue.head
    if CUES.get(cue_word(cue)) != "injured" or cue.dep_ != "amod" or head.i <= cue.i:
        return None
    if head.pos_ != "NOUN" or _is_cue(head):
        return None
    later = _number_first(doc, head.i + 1, sent)
    if later is None or CUES.get(cue_word(later[0])) != "killed":
        return None
    return later[0], (cue.i + 1, head.i + 1)


def _victims_cue(
    doc: Doc,
    noun: Token,
    run: tuple[int, int] | None,
    sent: Span,
    victim: tuple[int, int] | None,
) -> tuple[Token, tuple[int, int] | None] | None:
    """The cue of a figure whose cue noun also names its victims ("hostages", "bodies"): a cue
    after the noun's ``run`` gives the kind ("five hostages were killed"), captives told as
    freed are no figure ("four prisoners were freed"), else the noun is the cue."""
    if run is not None:
        later = _number_first(doc, run[1], sent)
        if later is not None:
            return later[0], run
    if _released(noun):
        return None
    return noun, victim


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


_COMMA = frozenset({","})


def _aside_end(doc: Doc, i: int, sent: Span, closers: frozenset[str] = _COMMA) -> int | None:
    """The closing mark (a comma, or a dash for an aside a dash opened) of an aside that
    starts at token i, if it comes soon and holds no cue."""
    for k in range(i, min(i + ASIDE_MAX, sent.end)):
        if doc[k].text in closers:
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
            or (low in VICTIM_TO_NOUNS and doc[j + 1].lower_ == "to")
        ):
            if (
                low in TRANSITIVE
                and j > sent.start
                and doc[j - 1].lower_ in {"were", "was", "been", "be", "being", "are", "is"}
                and not any(doc[k].lower_ in UPDATE_VERBS for k in range(j + 1, q_start))
            ):
                # passive: the number is not its object, but the tally's new figure in "the
                # number of people reported to have been injured has risen to 31"
                return None
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
    if q_end < sent.end and _modifier(doc[q_end]):
        run = _noun_run(doc, q_end, sent.end)  # "killed 45 suspected militants"
        return cue, (q_end, run[1]) if run is not None else None
    return cue, None


def _tally_reaches(num: Token) -> Token | None:
    """The tally whose verb of change reaches a number however far apart the parse puts them:
    "the death toll of the attack on Sept. 3 has risen to 53" (the words between are too many
    for :func:`_cue_first`)."""
    if num.dep_ != "pobj" or num.head.lower_ not in TALLY_REACH_PREPS:
        return None
    verb = num.head.head
    if verb.lower_ not in UPDATE_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.lower_ == "toll" or _is_cue(subject):
        return subject
    if subject.lower_ in TALLY_NOUNS:  # "the number of people killed in X has risen to 171"
        return next((t for t in subject.subtree if t.i != subject.i and _is_cue(t)), None)
    return None


def _unhedged(doc: Doc, q: Quantity) -> Quantity:
    """The quantity without a hedge word the parse reads as a preposition of something else:
    "information about one fatality" is one, not about one ("about 30 people" stays)."""
    at = token_at(doc, q.start)
    if q.hedge is None or q.count is None or " " in q.hedge or at is None:
        return q
    first = doc[at]
    if first.dep_ != "prep" or first.head.like_num:
        return q
    if first.i == first.head.i + 1 and first.head.lower_ in TRANSITIVE:
        return q  # "kills over 70": the parse hangs the hedge on the verb it follows
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
        if (
            hit is not None
            and hit[0].i >= b
            and hit[0].dep_ == "amod"
            and hit[0].head.i > hit[0].i
            and might_be_people(hit[0].head.lower_, hit[0].head.lemma_.lower())
        ):
            # "killed 12 displaced people", "shot dead three wounded soldiers": the cue word
            # describes the victims, the verb before the number gives the kind
            verb = _cue_first(doc, first, b, sent)
            if verb is not None and cue_word(verb[0]) in TRANSITIVE:
                hit, via = (verb[0], (hit[0].i, hit[0].head.i + 1)), "cue-first"
        if hit is None:
            hit = _cue_first(doc, first, b, sent)
            via = "cue-first"
        if hit is None and not (first > sent.start and doc[first - 1].lower_ in PART_OPENERS):
            tok = doc[b - 1]
            head = tok.head if tok.dep_ in {"nummod", "quantmod"} else tok
            if head.i in governed and might_be_people(head.lower_, head.lemma_.lower()):
                # "Five buildings were hit and 12 children killed": no figure of buildings
                run = (head.i, head.i + 1) if head.pos_ == "NOUN" and head.i >= b else None
                if run is not None and all(
                    doc[k].dep_ in {"compound", "amod"} for k in range(b, head.i)
                ):
                    run = (b, head.i + 1)  # "four rescue workers": the name's own modifiers
                hit, via = (governed[head.i], run), "dependency"
        if hit is None and (tally := _tally_reaches(doc[b - 1])) is not None:
            hit, via = (tally, None), "dependency"
        if hit is None:
            continue
        cue, victim = hit
        # the wounded who later died (_wounded_who_died) add to a toll: a part of it
        died_wounded = (
            victim is not None
            and victim[0] - 1 >= b
            and CUES.get(cue_word(doc[victim[0] - 1])) == "injured"
            and CUES.get(cue_word(cue)) == "killed"
        )
        kind = _cue_kind(doc, cue, sent.end)
        found.append(Found(kind, q, a, cue, victim, via, part=died_wounded))
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
        noun = doc[victim[1] - 1] if victim is not None else doc[b] if nxt else doc[b - 1]
        if (
            noun.dep_ in {"nsubj", "nsubjpass"}
            and noun.head.i > noun.i
            and noun.head.pos_ in {"VERB", "AUX"}
            and not _is_cue(noun.head)
        ):
            continue  # "42 are missing, 91 people have sought treatment", "115 others appealed
            # for help": a verb of its own
        p = max(prior, key=lambda f: f.num)  # the nearest before it, found first or by ellipsis
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
