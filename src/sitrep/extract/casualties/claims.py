"""Casualty figures as attributed claims.

A claim is a quantity tied to a casualty cue in one sentence: "21 people were killed"
(number first), "killing at least 12 civilians" / "the death toll rose to 23" (cue first), or
an ellipsis after such a claim ("..., and four more on Wednesday"). Each claim gets its victims,
cause, perpetrator, place, date or period, scope, source and stance from the same sentence
(or a short "X said." sentence after it), with the outlet as the source of last resort.

What is not counted: "no one was killed" gives no claim (there is no figure); a figure under
a negation ("none of the 12 hostages was hurt"), a modal or threat ("could kill thousands"),
a future ("will evacuate 5,000"), a date more than a year before publication ("killed in
1945") or a day and month more than about three months before it ("on 3 March" in a September
story: background, not news) gives a claim with the flag ``negated``, ``hypothetical``, ``future`` or ``historical``;
flagged claims are kept for the record but must not be counted. Single victims joined by
"and" ("a girl and her mother were killed") are each a claim of one, and together a claim of
two with the flag ``sum`` (a reader's total; MUC keys count each victim apart). Populations,
troop numbers, prices, years and ages never reach a claim, as they have no casualty cue. Upper-case wire copy
is parsed from a lower-cased copy of the text (same length, so offsets hold).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from sitrep import nlp as nlp_mod
from sitrep.extract.attribution.cues import Attribution, attribute, trailing_attribution
from sitrep.extract.attribution.lexicon import CUE_LEMMAS
from sitrep.extract.casualties import finding
from sitrep.extract.casualties.around import victims_around
from sitrep.extract.casualties.background import earlier_event
from sitrep.extract.casualties.found import Found, is_cue, token_at
from sitrep.extract.casualties.lexicon import (
    AGO_UNIT_DAYS,
    CAUSE_PREPOSITIONS,
    CAUSES,
    CUMULATIVE,
    DAY_MONTH,
    DEMAND_VERBS,
    DEMONYMS,
    DOWNWARD_WORDS,
    FATAL,
    FUTURE,
    MODAL,
    MONTH_NAMES,
    NEG,
    NOT_ACTORS,
    PLANS,
    RECALL,
    TIME_NOUNS,
    UPDATE_VERBS,
    WAR_ORIGIN,
    YEAR,
)
from sitrep.extract.casualties.lexicon_parts import STILL_IN_HOSPITAL
from sitrep.extract.casualties.numbers import words_to_int
from sitrep.extract.casualties.truecase import truecase
from sitrep.extract.places import event_place, incident_place, place_ref
from sitrep.extract.times.frames import without_frames
from sitrep.model import (
    Article,
    CasualtyClaim,
    Evidence,
    Place,
    PlaceRef,
    Stance,
    TimeRef,
    content_id,
)
from sitrep.nlp import text_of

EXTRACTOR = "casualties.v1"
BLOCKING_FLAGS = frozenset({"negated", "hypothetical", "future", "historical", "combined"})
_STALE_DAYS = 92  # a season or older: background, not news


def _mostly_upper(text: str) -> bool:
    letters = list(filter(str.isalpha, text[:5000]))
    return len(letters) >= 20 and sum(map(str.isupper, letters)) / len(letters) > 0.8


def working_doc(doc: Doc) -> Doc:
    """The parse to read rules off: ``doc`` itself, or a re-parse of upper-case text in guessed case.

    Args:
        doc: the pipeline's parse of the article.

    Returns:
        A Doc whose text has the same length as ``doc.text``.
    """
    if _mostly_upper(text_of(doc)):
        return nlp_mod.parse(truecase(text_of(doc)))
    return doc


def _clause_window(doc: Doc, f: Found, sent: Span) -> list[Token]:
    """The clause tokens before the figure (up to six, after its hedge) and up to the cue."""
    first = token_at(doc, f.q.start)
    anchor = min(first if first is not None else f.num, f.cue.i if f.cue is not None else f.num)
    lo = anchor
    while (
        lo > sent.start
        and anchor - lo < 6
        and doc[lo - 1].lower_ not in {",", ";", "but", "while", "and"}
    ):
        lo -= 1
    toks = list(doc[lo:anchor])
    if f.cue is not None and f.cue.i > f.num:
        toks += list(doc[f.num + 1 : f.cue.i + 1])
    elif f.cue is not None:
        toks.append(f.cue)
    return toks


def _stale_date(text: str, published: dt.date) -> bool:
    """Whether ``text`` dates something by day and month more than two months before
    ``published`` ("on 23 January" in a story of 10 May)."""
    for m in DAY_MONTH.finditer(text):
        day_s = m.group(1) or m.group(4)
        month = MONTH_NAMES.index(m.group(2) or m.group(3) or m.group(5)) + 1
        day = int(day_s) if day_s else 1
        try:
            when = dt.date(published.year, month, day)
        except ValueError:
            continue
        if when > published + dt.timedelta(days=2):
            when = when.replace(year=published.year - 1)
        lag = (published - when).days
        if lag > _STALE_DAYS + (0 if day_s else 30):
            return True
    return False


def sentence_evidence(sent: Span) -> Evidence:
    """The evidence span of a whole sentence, without its surrounding whitespace."""
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    return Evidence(start, sent.start_char + len(sent.text.rstrip()), sent.text.strip())


def _ago_days(cue: Token) -> int | None:
    """How long ago the cue's event was, in days, by its "N units ago" ("who died 10 years
    ago": 3650), or None."""
    for ago in cue.children:
        unit = next((c for c in ago.children if c.dep_ == "npadvmod"), None)
        if ago.lower_ != "ago" or unit is None or unit.lemma_.lower() not in AGO_UNIT_DAYS:
            continue
        n = next((c for c in unit.children if c.dep_ in {"nummod", "det"}), None)
        count = 1 if n is None or n.lower_ in {"a", "an", "one"} else words_to_int([n.lower_])
        return (count or 1) * AGO_UNIT_DAYS[unit.lemma_.lower()]
    return None


