"""``sitrep eval real``: every score of the real-reporting set, per article and across articles.

The gold set (``--data``, e.g. ``../shared/real``) and its texts (``--articles``, rebuilt once
per machine as the set's README says) are those of ``sitrep eval incidents``. Each text is read
and extracted once: its record is scored against the article's gold lines, then every record is
written to a fresh database and reconciled for the incident, copy, tally and invariant scores
(:func:`sitrep.eval.incidents.score_db`). The matching rules are the set's own scorer's
(``score.py``), so the numbers equal it:

- a gold claim is **found** when a system claim of the same kind (any kind for gold kind
  ``casualties``), not matched before, has the gold value (else low, else high) as its count,
  low or high, and its evidence overlaps the gold sentence (one contains the other, after
  lower-casing and keeping words only, or they share 60% of the shorter one's words);
- **source right**: every token of the gold source (or of one of its alternatives) is in the
  system source, which is at most 6 tokens longer; a gold null source wants no source or the
  outlet; **speaker right** is the same rule for the quote that holds the gold quote's start;
- **place right**: within 25 km (city, village, point), 150 km (region) or 800 km (country);
- **victims right**: every token of the gold victims is in the system victims;
- ``claim_precision_upper``: 1 - the share of system claims matched to no gold claim (an
  upper bound: the gold leaves out nothing a reader would count, but sitrep may find more);
- an article in another language must be **refused** with sitrep's own error.

Every miss (claim, source, place, quote, speaker, refusal, final figure) can be written to a
JSON file (``--misses FILE``) in the shape of ``score.py``'s ``misses.json``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep.errors import EvalDataError
from sitrep.eval.base import Progress, Report
from sitrep.eval.incidents import MissingTexts, articles_dir, load_gold, score_db
from sitrep.extract.places.gazetteer import distance_km
from sitrep.model import Record

REFERENCE = (
    "the set's own scorer (../shared/real/score.py); targets of issue 16: claim recall and "
    "source right >= 0.90, speaker right >= 0.85; of issue 14: incident B-cubed F1 >= 0.85, copy P >= "
    "0.95 and R >= 0.90, >= 90% of incidents with the final figure, 0 invariant violations"
)
TARGETS: dict[str, str] = {
    "claim_recall": ">= 0.90",
    "source_ok": ">= 0.90",
    "speaker_ok": ">= 0.85",
    "foreign_refused": "all",
    "incident_bcubed_f1": ">= 0.85",
    "copy_precision": ">= 0.95",
    "copy_recall": ">= 0.90",
    "tally_final_ok": ">= 0.90",
    "invariant_violations": "0",
}
"""Issue 16's (claims, sources, speakers) and issue 14's (incidents, copies, tallies) done-when."""

KM = {"point": 25, "village": 25, "city": 25, "region": 150, "country": 800}
"""How far a system place may lie from the gold place, by the gold place's precision."""
STOP = {"the", "a", "an", "of", "s", "'s", "its", "his", "her"}
"""Tokens a source or speaker name is compared without."""
EXTRA_TOKENS = 6
"""How many tokens longer than the gold a system source or speaker may be."""
OVERLAP = 0.6
"""Share of the shorter text's words that evidence and gold sentence must share."""


def toks(s: str | None) -> list[str]:
    """The lower-cased word tokens of a name, without articles and possessives."""
    return [
        t for t in re.findall(r"[a-z0-9]+", (s or "").lower().replace("’", "'")) if t not in STOP
    ]


def as_name(v: Any) -> str | None:
    """A source or speaker as text, whether given as a string or an object."""
    if isinstance(v, dict):
        v = v.get("name") or v.get("text") or v.get("span")
    return v if isinstance(v, str) else None


def name_ok(got: Any, gold: str | None, alts: list[str], outlet: str | None = None) -> bool:
    """Whether a system source or speaker matches the gold one (or one of its alternatives)."""
    name = as_name(got)
    if gold is None:
        return not name or (outlet is not None and set(toks(name)) <= set(toks(outlet)))
    st = toks(name)
    for alt in [gold, *alts]:
        at = toks(alt)
        if at and set(at) <= set(st) and len(st) <= len(at) + EXTRA_TOKENS:
            return True
    return False


def norm(s: str) -> str:
    """Lower-cased words only, single-spaced."""
    return " ".join(re.findall(r"\w+", s.lower()))


def overlaps(evidence: str, sentence: str) -> bool:
    """Whether a claim's evidence and a gold sentence are the same passage."""
    e, g = norm(evidence), norm(sentence)
    if not e or not g:
        return False
    if e in g or g in e:
        return True
    et, gt = set(e.split()), set(g.split())
    return len(et & gt) / max(1, min(len(et), len(gt))) >= OVERLAP


