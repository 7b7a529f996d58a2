"""Every number a reader would count: sub-counts linked to their total, and tolls that rise to N.

The sentence-level extractor reads a figure next to its casualty word. Two common forms put the
figure elsewhere, and :func:`more_casualties` adds them as claims of their own:

- sub-counts of a total in the same sentence: "45 people, including 23 women and children",
  "20 were wounded, 9 of them are in hospital", "21 killed (three of them were minors)", "three
  children were among the dead", "(two children and eight adults)"; a sub-count takes the kind
  of the total before it and its source, place, date and scope;
- tolls whose number sits far from the subject: "the death toll in the town ... rose to 25",
  "the number of people killed ... has increased to 21", "Death toll ... reaches 23";
- victims a group figure names one by one (:mod:`~sitrep.extract.casualties.named`).

Ages ("a three-month-old baby", "10-year-old") are never counts (:mod:`sitrep.extract.numbers`
skips them), and a figure already claimed in the sentence is not added twice.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from sitrep.extract.attribution.cues import Attribution, attribute
from sitrep.extract.casualties.around import group_named
from sitrep.extract.casualties.claims import sentence_evidence
from sitrep.extract.casualties.found import token_at
from sitrep.extract.casualties.lexicon import CUES, CUMULATIVE
from sitrep.extract.casualties.lexicon_parts import (
    AFTER_VICTIM,
    AMONG,
    AMONG_NUMBER,
    BEFORE_PART,
    BODIES_AFTER,
    BODIES_BEFORE,
    BURIED_AFTER,
    BURIED_BEFORE,
    CARE_GIVEN_BEFORE,
    ELIMINATED_AFTER,
    ELIMINATED_BEFORE,
    ELLIPTIC_PART,
    FAR_TOLL,
    FATE_BEFORE,
    FATE_UNKNOWN,
    FLED_AFTER,
    GROUP_AFTER,
    GROUP_BEFORE,
    HOSPITAL_AFTER,
    HOSPITAL_TAKEN_AFTER,
    HOSPITAL_TAKER_BEFORE,
    HURT_STATE,
    HURT_WORDS,
    IN_STATE,
    LABEL_BEFORE,
    LIVES_FOUGHT_FOR,
    LIVES_LOST,
    LOST_BEFORE,
    LOST_KIN,
    LOST_TO,
    MEDICAL_STAFF,
    MISSING_AFTER,
    OF_GROUP,
    OF_THE_DEAD,
    OF_THEM,
    ONE_AMONG,
    ONE_INCLUDED,
    ONE_OPENER,
    ONE_PART,
    ORDINAL_VICTIM,
    PART_GATE,
    PART_LISTED,
    PART_NUMBER,
    PART_SENTENCE_GATE,
    PART_VICTIM,
    SHARE_WAS,
    TAKEN_CAPTIVE,
    THEM_OPENER,
    TO_FLEE,
    TOLL_NAMED,
    TOLL_PRONOUN,
    TOLL_PRONOUN_END,
    TOLL_PRONOUN_GATE,
)
from sitrep.extract.casualties.named import named_members
from sitrep.extract.casualties.numbers import Quantity, find_quantities
from sitrep.extract.casualties.stated import (
    claimed,
    claimed_one,
    just_before,
    listed_after,
    positions,
    sentence_claims,
)
from sitrep.extract.places import event_place, incident_place
from sitrep.extract.times.frames import without_frames
from sitrep.model import Article, CasualtyClaim, CasualtyKind, Place, content_id
from sitrep.nlp import text_of

EXTRACTOR = "casualties.parts.v1"


def _kind_of(word: str | None, default: CasualtyKind) -> CasualtyKind:
    if word is None:
        return default
    low = word.lower()
    if low in HURT_WORDS:
        return "injured"
    if low in {"dead", "deceased", "killed", "victims", "fatalities", "deaths", "died"}:
        return "killed"
    return default


def _described(here: list[CasualtyClaim], q: Quantity, after: str) -> bool:
    """Whether a claim of the sentence counts the same figure with the word after it as its
    victims' description ("killed 12 displaced people": no 12 displaced besides)."""
    words = after.split()[:1]
    return (
        bool(words)
        and words[0].lower() in CUES
        and any(
            c.count == q.count and words[0].lower() in (c.victims or "").lower().split()
            for c in here
        )
    )