def _demanded(cue: Token) -> bool:
    """Whether a cue noun is what a verb of :data:`DEMAND_VERBS` asks for ("called for the
    killing of five officials", "demanded the execution of two prisoners")."""
    if cue.pos_ != "NOUN":
        return False
    head = cue.head
    if head.lower_ == "for" and head.dep_ == "prep":
        return head.head.lemma_.lower() == "call"
    return cue.dep_ == "dobj" and head.lemma_.lower() in DEMAND_VERBS - {"call"}


def _flags(
    doc: Doc, f: Found, sent: Span, published_date: dt.date | None, framed: str
) -> tuple[str, ...]:
    """The claim's flags; ``framed`` is the lower-cased sentence without its frames of
    comparison (:func:`~sitrep.extract.times.frames.without_frames`)."""
    published = published_date.year if published_date else None
    flags: list[str] = []
    window = _clause_window(doc, f, sent)
    words = {t.lower_ for t in window}
    if words & NEG or (
        f.cue is not None
        and any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in f.cue.children)
    ):  # "were not injured", "sustained no injuries"
        flags.append("negated")
    # "during the assassination attempt 7 people were killed": a plan named as the occasion
    # (a noun under a preposition) happened; "an attempt to kill 7" did not
    modal = {t.lower_ for t in window if t.lower_ in MODAL} - {
        t.lower_ for t in window if t.pos_ == "NOUN" and t.dep_ == "pobj"
    }
    if (
        f.cue is not None
        and f.cue.tag_ == "VB"
        and f.cue.i > sent.start
        and doc[f.cue.i - 1].lower_ == "to"
        and f.cue.dep_ == "advcl"
    ):
        modal.add("to")  # "travelled to Washington to kill X": an aim, not a death
    if modal - PLANS or (modal and f.cue is not None and f.cue.pos_ != "NOUN"):
        flags.append("hypothetical")  # "planned to kill", but "planned the murder of X" happened
    if "hypothetical" not in flags and f.cue is not None and _demanded(f.cue):
        flags.append("hypothetical")  # "calling for the assassination of X": no one died
    if words & FUTURE and f.cue is not None and f.cue.tag_ == "VB":
        flags.append("future")
    low = framed  # "the deadliest since 2014" dates nothing
    if published is not None:
        years = [int(m.group(1)) for m in YEAR.finditer(low)]
        if any(y < published - 1 for y in years):
            flags.append("historical")
    if (RECALL.search(sent.text.lower()) or WAR_ORIGIN.search(low)) and "historical" not in flags:
        flags.append("historical")
    if "historical" not in flags and f.cue is not None and earlier_event(f.cue):
        flags.append("historical")  # "the attack came a day after X killed 64": another event
    if "historical" not in flags and (
        (published_date is not None and _stale_date(low, published_date))
        or (f.cue is not None and (_ago_days(f.cue) or 0) > _STALE_DAYS)
    ):
        flags.append("historical")  # "on 23 January" in May; "who died 10 years ago"
    if f.kind == "injured" and STILL_IN_HOSPITAL.match(text_of(doc)[f.q.end : f.q.end + 80]):
        flags.append("part")  # "20 wounded people remained in hospitals": some of the injured
    return tuple(dict.fromkeys(flags))


