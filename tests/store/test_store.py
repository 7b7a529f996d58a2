from __future__ import annotations

import datetime as dt
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
