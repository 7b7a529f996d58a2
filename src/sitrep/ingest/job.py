"""The ingest job: inputs -> articles -> records -> store, in bounded batches.

The parent reads the inputs (cheap, streamed), skips documents that a previous run already
stored, and hands batches of raw documents to an executor: in this process, in worker processes
or on Dask, where each batch is cleaned, parsed and extracted by :func:`analyze_raws`. The
parent is the one writer: each batch's records are written in one transaction, then its
documents are marked done. A bad input becomes a recorded failure and costs no other document.

Resuming is safe at any point, even after ``kill -9``: a batch is either stored or not, marking
documents done and recording failures are idempotent, and articles are keyed by content hash,
so an interrupted run started again ends with the same rows as an uninterrupted one.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from sitrep.errors import InputError
from sitrep.ingest import Failure, iter_raw
from sitrep.ingest.document import RawDoc, to_article
from sitrep.ingest.warc import CrawledDoc
from sitrep.model import Article, Record, content_id
from sitrep.scale.executors import Executor, InlineExecutor
from sitrep.store import Store

log = logging.getLogger(__name__)

KILL_AFTER_ENV = "SITREP_INGEST_KILL_AFTER"
"""Tests only: SIGKILL the ingest process right after this many batches are committed."""
MAX_KEPT_FAILURES = 1000
"""Failures kept in :class:`IngestResult` (all of them are in the failures table)."""


@dataclass(slots=True)
class IngestResult:
    """What one ingest run did."""

    read: int = 0
    written: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What a worker returns for one batch: records, failures and the documents it settled."""

    records: list[Record]
    failures: list[Failure]
    done: list[tuple[str, str, str]]  # (doc_key, source, article_id)
    size: int  # documents in the batch


def doc_key(raw: RawDoc) -> str:
    """A raw document's identity for resuming: its source name and its content."""
    return content_id(raw.source, raw.content, n=20)


def articles_from(
    raws: Iterable[RawDoc | Failure],
    *,
    published: dt.date | None = None,
    outlet: str | None = None,
) -> Iterator[Article | Failure]:
    """Clean every raw document; a bad one becomes a Failure."""
    for raw in raws:
        if isinstance(raw, Failure):
            yield raw
        else:
            yield _article(raw, published=published, outlet=outlet)


def _article(raw: RawDoc, *, published: dt.date | None, outlet: str | None) -> Article | Failure:
    if published and not raw.published:
        raw = replace(raw, published=published)
    if outlet and not raw.outlet:
        raw = replace(raw, outlet=outlet)
    try:
        art = to_article(raw)
    except InputError as exc:
        return Failure(raw.source, exc.code, exc.message)
    except Exception as exc:  # a cleaning bug must not cost the other documents
        log.exception("cleaning %s failed", raw.source)
        return Failure(raw.source, "E200", f"cleaning failed: {exc!r}")
    if art.published is None and isinstance(raw, CrawledDoc) and raw.crawled:
        art = replace(art, published=raw.crawled, published_source="crawl")
    return art


def analyze_batch(batch: list[Article]) -> tuple[list[Record], list[Failure]]:
    """Parse and extract a batch; if the batch fails, retry one by one to isolate the culprit."""
    from sitrep import pipeline

    try:
        return list(pipeline.pipe(batch, batch_size=max(1, len(batch)))), []
    except Exception:
        log.exception("batch failed; retrying its %d articles one by one", len(batch))
    records: list[Record] = []
    failures: list[Failure] = []
    for art in batch:
        try:
            records.append(pipeline.run(art))
        except Exception as exc:  # an extractor bug must not cost the other documents
            failures.append(
                Failure(art.source_path or art.id, "E200", f"extraction failed: {exc!r}")
            )
    return records, failures