def _phrase(doc: Doc, head: Token) -> str:
    """The noun phrase of ``head`` without determiners and prepositional tails."""
    keep = [head]
    for t in head.subtree:
        if t.i == head.i or t.dep_ in {"det", "predet", "punct", "case", "poss"}:
            continue
        if any(
            a.dep_ in {"prep", "relcl", "acl", "appos"} and a.i != head.i
            for a in [t, *t.ancestors]
            if head in a.ancestors
        ):
            continue
        keep.append(t)
    keep.sort(key=lambda t: t.i)
    return text_of(doc)[keep[0].idx : keep[-1].idx + len(keep[-1])]


def _cause_and_perpetrator(doc: Doc, f: Found, text: str) -> tuple[str | None, str | None]:
    cue = f.cue
    if cue is None:
        return None, None
    cause: str | None = None
    perp: str | None = None
    for c in cue.children:
        if c.dep_ not in {"agent", "prep"} or c.lower_ not in CAUSE_PREPOSITIONS:
            continue
        for o in c.children:
            if o.dep_ not in {"pobj", "pcomp"}:
                continue
            if o.lemma_.lower() in CAUSES or o.lower_ in CAUSES:
                cause = text[doc[o.i].idx : doc[o.i].idx + len(_phrase(doc, o))]
                cause = _phrase(doc, o) if cause.lower() != _phrase(doc, o).lower() else cause
                perp = perp or _demonym_of(o)
            elif c.dep_ == "agent" and o.pos_ in {"NOUN", "PROPN"} and not _no_actor(o):
                perp = _phrase(doc, o)
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in cue.children) or (
        cue.tag_ == "VBN" and cue.dep_ in {"amod", "acl"}
    )
    subj = None if passive or cue.pos_ != "VERB" else _subject(cue)
    if subj is not None and _holds_victims(subj, f):
        subj = None  # "More than 270 people died": who died, not who killed
    if subj is not None:
        if subj.lemma_.lower() in CAUSES or subj.lower_ in CAUSES:
            cause = cause or _phrase(doc, subj)
            perp = perp or _demonym_of(subj)
        elif subj.pos_ in {"PROPN", "NOUN"} and not _no_actor(subj):
            perp = perp or _phrase(doc, subj)
    if perp is not None and perp.lower() in {"who", "they", "it", "which", "he", "she"}:
        perp = None
    return cause, perp


