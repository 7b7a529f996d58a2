"""What the server does after a write: reconcile in the background, refresh the read snapshot.

A write (``POST /api/articles``, ``sitrep watch``) stores its records under the write lock,
bumps :attr:`Changes.version` and wakes the :class:`Maintainer`. The maintainer runs outside
the request, on its own cursor (DuckDB's MVCC lets it read and rewrite the reconciler's tables
while writers append articles), so a write never waits for reconciliation and its latency does
not grow with the database. It then checkpoints and copies the read snapshot for other
processes (:mod:`sitrep.store.access`). Several writes in a burst are folded into one pass.
Reconciliation is incremental (``reconcile_incremental``): a pass places the new articles
and rewrites only the clusters and incidents they can join, so its cost follows the articles
written, not the size of the database (a full pass only when the reconciler's VERSION or
index changed, or a split did).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger("sitrep.api")


@dataclass(slots=True)
class Changes:
    """A version that grows with every change, and the articles each change added."""

    version: int = 0
    recent: deque[tuple[int, str]] = field(default_factory=lambda: deque(maxlen=1000))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def bump(self, article_ids: list[str] | tuple[str, ...] = ()) -> int:
        with self.lock:
            self.version += 1
            for a in article_ids:
                self.recent.append((self.version, a))
            return self.version

    def since(self, version: int) -> dict[str, object]:
        """What changed after ``version``: the current version and the new articles' ids."""
        with self.lock:
            oldest = self.recent[0][0] if self.recent else self.version + 1
            ids = [a for v, a in self.recent if v > version]
            return {
                "version": self.version,
                "changed": self.version > version,
                "articles": ids,
                "complete": version >= oldest - 1 or version >= self.version,
            }


class Maintainer:
    """A daemon thread that reconciles new articles and refreshes the snapshot after writes.

    Args:
        reconcile: brings the reconciler's tables up to date with the given new article ids
            (``None``: all of them); runs without the write lock.
        snapshot: writes the read snapshot; called with the write lock held, or ``None``.
        write_lock: the lock every writer holds.
        delay: seconds to wait after a write for more writes to fold into one pass.
        min_gap: seconds between the end of one pass and the start of the next: a pass
            competes with requests for the CPU (and Python's lock), so under a stream of
            writes it runs at most this often and tallies lag by up to this much.
    """

    def __init__(
        self,
        *,
        reconcile: Callable[[list[str] | None], None] | None,
        snapshot: Callable[[], None] | None,
        write_lock: threading.Lock,
        on_done: Callable[[], object] | None = None,
        delay: float = 0.2,
        min_gap: float = 10.0,
    ) -> None:
        self._reconcile, self._snapshot = reconcile, snapshot
        self._write_lock, self._on_done, self.delay = write_lock, on_done, delay
        self.min_gap = min_gap
        self._last_end = -float("inf")
        self._pending: list[str] = []
        self._full = False
        self._dirty = False
        self._cond = threading.Condition()
        self._stop = False
        self._busy = False
        self._thread = threading.Thread(target=self._run, name="sitrep-maintainer", daemon=True)
        self._thread.start()

    def changed(self, article_ids: list[str] | None = None) -> None:
        """Note a change: new articles (or ``None`` for anything else) to fold in."""
        with self._cond:
            if article_ids is None:
                self._full = True
            else:
                self._pending.extend(article_ids)
            self._dirty = True
            self._cond.notify_all()

    def idle(self, timeout: float = 60.0) -> bool:
        """Wait until every noted change is reconciled and snapshotted; whether it was."""
        end = time.monotonic() + timeout
        with self._cond:
            while self._dirty or self._busy:
                left = end - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._dirty and not self._stop:
                    self._cond.wait()
                if self._stop:
                    return
            wait = max(self.delay, self._last_end + self.min_gap - time.monotonic())
            with self._cond:  # fold a burst of writes into one pass; stop() cuts it short
                if self._cond.wait_for(lambda: self._stop, timeout=wait):
                    return
            with self._cond:
                ids, full = list(self._pending), self._full
                self._pending.clear()
                self._full = False
                self._dirty = False
                self._busy = True
            try:
                self._pass(None if full else ids)
            finally:
                self._last_end = time.monotonic()
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()

    def _pass(self, ids: list[str] | None) -> None:
        if self._reconcile is not None:
            try:
                self._reconcile(ids)
            except Exception:  # a reconciler bug must not stop the server
                log.exception("reconcile failed; tallies may be stale")
        if self._snapshot is not None:
            try:
                with self._write_lock:
                    self._snapshot()
            except Exception:
                log.exception("writing the read snapshot failed")
        if self._on_done is not None:
            self._on_done()


__all__ = ["Changes", "Maintainer"]
