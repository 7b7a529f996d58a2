"""Issue 17: the API's edges: bounds, keep-alive after errors, headers, paging, offline docs,
tokens kept out of logs, non-English and over-long articles, and the changes feed."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.api import Settings, create_app

records = sys.modules["sitrep_test_records"]
TOKEN = "hardening-s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def app_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, TestClient]]:
    db = records.build_db(tmp_path_factory.mktemp("hard") / "h.duckdb")
    app = create_app(Settings(db=str(db), token=TOKEN, max_chars=20_000))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield app, c
    app.state.backend.close()


@pytest.fixture(scope="module")
def client(app_client: tuple[Any, TestClient]) -> TestClient:
    return app_client[1]


@pytest.mark.parametrize(
    "path",
    ["/api/articles", "/api/claims", "/api/events", "/api/quotes", "/api/places",
     "/api/tallies", "/api/contradictions"],
)  # fmt: skip
def test_huge_offsets_and_counts_are_422_not_500(client: TestClient, path: str) -> None:
    for params in ({"offset": str(2**63 + 5)}, {"offset": str(2**64)}, {"min_count": str(2**70)}):
        r = client.get(path, params=params)
        assert r.status_code == 422, (path, params, r.text)
        assert r.json()["error"]["code"] == "invalid"
    assert client.get(path, params={"limit": "1001"}).status_code == 422


def test_tallies_and_contradictions_are_paged(client: TestClient) -> None:
    whole = client.get("/api/tallies").json()
    assert whole["total"] >= 2 and whole["limit"] == 1000 and whole["offset"] == 0
    first = client.get("/api/tallies", params={"limit": 1}).json()
    second = client.get("/api/tallies", params={"limit": 1, "offset": 1}).json()
    assert first["total"] == second["total"] == whole["total"]
    assert [first["items"][0], second["items"][0]] == whole["items"][:2]
    c = client.get("/api/contradictions", params={"limit": 1, "offset": 0}).json()
    assert c["limit"] == 1 and len(c["items"]) <= 1 and "method" in c


def test_security_headers_on_every_answer(client: TestClient) -> None:
    for path in ("/", "/api/", "/api/nope", "/api/docs", "/static/app.js"):
        r = client.get(path)
        assert r.headers["x-content-type-options"] == "nosniff", path
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"], path


def test_api_docs_load_nothing_from_elsewhere(client: TestClient) -> None:
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert "cdn" not in page.text.lower() and "https://" not in page.text
    assert 'src="/static/docs.js"' in page.text
    js = client.get("/static/docs.js").text
    assert "https://" not in js and "/openapi.json" in js
    assert client.get("/openapi.json").status_code == 200


def test_non_english_posts_are_refused_with_422(client: TestClient) -> None:
    texts = {
        "Cyrillic": "Российские войска обстреляли Харьков, погибли двадцать один человек. " * 4,
        "Arabic": "قالت وزارة الصحة إن عشرين شخصا قتلوا في غارة جوية على المدينة. " * 4,
        "Chinese": "当局表示，昨天在城市东部的一次空袭中有二十一人死亡。" * 4,
        "French": "Les autorités ont déclaré que vingt et une personnes avaient été tuées "
        "dans une frappe aérienne sur la ville hier soir, selon les services de secours "
        "locaux qui poursuivent leurs recherches dans les décombres. " * 2,
    }
    for script, text in texts.items():
        r = client.post("/api/articles", json={"text": text}, headers=AUTH)
        assert r.status_code == 422, (script, r.text)
        err = r.json()["error"]
        assert err["code"] == "E106", script
        assert "English" in err["message"]


def test_over_long_posts_are_413_before_parsing(client: TestClient) -> None:
    r = client.post(
        "/api/articles", json={"text": "Five people were killed. " * 1000}, headers=AUTH
    )
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "E104"


class _Boom(Exception):
    pass


def test_a_500_keeps_the_connection_usable(tmp_path: Path) -> None:
    """Before the fix Starlette re-raised after its 500 and uvicorn closed the connection."""
    db = records.build_db(tmp_path / "boom.duckdb")
    app = create_app(Settings(db=str(db), token=TOKEN))

    @app.get("/api/boom")
    def boom() -> None:
        raise _Boom("kaboom")

    sent: list[dict[str, Any]] = []
    raised: list[BaseException] = []

    async def run() -> None:
        scope = {"type": "http", "method": "GET", "path": "/api/boom", "raw_path": b"/api/boom",
                 "query_string": b"", "headers": [], "http_version": "1.1", "scheme": "http",
                 "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 1), "root_path": ""}  # fmt: skip

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(msg: dict[str, Any]) -> None:
            sent.append(msg)

        try:
            await app(scope, receive, send)
        except BaseException as exc:  # what makes uvicorn drop the connection
            raised.append(exc)

    import asyncio

    asyncio.run(run())
    app.state.backend.close()
    assert not raised, "the app must not re-raise after answering"
    assert sent[0]["status"] == 500
    assert b'"code": "internal"' in sent[1]["body"] or b'"code":"internal"' in sent[1]["body"]


def test_the_token_never_reaches_the_log(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client.post("/api/articles", json={"text": "x"}, headers=AUTH)
    client.post("/api/articles", content=b"{not json", headers={**AUTH, "content-type": "application/json"})  # fmt: skip
    client.post("/api/articles", json={"text": "y"}, headers={"Authorization": f"Bearer {TOKEN}x"})
    assert TOKEN not in caplog.text


def test_changes_report_new_articles(app_client: tuple[Any, TestClient]) -> None:
    app, client = app_client
    start = client.get("/api/changes").json()
    assert start["changed"] in (True, False) and start["version"] >= 0
    same = client.get("/api/changes", params={"since": start["version"]}).json()
    assert same["changed"] is False and same["articles"] == []
    rec = records.RECORDS[0]()
    from dataclasses import replace

    art = replace(rec.article, id="live0000000000ab", text=rec.article.text + " More.")
    assert app.state.backend.write([replace(rec, article=art)]) == 1
    after = client.get("/api/changes", params={"since": start["version"]}).json()
    assert after["changed"] and after["articles"] == ["live0000000000ab"]
    assert client.get("/api/changes", params={"since": str(2**63)}).status_code == 422


def test_a_write_does_not_wait_for_reconciliation(app_client: tuple[Any, TestClient]) -> None:
    """POST stores and answers; the reconciler folds the article in afterwards."""
    app, _ = app_client
    backend = app.state.backend
    assert backend.maintainer is not None
    assert backend.maintainer.idle(timeout=120)
    from sitrep.reconcile import is_stale
    from sitrep.store import Store

    cur = backend.cursor()
    try:
        assert not is_stale(Store.over(cur, backend.store.path))
    finally:
        cur.close()
