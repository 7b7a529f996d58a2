"""What the server holds: its settings, the store, the write lock, and what follows a write.

:class:`Backend` owns the database's one read-write connection: requests read through cursors
of it, writes go through :meth:`Backend.write` under one lock, and the background
:class:`~sitrep.api.live.Maintainer` reconciles and refreshes the read snapshot afterwards.
Listing pages are cached per database version (:meth:`Backend.json_page`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import duckdb
from fastapi.responses import Response

from sitrep.api.live import Changes, Maintainer
from sitrep.store import Store

log = logging.getLogger("sitrep.api")

MAX_BODY = 2 * 1024 * 1024
MAX_CHARS = 100_000
"""The longest article text or page the API parses (a news article is rarely 30,000)."""


@dataclass(frozen=True, slots=True)
class Settings:
    """How the server runs.

    Attributes:
        db: the DuckDB file (created when missing unless ``read_only``).
        token: the bearer token that ``POST /api/articles`` requires; ``None`` refuses all
            writes. Defaults to ``$SITREP_TOKEN``.
        max_body: the largest request body accepted, in bytes.
        read_only: open the database read-only (another process may then write it).
        reconcile: bring the reconciler's tallies and contradictions up to date at start and
            after each ingest, in the background (when the database is writable and
            ``sitrep.reconcile`` exists).
        max_chars: the longest article text (or page) ``POST /api/articles`` parses (413).
        snapshot: after each change, checkpoint and copy ``<db>.snapshot`` for readers in
            other processes (``sitrep serve`` turns it on).
    """

    db: str
    token: str | None = None
    max_body: int = MAX_BODY
    read_only: bool = False
    reconcile: bool = True
    max_chars: int = MAX_CHARS
    snapshot: bool = False

    @classmethod
    def from_env(cls, db: str, **kw: Any) -> Settings:
        """Settings with the token taken from ``$SITREP_TOKEN`` unless given."""
        kw.setdefault("token", os.environ.get("SITREP_TOKEN") or None)
        return cls(db=db, **kw)


class Backend:
    """The store this server holds, cursors for reads, one lock for writes, and what follows
    a write (background reconciliation, the read snapshot, a version for pollers)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store = Store(settings.db, read_only=settings.read_only)
        self._cursor_lock = threading.Lock()
        self.write_lock = threading.Lock()
        self.changes = Changes()
        self._cache: dict[tuple[Any, ...], Any] = {}
        self._cache_lock = threading.Lock()
        self._computing: dict[tuple[Any, ...], threading.Lock] = {}
        self._cache_version = -1
        self.maintainer: Maintainer | None = None
        if not settings.read_only:
            self.maintainer = Maintainer(
                reconcile=self._reconcile_in_background if settings.reconcile else None,
                snapshot=self._snapshot if settings.snapshot else None,
                write_lock=self.write_lock,
                on_done=lambda: self.changes.bump(),
            )

    def reconcile(self) -> None:
        """Refresh the reconciler's tables if they are stale; the fallback serves otherwise."""
        if self.settings.read_only or not self.settings.reconcile:
            return
        try:
            from sitrep.reconcile import ensure_reconciled
        except ImportError:  # pragma: no cover - the reconciler is optional here
            return
        with self.write_lock:
            try:
                ensure_reconciled(self.store)
            except Exception:  # a reconciler bug must not take the API down
                log.exception("reconcile failed; tallies fall back to simple grouping")
        self.changes.bump()
        if self.maintainer is not None and self.settings.snapshot:
            self.maintainer.changed([])

    def _reconcile_in_background(self, article_ids: list[str] | None) -> None:
        """Place the new articles incrementally (a full pass when the reconciler's index is
        missing or of another version, or a split changed)."""
        from sitrep.reconcile import reconcile_incremental

        cur = self.cursor()
        try:
            reconcile_incremental(Store.over(cur, self.store.path))
        finally:
            cur.close()

    def _snapshot(self) -> None:
        from sitrep.store.access import write_snapshot

        write_snapshot(self.store.con, self.store.path)

    def write(self, records: list[Any]) -> int:
        """Store records under the write lock; the rest (reconcile, snapshot) follows later."""
        with self.write_lock:
            written = self.store.write(records)
        if written:
            ids = [r.article.id for r in records]
            self.changes.bump(ids)
            if self.maintainer is not None:
                self.maintainer.changed(ids)
        return written

    def cached(self, key: tuple[Any, ...], compute: Any) -> Any:
        """``compute()`` once per database version and key (tallies, contradictions).

        Concurrent requests for the same key wait for the one computing it, rather than all
        computing it at once after a change.
        """
        full = (self.changes.version, *key)
        with self._cache_lock:
            if full in self._cache:
                return self._cache[full]
            gate = self._computing.setdefault(full, threading.Lock())
        with gate:
            with self._cache_lock:
                if full in self._cache:
                    return self._cache[full]
            value = compute()
            with self._cache_lock:
                if len(self._cache) >= 512 or self._cache_version != full[0]:
                    self._cache.clear()  # a new version makes every older entry useless
                    self._cache_version = full[0]
                self._cache[full] = value
                self._computing.pop(full, None)
        return value

    def json_page(self, key: tuple[Any, ...], compute: Callable[[], dict[str, Any]]) -> Response:
        """A listing's JSON, encoded once per database version, filters and page.

        Every change goes through this process and moves the version, so a cached page is
        never stale; a dashboard's repeated polls then cost a dictionary lookup.
        """
        body: bytes = self.cached(key, lambda: _encode(compute()))
        return Response(content=body, media_type="application/json")

    def cursor(self) -> duckdb.DuckDBPyConnection:
        with self._cursor_lock:
            return self.store.con.cursor()

    def close(self) -> None:
        if self.maintainer is not None:
            self.maintainer.stop()
        self.store.close()


def _encode(data: Any) -> bytes:
    try:
        text = json.dumps(
            data, ensure_ascii=False, allow_nan=False, separators=(",", ":"), default=_jsonable
        )
    except ValueError:  # a NaN or infinity somewhere: JSON has no such number
        text = json.dumps(
            _finite(data), ensure_ascii=False, separators=(",", ":"), default=_jsonable
        )
    return text.encode("utf-8")


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    return str(value)
