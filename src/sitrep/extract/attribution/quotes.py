"""Direct and mixed quotations with their speakers, cues and dates.

Quotation marks are paired by :mod:`~sitrep.extract.attribution.marks`. Each quotation is then attributed from the parse: a cue verb after it (``"...," X
said`` / ``"...," said X``), a cue before it (``X said: "..."``, ``X said the move was
"..."``), or, for a quotation that opens a sentence with no cue of its own, the speaker of the
quotation just before it. Quoted fragments of one to three words (scare quotes) are skipped
unless a cue attaches them directly ('said: "..."'), names something by them ('described the
scene as "hell on earth"', ``NAMING_VERBS``), or the sentence they stand in ends in its
speaker's cue ('killed "up to 100" people, the group said').
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Token

from sitrep.extract.attribution.continued import run_on_speakers
from sitrep.extract.attribution.coref import introduced_people
from sitrep.extract.attribution.governs import issuer
from sitrep.extract.attribution.grow import token_at
from sitrep.extract.attribution.lexicon import (
    NAMING_VERBS,
    PERSON_PRONOUNS,
    PRONOUNS,
    QUOTING_VERBS,
)
from sitrep.extract.attribution.marks import SQ_CLOSE, QuoteSpan, words
from sitrep.extract.attribution.marks import quote_spans as quote_spans  # re-exported
from sitrep.extract.attribution.phrase import quoted_name_end
from sitrep.extract.attribution.speakers import Speaker, is_cue, make_speaker, noun_phrase
from sitrep.model import Article, Quote, TimeRef
from sitrep.nlp import text_of

EXTRACTOR = "quotes.v1"


_END_PUNCT = ",.!?;:\u2026"
_SENT_END = re.compile(r"[.!?][\"\u201d\u2019']?\s+(?=[\"\u201c\u2018'A-Z])")


def _window_after(doc: Doc, pos: int, limit: int) -> list[Token]:
    toks: list[Token] = []
    span = doc.char_span(pos, min(limit, len(text_of(doc))), alignment_mode="expand")
    if span is None:
        return toks
    for t in span:
        if t.idx < pos:
            continue
        if t.is_quote or "\n" in t.text:
            break
        # a full stop the tagger reads as part of a name ("Lt. Gen." split as "Lt" ".") is not
        # the end of the sentence
        if t.text in {"!", "?", ";"} or (t.text == "." and t.pos_ == "PUNCT"):
            break
        toks.append(t)
    return toks


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _after(doc: Doc, q: QuoteSpan, limit: int) -> tuple[Token, Speaker | None] | None:
    """A cue right after the quotation: '"...," X said' or '"...," said X, the ...'."""
    toks = _window_after(doc, q.close, limit)
    glued = bool(toks) and _is_dash(text_of(doc)[q.close : toks[0].idx].strip())  # '"..."― Name'
    if toks and (
        glued or (toks[0].idx == q.close + _lead(text_of(doc), q.close) and _is_dash(toks[0].text))
    ):
        names = toks if glued else toks[1:]  # '"..." ― Name': a byline-style attribution
        if names and all(t.pos_ == "PROPN" or t.text in {".", ","} for t in names):
            spk = make_speaker(names)
            dash = doc[toks[0].i - 1] if glued else toks[0]
            return (dash, spk) if spk else None
    while toks and toks[0].is_punct:
        toks = toks[1:]
    for j, t in enumerate(toks[:16]):
        if t.lower_ == "according" and j + 1 < len(toks) and toks[j + 1].lower_ == "to":
            objs = [c for c in toks[j + 1].children if c.dep_ == "pobj"]
            if objs:
                np, appos = noun_phrase(objs[0])
                return t, make_speaker(np, appos)
            return None
        if is_cue(t):
            before = toks[:j]
            if any(b.pos_ in {"VERB", "AUX"} and not b.dep_.startswith("aux") for b in before):
                return None
            subj = [c for c in t.children if c.dep_ == "nsubj" and before and c.i >= before[0].i]
            # two subjects ('"...," a somber Zelensky said'): the one nearest the cue names
            subj.sort(key=lambda c: abs(c.i - t.i))
            if subj and subj[0].lower_ not in {"who", "which", "that"}:
                np, appos = noun_phrase(issuer(subj[0]))
                return t, make_speaker(np, appos)
            if t.dep_ == "conj" and all(b.dep_ == "cc" for b in before):
                # '... X estimated the toll was "...," but added that ...': X speaks on
                shared = [c for c in t.head.children if c.dep_ == "nsubj" and c.idx < q.open]
                shared.sort(key=lambda c: abs(c.i - t.head.i))  # "KYIV (AP) - The report said"
                if shared and shared[0].lower_ not in {"who", "which", "that"}:
                    np, appos = noun_phrase(shared[0])
                    return t, make_speaker(np, appos)
                return None
            if before:
                comma = [k for k, b in enumerate(before) if b.text == ","]
                if comma:  # '"...," Name, the mayor of X, said'
                    return t, make_speaker(before[: comma[0]], before[comma[0] + 1 :])
                return t, make_speaker(before)
            subj = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i > t.i]
            if subj:
                np, appos = noun_phrase(issuer(subj[0]))
                return t, make_speaker(np, appos)
            rest: list[Token] = []
            for r in toks[j + 1 :]:  # "said one resident, who asked not to be named"
                if r.text == "," or r.pos_ in {"VERB", "AUX", "ADP", "SCONJ"} or r.is_quote:
                    break
                rest.append(r)
            tail_appos: list[Token] = []
            k = j + 1 + len(rest)
            if k < len(toks) and toks[k].text == ",":  # "said X, a writer for Y"
                for r in toks[k + 1 :]:
                    if r.text == "," or r.pos_ in {"VERB", "AUX"} or r.lower_ in {"who", "which"}:
                        break
                    tail_appos.append(r)
            return t, make_speaker(
                rest, tail_appos if tail_appos and tail_appos[0].pos_ != "SCONJ" else None
            )
        relayed = relayed_speaker(t)  # '"...," the paper quoted X as saying'
        if relayed is not None:
            np, appos = noun_phrase(relayed)
            return t, make_speaker(np, appos)
        if t.pos_ == "VERB" and j > 0:
            return None
    return None


def _before(
    doc: Doc, q: QuoteSpan, floor: int, quoted: tuple[tuple[int, int], ...] = ()
) -> tuple[Token, Speaker | None] | None:
    """A cue before the quotation: 'X said: "..."' or, for mixed quotes, 'X said the ... "..."'."""
    span = doc.char_span(floor, q.open, alignment_mode="expand")
    if span is None or not len(span):
        return None
    toks = [t for t in span if t.idx >= floor and t.idx < q.open and not t.is_space]
    first = doc.char_span(q.start, q.end, alignment_mode="expand")
    text = text_of(doc)
    for k in range(len(toks) - 1, max(-1, len(toks) - 40), -1):
        t = toks[k]
        # a naming verb just before its quoted words is a cue too: 'called it "..."' (not
        # 'what officials called a "strategic" hill': a name the reporter reports, no words)
        naming = (
            t.lemma_.lower() in NAMING_VERBS
            and not any(c.lower_ == "what" for c in t.children)
            and _adjacent_before(text, t, q)
        )
        if not is_cue(t) and not naming:
            continue
        gap = toks[k + 1 :]
        near = len(gap) <= 8 and not any(g.pos_ in {"VERB", "AUX"} for g in gap)
        governs = first is not None and any(t.is_ancestor(x) for x in first[:3])
        if not (near or governs):
            continue
        subj = _subject(t, quoted)
        if subj is None:
            return None
        np, appos = noun_phrase(issuer(subj))
        return t, make_speaker(np, appos)
    return None


def _subject(verb: Token, quoted: tuple[tuple[int, int], ...] = ()) -> Token | None:
    """The active subject of a verb, looking through conjoined and open-clause verbs.

    A verb of relaying ("AP quoted X as saying") gives its object. A verb inside one of the
    ``quoted`` spans whose subject is quoted too is the quoted speaker's own ('X told AFP, "The
    attack has ...," adding'): the verb that reports the quotation gives the speaker.
    """
    cur: Token | None = verb
    for _ in range(5):
        if cur is None:
            return None
        relayed = relayed_speaker(cur)
        if relayed is not None:
            return relayed
        within = _inside(cur.idx, quoted)
        subj = [c for c in cur.children if c.dep_ == "nsubj" and not _inside(c.idx, quoted)]
        if subj:
            s = subj[0]
            if s.lower_ in {"who", "which", "that"} and cur.dep_ == "relcl":
                return cur.head
            return s
        up = {"conj", "xcomp", "advcl", "pcomp", "prep"}
        nxt = cur.head if (within or cur.dep_ in up) and cur.head is not cur else None
        if (
            nxt is not None
            and cur.dep_ == "advcl"
            and is_cue(cur)
            and nxt.dep_ == "ccomp"
            and is_cue(nxt.head)
        ):
            # 'He said some were fighters while acknowledging "..."': the parse hangs the
            # speaking participle on the reported clause; it is the reporter's
            nxt = nxt.head
        cur = nxt
    return None


def quoted_name(doc: Doc, q: QuoteSpan) -> bool:
    """Whether the quotation is a name in quotation marks right after the noun it names."""
    mark = token_at(doc, q.open)
    return (
        mark is not None
        and mark.is_quote
        and mark.i > 0
        and doc[mark.i - 1].pos_ == "NOUN"
        and quoted_name_end(doc, mark.i) is not None
    )


def _inside(pos: int, quoted: tuple[tuple[int, int], ...]) -> bool:
    return any(a <= pos < b for a, b in quoted)


def relayed_speaker(verb: Token) -> Token | None:
    """The one quoted by a verb of relaying with "as saying" ("AP quoted X as saying", "X was
    quoted by AP as saying"), else None."""
    if verb.lemma_.lower() not in QUOTING_VERBS:
        return None
    kids = list(verb.children)
    # "AP quoted X as saying", or in the passive "X was quoted by AP as saying"
    obj = [c for c in kids if c.dep_ == "dobj"] or [c for c in kids if c.dep_ == "nsubjpass"]
    says = any(c.lower_ == "as" and any(is_cue(g) for g in c.subtree) for c in kids)
    return obj[0] if obj and says else None


def _date(times: list[TimeRef], lo: int, hi: int) -> dt.date | None:
    for t in times:
        if lo <= t.start and t.end <= hi:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value):
                return dt.date.fromisoformat(t.value)
            if t.begin is not None and t.end_date in (None, t.begin) and t.grain == "day":
                return t.begin
    return None


