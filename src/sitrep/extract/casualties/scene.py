"""Deaths at the scene: a part of the toll when the story gives a larger one.

"Fifteen people died at the scene ... Later, 11 critically injured victims succumbed to
wounds", in a story that says "at least 26 people were killed": the first figure counts
only those who died outright. When an article states a larger figure of the same kind for
its incident, a figure told as deaths at the scene (:data:`AT_SCENE`: "at the scene", "on
the spot", "instantly") is a part of it and carries the ``part`` flag, so that no tally
weighs it against the total; told alone, it is the toll.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from sitrep.extract.casualties.claims import BLOCKING_FLAGS
from sitrep.model import CasualtyClaim

AT_SCENE = re.compile(
    r"\b(?:at the scene|on the spot|on[- ]site|instantly|outright|on impact)\b", re.I
)


def at_the_scene(claims: Sequence[CasualtyClaim]) -> list[CasualtyClaim]:
    """The claims, with deaths at the scene below a larger toll of the article flagged
    ``part``."""
    totals = [
        c.count
        for c in claims
        if c.kind == "killed"
        and c.count
        and c.scope == "incident"
        and not set(c.flags) & (BLOCKING_FLAGS | {"part"})
    ]
    top = max(totals, default=0)
    out = []
    for c in claims:
        if (
            c.kind == "killed"
            and c.count
            and c.count < top
            and c.scope == "incident"
            and "part" not in c.flags
            and AT_SCENE.search(c.evidence.text)
        ):
            c = replace(c, flags=(*c.flags, "part"))
        out.append(c)
    return out


__all__ = ["AT_SCENE", "at_the_scene"]
