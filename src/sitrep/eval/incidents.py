"""``sitrep eval incidents``: the cross-article picture on real reporting with hand-written gold.

The gold set (``--data``, e.g. ``../shared/real``) holds ``gold-*.jsonl`` (one line per
article: ``file``, ``published``, ``language``, ``incident``, ``copy_group``, claims) and
``incidents-*.json`` (per incident the final ``killed_final`` figure the texts reach and
every figure reported). The texts are not stored with it (they are not ours to redistribute):
they are rebuilt once per machine into a folder of their own (``--articles``; by default
``$SITREP_REAL_ARTICLES``, else ``../real-articles`` beside the checkout, else
``real-articles`` beside the gold folder's parent), as the set's README says.

Every English article is ingested into a fresh database and reconciled, as ``sitrep ingest``
and ``sitrep reconcile`` would; articles in other languages are left out (they must be
refused, which ``score.py`` checks). The scores follow the set's own scorer (``score.py``):

- **incidents**: each article goes to the reconciled cluster holding most of its casualty
  claims (counting the claims a tally counts, supersedes or takes as copies; an article
  with none is a cluster of its own); B-cubed precision, recall and F1 over the articles
  whose gold incident is set, and pairwise precision, recall and F1 over their pairs;
- **copies**: an article is a copy when some of its claims are copies in a tally; gold
  copies are the members of a copy group but the first published (then by file name), as
  in ``score.py`` (``copy_precision``/``copy_recall``); because which of two copies
  published on one day is the "first" is no fact of the texts, the pairs of copies found
  are also scored without direction (``copy_pair_precision``/``copy_pair_recall``: two
  articles of one duplicate group against two articles of one copy group);
- **tallies**: the share of gold incidents with a final killed figure whose majority
  cluster's ``killed`` tally (conservative rule) has that best figure
  (``tally_final_ok``), or holds it between its low and high (``tally_range_ok``);
- **invariants**: tallies whose low, best and high are not in order (must be 0).

It fails loudly (an :class:`~sitrep.errors.InputError`) when the gold folder holds no gold
items or none of their texts is found, naming the folder and how to rebuild the texts.
"""

from __future__ import annotations

import glob
import itertools
import json
import os
import tempfile
from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sitrep.errors import InputError
from sitrep.eval.base import PRF, Progress, Report

ARTICLES_ENV = "SITREP_REAL_ARTICLES"
REFERENCE = (
    "the set's own scorer (../shared/real/score.py): B-cubed as in Bagga & Baldwin 1998; "
    "targets of issue 14: incident B-cubed F1 >= 0.85, copy P >= 0.95 and R >= 0.90, "
    ">= 90% of incidents with the final figure, 0 invariant violations"
)


class MissingTexts(InputError):
    """The gold set's article texts are not on this machine (rebuild them first)."""

    code = "E107"


def articles_dir(data: Path, articles: Path | None = None) -> Path:
    """Where the texts are: ``articles``, else ``$SITREP_REAL_ARTICLES``, else
    ``../real-articles``, else ``real-articles`` beside the gold folder's parent."""
    if articles is not None:
        return articles
    env = os.environ.get(ARTICLES_ENV)
    if env:
        return Path(env)
    here = Path("../real-articles")
    return here if here.is_dir() else data.resolve().parent.parent / "real-articles"


def load_gold(data: Path) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The gold lines and the incidents of a gold folder; an error when there are none."""
    files = sorted(glob.glob(str(data / "gold-*.jsonl")))
    golds = [
        json.loads(line)
        for f in files
        for line in Path(f).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    if not golds:
        raise InputError(f"no gold items (gold-*.jsonl) in {data}", source=str(data))
    incidents: dict[str, dict[str, Any]] = {}
    for f in sorted(glob.glob(str(data / "incidents-*.json"))):
        incidents.update(json.loads(Path(f).read_text(encoding="utf-8")))
    return golds, incidents


def bcubed(gold: Mapping[str, str], pred: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering of the gold items."""
    gc: dict[str, set[str]] = defaultdict(set)
    pc: dict[str, set[str]] = defaultdict(set)
    for i in gold:
        gc[gold[i]].add(i)
        pc[pred[i]].add(i)
    n = len(gold) or 1
    p = sum(len(gc[gold[i]] & pc[pred[i]]) / len(pc[pred[i]]) for i in gold) / n
    r = sum(len(gc[gold[i]] & pc[pred[i]]) / len(gc[gold[i]]) for i in gold) / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise(gold: Mapping[str, str], pred: Mapping[str, str]) -> PRF:
    """Precision, recall and F1 over the pairs of items put together."""
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(gold), 2):
        g, p = gold[a] == gold[b], pred[a] == pred[b]
        tp += g and p
        fp += p and not g
        fn += g and not p
    return PRF(tp, fp, fn)