def _no_actor(t: Token) -> bool:
    """Whether a noun can be no perpetrator: a time ("the week"), a state of affairs ("the
    conflict"), or the speaker of a reporting verb ("..., killing 21, authorities said")."""
    lemma = t.lemma_.lower()
    if lemma in TIME_NOUNS or lemma in NOT_ACTORS:
        return True
    return t.dep_ == "nsubj" and t.head.lemma_.lower() in CUE_LEMMAS


def _holds_victims(subj: Token, f: Found) -> bool:
    """Whether a subject is the figure's own victims: its phrase holds the number or the
    victim noun ("Four soldiers died", "Officer X died of his wounds")."""
    lo, hi = subj.left_edge.i, subj.right_edge.i
    if lo <= f.num <= hi:
        return True
    return f.victim is not None and f.victim[0] <= subj.i < f.victim[1]


def _subject(cue: Token) -> Token | None:
    """The subject of an active cue verb, through conjunctions and relative clauses."""
    host: Token | None = cue
    while host is not None and not any(c.dep_ == "nsubj" for c in host.children):
        host = host.head if host.dep_ in {"conj", "xcomp"} and host.head != host else None
    if host is None:
        return None
    subj = next(c for c in host.children if c.dep_ == "nsubj")
    if subj.lower_ in {"which", "that", "who"} and host.dep_ == "relcl":
        subj = host.head
    if subj.lemma_.lower() in TIME_NOUNS:  # "a week of shelling which killed": the shelling
        inner = [
            g for c in subj.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
        return inner[0] if inner else None
    return subj


def _demonym_of(t: Token) -> str | None:
    for c in t.children:
        if c.dep_ in {"amod", "compound"} and c.lower_ in DEMONYMS:
            return DEMONYMS[c.lower_]
    return None


def _side(doc: Doc, victim: tuple[int, int] | None) -> str | None:
    if victim is None:
        return None
    lo = victim[0]
    for t in doc[max(0, lo - 3) : victim[1]]:
        if t.lower_ in DEMONYMS:
            return t.text[0].upper() + t.text[1:].lower()
    return None


def _dominant(places: list[Place]) -> PlaceRef | None:
    loc = [p for p in places if p.role == "location"]
    if not loc:
        return None
    counts = Counter((p.name or p.text) for p in loc)
    name = max(
        counts, key=lambda n: (counts[n], -min(p.start for p in loc if (p.name or p.text) == n))
    )
    return place_ref(next(p for p in loc if (p.name or p.text) == name))


def _when(times: list[TimeRef], lo: int, hi: int, sent: Span, at: int) -> TimeRef | None:
    own = [t for t in times if lo <= t.start < hi]
    if not own:
        own = [
            t
            for t in times
            if sent.start_char <= t.start < sent.end_char
            and not (hi <= t.start < sent.end_char and hi < sent.end_char)
        ]
    return min(own, key=lambda t: abs(t.start - at)) if own else None


def _date_period(t: TimeRef | None, published: str | None) -> tuple[str | None, str | None]:
    if t is None:
        return None, None
    if t.begin is not None and t.end_date is not None and t.begin != t.end_date:
        return None, f"{t.begin.isoformat()}/{t.end_date.isoformat()}"
    if "/" in t.value:
        return None, t.value
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value):
        return t.value, None
    if t.type == "DURATION" and published:
        return None, f"{t.value}/{published}"
    return None, None


def _scope_updates(doc: Doc, f: Found, sent: Span, framed: str) -> tuple[str, str | None]:
    low = framed  # "the worst since the war began" is no total
    rel = f.q.start - sent.start_char
    clause = low[low.rfind(";", 0, rel) + 1 : (low.find(";", rel) + 1 or len(low) + 1) - 1]
    # one victim (a name, "a soldier") is an incident even in a sentence about a campaign
    tally = f.via != "singular" and CUMULATIVE.search(clause)
    scope = "cumulative" if tally else "incident"
    updates: str | None = None
    before = [t.lower_ for t in doc[max(sent.start, f.num - 6) : f.num]]
    if any(w in UPDATE_VERBS for w in before):
        scope = "cumulative"
        m = re.search(
            r"\b(?:from|up from|down from)\s+(?:an? )?(?:earlier |previous )?([\d,]+|\w+)",
            low[f.q.end - sent.start_char :],
        )
        m = m or re.search(r"\bfrom\s+([\d,]+)\s+to\b", low)
        direction = "down" if any(w in DOWNWARD_WORDS for w in before) else "up"
        updates = (
            f"earlier figure {m.group(1)} revised {direction}"
            if m
            else f"earlier figure revised {direction}"
        )
    return scope, updates


