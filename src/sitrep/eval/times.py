"""``sitrep eval times``: TIMEX3 recognition and normalization on TimeML (TempEval-3 measures).

For every ``.tml`` file under the data folder the document creation time (the TIMEX3 with
``functionInDocument="CREATION_TIME"``) is the anchor and is not scored; the text is the content
of the ``TEXT`` element with the tags stripped and entities unescaped, and the gold expressions
are its TIMEX3 of type DATE and TIME. Predictions of type DATE and TIME are aligned one to one
with gold ones by overlap (relaxed span match); a value match is an aligned pair whose
normalized value strings are equal. Value precision is value matches over predictions and value
recall value matches over gold, as in TempEval-3.

Peer: ``dateparser.search.search_dates`` with the DCT as ``RELATIVE_BASE``, values as days.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sitrep.eval.base import PRF, Progress, Report, require_gold
from sitrep.extract.times.timexes import find_timexes

REFERENCE = (
    "HeidelTime value F1 about 0.78 on TempEval-3 (UzZaman et al., SemEval-2013 Task 1; "
    "Strötgen & Gertz 2013). Data: TempEval-3 TBAQ-cleaned (TimeBank + AQUAINT)."
)
SCORED_TYPES = frozenset({"DATE", "TIME"})

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)((?:\s[^>]*)?)/?>")
_ATTR = re.compile(r'([A-Za-z]+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class Span:
    """A time expression as scored: offsets into the document text, type and value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One TimeML document: its text, creation time and gold DATE/TIME expressions."""

    name: str
    text: str
    dct: dt.date | None
    gold: tuple[Span, ...]


def _dct(source: str) -> dt.date | None:
    for m in re.finditer(r"<TIMEX3\b([^>]*)>", source):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            digits = re.sub(r"\D", "", attrs.get("value", ""))[:8]
            if len(digits) == 8:
                try:
                    return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
                except ValueError:
                    return None
    return None


def read_tml(path: Path) -> GoldDoc:
    """Read one TimeML file into its plain text and gold DATE/TIME spans.

    Args:
        path: a ``.tml`` file.

    Returns:
        The document; offsets of gold spans index into ``GoldDoc.text``.
    """
    source = path.read_text(encoding="utf-8", errors="replace")
    m = re.search(r"<TEXT>(.*?)</TEXT>", source, re.S)
    body = m.group(1) if m else ""
    parts: list[str] = []
    pos = 0
    length = 0
    gold: list[Span] = []
    open_timex: list[tuple[int, dict[str, str]]] = []
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[pos : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name = tag.group(1) == "/", tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex.append((length, dict(_ATTR.findall(tag.group(3)))))
        elif open_timex:
            start, attrs = open_timex.pop()
            if (
                attrs.get("type") in SCORED_TYPES
                and attrs.get("functionInDocument") != "CREATION_TIME"
            ):
                gold.append(Span(start, length, attrs["type"], attrs.get("value", "")))
    parts.append(html.unescape(body[pos:]))
    return GoldDoc(path.name, "".join(parts), _dct(source), tuple(gold))


def align(gold: list[Span], pred: list[Span]) -> tuple[int, int]:
    """Align predictions with gold one to one by overlap.

    A prediction takes the first free overlapping gold span whose value it matches, else the
    first free overlapping one.

    Returns:
        ``(span_matches, value_matches)``.
    """
    used: set[int] = set()
    spans = values = 0
    for p in pred:
        overlapping = [
            i for i, g in enumerate(gold) if i not in used and p.start < g.end and g.start < p.end
        ]
        if not overlapping:
            continue
        same = [i for i in overlapping if gold[i].value == p.value]
        i = (same or overlapping)[0]
        used.add(i)
        spans += 1
        values += bool(same)
    return spans, values


@dataclass(slots=True)
class Tally:
    """Running counts for one system."""

    gold: int = 0
    pred: int = 0
    spans: int = 0
    values: int = 0
    seconds: float = 0.0

    def add(self, gold: list[Span], pred: list[Span]) -> None:
        s, v = align(gold, pred)
        self.gold += len(gold)
        self.pred += len(pred)
        self.spans += s
        self.values += v

    def metrics(self) -> dict[str, float]:
        span = PRF(self.spans, self.pred - self.spans, self.gold - self.spans)
        value = PRF(self.values, self.pred - self.values, self.gold - self.values)
        out = {**span.as_dict("span_"), **value.as_dict("value_")}
        out.update(gold=self.gold, predicted=self.pred, seconds=round(self.seconds, 2))
        return out


def sitrep_spans(doc: GoldDoc) -> list[Span]:
    """sitrep's DATE and TIME expressions for one document, with TimeML values."""
    return [
        Span(t.start, t.end, t.type, t.value)
        for t in find_timexes(doc.text, anchor=doc.dct)
        if t.type in SCORED_TYPES
    ]


def dateparser_spans(doc: GoldDoc) -> list[Span]:
    """The dateparser peer: ``search_dates`` with the DCT as the relative base."""
    from dateparser.search import search_dates

    base = dt.datetime.combine(doc.dct or dt.date.today(), dt.time(12, 0))
    try:
        found = search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": base})
    except Exception:  # the peer fails on some inputs; score it as finding nothing
        found = None
    out: list[Span] = []
    pos = 0
    for sub, when in found or []:
        i = doc.text.find(sub, pos)
        if i < 0:
            i = doc.text.find(sub)
            if i < 0:
                continue
        else:
            pos = i + len(sub)
        out.append(Span(i, i + len(sub), "DATE", when.date().isoformat()))
    return out


def _files(data: Path) -> list[Path]:
    if data.is_file():
        return [data]
    return sorted(data.rglob("*.tml"))


def run(data: Path, *, limit: int | None = None, progress: Progress) -> Report:
    """Score sitrep and dateparser on every TimeML file under ``data``.

    Args:
        data: a ``.tml`` file or a folder searched recursively (e.g. ``TBAQ-cleaned``).
        limit: score only the first ``limit`` files (sorted by path).
        progress: progress reporter.

    Returns:
        The report with span and value P/R/F1 per system.
    """
    files = _files(data)[:limit] if limit else _files(data)
    require_gold(len(files), task="times", data=data, what="TimeML (.tml) files")
    systems: dict[str, Callable[[GoldDoc], list[Span]]] = {
        "sitrep": sitrep_spans,
        "dateparser": dateparser_spans,
    }
    tallies = {name: Tally() for name in systems}
    skipped = 0
    for path in progress.track(files, len(files), "times"):
        doc = read_tml(path)
        if doc.dct is None:
            skipped += 1
            continue
        gold = list(doc.gold)
        for name, system in systems.items():
            t0 = time.perf_counter()
            pred = system(doc)
            tallies[name].seconds += time.perf_counter() - t0
            tallies[name].add(gold, pred)
    require_gold(
        tallies["sitrep"].gold,
        task="times",
        data=data,
        what=f"DATE or TIME TIMEX3 ({skipped} of {len(files)} file(s) without a creation time)",
    )
    report = Report(
        task="times",
        n=len(files) - skipped,
        systems={name: t.metrics() for name, t in tallies.items()},
        reference=REFERENCE,
    )
    report.notes.append(
        "TIMEX3 of type DATE and TIME, DCT excluded; relaxed (overlap) span match, exact "
        "value match; value P = value matches / predicted, R = value matches / gold."
    )
    if skipped:
        report.notes.append(f"{skipped} file(s) without a creation time were skipped.")
    return report
