"""Terminal rendering for people: coloured tables of a record and of eval reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from sitrep.eval.base import Report
from sitrep.model import DENYING_STANCES, CasualtyClaim, Place, PlaceRef, Record

_KIND_STYLE = {
    "killed": "bold red",
    "injured": "yellow",
    "missing": "magenta",
    "casualties": "red",
}


def figure(c: CasualtyClaim) -> str:
    """A casualty figure as people write it: hedge and number ("more than 2,000")."""
    if c.count is not None:
        num = f"{c.count:,}"
    elif c.low is not None and c.high is not None:
        num = f"{c.low:,}-{c.high:,}"
    else:
        num = "?"
    return f"{c.hedge} {num}" if c.hedge else num


def _where_when(
    line: Text, place: PlaceRef | None, date: dt.date | None, period: str | None
) -> None:
    """Append where and when a claim or event happened, in green."""
    if place:
        line.append(f"  in {place.name}", style="green")
    when = date.isoformat() if date else period
    if when:
        line.append(f"  {when}", style="green")


def _unresolved(p: Place) -> str:
    """The word "unresolved", with the readings the resolver had ("unresolved: Sadove 12%")."""
    if not p.candidates:
        return "unresolved"
    shown = ", ".join(f"{c.name} ({c.admin1 or c.country}) {c.score:.0%}" for c in p.candidates[:3])
    return f"unresolved: {shown}"


def print_record(record: Record, console: Console) -> None:
    """Print one article's extraction as readable, coloured tables."""
    a = record.article
    head = Text()
    head.append(a.title or "(untitled)", style="bold")
    head.append(f"\n{a.outlet or 'unknown outlet'}", style="cyan")
    head.append(f" · {a.published.isoformat() if a.published else 'undated'}", style="green")
    if a.published_source:
        head.append(f" ({a.published_source})", style="dim")
    head.append(f" · id {a.id}", style="dim")
    console.print(head)
    if a.removed:
        console.print(
            Text("removed: ", style="dim")
            + Text("; ".join(f"{r.text[:50]} [{r.reason}]" for r in a.removed), style="dim strike")
        )

    if record.casualties:
        console.rule(Text("Casualty claims", style="bold red"), align="left")
        for c in record.casualties:
            line = Text("  ")
            line.append(f"{c.kind:<9}", style=_KIND_STYLE.get(c.kind, "bold"))
            line.append(figure(c), style="bold")
            line.append(f" {c.victims or ''}")
            _where_when(line, c.place, c.date, c.period)
            line.append(f"  [{c.scope}]", style="dim")
            console.print(line)
            detail = Text("           ")
            detail.append(f"{c.source or 'unattributed'} ({c.stance})", style="cyan")
            for label, value in (("by", c.perpetrator), ("cause", c.cause)):
                if value:
                    detail.append(f" · {label} {value}")
            if c.flags:
                detail.append(f" · flags {', '.join(c.flags)}", style="yellow")
            detail.append(f" · confidence {c.confidence:.2f}", style="dim")
            console.print(detail)
            console.print(Text(f"           “{c.evidence.text}”", style="italic dim"))
    if record.claims:
        console.rule(Text("Attributed claims", style="bold"), align="left")
        for cl in record.claims:
            line = Text("  ")
            line.append(cl.source, style="cyan")
            line.append(
                f" {cl.stance} ",
                style="bold red" if cl.stance in DENYING_STANCES else "bold",
            )
            line.append(cl.content)
            if cl.contradicts:
                line.append(f"  (contradicts {', '.join(cl.contradicts)})", style="red")
            console.print(line)
    if record.quotes:
        console.rule(Text("Quotes", style="bold"), align="left")
        for q in record.quotes:
            line = Text("  ")
            line.append(q.speaker or "unknown speaker", style="cyan")
            if q.speaker_role:
                line.append(f" ({q.speaker_role})", style="dim")
            line.append(f" {q.cue or ''}")
            if q.date:
                line.append(f" on {q.date.isoformat()}", style="green")
            console.print(line)
            console.print(Text(f"    “{q.text}”", style="italic"))
    if record.places:
        t = Table(title="Places", title_style="bold green", expand=True)
        for col in ("mention", "resolved to", "country", "lat, lon", "precision", "role"):
            t.add_column(col)
        for p in record.places:
            t.add_row(
                p.text,
                p.name or Text(_unresolved(p), style="dim"),
                p.country or "",
                f"{p.lat:.2f}, {p.lon:.2f}" if p.lat is not None and p.lon is not None else "",
                p.precision or "",
                p.role,
            )
        console.print(t)
    if record.times:
        t = Table(title="Times", title_style="bold green", expand=True)
        for col in ("expression", "value", "type"):
            t.add_column(col)
        for tm in record.times:
            t.add_row(tm.text, tm.value, tm.type)
        console.print(t)
    if record.events:
        console.rule(Text("Events", style="bold magenta"), align="left")
        for e in record.events:
            line = Text("  ")
            line.append(e.plover + (f"/{e.mode}" if e.mode else ""), style="bold magenta")
            line.append(f"  {e.sub_event_type or e.event_type}")
            actors = " vs ".join(x for x in (e.actor1, e.actor2) if x)
            if actors:
                line.append(f"  {actors}", style="cyan")
            if e.target:
                line.append(f" -> {e.target}")
            _where_when(line, e.place, e.date, e.period)
            if e.fatalities is not None:
                line.append(f"  {e.fatalities} killed", style="red")
            if e.flags:
                line.append(f"  [{', '.join(e.flags)}]", style="yellow")
            console.print(line)
    if record.entities:
        by: dict[str, list[str]] = {}
        for ent in record.entities:
            by.setdefault(ent.label, [])
            if ent.text not in by[ent.label]:
                by[ent.label].append(ent.text)
        t = Table(title="Entities", title_style="bold", expand=True)
        t.add_column("label")
        t.add_column("mentions")
        for label, names in sorted(by.items()):
            t.add_row(label, ", ".join(names))
        console.print(t)