def _source(
    sent: Span, nxt: Span | None, at: int, text: str, outlet: str | None
) -> tuple[Attribution | None, str | None, Stance]:
    found = attribute(sent, at=at, text=text, one_line=True, figure=True)
    if found is None and nxt is not None:
        found = trailing_attribution(nxt, text=text)
    if found is not None:
        return found, found.source, found.stance
    return None, outlet, "reports"


def _confidence(f: Found, flags: tuple[str, ...], attributed: bool) -> float:
    c = 0.55
    c += 0.15 if f.victim is not None else 0.0
    c += 0.1 if attributed else 0.0
    c += 0.1 if f.via in {"number-first", "cue-first"} else 0.0
    c -= 0.1 if f.q.count is None else 0.0
    c -= 0.3 if flags else 0.0
    return round(max(0.05, min(0.95, c)), 2)


def casualties(
    doc: Doc, *, article: Article, places: list[Place], times: list[TimeRef]
) -> list[CasualtyClaim]:
    """Every casualty claim in the document.

    Args:
        doc: the parse of ``article.text``.
        article: the article (its id, outlet and publication date are used).
        places: the place mentions found in the article (for the claim's place).
        times: the normalized time expressions (for the claim's date or period).

    Returns:
        The claims in text order; a figure repeated with the same kind, victims and source in
        several sentences is a claim per sentence, each with every sentence in ``mentions``. Claims with a flag in :data:`BLOCKING_FLAGS` must
        not be counted.
    """
    work = working_doc(doc)
    work_text = text_of(work)
    text = article.text if len(article.text) == len(work_text) else work_text
    published = article.published.isoformat() if article.published else None
    dominant = _dominant(places)
    sents = list(work.sents)
    cued = [any(is_cue(t) for t in s) for s in sents]
    incident = incident_place(
        work,
        places,
        [(s.start_char, s.end_char) for s, c in zip(sents, cued, strict=True) if c],
    )
    claims: list[CasualtyClaim] = []
    for si, sent in enumerate(sents):
        if not cued[si]:
            continue
        found = finding.find(work, sent)
        if not found:
            continue
        nxt = sents[si + 1] if si + 1 < len(sents) else None
        starts = [f.q.start for f in found]
        framed = without_frames(sent.text.lower())
        for fi, f in enumerate(found):
            lo = starts[fi - 1] if fi and found[fi - 1].cue is None else sent.start_char
            lo = max(lo, f.q.start if f.via == "ellipsis" else sent.start_char)
            hi = starts[fi + 1] if fi + 1 < len(found) else sent.end_char
            flags = _flags(work, f, sent, article.published, framed)
            attr, source, stance = _source(sent, nxt, f.num, text, article.outlet)
            cause, perp = _cause_and_perpetrator(work, f, text)
            if f.via == "ellipsis":
                prev = next(
                    (c for c in reversed(claims) if c.evidence.start == sent.start_char), None
                )
                cause, perp = (prev.cause, prev.perpetrator) if prev else (cause, perp)
            scope, updates = _scope_updates(work, f, sent, framed)
            when = _when(times, lo, hi, sent, f.q.start)
            date, period = _date_period(when, published)
            victims = (
                text[work[f.victim[0]].idx : work[f.victim[1] - 1].idx + len(work[f.victim[1] - 1])]
                if f.victim
                else None
            )
            if victims and _mostly_upper(text):
                victims = victims.lower()
            if f.via == "singular" and victims is None:
                victims = f.q.text
            victims = victims_around(work, f, victims)  # "64 of the dead were children"
            if (
                (victims is None or victims.lower() in {"others", "other"})
                and fi
                and f.via != "together"
            ):
                # "three soldiers were killed and seven others wounded": the others are soldiers;
                # "she and eight others" are others than the one victim, not more of her
                victims = next(
                    (
                        c.victims
                        for c in reversed(claims[len(claims) - fi :])
                        if c.victims and c.count != 1
                    ),
                    victims,
                )
            kind = f.kind
            if (
                kind == "injured"
                and f.cue is not None
                and FATAL & {c.lower_ for c in f.cue.children}
            ):
                kind = "killed"  # "fatally wounded"
            claims.append(
                CasualtyClaim(
                    id=content_id(article.id, kind, f.q.count, f.q.start),
                    kind=kind,
                    count=f.q.count,
                    low=f.q.low,
                    high=f.q.high,
                    # "400 dead and wounded": an exact figure of neither kind, worded as such
                    hedge=f.q.hedge or ("combined" if f.combined else None),
                    evidence=sentence_evidence(sent),
                    victims=victims,
                    side=_side(work, f.victim),
                    cause=cause,
                    perpetrator=perp,
                    place=event_place(work, sent, f.q.start, places, incident, scope=scope)
                    or (dominant if scope == "cumulative" else None),
                    date=_to_date(date),
                    period=period,
                    as_of=article.published if scope == "cumulative" else None,
                    scope="cumulative" if scope == "cumulative" else "incident",
                    source=source,
                    stance=stance,
                    updates=updates,
                    flags=(
                        *flags,
                        *(("sum",) if f.via == "together" else ()),
                        *(("combined",) if f.combined else ()),
                        *(("part",) if f.part else ()),
                    ),
                    confidence=_confidence(f, flags, attr is not None),
                    extractor=EXTRACTOR,
                )
            )
    return _merge(claims)


