"""The named sources and speakers of an article, in text order: what pronouns and
descriptions ("he", "the ministry", "the statement") resolve to
(:class:`~sitrep.extract.attribution.coref.Antecedents`).

Heads come from the subjects and agents of cue verbs, "according to" objects, people the
article introduces, and "This is stated in the message of X"; a description that resolves
stands for its antecedent where it is written.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from sitrep.extract.attribution.carry import this_source_phrase
from sitrep.extract.attribution.coref import Antecedents, introduced_people
from sitrep.extract.attribution.headlines import TAIL_SOURCE_SAYS
from sitrep.extract.attribution.lexicon import (
    ISSUED_DOCUMENTS,
    NOT_AGENTS,
    SOURCE_CUES,
    SPEAKER_PRONOUNS,
)
from sitrep.extract.attribution.phrase import SourcePhrase, source_phrase
from sitrep.extract.attribution.quotes import quote_spans
from sitrep.nlp import text_of

RELATIVE = frozenset({"which", "who", "that", "whom"})
REFERRING = SPEAKER_PRONOUNS | RELATIVE | {"this"}
DESCRIPTION = re.compile(r"^(?:the|this|that)\s+[a-z][a-z-]*$", re.I)


def cue_heads(doc: Doc) -> list[Token]:
    """Heads of source phrases: subjects and agents of cue verbs, objects of "according to",
    and named people and organisations in subject position ("X described the strike as")."""
    heads: list[Token] = []
    for t in doc:
        if (
            t.dep_ == "nsubj"
            and t.ent_type_ in {"PERSON", "ORG"}
            and t.head.pos_ in {"VERB", "AUX"}
        ) or (t.dep_ == "nsubjpass" and t.ent_type_ == "PERSON"):
            heads.append(t)  # "singer X was due to perform. She said ...": X is who "she" is
        low = t.lower_
        if low == "according" and t.i + 1 < len(doc) and t.nbor(1).lower_ == "to":
            heads += [c for c in t.nbor(1).children if c.dep_ == "pobj"]
        elif t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in SOURCE_CUES:
            kids = list(t.children)
            heads += [c for c in kids if c.dep_ == "nsubj" and c.ent_type_ not in {"PERSON", "ORG"}]
            heads += [g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if t.lemma_.lower() in {"cite", "quote"}:
                heads += [c for c in kids if c.dep_ == "nsubjpass"]
    return heads


def relays(head: Token) -> bool:
    """Whether a source head passes on another's words: the agent of "cited/quoted by X", or
    "according to X" on a verb of saying ("the council said this, according to X")."""
    prep = head.head
    if prep.dep_ == "agent":
        return prep.head.lemma_.lower() in {"cite", "quote"}
    if prep.lower_ == "to" and prep.head.lower_ == "according":
        return prep.head.head.lemma_.lower() in SOURCE_CUES
    return False


def description(name: str) -> str | None:
    """ "the ministry" for "the ministry", "ministry" or "The Ministry"; None for a name."""
    low = name.strip()
    if DESCRIPTION.match(low):
        return low.lower()
    if re.fullmatch(r"[a-z][a-z-]+", low) and low not in REFERRING:
        return f"the {low}"
    return None


_COUNTRY_OFFICE = re.compile(
    r"^(?:the\s+)?(?:country|nation)['\u2019]s\s+(?P<head>[a-z][a-z-]+)$", re.I
)


def country_office(name: str) -> str | None:
    """The office of "the country's president" ("president"): a description a lead gives
    before the story names who holds the office; None for anything else."""
    m = _COUNTRY_OFFICE.match(name.strip())
    return m.group("head").lower() if m else None


def speechless(source: str) -> bool:
    """Whether a source phrase is headed by a thing that causes or holds a figure and cannot
    say it ("the conflict", "a Russian rocket that hit"): a relative pronoun ending the phrase
    does not count as its head."""
    words = source.strip().lower().split()
    head = [w for w in words if w not in RELATIVE] or words
    return bool(head) and head[-1] in NOT_AGENTS


def named(phrase: SourcePhrase) -> bool:
    """Whether a phrase names someone (not "he", "the ministry", "the statement", nor the
    relative pronoun of "the attack, which claimed 32 lives", nor a thing that cannot speak:
    "the Ukrainian attack had claimed the lives of 14" leaves "It noted" to the ministry)."""
    return (
        phrase.kind != "pronoun"
        and phrase.text.strip().lower() not in REFERRING
        and description(phrase.text) is None
        and not speechless(phrase.text)
    )


def antecedents(doc: Doc, *, text: str | None = None) -> Antecedents:
    """Every named source and speaker of the article, in text order.

    Args:
        doc: the parsed article.
        text: the original text (same length as the doc's text); default the doc's.

    Returns:
        The :class:`~sitrep.extract.attribution.coref.Antecedents` to resolve against.
    """
    sents = list(doc.sents)
    doc_text = text_of(doc)
    ants = Antecedents(sentence_starts=[s.start_char for s in sents])
    quoted = [(q.start, q.end) for q in quote_spans(text if text is not None else doc_text)]
    cued = cue_heads(doc)
    introduced = [e.root for e in introduced_people(doc)]
    described: list[SourcePhrase] = []
    for head in [*cued, *(t for t in introduced if t not in cued)]:
        if any(a <= head.idx < b for a, b in quoted):
            continue  # a name inside someone's quotation is not who speaks in the article
        phrase = source_phrase(head, text=text)
        if phrase is not None and named(phrase):
            ants.add_phrase(phrase, relay=relays(head))
        elif phrase is not None and phrase.kind != "pronoun":
            described.append(phrase)
    # "..., the Head of the Regional Administration, Serhii Lysak, reports.": a source at a
    # sentence's end that the parse gives no cue verb is named all the same
    for sent in sents:
        m = TAIL_SOURCE_SAYS.search(doc_text[sent.start_char : sent.end_char])
        span = (
            doc.char_span(sent.start_char + m.start("src"), sent.start_char + m.end("src"))
            if m
            else None
        )
        if span is None or any(a <= span.start_char < b for a, b in quoted):
            continue
        phrase = source_phrase(span.root, text=text)
        if (
            phrase is not None
            and named(phrase)
            and not ants.between(span.start_char, sent.end_char)
        ):
            ants.add_phrase(phrase)
    # "This is stated in the message of the State Emergency Service": the issuer of what
    # "the statement says" below
    for sent in sents:
        said = this_source_phrase(sent, text)
        if said is None or any(a <= said.start < b for a, b in quoted):
            continue
        if not ants.between(said.start, said.start + 1):
            ants.add_phrase(said)
    # "The committee said ... it said": a description that resolves stands for its antecedent
    # where it is written, so a later "it" or "the group" reaches the committee, not an older name
    for phrase in sorted(described, key=lambda p: p.start):
        desc = description(phrase.text)
        if desc is None or desc.split()[-1] in ISSUED_DOCUMENTS:
            continue  # "the statement" is what a source issued, not a source
        found = ants.resolve(desc, phrase.start)
        if found is not None:
            ants.add(found.name, phrase.start, found.kind, found.role, relay=found.relay)
    return ants
