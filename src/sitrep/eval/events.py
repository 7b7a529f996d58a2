"""Event type coding against the PLOVER gold-standard records.

Gold: ``PLOVER_GSR_CAMEO.txt`` from openeventdata/PLOVER, a JSON list of records, each a news
sentence (``text``) with its PLOVER ``event`` and, for some, a ``mode``. The file has trailing
commas, which are dropped before parsing; the ``DOCUMENT`` record and records without text are
skipped. Old names are read in the current spelling (ACCUSE -> DISAPPROVE, REQUEST -> DEMAND).

Scoring: each sentence is parsed and run through :func:`sitrep.extract.events.events`; the
sentence's main event (the trigger highest in the parse, see
:func:`sitrep.extract.events.main_event`) is compared with the gold type.

* ``accuracy``: right type over all records (no event predicted counts as wrong);
* ``accuracy_predicted``: right type over the records where the system predicted an event;
* ``coverage``: the share of records with a prediction;
* ``mode_accuracy``: right mode over the records whose gold mode is set (sitrep only).

Peer ``keyword``: the first PLOVER type, in a fixed order, one of whose keywords occurs in the
sentence. The published CAMEO-to-PLOVER table is documentation, not an answer key: neither
system reads it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep import nlp as nlp_mod
from sitrep.errors import EvalDataError
from sitrep.eval.base import Progress, Report, require_gold
from sitrep.extract.events.detect import events as extract_events
from sitrep.extract.events.detect import main_event
from sitrep.extract.events.types import normalize_plover
from sitrep.model import Article

GSR_FILE = "PLOVER_GSR_CAMEO.txt"

# Keyword stems per PLOVER type, tried in this order; the first type with a match wins.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("bomb", "suicide", "assassinat", "tortur", "abduct", "kidnap", "massacre", "beat"),
    "FIGHT": ("fight", "clash", "shell", "artiller", "battle", "invasion", "invade", "fire"),
    "COERCE": ("arrest", "detain", "curfew", "ban", "deport", "confiscat", "seiz", "demolish"),
    "PROTEST": ("protest", "demonstrat", "rally", "riot", "strike", "boycott", "march"),
    "MOBILIZE": ("mobiliz", "mobilis", "deploy", "alert", "troops massed"),
    "THREATEN": ("threat", "warn", "ultimatum"),
    "SANCTION": ("sanction", "embargo", "suspend", "sever", "expel", "halt", "cut off"),
    "REJECT": ("reject", "refus", "denied", "deny", "veto", "dismiss", "defy"),
    "DISAPPROVE": ("accus", "condemn", "critici", "denounc", "blame", "complain", "charg"),
    "DEMAND": ("demand", "urge", "call for", "called for", "call on", "called on", "appeal"),
    "INVESTIGATE": ("investigat", "probe", "inquiry", "inspect"),
    "RETREAT": ("withdr", "releas", "retreat", "ceasefire", "truce", "lift", "eas"),
    "CONCEDE": ("concede", "concession", "yield", "accede", "resign"),
    "AID": ("aid", "assistance", "donat", "humanitarian", "asylum"),
    "COOPERATE": ("cooperat", "co-operat", "collaborat", "joint"),
    "SUPPORT": ("support", "praise", "endors", "welcom", "sign", "recogni", "apolog"),
    "CONSULT": ("meet", "met ", "talks", "visit", "negotiat", "discuss", "host"),
    "AGREE": ("agree", "pledg", "promis", "offer", "propos", "vow"),
}


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One gold sentence."""

    id: str
    text: str
    event: str
    mode: str | None


