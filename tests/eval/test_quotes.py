"""Tests for sitrep.eval.quotes: brat reading, quotation filtering and overlap scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.eval.base import Progress
from sitrep.eval.quotes import (
    GoldQuote,
    PredQuote,
    join_chains,
    load_split,
    parse_ann,
    run,
    score,
)

TEXT = (
    '"The road to the port is cut," the governor said on Monday.\n'
    "Officials said the talks would resume.\n"
    '"We have no fuel left," a doctor told reporters. "The generators stopped at noon."\n'
)


def _offsets(sub: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(sub, start + 1)
    return start, start + len(sub)


def _ann() -> str:
    q1 = _offsets('"The road to the port is cut,"')
    s1 = _offsets("the governor")
    c1 = _offsets("said")
    q2 = _offsets("the talks would resume")
    s2 = _offsets("Officials")
    c2 = _offsets("said", 1)
    q3a = _offsets('"We have no fuel left,"')
    q3b = _offsets('"The generators stopped at noon."')
    s3 = _offsets("a doctor")
    c3 = _offsets("told")
    return "\n".join(
        [
            f"T1\tSource {s1[0]} {s1[1]}\tthe governor",
            f"T2\tCue {c1[0]} {c1[1]}\tsaid",
            f"T3\tContent {q1[0]} {q1[1]}\tx",
            f"T4\tAttribution {c1[0]} {c1[1]}\tsaid",
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
            f"T5\tSource {s2[0]} {s2[1]}\tOfficials",
            f"T6\tCue {c2[0]} {c2[1]}\tsaid",
            f"T7\tContent {q2[0]} {q2[1]}\tx",
            f"T8\tAttribution {c2[0]} {c2[1]}\tsaid",
            "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
            f"T9\tSource {s3[0]} {s3[1]}\ta doctor",
            f"T10\tCue {c3[0]} {c3[1]}\ttold",
            f"T11\tContent {q3a[0]} {q3a[1]};{q3b[0]} {q3b[1]}\tx",
            f"T12\tAttribution {c3[0]} {c3[1]}\ttold",
            "E3\tAttribution:T12 Content:T11 Cue:T10 Source:T9 ",
        ]
    )


@pytest.fixture()
def split(tmp_path: Path) -> Path:
    root = tmp_path / "polnear"
    for sub in ("text", "attributions"):
        (root / "dev" / sub).mkdir(parents=True)
    (root / "dev" / "text" / "article-one.txt").write_text(TEXT, encoding="utf-8")
    (root / "dev" / "attributions" / "article-one_ab12.ann").write_text(_ann(), encoding="utf-8")
    # a second annotator of the same article is ignored
    (root / "dev" / "attributions" / "article-one_cd34.ann").write_text("", encoding="utf-8")
    return root


def test_parse_ann_keeps_only_quoted_contents() -> None:
    gold = parse_ann(_ann(), TEXT)
    assert len(gold) == 2  # the indirect "the talks would resume" is not scored
    assert gold[0].source == (_offsets("the governor"),)
    assert len(gold[1].content) == 2  # a split quotation is one attribution


def test_load_split_accepts_root_or_split(split: Path) -> None:
    for path in (split, split / "dev"):
        docs = load_split(path)
        assert [d.name for d in docs] == ["article-one"]
        assert len(docs[0].gold) == 2


def _gold() -> list[GoldQuote]:
    return parse_ann(_ann(), TEXT)


def test_perfect_prediction_scores_one() -> None:
    gold = _gold()
    pred = [PredQuote(g.content, g.source) for g in gold]
    content, speaker = score([gold], [pred])
    assert content.f1 == 1.0
    assert speaker.f1 == 1.0


def test_empty_prediction_scores_zero() -> None:
    content, speaker = score([_gold()], [[]])
    assert content.f1 == 0.0
    assert speaker.f1 == 0.0


def test_partial_prediction() -> None:
    gold = _gold()
    pred = [
        PredQuote((_offsets("The road to the port"),), (_offsets("the governor"),)),
        PredQuote((_offsets("We have no fuel"),), (_offsets("reporters"),)),
        PredQuote((_offsets("Officials said"),), ()),
    ]
    content, speaker = score([gold], [pred])
    # content: 2 of 3 predictions overlap a gold quotation, both golds found
    assert content.precision == pytest.approx(2 / 3)
    assert content.recall == 1.0
    assert content.f1 == pytest.approx(0.8)
    # speaker: only the governor's span overlaps its gold source
    assert speaker.precision == pytest.approx(1 / 3)
    assert speaker.recall == pytest.approx(1 / 2)
    assert speaker.f1 == pytest.approx(0.4)


def test_each_gold_matched_once() -> None:
    gold = _gold()[:1]
    span = gold[0].content
    content, _ = score([gold], [[PredQuote(span), PredQuote(span)]])
    assert (content.tp, content.fp, content.fn) == (1, 1, 0)


def test_join_chains_merges_continued_quotations() -> None:
    a = PredQuote(((0, 5),), ((10, 12),), (10, "said"))
    b = PredQuote(((20, 30),), ((10, 12),), (10, "said"))
    c = PredQuote(((40, 50),), ((45, 47),), (45, "said"))
    joined = join_chains([a, b, c])
    assert [p.content for p in joined] == [((0, 5), (20, 30)), ((40, 50),)]


@pytest.mark.slow
def test_run_scores_sitrep_and_textacy(split: Path) -> None:
    report = run(split, limit=None, progress=Progress.silent())
    assert report.n == 2
    assert set(report.systems) == {"sitrep", "textacy"}
    assert report.systems["sitrep"]["content_f1"] == 1.0
    assert report.reference and "83.2" in report.reference