def _clause_end(doc: Doc, cue: Token) -> int:
    """The end of the attribution clause around a cue (before the next comma or stop)."""
    for t in doc[cue.i + 1 : cue.i + 10]:
        if t.text in {",", ".", ";", "!", "?", ":"} or t.is_quote or "\n" in t.text:
            return t.idx
    return cue.idx + len(cue) + 60


def quotes(doc: Doc, *, article: Article, times: list[TimeRef]) -> list[Quote]:
    """Every direct or mixed quotation in the document, with its speaker.

    Args:
        doc: the parsed article (its text equals ``article.text``).
        article: the article.
        times: the article's time expressions; the one in the cue's clause dates the quote.

    Returns:
        The quotations in text order. ``speaker`` is the resolved name (a pronoun resolves to
        the last named person speaker); ``date`` is None unless the cue clause holds a day.
    """
    text = text_of(doc)
    spans = quote_spans(text)
    out: list[Quote] = []
    last_person: Speaker | None = None
    reporters = _reporters(doc)
    people = sorted(reporters + _introduced(doc, spans), key=lambda r: r.start)
    prev: tuple[QuoteSpan, Quote] | None = None
    made: list[QuoteSpan] = []  # the span of each quotation in ``out``
    quoted = tuple((q.start, q.end) for q in spans)
    for n, q in enumerate(spans):
        content = text[q.start : q.end]
        nxt = spans[n + 1].open if n + 1 < len(spans) else len(text)
        prev_close = spans[n - 1].close if n else 0
        line_start = text.rfind("\n", 0, q.open) + 1
        floor = max(prev_close, line_start, _sentence_start(text, q.open, line_start))
        ends_clause = content.rstrip(SQ_CLOSE + " ")[-1:] in _END_PUNCT
        # 'acknowledged reports that "several were injured." He added': a quotation that ends
        # the sentence it did not open is its sentence's, not the next one's cue
        closes = content.rstrip(SQ_CLOSE + " ").endswith(".") and bool(text[floor : q.open].strip())
        if q.open == line_start and prev is not None and prev[0].close == prev[0].end:
            # a paragraph the quotation before runs on into, without a mark of its own: a cue
            # after it names the speaker on its own line only (the next paragraph is another's)
            nxt = min(nxt, _line_end(text, q.close))
        if (ends_clause or q.close == q.end) and not closes:
            found = _after(doc, q, nxt) or _before(doc, q, floor, quoted)
        else:
            found = _before(doc, q, floor, quoted) or _after(doc, q, nxt)
        short = words(content) <= 3
        if short and quoted_name(doc, q):
            continue  # 'the Telegram channel "Nikolaevsky Vanek"': a name, not a quotation
        if found is None:
            if short:
                continue
            opens_sentence = not text[floor : q.open].strip()
            near = prev is not None and text.count("\n\n", prev[0].close, q.open) <= 1
            after = max(prev[0].close, prev[1].speaker_end or 0) if prev else 0
            said = _reported_before(reporters, text, after, q.open)
            if opens_sentence and said is not None:
                # 'Schiff said. "The other factor ..."': the last named reporter continues
                quote = Quote(
                    content,
                    q.start,
                    q.end,
                    said.name,
                    said.start,
                    said.end,
                    said.role,
                    None,
                    None,
                    0.6,
                    EXTRACTOR,
                )
            elif prev is not None and opens_sentence and near and prev[1].speaker is not None:
                p = prev[1]
                quote = Quote(
                    content,
                    q.start,
                    q.end,
                    p.speaker,
                    p.speaker_start,
                    p.speaker_end,
                    p.speaker_role,
                    p.cue,
                    p.date,
                    0.6,
                    EXTRACTOR,
                )
            elif opens_sentence or words(content) >= 6:
                quote = Quote(content, q.start, q.end, confidence=0.3, extractor=EXTRACTOR)
            else:
                continue
        else:
            cue, spk = found
            if short and not (
                (ends_clause and cue.idx > q.close)
                or _adjacent_before(text, cue, q)
                or (spk is not None and cue.idx > q.close and _same_sentence(q, cue))
            ):
                continue  # a scare quote; a fragment of a sentence "X said" after it is X's
            linked = linked_subject(cue, spk, (q.open, q.close)) if spk is not None else None
            if linked is not None:
                spk = linked
            if spk is not None and spk.name.lower() in PERSON_PRONOUNS:
                ref = _last_named(people, last_person, spk.start)
                if ref is not None:
                    spk = Speaker(ref.name, spk.start, spk.end, ref.role, True)
            elif spk is not None and spk.person:
                last_person = spk
            cue_text: str | None = cue.text
            if cue.lower_ == "according":
                cue_text = "according to"
            elif _is_dash(cue.text.strip('\u201d"')):
                cue_text = None
            lo = min(cue.idx, spk.end if spk else cue.idx)
            quote = Quote(
                content,
                q.start,
                q.end,
                spk.name if spk else None,
                spk.start if spk else None,
                spk.end if spk else None,
                spk.role if spk else None,
                cue_text,
                _date(times, lo, _clause_end(doc, cue)),
                0.8 if spk else 0.5,
                EXTRACTOR,
            )
        out.append(quote)
        made.append(q)
        prev = (q, quote)
    return run_on_speakers(text, made, out)


