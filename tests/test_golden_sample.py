"""Golden test: the seed article gives every fact in its expected.json (but events), and no
casualty claim that is not there. Matching is by meaning: names case-insensitively, numbers
exactly, dates as ISO days."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import sitrep

pytestmark = pytest.mark.slow

DATA = Path(__file__).parent / "data"
EXPECTED = json.loads((DATA / "gbnews-2022-03-02-kharkiv.expected.json").read_text())


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    text = (DATA / "gbnews-2022-03-02-kharkiv.txt").read_text(encoding="utf-8")
    return sitrep.extract(text, published=EXPECTED["published"]).to_dict()


def _low(s: object) -> str:
    return str(s or "").strip().lower()


def test_article_metadata_and_residue(result: dict[str, Any]) -> None:
    art = result["article"]
    assert art["outlet"] == EXPECTED["outlet"]
    assert art["published"] == EXPECTED["published"]
    removed = [r["text"] for r in art["removed"]]
    for line in EXPECTED["boilerplate_removed"]:
        assert line in removed
        assert line not in art["text"]
    reasons = {r["reason"] for r in art["removed"]}
    assert "repeated lead" in reasons
    assert set(result) >= {
        "article",
        "entities",
        "places",
        "times",
        "casualties",
        "quotes",
        "claims",
        "events",
    }


def _match_casualty(got: dict[str, Any], exp: dict[str, Any]) -> bool:
    if got["kind"] != exp["kind"] or got["count"] != exp["count"]:
        return False
    if "low" in exp and got["low"] != exp["low"]:
        return False
    if exp.get("qualifier") not in (None, "exact") and _low(got["hedge"]) != exp["qualifier"]:
        return False
    if _low(got["victims"]) != _low(exp["victims"]):
        return False
    if _low(got["source"]) != _low(exp["source"]):
        return False
    if "cause" in exp and _low(got["cause"]) != _low(exp["cause"]):
        return False
    if _low((got["place"] or {}).get("name")) != _low(exp["place"]):
        return False
    if "scope" in exp and got["scope"] != exp["scope"]:
        return False
    if "perpetrator" in exp and _low(got["perpetrator"]) != _low(exp["perpetrator"]):
        return False
    if "date" in exp and got["date"] != exp["date"]:
        return False
    if "period" in exp and exp["period"].startswith("past 24 hours"):
        return got["period"] == "2022-03-01/2022-03-02"
    return True


def test_casualty_claims_exactly(result: dict[str, Any]) -> None:
    got = result["casualties"]
    for exp in EXPECTED["casualties"]:
        assert any(_match_casualty(g, exp) for g in got), f"missing claim {exp}\ngot {got}"
    assert len(got) == len(EXPECTED["casualties"]), f"extra claims: {got}"
    for g in got:
        assert (
            g["evidence"]["text"]
            == result["article"]["text"][g["evidence"]["start"] : g["evidence"]["end"]]
        )
        assert 0 < g["confidence"] <= 1


def test_quotes(result: dict[str, Any]) -> None:
    for exp in EXPECTED["quotes"]:
        found = [q for q in result["quotes"] if q["text"].strip() == exp["text"].strip()]
        assert found, f"missing quote {exp['text'][:40]}"
        q = found[0]
        assert _low(q["speaker"]) == _low(exp["speaker"])
        assert _low(q["cue"]) == _low(exp["cue"])
        if "date" in exp:
            assert q["date"] == exp["date"]


def test_claims_and_stance(result: dict[str, Any]) -> None:
    claims = result["claims"]
    for exp in EXPECTED["claims"]:
        assert any(
            _low(c["source"]) == _low(exp["source"]) and c["stance"] == exp["stance"]
            for c in claims
        ), f"missing claim {exp}"
    denial = next(c for c in claims if _low(c["source"]) == "moscow" and c["stance"] == "denies")
    assert "civilians" in _low(denial["content"])
    killed_civilians = [c["id"] for c in result["casualties"] if c["victims"] == "civilians"]
    assert set(denial["contradicts"]) == set(killed_civilians)


def test_places(result: dict[str, Any]) -> None:
    places = result["places"]
    for exp in EXPECTED["places"]:
        found = [
            p
            for p in places
            if _low(p["name"]) == _low(exp["name"]) and p["country"] == exp["country"]
        ]
        assert found, f"missing place {exp['name']}"
        if "lat" in exp:
            assert abs(found[0]["lat"] - exp["lat"]) < 0.2
            assert abs(found[0]["lon"] - exp["lon"]) < 0.2
        if exp.get("kind") == "country":
            assert found[0]["precision"] == "country"
    moscow = [p for p in places if p["text"] == "Moscow"]
    assert moscow and all(
        p["role"] == "actor"
        for p in moscow
        if "denies" in result["article"]["text"][p["end"] : p["end"] + 8]
    )


def test_times(result: dict[str, Any]) -> None:
    times = result["times"]
    for exp in EXPECTED["times"]:
        if exp["text"] == "nearly a week":
            found = [t for t in times if t["text"].lower().endswith("nearly a week")]
            assert found and "P1W" in found[0]["value"]
            continue
        found = [
            t
            for t in times
            if _low(t["text"]) == _low(exp["text"]) or _low(t["text"]).endswith(_low(exp["text"]))
        ]
        assert found, f"missing time {exp['text']}"
        assert found[0]["value"].startswith(exp["value"]), (exp, found[0])


def test_entities(result: dict[str, Any]) -> None:
    got = {(e["label"], _low(e["text"])) for e in result["entities"]}
    for label, names in EXPECTED["entities"].items():
        for name in names:
            n = _low(name)
            assert any(lab == label and (t == n or t.startswith(n + " ")) for lab, t in got), (
                label,
                name,
            )


def test_not_casualties(result: dict[str, Any]) -> None:
    counts = {c["count"] for c in result["casualties"]}
    assert 1_500_000 not in counts and 44_000_000 not in counts and 3 not in counts
