"""Main-text extraction from raw HTML, scored as the article-extraction-benchmark scores it.

Gold: the scrapinghub article-extraction-benchmark layout, a folder holding ``html/*.html.gz``
(one page per id) and ``ground-truth.json`` (``{id: {"articleBody": ...}}``).

Scoring, the benchmark's own ``evaluate.py`` re-implemented:

* a text is tokenized with the regex ``\\w+`` (Unicode), and cut into 4-token shingles (a
  text shorter than four tokens is one shorter shingle; an empty text has none);
* per page, the multisets of gold and predicted shingles give tp (the overlap), fp and fn;
  the three are divided by their sum so that long pages weigh no more than short ones;
* per page, precision is 1 when fp == fn == 0, 0 when tp == fp == 0, else tp / (tp + fp);
  recall is the same with fn; precision is averaged over the pages with tp + fp > 0 and
  recall over the pages with tp + fn > 0;
* F1 is the harmonic mean of the averaged precision and recall (not a mean of per-page F1);
* accuracy is the share of pages extracted exactly (fp == fn == 0), as in the benchmark's
  newer tables. The benchmark's bootstrap confidence intervals are not computed.

Systems: ``sitrep`` (sitrep's own HTML path: :func:`sitrep.ingest.html.extract_html`, then the
residue cleaner), and the peers ``trafilatura`` (``trafilatura.extract(html,
include_comments=False)``, exactly as the benchmark runs it), ``justext`` (jusText with the
English stoplist and its default parameters, non-boilerplate paragraphs joined) and
``fulltext`` (every visible text node of the body, scripts and styles dropped).
"""

from __future__ import annotations

import gzip
import importlib
import json
import logging
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sitrep.errors import EvalDataError
from sitrep.eval.base import Progress, Report, require_gold

log = logging.getLogger(__name__)

REFERENCE = (
    "trafilatura 2.0.0 F1 0.958 (precision 0.938, recall 0.978) on these 181 pages: "
    "scrapinghub/article-extraction-benchmark README, latest evaluation"
)

TpFpFn = tuple[float, float, float]
Extractor = Callable[[str], str]

_TOKEN = re.compile(r"\w+", re.UNICODE)
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head")


def tokenize(text: str | None) -> list[str]:
    """The benchmark's tokens: runs of word characters."""
    return _TOKEN.findall(text or "")


