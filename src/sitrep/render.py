"""Terminal rendering for people: coloured tables of a record and of eval reports."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from sitrep.eval.base import Report
from sitrep.model import CasualtyClaim, Record

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
        t = Table(title="Casualty claims", title_style="bold red", expand=True)
        for col in ("kind", "figure", "victims", "cause", "place", "when", "scope", "source"):
            t.add_column(col)
        for c in record.casualties:
            t.add_row(
                Text(c.kind, style=_KIND_STYLE.get(c.kind, "")),
                Text(figure(c), style="bold"),
                c.victims or "",
                c.cause or "",
                c.place.name if c.place else "",
                (c.date.isoformat() if c.date else c.period or ""),
                c.scope,
                Text(f"{c.source or '?'} ({c.stance})", style="cyan"),
            )
        console.print(t)
    if record.claims:
        t = Table(title="Attributed claims", title_style="bold", expand=True)
        for col in ("source", "stance", "content", "contradicts"):
            t.add_column(col)
        for cl in record.claims:
            style = "red" if cl.stance in ("denies", "disputes") else ""
            t.add_row(
                Text(cl.source, style="cyan"),
                Text(cl.stance, style=style),
                cl.content,
                ", ".join(cl.contradicts),
            )
        console.print(t)
    if record.quotes:
        t = Table(title="Quotes", title_style="bold", expand=True)
        for col in ("speaker", "cue", "date", "quote"):
            t.add_column(col)
        for q in record.quotes:
            t.add_row(
                Text(q.speaker or "?", style="cyan"),
                q.cue or "",
                q.date.isoformat() if q.date else "",
                f"“{q.text}”",
            )
        console.print(t)
    if record.places:
        t = Table(title="Places", title_style="bold green", expand=True)
        for col in ("mention", "resolved to", "country", "lat, lon", "precision", "role"):
            t.add_column(col)
        for p in record.places:
            t.add_row(
                p.text,
                p.name or Text("unresolved", style="dim"),
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
        t = Table(title="Events", title_style="bold magenta", expand=True)
        for col in ("type", "PLOVER", "actors", "target", "place", "date", "fatalities", "flags"):
            t.add_column(col)
        for e in record.events:
            t.add_row(
                f"{e.event_type} / {e.sub_event_type or ''}",
                e.plover + (f" ({e.mode})" if e.mode else ""),
                " vs ".join(x for x in (e.actor1, e.actor2) if x),
                e.target or "",
                e.place.name if e.place else "",
                e.date.isoformat() if e.date else (e.period or ""),
                "" if e.fatalities is None else str(e.fatalities),
                ", ".join(e.flags),
            )
        console.print(t)
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


def print_report(report: Report, console: Console) -> None:
    """Print an eval report: one row per system, one column per metric."""
    metrics: list[str] = []
    for scores in report.systems.values():
        for k in scores:
            if k not in metrics:
                metrics.append(k)
    t = Table(title=f"sitrep eval {report.task} (n={report.n})", expand=False)
    t.add_column("system", style="bold")
    for m in metrics:
        t.add_column(m, justify="right")
    for name, scores in report.systems.items():
        style = "green" if name == "sitrep" else ""
        cells = []
        for m in metrics:
            v = scores.get(m)
            cells.append("" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v)))
        t.add_row(Text(name, style=style), *cells)
    console.print(t)
    if report.reference:
        console.print(Text(f"published reference: {report.reference}", style="dim"))
    for note in report.notes:
        console.print(Text(note, style="dim"))
