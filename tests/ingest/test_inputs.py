from __future__ import annotations

import gzip
from pathlib import Path

from sitrep.ingest import Failure, RawDoc, gunzip_partial, input_format, iter_raw


def test_input_format_from_suffix_and_first_bytes(tmp_path: Path) -> None:
    files = {
        "a.jsonl": b"{}",
        "a.ndjson.gz": gzip.compress(b"{}"),
        "a.warc.gz": b"",
        "a.rss": b"",
        "a.xml.gz": b"",
        "a.txt": b"plain text",
        "a.html": b"<html></html>",
        "sniffed_feed": b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
        "sniffed_feed.gz": gzip.compress(b"<rss version='2.0'><channel>"),
        "sniffed_warc": b"WARC/1.0\r\nWARC-Type: warcinfo\r\n",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    formats = {name: input_format(tmp_path / name) for name in files}
    assert formats == {
        "a.jsonl": "jsonl",
        "a.ndjson.gz": "jsonl",
        "a.warc.gz": "warc",
        "a.rss": "feed",
        "a.xml.gz": "feed",
        "a.txt": "page",
        "a.html": "page",
        "sniffed_feed": "feed",
        "sniffed_feed.gz": "feed",
        "sniffed_warc": "warc",
    }


def test_gunzip_partial() -> None:
    data = b"line of text\n" * 1000
    packed = gzip.compress(data)
    assert gunzip_partial(packed) == (data, None)
    assert gunzip_partial(packed + gzip.compress(b"more")) == (data + b"more", None)
    head, problem = gunzip_partial(packed[: len(packed) // 2])
    assert data.startswith(head) and problem and "truncated" in problem


def test_missing_inputs_and_gzipped_pages(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"Two soldiers were killed on Monday."))
    items = list(iter_raw([tmp_path / "a.txt.gz", tmp_path / "missing.txt"]))
    assert isinstance(items[0], RawDoc) and items[0].content.startswith("Two soldiers")
    assert isinstance(items[1], Failure) and items[1].code == "E100"