def linked_subject(cue: Token, spk: Speaker, quoted: tuple[int, int]) -> Speaker | None:
    """The named subject (or the same pronoun) a pronoun speaker stands for in its sentence.

    'Lynch said she recalled ... "..."', 'X condemned what he called "..."', 'X said ..., but
    he said "..."': the pronoun's cue verb and a verb whose subject names someone earlier in
    the sentence, outside the ``quoted`` span, govern one another; that subject is the speaker.
    """
    low = spk.name.lower()
    if low not in PERSON_PRONOUNS and low != "they":
        return None
    sent = cue.sent
    best: Token | None = None
    for t in sent:
        if t.idx >= spk.start:
            break
        same = t.lower_ == low  # 'She said she recalls "..."': the main clause's "She"
        if (
            t.dep_ != "nsubj"
            or (t.lower_ in PRONOUNS and not same)
            or t.head.pos_
            not in {
                "VERB",
                "AUX",
            }
        ):
            continue
        if quoted[0] <= t.idx < quoted[1] or quoted[0] <= t.head.idx < quoted[1] or t.like_url:
            continue  # a name in the quotation, or a subject of the quoted words, is not it
        if same:
            fits = True
        elif low == "they":
            fits = t.ent_type_ in {"ORG", "NORP"} or t.tag_ in {"NNS", "NNPS"}
        else:
            # a lone surname the small model often tags ORG ("Lynch said she ...")
            lone = not any(c.dep_ == "compound" for c in t.children)
            fits = not any(c.dep_ == "det" for c in t.children) and (
                t.ent_type_ == "PERSON"
                or (t.pos_ == "PROPN" and (t.ent_type_ == "" or (lone and t.ent_type_ == "ORG")))
            )
        verb = t.head
        if fits and verb is not cue and (verb.is_ancestor(cue) or cue.is_ancestor(verb)):
            best = t  # the first one: the main clause's subject comes before embedded ones
            break
    if best is None:
        return None
    np, appos = noun_phrase(best)
    found = make_speaker(np, appos)
    if found is None or (found.name.lower() in PRONOUNS and found.name.lower() != low):
        return None
    return found