WIDE_REPORT = 8
"""Above this many metrics, an eval report is printed one row per metric (it would not fit)."""


def _cell(scores: dict[str, Any], m: str) -> str:
    v = scores.get(m)
    if v is None:
        return "n/a" if m in scores else ""
    return f"{v:.3f}" if isinstance(v, float) else str(v)


def print_report(report: Report, console: Console) -> None:
    """Print an eval report: one row per system, one column per metric (one row per metric
    when there are many), with the task's targets beside sitrep's numbers."""
    metrics: list[str] = []
    for scores in report.systems.values():
        for k in scores:
            if k not in metrics:
                metrics.append(k)
    t = Table(title=f"sitrep eval {report.task} (n={report.n})", expand=False)
    if len(metrics) > WIDE_REPORT:
        t.add_column("metric", style="bold")
        for name in report.systems:
            t.add_column(name, justify="right", style="green" if name == "sitrep" else "")
        if report.targets:
            t.add_column("target", justify="right", style="dim")
        for m in metrics:
            cells = [_cell(scores, m) for scores in report.systems.values()]
            if report.targets:
                cells.append(report.targets.get(m, ""))
            t.add_row(m, *cells)
    else:
        t.add_column("system", style="bold")
        for m in metrics:
            t.add_column(m, justify="right")
        for name, scores in report.systems.items():
            style = "green" if name == "sitrep" else ""
            t.add_row(Text(name, style=style), *(_cell(scores, m) for m in metrics))
        if report.targets:
            t.add_row(Text("target", style="dim"), *(report.targets.get(m, "") for m in metrics))
    console.print(t)
    if report.reference:
        console.print(Text(f"published reference: {report.reference}", style="dim"))
    for note in report.notes:
        console.print(Text(note, style="dim"))