def _toll_before(text: str, lo: int, before: str, after: str) -> re.Match[str] | None:
    """The toll named before in the paragraph, when this sentence gives its figure by a
    pronoun or "the total" ("The death toll has increased. As of now, it stands at 20."); never a figure of
    something else ("It was 20 years ago")."""
    if not TOLL_PRONOUN.search(before) or not TOLL_PRONOUN_END.match(after):
        return None
    prev = text[max(0, lo - 300) : lo]  # the sentences before, in the same paragraph
    return _nearest(TOLL_NAMED, prev[prev.rfind("\n", 0, len(prev) - 2) + 1 :] + " " + before)


def _with_compounds(sent: Span, q: Quantity, victims: str | None) -> str | None:
    """A one-word victim noun with the nouns and nationality before it that make its name, as
    the parse reads them: "38 emergency workers" are emergency workers, not any workers, and
    "three British nationals" British nationals."""
    if not victims or " " in victims:
        return victims
    doc = sent.doc
    tok = next((t for t in sent if t.idx >= q.end and t.text == victims), None)
    if tok is None:
        return victims
    lo = tok.i
    while (
        lo - 1 >= sent.start
        and doc[lo - 1].head.i == tok.i
        and doc[lo - 1].idx >= q.end
        and (
            (doc[lo - 1].dep_ == "compound" and doc[lo - 1].pos_ == "NOUN")
            or (doc[lo - 1].dep_ == "amod" and doc[lo - 1].ent_type_ == "NORP")
        )
    ):
        lo -= 1
    return doc[lo : tok.i + 1].text if lo < tok.i else victims


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
    victims = _with_compounds(sent, q, victims)
    base = CasualtyClaim(
        id=content_id(article.id, kind, q.count, q.start, EXTRACTOR),
        kind=kind,
        count=q.count,
        low=q.low,
        high=q.high,
        hedge=q.hedge,
        evidence=sentence_evidence(sent),
        victims=victims,
        source=source,
        confidence=0.6,
        extractor=EXTRACTOR,
    )
    if like is None:
        # no claim of the sentence to take it from: a running total when the sentence says so
        # ("the death toll since October has risen to ..."); "toll" alone is one attack's too,
        # and so is a frame of comparison ("the deadliest since the war began")
        framed = without_frames(sent.text.lower())
        if any(m.group(0) != "toll" for m in CUMULATIVE.finditer(framed)):
            return replace(base, scope="cumulative", as_of=article.published)
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
    m = OF_THEM.match(after)
    if m:
        if m.group("state") or m.group("bad"):
            return "injured", "people"
        if m.group("kill") or m.group("hurt"):
            return _kind_of(m.group("kill") or m.group("hurt"), default), "people"
        return default, m.group("vic")
    m = AMONG.match(after)
    if m:
        return _kind_of(m.group("grp"), default), m.group("vic")
    m = IN_STATE.match(after)
    if m:
        return "injured", m.group("vic") or "people"
    if ELLIPTIC_PART.match(after):
        v = AFTER_VICTIM.match(after)
        return default, v.group("vic") if v else "people"
    if BEFORE_PART.search(before):
        v = AFTER_VICTIM.match(after)
        if v:
            return default, v.group("vic")
    return None