def _lead(text: str, pos: int) -> int:
    n = 0
    while pos + n < len(text) and text[pos + n] in " \u00a0":
        n += 1
    return n


def _is_dash(s: str) -> bool:
    return s in {"\u2015", "\u2014", "\u2013", "-", "--"}


def _same_sentence(q: QuoteSpan, cue: Token) -> bool:
    """Whether the quotation lies in the sentence of ``cue``."""
    return cue.sent.start_char <= q.open < cue.sent.end_char


def _adjacent_before(text: str, cue: Token, q: QuoteSpan) -> bool:
    """Whether the quotation follows its cue at once ('said: "..."') or as what the cue names
    something ('described the scene as "hell on earth"', 'called the strike "barbaric"')."""
    gap = text[cue.idx + len(cue) : q.open]
    if cue.idx >= q.open:
        return False
    if re.fullmatch(r"\s*[:,]\s*", gap):
        return True
    return cue.lemma_.lower() in NAMING_VERBS and bool(
        re.fullmatch(r"(?:\s+[\w'’-]+){0,6}?\s+as\s*|(?:\s+[\w'’-]+){1,4}\s*", gap)
    )


def _sentence_start(text: str, pos: int, floor: int) -> int:
    ends = [m.end() for m in _SENT_END.finditer(text, floor, pos + 1)]
    return ends[-1] if ends else floor