def _ingest(rows: list[dict[str, Any]], db: Path) -> None:
    from sitrep.ingest.job import ingest
    from sitrep.reconcile import reconcile
    from sitrep.store import Store

    jl = db.with_suffix(".jsonl")
    jl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with Store(db) as store:
        ingest([jl], store=store)
        reconcile(store)


def run(
    data: Path,
    *,
    limit: int | None = None,
    progress: Progress,
    articles: Path | None = None,
) -> Report:
    """Score incident clustering, copies, tallies and invariants on the real set at ``data``.

    Args:
        data: the gold folder (``gold-*.jsonl``, ``incidents-*.json``).
        limit: score only the first ``limit`` English articles.
        progress: progress reporting (unused: one ingest does the work).
        articles: the folder of the rebuilt texts (see :func:`articles_dir`).
    """
    golds, incidents = load_gold(data)
    folder = articles_dir(data, articles)
    english = [g for g in golds if g.get("language", "en") == "en"]
    present = [g for g in english if (folder / g["file"]).is_file()][: limit or None]
    if not present:
        raise MissingTexts(
            f"none of the {len(english)} texts of {data} is in {folder}; rebuild them as "
            f"{data / 'README.md'} says, or pass --articles DIR",
            source=str(folder),
        )
    rows = [
        {
            "id": g["file"],
            "text": (folder / g["file"]).read_text(encoding="utf-8"),
            "published": g["published"],
            "url": "gold://" + g["file"],
        }
        for g in present
    ]
    with tempfile.TemporaryDirectory(prefix="sitrep-incidents-") as tmp:
        db = Path(tmp) / "real.duckdb"
        _ingest(rows, db)
        scores = score_db(db, present, incidents)
    report = Report(task="incidents", n=len(present), reference=REFERENCE)
    report.systems["sitrep"] = scores
    missing = len(english) - len([g for g in english if (folder / g["file"]).is_file()])
    report.notes.append(
        f"{len(present)} English articles of {len(golds)} gold lines "
        f"({len(golds) - len(english)} in other languages left out"
        + (f", {missing} texts missing" if missing else "")
        + f"); {scores.pop('incidents_scored')} incidents with a final killed figure"
    )
    report.notes.append(
        "copy_precision/recall: score.py's definition (the first published of a group is no "
        "copy, ties by file name); copy_pair_*: the same pairs without direction"
    )
    return report


