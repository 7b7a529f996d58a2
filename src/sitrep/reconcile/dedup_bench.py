"""How well and how fast copies are found: edited copies of a corpus, and cost as it grows.

:func:`evaluate_copies` ingests a corpus (texts only, no NLP) into a fresh database twice,
then edited copies of ``n`` of its articles the way outlets edit syndicated stories (a wire
dateline and footer, a copy cut from the bottom, a copy-edited headline and sentence, a local
paragraph added, a combination, or an excerpt that keeps only the lead: the headline and the
first sentences, about a third of the story, and a link to the rest) and runs
:func:`~sitrep.reconcile.dedup.dedup_articles` after each pass, as ``sitrep reconcile`` would.
It reports the precision and recall of the copies found, by edit, and lists every other pair
found inside the corpus itself, for inspection.

:func:`run_dedup_bench` times copy detection on 1x, 2x and 4x the corpus in fresh processes
(through :func:`sitrep.timing.run_timed`): each extra copy of the corpus has every word renamed,
so that it is new text of the same size and the work is not made easy by early matches.

Run ``python -m sitrep.reconcile.dedup_bench [CORPUS]`` for both, as JSON.
"""

from __future__ import annotations

import json
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep.ingest.document import article_id
from sitrep.model import Article, Record
from sitrep.reconcile.dedup import DedupIndex, Duplicate, dedup_articles
from sitrep.store import Store
from sitrep.timing import DEFAULT_CORPUS, load_corpus, peak_mb, run_timed

EDITS = ("wire", "trimmed", "copyedit", "localized", "wire+trimmed", "lead")
_AGENCIES = ("Reuters", "AFP", "AP", "PA Media")
_CITIES = ("LONDON", "NEW YORK", "BRUSSELS", "PARIS")
_SWAP = {
    "said": "says",
    "says": "said",
    "will": "would",
    "but": "however",
    "also": "further",
    "has": "had",
    "the": "this",
    "more": "further",
    "new": "fresh",
}
_LOCAL = (
    "Our correspondent says the announcement was widely expected among analysts and that the "
    "reaction here has so far been muted, with most observers waiting for further details "
    "before they comment on what it may mean for people in the region."
)


