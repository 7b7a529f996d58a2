"""The ingest job: inputs -> articles -> records -> store, in bounded batches.

A bad input becomes a recorded failure and costs no other document; an article that is already
stored is skipped before it is parsed, so re-running a job adds nothing twice.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from sitrep.errors import InputError
from sitrep.ingest import Failure, iter_raw
from sitrep.ingest.document import RawDoc, to_article
from sitrep.model import Article, Record
from sitrep.store import Store

log = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestResult:
    """What one ingest run did."""

    read: int = 0
    written: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)


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
            continue
        if published and not raw.published:
            raw = replace(raw, published=published)
        if outlet and not raw.outlet:
            raw = replace(raw, outlet=outlet)
        try:
            yield to_article(raw)
        except InputError as exc:
            yield Failure(raw.source, exc.code, exc.message)


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


def ingest(
    paths: Iterable[str | Path],
    *,
    store: Store,
    published: dt.date | None = None,
    outlet: str | None = None,
    batch_size: int = 32,
    on_progress: Callable[[int], None] | None = None,
) -> IngestResult:
    """Ingest files, directories or globs into the store.

    Args:
        paths: inputs.
        store: the database (the one writer).
        published: publication date for inputs that carry none.
        outlet: outlet name for inputs that carry none.
        batch_size: articles parsed and written per transaction (bounds memory).
        on_progress: called with the number of documents just handled.
    """
    result = IngestResult()
    batch: list[Article] = []

    def flush() -> None:
        fresh_ids = {a.id for a in batch} - store.known_ids([a.id for a in batch])
        fresh = [a for a in batch if a.id in fresh_ids]
        result.skipped += len(batch) - len(fresh)
        if fresh:
            records, failures = analyze_batch(fresh)
            result.written += store.write(records)
            for f in failures:
                _fail(store, result, f)
        if on_progress:
            on_progress(len(batch))
        batch.clear()

    for item in articles_from(iter_raw(paths), published=published, outlet=outlet):
        result.read += 1
        if isinstance(item, Failure):
            _fail(store, result, item)
            if on_progress:
                on_progress(1)
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return result


def _fail(store: Store, result: IngestResult, failure: Failure) -> None:
    log.warning("%s: %s", failure.source, failure.reason)
    store.record_failure(failure.source, failure.code, failure.reason)
    result.failures.append(failure)
