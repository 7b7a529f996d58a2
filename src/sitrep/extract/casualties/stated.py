"""What the claims of one sentence already state: which figure each claim was made from, and
whether a figure (with its victims) is claimed already, so that a part or a list item is
added once ("two children and two women" are two claims, "20 were injured, of whom 17" one)."""

from __future__ import annotations

from sitrep.extract.casualties.lexicon_parts import PART_LISTED
from sitrep.extract.casualties.numbers import Quantity, find_quantities
from sitrep.model import CasualtyClaim


def claimed(
    claims: list[CasualtyClaim],
    kind: str,
    q: Quantity,
    lo: int,
    hi: int,
    victims: str | None = None,
) -> bool:
    """Whether a claim of the sentence already has this kind and figure (and these victims,
    when given: "two children and two women" are two claims)."""
    values = {q.count, q.low, q.high} - {None}
    return any(
        c.kind == kind
        and ({c.count, c.low, c.high} & values)
        and c.evidence.start < hi
        and lo < c.evidence.end
        and (victims is None or not c.victims or c.victims.lower() == victims.lower())
        for c in claims
    )


def claimed_one(here: list[CasualtyClaim], kind: str, victim: str) -> bool:
    """Whether a claim of the sentence already counts this one victim ("one paramedic and one
    worker" are two claims of one)."""
    return any(
        c.kind == kind and c.count == 1 and victim.lower() in (c.victims or "").lower()
        for c in here
    )


def positions(
    quantities: list[Quantity], here: list[CasualtyClaim], text: str | None = None
) -> list[tuple[int, CasualtyClaim]]:
    """Where each claim of a sentence states its figure: (offset, claim), in text order; of
    two equal figures, the one its victims follow ("two children and two women"), when the
    quantities' offsets are in ``text``."""
    out: list[tuple[int, CasualtyClaim]] = []
    used: set[int] = set()
    for c in here:
        values = {c.count, c.low, c.high} - {None}
        fits = [
            k
            for k, q in enumerate(quantities)
            if k not in used and ({q.count, q.low, q.high} & values)
        ]
        if not fits:
            continue
        named = [
            k
            for k in fits
            if text is not None
            and c.victims
            and text[quantities[k].end : quantities[k].end + 40].lstrip().startswith(c.victims)
        ]
        k = (named or fits)[0]
        used.add(k)
        out.append((quantities[k].start, c))
    return sorted(out, key=lambda pc: pc[0])


def sentence_claims(claims: list[CasualtyClaim], lo: int, hi: int) -> list[CasualtyClaim]:
    """The claims whose evidence overlaps the sentence [lo, hi)."""
    return [c for c in claims if c.evidence.start < hi and lo < c.evidence.end]


def listed_after(
    quantities: list[Quantity],
    placed: list[tuple[int, CasualtyClaim]],
    q: Quantity,
    text: str,
) -> CasualtyClaim | None:
    """The part claim whose figure and victims come right before ``q`` in one list ("78 men,
    22 women, and 23 children", "two foreigners and two locals"): the next item is a part of
    the same kind."""
    prev = next((p for p in reversed(quantities) if p.end <= q.start), None)
    if prev is None:
        return None
    claim = next((c for pos, c in placed if pos == prev.start), None)
    if claim is None or "part" not in claim.flags:
        return None
    return claim if PART_LISTED.match(text[prev.end : q.start]) else None


def just_before(claims: list[CasualtyClaim], text: str, lo: int) -> CasualtyClaim | None:
    """The last claim of the sentence right before offset ``lo`` (nothing but space between):
    of two in that sentence, the one whose figure comes last ("20 were injured and 11 have
    died. Among them is a child": one of the dead)."""
    prior = [c for c in claims if c.evidence.end <= lo and not text[c.evidence.end : lo].strip()]
    if not prior:
        return None
    start = max(c.evidence.start for c in prior)
    same = [c for c in prior if c.evidence.start == start]
    if len(same) > 1:
        placed = positions(find_quantities(same[0].evidence.text), same)
        if placed:
            return placed[-1][1]
    return same[0]


__all__ = ["claimed", "claimed_one", "just_before", "listed_after", "positions", "sentence_claims"]
