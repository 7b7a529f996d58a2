"""``sitrep eval incidents``: the real-reporting set's scores, and a clear refusal or skip
when its gold or its texts are not there (the texts live outside the repository)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.errors import InputError
from sitrep.eval import run_task
from sitrep.eval.incidents import MissingTexts, bcubed, pairwise

STRIKE = (
    "A missile strike on an apartment block in Zhytomyr killed 12 people on Friday, the regional "
    "governor said. Rescuers searched the rubble of the nine-storey building through the day."
)
FOLLOW = (
    "Fourteen people were killed in Friday's missile strike on an apartment block in Zhytomyr, "
    "the regional governor said on Saturday, as rescuers finished searching the rubble."
)
FLOOD = (
    "A landslide buried four houses in a mountain village on Friday, killing four people, "
    "the emergency service said."
)


def _gold(tmp: Path, *, texts: bool = True) -> tuple[Path, Path]:
    data, arts = tmp / "real", tmp / "real-articles"
    data.mkdir()
    arts.mkdir()
    lines = [
        ("a.txt", "2023-04-28", "strike", STRIKE),
        ("b.txt", "2023-04-29", "strike", FOLLOW),
        ("c.txt", "2023-04-28", "flood", FLOOD),
    ]
    gold = [
        {"file": f, "published": d, "language": "en", "incident": i, "copy_group": None}
        for f, d, i, _ in lines
    ]
    (data / "gold-x.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold))
    (data / "incidents-x.json").write_text(
        json.dumps({"strike": {"killed_final": 14}, "flood": {"killed_final": 4}})
    )
    if texts:
        for f, _, _, t in lines:
            (arts / f).write_text(t)
    return data, arts


def test_bcubed_and_pairwise() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed(gold, {"a": 1, "b": 1, "c": 2}) == (1.0, 1.0, 1.0)  # type: ignore[dict-item]
    p, r, _ = bcubed(gold, {"a": "1", "b": "2", "c": "3"})
    assert p == 1.0 and r == pytest.approx(2 / 3)
    pw = pairwise(gold, {"a": "1", "b": "1", "c": "1"})
    assert (pw.tp, pw.fp, pw.fn) == (1, 2, 0)


def test_no_gold_or_no_texts_fail_loudly(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no gold items"):
        run_task("incidents", tmp_path)
    data, arts = _gold(tmp_path, texts=False)
    with pytest.raises(MissingTexts, match="rebuild them"):
        run_task("incidents", data, articles=arts)
    r = CliRunner().invoke(
        main, ["eval", "incidents", "--data", str(data), "--articles", str(arts)]
    )
    assert r.exit_code != 0 and "rebuild them" in r.output


def test_scores_on_a_small_set(tmp_path: Path) -> None:
    data, arts = _gold(tmp_path)
    report = run_task("incidents", data, articles=arts)
    s = report.systems["sitrep"]
    assert report.n == 3 and s["invariant_violations"] == 0
    # the follow-up joins the strike, the landslide stays apart, the later 14 supersedes 12
    assert s["incident_bcubed_f1"] == 1.0 and s["incident_pairwise_f1"] == 1.0
    assert s["tally_final_ok"] == 1.0 and s["clusters"] == 2
