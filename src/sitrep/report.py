"""Situation reports: the key figures with their sources, the events in order, what is disputed.

:func:`build` gathers the report from the store; :func:`to_markdown` and :func:`to_html` render
it. Every value from an article is escaped for the format it lands in.

When the reconciler has run, the report opens with one entry per incident, as an analyst
writes it: where and when, how many reports from how many outlets, per casualty kind and
victim group the best figure with its range and the source that gives it, the figures it
superseded (with who gave them and when), and what is disputed about it, with both sentences.
The incident's own figures come first; running totals its reports give alongside (daily,
cumulative, war-wide: "the toll since the war began") follow, labelled as such, never mixed in.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from typing import Any, Literal

import duckdb

from sitrep.api import reconciled
from sitrep.api.queries import Filters, all_events, rows
from sitrep.reconcile.groups import EXTENTS

ReportFormat = Literal["md", "html"]


@dataclass(slots=True)
class Report:
    """Everything a situation report says, ready to render."""

    place: str | None
    since: dt.date | None
    until: dt.date | None
    generated: dt.datetime
    articles: int
    outlets: list[str]
    figures: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    disputed: list[dict[str, Any]] = field(default_factory=list)
    method: str = reconciled.METHOD
    incidents: list[dict[str, Any]] = field(default_factory=list)

    @property
    def title(self) -> str:
        where = self.place or "all places"
        if self.since and self.until:
            when = f"{self.since.isoformat()} to {self.until.isoformat()}"
        elif self.since:
            when = f"since {self.since.isoformat()}"
        elif self.until:
            when = f"until {self.until.isoformat()}"
        else:
            when = "all dates"
        return f"Situation report: {where}, {when}"


def build(
    con: duckdb.DuckDBPyConnection,
    *,
    place: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    max_figures: int = 25,
) -> Report:
    """Gather a report for a place (name or country code) and a date range."""
    f = Filters(place=place, since=since, until=until)
    figures = sorted(  # an incident's figures before running totals, each biggest first
        reconciled.tallies(con, f),
        key=lambda t: (_running(t), -(t["best"] or t["low"] or 0), t["day"] or ""),
    )[:max_figures]
    events = all_events(con, f)
    article_ids = sorted(
        {item["article_id"] for t in figures for item in t["lineage"]}
        | {e["article_id"] for e in events}
    )
    outlets = rows(
        con,
        "SELECT DISTINCT outlet FROM articles WHERE list_contains(?, id) AND outlet IS NOT NULL "
        "ORDER BY outlet",
        [article_ids],
    )
    disputed = reconciled.contradictions(con, f)
    how = reconciled.method(con)
    return Report(
        place=place,
        since=since,
        until=until,
        generated=dt.datetime.now(dt.UTC).replace(microsecond=0),
        articles=len(article_ids),
        outlets=[o["outlet"] for o in outlets],
        figures=figures,
        events=events,
        disputed=disputed,
        method=how,
        incidents=incidents(con, f, disputed) if how == reconciled.RECONCILED else [],
    )


def incidents(
    con: duckdb.DuckDBPyConnection, f: Filters, disputed: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """One entry per reconciled incident with figures in the selection, in date order."""
    tallies = reconciled.tallies(con, f)
    if not tallies:
        return []
    ids = sorted({t["cluster_id"] for t in tallies if t.get("cluster_id")})
    clusters = {
        c["id"]: c
        for c in rows(
            con,
            """SELECT id, event_type, sub_event_type, place_name, place_country, first_date,
                      last_date, n_reports, n_independent, outlets, article_ids
               FROM clusters WHERE list_contains(?, id)""",
            [ids],
        )
    }
    earlier: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for r in rows(
        con,
        """SELECT t.cluster_id, t.kind, t.scope, k.count, k.low, k.hedge, k.source, a.outlet,
                  a.published AS day
           FROM tallies t, unnest(t.superseded_ids) AS u(claim_id)
           JOIN casualties k ON k.id = u.claim_id JOIN articles a ON a.id = k.article_id
           WHERE t.rule = 'conservative' AND list_contains(?, t.cluster_id)
           ORDER BY a.published, k.start""",
        [ids],
    ):
        earlier.setdefault((r["cluster_id"], r["kind"], r["scope"]), []).append(r)
    out: dict[str, dict[str, Any]] = {}
    for t in tallies:
        cid = t.get("cluster_id")
        if not cid or t["best"] is None:
            continue
        c = clusters.get(cid, {})
        entry = out.setdefault(
            cid,
            {
                "cluster_id": cid,
                "place": t["place"]["name"] or c.get("place_name") or "unknown place",
                "country": t["place"]["country"] or c.get("place_country"),
                "first_day": _day(c.get("first_date")) or t.get("first_day"),
                "last_day": _day(c.get("last_date")) or t.get("day"),
                "what": c.get("event_type") or "casualties",
                "reports": c.get("n_reports") or t["n_articles"],
                "independent": c.get("n_independent") or t["n_articles"],
                "outlets": c.get("outlets") or [],
                "figures": [],
                "running": [],  # running totals reported alongside (other extents)
                "disputes": _disputes([k for k in disputed if _about(k, cid, c)]),
            },
        )
        best = next((x for x in t["lineage"] if x["claim_id"] == t["best_claim_id"]), None)
        entry["running" if _running(t) else "figures"].append(
            {
                "kind": t["kind"],
                "scope": t["scope"],
                "tally": t,
                "best": best,
                "superseded": earlier.get((cid, t["kind"], t["scope"]), []),
            }
        )
    order = sorted(out.values(), key=lambda e: (e["first_day"] or "", e["place"]))
    for e in order:
        e["figures"].sort(key=lambda x: (":" in x["kind"], x["kind"]))
        e["running"].sort(key=lambda x: (_rank(x["scope"]), ":" in x["kind"], x["kind"]))
    return order


def _rank(scope: str | None) -> int:
    return EXTENTS.index(scope) if scope in EXTENTS else len(EXTENTS)


def _running(t: dict[str, Any]) -> bool:
    """Whether a tally counts a running total (daily, cumulative, war-wide), not an incident."""
    return (t.get("scope") or "incident") != "incident"


def _about(k: dict[str, Any], cid: str, cluster: dict[str, Any]) -> bool:
    """Whether a dispute is about this incident: its cluster, or for a statement placed in
    no cluster, a side from one of the incident's articles."""
    if k.get("cluster_id"):
        return bool(k["cluster_id"] == cid)
    arts = set(cluster.get("article_ids") or ())
    return any(side.get("article_id") in arts for side in (k["a"], k["b"]))


