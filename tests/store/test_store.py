from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sitrep.model import Article, CasualtyClaim, Evidence, PlaceRef, Record, content_id
from sitrep.store import Store


def _record(text: str) -> Record:
    aid = content_id(text)
    art = Article(id=aid, text=text, outlet="Test Wire", published=dt.date(2023, 1, 2))
    claim = CasualtyClaim(
        id=content_id(aid, "killed"),
        kind="killed",
        count=3,
        low=3,
        high=3,
        hedge=None,
        evidence=Evidence(0, 10, text[:10]),
        place=PlaceRef(name="Goma", country="CD", lat=-1.68, lon=29.22),
        flags=("historical",),
    )
    return Record(article=art, casualties=[claim])


def test_write_is_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with Store(db) as s:
        assert s.write([_record("one article text"), _record("another article text")]) == 2
        assert s.write([_record("one article text")]) == 0
        counts = s.stats()
    assert counts["articles"] == 2
    assert counts["casualties"] == 2


def test_rows_round_trip(tmp_path: Path) -> None:
    with Store(tmp_path / "t.duckdb") as s:
        s.write([_record("some text about Goma")])
        row = s.query("SELECT kind, count, place_name, place_lat, flags, evidence FROM casualties")[
            0
        ]
    assert row == {
        "kind": "killed",
        "count": 3,
        "place_name": "Goma",
        "place_lat": -1.68,
        "flags": ["historical"],
        "evidence": "some text ",
    }


def test_failures_recorded_once(tmp_path: Path) -> None:
    with Store(tmp_path / "t.duckdb") as s:
        s.record_failure("a.txt", "E101", "empty")
        s.record_failure("a.txt", "E101", "empty")
        assert s.stats()["failures"] == 1


def test_migrations_run_once(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    Store(db).close()
    with Store(db) as s:
        assert s.query("SELECT count(*) AS n FROM schema_migrations")[0]["n"] >= 1


def test_unresolved_place_keeps_its_candidates(tmp_path: Path) -> None:
    from sitrep.model import Place, PlaceCandidate

    text = "Shelling hit Ostrovets overnight."
    aid = content_id(text)
    cands = (
        PlaceCandidate("Ostrovets", 1, "UA", "05", 48.1, 37.2, "city", "PPL", 0.55),
        PlaceCandidate("Ostrovets", 2, "UA", "19", 50.3, 30.1, "city", "PPL", 0.45),
    )
    rec = Record(
        article=Article(id=aid, text=text),
        places=[Place("Ostrovets", 13, 22, confidence=0.3, candidates=cands)],
    )
    with Store(tmp_path / "t.duckdb") as s:
        s.write([rec])
        row = s.query("SELECT resolved, candidates FROM places")[0]
    assert row["resolved"] is False
    got = json.loads(row["candidates"])
    assert [c["admin1"] for c in got] == ["05", "19"]
    assert got[0]["score"] == 0.55 and got[0]["feature"] == "PPL"


def test_database_from_before_candidates_gains_the_column(tmp_path: Path) -> None:
    import duckdb

    from sitrep.store.schema import MIGRATIONS

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR)")
    for version, name, fn in MIGRATIONS:
        if version != 2:  # everything an older sitrep had, without the candidates column
            fn(con)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [version, name])
    con.execute("INSERT INTO places (article_id, text, resolved) VALUES ('a1', 'Somewhere', false)")
    con.close()
    with Store(db) as s:
        cols = {r["column_name"] for r in s.query(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'places'")}  # fmt: skip
        old = s.query("SELECT text, candidates FROM places")
    assert "candidates" in cols
    assert old == [{"text": "Somewhere", "candidates": None}]


def test_tallies_are_keyed_by_scope_after_migration(tmp_path: Path) -> None:
    """Migration 14: one cluster holds a tally of each extent for one kind and rule; rows
    stored before it keep their scope (incident when none)."""
    import duckdb

    import sitrep.store.migrations_reconcile  # noqa: F401  (registers its migrations)
    from sitrep.store.schema import MIGRATIONS

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR)")
    for version, name, fn in MIGRATIONS:
        if version < 14:
            fn(con)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [version, name])
    con.execute("INSERT INTO tallies (cluster_id, kind, scope, rule) VALUES ('c', 'killed', "
                "NULL, 'conservative')")  # fmt: skip
    con.close()
    with Store(db) as s:
        assert s.query("SELECT scope FROM tallies") == [{"scope": "incident"}]
        s.con.execute("INSERT INTO tallies (cluster_id, kind, scope, rule) VALUES "
                      "('c', 'killed', 'cumulative', 'conservative')")  # fmt: skip
        assert s.query("SELECT count(*) AS n FROM tallies")[0]["n"] == 2