def load_gold(data: Path) -> list[GoldRecord]:
    """The gold records from the GSR file, or from the folder that holds it.

    Args:
        data: ``PLOVER_GSR_CAMEO.txt`` or a folder with it (directly or in
            ``gold_standard_records/``).
    """
    path = data
    if data.is_dir():
        path = data / GSR_FILE
        if not path.exists():
            path = data / "gold_standard_records" / GSR_FILE
    if not path.is_file():
        raise EvalDataError(
            f"no {GSR_FILE} at {path}: point --data at the PLOVER gold records", source=str(data)
        )
    raw = path.read_text(encoding="utf-8")
    items: list[dict[str, Any]] = json.loads(re.sub(r",(\s*[\]}])", r"\1", raw))
    out: list[GoldRecord] = []
    for item in items:
        text = str(item.get("text") or "").strip()
        event = normalize_plover(str(item.get("event") or ""))
        if not text or not event or event == "DOCUMENT":
            continue
        mode = str(item.get("mode") or "").strip() or None
        out.append(GoldRecord(str(item.get("id", len(out))), text, event, mode))
    return out


def keyword_type(text: str) -> str | None:
    """The keyword baseline: the first PLOVER type whose keyword stem occurs in the text."""
    low = f" {text.lower()} "
    for plover, stems in KEYWORDS.items():
        if any(re.search(rf"\b{re.escape(stem)}", low) for stem in stems):
            return plover
    return None


def score(
    gold: list[GoldRecord], predicted: list[tuple[str | None, str | None]], *, modes: bool
) -> dict[str, float]:
    """Accuracy, accuracy where predicted, coverage and (optionally) mode accuracy.

    Args:
        gold: the gold records.
        predicted: one (PLOVER type or None, mode or None) per gold record, in order.
        modes: whether to score modes as well.
    """
    n = len(gold)
    right = sum(1 for g, (p, _) in zip(gold, predicted, strict=True) if p == g.event)
    made = sum(1 for p, _ in predicted if p is not None)
    out = {
        "accuracy": round(right / n, 4) if n else 0.0,
        "accuracy_predicted": round(right / made, 4) if made else 0.0,
        "coverage": round(made / n, 4) if n else 0.0,
    }
    if modes:
        with_mode = [(g, m) for g, (_, m) in zip(gold, predicted, strict=True) if g.mode]
        hits = sum(1 for g, m in with_mode if m == g.mode)
        out["mode_accuracy"] = round(hits / len(with_mode), 4) if with_mode else 0.0
    return out


def sitrep_predictions(
    records: list[GoldRecord], *, progress: Progress
) -> list[tuple[str | None, str | None]]:
    """sitrep's main event type and mode for each record, parsed in batches."""
    docs = nlp_mod.parse_many(r.text for r in records)
    out: list[tuple[str | None, str | None]] = []
    for rec, doc in progress.track(zip(records, docs, strict=True), len(records), "events"):
        art = Article(id=rec.id, text=rec.text, published=dt.date(2000, 1, 1))
        found = extract_events(doc, article=art, places=[], times=[], casualties=[])
        top = main_event(found, doc)
        out.append((top.plover, top.mode) if top else (None, None))
    return out


def run(data: Path, *, limit: int | None = None, progress: Progress) -> Report:
    """Score sitrep's event typing and the keyword baseline on the PLOVER gold records.

    Args:
        data: the GSR file or its folder.
        limit: score only the first ``limit`` records.
        progress: progress reporting.

    Returns:
        The report: accuracy, accuracy where predicted, coverage, and sitrep's mode accuracy.
    """
    gold = load_gold(data)
    if limit is not None:
        gold = gold[:limit]
    require_gold(len(gold), task="events", data=data, what="gold-standard records")
    sitrep_pred = sitrep_predictions(gold, progress=progress)
    keyword_pred: list[tuple[str | None, str | None]] = [(keyword_type(r.text), None) for r in gold]
    return Report(
        task="events",
        n=len(gold),
        systems={
            "sitrep": score(gold, sitrep_pred, modes=True),
            "keyword": score(gold, keyword_pred, modes=False),
        },
        reference=None,
        notes=[
            "PLOVER gold-standard records (openeventdata/PLOVER, CC BY-SA 4.0): "
            "main event type per sentence; no published score on this set",
            f"{sum(1 for r in gold if r.mode)} records have a gold mode",
        ],
    )