def _reporters(doc: Doc) -> list[Speaker]:
    """Named subjects of a cue verb ("Minister X said the ...", "The ministry said"), in order.

    A pronoun speaker ("he said") may refer back to a person reported without a quotation.
    """
    out: list[Speaker] = []
    for tok in doc:
        if not is_cue(tok):
            continue
        subj = _subject(tok)
        if subj is None or subj.i > tok.i or subj.lower_ in PRONOUNS:
            continue
        np, appos = noun_phrase(subj)
        spk = make_speaker(np, appos)
        if spk is not None and spk.name.lower() not in PRONOUNS:
            out.append(spk)
    return out


def _reported_before(reporters: list[Speaker], text: str, lo: int, pos: int) -> Speaker | None:
    """The named reporter of the sentence just before ``pos`` (same or previous paragraph),
    when no quotation came between them and ``pos``."""
    para = text.rfind("\n", 0, pos)
    prev_para = text.rfind("\n", 0, max(0, para - 1)) if text[para - 1 : para] == "\n" else para
    floor = max(lo, prev_para if para >= 0 else 0)
    sent = _sentence_start(text, pos, floor)
    back = _sentence_start(text, max(floor, sent - 2), floor) if sent > floor else floor
    found = [r for r in reporters if back <= r.start < pos]
    return found[-1] if found else None


def _introduced(doc: Doc, spans: list[QuoteSpan]) -> list[Speaker]:
    """The :func:`introduced_people` outside quotations, as speakers."""
    out: list[Speaker] = []
    for ent in introduced_people(doc):
        if any(q.open <= ent.start_char < q.close for q in spans):
            continue
        spk = make_speaker(*noun_phrase(ent.root))
        if spk is not None and spk.person:
            out.append(spk)
    return out


def _last_named(reporters: list[Speaker], last: Speaker | None, pos: int) -> Speaker | None:
    """The latest named person speaker mentioned before ``pos``."""
    best = last if last is not None and last.start < pos else None
    for spk in reporters:
        if spk.person and spk.start < pos and (best is None or spk.start > best.start):
            best = spk
    return best