def _disputes(items: list[dict[str, Any]], *, most: int = 6) -> list[dict[str, Any]]:
    """An incident's disputes as an analyst lists them: updates are no dispute (they show
    as earlier figures); a denial or dispute of several figures is one line, with how many
    it answers; differing figures pair by pair; at most ``most``."""
    out: list[dict[str, Any]] = []
    by_statement: dict[tuple[str, Any], dict[str, Any]] = {}
    for k in items:
        if k["type"] == "update":
            continue
        if k["type"] in ("denial", "dispute"):
            key = (k["type"], k["a"].get("id"))
            if key in by_statement:
                by_statement[key]["answers"] += 1
                continue
            k = {**k, "answers": 1}
            by_statement[key] = k
        out.append(k)
    return out[:most]


def _day(v: Any) -> str | None:
    return v.isoformat() if isinstance(v, dt.date) else (str(v) if v else None)


def render(report: Report, fmt: ReportFormat) -> str:
    """The report as Markdown (``md``) or a standalone HTML page (``html``)."""
    return to_html(report) if fmt == "html" else to_markdown(report)


# -- shared wording ------------------------------------------------------------------------
def _method_note(r: Report) -> str:
    if r.method == reconciled.RECONCILED:
        return "Figures are reconciled across articles (best: the conservative rule)."
    return "Figures are grouped by kind, place and day only; run `sitrep reconcile` for more."


def _n(v: Any) -> str:
    return "?" if v is None else f"{v:,}" if isinstance(v, int) else str(v)


def _range(t: dict[str, Any]) -> str:
    high = "open-ended" if t["high"] is None else _n(t["high"])
    return f"low {_n(t['low'])}, best {_n(t['best'])}, high {high}"


def _figure_head(t: dict[str, Any]) -> str:
    where = t["place"]["name"] or "unknown place"
    when = t["day"] or "undated"
    scope = f" (running total, {t['scope']})" if _running(t) else ""
    return f"{t['kind']} in {where}, {when}{scope}"


def _source_line(item: dict[str, Any]) -> str:
    figure = " ".join(x for x in (item.get("hedge"), _n(item.get("count"))) if x)
    role = item.get("role")
    note = f" ({role})" if role and role != "counted" else ""
    return (
        f"{figure}: {item.get('source') or 'unattributed'} via "
        f"{item.get('outlet') or 'unknown outlet'}{note}"
    )


def _event_line(e: dict[str, Any]) -> str:
    what = e["event_type"] + (f" ({e['sub_event_type']})" if e.get("sub_event_type") else "")
    who = " -> ".join(x for x in (e.get("actor1"), e.get("target")) if x)
    dead = f", {e['fatalities']:,} killed" if e.get("fatalities") else ""
    flags = f" [{', '.join(e['flags'])}]" if e.get("flags") else ""
    return f"{what}{': ' + who if who else ''} in {e.get('place_name') or 'unknown place'}{dead}{flags}"


