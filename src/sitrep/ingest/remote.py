"""Ingest through a running server: the writer path for other processes.

While ``sitrep serve`` holds the database (DuckDB allows one read-write process), ``sitrep
ingest`` and ``sitrep watch`` read their inputs as usual and send each document to the
server's ``POST /api/articles`` with ``$SITREP_TOKEN``; the server extracts and stores it. An
article already stored answers 200 (its id is the hash of its text), a new one 201.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sitrep.errors import StoreError
from sitrep.ingest.document import RawDoc
from sitrep.ingest.failure import Failure
from sitrep.ingest.html import looks_like_html
from sitrep.ingest.job import IngestResult, doc_key

TIMEOUT = 300.0


@dataclass(frozen=True, slots=True)
class Server:
    """A running sitrep server and the token to write to it."""

    url: str
    token: str

    @classmethod
    def for_db(cls, db: str | None) -> Server | None:
        """The server holding ``db``, if one runs; raises when it does but no token is set."""
        from sitrep.store.access import find_server

        info = find_server(db)
        if info is None:
            return None
        token = os.environ.get("SITREP_TOKEN")
        if not token:
            raise StoreError(
                f"the database is held by `sitrep serve` at {info['url']}; set SITREP_TOKEN to "
                "its token so that documents can be sent to it, or stop the server"
            )
        return cls(str(info["url"]).rstrip("/"), token)

    def post(self, raw: RawDoc) -> tuple[int, dict[str, object]]:
        """Send one document; the HTTP status and the JSON answer."""
        is_html = raw.is_html if raw.is_html is not None else looks_like_html(raw.content)
        body: dict[str, object] = {"html" if is_html else "text": raw.content}
        for key in ("url", "outlet", "title"):
            if getattr(raw, key):
                body[key] = getattr(raw, key)
        if raw.published:
            body["published"] = raw.published.isoformat()
        req = urllib.request.Request(
            f"{self.url}/api/articles",
            data=json.dumps(body).encode(),
            method="POST",
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.token}"},
        )
        try:
            with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:
                return int(resp.status), json.loads(resp.read() or b"{}")
        except urllib.error.HTTPError as exc:
            try:
                answer = json.loads(exc.read() or b"{}")
            except ValueError:
                answer = {}
            return int(exc.code), answer
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"cannot reach the server at {self.url} ({exc})") from exc


def send(
    items: Iterable[RawDoc | Failure],
    server: Server,
    *,
    published: dt.date | None = None,
    outlet: str | None = None,
    seen: set[str] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> IngestResult:
    """Send every document to the server; documents whose key is in ``seen`` are skipped.

    Returns:
        What was read, written (new articles), skipped (already stored or seen) and failed.
    """
    from dataclasses import replace

    result = IngestResult()
    for item in items:
        result.read += 1
        if isinstance(item, Failure):
            result.failed += 1
            result.failures.append(item)
        else:
            key = doc_key(item)
            if seen is not None and key in seen:
                result.skipped += 1
            else:
                raw = replace(
                    item, published=item.published or published, outlet=item.outlet or outlet
                )
                status, answer = server.post(raw)
                if status == 201:
                    result.written += 1
                elif status == 200:
                    result.skipped += 1
                else:
                    err = answer.get("error") if isinstance(answer, dict) else None
                    err = err if isinstance(err, dict) else {}
                    result.failed += 1
                    result.failures.append(
                        Failure(
                            item.source,
                            str(err.get("code") or f"HTTP {status}"),
                            str(err.get("message") or "the server refused the document"),
                        )
                    )
                if seen is not None and status < 500:
                    seen.add(key)
        if on_progress:
            on_progress(1)
    return result


def ingest_or_send(
    paths: Iterable[str],
    *,
    db: str | None,
    published: dt.date | None,
    outlet: str | None,
    die: Callable[[StoreError], object],
    log: Callable[[str], object],
) -> bool:
    """For ``sitrep ingest``: when a server holds ``db``, send the documents to it and report.

    Returns:
        Whether a server took the documents (``False``: ingest into ``db`` as usual).
    """
    from sitrep.ingest import iter_raw

    try:
        server = Server.for_db(db)
        if server is None:
            return False
        log(f"the database is held by `sitrep serve`: sending the documents to {server.url}")
        result = send(iter_raw(paths), server, published=published, outlet=outlet)
    except StoreError as exc:
        die(exc)
        return True
    for f in result.failures[:MAX_SHOWN]:
        log(f"[yellow]skipped[/yellow] {f.source}: {f.reason} [dim]({f.code})[/dim]")
    log(
        f"{result.read} read, {result.written} new articles, {result.skipped} already stored, "
        f"{result.failed} failed -> {server.url}"
    )
    if result.read and result.failed == result.read:
        raise SystemExit(1)
    return True


MAX_SHOWN = 50

__all__ = ["Server", "ingest_or_send", "send"]
