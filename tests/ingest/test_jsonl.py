from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

from sitrep.ingest import Failure, RawDoc, iter_raw
from sitrep.ingest.jsonl import read_jsonl

GOOD = {
    "text": "Militants attacked a checkpoint near Gao on Monday, killing two soldiers.",
    "url": "https://sahel.example/gao",
    "published": "2023-03-06T08:30:00Z",
    "outlet": "Sahel Post",
    "title": "Checkpoint attacked",
}
HTML = {"html": "<html><body><p>Floods forced 3,000 families from their homes.</p></body></html>"}


def _lines() -> list[bytes]:
    return [
        json.dumps(GOOD).encode(),
        b"",  # blank lines are passed over, but still counted
        json.dumps(HTML).encode(),
        b'{"text": "unterminated',
        json.dumps({"url": "https://x.example/no-text"}).encode(),
        json.dumps(["not", "an", "object"]).encode(),
        json.dumps({"text": "A dated line.", "published": "last Tuesday"}).encode(),
        json.dumps({"text": "Epoch dated.", "published": 1678060800}).encode(),
    ]


def test_jsonl_lines_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b"\n".join(_lines()) + b"\n")
    items = list(read_jsonl(path))
    sources = [i.source for i in items]
    assert sources == [f"{path}:{n}" for n in (1, 3, 4, 5, 6, 7, 8)]
    good, html, not_json, no_text, not_obj, bad_date, epoch = items
    assert isinstance(good, RawDoc)
    assert good.published == dt.date(2023, 3, 6)
    assert (good.url, good.outlet, good.title) == (GOOD["url"], "Sahel Post", "Checkpoint attacked")
    assert good.is_html is False
    assert isinstance(html, RawDoc) and html.is_html is True
    assert isinstance(not_json, Failure) and "not JSON" in not_json.reason
    assert isinstance(no_text, Failure) and no_text.code == "E101"
    assert isinstance(not_obj, Failure)
    assert isinstance(bad_date, Failure) and "last Tuesday" in bad_date.reason
    assert isinstance(epoch, RawDoc) and epoch.published == dt.date(2023, 3, 6)


def test_jsonl_gzip_and_truncated_gzip(tmp_path: Path) -> None:
    body = b"\n".join(
        json.dumps({**GOOD, "text": f"{GOOD['text']} ({i})"}).encode() for i in range(200)
    )
    (tmp_path / "ok.jsonl.gz").write_bytes(gzip.compress(body))
    full = gzip.compress(body)
    (tmp_path / "cut.jsonl.gz").write_bytes(full[: len(full) // 2])
    ok = list(iter_raw([tmp_path / "ok.jsonl.gz"]))
    assert len(ok) == 200 and all(isinstance(i, RawDoc) for i in ok)
    cut = list(iter_raw([tmp_path / "cut.jsonl.gz"]))
    docs = [i for i in cut if isinstance(i, RawDoc)]
    fails = [i for i in cut if isinstance(i, Failure)]
    assert 0 < len(docs) < 200
    assert len(fails) == 1
    # the failure names the file and the line where the data breaks off
    assert fails[0].source.startswith(f"{tmp_path}/cut.jsonl.gz:")
    assert "truncated" in fails[0].reason
    assert int(fails[0].source.rsplit(":", 1)[1]) > len(docs) - 1
