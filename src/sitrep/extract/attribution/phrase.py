"""The full noun phrase of a source or speaker, shared by claims, casualties and quotes.

Given the head token a cue points at (the subject of "said", the object of "according to"),
:func:`source_phrase` returns the whole name as a reader would write it down: possessives
("Gaza's Health Ministry"), long organisation names ("the Armed Conflict Location and Event Data
Project"), titles ("US President Joe Biden") and an apposition split into name and role
("Oleksandr Starukh, the governor"). It never crosses a sentence boundary the parser missed
("... by Tochka-U. He" is "He"), a quotation mark, a line break or a parenthesis, and it refuses
(returns None) when the phrase is the victims of a figure ("All civilians") rather than anyone
who could say it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from sitrep.extract.attribution.lexicon import (
    CHANNELS,
    COUNT_OPENERS,
    COUNT_QUANTIFIERS,
    COUNTED_HEADS,
    GROUP_WORDS,
    NUMBER_WORDS,
    ORGANISATION_WORDS,
    PERSON_HEADS,
    RELATION_PREPS,
    ROLE_PREPS,
    ROLE_WORDS,
    SPEAKER_PRONOUNS,
    TITLE_WORDS,
    VICTIM_HEADS,
)
from sitrep.extract.attribution.marks import inner_pair
from sitrep.extract.places.lexicon import PLACE_NOUNS
from sitrep.nlp import text_of

SourceKind = Literal["person", "organisation", "group", "pronoun"]


# Tokens a name may hold between capitalised words ("Location and Event Data Project",
# "Ministry of Health", "Doctors Without Borders").
_NAME_GLUE = frozenset({"and", "of", "for", "&", "without", "de", "al", "el", "on", "the"})
_BREAK = frozenset({",", ";", ":", "(", ")", "[", "]", "--", "\u2014", "\u2013", "|"})
_ABBREV = re.compile(r"^(?:[A-Z]\.)+$|^(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Maj|Capt|Rep|Sen|Gov)\.$")
_ARTICLES = frozenset({"the", "a", "an"})


@dataclass(frozen=True, slots=True)
class SourcePhrase:
    """A source or speaker phrase, as written, and what it names.

    Attributes:
        text: the phrase without a leading article ("Gaza's Health Ministry").
        start: character offset of the phrase in the document.
        end: character offset after the phrase.
        name: the name alone: a person without title or role ("Oleksandr Starukh"), else the
            phrase itself.
        role: the title or apposition that says who the person is ("governor"), if any.
        kind: person, organisation, group (unnamed people) or pronoun.
    """

    text: str
    start: int
    end: int
    name: str
    role: str | None
    kind: SourceKind


def _is_break(tok: Token) -> bool:
    """Whether a token ends any phrase: punctuation that closes a clause, a quote, a newline."""
    if tok.is_quote or "\n" in tok.text or tok.text in _BREAK or tok.text in {"!", "?"}:
        return True
    if tok.text == "-" and tok.whitespace_ and tok.i > 0 and tok.doc[tok.i - 1].whitespace_:
        return True  # a hyphen standing for a dash ("Kharkiv, Ukraine - Oleh Syniehubov said")
    return tok.text == "." or (
        len(tok.text) > 1 and tok.text.endswith(".") and not _ABBREV.match(tok.text)
    )


def _sentence_cut(doc: Doc, lo: int, hi: int, head: int) -> tuple[int, int]:
    """Shrink [lo, hi] around ``head`` so that it crosses no break token.

    A token like "U." (a name's last letter with the full stop of a sentence the parser ran
    on) ends the sentence when a capitalised word follows it.
    """
    inner = inner_pair([k for k in range(lo, hi + 1) if doc[k].is_quote], lo, hi)
    # an abbreviation in brackets inside a name: "the World Health Organisation (WHO) chief"
    inner |= {
        j
        for k in range(lo, hi - 1)
        if doc[k].text == "(" and doc[k + 2].text == ")" and doc[k + 1].is_upper
        for j in (k, k + 2)
    }
    for k in range(head - 1, lo - 1, -1):
        t = doc[k]
        if k in inner:
            continue
        stop = _is_break(t) or (
            t.text.endswith(".") and k + 1 <= head and doc[k + 1].is_title and t.i != head
        )
        if stop:
            lo = k + 1
            break
    for k in range(head + 1, hi + 1):
        if _is_break(doc[k]) and k not in inner:
            hi = k - 1
            break
    return lo, hi


def _entity_bounds(tok: Token) -> tuple[int, int] | None:
    if tok.ent_iob_ == "O":
        return None
    doc = tok.doc
    a, b = tok.i, tok.i + 1  # the entity from the IOB tags: a scan of doc.ents is slow
    while a > 0 and doc[a].ent_iob_ == "I":
        a -= 1
    while b < len(doc) and doc[b].ent_iob_ == "I":
        b += 1
    if any(_is_break(t) for t in doc[a:b]):
        return None
    return a, b - 1


def _capitalised(tok: Token) -> bool:
    return tok.is_title or (tok.is_upper and len(tok.text) > 1) or tok.pos_ == "PROPN"


def _name_run(doc: Doc, lo: int, hi: int, floor: int, ceil: int) -> tuple[int, int]:
    """Grow [lo, hi] over a run of capitalised words and the glue between them."""
    k = lo - 1
    while k >= floor:
        t = doc[k]
        if _is_break(t):
            break
        if (
            _capitalised(t)
            or t.lower_ in {"'s", "\u2019s", "'"}
            or (t.lower_ in _NAME_GLUE and k - 1 >= floor and _capitalised(doc[k - 1]))
        ):
            lo = k
        else:
            break
        k -= 1
    k = hi + 1
    while k <= ceil:
        t = doc[k]
        if _is_break(t):
            break
        if (_capitalised(t) and t.pos_ not in {"VERB", "AUX"}) or (
            t.lower_ in _NAME_GLUE - {"the"} and k + 1 <= ceil and _capitalised(doc[k + 1])
        ):
            hi = k
        else:
            break
        k += 1
    return lo, hi


def quoted_name_end(doc: Doc, k: int) -> int | None:
    """The closing mark of a name in quotation marks opening at token ``k`` (up to four words,
    each capitalised: 'the Telegram channel "Nikolaevsky Vanek"'), or None."""
    if k >= len(doc) or not doc[k].is_quote:
        return None
    m = k + 1
    while m < len(doc) and m - k <= 4 and not doc[m].is_quote and doc[m].is_title:
        m += 1
    return m if k + 1 < m < len(doc) and doc[m].is_quote else None


def _bounds(head: Token, limit: int) -> tuple[int, int] | None:
    """Token bounds [lo, hi] (inclusive) of the phrase headed by ``head``, before the apposition."""
    doc = head.doc
    lo = hi = head.i
    for t in head.subtree:
        if t.i < head.i:
            lo = min(lo, t.i)
    rights = list(head.rights)
    for k, child in enumerate(rights):
        if (
            child.dep_ in {"compound", "flat", "nummod"}
            or (
                child.dep_ == "prep"
                and child.lower_ in {"of", "for", "from"}
                and head.pos_ != "PRON"
            )
            or (child.dep_ == "prep" and child.lower_ in role_preps(head))
        ):
            hi = max(hi, child.right_edge.i)
        elif (
            child.dep_ == "cc"
            and child.lower_ == "and"
            and k + 1 < len(rights)
            and rights[k + 1].dep_ == "conj"
            and rights[k + 1].pos_ in {"NOUN", "PROPN"}
            and head.pos_ in {"NOUN", "PROPN"}
            and not any(_is_break(t) for t in doc[child.i : rights[k + 1].right_edge.i + 1])
        ):
            # two sources named together: "Officials from Russia and the separatist authorities"
            hi = max(hi, rights[k + 1].right_edge.i)
            break
        elif (
            child.dep_ == "appos"
            and head.pos_ == "NOUN"
            and child.pos_ == "PROPN"
            and child.ent_type_ != "PERSON"
            and child.left_edge.i == hi + 1
            and all(t.pos_ == "PROPN" for t in doc[child.left_edge.i : child.i + 1])
        ):
            hi = child.i  # the name right after its kind: "the Telegram channel Baza"
            break
        elif child.dep_ in {"punct", "appos", "relcl", "acl", "cc", "conj", "advcl", "prep"}:
            break
    if head.pos_ == "NOUN":
        hi = quoted_name_end(doc, hi + 1) or hi  # 'the Telegram channel "Nikolaevsky Vanek"'
    floor = max(head.sent.start, head.i - 3 * limit)
    ceil = min(len(doc) - 1, head.i + 3 * limit)
    lo, hi = max(lo, floor), min(hi, ceil)
    ent = _entity_bounds(head)
    if ent is not None:
        lo, hi = min(lo, ent[0]), max(hi, ent[1])
    if _capitalised(head) and head.pos_ != "PRON":
        lo, hi = _name_run(doc, lo, hi, floor, ceil)
    lo, hi = _sentence_cut(doc, lo, hi, head.i)
    # "the fire service on Facebook": where it was said is not who said it
    hi = next(
        (
            k - 1
            for k in range(head.i + 1, hi)
            if doc[k].lower_ == "on" and doc[k + 1].lower_ in CHANNELS
        ),
        hi,
    )
    # "the Ministry of Internal Affairs on Saturday": when it was said is not who said it
    hi = next(
        (
            k - 1
            for k in range(head.i + 1, hi + 1)
            if doc[k].dep_ == "prep"
            and any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in doc[k].children)
        ),
        hi,
    )
    # a relative or participle clause before the head is not part of the name
    while lo < head.i and doc[lo].pos_ in {"VERB", "AUX", "SCONJ", "CCONJ", "ADP", "PUNCT"}:
        lo += 1
    while lo < head.i and doc[lo].lower_ in _ARTICLES | {"all", "some", "both", "many", "another"}:
        lo += 1
    while hi > head.i and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    if hi - lo + 1 > limit:
        lo = max(lo, head.i - limit + 1)
    return (lo, hi) if lo <= hi else None


def _appos(head: Token) -> list[Token]:
    """The apposition of ``head`` ("X, the governor of Y,"), cut at its closing comma."""
    for child in head.rights:
        if child.dep_ == "appos":
            toks = [t for t in head.doc[child.left_edge.i : child.right_edge.i + 1]]
            out: list[Token] = []
            for t in toks:
                if t.text == "," and out:
                    break
                if _is_break(t) and t.text != ",":
                    break
                if t.text != ",":
                    out.append(t)
            return out
    return []


def _inner_person_appos(head: Token, last: Token) -> list[Token]:
    """The person named after a common-noun phrase whose apposition the parser hung on the
    phrase's last noun ("One resident of Jabaliya, Abdel Kareem Rayan, said": Rayan, not an
    apposition of Jabaliya): only a person's name, and only right after the phrase's comma."""
    if head.pos_ != "NOUN" or last.i == head.i or last.i + 1 >= len(head.doc):
        return []
    if head.doc[last.i + 1].text != ",":
        return []
    appos = _appos(last)
    return appos if appos and _kind(appos) == "person" else []


def role_preps(head: Token) -> frozenset[str]:
    """The prepositions a phrase headed by ``head`` grows over because ``head`` is a role
    ("an adviser to the president"): :data:`ROLE_PREPS` after a role noun, else none."""
    return ROLE_PREPS if head.lower_ in ROLE_WORDS else frozenset()


def serves_named(toks: list[Token], k: int) -> bool:
    """Whether the person named at ``toks[k:]`` is only whom the phrase's head serves or is
    kin to: "an adviser to (Ukrainian) President X", "a spokesman for Defence Minister Y", "the
    wife of President Z" name the adviser, spokesman and wife. The name must follow a title
    word (or the preposition itself, for "to" and "for") and the preposition a lower-case noun;
    "Deputy Head of the Office of the President X" and "envoy for Syria Y" are X and Y."""
    if k < 2 or k >= len(toks):
        return False
    j = k - 1
    titled = toks[j].lower_ in TITLE_WORDS | ROLE_WORDS
    while j > 0 and (
        toks[j].lower_ in TITLE_WORDS | ROLE_WORDS | _ARTICLES
        or (toks[j].is_title and toks[j].pos_ in {"ADJ", "PROPN"})
    ):
        j -= 1
    prep = toks[j]
    if prep.pos_ != "ADP" or prep.lower_ not in RELATION_PREPS or j == 0:
        return False
    if not titled and (j != k - 1 or prep.lower_ == "of"):
        return False
    return toks[j - 1].pos_ == "NOUN" and toks[j - 1].is_lower


def _kind(toks: list[Token]) -> SourceKind | None:
    words = [t.lower_ for t in toks]
    if len(words) == 1 and words[0] in SPEAKER_PRONOUNS:
        return "pronoun"
    if any(t.ent_type_ == "PERSON" for t in toks):
        return "person"
    titled = [k for k, t in enumerate(toks) if t.lower_ in ROLE_WORDS]
    if (
        titled
        and toks[-1].pos_ == "PROPN"
        and all(t.pos_ == "PROPN" for t in toks[titled[-1] + 1 :])
    ):
        return "person"  # "Mayor Anatoly Fedoruk", even when the tagger calls it an ORG
    name = _trailing_name(toks)
    if len(name) >= 2 and titled and titled[0] < len(toks) - len(name):
        # "Head of Zaporizhia Regional Military Administration Oleksandr Starukh": a role (its
        # body named inside it) and the name after it
        return "person"
    k = len(toks)
    while k > 0 and toks[k - 1].pos_ == "PROPN":
        k -= 1
    if 0 < k <= len(toks) - 2 and toks[k - 1].lower_ in PERSON_HEADS:
        # "a local activist Oleksandr Ostapa", even when the tagger calls the name an ORG
        return "person"
    if set(words) & ORGANISATION_WORDS or any(
        t.ent_type_ in {"ORG", "GPE", "NORP", "FAC"} for t in toks
    ):
        return "organisation"
    if words[-1] in GROUP_WORDS:
        return "group"
    if any(w in ROLE_WORDS for w in words) and toks[-1].pos_ == "PROPN":
        return "person"
    if toks[-1].pos_ == "PROPN":
        return "organisation" if toks[-1].is_upper else "person"
    return None


_BODY_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC"})


def _trailing_name(toks: list[Token]) -> list[Token]:
    """The run of proper nouns that ends a phrase and belongs to no organisation or place; a
    run the model tags as part of the body before it counts when it follows the body's own
    word ("... Military-Civil Administration Pavlo Kyrylenko", one ORG to the model), or the
    place of a role ("President of Ukraine Volodymyr Zelenskyy": the last two words)."""
    k = len(toks)
    while k > 0 and toks[k - 1].pos_ == "PROPN":
        if toks[k - 1].lower_ in ROLE_WORDS | ORGANISATION_WORDS:
            break
        k -= 1
    run = toks[k:]
    if not any(t.ent_type_ in _BODY_ENTS for t in run):
        return run
    after_body = k > 0 and toks[k - 1].lower_ in ORGANISATION_WORDS
    if after_body and len(run) >= 2:
        return run
    if _role_place(toks, k) and any(t.lower_ in ROLE_WORDS for t in toks[: k - 1]):
        return run[-2:]  # one ORG to the model
    return []


def _role_place(toks: list[Token], k: int) -> bool:
    """Whether the proper nouns from ``toks[k]`` on follow a role's "of" and are more than a
    name: the role's place, then a first and a last name ("President of Ukraine Volodymyr
    Zelenskyy")."""
    return k > 0 and len(toks) - k > 2 and toks[k - 1].lower_ == "of"