def edit_copy(text: str, kind: str, rng: random.Random) -> str:
    """An edited copy of an article, as another outlet might run it."""
    out = text
    if "trimmed" in kind:
        out = _trim(out)
    if "wire" in kind:
        agency, city = rng.choice(_AGENCIES), rng.choice(_CITIES)
        head, _, body = out.partition("\n")
        out = (
            f"{head}\n{city} ({agency}) - {body.lstrip()}\n\nReporting by staff in {city.title()}; "
            f"editing by the {agency} desk.\nRead more: latest news and analysis."
        )
    if kind == "copyedit":
        out = _copyedit(out, rng)
    if kind == "lead":
        out = _lead(out) + f"\n\nRead the full story at {rng.choice(_AGENCIES)}."
    if kind == "localized":
        head, _, body = out.partition("\n")
        paras = body.strip().split("\n\n")
        paras.insert(1, _LOCAL)
        paras.insert(len(paras) // 2 + 1, "Related: more stories from this section.")
        out = f"Analysis: {head}\n\n" + "\n\n".join(paras)
    return out


def _trim(text: str) -> str:
    paras = [p for p in text.split("\n\n") if p.strip()]
    if len(paras) >= 4:
        return "\n\n".join(paras[: max(3, round(len(paras) * 0.7))])
    words = text.split(" ")
    return " ".join(words[: max(20, round(len(words) * 0.7))])


def _lead(text: str) -> str:
    """The headline and the first sentences of the body, until a third of its words: the
    excerpt an aggregator or a partner site runs with a link to the full story."""
    head, _, body = text.partition("\n")
    total = len(body.split())
    paras: list[str] = []
    kept = n = 0
    for para in (p.strip() for p in body.split("\n\n") if p.strip()):
        sentences = re.split(r"(?<=[.!?])\s+", para)
        take: list[str] = []
        for sentence in sentences:
            if n >= 2 and kept >= total / 3:
                break
            take.append(sentence)
            kept += len(sentence.split())
            n += 1
        if take:
            paras.append(" ".join(take))
        if len(take) < len(sentences):
            break
    return head.strip() + "\n\n" + "\n\n".join(paras)


def _copyedit(text: str, rng: random.Random) -> str:
    head, _, body = text.partition("\n")
    sentences = re.split(r"(?<=[.!?])\s+", body.strip())
    if len(sentences) > 4:
        del sentences[rng.randrange(1, len(sentences) - 1)]
    words = " ".join(sentences).split(" ")
    for i, w in enumerate(words):
        if w in _SWAP and rng.random() < 0.5:
            words[i] = _SWAP[w]
    return f"UPDATE 1-{head.strip()} (adds detail)\n\n" + " ".join(words)


def edited_copies(texts: list[str], *, n: int = 100, seed: int = 6) -> list[tuple[int, str, str]]:
    """``n`` edited copies of articles picked at random: (index of the original, edit, text)."""
    rng = random.Random(seed)
    picks = rng.sample(range(len(texts)), min(n, len(texts)))
    return [(i, EDITS[k % len(EDITS)], edit_copy(texts[i], EDITS[k % len(EDITS)], rng))
            for k, i in enumerate(picks)]  # fmt: skip


def _records(texts: list[str], outlet: str) -> list[Record]:
    return [Record(article=Article(id=article_id(t), text=t, outlet=outlet)) for t in texts]


def evaluate_copies(texts: list[str], *, n: int = 100, seed: int = 6) -> dict[str, Any]:
    """Ingest the texts twice and edited copies of ``n`` of them; score the copies found."""
    copies = edited_copies(texts, n=n, seed=seed)
    ids = [article_id(t) for t in texts]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "dedup.duckdb"
        t0 = time.perf_counter()
        with Store(db) as st:
            written1 = st.write(_records(texts, "corpus"))
            t1 = time.perf_counter()
            found1 = dedup_articles(st)
            dedup1 = time.perf_counter() - t1
            written2 = st.write(_records(texts, "corpus again"))
            found2 = dedup_articles(st)
        with Store(db) as st:  # a later run: the index comes back from the stored signatures
            written3 = st.write(_records([c for _, _, c in copies], "syndicator"))
            t3 = time.perf_counter()
            found3 = dedup_articles(st)
            dedup3 = time.perf_counter() - t3
            canon = {
                r[0]: r[1]
                for r in st.con.execute(
                    "SELECT article_id, canonical_id FROM duplicates"
                ).fetchall()
            }
            titles = {
                r[0]: (r[1] or "").split("\n", 1)[0][:70]
                for r in st.con.execute("SELECT id, text FROM articles").fetchall()
            }
        total = time.perf_counter() - t0
    truth = {article_id(c): ids[i] for i, _, c in copies}
    kind_of = {article_id(c): k for _, k, c in copies}
    tp: list[Duplicate] = []
    fp: list[Duplicate] = []
    for d in found3:
        orig = truth.get(d.article_id)
        ok = orig is not None and d.canonical_id in (orig, canon.get(orig, orig))
        (tp if ok else fp).append(d)
    hit = {d.article_id for d in tp}
    missed = [c for c in truth if c not in hit]
    recall_by_kind = {
        k: round(sum(1 for c in truth if kind_of[c] == k and c in hit) / v, 3)
        for k, v in Counter(kind_of.values()).items()
    }
    found_by_kind = Counter(kind_of.get(d.article_id, "none") for d in found3)
    right_by_kind = Counter(kind_of[d.article_id] for d in tp)
    precision_by_kind = {k: round(right_by_kind[k] / v, 3) for k, v in found_by_kind.items()}
    return {
        "articles": len(texts),
        "distinct_articles": written1,
        "second_pass_new": written2,
        "second_pass_copies_found": len(found2),
        "edited_copies": len(copies),
        "edited_copies_written": written3,
        "copies_found": len(found3),
        "true_positives": len(tp),
        "false_positives": len(fp),
        "missed": len(missed),
        "precision": round(len(tp) / len(found3), 4) if found3 else None,
        "recall": round(len(tp) / len(truth), 4) if truth else None,
        "recall_by_edit": recall_by_kind,
        "precision_by_edit": precision_by_kind,
        "copies_found_by_method": dict(Counter(d.method for d in found3)),
        "missed_examples": [{"edit": kind_of[c], "original": titles.get(truth[c])} for c in missed][:10],
        "false_positive_examples": [
            {"copy": titles.get(d.article_id), "matched": titles.get(d.matched_id),
             "similarity": d.similarity} for d in fp
        ][:10],
        "pairs_inside_corpus": [
            {"article": titles.get(d.article_id), "canonical": titles.get(d.canonical_id),
             "similarity": d.similarity, "method": d.method} for d in found1
        ],
        "seconds_first_pass_dedup": round(dedup1, 3),
        "seconds_copies_dedup": round(dedup3, 3),
        "seconds_total_with_writes": round(total, 3),
    }  # fmt: skip


_TOKEN = re.compile(r"\w+")


def renamed_corpus(texts: list[str], factor: int) -> list[str]:
    """``factor`` copies of the corpus; in copy k every word is renamed (``word`` -> ``wordk``),
    so each copy is new text of the same size."""
    out = list(texts)
    for k in range(1, factor):
        out.extend(_TOKEN.sub(rf"\g<0>q{k}", t) for t in texts)
    return out


def time_dedup(texts: list[str]) -> float:
    """CPU seconds to check every text against those before it (content hash, then MinHash
    LSH on the whole text and the lead, candidates verified on exact shingles). The work is single-threaded and CPU-bound: CPU time is wall time on an idle machine
    and, unlike wall time, is not inflated by other processes on a shared one."""
    t0 = time.process_time()
    index = DedupIndex()
    seen: set[str] = set()
    for t in texts:
        aid = article_id(t)
        if aid in seen:
            continue
        seen.add(aid)
        index.add(aid, t)
    return time.process_time() - t0


def dedup_job(texts: list[str]) -> tuple[float, float]:
    """The timed job of :func:`run_dedup_bench`: :func:`time_dedup` and this worker's peak."""
    return time_dedup(texts), peak_mb()


def run_dedup_bench(
    corpus: Path, *, limit: int | None = None, factors: tuple[int, ...] = (1, 2, 4),
    evaluate: bool = True,
) -> dict[str, Any]:  # fmt: skip
    """Copy detection: time on growing corpora (fresh processes) and, optionally, the
    precision and recall of finding edited copies."""
    texts = load_corpus(corpus, limit=limit)
    report: dict[str, Any] = {
        "corpus": str(corpus),
        "documents": len(texts),
        "clock": "cpu seconds of the worker process",
        "growth": [],
    }
    for f in factors:
        m = run_timed(dedup_job, renamed_corpus(texts, f), name="dedup")
        report["growth"].append({"factor": f, **m.as_dict()})
    first, last = report["growth"][0], report["growth"][-1]
    per_doc = [g["seconds"] / g["docs"] for g in report["growth"]]
    report["seconds_per_doc_ratio"] = round(per_doc[-1] / per_doc[0], 3) if per_doc[0] else None
    report["time_ratio"] = (
        round(last["seconds"] / first["seconds"], 3) if first["seconds"] else None
    )
    if evaluate:
        report["copies"] = evaluate_copies(texts)
    return report


if __name__ == "__main__":  # pragma: no cover
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    print(json.dumps(run_dedup_bench(root), indent=2, default=str))


def print_dedup_report(report: dict[str, Any], console: Any) -> None:
    """The ``sitrep bench --dedup`` section as rich tables."""
    from rich.table import Table

    t = Table(title="copy detection (MinHash LSH, whole text and lead) as the corpus grows")
    for col in ("corpus", "documents", "CPU seconds", "docs/s", "peak MB"):
        t.add_column(col, justify="right")
    for g in report["growth"]:
        t.add_row(f"{g['factor']}x", str(g["docs"]), f"{g['seconds']:.2f}",
                  f"{g['docs_per_s']:.0f}", f"{g['peak_mb']:.0f}")  # fmt: skip
    console.print(t)
    console.print(
        f"time {report['growth'][-1]['factor']}x / 1x: [bold]{report['time_ratio']}[/bold]x "
        f"(per document: {report['seconds_per_doc_ratio']}x)"
    )
    c = report.get("copies")
    if c:
        console.print(
            f"corpus ingested twice + {c['edited_copies']} edited copies: "
            f"[bold]precision {c['precision']}, recall {c['recall']}[/bold] "
            f"({c['true_positives']} found, {c['false_positives']} wrong, {c['missed']} missed; "
            f"recall by edit {c['recall_by_edit']}, precision by edit "
            f"{c['precision_by_edit']}); {len(c['pairs_inside_corpus'])} near-duplicate "
            f"pairs inside the corpus itself; exact repeats: "
            f"{c['articles'] - c['distinct_articles']}"
        )
