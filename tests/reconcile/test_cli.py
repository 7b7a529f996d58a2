"""The reconciliation commands on the multi-outlet fixture: JSON twins, filters, lazy runs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from sitrep.cli import main
from sitrep.store import Store

from .conftest import Story


def _db(tmp_path: Path, stories: dict[str, Story]) -> str:
    db = str(tmp_path / "c.duckdb")
    with Store(db) as st:
        st.write(s.record() for s in stories.values())
    return db


def _json(args: list[str]) -> Any:
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_events_reconcile_lazily_and_filter(tmp_path: Path, stories: dict[str, Story]) -> None:
    db = _db(tmp_path, stories)
    rows = _json(["events", "--db", db, "--format", "json"])  # no reconcile run before
    assert len(rows) == 4
    kharkiv = _json(["events", "--db", db, "--format", "json", "--place", "kharkiv"])
    assert {r["first_date"] for r in kharkiv} == {"2022-03-01", "2022-03-08"}
    strike = next(r for r in kharkiv if r["first_date"] == "2022-03-01")
    # the governor's 10 and the BBC's own figure are superseded by the service's later 23
    assert strike["casualties"]["killed"] == {"low": 23, "best": 23, "high": 23, "n_sources": 3}
    assert strike["n_independent"] == 4 and strike["contradictions"] >= 3
    fights = _json(["events", "--db", db, "--format", "json", "--type", "fight"])
    assert [r["place_name"] for r in fights] == ["Kherson"]
    later = _json(["events", "--db", db, "--format", "json", "--since", "2022-03-05"])
    assert [r["first_date"] for r in later] == ["2022-03-08"]
    bbc = _json(["events", "--db", db, "--format", "json", "--source", "bbc"])
    assert [r["id"] for r in bbc] == [strike["id"]]
    members = _json(["events", "--db", db, "--format", "json", "--cluster", strike["id"]])
    assert {m["outlet"] for m in members} == {"Reuters", "GB News", "Kyiv Independent", "BBC"}
    table = CliRunner().invoke(main, ["events", "--db", db])
    assert table.exit_code == 0 and "Kherson" in table.stdout


def test_tally_by_event_and_place(tmp_path: Path, stories: dict[str, Story]) -> None:
    db = _db(tmp_path, stories)
    assert CliRunner().invoke(main, ["reconcile", "--db", db]).exit_code == 0
    rows = _json(["tally", "--db", db, "--format", "json", "--rule", "latest", "--kind",
                  "killed", "--place", "Kharkiv", "--no-reconcile"])  # fmt: skip
    assert sorted(r["best"] for r in rows) == [3, 23]
    strike = next(r for r in rows if r["best"] == 23)
    assert strike["series"]["State Emergency Service"][0]["figure"] == 21
    by_place = _json(["tally", "--db", db, "--format", "json", "--by", "place", "--kind",
                      "killed", "--since", "2022-03-01", "--until", "2022-03-02"])  # fmt: skip
    incident = {r["place"]: r["best"] for r in by_place if r["scope"] == "incident"}
    assert incident == {"Kharkiv": 23, "Kyiv": 5, "Kherson": 10}
    (cum,) = [r for r in by_place if r["scope"] == "cumulative"]
    assert (cum["place"], cum["low"]) == ("Ukraine", 2001)
    table = CliRunner().invoke(main, ["tally", "--db", db, "--by", "place"], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "cumulative" in table.stdout


def test_contradictions_and_split(tmp_path: Path, stories: dict[str, Story]) -> None:
    db = _db(tmp_path, stories)
    rows = _json(["contradictions", "--db", db, "--format", "json", "--kind", "update"])
    same = [(r["figure_a"], r["figure_b"]) for r in rows if r["rule"] == "same-source-later"]
    assert same == [(21, 23)]
    # the governor's and the BBC's earlier 10, superseded by the emergency service's 23
    other = {(r["figure_a"], r["figure_b"]) for r in rows if r["rule"] == "other-source-later"}
    assert other == {(10, 23)}
    denials = _json(["contradictions", "--db", db, "--format", "json", "--source", "defence"])
    assert any(r["kind"] == "denial" for r in denials)
    assert CliRunner().invoke(main, ["contradictions", "--db", db]).exit_code == 0
    bbc = stories["bbc"].events[0].id
    res = CliRunner().invoke(main, ["reconcile", "--db", db, "--split", bbc, "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["clusters"] == 5
    bad = CliRunner().invoke(main, ["reconcile", "--db", db, "--split", "nope"])
    assert bad.exit_code == 2


def test_commands_have_help() -> None:
    for cmd in ("events", "tally", "contradictions", "reconcile"):
        res = CliRunner().invoke(main, [cmd, "--help"])
        assert res.exit_code == 0 and "--db" in res.stdout


def test_no_database_is_a_clean_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "none.duckdb"),
                                    "--no-reconcile"])  # fmt: skip
    assert res.exit_code == 2 and "no database" in res.output


def test_tally_scope_filter_and_incident_first(tmp_path: Path) -> None:
    from .test_passes import stories_with_running_totals

    db = _db(tmp_path, stories_with_running_totals())
    rows = _json(["tally", "--db", db, "--format", "json", "--kind", "killed"])
    by_cluster: dict[str, list[str]] = {}
    for r in rows:
        by_cluster.setdefault(r["cluster_id"], []).append(r["scope"])
    assert any("cumulative" in s for s in by_cluster.values())
    assert all(s[0] == "incident" for s in by_cluster.values() if "incident" in s)
    only = _json(["tally", "--db", db, "--format", "json", "--scope", "cumulative",
                  "--no-reconcile"])  # fmt: skip
    assert [r["best"] for r in only] == [870]
    table = CliRunner().invoke(main, ["tally", "--db", db, "--scope", "daily"],
                               env={"COLUMNS": "200"})  # fmt: skip
    assert table.exit_code == 0 and "daily" in table.stdout