def _side_line(s: dict[str, Any]) -> str:
    figure = " ".join(
        x for x in (s.get("hedge"), _n(s.get("count"))) if x and s.get("count") is not None
    )
    who = f"{s.get('source') or 'unattributed'} ({s.get('stance') or 'reports'}, {s.get('outlet') or '?'}, {s.get('day') or 'undated'})"
    return f"{who}{': ' + figure if figure else ''}"


def _incident_head(e: dict[str, Any]) -> str:
    where = e["place"] + (f" ({e['country']})" if e.get("country") else "")
    when = e["first_day"] or "undated"
    if e.get("last_day") and e["last_day"] != e["first_day"]:
        when += f" to {e['last_day']}"
    return f"{where}, {when}: {e['what']}"


def _incident_reach(e: dict[str, Any]) -> str:
    outlets = ", ".join(e["outlets"][:8]) + (" ..." if len(e["outlets"]) > 8 else "")
    return (
        f"{e['reports']} report(s), {e['independent']} independent"
        + (f", from {outlets}" if outlets else "")
        + "."
    )


def _fig_head(fig: dict[str, Any]) -> str:
    kind, _, group = fig["kind"].partition(":")
    t = fig["tally"]
    sources = f", {t['n_sources']} source(s)" if t.get("n_sources") else ""
    scope = f" ({t['scope']})" if _running(t) else ""
    return f"{kind}{' (' + group + ')' if group else ''}{scope}{sources}"


RUNNING_NOTE = "Running totals reported alongside (not this incident's own figures):"


def _earlier(items: list[dict[str, Any]]) -> str:
    parts = []
    for x in items[:6]:
        figure = " ".join(v for v in (x.get("hedge"), _n(x.get("count") or x.get("low"))) if v)
        who = x.get("source") or x.get("outlet") or "unattributed"
        parts.append(f"{figure} ({who}, {_day(x.get('day')) or 'undated'})")
    more = f" and {len(items) - 6} more" if len(items) > 6 else ""
    return ", ".join(parts) + more + ", superseded by later reports"


def _dispute_line(k: dict[str, Any]) -> str:
    a, b = k["a"], k["b"]
    if k.get("answers", 1) > 1:
        return (
            f"{_side_line(a)} \u201c{a.get('text') or ''}\u201d, against {k['answers']} "
            "figures of the incident"
        )
    return (
        f"{_side_line(a)} \u201c{a.get('text') or ''}\u201d against {_side_line(b)} "
        f"\u201c{b.get('text') or ''}\u201d"
    )


# -- Markdown ------------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def _md(text: Any) -> str:
    """Plain text safe in Markdown: no markup, no HTML, one line."""
    s = " ".join(str(text).split())
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return s.replace("&", "&amp;").replace("<", "&lt;")


def to_markdown(r: Report) -> str:
    """The report as Markdown."""
    out = [f"# {_md(r.title)}", ""]
    out.append(
        f"Generated {r.generated.isoformat()} from {r.articles} article(s)"
        + (f" by {_md(', '.join(r.outlets))}" if r.outlets else "")
        + "."
    )
    if r.incidents:
        out += ["", "## Incidents", "", _md(_method_note(r)), ""]
        for n, e in enumerate(r.incidents, 1):
            out += [f"### {n}. {_md(_incident_head(e))}", "", f"{_md(_incident_reach(e))}", ""]
            for fig in [*e["figures"], *e["running"]]:
                if e["running"] and fig is e["running"][0]:
                    out.append(f"- *{_md(RUNNING_NOTE)}*")
                pad = "  " if _running(fig["tally"]) else ""
                out.append(f"{pad}- **{_md(_fig_head(fig))}**: {_md(_range(fig['tally']))}")
                if fig["best"]:
                    b = fig["best"]
                    out.append(
                        f"{pad}  - best from {_md(_source_line(b))}: \u201c{_md(b.get('evidence') or '')}\u201d"
                    )
                if fig["superseded"]:
                    out.append(f"{pad}  - earlier: {_md(_earlier(fig['superseded']))}")
            for k in e["disputes"]:
                out.append(f"- disputed ({_md(k['type'])}): {_md(_dispute_line(k))}")
            out.append("")
    out += ["", "## Key figures", "", _md(_method_note(r)), ""]
    if not r.figures:
        out.append("No casualty figures in this selection.")
    for t in r.figures:
        out.append(f"- **{_md(_figure_head(t))}**: {_md(_range(t))}")
        for item in t["lineage"]:
            out.append(
                f"  - {_md(_source_line(item))}: \u201c{_md(item.get('evidence') or '')}\u201d"
            )
    out += ["", "## Events in order", ""]
    if not r.events:
        out.append("No events in this selection.")
    for e in r.events:
        out.append(
            f"- {_md(e.get('day') or 'undated')}: {_md(_event_line(e))} ({_md(e.get('outlet') or '?')})"
        )
    out += ["", "## Disputed", ""]
    if not r.disputed:
        out.append("Nothing disputed in this selection.")
    for k in r.disputed:
        out.append(f"- **{_md(k['type'])}: {_md(k.get('topic') or '')}**")
        for s in (k["a"], k["b"]):
            out.append(f"  - {_md(_side_line(s))}: \u201c{_md(s.get('text') or '')}\u201d")
    return "\n".join(out) + "\n"


