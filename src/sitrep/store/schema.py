"""The DuckDB schema, as registered migrations, and how records become rows."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import duckdb

from sitrep.model import Evidence, PlaceRef, to_jsonable

Migration = Callable[[duckdb.DuckDBPyConnection], None]
MIGRATIONS: list[tuple[int, str, Migration]] = []


def migration(version: int, name: str) -> Callable[[Migration], Migration]:
    """Register a schema migration; they run in version order, each once."""

    def deco(fn: Migration) -> Migration:
        MIGRATIONS.append((version, name, fn))
        MIGRATIONS.sort(key=lambda m: m[0])
        return fn

    return deco


_PLACE_COLS = """
    place_name VARCHAR, place_country VARCHAR, place_lat DOUBLE, place_lon DOUBLE,
    place_geonameid BIGINT, place_precision VARCHAR"""
_EVIDENCE_COLS = """
    start INTEGER, "end" INTEGER, evidence VARCHAR"""


@migration(1, "initial tables")
def _initial(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY, url VARCHAR, outlet VARCHAR, outlet_source VARCHAR,
            title VARCHAR, author VARCHAR, published DATE, published_source VARCHAR,
            language VARCHAR, source_path VARCHAR, text VARCHAR, removed JSON,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        )"""
    )
    con.execute(
        """
        CREATE TABLE entities (
            article_id VARCHAR NOT NULL, label VARCHAR, text VARCHAR,
            start INTEGER, "end" INTEGER, extractor VARCHAR
        )"""
    )
    con.execute(
        """
        CREATE TABLE places (
            article_id VARCHAR NOT NULL, text VARCHAR, start INTEGER, "end" INTEGER,
            name VARCHAR, geonameid BIGINT, country VARCHAR, lat DOUBLE, lon DOUBLE,
            precision VARCHAR, resolved BOOLEAN, role VARCHAR, confidence DOUBLE,
            extractor VARCHAR
        )"""
    )
    con.execute(
        """
        CREATE TABLE times (
            article_id VARCHAR NOT NULL, text VARCHAR, start INTEGER, "end" INTEGER,
            value VARCHAR, type VARCHAR, grain VARCHAR, begin DATE, end_date DATE,
            modifier VARCHAR, extractor VARCHAR
        )"""
    )
    con.execute(
        f"""
        CREATE TABLE casualties (
            id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, kind VARCHAR, count BIGINT,
            low BIGINT, high BIGINT, hedge VARCHAR, victims VARCHAR, side VARCHAR,
            cause VARCHAR, perpetrator VARCHAR, {_PLACE_COLS},
            date DATE, period VARCHAR, as_of DATE, scope VARCHAR, source VARCHAR,
            stance VARCHAR, updates VARCHAR, mentions JSON, flags VARCHAR[],
            confidence DOUBLE, extractor VARCHAR, {_EVIDENCE_COLS}
        )"""
    )
    con.execute(
        """
        CREATE TABLE quotes (
            article_id VARCHAR NOT NULL, text VARCHAR, start INTEGER, "end" INTEGER,
            speaker VARCHAR, speaker_start INTEGER, speaker_end INTEGER, speaker_role VARCHAR,
            cue VARCHAR, date DATE, confidence DOUBLE, extractor VARCHAR
        )"""
    )
    con.execute(
        f"""
        CREATE TABLE claims (
            id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, source VARCHAR,
            stance VARCHAR, content VARCHAR, cue VARCHAR, contradicts VARCHAR[],
            confidence DOUBLE, extractor VARCHAR, {_EVIDENCE_COLS}
        )"""
    )
    con.execute(
        f"""
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, event_type VARCHAR,
            sub_event_type VARCHAR, plover VARCHAR, mode VARCHAR, context VARCHAR,
            actor1 VARCHAR, actor1_kind VARCHAR, actor2 VARCHAR, actor2_kind VARCHAR,
            target VARCHAR, {_PLACE_COLS}, date DATE, period VARCHAR, fatalities BIGINT,
            casualty_ids VARCHAR[], flags VARCHAR[], confidence DOUBLE, extractor VARCHAR,
            {_EVIDENCE_COLS}
        )"""
    )
    con.execute(
        """
        CREATE TABLE failures (
            source VARCHAR NOT NULL, code VARCHAR, reason VARCHAR,
            failed_at TIMESTAMP DEFAULT current_timestamp, PRIMARY KEY (source, code)
        )"""
    )
    for table in ("entities", "places", "times", "quotes"):
        con.execute(f"CREATE INDEX idx_{table}_article ON {table}(article_id)")


@migration(2, "places: the candidate readings of unresolved mentions")
def _place_candidates(con: duckdb.DuckDBPyConnection) -> None:
    # A database created before gains the column; its older rows read as no candidates.
    con.execute("ALTER TABLE places ADD COLUMN IF NOT EXISTS candidates JSON")


ITEM_TABLES = ("entities", "places", "times", "casualties", "quotes", "claims", "events")
ALL_TABLES = ("articles", *ITEM_TABLES, "failures")


def flatten(item: object, *, article_id: str | None = None) -> dict[str, Any]:
    """One extracted item (a frozen dataclass) as a row: spans and places spread into columns."""
    assert dataclasses.is_dataclass(item)
    row: dict[str, Any] = {}
    if article_id is not None:
        row["article_id"] = article_id
    for f in dataclasses.fields(item):
        v = getattr(item, f.name)
        if isinstance(v, Evidence):
            row["start"], row["end"], row["evidence"] = v.start, v.end, v.text
        elif f.name == "place" and (v is None or isinstance(v, PlaceRef)):
            row["place_name"] = v.name if v else None
            row["place_country"] = v.country if v else None
            row["place_lat"] = v.lat if v else None
            row["place_lon"] = v.lon if v else None
            row["place_geonameid"] = v.geonameid if v else None
            row["place_precision"] = v.precision if v else None
        elif f.name in ("mentions", "removed", "candidates"):
            row[f.name] = json.dumps(to_jsonable(v))
        elif isinstance(v, tuple):
            row[f.name] = list(v)
        elif isinstance(v, dt.date | str | int | float | bool) or v is None:
            row[f.name] = v
        else:
            row[f.name] = json.dumps(to_jsonable(v))
    return row
