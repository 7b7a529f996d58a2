"""Who says so: the source of a statement in a sentence.

One function, :func:`attribute`, finds the source of the statement at a given position of a
parsed sentence from the usual news forms: "according to X", "X said/told/reported/claimed",
"citing X", "officials say", "a source said", "as reported by X". It returns the source's
span, the cue and the stance the cue conveys (reports, claims, confirms, denies, disputes).
The casualty extractor and the claims extractor share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.extract.attribution.governs import (
    absolute_speaker,
    asides,
    governing,
    issuer,
    no_finder,
    past_label,
    reports_own_victims,
    statement_stance,
)
from sitrep.extract.attribution.lexicon import (
    ACCORDING_TO_WORDS,
    ANONYMOUS,
    CUE_STANCE,
    EVIDENTIAL_VERBS,
    HEARSAY_ADVERBS,
    REFERRING_PRONOUNS,
    RELAY_CUES,
    REPORTED_BY_VERBS,
    REPORTED_STATES,
)
from sitrep.extract.attribution.marks import inner_pair
from sitrep.model import DENYING_STANCES, Stance
from sitrep.nlp import text_of

_STOP = {",", ";", ":", "(", ")", '"', "\u201c", "\u201d", "--", "\u2014"}
_QUOTES = {'"', "\u201c", "\u201d"}


@dataclass(frozen=True, slots=True)
class Attribution:
    """The source of a statement.

    Attributes:
        source: the source as written, without a leading article ("Ukrainian emergency service").
        start: character offset of the source in the document.
        end: character offset after the source.
        cue: the word that marks the attribution ("said", "according to", "citing").
        stance: what the cue says about the source's commitment.
        anonymous: whether the source is unnamed ("a source", "officials").
        pronoun: whether the source is only a pronoun ("he said").
    """

    source: str
    start: int
    end: int
    cue: str
    stance: Stance
    anonymous: bool = False
    pronoun: bool = False


def _np_span(head: Token, limit: int = 10) -> tuple[int, int] | None:
    """Token bounds [i, j) of the noun phrase headed by ``head``, cut at punctuation/clauses."""
    left, right = head.i, head.i
    for t in head.subtree:
        if (
            t.i < head.i
            and t.i == head.left_edge.i
            and (t.dep_ in {"det", "case"} or (t.dep_ == "poss" and t.pos_ == "PRON"))
        ):
            continue  # "its", not "Ukraine" of "Ukraine's energy ministry"
        # a hyphen inside a word ("the Hamas-ruled enclave") does not end the phrase
        clause = t.dep_ in {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"}
        if clause and t.i > head.i and not _word_hyphen(t):
            break
        left, right = min(left, t.i), max(right, t.i)
    doc = head.doc
    # drop a leading article, keep "Ukraine's"; and a scraped date stamp ("2024-06-10
    # Officials in Gaza"): a name never opens with digits or a dash
    while left < head.i and doc[left].lower_ in {"the", "a", "an"}:
        left += 1
    run = left
    while run < head.i and not any(ch.isalpha() for ch in doc[run].text):
        run += 1
    if any(_stamp(t) for t in doc[left:run]):
        left = run
    inner = inner_pair([k for k in range(left, right + 1) if doc[k].text in _QUOTES], left, right)
    for k in range(left, right + 1):
        if doc[k].text in _STOP and k not in inner:
            right = k - 1 if k > head.i else right
            left = k + 1 if k < head.i else left
    if right - left + 1 > limit:
        left = max(left, head.i - limit + 1)
        right = min(right, head.i + 2)
    return (left, right + 1) if left <= right else None


def _stamped(w: str) -> bool:
    """Whether letterless text is (part of) a date stamp or a stray dash: a dash, a slash or 4+
    digits ("2024-06-10", "-10", "11/01"); a count ("12 officials") is not."""
    return any(ch in "-/\u2013" for ch in w) or sum(ch.isdigit() for ch in w) >= 4


def _stamp(t: Token) -> bool:
    """A token of a date stamp or a stray dash (:func:`_stamped`, with no letters)."""
    return not any(ch.isalpha() for ch in t.text) and _stamped(t.text)


_STAMP_RUN = re.compile(r"^[^A-Za-z\u00C0-\uFFFF]*")


def unstamped(source: str) -> str:
    """A source without the date stamp a scraper left before it ("11-01 Palestinian health
    officials" -> "Palestinian health officials"); a count ("12 officials") stays."""
    run = _STAMP_RUN.match(source)
    lead = run.group(0) if run else ""
    if lead and _stamped(lead):
        return source[len(lead) :].strip() or source
    return source


def _word_hyphen(t: Token) -> bool:
    """Whether ``t`` is a hyphen inside a word ("Hamas-ruled"), not a dash between clauses."""
    return t.text == "-" and t.i > 0 and not t.nbor(-1).whitespace_ and not t.whitespace_


def _make(sent: Span, bounds: tuple[int, int], cue: str, stance: Stance, text: str) -> Attribution:
    doc = sent.doc
    i, j = bounds
    while j > i + 1 and doc[j - 1].is_space:
        j -= 1
    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text.rstrip())
    words = [t.lower_ for t in doc[i:j]]
    return Attribution(
        source=text[start:end],
        start=start,
        end=end,
        cue=cue,
        stance=stance,
        anonymous=words[-1] in ANONYMOUS and all(t.pos_ != "PROPN" for t in doc[i:j]),
        pronoun=len(words) == 1 and words[0] in REFERRING_PRONOUNS,
    )