def shingles(text: str | None, n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of ``n``-token shingles of a text (one short shingle for a short text)."""
    tokens = tokenize(text)
    out: Counter[tuple[str, ...]] = Counter()
    for i in range(max(1, len(tokens) - n + 1)):
        sh = tuple(tokens[i : i + n])
        if sh:
            out[sh] += 1
    return out


def shingle_match(gold: str | None, pred: str | None, n: int = 4) -> TpFpFn:
    """Normalized tp, fp, fn of one page's predicted shingles against the gold ones.

    Args:
        gold: the page's ``articleBody``.
        pred: the extracted text (None or empty when the extractor found nothing).
        n: the shingle length (4 in the benchmark).

    Returns:
        ``(tp, fp, fn)`` divided by their sum, or all zero when both texts are empty.
    """
    g, p = shingles(gold, n), shingles(pred, n)
    tp = float(sum((g & p).values()))
    fp = float(sum((p - g).values()))
    fn = float(sum((g - p).values()))
    s = tp + fp + fn
    if s > 0:
        return tp / s, fp / s, fn / s
    return tp, fp, fn


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def metrics(pages: list[TpFpFn]) -> dict[str, float]:
    """Precision, recall, F1 and accuracy over pages, averaged as the benchmark does.

    Args:
        pages: one normalized ``(tp, fp, fn)`` per page, from :func:`shingle_match`.

    Returns:
        ``precision``, ``recall``, ``f1`` and ``accuracy``, rounded to four places.
    """
    ps = [_precision(*x) for x in pages if x[0] + x[1] > 0]
    rs = [_recall(*x) for x in pages if x[0] + x[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = sum(1 for tp, fp, fn in pages if fp == fn == 0 and tp > 0) / len(pages) if pages else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f1, 4),
        "accuracy": round(acc, 4),
    }


# --- the systems -------------------------------------------------------------------------


def _sitrep_extractor() -> tuple[Extractor, str | None]:
    """sitrep's HTML path, or trafilatura with recall favoured when it is not there yet."""
    try:
        html_mod = importlib.import_module("sitrep.ingest.html")
    except ImportError:
        html_mod = None
    if html_mod is not None and hasattr(html_mod, "extract_html"):
        from sitrep.clean import clean_text
        from sitrep.errors import InputError

        extract_html: Callable[..., Any] = html_mod.extract_html

        def run_sitrep(html: str) -> str:
            try:
                text = str(extract_html(html).text)
            except InputError:
                return ""
            return clean_text(text).text

        return run_sitrep, None

    def run_fallback(html: str) -> str:
        import trafilatura

        return trafilatura.extract(html, include_comments=False, favor_precision=False) or ""

    return run_fallback, "sitrep.ingest.html is missing: 'sitrep' is trafilatura (fallback)"


def _trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def _justext(html: str) -> str:
    import justext

    paragraphs = justext.justext(html, justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _fulltext(html: str) -> str:
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # lxml raises ParserError or ValueError on empty or odd pages
        return ""
    for el in list(root.iter(*_INVISIBLE)):  # a list: dropping while iterating skips nodes
        el.drop_tree()
    body = root.find("body")
    node = body if body is not None else root
    # one space between text nodes, as a browser's block layout would separate them
    return " ".join(s.strip() for s in node.itertext() if s.strip())


PEERS: dict[str, Extractor] = {
    "trafilatura": _trafilatura,
    "justext": _justext,
    "fulltext": _fulltext,
}


# --- reading the gold --------------------------------------------------------------------


def load_gold(data: Path) -> dict[str, str]:
    """Page id -> gold ``articleBody`` from ``ground-truth.json`` under ``data``."""
    path = data / "ground-truth.json" if data.is_dir() else data
    if not path.is_file():
        raise EvalDataError(
            f"no ground-truth.json at {path}: point --data at the benchmark folder",
            source=str(data),
        )
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return {key: str(val.get("articleBody") or "") for key, val in raw.items()}


def read_page(data: Path, page_id: str) -> str:
    """The HTML of one page, ``html/<id>.html.gz`` (or ``.html``) under ``data``."""
    folder = (data if data.is_dir() else data.parent) / "html"
    gz = folder / f"{page_id}.html.gz"
    if gz.exists():
        with gzip.open(gz, "rt", encoding="utf-8", errors="replace") as f:
            return f.read()
    return (folder / f"{page_id}.html").read_text(encoding="utf-8", errors="replace")


def score(
    gold: dict[str, str],
    pages: Iterable[tuple[str, str]],
    systems: dict[str, Extractor],
) -> dict[str, dict[str, float]]:
    """Score every system on ``(page id, html)`` pairs against the gold bodies.

    A system that raises on a page is logged and scored as an empty prediction there.
    """
    per_system: dict[str, list[TpFpFn]] = {name: [] for name in systems}
    for page_id, html in pages:
        for name, fn in systems.items():
            try:
                pred = fn(html)
            except Exception as exc:  # one broken page must not end the run
                log.warning("%s failed on %s: %s", name, page_id, exc)
                pred = ""
            per_system[name].append(shingle_match(gold[page_id], pred))
    return {name: metrics(vals) for name, vals in per_system.items()}


def run(data: Path, *, limit: int | None = None, progress: Progress) -> Report:
    """Score sitrep and its peers on the article-extraction-benchmark pages at ``data``.

    Args:
        data: the benchmark folder (``html/`` and ``ground-truth.json``), or the JSON file.
        limit: score only the first ``limit`` page ids (sorted).
        progress: progress reporting.

    Returns:
        The report: per system precision, recall, F1 and accuracy.
    """
    gold = load_gold(data)
    ids = sorted(gold)
    if limit is not None:
        ids = ids[:limit]
        gold = {k: gold[k] for k in ids}
    require_gold(len(gold), task="boilerplate", data=data, what="ground-truth pages")
    sitrep_fn, note = _sitrep_extractor()
    systems: dict[str, Extractor] = {"sitrep": sitrep_fn, **PEERS}
    pages = ((pid, read_page(data, pid)) for pid in ids)
    results = score(gold, progress.track(pages, len(ids), "boilerplate"), systems)
    notes = [
        "4-token shingles over \\w+ tokens; per-page normalized tp/fp/fn; P and R averaged "
        "over pages, F1 from the averages (the benchmark's evaluate.py)",
    ]
    if note:
        notes.append(note)
    return Report(task="boilerplate", n=len(ids), systems=results, reference=REFERENCE, notes=notes)