def analyze_raws(
    raws: list[RawDoc], *, published: dt.date | None = None, outlet: str | None = None
) -> BatchResult:
    """Clean, parse and extract one batch of raw documents (what every worker runs).

    Args:
        raws: the batch.
        published: publication date for documents that carry none.
        outlet: outlet name for documents that carry none.
    """
    articles: list[Article] = []
    keys: list[tuple[str, str, str]] = []
    failures: list[Failure] = []
    seen: set[str] = set()
    for raw in raws:
        item = _article(raw, published=published, outlet=outlet)
        if isinstance(item, Failure):
            failures.append(item)
            continue
        keys.append((doc_key(raw), raw.source, item.id))
        if item.id not in seen:  # the same article twice in a batch is parsed once
            seen.add(item.id)
            articles.append(item)
    records, failed = analyze_batch(articles) if articles else ([], [])
    failures.extend(failed)
    analyzed = {r.article.id for r in records}
    done = [k for k in keys if k[2] in analyzed]
    return BatchResult(records, failures, done, len(raws))


def ingest(
    paths: Iterable[str | Path],
    *,
    store: Store,
    published: dt.date | None = None,
    outlet: str | None = None,
    batch_size: int = 32,
    executor: Executor | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> IngestResult:
    """Ingest files, directories or globs into the store.

    Args:
        paths: inputs (text, HTML, RSS/Atom feeds, WARC, JSONL; ``.gz`` too).
        store: the database (the one writer).
        published: publication date for inputs that carry none.
        outlet: outlet name for inputs that carry none.
        batch_size: documents cleaned, parsed and written per transaction (bounds memory).
        executor: where batches are analyzed (default: in this process).
        on_progress: called with the number of documents just handled.
    """
    result = IngestResult()
    executor = executor or InlineExecutor()
    fn = functools.partial(analyze_raws, published=published, outlet=outlet)
    kill_after = int(os.environ.get(KILL_AFTER_ENV) or 0)

    def tick(n: int) -> None:
        if on_progress and n:
            on_progress(n)

    def batches() -> Iterator[list[RawDoc]]:
        batch: list[RawDoc] = []
        for item in iter_raw(paths):
            result.read += 1
            if isinstance(item, Failure):
                _fail(store, result, item)
                tick(1)
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                fresh = _unseen(store, batch, result)
                tick(len(batch) - len(fresh))
                if fresh:
                    yield fresh
                batch = []
        if batch:
            fresh = _unseen(store, batch, result)
            tick(len(batch) - len(fresh))
            if fresh:
                yield fresh

    for committed, out in enumerate(executor.map(fn, batches()), 1):
        written = store.write(out.records)
        result.written += written
        result.skipped += len(out.records) - written
        # a document whose article another document of the batch already is: parsed once
        result.skipped += max(0, out.size - len(out.records) - len(out.failures))
        _mark_done(store, out.done)
        for f in out.failures:
            _fail(store, result, f)
        tick(out.size)
        if kill_after and committed >= kill_after:
            os.kill(os.getpid(), signal.SIGKILL)
    # the database file alone is then complete: nothing is left only in the write-ahead log
    store.con.execute("CHECKPOINT")
    return result


def _unseen(store: Store, batch: list[RawDoc], result: IngestResult) -> list[RawDoc]:
    """The documents of a batch that no earlier run has stored (checked before any cleaning)."""
    keys = [doc_key(r) for r in batch]
    rows = store.con.execute(
        "SELECT doc_key FROM ingest_docs WHERE list_contains(?, doc_key)", [keys]
    ).fetchall()
    known = {r[0] for r in rows}
    fresh = [r for r, k in zip(batch, keys, strict=True) if k not in known]
    result.skipped += len(batch) - len(fresh)
    return fresh


def _mark_done(store: Store, done: list[tuple[str, str, str]]) -> None:
    if not done:
        return
    store.con.execute("BEGIN TRANSACTION")
    try:
        store.con.executemany(
            "INSERT INTO ingest_docs (doc_key, source, article_id) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [list(d) for d in done],
        )
        store.con.execute("COMMIT")
    except Exception:
        store.con.execute("ROLLBACK")
        raise


def _fail(store: Store, result: IngestResult, failure: Failure) -> None:
    log.info("%s: %s", failure.source, failure.reason)
    store.record_failure(failure.source, failure.code, failure.reason)
    result.failed += 1
    if len(result.failures) < MAX_KEPT_FAILURES:
        result.failures.append(failure)
