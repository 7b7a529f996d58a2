"""Scoring of the boilerplate task on tiny hand-made benchmark folders."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from sitrep.eval import boilerplate as bp
from sitrep.eval.base import Progress

BODY = (
    "Rescue teams searched the flooded valley on Sunday after the dam gave way. "
    "Officials said hundreds of homes were under water and roads were cut."
)
PAGE = f"""<!doctype html><html><head><title>Flood</title>
<script>var tracking = "do not count me";</script><style>p {{ color: red }}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Dam bursts</h1><p>{BODY}</p></article>
<footer>Copyright Example News</footer></body></html>"""


def _folder(tmp_path: Path, pages: dict[str, tuple[str, str]]) -> Path:
    (tmp_path / "html").mkdir()
    gold = {}
    for pid, (html, body) in pages.items():
        with gzip.open(tmp_path / "html" / f"{pid}.html.gz", "wt", encoding="utf-8") as f:
            f.write(html)
        gold[pid] = {"articleBody": body, "url": f"https://example.org/{pid}"}
    (tmp_path / "ground-truth.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


def test_tokens_and_shingles() -> None:
    assert bp.tokenize("Kyiv's mayor, 54, said") == ["Kyiv", "s", "mayor", "54", "said"]
    assert bp.shingles("one two") == {("one", "two"): 1}
    assert sum(bp.shingles("a b c d e f").values()) == 3
    assert not bp.shingles("")


def test_perfect_prediction_scores_one() -> None:
    pages = [bp.shingle_match(BODY, BODY), bp.shingle_match("short text", "short text")]
    assert bp.metrics(pages) == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "accuracy": 1.0}


def test_empty_prediction_scores_zero() -> None:
    pages = [bp.shingle_match(BODY, ""), bp.shingle_match(BODY, None)]
    m = bp.metrics(pages)
    assert m["f1"] == 0.0 and m["recall"] == 0.0 and m["accuracy"] == 0.0


def test_partial_prediction_exact_value() -> None:
    # gold has shingles (a b c d), (b c d e); the prediction only (a b c d): P 1, R 0.5
    one = bp.shingle_match("a b c d e", "a b c d")
    assert one == (0.5, 0.0, 0.5)
    # a second page all wrong: P 0, R 0; averaged P 0.5, R 0.25, F1 = 2*.5*.25/.75
    two = bp.shingle_match("w x y z", "p q r s")
    m = bp.metrics([one, two])
    assert m["precision"] == 0.5
    assert m["recall"] == 0.25
    assert m["f1"] == pytest.approx(0.3333, abs=1e-4)
    assert m["accuracy"] == 0.0


def test_fulltext_drops_scripts_and_keeps_body() -> None:
    text = bp._fulltext(PAGE)
    assert "Rescue teams searched" in text
    assert "tracking" not in text and "color" not in text
    assert "Home" in text  # navigation is visible text: fulltext keeps it


def test_score_survives_a_failing_system() -> None:
    def broken(html: str) -> str:
        raise RuntimeError("boom")

    res = bp.score({"p1": BODY}, [("p1", PAGE)], {"broken": broken, "full": bp._fulltext})
    assert res["broken"]["f1"] == 0.0
    assert res["full"]["recall"] == 1.0
    assert 0.0 < res["full"]["precision"] < 1.0


def test_run_on_a_tiny_folder(tmp_path: Path) -> None:
    data = _folder(tmp_path, {"p1": (PAGE, BODY), "p2": (PAGE, BODY)})
    report = bp.run(data, limit=1, progress=Progress.silent())
    assert report.task == "boilerplate" and report.n == 1
    assert set(report.systems) == {"sitrep", "trafilatura", "justext", "fulltext"}
    assert report.reference and "0.958" in report.reference
    assert report.systems["fulltext"]["recall"] == 1.0
    assert bp.read_page(data, "p2").startswith("<!doctype html>")
