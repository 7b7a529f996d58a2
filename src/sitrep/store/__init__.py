"""The embedded DuckDB store: one writer, content-hash keys, idempotent inserts."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from sitrep.errors import StoreError
from sitrep.model import Record
from sitrep.store.schema import ALL_TABLES, ITEM_TABLES, MIGRATIONS, flatten

DEFAULT_DB = "sitrep.duckdb"


def _load_migration_modules() -> None:
    """Import every ``sitrep.store.migrations_*`` module so its migrations register."""
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("migrations_"):
            importlib.import_module(f"{__name__}.{info.name}")


_load_migration_modules()


def default_db() -> str:
    """The database path: ``$SITREP_DB`` or ``sitrep.duckdb`` in the working directory."""
    return os.environ.get("SITREP_DB") or DEFAULT_DB


class Store:
    """A sitrep database. Writes go through :meth:`write`, which skips known articles."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = str(path or default_db())
        try:
            if read_only and not Path(self.path).exists() and self.path != ":memory:":
                raise StoreError(
                    f"no database at {self.path}; create one with `sitrep ingest PATH --db {self.path}`"
                )
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot open the database {self.path} ({exc}); is another sitrep process writing it?"
            ) from exc
        if not read_only:
            self.migrate()

    @classmethod
    def over(cls, con: duckdb.DuckDBPyConnection, path: str) -> Store:
        """A Store over an open connection or cursor (another thread's view of one database)."""
        store = cls.__new__(cls)
        store.path, store.con = path, con
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- schema --------------------------------------------------------------------------
    def migrate(self) -> None:
        """Apply the registered migrations that this database has not seen."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR)"
        )
        done = {r[0] for r in self.con.execute("SELECT version FROM schema_migrations").fetchall()}
        for version, name, fn in MIGRATIONS:
            if version in done:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                fn(self.con)
                self.con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [version, name])
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise

    # -- writing -------------------------------------------------------------------------
    def known_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of these article ids are stored already."""
        if not ids:
            return set()
        rows = self.con.execute(
            "SELECT id FROM articles WHERE list_contains(?, id)", [list(ids)]
        ).fetchall()
        return {r[0] for r in rows}

    def write(self, records: Iterable[Record]) -> int:
        """Store records in one transaction; articles already stored are skipped.

        Returns:
            How many new articles were written.
        """
        batch = list(records)
        known = self.known_ids([r.article.id for r in batch])
        rows: dict[str, list[dict[str, Any]]] = {t: [] for t in ("articles", *ITEM_TABLES)}
        seen: set[str] = set()
        for rec in batch:
            aid = rec.article.id
            if aid in known or aid in seen:
                continue
            seen.add(aid)
            rows["articles"].append(flatten(rec.article))
            for table in ITEM_TABLES:
                for item in getattr(rec, table):
                    rows[table].append(flatten(item, article_id=aid))
        if not seen:
            return 0
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, trows in rows.items():
                self._insert(table, trows)
            self.con.execute(
                "DELETE FROM failures WHERE source IN "
                "(SELECT source_path FROM articles WHERE list_contains(?, id))",
                [list(seen)],
            )
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return len(seen)

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        cols = list(rows[0])
        if table == "articles":
            cols = [c for c in cols if c != "removed"] + ["removed"]
        collist = ", ".join(f'"{c}"' for c in cols)
        one = "(" + ", ".join("?" for _ in cols) + ")"
        conflict = (
            " ON CONFLICT DO NOTHING"
            if table in ("articles", "casualties", "claims", "events")
            else ""
        )
        # Multi-row VALUES: DuckDB's executemany runs one statement per row, ~6x slower.
        step = max(1, 2000 // len(cols))
        for i in range(0, len(rows), step):
            chunk = rows[i : i + step]
            self.con.execute(
                f"INSERT INTO {table} ({collist}) VALUES {', '.join([one] * len(chunk))}{conflict}",
                [r.get(c) for r in chunk for c in cols],
            )

    def record_failure(self, source: str, code: str, reason: str) -> None:
        """Record (or refresh) why an input could not be read."""
        self.con.execute(
            "INSERT INTO failures (source, code, reason) VALUES (?, ?, ?) "
            "ON CONFLICT (source, code) DO UPDATE SET reason = excluded.reason, failed_at = now()",
            [source, code, reason],
        )

    # -- reading -------------------------------------------------------------------------
    def stats(self) -> dict[str, int]:
        """Row count of every table: the core ones first, then those migrations added."""
        names = [
            r[0]
            for r in self.con.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name"
            ).fetchall()
        ]
        ordered = [t for t in ALL_TABLES if t in names]
        ordered += [t for t in names if t not in ordered and t != "schema_migrations"]
        out: dict[str, int] = {}
        for t in ordered:
            row = self.con.execute(f'SELECT count(*) FROM "{t}"').fetchone()
            out[t] = int(row[0]) if row else 0
        return out

    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Run a parameterized query and return rows as dicts."""
        cur = self.con.execute(sql, list(params or []))
        names = [d[0] for d in cur.description or []]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


__all__ = ["DEFAULT_DB", "Store", "default_db"]