def _one_entity(toks: list[Token], k: int) -> bool:
    """Whether ``toks[k - 1]`` belongs to the entity of the name's last token ("Nimrod Arnin"
    read as one ORG), not to a body named before the name ("... Administration Oleksandr")."""
    return k == len(toks) or (
        toks[k].ent_iob_ == "I" and toks[k].ent_type_ == toks[k - 1].ent_type_
    )


def _split_person(toks: list[Token], text: str) -> tuple[str, str | None]:
    """(name, role) of a titled person phrase ("US President Joe Biden")."""
    k = len(toks)
    while (
        k > 0
        and toks[k - 1].lower_ not in ROLE_WORDS | ORGANISATION_WORDS
        and (toks[k - 1].ent_type_ == "PERSON" or toks[k - 1].pos_ == "PROPN")
        and (toks[k - 1].ent_type_ not in _BODY_ENTS or _one_entity(toks, k))
    ):
        k -= 1
    if k == 0 or k == len(toks):
        return _text(toks, text), None
    if _role_place(toks, k):
        k = len(toks) - 2  # "President of Ukraine Volodymyr Zelenskyy": the place is the role's
    role = toks[:k]
    while role and (role[0].lower_ in _ARTICLES or role[-1].is_punct):
        role = role[1:] if role[0].lower_ in _ARTICLES else role[:-1]
    return _text(toks[k:], text), (_text(role, text) if role else None)


