"""Rich tables for ``sitrep events``, ``sitrep tally`` and ``sitrep contradictions``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

_KIND_STYLE = {
    "denial": "bold red",
    "dispute": "red",
    "figures_differ": "yellow",
    "update": "cyan",
}


def _range(t: dict[str, Any] | None) -> str:
    if not t or t.get("best") is None:
        return ""
    low, best, high = t.get("low"), t["best"], t.get("high")
    if low == best == high:
        return f"[bold]{best}[/bold]"
    return f"{low}–[bold]{best}[/bold]–{high}"


def _place(r: dict[str, Any]) -> str:
    name = r.get("place_name") or "?"
    return f"{name} ({r['place_country']})" if r.get("place_country") else name


def _series(points: Sequence[dict[str, Any]]) -> str:
    """A source's figures: updates of one incident by arrows, incidents added up
    ("21 → 23 + 4 = 27")."""
    incidents: dict[int, list[int]] = {}
    for p in points:
        incidents.setdefault(int(p.get("incident") or 0), []).append(int(p["figure"]))
    parts = [" → ".join(str(f) for f in figs) for figs in incidents.values()]
    if len(parts) == 1:
        return parts[0]
    return " + ".join(parts) + f" = {sum(figs[-1] for figs in incidents.values())}"


def print_events(rows: Sequence[dict[str, Any]], console: Console) -> None:
    """Event clusters, one line each."""
    t = Table(title=f"{len(rows)} events", title_justify="left")
    for col in ("date", "type", "place", "reports", "sources", "killed", "injured", "⚠", "id"):
        t.add_column(col, justify="right" if col in ("reports", "⚠") else "left")
    for r in rows:
        first, last = r.get("first_date"), r.get("last_date")
        date = first if first == last else f"{first} → {last}"
        typ = r.get("sub_event_type") or r.get("event_type") or ""
        if r.get("plover"):
            typ = f"[magenta]{r['plover']}[/magenta] {typ}"
        cas = r.get("casualties") or {}
        n_contra = r.get("contradictions") or 0
        t.add_row(
            str(date or "?"),
            typ,
            _place(r),
            str(r.get("n_reports")),
            f"{r.get('n_independent')} [dim]{', '.join(r.get('outlets') or [])}[/dim]",
            f"[red]{_range(cas.get('killed'))}[/red]",
            f"[yellow]{_range(cas.get('injured'))}[/yellow]",
            f"[red]{n_contra}[/red]" if n_contra else "",
            f"[dim]{r['id']}[/dim]",
        )
    console.print(t)


def print_tallies(rows: Sequence[dict[str, Any]], console: Console) -> None:
    """Tallies with their rule, sources and the figures each source gave over time."""
    t = Table(title=f"{len(rows)} tallies", title_justify="left")
    for col in ("where / when", "kind", "scope", "rule", "low", "best", "high", "per source"):
        t.add_column(col, justify="right" if col in ("low", "best", "high") else "left")
    for r in rows:
        where = r.get("place") or _place(r)
        when = r.get("first_date") or ""
        if r.get("since") or r.get("until"):
            when = f"{r.get('since') or '…'} → {r.get('until') or '…'}"
        series = r.get("series") or {}
        per_source = "\n".join(f"{src}: {_series(pts)}" for src, pts in series.items())
        if not per_source and r.get("clusters"):
            per_source = f"sum of {len(r['clusters'])} events"
        t.add_row(
            f"{where} [dim]{when}[/dim]",
            r.get("kind", ""),
            r.get("scope", ""),
            r.get("rule", ""),
            str(r.get("low") if r.get("low") is not None else ""),
            f"[bold red]{r.get('best') if r.get('best') is not None else ''}[/bold red]",
            str(r.get("high") if r.get("high") is not None else ""),
            per_source,
        )
    console.print(t)


def print_contradictions(rows: Sequence[dict[str, Any]], console: Console) -> None:
    """Contradiction and update records."""
    t = Table(title=f"{len(rows)} contradictions and updates", title_justify="left")
    for col in ("kind", "event", "source A", "A", "source B", "B", "detail", "rule"):
        t.add_column(col, justify="right" if col in ("A", "B") else "left")
    for r in rows:
        style = _KIND_STYLE.get(r["kind"], "")
        ev = f"{r.get('place_name') or ''} {r.get('event_date') or ''}".strip()
        t.add_row(
            f"[{style}]{r['kind']}[/{style}]" if style else r["kind"],
            ev,
            r.get("source_a") or "",
            "" if r.get("figure_a") is None else str(r["figure_a"]),
            r.get("source_b") or "",
            "" if r.get("figure_b") is None else str(r["figure_b"]),
            r.get("detail") or "",
            f"[dim]{r.get('rule')}[/dim]",
        )
    console.print(t)