def span(text: str, at: list[Any]) -> str:
    """The gold span ``[start, end, sha1-prefix]``: at its offsets, or wherever a window of that
    length has that hash (a text rebuilt with a small shift still scores)."""
    start, end, digest = at

    def h(s: str) -> str:
        return hashlib.sha1(s.encode()).hexdigest()[:12]

    if h(text[start:end]) == digest:
        return str(text[start:end])
    n = end - start
    for i in range(max(0, len(text) - n + 1)):
        if h(text[i : i + n]) == digest:
            return str(text[i : i + n])
    return ""


def sys_claims(rec: dict[str, Any]) -> list[dict[str, Any]]:
    """The casualty claims of a record's JSON, in the fields the matching reads."""
    out = []
    for c in rec.get("casualties", []):
        place = c.get("place") or {}
        evidence = c.get("evidence") or {}
        out.append(
            {
                "kind": c.get("kind"),
                "values": {c.get("count"), c.get("low"), c.get("high")} - {None},
                "victims": c.get("victims"),
                "source": c.get("source"),
                "latlon": (place.get("lat"), place.get("lon"))
                if place.get("lat") is not None
                else None,
                "place": place.get("name"),
                "evidence": (evidence.get("text") if isinstance(evidence, dict) else "") or "",
            }
        )
    return out


def score_article(
    gold: dict[str, Any], rec: dict[str, Any], text: str, tally: Counter[str], misses: list[Any]
) -> None:
    """Score one article's record against its gold line, adding to ``tally`` and ``misses``."""
    f = gold["file"]
    outlet = (rec.get("article") or {}).get("outlet")
    golds = [
        {**g, "sentence": g.get("sentence") or span(text, g["at"])} for g in gold.get("claims", [])
    ]
    claims = sys_claims(rec)
    used: set[int] = set()
    for g in golds:
        tally["claims"] += 1
        want = next((g[k] for k in ("value", "low", "high") if g.get(k) is not None), None)
        hit = next(
            (
                i
                for i, c in enumerate(claims)
                if i not in used
                and (c["kind"] == g["kind"] or g["kind"] == "casualties")
                and want in c["values"]
                and overlaps(c["evidence"], g["sentence"])
            ),
            None,
        )
        if hit is None:
            misses.append({"file": f, "miss": "claim", "gold": g})
            continue
        used.add(hit)
        c = claims[hit]
        tally["found"] += 1
        if name_ok(c["source"], g.get("source"), g.get("source_alts", []), outlet):
            tally["source_ok"] += 1
        else:
            misses.append(
                {"file": f, "miss": "source", "gold": g.get("source"), "got": c["source"],
                 "sentence": g["sentence"][:160]}
            )  # fmt: skip
        if g.get("lat") is not None:
            tally["placed"] += 1
            limit = KM.get(g.get("precision") or "city", 25)
            at = c["latlon"]
            if at and distance_km(at[0], at[1], g["lat"], g["lon"]) <= limit:
                tally["place_ok"] += 1
            else:
                misses.append(
                    {"file": f, "miss": "place", "gold": g.get("place"), "got": c["place"],
                     "sentence": g["sentence"][:160]}
                )  # fmt: skip
        if toks(g.get("victims")) and set(toks(g.get("victims"))) <= set(toks(c["victims"])):
            tally["victims_ok"] += 1
        elif toks(g.get("victims")):
            misses.append(
                {"file": f, "miss": "victims", "gold": g.get("victims"), "got": c["victims"],
                 "sentence": g["sentence"][:160]}
            )  # fmt: skip
    tally["sys_claims"] += len(claims)
    tally["sys_unmatched"] += len(claims) - len(used)
    quotes = rec.get("quotes", [])
    for q in gold.get("quotes", []):
        tally["quotes"] += 1
        first = q.get("start") or span(text, q["at"])
        start = norm(first)[:60]
        sq = next((s for s in quotes if start and start[:40] in norm(s.get("text", ""))), None)
        if sq is None:
            misses.append({"file": f, "miss": "quote", "gold": first})
            continue
        tally["quotes_found"] += 1
        if name_ok(sq.get("speaker"), q.get("speaker"), q.get("speaker_alts", [])):
            tally["speaker_ok"] += 1
        else:
            misses.append(
                {"file": f, "miss": "speaker", "gold": q.get("speaker"), "got": sq.get("speaker")}
            )


def _extract(text: str, g: dict[str, Any], url: str | None) -> Record:
    from sitrep.pipeline import extract

    return extract(text, published=g["published"], url=url)


def _refused(text: str, g: dict[str, Any], tally: Counter[str], misses: list[Any]) -> None:
    """An article in another language: sitrep must refuse it with its own error."""
    tally["foreign"] += 1
    try:
        _extract(text, g, None)
        misses.append({"file": g["file"], "miss": "foreign accepted", "language": g["language"]})
    except Exception as exc:  # any error is scored: sitrep's own, or a crash
        if type(exc).__module__.startswith("sitrep"):
            tally["foreign_refused"] += 1
        else:
            misses.append({"file": g["file"], "miss": "foreign crashed", "error": repr(exc)[:200]})


