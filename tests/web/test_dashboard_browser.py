"""The dashboard in Debian's Chromium (headless, via Playwright) against a real `sitrep serve`.

Needs /usr/bin/chromium (``scripts/install-browser.sh``); Playwright never downloads a browser.
Saves ``docs/dashboard.png``, the screenshot the README shows.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "gbnews-2022-03-02-kharkiv.txt"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists() and not os.environ.get("CI"),
        reason="needs Debian's Chromium at /usr/bin/chromium: run scripts/install-browser.sh",
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(db: Path) -> Iterator[str]:
    """Run `sitrep serve` in its own process (it holds the database) until the test ends."""
    port = _free_port()
    env = {**os.environ, "SITREP_TOKEN": ""}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitrep.cli", "serve", "--db", str(db), "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            if proc.poll() is not None:
                out = proc.stdout.read().decode() if proc.stdout else ""
                raise AssertionError(f"sitrep serve exited: {out}")
            try:
                with urllib.request.urlopen(url + "/api/", timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def sample_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from sitrep.ingest.document import article_from_string
    from sitrep.pipeline import run
    from sitrep.store import Store

    db = tmp_path_factory.mktemp("web") / "sample.duckdb"
    art = article_from_string(SAMPLE.read_text(encoding="utf-8"), published="2022-03-02")
    with Store(db) as store:
        store.write([run(art)])
    yield from _serve(db)


@pytest.fixture(scope="module")
def markup_server(
    tmp_path_factory: pytest.TempPathFactory, hand_records: ModuleType
) -> Iterator[str]:
    db = hand_records.build_db(tmp_path_factory.mktemp("web") / "markup.duckdb")
    yield from _serve(db)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def _open(browser: Any, url: str, **viewport: int) -> Any:
    page = browser.new_page(viewport=viewport or {"width": 1366, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=20000)
    page.sitrep_errors = errors
    page.sitrep_requests = requests
    return page


def _get(url: str, path: str) -> Any:
    with urllib.request.urlopen(url + path, timeout=10) as resp:
        return json.loads(resp.read())


def _brush(page: Any, first_day: str, last_day: str) -> None:
    """Drag across the timeline from the first bar's left edge to the last bar's right edge."""
    a = page.locator(f"#timeline-svg rect.bar[data-day='{first_day}']").bounding_box()
    b = page.locator(f"#timeline-svg rect.bar[data-day='{last_day}']").bounding_box()
    y = a["y"] + a["height"] / 2
    page.mouse.move(a["x"] + 1, y)
    page.mouse.down()
    page.mouse.move((a["x"] + b["x"] + b["width"]) / 2, y, steps=4)
    page.mouse.move(b["x"] + b["width"] - 1, y, steps=4)
    page.mouse.up()


def test_map_timeline_cards_and_article_view(browser: Any, sample_server: str) -> None:
    page = _open(browser, sample_server)
    # the map: countries from the vendored world-atlas and one marker per located event
    assert page.get_attribute("body", "data-map") == "ready"
    assert page.locator(".leaflet-overlay-pane path").count() > 200
    markers = page.locator("path.event-marker")
    all_markers = markers.count()
    assert all_markers >= 5
    claims = _get(sample_server, "/api/claims?limit=1000")["items"]
    cards = page.locator("#cards .claim-card")
    assert cards.count() == len(claims) >= 2
    assert page.locator("#tallies .tally").count() >= 1

    # brushing the timeline filters the cards and the map to the days selected
    days = sorted(
        page.eval_on_selector_all("#timeline-svg rect.bar", "bs => bs.map(b => b.dataset.day)")
    )
    assert len(days) >= 2
    in_days = lambda a, b: sum(1 for c in claims if c["day"] and a <= c["day"] <= b)  # noqa: E731
    _brush(page, days[0], days[-2])
    assert page.locator("#selection-label").inner_text() == (
        days[0] if days[0] == days[-2] else f"{days[0]} – {days[-2]}"
    )
    events = _get(sample_server, "/api/events?limit=1000")["items"]
    located = [e for e in events if e["place_lat"] is not None and e["place_lon"] is not None]
    assert all_markers == len(located)
    markers_in = lambda a, b: sum(1 for e in located if e["day"] and a <= e["day"] <= b)  # noqa: E731
    assert cards.count() == in_days(days[0], days[-2]) < len(claims)
    assert markers.count() == markers_in(days[0], days[-2]) < all_markers
    _brush(page, days[-1], days[-1])
    assert page.locator("#selection-label").inner_text() == days[-1]
    assert cards.count() == in_days(days[-1], days[-1]) >= 1
    assert 0 < markers.count() == markers_in(days[-1], days[-1])
    figures = [cards.nth(i).locator(".figure").inner_text() for i in range(cards.count())]
    assert any(f.startswith("21 killed") for f in figures)

    ROOT.joinpath("docs").mkdir(exist_ok=True)
    page.screenshot(path=str(ROOT / "docs" / "dashboard.png"))

    # a card opens its article with every extraction highlighted, the card's claim in focus
    card = cards.filter(has_text="21 killed").first
    evidence = card.locator(".evidence").inner_text()
    card.locator("a.open-article").click()
    page.wait_for_selector("body[data-view='article'] #article-text mark.hl")
    text = page.locator("#article-text")
    assert "Kharkiv" in text.inner_text()
    for kind in ("casualty", "event", "quote", "place", "time"):
        assert page.locator(f"#article-text mark.hl-{kind}").count() >= 1, kind
    focus = page.locator("#article-text mark.focus")
    assert focus.count() >= 1
    assert " ".join(focus.all_inner_texts()).split()[:4] == evidence.split()[:4]
    assert page.locator("#article-items .claim-card").count() == len(claims)
    page.go_back()
    page.wait_for_selector("body[data-view='dashboard']")

    # nothing but this server was asked for anything, and no script failed
    assert all(u.startswith(sample_server) or u.startswith("data:") for u in page.sitrep_requests)
    assert page.sitrep_errors == []
    page.close()


def test_phone_layout_has_no_sideways_scroll(browser: Any, sample_server: str) -> None:
    page = _open(browser, sample_server, width=390, height=844)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    map_box = page.locator("#map").bounding_box()
    cards_box = page.locator("#cards").bounding_box()
    assert cards_box["y"] > map_box["y"] + map_box["height"]  # one column: cards below the map
    page.close()


def test_markup_in_articles_shows_as_text(
    browser: Any, markup_server: str, hand_records: ModuleType
) -> None:
    records = hand_records
    page = _open(browser, markup_server)
    card = page.locator("#cards .claim-card").filter(has_text="Goma").first
    assert "<i>people</i>" in card.inner_text()
    assert "<b>Goma</b> Post" in card.inner_text()
    page.goto(f"{markup_server}/#/article/{records.ARTICLE_C}")
    page.wait_for_selector("#article-text mark.hl")
    assert "<script>window.__pwned = 1</script>" in page.locator("#article-text").inner_text()
    assert page.locator("#article-title").inner_text() == "<script>alert(1)</script>"
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("#article-view script, #article-view img, #cards img").count() == 0
    assert page.sitrep_errors == []
    page.close()