# -- HTML ----------------------------------------------------------------------------------
def _h(text: Any) -> str:
    return html.escape(str(text), quote=True)


_CSS = """body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #ddd}
.range{color:#b3261e;font-weight:600}blockquote{margin:.2rem 0 .2rem 1rem;color:#444}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.25rem .4rem;text-align:left;vertical-align:top}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem}@media(max-width:600px){.pair{grid-template-columns:1fr}}"""


def to_html(r: Report) -> str:
    """The report as one standalone HTML page (no scripts, nothing fetched)."""
    p = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(r.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_h(r.title)}</h1>",
        f"<p>Generated {_h(r.generated.isoformat())} from {r.articles} article(s)"
        + (f" by {_h(', '.join(r.outlets))}" if r.outlets else "")
        + ".</p>",
    ]
    if r.incidents:
        p += ["<h2>Incidents</h2>", f"<p>{_h(_method_note(r))}</p>"]
        for n, e in enumerate(r.incidents, 1):
            p.append(f"<h3>{n}. {_h(_incident_head(e))}</h3><p>{_h(_incident_reach(e))}</p><ul>")
            for fig in [*e["figures"], *e["running"]]:
                if e["running"] and fig is e["running"][0]:
                    p.append(f"<li><i>{_h(RUNNING_NOTE)}</i></li>")
                p.append(
                    f'<li><b>{_h(_fig_head(fig))}</b>: <span class="range">'
                    f"{_h(_range(fig['tally']))}</span>"
                )
                if fig["best"]:
                    b = fig["best"]
                    p.append(
                        f"<br>best from {_h(_source_line(b))} {_link(b.get('url'), 'source')}"
                        f"<blockquote>{_h(b.get('evidence') or '')}</blockquote>"
                    )
                if fig["superseded"]:
                    p.append(f"<br>earlier: {_h(_earlier(fig['superseded']))}")
                p.append("</li>")
            for k in e["disputes"]:
                p.append(f"<li>disputed ({_h(k['type'])}): {_h(_dispute_line(k))}</li>")
            p.append("</ul>")
    p += ["<h2>Key figures</h2>", f"<p>{_h(_method_note(r))}</p>"]
    if not r.figures:
        p.append("<p>No casualty figures in this selection.</p>")
    for t in r.figures:
        p.append(f'<h3>{_h(_figure_head(t))}</h3><p class="range">{_h(_range(t))}</p><ul>')
        for item in t["lineage"]:
            link = _link(item.get("url"), "source")
            p.append(
                f"<li>{_h(_source_line(item))} {link}"
                f"<blockquote>{_h(item.get('evidence') or '')}</blockquote></li>"
            )
        p.append("</ul>")
    p.append("<h2>Events in order</h2>")
    if not r.events:
        p.append("<p>No events in this selection.</p>")
    else:
        p.append("<table><thead><tr><th>Day</th><th>Event</th><th>Outlet</th></tr></thead><tbody>")
        for e in r.events:
            p.append(
                f"<tr><td>{_h(e.get('day') or 'undated')}</td><td>{_h(_event_line(e))}"
                f"<blockquote>{_h(e.get('evidence') or '')}</blockquote></td>"
                f"<td>{_h(e.get('outlet') or '?')} {_link(e.get('url'), 'source')}</td></tr>"
            )
        p.append("</tbody></table>")
    p.append("<h2>Disputed</h2>")
    if not r.disputed:
        p.append("<p>Nothing disputed in this selection.</p>")
    for k in r.disputed:
        p.append(f'<h3>{_h(k["type"])}: {_h(k.get("topic") or "")}</h3><div class="pair">')
        for s in (k["a"], k["b"]):
            p.append(
                f"<div><p>{_h(_side_line(s))}</p><blockquote>{_h(s.get('text') or '')}</blockquote></div>"
            )
        p.append("</div>")
    p.append("</body></html>")
    return "\n".join(p) + "\n"


def _link(url: Any, label: str) -> str:
    if isinstance(url, str) and re.match(r"https?://", url, re.I):
        return f'<a href="{_h(url)}" rel="noopener noreferrer">{_h(label)}</a>'
    return ""