def _text(toks: list[Token], text: str) -> str:
    return text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]


def source_phrase(head: Token, *, text: str | None = None, limit: int = 14) -> SourcePhrase | None:
    """The source or speaker phrase headed by ``head``, or None when it names no one who speaks.

    Args:
        head: the head token of the phrase (a cue's subject, agent or "according to" object).
        text: the original text to copy from (same length as the doc's); default the doc's.
        limit: the most tokens a phrase may hold before the apposition.

    Returns:
        The :class:`SourcePhrase`; None for the victims of a figure ("All civilians"), for a
        phrase of no noun, or when nothing is left after the cuts.
    """
    doc = head.doc
    text = text if text is not None else text_of(doc)
    bounds = _bounds(head, limit)
    if bounds is None:
        return None
    lo, hi = bounds
    toks = [t for t in doc[lo : hi + 1] if not t.is_space]
    if not toks or not any(t.pos_ in {"NOUN", "PROPN", "PRON"} for t in toks):
        return None
    if head.lower_ in VICTIM_HEADS and head.pos_ != "PROPN" and head.ent_type_ != "ORG":
        return None
    kind = _kind(toks)
    appos = _appos(head) or _inner_person_appos(head, doc[hi])
    if any(t.dep_ == "appos" and t.lemma_.lower() in PLACE_NOUNS for t in appos):
        return None  # "Majdal Shams, a Druse Arab village in the Golan Heights": a place
    if kind is None and not appos:
        kind = "group" if head.tag_ in {"NNS", "NNPS"} else "organisation"
    phrase = _text(toks, text)
    name, role = phrase, None
    if kind == "person":
        name, role = _split_person(toks, text)
        at = toks[-1].idx + len(toks[-1].text) - len(name)
        k = next((i for i, t in enumerate(toks) if t.idx == at), 0)
        if serves_named(toks, k):
            name, role = phrase, None  # "an adviser to President X": the adviser
    if appos:
        a_kind = _kind(appos)
        a_toks = appos[1:] if appos[0].lower_ in _ARTICLES else appos
        if a_kind == "person" and kind != "person" and a_toks:
            # "the governor of Kharkiv, Oleh Syniehubov": the name is in the apposition
            a_name, a_role = _split_person(a_toks, text)
            return SourcePhrase(
                _text(a_toks, text),
                a_toks[0].idx,
                a_toks[-1].idx + len(a_toks[-1].text),
                a_name,
                a_role or phrase,
                "person",
            )
        if a_toks and not all(t.like_num for t in a_toks) and len(a_toks) <= 12:
            role = role or _text(a_toks, text)
            if kind is None or (kind == "organisation" and head.pos_ == "PROPN"):
                kind = "person" if head.ent_type_ != "ORG" else "organisation"
    if (
        kind == "organisation"
        and not appos
        and head == toks[-1]
        and head.tag_ == "NN"
        and head.lower_ in PERSON_HEADS
    ):
        kind = "person"  # "a Pale Township administration spokesman": one unnamed person
    return SourcePhrase(
        phrase, toks[0].idx, toks[-1].idx + len(toks[-1].text), name, role, kind or "group"
    )


def counted_victims(source: str) -> bool:
    """Whether a source is a count of victims ("a number of others injured", "Dozens of
    Ukrainian POWs"): a figure is what is said, never who says it ("two officials" may be)."""
    words = source.lower().split()
    if words[:1] == ["the"]:
        words = words[1:]
    if words[:2] == ["number", "of"]:
        return True  # "the number of people reported injured": a count, whoever it counts
    if len(words) > 1 and words[0] in COUNT_QUANTIFIERS:
        words = words[1:]  # "Another 40 people reported missing"
    opens = bool(words) and (
        words[0][:1].isdigit()
        or words[0] in NUMBER_WORDS
        or " ".join(words[:2]) in COUNT_OPENERS
        or " ".join(words[:3]) in COUNT_OPENERS
    )
    return opens and any(w.strip(",.") in VICTIM_HEADS | COUNTED_HEADS for w in words)