def score_db(
    db: Path,
    golds: list[dict[str, Any]],
    incidents: Mapping[str, Mapping[str, Any]],
    *,
    misses: list[Any] | None = None,
    digits: int = 4,
) -> dict[str, Any]:
    """The scores of a reconciled database against the gold lines of its articles, rounded to
    ``digits`` (each gold incident whose final figure its tally misses is added to ``misses``,
    as ``score.py`` does)."""
    from sitrep.reconcile import query
    from sitrep.store import Store

    with Store(db, read_only=True) as store:
        tallies = query.cluster_tallies(store)
        every = store.query("SELECT low, best, high FROM tallies")
        claims = store.query(
            "SELECT c.id, a.url, a.id AS article_id FROM casualties c "
            "JOIN articles a ON a.id = c.article_id"
        )
        arts = store.query("SELECT id, url FROM articles")
        dups = store.query("SELECT article_id, canonical_id FROM duplicates")
    file_of = {a["id"]: str(a["url"] or "").removeprefix("gold://") for a in arts}
    cluster_of = {
        cid: t["cluster_id"]
        for t in tallies
        for cid in [*t["claim_ids"], *t["superseded_ids"], *t["copy_ids"]]
    }
    by_art: dict[str, Counter[str]] = defaultdict(Counter)
    for c in claims:
        if c["id"] in cluster_of:
            by_art[file_of[c["article_id"]]][cluster_of[c["id"]]] += 1
    gold_inc: dict[str, str] = {}
    pred_inc: dict[str, str] = {}
    for g in golds:
        f = g["file"]
        gold_inc[f] = g.get("incident") or "solo:" + f
        top = by_art[f].most_common(1)
        pred_inc[f] = top[0][0] if top else "solo:" + f
    inc_only = {f: i for f, i in gold_inc.items() if not i.startswith("solo:")}
    bp, br, bf = bcubed(inc_only, {f: pred_inc[f] for f in inc_only})
    pw = pairwise(inc_only, {f: pred_inc[f] for f in inc_only})
    # tallies: the killed tally of each gold incident's majority cluster
    ok = in_range = n = 0
    for inc, info in incidents.items():
        final = info.get("killed_final")
        members = [f for f, i in gold_inc.items() if i == inc]
        if final is None or not members:
            continue
        n += 1
        cl = Counter(pred_inc[f] for f in members).most_common(1)[0][0]
        t = next((t for t in tallies if t["cluster_id"] == cl and t["kind"] == "killed"), None)
        if t and t["best"] == final:
            ok += 1
        elif misses is not None:
            got = t and {k: t.get(k) for k in ("low", "best", "high", "scope")}
            misses.append({"incident": inc, "miss": "tally", "gold_final": final, "got": got})
        if t and t["low"] is not None and t["low"] <= final <= (t["high"] or t["best"] or 0):
            in_range += 1
    bad = sum(
        1
        for t in every
        if t["low"] is not None
        and t["best"] is not None
        and t["high"] is not None
        and not t["low"] <= t["best"] <= t["high"]
    )
    # copies, as score.py counts them
    claim_file = {c["id"]: file_of[c["article_id"]] for c in claims}
    sys_copies = {claim_file[i] for t in tallies for i in t["copy_ids"] if i in claim_file}
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for g in golds:
        if g.get("copy_group"):
            groups[g["copy_group"]].append((g["published"], g["file"]))
    gold_copies = {f for m in groups.values() for _, f in sorted(m)[1:]}
    scored = set(gold_inc)
    tp = len(sys_copies & gold_copies & scored)
    n_sys = len(sys_copies & scored)
    # copies as pairs, without direction
    canon = {file_of[d["article_id"]]: file_of[d["canonical_id"]] for d in dups}
    sys_pairs = {
        frozenset(p)
        for members in _groups(canon).values()
        for p in itertools.combinations(sorted(members & scored), 2)
    }
    gold_pairs = {
        frozenset(p)
        for m in groups.values()
        for p in itertools.combinations(sorted(f for _, f in m), 2)
    }
    pair = PRF(
        len(sys_pairs & gold_pairs), len(sys_pairs - gold_pairs), len(gold_pairs - sys_pairs)
    )
    return {
        "incident_bcubed_precision": round(bp, digits),
        "incident_bcubed_recall": round(br, digits),
        "incident_bcubed_f1": round(bf, digits),
        **{k: round(v, digits) for k, v in pw.as_dict("incident_pairwise_").items()},
        "copy_precision": round(tp / n_sys, digits) if n_sys else 0.0,
        "copy_recall": round(tp / len(gold_copies), digits) if gold_copies else 0.0,
        "copy_pair_precision": round(pair.precision, digits),
        "copy_pair_recall": round(pair.recall, digits),
        "tally_final_ok": round(ok / n, digits) if n else 0.0,
        "tally_range_ok": round(in_range / n, digits) if n else 0.0,
        "invariant_violations": bad,
        "clusters": len({t["cluster_id"] for t in tallies}),
        "incidents_scored": n,
    }


def _groups(canon: Mapping[str, str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for a, c in canon.items():
        out[c].update((a, c))
    return out


__all__ = ["ARTICLES_ENV", "MissingTexts", "articles_dir", "bcubed", "load_gold", "pairwise", "run"]
