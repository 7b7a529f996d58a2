"""``sitrep eval real``: the real-reporting set's per-article and cross-article scores in one
reading of the texts, equal to the set's own scorer, and a loud refusal when gold or texts are
missing. Every text here is made up; the real set's texts are never in the repository."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.errors import EvalDataError
from sitrep.eval import run_task
from sitrep.eval.docs import render, run_suites
from sitrep.eval.incidents import MissingTexts
from sitrep.eval.real import name_ok, overlaps, per_article, score_article, span

SCORE_PY = Path(__file__).resolve().parents[2].parent / "shared" / "real" / "score.py"

STRIKE = (
    "A missile strike on an apartment block in Zhytomyr killed 12 people on Friday, the regional "
    'governor said. "We are still pulling people from the rubble," Ivan Petrenko told '
    "reporters."
)
FOLLOW = (
    "Fourteen people were killed in Friday's missile strike on an apartment block in Zhytomyr, "
    "the regional governor said on Saturday, as rescuers finished searching the rubble."
)
FRENCH = (
    "Une frappe de missile sur un immeuble de Jytomyr a tué douze personnes vendredi, a déclaré "
    "le gouverneur de la région. Les secouristes ont fouillé les décombres toute la journée."
)


def _at(text: str, piece: str) -> list[Any]:
    start = text.index(piece)
    end = start + len(piece)
    return [start, end, hashlib.sha1(text[start:end].encode()).hexdigest()[:12]]


def _claim(text: str, sentence: str, value: int, **kw: Any) -> dict[str, Any]:
    return {"value": value, "kind": "killed", "victims": "people", "source": None,
            "source_alts": [], "at": _at(text, sentence), **kw}  # fmt: skip


def _set(tmp: Path, *, texts: bool = True) -> tuple[Path, Path]:
    data, arts = tmp / "real", tmp / "real-articles"
    data.mkdir()
    arts.mkdir()
    first = STRIKE.split(". ")[0]
    gold = [
        {"file": "a.txt", "published": "2023-04-28", "url": "https://example.org/a",
         "language": "en", "incident": "strike", "copy_group": None,
         "claims": [_claim(STRIKE, first, 12, source="the regional governor",
                           place="Zhytomyr", lat=50.25, lon=28.66, precision="city")],
         "quotes": [{"speaker": "Ivan Petrenko", "speaker_alts": [],
                     "at": _at(STRIKE, "We are still pulling")}]},
        {"file": "b.txt", "published": "2023-04-29", "url": "https://example.org/b",
         "language": "en", "incident": "strike", "copy_group": None,
         "claims": [_claim(FOLLOW, FOLLOW, 14, source="the regional governor"),
                    _claim(FOLLOW, FOLLOW, 3)], "quotes": []},
        {"file": "c.txt", "published": "2023-04-28", "url": "https://example.org/c",
         "language": "fr", "incident": "strike", "copy_group": None, "claims": [], "quotes": []},
    ]  # fmt: skip
    (data / "gold-x.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold))
    (data / "incidents-x.json").write_text(json.dumps({"strike": {"killed_final": 14}}))
    if texts:
        for f, t in (("a.txt", STRIKE), ("b.txt", FOLLOW), ("c.txt", FRENCH)):
            (arts / f).write_text(t, encoding="utf-8")
    return data, arts


def test_matching_rules() -> None:
    assert name_ok("the regional governor of Kyiv", "regional governor", [])
    assert not name_ok("the governor", "regional governor", [])
    assert name_ok("Ministry", "the ministry of health", ["ministry"])
    assert name_ok(None, None, []) and name_ok("Example News", None, [], outlet="Example News")
    assert not name_ok("the army", None, [], outlet="Example News")
    assert overlaps("killed 12 people", "A strike killed 12 people on Friday.")
    assert not overlaps("rescuers searched all night", "A strike killed 12 people.")
    text = "xx Hello there. yy"
    assert span(text, _at(text, "Hello there.")) == "Hello there."
    shifted = _at(text, "Hello there.")
    shifted[0] += 1
    shifted[1] += 1
    assert span(text, shifted) == "Hello there."  # found again by its hash


def test_score_article_counts_and_misses() -> None:
    gold = {"file": "a.txt", "claims": [_claim(STRIKE, STRIKE.split(". ")[0], 12)], "quotes": []}
    rec = {"casualties": [{"kind": "killed", "count": 12, "victims": "people", "source": "x",
                           "evidence": {"text": "killed 12 people"}},
                          {"kind": "injured", "count": 3, "evidence": {"text": "three hurt"}}]}  # fmt: skip
    tally: Counter[str] = Counter()
    misses: list[Any] = []
    score_article(gold, rec, STRIKE, tally, misses)
    assert tally["found"] == 1 and tally["victims_ok"] == 1 and tally["source_ok"] == 0
    assert [m["miss"] for m in misses] == ["source"]
    s = per_article(tally)
    assert s["claim_recall"] == 1.0 and s["claim_precision_upper"] == 0.5


def test_no_gold_or_no_texts_fail_loudly(tmp_path: Path) -> None:
    with pytest.raises(EvalDataError, match="no gold lines"):
        run_task("real", tmp_path)
    r = CliRunner().invoke(main, ["eval", "real", "--data", str(tmp_path)])
    assert r.exit_code == 2 and "E500" in r.output
    data, arts = _set(tmp_path, texts=False)
    with pytest.raises(MissingTexts, match="rebuild them"):
        run_task("real", data, articles=arts)
    r = CliRunner().invoke(main, ["eval", "real", "--data", str(data), "--articles", str(arts)])
    assert r.exit_code == 2 and "rebuild them" in r.output


def test_benchmarks_skip_the_set_without_its_texts(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _, arts = _set(tmp_path, texts=False)
    monkeypatch.setenv("SITREP_REAL_ARTICLES", str(arts))
    monkeypatch.chdir(tmp_path)  # nor the repository's own set and its texts beside it
    logs: list[str] = []
    eval_root = tmp_path / "eval"
    eval_root.mkdir()
    assert run_suites(eval_root, only={"real"}, log=logs.append) == {}
    assert any(m.startswith("skip real:") for m in logs)


def test_a_suite_reads_its_own_texts_folder(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sitrep.eval import docs

    data, arts = _set(tmp_path)
    monkeypatch.delenv("SITREP_REAL_ARTICLES", raising=False)
    monkeypatch.chdir(tmp_path)  # no ../real-articles to fall back on
    own = docs.Suite("own", "real", str(data), "a set of our own", articles=str(arts))
    monkeypatch.setattr(docs, "SUITES", (own,))
    out = run_suites(tmp_path, only={"own"})
    assert out["own"]["command"].endswith(f"--articles {arts}")
    assert out["own"]["systems"]["sitrep"]["claim_recall"] > 0  # scored, texts found


def test_scores_misses_and_targets(tmp_path: Path) -> None:
    data, arts = _set(tmp_path)
    misses = tmp_path / "out" / "misses.json"
    r = CliRunner().invoke(
        main,
        ["eval", "real", "--data", str(data), "--articles", str(arts), "--misses", str(misses),
         "--format", "json"],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    report = json.loads(r.output)
    s = report["systems"]["sitrep"]
    assert report["n"] == 3 and s["foreign_refused"] == "1/1"
    # the made-up "3 killed" is in no text: one of three gold claims is missed
    assert s["claim_recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert s["invariant_violations"] == 0 and "incident_bcubed_f1" in s
    written = json.loads(misses.read_text())
    assert {"file": "b.txt", "miss": "claim"}.items() <= written[0].items()
    assert report["targets"]["claim_recall"] == ">= 0.90"
    entry = {**report, "command": "sitrep eval real", "date": "d", "commit": "c"}
    md = render({"real": entry})
    assert "| claim_recall | 0.667 | >= 0.90 |" in md


@pytest.mark.skipif(not SCORE_PY.is_file(), reason="the real set's scorer is not beside the repo")
def test_equals_the_sets_own_scorer(tmp_path: Path) -> None:
    data, arts = _set(tmp_path)
    ours = run_task("real", data, articles=arts, misses=tmp_path / "ours.json").systems["sitrep"]
    sitrep_bin = Path(sys.executable).parent / "sitrep"
    out = subprocess.run(
        [sys.executable, str(SCORE_PY), "--set", str(data), "--articles", str(arts),
         "--out", str(tmp_path / "score"), "--sitrep", str(sitrep_bin)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    theirs = json.loads(out)
    for k in ("claim_recall", "source_ok", "place_ok", "victims_ok", "quote_recall",
              "speaker_ok", "claim_precision_upper", "foreign_refused", "invariant_violations"):  # fmt: skip
        assert ours[k] == theirs[k], k
    assert ours["incident_bcubed_f1"] == theirs["incident_bcubed_f1"]
    n_ok, n = theirs["incident_final_figure_ok"].split("/")
    assert round(ours["tally_final_ok"], 4) == round(int(n_ok) / int(n), 4)

    def keyed(path: Path) -> list[str]:
        return sorted(json.dumps(m, sort_keys=True) for m in json.loads(path.read_text()))

    assert keyed(tmp_path / "ours.json") == keyed(tmp_path / "score" / "misses.json")
