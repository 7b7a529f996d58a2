"""Inputs: files, directories and globs of text, HTML, feeds, WARC and JSONL.

Every input format is a reader that yields one :class:`RawDoc` per document, or a
:class:`Failure` naming the file and the record that could not be read; a bad record costs no
other record. ``.gz`` is read transparently. HTML pages that are live blogs are split into one
document per entry.
"""

from __future__ import annotations

import glob
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.errors import InputError
from sitrep.ingest.document import MAX_BYTES, RawDoc, decode_bytes, read_file
from sitrep.ingest.failure import Failure
from sitrep.ingest.feeds import looks_like_feed, read_feed
from sitrep.ingest.html import looks_like_html
from sitrep.ingest.jsonl import read_jsonl
from sitrep.ingest.liveblog import split_live_blog
from sitrep.ingest.warc import read_warc

TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".md", "")
FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".arc")


def expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named by paths, directories (recursively, sorted) and glob patterns."""
    for p in paths:
        s = str(p)
        if any(c in s for c in "*?[") and not Path(s).exists():
            for m in sorted(glob.glob(s, recursive=True)):
                mp = Path(m)
                if mp.is_dir():
                    yield from _walk(mp)
                else:
                    yield mp
            continue
        path = Path(s)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(root: Path) -> Iterator[Path]:
    for f in sorted(root.rglob("*")):
        if f.is_file() and not any(part.startswith(".") for part in f.relative_to(root).parts):
            yield f


def input_format(path: Path) -> str:
    """``jsonl``, ``warc``, ``feed`` or ``page`` (text or HTML), from the name or first bytes."""
    name = path.name.lower().removesuffix(".gz")
    suffix = Path(name).suffix
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in WARC_SUFFIXES:
        return "warc"
    if suffix in FEED_SUFFIXES:
        return "feed"
    head = _head(path)
    if head.startswith((b"WARC/", b"warc/")):
        return "warc"
    if looks_like_feed(head):
        return "feed"
    return "page"


def _head(path: Path, n: int = 2048) -> bytes:
    try:
        with path.open("rb") as fh:
            data = fh.read(n)
    except OSError:
        return b""
    if data[:2] == b"\x1f\x8b":
        data, _ = gunzip_partial(data)
    return data[:n]


def gunzip_partial(data: bytes) -> tuple[bytes, str | None]:
    """Decompress gzip data as far as it goes: the bytes, and what was wrong, if anything."""
    out: list[bytes] = []
    size = 0
    while data:
        d = zlib.decompressobj(wbits=31)
        try:
            chunk = d.decompress(data, MAX_BYTES + 1 - size)
        except zlib.error as exc:
            return b"".join(out), f"corrupt gzip data ({exc})"
        out.append(chunk)
        size += len(chunk)
        if size > MAX_BYTES:
            return b"".join(out), None
        if not d.eof:
            return b"".join(out), "truncated gzip data (the file ends early)"
        data = d.unused_data
    return b"".join(out), None


def read_path(path: Path) -> Iterator[RawDoc | Failure]:
    """Every document in one file, through the reader of its format."""
    source = str(path)
    if not path.exists():
        yield Failure(source, "E100", "no such file or directory")
        return
    fmt = input_format(path)
    if fmt == "jsonl":
        yield from read_jsonl(path)
    elif fmt == "warc":
        yield from read_warc(path)
    elif fmt == "feed":
        yield from _read_feed_file(path)
    else:
        try:
            yield read_file(path)
        except InputError as exc:
            yield Failure(source, exc.code, exc.message)


def _read_feed_file(path: Path) -> Iterator[RawDoc | Failure]:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(source, "E105", f"cannot read the file ({exc.strerror})")
        return
    problem = None
    if data[:2] == b"\x1f\x8b":
        data, problem = gunzip_partial(data)
    if len(data) > MAX_BYTES:
        yield Failure(source, "E104", f"the feed is larger than {MAX_BYTES:,} bytes; split it")
        return
    if not data.strip():
        yield Failure(source, "E101", problem or "the feed is empty")
        return
    yield from read_feed(data, source=source)
    if problem:
        yield Failure(source, "E105", f"{problem}; entries after the break are lost")


def iter_raw(paths: Iterable[str | Path]) -> Iterator[RawDoc | Failure]:
    """Read every input; a bad one yields a Failure and the others go on."""
    for path in expand(paths):
        for item in read_path(path):
            if isinstance(item, RawDoc) and _maybe_html(item):
                entries = split_live_blog(item)
                if entries:
                    yield from entries
                    continue
            yield item


def _maybe_html(raw: RawDoc) -> bool:
    return raw.is_html if raw.is_html is not None else looks_like_html(raw.content)


__all__ = [
    "Failure",
    "RawDoc",
    "decode_bytes",
    "expand",
    "input_format",
    "iter_raw",
    "read_path",
]