def _according_to(sent: Span, text: str) -> list[tuple[int, Attribution]]:
    out: list[tuple[int, Attribution]] = []
    for t in sent:
        low = t.lower_
        if low == "according" and t.i + 1 < sent.end and t.nbor(1).lower_ == "to":
            if _relayed(t):
                continue
            to = t.nbor(1)
            objs = [c for c in to.children if c.dep_ == "pobj"]
            cue = "according to"
        elif low in ACCORDING_TO_WORDS or (
            low == "by" and t.i > sent.start and t.nbor(-1).lemma_ in REPORTED_BY_VERBS
        ):
            objs = [c for c in t.children if c.dep_ in {"dobj", "pobj"}]
            cue = low if low != "by" else f"{t.nbor(-1).text.lower()} by"
        else:
            continue
        if not objs:
            continue
        bounds = _np_span(issuer(objs[0]))
        if bounds:
            out.append((t.i, _make(sent, bounds, cue, "reports", text)))
    return out


def _attached(word: Token, tok: Token) -> bool:
    """Whether the source phrase opened by ``word`` ("according", "citing", "by") hangs from
    ``tok`` or from a word on ``tok``'s path to the root (the clause that states it)."""
    head = word.head
    return head.i == tok.i or head in tok.ancestors


def _relayed(according: Token) -> bool:
    """Whether "according to X" only relays a speech verb's own subject ("According to X, the
    governor told reporters that 14 died"): the governor says it, X passes it on."""
    verb = according.head
    return (
        verb.pos_ in {"VERB", "AUX"}
        and statement_stance(verb) is not None
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def _inverted_subject(verb: Token) -> list[Token]:
    """The speaker of a quotative inversion the parser read as an object: in "Three died,
    writes the governor" the reported clause comes first and the speaker follows the verb."""
    kids = list(verb.children)
    said = any(c.dep_ == "ccomp" and c.i < verb.i for c in kids) or (
        # or as a conjunct of the clause, without an "and" between ("were killed, writes X")
        verb.dep_ == "conj"
        and verb.head.i < verb.i
        and not any(c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.children)
    )
    comma = verb.i > 0 and verb.nbor(-1).text == ","
    finite = verb.tag_ in {"VBZ", "VBD", "VBP"}  # "says", "wrote"; not "..., claiming 20 lives"
    if not (said and comma and finite):
        return []
    return [c for c in kids if c.dep_ == "dobj" and c.i > verb.i and c.pos_ in {"NOUN", "PROPN"}]


# How a state hangs on a report verb ("reported missing", "reported dead").
_STATE_DEPS = frozenset({"xcomp", "acomp", "oprd"})


def _state(c: Token) -> bool:
    """A bare state a report verb puts its subject in ("reported missing"; not "say killed
    at least 19", where the verb's clause goes on)."""
    return (
        c.dep_ in _STATE_DEPS
        and c.lower_ in REPORTED_STATES
        and all(g.dep_ in {"advmod", "punct"} for g in c.children)
    )


def _shared_subject(verb: Token) -> list[Token]:
    """The subject a cue verb without its own shares with the verb it hangs from, when that
    verb says nothing itself: "X provided an update to AFP, saying ..." (a participle), "Ukraine
    halted rescue operations and said the toll had risen to 10" (a coordinated verb)."""
    head = verb.head
    if head.i == verb.i or head.pos_ not in {"VERB", "AUX"} or statement_stance(head) is not None:
        return []  # under a cue verb, that verb's source already reaches the clause
    shares = (verb.dep_ in {"advcl", "xcomp"} and verb.tag_ == "VBG") or verb.dep_ == "conj"
    if not shares or not any(c.dep_ == "ccomp" for c in verb.children):
        return []  # only a verb that reports a clause of its own ("vowing to destroy" does not)
    if head.dep_ == "ccomp" and statement_stance(head.head) is not None:
        return []  # "X warned that the toll may rise, saying ...": the clause is X's already
    return [c for c in head.children if c.dep_ == "nsubj"][:1]


def _speech_verbs(sent: Span, text: str) -> list[tuple[int, Attribution]]:
    out: list[tuple[int, Attribution]] = []
    for t in sent:
        if t.pos_ not in {"VERB", "AUX"}:
            continue
        found = statement_stance(t)
        if found is None:
            continue
        if t.lemma_.lower() == "say" and any(c.dep_ == "auxpass" for c in t.children):
            continue  # "is said to be": no source
        if any(_state(c) for c in t.children):
            continue  # "Another 40 people reported missing": who was reported
        # nearest first: a headline run into the sentence can give the verb a second subject
        subj = sorted(
            (c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}),
            key=lambda c: abs(c.i - t.i),
        )
        agent = [g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        heads = agent if any(c.dep_ == "nsubjpass" for c in t.children) and agent else subj
        if not heads:
            heads = _inverted_subject(t)
        if not heads:
            speaker = absolute_speaker(t)
            heads = [speaker] if speaker is not None else []
        if not heads:
            heads = _shared_subject(t)
        if not heads:
            continue
        if heads[0].dep_ == "nsubjpass" or no_finder(heads[0]):
            continue
        bounds = _np_span(issuer(past_label(heads[0])))
        if bounds:
            stance = found
            if any(c.dep_ == "neg" for c in t.children) and stance == "reports":
                stance = "disputes"
            out.append((t.i, _make(sent, bounds, t.text.lower(), stance, text)))
    return out


def attribute(
    sent: Span,
    *,
    at: int | None = None,
    text: str | None = None,
    one_line: bool = False,
    figure: bool = False,
) -> Attribution | None:
    """The source of the statement at token ``at`` of ``sent``, if the sentence names one.

    "according to X" and "citing X" win over a speech verb, since they attach to the figure
    they sit next to; among several candidates the nearest to ``at`` wins.

    Args:
        sent: a parsed sentence (a spaCy Span).
        at: the token index of the statement (e.g. the number of a casualty claim).
        text: the original text to copy the source from (same length as the doc's text, e.g.
            when the doc is a lower-cased parse of upper-case wire copy); default the doc's.
        one_line: only sources on the line of token ``at`` in the parsed text count (a parse
            that runs a headline into the lede must not give the headline the lede's source;
            hard wraps kept in ``text`` but joined in the parse are not line ends).
        figure: token ``at`` is the figure stated, which no source may hold ("One fatality
            confirmed" has no source).

    Returns:
        The :class:`Attribution`, or None when the sentence has no source.
    """
    text = text if text is not None else text_of(sent.doc)
    pos = at if at is not None else sent.start
    cands = _according_to(sent, text)
    # lines are those of the parsed text: the copy-from text may keep hard wraps it joined
    parsed = text_of(sent.doc)
    if at is not None and one_line:
        cands = _on_line(cands, sent.doc[at].idx, parsed)
    if at is not None and any(c[0] < at and c[1].cue == "according to" for c in cands):
        # "According to X, head of ..., 35 people might be trapped, as per CNN": X's figure
        cands = [c for c in cands if not (c[0] > at and c[1].cue in RELAY_CUES)]
    gov: int | None = None
    if cands and at is not None and not any(_attached(sent.doc[c[0]], sent.doc[at]) for c in cands):
        # "N were children, the government said, with the toll said by medics to be ...":
        # a source phrase inside another part of the sentence yields to the verb that states N
        verbs, stating = _verb_candidates(sent, text, at, one_line)
        if stating is not None:
            cands, gov = verbs, stating
    if not cands:
        cands, gov = _verb_candidates(sent, text, at, one_line)
    if at is not None and figure:  # "One fatality confirmed": the figure is no one's source
        cands = [c for c in cands if not c[1].start <= sent.doc[at].idx < c[1].end]
    if not cands:
        return None
    cands.sort(key=lambda c: (c[0] != gov, c[1].pronoun, abs(c[0] - pos)))
    return cands[0][1]


def _verb_candidates(
    sent: Span, text: str, at: int | None, one_line: bool
) -> tuple[list[tuple[int, Attribution]], int | None]:
    """The speech-verb candidates of :func:`attribute` that may state token ``at``, and the one
    that governs it."""
    cands = _speech_verbs(sent, text)
    if at is None:
        return cands, None
    cands = _not_hearsay(cands, sent.doc[at])
    cands, gov = _governed(cands, sent.doc[at])
    if one_line:
        cands = _on_line(cands, sent.doc[at].idx, text_of(sent.doc))
    return cands, gov


def _governed(
    cands: list[tuple[int, Attribution]], tok: Token
) -> tuple[list[tuple[int, Attribution]], int | None]:
    """The speech-verb candidates that may state ``tok`` and the one that governs it (see
    :mod:`~sitrep.extract.attribution.governs`): background and asides are dropped."""
    verbs = {c[0] for c in cands}
    gov, background = governing(verbs, tok)
    drop = asides(verbs, tok) | ({gov} if background and gov is not None else set())
    return [c for c in cands if c[0] not in drop], (None if background else gov)


def _not_hearsay(cands: list[tuple[int, Attribution]], tok: Token) -> list[tuple[int, Attribution]]:
    """Drop the speech verbs whose content cannot hold ``tok``'s hearsay relative clause.

    A relative clause marked "reportedly" ("an attack that reportedly killed 53") is the
    writer's aside; a speech verb outside it is its source only when the clause sits inside
    that verb's reported complement ("officials said rebels hit a village where ...").
    """
    clause = next(
        (
            a
            for a in [tok, *tok.ancestors]
            if a.dep_ in {"relcl", "acl"}
            and any(c.dep_ == "advmod" and c.lower_ in HEARSAY_ADVERBS for c in a.children)
        ),
        None,
    )
    if clause is None:
        return cands
    out = []
    for c in cands:
        path = [clause, *clause.ancestors]
        ids = [a.i for a in path]
        if c[0] in ids[1:]:
            below = path[ids.index(c[0]) - 1]
            if below.dep_ not in {"ccomp", "xcomp"}:
                continue
        elif c[0] not in {t.i for t in clause.subtree}:
            continue
        out.append(c)
    return out


def _on_line(
    cands: list[tuple[int, Attribution]], pos: int, text: str
) -> list[tuple[int, Attribution]]:
    """The candidates on the same line as character ``pos``."""
    out = []
    for c in cands:
        between = text[c[1].end : pos] if c[1].end <= pos else text[pos : c[1].start]
        if "\n" not in between:
            out.append(c)
    return out


def trailing_attribution(sent: Span, *, text: str | None = None) -> Attribution | None:
    """The source of a short "X said." sentence that attributes the sentence before it.

    Args:
        sent: the sentence that may only say who said the preceding one.
        text: the original text (see :func:`attribute`).

    Returns:
        The :class:`Attribution` when ``sent`` is such a short attribution, else None.
    """
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words or len(words) > 14:
        return None
    found = attribute(sent, text=text)
    if found is None or found.cue == "according to" or found.stance in DENYING_STANCES:
        return None  # "The army denied this.": a denial of the figure, not its source
    if any(t.dep_ == "neg" or t.lower_ in {"nothing", "none"} for t in words):
        return None  # "The mayor said nothing."
    cues = [t for t in words if t.text.lower() == found.cue]
    if any(t.text == found.cue and t.lemma_.lower() in EVIDENTIAL_VERBS for t in cues):
        return None  # "Video showed the charred ruins.": a scene of its own, no one's words
    if any(c.dep_ == "ccomp" and c.i > t.i for t in cues for c in t.children):
        return None  # "The army said it targeted a commander.": it reports a clause of its own
    # "Police said." / "The figures were given by the ministry, officials said."
    verbs = [t for t in words if t.pos_ == "VERB" and t.lemma_.lower() not in CUE_STANCE]
    if reports_own_victims(sent):
        return None  # "Zelenskyy said a child was among the dead": its own figure, not ours
    return found if len(verbs) <= 1 else None


def self_named(source: str, outlet: str) -> bool:
    """Whether a source is the outlet naming itself ("ARY News" in arynews.tv, "DAILY POST" in
    dailypost.ng): the letters of the source's name make the outlet's domain name."""
    name = re.sub(r"[^a-z]", "", source.lower())
    host = outlet.lower().removeprefix("www.").split(".")[0]
    return len(name) >= 5 and name == re.sub(r"[^a-z]", "", host)
