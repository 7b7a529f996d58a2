"""One attribution pass over an article's casualty claims and quotes.

The extractors find a source or speaker in their own sentence; this pass settles who that is
with the whole article in view, the same way for claims and quotes:

- every named source and speaker (the subject of a cue verb, the object of "according to",
  an apposition) is collected in text order as an antecedent
  (:class:`~sitrep.extract.attribution.coref.Antecedents`);
- a pronoun, a relative pronoun or a description ("he", "which", "the ministry", "the
  statement") resolves to the latest compatible antecedent; a fragment ("'s military") grows to
  its whole phrase (:func:`~sitrep.extract.attribution.phrase.source_phrase`); victims are never a
  source;
- a figure inside a quotation is the speaker's; a headline or lede that ends in its source
  ("... - regional governor", "..., says acting mayor") gives it;
- quotations without a cue of their own take their speaker from "Quote:", "the statement reads"
  and "X was cited as saying".

Spans stay where the mention is (a resolved "he" keeps its own offsets); only names change.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from sitrep.extract.attribution.antecedents import REFERRING as _REFERRING
from sitrep.extract.attribution.antecedents import RELATIVE as _RELATIVE
from sitrep.extract.attribution.antecedents import antecedents, country_office, speechless
from sitrep.extract.attribution.antecedents import description as _description
from sitrep.extract.attribution.antecedents import named as _named
from sitrep.extract.attribution.carry import (
    carried_source,
    credit_line,
    impersonal,
    list_source,
    next_this_source,
)
from sitrep.extract.attribution.continued import open_runs
from sitrep.extract.attribution.coref import Antecedent, Antecedents
from sitrep.extract.attribution.cues import self_named, unstamped
from sitrep.extract.attribution.governs import figure_after, figure_at
from sitrep.extract.attribution.grow import (
    described_by_agent,
    grow_speaker,
    repeated_speakers,
    token_at,
)
from sitrep.extract.attribution.headlines import (
    DASH_SAYS,
    TAIL_COLON,
    TAIL_SAYS,
    line_of,
    tail_source,
)
from sitrep.extract.attribution.labels import label_speaker
from sitrep.extract.attribution.lexicon import (
    DATA_NOUNS,
    SOURCE_CUES,
    SPEAKER_PRONOUNS,
    VICTIM_HEADS,
    WORDING_VERBS,
)
from sitrep.extract.attribution.phrase import SourcePhrase, counted_victims, source_phrase
from sitrep.extract.attribution.quotes import (
    linked_subject,
    quote_spans,
    quoted_name,
    relayed_speaker,
)
from sitrep.extract.attribution.ranker import rerank, shipped_model
from sitrep.extract.attribution.speakers import Speaker
from sitrep.extract.places.datelines import dateline_at
from sitrep.model import CasualtyClaim, Quote
from sitrep.nlp import text_of

EXTRACTOR = "attribution.v2"

# A label or dateline the parser took for the subject ("UPDATE: ...", "JERUSALEM - ...")
_LABEL = re.compile(r"^[A-Z][A-Z .'-]{1,30}$")
_WHEN = re.compile(
    r"^(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|"
    r"tonight|january|february|march|april|may|june|july|august|september|october|november|"
    r"december)$",
    re.I,
)
# A page's date stamp the parse took for a subject ("date 2023-11-02 Officials say ..."): no source
_DATE_STAMP = re.compile(r"^\W*(?:date\s+)?\d{4}-\d{2}-\d{2}\W*$", re.I)
_QUOTE_LABEL = re.compile(r"(?:^|\n)\s*(?:Quote|Quote from the statement)\s*:\s*$", re.I)
_READS = re.compile(
    r"^[\s,\u201d\"]*(?P<src>(?:the|a|an|his|her|their|its)\s+[a-z]+)\s+"
    r"(?:reads|read|says|said|adds|added|notes|noted|states|stated)\b",
    re.I,
)
_CITED = re.compile(
    r"(?:was|were|is|are)\s+(?:cited|quoted)\s+(?:by\s+[^,.;]{1,60}\s+)?as\s+saying\W*$", re.I
)


def _resolve_mention(
    doc: Doc, mention: str, start: int, ants: Antecedents, text: str
) -> Antecedent | SourcePhrase | None:
    """What a referring mention at ``start`` stands for: an antecedent or a whole phrase."""
    low = mention.strip().lower()
    if low in _RELATIVE:
        tok = token_at(doc, start)
        if tok is not None and tok.head.dep_ == "relcl":
            phrase = source_phrase(tok.head.head, text=text)
            if phrase is not None and _named(phrase):
                return phrase
        return None
    return ants.resolve(mention, start)


def _name_of(found: Antecedent | SourcePhrase) -> str:
    return found.text if isinstance(found, SourcePhrase) and found.kind != "person" else found.name


def _in_quote(quotes: list[Quote], start: int, end: int) -> Quote | None:
    return next((q for q in quotes if q.start - 1 <= start and end <= q.end + 1), None)


def _repair(doc: Doc, source: str, lo: int, hi: int, text: str) -> SourcePhrase | None:
    """The whole phrase of a source found in [lo, hi) of the text, if it can be grown."""
    at = text.find(source, lo, hi)
    if at < 0:
        return None
    span = doc.char_span(at, at + len(source), alignment_mode="expand")
    if span is None or not len(span):
        return None
    # the syntactic head of the source: "Officials" in "Officials from Russia"
    return source_phrase(span.root, text=text)


_FIRST_PERSON = frozenset({"we", "i", "us"})


def attribute_claims(
    doc: Doc,
    claims: list[CasualtyClaim],
    quotes: list[Quote],
    *,
    outlet: str | None = None,
    ants: Antecedents | None = None,
) -> list[CasualtyClaim]:
    """Settle the source of every casualty claim with the whole article in view.

    Args:
        doc: the parsed article.
        claims: the casualty claims found sentence by sentence.
        quotes: the article's quotations, speakers already settled (:func:`attribute_quotes`).
        outlet: the outlet, which a claim without a source of its own keeps.
        ants: the article's antecedents (computed when not given).

    Returns:
        The claims with sources resolved; nothing else changes.
    """
    text = text_of(doc)
    ants = ants if ants is not None else antecedents(doc)
    out: list[CasualtyClaim] = []
    for c in claims:
        source = c.source
        lo, hi = c.evidence.start, c.evidence.end
        if source is not None and "\n" in source.strip():
            source = source.strip().rsplit("\n", 1)[1].strip() or None  # never across a line
        if source is not None and _DATE_STAMP.match(source):
            source = None
        if source is not None and _LABEL.match(source) and _labels(text, source, lo, hi):
            source = _sentence_source(doc, lo, text) or None
        elif source is not None and _dateline(text, source, lo, hi):
            source = _after_dateline(doc, source, lo, hi, text)
        line = line_of(text, lo, hi)
        if not line.strip().endswith(text[lo:hi].strip()) and not _colon_tail(text, lo, hi, line):
            line = text[lo:hi]  # the line goes on: its end names another's source; ours ends here
        said = TAIL_SAYS.search(line) if "\n" not in line.strip() else None
        if said and source is not None and source not in said.group("src"):
            # "..., says acting mayor": the parse cannot beat it; but ", said the strikes killed
            # 15 people" is a reported clause, no source at the end (tail_source refuses it)
            source = tail_source(line) or source
        if source is not None and counted_victims(source):
            source = None  # "a number of others injured ..., the governor said": a broken parse
        own = source is not None and source != outlet
        if own and source is not None:
            low = source.strip().lower()
            desc = _description(source)
            words = low.split()
            if speechless(source) or _WHEN.match(low) or not any(c.isalpha() for c in source):
                source = None  # "by a Russian rocket", "confirmed by the Thursday", "26 confirmed"
            elif words[-1] in DATA_NOUNS:
                agent = _sentence_source(doc, lo, text)
                source = agent if agent and agent.split()[-1].lower() not in DATA_NOUNS else source
            elif low in _REFERRING or desc:
                at = text.find(source, lo, hi)
                found = _resolve_mention(doc, desc or source, at if at >= 0 else lo, ants, text)
                if found is not None:
                    source = _name_of(found)
                elif low in _RELATIVE or low in _FIRST_PERSON or low == "this":
                    source = None  # "we have confirmed 93": the quotation's speaker, below
            else:
                phrase = _repair(doc, source, lo, hi, text)
                if phrase is None and _victims_as_source(doc, source, lo, hi, text):
                    source = None
                elif phrase is not None and source in phrase.text and phrase.text != source:
                    source = phrase.text
                elif (
                    phrase is not None and phrase.kind == "person" and source in (phrase.role or "")
                ):
                    source = phrase.name  # "the city's mayor, Petro Kuzmenko": the person named
                full = ants.fuller(source or "", lo)
                if full is not None:  # "the Emergency Service" after its full name
                    source = full.name
        if source is None or source == outlet:
            fig = figure_at(c, text)
            # the sentence, its start or its figure inside a quotation ('Quote: "... 23 died"')
            quote = (
                _in_quote(quotes, lo, hi)
                or _in_quote(quotes, c.evidence.start, c.evidence.start)
                or (_in_quote(quotes, fig, fig) if fig != c.evidence.start else None)
            )
            if quote is not None and figure_after(text, quote, c):
                quote = None  # '"...," X told AFP after the strike that killed 45': not X's 45
            if quote is not None and quote.speaker:
                source = quote.speaker
            else:
                tail = tail_source(line)
                alone = impersonal(doc, fig)
                source = (
                    tail
                    or list_source(text, lo, ants)
                    or (None if alone else next_this_source(doc, lo, text))
                    or (None if alone else carried_source(doc, c, out, text, outlet))
                    or credit_line(doc, c.evidence.end, text)
                    or _post_author(doc, text, lo, hi, ants)
                    or source
                )
        if source is None or (outlet is not None and self_named(source, outlet)):
            source = outlet  # "..., ARY News reported" in ARY News: the outlet's own report
        source = unstamped(source) if source is not None else None
        out.append(c if source == c.source else replace(c, source=source))
    return out


def _colon_tail(text: str, lo: int, hi: int, line: str) -> bool:
    """Whether all the line holds after a sentence that ends in a colon is the source of a
    headline ("US airstrike kills 68 migrants in Yemen: Houthis", parsed as two sentences)."""
    if not text[lo:hi].rstrip().endswith(":"):
        return False
    end = text.rfind("\n", 0, lo) + 1 + len(line)
    return TAIL_COLON.fullmatch(":" + text[hi:end]) is not None


def _post_author(doc: Doc, text: str, lo: int, hi: int, ants: Antecedents) -> str | None:
    """The author a paragraph names after a dash at its end ("The death toll has risen to 17.
    ... - he wrote on Telegram."): every sentence of the paragraph is the post's."""
    line = line_of(text, lo, hi)
    m = DASH_SAYS.search(line)
    if m is None:
        return None
    src = m.group("src")
    if src.lower() not in SPEAKER_PRONOUNS:
        return src
    at = text.rfind("\n", 0, lo) + 1 + m.start("src")  # the line starts after its newline
    found = ants.resolve(src, at)
    return found.name if found is not None else None


def _dateline(text: str, source: str, lo: int, hi: int) -> bool:
    """Whether ``source`` is the dateline that opens the sentence's line ("Deir el-Balah, Gaza -
    A food aid organization said ..."): where the reporter files from, no one who speaks."""
    at = text.find(source, lo, hi)
    return at >= 0 and dateline_at(text, at, at + len(source))


def _after_dateline(doc: Doc, source: str, lo: int, hi: int, text: str) -> str | None:
    """Who speaks after a dateline the parse made the subject: the phrase it reads as the
    dateline's apposition ("Deir el-Balah, Gaza - A food aid organization said")."""
    at = text.find(source, lo, hi)
    tok = token_at(doc, at + len(source) - 1)
    if tok is None:
        return None
    for child in tok.children:
        if child.dep_ == "appos" and child.idx >= at + len(source):
            phrase = source_phrase(child, text=text)
            if phrase is not None and phrase.kind != "pronoun":
                return phrase.name if phrase.kind == "person" else phrase.text
    return None


def _labels(text: str, source: str, lo: int, hi: int) -> bool:
    """Whether ``source`` stands in the sentence as a label or dateline (before ':' or a dash)."""
    at = text.find(source, lo, hi)
    return at >= 0 and bool(re.match(r"\s*(?::|[-\u2013\u2014]\s)", text[at + len(source) :]))


def _sentence_source(doc: Doc, lo: int, text: str) -> str | None:
    """The first named subject of a cue verb in the sentence starting at ``lo``."""
    tok = token_at(doc, lo)
    if tok is None:
        return None
    for t in tok.sent:
        if t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in SOURCE_CUES:
            phrase = _subject_phrase(t, text)
            if phrase is not None and phrase.kind != "pronoun" and not _LABEL.match(phrase.text):
                return phrase.name if phrase.kind == "person" else phrase.text
            # "UPDATE: As of 5 p.m. the Fire Service reported": the label took the subject's
            # place in the parse; the name right before the verb is who reported
            left = t.nbor(-1) if t.i > tok.sent.start else None
            if left is not None and left.pos_ == "PROPN" and left.ent_type_ in _SPEAKING_ENTS:
                named = source_phrase(left, text=text)
                if named is not None and named.kind in {"organisation", "person"}:
                    return named.name if named.kind == "person" else named.text
    return None


_SPEAKING_ENTS = frozenset({"ORG", "PERSON", "GPE"})


def _victims_as_source(doc: Doc, source: str, lo: int, hi: int, text: str) -> bool:
    at = text.find(source, lo, hi)
    tok = token_at(doc, at + len(source) - 1) if at >= 0 else None
    return tok is not None and tok.lower_ in VICTIM_HEADS and tok.pos_ != "PROPN"


def attribute_quotes(
    doc: Doc, quotes: list[Quote], *, ants: Antecedents | None = None, rank: bool = True
) -> list[Quote]:
    """Settle the speaker of every quotation with the whole article in view.

    A pronoun or description speaker resolves to its antecedent (the span stays on the
    mention); a quotation without a speaker takes one from "Quote:", "the statement reads" or
    "X was cited as saying".

    Args:
        doc: the parsed article.
        quotes: the quotations found by :func:`sitrep.extract.quotes.quotes`.
        ants: the article's antecedents (computed when not given).
        rank: let the shipped speaker model (:mod:`~sitrep.extract.attribution.ranker`)
            overrule the rules' speaker.

    Returns:
        The quotations, speakers resolved; content spans unchanged.
    """
    text = text_of(doc)
    ants = ants if ants is not None else antecedents(doc)
    out: list[Quote] = []
    spans = [(x.start, x.end) for x in quotes]
    for q in quotes:
        if q.speaker_start is not None and any(
            a <= q.speaker_start < b and (a, b) != (q.start, q.end) for a, b in spans
        ):  # '"This location served ...," it added, insisting that "...": not "This location"
            q = _unspoken(q)
        if q.speaker is not None and (
            _WHEN.match(q.speaker.strip()) or (len(q.speaker.strip()) < 2 and q.speaker.islower())
        ):  # a date the parser took for the subject; a word cut off at the text's end ("t")
            q = _unspoken(q)
        if q.speaker is not None and q.speaker_start is not None:
            speaker, at = q.speaker, q.speaker_start
            low = speaker.strip().lower()
            desc = _description(speaker)
            grown = grow_speaker(doc, q, text) if desc else q
            if grown.speaker != speaker:
                # '"...," added the head of the Ministry of Internal Affairs': the whole
                # description (or the name it ends in) is the speaker, not "the head"
                q = grown
            elif (office := country_office(speaker)) and (held := ants.holder(office, at)):
                q = replace(q, speaker=held.name, speaker_role=held.role)  # "the country's
            elif low in _REFERRING or desc:  # president" named further down
                found = _resolve_mention(doc, desc or speaker, at, ants, text)
                if found is not None:
                    q = replace(q, speaker=_name_of(found), speaker_role=found.role)
                elif desc:
                    q = described_by_agent(doc, q, text)
            else:
                q = grow_speaker(doc, q, text)
                full = ants.fuller(q.speaker or "", at)
                if full is not None:  # "the City Council" after "the Mariupol City Council"
                    q = replace(q, speaker=full.name)
            out.append(q)
            continue
        if q.speaker is None:
            q = _cueless(doc, q, ants, text)
        out.append(q)
    out = open_runs(text, out)
    model = shipped_model() if rank else None
    if model is not None:
        out = rerank(doc, out, ants, model)
    out = repeated_speakers(doc, worded_quotes(doc, out, ants))
    # a thing that cannot speak ("A rocket had left a pit." before the quotation) is no speaker
    return [_unspoken(q) if q.speaker and speechless(q.speaker) else q for q in out]


def _unspoken(q: Quote) -> Quote:
    return replace(q, speaker=None, speaker_start=None, speaker_end=None, speaker_role=None)


_SPEAKING_KINDS = frozenset({"person", "organisation", "group", "pronoun"})
_NO_SPEAKER = frozenset({"it", "there", "this", "that", "what", "which", "who"})


def _subject_phrase(verb: Token, text: str) -> SourcePhrase | None:
    # the subject nearest the verb: "JERUSALEM - The Israeli military said" has two
    subj = sorted((c for c in verb.children if c.dep_ == "nsubj"), key=lambda c: abs(c.i - verb.i))
    relayed = relayed_speaker(verb)  # "AP quoted X as saying": X, whoever X is
    if relayed is not None:
        return source_phrase(relayed, text=text)
    if not subj or subj[0].lower_ in _NO_SPEAKER:
        return None
    phrase = source_phrase(subj[0], text=text)
    if phrase is None or phrase.kind not in _SPEAKING_KINDS:
        return None
    if phrase.kind != "pronoun" and not any(
        t.pos_ == "PROPN" or t.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
        for t in subj[0].subtree
    ):
        return None  # "the questions", "the headline": no one speaking
    return phrase


def _colon_or_governing_subject(doc: Doc, q: Quote, text: str) -> SourcePhrase | None:
    """The speaker of a quotation introduced by "X verb:" or embedded in a clause of X's.

    '"Cruz continued: "..."', 'Breitbart News responded: "..."', 'X called the show "the
    news show of record"': the subject of the verb that governs the quotation, or of the last
    verb before the colon that opens it, when that subject names someone.
    """
    open_at = max(0, q.start - 1)
    lead = text[max(0, open_at - 3) : open_at]
    first = token_at(doc, q.start)
    if first is None:
        return None
    if ":" in lead:
        colon = token_at(doc, text.rfind(":", 0, open_at))
        if colon is None:
            return None
        verbs = [t for t in colon.sent if t.i < colon.i and t.pos_ in {"VERB", "AUX"}]
        for verb in reversed(verbs):
            phrase = _subject_phrase(verb, text)
            if phrase is not None:
                return phrase
        return None
    if first.sent.start_char > open_at:
        return None
    node = first
    for _ in range(6):
        if node.head is node:
            break
        node = node.head
        if node.idx >= q.start and node.idx < q.end:
            continue  # still inside the quotation
        if node.pos_ in {"VERB", "AUX"}:
            return _subject_phrase(node, text)
    return None


def _cueless(doc: Doc, q: Quote, ants: Antecedents, text: str) -> Quote:
    """The speaker of a quotation without a cue, from the words around it."""
    open_at = max(0, q.start - 1)
    before = text[max(0, open_at - 200) : open_at]
    after = text[q.end : q.end + 80]
    label = label_speaker(text, q.start, q.end)
    if label is not None:
        return replace(
            q,
            speaker=label.name,
            speaker_start=label.start,
            speaker_end=label.end,
            cue=label.cue,
            extractor=EXTRACTOR,
        )
    m = _READS.match(after)
    if m:
        ref = ants.resolve(m.group("src"), q.start) or ants.last(q.start)
        start = q.end + m.start("src")
        if ref is not None:
            return replace(
                q,
                speaker=ref.name,
                speaker_start=start,
                speaker_end=start + len(m.group("src")),
                speaker_role=ref.role,
                cue=after[m.end("src") :].split()[0],
                extractor=EXTRACTOR,
            )
    if _QUOTE_LABEL.search(before):
        ref = ants.last(q.start)
        if ref is not None:
            return replace(
                q, speaker=ref.name, speaker_role=ref.role, cue="Quote:", extractor=EXTRACTOR
            )
    found = _colon_or_governing_subject(doc, q, text)
    if found is not None:
        name = found.name if found.kind == "person" else found.text
        role = found.role
        ref = ants.resolve(found.text, found.start) if found.kind == "pronoun" else None
        if ref is not None:  # 'He called the strike a "...,"': who "he" is
            name, role = ref.name, ref.role
        return replace(
            q,
            speaker=name,
            speaker_start=found.start,
            speaker_end=found.end,
            speaker_role=role,
            extractor=EXTRACTOR,
        )
    c = _CITED.search(before)
    if c:
        tok = token_at(doc, open_at - len(before) + c.start() - 1)
        verb = (
            next((t for t in doc[tok.i : tok.i + 4] if t.lemma_ in {"cite", "quote"}), None)
            if tok
            else None
        )
        subj = [s for s in verb.children if s.dep_ in {"nsubjpass", "nsubj"}] if verb else []
        phrase = source_phrase(subj[0], text=text) if subj else None
        if phrase is not None:
            return replace(
                q,
                speaker=phrase.name,
                speaker_start=phrase.start,
                speaker_end=phrase.end,
                speaker_role=phrase.role,
                cue="cited as saying",
                extractor=EXTRACTOR,
            )
    return q


def worded_quotes(doc: Doc, quotes: list[Quote], ants: Antecedents | None = None) -> list[Quote]:
    """Short quotations a named speaker's verb puts in the reporter's sentence, added.

    The quote extractor skips quotations of a few words without a cue of their own (scare
    quotes). One governed by a verb of wording whose subject names someone ('Rubio called the
    statement "offensive and outlandish"', 'he described the field as "all very good"') is that
    speaker's mixed quotation.

    Args:
        doc: the parsed article.
        quotes: the quotations found so far.
        ants: the article's antecedents, which a pronoun speaker resolves to.

    Returns:
        ``quotes`` and the added ones, in text order.
    """
    text = text_of(doc)
    taken = [(q.start, q.end) for q in quotes]
    out = list(quotes)
    for span in quote_spans(text):
        if any(a < span.end and span.start < b for a, b in taken):
            continue
        content = text[span.start : span.end]
        if not content.strip() or len(content.split()) > 12 or quoted_name(doc, span):
            continue
        first = token_at(doc, span.start)
        node = first
        verb: Token | None = None
        for _ in range(6):
            if node is None or node.head is node:
                break
            node = node.head
            if span.start <= node.idx < span.end:
                continue
            if node.pos_ in {"VERB", "AUX"}:
                verb = node
                break
        for _ in range(3):  # 'X says he has "big plans"': the reported clause of a cue verb
            if verb is None or verb.lemma_.lower() in WORDING_VERBS:
                break
            verb = verb.head if verb.dep_ in {"ccomp", "xcomp"} else None
        if verb is None or verb.lemma_.lower() not in WORDING_VERBS:
            continue
        phrase = _subject_phrase(verb, text)
        if phrase is None:
            continue
        name = phrase.name if phrase.kind == "person" else phrase.text
        start, end, role = phrase.start, phrase.end, phrase.role
        if phrase.kind == "pronoun":  # 'X condemned what he called "..."': X
            linked = linked_subject(verb, Speaker(phrase.text, start, end), (span.open, span.close))
            ref = ants.resolve(phrase.text, start) if ants is not None else None
            if linked is not None:
                name, start, end, role = linked.name, linked.start, linked.end, linked.role
            elif ref is not None:
                name, role = ref.name, ref.role
        out.append(
            Quote(
                content,
                span.start,
                span.end,
                name,
                start,
                end,
                role,
                verb.text,
                None,
                0.5,
                EXTRACTOR,
            )
        )
    return sorted(out, key=lambda q: q.start)
