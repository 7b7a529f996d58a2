"""Every number a reader would count: sub-counts linked to their total, and tolls that rise to N.

The sentence-level extractor reads a figure next to its casualty word. Two common forms put the
figure elsewhere, and :func:`more_casualties` adds them as claims of their own:

- sub-counts of a total in the same sentence: "45 people, including 23 women and children",
  "20 were wounded, 9 of them are in hospital", "21 killed (three of them were minors)", "three
  children were among the dead", "(two children and eight adults)"; a sub-count takes the kind
  of the total before it and its source, place, date and scope;
- tolls whose number sits far from the subject: "the death toll in the town ... rose to 25",
  "the number of people killed ... has increased to 21", "Death toll ... reaches 23".

Ages ("a three-month-old baby", "10-year-old") are never counts (:mod:`sitrep.extract.numbers`
skips them), and a figure already claimed in the sentence is not added twice.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from sitrep.extract.attribution.cues import attribute
from sitrep.extract.casualties.numbers import Quantity, find_quantities
from sitrep.extract.places import event_place, incident_place
from sitrep.model import Article, CasualtyClaim, CasualtyKind, Evidence, Place, content_id
from sitrep.nlp import text_of

EXTRACTOR = "casualties.parts.v1"

_VICTIM = (
    r"(?:children|child|minors|minor|kids|women|woman|men|man|babies|baby|infants?|toddlers?|"
    r"teenagers?|teens?|adolescents?|adults?|elderly|boys?|girls?|soldiers?|servicemen|troops|"
    r"civilians?|foreigners?|foreign nationals|medics?|doctors?|nurses?|paramedics?|rescuers?|"
    r"firefighters?|journalists?|reporters?|police(?:men| officers)?|officers?|students?|"
    r"pupils?|staff(?: members)?|(?:aid |humanitarian )?workers?|employees?|volunteers?|"
    r"refugees?|prisoners?|pensioners?|residents?|relatives|family members|people|persons)"
)
_STATE = (
    r"(?P<state>in (?:a )?(?:critical|serious|grave|severe) condition|critically (?:injured|"
    r"wounded|ill)|seriously (?:injured|wounded|hurt)|hospitali[sz]ed|in hospital|in (?:the )?"
    r"intensive care)"
)
_BEFORE_PART = re.compile(
    r"(?:\b(?:including|includ(?:es|ed)|among them|among whom|of whom|amongst them|among those)"
    r"|\()[^.;:()]{0,60}?(?:,|\band\b)?\s*$",
    re.I,
)
_AFTER_VICTIM = re.compile(rf"^\s+(?:[\w-]+\s+){{0,2}}?(?P<vic>{_VICTIM})\b", re.I)
_OF_THEM = re.compile(
    r"^\s+of (?:them|whom|those|the victims|the dead|the injured|the wounded|the casualties)"
    r"(?:\s*,)?\s+(?:are|were|was|is|have been|has been|had been|remain|remained)?\s*"
    rf"(?:(?P<vic>{_VICTIM})\b|{_STATE}|(?P<kill>killed|dead|died)|(?P<hurt>injured|wounded)|"
    r"(?P<bad>seriously|critically|severely|gravely)\b)",
    re.I,
)
_AMONG = re.compile(
    rf"^\s+(?:[\w-]+\s+){{0,2}}?(?P<vic>{_VICTIM})\s+(?:were|are|was|is)\s+(?:also\s+)?among\s+"
    r"(?:the\s+|those\s+)?(?P<grp>dead|killed|victims|fatalities|injured|wounded)",
    re.I,
)
_IN_STATE = re.compile(
    rf"^\s+(?:(?P<vic>{_VICTIM})\s+)?(?:are|were|remain|remained|have been|has been|had been)\s+"
    rf"(?:still\s+)?{_STATE}",
    re.I,
)
_TOLL = re.compile(
    r"\b(?:(?P<toll>death|casualty|fatality) (?:toll|count)|number of (?:people |persons |"
    r"civilians |those )?(?P<what>killed|dead|deaths|victims|fatalities|injured|wounded|"
    r"casualties))\b"
    r"(?:[^.;:!?]{0,140}?\b(?:rose|risen|rises|rising|increased|increases|climbed|climbs|jumped|"
    r"grew|grown|reached|reaches|reach|hit|hits|stands|stood|now|is|was|has|had|mounted|mounts|"
    r"raised|revised|updated)\b(?:\s+(?:now|already|further|sharply|again|been))*"
    r"(?:\s+(?:to|at|from)(?:\s+(?:at least|more than|over|nearly|about|around))?)?"
    r"|[^.;:!?]{0,100}?\b(?:to|at|of)|[^.;:!?]{0,100}?\bto\s+\d[\d,]*,?\s+and\s+to)\s*$",
    re.I,
)
# A figure of the injured stated by its condition or by the care it sought, with no cue word:
# "5 people are in critical condition", "91 people have sought medical treatment"
_HURT_STATE = re.compile(
    rf"^\s+(?:(?:more|others?|other people|{_VICTIM})\s+)?(?:are|were|remain|remained|have been|"
    r"has been|had been|have|has|had)?\s*(?:still\s+)?(?:in (?:a )?(?:critical|serious|grave|"
    r"severe|moderate|stable|satisfactory) condition|in hospital|hospitali[sz]ed|in (?:the )?intensive care|receiving (?:inpatient"
    r" |medical )?treatment|sought (?:medical )?(?:help|treatment|care|assistance)|applied for "
    r"(?:medical )?(?:help|treatment|care)|appealed for (?:medical )?help)\b",
    re.I,
)
# "forced 400,000 people to flee", "400,000 have fled"
_FLED_AFTER = re.compile(
    rf"^\s+(?:(?:{_VICTIM}|others)\s+)?(?:(?:have|has|had)\s+)?(?:fled|been displaced|"
    r"were displaced|displaced)\b",
    re.I,
)
# "280 people have already been buried in mass graves", "buried 280 people": the dead
_BURIED_AFTER = re.compile(
    r"^\s+(?:(?:people|civilians|bodies|corpses|victims|residents)\s+)?(?:have |had |were |are )?"
    r"(?:already |now )?(?:been )?buried\b",
    re.I,
)
_BURIED_BEFORE = re.compile(r"\b(?:buried|exhumed)(?:\s+(?:already|so far))?\s*$", re.I)
# "At least 39 people remain unaccounted for"
_MISSING_AFTER = re.compile(
    r"^\s+(?:(?:people|persons|others|civilians|residents)\s+)?(?:remain|remained|are|were|"
    r"have been|are still|remain still)\s+(?:still\s+)?(?:unaccounted for|missing)\b",
    re.I,
)
# "Five of the dead were recovered", "two of the dead in Uman were children"
_OF_THE_DEAD = re.compile(
    r"^\s+of (?:the|those) (?P<grp>dead|killed|victims|injured|wounded)\b", re.I
)
_TO_FLEE = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?to flee\b", re.I)
# "Of the injured, 34 are in serious condition": the group a figure belongs to, before it
_OF_GROUP = re.compile(
    r"\bof (?:the|those) (?P<grp>injured|wounded|dead|killed|victims|casualties)\s*,?"
    r"(?:[^.;]{0,80}?\band\s+(?:another\s+)?)?\s*$",
    re.I,
)
# "including a toddler", "among them a child": one victim, written without a number
_ONE_PART = re.compile(
    r"\b(?:including|among them|among whom)\s+(?:an?|one)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<vic>child|toddler|baby|infant|boy|girl|teenager|woman|man|minor|journalist|medic|"
    r"rescuer|soldier|police officer|policeman|foreigner)\b",
    re.I,
)
# "a 10-year-old child was among those killed", "a child was among the dead"
_ONE_AMONG = re.compile(
    r"\b(?:an?|one)\s+(?:[\w-]+\s+){0,2}?(?P<vic>child|toddler|baby|infant|boy|girl|teenager|"
    r"woman|man|minor|journalist|medic|rescuer|soldier|policeman|foreigner)\s+(?:was|is)\s+"
    r"(?:also\s+)?among\s+(?:the\s+|those\s+)?(?P<grp>dead|killed|victims|injured|wounded)\b",
    re.I,
)
_HURT_WORDS = {"injured", "wounded"}
# Sentences worth scanning: a word of harm, toll, care, flight or of a part of a figure
_GATE = re.compile(
    r"toll|death count|kill|dead|\bdied|death|injur|wound|hospital|condition|treatment|"
    r"\bhelp\b|\bfle[de]\b|displac|victim|casualt|buried|exhum|unaccounted|missing",
    re.I,
)
# Words of a part of a figure, worth a look only beside a claim of the same sentence
_PART_GATE = re.compile(r"includ|among|of them|of whom|\(", re.I)
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|dozens?|scores|"
    r"several)\b",
    re.I,
)
# "12 women and seven children killed": a figure listed before another claim's figure
_LISTED = re.compile(
    rf"^\s+(?:[\w-]+\s+){{0,2}}?(?P<vic>{_VICTIM})\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
    r"(?:at least |more than |some |about |another )?$",
    re.I,
)


def _kind_of(word: str | None, default: CasualtyKind) -> CasualtyKind:
    if word is None:
        return default
    low = word.lower()
    if low in _HURT_WORDS:
        return "injured"
    if low in {"dead", "killed", "victims", "fatalities", "deaths", "died"}:
        return "killed"
    return default


def _claimed(claims: list[CasualtyClaim], kind: str, q: Quantity, lo: int, hi: int) -> bool:
    values = {q.count, q.low, q.high} - {None}
    return any(
        c.kind == kind
        and ({c.count, c.low, c.high} & values)
        and c.evidence.start < hi
        and lo < c.evidence.end
        for c in claims
    )


def _positions(
    quantities: list[Quantity], here: list[CasualtyClaim]
) -> list[tuple[int, CasualtyClaim]]:
    """Where each claim of a sentence states its figure: (offset, claim), in text order."""
    out: list[tuple[int, CasualtyClaim]] = []
    used: set[int] = set()
    for c in here:
        values = {c.count, c.low, c.high} - {None}
        for k, q in enumerate(quantities):
            if k not in used and ({q.count, q.low, q.high} & values):
                used.add(k)
                out.append((q.start, c))
                break
    return sorted(out, key=lambda pc: pc[0])


def _sentence_claims(claims: list[CasualtyClaim], lo: int, hi: int) -> list[CasualtyClaim]:
    return [c for c in claims if c.evidence.start < hi and lo < c.evidence.end]


def _make(
    article: Article,
    kind: CasualtyKind,
    q: Quantity,
    victims: str | None,
    sent: Span,
    text: str,
    like: CasualtyClaim | None,
    source: str | None,
) -> CasualtyClaim:
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    end = sent.start_char + len(sent.text.rstrip())
    base = CasualtyClaim(
        id=content_id(article.id, kind, q.count, q.start, EXTRACTOR),
        kind=kind,
        count=q.count,
        low=q.low,
        high=q.high,
        hedge=q.hedge,
        evidence=Evidence(start, end, text[start:end]),
        victims=victims,
        source=source,
        confidence=0.6,
        extractor=EXTRACTOR,
    )
    if like is None:
        return base
    return replace(
        base,
        place=like.place,
        date=like.date,
        period=like.period,
        as_of=like.as_of,
        scope=like.scope,
        source=like.source,
        stance=like.stance,
        side=like.side,
        cause=like.cause,
        perpetrator=like.perpetrator,
    )


def _part(after: str, before: str, default: CasualtyKind) -> tuple[CasualtyKind, str] | None:
    """(kind, victims) when the quantity is a sub-count, judged by the words around it."""
    m = _OF_THEM.match(after)
    if m:
        if m.group("state") or m.group("bad"):
            return "injured", "people"
        if m.group("kill") or m.group("hurt"):
            return _kind_of(m.group("kill") or m.group("hurt"), default), "people"
        return default, m.group("vic")
    m = _AMONG.match(after)
    if m:
        return _kind_of(m.group("grp"), default), m.group("vic")
    m = _IN_STATE.match(after)
    if m:
        return "injured", m.group("vic") or "people"
    if _BEFORE_PART.search(before):
        v = _AFTER_VICTIM.match(after)
        if v:
            return default, v.group("vic")
    return None


def more_casualties(
    doc: Doc,
    claims: list[CasualtyClaim],
    *,
    article: Article,
    places: list[Place] | None = None,
) -> list[CasualtyClaim]:
    """The claims of ``doc`` plus its sub-counts and far-off tolls, in text order.

    Args:
        doc: the parsed article.
        claims: the claims :func:`sitrep.extract.casualties.casualties` found.
        article: the article (its id and outlet).
        places: the article's place mentions, to place a figure no claim of its sentence places.

    Returns:
        ``claims`` and the new ones, sorted by where their sentence starts.
    """
    text = text_of(doc)
    if len(text) != len(article.text):
        return claims
    out = list(claims)
    places = places or []
    incident = (
        incident_place(doc, places, [(c.evidence.start, c.evidence.end) for c in claims])
        if places
        else None
    )

    def with_place(new: CasualtyClaim, sent: Span, at: int) -> CasualtyClaim:
        if new.place is not None or not places:
            return new
        return replace(new, place=event_place(doc, sent, at, places, incident, scope=new.scope))

    for sent in doc.sents:
        lo, hi = sent.start_char, sent.end_char
        stext = text[lo:hi]
        here = _sentence_claims(out, lo, hi)
        if not (_GATE.search(stext) or (here and _PART_GATE.search(stext))):
            continue  # no word of harm, care or flight, no part of a claim: nothing to add
        quantities = (
            [
                replace(q, start=q.start + lo, end=q.end + lo, num_start=q.num_start + lo)
                for q in find_quantities(stext)
            ]
            if _NUMBER.search(stext)
            else []
        )
        for qa in quantities:
            q = qa
            if q.count is None and q.low is None and q.high is None:
                continue
            before, after = text[max(lo, qa.start - 160) : qa.start], text[qa.end : hi]
            alone = _standalone(before, after)
            if alone is not None:
                kind, victims, share = alone
                if not _claimed(out, kind, qa, lo, hi):
                    like = next(iter(here), None)
                    new = _make(article, kind, qa, victims, sent, text, like, None)
                    if share:
                        new = replace(new, flags=(*new.flags, "part"))
                    if like is None:
                        found = attribute(sent, at=sent.start, text=text)
                        new = replace(new, source=found.source if found else article.outlet)
                    new = with_place(new, sent, qa.start)
                    out.append(new)
                    here.append(new)
                continue
            toll = _TOLL.search(before)
            if toll:
                kind = _kind_of(toll.group("what"), "killed")
                if not _claimed(out, kind, qa, lo, hi):
                    found = attribute(sent, at=sent.start, text=text)
                    like = here[0] if here else None
                    new = _make(article, kind, qa, None, sent, text, like, None)
                    if found is not None:
                        new = replace(new, source=found.source, stance=found.stance)
                    elif like is None:
                        new = replace(new, source=article.outlet)
                    new = with_place(new, sent, qa.start)
                    out.append(new)
                    here.append(new)
                continue
            placed = _positions(quantities, here)
            if any(pos == qa.start for pos, _ in placed):
                continue  # the figure of a claim already made
            total = next((c for pos, c in reversed(placed) if pos < qa.start), None)
            nxt = next((c for pos, c in placed if pos > qa.start), None)
            if nxt is not None and _LISTED.match(
                text[qa.end : next(p for p, c in placed if c is nxt)]
            ):
                if not _claimed(out, nxt.kind, qa, lo, hi):
                    m = _AFTER_VICTIM.match(after)
                    new = _make(
                        article,
                        nxt.kind,
                        qa,
                        m.group("vic") if m else None,
                        sent,
                        text,
                        nxt,
                        nxt.source,
                    )
                    out.append(new)
                    here.append(new)
                continue
            if total is None:
                continue
            part = _part(after, before, total.kind)
            if part is None:
                continue
            kind, victims = part
            if (total.count is not None and q.count is not None and q.count >= total.count) or (
                _claimed(out, kind, qa, lo, hi)
            ):
                continue
            new = _make(article, kind, qa, victims, sent, text, total, total.source)
            new = replace(new, flags=(*new.flags, "part"))
            out.append(new)
            here.append(new)
        for m in _ONE_AMONG.finditer(stext):
            start = lo + m.start()
            one = Quantity(start, lo + m.end(), m.group(), 1, 1, 1, None, start)
            kind = _kind_of(m.group("grp"), "killed")
            if _claimed(out, kind, one, lo, hi):
                continue
            like = next(iter(here), None)
            new = _make(article, kind, one, m.group("vic"), sent, text, like, None)
            if like is None:
                found = attribute(sent, at=sent.start, text=text)
                new = replace(new, source=found.source if found else article.outlet)
            out.append(replace(new, flags=(*new.flags, "part")))
            here.append(new)
        for m in _ONE_PART.finditer(stext):
            start = lo + m.start()
            total = next((c for c in here if c.evidence.start <= start), None)
            one = Quantity(start, lo + m.end(), m.group(), 1, 1, 1, None, start)
            if total is None or (total.count or 0) <= 1 or _claimed(out, total.kind, one, lo, hi):
                continue
            new = _make(article, total.kind, one, m.group("vic"), sent, text, total, total.source)
            new = replace(new, flags=(*new.flags, "part"))
            out.append(new)
            here.append(new)
    return sorted(out, key=lambda c: c.evidence.start)


def _standalone(before: str, after: str) -> tuple[CasualtyKind, str | None, bool] | None:
    """(kind, victims, part) of a figure whose words need no total: condition, care sought,
    flight; ``part`` when the figure is a share of the injured ("34 are in serious condition")
    rather than their number ("91 people sought medical help")."""
    m = _HURT_STATE.match(after)
    if m:
        v = re.match(rf"^\s+(?P<vic>{_VICTIM})\b", after, re.I)
        share = not re.search(r"sought|applied|appealed|treatment", m.group(), re.I)
        return "injured", v.group("vic") if v else "people", share
    forced = re.search(r"\bforc(?:ed|ing|es)\s*$", before, re.I) is not None
    if _FLED_AFTER.match(after) or (forced and _TO_FLEE.match(after)):
        v = re.match(rf"^\s+(?P<vic>{_VICTIM})\b", after, re.I)
        return "displaced", v.group("vic") if v else "people", False
    if _BURIED_AFTER.match(after) or _BURIED_BEFORE.search(before):
        return "killed", "people", False
    if _MISSING_AFTER.match(after):
        return "missing", "people", False
    m = _OF_THE_DEAD.match(after)
    if m:
        return _kind_of(m.group("grp"), "killed"), "people", True
    m = _AMONG.match(after)
    if m:
        return _kind_of(m.group("grp"), "killed"), m.group("vic"), True
    g = _OF_GROUP.search(before)
    if g and re.match(
        r"^\s+(?:(?:people|others|more)\s+)?(?:are|were|remain|have|had|died)\b", after
    ):
        return _kind_of(g.group("grp"), "injured"), "people", True
    return None