def _nearest(pattern: re.Pattern[str], before: str) -> re.Match[str] | None:
    """The match of a pattern anchored at the end of ``before`` that starts nearest to it:
    "the death toll rose to six and the number of injured to 40" gives 40 to the injured."""
    m = pattern.search(before)
    while m is not None:
        nxt = pattern.search(before, m.start() + 1)
        if nxt is None:
            return m
        m = nxt
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
        here = sentence_claims(out, lo, hi)
        low = stext.lower()  # the gates are lower-case patterns: faster than re.I
        if not (
            PART_SENTENCE_GATE.search(low)
            or (here and PART_GATE.search(low))
            or THEM_OPENER.match(stext)  # "Four of them are children": parts of the total before
            or ONE_OPENER.match(stext)  # "The youngest victim was a boy": one of the total before
            or TOLL_PRONOUN_GATE.search(low)  # "As of now, it stands at 20.": the toll before
        ):
            continue  # no word of harm, care or flight, no part of a claim: nothing to add
        quantities = (
            [
                replace(q, start=q.start + lo, end=q.end + lo, num_start=q.num_start + lo)
                for q in find_quantities(stext)
            ]
            if PART_NUMBER.search(low)
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
                # "two of the injured later died": the sentence's claim of another kind (the
                # deaths) already states this share
                other = share and kind != "killed" and claimed(here, "killed", qa, lo, hi)
                if (
                    not other
                    and not claimed(out, kind, qa, lo, hi)
                    and not _described(here, qa, after)
                ):
                    like = next(iter(here), None)
                    new = _make(article, kind, qa, victims, sent, text, like, None)
                    if share:
                        new = replace(new, flags=(*new.flags, "part"))
                    if like is None:
                        found = _said(sent, qa.start, text)
                        new = replace(new, source=found.source if found else article.outlet)
                    new = with_place(new, sent, qa.start)
                    out.append(new)
                    here.append(new)
                continue
            far = _nearest(FAR_TOLL, before)
            toll = far or _toll_before(text, lo, before, after)
            if toll:
                kind = _kind_of(toll.group("what"), "killed")
                if not claimed(out, kind, qa, lo, hi):
                    found = _said(sent, qa.start, text)
                    like = here[0] if here else None
                    at = token_at(doc, max(lo, qa.start - 160) + far.start()) if far else None
                    group = group_named(doc[at]) if at is not None else None  # "Palestinian toll"
                    new = _make(article, kind, qa, group, sent, text, like, None)
                    if found is not None:
                        new = replace(new, source=found.source, stance=found.stance)
                    elif like is None:
                        new = replace(new, source=article.outlet)
                    new = with_place(new, sent, qa.start)
                    out.append(new)
                    here.append(new)
                continue
            placed = positions(quantities, here, text)
            if any(pos == qa.start for pos, _ in placed):
                continue  # the figure of a claim already made
            listed = listed_after(quantities, placed, qa, text)
            if listed is not None:  # "among the victims were 78 men, 22 women and 23 children"
                m = AFTER_VICTIM.match(after)
                if m and not claimed(out, listed.kind, qa, lo, hi, m.group("vic")):
                    new = _make(article, listed.kind, qa, m.group("vic"), sent, text, listed, None)
                    # _make gives it the source (and scope, place) of ``listed``, its like
                    new = replace(new, flags=(*new.flags, "part"))
                    out.append(with_place(new, sent, qa.start))
                    here.append(out[-1])
                continue
            total = next(
                (c for pos, c in reversed(placed) if pos < qa.start and "part" not in c.flags),
                None,
            )  # "including three girls and eight boys": both parts of the total, not of each other
            if total is None and THEM_OPENER.match(stext):
                total = just_before(out, text, lo)  # "Among them are 12 employees"
            nxt = next((c for pos, c in placed if pos > qa.start), None)
            opened = total is not None and BEFORE_PART.search(before) is not None
            if (
                nxt is not None
                and not opened  # "25 dead, including two children, and 31 injured": a part
                and PART_LISTED.match(text[qa.end : next(p for p, c in placed if c is nxt)])
            ):
                if not claimed(out, nxt.kind, qa, lo, hi):
                    m = AFTER_VICTIM.match(after)
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
                claimed(out, kind, qa, lo, hi, victims)
            ):
                continue
            new = _make(article, kind, qa, victims, sent, text, total, total.source)
            own = _said(sent, qa.start, text) if total.evidence.start < lo else None
            if own is not None:  # "Four of them are children, X said": X's, not the total's
                new = replace(new, source=own.source, stance=own.stance)
            new = replace(new, flags=(*new.flags, "part"))
            out.append(new)
            here.append(new)
        for m in [*ONE_AMONG.finditer(stext), *ONE_INCLUDED.finditer(stext)]:
            start = lo + m.start()
            one = Quantity(start, lo + m.end(), m.group(), 1, 1, 1, None, start)
            kind = _kind_of(m.groupdict().get("grp") or m.groupdict().get("grp2"), "killed")
            if claimed_one(here, kind, m.group("vic")):
                continue
            like = next(iter(here), None)
            new = _make(article, kind, one, m.group("vic"), sent, text, like, None)
            if like is None:
                found = _said(sent, start, text)
                new = replace(new, source=found.source if found else article.outlet)
                new = with_place(new, sent, start)
            out.append(replace(new, flags=(*new.flags, "part")))
            here.append(new)
        for m in ORDINAL_VICTIM.finditer(stext):
            n, start = int(m.group("n")), lo + m.start()
            rank = Quantity(start, lo + m.end(), m.group(), n, n, n, None, start)
            if n > 1 and not claimed(out, "killed", rank, lo, hi):
                new = _make(
                    article, "killed", rank, "people", sent, text, next(iter(here), None), None
                )
                if not here:
                    found = attribute(sent, at=sent.start, text=text)
                    new = replace(new, source=found.source if found else article.outlet)
                out.append(new)  # "the 18th person killed": a toll of 18
                here.append(new)
        for m in ONE_PART.finditer(stext):
            start = lo + m.start()
            # the figure stated last before "including a child" is the total it is part of
            stated = [c for pos, c in positions(quantities, here, text) if pos < start]
            total = stated[-1] if stated else next(iter(here), None)
            if total is None and ONE_OPENER.match(stext):
                total = just_before(out, text, lo)  # "One of them was a doctor"
            one = Quantity(start, lo + m.end(), m.group(), 1, 1, 1, None, start)
            if (
                total is None
                or (total.count or 0) <= 1
                or claimed_one(here, total.kind, m.group("vic"))
            ):
                continue
            new = _make(article, total.kind, one, m.group("vic"), sent, text, total, total.source)
            new = replace(new, flags=(*new.flags, "part"))
            out.append(new)
            here.append(new)
    out.extend(named_members(doc, out, article_id=article.id))
    return sorted(out, key=lambda c: c.evidence.start)


