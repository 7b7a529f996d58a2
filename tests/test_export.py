"""Exports of claims and events: CSV, JSON lines, Parquet, GeoJSON and ACLED-style CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import duckdb
import pytest
from click.testing import CliRunner

from sitrep.api.queries import Filters
from sitrep.cli import main
from sitrep.export import ACLED_COLUMNS, ExportError, export
from sitrep.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, hand_records: ModuleType) -> Path:
    path: Path = hand_records.build_db(tmp_path_factory.mktemp("export") / "x.duckdb")
    return path


@pytest.fixture
def con(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with Store(db, read_only=True) as s:
        yield s.con


def _text(con: duckdb.DuckDBPyConnection, **kw: object) -> str:
    buf = io.StringIO()
    export(con, stream=buf, **kw)  # type: ignore[arg-type]
    return buf.getvalue()


def test_csv_claims(con: duckdb.DuckDBPyConnection) -> None:
    rows = list(csv.DictReader(io.StringIO(_text(con, fmt="csv", what="claims"))))
    assert len(rows) == 4
    kh = next(r for r in rows if r["outlet"] == "Lviv Daily")
    assert (kh["count"], kh["hedge"], kh["place_name"], kh["day"]) == (
        "40",
        "at least",
        "Kharkiv",
        "2022-03-01",
    )
    assert kh["high"] == ""  # open-ended


def test_jsonl_events_keep_types(con: duckdb.DuckDBPyConnection) -> None:
    lines = _text(con, fmt="jsonl", what="events").splitlines()
    events = [json.loads(x) for x in lines]
    assert len(events) == 3
    assert events[0]["casualty_ids"] and isinstance(events[0]["casualty_ids"], list)
    assert events[0]["fatalities"] == 21 and events[0]["place_lat"] == 49.98


def test_geojson(con: duckdb.DuckDBPyConnection) -> None:
    fc = json.loads(_text(con, fmt="geojson", what="claims", filters=Filters(place="Goma")))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    f = fc["features"][0]
    assert f["geometry"] == {"type": "Point", "coordinates": [29.22, -1.68]}  # lon, lat
    assert f["properties"]["place_name"] == "Goma" and "place_lat" not in f["properties"]


def test_parquet_written_by_duckdb(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    out = tmp_path / "it's.parquet"  # a quote in the path is not SQL
    assert export(con, fmt="parquet", what="events", out=out) == 3
    got = duckdb.sql(
        f"SELECT event_type, fatalities FROM read_parquet('{str(out).replace(chr(39), chr(39) * 2)}') ORDER BY fatalities"
    ).fetchall()
    assert got == [
        ("Battles", 3),
        ("Explosions/Remote violence", 21),
        ("Explosions/Remote violence", 40),
    ]
    with pytest.raises(ExportError, match="--out"):
        export(con, fmt="parquet", what="events")


def test_acled_columns_and_values(con: duckdb.DuckDBPyConnection) -> None:
    reader = csv.DictReader(io.StringIO(_text(con, fmt="acled", what="events")))
    assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
    rows = list(reader)
    goma = next(r for r in rows if r["location"] == "Goma")
    assert goma["event_type"] == "Battles" and goma["disorder_type"] == "Political violence"
    assert goma["country"] == "DR Congo" or "Congo" in goma["country"]
    assert (goma["iso"], goma["region"]) == ("180", "Africa")
    assert (goma["inter1"], goma["inter2"], goma["interaction"]) == ("2", "1", "12")
    assert goma["event_date"] == "2023-01-02" and goma["time_precision"] == "2"
    assert goma["event_id_cnty"].startswith("COD")
    kh = next(r for r in rows if r["fatalities"] == "21")
    assert (kh["latitude"], kh["longitude"], kh["geo_precision"]) == ("49.98", "36.25", "1")
    assert kh["source"] == "Kyiv Wire" and kh["notes"].startswith("Shelling killed 21")
    assert kh["year"] == "2022" and kh["time_precision"] == "1"
    with pytest.raises(ExportError, match="events"):
        export(con, fmt="acled", what="claims", stream=io.StringIO())


def test_acled_csv_reads_like_acleds_own(con: duckdb.DuckDBPyConnection, data_dir: Path) -> None:
    """Every column of the ACLED sample in tests/data is in our header (tools read by name)."""
    sample = data_dir / "acled_sample.csv"
    if not sample.exists():
        pytest.skip("tests/data/acled_sample.csv is not here")
    with sample.open(encoding="utf-8") as fh:
        theirs = next(csv.reader(fh))
    assert set(theirs) <= set(ACLED_COLUMNS), set(theirs) - set(ACLED_COLUMNS)
    ours = next(csv.DictReader(io.StringIO(_text(con, fmt="acled", what="events"))))
    assert all(ours[c] != "" for c in theirs if c not in ("actor2",)), ours


def test_cli_export(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(main, ["export", "--db", str(db), "--format", "jsonl", "--place", "Kharkiv"])
    assert r.exit_code == 0, r.output
    assert len(r.output.splitlines()) == 2
    out = tmp_path / "e.csv"
    r = runner.invoke(main, ["export", "--db", str(db), "--format", "acled", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").startswith("event_id_cnty,event_date,year,")
    r = runner.invoke(main, ["export", "--db", str(db), "--format", "parquet"])
    assert r.exit_code == 2 and "--out" in r.output
