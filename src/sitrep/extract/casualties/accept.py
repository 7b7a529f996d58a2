"""A learned check on casualty candidates: is this figure one a reader would count for the incident?

The rule-based extractor finds every figure; which of them count for one incident (not a war
tally, not soldiers lost in combat, not an accident, not a hedged or negated figure) depends on
many weak signals at once. :class:`LinearModel` weighs them: a logistic regression over
:func:`features`, trained by :mod:`sitrep.train.casualty_accept` on the MUC-4 development keys
and shipped as plain JSON coefficients (``sitrep/data/casualty_accept.json``, no pickle).

Features describe the claim, never its words: kind, size of the figure, hedge, scope, flags,
the class of its victims, cause and source found, the rule signals of accident, tally, combat
and incident words, and where the figure sits in its story.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from sitrep.extract.casualties.claims import statement_key
from sitrep.extract.casualties.victims import victim_class
from sitrep.extract.linear import LinearModel, shipped
from sitrep.model import CasualtyClaim

MODEL_FILE = "casualty_accept.json"
BLOCKING = frozenset({"negated", "hypothetical", "future", "historical"})

_COMBAT = re.compile(
    r"\b(?:clash(?:es|ed)?|combat|skirmish(?:es)?|firefight|shootout|confrontations?|"
    r"sustained|suffered|inflicted|ranks|battle|fighting)\b"
)
_ACCIDENT = re.compile(
    r"\b(?:accident(?:s|al|ally)?|crash(?:ed|es)?|emergency landing|earthquake|floods?|"
    r"landslides?|drowned|traffic)\b"
)
_INCIDENT = re.compile(
    r"\b(?:attacks?|blast|explosions?|bombs?|bombings?|massacre|ambush|raid|takeover|fire|siege|"
    r"murder(?:ed)?|assassinat\w*|shot|machinegunned|kidnapp\w*)\b"
)
_TALLY_WORDS = re.compile(
    r"\b(?:so far|this year|since|total|in all|altogether|to date|last year|past \w+ (?:years|months))\b"
)
_MILITARY = re.compile(r"\b(?:soldiers?|troops|army|guerrillas?|rebels?|militar\w*|police\w*)\b")
_REPORT = re.compile(r"\b(?:reported|according|said|announced|confirmed|claimed)\b")

FEATURE_NAMES: tuple[str, ...] = (
    "injured",
    "log_count",
    "count_one",
    "count_ge_10",
    "count_ge_150",
    "hedged",
    "cumulative",
    "blocking_flag",
    "other_flag",
    "accident",
    "combat_words",
    "military_words",
    "incident_words",
    "tally_words",
    "report_words",
    "victims_civilian",
    "victims_combatant",
    "victims_unknown",
    "victims_missing",
    "civilian_in_sentence",
    "has_source",
    "has_cause",
    "has_perpetrator",
    "has_date",
    "position",
    "first_of_key",
    "mentions",
    "story_figures",
    "sentence_figures",
    "confidence",
    "rule_base",
    "rule_combat",
    "rule_keep",
    "combatant_beside_civilians",
    "single_described",
    "others",
    "hedge_lower_bound",
    "hedge_approximate",
    "lead",
    "same_count_other_kind",
    "clash_words",
    "nominal_death",
    "quoted",
    "past_marker",
    "name_recurs",
)
_NOMINAL = re.compile(
    r"\b(?:death|murder|assassination|killing|kidnapping|massacre) of\b|\b\w+'s (?:death|murder|"
    r"assassination)\b"
)
_PAST = re.compile(r"\b(?:last year|years ago|in 19\d\d|months ago|in the past|former(?:ly)?)\b")
_CLASH = re.compile(
    r"\b(?:clash(?:es|ed)?|combat|skirmish(?:es)?|firefight|shootout|exchange of (?:gun)?fire)\b"
)
_LOWER = frozenset({"at least", "more than", "over", "no fewer than", "upwards of"})
_APPROX = frozenset(
    {"about", "around", "some", "approximately", "roughly", "an estimated", "nearly"}
)


def _flat(text: str) -> str:
    return " ".join(text.lower().split())


def _recurs(claim: CasualtyClaim, text: str | None) -> float:
    """How often a single victim's last word comes back in the story (log): a victim the story
    is about recurs, one named in passing ("since the murder of X years ago") does not."""
    words = [w for w in (claim.victims or "").lower().split() if w.isalpha()]
    if claim.count != 1 or not words or not text:
        return 0.0
    return math.log1p(len(re.findall(rf"\b{re.escape(words[-1])}\b", text.lower())))


def features(
    claim: CasualtyClaim,
    *,
    story: Sequence[CasualtyClaim],
    text_length: int,
    text: str | None = None,
) -> dict[str, float]:
    """The features of one candidate claim in its story.

    Args:
        claim: the candidate.
        story: every claim extracted from the same story (the candidate among them).
        text_length: the story's length in characters.
        text: the story's text (without it, a single victim's recurrence counts 0).

    Returns:
        Feature name -> value, for every name in :data:`FEATURE_NAMES`.
    """
    sent = _flat(claim.evidence.text)
    count = claim.count or 0
    cls = victim_class(claim.victims)
    same_sentence = [c for c in story if c.evidence.start == claim.evidence.start]
    civilian_here = any(victim_class(c.victims) == "civilian" for c in same_sentence)
    key = (claim.kind, claim.count)
    first = next((c for c in story if (c.kind, c.count) == key), claim)
    flags = set(claim.flags)
    accident = bool(_ACCIDENT.search(sent))
    incident = bool(_INCIDENT.search(sent))
    base = (
        claim.hedge is None
        and claim.scope == "incident"
        and not flags & BLOCKING
        and not accident
        and not (count >= 150 and not incident)
    )
    if cls is not None:
        combat = cls == "combatant"
    elif claim.victims and count == 1:
        combat = bool(_CLASH.search(sent))
    else:
        combat = bool(_COMBAT.search(sent))
    keep = base and (not combat or civilian_here)
    return {
        "rule_base": float(base),
        "rule_combat": float(combat),
        "rule_keep": float(keep),
        "combatant_beside_civilians": float(cls == "combatant" and civilian_here),
        "single_described": float(count == 1 and claim.victims is not None and cls is None),
        "others": float((claim.victims or "").lower() in {"others", "other"}),
        "hedge_lower_bound": float((claim.hedge or "") in _LOWER),
        "hedge_approximate": float((claim.hedge or "") in _APPROX),
        "lead": float(claim.evidence.start < 0.15 * max(1, text_length)),
        "same_count_other_kind": float(
            any(c.count == claim.count and c.kind != claim.kind for c in story)
        ),
        "clash_words": float(bool(_CLASH.search(sent))),
        "nominal_death": float(bool(_NOMINAL.search(sent))),
        "quoted": float(sent[:1] in {'"', "\u201c"} or sent.count('"') >= 2),
        "past_marker": float(bool(_PAST.search(sent))),
        "name_recurs": _recurs(claim, text),
        "injured": float(claim.kind == "injured"),
        "log_count": math.log1p(count),
        "count_one": float(count == 1),
        "count_ge_10": float(count >= 10),
        "count_ge_150": float(count >= 150),
        "hedged": float(claim.hedge is not None),
        "cumulative": float(claim.scope != "incident"),
        "blocking_flag": float(bool(flags & BLOCKING)),
        "other_flag": float(bool(flags - BLOCKING)),
        "accident": float(bool(_ACCIDENT.search(sent))),
        "combat_words": float(bool(_COMBAT.search(sent))),
        "military_words": float(bool(_MILITARY.search(sent))),
        "incident_words": float(bool(_INCIDENT.search(sent))),
        "tally_words": float(bool(_TALLY_WORDS.search(sent))),
        "report_words": float(bool(_REPORT.search(sent))),
        "victims_civilian": float(cls == "civilian"),
        "victims_combatant": float(cls == "combatant"),
        "victims_unknown": float(claim.victims is not None and cls is None),
        "victims_missing": float(claim.victims is None),
        "civilian_in_sentence": float(civilian_here),
        "has_source": float(claim.source is not None),
        "has_cause": float(claim.cause is not None),
        "has_perpetrator": float(claim.perpetrator is not None),
        "has_date": float(claim.date is not None or claim.period is not None),
        "position": claim.evidence.start / max(1, text_length),
        "first_of_key": float(first is claim),
        "mentions": math.log1p(len(claim.mentions)),
        "story_figures": math.log1p(len({(c.kind, c.count) for c in story})),
        "sentence_figures": math.log1p(len(same_sentence)),
        "confidence": claim.confidence,
    }


def read_model(path: Path) -> LinearModel:
    """A model from a JSON file."""
    return LinearModel.from_json(json.loads(path.read_text(encoding="utf-8")))


@cache
def shipped_model() -> LinearModel:
    """The model that ships with sitrep (``sitrep/data/casualty_accept.json``)."""
    model = shipped(MODEL_FILE)
    if model is None:
        raise FileNotFoundError(f"sitrep/data/{MODEL_FILE} is missing: reinstall sitrep")
    return model


def accepted(
    claims: Sequence[CasualtyClaim],
    *,
    text_length: int,
    model: LinearModel | None = None,
    text: str | None = None,
) -> list[CasualtyClaim]:
    """The exact, unflagged killed/injured claims of one story that the model accepts.

    Args:
        claims: every claim extracted from the story.
        text_length: the story's length in characters.
        model: the model (default the shipped one).
        text: the story's text.

    Returns:
        The accepted claims, in their order.
    """
    model = model or shipped_model()
    pool = candidates(claims)
    return [
        c
        for c in pool
        if model.accepts(features(c, story=pool, text_length=text_length, text=text))
    ]


def candidates(claims: Sequence[CasualtyClaim]) -> list[CasualtyClaim]:
    """The claims the model judges: exact killed/injured figures without a blocking flag.

    A hedged figure ("about 40", "at least 6") or a negated, hypothetical, future or historical
    one is never an exact count of an incident, whatever the model would say. A figure stated
    in several sentences is judged once, at its first statement (its ``mentions`` count them).
    """
    seen: set[tuple[object, ...]] = set()
    out: list[CasualtyClaim] = []
    for c in claims:
        key = statement_key(c)
        if (
            c.count is None
            or c.kind not in {"killed", "injured"}
            or c.hedge is not None
            or set(c.flags) & BLOCKING
            or "sum" in c.flags  # victims named one by one: the model judges each of them
            or key in seen
        ):
            continue
        seen.add(key)
        out.append(c)
    return out
