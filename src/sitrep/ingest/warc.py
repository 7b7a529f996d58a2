"""WARC and WARC.gz archives (e.g. Common Crawl news): one raw document per HTML response.

Only ``response`` records with a 2xx status and an HTML content type are read; requests,
metadata, redirects and other media are passed over. A record that has no body or is cut
short, and the unreadable tail of a truncated archive, become failures named
``crawl.warc.gz@OFFSET`` (the record's byte offset in the file).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.errors import InputError
from sitrep.ingest.document import MAX_BYTES, RawDoc, decode_bytes
from sitrep.ingest.failure import Failure

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class CrawledDoc(RawDoc):
    """A page from a web archive; ``crawled`` is the capture date (WARC-Date).

    The capture date is the publication date of last resort: the page's own metadata or
    dateline, when it has one, is nearer the truth than the day a crawler fetched it.
    """

    crawled: dt.date | None = None


def read_warc(path: Path, *, source: str | None = None) -> Iterator[RawDoc | Failure]:
    """Every HTML response of a WARC file as a RawDoc, or a Failure naming the record."""
    from warcio.archiveiterator import ArchiveIterator

    name = source or str(path)
    try:
        size = path.stat().st_size
        fh = path.open("rb")
    except OSError as exc:
        yield Failure(name, "E105", f"cannot read the file ({exc.strerror})")
        return
    with fh:
        it = ArchiveIterator(fh)
        try:
            for record in it:
                # warcio knows a record's offset only once the record has been read
                item = _record(record, where=lambda: f"{name}@{it.get_record_offset()}")
                if item is not None:
                    yield item
        except Exception as exc:  # warcio raises many kinds on corrupt archives
            yield Failure(
                f"{name}@{it.offset}",
                "E105",
                f"the archive cannot be read from here on ({exc.__class__.__name__}: {exc})",
            )
            return
        if it.offset < size:
            yield Failure(
                f"{name}@{it.offset}",
                "E105",
                f"the archive is truncated or corrupt: {size - it.offset:,} bytes from here "
                "on are not a WARC record; re-download the file",
            )


def _record(record: Any, *, where: Callable[[], str]) -> RawDoc | Failure | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if not status.startswith("2") or not ctype.startswith(_HTML_TYPES):
        return None
    body = record.content_stream().read(MAX_BYTES + 1)
    record.raw_stream.read()  # drain, so that a short block shows as an unmet limit
    source = where()
    if getattr(record.raw_stream, "limit", 0) > 0:
        return Failure(source, "E105", "the WARC record is cut short (truncated archive)")
    if not body.strip():
        return Failure(source, "E101", "the WARC response has no body")
    try:
        content = decode_bytes(body, source=source)
    except InputError as exc:
        return Failure(source, exc.code, exc.message)
    return CrawledDoc(
        content=content,
        source=source,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        is_html=True,
        crawled=_warc_date(record.rec_headers.get_header("WARC-Date")),
    )


def _warc_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
