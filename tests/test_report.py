"""Situation reports from a hand-made database: figures with sources, events, disputes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.report import build, to_html, to_markdown
from sitrep.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, hand_records: ModuleType) -> Path:
    path: Path = hand_records.build_db(tmp_path_factory.mktemp("report") / "r.duckdb")
    return path


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    with Store(db, read_only=True) as s:
        yield s


def test_markdown_has_figures_sources_events_and_disputes(store: Store) -> None:
    md = to_markdown(build(store.con, place="Kharkiv"))
    assert md.startswith("# Situation report: Kharkiv, all dates")
    figures, rest = md.split("## Events in order")
    events, disputed = rest.split("## Disputed")
    assert "killed in Kharkiv, 2022-03-01" in figures
    assert "low 21" in figures and "high open-ended" in figures
    assert "at least 40: Ukrainian officials via Lviv Daily" in figures
    assert "21: regional authorities via Kyiv Wire" in figures
    lines = [x for x in events.splitlines() if x.startswith("- ")]
    assert [x[2:12] for x in lines] == ["2022-03-01", "2022-03-02"]  # in order
    assert "Goma" not in md
    assert "figures: killed in Kharkiv on 2022-03-01" in disputed
    assert "Moscow (denies" in disputed


def test_date_range_narrows_the_report(store: Store) -> None:
    md = to_markdown(build(store.con, since=dt.date(2023, 1, 1)))
    assert "Goma" in md and "Kharkiv" not in md
    assert "Nothing disputed in this selection." in md
    empty = to_markdown(build(store.con, place="Atlantis"))
    assert "No casualty figures" in empty and "No events" in empty


def test_markup_from_articles_is_escaped(store: Store) -> None:
    report = build(store.con, place="Goma")
    page = to_html(report)
    assert "<script>" not in page and "<img" not in page and "<i>people" not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "&lt;b&gt;Goma&lt;/b&gt; Post" in page
    md = to_markdown(report)
    assert "<script>" not in md and "<b>" not in md
    assert "&lt;b>Goma&lt;/b> Post" in md  # no tag can open without "<"
    assert "Kharkiv" not in md  # statements about other places stay out


def test_html_is_a_standalone_page(store: Store) -> None:
    page = to_html(build(store.con))
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert "<script" not in page and "http://" not in page
    assert 'href="https://example.org/a"' in page


def test_cli_report(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(main, ["report", "--db", str(db), "--place", "UA", "--until", "2022-03-01"])
    assert r.exit_code == 0, r.output
    assert "# Situation report: UA, until 2022-03-01" in r.output
    out = tmp_path / "r.html"
    r = runner.invoke(main, ["report", "--db", str(db), "--format", "html", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "<h2>Disputed</h2>" in out.read_text(encoding="utf-8")
    r = runner.invoke(main, ["report", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 2


def test_report_uses_the_reconciler_when_it_has_run(db: Path, tmp_path: Path) -> None:
    reconcile = pytest.importorskip("sitrep.reconcile")
    copy = tmp_path / "rec.duckdb"
    copy.write_bytes(db.read_bytes())
    with Store(copy) as s:
        reconcile.reconcile(s)
        md = to_markdown(build(s.con, place="Kharkiv"))
    assert "reconciled across articles" in md
    # the 21 of the first report is superseded by the 40 another outlet reported that day
    assert "low 40, best 40, high 40" in md
    # one entry per incident: where and when, its reach, best figure, range, what it superseded
    incidents = md.split("## Incidents")[1].split("## Key figures")[0]
    assert "### 1. Kharkiv" in incidents and "report(s)" in incidents
    assert "best from at least 40: Ukrainian officials via Lviv Daily" in incidents
    assert "earlier: 21 (regional authorities, 2022-03-02)" in incidents
    assert "disputed (denial): Moscow (denies" in incidents


def test_running_totals_follow_the_incident_figure(
    hand_records: ModuleType, tmp_path: Path
) -> None:
    """A running total reported alongside an incident is its own tally, listed after the
    incident's figure under a label, never mixed into it."""
    reconcile = pytest.importorskip("sitrep.reconcile")
    path = hand_records.build_db(tmp_path / "run.duckdb", running=True)
    with Store(path) as s:
        reconcile.reconcile(s)
        md = to_markdown(build(s.con, place="Kharkiv"))
        page = to_html(build(s.con, place="Kharkiv"))
    incidents = md.split("## Incidents")[1].split("## Key figures")[0]
    own = incidents.index("low 40, best 40, high 40")
    note = incidents.index("Running totals reported alongside")
    total = incidents.index("killed (cumulative)")
    assert own < note < total
    assert "best 870" in incidents[total:] and "870" not in incidents[:note]
    key = md.split("## Key figures")[1].split("## Events in order")[0]
    assert key.index("killed in Kharkiv") < key.index("(running total, cumulative)")
    assert "Running totals reported alongside" in page
