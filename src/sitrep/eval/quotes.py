"""``sitrep eval quotes``: direct and mixed quotations against PolNeAR attributions.

PolNeAR (Newell, Margolin & Ruths 2018) annotates each attribution in brat standoff as
``Source``, ``Cue`` and ``Content`` spans joined by an ``Attribution`` event; offsets index the
``text/<name>.txt`` file as it is. Annotation files are named ``<name>_<annotator>.ann``; an
article annotated by several people is scored once, against the first annotator in name order.

Only attributions whose Content holds a double quotation mark are scored (direct and mixed
quotes). A predicted quote matches a gold Content when their character spans overlap; each
gold is matched at most once. The second score also asks the predicted speaker span to overlap
the gold Source span. A quotation split by its attribution (``"A," she said. "B."``) is one
PolNeAR attribution, so predictions that continue the previous quotation with the same speaker
mention and cue are joined before scoring, for every system alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from sitrep import nlp as nlp_mod
from sitrep.eval.base import PRF, Progress, Report, require_gold
from sitrep.extract.attribution.quotes import quotes as extract_quotes
from sitrep.extract.attribution.settle import attribute_quotes
from sitrep.model import Article

REFERENCE = (
    "citron all-span overlap F1 83.2 on PARC 3.0 (Newell, Margolin & Ruths 2018; PolNeAR "
    "data by the same authors)"
)
_QUOTE_MARKS = re.compile('["\u201c\u201d]')

Segments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One gold attribution: its Content segments and, if any, its Source segments."""

    content: Segments
    source: Segments = ()


@dataclass(frozen=True, slots=True)
class PredQuote:
    """One predicted quotation: content segments, speaker segments, and its chain key."""

    content: Segments
    speaker: Segments = ()
    chain: tuple[object, ...] | None = None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """An article text and its scored gold quotations."""

    name: str
    text: str
    gold: tuple[GoldQuote, ...]


def _segments(field: str) -> Segments:
    spans = []
    for part in field.split(" ", 1)[1].split(";"):
        a, b = part.split()
        spans.append((int(a), int(b)))
    return tuple(spans)


def parse_ann(ann: str, text: str) -> list[GoldQuote]:
    """The quotation attributions of one brat ``.ann`` file.

    Args:
        ann: the file's contents.
        text: the article text the offsets index.

    Returns:
        The attributions whose Content (all its segments) holds a double quotation mark.
    """
    spans: dict[str, Segments] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            spans[parts[0]] = _segments(parts[1])
        elif parts[0].startswith("E"):
            roles: dict[str, str] = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), ref)
                if role.startswith("Content") and role != "Content":
                    roles["Content"] += " " + ref
            events.append(roles)
    out: list[GoldQuote] = []
    for ev in events:
        content: Segments = tuple(
            seg for ref in ev.get("Content", "").split() for seg in spans.get(ref, ())
        )
        if not content or not any(_QUOTE_MARKS.search(text[a:b]) for a, b in content):
            continue
        out.append(GoldQuote(tuple(sorted(content)), spans.get(ev.get("Source", ""), ())))
    return out


def load_split(data: Path) -> list[GoldDoc]:
    """Read a PolNeAR split folder (``text/`` + ``attributions/``), or ``dev`` of the root.

    Args:
        data: ``.../polnear/dev`` (any split) or ``.../polnear``.

    Returns:
        The articles in name order with their gold quotations.
    """
    if not (data / "attributions").is_dir() and (data / "dev" / "attributions").is_dir():
        data = data / "dev"
    anns: dict[str, Path] = {}
    for p in sorted((data / "attributions").glob("*.ann")):
        name = p.stem.rsplit("_", 1)[0]
        anns.setdefault(name, p)
    docs: list[GoldDoc] = []
    for name, ann in anns.items():
        txt = data / "text" / f"{name}.txt"
        if not txt.is_file():
            continue
        text = txt.read_text(encoding="utf-8")
        gold = parse_ann(ann.read_text(encoding="utf-8"), text)
        docs.append(GoldDoc(name, text, tuple(gold)))
    return docs


def _overlap(a: Segments, b: Segments) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def join_chains(preds: Sequence[PredQuote]) -> list[PredQuote]:
    """Join each prediction into the previous one when both carry the same chain key."""
    out: list[PredQuote] = []
    for p in preds:
        if out and p.chain is not None and out[-1].chain == p.chain:
            last = out[-1]
            out[-1] = PredQuote(last.content + p.content, last.speaker, last.chain)
        else:
            out.append(p)
    return out


