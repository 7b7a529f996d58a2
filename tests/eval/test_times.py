"""Scoring for ``sitrep eval times`` on tiny hand-made TimeML files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitrep.errors import EvalDataError
from sitrep.eval import times as ev
from sitrep.eval.base import Progress

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-06-09" temporalFunction="false" functionInDocument="CREATION_TIME">2021-06-09</TIMEX3></DCT>
<TEXT>
Rebels <EVENT eid="e1" class="OCCURRENCE">attacked</EVENT> the garrison <TIMEX3 tid="t1" type="DATE" value="2021-06-08">yesterday</TIMEX3> &amp; held it for <TIMEX3 tid="t2" type="DURATION" value="PT6H">six hours</TIMEX3>.
Talks resumed on <TIMEX3 tid="t3" type="DATE" value="2021-06-07">Monday</TIMEX3>.
</TEXT>
</TimeML>
"""


def _write(tmp_path: Path, body: str = TML, name: str = "doc.tml") -> Path:
    sub = tmp_path / "TimeBank"
    sub.mkdir(exist_ok=True)
    path = sub / name
    path.write_text(body, encoding="utf-8")
    return path


def test_read_tml_text_offsets_and_dct(tmp_path: Path) -> None:
    doc = ev.read_tml(_write(tmp_path))
    assert doc.dct == dt.date(2021, 6, 9)
    assert "&" in doc.text and "<" not in doc.text
    assert [(doc.text[g.start : g.end], g.value) for g in doc.gold] == [
        ("yesterday", "2021-06-08"),
        ("Monday", "2021-06-07"),
    ]  # the DURATION and the creation time are not scored


def _metrics(gold: list[ev.Span], pred: list[ev.Span]) -> dict[str, float]:
    tally = ev.Tally()
    tally.add(gold, pred)
    return tally.metrics()


GOLD = [ev.Span(10, 19, "DATE", "2021-06-08"), ev.Span(40, 46, "DATE", "2021-06-07")]


def test_perfect_prediction_scores_one() -> None:
    m = _metrics(GOLD, list(GOLD))
    assert m["span_f1"] == 1.0
    assert m["value_f1"] == 1.0


def test_empty_prediction_scores_zero() -> None:
    m = _metrics(GOLD, [])
    assert m["span_f1"] == 0.0
    assert m["value_f1"] == 0.0


def test_partial_prediction() -> None:
    pred = [
        ev.Span(7, 19, "DATE", "2021-06-08"),  # overlaps gold 1, right value
        ev.Span(37, 46, "DATE", "2021-05-31"),  # overlaps gold 2, wrong value
        ev.Span(60, 65, "DATE", "2021"),  # no gold there
    ]
    m = _metrics(GOLD, pred)
    assert m["span_precision"] == pytest.approx(0.6667, abs=1e-4)
    assert m["span_recall"] == 1.0
    assert m["span_f1"] == pytest.approx(0.8, abs=1e-4)
    assert m["value_precision"] == pytest.approx(0.3333, abs=1e-4)
    assert m["value_recall"] == 0.5
    assert m["value_f1"] == pytest.approx(0.4, abs=1e-4)


def test_alignment_is_one_to_one() -> None:
    pred = [ev.Span(10, 14, "DATE", "2021-06-08"), ev.Span(14, 19, "DATE", "2021-06-08")]
    assert ev.align(GOLD[:1], pred) == (1, 1)


def test_run_scores_sitrep_and_peer(tmp_path: Path) -> None:
    _write(tmp_path)
    report = ev.run(tmp_path, limit=None, progress=Progress.silent())
    assert report.task == "times"
    assert report.n == 1
    assert report.reference and "HeidelTime" in report.reference
    assert set(report.systems) == {"sitrep", "dateparser"}
    sitrep = report.systems["sitrep"]
    assert sitrep["value_f1"] == 1.0
    assert sitrep["gold"] == 2


def test_run_skips_documents_without_creation_time(tmp_path: Path) -> None:
    """Regression (issue 16): with every document skipped there is no gold to score: loud."""
    _write(tmp_path, TML.replace('functionInDocument="CREATION_TIME"', ""), "nodct.tml")
    with pytest.raises(EvalDataError, match=r"1 of 1 file\(s\) without a creation time"):
        ev.run(tmp_path, limit=None, progress=Progress.silent())
