from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from sitrep.ingest import Failure, RawDoc, iter_raw
from sitrep.ingest.warc import CrawledDoc, read_warc

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

PAGE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>{body}</p></article></body></html>"
)


def _response(
    w: WARCWriter, url: str, body: bytes, *, ctype: str = "text/html", status: str = "200 OK"
) -> None:
    hh = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    rec = w.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=hh,
        warc_headers_dict={"WARC-Date": "2022-03-02T10:00:00Z"},
    )
    w.write_record(rec)


def write_warc(path: Path, *, gz: bool = True) -> None:
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        _response(
            w,
            "https://news.example/kharkiv",
            PAGE.format(
                title="Shelling in Kharkiv",
                body="Shelling in Kharkiv killed at least 21 people on Tuesday, "
                "the regional governor said, as Russian forces pressed their assault.",
            ).encode(),
            ctype="text/html; charset=utf-8",
        )
        _response(w, "https://news.example/logo.png", b"\x89PNG....", ctype="image/png")
        _response(w, "https://news.example/old", b"", status="301 Moved Permanently")
        _response(w, "https://news.example/empty", b"")
        w.write_record(w.create_warc_record("https://news.example/kharkiv", "request"))
        _response(
            w,
            "https://news.example/kyiv",
            PAGE.format(
                title="Curfew in Kyiv",
                body="The mayor of Kyiv announced a 35-hour curfew starting on Tuesday "
                "evening, after missile strikes hit residential buildings in the capital.",
            ).encode(),
        )


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses_only(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, gz=gz)
    items = list(read_warc(path))
    docs = [i for i in items if isinstance(i, RawDoc)]
    fails = [i for i in items if isinstance(i, Failure)]
    assert [d.url for d in docs] == ["https://news.example/kharkiv", "https://news.example/kyiv"]
    assert all(isinstance(d, CrawledDoc) and d.crawled == dt.date(2022, 3, 2) for d in docs)
    assert all(d.is_html for d in docs)
    assert "21 people" in docs[0].content
    # the response with no body is a failure naming its byte offset
    assert len(fails) == 1
    assert fails[0].source.startswith(f"{path}@") and "no body" in fails[0].reason
    assert int(fails[0].source.rsplit("@", 1)[1]) > 0
    assert all(d.source.startswith(f"{path}@") for d in docs)
    assert len({d.source for d in docs}) == 2


def test_warc_crawl_date_is_the_last_resort_for_publication(tmp_path: Path) -> None:
    from sitrep.ingest.job import articles_from

    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    arts = [a for a in articles_from(read_warc(path)) if not isinstance(a, Failure)]
    assert arts and all(a.published == dt.date(2022, 3, 2) for a in arts)
    assert {a.published_source for a in arts} == {"crawl"}
    assert arts[0].url == "https://news.example/kharkiv"


def test_truncated_warc_gz_keeps_the_records_before_the_break(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 40])
    items = list(iter_raw([cut]))
    docs = [i for i in items if isinstance(i, RawDoc)]
    fails = [i for i in items if isinstance(i, Failure)]
    assert [d.url for d in docs] == ["https://news.example/kharkiv"]
    assert fails[-1].source.startswith(f"{cut}@")
    assert "truncated" in fails[-1].reason or "cut short" in fails[-1].reason


def test_warc_sniffed_without_suffix(tmp_path: Path) -> None:
    path = tmp_path / "crawl.bin"
    write_warc(path, gz=False)
    assert len([i for i in iter_raw([path]) if isinstance(i, RawDoc)]) == 2