def _to_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def statement_key(c: CasualtyClaim) -> tuple[object, ...]:
    """What makes two claims one figure stated again: kind, figure, victims, source, flags."""
    return (
        c.kind,
        c.count,
        c.low,
        c.high,
        (c.victims or "").lower(),
        (c.source or "").lower(),
        c.flags,
    )


def _merge(claims: list[CasualtyClaim]) -> list[CasualtyClaim]:
    """One claim per (kind, figure, victims, source) and sentence; each lists every mention.

    A figure repeated in one sentence is one claim. Repeated in another sentence it is another
    statement (a reader counts each, and its source or place may be read differently), so it
    stays a claim of its own; ``mentions`` of each holds every sentence that states it, its own
    first.
    """
    out: list[CasualtyClaim] = []
    index: dict[tuple[object, ...], int] = {}
    group: dict[tuple[object, ...], list[CasualtyClaim]] = {}
    keys: list[tuple[object, ...]] = []
    for c in claims:
        key = statement_key(c)
        group.setdefault(key, []).append(c)
        where = (*key, c.evidence.start)
        if where in index:
            k = index[where]
            kept = out[k]
            merged_fields = {
                f: getattr(kept, f) or getattr(c, f)
                for f in ("cause", "perpetrator", "date", "period", "updates", "place", "side")
            }
            out[k] = replace(
                kept,
                scope="cumulative" if "cumulative" in {kept.scope, c.scope} else "incident",
                **merged_fields,
            )
            continue
        index[where] = len(out)
        out.append(c)
        keys.append(key)
    merged = []
    for c, key in zip(out, keys, strict=True):
        same = group[key]
        others = list(same)
        others.remove(next(o for o in same if o.evidence.start == c.evidence.start))
        best = max(o.confidence for o in same)
        merged.append(
            replace(
                c,
                mentions=(c.evidence, *(o.evidence for o in others)),
                confidence=min(0.95, round(best + 0.05 * len(others), 2))
                if others
                else c.confidence,
            )
        )
    return merged
