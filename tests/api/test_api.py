"""The JSON API over a hand-made database: endpoints, filters, pagination, errors, auth."""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from sitrep.api import Settings, create_app
from sitrep.model import Article, Record

records = sys.modules["sitrep_test_records"]  # loaded by tests/api/conftest.py
A, B, C = records.ARTICLE_A, records.ARTICLE_B, records.ARTICLE_C


def _ids(resp: Any) -> set[str]:
    assert resp.status_code == 200, resp.text
    return {i.get("id") or i.get("article_id") for i in resp.json()["items"]}


def _error(resp: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """Every error has the one shape {"error": {"code", "message", "status"}}."""
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert err["status"] == status and err["message"] and err["code"]
    if code:
        assert err["code"] == code
    return dict(err)


# -- endpoints -----------------------------------------------------------------------------
def test_index_counts(client: TestClient) -> None:
    body = client.get("/api/").json()
    assert body["counts"] == {"articles": 3, "casualties": 4, "events": 3, "quotes": 1, "claims": 2}
    assert body["writable"] is True


def test_articles_list_newest_first(client: TestClient) -> None:
    body = client.get("/api/articles").json()
    assert body["total"] == 3
    assert body["items"][0]["id"] == C  # 2023 before 2022
    first = {i["id"]: i for i in body["items"]}[A]
    assert first["n_claims"] == 1 and first["n_events"] == 1 and first["n_quotes"] == 1
    assert "text" not in first


def test_article_has_every_extraction_with_spans(client: TestClient) -> None:
    art = client.get(f"/api/articles/{A}").json()
    assert art["text"] == records.TEXT_A
    for key, n in [("claims", 1), ("events", 1), ("quotes", 1), ("statements", 2),
                   ("places", 1), ("times", 1), ("entities", 1)]:  # fmt: skip
        assert len(art[key]) == n, key
    claim = art["claims"][0]
    assert art["text"][claim["start"] : claim["end"]] == claim["evidence"]
    assert claim["mentions"][0]["text"] == "21 people in Kharkiv"
    place = art["places"][0]
    assert art["text"][place["start"] : place["end"]] == "Kharkiv"


def test_unknown_article_is_404(client: TestClient) -> None:
    _error(client.get("/api/articles/nope"), 404, "not_found")


def test_claims_carry_card_fields(client: TestClient) -> None:
    items = client.get("/api/claims", params={"place": "Kharkiv"}).json()["items"]
    by_outlet = {i["outlet"]: i for i in items}
    b = by_outlet["Lviv Daily"]
    assert (b["count"], b["hedge"], b["victims"], b["source"]) == (
        40,
        "at least",
        "people",
        "Ukrainian officials",
    )
    assert b["day"] == "2022-03-01" and b["place_name"] == "Kharkiv"
    assert b["evidence"].startswith("At least 40 people were killed")


def test_quotes_places_events(client: TestClient) -> None:
    quotes = client.get("/api/quotes").json()["items"]
    assert [q["speaker"] for q in quotes] == ["the mayor"]
    places = client.get("/api/places").json()["items"]
    assert places == [
        {"name": "Kharkiv", "country": "UA", "lat": 49.98, "lon": 36.25, "precision": "city",
         "geonameid": None, "mentions": 1, "articles": 1}
    ]  # fmt: skip
    events = client.get("/api/events").json()["items"]
    assert [e["day"] for e in events] == ["2022-03-01", "2022-03-02", "2023-01-02"]
    assert events[2]["day"] == "2023-01-02"  # undated event: the article's publication day


@pytest.fixture(scope="module")
def fallback(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A server that does not run the reconciler: tallies come from simple grouping."""
    db = records.build_db(tmp_path_factory.mktemp("fallback") / "f.duckdb")
    app = create_app(Settings(db=str(db), token=None, reconcile=False))
    with TestClient(app) as c:
        yield c
    app.state.backend.close()


def test_fallback_tallies_low_best_high_with_lineage(fallback: TestClient) -> None:
    body = fallback.get("/api/tallies", params={"place": "Kharkiv"}).json()
    assert body["method"] == "fallback.v1"
    (t,) = body["items"]
    assert (t["kind"], t["low"], t["high"]) == ("killed", 21, None)  # "at least 40" is open
    assert t["best"] == 40  # the median (upper) of 21 and 40
    assert {x["outlet"] for x in t["lineage"]} == {"Kyiv Wire", "Lviv Daily"}
    assert t["n_articles"] == 2


def test_fallback_contradictions_side_by_side(fallback: TestClient) -> None:
    body = fallback.get("/api/contradictions").json()
    assert body["method"] == "fallback.v1"
    by_type = {k["type"]: k for k in body["items"]}
    assert {by_type["figures"]["a"]["count"], by_type["figures"]["b"]["count"]} == {21, 40}
    assert {by_type["figures"]["a"]["outlet"], by_type["figures"]["b"]["outlet"]} == {
        "Kyiv Wire", "Lviv Daily",
    }  # fmt: skip
    statement = by_type["statement"]  # Moscow denies what the authorities report
    assert {statement["a"]["source"], statement["b"]["source"]} == {
        "Moscow",
        "regional authorities",
    }


def _has_reconciler() -> bool:
    try:
        return importlib.util.find_spec("sitrep.reconcile.tally") is not None
    except ImportError:
        return False


needs_reconciler = pytest.mark.skipif(not _has_reconciler(), reason="no sitrep.reconcile")


@needs_reconciler
def test_reconciled_tallies_by_rule(client: TestClient) -> None:
    body = client.get("/api/tallies", params={"place": "Kharkiv"}).json()
    assert body["method"] == "reconcile"
    (t,) = body["items"]
    # the 21 of the first report is superseded by the 40 another outlet reported that day
    assert (t["kind"], t["low"], t["best"], t["high"]) == ("killed", 40, 40, 40)
    assert t["rule"] == "conservative" and t["n_sources"] == 2
    assert {(x["outlet"], x["role"]) for x in t["lineage"]} == {
        ("Kyiv Wire", "superseded"), ("Lviv Daily", "counted"),
    }  # fmt: skip
    (h,) = client.get("/api/tallies", params={"place": "Kharkiv", "rule": "highest"}).json()[
        "items"
    ]
    assert h["best"] == 40
    _error(client.get("/api/tallies", params={"rule": "median"}), 422, "invalid")


@needs_reconciler
def test_reconciled_contradictions_side_by_side(client: TestClient) -> None:
    body = client.get("/api/contradictions").json()
    assert body["method"] == "reconcile"
    pairs = {frozenset((k["a"]["source"], k["b"]["source"])): k for k in body["items"]}
    # the 21 was superseded by the later 40, not disputed by it: an update across sources
    upd = pairs[frozenset(("regional authorities", "Ukrainian officials"))]
    assert upd["type"] == "update" and upd["rule"] == "other-source-later"
    denial = pairs[frozenset(("Moscow", "regional authorities"))]
    assert denial["a"]["text"] and denial["b"]["article_id"]
    assert client.get("/api/contradictions", params={"place": "Goma"}).json()["items"] == []
    lviv = client.get("/api/contradictions", params={"outlet": "Lviv Daily"}).json()["items"]
    assert [k["type"] for k in lviv] == ["update"]  # its 40 only updates the 21, disputes nothing


# -- filters -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "params", "expected"),
    [
        ("/api/claims", {"place": "kharkiv"}, {"kh21", "kh40"}),
        ("/api/claims", {"place": "CD"}, {"goma3", "goma7"}),
        ("/api/claims", {"bbox": "20,-5,35,0"}, {"goma3", "goma7"}),
        ("/api/claims", {"bbox": "30,45,40,55"}, {"kh21", "kh40"}),
        ("/api/claims", {"since": "2023-01-01"}, {"goma3", "goma7"}),
        ("/api/claims", {"until": "2022-03-01"}, {"kh21", "kh40"}),
        ("/api/claims", {"since": "2022-03-01", "until": "2022-03-01"}, {"kh21", "kh40"}),
        ("/api/claims", {"kind": "injured"}, {"goma7"}),
        ("/api/claims", {"min_count": 21}, {"kh21", "kh40"}),
        ("/api/claims", {"min_count": 22}, {"kh40"}),
        ("/api/claims", {"source": "officials"}, {"kh40"}),
        ("/api/claims", {"outlet": "kyiv wire"}, {"kh21"}),
        ("/api/claims", {"q": "AT LEAST"}, {"kh40"}),
        ("/api/claims", {"type": "cumulative"}, set()),
        ("/api/events", {"type": "Battles"}, {"goma_ev"}),
        ("/api/events", {"type": "ASSAULT"}, {"kh_ev_a", "kh_ev_b"}),
        ("/api/events", {"kind": "missile"}, {"kh_ev_b"}),
        ("/api/events", {"min_count": 30}, {"kh_ev_b"}),
        ("/api/events", {"source": "m23"}, {"goma_ev"}),
        ("/api/events", {"bbox": "-180,-90,180,0"}, {"goma_ev"}),
        ("/api/events", {"since": "2022-03-02", "until": "2022-12-31"}, {"kh_ev_b"}),
        ("/api/articles", {"place": "Kharkiv"}, {"art_a"}),
        ("/api/articles", {"outlet": "Lviv Daily"}, {"art_b"}),
        ("/api/articles", {"q": "missile"}, {"art_b"}),
        ("/api/articles", {"since": "2023-01-01"}, {"art_c"}),
        ("/api/quotes", {"source": "mayor"}, {"art_a"}),
        ("/api/quotes", {"q": "no such words"}, set()),
    ],
)
def test_filters(client: TestClient, path: str, params: dict[str, Any], expected: set[str]) -> None:
    names = _names()
    assert {names[i] for i in _ids(client.get(path, params=params))} == expected


def _names() -> dict[str, str]:
    from sitrep.model import content_id

    return {
        content_id(A, "c1"): "kh21", content_id(B, "c1"): "kh40",
        content_id(C, "c1"): "goma3", content_id(C, "c2"): "goma7",
        content_id(A, "e1"): "kh_ev_a", content_id(B, "e1"): "kh_ev_b",
        content_id(C, "e1"): "goma_ev", A: "art_a", B: "art_b", C: "art_c",
    }  # fmt: skip


def test_article_filter_on_facts(client: TestClient) -> None:
    assert len(_ids(client.get("/api/claims", params={"article": C}))) == 2


def test_tallies_and_contradictions_filter(client: TestClient) -> None:
    assert client.get("/api/tallies", params={"place": "Goma"}).json()["total"] == 2
    assert client.get("/api/tallies", params={"kind": "injured"}).json()["total"] == 1
    assert client.get("/api/contradictions", params={"place": "Goma"}).json()["items"] == [] or all(
        k["type"] == "statement"
        for k in client.get("/api/contradictions", params={"place": "Goma"}).json()["items"]
    )


# -- pagination ----------------------------------------------------------------------------
def test_pagination_limit_offset_total(client: TestClient) -> None:
    pages = [client.get("/api/claims", params={"limit": 3, "offset": o}).json() for o in (0, 3)]
    assert [p["total"] for p in pages] == [4, 4]
    assert [len(p["items"]) for p in pages] == [3, 1]
    assert (pages[1]["limit"], pages[1]["offset"]) == (3, 3)
    seen = [i["id"] for p in pages for i in p["items"]]
    assert len(set(seen)) == 4
    assert client.get("/api/claims", params={"offset": 10}).json() == {
        "items": [], "total": 4, "limit": 50, "offset": 10,
    }  # fmt: skip


@pytest.mark.parametrize(
    "params", [{"limit": 0}, {"limit": 1001}, {"offset": -1}, {"min_count": -2}]
)
def test_bad_paging_is_422(client: TestClient, params: dict[str, int]) -> None:
    err = _error(client.get("/api/events", params=params), 422, "invalid")
    assert err["details"]


# -- injection -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "value",
    ["x' OR '1'='1", "'; DROP TABLE articles; --", 'Kharkiv" OR 1=1 --', "%", "%_%", "\\", "?"],
)
def test_injection_like_inputs_are_just_values(client: TestClient, value: str) -> None:
    common = ("place", "q", "outlet", "article")
    supported = {
        "/api/claims": (*common, "source", "kind", "type"),
        "/api/events": (*common, "source", "kind", "type"),
        "/api/articles": common,
        "/api/quotes": (*common, "source"),
        "/api/places": (*common, "kind", "type"),
    }
    for path, params in supported.items():
        for param in params:
            r = client.get(path, params={param: value})
            assert r.status_code == 200, (path, param, r.text)
            assert r.json()["total"] == 0, (path, param)
    assert client.get("/api/").json()["counts"]["articles"] == 3
    r = client.get("/api/articles/" + quote(value, safe=""))
    assert r.status_code == 404


def test_wildcards_match_literally(client: TestClient) -> None:
    names = _names()
    assert {names[i] for i in _ids(client.get("/api/events", params={"q": "__pwned"}))} == {
        "goma_ev"
    }
    assert _ids(client.get("/api/events", params={"q": "_x_"})) == set()


def test_bbox_and_dates_are_validated(client: TestClient) -> None:
    _error(client.get("/api/claims", params={"bbox": "1,2,3"}), 400, "bad_bbox")
    _error(
        client.get("/api/claims", params={"bbox": "1,2,3,x); DROP TABLE articles"}), 400, "bad_bbox"
    )
    _error(client.get("/api/claims", params={"bbox": "10,0,5,1"}), 400, "bad_bbox")
    _error(client.get("/api/events", params={"since": "2022-13-01"}), 422, "invalid")
    _error(client.get("/api/events", params={"since": "2023-01-01", "until": "2022-01-01"}), 400)


# -- the error shape -----------------------------------------------------------------------
def test_unknown_route_and_method(client: TestClient) -> None:
    _error(client.get("/api/nothing-here"), 404, "not_found")
    _error(client.get("/static/nothing.js"), 404, "not_found")
    _error(client.delete("/api/claims"), 405, "method_not_allowed")


def test_internal_errors_keep_the_shape(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitrep.api import queries

    def boom(*a: object, **k: object) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr(queries, "list_claims", boom)
    err = _error(client.get("/api/claims"), 500, "internal")
    assert "secret detail" not in err["message"]


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/articles", "/api/articles/{article_id}", "/api/claims", "/api/quotes",
              "/api/places", "/api/events", "/api/tallies", "/api/contradictions"):  # fmt: skip
        assert p in paths
    assert "post" in paths["/api/articles"]
    params = {p["name"] for p in paths["/api/claims"]["get"]["parameters"]}
    assert {"place", "bbox", "since", "until", "kind", "type", "min_count", "source", "outlet",
            "q", "limit", "offset"} <= params  # fmt: skip


def test_dashboard_and_vendored_files_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    for ref in ("/static/app.js", "/static/app.css", "/static/vendor/leaflet/leaflet.js",
                "/static/vendor/topojson-client/topojson-client.min.js"):  # fmt: skip
        assert ref in page.text or ref.endswith(".css")
        assert client.get(ref).status_code == 200, ref
    topo = client.get("/static/vendor/world-atlas/countries-50m.json").json()
    assert "countries" in topo["objects"]
    assert "http" not in page.text.replace("http-equiv", "")  # nothing from the network


# -- ingestion -----------------------------------------------------------------------------
@pytest.fixture
def writable(db: Path, tmp_path: Path) -> Iterator[TestClient]:
    copy = tmp_path / "w.duckdb"
    shutil.copy(db, copy)
    app = create_app(Settings(db=str(copy), token="s3cret", max_body=4096))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.backend.close()


AUTH = {"Authorization": "Bearer s3cret"}


def test_post_needs_a_configured_token(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "n.duckdb"
    shutil.copy(db, copy)
    app = create_app(Settings(db=str(copy), token=None))
    with TestClient(app) as c:
        err = _error(
            c.post("/api/articles", json={"text": "x"}, headers=AUTH), 403, "writes_disabled"
        )
        assert "SITREP_TOKEN" in err["message"]
        assert c.get("/api/").json()["writable"] is False
    app.state.backend.close()


def test_settings_read_the_token_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_TOKEN", "from-env")
    assert Settings.from_env("x.duckdb").token == "from-env"
    monkeypatch.delenv("SITREP_TOKEN")
    assert Settings.from_env("x.duckdb").token is None


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": "s3cret"},
        {"Authorization": "Basic s3cret"},
    ],
)
def test_post_refuses_a_missing_or_wrong_token(
    writable: TestClient, headers: dict[str, str]
) -> None:
    r = writable.post("/api/articles", json={"text": "Two people were killed."}, headers=headers)
    _error(r, 401, "unauthorized")
    assert r.headers["www-authenticate"] == "Bearer"


def test_post_body_size_limit(writable: TestClient) -> None:
    big = {"text": "word " * 2000}
    _error(writable.post("/api/articles", json=big, headers=AUTH), 413, "body_too_large")

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams
        yield b'{"text": "'
        for _ in range(100):
            yield b"x" * 100
        yield b'"}'

    r = writable.post(
        "/api/articles", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}
    )
    _error(r, 413, "body_too_large")


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({}, 422, "invalid"),
        ({"text": "a", "html": "<p>a</p>"}, 422, "invalid"),
        ({"text": "a", "published": "yesterday"}, 422, "invalid"),
        ({"text": 5}, 422, "invalid"),
        ({"text": "   "}, 400, "E101"),  # empty after cleaning: the ingest error's code
    ],
)
def test_post_bad_input(writable: TestClient, body: dict[str, Any], status: int, code: str) -> None:
    _error(writable.post("/api/articles", json=body, headers=AUTH), status, code)


def test_post_bad_json(writable: TestClient) -> None:
    r = writable.post(
        "/api/articles", content=b"{nope", headers={**AUTH, "Content-Type": "application/json"}
    )
    _error(r, 400, "bad_json")


def test_post_ingests_through_the_writer(
    writable: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pipeline is replaced by a hand-made record here; the slow test runs the real one."""
    import sitrep.pipeline

    seen: dict[str, Any] = {}

    def fake_extract(text: str, **kw: Any) -> Record:
        seen.update(kw, text=text)
        return Record(
            article=Article(id="new1", text=text, outlet=kw["outlet"], published=kw["published"])
        )

    monkeypatch.setattr(sitrep.pipeline, "extract", fake_extract)
    body = {
        "html": "<p>Hello</p>",
        "outlet": "Wire",
        "published": "2024-05-06",
        "url": "https://x.org/1",
    }
    r = writable.post("/api/articles", json=body, headers=AUTH)
    assert r.status_code == 201, r.text
    assert r.json() == {"id": "new1", "created": True, "counts": {
        "entities": 0, "places": 0, "times": 0, "casualties": 0, "quotes": 0, "claims": 0, "events": 0}}  # fmt: skip
    assert seen["text"] == "<p>Hello</p>" and seen["published"] == dt.date(2024, 5, 6)
    assert writable.get("/api/articles/new1").json()["outlet"] == "Wire"  # read via a cursor
    again = writable.post("/api/articles", json=body, headers=AUTH)
    assert again.status_code == 200 and again.json()["created"] is False


def test_read_only_server_refuses_writes(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "ro.duckdb"
    shutil.copy(db, copy)
    app = create_app(Settings(db=str(copy), token="s3cret", read_only=True))
    with TestClient(app) as c:
        assert c.get("/api/claims").json()["total"] == 4
        _error(c.post("/api/articles", json={"text": "x"}, headers=AUTH), 403, "read_only")
    app.state.backend.close()


@pytest.mark.slow
def test_post_runs_the_real_pipeline(tmp_path: Path, sample_text: str) -> None:
    app = create_app(Settings(db=str(tmp_path / "p.duckdb"), token="s3cret"))
    with TestClient(app) as c:
        body = {"text": sample_text, "published": "2022-03-02", "outlet": "GB News"}
        r = c.post("/api/articles", json=body, headers=AUTH)
        assert r.status_code == 201, r.text
        aid = r.json()["id"]
        assert r.json()["counts"]["casualties"] >= 2
        claims = c.get("/api/claims", params={"place": "Kharkiv", "kind": "killed"}).json()["items"]
        assert 21 in {x["count"] for x in claims}
        art = c.get(f"/api/articles/{aid}").json()
        for claim in art["claims"]:
            assert art["text"][claim["start"] : claim["end"]] == claim["evidence"]
        assert c.get("/api/events", params={"place": "Kharkiv"}).json()["total"] >= 1
    app.state.backend.close()


def test_cli_serve_has_help_and_refuses_a_missing_read_only_db(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from sitrep.cli import main

    r = CliRunner().invoke(main, ["serve", "--help"])
    assert r.exit_code == 0 and "--port" in r.output and "SITREP_TOKEN" in r.output
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb"), "--read-only"])
    assert r.exit_code == 2


def test_article_places_carry_their_candidates(tmp_path: Path) -> None:
    from sitrep.model import Place, PlaceCandidate
    from sitrep.store import Store

    text = "Drones struck Ostrovets on Sunday."
    art = Article(id="cand1", text=text, published=dt.date(2023, 5, 1))
    cand = PlaceCandidate("Ostrovets", 7, "UA", "05", 48.1, 37.2, "city", "PPL", 0.6)
    place = Place("Ostrovets", 14, 23, confidence=0.3, candidates=(cand,))
    db = tmp_path / "c.duckdb"
    with Store(db) as s:
        s.write([Record(article=art, places=[place])])
    app = create_app(Settings(db=str(db), token=None, reconcile=False))
    with TestClient(app) as c:
        got = c.get("/api/articles/cand1").json()["places"]
    app.state.backend.close()
    assert got[0]["resolved"] is False
    assert got[0]["candidates"] == [
        {"name": "Ostrovets", "geonameid": 7, "country": "UA", "admin1": "05", "lat": 48.1,
         "lon": 37.2, "precision": "city", "feature": "PPL", "score": 0.6}
    ]  # fmt: skip