def run(
    data: Path,
    *,
    limit: int | None = None,
    progress: Progress,
    articles: Path | None = None,
    misses: Path | None = None,
) -> Report:
    """Score claims, sources, places, victims, quotes, speakers, refusals, incidents, copies and
    tallies on the real set at ``data``, reading and extracting each text once.

    Args:
        data: the gold folder (``gold-*.jsonl``, ``incidents-*.json``).
        limit: score only the first ``limit`` gold lines.
        progress: progress reporting, one tick per article.
        articles: the folder of the rebuilt texts (see :func:`~sitrep.eval.incidents.articles_dir`).
        misses: a JSON file to write every miss to.

    Raises:
        EvalDataError: the folder holds no gold lines.
        MissingTexts: none of their texts is in the articles folder.
    """
    if not sorted(data.glob("gold-*.jsonl")) or not any(
        line.strip() for f in data.glob("gold-*.jsonl") for line in f.read_text().splitlines()
    ):
        raise EvalDataError(
            f"no gold lines (gold-*.jsonl) found for `sitrep eval real` in {data}; point --data "
            "at the real-reporting set (../shared/real)",
            source=str(data),
        )
    golds, incidents = load_gold(data)
    golds = golds[: limit or None]
    folder = articles_dir(data, articles)
    present = [g for g in golds if (folder / g["file"]).is_file()]
    if not present:
        raise MissingTexts(
            f"none of the {len(golds)} texts of {data} is in {folder}; rebuild them as "
            f"{data / 'README.md'} says, or pass --articles DIR",
            source=str(folder),
        )
    tally: Counter[str] = Counter()
    found: list[Any] = []
    records: list[Record] = []
    english: list[dict[str, Any]] = []
    for g in progress.track(present, len(present), "real articles"):
        text = (folder / g["file"]).read_text(encoding="utf-8")
        if g.get("language", "en") != "en":
            _refused(text, g, tally, found)
            continue
        tally["articles"] += 1
        english.append(g)
        try:
            rec = _extract(text, g, g.get("url"))
        except Exception as exc:  # an English article refused or crashed: its claims are missed
            found.append({"file": g["file"], "miss": "article refused", "error": repr(exc)[:200]})
            score_article(g, {"casualties": [], "quotes": []}, text, tally, found)
            continue
        score_article(g, rec.to_dict(), text, tally, found)
        art = dataclasses.replace(rec.article, url="gold://" + g["file"])
        records.append(dataclasses.replace(rec, article=art))
    with tempfile.TemporaryDirectory(prefix="sitrep-real-") as tmp:
        db = Path(tmp) / "real.duckdb"
        _store(records, db)
        across = score_db(db, english, incidents, misses=found, digits=3)
    scores = per_article(tally) | across
    report = Report(task="real", n=len(present), reference=REFERENCE)
    report.systems["sitrep"] = scores
    report.targets = {k: v for k, v in TARGETS.items() if k in scores}
    report.notes.append(
        f"{tally['articles']} English articles with {tally['claims']} gold claims and "
        f"{tally['quotes']} gold quotes, {tally['foreign']} in other languages"
        + (f", {len(golds) - len(present)} texts missing" if len(golds) > len(present) else "")
        + f"; {scores.pop('incidents_scored')} incidents with a final killed figure"
    )
    report.notes.append(
        f"found {tally['found']} claims ({tally['sys_claims']} given), "
        f"{tally['quotes_found']} quotes; place_ok over the {tally['placed']} found claims "
        "with a gold place; the other per-claim shares over the claims found"
    )
    if misses is not None:
        misses.parent.mkdir(parents=True, exist_ok=True)
        misses.write_text(json.dumps(found, indent=1, ensure_ascii=False), encoding="utf-8")
        report.notes.append(f"{len(found)} misses written to {misses}")
    return report


def per_article(tally: Counter[str]) -> dict[str, Any]:
    """The per-article shares from the counts (rounded as ``score.py`` rounds them)."""

    def ratio(x: str, y: str) -> float | None:
        return round(tally[x] / tally[y], 3) if tally[y] else None

    unmatched = tally["sys_unmatched"] / tally["sys_claims"] if tally["sys_claims"] else None
    return {
        "claim_recall": ratio("found", "claims"),
        "claim_precision_upper": None if unmatched is None else round(1 - unmatched, 3),
        "source_ok": ratio("source_ok", "found"),
        "place_ok": ratio("place_ok", "placed"),
        "victims_ok": ratio("victims_ok", "found"),
        "quote_recall": ratio("quotes_found", "quotes"),
        "speaker_ok": ratio("speaker_ok", "quotes_found"),
        "foreign_refused": f"{tally['foreign_refused']}/{tally['foreign']}",
    }


def _store(records: list[Record], db: Path) -> None:
    """Write the records into a fresh database and reconcile it, as ingest and reconcile do."""
    from sitrep.reconcile import reconcile
    from sitrep.store import Store

    with Store(db) as store:
        store.write(records)
        reconcile(store)


__all__ = ["KM", "TARGETS", "name_ok", "overlaps", "per_article", "run", "score_article", "span"]
