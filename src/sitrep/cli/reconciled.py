"""``sitrep reconcile``, ``events``, ``tally`` and ``contradictions``: across articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from sitrep.cli.common import db_option, die, echo_json, err, parse_date, read_store
from sitrep.errors import SitrepError


def _reconcile_filters(fn: Any) -> Any:
    """The options shared by ``events``, ``tally`` and ``contradictions``."""
    for opt in reversed([
        db_option,
        click.option("--place", help="Place name or two-letter country code."),
        click.option("--since", callback=parse_date, help="First day YYYY-MM-DD."),
        click.option("--until", callback=parse_date, help="Last day YYYY-MM-DD."),
        click.option("--type", "type_", help="Event type: PLOVER (ASSAULT) or ACLED type words."),
        click.option("--source", help="Outlet or source name (substring)."),
        click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
                     show_default=True),
        click.option("--no-reconcile", is_flag=True,
                     help="Show the tables as they are, even if the database changed since the "
                     "last `sitrep reconcile`."),
    ]):  # fmt: skip
        fn = opt(fn)
    return fn


def _reconciled_store(db: str | None, no_reconcile: bool) -> Any:
    """The database, reconciled first when it changed since the last run (lazy reconcile)."""
    from sitrep.errors import StoreError
    from sitrep.reconcile import is_stale, reconcile
    from sitrep.store import Store

    try:
        if no_reconcile:
            store = read_store(db)
        else:
            try:
                store = Store(db)
            except StoreError:
                if db and not Path(db).exists():
                    raise
                store = read_store(db)
                err.print("[yellow]the database is busy: showing the last reconciliation[/yellow]")
                no_reconcile = True
        have = store.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'clusters'"
        ).fetchone()
        if not have or not have[0]:
            raise StoreError(
                f"{store.path} was never reconciled; run `sitrep reconcile --db {store.path}`"
            )
        if not no_reconcile and is_stale(store):
            with err.status("reconciling (the database changed since the last run)..."):
                res = reconcile(store)
            err.print(f"[dim]reconciled: {res.clusters} events, {res.duplicates} copies, "
                      f"{res.contradictions} contradictions ({res.seconds} s)[/dim]")  # fmt: skip
        return store
    except SitrepError as exc:
        die(exc)


@click.command(name="reconcile")
@db_option
@click.option("--split", "split_id", help="Take this event or casualty claim out of its cluster.")
@click.option("--reason", default="split by user", show_default=True, help="Why (with --split).")
@click.option("--unsplit", "unsplit_id", help="Undo an earlier --split of this item.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)  # fmt: skip
def reconcile_cmd(
    db: str | None, split_id: str | None, reason: str, unsplit_id: str | None, fmt: str
) -> None:
    """Find copies, cluster reports into events, tally casualties, record contradictions.

    Runs after ingest; `events`, `tally` and `contradictions` also run it when the database
    changed since the last run. Splits are recorded and kept by every later run.
    """
    from sitrep.reconcile import reconcile, split_item, unsplit_item
    from sitrep.store import Store

    try:
        with Store(db) as store:
            if split_id:
                split_item(store, split_id, reason=reason)
            if unsplit_id and not unsplit_item(store, unsplit_id):
                err.print(f"[yellow]{unsplit_id} was not split[/yellow]")
            result = reconcile(store)
    except SitrepError as exc:
        die(exc)
    if fmt == "json":
        echo_json(result.as_dict())
    else:
        Console().print(
            f"{result.clusters} events, {result.merged} merged reports, {result.duplicates} "
            f"copies ({result.new_duplicates} new), {result.tallies} tallies, "
            f"{result.contradictions} contradictions and updates in {result.seconds} s"
        )


@click.command(name="events")
@_reconcile_filters
@click.option("--limit", type=int, default=None, help="At most N events.")
@click.option("--cluster", "cluster_id", help="Show the reports of this event and why each joined.")
def events_cmd(
    db: str | None, place: str | None, since: dt.date | None, until: dt.date | None,
    type_: str | None, source: str | None, fmt: str, no_reconcile: bool, limit: int | None,
    cluster_id: str | None,
) -> None:  # fmt: skip
    """Events reconciled across articles: reports, independent sources, casualties."""
    from sitrep.reconcile import query
    from sitrep.reconcile.render import print_events

    with _reconciled_store(db, no_reconcile) as store:
        if cluster_id:
            rows = query.members(store, cluster_id)
            if fmt == "json":
                echo_json(rows)
                return
            from rich.table import Table

            t = Table("item", "kind", "outlet", "published", "rule", "joined", "km", "days",
                      "actor sim", "evidence", title=f"event {cluster_id}")  # fmt: skip
            for r in rows:
                t.add_row(*(str(r.get(k) if r.get(k) is not None else "") for k in (
                    "item_id", "item_kind", "outlet", "published", "rule", "joined_item",
                    "distance_km", "day_gap", "similarity", "evidence")))  # fmt: skip
            Console().print(t)
            return
        flt = query.Filters(place, since, until, type_, source)
        rows = query.events(store, flt, limit=limit)
    if fmt == "json":
        echo_json(rows)
    else:
        print_events(rows, Console())


@click.command(name="tally")
@_reconcile_filters
@click.option(
    "--by",
    type=click.Choice(["event", "place"]),
    default="event",
    show_default=True,
    help="Per event cluster, or per place over the --since/--until period.",
)
@click.option(
    "--rule",
    type=click.Choice(["conservative", "latest", "highest"]),
    default="conservative",
    show_default=True,
    help="Best figure: lowest latest figure of the sources (ACLED), latest, highest.",
)
@click.option("--kind", help="Casualty kind (killed, injured, ...).")
@click.option(
    "--scope",
    type=click.Choice(["incident", "daily", "cumulative", "war-wide"]),
    help="Only tallies of this extent (default: all, each cluster's incident figures first).",
)
def tally_cmd(
    db: str | None, place: str | None, since: dt.date | None, until: dt.date | None,
    type_: str | None, source: str | None, fmt: str, no_reconcile: bool, by: str, rule: str,
    kind: str | None, scope: str | None,
) -> None:  # fmt: skip
    """Casualty tallies (low / best / high) with the claims behind them: per cluster, the
    incident's own figures first, then the running totals its reports give (``--scope``)."""
    from sitrep.reconcile import query
    from sitrep.reconcile.render import print_tallies

    flt = query.Filters(place, since, until, type_, source)
    with _reconciled_store(db, no_reconcile) as store:
        if by == "place":
            rows = query.place_tallies(store, flt, rule=rule, kind=kind)
            rows = [r for r in rows if scope is None or r["scope"] == scope]
        else:
            rows = query.cluster_tallies(store, flt, rule=rule, kind=kind, scope=scope)
    if fmt == "json":
        echo_json(rows)
    else:
        print_tallies(rows, Console())


@click.command(name="contradictions")
@_reconcile_filters
@click.option("--kind", type=click.Choice(["denial", "dispute", "figures_differ", "update"]),
              help="Only this kind of record.")  # fmt: skip
def contradictions_cmd(
    db: str | None, place: str | None, since: dt.date | None, until: dt.date | None,
    type_: str | None, source: str | None, fmt: str, no_reconcile: bool, kind: str | None,
) -> None:  # fmt: skip
    """Denials, disputes, differing figures and updates between sources."""
    from sitrep.reconcile import query
    from sitrep.reconcile.render import print_contradictions

    with _reconciled_store(db, no_reconcile) as store:
        rows = query.contradictions(store, query.Filters(place, since, until, type_, source),
                                    kind=kind)  # fmt: skip
    if fmt == "json":
        echo_json(rows)
    else:
        print_contradictions(rows, Console())