def _said(sent: Span, pos: int, text: str) -> Attribution | None:
    """The source the sentence gives the figure at character ``pos``: the cue that governs it,
    on its own line (a parse that runs a headline into the lede gives the headline no source
    from the lede)."""
    at = next((t.i for t in sent if t.idx + len(t.text) > pos), sent.start)
    return attribute(sent, at=at, text=text, one_line=True, figure=True)


def _standalone(before: str, after: str) -> tuple[CasualtyKind, str | None, bool] | None:
    """(kind, victims, part) of a figure whose words need no total: condition, care sought,
    flight, the hospital, remains, a group named before it; ``part`` when the figure is a share
    of a group ("34 are in serious condition", "among the dead are 3 children") rather than
    its number ("91 people sought medical help"). The cheap anchored test of ``after`` goes
    first; ``before`` is searched only as far back as its pattern reaches."""
    v = AFTER_VICTIM.match(after)
    g = GROUP_BEFORE.search(before[-60:]) if v else None
    if g and v:
        return _kind_of(g.group("grp") or g.group("inc"), "killed"), v.group("vic"), True
    g = GROUP_AFTER.match(after)
    if g and AMONG_NUMBER.search(before):
        return _kind_of(g.group("grp"), "killed"), "people", False  # "among at least 14 victims"
    if CARE_GIVEN_BEFORE.search(before[-80:]):
        v = re.match(rf"^\s+(?:other\s+)?(?P<vic>{PART_VICTIM})\b", after, re.I)
        return "injured", v.group("vic") if v else "people", False  # "care was given to 18"
    m = HOSPITAL_TAKEN_AFTER.match(after)
    if (
        m
        and (m.group("vic") or "").lower() not in MEDICAL_STAFF
        and HOSPITAL_TAKER_BEFORE.search(before[-40:])
    ):
        return "injured", m.group("vic") or "people", False  # "we took 76 to the hospital"
    if HOSPITAL_AFTER.match(after):
        v = re.match(rf"^\s+(?:other\s+)?(?P<vic>{PART_VICTIM})\b", after, re.I)
        return "injured", v.group("vic") if v else "people", False
    if BODIES_AFTER.match(after) or BODIES_BEFORE.search(before[-30:]):
        return "killed", v.group("vic") if v else "people", False
    e = ELIMINATED_AFTER.match(after)
    if e and (e.group("passive") or ELIMINATED_BEFORE.search(before)):
        return "killed", e.group("vic"), False  # "wiped out 60 troops"
    if TAKEN_CAPTIVE.match(after):
        return "captured", v.group("vic") if v else "people", False
    g = LABEL_BEFORE.search(before) if before.rstrip().endswith(":") else None
    if g:
        return _kind_of(g.group("grp"), "killed"), v.group("vic") if v else "people", False
    m = HURT_STATE.match(after)
    if m:
        v = re.match(
            rf"^\s+(?:of (?:the|these|those) (?:[\w-]+\s+)?)?(?P<vic>{PART_VICTIM})\b", after, re.I
        )
        share = not re.search(
            r"sought|needed|required|applied|appealed|treat|received", m.group(), re.I
        )
        return "injured", v.group("vic") if v else "people", share
    forced = re.search(r"\bforc(?:ed|ing|es)\s*$", before[-20:], re.I) is not None
    if FLED_AFTER.match(after) or (forced and TO_FLEE.match(after)):
        v = re.match(rf"^\s+(?P<vic>{PART_VICTIM})\b", after, re.I)
        return "displaced", v.group("vic") if v else "people", False
    if BURIED_AFTER.match(after) or BURIED_BEFORE.search(before[-30:]):
        return "killed", "people", False
    m = LOST_KIN.match(after)
    if m and LOST_BEFORE.search(before):
        return "killed", m.group("vic"), False
    if before.rstrip().endswith("of") and LIVES_FOUGHT_FOR.search(before[-50:]):
        return "injured", v.group("vic") if v else "people", True
    m = LOST_TO.match(after)
    if m:
        return "killed", m.group("vic"), False
    if LIVES_LOST.match(after):
        return "killed", v.group("vic") if v else "people", False
    if MISSING_AFTER.match(after) or (FATE_UNKNOWN.match(after) and FATE_BEFORE.search(before)):
        v = re.match(rf"^\s+(?:more\s+)?(?P<vic>{PART_VICTIM})\b", after, re.I)
        return "missing", v.group("vic") if v else "people", False
    m = OF_THE_DEAD.match(after)
    if m:
        return _kind_of(m.group("grp"), "killed"), m.group("vic") or "people", True
    m = AMONG.match(after)
    if m:
        return _kind_of(m.group("grp"), "killed"), m.group("vic"), True
    g = (
        OF_GROUP.search(before)
        if re.match(r"^\s+(?:(?:people|others|more)\s+)?(?:are|were|remain|have|had|died)\b", after)
        else None
    )
    if g:
        w = SHARE_WAS.match(after)
        return _kind_of(g.group("grp"), "injured"), w.group("vic") if w else "people", True
    return None