def score(
    gold: Iterable[Sequence[GoldQuote]], pred: Iterable[Sequence[PredQuote]]
) -> tuple[PRF, PRF]:
    """Content-overlap and content+speaker-overlap P/R/F1 over paired documents.

    Args:
        gold: per document, the gold quotations.
        pred: per document, the predicted quotations (chains already joined).

    Returns:
        (content PRF, content-and-speaker PRF).
    """
    tp = fp = fn = tp2 = fp2 = fn2 = 0
    for g, p in zip(gold, pred, strict=True):
        for need_speaker in (False, True):
            used: set[int] = set()
            hits = 0
            for q in p:
                for k, gq in enumerate(g):
                    if k in used or not _overlap(q.content, gq.content):
                        continue
                    if need_speaker and not (q.speaker and _overlap(q.speaker, gq.source)):
                        continue
                    used.add(k)
                    hits += 1
                    break
            if need_speaker:
                tp2, fp2, fn2 = tp2 + hits, fp2 + len(p) - hits, fn2 + len(g) - hits
            else:
                tp, fp, fn = tp + hits, fp + len(p) - hits, fn + len(g) - hits
    return PRF(tp, fp, fn), PRF(tp2, fp2, fn2)


def sitrep_predictions(doc: Doc, name: str) -> list[PredQuote]:
    """sitrep's quotations on one parsed article, as scoring spans."""
    preds: list[PredQuote] = []
    found = extract_quotes(doc, article=Article(id=name, text=doc.text), times=[])
    for q in attribute_quotes(doc, found):
        speaker: Segments = ()
        if q.speaker_start is not None and q.speaker_end is not None:
            speaker = ((q.speaker_start, q.speaker_end),)
        chain = (q.speaker_start, q.cue) if q.speaker_start is not None else None
        preds.append(PredQuote(((q.start, q.end),), speaker, chain))
    return join_chains(preds)


def textacy_predictions(doc: Doc) -> list[PredQuote] | None:
    """textacy's ``direct_quotations`` on the same Doc; None when it refuses the document."""
    from textacy.extract.triples import direct_quotations

    preds: list[PredQuote] = []
    try:
        for triple in direct_quotations(doc):
            c = triple.content
            content = ((c[0].idx, c[-1].idx + len(c[-1])),)
            spk = triple.speaker
            speaker = ((spk[0].idx, spk[-1].idx + len(spk[-1])),) if spk else ()
            chain = (speaker, tuple(t.i for t in triple.cue))
            preds.append(PredQuote(content, speaker, chain))
    except ValueError:  # unbalanced quotation marks: textacy bails out on the whole document
        return None
    return join_chains(preds)


def run(data: Path, *, limit: int | None = None, progress: Progress) -> Report:
    """Score sitrep and textacy on PolNeAR quotations.

    Args:
        data: a PolNeAR split folder, or the PolNeAR root (its ``dev`` split is used).
        limit: score only the first ``limit`` articles.
        progress: progress reporting.

    Returns:
        The report: content-overlap and content+speaker P/R/F1 for each system.
    """
    docs = load_split(Path(data))
    if limit is not None:
        docs = docs[:limit]
    gold = [d.gold for d in docs]
    require_gold(sum(len(g) for g in gold), task="quotes", data=data, what="quoted attributions")
    ours: list[list[PredQuote]] = []
    peer: list[list[PredQuote]] = []
    refused = 0
    parsed = nlp_mod.parse_many(d.text for d in docs)
    for gdoc, doc in progress.track(zip(docs, parsed, strict=True), len(docs), "quotes"):
        ours.append(sitrep_predictions(doc, gdoc.name))
        tq = textacy_predictions(doc)
        if tq is None:
            refused += 1
        peer.append(tq or [])
    report = Report(task="quotes", n=sum(len(g) for g in gold), reference=REFERENCE)
    for system, preds in (("sitrep", ours), ("textacy", peer)):
        content, speaker = score(gold, preds)
        report.systems[system] = {
            **content.as_dict("content_"),
            **speaker.as_dict("speaker_"),
            "predicted": float(sum(len(p) for p in preds)),
        }
    report.notes.append(
        f"{len(docs)} articles, {report.n} gold quotations (Content with a double quotation "
        "mark); overlap matching, each gold matched once"
    )
    if refused:
        report.notes.append(
            f"textacy refused {refused} articles with unbalanced quotation marks (scored empty)"
        )
    return report
