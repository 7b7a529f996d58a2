"""One writer, many readers across processes: who may open the database, and how.

DuckDB lets one process open a database file read-write, or many processes open it read-only,
never both at once (https://duckdb.org/docs/current/connect/concurrency). ``sitrep serve``
is the one writer while it runs: it holds the file, writes through one lock and, after every
change, checkpoints and copies a consistent read snapshot to ``<db>.snapshot``. It also
announces itself in ``<db>.server.json`` (address and process id).

Other processes then:

* read (``stats``, ``report``, ``export``, ``events``, ``tally``, ``contradictions``): open the
  database read-only when they can, else the server's snapshot, read-only
  (:func:`open_for_read`); the snapshot lags the server by at most a few seconds;
* write (``ingest``, ``watch``): own the database when they can, else send each document to
  the server's ``POST /api/articles`` (:func:`find_server`).
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from sitrep.errors import StoreError
from sitrep.store import Store, default_db


def snapshot_path(db: str) -> str:
    """Where the server keeps its read snapshot of ``db``."""
    return f"{db}.snapshot"


def server_file(db: str) -> str:
    """Where a running server announces its address for ``db``."""
    return f"{db}.server.json"


def is_locked(exc: BaseException) -> bool:
    """Whether opening failed because another process holds the database."""
    text = str(exc.__cause__ or exc).lower()
    return "lock" in text or "conflicting" in text


def open_for_read(
    db: str | None, *, note: Callable[[str], None] | None = None, allow_snapshot: bool = True
) -> Store:
    """The database read-only, or the running server's snapshot of it when the server holds it.

    Raises:
        StoreError: the database cannot be opened and no snapshot exists.
    """
    path = db or default_db()
    try:
        return Store(path, read_only=True)
    except StoreError as exc:
        snap = snapshot_path(path)
        if not allow_snapshot or not is_locked(exc) or not Path(snap).exists():
            raise
        if note:
            note(f"{path} is held by a running `sitrep serve`; reading its snapshot {snap}")
        store = Store(snap, read_only=True)
        store.path = path
        return store


def write_snapshot(con: duckdb.DuckDBPyConnection, db: str) -> str:
    """Checkpoint ``db`` and copy it to its snapshot path, atomically.

    The caller must hold the write lock: with no write in flight, the checkpointed file is
    complete and consistent, and readers that already opened the previous snapshot keep it.
    The copy runs in a child process: DuckDB's lock on the file is a POSIX record lock, which
    this process would drop by opening and closing the file itself, letting another process
    open the database read-write under the server.
    """
    con.execute("CHECKPOINT")
    snap = snapshot_path(db)
    tmp = f"{snap}.tmp-{os.getpid()}"
    done = subprocess.run(["cp", "--", db, tmp], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise StoreError(f"cannot copy {db} to {tmp}: {done.stderr.strip()}")
    os.replace(tmp, snap)
    return snap


def announce(db: str, url: str) -> None:
    """Record that this process serves ``db`` at ``url``."""
    tmp = f"{server_file(db)}.tmp-{os.getpid()}"
    Path(tmp).write_text(json.dumps({"url": url, "pid": os.getpid(), "db": db}))
    os.replace(tmp, server_file(db))


def withdraw(db: str) -> None:
    """Remove this process's announcement and snapshot (at shutdown)."""
    for path in (server_file(db), snapshot_path(db)):
        try:
            if path == server_file(db) and find_server(db, check_pid=False) is not None:
                info = json.loads(Path(path).read_text())
                if info.get("pid") != os.getpid():
                    continue
            os.remove(path)
        except (OSError, ValueError):
            pass


def find_server(db: str | None, *, check_pid: bool = True) -> dict[str, Any] | None:
    """The running server that holds ``db`` (``{"url", "pid"}``), or ``None``."""
    path = server_file(db or default_db())
    try:
        info = json.loads(Path(path).read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(info, dict) or not isinstance(info.get("url"), str):
        return None
    if check_pid:
        try:
            pid = int(info.get("pid") or 0)
            if pid <= 0:
                return None
            os.kill(pid, 0)
        except (OSError, ValueError):
            return None
    return info


__all__ = [
    "announce",
    "find_server",
    "is_locked",
    "open_for_read",
    "server_file",
    "snapshot_path",
    "withdraw",
    "write_snapshot",
]
